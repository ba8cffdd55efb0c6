//! `foi export` and `foi import`.

use super::args::{ExportArgs, ImportArgs};
use super::export_out;
use super::json_line;
use super::read_import_file;
use crate::casebook::{Casebook, Error, ImportReport, LetterChoices, Result, Walked, Watch};
use crate::domain::dates::long;
use crate::domain::text::inert_line;
use crate::export::CaseWriter;
use crate::export::csv::CsvWriter;
use crate::export::ics::IcsWriter;
use crate::export::json::Document;
use crate::export::json::JsonWriter;
use crate::export::markdown::MarkdownWriter;
use crate::import::lossy::{LossyUtf8, Trim};
use crate::import::wdtk::parse_wdtk;
use crate::import::{Format, Proposal, parse_letter};
use crate::present::{fit, pad};
use std::fmt::Write;
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

    /// Whether a progress bar is drawn (stderr is a terminal).
    fn shows_bar(&self) -> bool {
        self.bar.is_some()
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
    let format = match a.format.as_str() {
        "json" => ExportFormat::Json,
        "csv" => ExportFormat::Csv,
        "md" | "markdown" => ExportFormat::Markdown,
        "ics" | "ical" => ExportFormat::Ics,
        other => {
            return Err(Error::user(format!(
                "unknown export format '{other}': use json, csv, md or ics"
            )));
        }
    };
    let casebook_id = match format {
        ExportFormat::Ics => book.casebook_id()?,
        _ => String::new(),
    };
    let work = LongWork::start("exporting", "writing");
    let progress = |done, total| work.progress(done, total);
    let watch = Watch {
        progress: &progress,
        stop: &work.stop,
    };
    let run = |out: &mut dyn std::io::Write| -> std::result::Result<(), Failure> {
        let mut w: Box<dyn CaseWriter + '_> = match format {
            ExportFormat::Json => Box::new(JsonWriter::new(out)),
            ExportFormat::Csv => Box::new(CsvWriter::new(out)),
            ExportFormat::Markdown => Box::new(MarkdownWriter::new(out, book.today())),
            ExportFormat::Ics => Box::new(IcsWriter::new(out, &casebook_id, chrono::Utc::now())),
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
    };
    match &a.output {
        Some(path) => {
            let mut file = export_out::PrivateFile::create(path, a.force)?;
            match run(file.writer()) {
                Ok(()) => {}
                Err(Failure::Walk(e)) => return Err(e),
                Err(Failure::Write(e)) => return Err(export_out::cannot_write(path, &e)),
            }
            file.keep()?;
            drop(work);
        }
        None => {
            let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
            let mut out = export_out::stdout(terminal);
            match run(&mut out) {
                Ok(()) => {}
                Err(Failure::Walk(Error::User(m))) if m == crate::casebook::EXPORT_INTERRUPTED => {
                    let _ = out.flush();
                    return Err(Error::user(STDOUT_INTERRUPTED));
                }
                Err(Failure::Walk(e)) => return Err(e),
                // A closed pipe (`foi export | head`) is not an error worth reporting.
                Err(Failure::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(Failure::Write(e)) => {
                    return Err(Error::user(format!("cannot write the export: {e}")));
                }
            }
        }
    }
    Ok(String::new())
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

/// Write a file readable by its owner only (exports hold personal data), replacing it
/// whole so a crash never leaves half a file.
/// Unless `replace`, a file that appeared at `path` meanwhile is kept and this fails.
pub(crate) fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    use std::io::Write;
    let fail = |e: std::io::Error| Error::user(format!("cannot write {}: {e}", path.display()));
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    if replace {
        tmp.persist(path).map_err(|e| fail(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    }
    Ok(())
}

pub fn import(book: &mut Casebook, a: ImportArgs, json: bool) -> Result<String> {
    let open = || {
        std::fs::File::open(&a.file)
            .map_err(|e| Error::user(format!("cannot read {}: {e}", a.file.display())))
    };
    let unreadable =
        |e: std::io::Error| Error::user(format!("cannot read {}: {e}", a.file.display()));
    // An export is read as it is parsed, never whole. One that starts as `foi export`
    // writes it is imported at once; any other file is sniffed in one pass, which also
    // counts an export's cases (for the progress bar).
    let (format, cases) = match a.format.as_deref() {
        // The casebook's own export, by its first line: counted while it imports.
        None if crate::import::starts_as_export(open()?).map_err(unreadable)? => {
            (Format::Json, None)
        }
        None => {
            let found = crate::import::detect(open()?).map_err(unreadable)?;
            (found.format, Some(found.cases))
        }
        Some("letter") => (Format::Letter, None),
        Some("json") => (Format::Json, None),
        Some("wdtk") => (Format::Wdtk, None),
        Some(other) => {
            return Err(Error::user(format!(
                "unknown import format '{other}': use letter, json or wdtk"
            )));
        }
    };
    let at = |e: String| Error::user(format!("{}: {e}", a.file.display()));
    if a.batch.is_some() && format != Format::Letter {
        return Err(at(
            "--batch is for a reply letter to a round robin, not for a file of cases".into(),
        ));
    }
    match format {
        Format::Letter => import_letter(book, &a, &read_import_file(&a.file)?, json),
        Format::Json => import_json(book, &a, cases, json),
        Format::Wdtk => {
            let text = read_import_file(&a.file)?;
            let doc = parse_wdtk(&text).map_err(|e| at(format!("WhatDoTheyKnow JSON: {e}")))?;
            import_doc(book, &doc, &a, json)
        }
    }
}

/// Import an export document, streamed. Its cases are counted (for the bar, when one
/// shows and they are not counted yet) on a thread of their own while it imports: the
/// count is a second pass over the file, about a fifth of the import's time.
fn import_json(
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

fn import_doc(book: &mut Casebook, doc: &Document, a: &ImportArgs, json: bool) -> Result<String> {
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
    let mut out = format!("{verb} {} case(s) from {}", report.count, a.file.display());
    if !report.skipped.is_empty() {
        out.push_str(&format!(
            "; skipped {} already in the casebook",
            report.skipped.len()
        ));
    }
    out.push('\n');
    Ok(out)
}

fn import_letter(book: &mut Casebook, a: &ImportArgs, text: &str, json: bool) -> Result<String> {
    let mut proposal = parse_letter(text);
    if let (Some(name), Some(_)) = (&a.authority, &a.batch) {
        // Matched within the batch by this name, whatever the letterhead says.
        proposal.authority = Some(name.clone());
    }
    // A reply to a round robin: the case of the authority the letter names in the batch.
    let in_batch = match &a.batch {
        Some(b) => {
            let batch = book.resolve_batch(b)?;
            Some(book.match_letter_in_batch(batch, &mut proposal)?)
        }
        None => None,
    };
    if a.dry_run {
        return if json {
            json_line(&proposal)
        } else {
            let target = match in_batch {
                Some(id) => Some(id),
                None => book.match_letter(&proposal).ok().flatten(),
            };
            Ok(describe_proposal(&proposal, target, in_batch.is_some()))
        };
    }
    let case = match in_batch {
        Some(id) => Some(id),
        None => a.case.as_deref().map(|c| book.resolve(c)).transpose()?,
    };
    let choices = LetterChoices {
        case,
        title: a.title.clone(),
        authority: a.authority.clone(),
    };
    let saved = book.save_letter(&proposal, text, &choices)?;
    if json {
        return json_line(&saved);
    }
    let mut out = if saved.already_recorded {
        format!("{}\n", saved.already_said())
    } else if saved.created {
        format!(
            "Imported {} as case #{} with {} question(s)\n",
            a.file.display(),
            saved.case,
            saved.questions_added
        )
    } else {
        format!(
            "Added the response to case #{} ({} question(s) updated, {} added)\n",
            saved.case, saved.questions_updated, saved.questions_added
        )
    };
    for w in proposal.warnings.iter().chain(&saved.warnings) {
        out.push_str(&format!("  note: {}\n", inert_line(w)));
    }
    Ok(out)
}

/// A dry run in words: what was found, what was not, and where it would go.
fn describe_proposal(p: &Proposal, target: Option<i64>, in_batch: bool) -> String {
    let or_none = |s: Option<String>| {
        s.map(|s| inert_line(&s).into_owned())
            .unwrap_or_else(|| "— not found".into())
    };
    let mut o = String::new();
    let _ = writeln!(o, "Authority      {}", or_none(p.authority.clone()));
    let _ = writeln!(o, "Their ref      {}", or_none(p.their_ref.clone()));
    let _ = writeln!(
        o,
        "Regime         {}",
        or_none(p.regime.map(|r| r.label().to_string()))
    );
    let _ = writeln!(o, "Letter date    {}", or_none(p.letter_date.map(long)));
    let _ = writeln!(o, "Request date   {}", or_none(p.request_date.map(long)));
    let _ = writeln!(
        o,
        "Review window  {}",
        or_none(p.review_window.map(|w| w.canonical()))
    );
    let _ = writeln!(o, "Questions      {}", p.questions.len());
    for q in &p.questions {
        let sections = if q.exemptions.is_empty() {
            String::new()
        } else {
            format!(" s{}", q.exemptions.join(", s"))
        };
        let _ = writeln!(
            o,
            "  {} {}{sections} — {}",
            pad(&q.label, 12),
            q.outcome,
            fit(&q.text, 50)
        );
    }
    for w in &p.warnings {
        let _ = writeln!(o, "  note: {}", inert_line(w));
    }
    let _ = writeln!(
        o,
        "{}",
        match target {
            Some(id) => format!(
                "Would add the response to case #{id} ({}). Nothing saved (dry run).",
                if in_batch {
                    "its authority's case in the batch"
                } else {
                    "same reference"
                }
            ),
            None => "Would create a new case. Nothing saved (dry run).".into(),
        }
    );
    o
}

pub fn backup(book: &Casebook, file: &Path) -> Result<String> {
    if file.exists() {
        return Err(Error::user(format!(
            "{} already exists: choose a new file name for the backup",
            file.display()
        )));
    }
    book.store().backup_to(file)?;
    Ok(format!(
        "Backed up {} to {} ({} cases)\n",
        book.store().path().display(),
        file.display(),
        book.case_count()?
    ))
}

pub fn restore(book: &mut Casebook, file: &Path, yes: bool) -> Result<String> {
    if !yes {
        return Err(Error::user(format!(
            "this would replace every case in {} with the contents of {}: run again with --yes (the current casebook is kept beside it first)",
            book.store().path().display(),
            file.display()
        )));
    }
    let kept = book.restore_from(file)?;
    Ok(format!(
        "Restored {} from {} ({} cases). The previous casebook is kept at {}\n",
        book.store().path().display(),
        file.display(),
        book.case_count()?,
        kept.display()
    ))
}
