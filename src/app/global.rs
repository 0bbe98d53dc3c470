//! Actions that mean the same on every screen: leaving, the terminal's size, the measure,
//! issues, marks, and the searches that start anywhere. Called only from `update`.

use std::sync::Arc;

use super::{
    Action, AppState, CopyKind, Effect, MEASURE_RANGE, MEASURE_STEP, Notice, Screen, memory, search,
};

/// `y`, `Y`, `c`: the clip for the main loop to copy (it reports how it went).
fn copy(state: &AppState, kind: CopyKind) -> Effect {
    super::copy::clip(state, kind).map_or(Effect::None, Effect::Copy)
}

/// Handles `action` if it means the same everywhere; `None` leaves it to the screen.
pub fn update(state: &mut AppState, action: &Action) -> Option<Effect> {
    match action {
        Action::Quit => Some(Effect::Quit),
        Action::Suspend => Some(Effect::Suspend),
        Action::Redraw => Some(Effect::Redraw),
        Action::CopyParagraph => Some(copy(state, CopyKind::Paragraph)),
        Action::CopyArticle => Some(copy(state, CopyKind::Article)),
        Action::CopyCitation => Some(copy(state, CopyKind::Citation)),
        _ => (terminal(state, action)
            || display(state, action)
            || issues(state, action)
            || searches(state, action)
            || marks(state, action))
        .then_some(Effect::None),
    }
}

/// What the terminal and the main loop report.
fn terminal(state: &mut AppState, action: &Action) -> bool {
    match action {
        Action::Resize(width, height) => {
            // The reading position stays: only the lines it is drawn on change.
            (state.width, state.height) = (*width, *height);
            state.relayout();
            memory::restore(state);
        }
        Action::Pending(keys) => state.pending.clone_from(keys),
        Action::Notice(notice) => state.notice = Some(notice.clone()),
        Action::AmbiguousWidth(mode) => state.options.ambiguous = *mode,
        _ => return false,
    }
    true
}

/// The help overlay and the measure.
fn display(state: &mut AppState, action: &Action) -> bool {
    let measure = state.options.measure;
    let (low, high) = (*MEASURE_RANGE.start(), *MEASURE_RANGE.end());
    let measure = match action {
        Action::Help => {
            state.help = if state.help.is_some() { None } else { Some(0) };
            return true;
        }
        Action::Widen => (measure + MEASURE_STEP).min(high),
        Action::Narrow => measure.saturating_sub(MEASURE_STEP).max(low),
        Action::ResetMeasure => state.base_measure,
        Action::ToggleScript => {
            super::shown::toggle_script(state);
            return true;
        }
        _ => return false,
    };
    // The reading position stays: the first character on screen is still on screen.
    state.options.measure = measure;
    state.notice = Some(Notice::Measure(measure));
    true
}

/// Moving between issues, and the library once loaded.
fn issues(state: &mut AppState, action: &Action) -> bool {
    match action {
        Action::NextIssue if state.issue + 1 >= state.issues.len() => {
            state.notice = Some(Notice::LastIssue);
        }
        Action::PrevIssue if state.issue == 0 => state.notice = Some(Notice::FirstIssue),
        Action::NextIssue => state.select_issue(state.issue + 1),
        Action::PrevIssue => state.select_issue(state.issue - 1),
        Action::IssueList => {
            state.issue_cursor = state.issue;
            state.screen = Screen::Issues;
        }
        Action::LibraryScanned(summaries) => {
            state.scanned(summaries);
            state.loading = false;
            // The place to go back to may be in an issue not known until now.
            memory::restore(state);
        }
        Action::LibraryLoaded(issues) => {
            // Every issue in memory: none is parsed on opening any more.
            state.shelf = None;
            state.issues = Arc::clone(&issues.0);
            state.loading = false;
            state.remembered.reload(&state.issues);
            state.relayout();
            memory::restore(state);
        }
        _ => return false,
    }
    true
}

/// Searches that open from any screen, and what the background thread built for them.
fn searches(state: &mut AppState, action: &Action) -> bool {
    let prompt_open = state.search.prompt.is_some();
    match action {
        Action::DictionaryReady(dictionary) => {
            state.search.dictionary = Some(dictionary.clone());
        }
        Action::ArchiveOpened(index, root) => {
            state.search.archive = Some(search::Archive::new(index.clone(), root.clone()));
            search::search_again(state);
        }
        Action::Indexing(progress) => {
            if let Some(archive) = state.search.archive.as_mut() {
                archive.progress.clone_from(progress);
            }
            // More is indexed: the results on screen are searched again when it is done.
            if progress.is_none() {
                search::search_again(state);
            }
        }
        Action::GoToDate if !prompt_open => search::open_prompt(state, search::Scope::Date),
        Action::Search if !prompt_open => search::offer_last(state),
        _ => return false,
    }
    true
}

/// Read marks and bookmarks.
fn marks(state: &mut AppState, action: &Action) -> bool {
    match action {
        Action::ToggleRead => memory::toggle_read(state),
        Action::MarkIssueRead => memory::mark_issue_read(state),
        Action::ToggleBookmark => memory::toggle_bookmark(state),
        Action::Bookmarks => memory::list_bookmarks(state),
        _ => return false,
    }
    true
}
