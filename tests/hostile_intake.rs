//! Hostile files given to `foi import`: random bytes named .pdf or .eml, a truncated
//! PDF, a zip bomb, a zip whose entries climb out of their folder, MIME nested two
//! thousand deep, a 50 MB e-mail. Each gets one line and exit status 1, never a panic,
//! and the casebook file stays byte-identical.

mod common;
use common::Sandbox;
use common::intake::*;

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A casebook with one case in it, closed (so its file is whole).
fn casebook() -> Sandbox {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Borough Council of Testshire",
        "--title",
        "Fines",
        "--sent",
        "2018-02-03",
    ]);
    s
}

/// Import `bytes` (written as `name`), expect a one-line refusal, and check the casebook
/// file did not change. Returns the line.
fn refused(s: &Sandbox, name: &str, bytes: &[u8]) -> String {
    let f = s.path(name);
    std::fs::write(&f, bytes).unwrap();
    let before = sha(&std::fs::read(&s.db).unwrap());
    let e = s.fails(&["import", f.to_str().unwrap()], 1);
    assert_eq!(
        sha(&std::fs::read(&s.db).unwrap()),
        before,
        "{name} changed the casebook"
    );
    assert!(
        !s.db.with_extension("db-wal").exists()
            || std::fs::metadata(s.db.with_extension("db-wal"))
                .unwrap()
                .len()
                == 0
    );
    e
}

fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_not_a_letter_whatever_their_name() {
    let s = casebook();
    for name in ["reply.pdf", "reply.eml", "letter.txt", "download.zip"] {
        let e = refused(&s, name, &noise(20_000, name.len() as u64));
        assert!(
            e.contains("not a letter or a supported file"),
            "{name}: {e}"
        );
    }
    // Forcing a reader does not make noise a letter either.
    let f = s.path("noise.bin");
    std::fs::write(&f, noise(5000, 7)).unwrap();
    let e = s.fails(&["import", f.to_str().unwrap(), "--format", "letter"], 1);
    assert!(e.contains("not a letter"), "{e}");
    let e = s.fails(&["import", f.to_str().unwrap(), "--format", "pdf"], 1);
    assert!(e.contains("PDF"), "{e}");
}

#[test]
fn a_truncated_pdf_and_a_truncated_zip_are_refused() {
    let s = casebook();
    let whole = pdf(&[letter_lines("FOI 1")]);
    refused(&s, "cut.pdf", &whole[..whole.len() / 2]);
    let z = wdtk_zip(&whole);
    let e = refused(&s, "cut.zip", &z[..z.len() / 2]);
    assert!(e.contains("damaged zip"), "{e}");
}

/// A zip holding one deflated entry of `n` zeros, written by hand (see
/// [`deflated_zeros`]), so that a 400 MB entry costs 2.5 MB and no time to make.
fn zip_bomb(name: &str, n_matches: usize) -> Vec<u8> {
    let data = deflated_zeros(n_matches);
    let size = (1 + 258 * n_matches) as u32;
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    let mut z = Vec::new();
    let header = |z: &mut Vec<u8>, central: bool| {
        z.extend(le32(if central { 0x0201_4b50 } else { 0x0403_4b50 }));
        if central {
            z.extend(le16(20));
        }
        z.extend(le16(20));
        z.extend(le16(0));
        z.extend(le16(8));
        z.extend(le16(0));
        z.extend(le16(0x21));
        z.extend(le32(0)); // crc: never reached, the reading stops long before
        z.extend(le32(data.len() as u32));
        z.extend(le32(size));
        z.extend(le16(name.len() as u16));
        z.extend(le16(0));
        if central {
            z.extend(le16(0));
            z.extend(le16(0));
            z.extend(le16(0));
            z.extend(le32(0));
            z.extend(le32(0)); // the local header's offset
        }
        z.extend(name.as_bytes());
    };
    header(&mut z, false);
    z.extend(&data);
    let cd_start = z.len() as u32;
    header(&mut z, true);
    let cd_size = z.len() as u32 - cd_start;
    z.extend(le32(0x0605_4b50));
    z.extend(le16(0));
    z.extend(le16(0));
    z.extend(le16(1));
    z.extend(le16(1));
    z.extend(le32(cd_size));
    z.extend(le32(cd_start));
    z.extend(le16(0));
    z
}

/// The largest resident set of any child this test process has waited for, in MB.
fn children_peak_mb() -> i64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    u.ru_maxrss / 1024
}

