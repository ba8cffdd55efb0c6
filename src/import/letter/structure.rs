//! The shape of a letter: where the requester's words are, which numbered questions
//! they asked, and which of the authority's words answer which question.
//!
//! Letters come in a few layouts, and this tells them apart:
//! * *divided*: the request quoted in full, then a response heading ("Our response")
//!   and the answers (per question under headings, or for the whole letter);
//! * *interleaved*: each question followed by a "Response:" line and its answer;
//! * *mixed*: each question followed directly by its answer paragraphs;
//!
//! Outcome summaries and tables are read wherever they stand.

use super::clean::{Doc, re};
use super::labels::{self, ALPHA_BASE, Family, Marker};
use super::tables;
use super::window::sentences;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A question as the request put it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
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
    pub drafts: Vec<Draft>,
    pub evidence: BTreeMap<u32, Vec<Evidence>>,
    /// The authority's words that answer no question in particular.
    pub global: Vec<String>,
    /// Questions excepted from what the global words say: (key, only in part).
    pub exceptions: Vec<(u32, bool)>,
}

static STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W{0,3}(yours\s+(sincerely|faithfully|truly)|kind\s+regards|best\s+regards|warm\s+regards|with\s+regards|regards,?\s*$|many\s+thanks|best\s+wishes|your\s+rights?\b|right\s+(?:of|to)\s+(?:review|complain|appeal|request\s+a\s+review)|if\s+you\s+are\s+(?:not\s+)?(?:unhappy|dissatisfied|happy|satisfied|content)|if\s+you\s+(?:remain\s+)?(?:dissatisfied|unhappy|wish\s+to\s+(?:complain|request\s+(?:an\s+)?(?:internal\s+)?review|appeal))|internal\s+review|complaints?\s*(?:procedure|process)?\s*:?\s*$|appeals?\s*(?:procedure|process)?\s*:?\s*$|how\s+to\s+(?:complain|appeal|request\s+a\s+review)|requesting\s+a\s+review|review\s+(?:procedure|process|rights)|copyright\b|©|re-?use\s+of|(?:complaint|appeal|review)s?\s+rights?\b|you\s+(?:may|can|have\s+the\s+right\s+to)\s+(?:ask|request|apply|appeal|complain)\b.{0,80}\b(?:review|reconsider|commissioner)|was\s+this\s+page\s+(?:helpful|useful)|related\s+(?:pages|links|content)|share\s+this\s+page|back\s+to\s+top|-{2,}\s*original\s+message|from:\s)",
    )
});
static REQUEST_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\byou\s+(?:asked|requested|wrote|said|stated|sought|submitted|made\s+the\s+following\s+request)\b[^:]{0,60}|\byour\s+(?:original\s+|foi\s+|information\s+|freedom\s+of\s+information\s+)?(?:request|questions?|e-?mail|enquiry|application)\b[^:]{0,60}|\brequest\s+(?:was|read|is)\b[^:]{0,40}|\brequested\s+information|\binformation\s+requested|\boriginal\s+request|\bthe\s+following\s+(?:information|questions?))\s*:\s*$|^\W{0,3}(?:the\s+|your\s+)?(?:foi\s+|information\s+|original\s+)?(?:request|questions?|request\s+details|details\s+of\s+(?:your\s+)?request|information\s+requested)\s*:?\s*$",
    )
});
static ANSWER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W{0,3}(?:(?:a|ans)\s*(:.*)|(?:[\w'&]+\s+){0,3}?(?:response|answer|reply|decision|outcome)s?(?:\s+to\s+(?:your\s+)?(?:foi\s+|information\s+|freedom\s+of\s+information\s+)?(?:request|questions?|enquiry))?(?:\s+(?:is|are)\s+(?:as\s+follows|(?:set\s+out\s+|given\s+|shown\s+)?below)\.?)?\s*(:.*)?)$",
    )
});
static SUBJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[,;]\s*(?:and|but|while|whereas|whilst)?)\s*(?:your\s+|the\s+|for\s+|as\s+for\s+|in\s+(?:response|answer|relation)\s+to\s+)?$",
    )
});
static GREETING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\W{0,3}(?:dear\b|to\s+whom\s+it\s+may\s+concern)"));
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W{0,3}(?:please|provide|could|can|would|will|what|how|when|where|which|who|whom|why|is|are|does|do|did|has|have|was|were|copies|copy|details|a\s+list|list|the\s+number|number\s+of|the\s+total|total|all|any|i\s+would|i\s+request|i\s+am|i\s+wish|confirm|disclose|send|supply|give|state|tell|explain|for\s+each|in\s+each|for\s+the|the\s+amount|how\s+much|a\s+copy|the\s+names?|the\s+date)\b",
    )
});
static OUTCOME_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(provided|not\s+held|withheld|answered|refused|exempt|partially|partly|released|disclosed|see\s+(?:below|attached|answer|response)|attached|n/?a|neither\s+confirm|ncnd|supplied|published|vexatious|cost\s+limit|no\s+information|nil|in\s+full|in\s+part)\b",
    )
});
static GLOBAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:your\s+(?:request|questions|enquiry)|information\s+you\s+(?:have\s+)?(?:requested|asked\s+for|are\s+seeking|seek)|all\s+(?:of\s+)?(?:the|your)\s+(?:information|questions|requests?)|each\s+of\s+your|the\s+whole\s+of|in\s+its\s+entirety)",
    )
});

