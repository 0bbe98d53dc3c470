//! Terminal input bytes turned into key and mouse events: the keys dubao binds, SGR and X10
//! mouse reports, the terminal's answers to the questions dubao asks (synchronized updates, the
//! cursor's place), and every malformed or unknown sequence dropped without taking the keys
//! that follow it (crossterm's parser waits for an `m` after a stray `ESC [ <`).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The longest escape sequence read as one; anything longer is garbage.
const MAX_SEQUENCE: usize = 32;

/// What the bytes at the start of the buffer hold.
#[derive(Debug, PartialEq, Eq)]
enum Parsed {
    /// An event made of this many bytes.
    Event(Event, usize),
    /// This many bytes that stand for nothing dubao uses.
    Skip(usize),
    /// An answer of the terminal's, this many bytes long.
    Answer(Answer, usize),
    /// The start of a sequence whose end has not arrived yet.
    Incomplete,
}

/// Bytes read but not yet made into events: the start of a sequence cut by a read.
#[derive(Debug, Default)]
pub(super) struct Parser {
    pending: Vec<u8>,
    answers: Vec<Answer>,
}

/// What the terminal answered to a question dubao asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// To [`SYNC_QUERY`]: whether it draws synchronized updates.
    Synchronized(bool),
    /// To `CSI 6 n`: the cursor's column and row, counted from 1.
    Cursor { column: u16, row: u16 },
}

/// Asks the terminal whether it knows synchronized updates (DECRQM for mode 2026). It answers
/// `CSI ? 2026 ; Ps $ y` (Ps 1 to 3: it does), or not at all.
pub(super) const SYNC_QUERY: &[u8] = b"\x1b[?2026$p";

impl Parser {
    /// Adds `bytes` and returns the events they complete.
    pub(super) fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..]) {
                Parsed::Event(event, len) => {
                    events.push(event);
                    at += len;
                }
                Parsed::Skip(len) => at += len,
                Parsed::Answer(answer, len) => {
                    self.answers.push(answer);
                    at += len;
                }
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        events
    }

    /// The terminal's answers that have come, each once.
    pub(super) fn take_answers(&mut self) -> Vec<Answer> {
        std::mem::take(&mut self.answers)
    }

    /// Whether an unfinished sequence waits for more bytes.
    pub(super) fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// No more bytes came in time: a lone ESC is the Esc key, and any other unfinished
    /// sequence is dropped (the keys after it are parsed on their own).
    pub(super) fn timeout(&mut self) -> Vec<Event> {
        let lone_esc = self.pending == [0x1b];
        self.pending.clear();
        if lone_esc {
            vec![key(KeyCode::Esc, KeyModifiers::NONE)]
        } else {
            Vec::new()
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn parse(bytes: &[u8]) -> Parsed {
    let Some(&first) = bytes.first() else {
        return Parsed::Incomplete;
    };
    let plain = |code| Parsed::Event(key(code, KeyModifiers::NONE), 1);
    match first {
        0x1b => escape(bytes),
        b'\r' | b'\n' => plain(KeyCode::Enter),
        b'\t' => plain(KeyCode::Tab),
        0x7f | 0x08 => plain(KeyCode::Backspace),
        0x00 => Parsed::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        0x01..=0x1a => {
            let c = char::from(first - 1 + b'a');
            Parsed::Event(key(KeyCode::Char(c), KeyModifiers::CONTROL), 1)
        }
        0x1c..=0x1f => {
            let c = char::from(first - 0x1c + b'4');
            Parsed::Event(key(KeyCode::Char(c), KeyModifiers::CONTROL), 1)
        }
        _ => utf8(bytes),
    }
}

/// One UTF-8 character; an invalid byte is skipped alone.
fn utf8(bytes: &[u8]) -> Parsed {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Skip(1),
    };
    let Some(text) = bytes.get(..len) else {
        // A cut character, unless a byte already shows it is no character at all.
        return if bytes[1..].iter().all(|b| b & 0xc0 == 0x80) {
            Parsed::Incomplete
        } else {
            Parsed::Skip(1)
        };
    };
    match std::str::from_utf8(text)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Parsed::Event(key(KeyCode::Char(c), KeyModifiers::NONE), len),
        None => Parsed::Skip(1),
    }
}

