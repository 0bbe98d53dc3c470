//! End-to-end: the front page in tmux at 80, 120, 160 and 200 columns. Every story of the
//! issue is either on the first screen or counted by the row that says how many are below.

use dubao::io::load::samples;

use crate::e2e_tmux::{Tmux, shell_command};

/// The number in the front page's `下面还有 N 篇`, 0 when there is none.
fn counted_below(screen: &str) -> usize {
    screen
        .split("下面还有")
        .nth(1)
        .and_then(|rest| rest.split('篇').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[track_caller]
fn every_headline_is_shown_or_counted(width: u16, height: u16) {
    let Some(tmux) = Tmux::start_sized(&shell_command(), width, height) else {
        return;
    };
    let issue = &samples()[0];
    let head = |title: &str| title.chars().take(4).collect::<String>();
    tmux.wait_for("the first headline", |s| {
        s.contains(&head(&issue.articles[0].title))
    });
    let screen = tmux.settled();
    let shown = issue
        .articles
        .iter()
        .filter(|a| screen.contains(&head(&a.title)))
        .count();
    assert_eq!(
        shown + counted_below(&screen),
        issue.articles.len(),
        "{width}x{height}:\n{screen}"
    );
    // Every screen of the front page can be reached, and shows a card.
    tmux.keys(&["G"]);
    let last = &issue.articles[issue.articles.len() - 1];
    tmux.wait_for("the last headline", |s| s.contains(&head(&last.title)));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
}

#[test]
fn front_page_80_columns() {
    every_headline_is_shown_or_counted(80, 24);
}

#[test]
fn front_page_120_columns() {
    every_headline_is_shown_or_counted(120, 40);
}

#[test]
fn front_page_160_columns() {
    every_headline_is_shown_or_counted(160, 45);
}

#[test]
fn front_page_200_columns() {
    every_headline_is_shown_or_counted(200, 50);
}

#[test]
fn opening_an_article_at_160_columns_splits_the_screen_and_back_restores_the_front_page() {
    let Some(tmux) = Tmux::start_sized(&shell_command(), 160, 45) else {
        return;
    };
    let issue = &samples()[0];
    let first = &issue.articles[0];
    let body: String = first.paragraphs[1].chars().take(6).collect();
    let title: String = first.title.chars().take(4).collect();
    tmux.wait_for("the front page", |s| s.contains(&title));
    assert!(
        !tmux.screen().contains(&body),
        "no reading pane before an article is open"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article beside the headlines", |s| {
        s.contains(&body) && s.contains(&title)
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the front page again", |s| {
        !s.contains(&body) && s.contains(&title)
    });
}
