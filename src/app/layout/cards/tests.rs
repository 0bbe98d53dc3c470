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

/// Every card, laid out.
fn cards(page: &FrontPage) -> Vec<Card> {
    page.cards().cloned().collect()
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
    prop_assert_eq!(cards(page).len(), issue.articles.len());
    for (i, card) in cards(page).iter().enumerate() {
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
    for card in &cards(page) {
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
        (
            cards(&page)[0].page,
            cards(&page)[0].column,
            cards(&page)[0].y
        ),
        (0, 0, 0)
    );
    assert!(cards(&page).iter().any(|c| c.column == 1));
    assert!(cards(&page).iter().any(|c| c.page > 0));
    for pair in cards(&page).windows(2) {
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
            cards(&page)
                .iter()
                .filter(|c| c.page == 0 && c.column == column)
                .map(|c| c.y + u16::try_from(c.lines.len()).unwrap_or(0))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let (low, high) = (bottoms.iter().min(), bottoms.iter().max());
    let tallest = cards(&page)
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0);
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
        assert_eq!(cards(&page)[tab.first].span, 2, "tab {:?}", tab.number);
        assert_eq!(cards(&page)[tab.first].y, page.top);
    }
    let narrow = layout(&issue, 120, 45);
    assert!(cards(&narrow).iter().all(|c| c.span == 1));
    assert_eq!(page.beside(0, 1).map(|a| cards(&page)[a].column), Some(2));
}

#[test]
fn a_column_tag_is_set_once_above_its_stories() {
    let issue = issue(8, false);
    let page = layout(&issue, 80, 40);
    let tagged: Vec<usize> = page
        .cards()
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
        let first = &cards(&page)[tab.first];
        assert!(
            cards(&page)
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
    assert_eq!(cards(&page)[right].column, 1);
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

/// A page longer than a block is laid out a block at a time, around the story shown, and
/// each block's cards are the ones laying out the whole page gives.
#[test]
fn a_long_page_is_laid_out_around_the_story_shown() {
    let issue = issue(WHOLE_PAGE + 17, false);
    let full = layout(&issue, 120, 30);
    let lazy = FrontPage::new(&issue, (120, 30), MAX_COLUMNS, AmbiguousWidth::Narrow);
    assert_eq!(lazy.card(0), None);
    let shown = WHOLE_PAGE + 3;
    lazy.lay_out_around(shown, &issue, None);
    assert_eq!(
        lazy.cards().count(),
        BLOCK + 17,
        "its block and the one before"
    );
    assert_eq!(lazy.card(0), None);
    for article in WHOLE_PAGE - BLOCK..issue.articles.len() {
        assert_eq!(lazy.card(article), full.card(article), "story {article}");
    }
    assert_eq!(lazy.screen(shown), full.screen(shown));
    // Unknown until the whole page is laid out; then counted across its blocks.
    assert_eq!(lazy.screen_in_tab(lazy.card(shown).unwrap()), (0, 0));
    let (screen, screens) = full.screen_in_tab(full.card(shown).unwrap());
    assert!(screen > 0 && screen < screens, "{screen}/{screens}");
}

/// A page of a few blocks is laid out whole when any of its stories is shown: its screens are
/// counted as when everything is laid out.
#[test]
fn a_page_of_a_few_blocks_has_its_screens_counted() {
    let issue = issue(BLOCK + 40, false);
    let full = layout(&issue, 80, 24);
    let lazy = FrontPage::new(&issue, (80, 24), MAX_COLUMNS, AmbiguousWidth::Narrow);
    lazy.lay_out_around(3, &issue, None);
    assert_eq!(lazy.cards().count(), issue.articles.len());
    let counted = |page: &FrontPage| page.screen_in_tab(page.card(BLOCK + 5).unwrap());
    assert_eq!(counted(&lazy), counted(&full));
    assert!(counted(&lazy).1 > 1);
}

/// No screen spans two blocks, and the screens before and after lead from each to the next.
#[test]
fn screens_follow_each_other_across_blocks() {
    let issue = issue(BLOCK + 40, false);
    let page = layout(&issue, 80, 24);
    assert_eq!(page.screen(BLOCK).first().map(|c| c.article), Some(BLOCK));
    let mut firsts = vec![0];
    while let Some(next) = page.next_screen(*firsts.last().unwrap()) {
        firsts.push(next);
    }
    assert!(firsts.contains(&BLOCK), "a block starts a screen");
    let all: Vec<usize> = firsts
        .iter()
        .flat_map(|&first| page.screen(first).iter().map(|c| c.article))
        .collect();
    assert_eq!(all, (0..issue.articles.len()).collect::<Vec<_>>());
    for pair in firsts.windows(2) {
        assert_eq!(page.previous_screen(pair[1]), Some(pair[0]));
    }
    assert_eq!(page.previous_screen(0), None);
    let (before, after) = page.elsewhere(page.card(BLOCK).unwrap());
    assert_eq!((before, after + page.screen(BLOCK).len()), (BLOCK, 40));
}
