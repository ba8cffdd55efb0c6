//! `foi due` (the agenda, split by whose move it is; `--check` for cron and login
//! shells) and `foi snooze`.

use super::args::{DueArgs, SnoozeArgs};
use super::lists::json_rows;
use super::{date_arg, json_line};
use crate::calendar::{Clock, ClockState};
use crate::casebook::{AgendaLine, Casebook, Error, Move, Result, can_snooze};
use crate::domain::dates::long;
use crate::domain::{Regime, Span};
use crate::present::{fit, pad};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct DueJson<'a> {
    case_id: i64,
    title: &'a str,
    authority: &'a str,
    their_ref: Option<&'a str>,
    #[serde(flatten)]
    clock: &'a Clock,
    countdown: String,
    #[serde(rename = "move")]
    whose: Move,
    snoozed_until: Option<NaiveDate>,
}

fn row_json(r: &AgendaLine) -> DueJson<'_> {
    DueJson {
        case_id: r.case_id,
        title: &r.title,
        authority: &r.authority,
        their_ref: r.their_ref.as_deref(),
        clock: &r.clock,
        countdown: r.clock.countdown(),
        whose: r.whose,
        snoozed_until: r.snoozed_until,
    }
}

pub fn due(book: &Casebook, a: DueArgs, json: bool) -> Result<String> {
    if a.check {
        let out = check(book, a.warn, json)?;
        if a.notify && !out.is_empty() {
            notify_of(book, a.warn)?;
        }
        return Ok(out);
    }
    let within = a
        .within
        .as_deref()
        .map(|w| parse_within(w, book.today()))
        .transpose()?;
    let rows = book.due(within)?;
    if json {
        return json_rows(&rows, 700, row_json);
    }
    if rows.is_empty() {
        return Ok(match within {
            Some(d) => format!("Nothing due within {d} days.\n"),
            None => "Nothing due: no clock is running.\n".into(),
        });
    }
    let (yours, theirs): (Vec<&AgendaLine>, Vec<&AgendaLine>) =
        rows.iter().partition(|r| r.whose == Move::Yours);
    let mut o = String::new();
    section(&mut o, "Your move", &yours);
    section(&mut o, "The authority's move (chase when late)", &theirs);
    Ok(o)
}

fn section(o: &mut String, heading: &str, rows: &[&AgendaLine]) {
    if rows.is_empty() {
        return;
    }
    if !o.is_empty() {
        o.push('\n');
    }
    let _ = writeln!(o, "{heading}");
    let _ = writeln!(o, "  {:<16} {:<24} {:<26} CASE", "DUE", "LEFT", "CLOCK");
    for r in rows {
        let _ = writeln!(
            o,
            "  {:<16} {} {} #{} {}",
            long(r.clock.due),
            pad(&left(r), 24),
            pad(r.clock.kind.describe(), 26),
            r.case_id,
            fit(&format!("{} — {}", r.authority, r.title), 40)
        );
    }
    let snoozed: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.snoozed_until
                .map(|d| format!("#{} until {}", r.case_id, long(d)))
        })
        .collect();
    if !snoozed.is_empty() {
        let _ = writeln!(o, "  (reminders snoozed: {})", snoozed.join(", "));
    }
}

/// The LEFT column: the countdown, with "chase" on a late authority.
fn left(r: &AgendaLine) -> String {
    match (r.whose, r.snoozed_until) {
        (Move::Chase, None) => format!("{} · chase", r.clock.countdown()),
        (_, Some(_)) => format!("{} · snoozed", r.clock.countdown()),
        _ => r.clock.countdown(),
    }
}

/// `foi due --check`: what needs attention, one line each; nothing at all when nothing.
fn check(book: &Casebook, warn: u32, json: bool) -> Result<String> {
    let rows = book.attention(warn)?;
    if rows.is_empty() {
        return Ok(String::new());
    }
    if json {
        return json_rows(&rows, 700, row_json);
    }
    let mut o = String::new();
    for r in &rows {
        let case = fit(&format!("{}: {}", r.authority, r.title), 60);
        let what = match r.whose {
            Move::Yours if r.clock.state == ClockState::Paused => format!(
                "{} clock stopped ({}) — your move: the authority waits for your clarification or fee",
                r.clock.kind.as_str().replace('-', " "),
                r.clock.countdown()
            ),
            whose => format!(
                "{} ({}, {}) — {}",
                r.clock.countdown(),
                r.clock.kind.describe(),
                long(r.clock.due),
                match whose {
                    Move::Chase => format!("chase: foi draft chaser {}", r.case_id),
                    Move::Theirs => "the authority's move".to_string(),
                    Move::Yours => "your move".to_string(),
                }
            ),
        };
        let _ = writeln!(o, "#{} {what} — {case}", r.case_id);
    }
    Ok(o)
}

