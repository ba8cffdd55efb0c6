//! `foi export` and `foi import`.

use super::args::{ExportArgs, ImportArgs};
use super::export_out;
use super::json_line;
use crate::casebook::{Casebook, Error, ImportReport, Result, Walked, Watch};
use crate::export::CaseWriter;
use crate::export::csv::CsvWriter;
use crate::export::ics::IcsWriter;
use crate::export::json::JsonWriter;
use crate::export::markdown::MarkdownWriter;
use crate::import::lossy::{LossyUtf8, Trim};
use crate::interchange::AttachmentJson;
use crate::interchange::Document;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Below this many cases a transfer is quick: no bar.
const BAR_FROM: usize = 200;

/// A progress bar on stderr (only when it is a terminal) and a Ctrl-C handler that asks
/// the work to stop between cases, for as long as this lives. A second Ctrl-C ends the
/// process at once (SQLite's journal still undoes a transaction cut short).
struct LongWork {
    bar: Option<indicatif::ProgressBar>,
    stop: Arc<AtomicBool>,
    handlers: Vec<signal_hook::SigId>,
    /// What the bar says once every case is done (saving, writing the file).
    after: &'static str,
    counting: AtomicBool,
}

impl LongWork {
    /// Whether a progress bar is drawn (stderr is a terminal).
    fn shows_bar(&self) -> bool {
        self.bar.is_some()
    }

    /// A spinner until the cases are counted, then `verb` on a bar, then `after`.
    fn start(verb: &'static str, after: &'static str) -> LongWork {
        use std::io::IsTerminal;
        let stop = Arc::new(AtomicBool::new(false));
        let mut handlers = Vec::new();
        let sigint = signal_hook::consts::SIGINT;
        // The order matters: the first handler exits on a second Ctrl-C (the flag is set
        // by then), the second sets the flag on the first.
        if let Ok(id) = signal_hook::flag::register_conditional_shutdown(sigint, 130, stop.clone())
        {
            handlers.push(id);
        }
        if let Ok(id) = signal_hook::flag::register(sigint, stop.clone()) {
            handlers.push(id);
        }
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr(),
            );
            spin(&bar, "reading");
            bar.set_prefix(verb);
            bar
        });
        LongWork {
            bar,
            stop,
            handlers,
            after,
            counting: AtomicBool::new(false),
        }
    }

    fn progress(&self, done: usize, total: usize) {
        use std::sync::atomic::Ordering;
        let Some(bar) = &self.bar else {
            return;
        };
        if total < BAR_FROM {
            return;
        }
        if !self.counting.swap(true, Ordering::Relaxed) {
            bar.disable_steady_tick();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{prefix} [{bar:32}] {pos}/{len} cases, {elapsed} (Ctrl-C stops)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_length(total as u64);
        }
        bar.set_position(done as u64);
        if done == total {
            spin(bar, self.after);
        }
    }
}

/// A spinner saying what is under way, for the parts that are not counted in cases.
fn spin(bar: &indicatif::ProgressBar, msg: &'static str) {
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg}… {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(msg);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
}

