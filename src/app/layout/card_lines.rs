//! What a headline card says: rubric (once above its stories), kicker, title, subtitle,
//! bylines and a preview of the story's text, each wrapped to the card's width and cut only
//! when the card would not fit on the page.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Article, BlockKind};
use crate::search::Dictionary;
use crate::typeset::width::prefix_fitting;
use crate::typeset::{
    AmbiguousWidth, Options, TypesetLine, WordStarts, balanced_in_words, str_width, typeset,
};

/// What a card line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardRole {
    /// The column tag (栏目) over a run of stories: on the first card of the run only.
    Rubric,
    Kicker,
    Title,
    Subtitle,
    Byline,
    Lead,
}

/// One line of a headline card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLine {
    pub role: CardRole,
    pub text: String,
}

/// The most lines each part of a card takes, in the order they are drawn.
const PARTS: [(CardRole, usize); 6] = [
    (CardRole::Rubric, 1),
    (CardRole::Kicker, 2),
    (CardRole::Title, 3),
    (CardRole::Subtitle, 2),
    (CardRole::Byline, 1),
    (CardRole::Lead, 3),
];

/// When a card is taller than the page, parts give up lines in this order (part, lines kept):
/// the preview first, the title last.
const SHRINK: [(CardRole, usize); 9] = [
    (CardRole::Lead, 1),
    (CardRole::Byline, 0),
    (CardRole::Lead, 0),
    (CardRole::Subtitle, 1),
    (CardRole::Kicker, 1),
    (CardRole::Subtitle, 0),
    (CardRole::Kicker, 0),
    (CardRole::Rubric, 0),
    (CardRole::Title, 1),
];

/// Labels (`核心阅读`, `记者手记`) are no longer than this; a lead box's text is.
const LABEL_CHARS: usize = 8;

/// How a card's text is measured and broken.
#[derive(Clone, Copy)]
pub struct Measure<'a> {
    pub width: usize,
    pub ambiguous: AmbiguousWidth,
    pub words: Option<&'a Dictionary>,
}

/// The lines of `article`'s card, at most `max_rows` of them (at least one: the title's).
pub fn card_lines(
    article: &Article,
    with_rubric: bool,
    measure: Measure<'_>,
    max_rows: usize,
) -> Vec<CardLine> {
    let plain = Options {
        indent: 0,
        ambiguous: measure.ambiguous,
        orphan_control: false,
        ..Options::default()
    };
    let width = measure.width.max(1);
    let starts = |text: &str| {
        measure
            .words
            .map(|w| w.word_starts(text))
            .unwrap_or_default()
    };
    let words_fn: Option<WordStarts<'_>> = measure.words.is_some().then_some(&starts);
    let bylines = article.bylines.join(" ");
    let text_of = |role: CardRole| -> Option<&str> {
        let text = match role {
            CardRole::Rubric => article.rubric.as_deref().filter(|_| with_rubric),
            CardRole::Kicker => article.kicker.as_deref(),
            CardRole::Title => Some(article.title.as_str()),
            CardRole::Subtitle => article.subtitle.as_deref(),
            CardRole::Byline => Some(bylines.as_str()),
            CardRole::Lead => preview(article),
        };
        text.filter(|t| !t.trim().is_empty())
    };
    // Each part broken into lines: the title balanced between words, the rest filled.
    let mut parts: Vec<(CardRole, &str, Vec<TypesetLine>, usize)> = PARTS
        .iter()
        .filter_map(|&(role, most)| {
            let text = head(text_of(role)?, (most + 1) * width + 1);
            let lines = match role {
                CardRole::Title => balanced_in_words(text, width, &plain, words_fn),
                CardRole::Byline | CardRole::Rubric => Vec::new(),
                _ => typeset(text, width, &plain),
            };
            let count = if lines.is_empty() {
                1
            } else {
                lines.len().min(most)
            };
            Some((role, text, lines, count))
        })
        .collect();
    let max_rows = max_rows.max(1);
    for (role, keep) in SHRINK {
        if parts.iter().map(|p| p.3).sum::<usize>() <= max_rows {
            break;
        }
        for part in parts.iter_mut().filter(|p| p.0 == role) {
            part.3 = part.3.min(keep);
        }
    }
    let mut out = Vec::new();
    for (role, text, lines, count) in &parts {
        for i in 0..*count {
            let line = if lines.is_empty() {
                ellipsize(text, width, measure.ambiguous)
            } else if let Some(l) = lines.get(i) {
                // The last line shown of a part cut short carries the rest, ellipsized.
                let rest = if i + 1 == *count && lines.len() > *count {
                    text.get(l.start..).unwrap_or_default()
                } else {
                    l.text(text)
                };
                ellipsize(rest, width, measure.ambiguous)
            } else {
                continue;
            };
            out.push(CardLine {
                role: *role,
                text: line,
            });
        }
    }
    out.truncate(max_rows);
    out
}

/// `text` up to its `count`th visible grapheme: more than a part of `count / width - 1` lines
/// shows, and still cut short (a visible grapheme takes a cell at least; spaces may vanish at a
/// break, and zero-width ones count for nothing), so that a story of one 100 MB paragraph
/// costs its card no more than a short one. Never more than 16 × `count` graphemes.
fn head(text: &str, count: usize) -> &str {
    let mut visible = 0;
    for (seen, (at, grapheme)) in text.grapheme_indices(true).enumerate() {
        if visible == count || seen == count.saturating_mul(16) {
            return text.get(..at).unwrap_or(text);
        }
        if !grapheme.trim().is_empty() && str_width(grapheme, AmbiguousWidth::Narrow) > 0 {
            visible += 1;
        }
    }
    text
}

