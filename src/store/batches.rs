//! Round robins: the `batches` table and the cases that name a batch.

use super::reads::Reads;
use super::rows::{self, CASE_COLUMNS, EVENT_COLUMNS, QUESTION_COLUMNS, date_text, parse_date};
use super::{Result, Writer};
use crate::domain::{Batch, CaseFile};
use rusqlite::{OptionalExtension, Row, params};
use std::collections::HashMap;

const BATCH_COLUMNS: &str = "b.id, b.title, b.regime, b.sent, b.created_at";

fn batch_row(r: &Row<'_>) -> rusqlite::Result<Batch> {
    Ok(Batch {
        id: r.get(0)?,
        title: r.get(1)?,
        regime: r.get::<_, String>(2)?.parse().unwrap_or_default(),
        sent: r
            .get::<_, Option<String>>(3)?
            .as_deref()
            .and_then(parse_date),
        created_at: r.get(4)?,
    })
}

/// A batch as `foi batch list` shows it: how many cases it still has, and how many of
/// those have had a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchListed {
    pub batch: Batch,
    pub cases: i64,
    pub responded: i64,
}

/// Reading batches, in the store or inside a write's transaction.
pub trait BatchReads: Reads {
    fn batch(&self, id: i64) -> Result<Option<Batch>> {
        self.conn()
            .query_row(
                &format!("SELECT {BATCH_COLUMNS} FROM batches b WHERE b.id = ?1"),
                [id],
                batch_row,
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// Every batch, newest first, with its counts.
    fn batches(&self) -> Result<Vec<BatchListed>> {
        let sql = format!(
            "SELECT {BATCH_COLUMNS}, \
               (SELECT count(*) FROM cases c WHERE c.batch_id = b.id), \
               (SELECT count(*) FROM cases c WHERE c.batch_id = b.id AND EXISTS \
                  (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.kind = 'response')) \
             FROM batches b ORDER BY b.id DESC"
        );
        let mut st = self.conn().prepare(&sql).map_err(|e| self.sql_err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(BatchListed {
                    batch: batch_row(r)?,
                    cases: r.get(5)?,
                    responded: r.get(6)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(rows)
    }

    /// The batch's cases in full, by authority name (then id): one query per table for
    /// the whole batch, not four per case (a batch may hold thousands).
    fn batch_case_files(&self, batch_id: i64) -> Result<Vec<CaseFile>> {
        let conn = self.conn();
        let err = |e| self.sql_err(e);
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c JOIN authorities a ON a.id = c.authority_id \
             WHERE c.batch_id = ?1 ORDER BY a.name_key, c.id"
        );
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut files: Vec<CaseFile> = st
            .query_map([batch_id], rows::case)
            .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(err)?
            .into_iter()
            .map(|case| CaseFile {
                case,
                ..CaseFile::default()
            })
            .collect();
        let index: HashMap<i64, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.case.id, i))
            .collect();
        let of_batch = "case_id IN (SELECT id FROM cases WHERE batch_id = ?1)";
        let sql =
            format!("SELECT case_id, tag FROM case_tags WHERE {of_batch} ORDER BY case_id, tag");
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut found = st.query([batch_id]).map_err(err)?;
        while let Some(r) = found.next().map_err(err)? {
            let (id, tag): (i64, String) = (r.get(0).map_err(err)?, r.get(1).map_err(err)?);
            if let Some(&i) = index.get(&id) {
                files[i].case.tags.push(tag);
            }
        }
        let sql = format!(
            "SELECT {QUESTION_COLUMNS} FROM questions WHERE {of_batch} ORDER BY case_id, position, id"
        );
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut found = st.query([batch_id]).map_err(err)?;
        while let Some(r) = found.next().map_err(err)? {
            let q = rows::question(r).map_err(err)?;
            if let Some(&i) = index.get(&q.case_id) {
                files[i].questions.push(q);
            }
        }
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE {of_batch} ORDER BY case_id, date, id"
        );
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut found = st.query([batch_id]).map_err(err)?;
        while let Some(r) = found.next().map_err(err)? {
            if let Some(e) = rows::event(r).map_err(err)?
                && let Some(&i) = index.get(&e.case_id)
            {
                files[i].events.push(e);
            }
        }
        Ok(files)
    }

    /// Batches whose title starts with `prefix`, ignoring ASCII case.
    fn batch_ids_by_title_prefix(&self, prefix: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT id FROM batches WHERE substr(lower(title), 1, length(?1)) = lower(?1) \
                 ORDER BY id",
            )
            .map_err(|e| self.sql_err(e))?;
        let ids = st
            .query_map([prefix], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(ids)
    }
}

impl<T: Reads> BatchReads for T {}

impl Writer<'_> {
    /// Insert a batch (its id is assigned); returns the id.
    pub fn insert_batch(&self, b: &Batch) -> Result<i64> {
        let created = if b.created_at.is_empty() {
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        } else {
            b.created_at.clone()
        };
        self.tx
            .prepare_cached(
                "INSERT INTO batches (title, regime, sent, created_at) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    b.title,
                    b.regime.as_str(),
                    date_text(b.sent),
                    created
                ])
            })
            .map_err(|e| self.sql_err(e))?;
        Ok(self.tx.last_insert_rowid())
    }
}

