//! A Chinese reader's tools, driven through `update`: dates at the `:` prompt, the script
//! toggle, search across scripts and by pinyin, and the outline.

use dubao::app::keymap::Keymap;
use dubao::app::layout::{Block, TextPos};
use dubao::app::{AppState, Notice, Screen, ThemeKind};
use dubao::model::{Article, BlockKind, Issue, IssueDate};
use dubao::script::Script;
use dubao::search::fold;

use crate::support::{press, render, screen, status_message};

fn day(y: u16, m: u8, d: u8) -> IssueDate {
    IssueDate::new(y, m, d).expect("a real day")
}

fn article(title: &str, paragraphs: &[&str]) -> Article {
    Article {
        title: title.into(),
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        ..Article::default()
    }
}

fn issue(date: Option<IssueDate>, articles: Vec<Article>) -> Issue {
    Issue {
        date,
        articles,
        ..Issue::default()
    }
}

/// The app on `issues`, with the index in memory of them open.
fn app_on(issues: Vec<Issue>, width: u16, height: u16) -> AppState {
    let mut app = AppState::new(
        issues,
        Keymap::default_keymap(),
        ThemeKind::Dark,
        width,
        height,
    );
    crate::support::open_index(&mut app);
    app
}

/// Three dated issues, listed out of date order, and one without a date.
fn library() -> AppState {
    let issues = [
        Some(day(2020, 2, 21)),
        Some(day(2020, 2, 18)),
        None,
        Some(day(2020, 3, 1)),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, date)| issue(date, vec![article(&format!("第{i}期头条"), &["正文。"])]))
    .collect();
    app_on(issues, 80, 24)
}

fn date_of(app: &AppState) -> Option<IssueDate> {
    app.current_issue().and_then(|i| i.date)
}

#[test]
fn a_typed_day_opens_its_issue() {
    let mut app = library();
    for (typed, want) in [
        ("2020-02-18", day(2020, 2, 18)),
        ("20200301", day(2020, 3, 1)),
        ("2020年2月21日", day(2020, 2, 21)),
        ("2月18日", day(2020, 2, 18)),
    ] {
        press(&mut app, &format!(":{typed}<Enter>"));
        assert_eq!(date_of(&app), Some(want), "{typed}");
        assert_eq!(app.notice, None, "{typed}");
        assert_eq!(app.screen, Screen::Front);
    }
    // 1日 of the current issue's month (March 2020).
    press(&mut app, ":20200305<Enter>:1日<Enter>");
    assert_eq!(date_of(&app), Some(day(2020, 3, 1)));
}

#[test]
fn a_day_without_an_issue_opens_the_nearest_and_says_so() {
    let mut app = library();
    press(&mut app, ":2020-02-19<Enter>");
    assert_eq!(date_of(&app), Some(day(2020, 2, 18)));
    assert_eq!(
        app.notice,
        Some(Notice::NearestIssue {
            asked: day(2020, 2, 19),
            shown: day(2020, 2, 18)
        })
    );
    let words = status_message(&app).unwrap_or_default();
    assert!(
        words.contains("2020-02-19") && words.contains("2020-02-18"),
        "{words}"
    );
    // 28日 of February: nearer 3月1日 than 2月21日.
    press(&mut app, ":28日<Enter>");
    assert_eq!(date_of(&app), Some(day(2020, 3, 1)));
    press(&mut app, ":明天<Enter>");
    assert_eq!(app.notice, Some(Notice::NoIssueOn("明天".into())));
    assert_eq!(date_of(&app), Some(day(2020, 3, 1)), "nothing moved");
}

#[test]
fn minus_and_plus_one_step_through_issues_in_date_order() {
    let mut app = library();
    assert_eq!(date_of(&app), Some(day(2020, 2, 21)));
    press(&mut app, ":-1<Enter>");
    assert_eq!(
        date_of(&app),
        Some(day(2020, 2, 18)),
        "listed after, dated before"
    );
    press(&mut app, ":-1<Enter>");
    assert_eq!(app.notice, Some(Notice::FirstIssue));
    assert_eq!(date_of(&app), Some(day(2020, 2, 18)));
    press(&mut app, ":+2<Enter>");
    assert_eq!(date_of(&app), Some(day(2020, 3, 1)));
    press(&mut app, ":+1<Enter>");
    assert_eq!(app.notice, Some(Notice::LastIssue));
}

/// A long article in simplified characters, most of them with a traditional form.
fn long_simplified() -> Vec<Issue> {
    let paragraph = "各地有序推进复工复产，经济发展稳中向好，电力供应保障有力，东西南北协调联动。";
    let paragraphs: Vec<String> = (0..40).map(|i| format!("第{i}段：{paragraph}")).collect();
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    vec![issue(None, vec![article("复工复产进展顺利", &paragraphs)])]
}

