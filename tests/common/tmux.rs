//! The real binary in a real terminal: a tmux server on a socket of its own, killed on
//! drop even when a test fails. Tests skip, saying so, where tmux is not installed.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SESSION: &str = "t";

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A server of our own with one session running `command`; `None` (after saying
    /// why) when tmux is not installed.
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            println!("SKIPPED {name}: tmux is not installed (apt-get install tmux to run it)");
            return None;
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let t = Tmux {
            socket: format!("foi-{name}-{}-{nanos}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = t.run(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        Some(t)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", SESSION]).stdout)
            .into_owned()
    }

    /// Press keys by name (`Enter`, `C-s`, `j`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.run(&["send-keys", "-t", SESSION, k]);
            assert!(out.status.success(), "send-keys {k}: {out:?}");
        }
    }

    /// Type text as it is (no key names).
    pub fn type_text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", SESSION, "-l", text]);
        assert!(out.status.success(), "send-keys -l {text}: {out:?}");
    }

    /// Wait until the screen shows `text` (polling, no fixed sleeps).
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            // Generous: a debug build on a loaded 2-core machine can take seconds to
            // import; the poll returns as soon as the text shows.
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {text:?}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn session_alive(&self) -> bool {
        self.run(&["has-session", "-t", SESSION]).status.success()
    }

    /// Wait for the session to end (the program quit).
    pub fn wait_gone(&self) {
        let start = Instant::now();
        while self.session_alive() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the program did not quit"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// The process running in the pane (the command, when it was started with `exec`).
    pub fn pane_pid(&self) -> u32 {
        let out = self.run(&["list-panes", "-t", SESSION, "-F", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
