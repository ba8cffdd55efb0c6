//! What the authority did with a question: the outcome and the exemptions it cited,
//! read from the words that answer it, sentence by sentence.

mod citations;
mod words;

use super::window::sentences;
use crate::domain::{Outcome, Regime};
use citations::{BARE, CITE, Cited, citations};
use words::{
    ATTACHED_RESPONSE, BURDEN, COST, COST_OK, COST_REFUSAL, DISCLOSES, EXCEPTION_CLAUSE, FUTURE,
    NCND, NEGATED, NOT_A_FACT, NOT_HELD, NOT_VEXATIOUS, PARTIAL, PUBLISHED, QUANTITY, SEE_OTHER,
    UNREASONABLE, VEXATIOUS, WITHHOLD,
};

/// What a piece of the authority's text says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verdict {
    /// `None` when nothing can be told.
    pub outcome: Option<Outcome>,
    pub exemptions: Vec<String>,
    /// Said in so many words that information is given ("please find attached").
    pub discloses: bool,
    /// "See our answer to question 2".
    pub refers_to: Option<u32>,
}

/// What the sentences of a text have said so far.
#[derive(Debug, Clone, Copy, Default)]
struct Signals {
    ncnd: bool,
    vexatious: bool,
    cost: bool,
    /// EIR 12(4)(b) / EISR 10(4)(b): cost or vexatious, as the words say.
    unreasonable: bool,
    not_held: bool,
    published: bool,
    future: bool,
    /// An exemption cited.
    withheld: bool,
    /// Words of withholding, with no section.
    withhold_words: bool,
    partial: bool,
    /// Any words at all.
    meaningful: bool,
    /// A plain fact given ("The Force owns 6 drones").
    facts: bool,
}

impl Signals {
    fn cited(&mut self, kind: Cited) {
        match kind {
            Cited::Cost => self.cost = true,
            Cited::Vexatious => self.vexatious = true,
            Cited::Unreasonable => self.unreasonable = true,
            Cited::NotHeld => self.not_held = true,
            Cited::Published => self.published = true,
            Cited::Future => self.future = true,
            Cited::Ncnd => self.ncnd = true,
            Cited::Exemption => self.withheld = true,
        }
    }

    /// Read one sentence: what it says, and the sections it cites into `v`.
    fn read(&mut self, s: &str, regime: Option<Regime>, v: &mut Verdict) {
        self.meaningful |= s.chars().any(char::is_alphanumeric);
        if !NEGATED.is_match(s) {
            for (sec, kind) in citations(s, regime) {
                self.cited(kind);
                // Cost and vexatious are grounds, not exemptions; so is FOISA s17.
                let procedural = matches!(kind, Cited::Cost | Cited::Vexatious)
                    || (kind == Cited::NotHeld && regime == Some(Regime::Foisa));
                if !procedural && !v.exemptions.contains(&sec) {
                    v.exemptions.push(sec);
                }
            }
            self.withhold_words |= WITHHOLD.is_match(s);
        }
        self.ncnd |= NCND.is_match(s);
        self.unreasonable |= UNREASONABLE.is_match(s) && !NOT_VEXATIOUS.is_match(s);
        self.facts |= states_fact(s);
        self.vexatious |= VEXATIOUS.is_match(s) && !NOT_VEXATIOUS.is_match(s);
        self.cost |= COST.is_match(s) && COST_REFUSAL.is_match(s) && !COST_OK.is_match(s);
        self.not_held |= NOT_HELD.is_match(s);
        self.published |= PUBLISHED.is_match(s);
        self.future |= FUTURE.is_match(s);
        self.partial |= PARTIAL.is_match(s);
        // "Please find attached our response": the answers are elsewhere, not given.
        v.discloses |= DISCLOSES.is_match(s) && !ATTACHED_RESPONSE.is_match(s);
    }

