//! The four UK access-to-information regimes a case can fall under.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Regime {
    /// Freedom of Information Act 2000 (England, Wales, Northern Ireland, UK-wide bodies).
    #[default]
    Foia,
    /// Environmental Information Regulations 2004.
    Eir,
    /// Freedom of Information (Scotland) Act 2002.
    Foisa,
    /// Environmental Information (Scotland) Regulations 2004.
    Eisr,
}

impl Regime {
    pub const ALL: [Regime; 4] = [Regime::Foia, Regime::Eir, Regime::Foisa, Regime::Eisr];

    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Foia => "foia",
            Regime::Eir => "eir",
            Regime::Foisa => "foisa",
            Regime::Eisr => "eisr",
        }
    }

    /// The short label a requester recognises.
    pub fn label(self) -> &'static str {
        match self {
            Regime::Foia => "FOIA",
            Regime::Eir => "EIR",
            Regime::Foisa => "FOISA",
            Regime::Eisr => "EISR",
        }
    }

    /// The full title of the legislation, for letters.
    pub fn act_name(self) -> &'static str {
        match self {
            Regime::Foia => "Freedom of Information Act 2000",
            Regime::Eir => "Environmental Information Regulations 2004",
            Regime::Foisa => "Freedom of Information (Scotland) Act 2002",
            Regime::Eisr => "Environmental Information (Scotland) Regulations 2004",
        }
    }

    /// Scottish regimes count working days on Scotland's calendar and answer to the
    /// Scottish Information Commissioner.
    pub fn is_scottish(self) -> bool {
        matches!(self, Regime::Foisa | Regime::Eisr)
    }

    pub fn is_environmental(self) -> bool {
        matches!(self, Regime::Eir | Regime::Eisr)
    }

    /// The same kind of request made to a Scottish public authority: the Act becomes
    /// FOISA and the environmental regulations the EISR. Whether a request is
    /// environmental is its subject's doing; which law answers it, the authority's.
    pub fn in_scotland(self) -> Regime {
        match self {
            Regime::Foia | Regime::Foisa => Regime::Foisa,
            Regime::Eir | Regime::Eisr => Regime::Eisr,
        }
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown regime '{0}': use foia, eir, foisa or eisr")]
pub struct UnknownRegime(pub String);

impl FromStr for Regime {
    type Err = UnknownRegime;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "foia" | "foi" => Ok(Regime::Foia),
            "eir" => Ok(Regime::Eir),
            "foisa" => Ok(Regime::Foisa),
            "eisr" => Ok(Regime::Eisr),
            _ => Err(UnknownRegime(s.to_string())),
        }
    }
}
