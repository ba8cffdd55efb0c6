//! The shape of a letter: where the requester's words are, which numbered questions
//! they asked, and which of the authority's words answer which question.
//!
//! Letters come in a few layouts, and this tells them apart:
//! * *divided*: the request quoted in full, then a response heading ("Our response")
//!   and the answers (per question under headings, or for the whole letter);
//! * *interleaved*: each question followed by a "Response:" line and its answer;
//! * *mixed*: each question followed directly by its answer paragraphs.
//!
//! Outcome summaries and tables are read wherever they stand. The reading is a
//! pipeline of stages, each in its own module:
//! 1. [`locate`]: where the letter begins, where the request is introduced, and where
//!    the authority's answers end (the sign-off or the review paragraph);
//! 2. [`questions`]: which labels define the questions;
//! 3. [`answers`]: which labels and headings introduce answers;
//! 4. [`blocks`]: the text between those boundaries, read as question or answer;
//! 5. [`scope`]: the authority's other words, tied to the questions they name or to
//!    the request as a whole.

mod answers;
mod blocks;
mod locate;
mod questions;
mod scope;

use super::clean::Doc;
use super::labels::{self, Marker};
use super::tables;
use std::collections::{BTreeMap, BTreeSet};

/// A question as the request put it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub key: u32,
    pub label: String,
    pub text: String,
}

/// Words of the authority's that answer one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub text: String,
    /// Said to answer only part of the question ("In response to part of request 4").
    pub part: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Lines that are the requester's words (never read as the authority's).
    pub request: Vec<bool>,
    pub candidates: Vec<Candidate>,
    pub evidence: BTreeMap<u32, Vec<Evidence>>,
    /// The authority's words that answer no question in particular.
    pub global: Vec<String>,
    /// Questions excepted from what the global words say: (key, only in part).
    pub exceptions: Vec<(u32, bool)>,
}

/// The document with what every stage reads: its bounds, its labels and its table rows.
struct Page<'a> {
    doc: &'a Doc,
    bounds: locate::Bounds,
    /// Every label, sorted by line (one per line at most).
    markers: Vec<Marker>,
    /// Table rows by line.
    rows: BTreeMap<usize, tables::Row>,
}

impl<'a> Page<'a> {
    fn read(doc: &'a Doc) -> Page<'a> {
        let bounds = locate::locate(doc);
        let rows: BTreeMap<usize, tables::Row> = tables::rows(doc)
            .into_iter()
            .map(|r| (r.marker.line, r))
            .collect();
        let mut markers: Vec<Marker> = doc
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| !rows.contains_key(i) && !l.is_blank())
            .filter_map(|(i, l)| labels::marker(i, &l.text))
            .collect();
        markers.extend(rows.values().map(|r| r.marker.clone()));
        markers.sort_by_key(|m| m.line);
        Page {
            doc,
            bounds,
            markers,
            rows,
        }
    }

    fn len(&self) -> usize {
        self.doc.lines.len()
    }

    /// The marker on line `line`.
    fn marker_at(&self, line: usize) -> Option<&Marker> {
        self.markers
            .binary_search_by_key(&line, |m| m.line)
            .ok()
            .and_then(|i| self.markers.get(i))
    }
}

/// Read the shape of a letter, stage by stage.
pub fn analyse(doc: &Doc) -> Layout {
    let page = Page::read(doc);
    let found = questions::find(&page);
    let keys: BTreeSet<u32> = found.candidates.iter().map(|d| d.key).collect();
    let answer_markers = answers::markers(&page, &found);
    let answer_lines = answers::lines(&page, &found);
    let plan = blocks::Plan::new(&page, &found, &answer_markers, &answer_lines);
    let mut reading = blocks::Reading::new(&page, &plan);
    let in_order = found.in_order;
    let candidates = reading.questions(&page, &plan, found.candidates);
    if in_order {
        reading.answers_in_order(&page, &plan, &candidates);
    }
    reading.answer_blocks(&page, &plan, &answer_markers, &keys);
    if plan.interleaved {
        reading.answer_lines(&page, &plan, &answer_lines);
    }
    let moved = reading.settle_last_block();
    let mut paragraphs = reading.free_paragraphs(&page);
    paragraphs.extend(moved);
    let mut layout = Layout::default();
    scope::scope(&paragraphs, &keys, &mut reading.evidence, &mut layout);
    layout.request = reading.request;
    layout.candidates = candidates;
    layout.evidence = reading.evidence;
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_shape() {
        let text = include_str!("../../../../tests/fixtures/letters/seed-dwp.txt");
        let doc = Doc::parse(text);
        let l = analyse(&doc);
        let labels: Vec<&str> = l.candidates.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            (1..=9).map(|i| format!("Request {i}")).collect::<Vec<_>>()
        );
        assert!(
            l.candidates[0]
                .text
                .starts_with("The performance levels referred to in that section")
        );
        assert_eq!(l.exceptions, vec![(4, true)]);
        assert_eq!(l.evidence.keys().copied().collect::<Vec<_>>(), vec![4]);
        assert!(l.global.iter().any(|g| g.contains("Section 43")));
        assert!(!l.global.iter().any(|g| g.contains("Section 12")));
    }

    #[test]
    fn interleaved_questions_and_answers() {
        let doc = Doc::parse(
            "Dear X\n\nQuestion 1: How many?\nAnswer: Three.\n\nQuestion 2: Who?\nAnswer: Not held.\n\nYours sincerely\n",
        );
        let l = analyse(&doc);
        assert_eq!(l.candidates.len(), 2);
        assert_eq!(l.candidates[1].text, "Who?");
        assert_eq!(l.evidence[&1][0].text, "Three.");
        assert_eq!(l.evidence[&2][0].text, "Not held.");
    }
}
