//! Cases (one FOI request each), their questions, and how they are addressed.

use super::{Event, Outcome, OverallOutcome, Regime};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Email,
    Post,
    WebForm,
    Whatdotheyknow,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Post,
        Channel::WebForm,
        Channel::Whatdotheyknow,
        Channel::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Post => "post",
            Channel::WebForm => "web-form",
            Channel::Whatdotheyknow => "whatdotheyknow",
            Channel::Other => "other",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel '{0}': use email, post, web-form, whatdotheyknow or other")]
pub struct UnknownChannel(pub String);

impl FromStr for Channel {
    type Err = UnknownChannel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        match norm.as_str() {
            "email" | "e-mail" => Ok(Channel::Email),
            "post" | "letter" => Ok(Channel::Post),
            "web-form" | "web" | "webform" | "form" => Ok(Channel::WebForm),
            "whatdotheyknow" | "wdtk" => Ok(Channel::Whatdotheyknow),
            "other" => Ok(Channel::Other),
            _ => Err(UnknownChannel(s.to_string())),
        }
    }
}

/// One FOI request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Case {
    pub id: i64,
    pub title: String,
    pub authority_id: i64,
    pub authority: String,
    pub regime: Regime,
    pub their_ref: Option<String>,
    pub my_ref: Option<String>,
    pub channel: Option<Channel>,
    pub url: Option<String>,
    /// `None` while the request is a draft.
    pub sent: Option<NaiveDate>,
    /// When the authority received it; `None` means "the day it was sent".
    pub received: Option<NaiveDate>,
    pub text: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The round robin this case is one copy of, if any.
    pub batch: Option<super::BatchRef>,
    /// RFC 3339 UTC timestamps kept by the store.
    pub created_at: String,
    pub updated_at: String,
}

impl Case {
    /// The date the statutory response clock counts from.
    pub fn received_or_sent(&self) -> Option<NaiveDate> {
        self.received.or(self.sent)
    }
}

/// One numbered sub-request of a case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Question {
    pub id: i64,
    pub case_id: i64,
    /// Order within the case (the letter's order).
    pub position: i64,
    pub label: String,
    pub text: String,
    pub outcome: Outcome,
    /// Normalised section references (`43`, `40(2)`, `12(5)(e)`).
    pub exemptions: Vec<String>,
    pub note: Option<String>,
    /// The requester wants this one challenged at internal review.
    pub challenge: bool,
}

/// A case with everything that hangs off it, as loaded for display or export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseFile {
    pub case: Case,
    pub questions: Vec<Question>,
    /// In timeline order (date, then insertion).
    pub events: Vec<Event>,
}

impl CaseFile {
    pub fn overall(&self) -> OverallOutcome {
        OverallOutcome::from_outcomes(self.questions.iter().map(|q| q.outcome))
    }
}

/// Reduce a reference to the characters that identify it, so that `FoI 471`, `foi-471`
/// and the OCR slip `Fol 471` all compare equal: lower case, letters and digits only, with
/// the look-alikes `l`/`1`→`i` and `o`→`0` folded together.
pub fn normalize_ref(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'l' | '1' => 'i',
            'o' => '0',
            c => c,
        })
        .collect()
}

/// Normalise a label for matching (`Request 4`, `request 4`, `Request  4`).
pub fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_compare_loosely() {
        assert_eq!(normalize_ref("FoI 471"), normalize_ref("Fol 471"));
        assert_eq!(normalize_ref("FOI-471"), normalize_ref("foi471"));
        assert_ne!(normalize_ref("FOI 471"), normalize_ref("FOI 472"));
    }

    #[test]
    fn labels_compare_loosely() {
        assert_eq!(
            normalize_label(" Request  4 "),
            normalize_label("request 4")
        );
    }
}
