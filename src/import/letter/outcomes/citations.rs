//! Sections and regulations cited in the authority's words, and what each means in
//! the letter's regime: an exemption, or a ground such as cost or "not held".

use super::super::clean::re;
use crate::domain::exemption::{catalogue, lookup, normalize_section};
use crate::domain::{ExemptionKind, Regime};
use regex::Regex;
use std::sync::LazyLock;

/// What a cited section means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cited {
    Exemption,
    Cost,
    Vexatious,
    /// EIR 12(4)(b) / EISR 10(4)(b): cost or vexatious, as the words say.
    Unreasonable,
    NotHeld,
    Published,
    Future,
    Ncnd,
}

const FOIA_NCND: &[&str] = &[
    "23(5)", "24(2)", "26(3)", "27(4)", "28(3)", "29(2)", "30(3)", "31(3)", "32(3)", "33(3)",
    "34(2)", "35(3)", "36(3)", "37(2)", "38(2)", "39(2)", "40(5)", "40(5A)", "40(5B)", "41(2)",
    "42(2)", "43(3)", "44(2)",
];

fn under(section: &str, parent: &str) -> bool {
    section == parent || section.starts_with(&format!("{parent}("))
}

/// Whether `section` is in the regime's catalogue, or a subsection of an entry.
fn in_catalogue(regime: Regime, section: &str) -> bool {
    lookup(regime, section).is_ok()
        || catalogue().iter().any(|e| {
            e.regime == regime && e.kind != ExemptionKind::Procedural && under(section, &e.section)
        })
}

/// What a cited section means in this regime, or `None` when it is no ground for
/// refusal (s1, s10, s16, s17 FOIA, reg 12(1)(b) …).
fn cited(regime: Regime, section: &str) -> Option<Cited> {
    match regime {
        Regime::Foia => {
            if under(section, "12") {
                Some(Cited::Cost)
            } else if under(section, "14") {
                Some(Cited::Vexatious)
            } else if FOIA_NCND.iter().any(|p| under(section, p)) {
                Some(Cited::Ncnd)
            } else if under(section, "21") {
                Some(Cited::Published)
            } else if under(section, "22") {
                Some(Cited::Future)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
        Regime::Foisa => {
            if under(section, "12") {
                Some(Cited::Cost)
            } else if under(section, "14") {
                Some(Cited::Vexatious)
            } else if under(section, "17") {
                Some(Cited::NotHeld)
            } else if under(section, "18") {
                Some(Cited::Ncnd)
            } else if under(section, "25") {
                Some(Cited::Published)
            } else if under(section, "27(1)") || section == "27" {
                Some(Cited::Future)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
        Regime::Eir | Regime::Eisr => {
            let (not_held, unreasonable, ncnd) = if regime == Regime::Eir {
                ("12(4)(a)", "12(4)(b)", "12(6)")
            } else {
                ("10(4)(a)", "10(4)(b)", "10(8)")
            };
            if under(section, not_held) {
                Some(Cited::NotHeld)
            } else if under(section, unreasonable) {
                Some(Cited::Unreasonable)
            } else if under(section, ncnd) {
                Some(Cited::Ncnd)
            } else if section == "6(1)(b)" {
                Some(Cited::Published)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
    }
}

/// A section number with its subsections: `43`, `40(2)`, `31(1)(a)`, `12(5)(e)`.
const SEC: &str = r"\d{1,3}[a-z]?\b(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*";
/// A citation: `section 40(2) and 31(1)(a)`, `s.43`, `ss 40 and 41`, `reg 12(5)(e)`.
/// The prefix in group 1, the first section in group 2, the others in group 3.
pub(super) static CITE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b(
                sections?\s* | ss?\.\s* | ss?             # section, s., ss
              | reg(?:ulation)?s?\.?\s* | r\.\s*        # regulation, regs., r.
            )
            ({SEC})
            # more sections: and 31(1)(a), / s.41, or regulation 13
            ((?:
                \s*(?:,|and|&|/|or)\s*
                (?:(?:sections?|s\.?|reg(?:ulation)?s?\.?)\s*)?
                {SEC}
            )*)
        "
    ))
});
/// A subsection cited with no word before it: `40(2)`, `31(1)(a)`.
pub(super) static BARE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                \d{1,2} \s*\(\s* \d{1,2}[a-z]? \s*\)      # 40(2)
                (?: \s*\(\s* [a-z]{1,3} \s*\) )*          # (a), (iii)
            )
        ")
});
/// One section of a citation's tail.
pub(super) static SEC_ITEM: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?xi){SEC}")));

