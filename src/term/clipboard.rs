//! Copying over SSH: the terminal's clipboard escape (OSC 52), or tmux's paste buffer
//! (`tmux load-buffer -w -`, which tmux also hands on to the outer terminal's clipboard);
//! inside GNU screen the escape is passed through to the terminal outside.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::app::CopyVia;

/// Which way copied text goes (`clipboard` in the configuration).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clipboard {
    /// Inside tmux (`$TMUX`) its buffer, elsewhere OSC 52 (through GNU screen to the terminal
    /// outside it).
    #[default]
    Auto,
    Osc52,
    Tmux,
    Off,
}

/// Puts `text` on the clipboard the way `clipboard` says, writing escapes to `out`; `None`
/// when the clipboard is off.
pub fn copy(clipboard: Clipboard, text: &str, out: &mut impl Write) -> io::Result<Option<CopyVia>> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let (in_tmux, in_screen) = (set("TMUX"), set("STY"));
    let sequence = match clipboard {
        Clipboard::Off => return Ok(None),
        Clipboard::Tmux => return tmux_buffer(text).map(|()| Some(CopyVia::Tmux)),
        Clipboard::Auto if in_tmux => {
            if tmux_buffer(text).is_ok() {
                return Ok(Some(CopyVia::Tmux));
            }
            // No tmux command to be found: through tmux to the outer terminal instead.
            tmux_passthrough(&osc52(text))
        }
        // screen keeps OSC 52 to itself: wrapped, it goes on to the terminal.
        Clipboard::Osc52 | Clipboard::Auto if in_screen => screen_passthrough(&osc52(text)),
        Clipboard::Osc52 | Clipboard::Auto => osc52(text),
    };
    out.write_all(&sequence)?;
    out.flush()?;
    Ok(Some(CopyVia::Osc52))
}

/// `ESC ] 52 ; c ; BASE64 BEL`: the terminal's clipboard set to `text`.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut bytes = b"\x1b]52;c;".to_vec();
    bytes.extend(base64(text.as_bytes()).bytes());
    bytes.push(0x07);
    bytes
}

/// `sequence` wrapped in tmux's passthrough (`allow-passthrough on`), escapes doubled.
pub fn tmux_passthrough(sequence: &[u8]) -> Vec<u8> {
    let mut bytes = b"\x1bPtmux;".to_vec();
    for &b in sequence {
        if b == 0x1b {
            bytes.push(0x1b);
        }
        bytes.push(b);
    }
    bytes.extend(b"\x1b\\");
    bytes
}

/// Bytes of a sequence per device control string: GNU screen drops longer ones.
const SCREEN_CHUNK: usize = 76;

/// `sequence` passed through GNU screen: cut into device control strings (`ESC P … ESC \`)
/// short enough for screen, which hands each one's content to the terminal outside.
pub fn screen_passthrough(sequence: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(sequence.len() + sequence.len() / SCREEN_CHUNK * 4 + 4);
    for chunk in sequence.chunks(SCREEN_CHUNK) {
        bytes.extend(b"\x1bP");
        bytes.extend(chunk);
        bytes.extend(b"\x1b\\");
    }
    bytes
}

/// `tmux load-buffer -w -` (tmux 3.2 on: also the outer terminal's clipboard), or without
/// `-w` on an older tmux.
fn tmux_buffer(text: &str) -> io::Result<()> {
    let load = |args: &[&str]| -> io::Result<bool> {
        let mut child = Command::new("tmux")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(text.as_bytes())?;
        }
        Ok(child.wait()?.success())
    };
    if load(&["load-buffer", "-w", "-"])? || load(&["load-buffer", "-"])? {
        Ok(())
    } else {
        Err(io::Error::other("tmux load-buffer failed"))
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes standard base64 (the test's own, to check the encoder independently).
    fn decode(text: &str) -> Vec<u8> {
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let mut out = Vec::new();
        for chunk in text.as_bytes().chunks(4) {
            let pads = usize::from(chunk.ends_with(b"=")) + usize::from(chunk.ends_with(b"=="));
            let n = chunk
                .iter()
                .map(|&c| if c == b'=' { 0 } else { u32::from(value(c)) })
                .fold(0, |n, v| (n << 6) | v);
            out.extend(&n.to_be_bytes()[1..4 - pads]);
        }
        out
    }

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn the_osc52_payload_decodes_to_the_text() {
        let text = "国家统计局7月15日发布数据——“稳中向好”。";
        let mut out = Vec::new();
        let via = copy(Clipboard::Osc52, text, &mut out).expect("copy");
        assert_eq!(via, Some(CopyVia::Osc52));
        let payload = out
            .strip_prefix(b"\x1b]52;c;")
            .and_then(|p| p.strip_suffix(b"\x07"))
            .expect("an OSC 52 sequence");
        assert_eq!(decode(&String::from_utf8_lossy(payload)), text.as_bytes());
    }

    #[test]
    fn screen_passthrough_hands_on_the_whole_sequence_in_short_strings() {
        let sequence = osc52(&"复工复产".repeat(40));
        let wrapped = screen_passthrough(&sequence);
        let strings: Vec<&[u8]> = wrapped
            .split(|&b| b == b'\\')
            .filter(|s| !s.is_empty())
            .collect();
        let mut handed_on = Vec::new();
        for string in &strings {
            let content = string
                .strip_prefix(b"\x1bP")
                .and_then(|s| s.strip_suffix(b"\x1b"))
                .expect("ESC P … ESC \\");
            assert!(content.len() <= SCREEN_CHUNK);
            handed_on.extend_from_slice(content);
        }
        assert!(strings.len() > 1, "cut");
        assert_eq!(handed_on, sequence);
    }

    #[test]
    fn passthrough_doubles_escapes_and_off_writes_nothing() {
        assert_eq!(
            tmux_passthrough(b"\x1b]52;c;Zg==\x07"),
            b"\x1bPtmux;\x1b\x1b]52;c;Zg==\x07\x1b\\"
        );
        let mut out = Vec::new();
        assert_eq!(copy(Clipboard::Off, "x", &mut out).expect("off"), None);
        assert!(out.is_empty());
    }
}
