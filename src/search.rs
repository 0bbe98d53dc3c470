//! Search: in one article (matches to highlight) and across every open issue (ranked hits
//! with snippets). Matching is exact substring matching on folded text, so every article that
//! contains the query is found; jieba word segmentation only ranks (see [`rank`]).
//!
//! Domain code: no terminal types.

mod fold;
pub mod pinyin;
mod query;
pub mod rank;

use crate::model::{Article, Issue};
pub use fold::{find_all, fold, fold_char};
pub use pinyin::Pinyin;
pub use query::Query;
pub use rank::Ranker;

/// Separates fields in a folded article, so no match spans two paragraphs.
const FIELD_SEPARATOR: char = '\u{1f}';
/// Characters of context either side of a hit in a snippet.
const SNIPPET_BEFORE: usize = 12;
const SNIPPET_AFTER: usize = 24;
/// Corpora from this many articles on are scanned on two threads.
const PARALLEL_FROM: usize = 2_000;
/// Snippets kept per hit.
const MAX_SNIPPETS: usize = 3;

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
    /// The article's title (a library's issue may not be in memory when the hit is listed);
    /// empty past the hits given snippets when the issue is in memory.
    pub title: String,
    /// The query is in the headline.
    pub in_title: bool,
    /// Found by what the query spells in pinyin, not by its letters (ranked after the rest).
    pub by_pinyin: bool,
    pub score: f64,
    pub snippets: Vec<Snippet>,
}

/// The folded text of every article of every issue, ready to scan.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    docs: Vec<Doc>,
}

#[derive(Debug, Clone)]
struct Doc {
    issue: usize,
    article: usize,
    headline: String,
    body: String,
}

impl Corpus {
    pub fn new(issues: &[Issue]) -> Self {
        let mut docs = Vec::new();
        for (i, issue) in issues.iter().enumerate() {
            for (a, article) in issue.articles.iter().enumerate() {
                docs.push(Doc {
                    issue: i,
                    article: a,
                    headline: fold_fields(headline(article)),
                    body: fold_fields(article.paragraphs.iter().map(String::as_str)),
                });
            }
        }
        Self { docs }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Articles containing every term of `query`: headline hits first, then by score (BM25
    /// over jieba words when `ranker` is ready, else by how often the terms occur). Snippets
    /// are made for the first `with_snippets` hits only (the ones a screen can show).
    ///
    /// A term in Latin letters also finds headlines that spell it in pinyin (`fg`, `fugong` →
    /// 复工): those hits come after every hit of the text as typed. (Headlines only: pinyin
    /// matching of every body of an archive would cost a second a query.)
    pub fn search(
        &self,
        issues: &[Issue],
        query: &Query,
        ranker: Option<&Ranker>,
        with_snippets: usize,
    ) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let words = ranker.map(|r| r.query_words(query));
        let pinyin: Vec<Option<Pinyin>> = query.terms.iter().map(|t| Pinyin::new(t)).collect();
        let spelled = pinyin.iter().any(Option::is_some);
        let scan = |first: usize, docs: &[Doc]| -> Vec<Hit> {
            docs.iter()
                .enumerate()
                .map(|(i, doc)| (first + i, doc))
                .filter_map(|(id, doc)| {
                    let has = |t: &String| {
                        doc.headline.contains(t.as_str()) || doc.body.contains(t.as_str())
                    };
                    let by_pinyin = if query.terms.iter().all(has) {
                        false
                    } else if spelled
                        && query.terms.iter().zip(&pinyin).all(|(t, p)| {
                            has(t) || p.as_ref().is_some_and(|p| p.is_match(&doc.headline))
                        })
                    {
                        true
                    } else {
                        return None;
                    };
                    let in_title = by_pinyin || query.matches(&doc.headline);
                    let score = match (ranker, &words) {
                        (Some(ranker), Some(words)) => ranker.score(id, words),
                        _ => occurrence_score(doc, query),
                    };
                    Some(Hit {
                        issue: doc.issue,
                        article: doc.article,
                        title: String::new(),
                        in_title,
                        by_pinyin,
                        score,
                        snippets: Vec::new(),
                    })
                })
                .collect()
        };
        // Two halves on two threads: a large archive is scanned in half the time.
        let mut hits = if self.docs.len() < PARALLEL_FROM {
            scan(0, &self.docs)
        } else {
            let (left, right) = self.docs.split_at(self.docs.len() / 2);
            std::thread::scope(|s| {
                let right_hits = s.spawn(|| scan(left.len(), right));
                let mut hits = scan(0, left);
                hits.extend(right_hits.join().unwrap_or_default());
                hits
            })
        };
        hits.sort_by(|a, b| {
            a.by_pinyin
                .cmp(&b.by_pinyin)
                .then(b.in_title.cmp(&a.in_title))
                .then(b.score.total_cmp(&a.score))
        });
        let first_spelled = pinyin.iter().flatten().next();
        for hit in hits.iter_mut().take(with_snippets) {
            if let Some(article) = issues
                .get(hit.issue)
                .and_then(|i| i.articles.get(hit.article))
            {
                hit.title.clone_from(&article.title);
                hit.snippets = snippets(article, query);
                if hit.snippets.is_empty()
                    && let Some(pinyin) = first_spelled
                {
                    hit.snippets = spelled_snippets(article, pinyin);
                }
            }
        }
        hits
    }

    /// The folded texts the ranker segments, one per article.
    fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.docs
            .iter()
            .map(|d| (d.headline.as_str(), d.body.as_str()))
    }
}

