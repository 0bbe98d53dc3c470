//! Display width, in terminal cells — the only place in the crate that measures text.
//!
//! East Asian Ambiguous characters (`“”‘’—…·■①`) are one cell on most terminals and two on
//! terminals set to treat them as wide; the mode chosen here must match the renderer's.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How wide East Asian Ambiguous characters are drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmbiguousWidth {
    /// One cell: the default of nearly every terminal.
    #[default]
    Narrow,
    /// Two cells: terminals set to "ambiguous = wide" (common among CJK users).
    Wide,
}

/// Width of one grapheme cluster. Controls count zero (they are never drawn raw).
pub fn grapheme_width(grapheme: &str, mode: AmbiguousWidth) -> usize {
    if grapheme.chars().any(char::is_control) {
        return 0;
    }
    match mode {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => grapheme.width_cjk(),
    }
}

/// Width of a string: the sum of its grapheme clusters' widths.
pub fn str_width(text: &str, mode: AmbiguousWidth) -> usize {
    text.graphemes(true).map(|g| grapheme_width(g, mode)).sum()
}

/// The longest prefix of `text` that fits in `max_width` cells, ending on a grapheme boundary,
/// and its width.
pub fn prefix_fitting(text: &str, max_width: usize, mode: AmbiguousWidth) -> (&str, usize) {
    let mut width = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g, mode);
        if width + w > max_width {
            return (text.get(..at).unwrap_or(text), width);
        }
        width += w;
    }
    (text, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn han_and_full_width_marks_are_two_cells() {
        assert_eq!(str_width("本报讯，", Narrow), 8);
        assert_eq!(str_width("本报讯，", Wide), 8);
    }

    #[test]
    fn ambiguous_marks_follow_the_mode() {
        assert_eq!(str_width("“——”", Narrow), 4);
        assert_eq!(str_width("“——”", Wide), 8);
        assert_eq!(str_width("■①·…", Wide), 8);
        assert_eq!(str_width("15.87%", Wide), 6);
    }

    #[test]
    fn graphemes_are_measured_whole() {
        assert_eq!(str_width("e\u{301}", Narrow), 1);
        assert_eq!(str_width("👨\u{200d}👩\u{200d}👧", Narrow), 2);
        assert_eq!(grapheme_width("\u{1b}", Narrow), 0);
    }

    #[test]
    fn prefixes_end_on_grapheme_boundaries() {
        assert_eq!(prefix_fitting("中文abc", 3, Narrow), ("中", 2));
        assert_eq!(prefix_fitting("中文abc", 5, Narrow), ("中文a", 5));
        assert_eq!(prefix_fitting("ab", 9, Narrow), ("ab", 2));
    }
}
