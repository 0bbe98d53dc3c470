//! Key bindings as data: `assets/keymap.toml` parsed into (key sequence → action, description),
//! and a resolver for multi-key sequences with an explicit pending state (no timers).

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default bindings shipped with dubao.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One key press, as bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// One binding: the key sequences that run an action, and what it does in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub sequences: Vec<Vec<Key>>,
    /// The sequences as written in the keymap file, for the help screen.
    pub labels: Vec<String>,
    pub action: Action,
    pub desc: String,
}

/// All bindings, in the order the keymap file lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// Why a keymap could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Toml(String),
    #[error("keymap: unknown key {0:?}")]
    UnknownKey(String),
    #[error("keymap: {0:?} is bound twice")]
    Duplicate(String),
}

#[derive(Deserialize)]
struct File {
    keys: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    on: Vec<String>,
    run: Action,
    desc: String,
}

impl Keymap {
    /// Parses a keymap file; every key must be known and no sequence bound twice.
    pub fn parse(text: &str) -> Result<Self, KeymapError> {
        let file: File = toml::from_str(text).map_err(|e| KeymapError::Toml(e.to_string()))?;
        let mut bindings = Vec::new();
        let mut seen = Vec::new();
        for entry in file.keys {
            let mut sequences = Vec::new();
            for label in &entry.on {
                let sequence = parse_sequence(label)?;
                if seen.contains(&sequence) {
                    return Err(KeymapError::Duplicate(label.clone()));
                }
                seen.push(sequence.clone());
                sequences.push(sequence);
            }
            bindings.push(Binding {
                sequences,
                labels: entry.on,
                action: entry.run,
                desc: entry.desc,
            });
        }
        Ok(Self { bindings })
    }

    /// The default keymap.
    pub fn default_keymap() -> Self {
        // Parsing the shipped file is tested; failing here would be a build defect.
        Self::parse(DEFAULT_KEYMAP).unwrap_or(Self {
            bindings: Vec::new(),
        })
    }

    /// Binds `action` to `labels` instead of its default keys; a key another action had moves
    /// to this one.
    pub fn rebind(&mut self, action: &Action, labels: &[String]) -> Result<(), KeymapError> {
        let sequences = labels
            .iter()
            .map(|l| parse_sequence(l))
            .collect::<Result<Vec<_>, _>>()?;
        for binding in &mut self.bindings {
            let keep: Vec<bool> = binding
                .sequences
                .iter()
                .map(|s| !sequences.contains(s))
                .collect();
            let mut flags = keep.iter();
            binding.labels.retain(|_| *flags.next().unwrap_or(&true));
            binding.sequences.retain(|s| !sequences.contains(s));
        }
        match self.bindings.iter_mut().find(|b| &b.action == action) {
            Some(binding) => {
                binding.sequences = sequences;
                binding.labels = labels.to_vec();
            }
            None => self.bindings.push(Binding {
                sequences,
                labels: labels.to_vec(),
                action: action.clone(),
                desc: format!("{action:?}"),
            }),
        }
        Ok(())
    }

    /// The first label bound to `action` (for hints), e.g. `?`.
    pub fn label(&self, action: &Action) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| &b.action == action)?
            .labels
            .first()
            .map(String::as_str)
    }

    fn lookup(&self, sequence: &[Key]) -> Lookup<'_> {
        let mut prefix = false;
        for binding in &self.bindings {
            for candidate in &binding.sequences {
                if candidate.as_slice() == sequence {
                    return Lookup::Action(&binding.action);
                }
                prefix |= candidate.starts_with(sequence);
            }
        }
        if prefix { Lookup::Prefix } else { Lookup::None }
    }
}

enum Lookup<'a> {
    Action(&'a Action),
    Prefix,
    None,
}

/// Turns key presses into actions, remembering an unfinished sequence.
#[derive(Debug, Default)]
pub struct Resolver {
    pending: Vec<Key>,
}

