//! The front page's headline cards: the issue's pages (版) as tabs, each set in newspaper
//! columns screen after screen. Every story gets a card, cut down to fit when it is taller than
//! the screen; the columns of a screen end as evenly as the cards allow; from
//! [`SPAN_FROM`] columns on, the first story of a page spans two columns.

use super::balance::balanced;
pub use super::card_lines::{CardLine, CardRole, ellipsize};
use super::card_lines::{Measure, card_lines};
use crate::model::Issue;
use crate::search::Ranker;
use crate::typeset::AmbiguousWidth;

/// The most newspaper columns on a screen.
pub const MAX_COLUMNS: u16 = 6;
/// From this many columns on, the lead story of a page spans two of them.
const SPAN_FROM: u16 = 4;

/// A headline card placed on the front page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub article: usize,
    /// The screen it is on (screens are numbered across the tabs).
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

/// The front page: cards in columns, screen after screen, tab after tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontPage {
    pub columns: u16,
    pub column_width: u16,
    pub cards: Vec<Card>,
    pub tabs: Vec<Tab>,
    /// Rows above the cards (the tab row, when the issue has pages).
    pub top: u16,
}

impl FrontPage {
    /// The card of `article`.
    pub fn card(&self, article: usize) -> Option<&Card> {
        self.cards.get(article)
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
        self.cards
            .iter()
            .filter(|c| c.page == card.page && covers(c))
            .min_by_key(|c| c.y.abs_diff(card.y))
            .map(|c| c.article)
    }

    /// Stories of `card`'s tab on the screens before and after its own.
    pub fn elsewhere(&self, card: &Card) -> (usize, usize) {
        let same_tab = self.cards.iter().filter(|c| c.tab == card.tab);
        let before = same_tab.clone().filter(|c| c.page < card.page).count();
        let after = same_tab.filter(|c| c.page > card.page).count();
        (before, after)
    }

    /// The screen `card` is on within its tab (from 0), and the tab's number of screens.
    pub fn screen_in_tab(&self, card: &Card) -> (usize, usize) {
        let pages = || {
            self.cards
                .iter()
                .filter(|c| c.tab == card.tab)
                .map(|c| c.page)
        };
        let first = pages().min().unwrap_or(card.page);
        let last = pages().max().unwrap_or(card.page);
        (card.page - first, last - first + 1)
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
        let current_page = self.card(selected).map_or(0, |c| c.page);
        let hit = self.cards.iter().find(|c| {
            let (left, width) = self.x_and_width(c);
            let (left, top) = (area.x + left, area.y + c.y);
            let height = u16::try_from(c.lines.len()).unwrap_or(u16::MAX);
            c.page == current_page
                && (left..left + width).contains(&x)
                && (top..top + height).contains(&y)
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

/// Lays out the cards of `issue` in a pane of `width` × `height`, in at most `max_columns`
/// columns.
pub fn front_page(
    issue: &Issue,
    size: (u16, u16),
    max_columns: u16,
    ambiguous: AmbiguousWidth,
    words: Option<&Ranker>,
) -> FrontPage {
    let (width, height) = size;
    let columns = column_count(width).clamp(1, max_columns.max(1));
    let column_width = (width.saturating_sub(columns - 1) / columns).max(1);
    let tabs = tabs(issue);
    let top = u16::from(tabs.iter().any(|t| t.number.is_some()));
    // The last row says how many stories are on the other screens.
    let rows = height.saturating_sub(top + 1).max(1);
    let measure = |span: u16| Measure {
        width: usize::from((span * column_width + span - 1).saturating_sub(2).max(1)),
        ambiguous,
        words,
    };
    let articles = &issue.articles;
    // The column tag is set once, above the first story of its run.
    let with_rubric = |i: usize, tab: &Tab| {
        i == tab.first
            || articles.get(i - 1).map(|a| &a.rubric) != articles.get(i).map(|a| &a.rubric)
    };
    let mut cards = Vec::with_capacity(articles.len());
    let mut page = 0;
    for (tab_index, tab) in tabs.iter().enumerate() {
        let end = tab.first + tab.count;
        let lines: Vec<Vec<CardLine>> = (tab.first..end)
            .map(|i| {
                card_lines(
                    &articles[i],
                    with_rubric(i, tab),
                    measure(1),
                    usize::from(rows),
                )
            })
            .collect();
        let mut next = tab.first;
        while next < end {
            let mut column_tops = vec![0; usize::from(columns)];
            let card =
                |article: usize, column: u16, span: u16, y: u16, lines: Vec<CardLine>| Card {
                    article,
                    page,
                    tab: tab_index,
                    column,
                    span,
                    y: top + y,
                    lines,
                };
            if next == tab.first && columns >= SPAN_FROM {
                let lead = card_lines(
                    &articles[next],
                    with_rubric(next, tab),
                    measure(2),
                    usize::from(rows),
                );
                let below = u16::try_from(lead.len() + 1).unwrap_or(u16::MAX);
                column_tops[0] = below;
                column_tops[1] = below;
                cards.push(card(next, 0, 2, 0, lead));
                next += 1;
            }
            let heights: Vec<u16> = lines[next - tab.first..]
                .iter()
                .map(|l| u16::try_from(l.len()).unwrap_or(u16::MAX))
                .collect();
            let mut places = balanced(&heights, &column_tops, rows);
            if places.is_empty() && column_tops[0] == 0 {
                // Cannot happen (no card is taller than the screen); never loop for ever.
                places.push(super::balance::Place { column: 0, y: 0 });
            }
            for (offset, place) in places.iter().enumerate() {
                let index = next + offset;
                let column = u16::try_from(place.column).unwrap_or(0);
                cards.push(card(
                    index,
                    column,
                    1,
                    place.y,
                    lines[index - tab.first].clone(),
                ));
            }
            next += places.len();
            page += 1;
        }
    }
    FrontPage {
        columns,
        column_width,
        cards,
        tabs,
        top,
    }
}

#[cfg(test)]
mod tests;
