//! Words and marks shared by the command line and the terminal UI, so both show a case
//! the same way. Pure formatting: no terminal, no database.

use crate::domain::text::inert_line;
use crate::domain::{CaseStatus, Event, Outcome, Question};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The outcome badge: `✓ answered`, `◐ partly`, `✗ withheld s43`, `∅ not held` …
pub fn outcome_badge(q: &Question) -> String {
    let sections = if q.exemptions.is_empty() {
        String::new()
    } else {
        format!(" s{}", q.exemptions.join(", s"))
    };
    match q.outcome {
        Outcome::Pending => "… pending".into(),
        Outcome::Answered => "✓ answered".into(),
        Outcome::PartlyAnswered => format!("◐ partly{sections}"),
        Outcome::Withheld => format!("✗ withheld{sections}"),
        Outcome::NotHeld => "∅ not held".into(),
        Outcome::RefusedCost => "£ cost".into(),
        Outcome::RefusedVexatious => format!("✗ vexatious{sections}"),
        Outcome::Ncnd => format!("? ncnd{sections}"),
        Outcome::PublishedElsewhere => "→ published".into(),
        Outcome::FuturePublication => format!("⧗ future pub.{sections}"),
    }
}

/// `1 case`, `3 cases`.
/// What an event adds beyond its date and kind, one phrase each: the window its letter
/// states, the new date it gives, its reference, its letter (as `letter` words it) and its
/// note. `text` renders stored text for where it is shown (plain, or escaped).
pub fn event_details(
    e: &Event,
    letter: impl Fn(&str) -> String,
    text: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut extra = Vec::new();
    if let Some(w) = e.window {
        extra.push(format!("states a {w} window"));
    }
    if let Some(u) = e.until {
        extra.push(format!("new date {}", crate::domain::dates::long(u)));
    }
    if let Some(r) = &e.reference {
        extra.push(format!("ref {}", text(r)));
    }
    if let Some(l) = &e.letter {
        extra.push(letter(l));
    }
    if let Some(n) = &e.note {
        extra.push(text(n));
    }
    extra
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How an authority's internal reviews went, in one line: `3 requested, 2 answered, 1
/// awaited (1 upheld, 1 overturned)`, or `none requested`.
pub fn reviews_summary(v: &crate::casebook::ReviewStats) -> String {
    if v.requested == 0 && v.answered == 0 {
        return "none requested".into();
    }
    let mut s = format!("{} requested, {} answered", v.requested, v.answered);
    if v.awaiting > 0 {
        s.push_str(&format!(", {} awaited", v.awaiting));
    }
    let ends: Vec<String> = [
        (v.upheld, "upheld"),
        (v.partly, "partly upheld"),
        (v.overturned, "overturned"),
        (v.not_recorded, "outcome not noted"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, w)| format!("{n} {w}"))
    .collect();
    if !ends.is_empty() {
        s.push_str(&format!(" ({})", ends.join(", ")));
    }
    s
}

/// How an authority answers, in one line: `3 on time, 1 late · 75% on time · median 17
/// working days to respond (over 4 responses)`.
pub fn responses_summary(r: &crate::casebook::ResponseStats) -> String {
    let mut parts = vec![format!("{} on time", r.on_time), format!("{} late", r.late)];
    if r.outstanding_late > 0 {
        parts.push(format!("({} still unanswered)", r.outstanding_late));
    }
    if r.awaiting > 0 {
        parts.push(format!("{} awaited", r.awaiting));
    }
    let mut line = parts.join(", ");
    if let Some(rate) = r.on_time_rate {
        line.push_str(&format!(" · {:.0}% on time", rate * 100.0));
    }
    if let Some(m) = r.median_working_days {
        line.push_str(&format!(
            " · median {m} working days to respond (over {})",
            plural(r.timed, "response", "responses")
        ));
    }
    line
}

/// A one-character mark for the case list.
pub fn status_mark(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Draft => "✎",
        CaseStatus::AwaitingResponse => "…",
        CaseStatus::ClarificationRequested => "?",
        CaseStatus::Overdue | CaseStatus::ReviewOverdue => "!",
        CaseStatus::Responded => "✉",
        CaseStatus::ReviewRequested => "↻",
        CaseStatus::Reviewed => "✓",
        CaseStatus::WithIco | CaseStatus::IcoDecided | CaseStatus::WithSic => "⚖",
        CaseStatus::SicDecided | CaseStatus::AtTribunal | CaseStatus::AtCourtOfSession => "⚖",
        CaseStatus::Closed => "■",
        CaseStatus::Withdrawn => "×",
    }
}

/// Cut `s` to at most `width` terminal columns, marking the cut with `…`. Stored text is
/// made inert first, so a letter's escape codes cannot reach the terminal.
pub fn fit(s: &str, width: usize) -> String {
    let s = inert_line(s);
    if s.width() <= width {
        return s.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `fit`, then padded with spaces to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let f = fit(s, width);
    let w = f.width();
    format!("{f}{}", " ".repeat(width.saturating_sub(w)))
}

/// A file's size as people read it: `999 B`, `2.1 KB`, `3.4 MB`.
pub fn file_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_respects_wide_characters_and_escapes() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a long title here", 8), "a long …");
        assert_eq!(fit("日本語のタイトル", 7), "日本語…");
        assert_eq!(fit("\u{1b}[2Jx", 10), "␛[2Jx");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn badges_carry_sections() {
        let q = Question {
            outcome: Outcome::Withheld,
            exemptions: vec!["43".into()],
            ..Question::default()
        };
        assert_eq!(outcome_badge(&q), "✗ withheld s43");
    }
}
