//! Search in the app: the prompt, matches in the open article (less-style `/`, `n`, `N`), and
//! the results of a search across every open issue.

use std::sync::Arc;

use super::layout::TextPos;
use super::{AppState, Notice, Screen};
use crate::model::Issue;
use crate::search::{Corpus, Hit, Match, Query, Ranker, find_in_article};

/// Results that get a snippet: more than a screen shows, fewer than a large archive finds.
const SNIPPETS: usize = 200;

/// A value shared with a background thread; equal when it is the same value.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

/// Where a search looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    Article,
    /// Every article of every open issue.
    Global,
    /// Not a search: the date of an issue to go to (`:2021-07-18`).
    Date,
}

/// The search prompt being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub scope: Scope,
    pub input: String,
    /// The screen to go back to when the prompt is cancelled.
    pub from: Screen,
}

/// Matches of a search in the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: usize,
}

/// Articles found across issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The list is of bookmarks, not of search hits.
    pub bookmarks: bool,
}

/// All search state.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub prompt: Option<Prompt>,
    pub finder: Option<Finder>,
    pub results: Option<Results>,
    pub corpus: Option<Arc<Corpus>>,
    pub ranker: Option<Shared<Ranker>>,
}

/// Opens the prompt.
pub fn open_prompt(state: &mut AppState, scope: Scope) {
    state.search.prompt = Some(Prompt {
        scope,
        input: String::new(),
        from: state.screen,
    });
}

/// The prompt's text changed: search again (incremental).
pub fn edit(state: &mut AppState, change: impl FnOnce(&mut String)) {
    let Some(prompt) = state.search.prompt.as_mut() else {
        return;
    };
    change(&mut prompt.input);
    let (scope, input) = (prompt.scope, prompt.input.clone());
    match scope {
        Scope::Article => find(state, &input),
        Scope::Global => search_all(state, &input),
        Scope::Date => {}
    }
}

/// Enter: keep the results and close the prompt.
pub fn submit(state: &mut AppState) {
    let Some(prompt) = state.search.prompt.take() else {
        return;
    };
    let found = match prompt.scope {
        Scope::Article => state
            .search
            .finder
            .as_ref()
            .is_some_and(|f| !f.matches.is_empty()),
        Scope::Global => state
            .search
            .results
            .as_ref()
            .is_some_and(|r| !r.hits.is_empty()),
        Scope::Date => return go_to_date(state, &prompt.input),
    };
    if !found && !prompt.input.trim().is_empty() {
        state.notice = Some(Notice::NotFound(prompt.input.clone()));
    }
    if prompt.scope == Scope::Global && !found {
        state.search.results = None;
        state.screen = prompt.from;
    }
}

/// Esc: close the prompt and forget what it found.
pub fn cancel(state: &mut AppState) {
    let Some(prompt) = state.search.prompt.take() else {
        return;
    };
    match prompt.scope {
        Scope::Article => state.search.finder = None,
        Scope::Date => {}
        Scope::Global => {
            state.search.results = None;
            state.screen = prompt.from;
        }
    }
}

/// `:2021-07-18`: the issue of that day.
fn go_to_date(state: &mut AppState, input: &str) {
    let wanted = crate::parse::date_from_name(input.trim());
    match wanted.and_then(|d| state.issues.iter().position(|i| i.date == Some(d))) {
        Some(index) => {
            state.select_issue(index);
            state.screen = Screen::Front;
        }
        None => state.notice = Some(Notice::NoIssueOn(input.trim().to_owned())),
    }
}

/// Finds `input` in the open article and shows the first match from the top of the pane on.
pub fn find(state: &mut AppState, input: &str) {
    let query = Query::parse(input);
    let Some(article) = state.current_article() else {
        return;
    };
    let matches = find_in_article(article, &query);
    // Below the top of the pane: at or after the first character on screen.
    let first_visible = state.layout().pos_of(state.scroll());
    let current = matches
        .iter()
        .position(|m| match_pos(article, m) >= first_visible)
        .unwrap_or(0);
    state.search.finder = (!query.is_empty()).then(|| Finder {
        query: input.to_owned(),
        matches,
        current,
    });
    show_current_match(state);
}

/// `n` / `N`: the next or previous match, wrapping around.
pub fn step(state: &mut AppState, forward: bool) {
    let Some(finder) = state
        .search
        .finder
        .as_mut()
        .filter(|f| !f.matches.is_empty())
    else {
        state.notice = Some(Notice::NoSearch);
        return;
    };
    let count = finder.matches.len();
    finder.current = if forward {
        (finder.current + 1) % count
    } else {
        (finder.current + count - 1) % count
    };
    show_current_match(state);
}

/// Scrolls the reading pane so the current match is in view (a third of the way down).
fn show_current_match(state: &mut AppState) {
    let Some(m) = state
        .search
        .finder
        .as_ref()
        .and_then(|f| f.matches.get(f.current))
        .copied()
    else {
        return;
    };
    let Some(at) = state.current_article().map(|a| match_pos(a, &m)) else {
        return;
    };
    let layout = state.layout();
    let (line, top, rows) = (layout.line_of(at), state.scroll(), layout.rows());
    if line < top || line >= top + rows {
        state.scroll_to(line.saturating_sub(rows / 3));
    }
}

/// Where `m` starts in the text.
fn match_pos(article: &crate::model::Article, m: &Match) -> TextPos {
    let text = article
        .paragraphs
        .get(m.paragraph)
        .map_or("", String::as_str);
    TextPos::in_paragraph(m.paragraph, text, m.start)
}

/// Searches every open issue for `input` and shows the results.
pub fn search_all(state: &mut AppState, input: &str) {
    let corpus = Arc::clone(
        state
            .search
            .corpus
            .get_or_insert_with(|| Arc::new(Corpus::new(&state.issues))),
    );
    let ranker = state.search.ranker.as_ref().map(|r| Arc::clone(&r.0));
    let hits = corpus.search(
        &state.issues,
        &Query::parse(input),
        ranker.as_deref(),
        SNIPPETS,
    );
    state.search.results = Some(Results {
        query: input.to_owned(),
        hits,
        selected: 0,
        bookmarks: false,
    });
    state.screen = Screen::Results;
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
    if let Some(query) = state.search.results.as_ref().map(|r| r.query.clone()) {
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
