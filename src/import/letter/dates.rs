//! Dates in letters: finding them in running text, and picking out the letter's own
//! date and the date of the request it answers.

use super::clean::{Doc, re};
use crate::domain::dates::month_from_name;
use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A date written somewhere in the text; the year may be missing (`3 February`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Mention {
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// The date, taking a missing year from the letter: its year, or the year before
    /// when that would put the date after the letter.
    pub fn resolve(&self, letter: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.year.is_some() {
            return self.date();
        }
        let letter = letter?;
        let same = NaiveDate::from_ymd_opt(letter.year(), self.month, self.day);
        match same {
            Some(d) if d <= letter => Some(d),
            _ => NaiveDate::from_ymd_opt(letter.year() - 1, self.month, self.day),
        }
    }
}

/// A month's name or its abbreviation, in a group.
const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?";
/// A weekday before a date, which the date does without.
const WEEKDAY: &str = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?,?\s+)?";

/// `27th February 2018`, `Tuesday 9 April`: the day in group 1, the month in group 2,
/// the year in group 3.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b{WEEKDAY}
            (\d{{1,2}}) (?:st|nd|rd|th)? \s* (?:of\s+)?
            {MONTH} ,?
            (?:\s+(\d{{4}})\b)?
        "
    ))
});
/// `February 27, 2018`: the month in group 1, the day in group 2, the year in group 3.
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?xi)
            \b{WEEKDAY}
            {MONTH} \s+
            (\d{{1,2}}) (?:st|nd|rd|th)? \b
            (?:,?\s+(\d{{4}})\b)?
        "
    ))
});
/// `2018-02-27`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \b(\d{4})-(\d{1,2})-(\d{1,2})\b
        ")
});
/// `27/02/2018`, `27.02.18`: day, separator, month, separator, year.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \b (\d{1,2}) ([/.\-]) (\d{1,2}) ([/.\-]) (\d{4}|\d{2}) \b
        ")
});

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn plausible_year(y: i32) -> bool {
    (1990..=2100).contains(&y)
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    match year {
        Some(y) => plausible_year(y) && NaiveDate::from_ymd_opt(y, month, day).is_some(),
        // Any year with a 29 February will do to check a day without a year.
        None => NaiveDate::from_ymd_opt(2020, month, day).is_some(),
    }
}

