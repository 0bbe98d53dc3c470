//! The front page drawn into `TestBackend`: both samples at 80, 120, 160 and 200 columns, an
//! issue with pages (tabs), rubrics and lead boxes, and the three colour themes.

use std::fmt::Write as _;

use dubao::app::keymap::Keymap;
use dubao::app::{AppState, ThemeKind};
use dubao::io::load::samples;
use dubao::model::{Article, BlockKind, Issue, PageRef};
use ratatui::buffer::Buffer;

use crate::support::{app, press, render, screen};

const SIZES: [(u16, u16); 4] = [(80, 24), (120, 40), (160, 45), (200, 50)];

#[test]
fn both_samples_at_80_120_160_and_200_columns() {
    for (sample, keys) in [(0, ""), (1, "}")] {
        for (width, height) in SIZES {
            let mut app = app(width, height);
            press(&mut app, keys);
            assert_eq!(app.issue, sample);
            insta::assert_snapshot!(
                format!("front_page_sample{sample}_{width}x{height}"),
                screen(&render(&app))
            );
        }
    }
}

/// An issue of two pages, with a column tag over two stories and a lead box.
fn paged_issue() -> Issue {
    let page = |number: u16, name: &str| {
        Some(PageRef {
            number,
            name: Some(name.to_owned()),
        })
    };
    let story = |n: usize, page: Option<PageRef>| Article {
        rubric: (n < 2).then(|| "·聚焦乡村振兴·".to_owned()),
        kicker: (n == 0)
            .then(|| "坚持农业农村优先发展 加快建设农业强国 扎实推进乡村全面振兴".to_owned()),
        title: [
            "稳住粮食生产基本盘",
            "农村道路通到家门口",
            "老街换新颜",
            "夜市点亮小城烟火气",
            "社区食堂受欢迎",
        ][n % 5]
            .to_owned(),
        subtitle: n
            .is_multiple_of(2)
            .then(|| "——来自田间地头和乡镇街道的一线调查报告".to_owned()),
        bylines: vec![format!("本报记者 王{n}")],
        paragraphs: vec![
            "核心阅读".to_owned(),
            "今年以来，各地把粮食生产摆在突出位置。".to_owned(),
            format!(
                "本报讯 第{n}篇的正文从这里开始，记者在现场看到，工人们正在忙碌，一派繁忙景象。"
            ),
        ],
        kinds: vec![BlockKind::Lead, BlockKind::Lead, BlockKind::Paragraph],
        page,
        ..Article::default()
    };
    Issue {
        articles: (0..7)
            .map(|n| {
                story(
                    n,
                    if n < 4 {
                        page(1, "要闻")
                    } else {
                        page(2, "综合")
                    },
                )
            })
            .collect(),
        paper: Some("衡阳日报".to_owned()),
        ..Issue::default()
    }
}

fn paged_app(width: u16, height: u16) -> AppState {
    AppState::new(
        vec![paged_issue()],
        Keymap::default_keymap(),
        ThemeKind::Dark,
        width,
        height,
    )
}

#[test]
fn pages_of_the_issue_are_tabs_and_previews_start_at_the_story() {
    let mut app = paged_app(120, 30);
    let first = screen(&render(&app));
    assert!(
        first.contains("第1版 要闻") && first.contains("第2版 综合"),
        "{first}"
    );
    assert!(
        first.contains("本报讯 第0篇"),
        "the preview skips the lead box:\n{first}"
    );
    assert!(!first.contains("核心阅读"), "{first}");
    assert_eq!(
        first.matches("聚焦乡村振兴").count(),
        1,
        "the tag is set once:\n{first}"
    );
    assert!(!first.contains("老街换新颜") || !first.contains("社区食堂受欢迎"));
    // `>` and `<` too; the key DSL reads `<` as the start of a key name.
    press(&mut app, "gt");
    assert_eq!(app.article, 4);
    let second = screen(&render(&app));
    assert!(second.contains("社区食堂受欢迎"), "{second}");
    press(&mut app, "gt");
    assert_eq!(app.notice, Some(dubao::app::Notice::LastTab));
    press(&mut app, "gT");
    assert_eq!(app.article, 0);
    insta::assert_snapshot!("paged_issue_120x30", first);
    insta::assert_snapshot!("paged_issue_second_page_120x30", second);
}

#[test]
fn the_lead_story_spans_two_columns_from_160_columns() {
    let app = paged_app(160, 30);
    let layout = app.layout().front_page().expect("front page");
    assert_eq!(layout.columns, 4);
    assert_eq!(layout.card(0).map(|c| c.span), Some(2));
    insta::assert_snapshot!("paged_issue_160x30", screen(&render(&app)));
}

#[test]
fn a_small_screen_says_how_many_stories_are_below() {
    let app = paged_app(80, 14);
    let text = screen(&render(&app));
    assert!(text.contains("下面还有"), "{text}");
}

#[test]
fn title_hits_of_the_last_search_are_highlighted() {
    let mut app = app(80, 24);
    let title = samples()[0].articles[1].title.clone();
    let word: String = title.chars().skip(3).take(2).collect();
    let plain = render(&app);
    app.search.last_query = word;
    let marked = render(&app);
    assert_eq!(screen(&plain), screen(&marked), "the same text");
    let found = dubao::ui::theme::Theme::new(app.theme).found;
    let changed: Vec<&str> = plain
        .content()
        .iter()
        .zip(marked.content())
        .filter(|(a, b)| a.style() != b.style())
        .map(|(_, b)| {
            assert_eq!(b.fg, found.fg.unwrap_or_default());
            b.symbol()
        })
        .collect();
    assert!(
        changed.concat().contains(&app.search.last_query),
        "{changed:?}"
    );
}

#[test]
fn the_split_view_headline_list_is_one_readable_column() {
    let mut app = app(120, 40);
    press(&mut app, "<Enter>");
    let layout = app.layout();
    let list = layout.panes.headlines.expect("headline list");
    assert!(list.width >= 48, "{list:?}");
    assert_eq!(layout.front_page().map(|p| p.columns), Some(1));
    press(&mut app, "q");
    assert_eq!(
        app.layout().panes.reader,
        None,
        "back closes the reading pane"
    );
}

/// Each style the screen uses, with the first text drawn in it.
fn styles(buf: &Buffer) -> String {
    let mut seen: Vec<(String, String)> = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let style = format!("fg={:?} bg={:?} {:?}", cell.fg, cell.bg, cell.modifier);
            match seen.iter_mut().find(|(s, _)| *s == style) {
                Some((_, text)) if text.chars().count() < 8 => text.push_str(cell.symbol()),
                Some(_) => {}
                None => seen.push((style, cell.symbol().to_owned())),
            }
        }
    }
    seen.iter().fold(String::new(), |mut out, (s, t)| {
        let _ = writeln!(out, "{s}: {t}");
        out
    })
}

#[test]
fn the_dark_light_and_mono_themes() {
    for kind in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Mono] {
        let mut app = paged_app(80, 24);
        app.theme = kind;
        press(&mut app, "j");
        let buf = render(&app);
        insta::assert_snapshot!(format!("theme_{kind:?}").to_lowercase(), styles(&buf));
    }
}
