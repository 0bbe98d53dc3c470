//! Trends: how many stories hold a word, period by period (`dubao trend`, `T` in the reader).
//!
//! Counts come per day — from the archive index ([`crate::index::ArchiveIndex::day_counts`]) or
//! from issues in memory ([`day_counts`]) — and are gathered here into periods (day, week,
//! month, year) on one continuous axis shared by every word, so words compare side by side.
//! Domain code: no terminal types; [`chart`] draws it as text.

pub mod chart;
pub mod command;

use std::collections::BTreeMap;

use crate::model::{Issue, IssueDate};
use crate::search::{Query, fold};

/// The length of a period of a trend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// Monday to Sunday.
    Week,
    #[default]
    Month,
    Year,
}

impl std::str::FromStr for Period {
    type Err = String;

    /// `day`, `week`, `month` or `year` (as `--by` takes them).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "day" => Ok(Self::Day),
            "week" => Ok(Self::Week),
            "month" => Ok(Self::Month),
            "year" => Ok(Self::Year),
            other => Err(format!(
                "unknown period {other:?}: day, week, month or year"
            )),
        }
    }
}

impl Period {
    /// The key of the period holding `date`: a number that sorts and steps by one period
    /// (unix days for days and for the Monday of a week, months since year 0, the year).
    pub fn key(self, date: IssueDate) -> i64 {
        match self {
            Self::Day => date.unix_days(),
            // weekday(): 0 is Sunday; Monday starts the week.
            Self::Week => date.unix_days() - (i64::from(date.weekday()) + 6) % 7,
            Self::Month => i64::from(date.year) * 12 + i64::from(date.month) - 1,
            Self::Year => i64::from(date.year),
        }
    }

    /// The key after `key`.
    pub fn next(self, key: i64) -> i64 {
        key + if self == Self::Week { 7 } else { 1 }
    }

    /// The first and last day of the period `key`.
    pub fn days(self, key: i64) -> Option<(IssueDate, IssueDate)> {
        match self {
            Self::Day => IssueDate::from_unix_days(key).map(|d| (d, d)),
            Self::Week => Some((
                IssueDate::from_unix_days(key)?,
                IssueDate::from_unix_days(key + 6)?,
            )),
            Self::Month => {
                let first = month_start(key)?;
                let last = IssueDate::from_unix_days(month_start(key + 1)?.unix_days() - 1)?;
                Some((first, last))
            }
            Self::Year => {
                let year = u16::try_from(key).ok()?;
                Some((IssueDate::new(year, 1, 1)?, IssueDate::new(year, 12, 31)?))
            }
        }
    }

    /// How the period `key` is written: `2020-02-18`, `2020-02-17` (the week's Monday),
    /// `2020-02`, `2020`.
    pub fn label(self, key: i64) -> String {
        match (self, self.days(key)) {
            (Self::Day | Self::Week, Some((first, _))) => first.to_string(),
            (Self::Month, Some((first, _))) => format!("{:04}-{:02}", first.year, first.month),
            (Self::Year, _) => key.to_string(),
            _ => "?".to_owned(),
        }
    }
}

fn month_start(key: i64) -> Option<IssueDate> {
    let year = u16::try_from(key.div_euclid(12)).ok()?;
    let month = u8::try_from(key.rem_euclid(12) + 1).ok()?;
    IssueDate::new(year, month, 1)
}

/// Stories per day (unix days) holding a query, and the stories of undated issues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub days: BTreeMap<i64, u64>,
    pub undated: u64,
}

/// One word's counts, one per period of its [`Trend`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Series {
    pub word: String,
    pub counts: Vec<u64>,
    /// Stories of issues with no date (in no period).
    pub undated: u64,
}

impl Series {
    /// Stories in every period.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The period index and count of the (first) highest period; `None` when all are 0.
    pub fn peak(&self) -> Option<(usize, u64)> {
        let max = *self.counts.iter().max()?;
        (max > 0).then(|| (self.counts.iter().position(|&c| c == max).unwrap_or(0), max))
    }
}

/// Several words counted over the same periods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    pub by: Period,
    /// Every period from the first with a story to the last, none skipped.
    pub periods: Vec<i64>,
    pub series: Vec<Series>,
}

impl Trend {
    /// Gathers each word's day counts into periods of `by`.
    pub fn new(by: Period, words: Vec<(String, DayCounts)>) -> Self {
        let keyed: Vec<(String, BTreeMap<i64, u64>, u64)> = words
            .into_iter()
            .map(|(word, counts)| {
                let mut periods = BTreeMap::new();
                for (&day, &n) in &counts.days {
                    if let Some(date) = IssueDate::from_unix_days(day) {
                        *periods.entry(by.key(date)).or_insert(0) += n;
                    }
                }
                (word, periods, counts.undated)
            })
            .collect();
        let first = keyed.iter().filter_map(|(_, p, _)| p.keys().next()).min();
        let last = keyed
            .iter()
            .filter_map(|(_, p, _)| p.keys().next_back())
            .max();
        let mut periods = Vec::new();
        if let (Some(&first), Some(&last)) = (first, last) {
            let mut key = first;
            while key <= last {
                periods.push(key);
                key = by.next(key);
            }
        }
        let series = keyed
            .into_iter()
            .map(|(word, counts, undated)| Series {
                counts: periods
                    .iter()
                    .map(|k| counts.get(k).copied().unwrap_or(0))
                    .collect(),
                word,
                undated,
            })
            .collect();
        Self {
            by,
            periods,
            series,
        }
    }

    /// The highest count of any word in any period (the chart's shared scale).
    pub fn max(&self) -> u64 {
        self.series
            .iter()
            .flat_map(|s| s.counts.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// Stories of `issues` holding every term of `query` (folded as the search folds), by day.
pub fn day_counts(issues: &[Issue], query: &Query) -> DayCounts {
    let mut counts = DayCounts::default();
    for issue in issues {
        let found = issue
            .articles
            .iter()
            .filter(|a| {
                // Joined by a line break: a term never spans two parts.
                let text = [a.kicker.as_deref(), Some(&a.title), a.subtitle.as_deref()]
                    .into_iter()
                    .flatten()
                    .chain(a.paragraphs.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join("\n");
                query.matches(&fold(&text))
            })
            .count() as u64;
        match issue.date {
            Some(date) if found > 0 => *counts.days.entry(date.unix_days()).or_insert(0) += found,
            Some(_) => {}
            None => counts.undated += found,
        }
    }
    counts
}

#[cfg(test)]
mod tests;
