//! The lines of a cleaned dump with what the layouts look at: indentation, width, page breaks
//! and which lines are page furniture.

use std::collections::HashMap;

use super::furniture::{Facts, full_date, furniture, masthead, paper_name};
use crate::model::{FurnitureKind, PageRef};
use unicode_width::UnicodeWidthChar;

/// Lines at the top of a dump where a masthead (the paper's name alone) may stand.
const MASTHEAD_LINES: usize = 6;
/// The longest line (in characters) taken for a running head repeated on every page.
const MAX_REPEATED_CHARS: usize = 40;

/// One source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line as it stands, without its end.
    pub raw: &'a str,
    /// Trimmed of white space (ideographic spaces too).
    pub text: &'a str,
    /// Columns of white space before the text (an ideographic space counts two).
    pub indent: usize,
    /// Display columns of `text`.
    pub width: usize,
    /// A form feed: the page ends here.
    pub page_break: bool,
    /// Page furniture, with what it states and why.
    pub furniture: Option<(FurnitureKind, &'static str)>,
    /// The page this line stands on, as the furniture around it says.
    pub page: Option<PageRef>,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() || self.page_break
    }

    /// Part of a story: neither blank nor furniture.
    pub fn is_text(&self) -> bool {
        !self.is_blank() && self.furniture.is_none()
    }

    /// Indented by at least two columns (two ASCII spaces or one ideographic space).
    pub fn indented(&self) -> bool {
        self.indent >= 2
    }

    /// Where the text ends, in columns from the line start.
    pub fn end_column(&self) -> usize {
        self.indent + self.width
    }
}

/// Columns a character takes in Chinese text (ambiguous ones wide, as print sets quotes and
/// dashes): the parser only compares line ends, so a character at a time is enough.
fn char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        // Han, CJK punctuation and full-width forms: the bulk of a Chinese page.
        '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff60}' => 2,
        _ => c.width_cjk().unwrap_or(0),
    }
}

/// The split lines, and what their furniture says about the issue.
pub struct Lines<'a> {
    pub lines: Vec<Line<'a>>,
    pub facts: Facts,
}

/// Splits `clean` (sanitised: `\n` line ends, form feeds kept) into lines, marks furniture and
/// gives each line its page.
pub fn split(clean: &str) -> Lines<'_> {
    let mut lines: Vec<Line<'_>> = clean.split('\n').map(line).collect();
    let mut facts = Facts::default();
    mark_furniture(&mut lines, &mut facts);
    let mut lines = split_columns(lines);
    assign_pages(&mut lines);
    Lines { lines, facts }
}

fn line(raw: &str) -> Line<'_> {
    let page_break = raw.contains('\u{c}') && raw.trim().is_empty();
    let text = raw.trim_matches(|c: char| c.is_whitespace());
    let mut indent = 0;
    for c in raw.chars() {
        match c {
            '\u{3000}' => indent += 2,
            c if c.is_whitespace() => indent += 1,
            _ => break,
        }
    }
    Line {
        raw,
        text: if page_break { "" } else { text },
        indent,
        // Chinese text sets quotes and dashes full width, as print does.
        width: text.chars().map(char_width).sum(),
        page_break,
        furniture: None,
        page: None,
    }
}

/// Pages set in two columns side by side (`pdftotext -layout`) read column by column: where
/// many lines of a page have text starting at one column after a wide gap, each line is cut
/// there, and the page's left halves come before its right halves.
fn split_columns(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut page: Vec<Line<'_>> = Vec::new();
    for line in lines {
        let edge = line.page_break
            || line
                .furniture
                .is_some_and(|(k, _)| k == FurnitureKind::RunningHead);
        if edge {
            out.extend(read_columns(std::mem::take(&mut page)));
            out.push(line);
        } else {
            page.push(line);
        }
    }
    out.extend(read_columns(page));
    out
}

/// Columns of white space that separate two columns of text.
const GUTTER: usize = 3;
/// Lines of a page that must show two columns before the page is read as two.
const MIN_COLUMN_LINES: usize = 5;

fn read_columns(page: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let starts: Vec<Option<usize>> = page.iter().map(|l| second_column(l.raw)).collect();
    let mut found: Vec<usize> = starts.iter().flatten().copied().collect();
    let text = page.iter().filter(|l| l.is_text()).count();
    if found.len() < MIN_COLUMN_LINES || found.len() * 10 < text * 3 {
        let mut page = page;
        strip_margin(&mut page);
        return page;
    }
    found.sort_unstable();
    // The right column's margin: where the second column's lines start at the least.
    let median = found[found.len() / 2];
    let Some(&gutter) = found.iter().find(|&&c| c + 6 >= median) else {
        let mut page = page;
        strip_margin(&mut page);
        return page;
    };
    let first = starts.iter().position(Option::is_some).unwrap_or(0);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (i, line) in page.into_iter().enumerate() {
        if i < first || line.furniture.is_some() {
            left.push(line);
            continue;
        }
        match cut_at(line.raw, gutter) {
            Some((l, r)) => {
                left.push(self::line(l));
                right.push(self::line(r));
            }
            None => left.push(line),
        }
    }
    strip_margin(&mut left);
    strip_margin(&mut right);
    left.extend(right);
    left
}

