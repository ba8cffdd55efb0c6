//! Round robins: the list of batches, and a batch's grid — authorities down, questions
//! across, each cell coloured by its outcome — with the batch's timing above and the
//! selected question's counts and the selected authority's case below.

use super::popup_block;
use crate::casebook::{BatchGrid, GridRow, QuestionCounts, Timing};
use crate::domain::dates::long;
use crate::domain::text::inert_line;
use crate::present::{fit, pad, plural};
use crate::tui::batch_view::{BatchList, BatchScreen};
use crate::tui::layout::{BATCH_CHROME, batch_rows, centered, inner};
use crate::tui::panes::clip;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The narrowest and widest a question's column gets (one space between columns):
/// narrow screens show fewer questions at once, wide ones the whole of longer cells.
const CELL_MIN: usize = 12;
const CELL_MAX: usize = 22;
const TIMING_W: usize = 9;
pub fn draw_list(f: &mut Frame, theme: Theme, l: &BatchList, main: Rect) {
    let r = centered(main, 100, (l.rows.len() as u16 + 2).min(main.height));
    f.render_widget(Clear, r);
    let title = format!("Round robins · {}", l.rows.len());
    f.render_widget(popup_block(title, theme), r);
    let a = inner(r);
    let width = a.width as usize;
    let shown = (a.height as usize).max(1);
    let start = (l.list.selected + 1).saturating_sub(shown);
    let lines: Vec<Line> = l
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(shown)
        .map(|(i, row)| {
            let b = &row.batch;
            let sent = b.sent.map(long).unwrap_or_else(|| "draft".into());
            let text = format!(
                "#{:<4} {} {:<6} {:<16} {}, {} responded",
                b.id,
                pad(&b.title, width.saturating_sub(60).max(12)),
                b.regime.label(),
                sent,
                plural(row.cases as usize, "case", "cases"),
                row.responded
            );
            let style = if i == l.list.selected {
                theme.selected(true)
            } else {
                theme.plain()
            };
            Line::styled(pad(&fit(&text, width), width), style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), a);
}

fn timing_word(t: Timing) -> &'static str {
    match t {
        Timing::OnTime => "on time",
        Timing::Late => "late",
        Timing::Overdue => "overdue",
        Timing::Awaiting => "awaiting",
        Timing::None => "—",
    }
}

fn timing_style(t: Timing, theme: Theme) -> Style {
    match t {
        Timing::OnTime => theme.good(),
        Timing::Late => theme.warn(),
        Timing::Overdue => theme.bad(),
        Timing::Awaiting => theme.plain(),
        Timing::None => theme.dim(),
    }
}

/// The first item of a window of `shown` that holds `selected`.
fn window_start(selected: usize, shown: usize) -> usize {
    (selected + 1).saturating_sub(shown.max(1))
}

pub fn draw(f: &mut Frame, theme: Theme, s: &BatchScreen, main: Rect) {
    let g = &s.grid;
    f.render_widget(Clear, main);
    let title = format!(
        "Round robin #{} · {} · {} · {}",
        g.batch,
        fit(&g.title, 50),
        g.regime.label(),
        plural(g.rows.len(), "authority", "authorities")
    );
    f.render_widget(popup_block(title, theme), main);
    let a = inner(main);
    let a = Rect {
        x: a.x + 1,
        width: a.width.saturating_sub(2),
        ..a
    };
    if a.height < BATCH_CHROME + 1 {
        return;
    }
    let width = a.width as usize;
    let line_at = |y: u16| Rect { y, height: 1, ..a };
    f.render_widget(Paragraph::new(summary_line(s, theme)), line_at(a.y));

    let longest = g
        .rows
        .iter()
        .map(|r| r.authority.width() + if r.regime == g.regime { 0 } else { 8 })
        .max()
        .unwrap_or(0);
    let name_w = longest.min(width / 4).clamp(12, 32);
    let fixed = 2 + name_w + 1 + TIMING_W + 1;
    let room = width.saturating_sub(fixed);
    let n_cols = g.questions.len().max(1);
    let cell_w = (room / n_cols).saturating_sub(1).clamp(CELL_MIN, CELL_MAX);
    let cols_shown = (room / (cell_w + 1)).max(1);
    let cols = Columns {
        name_w,
        cell_w,
        first: window_start(s.cols.selected, cols_shown),
        shown: cols_shown,
    };
    f.render_widget(
        Paragraph::new(head_line(g, s, &cols, theme)),
        line_at(a.y + 1),
    );

    let rows_shown = batch_rows(main);
    let first_row = window_start(s.rows.selected, rows_shown);
    let shown = g.rows.iter().enumerate().skip(first_row).take(rows_shown);
    for (y, (i, row)) in (a.y + 2..).zip(shown) {
        let line = row_line(s, i, row, &cols, theme);
        f.render_widget(Paragraph::new(clip(line, width)), line_at(y));
    }

    draw_below(
        f,
        s,
        Rect {
            y: a.y + a.height - 3,
            height: 3,
            ..a
        },
        theme,
    );
    if let Some(form) = &s.form {
        super::form::draw(f, theme, form, main);
    }
}

