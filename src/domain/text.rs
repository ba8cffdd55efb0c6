//! Making stored text safe to show: letters and imports may carry escape sequences,
//! control characters or bidi overrides that must never reach a terminal raw.

use std::borrow::Cow;

/// Whether a character could change how a terminal or a line of text behaves.
fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The text with every hazard made visible and inert: C0 controls become their Unicode
/// control pictures (ESC → `␛`), others `‹U+XXXX›`. Newlines and tabs are kept when
/// `multiline` is set, and otherwise shown as `⏎` and a space.
pub fn inert(s: &str, multiline: bool) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if multiline => out.push('\n'),
            '\t' if multiline => out.push_str("    "),
            '\r' if multiline => {}
            '\n' => out.push('⏎'),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�'));
            }
            '\u{7f}' => out.push('␡'),
            c if is_hazard(c) => out.push_str(&format!("‹U+{:04X}›", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line for a table cell or a list row.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    inert(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(inert_line("plain"), "plain");
        assert_eq!(inert_line("\u{1b}[31mred"), "␛[31mred");
        assert_eq!(inert_line("a\nb"), "a⏎b");
        assert_eq!(inert("a\nb", true), "a\nb");
        assert_eq!(inert_line("x\u{202e}y"), "x‹U+202E›y");
        assert_eq!(inert_line("\u{9b}"), "‹U+009B›");
        assert_eq!(inert_line("bell\u{7}"), "bell␇");
    }
}
