//! "Delete …? y/n".

use super::popup_block;
use crate::tui::edit::Confirm;
use crate::tui::layout::centered;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub fn draw(f: &mut Frame, theme: Theme, c: &Confirm, area: Rect) {
    let lines = vec![
        Line::raw(c.question.clone()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" delete   "),
            Span::styled("n", theme.key()),
            Span::raw(" keep   "),
            Span::styled("(u undoes a delete)", theme.dim()),
        ]),
    ];
    let width = 60.min(area.width);
    let text_rows = (c.question.chars().count() as u16 / width.saturating_sub(4).max(1)) + 1;
    let r = centered(area, width, text_rows + 4);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(popup_block("Delete?".into(), theme)),
        r,
    );
}
