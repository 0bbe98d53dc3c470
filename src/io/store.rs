//! What the reader remembers between runs: read and bookmarked articles, and where reading
//! stopped — kept in the user's data folder (`directories`).
//!
//! An article is named by a hash of its issue's text plus its index, so moving or renaming a
//! file loses nothing. Saving merges with what is on disk (another dubao may have saved since),
//! under a lock, field by field (each mark keeps when it last changed), and replaces the file
//! atomically (a temporary created exclusively, never through a link; fsync; rename); the file
//! is private to the user, in a private folder. A corrupt file is moved aside and reading goes
//! on; a state path that is no regular file is refused, naming it, and nothing is saved.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::escape_path;
use crate::model::Issue;

/// Read and bookmark marks of one article, with when each last changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub read: bool,
    pub bookmark: bool,
    /// Nanoseconds since the epoch of the last change of either mark.
    pub updated: u128,
    /// When `read` last changed: the newer of two wins a merge (0 in older files: `updated`).
    #[serde(default)]
    pub read_at: u128,
    /// When `bookmark` last changed, as `read_at`.
    #[serde(default)]
    pub bookmark_at: u128,
}

impl Mark {
    /// An older file's mark has one time for both marks.
    fn one_time(&self) -> bool {
        self.read_at == 0 && self.bookmark_at == 0
    }

    fn read_time(&self) -> u128 {
        if self.one_time() {
            self.updated
        } else {
            self.read_at
        }
    }

    fn bookmark_time(&self) -> u128 {
        if self.one_time() {
            self.updated
        } else {
            self.bookmark_at
        }
    }

    /// Each mark with its own time from now on.
    fn split_times(&mut self) {
        (self.read_at, self.bookmark_at) = (self.read_time(), self.bookmark_time());
    }

    /// `other` merged in, each mark the newer of the two: one reader removing a bookmark and
    /// another marking the story read keep both changes.
    fn merge(&mut self, other: &Self) {
        self.split_times();
        if other.read_time() > self.read_at {
            (self.read, self.read_at) = (other.read, other.read_time());
        }
        if other.bookmark_time() > self.bookmark_at {
            (self.bookmark, self.bookmark_at) = (other.bookmark, other.bookmark_time());
        }
        self.updated = self.updated.max(other.updated);
    }
}

/// Where reading stopped: an article and a place in its text, independent of the terminal's
/// size and of the measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub article: String,
    /// The paragraph of the first line on screen; `None` on the front page. (Older files
    /// wrote `usize::MAX` for that: read as `None`.)
    #[serde(deserialize_with = "paragraph_or_none")]
    pub paragraph: Option<usize>,
    /// Byte offset in the paragraph of the first line on screen.
    pub offset: usize,
    pub updated: u128,
}

fn paragraph_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    let paragraph = Option::<u64>::deserialize(d)?;
    Ok(paragraph.and_then(|p| usize::try_from(p).ok().filter(|&p| p != usize::MAX)))
}

/// Everything remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    pub marks: BTreeMap<String, Mark>,
    pub place: Option<Place>,
}

impl Memory {
    /// `other` merged in: for each mark of each article, and for the place, the newer one wins.
    pub fn merge(&mut self, other: Self) {
        for (id, mark) in other.marks {
            self.marks.entry(id).or_default().merge(&mark);
        }
        if other.place.as_ref().map(|p| p.updated) > self.place.as_ref().map(|p| p.updated) {
            self.place = other.place;
        }
    }

    pub fn mark(&self, id: &str) -> Mark {
        self.marks.get(id).copied().unwrap_or_default()
    }

    /// Changes the marks of `id`.
    pub fn set(&mut self, id: String, change: impl FnOnce(&mut Mark)) {
        let mark = self.marks.entry(id).or_default();
        mark.split_times();
        let before = *mark;
        change(mark);
        let now = now();
        if mark.read != before.read {
            mark.read_at = now;
        }
        if mark.bookmark != before.bookmark {
            mark.bookmark_at = now;
        }
        mark.updated = now;
    }
}

/// Nanoseconds since the epoch.
pub fn now() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// The name of article `index` of `issue`: a hash of the issue's text, and the index.
pub fn article_id(issue_key: u64, index: usize) -> String {
    format!("{issue_key:016x}:{index}")
}

/// A stable hash (FNV-1a, 64 bits) of an issue's text: the same text hashes the same in
/// every version of dubao, wherever the file is.
pub fn issue_key(issue: &Issue) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for article in &issue.articles {
        feed(&article.title);
        article.paragraphs.iter().for_each(|p| feed(p));
    }
    hash
}

