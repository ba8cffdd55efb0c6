//! One field of a form: what it holds, how it is edited, and what it says about its
//! value as the user types (the parsed date, or what is wrong in red).

use crate::domain::dates::{long, parse_date};
use crate::domain::exemption::{self, Exemption};
use crate::domain::text::inert;
use crate::domain::{Regime, Span};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Which value a field holds; forms find their fields by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Authority,
    Regime,
    Sent,
    Received,
    TheirRef,
    MyRef,
    Channel,
    Tags,
    Url,
    Notes,
    Label,
    Text,
    Outcome,
    Exemptions,
    Note,
    Challenge,
    Kind,
    Date,
    Window,
    Until,
    Reference,
}

pub enum FieldKind {
    Text {
        input: TextArea<'static>,
        required: bool,
        /// Rows it takes on screen (long text wraps).
        rows: u16,
    },
    Date {
        input: TextArea<'static>,
        required: bool,
    },
    Span {
        input: TextArea<'static>,
    },
    Choice {
        options: Vec<&'static str>,
        index: usize,
    },
    Toggle(bool),
    Exemptions {
        regime: Regime,
        chips: Vec<String>,
        input: TextArea<'static>,
        highlight: usize,
    },
}

/// How many matches the exemption list shows at once.
pub const PICKER_ROWS: usize = 6;

pub struct Field {
    pub id: FieldId,
    pub label: &'static str,
    pub kind: FieldKind,
}

/// What a field says about its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Fine,
    /// Shown beside or under it, e.g. "→ Tue 27 Feb 2018".
    Hint(String),
    /// Shown in red; the form cannot be saved.
    Wrong(String),
    /// A required field left empty: cannot be saved, said in red once saving was tried.
    Missing(String),
}

/// A one-line (or wrapping) text input holding `value`, made inert for display.
pub fn text_input(value: &str, placeholder: &str, wrap: bool) -> TextArea<'static> {
    let lines: Vec<String> = if wrap {
        inert(value, true).lines().map(str::to_string).collect()
    } else {
        vec![inert(value, false).into_owned()]
    };
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Style::default());
    t.set_placeholder_text(placeholder);
    t.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
    t.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    if wrap {
        // Long text opens at its start, so the beginning shows.
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    } else {
        t.move_cursor(CursorMove::End);
    }
    t
}

