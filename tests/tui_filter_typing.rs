//! The list's search typed a key at a time (narrowing on each key, Backspace taking an
//! earlier result back, keys typed inside the line) lists exactly what the same search
//! pasted whole onto an empty line lists.

mod tui_common;

use foi_casebook::casebook::{BatchAuthority, NewBatch};
use foi_casebook::tui::action::Action;
use foi_casebook::tui::update::update;
use tui_common::*;

/// Forty cases, one per authority, with names made of a few common words.
fn app_with_cases() -> foi_casebook::tui::app::App {
    let mut app = empty_app(120, 40);
    let words = ["north", "south", "county", "borough", "city"];
    let kinds = ["council", "police", "trust", "college"];
    let authorities = (0..40)
        .map(|i| BatchAuthority {
            name: format!(
                "{} {} {} {i}",
                words[i % 5],
                words[(i / 5) % 5],
                kinds[i % 4]
            ),
            ..BatchAuthority::default()
        })
        .collect();
    app.book_mut()
        .add_batch(NewBatch {
            title: "Road repairs".into(),
            sent: Some(seed_today() - chrono::Days::new(10)),
            questions: vec!["How much was spent on potholes?".into()],
            authorities,
            ..Default::default()
        })
        .expect("cases made");
    app.reload();
    app
}

/// What `other` (the same cases) lists for `app`'s search pasted onto a cleared line.
fn afresh(other: &mut foi_casebook::tui::app::App, query: &str) -> Vec<usize> {
    press(other, &["Esc", "/"]);
    update(other, Action::Paste(query.to_string()));
    other.visible().to_vec()
}

#[test]
fn typing_backspace_and_edits_inside_the_line_list_what_the_search_lists_afresh() {
    let mut app = app_with_cases();
    let mut other = app_with_cases();
    assert_eq!(app.visible().len(), 40);
    press(&mut app, &["/"]);
    let steps: &[&[&str]] = &[
        &["n", "o", "r"],
        &["t", "h"],
        &["Space", "c"],
        &["o", "u"],
        &["Backspace"],
        &["Backspace", "Backspace"],
        &["i", "t", "y"],
        // Inside the line: "north ity" becomes "north city", then "north ci".
        &["Left", "Left", "Left", "c"],
        &["Right", "Right", "Right", "Backspace", "Backspace"],
        &[
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
        ],
        &["q"],
        &["Backspace"],
        &["Backspace", "Backspace", "Backspace"],
        &["p", "o", "t", "h"],
    ];
    let mut seen = Vec::new();
    for keys in steps {
        press(&mut app, keys);
        let now = app.visible().to_vec();
        assert_eq!(
            now,
            afresh(&mut other, app.query()),
            "after {keys:?}, the line {:?}",
            app.query()
        );
        seen.push((app.query().to_string(), now.len()));
    }
    // The searches really narrowed and widened again (not every step lists everything).
    let counts: Vec<usize> = seen.iter().map(|s| s.1).collect();
    assert!(counts.iter().any(|&n| n > 0 && n < 40), "{seen:?}");
    assert!(counts.contains(&0), "{seen:?}");
    assert_eq!(
        seen.last().map(|s| s.1),
        Some(40),
        "every case asks about potholes"
    );
}
