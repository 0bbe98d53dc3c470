//! Writing text into the buffer as the terminal will draw it.
//!
//! On a terminal that draws East Asian Ambiguous characters (`“”·—…`, box drawing) two cells
//! wide, each such glyph gets two cells — the second an empty placeholder the screen writer
//! skips — and the interface's own rules and marks switch to ASCII (CJK.md §3.2, §3.4).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::symbols::border;
use unicode_segmentation::UnicodeSegmentation;

use crate::typeset::AmbiguousWidth;
use crate::typeset::width::grapheme_width;

/// How to write for one ambiguous-width mode.
#[derive(Debug, Clone, Copy)]
pub struct Pen {
    pub mode: AmbiguousWidth,
    /// A vertical rule between columns and panes.
    pub rule: &'static str,
    /// The scrollbar's thumb.
    pub thumb: &'static str,
    /// The mark beside the selected card.
    pub bar: &'static str,
    /// The separator in the masthead.
    pub dot: &'static str,
    /// The help overlay's border.
    pub border: border::Set<'static>,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Pen {
    pub fn new(mode: AmbiguousWidth) -> Self {
        match mode {
            AmbiguousWidth::Narrow => Self {
                mode,
                rule: "│",
                thumb: "┃",
                bar: "▌",
                dot: "·",
                border: border::PLAIN,
            },
            AmbiguousWidth::Wide => Self {
                mode,
                rule: "|",
                thumb: "#",
                bar: ">",
                dot: "-",
                border: ASCII_BORDER,
            },
        }
    }

    /// Writes `text` at (`x`, `y`) in at most `max_width` cells; returns the column after it.
    pub fn put(
        &self,
        buf: &mut Buffer,
        x: u16,
        y: u16,
        text: impl AsRef<str>,
        max_width: usize,
        style: Style,
    ) -> u16 {
        let text = text.as_ref();
        if self.mode == AmbiguousWidth::Narrow {
            return buf.set_stringn(x, y, text, max_width, style).0;
        }
        let limit = x
            .saturating_add(u16::try_from(max_width).unwrap_or(u16::MAX))
            .min(buf.area.right());
        let mut column = x;
        if y >= buf.area.bottom() || x < buf.area.left() {
            return column;
        }
        for grapheme in text.graphemes(true) {
            let width = u16::try_from(grapheme_width(grapheme, self.mode)).unwrap_or(1);
            if width == 0 {
                continue;
            }
            if column.saturating_add(width) > limit {
                break;
            }
            buf[(column, y)].set_symbol(grapheme).set_style(style);
            // The cell under the glyph's right half: hidden as ratatui hides one behind a wide
            // character, or, for an ambiguous glyph ratatui thinks narrow, an empty placeholder.
            let narrow = grapheme_width(grapheme, AmbiguousWidth::Narrow);
            for extra in 1..width {
                let cell = &mut buf[(column + extra, y)];
                if narrow >= 2 {
                    cell.reset();
                } else {
                    cell.set_symbol("").set_style(style);
                }
            }
            column += width;
        }
        column
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn row(buf: &Buffer) -> Vec<&str> {
        (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect()
    }

    #[test]
    fn narrow_mode_writes_as_ratatui_does() {
        let mut ours = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut theirs = ours.clone();
        Pen::new(AmbiguousWidth::Narrow).put(&mut ours, 0, 0, "“中”ab", 10, Style::new());
        theirs.set_stringn(0, 0, "“中”ab", 10, Style::new());
        assert_eq!(ours, theirs);
    }

    #[test]
    fn wide_mode_gives_ambiguous_glyphs_two_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 9, 1));
        let end = Pen::new(AmbiguousWidth::Wide).put(&mut buf, 0, 0, "“中”ab", 9, Style::new());
        assert_eq!(row(&buf), ["“", "", "中", " ", "”", "", "a", "b", " "]);
        assert_eq!(end, 8);
    }

    #[test]
    fn wide_mode_cuts_before_a_glyph_that_does_not_fit() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        let end = Pen::new(AmbiguousWidth::Wide).put(&mut buf, 0, 0, "ab“c", 3, Style::new());
        assert_eq!(end, 2);
        assert_eq!(row(&buf), ["a", "b", " ", " "]);
    }
}