/// The desktop notification for `--check --notify`: how many, and the first few.
fn notify_of(book: &Casebook, warn: u32) -> Result<()> {
    const SHOWN: usize = 5;
    let rows = book.attention(warn)?;
    let mut body: Vec<String> = rows
        .iter()
        .take(SHOWN)
        .map(|r| {
            format!(
                "#{} {}: {}",
                r.case_id,
                fit(&r.authority, 30),
                r.clock.countdown()
            )
        })
        .collect();
    if rows.len() > SHOWN {
        body.push(format!("and {} more: foi due --check", rows.len() - SHOWN));
    }
    super::notify::notify(
        &format!(
            "foi: {} need{} attention",
            rows.len(),
            if rows.len() == 1 { "s" } else { "" }
        ),
        &body.join("\n"),
    );
    Ok(())
}

/// `--within`: `14`, `14d`, `3w`, or a period as letters write it (`2 weeks`,
/// `10 working days`, `1 month`), as a number of days from `today`.
fn parse_within(s: &str, today: NaiveDate) -> Result<i64> {
    let bad = || {
        Error::user(format!(
            "--within '{s}': give a period like 14d, 3w or \"2 weeks\""
        ))
    };
    let t = s.trim().to_ascii_lowercase();
    let (num, mult) = if let Some(n) = t.strip_suffix('w') {
        (n, 7)
    } else if let Some(n) = t.strip_suffix('d') {
        (n, 1)
    } else {
        (t.as_str(), 1)
    };
    if let Ok(n) = num.trim().parse::<i64>() {
        return Some(n * mult)
            .filter(|_| (0..=36_500).contains(&n))
            .ok_or_else(bad);
    }
    let end = match t.parse::<Span>().map_err(|_| bad())? {
        Span::Days(n) => today.checked_add_days(chrono::Days::new(n.into())),
        Span::Weeks(n) => today.checked_add_days(chrono::Days::new(u64::from(n) * 7)),
        Span::Months(n) => today.checked_add_months(chrono::Months::new(n)),
        Span::WorkingDays(n) => {
            Some(crate::calendar::Calendar::standard().add_working_days(Regime::Foia, today, n))
        }
    };
    end.map(|e| (e - today).num_days()).ok_or_else(bad)
}

/// `foi snooze CASE --until DATE` / `--clear`.
pub fn snooze(book: &mut Casebook, a: SnoozeArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    let until = match (&a.until, a.clear) {
        (Some(d), false) => Some(date_arg(d, book.today(), "--until")?),
        _ => None,
    };
    book.snooze(id, until)?;
    if json {
        return json_line(&serde_json::json!({ "case_id": id, "snoozed_until": until }));
    }
    let held = book
        .due(None)?
        .into_iter()
        .any(|r| r.case_id == id && can_snooze(&r.clock));
    Ok(match until {
        Some(d) => format!(
            "Reminders for case #{id} held back until {}{}; its deadlines still show in foi due.\n",
            long(d),
            if held {
                ""
            } else {
                " (none yet: it holds back a reminder to chase a late authority, or that the authority waits for you)"
            }
        ),
        None => format!("Reminders for case #{id} are back.\n"),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_within;
    use chrono::NaiveDate;

    #[test]
    fn periods_read_as_letters_write_them() {
        let today = NaiveDate::from_ymd_opt(2018, 3, 10).unwrap();
        for (s, days) in [
            ("14", 14),
            ("14d", 14),
            ("3w", 21),
            ("2 weeks", 14),
            ("10 days", 10),
            ("1 month", 31),
            ("two weeks", 14),
            // Sat 10 Mar: 5 working days is Fri 16 Mar.
            ("5 working days", 6),
        ] {
            assert_eq!(parse_within(s, today).unwrap(), days, "{s}");
        }
        for s in ["", "soon", "-3d", "2 fortnights"] {
            assert!(parse_within(s, today).is_err(), "{s}");
        }
    }
}
