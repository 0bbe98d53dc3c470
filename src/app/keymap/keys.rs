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

/// `g g` → two keys; `<C-d>` → Ctrl+d. A label of no key at all is an error.
pub(super) fn parse_sequence(label: &str) -> Result<Vec<Key>, KeymapError> {
    let keys = label
        .split_whitespace()
        .map(|k| parse_key(k).ok_or_else(|| KeymapError::UnknownKey(label.to_owned())))
        .collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Err(KeymapError::Empty(label.to_owned()));
    }
    Ok(keys)
}

/// One key: a character, `<Name>`, or `<C-x>` / `<C-Name>` (one `C-`, read without
/// recursion: `<C-C-C-…>` is no key, at any length).
fn parse_key(text: &str) -> Option<Key> {
    let Some(inner) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return single_char(text).map(|code| Key { code, ctrl: false });
    };
    let (ctrl, name) = match inner.strip_prefix("C-") {
        Some(rest) if !rest.starts_with("C-") => (true, rest),
        Some(_) => return None,
        None => (false, inner),
    };
    let code = NAMED
        .iter()
        .find(|(named, _)| *named == name)
        .map(|&(_, code)| code)
        .or_else(|| single_char(name).filter(|_| ctrl))?;
    Some(Key { code, ctrl })
}

fn single_char(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(KeyCode::Char(c))
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
        assert_eq!(
            parse_key("<C-PageDown>"),
            Some(Key {
                code: KeyCode::PageDown,
                ctrl: true
            })
        );
        assert_eq!(parse_key("<C-C-x>"), None);
        assert_eq!(parse_sequence(""), Err(KeymapError::Empty(String::new())));
        assert_eq!(parse_sequence("  "), Err(KeymapError::Empty("  ".into())));
    }

    #[test]
    fn a_label_of_many_ctrl_prefixes_is_no_key_and_costs_no_stack() {
        let label = format!("<{}x>", "C-".repeat(200_000));
        assert_eq!(parse_key(&label), None);
        assert!(parse_sequence(&label).is_err());
    }
}
