//! One e-mail (RFC 5322 / MIME): its headers, its readable body and its attachments.
//! The MIME work (multipart, quoted-printable, base64, charsets such as windows-1252)
//! is `mail-parser`'s; an HTML-only body is turned into text here, paragraphs kept.

use super::ReadError;
use super::html::html_to_text;
use super::original::{Original, media_type_of};
use chrono::NaiveDate;
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders};

/// An e-mail as an import needs it.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from_name: Option<String>,
    pub from_address: Option<String>,
    /// Every address in To and Cc, lower-case.
    pub to: Vec<String>,
    /// The first addressee's display name (the authority, on a request).
    pub to_name: Option<String>,
    pub date: Option<NaiveDate>,
    pub subject: Option<String>,
    pub message_id: Option<String>,
    /// In-Reply-To and References: the messages this one answers.
    pub replies_to: Vec<String>,
    /// The body as readable text (text/plain preferred, else the HTML as text).
    pub body: String,
    pub attachments: Vec<Original>,
    /// The message itself, byte for byte.
    pub raw: Original,
}

/// Read one e-mail. Bytes without a sender or a date are not an e-mail.
pub fn parse_mail(bytes: &[u8], name: &str) -> Result<Mail, ReadError> {
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| ReadError::NotSupported("not an e-mail".into()))?;
    let from = msg.from().and_then(Address::first);
    if from.is_none() && msg.date().is_none() {
        return Err(ReadError::NotSupported(
            "not an e-mail (no sender and no date)".into(),
        ));
    }
    let date = msg
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
    let mut to = Vec::new();
    for addr in msg.to().into_iter().chain(msg.cc()) {
        for a in addr.iter() {
            if let Some(x) = a.address() {
                to.push(x.to_ascii_lowercase());
            }
        }
    }
    let mut replies_to = ids(msg.in_reply_to());
    replies_to.extend(ids(msg.references()));
    let body = readable_body(&msg);
    let attachments = originals(&msg);
    Ok(Mail {
        from_name: from.and_then(|a| a.name()).map(|s| s.trim().to_string()),
        from_address: from
            .and_then(|a| a.address())
            .map(|s| s.to_ascii_lowercase()),
        to,
        to_name: msg
            .to()
            .and_then(Address::first)
            .and_then(|a| a.name())
            .map(|s| s.trim().to_string()),
        date,
        subject: msg.subject().map(|s| s.trim().to_string()),
        message_id: msg.message_id().map(|s| s.trim().to_string()),
        replies_to,
        body,
        attachments,
        raw: Original::new(name, "message/rfc822", bytes.to_vec()),
    })
}

/// The body as text: each text part, an HTML one turned into paragraphs.
fn readable_body(msg: &mail_parser::Message<'_>) -> String {
    let mut body = String::new();
    for part in msg.text_bodies() {
        let text = part.text_contents().unwrap_or("");
        let text = if part.is_text_html() {
            html_to_text(text)
        } else {
            text.replace("\r\n", "\n")
        };
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&text);
    }
    body
}

/// Every attachment, byte for byte, with a media type (from its name when the mail
/// system sent `application/octet-stream`).
fn originals(msg: &mail_parser::Message<'_>) -> Vec<Original> {
    let mut attachments = Vec::new();
    for (i, part) in msg.attachments().enumerate() {
        let media_type = part
            .content_type()
            .map(|c| match c.subtype() {
                Some(s) => format!("{}/{}", c.ctype(), s).to_ascii_lowercase(),
                None => c.ctype().to_ascii_lowercase(),
            })
            .unwrap_or_else(|| "application/octet-stream".into());
        let name = part
            .attachment_name()
            .map(str::to_string)
            .unwrap_or_else(|| {
                if part.is_message() {
                    format!("message-{}.eml", i + 1)
                } else {
                    format!("attachment-{}", i + 1)
                }
            });
        // Some mail systems send every file as application/octet-stream: the name tells.
        let media_type = if media_type == "application/octet-stream" {
            media_type_of(&name).to_string()
        } else {
            media_type
        };
        attachments.push(Original::new(name, media_type, part.contents().to_vec()));
    }
    attachments
}

fn ids(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => vec![t.trim().to_string()],
        HeaderValue::TextList(l) => l.iter().map(|t| t.trim().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Words that make a sender's display name an organisation rather than a person or a
/// team ("FOI Team" names no one).
const ORGANISATION_WORDS: &[&str] = &[
    "council",
    "department",
    "ministry",
    "office",
    "authority",
    "police",
    "nhs",
    "trust",
    "university",
    "agency",
    "commission",
    "service",
    "borough",
    "executive",
    "board",
    "college",
    "government",
    "constabulary",
    "fire",
    "parliament",
    "county",
    "city",
    "district",
    "hospital",
    "commissioner",
    "inspectorate",
    "regulator",
    "bbc",
];

/// The sender's organisation, when the display name clearly is one.
pub fn sender_organisation(mail: &Mail) -> Option<String> {
    let name = mail.from_name.as_deref()?.trim().trim_matches(['"', '\'']);
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let organisation = words
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(&w.as_str()));
    (organisation && words.len() >= 2 && name.len() <= 120).then(|| name.to_string())
}

/// A WhatDoTheyKnow request address among the recipients (`request-123-abcd@…`).
pub fn wdtk_address(mail: &Mail) -> Option<&str> {
    mail.to
        .iter()
        .chain(mail.from_address.iter())
        .find(|a| a.starts_with("request-") && a.contains("@whatdotheyknow."))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML_1252: &[u8] = b"From: \"Borough Council of Testshire\" <foi@testshire.gov.uk>\r\n\
To: Jo Bloggs <jo@example.org>\r\n\
Subject: Freedom of Information request - Parking fines\r\n\
Date: Tue, 27 Feb 2018 10:00:00 +0000\r\n\
Message-ID: <reply-1@testshire.gov.uk>\r\n\
In-Reply-To: <req-1@example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/html; charset=windows-1252\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
<p>Our ref: FOI 77</p><p>The cost would exceed =A31,000.</p>\r\n\
--b1\r\n\
Content-Type: application/octet-stream; name=\"reply.pdf\"\r\n\
Content-Disposition: attachment; filename=\"reply.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--b1--\r\n";

    #[test]
    fn headers_html_body_and_attachment() {
        let m = parse_mail(HTML_1252, "reply.eml").unwrap();
        assert_eq!(m.from_address.as_deref(), Some("foi@testshire.gov.uk"));
        assert_eq!(
            sender_organisation(&m).as_deref(),
            Some("Borough Council of Testshire")
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2018, 2, 27));
        assert_eq!(m.message_id.as_deref(), Some("reply-1@testshire.gov.uk"));
        assert_eq!(m.replies_to, vec!["req-1@example.org".to_string()]);
        assert_eq!(m.body, "Our ref: FOI 77\n\nThe cost would exceed £1,000.\n");
        assert_eq!(m.attachments.len(), 1);
        assert_eq!(m.attachments[0].name, "reply.pdf");
        assert_eq!(m.attachments[0].media_type, "application/pdf");
        assert_eq!(m.attachments[0].bytes, b"%PDF-1.4\n");
        assert_eq!(m.raw.bytes, HTML_1252);
    }

    #[test]
    fn a_person_or_a_team_is_no_organisation() {
        let mut m = parse_mail(HTML_1252, "x.eml").unwrap();
        m.from_name = Some("FOI Team".into());
        assert_eq!(sender_organisation(&m), None);
        m.from_name = Some("Jane Smith".into());
        assert_eq!(sender_organisation(&m), None);
    }
}
