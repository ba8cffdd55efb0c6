//! The interchange format: the JSON shapes of `show --json` (one case) and of the export
//! document `{"format": "foi-casebook", "version": 1, "cases": [...]}` that `import` reads
//! back, with their versioning. Derived fields (`id`, `status`, `overall`, `clocks`) are
//! written but ignored on reading. The casebook, the importers and the exporters all use
//! these types; this module uses none of them, only the domain and the clocks.

use crate::calendar::Clock;
use crate::domain::{
    BatchRef, Case, CaseFile, CaseStatus, Channel, Event, EventKind, Outcome, OverallOutcome,
    Question, Regime, Span,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "foi-casebook";
pub const VERSION: i64 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: i64,
    pub cases: Vec<CaseJson>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    pub authority: String,
    #[serde(default)]
    pub regime: Regime,
    #[serde(default)]
    pub their_ref: Option<String>,
    #[serde(default)]
    pub my_ref: Option<String>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub sent: Option<NaiveDate>,
    /// The date the authority received it (the sent date unless recorded otherwise).
    #[serde(default)]
    pub received: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CaseStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<OverallOutcome>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// The round robin the case belongs to (`null` when none). Importing makes a new
    /// batch in the receiving casebook for each one the document names.
    #[serde(default)]
    pub batch: Option<BatchRef>,
    #[serde(default)]
    pub questions: Vec<QuestionJson>,
    #[serde(default)]
    pub events: Vec<EventJson>,
    /// The originals kept as evidence: always listed by `show --json`; in an export only
    /// when the case has some (their bytes, base64, only when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentJson>>,
    /// Derived: written for readers, ignored when importing.
    #[serde(default, deserialize_with = "ignore_derived")]
    pub clocks: Vec<Clock>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionJson {
    pub label: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub outcome: Outcome,
    #[serde(default)]
    pub exemptions: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub challenge: bool,
}

impl QuestionJson {
    /// The document's form of `q`.
    pub fn of(q: &Question) -> QuestionJson {
        QuestionJson {
            label: q.label.clone(),
            text: q.text.clone(),
            outcome: q.outcome,
            exemptions: q.exemptions.clone(),
            note: q.note.clone(),
            challenge: q.challenge,
        }
    }

    /// The question to insert at `position` (ids left for the store to assign).
    pub fn to_question(&self, position: i64) -> Question {
        Question {
            id: 0,
            case_id: 0,
            position,
            label: self.label.clone(),
            text: self.text.clone(),
            outcome: self.outcome,
            exemptions: self.exemptions.clone(),
            note: self.note.clone(),
            challenge: self.challenge,
        }
    }
}

/// An event. Its `kind` is written under the case's regime's name (Scotland:
/// `sic-application`, `sic-decision`, `court-of-session-appeal`); either name reads back.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventJson {
    #[serde(default)]
    pub id: Option<i64>,
    pub kind: EventKind,
    pub date: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub window: Option<Span>,
    #[serde(default)]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub letter: Option<String>,
    /// The reference the step was given (an ICO case, a decision notice, an appeal).
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    /// The case's regime, for the name `kind` is written under; not a field of its own.
    #[serde(skip)]
    pub regime: Regime,
}

impl EventJson {
    /// The document's form of `e`, an event of a case under `regime`.
    pub fn of(e: &Event, regime: Regime) -> EventJson {
        EventJson {
            id: Some(e.id),
            kind: e.kind,
            date: e.date,
            note: e.note.clone(),
            window: e.window,
            until: e.until,
            letter: e.letter.clone(),
            reference: e.reference.clone(),
            regime,
        }
    }

    /// The event to insert (ids left for the store to assign).
    pub fn to_event(&self) -> Event {
        Event {
            id: 0,
            case_id: 0,
            kind: self.kind,
            date: self.date,
            note: self.note.clone(),
            window: self.window,
            until: self.until,
            letter: self.letter.clone(),
            reference: self.reference.clone(),
        }
    }
}

impl Serialize for EventJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("EventJson", 8)?;
        match self.id {
            Some(id) => st.serialize_field("id", &id)?,
            None => st.skip_field("id")?,
        }
        st.serialize_field("kind", self.kind.name_in(self.regime))?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("note", &self.note)?;
        st.serialize_field("window", &self.window)?;
        st.serialize_field("until", &self.until)?;
        st.serialize_field("letter", &self.letter)?;
        st.serialize_field("ref", &self.reference)?;
        st.end()
    }
}

/// An original, by hash; `data` (base64) carries its bytes in an export made with
/// `--embed`, and is restored by the import.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    /// The id of the event it came with.
    #[serde(default)]
    pub event: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

impl AttachmentJson {
    pub fn from_attachment(a: &crate::domain::Attachment) -> AttachmentJson {
        AttachmentJson {
            id: Some(a.id),
            name: a.name.clone(),
            media_type: a.media_type.clone(),
            size: a.size,
            sha256: a.sha256.clone(),
            event: a.event,
            data: None,
        }
    }
}

fn ignore_derived<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Clock>, D::Error> {
    serde::de::IgnoredAny::deserialize(d)?;
    Ok(Vec::new())
}

impl CaseJson {
    /// The `show --json` shape of a case, with its derived status, overall outcome and
    /// clocks.
    pub fn from_case(
        file: &CaseFile,
        status: CaseStatus,
        overall: OverallOutcome,
        clocks: &[Clock],
    ) -> CaseJson {
        let c = &file.case;
        CaseJson {
            id: Some(c.id),
            title: c.title.clone(),
            authority: c.authority.clone(),
            regime: c.regime,
            their_ref: c.their_ref.clone(),
            my_ref: c.my_ref.clone(),
            channel: c.channel,
            url: c.url.clone(),
            sent: c.sent,
            received: c.received_or_sent(),
            status: Some(status),
            overall: Some(overall),
            tags: c.tags.clone(),
            text: c.text.clone(),
            notes: c.notes.clone(),
            batch: c.batch.clone(),
            questions: file.questions.iter().map(QuestionJson::of).collect(),
            events: file
                .events
                .iter()
                .map(|e| EventJson::of(e, c.regime))
                .collect(),
            attachments: None,
            clocks: clocks.to_vec(),
            created_at: Some(c.created_at.clone()),
            updated_at: Some(c.updated_at.clone()),
        }
    }

    /// A case file to insert (ids left for the store to assign; derived fields dropped).
    pub fn to_case_file(&self) -> CaseFile {
        let received = self.received.filter(|r| Some(*r) != self.sent);
        CaseFile {
            case: Case {
                id: 0,
                title: self.title.clone(),
                authority_id: 0,
                authority: self.authority.clone(),
                regime: self.regime,
                their_ref: self.their_ref.clone(),
                my_ref: self.my_ref.clone(),
                channel: self.channel,
                url: self.url.clone(),
                sent: self.sent,
                received,
                text: self.text.clone(),
                tags: self.tags.clone(),
                notes: self.notes.clone(),
                // The document's batch ids are another casebook's: the import maps them.
                batch: None,
                created_at: self.created_at.clone().unwrap_or_default(),
                updated_at: self.updated_at.clone().unwrap_or_default(),
            },
            questions: self
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| q.to_question(i as i64 + 1))
                .collect(),
            events: self.events.iter().map(EventJson::to_event).collect(),
        }
    }
}
