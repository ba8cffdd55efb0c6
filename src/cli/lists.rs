//! `foi list`.

use super::args::ListArgs;
use crate::calendar::Clock;
use crate::casebook::{Casebook, Error, ListQuery, Result, Sort};
use crate::present::{pad, status_mark};
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
/// 219 MB, over the 200 MB this program keeps to (BENCHMARKS.md).
pub(super) fn json_rows<'a, T, J: Serialize>(
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
