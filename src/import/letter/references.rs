//! The authority's own reference for the request (`Our Ref: Fol 471`, `FOI/2018/0471`).

use super::clean::{Doc, re};
use super::dates::is_blank_field;
use regex::Regex;
use std::sync::LazyLock;

/// A reference's label ("Our ref:", "FOI reference number", "Case ID"); the label
/// in group 1, the separator after it in the match.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            (?:^|[^a-z])
            (
                # our ref, my reference no
                (?:our|my)\s+ref(?:erence)?(?:\s*(?:no|number|num))?
                # FOI request reference, information request number
              | (?:foi|foisa|eir|information|freedom\s+of\s+information)\s+(?:request\s+)?
                (?:ref(?:erence)?|number|no|id)(?:\s*(?:no|number))?
                # case number, log id, tracking reference
              | (?:request|case|enquiry|log|disclosure|reference|tracking)\s+
                (?:ref(?:erence)?|number|no|id)
                # ref, reference no
              | ref(?:erence)?(?:\s*(?:no|number|num))?
            )
            \b\.?\s*
            (?: [:\#\-]\s* | \s+ )?                    # a colon, hash or dash, or spaces
        ")
});
/// Words before a label that make it someone else's reference ("your ref").
static YOURS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(your|their|requester'?s?|applicant'?s?|quote|quoting|the)\s*$
        ")
});
/// A reference standing alone: a known prefix and a number ("FOI 12345", "EIR/55").
static UNLABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \b(
                (?:FOI|FoI|Fol|FOIR|FOISA|EIR|RFI|IR|DAT|CAS|REQ)
                # a short separator, or a word such as request or no
                (?: [\x20\-/.\#:]{1,3} | \s+(?:request|req|ref|no|number)\.?\s* )?
                \d[A-Za-z0-9./\-]*
            )
        ")
});

/// A disclosure-log title: the topic, a dash, the request's number and year
/// (`Olympic Torch - 544/12`). The number is the reference.
static TOPIC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        ^ \W{0,3} [A-Z] [^:|]{2,100}? \s - \s   # the topic, then a spaced dash
        ( \d{1,6} / \d{2,4} ) \s* $             # number/year, ending the line
    ")
});

/// A disclosure-log title near the top of the text, read when no line is labelled.
fn topic_number(doc: &Doc, skipped: impl Fn(usize) -> bool) -> Option<String> {
    (0..doc.lines.len())
        .filter(|&i| !doc.blank(i) && !skipped(i))
        .take(30)
        .find_map(|i| TOPIC_NUMBER.captures(doc.text(i))?.get(1))
        .map(|m| m.as_str().to_string())
}

/// The authority's reference exactly as printed, or `None` with a warning.
pub fn their_ref(doc: &Doc, skip: &[bool], warnings: &mut Vec<String>) -> Option<String> {
    let skipped = |i: usize| skip.get(i).copied().unwrap_or(false);
    let mut blank = false;
    for (i, line) in doc.lines.iter().enumerate() {
        if skipped(i) {
            continue;
        }
        for c in LABEL.captures_iter(&line.text) {
            let (Some(label), Some(all)) = (c.get(1), c.get(0)) else {
                continue;
            };
            let before = line.text.get(..label.start()).unwrap_or("");
            if YOURS.is_match(before) {
                continue;
            }
            let rest = line.text.get(all.end()..).unwrap_or("");
            let explicit = all.as_str().contains([':', '#', '-']);
            if let Some(v) = value(rest) {
                return Some(v);
            }
            if rest.trim().is_empty() && explicit {
                // The value on the next line.
                let next = (i + 1..doc.lines.len()).find(|&j| !doc.blank(j));
                if let Some(v) =
                    next.and_then(|j| value(doc.text(j)).filter(|_| doc.text(j).len() < 40))
                {
                    return Some(v);
                }
                blank = true;
            } else if explicit && is_blank_field(first_cell(rest)) {
                blank = true;
            }
        }
    }
    if blank {
        warnings.push("The reference field is blank (an unfilled template).".into());
        return None;
    }
    if let Some(v) = topic_number(doc, skipped) {
        return Some(v);
    }
    for (i, line) in doc.lines.iter().enumerate() {
        if skipped(i) {
            continue;
        }
        for m in UNLABELLED.find_iter(&line.text) {
            let v = m.as_str().trim_end_matches(['.', '-', '/']);
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            // "FOI 2000" / "EIR 2004" name the legislation, not a request.
            if matches!(digits.as_str(), "2000" | "2002" | "2004" | "2005") {
                continue;
            }
            return Some(v.to_string());
        }
    }
    warnings.push("No reference found.".into());
    None
}

