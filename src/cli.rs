//! The command line: what a user can ask dubao to do.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::parse::Layout;

/// 读报 — read Chinese newspaper issues in the terminal.
#[derive(Debug, Parser)]
#[command(name = "dubao", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Issues to read: text files, or folders searched for *.txt. Default: the built-in samples.
    pub paths: Vec<PathBuf>,
    /// Scroll with the mouse wheel and open articles by clicking (off by default, so the
    /// terminal's own text selection keeps working).
    #[arg(long)]
    pub mouse: bool,
    /// Read the files in this layout instead of the one their text shows: blocks, indented,
    /// wrapped, markdown or labelled (see `dubao inspect`).
    #[arg(long, global = true, value_name = "NAME")]
    pub layout: Option<Layout>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles, one line each: number, tab, title.
    List {
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
    },
    /// Export the parsed issues for scripts.
    Export {
        /// Write JSON (the shape is documented in the README).
        #[arg(long, required = true)]
        json: bool,
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
    },
    /// Search every article for QUERY (terms separated by spaces must all occur; "…" quotes a
    /// phrase). One line per article found: number, tab, title, tab, snippet. Exit status 1
    /// when nothing matches.
    Search {
        /// What to look for.
        query: String,
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
        /// Write JSON instead: {"query", "hits": [{"issue", "article", "title", "snippets", "score"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Show where the configuration file is read from, or print a commented default one.
    #[command(group = clap::ArgGroup::new("what").required(true))]
    Config {
        /// Print the path of the configuration file.
        #[arg(long, group = "what")]
        path: bool,
        /// Print a default configuration file, every setting explained.
        #[arg(long, group = "what")]
        default: bool,
    },
    /// Print every line of FILE with the role the parser gave it and why, after the layout it
    /// detected and the evidence for it.
    Inspect {
        /// The issue file to explain.
        file: PathBuf,
    },
    /// Print one article typeset as plain text.
    Cat {
        /// The article's number, as `dubao list` shows it (from 1).
        #[arg(long, short = 'a', value_parser = clap::value_parser!(u64).range(1..))]
        article: u64,
        /// Line width in columns (default: the terminal's width, or 80 when not a terminal).
        #[arg(long, short = 'w', value_parser = clap::value_parser!(u64).range(1..=10_000))]
        width: Option<u64>,
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
    },
}
