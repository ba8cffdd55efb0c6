//! The review of a letter before it is saved: where it will go, the fields read from it
//! (one row each, dates understood as they are typed, what the letter did not give in
//! amber), the questions with their outcomes, and the reader's warnings.

use super::form::{choice_note, draw_input, hint_line, problem_for};
use super::popup_block;
use crate::present::{fit, outcome_badge, pad};
use crate::tui::forms::field::{Check, Field, FieldId, FieldKind};
use crate::tui::import::{Destination, ImportReview, as_question, lacks_exemption};
use crate::tui::layout::{centered, inner};
use crate::tui::panes::clip;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

const LABEL_W: u16 = 17;
/// Columns for a date or period input before its hint.
const SHORT_W: u16 = 18;

fn rule(text: &str, width: usize, theme: Theme) -> Line<'static> {
    let head = format!("─ {text} ");
    let rest = width.saturating_sub(head.width());
    Line::from(vec![
        Span::styled(head, theme.bold()),
        Span::styled("─".repeat(rest), theme.dim()),
    ])
}

fn destination_line(r: &ImportReview, width: usize, theme: Theme) -> Line<'static> {
    let line = match &r.destination {
        Destination::New => Line::from(vec![
            Span::styled("Saves as ", theme.plain()),
            Span::styled(
                "a new case",
                theme.good().add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::styled(" with the response and its letter", theme.dim()),
        ]),
        Destination::Existing { id, title } => Line::from(vec![
            Span::styled("Adds the response to ", theme.plain()),
            Span::styled(format!("case #{id}"), theme.accent()),
            Span::styled(
                format!(" “{}” (same reference)", fit(title, 40)),
                theme.plain(),
            ),
        ]),
        Destination::Unclear(m) => Line::styled(format!("✗ {m}"), theme.error()),
    };
    let mut line = line;
    if !r.originals.is_empty() {
        let names: Vec<&str> = r.originals.iter().map(|o| o.name.as_str()).collect();
        line.spans.push(Span::styled(
            format!(" · keeps {}", fit(&names.join(", "), 60)),
            theme.dim(),
        ));
    }
    clip(line, width)
}

/// Problems shown: a wrong value at once; an empty required one once saving was tried.
fn shown_problems(r: &ImportReview) -> Vec<(FieldId, String)> {
    r.problems()
        .into_iter()
        .filter(|(id, _)| {
            r.form.tried
                || r.form
                    .get(*id)
                    .is_some_and(|fl| matches!(fl.check(r.form.today), Check::Wrong(_)))
        })
        .collect()
}

/// The problems of fields without a hint of their own, and what saving said; two at most.
fn bottom_lines(r: &ImportReview) -> Vec<String> {
    let problems = shown_problems(r);
    let mut bottom: Vec<String> = r
        .form
        .shown()
        .filter(|(_, fl)| !fl.has_hint_row())
        .filter_map(|(_, fl)| problem_for(&r.form, fl, &problems))
        .collect();
    if let Some(e) = &r.form.error
        && !bottom.contains(e)
    {
        bottom.push(e.clone());
    }
    bottom.truncate(2);
    bottom
}

/// Hands out the box's rows from the top, one or several at a time, until none are left.
struct Rows {
    area: Rect,
    y: u16,
    end: u16,
}

impl Rows {
    fn new(area: Rect) -> Rows {
        Rows {
            area,
            y: area.y,
            end: area.y + area.height,
        }
    }

    /// The next row, if any is left.
    fn line(&mut self) -> Option<Rect> {
        (self.y < self.end).then(|| {
            let row = Rect {
                y: self.y,
                height: 1,
                ..self.area
            };
            self.y += 1;
            row
        })
    }

    /// Up to `wanted` rows, as many as are left.
    fn block(&mut self, wanted: u16) -> Rect {
        let height = wanted.min(self.end.saturating_sub(self.y));
        let block = Rect {
            y: self.y,
            height,
            ..self.area
        };
        self.y += height;
        block
    }
}

/// The rows every part but the questions needs (destination, fields, heading, warnings,
/// problems), and how many of them go to the warnings.
struct Heights {
    fixed: u16,
    warnings: u16,
}

