//! The front page's cards and the keyword line keep within their width on any text, pane and
//! width mode: every story gets a card, every card line fits its card (the card's width less
//! its margin), no card runs past the pane's last row, and `ellipsize` (the keyword line's and
//! the cards' cut) never passes its width and keeps the start of the text.
//!
//! Input: width, height and flags bytes, then the stories, separated by blank lines: kicker,
//! title, subtitle and paragraphs, a line each.

#![no_main]

use dubao::app::layout::{ellipsize, front_page};
use dubao::model::{Article, BlockKind, Issue, PageRef};
use dubao::typeset::{AmbiguousWidth, str_width};
use libfuzzer_sys::fuzz_target;

const KINDS: [BlockKind; 4] = [
    BlockKind::Paragraph,
    BlockKind::Lead,
    BlockKind::Caption,
    BlockKind::EditorsNote,
];

fn story(n: usize, text: &str, pages: bool) -> Article {
    let mut lines = text.split('\n');
    let kicker = lines.next().map(str::to_owned);
    let title = lines.next().unwrap_or_default().to_owned();
    let subtitle = lines.next().map(str::to_owned);
    let paragraphs: Vec<String> = lines.map(str::to_owned).collect();
    // The first byte of a paragraph picks its kind (the preview skips lead-box labels).
    let kinds = paragraphs
        .iter()
        .map(|p| KINDS[usize::from(p.bytes().next().unwrap_or(0)) % KINDS.len()])
        .collect();
    Article {
        rubric: (n % 3 == 0).then(|| format!("栏目{}", n % 2)),
        kicker,
        title,
        subtitle,
        bylines: vec![format!("本报记者 {n}")],
        paragraphs,
        kinds,
        page: pages.then(|| PageRef {
            number: u16::try_from(n / 3 + 1).unwrap_or(0),
            name: None,
        }),
        ..Article::default()
    }
}

fuzz_target!(|bytes: &[u8]| {
    let [width, height, flags, rest @ ..] = bytes else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let ambiguous = if flags & 1 != 0 {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    let (width, height) = (u16::from(*width), u16::from(*height % 64));
    let columns = u16::from(flags >> 1 & 0b111);
    let pages = flags & 0b1_0000 != 0;
    let articles: Vec<Article> = text
        .split("\n\n")
        .take(64)
        .enumerate()
        .map(|(n, t)| story(n, t, pages))
        .collect();
    let issue = Issue {
        articles,
        ..Issue::default()
    };
    let page = front_page(&issue, (width, height), columns, ambiguous, None);
    assert_eq!(page.cards().count(), issue.articles.len());
    for (article, card) in page.cards().enumerate() {
        assert_eq!(card.article, article);
        let (_, card_width) = page.x_and_width(card);
        let limit = usize::from(card_width).saturating_sub(2).max(1);
        for line in &card.lines {
            let shown = str_width(&line.text, ambiguous);
            assert!(shown <= limit, "{line:?} is {shown} wide in {limit}");
        }
        let bottom = usize::from(card.y) + card.lines.len();
        assert!(
            bottom < usize::from(height.max(page.top + 2)),
            "card {article} ends at {bottom} of {height}"
        );
    }
    let cut = ellipsize(&text, usize::from(width), ambiguous);
    assert!(str_width(&cut, ambiguous) <= usize::from(width), "{cut:?}");
    assert!(text.starts_with(cut.trim_end_matches('…')), "{cut:?}");
});
