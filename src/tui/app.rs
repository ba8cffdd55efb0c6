//! The one state of the terminal UI. Views are loaded from the casebook when something
//! changes (a save, the date, another program's write) and drawn from here every frame;
//! drawing never reads the database.

use super::batch_view::{BatchList, BatchScreen};
use super::edit::Confirm;
pub use super::effect::{Pane, Status, Tone};
use super::find::Hits;
use super::forms::Form;
use super::import::ImportReview;
use super::import_file::FileImport;
use super::jump::Jump;
use super::layout::{Areas, ClockShape, Shape, areas};
use super::letter::LetterOverlay;
use super::overlays::help::Help;
use super::prompt::{PathPrompt, new_line_input};
use super::scroll::Scroll;
use super::stats::StatsView;
use super::theme::Theme;
use crate::casebook::filter_index::{QuestionTexts, Texts};
use crate::casebook::list_filter::{ListRows, Narrowing, TextQuery};
use crate::casebook::{CaseView, Casebook, Error, Filter, ListRow, Sort, sort_order};
use crate::domain::Event;
use crate::domain::Question;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

mod apply;
mod loading;
mod mouse;
mod originals;
mod panes;
mod read;
mod update;

/// What has the keyboard besides the panes: the screen open over them, each owning its
/// state and handling its own keys.
pub enum Mode {
    Normal,
    /// Typing into the `/` search.
    Search,
    /// Typing a case to jump to after `:`.
    Jump(Box<Jump>),
    Help(Help),
    Confirm(Confirm),
    Form(Box<Form>),
    /// Typing the path of a file to import.
    Path(Box<PathPrompt>),
    /// Reviewing a letter before it is saved.
    Import(Box<ImportReview>),
    /// Confirming the import of a JSON or WhatDoTheyKnow file.
    ImportFile(Box<FileImport>),
    /// A letter.
    Letter(Box<LetterOverlay>),
    /// The full-text search's results.
    Hits(Box<Hits>),
    /// Statistics per authority.
    Stats(Box<StatsView>),
    /// The agenda: your move, the authority's.
    Agenda(Box<super::agenda::Agenda>),
    /// The list of round robins.
    Batches(Box<BatchList>),
    /// A round robin's grid.
    Batch(Box<BatchScreen>),
    /// Something long is under way; the frame says what.
    Busy(String),
}

/// Work that takes long enough to want a frame saying so first: the event loop draws,
/// then runs it (`update::run_job`).
enum Job {
    /// Read the file the prompt names (a letter, an export, a WhatDoTheyKnow file).
    OpenFile(Box<PathPrompt>),
    /// Import a JSON or WhatDoTheyKnow document.
    ImportFile(Box<FileImport>),
    /// Count the statistics.
    Stats,
}

pub struct App {
    book: Casebook,
    /// `--today` was given: the date never moves on by itself.
    pinned: bool,
    theme: Theme,
    /// Every case as a list row, in id order (they never move: sorting reorders
    /// `order`, filtering makes `visible`).
    views: Vec<ListRow>,
    /// Indices into `views` in the current sort.
    order: Vec<usize>,
    /// The selected case in full (questions, timeline, clocks with their working),
    /// loaded when the selection moves.
    current: Option<CaseView>,
    /// The selected case's originals (loaded with `current`).
    originals: Vec<crate::domain::Attachment>,
    /// Which original `O` opens next.
    next_original: usize,
    /// What the filter searches of each case's own fields, row by row as `views`.
    fields: Texts,
    /// Each case's question labels and texts, for the filter, row by row as `views`.
    /// Read after the first frame on another thread (`None` until then: the filter
    /// searches the fields alone).
    haystacks: Option<Texts>,
    /// The questions read on another thread: the haystacks, and the outcomes that the
    /// first load leaves out of `views` (their `overall` and `questions`).
    hay_job: Option<Receiver<QuestionTexts>>,
    /// Set to stop that reading when it is no longer wanted (a reload starts another):
    /// two readers at once would hold two copies of every question text.
    hay_stop: Arc<AtomicBool>,
    /// Indices into `views` that pass the filter and the search, in order.
    visible: Vec<usize>,
    filter: Filter,
    sort: Sort,
    search: TextArea<'static>,
    /// The search line searches everything on Enter (it began with a second `/`).
    find: bool,
    cases: Scroll,
    questions: Scroll,
    events: Scroll,
    focus: Pane,
    mode: Mode,
    status: Option<Status>,
    /// The terminal's size at the last draw, for the mouse and scrolling.
    screen: Rect,
    quit: bool,
    /// Work to run once the next frame (which says it is under way) is drawn.
    job: Option<Job>,
    /// Bytes for the terminal itself, written after the next frame (the clipboard's
    /// OSC 52 sequence).
    to_terminal: Vec<u8>,
    data_version: Option<i64>,
    /// The filter and search `visible` was computed for, and the results for the search
    /// as it was typed, while `views` is unchanged: a search that grows narrows
    /// `visible` instead of scanning every case, and Backspace takes a result back.
    narrowing: Narrowing,
    /// Cases refreshed (by [`App::refresh`]) while the background reader was going
    /// through the questions: its older reading of them is not taken. `None`: deleted.
    refreshed: HashMap<i64, Option<String>>,
    /// The whole list being read on another thread while the first screen shows.
    loading: Option<loading::Loading>,
}

