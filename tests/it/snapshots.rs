//! Whole-screen snapshots of the views, drawn into ratatui's `TestBackend`.

use dubao::app::ThemeKind;
use ratatui::style::{Color, Modifier};

use crate::support::{app, press, render, screen};

#[test]
fn front_page_80x24() {
    insta::assert_snapshot!(screen(&render(&app(80, 24))));
}

#[test]
fn front_page_40x20_has_one_column() {
    insta::assert_snapshot!(screen(&render(&app(40, 20))));
}

#[test]
fn reader_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn split_view_120x40() {
    let mut app = app(120, 40);
    press(&mut app, "j<Tab>");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn help_open_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>?");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn too_small_notice() {
    insta::assert_snapshot!(screen(&render(&app(24, 5))));
}

#[test]
fn issue_list_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "i");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn no_color_uses_no_colours_and_marks_the_selection_with_reverse_video() {
    let mut app = app(80, 24);
    app.theme = ThemeKind::Mono;
    press(&mut app, "j");
    let buf = render(&app);
    assert_eq!(
        screen(&buf),
        screen(&render(&{
            let mut coloured = app.clone();
            coloured.theme = ThemeKind::Dark;
            coloured
        })),
        "same text with and without colour"
    );
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour in NO_COLOR mode"
        );
    }
    let reversed = |x: u16, y: u16| buf[(x, y)].modifier.contains(Modifier::REVERSED);
    assert!(
        reversed(0, 0) && reversed(0, 23),
        "masthead and status line"
    );
    let body_reversed = (1..23)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&(x, y)| reversed(x, y))
        .count();
    assert!(
        body_reversed >= 10,
        "the selected title is reversed ({body_reversed} cells)"
    );
}

#[test]
fn wide_ambiguous_mode_gives_every_glyph_its_cells_and_uses_ascii_rules() {
    use dubao::typeset::{AmbiguousWidth, str_width};
    let mut ambiguous = 0;
    for keys in ["}", "}jjj<Enter>", "}?"] {
        let mut app = app(80, 24);
        app.options.ambiguous = AmbiguousWidth::Wide;
        press(&mut app, keys);
        let buf = render(&app);
        for y in 0..buf.area.height {
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                assert!(
                    !["│", "┃", "▌", "┌", "─"].contains(&symbol),
                    "{keys}: {symbol:?} at ({x}, {y})"
                );
                let width = str_width(symbol, AmbiguousWidth::Wide).max(1);
                if width > str_width(symbol, AmbiguousWidth::Narrow) {
                    ambiguous += 1;
                }
                for k in 1..width {
                    let hidden = buf[(x + u16::try_from(k).unwrap_or(0), y)].symbol();
                    assert!(
                        hidden.is_empty() || hidden == " ",
                        "{keys}: {symbol:?} at ({x}, {y}) overlaps {hidden:?}"
                    );
                }
                x += u16::try_from(width).unwrap_or(1);
            }
        }
    }
    assert!(ambiguous > 0, "the screens have ambiguous characters (“”…)");
}
