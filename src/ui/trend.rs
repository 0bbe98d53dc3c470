//! The trend screen (`T`): the chart of a query's stories per period, the column under the
//! cursor marked, and what it counts in the status line's place above the chart's foot.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::trend::{self, HEIGHT};
use crate::trend::chart;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let Some(view) = &state.trend else {
        return;
    };
    let width = trend::chart_width(area.width);
    let title = strings::trend_title(state.language, &view.query, view.trend.by);
    pen.put(buf, area.x + 1, area.y, title, width, theme.title);
    // Rows of bars fit the pane: at most HEIGHT, at least one.
    let height = usize::from(area.height.saturating_sub(7)).clamp(1, HEIGHT);
    let labels = strings::chart_labels(state.language);
    let lines = chart::render(&view.trend, width, height, labels);
    for (row, line) in lines.iter().enumerate() {
        let y = area.y + 2 + u16::try_from(row).unwrap_or(u16::MAX);
        if y >= area.bottom().saturating_sub(1) {
            break;
        }
        let style = if row < height {
            theme.title
        } else {
            theme.body
        };
        pen.put(buf, area.x + 1, y, line, width, style);
    }
    let (indent, columns) = chart::layout(&view.trend, width);
    if view.trend.periods.is_empty() {
        return;
    }
    // The cursor: the selected column's cells, bars included, in the selection's style.
    let x = area.x + 1 + u16::try_from(indent + view.selected * columns.cell).unwrap_or(0);
    let bar = u16::try_from(columns.bar()).unwrap_or(1);
    let band = Rect::new(
        x.min(area.right()),
        area.y + 2,
        bar.min(area.right().saturating_sub(x)),
        u16::try_from(height)
            .unwrap_or(1)
            .min(area.height.saturating_sub(2)),
    );
    buf.set_style(band, theme.current_found);
    let periods = trend::selected_periods(view, area.width);
    let count: u64 = view.trend.series[0].counts[periods.clone()].iter().sum();
    let by = view.trend.by;
    let label = match (periods.start, periods.end.checked_sub(1)) {
        (first, Some(last)) if last > first => format!(
            "{}–{}",
            by.label(view.trend.periods[first]),
            by.label(view.trend.periods[last])
        ),
        (first, _) => by.label(view.trend.periods[first]),
    };
    let status = strings::trend_status(state.language, &label, count);
    let y = area.bottom().saturating_sub(1);
    pen.put(buf, area.x + 1, y, status, width, theme.keywords);
}
