//! `foi event add|edit|delete`.

use super::args::{EventAddArgs, EventCmd, EventEditArgs};
use super::{clearable, cleared, date_arg, json_line, read_text_file};
use crate::casebook::{Casebook, EventPatch, Result};
use crate::domain::Event;
use crate::domain::dates::long;
use serde_json::json;

pub fn run(book: &mut Casebook, cmd: EventCmd, json: bool) -> Result<String> {
    match cmd {
        EventCmd::Add(a) => add(book, a, json),
        EventCmd::Edit(a) => edit(book, a),
        EventCmd::Delete { case, event } => {
            let id = book.resolve(&case)?;
            let kept = book.delete_event(id, event)?;
            Ok(format!(
                "Deleted event {event} from case #{id}{}\n",
                crate::casebook::originals_kept(kept)
            ))
        }
    }
}

/// `foi event add`: record an event and say which clock runs next.
fn add(book: &mut Casebook, a: EventAddArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let date = date_arg(&a.date, book.today(), "--date")?;
    let until = a
        .details
        .until
        .as_deref()
        .map(|u| date_arg(u, book.today(), "--until"))
        .transpose()?;
    let new = Event {
        note: a.details.note,
        window: a.details.window.as_deref().map(str::parse).transpose()?,
        until,
        letter: a
            .details
            .letter_file
            .as_deref()
            .map(read_text_file)
            .transpose()?,
        reference: a.details.reference,
        ..Event::new(a.kind.parse()?, date)
    };
    let kind = new.kind;
    let eid = book.add_event(id, new)?;
    if json {
        return json_line(&json!({ "case": id, "event": eid }));
    }
    let v = book.view(id)?;
    let kind = kind.name_in(v.file.case.regime);
    let next = v
        .next_clock()
        .map(|c| {
            format!(
                "; next: {} {} ({})",
                c.kind.describe().to_lowercase(),
                long(c.due),
                c.countdown()
            )
        })
        .unwrap_or_default();
    Ok(format!(
        "Recorded {kind} on {} for case #{id} (event {eid}){next}\n",
        long(date)
    ))
}

/// `foi event edit`: change the fields given, clear those given as "none".
fn edit(book: &mut Casebook, a: EventEditArgs) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let today = book.today();
    let patch = EventPatch {
        kind: a.kind.as_deref().map(str::parse).transpose()?,
        date: a
            .date
            .as_deref()
            .map(|d| date_arg(d, today, "--date"))
            .transpose()?,
        note: clearable(a.details.note),
        window: cleared(a.details.window, |w| Ok(w.parse()?))?,
        until: cleared(a.details.until, |u| date_arg(u, today, "--until"))?,
        letter: a
            .details
            .letter_file
            .as_deref()
            .map(read_text_file)
            .transpose()?
            .map(Some),
        reference: clearable(a.details.reference),
    };
    book.edit_event(id, a.event, patch)?;
    Ok(format!("Updated event {} on case #{id}\n", a.event))
}