/// Past this many cases written at once (an import, say), [`App::refresh`] reloads them
/// all: one load beats thousands of single-case reads.
const REFRESH_AT_MOST: usize = 200;

impl App {
    pub fn new(book: Casebook, pinned: bool, theme: Theme) -> App {
        let mut app = App {
            book,
            pinned,
            theme,
            views: Vec::new(),
            order: Vec::new(),
            current: None,
            originals: Vec::new(),
            next_original: 0,
            fields: Texts::default(),
            haystacks: None,
            hay_job: None,
            hay_stop: Arc::new(AtomicBool::new(false)),
            visible: Vec::new(),
            filter: Filter::default(),
            sort: Sort::default(),
            search: new_line_input(),
            find: false,
            cases: Scroll::default(),
            questions: Scroll::default(),
            events: Scroll::default(),
            focus: Pane::Cases,
            mode: Mode::Normal,
            status: None,
            screen: Rect::new(0, 0, 120, 40),
            quit: false,
            job: None,
            to_terminal: Vec::new(),
            data_version: None,
            narrowing: Narrowing::default(),
            refreshed: HashMap::new(),
            loading: None,
        };
        if !app.show_first_screen() {
            app.reload();
        }
        app
    }

    /// Where everything is on the current screen.
    pub fn areas(&self) -> Areas {
        self.areas_on(self.screen)
    }

    /// Where everything is on a screen of this size, for what is shown now.
    pub fn areas_on(&self, screen: Rect) -> Areas {
        let mut shape = Shape {
            timeline_focused: self.focus == Pane::Timeline,
            search_line: matches!(self.mode, Mode::Search) || !self.query().is_empty(),
            ..Shape::default()
        };
        if let Some(v) = self.selected_view() {
            shape.questions = v.file.questions.len();
            shape.events = v.file.events.len();
            shape.clocks = ClockShape::of(v);
        }
        areas(screen, &shape)
    }

    pub fn today(&self) -> NaiveDate {
        self.book.today()
    }

