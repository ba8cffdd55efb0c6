//! Stage 4: read the text between boundaries. Each question's block holds its words
//! (and, in a mixed layout, its answer); each answer label's or response heading's
//! block holds an answer. What is left over goes to [`super::scope`].

use super::super::labels::{Family, Marker};
use super::locate::ANSWER_LINE;
use super::questions::{Questions, question_score};
use super::scope::{GLOBAL_WORDS, split_block};
use super::{Candidate, Evidence, Page};
use std::collections::{BTreeMap, BTreeSet};

/// Where blocks begin and end, and which layout the letter has.
pub(super) struct Plan {
    /// Lines where a block begins: questions, answer labels and headings, table rows,
    /// the request's heading, and the end of the answers.
    boundaries: BTreeSet<usize>,
    stop: usize,
    len: usize,
    /// The line defining each question, by key.
    defining: BTreeMap<u32, usize>,
    /// Lines of the answer labels.
    answer_label_lines: BTreeSet<usize>,
    /// A heading or answer label stands between two questions.
    pub interleaved: bool,
    /// All the questions come before the answers (a divided layout, or questions
    /// quoted below the sign-off): a question's block holds only the question.
    whole_question: bool,
    /// The requester's words, as a range of lines.
    request_range: Option<(usize, usize)>,
    /// The first heading or answer after the last question, in a divided layout.
    divider: Option<usize>,
}

impl Plan {
    pub fn new(page: &Page, found: &Questions, markers: &[Marker], lines: &[usize]) -> Plan {
        let stop = page.bounds.stop;
        let mut boundaries: BTreeSet<usize> = found.defining_lines();
        boundaries.extend(markers.iter().map(|m| m.line));
        boundaries.extend(lines.iter().copied());
        boundaries.extend(page.rows.keys().copied());
        boundaries.extend(page.bounds.request_start);
        boundaries.insert(stop);
        let first_def = found.lines.values().min().copied();
        let last_def = found.lines.values().max().copied();
        let mut separators: Vec<usize> = lines.to_vec();
        separators.extend(markers.iter().map(|m| m.line));
        separators.sort_unstable();
        let interleaved = match (first_def, last_def) {
            (Some(f), Some(l)) => separators.iter().any(|&a| a > f && a < l),
            _ => false,
        };
        // The first heading or answer after the last question divides the letter.
        let divider = match last_def {
            Some(l) if !interleaved => separators.iter().copied().find(|&a| a > l && a < stop),
            _ => None,
        };
        let after_stop = first_def.is_some_and(|f| f >= stop);
        let from = match (page.bounds.request_start, first_def) {
            (Some(r), Some(f)) if r < f => Some(r + 1),
            (_, f) => f,
        };
        let request_range = from.map(|from| {
            let to = if after_stop {
                page.len()
            } else {
                divider.or(first_def).unwrap_or(from)
            };
            (from, to)
        });
        Plan {
            boundaries,
            stop,
            len: page.len(),
            defining: found.lines.clone(),
            answer_label_lines: markers.iter().map(|m| m.line).collect(),
            interleaved,
            whole_question: divider.is_some() || after_stop,
            request_range,
            divider,
        }
    }

    /// Where the block beginning on line `l` ends: the next boundary, and never past
    /// the end of the answers for a block that begins before it.
    fn block_end(&self, l: usize) -> usize {
        let limit = if l < self.stop { self.stop } else { self.len };
        self.boundaries
            .range(l + 1..)
            .next()
            .copied()
            .unwrap_or(self.len)
            .min(limit)
    }

    fn last_defining(&self) -> Option<usize> {
        self.defining.values().max().copied()
    }
}

/// What the reading has found so far, line by line and question by question.
pub(super) struct Reading {
    /// Lines that are the requester's words.
    pub request: Vec<bool>,
    /// Lines already read as part of a block.
    covered: Vec<bool>,
    pub evidence: BTreeMap<u32, Vec<Evidence>>,
    /// The paragraphs after the last question, which may be about the whole request.
    last_block: Vec<(u32, String)>,
}

