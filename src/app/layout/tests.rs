use super::*;
use crate::io::load::samples;
use crate::model::Article;

fn issue(titles: usize) -> Issue {
    let article = |n: usize| Article {
        title: format!("第{n}篇文章的标题"),
        paragraphs: vec!["正文".repeat(40), "第二段。".into()],
        ..Article::default()
    };
    // A sample's fields apart from the articles, whatever fields an issue has.
    Issue {
        articles: (0..titles).map(article).collect(),
        ..samples().swap_remove(0)
    }
}

/// An article of `issues`' first issue open at `width` × 30, the measure as wide.
fn inputs(issues: &Arc<Vec<Issue>>, width: u16) -> Inputs<'_> {
    Inputs {
        width,
        height: 30,
        reading: true,
        beside: false,
        options: Options {
            measure: usize::from(width),
            ..Options::default()
        },
        issues,
        issue: 0,
        article: 0,
        keywords: false,
        words: None,
        script: crate::script::Script::Original,
    }
}

fn laid_out(issues: &Arc<Vec<Issue>>, article: usize, width: u16, keywords: bool) -> Layout {
    let mut layout = Layout::default();
    layout.refresh(&Inputs {
        article,
        keywords,
        ..inputs(issues, width)
    });
    layout
}

/// Every line's place maps back to the line; every character of the body maps to the line
/// that shows it, and that line's place back to the same line.
#[track_caller]
fn assert_round_trips(layout: &Layout, article: &Article, what: &str) {
    let starts = &layout.starts;
    assert_eq!(starts.len(), layout.lines().len(), "{what}");
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "{what}: places grow"
    );
    for (line, &start) in starts.iter().enumerate() {
        // Counted on from the line before, as from the paragraph's start.
        if let Some((paragraph, byte)) = layout.lines()[line].source {
            let text = &article.paragraphs[paragraph];
            let counted = TextPos::in_paragraph(paragraph, text, byte);
            assert_eq!(start, counted, "{what}: line {line}");
        }
        assert_eq!(layout.line_of(start), line, "{what}: line {line}");
        assert_eq!(layout.pos_of(line), start, "{what}: line {line}");
    }
    for (paragraph, text) in article.paragraphs.iter().enumerate() {
        for (char, c) in text.chars().enumerate() {
            let pos = TextPos {
                block: Block::Body(paragraph),
                char,
            };
            let line = layout.line_of(pos);
            let start = layout.pos_of(line);
            assert_eq!(layout.line_of(start), line, "{what}: {pos:?}");
            assert_eq!(
                start.block, pos.block,
                "{what}: {pos:?} on another block's line"
            );
            let shown = layout.lines()[line].text.chars().count();
            assert!(
                pos.char - start.char < shown || c.is_whitespace(),
                "{what}: {pos:?} is not on line {line}"
            );
        }
    }
}

#[test]
fn text_positions_round_trip_through_lines_at_every_width() {
    for issue in samples() {
        let issues = Arc::new(vec![issue]);
        for (index, article) in issues[0].articles.iter().enumerate() {
            for width in 20..=200 {
                let keywords = width % 2 == 0;
                let layout = laid_out(&issues, index, width + 2 * READER_PAD, keywords);
                assert_round_trips(&layout, article, &format!("article {index} at {width}"));
            }
        }
    }
}

#[test]
fn the_first_character_on_screen_stays_on_screen_at_another_width() {
    let issues = Arc::new(samples());
    let longest = (0..issues[0].articles.len())
        .max_by_key(|&a| laid_out(&issues, a, 100, false).lines().len())
        .expect("articles");
    let wide = laid_out(&issues, longest, 100, false);
    let middle = wide.max_scroll() / 2;
    assert!(middle > 2, "a long article");
    let pos = wide.top_at(middle);
    let narrow = laid_out(&issues, longest, 40, false);
    let line = narrow.scroll(pos);
    assert!(
        narrow.pos_of(line) <= pos && pos < narrow.pos_of(line + 1),
        "{pos:?} {line} {:?} {:?}",
        narrow.pos_of(line),
        narrow.pos_of(line + 1)
    );
    let back = laid_out(&issues, longest, 100, false);
    assert_eq!(back.scroll(pos), middle, "and back");
}

