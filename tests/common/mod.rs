//! Helpers for driving the real `foi` binary on a temporary casebook.
#![allow(dead_code)]

pub mod intake;
pub mod tmux;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct Sandbox {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("data").join("casebook.db");
        Sandbox { dir, db }
    }

    /// `foi --db <temp> --today 2018-03-10 <args>`, for spawning and killing.
    pub fn spawnable(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("foi"));
        c.env_remove("FOI_DB")
            .env_remove("FOI_TODAY")
            .env("NO_COLOR", "1")
            // The user's own config (holidays, templates) must not leak into tests.
            .env("XDG_CONFIG_HOME", self.dir.path().join("no-config"))
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg("2018-03-10");
        c
    }

    /// The same, with assert_cmd's conveniences.
    pub fn foi(&self) -> Command {
        Command::from_std(self.spawnable())
    }

    /// Run and return stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.foi().args(args).output().expect("run foi");
        assert!(
            out.status.success(),
            "foi {args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run and return parsed JSON, asserting success.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut full = args.to_vec();
        full.push("--json");
        let text = self.ok(&full);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("foi {args:?}: bad JSON ({e}): {text}"))
    }

    /// Run expecting failure with `code`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.foi().args(args).output().expect("run foi");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "foi {args:?}: stderr {stderr}"
        );
        assert!(!stderr.contains("panicked"), "panic: {stderr}");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "one line expected: {stderr}"
        );
        stderr
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

pub fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read file")
}

/// A JSON document without its `id` fields (which differ between two casebooks holding
/// the same cases), for comparing exports.
pub fn strip_ids(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            m.remove("id");
            m.values_mut().for_each(strip_ids);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_ids),
        _ => {}
    }
}
