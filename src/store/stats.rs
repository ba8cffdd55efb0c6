//! Queries behind `foi stats`: the authorities and how many cases each has. The figures
//! that need clocks are computed from the case views by `casebook::stats`.

use super::{Result, Store};

/// One authority of the casebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorityRow {
    pub id: i64,
    pub name: String,
    pub cases: i64,
}

impl Store {
    /// Every authority with at least one case, by name.
    pub fn authorities(&self) -> Result<Vec<AuthorityRow>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.name, count(c.id) FROM authorities a \
                 JOIN cases c ON c.authority_id = a.id \
                 GROUP BY a.id ORDER BY a.name_key, a.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(AuthorityRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    cases: r.get(2)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
