//! The status line: mode, the search prompt and match counter, keys of an unfinished
//! sequence, messages, and hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::layout::ellipsize;
use crate::app::outline;
use crate::app::search::Scope;
use crate::app::{AppState, Screen};
use crate::script::Script;

/// The most columns the current section's name takes.
const SECTION_WIDTH: usize = 24;
use crate::typeset::str_width;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    buf.set_style(area, theme.status);
    let words = strings::words(state.language);
    let bookmarks = state.search.results.as_ref().is_some_and(|r| r.bookmarks);
    let mode = match state.screen {
        Screen::Front => words.mode_front,
        Screen::Reader => words.mode_reader,
        Screen::Issues => words.mode_issues,
        Screen::Results if bookmarks => words.mode_bookmarks,
        Screen::Results => words.mode_results,
        Screen::Trend => words.mode_trend,
    };
    let mut x = area.x;
    let mut put = |text: String, style| {
        let room = usize::from(area.right().saturating_sub(x));
        x = pen.put(buf, x, area.y, &text, room, style);
    };
    put(format!(" {mode} "), theme.status);
    if state.script != Script::Original {
        put(
            format!("［{}］", strings::script_name(state.language, state.script)),
            theme.pending,
        );
    }
    if state.screen == Screen::Reader && state.search.prompt.is_none() {
        let entries = outline::shown_entries(state);
        if let Some(entry) = outline::current(state).and_then(|i| entries.get(i)) {
            let text = ellipsize(entry.text, SECTION_WIDTH, pen.mode);
            put(format!(" § {text} "), theme.status);
        }
    }
    let search = &state.search;
    if let Some(prompt) = &search.prompt {
        let sigil = match prompt.scope {
            Scope::Article => "/",
            Scope::Global => "S ",
            Scope::Date => ":",
        };
        put(format!(" {sigil}{}▏", prompt.input), theme.prompt);
    }
    if let Some(finder) = search.finder.as_ref().filter(|f| !f.matches.is_empty()) {
        put(
            format!(
                " {} ",
                strings::match_counter(finder.current, finder.matches.len())
            ),
            theme.pending,
        );
    }
    if !state.pending.is_empty() {
        put(format!(" {}… ", state.pending), theme.pending);
    }
    // Across issues: the index answers (an in-article search needs none).
    let searching = search
        .prompt
        .as_ref()
        .is_some_and(|p| p.scope == Scope::Global)
        || state.screen == Screen::Results;
    if let Some(notice) = &state.notice {
        put(
            format!(" {}", strings::notice(state.language, notice)),
            theme.status,
        );
    } else if state.loading {
        put(format!(" {}", words.loading_library), theme.status);
    } else if let Some(progress) = search.archive.as_ref().and_then(|a| a.progress.as_ref()) {
        put(
            format!(" {}", strings::indexing(state.language, progress)),
            theme.status,
        );
    } else if searching && search.archive.is_none() {
        put(format!(" {}", words.loading), theme.status);
    }
    let hints = format!(
        "{} ",
        strings::hints(
            state.language,
            &state.keymap,
            state.screen == Screen::Reader
        )
    );
    let width = u16::try_from(str_width(&hints, pen.mode)).unwrap_or(u16::MAX);
    let hint_x = area.right().saturating_sub(width);
    if hint_x > x + 1 && search.prompt.is_none() {
        pen.put(buf, hint_x, area.y, hints, usize::from(width), theme.status);
    }
}
