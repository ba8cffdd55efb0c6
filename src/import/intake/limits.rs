//! The one size limit every import obeys, in the command line and the terminal UI alike.

/// The most bytes read for one original: a file, one message of a mailbox, or the
/// unpacked contents of a zip together. 25 MB is the largest e-mail most mail systems
/// accept, so no real reply is larger; anything over it is refused while being read.
pub const MAX_BYTES: u64 = 25 * 1024 * 1024;

/// The most files read from one zip (a WhatDoTheyKnow download has a few dozen).
pub const MAX_ENTRIES: usize = 2000;

/// The most messages read from one mailbox.
pub const MAX_MESSAGES: usize = 20_000;

/// How long a PDF's text may take to read before the reader is stopped.
pub const PDF_SECONDS: u64 = 30;

/// The most address space the PDF reader's child process may take. A crafted PDF (a
/// stream that inflates without end, an object count in the billions) can make the
/// parser allocate until the machine swaps; a real reply of at most [`MAX_BYTES`] reads
/// in well under a tenth of this (a 50-page letter peaks at 21 MB). 1 GiB leaves room
/// for large scanned PDFs and still stops a runaway long before it hurts a laptop.
pub const PDF_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;
