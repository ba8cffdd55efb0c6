//! Full-text search of everything the casebook holds (letters, notes, request text):
//! `//words` in the search line, or `F`. The query runs on Enter, not per keystroke, so
//! typing stays as fast as the list filter; the cases found open over the panes, and the
//! list behind follows the one highlighted.

use super::action::Action;
use super::app::{App, Mode, Pane, Tone};
use super::scroll::Scroll;
use super::update::show_case;
use crate::casebook::SearchHit;
use crate::present::fit;

/// How many cases a search lists at most.
pub const LIMIT: usize = 200;

pub struct Hits {
    /// The words searched for, as typed.
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub list: Scroll,
}

/// `F`: the search line, ready for words to search everything with.
pub fn start(app: &mut App) {
    app.mode = Mode::Normal;
    app.focus = Pane::Cases;
    app.search = super::app::new_line_input();
    app.find = true;
    app.search.set_cursor_style(
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    app.refilter();
    app.mode = Mode::Search;
    app.say(Tone::Info, super::update::find_hint());
}

/// Enter on `//words`: run the search. The search line is cleared either way (it was a
/// question, not a filter).
pub fn run(app: &mut App) {
    let typed = app.query().trim().to_string();
    app.search = super::app::new_line_input();
    app.find = false;
    app.mode = Mode::Normal;
    app.refilter();
    if typed.is_empty() {
        return app.say(
            Tone::Info,
            "Type words after // to search letters, notes and request text",
        );
    }
    match app.book.search(&typed, LIMIT) {
        Ok(hits) if hits.is_empty() => app.say(
            Tone::Info,
            format!("Nothing mentions “{}”", fit(&typed, 40)),
        ),
        Ok(hits) => {
            let n = hits.len();
            let first = hits.first().map(|h| h.case_id);
            app.mode = Mode::Hits(Box::new(Hits {
                query: typed,
                hits,
                list: Scroll::default(),
            }));
            if let Some(id) = first {
                show_case(app, id);
            }
            app.say(
                Tone::Info,
                format!(
                    "{n} case{} found{}; Enter opens",
                    if n == 1 { "" } else { "s" },
                    if n == LIMIT { " (the first 200)" } else { "" }
                ),
            );
        }
        Err(e) => app.say_error(&e),
    }
}

pub fn hits(app: &mut App, action: Action) {
    let page = super::overlays::hits::page(app) as isize;
    let Mode::Hits(h) = &mut app.mode else {
        return;
    };
    let n = h.hits.len();
    let before = h.list.selected;
    match action {
        Action::Down | Action::ScrollDown { .. } => h.list.move_by(1, n),
        Action::Up | Action::ScrollUp { .. } => h.list.move_by(-1, n),
        Action::PageDown => h.list.move_by(page, n),
        Action::PageUp => h.list.move_by(-page, n),
        Action::Open => {
            let id = h.hits.get(h.list.selected).map(|x| x.case_id);
            app.mode = Mode::Normal;
            if let Some(id) = id {
                show_case(app, id);
                app.focus = Pane::Case;
                // The case pane's title names it; a "Case #3" here would outlive it.
                app.status = None;
            }
            return;
        }
        Action::StartFind => return start(app),
        Action::Close => {
            app.mode = Mode::Normal;
            return;
        }
        _ => {}
    }
    if h.list.selected != before
        && let Some(id) = h.hits.get(h.list.selected).map(|x| x.case_id)
    {
        show_case(app, id);
    }
}
