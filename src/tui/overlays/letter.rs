//! The letter over the panes: wrapped to the box, scrolled with the keys, and
//! the path prompt or "replace?" on top when writing it to a file.

use super::popup_block;
use crate::domain::text::inert;
use crate::tui::app::{App, Mode};
use crate::tui::layout::{centered, inner};
use crate::tui::letter::LetterOverlay;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The letter's box on this screen.
fn area(main: Rect) -> Rect {
    centered(main, 84, main.height)
}

/// Columns for the text inside the box.
fn text_width(main: Rect) -> usize {
    (area(main).width as usize).saturating_sub(4).max(10)
}

fn rows(main: Rect) -> u16 {
    inner(area(main)).height
}

/// Break one line between words to `width` columns, keeping its indentation; a word too
/// long for a line is cut.
fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    let body = line.trim_start();
    let indent = (line.len() - body.len()).min(width / 2);
    let lead = " ".repeat(indent);
    let room = width.saturating_sub(indent).max(1);
    if body.is_empty() {
        out.push(String::new());
        return;
    }
    let mut cur = String::new();
    for word in body.split(' ') {
        let mut word = word.to_string();
        while word.width() > room {
            if !cur.is_empty() {
                out.push(format!("{lead}{}", std::mem::take(&mut cur)));
            }
            let mut head = String::new();
            let mut rest = String::new();
            for c in word.chars() {
                if rest.is_empty() && (head.width() + c.to_string().width()) <= room {
                    head.push(c);
                } else {
                    rest.push(c);
                }
            }
            out.push(format!("{lead}{head}"));
            word = rest;
        }
        if !cur.is_empty() && cur.width() + 1 + word.width() > room {
            out.push(format!("{lead}{}", std::mem::take(&mut cur)));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    out.push(format!("{lead}{cur}"));
}

/// The letter in lines of at most `width` columns, made inert.
pub fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in inert(text, true).lines() {
        wrap_line(line, width, &mut out);
    }
    out
}

fn current(app: &App) -> Option<&LetterOverlay> {
    match &app.mode {
        Mode::Letter(d) => Some(d),
        _ => None,
    }
}

/// How far the letter can scroll on this screen.
pub fn max_scroll(app: &App) -> u16 {
    let main = app.areas().main;
    let n = current(app).map_or(0, |d| wrapped(&d.text, text_width(main)).len());
    (n as u16).saturating_sub(rows(main))
}

pub fn page(app: &App) -> u16 {
    rows(app.areas().main).saturating_sub(1).max(1)
}

pub fn draw(f: &mut Frame, app: &App, d: &LetterOverlay, main: Rect) {
    let theme = app.theme;
    let r = area(main);
    let lines = wrapped(&d.text, text_width(main));
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
        super::prompt::draw_overwrite(f, app, path, main);
    } else if let Some(p) = &d.prompt {
        super::prompt::draw_path(f, app, p, main);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_between_words_and_keep_indentation() {
        let w = wrapped(
            "Dear Sir,\n\n  one two three four five six\nabcdefghijkl",
            10,
        );
        assert_eq!(
            w,
            vec![
                "Dear Sir,",
                "",
                "  one two",
                "  three",
                "  four",
                "  five six",
                "abcdefghij",
                "kl"
            ]
        );
        assert!(wrapped("x\u{1b}[2J", 20)[0].contains('␛'));
    }
}
