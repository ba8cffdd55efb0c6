//! Property tests: mutated PDFs, e-mails, mailboxes and zips (Word files and
//! WhatDoTheyKnow downloads) given to the import's one entry point never panic: each is
//! read, or refused with a reason. PDFs are read by the `foi` binary in a child process,
//! as the program does, so a parser that hangs is stopped, not waited for.

mod common;
use common::intake::*;
use foi_casebook::import::intake::{Source, open, pdf};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Valid inputs of each kind, to mutate.
static SEEDS: LazyLock<Vec<(&'static str, Vec<u8>)>> = LazyLock::new(|| {
    pdf::use_helper(assert_cmd::cargo::cargo_bin("foi"));
    let letter = pdf(&[letter_lines("FOI 1")]);
    vec![
        ("reply.pdf", letter.clone()),
        (
            "reply.eml",
            eml_with_pdf("m@x", "Freedom of Information request - X", &letter),
        ),
        (
            "box.mbox",
            mbox(&[
                eml_plain(
                    "A <a@x.gov.uk>",
                    "me@x",
                    "Re: FOI",
                    "1@x",
                    "",
                    &letter_text("FOI 1"),
                ),
                eml_plain("B <b@x>", "me@x", "Sale", "2@x", "", "Hello\n"),
            ]),
        ),
        ("reply.docx", docx(&letter_lines("FOI 2"))),
        ("reply.odt", odt(&letter_lines("FOI 3"))),
        ("download.zip", wdtk_zip(&letter)),
    ]
});

/// Read the mutated bytes through the entry point; whatever it returns is fine, a panic
/// is the failure. A letter's proposal must still be well formed.
fn read(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Ok(Source::Letter(l)) = open(&path, None) {
        for o in &l.originals {
            assert_eq!(o.sha256.len(), 64);
            assert!(!o.name.contains('/'));
        }
    }
}

/// Bytes changed at a few places, a run inserted, and perhaps the tail cut off.
fn mutate(
    seed: &[u8],
    edits: &[(usize, u8)],
    insert: (usize, Vec<u8>),
    cut: Option<usize>,
) -> Vec<u8> {
    let mut b = seed.to_vec();
    for &(at, v) in edits {
        if !b.is_empty() {
            let i = at % b.len();
            b[i] = v;
        }
    }
    let at = insert.0 % (b.len() + 1);
    b.splice(at..at, insert.1);
    if let Some(c) = cut {
        b.truncate(c % (b.len() + 1));
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_inputs_never_panic(
        which in 0usize..6,
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..12),
        insert in (any::<usize>(), prop::collection::vec(any::<u8>(), 0..16)),
        cut in prop::option::of(any::<usize>()),
    ) {
        let (name, seed) = &SEEDS[which];
        read(name, &mutate(seed, &edits, insert, cut));
    }
}

#[test]
fn every_seed_reads_unmutated() {
    for (name, seed) in SEEDS.iter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, seed).unwrap();
        assert!(open(&path, None).is_ok(), "{name}");
    }
}
