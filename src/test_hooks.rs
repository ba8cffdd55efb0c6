//! Switches that only tests and benchmarks use, compiled in with the `test-hooks` feature.
//! A release build has none of them, so no environment variable can make it panic, cap its
//! file or leave after one frame.

use crate::store::Store;

/// `FOI_TEST_PANIC=PLACE`: a panic on purpose at `place` ("cli" or "tui"), so a test can
/// prove the panic report is written and the terminal given back (tests/panics.rs).
pub fn panic_if_asked(place: &str) {
    if std::env::var("FOI_TEST_PANIC").as_deref() == Ok(place) {
        panic!("a panic requested by FOI_TEST_PANIC at {place}");
    }
}

/// `FOI_TEST_MAX_PAGES=N`: cap the file at N pages, how tests/faults.rs makes a disk fill up
/// in the middle of a write.
pub fn limit_pages_from_env(store: &Store) -> crate::store::Result<()> {
    match std::env::var("FOI_TEST_MAX_PAGES")
        .ok()
        .and_then(|p| p.parse().ok())
    {
        Some(pages) => store.limit_pages(pages),
        None => Ok(()),
    }
}

/// `FOI_BENCH_EXIT_AFTER_FIRST_FRAME=1`: the terminal UI draws its first frame, says how long
/// that took and exits, so that hyperfine can time the real start-up (benches/cli.sh).
pub fn exit_after_first_frame() -> bool {
    std::env::var_os("FOI_BENCH_EXIT_AFTER_FIRST_FRAME").is_some_and(|v| v == "1")
}

/// `FOI_TEST_PDF_ALLOCATE=1`: the PDF reader's child process asks for 2 GiB at once, as a
/// hostile PDF can make its parser do, so a test can show the memory limit stops it. The
/// block is never written to, so without a limit it costs address space, not memory.
pub fn allocate_in_pdf_reader_if_asked() {
    if std::env::var("FOI_TEST_PDF_ALLOCATE").as_deref() == Ok("1") {
        let block = vec![0u8; 2 << 30];
        std::hint::black_box(&block);
    }
}
