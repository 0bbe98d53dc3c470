//! What the app tells the user, as facts: the views put them into words (`ui::strings`).

use std::path::PathBuf;

/// Something that happened, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// `+`/`-`/`=`: the measure is now this many columns.
    Measure(usize),
    /// `m`: the article was bookmarked (`true`) or its bookmark removed.
    Bookmarked(bool),
    /// `r`: the article is now read (`true`) or unread.
    Read(bool),
    /// `R`: every article of the issue is read; this many were not.
    IssueRead(usize),
    /// `]` on the last article, `[` on the first.
    LastArticle,
    FirstArticle,
    /// `}` on the last issue, `{` on the first.
    LastIssue,
    FirstIssue,
    /// Text went to the clipboard: what, how many characters, and by which way.
    Copied {
        what: CopyKind,
        chars: usize,
        via: CopyVia,
    },
    /// The clipboard is off in the configuration (`clipboard = "off"`).
    ClipboardOff,
    /// Copying failed (the tmux command, say), in the words of its error.
    CopyFailed(String),
    /// A search found nothing.
    NotFound(String),
    /// `:date` names a day with no issue.
    NoIssueOn(String),
    /// `:date` names a day with no issue: the nearest issue, of `shown`, is open instead.
    NearestIssue {
        asked: crate::model::IssueDate,
        shown: crate::model::IssueDate,
    },
    /// `n`/`N` with no search.
    NoSearch,
    /// Keywords, or a search across issues, asked for before the dictionary and the index
    /// have loaded.
    Loading,
    /// The reading state could not be saved.
    SaveFailed {
        path: PathBuf,
        error: String,
    },
    /// `t`: the text is now shown in this script.
    Script(crate::script::Script),
    /// `o` on an article with no subheadings, lead box or sidebars.
    NoOutline,
    /// A problem met before the reader started (a bad configuration or state file), in the
    /// words of its error.
    Warning(String),
    /// `T` with no search or keyword to chart.
    NothingToChart,
    /// The library's archive index could not be opened or updated, in the words of its error
    /// (search falls back to what is in memory).
    IndexFailed(String),
    /// The front page's next page (版) asked for on the last, previous on the first.
    LastTab,
    FirstTab,
}

/// What `y`, `Y` and `c` copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    Paragraph,
    Article,
    Citation,
}

/// How copied text reached the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyVia {
    /// The terminal's clipboard escape sequence (OSC 52).
    Osc52,
    /// tmux's paste buffer (and through it the outer terminal's clipboard).
    Tmux,
}