/// The text a card's preview starts at: the story's first paragraph, past lead-box labels
/// (`核心阅读`), sidebar labels, captions and credits; failing that, the first block that is
/// not a label.
pub fn preview(article: &Article) -> Option<&str> {
    let blocks = || {
        article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| (article.kind(i), text.as_str()))
    };
    let story = blocks().find(|&(kind, _)| kind == BlockKind::Paragraph);
    let other = || {
        blocks().find(|&(kind, text)| {
            matches!(kind, BlockKind::Lead | BlockKind::EditorsNote)
                && text.chars().nth(LABEL_CHARS).is_some()
        })
    };
    story.or_else(other).map(|(_, text)| text)
}

/// `text` cut to `width` cells, ending in `…` when cut.
pub fn ellipsize(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    // Measured only as far as the width: `text` may be long.
    if prefix_fitting(text, width, ambiguous).0.len() == text.len() {
        return text.to_owned();
    }
    let ellipsis = str_width("…", ambiguous);
    let (prefix, _) = prefix_fitting(text, width.saturating_sub(ellipsis), ambiguous);
    if ellipsis > width {
        return prefix.to_owned();
    }
    format!("{prefix}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(width: usize) -> Measure<'static> {
        Measure {
            width,
            ambiguous: AmbiguousWidth::Narrow,
            words: None,
        }
    }

    fn story() -> Article {
        Article {
            rubric: Some("·聚焦乡村振兴·".to_owned()),
            kicker: Some("引题写得很长很长很长很长很长很长很长很长很长".to_owned()),
            title: "主标题".to_owned(),
            subtitle: Some("——副题也写得很长很长很长很长很长很长很长很长".to_owned()),
            bylines: vec!["本报记者 王一鸣".to_owned()],
            paragraphs: vec![
                "核心阅读".to_owned(),
                "导读的文字。".to_owned(),
                "正文从这里开始，写得很长很长很长很长很长很长很长很长很长很长。".to_owned(),
            ],
            kinds: vec![BlockKind::Lead, BlockKind::Lead, BlockKind::Paragraph],
            ..Article::default()
        }
    }

    fn texts(lines: &[CardLine], role: CardRole) -> Vec<&str> {
        lines
            .iter()
            .filter(|l| l.role == role)
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn kickers_and_subtitles_wrap_instead_of_being_cut() {
        let lines = card_lines(&story(), true, measure(30), 20);
        let kicker = texts(&lines, CardRole::Kicker);
        assert_eq!(kicker.concat(), story().kicker.unwrap_or_default());
        assert_eq!(kicker.len(), 2);
        assert_eq!(
            texts(&lines, CardRole::Subtitle).concat(),
            story().subtitle.unwrap_or_default()
        );
    }

    #[test]
    fn the_preview_starts_at_the_story_not_at_a_label() {
        let lines = card_lines(&story(), false, measure(30), 20);
        let lead = texts(&lines, CardRole::Lead);
        assert!(lead[0].starts_with("正文从这里开始"), "{lead:?}");
        assert!(texts(&lines, CardRole::Rubric).is_empty());
    }

    #[test]
    fn a_card_taller_than_the_page_keeps_its_title() {
        for rows in 1..12 {
            let lines = card_lines(&story(), true, measure(12), rows);
            assert!(lines.len() <= rows);
            assert!(lines.iter().any(|l| l.role == CardRole::Title), "{rows}");
            assert!(
                lines
                    .iter()
                    .all(|l| str_width(&l.text, AmbiguousWidth::Narrow) <= 12)
            );
        }
    }

    #[test]
    fn long_text_is_ellipsized_to_the_width() {
        assert_eq!(ellipsize("一二三四五", 6, AmbiguousWidth::Narrow), "一二…");
        assert_eq!(ellipsize("一二", 6, AmbiguousWidth::Narrow), "一二");
        assert_eq!(ellipsize("一二", 1, AmbiguousWidth::Narrow), "…");
        assert_eq!(ellipsize("一二", 1, AmbiguousWidth::Wide), "");
    }

    /// Only a card's worth of a long text is typeset: a story of one huge paragraph (or title)
    /// gets the card a story a few lines longer than the card gets, cut short alike.
    #[test]
    fn a_huge_text_gives_the_card_a_long_one_gets() {
        let with = |text: &str| Article {
            title: text.repeat(3),
            paragraphs: vec![text.to_owned()],
            ..Article::default()
        };
        for width in [1, 7, 30] {
            let lines = |text: &str| card_lines(&with(text), false, measure(width), 20);
            let long = lines(&"x".repeat(width * 5));
            assert_eq!(lines(&"x".repeat(400_000)), long, "width {width}");
            assert!(
                long.last().is_some_and(|l| l.text.ends_with('…')),
                "{long:?}"
            );
            // Spaces dropped at a break take no room: the text after them still shows.
            let spaced = format!("abc{}{}", " ".repeat(200), "x".repeat(400_000));
            let preview = texts(&lines(&spaced), CardRole::Lead).concat();
            assert!(width < 4 || preview.contains('x'), "{width}: {preview:?}");
        }
    }
}
