//! The empty casebook: a friendly first screen that says what to do.

use super::Shown;
use crate::tui::keymap::{self, Context};
use crate::tui::layout::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

pub fn draw(f: &mut Frame, ui: &Shown<'_>, area: Rect) {
    let theme = ui.theme;
    let mut lines = vec![
        Line::styled("Your FOI casebook is empty.", theme.bold()),
        Line::raw(""),
        Line::raw("Keep every Freedom of Information request here: its questions, what"),
        Line::raw("each got, and the deadlines that follow — counted for you."),
        Line::raw(""),
    ];
    for b in keymap::table(Context::Welcome).iter().take(3) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<3}", keymap::keys_label(b)), theme.key()),
            Span::raw(b.help.to_string()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("  ?  ", theme.key()),
        Span::styled("every key   ", theme.dim()),
        Span::styled("q  ", theme.key()),
        Span::styled("quit", theme.dim()),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Everything stays in one file on this machine.",
        theme.dim(),
    ));
    let height = lines.len() as u16 + 4;
    let boxed = centered(area, 76, height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Line::styled(" Welcome ", theme.title(true)))
        .padding(ratatui::widgets::Padding::new(2, 2, 1, 1));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        boxed,
    );
}
