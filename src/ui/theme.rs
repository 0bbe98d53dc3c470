//! Styles. Every state is shown by a modifier (bold, reverse, underline) as well as by colour,
//! so the monochrome theme (`NO_COLOR`) loses nothing; colours stay within the 16 ANSI ones.

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
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        let reverse = plain.add_modifier(Modifier::REVERSED);
        match kind {
            ThemeKind::Mono => Self {
                masthead: reverse.add_modifier(Modifier::BOLD),
                status: reverse,
                pending: bold.add_modifier(Modifier::UNDERLINED),
                rubric: dim,
                kicker: dim,
                title: bold,
                subtitle: plain.add_modifier(Modifier::UNDERLINED),
                byline: dim,
                body: plain,
                lead: plain,
                selected: reverse.add_modifier(Modifier::BOLD),
                marker: bold,
                rule: dim,
                scrollbar: plain,
                keywords: plain.add_modifier(Modifier::ITALIC),
                found: reverse,
                current_found: reverse.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                prompt: bold,
                read: dim,
            },
            ThemeKind::Color => Self {
                masthead: bold.fg(Color::White).bg(Color::Red),
                status: plain.fg(Color::Black).bg(Color::Gray),
                pending: bold.fg(Color::Yellow).bg(Color::Black),
                rubric: plain.fg(Color::Red),
                kicker: dim.fg(Color::Cyan),
                title: bold,
                subtitle: plain.fg(Color::Cyan),
                byline: dim,
                body: plain,
                lead: dim,
                selected: reverse.add_modifier(Modifier::BOLD).fg(Color::Yellow),
                marker: bold.fg(Color::Yellow),
                rule: dim,
                scrollbar: plain.fg(Color::DarkGray),
                keywords: plain.fg(Color::Magenta),
                found: reverse.fg(Color::Yellow),
                current_found: reverse
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                    .fg(Color::LightRed),
                prompt: bold.fg(Color::White).bg(Color::Blue),
                read: dim,
            },
        }
    }
}
