//! The app: its state, and `update`, the one place that changes it.
//!
//! No IO here: `update` returns an [`Effect`] for the main loop to carry out. Scroll limits and
//! card positions come from `layout`, the same functions the views draw with.

pub mod action;
pub mod keymap;
pub mod layout;
mod memo;
pub mod memory;
mod screens;
pub mod search;

use std::rc::Rc;
use std::sync::Arc;

use crate::model::{Article, Issue};
use crate::typeset::{DEFAULT_MEASURE, Options};
pub use action::Action;
use keymap::Keymap;
use layout::{front_page, panes, reader_lines};
use screens::{front, help, issue_list, prompt, reader, results};

/// Narrowest and widest measure the reader may set, and the step of `+`/`-`.
const MEASURE_RANGE: (usize, usize) = (20, 200);
const MEASURE_STEP: usize = 4;
/// Keywords shown under an article's headline.
const KEYWORDS: usize = 3;

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The front page (in the split view: the headline column has the focus).
    Front,
    /// An article (in the split view: the reading pane has the focus).
    Reader,
    /// The list of open issues.
    Issues,
    /// Articles found by a search across issues.
    Results,
}

/// Colours, or none (`NO_COLOR`): states are then shown with bold, reverse and underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Color,
    Mono,
}

/// What the main loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    /// Clear the terminal and draw everything again.
    Redraw,
}

/// Everything the views draw from.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Shared with the thread that loads the word segmenter.
    pub issues: Arc<Vec<Issue>>,
    pub issue: usize,
    /// Selected article of the current issue.
    pub article: usize,
    pub screen: Screen,
    /// First line of the article shown in the reading pane.
    pub scroll: usize,
    /// The help overlay, when open, with its scroll.
    pub help: Option<usize>,
    /// Selected row of the issue list.
    pub issue_cursor: usize,
    pub width: u16,
    pub height: u16,
    pub options: Options,
    /// The measure `=` goes back to (the configured one).
    pub base_measure: usize,
    pub theme: ThemeKind,
    pub keymap: Keymap,
    /// Keys of an unfinished sequence, shown in the status line.
    pub pending: String,
    pub message: Option<String>,
    pub search: search::SearchState,
    pub remembered: memory::Remembered,
    /// Issues of the library are still being parsed (they show no articles yet).
    pub loading: bool,
    /// Ask the terminal how wide it draws ambiguous characters (`ambiguous_width = "auto"`).
    pub probe_ambiguous: bool,
    memo: memo::Memo,
}

impl AppState {
    pub fn new(
        issues: Vec<Issue>,
        keymap: Keymap,
        theme: ThemeKind,
        width: u16,
        height: u16,
    ) -> Self {
        Self {
            issues: Arc::new(issues),
            issue: 0,
            article: 0,
            screen: Screen::Front,
            scroll: 0,
            help: None,
            issue_cursor: 0,
            width,
            height,
            options: Options::default(),
            base_measure: DEFAULT_MEASURE,
            theme,
            keymap,
            pending: String::new(),
            message: None,
            search: search::SearchState::default(),
            remembered: memory::Remembered::default(),
            loading: false,
            probe_ambiguous: false,
            memo: memo::Memo::default(),
        }
        .with_memory(crate::state::Memory::default())
    }

    /// The app as the configuration sets it up; `no_color` (the `NO_COLOR` variable) forces the
    /// monochrome theme.
    pub fn configured(issues: Vec<Issue>, config: &crate::config::Config, no_color: bool) -> Self {
        let mono = no_color || config.theme == crate::config::Theme::Monochrome;
        let theme = if mono {
            ThemeKind::Mono
        } else {
            ThemeKind::Color
        };
        // Validated when the file was read; the defaults otherwise.
        let keymap = config
            .keymap(Keymap::default_keymap())
            .unwrap_or_else(|_| Keymap::default_keymap());
        let mut state = Self::new(issues, keymap, theme, 80, 24);
        state.options = config.options();
        state.probe_ambiguous = config.ambiguous_width == crate::config::AmbiguousSetting::Auto;
        state.base_measure = state.options.measure;
        state
    }

