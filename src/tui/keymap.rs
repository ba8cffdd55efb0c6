//! The key map, as tables: one per context. The footer, the help overlay and the input
//! handling all read these tables, so what the screen says is what the keys do.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as the tables name it: a code, with or without Ctrl. Shift is part of the
/// character (`G`), so it is not tracked separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// How the footer and help write it.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// Where the keys are pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// In every pane.
    Global,
    /// Moving in a list, in every pane.
    Movement,
    Cases,
    Case,
    Timeline,
    /// The empty casebook's welcome screen.
    Welcome,
    Help,
    Confirm,
    /// Typing a search or a case to jump to.
    Prompt,
    Form,
    /// A choice field of a form (regime, outcome, event kind …).
    Choice,
    /// The exemption field while its list of matches is open.
    Picker,
    /// Typing words to search everything (after `//` or `F`).
    Find,
    /// Typing the path of a file to import.
    Path,
    /// Typing where to write a letter.
    WritePath,
    /// The questions of a letter being imported.
    ImportQuestions,
    /// Confirming the import of a JSON or WhatDoTheyKnow file.
    ImportFile,
    /// The letter.
    Letter,
    /// Asking before a file is replaced.
    Overwrite,
    /// The full-text search's results.
    Hits,
    /// The statistics view.
    Stats,
    /// The agenda (A).
    Agenda,
    /// The list of round robins.
    BatchList,
    /// A round robin's grid.
    Batch,
    /// While something long runs ("Importing…").
    Busy,
}

impl Context {
    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Movement => "Moving",
            Context::Cases => "Cases list",
            Context::Case => "Case pane (questions)",
            Context::Timeline => "Timeline pane (events)",
            Context::Welcome => "Empty casebook",
            Context::Help => "This help",
            Context::Confirm => "Confirming a delete",
            Context::Prompt => "Typing a search or a case to jump to",
            Context::Form => "Forms",
            Context::Choice => "Forms: a choice (regime, outcome, kind …)",
            Context::Picker => "Forms: the exemption list",
            Context::Find => "Typing a search of everything (// or F)",
            Context::Path => "Typing the path of a file to import (i)",
            Context::WritePath => "Typing where to write the letter (w)",
            Context::ImportQuestions => {
                "Importing a letter: its questions (the fields above are a form)"
            }
            Context::ImportFile => "Importing a JSON or WhatDoTheyKnow file",
            Context::Letter => "The drafted letter (r)",
            Context::Overwrite => "Replacing a file",
            Context::Hits => "Search results (// or F)",
            Context::Stats => "Statistics (S)",
            Context::Agenda => "The agenda (A)",
            Context::BatchList => "Round robins (B)",
            Context::Batch => "A round robin's grid (b)",
            Context::Busy => "While foi is busy",
        }
    }

    /// The order of sections in the help overlay.
    pub const HELP_ORDER: [Context; 24] = [
        Context::Global,
        Context::Movement,
        Context::Cases,
        Context::Case,
        Context::Timeline,
        Context::Form,
        Context::Choice,
        Context::Picker,
        Context::Prompt,
        Context::Find,
        Context::Hits,
        Context::Path,
        Context::ImportQuestions,
        Context::ImportFile,
        Context::Letter,
        Context::WritePath,
        Context::Overwrite,
        Context::Stats,
        Context::Agenda,
        Context::BatchList,
        Context::Batch,
        Context::Confirm,
        Context::Welcome,
        Context::Busy,
    ];
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// A word or two for the footer.
    pub label: &'static str,
    /// A sentence for the help overlay.
    pub help: &'static str,
    pub footer: Footer,
}

/// Whether and how a binding shows in the footer (all show in help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    Hidden,
    /// With its keys' names.
    Shown,
    /// With this instead of its keys' names ("j/k" for moving).
    As(&'static str),
}

const fn b(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
    footer: Footer,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        help,
        footer,
    }
}

use Action as A;
use KeyCode as K;

