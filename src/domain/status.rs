//! A case's status, derived from its timeline, never typed by hand.

use super::{Event, EventKind, Regime};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseStatus {
    Draft,
    AwaitingResponse,
    ClarificationRequested,
    Overdue,
    Responded,
    ReviewRequested,
    ReviewOverdue,
    Reviewed,
    WithIco,
    IcoDecided,
    AtTribunal,
    Closed,
    Withdrawn,
    /// Scotland: with the Scottish Information Commissioner.
    WithSic,
    /// Scotland: the Scottish Information Commissioner has decided.
    SicDecided,
    /// Scotland: appealed to the Court of Session.
    AtCourtOfSession,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 16] = [
        CaseStatus::Draft,
        CaseStatus::AwaitingResponse,
        CaseStatus::ClarificationRequested,
        CaseStatus::Overdue,
        CaseStatus::Responded,
        CaseStatus::ReviewRequested,
        CaseStatus::ReviewOverdue,
        CaseStatus::Reviewed,
        CaseStatus::WithIco,
        CaseStatus::IcoDecided,
        CaseStatus::AtTribunal,
        CaseStatus::Closed,
        CaseStatus::Withdrawn,
        CaseStatus::WithSic,
        CaseStatus::SicDecided,
        CaseStatus::AtCourtOfSession,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Draft => "draft",
            CaseStatus::AwaitingResponse => "awaiting-response",
            CaseStatus::ClarificationRequested => "clarification-requested",
            CaseStatus::Overdue => "overdue",
            CaseStatus::Responded => "responded",
            CaseStatus::ReviewRequested => "review-requested",
            CaseStatus::ReviewOverdue => "review-overdue",
            CaseStatus::Reviewed => "reviewed",
            CaseStatus::WithIco => "with-ico",
            CaseStatus::IcoDecided => "ico-decided",
            CaseStatus::AtTribunal => "at-tribunal",
            CaseStatus::Closed => "closed",
            CaseStatus::Withdrawn => "withdrawn",
            CaseStatus::WithSic => "with-sic",
            CaseStatus::SicDecided => "sic-decided",
            CaseStatus::AtCourtOfSession => "at-court-of-session",
        }
    }

    /// The status under the names of the case's regime: Scotland's path runs to the
    /// Scottish Information Commissioner and the Court of Session, not the ICO and the
    /// Tribunal.
    pub fn in_regime(self, regime: Regime) -> CaseStatus {
        match (self, regime.is_scottish()) {
            (CaseStatus::WithIco, true) => CaseStatus::WithSic,
            (CaseStatus::IcoDecided, true) => CaseStatus::SicDecided,
            (CaseStatus::AtTribunal, true) => CaseStatus::AtCourtOfSession,
            (CaseStatus::WithSic, false) => CaseStatus::WithIco,
            (CaseStatus::SicDecided, false) => CaseStatus::IcoDecided,
            (CaseStatus::AtCourtOfSession, false) => CaseStatus::AtTribunal,
            (s, _) => s,
        }
    }

    /// Closed and withdrawn cases need nothing more from anyone.
    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Closed | CaseStatus::Withdrawn)
    }

    /// The authority owes something and is late.
    pub fn is_overdue(self) -> bool {
        matches!(self, CaseStatus::Overdue | CaseStatus::ReviewOverdue)
    }

    /// Derive the status from the timeline (sorted by date). `response_overdue` and
    /// `review_overdue` come from the clocks, which know the working-day calendar.
    pub fn derive(
        sent: bool,
        events: &[Event],
        response_overdue: bool,
        review_overdue: bool,
    ) -> CaseStatus {
        let mut status = if sent {
            CaseStatus::AwaitingResponse
        } else {
            CaseStatus::Draft
        };
        for e in events {
            status = match e.kind {
                EventKind::Sent if status == CaseStatus::Draft => CaseStatus::AwaitingResponse,
                EventKind::ClarificationRequested => CaseStatus::ClarificationRequested,
                EventKind::ClarificationSent if status == CaseStatus::ClarificationRequested => {
                    CaseStatus::AwaitingResponse
                }
                EventKind::Response => CaseStatus::Responded,
                EventKind::ReviewRequested => CaseStatus::ReviewRequested,
                EventKind::ReviewResponse => CaseStatus::Reviewed,
                EventKind::IcoComplaint => CaseStatus::WithIco,
                EventKind::IcoDecision => CaseStatus::IcoDecided,
                EventKind::TribunalAppeal => CaseStatus::AtTribunal,
                EventKind::Closed => CaseStatus::Closed,
                EventKind::Withdrawn => CaseStatus::Withdrawn,
                _ => status,
            };
        }
        match status {
            // A clarification asked for after the deadline does not stop the clock: the
            // response is still overdue.
            CaseStatus::AwaitingResponse | CaseStatus::ClarificationRequested
                if response_overdue =>
            {
                CaseStatus::Overdue
            }
            CaseStatus::ReviewRequested if review_overdue => CaseStatus::ReviewOverdue,
            s => s,
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ev(kind: EventKind) -> Event {
        Event {
            id: 0,
            case_id: 0,
            kind,
            date: NaiveDate::from_ymd_opt(2018, 2, 27).unwrap(),
            note: None,
            window: None,
            until: None,
            letter: None,
            reference: None,
        }
    }

    #[test]
    fn status_follows_the_timeline() {
        assert_eq!(
            CaseStatus::derive(false, &[], false, false),
            CaseStatus::Draft
        );
        assert_eq!(
            CaseStatus::derive(true, &[], false, false),
            CaseStatus::AwaitingResponse
        );
        assert_eq!(
            CaseStatus::derive(true, &[], true, false),
            CaseStatus::Overdue
        );
        let responded = [ev(EventKind::Sent), ev(EventKind::Response)];
        assert_eq!(
            CaseStatus::derive(true, &responded, true, false),
            CaseStatus::Responded
        );
        let clar = [ev(EventKind::ClarificationRequested)];
        assert_eq!(
            CaseStatus::derive(true, &clar, false, false),
            CaseStatus::ClarificationRequested
        );
        let review = [ev(EventKind::Response), ev(EventKind::ReviewRequested)];
        assert_eq!(
            CaseStatus::derive(true, &review, false, true),
            CaseStatus::ReviewOverdue
        );
        let closed = [
            ev(EventKind::Response),
            ev(EventKind::Closed),
            ev(EventKind::Note),
        ];
        assert_eq!(
            CaseStatus::derive(true, &closed, false, false),
            CaseStatus::Closed
        );
    }
}