impl Field {
    pub fn text(id: FieldId, label: &'static str, value: &str, placeholder: &str) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Text {
                input: text_input(value, placeholder, false),
                required: false,
                rows: 1,
            },
        }
    }

    pub fn required(mut self) -> Field {
        if let FieldKind::Text { required, .. } | FieldKind::Date { required, .. } = &mut self.kind
        {
            *required = true;
        }
        self
    }

    /// Long text that wraps over `rows` rows.
    pub fn long_text(
        id: FieldId,
        label: &'static str,
        value: &str,
        placeholder: &str,
        rows: u16,
    ) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Text {
                input: text_input(value, placeholder, true),
                required: false,
                rows,
            },
        }
    }

    pub fn date(
        id: FieldId,
        label: &'static str,
        value: Option<NaiveDate>,
        placeholder: &str,
    ) -> Field {
        let v = value
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        Field {
            id,
            label,
            kind: FieldKind::Date {
                input: text_input(&v, placeholder, false),
                required: false,
            },
        }
    }

    pub fn span(id: FieldId, label: &'static str, value: Option<Span>, placeholder: &str) -> Field {
        let v = value.map(|s| s.canonical()).unwrap_or_default();
        Field {
            id,
            label,
            kind: FieldKind::Span {
                input: text_input(&v, placeholder, false),
            },
        }
    }

    pub fn choice(
        id: FieldId,
        label: &'static str,
        options: Vec<&'static str>,
        current: &str,
    ) -> Field {
        let index = options.iter().position(|o| *o == current).unwrap_or(0);
        Field {
            id,
            label,
            kind: FieldKind::Choice { options, index },
        }
    }

    pub fn toggle(id: FieldId, label: &'static str, on: bool) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Toggle(on),
        }
    }

    pub fn exemptions(regime: Regime, chips: Vec<String>) -> Field {
        Field {
            id: FieldId::Exemptions,
            label: "Exemptions",
            kind: FieldKind::Exemptions {
                regime,
                chips,
                input: text_input(
                    "",
                    "type a section or a word: 43, s40(2), commercial",
                    false,
                ),
                highlight: 0,
            },
        }
    }

    /// Rows the field takes in the form, the hint line included.
    pub fn rows(&self, focused: bool) -> u16 {
        match &self.kind {
            FieldKind::Text { rows, .. } => *rows,
            FieldKind::Date { .. } | FieldKind::Span { .. } => 2,
            FieldKind::Exemptions { .. } if focused => {
                3 + self.matches().len().min(PICKER_ROWS) as u16
            }
            FieldKind::Exemptions { .. } => 3,
            FieldKind::Choice { .. } | FieldKind::Toggle(_) => 1,
        }
    }

    pub fn input_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match &mut self.kind {
            FieldKind::Text { input, .. }
            | FieldKind::Date { input, .. }
            | FieldKind::Span { input }
            | FieldKind::Exemptions { input, .. } => Some(input),
            _ => None,
        }
    }

    pub fn input(&self) -> Option<&TextArea<'static>> {
        match &self.kind {
            FieldKind::Text { input, .. }
            | FieldKind::Date { input, .. }
            | FieldKind::Span { input }
            | FieldKind::Exemptions { input, .. } => Some(input),
            _ => None,
        }
    }

    /// Whether the field has a row under it for its hint or problem.
    pub fn has_hint_row(&self) -> bool {
        matches!(
            self.kind,
            FieldKind::Date { .. } | FieldKind::Span { .. } | FieldKind::Exemptions { .. }
        )
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice { .. } | FieldKind::Toggle(_))
    }

    /// The typed text, lines joined by newlines, trimmed.
    pub fn value(&self) -> String {
        self.input()
            .map(|t| t.lines().join("\n").trim().to_string())
            .unwrap_or_default()
    }

    pub fn choice_value(&self) -> &'static str {
        match &self.kind {
            FieldKind::Choice { options, index } => options.get(*index).copied().unwrap_or(""),
            _ => "",
        }
    }

    pub fn toggle_value(&self) -> bool {
        matches!(self.kind, FieldKind::Toggle(true))
    }

    /// Step a choice (wrapping) or flip a toggle.
    pub fn cycle(&mut self, forward: bool) {
        match &mut self.kind {
            FieldKind::Choice { options, index } if !options.is_empty() => {
                let n = options.len();
                *index = if forward {
                    (*index + 1) % n
                } else {
                    (*index + n - 1) % n
                };
            }
            FieldKind::Toggle(on) => *on = !*on,
            _ => {}
        }
    }

    /// A key typed into the field. Pasted text arrives here too, made inert first.
    pub fn type_key(&mut self, key: KeyEvent) {
        let backspace_on_empty = key.code == KeyCode::Backspace && self.value().is_empty();
        if let FieldKind::Exemptions {
            chips, highlight, ..
        } = &mut self.kind
        {
            if backspace_on_empty {
                chips.pop();
                return;
            }
            *highlight = 0;
        }
        if let Some(t) = self.input_mut() {
            // Ctrl-U clears to the start of the line, as in a shell.
            if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
                t.delete_line_by_head();
            } else {
                t.input(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        let multiline = matches!(self.kind, FieldKind::Text { rows, .. } if rows > 1);
        if let Some(t) = self.input_mut() {
            t.insert_str(inert(text, multiline));
        }
    }

    pub fn date_value(&self, today: NaiveDate) -> Option<NaiveDate> {
        parse_date(&self.value(), today).ok()
    }

    /// Catalogue entries matching what is typed in an exemption field.
    pub fn matches(&self) -> Vec<&'static Exemption> {
        match &self.kind {
            FieldKind::Exemptions {
                regime,
                input,
                chips,
                ..
            } => {
                let q = input.lines().join(" ");
                if q.trim().is_empty() {
                    return Vec::new();
                }
                exemption::search(*regime, &q)
                    .into_iter()
                    .filter(|e| !chips.contains(&e.section))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    pub fn highlight(&self) -> usize {
        match &self.kind {
            FieldKind::Exemptions { highlight, .. } => *highlight,
            _ => 0,
        }
    }

    pub fn move_highlight(&mut self, delta: isize) {
        let n = self.matches().len();
        if let FieldKind::Exemptions { highlight, .. } = &mut self.kind
            && n > 0
        {
            *highlight = highlight.saturating_add_signed(delta).min(n - 1);
        }
    }

    /// Add the highlighted match (or, failing that, exactly what was typed) as a chip.
    pub fn add_highlighted(&mut self) -> Result<(), String> {
        let pick = self
            .matches()
            .get(self.highlight())
            .map(|e| e.section.clone());
        let FieldKind::Exemptions {
            regime,
            chips,
            input,
            highlight,
        } = &mut self.kind
        else {
            return Ok(());
        };
        let typed = input.lines().join(" ");
        let section = match pick {
            Some(s) => s,
            None => exemption::lookup(*regime, &typed)
                .map(|e| e.section)
                .map_err(|e| e.to_string())?,
        };
        if !chips.contains(&section) {
            chips.push(section);
        }
        *input = text_input(
            "",
            "type a section or a word: 43, s40(2), commercial",
            false,
        );
        *highlight = 0;
        Ok(())
    }

    pub fn chips(&self) -> &[String] {
        match &self.kind {
            FieldKind::Exemptions { chips, .. } => chips,
            _ => &[],
        }
    }

    /// What the field says about its value now.
    pub fn check(&self, today: NaiveDate) -> Check {
        let v = self.value();
        match &self.kind {
            FieldKind::Text { required: true, .. } if v.is_empty() => {
                Check::Missing(format!("{} is empty: fill it in", self.label))
            }
            FieldKind::Date { required, .. } => {
                if v.is_empty() {
                    return if *required {
                        Check::Missing(format!("{} is empty: type a date", self.label))
                    } else {
                        Check::Fine
                    };
                }
                match parse_date(&v, today) {
                    Ok(d) => Check::Hint(format!("→ {}", long(d))),
                    Err(e) => Check::Wrong(e.to_string()),
                }
            }
            FieldKind::Span { .. } => {
                if v.is_empty() {
                    return Check::Hint("none stated: the statutory period applies".into());
                }
                match v.parse::<Span>() {
                    Ok(s) => Check::Hint(format!("→ {}", s.canonical())),
                    Err(e) => Check::Wrong(e.to_string()),
                }
            }
            FieldKind::Exemptions { regime, .. } => {
                if v.is_empty() {
                    return Check::Fine;
                }
                if !self.matches().is_empty() {
                    return Check::Hint("Enter adds the highlighted one".into());
                }
                match exemption::lookup(*regime, &v) {
                    Ok(_) => Check::Hint("Enter adds it".into()),
                    Err(e) => Check::Wrong(e.to_string()),
                }
            }
            _ => Check::Fine,
        }
    }
}