/// The three lines under the grid: the selected question, its counts, the selected
/// authority.
fn draw_below(f: &mut Frame, s: &BatchScreen, a: Rect, theme: Theme) {
    let g = &s.grid;
    let width = a.width as usize;
    let line_at = |y: u16| Rect { y, height: 1, ..a };
    if let (Some(q), Some(c)) = (
        g.questions.get(s.cols.selected),
        g.counts.get(s.cols.selected),
    ) {
        let head = format!("─ {} · {} ", inert_line(&q.label), inert_line(&q.text));
        let head = fit(&head, width.saturating_sub(2));
        let rest = width.saturating_sub(head.width());
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(head, theme.bold()),
                Span::styled("─".repeat(rest), theme.dim()),
            ])),
            line_at(a.y),
        );
        f.render_widget(
            Paragraph::new(clip(counts_line(c, g, theme), width)),
            line_at(a.y + 1),
        );
    }
    if let Some(r) = g.rows.get(s.rows.selected) {
        f.render_widget(
            Paragraph::new(clip(case_line(r, s, theme), width)),
            line_at(a.y + 2),
        );
    }
}

fn summary_line(s: &BatchScreen, theme: Theme) -> Line<'static> {
    let g = &s.grid;
    let t = &g.timing;
    let mut spans = vec![Span::styled(
        match g.sent {
            Some(d) => format!("Sent {} · ", long(d)),
            None => "A draft · ".into(),
        },
        theme.dim(),
    )];
    for (n, t) in [
        (t.on_time, Timing::OnTime),
        (t.late, Timing::Late),
        (t.overdue, Timing::Overdue),
        (t.awaiting, Timing::Awaiting),
    ] {
        let style = if n > 0 {
            timing_style(t, theme)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!("{n} {}", timing_word(t)), style));
        spans.push(Span::styled(" · ", theme.dim()));
    }
    spans.pop();
    if !s.marked.is_empty() {
        spans.push(Span::styled(
            format!(" · {} marked", s.marked.len()),
            theme.accent(),
        ));
    }
    Line::from(spans)
}

/// How the grid's columns are laid out across the box.
#[derive(Clone, Copy)]
struct Columns {
    name_w: usize,
    cell_w: usize,
    /// The first question column shown, and how many show.
    first: usize,
    shown: usize,
}

fn head_line(g: &BatchGrid, s: &BatchScreen, c: &Columns, theme: Theme) -> Line<'static> {
    let Columns {
        name_w,
        cell_w,
        first,
        shown,
    } = *c;
    let mut spans = vec![Span::styled(
        format!(
            "  {} {} ",
            pad("Authority", name_w),
            pad("Timing", TIMING_W)
        ),
        theme.dim(),
    )];
    for (i, q) in g.questions.iter().enumerate().skip(first).take(shown) {
        let style = if i == s.cols.selected {
            theme.bold()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(
            format!("{} ", pad(&fit(&q.label, cell_w), cell_w)),
            style,
        ));
    }
    let more = g.questions.len().saturating_sub(first + shown);
    // Questions scrolled out of sight on either side.
    if first > 0 || more > 0 {
        spans.push(Span::styled(format!("←{first} {more}→"), theme.dim()));
    }
    Line::from(spans)
}

