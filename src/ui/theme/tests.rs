use ratatui::style::{Color, Style};

use super::*;

/// Colours too dark to read on a dark background, and too light on a light one.
const DARK: [Color; 3] = [Color::Black, Color::Blue, Color::DarkGray];
const LIGHT: [Color; 8] = [
    Color::White,
    Color::Gray,
    Color::Yellow,
    Color::Cyan,
    Color::LightYellow,
    Color::LightCyan,
    Color::LightGreen,
    Color::LightMagenta,
];

fn styles(theme: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("masthead", theme.masthead),
        ("status", theme.status),
        ("pending", theme.pending),
        ("rubric", theme.rubric),
        ("kicker", theme.kicker),
        ("title", theme.title),
        ("subtitle", theme.subtitle),
        ("byline", theme.byline),
        ("body", theme.body),
        ("lead", theme.lead),
        ("selected", theme.selected),
        ("marker", theme.marker),
        ("rule", theme.rule),
        ("scrollbar", theme.scrollbar),
        ("keywords", theme.keywords),
        ("found", theme.found),
        ("current_found", theme.current_found),
        ("prompt", theme.prompt),
        ("read", theme.read),
        ("tab", theme.tab),
        ("tab_current", theme.tab_current),
        ("more", theme.more),
    ]
}

fn ansi16(color: Option<Color>) -> bool {
    !matches!(color, Some(Color::Rgb(..) | Color::Indexed(_)))
}

#[test]
fn every_theme_keeps_to_the_16_colours_and_sets_no_colour_on_its_own_background() {
    for (kind, unreadable) in [
        (ThemeKind::Dark, &DARK[..]),
        (ThemeKind::Light, &LIGHT[..]),
        (ThemeKind::Mono, &[][..]),
    ] {
        for (name, style) in styles(&Theme::new(kind)) {
            assert!(ansi16(style.fg) && ansi16(style.bg), "{kind:?} {name}");
            match (style.fg, style.bg) {
                // Text (or, reversed, the background) on the terminal's own background.
                (Some(fg), None | Some(Color::Reset)) => {
                    assert!(!unreadable.contains(&fg), "{kind:?} {name}: {fg:?}");
                }
                // A colour on a colour: one of them dark, the other light.
                (Some(fg), Some(bg)) => {
                    assert!(
                        (DARK.contains(&fg) || !LIGHT.contains(&fg))
                            != (DARK.contains(&bg) || !LIGHT.contains(&bg)),
                        "{kind:?} {name}: {fg:?} on {bg:?}"
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn the_monochrome_theme_has_no_colour_and_marks_states_with_modifiers() {
    let theme = Theme::new(ThemeKind::Mono);
    for (name, style) in styles(&theme) {
        assert_eq!((style.fg, style.bg), (None, None), "{name}");
    }
    for theme in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Mono].map(Theme::new) {
        for style in [
            theme.selected,
            theme.found,
            theme.current_found,
            theme.tab_current,
        ] {
            assert!(!style.add_modifier.is_empty(), "{style:?}");
        }
    }
}
