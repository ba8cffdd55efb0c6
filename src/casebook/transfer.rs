//! Moving whole cases in and out: the JSON document that `export` writes and `import`
//! reads back. Import is all or nothing: one transaction for the whole file.
//!
//! Long transfers report how far they have got and can be stopped between cases through
//! a [`Watch`]: the command line draws a progress bar from it and sets its flag on
//! Ctrl-C; a stopped import rolls its transaction back whole.

use super::questions::check_exemptions;
use super::{Casebook, Error, Result};
use crate::domain::{CaseFile, normalize_ref, text::inert_line};
use crate::interchange::{CaseJson, Document, FORMAT, VERSION};
use crate::store::Reads;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a long transfer tells as it goes and the flag that stops it.
#[derive(Clone, Copy)]
pub struct Watch<'a> {
    /// Called with (cases done, cases in all) after each case.
    pub progress: &'a (dyn Fn(usize, usize) + Sync),
    /// Set (by a Ctrl-C handler, say) to stop at the next case.
    pub stop: &'a AtomicBool,
}

static NEVER: AtomicBool = AtomicBool::new(false);

impl Watch<'static> {
    /// Nobody watching: no progress, never stopped.
    pub fn none() -> Watch<'static> {
        Watch {
            progress: &|_, _| {},
            stop: &NEVER,
        }
    }
}

impl Watch<'_> {
    pub(super) fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// The message of an import stopped by its [`Watch`]: nothing of it was saved.
pub const IMPORT_INTERRUPTED: &str = "interrupted: nothing was imported";
/// The message of an export stopped by its [`Watch`]: no file was written.
pub const EXPORT_INTERRUPTED: &str = "interrupted: nothing was exported";

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
    let doc: Document = serde_json::from_str(text).map_err(|e| Error::user(document_error(&e)))?;
    check_header(&doc.format, doc.version)?;
    Ok(doc)
}

/// A JSON error in an export document, with its line and column.
pub(super) fn document_error(e: &serde_json::Error) -> String {
    format!(
        "not a casebook export: {} at line {}, column {}",
        strip_position(&e.to_string()),
        e.line(),
        e.column()
    )
}