fn escape(bytes: &[u8]) -> Parsed {
    match bytes.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Parsed::Incomplete,
            Some(&last) => final_key(last, &[]).map_or(Parsed::Skip(3), |e| Parsed::Event(e, 3)),
        },
        // ESC ESC: the first is the Esc key.
        Some(0x1b) => Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        // Alt and a key.
        Some(_) => match parse(&bytes[1..]) {
            Parsed::Event(Event::Key(mut event), len) => {
                event.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(event), len + 1)
            }
            Parsed::Event(_, len) | Parsed::Skip(len) | Parsed::Answer(_, len) => {
                Parsed::Skip(len + 1)
            }
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// `ESC [` parameters final: a cursor or editing key, a mouse report, or something skipped.
/// A byte that cannot belong to the sequence ends it there: the sequence is dropped and that
/// byte read as a key of its own.
fn csi(bytes: &[u8]) -> Parsed {
    if bytes.get(2) == Some(&b'M') && bytes.get(3).is_none_or(|&b| b >= 0x20) {
        return x10_mouse(bytes);
    }
    let sgr = bytes.get(2) == Some(&b'<');
    let start = if sgr { 3 } else { 2 };
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if i >= MAX_SEQUENCE {
            // Garbage: dropped with the rest of its parameters.
            let rest = bytes[i..].iter().take_while(|b| (0x20..=0x3f).contains(*b));
            return Parsed::Skip(i + rest.count());
        }
        match b {
            b'0'..=b'9' | b';' => {}
            // Other parameter and intermediate bytes: only in sequences dubao skips.
            0x20..=0x2f | b':' | b'<'..=b'?' if !sgr => {}
            // A mouse report ends only in M or m.
            b'M' | b'm' if sgr => {
                let event = sgr_mouse(&numbers(&bytes[start..i]), b);
                return event.map_or(Parsed::Skip(i + 1), |e| Parsed::Event(e, i + 1));
            }
            b'y' if !sgr && bytes[start..i].starts_with(b"?2026;") => {
                let answer = bytes[start + 6..i].strip_suffix(b"$");
                return match answer.map(numbers).as_deref() {
                    // Set, reset or permanently set; 0 is unknown, 4 permanently reset.
                    Some(&[mode]) => {
                        let known = (1..=3).contains(&mode);
                        Parsed::Answer(Answer::Synchronized(known), i + 1)
                    }
                    _ => Parsed::Skip(i + 1),
                };
            }
            // The cursor's place, asked for by the width probe (never read as a key).
            b'R' if !sgr => {
                return match numbers(&bytes[start..i]).as_slice() {
                    &[row, column] if bytes[start..i].contains(&b';') => {
                        Parsed::Answer(Answer::Cursor { column, row }, i + 1)
                    }
                    _ => Parsed::Skip(i + 1),
                };
            }
            0x40..=0x7e if !sgr => {
                let params = &bytes[start..i];
                let event = params
                    .iter()
                    .all(|b| b.is_ascii_digit() || *b == b';')
                    .then(|| final_key(b, &numbers(params)))
                    .flatten();
                return event.map_or(Parsed::Skip(i + 1), |e| Parsed::Event(e, i + 1));
            }
            _ => return Parsed::Skip(i),
        }
    }
    Parsed::Incomplete
}

/// `1;5` → [1, 5]; a missing or oversized number is 0.
fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&b| b == b';')
        .map(|n| {
            std::str::from_utf8(n)
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        })
        .collect()
}

/// The key a CSI or SS3 sequence ending in `last` names, with the modifiers of its second
/// parameter (`ESC [ 1 ; 5 A` is Ctrl+Up).
fn final_key(last: u8, params: &[u16]) -> Option<Event> {
    let code = match (last, params.first().copied().unwrap_or(0)) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) | (b'~', 1 | 7) => KeyCode::Home,
        (b'F', _) | (b'~', 4 | 8) => KeyCode::End,
        (b'Z', _) => KeyCode::BackTab,
        (b'P', _) => KeyCode::F(1),
        (b'Q', _) => KeyCode::F(2),
        (b'S', _) => KeyCode::F(4),
        (b'~', 2) => KeyCode::Insert,
        (b'~', 3) => KeyCode::Delete,
        (b'~', 5) => KeyCode::PageUp,
        (b'~', 6) => KeyCode::PageDown,
        (b'~', n @ 11..=15) => KeyCode::F((n - 10) as u8),
        (b'~', n @ 17..=21) => KeyCode::F((n - 11) as u8),
        (b'~', n @ 23..=24) => KeyCode::F((n - 12) as u8),
        // `R` is also the answer to a cursor position request: never a key here.
        _ => return None,
    };
    let mut modifiers = modifiers(params.get(1).copied().unwrap_or(1));
    if code == KeyCode::BackTab {
        modifiers |= KeyModifiers::SHIFT;
    }
    Some(key(code, modifiers))
}

/// The xterm modifier parameter: 1 + (1 shift, 2 alt, 4 ctrl).
fn modifiers(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

/// `ESC [ < button ; column ; row M|m` (columns and rows counted from 1).
fn sgr_mouse(params: &[u16], last: u8) -> Option<Event> {
    let &[button, column, row] = params else {
        return None;
    };
    let press = match last {
        b'M' => true,
        b'm' => false,
        _ => return None,
    };
    mouse(button, column.checked_sub(1)?, row.checked_sub(1)?, press)
}

/// `ESC [ M` and three bytes, each 32 more than the button, column and row (from 1).
fn x10_mouse(bytes: &[u8]) -> Parsed {
    let Some(&[button, column, row]) = bytes.get(3..6) else {
        return Parsed::Incomplete;
    };
    let value = |b: u8| u16::from(b).checked_sub(33);
    match (u16::from(button).checked_sub(32), value(column), value(row)) {
        (Some(button), Some(column), Some(row)) => {
            // Button 3 is a release in this encoding.
            let press = button & 3 != 3;
            mouse(button, column, row, press).map_or(Parsed::Skip(6), |e| Parsed::Event(e, 6))
        }
        _ => Parsed::Skip(6),
    }
}

fn mouse(button: u16, column: u16, row: u16, press: bool) -> Option<Event> {
    let kind = match (button & !0b1_1100, press) {
        (64, _) => MouseEventKind::ScrollUp,
        (65, _) => MouseEventKind::ScrollDown,
        (0, true) if button & 32 == 0 => MouseEventKind::Down(MouseButton::Left),
        (0, false) => MouseEventKind::Up(MouseButton::Left),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }))
}

#[cfg(test)]
mod tests;
