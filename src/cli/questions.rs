//! `foi question add|set|edit|delete`.

use super::args::QuestionCmd;
use super::json_line;
use crate::casebook::{Casebook, OutcomeChange, Result};
use crate::domain::text::inert_line;
use serde_json::json;

pub fn run(book: &mut Casebook, cmd: QuestionCmd, json: bool) -> Result<String> {
    match cmd {
        QuestionCmd::Add { case, label, text } => {
            let id = book.resolve(&case)?;
            let qid = book.add_question(id, &label, &text)?;
            if json {
                return json_line(&json!({ "case": id, "question": qid }));
            }
            Ok(format!(
                "Added {} to case #{id}\n",
                inert_line(label.trim())
            ))
        }
        QuestionCmd::Set {
            case,
            label,
            outcome,
            exemptions,
            note,
            challenge,
            no_challenge,
        } => {
            let id = book.resolve(&case)?;
            let change = OutcomeChange {
                outcome: outcome.parse()?,
                exemptions,
                note,
                challenge: if challenge {
                    Some(true)
                } else if no_challenge {
                    Some(false)
                } else {
                    None
                },
            };
            book.set_outcome(id, &label, change)?;
            let q = book.find_question(id, &label)?;
            if json {
                return json_line(
                    &json!({ "case": id, "label": q.label, "outcome": q.outcome, "exemptions": q.exemptions }),
                );
            }
            Ok(format!(
                "Case #{id} {}: {}\n",
                inert_line(&q.label),
                crate::present::outcome_badge(&q)
            ))
        }
        QuestionCmd::Edit {
            case,
            label,
            new_label,
            text,
        } => {
            let id = book.resolve(&case)?;
            book.edit_question(id, &label, new_label.as_deref(), text.as_deref())?;
            Ok(format!(
                "Updated {} on case #{id}\n",
                inert_line(new_label.as_deref().unwrap_or(&label))
            ))
        }
        QuestionCmd::Delete { case, label } => {
            let id = book.resolve(&case)?;
            book.delete_question(id, &label)?;
            Ok(format!("Deleted {} from case #{id}\n", inert_line(&label)))
        }
    }
}
