//! Key presses turned into actions, with an explicit pending state for sequences (`g g`)
//! instead of timers.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Key, Keymap, Lookup};
use crate::app::Action;

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
