//! `r`: the internal review request written for the selected case (and, on `i`, the
//! complaint to the Commissioner), shown in full before it goes anywhere: written to a
//! file, copied to the clipboard through the terminal, or recorded as sent.

use super::action::Action;
use super::app::{App, Mode, Pane, Tone};
use super::prompt::{PathFor, PathPrompt, shown};
use super::update::show_case;
use crate::calendar::ClockKind;
use crate::casebook::{LetterKind, sent_event};
use crate::casebook::{Written, write_text_file};
use crate::domain::dates::long;
use std::path::PathBuf;

pub struct LetterOverlay {
    pub case_id: i64,
    pub kind: LetterKind,
    /// The letter's text (written and copied as it is; shown made inert).
    pub text: String,
    pub scroll: u16,
    /// Typing where to write it.
    pub prompt: Option<PathPrompt>,
    /// This file exists: replace it?
    pub overwrite: Option<PathBuf>,
}

impl LetterOverlay {
    /// "internal review request" / "complaint to the Commissioner".
    pub fn what(&self) -> &'static str {
        match self.kind {
            LetterKind::Review => "internal review request",
            LetterKind::Ico => "complaint to the Commissioner",
            LetterKind::Chaser => "reminder to the authority",
        }
    }
}

fn compose(app: &App, id: i64, kind: LetterKind) -> crate::casebook::Result<String> {
    match kind {
        LetterKind::Review => app.book.review_letter(id),
        LetterKind::Ico => app.book.ico_letter(id),
        LetterKind::Chaser => app.book.write_letter(id, LetterKind::Chaser, None),
    }
}

/// `r`: write the review request for the selected case; the library's reason when it
/// cannot be written yet (no response …) goes to the status line.
pub fn start(app: &mut App) {
    let Some(id) = app.selected_id() else {
        return app.say(
            Tone::Info,
            "No case selected: a adds one, i imports a letter",
        );
    };
    open(app, id, LetterKind::Review);
}

pub fn open(app: &mut App, id: i64, kind: LetterKind) {
    match compose(app, id, kind) {
        Ok(text) => {
            app.status = None;
            // A late review is still written (the letter owns up to it); say so.
            if kind == LetterKind::Review
                && let Ok(Some(closed)) = app.book.review_window_closed(id)
            {
                app.say(
                    Tone::Error,
                    format!(
                        "Review window closed {}: the letter asks for a late review",
                        long(closed)
                    ),
                );
            }
            app.mode = Mode::Letter(Box::new(LetterOverlay {
                case_id: id,
                kind,
                text,
                scroll: 0,
                prompt: None,
                overwrite: None,
            }));
        }
        Err(e) => app.say_error(&e),
    }
}

/// Where the letter is written unless the user says otherwise.
pub fn default_path(d: &LetterOverlay) -> String {
    match d.kind {
        LetterKind::Review => format!("~/foi-review-{}.txt", d.case_id),
        LetterKind::Ico => format!("~/foi-ico-{}.txt", d.case_id),
        LetterKind::Chaser => format!("~/foi-chaser-{}.txt", d.case_id),
    }
}

