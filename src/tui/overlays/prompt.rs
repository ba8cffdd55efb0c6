//! Small popups: a file's path (with what Tab found), "Importing…", a file import to
//! confirm, and "replace this file?".

use super::popup_block;
use crate::present::{fit, plural};
use crate::tui::import_file::FileImport;
use crate::tui::layout::{centered, inner};
use crate::tui::prompt::{PathFor, PathPrompt};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use std::path::Path;

/// The path prompt: what the file is for, the path typed, what Tab found, and what is
/// wrong with the path.
pub fn draw_path(f: &mut Frame, theme: Theme, p: &PathPrompt, area: Rect) {
    let (title, intro) = title_and_intro(p.purpose);
    let width = 76.min(area.width);
    let text_w = width.saturating_sub(4).max(1) as usize;
    let intro_rows = intro.len().div_ceil(text_w).max(1) as u16 + 1;
    let height = 2 + intro_rows + 1 + choice_rows(p) + u16::from(p.error.is_some()) * 2;
    let r = centered(area, width, height.min(area.height));
    f.render_widget(Clear, r);
    f.render_widget(popup_block(title.into(), theme), r);
    let mut a = inner(r);
    a.x += 1;
    a.width = a.width.saturating_sub(2);
    let mut rows = Rows { area: a, y: a.y };
    f.render_widget(
        Paragraph::new(Line::styled(intro, theme.dim())).wrap(Wrap { trim: true }),
        rows.next(intro_rows),
    );
    let row = rows.next(1);
    f.render_widget(Paragraph::new(Span::styled("File ", theme.key())), row);
    f.render_widget(
        &p.input,
        Rect {
            x: row.x + 5,
            width: row.width.saturating_sub(5),
            ..row
        },
    );
    draw_choices(f, p, &mut rows, text_w, theme);
    if let Some(e) = &p.error {
        f.render_widget(
            Paragraph::new(Line::styled(
                format!("✗ {}", crate::domain::text::inert_line(e)),
                theme.error(),
            ))
            .wrap(Wrap { trim: true }),
            rows.next(2),
        );
    }
}

/// The popup's title and the sentence under it, by what the path is for.
fn title_and_intro(purpose: PathFor) -> (&'static str, &'static str) {
    match purpose {
        PathFor::Import => (
            "Import a file",
            "A response letter (text, PDF, Word, an e-mail, a saved web page): you review what was read before it is saved. Or a mailbox (mbox, Maildir), a WhatDoTheyKnow download or JSON file, a foi JSON export.",
        ),
        PathFor::WriteLetter => (
            "Write the letter to a file",
            "Readable by you only. A file that is already there is not replaced without asking.",
        ),
    }
}

/// Rows for what Tab found: one a name, and one more when some are not shown.
fn choice_rows(p: &PathPrompt) -> u16 {
    if p.choices.is_empty() {
        0
    } else {
        p.choices.len() as u16 + u16::from(p.total > p.choices.len())
    }
}

/// Rows handed out top to bottom, none past the area's end.
struct Rows {
    area: Rect,
    y: u16,
}

impl Rows {
    fn next(&mut self, rows: u16) -> Rect {
        let end = self.area.y + self.area.height;
        let row = Rect {
            y: self.y,
            height: rows.min(end.saturating_sub(self.y)),
            ..self.area
        };
        self.y = (self.y + rows).min(end);
        row
    }
}

/// The names Tab found, folders in the accent colour, and how many more there are.
fn draw_choices(f: &mut Frame, p: &PathPrompt, rows: &mut Rows, text_w: usize, theme: Theme) {
    for c in &p.choices {
        let style = if c.ends_with('/') {
            theme.accent()
        } else {
            theme.plain()
        };
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("     {}", fit(c, text_w.saturating_sub(5))),
                style,
            )),
            rows.next(1),
        );
    }
    if p.total > p.choices.len() {
        f.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "     … and {} more: type more of the name",
                    p.total - p.choices.len()
                ),
                theme.dim(),
            )),
            rows.next(1),
        );
    }
}

/// "Importing 12 cases…": drawn before the work starts.
pub fn draw_busy(f: &mut Frame, theme: Theme, message: &str, area: Rect) {
    let width = (message.chars().count() as u16 + 8)
        .clamp(30, 76)
        .min(area.width);
    let r = centered(area, width, 3);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(vec![Line::styled(message.to_string(), theme.bold())])
            .wrap(Wrap { trim: true })
            .block(popup_block("One moment".into(), theme)),
        r,
    );
}

/// The dry run's count, waiting for a yes.
pub fn draw_file(f: &mut Frame, theme: Theme, file: &FileImport, area: Rect) {
    let n = file.report.count;
    let cases = |n: usize| plural(n, "case", "cases");
    let mut lines = vec![
        Line::from(vec![
            Span::styled(fit(&file.name, 50), theme.bold()),
            Span::styled(format!(" is {} file.", file.kind), theme.plain()),
        ]),
        Line::raw(""),
    ];
    let messages = file.holds_messages();
    if n == 0 && messages {
        lines.push(Line::styled(
            "Nothing to import: every message in it is already here or not FOI correspondence.",
            theme.warn(),
        ));
    } else if n == 0 {
        lines.push(Line::styled(
            "Nothing to import: every case in it is already in the casebook.",
            theme.warn(),
        ));
    } else if messages {
        lines.push(Line::styled(
            format!("Import its messages into {}?", cases(n)),
            theme.bold(),
        ));
    } else {
        lines.push(Line::styled(
            format!("Import {} into the casebook?", cases(n)),
            theme.bold(),
        ));
    }
    if !file.report.skipped.is_empty() && messages {
        lines.push(Line::styled(
            format!(
                "{} will be skipped (imported before, or not FOI correspondence).",
                plural(file.report.skipped.len(), "message", "messages")
            ),
            theme.dim(),
        ));
    } else if !file.report.skipped.is_empty() {
        lines.push(Line::styled(
            format!(
                "{} already here will be skipped (same authority and reference).",
                cases(file.report.skipped.len())
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(" import   "),
        Span::styled("n", theme.key()),
        Span::raw(" cancel   "),
        Span::styled("(all or nothing)", theme.dim()),
    ]));
    let width = 72.min(area.width);
    let r = centered(area, width, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(popup_block("Import".into(), theme)),
        r,
    );
}

/// "Replace …? y/n".
pub fn draw_overwrite(f: &mut Frame, theme: Theme, path: &Path, area: Rect) {
    let lines = vec![
        Line::styled(fit(&path.display().to_string(), 58), theme.bold()),
        Line::raw("is already there. Replace it with the letter?"),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" replace   "),
            Span::styled("n", theme.key()),
            Span::raw(" keep it"),
        ]),
    ];
    let r = centered(area, 64.min(area.width), 8);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(popup_block("Replace the file?".into(), theme)),
        r,
    );
}
