//! `foi`: parse the command line, open the casebook, run the TUI or one command.
//! Errors end here as one line on stderr: exit 1 for the user's mistakes, 2 for faults.

use clap::Parser;
use foi_casebook::casebook::{Casebook, Error};
use foi_casebook::cli::{self, Cli};
use foi_casebook::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: loading 100,000 cases makes about a
/// million small allocations on several threads, where glibc's malloc spent a fifth of
/// the time (BENCHMARKS.md: the light load 155 ms -> 126 ms).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    use foi_casebook::import::intake::pdf;
    // The PDF reader's own process (see `pdf`): a hostile PDF's panic or hang ends here.
    if std::env::args_os().nth(1).as_deref() == Some(std::ffi::OsStr::new(pdf::HELPER_COMMAND)) {
        return ExitCode::from(pdf::helper_main() as u8);
    }
    if let Ok(me) = std::env::current_exe() {
        pdf::use_helper(me);
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("foi: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
        // The panic hook has already restored the terminal and said what happened.
        Err(_) => ExitCode::from(2),
    }
}

/// Clap's own help and version go to stdout with status 0; a usage mistake is a user
/// error: one line and status 1.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let rendered = e.render().to_string();
            // The first paragraph says what is wrong; the rest is usage, which --help gives.
            let first: Vec<&str> = rendered
                .lines()
                .skip_while(|l| l.trim().is_empty())
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            let msg = first.join(" ");
            let msg = msg.trim_start_matches("error: ");
            eprintln!("foi: {msg} (see foi --help)");
            ExitCode::from(1)
        }
    }
}

/// A panic is our bug, never the user's: say so briefly, reassure about the data, and
/// keep the details (with a backtrace) in a log file rather than on the screen.
fn install_panic_report(db: &Path) {
    let db = db.to_path_buf();
    let log: Option<PathBuf> = db.parent().map(|d| d.join("foi-crash.log"));
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let mut written = None;
        if let Some(log) = &log
            && let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(log)
        {
            let bt = std::backtrace::Backtrace::force_capture();
            let _ = writeln!(
                f,
                "--- {} foi {} ---\npanic: {what}\nat: {place}\ndatabase: {}\n{bt}\n",
                chrono::Utc::now().to_rfc3339(),
                env!("CARGO_PKG_VERSION"),
                db.display()
            );
            written = Some(log.display().to_string());
        }
        eprintln!(
            "foi: internal error ({what} at {place}). This is a bug in foi, not something you did. \
             Your casebook {} is safe: every change that was saved is still there.{}",
            db.display(),
            written
                .map(|l| format!(" Details: {l}"))
                .unwrap_or_default()
        );
    }));
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let local = chrono::Local::now().date_naive();
    let today = cli::resolve_today(cli.today.as_deref(), local)?;
    let db = cli::resolve_db(cli.db.as_deref())?;
    install_panic_report(&db);
    #[cfg(feature = "test-hooks")]
    foi_casebook::test_hooks::panic_if_asked("cli");
    // A command that only reads never creates the casebook.
    if cli.command.as_ref().is_some_and(cli::only_reads)
        && !db.exists()
        && let Some(cmd) = cli.command
    {
        let alarm = cli::output_is_an_alarm(&cmd);
        return print(&cli::without_casebook(cmd, &db, cli.db.is_some())?, alarm);
    }
    let store = match Store::open(&db) {
        Ok(s) => s,
        Err(e) => {
            let e = Error::from(e);
            // The terminal UI says it on a screen of its own first; the line on stderr
            // follows once the terminal is restored.
            if cli.command.is_none() {
                foi_casebook::tui::fault::show(&e, &db);
            }
            return Err(e);
        }
    };
    if let Some(b) = &store.migrated_backup {
        eprintln!(
            "foi: upgraded the casebook; the old version is kept at {}",
            b.display()
        );
    }
    #[cfg(feature = "test-hooks")]
    foi_casebook::test_hooks::limit_pages_from_env(&store)?;
    let mut book = Casebook::new(store, today);
    book.set_file_holidays(cli::file_holidays()?)?;
    let Some(cmd) = cli.command else {
        let pinned = cli.today.as_deref().is_some_and(|t| !t.trim().is_empty());
        return foi_casebook::tui::run(book, pinned).map(|()| ExitCode::SUCCESS);
    };
    let alarm = cli::output_is_an_alarm(&cmd);
    print(&cli::run(cmd, &mut book, cli.json)?, alarm)
}

/// A command's output to stdout; exit status 1 when it is an `alarm` that said something
/// (`due --check`).
fn print(out: &str, alarm: bool) -> Result<ExitCode, Error> {
    let mut stdout = std::io::stdout().lock();
    let out = cli::for_stdout(out, std::io::IsTerminal::is_terminal(&stdout));
    // A closed pipe (`foi list | head`) is not an error worth reporting.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
    Ok(if alarm && !out.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
