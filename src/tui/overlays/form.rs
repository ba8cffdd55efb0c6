//! A form over the panes: a label column, the inputs, and under date, period and
//! exemption fields what was understood ("→ Tue 27 Feb 2018") or what is wrong, in red.

use super::popup_block;
use crate::domain::exemption;
use crate::domain::{EventKind, Outcome, Regime};
use crate::present::fit;
use crate::tui::forms::Form;
use crate::tui::forms::field::{Check, Field, FieldId, FieldKind, PICKER_ROWS};
use crate::tui::layout::{centered, inner};
use crate::tui::panes::clip;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

/// Words beside a choice: the act, the outcome in plain words, the event.
pub(super) fn choice_note(id: FieldId, value: &str) -> String {
    match id {
        FieldId::Regime => value
            .parse::<Regime>()
            .map(|r| r.act_name().to_string())
            .unwrap_or_default(),
        FieldId::Outcome => value
            .parse::<Outcome>()
            .map(|o| o.describe().to_string())
            .unwrap_or_default(),
        // A Scottish name (`sic-decision`) is described as Scotland names it.
        FieldId::Kind => value
            .parse::<EventKind>()
            .map(|k| {
                let regime = if k.as_str() == value {
                    Regime::Foia
                } else {
                    Regime::Foisa
                };
                k.describe_in(regime).to_string()
            })
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The problem shown for a field: its own, or one the form finds across fields.
pub(super) fn problem_for(
    form: &Form,
    f: &Field,
    problems: &[(FieldId, String)],
) -> Option<String> {
    match f.check(form.today) {
        Check::Wrong(m) => Some(m),
        Check::Missing(m) if form.tried => Some(m),
        Check::Missing(_) => None,
        _ => problems
            .iter()
            .find(|(id, _)| *id == f.id)
            .map(|(_, m)| m.clone()),
    }
}

pub(super) fn hint_line(
    form: &Form,
    f: &Field,
    problems: &[(FieldId, String)],
    theme: Theme,
) -> Line<'static> {
    if let Some(p) = problem_for(form, f, problems) {
        return Line::styled(format!("✗ {p}"), theme.error());
    }
    match f.check(form.today) {
        Check::Hint(h) if h.starts_with('→') => Line::styled(h, theme.good()),
        Check::Hint(h) => Line::styled(h, theme.dim()),
        _ => Line::raw(""),
    }
}

fn chips_line(
    f: &Field,
    focused: bool,
    regime_of: impl Fn(&str) -> Option<&'static str>,
    theme: Theme,
) -> Line<'static> {
    if f.chips().is_empty() {
        return Line::styled("none cited", theme.dim());
    }
    let mut spans = Vec::new();
    for (i, s) in f.chips().iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(format!("s{s}"), theme.bold()));
        if let Some(kind) = regime_of(s) {
            spans.push(Span::styled(format!(" {kind}"), theme.dim()));
        }
    }
    if focused {
        spans.push(Span::styled(
            "   Bksp on empty removes the last",
            theme.dim(),
        ));
    }
    Line::from(spans)
}

/// Rows the whole form needs for its fields.
fn field_rows(form: &Form) -> u16 {
    form.shown().map(|(i, f)| f.rows(i == form.focus)).sum()
}

/// What every field is drawn against: the form, the problems it finds across fields,
/// and the theme.
struct Sheet<'a> {
    form: &'a Form,
    problems: &'a [(FieldId, String)],
    theme: Theme,
}

pub fn draw(f: &mut Frame, theme: Theme, form: &Form, area: Rect) {
    let problems = form.problems();
    let sheet = Sheet {
        form,
        problems: &problems,
        theme,
    };
    let bottom = bottom_problems(&sheet);
    let r = popup_area(form, area, bottom.len());
    f.render_widget(Clear, r);
    f.render_widget(popup_block(form.title.clone(), theme), r);
    let mut a = inner(r);
    a.x += 1;
    a.width = a.width.saturating_sub(2);
    let mut y = a.y;
    if let Some(c) = &form.context {
        y = draw_context(f, c, a, y, theme);
    }
    y = draw_fields(f, &sheet, a, y);
    draw_bottom_problems(f, &bottom, a, y + 1, theme);
}

/// The problems shown under the fields: those of fields with no hint row of their own,
/// then the form's error.
fn bottom_problems(sheet: &Sheet) -> Vec<String> {
    let form = sheet.form;
    form.shown()
        .filter(|(_, fl)| !fl.has_hint_row())
        .filter_map(|(_, fl)| problem_for(form, fl, sheet.problems))
        .chain(form.error.clone())
        .collect()
}

