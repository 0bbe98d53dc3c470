//! Errors a user can act on: each names the file and what is wrong with it.

use std::io;
use std::path::PathBuf;

/// Why an issue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a text file (binary data)")]
    Binary { path: PathBuf },
    #[error("{path}: cannot decode as UTF-8, UTF-16 or a Chinese encoding (GB18030, Big5)")]
    Undecodable { path: PathBuf },
    #[error("{path}: no .txt files in this folder")]
    EmptyFolder { path: PathBuf },
}
