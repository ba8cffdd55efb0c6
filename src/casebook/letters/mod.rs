//! Writing letters from templates: the internal review request, the complaint to the
//! Commissioner, and the chaser to a late authority.
//!
//! A template is plain text with named fields in braces (`{authority}`, `{reply_due}`);
//! `{{` and `}}` stand for literal braces. [`FIELDS`] lists every field with its meaning.
//! The built-in templates are `assets/templates/review.txt`, `ico.txt` and `chaser.txt`; a user's own
//! copy (see `casebook::writing`) replaces them. After filling, runs of blank lines are
//! folded to one and lines longer than [`WIDTH`] are wrapped at spaces, keeping their
//! indent, so a paragraph can be written as one line.
//!
//! Stored text (titles, question text, notes) goes into the letter as it is: a letter is
//! data. Whoever shows it on a terminal makes it inert first.

use crate::calendar::{Calendar, ClockKind, ClockState};
use crate::casebook::{CaseView, Error, Result};
use crate::domain::dates::letter;
use crate::domain::{Event, EventKind, Regime};
use chrono::NaiveDate;
use std::collections::HashMap;

mod chaser;
mod file;
mod reasons;
mod template;
mod window;

pub use reasons::challenged;
use reasons::*;
pub use template::{UnknownField, fill, label_list, tidy, wrap};

pub const REVIEW_TEMPLATE: &str = include_str!("../../../assets/templates/review.txt");
pub const ICO_TEMPLATE: &str = include_str!("../../../assets/templates/ico.txt");
pub const CHASER_TEMPLATE: &str = include_str!("../../../assets/templates/chaser.txt");
pub use chaser::late_clock;
pub use file::{Written, write_text_file};
pub use window::review_window_closed;

/// Lines longer than this are wrapped.
pub const WIDTH: usize = 72;

/// Which letter: each has its own template and its own event when sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    /// The internal review request (FOISA: requirement for review; EIR: representations).
    Review,
    /// The complaint to the Information Commissioner (Scotland: application to the
    /// Scottish Information Commissioner).
    Ico,
    /// A reminder to an authority whose response or internal review is late.
    Chaser,
}

impl LetterKind {
    /// The template's file name, built in and in the user's template folder.
    pub fn file_name(self) -> &'static str {
        match self {
            LetterKind::Review => "review.txt",
            LetterKind::Ico => "ico.txt",
            LetterKind::Chaser => "chaser.txt",
        }
    }

    pub fn builtin(self) -> &'static str {
        match self {
            LetterKind::Review => REVIEW_TEMPLATE,
            LetterKind::Ico => ICO_TEMPLATE,
            LetterKind::Chaser => CHASER_TEMPLATE,
        }
    }
}

/// Every field a template may use, with what it holds (every letter knows all of them).
pub const FIELDS: [(&str, &str); 32] = [
    ("today", "today's date as letters write it: 10 March 2018"),
    ("case_id", "the case's number in the casebook"),
    ("title", "the case's title"),
    ("authority", "the authority's name"),
    ("regime", "FOIA, EIR, FOISA or EISR"),
    (
        "act",
        "the legislation's title: Freedom of Information Act 2000",
    ),
    ("their_ref", "the authority's reference, or \"none\""),
    ("my_ref", "your own reference, or \"none\""),
    (
        "references",
        "a line per reference that is known (\"Your reference: …\")",
    ),
    ("request_date", "the date the request was sent"),
    ("received_date", "the date the authority received it"),
    (
        "response_date",
        "the date of the latest response, or \"not yet\"",
    ),
    (
        "challenged_questions",
        "each question challenged: label, outcome, exemptions cited, its text",
    ),
    (
        "disputed_questions",
        "the questions still in dispute (the same list, in the complaint)",
    ),
    (
        "grounds",
        "a paragraph per reason: each exemption (public interest test where owed), cost, not held …",
    ),
    (
        "basis",
        "the statutory basis of the review and its time limit",
    ),
    ("reply_period", "the review's time limit: 20 working days"),
    (
        "reply_due",
        "the date the review reply is due if the letter is sent today",
    ),
    (
        "review_date",
        "the date the internal review was asked for, or \"not yet\"",
    ),
    (
        "review_outcome",
        "a paragraph on the internal review: its outcome, or that it is late or missing",
    ),
    (
        "timeline",
        "every event of the case with its date and note, one a line",
    ),
    (
        "commissioner",
        "the Information Commissioner, or the Scottish Information Commissioner",
    ),
    (
        "commissioner_basis",
        "the section the complaint is made under: section 50 of the Freedom of Information Act 2000",
    ),
    (
        "commissioner_name",
        "Information Commissioner's Office, or Scottish Information Commissioner",
    ),
    (
        "window_note",
        "a paragraph when the review is asked for after its window closed, asking for it to be considered anyway",
    ),
    (
        "chase_what",
        "what a chaser is about: my request for information, or for an internal review",
    ),
    ("chase_sent", "the date that request was sent"),
    ("chase_due", "the date the authority's reply was due"),
    (
        "chase_working",
        "how that date was worked out: 20 working days from receipt …",
    ),
    ("chase_late", "how late the reply is: 12 working days"),
    (
        "chase_deadline",
        "a paragraph: the rule that set the deadline, the date, its working and how late",
    ),
    (
        "chase_next",
        "a paragraph on what you will do next: ask for a review, or go to the Commissioner",
    ),
];

