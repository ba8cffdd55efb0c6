//! The command line: every command, its options and their help text (clap).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "foi",
    version,
    about = "An offline casebook for Freedom of Information requests: cases, questions, statutory clocks.",
    long_about = "An offline casebook for UK Freedom of Information requests.\n\n\
        Run `foi` with no command for the terminal UI; the commands below do the same \
        operations for scripts and quick look-ups.\n\n\
        A CASE is named by its id, by the authority's reference (\"FoI 471\", any case, spaces \
        and punctuation ignored) or by the start of its title.\n\
        Dates: 2018-02-27, 27/02/2018, 27 Feb 2018, 27 February 2018, today, yesterday, +3d, -2w."
)]
pub struct Cli {
    /// The casebook file (default: the platform data folder, e.g. ~/.local/share/foi-casebook/casebook.db).
    #[arg(long, global = true, env = "FOI_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Pretend today is this date (for clocks and relative dates).
    #[arg(long, global = true, env = "FOI_TODAY", value_name = "DATE")]
    pub today: Option<String>,
    /// Print data as JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a case for a request.
    Add(AddArgs),
    /// Change a case's details.
    Edit(EditArgs),
    /// Delete a case with its questions and events.
    Delete(DeleteArgs),
    /// Add, set, edit or delete a case's questions.
    #[command(subcommand)]
    Question(QuestionCmd),
    /// Record, correct or remove events on a case's timeline.
    #[command(subcommand)]
    Event(EventCmd),
    /// List cases, most urgent first.
    List(ListArgs),
    /// Everything about one case.
    Show(ShowArgs),
    /// The agenda: every live clock of every open case, your move and the authority's.
    Due(DueArgs),
    /// Full-text search over cases, questions, notes and letters.
    Search(super::search::SearchArgs),
    /// The originals kept for a case (e-mails, PDFs, attachments); --save DIR writes them out.
    Attachments(AttachmentsArgs),
    /// An evidence bundle for the regulator: chronology, originals, drafts, SHA256SUMS.
    Bundle(BundleArgs),
    /// Draft a letter: the internal review request, the complaint to the Commissioner, or a chaser.
    #[command(subcommand)]
    Draft(super::draft::LetterCmd),
    /// Read replies and cases in: a letter (text, PDF, Word, e-mail), a mailbox, a WhatDoTheyKnow download or JSON, a casebook export.
    Import(ImportArgs),
    /// Write cases out as JSON (re-importable), CSV, Markdown or iCalendar.
    Export(ExportArgs),
    /// Statistics per authority: answers on time, outcomes, exemptions cited, reviews.
    Stats(super::stats::StatsArgs),
    /// Bank holidays of your own (a day proclaimed after this version), and the calendar.
    #[command(subcommand)]
    Holiday(HolidayCmd),
    /// Write a consistent copy of the whole casebook to FILE (safe while foi is running).
    Backup { file: PathBuf },
    /// Replace the casebook with a backup (the current one is kept beside it first).
    Restore {
        file: PathBuf,
        /// Do it (without this, nothing changes and the command says what would).
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Load the example case (an invented DWP response) for a first look.
    Demo,
    /// Hold back a case's reminders that are no deadline (chasing a late authority; a
    /// clarification or fee it waits for) until a date; the deadlines still show.
    Snooze(SnoozeArgs),
    /// Round robins: one request to many authorities, and the grid comparing answers.
    #[command(subcommand)]
    Batch(super::batch::BatchCmd),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// letter, json, wdtk, email, mbox, pdf, docx or html (detected from the content when left out).
    #[arg(long)]
    pub format: Option<String>,
    /// Show what would be imported; save nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A letter: attach it to this case, whatever its reference says.
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
    /// A letter: the authority, when the letter does not name it (or names it wrongly).
    #[arg(long)]
    pub authority: Option<String>,
    /// A letter: the new case's title (default: the authority and its reference).
    #[arg(long)]
    pub title: Option<String>,
    /// A letter: a reply to this round robin, saved to its authority's case.
    #[arg(long, value_name = "BATCH", conflicts_with = "case")]
    pub batch: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// One case (default: every case).
    pub case: Option<String>,
    /// json, csv, md or ics.
    #[arg(long, default_value = "json")]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file -o names if it exists (without this, an existing file is refused).
    #[arg(long, requires = "output")]
    pub force: bool,
    /// JSON: carry the originals' bytes (base64), not only their hashes.
    #[arg(long)]
    pub embed: bool,
}

/// The details `add` and `edit` share. On `edit`, "none" clears a field.
#[derive(Debug, Args)]
pub struct CaseDetails {
    /// The date the authority received it, if not the day it was sent.
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// The authority's reference.
    #[arg(long, value_name = "REF")]
    pub their_ref: Option<String>,
    /// Your own reference.
    #[arg(long, value_name = "REF")]
    pub my_ref: Option<String>,
    /// email, post, web-form, whatdotheyknow or other.
    #[arg(long)]
    pub channel: Option<String>,
    /// Where the request is online.
    #[arg(long)]
    pub url: Option<String>,
    /// The request's full text.
    #[arg(long, conflicts_with = "text_file")]
    pub text: Option<String>,
    /// Read the request's full text from a file.
    #[arg(long, value_name = "FILE")]
    pub text_file: Option<PathBuf>,
    /// A tag (repeat for more; on edit, the tags replace the old ones).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The public body the request went to.
    #[arg(long)]
    pub authority: String,
    /// A short title for the case.
    #[arg(long)]
    pub title: String,
    /// The date the request was sent (leave out for a draft).
    #[arg(long, value_name = "DATE")]
    pub sent: Option<String>,
    /// foia, eir, foisa or eisr.
    #[arg(long, default_value = "foia")]
    pub regime: String,
    #[command(flatten)]
    pub details: CaseDetails,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub case: String,
    #[arg(long)]
    pub authority: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// New sent date ("none" makes the case a draft again).
    #[arg(long, value_name = "DATE")]
    pub sent: Option<String>,
    #[arg(long)]
    pub regime: Option<String>,
    #[command(flatten)]
    pub details: CaseDetails,
    /// Remove every tag.
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    pub case: String,
    /// Do it (without this, nothing is deleted and the command says what would be).
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum QuestionCmd {
    /// Add a numbered question to a case.
    Add {
        case: String,
        /// As the letter numbers it: "Request 1", "Q4", "1(a)".
        #[arg(long)]
        label: String,
        #[arg(long)]
        text: String,
    },
    /// Record what the authority did with a question.
    Set {
        case: String,
        label: String,
        /// pending, answered, partly-answered, withheld, not-held, refused-cost,
        /// refused-vexatious, ncnd, published-elsewhere, future-publication.
        #[arg(long)]
        outcome: String,
        /// A section cited (43, s40(2), reg 12(5)(e)); repeat for more.
        #[arg(long = "exemption", value_name = "SECTION")]
        exemptions: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        /// Challenge this one at internal review.
        #[arg(long, conflicts_with = "no_challenge")]
        challenge: bool,
        /// Do not challenge this one.
        #[arg(long)]
        no_challenge: bool,
    },
    /// Change a question's label or text.
    Edit {
        case: String,
        label: String,
        #[arg(long = "label", value_name = "LABEL")]
        new_label: Option<String>,
        #[arg(long)]
        text: Option<String>,
    },
    /// Remove a question.
    Delete { case: String, label: String },
}

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Record an event (sent, response, review-requested, …).
    Add(EventAddArgs),
    /// Correct an event (its number is in `foi show`).
    Edit(EventEditArgs),
    /// Remove an event.
    Delete { case: String, event: i64 },
}

#[derive(Debug, Args)]
pub struct EventAddArgs {
    pub case: String,
    /// sent, acknowledged, clarification-requested, clarification-sent, extension,
    /// fee-notice, fee-paid, response, review-requested, review-response, ico-complaint,
    /// ico-decision, tribunal-appeal, withdrawn, closed, note.
    #[arg(long)]
    pub kind: String,
    #[arg(long, value_name = "DATE")]
    pub date: String,
    #[command(flatten)]
    pub details: EventDetails,
}

#[derive(Debug, Args)]
pub struct EventEditArgs {
    pub case: String,
    pub event: i64,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub details: EventDetails,
}

/// The details `event add` and `event edit` share. On `edit`, "none" clears a field.
#[derive(Debug, Args)]
pub struct EventDetails {
    /// A note on the step (on edit, "none" clears it).
    #[arg(long)]
    pub note: Option<String>,
    /// On a response: the review window the letter states ("2 months", "40 working days";
    /// on edit, "none" clears it).
    #[arg(long)]
    pub window: Option<String>,
    /// On an extension: the new date the authority gave (on edit, "none" clears it).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Attach the letter's text from a file.
    #[arg(long, value_name = "FILE")]
    pub letter_file: Option<PathBuf>,
    /// The reference this step was given (ICO/SIC case, decision notice, Tribunal or
    /// court): `foi show REF` finds the case by it (on edit, "none" clears it).
    #[arg(long = "ref", value_name = "REF")]
    pub reference: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// open, overdue, action, closed or all.
    #[arg(long, default_value = "open")]
    pub filter: String,
    /// Only cases whose authority's name contains this.
    #[arg(long)]
    pub authority: Option<String>,
    /// Only cases with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// urgency, sent, authority or changed.
    #[arg(long, default_value = "urgency")]
    pub sort: String,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub case: String,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Only clocks due within this long (e.g. 14d, 3w, "2 weeks"); overdue ones always show.
    #[arg(long, value_name = "PERIOD")]
    pub within: Option<String>,
    /// For cron and login shells: print only what needs attention, one line each, and
    /// exit 1 when there is something (0, silently, when nothing).
    #[arg(long)]
    pub check: bool,
    /// With --check: warn this many working days ahead.
    #[arg(long, value_name = "N", default_value_t = 5, requires = "check")]
    pub warn: u32,
    /// With --check: also show a desktop notification, where a notification service runs
    /// (silently nothing where none does).
    #[arg(long, requires = "check")]
    pub notify: bool,
}

#[derive(Debug, Args)]
pub struct SnoozeArgs {
    pub case: String,
    /// Remind me again on this day.
    #[arg(long, value_name = "DATE", required_unless_present = "clear")]
    pub until: Option<String>,
    /// Remind me again now.
    #[arg(long, conflicts_with = "until")]
    pub clear: bool,
}

#[derive(Debug, Subcommand)]
pub enum HolidayCmd {
    /// Count a date as a bank holiday from now on (it moves every deadline over it).
    Add {
        #[arg(value_name = "DATE")]
        date: String,
        /// england-and-wales, scotland, northern-ireland or all.
        #[arg(long, default_value = "all")]
        division: String,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Stop counting a holiday of your own.
    Remove {
        #[arg(value_name = "DATE")]
        date: String,
        #[arg(long, default_value = "all")]
        division: String,
    },
    /// The bank holidays of a year, per division, with where each comes from.
    List {
        /// The year (default: this year).
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug, Args)]
pub struct AttachmentsArgs {
    pub case: String,
    /// Write every original into this folder under its own name (a file already there
    /// is left alone).
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BundleArgs {
    pub case: String,
    /// The zip to write (never replaced if it exists).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
}
