//! Every way the app state can change. The serde names are the action names the keymap uses.

use serde::Deserialize;

use super::search::Shared;
use crate::model::Issue;
use crate::search::Dictionary;

/// One state change, from a key, the mouse, the terminal or a signal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    Left,
    Right,
    Open,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextArticle,
    PrevArticle,
    NextIssue,
    PrevIssue,
    IssueList,
    SwitchPane,
    Widen,
    Narrow,
    ResetMeasure,
    Help,
    /// `q`: back one level; quits from the front page.
    Back,
    /// `Esc`: closes what is open or goes back one level; never quits.
    Close,
    Quit,
    Redraw,
    Suspend,
    ToggleRead,
    MarkIssueRead,
    ToggleBookmark,
    Bookmarks,
    /// `/`: search the open article, or every issue from the front page.
    Find,
    /// Search every open issue.
    Search,
    /// `:` and a date: go to that day's issue.
    GoToDate,
    NextMatch,
    PrevMatch,
    /// Search every issue for the open article's keyword N (from 1).
    Keyword(usize),
    /// `y`: copy the paragraph at the top of the reading pane (or the current match's).
    CopyParagraph,
    /// `Y`: copy the whole article as clean text.
    CopyArticle,
    /// `c`: copy a citation of the article (title — paper, date, page; byline).
    CopyCitation,
    /// `T`: the trend of the search (or of the article's first keyword) across the issues.
    Trend,
    /// A character typed into the search prompt.
    #[serde(skip)]
    Input(char),
    #[serde(skip)]
    DeleteBack,
    /// `C-u` in the prompt: clear what was typed.
    #[serde(skip)]
    ClearInput,
    #[serde(skip)]
    Submit,
    #[serde(skip)]
    Cancel,
    /// How wide the terminal draws East Asian Ambiguous characters (probed at start-up).
    #[serde(skip)]
    AmbiguousWidth(crate::typeset::AmbiguousWidth),
    /// Something for the status line from outside the app (a failed save, say).
    #[serde(skip)]
    Notice(super::Notice),
    /// Every issue of the library has been parsed (to search in memory: it has no index).
    #[serde(skip)]
    LibraryLoaded(Shared<Vec<Issue>>),
    /// The library's scan has learnt what each issue holds, in the library's order.
    #[serde(skip)]
    LibraryScanned(Vec<super::shelf::Summary>),
    /// The word segmenter has loaded: keywords can be shown, headlines broken between words.
    #[serde(skip)]
    DictionaryReady(Shared<Dictionary>),
    /// The terminal was resized to (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// Keys typed so far of an unfinished sequence (`g` of `g g`); empty when none.
    #[serde(skip)]
    Pending(String),
    /// Mouse wheel: lines to scroll (negative is up).
    #[serde(skip)]
    Scroll(i32),
    /// Mouse click at (column, row).
    #[serde(skip)]
    Click(u16, u16),
    /// `t`: show the text in the next script (original → simplified → traditional).
    ToggleScript,
    /// `o`: the open article's outline (subheadings, lead box, sidebars).
    Outline,
    /// The index that searches across issues is open (what it holds so far is searchable):
    /// the library folder's, its keys relative to that folder, or one in memory of the open
    /// issues (`None`), keyed by their positions.
    #[serde(skip)]
    ArchiveOpened(
        Shared<crate::index::ArchiveIndex>,
        Option<std::path::PathBuf>,
    ),
    /// The archive index's background update: how far it has got; `None` when done.
    #[serde(skip)]
    Indexing(Option<crate::index::Progress>),
    /// The front page's next page (版) of the issue.
    NextTab,
    /// The front page's previous page (版) of the issue.
    PrevTab,
}

impl Action {
    /// Whether a count before the key (`5j`, `3]`) repeats this action.
    pub fn repeats(&self) -> bool {
        matches!(
            self,
            Self::Down
                | Self::Up
                | Self::Left
                | Self::Right
                | Self::PageDown
                | Self::PageUp
                | Self::HalfPageDown
                | Self::HalfPageUp
                | Self::NextArticle
                | Self::PrevArticle
                | Self::NextIssue
                | Self::PrevIssue
                | Self::NextMatch
                | Self::PrevMatch
                | Self::NextTab
                | Self::PrevTab
        )
    }
}
