//! Drafting letters from templates: the internal review request and the complaint to the
//! Commissioner.
//!
//! A template is plain text with named fields in braces (`{authority}`, `{reply_due}`);
//! `{{` and `}}` stand for literal braces. [`FIELDS`] lists every field with its meaning.
//! The built-in templates are `assets/templates/review.txt` and `ico.txt`; a user's own
//! copy (see `casebook::drafting`) replaces them. After filling, runs of blank lines are
//! folded to one and lines longer than [`WIDTH`] are wrapped at spaces, keeping their
//! indent, so a paragraph can be written as one line.
//!
//! Stored text (titles, question text, notes) goes into the letter as it is: a letter is
//! data. Whoever shows it on a terminal makes it inert first.

use crate::calendar::{Calendar, ClockKind, ClockState};
use crate::casebook::{CaseView, Error, Result};
use crate::domain::dates::letter;
use crate::domain::exemption::{self, Exemption, ExemptionKind};
use crate::domain::{Event, EventKind, Outcome, Question, Regime};
use chrono::NaiveDate;
use std::collections::HashMap;

pub const REVIEW_TEMPLATE: &str = include_str!("../../assets/templates/review.txt");
pub const ICO_TEMPLATE: &str = include_str!("../../assets/templates/ico.txt");

/// Lines longer than this are wrapped.
pub const WIDTH: usize = 72;

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letter {
    /// The internal review request (FOISA: requirement for review; EIR: representations).
    Review,
    /// The complaint to the Information Commissioner (Scotland: application to the
    /// Scottish Information Commissioner).
    Ico,
}

impl Letter {
    /// The template's file name, built in and in the user's template folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Letter::Review => "review.txt",
            Letter::Ico => "ico.txt",
        }
    }

    pub fn builtin(self) -> &'static str {
        match self {
            Letter::Review => REVIEW_TEMPLATE,
            Letter::Ico => ICO_TEMPLATE,
        }
    }
}

/// Every field a template may use, with what it holds (both letters know all of them).
pub const FIELDS: [(&str, &str); 24] = [
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
];

/// A field the template names but the drafter does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub field: String,
    pub line: usize,
}

