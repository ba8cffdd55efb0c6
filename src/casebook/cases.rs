//! Adding, editing and deleting cases.

use super::{Casebook, Error, Result};
use crate::domain::{Case, Channel, Event, EventKind, Regime};
use crate::store::{Reads, Writer};
use chrono::NaiveDate;

/// What the user gives to open a case.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    pub title: String,
    pub authority: String,
    pub regime: Regime,
    pub sent: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    pub their_ref: Option<String>,
    pub my_ref: Option<String>,
    pub channel: Option<Channel>,
    pub url: Option<String>,
    pub text: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
}

/// A change to a case: `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct CasePatch {
    pub title: Option<String>,
    pub authority: Option<String>,
    pub regime: Option<Regime>,
    pub sent: Option<Option<NaiveDate>>,
    pub received: Option<Option<NaiveDate>>,
    pub their_ref: Option<Option<String>>,
    pub my_ref: Option<Option<String>>,
    pub channel: Option<Option<Channel>>,
    pub url: Option<Option<String>>,
    pub text: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<Option<String>>,
}

/// Empty optional text means "not given".
pub(super) fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub(super) fn validate_case(c: &Case) -> Result<()> {
    if c.title.trim().is_empty() {
        return Err(Error::user(
            "the title is empty: give the case a short title",
        ));
    }
    if c.authority.trim().is_empty() {
        return Err(Error::user(
            "the authority is empty: name the public body the request went to",
        ));
    }
    if let (Some(sent), Some(received)) = (c.sent, c.received)
        && received < sent
    {
        return Err(Error::user(format!(
            "received {received} is before sent {sent}: the authority cannot receive a request before it is sent"
        )));
    }
    if c.received.is_some() && c.sent.is_none() {
        return Err(Error::user(
            "a received date needs a sent date: give --sent too",
        ));
    }
    Ok(())
}

fn normalise_tags(tags: Vec<String>) -> Vec<String> {
    let mut t: Vec<String> = tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    t.sort();
    t.dedup();
    t
}

impl Casebook {
    pub fn add_case(&mut self, new: NewCase) -> Result<i64> {
        let case = Case {
            title: new.title.trim().to_string(),
            authority: new.authority.trim().to_string(),
            regime: new.regime,
            their_ref: clean(new.their_ref),
            my_ref: clean(new.my_ref),
            channel: new.channel,
            url: clean(new.url),
            sent: new.sent,
            received: new.received.filter(|r| Some(*r) != new.sent),
            text: clean(new.text),
            tags: normalise_tags(new.tags),
            notes: clean(new.notes),
            ..Case::default()
        };
        validate_case(&case)?;
        let id = self.store.write(|w| -> Result<i64> {
            let id = w.insert_case(&case)?;
            if let Some(sent) = case.sent {
                w.insert_event(&sent_event(id, sent))?;
            }
            Ok(id)
        })?;
        self.undo.record_created(id, format!("add case #{id}"));
        Ok(id)
    }

    pub fn edit_case(&mut self, id: i64, patch: CasePatch) -> Result<()> {
        let before = self.require(id)?;
        let mut c = before.case.clone();
        if let Some(v) = patch.title {
            c.title = v.trim().to_string();
        }
        if let Some(v) = patch.authority {
            c.authority = v.trim().to_string();
        }
        if let Some(v) = patch.regime {
            c.regime = v;
        }
        if let Some(v) = patch.sent {
            c.sent = v;
        }
        if let Some(v) = patch.received {
            c.received = v;
        }
        if let Some(v) = patch.their_ref {
            c.their_ref = clean(v);
        }
        if let Some(v) = patch.my_ref {
            c.my_ref = clean(v);
        }
        if let Some(v) = patch.channel {
            c.channel = v;
        }
        if let Some(v) = patch.url {
            c.url = clean(v);
        }
        if let Some(v) = patch.text {
            c.text = clean(v);
        }
        if let Some(v) = patch.tags {
            c.tags = normalise_tags(v);
        }
        if let Some(v) = patch.notes {
            c.notes = clean(v);
        }
        if c.received == c.sent {
            c.received = None;
        }
        validate_case(&c)?;
        let sent_changed = c.sent != before.case.sent;
        self.store.write(|w| -> Result<()> {
            w.update_case(&c)?;
            if sent_changed {
                move_sent_event(w, &c)?;
            }
            Ok(())
        })?;
        self.undo.record_changed(before, format!("edit case #{id}"));
        Ok(())
    }

    pub fn delete_case(&mut self, id: i64) -> Result<()> {
        let before = self.require(id)?;
        let removed = self.store.write(|w| -> Result<_> {
            let removed = w.originals_removed_with(id)?;
            w.delete_case(id)?;
            Ok(removed)
        })?;
        self.undo
            .record_deleted(before, removed, format!("delete case #{id}"));
        Ok(())
    }

    /// The case file, or a user error naming the id.
    pub(super) fn require(&self, id: i64) -> Result<crate::domain::CaseFile> {
        self.store
            .case_file(id)?
            .ok_or_else(|| Error::user(format!("there is no case #{id}: try `foi list`")))
    }
}

fn sent_event(case_id: i64, date: NaiveDate) -> Event {
    Event {
        case_id,
        ..Event::new(EventKind::Sent, date)
    }
}

/// Keep the timeline's `sent` event on the case's sent date.
fn move_sent_event(w: &Writer<'_>, c: &Case) -> Result<()> {
    let events = w.events(c.id)?;
    let existing = events.iter().find(|e| e.kind == EventKind::Sent);
    match (existing, c.sent) {
        (Some(e), Some(d)) => w.update_event(&Event {
            date: d,
            ..e.clone()
        })?,
        (Some(e), None) => {
            w.delete_event(e.id)?;
        }
        (None, Some(d)) => {
            w.insert_event(&sent_event(c.id, d))?;
        }
        (None, None) => {}
    }
    Ok(())
}

/// After the timeline changed: the case's sent date is its earliest `sent` event.
pub(super) fn sync_sent_from_events(w: &Writer<'_>, case_id: i64) -> Result<()> {
    let Some(mut c) = w.case(case_id)? else {
        return Ok(());
    };
    let first_sent = w
        .events(case_id)?
        .iter()
        .filter(|e| e.kind == EventKind::Sent)
        .map(|e| e.date)
        .min();
    if first_sent != c.sent {
        c.sent = first_sent;
        if c.received
            .is_some_and(|r| Some(r) <= c.sent || c.sent.is_none())
        {
            c.received = None;
        }
        w.update_case(&c)?;
    } else {
        w.touch(case_id)?;
    }
    Ok(())
}
