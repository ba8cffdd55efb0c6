//! Answers laid out as tables: Markdown pipes (`| 1 | How many … | 12 |`) or columns
//! aligned with spaces or tabs.

use super::clean::{Doc, re};
use super::labels::{Family, Marker, marker};
use regex::Regex;
use std::sync::LazyLock;

/// One data row of a table, as a marker plus the row's answer cells.
#[derive(Debug, Clone)]
pub struct Row {
    pub marker: Marker,
    pub answer: String,
    /// The row's label was printed (not just its position in the table).
    pub labelled: bool,
}

/// A table's label column heading ("No.", "#", "Q", "Question number").
static LABEL_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\s*
            (
                no\.? | \# | q | q\s*no\.? | ref | item | number | part
              | question\s+(?:no\.?|number|ref) | request\s+(?:no\.?|number)
            )
            \s*$
        ")
});
/// A table's question column heading.
static QUESTION_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                question | request | information\s+requested | description | query
              | you\s+asked | what\s+you\s+asked
            )
        ")
});
/// A table's answer column heading.
static ANSWER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                response | answer | outcome | decision | reply | exemption | information
              | comments? | status | result | disclosed
            )
        ")
});
/// A rule under a table's heading (`|---|:--|`, `-----  -----`).
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            ^[\s|:\-+=]+$
        ")
});
/// The gap between columns aligned with spaces.
static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            \s{2,}
        ")
});

fn pipe_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    if t.matches('|').count() < 2 && !(t.starts_with('|') && t.len() > 1) {
        return None;
    }
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    Some(t.split('|').map(|c| c.trim().to_string()).collect())
}

fn column_cells(line: &str) -> Vec<String> {
    COLUMN_GAP
        .split(line.trim())
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

struct Roles {
    label: Option<usize>,
    question: Option<usize>,
    /// Columns naming exemptions, where "None" or "-" says nothing.
    exemption_cols: Vec<usize>,
}

fn roles(header: &[String]) -> Option<Roles> {
    let label = header.iter().position(|h| LABEL_HEAD.is_match(h));
    let question = header.iter().enumerate().position(|(i, h)| {
        Some(i) != label
            && QUESTION_HEAD.is_match(h)
            && (!ANSWER_HEAD.is_match(h) || h.to_ascii_lowercase().contains("requested"))
    });
    let answer = header
        .iter()
        .enumerate()
        .any(|(i, h)| Some(i) != label && Some(i) != question && ANSWER_HEAD.is_match(h));
    let exemption_cols = header
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let h = h.to_ascii_lowercase();
            h.contains("exemption") || h.contains("section") || h.contains("exception")
        })
        .map(|(i, _)| i)
        .collect();
    (answer && (question.is_some() || label.is_some())).then_some(Roles {
        label,
        question,
        exemption_cols,
    })
}

fn row(line: usize, cells: &[String], roles: &Roles, index: u32) -> Option<Row> {
    let get = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |s| s.as_str());
    let label_cell = get(roles.label);
    let question_cell = get(roles.question);
    // The label: its own column, else a label at the start of the question cell.
    let from_label = (!label_cell.is_empty())
        .then(|| {
            marker(line, label_cell).or_else(|| {
                let n: u32 = label_cell.trim_end_matches(['.', ')']).parse().ok()?;
                Some(Marker {
                    line,
                    family: Family::Numbered,
                    keys: vec![n],
                    label: n.to_string(),
                    rest: String::new(),
                })
            })
        })
        .flatten();
    let from_question = marker(line, question_cell).filter(|m| m.family != Family::Bullet);
    let (label, keys, question, labelled) = match (from_label, from_question) {
        (Some(l), _) if !l.keys.is_empty() => (l.label, l.keys, question_cell.to_string(), true),
        (_, Some(q)) if !q.keys.is_empty() => (q.label, q.keys, q.rest, true),
        _ => (
            index.to_string(),
            vec![index],
            question_cell.to_string(),
            false,
        ),
    };
    let answer: Vec<&str> = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            Some(*i) != roles.label
                && Some(*i) != roles.question
                && !c.trim().is_empty()
                && !(roles.exemption_cols.contains(i) && is_empty_cell(c))
        })
        .map(|(_, c)| c.as_str())
        .collect();
    Some(Row {
        marker: Marker {
            line,
            family: Family::Table,
            keys,
            label,
            rest: question,
        },
        answer: answer.join(". "),
        labelled,
    })
}

