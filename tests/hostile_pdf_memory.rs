//! A PDF bomb: a 9 MB PDF whose one page's content stream inflates to 1.5 GB. Its reader
//! (a child process) may take at most 1 GiB, so the import stops with one line, the
//! casebook stays byte-identical, and no process of the import grew past the cap. A file
//! of its own: it measures the peak memory of this test process's children.

mod common;
use common::Sandbox;
use common::intake::deflated_zeros;

/// The largest resident set of any child this test process has waited for, in MB.
fn children_peak_mb() -> i64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    u.ru_maxrss / 1024
}

/// A one-page PDF whose content stream is `n` zero bytes, zlib-compressed by hand.
fn pdf_bomb(n_matches: usize) -> Vec<u8> {
    let n = 1 + 258 * n_matches as u64;
    let mut stream = vec![0x78, 0x01];
    stream.extend(deflated_zeros(n_matches));
    // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte.
    stream.extend((((n % 65521) << 16) as u32 | 1).to_be_bytes());
    let objects: [Vec<u8>; 4] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                stream.len()
            )
            .as_bytes(),
            &stream,
            b"\nendstream",
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

#[test]
fn a_pdf_that_inflates_past_the_memory_cap_is_stopped() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Borough Council of Testshire",
        "--title",
        "Fines",
    ]);
    let bomb = pdf_bomb(1_500_000_000 / 258);
    assert!(bomb.len() < 10 * 1024 * 1024, "{} bytes", bomb.len());
    let f = s.path("reply.pdf");
    std::fs::write(&f, &bomb).unwrap();
    let before = std::fs::read(&s.db).unwrap();
    let e = s.fails(&["import", f.to_str().unwrap()], 1);
    // The memory cap stops it; on a machine so slow that the 30 s clock comes first, the
    // time limit does. Either way: stopped, one line, nothing written.
    assert!(e.contains("(stopped)"), "{e}");
    assert_eq!(std::fs::read(&s.db).unwrap(), before);
    let peak = children_peak_mb();
    eprintln!("{e}peak resident memory of the reader: {peak} MB");
    assert!(peak <= 1024, "peak {peak} MB");
}
