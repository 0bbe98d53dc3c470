//! The command-line entry points over the index: `dubao index [DIR]`, and `dubao search` over
//! a library's index or over files (through an index in memory of them). Progress goes to
//! standard error (a bar only on a terminal), results and the summary to `out`.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::{ArchiveIndex, ArchiveQuery, IndexError, Progress, Sort, UpdateReport, Words};
use crate::model::Issue;

/// Hits printed by `dubao search` unless asked for more.
pub const DEFAULT_LIMIT: usize = 100;
/// Marks around the hit in a plain-text snippet.
const MARK_OPEN: &str = "【";
const MARK_CLOSE: &str = "】";

/// `dubao index [DIR]`: builds or updates the index of `dir` in the cache directory and prints
/// what it did; a progress bar on standard error when `progress` and it is a terminal.
pub fn run_index(dir: &Path, out: &mut impl Write, progress: bool) -> anyhow::Result<()> {
    let location = super::default_location(dir)?;
    index_into(dir, &location, out, progress)
}

/// `run_index` with the index in `location`.
pub fn index_into(
    dir: &Path,
    location: &Path,
    out: &mut impl Write,
    progress: bool,
) -> anyhow::Result<()> {
    let index = ArchiveIndex::open(location, Words::loading())?;
    let bar = progress_bar(progress);
    let report = index.update(dir, Duration::ZERO, &mut |p| show(&bar, p))?;
    bar.finish_and_clear();
    write_report(out, dir, &index, &report)?;
    Ok(())
}

/// What `dubao search` was asked: the query, the order, how many hits, JSON or lines.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub query: &'a str,
    pub sort: Sort,
    pub limit: usize,
    pub json: bool,
}

/// `dubao search QUERY DIR` over the index of `dir` (brought up to date first, unless another
/// dubao is indexing it: then what is indexed so far is searched); see [`write_results`].
pub fn run_search(dir: &Path, request: Request, out: &mut impl Write) -> anyhow::Result<bool> {
    let location = super::default_location(dir)?;
    search_in(dir, &location, request, out)
}

/// `run_search` with the index in `location`.
pub fn search_in(
    dir: &Path,
    location: &Path,
    request: Request,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let index = ArchiveIndex::open(location, Words::loading())?;
    let bar = progress_bar(true);
    match index.update(dir, Duration::ZERO, &mut |p| show(&bar, p)) {
        Ok(_) => {}
        Err(IndexError::Busy { .. }) => {
            eprintln!("dubao: another dubao is indexing this folder; searching what it has done");
        }
        Err(e) => return Err(e.into()),
    }
    bar.finish_and_clear();
    write_results(&index, request, out, |_| None)
}

/// `dubao search QUERY FILE…`: the same search over `issues`, through an index in memory of
/// them; a hit names its issue by its source.
pub fn search_issues(
    issues: &[Issue],
    request: Request,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let index = ArchiveIndex::of_issues(issues, Words::loading())?;
    write_results(&index, request, out, |key| {
        let issue = issues.get(super::memory_position(key)?)?;
        Some(issue.source.to_string())
    })
}

/// Searches `index` and writes one line per hit — date, issue (its key, or what `name` calls
/// it), article number in its issue (as `dubao cat PATH --article N` takes it), title, snippet
/// with the hit in 【】 — or JSON. Returns whether anything was found.
fn write_results(
    index: &ArchiveIndex,
    Request {
        query,
        sort,
        limit,
        json,
    }: Request,
    out: &mut impl Write,
    name: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<bool> {
    let mut results = index.search(&ArchiveQuery::parse(query), sort, limit)?;
    for hit in &mut results.hits {
        if let Some(named) = name(&hit.path) {
            hit.path = named;
        }
    }
    if json {
        write_json(out, query, &results)?;
    } else {
        for hit in &results.hits {
            let date = hit.date.map_or_else(|| "-".to_owned(), |d| d.to_string());
            let snippet = hit.snippets.first().map_or_else(String::new, |s| {
                let (start, end) = s.highlight;
                let part = |r: std::ops::Range<usize>| s.text.get(r).unwrap_or_default();
                let rest = part(end..s.text.len());
                format!(
                    "{}{MARK_OPEN}{}{MARK_CLOSE}{rest}",
                    part(0..start),
                    part(start..end)
                )
            });
            let number = hit.article + 1;
            writeln!(
                out,
                "{date}\t{}\t{number}\t{}\t{snippet}",
                hit.path, hit.title
            )?;
        }
    }
    Ok(!results.hits.is_empty())
}

fn write_json(
    out: &mut impl Write,
    query: &str,
    results: &super::hits::ArchiveResults,
) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct JsonSnippet<'a> {
        text: &'a str,
        /// Byte range of the hit in `text`.
        highlight: (usize, usize),
    }
    #[derive(Serialize)]
    struct JsonHit<'a> {
        issue: &'a str,
        article: usize,
        title: &'a str,
        date: Option<String>,
        paper: Option<&'a str>,
        page: Option<u16>,
        score: f32,
        snippets: Vec<JsonSnippet<'a>>,
    }
    #[derive(Serialize)]
    struct JsonResults<'a> {
        query: &'a str,
        total: usize,
        hits: Vec<JsonHit<'a>>,
    }
    let hits = results
        .hits
        .iter()
        .map(|h| JsonHit {
            issue: &h.path,
            article: h.article + 1,
            title: &h.title,
            date: h.date.map(|d| d.to_string()),
            paper: h.paper.as_deref(),
            page: h.page,
            score: h.score,
            snippets: h
                .snippets
                .iter()
                .map(|s| JsonSnippet {
                    text: &s.text,
                    highlight: s.highlight,
                })
                .collect(),
        })
        .collect();
    let total = results.total;
    serde_json::to_writer(&mut *out, &JsonResults { query, total, hits })?;
    writeln!(out)?;
    Ok(())
}

/// A bar on standard error when it is a terminal and `wanted`, else a hidden one.
fn progress_bar(wanted: bool) -> ProgressBar {
    if !wanted || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} indexing {wide_bar} {binary_bytes}/{binary_total_bytes} {msg} ({eta})",
    );
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

fn show(bar: &ProgressBar, progress: &Progress) {
    bar.set_length(progress.bytes_total);
    bar.set_position(progress.bytes_done);
    bar.set_message(format!(
        "{}/{} files",
        progress.files_done, progress.files_total
    ));
}

fn write_report(
    out: &mut impl Write,
    dir: &Path,
    index: &ArchiveIndex,
    report: &UpdateReport,
) -> std::io::Result<()> {
    let seconds = report.elapsed.as_secs_f64();
    let mb = report.bytes as f64 / 1e6;
    writeln!(
        out,
        "{}: {} added, {} updated, {} removed, {} unchanged; {} articles from {mb:.1} MB in \
         {seconds:.1} s ({:.1} MB/s)",
        dir.display(),
        report.added,
        report.updated,
        report.removed,
        report.unchanged,
        report.articles,
        if seconds > 0.0 { mb / seconds } else { 0.0 },
    )?;
    writeln!(
        out,
        "index: {} articles, {:.1} MB in {}",
        index.num_articles(),
        index.size_on_disk() as f64 / 1e6,
        index.dir().display()
    )?;
    for (path, why) in &report.failed {
        writeln!(out, "skipped {}: {why}", path.display())?;
    }
    Ok(())
}