pub fn handle(app: &mut App, action: Action) {
    let max = super::overlays::letter::max_scroll(app);
    let page = super::overlays::letter::page(app);
    let Mode::Letter(d) = &mut app.mode else {
        return;
    };
    if let Some(path) = d.overwrite.clone() {
        match action {
            Action::Yes => {
                d.overwrite = None;
                write(app, path, true);
            }
            Action::No => {
                d.overwrite = None;
                app.say(Tone::Info, "Kept the file: type another name");
            }
            _ => {}
        }
        return;
    }
    if let Some(prompt) = d.prompt.as_mut() {
        match action {
            Action::Type(key) => prompt.type_key(key),
            Action::Paste(text) => prompt.paste(&text),
            Action::Complete => prompt.complete(),
            Action::Cancel => d.prompt = None,
            Action::Accept => {
                if prompt.text().trim().is_empty() {
                    prompt.error = Some("type where to write the letter".into());
                    return;
                }
                let path = prompt.path();
                write(app, path, false);
            }
            _ => {}
        }
        return;
    }
    match action {
        Action::Down => d.scroll = d.scroll.saturating_add(1).min(max),
        Action::Up => d.scroll = d.scroll.saturating_sub(1),
        Action::ScrollDown { .. } => d.scroll = d.scroll.saturating_add(3).min(max),
        Action::ScrollUp { .. } => d.scroll = d.scroll.saturating_sub(3),
        Action::PageDown => d.scroll = d.scroll.saturating_add(page).min(max),
        Action::PageUp => d.scroll = d.scroll.saturating_sub(page),
        Action::Top => d.scroll = 0,
        Action::Bottom => d.scroll = max,
        Action::WriteFile => {
            let default = default_path(d);
            d.prompt = Some(PathPrompt::new(PathFor::WriteLetter, &default));
        }
        Action::Copy => {
            app.to_terminal = osc52(&d.text).into_bytes();
            let what = d.what();
            app.say(
                Tone::Done,
                format!("Copied the {what} (if your terminal allows clipboard access)"),
            );
        }
        Action::RecordSent => record_sent(app),
        Action::ShowReview if d.kind != LetterKind::Review => {
            let id = d.case_id;
            open(app, id, LetterKind::Review);
        }
        Action::ShowIco if d.kind != LetterKind::Ico => {
            let id = d.case_id;
            open(app, id, LetterKind::Ico);
        }
        Action::ShowChaser if d.kind != LetterKind::Chaser => {
            let id = d.case_id;
            open(app, id, LetterKind::Chaser);
        }
        Action::Close => app.mode = Mode::Normal,
        _ => {}
    }
}

fn write(app: &mut App, path: PathBuf, replace: bool) {
    let Mode::Letter(d) = &mut app.mode else {
        return;
    };
    match write_text_file(&path, &d.text, replace) {
        Ok(Written::Done) => {
            d.prompt = None;
            let what = d.what();
            app.say(Tone::Done, format!("Wrote the {what} to {}", shown(&path)));
        }
        Ok(Written::Exists) => d.overwrite = Some(path),
        Err(e) => {
            if let Some(p) = d.prompt.as_mut() {
                p.error = Some(format!("cannot write {}: {e}", shown(&path)));
            }
        }
    }
}

/// `s`: record the letter as sent today, then show the case's timeline with the new
/// event and the clock it starts.
fn record_sent(app: &mut App) {
    let Mode::Letter(d) = &app.mode else {
        return;
    };
    let (id, kind) = (d.case_id, d.kind);
    let (event_kind, note) = sent_event(kind);
    let today = app.today();
    let already = app.book.view(id).is_ok_and(|v| {
        v.file
            .events
            .iter()
            .any(|e| e.kind == event_kind && e.date == today && e.note.as_deref() == note)
    });
    let result = match kind {
        LetterKind::Review => app.book.record_review_sent(id),
        LetterKind::Ico => app.book.record_ico_sent(id),
        LetterKind::Chaser => app.book.record_chaser_sent(id),
    };
    match result {
        Ok(event_id) => {
            app.mode = Mode::Normal;
            app.refresh();
            show_case(app, id);
            app.sync_current();
            app.focus = Pane::Timeline;
            if let Some(pos) = app
                .selected_view()
                .and_then(|v| v.file.events.iter().position(|e| e.id == event_id))
            {
                app.events.selected = pos;
            }
            if already {
                return app.say(Tone::Info, "Already recorded as sent today");
            }
            let clock = match kind {
                LetterKind::Review => ClockKind::ReviewResponse,
                LetterKind::Ico => ClockKind::IcoComplaint,
                LetterKind::Chaser => ClockKind::Response,
            };
            let due = app
                .selected_view()
                .and_then(|v| v.clocks.iter().find(|c| c.kind == clock))
                .map(|c| c.due);
            let sent = match kind {
                LetterKind::Review => "review requested",
                LetterKind::Ico => "complaint sent to the Commissioner",
                LetterKind::Chaser => "reminder sent to the authority",
            };
            let mut m = format!("Recorded: {sent} today, {}", long(today));
            if let (LetterKind::Review, Some(due)) = (kind, due) {
                m.push_str(&format!("; reply due {}", long(due)));
            }
            m.push_str(" (u undoes)");
            app.say(Tone::Done, m);
        }
        Err(e) => app.say_error(&e),
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("£".as_bytes()), "wqM=");
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
    }
}
