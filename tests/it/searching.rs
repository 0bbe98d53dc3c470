//! Search in the app, driven by keys: in-article matches, `n`/`N`, results across issues.

use dubao::app::Screen;

use crate::support::{app, press, render, screen};

#[test]
fn slash_in_an_article_finds_incrementally_and_n_moves_between_matches() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>/电");
    let first = app
        .search
        .finder
        .as_ref()
        .map(|f| f.matches.len())
        .unwrap_or_default();
    press(&mut app, "力");
    let finder = app.search.finder.clone().expect("matches");
    assert!(
        finder.matches.len() > 1 && finder.matches.len() <= first,
        "narrowed as typed"
    );
    press(&mut app, "<Enter>");
    assert!(app.search.prompt.is_none());
    assert_eq!(app.search.finder.as_ref().map(|f| f.current), Some(0));
    press(&mut app, "nn");
    assert_eq!(app.search.finder.as_ref().map(|f| f.current), Some(2));
    press(&mut app, "N");
    assert_eq!(app.search.finder.as_ref().map(|f| f.current), Some(1));
}

#[test]
fn n_past_the_last_match_wraps_and_scrolls_to_it() {
    let mut app = app(60, 12);
    press(&mut app, "<Enter>/电力<Enter>N");
    let finder = app.search.finder.clone().expect("matches");
    assert_eq!(
        finder.current,
        finder.matches.len() - 1,
        "N from the first goes to the last"
    );
    let (rows, _) = app.reader_extent();
    let lines = app.reader_lines();
    let last = finder.matches[finder.current];
    let line = lines
        .iter()
        .position(|l| {
            l.source.is_some_and(|(p, s)| {
                p == last.paragraph && s <= last.start && last.start < s + l.text.len()
            })
        })
        .expect("a line shows the match");
    assert!(
        (app.scroll()..app.scroll() + rows).contains(&line),
        "the match is on screen"
    );
}

#[test]
fn esc_cancels_and_clears_the_highlight() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>/电力<Esc>");
    assert!(app.search.prompt.is_none() && app.search.finder.is_none());
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn not_found_says_so() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>/没有这个词<Enter>");
    assert!(crate::support::status_message(&app).is_some_and(|m| m.contains("找不到")));
}

#[test]
fn search_across_issues_lists_results_and_opens_at_the_first_hit() {
    let mut app = app(80, 24);
    press(&mut app, "S电力");
    assert_eq!(app.screen, Screen::Results);
    let hits = app
        .search
        .results
        .as_ref()
        .map(|r| r.hits.len())
        .unwrap_or_default();
    assert!(hits >= 2);
    press(&mut app, "<Enter>j<Enter>");
    assert_eq!(app.screen, Screen::Reader);
    let second = app
        .search
        .results
        .as_ref()
        .map(|r| r.hits[1].clone())
        .expect("results");
    assert_eq!((app.issue, app.article), (second.issue, second.article));
    let finder = app
        .search
        .finder
        .as_ref()
        .expect("in-article search pre-filled");
    assert_eq!(finder.query, "电力");
    assert!(!finder.matches.is_empty());
}

#[test]
fn a_search_submitted_before_the_index_opens_waits_for_it_on_the_results_screen() {
    let mut app = dubao::app::AppState::new(
        dubao::io::load::samples(),
        dubao::app::keymap::Keymap::default_keymap(),
        dubao::app::ThemeKind::Dark,
        80,
        24,
    );
    press(&mut app, "S电力<Enter>");
    assert_eq!(app.screen, Screen::Results);
    assert!(app.notice.is_none(), "not \"not found\": {:?}", app.notice);
    let shown = screen(&render(&app));
    assert!(shown.contains("词典和索引加载中"), "{shown}");
    crate::support::open_index(&mut app);
    assert_eq!(app.screen, Screen::Results);
    let hits = app.search.results.as_ref().map_or(0, |r| r.hits.len());
    assert!(hits >= 2, "{hits} hits once the index opened");
}

#[test]
fn slash_on_the_front_page_searches_every_issue() {
    let mut app = app(80, 24);
    press(&mut app, "/衡阳");
    assert_eq!(app.screen, Screen::Results);
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Front);
}

#[test]
fn snapshot_of_the_prompt_and_highlighted_reader() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>/电力");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn snapshot_of_the_results_list() {
    let mut app = app(80, 24);
    press(&mut app, "S电力<Enter>");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn matches_are_drawn_in_reverse_video_the_current_one_distinct() {
    use ratatui::style::Modifier;
    let mut app = app(80, 24);
    press(&mut app, "<Enter>/电力<Enter>");
    let buf = render(&app);
    let cells: Vec<_> = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED) && c.symbol() != " ")
        .collect();
    let current = cells
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .count();
    let texts: String = cells.iter().map(|c| c.symbol()).collect();
    assert!(texts.contains("电力"), "{texts}");
    assert_eq!(current, 2, "the current match's two characters stand out");
}

#[test]
fn a_phrase_across_a_column_break_and_a_wrapped_line_is_found_and_highlighted_whole() {
    use dubao::app::keymap::Keymap;
    use dubao::app::{AppState, ThemeKind};
    use ratatui::style::Modifier;
    // The print layout cut "预测" at a column end; the parser joins it again.
    let text =
        "标题\n\n本报讯 一二三四五六七八九十一二三四五六七八九十一二三四五做好负荷预\n\n测工作。\n";
    let issue = dubao::parse::parse("t.txt", text);
    let mut app = AppState::new(
        vec![issue],
        Keymap::default_keymap(),
        ThemeKind::Mono,
        40,
        12,
    );
    press(&mut app, "<Enter>/荷预测工<Enter>");
    let finder = app
        .search
        .finder
        .clone()
        .expect("found across the column break");
    assert_eq!(finder.matches.len(), 1);
    let buf = render(&app);
    // The reading pane's rows: masthead and status line apart.
    let pane = 1..buf.area.height - 1;
    let marked: String = pane
        .clone()
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|p| &buf[p])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED) && c.symbol() != " ")
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(
        marked, "荷预测工",
        "every character of the match is marked, on both lines"
    );
    let rows: Vec<u16> = pane
        .filter(|&y| {
            (0..buf.area.width).any(|x| {
                buf[(x, y)].modifier.contains(Modifier::UNDERLINED) && buf[(x, y)].symbol() != " "
            })
        })
        .collect();
    assert_eq!(
        rows.len(),
        2,
        "the match wraps onto a second line: {rows:?}"
    );
}
