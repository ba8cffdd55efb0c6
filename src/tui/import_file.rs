//! `i` on a JSON export or a WhatDoTheyKnow file: counted by a dry run, then imported
//! once the user says yes, both with a gauge and Esc to stop (see [`super::progress`]).

use super::action::Action;
use super::effect::{Ctx, Effect, Tone, Work};
use super::import::ImportReview;
use super::progress::Progress;
use super::prompt::shown;
use crate::casebook::{Casebook, Error, ImportReport, IntakeReport, Watch};
use crate::import::intake::{self, MailboxSource, ReadError, Thread};
use crate::import::lossy::{LossyUtf8, Trim};
use crate::import::wdtk::parse_wdtk;
use crate::interchange::Document;
use crate::present::{fit, plural};
use std::path::Path;

/// A JSON export or a WhatDoTheyKnow file, counted and waiting for a yes.
pub struct FileImport {
    pub name: String,
    /// "a foi export" / "a WhatDoTheyKnow".
    pub kind: &'static str,
    pub source: Source,
    /// The dry run's count.
    pub report: ImportReport,
}

/// A file read for `i`: a letter to review, or cases to count and confirm.
pub enum Opened {
    Letter(Box<ImportReview>),
    File(Box<FileImport>),
}

/// Where the cases of a [`FileImport`] come from.
pub enum Source {
    /// The casebook's own export, read again from the file case by case when imported
    /// (an export of 100,000 cases is half a gigabyte of JSON: never held whole).
    Export {
        path: std::path::PathBuf,
        cases: usize,
    },
    /// A WhatDoTheyKnow file, small enough to hold.
    Document(Document),
    /// An mbox file or a Maildir folder.
    Mailbox(Box<MailboxSource>),
    /// A WhatDoTheyKnow download zip.
    Thread(Box<Thread>),
}

impl FileImport {
    /// A mailbox or a download: its report counts messages, not cases, as skipped.
    pub fn holds_messages(&self) -> bool {
        matches!(self.source, Source::Mailbox(_) | Source::Thread(_))
    }

    /// `source` read through a dry run (the same transaction as the import, rolled back),
    /// waiting for a yes.
    pub fn counted(
        book: &mut Casebook,
        name: String,
        source: Source,
        progress: &Progress<'_>,
    ) -> Result<FileImport, Error> {
        let report = run(book, &name, &source, true, progress)?;
        let kind = match source {
            Source::Export { .. } => "a foi export",
            Source::Document(_) => "a WhatDoTheyKnow",
            Source::Mailbox(_) => "a mailbox",
            Source::Thread(_) => "a WhatDoTheyKnow download",
        };
        Ok(FileImport {
            name,
            kind,
            source,
            report,
        })
    }
}

/// Import (or, as a `dry_run`, count) the cases of `source`, reporting to `progress`.
fn run(
    book: &mut Casebook,
    name: &str,
    source: &Source,
    dry_run: bool,
    progress: &Progress<'_>,
) -> Result<ImportReport, Error> {
    let title = format!(
        "{} {}",
        if dry_run { "Checking" } else { "Importing" },
        fit(name, 40)
    );
    let if_stopped = "all or nothing, nothing is saved";
    let report = |done, total| progress.report(&title, if_stopped, done, total);
    let watch = Watch {
        progress: &report,
        stop: &progress.stop,
    };
    match source {
        Source::Export { path, cases } => {
            let file = std::fs::File::open(path)
                .map_err(|e| Error::user(format!("cannot read {}: {e}", shown(path))))?;
            let reader =
                std::io::BufReader::with_capacity(1 << 16, LossyUtf8::new(file, Trim::Bom));
            book.import_json_reader(reader, name, *cases, dry_run, watch)
        }
        Source::Document(doc) => book.import_document_watched(doc, dry_run, watch),
        Source::Mailbox(mb) => book.import_mailbox(mb, dry_run).map(as_report),
        Source::Thread(t) => book.import_thread(t, dry_run).map(as_report),
    }
}

/// A mailbox's or download's report in the shape the confirmation shows: the cases it
/// touches; what it skips (imported before, or not FOI correspondence).
fn as_report(r: IntakeReport) -> ImportReport {
    let mut skipped: Vec<String> = r
        .skipped
        .iter()
        .map(|s| format!("message {}: {}", s.message, s.reason))
        .collect();
    skipped.extend((0..r.already_imported).map(|_| "imported before".to_string()));
    ImportReport {
        created: r
            .cases
            .iter()
            .filter(|c| c.created)
            .filter_map(|c| c.id)
            .collect(),
        count: r.cases.len(),
        skipped,
        dry_run: r.dry_run,
    }
}

