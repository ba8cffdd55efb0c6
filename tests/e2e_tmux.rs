//! End to end: the real `foi` binary in a real terminal (tmux). Loads the demo, opens the
//! TUI, marks Request 4 answered with the keys, quits, and checks the database with
//! `foi show 1 --json`. Skipped, saying so, when tmux is not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const FOI: &str = env!("CARGO_BIN_EXE_foi");

/// A tmux server of our own (its own socket), killed on drop even when the test fails.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.run(&["send-keys", "-t", "e2e", k]);
            assert!(out.status.success(), "send-keys {k}: {out:?}");
        }
    }

    /// Wait until the screen shows `text` (polling; no fixed sleeps).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {text:?}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn session_alive(&self) -> bool {
        self.run(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn foi(db: &Path, args: &[&str]) -> Output {
    Command::new(FOI)
        .arg("--db")
        .arg(db)
        .args(["--today", "2018-03-10"])
        .args(args)
        .output()
        .expect("foi runs")
}

#[test]
fn mark_request_4_answered_through_the_keys() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("SKIPPED e2e_tmux: tmux is not installed (apt-get install tmux to run it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("casebook.db");
    let out = foi(&db, &["demo"]);
    assert!(out.status.success(), "foi demo: {out:?}");

    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmux = Tmux {
        socket: format!("foi-e2e-{}-{nanos}", std::process::id()),
    };
    let cmd = format!("'{FOI}' --db '{}' --today 2018-03-10", db.display());
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    assert!(out.status.success(), "tmux new-session: {out:?}");

    tmux.wait_for("Work and Health Programme");
    // Open the case, go down to Request 4, set its outcome: answered (one left of
    // partly-answered), save.
    tmux.keys(&["Enter", "j", "j", "j", "o"]);
    tmux.wait_for("Outcome of Request 4");
    tmux.keys(&["Left"]);
    tmux.wait_for("answered in full");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Saved: Request 4 → answered");
    assert!(screen.contains("✓ answered"), "{screen}");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.session_alive() {
        assert!(start.elapsed() < Duration::from_secs(5), "foi did not quit");
        std::thread::sleep(Duration::from_millis(40));
    }

    let out = foi(&db, &["show", "1", "--json"]);
    assert!(out.status.success(), "foi show: {out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let q4 = json["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["label"] == "Request 4"))
        .expect("Request 4 in the JSON");
    assert_eq!(q4["outcome"], "answered", "{q4}");
}