impl Reading {
    pub fn new(page: &Page, plan: &Plan) -> Reading {
        let mut request: Vec<bool> = page.doc.lines.iter().map(|l| l.quoted).collect();
        if let Some((from, to)) = plan.request_range {
            mark(&mut request, from, to);
        }
        Reading {
            request,
            covered: vec![false; page.len()],
            evidence: BTreeMap::new(),
            last_block: Vec::new(),
        }
    }

    fn answer(&mut self, key: u32, text: String) {
        self.evidence
            .entry(key)
            .or_default()
            .push(Evidence { text, part: false });
    }

    /// Read each question's block: its text, and in a mixed layout its answer.
    pub fn questions(
        &mut self,
        page: &Page,
        plan: &Plan,
        mut candidates: Vec<Candidate>,
    ) -> Vec<Candidate> {
        for d in &mut candidates {
            let Some(&l) = plan.defining.get(&d.key) else {
                continue;
            };
            let end = plan.block_end(l);
            mark(&mut self.covered, l, end);
            if let Some(row) = page.rows.get(&l) {
                // A table row: the question in one cell, its answer in another.
                d.text = clip(&row.marker.rest);
                if !row.answer.trim().is_empty() {
                    self.answer(d.key, row.answer.clone());
                }
                mark(&mut self.request, l, l + 1);
                continue;
            }
            let (qtext, inline_answer, q_end) = question_part(page, l, end, plan.whole_question);
            d.text = clip(&qtext);
            if let Some(text) = inline_answer {
                self.answer(d.key, text);
            }
            mark(&mut self.request, l, q_end);
            if plan.whole_question {
                continue;
            }
            let last = Some(l) == plan.last_defining() && plan.defining.len() >= 2;
            for (from, to) in page.doc.paragraphs(q_end, end) {
                let text = join_unquoted(page, from, to);
                if text.is_empty() {
                    continue;
                }
                if last {
                    self.last_block.push((d.key, text));
                } else {
                    self.answer(d.key, text);
                }
            }
        }
        candidates
    }

    /// Unlabelled questions answered below a response heading one paragraph each: the
    /// paragraphs answer them in order. Any other count ties nothing: the words are
    /// then about the request as a whole.
    pub fn answers_in_order(&mut self, page: &Page, plan: &Plan, candidates: &[Candidate]) {
        let Some(from) = plan.divider else {
            return;
        };
        let paragraphs: Vec<(usize, usize)> = page
            .doc
            .paragraphs(from + 1, plan.stop)
            .into_iter()
            .filter(|&(f, t)| !join_unquoted(page, f, t).is_empty())
            .collect();
        if paragraphs.len() != candidates.len() {
            return;
        }
        for (d, &(f, t)) in candidates.iter().zip(&paragraphs) {
            mark(&mut self.covered, f, t);
            self.answer(d.key, join_unquoted(page, f, t));
        }
    }

    /// Read each answer label's block, cut where it turns to other questions.
    pub fn answer_blocks(
        &mut self,
        page: &Page,
        plan: &Plan,
        markers: &[Marker],
        keys: &BTreeSet<u32>,
    ) {
        for m in markers.iter().filter(|m| m.line < plan.stop) {
            let end = plan.block_end(m.line);
            mark(&mut self.covered, m.line, end);
            let text = match page.rows.get(&m.line) {
                Some(row) => row.answer.clone(),
                None => labelled_answer(page, m, end),
            };
            if text.trim().is_empty() {
                continue;
            }
            for (ks, piece) in split_block(&text, &m.keys, keys) {
                for k in ks {
                    self.answer(k, piece.clone());
                }
            }
        }
    }