/// Sections cited in `text` with the regime each belongs to.
pub(super) fn citations(text: &str, regime: Option<Regime>) -> Vec<(String, Cited)> {
    let scottish = regime.is_some_and(Regime::is_scottish);
    let act = if scottish {
        Regime::Foisa
    } else {
        Regime::Foia
    };
    let env = if scottish { Regime::Eisr } else { Regime::Eir };
    let mut out: Vec<(usize, String, Cited)> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for c in CITE.captures_iter(text) {
        let (Some(all), Some(prefix), Some(first)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        covered.push((all.start(), all.end()));
        let p = prefix.as_str().to_ascii_lowercase();
        let r = if p.starts_with('r') {
            env
        } else if regime.is_some_and(Regime::is_environmental)
            && p.starts_with("s")
            && !p.starts_with("sec")
        {
            // "s.13" in an EIR letter is loose shorthand; read it in the letter's regime.
            regime.unwrap_or(env)
        } else {
            act
        };
        let mut items = vec![(first.start(), first.as_str().to_string())];
        if let Some(tail) = c.get(3) {
            for m in SEC_ITEM.find_iter(tail.as_str()) {
                items.push((tail.start() + m.start(), m.as_str().to_string()));
            }
        }
        for (at, raw) in items {
            let Some(sec) = normalize_section(&raw) else {
                continue;
            };
            let kind = cited(r, &sec).or_else(|| {
                // A regulation cited as a "section", or the other way round.
                (regime.is_some_and(|g| g != r))
                    .then(|| regime.and_then(|g| cited(g, &sec)))
                    .flatten()
            });
            if let Some(kind) = kind {
                out.push((at, sec, kind));
            }
        }
    }
    let bare_regime = regime.unwrap_or(Regime::Foia);
    for m in BARE.find_iter(text) {
        if covered
            .iter()
            .any(|&(s, e)| m.start() >= s && m.start() < e)
        {
            continue;
        }
        let Some(sec) = normalize_section(m.as_str()) else {
            continue;
        };
        if let Some(kind) = cited(bare_regime, &sec) {
            out.push((m.start(), sec, kind));
        }
    }
    out.sort_by_key(|(at, _, _)| *at);
    out.into_iter().map(|(_, s, k)| (s, k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_in_their_regime() {
        let got = citations(
            "exempt under sections 40(2) and 31(1)(a), and section 12",
            Some(Regime::Foia),
        );
        assert_eq!(
            got,
            vec![
                ("40(2)".to_string(), Cited::Exemption),
                ("31(1)(a)".to_string(), Cited::Exemption),
                ("12".to_string(), Cited::Cost)
            ]
        );
        assert_eq!(cited(Regime::Foisa, "17"), Some(Cited::NotHeld));
        assert_eq!(cited(Regime::Eir, "12(4)(a)"), Some(Cited::NotHeld));
        assert_eq!(cited(Regime::Eisr, "10(4)(b)"), Some(Cited::Unreasonable));
        assert_eq!(cited(Regime::Foia, "16"), None);
        // A regulation in an Act's letter is read in the environmental regulations.
        assert_eq!(
            citations("regulation 12(5)(e)", Some(Regime::Foia)),
            vec![("12(5)(e)".to_string(), Cited::Exemption)]
        );
    }
}
