//! Configuration: a TOML file in the user's config folder (`directories`), read at start-up.
//!
//! A bad file never stops dubao: the error (file, line, the bad value) is reported and the
//! defaults are used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::keymap::Keymap;
use crate::app::{Action, Language, MEASURE_RANGE, Settings, ThemeKind};
use crate::script::Script;
use crate::typeset::{AmbiguousWidth, DEFAULT_INDENT, DEFAULT_MEASURE, Options};

/// The commented default file, as `dubao config --default` prints it.
pub const DEFAULT_FILE: &str = include_str!("../../assets/config.toml");

/// Settings read from the config file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub theme: Theme,
    pub measure: usize,
    pub indent: usize,
    pub hanging: bool,
    pub ambiguous_width: AmbiguousSetting,
    pub mouse: bool,
    pub library: Option<PathBuf>,
    /// The interface's language: `zh` (the default) or `en`.
    pub language: LanguageSetting,
    /// How `y`, `Y` and `c` reach the clipboard.
    pub clipboard: ClipboardSetting,
    /// Action name → keys that replace its default keys.
    pub keys: BTreeMap<String, Vec<String>>,
    /// The traditional characters `t` shows: `standard`, `tw` or `hk`.
    pub traditional: TraditionalSetting,
    /// The largest file read, in MiB (`None`: the default, 64).
    pub size_limit: Option<u64>,
}

/// `traditional`: which forms of traditional characters `t` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraditionalSetting {
    /// `OpenCC`'s standard forms.
    #[default]
    Standard,
    /// Taiwan's.
    Tw,
    /// Hong Kong's.
    Hk,
}

/// `theme`: `dark` (the default), `light` or `mono`; the names of earlier versions
/// (`default`, `monochrome`) still work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    #[serde(alias = "default")]
    Dark,
    Light,
    #[serde(alias = "monochrome")]
    Mono,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSetting {
    #[default]
    Zh,
    En,
}

/// `clipboard`: `auto` (tmux's buffer inside tmux, else the terminal's OSC 52), `osc52`,
/// `tmux` or `off`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClipboardSetting {
    #[default]
    Auto,
    Osc52,
    Tmux,
    Off,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmbiguousSetting {
    #[default]
    Auto,
    Narrow,
    Wide,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: Theme::Dark,
            measure: DEFAULT_MEASURE,
            indent: DEFAULT_INDENT,
            hanging: false,
            ambiguous_width: AmbiguousSetting::Auto,
            mouse: false,
            library: None,
            language: LanguageSetting::Zh,
            clipboard: ClipboardSetting::Auto,
            keys: BTreeMap::new(),
            traditional: TraditionalSetting::Standard,
            size_limit: None,
        }
    }
}

/// Why the config file was not used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    // The path escaped: a control character in it never reaches the terminal.
    #[error("{}: {message}", crate::error::escape_path(path))]
    Invalid { path: PathBuf, message: String },
    #[error("{}: {source}", crate::error::escape_path(path))]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where the config file is read from: `$XDG_CONFIG_HOME/dubao/config.toml` on Linux.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the config file at `path`; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(ConfigError::Unreadable {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Parses config text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        };
        // toml's message names the line and shows the bad value; keep it on few lines.
        let config: Self =
            toml::from_str(text).map_err(|e| invalid(one_paragraph(&e.to_string())))?;
        // The range `+` and `-` move in.
        if !MEASURE_RANGE.contains(&config.measure) {
            return Err(invalid(format!(
                "measure = {} is out of range ({} to {})",
                config.measure,
                MEASURE_RANGE.start(),
                MEASURE_RANGE.end()
            )));
        }
        if config.indent > 8 {
            return Err(invalid(format!(
                "indent = {} is out of range (0 to 8)",
                config.indent
            )));
        }
        config.keymap(Keymap::default_keymap()).map_err(invalid)?;
        if config.size_limit == Some(0) {
            return Err(invalid("size_limit = 0 would refuse every file".into()));
        }
        if config
            .library
            .as_ref()
            .is_some_and(|l| l.as_os_str().is_empty())
        {
            return Err(invalid(
                "library = \"\" names no folder (give one, or remove the line)".into(),
            ));
        }
        Ok(config)
    }

    /// Typesetting options from these settings.
    pub fn options(&self) -> Options {
        let ambiguous = match self.ambiguous_width {
            AmbiguousSetting::Auto | AmbiguousSetting::Narrow => AmbiguousWidth::Narrow,
            AmbiguousSetting::Wide => AmbiguousWidth::Wide,
        };
        Options {
            indent: self.indent,
            hanging: self.hanging,
            measure: self.measure,
            ambiguous,
            ..Options::default()
        }
    }

    /// How the interactive reader is set up by this file; `no_color` (the `NO_COLOR`
    /// variable) forces the monochrome theme.
    pub fn settings(&self, no_color: bool) -> Settings {
        let theme = match self.theme {
            _ if no_color => ThemeKind::Mono,
            Theme::Dark => ThemeKind::Dark,
            Theme::Light => ThemeKind::Light,
            Theme::Mono => ThemeKind::Mono,
        };
        // Validated when the file was read; the defaults otherwise.
        let keymap = self
            .keymap(Keymap::default_keymap())
            .unwrap_or_else(|_| Keymap::default_keymap());
        Settings {
            options: self.options(),
            theme,
            keymap,
            probe_ambiguous: self.ambiguous_width == AmbiguousSetting::Auto,
            language: match self.language {
                LanguageSetting::Zh => Language::Zh,
                LanguageSetting::En => Language::En,
            },
            traditional: match self.traditional {
                TraditionalSetting::Standard => Script::Traditional,
                TraditionalSetting::Tw => Script::Taiwan,
                TraditionalSetting::Hk => Script::HongKong,
            },
        }
    }

    /// `defaults` with this file's key bindings merged in, action by action.
    pub fn keymap(&self, defaults: Keymap) -> Result<Keymap, String> {
        let mut keymap = defaults;
        for (name, keys) in &self.keys {
            let action = Action::deserialize(toml::Value::String(name.clone())).map_err(|_| {
                format!("keys: no action named {name:?} (see the help screen for the names)")
            })?;
            keymap
                .rebind(&action, keys)
                .map_err(|e| format!("keys.{name}: {e}"))?;
        }
        keymap.check().map_err(|e| format!("keys: {e}"))?;
        Ok(keymap)
    }
}