/// Working days an authority has to reply to an internal review: 40 under EIR regulation
/// 11(4); 20 under FOISA section 21(1), EISR regulation 16(4) and the Code of Practice
/// issued under FOIA section 45.
pub fn review_days(r: Regime) -> u32 {
    match r {
        Regime::Eir => 40,
        Regime::Foia | Regime::Foisa | Regime::Eisr => 20,
    }
}

fn review_basis(r: Regime) -> &'static str {
    match r {
        Regime::Foia => {
            "I make this request under the Code of Practice issued under section 45 of the Freedom of Information Act 2000, which says that an internal review should be completed within 20 working days, and in no case later than 40 working days."
        }
        Regime::Eir => {
            "I make these representations under regulation 11 of the Environmental Information Regulations 2004. Regulation 11(4) requires you to reconsider your response and tell me your decision as soon as possible and no later than 40 working days after receiving them."
        }
        Regime::Foisa => {
            "This is a requirement for review under section 20 of the Freedom of Information (Scotland) Act 2002. Section 21(1) requires you to respond within 20 working days of receiving it."
        }
        Regime::Eisr => {
            "I make this request for review under regulation 16 of the Environmental Information (Scotland) Regulations 2004. Regulation 16(4) requires you to tell me your decision within 20 working days of receiving it."
        }
    }
}

pub(super) fn commissioner(r: Regime) -> (&'static str, &'static str, &'static str) {
    match r {
        Regime::Foia => (
            "the Information Commissioner",
            "Information Commissioner's Office",
            "section 50 of the Freedom of Information Act 2000",
        ),
        Regime::Eir => (
            "the Information Commissioner",
            "Information Commissioner's Office",
            "section 50 of the Freedom of Information Act 2000, as applied by regulation 18 of the Environmental Information Regulations 2004",
        ),
        Regime::Foisa => (
            "the Scottish Information Commissioner",
            "Scottish Information Commissioner",
            "section 47(1) of the Freedom of Information (Scotland) Act 2002",
        ),
        Regime::Eisr => (
            "the Scottish Information Commissioner",
            "Scottish Information Commissioner",
            "section 47(1) of the Freedom of Information (Scotland) Act 2002, as applied by regulation 17 of the Environmental Information (Scotland) Regulations 2004",
        ),
    }
}

pub(super) fn last_event(v: &CaseView, kind: EventKind) -> Option<&Event> {
    v.file.events.iter().rev().find(|e| e.kind == kind)
}

/// When the authority's response is (or was) due: the live or settled response clock,
/// else 20 working days from receipt.
fn response_due(v: &CaseView, cal: &Calendar) -> Option<NaiveDate> {
    let clock = |k: ClockKind| {
        v.clocks
            .iter()
            .find(|c| c.kind == k && c.state != ClockState::NotStarted)
    };
    if let Some(c) = clock(ClockKind::ResponseExtended).or_else(|| clock(ClockKind::Response)) {
        return Some(c.due);
    }
    let received = v.file.case.received_or_sent()?;
    Some(cal.add_working_days(v.file.case.regime, received, 20))
}

