//! Reading a response letter: text in, a [`Proposal`] out. Never panics, never
//! invents: what it cannot find with confidence it leaves empty and says so.
//!
//! The reading is a pipeline of named stages:
//! 1. [`clean`]: plain lines from whatever was pasted (a web page, Markdown, a PDF's
//!    text with its line breaks lost);
//! 2. [`structure`]: locate the letter in its surroundings, find the questions and
//!    the words that answer each;
//! 3. the header facts: [`authority`], [`references`], [`dates`] (letter and
//!    request), [`regime`];
//! 4. `judge`: each question's outcome and exemptions ([`outcomes`] reads the words);
//! 5. [`window`]: the review paragraph's time limit.

pub mod authority;
pub mod clean;
pub mod dates;
mod judge;
pub mod labels;
pub mod outcomes;
pub mod references;
pub mod regime;
pub mod structure;
pub mod tables;
pub mod window;

use super::proposal::Proposal;
use crate::domain::Regime;
use clean::Doc;

/// Read a response letter (plain text, Markdown or a saved web page) and propose a case.
pub fn parse_letter(text: &str) -> Proposal {
    let doc = Doc::parse(text);
    if doc.lines.iter().all(|l| l.is_blank()) {
        return Proposal {
            warnings: vec!["The letter is empty.".into()],
            ..Proposal::default()
        };
    }
    let layout = structure::analyse(&doc);
    let mut warnings = Vec::new();
    let regime = read_regime(&doc, &layout.request);
    let letter_date = dates::letter_date(&doc, &layout.request, &mut warnings);
    let request_date = dates::request_date(&doc, &layout.request, letter_date, &mut warnings);
    let their_ref = references::their_ref(&doc, &layout.request, &mut warnings);
    let authority = authority::authority(&doc, &layout.request, &mut warnings);
    if regime.is_none() {
        warnings.push("No regime found: the letter names no Act or Regulations.".into());
    }
    let paragraphs = authority_paragraphs(&doc, &layout.request);
    let review_window = window::review_window(&paragraphs, &mut warnings);
    let questions = judge::decide(&doc, &layout, regime, &mut warnings);
    Proposal {
        authority,
        their_ref,
        regime,
        letter_date,
        request_date,
        review_window,
        questions,
        warnings,
    }
}

/// The regime the authority's words name; failing that, the requester's.
fn read_regime(doc: &Doc, request: &[bool]) -> Option<Regime> {
    let in_request = |i: usize| request.get(i).copied().unwrap_or(false);
    let theirs: Vec<&str> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_request(*i))
        .map(|(_, l)| l.text.as_str())
        .collect();
    regime::detect(&theirs.join("\n")).or_else(|| {
        let all: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        regime::detect(&all.join("\n"))
    })
}

/// The paragraphs with at least one line of the authority's.
fn authority_paragraphs(doc: &Doc, request: &[bool]) -> Vec<String> {
    doc.paragraphs(0, doc.lines.len())
        .into_iter()
        .filter(|&(f, t)| (f..t).any(|i| !request.get(i).copied().unwrap_or(false)))
        .map(|(f, t)| doc.join(f, t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_junk_inputs() {
        let p = parse_letter("");
        assert!(p.questions.is_empty());
        assert_eq!(p.warnings, vec!["The letter is empty.".to_string()]);
        let p = parse_letter("\u{0}\u{1}\u{ffff}����");
        assert!(p.authority.is_none());
    }

    #[test]
    fn the_authority_s_words_name_the_regime() {
        let doc = Doc::parse(
            "> Under the Environmental Information Regulations\nWe answer under the Freedom of Information Act 2000.",
        );
        let request = vec![true, false];
        assert_eq!(read_regime(&doc, &request), Some(Regime::Foia));
        assert_eq!(read_regime(&doc, &[true, true]), Some(Regime::Eir));
        assert_eq!(
            authority_paragraphs(&doc, &[true, true]),
            Vec::<String>::new()
        );
    }
}
