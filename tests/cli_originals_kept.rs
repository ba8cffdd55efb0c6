//! Evidence outlives the deletes: an event deleted through the binary leaves its originals
//! on the case (listed, bundled); a casebook whose originals already point at a deleted
//! event is repaired when it is opened; undoing a case deletion in the terminal UI brings
//! its originals back.

mod common;
use common::Sandbox;
use common::intake::*;
use common::tmux::Tmux;
use std::io::Read;

fn write(s: &Sandbox, name: &str, bytes: &[u8]) -> String {
    let p = s.path(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn zip_entry(path: &std::path::Path, name: &str) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut v = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut v).unwrap();
    v
}

#[test]
fn deleting_an_event_keeps_its_originals_on_the_case() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    s.ok(&["import", &write(&s, "reply.pdf", &letter)]);
    let show = s.json(&["show", "1"]);
    let response = show["events"][1]["id"].as_i64().unwrap();
    assert_eq!(show["attachments"][0]["event"], response, "{show}");

    let said = s.ok(&["event", "delete", "1", &response.to_string()]);
    assert_eq!(
        said.trim(),
        format!("Deleted event {response} from case #1; its original stays with the case")
    );
    let show = s.json(&["show", "1"]);
    assert_eq!(show["events"].as_array().unwrap().len(), 1, "{show}");
    let a = &show["attachments"][0];
    assert_eq!(a["event"], serde_json::Value::Null);
    assert_eq!(a["sha256"], sha(&letter));
    let list = s.ok(&["attachments", "1"]);
    assert!(list.contains("reply.pdf"), "{list}");
    // Deleting the case would take the original with it, and says so first.
    let e = s.fails(&["delete", "1"], 1);
    assert!(e.contains("(3 questions, 1 event, 1 original)"), "{e}");
    // A new event must not inherit the original, whatever id it gets.
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "response",
        "--date",
        "2018-03-08",
    ]);
    assert_eq!(
        s.json(&["show", "1"])["attachments"][0]["event"],
        serde_json::Value::Null
    );
    let out = s.path("bundle.zip");
    s.ok(&["bundle", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(zip_entry(&out, "originals/reply.pdf"), letter);
    let chronology = String::from_utf8(zip_entry(&out, "chronology.md")).unwrap();
    assert!(
        chronology.contains("| originals/reply.pdf |"),
        "{chronology}"
    );
}

#[test]
fn an_event_without_originals_is_deleted_without_a_word_about_them() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--title",
        "Gritting",
        "--authority",
        "Testshire County Council",
        "--sent",
        "2018-02-01",
    ]);
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "acknowledged",
        "--date",
        "2018-02-02",
    ]);
    let id = s.json(&["show", "1"])["events"][1]["id"].as_i64().unwrap();
    let said = s.ok(&["event", "delete", "1", &id.to_string()]);
    assert_eq!(said.trim(), format!("Deleted event {id} from case #1"));
}

/// A casebook written before deleting an event kept its originals: one original names a
/// deleted event, one an event of another case, one its own event. Opening it repairs the
/// first two (on the case, no event) and leaves the third.
#[test]
fn originals_pointing_at_a_missing_event_are_repaired_on_upgrade() {
    use foi_casebook::store::schema::{APPLICATION_ID, MIGRATIONS};
    let s = Sandbox::new();
    std::fs::create_dir_all(s.db.parent().unwrap()).unwrap();
    let before = 1 + MIGRATIONS
        .iter()
        .position(|m| m.contains("CREATE TABLE attachments"))
        .expect("the originals migration");
    {
        let c = rusqlite::Connection::open(&s.db).unwrap();
        for m in &MIGRATIONS[..before] {
            c.execute_batch(m).unwrap();
        }
        c.pragma_update(None, "user_version", before as i64)
            .unwrap();
        c.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        c.execute_batch(&format!(
            "INSERT INTO authorities (id, name, name_key) VALUES (1, 'Testshire County Council', 'testshire county council');
             INSERT INTO cases (id, title, authority_id, regime, sent, created_at, updated_at) VALUES
               (1, 'Gritting', 1, 'foia', '2018-02-01', 'x', 'x'),
               (2, 'Libraries', 1, 'foia', '2018-02-01', 'x', 'x');
             INSERT INTO events (id, case_id, kind, date) VALUES
               (10, 1, 'sent', '2018-02-01'), (11, 1, 'response', '2018-02-20'),
               (20, 2, 'sent', '2018-02-01');
             INSERT INTO blobs (sha256, size, data) VALUES ('{a}', 1, x'41'), ('{b}', 1, x'42'), ('{c}', 1, x'43');
             INSERT INTO attachments (id, case_id, event_id, name, media_type, sha256, added_at) VALUES
               (1, 1, 11, 'kept.pdf', 'application/pdf', '{a}', 'x'),
               (2, 1, 12, 'gone.pdf', 'application/pdf', '{b}', 'x'),
               (3, 1, 20, 'elsewhere.pdf', 'application/pdf', '{c}', 'x');",
            a = sha(b"A"),
            b = sha(b"B"),
            c = sha(b"C"),
        ))
        .unwrap();
    }
    let show = s.json(&["show", "1"]);
    let events: Vec<_> = show["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap().to_string(), a["event"].clone()))
        .collect();
    assert_eq!(
        events,
        [
            ("kept.pdf".to_string(), serde_json::json!(11)),
            ("gone.pdf".to_string(), serde_json::Value::Null),
            ("elsewhere.pdf".to_string(), serde_json::Value::Null),
        ]
    );
    let out = s.path("bundle.zip");
    s.ok(&["bundle", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(zip_entry(&out, "originals/gone.pdf"), b"B");
}

/// The binary in a terminal: delete a case with an original (`x`, `y`), undo (`u`), quit;
/// `foi attachments` lists the original again and it saves back byte for byte.
#[test]
fn undoing_a_case_deletion_in_the_terminal_brings_its_originals_back() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    s.ok(&["import", &write(&s, "reply.pdf", &letter)]);
    let before = s.json(&["attachments", "1"]);
    let cmd = format!(
        "'{}' --db '{}' --today 2018-03-10",
        assert_cmd::cargo::cargo_bin("foi").display(),
        s.db.display()
    );
    let Some(tmux) = Tmux::start("undo-originals", 100, 30, &cmd) else {
        return;
    };
    tmux.wait_for("Borough Council of Testshire");
    tmux.keys(&["x"]);
    tmux.wait_for("Delete case #1");
    tmux.keys(&["y"]);
    tmux.wait_for("Deleted case #1");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone");
    tmux.keys(&["q"]);
    tmux.wait_gone();

    assert_eq!(s.json(&["attachments", "1"]), before);
    let dir = s.path("saved");
    std::fs::create_dir(&dir).unwrap();
    s.ok(&["attachments", "1", "--save", dir.to_str().unwrap()]);
    assert_eq!(std::fs::read(dir.join("reply.pdf")).unwrap(), letter);
    let out = s.path("bundle.zip");
    s.ok(&["bundle", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(zip_entry(&out, "originals/reply.pdf"), letter);
}
