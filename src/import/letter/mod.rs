//! Reading a response letter: text in, a [`Proposal`] out. Never panics, never
//! invents: what it cannot find with confidence it leaves empty and says so.

pub mod authority;
pub mod clean;
pub mod dates;
pub mod labels;
pub mod outcomes;
pub mod references;
pub mod regime;
pub mod structure;
pub mod tables;
pub mod window;

use super::proposal::{Proposal, ProposedQuestion};
use crate::domain::exemption::cite;
use crate::domain::{Outcome, Regime};
use clean::Doc;
use outcomes::{Verdict, classify, without_exceptions};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static REQUEST_FOR: LazyLock<Regex> = LazyLock::new(|| {
    clean::re(
        r"(?i)\byour\s+(?:freedom\s+of\s+information\s+|foi\s+|information\s+)?request\b[^.]{0,60}?\bfor\s+((?:a\s+copy|copies|details|the|all|any|a\s+list)\b[^.]{5,300})\.",
    )
});
static ASKED_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    clean::re(
        r#"(?i)\b(?:you\s+(?:asked|requested|wrote)|your\s+request\s+(?:was|read))(?:\s+(?:for|as\s+follows))?\s*:?\s*"([^"]{5,3000})""#,
    )
});

/// Read a response letter (plain text, Markdown or a saved web page) and propose a case.
pub fn parse_letter(text: &str) -> Proposal {
    let doc = Doc::parse(text);
    let mut warnings = Vec::new();
    if doc.lines.iter().all(|l| l.is_blank()) {
        return Proposal {
            warnings: vec!["The letter is empty.".into()],
            ..Proposal::default()
        };
    }
    let layout = structure::analyse(&doc);
    let theirs: String = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !layout.request.get(*i).copied().unwrap_or(false))
        .map(|(_, l)| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let regime = regime::detect(&theirs).or_else(|| {
        let all: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        regime::detect(&all.join("\n"))
    });

    let letter_date = dates::letter_date(&doc, &layout.request, &mut warnings);
    let request_date = dates::request_date(&doc, &layout.request, letter_date, &mut warnings);
    let their_ref = references::their_ref(&doc, &layout.request, &mut warnings);
    let authority = authority::authority(&doc, &layout.request, &mut warnings);
    if regime.is_none() {
        warnings.push("No regime found: the letter names no Act or Regulations.".into());
    }
    let paragraphs: Vec<String> = doc
        .paragraphs(0, doc.lines.len())
        .into_iter()
        .filter(|&(f, t)| (f..t).any(|i| !layout.request.get(i).copied().unwrap_or(false)))
        .map(|(f, t)| doc.join(f, t))
        .collect();
    let review_window = window::review_window(&paragraphs, &mut warnings);
    let questions = decide(&doc, &layout, regime, &mut warnings);

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

fn decide(
    doc: &Doc,
    layout: &structure::Layout,
    regime: Option<Regime>,
    warnings: &mut Vec<String>,
) -> Vec<ProposedQuestion> {
    let global_text = layout.global.join("\n");
    let global = classify(&without_exceptions(&global_text), regime);
    let global_applies = match global.outcome {
        Some(Outcome::Answered) => global.discloses,
        Some(_) => true,
        None => false,
    };
    let mut drafts = layout.drafts.clone();
    if drafts.is_empty() {
        if !global_applies {
            warnings.push("No questions found.".into());
            return Vec::new();
        }
        let quoted = doc
            .paragraphs(0, doc.lines.len())
            .into_iter()
            .map(|(f, t)| doc.join(f, t))
            .collect::<Vec<_>>();
        let found = |rx: &Regex| {
            quoted.iter().find_map(|p| {
                rx.captures(p)
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str().trim().to_string())
            })
        };
        let quoted = found(&ASKED_QUOTE).or_else(|| found(&REQUEST_FOR));
        let asked: Vec<String> = match quoted {
            Some(q) => vec![q],
            None => doc
                .lines
                .iter()
                .enumerate()
                .filter(|(i, l)| layout.request.get(*i).copied().unwrap_or(false) && !l.is_blank())
                .map(|(_, l)| l.text.trim().to_string())
                .collect(),
        };
        warnings.push("No numbered questions found: the request is read as one question.".into());
        drafts.push(structure::Draft {
            key: 1,
            label: "1".into(),
            text: asked.join(" "),
        });
    }

    // The first word on each question wins ("except part of 4" then "except 4").
    let mut exceptions: BTreeMap<u32, bool> = BTreeMap::new();
    for &(k, part) in &layout.exceptions {
        exceptions.entry(k).or_insert(part);
    }
    let position: BTreeMap<u32, usize> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key, i))
        .rev()
        .collect();
    let mut out: Vec<ProposedQuestion> = Vec::new();
    let mut refers: BTreeMap<usize, u32> = BTreeMap::new();
    for (idx, d) in drafts.iter().enumerate() {
        let ev = layout
            .evidence
            .get(&d.key)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let ev_text: String = ev
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let ev_part = ev.iter().any(|e| e.part);
        // For the note: the pieces as sentences ("Not held. The ICB does not …").
        let note_src: String = ev
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
        let spec: Option<Verdict> =
            (!ev_text.trim().is_empty()).then(|| classify(&ev_text, regime));
        let exception = exceptions.get(&d.key).copied();
        let mut q = ProposedQuestion {
            label: d.label.clone(),
            text: d.text.clone(),
            outcome: Outcome::Pending,
            exemptions: Vec::new(),
            note: None,
        };
        let refusing = global_applies && global.outcome != Some(Outcome::Answered);
        let part_of_refusal =
            refusing && (exception == Some(true) || (ev_part && exception.is_none()));
        if part_of_refusal {
            q.outcome = Outcome::PartlyAnswered;
            merge(&mut q.exemptions, &global.exemptions);
            if let Some(s) = &spec {
                merge(&mut q.exemptions, &s.exemptions);
            }
            let rest = if q.exemptions.is_empty() {
                String::new()
            } else {
                format!(
                    " (the rest withheld under {})",
                    cited_list(regime, &q.exemptions)
                )
            };
            q.note = Some(if ev_text.trim().is_empty() {
                format!("Answered in part{rest}.")
            } else {
                format!("Answered in part{rest}: {}", excerpt(&note_src, 200))
            });
        } else if let Some(s) = spec.as_ref().filter(|s| s.outcome.is_some()) {
            q.outcome = s.outcome.unwrap_or_default();
            q.exemptions = s.exemptions.clone();
            q.note = Some(excerpt(&note_src, 200));
        } else if let Some(s) = spec.as_ref().filter(|s| s.refers_to.is_some()) {
            if let Some(r) = s.refers_to {
                refers.insert(idx, r);
            }
            q.note = Some(excerpt(&note_src, 200));
        } else if exception == Some(false) && refusing {
            q.outcome = Outcome::Answered;
        } else if global_applies {
            q.outcome = global.outcome.unwrap_or_default();
            q.exemptions = global.exemptions.clone();
        }
        out.push(q);
    }
    // "See our answer to question 2".
    for (idx, r) in refers {
        let from = position.get(&r).and_then(|&p| out.get(p)).cloned();
        if let (Some(src), Some(q)) = (from, out.get_mut(idx)) {
            q.outcome = src.outcome;
            q.exemptions = src.exemptions.clone();
        }
    }
    for q in &out {
        if q.outcome == Outcome::Pending {
            warnings.push(format!("No outcome found for {}.", q.label));
        } else if q.outcome == Outcome::Withheld && q.exemptions.is_empty() {
            warnings.push(format!(
                "{} is withheld but no exemption was found.",
                q.label
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = REQUEST_FOR.as_str();
        let _ = ASKED_QUOTE.as_str();
    }

    #[test]
    fn empty_and_junk_inputs() {
        let p = parse_letter("");
        assert!(p.questions.is_empty());
        assert_eq!(p.warnings, vec!["The letter is empty.".to_string()]);
        let p = parse_letter("\u{0}\u{1}\u{ffff}����");
        assert!(p.authority.is_none());
    }
}
