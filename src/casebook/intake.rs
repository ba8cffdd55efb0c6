//! Mailboxes and WhatDoTheyKnow downloads into the casebook, each in one transaction.
//! Every message is matched to its case (a reply to a message already here, a
//! WhatDoTheyKnow request address, the request's title in the subject, the authority's
//! reference), or opens a case when it is FOI correspondence, or is skipped with the
//! reason. Originals are kept with their events; what was imported before adds nothing.

use super::proposals::{Merged, Originals, attach, merge_question, storable_questions};
use super::{Casebook, Error, Result};
use crate::domain::normalize_ref;
use crate::domain::{Case, CaseFile, Channel, Event, EventKind, Regime};
use crate::import::Proposal;
use crate::import::intake::letter_source::best_letter;
use crate::import::intake::mail::{sender_organisation, wdtk_address};
use crate::import::intake::wdtk_zip::classify;
use crate::import::intake::{Mail, MailboxSource, Original, Thread, letter_from_mail};
use crate::store::{AttachmentReads, Reads, Writer};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// What importing a mailbox or a download did (or, as a dry run, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IntakeReport {
    pub dry_run: bool,
    pub cases: Vec<IntakeCase>,
    pub skipped: Vec<SkippedMessage>,
    /// Messages imported before (same Message-ID or content): nothing added for them.
    pub already_imported: usize,
    pub attachments: usize,
    pub warnings: Vec<String>,
}

/// A case the import created or added to.
#[derive(Debug, Clone, Serialize)]
pub struct IntakeCase {
    /// `null` for a case a dry run would create.
    pub id: Option<i64>,
    pub title: String,
    pub authority: String,
    pub created: bool,
    pub events: Vec<IntakeEvent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IntakeEvent {
    pub kind: EventKind,
    pub date: NaiveDate,
    pub note: String,
    pub attachments: usize,
    pub questions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkippedMessage {
    /// The message's number in the mailbox, from 1.
    pub message: usize,
    pub subject: Option<String>,
    pub reason: String,
}

/// `Re: Freedom of Information request - TITLE` (WhatDoTheyKnow's subject, and what
/// most authorities keep in their replies).
static FOI_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?: \s* (?: re | fw | fwd | aw ) \s* : )*   # reply and forward prefixes
        \s* (?: internal \s+ review \s+ of \s+ )?   # a review request keeps the title
        freedom \s+ of \s+ information \s+ request
        \s* [-–—:] \s*
        (?P<title>.+?) \s*$",
    )
    .expect("a valid pattern")
});

/// Words that make a subject or letter FOI correspondence.
static FOI_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        freedom \s+ of \s+ information
        | \b (?: foi | foia | foisa | eir | eisr ) \b
        | environmental \s+ information \s+ regulations
        | information \s+ request
        | internal \s+ review",
    )
    .expect("a valid pattern")
});

/// The request's title in a subject, if it has the usual form.
pub fn subject_title(subject: &str) -> Option<String> {
    FOI_SUBJECT
        .captures(subject)
        .map(|c| c["title"].trim().to_string())
}

const DRY_RUN: &str = "\u{0}dry run";

impl Casebook {
    /// Import a mailbox's messages in one transaction (all or nothing).
    pub fn import_mailbox(&mut self, mb: &MailboxSource, dry_run: bool) -> Result<IntakeReport> {
        self.intake(dry_run, |w, report| {
            for (i, mail) in mb.messages.iter().enumerate() {
                take_mail(w, i + 1, mail, report)?;
            }
            for (n, why) in &mb.unreadable {
                report.skipped.push(SkippedMessage {
                    message: *n,
                    subject: None,
                    reason: why.clone(),
                });
            }
            report.skipped.sort_by_key(|s| s.message);
            Ok(())
        })
    }

    /// Import a WhatDoTheyKnow download as one case, in one transaction.
    pub fn import_thread(&mut self, t: &Thread, dry_run: bool) -> Result<IntakeReport> {
        self.intake(dry_run, |w, report| take_thread(w, t, report))
    }

