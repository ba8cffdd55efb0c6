//! The command line: parse, open the casebook, run one operation, print.

mod agenda;
pub mod args;
mod attachments;
mod batch;
mod cases;
mod draft;
mod events;
mod export_out;
mod holidays;
mod intake;
mod lists;
mod notify;
mod questions;
mod search;
mod show;
mod stats;
mod transfer;

pub use args::Cli;
use args::Command;

use crate::casebook::{Casebook, Error, Result};
use crate::domain::dates::parse_date;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What a command prints on success.
pub struct Output {
    pub text: String,
    /// A note for stderr (e.g. where a migration backup went).
    pub notice: Option<String>,
}

/// The date the app treats as today: `--today`/`FOI_TODAY` (which may itself be relative,
/// like `yesterday`), else the local date.
pub fn resolve_today(given: Option<&str>, local: NaiveDate) -> Result<NaiveDate> {
    match given {
        Some(s) if !s.trim().is_empty() => {
            parse_date(s, local).map_err(|e| Error::user(format!("--today: {e}")))
        }
        _ => Ok(local),
    }
}

/// `--db`, else `FOI_DB` (both via clap), else the platform data folder.
pub fn resolve_db(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "foi-casebook")
        .map(|d| d.data_dir().join("casebook.db"))
        .ok_or_else(|| {
            Error::user("cannot find a home folder for the casebook: give one with --db PATH")
        })
}

/// The user's holiday file in the config folder (`holidays.csv`), if there is one.
/// A file that cannot be read correctly is a user error naming it and the line.
pub fn file_holidays() -> Result<Vec<crate::calendar::ExtraHoliday>> {
    let Some(dirs) = directories::ProjectDirs::from("", "", "foi-casebook") else {
        return Ok(Vec::new());
    };
    let path = dirs.config_dir().join("holidays.csv");
    match std::fs::read_to_string(&path) {
        Ok(text) => crate::calendar::parse_extra_holidays(&text)
            .map_err(|e| Error::user(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::user(format!("cannot read {}: {e}", path.display()))),
    }
}

/// Whether a command only reads the casebook. Such a command never creates one: a
/// mistyped `--db` must not leave an empty casebook (and a folder) behind.
pub fn only_reads(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::List(_)
            | Command::Show(_)
            | Command::Due(_)
            | Command::Search(_)
            | Command::Stats(_)
            | Command::Export(_)
            | Command::Draft(_)
            | Command::Backup { .. }
            | Command::Holiday(args::HolidayCmd::List { .. })
    )
}

/// A command that only reads, where there is no casebook at `db`: `draft fields` needs
/// none; anything else is a user error naming the path (`explicit`: given by `--db` or
/// `FOI_DB`) or, at the default place, saying how to start.
pub fn without_casebook(cmd: Command, db: &Path, explicit: bool) -> Result<String> {
    match cmd {
        Command::Draft(draft::LetterCmd::Fields) => return Ok(draft::fields()),
        // Nothing can need attention where no casebook was ever started (a login shell's
        // check before the first case); a mistyped path still says so.
        Command::Due(a) if a.check && !explicit => return Ok(String::new()),
        _ => {}
    }
    Err(Error::user(if explicit {
        format!(
            "no casebook at {}: check the path (foi demo, foi add or foi import creates one there)",
            db.display()
        )
    } else {
        "no casebook yet: start with foi demo (the example case), foi add, foi import LETTER, \
         or foi for the terminal UI"
            .to_string()
    }))
}

/// Whether the command's output, when there is any, means exit status 1: `due --check`
/// found something that needs attention.
pub fn output_is_an_alarm(cmd: &Command) -> bool {
    matches!(cmd, Command::Due(a) if a.check)
}

/// Run a command (not the TUI) against an open casebook.
pub fn run(cmd: Command, book: &mut Casebook, json: bool) -> Result<String> {
    match cmd {
        Command::Add(a) => cases::add(book, a, json),
        Command::Edit(a) => cases::edit(book, a, json),
        Command::Delete(a) => cases::delete(book, a),
        Command::Question(q) => questions::run(book, q, json),
        Command::Event(e) => events::run(book, e, json),
        Command::List(a) => lists::list(book, a, json),
        Command::Show(a) => show::show(book, &a.case, json),
        Command::Due(a) => agenda::due(book, a, json),
        Command::Demo => cases::demo(book, json),
        Command::Snooze(a) => agenda::snooze(book, a, json),
        Command::Import(a) => intake::import(book, a, json),
        Command::Export(a) => transfer::export(book, a),
        Command::Holiday(h) => holidays::run(book, h, json),
        Command::Backup { file } => transfer::backup(book, &file),
        Command::Restore { file, yes } => transfer::restore(book, &file, yes),
        Command::Search(a) => search::search(book, a, json),
        Command::Attachments(a) => attachments::attachments(book, a, json),
        Command::Bundle(a) => attachments::bundle(book, a, json),
        Command::Draft(d) => draft::run(book, d, json),
        Command::Stats(a) => stats::stats(book, a, json),
        Command::Batch(b) => batch::run(book, b, json),
    }
}

/// What reaches standard output. Exports and letters are data and go to a file or a
/// pipe exactly as stored; on a terminal every escape and control character is made
/// visible instead, whatever the command (human output is inert already).
pub fn for_stdout(out: &str, terminal: bool) -> std::borrow::Cow<'_, str> {
    if terminal {
        crate::domain::text::inert(out, true)
    } else {
        std::borrow::Cow::Borrowed(out)
    }
}

/// Read a text file the user named, as UTF-8 (invalid bytes replaced, not refused).
pub(crate) fn read_text_file(path: &Path) -> Result<String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| Error::user(format!("cannot read {}: {e}", path.display())))
}

/// A file `-o` names that is already there is kept unless `force`: a user error saying so,
/// before any work is done.
pub(crate) fn refuse_to_replace(path: &Path, force: bool) -> Result<()> {
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(Error::user(format!(
            "{} already exists: add --force to replace it",
            path.display()
        )));
    }
    Ok(())
}

/// "none" (or an empty string) on an edit clears an optional field.
pub(crate) fn clearable(v: Option<String>) -> Option<Option<String>> {
    v.map(|s| {
        if s.trim().is_empty() || s.trim().eq_ignore_ascii_case("none") {
            None
        } else {
            Some(s)
        }
    })
}

/// A date option as the user typed it, read against today; the error names the option.
pub(crate) fn date_arg(s: &str, today: NaiveDate, option: &str) -> Result<NaiveDate> {
    parse_date(s, today).map_err(|e| Error::user(format!("{option}: {e}")))
}

/// An edit's optional value: left alone (`None`), cleared with "none" (`Some(None)`), or
/// set to what `parse` reads (`Some(Some(v))`).
pub(crate) fn cleared<T>(
    v: Option<String>,
    parse: impl FnOnce(&str) -> Result<T>,
) -> Result<Option<Option<T>>> {
    match clearable(v) {
        None => Ok(None),
        Some(None) => Ok(Some(None)),
        Some(Some(s)) => parse(&s).map(|t| Some(Some(t))),
    }
}

pub(crate) fn json_line<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Error::user(format!("cannot write JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::for_stdout;

    #[test]
    fn a_terminal_never_gets_raw_escapes() {
        let csv = "1,\u{1b}]52;c;x\u{7}title\r\n";
        assert_eq!(
            for_stdout(csv, false),
            csv,
            "a pipe or file gets the data as stored"
        );
        let shown = for_stdout(csv, true);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("␛]52;c;x␇title"), "{shown:?}");
    }
}
