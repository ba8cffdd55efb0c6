//! What the app shows, read-only: for the views that draw it, the input that reads the
//! keys by what is open, and the tests. State changes go through `update` and the
//! app's own methods, never through these.

use super::{App, Mode};
use crate::casebook::filter_index::Texts;
use crate::casebook::{Casebook, Filter, ListRow, Sort};
use crate::domain::Attachment;
use crate::tui::effect::{Pane, Status};
use crate::tui::panes::Shown;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;

impl App {
    pub fn book(&self) -> &Casebook {
        &self.book
    }

    /// The casebook to write to as another program would (tests, start-up): the app
    /// sees those writes at its next [`App::tick`] or [`App::reload`].
    pub fn book_mut(&mut self) -> &mut Casebook {
        &mut self.book
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Which pane has the keyboard.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// What the status line says ("" when nothing).
    pub fn status_text(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.text.as_str())
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// `--today` was given: the date never moves on by itself.
    pub fn pinned(&self) -> bool {
        self.pinned
    }

    pub fn set_pinned(&mut self, pinned: bool) {
        self.pinned = pinned;
    }

    /// The terminal's size at the last draw.
    pub fn screen(&self) -> Rect {
        self.screen
    }

    /// The terminal is now `width`×`height`: keep every selection in view on it.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        super::update::sync_scroll(self);
    }

    /// The user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// Every case as a list row, in id order.
    pub fn views(&self) -> &[ListRow] {
        &self.views
    }

    /// Indices into [`App::views`] in the current sort.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Indices into [`App::views`] that pass the filter and the search, in order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// What the filter searches of each case's own fields, row by row as the views.
    pub fn fields(&self) -> &Texts {
        &self.fields
    }

    /// Each case's question texts for the filter (`None` while still being read).
    pub fn haystacks(&self) -> Option<&Texts> {
        self.haystacks.as_ref()
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The selected row of the list (an index into [`App::visible`]).
    pub fn selected_index(&self) -> usize {
        self.cases.selected
    }

    /// What the panes and the bottom lines show, for one frame.
    pub(crate) fn shown(&self) -> Shown<'_> {
        Shown {
            theme: self.theme,
            today: self.today(),
            pinned: self.pinned,
            focus: self.focus,
            normal: matches!(self.mode, Mode::Normal),
            searching: matches!(self.mode, Mode::Search),
            views: &self.views,
            visible: &self.visible,
            counts: self.list_counts(),
            filter: self.filter,
            sort: self.sort,
            search: &self.search,
            query: self.query(),
            finding: self.finding(),
            cases: self.cases,
            questions: self.questions,
            events: self.events,
            selected: self.selected_view(),
            originals: self.originals.len(),
            jump: match &self.mode {
                Mode::Jump(j) => Some(&j.input),
                _ => None,
            },
            status: self.status.as_ref(),
        }
    }

    /// The selected case's originals.
    pub fn originals(&self) -> &[Attachment] {
        &self.originals
    }

    /// Work waits for the next frame (which says it is under way).
    pub(crate) fn has_job(&self) -> bool {
        self.job.is_some()
    }

    /// Bytes for the terminal itself (the clipboard's OSC 52 sequence), taken to write.
    pub(crate) fn take_terminal_bytes(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.to_terminal)
    }

    /// What the clipboard was last asked to hold, as sent to the terminal.
    pub fn terminal_bytes(&self) -> &[u8] {
        &self.to_terminal
    }

    /// The selected case in full, to change behind the casebook's back: a state no
    /// calendar makes, for the views' tests.
    #[cfg(feature = "test-hooks")]
    pub fn selected_view_mut(&mut self) -> Option<&mut crate::casebook::CaseView> {
        let id = self.selected_id()?;
        self.current.as_mut().filter(|v| v.file.case.id == id)
    }
}
