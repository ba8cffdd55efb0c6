//! iCalendar (RFC 5545): one all-day event per live clock of each open case, on its due
//! date, with a reminder three days before.
//!
//! UIDs are `case<ID>-<clock kind>-<casebook id>@foi-casebook`: the case id and the clock
//! kind say which deadline it is, the casebook id (a random id kept in the database) keeps
//! two casebooks apart. The UID does not change when the due date moves, so importing a
//! newer export into a calendar updates the event instead of adding a second one.
//! Lines end in CRLF, are folded at 75 octets, and text values are escaped.

use crate::calendar::{Clock, ClockKind};
use crate::casebook::CaseView;
use crate::domain::dates::long;
use chrono::{DateTime, Days, NaiveDate, Utc};

pub const PRODID: &str = "-//foi-casebook//foi-casebook//EN";

/// How a clock reads as a calendar entry.
pub fn phrase(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::Response => "response due",
        ClockKind::ResponseExtended => "extended response due",
        ClockKind::ReviewRequest => "review request window closes",
        ClockKind::ReviewResponse => "internal review reply due",
        ClockKind::IcoComplaint => "ICO complaint window closes",
        ClockKind::CommissionerAppeal => "SIC application window closes",
        ClockKind::TribunalAppeal => "Tribunal appeal window closes",
        ClockKind::CourtOfSessionAppeal => "Court of Session appeal window closes",
    }
}

/// A short name for a summary line: the name itself when short, else its initials
/// (`Department for Work and Pensions` → `DWP`).
pub fn short_authority(name: &str) -> String {
    const SMALL: [&str; 6] = ["for", "and", "of", "the", "&", "in"];
    let name = name.trim();
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    if name.chars().count() <= 24 || words.len() < 2 {
        return name.to_string();
    }
    words
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters, which the format forbids, are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets (continuations
/// start with a space), never splitting a UTF-8 character; ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn date_value(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn event(out: &mut String, v: &CaseView, k: &Clock, uid: &str, now: DateTime<Utc>) {
    let c = &v.file.case;
    let reference = c.their_ref.clone().unwrap_or_else(|| format!("#{}", c.id));
    let summary = format!(
        "FOI: {} — {} {}",
        phrase(k.kind),
        short_authority(&c.authority),
        reference
    );
    let description = format!(
        "{}\n{} — due {}.\nWorking: {}\nCase #{} · {} · their ref {} · {}",
        c.title,
        k.kind.describe(),
        long(k.due),
        k.basis,
        c.id,
        c.authority,
        c.their_ref.as_deref().unwrap_or("none"),
        c.regime.label(),
    );
    let mut prop = |name: &str, value: &str| out.push_str(&fold(&format!("{name}:{value}")));
    prop("BEGIN", "VEVENT");
    prop("UID", uid);
    prop("DTSTAMP", &stamp(now));
    if let Ok(t) = DateTime::parse_from_rfc3339(&c.updated_at) {
        prop("LAST-MODIFIED", &stamp(t.with_timezone(&Utc)));
    }
    prop("DTSTART;VALUE=DATE", &date_value(k.due));
    let end = k.due.checked_add_days(Days::new(1)).unwrap_or(k.due);
    prop("DTEND;VALUE=DATE", &date_value(end));
    prop("SUMMARY", &escape_text(&summary));
    prop("DESCRIPTION", &escape_text(&description));
    prop("CATEGORIES", "FOI");
    prop("TRANSP", "TRANSPARENT");
    prop("BEGIN", "VALARM");
    prop("ACTION", "DISPLAY");
    prop("TRIGGER", "-P3D");
    prop("DESCRIPTION", &escape_text(&summary));
    prop("END", "VALARM");
    prop("END", "VEVENT");
}

/// A calendar of the live clocks of the open cases among `views`.
pub fn write(views: &[CaseView], casebook_id: &str, now: DateTime<Utc>) -> String {
    let mut w = IcsWriter::new(Vec::new(), casebook_id, now);
    // Writing to memory cannot fail.
    let _ = super::write_views(&mut w, views);
    String::from_utf8_lossy(&w.out).into_owned()
}

/// The calendar written case by case (see [`super::CaseWriter`]).
pub struct IcsWriter<W: std::io::Write> {
    out: W,
    /// The casebook id as it goes into UIDs.
    book: String,
    now: DateTime<Utc>,
    /// One case's events, reused from case to case.
    buf: String,
}

impl<W: std::io::Write> IcsWriter<W> {
    pub fn new(out: W, casebook_id: &str, now: DateTime<Utc>) -> IcsWriter<W> {
        IcsWriter {
            out,
            book: casebook_id
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect(),
            now,
            buf: String::new(),
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: std::io::Write> super::CaseWriter for IcsWriter<W> {
    fn begin(&mut self, _total: usize) -> std::io::Result<()> {
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!("PRODID:{PRODID}"),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:FOI casebook",
        ] {
            self.out.write_all(fold(line).as_bytes())?;
        }
        Ok(())
    }

    fn case(&mut self, v: &CaseView) -> std::io::Result<()> {
        if !v.status.is_open() {
            return Ok(());
        }
        self.buf.clear();
        let mut seen: Vec<ClockKind> = Vec::new();
        for k in v.clocks.iter().filter(|k| k.is_live()) {
            let n = seen.iter().filter(|s| **s == k.kind).count();
            seen.push(k.kind);
            let nth = if n == 0 {
                String::new()
            } else {
                format!("-{}", n + 1)
            };
            let uid = format!(
                "case{}-{}{nth}-{}@foi-casebook",
                v.file.case.id,
                k.kind.as_str(),
                self.book
            );
            event(&mut self.buf, v, k, &uid, self.now);
        }
        self.out.write_all(self.buf.as_bytes())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.write_all(fold("END:VCALENDAR").as_bytes())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{1b}"),
            "a\\,b\\;c\\\\d\\ne\\nf"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
    }

    #[test]
    fn authorities_shorten_to_initials() {
        assert_eq!(short_authority("Department for Work and Pensions"), "DWP");
        assert_eq!(
            short_authority("Glasgow City Council"),
            "Glasgow City Council"
        );
        assert_eq!(
            short_authority("Ministry of Housing, Communities and Local Government"),
            "MHCLG"
        );
    }
}
