//! The front page's headline cards in newspaper columns, page after page.

use crate::model::{Article, Issue};
use crate::search::Ranker;
use crate::typeset::width::prefix_fitting;
use crate::typeset::{AmbiguousWidth, Options, WordStarts, balanced_in_words, str_width, typeset};

/// The narrowest newspaper column on the front page; below 60 cells there is one column.
const MIN_COLUMN: u16 = 30;
const MAX_COLUMNS: u16 = 4;
/// Lines of the lead paragraph shown on a card.
const LEAD_LINES: usize = 3;
/// Lines of a title shown on a card.
const TITLE_LINES: usize = 3;

/// What a card line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardRole {
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

/// A headline card placed on the front page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub article: usize,
    pub page: usize,
    pub column: u16,
    /// Row within the pane.
    pub y: u16,
    pub lines: Vec<CardLine>,
}

/// The front page: cards in columns, page after page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontPage {
    pub columns: u16,
    pub column_width: u16,
    pub cards: Vec<Card>,
}

impl FrontPage {
    /// The card of `article`.
    pub fn card(&self, article: usize) -> Option<&Card> {
        self.cards.get(article)
    }

    /// The card next to `article`'s in the column `step` away on the same page, by height.
    pub fn beside(&self, article: usize, step: i32) -> Option<usize> {
        let card = self.card(article)?;
        let column = i32::from(card.column) + step;
        let same_page = self
            .cards
            .iter()
            .filter(|c| c.page == card.page && i32::from(c.column) == column);
        same_page
            .min_by_key(|c| c.y.abs_diff(card.y))
            .map(|c| c.article)
    }
}

impl FrontPage {
    /// The article of the card at (`x`, `y`) on the page showing `selected`, when the page is
    /// drawn in `area`.
    pub fn card_at(
        &self,
        area: ratatui::layout::Rect,
        selected: usize,
        x: u16,
        y: u16,
    ) -> Option<usize> {
        let current_page = self.card(selected).map_or(0, |c| c.page);
        let hit = self.cards.iter().find(|c| {
            let left = area.x + c.column * (self.column_width + 1);
            let top = area.y + c.y;
            let height = u16::try_from(c.lines.len()).unwrap_or(u16::MAX);
            c.page == current_page
                && (left..left + self.column_width).contains(&x)
                && (top..top + height).contains(&y)
        });
        hit.map(|c| c.article)
    }
}

/// Number of newspaper columns for a pane `width` cells wide.
pub fn column_count(width: u16) -> u16 {
    if width < 60 {
        1
    } else {
        (width / MIN_COLUMN).clamp(1, MAX_COLUMNS)
    }
}

/// Lays out the cards of `issue` in a pane of `width` × `height`.
pub fn front_page(
    issue: &Issue,
    width: u16,
    height: u16,
    ambiguous: AmbiguousWidth,
    words: Option<&Ranker>,
) -> FrontPage {
    let columns = column_count(width);
    let column_width = (width.saturating_sub(columns - 1) / columns).max(1);
    let text_width = usize::from(column_width.saturating_sub(2).max(1));
    let height = height.max(1);
    let all_lines: Vec<Vec<CardLine>> = issue
        .articles
        .iter()
        .map(|a| card_lines(a, text_width, ambiguous, words))
        .collect();
    let card_height = |lines: &[CardLine]| u16::try_from(lines.len() + 1).unwrap_or(u16::MAX);
    // When everything fits on one screen, balance the columns as a newspaper page does.
    let total: u32 = all_lines.iter().map(|l| u32::from(card_height(l))).sum();
    let tallest = all_lines.iter().map(|l| card_height(l)).max().unwrap_or(1);
    let fill = if total <= u32::from(height) * u32::from(columns) {
        let even = u16::try_from(total.div_ceil(u32::from(columns))).unwrap_or(height);
        even.max(tallest).min(height)
    } else {
        height
    };
    let (mut page, mut column, mut y) = (0, 0, 0u16);
    let mut cards = Vec::with_capacity(issue.articles.len());
    for (index, lines) in all_lines.into_iter().enumerate() {
        let h = card_height(&lines);
        // The last column may run past the balanced height, up to the pane's.
        let last_column = column + 1 == columns;
        if y > 0 && y.saturating_add(h) > fill && (!last_column || y.saturating_add(h) > height) {
            (column, y) = (column + 1, 0);
            if column == columns {
                (page, column) = (page + 1, 0);
            }
        }
        cards.push(Card {
            article: index,
            page,
            column,
            y,
            lines,
        });
        y = y.saturating_add(h);
    }
    FrontPage {
        columns,
        column_width,
        cards,
    }
}

