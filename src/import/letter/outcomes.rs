//! What the authority did with a question: the outcome and the exemptions it cited,
//! read from the words that answer it.

use super::clean::re;
use super::window::sentences;
use crate::domain::exemption::{catalogue, lookup, normalize_section};
use crate::domain::{ExemptionKind, Outcome, Regime};
use regex::Regex;
use std::sync::LazyLock;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cited {
    Exemption,
    Cost,
    Vexatious,
    /// EIR 12(4)(b) / EISR 10(4)(b): cost or vexatious, as the words say.
    Unreasonable,
    NotHeld,
    Published,
    Future,
    Ncnd,
}

const FOIA_NCND: &[&str] = &[
    "23(5)", "24(2)", "26(3)", "27(4)", "28(3)", "29(2)", "30(3)", "31(3)", "32(3)", "33(3)",
    "34(2)", "35(3)", "36(3)", "37(2)", "38(2)", "39(2)", "40(5)", "40(5A)", "40(5B)", "41(2)",
    "42(2)", "43(3)", "44(2)",
];

fn under(section: &str, parent: &str) -> bool {
    section == parent || section.starts_with(&format!("{parent}("))
}

/// Whether `section` is in the regime's catalogue, or a subsection of an entry.
fn in_catalogue(regime: Regime, section: &str) -> bool {
    lookup(regime, section).is_ok()
        || catalogue().iter().any(|e| {
            e.regime == regime && e.kind != ExemptionKind::Procedural && under(section, &e.section)
        })
}

/// What a cited section means in this regime, or `None` when it is no ground for
/// refusal (s1, s10, s16, s17 FOIA, reg 12(1)(b) …).
fn cited(regime: Regime, section: &str) -> Option<Cited> {
    match regime {
        Regime::Foia => {
            if under(section, "12") {
                Some(Cited::Cost)
            } else if under(section, "14") {
                Some(Cited::Vexatious)
            } else if FOIA_NCND.iter().any(|p| under(section, p)) {
                Some(Cited::Ncnd)
            } else if under(section, "21") {
                Some(Cited::Published)
            } else if under(section, "22") {
                Some(Cited::Future)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
        Regime::Foisa => {
            if under(section, "12") {
                Some(Cited::Cost)
            } else if under(section, "14") {
                Some(Cited::Vexatious)
            } else if under(section, "17") {
                Some(Cited::NotHeld)
            } else if under(section, "18") {
                Some(Cited::Ncnd)
            } else if under(section, "25") {
                Some(Cited::Published)
            } else if under(section, "27(1)") || section == "27" {
                Some(Cited::Future)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
        Regime::Eir | Regime::Eisr => {
            let (not_held, unreasonable, ncnd) = if regime == Regime::Eir {
                ("12(4)(a)", "12(4)(b)", "12(6)")
            } else {
                ("10(4)(a)", "10(4)(b)", "10(8)")
            };
            if under(section, not_held) {
                Some(Cited::NotHeld)
            } else if under(section, unreasonable) {
                Some(Cited::Unreasonable)
            } else if under(section, ncnd) {
                Some(Cited::Ncnd)
            } else if section == "6(1)(b)" {
                Some(Cited::Published)
            } else {
                in_catalogue(regime, section).then_some(Cited::Exemption)
            }
        }
    }
}

const SEC: &str = r"\d{1,3}[a-z]?\b(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*";
static CITE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(sections?\s*|ss?\.\s*|ss?|reg(?:ulation)?s?\.?\s*|r\.\s*)({SEC})((?:\s*(?:,|and|&|/|or)\s*(?:(?:sections?|s\.?|reg(?:ulation)?s?\.?)\s*)?{SEC})*)"
    ))
});
static BARE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{1,2}\s*\(\s*\d{1,2}[a-z]?\s*\)(?:\s*\(\s*[a-z]{1,3}\s*\))*)"));
static SEC_ITEM: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i){SEC}")));

