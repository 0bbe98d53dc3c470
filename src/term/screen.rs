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
    /// The terminal's scroll region, left set between frames so that the next scroll is
    /// three bytes (`CSI S`); only this module scrolls, and it draws with absolute moves.
    region: Option<(u16, u16)>,
    /// Where the cursor is, when known (frames, scrolls and the clipboard's escapes are all
    /// that write to the terminal while it runs).
    cursor: Option<(u16, u16)>,
    /// Frames are wrapped in synchronized updates: the terminal said it knows them.
    synchronized: bool,
}

type Style = (Color, Color, Modifier);

impl<W: Write> Screen<W> {
    /// A screen of `width` × `height`, cleared; the terminal is asked whether it knows
    /// synchronized updates (its answer comes as input: [`Screen::set_synchronized`]).
    pub fn new(out: W, width: u16, height: u16) -> io::Result<Self> {
        let canvas = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
        let mut screen = Self {
            out,
            shown: Buffer::empty(Rect::new(0, 0, width, height)),
            canvas,
            region: None,
            cursor: None,
            synchronized: false,
        };
        screen.out.write_all(super::keys::SYNC_QUERY)?;
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
        if self.region.take().is_some() {
            self.out.write_all(RESET_REGION)?;
        }
        self.cursor = None;
        self.out.write_all(b"\x1b[0m\x1b[2J")?;
        self.out.flush()
    }

