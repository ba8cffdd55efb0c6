//! Saving what the letter reader proposed: a new case, or — when the casebook already
//! has a case with the same authority reference — the response added to that case and
//! its questions' outcomes brought up to date, never a duplicate.

use super::questions::check_exemptions;
use super::{Casebook, Error, Result};
use crate::domain::{
    Case, CaseFile, Event, EventKind, Outcome, Question, Regime, normalize_label, normalize_ref,
    text::inert_line,
};
use crate::import::Proposal;
use crate::import::intake::Original;
use crate::store::{AttachmentReads, NewAttachment, Reads, Writer};
use serde::Serialize;

/// What the user may add to or correct in a proposal before it is saved.
#[derive(Debug, Clone, Default)]
pub struct LetterChoices {
    /// Attach to this case whatever the reference says.
    pub case: Option<i64>,
    pub title: Option<String>,
    pub authority: Option<String>,
}

/// What saving a letter did.
#[derive(Debug, Clone, Serialize)]
pub struct LetterSaved {
    pub case: i64,
    /// A new case (true) or the response added to an existing one (false).
    pub created: bool,
    pub questions_added: usize,
    pub questions_updated: usize,
    /// The case already had this letter: only its questions' outcomes were brought up
    /// to date (nothing, when they already matched).
    pub already_recorded: bool,
    /// Originals stored with the response (the e-mail, its attachments, the PDF).
    pub attachments_added: usize,
    /// The same e-mail or file was imported before: nothing was added.
    pub already_imported: bool,
    /// Outcomes or exemptions that could not be kept as the letter gave them.
    pub warnings: Vec<String>,
}

/// A new case's title when none is given: the reference, else the request's date. Not
/// the authority's name, which every list shows beside the title already.
pub fn default_title(p: &Proposal) -> String {
    match (&p.their_ref, p.request_date, p.letter_date) {
        (Some(r), _, _) => format!("Request {}", r.trim()),
        (None, Some(d), _) => format!("Request of {}", crate::domain::dates::letter(d)),
        (None, None, Some(d)) => format!("Answered on {}", crate::domain::dates::letter(d)),
        (None, None, None) => "Request".to_string(),
    }
}

impl LetterSaved {
    /// For a letter the case already had: what (if anything) importing it changed.
    pub fn already_said(&self) -> String {
        if self.questions_updated == 0 && self.questions_added == 0 {
            format!("Case #{}: already recorded, nothing added", self.case)
        } else {
            format!(
                "Case #{} already had this letter: {} outcome{} brought up to date, {} question{} added",
                self.case,
                self.questions_updated,
                if self.questions_updated == 1 { "" } else { "s" },
                self.questions_added,
                if self.questions_added == 1 { "" } else { "s" }
            )
        }
    }
}

/// The originals that came with a letter, to keep with its response.
#[derive(Clone, Copy, Default)]
pub struct Originals<'a> {
    pub files: &'a [Original],
    /// The e-mail's Message-ID.
    pub message_id: Option<&'a str>,
}

/// Store each original once (by content) and name it for the case and event; an
/// original the case already holds is not named twice. Returns how many were added.
pub(crate) fn attach(
    w: &Writer<'_>,
    case_id: i64,
    event_id: Option<i64>,
    originals: Originals<'_>,
) -> crate::store::Result<usize> {
    let mut added = 0;
    for (i, o) in originals.files.iter().enumerate() {
        if w.case_has_content(case_id, &o.sha256)? {
            continue;
        }
        w.put_blob(&o.sha256, &o.bytes)?;
        w.insert_attachment(&NewAttachment {
            case_id,
            event_id,
            name: &o.name,
            media_type: &o.media_type,
            sha256: &o.sha256,
            // The first original of an e-mail is the e-mail itself.
            message_id: originals.message_id.filter(|_| i == 0),
        })?;
        added += 1;
    }
    Ok(added)
}

/// What merging one of a letter's questions into a case did.
pub(super) enum Merged {
    Added,
    Updated,
    Unchanged,
}

