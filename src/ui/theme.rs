//! Styles. Every state is shown by a modifier (bold, reverse, underline) as well as by colour,
//! so the monochrome theme (`NO_COLOR`) loses nothing; colours stay within the 16 ANSI ones,
//! and none is set on a background it cannot be read on (a light one for the light theme, a
//! dark one for the dark).

use ratatui::style::{Color, Modifier, Style};

use crate::app::ThemeKind;

/// The styles views draw with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub masthead: Style,
    pub status: Style,
    pub pending: Style,
    pub rubric: Style,
    pub kicker: Style,
    pub title: Style,
    pub subtitle: Style,
    pub byline: Style,
    pub body: Style,
    pub lead: Style,
    pub selected: Style,
    pub marker: Style,
    pub rule: Style,
    pub scrollbar: Style,
    pub keywords: Style,
    /// A search match; the current one stands out more. Both reverse, so `NO_COLOR` shows them.
    pub found: Style,
    pub current_found: Style,
    pub prompt: Style,
    /// Titles of articles already read.
    pub read: Style,
    /// The front page's tabs (pages of the issue), and the current one.
    pub tab: Style,
    pub tab_current: Style,
    /// The front page's count of stories on other screens.
    pub more: Style,
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Mono => mono(),
            ThemeKind::Dark => dark(),
            ThemeKind::Light => light(),
        }
    }
}

const PLAIN: Style = Style::new();
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);
const REVERSE: Style = Style::new().add_modifier(Modifier::REVERSED);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const UNDERLINED: Style = Style::new().add_modifier(Modifier::UNDERLINED);

fn mono() -> Theme {
    Theme {
        masthead: REVERSE.add_modifier(Modifier::BOLD),
        status: REVERSE,
        pending: BOLD.add_modifier(Modifier::UNDERLINED),
        rubric: DIM,
        kicker: DIM,
        title: BOLD,
        subtitle: UNDERLINED,
        byline: DIM,
        body: PLAIN,
        lead: PLAIN,
        selected: REVERSE.add_modifier(Modifier::BOLD),
        marker: BOLD,
        rule: DIM,
        scrollbar: PLAIN,
        keywords: ITALIC,
        found: REVERSE,
        current_found: REVERSE.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        prompt: BOLD,
        read: DIM,
        tab: DIM,
        tab_current: REVERSE.add_modifier(Modifier::BOLD),
        more: DIM,
    }
}

/// Light text on a dark background: no black, blue or dark grey text.
fn dark() -> Theme {
    Theme {
        masthead: BOLD.fg(Color::White).bg(Color::Red),
        status: PLAIN.fg(Color::Black).bg(Color::Gray),
        pending: BOLD.fg(Color::Yellow).bg(Color::Black),
        rubric: PLAIN.fg(Color::LightRed),
        kicker: DIM.fg(Color::Cyan),
        title: BOLD,
        subtitle: PLAIN.fg(Color::Cyan),
        byline: DIM,
        body: PLAIN,
        lead: DIM,
        selected: REVERSE.add_modifier(Modifier::BOLD).fg(Color::Yellow),
        marker: BOLD.fg(Color::Yellow),
        rule: DIM,
        // The terminal's own colour: a scroll moves the bar with the text, and each cell put
        // back then costs no colour change (see the bytes per key in README).
        scrollbar: PLAIN,
        keywords: PLAIN.fg(Color::Magenta),
        found: REVERSE.fg(Color::Yellow),
        current_found: REVERSE
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            .fg(Color::LightRed),
        prompt: BOLD.fg(Color::White).bg(Color::Blue),
        read: DIM,
        tab: PLAIN.fg(Color::Cyan),
        tab_current: BOLD.fg(Color::Black).bg(Color::Cyan),
        more: ITALIC.fg(Color::Yellow),
    }
}

/// Dark text on a light background: no white, light grey, yellow or light cyan text.
fn light() -> Theme {
    Theme {
        masthead: BOLD.fg(Color::White).bg(Color::Red),
        status: PLAIN.fg(Color::White).bg(Color::Blue),
        pending: BOLD.fg(Color::Black).bg(Color::Yellow),
        rubric: PLAIN.fg(Color::Red),
        kicker: PLAIN.fg(Color::Blue),
        title: BOLD,
        subtitle: PLAIN.fg(Color::Blue),
        byline: PLAIN.fg(Color::DarkGray),
        body: PLAIN,
        lead: PLAIN.fg(Color::DarkGray),
        selected: REVERSE.add_modifier(Modifier::BOLD).fg(Color::Blue),
        marker: BOLD.fg(Color::Red),
        rule: PLAIN.fg(Color::DarkGray),
        scrollbar: PLAIN,
        keywords: PLAIN.fg(Color::Magenta),
        found: REVERSE.fg(Color::Magenta),
        current_found: REVERSE
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            .fg(Color::Red),
        prompt: BOLD.fg(Color::White).bg(Color::Blue),
        read: PLAIN.fg(Color::DarkGray),
        tab: PLAIN.fg(Color::Blue),
        tab_current: BOLD.fg(Color::White).bg(Color::Blue),
        more: ITALIC.fg(Color::Magenta),
    }
}

#[cfg(test)]
mod tests;