/// The text of the reading pane's first row (80 columns: no headline pane beside it).
fn first_line(app: &AppState) -> String {
    screen(&render(app))
        .lines()
        .nth(1)
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{259f}').contains(c))
        .collect()
}

#[test]
fn t_shows_simplified_then_traditional_then_the_original_and_keeps_the_place() {
    let mut app = app_on(long_simplified(), 80, 24);
    press(&mut app, "<Enter>");
    press(&mut app, "<Space><Space>jjj");
    // A line of text at the top, not the blank between two paragraphs.
    while first_line(&app).chars().count() < 10 {
        press(&mut app, "j");
    }
    let place = app.reading;
    let before = first_line(&app);
    assert!(matches!(place.block, Block::Body(_)), "{place:?}");
    assert!(before.contains("复工") || before.contains("经济") || before.contains("电力"));

    press(&mut app, "t");
    assert_eq!(app.script, Script::Simplified);
    assert_eq!(app.notice, Some(Notice::Script(Script::Simplified)));
    assert_eq!(
        first_line(&app),
        before,
        "simplified text is shown as it is"
    );

    press(&mut app, "t");
    assert_eq!(app.script, Script::Traditional);
    assert_eq!(app.reading, place, "the same place");
    let after = first_line(&app);
    assert_ne!(after, before, "converted");
    assert_eq!(fold(&after), fold(&before), "the same text");
    let paragraph = app
        .shown_article()
        .and_then(|a| a.paragraphs.iter().find(|p| p.contains(&after)));
    assert!(
        paragraph.is_some(),
        "{after} is text of the converted article"
    );
    assert!(
        screen(&render(&app)).contains("繁体"),
        "the status line says so"
    );

    press(&mut app, "t");
    assert_eq!(app.script, Script::Original);
    assert_eq!(app.reading, place);
    assert_eq!(first_line(&app), before);
}

#[test]
fn the_masthead_and_the_issue_list_are_shown_in_the_script_too() {
    let mut issues = long_simplified();
    issues[0].paper = Some("经济时报".into());
    let mut app = app_on(issues, 100, 24);
    let masthead = |app: &AppState| {
        screen(&render(app))
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(masthead(&app).contains("经济时报"), "{}", masthead(&app));
    press(&mut app, "tt");
    assert_eq!(app.script, Script::Traditional);
    assert!(masthead(&app).contains("經濟時報"), "{}", masthead(&app));
    press(&mut app, "i");
    let list = screen(&render(&app));
    assert!(list.contains("復工復產進展順利"), "{list}");
}

#[test]
fn the_traditional_variant_comes_from_the_settings() {
    let mut app = app_on(long_simplified(), 80, 24);
    app.traditional = Script::Taiwan;
    press(&mut app, "<Enter>tt");
    assert_eq!(app.script, Script::Taiwan);
    assert!(screen(&render(&app)).contains("台湾"));
}

#[test]
fn search_matches_across_scripts_and_highlights_the_text_shown() {
    let mut app = app_on(
        vec![issue(
            None,
            vec![article("經濟新聞", &["各地有序復工，經濟發展向好。"])],
        )],
        80,
        24,
    );
    press(&mut app, "<Enter>/复工<Enter>");
    let finder = app.search.finder.clone().expect("a search");
    assert_eq!(finder.matches.len(), 1, "复工 finds 復工");
    let m = finder.matches[0];
    let text = &app.shown_article().expect("open").paragraphs[m.paragraph];
    assert_eq!(text.get(m.start..m.end), Some("復工"));
    // Shown in simplified, the match is the simplified text on screen.
    press(&mut app, "t");
    let finder = app.search.finder.clone().expect("kept");
    let m = finder.matches[0];
    let text = &app.shown_article().expect("open").paragraphs[m.paragraph];
    assert_eq!(text.get(m.start..m.end), Some("复工"));
    assert!(screen(&render(&app)).contains("各地有序复工"));
}

#[test]
fn global_search_finds_both_scripts_and_pinyin_after_hanzi() {
    let issues = vec![issue(
        None,
        vec![
            article("各地有序復工", &["經濟發展。"]),
            article("简讯", &["今天天气很好。"]),
            article("复工复产", &["简体的正文。"]),
            article("发展规划", &["正文提到 FG 型号。"]),
        ],
    )];
    let mut app = app_on(issues, 80, 24);
    press(&mut app, "/发展<Enter>");
    let found: Vec<usize> = app
        .search
        .results
        .as_ref()
        .expect("results")
        .hits
        .iter()
        .map(|h| h.article)
        .collect();
    assert_eq!(found.len(), 2, "發展 and 发展: {found:?}");

    press(&mut app, "<Esc>/fg<Enter>");
    let hits = &app.search.results.as_ref().expect("results").hits;
    let order: Vec<(usize, bool)> = hits.iter().map(|h| (h.article, h.by_pinyin)).collect();
    assert_eq!(
        order[0],
        (3, false),
        "the letters themselves first: {order:?}"
    );
    let spelled: Vec<usize> = order.iter().filter(|(_, p)| *p).map(|(a, _)| *a).collect();
    assert_eq!(spelled.len(), 2, "復工 and 复工 by pinyin: {order:?}");
    assert!(spelled.contains(&0) && spelled.contains(&2));
    let drawn = screen(&render(&app));
    assert!(drawn.contains("拼音"), "pinyin hits are labelled:\n{drawn}");

    press(&mut app, "<Esc>/fugong<Enter>");
    let hits = &app.search.results.as_ref().expect("results").hits;
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.by_pinyin));
}

