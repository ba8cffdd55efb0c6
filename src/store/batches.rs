//! Round robins: the `batches` table and the cases that name a batch.

use super::reads::Reads;
use super::rows::{date_text, parse_date};
use super::{Result, Writer};
use crate::domain::Batch;
use rusqlite::{OptionalExtension, Row, params};

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

    /// The batch's cases, by authority name (then id).
    fn batch_case_ids(&self, batch_id: i64) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT c.id FROM cases c JOIN authorities a ON a.id = c.authority_id \
                 WHERE c.batch_id = ?1 ORDER BY a.name_key, c.id",
            )
            .map_err(|e| self.sql_err(e))?;
        let ids = st
            .query_map([batch_id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(ids)
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
        assert!(s.batch_case_ids(id).unwrap().is_empty());
    }
}
