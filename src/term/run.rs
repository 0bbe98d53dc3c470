//! The main loop, in named steps: wait for an input, turn it into actions, update, carry out
//! the effects, save what changed, draw if anything on screen changed.

use std::io::{self, BufWriter, Stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use super::keys::Answer;
use super::{
    Clipboard, Input, Screen, Scroll, TerminalGuard, actions_for_event, ambiguous_width,
    ask_ambiguous_width, read_input, watch_signals,
};
use crate::app::keymap::Resolver;
use crate::app::search::Shared;
use crate::app::{Action, AppState, Effect, Notice, Screen as View, memory, update};
use crate::io::library::Loader;
use crate::io::store::Store;

/// Runs the interactive reader until the user quits or a signal asks it to stop, saving
/// marks to `store` as they change and the reading place when leaving.
pub fn run(
    mut state: AppState,
    mouse: bool,
    clipboard: Clipboard,
    store: Option<&Store>,
    library: Option<Loader>,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    let guard = TerminalGuard::enter(mouse)?;
    read_input(tx.clone())?;
    // Its answer comes with the keys.
    if state.probe_ambiguous {
        ask_ambiguous_width()?;
    }
    let (width, height) = ratatui::crossterm::terminal::size()?;
    update(&mut state, Action::Resize(width, height));
    let mut screen = Screen::new(BufWriter::new(io::stdout()), width, height)?;
    screen.draw(&state, None)?;
    super::background::start(Arc::clone(&state.issues), library, tx);
    let probing = state.probe_ambiguous;
    let mut run = Loop {
        state: &mut state,
        screen: &mut screen,
        guard: &guard,
        clipboard,
        store,
        resolver: Resolver::default(),
        saved: 0,
        probing,
    };
    run.saved = run.state.remembered.changes;
    let result = run.until_quit(&rx);
    if let Some(store) = store {
        let mut memory = state.remembered.memory.clone();
        memory.place = memory::place(&state);
        store.save(&memory).map_err(|e| {
            anyhow::anyhow!(
                "{}: reading state not saved: {e}",
                crate::error::escape_path(store.path())
            )
        })?;
    }
    result
}

/// What the loop carries from one input to the next.
struct Loop<'a> {
    state: &'a mut AppState,
    screen: &'a mut Screen<BufWriter<Stdout>>,
    guard: &'a TerminalGuard,
    clipboard: Clipboard,
    store: Option<&'a Store>,
    resolver: Resolver,
    /// `remembered.changes` when last saved.
    saved: u64,
    /// The width probe's answer is awaited.
    probing: bool,
}