/// Where a second stretch of text starts on `raw`, after a gap of white space, in columns.
fn second_column(raw: &str) -> Option<usize> {
    // A gap of three columns needs three spaces, or an ideographic space beside another.
    let inner = raw.trim_start();
    let gap = inner.contains("   ")
        || inner.contains('\u{3000}')
            && (inner.contains("\u{3000}\u{3000}")
                || inner.contains(" \u{3000}")
                || inner.contains("\u{3000} "));
    if !gap {
        return None;
    }
    let (mut col, mut gap, mut seen_text) = (0, 0, false);
    for c in raw.chars() {
        let width = char_width(c);
        if c == ' ' {
            gap += 1;
        } else if c.is_whitespace() {
            gap += width;
        } else {
            if seen_text && gap >= GUTTER && col >= 16 {
                return Some(col);
            }
            seen_text = true;
            gap = 0;
        }
        col += width;
    }
    None
}

/// `raw` cut at display column `at`, if only white space stands there (the left text ends
/// before it); a line with text only on the right gives an empty left part.
fn cut_at(raw: &str, at: usize) -> Option<(&str, &str)> {
    let mut col = 0;
    for (i, c) in raw.char_indices() {
        if col >= at {
            let (l, r) = raw.split_at(i);
            let before_gap = l.trim_end();
            return (before_gap.is_empty() || l.len() - before_gap.len() >= 1 && l.ends_with(' '))
                .then_some((l, r));
        }
        col += char_width(c);
    }
    None
}

