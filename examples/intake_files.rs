//! Writes the inputs BENCHMARKS.md times `foi import` on: a 200-message mbox (150 replies
//! from 40 authorities, each with its letter as a PDF attachment, and 50 other messages)
//! and a 50-page PDF letter. `cargo run --release --example intake_files -- DIR`.

#[path = "../tests/common/intake.rs"]
#[allow(dead_code)]
mod intake;

use intake::*;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/foi-bench/intake".into());
    std::fs::create_dir_all(&dir).expect("the folder");
    let mut messages = Vec::new();
    for i in 0..200 {
        if i % 4 == 3 {
            messages.push(eml_plain(
                "Shop <news@shop.example>",
                "me@example.org",
                &format!("Spring sale {i}"),
                &format!("n{i}@shop.example"),
                "",
                "Half price boots this week.\n",
            ));
            continue;
        }
        let reference = format!("FOI 2018/{i}");
        let letter = pdf(&[letter_lines(&reference)]);
        messages.push(eml_with_pdf(
            &format!("r{i}@testshire.gov.uk"),
            &format!("Re: Freedom of Information request - Request {}", i % 40),
            &letter,
        ));
    }
    let mbox_path = format!("{dir}/mbox-200.mbox");
    std::fs::write(&mbox_path, mbox(&messages)).expect("write the mbox");
    let mut pages = Vec::new();
    for p in 0..50 {
        let mut lines = letter_lines(&format!("FOI 2018/{p}"));
        lines.truncate(4);
        for q in 0..24 {
            lines.push(format!(
                "{}. The cost of item {q} on page {p} was £1,000; see annex {p}.",
                p * 24 + q + 1
            ));
        }
        pages.push(lines);
    }
    let pdf_path = format!("{dir}/letter-50p.pdf");
    std::fs::write(&pdf_path, pdf(&pages)).expect("write the PDF");
    println!("{mbox_path}\n{pdf_path}");
}
