//! Which layout a dump uses, decided from evidence in its lines.

use std::fmt;
use std::str::FromStr;

use super::lines::Line;

/// The layouts the parser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Print extraction: blocks separated by blank lines, one paragraph (or a headline set over
    /// several lines) per block; paragraphs cut by print columns are rejoined.
    Blocks,
    /// Paragraphs marked by indentation, one line each, headers unindented: e-paper crawler
    /// output (kicker, title, subtitle lines, an empty line for a missing one) and the like.
    Indented,
    /// Lines cut near a fixed width (`pdftotext`, e-mail, terminals): a paragraph ends at a
    /// short line, a blank line or where the next line is indented.
    Wrapped,
    /// Markdown: `#` headings, `**bold**` kickers, blank-line paragraphs.
    Markdown,
    /// Labelled fields: `标题：` `作者：` `来源：` `正文：`.
    Labelled,
}

impl Layout {
    pub const ALL: [Self; 5] = [
        Self::Blocks,
        Self::Indented,
        Self::Wrapped,
        Self::Markdown,
        Self::Labelled,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Blocks => "blocks",
            Self::Indented => "indented",
            Self::Wrapped => "wrapped",
            Self::Markdown => "markdown",
            Self::Labelled => "labelled",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Self::ALL.iter().map(|l| l.name()).collect();
                format!("unknown layout {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// Labels that open a field in labelled text.
pub const FIELD_LABELS: &[&str] = &[
    "标题",
    "题目",
    "主题",
    "引题",
    "肩题",
    "眉题",
    "副题",
    "副标题",
    "作者",
    "记者",
    "来源",
    "出处",
    "日期",
    "发布日期",
    "发布时间",
    "时间",
    "版次",
    "版面",
    "版名",
    "栏目",
    "正文",
    "内容",
];

/// `标题：…` → (`标题`, `…`).
pub fn field_label(text: &str) -> Option<(&'static str, &str)> {
    FIELD_LABELS.iter().find_map(|&label| {
        let rest = text.strip_prefix(label)?.trim_start();
        let rest = rest.strip_prefix(['：', ':'])?;
        Some((label, rest.trim()))
    })
}

/// A markdown heading: `## 标题` → (2, `标题`).
pub fn heading(text: &str) -> Option<(usize, &str)> {
    let level = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text.get(level..)?;
    ((1..=6).contains(&level) && rest.starts_with([' ', '\u{3000}']))
        .then(|| (level, rest.trim()))
        .filter(|(_, t)| !t.is_empty())
}

/// The layout of `lines`, and the evidence for it.
pub fn detect(lines: &[Line<'_>]) -> (Layout, String) {
    let text: Vec<&Line<'_>> = lines.iter().filter(|l| l.is_text()).collect();
    let labels = text
        .iter()
        .filter(|l| field_label(l.text).is_some())
        .count();
    let titles = text
        .iter()
        .filter(|l| field_label(l.text).is_some_and(|(k, _)| matches!(k, "标题" | "题目")))
        .count();
    if titles >= 1 && labels >= 2 * titles {
        return (
            Layout::Labelled,
            format!("{titles} `标题：` lines among {labels} labelled fields"),
        );
    }
    let headings = text.iter().filter(|l| heading(l.text).is_some()).count();
    if headings >= 1 {
        return (
            Layout::Markdown,
            format!("{headings} markdown `#` headings"),
        );
    }
    // Pages may be set in different widths: each page is measured on its own.
    let (mut wrapped, mut width) = (0, 0);
    let whole = wrap_width(&text);
    for page in lines.split(|l| l.page_break) {
        let page: Vec<&Line<'_>> = page.iter().filter(|l| l.is_text()).collect();
        if let Some(cut) = wrap_width(&page).or(whole) {
            wrapped += continuation_lines(&page, cut);
            width = width.max(cut);
        }
    }
    if wrapped > 0 && wrapped * 5 >= text.len() {
        return (
            Layout::Wrapped,
            format!(
                "{wrapped} of {} lines go on from a full line (cut near column {width})",
                text.len()
            ),
        );
    }
    let indented = text.iter().filter(|l| l.indented()).count();
    if indented >= 2 && indented * 5 >= text.len() * 2 {
        return (
            Layout::Indented,
            format!(
                "{indented} of {} lines indented, one paragraph each",
                text.len()
            ),
        );
    }
    (
        Layout::Blocks,
        "blocks separated by blank lines (no other layout's evidence)".to_owned(),
    )
}

/// The column where lines are cut, if many lines end at one column: the most common line end
/// (within a column either side) that a fifth of the lines reach, with few lines past it.
pub fn wrap_width(text: &[&Line<'_>]) -> Option<usize> {
    let mut ends: Vec<usize> = text.iter().map(|l| l.end_column()).collect();
    if ends.len() < 4 {
        return None;
    }
    ends.sort_unstable();
    // The most common line end; digits and Latin letters are narrower than Han, so lines cut
    // at one width end up to a few columns short of it.
    let mut width = None;
    let mut best = 0;
    for run in ends.chunk_by(|a, b| a == b) {
        if run[0] >= 16 && run.len() >= best {
            (width, best) = (Some(run[0]), run.len());
        }
    }
    let width = width?;
    let within = |low: usize, high: usize| {
        ends.partition_point(|&e| e <= high) - ends.partition_point(|&e| e < low)
    };
    let count = within(width.saturating_sub(3), width + 1);
    let past = ends.len() - ends.partition_point(|&e| e <= width + 2);
    (count >= 3 && count * 5 >= ends.len() && past * 4 <= ends.len()).then_some(width)
}

/// Lines that go on from a full line above them (the text was cut at `width`).
fn continuation_lines(text: &[&Line<'_>], width: usize) -> usize {
    text.windows(2)
        .filter(|pair| {
            let (above, line) = (pair[0], pair[1]);
            is_full(above, width) && !line.indented() && !ends_sentence(above.text)
        })
        .count()
}

/// A line that reaches the cut column (within two Chinese characters).
pub fn is_full(line: &Line<'_>, width: usize) -> bool {
    line.end_column() + 4 >= width
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '」', '』', '）', ')'])
        .ends_with(['。', '！', '？', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn layout(text: &str) -> Layout {
        detect(&split(text).lines).0
    }

    #[test]
    fn each_layout_from_its_evidence() {
        assert_eq!(
            layout("标题\n\n本报讯 正文。\n\n第二段。\n"),
            Layout::Blocks
        );
        assert_eq!(
            layout("\n标题\n\n\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段。\n"),
            Layout::Indented
        );
        assert_eq!(layout("# 标题\n\n正文。\n"), Layout::Markdown);
        assert_eq!(layout("标题：甲\n作者：乙\n正文：丙。\n"), Layout::Labelled);
        let wrapped = "这是一段被硬换行切开的文字它的每一行都差不多长\n直到段落的最后一行才变短这是一段被切开的文字\n这是一段被硬换行切开的文字它的每一行都差不多长\n短行。\n这是一段被硬换行切开的文字它的每一行都差不多长\n又一段被切开的文字它的每一行都差不多长长长长\n结束。\n";
        assert_eq!(layout(wrapped), Layout::Wrapped);
    }

    #[test]
    fn layout_names_round_trip() {
        for layout in Layout::ALL {
            assert_eq!(layout.name().parse::<Layout>(), Ok(layout));
        }
        assert!("pdf".parse::<Layout>().is_err());
    }
}