/// How much a marker's text looks like a question (0: not at all, e.g. "Not held").
fn question_score(text: &str) -> u8 {
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
fn lead_text(doc: &Doc, m: &Marker) -> String {
    if !m.rest.trim().is_empty() {
        return m.rest.clone();
    }
    (m.line + 1..doc.lines.len())
        .find(|&j| !doc.blank(j))
        .filter(|&j| j <= m.line + 2)
        .map(|j| doc.text(j).to_string())
        .unwrap_or_default()
}

/// Keep markers of one family that follow a plausible numbering (1, 2, 3 … with
/// repeats allowed, and at most one number skipped).
fn in_sequence(markers: Vec<Marker>, base: u32) -> Vec<Marker> {
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

pub fn analyse(doc: &Doc) -> Layout {
    let n = doc.lines.len();
    let stop = (0..n)
        .find(|&i| STOP.is_match(doc.text(i)) && (0..i).any(|j| !doc.blank(j)))
        .unwrap_or(n);
    let rows = tables::rows(doc);
    let table_lines: BTreeSet<usize> = rows.iter().map(|r| r.marker.line).collect();
    let table_answer: BTreeMap<usize, String> = rows
        .iter()
        .map(|r| (r.marker.line, r.answer.clone()))
        .collect();
    let row_labelled: BTreeMap<usize, bool> =
        rows.iter().map(|r| (r.marker.line, r.labelled)).collect();

    let mut all: Vec<Marker> = Vec::new();
    for (i, line) in doc.lines.iter().enumerate() {
        if table_lines.contains(&i) || line.is_blank() {
            continue;
        }
        if let Some(m) = labels::marker(i, &line.text) {
            all.push(m);
        }
    }
    all.extend(rows.iter().map(|r| r.marker.clone()));
    all.sort_by_key(|m| m.line);

    // Which family defines the questions: the one whose labels lead the most text
    // that reads like a question.
    let request_start = (0..stop.min(n)).find(|&i| REQUEST_START.is_match(doc.text(i)));
    let mut best: Option<(u32, Family, Vec<Marker>)> = None;
    for fam in [
        Family::Named,
        Family::Table,
        Family::Numbered,
        Family::Alpha,
    ] {
        let ms: Vec<Marker> = all.iter().filter(|m| m.family == fam).cloned().collect();
        let ms = if fam == Family::Table {
            ms
        } else {
            in_sequence(ms, base_of(fam))
        };
        let mut per_key: BTreeMap<u32, u8> = BTreeMap::new();
        for m in &ms {
            if let [k] = m.keys.as_slice() {
                let s = question_score(&lead_text(doc, m));
                let e = per_key.entry(*k).or_insert(0);
                *e = (*e).max(s);
            }
        }
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

    let mut drafts: Vec<Draft> = Vec::new();
    let mut def_lines: BTreeMap<u32, usize> = BTreeMap::new();
    let mut evidence_markers: Vec<Marker> = Vec::new();
    let mut chosen = None;
    if let Some((_, fam, ms)) = best {
        chosen = Some(fam);
        // The defining occurrence of each key: the most question-like, earliest.
        let mut pick: BTreeMap<u32, (u8, usize)> = BTreeMap::new();
        for (idx, m) in ms.iter().enumerate() {
            if let [k] = m.keys.as_slice() {
                let s = question_score(&lead_text(doc, m));
                if s > 0 && pick.get(k).is_none_or(|&(bs, _)| s > bs) {
                    pick.insert(*k, (s, idx));
                }
            }
        }
        let defined: BTreeSet<usize> = pick.values().map(|&(_, i)| i).collect();
        for (&k, &(_, idx)) in &pick {
            if let Some(m) = ms.get(idx) {
                def_lines.insert(k, m.line);
                drafts.push(Draft {
                    key: k,
                    label: m.label.clone(),
                    text: String::new(),
                });
            }
        }
        let repeats: Vec<Marker> = ms
            .iter()
            .enumerate()
            .filter(|(i, _)| !defined.contains(i))
            .map(|(_, m)| m.clone())
            .collect();
        let distinct: BTreeSet<u32> = repeats.iter().flat_map(|m| m.keys.clone()).collect();
        let loose = matches!(fam, Family::Numbered | Family::Alpha);
        if !loose || distinct.len() + 1 >= pick.len() {
            evidence_markers.extend(repeats);
        }
    }
    // Bullets, when nothing is numbered: the first run of bullets in the request.
    if drafts.is_empty() {
        let after = request_start.unwrap_or(0);
        let bullets: Vec<&Marker> = all
            .iter()
            .filter(|m| m.family == Family::Bullet && m.line > after && m.line < stop)
            .collect();
        let mut run: Vec<&Marker> = Vec::new();
        for m in bullets {
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
        if run.len() >= 2 && (request_start.is_some() || questiony * 2 >= run.len()) {
            chosen = Some(Family::Bullet);
            for (i, m) in run.iter().enumerate() {
                let k = i as u32 + 1;
                def_lines.insert(k, m.line);
                drafts.push(Draft {
                    key: k,
                    label: k.to_string(),
                    text: String::new(),
                });
            }
        }
    }
    let keys: BTreeSet<u32> = drafts.iter().map(|d| d.key).collect();
    let def_line_set: BTreeSet<usize> = def_lines.values().copied().collect();
    // Other labels that name defined questions are answers to them.
    for m in &all {
        let known = !m.keys.is_empty() && m.keys.iter().all(|k| keys.contains(k));
        let fits = match m.family {
            Family::Named | Family::Answer => Some(m.family) != chosen || m.keys.len() > 1,
            Family::Table => {
                Some(Family::Table) != chosen && row_labelled.get(&m.line) == Some(&true)
            }
            _ => false,
        };
        if known && fits && !def_line_set.contains(&m.line) {
            evidence_markers.push(m.clone());
        }
    }
    // "Request 1: …" asked, then "1. …" answered after the last question: a numbered
    // run after the questions that covers (nearly) all of them.
    if chosen == Some(Family::Named)
        && let Some(&last) = def_line_set.last()
    {
        let after: Vec<Marker> = in_sequence(
            all.iter()
                .filter(|m| m.family == Family::Numbered && m.line > last && m.line < stop)
                .cloned()
                .collect(),
            0,
        );
        let covered_keys: BTreeSet<u32> = after
            .iter()
            .flat_map(|m| m.keys.iter().copied())
            .filter(|k| keys.contains(k))
            .collect();
        if !covered_keys.is_empty() && covered_keys.len() + 1 >= keys.len() {
            evidence_markers.extend(
                after
                    .into_iter()
                    .filter(|m| m.keys.iter().all(|k| keys.contains(k))),
            );
        }
    }
    evidence_markers.sort_by_key(|m| m.line);
    evidence_markers.dedup_by_key(|m| m.line);

    let evidence_lines: BTreeSet<usize> = evidence_markers.iter().map(|m| m.line).collect();
    let answer_lines: Vec<usize> = (0..n)
        .filter(|&i| {
            let t = doc.text(i);
            ANSWER_LINE.captures(t).is_some_and(|c| {
                let colon = c.get(1).or(c.get(2)).is_some();
                colon || t.trim().len() <= 60
            }) && !def_line_set.contains(&i)
        })
        .collect();

    let mut boundaries: BTreeSet<usize> = BTreeSet::new();
    boundaries.extend(def_lines.values().copied());
    boundaries.extend(evidence_markers.iter().map(|m| m.line));
    boundaries.extend(answer_lines.iter().copied());
    boundaries.extend(table_lines.iter().copied());
    if let Some(r) = request_start {
        boundaries.insert(r);
    }
    boundaries.insert(stop);
    let block_end = |l: usize| -> usize {
        let limit = if l < stop { stop } else { n };
        boundaries
            .range(l + 1..)
            .next()
            .copied()
            .unwrap_or(n)
            .min(limit)
    };

    let first_def = def_lines.values().min().copied();
    let last_def = def_lines.values().max().copied();
    let mut separators: Vec<usize> = answer_lines.clone();
    separators.extend(evidence_markers.iter().map(|m| m.line));
    separators.sort_unstable();
    let interleaved = match (first_def, last_def) {
        (Some(f), Some(l)) => separators.iter().any(|&a| a > f && a < l),
        _ => false,
    };
    let divider = match last_def {
        Some(l) if !interleaved => separators.iter().copied().find(|&a| a > l && a < stop),
        _ => None,
    };
    let after_stop = first_def.is_some_and(|f| f >= stop);

    let mut request = vec![false; n];
    for (i, line) in doc.lines.iter().enumerate() {
        if line.quoted
            && let Some(f) = request.get_mut(i)
        {
            *f = true;
        }
    }
    let req_from = match (request_start, first_def) {
        (Some(r), Some(f)) if r < f => Some(r + 1),
        (_, f) => f,
    };
    if let Some(from) = req_from {
        let to = if after_stop {
            n
        } else if let Some(d) = divider {
            d
        } else {
            first_def.unwrap_or(from)
        };
        for flag in request.iter_mut().take(to).skip(from) {
            *flag = true;
        }
    }
    let whole_question = divider.is_some() || after_stop;

    let mut layout = Layout::default();
    let mut covered = vec![false; n];
    let mut evidence: BTreeMap<u32, Vec<Evidence>> = BTreeMap::new();
    let mut last_block_paras: Vec<(u32, String)> = Vec::new();
    for d in &mut drafts {
        let Some(&l) = def_lines.get(&d.key) else {
            continue;
        };
        let end = block_end(l);
        for c in covered.iter_mut().take(end).skip(l) {
            *c = true;
        }
        if let Some(answer) = table_answer.get(&l) {
            d.text = clip(&lead_text_line(doc, &all, l));
            if !answer.trim().is_empty() {
                evidence.entry(d.key).or_default().push(Evidence {
                    text: answer.clone(),
                    part: false,
                });
            }
            if let Some(f) = request.get_mut(l) {
                *f = true;
            }
            continue;
        }
        let (qtext, inline_answer, q_end) = question_part(doc, &all, l, end, whole_question);
        d.text = clip(&qtext);
        if let Some(text) = inline_answer {
            evidence
                .entry(d.key)
                .or_default()
                .push(Evidence { text, part: false });
        }
        for flag in request.iter_mut().take(q_end).skip(l) {
            *flag = true;
        }
        if whole_question {
            continue;
        }
        for (from, to) in doc.paragraphs(q_end, end) {
            let text = join_unquoted(doc, from, to);
            if text.is_empty() {
                continue;
            }
            if Some(l) == last_def && drafts_len_ge2(&def_lines) {
                last_block_paras.push((d.key, text));
            } else {
                evidence
                    .entry(d.key)
                    .or_default()
                    .push(Evidence { text, part: false });
            }
        }
    }
    for m in &evidence_markers {
        let end = block_end(m.line);
        if m.line >= stop {
            continue;
        }
        for c in covered.iter_mut().take(end).skip(m.line) {
            *c = true;
        }
        let text = if let Some(answer) = table_answer.get(&m.line) {
            answer.clone()
        } else {
            let mut parts = vec![m.rest.clone()];
            parts.extend(
                doc.paragraphs(m.line + 1, end)
                    .into_iter()
                    .map(|(f, t)| join_unquoted(doc, f, t)),
            );
            let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
            // Drop the question when the heading repeats it before the answer.
            let skip = usize::from(
                parts.len() > 1
                    && parts
                        .first()
                        .is_some_and(|p| question_score(p) == 2 && p.contains('?')),
            );
            parts.into_iter().skip(skip).collect::<Vec<_>>().join("\n")
        };
        if text.trim().is_empty() {
            continue;
        }
        for (ks, piece) in split_block(&text, &m.keys, &keys) {
            for k in ks {
                evidence.entry(k).or_default().push(Evidence {
                    text: piece.clone(),
                    part: false,
                });
            }
        }
    }
    if interleaved {
        for &a in &answer_lines {
            let is_covered = covered.get(a).copied().unwrap_or(true);
            if a >= stop || is_covered && !def_line_set.contains(&a) && evidence_lines.contains(&a)
            {
                continue;
            }
            let owner = def_lines
                .iter()
                .filter(|(_, l)| **l < a)
                .max_by_key(|(_, l)| **l)
                .map(|(k, _)| *k);
            let Some(owner) = owner else { continue };
            let end = block_end(a);
            for c in covered.iter_mut().take(end).skip(a) {
                *c = true;
            }
            let mut text = ANSWER_LINE
                .captures(doc.text(a))
                .and_then(|c| c.get(1).or(c.get(2)))
                .map(|m| m.as_str().trim_start_matches(':').trim().to_string())
                .unwrap_or_default();
            for (f, t) in doc.paragraphs(a + 1, end) {
                let p = join_unquoted(doc, f, t);
                if !p.is_empty() {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&p);
                }
            }
            if !text.trim().is_empty() {
                evidence
                    .entry(owner)
                    .or_default()
                    .push(Evidence { text, part: false });
            }
        }
    }

    // The last question's block may run on into words about the whole request: all
    // of it when no other question has an answer of its own, else the paragraphs
    // that speak of the request as a whole.
    let last_key = last_block_paras.first().map(|(k, _)| *k);
    let mut moved: Vec<String> = Vec::new();
    let others_answered = evidence
        .iter()
        .any(|(k, v)| Some(*k) != last_key && !v.is_empty());
    for (key, text) in last_block_paras {
        if others_answered && !GLOBAL_WORDS.is_match(&text) {
            evidence
                .entry(key)
                .or_default()
                .push(Evidence { text, part: false });
        } else {
            moved.push(text);
        }
    }

    // Everything else the authority wrote before the sign-off: tied to the questions
    // it names, or else about the whole request.
    // The letterhead (above "Dear …") is addresses and references, not answers.
    let letter_start = (0..stop.min(n))
        .find(|&i| GREETING.is_match(doc.text(i)))
        .unwrap_or(0);
    let free: Vec<bool> = (0..n)
        .map(|i| {
            i >= letter_start
                && i < stop
                && !covered.get(i).copied().unwrap_or(true)
                && !request.get(i).copied().unwrap_or(true)
        })
        .collect();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < n {
        if !free.get(i).copied().unwrap_or(false) || doc.blank(i) {
            i += 1;
            continue;
        }
        let from = i;
        while i < n && free.get(i).copied().unwrap_or(false) && !doc.blank(i) {
            i += 1;
        }
        paragraphs.push(doc.join(from, i));
    }
    paragraphs.extend(moved);
    scope(&paragraphs, &keys, &mut evidence, &mut layout);

    layout.request = request;
    layout.drafts = drafts;
    layout.evidence = evidence;
    layout
}

fn drafts_len_ge2(def_lines: &BTreeMap<u32, usize>) -> bool {
    def_lines.len() >= 2
}

fn lead_text_line(doc: &Doc, all: &[Marker], line: usize) -> String {
    marker_at(all, line)
        .filter(|m| m.family == Family::Table)
        .map(|m| m.rest.clone())
        .unwrap_or_else(|| doc.text(line).to_string())
}

/// The marker on line `line` (markers are sorted by line, one per line at most).
fn marker_at(all: &[Marker], line: usize) -> Option<&Marker> {
    all.binary_search_by_key(&line, |m| m.line)
        .ok()
        .and_then(|i| all.get(i))
}

fn join_unquoted(doc: &Doc, from: usize, to: usize) -> String {
    let mut out = String::new();
    for j in from..to {
        let Some(l) = doc.lines.get(j) else { break };
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
    doc: &Doc,
    all: &[Marker],
    l: usize,
    end: usize,
    whole: bool,
) -> (String, Option<String>, usize) {
    let rest = marker_at(all, l)
        .map(|m| m.rest.clone())
        .unwrap_or_default();
    let mut lines: Vec<String> = Vec::new();
    if !rest.trim().is_empty() {
        lines.push(rest);
    }
    let mut j = l + 1;
    // A label alone on its line: the question is the next paragraph.
    if lines.is_empty() {
        while j < end && doc.lines.get(j).is_some_and(|x| x.is_blank()) {
            j += 1;
        }
    }
    let is_sub = |j: usize| {
        marker_at(all, j)
            .is_some_and(|m| matches!(m.family, Family::Alpha | Family::Bullet | Family::Numbered))
    };
    loop {
        while j < end && doc.lines.get(j).is_some_and(|x| !x.is_blank()) {
            // A question line ending in "?" followed by its answer on the next line.
            if !whole && lines.last().is_some_and(|p| p.trim_end().ends_with('?')) && !is_sub(j) {
                return (lines.join(" "), None, j);
            }
            lines.push(doc.text(j).trim().to_string());
            j += 1;
        }
        let joined = lines.join(" ");
        let introduces_list = joined.trim_end().ends_with(':');
        let next = (j..end).find(|&k| doc.lines.get(k).is_some_and(|x| !x.is_blank()));
        match next {
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

/// The answer under a heading, cut where it turns to other questions as its subject
/// ("Questions 1 to 3 are refused …, and question 4 is not held.").
fn split_block(text: &str, initial: &[u32], defined: &BTreeSet<u32>) -> Vec<(Vec<u32>, String)> {
    let mut current: Vec<u32> = initial.to_vec();
    let mut out: Vec<(Vec<u32>, String)> = Vec::new();
    let mut push = |ks: &[u32], piece: &str| {
        let piece = piece.trim();
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last, t)) if last.as_slice() == ks => {
                t.push(' ');
                t.push_str(piece);
            }
            _ => out.push((ks.to_vec(), piece.to_string())),
        }
    };
    for s in sentences(text) {
        let switches: Vec<labels::Mention> = labels::mentions(s)
            .into_iter()
            .filter(|m| {
                !m.exception
                    && !m.keys.is_empty()
                    && m.keys.iter().all(|k| defined.contains(k))
                    && m.keys != current
                    && SUBJECT_BEFORE.is_match(s.get(..m.start).unwrap_or(""))
            })
            .collect();
        let mut from = 0;
        let mut owner = current.clone();
        for m in &switches {
            push(&owner, s.get(from..m.start).unwrap_or(""));
            from = m.start;
            owner = m.keys.clone();
        }
        push(&owner, s.get(from..).unwrap_or(""));
        current = owner;
    }
    out
}

/// Tie free paragraphs to the questions they name, sentence by sentence; the rest
/// is about the whole request.
fn scope(
    paragraphs: &[String],
    keys: &BTreeSet<u32>,
    evidence: &mut BTreeMap<u32, Vec<Evidence>>,
    layout: &mut Layout,
) {
    let mut carried: Option<(Vec<u32>, bool)> = None;
    for p in paragraphs {
        let mut current: Option<(Vec<u32>, bool)> = carried.take();
        let mut global_text = String::new();
        for s in sentences(p) {
            let ms: Vec<labels::Mention> = labels::mentions(s)
                .into_iter()
                .filter(|m| m.keys.iter().all(|k| keys.contains(k)) && !m.keys.is_empty())
                .collect();
            let named: Vec<&labels::Mention> = ms.iter().filter(|m| !m.exception).collect();
            if named.is_empty() {
                match &current {
                    Some((ks, part)) => push_all(evidence, ks, s, *part),
                    None => {
                        for m in ms.iter().filter(|m| m.exception) {
                            for k in &m.keys {
                                layout.exceptions.push((*k, m.part));
                            }
                        }
                        global_text.push_str(s);
                        global_text.push(' ');
                    }
                }
                continue;
            }
            // Cut the sentence at each mention: each piece belongs to the questions it names.
            for (idx, m) in named.iter().enumerate() {
                let from = if idx == 0 { 0 } else { m.start };
                let to = named.get(idx + 1).map_or(s.len(), |n| n.start);
                let piece = s.get(from..to).unwrap_or("");
                push_all(evidence, &m.keys, piece, m.part);
            }
            current = named.last().map(|m| (m.keys.clone(), m.part));
        }
        if !global_text.trim().is_empty() {
            layout.global.push(global_text.trim().to_string());
        }
        if p.trim_end().ends_with(':') {
            carried = current;
        }
    }
}

fn push_all(evidence: &mut BTreeMap<u32, Vec<Evidence>>, keys: &[u32], text: &str, part: bool) {
    if text.trim().is_empty() {
        return;
    }
    for k in keys {
        let v = evidence.entry(*k).or_default();
        // Sentences of one paragraph join the same piece of evidence.
        match v.last_mut() {
            Some(last) if last.part == part && !last.text.ends_with('\n') => {
                last.text.push(' ');
                last.text.push_str(text.trim());
            }
            _ => v.push(Evidence {
                text: text.trim().to_string(),
                part,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = STOP.as_str();
        let _ = REQUEST_START.as_str();
        let _ = ANSWER_LINE.as_str();
        let _ = SUBJECT_BEFORE.as_str();
        let _ = GREETING.as_str();
        let _ = IMPERATIVE.as_str();
        let _ = OUTCOME_PHRASE.as_str();
        let _ = GLOBAL_WORDS.as_str();
    }

    #[test]
    fn seed_shape() {
        let text = include_str!("../../../tests/fixtures/letters/seed-dwp.txt");
        let doc = Doc::parse(text);
        let l = analyse(&doc);
        let labels: Vec<&str> = l.drafts.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            (1..=9).map(|i| format!("Request {i}")).collect::<Vec<_>>()
        );
        assert!(
            l.drafts[0]
                .text
                .starts_with("Please kindly provide details of these 'performance levels'")
        );
        assert_eq!(l.exceptions, vec![(4, true)]);
        assert_eq!(l.evidence.keys().copied().collect::<Vec<_>>(), vec![4]);
        assert!(l.global.iter().any(|g| g.contains("Section 43")));
        assert!(!l.global.iter().any(|g| g.contains("Section 12")));
    }
}
