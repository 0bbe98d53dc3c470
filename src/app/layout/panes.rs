//! The screen's regions: masthead, status line, the body between them (headline column and
//! reading pane, or a list), and the help overlay.

use ratatui::layout::Rect;

/// Below this size only a "too small" notice is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, an open article is shown beside the headlines.
pub const SPLIT_WIDTH: u16 = 120;
/// Width of the headline list in the split view: two fifths of the screen, within these.
const SPLIT_HEADLINES: std::ops::RangeInclusive<u16> = 48..=64;
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

/// Splits a `width` × `height` screen; `reading` says whether an article has the focus,
/// `beside` whether its pane stays open beside the headlines. From [`SPLIT_WIDTH`] on, an
/// open article is shown beside the headline list; without one the front page has the whole
/// body.
pub fn panes(width: u16, height: u16, reading: bool, beside: bool) -> Panes {
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
    let (headlines, reader) = if width >= SPLIT_WIDTH && (reading || beside) {
        let list = (width / 5 * 2).clamp(*SPLIT_HEADLINES.start(), *SPLIT_HEADLINES.end());
        let left = Rect {
            width: list,
            ..body
        };
        let right = Rect {
            x: list + 1,
            width: width - list - 1,
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
    fn split_view_from_120_columns_with_an_article_open() {
        let split = panes(120, 40, true, false);
        assert!(split.reader.is_some() && split.headlines.is_some());
        assert_eq!(panes(120, 40, false, true), split);
        let front = panes(160, 40, false, false);
        assert_eq!((front.headlines, front.reader), (Some(front.body), None));
        assert!(panes(80, 24, false, true).reader.is_none());
        assert!(panes(80, 24, true, false).headlines.is_none());
    }

    #[test]
    fn the_split_headline_list_is_readable_and_the_reader_keeps_its_measure() {
        for width in [120, 160, 200, 300] {
            let split = panes(width, 40, true, false);
            let (list, reader) = (
                split.headlines.map(|a| a.width),
                split.reader.map(|a| a.width),
            );
            assert!(list >= Some(48) && list <= Some(64), "{width}: {list:?}");
            assert!(reader >= Some(71), "{width}: {reader:?}");
        }
    }
}
