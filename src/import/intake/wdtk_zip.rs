//! A WhatDoTheyKnow "download all correspondence" zip: `correspondence.txt` (or
//! `correspondence.pdf`) holding every message of one request, and the attachments as
//! `N_M_name` files (message N, part M).

use super::ReadError;
use super::archive::Entry;
use super::original::{Original, media_type_of};
use crate::domain::EventKind;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// One request's correspondence.
#[derive(Debug, Clone)]
pub struct Thread {
    pub title: String,
    pub url: Option<String>,
    pub messages: Vec<ThreadMessage>,
    /// Files that name no message.
    pub unlinked: Vec<Original>,
}

/// One message of the thread.
#[derive(Debug, Clone)]
pub struct ThreadMessage {
    pub from: String,
    pub to: String,
    pub date: Option<NaiveDate>,
    pub body: String,
    /// From the authority (else from the requester).
    pub incoming: bool,
    pub kind: EventKind,
    pub attachments: Vec<Original>,
}

impl Thread {
    /// The authority: the first message's addressee.
    pub fn authority(&self) -> Option<&str> {
        self.messages
            .first()
            .map(|m| m.to.trim())
            .filter(|a| !a.is_empty())
    }
}

/// The header line: `…request "TITLE". The latest, full version is available online at URL.`
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?xs)
        Freedom\s+of\s+Information\s+request\s+
        "(?P<title>[^"\n]+)"            # the title, quoted
        (?: .*? available\s+online\s+at\s+
            (?P<url>\S+?) \.?\s*$       # the URL, without the sentence's full stop
        )?"#,
    )
    .expect("a valid pattern")
});

/// A line of dashes between messages.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ *-{10,} *\r?$").expect("a valid pattern"));

/// An attachment file: `N_M_name`.
static ATTACHMENT_FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<message>\d{1,4}) _    # the message's number, from 1
        (?P<part>\d{1,4}) _       # the part's number within it
        (?P<name>.+)$",
    )
    .expect("a valid pattern")
});

/// Whether a zip's names make it a WhatDoTheyKnow download.
pub fn is_wdtk(names: &[String]) -> bool {
    names
        .iter()
        .any(|n| n == "correspondence.txt" || n == "correspondence.pdf")
}

/// Build the thread from the correspondence text and the zip's other files.
pub fn parse_thread(text: &str, files: Vec<Entry>) -> Result<Thread, ReadError> {
    let mut sections = SEPARATOR.split(text);
    let head = sections.next().unwrap_or("");
    let caps = HEADER.captures(head).ok_or_else(|| {
        ReadError::NotSupported(
            "a WhatDoTheyKnow download without its header line (\"This is a plain-text version of the Freedom of Information request …\")".into(),
        )
    })?;
    let title = caps["title"].trim().to_string();
    let url = caps.name("url").map(|u| u.as_str().to_string());
    let mut messages: Vec<ThreadMessage> = sections.filter_map(parse_message).collect();
    if messages.is_empty() {
        return Err(ReadError::NotSupported(
            "a WhatDoTheyKnow download with no messages in it".into(),
        ));
    }
    let requester = messages[0].from.clone();
    for (i, m) in messages.iter_mut().enumerate() {
        m.incoming = i > 0 && !same_person(&m.from, &requester);
        m.kind = classify(i, m.incoming, &m.body);
    }
    let mut unlinked = Vec::new();
    for file in files {
        let base = file
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&file.path)
            .to_string();
        let (slot, name) = match ATTACHMENT_FILE.captures(&base) {
            Some(c) => (
                c["message"]
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1)),
                c["name"].to_string(),
            ),
            None => (None, base.clone()),
        };
        let original = Original::new(name.clone(), media_type_of(&name), file.bytes);
        match slot.and_then(|n| messages.get_mut(n)) {
            Some(m) => m.attachments.push(original),
            None => unlinked.push(original),
        }
    }
    Ok(Thread {
        title,
        url,
        messages,
        unlinked,
    })
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// One section: `From:`, `To:`, `Date:` lines (a `From:` may run on to a second line,
/// the organisation), a blank line, the body.
fn parse_message(section: &str) -> Option<ThreadMessage> {
    let section = section.trim_matches(['\n', '\r']);
    let (head, body) = section
        .split_once("\n\n")
        .or_else(|| section.split_once("\r\n\r\n"))?;
    let (mut from, mut to, mut date) = (String::new(), String::new(), None);
    let mut last = "";
    for line in head.lines() {
        let line = line.trim_end();
        if let Some(v) = line.strip_prefix("From:") {
            from = v.trim().to_string();
            last = "from";
        } else if let Some(v) = line.strip_prefix("To:") {
            to = v.trim().to_string();
            last = "to";
        } else if let Some(v) = line.strip_prefix("Date:") {
            date = NaiveDate::parse_from_str(v.trim(), "%d %B %Y").ok();
            last = "date";
        } else if last == "from" && !line.trim().is_empty() {
            // "From: FOI Team\nDepartment for X": the organisation on its own line.
            from = format!("{from}, {}", line.trim());
        }
    }
    if from.is_empty() && to.is_empty() {
        return None;
    }
    Some(ThreadMessage {
        from,
        to,
        date,
        body: body.trim().to_string() + "\n",
        incoming: false,
        kind: EventKind::Note,
        attachments: Vec::new(),
    })
}

