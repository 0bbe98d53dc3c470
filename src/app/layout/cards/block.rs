//! Setting one block of a page's stories into screens of balanced columns.

use super::super::balance::{Place, balanced};
use super::super::card_lines::{Measure, card_lines};
use super::{BLOCK, Card, CardLine, FrontPage, SPAN_FROM};
use crate::model::Article;
use crate::search::Dictionary;

/// The cards of block `index` of `page`, screen after screen.
pub(super) fn lay_out(
    page: &FrontPage,
    index: usize,
    articles: &[Article],
    words: Option<&Dictionary>,
) -> Vec<Card> {
    let block = &page.blocks[index];
    let tab = &page.tabs[block.tab];
    let (columns, rows) = (page.columns, page.rows);
    let measure = |span: u16| Measure {
        width: usize::from(
            (span * page.column_width + span - 1)
                .saturating_sub(2)
                .max(1),
        ),
        ambiguous: page.ambiguous,
        words,
    };
    // The column tag is set once, above the first story of its run.
    let with_rubric = |i: usize| {
        i == tab.first
            || articles.get(i - 1).map(|a| &a.rubric) != articles.get(i).map(|a| &a.rubric)
    };
    let (first, end) = (block.first, block.first + block.count);
    let mut lines: Vec<Vec<CardLine>> = (first..end)
        .map(|i| card_lines(&articles[i], with_rubric(i), measure(1), usize::from(rows)))
        .collect();
    let heights: Vec<u16> = lines
        .iter()
        .map(|l| u16::try_from(l.len()).unwrap_or(u16::MAX))
        .collect();
    let mut cards = Vec::with_capacity(block.count);
    let mut screen = index * BLOCK;
    let mut next = first;
    while next < end {
        let mut column_tops = vec![0; usize::from(columns)];
        let card = |article: usize, column: u16, span: u16, y: u16, lines| Card {
            article,
            page: screen,
            tab: block.tab,
            column,
            span,
            y: page.top + y,
            lines,
        };
        if next == tab.first && columns >= SPAN_FROM {
            let lead = card_lines(
                &articles[next],
                with_rubric(next),
                measure(2),
                usize::from(rows),
            );
            let below = u16::try_from(lead.len() + 1).unwrap_or(u16::MAX);
            column_tops[0] = below;
            column_tops[1] = below;
            cards.push(card(next, 0, 2, 0, lead));
            next += 1;
        }
        let mut places = balanced(&heights[next - first..], &column_tops, rows);
        if places.is_empty() && column_tops[0] == 0 {
            // Cannot happen (no card is taller than the screen); never loop for ever.
            places.push(Place { column: 0, y: 0 });
        }
        for (offset, place) in places.iter().enumerate() {
            let at = next + offset;
            let column = u16::try_from(place.column).unwrap_or(0);
            let lines = std::mem::take(&mut lines[at - first]);
            cards.push(card(at, column, 1, place.y, lines));
        }
        next += places.len();
        screen += 1;
    }
    cards
}