    fn intake(
        &mut self,
        dry_run: bool,
        run: impl FnOnce(&Writer<'_>, &mut IntakeReport) -> Result<()>,
    ) -> Result<IntakeReport> {
        let mut report = IntakeReport {
            dry_run,
            ..IntakeReport::default()
        };
        let done = self.store.write(|w| -> Result<()> {
            run(w, &mut report)?;
            if dry_run {
                return Err(Error::User(DRY_RUN.into()));
            }
            Ok(())
        });
        match done {
            Ok(()) => {
                for c in report.cases.iter().filter(|c| c.created) {
                    if let Some(id) = c.id {
                        self.undo.record_created(id, format!("import case #{id}"));
                    }
                }
            }
            Err(Error::User(m)) if dry_run && m == DRY_RUN => {
                for c in report.cases.iter_mut().filter(|c| c.created) {
                    c.id = None;
                }
            }
            Err(e) => return Err(e),
        }
        Ok(report)
    }
}

/// The one case among `ids`, if there is exactly one.
fn one(ids: Vec<i64>) -> Option<i64> {
    match ids.as_slice() {
        [id] => Some(*id),
        _ => None,
    }
}

/// The case a message belongs to, by the evidence in order of strength.
fn find_case(w: &Writer<'_>, mail: &Mail, p: &Proposal) -> Result<Option<i64>> {
    for id in &mail.replies_to {
        if let Some((case, _)) = w.message_seen(id)? {
            return Ok(Some(case));
        }
    }
    if let Some(addr) = wdtk_address(mail)
        && let Some(id) = one(w.case_ids_noting(addr)?)
    {
        return Ok(Some(id));
    }
    if let Some(title) = mail.subject.as_deref().and_then(subject_title)
        && let Some(id) = one(w.case_ids_titled(&title)?)
    {
        return Ok(Some(id));
    }
    if let Some(r) = &p.their_ref
        && let Some(id) = one(w.case_ids_by_ref_key(&normalize_ref(r))?)
    {
        return Ok(Some(id));
    }
    Ok(None)
}

/// A message the requester sent: from a WhatDoTheyKnow request address, or a first
/// request (the bare FOI subject) from a person rather than an organisation.
fn outgoing(mail: &Mail) -> bool {
    let from_wdtk = mail
        .from_address
        .as_deref()
        .is_some_and(|a| a.starts_with("request-") && a.contains("@whatdotheyknow."));
    let bare_subject = mail.subject.as_deref().is_some_and(|s| {
        FOI_SUBJECT.is_match(s) && !s.trim_start().to_lowercase().starts_with("re")
    });
    from_wdtk || (bare_subject && sender_organisation(mail).is_none())
}

fn take_mail(w: &Writer<'_>, n: usize, mail: &Mail, report: &mut IntakeReport) -> Result<()> {
    let seen = match &mail.message_id {
        Some(id) => w.message_seen(id)?.is_some(),
        None => false,
    } || w.content_seen(&mail.raw.sha256)?.is_some();
    if seen {
        report.already_imported += 1;
        return Ok(());
    }
    let skip = |report: &mut IntakeReport, reason: &str| {
        report.skipped.push(SkippedMessage {
            message: n,
            subject: mail.subject.clone(),
            reason: reason.to_string(),
        });
    };
    let letter = letter_from_mail(mail.clone());
    let p = &letter.proposal;
    let Some(date) = p.letter_date.or(mail.date) else {
        skip(report, "no date");
        return Ok(());
    };
    let out = outgoing(mail);
    let kind = if out && find_case(w, mail, p)?.is_none() {
        EventKind::Sent
    } else {
        classify(1, !out, &letter.text)
    };
    let originals = Originals {
        files: &letter.originals,
        message_id: mail.message_id.as_deref(),
    };
    let ev = MailEvent {
        kind,
        date,
        note: format!(
            "E-mail from {}: {}",
            mail.from_name
                .clone()
                .or_else(|| mail.from_address.clone())
                .unwrap_or_else(|| "unknown sender".into()),
            mail.subject.as_deref().unwrap_or("(no subject)")
        ),
        letter: &letter.text,
        proposal: p,
        originals,
    };
    if let Some(case) = find_case(w, mail, p)? {
        return add_event(w, case, false, ev, report);
    }
    match new_case_for(mail, &letter.text, p, out, date) {
        Ok(case) => {
            let id = new_case(w, &case, !out && p.request_date.is_some())?;
            add_event(w, id, true, ev, report)
        }
        Err(reason) => {
            skip(report, reason);
            Ok(())
        }
    }
}

/// The case a message opens when it matches none: FOI correspondence naming its
/// authority (the addressee of a request, the writer of a reply); else why not.
fn new_case_for(
    mail: &Mail,
    text: &str,
    p: &Proposal,
    out: bool,
    date: NaiveDate,
) -> std::result::Result<Case, &'static str> {
    let subject = mail.subject.as_deref().unwrap_or("");
    let foi = FOI_WORDS.is_match(subject) || p.regime.is_some() || wdtk_address(mail).is_some();
    if !foi {
        return Err("not Freedom of Information correspondence");
    }
    let authority = if out {
        mail.to_name.clone()
    } else {
        p.authority.clone()
    };
    let Some(authority) = authority.filter(|a| !a.trim().is_empty()) else {
        return Err("FOI correspondence that names no authority and matches no case");
    };
    let title = subject_title(subject).unwrap_or_else(|| match &p.their_ref {
        Some(r) => format!("{authority} {r}"),
        None => format!("{authority} request"),
    });
    let notes = wdtk_address(mail).map(|a| format!("WhatDoTheyKnow request address: {a}"));
    Ok(Case {
        title,
        authority,
        regime: p.regime.unwrap_or(Regime::Foia),
        their_ref: p.their_ref.clone(),
        channel: Some(if notes.is_some() {
            Channel::Whatdotheyknow
        } else {
            Channel::Email
        }),
        sent: if out { Some(date) } else { p.request_date },
        text: out.then(|| text.to_string()),
        notes,
        ..Case::default()
    })
}

