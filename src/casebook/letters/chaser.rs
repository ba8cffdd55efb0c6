//! The chaser: a polite reminder to an authority whose response, or whose internal
//! review, is late — what was asked and when, the statutory deadline with its working,
//! how late it is, and what the requester will do next.

use super::{commissioner, last_event, response_section, review_days};
use crate::calendar::{Clock, ClockKind};
use crate::casebook::{CaseView, Error, Move, Result, whose_move};
use crate::domain::dates::letter;
use crate::domain::{EventKind, Regime};
use std::collections::HashMap;

/// The late clock a chaser is about: the authority's review (the later step) before its
/// response.
pub fn late_clock(v: &CaseView) -> Option<&Clock> {
    let late = |k: ClockKind| {
        v.clocks
            .iter()
            .find(|c| c.kind == k && whose_move(c) == Move::Chase)
    };
    late(ClockKind::ReviewResponse)
        .or_else(|| late(ClockKind::ResponseExtended))
        .or_else(|| late(ClockKind::Response))
}

/// A chaser can be written only for an authority that is late.
pub fn check(v: &CaseView) -> Result<()> {
    if late_clock(v).is_some() {
        return Ok(());
    }
    let id = v.file.case.id;
    let owed = v
        .clocks
        .iter()
        .find(|c| c.is_live() && !c.kind.is_requester_window());
    Err(Error::user(match owed {
        Some(c) => format!(
            "nothing to chase on case #{id} yet: {} {} ({})",
            c.kind.describe().to_lowercase(),
            letter(c.due),
            c.countdown()
        ),
        None => format!("nothing to chase on case #{id}: the authority owes no reply now"),
    }))
}

/// The chase fields (`chase_*`), for any letter; "none" where the authority is not late.
pub fn insert_fields(m: &mut HashMap<&'static str, String>, v: &CaseView) {
    let none = || "none".to_string();
    let Some(c) = late_clock(v) else {
        for f in [
            "chase_what",
            "chase_sent",
            "chase_due",
            "chase_working",
            "chase_late",
            "chase_deadline",
            "chase_next",
        ] {
            m.insert(f, none());
        }
        return;
    };
    let regime = v.file.case.regime;
    let review = c.kind == ClockKind::ReviewResponse;
    let sent = if review {
        last_event(v, EventKind::ReviewRequested).map(|e| e.date)
    } else {
        v.file.case.sent
    };
    let late = format!(
        "{} working day{}",
        c.days_left.unsigned_abs(),
        if c.days_left == -1 { "" } else { "s" }
    );
    let what = if review {
        "my request for an internal review of your response"
    } else {
        "my request for information"
    };
    m.insert("chase_what", what.to_string());
    m.insert("chase_sent", sent.map(letter).unwrap_or_else(none));
    m.insert("chase_due", letter(c.due));
    m.insert("chase_working", c.basis.clone());
    m.insert("chase_late", late.clone());
    m.insert(
        "chase_deadline",
        format!(
            "{} Your reply was due by {}, and it is now {late} late. The working: {}.",
            deadline_rule(regime, c.kind),
            letter(c.due),
            c.basis.trim_end_matches('.')
        ),
    );
    m.insert("chase_next", next_step(regime, review));
}

/// The rule that set the deadline, as the letter states it.
fn deadline_rule(regime: Regime, kind: ClockKind) -> String {
    let act = regime.act_name();
    match kind {
        ClockKind::ReviewResponse => match regime {
            Regime::Foia => format!(
                "The Code of Practice issued under section 45 of the {act} says that an internal review should be completed within {} working days.",
                review_days(regime)
            ),
            Regime::Eir => format!(
                "Regulation 11(4) of the {act} requires you to tell me the outcome of the review within {} working days of receiving my representations.",
                review_days(regime)
            ),
            Regime::Foisa => format!(
                "Section 21(1) of the {act} requires you to respond to a requirement for review within {} working days of receiving it.",
                review_days(regime)
            ),
            Regime::Eisr => format!(
                "Regulation 16(4) of the {act} requires you to tell me your decision on review within {} working days of receiving my request.",
                review_days(regime)
            ),
        },
        ClockKind::ResponseExtended => {
            format!("You extended the time for your response under the {act}, to the date below.")
        }
        _ => format!(
            "{} of the {act} requires you to respond to a request promptly and in any event within 20 working days of receiving it.",
            super::reasons::capitalise(response_section(regime))
        ),
    }
}

/// What the requester will do if the reminder goes unanswered.
fn next_step(regime: Regime, review: bool) -> String {
    let (commissioner, _, basis) = commissioner(regime);
    if review {
        format!(
            "If I do not receive the outcome of the review soon, I will ask {commissioner} for a decision under {basis}."
        )
    } else {
        let review = match regime {
            Regime::Foisa | Regime::Eisr => "require you to review your failure to respond",
            _ => "ask for an internal review of your failure to respond",
        };
        format!(
            "If I do not receive your response soon, I will {review}, and if need be ask {commissioner} for a decision under {basis}."
        )
    }
}