/// A small left margin every line shares (`pdftotext -layout` sets one) is no indentation.
fn strip_margin(lines: &mut [Line<'_>]) {
    const MAX_MARGIN: usize = 3;
    let margin = lines
        .iter()
        .filter(|l| l.is_text())
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    if (1..=MAX_MARGIN).contains(&margin) && !lines.iter().any(|l| l.raw.starts_with('\u{3000}')) {
        for line in lines.iter_mut().filter(|l| !l.is_blank()) {
            line.indent = line.indent.saturating_sub(margin);
        }
    }
}

fn mark_furniture(lines: &mut [Line<'_>], facts: &mut Facts) {
    front_matter(lines, facts);
    let paged = lines.iter().any(|l| l.page_break);
    let edges = page_edges(lines);
    // How many page edges each short line (page numbers' digits ignored) stands at.
    let key = |text: &str| -> String { text.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let mut at_edges: HashMap<String, usize> = HashMap::new();
    if paged {
        for (line, _) in lines
            .iter()
            .zip(&edges)
            .filter(|(l, edge)| **edge && !l.is_blank())
        {
            if line.text.chars().count() <= MAX_REPEATED_CHARS {
                *at_edges.entry(key(line.text)).or_default() += 1;
            }
        }
    }
    let first_text = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
    for i in 0..lines.len() {
        if lines[i].is_blank() || lines[i].furniture.is_some() {
            continue;
        }
        let found = furniture(lines[i].text).or_else(|| {
            let near_top = i >= first_text && i < first_text + MASTHEAD_LINES;
            let name = (near_top || paged && edges[i])
                .then(|| masthead(lines[i].text))
                .flatten()?;
            let facts = Facts {
                paper: Some(name),
                ..Facts::default()
            };
            Some((
                FurnitureKind::RunningHead,
                facts,
                "the paper's name alone: a masthead",
            ))
        });
        let repeated =
            paged && edges[i] && at_edges.get(&key(lines[i].text)).is_some_and(|&n| n > 1);
        let found = found.or_else(|| {
            repeated.then(|| {
                (
                    FurnitureKind::RunningHead,
                    Facts::default(),
                    "repeated at the edge of pages",
                )
            })
        });
        if let Some((kind, stated, why)) = found {
            facts.paper = facts.paper.take().or(stated.paper);
            facts.date = facts.date.or(stated.date);
            lines[i].page = stated.page;
            lines[i].furniture = Some((kind, why));
        }
    }
}

/// Whether each line is among the first or last two text lines of its page (between form
/// feeds), in one pass each way.
fn page_edges(lines: &[Line<'_>]) -> Vec<bool> {
    let mut edges = vec![false; lines.len()];
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.page_break {
            seen = 0;
        } else if !line.is_blank() {
            edges[i] |= seen < 2;
            seen += 1;
        }
    }
    seen = 0;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.page_break {
            seen = 0;
        } else if !line.is_blank() {
            edges[i] |= seen < 2;
            seen += 1;
        }
    }
    edges
}

/// A front-matter block (`---` lines around `key: value` lines) opening the dump: metadata,
/// which may name the paper and the date.
fn front_matter(lines: &mut [Line<'_>], facts: &mut Facts) {
    let Some(open) = lines.iter().position(|l| !l.is_blank()) else {
        return;
    };
    if lines[open].text != "---" {
        return;
    }
    let Some(close) = lines[open + 1..].iter().position(|l| l.text == "---") else {
        return;
    };
    let close = open + 1 + close;
    for line in &mut lines[open..=close] {
        if let Some((key, value)) = line.text.split_once(':') {
            let value = value.trim();
            match key.trim() {
                "paper" | "source" | "publication" => {
                    facts.paper = facts.paper.take().or_else(|| {
                        paper_name(value)
                            .or_else(|| Some(value.to_owned()).filter(|v| !v.is_empty()))
                    });
                }
                "date" => facts.date = facts.date.or(full_date(value)),
                _ => {}
            }
        }
        line.furniture = Some((
            FurnitureKind::Separator,
            "front matter: metadata about the file",
        ));
    }
}

/// Gives every line the page its furniture states: a page's own statement counts from the page
/// start (a footer names the page it closes), a later different one from where it stands.
fn assign_pages(lines: &mut [Line<'_>]) {
    // A source line closes its story: its page is the page of the lines above it.
    let mut from = 0;
    for i in 0..lines.len() {
        if lines[i]
            .furniture
            .is_some_and(|(k, _)| k == FurnitureKind::SourceLine)
            && lines[i].page.is_some()
        {
            let page = lines[i].page.clone();
            for line in &mut lines[from..i] {
                if line.page.is_none() {
                    line.page.clone_from(&page);
                }
            }
            from = i + 1;
        }
    }
    let mut start = 0;
    while start < lines.len() {
        let end = lines[start..]
            .iter()
            .position(|l| l.page_break)
            .map_or(lines.len(), |p| start + p + 1);
        let mut current = lines[start..end].iter().find_map(|l| l.page.clone());
        for line in &mut lines[start..end] {
            if line.page.is_some() {
                current.clone_from(&line.page);
            }
            line.page.clone_from(&current);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation_width_and_breaks() {
        let got = split("\u{3000}\u{3000}正文\n  ab\n\u{c}\n标题");
        let l = &got.lines;
        assert_eq!((l[0].indent, l[0].text, l[0].width), (4, "正文", 4));
        assert_eq!(l[1].indent, 2);
        assert!(l[2].page_break && l[2].is_blank());
        assert!(!l[3].indented());
    }

    #[test]
    fn furniture_is_marked_and_pages_assigned() {
        let text = "光明日报 2023年5月6日 星期六 03版\n\n标题\n\n正文。\n\n第 3 页\n\u{c}\n光明日报 2023年5月6日 星期六 04版\n\n另一篇\n";
        let got = split(text);
        assert_eq!(got.facts.paper.as_deref(), Some("光明日报"));
        let title = got.lines.iter().find(|l| l.text == "标题").unwrap();
        assert_eq!(title.page.as_ref().map(|p| p.number), Some(3));
        assert!(title.furniture.is_none());
        let other = got.lines.iter().find(|l| l.text == "另一篇").unwrap();
        assert_eq!(other.page.as_ref().map(|p| p.number), Some(4));
        assert!(got.lines[6].furniture.is_some());
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let row = |l: &str, r: &str| format!("{l}{}{r}\n", " ".repeat(40 - l.chars().count() * 2));
        let mut text = String::new();
        for n in 0..6 {
            text.push_str(&row(
                &format!("左栏第{n}行文字左栏文字"),
                &format!("右栏第{n}行文字"),
            ));
        }
        let got = split(&text);
        let texts: Vec<&str> = got
            .lines
            .iter()
            .map(|l| l.text)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(texts[0], "左栏第0行文字左栏文字");
        assert_eq!(texts[5], "左栏第5行文字左栏文字");
        assert_eq!(texts[6], "右栏第0行文字");
        assert_eq!(texts.len(), 12);
    }

    #[test]
    fn a_shared_margin_is_no_indentation() {
        let got = split("  标题\n      第一段的开头\n  第一段的后文。\n");
        let indents: Vec<usize> = got.lines.iter().take(3).map(|l| l.indent).collect();
        assert_eq!(indents, [0, 4, 0]);
    }

    #[test]
    fn lines_repeated_at_page_edges_are_running_heads() {
        let text = "城市周刊\n\n甲文。\n\u{c}\n城市周刊\n\n乙文。\n";
        let got = split(text);
        assert!(got.lines[0].furniture.is_some());
        assert!(got.lines[4].furniture.is_some());
        assert!(got.lines[2].furniture.is_none());
    }
}
