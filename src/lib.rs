//! FOI casebook: track Freedom of Information requests, their questions and their
//! statutory clocks. The binary `foi` is a thin front over this library.

pub mod domain;
pub mod import;
