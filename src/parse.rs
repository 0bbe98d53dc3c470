//! Text dump → [`Issue`]: cleaning, splitting into lines and finding page furniture, deciding
//! the layout from evidence, making units in that layout, assembling articles, typing blocks.
//!
//! Never panics, whatever the input; text with no newspaper structure still gives articles
//! (one per block), so a reader can always read what they opened.

mod assemble;
mod blocks;
mod classify;
mod date;
mod dateline;
mod furniture;
mod indented;
mod inspect;
mod layout;
mod lines;
mod markup;
pub mod sanitize;
mod units;
mod wrapped;

use crate::model::{Article, Furniture, FurnitureKind, Issue, Source};

pub use classify::is_han;
pub use date::date_from_name;
pub use furniture::page_from_name;
pub use inspect::inspect;
pub use layout::Layout;

/// Parses one decoded dump; `source` says where it came from (its name holds hints: date,
/// page, paper).
pub fn parse(source: impl Into<Source>, text: &str) -> Issue {
    parse_as(source, text, None)
}

/// Parses one decoded dump in `layout`, or in the layout its text shows when `None`.
pub fn parse_as(source: impl Into<Source>, text: &str, layout: Option<Layout>) -> Issue {
    analyse(source.into(), text, layout, false).issue
}

/// A parse with what led to it, for `inspect`.
struct Analysis {
    issue: Issue,
    layout: Layout,
    evidence: String,
    units: Vec<units::Unit>,
    fates: Vec<assemble::Fate>,
    /// Each source line's text (trimmed) and the page-break mark.
    lines: Vec<(String, bool)>,
}

fn analyse(source: Source, text: &str, forced: Option<Layout>, keep_lines: bool) -> Analysis {
    let hint = source.hint().into_owned();
    let hint = hint.as_str();
    let clean = sanitize::sanitize(text);
    let split = lines::split(&clean);
    let (layout, evidence) = match forced {
        Some(layout) => (layout, "chosen with --layout".to_owned()),
        None => layout::detect(&split.lines),
    };
    let units = match layout {
        Layout::Blocks => units::units(&split.lines),
        Layout::Indented => indented::units(&split.lines),
        Layout::Wrapped => wrapped::units(&split.lines),
        Layout::Markdown => markup::markdown(&split.lines),
        Layout::Labelled => markup::labelled(&split.lines),
    };
    let (mut articles, fates) = assemble::articles(&units);
    let fixed = matches!(
        layout,
        Layout::Indented | Layout::Markdown | Layout::Labelled
    );
    for article in &mut articles {
        blocks::type_blocks(article, fixed);
    }
    let mut furniture: Vec<Furniture> = units
        .iter()
        .filter_map(|u| match u.kind {
            units::Kind::Furniture(kind) => Some(Furniture {
                kind,
                text: u.text.clone(),
            }),
            _ => None,
        })
        .collect();
    articles.retain(|article| {
        let advert = is_advert_story(article);
        if advert {
            furniture.push(Furniture {
                kind: FurnitureKind::Advert,
                text: article.title.clone(),
            });
        }
        !advert
    });
    let page = page_from_name(hint);
    for article in articles.iter_mut().filter(|a| a.page.is_none()) {
        article.page.clone_from(&page);
    }
    let stated_date = furniture.iter().find_map(|f| furniture::full_date(&f.text));
    let date = date_from_name(hint)
        .or(split.facts.date)
        .or(stated_date)
        .or_else(|| date::date_in_content(&clean, &articles));
    let paper = split
        .facts
        .paper
        .clone()
        .or_else(|| furniture::paper_name(hint.rsplit(['/', '\\']).next().unwrap_or(hint)));
    // Only `inspect` reads the lines back: no copy of the text otherwise.
    let lines = if keep_lines {
        split
            .lines
            .iter()
            .map(|l| (l.text.to_owned(), l.page_break))
            .collect()
    } else {
        Vec::new()
    };
    Analysis {
        issue: Issue {
            source,
            date,
            articles,
            paper,
            furniture,
        },
        layout,
        evidence,
        units,
        fates,
        lines,
    }
}

/// A story that is only an advertisement placeholder.
fn is_advert_story(article: &Article) -> bool {
    classify::is_advert(&article.title)
        && article.paragraphs.iter().all(|p| classify::is_advert(p))
        && article.bylines.is_empty()
}
