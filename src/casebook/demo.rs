//! `foi demo`: the example letter's case (an invented 2018 response withholding most of nine
//! questions under section 43), for a first look.

use super::{Casebook, Error, Result};
use crate::domain::normalize_ref;
use crate::interchange::Document;
use crate::store::Reads;

const DEMO_JSON: &str = include_str!("../../assets/demo/seed-case.json");
const DEMO_LETTER: &str = include_str!("../../assets/demo/seed-letter.txt");
/// In the demo JSON, a letter given as this names the attached seed letter.
const LETTER_PLACEHOLDER: &str = "@seed-letter.txt";

impl Casebook {
    /// Load the example case. Returns its id and whether it was new; running it again
    /// finds the existing case instead of adding a second.
    pub fn load_demo(&mut self) -> Result<(i64, bool)> {
        let doc: Document = serde_json::from_str(DEMO_JSON)
            .map_err(|e| Error::user(format!("the built-in demo data is unreadable: {e}")))?;
        let Some(case) = doc.cases.first() else {
            return Err(Error::user("the built-in demo data holds no case"));
        };
        let mut file = case.to_case_file();
        for e in &mut file.events {
            if e.letter.as_deref() == Some(LETTER_PLACEHOLDER) {
                e.letter = Some(DEMO_LETTER.to_string());
            }
        }
        if let Some(r) = &file.case.their_ref {
            for id in self.store.case_ids_by_ref_key(&normalize_ref(r))? {
                if let Some(existing) = self.store.case(id)?
                    && existing
                        .authority
                        .eq_ignore_ascii_case(&file.case.authority)
                {
                    return Ok((id, false));
                }
            }
        }
        let id = self
            .store
            .write(|w| w.insert_case_file(&file).map_err(Error::from))?;
        self.undo.record_created(id, "load the example case".into());
        Ok((id, true))
    }
}
