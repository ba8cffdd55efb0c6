//! Adding a question and editing its label and text.

use super::field::{Field, FieldId as F};
use super::{Form, Saved, Target};
use crate::casebook::{CaseView, Casebook, Result};
use crate::domain::Question;
use crate::domain::text::inert_line;
use chrono::NaiveDate;

/// The label after the last one, numbered as the letter numbers them: `Request 9` →
/// `Request 10`, `Q4` → `Q5`; `Request 1` for the first.
pub fn next_label(questions: &[Question]) -> String {
    let Some(last) = questions.last() else {
        return "Request 1".into();
    };
    let label = last.label.trim();
    let digits = label.len() - label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = label.split_at(label.len() - digits);
    match num.parse::<u64>() {
        Ok(n) => format!("{stem}{}", n + 1),
        Err(_) => String::new(),
    }
}

fn fields(label: &str, text: &str) -> Vec<Field> {
    vec![
        Field::text(
            F::Label,
            "Label",
            label,
            "as the letter numbers it: Request 1, Q4, 1(a)",
        )
        .required(),
        Field::long_text(
            F::Text,
            "Question",
            text,
            "what you asked, in your words or the letter's",
            4,
        ),
    ]
}

pub fn add_question(v: &CaseView, today: NaiveDate) -> Form {
    let c = &v.file.case;
    Form::new(
        format!("Add a question to case #{}", c.id),
        Target::AddQuestion(c.id),
        fields(&next_label(&v.file.questions), ""),
        today,
    )
    .with_context(inert_line(&c.title).into_owned())
    .focus_on(F::Text)
}

pub fn edit_question(v: &CaseView, q: &Question, today: NaiveDate) -> Form {
    let c = &v.file.case;
    Form::new(
        format!("Edit {}", inert_line(&q.label)),
        Target::EditQuestion {
            case_id: c.id,
            label: q.label.clone(),
        },
        fields(&q.label, &q.text),
        today,
    )
    .with_context(inert_line(&c.title).into_owned())
}

pub(super) fn save_new(form: &Form, book: &mut Casebook, case_id: i64) -> Result<Saved> {
    let label = form.value(F::Label);
    book.add_question(case_id, &label, &form.value(F::Text))?;
    Ok(Saved {
        message: format!("Saved: {} added to case #{case_id}", inert_line(&label)),
        case_id: Some(case_id),
    })
}

pub(super) fn save_edit(
    form: &Form,
    book: &mut Casebook,
    case_id: i64,
    label: &str,
) -> Result<Saved> {
    let new_label = form.value(F::Label);
    book.edit_question(case_id, label, Some(&new_label), Some(&form.value(F::Text)))?;
    Ok(Saved {
        message: format!("Saved: {}", inert_line(&new_label)),
        case_id: Some(case_id),
    })
}

/// A question for every case of a round robin, labelled after the grid's last.
pub fn batch_question(grid: &crate::casebook::BatchGrid, today: NaiveDate) -> Form {
    let label = crate::casebook::next_question_label(
        grid.questions.iter().map(|q| q.label.as_str()),
        grid.questions.len(),
    );
    Form::new(
        format!(
            "Add a question to the {} cases of round robin #{}",
            grid.rows.len(),
            grid.batch
        ),
        Target::BatchQuestion(grid.batch),
        fields(&label, ""),
        today,
    )
    .with_context(inert_line(&grid.title).into_owned())
    .focus_on(F::Text)
}

/// The label and text a batch question form holds.
pub fn batch_question_values(form: &Form) -> (String, String) {
    (form.value(F::Label), form.value(F::Text))
}

#[cfg(test)]
mod tests {
    use super::next_label;
    use crate::domain::Question;

    fn q(label: &str) -> Question {
        Question {
            label: label.into(),
            ..Question::default()
        }
    }

    #[test]
    fn labels_continue_the_letters_numbering() {
        assert_eq!(next_label(&[]), "Request 1");
        assert_eq!(next_label(&[q("Request 9")]), "Request 10");
        assert_eq!(next_label(&[q("Q4")]), "Q5");
        assert_eq!(next_label(&[q("1(a)")]), "");
    }
}
