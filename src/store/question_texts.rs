//! Every question read once, in case order, for what the case list adds after its first
//! frame: each case's question words for the filter, and its outcomes.

use super::decode::{bytes, outcome};
use super::reads::Reads;
use super::{Result, Store};
use crate::domain::Outcome;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

impl Store {
    /// For each case of `ids` (ascending), in that order: its questions' labels and
    /// texts as the list's filter searches them (see [`QuestionHay`]) and their outcomes
    /// in question order, passed to `f` with the case's place in `ids`. A case without
    /// questions gets an empty text and no outcomes. Slow-ish (every question's text),
    /// so the TUI reads it after its first frame, on another thread, through
    /// [`Store::open_reader`]. Setting `stop` ends the reading early: then `false`.
    pub fn for_each_question_digest(
        &self,
        ids: &[i64],
        stop: &std::sync::atomic::AtomicBool,
        mut f: impl FnMut(usize, &str, &[Outcome]),
    ) -> Result<bool> {
        let err = |e| self.sql_err(e);
        let mut st = self
            .conn
            .prepare(
                "SELECT case_id, label, text, outcome FROM questions \
                 ORDER BY case_id, position, id",
            )
            .map_err(err)?;
        let mut q = st.query([]).map_err(err)?;
        let mut hay = QuestionHay::default();
        let mut outcomes = Vec::new();
        // `ids[next]` is the next case to hand out: every one is, in order.
        let mut next = 0;
        // Hand out the case `id` just read (if it is one of `ids`), after the cases
        // before it, which have no questions.
        let mut done = |id: Option<i64>, hay: &str, outcomes: &[Outcome]| {
            while let Some(&want) = ids.get(next) {
                match id {
                    Some(id) if want > id => break,
                    Some(id) if want == id => f(next, hay, outcomes),
                    _ => f(next, "", &[]),
                }
                next += 1;
            }
        };
        let mut current = None;
        let mut read = 0u32;
        while let Some(r) = q.next().map_err(err)? {
            read = read.wrapping_add(1);
            if read.is_multiple_of(4096) && stop.load(std::sync::atomic::Ordering::Relaxed) {
                return Ok(false);
            }
            let id: i64 = r.get(0).map_err(err)?;
            if current != Some(id) {
                if current.is_some() {
                    done(current, &hay.finish(), &outcomes);
                    outcomes.clear();
                }
                current = Some(id);
            }
            for col in [1, 2] {
                let v = r.get_ref(col).map_err(err)?;
                if let Ok(s) = v.as_str() {
                    hay.push(s);
                }
            }
            outcomes.push(outcome(bytes(r, 3).map_err(err)?));
        }
        if current.is_some() {
            done(current, &hay.finish(), &outcomes);
        }
        // The cases after the last with questions.
        done(None, "", &[]);
        Ok(true)
    }
}

/// A case's question labels and texts as the list's filter searches them: their distinct
/// words (runs without white space), in lower case, one per line, in order of first use.
///
/// A typed word holds no white space, so it occurs in the texts exactly when it occurs in
/// one of their words: keeping each word once finds the same cases as searching the
/// whole texts, in a fraction of the bytes (questions of one request repeat their words;
/// at 100,000 generated cases, 13 MB instead of 68 MB, searched on every keystroke).
#[derive(Default)]
pub struct QuestionHay {
    lower: String,
}

impl QuestionHay {
    /// Add one label or text.
    pub fn push(&mut self, text: &str) {
        if text.is_ascii() {
            self.lower
                .extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.lower.push_str(&text.to_lowercase());
        }
        self.lower.push('\n');
    }

    /// The haystack of what was added since the last call.
    pub fn finish(&mut self) -> String {
        let mut seen: HashSet<&str, BuildHasherDefault<Fnv>> =
            HashSet::with_capacity_and_hasher(64, BuildHasherDefault::default());
        let mut out = String::new();
        for word in self.lower.split_whitespace() {
            if seen.insert(word) {
                out.push_str(word);
                out.push('\n');
            }
        }
        self.lower.clear();
        out.shrink_to_fit();
        out
    }
}

/// FNV-1a for short keys (the words of one case): faster than SipHash, and nothing here
/// comes from an adversary who could choose colliding words to slow a hash set down
/// beyond one case's own questions.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
