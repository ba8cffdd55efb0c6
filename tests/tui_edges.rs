//! The terminal UI at the edges: a binary file offered as a letter, a review drafted
//! after its window closed, the agenda split by whose move it is, chasers and snoozes.

mod tui_common;

use foi_casebook::tui::app::Mode;
use insta::assert_snapshot;
use std::path::{Path, PathBuf};
use tui_common::*;

/// A file in cargo's scratch folder for tests, named relative to the working folder
/// where it can be, so that the screen (and its snapshot) shows the same path on every
/// machine.
fn stable_path(name: &str) -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = std::env::current_dir()
        .ok()
        .and_then(|cwd| tmp.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| tmp.to_path_buf());
    dir.join(name)
}

#[test]
fn a_binary_file_is_refused_in_the_path_prompt_and_nothing_is_saved() {
    let bin = stable_path("edges-photo.jpg");
    let mut bytes = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00".to_vec();
    bytes.extend((0..19_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&bin, bytes).expect("write");
    let mut app = empty_app(100, 30);
    open_import(&mut app, &bin);
    let Mode::Path(p) = &app.mode else {
        panic!("still the prompt, status: {}", status_text(&app))
    };
    assert_eq!(
        p.error.as_deref(),
        Some(format!("{} is not a letter or a supported file", bin.display()).as_str())
    );
    assert_snapshot!("binary_file_refused", screen(&app));
    press(&mut app, &["Esc"]);
    assert_eq!(app.book.case_count().expect("count"), 0);
}
