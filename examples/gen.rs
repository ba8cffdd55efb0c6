//! Generate a realistic casebook for benchmarks:
//! `cargo run --release --example gen -- --cases 100000 --db big.db [--seed 7]`.
//!
//! Cases spread over ten years across 3,000 authorities, 5–15 questions each with mixed
//! outcomes and exemptions valid for their regime, 2–8 events each across every event
//! kind, and a letter attached to a few cases in a hundred. Deterministic for a seed.

use chrono::{Days, NaiveDate};
use foi_casebook::domain::{
    Case, CaseFile, Channel, Event, EventKind, Outcome, Question, Regime, Span,
};
use foi_casebook::store::{Store, StoreError};
use std::path::PathBuf;
use std::time::Instant;

/// xorshift64*: a few lines, deterministic, plenty for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "Barnsley",
    "Bristol",
    "Cardiff",
    "Derby",
    "Dundee",
    "Exeter",
    "Glasgow",
    "Hull",
    "Inverness",
    "Kent",
    "Leeds",
    "Lincoln",
    "Newry",
    "Norfolk",
    "Oxford",
    "Perth",
    "Salford",
    "Stirling",
    "Swansea",
    "York",
];
const KINDS: &[&str] = &[
    "City Council",
    "County Council",
    "NHS Foundation Trust",
    "Police",
    "Fire and Rescue Service",
    "University",
    "Clinical Commissioning Group",
    "Borough Council",
    "Health Board",
    "Port Authority",
];
const TOPICS: &[&str] = &[
    "roadworks",
    "pothole repairs",
    "school meals",
    "parking fines",
    "agency staff",
    "consultancy spend",
    "air quality",
    "bin collections",
    "stop and search",
    "waiting times",
    "contract performance",
    "flood defences",
    "library closures",
    "IT outsourcing",
    "bus subsidies",
    "tree felling",
];
const VERBS: &[&str] = &[
    "Spending on",
    "Contracts for",
    "Complaints about",
    "Data on",
    "Policy on",
    "Reports on",
];

fn authority_name(i: u64) -> String {
    let place = PLACES[(i % PLACES.len() as u64) as usize];
    let kind = KINDS[((i / PLACES.len() as u64) % KINDS.len() as u64) as usize];
    let n = i / (PLACES.len() * KINDS.len()) as u64;
    if n == 0 {
        format!("{place} {kind}")
    } else {
        format!("{place} {kind} ({n})")
    }
}

fn exemptions_for(regime: Regime, rng: &mut Rng) -> Vec<String> {
    let pool: &[&str] = match regime {
        Regime::Foia => &[
            "43", "40(2)", "31", "36", "41", "42", "21", "22", "24", "30",
        ],
        Regime::Eir => &["12(5)(e)", "12(4)(d)", "12(5)(b)", "13", "12(4)(e)"],
        Regime::Foisa => &["33(1)(b)", "38(1)(b)", "30", "35", "36(2)", "25"],
        Regime::Eisr => &["10(5)(e)", "10(4)(d)", "11(2)", "10(5)(b)"],
    };
    let mut out = vec![rng.pick(pool).to_string()];
    if rng.below(5) == 0 {
        let extra = rng.pick(pool).to_string();
        if !out.contains(&extra) {
            out.push(extra);
        }
    }
    out
}

fn outcome(rng: &mut Rng) -> Outcome {
    match rng.below(100) {
        0..=29 => Outcome::Answered,
        30..=44 => Outcome::PartlyAnswered,
        45..=64 => Outcome::Withheld,
        65..=74 => Outcome::NotHeld,
        75..=79 => Outcome::RefusedCost,
        80..=81 => Outcome::RefusedVexatious,
        82..=84 => Outcome::Ncnd,
        85..=87 => Outcome::PublishedElsewhere,
        88..=89 => Outcome::FuturePublication,
        _ => Outcome::Pending,
    }
}

/// The timeline a request of this age might have, in order.
const STAGES: &[EventKind] = &[
    EventKind::Acknowledged,
    EventKind::Response,
    EventKind::ReviewRequested,
    EventKind::ReviewResponse,
    EventKind::IcoComplaint,
    EventKind::IcoDecision,
    EventKind::TribunalAppeal,
];
const ASIDES: &[EventKind] = &[
    EventKind::Note,
    EventKind::ClarificationRequested,
    EventKind::Extension,
    EventKind::FeeNotice,
    EventKind::Closed,
    EventKind::Withdrawn,
];

fn letter(rng: &mut Rng, authority: &str, topic: &str) -> String {
    let mut s = format!(
        "{authority}\nOur Ref: FOI-{}\n\nDear requester,\n\nThank you for your request about {topic}.\n",
        rng.below(99_999)
    );
    for i in 1..=(3 + rng.below(6)) {
        s.push_str(&format!(
            "\nRequest {i}: information about {topic} in year {}.\nResponse: {}\n",
            2010 + rng.below(15),
            if rng.below(2) == 0 {
                "The information is attached."
            } else {
                "We do not hold this information."
            }
        ));
    }
    s.push_str("\nIf you are unhappy you may ask for an internal review within 40 working days.\n");
    s
}

