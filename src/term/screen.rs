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

/// Foreground, background and modifiers: what one SGR sequence sets.
pub(super) type Style = (Color, Color, Modifier);

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

mod escapes;

use escapes::{move_cursor, write_style};

#[cfg(test)]
mod tests;
