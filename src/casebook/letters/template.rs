//! Filling a template's `{fields}`, and tidying the result into a letter's lines.

use super::WIDTH;
use std::collections::HashMap;

/// A field the template names but the letter writer does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub field: String,
    pub line: usize,
}

/// Fill `template`'s `{fields}` from `values`. `{{`/`}}` are literal braces; a brace that
/// does not enclose a field name is kept as it is.
pub fn fill(
    template: &str,
    values: &HashMap<&str, String>,
) -> std::result::Result<String, UnknownField> {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    let mut line = 1;
    while let Some(i) = rest.find(['{', '}']) {
        let (before, tail) = rest.split_at(i);
        out.push_str(before);
        line += before.matches('\n').count();
        if let Some(t) = tail.strip_prefix("{{") {
            out.push('{');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("}}") {
            out.push('}');
            rest = t;
        } else if let Some(t) = tail.strip_prefix('{')
            && let Some(end) = t.find('}')
            && end > 0
            && t[..end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            let name = &t[..end];
            match values.get(name) {
                Some(v) => out.push_str(v),
                None => {
                    return Err(UnknownField {
                        field: name.to_string(),
                        line,
                    });
                }
            }
            rest = &t[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Tidy a filled letter: no trailing spaces, one blank line at most between paragraphs,
/// long lines wrapped at spaces with their indent kept (a `- ` item hangs under its text).
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut blank_run = 0;
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank_run = 0;
        for l in wrap(line, WIDTH) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Wrap one line at spaces to `width` characters; continuation lines take the line's
/// indent (plus two for a `- ` item). A word longer than the width stays whole.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    let indent_len = line.len() - line.trim_start().len();
    let indent = &line[..indent_len];
    let body = &line[indent_len..];
    let hang = if body.starts_with("- ") {
        format!("{indent}  ")
    } else {
        indent.to_string()
    };
    let mut lines = Vec::new();
    let mut cur = indent.to_string();
    let mut cur_len = cur.chars().count();
    let mut empty = true;
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        let wl = word.chars().count();
        if !empty && cur_len + 1 + wl > width {
            lines.push(std::mem::take(&mut cur));
            cur = hang.clone();
            cur_len = cur.chars().count();
            empty = true;
        }
        if !empty {
            cur.push(' ');
            cur_len += 1;
        }
        cur.push_str(word);
        cur_len += wl;
        empty = false;
    }
    if !empty {
        lines.push(cur);
    }
    lines
}

/// `Requests 1–9`, `Requests 1–3 and 5`, `Q1, Q2 and 4(a)`: labels with consecutive
/// numbers after the same words folded into ranges.
pub fn label_list(labels: &[&str]) -> String {
    // (prefix, number) for labels like "Request 4"; None for others.
    fn split(l: &str) -> Option<(&str, u64)> {
        let digits = l.len() - l.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 6 {
            return None;
        }
        let (p, n) = l.split_at(l.len() - digits);
        Some((p, n.parse().ok()?))
    }
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some((prefix, start)) = split(labels[i]) else {
            parts.push(labels[i].to_string());
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < labels.len()
            && split(labels[j + 1])
                .is_some_and(|(p, n)| p == prefix && n == start + (j + 1 - i) as u64)
        {
            j += 1;
        }
        let end = start + (j - i) as u64;
        let word = prefix.ends_with(' ') && prefix.trim().chars().all(char::is_alphabetic);
        parts.push(match (j - i, word) {
            (0, _) => labels[i].to_string(),
            (_, true) => format!("{}s {start}–{end}", prefix.trim_end()),
            (1, false) => format!("{} and {}", labels[i], labels[j]),
            (_, false) => format!("{prefix}{start}–{prefix}{end}"),
        });
        i = j + 1;
    }
    // Several single "Request N" parts read better as "Requests 1, 3 and 5".
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    }
}