/// Fill `template`'s `{fields}` from `values`. `{{`/`}}` are literal braces; a brace that
/// does not enclose a field name is kept as it is.
pub fn fill(
    template: &str,
    values: &HashMap<&str, String>,
) -> std::result::Result<String, UnknownField> {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    let mut line = 1;
    while let Some(i) = rest.find(['{', '}']) {
        let (before, tail) = rest.split_at(i);
        out.push_str(before);
        line += before.matches('\n').count();
        if let Some(t) = tail.strip_prefix("{{") {
            out.push('{');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("}}") {
            out.push('}');
            rest = t;
        } else if let Some(t) = tail.strip_prefix('{')
            && let Some(end) = t.find('}')
            && end > 0
            && t[..end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            let name = &t[..end];
            match values.get(name) {
                Some(v) => out.push_str(v),
                None => {
                    return Err(UnknownField {
                        field: name.to_string(),
                        line,
                    });
                }
            }
            rest = &t[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Tidy a filled letter: no trailing spaces, one blank line at most between paragraphs,
/// long lines wrapped at spaces with their indent kept (a `- ` item hangs under its text).
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut blank_run = 0;
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank_run = 0;
        for l in wrap(line, WIDTH) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Wrap one line at spaces to `width` characters; continuation lines take the line's
/// indent (plus two for a `- ` item). A word longer than the width stays whole.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    let indent_len = line.len() - line.trim_start().len();
    let indent = &line[..indent_len];
    let body = &line[indent_len..];
    let hang = if body.starts_with("- ") {
        format!("{indent}  ")
    } else {
        indent.to_string()
    };
    let mut lines = Vec::new();
    let mut cur = indent.to_string();
    let mut cur_len = cur.chars().count();
    let mut empty = true;
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        let wl = word.chars().count();
        if !empty && cur_len + 1 + wl > width {
            lines.push(std::mem::take(&mut cur));
            cur = hang.clone();
            cur_len = cur.chars().count();
            empty = true;
        }
        if !empty {
            cur.push(' ');
            cur_len += 1;
        }
        cur.push_str(word);
        cur_len += wl;
        empty = false;
    }
    if !empty {
        lines.push(cur);
    }
    lines
}

/// `Requests 1–9`, `Requests 1–3 and 5`, `Q1, Q2 and 4(a)`: labels with consecutive
/// numbers after the same words folded into ranges.
pub fn label_list(labels: &[&str]) -> String {
    // (prefix, number) for labels like "Request 4"; None for others.
    fn split(l: &str) -> Option<(&str, u64)> {
        let digits = l.len() - l.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 6 {
            return None;
        }
        let (p, n) = l.split_at(l.len() - digits);
        Some((p, n.parse().ok()?))
    }
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some((prefix, start)) = split(labels[i]) else {
            parts.push(labels[i].to_string());
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < labels.len()
            && split(labels[j + 1])
                .is_some_and(|(p, n)| p == prefix && n == start + (j + 1 - i) as u64)
        {
            j += 1;
        }
        let end = start + (j - i) as u64;
        let word = prefix.ends_with(' ') && prefix.trim().chars().all(char::is_alphabetic);
        parts.push(match (j - i, word) {
            (0, _) => labels[i].to_string(),
            (_, true) => format!("{}s {start}–{end}", prefix.trim_end()),
            (1, false) => format!("{} and {}", labels[i], labels[j]),
            (_, false) => format!("{prefix}{start}–{prefix}{end}"),
        });
        i = j + 1;
    }
    // Several single "Request N" parts read better as "Requests 1, 3 and 5".
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    }
}

/// A cited section as letters write it: `section 43 (Commercial interests)`.
fn cited(regime: Regime, section: &str) -> String {
    match exemption::lookup(regime, section) {
        Ok(e) => format!("{} ({})", e.citation(), e.name),
        Err(_) => exemption::cite(regime, section),
    }
}

fn cited_list(regime: Regime, sections: &[String]) -> String {
    let all: Vec<String> = sections.iter().map(|s| cited(regime, s)).collect();
    match all.len() {
        0 => String::new(),
        1 => all[0].clone(),
        _ => {
            let (last, first) = all
                .split_last()
                .map_or((String::new(), &[][..]), |(l, f)| (l.clone(), f));
            format!("{} and {last}", first.join(", "))
        }
    }
}

/// How one question's outcome reads in the letter's list.
fn outcome_phrase(regime: Regime, q: &Question) -> String {
    let ex = cited_list(regime, &q.exemptions);
    let under = |what: &str| {
        if ex.is_empty() {
            what.to_string()
        } else {
            format!("{what} under {ex}")
        }
    };
    match q.outcome {
        Outcome::Withheld => under("withheld"),
        Outcome::PartlyAnswered if ex.is_empty() => "only partly answered".into(),
        Outcome::PartlyAnswered => format!("only partly answered; the rest withheld under {ex}"),
        Outcome::NotHeld => "said not to be held".into(),
        Outcome::RefusedCost => format!("refused on grounds of cost ({})", cost_section(regime)),
        Outcome::RefusedVexatious => format!("refused as {}", vexatious_words(regime)),
        Outcome::Ncnd => under("neither confirmed nor denied"),
        Outcome::PublishedElsewhere => {
            if ex.is_empty() {
                format!(
                    "said to be published already ({})",
                    published_section(regime)
                )
            } else {
                format!("said to be published already ({ex})")
            }
        }
        Outcome::FuturePublication => under("withheld for future publication"),
        Outcome::Pending => "not answered".into(),
        Outcome::Answered => "answered, but I believe not in full".into(),
    }
}

fn cost_section(r: Regime) -> &'static str {
    match r {
        Regime::Foia | Regime::Foisa => "section 12",
        Regime::Eir => "regulation 12(4)(b)",
        Regime::Eisr => "regulation 10(4)(b)",
    }
}

fn vexatious_words(r: Regime) -> &'static str {
    match r {
        Regime::Foia | Regime::Foisa => "vexatious (section 14(1))",
        Regime::Eir => "manifestly unreasonable (regulation 12(4)(b))",
        Regime::Eisr => "manifestly unreasonable (regulation 10(4)(b))",
    }
}

