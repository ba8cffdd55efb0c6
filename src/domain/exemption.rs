//! The exemption catalogue (FOIA, EIR, FOISA, EISR), shipped as data in `assets/`.

use super::Regime;
use serde::Serialize;
use std::fmt;
use std::sync::OnceLock;

const CATALOGUE_CSV: &str = include_str!("../../assets/exemptions.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExemptionKind {
    /// No public interest test.
    Absolute,
    /// Public interest test owed.
    Qualified,
    /// Not an exemption but a ground for refusing the request (cost, vexatious).
    Procedural,
    /// An environmental-regulations exception (public interest test, presumption of disclosure).
    Exception,
}

impl ExemptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ExemptionKind::Absolute => "absolute",
            ExemptionKind::Qualified => "qualified",
            ExemptionKind::Procedural => "procedural",
            ExemptionKind::Exception => "exception",
        }
    }
}

impl fmt::Display for ExemptionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exemption {
    pub regime: Regime,
    /// Normalised section: `43`, `40(2)`, `12(5)(e)`.
    pub section: String,
    pub name: String,
    pub kind: ExemptionKind,
    pub notes: String,
}

impl Exemption {
    /// Whether the authority owed a public interest test before relying on it.
    pub fn public_interest_test(&self) -> bool {
        match self.kind {
            ExemptionKind::Qualified => true,
            // Personal-data exceptions of the environmental regulations carry no PIT in the
            // usual (first condition) case; every other exception does.
            ExemptionKind::Exception => !matches!(
                (self.regime, self.section.as_str()),
                (Regime::Eir, "5(3)" | "13") | (Regime::Eisr, "11(1)" | "11(2)")
            ),
            _ => false,
        }
    }

    /// How a letter cites it: `section 43` or `regulation 12(5)(e)`.
    pub fn citation(&self) -> String {
        cite(self.regime, &self.section)
    }
}

/// `section 43` for the Acts, `regulation 12(5)(e)` for the environmental regulations.
pub fn cite(regime: Regime, section: &str) -> String {
    if regime.is_environmental() {
        format!("regulation {section}")
    } else {
        format!("section {section}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExemptionError {
    #[error("'{0}' is not a section reference: write it like 43, s43, 40(2) or reg 12(5)(e)")]
    Unreadable(String),
    #[error("{regime} has no section {section} in the catalogue; nearest: {nearest}", regime = .regime.label())]
    Unknown {
        regime: Regime,
        section: String,
        nearest: String,
    },
    /// A section of another regime (`reg 12(5)(e)` on a FOIA case): likely the case's
    /// regime is wrong, so say so rather than offer the nearest sections.
    #[error(
        "{section} is {unit} of the {other} ({act}), not of the {regime}: if that is the law the authority used, set the case's regime to {other}",
        regime = .regime.label(),
        other = .other.label(),
        unit = if .other.is_environmental() { "a regulation" } else { "a section" },
        act = .other.act_name()
    )]
    OtherRegime {
        regime: Regime,
        section: String,
        other: Regime,
    },
}

/// The catalogue, parsed once from the embedded CSV.
pub fn catalogue() -> &'static [Exemption] {
    static CAT: OnceLock<Vec<Exemption>> = OnceLock::new();
    CAT.get_or_init(|| parse_catalogue(CATALOGUE_CSV))
}

fn parse_catalogue(text: &str) -> Vec<Exemption> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let regime = r.get(0)?.parse().ok()?;
            let kind = match r.get(3)? {
                "absolute" => ExemptionKind::Absolute,
                "qualified" => ExemptionKind::Qualified,
                "procedural" => ExemptionKind::Procedural,
                "exception" => ExemptionKind::Exception,
                _ => return None,
            };
            Some(Exemption {
                regime,
                section: r.get(1)?.to_string(),
                name: r.get(2)?.to_string(),
                kind,
                notes: r.get(4).unwrap_or_default().to_string(),
            })
        })
        // s25 is not a ground for refusal (supplementary provisions only).
        .filter(|e| !(e.regime == Regime::Foia && e.section == "25"))
        .collect()
}

