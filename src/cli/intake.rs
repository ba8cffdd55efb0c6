//! `foi import`: every kind of file through the one entry point
//! ([`crate::import::intake::open`]), then the operation that kind needs.

use super::args::ImportArgs;
use super::json_line;
use crate::casebook::{
    Casebook, Error, IntakeReport, LetterChoices, LetterSaved, Originals, Result,
};
use crate::domain::dates::long;
use crate::domain::text::inert_line;
use crate::import::Proposal;
use crate::import::intake::{Forced, LetterSource, Original, ReadError, Source, open};
use crate::import::wdtk::parse_wdtk;
use crate::present::{fit, pad, plural};
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

/// The one line a file that cannot be imported gets.
pub fn read_error(path: &Path, e: ReadError) -> Error {
    match e {
        ReadError::Io(e) => Error::user(format!("cannot read {}: {e}", path.display())),
        e => Error::user(format!("{}: {e}", path.display())),
    }
}

pub fn import(book: &mut Casebook, a: ImportArgs, json: bool) -> Result<String> {
    let forced = a
        .format
        .as_deref()
        .map(str::parse::<Forced>)
        .transpose()
        .map_err(Error::user)?;
    let source = open(&a.file, forced).map_err(|e| read_error(&a.file, e))?;
    if a.batch.is_some() && !matches!(source, Source::Letter(_)) {
        return Err(Error::user(format!(
            "{}: --batch is for a reply letter to a round robin, not for a file of cases",
            a.file.display()
        )));
    }
    match source {
        Source::Export { cases } => super::transfer::import_json(book, &a, cases, json),
        Source::WdtkJson(text) => {
            let doc = parse_wdtk(&text).map_err(|e| {
                Error::user(format!("{}: WhatDoTheyKnow JSON: {e}", a.file.display()))
            })?;
            super::transfer::import_doc(book, &doc, &a, json)
        }
        Source::Letter(l) => import_letter(book, &a, *l, json),
        Source::Mailbox(mb) => {
            let report = book.import_mailbox(&mb, a.dry_run)?;
            intake_said(&report, &a, json)
        }
        Source::Thread(t) => {
            let report = book.import_thread(&t, a.dry_run)?;
            intake_said(&report, &a, json)
        }
    }
}

/// An original as `--dry-run --json` lists it.
#[derive(Serialize)]
struct AttachmentLine<'a> {
    name: &'a str,
    media_type: &'a str,
    size: usize,
    sha256: &'a str,
}

fn attachment_lines(files: &[Original]) -> Vec<AttachmentLine<'_>> {
    files
        .iter()
        .map(|o| AttachmentLine {
            name: &o.name,
            media_type: &o.media_type,
            size: o.bytes.len(),
            sha256: &o.sha256,
        })
        .collect()
}

/// `--dry-run --json` for one letter: the proposal, its originals, and whether it was
/// imported before.
#[derive(Serialize)]
struct LetterDryRun<'a> {
    #[serde(flatten)]
    proposal: &'a Proposal,
    attachments: Vec<AttachmentLine<'a>>,
    needs_ocr: bool,
    already_imported: Option<i64>,
}

/// A reply to a round robin (`--batch`): the case of the authority the letter names in
/// the batch (`--authority` names it whatever the letterhead says).
fn case_in_batch(book: &Casebook, a: &ImportArgs, proposal: &mut Proposal) -> Result<Option<i64>> {
    let Some(batch) = &a.batch else {
        return Ok(None);
    };
    if let Some(name) = &a.authority {
        proposal.authority = Some(name.clone());
    }
    let batch = book.resolve_batch(batch)?;
    book.match_letter_in_batch(batch, proposal).map(Some)
}

