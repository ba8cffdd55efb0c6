//! `foi draft review CASE`, `foi draft ico CASE`, `foi draft chaser CASE`, `foi draft fields`.
//!
//! The module keeps the command's name, `draft`, the verb users type; what it makes is a
//! letter ([`crate::casebook::letters`]), and "draft" elsewhere in the code means a case not
//! yet sent.

use super::export_out::write_private;
use super::json_line;
use crate::casebook::{Casebook, LetterKind, Result, TEMPLATE_FIELDS, user_template_dir};
use crate::domain::EventKind;
use crate::domain::text::inert;
use clap::{Args, Subcommand};
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum LetterCmd {
    /// The internal review request: the challenged questions, the grounds, the date a reply is due.
    Review(LetterArgs),
    /// The complaint to the Information Commissioner (Scotland: the Scottish Information
    /// Commissioner), with the case's timeline.
    Ico(LetterArgs),
    /// A reminder to an authority whose response or internal review is late: the
    /// deadline with its working, how late it is, and what you will do next.
    Chaser(LetterArgs),
    /// The fields a template can use, and where your own templates go.
    Fields,
}

#[derive(Debug, Args)]
pub struct LetterArgs {
    pub case: String,
    /// Write the letter to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this template instead of your own (in the config folder) or the built-in one.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Then record that it was sent today (a review-requested or ico-complaint event, with
    /// the letter attached).
    #[arg(long)]
    pub record: bool,
    /// Replace the file -o names if it exists (without this, an existing file is refused).
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run(book: &mut Casebook, cmd: LetterCmd, json: bool) -> Result<String> {
    match cmd {
        LetterCmd::Review(a) => letter(book, LetterKind::Review, a, json),
        LetterCmd::Ico(a) => letter(book, LetterKind::Ico, a, json),
        LetterCmd::Chaser(a) => letter(book, LetterKind::Chaser, a, json),
        LetterCmd::Fields => Ok(fields()),
    }
}

fn letter(book: &mut Casebook, kind: LetterKind, a: LetterArgs, json: bool) -> Result<String> {
    let id = book.resolve(&a.case)?;
    if let Some(path) = &a.output {
        super::refuse_to_replace(path, a.force)?;
    }
    let text = book.write_letter(id, kind, a.template.as_deref())?;
    if kind == LetterKind::Ico {
        let v = book.view(id)?;
        let has = |k: EventKind| v.file.events.iter().any(|e| e.kind == k);
        if has(EventKind::Response) && !has(EventKind::ReviewRequested) {
            eprintln!(
                "foi: note: the Commissioner usually expects an internal review first (foi draft review {id})"
            );
        }
    }
    if kind == LetterKind::Review
        && let Some(closed) = book.review_window_closed(id)?
    {
        eprintln!(
            "foi: warning: the review window closed on {}; the letter says so and asks the authority to consider it anyway",
            crate::domain::dates::long(closed)
        );
    }
    if let Some(path) = &a.output {
        write_private(path, text.as_bytes(), a.force)?;
    }
    let recorded = if a.record {
        let event = book.record_letter_sent(id, kind, Some(text.clone()))?;
        eprintln!(
            "foi: recorded on case #{id}: {} on {} (event [{event}])",
            match kind {
                LetterKind::Review => "internal review requested",
                LetterKind::Ico => "complaint to the Commissioner",
                LetterKind::Chaser => "reminder sent",
            },
            crate::domain::dates::long(book.today())
        );
        Some(event)
    } else {
        None
    };
    if json {
        return json_line(&serde_json::json!({
            "case_id": id,
            "letter": text,
            "recorded_event": recorded,
            "output": a.output,
        }));
    }
    if a.output.is_some() {
        return Ok(String::new());
    }
    // A letter is data: raw into a pipe or a file, inert on a terminal.
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Ok(inert(&text, true).into_owned());
    }
    Ok(text)
}

pub(super) fn fields() -> String {
    let mut o = String::from(
        "Template fields (write them in braces, e.g. {authority}; {{ and }} are literal braces):\n\n",
    );
    for (name, meaning) in TEMPLATE_FIELDS {
        let _ = writeln!(
            o,
            "  {{{name}}}{}  {meaning}",
            " ".repeat(22usize.saturating_sub(name.len() + 2))
        );
    }
    let _ = writeln!(
        o,
        "\nYour own templates replace the built-in ones: {}/review.txt and ico.txt\n(or give one with --template FILE). Lines longer than 72 characters are wrapped.",
        user_template_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|| "(no config folder on this system)".into())
    );
    o
}
