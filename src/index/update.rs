//! Bringing the index up to date with a library folder: files added, changed or removed, found
//! by (path, size, modification time), indexed in batches that each commit atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::schema::{Fields, KIND_ARTICLE, KIND_FILE};
use super::tokens::PARAGRAPH_BREAK;
use super::{ArchiveIndex, IndexError};
use crate::model::{Article, Issue, IssueDate};

/// Text read between two commits: what an interrupted run can lose, and redo.
pub(super) const BATCH_BYTES: u64 = 32 << 20;

/// How far an update has got.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// What an update did.
#[derive(Debug, Clone, Default)]
pub struct UpdateReport {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files that could not be read or parsed, with why; they are remembered (not retried
    /// until they change) and have no articles in the index.
    pub failed: Vec<(PathBuf, String)>,
    /// Articles indexed by this run, and the bytes of text read for them.
    pub articles: u64,
    pub bytes: u64,
    pub elapsed: Duration,
}

/// One step of an update.
enum Change {
    /// Drop the file's documents (it is gone).
    Remove(String),
    /// (Re)index the listed file at this position; whether the index held it.
    Index(usize, bool),
}

/// A file's identity for change detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime: i64,
}

impl ArchiveIndex {
    /// Brings the index up to date with the `*.txt` files below `library`, waiting up to
    /// `wait` for another indexer, calling `progress` after each file.
    pub fn update(
        &self,
        library: &Path,
        wait: Duration,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<UpdateReport, IndexError> {
        let started = Instant::now();
        let listed = list(library)?;
        let mut report = UpdateReport::default();
        // Nothing changed: no writer, no lock (a search on an up-to-date index writes nothing).
        if self.plan(&listed, &mut UpdateReport::default())?.is_empty() {
            report.unchanged = listed.len();
            report.elapsed = started.elapsed();
            return Ok(report);
        }
        let mut writer = self.writer(wait)?;
        // Planned again under the lock: what another indexer committed meanwhile counts.
        self.refresh()?;
        let plan = self.plan(&listed, &mut report)?;
        let mut todo = Vec::new();
        for change in plan {
            match change {
                Change::Remove(key) => {
                    writer.delete_term(Term::from_field_text(self.fields.path, &key));
                }
                Change::Index(i, existed) => {
                    let (unit, key, stamp) = &listed[i];
                    todo.push((unit.clone(), key.clone(), *stamp, existed));
                }
            }
        }
        let mut state = Progress {
            files_total: todo.len(),
            bytes_total: todo.iter().filter_map(|t| t.2).map(|s| s.size).sum(),
            ..Progress::default()
        };
        progress(&state);
        let mut batch_bytes = 0;
        for (unit, key, stamp, existed) in todo {
            writer.delete_term(Term::from_field_text(self.fields.path, &key));
            let size = stamp.map_or(0, |s| s.size);
            match unit.load() {
                Ok(issue) => {
                    report.articles += self.add_issue(&writer, &key, &issue)?;
                    report.bytes += size;
                }
                Err(e) => report.failed.push((unit.path().to_owned(), e.to_string())),
            }
            let stamp = stamp.unwrap_or(Stamp { size: 0, mtime: 0 });
            let mut doc = TantivyDocument::default();
            doc.add_text(self.fields.kind, KIND_FILE);
            doc.add_text(self.fields.path, &key);
            doc.add_u64(self.fields.size, stamp.size);
            doc.add_i64(self.fields.mtime, stamp.mtime);
            writer.add_document(doc).map_err(|e| self.error(e))?;
            if existed {
                report.updated += 1;
            } else {
                report.added += 1;
            }
            state.files_done += 1;
            state.bytes_done += size;
            batch_bytes += size;
            if batch_bytes >= self.batch_bytes {
                writer.commit().map_err(|e| self.error(e))?;
                // A search running meanwhile (the reader's) sees what is indexed so far.
                self.refresh()?;
                batch_bytes = 0;
            }
            progress(&state);
        }
        self.finish(writer)?;
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// Commits what is left, waits for merges, and lets this process's reader see it all.
    pub(super) fn finish(
        &self,
        mut writer: IndexWriter<TantivyDocument>,
    ) -> Result<(), IndexError> {
        writer.commit().map_err(|e| self.error(e))?;
        writer.wait_merging_threads().map_err(|e| self.error(e))?;
        self.refresh()
    }

    /// Adds one document per article of `issue`; returns how many.
    pub(super) fn add_issue(
        &self,
        writer: &IndexWriter<TantivyDocument>,
        key: &str,
        issue: &Issue,
    ) -> Result<u64, IndexError> {
        let date = issue.date.map(IssueDate::unix_days);
        for (index, article) in issue.articles.iter().enumerate() {
            let doc = article_doc(
                &self.fields,
                key,
                index,
                article,
                date,
                issue.paper.as_deref(),
            );
            writer.add_document(doc).map_err(|e| self.error(e))?;
        }
        Ok(issue.articles.len() as u64)
    }

    /// What to do to bring the committed index up to date with `listed`; counts the removed
    /// and unchanged files into `report`.
    fn plan(
        &self,
        listed: &[(Unit, String, Option<Stamp>)],
        report: &mut UpdateReport,
    ) -> Result<Vec<Change>, IndexError> {
        let mut known = self.manifest()?;
        let mut plan = Vec::new();
        for (i, (_, key, stamp)) in listed.iter().enumerate() {
            match known.remove(key) {
                Some(old) if Some(old) == *stamp => report.unchanged += 1,
                Some(_) => plan.push(Change::Index(i, true)),
                None => plan.push(Change::Index(i, false)),
            }
        }
        report.removed = known.len();
        plan.extend(known.into_keys().map(Change::Remove));
        Ok(plan)
    }

    /// (path, size, mtime) of every file the committed index holds.
    fn manifest(&self) -> Result<HashMap<String, Stamp>, IndexError> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, KIND_FILE),
            IndexRecordOption::Basic,
        );
        let docs = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| self.error(e))?;
        let mut files = HashMap::with_capacity(docs.len());
        let mut path = String::new();
        // Read from the fast columns, opened once a segment: stored documents would
        // decompress the article texts around each file document.
        let mut columns = HashMap::new();
        for address in docs {
            let segment = address.segment_ord;
            let opened = match columns.entry(segment) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(new) => {
                    let fast = searcher.segment_reader(segment).fast_fields();
                    let read = (|| {
                        let paths = fast.str("path")?;
                        Ok::<_, tantivy::TantivyError>((
                            paths,
                            fast.u64("size")?,
                            fast.i64("mtime")?,
                        ))
                    })();
                    new.insert(read.map_err(|e| self.error(e))?)
                }
            };
            let (Some(paths), sizes, mtimes) = opened else {
                continue;
            };
            let ord = paths.ords().first(address.doc_id);
            let size = sizes.first(address.doc_id);
            let mtime = mtimes.first(address.doc_id);
            if let (Some(ord), Some(size), Some(mtime)) = (ord, size, mtime) {
                path.clear();
                if paths.ord_to_str(ord, &mut path).unwrap_or(false) {
                    files.insert(path.clone(), Stamp { size, mtime });
                }
            }
        }
        Ok(files)
    }
}

