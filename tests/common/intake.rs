//! Synthetic replies written by the tests themselves: a letter, and the same letter as
//! a PDF, a scan, an e-mail (HTML in windows-1252, with attachments), an mbox, a Maildir,
//! a .docx, an .odt and a WhatDoTheyKnow download zip.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, Object, Stream, StringFormat, dictionary};
use std::io::Write;

/// A reply from an invented council: reference, date, regime, three numbered questions
/// (one answered, one withheld under section 43, one refused on cost at £450).
pub fn letter_lines(reference: &str) -> Vec<String> {
    [
        "Borough Council of Testshire",
        "Information Governance, Town Hall, Testford",
        &format!("Our ref: {reference}"),
        "Date: 27 February 2018",
        "Dear Ms Example,",
        "Freedom of Information Act 2000 - your request of 3 February 2018",
        "1. How many parking fines were issued in 2017?",
        "We issued 1,000 fines. The information is attached.",
        "2. Please provide the enforcement contract.",
        "This is withheld under section 43(2) of the Act.",
        "3. Please provide every email about fines.",
        "To comply would exceed the appropriate limit of £450 under section 12.",
        "If you are unhappy you may ask for an internal review within 40 working days.",
        "Yours sincerely,",
        "Information Governance Team",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

pub fn letter_text(reference: &str) -> String {
    letter_lines(reference).join("\n\n") + "\n"
}

/// A PDF whose pages hold these lines, one text line each (WinAnsi Helvetica, each
/// line placed with its own move, as word processors write them), compressed.
pub fn pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("Td", vec![60.into(), 780.into()]),
        ];
        for l in lines {
            let bytes: Vec<u8> = l
                .chars()
                .map(|c| if c == '£' { 0xA3 } else { c as u8 })
                .collect();
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(bytes, StringFormat::Literal)],
            ));
            // Each line is a paragraph: a wider gap than a line's height, as word processors leave.
            ops.push(Operation::new("Td", vec![0.into(), (-26).into()]));
        }
        ops.push(Operation::new("ET", vec![]));
        kids.push(page(&mut doc, pages_id, ops));
    }
    finish(doc, pages_id, resources, kids)
}

/// A scanned letter: a page with nothing but a drawn rectangle, no text at all.
pub fn scan_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let resources = doc.add_object(dictionary! {});
    let ops = vec![
        Operation::new("re", vec![50.into(), 50.into(), 400.into(), 600.into()]),
        Operation::new("f", vec![]),
    ];
    let kid = page(&mut doc, pages_id, ops);
    finish(doc, pages_id, resources, vec![kid])
}

fn page(doc: &mut Document, parent: pdf_extract::ObjectId, ops: Vec<Operation>) -> Object {
    let content = Content { operations: ops };
    let cid = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => parent, "Contents" => cid,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    })
    .into()
}

fn finish(
    mut doc: Document,
    pages_id: pdf_extract::ObjectId,
    resources: pdf_extract::ObjectId,
    kids: Vec<Object>,
) -> Vec<u8> {
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    let b = base64::engine::general_purpose::STANDARD.encode(bytes);
    b.as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// An e-mail from the council: an HTML cover note in windows-1252 (quoted-printable,
/// "£1,000" as =A3) and the letter attached as a PDF.
pub fn eml_with_pdf(message_id: &str, subject: &str, pdf: &[u8]) -> Vec<u8> {
    format!(
        "From: \"Borough Council of Testshire\" <foi@testshire.gov.uk>\r\n\
To: Ms Example <me@example.org>\r\n\
Subject: {subject}\r\n\
Date: Tue, 27 Feb 2018 10:00:00 +0000\r\n\
Message-ID: <{message_id}>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=\"alt\"\r\n\
\r\n\
--alt\r\n\
Content-Type: text/html; charset=windows-1252\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
<html><body><p>Dear Ms Example,</p><p>Please find attached our response. The fee=\r\n\
 estimate was =A31,000.</p></body></html>\r\n\
--alt--\r\n\
--outer\r\n\
Content-Type: application/pdf; name=\"FOI response.pdf\"\r\n\
Content-Disposition: attachment; filename=\"FOI response.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
{}\r\n\
--outer--\r\n",
        base64(pdf)
    )
    .into_bytes()
}

/// A plain-text e-mail whose body is the letter.
pub fn eml_plain(
    from: &str,
    to: &str,
    subject: &str,
    message_id: &str,
    extra: &str,
    body: &str,
) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Tue, 27 Feb 2018 10:00:00 +0000\r\n\
Message-ID: <{message_id}>\r\n{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

/// An mbox of these messages.
pub fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From sender@example.org Tue Feb 27 10:00:00 2018\n");
        let text = String::from_utf8_lossy(m).replace("\r\n", "\n");
        for line in text.lines() {
            if line.starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

/// A zip of these `(name, bytes)` files.
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A .docx holding these paragraphs.
pub fn docx(paragraphs: &[String]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(p)
            )
        })
        .collect();
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", doc.as_bytes()),
    ])
}

/// An .odt holding these paragraphs.
pub fn odt(paragraphs: &[String]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{}</text:p>", xml_escape(p)))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\"?><office:document-content><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ])
}

const SEP: &str = "\n\n-------------------------------------------------------------------\n\n";

/// A WhatDoTheyKnow download: the request, an acknowledgement, and the response with
/// the letter attached as a PDF (`3_2_…`).
pub fn wdtk_zip(letter_pdf: &[u8]) -> Vec<u8> {
    let txt = format!(
        "This is a plain-text version of the Freedom of Information request \"Parking fines 2017\". The latest, full version is available online at https://www.whatdotheyknow.com/request/parking_fines_2017.{SEP}\
From: Ms Example\nTo: Borough Council of Testshire\nDate: 3 February 2018\n\nDear Borough Council of Testshire,\n\n1. How many parking fines were issued in 2017?\n2. Please provide the enforcement contract.\n3. Please provide every email about fines.\n\nYours faithfully,\nMs Example{SEP}\
From: FOI Team\nBorough Council of Testshire\nTo: Ms Example\nDate: 5 February 2018\n\nWe acknowledge receipt of your request.{SEP}\
From: FOI Team\nTo: Ms Example\nDate: 27 February 2018\n\nPlease find our response attached.\n\nAttachment: FOI response.pdf (2K){SEP}"
    );
    zip(&[
        ("correspondence.txt", txt.as_bytes()),
        ("3_2_FOI response.pdf", letter_pdf),
    ])
}

/// Raw deflate data of `1 + 258 * n_matches` zero bytes, written by hand (fixed Huffman
/// codes: one literal 0, then back-references of 258 bytes at distance 1): 400 MB of
/// output costs 2.5 MB and no time to make. A bomb for zips and PDF streams alike.
pub fn deflated_zeros(n_matches: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.len;
            self.len += bits;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A Huffman code goes most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let rev = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(rev, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30, 8); // literal 0
    for _ in 0..n_matches {
        b.code(0xC5, 8); // length 258
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}
