//! `?`: every key, by where it works, read from the key map itself.

use super::popup_block;
use crate::tui::action::Action;
use crate::tui::effect::{Ctx, Effect};
use crate::tui::keymap::{self, Context};
use crate::tui::layout::help_box;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// `?`: every key, scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: u16,
}

impl Help {
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        if action == Action::CloseHelp {
            return ctx.emit(Effect::Close);
        }
        let page = ctx.screen.height.saturating_sub(6);
        let max = (lines(Theme::MONO, ctx.main).len() as u16).saturating_sub(page);
        let next = match action {
            Action::Down => self.scroll.saturating_add(1),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll.saturating_add(page),
            Action::PageUp => self.scroll.saturating_sub(page),
            _ => self.scroll,
        };
        self.scroll = next.min(max);
    }

    pub fn draw(&self, f: &mut Frame, theme: Theme, main: Rect) {
        let r = help_box(main);
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(lines(theme, main))
                .scroll((self.scroll, 0))
                .block(popup_block("Keys · Esc closes · j/k scroll".into(), theme)),
            r,
        );
    }
}

/// Columns for the text inside the box (borders and padding off).
fn text_width(main: Rect) -> usize {
    (help_box(main).width as usize).saturating_sub(4)
}

/// `text` in lines of at most `width` columns, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

const KEYS_W: usize = 18;

/// The help's text, line by line, for a box over `main`.
pub fn lines(theme: Theme, main: Rect) -> Vec<Line<'static>> {
    let width = text_width(main).max(KEYS_W + 20);
    let mut out = vec![Line::styled(
        "Every change is saved at once. Mouse: click selects, wheel scrolls.",
        theme.dim(),
    )];
    for ctx in Context::HELP_ORDER {
        out.push(Line::raw(""));
        out.push(Line::styled(ctx.title().to_string(), theme.accent()));
        for b in keymap::table(ctx) {
            let keys = format!("  {:<16}", keymap::keys_label(b));
            for (i, part) in wrap(b.help, width - KEYS_W).into_iter().enumerate() {
                let lead = if i == 0 {
                    keys.clone()
                } else {
                    " ".repeat(KEYS_W)
                };
                out.push(Line::from(vec![
                    Span::styled(lead, theme.key()),
                    Span::raw(part),
                ]));
            }
        }
    }
    out
}
