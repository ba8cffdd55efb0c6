//! Typing a file's path, with Tab completion against the file system as a shell does:
//! one match completes (a folder gets its `/`), several complete to what they share and
//! are listed, `~` stands for the home folder.

use crate::domain::text::inert_line;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea};
use std::path::{Path, PathBuf};

/// A one-line text input (the search line, `:`, a path).
pub fn new_line_input() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(Style::default());
    t
}

/// What the path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathFor {
    /// A file to import.
    Import,
    /// Where to write the letter.
    WriteLetter,
}

pub struct PathPrompt {
    pub purpose: PathFor,
    pub input: TextArea<'static>,
    /// The names a Tab found when it could not decide (shown under the input).
    pub choices: Vec<String>,
    /// How many choices there were in all (the list shows the first few).
    pub total: usize,
    /// What went wrong with the last Tab or Enter.
    pub error: Option<String>,
}

/// How many of the choices are shown.
pub const CHOICES_SHOWN: usize = 8;

impl PathPrompt {
    pub fn new(purpose: PathFor, initial: &str) -> PathPrompt {
        let mut input = new_line_input();
        input.insert_str(inert_line(initial));
        input.move_cursor(CursorMove::End);
        input.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        // Words, not an example path: dimmed or not, a path would look like a value.
        input.set_placeholder_text(match purpose {
            PathFor::Import => "type the file's path (Tab completes)",
            PathFor::WriteLetter => "type where to write the letter (Tab completes)",
        });
        input.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
        PathPrompt {
            purpose,
            input,
            choices: Vec::new(),
            total: 0,
            error: None,
        }
    }

    /// What is typed, as typed.
    pub fn text(&self) -> String {
        self.input.lines().join("")
    }

    /// What is typed, `~` expanded.
    pub fn path(&self) -> PathBuf {
        expand(self.text().trim())
    }

    pub fn type_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        self.error = None;
        self.choices.clear();
        self.total = 0;
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        // Ctrl-U clears to the start of the line, as in a shell.
        if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.input.delete_line_by_head();
        } else {
            self.input.input(key);
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.error = None;
        self.input
            .insert_str(inert_line(text.trim_end_matches(['\n', '\r'])));
    }

    /// Tab: complete what is typed.
    pub fn complete(&mut self) {
        let typed = self.text();
        let c = complete(&typed);
        self.error = None;
        if c.matches.is_empty() {
            self.choices.clear();
            self.total = 0;
            self.error = Some(match c.problem {
                Some(p) => p,
                None => "nothing here starts with that".into(),
            });
            return;
        }
        if c.text != typed {
            self.input = {
                let mut t = PathPrompt::new(self.purpose, &c.text).input;
                t.move_cursor(CursorMove::End);
                t
            };
        }
        if c.matches.len() > 1 {
            self.total = c.matches.len();
            self.choices = c.matches.into_iter().take(CHOICES_SHOWN).collect();
        } else {
            self.choices.clear();
            self.total = 0;
        }
    }
}

/// `~` and `~/…` stand for the home folder.
pub fn expand(typed: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    if typed == "~" {
        if let Some(h) = home() {
            return h;
        }
    } else if let Some(rest) = typed.strip_prefix("~/")
        && let Some(h) = home()
    {
        return h.join(rest);
    }
    PathBuf::from(typed)
}

/// What a Tab makes of the typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text after completing (unchanged when nothing more is certain).
    pub text: String,
    /// Every name that matched, folders with a trailing `/`, sorted.
    pub matches: Vec<String>,
    /// Why nothing could be listed (the folder cannot be read …).
    pub problem: Option<String>,
}

/// Complete `typed` against the file system: names in its folder that start with its last
/// part (hidden ones only when that part starts with a dot).
pub fn complete(typed: &str) -> Completion {
    let (dir_part, prefix) = match typed.rfind('/') {
        Some(i) => typed.split_at(i + 1),
        None if typed == "~" => ("~/", ""),
        None => ("", typed),
    };
    // "~" alone completes to "~/" first.
    let base = if typed == "~" { "~/" } else { typed };
    let dir = if dir_part.is_empty() {
        PathBuf::from(".")
    } else {
        expand(dir_part)
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            return Completion {
                text: typed.to_string(),
                matches: Vec::new(),
                problem: Some(format!("cannot read the folder {}: {e}", shown(&dir))),
            };
        }
    };
    let mut matches: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            // Follow links: a link to a folder completes as a folder.
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            Some(if is_dir { format!("{name}/") } else { name })
        })
        .collect();
    matches.sort();
    let text = match matches.as_slice() {
        [] => typed.to_string(),
        [one] => format!("{}{}", dir_part_of(base), one),
        many => {
            let common = common_prefix(many);
            if common.len() > prefix.len() {
                format!("{}{}", dir_part_of(base), common)
            } else {
                base.to_string()
            }
        }
    };
    Completion {
        text,
        matches,
        problem: None,
    }
}

fn dir_part_of(typed: &str) -> &str {
    match typed.rfind('/') {
        Some(i) => &typed[..=i],
        None => "",
    }
}

/// The longest start all `names` share, cut at a character boundary.
fn common_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut end = first.len();
    for n in &names[1..] {
        end = end.min(
            first
                .char_indices()
                .zip(n.chars())
                .find(|((_, a), b)| a != b)
                .map_or(first.len().min(n.len()), |((i, _), _)| i),
        );
    }
    first[..end].to_string()
}

/// A path for a message, made inert.
pub fn shown(p: &Path) -> String {
    inert_line(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_one_several_and_none() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path().display().to_string();
        std::fs::write(dir.path().join("letter-dwp.txt"), "x").expect("write");
        std::fs::write(dir.path().join("letter-hmrc.txt"), "x").expect("write");
        std::fs::create_dir(dir.path().join("exports")).expect("mkdir");
        std::fs::write(dir.path().join(".hidden"), "x").expect("write");

        let c = complete(&format!("{d}/ex"));
        assert_eq!(c.text, format!("{d}/exports/"));
        assert_eq!(c.matches, vec!["exports/"]);

        let c = complete(&format!("{d}/l"));
        assert_eq!(c.text, format!("{d}/letter-"));
        assert_eq!(c.matches, vec!["letter-dwp.txt", "letter-hmrc.txt"]);

        let c = complete(&format!("{d}/"));
        assert_eq!(c.matches.len(), 3, "hidden files only when asked for");
        let c = complete(&format!("{d}/.h"));
        assert_eq!(c.matches, vec![".hidden"]);

        let c = complete(&format!("{d}/zz"));
        assert!(c.matches.is_empty());
        assert_eq!(c.text, format!("{d}/zz"));

        let c = complete(&format!("{d}/nope/x"));
        assert!(c.problem.is_some());
    }

    #[test]
    fn common_prefix_stops_at_a_character() {
        assert_eq!(
            common_prefix(&["réponse-a".into(), "réponse-b".into()]),
            "réponse-"
        );
        assert_eq!(common_prefix(&["é1".into(), "è2".into()]), "");
        assert_eq!(common_prefix(&["ab".into(), "abc".into()]), "ab");
    }

    #[test]
    fn tilde_is_home() {
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(expand("~/x.txt"), PathBuf::from(&home).join("x.txt"));
            assert_eq!(expand("~"), PathBuf::from(&home));
            assert_eq!(complete("~").text.chars().next(), Some('~'));
        }
        assert_eq!(expand("a/~/b"), PathBuf::from("a/~/b"));
    }
}
