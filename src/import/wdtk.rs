//! WhatDoTheyKnow (Alaveteli) request JSON, as `/request/<url_title>.json` publishes it:
//! one request, a list of them, or either wrapped as `{"info_request": …}`. Each becomes a
//! case in the casebook's own JSON shape, so importing reuses the one all-or-nothing path.

use crate::domain::{Channel, EventKind, Regime};
use crate::interchange::{CaseJson, Document, EventJson, FORMAT, VERSION};
use chrono::NaiveDate;
use serde_json::Value;

/// Where a WhatDoTheyKnow request lives, for the case's URL.
const REQUEST_URL: &str = "https://www.whatdotheyknow.com/request/";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WdtkError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("request {0}: {1}")]
    Request(usize, String),
    #[error(
        "no WhatDoTheyKnow request in the file (expected objects with \"title\" and \"info_request_events\")"
    )]
    Empty,
}

/// The date part of an Alaveteli timestamp (`2018-02-03T10:11:12.000+00:00`).
fn date_of(v: &Value) -> Option<NaiveDate> {
    let s = v.as_str()?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Tags come as `["name", …]` or `[["name", value], …]`.
fn tags(v: &Value) -> Vec<String> {
    v.get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| match t {
                    Value::String(s) => Some(s.clone()),
                    Value::Array(pair) => pair.first().and_then(Value::as_str).map(str::to_string),
                    _ => None,
                })
                .filter(|t| !t.trim().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// What one Alaveteli event means for the timeline, if anything.
fn event_kind(event_type: &str, state: &str) -> Option<EventKind> {
    match (event_type, state) {
        ("sent", _) => Some(EventKind::Sent),
        ("response", "waiting_clarification") => Some(EventKind::ClarificationRequested),
        ("response", _) => Some(EventKind::Response),
        ("followup_sent", "internal_review") => Some(EventKind::ReviewRequested),
        ("followup_sent", "waiting_response") => Some(EventKind::ClarificationSent),
        (_, "user_withdrawn") => Some(EventKind::Withdrawn),
        _ => None,
    }
}

fn case_of(req: &Value) -> Result<CaseJson, String> {
    let title = text(req, "title").ok_or("it has no title")?;
    let body = req.get("public_body").ok_or("it names no public body")?;
    let authority = text(body, "name")
        .or_else(|| text(body, "short_name"))
        .ok_or("its public body has no name")?;
    let regime = match req.get("law_used").and_then(Value::as_str) {
        Some("eir") => Regime::Eir,
        _ => Regime::Foia,
    };
    let final_state = text(req, "described_state").unwrap_or_default();
    let events = timeline(req, &final_state);
    let sent = events
        .iter()
        .find(|e| e.kind == EventKind::Sent)
        .map(|e| e.date);
    Ok(CaseJson {
        id: None,
        title,
        authority,
        regime,
        their_ref: None,
        my_ref: None,
        channel: Some(Channel::Whatdotheyknow),
        url: text(req, "url_title").map(|u| format!("{REQUEST_URL}{u}")),
        sent,
        received: None,
        status: None,
        overall: None,
        tags: tags(req),
        text: None,
        notes: (!final_state.is_empty()).then(|| {
            format!(
                "Imported from WhatDoTheyKnow (state: {}).",
                final_state.replace('_', " ")
            )
        }),
        batch: None,
        questions: Vec::new(),
        events,
        attachments: None,
        clocks: Vec::new(),
        created_at: None,
        updated_at: None,
    })
}

/// A timeline event as WhatDoTheyKnow gives it: a kind, a date and perhaps a note.
fn event(kind: EventKind, date: NaiveDate, note: Option<String>) -> EventJson {
    EventJson {
        id: None,
        kind,
        date,
        note,
        window: None,
        until: None,
        letter: None,
        reference: None,
        regime: Regime::default(),
    }
}

/// The request's events in date order: one `sent` however often it was resent, the
/// review a request still awaiting one was sent for, and a `sent` on the request's
/// creation date when no event says when it went.
fn timeline(req: &Value, final_state: &str) -> Vec<EventJson> {
    let mut events = listed_events(req);
    events.sort_by_key(|e| e.date);
    let seen_review = events.iter().any(|e| e.kind == EventKind::ReviewRequested);
    if final_state == "internal_review"
        && !seen_review
        && let Some(d) = req.get("updated_at").and_then(date_of)
    {
        let note = Some("WhatDoTheyKnow: awaiting internal review".into());
        events.push(event(EventKind::ReviewRequested, d, note));
    }
    if !events.iter().any(|e| e.kind == EventKind::Sent)
        && let Some(date) = req.get("created_at").and_then(date_of)
    {
        events.insert(0, event(EventKind::Sent, date, None));
    }
    events
}

/// The events of `info_request_events` that mean something on our timeline.
fn listed_events(req: &Value) -> Vec<EventJson> {
    let mut events: Vec<EventJson> = Vec::new();
    let list = req.get("info_request_events").and_then(Value::as_array);
    for e in list.into_iter().flatten() {
        let kind_name = e.get("event_type").and_then(Value::as_str).unwrap_or("");
        let state = e
            .get("described_state")
            .and_then(Value::as_str)
            .or_else(|| e.get("calculated_state").and_then(Value::as_str))
            .unwrap_or("");
        let (Some(kind), Some(date)) = (
            event_kind(kind_name, state),
            e.get("created_at").and_then(date_of),
        ) else {
            continue;
        };
        // A request resent or followed up twice is one event on our timeline.
        if kind == EventKind::Sent && events.iter().any(|x| x.kind == EventKind::Sent) {
            continue;
        }
        let note = (!state.is_empty())
            .then(|| format!("WhatDoTheyKnow: {kind_name}, {}", state.replace('_', " ")));
        events.push(event(kind, date, note));
    }
    events
}

/// Read WhatDoTheyKnow JSON into an import document (one case per request).
pub fn parse_wdtk(input: &str) -> Result<Document, WdtkError> {
    let value: Value = serde_json::from_str(input.trim_start_matches('\u{feff}'))
        .map_err(|e| WdtkError::NotJson(format!("{e}")))?;
    let unwrap = |v: &Value| v.get("info_request").cloned().unwrap_or_else(|| v.clone());
    let requests: Vec<Value> = match &value {
        Value::Array(items) => items.iter().map(unwrap).collect(),
        v => vec![unwrap(v)],
    };
    if requests.is_empty() {
        return Err(WdtkError::Empty);
    }
    let cases = requests
        .iter()
        .enumerate()
        .map(|(i, r)| case_of(r).map_err(|m| WdtkError::Request(i + 1, m)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Document {
        format: FORMAT.into(),
        version: VERSION,
        cases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{
      "id": 1, "url_title": "bridge_inspections", "title": "Bridge inspections",
      "law_used": "foi", "described_state": "internal_review",
      "created_at": "2018-02-03T10:00:00.000+00:00", "updated_at": "2018-03-20T09:00:00.000+00:00",
      "tags": [["roads", null], "bridges"],
      "public_body": {"name": "Exampleshire County Council", "short_name": "ECC", "url_name": "ecc"},
      "info_request_events": [
        {"event_type": "sent", "created_at": "2018-02-03T10:00:00.000+00:00", "described_state": null, "calculated_state": "waiting_response"},
        {"event_type": "response", "created_at": "2018-02-27T12:00:00.000+00:00", "described_state": "partially_successful", "calculated_state": "partially_successful"},
        {"event_type": "followup_sent", "created_at": "2018-03-01T08:00:00.000+00:00", "described_state": "internal_review", "calculated_state": "internal_review"},
        {"event_type": "comment", "created_at": "2018-03-02T08:00:00.000+00:00"}
      ]
    }"#;

    #[test]
    fn a_request_becomes_a_case() {
        let doc = parse_wdtk(ONE).unwrap();
        let c = &doc.cases[0];
        assert_eq!(c.title, "Bridge inspections");
        assert_eq!(c.authority, "Exampleshire County Council");
        assert_eq!(c.regime, Regime::Foia);
        assert_eq!(
            c.url.as_deref(),
            Some("https://www.whatdotheyknow.com/request/bridge_inspections")
        );
        assert_eq!(c.tags, ["roads", "bridges"]);
        assert_eq!(c.sent, NaiveDate::from_ymd_opt(2018, 2, 3));
        let kinds: Vec<EventKind> = c.events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EventKind::Sent,
                EventKind::Response,
                EventKind::ReviewRequested
            ]
        );
    }

    #[test]
    fn lists_and_wrapped_requests_and_errors() {
        let list = format!("[{ONE}, {{\"info_request\": {ONE}}}]");
        assert_eq!(parse_wdtk(&list).unwrap().cases.len(), 2);
        assert!(matches!(parse_wdtk("[]"), Err(WdtkError::Empty)));
        assert!(matches!(parse_wdtk("{"), Err(WdtkError::NotJson(_))));
        let err = parse_wdtk(r#"[{"title": "x"}]"#).unwrap_err().to_string();
        assert!(
            err.contains("request 1") && err.contains("public body"),
            "{err}"
        );
    }
}
