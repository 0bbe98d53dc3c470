//! The real terminal: raw mode and the alternate screen, always restored (on quit, error,
//! panic, SIGTERM, SIGHUP and SIGQUIT), Ctrl-Z suspend, and the main loop that turns input and
//! signals into actions. The only module besides `main.rs` that touches the terminal.

mod background;
mod clipboard;
mod run;
mod screen;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::Sender;
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
use crate::app::{Action, AppState};
use crate::search::{Corpus, Ranker};
use crate::typeset::AmbiguousWidth;
pub use clipboard::Clipboard;
pub use run::run;
pub use screen::{Screen, Scroll};

/// Lines a mouse wheel step scrolls.
const WHEEL_LINES: i32 = 3;

/// What the main loop waits for.
pub(super) enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGQUIT: leave cleanly.
    Stop,
    /// SIGCONT: resumed after a stop from outside; redraw everything.
    Resumed,
    /// The search corpus of these issues has been built.
    Corpus(Arc<Corpus>, Arc<Vec<crate::model::Issue>>),
    /// The word segmenter has loaded.
    Ranker(Box<Ranker>),
    /// Every issue of the library has been parsed.
    Library(Arc<Vec<crate::model::Issue>>),
    /// An action from a background thread (the archive index's, say).
    App(crate::app::Action),
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
    pub(super) fn suspend(&self) -> io::Result<()> {
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
    // The reading pane's scroll region (left set between frames) goes first.
    let _ = stdout.write_all(screen::RESET_REGION);
    let _ = execute!(stdout, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// The actions for one terminal event.
pub(super) fn actions_for_event(
    event: &Event,
    state: &AppState,
    resolver: &mut Resolver,
) -> Vec<Action> {
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
pub(super) fn probe_ambiguous_width() -> AmbiguousWidth {
    let mut stdout = io::stdout();
    let printed = execute!(stdout, cursor::MoveTo(0, 1), Print("▽")).is_ok();
    match (printed, cursor::position()) {
        (true, Ok((2, _))) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// Reads terminal events on a thread of its own.
pub(super) fn read_input(tx: Sender<Input>) -> io::Result<()> {
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
pub(super) fn watch_signals(tx: Sender<Input>) -> io::Result<()> {
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
