//! Setting a question's outcome, with the exemptions the authority cited picked from the
//! catalogue of the case's regime.

use super::field::{Field, FieldId as F};
use super::{Form, Saved, Target};
use crate::casebook::{CaseView, Casebook, OutcomeChange, Result};
use crate::domain::text::inert_line;
use crate::domain::{Outcome, Question, Regime};
use crate::import::ProposedQuestion;
use chrono::NaiveDate;

/// The fields every outcome form has: the outcome, the exemptions cited (from the
/// catalogue of `regime`) and the answer.
fn outcome_fields(
    outcome: Outcome,
    regime: Regime,
    exemptions: Vec<String>,
    note: &str,
) -> Vec<Field> {
    vec![
        Field::choice(
            F::Outcome,
            "Outcome",
            Outcome::ALL.iter().map(|o| o.as_str()).collect(),
            outcome.as_str(),
        ),
        Field::exemptions(regime, exemptions),
        Field::long_text(
            F::Note,
            "Answer / note",
            note,
            "what they gave, or why they refused",
            3,
        ),
    ]
}

pub fn set_outcome(v: &CaseView, q: &Question, today: NaiveDate) -> Form {
    let c = &v.file.case;
    let mut fields = outcome_fields(
        q.outcome,
        c.regime,
        q.exemptions.clone(),
        q.note.as_deref().unwrap_or(""),
    );
    fields.push(Field::toggle(
        F::Challenge,
        "Challenge at review",
        q.challenge,
    ));
    Form::new(
        format!(
            "Outcome of {} · case #{} ({})",
            inert_line(&q.label),
            c.id,
            c.regime.label()
        ),
        Target::Outcome {
            case_id: c.id,
            label: q.label.clone(),
        },
        fields,
        today,
    )
    .with_context(inert_line(&q.text).into_owned())
}

/// The outcome form for the `index`-th question of a letter being imported: outcome,
/// exemptions (from the catalogue of `regime`) and the answer; nothing is saved until the
/// import is.
pub fn imported_outcome(
    q: &ProposedQuestion,
    index: usize,
    regime: Regime,
    today: NaiveDate,
) -> Form {
    let fields = outcome_fields(
        q.outcome,
        regime,
        q.exemptions.clone(),
        q.note.as_deref().unwrap_or(""),
    );
    Form::new(
        format!(
            "Outcome of {} · in the import ({})",
            inert_line(&q.label),
            regime.label()
        ),
        Target::ImportQuestion(index),
        fields,
        today,
    )
    .with_context(inert_line(&q.text).into_owned())
}

/// What an outcome form holds: the outcome, the exemptions (the one still typed too)
/// and the note.
pub fn picked_outcome(form: &Form) -> (Outcome, Vec<String>, String) {
    (outcome(form), exemptions(form), form.value(F::Note))
}

fn outcome(form: &Form) -> Outcome {
    form.get(F::Outcome)
        .and_then(|f| f.choice_value().parse().ok())
        .unwrap_or_default()
}

/// The exemptions picked, and the one still typed if any.
fn exemptions(form: &Form) -> Vec<String> {
    let mut all: Vec<String> = form
        .get(F::Exemptions)
        .map(|f| f.chips().to_vec())
        .unwrap_or_default();
    let typed = form.value(F::Exemptions);
    if !typed.is_empty() {
        all.push(typed);
    }
    all
}

/// Problems that span fields: a withheld answer needs its exemption.
pub(super) fn problems(form: &Form) -> Vec<(F, String)> {
    let o = outcome(form);
    if o.requires_exemption() && exemptions(form).is_empty() {
        return vec![(
            F::Exemptions,
            format!("{o} needs the exemption the authority cited: type it under Exemptions"),
        )];
    }
    Vec::new()
}

pub(super) fn save(form: &Form, book: &mut Casebook, case_id: i64, label: &str) -> Result<Saved> {
    let o = outcome(form);
    let change = OutcomeChange {
        outcome: o,
        exemptions: exemptions(form),
        note: Some(form.value(F::Note)),
        challenge: form.get(F::Challenge).map(Field::toggle_value),
    };
    book.set_outcome(case_id, label, change)?;
    Ok(Saved {
        message: format!("Saved: {} → {}", inert_line(label), o.as_str()),
        case_id: Some(case_id),
    })
}

/// One outcome for question `q` at `n` authorities of round robin `batch`: outcome,
/// exemptions (from the catalogue of `regime`) and the answer.
pub fn batch_outcome(
    batch: i64,
    regime: Regime,
    q: &crate::casebook::GridQuestion,
    n: usize,
    today: NaiveDate,
) -> Form {
    let fields = outcome_fields(Outcome::Answered, regime, Vec::new(), "");
    Form::new(
        format!(
            "Outcome of {} at {} · round robin #{batch} ({})",
            inert_line(&q.label),
            crate::present::plural(n, "authority", "authorities"),
            regime.label()
        ),
        Target::BatchOutcome(batch),
        fields,
        today,
    )
    .with_context(inert_line(&q.text).into_owned())
}
