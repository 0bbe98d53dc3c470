//! Queries over the archive: words, `"phrases"`, `-exclusions`, `date:`, `paper:` and `page:`
//! filters — parsed here, turned into a tantivy query by [`ArchiveQuery::to_tantivy`].
//!
//! A word or a phrase matches exactly where it is a substring of one folded field (a headline
//! line or a paragraph), as the in-article search matches: the tantivy query finds the
//! articles holding its character pairs (the index keeps no positions, which would double
//! it), and [`ArchiveQuery::holds`] keeps those holding the text itself. An unreadable filter
//! value (`date:soon`) is searched for as a word.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RangeQuery, RegexQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::tokenizer::TokenStream;

use super::schema::{Fields, KIND_ARTICLE};
use super::tokens::query_bigrams;
use crate::model::IssueDate;
use crate::search::fold;

/// How much more a match in the headline counts than one in the body.
const TITLE_BOOST: f32 = 4.0;

/// A parsed archive query. Terms are folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveQuery {
    /// Each must occur (headline or body).
    pub terms: Vec<String>,
    /// None may occur.
    pub excluded: Vec<String>,
    /// Inclusive range of days since 1970-01-01.
    pub dates: Option<(Option<i64>, Option<i64>)>,
    /// Folded text the paper's name must contain.
    pub paper: Option<String>,
    /// Inclusive range of page numbers.
    pub pages: Option<(u64, u64)>,
}

impl ArchiveQuery {
    /// Parses `text`: space-separated words (each must occur), `"…"` or `“…”` for a phrase,
    /// `-word` to exclude, `date:2020-02..2020-03` (a year, a month or a day, or a range of
    /// them, open at either end), `paper:人民` (part of the name), `page:3` or `page:2..4`.
    pub fn parse(text: &str) -> Self {
        let mut query = Self::default();
        for word in split(text) {
            if !word.quoted && !word.negated && query.filter(&word.text) {
                continue;
            }
            let folded = fold(&word.text);
            let list = if word.negated {
                &mut query.excluded
            } else {
                &mut query.terms
            };
            if !folded.is_empty() && !list.contains(&folded) {
                list.push(folded);
            }
        }
        query
    }