fn import_letter(
    book: &mut Casebook,
    a: &ImportArgs,
    mut l: LetterSource,
    json: bool,
) -> Result<String> {
    let in_batch = case_in_batch(book, a, &mut l.proposal)?;
    if a.dry_run {
        return letter_dry_run(book, &l, in_batch, json);
    }
    let originals = Originals {
        files: &l.originals,
        message_id: l.message_id.as_deref(),
    };
    let case = match in_batch {
        Some(id) => Some(id),
        None => a.case.as_deref().map(|c| book.resolve(c)).transpose()?,
    };
    if l.needs_ocr && l.proposal.letter_date.is_none() {
        return keep_scan(book, &l, case, json);
    }
    let choices = LetterChoices {
        case,
        title: a.title.clone(),
        authority: a.authority.clone(),
    };
    let saved = book.save_letter_with(&l.proposal, &l.text, &choices, originals)?;
    if json {
        return json_line(&saved);
    }
    Ok(letter_said(a, &l, &saved))
}

/// `--dry-run`: what was read and where it would go, saving nothing.
fn letter_dry_run(
    book: &Casebook,
    l: &LetterSource,
    in_batch: Option<i64>,
    json: bool,
) -> Result<String> {
    let originals = Originals {
        files: &l.originals,
        message_id: l.message_id.as_deref(),
    };
    let seen = book.seen_before(originals)?;
    if json {
        return json_line(&LetterDryRun {
            proposal: &l.proposal,
            attachments: attachment_lines(&l.originals),
            needs_ocr: l.needs_ocr,
            already_imported: seen,
        });
    }
    let target = match in_batch {
        Some(id) => Some(id),
        None => book.match_letter(&l.proposal).ok().flatten(),
    };
    let why = if in_batch.is_some() {
        "its authority's case in the batch"
    } else {
        "same reference"
    };
    let mut out = describe_proposal(&l.proposal, &l.originals);
    out.push_str(&match (seen, target) {
        (Some(id), _) => format!("Already imported into case #{id}: nothing would be added.\n"),
        (None, Some(id)) => {
            format!("Would add the response to case #{id} ({why}). Nothing saved (dry run).\n")
        }
        (None, None) => "Would create a new case. Nothing saved (dry run).\n".into(),
    });
    Ok(out)
}

/// What saving the letter did, in words, with the reader's notes.
fn letter_said(a: &ImportArgs, l: &LetterSource, saved: &LetterSaved) -> String {
    let mut out = if saved.already_imported {
        format!(
            "{} was imported before (case #{}): nothing added\n",
            a.file.display(),
            saved.case
        )
    } else if saved.already_recorded {
        format!("{}\n", saved.already_said())
    } else if saved.created {
        format!(
            "Imported {} as case #{} with {}\n",
            a.file.display(),
            saved.case,
            plural(saved.questions_added, "question", "questions")
        )
    } else {
        format!(
            "Added the response to case #{} ({} updated, {} added)\n",
            saved.case,
            plural(saved.questions_updated, "question", "questions"),
            saved.questions_added
        )
    };
    if saved.attachments_added > 0 {
        let _ = writeln!(
            out,
            "  kept {}",
            plural(saved.attachments_added, "original", "originals")
        );
    }
    let notes = l.proposal.warnings.iter().chain(&saved.warnings);
    for w in notes.filter(|_| !saved.already_imported) {
        let _ = writeln!(out, "  note: {}", inert_line(w));
    }
    out
}

/// A scan without a date: nothing can be read, so it is only kept, on the case named.
fn keep_scan(
    book: &mut Casebook,
    l: &LetterSource,
    case: Option<i64>,
    json: bool,
) -> Result<String> {
    let Some(case) = case else {
        return Err(Error::user(format!(
            "{} has no text layer (a scan) and needs OCR: nothing can be read from it; keep it on its case with --case CASE",
            l.name
        )));
    };
    let added = book.keep_originals(
        case,
        Originals {
            files: &l.originals,
            message_id: l.message_id.as_deref(),
        },
    )?;
    if json {
        return json_line(
            &serde_json::json!({"case": case, "attachments_added": added, "needs_ocr": true}),
        );
    }
    Ok(format!(
        "Kept {} on case #{case} ({}); it has no text layer and needs OCR: nothing was read from it\n",
        l.name,
        plural(added, "original", "originals")
    ))
}