    /// The app remembering `memory` (marks, and the place to go back to).
    #[must_use]
    pub fn with_memory(mut self, memory: crate::state::Memory) -> Self {
        self.remembered = memory::Remembered::new(&self.issues, memory);
        self
    }

    pub fn current_issue(&self) -> Option<&Issue> {
        self.issues.get(self.issue)
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current_issue()?.articles.get(self.article)
    }

    fn article_count(&self) -> usize {
        self.current_issue().map_or(0, |i| i.articles.len())
    }

    /// Rows of the reading pane, and the number of laid-out lines of the current article.
    pub fn reader_extent(&self) -> (usize, usize) {
        let rows = self.reader_area().map_or(0, |a| usize::from(a.height));
        (rows, self.reader_lines().len())
    }

    /// The reading pane, when one is on screen.
    pub fn reader_area(&self) -> Option<ratatui::layout::Rect> {
        panes(self.width, self.height, self.screen == Screen::Reader).reader
    }

    /// The current article laid out for the reading pane, keywords included.
    pub fn reader_lines(&self) -> Rc<Vec<crate::typeset::ArticleLine>> {
        let (Some(article), Some(area)) = (self.current_article(), self.reader_area()) else {
            return Rc::default();
        };
        let key = (self.keywords_key(), area.width, self.options);
        self.memo.lines(key, || {
            reader_lines(article, area.width, &self.options, &self.keywords())
        })
    }

    /// The current article's keywords, once the segmenter has loaded.
    pub fn keywords(&self) -> Rc<Vec<String>> {
        self.memo.keywords(self.keywords_key(), || {
            match (&self.search.ranker, self.current_article()) {
                (Some(ranker), Some(article)) => ranker.0.keywords(article, KEYWORDS),
                _ => Vec::new(),
            }
        })
    }

    /// What the keywords depend on: which issues, which article, which ranker.
    fn keywords_key(&self) -> memo::KeywordsKey {
        let ranker = self
            .search
            .ranker
            .as_ref()
            .map_or(0, |r| Arc::as_ptr(&r.0) as usize);
        (
            Arc::as_ptr(&self.issues) as usize,
            self.issue,
            self.article,
            ranker,
        )
    }

    fn max_scroll(&self) -> usize {
        let (rows, lines) = self.reader_extent();
        lines.saturating_sub(rows)
    }

    fn front_page(&self) -> Option<layout::FrontPage> {
        let area = panes(self.width, self.height, false).headlines?;
        Some(front_page(
            self.current_issue()?,
            area.width,
            area.height,
            self.options.ambiguous,
        ))
    }

    /// Whether headlines and article are on screen together.
    pub fn split(&self) -> bool {
        self.width >= layout::SPLIT_WIDTH
    }

    /// Everything the views read that can change while running: when an update leaves this
    /// unchanged, nothing needs drawing (not even the cursor bookkeeping ratatui writes).
    pub fn view_key(&self) -> impl PartialEq + use<> {
        let place = (
            self.issue,
            self.article,
            self.screen,
            self.scroll,
            self.help,
            self.issue_cursor,
        );
        let search = &self.search;
        let found = (
            search.prompt.clone(),
            search
                .finder
                .as_ref()
                .map(|f| (f.current, f.matches.len(), f.query.clone())),
            search
                .results
                .as_ref()
                .map(|r| (r.selected, r.hits.len(), r.query.clone())),
            search.ranker.is_some(),
            self.remembered.changes,
            self.loading,
        );
        (
            place,
            found,
            self.width,
            self.height,
            self.options,
            self.theme,
            self.pending.clone(),
            self.message.clone(),
        )
    }