fn published_section(r: Regime) -> &'static str {
    match r {
        Regime::Foia => "section 21",
        Regime::Foisa => "section 25",
        Regime::Eir | Regime::Eisr => "regulation 6(1)(b)",
    }
}

fn refusal_notice(r: Regime) -> &'static str {
    match r {
        Regime::Foia => "section 17",
        Regime::Foisa => "section 16",
        Regime::Eir => "regulation 14",
        Regime::Eisr => "regulation 13",
    }
}

/// The reasons a challenged question can give, in the order they first appear.
#[derive(Debug, Clone, PartialEq)]
enum Ground {
    Exemption(Exemption),
    Cost,
    Vexatious,
    NotHeld,
    Ncnd,
    Partly,
    Published,
    Future,
    Pending,
    Answered,
}

fn grounds_of(regime: Regime, q: &Question) -> Vec<Ground> {
    let mut g = Vec::new();
    for s in &q.exemptions {
        match exemption::lookup(regime, s) {
            Ok(e) if e.kind == ExemptionKind::Procedural && e.section.starts_with("12") => {
                g.push(Ground::Cost)
            }
            Ok(e) if e.kind == ExemptionKind::Procedural && e.section.starts_with("14") => {
                g.push(Ground::Vexatious)
            }
            Ok(e) => g.push(Ground::Exemption(e)),
            Err(_) => {}
        }
    }
    let cites = q
        .exemptions
        .iter()
        .any(|s| exemption::lookup(regime, s).is_ok());
    match q.outcome {
        Outcome::RefusedCost => g.push(Ground::Cost),
        Outcome::RefusedVexatious => g.push(Ground::Vexatious),
        Outcome::NotHeld => g.push(Ground::NotHeld),
        Outcome::Ncnd => g.push(Ground::Ncnd),
        Outcome::PartlyAnswered if !cites => g.push(Ground::Partly),
        Outcome::PublishedElsewhere => g.push(Ground::Published),
        Outcome::FuturePublication => g.push(Ground::Future),
        Outcome::Pending => g.push(Ground::Pending),
        Outcome::Answered => g.push(Ground::Answered),
        _ => {}
    }
    g
}

fn exemption_paragraph(regime: Regime, e: &Exemption, who: &str, to: Letter) -> String {
    let name = format!("{} ({})", e.citation(), e.name);
    let cap = capitalise(&name);
    let may = match to {
        Letter::Review => "You may",
        Letter::Ico => "The authority may",
    };
    if e.public_interest_test() {
        let test = match regime {
            Regime::Foia => format!(
                "is a qualified exemption. {may} withhold information under it only if, in all the circumstances of the case, the public interest in maintaining the exemption outweighs the public interest in disclosure (section 2(2)(b) of the Act)."
            ),
            Regime::Foisa => format!(
                "is a qualified exemption. {may} withhold information under it only if, in all the circumstances of the case, the public interest in disclosing the information is not outweighed by that in maintaining the exemption (section 2(1)(b) of the Act)."
            ),
            Regime::Eir => "is an exception subject to the public interest test in regulation 12(1)(b), and regulation 12(2) requires a presumption in favour of disclosure.".to_string(),
            Regime::Eisr => "is an exception subject to the public interest test in regulation 10(1)(b), and regulation 10(2) requires it to be interpreted in a restrictive way, with a presumption in favour of disclosure.".to_string(),
        };
        let ask = match to {
            Letter::Review => {
                "Please show the public interest test you carried out: the factors you weighed for and against disclosure, and why you concluded as you did. Please also explain how it applies to the specific information withheld, and release any part of the information that falls outside it."
            }
            Letter::Ico => {
                "I ask the Commissioner to decide whether it is engaged for all of the information withheld and, where it is, whether the authority applied the public interest test correctly and whether the balance of the public interest favours disclosure."
            }
        };
        format!("{cap}, cited for {who}, {test} {ask}")
    } else {
        let kind = if e.kind == ExemptionKind::Absolute {
            "is an absolute exemption, so no public interest test applies"
        } else {
            "is not subject to the public interest test"
        };
        let ask = match to {
            Letter::Review => {
                "Please explain how it applies to the specific information withheld, and release any part of the information that falls outside it."
            }
            Letter::Ico => {
                "I ask the Commissioner to decide whether it is engaged for all of the information withheld."
            }
        };
        format!("{cap}, cited for {who}, {kind}. {ask}")
    }
}