#[test]
fn scrolling_stops_at_both_ends() {
    let issues = Arc::new(vec![issue(1)]);
    let layout = laid_out(&issues, 0, 40, false);
    assert_eq!(layout.scrolled(TextPos::START, -3), TextPos::START);
    let bottom = layout.scrolled(TextPos::START, 1000);
    assert_eq!(layout.scroll(bottom), layout.max_scroll());
}

#[test]
fn only_what_changed_is_laid_out_again() {
    let issues = Arc::new(vec![issue(3)]);
    let mut layout = laid_out(&issues, 0, 80, false);
    let second = Inputs {
        article: 1,
        ..inputs(&issues, 80)
    };
    let cards = layout.front_page().cloned();
    layout.refresh(&second);
    assert_eq!(
        layout.front_page().cloned(),
        cards,
        "the cards did not change"
    );
    assert_eq!(layout.text_key.map(|k| k.article), Some(1));
    layout.refresh(&Inputs {
        reading: false,
        beside: false,
        ..second
    });
    assert!(
        layout.lines().is_empty(),
        "no reading pane below the split width"
    );
}

/// Opening an article beside the headlines and closing it again lays out no card again: the
/// full front page's cards are the very ones from before; nor, opened again, the article.
#[test]
fn the_cards_and_the_article_before_are_kept_for_going_back() {
    let issues = Arc::new(vec![issue(30)]);
    let reading = |reading| Inputs {
        reading,
        options: Options::default(),
        ..inputs(&issues, 160)
    };
    let mut layout = Layout::default();
    layout.refresh(&reading(false));
    let front = layout.front.clone();
    layout.refresh(&reading(true));
    let split = layout.front.clone();
    assert_eq!(
        split.as_ref().map(|s| s.columns),
        Some(1),
        "one column beside the article"
    );
    // Held here, so that cards laid out again could never take their place in memory.
    let same = |layout: &Layout, held: &Option<Arc<FrontPage>>| match (&layout.front, held) {
        (Some(now), Some(held)) => Arc::ptr_eq(now, held),
        _ => false,
    };
    let lines = layout.lines().as_ptr();
    layout.refresh(&reading(false));
    assert!(same(&layout, &front), "the same cards");
    assert!(layout.lines().is_empty());
    layout.refresh(&reading(true));
    assert!(same(&layout, &split));
    assert_eq!(layout.lines().as_ptr(), lines, "the same lines");
}

#[test]
fn with_the_segmenter_headlines_break_between_words() {
    let title = "争分夺秒抢抓工期确保重点项目早日投产见效";
    let issues = Arc::new(vec![Issue {
        articles: vec![Article {
            title: title.into(),
            paragraphs: vec!["正文。".into()],
            ..Article::default()
        }],
        ..samples().swap_remove(0)
    }]);
    let dictionary = crate::search::Dictionary::load();
    let starts = dictionary.word_starts(title);
    for width in [24u16, 30, 36] {
        let mut layout = Layout::default();
        layout.refresh(&Inputs {
            options: Options::default(),
            words: Some(&dictionary),
            ..inputs(&issues, width)
        });
        let lines: Vec<&str> = layout
            .lines()
            .iter()
            .filter(|l| l.role == Role::Title)
            .map(|l| l.text.as_str())
            .collect();
        assert!(lines.len() > 1, "width {width}: {lines:?}");
        let mut at = 0;
        for line in &lines {
            assert!(
                starts.contains(&at),
                "width {width}: {lines:?} breaks inside a word"
            );
            at += line.len();
        }
        let cards = super::cards::front_page(
            &issues[0],
            (width, 30),
            1,
            AmbiguousWidth::Narrow,
            Some(&dictionary),
        );
        assert!(cards.cards().next().is_some());
    }
}
