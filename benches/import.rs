//! Importing a JSON export of 1,000, 10,000 and 100,000 generated cases into a new
//! casebook, as `foi import FILE` does without a progress bar: the file known for an
//! export by its first line, then read, checked and saved in one transaction, with the
//! search index and the digests built at the end. Issue 17's bar: 100,000 cases in
//! 10 s or less.
//!
//! `cargo bench --bench import [-- 100000]`. The exports are made once from the generated
//! casebooks (benches/make-casebooks.sh) with the `foi` binary, next to them as
//! `export-N.json` (the 100k one is ~600 MB).

#[path = "common/mod.rs"]
mod common;

/// As the `foi` binary (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use foi_casebook::casebook::{Casebook, Watch};
use foi_casebook::import::lossy::{LossyUtf8, Trim};
use foi_casebook::store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The export of the generated casebook of `n` cases, made now if missing.
fn export(n: usize) -> Option<PathBuf> {
    let db = common::casebook(n)?;
    let out = common::dir().join(format!("export-{n}.json"));
    if !out.exists() {
        let made = std::process::Command::new(env!("CARGO_BIN_EXE_foi"))
            .arg("--db")
            .arg(&db)
            .args(["--today", "2024-06-01", "export", "--format", "json", "-o"])
            .arg(&out)
            .status();
        if !matches!(made, Ok(s) if s.success()) {
            eprintln!("could not export {}: skipped", db.display());
            return None;
        }
    }
    Some(out)
}

fn reader(path: &Path) -> impl std::io::Read + Send {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::io::BufReader::with_capacity(1 << 16, LossyUtf8::new(file, Trim::Bom))
}

/// One import of `file` into a new casebook in `dir`: the time from opening the file to
/// the commit.
fn import_once(dir: &Path, file: &Path, n: usize) -> Duration {
    let db = dir.join("import.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut book = Casebook::new(
        Store::open(&db).unwrap_or_else(|e| panic!("new casebook: {e}")),
        common::today(),
    );
    let t = Instant::now();
    let export = foi_casebook::import::starts_as_export(reader(file));
    assert!(
        matches!(export, Ok(true)),
        "{} is an export",
        file.display()
    );
    let report = book
        .import_json_reader(reader(file), "export", 0, false, Watch::none())
        .unwrap_or_else(|e| panic!("import: {e}"));
    let took = t.elapsed();
    assert_eq!(report.count, n, "every case imported");
    took
}

fn bench(c: &mut Criterion) {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    let mut g = c.benchmark_group("import");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    for n in common::SIZES {
        if only.is_some_and(|o| o != n) {
            continue;
        }
        let Some(file) = export(n) else {
            continue;
        };
        // Ten imports of the largest take a minute and a half or more.
        g.measurement_time(Duration::from_secs(if n >= 100_000 { 120 } else { 20 }));
        g.bench_function(BenchmarkId::new("import into a new casebook", n), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| import_once(dir.path(), &file, n)).sum())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
