//! The screen's regions: masthead, status line, the body between them (headline column and
//! reading pane, or a list), and the help overlay.

use ratatui::layout::Rect;

/// Below this size only a "too small" notice is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, headlines and the article are shown side by side.
pub const SPLIT_WIDTH: u16 = 120;
/// Width of the headline column in the split view.
const SPLIT_HEADLINES: u16 = 44;
/// The widest the help overlay grows.
const HELP_WIDTH: u16 = 90;
/// The screen's regions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub masthead: Rect,
    pub status: Rect,
    /// Everything between masthead and status line (where the lists are drawn).
    pub body: Rect,
    /// Headline cards (the front page, or the left column of the split view).
    pub headlines: Option<Rect>,
    /// The reading pane.
    pub reader: Option<Rect>,
    /// The help overlay, border included.
    pub help: Rect,
}

/// Splits a `width` × `height` screen; `reading` says whether an article is open.
pub fn panes(width: u16, height: u16, reading: bool) -> Panes {
    let masthead = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height.saturating_sub(1), width, 1);
    let body = Rect::new(0, 1, width, height.saturating_sub(2));
    let help_width = width.saturating_sub(4).min(HELP_WIDTH);
    let help = Rect::new(
        (width - help_width) / 2,
        1,
        help_width,
        height.saturating_sub(2),
    );
    let (headlines, reader) = if width >= SPLIT_WIDTH {
        let left = Rect {
            width: SPLIT_HEADLINES,
            ..body
        };
        let right = Rect {
            x: SPLIT_HEADLINES + 1,
            width: width - SPLIT_HEADLINES - 1,
            ..body
        };
        (Some(left), Some(right))
    } else if reading {
        (None, Some(body))
    } else {
        (Some(body), None)
    };
    Panes {
        masthead,
        status,
        body,
        headlines,
        reader,
        help,
    }
}

/// Columns kept free on each side of the reading pane's text (the scrollbar sits in the right
/// one).
pub const READER_PAD: u16 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_view_from_120_columns() {
        assert!(
            panes(120, 40, false).reader.is_some() && panes(120, 40, false).headlines.is_some()
        );
        assert!(panes(80, 24, false).reader.is_none());
        assert!(panes(80, 24, true).headlines.is_none());
    }
}
