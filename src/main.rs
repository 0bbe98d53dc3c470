//! The `dubao` binary: parse the command line, load issues, print — and map errors to exit
//! codes (2 for anything a user must fix; a closed pipe is not an error).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use dubao::app::keymap::Keymap;
use dubao::app::{AppState, ThemeKind};
use dubao::cli::{Cli, Command};
use dubao::load::load_all;
use dubao::model::Issue;
use dubao::typeset::Options;
use dubao::{plain, term};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
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

fn run(cli: Cli) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let options = Options::default();
    match cli.command {
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            let issues = load(&cli.paths)?;
            drop(out);
            let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                ThemeKind::Mono
            } else {
                ThemeKind::Color
            };
            let state = AppState::new(issues, Keymap::default_keymap(), theme, 80, 24);
            return term::run(state, cli.mouse);
        }
        None => {
            let issues = load(&cli.paths)?;
            plain::write_issues(&mut out, &issues, terminal_width(), &options)?;
        }
        Some(Command::List { paths }) => plain::write_list(&mut out, &load(&paths)?)?,
        Some(Command::Export { paths, .. }) => plain::write_json(&mut out, &load(&paths)?)?,
        Some(Command::Cat {
            paths,
            article,
            width,
        }) => {
            let issues = load(&paths)?;
            let count: usize = issues.iter().map(|i| i.articles.len()).sum();
            let found = usize::try_from(article)
                .ok()
                .and_then(|n| plain::article_at(&issues, n));
            let Some(found) = found else {
                anyhow::bail!("no article {article}: the issues hold {count} (see `dubao list`)");
            };
            let width = width
                .and_then(|w| usize::try_from(w).ok())
                .unwrap_or_else(terminal_width);
            plain::write_article(&mut out, found, width, &options)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Loads issues, telling the user about any that hold no articles.
fn load(paths: &[std::path::PathBuf]) -> anyhow::Result<Vec<Issue>> {
    let issues = load_all(paths)?;
    for issue in issues.iter().filter(|i| i.articles.is_empty()) {
        eprintln!(
            "dubao: {}: no articles found (the file is empty)",
            issue.source
        );
    }
    Ok(issues)
}

/// The terminal's width when stdout is a terminal, else 80.
fn terminal_width() -> usize {
    const FALLBACK: usize = 80;
    if !io::stdout().is_terminal() {
        return FALLBACK;
    }
    ratatui::crossterm::terminal::size().map_or(FALLBACK, |(w, _)| usize::from(w).max(1))
}
