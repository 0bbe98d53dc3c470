//! Read marks, bookmarks and the reading place, as the app changes them. Saving is the main
//! loop's job (it watches `memory_changes`).

use std::collections::HashMap;

use super::layout::TextPos;
use super::search::Results;
use super::{AppState, Notice, Screen};
use crate::io::store::{Mark, Memory, Place, article_id, issue_key, now};
use crate::search::Hit;

/// An article's name across runs: its issue's key (a hash of the issue's text) and its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArticleId {
    pub issue_key: u64,
    pub index: usize,
}

impl ArticleId {
    /// The name as the state file keeps it.
    pub fn stored(self) -> String {
        article_id(self.issue_key, self.index)
    }

    /// Reads a name the state file keeps (`0123456789abcdef:3`).
    pub fn parse(text: &str) -> Option<Self> {
        let (key, index) = text.split_once(':')?;
        Some(Self {
            issue_key: u64::from_str_radix(key, 16).ok()?,
            index: index.parse().ok()?,
        })
    }
}

/// Where to go back to: an article, and in it the paragraph and byte offset of the first line
/// that was on screen — `None` when reading had gone back to the front page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resume {
    pub article: ArticleId,
    pub at: Option<(usize, usize)>,
}

impl Resume {
    /// A place read from the state file; `None` if it names no article.
    fn from_place(place: &Place) -> Option<Self> {
        Some(Self {
            article: ArticleId::parse(&place.article)?,
            at: place.paragraph.map(|p| (p, place.offset)),
        })
    }
}

/// What the app remembers, with what it needs to name articles.
#[derive(Debug, Clone, Default)]
pub struct Remembered {
    pub memory: Memory,
    /// `issue_key` of each open issue.
    pub keys: Vec<u64>,
    /// Counts changes to marks, so the main loop knows when to save.
    pub changes: u64,
    /// A place to return to, once the screen's size is known.
    pub pending: Option<Resume>,
}

impl Remembered {
    pub fn new(issues: &[crate::model::Issue], memory: Memory) -> Self {
        let keys = issues.iter().map(key_of).collect();
        Self {
            keys,
            pending: memory.place.as_ref().and_then(Resume::from_place),
            memory,
            changes: 0,
        }
    }

    /// The library finished loading: names for every issue; marks and changes are kept.
    pub fn reload(&mut self, issues: &[crate::model::Issue]) {
        self.keys = issues.iter().map(key_of).collect();
    }

    pub fn id(&self, issue: usize, article: usize) -> Option<ArticleId> {
        self.keys
            .get(issue)
            .filter(|&&key| key != 0)
            .map(|&issue_key| ArticleId {
                issue_key,
                index: article,
            })
    }

    pub fn mark(&self, issue: usize, article: usize) -> Mark {
        self.id(issue, article)
            .map(|id| self.memory.mark(&id.stored()))
            .unwrap_or_default()
    }

    fn set(&mut self, issue: usize, article: usize, change: impl FnOnce(&mut Mark)) {
        if let Some(id) = self.id(issue, article) {
            self.memory.set(id.stored(), change);
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
    state.notice = Some(Notice::Read(!read));
}

/// `R`: every article of the current issue read.
pub fn mark_issue_read(state: &mut AppState) {
    let count = state.current_issue().map_or(0, |i| i.articles.len());
    let mut newly = 0;
    for article in 0..count {
        if !state.remembered.mark(state.issue, article).read {
            state
                .remembered
                .set(state.issue, article, |m| m.read = true);
            newly += 1;
        }
    }
    state.notice = Some(Notice::IssueRead(newly));
}

/// `m`: a bookmark on the current article, or none.
pub fn toggle_bookmark(state: &mut AppState) {
    let (issue, article) = (state.issue, state.article);
    let bookmark = state.remembered.mark(issue, article).bookmark;
    state
        .remembered
        .set(issue, article, |m| m.bookmark = !bookmark);
    state.notice = Some(Notice::Bookmarked(!bookmark));
}

/// `B`: the bookmarked articles of every open issue, as a results list (an issue of a library
/// not in memory is parsed for its titles, and not kept).
pub fn list_bookmarks(state: &mut AppState) {
    let issue_of: HashMap<u64, usize> = state
        .remembered
        .keys
        .iter()
        .enumerate()
        .filter(|&(_, &key)| key != 0)
        .map(|(i, &key)| (key, i))
        .collect();
    let mut marked: Vec<(usize, usize)> = (state.remembered.memory.marks.iter())
        .filter(|(_, mark)| mark.bookmark)
        .filter_map(|(id, _)| {
            let id = ArticleId::parse(id)?;
            Some((*issue_of.get(&id.issue_key)?, id.index))
        })
        .collect();
    marked.sort_unstable();
    let mut hits = Vec::new();
    let mut peeked: Option<(usize, Option<crate::model::Issue>)> = None;
    for (i, a) in marked {
        let held = state
            .issues
            .get(i)
            .filter(|issue| !issue.articles.is_empty());
        if held.is_none() && peeked.as_ref().is_none_or(|(p, _)| *p != i) {
            peeked = Some((i, state.shelf.as_ref().and_then(|s| s.peek(i))));
        }
        let issue = held.or_else(|| peeked.as_ref().and_then(|(_, issue)| issue.as_ref()));
        let Some(article) = issue.and_then(|issue| issue.articles.get(a)) else {
            continue;
        };
        hits.push(Hit {
            issue: i,
            article: a,
            title: article.title.clone(),
            in_title: false,
            by_pinyin: false,
            score: 0.0,
            snippets: Vec::new(),
        });
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
        && state.scroll() + rows >= lines
        && !state.remembered.mark(state.issue, state.article).read
    {
        state
            .remembered
            .set(state.issue, state.article, |m| m.read = true);
    }
}

/// Where reading is now, for the state file: the article and the paragraph and byte offset of
/// the first text line on screen (so it survives another terminal size or measure).
pub fn place(state: &AppState) -> Option<Place> {
    let id = state.remembered.id(state.issue, state.article)?;
    let lines = state.reader_lines();
    let (paragraph, offset) = lines
        .iter()
        .skip(state.scroll())
        .find_map(|l| l.source)
        .unwrap_or((0, 0));
    let paragraph = (state.screen == Screen::Reader).then_some(paragraph);
    Some(Place {
        article: id.stored(),
        paragraph,
        offset,
        updated: now(),
    })
}

/// Goes back to the remembered place once its issue is open.
pub fn restore(state: &mut AppState) {
    let Some(resume) = state.remembered.pending else {
        return;
    };
    // Not found yet: it may be an issue the library is still loading.
    let keys = &state.remembered.keys;
    let Some(issue) = keys
        .iter()
        .position(|&k| k != 0 && k == resume.article.issue_key)
    else {
        return;
    };
    state.remembered.pending = None;
    state.select_issue(issue);
    state.select_article(resume.article.index);
    let Some((paragraph, byte)) = resume.at else {
        return;
    };
    let text = state
        .current_article()
        .and_then(|a| a.paragraphs.get(paragraph))
        .map_or("", String::as_str);
    state.reading = TextPos::in_paragraph(paragraph, text, byte);
    state.open();
}
