//! The help overlay: the rows `app::help` generates from the live keymap (keys, and their
//! descriptions broken to the overlay's width in the interface's language), scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::help::{key_column, rows};

/// Draws the overlay in `area` (the layout's), its rows scrolled by `scroll`.
pub fn render(state: &AppState, theme: &Theme, scroll: usize, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    super::clear_overlay(buf, area);
    let block = Block::bordered()
        .border_set(pen.border)
        .title(strings::words(state.language).help_title)
        .border_style(theme.rule);
    let inner = block.inner(area);
    block.render(area, buf);
    let keys_width = key_column(usize::from(inner.width.saturating_sub(1)));
    let text_x = inner.x + 1 + u16::try_from(keys_width + 1).unwrap_or(u16::MAX);
    for (row, help_row) in rows(state)
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        let room = usize::from(inner.right().saturating_sub(inner.x + 1));
        pen.put(buf, inner.x + 1, y, &help_row.keys, room, theme.marker);
        if text_x < inner.right() && !help_row.text.is_empty() {
            let room = usize::from(inner.right() - text_x);
            pen.put(buf, text_x, y, &help_row.text, room, theme.body);
        }
    }
}
