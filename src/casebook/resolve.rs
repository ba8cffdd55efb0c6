//! Finding a case from what the user typed: an id, the authority's reference, or the
//! start of the title.

use super::{Casebook, Error, Result};
use crate::domain::{normalize_ref, text::inert_line};
use crate::store::Reads;

impl Casebook {
    /// Resolve `key` to one case id. Tries, in order: a numeric id, the authority's
    /// reference or one recorded on an event (an ICO or SIC case, a decision notice, an
    /// appeal; case, spaces and punctuation ignored: `Fol 471` finds `FoI 471`), a
    /// unique prefix of the title. Several matches list the candidates.
    pub fn resolve(&self, key: &str) -> Result<i64> {
        let key = key.trim();
        if key.is_empty() {
            return Err(Error::user(
                "no case given: name it by id, by the authority's reference, or by the start of its title",
            ));
        }
        if let Ok(id) = key.trim_start_matches('#').parse::<i64>()
            && self.store.case(id)?.is_some()
        {
            return Ok(id);
        }
        let by_ref = self.store.case_ids_by_any_ref_key(&normalize_ref(key))?;
        let found = if by_ref.is_empty() {
            self.store.case_ids_by_title_prefix(key)?
        } else {
            by_ref
        };
        match found.as_slice() {
            [id] => Ok(*id),
            [] => Err(Error::user(format!(
                "no case matches '{}': try `foi list` to see ids and references",
                inert_line(key)
            ))),
            many => {
                let mut names = Vec::new();
                for id in many.iter().take(8) {
                    if let Some(c) = self.store.case(*id)? {
                        names.push(format!("#{} {}", c.id, inert_line(&c.title)));
                    }
                }
                let more = if many.len() > 8 {
                    format!(" and {} more", many.len() - 8)
                } else {
                    String::new()
                };
                Err(Error::user(format!(
                    "'{}' matches {} cases ({}{more}): use the id",
                    inert_line(key),
                    many.len(),
                    names.join("; ")
                )))
            }
        }
    }
}
