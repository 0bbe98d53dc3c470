//! The archive index: an on-disk tantivy index of every article of a library folder, kept in
//! the cache directory, updated incrementally, searched without loading the issues.
//!
//! The one engine of searches across issues: [`memory`] builds the same index in memory for
//! issues already parsed (the samples, files named on the command line). Recall comes from
//! folded character bigrams (every article holding the query as a substring of one folded
//! field is found), ranking from BM25 over jieba words with titles boosted. Domain and file
//! IO only: no terminal types; [`command`] holds the command-line entry points (`dubao
//! index`, `dubao search`).
//!
//! Safety: tantivy commits are atomic and one writer holds a lock file, so an indexing run
//! killed at any point leaves the last committed batch searchable and the next run carries
//! on; a second indexer waits for the lock or reports [`IndexError::Busy`].

pub mod command;
mod hits;
mod memory;
pub mod query;
mod schema;
pub mod tokens;
mod trend;
mod update;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

pub use hits::{ArchiveHit, ArchiveResults, Sort};
pub use memory::{memory_key, memory_position};
pub use query::ArchiveQuery;
use schema::Fields;

use crate::model::IssueDate;
pub use tokens::Words;
pub use update::{Progress, UpdateReport};

/// Bumped whenever the schema or the tokenizers change: an index of another version is
/// rebuilt from scratch in a folder of its own.
const FORMAT: &str = "v3";
/// Memory the writer may use before it flushes a segment (one indexing thread).
const WRITER_HEAP: usize = 64 << 20;
/// How often a waiting indexer tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(200);

/// What can go wrong with an index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("another dubao is indexing {dir} (its lock is held); try again when it is done")]
    Busy { dir: PathBuf },
    #[error("no cache directory for the index (set XDG_CACHE_HOME or HOME)")]
    NoCacheDir,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{dir}: not a dubao index")]
    Foreign { dir: PathBuf },
    #[error("index {dir}: {source}")]
    Tantivy { dir: PathBuf, source: TantivyError },
}

/// An open archive index.
pub struct ArchiveIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    batch_bytes: u64,
}

/// The stored texts (for snippets) compressed with zstd in 32 KB blocks: about half of what
/// lz4 in 16 KB blocks takes, for a block decompressed per hit shown.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(
            tantivy::store::ZstdCompressor::default(),
        ),
        docstore_blocksize: 32 << 10,
        ..tantivy::IndexSettings::default()
    }
}

/// Where the index of `library` lives: `<cache>/index/<format>/<hash of the canonical path>`.
/// The library's indexes of other formats are removed (they are never read again).
pub fn default_location(library: &Path) -> Result<PathBuf, IndexError> {
    let dirs = directories::ProjectDirs::from("", "", "dubao").ok_or(IndexError::NoCacheDir)?;
    let location = location_in(dirs.cache_dir(), library);
    if let (Some(name), Ok(formats)) = (
        location.file_name(),
        std::fs::read_dir(dirs.cache_dir().join("index")),
    ) {
        for format in formats.flatten() {
            if format.file_name() != FORMAT {
                // A cache: what cannot be removed only takes room.
                let _ = std::fs::remove_dir_all(format.path().join(name));
            }
        }
    }
    Ok(location)
}

/// Where the index of `library` lives under `cache_dir`.
pub fn location_in(cache_dir: &Path, library: &Path) -> PathBuf {
    let canonical = std::fs::canonicalize(library).unwrap_or_else(|_| library.to_owned());
    cache_dir.join("index").join(FORMAT).join(format!(
        "{:016x}",
        fnv1a(canonical.as_os_str().as_encoded_bytes())
    ))
}

/// The keys under which the index may hold an issue of `library` read from `source` (a file,
/// or the folder of a day of article files) dated `date`: hits name their issue by key.
pub fn issue_keys(library: &Path, source: &Path, date: Option<IssueDate>) -> [String; 2] {
    let file = update::key(library, source);
    let day = update::day_key(&file, date);
    [file, day]
}

