//! A whole article laid out for reading: the headline block centred, bylines, then indented
//! paragraphs within the measure, centred in wide panes.

use unicode_segmentation::UnicodeSegmentation;

use super::{GUTTER, Options, TypesetLine, typeset};
use crate::model::{Article, BlockKind};

/// What a laid-out line shows; views pick a style for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Rubric,
    Kicker,
    Title,
    Subtitle,
    Byline,
    /// Keywords of the article (added by the reader).
    Keywords,
    Body,
    /// A typed body block other than a paragraph (subheading, lead, caption…).
    Block(BlockKind),
    Blank,
}

/// One line of a laid-out article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    pub role: Role,
    pub text: String,
    /// Columns of space before the text (centring, margin and indent together).
    pub column: usize,
    /// Display width of `text`.
    pub width: usize,
    /// For body lines: the paragraph index and the byte offset of `text` in it.
    pub source: Option<(usize, usize)>,
}

impl ArticleLine {
    fn blank() -> Self {
        Self {
            role: Role::Blank,
            text: String::new(),
            column: 0,
            width: 0,
            source: None,
        }
    }
}

/// Lays out `article` for a pane `width` columns wide.
pub fn layout_article(article: &Article, width: usize, options: &Options) -> Vec<ArticleLine> {
    layout_article_with(article, width, options, None)
}

/// [`layout_article`], breaking headlines between the words a segmenter finds.
pub fn layout_article_with(
    article: &Article,
    width: usize,
    options: &Options,
    words: Option<WordStarts<'_>>,
) -> Vec<ArticleLine> {
    let width = width.max(1);
    // Hung marks need the gutter inside the pane.
    let room = if options.hanging && width > GUTTER + 2 {
        width - GUTTER
    } else {
        width
    };
    let measure = room.min(options.measure.max(8));
    let margin = (room - measure) / 2;
    let mut out = Vec::new();

    let head = [
        (Role::Rubric, article.rubric.as_deref()),
        (Role::Kicker, article.kicker.as_deref()),
        (Role::Title, Some(article.title.as_str())),
        (Role::Subtitle, article.subtitle.as_deref()),
    ];
    let centred = Options {
        indent: 0,
        hanging: false,
        ..*options
    };
    let push_centred = |out: &mut Vec<ArticleLine>, role: Role, text: &str| {
        for line in balanced_in_words(text, measure, &centred, words) {
            out.push(ArticleLine {
                role,
                text: line.text(text).to_owned(),
                column: margin + measure.saturating_sub(line.width) / 2,
                width: line.width,
                source: None,
            });
        }
    };
    for (role, text) in head {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            push_centred(&mut out, role, text);
        }
    }
    if !article.bylines.is_empty() {
        out.push(ArticleLine::blank());
        push_centred(&mut out, Role::Byline, &article.bylines.join("　"));
    }
    let unindented = Options {
        indent: 0,
        ..*options
    };
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        out.push(ArticleLine::blank());
        let (role, options) = match article.kind(index) {
            BlockKind::Paragraph => (Role::Body, options),
            // Subheadings, labels and credits stand flush, as they are set in print.
            kind @ (BlockKind::Subheading | BlockKind::SidebarLabel | BlockKind::PhotoCredit) => {
                (Role::Block(kind), &unindented)
            }
            kind => (Role::Block(kind), options),
        };
        for line in typeset(paragraph, measure, options) {
            out.push(ArticleLine {
                role,
                text: line.text(paragraph).to_owned(),
                column: margin + line.indent,
                width: line.width,
                source: Some((index, line.start)),
            });
        }
    }
    out
}

/// Where a headline may break: before each word, as a segmenter finds them (byte offsets of
/// word starts). Without one, only spaces, punctuation and script changes are known breaks.
pub type WordStarts<'a> = &'a dyn Fn(&str) -> Vec<usize>;

/// Centred text (a headline) broken into as few lines as at full `width`, but of even length:
/// the narrowest width that needs no more lines (line counts only fall as the width grows).
/// Headlines set in phrases (`稳步推进 扎实工作`) break between phrases when each fits; others
/// break between words (never `争分|夺秒`) when `words` is given or spaces and punctuation
/// suffice, and anywhere the rules allow only when nothing else fits.
pub fn balanced(text: &str, width: usize, options: &Options) -> Vec<TypesetLine> {
    balanced_in_words(text, width, options, None)
}

/// [`balanced`], with the word starts of a segmenter.
pub fn balanced_in_words(
    text: &str,
    width: usize,
    options: &Options,
    words: Option<WordStarts<'_>>,
) -> Vec<TypesetLine> {
    if let Some(phrases) = phrase_lines(text, width, options) {
        return narrowest(phrases.len(), width, |w| {
            phrase_lines(text, w, options).unwrap_or_default()
        });
    }
    let starts = words.map(|words| words(text)).unwrap_or_default();
    let keep = |at: usize| starts.binary_search(&at).is_ok() || at_script_or_mark_edge(text, at);
    let in_words = |w: usize| super::fill::fill_where(text, w, 0, options, &keep);
    let lines = in_words(width);
    if lines.iter().any(|l| l.forced) {
        let lines = typeset(text, width, options);
        return narrowest(lines.len(), width, |w| typeset(text, w, options));
    }
    narrowest(lines.len(), width, |w| {
        let lines = in_words(w);
        if lines.iter().any(|l| l.forced) {
            Vec::new()
        } else {
            lines
        }
    })
}

