//! Holidays of the user's own move deadlines: stored with `foi holiday add`, or read
//! from `holidays.csv` in the config folder.

mod common;
use common::Sandbox;

fn response_due(s: &Sandbox, cfg: &std::path::Path) -> String {
    let out = s
        .foi()
        .env("XDG_CONFIG_HOME", cfg)
        .args(["show", "1", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "response")
        .unwrap()
        .clone();
    c["due"].as_str().unwrap().to_string()
}

#[test]
fn a_holiday_of_your_own_moves_the_deadline() {
    let s = Sandbox::new();
    let cfg = s.path("config");
    s.ok(&[
        "add",
        "--authority",
        "A",
        "--title",
        "T",
        "--sent",
        "2018-02-09",
    ]);
    assert_eq!(response_due(&s, &cfg), "2018-03-09");
    s.ok(&["holiday", "add", "20 Feb 2018", "--name", "Snow day"]);
    assert_eq!(response_due(&s, &cfg), "2018-03-12");
    let list = s.ok(&["holiday", "list", "--year", "2018"]);
    assert!(list.contains("Snow day [yours]"), "{list}");
    s.ok(&["holiday", "remove", "2018-02-20"]);
    assert_eq!(response_due(&s, &cfg), "2018-03-09");
    let e = s.fails(&["holiday", "remove", "2018-02-20"], 1);
    assert!(e.contains("not one of your holidays"), "{e}");
    let e = s.fails(&["holiday", "add", "2018-02-20", "--division", "wessex"], 1);
    assert!(e.contains("unknown division"), "{e}");
}

#[test]
fn the_config_folder_holiday_file_counts_too() {
    let s = Sandbox::new();
    let cfg = s.path("config");
    std::fs::create_dir_all(cfg.join("foi-casebook")).unwrap();
    // A Scotland-only day moves a FOISA deadline, and (being a UK bank holiday) a FOIA one.
    std::fs::write(
        cfg.join("foi-casebook/holidays.csv"),
        "# mine\nscotland,2018-02-20,Local holiday\n",
    )
    .unwrap();
    s.ok(&[
        "add",
        "--authority",
        "A",
        "--title",
        "T",
        "--sent",
        "2018-02-09",
    ]);
    assert_eq!(response_due(&s, &cfg), "2018-03-12");
    std::fs::write(cfg.join("foi-casebook/holidays.csv"), "wessex,2018-02-20\n").unwrap();
    let out = s
        .foi()
        .env("XDG_CONFIG_HOME", &cfg)
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("holidays.csv") && err.contains("line 1"),
        "{err}"
    );
}