/// The part of a line up to a column break (two spaces, a tab, a pipe).
fn first_cell(s: &str) -> &str {
    let s = s.trim_start();
    let mut end = s.len();
    for pat in ["  ", " |", "|", ";", " Date", " Your ", " Dear "] {
        if let Some(i) = s.find(pat) {
            end = end.min(i);
        }
    }
    s.get(..end).unwrap_or(s).trim()
}

/// A reference value at the start of `rest`: up to two short words of prefix, then a
/// word with digits (and any words with digits straight after it).
fn value(rest: &str) -> Option<String> {
    let cell = first_cell(rest);
    let cell = cell.trim_end_matches(['.', ',', ')', ':']);
    let words: Vec<&str> = cell.split_whitespace().collect();
    let mut taken: Vec<&str> = Vec::new();
    let mut has_digit = false;
    for w in words {
        let w_digit = w.chars().any(|c| c.is_ascii_digit());
        let ref_chars = w
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '_' | '#' | '(' | ')'));
        if !ref_chars || w.chars().count() > 30 {
            break;
        }
        if w_digit {
            taken.push(w);
            has_digit = true;
        } else if has_digit || taken.len() >= 2 || w.chars().count() > 8 || is_word(w) {
            break;
        } else {
            taken.push(w);
        }
    }
    if !has_digit {
        return None;
    }
    while taken
        .last()
        .is_some_and(|w| !w.chars().any(|c| c.is_ascii_digit()))
    {
        taken.pop();
    }
    let v = taken.join(" ");
    let v = v.trim_matches(['.', ',', '(', ')']);
    (!v.is_empty()).then(|| v.to_string())
}

/// Ordinary English words that start a sentence after "reference", never a prefix.
fn is_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "is" | "number"
            | "above"
            | "below"
            | "was"
            | "the"
            | "to"
            | "in"
            | "of"
            | "for"
            | "and"
            | "please"
            | "when"
            | "on"
            | "at"
            | "as"
            | "a"
            | "an"
            | "this"
            | "that"
            | "your"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = LABEL.as_str();
        let _ = YOURS.as_str();
        let _ = UNLABELLED.as_str();
        let _ = TOPIC_NUMBER.as_str();
    }

    fn r(s: &str) -> (Option<String>, usize) {
        let doc = Doc::parse(s);
        let mut w = Vec::new();
        let v = their_ref(&doc, &[], &mut w);
        (v, w.len())
    }

    #[test]
    fn reads_reference_lines() {
        for (s, want) in [
            ("Our Ref: Fol 471\nDate: 1 May 2018", "Fol 471"),
            ("Our reference: FOI/2018/0471", "FOI/2018/0471"),
            ("Ref: FOI.18.471", "FOI.18.471"),
            ("Reference No. 20455", "20455"),
            ("Request Number: 12345", "12345"),
            ("FOI Request Ref IR-2021-0042", "IR-2021-0042"),
            ("Case Reference CAS-1234-X9", "CAS-1234-X9"),
            (
                "Subject: Freedom of Information request - FOI 12345",
                "FOI 12345",
            ),
            ("Your ref: ABC 1\nOur ref: XYZ 2", "XYZ 2"),
            ("Our ref:  EIR/55    Date: 3 May 2019", "EIR/55"),
            ("Our reference:\nFOI-2020-77\n", "FOI-2020-77"),
            (
                "Home > FOI\n\nOlympic Torch - 544/12\n\nWe hold it.",
                "544/12",
            ),
        ] {
            assert_eq!(r(s).0.as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn blank_and_absent_references_warn() {
        assert_eq!(r("Our Ref: [insert]\nFOI Act 2000"), (None, 1));
        assert_eq!(r("Ref: ____"), (None, 1));
        assert_eq!(r("quoting the reference number above."), (None, 1));
        assert_eq!(r("Under the FOIA 2000 and EIR 2004"), (None, 1));
        // A date range or a sum in a sentence is no disclosure-log title.
        assert_eq!(
            r("Figures for 2019 - 2020 are below.\nCosts - 12/3 of budget."),
            (None, 1)
        );
    }
}
