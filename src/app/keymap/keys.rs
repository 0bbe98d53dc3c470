//! One key press as the keymap names it: parsing `<C-d>` and `g g`, printing them back, and
//! the full-width marks of a Chinese input method read as their ASCII keys.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::KeymapError;

/// One key press, as bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// The key a terminal event stands for. Full-width marks typed with a Chinese input method
    /// still on count as their ASCII keys (`？` is `?`, `【` is `[`).
    pub fn from_event(event: KeyEvent) -> Self {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) => KeyCode::Char(half_width(c)),
            code => code,
        };
        Self { code, ctrl }
    }
}

fn half_width(c: char) -> char {
    match c {
        '？' => '?',
        '：' => ':',
        '【' => '[',
        '】' => ']',
        '，' => ',',
        '。' => '.',
        '、' => '/',
        '｛' => '{',
        '｝' => '}',
        '＋' => '+',
        '－' => '-',
        '＝' => '=',
        '！' => '!',
        c => c,
    }
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Down", KeyCode::Down),
    ("Up", KeyCode::Up),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("PageDown", KeyCode::PageDown),
    ("PageUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("F1", KeyCode::F(1)),
];

/// `g g` → two keys; `<C-d>` → Ctrl+d.
pub(super) fn parse_sequence(label: &str) -> Result<Vec<Key>, KeymapError> {
    label
        .split_whitespace()
        .map(|k| parse_key(k).ok_or_else(|| KeymapError::UnknownKey(label.to_owned())))
        .collect()
}

fn parse_key(text: &str) -> Option<Key> {
    let Some(inner) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        let mut chars = text.chars();
        let c = chars.next()?;
        return chars.next().is_none().then_some(Key {
            code: KeyCode::Char(c),
            ctrl: false,
        });
    };
    if let Some(rest) = inner.strip_prefix("C-") {
        let key = parse_key(rest).or_else(|| parse_key(&format!("<{rest}>")))?;
        return Some(Key { ctrl: true, ..key });
    }
    NAMED
        .iter()
        .find(|(name, _)| *name == inner)
        .map(|&(_, code)| Key { code, ctrl: false })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if !self.ctrl => return write!(f, "{c}"),
            KeyCode::Char(c) => c.to_string(),
            code => NAMED
                .iter()
                .find(|(_, k)| *k == code)
                .map_or("?", |(n, _)| n)
                .to_owned(),
        };
        if self.ctrl {
            write!(f, "<C-{name}>")
        } else {
            write!(f, "<{name}>")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    #[test]
    fn key_names_parse() {
        assert_eq!(
            parse_key("<C-d>"),
            Some(Key {
                code: KeyCode::Char('d'),
                ctrl: true
            })
        );
        assert_eq!(
            parse_key("<PageDown>"),
            Some(Key {
                code: KeyCode::PageDown,
                ctrl: false
            })
        );
        assert_eq!(parse_key("?"), Some(key('?')));
        assert_eq!(parse_key("<Nope>"), None);
        assert_eq!(parse_sequence("g g"), Ok(vec![key('g'), key('g')]));
    }
}
