//! `i`: importing a file. A path is typed (Tab completes); a response letter is read
//! into a proposal that the user reviews and corrects before anything is saved; a JSON
//! export or a WhatDoTheyKnow file is counted (a dry run) and imported once confirmed
//! (`import_file`).

use super::action::Action;
use super::effect::{Ctx, Effect, Pane, Tone, Work, form_error};
use super::forms::field::{Field, FieldId};
use super::forms::{self, Form, Target};
use super::prompt::PathPrompt;
use super::scroll::Scroll;
use crate::casebook::{Casebook, LetterChoices, LetterSaved, Originals};
use crate::domain::text::inert_line;
use crate::domain::{Outcome, Question, Regime, Span};
use crate::import::intake::Original;
use crate::import::{Proposal, ProposedQuestion};
use crate::present::{fit, plural};

/// Where a letter will go when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A new case.
    New,
    /// The response is added to this case (same authority reference).
    Existing { id: i64, title: String },
    /// The reference matches several cases: saving says so.
    Unclear(String),
}

/// A letter read and waiting for the user's review.
pub struct ImportReview {
    /// The file's name, for the title and the messages.
    pub name: String,
    /// The letter as read, saved with the response.
    pub letter: String,
    /// What the reader could not find or doubted.
    pub warnings: Vec<String>,
    /// Authority, their ref, regime, dates, review window, title.
    pub form: Form,
    /// The fields the letter did not give.
    pub missing: Vec<FieldId>,
    /// The originals kept with the response (the e-mail, its attachments, the PDF).
    pub originals: Vec<Original>,
    /// The e-mail's Message-ID, so a second import adds nothing.
    pub message_id: Option<String>,
    /// The questions as they will be saved (outcomes editable, removable).
    pub questions: Vec<ProposedQuestion>,
    /// How many were left out.
    pub removed: usize,
    /// The keyboard is in the questions list (else in the fields).
    pub in_questions: bool,
    pub list: Scroll,
    pub destination: Destination,
    /// A question's outcome being changed.
    pub sub: Option<Box<Form>>,
}

const NOT_FOUND: &str = "not found in the letter: type it";

impl ImportReview {
    pub fn new(book: &Casebook, name: String, letter: String, p: Proposal) -> ImportReview {
        let missing = not_given(&p);
        let form = Form::new(
            format!("Import {}", fit(&name, 60)),
            Target::ImportLetter,
            letter_fields(&p, &missing),
            book.today(),
        );
        let mut review = ImportReview {
            name,
            letter,
            warnings: p.warnings.clone(),
            form,
            missing,
            originals: Vec::new(),
            message_id: None,
            questions: p.questions,
            removed: 0,
            in_questions: false,
            list: Scroll::default(),
            destination: Destination::New,
            sub: None,
        };
        review.refresh(book);
        review
    }

    fn optional(&self, id: FieldId) -> Option<String> {
        Some(self.form.value(id)).filter(|v| !v.is_empty())
    }

    pub fn regime(&self) -> Regime {
        self.form
            .get(FieldId::Regime)
            .and_then(|f| f.choice_value().parse().ok())
            .unwrap_or(Regime::Foia)
    }

    /// The proposal as the fields now say it.
    pub fn proposal(&self) -> Proposal {
        let today = self.form.today;
        let date = |id| self.form.get(id).and_then(|f| f.date_value(today));
        Proposal {
            authority: self.optional(FieldId::Authority),
            their_ref: self.optional(FieldId::TheirRef),
            regime: Some(self.regime()),
            letter_date: date(FieldId::Date),
            request_date: date(FieldId::Sent),
            review_window: self
                .optional(FieldId::Window)
                .and_then(|w| w.parse::<Span>().ok()),
            questions: self.questions.clone(),
            warnings: self.warnings.clone(),
        }
    }

    /// Work out again where the letter goes, and what a blank title becomes.
    pub fn refresh(&mut self, book: &Casebook) {
        let p = self.proposal();
        self.destination = match book.match_letter(&p) {
            Ok(None) => Destination::New,
            Ok(Some(id)) => Destination::Existing {
                id,
                title: book
                    .view(id)
                    .map(|v| v.file.case.title.clone())
                    .unwrap_or_default(),
            },
            Err(e) => Destination::Unclear(e.to_string()),
        };
        let title_hint = match &self.destination {
            Destination::Existing { .. } => "unused: the case keeps its title".to_string(),
            _ => format!("if left blank: {}", crate::casebook::default_title(&p)),
        };
        if let Some(t) = self
            .form
            .fields
            .iter_mut()
            .find(|f| f.id == FieldId::Title)
            .and_then(Field::input_mut)
        {
            t.set_placeholder_text(inert_line(&title_hint).into_owned());
        }
    }

    /// Every reason the import cannot be saved as it stands, by field.
    pub fn problems(&self) -> Vec<(FieldId, String)> {
        let mut out = self.form.problems();
        if self.destination == Destination::New && self.optional(FieldId::Authority).is_none() {
            out.push((
                FieldId::Authority,
                "Authority is empty: type who wrote the letter".into(),
            ));
        }
        out
    }

