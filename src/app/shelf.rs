//! A library's issues are not all held in memory: each is a placeholder (its source and date)
//! until it is opened, then parsed from its [`IssueSource`], and put back to a placeholder
//! when it is the least recently opened of more than [`Shelf::capacity`]. What the library's
//! scan learnt of every issue (its articles' titles, its fingerprint) stands in for the text.

use std::collections::VecDeque;
use std::fmt::Debug;
use std::sync::Arc;

use super::AppState;
use crate::model::{Issue, IssueDate};

/// Issues parsed and held at once: the one open, and a few to go back to without parsing.
pub const CAPACITY: usize = 8;

/// Where the issues of a library come from: the issue at an index, parsed again.
pub trait IssueSource: Debug + Send + Sync {
    fn load(&self, index: usize) -> Option<Issue>;
}

/// What is known of an issue without holding its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub date: Option<IssueDate>,
    /// The fingerprint marks are kept under ([`crate::io::store::issue_key`]); 0 if unknown.
    pub key: u64,
    /// Every article's title, in order.
    pub titles: Vec<String>,
}

/// The issues of a library held in memory, and where the others come from.
#[derive(Debug, Clone)]
pub struct Shelf {
    source: Arc<dyn IssueSource>,
    /// Issues held, least recently opened first.
    held: VecDeque<usize>,
    pub capacity: usize,
    /// What the scan learnt of every issue, once it has run.
    pub summaries: Vec<Summary>,
}

impl Shelf {
    /// A shelf drawing on `source`, holding the issues in `held` (parsed already).
    pub fn new(source: Arc<dyn IssueSource>, held: impl IntoIterator<Item = usize>) -> Self {
        Self {
            source,
            held: held.into_iter().collect(),
            capacity: CAPACITY,
            summaries: Vec::new(),
        }
    }

    /// Whether issue `index` is held (parsed).
    pub fn holds(&self, index: usize) -> bool {
        self.held.contains(&index)
    }

    /// Issue `index` parsed, without holding it (a title for a list, say).
    pub fn peek(&self, index: usize) -> Option<Issue> {
        self.source.load(index)
    }
}

impl AppState {
    /// Makes sure issue `index` is parsed and held (a library's issue opened), putting the
    /// least recently opened one back when more than the shelf's capacity would be held.
    pub(super) fn hold(&mut self, index: usize) {
        let Some(books) = self.shelf.as_mut() else {
            return;
        };
        if let Some(at) = books.held.iter().position(|&i| i == index) {
            books.held.remove(at);
            books.held.push_back(index);
            return;
        }
        let Some(mut issue) = books.source.load(index) else {
            // Gone since it was listed: it stays a placeholder (no articles).
            return;
        };
        books.held.push_back(index);
        let evicted: Vec<usize> = (books.held.len() > books.capacity)
            .then(|| books.held.pop_front())
            .flatten()
            .into_iter()
            .collect();
        // The scan's fingerprint when it has run; else made here (it hashes the whole text).
        let known = books.summaries.get(index).map_or(0, |s| s.key);
        let key = if known == 0 {
            crate::io::store::issue_key(&issue)
        } else {
            known
        };
        let issues = Arc::make_mut(&mut self.issues);
        if let Some(slot) = issues.get_mut(index) {
            // Dated by its name or the scan when its text says no date.
            issue.date = issue.date.or(slot.date);
            *slot = issue;
        }
        for i in evicted {
            if let Some(slot) = issues.get_mut(i) {
                *slot = placeholder(slot);
            }
        }
        if let Some(k) = self.remembered.keys.get_mut(index) {
            *k = key;
        }
    }

    /// What is known of issue `index`: its summary when it is not held, else nothing (the
    /// issue itself says more).
    pub fn summary(&self, index: usize) -> Option<&Summary> {
        let books = self.shelf.as_ref()?;
        (!books.holds(index))
            .then(|| books.summaries.get(index))
            .flatten()
    }

    /// The titles of issue `index`'s articles, in order: the issue's own when it is in
    /// memory, else what the scan learnt.
    pub fn titles(&self, index: usize) -> Vec<&str> {
        match self.summary(index) {
            Some(summary) => summary.titles.iter().map(String::as_str).collect(),
            None => self.issues.get(index).map_or_else(Vec::new, |issue| {
                issue.articles.iter().map(|a| a.title.as_str()).collect()
            }),
        }
    }

    /// The library's scan is done: dates and fingerprints of every issue.
    pub(super) fn scanned(&mut self, summaries: &[Summary]) {
        let Some(books) = self.shelf.as_mut() else {
            return;
        };
        books.summaries = summaries.to_vec();
        let issues = Arc::make_mut(&mut self.issues);
        for (issue, summary) in issues.iter_mut().zip(summaries) {
            issue.date = issue.date.or(summary.date);
        }
        for (key, summary) in self.remembered.keys.iter_mut().zip(summaries) {
            if *key == 0 {
                *key = summary.key;
            }
        }
    }
}