fn heights(r: &ImportReview, notes: usize, bottom: usize, height: u16) -> Heights {
    let fields = r.form.shown().count() as u16;
    // The notes get what is left once the fields and three questions have their rows.
    let room = height.saturating_sub(2 + 1 + fields + 1 + 3 + bottom as u16);
    let warnings = if notes == 0 {
        0
    } else {
        // A heading alone says nothing: then no rows at all.
        Some((notes as u16 + 1).min(room).min(7))
            .filter(|n| *n >= 2)
            .unwrap_or(0)
    };
    Heights {
        fixed: 1 + fields + 1 + warnings + bottom as u16,
        warnings,
    }
}

/// Clears the box, draws its border and title (with how many questions were left out),
/// and returns the room inside, one column in from each side.
fn draw_box(f: &mut Frame, r: &ImportReview, box_area: Rect, theme: Theme) -> Rect {
    f.render_widget(Clear, box_area);
    let mut title = r.form.title.clone();
    if r.removed > 0 {
        title.push_str(&format!(" · {} left out", r.removed));
    }
    f.render_widget(popup_block(title, theme), box_area);
    let mut a = inner(box_area);
    a.x += 1;
    a.width = a.width.saturating_sub(2);
    a
}

pub fn draw(f: &mut Frame, theme: Theme, r: &ImportReview, area: Rect) {
    let notes = r.notes();
    let bottom = bottom_lines(r);
    let h = heights(r, notes.len(), bottom.len(), area.height);
    let wanted = 2 + h.fixed + (r.questions.len() as u16).max(1);
    let a = draw_box(f, r, centered(area, 110, wanted.min(area.height)), theme);
    let width = a.width as usize;
    let mut rows = Rows::new(a);
    if let Some(row) = rows.line() {
        f.render_widget(Paragraph::new(destination_line(r, width, theme)), row);
    }
    draw_fields(f, r, &mut rows, theme);
    if let Some(row) = rows.line() {
        f.render_widget(
            Paragraph::new(rule(&questions_heading(r), width, theme)),
            row,
        );
    }
    let questions = rows.block(a.height.saturating_sub(h.fixed).max(1));
    draw_questions(f, r, questions, theme);
    if h.warnings > 0 {
        draw_notes(f, &notes, h.warnings, &mut rows, theme);
    }
    for p in &bottom {
        let Some(row) = rows.line() else { break };
        f.render_widget(
            Paragraph::new(Span::styled(fit(&format!("✗ {p}"), width), theme.error())),
            row,
        );
    }
    if let Some(sub) = &r.sub {
        super::form::draw(f, theme, sub, area);
    }
}

/// One row per field shown, the focused one marked, while rows are left.
fn draw_fields(f: &mut Frame, r: &ImportReview, rows: &mut Rows, theme: Theme) {
    let problems = shown_problems(r);
    for (i, fl) in r.form.shown() {
        let Some(row) = rows.line() else { break };
        let focused = !r.in_questions && i == r.form.focus;
        draw_row(f, r, fl, focused, &problems, row, theme);
    }
}

fn questions_heading(r: &ImportReview) -> String {
    let mut head = format!("Questions ({})", r.questions.len());
    if !r.in_questions && !r.questions.is_empty() {
        head.push_str(" · Tab from the last field to change outcomes");
    }
    head
}

/// The reader's warnings under a heading, in `height` rows (heading included); the last
/// row shown says how many more there are.
fn draw_notes(f: &mut Frame, notes: &[String], height: u16, rows: &mut Rows, theme: Theme) {
    let Some(row) = rows.line() else { return };
    let width = row.width as usize;
    let head = if notes.len() == 1 {
        "Check this".to_string()
    } else {
        format!("Check these ({})", notes.len())
    };
    f.render_widget(Paragraph::new(rule(&head, width, theme)), row);
    let shown = height as usize - 1;
    let more = notes.len().saturating_sub(shown);
    for (n, w) in notes.iter().enumerate().take(shown) {
        let Some(row) = rows.line() else { break };
        let text = if n + 1 == shown && more > 0 {
            format!("⚠ {} (+{more} more)", w)
        } else {
            format!("⚠ {w}")
        };
        f.render_widget(
            Paragraph::new(Span::styled(fit(&text, width), theme.warn())),
            row,
        );
    }
}