/// The state file and how to read and write it safely.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store in the user's data folder (`$XDG_DATA_HOME/dubao/state.json` on Linux).
    pub fn in_data_dir() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "dubao")?;
        Some(Self::at(dirs.data_dir().join("state.json")))
    }

    pub fn at(path: PathBuf) -> Self {
        Self { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads what is remembered. A missing file is an empty memory; a corrupt one is moved
    /// aside (the warning says where) and reading starts afresh.
    pub fn load(&self) -> (Memory, Option<String>) {
        if let Some(refusal) = self.refusal() {
            return (Memory::default(), Some(refusal));
        }
        match read_private(&self.path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(memory) => (memory, None),
                Err(e) => {
                    let aside = self.path.with_extension(format!("corrupt-{}", now()));
                    let moved = fs::rename(&self.path, &aside);
                    let warning = match moved {
                        Ok(()) => format!(
                            "{}: unreadable ({e}); moved to {}",
                            escape_path(&self.path),
                            escape_path(&aside)
                        ),
                        Err(m) => format!(
                            "{}: unreadable ({e}), and could not be moved aside: {m}",
                            escape_path(&self.path)
                        ),
                    };
                    (Memory::default(), Some(warning))
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Memory::default(), None),
            Err(e) => (
                Memory::default(),
                Some(format!("{}: {e}", escape_path(&self.path))),
            ),
        }
    }

    /// Why the state path cannot be used, naming it: a link (never followed), a FIFO, a
    /// device or a folder where the file should be, or no folder where its folder should be.
    /// `None` when it is a regular file or missing.
    pub fn refusal(&self) -> Option<String> {
        let what = |path: &Path, metadata: &fs::Metadata| {
            let kind = metadata.file_type();
            let what = if kind.is_symlink() {
                "is a symbolic link (not followed)"
            } else if kind.is_dir() {
                "is a folder"
            } else if kind.is_fifo() {
                "is a FIFO"
            } else if kind.is_char_device() || kind.is_block_device() {
                "is a device"
            } else {
                "is not a regular file"
            };
            format!("{}: {what}: reading state is not kept", escape_path(path))
        };
        if let Some(folder) = self.path.parent().filter(|f| !f.as_os_str().is_empty()) {
            match fs::symlink_metadata(folder) {
                Ok(m) if !(m.is_dir() || m.file_type().is_symlink() && folder.is_dir()) => {
                    return Some(what(folder, &m));
                }
                _ => {}
            }
        }
        match fs::symlink_metadata(&self.path) {
            Ok(m) if !m.file_type().is_file() => Some(what(&self.path, &m)),
            _ => None,
        }
    }

    /// Saves `memory` merged with what is on disk now, and returns the merged memory.
    pub fn save(&self, memory: &Memory) -> io::Result<Memory> {
        if let Some(refusal) = self.refusal() {
            return Err(io::Error::other(refusal));
        }
        let folder = self.path.parent().unwrap_or(Path::new("."));
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)?;
        // One saver at a time, across processes.
        let lock = private(OpenOptions::new().create(true).truncate(false).write(true))
            .open(self.path.with_extension("lock"))?;
        lock.lock()?;
        self.remove_stale_temporaries(folder);
        let mut merged = match read_private(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            Err(_) => Memory::default(),
        };
        merged.merge(memory.clone());
        self.write_atomically(&serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?)?;
        lock.unlock()?;
        Ok(merged)
    }

    /// Temporary file, fsync, rename, fsync the folder: the state file is always whole.
    /// The temporary is created exclusively (`O_EXCL` fails on anything already there, a
    /// planted link included) and a link is never followed (`O_NOFOLLOW`).
    fn write_atomically(&self, bytes: &[u8]) -> io::Result<()> {
        let temporary = self
            .path
            .with_extension(format!("tmp-{}", std::process::id()));
        let mut file = private(OpenOptions::new().create_new(true).write(true)).open(&temporary)?;
        let written = file
            .write_all(bytes)
            .and_then(|()| file.sync_all())
            .and_then(|()| fs::rename(&temporary, &self.path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written?;
        if let Some(folder) = self.path.parent() {
            File::open(folder)?.sync_all()?;
        }
        Ok(())
    }

    /// Temporaries a saver killed before its rename left behind (under the lock no other
    /// saver is writing one). A link is removed, not followed.
    fn remove_stale_temporaries(&self, folder: &Path) {
        let (Some(stem), Ok(entries)) = (self.path.file_stem(), fs::read_dir(folder)) else {
            return;
        };
        let prefix = format!("{}.tmp-", stem.to_string_lossy());
        for entry in entries.filter_map(Result::ok) {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Files only their owner may read or write (mode 0600), never opened through a link.
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options.mode(0o600).custom_flags(libc::O_NOFOLLOW)
}

/// The state file's bytes: never through a link, never waiting on a FIFO, at most the size
/// limit of any file.
fn read_private(path: &Path) -> io::Result<Vec<u8>> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(crate::io::load::size_limit())
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests;