fn headline(article: &Article) -> impl Iterator<Item = &str> {
    [
        article.kicker.as_deref(),
        Some(article.title.as_str()),
        article.subtitle.as_deref(),
    ]
    .into_iter()
    .flatten()
}

fn fold_fields<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for field in fields {
        out.push_str(&fold(field));
        out.push(FIELD_SEPARATOR);
    }
    out
}

/// Occurrences of the terms per thousand characters: the ranking until jieba is ready.
fn occurrence_score(doc: &Doc, query: &Query) -> f64 {
    let count: usize = query
        .terms
        .iter()
        .map(|t| doc.body.matches(t.as_str()).count())
        .sum();
    count as f64 * 1000.0 / (doc.body.len() as f64 / 3.0 + 100.0)
}

/// Up to three snippets around the first hits of the query's first term.
fn snippets(article: &Article, query: &Query) -> Vec<Snippet> {
    let Some(term) = query.terms.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Body text first: a headline snippet would only repeat the title.
    for paragraph in article
        .paragraphs
        .iter()
        .map(String::as_str)
        .chain(headline(article))
    {
        for (start, end) in find_all(paragraph, term) {
            out.push(snippet(paragraph, start, end));
            if out.len() == MAX_SNIPPETS {
                return out;
            }
        }
    }
    out
}

/// A snippet of the headline where it spells `pinyin`.
fn spelled_snippets(article: &Article, pinyin: &Pinyin) -> Vec<Snippet> {
    headline(article)
        .find_map(|field| {
            let (start, end) = pinyin.find_all(field).into_iter().next()?;
            Some(snippet(field, start, end))
        })
        .into_iter()
        .collect()
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

    fn issues() -> Vec<Issue> {
        let articles = vec![
            article(
                "全县秋粮丰收",
                &["今年全县粮食产量创新高，发电力度也加大。"],
            ),
            article(
                "电力保障有力",
                &["全县电力供应平稳。", "电力部门加强巡查，电力设施运行良好。"],
            ),
            article(
                "城南新闻",
                &["电力工人连续奋战，保障电力供应。电力、电量双增长。"],
            ),
            article("无关文章", &["今天天气很好。"]),
        ];
        vec![Issue {
            source: "t".into(),
            date: None,
            articles,
            ..Issue::default()
        }]
    }

    #[test]
    fn every_article_containing_the_text_is_found() {
        let issues = issues();
        let corpus = Corpus::new(&issues);
        let hits = corpus.search(&issues, &Query::parse("电力"), None, usize::MAX);
        let mut found: Vec<usize> = hits.iter().map(|h| h.article).collect();
        found.sort_unstable();
        assert_eq!(found, [0, 1, 2]);
    }

    #[test]
    fn headline_hits_rank_first() {
        let issues = issues();
        let corpus = Corpus::new(&issues);
        let hits = corpus.search(&issues, &Query::parse("电力"), None, usize::MAX);
        assert_eq!(hits[0].article, 1);
        assert!(hits[0].in_title);
        assert!(hits[1..].iter().all(|h| !h.in_title));
        assert_eq!(hits[1].article, 2, "more occurrences before fewer");
    }

    #[test]
    fn terms_are_anded_and_phrases_kept_together() {
        let issues = issues();
        let corpus = Corpus::new(&issues);
        let ids = |q: &str| {
            corpus
                .search(&issues, &Query::parse(q), None, usize::MAX)
                .iter()
                .map(|h| h.article)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("电力 巡查"), [1]);
        let mut phrase = ids("\"电力 供应\"");
        phrase.sort_unstable();
        assert_eq!(phrase, [1, 2]);
        assert!(ids("供应电力").is_empty(), "a phrase keeps its order");
        assert!(ids("电力 天气").is_empty());
    }

    #[test]
    fn matches_do_not_span_two_paragraphs() {
        let issues = vec![Issue {
            source: "t".into(),
            date: None,
            articles: vec![article("题", &["前一段结尾电", "力开头"])],
            ..Issue::default()
        }];
        let corpus = Corpus::new(&issues);
        assert!(
            corpus
                .search(&issues, &Query::parse("电力"), None, usize::MAX)
                .is_empty()
        );
    }

    #[test]
    fn snippets_surround_the_hit_and_mark_it() {
        let issues = issues();
        let corpus = Corpus::new(&issues);
        let hits = corpus.search(&issues, &Query::parse("巡查"), None, usize::MAX);
        let snippet = &hits[0].snippets[0];
        let (start, end) = snippet.highlight;
        assert_eq!(snippet.text.get(start..end).unwrap_or_default(), "巡查");
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
