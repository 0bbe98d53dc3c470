//! dubao (读报): a terminal reader for Chinese newspaper issues.
//!
//! Layers, from the bottom up:
//! - **domain** — [`model`] (issue, article), [`parse`] (text dump → issue), [`typeset`]
//!   (Chinese line breaking); plain Rust, no terminal types, tested directly;
//! - **input/output** — [`decode`] and [`load`] (files → issues), [`plain`] (typeset text for
//!   pipes), [`cli`] (command line);
//! - the binary (`main.rs`) only wires these together and maps errors to exit codes.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod decode;
pub mod error;
pub mod index;
pub mod library;
pub mod load;
pub mod model;
pub mod parse;
pub mod plain;
pub mod script;
pub mod search;
pub mod state;
pub mod term;
pub mod typeset;
pub mod ui;
