//! What opens over the panes: help, a delete confirmation, a form, an import, a written
//! letter, search results, statistics.

pub mod agenda;
pub mod batch;
pub mod confirm;
pub mod form;
pub mod help;
pub mod hits;
pub mod import;
pub mod letter;
pub mod prompt;
pub mod stats;

use super::theme::Theme;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding};

/// A popup's frame.
pub fn popup_block(title: String, theme: Theme) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Line::styled(format!(" {title} "), theme.title(true)))
        .padding(Padding::horizontal(1))
}
