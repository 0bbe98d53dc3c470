//! Where issues come from: files, folders of `*.txt` files, or the samples built into the
//! binary.

use std::fs;
use std::path::{Path, PathBuf};

use crate::decode::{DecodeError, decode};
use crate::error::LoadError;
use crate::model::{Issue, IssueDate};
use crate::parse::{Layout, date_from_name, parse, parse_as};

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
        let mut day: Option<(IssueDate, Issue)> = None;
        for file in expand(path)? {
            let issue = load_file_as(&file, layout)?;
            match (article_file_date(&file), day.as_mut()) {
                (Some(date), Some((current, merged))) if *current == date => {
                    merged.articles.extend(issue.articles);
                    merged.furniture.extend(issue.furniture);
                    merged.paper = merged.paper.take().or(issue.paper);
                }
                (Some(date), _) => {
                    found.extend(day.take().map(|(_, merged)| merged));
                    let source = file
                        .parent()
                        .map_or_else(|| issue.source.clone(), |p| p.display().to_string());
                    day = Some((
                        date,
                        Issue {
                            source,
                            date: Some(date),
                            ..issue
                        },
                    ));
                }
                (None, _) => {
                    found.extend(day.take().map(|(_, merged)| merged));
                    found.push(issue);
                }
            }
        }
        found.extend(day.take().map(|(_, merged)| merged));
        // A folder is a library: newest issue first, undated ones last.
        if path.is_dir() {
            found.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.source.cmp(&b.source)));
        }
        issues.extend(found);
    }
    Ok(issues)
}

/// The date of an article file named `YYYYMMDD-PP-NN.txt`.
fn article_file_date(path: &Path) -> Option<IssueDate> {
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
    Ok(parse_as(&path.display().to_string(), &text, layout))
}

/// One file's text, decoded.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
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
    Ok(text)
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
