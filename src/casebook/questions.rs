//! The numbered questions of a case and their outcomes.

use super::cases::clean;
use super::{Casebook, Error, Result};
use crate::domain::exemption::{self, ExemptionKind};
use crate::domain::{CaseFile, Outcome, Question, Regime, normalize_label, text::inert_line};
use crate::store::Reads;

/// Setting a question's outcome (`foi question set`, the TUI's outcome picker).
#[derive(Debug, Clone, Default)]
pub struct OutcomeChange {
    pub outcome: Outcome,
    pub exemptions: Vec<String>,
    /// `None` keeps the existing note.
    pub note: Option<String>,
    /// `None` keeps the existing flag.
    pub challenge: Option<bool>,
}

/// Check and normalise exemptions against the case's regime (`s43` → `43`).
pub fn check_exemptions(regime: Regime, outcome: Outcome, given: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for raw in given.iter().flat_map(|g| g.split(',')) {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let e = exemption::lookup(regime, raw)?;
        if e.kind == ExemptionKind::Procedural && regime == Regime::Foia && e.section == "25" {
            return Err(Error::user("section 25 is not a ground for refusal"));
        }
        if !out.contains(&e.section) {
            out.push(e.section);
        }
    }
    if outcome.requires_exemption() && out.is_empty() {
        return Err(Error::user(format!(
            "a withheld answer needs the exemption the authority cited: add --exemption (e.g. {})",
            if regime.is_environmental() {
                "12(5)(e)"
            } else if regime.is_scottish() {
                "33(1)(b)"
            } else {
                "43"
            }
        )));
    }
    Ok(out)
}

impl Casebook {
    /// The question of `case_id` labelled `label` (loosely: `request 4` finds `Request 4`;
    /// a bare number finds the question at that position too).
    pub fn find_question(&self, case_id: i64, label: &str) -> Result<Question> {
        let questions = self.store.questions(case_id)?;
        let want = normalize_label(label);
        if let Some(q) = questions.iter().find(|q| normalize_label(&q.label) == want) {
            return Ok(q.clone());
        }
        // "4" finds "Request 4" / "Q4" when exactly one label ends in that number.
        let trailing: Vec<&Question> = questions
            .iter()
            .filter(|q| {
                let l = normalize_label(&q.label);
                l.ends_with(&want)
                    && l[..l.len() - want.len()]
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_ascii_digit())
            })
            .collect();
        if let [q] = trailing.as_slice() {
            return Ok((*q).clone());
        }
        let labels: Vec<String> = questions
            .iter()
            .map(|q| inert_line(&q.label).into_owned())
            .collect();
        Err(Error::user(if labels.is_empty() {
            format!("case #{case_id} has no questions yet: add one with `foi question add`")
        } else {
            format!(
                "case #{case_id} has no question '{}': its questions are {}",
                inert_line(label),
                labels.join(", ")
            )
        }))
    }

    pub fn add_question(&mut self, case_id: i64, label: &str, text: &str) -> Result<i64> {
        let before = self.require(case_id)?;
        let label = free_label(&before.questions, case_id, label, None)?;
        let q = Question {
            case_id,
            label: label.to_string(),
            text: text.trim().to_string(),
            ..Question::default()
        };
        let id = self.store.write(|w| -> Result<i64> {
            let id = w.insert_question(&q)?;
            w.touch(case_id)?;
            Ok(id)
        })?;
        self.undo
            .record_changed(before, format!("add {label} to case #{case_id}"));
        Ok(id)
    }

    pub fn set_outcome(&mut self, case_id: i64, label: &str, change: OutcomeChange) -> Result<()> {
        let before = self.require(case_id)?;
        let mut q = self.find_question(case_id, label)?;
        q.exemptions = check_exemptions(before.case.regime, change.outcome, &change.exemptions)?;
        q.outcome = change.outcome;
        if let Some(note) = change.note {
            q.note = clean(Some(note));
        }
        if let Some(c) = change.challenge {
            q.challenge = c;
        }
        let what = format!("set {} to {}", q.label, q.outcome);
        self.save_question(before, &q, what)
    }

    /// Change a question's label and/or text.
    pub fn edit_question(
        &mut self,
        case_id: i64,
        label: &str,
        new_label: Option<&str>,
        new_text: Option<&str>,
    ) -> Result<()> {
        let before = self.require(case_id)?;
        let mut q = self.find_question(case_id, label)?;
        if let Some(l) = new_label {
            q.label = free_label(&before.questions, case_id, l, Some(q.id))?.to_string();
        }
        if let Some(t) = new_text {
            q.text = t.trim().to_string();
        }
        let what = format!("edit {}", q.label);
        self.save_question(before, &q, what)
    }

    /// Write the changed question `q` of the case that was `before`, undoable as `what`.
    fn save_question(&mut self, before: CaseFile, q: &Question, what: String) -> Result<()> {
        self.store.write(|w| -> Result<()> {
            w.update_question(q)?;
            w.touch(q.case_id)?;
            Ok(())
        })?;
        self.undo.record_changed(before, what);
        Ok(())
    }

    pub fn delete_question(&mut self, case_id: i64, label: &str) -> Result<()> {
        let before = self.require(case_id)?;
        let q = self.find_question(case_id, label)?;
        self.store.write(|w| -> Result<()> {
            w.delete_question(q.id)?;
            w.touch(case_id)?;
            Ok(())
        })?;
        self.undo
            .record_changed(before, format!("delete {}", q.label));
        Ok(())
    }
}

/// `label` trimmed, when case `case_id` can take it for a question: not empty, and not
/// the label of one of `questions` (by the letter's numbering, so `Q1` is `q 1`) other
/// than the question `except` being relabelled.
fn free_label<'a>(
    questions: &[Question],
    case_id: i64,
    label: &'a str,
    except: Option<i64>,
) -> Result<&'a str> {
    let label = label.trim();
    if label.is_empty() {
        return Err(Error::user(
            "the label is empty: number it as the letter does, e.g. 'Request 1' or 'Q4'",
        ));
    }
    let key = normalize_label(label);
    if questions
        .iter()
        .any(|q| Some(q.id) != except && normalize_label(&q.label) == key)
    {
        return Err(Error::user(format!(
            "case #{case_id} already has a question '{}': choose another label or edit that one",
            inert_line(label)
        )));
    }
    Ok(label)
}
