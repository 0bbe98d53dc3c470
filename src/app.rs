//! The app: its state, and `update`, the one place that changes it.
//!
//! No IO here and no words for the screen: `update` returns an [`Effect`] for the main loop to
//! carry out and leaves a [`Notice`] for the views to put into words. The app knows nothing of
//! `ui`, `term` or `config` (`.ci/run` checks it); it is set up from plain [`Settings`].

pub mod action;
pub mod copy;
mod global;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod memory;
mod notice;
pub mod outline;
mod screens;
pub mod search;
pub mod shelf;
mod shown;
mod state;
pub mod trend;

pub use action::Action;
pub use notice::{CopyKind, CopyVia, Notice};
pub use state::{AppState, Language, Settings};

/// The measures `+`/`-` move between, and the configuration accepts.
pub const MEASURE_RANGE: std::ops::RangeInclusive<usize> = 20..=400;
/// Columns `+`/`-` add or take away.
pub const MEASURE_STEP: usize = 4;

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
    /// A query's stories per period (`T`).
    Trend,
}

/// Colours for a dark or a light terminal, or none (`NO_COLOR`): states are then shown with
/// bold, reverse and underline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
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
    /// Put this text on the clipboard (and then report it with [`Notice::Copied`]).
    Copy(copy::Clip),
}

/// Applies `action` to `state`: actions that mean the same everywhere first, then the open
/// prompt, overlay or screen.
#[allow(clippy::needless_pass_by_value)] // an action is a message: update takes it, as in Elm
pub fn update(state: &mut AppState, action: Action) -> Effect {
    // A notice stays until the user does something (a warning at start-up too: what the
    // terminal and the background threads report is not the user).
    let internal = matches!(
        action,
        Action::Resize(..)
            | Action::Pending(_)
            | Action::DictionaryReady(_)
            | Action::ArchiveOpened(..)
            | Action::Indexing(_)
            | Action::AmbiguousWidth(_)
            | Action::LibraryLoaded(_)
            | Action::LibraryScanned(_)
    );
    if !internal {
        state.notice = None;
    }
    let effect = global::update(state, &action).unwrap_or_else(|| {
        if screens::update(state, &action) {
            Effect::Quit
        } else {
            Effect::None
        }
    });
    state.relayout();
    memory::note_progress(state);
    effect
}
