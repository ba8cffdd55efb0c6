//! A filter keystroke at 100,000 cases: the list's `/` search typed one character at a
//! time, each keystroke timed as the event loop runs it — `update` (which re-filters)
//! and one draw. The bar: within 16 ms (one frame at 60 a second). Prints the median and the worst keystroke per
//! query, typed `REPS` times.
//!
//! `cargo bench --bench filter [-- SIZE]` (default 100000; casebooks from
//! `benches/make-casebooks.sh`). Not a criterion bench: the worst single keystroke of a
//! sequence is the figure wanted, not a mean.

#[path = "common/mod.rs"]
mod common;

/// As the `foi` binary (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use foi_casebook::tui::action::Action;
use foi_casebook::tui::app::App;
use foi_casebook::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::time::{Duration, Instant};

const REPS: usize = 5;

/// What a user might type: part of a word, a word, an authority's name, a reference,
/// words found only in question texts, and words that match nothing.
const QUERIES: &[&str] = &[
    "cou",
    "council",
    "leeds city council",
    "foi/2016",
    "category 7",
    "redaction",
    "zzqx",
    "council zzqx",
];

/// One keystroke's time: `update` (the filter, the selection, the case it selects) and
/// the draw after it.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    total: Duration,
    update: Duration,
    /// Which key of its query (1 = the first).
    nth: usize,
}

fn key(app: &mut App, term: &mut Terminal<TestBackend>, code: KeyCode) -> Duration {
    timed_key(app, term, code, 0).total
}

fn timed_key(app: &mut App, term: &mut Terminal<TestBackend>, code: KeyCode, nth: usize) -> Key {
    let t = Instant::now();
    update(app, Action::Type(KeyEvent::from(code)));
    let update = t.elapsed();
    common::draw(term, app);
    Key {
        total: t.elapsed(),
        update,
        nth,
    }
}

fn clear(app: &mut App, term: &mut Terminal<TestBackend>) {
    update(app, Action::Cancel);
    update(app, Action::StartSearch);
    common::draw(term, app);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Type `query` one character at a time; the time of each keystroke.
fn type_query(app: &mut App, term: &mut Terminal<TestBackend>, query: &str) -> Vec<Duration> {
    type_query_timed(app, term, query)
        .into_iter()
        .map(|k| k.total)
        .collect()
}

fn type_query_timed(app: &mut App, term: &mut Terminal<TestBackend>, query: &str) -> Vec<Key> {
    query
        .chars()
        .enumerate()
        .map(|(i, c)| timed_key(app, term, KeyCode::Char(c), i + 1))
        .collect()
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let Some(path) = common::casebook(n) else {
        return;
    };
    let mut term = common::terminal();

    // While the question texts are still loading on another thread (what a quick user
    // meets in the first few hundred milliseconds).
    let mut app = common::start(common::open(&path));
    common::draw(&mut term, &mut app);
    // The first key waits for the whole list behind the first screen: measured apart.
    let list = common::wait_for_list(&mut app);
    println!(
        "{n} cases; the whole list arrived {:.0} ms after the first frame",
        ms(list)
    );
    update(&mut app, Action::StartSearch);
    let early = type_query(&mut app, &mut term, "council");
    let loaded_early = app.haystacks().is_some();
    let waited = common::wait_for_haystacks(&mut app);
    println!(
        "{n} cases; question texts loaded {:.0} ms after the typing below{}",
        ms(waited),
        if loaded_early { " (already there)" } else { "" }
    );
    println!(
        "{:<30} {:>5} {:>9} {:>9} {:>8}   worst: key, of which update",
        "query (typed a key at a time)", "keys", "median", "worst", "matches"
    );
    println!(
        "{:<30} {:>5} {:>6.2} ms {:>6.2} ms {:>8}",
        "council, texts still loading",
        early.len(),
        ms(median(early.clone())),
        ms(early.iter().copied().max().unwrap_or_default()),
        app.visible().len()
    );

    let mut all = Vec::new();
    for q in QUERIES {
        let mut keys = Vec::new();
        let mut matches = 0;
        for _ in 0..REPS {
            clear(&mut app, &mut term);
            keys.extend(type_query_timed(&mut app, &mut term, q));
            matches = app.visible().len();
        }
        let times: Vec<Duration> = keys.iter().map(|k| k.total).collect();
        let worst = keys.iter().copied().max().unwrap_or_default();
        println!(
            "{:<30} {:>5} {:>6.2} ms {:>6.2} ms {:>8}   #{} {:.2} ms",
            q,
            q.chars().count(),
            ms(median(times.clone())),
            ms(worst.total),
            matches,
            worst.nth,
            ms(worst.update)
        );
        all.extend(times);
    }
    // Backspace widens the search: a full scan again.
    let mut back = Vec::new();
    for _ in 0..REPS {
        clear(&mut app, &mut term);
        type_query(&mut app, &mut term, "council");
        back.push(key(&mut app, &mut term, KeyCode::Backspace));
    }
    println!(
        "{:<30} {:>5} {:>6.2} ms {:>6.2} ms {:>8}",
        "backspace after council",
        1,
        ms(median(back.clone())),
        ms(back.iter().copied().max().unwrap_or_default()),
        app.visible().len()
    );
    all.extend(back);
    let worst = all.iter().copied().max().unwrap_or_default();
    println!(
        "all {} keystrokes: median {:.2} ms, worst {:.2} ms (bar: 16 ms) — {}; peak RSS of this process {:.0} MB",
        all.len(),
        ms(median(all.clone())),
        ms(worst),
        if worst <= Duration::from_millis(16) {
            "met"
        } else {
            "NOT met"
        },
        common::peak_rss_mb()
    );
}
