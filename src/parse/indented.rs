//! The indented layout: one paragraph per indented line, headers on unindented lines between
//! them. E-paper crawlers write each story as three header lines — kicker, title, subtitle,
//! an empty line where one is absent — then its paragraphs, and concatenated files follow each
//! other with no separator; there the header slots are read by position. Elsewhere a run of
//! one to three unindented lines is a headline whose roles are judged from the text.

use super::classify::{credit, is_head_like};
use super::lines::Line;
use super::units::{Kind, Slot, Unit, fold_spaces, furniture_unit};

/// The longest line taken for a header slot in crawler output (titles there may carry commas).
const MAX_SLOT_CHARS: usize = 80;

/// The units of `lines` in the indented layout.
pub fn units(lines: &[Line<'_>]) -> Vec<Unit> {
    let triplets = uses_triplets(lines);
    let mut out: Vec<Unit> = Vec::new();
    let mut i = 0;
    let mut seen_body = false;
    while i < lines.len() {
        if lines[i].indented() && lines[i].is_text() {
            let unit = body(lines, i, seen_body);
            out.push(unit);
            seen_body = true;
            i += 1;
            continue;
        }
        // A run of unindented lines (blank ones and furniture too: an advertisement fills a
        // story's slots) up to the next paragraph.
        let end = (i..lines.len())
            .find(|&j| lines[j].indented() && lines[j].is_text())
            .unwrap_or(lines.len());
        let at_end = end == lines.len();
        group(&mut out, lines, i..end, triplets && !at_end, seen_body);
        i = end;
    }
    out
}

/// Whether headers come as fixed slots: the dump opens with three header lines (one of them
/// empty), as a crawler writes a story.
fn uses_triplets(lines: &[Line<'_>]) -> bool {
    let first = lines
        .iter()
        .position(|l| l.indented() && l.is_text())
        .unwrap_or(0);
    let head: Vec<&Line<'_>> = lines[..first].iter().filter(|l| !l.page_break).collect();
    // A credit line under the title shows a headline written as in print, not in slots.
    let credits = head.iter().any(|l| credit(l.text).is_some());
    !credits
        && (head.len() >= 3
            && head.len().is_multiple_of(3)
            && head.iter().any(|l| l.text.is_empty())
            || head.len() == 3 && head.iter().all(|l| l.is_text()))
}

fn body(lines: &[Line<'_>], i: usize, seen_body: bool) -> Unit {
    let line = &lines[i];
    let (kind, text, why) = match credit(line.text) {
        Some(name) => (
            Kind::Credit,
            fold_spaces(name),
            "a credit line in its own paragraph",
        ),
        None => (
            Kind::Body,
            fold_spaces(line.text),
            "an indented line: one paragraph",
        ),
    };
    Unit {
        kind,
        text,
        lines: 1,
        indented: true,
        in_indented_block: true,
        span: i..i + 1,
        page: line.page.clone(),
        why,
        fixed: true,
        gap_before: usize::from(!seen_body),
        ..Unit::default()
    }
}

/// A run of unindented lines: headers (by slot or judged), or unindented body lines.
fn group(
    out: &mut Vec<Unit>,
    lines: &[Line<'_>],
    range: std::ops::Range<usize>,
    triplets: bool,
    seen_body: bool,
) {
    let slots: Vec<usize> = range.clone().filter(|&j| !lines[j].page_break).collect();
    if triplets {
        // Header slots counted from the paragraph they stand over; what is left above them
        // ends the story before (or is a story with no body, such as an advertisement).
        let mut rest = slots.as_slice();
        let mut headers: Vec<&[usize]> = Vec::new();
        while rest.len() >= 3 {
            let last3 = &rest[rest.len() - 3..];
            if !is_header(lines, last3) {
                break;
            }
            headers.push(last3);
            rest = &rest[..rest.len() - 3];
        }
        if !headers.is_empty() {
            loose(out, lines, rest, seen_body, true);
            for header in headers.into_iter().rev() {
                push_header(out, lines, header);
            }
            return;
        }
    }
    let mut text: Vec<usize> = slots.into_iter().filter(|&j| lines[j].is_text()).collect();
    // Credit lines under the headline are bylines, not headline parts.
    let credits = text
        .iter()
        .rev()
        .take_while(|&&j| credit(lines[j].text).is_some())
        .count();
    let credit_lines = text.split_off(text.len() - credits);
    if !triplets
        && (1..=3).contains(&text.len())
        && text.iter().all(|&j| is_head_like(lines[j].text))
    {
        for j in range.clone().filter(|&j| lines[j].furniture.is_some()) {
            loose(out, lines, &[j], seen_body, false);
        }
        for (n, &j) in text.iter().enumerate() {
            out.push(Unit {
                kind: Kind::Head,
                text: fold_spaces(lines[j].text),
                first_line_len: lines[j].text.len(),
                lines: 1,
                gap_before: if n == 0 { 2 } else { 0 },
                span: j..j + 1,
                page: lines[j].page.clone(),
                why: "an unindented line among indented paragraphs: a headline",
                starts_story: n == 0,
                ..Unit::default()
            });
        }
        for &j in &credit_lines {
            out.push(body(lines, j, seen_body));
        }
        return;
    }
    text.extend(credit_lines);
    let rest: Vec<usize> = range.filter(|&j| !lines[j].is_blank()).collect();
    loose(out, lines, &rest, seen_body, triplets);
}

/// Three slots whose middle one (the title) has text that could be a title.
fn is_header(lines: &[Line<'_>], slots: &[usize]) -> bool {
    let ok = |j: usize| {
        let line = &lines[j];
        line.is_blank()
            || line.text.chars().count() <= MAX_SLOT_CHARS
                && !line.text.ends_with(['。', '；', '，'])
    };
    // An advertisement placeholder (furniture) may stand in the title's slot.
    !lines[slots[1]].is_blank() && slots.iter().all(|&j| ok(j))
}

fn push_header(out: &mut Vec<Unit>, lines: &[Line<'_>], slots: &[usize]) {
    let mut first = true;
    for (&j, slot) in slots
        .iter()
        .zip([Slot::Kicker, Slot::Title, Slot::Subtitle])
    {
        let line = &lines[j];
        if let Some((kind, why)) = line.furniture {
            out.push(furniture_unit(line, j, kind, why));
            continue;
        }
        if !line.is_text() {
            continue;
        }
        out.push(Unit {
            kind: Kind::Head,
            text: fold_spaces(line.text),
            first_line_len: line.text.len(),
            lines: 1,
            gap_before: 2,
            span: j..j + 1,
            page: line.page.clone(),
            why: match slot {
                Slot::Kicker => "header slot 1 of 3 (kicker)",
                Slot::Title => "header slot 2 of 3 (title)",
                Slot::Subtitle => "header slot 3 of 3 (subtitle)",
            },
            slot: Some(slot),
            starts_story: first,
            ..Unit::default()
        });
        first = false;
    }
}

/// Unindented lines that are not headers: paragraphs of their own where the layout gives
/// every paragraph its line (crawler output), else the rest of a paragraph a hard wrap cut.
fn loose(out: &mut Vec<Unit>, lines: &[Line<'_>], slots: &[usize], seen_body: bool, own: bool) {
    for &j in slots.iter().filter(|&&j| !lines[j].is_blank()) {
        if let Some((kind, why)) = lines[j].furniture {
            out.push(furniture_unit(&lines[j], j, kind, why));
            continue;
        }
        let mut unit = body(lines, j, seen_body);
        unit.indented = false;
        unit.fixed = own;
        if unit.kind == Kind::Body {
            unit.why = if own {
                "an unindented line that is no header: a paragraph"
            } else {
                "an unindented line: the rest of the paragraph above"
            };
        }
        out.push(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn roles(text: &str) -> Vec<(Kind, Option<Slot>, String)> {
        units(&split(text).lines)
            .into_iter()
            .map(|u| (u.kind, u.slot, u.text))
            .collect()
    }

    #[test]
    fn crawler_stories_follow_each_other_without_separators() {
        let text = "引题\n主标题\n\n\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段\n\n第二篇标题\n——副题\n\u{3000}\u{3000}正文。\n";
        let got = roles(text);
        assert_eq!(got[0], (Kind::Head, Some(Slot::Kicker), "引题".into()));
        assert_eq!(got[1], (Kind::Head, Some(Slot::Title), "主标题".into()));
        assert_eq!(got[3].2, "第二段");
        assert_eq!(got[4], (Kind::Head, Some(Slot::Title), "第二篇标题".into()));
        assert_eq!(got[5], (Kind::Head, Some(Slot::Subtitle), "——副题".into()));
    }

    #[test]
    fn bodiless_stories_and_leftover_lines() {
        let text = "\n标题\n\n\u{3000}\u{3000}正文。\n图片说明一行\n\n广告\n\n\n下一篇\n\n\u{3000}\u{3000}正文。\n";
        let got = roles(text);
        let titles: Vec<_> = got
            .iter()
            .filter(|(_, s, _)| *s == Some(Slot::Title))
            .map(|(_, _, t)| t.as_str())
            .collect();
        assert_eq!(titles, ["标题", "下一篇"]);
        assert!(got.contains(&(
            Kind::Furniture(crate::model::FurnitureKind::Advert),
            None,
            "广告".into()
        )));
        assert!(got.contains(&(Kind::Body, None, "图片说明一行".into())));
    }

    #[test]
    fn without_slots_unindented_lines_are_judged() {
        let got = roles("标题\n\u{3000}\u{3000}第一段。\n下一篇标题\n  第三段。\n");
        assert_eq!(got[2], (Kind::Head, None, "下一篇标题".into()));
    }
}
