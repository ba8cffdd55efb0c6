//! `foi import` of replies as they arrive, through the binary, on inputs written here:
//! PDF, scanned PDF, e-mail with attachments, mbox, Maildir, .docx, .odt, WhatDoTheyKnow
//! zip; the originals kept and listed, saved back, and re-imports that add nothing.

mod common;
use common::Sandbox;
use common::intake::*;

fn write(s: &Sandbox, name: &str, bytes: &[u8]) -> String {
    let p = s.path(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn a_pdf_letter_is_read_and_kept() {
    let s = Sandbox::new();
    let pdf = pdf(&[letter_lines("FOI 2018/77")]);
    let f = write(&s, "reply.bin", &pdf);
    let v = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(v["authority"], "Borough Council of Testshire", "{v}");
    assert_eq!(v["their_ref"], "FOI 2018/77");
    assert_eq!(v["letter_date"], "2018-02-27");
    assert_eq!(v["questions"].as_array().unwrap().len(), 3, "{v}");
    assert_eq!(v["questions"][1]["exemptions"][0], "43(2)");
    assert_eq!(v["attachments"][0]["media_type"], "application/pdf");
    assert_eq!(v["attachments"][0]["size"], pdf.len());
    assert_eq!(v["needs_ocr"], false);
    let out = s.ok(&["import", &f]);
    assert!(out.contains("kept 1 original"), "{out}");
    let show = s.json(&["show", "1"]);
    let a = &show["attachments"][0];
    assert_eq!(a["name"], "reply.bin");
    assert_eq!(a["size"], pdf.len());
    assert_eq!(a["event"], show["events"][1]["id"]);
    // Deleting the case deletes its originals' content too: it is personal data.
    s.ok(&["delete", "1", "--yes"]);
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    let blobs: i64 = conn
        .query_row("SELECT count(*) FROM blobs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(blobs, 0);
}
fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn events(s: &Sandbox, case: &str) -> Vec<serde_json::Value> {
    s.json(&["show", case])["events"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_scan_is_flagged_kept_on_request_and_invents_nothing() {
    let s = Sandbox::new();
    let f = write(&s, "scan.pdf", &scan_pdf());
    let v = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(v["needs_ocr"], true, "{v}");
    assert_eq!(v["questions"].as_array().unwrap().len(), 0);
    assert!(
        v["warnings"][0].as_str().unwrap().contains("needs OCR"),
        "{v}"
    );
    let e = s.fails(&["import", &f], 1);
    assert!(e.contains("no text layer") && e.contains("--case"), "{e}");
    s.ok(&[
        "add",
        "--authority",
        "Borough Council of Testshire",
        "--title",
        "Fines",
        "--sent",
        "2018-02-03",
    ]);
    let out = s.ok(&["import", &f, "--case", "1"]);
    assert!(out.contains("needs OCR"), "{out}");
    let show = s.json(&["show", "1"]);
    assert_eq!(show["questions"].as_array().unwrap().len(), 0);
    assert_eq!(show["attachments"][0]["name"], "scan.pdf");
    assert_eq!(show["attachments"][0]["event"], serde_json::Value::Null);
}

#[test]
fn an_email_reads_the_attached_letter_keeps_both_and_is_not_imported_twice() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    let mail = eml_with_pdf("r1@testshire.gov.uk", "Your request FOI 2018/77", &letter);
    let f = write(&s, "reply.eml", &mail);
    let v = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(v["their_ref"], "FOI 2018/77", "{v}");
    assert_eq!(v["questions"].as_array().unwrap().len(), 3);
    let names: Vec<&str> = v["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reply.eml", "FOI response.pdf"]);
    assert_eq!(v["attachments"][1]["sha256"], sha(&letter));
    s.ok(&["import", &f]);
    let show = s.json(&["show", "1"]);
    assert_eq!(show["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(show["attachments"][0]["sha256"], sha(&mail));
    let before = events(&s, "1").len();
    let again = s.ok(&["import", &f]);
    assert!(again.contains("imported before"), "{again}");
    assert_eq!(events(&s, "1").len(), before);
    assert_eq!(
        s.json(&["show", "1"])["attachments"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let dry = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(dry["already_imported"], 1);
}

#[test]
fn windows_1252_pound_signs_survive_and_the_envelope_fills_gaps() {
    let s = Sandbox::new();
    // No authority and no date in the letter: the sender and the e-mail's date supply them.
    let body = b"Dear Ms Example,\r\n\r\nFreedom of Information Act 2000\r\n\r\n1. What did the survey cost?\r\n\r\nThe survey cost =A31,000 in total.\r\n";
    let mut mail = b"From: Testshire Fire and Rescue Service <foi@testshire-fire.gov.uk>\r\nTo: me@example.org\r\nSubject: Your request\r\nDate: Wed, 14 Mar 2018 09:30:00 +0000\r\nMessage-ID: <w1252@fire>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".to_vec();
    mail.extend_from_slice(body);
    let f = write(&s, "fire.eml", &mail);
    let v = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(v["authority"], "Testshire Fire and Rescue Service", "{v}");
    assert_eq!(v["letter_date"], "2018-03-14");
    let warnings = v["warnings"].to_string();
    assert!(
        warnings.contains("sender") && warnings.contains("e-mail's date"),
        "{warnings}"
    );
    s.ok(&["import", &f]);
    let ev = events(&s, "1");
    let letter = ev.last().unwrap()["letter"].as_str().unwrap().to_string();
    assert!(letter.contains("£1,000"), "{letter}");
}

#[test]
fn word_and_opendocument_letters_are_read() {
    let s = Sandbox::new();
    let d = write(&s, "reply.docx", &docx(&letter_lines("FOI 2018/78")));
    let o = write(&s, "reply.odt", &odt(&letter_lines("FOI 2018/79")));
    for (f, r) in [(&d, "FOI 2018/78"), (&o, "FOI 2018/79")] {
        let v = s.json(&["import", f, "--dry-run"]);
        assert_eq!(v["their_ref"], r, "{v}");
        assert_eq!(v["questions"][2]["outcome"], "refused-cost", "{v}");
        assert_eq!(v["attachments"].as_array().unwrap().len(), 1);
    }
    s.ok(&["import", &d]);
    let a = &s.json(&["show", "1"])["attachments"][0];
    assert_eq!(
        a["media_type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
}

fn reply(id: &str, extra: &str, subject: &str) -> Vec<u8> {
    eml_plain(
        "\"Borough Council of Testshire\" <foi@testshire.gov.uk>",
        "me@example.org",
        subject,
        id,
        extra,
        &letter_text("FOI 2018/90"),
    )
}

#[test]
fn a_mailbox_matches_replies_skips_other_mail_and_adds_nothing_twice() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Borough Council of Testshire",
        "--title",
        "Parking fines 2017",
        "--sent",
        "2018-02-03",
    ]);
    let newsletter = eml_plain(
        "News <news@shop.example>",
        "me@example.org",
        "Spring sale",
        "n1@shop",
        "",
        "Half price boots.\n",
    );
    let ack = eml_plain(
        "\"Borough Council of Testshire\" <foi@testshire.gov.uk>",
        "me@example.org",
        "Re: Freedom of Information request - Parking fines 2017",
        "a1@testshire.gov.uk",
        "",
        "We acknowledge receipt of your request.\n",
    );
    let answer = reply(
        "a2@testshire.gov.uk",
        "In-Reply-To: <a1@testshire.gov.uk>\r\n",
        "Our response",
    );
    let other = reply(
        "b1@testshire.gov.uk",
        "",
        "Freedom of Information response FOI 2018/90",
    );
    let f = write(&s, "foi.mbox", &mbox(&[ack, newsletter, answer, other]));
    let dry = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(dry["skipped"].as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry["skipped"][0]["message"], 2);
    assert_eq!(
        dry["skipped"][0]["reason"],
        "not Freedom of Information correspondence"
    );
    let v = s.json(&["import", &f]);
    // The acknowledgement by title, the answer by threading; the last opens a case.
    assert_eq!(v["cases"][0]["id"], 1, "{v}");
    let kinds: Vec<&str> = v["cases"][0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["acknowledged", "response"]);
    assert_eq!(v["cases"][1]["created"], true);
    assert_eq!(
        s.json(&["show", "1"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let again = s.json(&["import", &f]);
    assert_eq!(again["already_imported"], 3, "{again}");
    assert_eq!(again["cases"].as_array().unwrap().len(), 0);
    let text = s.ok(&["import", &f]);
    assert!(
        text.contains("already imported") && text.contains("skipped 1"),
        "{text}"
    );
}

#[test]
fn a_maildir_folder_is_a_mailbox() {
    let s = Sandbox::new();
    let dir = s.path("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(
        dir.join("new/1519725600.M1.host"),
        reply(
            "m1@testshire.gov.uk",
            "",
            "Freedom of Information request - Bridges",
        ),
    )
    .unwrap();
    let v = s.json(&["import", dir.to_str().unwrap()]);
    assert_eq!(v["cases"][0]["title"], "Bridges", "{v}");
    assert_eq!(v["attachments"], 1);
}

#[test]
fn a_whatdotheyknow_download_becomes_one_case_with_its_attachments() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    let f = write(&s, "download.zip", &wdtk_zip(&letter));
    let dry = s.json(&["import", &f, "--dry-run"]);
    assert_eq!(dry["cases"][0]["id"], serde_json::Value::Null);
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    s.ok(&["import", &f]);
    let show = s.json(&["show", "1"]);
    assert_eq!(show["title"], "Parking fines 2017");
    assert_eq!(show["authority"], "Borough Council of Testshire");
    assert_eq!(
        show["url"],
        "https://www.whatdotheyknow.com/request/parking_fines_2017"
    );
    assert_eq!(show["sent"], "2018-02-03");
    let kinds: Vec<&str> = show["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sent", "acknowledged", "response"]);
    assert_eq!(show["questions"][1]["outcome"], "withheld", "{show}");
    let pdf_row = show["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "FOI response.pdf")
        .unwrap()
        .clone();
    assert_eq!(pdf_row["event"], show["events"][2]["id"]);
    assert_eq!(pdf_row["sha256"], sha(&letter));
    let out = s.ok(&["import", &f]);
    assert!(out.contains("3 messages already imported"), "{out}");
    assert_eq!(events(&s, "1").len(), 3);
}

#[test]
fn originals_are_saved_back_byte_for_byte_and_travel_in_an_embedded_export() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    let f = write(
        &s,
        "reply.eml",
        &eml_with_pdf("r9@testshire.gov.uk", "FOI", &letter),
    );
    s.ok(&["import", &f]);
    let out = s.path("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("reply.eml"), b"mine").unwrap();
    let said = s.ok(&["attachments", "1", "--save", out.to_str().unwrap()]);
    assert!(
        said.contains("Wrote 1 file") && said.contains("left alone"),
        "{said}"
    );
    assert_eq!(std::fs::read(out.join("reply.eml")).unwrap(), b"mine");
    assert_eq!(std::fs::read(out.join("FOI response.pdf")).unwrap(), letter);
    let list = s.ok(&["attachments", "1"]);
    assert!(
        list.contains("FOI response.pdf") && list.contains("application/pdf"),
        "{list}"
    );
    // By hash only, the export carries no bytes; with --embed it does, and they return.
    let plain = s.path("plain.json");
    s.ok(&["export", "-o", plain.to_str().unwrap()]);
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(text.contains(&sha(&letter)) && !text.contains("\"data\""));
    let embedded = s.path("embedded.json");
    s.ok(&["export", "--embed", "-o", embedded.to_str().unwrap()]);
    let other = Sandbox::new();
    other.ok(&["import", embedded.to_str().unwrap()]);
    let back = other.path("back");
    std::fs::create_dir(&back).unwrap();
    other.ok(&["attachments", "1", "--save", back.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(back.join("FOI response.pdf")).unwrap(),
        letter
    );
    let shown = other.json(&["show", "1"]);
    assert_eq!(shown["attachments"][1]["event"], shown["events"][1]["id"]);
}

#[test]
fn a_backup_carries_the_originals() {
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    s.ok(&["import", &write(&s, "r.pdf", &letter)]);
    let b = s.path("backup.db");
    s.ok(&["backup", b.to_str().unwrap()]);
    let other = Sandbox::new();
    std::fs::create_dir_all(other.db.parent().unwrap()).unwrap();
    std::fs::copy(&b, &other.db).unwrap();
    let dir = other.path("o");
    std::fs::create_dir(&dir).unwrap();
    other.ok(&["attachments", "1", "--save", dir.to_str().unwrap()]);
    assert_eq!(std::fs::read(dir.join("r.pdf")).unwrap(), letter);
}

#[test]
fn a_bundle_holds_the_chronology_originals_and_checksums_and_never_overwrites() {
    use std::io::Read;
    let s = Sandbox::new();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    s.ok(&["import", &write(&s, "download.zip", &wdtk_zip(&letter))]);
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "review-requested",
        "--date",
        "2018-03-05",
        "--letter-file",
        &write(&s, "review.txt", b"Please review question 2.\n"),
    ]);
    let out = s.path("bundle.zip");
    s.ok(&["bundle", "1", "-o", out.to_str().unwrap()]);
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut read = |name: &str| {
        let mut v = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut v).unwrap();
        v
    };
    let chronology = String::from_utf8(read("chronology.md")).unwrap();
    assert!(
        chronology.contains("20 working days from receipt"),
        "{chronology}"
    );
    assert!(chronology.contains("section 43"), "{chronology}");
    assert_eq!(read("originals/FOI response.pdf"), letter);
    let sums = String::from_utf8(read("SHA256SUMS")).unwrap();
    for line in sums.lines() {
        let (hash, name) = line.split_once("  ").unwrap();
        assert_eq!(sha(&read(name)), hash, "{name}");
    }
    assert!(
        sums.contains("drafts/2018-03-05-review-requested"),
        "{sums}"
    );
    let e = s.fails(&["bundle", "1", "-o", out.to_str().unwrap()], 1);
    assert!(e.contains("already exists"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
}
