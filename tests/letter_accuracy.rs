//! How many facts the letter reader gets right on a corpus of synthetic letters.
//!
//! `tests/fixtures/corpus/{dev,heldout}/NAME.txt` are invented letters in the styles
//! councils, police forces, NHS bodies, government departments and Scottish bodies
//! use; `{dev,heldout}.facts.json` say what each letter states. The held-out set was
//! written before the reader was tuned on the development set, and is not tuned on.
//!
//! A fact is the authority, the reference, the letter date, the request date, the
//! regime, the review window, and for each question its label, outcome and
//! exemptions. Each is *right*, *missing* (the reader left it empty) or *wrong* (the
//! reader put a value the letter does not support, which is worse: it is an invented
//! fact). `cargo test --test letter_accuracy -- --nocapture` prints every miss.

use foi_casebook::import::{Proposal, parse_letter};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Facts {
    authority: Option<String>,
    their_ref: Option<String>,
    letter_date: Option<String>,
    request_date: Option<String>,
    regime: Option<String>,
    review_window: Option<String>,
    questions: Vec<QuestionFacts>,
}

#[derive(Debug, Deserialize)]
struct QuestionFacts {
    label: String,
    outcome: String,
    exemptions: Vec<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    right: u32,
    missing: u32,
    wrong: u32,
}

