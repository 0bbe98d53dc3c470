//! Search with arbitrary queries over arbitrary articles: exactly the articles holding every
//! term inside one field are found (never across two paragraphs), matches and snippet marks
//! lie on char boundaries and cover the term, and jieba's word segmentation never panics.
//!
//! Input: the query up to the first line feed, then articles separated by blank lines, each a
//! title line followed by paragraph lines.

#![no_main]

use std::sync::LazyLock;

use dubao::io::load::samples;
use dubao::model::{Article, Issue};
use dubao::search::{Corpus, Query, Ranker, find_in_article, fold};
use libfuzzer_sys::fuzz_target;

/// Built once (jieba takes a tenth of a second to load): the samples' statistics.
static RANKER: LazyLock<Ranker> = LazyLock::new(|| Ranker::new(&Corpus::new(&samples())));

fn article(text: &str) -> Article {
    let mut lines = text.split('\n');
    Article {
        title: lines.next().unwrap_or_default().to_owned(),
        paragraphs: lines.map(str::to_owned).collect(),
        ..Article::default()
    }
}

/// Whether every term of `query` occurs inside one field of `fields`.
fn holds<'a>(query: &Query, fields: impl Iterator<Item = &'a str> + Clone) -> bool {
    query
        .terms
        .iter()
        .all(|t| fields.clone().any(|f| fold(f).contains(t.as_str())))
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
    let corpus = Corpus::new(&issues);
    let ranker = &*RANKER;
    let _ = ranker.query_words(&query);
    for ranked in [None, Some(ranker)] {
        let hits = corpus.search(&issues, &query, ranked, usize::MAX);
        let mut found: Vec<usize> = hits.iter().map(|h| h.article).collect();
        found.sort_unstable();
        let expected: Vec<usize> = issues[0]
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                !query.is_empty()
                    && holds(
                        &query,
                        std::iter::once(a.title.as_str())
                            .chain(a.paragraphs.iter().map(String::as_str)),
                    )
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, expected, "query {:?}", query.terms);
        for hit in &hits {
            let article = &issues[0].articles[hit.article];
            assert_eq!(
                hit.in_title,
                holds(&query, std::iter::once(article.title.as_str()))
            );
            for snippet in &hit.snippets {
                let (start, end) = snippet.highlight;
                let marked = snippet
                    .text
                    .get(start..end)
                    .expect("mark on char boundaries");
                assert_eq!(fold(marked), query.terms[0]);
            }
        }
    }
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
                query.terms.contains(&fold(matched)),
                "{matched:?} is no term"
            );
        }
        let _ = ranker.keywords(article, 3);
    }
});
