//! The front page: the issue's headlines as cards in newspaper columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::layout::CardRole;
use crate::app::{AppState, Screen};

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let Some(issue) = state.current_issue() else {
        return;
    };
    if issue.articles.is_empty() {
        pen.put(
            buf,
            area.x + 1,
            area.y + 1,
            if state.loading {
                strings::words(state.language).loading_issue
            } else {
                strings::words(state.language).no_articles
            },
            usize::from(area.width),
            theme.kicker,
        );
        return;
    }
    let Some(page) = state.layout().front_page() else {
        return;
    };
    let current = page.card(state.article).map_or(0, |c| c.page);
    // In the split view the selection is dimmer while the article has the focus.
    let focused = state.screen == Screen::Front;
    for column in 1..page.columns {
        let x = area.x + column * (page.column_width + 1) - 1;
        for y in area.top()..area.bottom() {
            pen.put(buf, x, y, pen.rule, 1, theme.rule);
        }
    }
    for card in page.cards.iter().filter(|c| c.page == current) {
        let x = area.x + card.column * (page.column_width + 1);
        let selected = card.article == state.article;
        let mark = state.remembered.mark(state.issue, card.article);
        let text_width = usize::from(page.column_width.saturating_sub(2));
        for (row, line) in card.lines.iter().enumerate() {
            let y = area.y + card.y + u16::try_from(row).unwrap_or(u16::MAX);
            if y >= area.bottom() {
                break;
            }
            let style = match line.role {
                CardRole::Kicker => theme.kicker,
                CardRole::Title if selected && focused => theme.selected,
                CardRole::Title if mark.read => theme.read,
                CardRole::Title => theme.title,
                CardRole::Subtitle => theme.subtitle,
                CardRole::Byline => theme.byline,
                CardRole::Lead => theme.lead,
            };
            if selected {
                pen.put(buf, x, y, pen.bar, 1, theme.marker);
            } else if mark.bookmark && row == 0 {
                pen.put(buf, x, y, "*", 1, theme.marker);
            }
            pen.put(buf, x + 2, y, &line.text, text_width, style);
        }
    }
}