/// The popup, centred: the context, the fields and up to three problems of two rows each.
fn popup_area(form: &Form, area: Rect, bottom: usize) -> Rect {
    let context_rows = u16::from(form.context.is_some()) * 2;
    let width = 96.min(area.width);
    let bottom_rows = bottom.min(3) as u16 * 2;
    let height = 2 + context_rows + field_rows(form) + 1 + bottom_rows;
    centered(area, width, height.min(area.height))
}

/// The form's context (what it is about) in two dim rows; returns the next row.
fn draw_context(f: &mut Frame, context: &str, a: Rect, y: u16, theme: Theme) -> u16 {
    let end = a.y + a.height;
    f.render_widget(
        Paragraph::new(Line::styled(
            fit(context, a.width as usize * 2),
            theme.dim(),
        ))
        .wrap(Wrap { trim: true }),
        Rect {
            y,
            height: 2.min(end - y),
            ..a
        },
    );
    y + 2
}

/// Each shown field that fits: its label, then its input; returns the next row.
fn draw_fields(f: &mut Frame, sheet: &Sheet, a: Rect, mut y: u16) -> u16 {
    let form = sheet.form;
    let end = a.y + a.height;
    let label_w = form
        .fields
        .iter()
        .map(|fl| fl.label.width())
        .max()
        .unwrap_or(8) as u16
        + 3;
    for (i, fl) in form.shown() {
        let focused = i == form.focus;
        let rows = fl.rows(focused);
        if y + rows > end {
            break;
        }
        let label_area = Rect {
            x: a.x,
            y,
            width: label_w,
            height: 1,
        };
        draw_label(f, sheet, fl, focused, label_area);
        let field_area = Rect {
            x: a.x + label_w,
            y,
            width: a.width.saturating_sub(label_w),
            height: rows,
        };
        draw_field(f, sheet, fl, focused, field_area);
        y += rows;
    }
    y
}

/// A field's label, marked when focused, red when the field is wrong.
fn draw_label(f: &mut Frame, sheet: &Sheet, fl: &Field, focused: bool, area: Rect) {
    let theme = sheet.theme;
    let wrong = problem_for(sheet.form, fl, sheet.problems).is_some();
    let label_style = match (focused, wrong) {
        (_, true) => theme.error(),
        (true, false) => theme.accent(),
        (false, false) => theme.plain(),
    };
    let marker = if focused { "▸ " } else { "  " };
    f.render_widget(
        Paragraph::new(Line::styled(format!("{marker}{}", fl.label), label_style)),
        area,
    );
}

/// Up to three problems under the fields, two rows each, while they fit.
fn draw_bottom_problems(f: &mut Frame, bottom: &[String], a: Rect, mut y: u16, theme: Theme) {
    let end = a.y + a.height;
    for p in bottom.iter().take(3) {
        if y + 1 >= end {
            break;
        }
        f.render_widget(
            Paragraph::new(Line::styled(format!("✗ {p}"), theme.error())).wrap(Wrap { trim: true }),
            Rect {
                y,
                height: 2.min(end - y),
                ..a
            },
        );
        y += 2;
    }
}

/// One row of a field's area.
fn row(area: Rect, i: u16) -> Rect {
    Rect {
        y: area.y + i,
        height: 1,
        ..area
    }
}

fn draw_field(f: &mut Frame, sheet: &Sheet, fl: &Field, focused: bool, area: Rect) {
    let theme = sheet.theme;
    let width = area.width as usize;
    match &fl.kind {
        FieldKind::Text { input, .. } => draw_input(f, input, focused, area, theme),
        FieldKind::Date { input, .. } | FieldKind::Span { input } => {
            draw_input(f, input, focused, row(area, 0), theme);
            draw_hint(f, sheet, fl, row(area, 1));
        }
        FieldKind::Choice { options, index } => {
            let value = options.get(*index).copied().unwrap_or("");
            let spans = choice_spans(fl.id, value, focused, theme);
            f.render_widget(Paragraph::new(clip(Line::from(spans), width)), row(area, 0));
        }
        FieldKind::Toggle(on) => f.render_widget(
            Paragraph::new(toggle_line(*on, focused, theme)),
            row(area, 0),
        ),
        FieldKind::Exemptions {
            regime,
            input,
            highlight,
            ..
        } => {
            draw_exemption_entry(f, sheet, fl, focused, *regime, input, area);
            if focused {
                draw_exemption_picker(f, fl, *highlight, area, theme);
            }
        }
    }
}

