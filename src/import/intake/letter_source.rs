//! One letter with its originals and what the letter reader made of it. The reader
//! sees only the text; what the envelope says (the sender's organisation, the e-mail's
//! date) fills a gap the letter leaves, never overrides it, and says so.

use super::mail::{Mail, sender_organisation};
use super::original::Original;
use super::{ReadError, Source, office, pdf};
use crate::import::{Proposal, parse_letter};

/// A letter ready to be reviewed and saved.
#[derive(Debug, Clone)]
pub struct LetterSource {
    /// The file's name, for messages.
    pub name: String,
    /// The letter's text as read (saved with the response).
    pub text: String,
    /// The reader's proposal, gaps filled from the envelope.
    pub proposal: Proposal,
    /// Every original to keep: the e-mail and its attachments, the PDF, the Word file.
    pub originals: Vec<Original>,
    /// The e-mail's Message-ID, so a second import adds nothing.
    pub message_id: Option<String>,
    /// The letter is a scan: no text, nothing read, the file kept.
    pub needs_ocr: bool,
}

fn needs_ocr_warning(name: &str) -> String {
    format!(
        "{name} has no text layer (a scan): it needs OCR; the file is kept and nothing was read from it"
    )
}

/// A letter already in text.
pub fn from_text(name: &str, text: String, original: Option<Original>) -> Source {
    let proposal = parse_letter(&text);
    Source::Letter(Box::new(LetterSource {
        name: name.to_string(),
        text,
        proposal,
        originals: original.into_iter().collect(),
        message_id: None,
        needs_ocr: false,
    }))
}

/// A PDF: its text layer read (in a child process), or flagged as a scan.
pub fn from_pdf(original: Original) -> Result<LetterSource, ReadError> {
    let got = pdf::extract(&original.bytes)?;
    let needs_ocr = got.needs_ocr();
    let (text, mut proposal) = if needs_ocr {
        (String::new(), Proposal::default())
    } else {
        let p = parse_letter(&got.text);
        (got.text, p)
    };
    if needs_ocr {
        proposal.warnings.push(needs_ocr_warning(&original.name));
    } else if got.failed_pages > 0 {
        proposal.warnings.push(format!(
            "{} of {} pages of {} could not be read",
            got.failed_pages, got.pages, original.name
        ));
    }
    Ok(LetterSource {
        name: original.name.clone(),
        text,
        proposal,
        originals: vec![original],
        message_id: None,
        needs_ocr,
    })
}

/// The text of an attachment that may hold the letter (PDF, Word, OpenDocument).
fn attachment_text(a: &Original, warnings: &mut Vec<String>) -> Option<String> {
    let kind = super::sniff::sniff(&a.bytes[..a.bytes.len().min(8192)]);
    let got = match kind {
        super::sniff::Kind::Pdf => pdf::extract(&a.bytes).map(|t| {
            if t.needs_ocr() {
                warnings.push(needs_ocr_warning(&a.name));
                String::new()
            } else {
                t.text
            }
        }),
        super::sniff::Kind::Zip => {
            let names = super::archive::names(&a.bytes).unwrap_or_default();
            match office::kind(&names) {
                Some(k) => office::text(&a.bytes, k),
                None => return None,
            }
        }
        _ => return None,
    };
    match got {
        Ok(t) if !t.trim().is_empty() => Some(t),
        Ok(_) => None,
        Err(e) => {
            warnings.push(format!("{}: {e}", a.name));
            None
        }
    }
}

/// How much a proposal found: questions count most, then each fact.
fn score(p: &Proposal) -> usize {
    p.questions.len() * 10
        + [
            p.authority.is_some(),
            p.their_ref.is_some(),
            p.letter_date.is_some(),
            p.request_date.is_some(),
            p.regime.is_some(),
            p.review_window.is_some(),
        ]
        .iter()
        .filter(|&&b| b)
        .count()
}

