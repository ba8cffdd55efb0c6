//! Recording and correcting an event on the timeline. A response may carry the review
//! window its letter states; an extension the new date the authority gave.

use super::field::{Field, FieldId as F};
use super::{Form, Saved, Target};
use crate::casebook::{CaseView, Casebook, EventPatch, Result};
use crate::domain::text::inert_line;
use crate::domain::{Event, EventKind, Regime, Span};
use chrono::NaiveDate;

/// The kinds under the names of the case's regime (Scotland: `sic-application` …).
fn kinds(regime: Regime) -> Vec<&'static str> {
    EventKind::ALL.iter().map(|k| k.name_in(regime)).collect()
}

fn fields(
    e: Option<&Event>,
    default_kind: EventKind,
    regime: Regime,
    today: NaiveDate,
) -> Vec<Field> {
    vec![
        Field::choice(
            F::Kind,
            "Kind",
            kinds(regime),
            e.map_or(default_kind, |e| e.kind).name_in(regime),
        ),
        Field::date(
            F::Date,
            "Date",
            Some(e.map_or(today, |e| e.date)),
            "the letter's date: 2018-02-27, 27/2/2018, today …",
        )
        .required(),
        Field::span(
            F::Window,
            "Review window",
            e.and_then(|e| e.window),
            "as the letter states it: 2 months, 40 working days",
        ),
        Field::date(
            F::Until,
            "New due date",
            e.and_then(|e| e.until),
            "the date the authority gave, if any",
        ),
        Field::text(
            F::Reference,
            "Ref",
            e.and_then(|e| e.reference.as_deref()).unwrap_or(""),
            "their case or appeal reference: IC-312345-X9Y8, EA/2024/0123",
        ),
        Field::text(
            F::Note,
            "Note",
            e.and_then(|e| e.note.as_deref()).unwrap_or(""),
            "optional",
        ),
    ]
}

/// What usually comes next on this timeline.
fn likely_next(v: &CaseView) -> EventKind {
    match v.file.events.last().map(|e| e.kind) {
        None => EventKind::Sent,
        Some(EventKind::Sent | EventKind::Acknowledged | EventKind::Extension) => {
            EventKind::Response
        }
        Some(EventKind::Response) => EventKind::ReviewRequested,
        Some(EventKind::ReviewRequested) => EventKind::ReviewResponse,
        Some(EventKind::ReviewResponse) => EventKind::IcoComplaint,
        Some(_) => EventKind::Note,
    }
}

pub fn add_event(v: &CaseView, today: NaiveDate) -> Form {
    let c = &v.file.case;
    Form::new(
        format!("Record an event on case #{}", c.id),
        Target::AddEvent(c.id),
        fields(None, likely_next(v), c.regime, today),
        today,
    )
    .with_context(inert_line(&c.title).into_owned())
}

pub fn edit_event(v: &CaseView, e: &Event, today: NaiveDate) -> Form {
    let c = &v.file.case;
    Form::new(
        format!("Edit the {} event", e.kind.name_in(c.regime)),
        Target::EditEvent {
            case_id: c.id,
            event_id: e.id,
        },
        fields(Some(e), e.kind, c.regime, today),
        today,
    )
    .with_context(inert_line(&c.title).into_owned())
}

fn kind(form: &Form) -> EventKind {
    form.get(F::Kind)
        .and_then(|f| f.choice_value().parse().ok())
        .unwrap_or(EventKind::Note)
}

/// The window, when the kind takes one and one was typed.
fn window(form: &Form) -> Option<Span> {
    if !form.is_shown(F::Window) {
        return None;
    }
    form.value(F::Window).parse().ok()
}

fn until(form: &Form) -> Option<NaiveDate> {
    if !form.is_shown(F::Until) {
        return None;
    }
    form.date(F::Until)
}

fn saved(form: &Form, case_id: i64, what: &str) -> Saved {
    let k = kind(form);
    // The form offers the regime's names: a Scottish one is described as Scotland does.
    let named = form.get(F::Kind).map(|f| f.choice_value());
    let regime = if named.is_some_and(|n| n != k.as_str()) {
        Regime::Foisa
    } else {
        Regime::Foia
    };
    let date = form
        .date(F::Date)
        .map(crate::domain::dates::long)
        .unwrap_or_default();
    Saved {
        message: format!("Saved: {} {date} {what}", k.describe_in(regime)),
        case_id: Some(case_id),
    }
}

pub(super) fn save_new(form: &Form, book: &mut Casebook, case_id: i64) -> Result<Saved> {
    let Some(date) = form.date(F::Date) else {
        return Err(crate::casebook::Error::user("the date is missing"));
    };
    book.add_event(
        case_id,
        Event {
            note: form.optional(F::Note),
            window: window(form),
            until: until(form),
            reference: form.optional(F::Reference),
            ..Event::new(kind(form), date)
        },
    )?;
    Ok(saved(form, case_id, "recorded"))
}

pub(super) fn save_edit(
    form: &Form,
    book: &mut Casebook,
    case_id: i64,
    event_id: i64,
) -> Result<Saved> {
    let patch = EventPatch {
        kind: Some(kind(form)),
        date: form.date(F::Date),
        note: Some(form.optional(F::Note)),
        window: Some(window(form)),
        until: Some(until(form)),
        letter: None,
        reference: Some(form.optional(F::Reference)),
    };
    book.edit_event(case_id, event_id, patch)?;
    Ok(saved(form, case_id, "corrected"))
}
