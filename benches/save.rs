//! A save in the TUI at 100,000 cases: the write, then the screen brought up to date and
//! drawn — what the user waits for after pressing Enter on a form. Compares the
//! refresh of just the touched case (`App::refresh`, what the UI does) with a reload of
//! every case (what it did before). Prints the median and the worst of `REPS` saves.
//!
//! `cargo bench --bench save [-- SIZE]` (default 100000). Works on a copy of the
//! generated casebook (benches/make-casebooks.sh), so the original stays as generated.

#[path = "common/mod.rs"]
mod common;

/// As the `foi` binary (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use foi_casebook::domain::{Event, EventKind};
use std::time::{Duration, Instant};

const REPS: usize = 9;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn summary(label: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "{label:<44} median {:>7.2} ms   worst {:>7.2} ms",
        ms(v[v.len() / 2]),
        ms(v[v.len() - 1])
    );
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let Some(original) = common::casebook(n) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("copy.db");
    std::fs::copy(&original, &path).unwrap_or_else(|e| panic!("copy: {e}"));
    let mut term = common::terminal();
    let mut app = common::start(common::open(&path));
    common::draw(&mut term, &mut app);
    common::wait_for_haystacks(&mut app);

    let note = |app: &mut foi_casebook::tui::app::App, i: usize| {
        let id = app.selected_id().unwrap_or(1);
        app.book_mut()
            .add_event(
                id,
                Event {
                    note: Some(format!("bench note {i}")),
                    ..Event::new(EventKind::Note, common::today())
                },
            )
            .unwrap_or_else(|e| panic!("write: {e}"));
    };
    let (mut refreshed, mut reloaded, mut writes) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..REPS {
        let t = Instant::now();
        note(&mut app, i);
        writes.push(t.elapsed());
        app.refresh();
        common::draw(&mut term, &mut app);
        refreshed.push(t.elapsed());
    }
    // The full reload, as every save did before. It also starts reading the questions
    // again on another thread: waited for, outside the timing, so that one reload's
    // reader does not slow the next measurement down.
    for i in 0..REPS {
        let t = Instant::now();
        note(&mut app, i);
        app.reload();
        common::draw(&mut term, &mut app);
        reloaded.push(t.elapsed());
        common::wait_for_haystacks(&mut app);
    }
    println!("{n} cases: a note added to the selected case, then the screen drawn");
    summary("the write alone", writes);
    summary("write + refresh of that case + draw (now)", refreshed);
    summary("write + reload of every case + draw (before)", reloaded);
    println!("peak RSS of this process {:.0} MB", common::peak_rss_mb());
}
