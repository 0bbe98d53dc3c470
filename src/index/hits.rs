//! Searching the index: ranked or dated hits, with snippets that mark where the query is.

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use super::query::ArchiveQuery;
use super::tokens::PARAGRAPH_BREAK;
use super::{ArchiveIndex, IndexError};
use crate::model::IssueDate;
use crate::search::{Snippet, find_all, fold, snippet};

/// Snippets kept per hit.
const MAX_SNIPPETS: usize = 3;

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (BM25, headline matches boosted).
    #[default]
    Relevance,
    /// Newest issue first; undated issues last.
    Date,
}

impl std::str::FromStr for Sort {
    type Err = String;

    /// `relevance` or `date` (as `--sort` takes them).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "relevance" => Ok(Self::Relevance),
            "date" => Ok(Self::Date),
            other => Err(format!("unknown order {other:?}: relevance or date")),
        }
    }
}

/// One article found in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveHit {
    /// The issue's file, relative to the library folder.
    pub path: String,
    /// The article's index in its issue.
    pub article: usize,
    /// The main title.
    pub title: String,
    pub date: Option<IssueDate>,
    pub paper: Option<String>,
    pub page: Option<u16>,
    /// Every term is in the headline.
    pub in_title: bool,
    /// Relevance (0 when sorted by date).
    pub score: f32,
    pub snippets: Vec<Snippet>,
}

/// The first hits of a search and how many articles match in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArchiveResults {
    pub total: usize,
    pub hits: Vec<ArchiveHit>,
}

impl ArchiveIndex {
    /// The first `limit` articles matching `query`, in `sort` order, with snippets.
    ///
    /// `total` is exact when the query [`is_exact`](ArchiveQuery::is_exact) or every
    /// candidate was checked; otherwise it may count a few articles that hold a long term's
    /// character pairs apart (the hits never do).
    pub fn search(
        &self,
        query: &ArchiveQuery,
        sort: Sort,
        limit: usize,
    ) -> Result<ArchiveResults, IndexError> {
        if query.is_empty() || limit == 0 {
            return Ok(ArchiveResults::default());
        }
        let tantivy_query = self.tantivy_query(query, true)?;
        let searcher = self.reader.searcher();
        // The collector allocates for `limit` hits: no more than there are documents.
        let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = limit.min(docs);
        if limit == 0 {
            return Ok(ArchiveResults::default());
        }
        // Candidates that fail the check make room for more: fetched again, four times as
        // many, until `limit` hits or no candidate is left (rare: pairs apart are rare).
        let checked = !query.is_exact();
        let mut want = limit;
        loop {
            let (total, found) = self.candidates(&searcher, &*tantivy_query, sort, want)?;
            let mut hits = Vec::with_capacity(limit);
            let mut rejected = 0;
            for &(score, address) in &found {
                if hits.len() == limit {
                    break;
                }
                match self.hit(&searcher, query, checked, score, address)? {
                    Some(hit) => hits.push(hit),
                    None => rejected += 1,
                }
            }
            if hits.len() == limit || found.len() < want || want >= docs {
                let total = total.saturating_sub(rejected);
                return Ok(ArchiveResults { total, hits });
            }
            want = want.saturating_mul(4).min(docs);
        }
    }

    /// The first `want` candidates in `sort` order, and how many there are.
    fn candidates(
        &self,
        searcher: &Searcher,
        query: &dyn tantivy::query::Query,
        sort: Sort,
        want: usize,
    ) -> Result<(usize, Vec<(f32, DocAddress)>), IndexError> {
        let top = TopDocs::with_limit(want);
        match sort {
            Sort::Relevance => searcher
                .search(query, &(Count, top.order_by_score()))
                .map_err(|e| self.error(e)),
            Sort::Date => {
                let by_date = top.order_by_fast_field::<i64>("date", Order::Desc);
                let (total, found) = searcher
                    .search(query, &(Count, by_date))
                    .map_err(|e| self.error(e))?;
                Ok((total, found.into_iter().map(|(_, a)| (0.0, a)).collect()))
            }
        }
    }

    /// The hit at `address`, or `None` when `checked` and it holds a long term's pairs apart.
    fn hit(
        &self,
        searcher: &Searcher,
        query: &ArchiveQuery,
        checked: bool,
        score: f32,
        address: DocAddress,
    ) -> Result<Option<ArchiveHit>, IndexError> {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.error(e))?;
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        let headline = text(f.title);
        let body = text(f.body);
        let paper = text(f.paper);
        let headline_lines: Vec<String> = headline.split(PARAGRAPH_BREAK).map(fold).collect();
        if checked {
            let body_lines: Vec<String> = body.split(PARAGRAPH_BREAK).map(fold).collect();
            if !query.holds(&headline_lines, &body_lines, &paper) {
                return Ok(None);
            }
        }
        Ok(Some(ArchiveHit {
            path: text(f.path),
            article: number(f.article).unwrap_or(0) as usize,
            title: headline
                .split(PARAGRAPH_BREAK)
                .next()
                .unwrap_or("")
                .to_owned(),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_i64())
                .and_then(IssueDate::from_unix_days),
            paper: (!paper.is_empty()).then_some(paper),
            page: number(f.page).and_then(|p| u16::try_from(p).ok()),
            in_title: !query.terms.is_empty()
                && query
                    .terms
                    .iter()
                    .all(|t| headline_lines.iter().any(|l| l.contains(t.as_str()))),
            score,
            snippets: snippets(&body, &headline, query),
        }))
    }
}

/// Up to three snippets around the first hits of the query's first term: body first (a
/// headline snippet would only repeat the title), then the headline.
fn snippets(body: &str, headline: &str, query: &ArchiveQuery) -> Vec<Snippet> {
    let Some(term) = query.terms.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for paragraph in body
        .split(PARAGRAPH_BREAK)
        .chain(headline.split(PARAGRAPH_BREAK))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_the_hit() {
        let text = "一二三四五六七八九十一二三四五六七八九十电力供应稳定";
        let (start, end) = find_all(text, "电力")[0];
        let s = snippet(text, start, end);
        assert!(s.text.starts_with('…'));
        assert_eq!(s.text.get(s.highlight.0..s.highlight.1), Some("电力"));
    }
}