/// Every date written in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    iso_dates(text, &mut found);
    numeric_dates(text, &mut found);
    named_month_dates(text, &mut found);
    // Longest first at each start, then drop anything overlapping an earlier pick.
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::new();
    for m in found {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

/// Keep a mention when its day exists.
fn keep(found: &mut Vec<Mention>, m: regex::Match, year: Option<i32>, month: u32, day: u32) {
    if valid(year, month, day) {
        found.push(Mention {
            start: m.start(),
            end: m.end(),
            year,
            month,
            day,
        });
    }
}

/// `2018-02-27`.
fn iso_dates(text: &str, found: &mut Vec<Mention>) {
    for c in ISO.captures_iter(text) {
        if let (Some(m), Some(y), Some(mo), Some(d)) =
            (c.get(0), num(&c, 1), num(&c, 2), num(&c, 3))
        {
            keep(found, m, Some(y as i32), mo, d);
        }
    }
}

/// `27/02/2018`, `27.02.18`: day first, the same separator twice.
fn numeric_dates(text: &str, found: &mut Vec<Mention>) {
    for c in NUMERIC.captures_iter(text) {
        let (Some(m), Some(d), Some(mo), Some(yraw)) = (c.get(0), num(&c, 1), num(&c, 3), c.get(5))
        else {
            continue;
        };
        // The same separator twice: 27/02/2018, 27.02.2018, not 1.2-18.
        if c.get(2).map(|s| s.as_str()) != c.get(4).map(|s| s.as_str()) {
            continue;
        }
        let Ok(y) = yraw.as_str().parse::<i32>() else {
            continue;
        };
        let y = if yraw.as_str().len() == 2 {
            2000 + y
        } else {
            y
        };
        keep(found, m, Some(y), mo, d);
    }
}

/// `27th February 2018`, `February 27, 2018`, and either without a year.
fn named_month_dates(text: &str, found: &mut Vec<Mention>) {
    for c in DMY.captures_iter(text) {
        let (Some(m), Some(d), Some(mname)) = (c.get(0), num(&c, 1), c.get(2)) else {
            continue;
        };
        if let Some(mo) = month_from_name(mname.as_str()) {
            keep(found, m, num(&c, 3).map(|y| y as i32), mo, d);
        }
    }
    for c in MDY.captures_iter(text) {
        let (Some(m), Some(mname), Some(d)) = (c.get(0), c.get(1), num(&c, 2)) else {
            continue;
        };
        let Some(mo) = month_from_name(mname.as_str()) else {
            continue;
        };
        let year = num(&c, 3).map(|y| y as i32);
        // "may 3" in prose is a verb; a month without a year must be capitalised.
        let capital = mname
            .as_str()
            .starts_with(|ch: char| ch.is_ascii_uppercase());
        if year.is_some() || capital {
            keep(found, m, year, mo, d);
        }
    }
}

/// The label of the letter's date: `Date:`, `Date of response:`, `Issue date:`.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                date(?:d)? | letter\s+date | response\s+date | issue\s+date | disclosure\s+date
              | date\s+of\s+(?:this\s+)?(?:letter|response|reply|issue)
              | date\s+(?:issued|of\s+disclosure)
            )
            \s*:\s*
        ")
});
/// `Date 14th April 2020`: the label with no colon, opening a line.
static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3} (?:date|dated) \s+
        ")
});
/// Words before `date:` that make it some other date (`Request date:`, `Review due
/// date:`).
static NOT_LETTER_DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                request | requested | received | receipt | acknowledgement | original
              | publication | published | updated | modified | posted | release
              | review | due | deadline | decision | closing | expiry | start | end
              | birth | meeting | incident | event | report | document | data
            )\s*$
        ")
});
/// A web page's own dates, above a date that is therefore not the letter's.
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                published | publication | updated | posted | modified | released | printed
              | release\x20date | data\x20as | as\x20at | as\x20of | correct\x20as | last\x20reviewed
            )\b
        ")
});
/// Where the letter proper begins, below its letterhead.
static LETTER_START: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3}
            (
                dear\b | to\x20whom\x20it\x20may\x20concern
              | thank\x20you\x20for\x20your | i\x20write | we\x20write | further\x20to\x20your
              | re\s*: | subject\s*:
            )
        ")
});
/// A template field left unfilled: `[insert]`, `<date>`, `____`, `DD/MM/YYYY`, `TBC`.
static BLANK_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\s*
            (?:
                \[[^\]]{0,40}\] | <[^>]{0,40}> | \{[^}]{0,40}\}      # a bracketed placeholder
              | _{2,} | \.{3,} | x{2,}                              # a line to write on
              | dd\s*/\s*mm\s*/\s*yy(?:yy)?
              | tbc | tba | insert\b.*
            )
        ")
});

/// Whether a template field was left unfilled (`[insert]`, `____`, `DD/MM/YYYY`).
pub fn is_blank_field(value: &str) -> bool {
    let v = value.trim();
    v.is_empty() || BLANK_FIELD.is_match(v)
}

/// The letter's own date: a `Date:` line, else a date standing alone near the top.
/// `skip` marks lines that are the requester's words.
pub fn letter_date(doc: &Doc, skip: &[bool], warnings: &mut Vec<String>) -> Option<NaiveDate> {
    let skipped = |i: usize| skip.get(i).copied().unwrap_or(false);
    let (labelled, blank_label) = labelled_date(doc, &skipped);
    let found = labelled
        .or_else(|| date_word_line(doc, &skipped))
        .or_else(|| standalone_date(doc, &skipped));
    if found.is_none() {
        warnings.push(if blank_label {
            "The letter's date field is blank (an unfilled template).".into()
        } else {
            "No letter date found.".into()
        });
    }
    found
}