#[test]
fn pinyin_finds_words_in_the_open_article() {
    let mut app = app_on(
        vec![issue(
            None,
            vec![article("题", &["各地有序复工。", "复工以后，经济发展。"])],
        )],
        80,
        24,
    );
    press(&mut app, "<Enter>/fg<Enter>");
    let finder = app.search.finder.clone().expect("a search");
    assert_eq!(finder.matches.len(), 2);
    press(&mut app, "/jingjifazhan<Enter>");
    let finder = app.search.finder.clone().expect("a search");
    let m = finder.matches[0];
    let text = &app.shown_article().expect("open").paragraphs[m.paragraph];
    assert_eq!(text.get(m.start..m.end), Some("经济发展"));
}

/// A feature with a lead box, two subheadings and a sidebar, each section long.
fn feature() -> Vec<Issue> {
    let body = "会议强调，要坚持稳中求进工作总基调，推动高质量发展取得新成效，群众获得感不断增强。";
    let mut paragraphs: Vec<(String, BlockKind)> = vec![
        ("核心阅读".into(), BlockKind::Lead),
        ("今年以来，各地加快推进重点项目。".into(), BlockKind::Lead),
    ];
    for head in ["一、稳字当头", "二、进字为先"] {
        paragraphs.push((head.into(), BlockKind::Subheading));
        paragraphs.extend((0..6).map(|i| (format!("{head}第{i}段。{body}"), BlockKind::Paragraph)));
    }
    paragraphs.push(("记者手记".into(), BlockKind::SidebarLabel));
    paragraphs.extend((0..4).map(|i| (format!("手记第{i}段。{body}"), BlockKind::Paragraph)));
    let (texts, kinds): (Vec<String>, Vec<BlockKind>) = paragraphs.into_iter().unzip();
    vec![issue(
        None,
        vec![Article {
            title: "重点项目建设提速".into(),
            paragraphs: texts,
            kinds,
            ..Article::default()
        }],
    )]
}

#[test]
fn the_outline_lists_the_sections_and_jumps_to_one() {
    let mut app = app_on(feature(), 80, 24);
    press(&mut app, "<Enter>o");
    assert_eq!(app.outline, Some(0));
    insta::assert_snapshot!(screen(&render(&app)));
    press(&mut app, "jj<Enter>");
    assert_eq!(app.outline, None);
    let top = app.layout().pos_of(app.scroll());
    assert_eq!(
        top,
        TextPos {
            block: Block::Body(9),
            char: 0
        },
        "二、进字为先"
    );
    assert!(first_line(&app).contains("二、进字为先"));
    let drawn = screen(&render(&app));
    let status = drawn.lines().last().unwrap_or_default();
    assert!(status.contains("§ 二、进字为先"), "{status}");
    // Esc and q close it without moving.
    press(&mut app, "o");
    assert_eq!(app.outline, Some(2), "opens at the current section");
    press(&mut app, "k<Esc>");
    assert_eq!(app.outline, None);
    assert_eq!(app.layout().pos_of(app.scroll()), top);
    press(&mut app, "oq");
    assert_eq!((app.outline, app.screen), (None, Screen::Reader));
}

#[test]
fn an_article_without_sections_says_so() {
    let mut app = app_on(vec![issue(None, vec![article("题", &["正文。"])])], 80, 24);
    press(&mut app, "<Enter>o");
    assert_eq!(
        (app.outline, app.notice.clone()),
        (None, Some(Notice::NoOutline))
    );
}

#[test]
fn copying_takes_the_script_on_screen() {
    let mut app = app_on(
        vec![issue(
            None,
            vec![article("复工", &["各地有序复工，经济发展。"])],
        )],
        80,
        24,
    );
    press(&mut app, "<Enter>");
    let clip = dubao::app::copy::clip(&app, dubao::app::CopyKind::Paragraph).expect("a clip");
    let original = dubao::ui::clip::text(&app, &clip).expect("text");
    assert!(original.contains("复工"));
    // Original → simplified → traditional.
    press(&mut app, "tt");
    let shown = dubao::ui::clip::text(&app, &clip).expect("text");
    assert!(shown.contains("復工") && shown.contains("發展"), "{shown}");
}
