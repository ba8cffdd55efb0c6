//! What the scale benchmarks share: where the generated casebooks are, the fixed date
//! they are measured on, and the TUI driven the way its event loop drives it.
//!
//! The casebooks are generated, never part of the repository and never built by
//! `cargo test`: `benches/make-casebooks.sh` writes them to `$FOI_BENCH_DIR` (default
//! `/tmp/foi-bench`) as `cases-1000.db`, `cases-10000.db` and `cases-100000.db`. A bench
//! whose file is missing says so and skips it.

#![allow(dead_code)]

use chrono::NaiveDate;
use foi_casebook::casebook::Casebook;
use foi_casebook::store::Store;
use foi_casebook::tui::app::App;
use foi_casebook::tui::{theme::Theme, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The sizes measured, smallest first.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A terminal of a common size: 48 rows show 22 cases.
pub const WIDTH: u16 = 160;
pub const HEIGHT: u16 = 48;

pub fn dir() -> PathBuf {
    std::env::var_os("FOI_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/foi-bench"))
}

/// The generated casebook of `n` cases, or `None` (with a message) when it is missing.
pub fn casebook(n: usize) -> Option<PathBuf> {
    let p = dir().join(format!("cases-{n}.db"));
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping {n} cases: {} is missing. Generate it with\n  \
             cargo run --release --example gen -- --cases {n} --db {}\n\
             or run benches/make-casebooks.sh (FOI_BENCH_DIR chooses the folder).",
            p.display(),
            p.display()
        );
        None
    }
}

/// The date every figure is computed for, so runs compare (the generated requests
/// were sent between 2016 and 2025).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default()
}

pub fn open(path: &std::path::Path) -> Casebook {
    let store = Store::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Casebook::new(store, today())
}

pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap_or_else(|e| panic!("terminal: {e}"))
}

/// Start the TUI as `tui::run` does, pinned to [`today`].
pub fn start(book: Casebook) -> App {
    let mut app = App::new(book, true, Theme::from_env());
    app.resize(WIDTH, HEIGHT);
    app
}

/// One frame, as the event loop draws it.
pub fn draw(term: &mut Terminal<TestBackend>, app: &mut App) {
    update::sync_scroll(app);
    term.draw(|f| view::draw(f, app))
        .unwrap_or_else(|e| panic!("draw: {e}"));
}

/// Wait for the whole list, which the first screen is drawn before (the first key
/// pressed waits for it too).
pub fn wait_for_list(app: &mut App) -> Duration {
    let t = Instant::now();
    app.finish_loading(true);
    t.elapsed()
}

/// Wait (up to a minute) for the background loads: the whole list, then the question
/// texts.
pub fn wait_for_haystacks(app: &mut App) -> Duration {
    let t = Instant::now();
    while app.haystacks().is_none() && t.elapsed() < Duration::from_secs(60) {
        if !app.poll_background() {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    assert!(
        app.haystacks().is_some(),
        "the question texts never arrived"
    );
    t.elapsed()
}

/// Peak resident memory of this process so far, in MB (Linux; 0 elsewhere).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
