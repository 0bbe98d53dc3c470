//! `:` and a day: the issue of that day, or the nearest one (said so); `-1`/`+1` step through
//! issues in date order.

use crate::app::{AppState, Notice, Screen};
use crate::dates::{self, Context, Wanted};
use crate::model::IssueDate;

/// Goes to the issue `input` names (see [`dates::parse`]).
pub fn go_to_date(state: &mut AppState, input: &str) {
    let input = input.trim();
    // Issues with a date, in date order (ties: as the library has them).
    let mut dated: Vec<(IssueDate, usize)> = state
        .issues
        .iter()
        .enumerate()
        .filter_map(|(i, issue)| issue.date.map(|d| (d, i)))
        .collect();
    dated.sort_by_key(|&(d, i)| (d, i));
    let days: Vec<IssueDate> = dated.iter().map(|&(d, _)| d).collect();
    let current = state.current_issue().and_then(|i| i.date);
    let wanted = dates::parse(
        input,
        Context {
            current,
            days: &days,
        },
    )
    .or_else(|| crate::parse::date_from_name(input).map(Wanted::Day));
    match wanted {
        Some(Wanted::Step(n)) => step(state, &dated, n),
        Some(Wanted::Day(day)) => match dates::nearest(&days, day) {
            Some((at, exact)) => {
                let (shown, index) = dated[at];
                open(state, index);
                if !exact {
                    state.notice = Some(Notice::NearestIssue { asked: day, shown });
                }
            }
            None => state.notice = Some(Notice::NoIssueOn(input.to_owned())),
        },
        None => state.notice = Some(Notice::NoIssueOn(input.to_owned())),
    }
}

/// `-1`/`+1`: `n` issues later (earlier when negative), in date order when the current issue
/// has a date, else in the order the library lists them; at either end, says so.
fn step(state: &mut AppState, dated: &[(IssueDate, usize)], n: i32) {
    let order: Vec<usize> = if dated.iter().any(|&(_, i)| i == state.issue) {
        dated.iter().map(|&(_, i)| i).collect()
    } else {
        (0..state.issues.len()).collect()
    };
    let Some(here) = order.iter().position(|&i| i == state.issue) else {
        return;
    };
    let target = isize::try_from(here)
        .unwrap_or(0)
        .saturating_add(n as isize);
    let last = order.len().saturating_sub(1);
    let to = usize::try_from(target).unwrap_or(0).min(last);
    if target < 0 {
        state.notice = Some(Notice::FirstIssue);
    } else if usize::try_from(target).unwrap_or(0) > last {
        state.notice = Some(Notice::LastIssue);
    }
    open(state, order[to]);
}

fn open(state: &mut AppState, index: usize) {
    if index != state.issue {
        state.select_issue(index);
    }
    state.screen = Screen::Front;
}
