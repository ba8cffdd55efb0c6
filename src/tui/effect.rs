//! How the screens talk to the app: each screen handles its keys with a [`Ctx`] (the
//! casebook, where things are on screen) and pushes [`Effect`]s onto its queue — say
//! this, show that case, close me — which the app applies once the screen is done.
//! Screens never reach into the app; this file, with the small types every part
//! shares, imports nothing of the terminal UI.

use crate::casebook::{Casebook, Error, LetterKind};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Cases,
    Case,
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Cases, Pane::Case, Pane::Timeline];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Done,
    Error,
}

/// The status line: one message, coloured by its tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// What is being deleted, once the user says yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteTarget {
    Case(i64),
    Question { case_id: i64, label: String },
    Event { case_id: i64, event_id: i64 },
}

/// A screen that one screen asks the app to open in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// A letter written for a case.
    Letter { case_id: i64, kind: LetterKind },
    /// A round robin's grid, on the row of `case` when given.
    Batch { id: i64, case: Option<i64> },
    /// The search line, ready for words to search everything with.
    Find,
}

/// Work that takes long enough to want a frame saying so first; the app takes what it
/// needs from the screen that asked (the path typed, the file counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Read the file the path prompt names.
    ReadFile,
    /// Import the file counted and confirmed.
    ImportFile,
    /// Count the statistics.
    CountStats,
}

/// What a screen asks of the app, applied in order after it handled a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this on the status line.
    Say(Tone, String),
    /// Clear the status line (what opens says enough).
    Hush,
    /// Close the screen: back to the panes.
    Close,
    /// Open another screen in its place.
    Open(Open),
    /// Read again the cases this program's writes touched.
    Refresh,
    /// Select this case, widening the filter and clearing the search if they hide it.
    ShowCase(i64),
    /// Give this pane the keyboard.
    Focus(Pane),
    /// In the selected case: select the question with this label, the event with this id,
    /// the last question; or start again at the first of each.
    SelectQuestion(String),
    SelectEvent(i64),
    LastQuestion,
    ResetDetails,
    /// No case is selected any more (it was deleted): the case list has the keyboard.
    LeaveEmptyPane,
    /// Bytes for the terminal itself, written after the next frame (OSC 52).
    ToTerminal(Vec<u8>),
    /// Say `String` on a frame of its own, then do the work.
    Busy(String, Work),
}

/// What a screen is handed with a key: the casebook (to read, and to write through its
/// operations), where things are, and the queue its effects go on.
pub struct Ctx<'a> {
    pub book: &'a mut Casebook,
    /// The whole screen, and the area screens open over (their paging is worked out
    /// from it).
    pub screen: Rect,
    pub main: Rect,
    effects: Vec<Effect>,
}

impl<'a> Ctx<'a> {
    pub fn new(book: &'a mut Casebook, screen: Rect, main: Rect) -> Ctx<'a> {
        Ctx {
            book,
            screen,
            main,
            effects: Vec::new(),
        }
    }

    pub fn emit(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.emit(Effect::Say(tone, text.into()));
    }

    pub fn say_error(&mut self, e: &Error) {
        self.say(Tone::Error, error_text(e));
    }

    /// Rows read for a screen to list; `None`, with the status line saying why, when
    /// the reading failed or found none (`none` says that).
    pub fn rows_or_say<T>(&mut self, read: Result<Vec<T>, Error>, none: &str) -> Option<Vec<T>> {
        match read {
            Ok(rows) if rows.is_empty() => {
                self.say(Tone::Info, none);
                None
            }
            Ok(rows) => Some(rows),
            Err(e) => {
                self.say_error(&e);
                None
            }
        }
    }

    /// The effects, in the order they were asked for.
    pub fn effects(self) -> Vec<Effect> {
        self.effects
    }
}

/// An operation's error for the status line: the user's mistakes and the store's faults
/// alike go there, never to a crash.
pub fn error_text(e: &Error) -> String {
    match e {
        Error::User(m) => m.clone(),
        Error::Store(s) => format!("could not save or read the casebook: {s}"),
        Error::Terminal(_) => e.to_string(),
    }
}

/// An operation's error for a form's own error line (a store fault also goes to the
/// status line, as [`error_text`]).
pub fn form_error(ctx: &mut Ctx<'_>, e: &Error) -> String {
    if let Error::Store(_) = e {
        ctx.say_error(e);
    }
    match e {
        Error::User(m) => m.clone(),
        Error::Store(s) => format!("not saved: {s}"),
        Error::Terminal(_) => e.to_string(),
    }
}
