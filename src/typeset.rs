//! Chinese typesetting: paragraphs broken into lines a Chinese reader accepts.
//!
//! Pure domain code: lines are byte ranges into the paragraph with their display widths, for
//! any renderer (the terminal UI and plain output both draw them; neither wraps text itself).

mod article;
mod fill;
mod linebreak;
pub mod width;
pub mod words;

pub use article::{
    ArticleLine, Role, WordStarts, balanced, balanced_in_words, layout_article,
    layout_article_with, plain_lines,
};
pub use fill::GUTTER;
pub use linebreak::{no_line_end, no_line_start, paired};
pub use width::{AmbiguousWidth, str_width};

/// Columns of first-line indent: two full-width spaces.
pub const DEFAULT_INDENT: usize = 4;
/// Widest body text, in columns; wider panes centre the text.
pub const DEFAULT_MEASURE: usize = 80;

/// How to typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// First-line indent of body paragraphs, in columns.
    pub indent: usize,
    /// Hang `，。、` into a two-column gutter past the right edge instead of pushing a
    /// character down.
    pub hanging: bool,
    /// Avoid a last line holding a single character.
    pub orphan_control: bool,
    /// Width of East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Widest body text, in columns.
    pub measure: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            indent: DEFAULT_INDENT,
            hanging: false,
            orphan_control: true,
            ambiguous: AmbiguousWidth::Narrow,
            measure: DEFAULT_MEASURE,
        }
    }
}

/// One typeset line: `paragraph[start..end]`, drawn after `indent` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypesetLine {
    /// Byte offset of the line's first grapheme in the paragraph.
    pub start: usize,
    /// Byte offset just past its last drawn grapheme (spaces at a break are dropped).
    pub end: usize,
    /// Display width of `paragraph[start..end]`, without the indent.
    pub width: usize,
    /// Columns of indent before the text.
    pub indent: usize,
    /// The line ends with a mark hung into the gutter (it may be `GUTTER` columns wider).
    pub hanging: bool,
    /// The line was cut inside an unbreakable run wider than the line.
    pub forced: bool,
}

impl TypesetLine {
    /// The line's text within `paragraph`.
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        paragraph.get(self.start..self.end).unwrap_or_default()
    }
}

/// Breaks `paragraph` into lines at most `width` columns wide (plus the gutter for a hung
/// mark), the first indented by `options.indent` columns — clamped so one wide glyph still
/// fits.
pub fn typeset(paragraph: &str, width: usize, options: &Options) -> Vec<TypesetLine> {
    let indent = options.indent.min(width.saturating_sub(2));
    fill::fill(paragraph, width.max(1), indent, options)
}

#[cfg(test)]
mod tests;
