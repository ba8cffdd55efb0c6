//! `foi attachments CASE [--save DIR]` and `foi bundle CASE -o FILE.zip`.

use super::args::{AttachmentsArgs, BundleArgs};
use super::json_line;
use crate::casebook::{Casebook, Result};
use crate::domain::text::inert_line;
use crate::export::bundle::write_bundle;
use crate::interchange::AttachmentJson;
use crate::present::pad;
use std::fmt::Write;

pub fn attachments(book: &Casebook, a: AttachmentsArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    if let Some(dir) = &a.save {
        let saved = book.save_attachments(id, dir)?;
        if json {
            return json_line(&saved);
        }
        let mut o = String::new();
        let written = saved.iter().filter(|s| s.written).count();
        let _ = writeln!(
            o,
            "Wrote {} to {}",
            crate::present::plural(written, "file", "files"),
            dir.display()
        );
        for s in saved.iter().filter(|s| !s.written) {
            let _ = writeln!(o, "  left alone: {} is already there", s.path.display());
        }
        return Ok(o);
    }
    let list = book.attachments(id)?;
    if json {
        let v: Vec<AttachmentJson> = list.iter().map(AttachmentJson::from_attachment).collect();
        return json_line(&v);
    }
    if list.is_empty() {
        return Ok(format!("Case #{id} has no originals kept\n"));
    }
    let mut o = String::new();
    for x in &list {
        let _ = writeln!(
            o,
            "{:>5}  {} {:<28} {:>9}  {}  {}",
            format!("[{}]", x.id),
            pad(&inert_line(&x.name), 32),
            x.media_type.chars().take(28).collect::<String>(),
            crate::present::file_size(x.size),
            &x.sha256[..12.min(x.sha256.len())],
            x.event.map(|e| format!("event [{e}]")).unwrap_or_default()
        );
    }
    Ok(o)
}

pub fn bundle(book: &Casebook, a: BundleArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let done = write_bundle(book, id, &a.output)?;
    if json {
        return json_line(&done);
    }
    Ok(format!(
        "Wrote the evidence bundle of case #{id} to {} ({} files and SHA256SUMS)\n",
        a.output.display(),
        done.files.len()
    ))
}
