//! A round robin across the border: each case answers under its authority's law. Fife
//! Council in a FOIA batch is a FOISA case (recognised by name), an authority can be
//! given its law (`NAME | foisa`, or a `regime` column), `batch add` says which cases
//! differ, `batch show` and the grid name each differing row's law, and the clocks count
//! on each law's calendar.

mod common;
use common::Sandbox;

fn regimes(s: &Sandbox, cases: &[i64]) -> Vec<String> {
    cases
        .iter()
        .map(|c| {
            s.json(&["show", &c.to_string()])["regime"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_batch_with_scottish_authorities_gives_each_case_its_own_law() {
    let s = Sandbox::new();
    let out = s.ok(&[
        "batch",
        "add",
        "--title",
        "Gritting",
        "--sent",
        "2018-02-20",
        "--question",
        "Tonnes of salt?",
        "--authority",
        "Leeds City Council",
        "--authority",
        "Fife Council",
        "--authority",
        "NHS Lothian",
        "--authority",
        "Cabinet Office | foisa",
    ]);
    assert_eq!(
        out,
        "Added batch #1: 4 cases to 4 authorities with 1 question (cases #1–#4)\n  \
         3 cases answer under another law than FOIA:\n    \
         #2 Fife Council → FOISA (a Scottish public authority)\n    \
         #3 NHS Lothian → FOISA (a Scottish public authority)\n    \
         #4 Cabinet Office → FOISA (as given)\n"
    );
    assert_eq!(
        regimes(&s, &[1, 2, 3, 4]),
        ["foia", "foisa", "foisa", "foisa"]
    );

    // The response clocks: FOIA skips a bank holiday anywhere in the UK (St Patrick's Day's
    // substitute in Northern Ireland, 19 March 2018); FOISA skips Scotland's only.
    let due = |case: &str| s.json(&["show", case])["clocks"][0]["due"].clone();
    assert_eq!(due("1"), "2018-03-21");
    assert_eq!(due("2"), "2018-03-20");
    let agenda = s.ok(&["due"]);
    let first = agenda.lines().find(|l| l.contains("Response due")).unwrap();
    assert!(
        first.contains("Tue 20 Mar 2018") && first.contains("Fife Council"),
        "{agenda}"
    );

    let show = s.ok(&["batch", "show", "1"]);
    let line = |name: &str| show.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(line("Fife Council").ends_with("· FOISA"), "{show}");
    assert!(!line("Leeds City Council").contains("FOISA"), "{show}");
    let shown = s.json(&["batch", "show", "1"]);
    assert_eq!(shown["regime"], "foia");
    assert_eq!(shown["cases"][0]["authority"], "Cabinet Office");
    assert_eq!(shown["cases"][0]["regime"], "foisa");

    let md = s.ok(&["batch", "grid", "1", "--format", "md"]);
    assert!(md.contains("| Fife Council (FOISA) | #2 |"), "{md}");
    assert!(md.contains("| Leeds City Council | #1 |"), "{md}");
    let csv = s.ok(&["batch", "grid", "1", "--format", "csv"]);
    assert!(
        csv.starts_with("authority,case,status,response,working_days,timing,regime,Q1\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\nFife Council,2,awaiting-response,,,awaiting,foisa,pending\n"),
        "{csv}"
    );
}

#[test]
fn an_environmental_batch_stays_environmental_under_scottish_law() {
    let s = Sandbox::new();
    let v = s.json(&[
        "batch",
        "add",
        "--title",
        "Air quality",
        "--regime",
        "eir",
        "--question",
        "Monitoring data?",
        "--authority",
        "Bristol City Council",
        "--authority",
        "The Highland Council",
    ]);
    assert_eq!(v["regime"], "eir");
    assert_eq!(
        v["other_regimes"],
        serde_json::json!([{
            "case": 2, "authority": "The Highland Council", "regime": "eisr", "given": false
        }])
    );
    assert_eq!(regimes(&s, &[1, 2]), ["eir", "eisr"]);
}

#[test]
fn a_regime_column_sets_an_authority_s_law_against_the_default() {
    let s = Sandbox::new();
    let file = s.path("authorities.csv");
    std::fs::write(
        &file,
        "name,email,regime\nScotland Office,foi@so.example,foia\nFife Council,,\nGlasgow City Council,,FOISA\n",
    )
    .unwrap();
    let out = s.ok(&[
        "batch",
        "add",
        "--title",
        "Ferries",
        "--regime",
        "foisa",
        "--question",
        "Contracts?",
        "--authorities-file",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.contains("1 case answers under another law than FOISA:\n    #1 Scotland Office → FOIA (as given)\n"),
        "{out}"
    );
    assert_eq!(regimes(&s, &[1, 2, 3]), ["foia", "foisa", "foisa"]);
    // A FOIA-only batch says nothing about laws.
    let plain = s.ok(&[
        "batch",
        "add",
        "--title",
        "B",
        "--question",
        "Q?",
        "--authority",
        "Kent County Council",
    ]);
    assert!(!plain.contains("another law"), "{plain}");
}

#[test]
fn an_unknown_law_for_an_authority_is_refused_and_nothing_is_written() {
    let s = Sandbox::new();
    s.ok(&[
        "batch",
        "add",
        "--title",
        "A",
        "--question",
        "Q?",
        "--authority",
        "Leeds City Council",
    ]);
    let before = std::fs::read(&s.db).unwrap();
    let e = s.fails(
        &[
            "batch",
            "add",
            "--title",
            "B",
            "--question",
            "Q?",
            "--authority",
            "Fife Council | scots",
        ],
        1,
    );
    assert!(
        e.contains("--authority 'Fife Council | scots': unknown regime 'scots': use foia, eir, foisa or eisr"),
        "{e}"
    );
    let file = s.path("list.csv");
    std::fs::write(
        &file,
        "name,regime\nFife Council,foisa\nLeeds City Council,england\n",
    )
    .unwrap();
    let e = s.fails(
        &[
            "batch",
            "add",
            "--title",
            "B",
            "--question",
            "Q?",
            "--authorities-file",
            file.to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("line 3: unknown regime 'england'"), "{e}");
    assert_eq!(std::fs::read(&s.db).unwrap(), before);
}
