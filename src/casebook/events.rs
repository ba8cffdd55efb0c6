//! The timeline: recording, correcting and removing events. Everything derived from
//! events (status, clocks) is computed on read, so edits recompute it for free.

use super::cases::{clean, sync_sent_from_events};
use super::{Casebook, Error, Result};
use crate::domain::text::inert_line;
use crate::domain::{Event, EventKind, Span, normalize_ref};
use crate::store::Reads;
use chrono::NaiveDate;

/// `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct EventPatch {
    pub kind: Option<EventKind>,
    pub date: Option<NaiveDate>,
    pub note: Option<Option<String>>,
    pub window: Option<Option<Span>>,
    pub until: Option<Option<NaiveDate>>,
    pub letter: Option<Option<String>>,
    pub reference: Option<Option<String>>,
}

/// A reference as one line with single spaces; empty is none.
fn clean_ref(r: Option<String>) -> Option<String> {
    r.map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty())
}

fn validate(e: &Event, sent: Option<NaiveDate>) -> Result<()> {
    if e.window.is_some() && e.kind != EventKind::Response && e.kind != EventKind::ReviewResponse {
        return Err(Error::user(format!(
            "--window belongs on a response (the review window the letter states), not on '{}'",
            e.kind
        )));
    }
    if let Some(r) = &e.reference
        && normalize_ref(r).is_empty()
    {
        return Err(Error::user(format!(
            "the reference '{}' has no letters or digits: give it as the letter writes it, like IC-312345-X9Y8",
            inert_line(r)
        )));
    }
    if e.until.is_some() && e.kind != EventKind::Extension {
        return Err(Error::user(format!(
            "--until belongs on an extension (the new date the authority gave), not on '{}'",
            e.kind
        )));
    }
    if let Some(until) = e.until
        && until < e.date
    {
        return Err(Error::user(format!(
            "the extension's new date {until} is before the extension itself ({})",
            e.date
        )));
    }
    if let Some(sent) = sent
        && e.date < sent
        && e.kind != EventKind::Note
        && e.kind != EventKind::Sent
    {
        return Err(Error::user(format!(
            "{} on {} is before the request was sent ({sent}): check the date",
            e.kind, e.date
        )));
    }
    Ok(())
}

impl Casebook {
    /// Record `new` on case `case_id` (its `id` and `case_id` are ignored: the store
    /// gives the one, the argument is the other). Returns the new event's id.
    pub fn add_event(&mut self, case_id: i64, new: Event) -> Result<i64> {
        let before = self.require(case_id)?;
        let e = Event {
            id: 0,
            case_id,
            kind: new.kind,
            date: new.date,
            note: clean(new.note),
            window: new.window,
            until: new.until,
            letter: new.letter.filter(|l| !l.trim().is_empty()),
            reference: clean_ref(new.reference),
        };
        validate(&e, before.case.sent)?;
        let id = self.store.write(|w| -> Result<i64> {
            let id = w.insert_event(&e)?;
            sync_sent_from_events(w, case_id)?;
            Ok(id)
        })?;
        self.undo
            .record_changed(before, format!("add {} to case #{case_id}", e.kind));
        Ok(id)
    }

    /// The event `event_id`, checked to belong to `case_id`.
    pub fn find_event(&self, case_id: i64, event_id: i64) -> Result<Event> {
        match self.store.event(event_id)? {
            Some(e) if e.case_id == case_id => Ok(e),
            _ => Err(Error::user(format!(
                "case #{case_id} has no event {event_id}: `foi show {case_id}` lists them with their numbers"
            ))),
        }
    }

    pub fn edit_event(&mut self, case_id: i64, event_id: i64, patch: EventPatch) -> Result<()> {
        let before = self.require(case_id)?;
        let mut e = self.find_event(case_id, event_id)?;
        if let Some(k) = patch.kind {
            e.kind = k;
        }
        if let Some(d) = patch.date {
            e.date = d;
        }
        if let Some(n) = patch.note {
            e.note = clean(n);
        }
        if let Some(w) = patch.window {
            e.window = w;
        }
        if let Some(u) = patch.until {
            e.until = u;
        }
        if let Some(l) = patch.letter {
            e.letter = l.filter(|l| !l.trim().is_empty());
        }
        if let Some(r) = patch.reference {
            e.reference = clean_ref(r);
        }
        let sent = if e.kind == EventKind::Sent {
            None
        } else {
            before.case.sent
        };
        validate(&e, sent)?;
        self.store.write(|w| -> Result<()> {
            w.update_event(&e)?;
            sync_sent_from_events(w, case_id)?;
            Ok(())
        })?;
        self.undo
            .record_changed(before, format!("edit {} event", e.kind));
        Ok(())
    }

    /// Delete an event. Its originals stay with the case, on no event; returns how many
    /// there were, for the message.
    pub fn delete_event(&mut self, case_id: i64, event_id: i64) -> Result<usize> {
        let before = self.require(case_id)?;
        let e = self.find_event(case_id, event_id)?;
        let kept = self.store.write(|w| -> Result<Vec<i64>> {
            let kept = w.originals_of_event(e.id)?;
            w.delete_event(e.id)?;
            sync_sent_from_events(w, case_id)?;
            Ok(kept)
        })?;
        let n = kept.len();
        self.undo
            .record_event_deleted(before, e.id, kept, format!("delete {} event", e.kind));
        Ok(n)
    }

    /// How many originals came with an event (deleting it keeps them on the case).
    pub fn originals_on_event(&self, case_id: i64, event_id: i64) -> Result<usize> {
        let event = Some(self.find_event(case_id, event_id)?.id);
        Ok(self
            .attachments(case_id)?
            .iter()
            .filter(|a| a.event == event)
            .count())
    }
}

/// The tail of a message about deleting an event that came with `n` originals: they stay
/// with the case ("" when there were none).
pub fn originals_kept(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "; its original stays with the case".into(),
        n => format!("; its {n} originals stay with the case"),
    }
}
