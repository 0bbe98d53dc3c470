//! `o`: the open article's outline — its subheadings, lead box and sidebars, from the typed
//! body blocks — and jumping to one of them; the section the reading pane is in.

use super::layout::TextPos;
use super::{Action, AppState, Notice, Screen};
use crate::model::{Article, BlockKind};

/// One place of the outline: a body block that heads a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub paragraph: usize,
    pub kind: BlockKind,
    pub text: &'a str,
}

/// The blocks of `article` that head a section, in order: subheadings, sidebar labels, the
/// first block of a lead box and of an editor's note.
pub fn entries(article: &Article) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    for (paragraph, kind, text) in article.typed_blocks() {
        let heads = match kind {
            BlockKind::Subheading | BlockKind::SidebarLabel => true,
            // A box runs over several blocks: its first one stands for it.
            BlockKind::Lead | BlockKind::EditorsNote => {
                paragraph == 0 || article.kind(paragraph - 1) != kind
            }
            BlockKind::Paragraph | BlockKind::Caption | BlockKind::PhotoCredit => false,
        };
        if heads {
            out.push(Entry {
                paragraph,
                kind,
                text,
            });
        }
    }
    out
}

/// The outline of the article shown.
pub fn shown_entries(state: &AppState) -> Vec<Entry<'_>> {
    state.shown_article().map(entries).unwrap_or_default()
}

/// The entry whose section the top of the reading pane is in.
pub fn current(state: &AppState) -> Option<usize> {
    let top = state.layout().pos_of(state.scroll()).paragraph()?;
    shown_entries(state)
        .iter()
        .rposition(|e| e.paragraph <= top)
}

/// Opens the outline at the current section; says so when the article has none.
pub fn open(state: &mut AppState) {
    if state.current_article().is_none() {
        return;
    }
    if shown_entries(state).is_empty() {
        state.notice = Some(Notice::NoOutline);
        return;
    }
    if state.screen != Screen::Reader {
        state.open();
    }
    state.outline = Some(current(state).unwrap_or(0));
}

/// Keys while the outline is open: move, jump, close.
pub fn update(state: &mut AppState, selected: usize, action: &Action) {
    let last = shown_entries(state).len().saturating_sub(1);
    state.outline = match action {
        Action::Down | Action::Scroll(1..) => Some((selected + 1).min(last)),
        Action::Up | Action::Scroll(..=-1) => Some(selected.saturating_sub(1)),
        Action::Top => Some(0),
        Action::Bottom => Some(last),
        Action::Open | Action::Right => {
            jump(state, selected);
            None
        }
        Action::Back | Action::Close | Action::Left | Action::Outline => None,
        _ => Some(selected),
    };
}

/// Scrolls the reading pane so entry `index` is its first line.
fn jump(state: &mut AppState, index: usize) {
    let Some(paragraph) = shown_entries(state).get(index).map(|e| e.paragraph) else {
        return;
    };
    let line = state.layout().line_of(TextPos {
        block: super::layout::Block::Body(paragraph),
        char: 0,
    });
    state.scroll_to(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheadings_sidebars_and_the_first_block_of_a_box_head_sections() {
        use BlockKind::{Caption, Lead, Paragraph, SidebarLabel, Subheading};
        let kinds = [
            Lead,
            Lead,
            Paragraph,
            Subheading,
            Paragraph,
            Caption,
            Subheading,
            Paragraph,
            SidebarLabel,
            Paragraph,
        ];
        let article = Article {
            paragraphs: (0..kinds.len()).map(|i| format!("段{i}")).collect(),
            kinds: kinds.to_vec(),
            ..Article::default()
        };
        let heads: Vec<(usize, BlockKind)> = entries(&article)
            .iter()
            .map(|e| (e.paragraph, e.kind))
            .collect();
        assert_eq!(
            heads,
            [
                (0, Lead),
                (3, Subheading),
                (6, Subheading),
                (8, SidebarLabel)
            ]
        );
        assert!(entries(&Article::default()).is_empty());
    }
}