/// A field's row: its label (red if wrong, amber if the letter did not give it), then
/// its input, a date's or period's hint, or a choice between arrows.
fn draw_row(
    f: &mut Frame,
    r: &ImportReview,
    fl: &Field,
    focused: bool,
    problems: &[(FieldId, String)],
    row: Rect,
    theme: Theme,
) {
    let wrong = problem_for(&r.form, fl, problems).is_some();
    let missing = r.is_missing(fl.id);
    let label_style = match (focused, wrong, missing) {
        (_, true, _) => theme.error(),
        (true, _, _) => theme.accent(),
        (false, false, true) => theme.warn(),
        _ => theme.plain(),
    };
    let marker = if focused { "▸ " } else { "  " };
    f.render_widget(
        Paragraph::new(Line::styled(format!("{marker}{}", fl.label), label_style)),
        Rect {
            width: LABEL_W.min(row.width),
            ..row
        },
    );
    let input = Rect {
        x: row.x + LABEL_W.min(row.width),
        width: row.width.saturating_sub(LABEL_W),
        ..row
    };
    match &fl.kind {
        FieldKind::Text { input: t, .. } => draw_input(f, t, focused, input, theme),
        FieldKind::Date { input: t, .. } | FieldKind::Span { input: t }
            if t.is_empty() && !wrong =>
        {
            draw_input(f, t, focused, input, theme)
        }
        FieldKind::Date { input: t, .. } | FieldKind::Span { input: t } => {
            let short = Rect {
                width: SHORT_W.min(input.width),
                ..input
            };
            draw_input(f, t, focused, short, theme);
            let rest = Rect {
                x: input.x + short.width + 1,
                width: input.width.saturating_sub(short.width + 1),
                ..input
            };
            if !t.is_empty() || wrong {
                let hint = hint_line(&r.form, fl, problems, theme);
                f.render_widget(Paragraph::new(clip(hint, rest.width as usize)), rest);
            }
        }
        FieldKind::Choice { options, index } => {
            let value = options.get(*index).copied().unwrap_or("");
            let line = choice_line(fl.id, value, focused, missing, theme);
            f.render_widget(Paragraph::new(clip(line, input.width as usize)), input);
        }
        _ => {}
    }
}

/// A choice between arrows, what it means, and a warning if the letter did not name it.
fn choice_line(
    id: FieldId,
    value: &str,
    focused: bool,
    missing: bool,
    theme: Theme,
) -> Line<'static> {
    let value_style = if focused {
        theme.accent()
    } else {
        theme.bold()
    };
    let mut spans = vec![
        Span::styled("◂ ", theme.dim()),
        Span::styled(value.to_string(), value_style),
        Span::styled(" ▸", theme.dim()),
    ];
    let note = choice_note(id, value);
    if !note.is_empty() {
        spans.push(Span::styled(format!("  {note}"), theme.dim()));
    }
    if missing {
        spans.push(Span::styled(
            "  (not named in the letter: check it)",
            theme.warn(),
        ));
    }
    Line::from(spans)
}

fn draw_questions(f: &mut Frame, r: &ImportReview, area: Rect, theme: Theme) {
    if area.height == 0 {
        return;
    }
    let width = area.width as usize;
    if r.questions.is_empty() {
        f.render_widget(
            Paragraph::new(Line::styled(
                "No questions: the response is saved without them.",
                theme.dim(),
            )),
            area,
        );
        return;
    }
    let rows = area.height as usize;
    let sel = r.list.selected;
    let start = if sel >= rows { sel + 1 - rows } else { 0 };
    let label_w = r
        .questions
        .iter()
        .map(|q| fit(&q.label, 14).width())
        .max()
        .unwrap_or(8);
    let mut lines = Vec::new();
    for (i, q) in r.questions.iter().enumerate().skip(start).take(rows) {
        let selected = r.in_questions && i == sel;
        let badge = outcome_badge(&as_question(q));
        let (badge, badge_style) = if lacks_exemption(q) {
            (format!("⚠ {} s?", q.outcome), theme.warn())
        } else {
            (badge, theme.outcome(q.outcome))
        };
        let marker = if selected { "▸ " } else { "  " };
        let line = Line::from(vec![
            Span::raw(marker),
            Span::styled(pad(&q.label, label_w), theme.bold()),
            Span::raw("  "),
            Span::styled(pad(&badge, 18), badge_style),
            Span::raw("  "),
            Span::styled(
                crate::domain::text::inert_line(&q.text).into_owned(),
                theme.dim(),
            ),
        ]);
        let line = clip(line, width);
        let line = if selected {
            let w = line.width();
            let mut spans = line.spans;
            spans.push(Span::raw(" ".repeat(width.saturating_sub(w))));
            Line::from(spans).style(theme.selected(true))
        } else {
            line.style(Style::default())
        };
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), area);
}
