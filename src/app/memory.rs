//! Read marks, bookmarks and the reading place, as the app changes them. Saving is the main
//! loop's job (it watches `memory_changes`).

use super::search::Results;
use super::{AppState, Screen};
use crate::search::Hit;
use crate::state::{Mark, Memory, Place, article_id, issue_key, now};
use crate::ui::strings;

/// What the app remembers, with what it needs to name articles.
#[derive(Debug, Clone, Default)]
pub struct Remembered {
    pub memory: Memory,
    /// `issue_key` of each open issue.
    pub keys: Vec<u64>,
    /// Counts changes to marks, so the main loop knows when to save.
    pub changes: u64,
    /// A place to return to, once the screen's size is known.
    pub pending: Option<Place>,
}

impl Remembered {
    pub fn new(issues: &[crate::model::Issue], memory: Memory) -> Self {
        let keys = issues.iter().map(key_of).collect();
        Self {
            keys,
            pending: memory.place.clone(),
            memory,
            changes: 0,
        }
    }

    /// The library finished loading: names for every issue; marks and changes are kept.
    pub fn reload(&mut self, issues: &[crate::model::Issue]) {
        self.keys = issues.iter().map(key_of).collect();
    }

    pub fn id(&self, issue: usize, article: usize) -> Option<String> {
        self.keys
            .get(issue)
            .filter(|&&key| key != 0)
            .map(|&key| article_id(key, article))
    }

    pub fn mark(&self, issue: usize, article: usize) -> Mark {
        self.id(issue, article)
            .map(|id| self.memory.mark(&id))
            .unwrap_or_default()
    }

    fn set(&mut self, issue: usize, article: usize, change: impl FnOnce(&mut Mark)) {
        if let Some(id) = self.id(issue, article) {
            self.memory.set(id, change);
            self.changes += 1;
        }
    }
}

/// An issue's name; 0 for one not parsed yet (no articles), which gets no marks.
fn key_of(issue: &crate::model::Issue) -> u64 {
    if issue.articles.is_empty() {
        0
    } else {
        issue_key(issue)
    }
}

/// `r`: the current article read or unread.
pub fn toggle_read(state: &mut AppState) {
    let (issue, article) = (state.issue, state.article);
    let read = state.remembered.mark(issue, article).read;
    state.remembered.set(issue, article, |m| m.read = !read);
}

/// `R`: every article of the current issue read.
pub fn mark_issue_read(state: &mut AppState) {
    let count = state.current_issue().map_or(0, |i| i.articles.len());
    for article in 0..count {
        if !state.remembered.mark(state.issue, article).read {
            state
                .remembered
                .set(state.issue, article, |m| m.read = true);
        }
    }
}

/// `m`: a bookmark on the current article, or none.
pub fn toggle_bookmark(state: &mut AppState) {
    let (issue, article) = (state.issue, state.article);
    let bookmark = state.remembered.mark(issue, article).bookmark;
    state
        .remembered
        .set(issue, article, |m| m.bookmark = !bookmark);
    state.message = Some(strings::bookmark(!bookmark));
}

/// `B`: the bookmarked articles of every open issue, as a results list.
pub fn list_bookmarks(state: &mut AppState) {
    let mut hits = Vec::new();
    for (i, issue) in state.issues.iter().enumerate() {
        for a in 0..issue.articles.len() {
            if state.remembered.mark(i, a).bookmark {
                hits.push(Hit {
                    issue: i,
                    article: a,
                    in_title: false,
                    score: 0.0,
                    snippets: Vec::new(),
                });
            }
        }
    }
    state.search.results = Some(Results {
        query: String::new(),
        hits,
        selected: 0,
        bookmarks: true,
    });
    state.screen = Screen::Results;
}

/// An article is read once its end has been on screen.
pub fn note_progress(state: &mut AppState) {
    if state.screen != Screen::Reader && !state.split() {
        return;
    }
    let (rows, lines) = state.reader_extent();
    if rows > 0
        && state.scroll + rows >= lines
        && !state.remembered.mark(state.issue, state.article).read
    {
        state
            .remembered
            .set(state.issue, state.article, |m| m.read = true);
    }
}

/// Where reading is now: the article and the paragraph and offset of the first text line on
/// screen (so it survives another terminal size or measure).
pub fn place(state: &AppState) -> Option<Place> {
    let id = state.remembered.id(state.issue, state.article)?;
    let lines = state.reader_lines();
    let (paragraph, offset) = lines
        .iter()
        .skip(state.scroll)
        .find_map(|l| l.source)
        .unwrap_or((0, 0));
    let paragraph = if state.screen == Screen::Reader {
        paragraph
    } else {
        usize::MAX
    };
    Some(Place {
        article: id,
        paragraph,
        offset,
        updated: now(),
    })
}

/// Goes back to the remembered place once the screen's size is known.
pub fn restore(state: &mut AppState) {
    let Some(place) = state.remembered.pending.clone() else {
        return;
    };
    let Some((key, index)) = place.article.split_once(':') else {
        return;
    };
    // Not found yet: it may be an issue the library is still loading.
    let keys = &state.remembered.keys;
    let found = keys
        .iter()
        .position(|&k| k != 0 && format!("{k:016x}") == key);
    let (Some(issue), Ok(article)) = (found, index.parse::<usize>()) else {
        return;
    };
    state.remembered.pending = None;
    state.select_issue(issue);
    state.select_article(article);
    if place.paragraph == usize::MAX {
        return;
    }
    state.screen = Screen::Reader;
    let lines = state.reader_lines();
    let line = lines.iter().position(|l| {
        l.source
            .is_some_and(|(p, start)| (p, start + l.text.len()) > (place.paragraph, place.offset))
    });
    let (rows, _) = state.reader_extent();
    state.scroll = line.unwrap_or(0).min(lines.len().saturating_sub(rows));
}