    /// Read each response heading's block as the answer to the question above it.
    pub fn answer_lines(&mut self, page: &Page, plan: &Plan, lines: &[usize]) {
        for &a in lines {
            let is_covered = self.covered.get(a).copied().unwrap_or(true);
            let labelled = is_covered
                && !plan.defining.values().any(|&l| l == a)
                && plan.answer_label_lines.contains(&a);
            if a >= plan.stop || labelled {
                continue;
            }
            let owner = plan
                .defining
                .iter()
                .filter(|(_, l)| **l < a)
                .max_by_key(|(_, l)| **l)
                .map(|(k, _)| *k);
            let Some(owner) = owner else { continue };
            let end = plan.block_end(a);
            mark(&mut self.covered, a, end);
            let mut text = ANSWER_LINE
                .captures(page.doc.text(a))
                .and_then(|c| c.get(1).or(c.get(2)))
                .map(|m| m.as_str().trim_start_matches(':').trim().to_string())
                .unwrap_or_default();
            for (f, t) in page.doc.paragraphs(a + 1, end) {
                let p = join_unquoted(page, f, t);
                if !p.is_empty() {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&p);
                }
            }
            if !text.trim().is_empty() {
                self.answer(owner, text);
            }
        }
    }

    /// The last question's block may run on into words about the whole request: all
    /// of it when no other question has an answer of its own, else the paragraphs
    /// that speak of the request as a whole. Returns those words.
    pub fn settle_last_block(&mut self) -> Vec<String> {
        let last_key = self.last_block.first().map(|(k, _)| *k);
        let others_answered = self
            .evidence
            .iter()
            .any(|(k, v)| Some(*k) != last_key && !v.is_empty());
        let mut moved = Vec::new();
        for (key, text) in std::mem::take(&mut self.last_block) {
            if others_answered && !GLOBAL_WORDS.is_match(&text) {
                self.answer(key, text);
            } else {
                moved.push(text);
            }
        }
        moved
    }

    /// The authority's paragraphs no block has read, between the greeting and the end
    /// of the answers.
    pub fn free_paragraphs(&self, page: &Page) -> Vec<String> {
        let n = page.len();
        let free = |i: usize| {
            i >= page.bounds.letter_start
                && i < page.bounds.stop
                && !self.covered.get(i).copied().unwrap_or(true)
                && !self.request.get(i).copied().unwrap_or(true)
                && !page.doc.blank(i)
        };
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < n {
            if !free(i) {
                i += 1;
                continue;
            }
            let from = i;
            while i < n && free(i) {
                i += 1;
            }
            paragraphs.push(page.doc.join(from, i));
        }
        paragraphs
    }
}

fn mark(flags: &mut [bool], from: usize, to: usize) {
    for f in flags.iter_mut().take(to).skip(from) {
        *f = true;
    }
}

/// The answer under a label: the rest of its line and the paragraphs below, less the
/// question when the heading repeats it before the answer.
fn labelled_answer(page: &Page, m: &Marker, end: usize) -> String {
    let mut parts = vec![m.rest.clone()];
    parts.extend(
        page.doc
            .paragraphs(m.line + 1, end)
            .into_iter()
            .map(|(f, t)| join_unquoted(page, f, t)),
    );
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    let skip = usize::from(
        parts.len() > 1
            && parts
                .first()
                .is_some_and(|p| question_score(p) == 2 && p.contains('?')),
    );
    parts.into_iter().skip(skip).collect::<Vec<_>>().join("\n")
}

/// Lines `from..to` joined, less the lines quoted back from the request.
fn join_unquoted(page: &Page, from: usize, to: usize) -> String {
    let mut out = String::new();
    let lines = &page.doc.lines;
    for l in lines.get(from..to.min(lines.len())).unwrap_or(&[]) {
        if l.quoted || l.is_blank() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l.text.trim());
    }
    out
}

/// A question's text, cut at a length no real question reaches.
fn clip(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 4000 {
        return s.to_string();
    }
    s.chars().take(4000).collect::<String>() + "…"
}

