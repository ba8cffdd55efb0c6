//! `foi list` and `foi due`.

use super::args::{DueArgs, ListArgs};
use crate::calendar::Clock;
use crate::casebook::{Casebook, Error, ListQuery, Result, Sort};
use crate::domain::dates::long;
use crate::present::{fit, pad, status_mark};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct NextJson<'a> {
    kind: &'a str,
    due: chrono::NaiveDate,
    state: &'a str,
    days_left: i64,
    unit: crate::calendar::Unit,
    countdown: String,
}

impl<'a> NextJson<'a> {
    fn of(c: &'a Clock) -> NextJson<'a> {
        NextJson {
            kind: c.kind.as_str(),
            due: c.due,
            state: c.state.as_str(),
            days_left: c.days_left,
            unit: c.unit,
            countdown: c.countdown(),
        }
    }
}

#[derive(Serialize)]
struct ListRowJson<'a> {
    id: i64,
    title: &'a str,
    authority: &'a str,
    regime: crate::domain::Regime,
    their_ref: Option<&'a str>,
    sent: Option<chrono::NaiveDate>,
    status: crate::domain::CaseStatus,
    overall: crate::domain::OverallOutcome,
    questions: usize,
    tags: &'a [String],
    next: Option<NextJson<'a>>,
}

/// `rows` as a pretty JSON array and a newline, as `json_line` writes a vector of
/// `to_json(row)`, but each row converted as it is written (no vector of them) into a
/// buffer sized for `per_row` bytes a row (no doubling of a 36 MB string at 100,000
/// cases, whose two copies made the peak): `foi list --json` at 100k cases peaked at
/// 219 MB, over SPEC 4's 200.
fn json_rows<'a, T, J: Serialize>(
    rows: &'a [T],
    per_row: usize,
    to_json: impl Fn(&'a T) -> J,
) -> Result<String> {
    struct Rows<'a, T, F>(&'a [T], F);
    impl<'a, T, J: Serialize, F: Fn(&'a T) -> J> Serialize for Rows<'a, T, F> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(&self.1))
        }
    }
    let mut buf = Vec::with_capacity(rows.len().saturating_mul(per_row).saturating_add(16));
    serde_json::to_writer_pretty(&mut buf, &Rows(rows, to_json))
        .map_err(|e| Error::user(format!("cannot write JSON: {e}")))?;
    buf.push(b'\n');
    String::from_utf8(buf).map_err(|e| Error::user(format!("cannot write JSON: {e}")))
}

fn parse_sort(s: &str) -> Result<Sort> {
    Sort::ALL
        .into_iter()
        .find(|x| x.as_str() == s.trim().to_ascii_lowercase())
        .ok_or_else(|| {
            Error::user(format!(
                "unknown sort '{s}': use urgency, sent, authority or changed"
            ))
        })
}

pub fn list(book: &Casebook, a: ListArgs, json: bool) -> Result<String> {
    let q = ListQuery {
        filter: a.filter.parse()?,
        authority: a.authority,
        tag: a.tag,
        sort: parse_sort(&a.sort)?,
    };
    let rows = book.list(&q)?;
    if json {
        return json_rows(&rows, 450, |v| ListRowJson {
            id: v.case.id,
            title: &v.case.title,
            authority: &v.case.authority,
            regime: v.case.regime,
            their_ref: v.case.their_ref.as_deref(),
            sent: v.case.sent,
            status: v.status,
            overall: v.overall,
            questions: v.questions,
            tags: &v.case.tags,
            next: v.next_clock().map(NextJson::of),
        });
    }
    if rows.is_empty() {
        let total = book.case_count()?;
        return Ok(if total == 0 {
            "No cases yet. Add one with `foi add`, or load the example with `foi demo`.\n".into()
        } else {
            format!(
                "No {} cases (of {total}). Try --filter all.\n",
                q.filter.as_str()
            )
        });
    }
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{:>5}   {:<19} {:<22} {:<24} {:<10} NEXT",
        "ID", "STATUS", "AUTHORITY", "TITLE", "REF"
    );
    for v in &rows {
        let c = &v.case;
        let next = v.next_clock().map(|k| k.countdown()).unwrap_or_default();
        let _ = writeln!(
            o,
            "{:>5} {} {} {} {} {} {}",
            c.id,
            status_mark(v.status),
            pad(v.status.as_str(), 19),
            pad(&c.authority, 22),
            pad(&c.title, 24),
            pad(c.their_ref.as_deref().unwrap_or("—"), 10),
            next
        );
    }
    Ok(o)
}

/// `14d`, `3w`, `14` (days).
fn parse_within(s: &str) -> Result<i64> {
    let t = s.trim().to_ascii_lowercase();
    let (num, mult) = if let Some(n) = t.strip_suffix('w') {
        (n, 7)
    } else if let Some(n) = t.strip_suffix('d') {
        (n, 1)
    } else {
        (t.as_str(), 1)
    };
    num.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=36_500).contains(n))
        .map(|n| n * mult)
        .ok_or_else(|| Error::user(format!("--within '{s}': give a period like 14d or 3w")))
}

#[derive(Serialize)]
struct DueJson<'a> {
    case_id: i64,
    title: &'a str,
    authority: &'a str,
    their_ref: Option<&'a str>,
    #[serde(flatten)]
    clock: &'a Clock,
    countdown: String,
}

pub fn due(book: &Casebook, a: DueArgs, json: bool) -> Result<String> {
    let within = a.within.as_deref().map(parse_within).transpose()?;
    let rows = book.due(within)?;
    if json {
        return json_rows(&rows, 640, |r| DueJson {
            case_id: r.case_id,
            title: &r.title,
            authority: &r.authority,
            their_ref: r.their_ref.as_deref(),
            clock: &r.clock,
            countdown: r.clock.countdown(),
        });
    }
    if rows.is_empty() {
        return Ok(match within {
            Some(d) => format!("Nothing due within {d} days.\n"),
            None => "Nothing due: no clock is running.\n".into(),
        });
    }
    let mut o = String::new();
    let _ = writeln!(o, "{:<16} {:<22} {:<26} CASE", "DUE", "LEFT", "CLOCK");
    for r in &rows {
        let overdue = if r.clock.days_left < 0 { "!" } else { " " };
        let _ = writeln!(
            o,
            "{:<16} {overdue}{} {} #{} {}",
            long(r.clock.due),
            pad(&r.clock.countdown(), 21),
            pad(r.clock.kind.describe(), 26),
            r.case_id,
            fit(&format!("{} — {}", r.authority, r.title), 40)
        );
    }
    Ok(o)
}
