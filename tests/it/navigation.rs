//! `update` driven by key strings, with assertions on the state.

use dubao::app::{Effect, Screen};

use crate::support::{app, press};

#[test]
fn j_and_k_move_between_headlines() {
    let mut app = app(80, 24);
    press(&mut app, "jj");
    assert_eq!(app.article, 2);
    press(&mut app, "k<Up>");
    assert_eq!(app.article, 0);
    press(&mut app, "kk");
    assert_eq!(app.article, 0, "stops at the first headline");
}

#[test]
fn enter_opens_and_q_goes_back_then_quits() {
    let mut app = app(80, 24);
    press(&mut app, "j<Enter>");
    assert_eq!((app.screen, app.article), (Screen::Reader, 1));
    assert_eq!(press(&mut app, "q"), Effect::None);
    assert_eq!(app.screen, Screen::Front);
    assert_eq!(press(&mut app, "q"), Effect::Quit);
}

#[test]
fn capital_q_quits_from_anywhere() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>");
    assert_eq!(press(&mut app, "Q"), Effect::Quit);
}

#[test]
fn scrolling_in_the_reader_by_line_page_and_half_page() {
    let mut app = app(60, 14);
    press(&mut app, "<Enter>jjj");
    assert_eq!(app.scroll(), 3);
    press(&mut app, "k");
    assert_eq!(app.scroll(), 2);
    let (rows, lines) = app.reader_extent();
    assert!(lines > rows * 3, "a long article");
    press(&mut app, "g g<Space>");
    assert_eq!(
        app.scroll(),
        rows - 1,
        "a page is the pane's height less one line"
    );
    press(&mut app, "b");
    assert_eq!(app.scroll(), 0);
    press(&mut app, "<C-d>");
    assert_eq!(app.scroll(), (rows - 1) / 2 + 1);
    press(&mut app, "G");
    assert_eq!(
        app.scroll(),
        lines - rows,
        "G shows the last line at the bottom"
    );
    press(&mut app, "jjj<PageDown>");
    assert_eq!(app.scroll(), lines - rows, "no scrolling past the end");
}

#[test]
fn brackets_move_between_articles_inside_the_reader() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>jj]");
    assert_eq!(
        (app.screen, app.article, app.scroll()),
        (Screen::Reader, 1, 0)
    );
    press(&mut app, "[[[");
    assert_eq!(app.article, 0);
}

#[test]
fn braces_move_between_issues() {
    let mut app = app(80, 24);
    press(&mut app, "jj}");
    assert_eq!((app.issue, app.article), (1, 0));
    press(&mut app, "}");
    assert_eq!(app.issue, 1, "no issue after the last");
    press(&mut app, "{");
    assert_eq!(app.issue, 0);
}

#[test]
fn the_issue_list_opens_an_issue() {
    let mut app = app(80, 24);
    press(&mut app, "ij<Enter>");
    assert_eq!((app.screen, app.issue), (Screen::Front, 1));
}

#[test]
fn h_and_l_move_between_columns_and_l_opens_from_the_last() {
    let mut app = app(100, 30);
    press(&mut app, "l");
    assert_eq!(app.screen, Screen::Front);
    assert!(app.article > 0, "moved to the next column");
    press(&mut app, "h");
    assert_eq!(app.article, 0);
    press(&mut app, "llll");
    assert_eq!(app.screen, Screen::Reader);
    press(&mut app, "h");
    assert_eq!(app.screen, Screen::Front);
}

#[test]
fn g_g_waits_for_its_second_key_and_shows_it() {
    let mut app = app(80, 24);
    press(&mut app, "jjg");
    assert_eq!(app.pending, "g");
    assert_eq!(app.article, 2);
    press(&mut app, "g");
    assert_eq!((app.pending.as_str(), app.article), ("", 0));
    press(&mut app, "g<Esc>");
    assert_eq!(app.pending, "");
    assert_eq!(app.screen, Screen::Front, "Esc only cancelled the sequence");
}

#[test]
fn the_split_view_switches_focus_with_tab() {
    let mut app = app(120, 16);
    press(&mut app, "j<Tab>");
    assert_eq!((app.screen, app.article), (Screen::Reader, 1));
    press(&mut app, "j");
    assert_eq!(app.scroll(), 1, "j scrolls the focused article");
    press(&mut app, "<Tab>j");
    assert_eq!((app.screen, app.article), (Screen::Front, 2));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(80, 12);
    press(&mut app, "?");
    assert_eq!(app.help, Some(0));
    press(&mut app, "jj");
    assert_eq!(app.help, Some(2));
    assert_eq!(app.article, 0, "keys go to the help while it is open");
    press(&mut app, "<Esc>");
    assert_eq!(app.help, None);
    press(&mut app, "<F1>?");
    assert_eq!(app.help, None);
}

