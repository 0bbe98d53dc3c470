//! Plain-text and JSON output, for pipes and scripts: no escape sequences, ever.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Article, Issue};
use crate::typeset::{Options, WordStarts, layout_article_with, plain_lines};

/// `N<TAB>title` for every article, numbered from 1 across all issues.
pub fn write_list(out: &mut impl Write, issues: &[Issue]) -> io::Result<()> {
    for (n, article) in articles(issues).enumerate() {
        writeln!(out, "{}\t{}", n + 1, article.title)?;
    }
    Ok(())
}

/// The issues as JSON: `{"issues":[…]}`.
pub fn write_json(out: &mut impl Write, issues: &[Issue]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Export<'a> {
        issues: &'a [Issue],
    }
    serde_json::to_writer(&mut *out, &Export { issues })?;
    writeln!(out)
}

/// One article typeset for `width` columns, its headlines broken between `words`.
pub fn write_article(
    out: &mut impl Write,
    article: &Article,
    width: usize,
    options: &Options,
    words: Option<WordStarts<'_>>,
) -> io::Result<()> {
    for line in plain_lines(&layout_article_with(article, width, options, words)) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Every article of every issue, typeset, with a header line per issue.
pub fn write_issues(
    out: &mut impl Write,
    issues: &[Issue],
    width: usize,
    options: &Options,
    words: Option<WordStarts<'_>>,
) -> io::Result<()> {
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let date = issue.date.map(|d| format!(" ({d})")).unwrap_or_default();
        writeln!(out, "{}{date}", issue.source)?;
        writeln!(out, "{}", "=".repeat(width.min(40)))?;
        for article in &issue.articles {
            writeln!(out)?;
            write_article(out, article, width, options, words)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Article `n` (from 1) counted across all issues.
pub fn article_at(issues: &[Issue], n: usize) -> Option<&Article> {
    articles(issues).nth(n.checked_sub(1)?)
}

fn articles(issues: &[Issue]) -> impl Iterator<Item = &Article> {
    issues.iter().flat_map(|issue| &issue.articles)
}
