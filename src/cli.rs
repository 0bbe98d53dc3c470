//! The command line: what a user can ask dubao to do.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::parse::Layout;

/// 读报 — read Chinese newspaper issues in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "dubao",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  dubao                      read the built-in sample issues\n  dubao papers/2023/         read a folder of issues as a library\n  dubao list issue.txt | head\n\nExit status: 0 on success, 1 when `search` finds nothing, 2 on a usage or input error."
)]
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
    /// The largest file read, in MiB (default 64; `size_limit` in the configuration).
    #[arg(long, global = true, value_name = "MIB")]
    pub size_limit: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles, one line each: number, tab, title.
    #[command(after_help = "Example:\n  dubao list 2023-05-06.txt")]
    List {
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
    },
    /// Export the parsed issues for scripts.
    #[command(
        after_help = "Example:\n  dubao export --json issue.txt | jq '.issues[0].articles[].title'"
    )]
    Export {
        /// Write JSON (the shape is documented in the README).
        #[arg(long, required = true)]
        json: bool,
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
    },
    /// Search every article for QUERY (terms separated by spaces must all occur; "…" quotes a
    /// phrase). One line per article found: number, tab, title, tab, snippet. A library folder
    /// is searched through its index (as with --index). Exit status 1 when nothing matches.
    #[command(after_help = "Example:\n  dubao search '电力 保供' papers/ --json")]
    Search {
        /// What to look for.
        query: String,
        /// Issue files or folders (default: the built-in samples).
        paths: Vec<PathBuf>,
        /// Write JSON instead: {"query", "hits": [{"issue", "article", "title", "snippets", "score"}]}.
        #[arg(long)]
        json: bool,
        /// Search the folder's index (built or updated first) instead of reading every issue;
        /// the query may hold -exclusions and date:, paper:, page: filters.
        #[arg(long)]
        index: bool,
        /// Order of the hits in a folder's index: relevance or date (newest first).
        #[arg(long, default_value = "relevance")]
        sort: crate::index::Sort,
        /// How many hits to print.
        #[arg(long, default_value_t = crate::index::command::DEFAULT_LIMIT)]
        limit: usize,
    },
    /// Build or update the search index of a library folder (kept in the cache directory): files
    /// added, changed or removed since the last run; a progress bar on a terminal.
    #[command(after_help = "Example:\n  dubao index papers/")]
    Index {
        /// The library folder (default: `library` from the configuration).
        dir: Option<PathBuf>,
    },
    /// Show where the configuration file is read from, or print a commented default one.
    #[command(
        group = clap::ArgGroup::new("what").required(true),
        after_help = "Example:\n  dubao config --default > \"$(dubao config --path)\""
    )]
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
    #[command(after_help = "Example:\n  dubao inspect --layout wrapped page.txt | less")]
    Inspect {
        /// The issue file to explain.
        file: PathBuf,
    },
    /// Count, per month (or --by year, week, day), the stories that hold each WORD (matched as
    /// `search` matches: "phrases", simplified or traditional) and draw them side by side on one
    /// scale. The values after the words that name existing files or folders are what to count
    /// in: a library folder is counted through its index (built or updated first); default: the
    /// configured `library`, else the built-in samples. Exit status 1 when no word is found.
    #[command(
        after_help = "Examples:\n  dubao trend 疫情 复工 papers/\n  dubao trend 电力 --by year --csv papers/ > 电力.csv"
    )]
    Trend {
        /// Words or quoted phrases to count, then (optionally) the library folder or issue files.
        #[arg(required = true, value_name = "WORD... [DIR]")]
        words: Vec<String>,
        /// The period each bar counts: day, week, month or year.
        #[arg(long, default_value = "month")]
        by: crate::trend::Period,
        /// Write JSON: {"by", "periods": [...], "series": [{"word", "counts", "undated"}]}.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Write CSV: a row per period, a column per word.
        #[arg(long)]
        csv: bool,
        /// Rows of bars per word in the chart.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=20))]
        height: u16,
    },
    /// Print shell completions for dubao.
    #[command(
        after_help = "Example:\n  dubao completions bash > ~/.local/share/bash-completion/completions/dubao"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print dubao's manual page (roff), generated from these same definitions.
    #[command(after_help = "Example:\n  dubao man > dubao.1 && man ./dubao.1")]
    Man,
    /// Print one article typeset as plain text.
    #[command(after_help = "Example:\n  dubao cat --article 3 --width 40 issue.txt")]
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
