//! Errors a user can act on: each names the file and what is wrong with it.
//!
//! File names come from the disk, not from us: a name can hold an escape sequence or a bidi
//! override, so every path in a message is shown through [`escape_path`].

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::parse::sanitize::is_invisible_format;

/// Why an issue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", escape_path(.path))]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: not a text file (binary data)", escape_path(.path))]
    Binary { path: PathBuf },
    #[error(
        "{}: cannot decode as UTF-8, UTF-16 or a Chinese encoding (GB18030, Big5)",
        escape_path(.path)
    )]
    Undecodable { path: PathBuf },
    #[error("{}: no .txt files in this folder", escape_path(.path))]
    EmptyFolder { path: PathBuf },
    /// A FIFO, device or socket: reading one could block forever or never end.
    #[error(
        "{}: not a regular file but {kind}; dubao reads text files and folders of them",
        escape_path(.path)
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{}: {}", escape_path(.path), Excess { size: *.size, limit: *.limit })]
    TooLarge {
        path: PathBuf,
        /// The file's length; `None` when it was found too long only by reading it (it grew,
        /// or it is standard input).
        size: Option<u64>,
        limit: u64,
    },
    #[error(
        "{}: a symbolic link to {}, which does not exist",
        escape_path(.path),
        escape_path(.target)
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
}

/// `path` for a message: control characters (C0, DEL, C1), bidirectional and zero-width
/// formatting characters, line separators and bytes that are not UTF-8 written as escapes
/// (`\x1b`, `\u{202e}`, `\xff`), so a file name can never reach the terminal as a command.
pub fn escape_path(path: &Path) -> Escaped<'_> {
    Escaped(path_bytes(path))
}

/// `text` (a name or source string from a file) for a message, escaped as [`escape_path`].
pub fn escape(text: &str) -> Escaped<'_> {
    Escaped(std::borrow::Cow::Borrowed(text.as_bytes()))
}

/// Text shown with its unsafe characters escaped (see [`escape_path`]).
#[derive(Debug, Clone)]
pub struct Escaped<'a>(std::borrow::Cow<'a, [u8]>);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                if c.is_ascii_control() {
                    write!(f, "\\x{:02x}", u32::from(c))?;
                } else if c.is_control()
                    || is_invisible_format(c)
                    || matches!(c, '\u{61c}' | '\u{2028}' | '\u{2029}')
                {
                    write!(f, "\\u{{{:x}}}", u32::from(c))?;
                } else {
                    write!(f, "{c}")?;
                }
            }
            for byte in chunk.invalid() {
                write!(f, "\\x{byte:02x}")?;
            }
        }
        Ok(())
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    match path.to_string_lossy() {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
    }
}

/// How far a file is over the size limit, in words.
struct Excess {
    size: Option<u64>,
    limit: u64,
}

impl fmt::Display for Excess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.size {
            Some(size) => write!(f, "{} is more than", Size(size))?,
            None => write!(f, "more than")?,
        }
        write!(
            f,
            " the {} a file may have (the size limit: --size-limit MIB or size_limit in the configuration raises it)",
            Size(self.limit)
        )
    }
}

/// A size in bytes as a reader takes it in: `100.0 MiB`, `512 bytes`.
struct Size(u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: u64 = 1024 * 1024;
        if self.0 < MIB {
            write!(f, "{} bytes", self.0)
        } else if self.0.is_multiple_of(MIB) {
            write!(f, "{} MiB", self.0 / MIB)
        } else {
            write!(f, "{:.1} MiB", self.0 as f64 / MIB as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_in_names_are_escaped() {
        let name = Path::new("a\u{1b}]0;PWNED\u{7}\u{9b}\u{7f}\u{202e}b\n.txt");
        assert_eq!(
            escape_path(name).to_string(),
            "a\\x1b]0;PWNED\\x07\\u{9b}\\x7f\\u{202e}b\\x0a.txt"
        );
        assert_eq!(
            escape("报纸/2021-07-18.txt").to_string(),
            "报纸/2021-07-18.txt"
        );
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let name = Path::new(std::ffi::OsStr::from_bytes(b"a\x9b\xff.txt"));
        assert_eq!(escape_path(name).to_string(), "a\\x9b\\xff.txt");
    }

    #[test]
    fn messages_escape_the_path_and_give_sizes_readably() {
        let error = LoadError::TooLarge {
            path: "x\u{1b}[2J.txt".into(),
            size: Some(100 * 1024 * 1024 + 1),
            limit: 64 * 1024 * 1024,
        };
        assert_eq!(
            error.to_string(),
            "x\\x1b[2J.txt: 100.0 MiB is more than the 64 MiB a file may have (the size limit: --size-limit MIB or size_limit in the configuration raises it)"
        );
        let grown = LoadError::TooLarge {
            path: "-".into(),
            size: None,
            limit: 512,
        };
        assert_eq!(
            grown.to_string(),
            "-: more than the 512 bytes a file may have (the size limit: --size-limit MIB or size_limit in the configuration raises it)"
        );
    }
}
