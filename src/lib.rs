//! dubao (读报): a terminal reader for Chinese newspaper issues.
//!
//! ```text
//! main.rs ──► term ──► ui ──► app ──► search, typeset, model, state (arrows: "may use")
//!    │          └───────────► app       the loop: app::update, then ui::draw
//!    ├──► io::config ──► app           (the file turned into plain app::Settings)
//!    └──► commands, plain ──► io (load, library, decode, store) ──► parse ──► model
//! ```
//!
//! Nothing points back:
//! - **domain** — [`model`] (issue, article), [`parse`] (text dump → issue), [`typeset`]
//!   (Chinese line breaking), [`search`] (folding, matching, ranking): plain Rust, no terminal
//!   types (`.ci/run` checks it), tested directly;
//! - **app** — [`app`]: the state, the one `update` that changes it, and its cached
//!   [`app::layout::Layout`] (panes, the article's lines with their text positions, the front
//!   page's cards). It names neither [`ui`], [`term`] nor [`io::config`] (`.ci/run` checks it): it
//!   is set up from plain [`app::Settings`] and reports [`app::Notice`]s, not words;
//! - **views** — [`ui`]: pure functions of `&AppState` drawn with ratatui; every word the user
//!   sees is in `ui::strings`;
//! - **terminal** — [`term`]: raw mode, signals, the event threads and the main loop; with
//!   `main.rs`, the only code that touches the real terminal;
//! - **input/output** — [`io`]: [`io::decode`], [`io::load`] and [`io::library`] (files →
//!   issues), [`io::store`] (reading state on disk), [`io::config`] (the configuration file);
//!   [`index`] (the on-disk archive index); [`plain`] and [`commands`]
//!   (output for pipes), [`cli`] (command line);
//! - the binary (`main.rs`) only wires these together and maps errors to exit codes.

pub mod app;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod error;
pub mod index;
pub mod io;
pub mod model;
pub mod parse;
pub mod plain;
pub mod script;
pub mod search;
pub mod term;
pub mod trend;
pub mod typeset;
pub mod ui;
