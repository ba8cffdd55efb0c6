//! The three bank-holiday divisions of the United Kingdom.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A part of the UK with its own list of bank holidays (as gov.uk publishes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Division {
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Division {
    pub const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// The spelling gov.uk uses (`england-and-wales`, `scotland`, `northern-ireland`).
    pub fn as_str(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    /// Short tag for a holiday name that only one division keeps ("St Patrick's Day (NI)").
    pub fn tag(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "England and Wales",
            Division::Scotland => "Scotland",
            Division::NorthernIreland => "NI",
        }
    }
}

impl fmt::Display for Division {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown division '{0}': use england-and-wales, scotland, northern-ireland or all")]
pub struct UnknownDivision(pub String);

impl FromStr for Division {
    type Err = UnknownDivision;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        match norm.as_str() {
            "england-and-wales" | "england" | "wales" | "ew" | "e&w" | "eng" => {
                Ok(Division::EnglandAndWales)
            }
            "scotland" | "sco" | "scot" => Ok(Division::Scotland),
            "northern-ireland" | "ni" | "n-ireland" => Ok(Division::NorthernIreland),
            _ => Err(UnknownDivision(s.to_string())),
        }
    }
}

/// Read a division column that may also say `all` (or `uk`): every division.
pub(crate) fn parse_divisions(s: &str) -> Result<&'static [Division], UnknownDivision> {
    let norm = s.trim().to_ascii_lowercase();
    if norm == "all" || norm == "uk" {
        return Ok(&Division::ALL);
    }
    Ok(match s.parse::<Division>()? {
        Division::EnglandAndWales => &Division::ALL[0..1],
        Division::Scotland => &Division::ALL[1..2],
        Division::NorthernIreland => &Division::ALL[2..3],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisions_parse_loosely() {
        for d in Division::ALL {
            assert_eq!(d.as_str().parse(), Ok(d));
        }
        assert_eq!("NI".parse(), Ok(Division::NorthernIreland));
        assert_eq!("England and Wales".parse(), Ok(Division::EnglandAndWales));
        assert!("france".parse::<Division>().is_err());
        assert_eq!(parse_divisions("all").map(|d| d.len()), Ok(3));
        assert_eq!(parse_divisions("scotland"), Ok(&[Division::Scotland][..]));
    }
}
