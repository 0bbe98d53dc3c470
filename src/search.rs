//! Search: in one article (matches to highlight), and what a search across issues shows (hits
//! with snippets; the index of [`crate::index`] finds them). Matching is exact substring
//! matching on folded text; jieba's dictionary ([`dictionary`]) gives keywords.
//!
//! Domain code: no terminal types.

mod dictionary;
mod fold;
pub mod pinyin;
mod query;

use crate::model::Article;
pub use dictionary::Dictionary;
pub use fold::{find_all, fold, fold_char};
pub use pinyin::Pinyin;
pub use query::Query;

/// Characters of context either side of a hit in a snippet.
const SNIPPET_BEFORE: usize = 12;
const SNIPPET_AFTER: usize = 24;

/// One match inside an article: a byte range of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Every match of `query` in the article's paragraphs, in reading order, without overlaps: the
/// terms as typed, and what a term in Latin letters spells in pinyin.
pub fn find_in_article(article: &Article, query: &Query) -> Vec<Match> {
    let pinyin: Vec<Pinyin> = query.terms.iter().filter_map(|t| Pinyin::new(t)).collect();
    let mut matches = Vec::new();
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        let mut found: Vec<(usize, usize)> = query
            .terms
            .iter()
            .flat_map(|t| find_all(paragraph, t))
            .chain(pinyin.iter().flat_map(|p| p.find_all(paragraph)))
            .collect();
        found.sort_unstable();
        let mut last_end = 0;
        for (start, end) in found {
            if start >= last_end {
                matches.push(Match {
                    paragraph: index,
                    start,
                    end,
                });
                last_end = end;
            }
        }
    }
    matches
}

/// A snippet of text around a hit; `highlight` is the hit's byte range within `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlight: (usize, usize),
}

/// An article found by a search across issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub issue: usize,
    pub article: usize,
    /// The article's title (a library's issue may not be in memory when the hit is listed).
    pub title: String,
    /// The query is in the headline.
    pub in_title: bool,
    /// Found by what the query spells in pinyin, not by its letters (ranked after the rest).
    pub by_pinyin: bool,
    pub score: f64,
    pub snippets: Vec<Snippet>,
}

/// The text around `start..end` of `text`, with `…` where it is cut and the hit marked.
pub fn snippet(text: &str, start: usize, end: usize) -> Snippet {
    let before: Vec<(usize, char)> = text
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .collect();
    let from = before.len().saturating_sub(SNIPPET_BEFORE);
    let from_byte = before.get(from).map_or(start, |&(at, _)| at);
    let to_byte = text
        .get(end..)
        .unwrap_or_default()
        .char_indices()
        .nth(SNIPPET_AFTER)
        .map_or(text.len(), |(at, _)| end + at);
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to_byte < text.len() { "…" } else { "" };
    let body = text.get(from_byte..to_byte).unwrap_or_default();
    let offset = lead.len() + start - from_byte;
    Snippet {
        text: format!("{lead}{body}{tail}"),
        highlight: (offset, offset + end - start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn in_article_matches_are_in_order_and_on_char_boundaries() {
        let a = article("题", &["电力供应，电力保障。", "没有", "ＧＤＰ与gdp"]);
        let matches = find_in_article(&a, &Query::parse("电力 gdp"));
        let places: Vec<(usize, &str)> = matches
            .iter()
            .map(|m| {
                (
                    m.paragraph,
                    a.paragraphs[m.paragraph]
                        .get(m.start..m.end)
                        .unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            places,
            [(0, "电力"), (0, "电力"), (2, "ＧＤＰ"), (2, "gdp")]
        );
    }
}
