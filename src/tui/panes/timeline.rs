//! The timeline pane: the case's clocks — the one that matters now first and largest,
//! with a gauge of time used against time left, its due date and its working — then the
//! events in date order.

use super::Shown;
use super::{clip, pane_block};
use crate::calendar::{Clock, ClockState};
use crate::domain::dates::{long, short};
use crate::domain::{Event, Regime};
use crate::present::fit;
use crate::tui::effect::Pane;
use crate::tui::layout::{Areas, clock_order, clock_rows};
use crate::tui::theme::{Theme, Urgency};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Time used as a fraction of the whole, by calendar days: for the gauge only.
fn used(c: &Clock, today: NaiveDate) -> f64 {
    let total = (c.due - c.start).num_days();
    if total <= 0 {
        return 1.0;
    }
    ((today - c.start).num_days() as f64 / total as f64).clamp(0.0, 1.0)
}

fn state_mark(s: ClockState) -> &'static str {
    match s {
        ClockState::Met => "✓",
        ClockState::Missed => "✗",
        ClockState::Paused => "‖",
        ClockState::Running => "●",
        ClockState::NotStarted => "·",
        ClockState::Lapsed => "–",
        ClockState::Late => "~",
    }
}

fn urgency_style(c: &Clock, theme: Theme) -> Style {
    theme.urgency(Urgency::of_days_left(c.days_left))
}

/// One clock: a settled one as a line and its working; a live one as its countdown and
/// due date, a gauge of the time used, then as much of its working as fits.
fn draw_clock(f: &mut Frame, c: &Clock, lead: bool, area: Rect, today: NaiveDate, theme: Theme) {
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    if !c.is_live() {
        draw_settled_clock(f, c, area, theme);
        return;
    }
    let style = urgency_style(c, theme);
    let width = area.width as usize;
    f.render_widget(
        Paragraph::new(clip(countdown_line(c, lead, style, width, theme), width)),
        row(0),
    );
    if area.height > 1 {
        let gauge_area = Rect {
            x: area.x + 2,
            width: area.width.saturating_sub(2),
            ..row(1)
        };
        f.render_widget(clock_gauge(c, lead, today, style, theme), gauge_area);
    }
    if area.height > 2 {
        let basis = Rect {
            x: area.x + 2,
            y: area.y + 2,
            width: area.width.saturating_sub(2),
            height: area.height - 2,
        };
        draw_basis(f, c, basis, theme);
    }
}

/// A clock met, missed or stopped: its state and due date, then its working on one line.
fn draw_settled_clock(f: &mut Frame, c: &Clock, area: Rect, theme: Theme) {
    let width = area.width as usize;
    let style = match c.state {
        ClockState::Met => theme.good(),
        ClockState::Missed => theme.bad(),
        _ => theme.dim(),
    };
    let line = Line::from(vec![
        Span::styled(format!("{} ", state_mark(c.state)), style),
        Span::styled(c.kind.describe().to_string(), theme.plain()),
        Span::styled(
            format!(" · {} · due {}", c.state.as_str(), long(c.due)),
            theme.dim(),
        ),
    ]);
    f.render_widget(
        Paragraph::new(clip(line, width)),
        Rect { height: 1, ..area },
    );
    if area.height > 1 {
        f.render_widget(
            Paragraph::new(clip(
                Line::styled(format!("  {}", c.basis), theme.dim()),
                width,
            )),
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
        );
    }
}

/// A live clock's mark, name and countdown, with the due date at the right edge when
/// there is room for it.
fn countdown_line(
    c: &Clock,
    lead: bool,
    style: Style,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let title_style = if lead { theme.bold() } else { theme.plain() };
    let due = format!("due {}", long(c.due));
    let mut spans = vec![
        Span::styled(format!("{} ", state_mark(c.state)), style),
        Span::styled(c.kind.describe().to_string(), title_style),
        Span::raw("  "),
        Span::styled(
            c.countdown(),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
    ];
    let left_w: usize = spans.iter().map(|s| s.content.width()).sum();
    if left_w + 2 + due.width() <= width {
        spans.push(Span::raw(" ".repeat(width - left_w - due.width())));
        spans.push(Span::styled(due, theme.plain()));
    }
    Line::from(spans)
}

/// The share of the clock's time used, from its start to its due date; the lead clock's
/// gauge is drawn heavier.
fn clock_gauge(
    c: &Clock,
    lead: bool,
    today: NaiveDate,
    style: Style,
    theme: Theme,
) -> LineGauge<'static> {
    let (filled, unfilled) = if lead { ("█", "░") } else { ("━", "─") };
    LineGauge::default()
        .ratio(used(c, today))
        .label(Span::styled(
            format!("{} → {} ", short(c.start), short(c.due)),
            theme.dim(),
        ))
        .filled_symbol(filled)
        .unfilled_symbol(unfilled)
        .filled_style(style)
        .unfilled_style(theme.dim())
}

