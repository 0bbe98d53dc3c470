//! The front page's headline cards: the issue's pages (版) as tabs, each set in newspaper
//! columns screen after screen. Every story gets a card, cut down to fit when it is taller than
//! the screen; the columns of a screen end as evenly as the cards allow; from
//! [`SPAN_FROM`] columns on, the first story of a page spans two columns.
//!
//! A page is set a block of [`BLOCK`] stories at a time, when a story of the block is shown, and
//! a screen never spans two blocks: a page of a million stories costs the blocks around the one
//! on screen, not the whole page, on every new size.

use std::sync::OnceLock;

pub use super::card_lines::{CardLine, CardRole, ellipsize};
use crate::model::Issue;
use crate::search::Dictionary;
use crate::typeset::AmbiguousWidth;

/// The most newspaper columns on a screen.
pub const MAX_COLUMNS: u16 = 6;
/// From this many columns on, the lead story of a page spans two of them.
const SPAN_FROM: u16 = 4;
/// Stories set together (see the module's comment).
pub const BLOCK: usize = 500;
/// A page of up to this many stories is laid out whole when shown, so that its screens are
/// counted ("3/7"); a longer one says only how many stories are above and below.
const WHOLE_PAGE: usize = 4 * BLOCK;

mod block;

/// A headline card placed on the front page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub article: usize,
    /// The screen it is on. Screens are numbered in reading order across the tabs, though not
    /// one after another: a block's screens are numbered from its index × [`BLOCK`].
    pub page: usize,
    /// The tab (page of the issue) it belongs to.
    pub tab: usize,
    pub column: u16,
    /// Columns it spans (2 for a page's lead story on a wide screen).
    pub span: u16,
    /// Row within the pane.
    pub y: u16,
    pub lines: Vec<CardLine>,
}

/// A page (版) of the issue: a run of articles the source places on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    /// Its number (版次), when the source says it.
    pub number: Option<u16>,
    /// Its name (版名), when the source says it.
    pub name: Option<String>,
    /// Its first article.
    pub first: usize,
    /// Its number of articles.
    pub count: usize,
}

/// Stories of one tab set together; its cards are laid out when first needed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    first: usize,
    count: usize,
    tab: usize,
    cards: OnceLock<Vec<Card>>,
}

impl Block {
    fn holds(&self, article: usize) -> bool {
        (self.first..self.first + self.count).contains(&article)
    }
}

/// The front page: cards in columns, screen after screen, tab after tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontPage {
    pub columns: u16,
    pub column_width: u16,
    pub tabs: Vec<Tab>,
    /// Rows above the cards (the tab row, when the issue has pages).
    pub top: u16,
    /// Rows the cards of a column may take.
    rows: u16,
    ambiguous: AmbiguousWidth,
    blocks: Vec<Block>,
}

impl FrontPage {
    /// The front page of `issue` in a pane of `width` × `height`, in at most `max_columns`
    /// columns, with no card laid out yet ([`FrontPage::lay_out_around`] does that).
    pub fn new(
        issue: &Issue,
        size: (u16, u16),
        max_columns: u16,
        ambiguous: AmbiguousWidth,
    ) -> Self {
        let (width, height) = size;
        let columns = column_count(width).clamp(1, max_columns.max(1));
        let column_width = (width.saturating_sub(columns - 1) / columns).max(1);
        let tabs = tabs(issue);
        let top = u16::from(tabs.iter().any(|t| t.number.is_some()));
        let blocks = tabs
            .iter()
            .enumerate()
            .flat_map(|(index, tab)| {
                let end = tab.first + tab.count;
                (tab.first..end).step_by(BLOCK).map(move |first| Block {
                    first,
                    count: BLOCK.min(end - first),
                    tab: index,
                    cards: OnceLock::new(),
                })
            })
            .collect();
        Self {
            columns,
            column_width,
            tabs,
            top,
            // The last row says how many stories are on the other screens.
            rows: height.saturating_sub(top + 1).max(1),
            ambiguous,
            blocks,
        }
    }

    /// Lays out the cards of `article`'s block and of the block before it (where the previous
    /// screen may be) — of its whole page when that is no longer than [`WHOLE_PAGE`] — unless
    /// they are already.
    pub fn lay_out_around(&self, article: usize, issue: &Issue, words: Option<&Dictionary>) {
        let at = self.block_index(article);
        // Blocks only, never a walk over all of them: a key must not cost the whole issue.
        let page = self
            .blocks
            .get(at)
            .and_then(|b| self.tabs.get(b.tab))
            .filter(|t| t.count <= WHOLE_PAGE)
            .map_or(0..0, |t| {
                self.block_index(t.first)..self.block_index(t.first + t.count)
            });
        for index in (at.saturating_sub(1)..=at).chain(page) {
            if let Some(block) = self.blocks.get(index) {
                block
                    .cards
                    .get_or_init(|| block::lay_out(self, index, &issue.articles, words));
            }
        }
    }