fn case_file(i: u64, rng: &mut Rng, authorities: u64, base: NaiveDate) -> CaseFile {
    let authority = authority_name(rng.below(authorities));
    let regime = match rng.below(20) {
        0..=13 => Regime::Foia,
        14..=16 => Regime::Eir,
        17..=18 => Regime::Foisa,
        _ => Regime::Eisr,
    };
    let topic = rng.pick(TOPICS);
    let sent = base
        .checked_add_days(Days::new(rng.below(3650)))
        .unwrap_or(base);
    let case = Case {
        title: format!("{} {topic} {}", rng.pick(VERBS), 2010 + i % 16),
        authority: authority.clone(),
        regime,
        their_ref: (rng.below(4) != 0).then(|| format!("FOI/{}/{:05}", sent.format("%Y"), i)),
        my_ref: (rng.below(3) == 0).then(|| format!("ME-{i}")),
        channel: Some(*rng.pick(&Channel::ALL)),
        sent: (rng.below(50) != 0).then_some(sent),
        text: Some(format!(
            "Please provide all information held about {topic}, including reports and spending."
        )),
        tags: vec![topic.split(' ').next().unwrap_or("misc").to_string()],
        ..Case::default()
    };
    // 5–15, ten on average: SPEC 4 sizes the load at 1,000,000 questions per 100,000 cases.
    let questions = (1..=5 + rng.below(11))
        .map(|n| {
            let o = outcome(rng);
            let exemptions = if matches!(
                o,
                Outcome::Withheld | Outcome::PartlyAnswered | Outcome::Ncnd
            ) {
                exemptions_for(regime, rng)
            } else {
                Vec::new()
            };
            Question {
                position: n as i64,
                label: format!("Request {n}"),
                text: format!("Please provide the {topic} figures for category {n}."),
                outcome: o,
                exemptions,
                note: (rng.below(4) == 0).then(|| "Partly disclosed after redaction.".to_string()),
                challenge: rng.below(3) == 0,
                ..Question::default()
            }
        })
        .collect();
    let mut events = Vec::new();
    if let Some(sent) = case.sent {
        let mut date = sent;
        events.push(ev(EventKind::Sent, date, None));
        // With the sent event, 2–8 events, five on average (SPEC 4: 500,000 per 100,000 cases).
        let n = 1 + rng.below(7) as usize;
        for k in 0..n {
            date = date
                .checked_add_days(Days::new(3 + rng.below(40)))
                .unwrap_or(date);
            let kind = if rng.below(4) == 0 {
                *rng.pick(ASIDES)
            } else {
                STAGES[k.min(STAGES.len() - 1)]
            };
            let mut e = ev(kind, date, None);
            if kind == EventKind::Response && rng.below(3) == 0 {
                e.window = Some(if rng.below(2) == 0 {
                    Span::Months(2)
                } else {
                    Span::WorkingDays(40)
                });
            }
            if kind == EventKind::Response && rng.below(100) < 4 {
                e.letter = Some(letter(rng, &authority, topic));
            }
            if kind == EventKind::Extension {
                e.until = date.checked_add_days(Days::new(20));
            }
            events.push(e);
        }
    }
    CaseFile {
        case,
        questions,
        events,
    }
}

fn ev(kind: EventKind, date: NaiveDate, note: Option<String>) -> Event {
    Event {
        id: 0,
        case_id: 0,
        kind,
        date,
        note,
        window: None,
        until: None,
        letter: None,
        reference: None,
    }
}

fn main() -> Result<(), String> {
    let mut cases: u64 = 100_000;
    let mut authorities: u64 = 3_000;
    let mut db = PathBuf::from("big.db");
    let mut seed: u64 = 7;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--cases" => cases = value()?.parse().map_err(|e| format!("--cases: {e}"))?,
            "--authorities" => {
                authorities = value()?
                    .parse()
                    .map_err(|e| format!("--authorities: {e}"))?
            }
            "--db" => db = PathBuf::from(value()?),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            other => {
                return Err(format!(
                    "unknown argument {other}: use --cases N --db PATH [--authorities N] [--seed N]"
                ));
            }
        }
    }
    if db.exists() {
        return Err(format!(
            "{} already exists: choose a new file",
            db.display()
        ));
    }
    let started = Instant::now();
    let mut store = Store::open(&db).map_err(|e| e.to_string())?;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let base = NaiveDate::from_ymd_opt(2016, 1, 1).ok_or("bad base date")?;
    let (mut questions, mut events) = (0usize, 0usize);
    // Batches keep each transaction (and memory) bounded.
    let batch = 5_000;
    let mut done = 0;
    while done < cases {
        let n = batch.min(cases - done);
        let files: Vec<CaseFile> = (done..done + n)
            .map(|i| case_file(i, &mut rng, authorities, base))
            .collect();
        questions += files.iter().map(|f| f.questions.len()).sum::<usize>();
        events += files.iter().map(|f| f.events.len()).sum::<usize>();
        store
            .write(|w| -> Result<(), StoreError> {
                for f in &files {
                    w.insert_case_file(f)?;
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
        done += n;
    }
    println!(
        "{}: {cases} cases, {questions} questions, {events} events across {authorities} authorities in {:.1} s",
        db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