/// A document of another program, or of a newer foi, is refused.
pub(super) fn check_header(format: &str, version: i64) -> Result<()> {
    if format != FORMAT {
        return Err(Error::user(format!(
            "not a casebook export: \"format\" is \"{}\", expected \"{FORMAT}\"",
            inert_line(format)
        )));
    }
    if version > VERSION {
        return Err(Error::user(format!(
            "this export is version {version} and this foi reads up to version {VERSION}: upgrade foi"
        )));
    }
    Ok(())
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
        // Exactly this title and date: one look-up in their index, not a scan of every title
        // (which made importing 100,000 cases quadratic).
        None => w.case_ids_by_sent_and_title(c.sent, &c.title)?,
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

/// An import under way: each case is checked and saved (or skipped as a duplicate) by
/// [`Importing::add`] inside the import's transaction.
pub(super) struct Importing<'w, 'r> {
    pub w: &'r crate::store::Writer<'w>,
    pub report: &'r mut ImportReport,
    pub watch: Watch<'r>,
    /// How many cases the document holds (0 when not known).
    pub total: usize,
    pub done: usize,
    /// The document's batch ids, each mapped to the batch made for it here (made when
    /// its first case is saved, so a batch whose cases are all skipped is not made).
    batches: std::collections::HashMap<i64, i64>,
}

impl<'w, 'r> Importing<'w, 'r> {
    /// An import of a document of `total` cases (0: not known) about to start.
    pub fn new(
        w: &'r crate::store::Writer<'w>,
        report: &'r mut ImportReport,
        watch: Watch<'r>,
        total: usize,
    ) -> Self {
        Importing {
            w,
            report,
            watch,
            total,
            done: 0,
            batches: std::collections::HashMap::new(),
        }
    }

    /// Check and save one case of the document. An error (a bad case, the watch's flag,
    /// the database) must abort the transaction.
    pub fn add(&mut self, c: &CaseJson) -> Result<()> {
        if self.watch.stopped() {
            return Err(Error::user(IMPORT_INTERRUPTED));
        }
        let mut f = checked_file(self.done, c)?;
        if is_duplicate(self.w, &f.case)? {
            self.report.skipped.push(f.case.title);
        } else {
            if let Some(b) = &c.batch {
                f.case.batch = Some(self.batch_here(b, &f.case)?);
            }
            let id = self.w.insert_case_file(&f)?;
            restore_attachments(self.w, id, c)?;
            self.report.created.push(id);
            self.report.count += 1;
        }
        self.done += 1;
        (self.watch.progress)(self.done, self.total);
        Ok(())
    }
}

impl Importing<'_, '_> {
    /// The batch of this casebook standing for the document's batch `b` (made now
    /// with the title the document gives and the first case's regime and sent date).
    fn batch_here(
        &mut self,
        b: &crate::domain::BatchRef,
        first: &crate::domain::Case,
    ) -> Result<crate::domain::BatchRef> {
        let title = match b.title.trim() {
            "" => format!("Batch {} (imported)", b.id),
            t => t.to_string(),
        };
        let id = match self.batches.get(&b.id) {
            Some(id) => *id,
            None => {
                let id = self.w.insert_batch(&crate::domain::Batch {
                    title: title.clone(),
                    regime: first.regime,
                    sent: first.sent,
                    ..Default::default()
                })?;
                self.batches.insert(b.id, id);
                id
            }
        };
        Ok(crate::domain::BatchRef { id, title })
    }
}

/// The originals an export lists for a case: those whose bytes it carries (`--embed`)
/// are stored, checked against their hash; those listed by hash alone are linked when
/// this casebook already holds the content, and otherwise left out.
fn restore_attachments(w: &crate::store::Writer<'_>, case_id: i64, c: &CaseJson) -> Result<()> {
    use crate::store::{AttachmentReads, NewAttachment};
    use base64::Engine;
    let Some(list) = &c.attachments else {
        return Ok(());
    };
    let new_ids = w.event_ids(case_id)?;
    let event = |old: Option<i64>| {
        let i = c
            .events
            .iter()
            .position(|e| e.id.is_some() && e.id == old)?;
        new_ids.get(i).copied()
    };
    for a in list {
        match &a.data {
            Some(data) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(data.trim())
                    .map_err(|_| {
                        Error::user(format!(
                            "case '{}': the original {} is not base64",
                            c.title, a.name
                        ))
                    })?;
                if crate::domain::attachment::sha256_hex(&bytes) != a.sha256 {
                    return Err(Error::user(format!(
                        "case '{}': the original {} does not match its SHA-256",
                        c.title, a.name
                    )));
                }
                w.put_blob(&a.sha256, &bytes)?;
            }
            None if w.blob_exists(&a.sha256)? => {}
            None => continue,
        }
        w.insert_attachment(&NewAttachment {
            case_id,
            event_id: event(a.event),
            name: &crate::domain::attachment::safe_file_name(&a.name),
            media_type: &a.media_type,
            sha256: &a.sha256,
            message_id: None,
        })?;
    }
    Ok(())
}

impl Casebook {
    /// Import every case of an export document in one transaction. A case whose
    /// authority and reference are already in the casebook is skipped, not duplicated.
    pub fn import_document(&mut self, doc: &Document, dry_run: bool) -> Result<ImportReport> {
        self.import_document_watched(doc, dry_run, Watch::none())
    }

    /// [`Casebook::import_document`], reporting each case to `watch` and stopping when its
    /// flag is set: the transaction is then rolled back whole and the error says
    /// [`IMPORT_INTERRUPTED`].
    pub fn import_document_watched(
        &mut self,
        doc: &Document,
        dry_run: bool,
        watch: Watch<'_>,
    ) -> Result<ImportReport> {
        self.import_with(dry_run, |w, report| {
            let mut run = Importing::new(w, report, watch, doc.cases.len());
            doc.cases.iter().try_for_each(|c| run.add(c))
        })
    }

