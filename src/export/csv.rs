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
    let fail = |e: std::io::Error| Error::user(format!("cannot write CSV: {e}"));
    let mut w = CsvWriter::new(Vec::new());
    super::write_views(&mut w, views).map_err(fail)?;
    Ok(String::from_utf8_lossy(&w.into_inner().map_err(fail)?).into_owned())
}

/// The CSV document written case by case (see [`super::CaseWriter`]).
pub struct CsvWriter<W: std::io::Write> {
    out: csv::Writer<W>,
}

impl<W: std::io::Write> CsvWriter<W> {
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter {
            out: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out),
        }
    }

    /// The writer underneath, everything flushed to it.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.out
            .into_inner()
            .map_err(|e| std::io::Error::new(e.error().kind(), e.error().to_string()))
    }
}

impl<W: std::io::Write> super::CaseWriter for CsvWriter<W> {
    fn begin(&mut self, _total: usize) -> std::io::Result<()> {
        Ok(self.out.write_record(COLUMNS)?)
    }

    fn case(&mut self, v: &CaseView) -> std::io::Result<()> {
        let mut record = |q: Option<&Question>| -> std::io::Result<()> {
            let r = row(v, q);
            let cells: Vec<Cow<'_, str>> = r.iter().map(|c| safe_cell(c)).collect();
            Ok(self.out.write_record(cells.iter().map(|c| c.as_bytes()))?)
        };
        if v.file.questions.is_empty() {
            record(None)
        } else {
            v.file.questions.iter().try_for_each(|q| record(Some(q)))
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