/// The document of one article.
fn article_doc(
    fields: &Fields,
    key: &str,
    index: usize,
    article: &Article,
    date: Option<i64>,
    paper: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_ARTICLE);
    doc.add_text(fields.path, key);
    doc.add_u64(fields.article, index as u64);
    // The main title first: a hit names the article by the first line.
    let title = join(
        [
            Some(article.title.as_str()),
            article.kicker.as_deref(),
            article.subtitle.as_deref(),
        ]
        .into_iter()
        .flatten(),
    );
    let body = join(article.paragraphs.iter().map(String::as_str));
    doc.add_text(fields.title_words, &title);
    doc.add_text(fields.title, title);
    doc.add_text(fields.body_words, &body);
    doc.add_text(fields.body, body);
    if let Some(days) = date {
        doc.add_i64(fields.date, days);
    }
    if let Some(paper) = paper {
        doc.add_text(fields.paper, paper);
    }
    if let Some(page) = &article.page {
        doc.add_u64(fields.page, u64::from(page.number));
    }
    doc
}

/// Fields one per line; a line break inside a field becomes a space (white space folds away,
/// so matching is unchanged, and the break stays the field separator).
fn join<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for field in fields.filter(|f| !f.is_empty()) {
        if !out.is_empty() {
            out.push(PARAGRAPH_BREAK);
        }
        out.extend(
            field
                .chars()
                .map(|c| if c == PARAGRAPH_BREAK { ' ' } else { c }),
        );
    }
    out
}

