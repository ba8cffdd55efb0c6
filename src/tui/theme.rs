//! Colours and emphasis, in one place. With `NO_COLOR` set (and not empty) no colour is
//! used at all; emphasis falls back to bold, underline and reverse video.

use crate::domain::{CaseStatus, Outcome};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// How pressing a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Calm,
    Soon,
    Overdue,
}

impl Urgency {
    /// Green with time to spare, amber within 5 days, red once overdue.
    pub fn of_days_left(days_left: i64) -> Urgency {
        if days_left < 0 {
            Urgency::Overdue
        } else if days_left <= 5 {
            Urgency::Soon
        } else {
            Urgency::Calm
        }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to something non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub const COLOR: Theme = Theme { color: true };
    pub const MONO: Theme = Theme { color: false };

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn plain(self) -> Style {
        Style::new()
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: labels, references, hints.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// What an empty field would hold.
    pub fn placeholder(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC)
        }
    }

    pub fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn bad(self) -> Style {
        if self.color {
            Style::new().fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn urgency(self, u: Urgency) -> Style {
        match u {
            Urgency::Calm => self.good(),
            Urgency::Soon => self.warn().add_modifier(Modifier::BOLD),
            Urgency::Overdue => self.bad().add_modifier(Modifier::BOLD),
        }
    }

    /// The selected row: reverse video in the focused pane, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    pub fn title(self, focused: bool) -> Style {
        if focused { self.accent() } else { self.bold() }
    }

    pub fn outcome(self, o: Outcome) -> Style {
        match o {
            Outcome::Pending => self.dim(),
            Outcome::Answered | Outcome::PublishedElsewhere => self.good(),
            Outcome::PartlyAnswered | Outcome::FuturePublication => self.warn(),
            Outcome::NotHeld => self.fg(Color::Magenta),
            Outcome::Withheld
            | Outcome::RefusedCost
            | Outcome::RefusedVexatious
            | Outcome::Ncnd => self.bad(),
        }
    }

    pub fn status(self, s: CaseStatus) -> Style {
        if s.is_overdue() {
            self.bad().add_modifier(Modifier::BOLD)
        } else if !s.is_open() {
            self.dim()
        } else {
            self.fg(Color::Cyan)
        }
    }

    /// A key name in the footer and help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.bad().add_modifier(Modifier::BOLD)
    }
}