pub(super) fn response_section(r: Regime) -> &'static str {
    match r {
        Regime::Foia | Regime::Foisa => "section 10(1)",
        Regime::Eir => "regulation 5(2)",
        Regime::Eisr => "regulation 5(2)(a)",
    }
}

fn timeline(v: &CaseView) -> String {
    v.file
        .events
        .iter()
        .map(|e| {
            let mut l = format!(
                "- {}: {}",
                letter(e.date),
                e.kind.describe_in(v.file.case.regime)
            );
            if let Some(r) = &e.reference {
                l.push_str(&format!(" (reference {r})"));
            }
            if let Some(w) = e.window {
                l.push_str(&format!(" (it states a review window of {w})"));
            }
            if let Some(u) = e.until {
                l.push_str(&format!(" (new date: {})", letter(u)));
            }
            if let Some(n) = e.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                l.push_str(&format!(" — {n}"));
            }
            l
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn review_outcome(v: &CaseView, today: NaiveDate, cal: &Calendar) -> String {
    let c = &v.file.case;
    let requested = last_event(v, EventKind::ReviewRequested);
    let replied = last_event(v, EventKind::ReviewResponse)
        .filter(|r| requested.is_none_or(|q| r.date >= q.date));
    let response = last_event(v, EventKind::Response);
    match (response, requested, replied) {
        (None, _, _) => {
            let due = response_due(v, cal)
                .map(|d| format!(", which was due by {}", letter(d)))
                .unwrap_or_default();
            let asked = requested
                .map(|q| {
                    format!(
                        " I asked for an internal review of that failure on {}.",
                        letter(q.date)
                    )
                })
                .unwrap_or_default();
            format!(
                "The authority has not responded to my request{due}, as {} requires.{asked}",
                response_section(c.regime)
            )
        }
        (Some(_), None, _) => {
            "I have not asked the authority for an internal review of its response.".to_string()
        }
        (Some(_), Some(q), Some(r)) => {
            let note = r
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| {
                    let stop = if n.ends_with(['.', '!', '?']) {
                        ""
                    } else {
                        "."
                    };
                    format!(" Its outcome: {n}{stop}")
                })
                .unwrap_or_default();
            format!(
                "I asked the authority for an internal review on {}, and it gave its decision on {}.{note} I remain dissatisfied.",
                letter(q.date),
                letter(r.date)
            )
        }
        (Some(_), Some(q), None) => {
            let n = review_days(c.regime);
            let due = cal.add_working_days(c.regime, q.date, n);
            let late = if today > due { "" } else { "yet " };
            let mut s = format!(
                "I asked the authority for an internal review on {}. Its decision was due within {n} working days, by {}, and it has not {late}replied.",
                letter(q.date),
                letter(due)
            );
            if c.regime == Regime::Foia {
                let outer = cal.add_working_days(c.regime, q.date, 40);
                if today > outer {
                    s.push_str(&format!(
                        " Even the longest time the Code of Practice allows, 40 working days, ran out on {}.",
                        letter(outer)
                    ));
                }
            }
            s
        }
    }
}

fn references(v: &CaseView, yours: bool) -> String {
    let c = &v.file.case;
    let mut lines = Vec::new();
    if let Some(r) = c
        .their_ref
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        lines.push(if yours {
            format!("Your reference: {r}")
        } else {
            format!("The authority's reference: {r}")
        });
    }
    if let Some(r) = c.my_ref.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        lines.push(format!("My reference: {r}"));
    }
    lines.join("\n")
}

/// Every field's value for this case, for either letter.
pub fn fields(
    v: &CaseView,
    kind: LetterKind,
    today: NaiveDate,
    cal: &Calendar,
) -> HashMap<&'static str, String> {
    let mut m = HashMap::new();
    m.insert("today", letter(today));
    insert_case_fields(&mut m, v, kind);
    insert_date_fields(&mut m, v, today, cal);
    let (list, why) = questions_and_grounds(v, kind, cal);
    m.insert("challenged_questions", list.clone());
    m.insert("disputed_questions", list);
    m.insert("grounds", why);
    insert_review_fields(&mut m, v, today, cal);
    m.insert("timeline", timeline(v));
    chaser::insert_fields(&mut m, v);
    m
}

