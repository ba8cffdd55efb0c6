//! Taking the terminal and giving it back: raw mode, the alternate screen, the mouse and
//! bracketed paste, restored on every way out — a normal return, an error, a panic.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::io::{self, stdout};
use std::sync::Once;

/// The terminal, taken; dropping it restores the terminal.
pub struct Session {
    pub terminal: DefaultTerminal,
}

fn release() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

impl Session {
    pub fn start() -> io::Result<Session> {
        // ratatui's hook restores raw mode and the screen; ours, run first, also lets go of
        // the mouse, so a panic leaves a usable shell.
        let terminal = ratatui::try_init()?;
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
                previous(info);
            }));
        });
        let session = Session { terminal };
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        release();
    }
}