/// Normalise how people write a section: `s43`, `s.43`, `Section 43(2)`, `reg 12(5)(e)`,
/// `regulation 12 (5) (e)` → `43`, `43(2)`, `12(5)(e)`. `None` when it is not a reference.
pub fn normalize_section(input: &str) -> Option<String> {
    let lower = input.trim().to_ascii_lowercase();
    let mut rest = lower.as_str();
    for prefix in [
        "regulations",
        "regulation",
        "sections",
        "section",
        "regs",
        "reg",
        "sec",
        "ss",
        "s",
        "r",
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            let r = r.trim_start_matches(['.', ' ']);
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                rest = r;
                break;
            }
        }
    }
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches(['.', ',', ';', ':']);
    let digits_end = compact
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(compact.len());
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    // After the number: an optional capital-style letter (22A) then bracketed parts.
    let tail = &compact[digits_end..];
    let (letter, brackets) = match tail.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => tail.split_at(1),
        _ => ("", tail),
    };
    let mut b = brackets;
    while !b.is_empty() {
        let inner_end = b.strip_prefix('(')?.find(')')?;
        let inner = &b[1..=inner_end];
        if inner.is_empty() || inner.len() > 4 || !inner.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        b = &b[inner_end + 2..];
    }
    Some(format!(
        "{}{}{}",
        &compact[..digits_end],
        letter.to_ascii_uppercase(),
        brackets
    ))
}