/// How the due date was worked out, wrapped into the rows left.
fn draw_basis(f: &mut Frame, c: &Clock, area: Rect, theme: Theme) {
    let lines = clipped_wrap(
        &crate::domain::text::inert_line(&c.basis),
        area.width as usize,
        area.height as usize,
    );
    f.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .map(|l| Line::styled(l, theme.dim()))
                .collect::<Vec<_>>(),
        ),
        area,
    );
}

/// `text` wrapped at spaces to `width`, at most `rows` lines; text that does not fit
/// ends in "…" rather than stopping mid-phrase.
fn clipped_wrap(text: &str, width: usize, rows: usize) -> Vec<String> {
    if width == 0 || rows == 0 {
        return Vec::new();
    }
    let mut lines = crate::casebook::letters::wrap(text, width);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = crate::present::fit(&format!("{last} …"), width);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

fn event_line(e: &Event, regime: Regime, width: usize, theme: Theme) -> Line<'static> {
    let mut spans = vec![
        Span::styled(format!(" {:<16}", long(e.date)), theme.dim()),
        Span::styled(e.kind.describe_in(regime).to_string(), theme.plain()),
    ];
    if let Some(r) = &e.reference {
        spans.push(Span::styled(
            format!(" · ref {}", crate::domain::text::inert_line(r)),
            theme.plain(),
        ));
    }
    if let Some(w) = e.window {
        spans.push(Span::styled(format!(" · review window {w}"), theme.plain()));
    }
    if let Some(u) = e.until {
        spans.push(Span::styled(format!(" · until {}", long(u)), theme.plain()));
    }
    if e.letter.is_some() {
        spans.push(Span::styled(" · letter", theme.dim()));
    }
    if let Some(n) = &e.note {
        spans.push(Span::styled(format!(" · {}", fit(n, width)), theme.dim()));
    }
    clip(Line::from(spans), width)
}

pub fn draw(f: &mut Frame, ui: &Shown<'_>, a: &Areas) {
    let theme = ui.theme;
    let focused = ui.focus == Pane::Timeline && ui.normal;
    f.render_widget(
        pane_block(Line::from(" Timeline "), focused, theme),
        a.timeline,
    );
    let Some(v) = ui.selected else {
        return;
    };
    let (clocks_area, events_area) = (a.clocks, a.events);
    let clocks = clock_order(v).into_iter().enumerate().map(|(i, c)| {
        let lead = i == 0 && c.is_live();
        (c, lead, clock_rows(lead, c.is_live(), a.compact_clocks))
    });
    let today = ui.today;
    let mut y = clocks_area.y;
    for (c, lead, h) in clocks {
        let bottom = clocks_area.y + clocks_area.height;
        if y >= bottom {
            break;
        }
        let r = Rect {
            y,
            height: h.min(bottom - y),
            ..clocks_area
        };
        draw_clock(f, c, lead, r, today, theme);
        y += h;
    }
    let width = events_area.width as usize;
    let heading_row = Rect {
        y: events_area.y.saturating_sub(1),
        height: 1,
        ..events_area
    };
    if events_area.y > clocks_area.y + clocks_area.height {
        let label = format!("─ Events ({}) ", v.file.events.len());
        let rule = format!("{label}{}", "─".repeat(width.saturating_sub(label.width())));
        f.render_widget(Paragraph::new(Line::styled(rule, theme.dim())), heading_row);
    }
    if v.file.events.is_empty() {
        let hint = if v.file.case.sent.is_none() {
            "A draft: nothing sent yet. a records an event (sent, response …)."
        } else {
            "No events. a records one (response, extension, review …)."
        };
        f.render_widget(
            Paragraph::new(Line::styled(hint, theme.dim())).wrap(Wrap { trim: true }),
            events_area,
        );
        return;
    }
    let lines: Vec<Line> = v
        .file
        .events
        .iter()
        .enumerate()
        .skip(ui.events.offset)
        .take(events_area.height as usize)
        .map(|(i, e)| {
            let line = event_line(e, v.file.case.regime, width, theme);
            let fill = width.saturating_sub(line.width());
            let mut spans = line.spans;
            spans.push(Span::raw(" ".repeat(fill)));
            let style = if i == ui.events.selected && focused {
                theme.selected(true)
            } else {
                Style::default()
            };
            Line::from(spans).style(style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), events_area);
}

#[cfg(test)]
mod wrap_tests {
    use super::clipped_wrap;

    #[test]
    fn text_that_does_not_fit_ends_in_an_ellipsis() {
        let text = "20 working days from receipt Sat 3 Feb 2018, not a working day (day 1 Mon 5 Feb); no bank holidays in range";
        let all = clipped_wrap(text, 40, 5);
        assert_eq!(all.join(" "), text, "all of it fits in five rows");
        let two = clipped_wrap(text, 40, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        assert!(two.iter().all(|l| l.chars().count() <= 40), "{two:?}");
        assert!(clipped_wrap(text, 0, 2).is_empty());
    }
}
