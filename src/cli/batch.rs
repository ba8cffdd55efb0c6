//! `foi batch …`: round robins — one request to many authorities, and the grid that
//! compares their answers.

use super::{date_arg, json_line};
use crate::casebook::{
    BatchAuthority, BatchGrid, BatchView, Casebook, Error, NewBatch, OtherRegime, OutcomeChange,
    Result,
};
use crate::domain::Regime;
use crate::domain::dates::{iso, long};
use crate::domain::text::inert_line;
use crate::import::authorities::{parse_authorities, split_regime};
use crate::present::{fit, pad, plural};
use clap::{Args, Subcommand};
use serde_json::json;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum BatchCmd {
    /// Send one request to many authorities: one case each, with the same questions.
    Add(BatchAddArgs),
    /// Every round robin, newest first.
    List,
    /// A batch's cases: status, response date, on time or not.
    Show { batch: String },
    /// The comparison grid: one row per authority, one column per question.
    Grid {
        batch: String,
        /// csv, md or json (`--json` means json).
        #[arg(long, default_value = "md")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file -o names if it exists (without this, an existing file is refused).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Record the same outcome for one question at several authorities of a batch.
    Outcome(BatchOutcomeArgs),
    /// Add a question to every case of a batch.
    Question {
        batch: String,
        #[arg(long)]
        text: String,
        /// Its label (default: the next Qn).
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct BatchAddArgs {
    /// A short title, shared by every case of the batch.
    #[arg(long)]
    pub title: String,
    /// The date the requests were sent (leave out for drafts).
    #[arg(long, value_name = "DATE")]
    pub sent: Option<String>,
    /// A question (repeat for more; numbered Q1, Q2 … in order).
    #[arg(long = "question", value_name = "TEXT")]
    pub questions: Vec<String>,
    /// An authority (repeat for more).
    #[arg(long = "authority", value_name = "NAME")]
    pub authorities: Vec<String>,
    /// A file of authorities: one name a line, or a CSV with name and email columns.
    #[arg(long, value_name = "FILE")]
    pub authorities_file: Option<PathBuf>,
    /// foia, eir, foisa or eisr.
    #[arg(long, default_value = "foia")]
    pub regime: String,
}

#[derive(Debug, Args)]
pub struct BatchOutcomeArgs {
    pub batch: String,
    /// The question, as labelled (`Q2`, or just `2`).
    pub label: String,
    /// pending, answered, partly-answered, withheld, not-held, refused-cost, …
    #[arg(long)]
    pub outcome: String,
    /// A section cited (43, s40(2), reg 12(5)(e)); repeat for more.
    #[arg(long = "exemption", value_name = "SECTION")]
    pub exemptions: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// An authority of the batch (its name, or enough of it); repeat for more.
    #[arg(
        long = "authority",
        value_name = "NAME",
        required_unless_present = "all"
    )]
    pub authorities: Vec<String>,
    /// Every authority of the batch.
    #[arg(long, conflicts_with = "authorities")]
    pub all: bool,
}

pub fn run(book: &mut Casebook, cmd: BatchCmd, json: bool) -> Result<String> {
    match cmd {
        BatchCmd::Add(a) => add(book, a, json),
        BatchCmd::List => list(book, json),
        BatchCmd::Show { batch } => show(book, &batch, json),
        BatchCmd::Grid {
            batch,
            format,
            output,
            force,
        } => {
            let format = if json { "json" } else { &format };
            grid(book, &batch, format, output.map(|path| (path, force)))
        }
        BatchCmd::Outcome(a) => outcome(book, a, json),
        BatchCmd::Question { batch, text, label } => {
            let id = book.resolve_batch(&batch)?;
            let (label, n) = book.add_batch_question(id, label.as_deref(), &text)?;
            if json {
                return json_line(&json!({ "batch": id, "label": label, "cases": n }));
            }
            Ok(format!(
                "Added {} to {} of batch #{id}\n",
                inert_line(&label),
                plural(n, "case", "cases")
            ))
        }
    }
}

/// The authorities named on the command line and in the file, and how many blank lines
/// the file had.
fn batch_authorities(a: &BatchAddArgs) -> Result<(Vec<BatchAuthority>, usize)> {
    let mut authorities = Vec::new();
    for entry in &a.authorities {
        let (name, regime) = split_regime(entry)
            .map_err(|e| Error::user(format!("--authority '{}': {e}", inert_line(entry))))?;
        authorities.push(BatchAuthority {
            name,
            email: None,
            regime,
        });
    }
    let mut blank = 0;
    if let Some(path) = &a.authorities_file {
        let bytes = std::fs::read(path)
            .map_err(|e| Error::user(format!("cannot read {}: {e}", path.display())))?;
        let list = parse_authorities(&bytes)
            .map_err(|e| Error::user(format!("{}: {e}", path.display())))?;
        blank = list.blank;
        authorities.extend(list.entries.into_iter().map(|e| BatchAuthority {
            name: e.name,
            email: e.email,
            regime: e.regime,
        }));
    }
    Ok((authorities, blank))
}

fn add(book: &mut Casebook, a: BatchAddArgs, json: bool) -> Result<String> {
    let (authorities, blank) = batch_authorities(&a)?;
    let regime = a.regime.parse()?;
    let new = NewBatch {
        title: a.title,
        regime,
        sent: a
            .sent
            .as_deref()
            .map(|s| date_arg(s, book.today(), "--sent"))
            .transpose()?,
        questions: a.questions,
        authorities,
    };
    let n_questions = new.questions.len();
    let made = book.add_batch(new)?;
    if json {
        return json_line(&json!({
            "batch": made.batch,
            "regime": regime,
            "cases": made.cases,
            "duplicates": made.duplicates,
            "other_regimes": made.other_regimes,
            "blank_lines": blank,
        }));
    }
    let mut o = format!(
        "Added batch #{}: {} to {} with {} (cases #{}–#{})\n",
        made.batch,
        plural(made.cases.len(), "case", "cases"),
        plural(made.cases.len(), "authority", "authorities"),
        plural(n_questions, "question", "questions"),
        made.cases.first().copied().unwrap_or(0),
        made.cases.last().copied().unwrap_or(0),
    );
    if !made.duplicates.is_empty() {
        let shown: Vec<String> = made
            .duplicates
            .iter()
            .take(5)
            .map(|d| inert_line(d).into_owned())
            .collect();
        let more = made.duplicates.len().saturating_sub(5);
        let _ = writeln!(
            o,
            "  skipped {}: {}{}",
            plural(made.duplicates.len(), "duplicate", "duplicates"),
            shown.join("; "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    if blank > 0 {
        let _ = writeln!(
            o,
            "  skipped {}",
            plural(blank, "blank line", "blank lines")
        );
    }
    write_other_regimes(&mut o, &made.other_regimes, regime);
    Ok(o)
}

/// The authorities answering under another law than the batch's, each with why.
fn write_other_regimes(o: &mut String, others: &[OtherRegime], default: Regime) {
    if others.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "  {} under another law than {}:",
        plural(others.len(), "case answers", "cases answer"),
        default.label()
    );
    for r in others {
        let why = if r.given {
            "as given"
        } else {
            "a Scottish public authority"
        };
        let _ = writeln!(
            o,
            "    #{} {} → {} ({why})",
            r.case,
            inert_line(&r.authority),
            r.regime.label()
        );
    }
}

fn list(book: &Casebook, json: bool) -> Result<String> {
    let all = book.batches()?;
    if json {
        let rows: Vec<_> = all
            .iter()
            .map(|l| {
                json!({
                    "id": l.batch.id, "title": l.batch.title, "regime": l.batch.regime,
                    "sent": l.batch.sent.map(iso), "cases": l.cases, "responded": l.responded,
                })
            })
            .collect();
        return json_line(&rows);
    }
    if all.is_empty() {
        return Ok("No batches yet: start a round robin with foi batch add.\n".into());
    }
    let mut o = String::new();
    for l in &all {
        let sent = l.batch.sent.map(long).unwrap_or_else(|| "draft".into());
        let _ = writeln!(
            o,
            "#{:<4} {} {:<6} {:<17} {}, {} responded",
            l.batch.id,
            pad(&l.batch.title, 36),
            l.batch.regime.label(),
            sent,
            plural(l.cases as usize, "case", "cases"),
            l.responded
        );
    }
    Ok(o)
}

fn show(book: &Casebook, key: &str, json: bool) -> Result<String> {
    let id = book.resolve_batch(key)?;
    let view = book.batch_view(id)?;
    let grid = BatchGrid::build(&view, book.calendar());
    if json {
        let cases: Vec<_> = grid
            .rows
            .iter()
            .map(|r| {
                json!({
                    "case": r.case, "authority": r.authority, "regime": r.regime, "status": r.status,
                    "response": r.response.map(iso), "working_days": r.working_days,
                    "timing": r.timing,
                })
            })
            .collect();
        return json_line(&json!({
            "batch": id, "title": view.batch.title, "regime": view.batch.regime,
            "sent": view.batch.sent.map(iso), "cases": cases, "timing": grid.timing,
        }));
    }
    Ok(render_show(&view, &grid))
}

fn render_show(view: &BatchView, grid: &BatchGrid) -> String {
    let b = &view.batch;
    let mut o = String::new();
    let sent = b.sent.map(long).unwrap_or_else(|| "not yet (draft)".into());
    let _ = writeln!(o, "Batch #{} {}", b.id, inert_line(&b.title));
    let _ = writeln!(
        o,
        "  {} · sent {sent} · {}",
        b.regime.label(),
        plural(grid.rows.len(), "case", "cases")
    );
    if grid.rows.is_empty() {
        let _ = writeln!(o, "  no cases left: they were all deleted");
        return o;
    }
    let t = &grid.timing;
    let _ = writeln!(
        o,
        "  {} on time · {} late · {} overdue · {} awaiting\n",
        t.on_time, t.late, t.overdue, t.awaiting
    );
    for r in &grid.rows {
        let response = r.response.map(long).unwrap_or_else(|| "—".into());
        let days = r
            .working_days
            .map(|d| format!("{d} wd"))
            .unwrap_or_default();
        // A case under another law than the batch's says which, at the end of its line.
        let law = if r.regime == b.regime {
            String::new()
        } else {
            format!(" · {}", r.regime.label())
        };
        let line = format!(
            "  #{:<5} {} {:<11} {:<17} {:<9} {days:<6}{law}",
            r.case,
            pad(&fit(&r.authority, 30), 30),
            r.status.to_string(),
            response,
            r.timing.as_str(),
        );
        let _ = writeln!(o, "{}", line.trim_end());
    }
    o
}

/// `output`: the file to write and whether it may replace one already there.
fn grid(
    book: &Casebook,
    key: &str,
    format: &str,
    output: Option<(PathBuf, bool)>,
) -> Result<String> {
    let id = book.resolve_batch(key)?;
    let g = book.batch_grid(id)?;
    let text = match format {
        "json" => json_line(&g)?,
        "csv" => crate::export::grid::csv(&g)
            .map_err(|e| Error::user(format!("cannot write the grid: {e}")))?,
        "md" | "markdown" => crate::export::grid::markdown(&g),
        other => {
            return Err(Error::user(format!(
                "unknown grid format '{}': use csv, md or json",
                inert_line(other)
            )));
        }
    };
    match output {
        Some((path, force)) => {
            super::export_out::write_private(&path, text.as_bytes(), force)?;
            Ok(format!(
                "Wrote the grid of batch #{id} ({}) to {}\n",
                plural(g.rows.len(), "authority", "authorities"),
                path.display()
            ))
        }
        None => Ok(text),
    }
}

fn outcome(book: &mut Casebook, a: BatchOutcomeArgs, json: bool) -> Result<String> {
    let id = book.resolve_batch(&a.batch)?;
    let names = if a.all { Vec::new() } else { a.authorities };
    let cases = book.batch_cases_named(id, &names)?;
    let change = OutcomeChange {
        outcome: a.outcome.parse()?,
        exemptions: a.exemptions,
        note: a.note,
        challenge: None,
    };
    let (label, n) = book.set_batch_outcome(id, &a.label, &cases, &change)?;
    if json {
        return json_line(
            &json!({ "batch": id, "label": label, "outcome": change.outcome, "cases": cases }),
        );
    }
    Ok(format!(
        "Batch #{id} {}: {} at {}\n",
        inert_line(&label),
        change.outcome,
        plural(n, "authority", "authorities")
    ))
}
