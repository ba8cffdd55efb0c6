//! `r`: the internal review request written for the selected case (and, on `i`, the
//! complaint to the Commissioner), shown in full before it goes anywhere: written to a
//! file, copied to the clipboard through the terminal, or recorded as sent.

use super::action::Action;
use super::effect::{Ctx, Effect, Pane, Tone};
use super::layout::{letter_rows, letter_width};
use super::prompt::{PathFor, PathPrompt, shown};
use crate::calendar::ClockKind;
use crate::casebook::{Casebook, LetterKind, sent_event};
use crate::casebook::{Written, write_text_file};
use crate::domain::dates::long;
use crate::domain::text::inert;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

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

fn compose(book: &Casebook, id: i64, kind: LetterKind) -> crate::casebook::Result<String> {
    match kind {
        LetterKind::Review => book.review_letter(id),
        LetterKind::Ico => book.ico_letter(id),
        LetterKind::Chaser => book.write_letter(id, LetterKind::Chaser, None),
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

impl LetterOverlay {
    /// Write letter `kind` for case `id`; the library's reason when it cannot be written
    /// yet (no response …) goes to the status line.
    pub fn open(ctx: &mut Ctx<'_>, id: i64, kind: LetterKind) -> Option<LetterOverlay> {
        let text = match compose(ctx.book, id, kind) {
            Ok(text) => text,
            Err(e) => {
                ctx.say_error(&e);
                return None;
            }
        };
        ctx.emit(Effect::Hush);
        // A late review is still written (the letter owns up to it); say so.
        if kind == LetterKind::Review
            && let Ok(Some(closed)) = ctx.book.review_window_closed(id)
        {
            ctx.say(
                Tone::Error,
                format!(
                    "Review window closed {}: the letter asks for a late review",
                    long(closed)
                ),
            );
        }
        Some(LetterOverlay {
            case_id: id,
            kind,
            text,
            scroll: 0,
            prompt: None,
            overwrite: None,
        })
    }

    /// How far the letter can scroll over `main`.
    fn max_scroll(&self, main: ratatui::layout::Rect) -> u16 {
        let n = wrapped(&self.text, letter_width(main)).len();
        (n as u16).saturating_sub(letter_rows(main))
    }

    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        if let Some(path) = self.overwrite.clone() {
            match action {
                Action::Yes => {
                    self.overwrite = None;
                    self.write(path, true, ctx);
                }
                Action::No => {
                    self.overwrite = None;
                    ctx.say(Tone::Info, "Kept the file: type another name");
                }
                _ => {}
            }
            return;
        }
        if let Some(prompt) = self.prompt.as_mut() {
            match action {
                Action::Type(key) => prompt.type_key(key),
                Action::Paste(text) => prompt.paste(&text),
                Action::Complete => prompt.complete(),
                Action::Cancel => self.prompt = None,
                Action::Accept if prompt.text().trim().is_empty() => {
                    prompt.error = Some("type where to write the letter".into());
                }
                Action::Accept => {
                    let path = prompt.path();
                    self.write(path, false, ctx);
                }
                _ => {}
            }
            return;
        }
        self.letter_keys(action, ctx);
    }

    /// Keys on the letter itself: scrolling, writing, copying, recording, switching.
    fn letter_keys(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let max = self.max_scroll(ctx.main);
        let page = letter_rows(ctx.main).saturating_sub(1).max(1);
        let switch = |kind: LetterKind| (self.kind != kind).then_some(kind);
        let other = match action {
            Action::ShowReview => switch(LetterKind::Review),
            Action::ShowIco => switch(LetterKind::Ico),
            Action::ShowChaser => switch(LetterKind::Chaser),
            _ => None,
        };
        if let Some(kind) = other {
            if let Some(d) = LetterOverlay::open(ctx, self.case_id, kind) {
                *self = d;
            }
            return;
        }
        match action {
            Action::Down => self.scroll = self.scroll.saturating_add(1).min(max),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown { .. } => self.scroll = self.scroll.saturating_add(3).min(max),
            Action::ScrollUp { .. } => self.scroll = self.scroll.saturating_sub(3),
            Action::PageDown => self.scroll = self.scroll.saturating_add(page).min(max),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max,
            Action::WriteFile => {
                let default = default_path(self);
                self.prompt = Some(PathPrompt::new(PathFor::WriteLetter, &default));
            }
            Action::Copy => {
                ctx.emit(Effect::ToTerminal(osc52(&self.text).into_bytes()));
                let what = self.what();
                ctx.say(
                    Tone::Done,
                    format!("Copied the {what} (if your terminal allows clipboard access)"),
                );
            }
            Action::RecordSent => self.record_sent(ctx),
            Action::Close => ctx.emit(Effect::Close),
            _ => {}
        }
    }

    fn write(&mut self, path: PathBuf, replace: bool, ctx: &mut Ctx<'_>) {
        match write_text_file(&path, &self.text, replace) {
            Ok(Written::Done) => {
                self.prompt = None;
                let what = self.what();
                ctx.say(Tone::Done, format!("Wrote the {what} to {}", shown(&path)));
            }
            Ok(Written::Exists) => self.overwrite = Some(path),
            Err(e) => {
                if let Some(p) = self.prompt.as_mut() {
                    p.error = Some(format!("cannot write {}: {e}", shown(&path)));
                }
            }
        }
    }

    /// `s`: record the letter as sent today, then show the case's timeline with the new
    /// event and the clock it starts.
    fn record_sent(&self, ctx: &mut Ctx<'_>) {
        let (id, kind) = (self.case_id, self.kind);
        let (event_kind, note) = sent_event(kind);
        let today = ctx.book.today();
        let already = ctx.book.view(id).is_ok_and(|v| {
            v.file
                .events
                .iter()
                .any(|e| e.kind == event_kind && e.date == today && e.note.as_deref() == note)
        });
        let result = match kind {
            LetterKind::Review => ctx.book.record_review_sent(id),
            LetterKind::Ico => ctx.book.record_ico_sent(id),
            LetterKind::Chaser => ctx.book.record_chaser_sent(id),
        };
        let event_id = match result {
            Ok(event_id) => event_id,
            Err(e) => return ctx.say_error(&e),
        };
        for effect in [
            Effect::Close,
            Effect::Refresh,
            Effect::ShowCase(id),
            Effect::Focus(Pane::Timeline),
            Effect::SelectEvent(event_id),
        ] {
            ctx.emit(effect);
        }
        if already {
            return ctx.say(Tone::Info, "Already recorded as sent today");
        }
        let clock = match kind {
            LetterKind::Review => ClockKind::ReviewResponse,
            LetterKind::Ico => ClockKind::IcoComplaint,
            LetterKind::Chaser => ClockKind::Response,
        };
        let due = ctx
            .book
            .view(id)
            .ok()
            .and_then(|v| v.clocks.iter().find(|c| c.kind == clock).map(|c| c.due));
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
        ctx.say(Tone::Done, m);
    }
}

/// Break one line between words to `width` columns, keeping its indentation; a word too
/// long for a line is cut.
fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    let body = line.trim_start();
    let indent = (line.len() - body.len()).min(width / 2);
    let lead = " ".repeat(indent);
    let room = width.saturating_sub(indent).max(1);
    if body.is_empty() {
        out.push(String::new());
        return;
    }
    let mut cur = String::new();
    for word in body.split(' ') {
        let mut word = word.to_string();
        while word.width() > room {
            if !cur.is_empty() {
                out.push(format!("{lead}{}", std::mem::take(&mut cur)));
            }
            let mut head = String::new();
            let mut rest = String::new();
            for c in word.chars() {
                if rest.is_empty() && (head.width() + c.to_string().width()) <= room {
                    head.push(c);
                } else {
                    rest.push(c);
                }
            }
            out.push(format!("{lead}{head}"));
            word = rest;
        }
        if !cur.is_empty() && cur.width() + 1 + word.width() > room {
            out.push(format!("{lead}{}", std::mem::take(&mut cur)));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    out.push(format!("{lead}{cur}"));
}

/// The letter in lines of at most `width` columns, made inert.
pub fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in inert(text, true).lines() {
        wrap_line(line, width, &mut out);
    }
    out
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

    #[test]
    fn lines_wrap_between_words_and_keep_indentation() {
        let w = wrapped(
            "Dear Sir,\n\n  one two three four five six\nabcdefghijkl",
            10,
        );
        assert_eq!(
            w,
            vec![
                "Dear Sir,",
                "",
                "  one two",
                "  three",
                "  four",
                "  five six",
                "abcdefghij",
                "kl"
            ]
        );
        assert!(wrapped("x\u{1b}[2J", 20)[0].contains('␛'));
    }
}