/// The letter among a message's body and its attachments: whichever the reader finds
/// most in (a cover note loses to the attached PDF or Word letter). Returns the text,
/// the proposal (with the attachments' warnings) and whether an attachment was a scan.
pub fn best_letter(body: &str, attachments: &[Original]) -> (String, Proposal, bool) {
    let mut warnings = Vec::new();
    let mut best = (body.to_string(), parse_letter(body));
    let mut scanned = false;
    for a in attachments {
        let before = warnings.len();
        if let Some(text) = attachment_text(a, &mut warnings) {
            let p = parse_letter(&text);
            if score(&p) > score(&best.1) {
                best = (text, p);
            }
        } else if warnings[before..].iter().any(|w| w.contains("needs OCR")) {
            scanned = true;
        }
    }
    best.1.warnings.extend(warnings);
    (best.0, best.1, scanned)
}

/// An e-mail as a letter: the body, or — when the body is a cover note — the attached
/// PDF or Word letter, whichever holds the reply. The sender's organisation and the
/// e-mail's date fill what the letter leaves empty.
pub fn letter_from_mail(mail: Mail) -> LetterSource {
    let (text, mut proposal, scanned) = best_letter(&mail.body, &mail.attachments);
    fill_from_envelope(&mut proposal, &mail);
    let mut originals = vec![mail.raw.clone()];
    originals.extend(mail.attachments.iter().cloned());
    LetterSource {
        name: mail.raw.name.clone(),
        text,
        proposal,
        originals,
        message_id: mail.message_id.clone(),
        needs_ocr: scanned && mail.body.trim().is_empty(),
    }
}

/// The envelope's evidence, applied only where the letter is silent.
pub fn fill_from_envelope(p: &mut Proposal, mail: &Mail) {
    if p.authority.is_none()
        && let Some(org) = sender_organisation(mail)
    {
        p.warnings.push(format!(
            "the authority was taken from the e-mail's sender: {org}"
        ));
        p.authority = Some(org);
    }
    if p.letter_date.is_none()
        && let Some(d) = mail.date
    {
        p.warnings.push(format!(
            "the letter is undated: the e-mail's date ({}) is used",
            crate::domain::dates::long(d)
        ));
        p.letter_date = Some(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::intake::mail::parse_mail;

    fn mail(from: &str, body: &str) -> Mail {
        let raw = format!(
            "From: {from}\r\nTo: me@example.org\r\nSubject: FOI\r\nDate: Wed, 14 Mar 2018 09:00:00 +0000\r\n\r\n{body}"
        );
        parse_mail(raw.as_bytes(), "m.eml").unwrap()
    }

    #[test]
    fn the_envelope_fills_gaps_and_never_overrides() {
        let m = mail("\"Testshire County Council\" <foi@t.gov.uk>", "Thanks.\r\n");
        let l = letter_from_mail(m);
        assert_eq!(
            l.proposal.authority.as_deref(),
            Some("Testshire County Council")
        );
        assert_eq!(
            l.proposal.letter_date.map(|d| d.to_string()).as_deref(),
            Some("2018-03-14")
        );
        assert_eq!(l.originals.len(), 1);
        let stated = "Borough Council of Elsewhere\r\n\r\nDate: 2 March 2018\r\n\r\nDear Sir,\r\n";
        let l = letter_from_mail(mail("\"Testshire County Council\" <foi@t.gov.uk>", stated));
        assert_ne!(
            l.proposal.letter_date.map(|d| d.to_string()).as_deref(),
            Some("2018-03-14")
        );
        assert!(
            !l.proposal
                .warnings
                .iter()
                .any(|w| w.contains("e-mail's date"))
        );
    }

    #[test]
    fn a_cover_note_loses_to_the_attached_letter() {
        let letter = "Our ref: FOI 9\n\nDate: 27 February 2018\n\n1. How many?\n\nWe hold 3.\n\n2. Which?\n\nNot held.\n";
        let docx = {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let body: String = letter
                .split("\n\n")
                .map(|p| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", p.trim()))
                .collect();
            w.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            std::io::Write::write_all(
                &mut w,
                format!("<w:document><w:body>{body}</w:body></w:document>").as_bytes(),
            )
            .unwrap();
            w.finish().unwrap().into_inner()
        };
        let files = [Original::new(
            "reply.docx",
            "application/octet-stream",
            docx,
        )];
        let (text, p, scanned) = best_letter("Please find our reply attached.\n", &files);
        assert!(!scanned);
        assert!(text.contains("How many?"), "{text}");
        assert_eq!(p.questions.len(), 2);
        assert_eq!(p.their_ref.as_deref(), Some("FOI 9"));
    }
}