/// A case inserted without events (they follow), with a `sent` event when the request's
/// date is known from a reply.
fn new_case(w: &Writer<'_>, case: &Case, sent_event: bool) -> Result<i64> {
    super::cases::validate_case(case)?;
    let mut events = Vec::new();
    if sent_event && let Some(sent) = case.sent {
        events.push(Event::new(EventKind::Sent, sent));
    }
    Ok(w.insert_case_file(&CaseFile {
        case: case.clone(),
        questions: Vec::new(),
        events,
    })?)
}

/// One message as an event of a case.
struct MailEvent<'a> {
    kind: EventKind,
    date: NaiveDate,
    note: String,
    letter: &'a str,
    proposal: &'a Proposal,
    originals: Originals<'a>,
}

fn add_event(
    w: &Writer<'_>,
    case_id: i64,
    created: bool,
    ev: MailEvent<'_>,
    report: &mut IntakeReport,
) -> Result<()> {
    let Some(case) = w.case(case_id)? else {
        return Err(w
            .bad_data(format!("case #{case_id} vanished during the import"))
            .into());
    };
    let response = matches!(ev.kind, EventKind::Response | EventKind::ReviewResponse);
    let event_id = w.insert_event(&Event {
        case_id,
        note: Some(ev.note.clone()),
        window: if response {
            ev.proposal.review_window
        } else {
            None
        },
        letter: (!ev.letter.trim().is_empty()).then(|| ev.letter.to_string()),
        ..Event::new(ev.kind, ev.date)
    })?;
    let questions = if ev.kind == EventKind::Response {
        apply_questions(w, &case, ev.proposal, &mut report.warnings)?
    } else {
        0
    };
    let attachments = attach(w, case_id, Some(event_id), ev.originals)?;
    report.attachments += attachments;
    w.touch(case_id)?;
    let event = IntakeEvent {
        kind: ev.kind,
        date: ev.date,
        note: ev.note,
        attachments,
        questions,
    };
    match report.cases.iter_mut().find(|c| c.id == Some(case_id)) {
        Some(c) => c.events.push(event),
        None => report.cases.push(IntakeCase {
            id: Some(case_id),
            title: case.title,
            authority: case.authority,
            created,
            events: vec![event],
        }),
    }
    Ok(())
}

/// The letter's questions onto the case: new labels added, decided outcomes recorded.
/// Returns how many questions were added or changed.
fn apply_questions(
    w: &Writer<'_>,
    case: &Case,
    p: &Proposal,
    warnings: &mut Vec<String>,
) -> Result<usize> {
    let have = w.questions(case.id)?;
    let mut changed = 0;
    for q in storable_questions(case.regime, p, warnings) {
        if !matches!(merge_question(w, case.id, &have, &q)?, Merged::Unchanged) {
            changed += 1;
        }
    }
    Ok(changed)
}

/// A download's messages onto its case: the case found by its URL or title (or made),
/// then each message not already here (by its text's hash) as an event.
fn take_thread(w: &Writer<'_>, t: &Thread, report: &mut IntakeReport) -> Result<()> {
    let authority = t.authority().ok_or_else(|| {
        Error::user("the download's first message names no authority (its To: line is empty)")
    })?;
    let first = &t.messages[0];
    let existing = one(w.case_ids_titled(&t.title)?);
    let (case_id, created) = match existing {
        Some(id) => (id, false),
        None => {
            let regime = t
                .messages
                .iter()
                .filter(|m| m.incoming)
                .find_map(|m| crate::import::parse_letter(&m.body).regime)
                .unwrap_or(Regime::Foia);
            let case = Case {
                title: t.title.clone(),
                authority: authority.to_string(),
                regime,
                channel: Some(Channel::Whatdotheyknow),
                url: t.url.clone(),
                sent: first.date,
                text: Some(first.body.clone()),
                ..Case::default()
            };
            (new_case(w, &case, false)?, true)
        }
    };
    for (i, m) in t.messages.iter().enumerate() {
        let text = Original::new(
            format!("message-{}.txt", i + 1),
            "text/plain",
            m.body.clone().into_bytes(),
        );
        if w.case_has_content(case_id, &text.sha256)? {
            report.already_imported += 1;
            continue;
        }
        let Some(date) = m.date else {
            report
                .warnings
                .push(format!("message {} has no date: left out", i + 1));
            continue;
        };
        let (letter, proposal, _) = if m.incoming {
            best_letter(&m.body, &m.attachments)
        } else {
            (m.body.clone(), Proposal::default(), false)
        };
        let mut files = vec![text];
        files.extend(m.attachments.iter().cloned());
        let ev = MailEvent {
            kind: m.kind,
            date,
            note: format!("From {} (WhatDoTheyKnow message {})", m.from, i + 1),
            letter: &letter,
            proposal: &proposal,
            originals: Originals {
                files: &files,
                message_id: None,
            },
        };
        add_event(w, case_id, created, ev, report)?;
    }
    let extra = attach(
        w,
        case_id,
        None,
        Originals {
            files: &t.unlinked,
            message_id: None,
        },
    )?;
    report.attachments += extra;
    Ok(())
}
