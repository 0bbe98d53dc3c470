//! Input and storage: everything that touches files.
//!
//! - [`decode`]: bytes of any common encoding → sanitised text;
//! - [`load`]: paths (files, folders, `-` for standard input, embedded samples) → issues,
//!   with bounded reads;
//! - [`library`]: a folder of issues listed cheaply and parsed on demand;
//! - [`store`]: the reading state (places, bookmarks) kept in the data directory;
//! - [`config`]: the configuration file turned into plain settings.

pub mod config;
pub mod decode;
pub mod library;
pub mod load;
pub mod store;
