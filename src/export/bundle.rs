//! The evidence bundle a regulator asks for (the ICO, the Scottish Information
//! Commissioner, the Tribunal): one zip holding a chronology in Markdown (every event
//! with its date, the clocks with their working, the ledger of questions), every
//! original under its own name, the letters received (`letters/`) and those the requester
//! sent (`drafts/`: the folder's name in every bundle made so far), and `SHA256SUMS` so
//! that each file can be shown to be unaltered.

use super::CaseWriter;
use super::markdown::{MarkdownWriter, inline};
use crate::casebook::{Casebook, Error, Result};
use crate::domain::EventKind;
use crate::domain::attachment::{safe_file_name, sha256_hex};
use crate::domain::dates::iso;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// What went into a bundle.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Bundled {
    pub case: i64,
    /// Every file in the zip with its SHA-256, `SHA256SUMS` aside.
    pub files: Vec<(String, String)>,
}

/// The files of a case's bundle, in order: `(path in the zip, bytes)`.
fn contents(book: &Casebook, case_id: i64) -> Result<Vec<(String, Vec<u8>)>> {
    let view = book.view(case_id)?;
    let attachments = book.attachments(case_id)?;
    let mut chronology = Vec::new();
    {
        let mut md = MarkdownWriter::new(&mut chronology, book.today());
        let written = md
            .begin(1)
            .and_then(|_| md.case(&view))
            .and_then(|_| md.finish());
        written.map_err(|e| Error::user(format!("cannot write the chronology: {e}")))?;
    }
    let mut files = Vec::new();
    let mut taken = HashSet::new();
    let mut unique = |dir: &str, name: &str, id: i64| {
        let mut path = format!("{dir}/{}", safe_file_name(name));
        if !taken.insert(path.clone()) {
            path = format!("{dir}/{id}-{}", safe_file_name(name));
            taken.insert(path.clone());
        }
        path
    };
    let mut list = String::from(
        "\n## Originals\n\n| file | media type | bytes | SHA-256 | event |\n| --- | --- | --- | --- | --- |\n",
    );
    let mut originals = Vec::new();
    for a in &attachments {
        let path = unique("originals", &a.name, a.id);
        list.push_str(&format!(
            "| {} | {} | {} | `{}` | {} |\n",
            inline(&path),
            inline(&a.media_type),
            a.size,
            a.sha256,
            a.event
                .map(|e| format!("[{e}]"))
                .unwrap_or_else(|| "—".into())
        ));
        originals.push((path, book.attachment_bytes(a)?));
    }
    if !attachments.is_empty() {
        chronology.extend_from_slice(list.as_bytes());
    }
    files.push(("chronology.md".to_string(), chronology));
    if let Some(text) = &view.file.case.text {
        files.push(("letters/request.txt".to_string(), text.clone().into_bytes()));
    }
    for e in &view.file.events {
        let Some(letter) = &e.letter else { continue };
        // Letters the requester sent (review requests, complaints) go in `drafts/`
        // (the folder's name in bundles already given out; the letters in it were sent).
        let dir = match e.kind {
            EventKind::ReviewRequested | EventKind::IcoComplaint | EventKind::TribunalAppeal => {
                "drafts"
            }
            _ => "letters",
        };
        let name = format!("{}-{}-{}.txt", iso(e.date), e.kind.as_str(), e.id);
        files.push((unique(dir, &name, e.id), letter.clone().into_bytes()));
    }
    files.extend(originals);
    Ok(files)
}

/// Write the bundle of a case to `path`, which must not exist yet.
pub fn write_bundle(book: &Casebook, case_id: i64, path: &Path) -> Result<Bundled> {
    let files = contents(book, case_id)?;
    let fail =
        |e: &dyn std::fmt::Display| Error::user(format!("cannot write {}: {e}", path.display()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::user(format!(
                "{} already exists: choose a new file name for the bundle",
                path.display()
            ))
        } else {
            fail(&e)
        }
    })?;
    let written = write_zip(file, &files);
    match written {
        Ok(sums) => Ok(Bundled {
            case: case_id,
            files: sums,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(path);
            Err(fail(&e))
        }
    }
}

fn write_zip(
    file: std::fs::File,
    files: &[(String, Vec<u8>)],
) -> std::io::Result<Vec<(String, String)>> {
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o600);
    let mut sums = Vec::new();
    let mut listing = String::new();
    for (name, bytes) in files {
        zip.start_file(name.as_str(), opts)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
        let hash = sha256_hex(bytes);
        listing.push_str(&format!("{hash}  {name}\n"));
        sums.push((name.clone(), hash));
    }
    zip.start_file("SHA256SUMS", opts)
        .map_err(std::io::Error::other)?;
    zip.write_all(listing.as_bytes())?;
    let out = zip.finish().map_err(std::io::Error::other)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(sums)
}
