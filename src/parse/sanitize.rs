//! Cleaning untrusted text before anything else sees it.
//!
//! Control characters (escape sequences included) are made visible as Unicode control
//! pictures, so nothing from a file can ever reach the terminal as a command; zero-width and
//! bidirectional formatting characters are dropped; line ends become `\n`.

/// Returns `text` with `\n` line ends, control characters made visible and invisible
/// formatting characters removed.
pub fn sanitize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    // Runs of ordinary characters are copied whole; only the others are looked at.
    let mut rest = text;
    while let Some(at) = rest.find(needs_care) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let mut chars = rest.get(at..).unwrap_or_default().chars();
        let Some(c) = chars.next() else { break };
        let mut after = chars.as_str();
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                // CRLF and lone CR (old Mac files) both end a line.
                after = after.strip_prefix('\n').unwrap_or(after);
                out.push('\n');
            }
            // A form feed ends a page (`pdftotext`): kept on a line of its own for the parser,
            // which never puts it in a field. A vertical tab separates sections.
            '\u{0c}' => out.push_str("\n\u{c}\n"),
            '\u{0b}' => out.push_str("\n\n"),
            '\t' | '\u{a0}' => out.push(' '),
            _ if is_invisible_format(c) => {}
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Characters `sanitize` changes or drops (a line feed too: it is copied on its own).
fn needs_care(c: char) -> bool {
    c.is_control() || c == '\u{a0}' || is_invisible_format(c)
}

/// Characters that take no space and could hide or reorder text: zero-width spaces, word
/// joiners, soft hyphens, stray byte-order marks and bidirectional controls.
///
/// Zero-width joiners stay: emoji sequences need them.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        let clean = sanitize("红\u{1b}[31m字\u{7}\u{9b}");
        assert_eq!(clean, "红\u{241b}[31m字\u{2407}\u{fffd}");
        assert!(!clean.chars().any(char::is_control));
    }

    #[test]
    fn zero_width_and_bidi_characters_are_dropped() {
        assert_eq!(sanitize("\u{feff}本\u{200b}报\u{202e}讯\u{2066}"), "本报讯");
    }

    #[test]
    fn tabs_and_no_break_spaces_become_spaces() {
        assert_eq!(sanitize("a\tb\u{a0}c"), "a b c");
    }
}
