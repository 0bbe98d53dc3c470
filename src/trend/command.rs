//! `dubao trend WORD... [DIR]`: the counts from a library's index (brought up to date first),
//! or from issue files read in memory, printed as a chart, JSON or CSV.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::chart::{self, Labels};
use super::{DayCounts, Period, Trend, day_counts};
use crate::index::{ArchiveIndex, ArchiveQuery, IndexError};
use crate::model::Issue;
use crate::search::Query;

/// How to print a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A chart `width` columns wide, `height` rows of bars per word.
    Chart {
        width: usize,
        height: usize,
    },
    Json,
    Csv,
}

impl Output {
    /// From the command line's flags: JSON, else CSV, else a chart.
    pub fn new(json: bool, csv: bool, width: usize, height: usize) -> Self {
        match (json, csv) {
            (true, _) => Self::Json,
            (_, true) => Self::Csv,
            _ => Self::Chart { width, height },
        }
    }
}

/// Splits the command line's values into words and the paths after them: the trailing values
/// that name an existing file or folder (at least one word stays a word).
pub fn words_and_paths(values: &[String]) -> (Vec<String>, Vec<PathBuf>) {
    let words = values
        .iter()
        .rposition(|v| !Path::new(v).exists())
        .map_or(1, |last_word| last_word + 1)
        .clamp(1, values.len().max(1));
    let (words, paths) = values.split_at(words.min(values.len()));
    (words.to_vec(), paths.iter().map(PathBuf::from).collect())
}

/// Counts `words` in the library folder `dir` through its index.
pub fn from_index(dir: &Path, words: &[String], by: Period) -> anyhow::Result<Trend> {
    let location = crate::index::default_location(dir)?;
    from_index_at(dir, &location, words, by)
}

/// [`from_index`] with the index in `location`.
pub fn from_index_at(
    dir: &Path,
    location: &Path,
    words: &[String],
    by: Period,
) -> anyhow::Result<Trend> {
    let index = ArchiveIndex::open(location, crate::index::Words::loading())?;
    match index.update(dir, Duration::ZERO, &mut |_| {}) {
        Ok(_) => {}
        Err(IndexError::Busy { .. }) => {
            eprintln!("dubao: another dubao is indexing this folder; counting what it has done");
        }
        Err(e) => return Err(e.into()),
    }
    let counts = words
        .iter()
        .map(|w| Ok((w.clone(), index.day_counts(&ArchiveQuery::parse(w))?)))
        .collect::<Result<Vec<(String, DayCounts)>, IndexError>>()?;
    Ok(Trend::new(by, counts))
}

/// Counts `words` in issues read into memory.
pub fn from_issues(issues: &[Issue], words: &[String], by: Period) -> Trend {
    let counts = words
        .iter()
        .map(|w| (w.clone(), day_counts(issues, &Query::parse(w))))
        .collect();
    Trend::new(by, counts)
}

/// Prints `trend`; returns whether any word was found.
pub fn write(out: &mut impl Write, trend: &Trend, output: Output) -> anyhow::Result<bool> {
    match output {
        Output::Chart { width, height } => {
            for line in chart::render(trend, width, height, &Labels::CHINESE) {
                writeln!(out, "{line}")?;
            }
        }
        Output::Json => {
            #[derive(Serialize)]
            struct Json<'a> {
                by: Period,
                periods: Vec<String>,
                series: &'a [super::Series],
            }
            let periods = trend.periods.iter().map(|&k| trend.by.label(k)).collect();
            serde_json::to_writer(
                &mut *out,
                &Json {
                    by: trend.by,
                    periods,
                    series: &trend.series,
                },
            )?;
            writeln!(out)?;
        }
        Output::Csv => {
            let header: Vec<String> = std::iter::once("period".to_owned())
                .chain(trend.series.iter().map(|s| csv_field(&s.word)))
                .collect();
            writeln!(out, "{}", header.join(","))?;
            for (i, &key) in trend.periods.iter().enumerate() {
                let row: Vec<String> = std::iter::once(trend.by.label(key))
                    .chain(trend.series.iter().map(|s| s.counts[i].to_string()))
                    .collect();
                writeln!(out, "{}", row.join(","))?;
            }
            if trend.series.iter().any(|s| s.undated > 0) {
                let row: Vec<String> = std::iter::once("undated".to_owned())
                    .chain(trend.series.iter().map(|s| s.undated.to_string()))
                    .collect();
                writeln!(out, "{}", row.join(","))?;
            }
        }
    }
    Ok(trend.series.iter().any(|s| s.total() + s.undated > 0))
}

/// A CSV field, quoted when it holds a comma, quote or line break; control characters dropped.
fn csv_field(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.contains([',', '"']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_existing_paths_are_paths() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().to_string_lossy().into_owned();
        let (words, paths) = words_and_paths(&["电力".into(), "能源".into(), d.clone()]);
        assert_eq!(
            (words, paths),
            (vec!["电力".into(), "能源".into()], vec![PathBuf::from(&d)])
        );
        // The one value is a word even when a file of that name exists.
        let (words, paths) = words_and_paths(std::slice::from_ref(&d));
        assert_eq!((words, paths.len()), (vec![d], 0));
        let (words, paths) = words_and_paths(&["电力".into()]);
        assert_eq!((words.len(), paths.len()), (1, 0));
    }

    #[test]
    fn csv_has_a_row_per_period_and_a_column_per_word() {
        let issues = crate::io::load::samples();
        let trend = from_issues(&issues, &["电力".into(), "a,\"b".into()], Period::Day);
        let mut out = Vec::new();
        write(&mut out, &trend, Output::Csv).expect("csv");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "period,电力,\"a,\"\"b\"");
        let undated = trend.series.iter().any(|s| s.undated > 0);
        assert_eq!(lines.len(), 1 + trend.periods.len() + usize::from(undated));
        assert_eq!(
            undated,
            lines.last().is_some_and(|l| l.starts_with("undated,"))
        );
        let total: u64 = lines[1..=trend.periods.len()]
            .iter()
            .map(|l| {
                l.split(',')
                    .nth(1)
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or(0)
            })
            .sum();
        assert_eq!(total, trend.series[0].total());
        assert!(total > 0);
    }
}
