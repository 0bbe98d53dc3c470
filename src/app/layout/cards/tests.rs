use proptest::prelude::*;

use super::*;
use crate::model::{Article, BlockKind, PageRef};
use crate::typeset::str_width;

/// An issue of `count` stories of varied lengths; with `pages`, three stories a page, a column
/// tag over every other pair.
fn issue(count: usize, pages: bool) -> Issue {
    let article = |n: usize| Article {
        rubric: (n % 4 < 2).then(|| "·专栏·".to_owned()),
        kicker: n.is_multiple_of(3).then(|| "引题".repeat(n % 7 + 1)),
        title: format!("第{n}篇文章的标题{}", "很长".repeat(n % 9)),
        subtitle: n.is_multiple_of(2).then(|| "——副题".repeat(n % 5 + 1)),
        bylines: vec!["本报记者 王一鸣".to_owned()],
        paragraphs: vec!["核心阅读".to_owned(), "正文".repeat(10 + n * 7 % 50)],
        kinds: vec![BlockKind::Lead, BlockKind::Paragraph],
        page: pages.then(|| PageRef {
            number: u16::try_from(n / 3 + 1).unwrap_or(0),
            name: Some("要闻".to_owned()),
        }),
        ..Article::default()
    };
    Issue {
        articles: (0..count).map(article).collect(),
        ..Issue::default()
    }
}

fn layout(issue: &Issue, width: u16, height: u16) -> FrontPage {
    front_page(
        issue,
        (width, height),
        MAX_COLUMNS,
        AmbiguousWidth::Narrow,
        None,
    )
}

/// The cells of the pane each card covers.
fn cells(page: &FrontPage, card: &Card) -> Vec<(u16, u16)> {
    let (x, width) = page.x_and_width(card);
    let rows = u16::try_from(card.lines.len()).unwrap_or(u16::MAX);
    (card.y..card.y + rows)
        .flat_map(|y| (x..x + width).map(move |x| (x, y)))
        .collect()
}

/// Every story has a card, within the pane, with every line within the card's width, and no
/// two cards of a screen overlap.
fn check(issue: &Issue, page: &FrontPage, width: u16, height: u16) -> Result<(), TestCaseError> {
    prop_assert_eq!(page.cards.len(), issue.articles.len());
    for (i, card) in page.cards.iter().enumerate() {
        prop_assert_eq!(card.article, i);
        prop_assert!(!card.lines.is_empty());
        let (x, card_width) = page.x_and_width(card);
        prop_assert!(x + card_width <= width.max(page.column_width));
        let bottom = card.y + u16::try_from(card.lines.len()).unwrap_or(u16::MAX);
        prop_assert!(
            bottom < height.max(page.top + 2),
            "card {} ends at {}",
            i,
            bottom
        );
        for line in &card.lines {
            let w = str_width(&line.text, AmbiguousWidth::Narrow);
            prop_assert!(
                w + 2 <= usize::from(card_width).max(3),
                "{:?} in {}",
                line.text,
                card_width
            );
        }
    }
    let mut seen = std::collections::HashMap::new();
    for card in &page.cards {
        for cell in cells(page, card) {
            if let Some(other) = seen.insert((card.page, cell), card.article) {
                prop_assert!(
                    false,
                    "cards {} and {} overlap at {:?}",
                    other,
                    card.article,
                    cell
                );
            }
        }
    }
    Ok(())
}

#[test]
fn column_count_follows_the_width() {
    assert_eq!(column_count(40), 1);
    assert_eq!(column_count(59), 1);
    assert_eq!(column_count(80), 2);
    assert_eq!(column_count(120), 3);
    assert_eq!(column_count(160), 4);
    assert_eq!(column_count(200), 5);
    assert_eq!(column_count(u16::MAX), MAX_COLUMNS);
}

#[test]
fn cards_fill_columns_then_screens_in_reading_order() {
    let issue = issue(12, false);
    let page = layout(&issue, 80, 20);
    assert_eq!(page.columns, 2);
    assert_eq!(
        (page.cards[0].page, page.cards[0].column, page.cards[0].y),
        (0, 0, 0)
    );
    assert!(page.cards.iter().any(|c| c.column == 1));
    assert!(page.cards.iter().any(|c| c.page > 0));
    for pair in page.cards.windows(2) {
        let key = |c: &Card| (c.page, c.column, c.y);
        assert!(key(&pair[1]) > key(&pair[0]));
    }
}

#[test]
fn the_columns_of_a_full_screen_end_near_each_other() {
    let issue = issue(30, false);
    let page = layout(&issue, 120, 40);
    // The min-max fill leaves every column but the last within a card of the longest.
    let bottoms: Vec<u16> = (0..page.columns - 1)
        .map(|column| {
            page.cards
                .iter()
                .filter(|c| c.page == 0 && c.column == column)
                .map(|c| c.y + u16::try_from(c.lines.len()).unwrap_or(0))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let (low, high) = (bottoms.iter().min(), bottoms.iter().max());
    let tallest = page.cards.iter().map(|c| c.lines.len()).max().unwrap_or(0);
    assert!(
        usize::from(high.unwrap_or(&0) - low.unwrap_or(&0)) <= tallest + 1,
        "{bottoms:?}"
    );
}

#[test]
fn from_160_columns_the_lead_spans_two_columns_on_each_page() {
    let issue = issue(9, true);
    let page = layout(&issue, 160, 45);
    assert_eq!(page.columns, 4);
    assert!(page.has_tabs());
    assert_eq!(page.tabs.len(), 3);
    for tab in &page.tabs {
        assert_eq!(page.cards[tab.first].span, 2, "tab {:?}", tab.number);
        assert_eq!(page.cards[tab.first].y, page.top);
    }
    let narrow = layout(&issue, 120, 45);
    assert!(narrow.cards.iter().all(|c| c.span == 1));
    assert_eq!(page.beside(0, 1).map(|a| page.cards[a].column), Some(2));
}

#[test]
fn a_column_tag_is_set_once_above_its_stories() {
    let issue = issue(8, false);
    let page = layout(&issue, 80, 40);
    let tagged: Vec<usize> = page
        .cards
        .iter()
        .filter(|c| c.lines.iter().any(|l| l.role == CardRole::Rubric))
        .map(|c| c.article)
        .collect();
    assert_eq!(tagged, [0, 4]);
}

#[test]
fn each_page_of_the_issue_starts_a_screen() {
    let issue = issue(9, true);
    let page = layout(&issue, 80, 40);
    for tab in &page.tabs {
        let first = &page.cards[tab.first];
        assert!(
            page.cards
                .iter()
                .filter(|c| c.page == first.page)
                .all(|c| c.tab == first.tab)
        );
    }
}

#[test]
fn beside_finds_the_card_in_the_next_column() {
    let issue = issue(6, false);
    let page = layout(&issue, 80, 40);
    let right = page.beside(0, 1).expect("a card to the right");
    assert_eq!(page.cards[right].column, 1);
    assert_eq!(page.beside(0, -1), None);
}

#[test]
fn the_samples_fit_at_the_usual_sizes() {
    for sample in crate::io::load::samples() {
        for (width, height) in [(80, 22), (120, 38), (160, 43), (200, 48), (44, 30), (20, 4)] {
            let page = layout(&sample, width, height);
            check(&sample, &page, width, height).expect("sound layout");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_story_gets_a_card_and_none_overlap(
        count in 0usize..40,
        pages in any::<bool>(),
        width in 20u16..240,
        height in 3u16..60,
    ) {
        let issue = issue(count, pages);
        let page = layout(&issue, width, height);
        check(&issue, &page, width, height)?;
    }
}
