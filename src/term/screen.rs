//! The terminal's contents, and the fewest bytes that change them.
//!
//! Frames are drawn into memory (ratatui's `TestBackend`), diffed against what the terminal
//! shows, and written with cursor moves only where the cursor is not already in place — after a
//! wide glyph too, which ratatui's own crossterm backend does not track. Scrolling the reading
//! pane scrolls the terminal's lines (a scroll region), so only the new lines are sent.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::app::AppState;
use crate::typeset::str_width;
use crate::ui;

/// Rows `top..bottom` of the screen moved up by `lines` (down when negative) since the last
/// frame: the reading pane scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub lines: i32,
}

/// What the terminal shows, kept in step with it.
pub struct Screen<W: Write> {
    out: W,
    shown: Buffer,
    canvas: Terminal<TestBackend>,
}

type Style = (Color, Color, Modifier);

impl<W: Write> Screen<W> {
    /// A screen of `width` × `height`, cleared.
    pub fn new(out: W, width: u16, height: u16) -> io::Result<Self> {
        let canvas = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
        let mut screen = Self {
            out,
            shown: Buffer::empty(Rect::new(0, 0, width, height)),
            canvas,
        };
        screen.invalidate()?;
        Ok(screen)
    }

    /// The terminal now has a new size; everything is drawn again.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.canvas.backend_mut().resize(width, height);
        self.canvas
            .resize(Rect::new(0, 0, width, height))
            .map_err(io::Error::other)?;
        self.shown = Buffer::empty(Rect::new(0, 0, width, height));
        self.invalidate()
    }

    /// Clears the terminal, so the next frame is drawn in full (after Ctrl-L or a resume).
    pub fn invalidate(&mut self) -> io::Result<()> {
        self.shown.reset();
        self.out.write_all(b"\x1b[0m\x1b[2J")?;
        self.out.flush()
    }

    /// Draws `state`, first scrolling the terminal's lines by `scroll` when given.
    pub fn draw(&mut self, state: &AppState, scroll: Option<Scroll>) -> io::Result<()> {
        let frame = self
            .canvas
            .draw(|f| ui::draw(state, f))
            .map_err(io::Error::other)?
            .buffer
            .clone();
        if frame.area != self.shown.area {
            self.shown = Buffer::empty(frame.area);
        }
        let mut scrolled = Vec::new();
        if let Some(scroll) = scroll {
            scroll_lines(&mut scrolled, &mut self.shown, scroll)?;
        }
        let changes = self.shown.diff(&frame);
        if changes.is_empty() && scrolled.is_empty() {
            return Ok(());
        }
        // One synchronized update (DEC mode 2026): a terminal that knows it shows the frame
        // whole, never half drawn over a slow link; others ignore the unknown mode.
        self.out.write_all(SYNC_START)?;
        self.out.write_all(&scrolled)?;
        let mut cursor: Option<(u16, u16)> = None;
        let mut style: Option<Style> = None;
        let mode = state.options.ambiguous;
        for (x, y, cell) in changes {
            // The right half of an ambiguous glyph drawn wide: the terminal has filled it.
            if cell.symbol().is_empty() {
                continue;
            }
            if cursor != Some((x, y)) {
                write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?;
            }
            let wanted = (cell.fg, cell.bg, cell.modifier);
            if style != Some(wanted) {
                write_style(&mut self.out, wanted)?;
                style = Some(wanted);
            }
            self.out.write_all(cell.symbol().as_bytes())?;
            let width = u16::try_from(str_width(cell.symbol(), mode).max(1)).unwrap_or(1);
            cursor = Some((x + width, y));
        }
        if style.is_some() {
            self.out.write_all(b"\x1b[0m")?;
        }
        self.out.write_all(SYNC_END)?;
        self.shown = frame;
        self.out.flush()
    }

    /// The writer, for what is sent besides frames (the clipboard's escape).
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    /// The writer, for tests.
    pub fn output(&self) -> &W {
        &self.out
    }
}

