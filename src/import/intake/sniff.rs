//! What a file is, told by its first bytes, never by its name.

use super::text::looks_like_text;

/// The kinds of file an import can read (before a zip is looked inside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Zip,
    Mbox,
    Email,
    Html,
    /// JSON: the casebook's export or WhatDoTheyKnow's (told apart by `detect`).
    Json,
    Text,
    /// None of these: binary noise, a program, an image.
    Unsupported,
}

/// Sniff `head`, the first bytes of a file (a few kilobytes are enough).
pub fn sniff(head: &[u8]) -> Kind {
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // A PDF may carry a little junk before its header; readers accept it in the first KB.
    if memchr::memmem::find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    if start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if !looks_like_text(head) {
        return Kind::Unsupported;
    }
    let trimmed = trim_start(start);
    if start.starts_with(b"From ") && has_headers(after_first_line(start)) {
        return Kind::Mbox;
    }
    if has_headers(start) {
        return Kind::Email;
    }
    if matches!(trimmed.first(), Some(b'{' | b'[')) {
        return Kind::Json;
    }
    let lower: Vec<u8> = trimmed[..trimmed.len().min(512)].to_ascii_lowercase();
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<") && memchr::memmem::find(&lower, b"<body").is_some())
    {
        return Kind::Html;
    }
    Kind::Text
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn after_first_line(b: &[u8]) -> &[u8] {
    memchr::memchr(b'\n', b).map_or(&[][..], |i| &b[i + 1..])
}

/// Whether `b` opens with an RFC 5322 header block: field lines (`Name: value`, folded
/// continuations allowed) naming at least a sender and one of the usual message fields.
fn has_headers(b: &[u8]) -> bool {
    let mut from = false;
    let mut other = false;
    let mut fields = 0;
    for line in b.split(|&c| c == b'\n').take(200) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-') {
            return false;
        }
        fields += 1;
        let name = name.to_ascii_lowercase();
        match name.as_slice() {
            b"from" | b"sender" => from = true,
            b"date" | b"subject" | b"message-id" | b"mime-version" | b"received" | b"to"
            | b"return-path" | b"delivered-to" => other = true,
            _ => {}
        }
    }
    from && other && fields >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3"), Kind::Pdf);
        assert_eq!(sniff(b"PK\x03\x04\x14\x00"), Kind::Zip);
        assert_eq!(
            sniff(b"From: FOI <foi@x.gov.uk>\r\nTo: me@example.org\r\nSubject: Re\r\n\r\nBody"),
            Kind::Email
        );
        assert_eq!(
            sniff(b"From foi@x.gov.uk Sat Feb  3 10:00:00 2018\nFrom: a@b\nDate: x\n\nHi\n"),
            Kind::Mbox
        );
        assert_eq!(sniff(b"  {\"format\":\"foi-casebook\"}"), Kind::Json);
        assert_eq!(sniff(b"<!DOCTYPE html><html><body>x"), Kind::Html);
        assert_eq!(
            sniff(b"Our ref: FOI 1\nDear Sir,\nFrom: the team\n"),
            Kind::Text
        );
        assert_eq!(sniff(b"From: a letter line\n\nDear"), Kind::Text);
        assert_eq!(sniff(b"\x7fELF\x02\x01\x01\x00"), Kind::Unsupported);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\x00\x00"), Kind::Unsupported);
        assert_eq!(sniff(b""), Kind::Text);
    }
}