/// One of a letter's questions onto the case whose questions are `have`: a label it does
/// not have is added at the end; a decided outcome from the letter replaces the stored
/// one; a pending one (nothing found) never overwrites what the user recorded.
pub(super) fn merge_question(
    w: &Writer<'_>,
    case_id: i64,
    have: &[Question],
    q: &Question,
) -> crate::store::Result<Merged> {
    let label = normalize_label(&q.label);
    match have.iter().find(|o| normalize_label(&o.label) == label) {
        Some(o)
            if q.outcome != Outcome::Pending
                && (o.outcome, &o.exemptions) != (q.outcome, &q.exemptions) =>
        {
            w.update_question(&Question {
                outcome: q.outcome,
                exemptions: q.exemptions.clone(),
                note: q.note.clone().or_else(|| o.note.clone()),
                ..o.clone()
            })?;
            Ok(Merged::Updated)
        }
        Some(_) => Ok(Merged::Unchanged),
        None => {
            w.insert_question(&Question {
                case_id,
                position: 0,
                ..q.clone()
            })?;
            Ok(Merged::Added)
        }
    }
}

/// The questions as they can be stored: a withheld answer whose exemption the reader
/// did not find stays pending (the rule that withheld needs an exemption holds), and a
/// section the catalogue does not know for the regime is dropped — each with a warning.
pub(super) fn storable_questions(
    regime: Regime,
    p: &Proposal,
    warnings: &mut Vec<String>,
) -> Vec<Question> {
    p.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut exemptions = Vec::new();
            for e in &q.exemptions {
                match check_exemptions(regime, Outcome::Pending, std::slice::from_ref(e)) {
                    Ok(mut ok) => exemptions.append(&mut ok),
                    Err(err) => warnings.push(format!("{}: {err}; left out", q.label)),
                }
            }
            let mut outcome = q.outcome;
            if outcome.requires_exemption() && exemptions.is_empty() {
                warnings.push(format!(
                    "{}: withheld, but no exemption was found; kept as pending — set it with the section cited",
                    q.label
                ));
                outcome = Outcome::Pending;
            }
            Question {
                position: i as i64 + 1,
                label: q.label.clone(),
                text: q.text.clone(),
                outcome,
                exemptions,
                note: q.note.clone(),
                challenge: outcome.is_adverse(),
                ..Question::default()
            }
        })
        .collect()
}

impl Casebook {
    /// The case a letter belongs to: the one with the same authority reference (and, when
    /// the letter names it, the same authority).
    pub fn match_letter(&self, p: &Proposal) -> Result<Option<i64>> {
        let Some(r) = p.their_ref.as_deref() else {
            return Ok(None);
        };
        let ids = self.store.case_ids_by_ref_key(&normalize_ref(r))?;
        let mut found = Vec::new();
        for id in ids {
            if let Some(c) = self.store.case(id)?
                && p.authority
                    .as_deref()
                    .is_none_or(|a| c.authority.eq_ignore_ascii_case(a.trim()))
            {
                found.push(id);
            }
        }
        match found.as_slice() {
            [] => Ok(None),
            [id] => Ok(Some(*id)),
            many => Err(Error::user(format!(
                "reference '{}' matches {} cases: name the one to attach it to",
                inert_line(r),
                many.len()
            ))),
        }
    }

    /// Save a letter as its proposal (with the user's corrections) says, in one
    /// transaction: the case (new or matched), its questions and the `response` event with
    /// the letter attached.
    pub fn save_letter(
        &mut self,
        p: &Proposal,
        letter: &str,
        choices: &LetterChoices,
    ) -> Result<LetterSaved> {
        self.save_letter_with(p, letter, choices, Originals::default())
    }

    /// The e-mail or file these originals came from, if it was imported before.
    pub fn seen_before(&self, originals: Originals<'_>) -> Result<Option<i64>> {
        if let Some(id) = originals.message_id
            && let Some((case, _)) = self.store.message_seen(id)?
        {
            return Ok(Some(case));
        }
        match originals.files.first() {
            Some(o) => Ok(self.store.content_seen(&o.sha256)?.map(|(case, _)| case)),
            None => Ok(None),
        }
    }