/// The case's identity: number, title, authority, regime, Act and references.
fn insert_case_fields(m: &mut HashMap<&'static str, String>, v: &CaseView, kind: LetterKind) {
    let c = &v.file.case;
    let none = || "none".to_string();
    m.insert("case_id", c.id.to_string());
    m.insert("title", c.title.trim().to_string());
    m.insert("authority", c.authority.trim().to_string());
    m.insert("regime", c.regime.label().to_string());
    m.insert("act", c.regime.act_name().to_string());
    m.insert("their_ref", c.their_ref.clone().unwrap_or_else(none));
    m.insert("my_ref", c.my_ref.clone().unwrap_or_else(none));
    m.insert("references", references(v, kind == LetterKind::Review));
}

/// When the request was sent, received and answered, and when the review was asked for.
fn insert_date_fields(
    m: &mut HashMap<&'static str, String>,
    v: &CaseView,
    today: NaiveDate,
    cal: &Calendar,
) {
    let c = &v.file.case;
    let not_yet = || "not yet".to_string();
    m.insert("request_date", c.sent.map(letter).unwrap_or_else(not_yet));
    m.insert(
        "received_date",
        c.received_or_sent().map(letter).unwrap_or_else(not_yet),
    );
    m.insert(
        "response_date",
        last_event(v, EventKind::Response)
            .map(|e| letter(e.date))
            .unwrap_or_else(not_yet),
    );
    m.insert(
        "review_date",
        last_event(v, EventKind::ReviewRequested)
            .map(|e| letter(e.date))
            .unwrap_or_else(not_yet),
    );
    let days = review_days(c.regime);
    m.insert("reply_period", format!("{days} working days"));
    m.insert(
        "reply_due",
        cal.add_working_days(c.regime, today, days)
            .format("%A %-d %B %Y")
            .to_string(),
    );
}

/// The statutory basis of the review, its outcome so far, the Commissioner to complain
/// to and the note for a review asked for late.
fn insert_review_fields(
    m: &mut HashMap<&'static str, String>,
    v: &CaseView,
    today: NaiveDate,
    cal: &Calendar,
) {
    let regime = v.file.case.regime;
    let (commissioner, commissioner_name, commissioner_basis) = commissioner(regime);
    m.insert("basis", review_basis(regime).to_string());
    m.insert("review_outcome", review_outcome(v, today, cal));
    m.insert("commissioner", commissioner.to_string());
    m.insert("commissioner_name", commissioner_name.to_string());
    m.insert("commissioner_basis", commissioner_basis.to_string());
    m.insert("window_note", window::window_note(v));
}

/// The questions challenged and the reasons given for each; with no response yet, the
/// request as a whole and the duty to respond (FOIA and FOISA section 10(1), EIR
/// regulation 5(2), EISR regulation 5(2)(a)) instead.
fn questions_and_grounds(v: &CaseView, kind: LetterKind, cal: &Calendar) -> (String, String) {
    let regime = v.file.case.regime;
    let qs = challenged(v);
    if last_event(v, EventKind::Response).is_none() {
        let due = response_due(v, cal)
            .map(|d| format!(" by {}", letter(d)))
            .unwrap_or_default();
        let list = "My request as a whole: you have not responded to it.".to_string();
        let section = capitalise(response_section(regime));
        let why = match kind {
            LetterKind::Review | LetterKind::Chaser => format!(
                "{section} requires you to respond to a request within 20 working days of receiving it; your response was due{due}. Please respond in full now."
            ),
            LetterKind::Ico => format!(
                "{section} requires the authority to respond to a request within 20 working days of receiving it; its response was due{due}. I ask the Commissioner to require it to respond."
            ),
        };
        return (list, why);
    }
    let why = grounds(regime, &qs, kind);
    if qs.is_empty() {
        return ("My request as a whole.".into(), why);
    }
    (question_list(regime, &qs), why)
}

