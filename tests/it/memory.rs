//! Read marks, bookmarks and resuming, driven through `update`.

use dubao::app::{Action, Screen, update};
use dubao::io::store::{Memory, Place, article_id, issue_key, now};

use crate::support::{app, press};

#[test]
fn reading_to_the_end_marks_an_article_read_and_r_toggles_it() {
    let mut app = app(60, 12);
    assert!(!app.remembered.mark(0, 0).read);
    press(&mut app, "<Enter>");
    assert!(
        !app.remembered.mark(0, 0).read,
        "the end is not on screen yet"
    );
    press(&mut app, "G");
    assert!(app.remembered.mark(0, 0).read);
    press(&mut app, "q r");
    assert!(
        !app.remembered.mark(0, 0).read,
        "r on the front page toggles the selected article"
    );
    let before = app.remembered.changes;
    press(&mut app, "R");
    assert!((0..4).all(|a| app.remembered.mark(0, a).read));
    assert!(
        app.remembered.changes > before,
        "the main loop is told to save"
    );
}

#[test]
fn bookmarks_are_listed_across_issues_and_open() {
    let mut app = app(80, 24);
    press(&mut app, "jm}jm");
    assert!(app.remembered.mark(0, 1).bookmark && app.remembered.mark(1, 1).bookmark);
    press(&mut app, "B");
    assert_eq!(app.screen, Screen::Results);
    let listed: Vec<(usize, usize)> = app
        .search
        .results
        .as_ref()
        .map(|r| r.hits.iter().map(|h| (h.issue, h.article)).collect())
        .unwrap_or_default();
    assert_eq!(listed, [(0, 1), (1, 1)]);
    press(&mut app, "<Enter>");
    assert_eq!((app.screen, app.issue, app.article), (Screen::Reader, 0, 1));
    press(&mut app, "m");
    assert!(!app.remembered.mark(0, 1).bookmark);
}

/// The app as it starts with a remembered place: paragraph 2 of the first sample's article 2,
/// part way in.
fn resumed(width: u16, height: u16) -> dubao::app::AppState {
    let state = app(width, height);
    let issue = &state.issues[0];
    let offset = issue.articles[1].paragraphs[2]
        .char_indices()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let place = Place {
        article: article_id(issue_key(issue), 1),
        paragraph: Some(2),
        offset,
        updated: now(),
    };
    let mut app = state.with_memory(Memory {
        place: Some(place),
        ..Memory::default()
    });
    update(&mut app, Action::Resize(width, height));
    app
}

#[test]
fn the_reading_place_is_restored_whatever_the_terminal_size() {
    for (width, height) in [(80, 24), (50, 16), (140, 40)] {
        let app = resumed(width, height);
        assert_eq!(
            (app.screen, app.issue, app.article),
            (Screen::Reader, 0, 1),
            "{width}x{height}"
        );
        let lines = app.reader_lines();
        let (rows, _) = app.reader_extent();
        let paragraph_text = &app.issues[0].articles[1].paragraphs[2];
        let offset = paragraph_text.char_indices().nth(40).map_or(0, |(i, _)| i);
        let line = lines
            .iter()
            .position(|l| {
                l.source
                    .is_some_and(|(p, s)| p == 2 && s <= offset && offset < s + l.text.len())
            })
            .expect("a line holds the place");
        assert!(
            (app.scroll()..app.scroll() + rows).contains(&line),
            "{width}x{height}: the place is on screen"
        );
        let at_top = app.scroll() == line || app.scroll() == lines.len().saturating_sub(rows);
        assert!(
            at_top,
            "{width}x{height}: at the top, unless the article ends first"
        );
    }
}

#[test]
fn the_place_written_on_quit_points_at_the_first_line_on_screen() {
    let mut app = app(60, 12);
    press(&mut app, "j<Enter>jjjjjj");
    let place = dubao::app::memory::place(&app).expect("a place");
    let lines = app.reader_lines();
    let shown = lines
        .iter()
        .skip(app.scroll())
        .find_map(|l| l.source)
        .expect("text on screen");
    assert_eq!((place.paragraph, place.offset), (Some(shown.0), shown.1));
    assert_eq!(place.article, article_id(issue_key(&app.issues[0]), 1));
}

#[test]
fn colon_and_a_date_goes_to_that_days_issue() {
    let mut app = app(80, 24);
    let dated = app
        .issues
        .iter()
        .position(|i| i.date.is_some())
        .expect("a sample with a date");
    let date = app.issues[dated].date.expect("date").to_string();
    press(&mut app, &format!(":{date}<Enter>"));
    assert_eq!((app.issue, app.screen), (dated, Screen::Front));
    press(&mut app, ":1999-01-01<Enter>");
    assert_eq!(app.issue, dated);
    assert!(crate::support::status_message(&app).is_some_and(|m| m.contains("1999-01-01")));
}

#[test]
fn a_library_still_loading_restores_the_place_once_its_issue_is_parsed() {
    use dubao::app::keymap::Keymap;
    use dubao::app::search::Shared;
    use dubao::app::{AppState, ThemeKind};
    use dubao::model::Issue;
    use std::sync::Arc;
    let parsed = dubao::io::load::samples();
    let place = Place {
        article: article_id(issue_key(&parsed[1]), 2),
        paragraph: None,
        offset: 0,
        updated: now(),
    };
    // The second issue is still a placeholder when the app starts.
    let placeholder = Issue {
        source: parsed[1].source.clone(),
        date: None,
        articles: Vec::new(),
        ..Issue::default()
    };
    let mut app = AppState::new(
        vec![parsed[0].clone(), placeholder],
        Keymap::default_keymap(),
        ThemeKind::Dark,
        80,
        24,
    )
    .with_memory(Memory {
        place: Some(place),
        ..Memory::default()
    });
    app.loading = true;
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.issue, 0, "not there yet");
    press(&mut app, "}r");
    assert!(
        !app.remembered.mark(1, 0).read,
        "no marks on an issue not parsed yet"
    );
    update(&mut app, Action::LibraryLoaded(Shared(Arc::new(parsed))));
    assert!(!app.loading);
    assert_eq!((app.issue, app.article), (1, 2), "the remembered article");
}
