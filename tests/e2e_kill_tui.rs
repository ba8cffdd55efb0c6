//! Kill -9 the terminal UI in the middle of a stream of saves: afterwards the file is
//! sound and every change the screen reported as saved is there.

mod common;
use common::Sandbox;
use common::tmux::Tmux;
use foi_casebook::domain::Outcome;

#[test]
fn killing_the_tui_mid_stream_loses_nothing_it_reported_saved() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let cmd = format!(
        "exec env NO_COLOR=1 '{}' --db '{}' --today 2018-03-10",
        assert_cmd::cargo::cargo_bin("foi").display(),
        s.db.display()
    );
    let Some(t) = Tmux::start("kill-tui", 120, 40, &cmd) else {
        return;
    };
    t.wait_for("Work and Health Programme");
    t.keys(&["Enter"]);
    let mut saved = Vec::new();
    for n in 1..=5 {
        t.keys(&["o"]);
        t.wait_for(&format!("Outcome of Request {n}"));
        // Step the outcome back to "answered" (from withheld: partly, then answered).
        for _ in 0..Outcome::ALL.len() {
            if t.screen().contains("answered in full") {
                break;
            }
            t.keys(&["Left"]);
            std::thread::sleep(std::time::Duration::from_millis(60));
        }
        t.wait_for("answered in full");
        t.keys(&["Enter"]);
        t.wait_for(&format!("Saved: Request {n} → answered"));
        saved.push(n);
        t.keys(&["j"]);
    }
    // One more save under way when the kill lands.
    t.keys(&["o", "Left", "Left", "Enter"]);
    let pid = t.pane_pid();
    let killed = std::process::Command::new("kill")
        .arg("-9")
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(killed.success());
    drop(t);

    let conn = rusqlite::Connection::open(&s.db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let v = s.json(&["show", "1"]);
    for n in saved {
        assert_eq!(
            v["questions"][n - 1]["outcome"],
            "answered",
            "Request {n} was reported saved"
        );
    }
}