#[test]
fn the_measure_widens_narrows_and_resets() {
    let mut app = app(80, 24);
    press(&mut app, "--");
    assert_eq!(app.options.measure, 72);
    press(&mut app, "+");
    assert_eq!(app.options.measure, 76);
    press(&mut app, "=");
    assert_eq!(app.options.measure, 80);
}

#[test]
fn full_width_keys_from_an_input_method_work() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>】】【");
    assert_eq!(app.article, 1);
    press(&mut app, "？");
    assert!(app.help.is_some());
}

#[test]
fn resizing_keeps_the_scroll_in_range() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>G");
    dubao::app::update(&mut app, dubao::app::Action::Resize(200, 60));
    let (rows, lines) = app.reader_extent();
    assert!(app.scroll() <= lines.saturating_sub(rows));
    for (w, h) in [(1, 1), (5, 3), (30, 8), (0, 0)] {
        dubao::app::update(&mut app, dubao::app::Action::Resize(w, h));
        crate::support::render(&app);
    }
}

#[test]
fn mouse_wheel_scrolls_and_a_click_opens_the_card_under_it() {
    use dubao::app::{Action, update};
    let mut app = app(60, 12);
    // Two columns of 29 cells; the second column's first card starts below the masthead.
    update(&mut app, Action::Click(35, 2));
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.article > 0, "the card in the second column");
    update(&mut app, Action::Scroll(3));
    assert_eq!(app.scroll(), 3);
    update(&mut app, Action::Scroll(-3));
    assert_eq!(app.scroll(), 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..proptest::prelude::ProptestConfig::default() })]

    /// Any keys at any size: no panic, and every frame draws.
    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in proptest::collection::vec(proptest::sample::select(vec![
            "j", "k", "h", "l", "<Enter>", "<Esc>", "q", "G", "g", "<Space>", "b", "d", "u", "]", "[", "}", "{",
            "<Tab>", "?", "+", "-", "=", "/", "电", "力", "S", "n", "N", "1", "i", "r", "R", "m", "B", ":", "<PageDown>",
        ]), 0..40),
        width in 1u16..160,
        height in 1u16..50,
    ) {
        let mut app = app(width, height);
        for key in keys {
            press(&mut app, key);
            crate::support::render(&app);
        }
        dubao::app::update(&mut app, dubao::app::Action::Resize(width / 2 + 1, height / 3 + 1));
        crate::support::render(&app);
    }
}

/// The character at the top of the reading pane: paragraph and character offset.
fn first_visible(app: &dubao::app::AppState) -> (usize, usize) {
    let (paragraph, byte) = app.reader_lines()[app.scroll()]
        .source
        .expect("body text at the top");
    let text = &app.current_article().expect("an article").paragraphs[paragraph];
    (
        paragraph,
        text.get(..byte).expect("a boundary").chars().count(),
    )
}

/// Whether the line at the top of the pane shows that character.
fn on_top_line(app: &dubao::app::AppState, (paragraph, char): (usize, usize)) -> bool {
    let line = &app.reader_lines()[app.scroll()];
    let text = &app.current_article().expect("an article").paragraphs[paragraph];
    line.source.is_some_and(|(p, byte)| {
        let start = text.get(..byte).map_or(0, |t| t.chars().count());
        p == paragraph && (start..start + line.text.chars().count()).contains(&char)
    })
}

#[test]
fn resizing_and_the_measure_keep_the_first_visible_character_on_the_top_line() {
    use dubao::app::keymap::Keymap;
    use dubao::app::{Action, AppState, ThemeKind, update};
    // One long article (every sample paragraph), a little way in: not at its end, where the
    // last line stays at the bottom.
    let text = format!(
        "长文章\n\n{}\n",
        crate::support::sample_paragraphs().join("\n\n")
    );
    let issue = dubao::parse::parse("long.txt", &text);
    let mut app = AppState::new(
        vec![issue],
        Keymap::default_keymap(),
        ThemeKind::Dark,
        100,
        40,
    );
    press(&mut app, "<Enter><C-d>jj");
    let (rows, lines) = app.reader_extent();
    assert!(app.scroll() + rows < lines, "room below");
    let place = first_visible(&app);
    let line = app.scroll();
    update(&mut app, Action::Resize(60, 30));
    assert!(on_top_line(&app, place), "at 60×30");
    assert_ne!(app.scroll(), line, "another line number for the same text");
    update(&mut app, Action::Resize(100, 40));
    assert_eq!((first_visible(&app), app.scroll()), (place, line), "back");
    for keys in ["--", "+++", "="] {
        press(&mut app, keys);
        assert!(on_top_line(&app, place), "after {keys}");
    }
    assert_eq!(app.scroll(), line);
}

