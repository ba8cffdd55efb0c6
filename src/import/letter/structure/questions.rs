//! Stage 2: find the questions. Letters label them in several ways at once
//! ("Request 1", "1.", "(a)", table rows, bullets); the family of labels that leads
//! the most question-like text defines them, and its later repeats answer them.

use super::super::clean::re;
use super::super::labels::{ALPHA_BASE, Family, Marker};
use super::locate::ANSWER_LINE;
use super::{Candidate, Page};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The questions of the request and where each is defined.
#[derive(Debug, Clone, Default)]
pub(super) struct Questions {
    /// The family of labels that defines them (`None`: no questions found).
    pub chosen: Option<Family>,
    /// Their text is filled in by a later stage.
    pub candidates: Vec<Candidate>,
    /// The line defining each question, by key.
    pub lines: BTreeMap<u32, usize>,
    /// Later labels of the defining family: answers to those questions.
    pub repeats: Vec<Marker>,
    /// Unlabelled paragraphs under a request heading: the answers, if the letter gives
    /// one paragraph each, come in the same order.
    pub in_order: bool,
}

impl Questions {
    pub fn keys(&self) -> BTreeSet<u32> {
        self.candidates.iter().map(|d| d.key).collect()
    }

    pub fn defining_lines(&self) -> BTreeSet<usize> {
        self.lines.values().copied().collect()
    }
}

pub(super) fn find(page: &Page) -> Questions {
    let found = best_family(page)
        .map(|(fam, ms)| define(page, fam, &ms))
        .unwrap_or_default();
    if !found.candidates.is_empty() {
        return found;
    }
    let found = bullets(page);
    if !found.candidates.is_empty() {
        return found;
    }
    heading_paragraphs(page)
}

/// A request's opening words: a verb asking for something, a question word, or
/// the thing asked for ("the number of", "copies of").
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3}
            (?:
                # asking
                please | provide | could | can | would | will
              | confirm | disclose | send | supply | give | state | tell | explain
              | i\s+would | i\s+request | i\s+am | i\s+wish
                # question words and the verbs that open questions
              | what | how | when | where | which | who | whom | why
              | is | are | does | do | did | has | have | was | were
                # the thing asked for
              | copies | copy | details | a\s+list | list
              | the\s+number | number\s+of | the\s+total | total | all | any
              | for\s+each | in\s+each | for\s+the | the\s+amount | how\s+much | a\s+copy
              | the\s+names? | the\s+date
            )\b
        ")
});
/// An outcome in a few words ("Not held", "See attached"): an answer, not a question.
static OUTCOME_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                provided | not\s+held | withheld | answered | refused | exempt
              | partially | partly | released | disclosed | supplied | published
              | see\s+(?:below|attached|answer|response) | attached
              | n/?a | neither\s+confirm | ncnd | vexatious | cost\s+limit
              | no\s+information | nil | in\s+full | in\s+part
            )\b
        ")
});

/// How much a marker's text looks like a question (0: not at all, e.g. "Not held").
pub(super) fn question_score(text: &str) -> u8 {
    let t = text.trim();
    let words = t.split_whitespace().count();
    if words == 0 {
        return 0;
    }
    if words <= 8 && OUTCOME_PHRASE.is_match(t) && !t.contains('?') {
        return 0;
    }
    if t.contains('?') || IMPERATIVE.is_match(t) {
        2
    } else if words >= 2 {
        1
    } else {
        0
    }
}

/// The text a marker leads: the rest of its line, else the next non-blank line.
fn lead_text(page: &Page, m: &Marker) -> String {
    if !m.rest.trim().is_empty() {
        return m.rest.clone();
    }
    let doc = page.doc;
    (m.line + 1..doc.lines.len())
        .find(|&j| !doc.blank(j))
        .filter(|&j| j <= m.line + 2)
        .map(|j| doc.text(j).to_string())
        .unwrap_or_default()
}

/// Keep markers of one family that follow a plausible numbering (1, 2, 3 … with
/// repeats allowed, and at most one number skipped).
pub(super) fn in_sequence(markers: Vec<Marker>, base: u32) -> Vec<Marker> {
    let mut next = base + 1;
    let mut out = Vec::new();
    for m in markers {
        let [k] = m.keys.as_slice() else { continue };
        let k = *k;
        if k < next && k > base {
            out.push(m);
        } else if k >= next && k <= next + 1 {
            next = k + 1;
            out.push(m);
        }
    }
    out
}

