//! Question labels at the start of a line (`Request 1:`, `Q4-6`, `2.`, `(b)`, `•`)
//! and references to questions inside running text ("part of your Request 4").

use super::clean::re;
use regex::Regex;
use std::sync::LazyLock;

/// Alphabetic labels get keys from here on, so that `(a)` never meets `1`.
pub const ALPHA_BASE: u32 = 10_000;

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// `Request 1`, `Question 1`, `Q1`: explicit, and the same questions whatever word.
    Named,
    /// A row of a table.
    Table,
    /// `1.`, `1)`, `(1)`.
    Numbered,
    /// `(a)`, `a)`.
    Alpha,
    /// `•`, `*`, `-` with no number.
    Bullet,
    /// `A1:`, `Answer 1`, `Response to Q1`: an answer's heading, never a question.
    Answer,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub line: usize,
    pub family: Family,
    /// The questions it names (several for `Questions 2 and 3`, `Q4-6`).
    pub keys: Vec<u32>,
    /// As printed, tidied: `Request 1`, `Q4`, `1`, `(b)`.
    pub label: String,
    /// The rest of the line after the label.
    pub rest: String,
}

/// More question numbers after the first: `-6`, ` and 3`, `, Q4 & 5` (a fragment
/// for (?x) patterns, so it holds no bare spaces).
const RANGE_TAIL: &str = r"((?:\s*(?:-|to|and|&|,|/|or)\s*(?:(?:q|questions?|requests?|items?|points?)\s*\.?\s*)?\d{1,3}\b)*)";

/// What may come before a label: spaces, bullets, quote marks, emphasis.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^[\s•*+>_]* (?:-\s+)? [\s•*+_]*
        ")
});
/// A named label: `Request 1:`, `Question 2 -`, `Q3.`, `Questions 4 and 5`, `Item
/// No. 6(a)`. The word in group 1, the number in group 3, more numbers in group 4.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            ^(request|question|query|item|point|part|q) (s?)
            \s*\.?\s* (?:no\.?\s*|number\s*)?
            (\d{{1,3}})\b
            (?:\s*\(\s*[a-z0-9]{{1,3}}\s*\))*          # a subpart, (a) or (ii)
            {RANGE_TAIL}
            \s* (?: [:.)\-–—]+\s* | \s+ | $ )        # a separator, a space, or the end
        "
    ))
});
/// An answer's label: `A1:`, `Answer 2`, `Our response to question 3 -`. The number
/// in group 1, more numbers in group 2.
static ANSWER_NUM: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            ^(?:(?:our|the|council'?s?|trust'?s?)\s+)?
            (?:a|ans|answer|response|reply)s? \s*\.?\s*
            (?:to\s+(?:your\s+)?(?:q|questions?|requests?|items?|points?)\s*\.?\s*)?
            (\d{{1,3}})\b
            {RANGE_TAIL}
            \s* (?: [:.)\-]+\s* | $ )
        "
    ))
});
/// `A1 612 households.`: an answer's label with no separator.
static ANSWER_A: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^A(\d{1,3})\s+
        ")
});
/// A number label, the number in one of groups 1 to 5.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^(?:
                \((\d{1,2})\)                          # (1)
              | (\d{1,2})\s*[.)]                       # 1. or 1)
              | (\d{1,2})\s*:                          # 1:
              | (\d{1,2})\s+-                          # 1 -
                # 1(a), 1a), 1.a with its own separator
              | (\d{1,2})\s*(?:\(\s*[a-z]{1,3}\s*\)|[a-z]\)|\.[a-z]\b)[.):]?
            )
            (?:\s+|$)
        ")
});
/// A letter label: `(a)`, `b)`, or `c.` before a capital; the letter in one of
/// groups 1 to 3.
static ALPHA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^(?: \(([a-z])\) | ([a-z])\) | ([a-h])\.\s+[A-Z] ) \s*
        ")
});
/// A bulleted line: `•`, `*`, `+`, or a dash and a space.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^\s* (?: [•*+] | -(?:\s|$) ) \s*\S
        ")
});