impl Score {
    fn total(self) -> u32 {
        self.right + self.missing + self.wrong
    }
    fn accuracy(self) -> f64 {
        f64::from(self.right) / f64::from(self.total().max(1))
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Labels match whatever their punctuation: `(a)` is `a)` is `a`.
fn label_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Compare one fact, where `None` means "empty".
fn tally(
    score: &mut Score,
    misses: &mut Vec<String>,
    what: &str,
    want: Option<&str>,
    got: Option<&str>,
) {
    match (want, got) {
        (None, None) => score.right += 1,
        (Some(w), Some(g)) if w == g => score.right += 1,
        (Some(w), None) => {
            score.missing += 1;
            misses.push(format!("{what}: missing, want {w:?}"));
        }
        (w, Some(g)) => {
            score.wrong += 1;
            misses.push(format!("{what}: WRONG {g:?}, want {w:?}"));
        }
    }
}

fn score_letter(want: &Facts, got: &Proposal, misses: &mut Vec<String>) -> Score {
    let mut s = Score::default();
    let show = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let authority = got.authority.as_deref().map(words);
    tally(
        &mut s,
        misses,
        "authority",
        want.authority.as_deref().map(words).as_deref(),
        authority.as_deref(),
    );
    tally(
        &mut s,
        misses,
        "their_ref",
        want.their_ref.as_deref(),
        got.their_ref.as_deref().map(str::trim),
    );
    tally(
        &mut s,
        misses,
        "letter_date",
        want.letter_date.as_deref(),
        show(got.letter_date).as_deref(),
    );
    tally(
        &mut s,
        misses,
        "request_date",
        want.request_date.as_deref(),
        show(got.request_date).as_deref(),
    );
    let regime = got.regime.map(|r| r.as_str().to_string());
    tally(
        &mut s,
        misses,
        "regime",
        want.regime.as_deref(),
        regime.as_deref(),
    );
    let window = got.review_window.map(|w| w.canonical());
    tally(
        &mut s,
        misses,
        "review_window",
        want.review_window.as_deref(),
        window.as_deref(),
    );
    for (i, wq) in want.questions.iter().enumerate() {
        let Some(gq) = got.questions.get(i) else {
            s.missing += 3;
            misses.push(format!("question {}: missing", wq.label));
            continue;
        };
        let q = format!("question {}", wq.label);
        let (wl, gl) = (label_key(&wq.label), label_key(&gq.label));
        tally(&mut s, misses, &format!("{q} label"), Some(&wl), Some(&gl));
        let outcome = serde_json::to_value(gq.outcome).ok();
        let outcome = outcome
            .as_ref()
            .and_then(|v| v.as_str())
            .filter(|o| *o != "pending");
        tally(
            &mut s,
            misses,
            &format!("{q} outcome"),
            Some(&wq.outcome),
            outcome,
        );
        let mut we = wq.exemptions.clone();
        let mut ge = gq.exemptions.clone();
        we.sort();
        ge.sort();
        let (we, ge) = (we.join(","), ge.join(","));
        let ge = (!ge.is_empty() || we.is_empty()).then_some(ge.as_str());
        tally(&mut s, misses, &format!("{q} exemptions"), Some(&we), ge);
    }
    // A question the letter does not ask is one invented fact.
    for extra in got.questions.iter().skip(want.questions.len()) {
        s.wrong += 1;
        misses.push(format!("question {}: WRONG, not asked", extra.label));
    }
    s
}

fn score_set(set: &str) -> Score {
    let facts = std::fs::read_to_string(corpus().join(format!("{set}.facts.json"))).unwrap();
    let facts: BTreeMap<String, Facts> = serde_json::from_str(&facts).unwrap();
    let letters = std::fs::read_dir(corpus().join(set)).unwrap().count();
    assert_eq!(
        letters,
        facts.len(),
        "{set}: a letter without facts or facts without a letter"
    );
    let mut total = Score::default();
    for (name, want) in &facts {
        let text = std::fs::read_to_string(corpus().join(set).join(format!("{name}.txt"))).unwrap();
        let got = parse_letter(&text);
        let mut misses = Vec::new();
        let s = score_letter(want, &got, &mut misses);
        for m in &misses {
            println!("{set}/{name}: {m}");
        }
        total.right += s.right;
        total.missing += s.missing;
        total.wrong += s.wrong;
    }
    println!(
        "{set}: {} facts, {} right ({:.1}%), {} missing, {} wrong",
        total.total(),
        total.right,
        100.0 * total.accuracy(),
        total.missing,
        total.wrong
    );
    total
}

#[test]
fn development_set() {
    let s = score_set("dev");
    assert!(s.total() >= 100, "the corpus shrank: {s:?}");
    // Measured: 192 of 192. The reader before this work: 176 (9 missing, 7 wrong).
    assert!(s.accuracy() >= 0.99, "{s:?}");
    assert_eq!(s.wrong, 0, "an invented fact: {s:?}");
}

#[test]
fn held_out_set() {
    let s = score_set("heldout");
    assert!(s.total() >= 100, "the corpus shrank: {s:?}");
    // Measured: 240 of 249, 8 missing, 1 wrong; the reader before this work: 215
    // (23 missing, 11 wrong). The last 8 letters were written after the tuning ended
    // and read once: 88 of 93 (before: 79). The misses: a request quoted whole with
    // its numbers inside the quote, answers to bullets given as plain paragraphs, a
    // single question quoted after "You asked:" and answered with a bare figure.
    assert!(s.accuracy() >= 0.96, "{s:?}");
    assert!(s.wrong <= 1, "invented facts: {s:?}");
}

#[test]
fn scoring_counts_wrong_apart_from_missing() {
    let want: Facts = serde_json::from_str(
        r#"{"authority":"Northfold Council","their_ref":null,"letter_date":"2020-01-02",
            "request_date":null,"regime":"foia","review_window":null,
            "questions":[{"label":"(a)","outcome":"withheld","exemptions":["43(2)"]}]}"#,
    )
    .unwrap();
    let got = parse_letter(
        "Northfold Council\n\nOur ref: X1\n\nDear Sir\n\nYou asked:\n\na) Please send the contract.\n\n\
         a) The contract is withheld under section 43(2) of the Freedom of Information Act 2000.\n",
    );
    let mut misses = Vec::new();
    let s = score_letter(&want, &got, &mut misses);
    // The reference the facts call absent is counted as invented; the date as missing.
    assert!(
        misses.iter().any(|m| m.starts_with("their_ref: WRONG")),
        "{misses:?}"
    );
    assert!(
        misses.iter().any(|m| m.starts_with("letter_date: missing")),
        "{misses:?}"
    );
    assert_eq!(s.total(), 9, "{misses:?}");
}
