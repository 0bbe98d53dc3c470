//! Where issues come from: files, folders of `*.txt` files, standard input (`-`), or the
//! samples built into the binary.
//!
//! Files are untrusted and may be anything: every read has a size limit, only regular files
//! are opened (a FIFO or a device would block or never end), and folder walks follow each
//! folder and file once, whatever links loop back (see [`read_bytes`] and [`expand`]).

use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::LoadError;
use crate::io::decode::{DecodeError, decode_owned};
use crate::model::{Issue, IssueDate, Source};
use crate::parse::{Layout, date_from_name, parse, parse_as};

/// The sample issues embedded in the binary, as (name, text).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "000_5881bbe1ec912710.txt",
        include_str!("../../assets/samples/000_5881bbe1ec912710.txt"),
    ),
    (
        "002_77e25608cd39c624.txt",
        include_str!("../../assets/samples/002_77e25608cd39c624.txt"),
    ),
];

/// The embedded sample issues, parsed.
pub fn samples() -> Vec<Issue> {
    SAMPLES
        .iter()
        .map(|(name, text)| parse(Source::Embedded(name), text))
        .collect()
}

/// Loads every issue named by `paths` (files, or folders searched for `*.txt`), in order;
/// with no paths, the embedded samples. `layout` overrides the layout detection.
///
/// In a folder, files named `YYYYMMDD-PP-NN.txt` (date, page, article: one file per article,
/// as e-paper crawlers save them) make one issue per date, pages and articles in order.
pub fn load_all(paths: &[PathBuf], layout: Option<Layout>) -> Result<Vec<Issue>, LoadError> {
    if paths.is_empty() {
        return Ok(samples());
    }
    let mut issues = Vec::new();
    for path in paths {
        let mut found = Vec::new();
        for group in article_days(expand(path)?) {
            found.push(match group.as_slice() {
                [one] if article_file_date(one).is_none() => load_file_as(one, layout)?,
                parts => load_day(parts, layout)?,
            });
        }
        // A folder is a library: newest issue first, undated ones last.
        if path.is_dir() {
            found.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.source.cmp(&b.source)));
        }
        issues.extend(found);
    }
    Ok(issues)
}

/// `files` (sorted) in groups: the article files of one day and one folder together, any
/// other file alone.
pub fn article_days(files: Vec<PathBuf>) -> Vec<Vec<PathBuf>> {
    let mut groups: Vec<Vec<PathBuf>> = Vec::new();
    for file in files {
        let day = article_file_date(&file);
        let same_day = |group: &Vec<PathBuf>| {
            group.first().is_some_and(|first| {
                day.is_some() && article_file_date(first) == day && first.parent() == file.parent()
            })
        };
        match groups.last_mut() {
            Some(group) if same_day(group) => group.push(file),
            _ => groups.push(vec![file]),
        }
    }
    groups
}

/// The article files of one day (`YYYYMMDD-PP-NN.txt`, in page and article order) as one
/// issue, named by their folder.
pub fn load_day(parts: &[PathBuf], layout: Option<Layout>) -> Result<Issue, LoadError> {
    let mut merged: Option<Issue> = None;
    for part in parts {
        let issue = load_file_as(part, layout)?;
        if let Some(day) = merged.as_mut() {
            day.articles.extend(issue.articles);
            day.furniture.extend(issue.furniture);
            day.paper = day.paper.take().or(issue.paper);
        } else {
            let source = part
                .parent()
                .map_or_else(|| issue.source.clone(), |p| Source::File(p.to_path_buf()));
            let date = article_file_date(part).or(issue.date);
            merged = Some(Issue {
                source,
                date,
                ..issue
            });
        }
    }
    Ok(merged.unwrap_or_default())
}

/// The date of an article file named `YYYYMMDD-PP-NN.txt`.
pub fn article_file_date(path: &Path) -> Option<IssueDate> {
    let stem = path.file_stem()?.to_str()?;
    let parts: Vec<&str> = stem.split('-').collect();
    let [date, page, number] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    (digits(date, 8..=8) && digits(page, 1..=3) && digits(number, 1..=3))
        .then(|| date_from_name(date))?
}

/// One file, decoded and parsed.
pub fn load_file(path: &Path) -> Result<Issue, LoadError> {
    load_file_as(path, None)
}

/// One file, decoded and parsed in `layout` (detected when `None`).
pub fn load_file_as(path: &Path, layout: Option<Layout>) -> Result<Issue, LoadError> {
    let text = read_text(path)?;
    Ok(parse_as(path, &text, layout))
}

/// One file's text (or standard input's, for `-`), decoded; at most [`size_limit`] bytes.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path, size_limit())?;
    let text = decode_owned(bytes).map_err(|e| match e {
        DecodeError::Binary => LoadError::Binary {
            path: path.to_owned(),
        },
        DecodeError::Undecodable => LoadError::Undecodable {
            path: path.to_owned(),
        },
    })?;
    Ok(text)
}

/// The largest file read unless [`set_size_limit`] says otherwise: far above any issue (a
/// year of a daily paper is a few MB), far below what would exhaust memory.
pub const DEFAULT_SIZE_LIMIT: u64 = 64 * 1024 * 1024;

static SIZE_LIMIT: AtomicU64 = AtomicU64::new(DEFAULT_SIZE_LIMIT);

/// Sets the largest file the loaders read, in bytes (for a command-line option or setting).
///
/// Process-wide, because every load path (CLI, reader, library thread) reads through here.
pub fn set_size_limit(bytes: u64) {
    SIZE_LIMIT.store(bytes, Ordering::Relaxed);
}

/// The largest file the loaders read, in bytes.
pub fn size_limit() -> u64 {
    SIZE_LIMIT.load(Ordering::Relaxed)
}

