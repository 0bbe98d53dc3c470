//! A trend drawn as text: per word, a band of bars (eighth blocks, `height` rows), a line
//! naming its peak and total; under them the period axis. Every word shares one scale, and
//! the bars use the width given: periods get wider bars, or are summed several to a column
//! when there are more periods than columns.

use unicode_width::UnicodeWidthStr;

use super::Trend;
use crate::error::escape;

/// The chart's words.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub peak: &'static str,
    pub total: &'static str,
    pub stories: &'static str,
    pub undated: &'static str,
    pub nothing: &'static str,
    /// "each column:" and the plural period names (day, week, month, year).
    pub each_column: &'static str,
    pub periods: [&'static str; 4],
}

impl Labels {
    pub const CHINESE: Self = Self {
        peak: "峰值",
        total: "共",
        stories: "篇",
        undated: "无日期",
        nothing: "没有找到",
        each_column: "每列",
        periods: ["天", "周", "个月", "年"],
    };
    pub const ENGLISH: Self = Self {
        peak: "peak",
        total: "total",
        stories: "stories",
        undated: "undated",
        nothing: "nothing found",
        each_column: "each column:",
        periods: ["days", "weeks", "months", "years"],
    };
}

const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// The widest a word's name column gets.
const MAX_NAME: usize = 16;

/// How the periods map onto columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Periods summed into one column.
    pub group: usize,
    /// Cells one column takes (its bar, and a gap when there is room).
    pub cell: usize,
    pub count: usize,
}

impl Columns {
    /// Columns for `periods` periods in `width` cells.
    pub fn fit(periods: usize, width: usize) -> Self {
        let width = width.max(1);
        if periods == 0 {
            return Self {
                group: 1,
                cell: 1,
                count: 0,
            };
        }
        let group = periods.div_ceil(width);
        let count = periods.div_ceil(group);
        let cell = (width / count).clamp(1, 10);
        Self { group, cell, count }
    }

    /// The bar's width in a cell: one column is left as a gap from three cells up.
    pub fn bar(self) -> usize {
        if self.cell >= 3 {
            self.cell - 1
        } else {
            self.cell
        }
    }
}

/// The chart of `trend` in lines at most `width` columns wide, `height` rows per word.
pub fn render(trend: &Trend, width: usize, height: usize, labels: &Labels) -> Vec<String> {
    let height = height.max(1);
    if trend.periods.is_empty() {
        return vec![labels.nothing.to_owned()];
    }
    let names = names(trend);
    let (indent, columns) = layout(trend, width);
    let sums: Vec<Vec<u64>> = trend
        .series
        .iter()
        .map(|s| {
            s.counts
                .chunks(columns.group)
                .map(|c| c.iter().sum())
                .collect()
        })
        .collect();
    let max = sums.iter().flatten().copied().max().unwrap_or(0);
    let mut out = Vec::new();
    for ((series, name), sums) in trend.series.iter().zip(&names).zip(&sums) {
        for row in 0..height {
            let lead = if row + 1 == height { name.as_str() } else { "" };
            let mut line = format!("{lead}{}", " ".repeat(indent - lead.width()));
            for &sum in sums {
                let level = EIGHTHS[eighths(sum, max, height, row)];
                line.extend(std::iter::repeat_n(level, columns.bar()));
                line.extend(std::iter::repeat_n(' ', columns.cell - columns.bar()));
            }
            out.push(line.trim_end().to_owned());
        }
        // The summary's parts, on as few lines as fit.
        let mut line = String::new();
        for part in summary(trend, series, labels) {
            if !line.is_empty() && indent + line.width() + 2 + part.width() > width {
                out.push(clip(&format!("{}{line}", " ".repeat(indent)), width));
                line.clear();
            }
            if !line.is_empty() {
                line.push_str("  ");
            }
            line.push_str(&part);
        }
        out.push(clip(&format!("{}{line}", " ".repeat(indent)), width));
    }
    out.push(clip(&axis(trend, columns, indent), width));
    if columns.group > 1 {
        // `Period`'s order is the order of `Labels::periods`.
        let name = labels.periods[trend.by as usize];
        out.push(clip(
            &format!(
                "{}{} {} {name}",
                " ".repeat(indent),
                labels.each_column,
                columns.group
            ),
            width,
        ));
    }
    out
}

/// The words as the name column shows them: escaped, cut to [`MAX_NAME`] columns.
fn names(trend: &Trend) -> Vec<String> {
    trend
        .series
        .iter()
        .map(|s| clip(&escape(&s.word).to_string(), MAX_NAME))
        .collect()
}

