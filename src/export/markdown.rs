//! Markdown: a readable dossier per case — a header table, the questions with their
//! outcomes, the timeline, the clocks with their working, then the request, the notes and
//! the attached letters verbatim in fenced blocks.
//!
//! Stored text is escaped so that it reads as text, never as Markdown or HTML; control
//! characters are made visible.

use crate::calendar::Unit;
use crate::casebook::CaseView;
use crate::domain::dates::{letter, long};
use crate::domain::exemption;
use crate::domain::text::inert;
use crate::present::{event_details, plural};
use chrono::NaiveDate;
use std::fmt::Write;

/// Escape stored text for a paragraph or a table cell: Markdown's punctuation is
/// backslash-escaped, line breaks become `<br>`, control characters are made visible.
pub fn inline(s: &str) -> String {
    let s = inert(s.trim(), true);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Stored text verbatim in a fenced block whose fence no backtick run inside can close.
fn fenced(s: &str) -> String {
    let s = inert(s.trim_end(), true);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}text\n{s}\n{fence}\n")
}

fn or_dash(s: Option<&str>) -> String {
    s.map(inline).unwrap_or_else(|| "—".into())
}

/// The questions' exemptions as `section 43 (Commercial interests)`.
fn exemptions(v: &CaseView, sections: &[String]) -> String {
    sections
        .iter()
        .map(|s| match exemption::lookup(v.file.case.regime, s) {
            Ok(e) => format!("{} ({})", e.citation(), e.name),
            Err(_) => exemption::cite(v.file.case.regime, s),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One case's dossier, section by section, under headings of level `h`.
fn case(o: &mut String, v: &CaseView, h: &str) {
    header_table(o, v, h);
    questions(o, v, h);
    timeline(o, v, h);
    clocks(o, v, h);
    texts(o, v, h);
}

/// The title heading and the table of the case's own facts.
fn header_table(o: &mut String, v: &CaseView, h: &str) {
    let c = &v.file.case;
    let _ = writeln!(o, "{h} #{} {}\n", c.id, inline(&c.title));
    let _ = writeln!(o, "| | |\n|---|---|");
    let mut field = |k: &str, val: String| {
        let _ = writeln!(o, "| {k} | {val} |");
    };
    field("Authority", inline(&c.authority));
    field(
        "Regime",
        format!("{} ({})", c.regime.label(), c.regime.act_name()),
    );
    field("Their reference", or_dash(c.their_ref.as_deref()));
    field("My reference", or_dash(c.my_ref.as_deref()));
    field(
        "Sent",
        c.sent.map(long).unwrap_or_else(|| "not yet (draft)".into()),
    );
    field(
        "Received",
        c.received_or_sent().map(long).unwrap_or_else(|| "—".into()),
    );
    field("Status", v.status.as_str().to_string());
    field("Overall", v.overall.as_str().to_string());
    if let Some(ch) = c.channel {
        field("Channel", ch.as_str().to_string());
    }
    if let Some(u) = &c.url {
        field("URL", inline(u));
    }
    if !c.tags.is_empty() {
        field("Tags", inline(&c.tags.join(", ")));
    }
    o.push('\n');
}

/// Each question with its outcome, the exemptions cited and whether to challenge it.
fn questions(o: &mut String, v: &CaseView, h: &str) {
    let _ = writeln!(o, "{h}# Questions\n");
    if v.file.questions.is_empty() {
        let _ = writeln!(o, "None recorded.\n");
    }
    for q in &v.file.questions {
        let cited = if q.exemptions.is_empty() {
            String::new()
        } else {
            format!(" — {}", exemptions(v, &q.exemptions))
        };
        let flag = if q.challenge {
            " — **to challenge at review**"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "- **{}**: {}{cited}{flag}",
            inline(&q.label),
            q.outcome.describe()
        );
        if !q.text.trim().is_empty() {
            let _ = writeln!(o, "  > {}", inline(&q.text));
        }
        if let Some(n) = &q.note {
            let _ = writeln!(o, "\n  Note: {}", inline(n));
        }
        o.push('\n');
    }
}

/// The events as a table, one row each.
fn timeline(o: &mut String, v: &CaseView, h: &str) {
    let _ = writeln!(o, "{h}# Timeline\n");
    if v.file.events.is_empty() {
        let _ = writeln!(o, "Nothing recorded yet.\n");
        return;
    }
    let _ = writeln!(o, "| Date | Event | Details |\n|---|---|---|");
    for e in &v.file.events {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            long(e.date),
            e.kind.describe_in(v.file.case.regime),
            event_details(e, |_| "letter below".into(), inline).join(" · ")
        );
    }
    o.push('\n');
}

/// The clocks as a table with their due dates, days left and working.
fn clocks(o: &mut String, v: &CaseView, h: &str) {
    let _ = writeln!(o, "{h}# Clocks\n");
    if v.clocks.is_empty() {
        let _ = writeln!(o, "None running.\n");
        return;
    }
    let _ = writeln!(
        o,
        "| Clock | Due | State | Days left | Working |\n|---|---|---|---|---|"
    );
    for k in &v.clocks {
        let unit = match k.unit {
            Unit::WorkingDays => "working days",
            Unit::Days => "days",
        };
        let left = if k.is_live() {
            format!("{} {unit}", k.days_left)
        } else {
            "—".into()
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {left} | {} |",
            k.kind.describe(),
            long(k.due),
            k.state.as_str(),
            inline(&k.basis)
        );
    }
    o.push('\n');
}

/// The request, the notes and every attached letter, verbatim.
fn texts(o: &mut String, v: &CaseView, h: &str) {
    let c = &v.file.case;
    if let Some(t) = &c.text {
        let _ = writeln!(o, "{h}# Request\n\n{}", fenced(t));
    }
    if let Some(n) = &c.notes {
        let _ = writeln!(o, "{h}# Notes\n\n{}\n", inline(n));
    }
    for e in &v.file.events {
        if let Some(l) = &e.letter {
            let _ = writeln!(
                o,
                "{h}# Letter: {}, {}\n\n{}",
                e.kind.describe_in(c.regime),
                long(e.date),
                fenced(l)
            );
        }
    }
}

/// The dossier of one case (`# #1 Title`), or of several under one heading.
pub fn write(views: &[CaseView], today: NaiveDate) -> String {
    let mut w = MarkdownWriter::new(Vec::new(), today);
    // Writing to memory cannot fail.
    let _ = super::write_views(&mut w, views);
    String::from_utf8_lossy(&w.out).into_owned()
}

/// The Markdown document written case by case (see [`super::CaseWriter`]). The document
/// ends with exactly one line break: the breaks that end each piece are held back until
/// more text follows, so the last ones can be dropped.
pub struct MarkdownWriter<W: std::io::Write> {
    out: W,
    today: NaiveDate,
    /// `#` for a single case's dossier, `##` under the casebook's heading.
    heading: &'static str,
    /// One case's text, reused from case to case.
    buf: String,
    /// Line breaks written by the last piece and not yet passed on.
    held: usize,
}

impl<W: std::io::Write> MarkdownWriter<W> {
    pub fn new(out: W, today: NaiveDate) -> MarkdownWriter<W> {
        MarkdownWriter {
            out,
            today,
            heading: "##",
            buf: String::new(),
            held: 0,
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    /// Pass on `buf`, holding back its final line breaks.
    fn emit(&mut self) -> std::io::Result<()> {
        let body = self.buf.trim_end_matches('\n');
        let ends = self.buf.len() - body.len();
        if body.is_empty() {
            self.held += ends;
            return Ok(());
        }
        for _ in 0..self.held {
            self.out.write_all(b"\n")?;
        }
        self.out.write_all(body.as_bytes())?;
        self.held = ends;
        Ok(())
    }
}

impl<W: std::io::Write> super::CaseWriter for MarkdownWriter<W> {
    fn begin(&mut self, total: usize) -> std::io::Result<()> {
        self.buf.clear();
        if total == 1 {
            self.heading = "#";
        } else {
            self.heading = "##";
            let _ = writeln!(
                self.buf,
                "# FOI casebook\n\nExported {} · {}\n",
                letter(self.today),
                plural(total, "case", "cases")
            );
        }
        self.emit()
    }

    fn case(&mut self, v: &CaseView) -> std::io::Result<()> {
        self.buf.clear();
        case(&mut self.buf, v, self.heading);
        self.emit()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.held > 0 {
            self.out.write_all(b"\n")?;
        }
        self.held = 0;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_stays_text() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("<script>"), "\\<script\\>");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("line\nnext"), "line<br>next");
        assert_eq!(inline("\u{1b}[31m"), "␛\\[31m");
        assert_eq!(fenced("a ``` b"), "````text\na ``` b\n````\n");
        assert_eq!(fenced("plain"), "```text\nplain\n```\n");
    }

    /// The writer's held-back line breaks give what trimming the whole text gives.
    #[test]
    fn line_breaks_held_back_match_the_whole_text_trimmed() {
        let whole = |pieces: &[&str]| {
            let mut o: String = pieces.concat();
            while o.ends_with("\n\n") {
                o.pop();
            }
            o
        };
        for pieces in [
            &["a\n\n", "b\n\n\n"][..],
            &["a\n", "\n\n", "b"],
            &["a\n\n", "\n"],
            &["a"],
            &["\n\n", "a\n\n"],
            &["a\n\nb\n", "c\n"],
        ] {
            let mut w = MarkdownWriter::new(Vec::new(), NaiveDate::MIN);
            for p in pieces {
                w.buf = p.to_string();
                w.emit().expect("emit");
            }
            super::super::CaseWriter::finish(&mut w).expect("finish");
            assert_eq!(String::from_utf8_lossy(&w.out), whole(pieces), "{pieces:?}");
        }
    }
}
