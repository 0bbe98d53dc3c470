//! `T`: a query's stories per period across the open issues, as a chart with a cursor on its
//! bars; `Enter` lists the stories of the period under the cursor.

use super::search::Results;
use super::{Action, AppState, Notice, Screen};
use crate::index::ArchiveQuery;
use crate::search::Query;
use crate::trend::chart::{self, Columns};
use crate::trend::{Period, Trend, day_counts};

/// The trend on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendView {
    pub query: String,
    pub trend: Trend,
    /// The column (a period, or several summed) under the cursor.
    pub selected: usize,
    /// Where back returns to.
    pub from: Screen,
    /// The results list on screen holds this view's period: back returns here.
    pub listed: bool,
}

/// The most stories a period's list shows from a library's index.
const LISTED: usize = 2_000;

/// Rows of bars in the reader's chart.
pub const HEIGHT: usize = 8;

/// The chart's width in a terminal `width` columns wide (a margin each side).
pub fn chart_width(width: u16) -> usize {
    usize::from(width).saturating_sub(2).max(1)
}

/// Opens the trend of `query`, or says there is nothing to chart.
pub fn open(state: &mut AppState, query: &str) {
    let parsed = Query::parse(query);
    if parsed.is_empty() {
        state.notice = Some(Notice::NothingToChart);
        return;
    }
    // A library counts through its index (every issue, parsed or not), else what is open.
    let counted = state
        .search
        .archive
        .as_ref()
        .and_then(|a| a.index.0.day_counts(&ArchiveQuery::parse(query)).ok());
    let counts = counted.unwrap_or_else(|| day_counts(&state.issues, &parsed));
    let span = match (counts.days.keys().next(), counts.days.keys().next_back()) {
        (Some(first), Some(last)) => last - first,
        _ => 0,
    };
    // Enough bars to see a shape, few enough to read: the period follows the span.
    let by = if span <= 45 {
        Period::Day
    } else if span <= 366 {
        Period::Week
    } else if span <= 7_300 {
        Period::Month
    } else {
        Period::Year
    };
    let trend = Trend::new(by, vec![(query.to_owned(), counts)]);
    let selected = trend.series[0].peak().map_or(0, |(at, _)| at);
    let mut view = TrendView {
        query: query.to_owned(),
        trend,
        selected: 0,
        from: state.screen,
        listed: false,
    };
    view.selected = selected / columns(&view, state.width).group.max(1);
    state.trend = Some(view);
    state.screen = Screen::Trend;
}

/// How the periods fall into columns at this width.
pub fn columns(view: &TrendView, width: u16) -> Columns {
    chart::layout(&view.trend, chart_width(width)).1
}

/// The trend screen's answer to `action`.
pub fn update(state: &mut AppState, action: &Action) {
    let width = state.width;
    let Some(view) = state.trend.as_mut() else {
        state.screen = Screen::Front;
        return;
    };
    let last = columns(view, width).count.saturating_sub(1);
    match action {
        Action::Right | Action::Down | Action::Scroll(1..) => {
            view.selected = (view.selected + 1).min(last);
        }
        Action::Left | Action::Up | Action::Scroll(..=-1) => {
            view.selected = view.selected.saturating_sub(1);
        }
        Action::Top => view.selected = 0,
        Action::Bottom => view.selected = last,
        Action::Open => list(state),
        Action::Back | Action::Close => {
            state.screen = view.from;
            state.trend = None;
        }
        _ => {}
    }
}

/// The periods (indexes into `trend.periods`) of the selected column.
pub fn selected_periods(view: &TrendView, width: u16) -> std::ops::Range<usize> {
    let group = columns(view, width).group.max(1);
    let start = (view.selected * group).min(view.trend.periods.len());
    start..(start + group).min(view.trend.periods.len())
}

/// `Enter`: the stories of the selected period, as a results list.
fn list(state: &mut AppState) {
    let Some(view) = state.trend.as_ref() else {
        return;
    };
    let periods = selected_periods(view, state.width);
    let (Some(&first), Some(&last)) = (
        view.trend.periods.get(periods.start),
        periods
            .end
            .checked_sub(1)
            .and_then(|i| view.trend.periods.get(i)),
    ) else {
        return;
    };
    let by = view.trend.by;
    let (Some((from, _)), Some((_, to))) = (by.days(first), by.days(last)) else {
        return;
    };
    let query = view.query.clone();
    // Every issue (in memory or not), filtered to the period by the index.
    let hits = state
        .search
        .archive
        .as_mut()
        .map_or_else(Vec::new, |archive| {
            archive.search(&state.issues, &format!("{query} date:{from}..{to}"), LISTED)
        });
    state.search.results = Some(Results {
        query,
        hits,
        selected: 0,
        bookmarks: false,
    });
    if let Some(view) = state.trend.as_mut() {
        view.listed = true;
    }
    state.screen = Screen::Results;
}

/// Back from a results list: to the trend it was listed from, else to the front page.
pub fn back_from_results(state: &mut AppState) {
    state.screen = match state.trend.as_mut().filter(|v| v.listed) {
        Some(view) => {
            view.listed = false;
            Screen::Trend
        }
        None => Screen::Front,
    };
}