/// The lines `fill` makes at the narrowest width that needs no more than `count` lines.
fn narrowest(
    count: usize,
    width: usize,
    fill: impl Fn(usize) -> Vec<TypesetLine>,
) -> Vec<TypesetLine> {
    if count < 2 {
        return fill(width);
    }
    let (mut low, mut high) = (1, width);
    while low < high {
        let mid = usize::midpoint(low, high);
        let lines = fill(mid).len();
        if lines > 0 && lines <= count {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    fill(high)
}

/// A break at `at` falls between words whatever the language: next to a space or a mark, or
/// where Han text meets Latin letters or digits.
fn at_script_or_mark_edge(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (
        text.get(..at).and_then(|t| t.chars().next_back()),
        text.get(at..).and_then(|t| t.chars().next()),
    ) else {
        return true;
    };
    let word = |c: char| crate::parse::is_han(c) || c.is_alphanumeric();
    !word(before) || !word(after) || crate::parse::is_han(before) != crate::parse::is_han(after)
}

/// Lines made of whole space-separated phrases, if the text has phrases and each fits.
fn phrase_lines(text: &str, width: usize, options: &Options) -> Option<Vec<TypesetLine>> {
    let phrases: Vec<(usize, &str)> = text
        .split(char::is_whitespace)
        .scan(0, |at, phrase| {
            let start = *at;
            *at += phrase.len()
                + text
                    .get(*at + phrase.len()..)?
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, phrase))
        })
        .filter(|(_, phrase)| !phrase.is_empty())
        .collect();
    // A space with a combining mark on it, or after a prepended mark (U+0603), is one
    // grapheme, not a break: no phrases then.
    let graphemes: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let boundary = |at: usize| graphemes.binary_search(&at).is_ok();
    if phrases.len() < 2
        || phrases
            .iter()
            .any(|&(start, phrase)| !boundary(start) || !boundary(start + phrase.len()))
    {
        return None;
    }
    let measure = |start: usize, end: usize| {
        super::str_width(text.get(start..end).unwrap_or_default(), options.ambiguous)
    };
    let mut lines: Vec<TypesetLine> = Vec::new();
    for (start, phrase) in phrases {
        let end = start + phrase.len();
        if measure(start, end) > width {
            return None;
        }
        // The width of the line as it would stand, spaces between the phrases counted.
        match lines.last_mut() {
            Some(line) if measure(line.start, end) <= width => {
                line.end = end;
                line.width = measure(line.start, end);
            }
            _ => lines.push(TypesetLine {
                start,
                end,
                width: measure(start, end),
                indent: 0,
                hanging: false,
                forced: false,
            }),
        }
    }
    Some(lines)
}

/// The laid-out article as plain text, one `String` per line, without trailing spaces.
pub fn plain_lines(lines: &[ArticleLine]) -> impl Iterator<Item = String> + '_ {
    lines.iter().map(|l| {
        if l.text.is_empty() {
            String::new()
        } else {
            format!("{}{}", " ".repeat(l.column), l.text)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            kicker: Some("引题——".into()),
            title: "主标题".into(),
            bylines: vec!["本报记者 张三".into()],
            paragraphs: vec!["第一段正文。".into(), "第二段。".into()],
            ..Article::default()
        }
    }

    #[test]
    fn headline_is_centred_and_paragraphs_indented() {
        let lines = layout_article(&article(), 40, &Options::default());
        let text: Vec<String> = plain_lines(&lines).collect();
        assert_eq!(
            text,
            vec![
                "                 引题——",
                "                 主标题",
                "",
                "             本报记者 张三",
                "",
                "    第一段正文。",
                "",
                "    第二段。",
            ]
        );
        assert_eq!(lines[5].source, Some((0, 0)));
    }

    #[test]
    fn typed_blocks_keep_their_kind_and_subheadings_stand_flush() {
        let mut article = article();
        article.paragraphs.insert(1, "小标题".into());
        article.kinds = vec![
            BlockKind::Paragraph,
            BlockKind::Subheading,
            BlockKind::Paragraph,
        ];
        let lines = layout_article(&article, 40, &Options::default());
        let sub = lines
            .iter()
            .find(|l| l.text == "小标题")
            .expect("subheading");
        assert_eq!(sub.role, Role::Block(BlockKind::Subheading));
        assert_eq!(sub.column, 0);
        assert_eq!(sub.source, Some((1, 0)));
    }

    #[test]
    fn wide_panes_centre_the_measure() {
        let options = Options {
            measure: 20,
            ..Options::default()
        };
        let lines = layout_article(&article(), 60, &options);
        let body = lines
            .iter()
            .find(|l| l.role == Role::Body)
            .map(|l| l.column);
        assert_eq!(body, Some(20 + 4));
    }
}
