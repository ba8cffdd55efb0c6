//! Dated events on a case's timeline, and the spans of time letters state.

use super::Regime;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Sent,
    Acknowledged,
    ClarificationRequested,
    ClarificationSent,
    Extension,
    FeeNotice,
    FeePaid,
    Response,
    ReviewRequested,
    ReviewResponse,
    /// The complaint to the ICO; in Scotland the application to the SIC (FOISA s47).
    #[serde(alias = "sic-application")]
    IcoComplaint,
    /// The ICO's decision notice; in Scotland the SIC's decision.
    #[serde(alias = "sic-decision")]
    IcoDecision,
    /// The appeal to the First-tier Tribunal; in Scotland to the Court of Session.
    #[serde(alias = "court-of-session-appeal")]
    TribunalAppeal,
    Withdrawn,
    Closed,
    Note,
}

impl EventKind {
    pub const ALL: [EventKind; 16] = [
        EventKind::Sent,
        EventKind::Acknowledged,
        EventKind::ClarificationRequested,
        EventKind::ClarificationSent,
        EventKind::Extension,
        EventKind::FeeNotice,
        EventKind::FeePaid,
        EventKind::Response,
        EventKind::ReviewRequested,
        EventKind::ReviewResponse,
        EventKind::IcoComplaint,
        EventKind::IcoDecision,
        EventKind::TribunalAppeal,
        EventKind::Withdrawn,
        EventKind::Closed,
        EventKind::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Sent => "sent",
            EventKind::Acknowledged => "acknowledged",
            EventKind::ClarificationRequested => "clarification-requested",
            EventKind::ClarificationSent => "clarification-sent",
            EventKind::Extension => "extension",
            EventKind::FeeNotice => "fee-notice",
            EventKind::FeePaid => "fee-paid",
            EventKind::Response => "response",
            EventKind::ReviewRequested => "review-requested",
            EventKind::ReviewResponse => "review-response",
            EventKind::IcoComplaint => "ico-complaint",
            EventKind::IcoDecision => "ico-decision",
            EventKind::TribunalAppeal => "tribunal-appeal",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Closed => "closed",
            EventKind::Note => "note",
        }
    }

    /// Human wording for timelines ("Response received").
    pub fn describe(self) -> &'static str {
        match self {
            EventKind::Sent => "Request sent",
            EventKind::Acknowledged => "Acknowledged",
            EventKind::ClarificationRequested => "Clarification requested",
            EventKind::ClarificationSent => "Clarification sent",
            EventKind::Extension => "Extension",
            EventKind::FeeNotice => "Fee notice",
            EventKind::FeePaid => "Fee paid",
            EventKind::Response => "Response",
            EventKind::ReviewRequested => "Internal review requested",
            EventKind::ReviewResponse => "Internal review outcome",
            EventKind::IcoComplaint => "Complaint to the ICO",
            EventKind::IcoDecision => "ICO decision notice",
            EventKind::TribunalAppeal => "Tribunal appeal",
            EventKind::Withdrawn => "Withdrawn",
            EventKind::Closed => "Closed",
            EventKind::Note => "Note",
        }
    }
}

impl EventKind {
    /// The name under the case's regime. Scotland's path runs to the Scottish
    /// Information Commissioner (SIC) and the Court of Session; the stored name (and
    /// the one older exports use) is [`EventKind::as_str`], and both are read back.
    pub fn name_in(self, regime: Regime) -> &'static str {
        match (self, regime.is_scottish()) {
            (EventKind::IcoComplaint, true) => "sic-application",
            (EventKind::IcoDecision, true) => "sic-decision",
            (EventKind::TribunalAppeal, true) => "court-of-session-appeal",
            (k, _) => k.as_str(),
        }
    }

    /// Human wording under the case's regime ("Application to the SIC").
    pub fn describe_in(self, regime: Regime) -> &'static str {
        match (self, regime.is_scottish()) {
            (EventKind::IcoComplaint, true) => "Application to the SIC",
            (EventKind::IcoDecision, true) => "SIC decision",
            (EventKind::TribunalAppeal, true) => "Court of Session appeal",
            (k, _) => k.describe(),
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown event kind '{0}': use one of {list} (in Scotland: sic-application, sic-decision, court-of-session-appeal)", list = EventKind::ALL.map(EventKind::as_str).join(", "))]
pub struct UnknownEventKind(pub String);

impl FromStr for EventKind {
    type Err = UnknownEventKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == norm || k.name_in(Regime::Foisa) == norm)
            .ok_or_else(|| UnknownEventKind(s.to_string()))
    }
}

