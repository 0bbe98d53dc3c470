use super::*;

fn keys(input: &[u8]) -> Vec<Event> {
    Parser::default().feed(input)
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn c(c: char) -> Event {
    k(KeyCode::Char(c))
}

#[test]
fn keys_dubao_binds() {
    assert_eq!(
        keys(b"jG\r\x1b[A\x1b[B\x1bOC\x1b[6~\x1b[5~\x1b[H\x1b[4~\x1b[Z\x7f\t"),
        [
            c('j'),
            c('G'),
            k(KeyCode::Enter),
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::Right),
            k(KeyCode::PageDown),
            k(KeyCode::PageUp),
            k(KeyCode::Home),
            k(KeyCode::End),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            k(KeyCode::Backspace),
            k(KeyCode::Tab),
        ]
    );
    assert_eq!(
        keys(b"\x03\x04"),
        [
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            key(KeyCode::Char('d'), KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(keys("北京？".as_bytes()), [c('北'), c('京'), c('？')]);
    assert_eq!(keys(b"\x1bOP"), [k(KeyCode::F(1))]);
    assert_eq!(
        keys(b"\x1b[1;5A"),
        [key(KeyCode::Up, KeyModifiers::CONTROL)]
    );
}

#[test]
fn a_stray_mouse_prefix_takes_no_key_after_it() {
    assert_eq!(keys(b"\x1b[<Q"), [c('Q')]);
    assert_eq!(
        keys(b"\x1b[<1;2\x03"),
        [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
    );
    // Cut by a read, then nothing more in time: dropped, and the next key is a key.
    let mut parser = Parser::default();
    assert!(parser.feed(b"\x1b[<").is_empty());
    assert!(parser.waiting());
    assert!(parser.timeout().is_empty());
    assert_eq!(parser.feed(b"q"), [c('q')]);
}

#[test]
fn unknown_and_overlong_sequences_are_dropped_alone() {
    assert_eq!(keys(b"\x1b[?1;2cj"), [c('j')]);
    assert_eq!(keys(b"\x1b[12;40Rk"), [c('k')]);
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 100));
    long.push(b'q');
    assert_eq!(keys(&long), [c('q')]);
    assert_eq!(keys(b"\xff\xfej"), [c('j')]);
    assert_eq!(keys(b"\xe5\x8cj"), [c('j')]);
}

#[test]
fn a_sequence_cut_by_a_read_is_joined_and_a_lone_esc_is_esc() {
    let mut parser = Parser::default();
    assert!(parser.feed(b"\x1b[").is_empty());
    assert_eq!(parser.feed(b"B"), [k(KeyCode::Down)]);
    assert!(parser.feed(&"京".as_bytes()[..1]).is_empty());
    assert_eq!(parser.feed(&"京".as_bytes()[1..]), [c('京')]);
    assert!(parser.feed(b"\x1b").is_empty());
    assert_eq!(parser.timeout(), [k(KeyCode::Esc)]);
    assert_eq!(keys(b"\x1b\x1b"), [k(KeyCode::Esc)]);
}

#[test]
fn the_answer_about_synchronized_updates_is_no_key() {
    for (answer, synchronized) in [("1", true), ("2", true), ("0", false)] {
        let mut parser = Parser::default();
        let bytes = format!("j\x1b[?2026;{answer}$yk");
        assert_eq!(parser.feed(bytes.as_bytes()), [c('j'), c('k')]);
        assert_eq!(
            parser.take_answers(),
            [Answer::Synchronized(synchronized)],
            "{answer}"
        );
        assert_eq!(parser.take_answers(), [], "said once");
    }
    let mut parser = Parser::default();
    assert_eq!(parser.feed(b"\x1b[?1049;1$yq"), [c('q')], "another mode");
    assert_eq!(parser.take_answers(), []);
}

#[test]
fn the_cursors_place_is_an_answer_not_a_key() {
    let mut parser = Parser::default();
    assert_eq!(parser.feed(b"a\x1b[2;3"), [c('a')]);
    assert_eq!(parser.feed(b"Rb"), [c('b')], "cut by a read, joined");
    assert_eq!(
        parser.take_answers(),
        [Answer::Cursor { column: 3, row: 2 }]
    );
}

#[test]
fn mouse_reports() {
    let wheel = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        keys(b"\x1b[<65;10;5M\x1b[<0;3;4M\x1b[<0;3;4m"),
        [
            wheel(MouseEventKind::ScrollDown, 9, 4),
            wheel(MouseEventKind::Down(MouseButton::Left), 2, 3),
            wheel(MouseEventKind::Up(MouseButton::Left), 2, 3),
        ]
    );
    assert_eq!(keys(b"\x1b[M`!!"), [wheel(MouseEventKind::ScrollUp, 0, 0)]);
}

#[test]
fn a_burst_is_read_whole() {
    let burst = "j".repeat(5000) + "q";
    let events = keys(burst.as_bytes());
    assert_eq!(events.len(), 5001);
    assert_eq!(events.last(), Some(&c('q')));
}
