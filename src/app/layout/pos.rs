//! A place in an article's text, independent of the terminal's size and of the measure.

/// A block of an article's text: its head (rubric, headline, bylines, keywords) or a
/// paragraph of its body. The head comes first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Block {
    #[default]
    Head,
    /// Paragraph `n` (from 0) of the body.
    Body(usize),
}

/// A place in the text: a block and a character offset in it (characters, not bytes nor
/// columns, so it names the same character whatever the width it is laid out at).
///
/// The reader keeps the first character on screen as a `TextPos`; line numbers are derived
/// from it through the current [`Layout`](super::Layout).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextPos {
    pub block: Block,
    pub char: usize,
}

impl TextPos {
    /// The start of the article.
    pub const START: Self = Self {
        block: Block::Head,
        char: 0,
    };

    /// The character at `byte` of paragraph `paragraph`, whose text is `text` (a byte offset
    /// inside a character counts as that character).
    pub fn in_paragraph(paragraph: usize, text: &str, byte: usize) -> Self {
        Self {
            block: Block::Body(paragraph),
            char: text
                .char_indices()
                .take_while(|&(i, c)| i + c.len_utf8() <= byte)
                .count(),
        }
    }

    /// The byte offset of this place in `text`, its block's text (its end when past it).
    pub fn byte_in(self, text: &str) -> usize {
        text.char_indices()
            .nth(self.char)
            .map_or(text.len(), |(i, _)| i)
    }

    /// The paragraph this place is in, if it is in the body.
    pub fn paragraph(self) -> Option<usize> {
        match self.block {
            Block::Head => None,
            Block::Body(n) => Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_and_characters_convert_both_ways() {
        let text = "电力a供应";
        let pos = TextPos::in_paragraph(3, text, 7);
        assert_eq!(
            pos,
            TextPos {
                block: Block::Body(3),
                char: 3
            }
        );
        assert_eq!(pos.byte_in(text), 7);
        assert_eq!(
            TextPos::in_paragraph(0, text, 1).char,
            0,
            "inside a character"
        );
        assert_eq!(TextPos::in_paragraph(0, text, 99).byte_in(text), text.len());
    }

    #[test]
    fn the_head_comes_before_the_body() {
        let head = TextPos {
            block: Block::Head,
            char: 500,
        };
        assert!(head < TextPos::in_paragraph(0, "", 0));
        assert!(TextPos::in_paragraph(0, "一二", 6) < TextPos::in_paragraph(1, "", 0));
    }
}
