//! The real terminal: raw mode and the alternate screen, always restored (on quit, error,
//! panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT, the terminal closing), Ctrl-Z and SIGTSTP suspend, and the main loop that turns input and
//! signals into actions. The only module besides `main.rs` that touches the terminal.

mod background;
mod clipboard;
mod keys;
mod reader;
mod run;
mod screen;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::style::Print;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use crate::app::keymap::{Resolver, actions_for};
use crate::app::{Action, AppState};
use crate::search::Dictionary;
use crate::typeset::AmbiguousWidth;
pub use clipboard::Clipboard;
use reader::read_input;
pub use run::run;
pub use screen::{Screen, Scroll};

/// Lines a mouse wheel step scrolls.
const WHEEL_LINES: i32 = 3;

/// What the main loop waits for.
pub(super) enum Input {
    Terminal(Event),
    /// The terminal answered a question dubao asked.
    Answer(keys::Answer),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT, or the terminal gone: leave cleanly.
    Stop,
    /// SIGTSTP from outside: give the terminal back, then stop.
    Suspend,
    /// SIGWINCH: the size is read again.
    Resized,
    /// SIGCONT: resumed after a stop from outside; redraw everything.
    Resumed,
    /// The word segmenter has loaded.
    Dictionary(Box<Dictionary>),
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
        // SIGTSTP itself is caught (to get here); its default action is SIGSTOP.
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
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

/// Asks how wide the terminal draws an East Asian Ambiguous character: one is printed at the
/// start of the second row (as Vim does) and the cursor's place asked for (`ESC[6n`). The
/// answer comes with the keys ([`ambiguous_width`]); until it does, and if it never does,
/// narrow — and no key typed meanwhile is lost.
pub(super) fn ask_ambiguous_width() -> io::Result<()> {
    execute!(
        io::stdout(),
        cursor::MoveTo(0, 1),
        Print("▽"),
        Print("\x1b[6n")
    )
}

/// The width the probe's answer shows: the cursor after the glyph in column 3 (counted from
/// 1) means two cells.
pub(super) fn ambiguous_width(column: u16) -> AmbiguousWidth {
    if column == 3 {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    }
}

/// Turns SIGTERM, SIGHUP, SIGINT and SIGQUIT into a clean stop, SIGTSTP from outside into a
/// suspend (the terminal given back first), SIGCONT into a redraw and SIGWINCH into a resize.
pub(super) fn watch_signals(tx: Sender<Input>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let input = match signal {
                SIGCONT => Input::Resumed,
                SIGTSTP => Input::Suspend,
                SIGWINCH => Input::Resized,
                _ => Input::Stop,
            };
            if tx.send(input).is_err() {
                break;
            }
        }
    });
    Ok(())
}