    /// What the user should look at: the reader's warnings, then questions whose outcome
    /// needs an exemption the letter did not give (saved as pending unless one is picked).
    pub fn notes(&self) -> Vec<String> {
        let mut out = self.warnings.clone();
        for q in self.questions.iter().filter(|q| lacks_exemption(q)) {
            out.push(format!(
                "{}: {} but no exemption found; saved as pending unless you pick one (o)",
                inert_line(&q.label),
                q.outcome
            ));
        }
        out
    }

    /// A field the letter did not give, still empty.
    pub fn is_missing(&self, id: FieldId) -> bool {
        self.missing.contains(&id)
            && (id == FieldId::Regime || self.form.get(id).is_some_and(|f| f.value().is_empty()))
    }

    /// Step the keyboard between the fields and the questions.
    fn move_focus(&mut self, forward: bool) {
        let shown: Vec<usize> = self.form.shown().map(|(i, _)| i).collect();
        let first = shown.first().copied().unwrap_or(0);
        let last = shown.last().copied().unwrap_or(0);
        if self.in_questions {
            self.in_questions = false;
            self.form.focus = if forward { first } else { last };
            self.form.set_active(true);
            return;
        }
        let at_edge = if forward {
            self.form.focus == last
        } else {
            self.form.focus == first
        };
        if at_edge && !self.questions.is_empty() {
            self.in_questions = true;
            if !forward {
                self.list.bottom(self.questions.len());
            }
            self.form.set_active(false);
        } else {
            self.form.move_focus(forward);
        }
    }
}

/// The fields the letter did not give.
fn not_given(p: &Proposal) -> Vec<FieldId> {
    [
        (FieldId::Authority, p.authority.is_none()),
        (FieldId::TheirRef, p.their_ref.is_none()),
        (FieldId::Regime, p.regime.is_none()),
        (FieldId::Date, p.letter_date.is_none()),
        (FieldId::Sent, p.request_date.is_none()),
        (FieldId::Window, p.review_window.is_none()),
    ]
    .into_iter()
    .filter_map(|(id, absent)| absent.then_some(id))
    .collect()
}

/// The review's fields filled from the letter; one it did not give asks to be typed.
fn letter_fields(p: &Proposal, missing: &[FieldId]) -> Vec<Field> {
    let ph = |id: FieldId, usual: &'static str| {
        if missing.contains(&id) {
            NOT_FOUND
        } else {
            usual
        }
    };
    vec![
        Field::text(
            FieldId::Authority,
            "Authority",
            p.authority.as_deref().unwrap_or(""),
            ph(FieldId::Authority, "who wrote the letter"),
        ),
        Field::text(
            FieldId::TheirRef,
            "Their ref",
            p.their_ref.as_deref().unwrap_or(""),
            ph(FieldId::TheirRef, "the authority's reference"),
        ),
        Field::choice(
            FieldId::Regime,
            "Regime",
            Regime::ALL.iter().map(|r| r.as_str()).collect(),
            p.regime.unwrap_or(Regime::Foia).as_str(),
        ),
        Field::date(
            FieldId::Date,
            "Letter date",
            p.letter_date,
            ph(FieldId::Date, "the date the letter bears"),
        )
        .required(),
        Field::date(
            FieldId::Sent,
            "Request date",
            p.request_date,
            ph(FieldId::Sent, "when the request was sent"),
        ),
        Field::span(
            FieldId::Window,
            "Review window",
            p.review_window,
            ph(FieldId::Window, "e.g. 2 months, 40 working days"),
        ),
        Field::text(FieldId::Title, "Title", "", "a few words"),
    ]
}

/// A question as the list shows it (its outcome badge).
pub fn as_question(q: &ProposedQuestion) -> Question {
    Question {
        label: q.label.clone(),
        text: q.text.clone(),
        outcome: q.outcome,
        exemptions: q.exemptions.clone(),
        note: q.note.clone(),
        ..Question::default()
    }
}

/// Keys while the path of the file to import is typed.
pub fn path_keys(prompt: &mut PathPrompt, action: Action, ctx: &mut Ctx<'_>) {
    match action {
        Action::Type(key) => prompt.type_key(key),
        Action::Paste(text) => prompt.paste(&text),
        Action::Complete => prompt.complete(),
        Action::Cancel => {
            ctx.emit(Effect::Close);
            ctx.say(Tone::Info, "Cancelled: nothing imported");
        }
        Action::Accept if prompt.text().trim().is_empty() => {
            prompt.error = Some("type the file's path (Tab completes names)".into());
        }
        Action::Accept => {
            let name = prompt.text().trim().to_string();
            ctx.emit(Effect::Busy(
                format!("Reading {}…", fit(&name, 60)),
                Work::ReadFile,
            ));
        }
        _ => {}
    }
}

