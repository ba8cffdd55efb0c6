//! Forms: adding and editing cases, questions and events, and setting an outcome.
//! Fields validate as the user types; nothing is saved until every field is right, and
//! then one casebook operation saves it all at once.

mod case_form;
mod event_form;
pub mod field;
mod outcome_form;
mod question_form;

pub use case_form::{add_case, edit_case};
pub use event_form::{add_event, edit_event};
pub use outcome_form::{batch_outcome, imported_outcome, picked_outcome, set_outcome};
pub use question_form::{add_question, batch_question, batch_question_values, edit_question};

use crate::casebook::{Casebook, Result};
use crate::domain::EventKind;
use crate::tui::action::Action;
use chrono::NaiveDate;
use field::{Check, Field, FieldId, FieldKind};
use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};

/// What saving the form does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    AddCase,
    EditCase(i64),
    AddQuestion(i64),
    EditQuestion {
        case_id: i64,
        label: String,
    },
    Outcome {
        case_id: i64,
        label: String,
    },
    AddEvent(i64),
    EditEvent {
        case_id: i64,
        event_id: i64,
    },
    /// The fields of a letter being imported: saved with its questions by the import
    /// review, never on their own.
    ImportLetter,
    /// The outcome of the n-th question of a letter being imported: kept in the review
    /// until the import is saved.
    ImportQuestion(usize),
    /// One outcome for a question at several authorities of a round robin: saved by the
    /// batch's grid, which knows which.
    BatchOutcome(i64),
    /// A question for every case of a round robin: saved by the batch's grid.
    BatchQuestion(i64),
}

/// The form records an outcome across a round robin (else it adds a question to it).
pub fn is_batch_outcome(form: &Form) -> bool {
    matches!(form.target, Target::BatchOutcome(_))
}

pub struct Form {
    pub title: String,
    /// A line under the title saying what the form is about (the question's text …).
    pub context: Option<String>,
    pub target: Target,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What the casebook said when saving failed; cleared by the next edit.
    pub error: Option<String>,
    /// Saving was tried: empty required fields are now pointed out too.
    pub tried: bool,
    pub today: NaiveDate,
}

/// What a successful save reports, and the case to show afterwards.
pub struct Saved {
    pub message: String,
    pub case_id: Option<i64>,
}

impl Form {
    pub fn new(
        title: impl Into<String>,
        target: Target,
        fields: Vec<Field>,
        today: NaiveDate,
    ) -> Form {
        let mut f = Form {
            title: title.into(),
            context: None,
            target,
            fields,
            focus: 0,
            error: None,
            tried: false,
            today,
        };
        f.show_cursor();
        f
    }

    pub fn with_context(mut self, context: impl Into<String>) -> Form {
        self.context = Some(context.into());
        self
    }