impl Resolver {
    /// The actions for one key press: the bound action, and always the new pending state when
    /// it changes (so the status line can show `g…`).
    pub fn feed(&mut self, keymap: &Keymap, key: Key) -> Vec<Action> {
        let had_pending = !self.pending.is_empty();
        if had_pending && key.code == KeyCode::Esc {
            self.pending.clear();
            return vec![Action::Pending(String::new())];
        }
        self.pending.push(key);
        let mut out = Vec::new();
        match keymap.lookup(&self.pending) {
            Lookup::Action(action) => {
                out.push(action.clone());
                self.pending.clear();
            }
            Lookup::Prefix => {}
            Lookup::None => {
                self.pending.clear();
                // An unfinished sequence followed by another key: that key counts on its own.
                if had_pending {
                    return [vec![Action::Pending(String::new())], self.feed(keymap, key)].concat();
                }
            }
        }
        if had_pending || !self.pending.is_empty() {
            out.insert(0, Action::Pending(self.pending_text()));
        }
        out
    }

    fn pending_text(&self) -> String {
        self.pending
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The actions for a key press: while a search prompt is open, the typed text (as typed:
/// full-width marks stay full-width) and the prompt's editing keys; otherwise the keymap's.
pub fn actions_for(
    prompt_open: bool,
    resolver: &mut Resolver,
    keymap: &Keymap,
    event: KeyEvent,
) -> Vec<Action> {
    if !prompt_open {
        return resolver.feed(keymap, Key::from_event(event));
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Char(c) if !ctrl => vec![Action::Input(c)],
        KeyCode::Backspace => vec![Action::DeleteBack],
        KeyCode::Enter => vec![Action::Submit],
        KeyCode::Esc => vec![Action::Cancel],
        KeyCode::Down => vec![Action::Down],
        KeyCode::Up => vec![Action::Up],
        _ => Vec::new(),
    }
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
fn parse_sequence(label: &str) -> Result<Vec<Key>, KeymapError> {
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
    fn the_shipped_keymap_parses_without_duplicates() {
        let keymap = Keymap::parse(DEFAULT_KEYMAP).expect("default keymap");
        assert!(keymap.bindings.len() > 20);
        assert!(keymap.bindings.iter().all(|b| !b.desc.is_empty()));
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

    #[test]
    fn unknown_actions_keys_and_duplicates_are_errors() {
        let unknown_action = "[[keys]]\non = [\"x\"]\nrun = \"fly\"\ndesc = \"d\"\n";
        assert!(matches!(
            Keymap::parse(unknown_action),
            Err(KeymapError::Toml(_))
        ));
        let unknown_key = "[[keys]]\non = [\"<Hyper>\"]\nrun = \"quit\"\ndesc = \"d\"\n";
        assert_eq!(
            Keymap::parse(unknown_key),
            Err(KeymapError::UnknownKey("<Hyper>".into()))
        );
        let twice = "[[keys]]\non = [\"x\"]\nrun = \"quit\"\ndesc = \"d\"\n[[keys]]\non = [\"x\"]\nrun = \"help\"\ndesc = \"d\"\n";
        assert_eq!(
            Keymap::parse(twice),
            Err(KeymapError::Duplicate("x".into()))
        );
    }

    #[test]
    fn sequences_wait_in_an_explicit_pending_state() {
        let keymap = Keymap::default_keymap();
        let mut resolver = Resolver::default();
        assert_eq!(
            resolver.feed(&keymap, key('g')),
            [Action::Pending("g".into())]
        );
        assert_eq!(
            resolver.feed(&keymap, key('g')),
            [Action::Pending(String::new()), Action::Top]
        );
    }

    #[test]
    fn another_key_after_a_prefix_counts_on_its_own_and_esc_cancels() {
        let keymap = Keymap::default_keymap();
        let mut resolver = Resolver::default();
        resolver.feed(&keymap, key('g'));
        assert_eq!(
            resolver.feed(&keymap, key('j')),
            [Action::Pending(String::new()), Action::Down]
        );
        resolver.feed(&keymap, key('g'));
        let esc = Key {
            code: KeyCode::Esc,
            ctrl: false,
        };
        assert_eq!(
            resolver.feed(&keymap, esc),
            [Action::Pending(String::new())]
        );
    }

    #[test]
    fn full_width_marks_from_an_input_method_act_as_ascii_keys() {
        let event = KeyEvent::new(KeyCode::Char('？'), KeyModifiers::NONE);
        assert_eq!(Key::from_event(event), key('?'));
        let keymap = Keymap::default_keymap();
        let bracket = Key::from_event(KeyEvent::new(KeyCode::Char('】'), KeyModifiers::NONE));
        assert_eq!(
            Resolver::default().feed(&keymap, bracket),
            [Action::NextArticle]
        );
    }
}
