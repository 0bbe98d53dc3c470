//! The list of open issues: name, first headline, article count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::script::converters;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    pen.put(
        buf,
        area.x + 1,
        area.y,
        strings::words(state.language).issues_title,
        usize::from(area.width),
        theme.title,
    );
    let rows = usize::from(area.height.saturating_sub(2));
    let first = state.issue_cursor.saturating_sub(rows.saturating_sub(1));
    for (row, (index, issue)) in state
        .issues
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 2 + u16::try_from(row).unwrap_or(u16::MAX);
        // An issue of a library not in memory: what the scan learnt of it.
        let titles = state.titles(index);
        let (headline, count) = (titles.first().copied().unwrap_or_default(), titles.len());
        let marker = if index == state.issue { "•" } else { " " };
        let unread = (0..count)
            .filter(|&a| !state.remembered.mark(index, a).read)
            .count();
        let headline = converters().convert(headline, state.script);
        let text = format!(
            "{marker} {:<24} {:>6} {:>7}  {headline}",
            strings::issue_name(issue),
            strings::article_count(state.language, count),
            strings::unread(state.language, unread)
        );
        let style = if index == state.issue_cursor {
            theme.selected
        } else {
            theme.body
        };
        pen.put(
            buf,
            area.x + 1,
            y,
            text,
            usize::from(area.width.saturating_sub(2)),
            style,
        );
    }
}