    /// Whether to wrap frames in synchronized updates (DEC mode 2026): as the terminal
    /// answered. Until it has, and when it never does, frames go unwrapped — eight bytes
    /// each way that a terminal without the mode would only drop.
    pub fn set_synchronized(&mut self, yes: bool) {
        self.synchronized = yes;
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
            let region = (scroll.top, scroll.bottom);
            if self.region != Some(region) && scroll_fits(&self.shown, scroll) {
                write!(scrolled, "\x1b[{};{}r", scroll.top + 1, scroll.bottom)?;
                self.region = Some(region);
                // Setting a scroll region homes the cursor.
                self.cursor = Some((0, 0));
            }
            scroll_lines(&mut scrolled, &mut self.shown, scroll)?;
        }
        let mut changes = self.shown.diff(&frame);
        if !scrolled.is_empty() {
            // After a scroll the changes are a few new lines and scattered cells at the
            // pane's edges (the scrollbar): drawn style by style, the attributes switch once,
            // and in each style the nearest cell next, so the cursor moves the least.
            group_by_style(&mut changes);
            nearest_first(
                &mut changes,
                self.cursor,
                frame.area.width,
                state.options.ambiguous,
            );
        }
        if changes.is_empty() && scrolled.is_empty() {
            return Ok(());
        }
        // One synchronized update (DEC mode 2026): a terminal that knows it shows the frame
        // whole, never half drawn over a slow link.
        if self.synchronized {
            self.out.write_all(SYNC_START)?;
        }
        self.out.write_all(&scrolled)?;
        let mut cursor = self.cursor;
        // Every frame ends with the attributes reset (and a scroll leaves them alone).
        let mut style: Style = DEFAULT_STYLE;
        let mode = state.options.ambiguous;
        for (x, y, cell) in changes {
            // The right half of an ambiguous glyph drawn wide: the terminal has filled it.
            if cell.symbol().is_empty() {
                continue;
            }
            if cursor != Some((x, y)) {
                move_cursor(&mut self.out, cursor, x, y, frame.area.width)?;
            }
            let wanted = (cell.fg, cell.bg, cell.modifier);
            if style != wanted {
                write_style(&mut self.out, style, wanted)?;
                style = wanted;
            }
            self.out.write_all(cell.symbol().as_bytes())?;
            let width = u16::try_from(str_width(cell.symbol(), mode).max(1)).unwrap_or(1);
            cursor = Some((x + width, y));
        }
        if style != DEFAULT_STYLE {
            self.out.write_all(b"\x1b[m")?;
        }
        if self.synchronized {
            self.out.write_all(SYNC_END)?;
        }
        self.cursor = cursor;
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

/// Sets the scroll region back to the whole screen (it also homes the cursor).
pub const RESET_REGION: &[u8] = b"\x1b[r";

/// Whether `scroll` is one the terminal's lines can make: less than its height, on screen.
fn scroll_fits(shown: &Buffer, scroll: Scroll) -> bool {
    let height = scroll.bottom.saturating_sub(scroll.top);
    let amount = u16::try_from(scroll.lines.unsigned_abs()).unwrap_or(u16::MAX);
    amount != 0 && amount < height && scroll.bottom <= shown.area.height
}

/// Begin and end a synchronized update.
const SYNC_START: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Scrolls terminal rows `top..bottom` as `scroll` says, and `shown`, the picture of them,
/// with it.
fn scroll_lines(out: &mut impl Write, shown: &mut Buffer, scroll: Scroll) -> io::Result<()> {
    let Scroll { top, bottom, lines } = scroll;
    let amount = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
    if !scroll_fits(shown, scroll) {
        return Ok(());
    }
    // Scroll up (SU) or down (SD) inside the scroll region (the caller has set it to
    // `top..bottom`): understood by xterm and its kin, tmux and screen, and fewer bytes than
    // a line feed from the region's last line. The attributes are reset here (every frame
    // ends so), so the new lines are blank; the cursor stays where it is.
    let count = if amount == 1 {
        String::new()
    } else {
        amount.to_string()
    };
    let direction = if lines > 0 { 'S' } else { 'T' };
    write!(out, "\x1b[{count}{direction}")?;
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

/// The terminal's attributes after a reset.
const DEFAULT_STYLE: Style = (Color::Reset, Color::Reset, Modifier::empty());

/// Orders `changes` by style, the terminal's current (default) one first, each style's
/// cells in screen order.
fn group_by_style(changes: &mut [(u16, u16, &Cell)]) {
    let mut styles: Vec<Style> = vec![DEFAULT_STYLE];
    let mut rank = |cell: &Cell| {
        let style = (cell.fg, cell.bg, cell.modifier);
        styles.iter().position(|&s| s == style).unwrap_or_else(|| {
            styles.push(style);
            styles.len() - 1
        })
    };
    let ranks: Vec<usize> = changes.iter().map(|(_, _, cell)| rank(cell)).collect();
    let mut order: Vec<usize> = (0..changes.len()).collect();
    order.sort_by_key(|&i| ranks[i]);
    let sorted: Vec<(u16, u16, &Cell)> = order.iter().map(|&i| changes[i]).collect();
    changes.copy_from_slice(&sorted);
}

/// Changes up to this many in one style are put in nearest-first order (it takes quadratic
/// time); more, as after a page's scroll, stay in screen order, which is as good for lines.
const NEAREST_FIRST_UP_TO: usize = 512;

/// Reorders each run of one style in `changes` so that every next cell is the one the cursor
/// reaches with the fewest bytes from where the last left it (`cursor` at first).
fn nearest_first(
    changes: &mut [(u16, u16, &Cell)],
    mut cursor: Option<(u16, u16)>,
    width: u16,
    mode: crate::typeset::AmbiguousWidth,
) {
    let style = |cell: &Cell| (cell.fg, cell.bg, cell.modifier);
    let mut start = 0;
    while start < changes.len() {
        let run = changes[start..]
            .iter()
            .take_while(|c| style(c.2) == style(changes[start].2))
            .count();
        let end = start + run;
        if run > NEAREST_FIRST_UP_TO {
            cursor = None;
            start = end;
            continue;
        }
        let mut moves = Vec::new();
        for i in start..end {
            // The right half of a wide glyph is never written: it costs nothing.
            let mut cost = |&(x, y, cell): &(u16, u16, &Cell)| {
                if cursor == Some((x, y)) || cell.symbol().is_empty() {
                    return 0;
                }
                moves.clear();
                let _ = move_cursor(&mut moves, cursor, x, y, width);
                moves.len()
            };
            let nearest = (i..end).min_by_key(|&j| cost(&changes[j])).unwrap_or(i);
            changes[i..=nearest].rotate_right(1);
            let (x, y, cell) = changes[i];
            if !cell.symbol().is_empty() {
                let cell_width = str_width(cell.symbol(), mode).max(1);
                cursor = Some((x + u16::try_from(cell_width).unwrap_or(1), y));
            }
        }
        start = end;
    }
}

/// The shortest of the usual ways to move the cursor from `from` (unknown: `None`) to
/// (`x`, `y`) on a screen `width` wide: on the same row forward (CUF) or to a column (CHA),
/// in the same column up or down (CUU, CUD), else to a place (CUP).
fn move_cursor(
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
fn write_style(out: &mut impl Write, from: Style, to: Style) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::{Action, ThemeKind, update};
    use crate::io::load::samples;

    fn app() -> AppState {
        AppState::new(samples(), Keymap::default_keymap(), ThemeKind::Dark, 80, 24)
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

    #[test]
    fn after_a_scroll_the_nearest_cell_is_drawn_next() {
        let (bar, text) = (Cell::new("┃"), Cell::new("字"));
        let mut changes = vec![
            (99, 4, &bar),
            (10, 38, &text),
            (12, 38, &text),
            (99, 38, &bar),
        ];
        nearest_first(
            &mut changes,
            Some((0, 38)),
            100,
            crate::typeset::AmbiguousWidth::Narrow,
        );
        let order: Vec<(u16, u16)> = changes.iter().map(|&(x, y, _)| (x, y)).collect();
        // The new line, then the bar in its row, then up the same column: no long move twice.
        assert_eq!(order, [(10, 38), (12, 38), (99, 38), (99, 4)]);
    }

    #[test]
    fn frames_are_synchronized_once_the_terminal_says_it_knows_how() {
        let (state, mut screen) = (app(), screen());
        screen.draw(&state, None).expect("draw");
        let out = String::from_utf8_lossy(screen.output()).into_owned();
        assert!(out.starts_with("\x1b[?2026$p\x1b[0m\x1b[2J"), "asked first");
        assert!(!out.contains("\x1b[?2026h"), "no answer yet: {out:?}");
        screen.set_synchronized(true);
        screen.invalidate().expect("clear");
        let before = screen.output().len();
        screen.draw(&state, None).expect("draw");
        let out = String::from_utf8_lossy(&screen.output()[before..]).into_owned();
        assert!(out.starts_with("\x1b[?2026h") && out.ends_with("\x1b[?2026l"));
    }

    #[test]
    fn frames_are_synchronized_and_the_scroll_region_stays_set() {
        let (mut state, mut screen) = (app(), screen());
        screen.set_synchronized(true);
        update(&mut state, Action::Open);
        screen.draw(&state, None).expect("draw");
        let out = String::from_utf8_lossy(screen.output()).into_owned();
        assert!(out.ends_with("\x1b[?2026l"));
        let scroll = Some(Scroll {
            top: 1,
            bottom: 23,
            lines: 1,
        });
        for _ in 0..2 {
            update(&mut state, Action::Down);
            screen.draw(&state, scroll).expect("draw");
        }
        let out = String::from_utf8_lossy(screen.output()).into_owned();
        let (_, last) = out.rsplit_once("\x1b[?2026h").expect("a frame");
        assert!(last.starts_with("\x1b[S"), "{last:?}");
        assert_eq!(out.matches("\x1b[2;23r").count(), 1, "set once");
        // Idle: nothing.
        let before = screen.output().len();
        screen.draw(&state, None).expect("draw");
        assert_eq!(screen.output().len(), before);
    }
}
