//! Full-text search over everything a casebook holds: titles, authorities, references,
//! tags, request text, questions and their notes, case and event notes, attached letters.
//!
//! What the user types is never handed to FTS5 as query syntax. It is read as words
//! (each a prefix: `insp` finds `inspections`), `"quoted phrases"`, `OR` between two
//! terms, and `-word` to exclude; every term is then quoted for FTS5, so no input can
//! make a malformed query.

use super::{Casebook, Error, Result};
use crate::store::StoreError;
use crate::store::search::{HIT_END, HIT_START, SearchRow};
use serde::Serialize;

/// One case found, best first: the store's row, its snippet with each hit «marked», and
/// the snippet in pieces. It reads as its row (`hit.title`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The snippet here is the one-line extract with each hit «marked».
    #[serde(flatten)]
    pub row: SearchRow,
    /// The extract in pieces, `true` for a hit (for the TUI to style).
    #[serde(skip)]
    pub spans: Vec<(String, bool)>,
}

impl std::ops::Deref for SearchHit {
    type Target = SearchRow;
    fn deref(&self) -> &SearchRow {
        &self.row
    }
}

impl SearchHit {
    fn from_row(mut row: SearchRow) -> SearchHit {
        let spans = snippet_spans(&row.snippet);
        row.snippet = spans
            .iter()
            .map(|(t, hit)| if *hit { format!("«{t}»") } else { t.clone() })
            .collect();
        SearchHit { row, spans }
    }
}

/// Split a marked snippet into plain and hit pieces, whitespace runs (newlines
/// included) folded to one space.
fn snippet_spans(marked: &str) -> Vec<(String, bool)> {
    let mut spans: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut in_hit = false;
    let mut last_space = false;
    for c in marked.chars() {
        match c {
            HIT_START | HIT_END => {
                if !cur.is_empty() {
                    spans.push((std::mem::take(&mut cur), in_hit));
                }
                in_hit = c == HIT_START;
            }
            c if c.is_whitespace() => {
                if !last_space {
                    cur.push(' ');
                }
                last_space = true;
                continue;
            }
            c => cur.push(c),
        }
        last_space = false;
    }
    if !cur.is_empty() {
        spans.push((cur, in_hit));
    }
    if let Some((t, _)) = spans.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some((t, _)) = spans.last_mut() {
        *t = t.trim_end().to_string();
    }
    spans.retain(|(t, _)| !t.is_empty());
    spans
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Term { text: String, negated: bool },
    Or,
}

fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    let mut negate_next = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = std::mem::take(&mut negate_next);
        if c == '-' {
            chars.next();
            negated = true;
            if chars.peek().is_none_or(|c| c.is_whitespace()) {
                continue;
            }
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut text = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                text.push(c);
            }
            out.push(Token::Term { text, negated });
            continue;
        }
        let mut text = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '"' {
                break;
            }
            text.push(c);
            chars.next();
        }
        match text.as_str() {
            "OR" if !negated => out.push(Token::Or),
            "AND" if !negated => {}
            "NOT" if !negated => negate_next = true,
            _ => out.push(Token::Term { text, negated }),
        }
    }
    out
}

/// One term as FTS5 reads it: each of its words `"word"*`, a prefix, with a phrase's
/// words joined by `+` so that they must stand together. Quoting makes FTS5 read every
/// word as text only.
///
/// The index holds words as written (no stemming), because a prefix and a stemmed index
/// do not mix: the stemmer would rewrite the typed prefix (`employ` becomes `emploi`) and
/// shorten the indexed word (`sensitive` becomes `sensit`), so a prefix of a word was not
/// always a prefix of its stem. Word endings are folded here instead: a typed word is cut
/// back to its stem when the stem is a prefix of it (`performing` → `perform`*), which
/// then finds `performance` as a prefix.
fn quote(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", fold_ending(w)))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The shortest form of `word` that still stands for it: its English stem, where that
/// is a prefix of the word of at least three letters; else the word itself.
fn fold_ending(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.chars().count() < 4 || !lower.chars().all(char::is_alphabetic) {
        return lower;
    }
    let stem = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English).stem(&lower);
    // The stemmer may also change a word's last letter (`happy` → `happi`): keep only
    // what the stem and the word share.
    let shared: String = lower
        .chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    if shared.chars().count() >= 3 {
        shared
    } else {
        lower
    }
}

