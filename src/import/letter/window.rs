//! The window the letter gives for asking for an internal review ("within two months
//! of the date of this letter", "within 40 working days of receiving this response").

use super::clean::re;
use crate::domain::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A count in figures or words, in group 1 (inside (?x) patterns: no bare spaces).
const NUMBER: &str = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|twenty[-\x20]eight|thirty|forty|forty[-\x20]five|sixty|ninety)";

/// "Within 40 working days", "no later than two months": the count in group 1, the
/// kind of day in group 2, the unit in group 3.
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b(?:
                within | no\s+later\s+than | not\s+later\s+than | no\s+more\s+than | up\s+to
              | before\s+the\s+end\s+of | within\s+a\s+period\s+of | a\s+period\s+of
              | by\s+the\s+end\s+of
            )
            \s+(?:the\s+)? {NUMBER}
            (?:\s*\(\s*\d{{1,3}}\s*\))?                # forty (40)
            \s+(calendar\s+|working\s+|business\s+|clear\s+|school\s+)?
            (months?|weeks?|days?)\b
        "
    ))
});
/// "40 working days of the date of this letter", "two months from receiving our
/// response": the same groups as [`SPAN`].
static SPAN_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b{NUMBER}
            (?:\s*\(\s*\d{{1,3}}\s*\))?
            \s+(calendar\s+|working\s+|business\s+)?
            (months?|weeks?|days?)
            \s+(?:of|from|after|following)\s+
            (?:
                the\s+date\s+of\s+ | receiving\s+ | receipt\s+of\s+ | the\s+receipt\s+of\s+
              | you\s+receiv\w*\s+ | the\s+issue\s+of\s+
            )?
            (?:this|our|the)\b
        "
    ))
});
/// Words of the review paragraph.
static REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                review | reconsider | look\s+again | re-?examine | complain | complaint | appeal
              | dissatisfied | unhappy | not\s+happy | not\s+satisfied | not\s+content
            )
        ")
});
/// The authority's own time limit for the review ("we aim to respond within 20
/// working days"), not the requester's.
static THEIR_SIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                we\s+will | we'll | we\s+aim | we\s+shall | we\s+would\s+(?:aim|hope) | aim\s+to
              | will\s+(?:be\s+)?(?:respond|reply|complete|conclude|receive|carry|conduct|issue)
              | (?:respond|reply)\s+to\s+(?:your|the|any)\s+
                (?:review|complaint|request\s+for\s+(?:a\s+)?review)
              | review\s+will | should\s+receive | you\s+will\s+(?:normally\s+)?receive
              | response\s+(?:time|target)
                # reviews are normally completed within
              | (?:are|is)\s+(?:normally\s+|usually\s+|generally\s+)?
                (?:completed|concluded|dealt\s+with|answered|carried\s+out)
                # the authority must respond within
              | (?:must|should|has\s+to|have\s+to|is\s+required\s+to|are\s+required\s+to)\s+
                (?:respond|reply|answer|complete|deal)
            )
        ")
});
/// A body other than the authority: its time limits are not the review's.
static OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(commissioner | ico\b | tribunal | court\s+of\s+session | ombudsman)
        ")
});

fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase().replace(['-', ' '], "");
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "fifteen" => 15,
        "twenty" => 20,
        "twentyeight" => 28,
        "thirty" => 30,
        "forty" => 40,
        "fortyfive" => 45,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
    })
}

fn span(n: &str, kind: Option<&str>, unit: &str) -> Option<Span> {
    let n = number(n)?;
    if n == 0 || n > 400 {
        return None;
    }
    let kind = kind.unwrap_or("").trim().to_ascii_lowercase();
    let unit = unit.to_ascii_lowercase();
    Some(if unit.starts_with("month") {
        Span::Months(n)
    } else if unit.starts_with("week") {
        Span::Weeks(n)
    } else if kind == "working" || kind == "business" || kind == "school" {
        Span::WorkingDays(n)
    } else {
        Span::Days(n)
    })
}

/// Sentences of a text (split on `.`, `?`, `!` followed by a space, and on newlines).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        let next_space = bytes.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if c == '\n' || (matches!(c, '.' | '?' | '!') && next_space) {
            let end = i + c.len_utf8();
            if let Some(s) = text.get(start..end)
                && !s.trim().is_empty()
            {
                out.push(s.trim());
            }
            start = end;
        }
    }
    if let Some(s) = text.get(start..)
        && !s.trim().is_empty()
    {
        out.push(s.trim());
    }
    out
}

/// The review window, from the paragraphs of the letter (joined lines).
pub fn review_window(paragraphs: &[String], warnings: &mut Vec<String>) -> Option<Span> {
    let mut fallback = None;
    for p in paragraphs {
        let mut previous_mentions_review = false;
        for s in sentences(p) {
            let here = REVIEW.find(s).map(|m| m.start());
            let context = previous_mentions_review;
            previous_mentions_review = here.is_some();
            // "You can ask us to review it. You must ask within 40 working days …"
            let Some(review_at) = here.or(context.then_some(0)) else {
                continue;
            };
            if THEIR_SIDE.is_match(s) {
                continue;
            }
            let other = OTHER_BODY.find(s).map(|m| m.start());
            for rx in [&*SPAN, &*SPAN_OF] {
                for c in rx.captures_iter(s) {
                    let (Some(m), Some(n), Some(unit)) = (c.get(0), c.get(1), c.get(3)) else {
                        continue;
                    };
                    // The span must come before any mention of the Commissioner (whose
                    // own windows are not the review window).
                    if other.is_some_and(|o| o < m.start()) {
                        continue;
                    }
                    let Some(sp) = span(n.as_str(), c.get(2).map(|k| k.as_str()), unit.as_str())
                    else {
                        continue;
                    };
                    if review_at <= m.start()
                        || context
                        || s.to_ascii_lowercase().contains("review")
                    {
                        return Some(sp);
                    }
                    fallback.get_or_insert(sp);
                }
            }
        }
    }
    if fallback.is_none() {
        warnings.push("No review window found.".into());
    }
    fallback
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = SPAN.as_str();
        let _ = SPAN_OF.as_str();
        let _ = REVIEW.as_str();
        let _ = THEIR_SIDE.as_str();
        let _ = OTHER_BODY.as_str();
    }

    fn w(s: &str) -> Option<String> {
        review_window(&[s.to_string()], &mut Vec::new()).map(|s| s.canonical())
    }

    #[test]
    fn review_wordings() {
        assert_eq!(
            w("Any review request should be submitted within two months of the date of this letter.").as_deref(),
            Some("2 months")
        );
        assert_eq!(
            w("If you are dissatisfied you may ask for a review within 40 working days of receiving this response.").as_deref(),
            Some("40 working days")
        );
        assert_eq!(
            w("Requests for review must be made no later than forty (40) working days after the date of this letter.").as_deref(),
            Some("40 working days")
        );
        assert_eq!(
            w("We will respond to your review within 20 working days. You may then complain to the ICO within six weeks.").as_deref(),
            None
        );
        assert_eq!(
            w("Reviews are normally completed within 20 working days.").as_deref(),
            None
        );
        assert_eq!(
            w("If you are unhappy, please write to us within 20 working days of the date of this response asking for a review.").as_deref(),
            Some("20 working days")
        );
        assert_eq!(
            w("You may apply to the Scottish Information Commissioner within six months for a decision. You must ask for a review within 40 working days.").as_deref(),
            Some("40 working days")
        );
    }
}