    pub fn query(&self) -> &str {
        self.search
            .lines()
            .first()
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The search line is a search of everything (`//words`, or `F`), not a filter.
    pub fn finding(&self) -> bool {
        self.find
    }

    /// The selected case in full.
    pub fn selected_view(&self) -> Option<&CaseView> {
        let id = self.selected_id()?;
        self.current.as_ref().filter(|v| v.file.case.id == id)
    }

    /// The selected list row.
    pub fn selected_row(&self) -> Option<&ListRow> {
        self.visible
            .get(self.cases.selected)
            .and_then(|&i| self.views.get(i))
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.selected_row().map(|v| v.case.id)
    }

    /// Load the selected case in full when the selection has moved to another case.
    pub fn sync_current(&mut self) {
        let id = self.selected_id();
        if self.current.as_ref().map(|v| v.file.case.id) == id {
            return;
        }
        self.next_original = 0;
        self.originals = id
            .and_then(|id| self.book.originals_of(id).ok())
            .unwrap_or_default();
        self.current = match id {
            Some(id) => match self.book.view(id) {
                Ok(v) => Some(v),
                Err(e) => {
                    self.say_error(&e);
                    None
                }
            },
            None => None,
        };
    }

    /// Start loading the filter's question texts (on another thread when the casebook
    /// is a file, so the first frame does not wait for a million questions).
    fn load_haystacks(&mut self) {
        let ids: Vec<i64> = self.views.iter().map(|v| v.case.id).collect();
        self.hay_stop.store(true, Ordering::Relaxed);
        self.hay_stop = Arc::new(AtomicBool::new(false));
        match self.book.question_texts_reader() {
            Ok(Some(reader)) => {
                let (tx, rx) = std::sync::mpsc::channel();
                let stop = Arc::clone(&self.hay_stop);
                std::thread::spawn(move || {
                    if let Ok(Some(d)) = reader.read(ids, &stop) {
                        let _ = tx.send(d);
                    }
                });
                self.hay_job = Some(rx);
            }
            _ => match self.book.question_texts(ids, &self.hay_stop) {
                Ok(Some(d)) => self.take_digest(d),
                Ok(None) => {}
                Err(e) => self.say_error(&e),
            },
        }
    }

    /// The questions have been read: the filter's haystacks, and the outcomes the list
    /// rows were loaded without. Cases refreshed since keep their newer reading.
    fn take_digest(&mut self, d: QuestionTexts) {
        let ids: Vec<i64> = self.views.iter().map(|v| v.case.id).collect();
        let (mut texts, outcomes) = d.realign(&ids);
        for (v, (overall, questions)) in self.views.iter_mut().zip(outcomes) {
            if !self.refreshed.contains_key(&v.case.id) {
                v.overall = overall;
                v.questions = questions;
            }
        }
        for (id, hay) in self.refreshed.drain() {
            if let (Some(hay), Ok(i)) = (hay, ids.binary_search(&id)) {
                texts.replace(i, &hay);
            }
        }
        self.haystacks = Some(texts);
    }

    /// Take the whole list, or else the question texts, if their reader has finished;
    /// true when something arrived.
    pub fn poll_background(&mut self) -> bool {
        if self.finish_loading(false) {
            return true;
        }
        let Some(rx) = &self.hay_job else {
            return false;
        };
        match rx.try_recv() {
            Ok(d) => {
                self.take_digest(d);
                self.hay_job = None;
                if !self.query().trim().is_empty() {
                    self.narrowing.forget();
                    self.refilter();
                }
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.hay_job = None;
                false
            }
        }
    }

    pub fn selected_question(&self) -> Option<&Question> {
        self.selected_view()
            .and_then(|v| v.file.questions.get(self.questions.selected))
    }

    pub fn selected_event(&self) -> Option<&Event> {
        self.selected_view()
            .and_then(|v| v.file.events.get(self.events.selected))
    }

    /// No case at all (not merely none passing the filter): the welcome screen.
    pub fn is_empty(&self) -> bool {
        self.list_counts().1 == 0
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone,
        });
    }

    /// Show an operation's error: the user's mistakes and the store's faults alike go to
    /// the status line, never to a crash.
    pub fn say_error(&mut self, e: &Error) {
        self.say(Tone::Error, super::effect::error_text(e));
    }

    /// Load every case again, keeping the selection on the same case when it is still
    /// there. The questions are read again on another thread, as at start.
    pub fn reload(&mut self) {
        let keep = self.selected_id();
        // Everything is read again: what our own writes touched included.
        self.book.take_touched();
        // Before the load, so that a write landing during it is seen at the next tick.
        self.data_version = self.book.data_version().ok();
        // The old rows go first: holding two copies of 100,000 rows at once would
        // take the peak past the 200 MB memory bar (BENCHMARKS.md).
        self.views = Vec::new();
        self.order = Vec::new();
        self.visible = Vec::new();
        self.fields = Texts::default();
        self.haystacks = None;
        // A reading still under way is of the rows being replaced: stop it.
        self.hay_stop.store(true, Ordering::Relaxed);
        self.hay_job = None;
        self.refreshed.clear();
        // A whole list still being read is superseded by this one.
        self.loading = None;
        // The rows come without their outcomes, which the list does not show: a million
        // fewer rows before the first frame at 100,000 cases. `take_digest` fills them
        // in with the question texts.
        match self.book.sorted_list_rows(self.sort, false) {
            Ok(loaded) => {
                self.views = loaded.rows;
                self.order = loaded.order;
                self.fields = loaded.fields;
                self.narrowing.forget();
            }
            Err(e) => self.say_error(&e),
        }
        self.load_haystacks();
        self.rows_changed(keep);
    }

    /// The rows were read again: filter them again, keep the selection on case `keep`
    /// where it is still listed, and load the selected case afresh (it may have changed).
    fn rows_changed(&mut self, keep: Option<i64>) {
        self.refilter();
        if let Some(id) = keep {
            self.select_case(id);
        }
        self.current = None;
        self.sync_current();
        self.clamp_details();
    }

    /// After this program's own write: read again just the cases it touched, then
    /// re-sort and re-filter in memory (reloading every case took ~200 ms at 100,000).
    pub fn refresh(&mut self) {
        let touched = self.book.take_touched();
        if touched.len() > REFRESH_AT_MOST {
            self.reload();
            return;
        }
        let keep = self.selected_id();
        for id in touched {
            let summary = match self.book.list_row(id) {
                Ok(s) => s,
                Err(e) => {
                    self.say_error(&e);
                    self.reload();
                    return;
                }
            };
            let at = self.views.binary_search_by_key(&id, |v| v.case.id);
            let hay = match (summary, at) {
                (Some((row, fields, hay)), Ok(i)) => {
                    self.views[i] = row;
                    self.fields.replace(i, &fields);
                    if let Some(h) = &mut self.haystacks {
                        h.replace(i, &hay);
                    }
                    Some(hay)
                }
                (Some((row, fields, hay)), Err(i)) => {
                    self.views.insert(i, row);
                    self.fields.insert(i, &fields);
                    if let Some(h) = &mut self.haystacks {
                        h.insert(i, &hay);
                    }
                    Some(hay)
                }
                (None, Ok(i)) => {
                    self.views.remove(i);
                    self.fields.remove(i);
                    if let Some(h) = &mut self.haystacks {
                        h.remove(i);
                    }
                    None
                }
                (None, Err(_)) => None,
            };
            if self.haystacks.is_none() {
                // Still being read: keep this newer reading for when they arrive.
                self.refreshed.insert(id, hay);
            }
        }
        self.order = sort_order(&self.views, self.sort);
        self.narrowing.forget();
        self.rows_changed(keep);
    }

    /// Re-sort the loaded views (no database read; the rows stay where they are).
    pub fn resort(&mut self) {
        let keep = self.selected_id();
        self.order = sort_order(&self.views, self.sort);
        self.narrowing.forget();
        self.refilter();
        if let Some(id) = keep {
            self.select_case(id);
        }
    }

    /// Recompute which cases pass the filter and the search.
    pub fn refilter(&mut self) {
        let keep = self.selected_id();
        // `//words` is a full-text search, run on Enter: the list stays as it is.
        let (typed, query) = if self.finding() {
            (format!("/{}", self.query()), TextQuery::default())
        } else {
            (self.query().to_string(), TextQuery::new(self.query()))
        };
        let rows = ListRows {
            views: &self.views,
            order: &self.order,
            fields: &self.fields,
            questions: self.haystacks.as_ref(),
        };
        let last = std::mem::take(&mut self.visible);
        self.visible = self
            .narrowing
            .refilter(last, &typed, &query, self.filter, rows);
        match keep {
            Some(id) if self.select_case(id) => {}
            _ => {
                self.cases.clamp(self.visible.len());
                self.reset_details();
            }
        }
    }

    /// Select the case `id` if it is listed; false when the filter hides it.
    pub fn select_case(&mut self, id: i64) -> bool {
        // `views` is in id order: find the case's row once, then look for that index
        // (reading each visible row's case instead missed the cache on every one).
        let row = self
            .views
            .binary_search_by_key(&id, |v| v.case.id)
            .ok()
            .or_else(|| self.views.iter().position(|v| v.case.id == id));
        let Some(pos) = row.and_then(|row| self.visible.iter().position(|&i| i == row)) else {
            return false;
        };
        if pos != self.cases.selected {
            self.cases.selected = pos;
            self.reset_details();
        }
        true
    }

    /// A different case is selected: start at its first question and event.
    pub fn reset_details(&mut self) {
        self.questions = Scroll::default();
        self.events = Scroll::default();
    }

    pub fn clamp_details(&mut self) {
        let (nq, ne) = self
            .selected_view()
            .map(|v| (v.file.questions.len(), v.file.events.len()))
            .unwrap_or((0, 0));
        self.questions.clamp(nq);
        self.events.clamp(ne);
    }

    /// Once a second: follow the local date (unless pinned) and other programs' writes.
    /// Returns whether anything changed, so the screen is redrawn only then.
    pub fn tick(&mut self, local_today: NaiveDate) -> bool {
        // The questions read in the background are filled in where they belong: that
        // needs a redraw, not a reload (which, at 100,000 cases, held the keyboard for a
        // full load and two copies of every case in memory a second after start).
        let arrived = self.poll_background();
        let mut changed = false;
        if !self.pinned && local_today != self.book.today() {
            self.book.set_today(local_today);
            changed = true;
        }
        let version = self.book.data_version().ok();
        if version != self.data_version {
            // Another program may have changed anything: `reload` reads it all again.
            changed = true;
        }
        if changed {
            self.reload();
        }
        changed || arrived
    }
}
