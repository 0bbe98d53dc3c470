//! The reading pane: the typeset article, search matches highlighted, a scrollbar. Lines arrive
//! broken; nothing wraps here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::layout::{READER_PAD, ellipsize};
use crate::model::BlockKind;
use crate::script::converters;
use crate::typeset::{ArticleLine, Role, str_width};

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let lines = state.reader_lines();
    let scroll = state.scroll();
    let text_right = area.right().saturating_sub(READER_PAD);
    let text_width = usize::from(area.width.saturating_sub(2 * READER_PAD).max(1));
    for (row, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
        if line.role == Role::Keywords {
            keywords(
                state,
                theme,
                Rect::new(
                    area.x + READER_PAD,
                    y,
                    text_right.saturating_sub(area.x + READER_PAD),
                    1,
                ),
                text_width,
                buf,
            );
            continue;
        }
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
                .position(scroll)
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

/// The line the layout keeps under the headline: the article's keywords, centred.
fn keywords(state: &AppState, theme: &Theme, row: Rect, text_width: usize, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let ambiguous = state.options.ambiguous;
    let words: Vec<String> = state
        .keywords()
        .iter()
        .map(|k| converters().convert(k, state.script).into_owned())
        .collect();
    let text = ellipsize(
        &strings::keywords(state.language, &words),
        text_width,
        ambiguous,
    );
    let width = str_width(&text, ambiguous);
    let column = u16::try_from(text_width.saturating_sub(width) / 2).unwrap_or(u16::MAX);
    let x = row.x.saturating_add(column);
    if x < row.right() {
        pen.put(
            buf,
            x,
            row.y,
            &text,
            usize::from(row.right() - x),
            theme.keywords,
        );
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
