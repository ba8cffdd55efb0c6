//! The cases list: one case per two rows — its status mark and title, then the next
//! clock's countdown coloured by urgency, the authority and their reference.

use super::Shown;
use super::{clip, pane_block};
use crate::casebook::ListRow;
use crate::present::{fit, status_mark};
use crate::tui::effect::Pane;
use crate::tui::layout::{Areas, inner};
use crate::tui::theme::{Theme, Urgency};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The countdown of the clock that matters now, or the status when none runs.
pub fn next_due(v: &ListRow, theme: Theme) -> Span<'static> {
    if let Some(c) = v.next_clock() {
        let text = c.countdown();
        if !text.is_empty() {
            return Span::styled(text, theme.urgency(Urgency::of_days_left(c.days_left)));
        }
    }
    Span::styled(v.status.as_str().to_string(), theme.status(v.status))
}

fn row(
    v: &ListRow,
    width: usize,
    selected: bool,
    focused: bool,
    theme: Theme,
) -> [Line<'static>; 2] {
    let c = &v.case;
    let mark = Span::styled(
        format!(" {} ", status_mark(v.status)),
        theme.status(v.status),
    );
    let title = Span::styled(fit(&c.title, width.saturating_sub(3)), theme.bold());
    let mut second = vec![Span::raw("   "), next_due(v, theme)];
    second.push(Span::styled(
        format!(" · {}", fit(&c.authority, 40)),
        theme.dim(),
    ));
    if let Some(r) = &c.their_ref {
        second.push(Span::styled(format!(" · {}", fit(r, 20)), theme.dim()));
    }
    let style = if selected {
        theme.selected(focused)
    } else {
        Style::default()
    };
    let pad = |l: Line<'static>| {
        let l = clip(l, width);
        let w = l.width();
        let mut spans = l.spans;
        spans.push(Span::raw(" ".repeat(width.saturating_sub(w))));
        Line::from(spans).style(style)
    };
    [pad(Line::from(vec![mark, title])), pad(Line::from(second))]
}

pub fn draw(f: &mut Frame, ui: &Shown<'_>, a: &Areas) {
    let area = a.cases;
    let theme = ui.theme;
    let focused = ui.focus == Pane::Cases && (ui.normal || ui.searching);
    let (listed, all) = ui.counts;
    let count = if listed == all {
        format!(" Cases {all} ")
    } else {
        format!(" Cases {listed} of {all} ")
    };
    let how = Line::from(vec![
        Span::styled(format!(" {}", ui.filter.as_str()), theme.accent()),
        Span::styled(" · by ", theme.dim()),
        Span::styled(format!("{} ", ui.sort.as_str()), theme.accent()),
    ])
    .right_aligned();
    let block = pane_block(Line::from(count), focused, theme).title_bottom(how);
    f.render_widget(block, area);

    let inside = inner(area);
    let width = inside.width as usize;
    if a.cases_list.y > inside.y {
        let line = Rect {
            height: 1,
            ..inside
        };
        let mark = if ui.finding { "// " } else { "/ " };
        let label = Span::styled(mark, theme.key());
        f.render_widget(Paragraph::new(Line::from(label)), line);
        let w = mark.len() as u16;
        let input = Rect {
            x: line.x + w,
            width: line.width.saturating_sub(w),
            ..line
        };
        f.render_widget(ui.search, input);
    }
    let list = a.cases_list;
    if ui.visible.is_empty() {
        let mut msg = Vec::new();
        if ui.query.is_empty() {
            msg.push(Line::styled(
                format!(" No {} cases.", ui.filter.as_str()),
                theme.bold(),
            ));
        } else {
            msg.push(Line::styled(
                format!(" No {} case matches", ui.filter.as_str()),
                theme.bold(),
            ));
            msg.push(Line::styled(
                format!(" “{}”.", fit(ui.query, width.saturating_sub(4))),
                theme.bold(),
            ));
            msg.push(Line::styled(" Esc clears the search.", theme.dim()));
        }
        msg.push(Line::styled(" f shows other cases.", theme.dim()));
        f.render_widget(Paragraph::new(msg), list);
        return;
    }
    let shown = a.cases_shown();
    let mut lines = Vec::with_capacity(shown * 2);
    for (pos, &i) in ui
        .visible
        .iter()
        .enumerate()
        .skip(ui.cases.offset)
        .take(shown)
    {
        let selected = pos == ui.cases.selected;
        lines.extend(row(&ui.views[i], width, selected, focused, theme));
    }
    f.render_widget(Paragraph::new(lines), list);
}
