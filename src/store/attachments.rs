//! The originals kept as evidence (migration 4): content stored once by SHA-256, and
//! named for a case and an event.

use super::reads::Reads;
use super::{Result, Store, Writer};
use crate::domain::Attachment;
use rusqlite::{OptionalExtension, params};

const ATTACHMENT_COLUMNS: &str = "t.id, t.case_id, t.event_id, t.name, t.media_type, \
     coalesce(b.size, 0), t.sha256, t.message_id";

/// An attachment about to be stored.
pub struct NewAttachment<'a> {
    pub case_id: i64,
    pub event_id: Option<i64>,
    pub name: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub message_id: Option<&'a str>,
}

fn attachment(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        case_id: r.get(1)?,
        event: r.get(2)?,
        name: r.get(3)?,
        media_type: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
        message_id: r.get(7)?,
    })
}

/// Reads of attachments, inside a transaction or not.
pub trait AttachmentReads: Reads {
    /// A case's attachments in the order they were added.
    fn attachments(&self, case_id: i64) -> Result<Vec<Attachment>> {
        let sql = format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM attachments t LEFT JOIN blobs b ON b.sha256 = t.sha256 \
             WHERE t.case_id = ?1 ORDER BY t.id"
        );
        let mut st = self
            .conn()
            .prepare_cached(&sql)
            .map_err(|e| self.sql_err(e))?;
        st.query_map([case_id], attachment)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))
    }

    fn any_attachment(&self) -> Result<bool> {
        self.conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM attachments)", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.sql_err(e))
    }

    fn blob_exists(&self, sha256: &str) -> Result<bool> {
        self.conn()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = ?1)",
                [sha256],
                |r| r.get(0),
            )
            .map_err(|e| self.sql_err(e))
    }

    /// A case's event ids in the order they were inserted.
    fn event_ids(&self, case_id: i64) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id FROM events WHERE case_id = ?1 ORDER BY id")
            .map_err(|e| self.sql_err(e))?;
        st.query_map([case_id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))
    }

    /// The bytes stored under `sha256`.
    fn blob(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        self.conn()
            .query_row("SELECT data FROM blobs WHERE sha256 = ?1", [sha256], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// The case and event of the e-mail with this Message-ID, if it was imported.
    fn message_seen(&self, message_id: &str) -> Result<Option<(i64, Option<i64>)>> {
        self.conn()
            .query_row(
                "SELECT case_id, event_id FROM attachments WHERE message_id = ?1 ORDER BY id LIMIT 1",
                [message_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// The case and event an original with this content is already attached to.
    fn content_seen(&self, sha256: &str) -> Result<Option<(i64, Option<i64>)>> {
        self.conn()
            .query_row(
                "SELECT case_id, event_id FROM attachments WHERE sha256 = ?1 ORDER BY id LIMIT 1",
                [sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// Cases with exactly this title, ignoring case (a mailbox matches a reply by the
    /// request's title in its subject).
    fn case_ids_titled(&self, title: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id FROM cases WHERE lower(title) = lower(?1) ORDER BY id")
            .map_err(|e| self.sql_err(e))?;
        st.query_map([title], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))
    }

    /// Cases whose notes mention `text` (a WhatDoTheyKnow request address).
    fn case_ids_noting(&self, text: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT id FROM cases WHERE instr(lower(notes), lower(?1)) > 0 ORDER BY id",
            )
            .map_err(|e| self.sql_err(e))?;
        st.query_map([text], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))
    }
}

impl AttachmentReads for Store {}
impl AttachmentReads for Writer<'_> {}

impl Writer<'_> {
    /// Store `data` under its SHA-256 unless that content is already there.
    pub fn put_blob(&self, sha256: &str, data: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?1, ?2, ?3)")
            .and_then(|mut st| st.execute(params![sha256, data.len() as i64, data]))
            .map_err(|e| self.sql_err(e))
            .map(drop)
    }

    /// Name a stored blob for a case (and event). Returns the attachment's id.
    pub fn insert_attachment(&self, a: &NewAttachment<'_>) -> Result<i64> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.tx
            .prepare_cached(
                "INSERT INTO attachments (case_id, event_id, name, media_type, sha256, message_id, added_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    a.case_id,
                    a.event_id,
                    a.name,
                    a.media_type,
                    a.sha256,
                    a.message_id,
                    now
                ])
            })
            .map_err(|e| self.sql_err(e))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Whether this case already holds this content (for this event, when given).
    pub fn case_has_content(&self, case_id: i64, sha256: &str) -> Result<bool> {
        self.tx
            .query_row(
                "SELECT 1 FROM attachments WHERE case_id = ?1 AND sha256 = ?2",
                params![case_id, sha256],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.sql_err(e))
    }

    /// The newest event of `kind` on a case (the one an import just added).
    pub fn last_event_id(&self, case_id: i64, kind: &str) -> Result<Option<i64>> {
        self.tx
            .query_row(
                "SELECT max(id) FROM events WHERE case_id = ?1 AND kind = ?2",
                params![case_id, kind],
                |r| r.get(0),
            )
            .map_err(|e| self.sql_err(e))
    }
}

