//! How each screen answers an action: the front page, the reading pane, the issue list, search
//! results, the help overlay and the search prompt. Called only from `update`.

use super::{Action, AppState, Screen, search};

/// What `:` takes as "quit", as vim does.
const QUIT_COMMANDS: [&str; 5] = ["q", "q!", "qa", "quit", "x"];

/// Hands `action` to the open prompt, the help overlay or the screen; `true` when it leaves
/// the app (`q` on the front page, `:q`). `Esc` never leaves.
pub fn update(state: &mut AppState, action: &Action) -> bool {
    if state.search.prompt.is_some() {
        return prompt(state, action);
    } else if let Some(scroll) = state.help {
        help(state, scroll, action);
    } else if let Some(selected) = state.outline {
        super::outline::update(state, selected, action);
    } else {
        match state.screen {
            Screen::Issues => issue_list(state, action),
            Screen::Results => results(state, action),
            Screen::Reader => reader(state, action),
            Screen::Trend => super::trend::update(state, action),
            // Back from the headlines beside an article closes the article first.
            Screen::Front if state.split() && matches!(action, Action::Back | Action::Close) => {
                state.beside = false;
            }
            Screen::Front if *action == Action::Back => return true,
            Screen::Front => front(state, action),
        }
    }
    false
}

/// Editing the prompt; `true` for `:q`.
fn prompt(state: &mut AppState, action: &Action) -> bool {
    let quit =
        state.search.prompt.as_ref().is_some_and(|p| {
            p.scope == search::Scope::Date && QUIT_COMMANDS.contains(&p.input.trim())
        });
    match action {
        Action::Submit if quit => return true,
        Action::Input(c) => search::edit(state, |input| input.push(*c)),
        Action::DeleteBack => search::edit(state, |input| {
            input.pop();
        }),
        Action::ClearInput => search::edit(state, String::clear),
        Action::Submit => search::submit(state),
        Action::Cancel => search::cancel(state),
        Action::Down => search::select(state, 1),
        Action::Up => search::select(state, -1),
        _ => {}
    }
    false
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
        Action::Trend => {
            let query = state.search.results.as_ref().filter(|r| !r.bookmarks);
            match query.map(|r| r.query.clone()) {
                Some(query) => super::trend::open(state, &query),
                None => state.notice = Some(super::Notice::NothingToChart),
            }
        }
        Action::Back | Action::Close | Action::Left => super::trend::back_from_results(state),
        _ => {}
    }
}

fn help(state: &mut AppState, scroll: usize, action: &Action) {
    // The overlay's rows inside its border.
    let rows = usize::from(state.layout().panes.help.height.saturating_sub(2)).max(1);
    let lines = super::help::rows(state).len();
    let max = lines.saturating_sub(rows);
    state.help = match action {
        Action::Back | Action::Close | Action::Left | Action::Help => None,
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
        Action::Back | Action::Close | Action::Left => state.screen = Screen::Front,
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
        Action::NextArticle | Action::PrevArticle => next_article(state, action),
        Action::Find => search::open_prompt(state, search::Scope::Article),
        Action::NextMatch => search::step(state, true),
        Action::PrevMatch => search::step(state, false),
        Action::Keyword(n) => search::keyword(state, *n),
        Action::Trend => {
            // The word searched for in the article, else its first keyword.
            let query = state
                .search
                .finder
                .as_ref()
                .map(|f| f.query.clone())
                .or_else(|| state.keywords().first().cloned())
                .unwrap_or_default();
            super::trend::open(state, &query);
        }
        Action::Outline => super::outline::open(state),
        Action::Back | Action::Close | Action::Left => {
            // Back where the article was opened from: the front page's card, or the list
            // (results with their query and selection, bookmarks).
            state.search.finder = None;
            state.screen = state.opened_from;
            state.beside = false;
        }
        Action::SwitchPane => {
            // The article stays open beside the headlines where there is room for both.
            state.beside = state.split();
            state.screen = Screen::Front;
        }
        Action::Click(..) if state.split() => front(state, action),
        _ => {}
    }
}

fn front(state: &mut AppState, action: &Action) {
    let Some(page) = state.layout().front_page() else {
        return;
    };
    let count = state.article_count();
    let next_page = page
        .next_screen(state.article)
        .unwrap_or(count.saturating_sub(1));
    let previous_page = page.previous_screen(state.article).unwrap_or(0);
    let (left, right) = (
        page.beside(state.article, -1),
        page.beside(state.article, 1),
    );
    // The first stories of the pages (版) either side.
    let tab = page.card(state.article).map_or(0, |c| c.tab);
    let next_tab = page.tabs.get(tab + 1).map(|t| t.first);
    let previous_tab = tab
        .checked_sub(1)
        .and_then(|t| page.tabs.get(t))
        .map(|t| t.first);
    match action {
        Action::NextArticle | Action::PrevArticle => next_article(state, action),
        Action::Down | Action::Scroll(1..) => state.select_article(state.article + 1),
        Action::Up | Action::Scroll(..=-1) => {
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
        Action::Trend => {
            let query = state.search.last_query.clone();
            super::trend::open(state, &query);
        }
        Action::Outline => super::outline::open(state),
        Action::Click(x, y) => click(state, *x, *y),
        Action::NextTab => match next_tab {
            Some(first) => state.select_article(first),
            None => state.notice = Some(super::Notice::LastTab),
        },
        Action::PrevTab => match previous_tab {
            Some(first) => state.select_article(first),
            None => state.notice = Some(super::Notice::FirstTab),
        },
        _ => {}
    }
}

/// `]` and `[`: the next or previous article, saying so at either end.
fn next_article(state: &mut AppState, action: &Action) {
    let last = state.article_count().saturating_sub(1);
    match action {
        Action::NextArticle if state.article >= last => {
            state.notice = Some(super::Notice::LastArticle);
        }
        Action::NextArticle => state.select_article(state.article + 1),
        _ if state.article == 0 => state.notice = Some(super::Notice::FirstArticle),
        _ => state.select_article(state.article - 1),
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
