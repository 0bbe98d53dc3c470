//! Greedy line filling ("push-out", ragged right) with optional hanging punctuation and
//! orphan control (孤字不成行).

use unicode_segmentation::UnicodeSegmentation;

use super::linebreak::{break_opportunities, no_line_start};
use super::width::grapheme_width;
use super::{Options, TypesetLine};
use crate::parse::is_han;

/// Marks that may hang past the right edge into a two-column gutter.
const HANGABLE: &[&str] = &["，", "。", "、", "．", ",", "."];
/// Columns the hanging gutter adds to the line width.
pub const GUTTER: usize = 2;

struct Grapheme<'a> {
    at: usize,
    text: &'a str,
    width: usize,
    space: bool,
}

/// A line as grapheme indices: `first..end` is drawn; spaces after it, if any, are dropped.
struct Span {
    first: usize,
    end: usize,
    indent: usize,
    hanging: bool,
    forced: bool,
}

/// Breaks `text` into lines at most `width` columns wide (see [`super::typeset`]).
pub fn fill(text: &str, width: usize, indent: usize, options: &Options) -> Vec<TypesetLine> {
    fill_where(text, width, indent, options, &|_| true)
}

/// Like [`fill`], breaking only before the byte offsets `keep` accepts (and the line-breaking
/// rules allow); a run with no accepted break that is wider than the line is cut (`forced`).
pub fn fill_where(
    text: &str,
    width: usize,
    indent: usize,
    options: &Options,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<TypesetLine> {
    let indices: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let mut allowed = break_opportunities(text, &indices);
    for (ok, &(at, _)) in allowed.iter_mut().zip(&indices) {
        *ok = *ok && keep(at);
    }
    let graphemes: Vec<Grapheme> = indices
        .iter()
        .map(|&(at, g)| Grapheme {
            at,
            text: g,
            width: grapheme_width(g, options.ambiguous),
            space: g.chars().all(char::is_whitespace),
        })
        .collect();
    let mut spans = break_lines(&graphemes, &allowed, width, indent, options.hanging);
    if options.orphan_control {
        fix_orphan(&mut spans, &graphemes, &allowed, width);
    }
    let byte_at = |i: usize| graphemes.get(i).map_or(text.len(), |g| g.at);
    spans
        .iter()
        .map(|s| TypesetLine {
            start: byte_at(s.first),
            end: byte_at(s.end),
            width: graphemes[s.first..s.end].iter().map(|g| g.width).sum(),
            indent: s.indent,
            hanging: s.hanging,
            forced: s.forced,
        })
        .collect()
}

fn break_lines(
    graphemes: &[Grapheme],
    allowed: &[bool],
    width: usize,
    indent: usize,
    hanging: bool,
) -> Vec<Span> {
    let n = graphemes.len();
    let skip_spaces = |mut i: usize| {
        while i < n && graphemes[i].space {
            i += 1;
        }
        i
    };
    let mut spans = Vec::new();
    let mut first = skip_spaces(0);
    let mut line_indent = indent;
    while first < n {
        let mut col = line_indent;
        let mut last_break = None;
        let mut i = first;
        // (end of the line, start of the next, hanging, forced)
        let mut cut = (n, n, false, false);
        while i < n {
            if i > first && allowed[i] {
                last_break = Some(i);
            }
            let g = &graphemes[i];
            if col + g.width <= width {
                col += g.width;
                i += 1;
                continue;
            }
            let after_spaces = skip_spaces(i);
            cut = if g.space && (after_spaces == n || allowed[after_spaces]) {
                (i, after_spaces, false, false)
            } else if hanging
                && HANGABLE.contains(&g.text)
                && col + g.width <= width + GUTTER
                && (i + 1 == n || allowed[i + 1])
            {
                (i + 1, i + 1, true, false)
            } else if let Some(b) = last_break {
                (b, b, false, false)
            } else {
                // An unbreakable run wider than the line: cut it, keeping at least one grapheme.
                let end = i.max(first + 1);
                (end, end, false, true)
            };
            break;
        }
        let (mut end, next, hanging, forced) = cut;
        while end > first && graphemes[end - 1].space {
            end -= 1;
        }
        spans.push(Span {
            first,
            end,
            indent: line_indent,
            hanging,
            forced,
        });
        first = skip_spaces(next);
        line_indent = 0;
    }
    spans
}

/// When the last line would hold one Han character (plus closing marks), pulls the previous
/// line's last character down to join it — if that break is legal and the line still fits.
fn fix_orphan(spans: &mut [Span], graphemes: &[Grapheme], allowed: &[bool], width: usize) {
    let [.., prev, last] = spans else {
        return;
    };
    let solid = graphemes[last.first..last.end]
        .iter()
        .filter(|g| !no_line_start(g.text))
        .count();
    let lone_han = graphemes[last.first]
        .text
        .chars()
        .next()
        .is_some_and(is_han);
    if solid != 1 || !lone_han || prev.forced || prev.hanging || prev.end != last.first {
        return;
    }
    let moved = prev.end - 1;
    let last_width: usize = graphemes[last.first..last.end]
        .iter()
        .map(|g| g.width)
        .sum();
    if moved <= prev.first || !allowed[moved] || last_width + graphemes[moved].width > width {
        return;
    }
    prev.end = moved;
    while prev.end > prev.first && graphemes[prev.end - 1].space {
        prev.end -= 1;
    }
    last.first = moved;
}