/// The question's own words in a definition block `[l, end)`, any answer sharing its
/// paragraph, and the line where the rest of the block (its answer, if any) begins.
fn question_part(
    page: &Page,
    l: usize,
    end: usize,
    whole: bool,
) -> (String, Option<String>, usize) {
    let doc = page.doc;
    // A question with no label (a paragraph under a request heading) is its whole line.
    let rest = page
        .marker_at(l)
        .map_or_else(|| doc.text(l).to_string(), |m| m.rest.clone());
    let mut lines: Vec<String> = Vec::new();
    if !rest.trim().is_empty() {
        lines.push(rest);
    }
    let mut j = l + 1;
    // A label alone on its line: the question is the next paragraph.
    if lines.is_empty() {
        while j < end && doc.blank(j) {
            j += 1;
        }
    }
    let is_sub = |j: usize| {
        page.marker_at(j)
            .is_some_and(|m| matches!(m.family, Family::Alpha | Family::Bullet | Family::Numbered))
    };
    loop {
        while j < end && !doc.blank(j) {
            // A question line ending in "?" followed by its answer on the next line.
            if !whole && lines.last().is_some_and(|p| p.trim_end().ends_with('?')) && !is_sub(j) {
                return (lines.join(" "), None, j);
            }
            lines.push(doc.text(j).trim().to_string());
            j += 1;
        }
        let joined = lines.join(" ");
        let introduces_list = joined.trim_end().ends_with(':');
        match (j..end).find(|&k| !doc.blank(k)) {
            Some(k) if introduces_list && is_sub(k) => j = k,
            _ => {
                let (q, answer) = split_quote(&joined);
                return (q, if whole { None } else { answer }, j);
            }
        }
    }
}

/// `"How many?" We hold 3.` → (`How many?`, Some(`We hold 3.`)).
fn split_quote(s: &str) -> (String, Option<String>) {
    let t = s.trim();
    if let Some(inner) = t.strip_prefix('"')
        && let Some(close) = inner.find('"')
    {
        let q = inner.get(..close).unwrap_or("").trim().to_string();
        let after = inner.get(close + 1..).unwrap_or("").trim().to_string();
        if !q.is_empty() {
            return (q, (!after.is_empty()).then_some(after));
        }
    }
    (t.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::super::super::clean::Doc;
    use super::super::{answers, questions};
    use super::*;

    #[test]
    fn quoted_questions_and_their_answers() {
        assert_eq!(
            split_quote(r#""How many?" We hold 3."#),
            ("How many?".to_string(), Some("We hold 3.".to_string()))
        );
        assert_eq!(split_quote("How many?"), ("How many?".to_string(), None));
        assert_eq!(clip(&"x".repeat(5000)).chars().count(), 4001);
    }

    fn plan_of(s: &str) -> (bool, bool, Option<(usize, usize)>) {
        let doc = Doc::parse(s);
        let page = Page::read(&doc);
        let found = questions::find(&page);
        let ms = answers::markers(&page, &found);
        let ls = answers::lines(&page, &found);
        let p = Plan::new(&page, &found, &ms, &ls);
        (p.interleaved, p.whole_question, p.request_range)
    }

    #[test]
    fn layouts_are_told_apart() {
        // Divided: the questions, then a heading, then the answers.
        assert_eq!(
            plan_of("You asked:\n1. How many?\n2. Who?\n\nResponse:\n1. Three.\n2. Nobody."),
            (false, true, Some((1, 4)))
        );
        // Interleaved: a heading after each question.
        assert_eq!(
            plan_of("1. How many?\nResponse: Three.\n2. Who?\nResponse: Nobody."),
            (true, false, Some((0, 0)))
        );
    }

    #[test]
    fn a_question_followed_by_its_answer() {
        let doc = Doc::parse("1. How many?\nThree.\n2. Who pays?\nThe council.");
        let page = Page::read(&doc);
        assert_eq!(
            question_part(&page, 0, 2, false),
            ("How many?".to_string(), None, 1)
        );
        assert_eq!(
            question_part(&page, 0, 2, true),
            ("How many? Three.".to_string(), None, 2)
        );
    }
}