fn base_of(f: Family) -> u32 {
    if f == Family::Alpha {
        ALPHA_BASE - 1
    } else {
        0
    }
}

/// The best score each key's markers reach.
fn scores(page: &Page, ms: &[Marker]) -> BTreeMap<u32, u8> {
    let mut per_key: BTreeMap<u32, u8> = BTreeMap::new();
    for m in ms {
        if let [k] = m.keys.as_slice() {
            let s = question_score(&lead_text(page, m));
            let e = per_key.entry(*k).or_insert(0);
            *e = (*e).max(s);
        }
    }
    per_key
}

/// Which family defines the questions: the one whose labels lead the most text that
/// reads like a question, with its markers in sequence.
fn best_family(page: &Page) -> Option<(Family, Vec<Marker>)> {
    let request_start = page.bounds.request_start;
    let mut best: Option<(u32, Family, Vec<Marker>)> = None;
    for fam in [
        Family::Named,
        Family::Table,
        Family::Numbered,
        Family::Alpha,
    ] {
        let ms: Vec<Marker> = page
            .markers
            .iter()
            .filter(|m| m.family == fam)
            .cloned()
            .collect();
        let ms = if fam == Family::Table {
            ms
        } else {
            in_sequence(ms, base_of(fam))
        };
        let per_key = scores(page, &ms);
        let score: u32 = per_key.values().map(|&s| u32::from(s)).sum();
        // A plain numbered or lettered list (reasons, factors, addresses) is not a
        // request: unless the letter says a request follows, most items must read
        // as questions.
        let introduced = request_start.is_some_and(|r| ms.first().is_some_and(|m| m.line > r));
        let asking = per_key.values().filter(|&&s| s == 2).count();
        if matches!(fam, Family::Numbered | Family::Alpha)
            && !introduced
            && asking * 2 < per_key.len()
        {
            continue;
        }
        if score > 0 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, fam, ms));
        }
    }
    best.map(|(_, fam, ms)| (fam, ms))
}

/// The defining occurrence of each key (the most question-like, earliest); the other
/// occurrences answer, unless a loose list repeats too few of them to be answers.
fn define(page: &Page, fam: Family, ms: &[Marker]) -> Questions {
    let mut pick: BTreeMap<u32, (u8, usize)> = BTreeMap::new();
    for (idx, m) in ms.iter().enumerate() {
        if let [k] = m.keys.as_slice() {
            let s = question_score(&lead_text(page, m));
            if s > 0 && pick.get(k).is_none_or(|&(bs, _)| s > bs) {
                pick.insert(*k, (s, idx));
            }
        }
    }
    let mut found = Questions {
        chosen: Some(fam),
        ..Questions::default()
    };
    for (&k, &(_, idx)) in &pick {
        if let Some(m) = ms.get(idx) {
            found.lines.insert(k, m.line);
            found.candidates.push(Candidate {
                key: k,
                label: m.label.clone(),
                text: String::new(),
            });
        }
    }
    let defined: BTreeSet<usize> = pick.values().map(|&(_, i)| i).collect();
    let repeats: Vec<Marker> = ms
        .iter()
        .enumerate()
        .filter(|(i, _)| !defined.contains(i))
        .map(|(_, m)| m.clone())
        .collect();
    let distinct: BTreeSet<u32> = repeats.iter().flat_map(|m| m.keys.clone()).collect();
    let loose = matches!(fam, Family::Numbered | Family::Alpha);
    if !loose || distinct.len() + 1 >= pick.len() {
        found.repeats = repeats;
    }
    found
}

