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
}
#[test]
fn zz_dump() {
    std::fs::write("/tmp/intake/reply.pdf", pdf(&[letter_lines("FOI 2018/77")])).unwrap();
    std::fs::write("/tmp/intake/scan.pdf", scan_pdf()).unwrap();
    std::fs::write("/tmp/intake/reply.eml", eml_with_pdf("m1@testshire.gov.uk", "Your FOI request FOI 2018/77", &pdf(&[letter_lines("FOI 2018/77")]))).unwrap();
    std::fs::write("/tmp/intake/wdtk.zip", wdtk_zip(&pdf(&[letter_lines("FOI 2018/77")]))).unwrap();
    std::fs::write("/tmp/intake/reply.docx", docx(&letter_lines("FOI 2018/78"))).unwrap();
    std::fs::write("/tmp/intake/reply.odt", odt(&letter_lines("FOI 2018/79"))).unwrap();
}