/// Read the file `i` names through the one import entry point (the same size limit
/// and sniffing as `foi import`), and go on by what it is.
pub fn read(
    book: &mut Casebook,
    path: &Path,
    name: &str,
    progress: &Progress<'_>,
) -> Result<Opened, Error> {
    if path.is_dir() && !crate::import::intake::mailbox::is_maildir(path) {
        return Err(Error::user(format!(
            "{} is a folder: Tab lists what is in it",
            shown(path)
        )));
    }
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let source = match intake::open(path, None) {
        Ok(s) => s,
        Err(ReadError::Io(e)) => {
            return Err(Error::user(format!("cannot open {}: {e}", shown(path))));
        }
        Err(e) => return Err(Error::user(format!("{}: {e}", shown(path)))),
    };
    let counted = |book: &mut Casebook, source| -> Result<Opened, Error> {
        Ok(Opened::File(Box::new(FileImport::counted(
            book,
            base.clone(),
            source,
            progress,
        )?)))
    };
    match source {
        intake::Source::Export { cases } => {
            // The confirmation says how many cases: count them now if the sniff did not.
            let cases = match cases {
                Some(n) => n,
                None => {
                    std::fs::File::open(path)
                        .and_then(crate::import::detect)
                        .map_err(|e| Error::user(format!("cannot read {}: {e}", shown(path))))?
                        .cases
                }
            };
            counted(
                book,
                Source::Export {
                    path: path.to_path_buf(),
                    cases,
                },
            )
        }
        intake::Source::WdtkJson(text) => {
            let doc =
                parse_wdtk(&text).map_err(|e| Error::user(format!("WhatDoTheyKnow JSON: {e}")))?;
            counted(book, Source::Document(doc))
        }
        intake::Source::Mailbox(mb) => counted(book, Source::Mailbox(mb)),
        intake::Source::Thread(t) => counted(book, Source::Thread(t)),
        intake::Source::Letter(l) => {
            let l = *l;
            let mut review = ImportReview::new(book, base.clone(), l.text, l.proposal);
            review.originals = l.originals;
            review.message_id = l.message_id;
            Ok(Opened::Letter(Box::new(review)))
        }
    }
}

impl FileImport {
    /// Keys while a JSON or WhatDoTheyKnow import waits for a yes.
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        match action {
            Action::Yes if self.report.count == 0 => {
                ctx.emit(Effect::Close);
                ctx.say(Tone::Info, "Nothing imported: every case is already here");
            }
            Action::Yes => ctx.emit(Effect::Busy(
                format!(
                    "Importing {} from {}…",
                    plural(self.report.count, "case", "cases"),
                    fit(&self.name, 50)
                ),
                Work::ImportFile,
            )),
            Action::No => {
                ctx.emit(Effect::Close);
                ctx.say(Tone::Info, "Cancelled: nothing imported");
            }
            _ => {}
        }
    }

    /// Import the confirmed file (the work after the "Importing…" frame).
    pub fn import(&self, ctx: &mut Ctx<'_>, progress: &Progress<'_>) {
        let report = match run(ctx.book, &self.name, &self.source, false, progress) {
            Ok(report) => report,
            Err(e) => return ctx.say_error(&e),
        };
        ctx.emit(Effect::Refresh);
        if let Some(&first) = report.created.first() {
            ctx.emit(Effect::ShowCase(first));
        }
        let verb = if self.holds_messages() {
            "Imported messages into"
        } else {
            "Imported"
        };
        let mut m = format!(
            "{verb} {} from {}",
            plural(report.count, "case", "cases"),
            fit(&self.name, 50)
        );
        if !report.skipped.is_empty() && self.holds_messages() {
            let n = plural(report.skipped.len(), "message", "messages");
            m.push_str(&format!("; {n} skipped"));
        } else if !report.skipped.is_empty() {
            m.push_str(&format!("; {} already here, skipped", report.skipped.len()));
        }
        if report.count == 1 {
            m.push_str(" (u undoes)");
        }
        ctx.say(Tone::Done, m);
    }
}
