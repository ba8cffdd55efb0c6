//! CSV: one row per question, with the case's columns repeated on each (a case with no
//! questions still gets one row). RFC 4180 quoting by the `csv` crate.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some tabs and
//! carriage returns) as a formula, so stored text such as a letter's `=HYPERLINK(…)`
//! could run on opening. Every such cell is written with a leading `'`, which
//! spreadsheets show as text; other programs see the `'` as part of the value.

use crate::casebook::{CaseView, Error, Result};
use crate::domain::Question;
use crate::domain::dates::iso;
use std::borrow::Cow;

pub const COLUMNS: [&str; 16] = [
    "id",
    "title",
    "authority",
    "regime",
    "their_ref",
    "my_ref",
    "sent",
    "received",
    "status",
    "overall",
    "label",
    "question",
    "outcome",
    "exemptions",
    "note",
    "challenge",
];

/// A cell a spreadsheet would not run as a formula.
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn row(v: &CaseView, q: Option<&Question>) -> Vec<String> {
    let c = &v.file.case;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(iso).unwrap_or_default();
    vec![
        c.id.to_string(),
        c.title.clone(),
        c.authority.clone(),
        c.regime.as_str().to_string(),
        opt(&c.their_ref),
        opt(&c.my_ref),
        date(c.sent),
        date(c.received_or_sent()),
        v.status.as_str().to_string(),
        v.overall.as_str().to_string(),
        q.map(|q| q.label.clone()).unwrap_or_default(),
        q.map(|q| q.text.clone()).unwrap_or_default(),
        q.map(|q| q.outcome.as_str().to_string())
            .unwrap_or_default(),
        q.map(|q| q.exemptions.join("; ")).unwrap_or_default(),
        q.and_then(|q| q.note.clone()).unwrap_or_default(),
        q.map(|q| if q.challenge { "yes" } else { "no" }.to_string())
            .unwrap_or_default(),
    ]
}

/// The cases as CSV text, header first.
pub fn write(views: &[CaseView]) -> Result<String> {
    let fail = |e: csv::Error| Error::user(format!("cannot write CSV: {e}"));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(fail)?;
    for v in views {
        let rows: Vec<Vec<String>> = if v.file.questions.is_empty() {
            vec![row(v, None)]
        } else {
            v.file.questions.iter().map(|q| row(v, Some(q))).collect()
        };
        for r in rows {
            w.write_record(r.iter().map(|c| safe_cell(c).into_owned()))
                .map_err(fail)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::user(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(safe_cell("=1+1"), "'=1+1");
        assert_eq!(safe_cell("+44 20"), "'+44 20");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\t=x"), "'\t=x");
        assert_eq!(safe_cell("plain = fine"), "plain = fine");
        assert_eq!(safe_cell(""), "");
    }
}
