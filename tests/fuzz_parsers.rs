//! Property tests: the parsers that read what users type and what files hold never
//! panic, whatever they are given. The corpus in `tests/fixtures/fuzz/` keeps inputs that
//! once needed care, run as regression tests; proptest keeps its own failures in
//! `proptest-regressions/`.

use chrono::NaiveDate;
use foi_casebook::casebook::parse_document;
use foi_casebook::domain::dates::parse_date;
use foi_casebook::domain::exemption::{lookup, normalize_section};
use foi_casebook::domain::{Regime, Span};
use foi_casebook::import::wdtk::parse_wdtk;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 3, 10).expect("date")
}

fn corpus(name: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/fuzz/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .expect("corpus")
        .lines()
        .map(str::to_string)
        .collect()
}

fn check_date(s: &str) {
    if let Ok(d) = parse_date(s, today()) {
        // Whatever it accepts is a real date that formats back.
        assert!(!foi_casebook::domain::dates::iso(d).is_empty());
    }
}

fn check_section(s: &str) {
    if let Some(n) = normalize_section(s) {
        assert!(
            !n.is_empty() && n.chars().next().is_some_and(|c| c.is_ascii_digit()),
            "{s:?} → {n:?}"
        );
        // Normalising is idempotent.
        assert_eq!(normalize_section(&n).as_deref(), Some(n.as_str()), "{s:?}");
    }
    for r in Regime::ALL {
        let _ = lookup(r, s);
    }
}

fn check_document(s: &str) {
    let _ = parse_document(s);
    let _ = parse_wdtk(s);
    let _ = s.parse::<Span>();
}

#[test]
fn corpus_inputs_are_handled() {
    corpus("dates.txt").iter().for_each(|s| check_date(s));
    corpus("sections.txt").iter().for_each(|s| check_section(s));
    corpus("documents.txt")
        .iter()
        .for_each(|s| check_document(s));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn dates_never_panic(s in "\\PC{0,40}") {
        check_date(&s);
    }

    #[test]
    fn date_like_text_never_panics(
        d in 0u32..40, m in 0u32..14, y in 0i32..100_000,
        sep in prop::sample::select(vec!["-", "/", ".", " "]),
        rel in prop::sample::select(vec!["+", "-", ""]), unit in prop::sample::select(vec!["d", "w", "m", "y", ""]),
        n in any::<u64>(),
    ) {
        check_date(&format!("{d}{sep}{m}{sep}{y}"));
        check_date(&format!("{y}{sep}{m}{sep}{d}"));
        check_date(&format!("{rel}{n}{unit}"));
    }

    #[test]
    fn sections_never_panic(s in "[sSrRegulationc. ]{0,12}[0-9]{0,4}[A-Za-z]?(\\([0-9a-z]{0,3}\\)?){0,4}[ .,]{0,2}") {
        check_section(&s);
    }

    #[test]
    fn any_text_as_a_section_never_panics(s in "\\PC{0,30}") {
        check_section(&s);
    }

    #[test]
    fn documents_never_panic(s in "\\PC{0,200}") {
        check_document(&s);
    }

    #[test]
    fn mangled_exports_never_panic(cut in 0usize..2000, junk in "\\PC{0,5}") {
        let doc = include_str!("../assets/demo/seed-case.json");
        let mut s: String = doc.chars().take(cut).collect();
        s.push_str(&junk);
        s.extend(doc.chars().skip(cut + junk.chars().count()));
        check_document(&s);
    }
}
