//! `AppState`: everything the views draw from, with the cached [`Layout`] and the reading
//! position it maps to lines. Changed only by `update` (and the helpers it calls).

use std::sync::Arc;

use super::keymap::Keymap;
use super::layout::{self, Inputs, Layout, TextPos};
use super::{Notice, Screen, ThemeKind, memory, search};
use crate::model::{Article, Issue};
use crate::script::Script;
use crate::typeset::{ArticleLine, DEFAULT_MEASURE, Options};

/// Keywords shown under an article's headline.
const KEYWORDS: usize = 3;

/// How the app is set up: plain values, from the configuration or from tests.
#[derive(Debug, Clone)]
pub struct Settings {
    pub options: Options,
    pub theme: ThemeKind,
    pub keymap: Keymap,
    /// Ask the terminal how wide it draws ambiguous characters.
    pub probe_ambiguous: bool,
    pub language: Language,
    /// The traditional script `t` shows: [`Script::Traditional`], `Taiwan` or `HongKong`.
    pub traditional: Script,
}

/// The language of the interface: Chinese unless the configuration says `language = "en"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    Zh,
    En,
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
    /// The screen the open article was opened from, that back returns to.
    pub opened_from: Screen,
    /// The reading pane stays open beside the headlines while they have the focus (`Tab` from
    /// a split view's article); back closes it.
    pub beside: bool,
    /// The language of every word on screen.
    pub language: Language,
    /// Where reading is: the first character on screen in the reading pane. The line it is on
    /// comes from the layout ([`AppState::scroll`]); a resize or another measure keeps it.
    pub reading: TextPos,
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
    /// What the last action did, for the status line to put into words.
    pub notice: Option<Notice>,
    pub search: search::SearchState,
    pub remembered: memory::Remembered,
    /// The trend chart (`T`), while it is up or its period's stories are listed.
    pub trend: Option<super::trend::TrendView>,
    /// The library's issues are still being scanned (those not opened show no summary yet).
    pub loading: bool,
    /// A library's issues held in memory, and where the others are parsed from when opened;
    /// `None` when every issue is in memory (the samples, files named on the command line).
    pub shelf: Option<super::shelf::Shelf>,
    /// Ask the terminal how wide it draws ambiguous characters (`ambiguous_width = "auto"`).
    pub probe_ambiguous: bool,
    /// The script the text is shown in (`t` moves on).
    pub script: Script,
    /// The traditional script `t` shows (the configuration's variant).
    pub traditional: Script,
    /// The open article's outline, while it is open: the selected entry.
    pub outline: Option<usize>,
    /// The open article's keywords (once the segmenter has loaded), and what they are of.
    keywords: (Vec<String>, KeywordsKey),
    layout: Layout,
}

/// What the keywords depend on: the issues, the article and the dictionary (by identity).
type KeywordsKey = (usize, usize, usize, usize);

impl AppState {
    pub fn new(
        issues: Vec<Issue>,
        keymap: Keymap,
        theme: ThemeKind,
        width: u16,
        height: u16,
    ) -> Self {
        let mut state = Self {
            issues: Arc::new(issues),
            issue: 0,
            article: 0,
            screen: Screen::Front,
            opened_from: Screen::Front,
            beside: false,
            language: Language::default(),
            reading: TextPos::START,
            help: None,
            issue_cursor: 0,
            width,
            height,
            options: Options::default(),
            base_measure: DEFAULT_MEASURE,
            theme,
            keymap,
            pending: String::new(),
            notice: None,
            search: search::SearchState::default(),
            remembered: memory::Remembered::default(),
            trend: None,
            loading: false,
            shelf: None,
            probe_ambiguous: false,
            script: Script::Original,
            traditional: Script::Traditional,
            outline: None,
            keywords: (Vec::new(), (0, 0, 0, 0)),
            layout: Layout::default(),
        };
        state.remembered =
            memory::Remembered::new(&state.issues, crate::io::store::Memory::default());
        state.relayout();
        state
    }

    /// The app as `settings` set it up.
    pub fn with_settings(issues: Vec<Issue>, settings: Settings) -> Self {
        let mut state = Self::new(issues, settings.keymap, settings.theme, 80, 24);
        state.options = settings.options;
        state.base_measure = settings.options.measure;
        state.probe_ambiguous = settings.probe_ambiguous;
        state.language = settings.language;
        state.traditional = settings.traditional;
        state.relayout();
        state
    }

    /// The app remembering `memory` (marks, and the place to go back to).
    #[must_use]
    pub fn with_memory(mut self, memory: crate::io::store::Memory) -> Self {
        self.remembered = memory::Remembered::new(&self.issues, memory);
        self
    }

    pub fn current_issue(&self) -> Option<&Issue> {
        self.issues.get(self.issue)
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current_issue()?.articles.get(self.article)
    }

