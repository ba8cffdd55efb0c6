//! When `foi` (the terminal UI) cannot open its casebook: a full screen that says what is
//! wrong, which file, and what to do — instead of a bare error under a cleared screen.
//! The caller prints the same line on stderr once the terminal is restored, and exits 2.

use super::layout::centered;
use super::theme::Theme;
use crate::casebook::Error;
use crate::casebook::StoreError;
use crate::domain::text::inert_line;
use crate::present::fit;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};
use std::io::IsTerminal;
use std::path::Path;

/// What the screen says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The error's one line (as printed on stderr).
    pub line: String,
    pub path: String,
    /// What the user can do about it.
    pub advice: Vec<String>,
}

/// Advice by kind of fault: what to do next, in plain words.
fn advice(e: &Error) -> Vec<String> {
    let other = "Or start foi on another casebook: foi --db OTHER.db (or set FOI_DB).";
    let lines: &[&str] = match e {
        Error::Store(StoreError::NotSqlite { .. } | StoreError::Foreign { .. }) => &[
            "This file is not a foi casebook, so foi leaves it alone.",
            "Check the path given with --db or FOI_DB.",
        ],
        Error::Store(StoreError::Empty { .. }) => &[
            "The file is empty. Delete it and foi will make a new casebook there,",
            "or point foi at your casebook with --db.",
        ],
        Error::Store(StoreError::Newer { .. }) => &[
            "A newer foi wrote this casebook. Install that version (or newer) to open it;",
            "this one will not touch it, so nothing is lost.",
        ],
        Error::Store(StoreError::ReadOnly { .. }) => &[
            "foi saves every change at once, so it needs to write to the file and its folder.",
            "Make them writable (chmod u+w), or copy the casebook somewhere writable.",
        ],
        Error::Store(StoreError::Full { .. }) => &[
            "The disk is full. Free some space, then start foi again:",
            "your casebook holds everything saved before.",
        ],
        Error::Store(StoreError::Corrupt { .. }) => &[
            "The file is damaged. Restore your latest backup (foi backup FILE makes one);",
            "keep the damaged file: it may still be recoverable with sqlite3 .recover.",
        ],
        Error::Store(StoreError::Busy { .. }) => {
            &["Another program holds the casebook. Wait a moment and start foi again."]
        }
        _ => &["Check the file and its folder, then start foi again."],
    };
    let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    if !matches!(
        e,
        Error::Store(StoreError::Full { .. } | StoreError::Busy { .. })
    ) {
        out.push(other.to_string());
    }
    out
}

impl Fault {
    pub fn new(e: &Error, db: &Path) -> Fault {
        Fault {
            line: inert_line(&e.to_string()).into_owned(),
            path: inert_line(&db.display().to_string()).into_owned(),
            advice: advice(e),
        }
    }
}

/// Draw the message screen.
pub fn draw(f: &mut Frame, fault: &Fault, theme: Theme) {
    let area = f.area();
    let width = area.width.min(88);
    let text_w = width.saturating_sub(6) as usize;
    let mut lines = vec![
        Line::styled("foi cannot open its casebook", theme.error()),
        Line::raw(""),
        Line::raw(fault.line.clone()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("File  ", theme.dim()),
            Span::styled(fit(&fault.path, text_w.saturating_sub(6)), theme.bold()),
        ]),
        Line::raw(""),
        Line::styled("What to do", theme.accent()),
    ];
    lines.extend(fault.advice.iter().map(|a| Line::raw(a.clone())));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Nothing was changed. Press any key to exit.",
        theme.dim(),
    ));
    // Room for wrapped lines: a rough count is enough (the box is clipped to the screen).
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(text_w.max(1)))
        .sum();
    let r = centered(area, width, rows as u16 + 4);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.bad())
        .title(Line::styled(" foi ", theme.title(true)))
        .padding(Padding::new(2, 2, 1, 1));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// Show the message screen until a key is pressed, then give the terminal back. Does
/// nothing when there is no terminal to show it on (a script: stderr says it all).
pub fn show(e: &Error, db: &Path) {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return;
    }
    let fault = Fault::new(e, db);
    let theme = Theme::from_env();
    let Ok(mut terminal) = ratatui::try_init() else {
        ratatui::restore();
        return;
    };
    loop {
        if terminal.draw(|f| draw(f, &fault, theme)).is_err() {
            break;
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => break,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    ratatui::restore();
}