/// A date right after a `Date:` label; and whether such a label was left blank.
fn labelled_date(doc: &Doc, skipped: &dyn Fn(usize) -> bool) -> (Option<NaiveDate>, bool) {
    let mut blank_label = false;
    for (_, line) in doc.lines.iter().enumerate().filter(|(i, _)| !skipped(*i)) {
        for c in DATE_LABEL.captures_iter(&line.text) {
            let Some(m) = c.get(0) else { continue };
            let before = line.text.get(..m.start()).unwrap_or("");
            if NOT_LETTER_DATE_WORD.is_match(before) {
                continue;
            }
            let rest = line.text.get(m.end()..).unwrap_or("");
            match find(rest).first() {
                Some(d)
                    if d.start == 0 || rest.get(..d.start).is_some_and(|p| p.trim().is_empty()) =>
                {
                    if let Some(date) = d.date() {
                        return (Some(date), blank_label);
                    }
                }
                _ => blank_label |= is_blank_field(rest),
            }
        }
    }
    (None, blank_label)
}

/// "Date 14th April 2020" (no colon) at the start of a short line.
fn date_word_line(doc: &Doc, skipped: &dyn Fn(usize) -> bool) -> Option<NaiveDate> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !skipped(*i) && l.text.len() <= 60)
        .find_map(|(_, line)| {
            let m = DATE_WORD.find(&line.text)?;
            let rest = line.text.get(m.end()..).unwrap_or("");
            find(rest).first().filter(|d| d.start == 0)?.date()
        })
}

/// A date standing alone near the top, before the letter proper begins (a time of
/// day may follow it; a "Published" line above it disqualifies it).
fn standalone_date(doc: &Doc, skipped: &dyn Fn(usize) -> bool) -> Option<NaiveDate> {
    let mut seen = 0;
    for (i, line) in doc.lines.iter().enumerate() {
        if skipped(i) || line.is_blank() {
            continue;
        }
        seen += 1;
        if seen > 40 || LETTER_START.is_match(&line.text) {
            break;
        }
        let t = line
            .text
            .trim()
            .trim_matches(|c: char| c == '*' || c == '_' || c == '.' || c == ',');
        let mentions = find(t);
        let [only] = mentions.as_slice() else {
            continue;
        };
        if only.start != 0 || !is_time_of_day(t.get(only.end..).unwrap_or("")) {
            continue;
        }
        let prev = (0..i).rev().find(|&j| !doc.blank(j));
        if prev.is_some_and(|j| PUBLISHED.is_match(doc.text(j)) && doc.text(j).len() < 60) {
            continue;
        }
        if let Some(d) = only.date() {
            return Some(d);
        }
    }
    None
}

/// Nothing, or a time of day (`10:42`, `9.30 am`).
fn is_time_of_day(tail: &str) -> bool {
    let tail = tail.trim();
    let clock = |c: char| c.is_ascii_digit() || c == ':' || c == '.' || c == ' ';
    let after_clock = tail.trim_start_matches(clock).trim();
    tail.is_empty()
        || after_clock.eq_ignore_ascii_case("am")
        || after_clock.eq_ignore_ascii_case("pm")
        || tail
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == ' ')
}

/// Words just before the request's date: "your request received on", "Date of
/// request:".
static REQUEST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            (?:
                # your e-mail of, the request we received on
                \b(?:request|e-?mail|letter|application|enquiry|query|correspondence|submission)\b
                [^.?!;]{0,80}?
                \b(?:received|dated|of|made|sent|submitted|on|from|registered|logged) \s*
                (?:on\s+|by\s+us\s+on\s+)?
                # a label: Date of request, Date received
              | \b(?:
                    date\s+(?:of\s+)?(?:request|receipt) | request\s+(?:date|received|made|submitted)
                  | date\s+received | received(?:\s+on)? | date\s+request\s+received
                ) \s*[:\-]?\s*
            )$
        ")
});
/// Words just after a date that make it the request's: "On 3 May, you asked …".
static REQUEST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^,?\s+
            (?:you | in\s+which\s+you | we\s+received\s+your) \s+
            (?:asked|requested|wrote|made|submitted|sent|contacted|emailed|request)
        ")
});
/// A date of this letter, a publication or a review: not the request's.
static NOT_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(this|our)\s+(letter|response|reply)\b
          | \bpublish
          | \breview\b
        ")
});