#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    b(&[code(K::Tab)], A::NextPane, "pane", "Next pane", Footer::Hidden),
    b(&[code(K::BackTab)], A::PrevPane, "", "Previous pane", Footer::Hidden),
    b(&[ch('/')], A::StartSearch, "search", "Filter as you type: title, authority, references, tags, question text. Start with a second / (//word) to search everything instead", Footer::Shown),
    b(&[ch('F')], A::StartFind, "find all", "Search everything: letters, notes, request text (the same as typing //)", Footer::Shown),
    b(&[ch('f')], A::CycleFilter, "filter", "Cycle the filter: open, overdue, action needed, closed, all", Footer::Shown),
    b(&[ch('s')], A::CycleSort, "sort", "Cycle the sort: urgency, date sent, authority, recently changed", Footer::Shown),
    b(&[ch(':')], A::StartJump, "jump", "Jump to a case by id or reference (e.g. :1 or :FoI 471)", Footer::Hidden),
    b(&[ch('u')], A::Undo, "undo", "Undo the last change (the last 50 are kept while the program runs)", Footer::Shown),
    b(&[ch('r')], A::ReviewLetter, "review", "Draft the internal-review request for this case (and the complaint to the Commissioner)", Footer::Shown),
    b(&[ch('i')], A::Import, "import", "Import a file: a response letter as text, PDF, Word or e-mail (reviewed before saving), a mailbox, a WhatDoTheyKnow download or JSON file, a foi JSON export", Footer::Shown),
    b(&[ch('O')], A::OpenOriginal, "", "Open the case's originals (e-mails, PDFs, attachments) one after another with the system's opener (xdg-open, open)", Footer::Hidden),
    b(&[ch('P')], A::Bundle, "", "Pack the case's evidence bundle for the regulator (chronology, originals, drafts, SHA256SUMS) into case-N-bundle.zip in the current folder", Footer::Hidden),
    b(&[ch('S')], A::Stats, "stats", "Statistics per authority: on-time rate, outcomes, exemptions, reviews", Footer::Shown),
    b(&[ch('A')], A::Agenda, "agenda", "The agenda: what is your move, what the authority owes (chase when late)", Footer::Hidden),
    b(&[ch('c')], A::ChaserLetter, "", "Draft the reminder (chaser) to an authority that is late with this case", Footer::Hidden),
    b(&[ch('z')], A::Snooze, "", "Snooze this case's reminders that are no deadline (chase, a clarification awaited) for a week; again to bring them back", Footer::Hidden),
    b(&[ch('b')], A::Batch, "batch", "The round robin of the selected case: its grid of answers (else the list of round robins)", Footer::Hidden),
    b(&[ch('B')], A::Batches, "batches", "The list of round robins (one request sent to many authorities)", Footer::Hidden),
    b(&[ch('?')], A::Help, "help", "All keys (this screen)", Footer::Shown),
    b(&[ch('q')], A::Quit, "quit", "Quit (everything is already saved)", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit, from anywhere (an open form is discarded)", Footer::Hidden),
];

#[rustfmt::skip]
const MOVEMENT: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Down one row (the mouse wheel too)", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Up one row", Footer::Hidden),
    b(&[ch('g'), code(K::Home)], A::Top, "", "To the top", Footer::Hidden),
    b(&[ch('G'), code(K::End)], A::Bottom, "", "To the bottom", Footer::Hidden),
    b(&[code(K::PageDown), ctrl('d')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, "", "Up a page", Footer::Hidden),
];

#[rustfmt::skip]
const CASES: &[Binding] = &[
    b(&[code(K::Enter)], A::Open, "open", "Open the case (focus its questions)", Footer::Shown),
    b(&[code(K::Esc)], A::Back, "", "Clear the search", Footer::Hidden),
    b(&[ch('a')], A::Add, "add case", "Add a case", Footer::Shown),
    b(&[ch('e')], A::Edit, "edit", "Edit the case", Footer::Shown),
    b(&[ch('o')], A::Outcome, "", "Set the outcome of the case's selected question", Footer::Hidden),
    b(&[ch('x')], A::Delete, "delete", "Delete the case (asks first; u undoes)", Footer::Shown),
];

#[rustfmt::skip]
const CASE: &[Binding] = &[
    b(&[ch('o'), code(K::Enter)], A::Outcome, "outcome", "Set the selected question's outcome and exemptions", Footer::Shown),
    b(&[ch('a')], A::Add, "add question", "Add a question", Footer::Shown),
    b(&[ch('e')], A::Edit, "edit", "Edit the question's label and text", Footer::Shown),
    b(&[ch('E')], A::EditCase, "", "Edit the case's details", Footer::Hidden),
    b(&[ch('x')], A::Delete, "delete", "Delete the question (asks first)", Footer::Shown),
    b(&[code(K::Esc)], A::Back, "back", "Back to the cases list", Footer::Shown),
];

