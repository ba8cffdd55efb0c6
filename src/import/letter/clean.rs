//! Turning whatever was pasted (plain text, Markdown, a saved web page, a PDF's text
//! with its line breaks lost) into clean lines the other readers can trust.

use regex::Regex;
use std::sync::LazyLock;

/// Letters longer than this are read only this far (a safety bound, not a limit real
/// letters reach).
pub const MAX_BYTES: usize = 2_000_000;

/// Compile a pattern that is part of the program. Patterns are constants, covered by
/// the tests: no input can make this fail.
pub fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

/// One cleaned line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub text: String,
    /// Quoted back (`>` in Markdown): the requester's words, never the authority's answer.
    pub quoted: bool,
    /// A Markdown heading (`## …`).
    pub heading: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The cleaned document.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub lines: Vec<Line>,
}

impl Doc {
    pub fn parse(raw: &str) -> Doc {
        let text = normalise_chars(cap(raw));
        let text = strip_html(&text);
        let text = strip_markdown(&text);
        let mut lines = Vec::new();
        for raw_line in text.split('\n') {
            for piece in split_run_together(raw_line) {
                lines.push(make_line(&piece));
            }
        }
        Doc { lines }
    }

    /// The text of lines `from..to` joined with spaces (one logical paragraph).
    pub fn join(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        for l in self
            .lines
            .get(from..to.min(self.lines.len()))
            .unwrap_or(&[])
        {
            let t = l.text.trim();
            if t.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    /// Paragraphs as `(first line, end line exclusive)`, within `from..to`.
    pub fn paragraphs(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let to = to.min(self.lines.len());
        let mut out = Vec::new();
        let mut start = None;
        for i in from..to {
            let blank = self.lines.get(i).is_none_or(Line::is_blank);
            match (blank, start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, to));
        }
        out
    }

    /// Whether line `i` is blank (or past the end).
    pub fn blank(&self, i: usize) -> bool {
        self.lines.get(i).is_none_or(Line::is_blank)
    }

    pub fn text(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", |l| l.text.as_str())
    }
}

fn cap(raw: &str) -> &str {
    if raw.len() <= MAX_BYTES {
        return raw;
    }
    let mut end = MAX_BYTES;
    while end > 0 && !raw.is_char_boundary(end) {
        end -= 1;
    }
    raw.get(..end).unwrap_or("")
}

/// Line endings, spaces, quotes, dashes and control characters made plain.
fn normalise_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{202a}'..='\u{202e}' => {}
            '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{25aa}' | '\u{25e6}' | '\u{25cf}' | '\u{2023}' | '\u{2219}' | '\u{b7}'
            | '\u{25a0}' | '\u{27a2}' | '\u{f0b7}' => out.push('•'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An HTML tag that breaks a line: a paragraph, a list item, a row, a heading.
static HTML_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            <\s*/?\s*
            (?:
                br | p | div | li | tr | h[1-6] | ul | ol | table
              | section | article | header | footer | nav | blockquote
            )\b [^<>]*>
        ")
});
/// The end of a table cell: it becomes a column bar.
static HTML_CELL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            <\s*/\s*t[dh]\s*>
        ")
});
/// A list item: it becomes a bullet.
static HTML_LI: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            <\s*li\b[^<>]*>
        ")
});
/// Any HTML tag.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            </? [a-z][a-z0-9:-]{0,20} (?:\s[^<>]*)? /?>
        ")
});
/// HTML that holds no text of the letter: comments, scripts and styles.
static HTML_DROP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xis)
            <!--.*?-->
          | <(script|style)\b[^<>]*> .*? </(?:script|style)\s*>
        ")
});
/// An HTML entity: `&#163;`, `&#xA3;`, `&pound;`.
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            & ( \#[0-9]{1,7} | \#[xX][0-9a-fA-F]{1,6} | [a-zA-Z]{2,8} ) ;
        ")
});

