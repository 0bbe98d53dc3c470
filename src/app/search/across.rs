//! Search across every open issue: the results list, opening a result, ranking once the
//! dictionary has loaded, and the keywords' searches.

use std::collections::HashSet;
use std::sync::Arc;

use super::{Results, Shared, find};
use crate::app::{AppState, Notice, Screen};
use crate::model::Issue;
use crate::search::{Corpus, Hit, Pinyin, Query, Ranker, fold};

/// Results that get a snippet: more than a screen shows, fewer than a large archive finds.
const SNIPPETS: usize = 200;

/// Searches every open issue for `input` and shows the results.
pub fn search_all(state: &mut AppState, input: &str) {
    let hits = match state.search.archive.as_mut() {
        Some(archive) => {
            let mut hits = archive.search(&state.issues, input, SNIPPETS);
            hits.extend(pinyin_headlines(state, input, &hits));
            hits
        }
        None => search_in_memory(state, input, SNIPPETS),
    };
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

/// The open issues searched in memory (the samples, or files named on the command line); the
/// first `with_snippets` hits get snippets.
pub fn search_in_memory(state: &mut AppState, input: &str, with_snippets: usize) -> Vec<Hit> {
    let corpus = Arc::clone(
        state
            .search
            .corpus
            .get_or_insert_with(|| Arc::new(Corpus::new(&state.issues))),
    );
    let ranker = state.search.ranker.as_ref().map(|r| Arc::clone(&r.0));
    corpus.search(
        &state.issues,
        &Query::parse(input),
        ranker.as_deref(),
        with_snippets,
    )
}

/// Headlines of the library (from its scan for issues not in memory) that spell every
/// Latin-letter term of `input` in pinyin, after the index's `found` (the index matches
/// characters only): as the in-memory search does.
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

/// The corpus of `issues` is built: kept if they are still the issues open.
pub fn corpus_ready(state: &mut AppState, corpus: &Shared<Corpus>, issues: &Shared<Vec<Issue>>) {
    if Arc::ptr_eq(&issues.0, &state.issues) {
        state.search.corpus = Some(Arc::clone(&corpus.0));
    }
}

/// The dictionary is loaded: rank from now on (and re-rank results on screen).
pub fn ranker_ready(state: &mut AppState, ranker: Shared<Ranker>) {
    state.search.ranker = Some(ranker);
    search_again(state);
}

/// Runs the search on screen again (more issues loaded or indexed, a ranker to rank with),
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
        None if state.search.ranker.is_none() => state.notice = Some(Notice::DictionaryLoading),
        None => {}
    }
}