    /// Nothing to search for: no term and no filter.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.dates.is_none()
            && self.paper.is_none()
            && self.pages.is_none()
    }

    /// Applies `word` as a filter if it is one with a readable value.
    fn filter(&mut self, word: &str) -> bool {
        let Some((name, value)) = word.split_once(':').or_else(|| word.split_once('：')) else {
            return false;
        };
        match name {
            "date" => date_range(value).map(|r| self.dates = Some(r)).is_some(),
            "page" => page_range(value).map(|r| self.pages = Some(r)).is_some(),
            "paper" if !fold(value).is_empty() => {
                self.paper = Some(fold(value));
                true
            }
            _ => false,
        }
    }

    /// Whether the tantivy query finds exactly the matching articles: no term, exclusion or
    /// paper of three characters or more (those match on character pairs, and [`Self::holds`]
    /// has the last word).
    pub fn is_exact(&self) -> bool {
        self.terms
            .iter()
            .chain(&self.excluded)
            .chain(&self.paper)
            .all(|t| within_a_pair(t))
    }

    /// Whether an article with these folded headline and body lines and this paper matches:
    /// every term inside one line, no excluded term in any, the paper's name holding the
    /// `paper:` text.
    pub fn holds(&self, headline: &[String], body: &[String], paper: &str) -> bool {
        let in_a_line = |term: &String| {
            headline
                .iter()
                .chain(body)
                .any(|l| l.contains(term.as_str()))
        };
        self.terms.iter().all(in_a_line)
            && !self.excluded.iter().any(in_a_line)
            && self
                .paper
                .as_ref()
                .is_none_or(|p| fold(paper).contains(p.as_str()))
    }

    /// The tantivy query: every term's character pairs in the headline or body (recall), the
    /// terms' jieba words as optional clauses (ranking), exclusions and filters. `checked`:
    /// each match will be checked with [`Self::holds`] (hits are; counts are not).
    pub(super) fn to_tantivy(
        &self,
        fields: &Fields,
        words: &mut TextAnalyzer,
        checked: bool,
    ) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in &self.terms {
            clauses.push((Occur::Must, headline_or_body(fields, term)));
            for word in jieba_words(words, term) {
                let in_title = term_query(fields.title_words, &word);
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(in_title, TITLE_BOOST)),
                ));
                clauses.push((Occur::Should, term_query(fields.body_words, &word)));
            }
        }
        // Of one pair or less, exactly; longer ones are left to `holds` when it checks (an
        // article holding the pairs apart must not be excluded), else excluded by their pairs.
        // In either field: one clause each.
        for term in self
            .excluded
            .iter()
            .filter(|t| !checked || within_a_pair(t))
        {
            clauses.push((Occur::MustNot, substring(fields.title, term)));
            clauses.push((Occur::MustNot, substring(fields.body, term)));
        }
        if let Some((from, to)) = self.dates {
            let bound = |days: Option<i64>| {
                days.map_or(Bound::Unbounded, |d| {
                    Bound::Included(Term::from_field_i64(fields.date, d))
                })
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(from), bound(to))),
            ));
        }
        if let Some(paper) = &self.paper {
            clauses.push((Occur::Must, substring(fields.paper, paper)));
        }
        if let Some((from, to)) = self.pages {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(fields.page, from)),
                    Bound::Included(Term::from_field_u64(fields.page, to)),
                )),
            ));
        }
        if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
            // Exclusions alone match nothing in tantivy: exclude from every article.
            let kind = Term::from_field_text(fields.kind, KIND_ARTICLE);
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(kind, IndexRecordOption::Basic)),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Whether a folded term is at most two characters: its pairs match it exactly (a longer one
/// may have its pairs apart, or fewer distinct pairs than places: `电电电`).
fn within_a_pair(term: &str) -> bool {
    term.chars().nth(2).is_none()
}

/// A word of a query: its text, whether it was quoted, whether a `-` stood before it.
struct Word {
    text: String,
    quoted: bool,
    negated: bool,
}

/// Words of `text` split at white space outside double quotes (`-"…"` excludes a phrase). A
/// text of quote marks alone is one word: the marks themselves.
fn split(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut negated = false;
    let mut push = |current: &mut String, quoted: bool, negated: bool| {
        let text = std::mem::take(current);
        let (text, negated) = match text.strip_prefix('-') {
            Some(rest) if !quoted && !fold(rest).is_empty() => (rest.to_owned(), true),
            _ => (text, negated),
        };
        words.push(Word {
            text,
            quoted,
            negated,
        });
    };
    for c in text.chars() {
        match c {
            '"' | '“' | '”' if !quoted && current == "-" => {
                current.clear();
                quoted = true;
                negated = true;
            }
            '"' | '“' | '”' => {
                push(&mut current, quoted, negated);
                quoted = !quoted;
                negated = false;
            }
            c if c.is_whitespace() && !quoted => push(&mut current, false, false),
            c => current.push(c),
        }
    }
    push(&mut current, quoted, negated);
    words.retain(|w| !fold(&w.text).is_empty());
    if words.is_empty() && !fold(text).is_empty() {
        words.push(Word {
            text: text.to_owned(),
            quoted: true,
            negated: false,
        });
    }
    words
}

/// Matches articles whose folded headline or body contains `folded`.
fn headline_or_body(fields: &Fields, folded: &str) -> Box<dyn Query> {
    let title = Box::new(BoostQuery::new(
        substring(fields.title, folded),
        TITLE_BOOST,
    ));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, title as Box<dyn Query>),
        (Occur::Should, substring(fields.body, folded)),
    ]))
}

