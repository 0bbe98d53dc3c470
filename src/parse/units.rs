//! Units: the pieces of a dump the assembler puts into articles — headline lines, credits,
//! rubrics, body text and furniture — each with the source lines it came from.
//!
//! This file reads the blocks layout (blocks separated by blank lines; a block of unindented
//! lines is one unit, its lines joined; in a block that marks paragraphs by indentation every
//! line is a unit of its own). The other layouts make units in their own files.

use std::ops::Range;

use super::classify::{
    credit, ends_open, is_head_like, is_numbered_heading, is_rubric, label_kind, photo_credit,
};
use super::dateline::dateline;
use super::lines::Line;
use crate::model::{BlockKind, FurnitureKind, PageRef};

/// What a unit is, judged from its text or stated by the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Kind {
    Credit,
    Rubric,
    Head,
    #[default]
    Body,
    Furniture(FurnitureKind),
}

/// A headline part whose role the layout states (a crawler's fixed header lines, a markdown
/// heading, a `标题：` label), in the order they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    Kicker,
    Title,
    Subtitle,
}

/// One piece of the dump. (Its flags are independent facts about the source, not a state.)
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    pub kind: Kind,
    /// Clean text: trimmed, inner white space folded to one space, lines joined.
    pub text: String,
    /// Byte length of the unit's first source line within `text`.
    pub first_line_len: usize,
    /// Number of source lines joined into this unit.
    pub lines: usize,
    /// Blank lines before the unit.
    pub gap_before: usize,
    /// The unit's first line was indented (a paragraph start in indented layouts).
    pub indented: bool,
    /// The unit comes from a block that marks paragraphs by indentation.
    pub in_indented_block: bool,
    /// The source lines (indices) the unit was made from.
    pub span: Range<usize>,
    /// The page it stands on.
    pub page: Option<PageRef>,
    /// Why the unit has its kind, for `dubao inspect`.
    pub why: &'static str,
    /// The headline role the layout states, if it states one.
    pub slot: Option<Slot>,
    /// The layout says a new story starts here.
    pub starts_story: bool,
    /// The layout states where this paragraph ends: never joined with its neighbours.
    pub fixed: bool,
    /// The body block kind the layout states (a markdown subheading).
    pub block: Option<BlockKind>,
}

/// The units of `lines` in the blocks layout.
pub fn units(lines: &[Line<'_>]) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    let mut gap = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some((kind, why)) = line.furniture {
            flush_block(&mut out, lines, &mut block, &mut gap);
            out.push(furniture_unit(line, i, kind, why));
        } else if line.is_blank() {
            flush_block(&mut out, lines, &mut block, &mut gap);
            // A new page is as good as a section gap.
            gap += if line.page_break { 2 } else { 1 };
        } else {
            block.push(i);
        }
    }
    flush_block(&mut out, lines, &mut block, &mut gap);
    out
}

pub fn furniture_unit(line: &Line<'_>, i: usize, kind: FurnitureKind, why: &'static str) -> Unit {
    Unit {
        kind: Kind::Furniture(kind),
        text: fold_spaces(line.text),
        lines: 1,
        span: i..i + 1,
        page: line.page.clone(),
        why,
        ..Unit::default()
    }
}

