//! The reasons a letter gives, question by question: what the authority did, what the
//! law then requires of it (a public interest test, advice and assistance, searches).

use super::template::{label_list, wrap};
use super::{LetterKind, WIDTH};
use crate::casebook::CaseView;
use crate::domain::exemption::{self, Exemption, ExemptionKind};
use crate::domain::{Outcome, Question, Regime};

/// A cited section as letters write it: `section 43 (Commercial interests)`.
pub(super) fn cited(regime: Regime, section: &str) -> String {
    match exemption::lookup(regime, section) {
        Ok(e) => format!("{} ({})", e.citation(), e.name),
        Err(_) => exemption::cite(regime, section),
    }
}

pub(super) fn cited_list(regime: Regime, sections: &[String]) -> String {
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
pub(super) fn outcome_phrase(regime: Regime, q: &Question) -> String {
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

pub(super) fn cost_section(r: Regime) -> &'static str {
    match r {
        Regime::Foia | Regime::Foisa => "section 12",
        Regime::Eir => "regulation 12(4)(b)",
        Regime::Eisr => "regulation 10(4)(b)",
    }
}

pub(super) fn vexatious_words(r: Regime) -> &'static str {
    match r {
        Regime::Foia | Regime::Foisa => "vexatious (section 14(1))",
        Regime::Eir => "manifestly unreasonable (regulation 12(4)(b))",
        Regime::Eisr => "manifestly unreasonable (regulation 10(4)(b))",
    }
}

pub(super) fn published_section(r: Regime) -> &'static str {
    match r {
        Regime::Foia => "section 21",
        Regime::Foisa => "section 25",
        Regime::Eir | Regime::Eisr => "regulation 6(1)(b)",
    }
}

pub(super) fn refusal_notice(r: Regime) -> &'static str {
    match r {
        Regime::Foia => "section 17",
        Regime::Foisa => "section 16",
        Regime::Eir => "regulation 14",
        Regime::Eisr => "regulation 13",
    }
}

/// The reasons a challenged question can give, in the order they first appear.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Ground {
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

pub(super) fn grounds_of(regime: Regime, q: &Question) -> Vec<Ground> {
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

pub(super) fn exemption_paragraph(
    regime: Regime,
    e: &Exemption,
    who: &str,
    to: LetterKind,
) -> String {
    let name = format!("{} ({})", e.citation(), e.name);
    let cap = capitalise(&name);
    let may = match to {
        LetterKind::Review | LetterKind::Chaser => "You may",
        LetterKind::Ico => "The authority may",
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
            LetterKind::Review | LetterKind::Chaser => {
                "Please show the public interest test you carried out: the factors you weighed for and against disclosure, and why you concluded as you did. Please also explain how it applies to the specific information withheld, and release any part of the information that falls outside it."
            }
            LetterKind::Ico => {
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
            LetterKind::Review | LetterKind::Chaser => {
                "Please explain how it applies to the specific information withheld, and release any part of the information that falls outside it."
            }
            LetterKind::Ico => {
                "I ask the Commissioner to decide whether it is engaged for all of the information withheld."
            }
        };
        format!("{cap}, cited for {who}, {kind}. {ask}")
    }
}

/// The paragraph a letter gives for one reason: to the authority at review (and in a
/// chaser) it asks for what the law requires; to the Commissioner it asks for a decision.
pub(super) fn ground_paragraph(regime: Regime, g: &Ground, who: &str, to: LetterKind) -> String {
    let review = to != LetterKind::Ico;
    let env = regime.is_environmental();
    match g {
        Ground::Exemption(e) => exemption_paragraph(regime, e, who, to),
        Ground::Cost if !env => cost_limit_paragraph(regime, who, review),
        Ground::Cost => burden_paragraph(regime, who, review),
        Ground::Vexatious if !env => vexatious_paragraph(who, review),
        Ground::Vexatious => manifestly_unreasonable_paragraph(regime, who, review),
        Ground::Partly => partly_answered_paragraph(regime, who, review),
        Ground::Published => published_paragraph(regime, who, review),
        Ground::NotHeld => not_held_paragraph(who, review),
        Ground::Ncnd => ncnd_paragraph(who, review),
        Ground::Future => future_publication_paragraph(who, review),
        Ground::Pending => unanswered_paragraph(who, review),
        Ground::Answered => incomplete_answer_paragraph(who, review),
    }
}

/// The environmental regulations' exception for a manifestly unreasonable request, and
/// their public interest test (EIR regulation 12, EISR regulation 10); FOIA and FOISA
/// have neither.
fn manifestly_unreasonable_sections(regime: Regime) -> (&'static str, &'static str) {
    match regime {
        Regime::Eir => ("regulation 12(4)(b)", "regulation 12(1)(b)"),
        Regime::Eisr => ("regulation 10(4)(b)", "regulation 10(1)(b)"),
        Regime::Foia | Regime::Foisa => ("", ""),
    }
}

/// The duty to advise and assist: FOIA section 16, FOISA section 15, EIR and EISR
/// regulation 9.
fn advice_and_assistance(regime: Regime) -> &'static str {
    match regime {
        Regime::Foia => "section 16",
        Regime::Foisa => "section 15",
        Regime::Eir | Regime::Eisr => "regulation 9",
    }
}

/// A refusal under the cost limit (FOIA and FOISA section 12): the FOIA calls it the
/// appropriate limit, the FOISA the prescribed one.
fn cost_limit_paragraph(regime: Regime, who: &str, review: bool) -> String {
    let assist = advice_and_assistance(regime);
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

/// An environmental refusal for the cost or burden of complying: no cost limit, but the
/// public interest test.
fn burden_paragraph(regime: Regime, who: &str, review: bool) -> String {
    let (burden, pit) = manifestly_unreasonable_sections(regime);
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

/// A request treated as vexatious (FOIA and FOISA section 14(1)).
fn vexatious_paragraph(who: &str, review: bool) -> String {
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

/// An environmental request refused as manifestly unreasonable.
fn manifestly_unreasonable_paragraph(regime: Regime, who: &str, review: bool) -> String {
    let (burden, pit) = manifestly_unreasonable_sections(regime);
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

/// An incomplete answer with no reason given, which a refusal notice must give.
fn partly_answered_paragraph(regime: Regime, who: &str, review: bool) -> String {
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

/// Information said to be reasonably accessible already.
fn published_paragraph(regime: Regime, who: &str, review: bool) -> String {
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

/// Information said not to be held: the searches made, or a decision on the balance of probabilities.
fn not_held_paragraph(who: &str, review: bool) -> String {
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

/// Neither confirming nor denying that the information is held.
fn ncnd_paragraph(who: &str, review: bool) -> String {
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

/// Information withheld as intended for future publication.
fn future_publication_paragraph(who: &str, review: bool) -> String {
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

/// A question the response did not answer at all.
fn unanswered_paragraph(who: &str, review: bool) -> String {
    if review {
        format!("Your response did not answer {who}. Please answer it in full.")
    } else {
        format!(
            "The authority has not answered {who}. I ask the Commissioner to require it to do so."
        )
    }
}

/// An answer believed to be incomplete.
fn incomplete_answer_paragraph(who: &str, review: bool) -> String {
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

pub(super) fn capitalise(s: &str) -> String {
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

pub(super) fn question_list(regime: Regime, qs: &[&Question]) -> String {
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

pub(super) fn grounds(regime: Regime, qs: &[&Question], to: LetterKind) -> String {
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
