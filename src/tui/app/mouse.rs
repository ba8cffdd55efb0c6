//! The mouse: a click selects a row and focuses its pane; the wheel scrolls the pane
//! under the pointer.

use super::App;
use super::update::move_by;
use crate::tui::effect::Pane;
use crate::tui::layout::CASE_ROWS;
use ratatui::layout::{Position, Rect};

fn pane_at(app: &App, column: u16, row: u16) -> Option<Pane> {
    let a = app.areas();
    let p = Position::new(column, row);
    [
        (a.cases, Pane::Cases),
        (a.case, Pane::Case),
        (a.timeline, Pane::Timeline),
    ]
    .into_iter()
    .find(|(r, _)| r.contains(p))
    .map(|(_, pane)| pane)
}

/// The row within `list` under `row`, if any, counting `height` screen rows per item.
fn item_at(list: Rect, row: u16, column: u16, height: u16, offset: usize) -> Option<usize> {
    list.contains(Position::new(column, row))
        .then(|| offset + ((row - list.y) / height) as usize)
}

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    if app.is_empty() {
        return;
    }
    let Some(pane) = pane_at(app, column, row) else {
        return;
    };
    let a = app.areas();
    match pane {
        Pane::Cases => {
            app.focus = Pane::Cases;
            if let Some(i) = item_at(a.cases_list, row, column, CASE_ROWS, app.cases.offset)
                && i < app.visible.len()
                && i != app.cases.selected
            {
                app.cases.selected = i;
                app.reset_details();
            }
        }
        Pane::Case => {
            if app.selected_view().is_none() {
                return;
            }
            app.focus = Pane::Case;
            let n = app.selected_view().map_or(0, |v| v.file.questions.len());
            if let Some(i) = item_at(a.questions, row, column, 1, app.questions.offset)
                && i < n
            {
                app.questions.selected = i;
            }
        }
        Pane::Timeline => {
            let Some(v) = app.selected_view() else {
                return;
            };
            let n = v.file.events.len();
            app.focus = Pane::Timeline;
            if let Some(i) = item_at(a.events, row, column, 1, app.events.offset)
                && i < n
            {
                app.events.selected = i;
            }
        }
    }
}

pub(super) fn wheel(app: &mut App, column: u16, row: u16, delta: isize) {
    if let Some(pane) = pane_at(app, column, row) {
        let before = app.focus;
        app.focus = pane;
        move_by(app, delta);
        app.focus = before;
    }
}
