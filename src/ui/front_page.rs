//! The front page: the issue's pages (版) as tabs, its headlines as cards in newspaper columns,
//! and a last row saying how many stories are on the other screens and pages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pen::Pen;
use super::strings;
use super::theme::Theme;
use crate::app::layout::{Card, CardRole, FrontPage};
use crate::app::{AppState, Screen};
use crate::search::{Query, find_all};
use crate::typeset::str_width;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = Pen::new(state.options.ambiguous);
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
    let Some(current) = page.card(state.article) else {
        return;
    };
    if page.has_tabs() {
        tab_row(state, theme, page, current.tab, area, buf);
    }
    let shown = page.screen(current.article);
    rules(&pen, theme, page, shown, area, buf);
    // Title hits of the last search across issues stand out.
    let query = Query::parse(&state.search.last_query);
    for card in shown {
        draw_card(state, theme, page, card, &query, area, buf);
    }
    more_row(state, theme, page, current, area, buf);
}

/// The vertical rules between columns, broken where a story spans two columns.
fn rules(pen: &Pen, theme: &Theme, page: &FrontPage, shown: &[Card], area: Rect, buf: &mut Buffer) {
    let top = area.y + page.top;
    let bottom = area.bottom().saturating_sub(1);
    for column in 1..page.columns {
        let x = area.x + column * (page.column_width + 1) - 1;
        for y in top..bottom {
            let spanned = shown.iter().any(|c| {
                let rows = c.y..c.y + u16::try_from(c.lines.len()).unwrap_or(u16::MAX);
                c.column < column && column < c.column + c.span && rows.contains(&(y - area.y))
            });
            if !spanned {
                pen.put(buf, x, y, pen.rule, 1, theme.rule);
            }
        }
    }
}

fn draw_card(
    state: &AppState,
    theme: &Theme,
    page: &FrontPage,
    card: &Card,
    query: &Query,
    area: Rect,
    buf: &mut Buffer,
) {
    let pen = Pen::new(state.options.ambiguous);
    let (left, width) = page.x_and_width(card);
    let x = area.x + left;
    let selected = card.article == state.article;
    // In the split view the selection is dimmer while the article has the focus.
    let focused = state.screen == Screen::Front;
    let mark = state.remembered.mark(state.issue, card.article);
    let text_width = usize::from(width.saturating_sub(2));
    let bottom = area.bottom().saturating_sub(1);
    for (row, line) in card.lines.iter().enumerate() {
        let y = area.y + card.y + u16::try_from(row).unwrap_or(u16::MAX);
        if y >= bottom {
            break;
        }
        let style = match line.role {
            CardRole::Rubric => theme.rubric,
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
        if line.role == CardRole::Title {
            hits(
                &pen,
                theme.found,
                &line.text,
                query,
                (x + 2, y),
                text_width,
                buf,
            );
        }
    }
}

/// Draws the matches of `query` in `text` (drawn at `at`) again in `style`.
fn hits(
    pen: &Pen,
    style: Style,
    text: &str,
    query: &Query,
    at: (u16, u16),
    max_width: usize,
    buf: &mut Buffer,
) {
    for term in &query.terms {
        for (start, end) in find_all(text, term) {
            let before = str_width(text.get(..start).unwrap_or_default(), pen.mode);
            let Some(found) = text.get(start..end) else {
                continue;
            };
            let offset = u16::try_from(before).unwrap_or(u16::MAX);
            let room = max_width.saturating_sub(before);
            pen.put(buf, at.0.saturating_add(offset), at.1, found, room, style);
        }
    }
}

/// The pages of the issue, the current one marked; scrolled so that it is on screen.
fn tab_row(
    state: &AppState,
    theme: &Theme,
    page: &FrontPage,
    current: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let pen = Pen::new(state.options.ambiguous);
    let labels: Vec<String> = page
        .tabs
        .iter()
        .map(|t| format!(" {} ", strings::tab_label(state.language, t)))
        .collect();
    let width = |label: &String| u16::try_from(str_width(label, pen.mode)).unwrap_or(u16::MAX);
    // The first tab shown: as early as lets the current one fit.
    let mut first = 0;
    while first < current
        && labels[first..=current]
            .iter()
            .map(|l| width(l) + 1)
            .sum::<u16>()
            > area.width
    {
        first += 1;
    }
    let mut x = area.x;
    for (index, label) in labels.iter().enumerate().skip(first) {
        let room = usize::from(area.right().saturating_sub(x));
        if room == 0 {
            break;
        }
        let style = if index == current {
            theme.tab_current
        } else {
            theme.tab
        };
        x = pen.put(buf, x, area.y, label, room, style);
        x = pen.put(
            buf,
            x,
            area.y,
            " ",
            usize::from(area.right().saturating_sub(x)),
            theme.rule,
        );
    }
}

/// The last row: where this screen is in its page and how many stories are on the others.
fn more_row(
    state: &AppState,
    theme: &Theme,
    page: &FrontPage,
    card: &Card,
    area: Rect,
    buf: &mut Buffer,
) {
    let pen = Pen::new(state.options.ambiguous);
    let (before, after) = page.elsewhere(card);
    let (screen, screens) = page.screen_in_tab(card);
    let pages_after = page.tabs.len().saturating_sub(card.tab + 1);
    let text = strings::front_more(
        state.language,
        (screen, screens),
        (before, after),
        pages_after,
    );
    if text.is_empty() || area.height < 2 {
        return;
    }
    let width = u16::try_from(str_width(&text, pen.mode)).unwrap_or(u16::MAX);
    let x = area
        .right()
        .saturating_sub(width.saturating_add(1))
        .max(area.x);
    let y = area.bottom() - 1;
    pen.put(buf, x, y, &text, usize::from(area.width), theme.more);
}
