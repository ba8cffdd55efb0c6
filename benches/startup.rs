//! Start-up at 1,000, 10,000 and 100,000 generated cases (see `common`): the TUI's first
//! frame in-process — `App::new` (the first screen's rows and counts, the selected case in
//! full; the whole list goes on loading on another thread) plus one draw into a
//! `TestBackend` — and, under it, the first screen's read, the whole list's load, and the
//! loads behind `foi list` and `foi due`. The bar: first frame within 150 ms at 100k.
//!
//! `cargo bench --bench startup` (casebooks from `benches/make-casebooks.sh`).

#[path = "common/mod.rs"]
mod common;

/// As the `foi` binary (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use foi_casebook::casebook::{ListQuery, Sort, sort_list_rows};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(8));
    for n in common::SIZES {
        let Some(path) = common::casebook(n) else {
            continue;
        };
        // In-process first frame. The whole list and the question texts that App::new
        // starts loading on other threads are waited for outside the timing, so that one
        // iteration's loaders do not run into the next one's measurement.
        g.bench_function(BenchmarkId::new("App::new + first frame", n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let book = common::open(&path);
                    let mut term = common::terminal();
                    let t = Instant::now();
                    let mut app = common::start(book);
                    common::draw(&mut term, &mut app);
                    total += t.elapsed();
                    common::wait_for_haystacks(&mut app);
                }
                total
            })
        });
        let book = common::open(&path);
        // What the first frame reads: the first 256 open cases by urgency and the counts.
        g.bench_function(BenchmarkId::new("Casebook::first_screen", n), |b| {
            b.iter(|| black_box(book.first_screen(256).map(|f| f.map(|s| s.rows.len()))))
        });
        // What the first frame used to wait for, and now a thread reads behind it.
        g.bench_function(BenchmarkId::new("Casebook::sorted_list_rows", n), |b| {
            b.iter(|| {
                black_box(
                    book.sorted_list_rows(Sort::Urgency, false)
                        .map(|s| s.rows.len()),
                )
            })
        });
        g.bench_function(BenchmarkId::new("Casebook::summaries", n), |b| {
            b.iter(|| black_box(book.list_rows().map(|v| v.len())))
        });
        let rows = book.list_rows().unwrap_or_default();
        g.bench_function(BenchmarkId::new("sort by urgency", n), |b| {
            b.iter_batched_ref(
                || rows.clone(),
                |r| sort_list_rows(r, Sort::Urgency),
                criterion::BatchSize::LargeInput,
            )
        });
        g.bench_function(BenchmarkId::new("Casebook::list (open, urgency)", n), |b| {
            b.iter(|| black_box(book.list(&ListQuery::default()).map(|v| v.len())))
        });
        g.bench_function(BenchmarkId::new("Casebook::due", n), |b| {
            b.iter(|| black_box(book.due(None).map(|v| v.len())))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
