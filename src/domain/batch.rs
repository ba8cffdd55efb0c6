//! Round robins: one request sent to many authorities at once. Each authority's copy is
//! an ordinary case that names its batch, so every rule for cases holds for it.

use super::Regime;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The batch a case belongs to, as a case carries it (and `show --json` writes it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRef {
    pub id: i64,
    #[serde(default)]
    pub title: String,
}

/// One round robin.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    pub id: i64,
    pub title: String,
    pub regime: Regime,
    pub sent: Option<NaiveDate>,
    /// RFC 3339 UTC, kept by the store.
    pub created_at: String,
}

/// The label of the n-th (from 1) question a batch is created with: `Q1`, `Q2` …
/// (a bare `2` finds `Q2` wherever a label is asked for).
pub fn question_label(n: usize) -> String {
    format!("Q{n}")
}