/// A dry run in words: what was found, what was not, and the originals.
fn describe_proposal(p: &Proposal, originals: &[Original]) -> String {
    let or_none = |s: Option<String>| {
        s.map(|s| inert_line(&s).into_owned())
            .unwrap_or_else(|| "— not found".into())
    };
    let mut o = String::new();
    let _ = writeln!(o, "Authority      {}", or_none(p.authority.clone()));
    let _ = writeln!(o, "Their ref      {}", or_none(p.their_ref.clone()));
    let _ = writeln!(
        o,
        "Regime         {}",
        or_none(p.regime.map(|r| r.label().to_string()))
    );
    let _ = writeln!(o, "Letter date    {}", or_none(p.letter_date.map(long)));
    let _ = writeln!(o, "Request date   {}", or_none(p.request_date.map(long)));
    let _ = writeln!(
        o,
        "Review window  {}",
        or_none(p.review_window.map(|w| w.canonical()))
    );
    let _ = writeln!(o, "Questions      {}", p.questions.len());
    for q in &p.questions {
        let sections = if q.exemptions.is_empty() {
            String::new()
        } else {
            format!(" s{}", q.exemptions.join(", s"))
        };
        let _ = writeln!(
            o,
            "  {} {}{sections} — {}",
            pad(&q.label, 12),
            q.outcome,
            fit(&q.text, 50)
        );
    }
    if !originals.is_empty() {
        let _ = writeln!(o, "Originals      {}", originals.len());
        for f in originals {
            let _ = writeln!(
                o,
                "  {} {} · {}",
                pad(&inert_line(&f.name), 30),
                f.media_type,
                crate::present::file_size(f.bytes.len() as i64)
            );
        }
    }
    for w in &p.warnings {
        let _ = writeln!(o, "  note: {}", inert_line(w));
    }
    o
}

/// What a mailbox or download import says it did.
fn intake_said(r: &IntakeReport, a: &ImportArgs, json: bool) -> Result<String> {
    if json {
        return json_line(r);
    }
    let mut o = String::new();
    let created = r.cases.iter().filter(|c| c.created).count();
    let events: usize = r.cases.iter().map(|c| c.events.len()).sum();
    let _ = writeln!(
        o,
        "{} {} from {}: {}, {}, {}, {}",
        if r.dry_run {
            "Would import"
        } else {
            "Imported"
        },
        if r.cases.is_empty() {
            "nothing"
        } else {
            "messages"
        },
        a.file.display(),
        plural(created, "new case", "new cases"),
        plural(r.cases.len() - created, "existing case", "existing cases"),
        plural(events, "event", "events"),
        plural(r.attachments, "original", "originals")
    );
    for c in &r.cases {
        let id =
            c.id.map_or_else(|| "new".to_string(), |id| format!("#{id}"));
        let _ = writeln!(
            o,
            "  {id} {} — {}",
            inert_line(&c.title),
            inert_line(&c.authority)
        );
        for e in &c.events {
            let _ = writeln!(
                o,
                "    {} {} · {}",
                long(e.date),
                e.kind.as_str(),
                fit(&inert_line(&e.note), 60)
            );
        }
    }
    if r.already_imported > 0 {
        let _ = writeln!(
            o,
            "  {} already imported: nothing added for them",
            plural(r.already_imported, "message", "messages")
        );
    }
    if !r.skipped.is_empty() {
        let _ = writeln!(
            o,
            "  skipped {}:",
            plural(r.skipped.len(), "message", "messages")
        );
        for s in &r.skipped {
            let _ = writeln!(
                o,
                "    message {} ({}): {}",
                s.message,
                fit(
                    &inert_line(s.subject.as_deref().unwrap_or("no subject")),
                    40
                ),
                s.reason
            );
        }
    }
    for w in &r.warnings {
        let _ = writeln!(o, "  note: {}", inert_line(w));
    }
    if r.dry_run {
        o.push_str("Nothing saved (dry run).\n");
    }
    Ok(o)
}
