//! Layouts that state their structure: markdown headings and labelled fields.

use super::classify::{credit, is_bare_name, is_rubric};
use super::furniture::page_ref;
use super::layout::{field_label, heading};
use super::lines::Line;
use super::units::{Kind, Slot, Unit, fold_spaces, furniture_unit, needs_space};
use crate::model::{BlockKind, FurnitureKind};

/// The longest `**bold**` line taken for a kicker or subtitle, in characters.
const MAX_EMPHASIS_CHARS: usize = 60;

/// The units of a markdown dump. Stories start at the heading level that most often has text
/// under it; higher levels name the issue or the page, lower ones are subheadings. A bold
/// line just above a story heading is its kicker; a bold or `——` line just below, its subtitle.
pub fn markdown(lines: &[Line<'_>]) -> Vec<Unit> {
    let level = story_level(lines);
    let mut out: Vec<Unit> = Vec::new();
    let mut page = None;
    let mut para: Vec<usize> = Vec::new();
    let flush = |out: &mut Vec<Unit>, para: &mut Vec<usize>| {
        if !para.is_empty() {
            out.push(paragraph(lines, para));
            para.clear();
        }
    };
    for (i, line) in lines.iter().enumerate() {
        if let Some((kind, why)) = line.furniture {
            flush(&mut out, &mut para);
            out.push(furniture_unit(line, i, kind, why));
        } else if line.is_blank() {
            flush(&mut out, &mut para);
        } else if let Some((depth, text)) = heading(line.text) {
            flush(&mut out, &mut para);
            let text = strip_inline(text);
            let mut unit = one_line(line, i, text);
            if depth == level {
                unit.kind = Kind::Head;
                unit.slot = Some(Slot::Title);
                unit.starts_story = true;
                unit.why = "a markdown heading at the story level";
                // A bold line right above is the kicker.
                if let Some(prev) = out.last_mut().filter(|u| is_emphasis_unit(u, lines)) {
                    prev.kind = Kind::Head;
                    prev.slot = Some(Slot::Kicker);
                    prev.starts_story = true;
                    prev.why = "a bold line right above a story heading: the kicker";
                    unit.starts_story = false;
                }
            } else if depth < level {
                unit.kind = Kind::Furniture(FurnitureKind::Separator);
                unit.why = "a heading above the story level: the issue or the page";
                page = page_ref(&unit.text).or(page);
            } else if depth == level + 1 && out.last().is_some_and(|u| u.slot == Some(Slot::Title))
            {
                unit.kind = Kind::Head;
                unit.slot = Some(Slot::Subtitle);
                unit.why = "a heading right under a story heading: the subtitle";
            } else {
                unit.fixed = true;
                unit.why = "a heading below the story level: a subheading";
                unit.block = Some(BlockKind::Subheading);
            }
            out.push(unit);
        } else {
            para.push(i);
        }
        if let Some(unit) = out.last_mut().filter(|u| u.page.is_none()) {
            unit.page.clone_from(&page);
        }
    }
    flush(&mut out, &mut para);
    if let Some(unit) = out.last_mut().filter(|u| u.page.is_none()) {
        unit.page.clone_from(&page);
    }
    subtitles_after_titles(&mut out, lines);
    out
}

/// The heading level of stories: the level with the most headings that have text right
/// under them, directly or under a deeper heading right below (a subtitle set as a heading).
fn story_level(lines: &[Line<'_>]) -> usize {
    let text: Vec<&Line<'_>> = lines.iter().filter(|l| l.is_text()).collect();
    let mut counts = [0usize; 7];
    for (i, line) in text.iter().enumerate() {
        let Some((depth, _)) = heading(line.text) else {
            continue;
        };
        let next = text.get(i + 1).map(|l| heading(l.text));
        let credited = match next {
            Some(None) => true,
            Some(Some((deeper, _))) if deeper == depth + 1 => {
                text.get(i + 2).is_some_and(|l| heading(l.text).is_none())
            }
            _ => false,
        };
        counts[depth] += usize::from(credited);
    }
    (1..=6)
        .max_by_key(|&d| (counts[d], std::cmp::Reverse(d)))
        .unwrap_or(1)
}

fn one_line(line: &Line<'_>, i: usize, text: String) -> Unit {
    Unit {
        kind: Kind::Body,
        first_line_len: text.len(),
        text,
        lines: 1,
        gap_before: 1,
        span: i..i + 1,
        page: line.page.clone(),
        ..Unit::default()
    }
}

fn paragraph(lines: &[Line<'_>], para: &[usize]) -> Unit {
    let first = &lines[para[0]];
    let mut text = String::new();
    for &i in para {
        let piece = strip_inline(strip_block_marks(lines[i].text));
        if needs_space(&text, &piece) {
            text.push(' ');
        }
        text.push_str(&piece);
    }
    let mut unit = one_line(first, para[0], text);
    unit.span = para[0]..para[para.len() - 1] + 1;
    unit.lines = para.len();
    unit.fixed = true;
    unit.indented = true;
    unit.in_indented_block = true;
    let raw = first.text.trim();
    match credit(&unit.text) {
        Some(name) if para.len() == 1 => {
            unit.text = fold_spaces(name);
            unit.kind = Kind::Credit;
            unit.why = "a credit line";
        }
        _ if para.len() == 1
            && (is_rubric(&unit.text)
                || raw.len() > 2 && raw.starts_with('`') && raw.ends_with('`')) =>
        {
            unit.kind = Kind::Rubric;
            unit.why = "a column name set apart (in backticks or brackets): a rubric";
        }
        _ => unit.why = "a markdown paragraph (lines up to a blank line)",
    }
    unit
}

/// The paragraph is one line wholly in `**bold**` (or `*italic*`), short.
fn is_emphasis_unit(unit: &Unit, lines: &[Line<'_>]) -> bool {
    unit.kind == Kind::Body
        && unit.lines == 1
        && is_emphasis(lines[unit.span.start].text)
        && unit.text.chars().count() <= MAX_EMPHASIS_CHARS
}

fn is_emphasis(text: &str) -> bool {
    let inner = text.trim();
    (inner.starts_with("**") && inner.ends_with("**")
        || inner.starts_with("__") && inner.ends_with("__"))
        && inner.len() > 4
        || inner.starts_with('*') && inner.ends_with('*') && inner.len() > 2
}

/// A bold or `——` line right under a story title is its subtitle.
fn subtitles_after_titles(out: &mut [Unit], lines: &[Line<'_>]) {
    for i in 1..out.len() {
        if out[i - 1].slot != Some(Slot::Title) {
            continue;
        }
        let next = &out[i];
        let is_sub = next.kind == Kind::Body
            && next.lines == 1
            && !is_bare_name(&next.text)
            && next.text.chars().count() <= MAX_EMPHASIS_CHARS
            && (is_emphasis(lines[next.span.start].text) || next.text.starts_with('—'));
        if is_sub {
            out[i].kind = Kind::Head;
            out[i].slot = Some(Slot::Subtitle);
            out[i].why = "a bold or dashed line right under a story heading: the subtitle";
        }
    }
}

fn strip_block_marks(text: &str) -> &str {
    let text = text.trim_start_matches(['>', ' ', '\u{3000}']);
    for mark in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(mark) {
            return rest;
        }
    }
    text
}

/// Drops emphasis marks and keeps link and image texts: `**a** [b](u)` → `a b`.
pub fn strip_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("![") || rest.starts_with('[') {
            let open = if rest.starts_with('!') { 2 } else { 1 };
            if let Some(close) = rest.find("](")
                && let Some(end) = rest.get(close..).and_then(|r| r.find(')'))
            {
                out.push_str(rest.get(open..close).unwrap_or_default());
                rest = rest.get(close + end + 1..).unwrap_or_default();
                continue;
            }
        }
        if !matches!(c, '*' | '_' | '`') || c == '_' && !rest.starts_with("__") {
            out.push(c);
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    fold_spaces(&out)
}

/// The units of a labelled dump: `标题：` (and `引题：`, `副标题：`) open a story, `作者：` gives
/// its bylines, `版次：` its page, `正文：` starts its body; lines after it are paragraphs —
/// one per line, or per block when blank lines separate them, or per indent.
pub fn labelled(lines: &[Line<'_>]) -> Vec<Unit> {
    let by_blocks = lines.iter().filter(|l| l.is_blank()).count() * 3 >= lines.len();
    let mut out: Vec<Unit> = Vec::new();
    let mut slots_seen: Vec<Slot> = Vec::new();
    let mut in_body = false;
    let mut para: Vec<usize> = Vec::new();
    let flush = |out: &mut Vec<Unit>, para: &mut Vec<usize>| {
        if !para.is_empty() {
            let mut unit = paragraph(lines, para);
            unit.why = "a paragraph of the body field";
            out.push(unit);
            para.clear();
        }
    };
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            flush(&mut out, &mut para);
            continue;
        }
        let label = field_label(line.text);
        if let Some((kind, why)) = line.furniture.filter(|_| label.is_none()) {
            flush(&mut out, &mut para);
            out.push(furniture_unit(line, i, kind, why));
            continue;
        }
        let Some((label, value)) = label else {
            if !by_blocks || line.indented() {
                flush(&mut out, &mut para);
            }
            para.push(i);
            continue;
        };
        flush(&mut out, &mut para);
        let slot = match label {
            "标题" | "题目" | "主题" => Some(Slot::Title),
            "引题" | "肩题" | "眉题" => Some(Slot::Kicker),
            "副题" | "副标题" => Some(Slot::Subtitle),
            _ => None,
        };
        let mut unit = one_line(line, i, fold_spaces(value));
        if unit.text.is_empty() && !matches!(label, "正文" | "内容") {
            // An empty field says only that the story has no such part.
            unit.kind = Kind::Furniture(FurnitureKind::Separator);
            unit.text = fold_spaces(line.text);
            unit.why = "an empty field";
            out.push(unit);
            continue;
        }
        if let Some(slot) = slot {
            let new_story = in_body || slots_seen.contains(&slot) || slots_seen.is_empty();
            if new_story {
                slots_seen.clear();
                in_body = false;
            }
            slots_seen.push(slot);
            unit.kind = Kind::Head;
            unit.slot = Some(slot);
            unit.starts_story = new_story;
            unit.why = "a headline field";
        } else if matches!(label, "作者" | "记者") {
            unit.kind = Kind::Credit;
            unit.why = "an author field";
        } else if matches!(label, "正文" | "内容") {
            in_body = true;
            unit.fixed = true;
            unit.why = "the body field";
        } else {
            if matches!(label, "版次" | "版面") {
                unit.page = page_ref(value).or_else(|| page_ref(&format!("{value}版")));
            }
            unit.kind = Kind::Furniture(FurnitureKind::SourceLine);
            unit.text = fold_spaces(line.text);
            unit.why = "a field about the issue (source, date, page, column)";
        }
        if !unit.text.is_empty() || unit.kind != Kind::Body {
            out.push(unit);
        }
    }
    flush(&mut out, &mut para);
    // A page field holds for the whole story it stands in.
    let starts: Vec<usize> = (0..out.len()).filter(|&i| out[i].starts_story).collect();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(out.len());
        let page = out[start..end].iter().find_map(|u| u.page.clone());
        for unit in &mut out[start..end] {
            unit.page.clone_from(&page);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    #[test]
    fn markdown_roles() {
        let text = "# 人民日报 2023年5月6日\n\n**引题——**\n## 主标题\n**——副题**\n\n第一段\n续行。\n\n### 小标题\n\n第二段。\n\n## 下一篇\n\n正文。\n";
        let got: Vec<(Kind, Option<Slot>, String)> = markdown(&split(text).lines)
            .into_iter()
            .map(|u| (u.kind, u.slot, u.text))
            .collect();
        assert!(matches!(got[0].0, Kind::Furniture(_)));
        assert_eq!(got[1], (Kind::Head, Some(Slot::Kicker), "引题——".into()));
        assert_eq!(got[2], (Kind::Head, Some(Slot::Title), "主标题".into()));
        assert_eq!(got[3], (Kind::Head, Some(Slot::Subtitle), "——副题".into()));
        assert_eq!(got[4].2, "第一段续行。");
        assert_eq!(got[5], (Kind::Body, None, "小标题".into()));
    }

    #[test]
    fn labelled_fields() {
        let text =
            "标题：甲\n作者：本报记者 乙\n正文：\n第一段。\n第二段。\n====\n标题：丙\n正文：丁。\n";
        let got: Vec<(Kind, String, bool)> = labelled(&split(text).lines)
            .into_iter()
            .map(|u| (u.kind, u.text, u.starts_story))
            .collect();
        assert_eq!(got[0], (Kind::Head, "甲".into(), true));
        assert_eq!(got[1].0, Kind::Credit);
        assert_eq!(got[2].1, "第一段。");
        assert_eq!(got[5], (Kind::Head, "丙".into(), true));
        assert_eq!(got[6].1, "丁。");
    }

    #[test]
    fn inline_marks_are_dropped() {
        assert_eq!(
            strip_inline("**粗体** 和 [链接](http://x) ![图](y.png)"),
            "粗体 和 链接 图"
        );
        assert_eq!(strip_inline("snake_case"), "snake_case");
    }
}