/// A cell that says nothing: blank, a dash, "None", "N/A".
fn is_empty_cell(c: &str) -> bool {
    let t = c.trim().trim_matches(['-', '.', ' ']).to_ascii_lowercase();
    t.is_empty() || t == "none" || t == "n/a" || t == "na" || t == "not applicable"
}

/// Every table row with a header that names a question column and an answer column.
pub fn rows(doc: &Doc) -> Vec<Row> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = doc.lines.len();
    while i < n {
        let text = doc.text(i);
        let pipe = pipe_cells(text);
        let header = match &pipe {
            Some(c) => c.clone(),
            None => column_cells(text),
        };
        let Some(roles) = (header.len() >= 2).then(|| roles(&header)).flatten() else {
            i += 1;
            continue;
        };
        let width = header.len();
        let mut j = i + 1;
        let mut index = 0;
        let mut last: Option<usize> = None;
        while j < n {
            let t = doc.text(j);
            if pipe.is_some() {
                if t.trim().is_empty() {
                    // HTML tables leave blank lines between rows.
                    let next = (j + 1..n).find(|&k| !doc.blank(k));
                    if next.is_some_and(|k| k <= j + 2 && pipe_cells(doc.text(k)).is_some()) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let Some(cells) = pipe_cells(t) else { break };
                if !SEPARATOR.is_match(t) && cells.iter().any(|c| !c.is_empty()) {
                    index += 1;
                    if let Some(r) = row(j, &cells, &roles, index) {
                        out.push(r);
                    }
                }
            } else {
                if t.trim().is_empty() {
                    // A blank line ends an aligned table unless another row follows.
                    let next = doc.text(j + 1);
                    if column_cells(next).len() < 2 || next.trim().is_empty() {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let cells = column_cells(t);
                if cells.len() >= 2 && cells.len() <= width + 1 && !SEPARATOR.is_match(t) {
                    index += 1;
                    if let Some(r) = row(j, &cells, &roles, index) {
                        out.push(r);
                        last = Some(out.len() - 1);
                    }
                } else if cells.len() == 1 && t.starts_with(' ') {
                    // A wrapped cell: more of the last row's answer.
                    if let Some(r) = last.and_then(|k| out.get_mut(k)) {
                        r.answer.push(' ');
                        r.answer.push_str(t.trim());
                    }
                } else if !SEPARATOR.is_match(t) {
                    break;
                }
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = LABEL_HEAD.as_str();
        let _ = QUESTION_HEAD.as_str();
        let _ = ANSWER_HEAD.as_str();
        let _ = SEPARATOR.as_str();
        let _ = COLUMN_GAP.as_str();
    }

    #[test]
    fn pipe_and_aligned_tables() {
        let doc = Doc::parse(
            "| No. | Question | Response |\n|---|---|---|\n| 1 | How many beds? | 40 |\n| 2 | How many staff? | Not held |\n\nafter",
        );
        let r = rows(&doc);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].marker.keys, vec![1]);
        assert_eq!(r[0].marker.rest, "How many beds?");
        assert_eq!(r[1].answer, "Not held");
        let doc = Doc::parse(
            "Question                 Response\nQ1 How many beds?        40 beds\nQ2 How many staff?       Not held\n",
        );
        let r = rows(&doc);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].marker.label, "Q2");
        assert_eq!(r[1].marker.rest, "How many staff?");
    }
}