fn row_line(s: &BatchScreen, i: usize, row: &GridRow, c: &Columns, theme: Theme) -> Line<'static> {
    let (name_w, cell_w) = (c.name_w, c.cell_w);
    let selected = i == s.rows.selected;
    let mark = if s.marked.contains(&row.case) {
        "● "
    } else if selected {
        "▸ "
    } else {
        "  "
    };
    let name_style = if selected {
        theme.selected(true)
    } else {
        theme.plain()
    };
    // A row under another law than the batch's names it after the authority.
    let name = match row.regime {
        r if r == s.grid.regime => fit(&row.authority, name_w),
        r => {
            let law = format!(" · {}", r.label());
            let room = name_w.saturating_sub(law.chars().count());
            format!("{}{law}", fit(&row.authority, room))
        }
    };
    let mut spans = vec![
        Span::styled(mark, theme.accent()),
        Span::styled(pad(&name, name_w), name_style),
        Span::raw(" "),
        Span::styled(
            format!("{} ", pad(timing_word(row.timing), TIMING_W)),
            timing_style(row.timing, theme),
        ),
    ];
    for (j, cell) in row.cells.iter().enumerate().skip(c.first).take(c.shown) {
        let (text, style) = match cell {
            Some(v) => (v.text.clone(), theme.outcome(v.outcome)),
            None => ("—".to_string(), theme.dim()),
        };
        let style = if selected && j == s.cols.selected {
            theme.selected(true)
        } else {
            style
        };
        spans.push(Span::styled(pad(&fit(&text, cell_w), cell_w), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn counts_line(c: &QuestionCounts, g: &BatchGrid, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for n in &c.outcomes {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(
            format!("{} {}", n.count, n.outcome.as_str().replace('-', " ")),
            theme.outcome(n.outcome),
        ));
    }
    if !c.exemptions.is_empty() {
        let prefix = if g.regime.is_environmental() {
            "reg "
        } else {
            "s"
        };
        let cited: Vec<String> = c
            .exemptions
            .iter()
            .map(|e| format!("{prefix}{} ×{}", e.section, e.count))
            .collect();
        spans.push(Span::styled(
            format!(" · cited {}", cited.join(", ")),
            theme.plain(),
        ));
    }
    Line::from(spans)
}

/// The selected authority: its answer to the selected question in full, its status,
/// response and timing.
fn case_line(r: &GridRow, s: &BatchScreen, theme: Theme) -> Line<'static> {
    let response = match r.response {
        Some(d) => format!("response {}", long(d)),
        None => "no response yet".into(),
    };
    let days = r
        .working_days
        .map(|d| format!(" · {d} working days"))
        .unwrap_or_default();
    let mut spans = vec![
        Span::styled(format!("#{} ", r.case), theme.dim()),
        Span::styled(inert_line(&r.authority).into_owned(), theme.bold()),
    ];
    if r.regime != s.grid.regime {
        spans.push(Span::styled(
            format!(" · {}", r.regime.label()),
            theme.plain(),
        ));
    }
    if let (Some(q), Some(Some(cell))) = (
        s.grid.questions.get(s.cols.selected),
        r.cells.get(s.cols.selected),
    ) {
        spans.push(Span::styled(
            format!(" · {} ", inert_line(&q.label)),
            theme.plain(),
        ));
        spans.push(Span::styled(cell.text.clone(), theme.outcome(cell.outcome)));
    }
    spans.push(Span::styled(
        format!(" · {} · {response}{days}", r.status),
        theme.plain(),
    ));
    Line::from(spans)
}
