//! The escape sequences a frame is written with: the shortest cursor move, and SGR sequences
//! that change only what differs.

use std::io::{self, Write};

use ratatui::style::{Color, Modifier};

use super::Style;

/// The shortest of the usual ways to move the cursor from `from` (unknown: `None`) to
/// (`x`, `y`) on a screen `width` wide: on the same row forward (CUF) or to a column (CHA),
/// in the same column up or down (CUU, CUD), else to a place (CUP).
pub(super) fn move_cursor(
    out: &mut impl Write,
    from: Option<(u16, u16)>,
    x: u16,
    y: u16,
    width: u16,
) -> io::Result<()> {
    // After the last column the cursor waits there to wrap: it is in the last column.
    let from = from.map(|(from_x, from_y)| (from_x.min(width.saturating_sub(1)), from_y));
    match from {
        Some((from_x, from_y)) if from_x == x && from_y != y => {
            let (distance, direction) = if y > from_y {
                (y - from_y, 'B')
            } else {
                (from_y - y, 'A')
            };
            if distance == 1 {
                write!(out, "\x1b[{direction}")
            } else {
                write!(out, "\x1b[{distance}{direction}")
            }
        }
        Some((from_x, from_y)) if from_y == y && x > from_x => {
            let forward = x - from_x;
            if forward == 1 {
                out.write_all(b"\x1b[C")
            } else if forward.to_string().len() <= (x + 1).to_string().len() {
                write!(out, "\x1b[{forward}C")
            } else {
                write!(out, "\x1b[{}G", x + 1)
            }
        }
        Some((_, from_y)) if from_y == y => write!(out, "\x1b[{}G", x + 1),
        _ if x == 0 => write!(out, "\x1b[{}H", y + 1),
        _ => write!(out, "\x1b[{};{}H", y + 1, x + 1),
    }
}

/// One SGR sequence from attributes `from` to `to`: only what changed when nothing is taken
/// away, else a reset and everything of `to`.
pub(super) fn write_style(out: &mut impl Write, from: Style, to: Style) -> io::Result<()> {
    let (fg, bg, modifier) = to;
    let additive = modifier.contains(from.2);
    let mut codes = if additive {
        Vec::new()
    } else {
        vec!["0".to_owned()]
    };
    let modifier = if additive {
        modifier - from.2
    } else {
        modifier
    };
    let flags = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    codes.extend(
        flags
            .iter()
            .filter(|(m, _)| modifier.contains(*m))
            .map(|(_, code)| (*code).to_owned()),
    );
    for (color, was, base) in [(fg, from.0, 30), (bg, from.1, 40)] {
        if !additive || color != was {
            codes.extend(color_code(color, base).or_else(|| {
                // Back to the terminal's own colour: 39 or 49 (a reset already did it).
                additive.then(|| (base + 9).to_string())
            }));
        }
    }
    write!(out, "\x1b[{}m", codes.join(";"))
}

/// The SGR code of a colour; `base` is 30 for the foreground, 40 for the background.
fn color_code(color: Color, base: u8) -> Option<String> {
    let basic = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}
