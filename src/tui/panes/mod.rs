//! The three panes, the welcome screen, and the two lines at the bottom. Each only draws
//! from the state it is given.

pub mod case_detail;
pub mod cases;
pub mod footer;
pub mod timeline;
pub mod welcome;

use super::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

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
