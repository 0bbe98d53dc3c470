//! The help overlay, generated from the live keymap (keys and descriptions), with its own scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::typeset::str_width;

/// Columns for the keys before the descriptions.
const KEY_COLUMN: usize = 20;

/// Draws the overlay in `area` (the layout's), its list scrolled by `scroll`.
pub fn render(state: &AppState, theme: &Theme, scroll: usize, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    super::clear_overlay(buf, area);
    let block = Block::bordered()
        .border_set(pen.border)
        .title(strings::HELP_TITLE)
        .border_style(theme.rule);
    let inner = block.inner(area);
    block.render(area, buf);
    for (row, binding) in state
        .keymap
        .bindings
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        let keys = binding.labels.join(" ");
        pen.put(
            buf,
            inner.x + 1,
            y,
            &keys,
            KEY_COLUMN.min(usize::from(inner.width)),
            theme.marker,
        );
        let key_width = str_width(&keys, pen.mode).max(KEY_COLUMN - 1) + 2;
        let x = inner
            .x
            .saturating_add(u16::try_from(key_width).unwrap_or(u16::MAX));
        if x < inner.right() {
            pen.put(
                buf,
                x,
                y,
                &binding.desc,
                usize::from(inner.right() - x),
                theme.body,
            );
        }
    }
}