/// The lines of one card: kicker, title (up to three lines), subtitle, bylines, the lead.
fn card_lines(
    article: &Article,
    width: usize,
    ambiguous: AmbiguousWidth,
    words: Option<&Ranker>,
) -> Vec<CardLine> {
    let line = |role, text: &str| CardLine {
        role,
        text: ellipsize(text, width, ambiguous),
    };
    let mut out = Vec::new();
    if let Some(kicker) = article.kicker.as_deref().or(article.rubric.as_deref()) {
        out.push(line(CardRole::Kicker, kicker));
    }
    let plain = Options {
        indent: 0,
        ambiguous,
        orphan_control: false,
        ..Options::default()
    };
    let starts = |text: &str| words.map(|w| w.word_starts(text)).unwrap_or_default();
    let words_fn: Option<WordStarts<'_>> = words.is_some().then_some(&starts);
    let title = balanced_in_words(&article.title, width, &plain, words_fn);
    for (i, l) in title.iter().enumerate().take(TITLE_LINES) {
        let text = if i + 1 == TITLE_LINES && title.len() > TITLE_LINES {
            article.title.get(l.start..).unwrap_or_default()
        } else {
            l.text(&article.title)
        };
        out.push(line(CardRole::Title, text));
    }
    if let Some(subtitle) = &article.subtitle {
        out.push(line(CardRole::Subtitle, subtitle));
    }
    if !article.bylines.is_empty() {
        out.push(line(CardRole::Byline, &article.bylines.join(" ")));
    }
    if let Some(lead) = article.paragraphs.first() {
        let lines = typeset(lead, width, &plain);
        for (i, l) in lines.iter().enumerate().take(LEAD_LINES) {
            let text = if i + 1 == LEAD_LINES && lines.len() > LEAD_LINES {
                lead.get(l.start..).unwrap_or_default()
            } else {
                l.text(lead)
            };
            out.push(line(CardRole::Lead, text));
        }
    }
    out
}

/// `text` cut to `width` cells, ending in `…` when cut.
pub fn ellipsize(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    if str_width(text, ambiguous) <= width {
        return text.to_owned();
    }
    let (prefix, _) = prefix_fitting(text, width.saturating_sub(1), ambiguous);
    format!("{prefix}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(titles: usize) -> Issue {
        let article = |n: usize| Article {
            title: format!("第{n}篇文章的标题"),
            paragraphs: vec!["正文".repeat(40)],
            ..Article::default()
        };
        // A sample's fields apart from the articles, whatever fields an issue has.
        Issue {
            articles: (0..titles).map(article).collect(),
            ..crate::io::load::samples().swap_remove(0)
        }
    }

    #[test]
    fn column_count_follows_the_width() {
        assert_eq!(column_count(40), 1);
        assert_eq!(column_count(59), 1);
        assert_eq!(column_count(80), 2);
        assert_eq!(column_count(200), 4);
    }

    #[test]
    fn cards_fill_columns_then_pages() {
        let page = front_page(&issue(12), 80, 20, AmbiguousWidth::Narrow, None);
        assert_eq!(page.columns, 2);
        assert_eq!(
            (page.cards[0].page, page.cards[0].column, page.cards[0].y),
            (0, 0, 0)
        );
        assert!(page.cards.iter().any(|c| c.column == 1));
        assert!(page.cards.iter().any(|c| c.page == 1));
        for pair in page.cards.windows(2) {
            assert!(
                (pair[1].page, pair[1].column, pair[1].y)
                    > (pair[0].page, pair[0].column, pair[0].y)
            );
        }
    }

    #[test]
    fn beside_finds_the_card_in_the_next_column() {
        let page = front_page(&issue(6), 80, 24, AmbiguousWidth::Narrow, None);
        let right = page.beside(0, 1).expect("a card to the right");
        assert_eq!(page.cards[right].column, 1);
        assert_eq!(page.beside(0, -1), None);
    }

    #[test]
    fn long_text_is_ellipsized_to_the_width() {
        assert_eq!(ellipsize("一二三四五", 6, AmbiguousWidth::Narrow), "一二…");
        assert_eq!(ellipsize("一二", 6, AmbiguousWidth::Narrow), "一二");
    }
}