    /// The current issue as it is shown: in the script chosen with `t`.
    pub fn shown_issue(&self) -> Option<&Issue> {
        self.layout.shown_issue().or_else(|| self.current_issue())
    }

    /// The current article as it is shown: in the script chosen with `t`. Reading positions,
    /// search matches and the reading pane's lines are places in this text.
    pub fn shown_article(&self) -> Option<&Article> {
        self.shown_issue()?.articles.get(self.article)
    }

    pub(super) fn article_count(&self) -> usize {
        self.current_issue().map_or(0, |i| i.articles.len())
    }

    /// The screen laid out for the state as it is.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The first line of the article on screen, derived from [`AppState::reading`].
    pub fn scroll(&self) -> usize {
        self.layout.scroll(self.reading)
    }

    /// Rows of the reading pane, and the number of laid-out lines of the current article.
    pub fn reader_extent(&self) -> (usize, usize) {
        (self.layout.rows(), self.layout.lines().len())
    }

    /// The current article laid out for the reading pane.
    pub fn reader_lines(&self) -> &[ArticleLine] {
        self.layout.lines()
    }

    /// The current article's keywords, once the segmenter has loaded.
    pub fn keywords(&self) -> &[String] {
        &self.keywords.0
    }

    /// Whether headlines and article are on screen together: an article is open (or kept
    /// open beside the headlines) on a screen of [`layout::SPLIT_WIDTH`] columns or more.
    pub fn split(&self) -> bool {
        self.width >= layout::SPLIT_WIDTH && (self.screen == Screen::Reader || self.beside)
    }

    /// Brings the keywords and the layout up to date; cheap when nothing they depend on
    /// changed. `update` calls it after every action, and before it needs the layout.
    pub fn relayout(&mut self) {
        let dictionary = self
            .search
            .dictionary
            .as_ref()
            .map_or(0, |r| Arc::as_ptr(&r.0) as usize);
        let key = (
            Arc::as_ptr(&self.issues) as usize,
            self.issue,
            self.article,
            dictionary,
        );
        // Only for a reading pane on screen: TF-IDF is the costly part of a key press.
        let shown = self.screen == Screen::Reader || self.split();
        if !shown {
            self.keywords = (Vec::new(), (0, 0, 0, 0));
        } else if key != self.keywords.1 {
            let words = match (&self.search.dictionary, self.current_article()) {
                (Some(dictionary), Some(article)) => dictionary.0.keywords(article, KEYWORDS),
                _ => Vec::new(),
            };
            self.keywords = (words, key);
        }
        self.layout.refresh(&Inputs {
            width: self.width,
            height: self.height,
            reading: self.screen == Screen::Reader,
            beside: self.beside,
            options: self.options,
            issues: &self.issues,
            issue: self.issue,
            article: self.article,
            keywords: !self.keywords.0.is_empty(),
            words: self.search.dictionary.as_ref().map(|r| &*r.0),
            script: self.script,
        });
    }

    /// Everything the views read that can change while running: when an update leaves this
    /// unchanged, nothing needs drawing (not even the cursor bookkeeping ratatui writes).
    pub fn view_key(&self) -> impl PartialEq + use<> {
        let place = (
            self.issue,
            self.article,
            self.screen,
            self.reading,
            self.scroll(),
            self.help,
            self.issue_cursor,
            self.script,
            self.outline,
            self.beside,
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
            search.dictionary.is_some(),
            self.remembered.changes,
            self.loading,
            search.archive.as_ref().map(|a| a.progress.clone()),
        );
        (
            place,
            self.language,
            found,
            self.width,
            self.height,
            self.options,
            self.theme,
            self.pending.clone(),
            self.notice.clone(),
        )
    }

    pub(super) fn select_article(&mut self, index: usize) {
        let last = self.article_count().saturating_sub(1);
        let index = index.min(last);
        if index != self.article {
            self.article = index;
            self.reading = TextPos::START;
            self.search.finder = None;
            self.outline = None;
            self.relayout();
        }
    }

    pub(super) fn select_issue(&mut self, index: usize) {
        if index < self.issues.len() {
            self.hold(index);
            self.issue = index;
            self.issue_cursor = index;
            self.article = 0;
            self.reading = TextPos::START;
            self.search.finder = None;
            self.outline = None;
            self.relayout();
        }
    }

    /// Opens the current article in the reading pane.
    pub(super) fn open(&mut self) {
        if self.current_article().is_some() {
            if self.screen != Screen::Reader {
                self.opened_from = self.screen;
            }
            self.screen = Screen::Reader;
            self.relayout();
        }
    }

    pub(super) fn scroll_by(&mut self, lines: isize) {
        self.reading = self.layout.scrolled(self.reading, lines);
    }

    /// Scrolls so that `line` is the first on screen (or as near as the article allows).
    pub(super) fn scroll_to(&mut self, line: usize) {
        self.reading = self.layout.top_at(line);
    }
}
