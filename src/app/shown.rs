//! `t`: the script the text is shown in — original, simplified, traditional — with the
//! reading place and the search's matches carried over to the converted text.

use super::layout::Block;
use super::{AppState, Notice};
use crate::script::map_char;
use crate::search::{Query, find_in_article};

/// Shows the text in the next script; the first character on screen stays the first.
pub fn toggle_script(state: &mut AppState) {
    let before = state.reading;
    let length = |state: &AppState| match before.block {
        Block::Body(p) => state
            .shown_article()
            .and_then(|a| a.paragraphs.get(p))
            .map_or(0, |t| t.chars().count()),
        // The head's places count the characters of its lines.
        Block::Head => state.shown_article().map_or(0, |a| {
            let head = [a.rubric.as_deref(), a.kicker.as_deref(), Some(&a.title)];
            head.iter().flatten().map(|t| t.chars().count()).sum()
        }),
    };
    let from = length(state);
    state.script = state.script.next(state.traditional);
    state.relayout();
    let to = length(state);
    state.reading.char = map_char(before.char, from, to);
    // The matches as places in the text now shown.
    let query = state.search.finder.as_ref().map(|f| Query::parse(&f.query));
    if let (Some(query), Some(article)) = (query, state.shown_article()) {
        let matches = find_in_article(article, &query);
        if let Some(finder) = state.search.finder.as_mut() {
            finder.current = finder.current.min(matches.len().saturating_sub(1));
            finder.matches = matches;
        }
    }
    state.notice = Some(Notice::Script(state.script));
}
