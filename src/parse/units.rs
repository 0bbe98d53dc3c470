//! Splitting a cleaned dump into units: headline lines, credits, rubrics and body text.
//!
//! Two layouts are read: blocks separated by blank lines (a block of unindented lines is one
//! unit, its lines joined), and paragraphs marked by indentation, where every line of a block
//! that holds indented lines is a unit of its own.

use super::classify::{credit, is_head_like, is_rubric};
use super::dateline::dateline;

/// What a unit is, judged from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Credit,
    Rubric,
    Head,
    Body,
}

/// One piece of the dump.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// Splits `text` (already sanitised) into units.
pub fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut block: Vec<(&str, bool)> = Vec::new();
    let mut gap = 0;
    for raw in text.split('\n') {
        let line = raw.trim();
        if line.is_empty() {
            if !block.is_empty() {
                push_block(&mut out, &block, gap);
                block.clear();
                gap = 0;
            }
            gap += 1;
        } else {
            block.push((line, is_indented(raw)));
        }
    }
    if !block.is_empty() {
        push_block(&mut out, &block, gap);
    }
    out
}

fn push_block(out: &mut Vec<Unit>, block: &[(&str, bool)], gap: usize) {
    let indented_block = block.len() > 1 && block.iter().any(|&(_, indented)| indented);
    let mut gap_before = gap;
    let mut run: Vec<&str> = Vec::new();
    let mut run_indented = false;
    let flush =
        |out: &mut Vec<Unit>, run: &mut Vec<&str>, indented: bool, gap_before: &mut usize| {
            if !run.is_empty() {
                out.push(unit(run, indented, indented_block, *gap_before));
                *gap_before = 0;
                run.clear();
            }
        };
    for &(line, indented) in block {
        if let Some(name) = credit(line) {
            flush(out, &mut run, run_indented, &mut gap_before);
            out.push(Unit {
                kind: Kind::Credit,
                text: fold_spaces(name),
                first_line_len: 0,
                lines: 1,
                gap_before,
                indented,
                in_indented_block: indented_block,
            });
            gap_before = 0;
            continue;
        }
        let rubric = is_rubric(line);
        if indented_block || rubric {
            flush(out, &mut run, run_indented, &mut gap_before);
        }
        if run.is_empty() {
            run_indented = indented;
        }
        run.push(line);
        if rubric {
            flush(out, &mut run, run_indented, &mut gap_before);
        }
    }
    flush(out, &mut run, run_indented, &mut gap_before);
}

fn unit(lines: &[&str], indented: bool, in_indented_block: bool, gap_before: usize) -> Unit {
    let mut text = fold_spaces(lines[0]);
    let first_line_len = text.len();
    for line in &lines[1..] {
        let line = fold_spaces(line);
        if needs_space(&text, &line) {
            text.push(' ');
        }
        text.push_str(&line);
    }
    let kind = if lines.len() == 1 && is_rubric(&text) {
        Kind::Rubric
    } else if lines.len() <= 3
        && lines.iter().all(|l| is_head_like(l))
        && !indented
        && dateline(&text).is_none()
    {
        Kind::Head
    } else {
        Kind::Body
    };
    Unit {
        kind,
        text,
        first_line_len,
        lines: lines.len(),
        gap_before,
        indented,
        in_indented_block,
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

/// Indented by at least two columns (two ASCII spaces or one ideographic space).
fn is_indented(raw: &str) -> bool {
    let mut columns = 0;
    for c in raw.chars() {
        match c {
            '\u{3000}' => columns += 2,
            c if c.is_whitespace() => columns += 1,
            _ => break,
        }
    }
    columns >= 2
}

/// Trims `line` and folds every inner run of white space (ideographic spaces too) to one space.
pub fn fold_spaces(line: &str) -> String {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn gaps_are_counted_and_whitespace_only_lines_are_blank() {
        let got = units("甲\n \u{3000}\n\n乙\n");
        assert_eq!(got[1].gap_before, 2);
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
