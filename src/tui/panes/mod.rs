//! The three panes, the welcome screen, and the two lines at the bottom. Each only draws
//! from the state it is given.

pub mod case_detail;
pub mod cases;
pub mod footer;
pub mod timeline;
pub mod welcome;

use super::effect::{Pane, Status};
use super::scroll::Scroll;
use super::theme::Theme;
use crate::casebook::{CaseView, Filter, ListRow, Sort};
use chrono::NaiveDate;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use ratatui_textarea::TextArea;

/// What the panes and the bottom lines show, read from the app for one frame: they draw
/// from this alone.
pub struct Shown<'a> {
    pub theme: Theme,
    pub today: NaiveDate,
    /// `--today` was given.
    pub pinned: bool,
    /// The pane with the keyboard.
    pub focus: Pane,
    /// Nothing is open over the panes; the search line is being typed into.
    pub normal: bool,
    pub searching: bool,
    /// Every case as a list row, and the indices of those listed, in order.
    pub views: &'a [ListRow],
    pub visible: &'a [usize],
    /// The cases listed and the cases in all, as the list's title counts them (while
    /// the whole list is read, the first screen's rows are fewer than these).
    pub counts: (usize, usize),
    pub filter: Filter,
    pub sort: Sort,
    /// The search line, what it holds, and whether it searches everything (`//`).
    pub search: &'a TextArea<'static>,
    pub query: &'a str,
    pub finding: bool,
    pub cases: Scroll,
    pub questions: Scroll,
    pub events: Scroll,
    /// The selected case in full, and how many originals it keeps.
    pub selected: Option<&'a CaseView>,
    pub originals: usize,
    /// Typing a case to jump to: the status line is this input.
    pub jump: Option<&'a TextArea<'static>>,
    pub status: Option<&'a Status>,
}

/// A pane's frame: rounded, its title bold, highlighted when it has the keyboard.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: Theme) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(theme.border(focused))
        .title(title.style(theme.title(focused)))
}

/// A line cut to `width` columns at a character boundary (spans keep their styles).
pub fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    let mut used = 0;
    let mut spans: Vec<Span<'static>> = Vec::new();
    for s in line.spans {
        let w = s.content.width();
        if used + w <= width {
            used += w;
            spans.push(s);
            continue;
        }
        let room = width.saturating_sub(used);
        if room > 0 {
            spans.push(Span::styled(crate::present::fit(&s.content, room), s.style));
        }
        break;
    }
    Line::from(spans).style(line.style)
}