/// The date of the request the letter answers: "your request of 3 February 2018",
/// "Date received: 03/02/2018", "On 3 February you asked …".
pub fn request_date(
    doc: &Doc,
    skip: &[bool],
    letter: Option<NaiveDate>,
    warnings: &mut Vec<String>,
) -> Option<NaiveDate> {
    let mut yearless = false;
    for (from, to) in doc.paragraphs(0, doc.lines.len()) {
        if (from..to).all(|i| skip.get(i).copied().unwrap_or(false)) {
            continue;
        }
        let para = doc.join(from, to);
        for m in find(&para) {
            let before_start = floor_boundary(&para, m.start.saturating_sub(140));
            let before = para.get(before_start..m.start).unwrap_or("");
            let after = para.get(m.end..).unwrap_or("");
            let hit = REQUEST_BEFORE.is_match(before) || REQUEST_AFTER.is_match(after);
            if !hit || NOT_REQUEST.is_match(last_clause(before)) {
                continue;
            }
            match m.resolve(letter) {
                Some(d) if letter.is_none_or(|l| d <= l) => return Some(d),
                Some(_) => continue,
                None => {
                    yearless = true;
                    continue;
                }
            }
        }
    }
    if yearless {
        warnings.push("The request date has no year and the letter date is unknown.".into());
    } else {
        warnings.push("No request date found.".into());
    }
    None
}

/// The text after the last sentence end.
fn last_clause(s: &str) -> &str {
    match s.rfind(['.', '?', '!']) {
        Some(i) => s.get(i + 1..).unwrap_or(""),
        None => s,
    }
}

pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = DMY.as_str();
        let _ = MDY.as_str();
        let _ = ISO.as_str();
        let _ = NUMERIC.as_str();
        let _ = DATE_LABEL.as_str();
        let _ = DATE_WORD.as_str();
        let _ = NOT_LETTER_DATE_WORD.as_str();
        let _ = PUBLISHED.as_str();
        let _ = LETTER_START.as_str();
        let _ = BLANK_FIELD.as_str();
        let _ = REQUEST_BEFORE.as_str();
        let _ = REQUEST_AFTER.as_str();
        let _ = NOT_REQUEST.as_str();
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn one(s: &str) -> Option<NaiveDate> {
        let f = find(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        f[0].date()
    }

    #[test]
    fn finds_the_common_forms() {
        let on = "on 27 Sept 2018".replace("Sept", "Feb");
        let more = [
            "Tuesday, 27th of February, 2018",
            "February 27, 2018",
            "Feb. 27th 2018",
            on.as_str(),
        ];
        for s in crate::domain::dates::TUESDAY_27_FEBRUARY_2018
            .iter()
            .copied()
            .chain(more)
        {
            assert_eq!(one(s), Some(d(2018, 2, 27)), "{s}");
        }
        let m = find("your request of 3rd February regarding");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].year, None);
        assert_eq!(m[0].resolve(Some(d(2018, 2, 27))), Some(d(2018, 2, 3)));
        assert_eq!(m[0].resolve(Some(d(2018, 1, 10))), Some(d(2017, 2, 3)));
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        for s in [
            "dated January 2018",
            "31/02/2018",
            "FOI/2018/0471",
            "IR-2021-0042",
            "12 months",
            "3 separate requests",
            "you may 3 times",
            "section 12 decisions",
        ] {
            assert!(find(s).is_empty(), "{s}: {:?}", find(s));
        }
    }

    #[test]
    fn letter_and_request_dates() {
        let doc = Doc::parse(
            "Published: 1 March 2018\n\nOur Ref: X1\n\nDate: 27 February 2018\n\nDear Sir,\n\nThank you for your request of 3 February.",
        );
        let mut w = Vec::new();
        let skip = vec![false; doc.lines.len()];
        let l = letter_date(&doc, &skip, &mut w);
        assert_eq!(l, Some(d(2018, 2, 27)));
        assert_eq!(request_date(&doc, &skip, l, &mut w), Some(d(2018, 2, 3)));
        assert!(w.is_empty(), "{w:?}");
        let doc = Doc::parse("Published\n1 March 2018\n\nDear Sir");
        assert_eq!(letter_date(&doc, &skip, &mut w), None);
        let doc = Doc::parse("Northshire Council\n\n14th March 2019\n\nDear Ms Bloggs");
        assert_eq!(letter_date(&doc, &[], &mut w), Some(d(2019, 3, 14)));
    }
}
