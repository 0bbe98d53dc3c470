//! Search with arbitrary queries over arbitrary articles: exactly the articles holding every
//! term inside one field (never across two paragraphs), or whose headline spells a Latin term
//! in pinyin, are found; matches and snippet marks lie on char boundaries and cover a term or
//! what it spells; jieba's word segmentation never panics.
//!
//! Input: the query up to the first line feed, then articles separated by blank lines, each a
//! title line followed by paragraph lines.

#![no_main]

use std::sync::LazyLock;

use dubao::io::load::samples;
use dubao::model::{Article, Issue};
use dubao::search::{Corpus, Pinyin, Query, Ranker, find_in_article, fold};
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
    let spelled: Vec<Option<Pinyin>> = query.terms.iter().map(|t| Pinyin::new(t)).collect();
    for ranked in [None, Some(ranker)] {
        let hits = corpus.search(&issues, &query, ranked, usize::MAX);
        let mut found: Vec<usize> = hits.iter().map(|h| h.article).collect();
        found.sort_unstable();
        // Every term in one field as typed, or (pinyin) spelled by the headline.
        let expected: Vec<usize> = issues[0]
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let title = fold(&a.title);
                !query.is_empty()
                    && query.terms.iter().zip(&spelled).all(|(term, pinyin)| {
                        let one = Query {
                            terms: vec![term.clone()],
                        };
                        let fields = std::iter::once(a.title.as_str())
                            .chain(a.paragraphs.iter().map(String::as_str));
                        holds(&one, fields) || pinyin.as_ref().is_some_and(|p| p.is_match(&title))
                    })
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, expected, "query {:?}", query.terms);
        for hit in &hits {
            let article = &issues[0].articles[hit.article];
            let as_typed = holds(
                &query,
                std::iter::once(article.title.as_str())
                    .chain(article.paragraphs.iter().map(String::as_str)),
            );
            assert_eq!(hit.by_pinyin, !as_typed, "pinyin hits are the others");
            assert_eq!(
                hit.in_title,
                hit.by_pinyin || holds(&query, std::iter::once(article.title.as_str()))
            );
            for snippet in &hit.snippets {
                let (start, end) = snippet.highlight;
                let marked = snippet
                    .text
                    .get(start..end)
                    .expect("mark on char boundaries");
                assert!(
                    fold(marked) == query.terms[0]
                        || spelled.iter().flatten().any(|p| p.is_match(marked)),
                    "mark {marked:?} is no term and spells none"
                );
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
                query.terms.contains(&fold(matched)) || spelled.iter().flatten().any(|p| p.is_match(matched)),
                "{matched:?} is no term and spells none"
            );
        }
        let _ = ranker.keywords(article, 3);
    }
});
