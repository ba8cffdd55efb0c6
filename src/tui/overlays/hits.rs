//! The cases a full-text search found: two rows each — the case, then the extract with
//! the words found picked out.

use super::popup_block;
use crate::domain::text::inert_line;
use crate::present::{fit, plural};
use crate::tui::find::Hits;
use crate::tui::layout::{HIT_ROWS, hits_box, padded};
use crate::tui::panes::clip;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The extract's pieces, made inert, with the text before the first word found cut to at
/// most `budget` columns (from its start, marked `…`), so the word shows on narrow screens.
fn lead_in(spans: &[(String, bool)], budget: usize) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = spans
        .iter()
        .map(|(t, hit)| (inert_line(t).into_owned(), *hit))
        .collect();
    if let Some((first, false)) = out.first().cloned()
        && out.len() > 1
        && first.width() > budget
    {
        let mut kept: Vec<char> = Vec::new();
        let mut w = 0;
        for c in first.chars().rev() {
            let cw = c.to_string().width();
            if w + cw + 1 > budget {
                break;
            }
            w += cw;
            kept.push(c);
        }
        kept.reverse();
        if let Some(lead) = out.first_mut() {
            lead.0 = format!("…{}", kept.into_iter().collect::<String>());
        }
    }
    out
}

pub fn draw(f: &mut Frame, theme: Theme, h: &Hits, main: Rect) {
    let r = hits_box(main, h.hits.len());
    let title = format!(
        "Search: {} · {}",
        fit(&h.query, 40),
        plural(h.hits.len(), "case", "cases")
    );
    f.render_widget(Clear, r);
    f.render_widget(popup_block(title, theme), r);
    let a = padded(r);
    let width = a.width as usize;
    let rows = ((a.height / HIT_ROWS) as usize).max(1);
    let sel = h.list.selected;
    let start = if sel >= rows { sel + 1 - rows } else { 0 };
    let mut lines = Vec::new();
    for (i, hit) in h.hits.iter().enumerate().skip(start).take(rows) {
        let selected = i == sel;
        let mut head = vec![
            Span::styled(format!("#{:<4} ", hit.case_id), theme.dim()),
            Span::styled(inert_line(&hit.title).into_owned(), theme.bold()),
            Span::styled(format!(" · {}", inert_line(&hit.authority)), theme.dim()),
        ];
        if let Some(rf) = &hit.their_ref {
            head.push(Span::styled(format!(" · {}", inert_line(rf)), theme.dim()));
        }
        let mut body = vec![Span::raw("      ")];
        for (text, found) in &lead_in(&hit.spans, width.saturating_sub(6) / 3) {
            let style = if *found {
                theme.accent().add_modifier(Modifier::UNDERLINED)
            } else {
                Style::default()
            };
            body.push(Span::styled(text.clone(), style));
        }
        for l in [Line::from(head), Line::from(body)] {
            let l = clip(l, width);
            if selected {
                let w = l.width();
                let mut spans = l.spans;
                spans.push(Span::raw(" ".repeat(width.saturating_sub(w))));
                lines.push(Line::from(spans).style(theme.selected(true)));
            } else {
                lines.push(l);
            }
        }
    }
    f.render_widget(Paragraph::new(lines), a);
}