impl Drop for LongWork {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        for id in self.handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The message of an export to standard output stopped midway: what was written is
/// there, cut short.
const STDOUT_INTERRUPTED: &str = "interrupted: the export on standard output is incomplete";

/// Write the export case by case as the cases are read: to the file `-o` names (which
/// appears whole at the end, or not at all), else to standard output.
pub fn export(book: &Casebook, a: ExportArgs) -> Result<String> {
    let only = a.case.as_deref().map(|c| book.resolve(c)).transpose()?;
    if let Some(path) = &a.output {
        super::refuse_to_replace(path, a.force)?;
    }
    let format = export_format(&a.format)?;
    let casebook_id = match format {
        ExportFormat::Ics => book.casebook_id()?,
        _ => String::new(),
    };
    let attachments = export_originals(book, a.embed)?;
    let work = LongWork::start("exporting", "writing");
    let progress = |done, total| work.progress(done, total);
    let watch = Watch {
        progress: &progress,
        stop: &work.stop,
    };
    let run = Box::new(
        |out: &mut dyn std::io::Write| -> std::result::Result<(), Failure> {
            let mut w: Box<dyn CaseWriter + '_> = match format {
                ExportFormat::Json => Box::new(JsonWriter::new(out).with_attachments(&attachments)),
                ExportFormat::Csv => Box::new(CsvWriter::new(out)),
                ExportFormat::Markdown => Box::new(MarkdownWriter::new(out, book.today())),
                ExportFormat::Ics => {
                    Box::new(IcsWriter::new(out, &casebook_id, chrono::Utc::now()))
                }
            };
            // The writer's failures are kept aside: the walk's own errors say other things.
            let mut failed = None;
            let mut io = |r: std::io::Result<()>| {
                r.map_err(|e| {
                    failed = Some(e);
                    Error::User(String::new())
                })
            };
            let walked = book.each_view(only, watch, |step| match step {
                Walked::Count(n) => io(w.begin(n)),
                Walked::Case(v) => io(w.case(v)),
            });
            match (walked, failed.take()) {
                (_, Some(e)) => Err(Failure::Write(e)),
                (Err(e), None) => Err(Failure::Walk(e)),
                (Ok(()), None) => w.finish().map_err(Failure::Write),
            }
        },
    );
    match &a.output {
        Some(path) => {
            export_to_file(path, a.force, run)?;
            drop(work);
        }
        None => export_to_stdout(run)?,
    }
    Ok(String::new())
}

fn export_format(name: &str) -> Result<ExportFormat> {
    Ok(match name {
        "json" => ExportFormat::Json,
        "csv" => ExportFormat::Csv,
        "md" | "markdown" => ExportFormat::Markdown,
        "ics" | "ical" => ExportFormat::Ics,
        other => {
            return Err(Error::user(format!(
                "unknown export format '{other}': use json, csv, md or ics"
            )));
        }
    })
}

type ExportRun<'a> = dyn FnOnce(&mut dyn std::io::Write) -> std::result::Result<(), Failure> + 'a;

/// The export into a private file that appears whole, or not at all.
fn export_to_file(path: &Path, force: bool, run: Box<ExportRun<'_>>) -> Result<()> {
    let mut file = export_out::PrivateFile::create(path, force)?;
    match run(file.writer()) {
        Ok(()) => file.keep(),
        Err(Failure::Walk(e)) => Err(e),
        Err(Failure::Write(e)) => Err(export_out::cannot_write(path, &e)),
    }
}

/// The export to standard output: stopped midway, it says the output is incomplete.
fn export_to_stdout(run: Box<ExportRun<'_>>) -> Result<()> {
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let mut out = export_out::stdout(terminal);
    match run(&mut out) {
        Ok(()) => Ok(()),
        Err(Failure::Walk(Error::User(m))) if m == crate::casebook::EXPORT_INTERRUPTED => {
            let _ = out.flush();
            Err(Error::user(STDOUT_INTERRUPTED))
        }
        Err(Failure::Walk(e)) => Err(e),
        // A closed pipe (`foi export | head`) is not an error worth reporting.
        Err(Failure::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(Failure::Write(e)) => Err(Error::user(format!("cannot write the export: {e}"))),
    }
}

/// Each case's originals for a JSON export, by hash (and with their bytes, base64, when
/// `embed`); nothing is read per case when the casebook keeps no originals.
fn export_originals(
    book: &Casebook,
    embed: bool,
) -> Result<impl Fn(i64) -> std::io::Result<Vec<AttachmentJson>> + '_> {
    let any = book.has_originals()?;
    Ok(move |id: i64| {
        if !any {
            return Ok(Vec::new());
        }
        let list = book.originals_of(id).map_err(std::io::Error::other)?;
        list.iter()
            .map(|x| {
                let mut j = AttachmentJson::from_attachment(x);
                if embed {
                    use base64::Engine;
                    let bytes = book.attachment_bytes(x).map_err(std::io::Error::other)?;
                    j.data = Some(base64::engine::general_purpose::STANDARD.encode(bytes));
                }
                Ok(j)
            })
            .collect()
    })
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Json,
    Csv,
    Markdown,
    Ics,
}