/// What was understood of a field's value, or what is wrong with it, on one row.
fn draw_hint(f: &mut Frame, sheet: &Sheet, fl: &Field, area: Rect) {
    let line = hint_line(sheet.form, fl, sheet.problems, sheet.theme);
    f.render_widget(Paragraph::new(clip(line, area.width as usize)), area);
}

/// A choice as `◂ value ▸` with words on what the value means.
pub(super) fn choice_spans(
    id: FieldId,
    value: &str,
    focused: bool,
    theme: Theme,
) -> Vec<Span<'static>> {
    let mut spans = vec![
        Span::styled("◂ ", theme.dim()),
        Span::styled(
            value.to_string(),
            if focused {
                theme.accent()
            } else {
                theme.bold()
            },
        ),
        Span::styled(" ▸", theme.dim()),
    ];
    let note = choice_note(id, value);
    if !note.is_empty() {
        spans.push(Span::styled(format!("  {note}"), theme.dim()));
    }
    spans
}

fn toggle_line(on: bool, focused: bool, theme: Theme) -> Line<'static> {
    let text = if on { "[x] yes" } else { "[ ] no" };
    let style = if focused {
        theme.accent()
    } else {
        theme.plain()
    };
    Line::from(vec![
        Span::styled(text, style),
        Span::styled("  Space switches", theme.dim()),
    ])
}

/// The exemptions cited so far, the `add:` input and its hint, on three rows.
fn draw_exemption_entry(
    f: &mut Frame,
    sheet: &Sheet,
    fl: &Field,
    focused: bool,
    regime: Regime,
    input: &TextArea<'static>,
    area: Rect,
) {
    let theme = sheet.theme;
    let kind_of = |s: &str| exemption::lookup(regime, s).ok().map(|e| e.kind.as_str());
    f.render_widget(
        Paragraph::new(clip(
            chips_line(fl, focused, kind_of, theme),
            area.width as usize,
        )),
        row(area, 0),
    );
    f.render_widget(
        Paragraph::new(Span::styled("add: ", theme.dim())),
        row(area, 1),
    );
    let typed = Rect {
        x: area.x + 5,
        width: area.width.saturating_sub(5),
        ..row(area, 1)
    };
    draw_input(f, input, focused, typed, theme);
    draw_hint(f, sheet, fl, row(area, 2));
}

/// The sections matching what is typed, under the input, the highlighted one selected
/// and kept in view.
fn draw_exemption_picker(f: &mut Frame, fl: &Field, highlight: usize, area: Rect, theme: Theme) {
    let width = area.width as usize;
    let matches = fl.matches();
    let start = highlight.saturating_sub(PICKER_ROWS - 1);
    for (n, e) in matches.iter().enumerate().skip(start).take(PICKER_ROWS) {
        let kind_style = match e.kind {
            exemption::ExemptionKind::Absolute => theme.bad(),
            exemption::ExemptionKind::Qualified => theme.warn(),
            _ => theme.dim(),
        };
        let name_w = width.saturating_sub(24);
        let line = Line::from(vec![
            Span::raw(format!("  s{:<10}", e.section)),
            Span::raw(format!("{:<w$} ", fit(&e.name, name_w), w = name_w)),
            Span::styled(e.kind.as_str().to_string(), kind_style),
        ]);
        let style = if n == highlight {
            theme.selected(true)
        } else {
            Style::default()
        };
        f.render_widget(
            Paragraph::new(clip(line, width)).style(style),
            row(area, 3 + (n - start) as u16),
        );
    }
}

/// A text input; when empty, its placeholder in dim text under the cursor (the
/// textarea's own would sit one column to the right of every other value).
pub(super) fn draw_input(
    f: &mut Frame,
    input: &TextArea<'static>,
    focused: bool,
    area: Rect,
    theme: Theme,
) {
    if !input.is_empty() {
        f.render_widget(input, area);
        return;
    }
    let text = fit(input.placeholder_text(), area.width as usize);
    let mut chars = text.chars();
    let first = chars.next().map(String::from).unwrap_or_else(|| " ".into());
    let cursor = if focused {
        theme.placeholder().add_modifier(Modifier::REVERSED)
    } else {
        theme.placeholder()
    };
    let line = Line::from(vec![
        Span::styled(first, cursor),
        Span::styled(chars.collect::<String>(), theme.placeholder()),
    ]);
    f.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
}