fn strip_html(s: &str) -> String {
    let looks_html = s.contains('<') && HTML_TAG.is_match(s);
    let s = if looks_html {
        let s = HTML_DROP.replace_all(s, " ");
        let s = HTML_LI.replace_all(&s, "\n• ");
        let s = HTML_CELL.replace_all(&s, " | ");
        let s = HTML_BREAK.replace_all(&s, "\n");
        HTML_TAG.replace_all(&s, "").into_owned()
    } else {
        s.to_string()
    };
    if !s.contains('&') {
        return s;
    }
    ENTITY
        .replace_all(&s, |c: &regex::Captures| {
            let name = c.get(1).map_or("", |m| m.as_str());
            let lower = name.to_ascii_lowercase();
            let decoded = if let Some(hex) = lower.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = lower.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match lower.as_str() {
                    "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" | "ldquo" | "rdquo" => Some('"'),
                    "apos" | "rsquo" | "lsquo" => Some('\''),
                    "pound" => Some('£'),
                    "euro" => Some('€'),
                    "ndash" | "mdash" | "minus" => Some('-'),
                    "bull" | "middot" => Some('•'),
                    "hellip" => Some('…'),
                    "copy" => Some('©'),
                    _ => None,
                }
            };
            match decoded {
                Some(ch) if ch.is_control() && ch != '\n' => " ".to_string(),
                Some(ch) => ch.to_string(),
                None => c.get(0).map_or("", |m| m.as_str()).to_string(),
            }
        })
        .into_owned()
}

