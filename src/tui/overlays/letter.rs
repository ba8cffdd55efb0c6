//! The letter over the panes: wrapped to the box, scrolled with the keys, and
//! the path prompt or "replace?" on top when writing it to a file.

use super::popup_block;
use crate::tui::layout::{inner, letter_box, letter_width};
use crate::tui::letter::{LetterOverlay, wrapped};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

pub fn draw(f: &mut Frame, theme: Theme, d: &LetterOverlay, main: Rect) {
    let r = letter_box(main);
    let lines = wrapped(&d.text, letter_width(main));
    let shown = inner(r).height as usize;
    let total = lines.len();
    let first = (d.scroll as usize).min(total);
    let last = (first + shown).min(total);
    let title = format!(
        "{} · case #{}",
        match d.kind {
            crate::casebook::LetterKind::Review => "Internal review request",
            crate::casebook::LetterKind::Ico => "Complaint to the Commissioner",
            crate::casebook::LetterKind::Chaser => "Reminder to the authority",
        },
        d.case_id
    );
    let position = if total <= shown {
        " all of it ".to_string()
    } else {
        format!(" lines {}–{} of {total} ", first + 1, last)
    };
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(
            lines[first..last]
                .iter()
                .map(|l| Line::raw(l.clone()))
                .collect::<Vec<_>>(),
        )
        .block(
            popup_block(title, theme)
                .title_bottom(Line::styled(position, theme.dim()).right_aligned()),
        ),
        r,
    );
    if let Some(path) = &d.overwrite {
        super::prompt::draw_overwrite(f, theme, path, main);
    } else if let Some(p) = &d.prompt {
        super::prompt::draw_path(f, theme, p, main);
    }
}
