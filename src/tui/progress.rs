//! Long work run in the event loop's own turn (importing a file of thousands of cases):
//! while it runs, the last full frame stays on screen with a gauge over it, redrawn from
//! the work's progress reports at most ten times a second, and Esc or Ctrl-C asks it to
//! stop (the work then rolls back whole: see [`crate::casebook::Watch`]).
//!
//! Why not a thread: the work writes through the casebook the UI holds, in one
//! transaction; here it keeps that, and the screen still moves.

use super::layout::centered;
use super::overlays::popup_block;
use super::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Gauge, Paragraph};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the gauge is redrawn (and the keyboard looked at) at most.
const EVERY: Duration = Duration::from_millis(100);

/// The terminal the UI runs on.
type Crossterm = CrosstermBackend<std::io::Stdout>;

struct Screen<'t, B: Backend> {
    terminal: &'t mut Terminal<B>,
    /// The frame drawn before the work began, under the gauge.
    backdrop: Buffer,
    last: Option<Instant>,
}

/// Where long work reports how far it is, and finds whether it should stop.
pub struct Progress<'t, B: Backend = Crossterm> {
    screen: Option<Mutex<Screen<'t, B>>>,
    /// Whether to read Esc and Ctrl-C from the real keyboard (not under test).
    keyboard: bool,
    theme: Theme,
    /// Set by Esc or Ctrl-C while the work runs.
    pub stop: AtomicBool,
}

impl Progress<'static> {
    /// Reports go nowhere and nothing stops the work (tests, and work too short to show).
    pub fn none() -> Progress<'static> {
        Progress {
            screen: None,
            keyboard: false,
            theme: Theme::MONO,
            stop: AtomicBool::new(false),
        }
    }
}

impl<'t> Progress<'t> {
    /// Reports drawn on the UI's terminal, over `backdrop` (the frame on screen now); Esc
    /// and Ctrl-C read from the keyboard.
    pub fn on(terminal: &'t mut Terminal<Crossterm>, backdrop: Buffer, theme: Theme) -> Self {
        Progress::drawn_on(terminal, backdrop, theme, true)
    }
}

impl<'t, B: Backend> Progress<'t, B> {
    /// Reports drawn on `terminal` over `backdrop`; the keyboard read only if `keyboard`.
    pub fn drawn_on(
        terminal: &'t mut Terminal<B>,
        backdrop: Buffer,
        theme: Theme,
        keyboard: bool,
    ) -> Self {
        Progress {
            screen: Some(Mutex::new(Screen {
                terminal,
                backdrop,
                last: None,
            })),
            keyboard,
            theme,
            stop: AtomicBool::new(false),
        }
    }

    /// `done` of `total` (0: not known) cases through the work `title` names; `if_stopped`
    /// says what stopping it means ("nothing is saved", say).
    pub fn report(&self, title: &str, if_stopped: &str, done: usize, total: usize) {
        let Some(Ok(mut s)) = self.screen.as_ref().map(Mutex::lock) else {
            return;
        };
        if s.last.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        s.last = Some(Instant::now());
        if self.keyboard {
            self.read_keys();
        }
        let stopping = self.stop.load(Ordering::Relaxed);
        let theme = self.theme;
        let Screen {
            terminal, backdrop, ..
        } = &mut *s;
        let _ = terminal.draw(|f| {
            f.buffer_mut().merge(backdrop);
            let r = centered(f.area(), 64.min(f.area().width), 5);
            let ratio = if total == 0 {
                0.0
            } else {
                (done as f64 / total as f64).clamp(0.0, 1.0)
            };
            let label = if total == 0 {
                format!("{done} cases")
            } else {
                format!("{done} of {total} cases")
            };
            let note = if stopping {
                format!("Stopping: {if_stopped}…")
            } else {
                format!("Esc stops: {if_stopped}")
            };
            f.render_widget(Clear, r);
            let block = popup_block(title.to_string(), theme);
            let inner = block.inner(r);
            f.render_widget(block, r);
            let rows = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Length(1),
            ])
            .split(inner);
            f.render_widget(
                Gauge::default()
                    .gauge_style(theme.bold())
                    .ratio(ratio)
                    .label(label),
                rows[0],
            );
            f.render_widget(Paragraph::new(Line::styled(note, theme.dim())), rows[2]);
        });
    }

    /// Esc or Ctrl-C asks the work to stop; other keys wait for it to end and are dropped
    /// (the work has the keyboard meanwhile).
    fn read_keys(&self) {
        while event::poll(Duration::ZERO).unwrap_or(false) {
            if let Ok(Event::Key(k)) = event::read()
                && k.kind != KeyEventKind::Release
                && (k.code == KeyCode::Esc
                    || (k.code == KeyCode::Char('c')
                        && k.modifiers.contains(KeyModifiers::CONTROL)))
            {
                self.stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;
    use crate::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    fn text(t: &Terminal<TestBackend>) -> String {
        let b = t.backend().buffer();
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_gauge_is_drawn_over_the_last_frame_at_most_ten_times_a_second() {
        let mut t = Terminal::new(TestBackend::new(70, 12)).expect("terminal");
        let mut backdrop = Buffer::empty(Rect::new(0, 0, 70, 12));
        backdrop.set_string(
            0,
            0,
            "the list under the gauge",
            ratatui::style::Style::default(),
        );
        let p = Progress::drawn_on(&mut t, backdrop, Theme::MONO, false);
        p.report("Importing big.json", "nothing is saved", 250, 1000);
        // Too soon after the last: not drawn.
        p.report("Importing big.json", "nothing is saved", 900, 1000);
        drop(p);
        let screen = text(&t);
        assert!(screen.contains("the list under the gauge"), "{screen}");
        assert!(screen.contains("Importing big.json"), "{screen}");
        assert!(screen.contains("250 of 1000 cases"), "{screen}");
        assert!(!screen.contains("900 of 1000"), "{screen}");
        assert!(screen.contains("Esc stops: nothing is saved"), "{screen}");
    }
}
