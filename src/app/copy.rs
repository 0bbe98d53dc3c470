//! `y`, `Y` and `c`: what to copy, as a place in the issues. The words of a citation and the
//! way to the clipboard are the caller's (`ui::clip`, `term::clipboard`): no IO here.

use super::layout::TextPos;
use super::{AppState, CopyKind, Screen};

/// Something to copy: an article of an issue, whole, cited, or one paragraph of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clip {
    pub kind: CopyKind,
    pub issue: usize,
    pub article: usize,
    /// The paragraph, for [`CopyKind::Paragraph`].
    pub paragraph: usize,
}

/// What `kind` copies now, if an article is open or selected.
pub fn clip(state: &AppState, kind: CopyKind) -> Option<Clip> {
    let article = state.current_article()?;
    let paragraph = match kind {
        CopyKind::Paragraph => {
            let count = article.paragraphs.len();
            if count == 0 {
                return None;
            }
            current_match(state)
                .or_else(|| top_paragraph(state))
                .unwrap_or(0)
                .min(count - 1)
        }
        CopyKind::Article | CopyKind::Citation => 0,
    };
    Some(Clip {
        kind,
        issue: state.issue,
        article: state.article,
        paragraph,
    })
}

/// The paragraph of the current search match, when there is one.
fn current_match(state: &AppState) -> Option<usize> {
    let finder = state.search.finder.as_ref()?;
    finder.matches.get(finder.current).map(|m| m.paragraph)
}

/// The first paragraph that shows on the reading pane's top line or below it.
fn top_paragraph(state: &AppState) -> Option<usize> {
    let reading = state.screen == Screen::Reader || state.split();
    if !reading {
        return None;
    }
    let top: TextPos = state.layout().pos_of(state.scroll());
    Some(top.paragraph().unwrap_or(0))
}
