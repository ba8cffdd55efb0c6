//! `foi`: parse the command line, open the casebook, run the TUI or one command.
//! Errors end here as one line on stderr: exit 1 for the user's mistakes, 2 for faults.

use clap::Parser;
use foi_casebook::casebook::{Casebook, Error};
use foi_casebook::cli::{self, Cli};
use foi_casebook::store::Store;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("foi: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
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

fn run(cli: Cli) -> Result<(), Error> {
    let local = chrono::Local::now().date_naive();
    let today = cli::resolve_today(cli.today.as_deref(), local)?;
    let db = cli::resolve_db(cli.db.as_deref())?;
    let store = Store::open(&db)?;
    if let Some(b) = &store.migrated_backup {
        eprintln!(
            "foi: upgraded the casebook; the old version is kept at {}",
            b.display()
        );
    }
    let mut book = Casebook::new(store, today);
    let Some(cmd) = cli.command else {
        let pinned = cli.today.as_deref().is_some_and(|t| !t.trim().is_empty());
        return foi_casebook::tui::run(book, pinned);
    };
    let out = cli::run(cmd, &mut book, cli.json)?;
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`foi list | head`) is not an error worth reporting.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
    Ok(())
}
