//! Which law the letter answers under: FOIA, EIR, FOISA or EISR.

use super::clean::re;
use crate::domain::Regime;
use regex::Regex;
use std::sync::LazyLock;

/// Scottish law or its Commissioner named.
static SCOTTISH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \(scotland\)                       # the Act's or Regulations' title
          | \bfoisa\b | \bfoi\s*\(\s*s\s*\)\s*a\b # FOISA, FOI(S)A
          | scottish\s+information\s+commissioner
          | \beisrs?\b
          | information\s+\(scotland\)
        ")
});
/// The Scottish environmental regulations named.
static SCOTTISH_ENV: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            environmental\s+information\s+\(scotland\)\s+regulations
          | \beisrs?\b
          | \beirs?\s*\(\s*scotland\s*\)
        ")
});
/// The environmental regulations named, or an exception of theirs cited.
static ENV: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            environmental\s+information\s+regulations
          | \beirs?\b
          | \bregulations?\s+1[23]\s*\(\s*[45]\s*\)        # EIR 12(4), 12(5), 13
          | \breg\.?\s*1[23]\s*\(\s*[45]\s*\)
          | \bregulations?\s+10\s*\(\s*[45]\s*\)           # EISR 10(4), 10(5)
        ")
});
/// The Act named or cited. "Freedom of Information" alone ("your FOI request") names
/// no Act: a Scottish body says it too.
static FOI: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
        freedom \s+ of \s+ information \s+ act   # the Act by name
      | \b foia \b                               # its initials
      | \b fo[il] \s+ act \b                     # FOI Act, or Fol Act from OCR
      | \b the \s+ act \b                        # the Act, named on an earlier line
      | \b sections? \s+ \d                       # a section cited
    ")
});
/// "We have handled your request under the Environmental Information Regulations".
static ENV_HANDLED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            (
                under | in\s+accordance\s+with | under\s+the\s+terms\s+of
              | considered\s+(?:it\s+)?under | dealt\s+with\s+(?:it\s+)?under
              | handled\s+(?:it\s+)?under | falls?\s+under | falls?\s+within
            )
            \s+(the\s+)?
            (environmental\s+information | eirs?\b)
        ")
});
/// An EISR exception cited: regulation 10(4) or 10(5).
static SCOT_ENV_REG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(regulations?|reg\.?) \s*10\s*\(\s*[45]\s*\)
        ")
});
/// An EIR exception cited: regulation 12(4), 12(5), 13(4), 13(5), or 13.
static ENV_REG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(regulations?|reg\.?) \s*1[23]\s*\(\s*[45]\s*\)
          | \bregulations?\s+13\b
        ")
});
/// An Act's exemption cited: sections 21 to 44.
static ACT_SECTION_EXEMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(sections?|s\.?) \s* (2[1-9]|3\d|4[0-4]) \b
        ")
});

/// The regime the letter's wording implies, or `None` when it names none.
pub fn detect(text: &str) -> Option<Regime> {
    let scottish = SCOTTISH.is_match(text);
    let env_named = ENV.is_match(text);
    let foi_named = FOI.is_match(text);
    let env_cited = ENV_REG.find_iter(text).count() + SCOT_ENV_REG.find_iter(text).count();
    let act_cited = ACT_SECTION_EXEMPT.find_iter(text).count();
    let env_handled = ENV_HANDLED.is_match(text);
    let environmental = if env_named && foi_named {
        env_handled || env_cited > act_cited
    } else {
        env_named
    };
    match (scottish, environmental) {
        (true, true) => Some(Regime::Eisr),
        (true, false) if SCOTTISH_ENV.is_match(text) && !foi_named => Some(Regime::Eisr),
        (true, false) => Some(Regime::Foisa),
        (false, true) => Some(Regime::Eir),
        (false, false) if foi_named => Some(Regime::Foia),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = SCOTTISH.as_str();
        let _ = SCOTTISH_ENV.as_str();
        let _ = ENV.as_str();
        let _ = FOI.as_str();
        let _ = ENV_HANDLED.as_str();
        let _ = SCOT_ENV_REG.as_str();
        let _ = ENV_REG.as_str();
        let _ = ACT_SECTION_EXEMPT.as_str();
    }

    #[test]
    fn regimes() {
        assert_eq!(
            detect("exempt under Section 43 of the Freedom of Information Act."),
            Some(Regime::Foia)
        );
        assert_eq!(
            detect("Freedom of Information (Scotland) Act 2002 section 38(1)(b)"),
            Some(Regime::Foisa)
        );
        assert_eq!(
            detect(
                "We have dealt with your request under the Environmental Information Regulations 2004 rather than the Freedom of Information Act. Regulation 12(5)(e) applies."
            ),
            Some(Regime::Eir)
        );
        assert_eq!(
            detect(
                "Environmental Information (Scotland) Regulations 2004, regulation 10(4)(a). Scottish Information Commissioner"
            ),
            Some(Regime::Eisr)
        );
        assert_eq!(detect("Dear Sir, thank you."), None);
    }
}