impl ImportReview {
    /// Keys while a letter is reviewed.
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        if self.sub.is_some() {
            return self.question_form(action, ctx);
        }
        match action {
            Action::Cancel => {
                ctx.emit(Effect::Close);
                ctx.say(Tone::Info, "Cancelled: nothing imported");
                return;
            }
            Action::Save => return self.save(ctx),
            Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
            _ => {}
        }
        if self.in_questions {
            return self.question_keys(action, ctx);
        }
        let refresh = matches!(
            self.form.focused().map(|f| f.id),
            Some(FieldId::Authority | FieldId::TheirRef)
        );
        match action {
            Action::ChoiceNext => self.form.cycle(true),
            Action::ChoicePrev => self.form.cycle(false),
            Action::Type(key) => self.form.type_key(key),
            Action::Paste(text) => self.form.paste(&text),
            _ => return,
        }
        if refresh {
            self.refresh(ctx.book);
        }
    }

    /// Keys in the questions list: move, change an outcome, leave one out.
    fn question_keys(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let n = self.questions.len();
        match action {
            Action::Down => self.list.move_by(1, n),
            Action::Up if self.list.selected == 0 => self.move_focus(false),
            Action::Up => self.list.move_by(-1, n),
            Action::Outcome => {
                let regime = self.regime();
                let i = self.list.selected;
                if let Some(q) = self.questions.get(i) {
                    let form = forms::imported_outcome(q, i, regime, self.form.today);
                    self.sub = Some(Box::new(form));
                }
            }
            Action::Delete if self.list.selected < n => {
                let q = self.questions.remove(self.list.selected);
                self.removed += 1;
                self.list.clamp(self.questions.len());
                if self.questions.is_empty() {
                    self.in_questions = false;
                    self.form.set_active(true);
                }
                let label = inert_line(&q.label).into_owned();
                ctx.say(
                    Tone::Info,
                    format!("Left out {label}: Esc cancels the whole import"),
                );
            }
            _ => {}
        }
    }

    /// Keys while a question's outcome is changed: the usual outcome form, kept in the
    /// review.
    fn question_form(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let Some(form) = self.sub.as_mut() else {
            return;
        };
        match form.edit(action) {
            Some(Action::Cancel) => self.sub = None,
            Some(Action::Save) => {
                if form.stop_on_problems() {
                    return;
                }
                let Target::ImportQuestion(i) = form.target else {
                    return;
                };
                let (outcome, exemptions, note) = forms::picked_outcome(form);
                if let Some(q) = self.questions.get_mut(i) {
                    q.outcome = outcome;
                    q.exemptions = exemptions;
                    q.note = Some(note).filter(|n| !n.is_empty());
                    let label = inert_line(&q.label).into_owned();
                    self.sub = None;
                    ctx.say(
                        Tone::Info,
                        format!("{label} → {outcome} (saved with the import: Ctrl-S)"),
                    );
                }
            }
            _ => {}
        }
    }

    fn save(&mut self, ctx: &mut Ctx<'_>) {
        self.refresh(ctx.book);
        if let Some((_, first)) = self.problems().into_iter().next() {
            self.form.tried = true;
            self.form.error = Some(first);
            return;
        }
        let p = self.proposal();
        let choices = LetterChoices {
            case: None,
            title: self.optional(FieldId::Title),
            authority: self.optional(FieldId::Authority),
        };
        let originals = Originals {
            files: &self.originals,
            message_id: self.message_id.as_deref(),
        };
        match ctx
            .book
            .save_letter_with(&p, &self.letter, &choices, originals)
        {
            Ok(saved) => {
                let message = saved_message(&self.name, &saved);
                for effect in [
                    Effect::Close,
                    Effect::Refresh,
                    Effect::ShowCase(saved.case),
                    Effect::Focus(Pane::Case),
                    Effect::ResetDetails,
                    Effect::Say(Tone::Done, message),
                ] {
                    ctx.emit(effect);
                }
            }
            Err(e) => self.form.error = Some(form_error(ctx, &e)),
        }
    }
}

fn saved_message(name: &str, s: &LetterSaved) -> String {
    let mut m = if s.already_imported {
        format!(
            "{} was imported before (case #{}): nothing added",
            fit(name, 40),
            s.case
        )
    } else if s.already_recorded {
        return s.already_said();
    } else if s.created {
        format!(
            "Imported {} as case #{}: {}",
            fit(name, 40),
            s.case,
            plural(s.questions_added, "question", "questions")
        )
    } else {
        format!(
            "Added the response to case #{}: {} updated, {} added",
            s.case,
            plural(s.questions_updated, "question", "questions"),
            s.questions_added
        )
    };
    match s.warnings.as_slice() {
        [] => m.push_str(" (u undoes)"),
        [one] => m.push_str(&format!(" — note: {}", inert_line(one))),
        [first, rest @ ..] => m.push_str(&format!(
            " — note: {} (+{} more)",
            inert_line(first),
            rest.len()
        )),
    }
    m
}

/// Whether an outcome needs an exemption the question lacks (saved as pending then).
pub fn lacks_exemption(q: &ProposedQuestion) -> bool {
    q.outcome.requires_exemption() && q.exemptions.is_empty() && q.outcome != Outcome::Pending
}
