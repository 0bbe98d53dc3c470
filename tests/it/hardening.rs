//! Hostile input (issue 15): findings of the fuzz targets in `fuzz/` and of a hostile tester,
//! each kept as a regression test.

mod search {
    use dubao::load::samples;
    use dubao::model::{Article, Issue};
    use dubao::search::{Corpus, Query, find_in_article, fold};

    fn issue(articles: Vec<Article>) -> Vec<Issue> {
        vec![Issue {
            source: "t".into(),
            articles,
            ..Issue::default()
        }]
    }

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        }
    }

    fn found(issues: &[Issue], query: &str) -> Vec<usize> {
        let corpus = Corpus::new(issues);
        let mut found: Vec<usize> = corpus
            .search(issues, &Query::parse(query), None, usize::MAX)
            .iter()
            .map(|h| h.article)
            .collect();
        found.sort_unstable();
        found
    }

    /// fuzz/search: the corpus separates paragraphs with U+001F; a query holding it matched
    /// across the boundary.
    #[test]
    fn a_field_separator_in_the_query_never_spans_two_paragraphs() {
        let issues = issue(vec![
            article("题", &["前一段结尾电", "力开头"]),
            article("题", &["电力"]),
        ]);
        assert_eq!(found(&issues, "电\u{1f}力"), [1]);
        assert_eq!(found(&issues, "\u{1f}"), Vec::<usize>::new());
        let matches = find_in_article(&issues[0].articles[0], &Query::parse("电\u{1f}力"));
        assert!(matches.is_empty(), "{matches:?}");
    }

    /// A query of punctuation alone finds every story holding it — quote marks included,
    /// which a query otherwise reads as grouping.
    #[test]
    fn a_query_of_punctuation_finds_the_stories_holding_it() {
        let issues = samples();
        let mut marks: Vec<char> = issues
            .iter()
            .flat_map(|i| &i.articles)
            .flat_map(|a| a.paragraphs.iter().chain([&a.title]))
            .flat_map(|p| p.chars())
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .collect();
        marks.sort_unstable();
        marks.dedup();
        assert!(marks.contains(&'“') && marks.contains(&'，'), "{marks:?}");
        for mark in marks {
            let query = mark.to_string();
            let term = fold(&query);
            for (i, issue) in issues.iter().enumerate() {
                let expected: Vec<usize> = issue
                    .articles
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        let fields = [a.kicker.as_deref(), Some(&*a.title), a.subtitle.as_deref()];
                        fields
                            .into_iter()
                            .flatten()
                            .chain(a.paragraphs.iter().map(String::as_str))
                            .any(|f| fold(f).contains(&term))
                    })
                    .map(|(a, _)| a)
                    .collect();
                let one = std::slice::from_ref(issue);
                assert_eq!(found(one, &query), expected, "{query:?} in issue {i}");
            }
        }
    }

    /// A query of 5,000 identical characters against 200,000 of them: linear-time matching
    /// (the bound is a hundred times what it takes; quadratic matching would take minutes).
    #[test]
    fn a_long_query_of_one_repeated_character_takes_linear_time() {
        for c in ["电", "a", "，", "“"] {
            let text = c.repeat(200_000);
            let issues = issue(vec![article(&c.repeat(10), &[&text, &text])]);
            let query = c.repeat(5_000);
            let started = std::time::Instant::now();
            assert_eq!(found(&issues, &query), [0]);
            let matches = find_in_article(&issues[0].articles[0], &Query::parse(&query));
            assert_eq!(
                matches.len(),
                2 * 40,
                "{c}: 40 matches per paragraph, none overlapping"
            );
            assert!(
                started.elapsed().as_secs() < 10,
                "{c}: {:?}",
                started.elapsed()
            );
        }
    }
}
