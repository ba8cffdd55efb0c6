//! FOI casebook: track Freedom of Information requests, their questions and their
//! statutory clocks. The binary `foi` is a thin front over this library.

pub mod calendar;
pub mod casebook;
pub mod cli;
pub mod domain;
pub mod export;
pub mod present;
pub mod store;
pub mod tui;
