//! `?`: every key, by where it works, read from the key map itself.

use super::popup_block;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out = vec![Line::styled(
        "Every change is saved at once. Mouse: click to select, wheel to scroll.",
        theme.dim(),
    )];
    for ctx in Context::HELP_ORDER {
        out.push(Line::raw(""));
        out.push(Line::styled(ctx.title().to_string(), theme.accent()));
        for b in keymap::table(ctx) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keymap::keys_label(b)), theme.key()),
                Span::raw(b.help.to_string()),
            ]));
        }
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, scroll: u16, area: Rect) {
    let r = centered(area, 92, area.height);
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