fn flush_block(out: &mut Vec<Unit>, lines: &[Line<'_>], block: &mut Vec<usize>, gap: &mut usize) {
    if !block.is_empty() {
        push_block(out, lines, block, *gap);
        block.clear();
        *gap = 0;
    }
}

fn push_block(out: &mut Vec<Unit>, lines: &[Line<'_>], block: &[usize], gap: usize) {
    // A block of whole paragraphs, one a line (most lines end a sentence, none is indented):
    // each line is a unit of its own, as in a block that marks paragraphs by indentation.
    let sentences = block.iter().filter(|&&i| !ends_open(lines[i].text)).count();
    let per_line = block.len() >= 3 && sentences * 2 >= block.len();
    let indented_block =
        block.len() > 1 && (per_line || block.iter().any(|&i| lines[i].indented()));
    let mut gap_before = gap;
    let first_unit = out.len();
    let mut run: Vec<usize> = Vec::new();
    let flush = |out: &mut Vec<Unit>, run: &mut Vec<usize>, gap_before: &mut usize| {
        for part in headline_parts(lines, run) {
            let texts: Vec<&str> = part.iter().map(|&i| lines[i].text).collect();
            let first = &lines[part[0]];
            let mut unit = unit(&texts, first.indented(), indented_block, *gap_before);
            if per_line && unit.kind == Kind::Body && !first.indented() {
                unit.fixed = true;
                unit.why = "a whole paragraph on a line of its own";
            }
            unit.span = part[0]..part[part.len() - 1] + 1;
            unit.page.clone_from(&first.page);
            out.push(unit);
            *gap_before = 0;
        }
        run.clear();
    };
    for &i in block {
        let line = &lines[i];
        if let Some(name) = credit(line.text) {
            flush(out, &mut run, &mut gap_before);
            out.push(Unit {
                kind: Kind::Credit,
                text: fold_spaces(name),
                lines: 1,
                gap_before,
                indented: line.indented(),
                in_indented_block: indented_block,
                span: i..i + 1,
                page: line.page.clone(),
                why: "a credit line: role word and names, or a byline marker",
                ..Unit::default()
            });
            gap_before = 0;
            continue;
        }
        let rubric = is_rubric(line.text) && label_kind(line.text).is_none();
        if indented_block || rubric {
            flush(out, &mut run, &mut gap_before);
        }
        run.push(i);
        if rubric {
            flush(out, &mut run, &mut gap_before);
        }
    }
    flush(out, &mut run, &mut gap_before);
    if per_line && !block.iter().any(|&i| lines[i].indented()) {
        // A full headline (kicker, title, subtitle) stands on three lines; one or two lines
        // between paragraphs are a subheading.
        subheadings(&mut out[first_unit..], 2);
    }
}

/// A block of headline lines split into its parts where the text marks them: a line ending
/// in `——` or `：` ends a kicker, a line starting with `——` starts a subtitle, and a line
/// longer than the one above starts a part of its own (a title set over two lines fills its
/// first line). Any other run stays whole.
fn headline_parts(lines: &[Line<'_>], run: &[usize]) -> Vec<Vec<usize>> {
    let heads = (2..=3).contains(&run.len()) && run.iter().all(|&i| is_head_like(lines[i].text));
    if !heads {
        return if run.is_empty() {
            Vec::new()
        } else {
            vec![run.to_vec()]
        };
    }
    let chars = |i: usize| lines[i].text.chars().count();
    let mut parts: Vec<Vec<usize>> = vec![vec![run[0]]];
    for pair in run.windows(2) {
        let (above, line) = (pair[0], pair[1]);
        let split = lines[above].text.ends_with(['—', '：', ':'])
            || lines[line].text.starts_with('—')
            || chars(line) > chars(above);
        if split {
            parts.push(vec![line]);
        } else if let Some(part) = parts.last_mut() {
            part.push(line);
        }
    }
    parts
}

/// One unit from the lines of a block (or a paragraph the wrapped layout put together).
pub fn unit(lines: &[&str], indented: bool, in_indented_block: bool, gap_before: usize) -> Unit {
    let mut text = fold_spaces(lines[0]);
    let first_line_len = text.len();
    for line in &lines[1..] {
        let line = fold_spaces(line);
        if needs_space(&text, &line) {
            text.push(' ');
        }
        text.push_str(&line);
    }
    if let Some(block) = stated_block(&text) {
        return Unit {
            kind: Kind::Body,
            first_line_len,
            lines: lines.len(),
            gap_before,
            indented,
            in_indented_block,
            fixed: true,
            block: Some(block),
            why: "a label, numbered subheading or photo credit: a block of its own",
            text,
            ..Unit::default()
        };
    }
    let (kind, why) = if lines.len() == 1 && is_rubric(&text) {
        (Kind::Rubric, "a rubric: set between dots or brackets")
    } else if lines.len() <= 3
        && lines.iter().all(|l| is_head_like(l))
        && !indented
        && dateline(&text).is_none()
    {
        (
            Kind::Head,
            "headline-like: short, no full stop, no clause mark at the end",
        )
    } else {
        (Kind::Body, "body text")
    };
    Unit {
        kind,
        text,
        first_line_len,
        lines: lines.len(),
        gap_before,
        indented,
        in_indented_block,
        why,
        ..Unit::default()
    }
}

/// Headline lines set inside a story with no blank line before them, between two paragraphs
/// and with no credit or dateline after them, are its subheadings: where blank lines are
/// rare, a new story is set apart by one. Runs longer than `longest` lines stay headlines.
pub fn subheadings(units: &mut [Unit], longest: usize) {
    let mut i = 1;
    while i < units.len() {
        let run = units[i..]
            .iter()
            .take_while(|u| u.kind == Kind::Head)
            .count();
        let inside = run > 0
            && run <= longest
            && units[i].gap_before == 0
            && units[i - 1].kind == Kind::Body
            && units.get(i + run).is_some_and(|u| {
                u.kind == Kind::Body && u.gap_before == 0 && dateline(&u.text).is_none()
            })
            && !units[i..i + run]
                .iter()
                .any(|u| u.text.ends_with(['：', ':']));
        if inside {
            for unit in &mut units[i..i + run] {
                unit.kind = Kind::Body;
                unit.fixed = true;
                unit.block = Some(BlockKind::Subheading);
                unit.why = "headline-like lines inside a story, no blank line around: a subheading";
            }
        }
        i += run.max(1);
    }
}

/// The block kind a line's own text states: a lead or sidebar label, a numbered subheading, a
/// photo credit. Such lines are never headlines nor the rest of a paragraph.
pub fn stated_block(text: &str) -> Option<BlockKind> {
    if let Some(kind) = label_kind(text) {
        Some(kind)
    } else if photo_credit(text) {
        Some(BlockKind::PhotoCredit)
    } else if is_numbered_heading(text) {
        Some(BlockKind::Subheading)
    } else {
        None
    }
}

/// Whether joining `left` and `right` needs a space: only between two Latin words or numbers;
/// Chinese text is written without spaces.
pub fn needs_space(left: &str, right: &str) -> bool {
    let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    l.is_ascii_alphanumeric() && r.is_ascii_alphanumeric()
}

/// Trims `line` and folds every inner run of white space (ideographic spaces too) to one space.
pub fn fold_spaces(line: &str) -> String {
    let line = line.trim();
    if !line.contains(char::is_whitespace) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    if is_letter_spaced(&out) {
        out.retain(|c| c != ' ');
    }
    out
}

/// Big type set with a space between every character (`春 耕 备 耕 忙`, as `pdftotext -layout`
/// gives it): single characters, at least three of them Han.
fn is_letter_spaced(text: &str) -> bool {
    let mut han = 0;
    for token in text.split(' ') {
        let mut chars = token.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => han += usize::from(super::classify::is_han(c)),
            _ => return false,
        }
    }
    han >= 3
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn units(text: &str) -> Vec<Unit> {
        super::units(&split(text).lines)
    }

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        units(text).into_iter().map(|u| (u.kind, u.text)).collect()
    }

    #[test]
    fn blank_line_blocks_become_units() {
        let got = kinds("\n\n引题在此——\n\n主题 在此\n\n■本报记者 张三\n\n本报讯 正文开始。\n");
        assert_eq!(
            got,
            vec![
                (Kind::Head, "引题在此——".to_owned()),
                (Kind::Head, "主题 在此".to_owned()),
                (Kind::Credit, "本报记者 张三".to_owned()),
                (Kind::Body, "本报讯 正文开始。".to_owned()),
            ]
        );
    }

    #[test]
    fn a_title_set_over_two_lines_is_one_unit() {
        let got = units("第一行标题\n第二行\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "第一行标题第二行");
        assert_eq!(got[0].lines, 2);
        assert_eq!(got[0].first_line_len, "第一行标题".len());
    }

    #[test]
    fn credit_lines_inside_a_block_are_split_out() {
        let got = kinds("■本报记者 张三\n通讯员 李四\n");
        assert_eq!(
            got,
            vec![
                (Kind::Credit, "本报记者 张三".into()),
                (Kind::Credit, "通讯员 李四".into())
            ]
        );
    }

    #[test]
    fn indented_lines_are_paragraphs_of_their_own() {
        let got = units("标题\n　　第一段。\n　　第二段。\n下一篇标题\n  第三段。\n");
        let texts: Vec<_> = got
            .iter()
            .map(|u| (u.kind, u.text.as_str(), u.indented))
            .collect();
        assert_eq!(
            texts,
            vec![
                (Kind::Head, "标题", false),
                (Kind::Body, "第一段。", true),
                (Kind::Body, "第二段。", true),
                (Kind::Head, "下一篇标题", false),
                (Kind::Body, "第三段。", true),
            ]
        );
    }

    #[test]
    fn a_block_of_whole_paragraphs_is_read_line_by_line() {
        let text =
            "标题一则\n本报讯 第一段。\n小标题\n第二段说了些话。\n另一则标题\n本报讯 第三段。\n";
        let got = kinds(text);
        let want = [
            Kind::Head,
            Kind::Body,
            Kind::Body,
            Kind::Body,
            Kind::Head,
            Kind::Body,
        ];
        assert_eq!(got.iter().map(|(k, _)| *k).collect::<Vec<_>>(), want);
        let issue = crate::parse::parse("t.txt", text);
        let titles: Vec<&str> = issue.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["标题一则", "另一则标题"]);
        assert_eq!(
            issue.articles[0].kind(1),
            crate::model::BlockKind::Subheading
        );
    }

    #[test]
    fn gaps_are_counted_and_whitespace_only_lines_are_blank() {
        let got = units("甲\n \u{3000}\n\n乙\n");
        assert_eq!(got[1].gap_before, 2);
    }

    #[test]
    fn letter_spaced_headlines_are_closed_up() {
        assert_eq!(fold_spaces("春 耕 备 耕 忙"), "春耕备耕忙");
        assert_eq!(fold_spaces("增 长 了 3 %"), "增长了3%");
        assert_eq!(fold_spaces("稳步推进 扎实工作"), "稳步推进 扎实工作");
        assert_eq!(fold_spaces("a b c"), "a b c");
    }

    #[test]
    fn inner_white_space_is_folded_and_latin_words_keep_a_space() {
        assert_eq!(
            fold_spaces("\u{3000}稳步推进\u{3000}\u{3000}扎实工作 "),
            "稳步推进 扎实工作"
        );
        assert_eq!(
            units("the quick\nbrown fox\n")[0].text,
            "the quick brown fox"
        );
        assert_eq!(units("中文\n继续\n")[0].text, "中文继续");
    }
}
