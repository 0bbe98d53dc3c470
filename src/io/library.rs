//! A folder of daily issues opened as a library without parsing every file first: the files
//! are listed and dated (from the cache or the file name; ordered by modification time when
//! undated, never dated by it), the newest is parsed at once, and the others when opened
//! ([`IssueSource`]). A scan on a background thread learns what each holds (the date from the
//! content, the articles' titles, the fingerprint marks are kept under)
//! without keeping its text; what it learns is cached by path, size and mtime, so the next
//! start parses only what changed.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::app::shelf::{IssueSource, Summary};
use crate::error::LoadError;
use crate::io::load::{
    article_days, article_file_date, expand, load_day, load_file, read_bytes, regular_metadata,
    size_limit,
};
use crate::io::store::issue_key;
use crate::model::{Issue, IssueDate, Source};
use crate::parse::date_from_name;

/// One issue file, known before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub size: u64,
    pub mtime: u64,
    pub date: Option<IssueDate>,
    /// For a day of article files (`YYYYMMDD-PP-NN.txt`): the files, in order; `path` is then
    /// their folder, `size` their total and `mtime` the latest.
    pub parts: Vec<PathBuf>,
}

impl Entry {
    /// The issue this entry holds, decoded and parsed.
    pub fn load(&self) -> Result<Issue, LoadError> {
        if self.parts.is_empty() {
            load_file(&self.path)
        } else {
            load_day(&self.parts, None)
        }
    }
}

/// What the cache keeps of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Facts {
    size: u64,
    mtime: u64,
    date: Option<IssueDate>,
    /// What the scan learnt (absent from caches written before there was a scan).
    #[serde(default)]
    key: u64,
    #[serde(default)]
    titles: Vec<String>,
}

/// The cache of facts learnt by parsing, in the user's cache folder.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    path: Option<PathBuf>,
    files: BTreeMap<String, Facts>,
}

impl Catalog {
    /// The catalog in the user's cache folder (`$XDG_CACHE_HOME/dubao/library.json`); an
    /// unreadable one is ignored (it is only a cache).
    pub fn in_cache_dir() -> Self {
        let path = directories::ProjectDirs::from("", "", "dubao")
            .map(|d| d.cache_dir().join("library.json"));
        Self::at(path)
    }

    pub fn at(path: Option<PathBuf>) -> Self {
        let files = path
            .as_ref()
            .and_then(|p| read_bytes(p, size_limit()).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Self { path, files }
    }

    /// Remembers what parsing `issue` (from `entry`) found.
    pub fn record(&mut self, entry: &Entry, issue: &Issue) {
        self.remember(entry, &summarize(issue));
    }

    /// Remembers `summary` as what `entry` holds.
    fn remember(&mut self, entry: &Entry, summary: &Summary) {
        let facts = Facts {
            size: entry.size,
            mtime: entry.mtime,
            date: summary.date,
            key: summary.key,
            titles: summary.titles.clone(),
        };
        self.files.insert(entry.path.display().to_string(), facts);
    }

    /// Writes the cache (temporary file, then rename); failures only cost speed next time.
    ///
    /// The temporary file is created, never opened if it exists: a link planted in its place
    /// is not followed (its target is neither truncated nor written).
    pub fn save(&self) {
        let Some(path) = &self.path else { return };
        let Ok(bytes) = serde_json::to_vec(&self.files) else {
            return;
        };
        let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| {
                fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&temporary)?
                    .write_all(&bytes)
            });
        if written.and_then(|()| fs::rename(&temporary, path)).is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }

    /// What parsing found out about the file, if it has not changed since.
    fn facts(&self, path: &Path, size: u64, mtime: u64) -> Option<&Facts> {
        let facts = self.files.get(&path.display().to_string())?;
        (facts.size == size && facts.mtime == mtime).then_some(facts)
    }
}

/// The issue files below `dir`, dated without parsing them, newest first.
pub fn catalogue(dir: &Path, catalog: &Catalog) -> Result<Vec<Entry>, LoadError> {
    // A link to nothing, a file gone since the folder was read, or a FIFO or device among the
    // issues is reported now, naming it, rather than shown later as an empty issue (or, for
    // a FIFO, hanging the thread that parses the library).
    let mut entries: Vec<Entry> = article_days(expand(dir)?)
        .into_iter()
        .map(|group| {
            let mut files = Vec::with_capacity(group.len());
            for file in &group {
                let meta = regular_metadata(file)?;
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
                files.push((meta.len(), modified.map_or(0, |d| d.as_secs())));
            }
            let size = files.iter().map(|f| f.0).sum();
            let mtime = files.iter().map(|f| f.1).max().unwrap_or(0);
            let (path, parts) = match group.as_slice() {
                [one] if article_file_date(one).is_none() => (one.clone(), Vec::new()),
                parts => (
                    parts[0]
                        .parent()
                        .map_or_else(|| parts[0].clone(), Path::to_path_buf),
                    group.clone(),
                ),
            };
            let date = match catalog.facts(&path, size, mtime) {
                Some(facts) => facts.date,
                None => group
                    .first()
                    .and_then(|f| article_file_date(f))
                    .or_else(|| date_from_name(&path.display().to_string())),
            };
            Ok(Entry {
                path,
                size,
                mtime,
                date,
                parts,
            })
        })
        .collect::<Result<_, LoadError>>()?;
    // An undated file is ordered by its modification day, never shown with it as its date.
    let order = |e: &Entry| {
        e.date
            .or_else(|| IssueDate::from_unix_days(i64::try_from(e.mtime / 86_400).ok()?))
    };
    entries.sort_by(|a, b| order(b).cmp(&order(a)).then_with(|| a.path.cmp(&b.path)));
    Ok(entries)
}