    /// Run `import` (which adds cases through [`Importing`]) in one transaction: kept
    /// whole, or on a dry run or any error rolled back whole.
    pub(super) fn import_with(
        &mut self,
        dry_run: bool,
        import: impl FnOnce(&crate::store::Writer<'_>, &mut ImportReport) -> Result<()>,
    ) -> Result<ImportReport> {
        let mut report = ImportReport {
            dry_run,
            ..ImportReport::default()
        };
        let done = self.store.write_bulk(|w| -> Result<()> {
            import(w, &mut report)?;
            if dry_run {
                // Roll back: the closure's error aborts the transaction.
                return Err(Error::User(String::new()));
            }
            Ok(())
        });
        match done {
            Ok(()) => {
                for id in &report.created {
                    self.undo.record_created(*id, format!("import case #{id}"));
                }
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
        self.export_document_watched(only, Watch::none())
    }

    /// [`Casebook::export_document`], reporting each case to `watch` and stopping (with
    /// [`EXPORT_INTERRUPTED`]) when its flag is set.
    pub fn export_document_watched(&self, only: Option<i64>, watch: Watch<'_>) -> Result<Document> {
        let views = self.export_views_watched(only, watch)?;
        Ok(Document {
            format: FORMAT.into(),
            version: VERSION,
            cases: views
                .iter()
                .map(|v| CaseJson::from_case(&v.file, v.status, v.overall, &v.clocks))
                .collect(),
        })
    }

    /// [`Casebook::export_views`], reporting each case to `watch` as its clocks are worked
    /// out and stopping (with [`EXPORT_INTERRUPTED`]) when its flag is set.
    pub fn export_views_watched(
        &self,
        only: Option<i64>,
        watch: Watch<'_>,
    ) -> Result<Vec<crate::casebook::CaseView>> {
        if let Some(id) = only {
            let v = self.view(id)?;
            (watch.progress)(1, 1);
            return Ok(vec![v]);
        }
        if watch.stopped() {
            return Err(Error::user(EXPORT_INTERRUPTED));
        }
        let files = self.store.all_case_files()?;
        let total = files.len();
        let mut views = Vec::with_capacity(total);
        for (i, f) in files.into_iter().enumerate() {
            if watch.stopped() {
                return Err(Error::user(EXPORT_INTERRUPTED));
            }
            views.push(crate::casebook::CaseView::build(
                f,
                self.today,
                self.calendar(),
            ));
            (watch.progress)(i + 1, total);
        }
        Ok(views)
    }
}

#[cfg(test)]
mod tests {
    use super::{IMPORT_INTERRUPTED, Watch};
    use crate::casebook::{Casebook, Error};
    use crate::interchange::{Document, FORMAT, VERSION};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};

    fn book() -> Casebook {
        crate::casebook::test_book()
    }

    /// Three distinct cases, as `export` would write them.
    fn document() -> Document {
        let mut cases = Vec::new();
        for i in 0..3 {
            let mut c: crate::interchange::CaseJson = serde_json::from_value(serde_json::json!({
                "title": format!("Request {i}"),
                "authority": "Leeds City Council",
                "their_ref": format!("FOI-{i}"),
                "sent": "2024-01-10",
            }))
            .expect("case json");
            c.id = None;
            cases.push(c);
        }
        Document {
            format: FORMAT.into(),
            version: VERSION,
            cases,
        }
    }

    #[test]
    fn an_import_stopped_midway_saves_nothing_and_says_so() {
        let mut book = book();
        let stop = AtomicBool::new(false);
        let seen = Mutex::new(Vec::new());
        // Ctrl-C arrives while the second case is being saved.
        let progress = |done: usize, total: usize| {
            if let Ok(mut s) = seen.lock() {
                s.push((done, total));
            }
            if done == 2 {
                stop.store(true, Ordering::Relaxed);
            }
        };
        let watch = Watch {
            progress: &progress,
            stop: &stop,
        };
        match book.import_document_watched(&document(), false, watch) {
            Err(Error::User(m)) => assert_eq!(m, IMPORT_INTERRUPTED),
            other => panic!("expected the interruption, got {other:?}"),
        }
        assert_eq!(
            book.case_count().ok(),
            Some(0),
            "the transaction was rolled back"
        );
        assert_eq!(
            seen.lock().map(|s| s.clone()).ok(),
            Some(vec![(1, 3), (2, 3)])
        );
        // Not stopped, the same document imports whole, reporting every case.
        let seen = Mutex::new(Vec::new());
        let progress = |done: usize, total: usize| {
            if let Ok(mut s) = seen.lock() {
                s.push((done, total));
            }
        };
        let never = AtomicBool::new(false);
        let report = book
            .import_document_watched(
                &document(),
                false,
                Watch {
                    progress: &progress,
                    stop: &never,
                },
            )
            .expect("imported");
        assert_eq!(report.count, 3);
        assert_eq!(book.case_count().ok(), Some(3));
        assert_eq!(seen.lock().map(|s| s.len()).ok(), Some(3));
    }

    #[test]
    fn an_export_stopped_midway_returns_the_interruption() {
        let mut book = book();
        book.import_document(&document(), false).expect("imported");
        let stop = AtomicBool::new(true);
        let watch = Watch {
            progress: &|_, _| {},
            stop: &stop,
        };
        match book.export_document_watched(None, watch) {
            Err(Error::User(m)) => assert_eq!(m, super::EXPORT_INTERRUPTED),
            other => panic!(
                "expected the interruption, got {:?}",
                other.map(|d| d.cases.len())
            ),
        }
        assert_eq!(
            book.export_document_watched(None, Watch::none())
                .map(|d| d.cases.len())
                .ok(),
            Some(3)
        );
    }
}
