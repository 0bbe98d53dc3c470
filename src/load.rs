//! Where issues come from: files, folders of `*.txt` files, or the samples built into the
//! binary.

use std::fs;
use std::path::{Path, PathBuf};

use crate::decode::{DecodeError, decode};
use crate::error::LoadError;
use crate::model::{Issue, IssueDate};
use crate::parse::parse;

/// The sample issues embedded in the binary, as (name, text).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "000_5881bbe1ec912710.txt",
        include_str!("../assets/samples/000_5881bbe1ec912710.txt"),
    ),
    (
        "002_77e25608cd39c624.txt",
        include_str!("../assets/samples/002_77e25608cd39c624.txt"),
    ),
];

/// The embedded sample issues, parsed.
pub fn samples() -> Vec<Issue> {
    SAMPLES
        .iter()
        .map(|(name, text)| parse(&format!("embedded:{name}"), text))
        .collect()
}

/// Loads every issue named by `paths` (files, or folders searched for `*.txt`), in order;
/// with no paths, the embedded samples.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<Issue>, LoadError> {
    if paths.is_empty() {
        return Ok(samples());
    }
    let mut issues = Vec::new();
    for path in paths {
        let mut found = expand(path)?
            .iter()
            .map(|f| load_file(f))
            .collect::<Result<Vec<_>, _>>()?;
        // A folder is a library: newest issue first, undated ones last.
        if path.is_dir() {
            found.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.source.cmp(&b.source)));
        }
        issues.extend(found);
    }
    Ok(issues)
}

/// One file, decoded and parsed.
pub fn load_file(path: &Path) -> Result<Issue, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = decode(&bytes).map_err(|e| match e {
        DecodeError::Binary => LoadError::Binary {
            path: path.to_owned(),
        },
        DecodeError::Undecodable => LoadError::Undecodable {
            path: path.to_owned(),
        },
    })?;
    let mut issue = parse(&path.display().to_string(), &text);
    // Neither the name nor the text gives a date: the file's modification day will do.
    if issue.date.is_none() {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        let days = modified
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs() / 86_400);
        issue.date = days.and_then(|d| IssueDate::from_unix_days(i64::try_from(d).ok()?));
    }
    Ok(issue)
}

/// `path` itself, or every `*.txt` file below it (sorted) when it is a folder.
pub fn expand(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    if !fs::metadata(path).map_err(io)?.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        let io = |source| LoadError::Io {
            path: folder.clone(),
            source,
        };
        for entry in fs::read_dir(&folder).map_err(io)? {
            let entry_path = entry.map_err(io)?.path();
            if entry_path.is_dir() {
                folders.push(entry_path);
            } else if entry_path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                files.push(entry_path);
            }
        }
    }
    if files.is_empty() {
        return Err(LoadError::EmptyFolder {
            path: path.to_owned(),
        });
    }
    files.sort();
    Ok(files)
}