/// Find a section in a regime's catalogue. A bare section whose parts are listed
/// (`37(1)` when only `37(1)(a)`… exist) resolves to a summary of its parts.
pub fn lookup(regime: Regime, input: &str) -> Result<Exemption, ExemptionError> {
    let section =
        normalize_section(input).ok_or_else(|| ExemptionError::Unreadable(input.to_string()))?;
    let in_regime = || catalogue().iter().filter(move |e| e.regime == regime);
    if let Some(e) = in_regime().find(|e| e.section == section) {
        return Ok(e.clone());
    }
    let prefix = format!("{section}(");
    let parts: Vec<&Exemption> = in_regime()
        .filter(|e| e.section.starts_with(&prefix))
        .collect();
    if let Some(first) = parts.first() {
        let uniform = parts.iter().all(|p| p.kind == first.kind);
        return Ok(Exemption {
            regime,
            section: section.clone(),
            name: parts
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            kind: if uniform {
                first.kind
            } else {
                ExemptionKind::Qualified
            },
            notes: format!(
                "Covers {}{}",
                parts
                    .iter()
                    .map(|p| p.section.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                if uniform {
                    ""
                } else {
                    "; the parts differ: absolute for some"
                }
            ),
        });
    }
    let elsewhere = Regime::ALL.into_iter().find(|r| {
        *r != regime
            && catalogue()
                .iter()
                .any(|e| e.regime == *r && e.section == section)
    });
    Err(match elsewhere {
        Some(other) => ExemptionError::OtherRegime {
            regime,
            section,
            other,
        },
        None => ExemptionError::Unknown {
            regime,
            nearest: nearest(regime, &section),
            section,
        },
    })
}

fn leading_number(section: &str) -> i64 {
    let end = section
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(section.len());
    section[..end].parse().unwrap_or(0)
}

fn nearest(regime: Regime, section: &str) -> String {
    let n = leading_number(section);
    let mut cands: Vec<&Exemption> = catalogue().iter().filter(|e| e.regime == regime).collect();
    cands.sort_by_key(|e| ((leading_number(&e.section) - n).abs(), e.section.len()));
    cands
        .iter()
        .take(3)
        .map(|e| format!("{} ({})", e.section, e.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every entry of a regime whose section or name contains `query` (case-insensitive),
/// for pickers. An empty query lists the whole regime.
pub fn search(regime: Regime, query: &str) -> Vec<&'static Exemption> {
    let q = query.trim().to_lowercase();
    let section_q = normalize_section(&q);
    let mut found: Vec<&'static Exemption> = catalogue()
        .iter()
        .filter(|e| e.regime == regime)
        .filter(|e| {
            q.is_empty()
                || e.name.to_lowercase().contains(&q)
                || section_q
                    .as_deref()
                    .is_some_and(|s| e.section.starts_with(s))
        })
        .collect();
    // The section typed comes before its sub-sections ("40" before "40(1)"); otherwise
    // catalogue order.
    if let Some(s) = section_q {
        found.sort_by_key(|e| e.section != s);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_covers_all_four_regimes() {
        let cat = catalogue();
        assert!(cat.len() > 100, "catalogue has {} rows", cat.len());
        for r in Regime::ALL {
            assert!(cat.iter().any(|e| e.regime == r), "{r} missing");
        }
    }

    #[test]
    fn section_references_normalise() {
        for (input, want) in [
            ("43", "43"),
            ("s43", "43"),
            ("S.43", "43"),
            ("section 43(2)", "43(2)"),
            ("Section 40 (2)", "40(2)"),
            ("reg 12(5)(e)", "12(5)(e)"),
            ("Regulation 12(4)(b)", "12(4)(b)"),
            ("s22a", "22A"),
            ("s.37(1)(ab).", "37(1)(ab)"),
        ] {
            assert_eq!(normalize_section(input).as_deref(), Some(want), "{input}");
        }
        for bad in ["", "section", "abc", "12(", "(2)", "43(2"] {
            assert_eq!(normalize_section(bad), None, "{bad}");
        }
    }

    #[test]
    fn lookup_finds_and_classifies() {
        let s43 = lookup(Regime::Foia, "Section 43").unwrap();
        assert_eq!(s43.kind, ExemptionKind::Qualified);
        assert!(s43.public_interest_test());
        let s21 = lookup(Regime::Foia, "s21").unwrap();
        assert_eq!(s21.kind, ExemptionKind::Absolute);
        assert!(!s21.public_interest_test());
        let eir = lookup(Regime::Eir, "reg 12(5)(e)").unwrap();
        assert!(eir.public_interest_test());
        assert_eq!(eir.citation(), "regulation 12(5)(e)");
        // 37(1) resolves to its parts, which differ in kind.
        let s37 = lookup(Regime::Foia, "37(1)").unwrap();
        assert!(s37.notes.contains("37(1)(a)"));
    }

    #[test]
    fn unknown_sections_name_the_nearest() {
        let err = lookup(Regime::Foia, "s99").unwrap_err().to_string();
        assert!(err.contains("FOIA has no section 99"), "{err}");
        assert!(err.contains("nearest"), "{err}");
        // FOIA numbering is not FOISA numbering.
        assert!(lookup(Regime::Foisa, "43").is_err());
        assert!(lookup(Regime::Foisa, "33(1)(b)").is_ok());
        assert!(matches!(
            lookup(Regime::Foia, "banana"),
            Err(ExemptionError::Unreadable(_))
        ));
    }

    #[test]
    fn a_section_of_another_regime_says_which() {
        let err = lookup(Regime::Foia, "reg 12(5)(e)")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "12(5)(e) is a regulation of the EIR (Environmental Information Regulations 2004), not of the FOIA: if that is the law the authority used, set the case's regime to EIR"
        );
        let err = lookup(Regime::Foisa, "43").unwrap_err().to_string();
        assert!(err.starts_with("43 is a section of the FOIA"), "{err}");
    }

    #[test]
    fn the_picker_lists_the_bare_section_before_its_parts() {
        for q in ["40", "s40", "section 40"] {
            let found: Vec<&str> = search(Regime::Foia, q)
                .iter()
                .map(|e| e.section.as_str())
                .collect();
            assert_eq!(found.first(), Some(&"40"), "{q}: {found:?}");
            assert!(found.contains(&"40(1)"), "{q}: {found:?}");
        }
    }
}