/// Sections cited in `text` with the regime each belongs to.
fn citations(text: &str, regime: Option<Regime>) -> Vec<(String, Cited)> {
    let scottish = regime.is_some_and(Regime::is_scottish);
    let act = if scottish {
        Regime::Foisa
    } else {
        Regime::Foia
    };
    let env = if scottish { Regime::Eisr } else { Regime::Eir };
    let mut out: Vec<(usize, String, Cited)> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for c in CITE.captures_iter(text) {
        let (Some(all), Some(prefix), Some(first)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        covered.push((all.start(), all.end()));
        let p = prefix.as_str().to_ascii_lowercase();
        let r = if p.starts_with('r') {
            env
        } else if regime.is_some_and(Regime::is_environmental)
            && p.starts_with("s")
            && !p.starts_with("sec")
        {
            // "s.13" in an EIR letter is loose shorthand; read it in the letter's regime.
            regime.unwrap_or(env)
        } else {
            act
        };
        let mut items = vec![(first.start(), first.as_str().to_string())];
        if let Some(tail) = c.get(3) {
            for m in SEC_ITEM.find_iter(tail.as_str()) {
                items.push((tail.start() + m.start(), m.as_str().to_string()));
            }
        }
        for (at, raw) in items {
            let Some(sec) = normalize_section(&raw) else {
                continue;
            };
            let kind = cited(r, &sec).or_else(|| {
                // A regulation cited as a "section", or the other way round.
                (regime.is_some_and(|g| g != r))
                    .then(|| regime.and_then(|g| cited(g, &sec)))
                    .flatten()
            });
            if let Some(kind) = kind {
                out.push((at, sec, kind));
            }
        }
    }
    let bare_regime = regime.unwrap_or(Regime::Foia);
    for m in BARE.find_iter(text) {
        if covered
            .iter()
            .any(|&(s, e)| m.start() >= s && m.start() < e)
        {
            continue;
        }
        let Some(sec) = normalize_section(m.as_str()) else {
            continue;
        };
        if let Some(kind) = cited(bare_regime, &sec) {
            out.push((m.start(), sec, kind));
        }
    }
    out.sort_by_key(|(at, _, _)| *at);
    out.into_iter().map(|(_, s, k)| (s, k)).collect()
}

static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:not\s+(?:been\s+)?(?:engaged|applied|applicable|relied|relying|apply|applies|exempt|withheld)|(?:do|does|did|have|has|will|would)\s+not\s+(?:apply|engage|rely|consider\s+(?:that\s+)?(?:section|regulation|the\s+exemption|any\s+exemption))|no\s+exemptions?\s+(?:has|have|were|was|is|are|apply|applies|applied|to\s+apply)|without\s+(?:any\s+)?(?:exemptions?|redactions?)|nothing\s+has\s+been\s+withheld|not\s+subject\s+to\s+(?:any\s+)?exemption)",
    )
});
static NCND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)neither\s+(?:to\s+)?confirms?\s+n?or\s+den(?:y|ies)|\bncnd\b|(?:confirm|confirming)\s+or\s+(?:deny|denying)\s+(?:whether|that|if)|duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+(?:apply|arise)|exclu\w+\s+from\s+the\s+duty\s+to\s+confirm",
    )
});
static VEXATIOUS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bvexatious|\brepeat(?:ed)?\s+requests?\b"));
static UNREASONABLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)manifestly\s+unreasonable"));
static BURDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)burden|\bhours\b|\bcost|resources|disproportionate|time\s+(?:it\s+would\s+take|required)",
    )
});
static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"£\s?\d|\b(?:\d{1,3}(?:,\d{3})+|\d{1,3}|\d{5,})(?:\.\d+)?\b"));
static NOT_A_FACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bref(?:erence)?\b|\btel\b|telephone|phone|\bfax\b|@|https?://|www\.|\bpage\s+\d|\bparagraph\s+\d|\bquestions?\s+\d|\brequests?\s+\d|\breview|\bcommissioner|\bappeal|\bcomplain",
    )
});
static NOT_VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bnot\s+(?:consider(?:ed)?\s+)?(?:to\s+be\s+)?(?:vexatious|manifestly)")
});
static COST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:cost|appropriate|fees?)\s+limit|£\s?(?:450|600)\b|\b(?:18|24|eighteen|twenty[- ]four)\s+(?:working\s+)?hours\b|exceed\w*\s+the\s+(?:appropriate\s+)?(?:limit|amount)|would\s+cost\s+more\s+than|excessive\s+cost|cost\s+of\s+compliance|disproportionate\s+(?:cost|time|amount|burden)|\bsection\s+12\b",
    )
});
static COST_REFUSAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)exceed|more\s+than|\bover\b|\babove\b|beyond|outside|refus|unable|cannot|can\s*not|not\s+(?:able|obliged|required)|would\s+(?:take|cost|require|involve)|excessive|disproportionate|burden",
    )
});
static COST_OK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwithin\s+the\s+(?:cost|appropriate|fees?)\s+limit|(?:does|did|would)\s+not\s+exceed|(?:until|once|if)\s+the\s+cost\s+limit\s+is\s+reached",
    )
});
static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:do|does|did)\s+not|don'?t|doesn'?t|didn'?t)\s+(?:hold|have\s+(?:any\s+|this\s+|that\s+|the\s+|such\s+|these\s+|those\s+)?(?:recorded\s+)?(?:information|data|records?|details|figures)|record|collect|keep|retain|capture|possess)\b|(?:information|data|it|this|these|records?|details?|figures?|documents?|statistics)\s+(?:is|are|was|were)\s+not\s+held|^\W*not\s+held|\b(?:questions?|requests?|parts?|items?|points?)\b[\s\w()]{0,12}?\s(?:is|are|was|were)\s+not\s+held|\bnot\s+held\s+by|\bno\s+(?:recorded\s+|relevant\s+|such\s+)?(?:information|data|records?|documents?|figures?)\s+(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:held|recorded|kept|found|located|exists?|available)|\bno\s+recorded\s+information|\bholds?\s+no\s+(?:recorded\s+|relevant\s+)?(?:information|data|records?)|\b(?:is|are)\s+not\s+(?:recorded|collected|kept|captured)\b|\bnil\s+return|\binformation\s+not\s+held",
    )
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:available|published|accessible|found|located|viewed|accessed)\s+(?:on|via|from|at|through|in)\s+(?:our|the\s+(?:council|trust|force|department|authority|board|agency|government)(?:'s)?|its|their)\s+(?:web\s?site|web\s?pages?|internet|publication\s+scheme|disclosure\s+log|online)|publicly\s+available|already\s+(?:been\s+)?published|(?:is|are|was|were)\s+published\s+(?:on|at|in|online|by|annually|monthly|quarterly)|in\s+the\s+public\s+domain|reasonably\s+accessible|accessible\s+(?:to\s+you\s+)?by\s+other\s+means|otherwise\s+accessible|available\s+online|available\s+to\s+the\s+public|available\s+(?:at|from|via|here)\s*:?\s*(?:https?://|www\.)",
    )
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)intended\s+for\s+(?:future\s+)?publication|(?:will|is\s+due\s+to|are\s+due\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to)\s+be\s+published|plan(?:s|ned)?\s+to\s+publish|future\s+publication",
    )
});
static WITHHOLD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bexempt(?:ion|ions|ed)?\b|withh[eo]ld|\bredact|\brefus|not\s+(?:be\s+)?(?:disclos|releas|provid)|(?:unable|not\s+able)\s+to\s+(?:disclose|release|provide|share)|cannot\s+(?:disclose|release|provide|share)|can\s*not\s+be\s+(?:disclosed|released|provided)|exception\s+(?:applies|is\s+engaged)|commercially\s+sensitive",
    )
});
static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bpartly\b|\bpartial(?:ly)?\b|\bin\s+part\b|\bpart\s+of\s+(?:your|the|this)|some\s+(?:of\s+)?(?:the\s+)?(?:information|data|details|records|documents)|\bthe\s+remain(?:der|ing)|\bredact|with\s+the\s+exception|except\s+for|however,?\s+(?:we|i)\s+(?:can|are\s+able|have|do)|\bbut\s+(?:we|i)\s+(?:can|are\s+able|have\s+provided)|\bthe\s+rest\s+of|\bother\s+parts?\b|\bremoved\b",
    )
});
static DISCLOSES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)please\s+(?:find|see)\s+(?:attached|enclosed|below|the\s+(?:attached|enclosed|information|table|figures|answer|response))|\b(?:is|are)\s+(?:attached|enclosed)\b|\battached\s+(?:is|are|to\s+this|please)|\b(?:i|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+provide|\b(?:i\s+am|we\s+are)\s+pleased\s+to|\bhas\s+been\s+(?:provided|released|disclosed)|\bhave\s+(?:provided|released|disclosed)|\bprovided\s+(?:below|above)|\bas\s+follows|\bthe\s+(?:answer|figure|number|total|amount|cost)s?\s+(?:is|are|was|were)\b|\bthere\s+(?:were|was|are|is|have\s+been|has\s+been)\s+\d|£\s?\d|\b\d[\d,.]*\s*(?:%|per\s*cent)|\b(?:we|the\s+\w+)\s+(?:can\s+)?confirm\s+that\s+(?:there|the\s+(?:number|figure|total|cost))|\bsee\s+(?:the\s+)?(?:attached|enclosed|table|spreadsheet)",
    )
});
static ATTACHED_RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:attached|enclosed)\s+(?:is\s+|please\s+find\s+|you\s+will\s+find\s+)?(?:our|my|the\s+\w+'?s?|a|the)\s+(?:formal\s+|full\s+)?(?:response|reply|letter|decision)",
    )
});
static SEE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:see|refer\s+to|as\s+per|as\s+in)\s+(?:our\s+|my\s+|the\s+)?(?:answers?|responses?|reply)\s+(?:to|for|at|given\s+(?:to|for|at|in))\s+(?:question|request|q|part|point)\s*\.?\s*(\d{1,3})|(?:see|refer\s+to)\s+(?:question|request|q)\s*\.?\s*(\d{1,3})",
    )
});
static EXCEPTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(\s*(?:with\s+the\s+exceptions?\s+of|except|apart\s+from|other\s+than|excluding|save\s+for)[^()]{0,160}\)|(?:with\s+the\s+exceptions?\s+of|except(?:\s+for)?|apart\s+from|other\s+than|excluding|save\s+for)\s+(?:the\s+)?(?:(?:part|parts|some)\s+of\s+)?(?:your\s+|the\s+|our\s+)?(?:answers?\s+to\s+|responses?\s+to\s+)?(?:requests?|questions?|q|items?|points?)\s*\.?\s*\d{1,3}(?:\s*(?:-|to|and|&|,)\s*\d{1,3})*",
    )
});

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
    let mut ncnd = false;
    let mut vex = false;
    let mut cost = false;
    let mut unreasonable = false;
    let mut not_held = false;
    let mut published = false;
    let mut future = false;
    let mut withheld = false;
    let mut withhold_words = false;
    let mut partial = false;
    let mut meaningful = false;
    let mut facts = false;
    for s in sentences(text) {
        if s.chars().any(char::is_alphanumeric) {
            meaningful = true;
        }
        let negated = NEGATED.is_match(s);
        if !negated {
            for (sec, kind) in citations(s, regime) {
                match kind {
                    Cited::Cost => cost = true,
                    Cited::Vexatious => vex = true,
                    Cited::Unreasonable => unreasonable = true,
                    Cited::NotHeld => not_held = true,
                    Cited::Published => published = true,
                    Cited::Future => future = true,
                    Cited::Ncnd => ncnd = true,
                    Cited::Exemption => withheld = true,
                }
                let procedural = matches!(kind, Cited::Cost | Cited::Vexatious)
                    || (kind == Cited::NotHeld && regime == Some(Regime::Foisa));
                if !procedural && !v.exemptions.contains(&sec) {
                    v.exemptions.push(sec);
                }
            }
            if WITHHOLD.is_match(s) {
                withhold_words = true;
            }
        }
        ncnd |= NCND.is_match(s);
        unreasonable |= UNREASONABLE.is_match(s) && !NOT_VEXATIOUS.is_match(s);
        // A plain fact given ("The Force owns 6 drones"): a sentence refusing nothing
        // that states a quantity, dates and section numbers aside.
        if s.split_whitespace().count() >= 3
            && !refusing(s)
            && !NOT_A_FACT.is_match(s)
            && super::dates::find(s).is_empty()
        {
            let bare = CITE.replace_all(s, " ");
            let bare = BARE.replace_all(&bare, " ");
            facts |= QUANTITY.is_match(&bare);
        }
        vex |= VEXATIOUS.is_match(s) && !NOT_VEXATIOUS.is_match(s);
        cost |= COST.is_match(s) && COST_REFUSAL.is_match(s) && !COST_OK.is_match(s);
        not_held |= NOT_HELD.is_match(s);
        published |= PUBLISHED.is_match(s);
        future |= FUTURE.is_match(s);
        partial |= PARTIAL.is_match(s);
        // "Please find attached our response": the answers are elsewhere, not given.
        v.discloses |= DISCLOSES.is_match(s) && !ATTACHED_RESPONSE.is_match(s);
    }
    if unreasonable {
        if cost || COST.is_match(text) || BURDEN.is_match(text) {
            cost = true;
        } else {
            vex = true;
        }
    }
    // Words of withholding count alone only when nothing more specific is said (cost,
    // future publication, published elsewhere, not held each use the same words).
    let specific = ncnd || vex || cost || future || published || not_held;
    if withhold_words && !specific {
        withheld = true;
    }
    // A general section (40) alongside its specific subsection (40(2)) says nothing more.
    let all = v.exemptions.clone();
    v.exemptions.retain(|e| {
        !all.iter()
            .any(|f| f != e && f.starts_with(&format!("{e}(")))
    });
    let primary = if ncnd {
        Some(Outcome::Ncnd)
    } else if vex {
        Some(Outcome::RefusedVexatious)
    } else if cost {
        Some(Outcome::RefusedCost)
    } else if withheld {
        Some(Outcome::Withheld)
    } else if future {
        Some(Outcome::FuturePublication)
    } else if published {
        Some(Outcome::PublishedElsewhere)
    } else if not_held {
        Some(Outcome::NotHeld)
    } else {
        None
    };
    v.outcome = match primary {
        Some(Outcome::Withheld) if partial || facts => Some(Outcome::PartlyAnswered),
        Some(Outcome::NotHeld) if facts || v.discloses => Some(Outcome::PartlyAnswered),
        Some(_) if partial && v.discloses => Some(Outcome::PartlyAnswered),
        Some(o) => Some(o),
        None => {
            if text.len() < 300 {
                v.refers_to = SEE_OTHER
                    .captures(text)
                    .and_then(|c| c.get(1).or_else(|| c.get(2)))
                    .and_then(|m| m.as_str().parse().ok());
            }
            if v.refers_to.is_some() {
                None
            } else {
                meaningful.then_some(Outcome::Answered)
            }
        }
    };
    if matches!(v.outcome, Some(Outcome::Answered)) {
        v.exemptions.clear();
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = CITE.as_str();
        let _ = BARE.as_str();
        let _ = SEC_ITEM.as_str();
        let _ = NEGATED.as_str();
        let _ = NCND.as_str();
        let _ = VEXATIOUS.as_str();
        let _ = UNREASONABLE.as_str();
        let _ = BURDEN.as_str();
        let _ = QUANTITY.as_str();
        let _ = NOT_A_FACT.as_str();
        let _ = NOT_VEXATIOUS.as_str();
        let _ = COST.as_str();
        let _ = COST_REFUSAL.as_str();
        let _ = COST_OK.as_str();
        let _ = NOT_HELD.as_str();
        let _ = PUBLISHED.as_str();
        let _ = FUTURE.as_str();
        let _ = WITHHOLD.as_str();
        let _ = PARTIAL.as_str();
        let _ = DISCLOSES.as_str();
        let _ = ATTACHED_RESPONSE.as_str();
        let _ = SEE_OTHER.as_str();
        let _ = EXCEPTION_CLAUSE.as_str();
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