/// The kind of event a message is, from what it says. The first message is the request.
pub fn classify(index: usize, incoming: bool, body: &str) -> EventKind {
    let text = body.to_lowercase();
    let has = |w: &str| text.contains(w);
    if index == 0 {
        return EventKind::Sent;
    }
    if !incoming {
        return if has("internal review") {
            EventKind::ReviewRequested
        } else if has("clarif") {
            EventKind::ClarificationSent
        } else {
            EventKind::Note
        };
    }
    if has("internal review")
        && (has("upheld")
            || has("uphold")
            || has("overturn")
            || has("outcome of")
            || has("reviewed"))
    {
        EventKind::ReviewResponse
    } else if has("clarif") && (has("could you") || has("please confirm") || has("please clarify"))
    {
        EventKind::ClarificationRequested
    } else if (has("acknowledge") || has("we received your request") || has("has been received"))
        && text.len() < 1500
    {
        EventKind::Acknowledged
    } else {
        EventKind::Response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "This is a plain-text version of the Freedom of Information request \"Bridge inspections\". The latest, full version is available online at https://www.whatdotheyknow.com/request/bridge_inspections.\n\n-------------------------------------------------------------------\n\nFrom: Jo Bloggs\nTo: Testshire County Council\nDate: 3 February 2018\n\nDear Testshire County Council,\n1. How many bridges?\n\nYours faithfully,\nJo Bloggs\n\n-------------------------------------------------------------------\n\nFrom: FOI Team\nTestshire County Council\nTo: Jo Bloggs\nDate: 5 February 2018\n\nWe acknowledge receipt of your request.\n\n-------------------------------------------------------------------\n\nFrom: FOI Team\nTo: Jo Bloggs\nDate: 27 February 2018\n\nPlease find our response attached.\n\nAttachment: response.pdf (12K)\n\n-------------------------------------------------------------------\n";

    #[test]
    fn a_download_becomes_a_thread() {
        let files = vec![Entry {
            path: "3_2_response.pdf".into(),
            bytes: b"%PDF-1.4".to_vec(),
        }];
        let t = parse_thread(TXT, files).unwrap();
        assert_eq!(t.title, "Bridge inspections");
        assert_eq!(
            t.url.as_deref(),
            Some("https://www.whatdotheyknow.com/request/bridge_inspections")
        );
        assert_eq!(t.authority(), Some("Testshire County Council"));
        let kinds: Vec<_> = t.messages.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                EventKind::Sent,
                EventKind::Acknowledged,
                EventKind::Response
            ]
        );
        assert_eq!(t.messages[1].from, "FOI Team, Testshire County Council");
        assert_eq!(t.messages[2].date, NaiveDate::from_ymd_opt(2018, 2, 27));
        assert_eq!(t.messages[2].attachments[0].name, "response.pdf");
        assert!(t.unlinked.is_empty());
    }

    #[test]
    fn no_header_is_refused() {
        assert!(parse_thread("hello\n-----------\nFrom: a\n\nb", vec![]).is_err());
    }
}
