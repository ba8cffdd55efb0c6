//! `?`: every key, by where it works, read from the key map itself.

use super::popup_block;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The help box on this screen.
fn area(screen: Rect) -> Rect {
    centered(screen, 92, screen.height)
}

/// Columns for the text inside the box (borders and padding off).
fn text_width(app: &App) -> usize {
    (area(app.areas().main).width as usize).saturating_sub(4)
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

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let width = text_width(app).max(KEYS_W + 20);
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

pub fn draw(f: &mut Frame, app: &App, scroll: u16, area: Rect) {
    let r = self::area(area);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines(app))
            .scroll((scroll, 0))
            .block(popup_block(
                "Keys · Esc closes · j/k scroll".into(),
                app.theme,
            )),
        r,
    );
}