    pub fn focus_on(mut self, id: FieldId) -> Form {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
            self.show_cursor();
        }
        self
    }

    pub fn get(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn value(&self, id: FieldId) -> String {
        self.get(id).map(Field::value).unwrap_or_default()
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// Fields that apply now: a response's review window, an extension's new date.
    pub fn is_shown(&self, id: FieldId) -> bool {
        // Only an event's form hides fields by its kind.
        let Some(kind_field) = self.get(FieldId::Kind) else {
            return true;
        };
        let kind = kind_field.choice_value().parse::<EventKind>().ok();
        match id {
            FieldId::Window => {
                matches!(kind, Some(EventKind::Response | EventKind::ReviewResponse))
            }
            FieldId::Until => kind == Some(EventKind::Extension),
            _ => true,
        }
    }

    pub fn shown(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| self.is_shown(f.id))
    }

    /// Only the focused field shows its cursor. A date or period arriving in focus is
    /// selected whole, so typing replaces it and the arrows edit it.
    fn show_cursor(&mut self) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            let replaceable = matches!(f.kind, FieldKind::Date { .. } | FieldKind::Span { .. });
            if let Some(t) = f.input_mut() {
                t.cancel_selection();
                if i == focus {
                    t.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
                    if replaceable && !t.is_empty() {
                        t.select_all();
                    }
                } else {
                    t.set_cursor_style(Style::default());
                }
            }
        }
    }

    /// Show the focused field's cursor, or — when the keyboard is elsewhere (an import's
    /// questions list) — none at all.
    pub fn set_active(&mut self, active: bool) {
        if active {
            self.show_cursor();
            return;
        }
        for f in &mut self.fields {
            if let Some(t) = f.input_mut() {
                t.cancel_selection();
                t.set_cursor_style(Style::default());
            }
        }
    }

    pub fn move_focus(&mut self, forward: bool) {
        let shown: Vec<usize> = self.shown().map(|(i, _)| i).collect();
        let Some(pos) = shown.iter().position(|&i| i == self.focus) else {
            self.focus = shown.first().copied().unwrap_or(0);
            self.show_cursor();
            return;
        };
        let n = shown.len();
        let next = if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        };
        self.focus = shown[next];
        self.show_cursor();
    }

    pub fn type_key(&mut self, key: KeyEvent) {
        self.error = None;
        if let Some(f) = self.focused_mut() {
            f.type_key(key);
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.error = None;
        if let Some(f) = self.focused_mut() {
            f.paste(text);
        }
    }

    pub fn cycle(&mut self, forward: bool) {
        self.error = None;
        if let Some(f) = self.focused_mut() {
            f.cycle(forward);
        }
    }

    pub fn move_highlight(&mut self, delta: isize) {
        if let Some(f) = self.focused_mut() {
            f.move_highlight(delta);
        }
    }

    pub fn add_highlighted(&mut self) {
        if let Some(f) = self.focused_mut()
            && let Err(e) = f.add_highlighted()
        {
            self.error = Some(e);
        }
    }

    /// Apply a key that means the same in every form wherever it is shown: moving between
    /// fields, choosing, typing, pasting, the exemption list. Any other action (cancel,
    /// save) is handed back for the form's owner to carry out.
    pub fn edit(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
            Action::ChoiceNext => self.cycle(true),
            Action::ChoicePrev => self.cycle(false),
            Action::Type(key) => self.type_key(key),
            Action::Paste(text) => self.paste(&text),
            Action::PickerUp => self.move_highlight(-1),
            Action::PickerDown => self.move_highlight(1),
            Action::PickerAdd => self.add_highlighted(),
            other => return Some(other),
        }
        None
    }

    /// The exemption list is open: the focused field is an exemption field with text typed.
    pub fn picker_open(&self) -> bool {
        self.focused()
            .is_some_and(|f| f.id == FieldId::Exemptions && !f.value().is_empty())
    }

    /// Every problem with the fields as they stand, by field.
    pub fn problems(&self) -> Vec<(FieldId, String)> {
        let mut out: Vec<(FieldId, String)> = self
            .shown()
            .filter_map(|(_, f)| match f.check(self.today) {
                Check::Wrong(m) | Check::Missing(m) => Some((f.id, m)),
                _ => None,
            })
            .collect();
        if let Target::Outcome { .. } | Target::ImportQuestion(_) | Target::BatchOutcome(_) =
            self.target
        {
            out.extend(outcome_form::problems(self));
        }
        out
    }

    /// A field is wrong: the first problem goes on the form's error line, every wrong
    /// field is marked, and true says not to save.
    pub fn stop_on_problems(&mut self) -> bool {
        let Some((_, first)) = self.problems().into_iter().next() else {
            return false;
        };
        self.tried = true;
        self.error = Some(first);
        true
    }

    /// Save through the casebook, when every field is right.
    pub fn save(&mut self, book: &mut Casebook) -> Result<Saved> {
        if let Some((_, first)) = self.problems().into_iter().next() {
            self.tried = true;
            return Err(crate::casebook::Error::user(first));
        }
        match self.target.clone() {
            Target::AddCase => case_form::save_new(self, book),
            Target::EditCase(id) => case_form::save_edit(self, book, id),
            Target::AddQuestion(id) => question_form::save_new(self, book, id),
            Target::EditQuestion { case_id, label } => {
                question_form::save_edit(self, book, case_id, &label)
            }
            Target::Outcome { case_id, label } => outcome_form::save(self, book, case_id, &label),
            Target::AddEvent(id) => event_form::save_new(self, book, id),
            Target::EditEvent { case_id, event_id } => {
                event_form::save_edit(self, book, case_id, event_id)
            }
            Target::ImportLetter | Target::ImportQuestion(_) => Err(crate::casebook::Error::user(
                "this form is saved with the import it belongs to",
            )),
            Target::BatchOutcome(_) | Target::BatchQuestion(_) => Err(
                crate::casebook::Error::user("this form is saved by the round robin's grid"),
            ),
        }
    }

    /// An optional text field: `None` when left empty.
    fn optional(&self, id: FieldId) -> Option<String> {
        Some(self.value(id)).filter(|v| !v.is_empty())
    }

    fn date(&self, id: FieldId) -> Option<NaiveDate> {
        self.get(id).and_then(|f| f.date_value(self.today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    /// The keys every form shares are applied by the form; cancel and save go back to
    /// the screen that owns it.
    #[test]
    fn edit_applies_shared_keys_and_hands_back_the_rest() {
        let today = NaiveDate::from_ymd_opt(2018, 3, 10).expect("date");
        let mut form = add_case(today);
        assert_eq!(
            form.edit(Action::Type(KeyEvent::from(KeyCode::Char('x')))),
            None
        );
        assert_eq!(form.fields[0].value(), "x");
        assert_eq!(form.edit(Action::NextField), None);
        assert_eq!(form.fields[form.focus].id, FieldId::Authority);
        assert_eq!(form.edit(Action::Paste("Home Office".into())), None);
        assert_eq!(form.fields[1].value(), "Home Office");
        assert_eq!(form.edit(Action::Cancel), Some(Action::Cancel));
        assert_eq!(form.edit(Action::Save), Some(Action::Save));
        assert_eq!(form.fields[0].value(), "x", "handing back changes nothing");
    }
}
