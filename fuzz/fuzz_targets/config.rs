//! Config and keymap text never panics, never recurses per byte, and what is accepted cannot
//! lock the user in: a key still quits (or goes back) and no sequence hides another.

#![no_main]

use std::path::Path;

use dubao::app::keymap::Keymap;
use dubao::io::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(keymap) = Keymap::parse(text) {
        assert_eq!(
            keymap.check(),
            Ok(()),
            "an accepted keymap locks the user in"
        );
    }
    if let Ok(config) = Config::parse(text, Path::new("config.toml")) {
        let keymap = config
            .keymap(Keymap::default_keymap())
            .expect("an accepted config's keys");
        assert_eq!(keymap.check(), Ok(()));
        let _ = config.settings(false);
    }
});
