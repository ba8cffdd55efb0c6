//! `foi show CASE`: everything about one case.

use super::json_line;
use crate::casebook::{CaseView, Casebook, Result};
use crate::domain::dates::long;
use crate::domain::text::{inert, inert_line};
use crate::export::json::case_json;
use crate::interchange::AttachmentJson;
use crate::present::{event_details, fit, outcome_badge, pad};
use std::fmt::Write;

pub fn show(book: &Casebook, key: &str, json: bool) -> Result<String> {
    let id = book.resolve(key)?;
    let v = book.view(id)?;
    let attachments = book.attachments(id)?;
    if json {
        let mut j = case_json(&v);
        j.attachments = Some(
            attachments
                .iter()
                .map(AttachmentJson::from_attachment)
                .collect(),
        );
        return json_line(&j);
    }
    let mut out = render(&v);
    if !attachments.is_empty() {
        let _ = writeln!(out, "\nOriginals ({})", attachments.len());
        for a in &attachments {
            let _ = writeln!(
                out,
                "  {:>4}  {} {} · {}{}",
                format!("[{}]", a.id),
                pad(&inert_line(&a.name), 32),
                a.media_type,
                crate::present::file_size(a.size),
                a.event
                    .map(|e| format!(" · event [{e}]"))
                    .unwrap_or_default()
            );
        }
        let _ = writeln!(out, "  foi attachments {id} --save DIR writes them out");
    }
    Ok(out)
}

fn or_dash(s: Option<&str>) -> String {
    s.map(|s| inert_line(s).into_owned())
        .unwrap_or_else(|| "—".into())
}

/// The human form, laid out for an 80-column terminal.
pub fn render(v: &CaseView) -> String {
    let mut o = String::new();
    header(&mut o, v);
    questions(&mut o, v);
    timeline(&mut o, v);
    clocks(&mut o, v);
    o
}

/// The case's details, one a line; optional ones only when recorded.
fn header(o: &mut String, v: &CaseView) {
    let c = &v.file.case;
    let _ = writeln!(o, "#{} {}", c.id, inert_line(&c.title));
    let _ = writeln!(o, "  Authority  {}", inert_line(&c.authority));
    let _ = writeln!(
        o,
        "  Regime     {} ({})",
        c.regime.label(),
        c.regime.act_name()
    );
    let _ = writeln!(
        o,
        "  Their ref  {:<22} My ref  {}",
        or_dash(c.their_ref.as_deref()),
        or_dash(c.my_ref.as_deref())
    );
    let sent = c.sent.map(long).unwrap_or_else(|| "not yet (draft)".into());
    let received = c.received_or_sent().map(long).unwrap_or_else(|| "—".into());
    let _ = writeln!(o, "  Sent       {sent:<22} Received  {received}");
    let _ = writeln!(o, "  Status     {} · overall {}", v.status, v.overall);
    if let Some(b) = &c.batch {
        let _ = writeln!(o, "  Batch      #{} {}", b.id, inert_line(&b.title));
    }
    if let Some(ch) = c.channel {
        let _ = writeln!(o, "  Channel    {ch}");
    }
    if let Some(u) = &c.url {
        let _ = writeln!(o, "  URL        {}", inert_line(u));
    }
    if !c.tags.is_empty() {
        let _ = writeln!(o, "  Tags       {}", inert_line(&c.tags.join(", ")));
    }
    if let Some(n) = &c.notes {
        let _ = writeln!(o, "  Notes      {}", fit(n, 66));
    }
}

/// Each question with its outcome badge, and its note beneath.
fn questions(o: &mut String, v: &CaseView) {
    let _ = writeln!(o, "\nQuestions ({})", v.file.questions.len());
    if v.file.questions.is_empty() {
        let _ = writeln!(
            o,
            "  none yet: foi question add {} --label 'Request 1' --text '…'",
            v.file.case.id
        );
    }
    let label_w = v
        .file
        .questions
        .iter()
        .map(|q| q.label.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 14);
    for q in &v.file.questions {
        let flag = if q.challenge { " ⚑" } else { "" };
        let _ = writeln!(
            o,
            "  {} {} {}{flag}",
            pad(&q.label, label_w),
            pad(&outcome_badge(q), 18),
            fit(&q.text, 78usize.saturating_sub(label_w + 22))
        );
        if let Some(n) = &q.note {
            let _ = writeln!(
                o,
                "  {} {}",
                " ".repeat(label_w),
                fit(&format!("↳ {n}"), 76usize.saturating_sub(label_w))
            );
        }
    }
}

/// The events in date order, each with its number for `foi event edit`.
fn timeline(o: &mut String, v: &CaseView) {
    let _ = writeln!(o, "\nTimeline");
    if v.file.events.is_empty() {
        let _ = writeln!(o, "  nothing recorded yet");
    }
    for e in &v.file.events {
        let letter = |l: &str| format!("letter attached ({} lines)", l.lines().count());
        let extra = event_details(e, letter, str::to_string);
        let _ = writeln!(
            o,
            "  {:>4}  {:<16} {:<26} {}",
            format!("[{}]", e.id),
            long(e.date),
            e.kind.describe_in(v.file.case.regime),
            fit(&extra.join(" · "), 28)
        );
    }
}

/// Every clock with its due date, state and working; the one that matters now marked.
fn clocks(o: &mut String, v: &CaseView) {
    let _ = writeln!(o, "\nClocks");
    if v.clocks.is_empty() {
        let _ = writeln!(o, "  none running (a draft has no clocks until it is sent)");
    }
    let next = v.next_clock().map(|c| c.kind);
    for k in &v.clocks {
        let marker = if Some(k.kind) == next { "▶" } else { " " };
        let _ = writeln!(
            o,
            "{marker} {:<28} due {:<16} {:<8} {}",
            k.kind.describe(),
            long(k.due),
            k.state.as_str(),
            if k.is_live() {
                k.countdown()
            } else {
                String::new()
            }
        );
        let _ = writeln!(o, "    {}", inert(&k.basis, false));
    }
}
