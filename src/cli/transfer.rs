//! `foi export` and `foi import`.

use super::args::{ExportArgs, ImportArgs};
use super::json_line;
use crate::casebook::{Casebook, Error, Result, parse_document};
use std::path::Path;

pub fn export(book: &Casebook, a: ExportArgs) -> Result<String> {
    let only = a.case.as_deref().map(|c| book.resolve(c)).transpose()?;
    let text = match a.format.as_str() {
        "json" => json_line(&book.export_document(only)?)?,
        "csv" | "md" | "markdown" | "ics" | "ical" => {
            let views = book.export_views(only)?;
            let text = match a.format.as_str() {
                "csv" => crate::export::csv::write(&views)?,
                "ics" | "ical" => {
                    crate::export::ics::write(&views, &book.casebook_id()?, chrono::Utc::now())
                }
                _ => crate::export::markdown::write(&views, book.today()),
            };
            // Stored text goes to a file as it is, but never raw to a terminal.
            if a.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                crate::domain::text::inert(&text, true).into_owned()
            } else {
                text
            }
        }
        other => {
            return Err(Error::user(format!(
                "unknown export format '{other}': use json, csv, md or ics"
            )));
        }
    };
    match a.output {
        Some(path) => {
            write_private(&path, text.as_bytes())?;
            Ok(String::new())
        }
        None => Ok(text),
    }
}

/// Write a file readable by its owner only (exports hold personal data), replacing it
/// whole so a crash never leaves half a file.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
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
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

pub fn import(book: &mut Casebook, a: ImportArgs, json: bool) -> Result<String> {
    let bytes = std::fs::read(&a.file)
        .map_err(|e| Error::user(format!("cannot read {}: {e}", a.file.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let format = a.format.as_deref().unwrap_or("json");
    match format {
        "json" => {
            let doc = parse_document(&text)
                .map_err(|e| Error::user(format!("{}: {e}", a.file.display())))?;
            let report = book.import_document(&doc, a.dry_run)?;
            if json {
                return json_line(&report);
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
        other => Err(Error::user(format!(
            "unknown import format '{other}': use letter, json or wdtk"
        ))),
    }
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
