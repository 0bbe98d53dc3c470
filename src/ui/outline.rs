//! The outline overlay (`o`): the open article's subheadings, lead box and sidebars, the
//! selected one marked; over the reading pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::outline::shown_entries;

/// Draws the outline over `pane` (the reading pane), `selected` marked and in view.
pub fn render(state: &AppState, theme: &Theme, selected: usize, pane: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let entries = shown_entries(state);
    let rows = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    let height = rows.saturating_add(2).min(pane.height);
    let width = pane.width.saturating_sub(4).max(pane.width.min(10));
    let area = Rect::new(pane.x + (pane.width - width) / 2, pane.y, width, height);
    super::clear_overlay(buf, area);
    let block = Block::bordered()
        .border_set(pen.border)
        .title(strings::outline_title(state.language))
        .border_style(theme.rule);
    let inner = block.inner(area);
    block.render(area, buf);
    let shown = usize::from(inner.height).max(1);
    let first = selected.saturating_sub(shown - 1);
    for (row, (index, entry)) in entries
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        let chosen = index == selected;
        let room = usize::from(inner.width.saturating_sub(2));
        pen.put(
            buf,
            inner.x,
            y,
            if chosen { pen.bar } else { " " },
            1,
            theme.marker,
        );
        let label = strings::block_label(state.language, entry.kind);
        let text = if label.is_empty() {
            entry.text.to_owned()
        } else {
            format!("［{label}］{}", entry.text)
        };
        let style = if chosen { theme.selected } else { theme.body };
        pen.put(buf, inner.x + 2, y, text, room, style);
    }
}
