//! The `dubao` binary: parse the command line, choose the interactive reader (a terminal on
//! both ends) or plain output, and map errors to exit codes (2 for anything a user must fix;
//! a closed pipe is not an error).

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use dubao::app::keymap::Keymap;
use dubao::app::{AppState, ThemeKind};
use dubao::cli::Cli;
use dubao::{commands, term};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let interactive =
        cli.command.is_none() && io::stdout().is_terminal() && io::stdin().is_terminal();
    let result = if interactive {
        read(&cli).map(|()| ExitCode::SUCCESS)
    } else {
        commands::run(cli.command, &cli.paths, terminal_width())
    };
    match result {
        Ok(code) => code,
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dubao: {e}");
            ExitCode::from(2)
        }
    }
}

/// The interactive reader.
fn read(cli: &Cli) -> anyhow::Result<()> {
    let issues = commands::load(&cli.paths)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color {
        ThemeKind::Mono
    } else {
        ThemeKind::Color
    };
    term::run(
        AppState::new(issues, Keymap::default_keymap(), theme, 80, 24),
        cli.mouse,
    )
}

/// The terminal's width when stdout is a terminal, else 80.
fn terminal_width() -> usize {
    const FALLBACK: usize = 80;
    if !io::stdout().is_terminal() {
        return FALLBACK;
    }
    ratatui::crossterm::terminal::size().map_or(FALLBACK, |(w, _)| usize::from(w).max(1))
}
