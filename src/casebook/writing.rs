//! Writing the internal review request, the complaint to the Commissioner and the
//! chaser to a late authority, and recording that one was sent.
//!
//! Templates: the built-in ones (`assets/templates/`), unless the user keeps a file of the
//! same name (`review.txt`, `ico.txt`, `chaser.txt`) in the `templates` folder of foi's configuration
//! folder ([`user_template_dir`]: `~/.config/foi-casebook/templates/` on Linux).

use super::letters;
pub use super::letters::{FIELDS, LetterKind};
use super::{Casebook, Error, Result};
use crate::domain::text::inert_line;
use crate::domain::{Event, EventKind};
use std::path::{Path, PathBuf};

/// Where a user's own templates go: `<config dir>/templates/`.
pub fn user_template_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "foi-casebook").map(|d| d.config_dir().join("templates"))
}

/// The template for `kind`: the file given, else the user's own, else the built-in one.
/// Returns its text and a name for messages.
pub fn load_template(kind: LetterKind, given: Option<&Path>) -> Result<(String, String)> {
    let read = |p: &Path| -> Result<(String, String)> {
        let bytes = std::fs::read(p).map_err(|e| {
            Error::user(format!(
                "cannot read the template {}: {e}",
                inert_line(&p.display().to_string())
            ))
        })?;
        Ok((
            String::from_utf8_lossy(&bytes).into_owned(),
            format!("template {}", inert_line(&p.display().to_string())),
        ))
    };
    if let Some(p) = given {
        return read(p);
    }
    if let Some(p) = user_template_dir().map(|d| d.join(kind.file_name()))
        && p.is_file()
    {
        return read(&p);
    }
    Ok((
        kind.builtin().to_string(),
        format!("built-in template {}", kind.file_name()),
    ))
}

impl Casebook {
    /// The internal review request for case `id`, from the user's template if there is one.
    pub fn review_letter(&self, id: i64) -> Result<String> {
        self.write_letter(id, LetterKind::Review, None)
    }

    /// The complaint to the Commissioner for case `id`, with its timeline.
    pub fn ico_letter(&self, id: i64) -> Result<String> {
        self.write_letter(id, LetterKind::Ico, None)
    }

    /// Write the `kind` letter for case `id` from `template` (a file), or the usual template.
    pub fn write_letter(
        &self,
        id: i64,
        kind: LetterKind,
        template: Option<&Path>,
    ) -> Result<String> {
        let v = self.view(id)?;
        let (text, source) = load_template(kind, template)?;
        letters::write(&v, kind, &text, &source, self.today, self.calendar.get())
    }

    /// The day case `id`'s review request window closed, when it has closed without a
    /// review asked for (a review letter written now is late).
    pub fn review_window_closed(&self, id: i64) -> Result<Option<chrono::NaiveDate>> {
        Ok(letters::review_window_closed(&self.view(id)?))
    }

    /// Record that the review request was sent today (a `review-requested` event with the
    /// letter attached). Returns the event's id.
    pub fn record_review_sent(&mut self, id: i64) -> Result<i64> {
        let letter = self.review_letter(id)?;
        self.record_letter_sent(id, LetterKind::Review, Some(letter))
    }

    /// Record that a reminder went to a late authority today (a `note` event saying so).
    pub fn record_chaser_sent(&mut self, id: i64) -> Result<i64> {
        let letter = self.write_letter(id, LetterKind::Chaser, None)?;
        self.record_letter_sent(id, LetterKind::Chaser, Some(letter))
    }

    /// Record that the complaint went to the Commissioner today (`ico-complaint`).
    pub fn record_ico_sent(&mut self, id: i64) -> Result<i64> {
        let letter = self.ico_letter(id)?;
        self.record_letter_sent(id, LetterKind::Ico, Some(letter))
    }

    /// Record that a letter of `kind` was sent today, with its text. Recording the same
    /// kind twice on one day adds nothing: the existing event's id is returned.
    pub fn record_letter_sent(
        &mut self,
        id: i64,
        kind: LetterKind,
        letter: Option<String>,
    ) -> Result<i64> {
        let (event_kind, note) = sent_event(kind);
        let file = self.require(id)?;
        if let Some(e) = file
            .events
            .iter()
            .find(|e| e.kind == event_kind && e.date == self.today && e.note.as_deref() == note)
        {
            return Ok(e.id);
        }
        self.add_event(
            id,
            Event {
                note: note.map(str::to_string),
                letter,
                ..Event::new(event_kind, self.today)
            },
        )
    }
}

/// The event that records a letter as sent: its kind and note. A chaser starts no
/// statutory clock, so it is a note on the timeline.
pub fn sent_event(kind: LetterKind) -> (EventKind, Option<&'static str>) {
    match kind {
        LetterKind::Review => (EventKind::ReviewRequested, None),
        LetterKind::Ico => (EventKind::IcoComplaint, None),
        LetterKind::Chaser => (EventKind::Note, Some(CHASER_NOTE)),
    }
}

/// The note on the event that records a chaser as sent.
pub const CHASER_NOTE: &str = "Reminder sent: the reply is late";
