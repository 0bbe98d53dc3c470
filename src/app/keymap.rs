//! Key bindings as data: `assets/keymap.toml` parsed into (key sequence → action, description),
//! and a resolver for multi-key sequences with an explicit pending state (no timers).

mod keys;
mod resolver;

use serde::Deserialize;

use super::action::Action;
pub use keys::Key;
use keys::parse_sequence;
pub use resolver::{Resolver, actions_for};

/// The default bindings shipped with dubao.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One binding: the key sequences that run an action, and what it does in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub sequences: Vec<Vec<Key>>,
    /// The sequences as written in the keymap file, for the help screen.
    pub labels: Vec<String>,
    pub action: Action,
    /// What it does, in Chinese (the interface's default language).
    pub desc: String,
    /// What it does, in English (`language = "en"`).
    pub desc_en: Option<String>,
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
    #[error("keymap: {0:?} names no key")]
    Empty(String),
    #[error("keymap: {short:?} hides {long:?}: the longer sequence could never be typed")]
    Shadows { short: String, long: String },
    #[error("keymap: no key left to quit (bind `quit` or `back`)")]
    NoQuit,
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
    desc_en: Option<String>,
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
                desc_en: entry.desc_en,
            });
        }
        let keymap = Self { bindings };
        keymap.check()?;
        Ok(keymap)
    }

    /// A keymap the user cannot be locked in: some key quits (or goes back, which quits from
    /// the front page), and no sequence is hidden by a shorter one it begins with (`g` bound
    /// alone would make `g g` untypeable).
    pub fn check(&self) -> Result<(), KeymapError> {
        let leaves = |b: &&Binding| matches!(b.action, Action::Quit | Action::Back);
        if !self
            .bindings
            .iter()
            .filter(leaves)
            .any(|b| !b.sequences.is_empty())
        {
            return Err(KeymapError::NoQuit);
        }
        let labelled = || {
            self.bindings
                .iter()
                .flat_map(|b| b.sequences.iter().zip(&b.labels))
        };
        for (short, short_label) in labelled() {
            if let Some((_, long_label)) =
                labelled().find(|(long, _)| long.len() > short.len() && long.starts_with(short))
            {
                return Err(KeymapError::Shadows {
                    short: short_label.clone(),
                    long: long_label.clone(),
                });
            }
        }
        Ok(())
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
                desc_en: None,
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

    pub(super) fn lookup(&self, sequence: &[Key]) -> Lookup<'_> {
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

pub(super) enum Lookup<'a> {
    Action(&'a Action),
    Prefix,
    None,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_keymap_parses_without_duplicates() {
        let keymap = Keymap::parse(DEFAULT_KEYMAP).expect("default keymap");
        assert!(keymap.bindings.len() > 20);
        assert!(keymap.bindings.iter().all(|b| !b.desc.is_empty()));
        assert!(keymap.bindings.iter().all(|b| b.desc_en.is_some()));
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
    fn a_keymap_that_locks_the_user_in_or_hides_a_sequence_is_refused() {
        let mut keymap = Keymap::default_keymap();
        keymap.rebind(&Action::Quit, &[]).expect("rebind");
        keymap.rebind(&Action::Back, &[]).expect("rebind");
        assert_eq!(keymap.check(), Err(KeymapError::NoQuit));
        let mut keymap = Keymap::default_keymap();
        keymap.rebind(&Action::Quit, &["g".into()]).expect("rebind");
        assert_eq!(
            keymap.check(),
            Err(KeymapError::Shadows {
                short: "g".into(),
                long: "g g".into()
            })
        );
        assert_eq!(
            Keymap::default_keymap().rebind(&Action::Quit, &[String::new()]),
            Err(KeymapError::Empty(String::new()))
        );
    }
}
