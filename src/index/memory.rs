//! An index in memory of issues already parsed — the samples, files named on the command line,
//! a library with no cache folder for its index — so one engine answers every search across
//! issues. Its keys are the issues' positions.

use std::path::PathBuf;
use std::time::Duration;

use tantivy::Index;

use super::schema::Fields;
use super::{ArchiveIndex, IndexError, Words};
use crate::model::Issue;

/// What an index in memory names as its folder (in error messages).
const IN_MEMORY: &str = "(in memory)";

/// The key of the issue at `position` in an index made by [`ArchiveIndex::of_issues`].
pub fn memory_key(position: usize) -> String {
    position.to_string()
}

/// The position of the issue a [`memory_key`] names.
pub fn memory_position(key: &str) -> Option<usize> {
    key.parse().ok()
}

impl ArchiveIndex {
    /// An index in memory of every article of `issues`, each issue keyed by
    /// [`memory_key`] of its position.
    pub fn of_issues(issues: &[Issue], jieba: impl Into<Words>) -> Result<Self, IndexError> {
        let tantivy = |source| IndexError::Tantivy {
            dir: PathBuf::from(IN_MEMORY),
            source,
        };
        let index = Index::builder()
            .schema(Fields::schema().0)
            .settings(super::settings())
            .create_in_ram()
            .map_err(tantivy)?;
        let this = Self::with_index(PathBuf::from(IN_MEMORY), index, jieba.into())?;
        let writer = this.writer(Duration::ZERO)?;
        for (position, issue) in issues.iter().enumerate() {
            this.add_issue(&writer, &memory_key(position), issue)?;
        }
        this.finish(writer)?;
        Ok(this)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{ArchiveQuery, Sort};
    use crate::model::Article;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        }
    }

    fn index(articles: Vec<Article>) -> ArchiveIndex {
        let issues = [Issue {
            source: "t".into(),
            articles,
            ..Issue::default()
        }];
        ArchiveIndex::of_issues(&issues, Words::loading()).expect("an index in memory")
    }

    fn electricity() -> ArchiveIndex {
        index(vec![
            article("工作会议", &["会议要求加大发电力度，做好各项工作。"]),
            article(
                "电力保障有力",
                &["全县电力供应平稳。", "电力部门加强巡查，电力设施运行良好。"],
            ),
            article(
                "城南新闻",
                &["电力工人连续奋战，保障电力供应。电力、电量双增长。"],
            ),
            article("无关文章", &["今天天气很好。"]),
        ])
    }

    /// The articles found, in rank order.
    fn found(index: &ArchiveIndex, query: &str) -> Vec<usize> {
        let results = index
            .search(&ArchiveQuery::parse(query), Sort::Relevance, 100)
            .expect("a search");
        assert!(results.hits.iter().all(|h| h.path == memory_key(0)));
        results.hits.iter().map(|h| h.article).collect()
    }

    fn sorted(mut found: Vec<usize>) -> Vec<usize> {
        found.sort_unstable();
        found
    }

    #[test]
    fn every_article_containing_the_text_is_found_headlines_first() {
        let index = electricity();
        let order = found(&index, "电力");
        assert_eq!(sorted(order.clone()), [0, 1, 2], "发电力度 is found too");
        assert_eq!(order[0], 1, "the headline hit first");
        assert_eq!(order[2], 0, "the incidental substring last");
    }

    #[test]
    fn terms_are_anded_and_phrases_kept_together() {
        let index = electricity();
        assert_eq!(found(&index, "电力 巡查"), [1]);
        assert_eq!(sorted(found(&index, "\"电力 供应\"")), [1, 2]);
        assert!(
            found(&index, "供应电力").is_empty(),
            "a phrase keeps its order"
        );
        assert!(found(&index, "电力 天气").is_empty());
        assert_eq!(found(&index, "天"), [3], "one character");
    }

    #[test]
    fn matches_do_not_span_two_paragraphs() {
        let index = index(vec![
            article("题", &["前一段结尾电", "力开头"]),
            article("题", &["电力"]),
        ]);
        assert_eq!(found(&index, "电力"), [1]);
        assert_eq!(found(&index, "电\u{1f}力"), [1]);
    }

    #[test]
    fn a_long_term_held_as_pairs_apart_is_no_match_nor_excluded() {
        // Article 0 holds 城市, 市更 and 更新 apart, in its headline (ranked first); article 1
        // holds 城市更新.
        let index = index(vec![
            article("城市更名 更新城市", &["城市发展，市更名，更新设备。"]),
            article("简讯", &["推进城市更新行动。"]),
        ]);
        assert_eq!(found(&index, "城市更新"), [1]);
        let first = index
            .search(&ArchiveQuery::parse("城市更新"), Sort::Relevance, 1)
            .expect("a search");
        let first: Vec<usize> = first.hits.iter().map(|h| h.article).collect();
        assert_eq!(
            first,
            [1],
            "the candidate that fails makes room for the next"
        );
        assert_eq!(found(&index, "城市 -城市更新"), [0]);
        assert_eq!(found(&index, "\"城市 更新\""), [1]);
    }

    #[test]
    fn counts_leave_out_a_long_exclusion() {
        let index = index(vec![
            article("简讯", &["推进城市更新行动。"]),
            article("简讯", &["城市建设加快。"]),
        ]);
        let counts = index
            .day_counts(&ArchiveQuery::parse("城市 -城市更新"))
            .expect("counts");
        assert_eq!(counts.undated, 1, "the article about 城市建设 only");
    }

    #[test]
    fn snippets_surround_the_hit_and_mark_it() {
        let results = electricity()
            .search(&ArchiveQuery::parse("巡查"), Sort::Relevance, 10)
            .expect("a search");
        let snippet = &results.hits[0].snippets[0];
        let (start, end) = snippet.highlight;
        assert_eq!(snippet.text.get(start..end), Some("巡查"));
        assert_eq!(results.hits[0].title, "电力保障有力");
    }

    #[test]
    fn date_paper_and_page_are_columns() {
        let issues = [Issue {
            source: "t".into(),
            paper: Some("衡阳日报".into()),
            date: crate::model::IssueDate::new(2021, 7, 18),
            articles: vec![Article {
                page: Some(crate::model::PageRef {
                    number: 3,
                    name: None,
                }),
                ..article("题", &["正文"])
            }],
            ..Issue::default()
        }];
        let index = ArchiveIndex::of_issues(&issues, Words::loading()).expect("an index");
        let searcher = index.reader.searcher();
        let fast = searcher.segment_reader(0).fast_fields();
        let papers = fast
            .str("paper")
            .expect("a column")
            .expect("a paper column");
        let mut paper = String::new();
        let ord = papers.ords().first(0).expect("the article's paper");
        assert!(papers.ord_to_str(ord, &mut paper).expect("readable"));
        assert_eq!(paper, "衡阳日报");
        let date = fast.i64("date").expect("a date column").first(0);
        assert_eq!(date, issues[0].date.map(crate::model::IssueDate::unix_days));
        assert_eq!(fast.u64("page").expect("a page column").first(0), Some(3));
    }

    #[test]
    fn each_issue_is_keyed_by_its_position() {
        let issue = |title: &str| Issue {
            source: "t".into(),
            articles: vec![article(title, &["正文"])],
            ..Issue::default()
        };
        let issues = [issue("甲报道"), issue("乙报道")];
        let index = ArchiveIndex::of_issues(&issues, Words::loading()).expect("an index");
        let results = index
            .search(&ArchiveQuery::parse("乙"), Sort::Relevance, 10)
            .expect("a search");
        let keys: Vec<Option<usize>> = results
            .hits
            .iter()
            .map(|h| memory_position(&h.path))
            .collect();
        assert_eq!(keys, [Some(1)]);
    }
}
