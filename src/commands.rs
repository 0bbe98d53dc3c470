//! The commands that print (`list`, `export`, `search`, `cat`, and plain output), run from
//! `main` with their exit codes.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::index::IndexError;
use crate::io::config;
use crate::io::load::{load_all, read_text};
use crate::model::Issue;
use crate::parse::Layout;
use crate::plain;
use crate::trend::command as trend;
use crate::typeset::Options;

/// Runs `command` (plain output of `paths` when none), wrapping text at `width` where the
/// command has no width of its own; commands given no path read `library` if there is one.
#[allow(clippy::too_many_lines)] // one arm per command: a table, read arm by arm
pub fn run(
    command: Option<Command>,
    paths: &[PathBuf],
    library: Option<&Path>,
    layout: Option<Layout>,
    width: usize,
    options: &Options,
) -> anyhow::Result<ExitCode> {
    let load = |paths: &[PathBuf]| load(paths, library, layout);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let options = *options;
    let mut code = ExitCode::SUCCESS;
    match command {
        None => {
            let issues = load(paths)?;
            let words = Words::new();
            plain::write_issues(
                &mut out,
                &issues,
                width,
                &options,
                Some(&|t| words.starts(t)),
            )?;
        }
        Some(Command::List { paths }) => plain::write_list(&mut out, &load(&paths)?)?,
        Some(Command::Export { paths, .. }) => plain::write_json(&mut out, &load(&paths)?)?,
        Some(Command::Index { dir }) => {
            let dir = dir
                .as_deref()
                .or(library)
                .ok_or_else(|| anyhow::anyhow!(NO_FOLDER))?;
            crate::index::command::run_index(dir, &mut out, true)?;
        }
        Some(Command::Search {
            query,
            paths,
            json,
            index,
            sort,
            limit,
        }) => {
            // A library folder is searched through its index, as the reader searches it.
            let folder = match (paths.as_slice(), library) {
                ([dir], _) if index || dir.is_dir() => Some(dir.as_path()),
                ([], Some(library)) if index || library.is_dir() => Some(library),
                ([], None) if index => anyhow::bail!("--index needs a library folder"),
                (_, _) if index => anyhow::bail!("--index searches one library folder"),
                _ => None,
            };
            let request = crate::index::command::Request {
                query: &query,
                sort,
                limit,
                json,
            };
            let in_memory =
                |paths: &[PathBuf], out: &mut io::BufWriter<_>| -> anyhow::Result<bool> {
                    crate::index::command::search_issues(&load(paths)?, request, out)
                };
            let found = match folder {
                Some(dir) => {
                    match crate::index::command::run_search(dir, request, &mut out) {
                        Ok(found) => found,
                        // No index to be had (no cache folder, say): the files are read, unless
                        // the index was asked for.
                        Err(e) if !index && e.downcast_ref::<IndexError>().is_some() => {
                            eprintln!("dubao: {e}; searching without the index");
                            in_memory(&[dir.to_owned()], &mut out)?
                        }
                        Err(e) => return Err(e),
                    }
                }
                None => in_memory(&paths, &mut out)?,
            };
            // Like grep: 1 when nothing matches.
            if !found {
                code = ExitCode::from(1);
            }
        }
        Some(Command::Trend {
            words,
            by,
            json,
            csv,
            height,
        }) => {
            let output = trend::Output::new(json, csv, width, usize::from(height));
            let found = trend::write(&mut out, &count_trend(&words, library, layout, by)?, output)?;
            code = if found { code } else { ExitCode::from(1) };
        }
        Some(Command::Config { path, .. }) => match (path, config::path()) {
            (true, Some(file)) => writeln!(out, "{}", file.display())?,
            (true, None) => anyhow::bail!("no configuration folder: the home directory is unknown"),
            (false, _) => out.write_all(config::DEFAULT_FILE.as_bytes())?,
        },
        Some(Command::Completions { shell }) => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "dubao", &mut out);
        }
        Some(Command::Man) => clap_mangen::Man::new(Cli::command()).render(&mut out)?,
        Some(Command::Inspect { file }) => {
            let text = read_text(&file)?;
            let report = crate::parse::inspect(file.as_path(), &text, layout);
            out.write_all(report.as_bytes())?;
        }
        Some(Command::Cat {
            paths,
            article,
            width: cat_width,
        }) => {
            let width = cat_width
                .and_then(|w| usize::try_from(w).ok())
                .unwrap_or(width);
            cat(&mut out, &load(&paths)?, article, width, &options)?;
        }
    }
    out.flush()?;
    Ok(code)
}

/// `dubao cat`: article number `article` (from 1, across `issues`) typeset `width` wide.
fn cat(
    out: &mut impl Write,
    issues: &[Issue],
    article: u64,
    width: usize,
    options: &Options,
) -> anyhow::Result<()> {
    let count: usize = issues.iter().map(|i| i.articles.len()).sum();
    let found = usize::try_from(article)
        .ok()
        .and_then(|n| plain::article_at(issues, n));
    let Some(found) = found else {
        anyhow::bail!("no article {article}: the issues hold {count} (see `dubao list`)");
    };
    let words = Words::new();
    plain::write_article(out, found, width, options, Some(&|t| words.starts(t)))?;
    Ok(())
}

/// `dubao index` with no folder given or configured.
const NO_FOLDER: &str = "no folder to index: give one, or set `library` in the configuration";

/// The trend of `values` (words, then paths): from the index of a library folder, else from
/// the issues read.
fn count_trend(
    values: &[String],
    library: Option<&Path>,
    layout: Option<Layout>,
    by: crate::trend::Period,
) -> anyhow::Result<crate::trend::Trend> {
    let (words, paths) = trend::words_and_paths(values);
    let folder = match (paths.as_slice(), library) {
        ([one], _) if one.is_dir() => Some(one.as_path()),
        ([], Some(library)) if library.is_dir() => Some(library),
        _ => None,
    };
    match folder {
        Some(dir) => trend::from_index(dir, &words, by),
        None => Ok(trend::from_issues(
            &load(&paths, library, layout)?,
            &words,
            by,
        )),
    }
}

/// jieba's dictionary, for breaking headlines between words in printed output (the reader
/// loads it in the background instead, off the path to the first frame).
struct Words(jieba_rs::Jieba);

impl Words {
    fn new() -> Self {
        Self(jieba_rs::Jieba::new())
    }

    fn starts(&self, text: &str) -> Vec<usize> {
        crate::typeset::words::word_starts(&self.0, text)
    }
}

/// Loads issues (from `library` when no path is given), telling the user about any that hold
/// no articles.
pub fn load(
    paths: &[PathBuf],
    library: Option<&Path>,
    layout: Option<Layout>,
) -> anyhow::Result<Vec<Issue>> {
    let from_library: Vec<PathBuf> = library.iter().map(|l| l.to_path_buf()).collect();
    let paths = if paths.is_empty() {
        &from_library
    } else {
        paths
    };
    let issues = load_all(paths, layout)?;
    for issue in issues.iter().filter(|i| i.articles.is_empty()) {
        eprintln!(
            "dubao: {}: no articles found (the file is empty)",
            issue.source
        );
    }
    Ok(issues)
}
