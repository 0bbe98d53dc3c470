//! How each screen answers an action: the front page, the reading pane, the issue list, search
//! results, the help overlay and the search prompt. Called only from `update`.

use super::{Action, AppState, Screen, search};

/// Hands `action` to the open prompt, the help overlay or the screen; `true` when it leaves
/// the app (back from the front page).
pub fn update(state: &mut AppState, action: &Action) -> bool {
    if state.search.prompt.is_some() {
        prompt(state, action);
    } else if let Some(scroll) = state.help {
        help(state, scroll, action);
    } else {
        match state.screen {
            Screen::Issues => issue_list(state, action),
            Screen::Results => results(state, action),
            Screen::Reader => reader(state, action),
            Screen::Front if *action == Action::Back => return true,
            Screen::Front => front(state, action),
        }
    }
    false
}

fn prompt(state: &mut AppState, action: &Action) {
    match action {
        Action::Input(c) => search::edit(state, |input| input.push(*c)),
        Action::DeleteBack => search::edit(state, |input| {
            input.pop();
        }),
        Action::Submit => search::submit(state),
        Action::Cancel => search::cancel(state),
        Action::Down => search::select(state, 1),
        Action::Up => search::select(state, -1),
        _ => {}
    }
}

fn results(state: &mut AppState, action: &Action) {
    let page = isize::try_from(usize::from(state.height) / 2)
        .unwrap_or(1)
        .max(1);
    match action {
        Action::Down | Action::Scroll(1..) => search::select(state, 1),
        Action::Up | Action::Scroll(..=-1) => search::select(state, -1),
        Action::PageDown | Action::HalfPageDown => search::select(state, page),
        Action::PageUp | Action::HalfPageUp => search::select(state, -page),
        Action::Top => search::select(state, isize::MIN / 2),
        Action::Bottom => search::select(state, isize::MAX / 2),
        Action::Open | Action::Right => search::open_result(state),
        Action::Find => search::open_prompt(state, search::Scope::Global),
        Action::Back | Action::Left => state.screen = Screen::Front,
        _ => {}
    }
}

fn help(state: &mut AppState, scroll: usize, action: &Action) {
    // The overlay's rows inside its border.
    let rows = usize::from(state.layout().panes.help.height.saturating_sub(2)).max(1);
    let lines = state.keymap.bindings.len();
    let max = lines.saturating_sub(rows);
    state.help = match action {
        Action::Back | Action::Left => None,
        Action::Down | Action::Scroll(1..) => Some((scroll + 1).min(max)),
        Action::Up | Action::Scroll(..=-1) => Some(scroll.saturating_sub(1)),
        Action::PageDown | Action::HalfPageDown => Some((scroll + rows).min(max)),
        Action::PageUp | Action::HalfPageUp => Some(scroll.saturating_sub(rows)),
        Action::Top => Some(0),
        Action::Bottom => Some(max),
        _ => Some(scroll),
    };
}

fn issue_list(state: &mut AppState, action: &Action) {
    let last = state.issues.len().saturating_sub(1);
    match action {
        Action::Down => state.issue_cursor = (state.issue_cursor + 1).min(last),
        Action::Up => state.issue_cursor = state.issue_cursor.saturating_sub(1),
        Action::Top => state.issue_cursor = 0,
        Action::Bottom => state.issue_cursor = last,
        Action::Open | Action::Right => {
            state.select_issue(state.issue_cursor);
            state.screen = Screen::Front;
        }
        Action::Back | Action::Left => state.screen = Screen::Front,
        _ => {}
    }
}

fn reader(state: &mut AppState, action: &Action) {
    let rows = state.layout().rows();
    let page = isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::Down => state.scroll_by(1),
        Action::Up => state.scroll_by(-1),
        Action::Scroll(n) => state.scroll_by(*n as isize),
        Action::PageDown => state.scroll_by(page),
        Action::PageUp => state.scroll_by(-page),
        Action::HalfPageDown => state.scroll_by(page / 2 + 1),
        Action::HalfPageUp => state.scroll_by(-(page / 2 + 1)),
        Action::Top => state.scroll_to(0),
        Action::Bottom => state.scroll_to(usize::MAX),
        Action::NextArticle => state.select_article(state.article + 1),
        Action::PrevArticle => state.select_article(state.article.saturating_sub(1)),
        Action::Find => search::open_prompt(state, search::Scope::Article),
        Action::NextMatch => search::step(state, true),
        Action::PrevMatch => search::step(state, false),
        Action::Keyword(n) => search::keyword(state, *n),
        Action::Back | Action::Left | Action::SwitchPane => state.screen = Screen::Front,
        Action::Click(..) if state.split() => front(state, action),
        _ => {}
    }
}

fn front(state: &mut AppState, action: &Action) {
    let Some(page) = state.layout().front_page() else {
        return;
    };
    let count = state.article_count();
    let current = page
        .card(state.article)
        .map_or((0, 0), |c| (c.page, c.column));
    let first_of_page = |p: usize| page.cards.iter().find(|c| c.page == p).map(|c| c.article);
    let next_page = first_of_page(current.0 + 1).unwrap_or(count.saturating_sub(1));
    let previous_page = current
        .0
        .checked_sub(1)
        .and_then(first_of_page)
        .unwrap_or(0);
    let (left, right) = (
        page.beside(state.article, -1),
        page.beside(state.article, 1),
    );
    match action {
        Action::Down | Action::NextArticle | Action::Scroll(1..) => {
            state.select_article(state.article + 1);
        }
        Action::Up | Action::PrevArticle | Action::Scroll(..=-1) => {
            state.select_article(state.article.saturating_sub(1));
        }
        Action::Top => state.select_article(0),
        Action::Bottom => state.select_article(count.saturating_sub(1)),
        Action::PageDown | Action::HalfPageDown => state.select_article(next_page),
        Action::PageUp | Action::HalfPageUp => state.select_article(previous_page),
        Action::Left => {
            if let Some(target) = left {
                state.select_article(target);
            }
        }
        Action::Right => match right {
            Some(target) if !state.split() => state.select_article(target),
            _ => state.open(),
        },
        Action::Open | Action::SwitchPane => state.open(),
        Action::Find => search::open_prompt(state, search::Scope::Global),
        Action::Click(x, y) => click(state, *x, *y),
        _ => {}
    }
}

/// A click on a card of the page on screen opens its article.
fn click(state: &mut AppState, x: u16, y: u16) {
    let layout = state.layout();
    let (Some(page), Some(area)) = (layout.front_page(), layout.panes.headlines) else {
        return;
    };
    if let Some(article) = page.card_at(area, state.article, x, y) {
        state.select_article(article);
        state.open();
    }
}
