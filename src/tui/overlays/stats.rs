//! Statistics per authority: a table of authorities (cases, on-time rate, median days to
//! respond, reviews), the selected one in detail with a bar chart of what happened to its
//! questions, and — with several authorities — their on-time rates side by side.

use super::popup_block;
use crate::casebook::AuthorityStats;
use crate::domain::text::inert_line;
use crate::present::{fit, pad, plural, responses_summary, reviews_summary};
use crate::tui::layout::{centered, padded};
use crate::tui::panes::clip;
use crate::tui::stats::StatsView;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

fn rate(a: &AuthorityStats) -> String {
    a.responses
        .on_time_rate
        .map_or("—".into(), |r| format!("{:.0}%", r * 100.0))
}

fn median(a: &AuthorityStats) -> String {
    a.responses
        .median_working_days
        .map_or("—".into(), |m| format!("{m} wd"))
}

fn rule(text: &str, width: usize, theme: Theme) -> Line<'static> {
    let head = format!("─ {} ", fit(text, width.saturating_sub(4)));
    let rest = width.saturating_sub(head.width());
    Line::from(vec![
        Span::styled(head, theme.bold()),
        Span::styled("─".repeat(rest), theme.dim()),
    ])
}

fn exemptions_line(a: &AuthorityStats) -> String {
    if a.exemptions.is_empty() {
        return "none cited".into();
    }
    a.exemptions
        .iter()
        .map(|e| {
            let name = if e.name.is_empty() {
                String::new()
            } else {
                format!(" {}", e.name)
            };
            format!("{}{name} ×{}", e.citation, e.count)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

const LABEL_W: usize = 12;

/// Rows the exemptions line takes (it may wrap once) in `width` columns.
fn exemption_rows(a: &AuthorityStats, width: usize) -> u16 {
    if width <= LABEL_W {
        return 1;
    }
    ((exemptions_line(a).width() + LABEL_W).div_ceil(width) as u16).clamp(1, 2)
}

/// The rows still free inside the box, filled top down by the sections below.
struct Column {
    area: Rect,
    y: u16,
}

impl Column {
    fn end(&self) -> u16 {
        self.area.y + self.area.height
    }

    fn width(&self) -> usize {
        self.area.width as usize
    }

    fn has(&self, rows: u16) -> bool {
        self.y + rows <= self.end()
    }

    /// The next `rows` rows (fewer at the bottom), taken.
    fn take(&mut self, rows: u16) -> Rect {
        let height = rows.min(self.end().saturating_sub(self.y));
        let r = Rect {
            y: self.y,
            height,
            ..self.area
        };
        self.y += height;
        r
    }

    /// One line, if there is room for it.
    fn line(&mut self, f: &mut Frame, line: impl Into<Line<'static>>) {
        if self.has(1) {
            let r = self.take(1);
            f.render_widget(Paragraph::new(line.into()), r);
        }
    }
}

pub fn draw(f: &mut Frame, theme: Theme, s: &StatsView, main: Rect) {
    let mut col = frame_box(f, s, main, theme);
    draw_table(f, &mut col, s, theme);
    let Some(cur) = s.current() else {
        return;
    };
    draw_details(f, &mut col, cur, theme);
    draw_outcomes(f, &mut col, cur, theme);
    draw_rates(f, &mut col, s, theme);
}

/// The box, as tall as its sections want (within the screen), with its title.
fn frame_box(f: &mut Frame, s: &StatsView, main: Rect, theme: Theme) -> Column {
    let n_auth = s.stats.authorities.len();
    let rated_n = rated(s).len() as u16;
    let outcomes_n = s.current().map_or(0, |c| c.outcomes.len()) as u16;
    let text_w = (main.width.min(110) as usize).saturating_sub(4);
    let details = s.current().map_or(3, |c| 2 + exemption_rows(c, text_w));
    let wanted = 2
        + 1
        + s.rows().len() as u16
        + 1
        + details
        + if outcomes_n > 0 { outcomes_n + 1 } else { 0 }
        + if rated_n > 1 { rated_n + 1 } else { 0 };
    let r = centered(main, 110, wanted.min(main.height));
    let title = format!(
        "Statistics · {} · {}",
        plural(n_auth, "authority", "authorities"),
        plural(s.stats.overall.cases, "case", "cases")
    );
    f.render_widget(Clear, r);
    f.render_widget(popup_block(title, theme), r);
    let area = padded(r);
    Column { area, y: area.y }
}

/// The authorities' table: at most a third of the box, scrolled to the selection.
fn draw_table(f: &mut Frame, col: &mut Column, s: &StatsView, theme: Theme) {
    let rows = s.rows();
    let n_auth = s.stats.authorities.len();
    let width = col.width();
    let name_w = width.saturating_sub(36).clamp(10, 48);
    let head = format!(
        "  {}{:>6}{:>9}{:>9}{:>9}",
        pad("Authority", name_w),
        "Cases",
        "On time",
        "Median",
        "Reviews"
    );
    col.line(f, Span::styled(fit(&head, width), theme.dim()));
    let table_rows = (rows.len() as u16).min((col.area.height / 3).max(1));
    let start = s
        .selected
        .saturating_sub(table_rows.saturating_sub(1) as usize);
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(start)
        .take(table_rows as usize)
    {
        if !col.has(1) {
            break;
        }
        let selected = i == s.selected;
        let text = format!(
            "{}{}{:>6}{:>9}{:>9}{:>9}",
            if selected { "▸ " } else { "  " },
            pad(&row.authority, name_w),
            row.cases,
            rate(row),
            median(row),
            row.reviews.requested
        );
        let style = if selected {
            theme.selected(true)
        } else if i + 1 == rows.len() && n_auth > 1 {
            theme.bold()
        } else {
            theme.plain()
        };
        col.line(f, Span::styled(pad(&text, width), style));
    }
}

/// The selected authority: responses, reviews and the exemptions it cited.
fn draw_details(f: &mut Frame, col: &mut Column, cur: &AuthorityStats, theme: Theme) {
    let width = col.width();
    col.line(f, rule(&inert_line(&cur.authority), width, theme));
    for (label, text) in [
        ("Responses", responses_summary(&cur.responses)),
        ("Reviews", reviews_summary(&cur.reviews)),
        ("Exemptions", exemptions_line(cur)),
    ] {
        if !col.has(1) {
            break;
        }
        let rows_needed = if label == "Exemptions" {
            exemption_rows(cur, width)
        } else {
            1
        };
        let rect = col.take(rows_needed);
        f.render_widget(
            Paragraph::new(clip(
                Line::from(vec![
                    Span::styled(pad(label, LABEL_W), theme.accent()),
                    Span::raw(inert_line(&text).into_owned()),
                ]),
                width * rows_needed as usize,
            ))
            .wrap(Wrap { trim: true }),
            rect,
        );
    }
}

/// What happened to the selected authority's questions: one bar per outcome.
fn draw_outcomes(f: &mut Frame, col: &mut Column, cur: &AuthorityStats, theme: Theme) {
    if !col.has(2) || cur.outcomes.is_empty() {
        return;
    }
    let questions = plural(cur.questions, "question", "questions");
    col.line(
        f,
        rule(&format!("What happened to {questions}"), col.width(), theme),
    );
    let bars: Vec<Bar> = cur
        .outcomes
        .iter()
        .map(|o| {
            Bar::with_label(
                format!("{:<16}{:>4} ", o.outcome.as_str(), o.count),
                o.count as u64,
            )
            .style(theme.outcome(o.outcome))
            .text_value(String::new())
        })
        .collect();
    let rect = col.take(cur.outcomes.len() as u16);
    f.render_widget(
        horizontal(&bars, None),
        Rect {
            width: rect.width.min(70),
            ..rect
        },
    );
}

/// Several authorities: their on-time rates side by side.
fn draw_rates(f: &mut Frame, col: &mut Column, s: &StatsView, theme: Theme) {
    let rated = rated(s);
    if rated.len() < 2 || !col.has(1 + rated.len() as u16) {
        return;
    }
    col.line(
        f,
        rule("Answered on time, by authority", col.width(), theme),
    );
    let bars: Vec<Bar> = rated
        .iter()
        .map(|x| {
            let pct = x.responses.on_time_rate.unwrap_or(0.0) * 100.0;
            Bar::with_label(
                format!("{} {:>4}", pad(&x.authority, 24), format!("{pct:.0}%")),
                pct.round() as u64,
            )
            .text_value(String::new())
            .style(theme.good())
        })
        .collect();
    let rect = col.take(rated.len() as u16);
    f.render_widget(
        horizontal(&bars, Some(100)),
        Rect {
            width: rect.width.min(80),
            ..rect
        },
    );
}

fn rated(s: &StatsView) -> Vec<&AuthorityStats> {
    s.stats
        .authorities
        .iter()
        .filter(|x| x.responses.on_time_rate.is_some())
        .collect()
}

/// A chart of one-row bars, one per line.
fn horizontal<'a>(bars: &'a [Bar<'a>], max: Option<u64>) -> BarChart<'a> {
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(bars))
        .bar_width(1)
        .bar_gap(0);
    match max {
        Some(m) => chart.max(m),
        None => chart,
    }
}