/// Build the FTS5 query for what the user typed; a user error when nothing searchable
/// is left (only punctuation, only exclusions).
pub fn fts_query(input: &str) -> Result<String> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let mut or_pending = false;
    for t in tokens(input) {
        match t {
            Token::Or => or_pending = !groups.is_empty(),
            Token::Term { text, negated } => {
                // A term with no letter or digit would be an empty phrase: skip it.
                if !text.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let q = quote(&text);
                if negated {
                    excluded.push(q);
                } else if or_pending && let Some(last) = groups.last_mut() {
                    last.push(q);
                } else {
                    groups.push(vec![q]);
                }
                or_pending = false;
            }
        }
    }
    if groups.is_empty() {
        return Err(Error::user(if excluded.is_empty() {
            "nothing to search for: give a word, e.g. foi search Caxton".to_string()
        } else {
            "a search needs at least one word to find, not only words to leave out (-word)"
                .to_string()
        }));
    }
    let mut q = groups
        .iter()
        .map(|g| {
            if g.len() == 1 {
                g[0].clone()
            } else {
                format!("({})", g.join(" OR "))
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ");
    for x in excluded {
        q = format!("({q}) NOT {x}");
    }
    Ok(q)
}

impl Casebook {
    /// The cases matching `query` (words, "phrases", OR, -word), most relevant first, at
    /// most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let fts = fts_query(query)?;
        match self.store.search(&fts, limit) {
            Ok(rows) => Ok(rows.into_iter().map(SearchHit::from_row).collect()),
            // Quoting makes this unreachable; should FTS5 still object, the user hears it
            // as a problem with the query, not a fault of the casebook.
            Err(StoreError::Sqlite { source, .. }) if source.to_string().contains("fts5") => {
                Err(Error::user(format!(
                    "cannot search for that ({source}): try plain words"
                )))
            }
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_becomes_quoted_terms() {
        assert_eq!(fts_query("Caxton").unwrap(), "\"caxton\"*");
        assert_eq!(
            fts_query("caxton house").unwrap(),
            "\"caxton\"* AND \"hous\"*"
        );
        assert_eq!(
            fts_query("\"Caxton House\" dwp").unwrap(),
            "\"caxton\"* + \"hous\"* AND \"dwp\"*"
        );
        assert_eq!(
            fts_query("bridge OR viaduct report").unwrap(),
            "(\"bridg\"* OR \"viaduct\"*) AND \"report\"*"
        );
        assert_eq!(
            fts_query("bridge -glasgow").unwrap(),
            "(\"bridg\"*) NOT \"glasgow\"*"
        );
        assert_eq!(
            fts_query("bridge NOT glasgow").unwrap(),
            "(\"bridg\"*) NOT \"glasgow\"*"
        );
        assert_eq!(fts_query("\"unclosed").unwrap(), "\"unclos\"*");
        assert_eq!(fts_query("say \"\"hi").unwrap(), "\"say\"* AND \"hi\"*");
        assert_eq!(
            fts_query("'; DROP TABLE cases;--").unwrap(),
            "\"drop\"* AND \"tabl\"* AND \"case\"*"
        );
        assert_eq!(fts_query("a\"b").unwrap(), "\"a\"* AND \"b\"*");
        assert_eq!(fts_query("OR bridge OR").unwrap(), "\"bridg\"*");
    }

    #[test]
    fn word_endings_fold_to_a_prefix_of_the_word() {
        // The stem, where it is a prefix of what was typed.
        assert_eq!(fold_ending("performing"), "perform");
        assert_eq!(fold_ending("Employment"), "employ");
        // What was typed, where stemming would change it rather than shorten it.
        assert_eq!(fold_ending("employ"), "employ");
        assert_eq!(fold_ending("taxpay"), "taxpay");
        // Only the shared part where the stem changes the last letter.
        assert_eq!(fold_ending("happy"), "happ");
        // Short words, numbers and references stay as they are.
        assert_eq!(fold_ending("dwp"), "dwp");
        assert_eq!(fold_ending("471"), "471");
        assert_eq!(fold_ending("s43a"), "s43a");
    }

    #[test]
    fn nothing_searchable_is_a_user_error() {
        for q in ["", "   ", "*", "AND OR", "\"\"", "-x", "---", "NOT"] {
            let e = fts_query(q).unwrap_err();
            assert!(matches!(e, Error::User(_)), "{q}: {e}");
        }
    }

    #[test]
    fn snippets_fold_whitespace_and_mark_hits() {
        let s = format!("…Write to\n\n{HIT_START}Caxton{HIT_END} House  now…");
        let spans = snippet_spans(&s);
        assert_eq!(
            spans,
            vec![
                ("…Write to ".to_string(), false),
                ("Caxton".to_string(), true),
                (" House now…".to_string(), false),
            ]
        );
        let hit = SearchHit::from_row(SearchRow {
            case_id: 1,
            title: "t".into(),
            authority: "a".into(),
            their_ref: None,
            snippet: s,
            rank: -1.0,
        });
        assert_eq!(hit.snippet, "…Write to «Caxton» House now…");
    }
}

#[cfg(test)]
mod never_crash {
    use super::*;
    use crate::store::Store;
    use proptest::prelude::*;

    fn book() -> Casebook {
        let store = Store::open_in_memory().unwrap();
        let mut b = Casebook::new(store, chrono::NaiveDate::from_ymd_opt(2018, 3, 10).unwrap());
        b.load_demo().unwrap();
        b
    }

    #[test]
    fn hostile_queries_give_results_or_a_user_error() {
        let b = book();
        for q in [
            "\"unclosed",
            "AND OR",
            "*",
            "'; DROP TABLE cases;--",
            "NEAR(a b)",
            "title:caxton",
            "^caxton",
            "caxton*",
            "(caxton",
            "\u{E000}x\u{E001}",
            "{title}: x",
            "\0",
            "- -",
            "\"\"\"",
        ] {
            match b.search(q, 10) {
                Ok(_) => {}
                Err(Error::User(m)) => assert!(!m.is_empty() && !m.contains('\n'), "{q}: {m}"),
                Err(e) => panic!("{q}: {e}"),
            }
        }
        assert_eq!(b.search("caxton*", 10).unwrap().len(), 1);
        assert_eq!(b.search("(Wycliffe", 10).unwrap().len(), 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_is_a_safe_query(q in "\\PC{0,40}") {
            let b = book();
            match b.search(&q, 5) {
                Ok(_) | Err(Error::User(_)) => {}
                Err(e) => panic!("{q:?}: {e}"),
            }
        }

        #[test]
        fn fts_punctuation_soup_is_safe(q in "[\"*^:(){}+\\-'; ORANDNOTa-z]{0,30}") {
            let b = book();
            match b.search(&q, 5) {
                Ok(_) | Err(Error::User(_)) => {}
                Err(e) => panic!("{q:?}: {e}"),
            }
        }
    }
}

#[cfg(test)]
mod prefixes {
    use super::*;
    use crate::store::Store;
    use std::collections::BTreeSet;

    const LETTER: &str = include_str!("../../assets/demo/seed-letter.txt");

    #[test]
    fn every_prefix_of_every_word_of_the_example_letter_finds_it() {
        let store = Store::open_in_memory().unwrap();
        let mut b = Casebook::new(store, chrono::NaiveDate::from_ymd_opt(2018, 3, 10).unwrap());
        let (id, _) = b.load_demo().unwrap();
        let words: BTreeSet<&str> = LETTER
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        assert!(words.len() > 200, "the letter has {} words", words.len());
        let mut missed = Vec::new();
        let mut tried = 0;
        for w in &words {
            for (end, c) in w.char_indices() {
                let prefix = &w[..end + c.len_utf8()];
                tried += 1;
                let found = b.search(prefix, 5).unwrap();
                if !found.iter().any(|h| h.case_id == id) {
                    missed.push(prefix.to_string());
                }
            }
        }
        assert!(
            missed.is_empty(),
            "{} of {tried} missed: {missed:?}",
            missed.len()
        );
        // And a word that is not there finds nothing.
        assert!(b.search("zebra", 5).unwrap().is_empty());
        assert!(b.search("employx", 5).unwrap().is_empty());
    }
}