#[test]
fn a_zip_bomb_is_refused_while_reading_in_little_memory() {
    let s = casebook();
    let n = 400 * 1024 * 1024 / 258;
    // A .docx whose document unpacks to 400 MB, and a WhatDoTheyKnow download likewise.
    let bomb = zip_bomb("word/document.xml", n);
    assert!(bomb.len() < 3 * 1024 * 1024);
    let e = refused(&s, "bomb.docx", &bomb);
    assert!(e.contains("too large") && e.contains("25 MB"), "{e}");
    let e = refused(&s, "bomb.zip", &zip_bomb("correspondence.txt", n));
    assert!(e.contains("too large"), "{e}");
    let peak = children_peak_mb();
    eprintln!("peak resident memory of the imports: {peak} MB");
    assert!(peak < 300, "peak {peak} MB");
}

#[test]
fn zip_entries_that_climb_out_are_kept_by_name_only() {
    let s = casebook();
    let letter = pdf(&[letter_lines("FOI 1")]);
    let txt = "This is a plain-text version of the Freedom of Information request \"Slip\". The latest, full version is available online at https://example.org/slip.\n\n------------------------------\n\nFrom: Me\nTo: Borough Council of Testshire\nDate: 3 February 2018\n\nDear Council,\n1. Anything?\n\n------------------------------\n\nFrom: FOI Team\nTo: Me\nDate: 20 February 2018\n\nSee attached.\n";
    let z = zip(&[
        ("correspondence.txt", txt.as_bytes()),
        ("../evil.txt", b"outside"),
        ("2_1_../../evil2.pdf", &letter),
        ("/etc/evil3.txt", b"root"),
    ]);
    let f = s.path("slip.zip");
    std::fs::write(&f, z).unwrap();
    s.ok(&["import", f.to_str().unwrap()]);
    let root = s.dir.path();
    for bad in ["evil.txt", "evil2.pdf", "evil3.txt"] {
        assert!(
            !root.parent().unwrap().join(bad).exists(),
            "{bad} written outside"
        );
        assert!(!root.join(bad).exists(), "{bad} written");
    }
    let names: Vec<String> = s.json(&["show", "2"])["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    assert!(
        names.contains(&"evil.txt".to_string()) && names.contains(&"evil2.pdf".to_string()),
        "{names:?}"
    );
    let out = s.path("out");
    std::fs::create_dir(&out).unwrap();
    s.ok(&["attachments", "2", "--save", out.to_str().unwrap()]);
    assert!(out.join("evil2.pdf").exists() && !root.join("evil2.pdf").exists());
}

#[test]
fn deeply_nested_mime_is_refused_cleanly() {
    let s = casebook();
    let depth = 2000;
    let mut m = String::from(
        "From: someone@example.org\r\nTo: me@example.org\r\nSubject: nest\r\nDate: Tue, 27 Feb 2018 10:00:00 +0000\r\nMIME-Version: 1.0\r\n",
    );
    for i in 0..depth {
        m.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    m.push_str("Content-Type: text/plain\r\n\r\nHello.\r\n");
    for i in (0..depth).rev() {
        m.push_str(&format!("--b{i}--\r\n"));
    }
    let e = refused(&s, "nested.eml", m.as_bytes());
    assert!(e.contains("authority"), "{e}");
}

#[test]
fn a_50_mb_email_is_too_large() {
    let s = casebook();
    let mut m = b"From: someone@example.org\r\nTo: me@example.org\r\nSubject: big\r\nDate: Tue, 27 Feb 2018 10:00:00 +0000\r\n\r\n".to_vec();
    let line = [b'a'; 998];
    while m.len() < 50 * 1024 * 1024 {
        m.extend_from_slice(&line);
        m.extend_from_slice(b"\r\n");
    }
    let e = refused(&s, "big.eml", &m);
    assert!(e.contains("too large"), "{e}");
    // The same message in a mailbox is refused as that message.
    let mut mb = b"From x@y Tue Feb 27 10:00:00 2018\n".to_vec();
    mb.extend_from_slice(&m);
    let e = refused(&s, "big.mbox", &mb);
    assert!(e.contains("message 1 is larger"), "{e}");
}

/// The PDF reader's child process may not take more than 1 GiB: with
/// `FOI_TEST_PDF_ALLOCATE=1` it asks for 2 GiB at once, as a crafted PDF can make its
/// parser do. The import stops with one line saying why, and the casebook is untouched.
/// The same letter reads normally without the switch.
#[test]
fn a_pdf_reader_that_asks_for_too_much_memory_is_stopped() {
    let s = casebook();
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    let f = s.path("reply.pdf");
    std::fs::write(&f, &letter).unwrap();
    let before = sha(&std::fs::read(&s.db).unwrap());
    let out = s
        .foi()
        .env("FOI_TEST_PDF_ALLOCATE", "1")
        .args(["import", f.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("needed more than 1024 MB of memory to read (stopped)"),
        "{err}"
    );
    assert_eq!(sha(&std::fs::read(&s.db).unwrap()), before);
    let dry = s.json(&["import", f.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry["their_ref"], "FOI 2018/77", "{dry}");
}