    /// Settle what the whole text says: "manifestly unreasonable" is about cost when
    /// the text speaks of a burden, else vexatious; words of withholding count alone
    /// only when nothing more specific is said (cost, future publication, published
    /// elsewhere and not held each use the same words).
    fn settle(&mut self, text: &str) {
        if self.unreasonable {
            if self.cost || COST.is_match(text) || BURDEN.is_match(text) {
                self.cost = true;
            } else {
                self.vexatious = true;
            }
        }
        let specific = self.ncnd
            || self.vexatious
            || self.cost
            || self.future
            || self.published
            || self.not_held;
        if self.withhold_words && !specific {
            self.withheld = true;
        }
    }

    /// The strongest outcome said, before anything given alongside is weighed.
    fn primary(&self) -> Option<Outcome> {
        [
            (self.ncnd, Outcome::Ncnd),
            (self.vexatious, Outcome::RefusedVexatious),
            (self.cost, Outcome::RefusedCost),
            (self.withheld, Outcome::Withheld),
            (self.future, Outcome::FuturePublication),
            (self.published, Outcome::PublishedElsewhere),
            (self.not_held, Outcome::NotHeld),
        ]
        .into_iter()
        .find_map(|(said, o)| said.then_some(o))
    }
}

/// A sentence refusing nothing that states a quantity, dates and section numbers aside.
fn states_fact(s: &str) -> bool {
    if s.split_whitespace().count() < 3
        || refusing(s)
        || NOT_A_FACT.is_match(s)
        || !super::dates::find(s).is_empty()
    {
        return false;
    }
    let bare = CITE.replace_all(s, " ");
    let bare = BARE.replace_all(&bare, " ");
    QUANTITY.is_match(&bare)
}

/// Whether a sentence refuses, withholds or cites anything.
fn refusing(s: &str) -> bool {
    WITHHOLD.is_match(s)
        || NOT_HELD.is_match(s)
        || NCND.is_match(s)
        || VEXATIOUS.is_match(s)
        || UNREASONABLE.is_match(s)
        || COST.is_match(s)
        || PUBLISHED.is_match(s)
        || FUTURE.is_match(s)
        || NEGATED.is_match(s)
        || BURDEN.is_match(s)
}

/// Remove "with the exception of (part of) Request 4": the exception is read apart.
pub fn without_exceptions(text: &str) -> String {
    EXCEPTION_CLAUSE.replace_all(text, " ").into_owned()
}

