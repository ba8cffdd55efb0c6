//! Taking in replies as they really arrive: one entry point, [`open`], for the command
//! line and the terminal UI alike. It reads a file (or a Maildir folder) within the one
//! size limit, tells what it is by its content, and hands back a [`Source`]: a letter
//! with its originals, a mailbox, a WhatDoTheyKnow download, or one of the JSON files.
//! Pure reading: nothing here touches the casebook.

pub mod archive;
pub mod html;
pub mod letter_source;
pub mod limits;
pub mod mail;
pub mod mailbox;
pub mod office;
pub mod original;
pub mod pdf;
pub mod sniff;
pub mod text;
pub mod wdtk_zip;

pub use letter_source::{LetterSource, letter_from_mail};
pub use limits::MAX_BYTES;
pub use mail::Mail;
pub use original::Original;
pub use wdtk_zip::Thread;

use sniff::Kind;
use std::io::Read;
use std::path::Path;

/// Why a file could not be read. Shown after the file's name, on one line.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(std::io::Error),
    #[error("too large: {0} (the limit is {limit} MB)", limit = MAX_BYTES / (1024 * 1024))]
    TooLarge(String),
    #[error("cannot be read: {0}")]
    Damaged(String),
    #[error("{0}")]
    NotSupported(String),
}

/// What the file turned out to be, read and ready to import.
pub enum Source {
    /// The casebook's own export: read again from the file, case by case, when imported.
    /// `cases` is its count when the file had to be read through to be recognised (a
    /// file that starts as an export is not counted beforehand).
    Export { cases: Option<usize> },
    /// WhatDoTheyKnow request JSON (small: held whole).
    WdtkJson(String),
    /// One letter: a text, HTML, PDF, Word or OpenDocument file, or one e-mail.
    Letter(Box<LetterSource>),
    /// The messages of an mbox file or a Maildir folder.
    Mailbox(Box<MailboxSource>),
    /// A WhatDoTheyKnow "download all correspondence" zip.
    Thread(Box<Thread>),
}

/// A mailbox's readable messages and those that could not be read.
pub struct MailboxSource {
    pub messages: Vec<Mail>,
    /// `(message number from 1, why)`.
    pub unreadable: Vec<(usize, String)>,
}

/// A reader chosen with `--format` instead of by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forced {
    Text,
    Json,
    Wdtk,
    Email,
    Mbox,
    Pdf,
    Docx,
    Html,
}

impl std::str::FromStr for Forced {
    type Err = String;
    fn from_str(s: &str) -> Result<Forced, String> {
        Ok(match s {
            "letter" | "text" | "txt" => Forced::Text,
            "json" => Forced::Json,
            "wdtk" => Forced::Wdtk,
            "email" | "eml" | "mail" => Forced::Email,
            "mbox" | "maildir" | "mailbox" => Forced::Mbox,
            "pdf" => Forced::Pdf,
            "docx" | "odt" | "word" => Forced::Docx,
            "html" => Forced::Html,
            other => {
                return Err(format!(
                    "unknown import format '{other}': use letter, json, wdtk, email, mbox, pdf, docx or html"
                ));
            }
        })
    }
}

const NOT_SUPPORTED: &str =
    "not a letter or a supported file (text, PDF, Word, e-mail, mailbox, zip or JSON)";

/// Read a file (or Maildir folder) as an import, within the size limit.
pub fn open(path: &Path, forced: Option<Forced>) -> Result<Source, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "letter".into());
    if meta.is_dir() {
        if mailbox::is_maildir(path) {
            return maildir(path);
        }
        return Err(ReadError::NotSupported(
            "a folder, and not a Maildir (it has no cur/ and new/ folders)".into(),
        ));
    }
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(path)
        .and_then(|f| f.take(8192).read_to_end(&mut head))
        .map_err(ReadError::Io)?;
    let kind = match forced {
        None => sniff::sniff(&head),
        Some(Forced::Text) => Kind::Text,
        Some(Forced::Json | Forced::Wdtk) => Kind::Json,
        Some(Forced::Email) => Kind::Email,
        Some(Forced::Mbox) => Kind::Mbox,
        Some(Forced::Pdf) => Kind::Pdf,
        Some(Forced::Docx) => Kind::Zip,
        Some(Forced::Html) => Kind::Html,
    };
    match kind {
        Kind::Json => json(path, forced, &name),
        Kind::Mbox => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            let raw = mailbox::mbox_messages(std::io::BufReader::with_capacity(1 << 16, file))?;
            let named = raw
                .into_iter()
                .enumerate()
                .map(|(i, b)| (format!("message-{}.eml", i + 1), b));
            Ok(mailbox_source(named))
        }
        Kind::Unsupported => Err(ReadError::NotSupported(NOT_SUPPORTED.into())),
        kind => {
            let bytes = read_limited(path)?;
            if bytes.len() as u64 > MAX_BYTES {
                return Err(ReadError::TooLarge(format!(
                    "{} MB or more",
                    MAX_BYTES / (1024 * 1024)
                )));
            }
            whole(kind, bytes, name)
        }
    }
}