#[cfg(test)]
mod tests {
    use super::BatchReads;
    use crate::store::schema::{APPLICATION_ID, MIGRATIONS};
    use crate::store::{Reads, Store};

    /// A casebook from before round robins opens with its cases outside any batch, and
    /// takes batches from then on.
    #[test]
    fn a_casebook_from_before_batches_is_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let before = MIGRATIONS
            .iter()
            .position(|m| m.contains("CREATE TABLE batches"))
            .expect("the batches migration");
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..before] {
                c.execute_batch(m).unwrap();
            }
            c.pragma_update(None, "user_version", before as i64)
                .unwrap();
            c.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            c.execute_batch(
                "INSERT INTO authorities (id, name, name_key) VALUES (1, 'Leeds City Council', 'leeds city council');
                 INSERT INTO cases (id, title, authority_id, regime, created_at, updated_at)
                   VALUES (3, 'Potholes', 1, 'foia', 'x', 'x');",
            )
            .unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        assert!(s.migrated_backup.is_some());
        assert_eq!(s.case(3).unwrap().unwrap().batch, None);
        assert!(s.batches().unwrap().is_empty());
        let id = s
            .write(|w| {
                w.insert_batch(&crate::domain::Batch {
                    title: "Round".into(),
                    ..Default::default()
                })
            })
            .unwrap();
        assert_eq!(s.batch(id).unwrap().unwrap().title, "Round");
        assert_eq!(s.batch_ids_by_title_prefix("rou").unwrap(), [id]);
        assert!(s.batch_case_files(id).unwrap().is_empty());
    }

    /// The batch's cases read together are the cases read one by one.
    #[test]
    fn a_batch_read_whole_is_its_cases_read_one_by_one() {
        use crate::domain::{BatchRef, Case, CaseFile, Event, EventKind, Question};
        let mut s = Store::open_in_memory().unwrap();
        let ids = s
            .write(|w| {
                let batch = w.insert_batch(&crate::domain::Batch {
                    title: "Round".into(),
                    ..Default::default()
                })?;
                let mut ids = Vec::new();
                for (n, name) in ["Kent", "Bristol", "Leeds"].iter().enumerate() {
                    let file = CaseFile {
                        case: Case {
                            title: "Round".into(),
                            authority: name.to_string(),
                            tags: vec!["roads".into(), format!("t{n}")],
                            batch: Some(BatchRef {
                                id: batch,
                                title: String::new(),
                            }),
                            ..Case::default()
                        },
                        questions: (1..=3)
                            .map(|q| Question {
                                label: format!("Q{q}"),
                                text: format!("question {q}"),
                                ..Question::default()
                            })
                            .collect(),
                        events: vec![Event {
                            id: 0,
                            case_id: 0,
                            kind: EventKind::Sent,
                            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 8).unwrap(),
                            note: Some(name.to_string()),
                            reference: None,
                            window: None,
                            until: None,
                            letter: None,
                        }],
                    };
                    ids.push(w.insert_case_file(&file)?);
                }
                // A case outside the batch is not read with it.
                w.insert_case(&Case {
                    title: "Other".into(),
                    authority: "Kent".into(),
                    ..Case::default()
                })?;
                Ok::<_, crate::store::StoreError>(ids)
            })
            .unwrap();
        let whole = s.batch_case_files(1).unwrap();
        let one_by_one: Vec<CaseFile> = [ids[1], ids[0], ids[2]]
            .iter()
            .map(|id| s.case_file(*id).unwrap().unwrap())
            .collect();
        assert_eq!(whole, one_by_one, "by authority: Bristol, Kent, Leeds");
        assert_eq!(
            whole[0].case.batch.as_ref().map(|b| b.title.as_str()),
            Some("Round")
        );
    }
}
