//! Key presses turned into actions, with an explicit pending state for sequences (`g g`)
//! instead of timers.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Key, Keymap, Lookup};
use crate::app::Action;

/// The largest count a prefix gives (`99999j` moves as `999j`).
const MAX_COUNT: usize = 999;

/// Turns key presses into actions, remembering an unfinished sequence and a count typed
/// before it (`5j`, `3]`), as vim and less do.
#[derive(Debug, Default)]
pub struct Resolver {
    pending: Vec<Key>,
    count: Option<usize>,
}

impl Resolver {
    /// The actions for one key press: the bound action (repeated by a count when it is a
    /// motion), and always the new pending state when it changes (so the status line can
    /// show `g…` or `5…`).
    pub fn feed(&mut self, keymap: &Keymap, key: Key) -> Vec<Action> {
        let had_pending = !self.pending.is_empty() || self.count.is_some();
        if had_pending && key.code == KeyCode::Esc {
            self.pending.clear();
            self.count = None;
            return vec![Action::Pending(String::new())];
        }
        if let Some(digit) = self.count_digit(keymap, key) {
            let count = self.count.unwrap_or(0) * 10 + digit;
            self.count = Some(count.min(MAX_COUNT));
            return vec![Action::Pending(self.pending_text())];
        }
        self.pending.push(key);
        let mut out = Vec::new();
        match keymap.lookup(&self.pending) {
            Lookup::Action(action) => {
                let times = match self.count.take() {
                    Some(n) if action.repeats() => n.max(1),
                    _ => 1,
                };
                out.extend(std::iter::repeat_n(action.clone(), times));
                self.pending.clear();
            }
            Lookup::Prefix => {}
            Lookup::None => {
                self.pending.clear();
                self.count = None;
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

    /// The digit `key` adds to a count: a digit no binding takes alone, before any other key
    /// of a sequence (`0` only after another digit).
    fn count_digit(&self, keymap: &Keymap, key: Key) -> Option<usize> {
        let KeyCode::Char(c) = key.code else {
            return None;
        };
        let digit = usize::try_from(c.to_digit(10)?).ok()?;
        let free = !key.ctrl
            && self.pending.is_empty()
            && (digit != 0 || self.count.is_some())
            && matches!(keymap.lookup(&[key]), Lookup::None);
        free.then_some(digit)
    }

    fn pending_text(&self) -> String {
        let keys = self
            .pending
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        match self.count {
            Some(n) => format!("{n}{keys}"),
            None => keys,
        }
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
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-C quits whatever the keymap says (raw mode turned its signal off).
    if ctrl && matches!(event.code, KeyCode::Char('c' | 'C')) {
        return vec![Action::Quit];
    }
    if !prompt_open {
        return resolver.feed(keymap, Key::from_event(event));
    }
    match event.code {
        KeyCode::Char('u') if ctrl => vec![Action::ClearInput],
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
    fn a_count_repeats_a_motion_and_shows_while_typed() {
        let keymap = Keymap::default_keymap();
        let mut resolver = Resolver::default();
        assert_eq!(
            resolver.feed(&keymap, key('1')),
            [Action::Pending("1".into())]
        );
        assert_eq!(
            resolver.feed(&keymap, key('2')),
            [Action::Pending("12".into())]
        );
        let actions = resolver.feed(&keymap, key('j'));
        assert_eq!(actions[0], Action::Pending(String::new()));
        assert_eq!(actions[1..], vec![Action::Down; 12]);
        // Not a motion: once.
        resolver.feed(&keymap, key('3'));
        assert_eq!(
            resolver.feed(&keymap, key('r')),
            [Action::Pending(String::new()), Action::ToggleRead]
        );
        // A leading 0 is no count.
        assert!(resolver.feed(&keymap, key('0')).is_empty());
    }

    #[test]
    fn ctrl_c_quits_in_the_reader_the_prompt_and_a_pending_sequence() {
        let keymap = Keymap::default_keymap();
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE);
        for prompt in [false, true] {
            let mut resolver = Resolver::default();
            actions_for(prompt, &mut resolver, &keymap, g);
            assert_eq!(
                actions_for(prompt, &mut resolver, &keymap, ctrl_c),
                [Action::Quit]
            );
        }
        let mut empty = keymap.clone();
        empty.bindings.clear();
        let mut resolver = Resolver::default();
        assert_eq!(
            actions_for(false, &mut resolver, &empty, ctrl_c),
            [Action::Quit]
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
