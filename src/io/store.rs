//! What the reader remembers between runs: read and bookmarked articles, and where reading
//! stopped — kept in the user's data folder (`directories`).
//!
//! An article is named by a hash of its issue's text plus its index, so moving or renaming a
//! file loses nothing. Saving merges with what is on disk (another dubao may have saved since),
//! under a lock, and replaces the file atomically (temporary file, fsync, rename); the file is
//! private to the user. A corrupt file is moved aside and reading goes on.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::model::Issue;

/// Read and bookmark marks of one article, with when they last changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub read: bool,
    pub bookmark: bool,
    /// Nanoseconds since the epoch: the newer of two marks wins a merge.
    pub updated: u128,
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
    /// `other` merged in: for each article, and for the place, the newer one wins.
    pub fn merge(&mut self, other: Self) {
        for (id, mark) in other.marks {
            let ours = self.marks.entry(id).or_default();
            if mark.updated > ours.updated {
                *ours = mark;
            }
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
        change(mark);
        mark.updated = now();
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
        match fs::read(&self.path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(memory) => (memory, None),
                Err(e) => {
                    let aside = self.path.with_extension(format!("corrupt-{}", now()));
                    let moved = fs::rename(&self.path, &aside);
                    let warning = match moved {
                        Ok(()) => format!(
                            "{}: unreadable ({e}); moved to {}",
                            self.path.display(),
                            aside.display()
                        ),
                        Err(m) => format!(
                            "{}: unreadable ({e}), and could not be moved aside: {m}",
                            self.path.display()
                        ),
                    };
                    (Memory::default(), Some(warning))
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Memory::default(), None),
            Err(e) => (
                Memory::default(),
                Some(format!("{}: {e}", self.path.display())),
            ),
        }
    }

    /// Saves `memory` merged with what is on disk now, and returns the merged memory.
    pub fn save(&self, memory: &Memory) -> io::Result<Memory> {
        let folder = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(folder)?;
        // One saver at a time, across processes.
        let lock = private(OpenOptions::new().create(true).truncate(false).write(true))
            .open(self.path.with_extension("lock"))?;
        lock.lock()?;
        let mut merged = match fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            Err(_) => Memory::default(),
        };
        merged.merge(memory.clone());
        self.write_atomically(&serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?)?;
        lock.unlock()?;
        Ok(merged)
    }

    /// Temporary file, fsync, rename, fsync the folder: the state file is always whole.
    fn write_atomically(&self, bytes: &[u8]) -> io::Result<()> {
        let temporary = self
            .path
            .with_extension(format!("tmp-{}", std::process::id()));
        let mut file =
            private(OpenOptions::new().create(true).truncate(true).write(true)).open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, &self.path)?;
        if let Some(folder) = self.path.parent() {
            File::open(folder)?.sync_all()?;
        }
        Ok(())
    }
}

/// Files only their owner may read or write (mode 0600).
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options.mode(0o600)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("dubao/state.json"));
        (dir, store)
    }

    #[test]
    fn memory_survives_a_round_trip_privately() {
        let (_dir, store) = store();
        let mut memory = Memory::default();
        memory.set("a:1".into(), |m| m.read = true);
        memory.place = Some(Place {
            article: "a:1".into(),
            paragraph: Some(2),
            offset: 30,
            updated: now(),
        });
        store.save(&memory).expect("save");
        assert_eq!(store.load(), (memory, None));
        let mode = fs::metadata(store.path())
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_state_whole() {
        let (_dir, store) = store();
        let mut memory = Memory::default();
        memory.set("a:1".into(), |m| m.bookmark = true);
        store.save(&memory).expect("save");
        // A crash after writing the temporary file, before renaming it.
        let temporary = store.path().with_extension("tmp-99999");
        fs::write(&temporary, b"{\"marks\": {\"half").expect("write");
        assert_eq!(store.load().0, memory);
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_a_warning() {
        let (dir, store) = store();
        fs::create_dir_all(store.path().parent().expect("parent")).expect("mkdir");
        fs::write(store.path(), b"not json").expect("write");
        let (memory, warning) = store.load();
        assert_eq!(memory, Memory::default());
        assert!(warning.is_some_and(|w| w.contains("moved to")));
        let aside = fs::read_dir(dir.path().join("dubao"))
            .expect("list")
            .filter_map(Result::ok);
        assert!(
            aside
                .into_iter()
                .any(|e| e.file_name().to_string_lossy().contains("corrupt"))
        );
        assert!(!store.path().exists());
    }

    #[test]
    fn two_savers_at_once_lose_no_marks() {
        let (_dir, store) = store();
        let savers: Vec<_> = (0..2)
            .map(|who| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for n in 0..25 {
                        let mut memory = Memory::default();
                        memory.set(format!("{who}:{n}"), |m| m.read = true);
                        store.save(&memory).expect("save");
                    }
                })
            })
            .collect();
        for saver in savers {
            saver.join().expect("saver");
        }
        assert_eq!(store.load().0.marks.len(), 50);
    }

    #[test]
    fn the_newer_mark_wins_a_merge() {
        let mut old = Memory::default();
        old.set("a:1".into(), |m| m.read = true);
        let mut new = Memory::default();
        new.set("a:1".into(), |m| m.read = false);
        let mut merged = new.clone();
        merged.merge(old.clone());
        assert!(
            !merged.mark("a:1").read,
            "an older mark does not undo a newer one"
        );
        old.merge(new);
        assert!(!old.mark("a:1").read);
    }

    #[test]
    fn the_older_front_page_marker_reads_as_no_place() {
        let old = r#"{"article":"a:1","paragraph":18446744073709551615,"offset":0,"updated":1}"#;
        let place: Place = serde_json::from_str(old).expect("an old place");
        assert_eq!(place.paragraph, None);
        let new = r#"{"article":"a:1","paragraph":3,"offset":9,"updated":1}"#;
        let place: Place = serde_json::from_str(new).expect("a place");
        assert_eq!((place.paragraph, place.offset), (Some(3), 9));
    }

    #[test]
    fn issue_keys_follow_the_text_not_the_file() {
        let issue = crate::parse::parse("a.txt", "标题\n\n本报讯 正文。\n");
        let moved = crate::parse::parse("elsewhere/b.txt", "标题\n\n本报讯 正文。\n");
        let edited = crate::parse::parse("a.txt", "标题\n\n本报讯 正文改了。\n");
        assert_eq!(issue_key(&issue), issue_key(&moved));
        assert_ne!(issue_key(&issue), issue_key(&edited));
    }
}
