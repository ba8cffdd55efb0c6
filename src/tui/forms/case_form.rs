//! Adding and editing a case.

use super::field::{Field, FieldId as F};
use super::{Form, Saved, Target};
use crate::casebook::{CasePatch, CaseView, Casebook, NewCase, Result};
use crate::domain::{Channel, Regime};
use chrono::NaiveDate;

const NO_CHANNEL: &str = "—";

fn regimes() -> Vec<&'static str> {
    Regime::ALL.iter().map(|r| r.as_str()).collect()
}

fn channels() -> Vec<&'static str> {
    std::iter::once(NO_CHANNEL)
        .chain(Channel::ALL.iter().map(|c| c.as_str()))
        .collect()
}

/// The case form's fields, filled from the case being edited (none when adding one).
fn fields(c: Option<&crate::domain::Case>, today: NaiveDate) -> Vec<Field> {
    let mut all = request_fields(c, today);
    all.extend(record_fields(c));
    all
}

/// What was asked, of whom, under which law, and when.
fn request_fields(c: Option<&crate::domain::Case>, today: NaiveDate) -> Vec<Field> {
    vec![
        Field::text(
            F::Title,
            "Title",
            c.map_or("", |c| &c.title),
            "a few words: what you asked for",
        )
        .required(),
        Field::text(
            F::Authority,
            "Authority",
            c.map_or("", |c| &c.authority),
            "the public body, e.g. Department for Work and Pensions",
        )
        .required(),
        Field::choice(
            F::Regime,
            "Regime",
            regimes(),
            c.map_or(Regime::Foia, |c| c.regime).as_str(),
        ),
        Field::date(
            F::Sent,
            "Sent",
            c.map_or(Some(today), |c| c.sent),
            "date sent: 2018-02-03, 3/2/2018, today … (empty: a draft)",
        ),
        Field::date(
            F::Received,
            "Received",
            c.and_then(|c| c.received),
            "empty: the day it was sent",
        ),
    ]
}

/// How the case is found and kept: references, channel, tags, link, the request's text
/// and notes.
fn record_fields(c: Option<&crate::domain::Case>) -> Vec<Field> {
    let s = |f: fn(&crate::domain::Case) -> Option<&String>| {
        c.and_then(f).map(String::as_str).unwrap_or("").to_string()
    };
    vec![
        Field::text(
            F::TheirRef,
            "Their ref",
            &s(|c| c.their_ref.as_ref()),
            "the authority's reference, e.g. FoI 471",
        ),
        Field::text(
            F::MyRef,
            "My ref",
            &s(|c| c.my_ref.as_ref()),
            "your own reference",
        ),
        Field::choice(
            F::Channel,
            "Channel",
            channels(),
            c.and_then(|c| c.channel)
                .map_or(NO_CHANNEL, |ch| ch.as_str()),
        ),
        Field::text(
            F::Tags,
            "Tags",
            &c.map(|c| c.tags.join(", ")).unwrap_or_default(),
            "comma-separated",
        ),
        Field::text(
            F::Url,
            "URL",
            &s(|c| c.url.as_ref()),
            "where the request is online",
        ),
        Field::long_text(
            F::Text,
            "Request",
            &s(|c| c.text.as_ref()),
            "the request's full text, as sent (full-text search finds it)",
            2,
        ),
        Field::text(
            F::Notes,
            "Notes",
            &s(|c| c.notes.as_ref()),
            "anything to remember",
        ),
    ]
}

pub fn add_case(today: NaiveDate) -> Form {
    Form::new("Add a case", Target::AddCase, fields(None, today), today)
}

pub fn edit_case(v: &CaseView, today: NaiveDate) -> Form {
    let c = &v.file.case;
    Form::new(
        format!("Edit case #{}", c.id),
        Target::EditCase(c.id),
        fields(Some(c), today),
        today,
    )
}

fn tags(form: &Form) -> Vec<String> {
    form.value(F::Tags)
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn regime(form: &Form) -> Regime {
    form.get(F::Regime)
        .and_then(|f| f.choice_value().parse().ok())
        .unwrap_or_default()
}

fn channel(form: &Form) -> Option<Channel> {
    form.get(F::Channel)
        .and_then(|f| f.choice_value().parse().ok())
}

pub(super) fn save_new(form: &Form, book: &mut Casebook) -> Result<Saved> {
    let new = NewCase {
        title: form.value(F::Title),
        authority: form.value(F::Authority),
        regime: regime(form),
        sent: form.date(F::Sent),
        received: form.date(F::Received),
        their_ref: form.optional(F::TheirRef),
        my_ref: form.optional(F::MyRef),
        channel: channel(form),
        url: form.optional(F::Url),
        text: form.optional(F::Text),
        tags: tags(form),
        notes: form.optional(F::Notes),
    };
    let title = new.title.clone();
    let id = book.add_case(new)?;
    Ok(Saved {
        message: format!(
            "Saved: case #{id} {}. Enter opens it; a there adds its questions.",
            crate::present::fit(&title, 40)
        ),
        case_id: Some(id),
    })
}

pub(super) fn save_edit(form: &Form, book: &mut Casebook, id: i64) -> Result<Saved> {
    let patch = CasePatch {
        title: Some(form.value(F::Title)),
        authority: Some(form.value(F::Authority)),
        regime: Some(regime(form)),
        sent: Some(form.date(F::Sent)),
        received: Some(form.date(F::Received)),
        their_ref: Some(form.optional(F::TheirRef)),
        my_ref: Some(form.optional(F::MyRef)),
        channel: Some(channel(form)),
        url: Some(form.optional(F::Url)),
        text: Some(form.optional(F::Text)),
        tags: Some(tags(form)),
        notes: Some(form.optional(F::Notes)),
    };
    book.edit_case(id, patch)?;
    Ok(Saved {
        message: format!("Saved: case #{id}"),
        case_id: Some(id),
    })
}
