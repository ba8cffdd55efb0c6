//! What the letter reader proposes: a case as far as the letter states it, for the
//! user to confirm and edit before anything is saved.

use crate::domain::{Outcome, Regime, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A case proposed from one response letter. Every field the letter does not state
/// with confidence is `None` (or empty) and explained in `warnings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Proposal {
    pub authority: Option<String>,
    /// The authority's reference exactly as printed (`Fol 471`).
    pub their_ref: Option<String>,
    pub regime: Option<Regime>,
    /// The date of the letter (serialises `YYYY-MM-DD`).
    pub letter_date: Option<NaiveDate>,
    /// The date of the request the letter answers.
    pub request_date: Option<NaiveDate>,
    /// The window the letter gives for asking for an internal review (`2 months`).
    pub review_window: Option<Span>,
    pub questions: Vec<ProposedQuestion>,
    /// Short plain sentences: what could not be found, or what looked doubtful.
    pub warnings: Vec<String>,
}

/// One numbered question of the request with what the letter did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedQuestion {
    /// As the letter numbers it: `Request 1`, `Q4`, `3`, `(b)`.
    pub label: String,
    pub text: String,
    pub outcome: Outcome,
    /// Normalised sections (`43`, `40(2)`, `12(5)(e)`).
    pub exemptions: Vec<String>,
    pub note: Option<String>,
}