/// The path that names standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads `path` — a regular file, or standard input for `-` — refusing more than `limit`
/// bytes, and anything that is not a regular file (FIFO, device, socket, folder) before
/// opening it: such a read could block forever (a FIFO with no writer) or never end
/// (`/dev/zero`).
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    };
    if is_stdin(path) {
        return read_limited(io::stdin().lock(), 0, limit)
            .map_err(io)?
            .ok_or_else(|| too_large(None));
    }
    let meta = regular_metadata(path)?;
    if meta.len() > limit {
        return Err(too_large(Some(meta.len())));
    }
    let file = open_nonblocking(path).map_err(io)?;
    // The name may have been swapped for something else since it was looked at.
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(not_a_file(path, &opened));
    }
    read_limited(file, opened.len(), limit)
        .map_err(io)?
        .ok_or_else(|| too_large(None))
}

/// Everything `reader` holds, or `None` when that is more than `limit` bytes (a file can grow
/// while it is read, and `/proc` files say they are empty).
fn read_limited(reader: impl Read, expected: u64, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Opens `path` for reading without waiting for a writer, should it be a FIFO after all.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The metadata of the regular file `path` names (through links), or why it is none: missing,
/// a link to nothing, or not a regular file.
pub fn regular_metadata(path: &Path) -> Result<Metadata, LoadError> {
    let meta = metadata(path)?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(not_a_file(path, &meta))
    }
}

/// The metadata of what `path` names (through links); a link to nothing says so.
fn metadata(path: &Path) -> Result<Metadata, LoadError> {
    fs::metadata(path).map_err(|source| {
        let dangling = source.kind() == io::ErrorKind::NotFound
            && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        match fs::read_link(path) {
            Ok(target) if dangling => LoadError::DanglingLink {
                path: path.to_owned(),
                target,
            },
            _ => LoadError::Io {
                path: path.to_owned(),
                source,
            },
        }
    })
}

fn not_a_file(path: &Path, meta: &Metadata) -> LoadError {
    LoadError::NotAFile {
        path: path.to_owned(),
        kind: kind(meta),
    }
}

/// What a file that is not a regular file is, in words.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let file_type = meta.file_type();
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        } else if file_type.is_char_device() {
            return "a character device";
        } else if file_type.is_block_device() {
            return "a block device";
        } else if file_type.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// What identifies a file or folder whatever the path to it: device and inode.
#[cfg(unix)]
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(_path: &Path, meta: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Elsewhere: the path with every link resolved.
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &Metadata) -> FileId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// `path` itself, or every `*.txt` file below it (sorted) when it is a folder.
///
/// Links are followed, but each folder is entered once and each file listed once (under its
/// first name in sorted order), so `self -> .` or two links to one folder cannot loop or
/// repeat. A `*.txt` link to nothing is listed, so reading it says what is wrong.
pub fn expand(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    Ok(expand_with_metadata(path)?
        .into_iter()
        .map(|(path, _)| path)
        .collect())
}

/// [`expand`], each file with its metadata as the walk read it (`None` for standard input
/// and a link to nothing): the index's change detection needs no second `stat` per file.
pub fn expand_with_metadata(path: &Path) -> Result<Vec<(PathBuf, Option<Metadata>)>, LoadError> {
    if is_stdin(path) {
        return Ok(vec![(path.to_owned(), None)]);
    }
    let meta = metadata(path)?;
    if !meta.is_dir() {
        return Ok(vec![(path.to_owned(), Some(meta))]);
    }
    let mut folders_seen = HashSet::from([file_id(path, &meta)]);
    let mut files: Vec<(PathBuf, Option<Metadata>)> = Vec::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        let io = |source| LoadError::Io {
            path: folder.clone(),
            source,
        };
        let mut entries = fs::read_dir(&folder)
            .map_err(io)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(io)?;
        // Sorted, and folders taken from the stack in that order: the walk is the same on
        // every run, so the name kept for a file reached twice is too.
        entries.sort();
        let mut subfolders = Vec::new();
        for entry_path in entries {
            let is_txt = entry_path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            match fs::metadata(&entry_path) {
                Ok(meta) if meta.is_dir() => {
                    let first_visit = folders_seen.insert(file_id(&entry_path, &meta));
                    subfolders.extend(first_visit.then_some(entry_path));
                }
                Ok(meta) if is_txt => files.push((entry_path, Some(meta))),
                // A link to nothing, or a file gone since the folder was read.
                Err(_) if is_txt => files.push((entry_path, None)),
                _ => {}
            }
        }
        folders.extend(subfolders.into_iter().rev());
    }
    if files.is_empty() {
        return Err(LoadError::EmptyFolder {
            path: path.to_owned(),
        });
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files_seen = HashSet::new();
    files.retain(|(path, meta)| {
        meta.as_ref()
            .is_none_or(|meta| files_seen.insert(file_id(path, meta)))
    });
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        assert_eq!(
            read_limited(&b"abcdef"[..], 0, 6).ok(),
            Some(Some(b"abcdef".to_vec()))
        );
        assert_eq!(read_limited(&b"abcdef"[..], 0, 5).ok(), Some(None));
        // A reader that never ends (`/dev/zero` read as standard input) ends at the limit.
        assert_eq!(read_limited(io::repeat(0), 0, 1 << 20).ok(), Some(None));
    }

    #[test]
    fn a_folder_is_not_read_as_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let refused = read_bytes(dir.path(), DEFAULT_SIZE_LIMIT);
        assert!(
            matches!(
                refused,
                Err(LoadError::NotAFile {
                    kind: "a folder",
                    ..
                })
            ),
            "{refused:?}"
        );
    }
}
