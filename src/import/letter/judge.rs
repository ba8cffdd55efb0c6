//! Stage: judge each question. What the words tied to a question say (its outcome
//! and exemptions), what the words about the whole request say, and how the two
//! combine ("exempt under section 43, with the exception of part of request 4").

use super::clean::{Doc, re};
use super::outcomes::{Verdict, classify, without_exceptions};
use super::structure::{Candidate, Evidence, Layout};
use crate::domain::exemption::cite;
use crate::domain::{Outcome, Regime};
use crate::import::proposal::ProposedQuestion;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// "Your request for a copy of the contract." What was asked, in group 1.
static REQUEST_FOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \byour\s+ (?:freedom\s+of\s+information\s+|foi\s+|information\s+)? request\b
            [^.]{0,60}? \bfor\s+
            # what was asked, to the end of the sentence
            ( (?:a\s+copy|copies|details|the|all|any|a\s+list)\b [^.]{5,300} ) \.
        ")
});
/// `You asked: "…"`: the request quoted, in group 1.
static ASKED_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?xi)
            \b (?: you\s+(?:asked|requested|wrote) | your\s+request\s+(?:was|read) )
            (?:\s+(?:for|as\s+follows))? \s*:?\s*
            "([^"]{5,3000})"          # the quotation
        "#)
});

/// What the authority's words about the whole request say.
struct Global {
    verdict: Verdict,
    /// They decide questions with nothing of their own (a refusal, or a disclosure).
    applies: bool,
    /// They refuse, withhold or redirect rather than answer.
    refusing: bool,
}

impl Global {
    fn read(layout: &Layout, regime: Option<Regime>) -> Global {
        let verdict = classify(&without_exceptions(&layout.global.join("\n")), regime);
        let applies = match verdict.outcome {
            Some(Outcome::Answered) => verdict.discloses,
            Some(_) => true,
            None => false,
        };
        let refusing = applies && verdict.outcome != Some(Outcome::Answered);
        Global {
            verdict,
            applies,
            refusing,
        }
    }
}

/// The proposed questions with their outcomes, exemptions and notes.
pub(super) fn decide(
    doc: &Doc,
    layout: &Layout,
    regime: Option<Regime>,
    warnings: &mut Vec<String>,
) -> Vec<ProposedQuestion> {
    let global = Global::read(layout, regime);
    let candidates = if !layout.candidates.is_empty() {
        layout.candidates.clone()
    } else if global.applies {
        warnings.push("No numbered questions found: the request is read as one question.".into());
        vec![whole_request(doc, layout)]
    } else {
        warnings.push("No questions found.".into());
        return Vec::new();
    };
    // The first word on each question wins ("except part of 4" then "except 4").
    let mut exceptions: BTreeMap<u32, bool> = BTreeMap::new();
    for &(k, part) in &layout.exceptions {
        exceptions.entry(k).or_insert(part);
    }
    let mut out = Vec::new();
    let mut refers: BTreeMap<usize, u32> = BTreeMap::new();
    for (idx, d) in candidates.iter().enumerate() {
        let own = layout.evidence.get(&d.key).map_or(&[][..], Vec::as_slice);
        let (q, refers_to) = judge(d, own, &global, exceptions.get(&d.key).copied(), regime);
        refers.extend(refers_to.map(|r| (idx, r)));
        out.push(q);
    }
    follow_references(&mut out, &candidates, &refers);
    warn_gaps(&out, warnings);
    out
}

/// The request as one question: quoted in the letter, else the requester's lines.
fn whole_request(doc: &Doc, layout: &Layout) -> Candidate {
    let paragraphs: Vec<String> = doc
        .paragraphs(0, doc.lines.len())
        .into_iter()
        .map(|(f, t)| doc.join(f, t))
        .collect();
    let found = |rx: &Regex| {
        paragraphs.iter().find_map(|p| {
            rx.captures(p)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim().to_string())
        })
    };
    let asked: Vec<String> = match found(&ASKED_QUOTE).or_else(|| found(&REQUEST_FOR)) {
        Some(q) => vec![q],
        None => doc
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| layout.request.get(*i).copied().unwrap_or(false) && !l.is_blank())
            .map(|(_, l)| l.text.trim().to_string())
            .collect(),
    };
    Candidate {
        key: 1,
        label: "1".into(),
        text: asked.join(" "),
    }
}

/// One question's own words, read together.
struct Own {
    text: String,
    /// Said to answer the question only in part.
    part: bool,
    /// The pieces as sentences, for the note ("Not held. The ICB does not …").
    note: String,
    verdict: Option<Verdict>,
}