fn range_keys(first: u32, tail: &str) -> Vec<u32> {
    /// One more number: the separator in group 1, the number in group 2.
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?xi)
            (-|to|and|&|,|/|or) \s*
            (?:(?:q|questions?|requests?|items?|points?)\s*\.?\s*)?
            (\d{1,3})
        ")
    });
    let mut keys = vec![first];
    let mut prev = first;
    for c in PART.captures_iter(tail) {
        let (Some(sep), Some(n)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let Ok(n) = n.as_str().parse::<u32>() else {
            continue;
        };
        let sep = sep.as_str().to_ascii_lowercase();
        if (sep == "-" || sep == "to") && n > prev && n - prev <= 50 {
            keys.extend(prev + 1..=n);
        } else {
            keys.push(n);
        }
        prev = n;
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn tidy_named(word: &str, n: u32) -> String {
    let w = word.to_ascii_lowercase();
    if w == "q" {
        return format!("Q{n}");
    }
    let mut cap = w.clone();
    if let Some(first) = cap.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{cap} {n}")
}

/// A label read from the start of a line: what it is, the questions it names, how it
/// is printed, and where the rest of the line begins.
struct Label {
    family: Family,
    keys: Vec<u32>,
    label: String,
    end: usize,
}

/// The label at the start of `text`, if any. Table rows are not read here.
pub fn marker(line: usize, text: &str) -> Option<Marker> {
    let lead_len = LEAD.find(text).map_or(0, |m| m.end());
    let bulleted = text
        .get(..lead_len)
        .is_some_and(|l| l.contains(['•', '*', '-', '+']));
    let t = text.get(lead_len..).unwrap_or("");
    if t.is_empty() {
        return None;
    }
    let found = answer_label(t)
        .or_else(|| named_label(t))
        .or_else(|| numbered_label(t))
        .or_else(|| alpha_label(t));
    match found {
        Some(l) => Some(Marker {
            line,
            family: l.family,
            keys: l.keys,
            label: l.label,
            rest: t.get(l.end..).unwrap_or("").trim().to_string(),
        }),
        // "• 0. …" numbers nothing, and is no bullet either.
        None if bulleted && BULLET.is_match(text) && !NUMBERED.is_match(t) => Some(Marker {
            line,
            family: Family::Bullet,
            keys: Vec::new(),
            label: String::new(),
            rest: t.trim().to_string(),
        }),
        None => None,
    }
}

/// "A1 612 households.", "Answer to question 2:", "Response 3 -".
fn answer_label(t: &str) -> Option<Label> {
    if let Some(c) = ANSWER_A.captures(t) {
        let n: u32 = c.get(1)?.as_str().parse().ok()?;
        return Some(Label {
            family: Family::Answer,
            keys: vec![n],
            label: format!("{n}"),
            end: c.get(0)?.end(),
        });
    }
    let c = ANSWER_NUM.captures(t)?;
    let n: u32 = c.get(1)?.as_str().parse().ok()?;
    Some(Label {
        family: Family::Answer,
        keys: range_keys(n, c.get(2).map_or("", |m| m.as_str())),
        label: format!("{n}"),
        end: c.get(0)?.end(),
    })
}

/// "Request 1:", "Questions 2 and 3", "Q4-6".
fn named_label(t: &str) -> Option<Label> {
    let c = NAMED.captures(t)?;
    let n: u32 = c.get(3)?.as_str().parse().ok()?;
    Some(Label {
        family: Family::Named,
        keys: range_keys(n, c.get(4).map_or("", |m| m.as_str())),
        label: tidy_named(c.get(1)?.as_str(), n),
        end: c.get(0)?.end(),
    })
}

/// "1.", "(2)", "3)", "4 -", "5(a)".
fn numbered_label(t: &str) -> Option<Label> {
    let c = NUMBERED.captures(t)?;
    let n: u32 = (1..=5)
        .find_map(|i| c.get(i))
        .and_then(|m| m.as_str().parse().ok())?;
    (n != 0).then(|| Label {
        family: Family::Numbered,
        keys: vec![n],
        label: n.to_string(),
        end: c.get(0).map_or(0, |m| m.end()),
    })
}

/// "(a)", "b)", "c. The …".
fn alpha_label(t: &str) -> Option<Label> {
    let c = ALPHA.captures(t)?;
    let m = (1..=3).find_map(|i| c.get(i))?;
    let ch = m.as_str().chars().next()?;
    // "c. The …": the label ends at its full stop, before the capital.
    let end = if c.get(3).is_some() {
        m.end() + 1
    } else {
        c.get(0)?.end()
    };
    Some(Label {
        family: Family::Alpha,
        keys: vec![ALPHA_BASE + (ch as u32).saturating_sub('a' as u32)],
        label: format!("({ch})"),
        end,
    })
}

/// A question named in running text: "request 4", "questions 2 to 5", "Q3 and 6".
static REF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b(?:requests?|questions?|q|items?|points?) \s*\.?\s* (?:no\.?\s*)?
            (\d{{1,3}})\b
            {RANGE_TAIL}
        "
    ))
});
/// A lettered question named in running text: "question (b)", "parts a) and c)".
static ALPHA_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(?:questions?|requests?|parts?|items?|points?|q) \s*
            \(?([a-h])\)
            ((?: \s*(?:,|and|&|or)\s* \(?[a-h]\) )*)   # and c), or (d)
        ")
});
/// One letter of an [`ALPHA_REF`] list.
static ALPHA_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \(?([a-h])\)
        ")
});
/// "With the exception of (part of) …": what follows is excepted; group 1 says "in part".
static EXCEPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(?:
                with\s+the\s+exceptions?\s+of | except(?:\s+for)? | apart\s+from | other\s+than
              | excluding | save\s+for | but\s+not
            )\s+
            ((?:the\s+)?(?:part|parts|some|elements?|sections?)\s+of\s+)?
            (?:your\s+|the\s+|our\s+)?
            (?:answers?\s+to\s+|responses?\s+to\s+)?
        ")
});

/// A mention of questions inside running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub keys: Vec<u32>,
    /// Inside an exception ("with the exception of part of your Request 4").
    pub exception: bool,
    /// Only part of the question is meant ("part of request 4").
    pub part: bool,
}