/// Where the bars start (after the names) and how the periods fall into columns in `width`.
pub fn layout(trend: &Trend, width: usize) -> (usize, Columns) {
    let indent = names(trend).iter().map(|n| n.width()).max().unwrap_or(0) + 1;
    let columns = Columns::fit(trend.periods.len(), width.saturating_sub(indent).max(8));
    (indent, columns)
}

/// How many eighths of the cell at `row` (0 is the top) a column of `value` fills.
fn eighths(value: u64, max: u64, height: usize, row: usize) -> usize {
    if value == 0 || max == 0 {
        return 0;
    }
    let total = (height * 8) as u64;
    // At least one eighth: a period with a story never looks empty.
    let filled = (value * total).div_ceil(max).clamp(1, total) as usize;
    let below = (height - 1 - row) * 8;
    filled.saturating_sub(below).min(8)
}

/// `峰值 2020-02 · 35 篇`, `共 120 篇` (and the undated stories, if any).
fn summary(trend: &Trend, series: &super::Series, labels: &Labels) -> Vec<String> {
    let stories = labels.stories;
    let mut parts = Vec::new();
    if let Some((at, count)) = series.peak() {
        let period = trend.by.label(trend.periods[at]);
        parts.push(format!("{} {period} · {count} {stories}", labels.peak));
    }
    parts.push(format!("{} {} {stories}", labels.total, series.total()));
    if series.undated > 0 {
        parts.push(format!("({} {})", labels.undated, series.undated));
    }
    parts
}

/// The period labels under the bars, each where its column starts, none overlapping.
fn axis(trend: &Trend, columns: Columns, indent: usize) -> String {
    let mut line = " ".repeat(indent);
    let mut at = indent;
    for column in 0..columns.count {
        let start = indent + column * columns.cell;
        if start < at {
            continue;
        }
        let label = trend.by.label(trend.periods[column * columns.group]);
        line.push_str(&" ".repeat(start - at));
        line.push_str(&label);
        at = start + label.width() + 2;
        line.push_str("  ");
    }
    line.trim_end().to_owned()
}

/// `text` cut to `width` columns.
fn clip(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trend::{DayCounts, Period, Trend};

    fn trend(by: Period, words: &[(&str, &[(i64, u64)])]) -> Trend {
        Trend::new(
            by,
            words
                .iter()
                .map(|(w, days)| {
                    (
                        (*w).to_owned(),
                        DayCounts {
                            days: days.iter().copied().collect(),
                            undated: 0,
                        },
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn columns_use_the_width_and_group_when_short_of_it() {
        assert_eq!(Columns::fit(10, 70).cell, 7);
        assert_eq!(Columns::fit(10, 200).cell, 10);
        assert_eq!(Columns::fit(10, 70).group, 1);
        let many = Columns::fit(120, 60);
        assert_eq!((many.group, many.count, many.cell), (2, 60, 1));
        assert!(Columns::fit(121, 60).count <= 60);
    }

    #[test]
    fn the_peak_column_is_full_and_every_line_fits() {
        let t = trend(
            Period::Day,
            &[("电力", &[(18_000, 4), (18_001, 1), (18_005, 8)])],
        );
        for width in [30, 40, 80, 120] {
            let lines = render(&t, width, 2, &Labels::CHINESE);
            assert!(lines.iter().all(|l| l.width() <= width), "{lines:#?}");
            assert!(lines[0].contains('█'), "{lines:#?}");
            let summary = lines[2..lines.len() - 1].join(" ");
            assert!(
                summary.contains("峰值") && summary.contains(" 8 "),
                "{lines:#?}"
            );
            assert!(summary.contains("共 13 篇"), "{lines:#?}");
        }
    }

    #[test]
    fn a_small_count_never_draws_as_nothing() {
        assert_eq!(eighths(1, 1000, 1, 0), 1);
        assert_eq!(eighths(0, 1000, 1, 0), 0);
        assert_eq!(eighths(1000, 1000, 2, 0), 8);
        assert_eq!(eighths(500, 1000, 2, 0), 0);
        assert_eq!(eighths(500, 1000, 2, 1), 8);
    }

    #[test]
    fn words_share_one_scale() {
        let t = trend(
            Period::Day,
            &[("多", &[(18_000, 8)]), ("少", &[(18_000, 1)])],
        );
        let lines = render(&t, 40, 1, &Labels::ENGLISH);
        assert!(lines[0].contains('█'));
        assert!(
            lines[3].contains('▁') && !lines[3].contains('█'),
            "{lines:#?}"
        );
    }
}