/// A file read whole: at most one byte past the limit, so the caller can tell.
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(ReadError::Io)?;
    Ok(bytes)
}

fn json(path: &Path, forced: Option<Forced>, name: &str) -> Result<Source, ReadError> {
    use crate::import::Format;
    // A file that starts as `foi export` writes it is imported at once, streamed: reading
    // it whole first to count its cases would take a fifth of the import's time.
    let export_head = std::fs::File::open(path)
        .and_then(crate::import::starts_as_export)
        .map_err(ReadError::Io)?;
    if export_head && matches!(forced, None | Some(Forced::Json)) {
        return Ok(Source::Export { cases: None });
    }
    let found = std::fs::File::open(path)
        .and_then(crate::import::detect)
        .map_err(ReadError::Io)?;
    let format = match forced {
        Some(Forced::Json) => Format::Json,
        Some(Forced::Wdtk) => Format::Wdtk,
        _ => found.format,
    };
    match format {
        Format::Json => Ok(Source::Export {
            cases: Some(found.cases),
        }),
        Format::Wdtk | Format::Letter => {
            let bytes = read_limited(path)?;
            if bytes.len() as u64 > MAX_BYTES {
                return Err(ReadError::TooLarge("JSON that is not a foi export".into()));
            }
            let text = text::decode(&bytes);
            if format == Format::Wdtk {
                Ok(Source::WdtkJson(text))
            } else {
                Ok(letter_source::from_text(name, text, None))
            }
        }
    }
}

fn whole(kind: Kind, bytes: Vec<u8>, name: String) -> Result<Source, ReadError> {
    match kind {
        Kind::Pdf => Ok(Source::Letter(Box::new(letter_source::from_pdf(
            Original::new(name, "application/pdf", bytes),
        )?))),
        Kind::Zip => zip(bytes, name),
        Kind::Email => {
            let mail = mail::parse_mail(&bytes, &name)?;
            Ok(Source::Letter(Box::new(letter_from_mail(mail))))
        }
        Kind::Html => {
            let text = html::html_to_text(&text::decode(&bytes));
            let original = Original::new(name.clone(), "text/html", bytes);
            Ok(letter_source::from_text(&name, text, Some(original)))
        }
        _ => {
            if !text::looks_like_text(&bytes) {
                return Err(ReadError::NotSupported(NOT_SUPPORTED.into()));
            }
            Ok(letter_source::from_text(&name, text::decode(&bytes), None))
        }
    }
}

fn zip(bytes: Vec<u8>, name: String) -> Result<Source, ReadError> {
    let names = archive::names(&bytes)?;
    if let Some(kind) = office::kind(&names) {
        let text = office::text(&bytes, kind)?;
        let media = original::media_type_of(match kind {
            office::Office::Docx => "x.docx",
            office::Office::Odt => "x.odt",
        });
        let original = Original::new(name.clone(), media, bytes);
        return Ok(letter_source::from_text(&name, text, Some(original)));
    }
    if wdtk_zip::is_wdtk(&names) {
        let entries = archive::read(&bytes, |_| true)?;
        let (mut main, files): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .partition(|e| e.path == "correspondence.txt" || e.path == "correspondence.pdf");
        main.sort_by_key(|e| e.path.ends_with(".pdf"));
        let Some(first) = main.into_iter().next() else {
            return Err(ReadError::NotSupported(
                "a zip without its correspondence".into(),
            ));
        };
        let text = if first.path.ends_with(".pdf") {
            pdf::extract(&first.bytes)?.text
        } else {
            text::decode(&first.bytes)
        };
        return Ok(Source::Thread(Box::new(wdtk_zip::parse_thread(
            &text, files,
        )?)));
    }
    Err(ReadError::NotSupported(
        "a zip that is neither a Word or OpenDocument file nor a WhatDoTheyKnow download".into(),
    ))
}

fn maildir(path: &Path) -> Result<Source, ReadError> {
    Ok(mailbox_source(mailbox::maildir_messages(path)?.into_iter()))
}

fn mailbox_source(raw: impl Iterator<Item = (String, Vec<u8>)>) -> Source {
    let mut messages = Vec::new();
    let mut unreadable = Vec::new();
    for (i, (name, bytes)) in raw.enumerate() {
        match mail::parse_mail(&bytes, &name) {
            Ok(m) => messages.push(m),
            Err(e) => unreadable.push((i + 1, e.to_string())),
        }
    }
    Source::Mailbox(Box::new(MailboxSource {
        messages,
        unreadable,
    }))
}