impl Loop<'_> {
    fn until_quit(&mut self, rx: &Receiver<Input>) -> anyhow::Result<()> {
        // `run` has drawn the first frame.
        let mut dirty = false;
        let mut scroll = None;
        loop {
            // Draw only after a change: an idle reader writes nothing.
            if dirty {
                self.screen.draw(self.state, scroll)?;
            }
            let Some(actions) = self.actions(rx.recv()?) else {
                return Ok(());
            };
            let before = self.state.view_key();
            let place = reader_place(self.state);
            let size = (self.state.width, self.state.height);
            let Some(redraw) = self.apply(actions)? else {
                return Ok(());
            };
            if (self.state.width, self.state.height) != size {
                self.screen.resize(self.state.width, self.state.height)?;
            }
            scroll = scroll_of(place, self.state);
            self.save_marks();
            dirty = redraw || self.state.view_key() != before;
        }
    }

    /// The actions an input stands for; `None` for a signal to stop.
    fn actions(&mut self, input: Input) -> Option<Vec<Action>> {
        // A resize signal can be missed (one arriving while the terminal is being set up):
        // the size is checked again on every input, which costs one ioctl.
        let mut actions = match ratatui::crossterm::terminal::size() {
            Ok(size) if size != (self.state.width, self.state.height) => {
                vec![Action::Resize(size.0, size.1)]
            }
            _ => Vec::new(),
        };
        actions.extend(match input {
            Input::Stop => return None,
            Input::Resumed => vec![Action::Redraw],
            Input::Answer(Answer::Cursor { column, .. }) if self.probing => {
                self.probing = false;
                let width = ambiguous_width(column);
                // What is on screen was drawn for the other width: all of it again (the
                // changed options make the frame).
                if width != self.state.options.ambiguous {
                    let _ = self.screen.invalidate();
                }
                vec![Action::AmbiguousWidth(width)]
            }
            // The size check above makes the resize; a cursor's place not asked for is
            // nothing.
            Input::Resized | Input::Answer(Answer::Cursor { .. }) => Vec::new(),
            Input::Suspend => vec![Action::Suspend],
            Input::Dictionary(dictionary) => {
                vec![Action::DictionaryReady(Shared(Arc::from(dictionary)))]
            }
            Input::Library(issues) => vec![Action::LibraryLoaded(Shared(issues))],
            Input::App(action) => vec![action],
            Input::Answer(Answer::Synchronized(yes)) => {
                self.screen.set_synchronized(yes);
                Vec::new()
            }
            Input::Terminal(event) => {
                // How a test reaches the panic hook, on the first input: debug builds only.
                assert!(
                    !cfg!(debug_assertions) || std::env::var_os("DUBAO_TEST_PANIC").is_none(),
                    "DUBAO_TEST_PANIC is set"
                );
                actions_for_event(&event, self.state, &mut self.resolver)
            }
        });
        Some(actions)
    }

    /// Updates the state with `actions` and carries out their effects: `Some(true)` when the
    /// screen must be drawn afresh, `None` to quit.
    fn apply(&mut self, actions: Vec<Action>) -> io::Result<Option<bool>> {
        let mut redraw = false;
        for action in actions {
            match update(self.state, action) {
                Effect::None => {}
                Effect::Quit => return Ok(None),
                Effect::Redraw => {
                    self.screen.invalidate()?;
                    redraw = true;
                }
                Effect::Copy(clip) => self.copy(&clip),
                Effect::Suspend => {
                    self.guard.suspend()?;
                    self.screen.invalidate()?;
                    redraw = true;
                }
            }
        }
        Ok(Some(redraw))
    }

    /// Puts `clip` on the clipboard and says so (or why not) in the status line.
    fn copy(&mut self, clip: &crate::app::copy::Clip) {
        let Some(text) = crate::ui::clip::text(self.state, clip) else {
            return;
        };
        let notice = match super::clipboard::copy(self.clipboard, &text, self.screen.writer()) {
            Ok(Some(via)) => Notice::Copied {
                what: clip.kind,
                chars: text.chars().count(),
                via,
            },
            Ok(None) => Notice::ClipboardOff,
            Err(e) => Notice::CopyFailed(e.to_string()),
        };
        update(self.state, Action::Notice(notice));
    }

    /// Saves the marks when they changed; a failure is told in the status line.
    fn save_marks(&mut self) {
        let Some(store) = self.store else {
            return;
        };
        if self.state.remembered.changes == self.saved {
            return;
        }
        self.saved = self.state.remembered.changes;
        if let Err(e) = store.save(&self.state.remembered.memory) {
            let notice = Notice::SaveFailed {
                path: store.path().to_path_buf(),
                error: e.to_string(),
            };
            update(self.state, Action::Notice(notice));
        }
    }
}

/// The full-width reading pane: which article, scrolled how far, on which rows.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ReaderPlace {
    article: (usize, usize),
    scroll: usize,
    rows: (u16, u16),
}

/// Where the reading pane is, when it is alone on screen besides masthead and status line.
fn reader_place(state: &AppState) -> Option<ReaderPlace> {
    let alone = state.screen == View::Reader && !state.split() && state.help.is_none();
    let area = state.layout().panes.reader.filter(|_| alone)?;
    Some(ReaderPlace {
        article: (state.issue, state.article),
        scroll: state.scroll(),
        rows: (area.top(), area.bottom()),
    })
}

/// The lines the reading pane scrolled by, if that is all that moved.
fn scroll_of(before: Option<ReaderPlace>, state: &AppState) -> Option<Scroll> {
    let (before, now) = (before?, reader_place(state)?);
    if (before.article, before.rows) != (now.article, now.rows) || before.scroll == now.scroll {
        return None;
    }
    let lines = i32::try_from(now.scroll).ok()? - i32::try_from(before.scroll).ok()?;
    Some(Scroll {
        top: now.rows.0,
        bottom: now.rows.1,
        lines,
    })
}
