//! Search across every open issue: the results list, opening a result, and the keywords'
//! searches. The index answers ([`super::Archive`]); until it is open a search finds nothing
//! yet (the status line says the index is loading) and runs again when it opens.

use std::collections::HashSet;

use super::{Results, find};
use crate::app::{AppState, Notice, Screen};
use crate::search::{Hit, Pinyin, Query, fold};

/// Results that get a snippet: more than a screen shows, fewer than a large archive finds.
const SNIPPETS: usize = 200;

/// Searches every open issue for `input` and shows the results.
pub fn search_all(state: &mut AppState, input: &str) {
    let mut hits = match state.search.archive.as_mut() {
        Some(archive) => archive.search(&state.issues, input, SNIPPETS),
        None => Vec::new(),
    };
    hits.extend(pinyin_headlines(state, input, &hits));
    if !input.trim().is_empty() {
        input.clone_into(&mut state.search.last_query);
    }
    state.search.results = Some(Results {
        query: input.to_owned(),
        hits,
        selected: 0,
        bookmarks: false,
    });
    state.screen = Screen::Results;
}

/// Headlines of the open issues (from the library's scan for issues not in memory) that
/// spell every Latin-letter term of `input` in pinyin (`fg`, `fugong` → 复工), after the
/// index's `found`: the index matches characters only. (Headlines only: pinyin matching of
/// every body of an archive would cost a second a query.)
fn pinyin_headlines(state: &AppState, input: &str, found: &[Hit]) -> Vec<Hit> {
    let query = Query::parse(input);
    let spelled: Option<Vec<Pinyin>> = query.terms.iter().map(|t| Pinyin::new(t)).collect();
    let Some(spelled) = spelled.filter(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let seen: HashSet<(usize, usize)> = found.iter().map(|h| (h.issue, h.article)).collect();
    let mut hits = Vec::new();
    for i in 0..state.issues.len() {
        for (a, title) in state.titles(i).into_iter().enumerate() {
            if hits.len() + found.len() >= SNIPPETS {
                return hits;
            }
            let headline = fold(title);
            if !seen.contains(&(i, a)) && spelled.iter().all(|p| p.is_match(&headline)) {
                hits.push(Hit {
                    issue: i,
                    article: a,
                    title: title.to_owned(),
                    in_title: true,
                    by_pinyin: true,
                    score: 0.0,
                    snippets: Vec::new(),
                });
            }
        }
    }
    hits
}

/// Opens the selected result at its first match, with the in-article search filled in.
pub fn open_result(state: &mut AppState) {
    let Some(results) = &state.search.results else {
        return;
    };
    let Some(hit) = results.hits.get(results.selected) else {
        return;
    };
    let (issue, article, query) = (hit.issue, hit.article, results.query.clone());
    state.select_issue(issue);
    state.select_article(article);
    state.open();
    find(state, &query);
}

/// Moves the selection in the results list.
pub fn select(state: &mut AppState, delta: isize) {
    if let Some(results) = state.search.results.as_mut() {
        let last = results.hits.len().saturating_sub(1);
        results.selected = results.selected.saturating_add_signed(delta).min(last);
    }
}

/// Runs the search on screen again (the index opened, or more of the library indexed),
/// keeping the screen and the selection.
pub fn search_again(state: &mut AppState) {
    // A list of bookmarks is no search: it stays as it is.
    let searched = state.search.results.as_ref().filter(|r| !r.bookmarks);
    if let Some(query) = searched.map(|r| r.query.clone()) {
        let selected = state.search.results.as_ref().map_or(0, |r| r.selected);
        let screen = state.screen;
        search_all(state, &query);
        state.screen = screen;
        select(state, isize::try_from(selected).unwrap_or(0));
    }
}

/// Runs a search across issues for keyword `n` (from 1) of the open article.
pub fn keyword(state: &mut AppState, n: usize) {
    match n
        .checked_sub(1)
        .and_then(|i| state.keywords().get(i))
        .cloned()
    {
        Some(word) => search_all(state, &word),
        None if state.search.dictionary.is_none() => {
            state.notice = Some(Notice::Loading);
        }
        None => {}
    }
}
