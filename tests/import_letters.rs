//! The letter reader against invented letters.
//!
//! Every `tests/fixtures/letters/NAME.txt` has `NAME.expected.json` beside it: the
//! proposal's fields must match exactly; its warnings must include the expected ones.
//! `FOI_BLESS=1 cargo test --test import_letters` rewrites the expected files (review
//! the diff before committing).

use foi_casebook::domain::exemption::normalize_section;
use foi_casebook::domain::{Outcome, Regime};
use foi_casebook::import::{Format, Proposal, detect_format, parse_letter};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters")
}

fn assert_seed(p: &Proposal) {
    assert_eq!(p.their_ref.as_deref(), Some("Fol 471"));
    assert_eq!(
        p.authority.as_deref(),
        Some("Department for Work and Pensions")
    );
    assert_eq!(p.regime, Some(Regime::Foia));
    assert_eq!(
        p.letter_date.map(|d| d.to_string()).as_deref(),
        Some("2018-02-27")
    );
    assert_eq!(
        p.request_date.map(|d| d.to_string()).as_deref(),
        Some("2018-02-03")
    );
    assert_eq!(
        p.review_window.map(|s| s.canonical()).as_deref(),
        Some("2 months")
    );
    let labels: Vec<&str> = p.questions.iter().map(|q| q.label.as_str()).collect();
    let want: Vec<String> = (1..=9).map(|i| format!("Request {i}")).collect();
    assert_eq!(labels, want);
    for q in &p.questions {
        assert_eq!(q.exemptions, vec!["43".to_string()], "{}", q.label);
        if q.label == "Request 4" {
            assert_eq!(q.outcome, Outcome::PartlyAnswered);
            let note = q.note.as_deref().unwrap_or("");
            assert!(note.contains("milestones"), "{note}");
        } else {
            assert_eq!(q.outcome, Outcome::Withheld, "{}", q.label);
            assert_eq!(q.note, None);
        }
        assert!(!q.text.is_empty());
        assert!(!q.text.contains("Section 12"));
    }
    assert!(
        p.questions[0]
            .text
            .starts_with("The performance levels referred to in that section")
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let json = serde_json::to_value(p).unwrap();
    assert_eq!(json["letter_date"], "2018-02-27");
    assert_eq!(json["review_window"], "2 months");
    assert_eq!(json["regime"], "foia");
    assert_eq!(json["questions"][3]["outcome"], "partly-answered");
    assert_eq!(json["questions"][0]["outcome"], "withheld");
}

#[test]
fn seed_letter_copy() {
    let text = std::fs::read_to_string(fixtures().join("seed-dwp.txt")).unwrap();
    assert_seed(&parse_letter(&text));
}

#[test]
fn proposal_json_shape() {
    let p = parse_letter("Dear Sir\n\nWe do not hold it.");
    let v = serde_json::to_value(&p).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "authority",
        "their_ref",
        "regime",
        "letter_date",
        "request_date",
        "review_window",
        "questions",
        "warnings",
    ];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    assert!(v["authority"].is_null());
    assert!(v["letter_date"].is_null());
    let back: Proposal = serde_json::from_value(v).unwrap();
    assert_eq!(back, p);
}

