//! What the app tells the user, as facts: the views put them into words (`ui::strings`).

use std::path::PathBuf;

/// Something that happened, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// `+`/`-`/`=`: the measure is now this many columns.
    Measure(usize),
    /// `m`: the article was bookmarked (`true`) or its bookmark removed.
    Bookmarked(bool),
    /// A search found nothing.
    NotFound(String),
    /// `:date` names a day with no issue.
    NoIssueOn(String),
    /// `n`/`N` with no search.
    NoSearch,
    /// Keywords asked for before the dictionary has loaded.
    DictionaryLoading,
    /// The reading state could not be saved.
    SaveFailed { path: PathBuf, error: String },
    /// A problem met before the reader started (a bad configuration or state file), in the
    /// words of its error.
    Warning(String),
}
