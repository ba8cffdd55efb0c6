//! Full-text search of everything the casebook holds (letters, notes, request text):
//! `//words` in the search line, or `F`. The query runs on Enter, not per keystroke, so
//! typing stays as fast as the list filter; the cases found open over the panes, and the
//! list behind follows the one highlighted.

use super::action::Action;
use super::effect::{Ctx, Effect, Open, Pane, Tone};
use super::layout::hits_page;
use super::scroll::Scroll;
use crate::casebook::SearchHit;
use crate::present::{fit, plural};

/// How many cases a search lists at most.
pub const LIMIT: usize = 200;

pub struct Hits {
    /// The words searched for, as typed.
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub list: Scroll,
}

/// Enter on `//words`: run the search of `typed`; the hits open over the panes (`None`:
/// nothing found, or nothing typed, and the status line says so).
pub fn run(typed: String, ctx: &mut Ctx<'_>) -> Option<Hits> {
    if typed.is_empty() {
        ctx.say(
            Tone::Info,
            "Type words after // to search letters, notes and request text",
        );
        return None;
    }
    match ctx.book.search(&typed, LIMIT) {
        Ok(hits) if hits.is_empty() => {
            ctx.say(
                Tone::Info,
                format!("Nothing mentions “{}”", fit(&typed, 40)),
            );
            None
        }
        Ok(hits) => {
            let n = hits.len();
            if let Some(first) = hits.first() {
                ctx.emit(Effect::ShowCase(first.case_id));
            }
            ctx.say(
                Tone::Info,
                format!(
                    "{} found{}; Enter opens",
                    plural(n, "case", "cases"),
                    if n == LIMIT { " (the first 200)" } else { "" }
                ),
            );
            Some(Hits {
                query: typed,
                hits,
                list: Scroll::default(),
            })
        }
        Err(e) => {
            ctx.say_error(&e);
            None
        }
    }
}

impl Hits {
    fn selected_case(&self) -> Option<i64> {
        self.hits.get(self.list.selected).map(|x| x.case_id)
    }

    /// Keys while the hits are open: the list behind follows the one highlighted.
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let page = hits_page(ctx.main) as isize;
        let n = self.hits.len();
        let before = self.list.selected;
        match action {
            Action::Down | Action::ScrollDown { .. } => self.list.move_by(1, n),
            Action::Up | Action::ScrollUp { .. } => self.list.move_by(-1, n),
            Action::PageDown => self.list.move_by(page, n),
            Action::PageUp => self.list.move_by(-page, n),
            Action::Open => {
                ctx.emit(Effect::Close);
                if let Some(id) = self.selected_case() {
                    ctx.emit(Effect::ShowCase(id));
                    ctx.emit(Effect::Focus(Pane::Case));
                    // The case pane's title names it; a "Case #3" here would outlive it.
                    ctx.emit(Effect::Hush);
                }
                return;
            }
            Action::StartFind => return ctx.emit(Effect::Open(Open::Find)),
            Action::Close => return ctx.emit(Effect::Close),
            _ => {}
        }
        if self.list.selected != before
            && let Some(id) = self.selected_case()
        {
            ctx.emit(Effect::ShowCase(id));
        }
    }
}
