//! Search in the open article, less-style: matches as you type, `n` and `N` between them,
//! the current one scrolled into view.

use super::Finder;
use crate::app::layout::TextPos;
use crate::app::{AppState, Notice};
use crate::search::{Match, Query, find_in_article};

/// Finds `input` in the open article and shows the first match from the top of the pane on.
pub fn find(state: &mut AppState, input: &str) {
    let query = Query::parse(input);
    // Matches are places in the text as it is shown (its script).
    let Some(article) = state.shown_article() else {
        return;
    };
    let matches = find_in_article(article, &query);
    // Below the top of the pane: at or after the first character on screen.
    let first_visible = state.layout().pos_of(state.scroll());
    let current = matches
        .iter()
        .position(|m| match_pos(article, m) >= first_visible)
        .unwrap_or(0);
    state.search.finder = (!query.is_empty()).then(|| Finder {
        query: input.to_owned(),
        matches,
        current,
    });
    show_current_match(state);
}

/// `n` / `N`: the next or previous match, wrapping around.
pub fn step(state: &mut AppState, forward: bool) {
    let Some(finder) = state
        .search
        .finder
        .as_mut()
        .filter(|f| !f.matches.is_empty())
    else {
        state.notice = Some(Notice::NoSearch);
        return;
    };
    let count = finder.matches.len();
    finder.current = if forward {
        (finder.current + 1) % count
    } else {
        (finder.current + count - 1) % count
    };
    show_current_match(state);
}

/// Scrolls the reading pane so the current match is in view (a third of the way down).
fn show_current_match(state: &mut AppState) {
    let Some(m) = state
        .search
        .finder
        .as_ref()
        .and_then(|f| f.matches.get(f.current))
        .copied()
    else {
        return;
    };
    let Some(at) = state.shown_article().map(|a| match_pos(a, &m)) else {
        return;
    };
    let layout = state.layout();
    let (line, top, rows) = (layout.line_of(at), state.scroll(), layout.rows());
    if line < top || line >= top + rows {
        state.scroll_to(line.saturating_sub(rows / 3));
    }
}

/// Where `m` starts in the text.
fn match_pos(article: &crate::model::Article, m: &Match) -> TextPos {
    let text = article
        .paragraphs
        .get(m.paragraph)
        .map_or("", String::as_str);
    TextPos::in_paragraph(m.paragraph, text, m.start)
}
