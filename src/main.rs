//! The `dubao` binary: parse the command line, read the configuration, choose the interactive
//! reader (a terminal on both ends) or plain output, and map errors to exit codes (2 for
//! anything a user must fix; a closed pipe is not an error).

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use dubao::app::{AppState, Notice};
use dubao::cli::Cli;
use dubao::io::config::Config;
use dubao::io::store::Store;
use dubao::io::{config, library};
use dubao::{commands, term};

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    // `some-command | dubao`: the issue comes from the pipe (keys then come from the
    // terminal itself, /dev/tty, which crossterm opens when standard input is not one).
    if cli.command.is_none() && cli.paths.is_empty() && stdin_is_piped() {
        cli.paths.push("-".into());
    }
    // A bad configuration file is reported, and the defaults are used.
    let (config, warning) = match config::path().map(|p| Config::load(&p)).transpose() {
        Ok(config) => (config.unwrap_or_default(), None),
        Err(e) => (Config::default(), Some(e.to_string())),
    };
    if let Some(warning) = &warning {
        eprintln!("dubao: {warning} (using the defaults)");
    }
    if let Some(mib) = cli.size_limit.or(config.size_limit) {
        dubao::io::load::set_size_limit(mib.max(1).saturating_mul(1024 * 1024));
    }
    let interactive = cli.command.is_none() && io::stdout().is_terminal() && has_tty();
    let library = config.library.as_deref();
    let result = if interactive {
        read(&cli, &config, warning).map(|()| ExitCode::SUCCESS)
    } else {
        commands::run(
            cli.command,
            &cli.paths,
            library,
            cli.layout,
            terminal_width(),
            &config.options(),
        )
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
fn read(cli: &Cli, config: &Config, warning: Option<String>) -> anyhow::Result<()> {
    let (paths, mouse) = (cli.paths.as_slice(), cli.mouse);
    // A folder opens as a library: the newest issue now, the others in the background.
    let folder = match (paths, config.library.as_deref()) {
        ([one], _) if one.is_dir() => Some(one.as_path()),
        ([], Some(library)) if library.is_dir() => Some(library),
        _ => None,
    };
    let (issues, loader) = match folder {
        Some(folder) => {
            let (issues, loader) = library::open(folder, library::Catalog::in_cache_dir())?;
            (issues, Some(loader))
        }
        None => (
            commands::load(paths, config.library.as_deref(), cli.layout)?,
            None,
        ),
    };
    let loading = loader.is_some();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    // A state path that is a link, a FIFO or a folder is said, and nothing is kept.
    let store = Store::in_data_dir();
    let refused = store.as_ref().and_then(Store::refusal);
    let store = store.filter(|_| refused.is_none());
    let (memory, memory_warning) = store.as_ref().map(Store::load).unwrap_or_default();
    let memory_warning = refused.or(memory_warning);
    let mut state = AppState::with_settings(issues, config.settings(no_color)).with_memory(memory);
    let warnings: Vec<String> = warning.into_iter().chain(memory_warning).collect();
    state.notice = (!warnings.is_empty()).then(|| Notice::Warning(warnings.join("; ")));
    state.loading = loading;
    state.shelf = loader
        .as_ref()
        .map(|l| dubao::app::shelf::Shelf::new(l.source(), [0]));
    let clipboard = match config.clipboard {
        config::ClipboardSetting::Auto => term::Clipboard::Auto,
        config::ClipboardSetting::Osc52 => term::Clipboard::Osc52,
        config::ClipboardSetting::Tmux => term::Clipboard::Tmux,
        config::ClipboardSetting::Off => term::Clipboard::Off,
    };
    term::run(
        state,
        mouse || config.mouse,
        clipboard,
        store.as_ref(),
        loader,
    )
}

/// Standard input is a pipe or a file (not a terminal, and not /dev/null as under cron or a
/// test harness, which means no input at all).
fn stdin_is_piped() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        !io::stdin().is_terminal()
            && std::fs::metadata("/dev/stdin")
                .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Keys can be read: standard input is the terminal, or the process has one (`/dev/tty`)
/// while standard input is a pipe.
fn has_tty() -> bool {
    io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// The terminal's width when stdout is a terminal, else 80.
fn terminal_width() -> usize {
    const FALLBACK: usize = 80;
    if !io::stdout().is_terminal() {
        return FALLBACK;
    }
    ratatui::crossterm::terminal::size().map_or(FALLBACK, |(w, _)| usize::from(w).max(1))
}
