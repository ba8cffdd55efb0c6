//! Writes, always inside the transaction of one user action (see [`Store::write`]).

use super::bulk::Keys;
use super::reads::Reads;
use super::rows::{date_text, join_exemptions};
use super::{Result, StoreError};
use crate::domain::{Case, CaseFile, Event, Question, normalize_ref};
use rusqlite::{OptionalExtension, Transaction, params};
use std::path::Path;

pub struct Writer<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) path: &'a Path,
    /// How a bulk write ([`super::Store::write_bulk`]) is keeping its new cases' digests
    /// and list keys; `Off` outside one.
    pub(super) bulk: std::cell::Cell<super::bulk::Keys>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Authorities group by name regardless of case and spacing.
pub fn authority_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn nonzero(id: i64) -> Option<i64> {
    (id > 0).then_some(id)
}

impl Writer<'_> {
    pub(super) fn exec(&self, sql: &str, p: impl rusqlite::Params) -> Result<usize> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(p))
            .map_err(|e| self.sql_err(e))
    }

    /// The id of the authority with this name, creating it if new.
    pub fn authority_id(&self, name: &str) -> Result<i64> {
        let key = authority_key(name);
        if let Some((id, _)) = self.authority_by_key(&key)? {
            return Ok(id);
        }
        let clean = name.split_whitespace().collect::<Vec<_>>().join(" ");
        self.exec(
            "INSERT INTO authorities (name, name_key) VALUES (?1, ?2)",
            params![clean, key],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Insert a case (with its id when non-zero), its authority (by name) and its tags.
    pub fn insert_case(&self, c: &Case) -> Result<i64> {
        self.piecemeal();
        let stamp = now();
        let created = if c.created_at.is_empty() {
            &stamp
        } else {
            &c.created_at
        };
        let updated = if c.updated_at.is_empty() {
            &stamp
        } else {
            &c.updated_at
        };
        self.write_case_row(
            "INSERT INTO cases (id, title, authority_id, regime, their_ref, their_ref_key, my_ref, channel, url, \
             sent, received, request_text, notes, created_at, updated_at, batch_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            c,
            created,
            updated,
        )?;
        let id = self.tx.last_insert_rowid();
        // A new row has no tags yet: nothing to delete first.
        self.insert_tags(id, &c.tags)?;
        Ok(id)
    }

    pub fn update_case(&self, c: &Case) -> Result<()> {
        // ?14 (created_at) is the insert's only: a case's creation stays as recorded.
        self.write_case_row(
            "UPDATE cases SET title = ?2, authority_id = ?3, regime = ?4, their_ref = ?5, their_ref_key = ?6, \
             my_ref = ?7, channel = ?8, url = ?9, sent = ?10, received = ?11, request_text = ?12, notes = ?13, \
             updated_at = ?15, batch_id = ?16 WHERE id = ?1",
            c,
            &c.created_at,
            &now(),
        )?;
        self.set_tags(c.id, &c.tags)?;
        self.drop_orphan_authorities()
    }

    /// Run `sql` (an insert or an update of one case's row) with the case's columns bound
    /// the same way for both: ?1 the id (none when zero), ?2 to ?13 the case's fields and
    /// its authority (added by name when new), ?14 `created`, ?15 `updated`, ?16 the
    /// round robin.
    fn write_case_row(&self, sql: &str, c: &Case, created: &str, updated: &str) -> Result<usize> {
        let authority_id = self.authority_id(&c.authority)?;
        self.exec(
            sql,
            params![
                nonzero(c.id),
                c.title,
                authority_id,
                c.regime.as_str(),
                c.their_ref,
                c.their_ref.as_deref().map(normalize_ref),
                c.my_ref,
                c.channel.map(|ch| ch.as_str()),
                c.url,
                date_text(c.sent),
                date_text(c.received),
                c.text,
                c.notes,
                created,
                updated,
                c.batch.as_ref().map(|b| b.id),
            ],
        )
    }

    fn set_tags(&self, case_id: i64, tags: &[String]) -> Result<()> {
        self.exec("DELETE FROM case_tags WHERE case_id = ?1", [case_id])?;
        self.insert_tags(case_id, tags)
    }

    fn insert_tags(&self, case_id: i64, tags: &[String]) -> Result<()> {
        for t in tags {
            self.exec(
                "INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?1, ?2)",
                params![case_id, t],
            )?;
        }
        Ok(())
    }

    /// Deletes the case with its questions and events (foreign keys cascade).
    pub fn delete_case(&self, id: i64) -> Result<bool> {
        let n = self.exec("DELETE FROM cases WHERE id = ?1", [id])?;
        self.exec("DELETE FROM chase_snoozes WHERE case_id = ?1", [id])?;
        // Not a foreign key (see migration 8): undo's re-insert must keep them. A deleted
        // case's originals go with it, and so do contents no other case keeps (they are
        // personal data).
        if self.exec("DELETE FROM attachments WHERE case_id = ?1", [id])? > 0 {
            self.drop_orphan_blobs()?;
        }
        self.drop_orphan_authorities()?;
        Ok(n > 0)
    }

    fn drop_orphan_blobs(&self) -> Result<()> {
        self.exec(
            "DELETE FROM blobs WHERE NOT EXISTS \
             (SELECT 1 FROM attachments t WHERE t.sha256 = blobs.sha256)",
            [],
        )
        .map(drop)
    }

    fn drop_orphan_authorities(&self) -> Result<()> {
        self.exec(
            "DELETE FROM authorities WHERE NOT EXISTS (SELECT 1 FROM cases WHERE authority_id = authorities.id)",
            [],
        )
        .map(drop)
    }

    /// Record that a case changed now (shown as "recently changed").
    pub fn touch(&self, case_id: i64) -> Result<()> {
        self.exec(
            "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
            params![case_id, now()],
        )
        .map(drop)
    }

    /// Insert a question; position 0 means "after the last one".
    pub fn insert_question(&self, q: &Question) -> Result<i64> {
        let position = if q.position > 0 {
            q.position
        } else {
            self.tx
                .query_row(
                    "SELECT coalesce(max(position), 0) + 1 FROM questions WHERE case_id = ?1",
                    [q.case_id],
                    |r| r.get(0),
                )
                .map_err(|e| self.sql_err(e))?
        };
        self.write_question_row(
            "INSERT INTO questions (id, case_id, position, label, text, outcome, exemptions, note, challenge) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            q,
            position,
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_question(&self, q: &Question) -> Result<()> {
        // ?2 (case_id) is the insert's only: a question stays with its case.
        self.write_question_row(
            "UPDATE questions SET position = ?3, label = ?4, text = ?5, outcome = ?6, exemptions = ?7, note = ?8, \
             challenge = ?9 WHERE id = ?1",
            q,
            q.position,
        )
        .map(drop)
    }

    /// Run `sql` (an insert or an update of one question's row) with the question bound
    /// the same way for both: ?1 the id (none when zero), ?2 its case, ?3 `position`, ?4
    /// to ?9 the rest.
    fn write_question_row(&self, sql: &str, q: &Question, position: i64) -> Result<usize> {
        self.exec(
            sql,
            params![
                nonzero(q.id),
                q.case_id,
                position,
                q.label,
                q.text,
                q.outcome.as_str(),
                join_exemptions(&q.exemptions),
                q.note,
                q.challenge,
            ],
        )
    }

    pub fn delete_question(&self, id: i64) -> Result<bool> {
        Ok(self.exec("DELETE FROM questions WHERE id = ?1", [id])? > 0)
    }

    pub fn insert_event(&self, e: &Event) -> Result<i64> {
        self.piecemeal();
        self.write_event_row(
            "INSERT INTO events (id, case_id, kind, date, note, window, until, letter, reference, reference_key) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            e,
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_event(&self, e: &Event) -> Result<()> {
        // ?2 (case_id) is the insert's only: an event stays with its case.
        self.write_event_row(
            "UPDATE events SET kind = ?3, date = ?4, note = ?5, window = ?6, until = ?7, letter = ?8, \
             reference = ?9, reference_key = ?10 WHERE id = ?1",
            e,
        )
        .map(drop)
    }

    /// Run `sql` (an insert or an update of one event's row) with the event bound the same
    /// way for both: ?1 the id (none when zero), ?2 its case, ?3 to ?10 the rest.
    fn write_event_row(&self, sql: &str, e: &Event) -> Result<usize> {
        self.exec(
            sql,
            params![
                nonzero(e.id),
                e.case_id,
                e.kind.as_str(),
                date_text(Some(e.date)),
                e.note,
                e.window.map(|w| w.canonical()),
                date_text(e.until),
                e.letter,
                e.reference,
                e.reference.as_deref().map(normalize_ref),
            ],
        )
    }

    /// Delete an event. Its originals stay with the case, on no event: they are the
    /// evidence, whatever happens to the timeline.
    pub fn delete_event(&self, id: i64) -> Result<bool> {
        self.exec(
            "UPDATE attachments SET event_id = NULL WHERE event_id = ?1",
            [id],
        )?;
        Ok(self.exec("DELETE FROM events WHERE id = ?1", [id])? > 0)
    }

    /// Insert a whole case file. Ids are kept when non-zero (undo puts a case back exactly
    /// as it was); otherwise new ones are assigned. Returns the case id.
    pub fn insert_case_file(&self, file: &CaseFile) -> Result<i64> {
        // In a bulk write the whole file is in hand: its digest and keys are made from it
        // (not read back at the end), so its own inserts do not count as piecemeal.
        let keys = self.bulk.replace(Keys::Off);
        let inserted = self.insert_case_file_rows(file);
        self.bulk.set(keys);
        let (id, event_ids) = inserted?;
        if keys == Keys::FromFiles {
            self.insert_keys(id, file, &event_ids)?;
        }
        Ok(id)
    }

    /// The rows of [`Writer::insert_case_file`]: the case id and the events' ids.
    fn insert_case_file_rows(&self, file: &CaseFile) -> Result<(i64, Vec<i64>)> {
        let id = self.insert_case(&file.case)?;
        for q in &file.questions {
            self.insert_question(&Question {
                case_id: id,
                ..q.clone()
            })?;
        }
        let mut event_ids = Vec::with_capacity(file.events.len());
        for e in &file.events {
            event_ids.push(self.insert_event(&Event {
                case_id: id,
                ..e.clone()
            })?);
        }
        Ok((id, event_ids))
    }

    /// Put a case back exactly as `file` holds it (ids included), replacing what is there.
    pub fn restore_case_file(&self, file: &CaseFile) -> Result<()> {
        self.exec("DELETE FROM cases WHERE id = ?1", [file.case.id])?;
        self.insert_case_file(file)?;
        // Originals stay with the case (no foreign key: migration 4), except those of
        // events the restored case no longer has (an import undone).
        let dropped = self.exec(
            "DELETE FROM attachments WHERE case_id = ?1 AND event_id IS NOT NULL \
             AND event_id NOT IN (SELECT id FROM events WHERE case_id = ?1)",
            [file.case.id],
        )?;
        if dropped > 0 {
            self.drop_orphan_blobs()?;
        }
        self.drop_orphan_authorities()
    }

    pub fn add_user_holiday(&self, division: &str, date: &str, name: &str) -> Result<()> {
        self.exec(
            "INSERT OR REPLACE INTO user_holidays (division, date, name) VALUES (?1, ?2, ?3)",
            params![division, date, name],
        )
        .map(drop)
    }

    pub fn remove_user_holiday(&self, division: &str, date: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM user_holidays WHERE division = ?1 AND date = ?2",
            params![division, date],
        )? > 0)
    }

    /// Fail the transaction with a store error (used by callers' sanity checks).
    pub fn bad_data(&self, detail: impl Into<String>) -> StoreError {
        StoreError::BadData {
            path: self.path.to_path_buf(),
            detail: detail.into(),
        }
    }

    pub fn case_exists(&self, id: i64) -> Result<bool> {
        self.tx
            .query_row("SELECT 1 FROM cases WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.sql_err(e))
    }
}