/// Begin and end a synchronized update.
const SYNC_START: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Scrolls terminal rows `top..bottom` as `scroll` says, and `shown`, the picture of them,
/// with it.
fn scroll_lines(out: &mut impl Write, shown: &mut Buffer, scroll: Scroll) -> io::Result<()> {
    let Scroll { top, bottom, lines } = scroll;
    let height = bottom.saturating_sub(top);
    let amount = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
    if amount == 0 || amount >= height || bottom > shown.area.height {
        return Ok(());
    }
    // A line feed on the region's last line, or a reverse index on its first, moves the
    // region's lines: the classic way, understood by every terminal and multiplexer.
    write!(out, "\x1b[0m\x1b[{};{}r", top + 1, bottom)?;
    if lines > 0 {
        write!(out, "\x1b[{bottom};1H")?;
        out.write_all(&b"\n".repeat(usize::from(amount)))?;
    } else {
        write!(out, "\x1b[{};1H", top + 1)?;
        out.write_all(&b"\x1bM".repeat(usize::from(amount)))?;
    }
    out.write_all(b"\x1b[r")?;
    let width = shown.area.width;
    let row =
        |buf: &Buffer, y: u16| -> Vec<Cell> { (0..width).map(|x| buf[(x, y)].clone()).collect() };
    let rows: Vec<Vec<Cell>> = (top..bottom).map(|y| row(shown, y)).collect();
    for (i, y) in (top..bottom).enumerate() {
        let source = if lines > 0 {
            i + usize::from(amount)
        } else {
            i.wrapping_sub(usize::from(amount))
        };
        for x in 0..width {
            shown[(x, y)] = rows
                .get(source)
                .map_or_else(Cell::default, |r| r[usize::from(x)].clone());
        }
    }
    Ok(())
}

/// One SGR sequence that sets every attribute of `style` from scratch.
fn write_style(out: &mut impl Write, (fg, bg, modifier): Style) -> io::Result<()> {
    let mut codes = vec!["0".to_owned()];
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
    codes.extend(color_code(fg, 30));
    codes.extend(color_code(bg, 40));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::{Action, ThemeKind, update};
    use crate::load::samples;

    fn app() -> AppState {
        AppState::new(
            samples(),
            Keymap::default_keymap(),
            ThemeKind::Color,
            80,
            24,
        )
    }

    fn screen() -> Screen<Vec<u8>> {
        Screen::new(Vec::new(), 80, 24).expect("screen")
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let (state, mut screen) = (app(), screen());
        screen.draw(&state, None).expect("draw");
        let after_first = screen.output().len();
        screen.draw(&state, None).expect("draw");
        assert_eq!(screen.output().len(), after_first);
    }

    #[test]
    fn no_cursor_move_after_a_wide_glyph() {
        let (state, mut screen) = (app(), screen());
        screen.draw(&state, None).expect("draw");
        let out = String::from_utf8_lossy(screen.output()).into_owned();
        let moves = out.matches('H').count();
        // One move per row at most (plus the odd gap), not one per character.
        assert!(moves < 24 * 4, "{moves} cursor moves");
    }

    #[test]
    fn in_wide_mode_an_ambiguous_glyph_is_followed_by_no_cursor_move() {
        let mut state = app();
        state.options.ambiguous = crate::typeset::AmbiguousWidth::Wide;
        // The second sample's front page has a headline with “”.
        update(&mut state, Action::NextIssue);
        let mut screen = screen();
        screen.draw(&state, None).expect("draw");
        let out = String::from_utf8_lossy(screen.output()).into_owned();
        // The masthead's separator is ASCII in wide mode; the body of the front page has “”.
        let (_, after) = out
            .split_once('“')
            .expect("a quotation mark on the front page");
        let next: String = after.chars().take(12).collect();
        assert!(
            !after.starts_with('\u{1b}'),
            "the next glyph follows directly: {next:?}"
        );
    }

    #[test]
    fn scrolling_sends_only_the_new_lines() {
        let (mut state, mut screen) = (app(), screen());
        update(&mut state, Action::Open);
        screen.draw(&state, None).expect("draw");
        let full = screen.output().len();
        update(&mut state, Action::Down);
        screen
            .draw(
                &state,
                Some(Scroll {
                    top: 1,
                    bottom: 23,
                    lines: 1,
                }),
            )
            .expect("draw");
        let one_line = screen.output().len() - full;
        assert!(
            one_line * 8 < full,
            "a one-line scroll took {one_line} bytes (a full frame {full})"
        );
        assert!(String::from_utf8_lossy(screen.output()).contains("\x1b[2;23r"));
    }
}
