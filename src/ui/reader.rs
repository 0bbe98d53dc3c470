//! The reading pane: the typeset article, a scrollbar. Lines arrive broken; nothing wraps here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::theme::Theme;
use crate::app::AppState;
use crate::app::layout::{READER_PAD, reader_lines};
use crate::typeset::Role;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(article) = state.current_article() else {
        return;
    };
    let lines = reader_lines(article, area.width, &state.options);
    let text_right = area.right().saturating_sub(READER_PAD);
    for (row, line) in lines
        .iter()
        .skip(state.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
        let x =
            (area.x + READER_PAD).saturating_add(u16::try_from(line.column).unwrap_or(u16::MAX));
        if x >= text_right {
            continue;
        }
        let style = match line.role {
            Role::Rubric => theme.rubric,
            Role::Kicker => theme.kicker,
            Role::Title => theme.title,
            Role::Subtitle => theme.subtitle,
            Role::Byline => theme.byline,
            Role::Body | Role::Blank => theme.body,
        };
        buf.set_stringn(x, y, &line.text, usize::from(text_right - x), style);
    }
    if lines.len() > usize::from(area.height) {
        let mut scrollbar =
            ScrollbarState::new(lines.len().saturating_sub(usize::from(area.height)))
                .position(state.scroll)
                .viewport_content_length(usize::from(area.height));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(theme.scrollbar)
            .render(area, buf, &mut scrollbar);
    }
}
