use super::*;
use crate::app::keymap::Keymap;
use crate::app::{Action, ThemeKind, update};
use crate::io::load::samples;

fn app() -> AppState {
    AppState::new(samples(), Keymap::default_keymap(), ThemeKind::Dark, 80, 24)
}

fn screen() -> Screen<Vec<u8>> {
    Screen::new(Vec::new(), 80, 24).expect("screen")
}

#[test]
fn an_unchanged_frame_writes_nothing() {
    let (state, mut screen) = (app(), screen());
    screen.draw(&state, None).expect("draw");
    let after_first = screen.output().len();
    screen.draw(&state, None).expect("draw");
    assert_eq!(screen.output().len(), after_first);
}

#[test]
fn no_cursor_move_after_a_wide_glyph() {
    let (state, mut screen) = (app(), screen());
    screen.draw(&state, None).expect("draw");
    let out = String::from_utf8_lossy(screen.output()).into_owned();
    let moves = out.matches('H').count();
    // One move per row at most (plus the odd gap), not one per character.
    assert!(moves < 24 * 4, "{moves} cursor moves");
}

#[test]
fn in_wide_mode_an_ambiguous_glyph_is_followed_by_no_cursor_move() {
    let mut state = app();
    state.options.ambiguous = crate::typeset::AmbiguousWidth::Wide;
    // The second sample's front page has a headline with “”.
    update(&mut state, Action::NextIssue);
    let mut screen = screen();
    screen.draw(&state, None).expect("draw");
    let out = String::from_utf8_lossy(screen.output()).into_owned();
    // The masthead's separator is ASCII in wide mode; the body of the front page has “”.
    let (_, after) = out
        .split_once('“')
        .expect("a quotation mark on the front page");
    let next: String = after.chars().take(12).collect();
    assert!(
        !after.starts_with('\u{1b}'),
        "the next glyph follows directly: {next:?}"
    );
}

#[test]
fn scrolling_sends_only_the_new_lines() {
    let (mut state, mut screen) = (app(), screen());
    update(&mut state, Action::Open);
    screen.draw(&state, None).expect("draw");
    let full = screen.output().len();
    update(&mut state, Action::Down);
    screen
        .draw(
            &state,
            Some(Scroll {
                top: 1,
                bottom: 23,
                lines: 1,
            }),
        )
        .expect("draw");
    let one_line = screen.output().len() - full;
    assert!(
        one_line * 8 < full,
        "a one-line scroll took {one_line} bytes (a full frame {full})"
    );
    assert!(String::from_utf8_lossy(screen.output()).contains("\x1b[2;23r"));
}

#[test]
fn after_a_scroll_the_nearest_cell_is_drawn_next() {
    let (bar, text) = (Cell::new("┃"), Cell::new("字"));
    let mut changes = vec![
        (99, 4, &bar),
        (10, 38, &text),
        (12, 38, &text),
        (99, 38, &bar),
    ];
    nearest_first(
        &mut changes,
        Some((0, 38)),
        100,
        crate::typeset::AmbiguousWidth::Narrow,
    );
    let order: Vec<(u16, u16)> = changes.iter().map(|&(x, y, _)| (x, y)).collect();
    // The new line, then the bar in its row, then up the same column: no long move twice.
    assert_eq!(order, [(10, 38), (12, 38), (99, 38), (99, 4)]);
}

#[test]
fn frames_are_synchronized_once_the_terminal_says_it_knows_how() {
    let (state, mut screen) = (app(), screen());
    screen.draw(&state, None).expect("draw");
    let out = String::from_utf8_lossy(screen.output()).into_owned();
    assert!(out.starts_with("\x1b[?2026$p\x1b[0m\x1b[2J"), "asked first");
    assert!(!out.contains("\x1b[?2026h"), "no answer yet: {out:?}");
    screen.set_synchronized(true);
    screen.invalidate().expect("clear");
    let before = screen.output().len();
    screen.draw(&state, None).expect("draw");
    let out = String::from_utf8_lossy(&screen.output()[before..]).into_owned();
    assert!(out.starts_with("\x1b[?2026h") && out.ends_with("\x1b[?2026l"));
}

#[test]
fn frames_are_synchronized_and_the_scroll_region_stays_set() {
    let (mut state, mut screen) = (app(), screen());
    screen.set_synchronized(true);
    update(&mut state, Action::Open);
    screen.draw(&state, None).expect("draw");
    let out = String::from_utf8_lossy(screen.output()).into_owned();
    assert!(out.ends_with("\x1b[?2026l"));
    let scroll = Some(Scroll {
        top: 1,
        bottom: 23,
        lines: 1,
    });
    for _ in 0..2 {
        update(&mut state, Action::Down);
        screen.draw(&state, scroll).expect("draw");
    }
    let out = String::from_utf8_lossy(screen.output()).into_owned();
    let (_, last) = out.rsplit_once("\x1b[?2026h").expect("a frame");
    assert!(last.starts_with("\x1b[S"), "{last:?}");
    assert_eq!(out.matches("\x1b[2;23r").count(), 1, "set once");
    // Idle: nothing.
    let before = screen.output().len();
    screen.draw(&state, None).expect("draw");
    assert_eq!(screen.output().len(), before);
}