/// What one key of the index holds: an issue file, or a day of article files
/// (`YYYYMMDD-PP-NN.txt`, indexed as one issue as the library shows them).
#[derive(Debug, Clone)]
enum Unit {
    File(PathBuf),
    Day(Vec<PathBuf>),
}

impl Unit {
    fn load(&self) -> Result<Issue, crate::error::LoadError> {
        match self {
            Self::File(path) => crate::io::load::load_file(path),
            Self::Day(parts) => crate::io::load::load_day(parts, None),
        }
    }

    /// The file, or the first of the day's files.
    fn path(&self) -> &Path {
        match self {
            Self::File(path) => path,
            Self::Day(parts) => parts.first().map_or(Path::new(""), PathBuf::as_path),
        }
    }
}

/// The issues below `library`, each with its key and stamp.
fn list(library: &Path) -> Result<Vec<(Unit, String, Option<Stamp>)>, IndexError> {
    let files = crate::io::load::expand_with_metadata(library).map_err(|e| IndexError::Io {
        path: library.to_owned(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let stamps: HashMap<PathBuf, Stamp> = files
        .iter()
        .filter_map(|(path, meta)| Some((path.clone(), stamp(meta.as_ref()?))))
        .collect();
    let stamp = |path: &PathBuf| stamps.get(path).copied();
    let files = files.into_iter().map(|(path, _)| path).collect();
    Ok(crate::io::load::article_days(files)
        .into_iter()
        .map(|group| {
            let date = group
                .first()
                .and_then(|f| crate::io::load::article_file_date(f));
            match (group.as_slice(), date) {
                ([one], None) => {
                    let key = key(library, one);
                    let stamp = stamp(one);
                    (Unit::File(one.clone()), key, stamp)
                }
                (parts, _) => {
                    let folder = parts.first().and_then(|p| p.parent()).unwrap_or(library);
                    let key = day_key(&key(library, folder), date);
                    let stamps: Option<Vec<Stamp>> = parts.iter().map(&stamp).collect();
                    let stamp = stamps.map(|s| Stamp {
                        size: s.iter().map(|s| s.size).sum(),
                        mtime: s.iter().map(|s| s.mtime).max().unwrap_or(0),
                    });
                    (Unit::Day(parts.to_vec()), key, stamp)
                }
            }
        })
        .collect())
}

/// The key of a day of article files in `folder` (relative): the folder and the day, so two
/// days in one folder are two issues.
pub(super) fn day_key(folder: &str, date: Option<IssueDate>) -> String {
    let day = date.map_or_else(String::new, |d| {
        format!("{:04}{:02}{:02}", d.year, d.month, d.day)
    });
    if folder.is_empty() {
        day
    } else {
        format!("{folder}/{day}")
    }
}

/// The key a file is stored under: its path relative to the library, so the same folder
/// reached by another path (`.` or absolute) keeps its index.
pub(super) fn key(library: &Path, path: &Path) -> String {
    path.strip_prefix(library)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Stamp {
        size: meta.len(),
        mtime,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_join_one_per_line() {
        assert_eq!(join(["a\nb", "", "c"].into_iter()), "a b\nc");
    }
}
