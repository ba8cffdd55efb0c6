//! The agenda (`A`): your move, then the authority's, one row per live clock — its due
//! date, the countdown (a late authority marked "chase", a snoozed reminder "snoozed"),
//! the clock and the case.

use super::popup_block;
use crate::casebook::{AgendaLine, Move};
use crate::domain::dates::{long, short};
use crate::present::{fit, pad};
use crate::tui::agenda::Agenda;
use crate::tui::layout::{agenda_box, padded};
use crate::tui::panes::clip;
use crate::tui::theme::{Theme, Urgency};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The countdown column: "chase" on a late authority, "snoozed" on a held-back reminder.
fn left(r: &AgendaLine) -> String {
    match (r.whose, r.snoozed_until) {
        (_, Some(d)) => format!("{} · snoozed {}", r.clock.countdown(), d.format("%-d %b")),
        (Move::Chase, None) => format!("{} · chase", r.clock.countdown()),
        _ => r.clock.countdown(),
    }
}

pub fn draw(f: &mut Frame, theme: Theme, a: &Agenda, main: Rect) {
    let yours = a.yours();
    let theirs = a.rows.len() - yours;
    // The part headings take a line each.
    let heads = usize::from(yours > 0) + usize::from(theirs > 0);
    let r = agenda_box(main, a.rows.len() + heads);
    f.render_widget(Clear, r);
    let title = format!("Agenda · {yours} your move · {theirs} the authority's");
    f.render_widget(popup_block(title, theme), r);
    let body = padded(r);
    let width = body.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    for (i, row) in a.rows.iter().enumerate() {
        if i == 0 && yours > 0 {
            lines.push(Line::styled("Your move", theme.bold()));
        }
        if i == yours {
            lines.push(Line::styled(
                "The authority's move (chase when late)",
                theme.bold(),
            ));
        }
        if i == a.list.selected {
            selected_line = lines.len();
        }
        let urgency = match row.whose {
            Move::Chase if row.snoozed_until.is_none() => theme.urgency(Urgency::Overdue),
            _ if row.snoozed_until.is_some() => theme.dim(),
            _ => theme.urgency(Urgency::of_days_left(row.clock.days_left)),
        };
        // Narrow, the clock's name goes (the countdown says most of it) and the date
        // loses its year, so that the case always shows.
        let narrow = width < 100;
        let mut spans = vec![if narrow {
            Span::raw(format!("  {} ", pad(&short(row.clock.due), 10)))
        } else {
            Span::raw(format!("  {} ", pad(&long(row.clock.due), 16)))
        }];
        spans.push(Span::styled(
            pad(&left(row), if narrow { 30 } else { 33 }),
            urgency,
        ));
        if !narrow {
            spans.push(Span::raw(format!(
                " {}",
                pad(row.clock.kind.describe(), 22)
            )));
        }
        spans.push(Span::styled(format!(" #{} ", row.case_id), theme.dim()));
        spans.push(Span::raw(fit(
            &format!("{} — {}", row.authority, row.title),
            60,
        )));
        let line = Line::from(spans);
        let line = clip(line, width);
        lines.push(if i == a.list.selected {
            let w = line.width();
            let mut spans = line.spans;
            spans.push(Span::raw(" ".repeat(width.saturating_sub(w))));
            Line::from(spans).style(theme.selected(true))
        } else {
            line
        });
    }
    let rows = body.height as usize;
    let start = (selected_line + 1).saturating_sub(rows);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(start).take(rows).collect();
    f.render_widget(Paragraph::new(shown), body);
}
