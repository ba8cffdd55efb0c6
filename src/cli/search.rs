//! `foi search QUERY`: full text over cases, questions, notes and letters.

use super::json_line;
use crate::casebook::{Casebook, Result, SearchHit};
use crate::domain::text::inert_line;
use clap::Args;
use std::fmt::Write;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (each matches as a prefix), "a phrase", OR between two terms, -word to leave out.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// At most this many cases.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

/// How hits in a snippet are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Piped: plain text.
    None,
    /// A terminal with NO_COLOR: `[hit]`.
    Brackets,
    /// A terminal: bold.
    Bold,
}

impl Marks {
    fn for_stdout() -> Marks {
        use std::io::IsTerminal;
        if !std::io::stdout().is_terminal() {
            Marks::None
        } else if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Marks::Brackets
        } else {
            Marks::Bold
        }
    }
}

pub fn search(book: &Casebook, a: SearchArgs, json: bool) -> Result<String> {
    let query = a.query.join(" ");
    let hits = book.search(&query, a.limit.max(1))?;
    if json {
        return json_line(&hits);
    }
    Ok(render(&hits, &query, Marks::for_stdout()))
}

pub fn render(hits: &[SearchHit], query: &str, marks: Marks) -> String {
    if hits.is_empty() {
        return format!(
            "No case matches '{}'. Words match as prefixes; try fewer or shorter words.\n",
            inert_line(query)
        );
    }
    let mut o = String::new();
    for h in hits {
        let reference = h
            .their_ref
            .as_deref()
            .map(|r| format!(" ({})", inert_line(r)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "#{:<4} {} — {}{reference}",
            h.case_id,
            inert_line(&h.title),
            inert_line(&h.authority)
        );
        let mut line = String::new();
        for (text, hit) in &h.spans {
            let text = inert_line(text);
            match (hit, marks) {
                (true, Marks::Bold) => line.push_str(&format!("\u{1b}[1m{text}\u{1b}[0m")),
                (true, Marks::Brackets) => line.push_str(&format!("[{text}]")),
                _ => line.push_str(&text),
            }
        }
        // An extract that only repeats the title or the authority adds nothing.
        let plain: String = h.spans.iter().map(|(t, _)| t.as_str()).collect();
        let plain = plain.trim_matches(['…', ' ']);
        if !line.is_empty() && plain != h.title.trim() && plain != h.authority.trim() {
            let _ = writeln!(o, "      {line}");
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::SearchRow;

    #[test]
    fn hits_are_marked_for_the_terminal_only() {
        let h = SearchHit {
            row: SearchRow {
                case_id: 1,
                title: "Title".into(),
                authority: "DWP".into(),
                their_ref: Some("Fol 471".into()),
                snippet: "at «Caxton» House".into(),
                rank: -1.0,
            },
            spans: vec![
                ("at ".into(), false),
                ("Caxton".into(), true),
                (" House\u{1b}[2J".into(), false),
            ],
        };
        let plain = render(std::slice::from_ref(&h), "caxton", Marks::None);
        assert_eq!(
            plain,
            "#1    Title — DWP (Fol 471)\n      at Caxton House␛[2J\n"
        );
        let br = render(std::slice::from_ref(&h), "caxton", Marks::Brackets);
        assert!(br.contains("at [Caxton] House"), "{br}");
        let bold = render(&[h], "caxton", Marks::Bold);
        assert!(bold.contains("\u{1b}[1mCaxton\u{1b}[0m"), "{bold}");
        assert!(render(&[], "x\u{1b}", Marks::None).contains("x␛"));
    }
}
