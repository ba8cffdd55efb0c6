//! Moving whole cases in and out: the JSON document that `export` writes and `import`
//! reads back. Import is all or nothing: one transaction for the whole file.

use super::questions::check_exemptions;
use super::{Casebook, Error, Result};
use crate::domain::{CaseFile, normalize_ref, text::inert_line};
use crate::export::json::{CaseJson, Document, FORMAT, VERSION};
use crate::store::Reads;

/// What an import did (or, on a dry run, would do).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportReport {
    /// Ids of the cases created (empty on a dry run).
    pub created: Vec<i64>,
    /// How many cases were (or on a dry run would be) created.
    pub count: usize,
    /// Titles of cases skipped because the casebook already has them.
    pub skipped: Vec<String>,
    pub dry_run: bool,
}

/// Parse an export document, with the line and column of any error.
pub fn parse_document(text: &str) -> Result<Document> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        Error::user(format!(
            "not a casebook export: {} at line {}, column {}",
            strip_position(&e.to_string()),
            e.line(),
            e.column()
        ))
    })?;
    if doc.format != FORMAT {
        return Err(Error::user(format!(
            "not a casebook export: \"format\" is \"{}\", expected \"{FORMAT}\"",
            inert_line(&doc.format)
        )));
    }
    if doc.version > VERSION {
        return Err(Error::user(format!(
            "this export is version {} and this foi reads up to version {VERSION}: upgrade foi",
            doc.version
        )));
    }
    Ok(doc)
}

/// serde_json appends " at line L column C"; we say it our way.
fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

/// Check one case of a document the way the forms and the CLI would.
fn checked_file(i: usize, c: &CaseJson) -> Result<CaseFile> {
    let at = |msg: String| {
        Error::user(format!(
            "case {} (\"{}\"): {msg}",
            i + 1,
            inert_line(&c.title)
        ))
    };
    let mut file = c.to_case_file();
    super::cases::validate_case(&file.case).map_err(|e| at(e.to_string()))?;
    for q in &mut file.questions {
        if q.label.trim().is_empty() {
            return Err(at("a question has an empty label".into()));
        }
        q.exemptions = check_exemptions(file.case.regime, q.outcome, &q.exemptions)
            .map_err(|e| at(format!("{}: {e}", q.label)))?;
    }
    Ok(file)
}

/// The casebook already holds this case: same authority and reference, or (without a
/// reference) same authority, title and sent date.
fn is_duplicate(w: &crate::store::Writer<'_>, c: &crate::domain::Case) -> Result<bool> {
    let same_authority =
        |o: &crate::domain::Case| o.authority.eq_ignore_ascii_case(c.authority.trim());
    let candidates = match &c.their_ref {
        Some(r) => w.case_ids_by_ref_key(&normalize_ref(r))?,
        None => w.case_ids_by_title_prefix(&c.title)?,
    };
    for id in candidates {
        if let Some(o) = w.case(id)?
            && same_authority(&o)
            && (c.their_ref.is_some() || (o.title == c.title && o.sent == c.sent))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Casebook {
    /// Import every case of an export document in one transaction. A case whose
    /// authority and reference are already in the casebook is skipped, not duplicated.
    pub fn import_document(&mut self, doc: &Document, dry_run: bool) -> Result<ImportReport> {
        let files: Vec<CaseFile> = doc
            .cases
            .iter()
            .enumerate()
            .map(|(i, c)| checked_file(i, c))
            .collect::<Result<_>>()?;
        let mut report = ImportReport {
            dry_run,
            ..ImportReport::default()
        };
        let created = self.store.write(|w| -> Result<Vec<i64>> {
            let mut ids = Vec::new();
            for f in &files {
                if is_duplicate(w, &f.case)? {
                    report.skipped.push(f.case.title.clone());
                    continue;
                }
                ids.push(w.insert_case_file(f)?);
                report.count += 1;
            }
            if dry_run {
                // Roll back: the closure's error aborts the transaction.
                return Err(Error::User(String::new()));
            }
            Ok(ids)
        });
        match created {
            Ok(ids) => {
                for id in &ids {
                    self.undo.record_created(*id, format!("import case #{id}"));
                }
                report.created = ids;
            }
            Err(Error::User(m)) if dry_run && m.is_empty() => {
                report.created = Vec::new();
            }
            Err(e) => return Err(e),
        }
        Ok(report)
    }

    /// The export document of one case or of all.
    pub fn export_document(&self, only: Option<i64>) -> Result<Document> {
        let views = match only {
            Some(id) => vec![self.view(id)?],
            None => self.all_views()?,
        };
        Ok(Document {
            format: FORMAT.into(),
            version: VERSION,
            cases: views.iter().map(CaseJson::from_view).collect(),
        })
    }
}
