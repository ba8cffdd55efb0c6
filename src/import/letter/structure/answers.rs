//! Stage 3: find where answers are introduced. Labels that repeat a question's
//! ("Q2 - The Force …", "Answer to question 3", a table row) and headings ("Response:",
//! "Our answer is as follows").

use super::super::labels::{Family, Marker};
use super::Page;
use super::locate::ANSWER_LINE;
use super::questions::{Questions, in_sequence};
use std::collections::BTreeSet;

/// The markers that introduce answers to defined questions, sorted by line.
pub(super) fn markers(page: &Page, found: &Questions) -> Vec<Marker> {
    let mut out = found.repeats.clone();
    out.extend(labelled(page, found));
    out.extend(numbered_after(page, found));
    out.sort_by_key(|m| m.line);
    out.dedup_by_key(|m| m.line);
    out
}

/// Labels of another family that name defined questions ("Answer 2", a labelled
/// table row, "Questions 2 and 3").
fn labelled(page: &Page, found: &Questions) -> Vec<Marker> {
    let keys = found.keys();
    let defining = found.defining_lines();
    page.markers
        .iter()
        .filter(|m| {
            let known = !m.keys.is_empty() && m.keys.iter().all(|k| keys.contains(k));
            let fits = match m.family {
                Family::Named | Family::Answer => {
                    Some(m.family) != found.chosen || m.keys.len() > 1
                }
                Family::Table => {
                    Some(Family::Table) != found.chosen
                        && page.rows.get(&m.line).is_some_and(|r| r.labelled)
                }
                _ => false,
            };
            known && fits && !defining.contains(&m.line)
        })
        .cloned()
        .collect()
}

/// "Request 1: …" asked, then "1. …" answered after the last question: a numbered
/// run after the questions that covers (nearly) all of them.
fn numbered_after(page: &Page, found: &Questions) -> Vec<Marker> {
    let keys = found.keys();
    let Some(&last) = found.defining_lines().last() else {
        return Vec::new();
    };
    if found.chosen != Some(Family::Named) {
        return Vec::new();
    }
    let after: Vec<Marker> = in_sequence(
        page.markers
            .iter()
            .filter(|m| m.family == Family::Numbered && m.line > last && m.line < page.bounds.stop)
            .cloned()
            .collect(),
        0,
    );
    let covered: BTreeSet<u32> = after
        .iter()
        .flat_map(|m| m.keys.iter().copied())
        .filter(|k| keys.contains(k))
        .collect();
    if covered.is_empty() || covered.len() + 1 < keys.len() {
        return Vec::new();
    }
    after
        .into_iter()
        .filter(|m| m.keys.iter().all(|k| keys.contains(k)))
        .collect()
}

/// Lines that are response headings: with a colon, or short.
pub(super) fn lines(page: &Page, found: &Questions) -> Vec<usize> {
    let defining = found.defining_lines();
    (0..page.len())
        .filter(|&i| {
            let t = page.doc.text(i);
            ANSWER_LINE.captures(t).is_some_and(|c| {
                let colon = c.get(1).or(c.get(2)).is_some();
                colon || t.trim().len() <= 60
            }) && !defining.contains(&i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::super::clean::Doc;
    use super::super::questions;
    use super::*;

    fn answer_lines(s: &str) -> (Vec<usize>, Vec<usize>) {
        let doc = Doc::parse(s);
        let page = Page::read(&doc);
        let found = questions::find(&page);
        let ms = markers(&page, &found).iter().map(|m| m.line).collect();
        (ms, lines(&page, &found))
    }

    #[test]
    fn headings_and_repeated_labels() {
        let (ms, ls) = answer_lines(
            "You asked:\nQ1 - How many?\nQ2 - Who?\n\nOur response\n\nQ1 - Three.\nQ2 - Not held.",
        );
        assert_eq!(ms, vec![6, 7]);
        assert_eq!(ls, vec![4]);
    }

    #[test]
    fn numbers_answering_named_requests() {
        let (ms, _) = answer_lines(
            "Request 1: How many?\nRequest 2: Who pays?\n\n1. Three.\n2. The council.",
        );
        assert_eq!(ms, vec![3, 4]);
        // A long response sentence is no heading.
        let (_, ls) = answer_lines(
            "The response of the council to the consultation was published in a report last year",
        );
        assert!(ls.is_empty());
    }
}