/// Matches documents whose folded `field` (indexed as bigrams) holds `folded`'s character
/// pairs: every document holding `folded`, and for three characters or more, one holding the
/// pairs apart.
fn substring(field: Field, folded: &str) -> Box<dyn Query> {
    let bigrams = query_bigrams(folded);
    match bigrams.as_slice() {
        [] => {
            // One character: a bigram starting with it, or a paragraph's last character.
            let c = folded.chars().next().map_or(0, u32::from);
            let pattern = format!("\\x{{{c:x}}}.?");
            match RegexQuery::from_pattern(&pattern, field) {
                Ok(query) => Box::new(query),
                Err(_) => Box::new(BooleanQuery::new(Vec::new())),
            }
        }
        [bigram] => term_query(field, bigram),
        _ => Box::new(BooleanQuery::new(
            bigrams
                .iter()
                .map(|bigram| (Occur::Must, term_query(field, bigram)))
                .collect(),
        )),
    }
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// The distinct jieba words of a folded term.
fn jieba_words(analyzer: &mut TextAnalyzer, term: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut stream = analyzer.token_stream(term);
    while let Some(token) = stream.next() {
        if !words.contains(&token.text) {
            words.push(token.text.clone());
        }
    }
    words
}

/// `2020`, `2020-02`, `2020-02-03`, or `A..B` of them (either end may be left out).
fn date_range(value: &str) -> Option<(Option<i64>, Option<i64>)> {
    let (from, to) = value.split_once("..").unwrap_or((value, value));
    let from = if from.is_empty() {
        None
    } else {
        Some(date_span(from)?.0)
    };
    let to = if to.is_empty() {
        None
    } else {
        Some(date_span(to)?.1)
    };
    (from.is_some() || to.is_some()).then_some((from, to))
}

/// The first and last day of a year, a month or a day, in days since 1970-01-01.
fn date_span(text: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u16>().ok());
    let year = number(0)?;
    let day = |m: u16, d: u16| IssueDate::new(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    let (first, last) = match parts.len() {
        1 => (day(1, 1)?, day(12, 31)?),
        2 => {
            let m = number(1)?;
            let last = (28..=31).rev().find_map(|d| day(m, d))?;
            (day(m, 1)?, last)
        }
        3 => {
            let d = day(number(1)?, number(2)?)?;
            (d, d)
        }
        _ => return None,
    };
    Some((first.unix_days(), last.unix_days()))
}

/// `3` or `2..4`.
fn page_range(value: &str) -> Option<(u64, u64)> {
    let (from, to) = value.split_once("..").unwrap_or((value, value));
    let from = if from.is_empty() {
        0
    } else {
        from.parse().ok()?
    };
    let to = if to.is_empty() {
        u64::MAX
    } else {
        to.parse().ok()?
    };
    (from <= to).then_some((from, to))
}

impl super::ArchiveIndex {
    /// `query` as tantivy runs it on this index (its own word tokenizer for the ranking words);
    /// `checked` as [`ArchiveQuery::to_tantivy`] takes it.
    pub(super) fn tantivy_query(
        &self,
        query: &ArchiveQuery,
        checked: bool,
    ) -> Result<Box<dyn Query>, super::IndexError> {
        let mut words = self
            .index
            .tokenizers()
            .get(super::tokens::WORDS)
            .ok_or_else(|| super::IndexError::Foreign {
                dir: self.dir.clone(),
            })?;
        Ok(query.to_tantivy(&self.fields, &mut words, checked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_exclusions() {
        let q = ArchiveQuery::parse("电力  \"供 应\" -衡阳 ＧＤＰ - -\"北 京\"");
        assert_eq!(q.terms, ["电力", "供应", "gdp", "-"]);
        assert_eq!(q.excluded, ["衡阳", "北京"]);
        let q = ArchiveQuery::parse("\"-衡阳\" -");
        assert_eq!(q.terms, ["-衡阳", "-"]);
    }

    #[test]
    fn filters() {
        let q = ArchiveQuery::parse("date:2020-02..2020-03 paper:人民日报 page:2..4 电力");
        let feb1 = IssueDate::new(2020, 2, 1).unwrap().unix_days();
        let mar31 = IssueDate::new(2020, 3, 31).unwrap().unix_days();
        assert_eq!(q.dates, Some((Some(feb1), Some(mar31))));
        assert_eq!(q.paper.as_deref(), Some("人民日报"));
        assert_eq!(q.pages, Some((2, 4)));
        assert_eq!(q.terms, ["电力"]);
        assert_eq!(
            ArchiveQuery::parse("date:2020-02..").dates,
            Some((Some(feb1), None))
        );
        let feb29 = IssueDate::new(2020, 2, 29).unwrap().unix_days();
        assert_eq!(
            ArchiveQuery::parse("date:2020-02").dates,
            Some((Some(feb1), Some(feb29)))
        );
    }

    #[test]
    fn unreadable_filters_are_words() {
        let q = ArchiveQuery::parse("date:soon page:x");
        assert_eq!(q.terms, ["date:soon", "page:x"]);
        assert!(q.dates.is_none() && q.pages.is_none());
    }

    #[test]
    fn quote_marks_alone_are_searched_for() {
        assert_eq!(ArchiveQuery::parse("“").terms, ["“"]);
        assert!(ArchiveQuery::parse("  ").is_empty());
    }
}
