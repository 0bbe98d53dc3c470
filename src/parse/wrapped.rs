//! The wrapped layout: lines cut near a fixed column (`pdftotext`, with or without `-layout`,
//! e-mail, terminal captures). A paragraph goes on while its line reaches the cut column; it
//! ends at a short line, a blank line, furniture, a page break or where the next line is
//! indented. Short lines standing alone are headline candidates, judged as in print blocks.

use std::ops::Range;

use super::classify::{credit, is_head_like};
use super::layout::{is_full, wrap_width};
use super::lines::Line;
use super::units::{Kind, Unit, fold_spaces, furniture_unit, subheadings, unit};

/// Columns of extra indentation that mark a centred line (a headline in `pdftotext -layout`).
const CENTRED_INDENT: usize = 8;

/// The units of `lines` in the wrapped layout. Each page (between form feeds) has its own
/// cut column and margin: pages of one dump may have been set in different widths.
pub fn units(lines: &[Line<'_>]) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut gap = 0;
    let mut start = 0;
    let text: Vec<&Line<'_>> = lines.iter().filter(|l| l.is_text()).collect();
    let whole = wrap_width(&text);
    while start < lines.len() {
        let end = lines[start..]
            .iter()
            .position(|l| l.page_break)
            .map_or(lines.len(), |p| start + p + 1);
        page_units(&mut out, lines, start..end, whole, &mut gap);
        start = end;
    }
    out
}

fn page_units(
    out: &mut Vec<Unit>,
    lines: &[Line<'_>],
    range: Range<usize>,
    whole: Option<usize>,
    gap: &mut usize,
) {
    let text: Vec<&Line<'_>> = lines[range.clone()]
        .iter()
        .filter(|l| l.is_text())
        .collect();
    let width = wrap_width(&text).or(whole).unwrap_or(usize::MAX);
    // The left margin: where most full lines start.
    let margin = text
        .iter()
        .filter(|l| is_full(l, width))
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    // Where blank lines set blocks apart (`pdftotext`), a block of short headline lines is one
    // headline; where none do, consecutive headline lines are its parts.
    let first_unit = out.len();
    let mut run: Vec<usize> = Vec::new();
    for i in range {
        let line = &lines[i];
        if let Some((kind, why)) = line.furniture {
            flush(out, lines, &mut run, gap, margin);
            out.push(furniture_unit(line, i, kind, why));
            continue;
        }
        if line.is_blank() {
            flush(out, lines, &mut run, gap, margin);
            *gap += if line.page_break { 2 } else { 1 };
            continue;
        }
        let starts_paragraph = line.indent >= margin + 2;
        let centred = line.indent >= margin + CENTRED_INDENT && !is_full(line, width);
        let goes_on = run.last().is_some_and(|&last| {
            let above = &lines[last];
            is_full(above, width)
                && !starts_paragraph
                && !centred
                && !is_centred(above, margin, width)
                || same_headline(&run, lines, i, width)
        });
        if !goes_on || credit(line.text).is_some() {
            flush(out, lines, &mut run, gap, margin);
        }
        run.push(i);
        if credit(line.text).is_some() {
            flush(out, lines, &mut run, gap, margin);
        }
    }
    flush(out, lines, &mut run, gap, margin);
    subheadings(&mut out[first_unit..], usize::MAX);
}

/// A block (between blank lines) of two or three short headline-like lines is one headline
/// set over several lines (a big type wraps sooner than the body), unless a dash or colon
/// marks where a kicker ends or a subtitle starts. Without blank lines around them, such
/// lines are the parts of a headline (kicker, title, subtitle).
fn same_headline(run: &[usize], lines: &[Line<'_>], at: usize, width: usize) -> bool {
    let short_head = |l: &Line<'_>| {
        l.is_text() && !is_full(l, width) && is_head_like(l.text) && credit(l.text).is_none()
    };
    let Some(&start) = run.first() else {
        return false;
    };
    let block_end = (start..lines.len())
        .find(|&j| lines[j].is_blank())
        .unwrap_or(lines.len());
    let blank_before = start == 0 || lines[start - 1].is_blank();
    // A line longer than the one above, or set in other type (letter-spaced or not), starts a
    // part of its own: a wrapped title fills its first line.
    let size = |j: usize| fold_spaces(lines[j].text).chars().count();
    let spaced = |j: usize| {
        fold_spaces(lines[j].text).chars().count() < lines[j].text.chars().count() / 2 + 1
    };
    let other_type =
        (start + 1..block_end).any(|j| size(j) > size(j - 1) || spaced(j) != spaced(j - 1));
    let marked = other_type
        || (start..block_end).any(|j| {
            j > start && lines[j].text.starts_with('—')
                || j + 1 < block_end && lines[j].text.ends_with(['—', '：', ':'])
        });
    blank_before
        && (2..=3).contains(&(block_end - start))
        && at < block_end
        && (start..block_end).all(|j| short_head(&lines[j]))
        && !marked
}

fn is_centred(line: &Line<'_>, margin: usize, width: usize) -> bool {
    line.indent >= margin + CENTRED_INDENT && !is_full(line, width)
}

fn flush(
    out: &mut Vec<Unit>,
    lines: &[Line<'_>],
    run: &mut Vec<usize>,
    gap: &mut usize,
    margin: usize,
) {
    let Some(&first) = run.first() else { return };
    let line = &lines[first];
    let texts: Vec<&str> = run.iter().map(|&i| lines[i].text).collect();
    let mut made = if let (1, Some(name)) = (run.len(), credit(line.text)) {
        Unit {
            kind: Kind::Credit,
            text: fold_spaces(name),
            lines: 1,
            why: "a credit line: role word and names, or a byline marker",
            ..Unit::default()
        }
    } else {
        let mut made = unit(&texts, false, false, *gap);
        if made.kind == Kind::Body {
            made.why = if run.len() > 1 {
                "lines that reach the cut column, joined: one paragraph"
            } else {
                "a line on its own that reads as text"
            };
        }
        made
    };
    made.gap_before = *gap;
    made.indented = line.indent >= margin + 2;
    made.fixed = made.kind == Kind::Body && made.indented;
    made.span = first..run[run.len() - 1] + 1;
    made.page.clone_from(&line.page);
    out.push(made);
    run.clear();
    *gap = 0;
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    #[test]
    fn cut_lines_are_joined_and_short_lines_end_paragraphs() {
        let text = "标题在这里\n\n这是一段被硬换行切开的文字它的每一行都差不多长\n直到段落的最后一行才变短。\n这是第二段被硬换行切开的文字它的每一行都差不多\n长。\n第三段被硬换行切开的文字它的每一行都差不多长长\n完。\n";
        let got: Vec<(Kind, String)> = units(&split(text).lines)
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect();
        assert_eq!(got[0], (Kind::Head, "标题在这里".into()));
        assert_eq!(
            got[1].1,
            "这是一段被硬换行切开的文字它的每一行都差不多长直到段落的最后一行才变短。"
        );
        assert_eq!(
            got[2].1,
            "这是第二段被硬换行切开的文字它的每一行都差不多长。"
        );
    }

    #[test]
    fn indented_lines_start_paragraphs() {
        let full = format!("这一行{}", "很长".repeat(9));
        let first = "\u{3000}\u{3000}第一段被切开的文字它的每一行都差不多长";
        let text = format!("{first}\n{full}\n的结尾。\n{first}\n{full}\n{full}\n结尾。\n");
        let got = units(&split(&text).lines);
        assert_eq!(got.len(), 2);
        assert!(got[1].text.ends_with("很长结尾。"));
    }
}