#[test]
fn the_measure_moves_within_the_range_the_configuration_accepts() {
    let mut app = app(80, 24);
    for _ in 0..100 {
        press(&mut app, "+");
    }
    assert_eq!(
        app.options.measure,
        *dubao::app::MEASURE_RANGE.end(),
        "up to the configuration's widest"
    );
    for _ in 0..200 {
        press(&mut app, "-");
    }
    assert_eq!(app.options.measure, *dubao::app::MEASURE_RANGE.start());
    let config = dubao::io::config::Config::parse("measure = 400\n", std::path::Path::new("c"));
    assert!(config.is_ok(), "and the configuration takes the widest");
}

#[test]
fn esc_never_quits_and_colon_q_does() {
    let mut app = app(80, 24);
    assert_eq!(press(&mut app, "<Esc><Esc>"), Effect::None);
    assert_eq!(app.screen, Screen::Front);
    press(&mut app, "<Enter><Esc>");
    assert_eq!(app.screen, Screen::Front, "Esc goes back from an article");
    assert_eq!(press(&mut app, ":q<Enter>"), Effect::Quit);
}

#[test]
fn back_from_a_result_returns_to_the_list_with_its_query_and_selection() {
    let mut app = app(80, 24);
    press(&mut app, "S电力<Enter>j<Enter>");
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.search.finder.is_some());
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Results);
    assert!(app.search.finder.is_none(), "no stale match counter");
    let results = app.search.results.clone().expect("results kept");
    assert_eq!((results.query.as_str(), results.selected), ("电力", 1));
    press(&mut app, "<Enter>q");
    assert_eq!(app.screen, Screen::Results, "q goes back to the list too");
    press(&mut app, "q");
    assert_eq!(app.screen, Screen::Front);
    press(&mut app, "S");
    let prompt = app.search.prompt.clone().expect("prompt");
    assert_eq!(prompt.input, "电力", "S offers the last query");
    press(&mut app, "<C-u>");
    assert_eq!(
        app.search.prompt.as_ref().map(|p| p.input.as_str()),
        Some("")
    );
}

#[test]
fn back_from_a_bookmark_returns_to_the_bookmark_list() {
    let mut app = app(80, 24);
    press(&mut app, "jm");
    assert_eq!(
        crate::support::status_message(&app).as_deref(),
        Some("已加书签")
    );
    press(&mut app, "B<Enter>");
    assert_eq!((app.screen, app.article), (Screen::Reader, 1));
    press(&mut app, "q");
    assert_eq!(app.screen, Screen::Results);
    assert!(app.search.results.as_ref().is_some_and(|r| r.bookmarks));
}