/// A span of time as a letter or a statute states it: "2 months", "40 working days",
/// "6 weeks", "28 days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Months(u32),
    Weeks(u32),
    Days(u32),
    WorkingDays(u32),
}

impl Span {
    /// Canonical spelling, as stored and as shown in JSON (`2 months`, `40 working days`).
    pub fn canonical(self) -> String {
        let (n, unit) = match self {
            Span::Months(n) => (n, "month"),
            Span::Weeks(n) => (n, "week"),
            Span::Days(n) => (n, "day"),
            Span::WorkingDays(n) => (n, "working day"),
        };
        format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot read '{0}' as a period: write it like '2 months', '40 working days', '6 weeks' or '28 days'"
)]
pub struct BadSpan(pub String);

const NUMBER_WORDS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

impl FromStr for Span {
    type Err = BadSpan;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadSpan(s.to_string());
        let lower = s.trim().to_ascii_lowercase().replace(['(', ')'], " ");
        let mut words = lower.split_whitespace();
        let first = words.next().ok_or_else(bad)?;
        let n: u32 = match first.parse() {
            Ok(n) => n,
            Err(_) => NUMBER_WORDS
                .iter()
                .position(|w| *w == first)
                .map(|p| p as u32)
                .ok_or_else(bad)?,
        };
        let mut rest: Vec<&str> = words.collect();
        // "two (2) months": skip a repeated figure in brackets.
        if rest
            .first()
            .is_some_and(|w| w.parse::<u32>().ok() == Some(n))
        {
            rest.remove(0);
        }
        let unit = rest.join(" ");
        let unit = unit.trim_end_matches('s');
        let span = match unit {
            "month" | "calendar month" => Span::Months(n),
            "week" | "calendar week" => Span::Weeks(n),
            "day" | "calendar day" => Span::Days(n),
            "working day" | "work day" | "business day" | "wd" => Span::WorkingDays(n),
            _ => return Err(bad()),
        };
        if n == 0 || n > 400 {
            return Err(bad());
        }
        Ok(span)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.canonical())
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One event on a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub case_id: i64,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub note: Option<String>,
    /// The window the letter states for the next step (on a `response`: the review window).
    pub window: Option<Span>,
    /// A date the event sets (on an `extension`: the new due date the authority gave).
    pub until: Option<NaiveDate>,
    /// The letter's text, when one is attached.
    pub letter: Option<String>,
    /// A reference the step was given: the ICO's or SIC's case reference, a decision
    /// notice's, the Tribunal's or the court's. `foi show REF` finds the case by it.
    pub reference: Option<String>,
}

impl Event {
    /// An event of `kind` on `date` with nothing else recorded, not yet on any case (ids
    /// are the store's to give).
    pub fn new(kind: EventKind, date: NaiveDate) -> Event {
        Event {
            id: 0,
            case_id: 0,
            kind,
            date,
            note: None,
            window: None,
            until: None,
            letter: None,
            reference: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_parse_as_letters_write_them() {
        assert_eq!("2 months".parse(), Ok(Span::Months(2)));
        assert_eq!("two months".parse(), Ok(Span::Months(2)));
        assert_eq!("two (2) months".parse(), Ok(Span::Months(2)));
        assert_eq!("40 working days".parse(), Ok(Span::WorkingDays(40)));
        assert_eq!("20 Working Days".parse(), Ok(Span::WorkingDays(20)));
        assert_eq!("6 weeks".parse(), Ok(Span::Weeks(6)));
        assert_eq!("1 month".parse(), Ok(Span::Months(1)));
        assert_eq!("28 days".parse(), Ok(Span::Days(28)));
        assert!("soon".parse::<Span>().is_err());
        assert!("0 days".parse::<Span>().is_err());
        assert_eq!(Span::Months(2).canonical(), "2 months");
        assert_eq!(Span::WorkingDays(40).canonical(), "40 working days");
        assert_eq!(Span::Months(1).canonical(), "1 month");
    }

    #[test]
    fn event_kinds_round_trip() {
        for k in EventKind::ALL {
            assert_eq!(k.as_str().parse::<EventKind>(), Ok(k));
            for r in Regime::ALL {
                assert_eq!(k.name_in(r).parse::<EventKind>(), Ok(k));
                let json = format!("\"{}\"", k.name_in(r));
                assert_eq!(serde_json::from_str::<EventKind>(&json).ok(), Some(k));
            }
        }
        assert_eq!(EventKind::IcoDecision.name_in(Regime::Eisr), "sic-decision");
        assert_eq!(EventKind::IcoDecision.name_in(Regime::Eir), "ico-decision");
        assert!("party".parse::<EventKind>().is_err());
    }
}
