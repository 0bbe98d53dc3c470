//! Where everything goes on screen: the panes, the open article typeset for the reading pane
//! with the text position of each line, and the front page's cards.
//!
//! A [`Layout`] is computed once per change of size, measure or article (`AppState::relayout`,
//! at the end of every update), kept in the state, and read by `update`, the views and the
//! terminal loop alike. Scroll limits and the mapping between a [`TextPos`] and a line exist
//! here only.

mod balance;
mod card_lines;
mod cards;
mod panes;
mod pos;

use std::sync::Arc;

use crate::model::Issue;
use crate::script::{Script, converters};
use crate::search::Dictionary;
use crate::typeset::{AmbiguousWidth, ArticleLine, Options, Role, WordStarts, layout_article_with};
pub use card_lines::preview;
pub use cards::{
    Card, CardLine, CardRole, FrontPage, MAX_COLUMNS, Tab, column_count, ellipsize, front_page,
};
pub use panes::{MIN_HEIGHT, MIN_WIDTH, Panes, READER_PAD, SPLIT_WIDTH, panes};
pub use pos::{Block, TextPos};

/// What a layout is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub width: u16,
    pub height: u16,
    /// An article is open (below the split width, it then takes the whole body).
    pub reading: bool,
    /// The reading pane stays beside the headlines while they have the focus (split view).
    pub beside: bool,
    pub options: Options,
    pub issues: &'a Arc<Vec<Issue>>,
    pub issue: usize,
    pub article: usize,
    /// The article's keywords are known: a line is kept for them under the headline.
    pub keywords: bool,
    /// The segmenter, once loaded: headlines then break between words.
    pub words: Option<&'a Dictionary>,
    /// The script the text is shown in.
    pub script: Script,
}

/// What the reading pane's lines depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextKey {
    issues: usize,
    issue: usize,
    article: usize,
    width: u16,
    options: Options,
    keywords: bool,
    words: bool,
    script: Script,
}

/// What the front page's cards depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CardsKey {
    issues: usize,
    issue: usize,
    width: u16,
    height: u16,
    max_columns: u16,
    ambiguous: AmbiguousWidth,
    words: bool,
    script: Script,
}

/// What the shown issue depends on: the issues, the issue and the script.
type ShownKey = (usize, usize, Script);

/// The screen laid out.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub panes: Panes,
    /// The open article's lines for the reading pane (none while no reading pane is shown).
    lines: Vec<ArticleLine>,
    /// Where each of `lines` starts in the text; strictly increasing.
    starts: Vec<TextPos>,
    text_key: Option<TextKey>,
    /// The lines of the article last closed, for opening it again.
    closed: Option<(Option<TextKey>, Vec<ArticleLine>, Vec<TextPos>)>,
    front: Option<Arc<FrontPage>>,
    cards_key: Option<CardsKey>,
    /// The cards laid out before the current ones: the split view and the full front page
    /// take turns as an article opens and closes, and an issue may hold a million stories.
    previous: Option<(Option<CardsKey>, Option<Arc<FrontPage>>)>,
    /// The current issue converted to the script shown (none while it is the original).
    shown: Option<Arc<Issue>>,
    shown_key: Option<ShownKey>,
}

impl Layout {
    /// Brings the layout up to date with `inputs`, computing again only what they changed.
    pub fn refresh(&mut self, inputs: &Inputs) {
        self.panes = panes(inputs.width, inputs.height, inputs.reading, inputs.beside);
        let issues = Arc::as_ptr(inputs.issues) as usize;
        let shown_key =
            (inputs.script != Script::Original).then_some((issues, inputs.issue, inputs.script));
        if shown_key != self.shown_key {
            self.shown_key = shown_key;
            self.shown = shown_key.and_then(|_| {
                let issue = inputs.issues.get(inputs.issue)?;
                Some(Arc::new(converters().issue(issue, inputs.script)))
            });
        }
        let issue = match &self.shown {
            Some(shown) => Some(&**shown),
            None => inputs.issues.get(inputs.issue),
        };
        let article = issue.and_then(|i| i.articles.get(inputs.article));
        let text_key = self.panes.reader.zip(article).map(|(area, _)| TextKey {
            issues,
            issue: inputs.issue,
            article: inputs.article,
            width: area.width,
            options: inputs.options,
            keywords: inputs.keywords,
            words: inputs.words.is_some(),
            script: inputs.script,
        });
        if text_key != self.text_key {
            // The article closed is kept for opening again: it may be 100 MB long.
            let current = (
                self.text_key,
                std::mem::take(&mut self.lines),
                std::mem::take(&mut self.starts),
            );
            (self.lines, self.starts) = match self.closed.take() {
                Some((key, lines, starts)) if key == text_key => (lines, starts),
                _ => match (text_key, article) {
                    (Some(key), Some(article)) => reader_text(article, &key, inputs.words),
                    _ => Default::default(),
                },
            };
            self.text_key = text_key;
            self.closed = Some(current).filter(|(key, ..)| key.is_some());
        }
        // The cards stay laid out while an article has the whole screen, for going back; beside
        // a reading pane the headlines are one list.
        let (headlines, max_columns) = match self.panes.headlines {
            Some(area) if self.panes.reader.is_some() => (Some(area), 1),
            Some(area) => (Some(area), MAX_COLUMNS),
            None => (
                panes(inputs.width, inputs.height, false, false).headlines,
                MAX_COLUMNS,
            ),
        };
        let issue = inputs.issues.get(inputs.issue);
        let cards_key = headlines.zip(issue).map(|(area, _)| CardsKey {
            issues,
            issue: inputs.issue,
            width: area.width,
            height: area.height,
            max_columns,
            ambiguous: inputs.options.ambiguous,
            words: inputs.words.is_some(),
            script: inputs.script,
        });
        if cards_key != self.cards_key {
            let current = (self.cards_key, self.front.take());
            match self.previous.take().filter(|(key, _)| *key == cards_key) {
                Some((_, front)) => self.front = front,
                None => {
                    self.front = cards_key.zip(issue).map(|(key, issue)| {
                        let size = (key.width, key.height);
                        Arc::new(FrontPage::new(issue, size, key.max_columns, key.ambiguous))
                    });
                }
            }
            self.cards_key = cards_key;
            self.previous = Some(current);
        }
        if let (Some(front), Some(issue)) = (&self.front, issue) {
            front.lay_out_around(inputs.article, issue, inputs.words);
        }
    }