    /// The cards laid out so far, in reading order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.blocks.iter().filter_map(|b| b.cards.get()).flatten()
    }

    /// The index of the block holding `article` (the number of blocks when none does).
    fn block_index(&self, article: usize) -> usize {
        self.blocks
            .partition_point(|b| b.first + b.count <= article)
    }

    fn block_of(&self, article: usize) -> Option<&Block> {
        let block = self.blocks.get(self.block_index(article))?;
        block.holds(article).then_some(block)
    }

    /// The card of `article`, once its block is laid out.
    pub fn card(&self, article: usize) -> Option<&Card> {
        let block = self.block_of(article)?;
        block.cards.get()?.get(article - block.first)
    }

    /// The cards of the screen showing `article` (none until its block is laid out).
    pub fn screen(&self, article: usize) -> &[Card] {
        let Some(block) = self.block_of(article) else {
            return &[];
        };
        let Some(cards) = block.cards.get() else {
            return &[];
        };
        let Some(page) = cards.get(article - block.first).map(|c| c.page) else {
            return &[];
        };
        let start = cards.partition_point(|c| c.page < page);
        let end = cards.partition_point(|c| c.page <= page);
        &cards[start..end]
    }

    /// The first story of the screen after `article`'s.
    pub fn next_screen(&self, article: usize) -> Option<usize> {
        let next = self.screen(article).last()?.article + 1;
        self.blocks.last().filter(|b| next < b.first + b.count)?;
        Some(next)
    }

    /// The first story of the screen before `article`'s.
    pub fn previous_screen(&self, article: usize) -> Option<usize> {
        let before = self.screen(article).first()?.article.checked_sub(1)?;
        self.screen(before).first().map(|c| c.article)
    }

    /// Whether the issue's pages are shown as tabs (the source states pages).
    pub fn has_tabs(&self) -> bool {
        self.top > 0
    }

    /// Column of the pane where `card` starts, and its width in cells.
    pub fn x_and_width(&self, card: &Card) -> (u16, u16) {
        let x = card.column * (self.column_width + 1);
        let width = card.span * self.column_width + card.span.saturating_sub(1);
        (x, width)
    }

    /// The card next to `article`'s in the column `step` away on the same screen, by height.
    pub fn beside(&self, article: usize, step: i32) -> Option<usize> {
        let card = self.card(article)?;
        let column = if step > 0 {
            i32::from(card.column + card.span) + step - 1
        } else {
            i32::from(card.column) + step
        };
        let covers =
            |c: &Card| (i32::from(c.column)..i32::from(c.column + c.span)).contains(&column);
        self.screen(article)
            .iter()
            .filter(|c| covers(c))
            .min_by_key(|c| c.y.abs_diff(card.y))
            .map(|c| c.article)
    }

    /// Stories of `card`'s tab on the screens before and after its own.
    pub fn elsewhere(&self, card: &Card) -> (usize, usize) {
        let shown = self.screen(card.article);
        let first = shown.first().map_or(card.article, |c| c.article);
        let last = shown.last().map_or(card.article, |c| c.article);
        self.tabs.get(card.tab).map_or((0, 0), |tab| {
            (
                first - tab.first,
                (tab.first + tab.count).saturating_sub(last + 1),
            )
        })
    }

    /// The screen `card` is on within its tab (from 0), and the tab's number of screens; (0,
    /// 0) while part of the tab is not laid out (a page of thousands of stories).
    pub fn screen_in_tab(&self, card: &Card) -> (usize, usize) {
        let (mut before, mut total) = (0, 0);
        for block in self.blocks.iter().filter(|b| b.tab == card.tab) {
            let Some(cards) = block.cards.get() else {
                return (0, 0);
            };
            let (Some(first), Some(last)) = (cards.first(), cards.last()) else {
                continue;
            };
            if block.holds(card.article) {
                before = total + card.page - first.page;
            }
            total += last.page - first.page + 1;
        }
        (before, total)
    }

    /// The article of the card at (`x`, `y`) on the screen showing `selected`, when the page
    /// is drawn in `area`.
    pub fn card_at(
        &self,
        area: ratatui::layout::Rect,
        selected: usize,
        x: u16,
        y: u16,
    ) -> Option<usize> {
        let hit = self.screen(selected).iter().find(|c| {
            let (left, width) = self.x_and_width(c);
            let (left, top) = (area.x + left, area.y + c.y);
            let height = u16::try_from(c.lines.len()).unwrap_or(u16::MAX);
            (left..left + width).contains(&x) && (top..top + height).contains(&y)
        });
        hit.map(|c| c.article)
    }
}

/// Number of newspaper columns for a pane `width` cells wide: one below 60 cells, then one
/// more every 40 (2 at 80, 3 at 120, 4 at 160, 5 at 200).
pub fn column_count(width: u16) -> u16 {
    if width < 60 {
        1
    } else {
        (2 + (width - 60) / 40).min(MAX_COLUMNS)
    }
}

/// The issue's pages, in the order its articles come; one tab with no number when the source
/// states none.
pub fn tabs(issue: &Issue) -> Vec<Tab> {
    let mut tabs: Vec<Tab> = Vec::new();
    for (index, article) in issue.articles.iter().enumerate() {
        let number = article.page.as_ref().map(|p| p.number);
        match tabs.last_mut() {
            Some(tab) if tab.number == number => {
                tab.count += 1;
                if tab.name.is_none() {
                    tab.name = article.page.as_ref().and_then(|p| p.name.clone());
                }
            }
            _ => tabs.push(Tab {
                number,
                name: article.page.as_ref().and_then(|p| p.name.clone()),
                first: index,
                count: 1,
            }),
        }
    }
    tabs
}

/// The front page of `issue` with every card laid out.
pub fn front_page(
    issue: &Issue,
    size: (u16, u16),
    max_columns: u16,
    ambiguous: AmbiguousWidth,
    words: Option<&Dictionary>,
) -> FrontPage {
    let page = FrontPage::new(issue, size, max_columns, ambiguous);
    for (index, block) in page.blocks.iter().enumerate() {
        block
            .cards
            .get_or_init(|| block::lay_out(&page, index, &issue.articles, words));
    }
    page
}

#[cfg(test)]
mod tests;
