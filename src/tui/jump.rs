//! `:`: jump to a case by its id, a reference or the start of its title, typed on the
//! status line.

use super::action::Action;
use super::effect::{Ctx, Effect, Pane, Tone};
use super::prompt::new_line_input;
use crate::casebook::Error;
use crate::domain::text::inert_line;
use crate::present::fit;
use ratatui_textarea::TextArea;

pub struct Jump {
    pub input: TextArea<'static>,
}

impl Default for Jump {
    fn default() -> Jump {
        Jump {
            input: new_line_input(),
        }
    }
}

impl Jump {
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        match action {
            Action::Type(key) => {
                self.input.input(key);
            }
            Action::Paste(text) => {
                self.input.insert_str(inert_line(&text));
            }
            Action::Cancel => ctx.emit(Effect::Close),
            Action::Accept => self.go(ctx),
            _ => {}
        }
    }

    /// Enter: select the case typed, or say at once why not (the prompt would hide the
    /// status line).
    fn go(&self, ctx: &mut Ctx<'_>) {
        let key = self.input.lines().join(" ");
        ctx.emit(Effect::Close);
        match ctx.book.resolve(&key) {
            Ok(id) => {
                ctx.emit(Effect::ShowCase(id));
                ctx.emit(Effect::Focus(Pane::Case));
                // The case pane's title names it; a "Case #3" here would outlive it.
                ctx.emit(Effect::Hush);
            }
            // In the UI's own words: the library's points at `foi list`.
            Err(Error::User(m)) if m.starts_with("no case matches") => ctx.say(
                Tone::Error,
                format!(
                    "No case matches “{}”: : takes an id, a reference or the start of a title",
                    fit(key.trim(), 30)
                ),
            ),
            Err(e) => ctx.say_error(&e),
        }
    }
}
