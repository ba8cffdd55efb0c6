//! Clocks for a generated casebook of 100,000 cases (about 5 events each, as in the
//! the scale casebook's 100k cases / 500k events), as the list screen computes them: clocks, status
//! and the next clock for every case.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use foi_casebook::calendar::{Calendar, clocks, clocks_brief, next_clock, status};
use foi_casebook::domain::{Case, CaseFile, Event, EventKind, Regime, Span};
use std::hint::black_box;

/// Deterministic xorshift, so every run measures the same casebook.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn casebook(n: usize) -> Vec<CaseFile> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    (0..n)
        .map(|i| {
            let regime = Regime::ALL[rng.next(4) as usize];
            let sent = base + Days::new(rng.next(3400));
            let mut date = sent;
            let mut events = vec![];
            let mut push = |kind, gap: u64, rng: &mut Rng| {
                date = date + Days::new(1 + rng.next(gap));
                let window =
                    (kind == EventKind::Response && rng.next(2) == 0).then_some(Span::Months(2));
                let until = (kind == EventKind::Extension && rng.next(2) == 0)
                    .then(|| date + Days::new(30));
                events.push(Event {
                    id: 0,
                    case_id: i as i64,
                    kind,
                    date,
                    note: None,
                    window,
                    until,
                    letter: None,
                    reference: None,
                });
            };
            push(EventKind::Sent, 1, &mut rng);
            push(EventKind::Acknowledged, 3, &mut rng);
            // Walk each case some way down the road; most stop early.
            let stage = rng.next(10);
            if stage == 1 {
                push(EventKind::ClarificationRequested, 10, &mut rng);
                push(EventKind::ClarificationSent, 10, &mut rng);
            }
            if stage == 2 {
                push(EventKind::FeeNotice, 10, &mut rng);
                push(EventKind::FeePaid, 10, &mut rng);
            }
            if stage == 3 {
                push(EventKind::Extension, 25, &mut rng);
            }
            if stage >= 4 {
                push(EventKind::Response, 35, &mut rng);
            }
            if stage >= 6 {
                push(EventKind::ReviewRequested, 50, &mut rng);
            }
            if stage >= 7 {
                push(EventKind::ReviewResponse, 40, &mut rng);
            }
            if stage >= 8 {
                push(EventKind::IcoComplaint, 40, &mut rng);
            }
            if stage >= 9 {
                push(EventKind::IcoDecision, 200, &mut rng);
            }
            CaseFile {
                case: Case {
                    id: i as i64,
                    regime,
                    sent: Some(sent),
                    ..Case::default()
                },
                questions: vec![],
                events,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::standard();
    let files = casebook(100_000);
    let events: usize = files.iter().map(|f| f.events.len()).sum();
    eprintln!("casebook: {} cases, {events} events", files.len());
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
    let mut g = c.benchmark_group("clocks");
    g.sample_size(10);
    g.bench_function("100k cases: clocks + status + next_clock", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for f in &files {
                let cs = clocks(f, today, cal);
                sum += next_clock(&cs).map_or(0, |c| c.days_left);
                black_box(status(f, &cs));
            }
            black_box(sum)
        })
    });
    g.bench_function("100k cases: clocks_brief + status + next_clock", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for f in &files {
                let cs = clocks_brief(f, today, cal);
                sum += next_clock(&cs).map_or(0, |c| c.days_left);
                black_box(status(f, &cs));
            }
            black_box(sum)
        })
    });
    g.bench_function("Calendar::new (tables 1990-2200)", |b| {
        b.iter(|| black_box(Calendar::new(&[])))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