    /// [`Casebook::save_letter`], keeping the originals with the response in the same
    /// transaction. An e-mail (by Message-ID) or file (by content) imported before adds
    /// nothing and says so.
    pub fn save_letter_with(
        &mut self,
        p: &Proposal,
        letter: &str,
        choices: &LetterChoices,
        originals: Originals<'_>,
    ) -> Result<LetterSaved> {
        if let Some(case) = self.seen_before(originals)? {
            return Ok(LetterSaved {
                case,
                created: false,
                questions_added: 0,
                questions_updated: 0,
                attachments_added: 0,
                already_recorded: true,
                already_imported: true,
                warnings: vec![format!("already imported into case #{case}: nothing added")],
            });
        }
        let Some(letter_date) = p.letter_date else {
            return Err(Error::user(
                "the letter's date was not found: it dates the response and starts the review window — add it to the letter file or record the response by hand",
            ));
        };
        let target = match choices.case {
            Some(id) => Some(self.require(id)?.case.id),
            None => self.match_letter(p)?,
        };
        let mut warnings = Vec::new();
        let response = Event {
            id: 0,
            case_id: 0,
            kind: EventKind::Response,
            date: letter_date,
            note: Some("Imported from the response letter".into()),
            window: p.review_window,
            until: None,
            letter: Some(letter.to_string()),
            reference: None,
        };
        match target {
            Some(id) => self.update_from_letter(id, p, response, &mut warnings, originals),
            None => self.create_from_letter(p, response, choices, warnings, originals),
        }
    }

    fn create_from_letter(
        &mut self,
        p: &Proposal,
        response: Event,
        choices: &LetterChoices,
        mut warnings: Vec<String>,
        originals: Originals<'_>,
    ) -> Result<LetterSaved> {
        let authority = choices
            .authority
            .clone()
            .or_else(|| p.authority.clone())
            .filter(|a| !a.trim().is_empty())
            .ok_or_else(|| {
                Error::user("the letter does not name the authority: give it with --authority")
            })?;
        let regime = p.regime.unwrap_or_else(|| {
            warnings.push("the letter names no Act or Regulations: filed under FOIA".into());
            Regime::Foia
        });
        let title = choices
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| default_title(p));
        let mut events = Vec::new();
        if let Some(sent) = p.request_date {
            events.push(Event {
                kind: EventKind::Sent,
                date: sent,
                note: None,
                letter: None,
                reference: None,
                window: None,
                ..response.clone()
            });
        } else {
            warnings.push(
                "the date of the request was not found: the response clock cannot be checked"
                    .into(),
            );
        }
        events.push(response);
        let file = CaseFile {
            case: Case {
                title,
                authority,
                regime,
                their_ref: p.their_ref.clone(),
                sent: p.request_date,
                ..Case::default()
            },
            questions: storable_questions(regime, p, &mut warnings),
            events,
        };
        super::cases::validate_case(&file.case)?;
        let added = file.questions.len();
        let (id, attachments_added) = self.store.write(|w| -> Result<(i64, usize)> {
            let id = w.insert_case_file(&file)?;
            let event = w.last_event_id(id, EventKind::Response.as_str())?;
            Ok((id, attach(w, id, event, originals)?))
        })?;
        self.undo
            .record_created(id, format!("import a letter as case #{id}"));
        Ok(LetterSaved {
            case: id,
            created: true,
            questions_added: added,
            questions_updated: 0,
            already_recorded: false,
            attachments_added,
            already_imported: false,
            warnings,
        })
    }

    fn update_from_letter(
        &mut self,
        id: i64,
        p: &Proposal,
        response: Event,
        warnings: &mut Vec<String>,
        originals: Originals<'_>,
    ) -> Result<LetterSaved> {
        let before = self.require(id)?;
        let regime = before.case.regime;
        let incoming = storable_questions(regime, p, warnings);
        let (mut added, mut updated) = (0, 0);
        let already = before.events.iter().any(|e| {
            e.kind == EventKind::Response && e.date == response.date && e.letter == response.letter
        });
        let attachments_added = self.store.write(|w| -> Result<usize> {
            let event = if already {
                w.last_event_id(id, EventKind::Response.as_str())?
            } else {
                Some(w.insert_event(&Event {
                    case_id: id,
                    ..response.clone()
                })?)
            };
            for q in &incoming {
                match merge_question(w, id, &before.questions, q)? {
                    Merged::Added => added += 1,
                    Merged::Updated => updated += 1,
                    Merged::Unchanged => {}
                }
            }
            w.touch(id)?;
            Ok(attach(w, id, event, originals)?)
        })?;
        self.undo
            .record_changed(before, format!("import a letter into case #{id}"));
        Ok(LetterSaved {
            case: id,
            created: false,
            questions_added: added,
            questions_updated: updated,
            already_recorded: already,
            attachments_added,
            already_imported: false,
            warnings: warnings.clone(),
        })
    }
}
