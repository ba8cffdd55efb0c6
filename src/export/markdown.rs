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

fn case(o: &mut String, v: &CaseView, h: &str) {
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

    let _ = writeln!(o, "{h}# Timeline\n");
    if v.file.events.is_empty() {
        let _ = writeln!(o, "Nothing recorded yet.\n");
    } else {
        let _ = writeln!(o, "| Date | Event | Details |\n|---|---|---|");
        for e in &v.file.events {
            let mut extra = Vec::new();
            if let Some(w) = e.window {
                extra.push(format!("states a {w} window"));
            }
            if let Some(u) = e.until {
                extra.push(format!("new date {}", long(u)));
            }
            if e.letter.is_some() {
                extra.push("letter below".into());
            }
            if let Some(n) = &e.note {
                extra.push(inline(n));
            }
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                long(e.date),
                e.kind.describe(),
                extra.join(" · ")
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "{h}# Clocks\n");
    if v.clocks.is_empty() {
        let _ = writeln!(o, "None running.\n");
    } else {
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
                e.kind.describe(),
                long(e.date),
                fenced(l)
            );
        }
    }
}

/// The dossier of one case (`# #1 Title`), or of several under one heading.
pub fn write(views: &[CaseView], today: NaiveDate) -> String {
    let mut o = String::new();
    match views {
        [one] => case(&mut o, one, "#"),
        _ => {
            let _ = writeln!(
                o,
                "# FOI casebook\n\nExported {} · {} case{}\n",
                letter(today),
                views.len(),
                if views.len() == 1 { "" } else { "s" }
            );
            for v in views {
                case(&mut o, v, "##");
            }
        }
    }
    while o.ends_with("\n\n") {
        o.pop();
    }
    o
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
}
