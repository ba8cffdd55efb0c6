//! What an authority did with one question.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    #[default]
    Pending,
    Answered,
    PartlyAnswered,
    Withheld,
    NotHeld,
    RefusedCost,
    RefusedVexatious,
    Ncnd,
    PublishedElsewhere,
    FuturePublication,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Pending,
        Outcome::Answered,
        Outcome::PartlyAnswered,
        Outcome::Withheld,
        Outcome::NotHeld,
        Outcome::RefusedCost,
        Outcome::RefusedVexatious,
        Outcome::Ncnd,
        Outcome::PublishedElsewhere,
        Outcome::FuturePublication,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Answered => "answered",
            Outcome::PartlyAnswered => "partly-answered",
            Outcome::Withheld => "withheld",
            Outcome::NotHeld => "not-held",
            Outcome::RefusedCost => "refused-cost",
            Outcome::RefusedVexatious => "refused-vexatious",
            Outcome::Ncnd => "ncnd",
            Outcome::PublishedElsewhere => "published-elsewhere",
            Outcome::FuturePublication => "future-publication",
        }
    }

    /// Plain words for letters and help text.
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::Pending => "not yet answered",
            Outcome::Answered => "answered in full",
            Outcome::PartlyAnswered => "partly answered",
            Outcome::Withheld => "withheld",
            Outcome::NotHeld => "said not to be held",
            Outcome::RefusedCost => "refused on cost grounds",
            Outcome::RefusedVexatious => "refused as vexatious",
            Outcome::Ncnd => "neither confirmed nor denied",
            Outcome::PublishedElsewhere => "said to be published elsewhere",
            Outcome::FuturePublication => "withheld for future publication",
        }
    }

    /// A withheld answer must say under which exemption.
    pub fn requires_exemption(self) -> bool {
        matches!(self, Outcome::Withheld)
    }

    /// Outcomes a requester would normally challenge at internal review.
    pub fn is_adverse(self) -> bool {
        !matches!(self, Outcome::Pending | Outcome::Answered)
    }

    /// The authority has dealt with this question (one way or another).
    pub fn is_decided(self) -> bool {
        !matches!(self, Outcome::Pending)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown outcome '{0}': {hint}use one of {list}", hint = did_you_mean(&self.0), list = Outcome::ALL.map(Outcome::as_str).join(", "))]
pub struct UnknownOutcome(pub String);

/// "did you mean withheld? " for a near miss (a slip of two letters or fewer, or the
/// start of exactly one outcome); else nothing.
fn did_you_mean(typed: &str) -> String {
    let t = typed.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    let starts: Vec<Outcome> = Outcome::ALL
        .into_iter()
        .filter(|o| t.len() >= 3 && o.as_str().starts_with(&t))
        .collect();
    let best = match starts.as_slice() {
        [one] => Some(*one),
        _ => Outcome::ALL
            .into_iter()
            .map(|o| (edit_distance(&t, o.as_str()), o))
            .filter(|(d, _)| *d <= 2)
            .min_by_key(|(d, _)| *d)
            .map(|(_, o)| o),
    };
    best.map(|o| format!("did you mean {o}? "))
        .unwrap_or_default()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

impl FromStr for Outcome {
    type Err = UnknownOutcome;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let found = Outcome::ALL.into_iter().find(|o| o.as_str() == norm);
        let alias = match norm.as_str() {
            "partly" | "partial" | "part-answered" => Some(Outcome::PartlyAnswered),
            "cost" => Some(Outcome::RefusedCost),
            "vexatious" => Some(Outcome::RefusedVexatious),
            "neither-confirm-nor-deny" => Some(Outcome::Ncnd),
            _ => None,
        };
        found.or(alias).ok_or_else(|| UnknownOutcome(s.to_string()))
    }
}

/// A case's overall outcome, derived from its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverallOutcome {
    Pending,
    Full,
    Partial,
    Refused,
    NotHeld,
}

impl OverallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            OverallOutcome::Pending => "pending",
            OverallOutcome::Full => "full",
            OverallOutcome::Partial => "partial",
            OverallOutcome::Refused => "refused",
            OverallOutcome::NotHeld => "not-held",
        }
    }

    /// Full when every question was answered; not held when nothing was held; refused
    /// when nothing was given; partial otherwise. Pending while any question is pending
    /// and none has been decided.
    pub fn from_outcomes<I: IntoIterator<Item = Outcome>>(outcomes: I) -> OverallOutcome {
        let (mut total, mut pending, mut answered, mut partly, mut not_held) = (0, 0, 0, 0, 0);
        for o in outcomes {
            total += 1;
            match o {
                Outcome::Pending => pending += 1,
                Outcome::Answered | Outcome::PublishedElsewhere => answered += 1,
                Outcome::PartlyAnswered => partly += 1,
                Outcome::NotHeld => not_held += 1,
                _ => {}
            }
        }
        if total == 0 || pending == total {
            OverallOutcome::Pending
        } else if answered == total {
            OverallOutcome::Full
        } else if not_held == total {
            OverallOutcome::NotHeld
        } else if answered + partly == 0 {
            OverallOutcome::Refused
        } else {
            OverallOutcome::Partial
        }
    }
}

impl fmt::Display for OverallOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_says_what_was_meant() {
        let msg = |s: &str| s.parse::<Outcome>().unwrap_err().to_string();
        assert!(
            msg("withhled").starts_with(
                "unknown outcome 'withhled': did you mean withheld? use one of pending"
            )
        );
        assert!(msg("not_hel").contains("did you mean not-held?"));
        assert!(
            msg("refused").contains("use one of"),
            "two outcomes start so"
        );
        assert!(!msg("refused").contains("did you mean"));
        assert!(msg("publ").contains("did you mean published-elsewhere?"));
        assert!(!msg("banana").contains("did you mean"));
    }

    #[test]
    fn every_outcome_round_trips_through_its_name() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>(), Ok(o));
        }
        assert_eq!(
            "Partly Answered".parse::<Outcome>(),
            Ok(Outcome::PartlyAnswered)
        );
        assert!("maybe".parse::<Outcome>().is_err());
    }

    #[test]
    fn seed_case_is_partial() {
        let mut v = vec![Outcome::Withheld; 9];
        v[3] = Outcome::PartlyAnswered;
        assert_eq!(OverallOutcome::from_outcomes(v), OverallOutcome::Partial);
        assert_eq!(
            OverallOutcome::from_outcomes([Outcome::Withheld, Outcome::NotHeld]),
            OverallOutcome::Refused
        );
        assert_eq!(OverallOutcome::from_outcomes([]), OverallOutcome::Pending);
        assert_eq!(
            OverallOutcome::from_outcomes([Outcome::Answered, Outcome::Answered]),
            OverallOutcome::Full
        );
    }
}