/// toml's multi-line error report as one line: "line 3, column 9: invalid type … | 3 | measure = "wide"".
fn one_paragraph(message: &str) -> String {
    let caret_line = |l: &str| l.chars().all(|c| matches!(c, '|' | '^' | ' '));
    message
        .lines()
        .map(str::trim)
        .filter(|l| !caret_line(l))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/home/me/.config/dubao/config.toml"))
    }

    #[test]
    fn the_shipped_default_file_parses_to_the_defaults() {
        assert_eq!(parse(DEFAULT_FILE).ok(), Some(Config::default()));
    }

    #[test]
    fn settings_are_read() {
        let config = parse(
            "theme = \"monochrome\"\nmeasure = 60\nhanging = true\nambiguous_width = \"wide\"\n",
        )
        .expect("valid");
        assert_eq!(config.theme, Theme::Mono);
        let options = config.options();
        assert_eq!(
            (options.measure, options.hanging, options.ambiguous),
            (60, true, AmbiguousWidth::Wide)
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_file_line_and_value() {
        let unknown = parse("measure = 60\ncolour = \"red\"\n")
            .expect_err("unknown key")
            .to_string();
        assert!(
            unknown.contains("config.toml")
                && unknown.contains("line 2")
                && unknown.contains("colour"),
            "{unknown}"
        );
        let bad = parse("theme = \"neon\"\n")
            .expect_err("bad value")
            .to_string();
        assert!(bad.contains("line 1") && bad.contains("neon"), "{bad}");
        let range = parse("measure = 5\n")
            .expect_err("out of range")
            .to_string();
        assert!(range.contains("measure = 5"), "{range}");
    }

    #[test]
    fn the_traditional_variant_is_read() {
        let settings = |text: &str| parse(text).expect("valid").settings(false).traditional;
        assert_eq!(settings(""), Script::Traditional);
        assert_eq!(settings("traditional = \"tw\"\n"), Script::Taiwan);
        assert_eq!(settings("traditional = \"hk\"\n"), Script::HongKong);
        assert!(parse("traditional = \"mainland\"\n").is_err());
    }

    #[test]
    fn themes_are_read_by_their_names_and_the_old_ones() {
        for (name, kind) in [
            ("dark", ThemeKind::Dark),
            ("default", ThemeKind::Dark),
            ("light", ThemeKind::Light),
            ("mono", ThemeKind::Mono),
            ("monochrome", ThemeKind::Mono),
        ] {
            let config = parse(&format!("theme = \"{name}\"\n")).expect("valid");
            assert_eq!(config.settings(false).theme, kind, "{name}");
            assert_eq!(config.settings(true).theme, ThemeKind::Mono, "NO_COLOR");
        }
    }

    #[test]
    fn language_and_clipboard_are_read() {
        let config = parse("language = \"en\"\nclipboard = \"tmux\"\n").expect("valid");
        assert_eq!(config.settings(false).language, Language::En);
        assert_eq!(config.clipboard, ClipboardSetting::Tmux);
        let bad = parse("clipboard = \"x11\"\n").expect_err("bad").to_string();
        assert!(bad.contains("x11"), "{bad}");
    }

    #[test]
    fn a_key_moved_to_another_action_leaves_its_old_one() {
        let config = parse("[keys]\ntoggle_bookmark = [\"b\"]\n").expect("valid");
        let keymap = config.keymap(Keymap::default_keymap()).expect("keymap");
        assert_eq!(keymap.label(&Action::ToggleBookmark), Some("b"));
        let page_up = keymap
            .bindings
            .iter()
            .find(|b| b.action == Action::PageUp)
            .expect("page_up");
        assert_eq!(page_up.labels, ["<PageUp>", "<C-b>"]);
        assert_eq!(page_up.sequences.len(), 2);
    }

    #[test]
    fn a_config_error_names_its_file_without_raw_control_characters() {
        let path = Path::new("a\x1b]0;PWNED\x07.toml");
        let error = Config::parse("measure = 1\n", path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("measure = 1 is out of range"), "{error}");
        assert!(!error.chars().any(char::is_control), "{error:?}");
    }

    #[test]
    fn key_overrides_replace_an_actions_keys() {
        let config = parse("[keys]\nquit = [\"<C-q>\"]\n").expect("valid");
        let keymap = config.keymap(Keymap::default_keymap()).expect("keymap");
        assert_eq!(keymap.label(&Action::Quit), Some("<C-q>"));
        let bad_action = parse("[keys]\nfly = [\"x\"]\n")
            .expect_err("unknown action")
            .to_string();
        assert!(bad_action.contains("fly"), "{bad_action}");
        let bad_key = parse("[keys]\nquit = [\"<Hyper>\"]\n")
            .expect_err("unknown key")
            .to_string();
        assert!(bad_key.contains("<Hyper>"), "{bad_key}");
    }
}