    fn select_article(&mut self, index: usize) {
        let last = self.article_count().saturating_sub(1);
        let index = index.min(last);
        if index != self.article {
            self.article = index;
            self.scroll = 0;
            self.search.finder = None;
        }
    }

    fn select_issue(&mut self, index: usize) {
        if index < self.issues.len() {
            self.issue = index;
            self.issue_cursor = index;
            self.article = 0;
            self.scroll = 0;
            self.search.finder = None;
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }
}

/// Applies `action` to `state`.
#[allow(clippy::needless_pass_by_value)] // an action is a message: update takes it, as in Elm
pub fn update(state: &mut AppState, action: Action) -> Effect {
    // A message stays until the user does something.
    let internal = matches!(
        action,
        Action::Resize(..) | Action::Pending(_) | Action::RankerReady(_)
    );
    if !internal {
        state.message = None;
    }
    if let Some(effect) = global(state, &action) {
        return effect;
    }
    if state.search.prompt.is_some() {
        prompt(state, &action);
    } else if let Some(scroll) = state.help {
        help(state, scroll, &action);
    } else {
        match state.screen {
            Screen::Issues => issue_list(state, &action),
            Screen::Results => results(state, &action),
            Screen::Reader => reader(state, &action),
            // Back from the front page leaves the app.
            Screen::Front if action == Action::Back => return Effect::Quit,
            Screen::Front => front(state, &action),
        }
    }
    memory::note_progress(state);
    Effect::None
}

/// Actions that mean the same everywhere.
fn global(state: &mut AppState, action: &Action) -> Option<Effect> {
    match *action {
        Action::Quit => return Some(Effect::Quit),
        Action::Suspend => return Some(Effect::Suspend),
        Action::Redraw => return Some(Effect::Redraw),
        Action::Resize(width, height) => {
            (state.width, state.height) = (width, height);
            state.scroll = state.scroll.min(state.max_scroll());
            memory::restore(state);
        }
        Action::Pending(ref keys) => state.pending.clone_from(keys),
        Action::Help => state.help = if state.help.is_some() { None } else { Some(0) },
        Action::Widen | Action::Narrow | Action::ResetMeasure => {
            let (low, high) = MEASURE_RANGE;
            let measure = state.options.measure;
            state.options.measure = match action {
                Action::Widen => (measure + MEASURE_STEP).min(high),
                Action::Narrow => measure.saturating_sub(MEASURE_STEP).max(low),
                _ => state.base_measure,
            };
            state.message = Some(crate::ui::strings::measure(state.options.measure));
            state.scroll = state.scroll.min(state.max_scroll());
        }
        Action::NextIssue | Action::PrevIssue => {
            let next = if *action == Action::NextIssue {
                state.issue + 1
            } else {
                state.issue.wrapping_sub(1)
            };
            state.select_issue(next);
        }
        Action::RankerReady(ref ranker) => search::ranker_ready(state, ranker.clone()),
        Action::GoToDate if state.search.prompt.is_none() => {
            search::open_prompt(state, search::Scope::Date);
        }
        Action::Search if state.search.prompt.is_none() => {
            search::open_prompt(state, search::Scope::Global);
        }
        Action::Notice(ref text) => state.message = Some(text.clone()),
        Action::AmbiguousWidth(mode) => state.options.ambiguous = mode,
        Action::LibraryLoaded(ref issues) => {
            state.issues = Arc::clone(&issues.0);
            state.loading = false;
            state.remembered.reload(&state.issues);
            state.search.corpus = None;
            memory::restore(state);
        }
        Action::ToggleRead => memory::toggle_read(state),
        Action::MarkIssueRead => memory::mark_issue_read(state),
        Action::ToggleBookmark => memory::toggle_bookmark(state),
        Action::Bookmarks => memory::list_bookmarks(state),
        Action::IssueList => {
            state.issue_cursor = state.issue;
            state.screen = Screen::Issues;
        }
        _ => return None,
    }
    Some(Effect::None)
}