/// One attachment row as it was, with the content it named when no other case kept that
/// content (deleting the case deleted the content too). Undo puts both back.
#[derive(Debug, Clone)]
pub struct RemovedOriginal {
    id: i64,
    case_id: i64,
    event_id: Option<i64>,
    name: String,
    media_type: String,
    sha256: String,
    message_id: Option<String>,
    added_at: String,
    /// `None` when another case still keeps this content (it stays in `blobs`).
    data: Option<Vec<u8>>,
}

impl Writer<'_> {
    /// A case's originals as a delete of the case would remove them: every attachment
    /// row, and the bytes of each content no other case keeps. Read before
    /// [`Writer::delete_case`] so that undo can put them back.
    pub fn originals_removed_with(&self, case_id: i64) -> Result<Vec<RemovedOriginal>> {
        let mut st = self
            .tx
            .prepare_cached(
                "SELECT t.id, t.case_id, t.event_id, t.name, t.media_type, t.sha256, t.message_id, \
                 t.added_at, CASE WHEN EXISTS (SELECT 1 FROM attachments o \
                   WHERE o.sha256 = t.sha256 AND o.case_id <> t.case_id) \
                 THEN NULL ELSE (SELECT data FROM blobs b WHERE b.sha256 = t.sha256) END \
                 FROM attachments t WHERE t.case_id = ?1 ORDER BY t.id",
            )
            .map_err(|e| self.sql_err(e))?;
        st.query_map([case_id], |r| {
            Ok(RemovedOriginal {
                id: r.get(0)?,
                case_id: r.get(1)?,
                event_id: r.get(2)?,
                name: r.get(3)?,
                media_type: r.get(4)?,
                sha256: r.get(5)?,
                message_id: r.get(6)?,
                added_at: r.get(7)?,
                data: r.get(8)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.sql_err(e))
    }

    /// Put back originals a case deletion removed, with their ids unless another
    /// attachment took one meanwhile (then a new id: the content and names are what count).
    pub fn put_back_originals(&self, originals: &[RemovedOriginal]) -> Result<()> {
        for o in originals {
            if let Some(data) = &o.data {
                self.put_blob(&o.sha256, data)?;
            }
            self.exec(
                "INSERT INTO attachments \
                 (id, case_id, event_id, name, media_type, sha256, message_id, added_at) \
                 VALUES (CASE WHEN EXISTS (SELECT 1 FROM attachments WHERE id = ?1) \
                 THEN NULL ELSE ?1 END, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    o.id,
                    o.case_id,
                    o.event_id,
                    o.name,
                    o.media_type,
                    o.sha256,
                    o.message_id,
                    o.added_at
                ],
            )?;
        }
        Ok(())
    }

    /// The ids of the originals that came with an event, in order.
    pub fn originals_of_event(&self, event_id: i64) -> Result<Vec<i64>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT id FROM attachments WHERE event_id = ?1 ORDER BY id")
            .map_err(|e| self.sql_err(e))?;
        st.query_map([event_id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))
    }

    /// Link originals to an event again (undoing an event's deletion, which kept them on
    /// the case without an event). Only those still on that case without an event.
    pub fn relink_originals(&self, case_id: i64, event_id: i64, ids: &[i64]) -> Result<()> {
        for id in ids {
            self.exec(
                "UPDATE attachments SET event_id = ?3 \
                 WHERE id = ?1 AND case_id = ?2 AND event_id IS NULL",
                params![id, case_id, event_id],
            )?;
        }
        Ok(())
    }
}
