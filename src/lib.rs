//! FOI casebook: track Freedom of Information requests, their questions and their
//! statutory clocks. The binary `foi` is a thin front over this library.

pub mod calendar;
pub mod casebook;
pub mod cli;
pub mod domain;
pub mod export;
pub mod import;
pub mod interchange;
pub mod present;
pub mod store;
#[cfg(feature = "test-hooks")]
pub mod test_hooks;
pub mod tui;
