//! The case pane: the header (authority, references, regime, dates, status), the
//! questions with their outcome badges, and the selected question in full.

use super::Shown;
use super::{clip, pane_block};
use crate::casebook::CaseView;
use crate::domain::dates::long;
use crate::domain::text::inert;
use crate::domain::{Outcome, Question};
use crate::present::{fit, outcome_badge, pad, plural};
use crate::tui::effect::Pane;
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

fn labelled(label: &str, value: String, theme: Theme) -> Vec<Span<'static>> {
    vec![
        Span::styled(format!("{label} "), theme.dim()),
        Span::styled(value, theme.plain()),
    ]
}

fn header(v: &CaseView, originals: usize, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let c = &v.file.case;
    let mut l1 = vec![
        Span::styled(fit(&c.authority, width.saturating_sub(8)), theme.bold()),
        Span::styled(format!(" · {}", c.regime.label()), theme.dim()),
    ];
    if let Some(b) = &c.batch {
        // One of a round robin: `b` opens its grid.
        l1.push(Span::styled(
            format!(" · round robin #{} (b)", b.id),
            theme.dim(),
        ));
    }
    // The second row takes what fits, most useful first.
    let mut pieces = vec![
        labelled(
            "Their ref",
            c.their_ref
                .as_deref()
                .map_or_else(|| "—".into(), |r| fit(r, 24)),
            theme,
        ),
        labelled(
            "Sent",
            c.sent.map_or_else(|| "not yet (draft)".to_string(), long),
            theme,
        ),
    ];
    if let Some(r) = &c.my_ref {
        pieces.push(labelled("My ref", fit(r, 24), theme));
    }
    if let Some(r) = c.received {
        pieces.push(labelled("Received", long(r), theme));
    }
    let l2 = fitted(pieces, width, theme);
    let mut l3 = vec![
        Span::styled("Status ", theme.dim()),
        Span::styled(
            v.status.as_str().to_string(),
            theme.status(v.status).add_modifier(Modifier::BOLD),
        ),
        Span::styled(" · overall ", theme.dim()),
        Span::raw(v.overall.as_str().to_string()),
    ];
    if originals > 0 {
        l3.push(Span::styled(
            format!(
                " · {} (O opens)",
                plural(originals, "original", "originals")
            ),
            theme.dim(),
        ));
    }
    if !c.tags.is_empty() {
        l3.push(Span::styled(
            format!(" · {}", fit(&c.tags.join(", "), 40)),
            theme.dim(),
        ));
    }
    [l1, l2, l3]
        .into_iter()
        .map(|spans| clip(Line::from(spans), width))
        .collect()
}

/// The pieces that fit in `width`, in order, joined by dots; the first always shows.
fn fitted(pieces: Vec<Vec<Span<'static>>>, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for p in pieces {
        let w: usize =
            p.iter().map(|s| s.content.width()).sum::<usize>() + if row.is_empty() { 0 } else { 3 };
        if used + w > width && !row.is_empty() {
            continue;
        }
        if !row.is_empty() {
            row.push(Span::styled(" · ", theme.dim()));
        }
        used += w;
        row.extend(p);
    }
    row
}

pub fn draw(f: &mut Frame, ui: &Shown<'_>, a: &Areas) {
    let area = a.case;
    let theme = ui.theme;
    let focused = ui.focus == Pane::Case && ui.normal;
    let Some(v) = ui.selected else {
        let block = pane_block(Line::from(" Case "), focused, theme);
        let msg =
            Paragraph::new(Line::styled(" Select a case on the left.", theme.dim())).block(block);
        f.render_widget(msg, area);
        return;
    };
    let c = &v.file.case;
    let title_room = (area.width as usize).saturating_sub(14);
    let title = Line::from(vec![
        Span::raw(format!(" Case #{} ", c.id)),
        Span::styled(format!("{} ", fit(&c.title, title_room)), theme.plain()),
    ]);
    f.render_widget(pane_block(title, focused, theme), area);

    let qs = &v.file.questions;
    let (head, list, text) = (a.case_header, a.questions, a.question_text);
    let width = head.width as usize;
    f.render_widget(Paragraph::new(header(v, ui.originals, width, theme)), head);
    let rule = Rect {
        y: head.y + head.height,
        height: 1,
        ..head
    };
    f.render_widget(Paragraph::new(questions_rule(qs.len(), width, theme)), rule);

    if qs.is_empty() {
        let below = Rect {
            height: list.height + text.height,
            ..list
        };
        f.render_widget(no_questions(theme), below);
        return;
    }
    let lines = question_lines(ui, qs, focused, list, theme);
    f.render_widget(Paragraph::new(lines), list);
    if let Some(q) = qs.get(ui.questions.selected)
        && text.height > 0
    {
        draw_question_text(f, q, text, theme);
    }
}

