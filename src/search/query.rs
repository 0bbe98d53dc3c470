//! Queries: space-separated terms that must all occur, `"…"` for a phrase.

use super::fold::fold;

/// A parsed query: folded terms, all of which an article must contain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    /// Parses `text`: terms split at white space, except inside double quotes (`"…"` or `“…”`).
    /// A query of quote marks alone (`“`) looks for the marks themselves.
    pub fn parse(text: &str) -> Self {
        let query = Self::split(text, true);
        if query.is_empty() {
            Self::split(text, false)
        } else {
            query
        }
    }

    /// Splits `text` into folded terms; with `grouping`, double quotes group and are dropped.
    fn split(text: &str, grouping: bool) -> Self {
        let mut terms = Vec::new();
        let mut current = String::new();
        let mut quoted = false;
        for c in text.chars() {
            match c {
                '"' | '“' | '”' if grouping => {
                    quoted = !quoted;
                    terms.push(std::mem::take(&mut current));
                }
                c if c.is_whitespace() && !quoted => terms.push(std::mem::take(&mut current)),
                c => current.push(c),
            }
        }
        terms.push(current);
        let mut terms: Vec<String> = terms
            .iter()
            .map(|t| fold(t))
            .filter(|t| !t.is_empty())
            .collect();
        terms.dedup();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether folded `text` contains every term.
    pub fn matches(&self, folded: &str) -> bool {
        !self.is_empty() && self.terms.iter().all(|t| folded.contains(t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_at_spaces_and_phrases_stay_whole() {
        assert_eq!(Query::parse("电力  供应").terms, ["电力", "供应"]);
        assert_eq!(
            Query::parse("\"电力 供应\" 衡阳").terms,
            ["电力供应", "衡阳"]
        );
        assert_eq!(Query::parse("“GDP 增长”").terms, ["gdp增长"]);
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn quote_marks_alone_are_searched_for() {
        assert_eq!(Query::parse("“").terms, ["“"]);
        assert_eq!(Query::parse("\"\"").terms, ["\"\""]);
        assert_eq!(Query::parse("“ ”").terms, ["“", "”"]);
        assert_eq!(Query::parse("，").terms, [","]);
    }

    #[test]
    fn all_terms_must_match() {
        let query = Query::parse("电力 保障");
        assert!(query.matches("电力供应保障"));
        assert!(!query.matches("电力供应"));
        assert!(!Query::parse("").matches("anything"));
    }
}
