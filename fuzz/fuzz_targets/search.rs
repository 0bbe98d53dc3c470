//! Search with arbitrary queries over arbitrary articles: the index finds exactly the
//! articles holding every term inside one field (never across two paragraphs) and no excluded
//! term; snippet marks lie on char boundaries and cover the first term; in-article matches lie
//! on char boundaries and cover a term or what it spells; jieba's word segmentation never
//! panics.
//!
//! Input: the query up to the first line feed, then articles separated by blank lines, each a
//! title line followed by paragraph lines.

#![no_main]

use std::sync::LazyLock;

use dubao::index::{ArchiveIndex, ArchiveQuery, Sort};
use dubao::model::{Article, Issue};
use dubao::search::{Dictionary, Pinyin, Query, find_in_article, fold};
use libfuzzer_sys::fuzz_target;

/// Loaded once (jieba takes a tenth of a second to load).
static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(Dictionary::load);

fn article(text: &str) -> Article {
    let mut lines = text.split('\n');
    Article {
        title: lines.next().unwrap_or_default().to_owned(),
        paragraphs: lines.map(str::to_owned).collect(),
        ..Article::default()
    }
}

/// Whether `term` occurs inside one field of `article`.
fn holds(article: &Article, term: &str) -> bool {
    std::iter::once(article.title.as_str())
        .chain(article.paragraphs.iter().map(String::as_str))
        .any(|f| fold(f).contains(term))
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (query_text, body) = text.split_once('\n').unwrap_or((&text, ""));
    let query = Query::parse(query_text);
    for term in &query.terms {
        assert!(
            !term.is_empty() && fold(term) == *term,
            "unfolded term {term:?}"
        );
    }
    let articles: Vec<Article> = body.split("\n\n").map(article).collect();
    let issues = vec![Issue {
        source: "fuzz".into(),
        articles,
        ..Issue::default()
    }];
    let index = ArchiveIndex::of_issues(&issues, DICTIONARY.jieba()).expect("an index in memory");
    let archive_query = ArchiveQuery::parse(query_text);
    let results = index
        .search(&archive_query, Sort::Relevance, usize::MAX / 2)
        .expect("a search");
    let mut found: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
    found.sort_unstable();
    let filtered = archive_query.dates.is_some()
        || archive_query.paper.is_some()
        || archive_query.pages.is_some();
    if !filtered {
        let expected: Vec<usize> = issues[0]
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                !archive_query.terms.is_empty()
                    && archive_query.terms.iter().all(|t| holds(a, t))
                    && !archive_query.excluded.iter().any(|t| holds(a, t))
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, expected, "query {archive_query:?}");
    }
    for hit in &results.hits {
        for snippet in &hit.snippets {
            let (start, end) = snippet.highlight;
            let marked = snippet
                .text
                .get(start..end)
                .expect("mark on char boundaries");
            assert_eq!(fold(marked), archive_query.terms[0], "the mark is the first term");
        }
    }
    let spelled: Vec<Pinyin> = query.terms.iter().filter_map(|t| Pinyin::new(t)).collect();
    for article in &issues[0].articles {
        let mut last = (0, 0);
        for m in find_in_article(article, &query) {
            assert!(
                (m.paragraph, m.start) >= last,
                "matches out of order or overlapping"
            );
            last = (m.paragraph, m.end);
            let paragraph = &article.paragraphs[m.paragraph];
            let matched = paragraph
                .get(m.start..m.end)
                .expect("match on char boundaries");
            assert!(
                query.terms.contains(&fold(matched)) || spelled.iter().any(|p| p.is_match(matched)),
                "{matched:?} is no term and spells none"
            );
        }
        let _ = DICTIONARY.keywords(article, 3);
    }
});