/// LaTeX markup some converters leave in Markdown: `$\underline{x}$`.
static LATEX_WRAP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \$\s* \\(?:underline|textbf|textit|text|mathrm|url)
            \{ ([^{}\n]{0,2000}) \} \s*\$
        ")
});
/// A Markdown image.
static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            !\[ [^\]\n]{0,500} \] \( [^)\n]{0,2000} \)
        ")
});
/// A Markdown link: its text in group 1.
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \[ ([^\]\n]{1,500}) \] \( [^)\s]{0,2000} \)
        ")
});
/// A Markdown escape: the character in group 1.
static MD_ESCAPE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \\ ( [\\`*_{}\[\]()\#+\-.!|>~<$&] )
        ")
});

fn strip_markdown(s: &str) -> String {
    let s = LATEX_WRAP.replace_all(s, "$1");
    let s = MD_IMAGE.replace_all(&s, "");
    let s = MD_LINK.replace_all(&s, "$1");
    let s = s.replace("**", "");
    MD_ESCAPE.replace_all(&s, "$1").into_owned()
}

/// A named label run into the sentence before it (`… above. Request 2: …`); the cut
/// is at group 2.
static INLINE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
            ([.?!:;"')\]]) \s+                         # the end of a sentence
            ( (?:Request|Question|Query|Item|Q) \s*\.?\s* \d{1,3} \s* (?: [:.)] | \s-\s ) )
        "#)
});
/// A response heading with its colon run into the sentence before it.
static INLINE_ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
            ([.?!"')\]]) \s+
            ( (?:Response|Answer|Our\x20response|Reply) \s*: )
        "#)
});
/// The review paragraph or the sign-off run into the sentence before it.
static INLINE_STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
            ([.?!"')\]]) \s+
            (
                (?:
                    If\s+you\s+are\s+(?:not\s+)?(?:unhappy|dissatisfied|happy|satisfied|content)
                  | Yours\s+(?:sincerely|faithfully)
                  | Kind\s+regards
                )\b
            )
        "#)
});
/// A year run into the first question's number (`received on 14 October 20191. Do
/// you…`): the cut goes between the year and the `1.`.
static YEAR_RUN_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
        (?: ^ | \s ) (?: 19 | 20 ) \d{2}   # a year after a space (not £20191), glued to…
        ( 1 [.)] \s+ ["(]? [A-Z] )  # …the first question's number and its capital
    "#)
});
/// A response heading that lost its line before a numbered answer (`… false alarms.
/// Response 1. Yes, …`): cut before the heading and before the number.
static INLINE_ANSWER_RUN: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
        [.?!"')\]] \s+                            # the end of a sentence
        ( (?: Our\s+ )? (?: Response | Answers? | Reply ) ) \s+   # the heading, no colon
        ( \d{1,2} [.)] \s+ [A-Z\d£] )            # the first numbered answer
    "#)
});
/// A numbered item run into the sentence before it (read on long lines only).
static INLINE_NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
            ([.?!:"')\]]) \s+
            ( \(?\d{1,2}[.)] \s+ ["(]? [A-Z] )
        "#)
});
/// The greeting, or a response heading, run into the letterhead or the sentence
/// before it.
static INLINE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
            ([.?!:,"')\]\d]) \s+
            (
                Dear\s+[A-Z]
                # Our response …: The Council's answers …:
              | (?:Our|The\s+Council's|The\s+Trust's|My) \s+ (?:response|answers?|reply)\b [^.:]{0,40} [.:]
            )
        "#)
});

/// Break a line where a PDF lost its line breaks: before `Request 2:` or `Response:`
/// that follows the end of a sentence, and (on very long lines) before `2. Please…`.
fn split_run_together(line: &str) -> Vec<String> {
    let mut cuts: Vec<usize> = Vec::new();
    let mut collect = |rx: &Regex| {
        for c in rx.captures_iter(line) {
            if let Some(m) = c.get(2) {
                cuts.push(m.start());
            }
        }
    };
    collect(&INLINE_NAMED);
    collect(&INLINE_ANSWER);
    collect(&INLINE_STOP);
    collect(&INLINE_HEAD);
    if line.len() > 160 {
        collect(&INLINE_NUMBERED);
    }
    for c in YEAR_RUN_IN.captures_iter(line) {
        cuts.extend(c.get(1).map(|m| m.start()));
    }
    for c in INLINE_ANSWER_RUN.captures_iter(line) {
        cuts.extend(c.get(1).map(|m| m.start()));
        cuts.extend(c.get(2).map(|m| m.start()));
    }
    if cuts.is_empty() {
        return vec![line.to_string()];
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if cut > from {
            if let Some(piece) = line.get(from..cut) {
                out.push(piece.trim_end().to_string());
            }
            from = cut;
        }
    }
    if let Some(rest) = line.get(from..) {
        out.push(rest.to_string());
    }
    out
}

fn make_line(raw: &str) -> Line {
    let mut t = raw.trim_end();
    let mut quoted = false;
    let mut heading = false;
    let trimmed = t.trim_start();
    if trimmed.starts_with('>') {
        quoted = true;
        t = trimmed.trim_start_matches(['>', ' ']);
    }
    let trimmed = t.trim_start();
    if trimmed.starts_with('#') {
        let after = trimmed.trim_start_matches('#');
        if after.is_empty() || after.starts_with(' ') {
            heading = true;
            t = after.trim_start();
        }
    }
    Line {
        text: t.to_string(),
        quoted,
        heading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = HTML_BREAK.as_str();
        let _ = HTML_CELL.as_str();
        let _ = HTML_LI.as_str();
        let _ = HTML_TAG.as_str();
        let _ = HTML_DROP.as_str();
        let _ = ENTITY.as_str();
        let _ = LATEX_WRAP.as_str();
        let _ = MD_IMAGE.as_str();
        let _ = MD_LINK.as_str();
        let _ = MD_ESCAPE.as_str();
        let _ = INLINE_NAMED.as_str();
        let _ = INLINE_ANSWER.as_str();
        let _ = INLINE_STOP.as_str();
        let _ = INLINE_NUMBERED.as_str();
        let _ = INLINE_HEAD.as_str();
        let _ = YEAR_RUN_IN.as_str();
        let _ = INLINE_ANSWER_RUN.as_str();
    }

    fn texts(s: &str) -> Vec<String> {
        Doc::parse(s).lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn line_endings_spaces_and_escapes() {
        assert_eq!(texts("a\r\nb\rc"), ["a", "b", "c"]);
        assert_eq!(texts("x\u{a0}y\tz"), ["x y    z"]);
        assert_eq!(texts(r"\* Request 1: a\_b"), ["* Request 1: a_b"]);
        assert_eq!(texts("## **DWP Response**"), ["DWP Response"]);
        assert!(Doc::parse("## **DWP Response**").lines[0].heading);
        assert!(Doc::parse("> quoted").lines[0].quoted);
    }

    #[test]
    fn html_is_reduced_to_text() {
        assert_eq!(
            texts("<p>Our ref: <b>FOI&nbsp;12</b></p><p>&pound;450 &amp; more</p>"),
            ["", "Our ref: FOI 12", "", "£450 & more", ""]
        );
        assert_eq!(
            texts(r#"mail <a href="mailto:x@y">x@y</a> now"#),
            ["mail x@y now"]
        );
    }

    #[test]
    fn run_together_text_is_split() {
        assert_eq!(
            texts("Intro. Request 1: Please provide X. Request 2: Please provide Y."),
            [
                "Intro.",
                "Request 1: Please provide X.",
                "Request 2: Please provide Y."
            ]
        );
        assert_eq!(
            texts("received on 3 May 20191. Do you hold X? Response 1. Yes."),
            [
                "received on 3 May 2019",
                "1. Do you hold X?",
                "Response",
                "1. Yes."
            ]
        );
        // A year followed by another number is left alone.
        assert_eq!(texts("In 20192 cases."), ["In 20192 cases."]);
        assert_eq!(
            texts("It cost £20191. The rest"),
            ["It cost £20191. The rest"]
        );
        assert_eq!(
            texts("part of your Request 4 as below"),
            ["part of your Request 4 as below"]
        );
    }

    #[test]
    fn caps_inside_multibyte_text() {
        let s = "é".repeat(MAX_BYTES);
        let d = Doc::parse(&s);
        assert!(d.lines[0].text.len() <= MAX_BYTES);
    }
}