#[test]
fn counts_repeat_motions_and_article_jumps() {
    let mut app = app(80, 24);
    press(&mut app, "2j");
    assert_eq!(app.article, 2);
    press(&mut app, "gg<Enter>");
    press(&mut app, "5j");
    let five = app.scroll();
    press(&mut app, "gg");
    press(&mut app, "jjjjj");
    assert_eq!(app.scroll(), five, "5j is five j");
    press(&mut app, "3]");
    assert_eq!(app.article, 3);
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn ctrl_f_b_e_y_page_and_scroll_like_vim() {
    let mut app = app(60, 12);
    press(&mut app, "<Enter><Space>");
    let page = app.scroll();
    press(&mut app, "gg<C-f>");
    assert_eq!(app.scroll(), page);
    assert!(page > 1, "{page}");
    press(&mut app, "<C-e><C-e>");
    assert_eq!(app.scroll(), page + 2);
    press(&mut app, "<C-y><C-b>");
    assert_eq!(app.scroll(), 1);
}

#[test]
fn the_ends_of_brackets_and_braces_say_so() {
    let mut app = app(80, 24);
    let message = |app: &dubao::app::AppState| crate::support::status_message(app);
    press(&mut app, "[");
    assert_eq!(message(&app).as_deref(), Some("已是第一篇"));
    press(&mut app, "9]");
    assert_eq!(app.article, 3);
    assert_eq!(message(&app).as_deref(), Some("已是最后一篇"));
    press(&mut app, "{");
    assert_eq!(message(&app).as_deref(), Some("已是第一期"));
    press(&mut app, "}}");
    assert_eq!(message(&app).as_deref(), Some("已是最后一期"));
}

#[test]
fn marks_confirm_in_the_status_line() {
    let mut app = app(80, 24);
    let message = |app: &dubao::app::AppState| crate::support::status_message(app);
    press(&mut app, "r");
    assert_eq!(message(&app).as_deref(), Some("已标为已读"));
    press(&mut app, "r");
    assert_eq!(message(&app).as_deref(), Some("已标为未读"));
    press(&mut app, "R");
    assert!(message(&app).is_some_and(|m| m.contains("整期已读")));
}

#[test]
fn copy_keys_name_what_to_copy() {
    use dubao::app::CopyKind;
    let mut app = app(80, 24);
    let Effect::Copy(clip) = press(&mut app, "<Enter>Y") else {
        panic!("Y copies");
    };
    assert_eq!((clip.kind, clip.article), (CopyKind::Article, 0));
    let text = dubao::ui::clip::text(&app, &clip).expect("text");
    let article = &app.current_article().expect("article").clone();
    let first = [&article.rubric, &article.kicker]
        .into_iter()
        .find_map(Option::as_deref)
        .unwrap_or(&article.title);
    assert!(text.starts_with(first), "{text}");
    assert!(text.ends_with(&format!(
        "{}\n",
        article.paragraphs.last().expect("paragraph")
    )));
    // y: the paragraph on the top line; after a search, the current match's.
    press(&mut app, "G");
    let Effect::Copy(clip) = press(&mut app, "y") else {
        panic!("y copies");
    };
    assert!(clip.paragraph > 0);
    press(&mut app, "gg/电力<Enter>");
    let paragraph = app
        .search
        .finder
        .as_ref()
        .map(|f| f.matches[f.current].paragraph);
    let Effect::Copy(clip) = press(&mut app, "y") else {
        panic!("y copies");
    };
    assert_eq!(Some(clip.paragraph), paragraph);
    let Effect::Copy(clip) = press(&mut app, "c") else {
        panic!("c copies");
    };
    let citation = dubao::ui::clip::text(&app, &clip).expect("citation");
    assert!(
        citation.starts_with(&format!("{} — ", article.title)),
        "{citation}"
    );
}

#[test]
fn the_help_fits_80x24_and_scrolls_to_every_binding() {
    use crate::support::{render, screen};
    let mut app = app(80, 24);
    press(&mut app, "?");
    let rows = dubao::app::help::rows(&app);
    let shown = screen(&render(&app));
    assert!(shown.contains(&rows[0].text));
    press(&mut app, "G");
    let shown = screen(&render(&app));
    let last = rows.last().expect("rows");
    assert!(shown.contains(&last.text), "{shown}");
    // Every description is there in full, over one or more rows.
    for binding in &app.keymap.bindings {
        let joined: String = rows.iter().map(|r| r.text.as_str()).collect();
        assert!(joined.contains(&binding.desc), "{}", binding.desc);
    }
}

#[test]
fn english_comes_from_the_same_table() {
    let mut app = app(80, 24);
    app.language = dubao::app::Language::En;
    press(&mut app, "[");
    assert_eq!(
        crate::support::status_message(&app).as_deref(),
        Some("this is the first article")
    );
    let shown = crate::support::screen(&crate::support::render(&app));
    assert!(shown.contains("front"), "{shown}");
    press(&mut app, "?");
    let shown = crate::support::screen(&crate::support::render(&app));
    assert!(
        shown.contains("Keys") && shown.contains("Page down"),
        "{shown}"
    );
}

#[test]
fn the_index_opening_leaves_the_bookmark_list_alone() {
    let mut app = app(80, 24);
    press(&mut app, "mB");
    let listed = app
        .search
        .results
        .as_ref()
        .map(|r| (r.bookmarks, r.hits.len()));
    assert_eq!(listed, Some((true, 1)));
    super::support::open_index(&mut app);
    let after = app
        .search
        .results
        .as_ref()
        .map(|r| (r.bookmarks, r.hits.len()));
    assert_eq!(after, listed, "still the bookmarks");
}
