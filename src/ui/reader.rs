//! The reading pane: the typeset article, search matches highlighted, a scrollbar. Lines arrive
//! broken; nothing wraps here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::theme::Theme;
use crate::app::AppState;
use crate::app::layout::READER_PAD;
use crate::model::BlockKind;
use crate::typeset::{ArticleLine, Role, str_width};

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let lines = state.reader_lines();
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
            Role::Keywords => theme.keywords,
            Role::Body | Role::Blank => theme.body,
            Role::Block(kind) => block_style(theme, kind),
        };
        pen.put(buf, x, y, &line.text, usize::from(text_right - x), style);
        highlight(state, theme, line, Rect::new(x, y, text_right - x, 1), buf);
    }
    if lines.len() > usize::from(area.height) {
        let mut scrollbar =
            ScrollbarState::new(lines.len().saturating_sub(usize::from(area.height)))
                .position(state.scroll)
                .viewport_content_length(usize::from(area.height));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some(pen.rule))
            .thumb_symbol(pen.thumb)
            .style(theme.scrollbar)
            .render(area, buf, &mut scrollbar);
    }
}

/// Marks the search matches on one body line (a match may run over several lines).
fn highlight(state: &AppState, theme: &Theme, line: &ArticleLine, row: Rect, buf: &mut Buffer) {
    let (Some(finder), Some((paragraph, start))) = (&state.search.finder, line.source) else {
        return;
    };
    let end = start + line.text.len();
    let ambiguous = state.options.ambiguous;
    for (index, m) in finder.matches.iter().enumerate() {
        if m.paragraph != paragraph || m.end <= start || m.start >= end {
            continue;
        }
        let from = m.start.max(start) - start;
        let to = m.end.min(end) - start;
        let column = |byte: usize| {
            u16::try_from(str_width(
                line.text.get(..byte).unwrap_or_default(),
                ambiguous,
            ))
            .unwrap_or(u16::MAX)
        };
        let (left, right) = (column(from), column(to));
        let style = if index == finder.current {
            theme.current_found
        } else {
            theme.found
        };
        let cells = Rect::new(
            row.x.saturating_add(left),
            row.y,
            right.saturating_sub(left),
            1,
        )
        .intersection(row);
        buf.set_style(cells, style);
    }
}

/// Typed blocks: subheadings and labels bold, the lead box and editor's notes set off in
/// italics, captions and photo credits dim — each with a modifier, so it shows without colour.
fn block_style(theme: &Theme, kind: BlockKind) -> Style {
    match kind {
        BlockKind::Paragraph => theme.body,
        BlockKind::Subheading | BlockKind::SidebarLabel => theme.body.add_modifier(Modifier::BOLD),
        BlockKind::Lead | BlockKind::EditorsNote => theme.body.add_modifier(Modifier::ITALIC),
        BlockKind::Caption | BlockKind::PhotoCredit => theme.byline.add_modifier(Modifier::DIM),
    }
}