/// `─ Questions (n) ───`, across the pane.
fn questions_rule(count: usize, width: usize, theme: Theme) -> Line<'static> {
    let rule_text = format!("─ Questions ({count}) ");
    Line::styled(
        format!(
            "{rule_text}{}",
            "─".repeat(width.saturating_sub(rule_text.width()))
        ),
        theme.dim(),
    )
}

/// What a case without questions shows, and how to add one.
fn no_questions(theme: Theme) -> Paragraph<'static> {
    let msg = vec![
        Line::styled("No questions yet.", theme.plain()),
        Line::styled(
            "a adds one (Request 1, Request 2 … as the letter numbers them).",
            theme.dim(),
        ),
    ];
    Paragraph::new(msg).wrap(Wrap { trim: true })
}

/// The questions scrolled into `list`: label, outcome badge and challenge flag in
/// columns, then the text; the selected one highlighted across the pane.
fn question_lines(
    ui: &Shown<'_>,
    qs: &[Question],
    focused: bool,
    list: Rect,
    theme: Theme,
) -> Vec<Line<'static>> {
    let width = list.width as usize;
    let label_w = qs
        .iter()
        .map(|q| fit(&q.label, 14).width())
        .max()
        .unwrap_or(0);
    let badge_w = qs
        .iter()
        .map(|q| outcome_badge(q).width())
        .max()
        .unwrap_or(0)
        .min(20);
    let mut lines = Vec::new();
    for (i, q) in qs
        .iter()
        .enumerate()
        .skip(ui.questions.offset)
        .take(list.height as usize)
    {
        let flag = if q.challenge { "⚑ " } else { "  " };
        let spans = vec![
            Span::raw(format!(" {} ", pad(&q.label, label_w))),
            Span::styled(
                format!("{} ", pad(&outcome_badge(q), badge_w)),
                theme.outcome(q.outcome),
            ),
            Span::styled(flag, theme.warn()),
            Span::styled(fit(&q.text, width), theme.dim()),
        ];
        let line = clip(Line::from(spans), width);
        let fill = width.saturating_sub(line.width());
        let mut spans = line.spans;
        spans.push(Span::raw(" ".repeat(fill)));
        let style = if i == ui.questions.selected {
            theme.selected(focused)
        } else {
            Style::default()
        };
        lines.push(Line::from(spans).style(style));
    }
    lines
}

/// The selected question in `text`: its rule on the first row, the rest wrapped below.
fn draw_question_text(f: &mut Frame, q: &Question, text: Rect, theme: Theme) {
    let width = text.width as usize;
    let (rule, body) = question_text(q, width, theme);
    f.render_widget(
        Paragraph::new(clip(rule, width)),
        Rect { height: 1, ..text },
    );
    let body_area = Rect {
        y: text.y + 1,
        height: text.height - 1,
        ..text
    };
    f.render_widget(Paragraph::new(body).wrap(Wrap { trim: false }), body_area);
}

/// The selected question in full: a rule with its label and badge, its text, the answer.
fn question_text(q: &Question, width: usize, theme: Theme) -> (Line<'static>, Text<'static>) {
    let head = format!("─ {} · {} ", fit(&q.label, 20), outcome_badge(q));
    let challenge = if q.challenge {
        "⚑ challenge at review "
    } else {
        ""
    };
    let rule = Line::from(vec![
        Span::styled(head.clone(), theme.outcome(q.outcome)),
        Span::styled(challenge, theme.warn()),
        Span::styled(
            "─".repeat(width.saturating_sub(head.width() + challenge.width())),
            theme.dim(),
        ),
    ]);
    let mut lines = Vec::new();
    let text = if q.text.trim().is_empty() {
        "(no text)".to_string()
    } else {
        inert(&q.text, true).into_owned()
    };
    lines.extend(text.lines().map(|l| Line::raw(l.to_string())));
    if let Some(n) = &q.note {
        let note = inert(n, true);
        let label = if matches!(
            q.outcome,
            Outcome::Answered | Outcome::PartlyAnswered | Outcome::PublishedElsewhere
        ) {
            "Answer: "
        } else {
            "Note: "
        };
        for (i, l) in note.lines().enumerate() {
            let lead = if i == 0 { label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.dim().add_modifier(Modifier::BOLD)),
                Span::styled(l.to_string(), theme.plain()),
            ]));
        }
    }
    (rule, Text::from(lines))
}
