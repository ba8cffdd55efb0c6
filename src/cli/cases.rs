//! `foi add`, `foi edit`, `foi delete`, `foi demo`.

use super::args::{AddArgs, DeleteArgs, EditArgs};
use super::{clearable, cleared, date_arg, json_line, read_text_file};
use crate::casebook::{CasePatch, Casebook, NewCase, Result};
use crate::domain::text::inert_line;
use serde_json::json;

fn date_opt(s: Option<&str>, book: &Casebook, what: &str) -> Result<Option<chrono::NaiveDate>> {
    s.map(|s| date_arg(s, book.today(), &format!("--{what}")))
        .transpose()
}

pub fn add(book: &mut Casebook, a: AddArgs, json: bool) -> Result<String> {
    let d = a.details;
    let text = match (&d.text, &d.text_file) {
        (_, Some(f)) => Some(read_text_file(f)?),
        (t, None) => t.clone(),
    };
    let new = NewCase {
        title: a.title,
        authority: a.authority,
        regime: a.regime.parse()?,
        sent: date_opt(a.sent.as_deref(), book, "sent")?,
        received: date_opt(d.received.as_deref(), book, "received")?,
        their_ref: d.their_ref,
        my_ref: d.my_ref,
        channel: d.channel.as_deref().map(str::parse).transpose()?,
        url: d.url,
        text,
        tags: d.tags,
        notes: d.notes,
    };
    let id = book.add_case(new)?;
    if json {
        return json_line(&json!({ "id": id }));
    }
    let v = book.view(id)?;
    Ok(format!(
        "Added case #{id}: {} ({}){}\n",
        inert_line(&v.file.case.title),
        inert_line(&v.file.case.authority),
        match v.next_clock() {
            Some(c) => format!(
                " — {} {}",
                c.kind.describe().to_lowercase(),
                crate::domain::dates::long(c.due)
            ),
            None => " — a draft until you give --sent".into(),
        }
    ))
}

pub fn edit(book: &mut Casebook, a: EditArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let d = a.details;
    let text = match (d.text, &d.text_file) {
        (_, Some(f)) => Some(Some(read_text_file(f)?)),
        (t, None) => clearable(t),
    };
    let patch = CasePatch {
        title: a.title,
        authority: a.authority,
        regime: a.regime.as_deref().map(str::parse).transpose()?,
        sent: cleared(a.sent, |s| date_arg(s, book.today(), "--sent"))?,
        received: cleared(d.received, |s| date_arg(s, book.today(), "--received"))?,
        their_ref: clearable(d.their_ref),
        my_ref: clearable(d.my_ref),
        channel: cleared(d.channel, |c| Ok(c.parse()?))?,
        url: clearable(d.url),
        text,
        tags: if a.clear_tags {
            Some(Vec::new())
        } else if d.tags.is_empty() {
            None
        } else {
            Some(d.tags)
        },
        notes: clearable(d.notes),
    };
    book.edit_case(id, patch)?;
    if json {
        return json_line(&json!({ "id": id }));
    }
    Ok(format!("Updated case #{id}\n"))
}

pub fn delete(book: &mut Casebook, a: DeleteArgs) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let v = book.view(id)?;
    // The originals go too, and the command line has no undo: say so before, not after.
    let originals = match book.attachments(id)?.len() {
        0 => String::new(),
        n => format!(", {}", crate::present::plural(n, "original", "originals")),
    };
    let what = format!(
        "case #{id} {} ({}, {}{originals})",
        inert_line(&v.file.case.title),
        crate::present::plural(v.file.questions.len(), "question", "questions"),
        crate::present::plural(v.file.events.len(), "event", "events")
    );
    if !a.yes {
        return Err(crate::casebook::Error::user(format!(
            "this would delete {what}: run again with --yes to delete it"
        )));
    }
    book.delete_case(id)?;
    Ok(format!("Deleted {what}\n"))
}

pub fn demo(book: &mut Casebook, json: bool) -> Result<String> {
    let (id, new) = book.load_demo()?;
    if json {
        return json_line(&json!({ "id": id, "created": new }));
    }
    let mut out = if new {
        format!("Loaded the example case as #{id}. Try: foi show {id}   or just: foi\n")
    } else {
        format!("The example case is already here as #{id}. Try: foi show {id}\n")
    };
    // The letter is from 2018: on today's date its clocks have long finished.
    if book.view(id)?.next_clock().is_none() {
        out.push_str("It is a 2018 letter: add --today 2018-03-10 to see its clocks running.\n");
    }
    Ok(out)
}