#[rustfmt::skip]
const TIMELINE: &[Binding] = &[
    b(&[ch('a')], A::Add, "add event", "Record an event: response, extension, review …", Footer::Shown),
    b(&[ch('e'), code(K::Enter)], A::Edit, "edit", "Edit the selected event", Footer::Shown),
    b(&[ch('E')], A::EditCase, "", "Edit the case's details", Footer::Hidden),
    b(&[ch('x')], A::Delete, "delete", "Delete the event (asks first)", Footer::Shown),
    b(&[code(K::Esc)], A::Back, "back", "Back to the cases list", Footer::Shown),
];

#[rustfmt::skip]
const WELCOME: &[Binding] = &[
    b(&[ch('d')], A::LoadDemo, "load example", "Load the example case (an invented DWP response)", Footer::Shown),
    b(&[ch('a')], A::Add, "add case", "Add a case", Footer::Shown),
    b(&[ch('i')], A::Import, "import letter", "Import a response letter", Footer::Shown),
    b(&[ch('?')], A::Help, "help", "All keys", Footer::Shown),
    b(&[ch('q')], A::Quit, "quit", "Quit", Footer::Shown),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "scroll", "Scroll down", Footer::Shown),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Scroll up", Footer::Hidden),
    b(&[code(K::PageDown), ch(' ')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp)], A::PageUp, "", "Up a page", Footer::Hidden),
    b(&[code(K::Esc), ch('?'), ch('q')], A::CloseHelp, "close", "Close the help", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const CONFIRM: &[Binding] = &[
    b(&[ch('y'), ch('Y')], A::Yes, "yes, delete", "Yes: delete", Footer::Shown),
    b(&[ch('n'), ch('N'), code(K::Esc)], A::No, "no, keep", "No: keep it", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const PROMPT: &[Binding] = &[
    b(&[code(K::Enter)], A::Accept, "done", "Keep the search / jump to the case; after // search everything", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Clear the search / cancel the jump", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const FORM: &[Binding] = &[
    b(&[code(K::Tab), code(K::Down)], A::NextField, "next field", "Next field", Footer::Shown),
    b(&[code(K::BackTab), code(K::Up)], A::PrevField, "", "Previous field", Footer::Hidden),
    b(&[code(K::Enter), ctrl('s')], A::Save, "save", "Save (only when every field is valid)", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Cancel: nothing is changed", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit (the form is discarded)", Footer::Hidden),
];

#[rustfmt::skip]
const CHOICE: &[Binding] = &[
    b(&[code(K::Right), ch(' '), ch('l')], A::ChoiceNext, "change", "Next choice", Footer::Shown),
    b(&[code(K::Left), ch('h')], A::ChoicePrev, "", "Previous choice", Footer::Hidden),
];

#[rustfmt::skip]
const PICKER: &[Binding] = &[
    b(&[code(K::Down)], A::PickerDown, "choose", "Next match", Footer::As("↑/↓")),
    b(&[code(K::Up)], A::PickerUp, "", "Previous match", Footer::Hidden),
    b(&[code(K::Enter)], A::PickerAdd, "add exemption", "Add the highlighted exemption", Footer::Shown),
];

#[rustfmt::skip]
const PATH: &[Binding] = &[
    b(&[code(K::Tab)], A::Complete, "complete", "Complete the file or folder name (twice lists the choices)", Footer::Shown),
    b(&[code(K::Enter)], A::Accept, "open", "Use this file", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Cancel", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const FIND: &[Binding] = &[
    b(&[code(K::Enter)], A::Accept, "search everything", "Search letters, notes and request text for the words typed (\"a phrase\", OR, -word)", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Cancel the search", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const WRITE_PATH: &[Binding] = &[
    b(&[code(K::Tab)], A::Complete, "complete", "Complete the file or folder name (twice lists the choices)", Footer::Shown),
    b(&[code(K::Enter)], A::Accept, "write", "Write the letter there (asks before replacing a file)", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Back to the letter", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const IMPORT_QUESTIONS: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Next question", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous question (from the first: back to the fields)", Footer::Hidden),
    b(&[ch('o'), code(K::Enter)], A::Outcome, "outcome", "Change the question's outcome and exemptions", Footer::Shown),
    b(&[ch('x')], A::Delete, "remove", "Leave the question out of the import", Footer::Shown),
    b(&[code(K::Tab)], A::NextField, "fields", "Back to the fields", Footer::Shown),
    b(&[code(K::BackTab)], A::PrevField, "", "Back to the last field", Footer::Hidden),
    b(&[ctrl('s')], A::Save, "save", "Save the import", Footer::Shown),
    b(&[code(K::Esc)], A::Cancel, "cancel", "Cancel: nothing is saved", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit (nothing is saved)", Footer::Hidden),
];

#[rustfmt::skip]
const IMPORT_FILE: &[Binding] = &[
    b(&[ch('y'), ch('Y'), code(K::Enter)], A::Yes, "import", "Import the cases", Footer::Shown),
    b(&[ch('n'), ch('N'), code(K::Esc)], A::No, "cancel", "Cancel: nothing is imported", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const LETTER: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "scroll", "Scroll down", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Scroll up", Footer::Hidden),
    b(&[code(K::PageDown), ch(' '), ctrl('d')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, "", "Up a page", Footer::Hidden),
    b(&[ch('g'), code(K::Home)], A::Top, "", "To the top", Footer::Hidden),
    b(&[ch('G'), code(K::End)], A::Bottom, "", "To the bottom", Footer::Hidden),
    b(&[ch('w')], A::WriteFile, "write", "Write the letter to a file (asks before replacing one)", Footer::Shown),
    b(&[ch('y')], A::Copy, "copy", "Copy the letter to the clipboard (through the terminal: OSC 52)", Footer::Shown),
    b(&[ch('s')], A::RecordSent, "mark sent", "Record the letter as sent today: the reply's clock starts (u undoes)", Footer::Shown),
    b(&[ch('r')], A::ShowReview, "review", "Show the internal review request", Footer::Shown),
    b(&[ch('i')], A::ShowIco, "ICO", "Show the complaint to the Commissioner", Footer::Shown),
    b(&[ch('c')], A::ShowChaser, "chaser", "Show the reminder to a late authority", Footer::Hidden),
    b(&[code(K::Esc), ch('q')], A::Close, "close", "Close the letter", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const OVERWRITE: &[Binding] = &[
    b(&[ch('y'), ch('Y')], A::Yes, "yes, replace", "Yes: replace the file", Footer::Shown),
    b(&[ch('n'), ch('N'), code(K::Esc)], A::No, "no, keep", "No: keep the file (choose another name)", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const HITS: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Next case found", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous case found", Footer::Hidden),
    b(&[code(K::PageDown), ctrl('d')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, "", "Up a page", Footer::Hidden),
    b(&[code(K::Enter)], A::Open, "open", "Open the case", Footer::Shown),
    b(&[ch('/')], A::StartFind, "new search", "Search again", Footer::Shown),
    b(&[code(K::Esc), ch('q')], A::Close, "close", "Close (the list keeps the case selected)", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const STATS: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "authority", "Next authority", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous authority", Footer::Hidden),
    b(&[ch('g'), code(K::Home)], A::Top, "", "The first authority", Footer::Hidden),
    b(&[ch('G'), code(K::End)], A::Bottom, "", "All authorities together", Footer::Hidden),
    b(&[code(K::Esc), ch('q'), ch('S')], A::Close, "close", "Close the statistics", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const AGENDA: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Next clock", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous clock", Footer::Hidden),
    b(&[code(K::PageDown), ctrl('d')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, "", "Up a page", Footer::Hidden),
    b(&[ch('g'), code(K::Home)], A::Top, "", "To the top", Footer::Hidden),
    b(&[ch('G'), code(K::End)], A::Bottom, "", "To the bottom", Footer::Hidden),
    b(&[code(K::Enter)], A::Open, "open", "Open the case at its timeline", Footer::Shown),
    b(&[ch('c')], A::ChaserLetter, "chaser", "Draft the reminder to the late authority", Footer::Shown),
    b(&[ch('z')], A::Snooze, "snooze", "Snooze the case's reminders that are no deadline for a week; again to bring them back", Footer::Shown),
    b(&[code(K::Esc), ch('q'), ch('A')], A::Close, "close", "Close the agenda", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const BATCH_LIST: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Next round robin", Footer::As("j/k")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous round robin", Footer::Hidden),
    b(&[code(K::Enter)], A::Open, "open", "Open its grid", Footer::Shown),
    b(&[code(K::Esc), ch('q'), ch('B')], A::Close, "close", "Close the list", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const BATCH: &[Binding] = &[
    b(&[ch('j'), code(K::Down)], A::Down, "move", "Next authority", Footer::As("hjkl")),
    b(&[ch('k'), code(K::Up)], A::Up, "", "Previous authority", Footer::Hidden),
    b(&[ch('h'), code(K::Left)], A::Left, "", "Previous question", Footer::Hidden),
    b(&[ch('l'), code(K::Right)], A::Right, "", "Next question", Footer::Hidden),
    b(&[ch('g'), code(K::Home)], A::Top, "", "The first authority", Footer::Hidden),
    b(&[ch('G'), code(K::End)], A::Bottom, "", "The last authority", Footer::Hidden),
    b(&[code(K::PageDown), ctrl('d')], A::PageDown, "", "Down a page", Footer::Hidden),
    b(&[code(K::PageUp), ctrl('u')], A::PageUp, "", "Up a page", Footer::Hidden),
    b(&[code(K::Enter)], A::Open, "open case", "Open the authority's case at this question", Footer::Shown),
    b(&[ch(' ')], A::Mark, "mark", "Mark or unmark the authority for o", Footer::Shown),
    b(&[ch('o')], A::Outcome, "outcome", "Record this question's outcome at the marked authorities (else at this one); u undoes", Footer::Shown),
    b(&[ch('a')], A::Add, "add question", "Add a question to every case of the round robin", Footer::Shown),
    b(&[ch('u')], A::Undo, "", "Undo the last change", Footer::Hidden),
    b(&[code(K::Esc), ch('q'), ch('b')], A::Close, "close", "Close the grid", Footer::Shown),
    b(&[ctrl('c')], A::Quit, "", "Quit", Footer::Hidden),
];

#[rustfmt::skip]
const BUSY: &[Binding] = &[
    b(&[ctrl('c')], A::Quit, "quit", "Quit, once the work under way is done (an import is saved whole or not at all)", Footer::Hidden),
];

pub fn table(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Global => GLOBAL,
        Context::Movement => MOVEMENT,
        Context::Cases => CASES,
        Context::Case => CASE,
        Context::Timeline => TIMELINE,
        Context::Welcome => WELCOME,
        Context::Help => HELP,
        Context::Confirm => CONFIRM,
        Context::Prompt => PROMPT,
        Context::Form => FORM,
        Context::Choice => CHOICE,
        Context::Picker => PICKER,
        Context::Path => PATH,
        Context::WritePath => WRITE_PATH,
        Context::Find => FIND,
        Context::ImportQuestions => IMPORT_QUESTIONS,
        Context::ImportFile => IMPORT_FILE,
        Context::Letter => LETTER,
        Context::Overwrite => OVERWRITE,
        Context::Hits => HITS,
        Context::Agenda => AGENDA,
        Context::Stats => STATS,
        Context::BatchList => BATCH_LIST,
        Context::Batch => BATCH,
        Context::Busy => BUSY,
    }
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(key);
    contexts.iter().find_map(|ctx| {
        table(*ctx)
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
    })
}

/// "j/↓" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::name).collect::<Vec<_>>().join("/")
}

/// The footer's hints for these contexts, in this order: (keys, label). A key that a
/// more specific context (earlier in `lookup_order`) takes is not offered again.
pub fn footer_hints(contexts: &[Context], lookup_order: &[Context]) -> Vec<(String, &'static str)> {
    let rank = |ctx: Context| {
        lookup_order
            .iter()
            .position(|c| *c == ctx)
            .unwrap_or(usize::MAX)
    };
    let taken_before = |key: &Key, ctx: Context| {
        lookup_order[..rank(ctx).min(lookup_order.len())]
            .iter()
            .any(|c| table(*c).iter().any(|b| b.keys.contains(key)))
    };
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for ctx in contexts {
        for b in table(*ctx) {
            if out.iter().any(|(_, l)| *l == b.label) {
                continue;
            }
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| !taken_before(k, *ctx))
                .map(Key::name)
                .collect();
            if keys.is_empty() {
                continue;
            }
            match b.footer {
                Footer::Hidden => {}
                Footer::Shown => out.push((keys.join("/"), b.label)),
                Footer::As(k) => out.push((k.to_string(), b.label)),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_footer_hint_has_a_label_and_every_binding_help() {
        for ctx in Context::HELP_ORDER {
            for b in table(ctx) {
                assert!(
                    b.footer == Footer::Hidden || !b.label.is_empty(),
                    "{ctx:?} {}",
                    keys_label(b)
                );
                assert!(!b.keys.is_empty());
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in Context::HELP_ORDER {
            let mut seen = Vec::new();
            for b in table(ctx) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {} twice", k.name());
                    seen.push(*k);
                }
            }
        }
    }
}