/// Why an export stopped: the walk over the cases (interrupted, unreadable casebook) or
/// the writing (disk full, closed pipe).
enum Failure {
    Walk(Error),
    Write(std::io::Error),
}

/// Import an export document, streamed. Its cases are counted (for the bar, when one
/// shows and they are not counted yet) on a thread of their own while it imports: the
/// count is a second pass over the file, about a fifth of the import's time.
pub(super) fn import_json(
    book: &mut Casebook,
    a: &ImportArgs,
    cases: Option<usize>,
    json: bool,
) -> Result<String> {
    let open = || {
        std::fs::File::open(&a.file)
            .map_err(|e| Error::user(format!("cannot read {}: {e}", a.file.display())))
    };
    let work = import_work(a);
    let total = AtomicUsize::new(cases.unwrap_or(0));
    let to_count = match cases {
        None if work.shows_bar() => Some(open()?),
        _ => None,
    };
    let reader = std::io::BufReader::with_capacity(1 << 16, LossyUtf8::new(open()?, Trim::Bom));
    let report = std::thread::scope(|scope| {
        if let Some(file) = to_count {
            scope.spawn(|| {
                // Unreadable here means unreadable for the import too, which says so.
                if let Ok(found) = crate::import::detect(file) {
                    total.store(found.cases, Ordering::Relaxed);
                }
            });
        }
        let progress = |done, _| work.progress(done, total.load(Ordering::Relaxed));
        book.import_json_reader(
            reader,
            &a.file.display().to_string(),
            0,
            a.dry_run,
            Watch {
                progress: &progress,
                stop: &work.stop,
            },
        )
    })?;
    drop(work);
    import_said(&report, a, json)
}

/// The bar and Ctrl-C handler of an import.
fn import_work(a: &ImportArgs) -> LongWork {
    if a.dry_run {
        LongWork::start("checking", "finishing")
    } else {
        LongWork::start("importing", "indexing for search and saving")
    }
}

pub(super) fn import_doc(
    book: &mut Casebook,
    doc: &Document,
    a: &ImportArgs,
    json: bool,
) -> Result<String> {
    let work = import_work(a);
    let progress = |done, total| work.progress(done, total);
    let report = book.import_document_watched(
        doc,
        a.dry_run,
        Watch {
            progress: &progress,
            stop: &work.stop,
        },
    )?;
    drop(work);
    import_said(&report, a, json)
}

/// What an import of cases says it did.
fn import_said(report: &ImportReport, a: &ImportArgs, json: bool) -> Result<String> {
    if json {
        return json_line(report);
    }
    let verb = if a.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    let mut out = format!(
        "{verb} {} from {}",
        crate::present::plural(report.count, "case", "cases"),
        a.file.display()
    );
    if !report.skipped.is_empty() {
        out.push_str(&format!(
            "; skipped {} already in the casebook",
            report.skipped.len()
        ));
    }
    out.push('\n');
    Ok(out)
}

pub fn backup(book: &Casebook, file: &Path) -> Result<String> {
    if file.exists() {
        return Err(Error::user(format!(
            "{} already exists: choose a new file name for the backup",
            file.display()
        )));
    }
    book.backup_to(file)?;
    Ok(format!(
        "Backed up {} to {} ({} cases)\n",
        book.path().display(),
        file.display(),
        book.case_count()?
    ))
}

pub fn restore(book: &mut Casebook, file: &Path, yes: bool) -> Result<String> {
    if !yes {
        return Err(Error::user(format!(
            "this would replace every case in {} with the contents of {}: run again with --yes (the current casebook is kept beside it first)",
            book.path().display(),
            file.display()
        )));
    }
    let kept = book.restore_from(file)?;
    Ok(format!(
        "Restored {} from {} ({} cases). The previous casebook is kept at {}\n",
        book.path().display(),
        file.display(),
        book.case_count()?,
        kept.display()
    ))
}
