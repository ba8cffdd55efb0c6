//! `O` opens the selected case's originals one after another with the system's opener;
//! `P` packs its evidence bundle next to where foi was started.

use super::App;
use crate::domain::attachment::safe_file_name;
use crate::export::bundle::write_bundle;
use crate::present::fit;
use crate::tui::effect::Tone;

/// The program that opens a file the way a double click would.
fn opener() -> String {
    if let Ok(p) = std::env::var("FOI_OPENER")
        && !p.trim().is_empty()
    {
        return p;
    }
    if cfg!(target_os = "macos") {
        "open".into()
    } else {
        "xdg-open".into()
    }
}

/// Open the next original of the selected case.
pub(super) fn open_next(app: &mut App) {
    let Some(id) = app.selected_id() else {
        return app.say(Tone::Info, "Select a case first");
    };
    if app.originals.is_empty() {
        return app.say(Tone::Info, format!("Case #{id} has no originals kept"));
    }
    let i = app.next_original % app.originals.len();
    let a = app.originals[i].clone();
    app.next_original = i + 1;
    let bytes = match app.book.attachment_bytes(&a) {
        Ok(b) => b,
        Err(e) => return app.say_error(&e),
    };
    // A private folder that outlives foi: the viewer may read the file after we exit.
    let dir = match tempfile::Builder::new().prefix("foi-original-").tempdir() {
        Ok(d) => d.keep(),
        Err(e) => return app.say(Tone::Error, format!("cannot write a copy to open: {e}")),
    };
    let path = dir.join(safe_file_name(&a.name));
    if let Err(e) = crate::casebook::write_new(&path, &bytes) {
        return app.say_error(&e);
    }
    let program = opener();
    let spawned = std::process::Command::new(&program)
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let n = app.originals.len();
    match spawned {
        Ok(_) => app.say(
            Tone::Done,
            format!(
                "Opened {} ({} of {n}); O opens the next",
                fit(&a.name, 40),
                i + 1
            ),
        ),
        Err(_) => app.say(
            Tone::Error,
            format!(
                "Cannot open it: {program} not found. A copy is at {}",
                path.display()
            ),
        ),
    }
}

/// Write the selected case's evidence bundle to `case-N-bundle.zip` (or `-2`, `-3` …
/// when that exists: nothing is ever replaced).
pub(super) fn bundle(app: &mut App) {
    let Some(id) = app.selected_id() else {
        return app.say(Tone::Info, "Select a case first");
    };
    let mut path = std::path::PathBuf::from(format!("case-{id}-bundle.zip"));
    for n in 2..1000 {
        if !path.exists() {
            break;
        }
        path = std::path::PathBuf::from(format!("case-{id}-bundle-{n}.zip"));
    }
    match write_bundle(&app.book, id, &path) {
        Ok(done) => app.say(
            Tone::Done,
            format!(
                "Wrote the evidence bundle of case #{id} to {} ({} files and SHA256SUMS)",
                path.display(),
                done.files.len()
            ),
        ),
        Err(e) => app.say_error(&e),
    }
}