/// Read a piece of the authority's text.
pub fn classify(text: &str, regime: Option<Regime>) -> Verdict {
    let mut v = Verdict::default();
    let mut said = Signals::default();
    for s in sentences(text) {
        said.read(s, regime, &mut v);
    }
    said.settle(text);
    // A general section (40) alongside its specific subsection (40(2)) says nothing more.
    let all = v.exemptions.clone();
    v.exemptions.retain(|e| {
        !all.iter()
            .any(|f| f != e && f.starts_with(&format!("{e}(")))
    });
    v.outcome = match said.primary() {
        Some(Outcome::Withheld) if said.partial || said.facts => Some(Outcome::PartlyAnswered),
        Some(Outcome::NotHeld) if said.facts || v.discloses => Some(Outcome::PartlyAnswered),
        Some(_) if said.partial && v.discloses => Some(Outcome::PartlyAnswered),
        Some(o) => Some(o),
        None => {
            if text.len() < 300 {
                v.refers_to = SEE_OTHER
                    .captures(text)
                    .and_then(|c| c.get(1).or_else(|| c.get(2)))
                    .and_then(|m| m.as_str().parse().ok());
            }
            (v.refers_to.is_none() && said.meaningful).then_some(Outcome::Answered)
        }
    };
    if v.outcome == Some(Outcome::Answered) {
        v.exemptions.clear();
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = citations::CITE.as_str();
        let _ = citations::BARE.as_str();
        let _ = citations::SEC_ITEM.as_str();
        let _ = words::NEGATED.as_str();
        let _ = words::NCND.as_str();
        let _ = words::VEXATIOUS.as_str();
        let _ = words::UNREASONABLE.as_str();
        let _ = words::BURDEN.as_str();
        let _ = words::QUANTITY.as_str();
        let _ = words::NOT_A_FACT.as_str();
        let _ = words::NOT_VEXATIOUS.as_str();
        let _ = words::COST.as_str();
        let _ = words::COST_REFUSAL.as_str();
        let _ = words::COST_OK.as_str();
        let _ = words::NOT_HELD.as_str();
        let _ = words::PUBLISHED.as_str();
        let _ = words::FUTURE.as_str();
        let _ = words::WITHHOLD.as_str();
        let _ = words::PARTIAL.as_str();
        let _ = words::DISCLOSES.as_str();
        let _ = words::ATTACHED_RESPONSE.as_str();
        let _ = words::SEE_OTHER.as_str();
        let _ = words::EXCEPTION_CLAUSE.as_str();
    }

    fn o(s: &str, r: Option<Regime>) -> (Option<Outcome>, Vec<String>) {
        let v = classify(s, r);
        (v.outcome, v.exemptions)
    }

    #[test]
    fn outcomes_from_words() {
        let foia = Some(Regime::Foia);
        assert_eq!(
            o(
                "The information is exempt under Section 43 of the Freedom of Information Act.",
                foia
            ),
            (Some(Outcome::Withheld), vec!["43".into()])
        );
        assert_eq!(
            o(
                "To locate it would take more than 18 hours, exceeding the £450 limit.",
                foia
            ),
            (Some(Outcome::RefusedCost), vec![])
        );
        assert_eq!(
            o("We do not hold this information.", foia).0,
            Some(Outcome::NotHeld)
        );
        assert_eq!(
            o("There is no recorded information.", foia).0,
            Some(Outcome::NotHeld)
        );
        assert_eq!(
            o(
                "The Force can neither confirm nor deny that it holds this, by virtue of section 40(5) and 31(3).",
                foia
            ),
            (Some(Outcome::Ncnd), vec!["40(5)".into(), "31(3)".into()])
        );
        assert_eq!(
            o("This request is vexatious under section 14(1).", foia).0,
            Some(Outcome::RefusedVexatious)
        );
        assert_eq!(
            o(
                "This is available on our website at www.x.gov.uk (section 21).",
                foia
            ),
            (Some(Outcome::PublishedElsewhere), vec!["21".into()])
        );
        assert_eq!(
            o("The report will be published in June (section 22).", foia).0,
            Some(Outcome::FuturePublication)
        );
        assert_eq!(
            o("There were 14 incidents in 2019.", foia).0,
            Some(Outcome::Answered)
        );
        assert_eq!(
            o(
                "Please find attached the report. Names have been redacted under section 40(2).",
                foia
            ),
            (Some(Outcome::PartlyAnswered), vec!["40(2)".into()])
        );
        assert_eq!(
            o("We have not applied section 43; the figure is 12.", foia).0,
            Some(Outcome::Answered)
        );
        assert_eq!(
            o(
                "Under section 16 we offer advice and assistance. The figure is 3.",
                foia
            ),
            (Some(Outcome::Answered), vec![])
        );
        let eir = Some(Regime::Eir);
        assert_eq!(
            o("We are withholding this under regulation 12(5)(e).", eir),
            (Some(Outcome::Withheld), vec!["12(5)(e)".into()])
        );
        assert_eq!(
            o(
                "The information is not held, so regulation 12(4)(a) applies.",
                eir
            ),
            (Some(Outcome::NotHeld), vec!["12(4)(a)".into()])
        );
        let foisa = Some(Regime::Foisa);
        assert_eq!(
            o(
                "This is personal data and exempt under section 38(1)(b) of FOISA.",
                foisa
            ),
            (Some(Outcome::Withheld), vec!["38(1)(b)".into()])
        );
        assert_eq!(
            o("Please see our answer to question 2.", foia).1,
            Vec::<String>::new()
        );
        assert_eq!(
            classify("Please see our answer to question 2.", foia).refers_to,
            Some(2)
        );
        assert_eq!(o("", foia).0, None);
    }

    #[test]
    fn exception_clauses_are_cut() {
        let t = "the information is commercially sensitive (with the exception of part of your Request 4 as below) and exempt under Section 43";
        let c = without_exceptions(t);
        assert!(!c.contains("exception"));
        assert_eq!(
            classify(&c, Some(Regime::Foia)).outcome,
            Some(Outcome::Withheld)
        );
    }
}
