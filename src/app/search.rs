//! Search in the app: the prompt, matches in the open article (less-style `/`, `n`, `N`), and
//! the results of a search across every open issue: the prompt here, the rest in
//! search/{finder,across}.rs.

mod across;
mod archive;
mod date;
mod finder;

use std::sync::Arc;

use super::{AppState, Notice, Screen};
use crate::search::{Dictionary, Hit, Match};
pub use across::{keyword, open_result, search_again, search_all, select};
pub use archive::Archive;
pub use finder::{find, step};

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
    pub dictionary: Option<Shared<Dictionary>>,
    /// The last search across issues, that `S` offers again.
    pub last_query: String,
    /// The index that answers searches across issues, once it is open.
    pub archive: Option<Archive>,
}

/// Opens the prompt.
pub fn open_prompt(state: &mut AppState, scope: Scope) {
    state.search.prompt = Some(Prompt {
        scope,
        input: String::new(),
        from: state.screen,
    });
}

/// `S`: the prompt for a search across issues, holding the last query (and its results) when
/// there was one; typing goes on from it, `C-u` clears it.
pub fn offer_last(state: &mut AppState) {
    open_prompt(state, Scope::Global);
    let last = state.search.last_query.clone();
    if !last.is_empty() {
        edit(state, |input| input.push_str(&last));
    }
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
        Scope::Date => return date::go_to_date(state, &prompt.input),
    };
    let typed = !prompt.input.trim().is_empty();
    if prompt.scope == Scope::Global && typed && state.search.archive.is_none() {
        // Nothing found yet is not "not found": the results stay on screen (the status line
        // says the index is loading) and fill in when it opens.
        return;
    }
    if !found && typed {
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