/// FNV-1a: a hash that stays the same across Rust releases (std's `DefaultHasher` may not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl std::fmt::Debug for ArchiveIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArchiveIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl ArchiveIndex {
    /// Opens the index in `dir`, creating it (and the folder) when there is none. `jieba` is
    /// the app's one dictionary, shared by the word tokenizer (or one still loading).
    pub fn open(dir: &Path, jieba: impl Into<Words>) -> Result<Self, IndexError> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let tantivy = |source| IndexError::Tantivy {
            dir: dir.to_owned(),
            source,
        };
        let directory = MmapDirectory::open(dir).map_err(|e| tantivy(e.into()))?;
        let index = if Index::exists(&directory).map_err(|e| tantivy(e.into()))? {
            Index::open(directory).map_err(tantivy)?
        } else {
            Index::create(directory, Fields::schema().0, settings()).map_err(tantivy)?
        };
        Self::with_index(dir.to_owned(), index, jieba.into())
    }

    /// An index of `index` (on disk or in memory) with our tokenizers registered.
    fn with_index(dir: PathBuf, mut index: Index, jieba: Words) -> Result<Self, IndexError> {
        // Segments searched in parallel, one thread a core (up to four): on an archive of a
        // million articles a query's time is scoring every match, segment by segment. Without
        // the threads (none to be had), one at a time.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        if threads > 1 {
            let _ = index.set_multithread_executor(threads);
        }
        let fields =
            Fields::of(&index.schema()).ok_or_else(|| IndexError::Foreign { dir: dir.clone() })?;
        tokens::register(&index, jieba);
        // Reloaded by hand after each commit this process makes, and on `refresh` for
        // another's: no watcher thread.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| IndexError::Tantivy {
                dir: dir.clone(),
                source,
            })?;
        Ok(Self {
            dir,
            index,
            reader,
            fields,
            batch_bytes: update::BATCH_BYTES,
        })
    }

    /// The folder the index is in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Commits after every `bytes` of text read (default 32 MB): what a killed run loses.
    pub fn set_batch_bytes(&mut self, bytes: u64) {
        self.batch_bytes = bytes.max(1);
    }

    /// Sees what has been committed since the index was opened (by this or another process).
    pub fn refresh(&self) -> Result<(), IndexError> {
        self.reader.reload().map_err(|e| self.error(e))
    }

    /// Articles indexed.
    pub fn num_articles(&self) -> u64 {
        let searcher = self.reader.searcher();
        let kind = tantivy::Term::from_field_text(self.fields.kind, schema::KIND_ARTICLE);
        searcher
            .segment_readers()
            .iter()
            .map(|s| {
                s.inverted_index(self.fields.kind)
                    .ok()
                    .and_then(|i| i.doc_freq(&kind).ok())
                    .map_or(0, u64::from)
            })
            .sum()
    }

    /// Bytes the index takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir).map_or(0, |entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len())
                .sum()
        })
    }

    /// The writer, waiting up to `wait` for another process's lock.
    fn writer(&self, wait: Duration) -> Result<IndexWriter<TantivyDocument>, IndexError> {
        let started = Instant::now();
        loop {
            match self.index.writer_with_num_threads(1, WRITER_HEAP) {
                Ok(writer) => return Ok(writer),
                Err(TantivyError::LockFailure(..)) if started.elapsed() < wait => {
                    std::thread::sleep(LOCK_RETRY);
                }
                Err(TantivyError::LockFailure(..)) => {
                    return Err(IndexError::Busy {
                        dir: self.dir.clone(),
                    });
                }
                Err(e) => return Err(self.error(e)),
            }
        }
    }

    fn error(&self, source: TantivyError) -> IndexError {
        IndexError::Tantivy {
            dir: self.dir.clone(),
            source,
        }
    }
}
