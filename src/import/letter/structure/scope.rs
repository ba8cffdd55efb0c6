//! Stage 5: tie the authority's words to questions. An answer block may turn to
//! other questions as its subject ("…, and question 4 is not held"); a free paragraph
//! names the questions it is about, sentence by sentence, or else is about the
//! request as a whole.

use super::super::clean::re;
use super::super::labels;
use super::super::window::sentences;
use super::{Evidence, Layout};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// What may stand before a question's label when the label is a sentence's subject:
/// the start of the sentence or of a clause ("…, and question 4 is not held").
static SUBJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            (?: ^ | [,;]\s*(?:and|but|while|whereas|whilst)? )
            \s*
            (?: your\s+ | the\s+ | for\s+ | as\s+for\s+ | in\s+(?:response|answer|relation)\s+to\s+ )?
            $
        ")
});
/// Words about the request as a whole.
pub(super) static GLOBAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(?:
                your\s+(?:request|questions|enquiry)
              | information\s+you\s+(?:have\s+)?(?:requested|asked\s+for|are\s+seeking|seek)
              | all\s+(?:of\s+)?(?:the|your)\s+(?:information|questions|requests?)
              | each\s+of\s+your | the\s+whole\s+of | in\s+its\s+entirety
            )
        ")
});

/// The answer under a heading, cut where it turns to other questions as its subject
/// ("Questions 1 to 3 are refused …, and question 4 is not held.").
pub(super) fn split_block(
    text: &str,
    initial: &[u32],
    defined: &BTreeSet<u32>,
) -> Vec<(Vec<u32>, String)> {
    let mut current: Vec<u32> = initial.to_vec();
    let mut out: Vec<(Vec<u32>, String)> = Vec::new();
    let mut push = |ks: &[u32], piece: &str| {
        let piece = piece.trim();
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last, t)) if last.as_slice() == ks => {
                t.push(' ');
                t.push_str(piece);
            }
            _ => out.push((ks.to_vec(), piece.to_string())),
        }
    };
    for s in sentences(text) {
        let switches: Vec<labels::Mention> = labels::mentions(s)
            .into_iter()
            .filter(|m| {
                !m.exception
                    && !m.keys.is_empty()
                    && m.keys.iter().all(|k| defined.contains(k))
                    && m.keys != current
                    && SUBJECT_BEFORE.is_match(s.get(..m.start).unwrap_or(""))
            })
            .collect();
        let mut from = 0;
        let mut owner = current.clone();
        for m in &switches {
            push(&owner, s.get(from..m.start).unwrap_or(""));
            from = m.start;
            owner = m.keys.clone();
        }
        push(&owner, s.get(from..).unwrap_or(""));
        current = owner;
    }
    out
}

/// Tie free paragraphs to the questions they name, sentence by sentence; the rest
/// is about the whole request.
pub(super) fn scope(
    paragraphs: &[String],
    keys: &BTreeSet<u32>,
    evidence: &mut BTreeMap<u32, Vec<Evidence>>,
    layout: &mut Layout,
) {
    let mut carried: Option<(Vec<u32>, bool)> = None;
    for p in paragraphs {
        let mut current: Option<(Vec<u32>, bool)> = carried.take();
        let mut global_text = String::new();
        for s in sentences(p) {
            let ms: Vec<labels::Mention> = labels::mentions(s)
                .into_iter()
                .filter(|m| m.keys.iter().all(|k| keys.contains(k)) && !m.keys.is_empty())
                .collect();
            let named: Vec<&labels::Mention> = ms.iter().filter(|m| !m.exception).collect();
            if named.is_empty() {
                match &current {
                    Some((ks, part)) => push_all(evidence, ks, s, *part),
                    None => {
                        for m in ms.iter().filter(|m| m.exception) {
                            for k in &m.keys {
                                layout.exceptions.push((*k, m.part));
                            }
                        }
                        global_text.push_str(s);
                        global_text.push(' ');
                    }
                }
                continue;
            }
            // Cut the sentence at each mention: each piece belongs to the questions it names.
            for (idx, m) in named.iter().enumerate() {
                let from = if idx == 0 { 0 } else { m.start };
                let to = named.get(idx + 1).map_or(s.len(), |n| n.start);
                let piece = s.get(from..to).unwrap_or("");
                push_all(evidence, &m.keys, piece, m.part);
            }
            current = named.last().map(|m| (m.keys.clone(), m.part));
        }
        if !global_text.trim().is_empty() {
            layout.global.push(global_text.trim().to_string());
        }
        if p.trim_end().ends_with(':') {
            carried = current;
        }
    }
}

fn push_all(evidence: &mut BTreeMap<u32, Vec<Evidence>>, keys: &[u32], text: &str, part: bool) {
    if text.trim().is_empty() {
        return;
    }
    for k in keys {
        let v = evidence.entry(*k).or_default();
        // Sentences of one paragraph join the same piece of evidence.
        match v.last_mut() {
            Some(last) if last.part == part && !last.text.ends_with('\n') => {
                last.text.push(' ');
                last.text.push_str(text.trim());
            }
            _ => v.push(Evidence {
                text: text.trim().to_string(),
                part,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_turns_to_other_questions() {
        let defined: BTreeSet<u32> = [1, 2, 3, 4].into();
        let pieces = split_block(
            "Questions 1 to 3 are refused under section 43, and question 4 is not held.",
            &[1, 2, 3],
            &defined,
        );
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert_eq!(pieces[1].0, vec![4]);
        assert!(pieces[1].1.contains("not held"));
    }

    #[test]
    fn free_paragraphs_name_their_questions() {
        let keys: BTreeSet<u32> = [1, 2].into();
        let mut evidence = BTreeMap::new();
        let mut layout = Layout::default();
        let paragraphs = vec![
            "The information is exempt under section 43, except question 2.".to_string(),
            "In answer to question 1, we hold three reports.".to_string(),
        ];
        scope(&paragraphs, &keys, &mut evidence, &mut layout);
        assert_eq!(layout.exceptions, vec![(2, false)]);
        assert_eq!(layout.global.len(), 1);
        assert!(evidence[&1][0].text.contains("three reports"));
        assert!(!evidence.contains_key(&2));
    }
}