/// Check that a review can be written for this case; a user error says why not.
pub fn check_review(v: &CaseView, today: NaiveDate, cal: &Calendar) -> Result<()> {
    let id = v.file.case.id;
    if v.file.case.sent.is_none() {
        return Err(Error::user(format!(
            "case #{id} is a draft (not sent yet): there is nothing to review"
        )));
    }
    if last_event(v, EventKind::Response).is_none() {
        return match response_due(v, cal) {
            Some(due) if due < today => Ok(()),
            due => Err(Error::user(format!(
                "case #{id} has no response yet{}: record it first with `foi event add {id} --kind response --date DATE`",
                due.map(|d| format!(" and none is due before {}", letter(d)))
                    .unwrap_or_default()
            ))),
        };
    }
    if v.file.questions.is_empty() {
        return Err(Error::user(format!(
            "case #{id} has no questions: add them with `foi question add {id}` and record each outcome, so the letter can say what to review"
        )));
    }
    if challenged(v).is_empty() {
        return Err(Error::user(format!(
            "nothing to challenge in case #{id}: no question is withheld, refused or not held; flag one with `foi question set {id} LABEL --outcome O --challenge`"
        )));
    }
    Ok(())
}

/// Check that a complaint can be written for this case.
pub fn check_ico(v: &CaseView) -> Result<()> {
    if v.file.case.sent.is_none() {
        return Err(Error::user(format!(
            "case #{} is a draft (not sent yet): there is nothing to complain about",
            v.file.case.id
        )));
    }
    Ok(())
}

/// Write a letter for the case from `template` (whose name, for errors, is `source`).
pub fn write(
    v: &CaseView,
    kind: LetterKind,
    template: &str,
    source: &str,
    today: NaiveDate,
    cal: &Calendar,
) -> Result<String> {
    match kind {
        LetterKind::Review => check_review(v, today, cal)?,
        LetterKind::Ico => check_ico(v)?,
        LetterKind::Chaser => chaser::check(v)?,
    }
    let values = fields(v, kind, today, cal);
    let filled = fill(template, &values).map_err(|u| {
        Error::user(format!(
            "{source}, line {}: unknown field {{{}}}; the fields are {}",
            u.line,
            crate::domain::text::inert_line(&u.field),
            FIELDS.map(|(f, _)| f).join(", ")
        ))
    })?;
    Ok(tidy(&filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(pairs: &[(&'static str, &str)]) -> HashMap<&'static str, String> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn fields_fill_and_braces_escape() {
        let v = vals(&[("a", "A"), ("b_c", "BC")]);
        assert_eq!(fill("x {a} {b_c}.", &v).unwrap(), "x A BC.");
        assert_eq!(fill("{{a}} {a}", &v).unwrap(), "{a} A");
        assert_eq!(
            fill("{ not a field } {a", &v).unwrap(),
            "{ not a field } {a"
        );
        assert_eq!(fill("a}b", &v).unwrap(), "a}b");
        assert_eq!(
            fill("line\n\n{nope}", &v),
            Err(UnknownField {
                field: "nope".into(),
                line: 3
            })
        );
    }

    #[test]
    fn builtin_templates_use_only_known_fields() {
        let all: HashMap<&str, String> = FIELDS.iter().map(|(f, _)| (*f, String::new())).collect();
        for t in [REVIEW_TEMPLATE, ICO_TEMPLATE, CHASER_TEMPLATE] {
            fill(t, &all).unwrap();
        }
    }

    #[test]
    fn labels_fold_into_ranges() {
        let nine: Vec<String> = (1..=9).map(|i| format!("Request {i}")).collect();
        let nine: Vec<&str> = nine.iter().map(String::as_str).collect();
        assert_eq!(label_list(&nine), "Requests 1–9");
        assert_eq!(
            label_list(&["Request 1", "Request 2", "Request 3", "Request 5"]),
            "Requests 1–3 and Request 5"
        );
        assert_eq!(label_list(&["Q1", "Q2", "Q3"]), "Q1–Q3");
        assert_eq!(label_list(&["Q1", "Q2"]), "Q1 and Q2");
        assert_eq!(label_list(&["1(a)", "1(b)", "2"]), "1(a), 1(b) and 2");
        assert_eq!(label_list(&["Request 4"]), "Request 4");
    }

    #[test]
    fn long_lines_wrap_with_their_indent() {
        let line = format!("    \"{}\"", "word ".repeat(30).trim_end());
        let w = wrap(&line, 40);
        assert!(w.len() > 1);
        assert!(
            w.iter()
                .all(|l| l.chars().count() <= 40 && l.starts_with("    "))
        );
        let item = format!("- {}", "item ".repeat(20));
        assert!(wrap(item.trim_end(), 30)[1].starts_with("  item"));
        assert_eq!(wrap("https://example.org/a-very-long-url", 10).len(), 1);
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