/// Every mention of numbered questions in `text`.
pub fn mentions(text: &str) -> Vec<Mention> {
    // Where each exception phrase ends, and whether it excepts only part.
    let exceptions: std::collections::BTreeMap<usize, bool> = EXCEPTION
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.end(), c.get(1).is_some())))
        .collect();
    let mut out = Vec::new();
    for c in REF.captures_iter(text) {
        let (Some(m), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(n) = n.as_str().parse::<u32>() else {
            continue;
        };
        let keys = range_keys(n, c.get(2).map_or("", |t| t.as_str()));
        let exc = exceptions.get(&m.start());
        let before = text
            .get(super::dates::floor_boundary(text, m.start().saturating_sub(24))..m.start())
            .unwrap_or("");
        let part = exc.copied().unwrap_or(false) || before.to_ascii_lowercase().contains("part of");
        out.push(Mention {
            start: m.start(),
            keys,
            exception: exc.is_some(),
            part,
        });
    }
    for c in ALPHA_REF.captures_iter(text) {
        let (Some(m), Some(first)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let mut keys = Vec::new();
        for l in std::iter::once(first.as_str()).chain(
            c.get(2)
                .map(|t| {
                    ALPHA_ITEM
                        .captures_iter(t.as_str())
                        .filter_map(|x| x.get(1).map(|y| y.as_str()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        ) {
            if let Some(ch) = l.to_ascii_lowercase().chars().next() {
                keys.push(ALPHA_BASE + (ch as u32).saturating_sub('a' as u32));
            }
        }
        let exc = exceptions.get(&m.start());
        out.push(Mention {
            start: m.start(),
            keys,
            exception: exc.is_some(),
            part: exc.copied().unwrap_or(false),
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = LEAD.as_str();
        let _ = NAMED.as_str();
        let _ = ANSWER_NUM.as_str();
        let _ = ANSWER_A.as_str();
        let _ = NUMBERED.as_str();
        let _ = ALPHA.as_str();
        let _ = BULLET.as_str();
        let _ = REF.as_str();
        let _ = ALPHA_REF.as_str();
        let _ = ALPHA_ITEM.as_str();
        let _ = EXCEPTION.as_str();
    }

    fn m(s: &str) -> Option<(Family, Vec<u32>, String, String)> {
        marker(0, s).map(|m| (m.family, m.keys, m.label, m.rest))
    }

    #[test]
    fn labels_of_every_shape() {
        let named = |s: &str| m(s).map(|x| (x.0, x.1, x.2));
        assert_eq!(
            named("* Request 1: Please"),
            Some((Family::Named, vec![1], "Request 1".into()))
        );
        assert_eq!(
            named("Q4-6"),
            Some((Family::Named, vec![4, 5, 6], "Q4".into()))
        );
        assert_eq!(
            named("Q 3 - how many"),
            Some((Family::Named, vec![3], "Q3".into()))
        );
        assert_eq!(
            named("Questions 2 and 3"),
            Some((Family::Named, vec![2, 3], "Question 2".into()))
        );
        assert_eq!(
            named("Question 7:"),
            Some((Family::Named, vec![7], "Question 7".into()))
        );
        assert_eq!(
            named("2. How many"),
            Some((Family::Numbered, vec![2], "2".into()))
        );
        assert_eq!(
            named("(3) How many"),
            Some((Family::Numbered, vec![3], "3".into()))
        );
        assert_eq!(
            named("4) How many"),
            Some((Family::Numbered, vec![4], "4".into()))
        );
        assert_eq!(
            named("(b) the cost"),
            Some((Family::Alpha, vec![ALPHA_BASE + 1], "(b)".into()))
        );
        assert_eq!(
            named("c) the cost"),
            Some((Family::Alpha, vec![ALPHA_BASE + 2], "(c)".into()))
        );
        assert_eq!(
            named("A2: We hold"),
            Some((Family::Answer, vec![2], "2".into()))
        );
        assert_eq!(
            named("Response to Question 5:"),
            Some((Family::Answer, vec![5], "5".into()))
        );
        assert_eq!(m("• one thing").map(|x| x.0), Some(Family::Bullet));
        assert_eq!(m("- one thing").map(|x| x.0), Some(Family::Bullet));
        assert_eq!(m("1.5 million people"), None);
        assert_eq!(m("Questions about this letter"), None);
        assert_eq!(m("-1 degrees"), None);
        assert_eq!(
            m("Q1 – Information provided").map(|x| x.3),
            Some("Information provided".into())
        );
    }

    #[test]
    fn mentions_in_prose() {
        let v = mentions("is sensitive (with the exception of part of your Request 4 as below)");
        assert_eq!(v.len(), 1);
        assert!(v[0].exception && v[0].part);
        assert_eq!(v[0].keys, vec![4]);
        let v = mentions("In response to part of request 4, you request");
        assert!(!v[0].exception && v[0].part);
        let v = mentions("Questions 1 to 3 and 5 are refused");
        assert_eq!(v[0].keys, vec![1, 2, 3, 5]);
    }
}
