//! Facts about the casebook itself (migration 2's `meta` table).

use super::{Result, Store};
use rusqlite::OptionalExtension;

impl Store {
    /// A random id made when the casebook was created (or upgraded to schema 2), 16 hex
    /// digits. It names this casebook in exported calendar UIDs, so exporting again updates
    /// the same events. A file whose id is missing falls back to a hash of its path.
    pub fn casebook_id(&self) -> Result<String> {
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'casebook_id'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(id
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| format!("{:016x}", fnv1a(self.path.to_string_lossy().as_bytes()))))
    }
}

/// FNV-1a: a stable 64-bit hash (std's hasher is not stable across releases).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
