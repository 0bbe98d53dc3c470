//! Views: pure functions of `&AppState` drawn with ratatui. Nothing here changes state or wraps
//! text (the typesetter has broken every line already).

pub mod clip;
mod front_page;
mod help;
mod issue_list;
mod masthead;
mod outline;
pub mod pen;
mod reader;
mod results;
mod status;
pub mod strings;
pub mod theme;
mod trend;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{AppState, Screen};
use crate::typeset::{AmbiguousWidth, str_width};
use theme::Theme;

/// Draws the whole screen.
pub fn draw(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let theme = Theme::new(state.theme);
    let pen = pen::Pen::new(state.options.ambiguous);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        centred(
            buf,
            area,
            strings::words(state.language).too_small,
            theme.title,
        );
        return;
    }
    let panes = state.layout().panes;
    masthead::render(state, &theme, panes.masthead, buf);
    let body = panes.body;
    if state.screen == Screen::Issues {
        issue_list::render(state, &theme, body, buf);
    } else if state.screen == Screen::Results {
        results::render(state, &theme, body, buf);
    } else if state.screen == Screen::Trend {
        trend::render(state, &theme, body, buf);
    } else {
        if let Some(headlines) = panes.headlines {
            front_page::render(state, &theme, headlines, buf);
        }
        if let Some(reader) = panes.reader {
            if let Some(headlines) = panes.headlines {
                for y in reader.top()..reader.bottom() {
                    pen.put(buf, headlines.right(), y, pen.rule, 1, theme.rule);
                }
            }
            reader::render(state, &theme, reader, buf);
            if let Some(selected) = state.outline {
                outline::render(state, &theme, selected, reader, buf);
            }
        }
    }
    status::render(state, &theme, panes.status, buf);
    if let Some(scroll) = state.help {
        help::render(state, &theme, scroll, panes.help, buf);
    }
}

/// Clears `area` for an overlay, including wide glyphs that start just left of it (their right
/// half would otherwise be left under the overlay's edge).
fn clear_overlay(buf: &mut Buffer, area: Rect) {
    use ratatui::widgets::{Clear, Widget};
    if area.x > 0 {
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if str_width(cell.symbol(), AmbiguousWidth::Narrow) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

/// Writes `text` centred in `area` (on its middle row), cut to fit.
fn centred(buf: &mut Buffer, area: Rect, text: &str, style: ratatui::style::Style) {
    let width = u16::try_from(str_width(text, AmbiguousWidth::Narrow)).unwrap_or(u16::MAX);
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, text, usize::from(area.width), style);
}