/// Bullets, when nothing is numbered: the first run of bullets in the request, if it
/// is introduced as the request or mostly reads as questions.
fn bullets(page: &Page) -> Questions {
    let doc = page.doc;
    let after = page.bounds.request_start.unwrap_or(0);
    let mut run: Vec<&Marker> = Vec::new();
    for m in page
        .markers
        .iter()
        .filter(|m| m.family == Family::Bullet && m.line > after && m.line < page.bounds.stop)
    {
        let contiguous = run.last().is_none_or(|p| {
            (p.line + 1..m.line).all(|j| {
                doc.blank(j)
                    || !doc.text(j).starts_with(|c: char| c.is_alphanumeric())
                    || j == p.line + 1
            })
        });
        if !contiguous {
            break;
        }
        run.push(m);
    }
    let questiony = run.iter().filter(|m| question_score(&m.rest) == 2).count();
    let mut found = Questions::default();
    if run.len() >= 2 && (page.bounds.request_start.is_some() || questiony * 2 >= run.len()) {
        found.chosen = Some(Family::Bullet);
        for (i, m) in run.iter().enumerate() {
            let k = i as u32 + 1;
            found.lines.insert(k, m.line);
            found.candidates.push(Candidate {
                key: k,
                label: k.to_string(),
                text: String::new(),
            });
        }
    }
    found
}

/// Questions as paragraphs under a request heading ("Your request", then one
/// paragraph per question), when nothing labels them: numbered in order. They end at
/// a response heading or at the first paragraph that does not read as a question.
fn heading_paragraphs(page: &Page) -> Questions {
    let mut found = Questions::default();
    let Some(start) = page.bounds.request_start else {
        return found;
    };
    let doc = page.doc;
    let firsts: Vec<usize> = doc
        .paragraphs(start + 1, page.bounds.stop)
        .into_iter()
        .take_while(|&(f, t)| {
            !ANSWER_LINE.is_match(doc.text(f)) && question_score(&doc.join(f, t)) == 2
        })
        .map(|(f, _)| f)
        .collect();
    if firsts.len() < 2 {
        return found;
    }
    // Unlabelled items, like bullets.
    found.chosen = Some(Family::Bullet);
    found.in_order = true;
    for (i, &line) in firsts.iter().enumerate() {
        let k = i as u32 + 1;
        found.lines.insert(k, line);
        found.candidates.push(Candidate {
            key: k,
            label: k.to_string(),
            text: String::new(),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::super::clean::Doc;
    use super::*;

    fn labels(s: &str) -> Vec<String> {
        let doc = Doc::parse(s);
        find(&Page::read(&doc))
            .candidates
            .into_iter()
            .map(|d| d.label)
            .collect()
    }

    #[test]
    fn scores_tell_questions_from_outcomes() {
        assert_eq!(question_score("How many staff?"), 2);
        assert_eq!(question_score("Please provide the contract"), 2);
        assert_eq!(question_score("Staff numbers by grade"), 1);
        assert_eq!(question_score("Not held"), 0);
        assert_eq!(question_score(""), 0);
    }

    #[test]
    fn numbering_in_sequence() {
        let doc = Doc::parse("1. a b\n2. c d\n7. e f\n3. g h\n2. i j");
        let page = Page::read(&doc);
        let keys: Vec<u32> = in_sequence(page.markers.clone(), 0)
            .iter()
            .map(|m| m.keys[0])
            .collect();
        assert_eq!(keys, vec![1, 2, 3, 2]);
    }

    #[test]
    fn the_most_question_like_family_wins() {
        assert_eq!(
            labels(
                "Dear X\n\nRequest 1: How many?\n1. Not held.\nRequest 2: Who pays?\n2. The council."
            ),
            ["Request 1", "Request 2"]
        );
        // A list of reasons is no request.
        assert!(labels("Dear X\n\n1. Cost.\n2. Time.\n3. Staff.").is_empty());
        assert_eq!(
            labels("You asked:\n• How many buses?\n• Who runs them?\n\nWe hold 3."),
            ["1", "2"]
        );
        // Paragraphs under a request heading, up to the response heading.
        let doc = Doc::parse(
            "Your request\n\nHow many buses\nrun at night?\n\nWho runs them?\n\nOur response\n\nTwelve.\n\nThe council.",
        );
        let found = find(&Page::read(&doc));
        assert!(found.in_order);
        assert_eq!(
            found.lines.values().copied().collect::<Vec<_>>(),
            vec![2, 5]
        );
        // One paragraph is one question, read the usual way.
        assert!(
            labels("Your request\n\nHow many buses run?\n\nOur response\n\nTwelve.").is_empty()
        );
        // A paragraph that asks nothing ends them.
        assert!(
            labels("Your request\n\nHow many buses run?\n\nThank you for it.\n\nWho runs them?")
                .is_empty()
        );
    }
}