#[test]
fn fixture_letters() {
    let bless = std::env::var_os("FOI_BLESS").is_some();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 13, "only {} fixtures", names.len());
    let mut failures = Vec::new();
    for path in names {
        let text = std::fs::read(&path).unwrap();
        let got = parse_letter(&String::from_utf8_lossy(&text));
        let expected_path = path.with_extension("expected.json");
        if bless {
            let json = serde_json::to_string_pretty(&got).unwrap() + "\n";
            std::fs::write(&expected_path, json).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{}: no expected file", path.display()));
            continue;
        };
        let want: Proposal = serde_json::from_str(&expected).unwrap();
        let strip = |p: &Proposal| Proposal {
            warnings: Vec::new(),
            ..p.clone()
        };
        if strip(&got) != strip(&want) {
            failures.push(format!(
                "{}:\n--- expected\n{}\n--- got\n{}",
                path.display(),
                serde_json::to_string_pretty(&strip(&want)).unwrap(),
                serde_json::to_string_pretty(&strip(&got)).unwrap()
            ));
        }
        for w in &want.warnings {
            if !got.warnings.contains(w) {
                failures.push(format!(
                    "{}: missing warning {w:?} in {:?}",
                    path.display(),
                    got.warnings
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `FOI_SHOW=path cargo test --test import_letters show -- --nocapture` prints a proposal.
#[test]
fn show() {
    if let Some(path) = std::env::var_os("FOI_SHOW") {
        let text = std::fs::read(path).unwrap();
        let p = parse_letter(&String::from_utf8_lossy(&text));
        println!("{}", serde_json::to_string_pretty(&p).unwrap());
    }
}

#[test]
fn formats_are_told_apart() {
    assert_eq!(
        detect_format(br#"{"format": "foi-casebook", "cases": []}"#),
        Format::Json
    );
    assert_eq!(
        detect_format(br#"{"id": 1, "url_title": "x"}"#),
        Format::Wdtk
    );
    let seed = std::fs::read(fixtures().join("seed-dwp.txt")).unwrap();
    assert_eq!(detect_format(&seed), Format::Letter);
}

const FRAGMENTS: &[&str] = &[
    "Our Ref: FOI 123\n",
    "Ref: ____\n",
    "Date: 27 February 2018\n",
    "3rd March\n",
    "Dear Sir,\n",
    "You asked:\n",
    "Request 1: Please provide X.\n",
    "Q2 - How many?\n",
    "Questions 2 and 3\n",
    "Q4-6\n",
    "1. How many staff?\n",
    "(a) the cost\n",
    "• item\n",
    "Response:\n",
    "We do not hold this information.\n",
    "exempt under section 40(2) and 31(1)(a)\n",
    "regulation 12(5)(e)\n",
    "section 38(1)(b) of the Freedom of Information (Scotland) Act 2002\n",
    "can neither confirm nor deny\n",
    "would exceed the £450 cost limit (18 hours)\n",
    "with the exception of part of your Request 4\n",
    "| No. | Question | Response |\n",
    "|---|---|---|\n",
    "| 1 | How many? | Not held |\n",
    "Yours sincerely,\n",
    "\r\n",
    "\u{a0}",
    "\t",
    "\\*",
    "<p>",
    "</td>",
    "&amp;",
    "é",
    "日本",
    "🙂",
    "(",
    ")",
    "\n\n",
    "within two months of the date of this letter\n",
    "within 40 working days\n",
    "Section 12\n",
    "s.",
    "reg ",
    "40(",
    "Q",
    "1.",
    "Request 99:",
    "0)",
    "$\\underline{x}$",
];

fn check(p: &Proposal) {
    for q in &p.questions {
        assert!(!q.label.trim().is_empty(), "empty label in {p:?}");
        for e in &q.exemptions {
            assert_eq!(
                normalize_section(e).as_deref(),
                Some(e.as_str()),
                "unnormalised {e}"
            );
        }
    }
    for w in &p.warnings {
        assert!(!w.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        check(&parse_letter(&text));
        let _ = detect_format(&bytes);
    }

    #[test]
    fn letterish_fragments_never_panic(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..60)) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        check(&parse_letter(&text));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,600}") {
        check(&parse_letter(&text));
    }
}

/// Big, repetitive input stays fast (a guard against quadratic scans; the bound is
/// generous so that a loaded machine does not make it flaky).
#[test]
fn large_letters_stay_linear() {
    let mut text = String::from("Our Ref: FOI 1\nDate: 1 May 2020\n\nYou asked:\n");
    for i in 0..4000 {
        text.push_str(&format!(
            "{}. How many? Request {} - see question {}. with the exception of question {} 3 May 2019 s40(2)\n",
            i % 40 + 1,
            i % 30 + 1,
            i % 7 + 1,
            i % 9 + 1
        ));
        if i % 10 == 0 {
            text.push_str("\nResponse:\n");
        }
    }
    text.push_str(&"word ".repeat(100_000));
    let start = std::time::Instant::now();
    let p = parse_letter(&text);
    check(&p);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}