impl Own {
    fn read(evidence: &[Evidence], regime: Option<Regime>) -> Own {
        let text: String = evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let note = evidence
            .iter()
            .map(|e| {
                let t = e.text.trim();
                if t.ends_with(['.', '!', '?', ':', ';']) {
                    t.to_string()
                } else {
                    format!("{t}.")
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let verdict = (!text.trim().is_empty()).then(|| classify(&text, regime));
        Own {
            part: evidence.iter().any(|e| e.part),
            text,
            note,
            verdict,
        }
    }
}

/// One question's outcome: its own words decide, unless the whole request is refused
/// and the question is excepted in part; the global words decide the rest. Returns
/// the question number its words refer to instead ("see our answer to question 2").
fn judge(
    d: &Candidate,
    evidence: &[Evidence],
    global: &Global,
    exception: Option<bool>,
    regime: Option<Regime>,
) -> (ProposedQuestion, Option<u32>) {
    let own = Own::read(evidence, regime);
    let mut q = ProposedQuestion {
        label: d.label.clone(),
        text: d.text.clone(),
        outcome: Outcome::Pending,
        exemptions: Vec::new(),
        note: None,
    };
    let part_of_refusal =
        global.refusing && (exception == Some(true) || (own.part && exception.is_none()));
    let decided = own.verdict.as_ref().filter(|v| v.outcome.is_some());
    let refers_to = own.verdict.as_ref().and_then(|v| v.refers_to);
    if part_of_refusal {
        answered_in_part(&mut q, &own, global, regime);
    } else if let Some(v) = decided {
        q.outcome = v.outcome.unwrap_or_default();
        q.exemptions = v.exemptions.clone();
        q.note = Some(excerpt(&own.note, 200));
    } else if refers_to.is_some() {
        q.note = Some(excerpt(&own.note, 200));
        return (q, refers_to);
    } else if exception == Some(false) && global.refusing {
        q.outcome = Outcome::Answered;
    } else if global.applies {
        q.outcome = global.verdict.outcome.unwrap_or_default();
        q.exemptions = global.verdict.exemptions.clone();
    }
    (q, None)
}

/// A question excepted in part from a refusal: answered in part, the rest withheld
/// under the refusal's exemptions and its own.
fn answered_in_part(q: &mut ProposedQuestion, own: &Own, global: &Global, regime: Option<Regime>) {
    q.outcome = Outcome::PartlyAnswered;
    merge(&mut q.exemptions, &global.verdict.exemptions);
    if let Some(v) = &own.verdict {
        merge(&mut q.exemptions, &v.exemptions);
    }
    let rest = if q.exemptions.is_empty() {
        String::new()
    } else {
        format!(
            " (the rest withheld under {})",
            cited_list(regime, &q.exemptions)
        )
    };
    q.note = Some(if own.text.trim().is_empty() {
        format!("Answered in part{rest}.")
    } else {
        format!("Answered in part{rest}: {}", excerpt(&own.note, 200))
    });
}

/// "See our answer to question 2": take that question's outcome and exemptions.
fn follow_references(
    out: &mut [ProposedQuestion],
    candidates: &[Candidate],
    refers: &BTreeMap<usize, u32>,
) {
    // The first question with each key.
    let position: BTreeMap<u32, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key, i))
        .rev()
        .collect();
    for (&idx, r) in refers {
        let from = position.get(r).and_then(|&p| out.get(p)).cloned();
        if let (Some(src), Some(q)) = (from, out.get_mut(idx)) {
            q.outcome = src.outcome;
            q.exemptions = src.exemptions.clone();
        }
    }
}

fn warn_gaps(out: &[ProposedQuestion], warnings: &mut Vec<String>) {
    for q in out {
        if q.outcome == Outcome::Pending {
            warnings.push(format!("No outcome found for {}.", q.label));
        } else if q.outcome == Outcome::Withheld && q.exemptions.is_empty() {
            warnings.push(format!(
                "{} is withheld but no exemption was found.",
                q.label
            ));
        }
    }
}

/// A short excerpt: the first `max` characters, cut at a word.
fn excerpt(text: &str, max: usize) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        return t;
    }
    let cut: String = t.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut.get(..i).unwrap_or(&cut).to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn cited_list(regime: Option<Regime>, exemptions: &[String]) -> String {
    let r = regime.unwrap_or(Regime::Foia);
    exemptions
        .iter()
        .map(|e| cite(r, e))
        .collect::<Vec<_>>()
        .join(", ")
}

fn merge(into: &mut Vec<String>, from: &[String]) {
    for e in from {
        if !into.contains(e) {
            into.push(e.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(key: u32) -> Candidate {
        Candidate {
            key,
            label: key.to_string(),
            text: format!("Question {key}?"),
        }
    }

    fn said(text: &str) -> Vec<Evidence> {
        vec![Evidence {
            text: text.into(),
            part: false,
        }]
    }

    fn global(text: &str) -> Global {
        let layout = Layout {
            global: vec![text.into()],
            ..Layout::default()
        };
        Global::read(&layout, Some(Regime::Foia))
    }

    #[test]
    fn own_words_decide_before_the_global_ones() {
        let g = global("The information is exempt under section 43.");
        let foia = Some(Regime::Foia);
        let (q, _) = judge(&candidate(1), &said("We do not hold this."), &g, None, foia);
        assert_eq!(q.outcome, Outcome::NotHeld);
        let (q, _) = judge(&candidate(2), &[], &g, None, foia);
        assert_eq!(
            (q.outcome, q.exemptions),
            (Outcome::Withheld, vec!["43".to_string()])
        );
        let (q, _) = judge(&candidate(3), &[], &g, Some(false), foia);
        assert_eq!(q.outcome, Outcome::Answered);
        let (q, _) = judge(
            &candidate(4),
            &said("The milestones are below."),
            &g,
            Some(true),
            foia,
        );
        assert_eq!(q.outcome, Outcome::PartlyAnswered);
        assert!(
            q.note.unwrap().starts_with(
                "Answered in part (the rest withheld under section 43): The milestones"
            )
        );
    }

    #[test]
    fn references_to_other_answers_are_followed() {
        let g = global("");
        let foia = Some(Regime::Foia);
        let (q1, r1) = judge(&candidate(1), &said("Not held."), &g, None, foia);
        let (q2, r2) = judge(
            &candidate(2),
            &said("Please see our answer to question 1."),
            &g,
            None,
            foia,
        );
        assert_eq!((r1, r2), (None, Some(1)));
        let mut out = vec![q1, q2];
        follow_references(&mut out, &[candidate(1), candidate(2)], &[(1, 1)].into());
        assert_eq!(out[1].outcome, Outcome::NotHeld);
    }

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("one two three", 100), "one two three");
        assert_eq!(excerpt("alpha beta gamma delta", 12), "alpha beta…");
    }
}
