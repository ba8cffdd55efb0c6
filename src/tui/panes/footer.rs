//! The two bottom lines: the status line (what just happened, in red when it went
//! wrong; today's date on the right) and the keys that work here, from the key map.

use super::Shown;
use crate::domain::dates::long;
use crate::present::fit;
use crate::tui::effect::Tone;
use crate::tui::keymap::{Context, footer_hints};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw_status(f: &mut Frame, ui: &Shown<'_>, area: Rect) {
    let theme = ui.theme;
    let width = area.width as usize;
    let today = format!(
        " {}{} ",
        long(ui.today),
        if ui.pinned && width >= 100 {
            " (--today)"
        } else {
            ""
        }
    );
    if let Some(input) = ui.jump {
        f.render_widget(
            Paragraph::new(Span::styled(" jump to case: ", theme.key())),
            area,
        );
        let x = area.x + 15;
        f.render_widget(
            input,
            Rect {
                x,
                width: area.width.saturating_sub(15),
                ..area
            },
        );
        return;
    }
    let room = width.saturating_sub(today.width() + 1);
    let mut spans = Vec::new();
    if let Some(s) = ui.status {
        let style = match s.tone {
            Tone::Info => theme.plain(),
            Tone::Done => theme.good(),
            Tone::Error => theme.error(),
        };
        let text = fit(&format!(" {}", s.text), room);
        let pad = room.saturating_sub(text.width());
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" ".repeat(pad + 1)));
    } else {
        spans.push(Span::raw(" ".repeat(room + 1)));
    }
    if today.width() < width {
        spans.push(Span::styled(today, theme.dim()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints that fit: as many as there is room for, keeping "? help" and "q quit" at
/// the end, and never cutting one in half.
pub fn hint_line(hints: &[(String, &str)], width: usize) -> Vec<(String, String)> {
    let items: Vec<(String, String)> = hints
        .iter()
        .map(|(k, l)| (k.clone(), l.to_string()))
        .collect();
    let cost = |it: &(String, String)| it.0.width() + 1 + it.1.width() + 2;
    let total: usize = items.iter().map(cost).sum();
    if total <= width {
        return items;
    }
    let (keep_last, rest): (Vec<_>, Vec<_>) = items
        .into_iter()
        .partition(|it| it.1 == "help" || it.1 == "quit");
    let mut room = width.saturating_sub(keep_last.iter().map(cost).sum());
    let mut out = Vec::new();
    for it in rest {
        if cost(&it) > room {
            break;
        }
        room -= cost(&it);
        out.push(it);
    }
    out.extend(keep_last);
    out
}

pub fn draw_keys(f: &mut Frame, ui: &Shown<'_>, contexts: &[Context], area: Rect) {
    let theme = ui.theme;
    let order = contexts.to_vec();
    let mut ctxs = order.clone();
    // The welcome screen's own keys say it all.
    ctxs.retain(|c| !(ui.counts.1 == 0 && *c == Context::Global));
    // Moving comes first in the footer, as in the help.
    if let Some(i) = ctxs.iter().position(|c| *c == Context::Movement) {
        let m = ctxs.remove(i);
        ctxs.insert(0, m);
    }
    // Two rows: this pane's keys, then those that work everywhere.
    let rows: Vec<Vec<Context>> = if area.height >= 2 && ctxs.contains(&Context::Global) {
        let (global, here): (Vec<Context>, Vec<Context>) =
            ctxs.iter().partition(|c| **c == Context::Global);
        vec![here, global]
    } else {
        vec![ctxs]
    };
    let width = area.width.saturating_sub(1) as usize;
    for (i, row) in rows.iter().enumerate() {
        let hints = footer_hints(row, &order);
        let mut spans = vec![Span::raw(" ")];
        for (k, l) in hint_line(&hints, width) {
            spans.push(Span::styled(k, theme.key()));
            spans.push(Span::styled(format!(" {l}  "), theme.dim()));
        }
        f.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                y: area.y + i as u16,
                height: 1,
                ..area
            },
        );
    }
}