/// `issue` without its text: where it came from, its date and paper.
fn placeholder(issue: &Issue) -> Issue {
    Issue {
        source: issue.source.clone(),
        date: issue.date,
        paper: issue.paper.clone(),
        articles: Vec::new(),
        furniture: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::{Action, Screen, ThemeKind, update};
    use crate::io::load::samples;
    use crate::model::Source;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Issue `i` is sample `i % 2`, named `i`; counts the issues parsed.
    #[derive(Debug, Default)]
    struct Fake {
        parsed: AtomicUsize,
    }

    const ISSUES: usize = 20;

    fn issue(i: usize) -> Issue {
        let mut issue = samples().swap_remove(i % 2);
        issue.source = Source::File(format!("{i}.txt").into());
        // Different texts: a different fingerprint each.
        issue.articles[0].title = format!("{i}号 {}", issue.articles[0].title);
        issue
    }

    impl IssueSource for Fake {
        fn load(&self, index: usize) -> Option<Issue> {
            self.parsed.fetch_add(1, Ordering::Relaxed);
            (index < ISSUES).then(|| issue(index))
        }
    }

    /// A library of `ISSUES` issues as the reader opens it: the first parsed, the rest
    /// placeholders, scanned.
    fn library() -> (AppState, Arc<Fake>) {
        let issues: Vec<Issue> = (0..ISSUES)
            .map(|i| {
                if i == 0 {
                    issue(0)
                } else {
                    placeholder(&issue(i))
                }
            })
            .collect();
        let mut state = AppState::new(issues, Keymap::default_keymap(), ThemeKind::Dark, 100, 30);
        let fake = Arc::new(Fake::default());
        state.shelf = Some(Shelf::new(Arc::clone(&fake) as Arc<dyn IssueSource>, [0]));
        let summaries: Vec<Summary> = (0..ISSUES)
            .map(|i| {
                let issue = issue(i);
                Summary {
                    date: issue.date,
                    key: crate::io::store::issue_key(&issue),
                    titles: issue.articles.iter().map(|a| a.title.clone()).collect(),
                }
            })
            .collect();
        update(&mut state, Action::LibraryScanned(summaries));
        (state, fake)
    }

    fn held(state: &AppState) -> usize {
        state
            .issues
            .iter()
            .filter(|i| !i.articles.is_empty())
            .count()
    }

    #[test]
    fn an_issue_is_parsed_when_opened_and_at_most_capacity_are_held() {
        let (mut state, fake) = library();
        assert_eq!(held(&state), 1);
        for i in 1..ISSUES {
            update(&mut state, Action::NextIssue);
            assert_eq!(state.issue, i);
            let title = &state.current_article().expect("an article").title;
            assert!(title.starts_with(&format!("{i}号")), "{title}");
            assert!(held(&state) <= CAPACITY, "{} held", held(&state));
        }
        assert_eq!(fake.parsed.load(Ordering::Relaxed), ISSUES - 1);
        // Back to one still held: not parsed again; to one put back: parsed again.
        update(&mut state, Action::PrevIssue);
        assert_eq!(fake.parsed.load(Ordering::Relaxed), ISSUES - 1);
        for action in [Action::IssueList, Action::Top, Action::Open] {
            update(&mut state, action);
        }
        assert_eq!(state.issue, 0);
        assert_eq!(fake.parsed.load(Ordering::Relaxed), ISSUES);
        assert!(state.current_article().is_some());
    }

    #[test]
    fn marks_and_bookmarks_of_issues_put_back_are_kept_and_listed() {
        let (mut state, _) = library();
        update(&mut state, Action::NextIssue);
        update(&mut state, Action::ToggleBookmark);
        let title = state.current_article().expect("article").title.clone();
        for _ in 0..CAPACITY + 2 {
            update(&mut state, Action::NextIssue);
        }
        assert!(state.issues[1].articles.is_empty(), "put back");
        update(&mut state, Action::Bookmarks);
        assert_eq!(state.screen, Screen::Results);
        let hits = &state.search.results.as_ref().expect("results").hits;
        let listed: Vec<(usize, &str)> = hits.iter().map(|h| (h.issue, h.title.as_str())).collect();
        assert_eq!(listed, [(1, title.as_str())]);
        assert!(
            state.issues[1].articles.is_empty(),
            "listing parses, does not hold"
        );
        update(&mut state, Action::Open);
        assert_eq!((state.issue, state.screen), (1, Screen::Reader));
        assert_eq!(state.current_article().expect("article").title, title);
    }

    #[test]
    fn issues_not_held_show_what_the_scan_learnt() {
        let (state, _) = library();
        let summary = state.summary(3).expect("a summary");
        assert!(summary.titles[0].starts_with("3号"), "{summary:?}");
        assert_eq!(summary.titles.len(), issue(3).articles.len());
        assert_eq!(state.titles(3), summary.titles);
        assert!(state.summary(0).is_none(), "held: the issue itself says");
    }
}
