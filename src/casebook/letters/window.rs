//! A review asked for after its window closed. An authority may refuse a late one (the
//! section 45 Code of Practice; EIR reg 11(2) and FOISA s20(5) set the limit in law) but
//! often considers it anyway, so the letter is still written, says it is late, and asks
//! for it to be considered.

use crate::calendar::{ClockKind, ClockState};
use crate::casebook::CaseView;
use crate::domain::dates::letter;
use chrono::NaiveDate;

/// The day the review request window closed, when it has closed without a review asked.
pub fn review_window_closed(v: &CaseView) -> Option<NaiveDate> {
    v.clocks
        .iter()
        .find(|c| c.kind == ClockKind::ReviewRequest && c.state == ClockState::Lapsed)
        .map(|c| c.due)
}

/// The review letter's `{window_note}`: empty in time; late, a paragraph owning up to it.
pub fn window_note(v: &CaseView) -> String {
    match review_window_closed(v) {
        Some(closed) => format!(
            "I realise that this request reaches you after the time you gave for asking for a review, which ended on {}. I would be grateful if you would consider it nonetheless, as the issues it raises remain.",
            letter(closed)
        ),
        None => String::new(),
    }
}
