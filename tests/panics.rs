//! A panic is a bug, never the user's fault: it restores the terminal, says briefly that
//! the data is safe, logs the details next to the casebook, and exits 2.

mod common;
use common::Sandbox;

#[test]
fn a_panic_is_reported_briefly_and_logged() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let out = s
        .foi()
        .env("FOI_TEST_PANIC", "cli")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("internal error") && err.contains("is safe"),
        "{err}"
    );
    assert!(
        err.contains(&s.db.display().to_string()),
        "names the casebook: {err}"
    );
    assert!(
        !err.contains("stack backtrace"),
        "no wall of backtrace: {err}"
    );
    let log = s.db.with_file_name("foi-crash.log");
    let logged = std::fs::read_to_string(&log).expect("crash log written");
    assert!(
        logged.contains("a panic requested by FOI_TEST_PANIC"),
        "{logged}"
    );
    assert!(
        err.contains(&log.display().to_string()),
        "says where the details are: {err}"
    );
    // Nothing was lost.
    assert_eq!(
        s.json(&["show", "1"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
}

/// A panic with the UI on screen gives the terminal back before the report.
#[test]
fn a_panic_in_the_tui_restores_the_terminal() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let status = s.path("status");
    let err = s.path("stderr");
    let cmd = format!(
        "FOI_TEST_PANIC=tui '{}' --db '{}' --today 2018-03-10 2>'{}'; echo $? > '{}'; sleep 30",
        assert_cmd::cargo::cargo_bin("foi").display(),
        s.db.display(),
        err.display(),
        status.display()
    );
    let Some(t) = common::tmux::Tmux::start("panic", 80, 24, &cmd) else {
        return;
    };
    let start = std::time::Instant::now();
    let code = loop {
        if let Ok(c) = std::fs::read_to_string(&status)
            && !c.trim().is_empty()
        {
            break c.trim().to_string();
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "foi did not exit"
        );
        std::thread::sleep(std::time::Duration::from_millis(40));
    };
    assert_eq!(code, "2");
    let stderr = std::fs::read_to_string(&err).unwrap();
    assert!(
        stderr.contains("internal error") && stderr.contains("is safe"),
        "{stderr}"
    );
    // The alternate screen is gone: none of the UI is left on the terminal.
    let screen = t.screen();
    assert!(
        !screen.contains("Cases") && !screen.contains("Timeline"),
        "{screen}"
    );
    assert_eq!(
        s.json(&["show", "1"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
}
