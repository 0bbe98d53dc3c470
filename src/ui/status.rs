//! The status line: mode, keys of an unfinished sequence, messages, and hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::{AppState, Screen};
use crate::typeset::{AmbiguousWidth, str_width};

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let mode = match state.screen {
        Screen::Front => strings::MODE_FRONT,
        Screen::Reader => strings::MODE_READER,
        Screen::Issues => strings::MODE_ISSUES,
    };
    let (mut x, _) = buf.set_stringn(
        area.x,
        area.y,
        format!(" {mode} "),
        usize::from(area.width),
        theme.status,
    );
    if !state.pending.is_empty() {
        let room = usize::from(area.right().saturating_sub(x));
        (x, _) = buf.set_stringn(
            x,
            area.y,
            format!(" {}… ", state.pending),
            room,
            theme.pending,
        );
    }
    if let Some(message) = &state.message {
        let room = usize::from(area.right().saturating_sub(x));
        (x, _) = buf.set_stringn(x, area.y, format!(" {message}"), room, theme.status);
    }
    let hints = format!(
        "{} ",
        strings::hints(&state.keymap, state.screen == Screen::Reader)
    );
    let width = u16::try_from(str_width(&hints, AmbiguousWidth::Narrow)).unwrap_or(u16::MAX);
    let hint_x = area.right().saturating_sub(width);
    if hint_x > x + 1 {
        buf.set_stringn(hint_x, area.y, hints, usize::from(width), theme.status);
    }
}