    /// The current issue in the script shown, when that is not the original.
    pub fn shown_issue(&self) -> Option<&Issue> {
        self.shown.as_deref()
    }

    /// The open article's lines, as the reading pane shows them.
    pub fn lines(&self) -> &[ArticleLine] {
        &self.lines
    }

    /// The front page's cards, laid out for the headline pane.
    pub fn front_page(&self) -> Option<&FrontPage> {
        self.front.as_deref()
    }

    /// Rows of the reading pane (0 when none is shown).
    pub fn rows(&self) -> usize {
        self.panes.reader.map_or(0, |a| usize::from(a.height))
    }

    /// The furthest the reading pane scrolls: the last line at its bottom.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.rows())
    }

    /// The line that shows `pos`: the last one starting at or before it.
    pub fn line_of(&self, pos: TextPos) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// Where `line` starts in the text (past the last line: where the last line starts).
    pub fn pos_of(&self, line: usize) -> TextPos {
        let last = self.starts.len().saturating_sub(1);
        self.starts
            .get(line.min(last))
            .copied()
            .unwrap_or(TextPos::START)
    }

    /// The first line on screen when reading from `pos`: its line, unless the article ends
    /// first.
    pub fn scroll(&self, pos: TextPos) -> usize {
        self.line_of(pos).min(self.max_scroll())
    }

    /// The place at the top of the pane after scrolling `lines` from `pos`.
    pub fn scrolled(&self, pos: TextPos, lines: isize) -> TextPos {
        if self.starts.is_empty() {
            return pos;
        }
        self.top_at(self.scroll(pos).saturating_add_signed(lines))
    }

    /// The place at the top of the pane when `line` is the first line shown (or as near as
    /// scrolling allows).
    pub fn top_at(&self, line: usize) -> TextPos {
        self.pos_of(line.min(self.max_scroll()))
    }
}

/// The lines of `article` for a reading pane `key.width` cells wide, a line kept for the
/// keywords under the headline, and where each line starts in the text.
fn reader_text(
    article: &crate::model::Article,
    key: &TextKey,
    words: Option<&Dictionary>,
) -> (Vec<ArticleLine>, Vec<TextPos>) {
    let text_width = usize::from(key.width.saturating_sub(2 * READER_PAD).max(1));
    let word_starts = |text: &str| words.map(|w| w.word_starts(text)).unwrap_or_default();
    let words_fn: Option<WordStarts<'_>> = words.is_some().then_some(&word_starts);
    let mut lines = layout_article_with(article, text_width, &key.options, words_fn);
    if key.keywords {
        // The view writes the keywords into this line: below the bylines, or below the
        // headline when there are none.
        let body = lines
            .iter()
            .position(|l| l.source.is_some())
            .unwrap_or(lines.len());
        let head = lines
            .iter()
            .position(|l| l.role == Role::Blank)
            .unwrap_or(lines.len());
        let at = lines
            .iter()
            .take(body)
            .rposition(|l| l.role == Role::Byline)
            .map_or(head, |i| i + 1);
        let line = ArticleLine {
            role: Role::Keywords,
            text: String::new(),
            column: 0,
            width: 0,
            source: None,
        };
        lines.insert(at, line);
    }
    let starts = starts(article, &lines);
    (lines, starts)
}

/// Where each line starts in the text. A body line starts at its first character; a line with
/// no source (headline, byline, blank) follows the one before it, one character on, so that
/// every line has a place of its own and the places grow line by line.
fn starts(article: &crate::model::Article, lines: &[ArticleLine]) -> Vec<TextPos> {
    let mut out: Vec<TextPos> = Vec::with_capacity(lines.len());
    // Where the next line without a source starts.
    let mut next = TextPos::START;
    // The last body line's paragraph, byte and character: characters are counted on from
    // there, not from the paragraph's start (a paragraph may be 100 MB long).
    let mut counted = (usize::MAX, 0, 0);
    for line in lines {
        let mut start = match line.source {
            Some((paragraph, byte)) => {
                let text = article.paragraphs.get(paragraph).map_or("", String::as_str);
                let (from, chars) = match counted {
                    (p, from, chars) if p == paragraph && from <= byte => (from, chars),
                    _ => (0, 0),
                };
                let rest = text.get(from..).unwrap_or_default();
                let mut at = TextPos::in_paragraph(paragraph, rest, byte - from);
                at.char += chars;
                if text.is_char_boundary(byte) {
                    counted = (paragraph, byte, at.char);
                }
                at
            }
            None => next,
        };
        if let Some(&last) = out.last()
            && start <= last
        {
            start = TextPos {
                char: last.char + 1,
                ..last
            };
        }
        next = TextPos {
            char: start.char + line.text.chars().count().max(1),
            ..start
        };
        out.push(start);
    }
    out
}

#[cfg(test)]
mod tests;