fn ground_paragraph(regime: Regime, g: &Ground, who: &str, to: Letter) -> String {
    let review = to == Letter::Review;
    let env = regime.is_environmental();
    let (burden, pit) = match regime {
        Regime::Eir => ("regulation 12(4)(b)", "regulation 12(1)(b)"),
        Regime::Eisr => ("regulation 10(4)(b)", "regulation 10(1)(b)"),
        _ => ("", ""),
    };
    let assist = match regime {
        Regime::Foia => "section 16",
        Regime::Foisa => "section 15",
        Regime::Eir | Regime::Eisr => "regulation 9",
    };
    match g {
        Ground::Exemption(e) => exemption_paragraph(regime, e, who, to),
        Ground::Cost if !env => {
            let limit = if regime == Regime::Foia {
                "appropriate"
            } else {
                "prescribed"
            };
            if review {
                format!(
                    "You refused {who} on the ground that complying would exceed the {limit} cost limit (section 12). Please show how you estimated the cost: the work counted and the time each part would take. {} requires you to give me advice and assistance, so far as it would be reasonable to expect you to; please tell me what you could provide within the limit and how I might narrow the request.",
                    capitalise(assist)
                )
            } else {
                format!(
                    "The authority refused {who} on the ground that complying would exceed the {limit} cost limit (section 12). I ask the Commissioner to decide whether its estimate was reasonable, and whether it gave me the advice and assistance that {assist} requires."
                )
            }
        }
        Ground::Cost => {
            if review {
                format!(
                    "You refused {who} as manifestly unreasonable because of the cost or burden of complying ({burden}). The environmental regulations set no cost limit; this exception is subject to the public interest test in {pit} and to the presumption in favour of disclosure. Please show how you estimated the burden and the public interest test you carried out. Regulation 9 requires you to give me advice and assistance; please tell me how I might narrow the request."
                )
            } else {
                format!(
                    "The authority refused {who} as manifestly unreasonable because of the cost or burden of complying ({burden}). I ask the Commissioner to decide whether the exception is engaged, whether the public interest favours maintaining it, and whether the authority gave me the advice and assistance that regulation 9 requires."
                )
            }
        }
        Ground::Vexatious if !env => {
            if review {
                format!(
                    "You treated {who} as vexatious (section 14(1)). That provision concerns the request, not the person making it. Please explain what about the request itself led you to that view, and why answering it would cause a disproportionate or unjustified level of disruption, irritation or distress."
                )
            } else {
                format!(
                    "The authority treated {who} as vexatious (section 14(1)). I ask the Commissioner to decide whether it was entitled to, bearing in mind that the provision concerns the request and not the person making it."
                )
            }
        }
        Ground::Vexatious => {
            if review {
                format!(
                    "You refused {who} as manifestly unreasonable ({burden}). Please explain what about the request itself led you to that view, and show the public interest test that {pit} requires, applying the presumption in favour of disclosure."
                )
            } else {
                format!(
                    "The authority refused {who} as manifestly unreasonable ({burden}). I ask the Commissioner to decide whether the exception is engaged and whether the public interest favours maintaining it."
                )
            }
        }
        Ground::NotHeld => {
            if review {
                format!(
                    "You said that the information asked for in {who} is not held. Please describe the searches you made: which records and systems you searched, the search terms you used, and why those searches would have found the information if it were held. If another public authority holds it, please tell me which."
                )
            } else {
                format!(
                    "The authority said that the information asked for in {who} is not held. I ask the Commissioner to decide, on the balance of probabilities, whether it is held, and whether the authority's searches were adequate."
                )
            }
        }
        Ground::Ncnd => {
            if review {
                format!(
                    "You neither confirmed nor denied whether you hold information falling within {who}. Please explain why confirming or denying would in itself cause the harm the provision you relied on protects against, and, where that provision is qualified, show the public interest test you applied to the duty to confirm or deny."
                )
            } else {
                format!(
                    "The authority neither confirmed nor denied whether it holds information falling within {who}. I ask the Commissioner to decide whether it was entitled to do so."
                )
            }
        }
        Ground::Partly => {
            let notice = refusal_notice(regime);
            if review {
                format!(
                    "Your answer to {who} was incomplete. Please provide the rest of the information or, if you are withholding it, say which exemption you rely on and why, as {notice} of the Act requires of a refusal."
                )
            } else {
                format!(
                    "The authority's answer to {who} was incomplete, and it did not say why, as {notice} of the Act requires of a refusal. I ask the Commissioner to decide whether it holds further information that should be released."
                )
            }
        }
        Ground::Published => {
            let section = published_section(regime);
            if review {
                format!(
                    "For {who} you said the information is already published ({section}). Please tell me precisely where, with a direct link or reference, so that I can find it: the provision applies only where the information is reasonably accessible to me."
                )
            } else {
                format!(
                    "For {who} the authority said the information is already published ({section}). I ask the Commissioner to decide whether it is reasonably accessible to me."
                )
            }
        }
        Ground::Future => {
            if review {
                format!(
                    "For {who} you said the information is intended for future publication. Please tell me when and where you intend to publish it."
                )
            } else {
                format!(
                    "For {who} the authority said the information is intended for future publication. I ask the Commissioner to decide whether it was reasonable to withhold it until then."
                )
            }
        }
        Ground::Pending => {
            if review {
                format!("Your response did not answer {who}. Please answer it in full.")
            } else {
                format!(
                    "The authority has not answered {who}. I ask the Commissioner to require it to do so."
                )
            }
        }
        Ground::Answered => {
            if review {
                format!(
                    "I do not believe your answer to {who} is complete. Please check that it covers all the information you hold within the scope of my request."
                )
            } else {
                format!(
                    "I do not believe the authority's answer to {who} is complete. I ask the Commissioner to decide whether it holds further information within the scope of my request."
                )
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The questions a review challenges: those flagged "challenge"; when none is flagged,
/// every one withheld, partly answered, refused, neither confirmed nor denied or not held.
pub fn challenged(v: &CaseView) -> Vec<&Question> {
    let flagged: Vec<&Question> = v.file.questions.iter().filter(|q| q.challenge).collect();
    if !flagged.is_empty() {
        return flagged;
    }
    v.file
        .questions
        .iter()
        .filter(|q| {
            matches!(
                q.outcome,
                Outcome::Withheld
                    | Outcome::PartlyAnswered
                    | Outcome::RefusedCost
                    | Outcome::RefusedVexatious
                    | Outcome::Ncnd
                    | Outcome::NotHeld
            )
        })
        .collect()
}

fn question_list(regime: Regime, qs: &[&Question]) -> String {
    let mut out = Vec::new();
    for q in qs {
        // The heading line hangs its continuation under the quoted text.
        let heading = format!("{}: {}", q.label.trim(), outcome_phrase(regime, q));
        let mut block = wrap(&heading, WIDTH).join("\n    ");
        let text = q.text.trim();
        if !text.is_empty() {
            let mut lines = text.lines();
            let first = lines.next().unwrap_or_default();
            block.push_str(&format!("\n    \"{first}"));
            for l in lines {
                block.push_str(&format!("\n    {l}"));
            }
            block.push('"');
        }
        out.push(block);
    }
    out.join("\n\n")
}

fn grounds(regime: Regime, qs: &[&Question], to: Letter) -> String {
    let mut order: Vec<(Ground, Vec<&str>)> = Vec::new();
    for q in qs {
        for g in grounds_of(regime, q) {
            match order.iter_mut().find(|(k, _)| *k == g) {
                Some((_, labels)) => {
                    if !labels.contains(&q.label.trim()) {
                        labels.push(q.label.trim())
                    }
                }
                None => order.push((g, vec![q.label.trim()])),
            }
        }
    }
    order
        .iter()
        .map(|(g, labels)| ground_paragraph(regime, g, &label_list(labels), to))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Working days a review has, by regime (SPEC 2.5: review-response).
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

fn commissioner(r: Regime) -> (&'static str, &'static str, &'static str) {
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

fn last_event(v: &CaseView, kind: EventKind) -> Option<&Event> {
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

fn response_section(r: Regime) -> &'static str {
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
            let mut l = format!("- {}: {}", letter(e.date), e.kind.describe());
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
    kind: Letter,
    today: NaiveDate,
    cal: &Calendar,
) -> HashMap<&'static str, String> {
    let c = &v.file.case;
    let regime = c.regime;
    let qs = challenged(v);
    let (commissioner, commissioner_name, commissioner_basis) = commissioner(regime);
    let none = || "none".to_string();
    let days = review_days(regime);
    let response = last_event(v, EventKind::Response);
    let mut list = question_list(regime, &qs);
    let mut why = grounds(regime, &qs, kind);
    if response.is_none() {
        let due = response_due(v, cal)
            .map(|d| format!(" by {}", letter(d)))
            .unwrap_or_default();
        list = "My request as a whole: you have not responded to it.".into();
        let section = capitalise(response_section(regime));
        why = match kind {
            Letter::Review => format!(
                "{section} requires you to respond to a request within 20 working days of receiving it; your response was due{due}. Please respond in full now."
            ),
            Letter::Ico => format!(
                "{section} requires the authority to respond to a request within 20 working days of receiving it; its response was due{due}. I ask the Commissioner to require it to respond."
            ),
        };
    } else if qs.is_empty() {
        list = "My request as a whole.".into();
    }
    let mut m = HashMap::new();
    m.insert("today", letter(today));
    m.insert("case_id", c.id.to_string());
    m.insert("title", c.title.trim().to_string());
    m.insert("authority", c.authority.trim().to_string());
    m.insert("regime", regime.label().to_string());
    m.insert("act", regime.act_name().to_string());
    m.insert("their_ref", c.their_ref.clone().unwrap_or_else(none));
    m.insert("my_ref", c.my_ref.clone().unwrap_or_else(none));
    m.insert("references", references(v, kind == Letter::Review));
    m.insert(
        "request_date",
        c.sent.map(letter).unwrap_or_else(|| "not yet".into()),
    );
    m.insert(
        "received_date",
        c.received_or_sent()
            .map(letter)
            .unwrap_or_else(|| "not yet".into()),
    );
    m.insert(
        "response_date",
        response
            .map(|e| letter(e.date))
            .unwrap_or_else(|| "not yet".into()),
    );
    m.insert("challenged_questions", list.clone());
    m.insert("disputed_questions", list);
    m.insert("grounds", why);
    m.insert("basis", review_basis(regime).to_string());
    m.insert("reply_period", format!("{days} working days"));
    m.insert(
        "reply_due",
        cal.add_working_days(regime, today, days)
            .format("%A %-d %B %Y")
            .to_string(),
    );
    m.insert(
        "review_date",
        last_event(v, EventKind::ReviewRequested)
            .map(|e| letter(e.date))
            .unwrap_or_else(|| "not yet".into()),
    );
    m.insert("review_outcome", review_outcome(v, today, cal));
    m.insert("timeline", timeline(v));
    m.insert("commissioner", commissioner.to_string());
    m.insert("commissioner_name", commissioner_name.to_string());
    m.insert("commissioner_basis", commissioner_basis.to_string());
    m
}

/// Check that a review can be drafted for this case; a user error says why not.
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

/// Check that a complaint can be drafted for this case.
pub fn check_ico(v: &CaseView) -> Result<()> {
    if v.file.case.sent.is_none() {
        return Err(Error::user(format!(
            "case #{} is a draft (not sent yet): there is nothing to complain about",
            v.file.case.id
        )));
    }
    Ok(())
}

/// Draft a letter for the case from `template` (whose name, for errors, is `source`).
pub fn draft(
    v: &CaseView,
    kind: Letter,
    template: &str,
    source: &str,
    today: NaiveDate,
    cal: &Calendar,
) -> Result<String> {
    match kind {
        Letter::Review => check_review(v, today, cal)?,
        Letter::Ico => check_ico(v)?,
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
        for t in [REVIEW_TEMPLATE, ICO_TEMPLATE] {
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