/// What a parsed issue tells of itself, for a library that does not keep its text.
pub fn summarize(issue: &Issue) -> Summary {
    Summary {
        date: issue.date,
        key: if issue.articles.is_empty() {
            0
        } else {
            issue_key(issue)
        },
        titles: issue.articles.iter().map(|a| a.title.clone()).collect(),
    }
}

/// The issue files of a library, each parsed when asked for.
#[derive(Debug)]
struct Entries(Vec<Entry>);

impl IssueSource for Entries {
    fn load(&self, index: usize) -> Option<Issue> {
        self.0.get(index)?.load().ok()
    }
}

/// A library's issues, for the work done off the UI thread: the scan, opening an issue,
/// and (when there is no index) parsing them all. Knows the library's folder (for its
/// archive index).
pub struct Loader {
    folder: PathBuf,
    entries: Arc<Entries>,
    catalog: Catalog,
    /// What the newest issue (parsed by [`open`]) holds.
    newest: Option<Summary>,
}

impl Loader {
    /// The library folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Where the app parses an issue it opens.
    pub fn source(&self) -> Arc<dyn IssueSource> {
        Arc::clone(&self.entries) as Arc<dyn IssueSource>
    }

    /// What every issue holds, in the library's order: from the cache for files unchanged
    /// since it was written, else parsed (one at a time, the text dropped) and cached. A file
    /// that can no longer be read is summarised as empty.
    pub fn scan(&mut self) -> Vec<Summary> {
        let entries = &self.entries.0;
        let mut summaries = Vec::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            let known = self
                .catalog
                .facts(&entry.path, entry.size, entry.mtime)
                .filter(|f| f.key != 0)
                .map(|f| Summary {
                    date: f.date,
                    key: f.key,
                    titles: f.titles.clone(),
                });
            let summary = match (known, self.newest.take().filter(|_| i == 0)) {
                (Some(summary), _) => summary,
                (None, Some(newest)) => {
                    self.catalog.remember(entry, &newest);
                    newest
                }
                (None, None) => match entry.load() {
                    Ok(issue) => {
                        self.catalog.record(entry, &issue);
                        summarize(&issue)
                    }
                    Err(_) => Summary {
                        date: entry.date,
                        ..Summary::default()
                    },
                },
            };
            summaries.push(summary);
        }
        self.catalog.save();
        summaries
    }

    /// Every issue of the library, parsed: for an index in memory when the library can have
    /// no index on disk (a file that fails to load is a placeholder).
    pub fn load_all(&self) -> Vec<Issue> {
        let entries = &self.entries.0;
        entries
            .iter()
            .zip(load_entries(entries))
            .map(|(e, loaded)| loaded.unwrap_or_else(|_| placeholder(e)))
            .collect()
    }
}

/// Opens the library in `dir`: the newest issue parsed, the others as placeholders, and the
/// loader that scans and opens the others.
pub fn open(dir: &Path, catalog: Catalog) -> Result<(Vec<Issue>, Loader), LoadError> {
    let entries = catalogue(dir, &catalog)?;
    let mut issues: Vec<Issue> = entries.iter().map(placeholder).collect();
    let newest = entries.first().map(Entry::load).transpose()?;
    let newest = newest.map(|issue| {
        let summary = summarize(&issue);
        issues[0] = issue;
        summary
    });
    let loader = Loader {
        folder: dir.to_owned(),
        entries: Arc::new(Entries(entries)),
        catalog,
        newest,
    };
    Ok((issues, loader))
}

/// An issue not parsed yet: its name and date, no articles.
pub fn placeholder(entry: &Entry) -> Issue {
    Issue {
        source: Source::File(entry.path.clone()),
        paper: None,
        furniture: Vec::new(),
        date: entry.date,
        articles: Vec::new(),
    }
}

/// Parses every entry (in order): each issue, or why its file can no longer be read (deleted,
/// replaced by a link to nothing or a FIFO, grown past the limit since it was listed).
pub fn load_entries(entries: &[Entry]) -> Vec<Result<Issue, LoadError>> {
    entries.iter().map(Entry::load).collect()
}

#[cfg(test)]
mod tests;
