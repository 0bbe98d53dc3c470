//! The real terminal: raw mode and the alternate screen, always restored (on quit, error,
//! panic, SIGTERM, SIGHUP and SIGQUIT), Ctrl-Z suspend, and the main loop that turns input and
//! signals into actions. The only module besides `main.rs` that touches the terminal.

mod screen;

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::style::Print;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::keymap::{Resolver, actions_for};
use crate::app::layout::panes;
use crate::app::memory;
use crate::app::search::Shared;
use crate::app::{Action, AppState, Effect, Screen as View, update};
use crate::library::Loader;
use crate::search::{Corpus, Ranker};
use crate::state::Store;
use crate::typeset::AmbiguousWidth;
pub use screen::{Screen, Scroll};

/// Lines a mouse wheel step scrolls.
const WHEEL_LINES: i32 = 3;

/// What the main loop waits for.
enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGQUIT: leave cleanly.
    Stop,
    /// SIGCONT: resumed after a stop from outside; redraw everything.
    Resumed,
    /// The word segmenter has loaded.
    Ranker(Box<Ranker>),
    /// Every issue of the library has been parsed.
    Library(Arc<Vec<crate::model::Issue>>),
}

/// Raw mode and the alternate screen while alive; the terminal as it was after drop.
pub struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    /// Takes over the terminal and installs a panic hook that gives it back first.
    pub fn enter(mouse: bool) -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(mouse);
            previous(info);
        }));
        let guard = Self { mouse };
        guard.take_over()?;
        Ok(guard)
    }

    fn take_over(&self) -> io::Result<()> {
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        execute!(stdout, EnterAlternateScreen, cursor::Hide)?;
        if self.mouse {
            execute!(stdout, EnableMouseCapture)?;
        }
        Ok(())
    }

    /// Gives the terminal back, stops the process (as Ctrl-Z would), and takes it over again
    /// once resumed.
    fn suspend(&self) -> io::Result<()> {
        restore(self.mouse);
        signal_hook::low_level::raise(SIGTSTP)?;
        self.take_over()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Leaves the alternate screen and raw mode; safe to call more than once.
fn restore(mouse: bool) {
    let mut stdout = io::stdout();
    if mouse {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(stdout, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Runs the interactive reader until the user quits or a signal asks it to stop, saving
/// marks to `store` as they change and the reading place when leaving.
pub fn run(
    mut state: AppState,
    mouse: bool,
    store: Option<&Store>,
    library: Option<Loader>,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    let guard = TerminalGuard::enter(mouse)?;
    // Before the input thread starts, or it would read the terminal's answer as keys.
    if state.probe_ambiguous {
        update(&mut state, Action::AmbiguousWidth(probe_ambiguous_width()));
    }
    read_input(tx.clone())?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    update(&mut state, Action::Resize(width, height));
    let mut screen = Screen::new(BufWriter::new(io::stdout()), width, height)?;
    screen.draw(&state, None)?;
    // After the first frame, on threads of their own: the rest of the library, then jieba
    // (about 0.1 s to load) for the issues as they finally are.
    let issues = Arc::clone(&state.issues);
    thread::spawn(move || {
        let issues = match library {
            Some(load) => {
                let loaded = Arc::new(load());
                let _ = tx.send(Input::Library(Arc::clone(&loaded)));
                loaded
            }
            None => issues,
        };
        let _ = tx.send(Input::Ranker(Box::new(Ranker::new(&Corpus::new(&issues)))));
    });
    let result = main_loop(&mut state, &mut screen, &rx, &guard, store);
    if let Some(store) = store {
        let mut memory = state.remembered.memory.clone();
        memory.place = memory::place(&state);
        store.save(&memory)?;
    }
    result
}

fn main_loop(
    state: &mut AppState,
    screen: &mut Screen<BufWriter<Stdout>>,
    rx: &Receiver<Input>,
    guard: &TerminalGuard,
    store: Option<&Store>,
) -> anyhow::Result<()> {
    let mut resolver = Resolver::default();
    let mut saved = state.remembered.changes;
    // `run` has drawn the first frame.
    let mut dirty = false;
    let mut scroll = None;
    loop {
        // Draw only after a change: an idle reader writes nothing.
        if dirty {
            screen.draw(state, scroll)?;
            dirty = false;
        }
        let input = rx.recv()?;
        // A resize signal can be missed (one arriving while the terminal is being set up):
        // the size is checked again on every input, which costs one ioctl.
        let mut actions = match ratatui::crossterm::terminal::size() {
            Ok((width, height)) if (width, height) != (state.width, state.height) => {
                vec![Action::Resize(width, height)]
            }
            _ => Vec::new(),
        };
        actions.extend(match input {
            Input::Stop => return Ok(()),
            Input::Resumed => vec![Action::Redraw],
            Input::Ranker(ranker) => vec![Action::RankerReady(Shared(Arc::from(ranker)))],
            Input::Library(issues) => vec![Action::LibraryLoaded(Shared(issues))],
            Input::Terminal(event) => actions_for_event(&event, state, &mut resolver),
        });
        let before = state.view_key();
        let place = reader_place(state);
        let size = (state.width, state.height);
        for action in actions {
            match update(state, action) {
                Effect::None => {}
                Effect::Quit => return Ok(()),
                Effect::Redraw => {
                    screen.invalidate()?;
                    dirty = true;
                }
                Effect::Suspend => {
                    guard.suspend()?;
                    screen.invalidate()?;
                    dirty = true;
                }
            }
        }
        if (state.width, state.height) != size {
            screen.resize(state.width, state.height)?;
        }
        scroll = scroll_of(place, state);
        if let Some(store) = store.filter(|_| state.remembered.changes != saved) {
            saved = state.remembered.changes;
            if let Err(e) = store.save(&state.remembered.memory) {
                update(
                    state,
                    Action::Notice(format!("{}: {e}", store.path().display())),
                );
            }
        }
        dirty |= state.view_key() != before;
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
    let area = panes(state.width, state.height, true)
        .reader
        .filter(|_| alone)?;
    Some(ReaderPlace {
        article: (state.issue, state.article),
        scroll: state.scroll,
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

fn actions_for_event(event: &Event, state: &AppState, resolver: &mut Resolver) -> Vec<Action> {
    match *event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            actions_for(state.search.prompt.is_some(), resolver, &state.keymap, key)
        }
        Event::Resize(width, height) => vec![Action::Resize(width, height)],
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => vec![Action::Scroll(WHEEL_LINES)],
            MouseEventKind::ScrollUp => vec![Action::Scroll(-WHEEL_LINES)],
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click(mouse.column, mouse.row)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// How wide the terminal draws an East Asian Ambiguous character: one is printed on the second
/// row (as Vim does: on the first, the answer could read as a key) and the cursor position asked
/// for (`ESC[6n`). No answer (crossterm waits up to 2 s) means narrow.
fn probe_ambiguous_width() -> AmbiguousWidth {
    let mut stdout = io::stdout();
    let printed = execute!(stdout, cursor::MoveTo(0, 1), Print("▽")).is_ok();
    match (printed, cursor::position()) {
        (true, Ok((2, _))) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// Reads terminal events on a thread of its own.
fn read_input(tx: Sender<Input>) -> io::Result<()> {
    // Set up crossterm's event source (and its SIGWINCH handler) now, not when the thread
    // first runs: a resize in between would be lost.
    event::poll(std::time::Duration::ZERO)?;
    thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(event) => event,
                // A signal (a resize, say) interrupted the wait: not an error.
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
                    ) =>
                {
                    continue;
                }
                Err(_) => break,
            };
            if tx.send(Input::Terminal(event)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Turns SIGTERM, SIGHUP and SIGQUIT into a clean stop, and SIGCONT into a redraw.
fn watch_signals(tx: Sender<Input>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let input = if signal == SIGCONT {
                Input::Resumed
            } else {
                Input::Stop
            };
            if tx.send(input).is_err() {
                break;
            }
        }
    });
    Ok(())
}
