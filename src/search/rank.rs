//! Ranking and keywords with jieba word segmentation: BM25 over the words of each article, and
//! TF-IDF keywords with a Chinese stop-word list, a word's rarity read from the frequencies of
//! jieba's own dictionary (jieba's separate IDF table costs 35 MB of memory; this, nothing).
//!
//! Loading the dictionary takes about 0.1 s, so the app builds a `Ranker` on a background
//! thread; search works without it (by substring) until it is ready.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::{Corpus, FIELD_SEPARATOR, Query};
use crate::model::Article;

/// BM25 parameters (the usual ones).
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A headline word counts as much as this many body words.
const HEADLINE_WEIGHT: u32 = 3;

/// Chinese stop words: jieba's own list is English only.
const STOP_WORDS: &str = include_str!("../../assets/stopwords.txt");

/// Word statistics of a corpus, and the segmenter that made them.
pub struct Ranker {
    /// Shared with the archive index's tokenizer: one dictionary per process.
    jieba: Arc<Jieba>,
    vocabulary: HashMap<String, u32>,
    /// Per article: (word id, count), sorted by id.
    doc_words: Vec<Vec<(u32, u32)>>,
    doc_len: Vec<u32>,
    doc_freq: Vec<u32>,
    average_len: f64,
}

impl std::fmt::Debug for Ranker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ranker")
            .field("articles", &self.doc_words.len())
            .finish_non_exhaustive()
    }
}

impl Ranker {
    /// Loads jieba and segments every article of `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let mut ranker = Self {
            jieba: Arc::new(Jieba::new()),
            vocabulary: HashMap::new(),
            doc_words: Vec::with_capacity(corpus.len()),
            doc_len: Vec::with_capacity(corpus.len()),
            doc_freq: Vec::new(),
            average_len: 0.0,
        };
        for (headline, body) in corpus.texts() {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            let mut len = 0;
            for (text, weight) in [(headline, HEADLINE_WEIGHT), (body, 1)] {
                for field in text.split(FIELD_SEPARATOR) {
                    for token in ranker.jieba.cut(field, false) {
                        if is_word(token.word) {
                            let id = ranker.word_id(token.word);
                            *counts.entry(id).or_default() += weight;
                            len += weight;
                        }
                    }
                }
            }
            let mut words: Vec<(u32, u32)> = counts.into_iter().collect();
            words.sort_unstable();
            for &(id, _) in &words {
                ranker.doc_freq[id as usize] += 1;
            }
            ranker.doc_words.push(words);
            ranker.doc_len.push(len);
        }
        let total: u64 = ranker.doc_len.iter().map(|&l| u64::from(l)).sum();
        ranker.average_len = total as f64 / ranker.doc_len.len().max(1) as f64;
        ranker
    }

    /// The dictionary, for the archive index to share.
    pub fn jieba(&self) -> Arc<Jieba> {
        Arc::clone(&self.jieba)
    }

    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = u32::try_from(self.vocabulary.len()).unwrap_or(u32::MAX);
        self.vocabulary.insert(word.to_owned(), id);
        self.doc_freq.push(0);
        id
    }

    /// The query's words, as jieba segments its terms (words no article has are dropped).
    pub fn query_words(&self, query: &Query) -> Vec<u32> {
        let mut ids: Vec<u32> = query
            .terms
            .iter()
            .flat_map(|t| self.jieba.cut_for_search(t, false))
            .filter_map(|token| self.vocabulary.get(token.word).copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// BM25 score of article `doc` (its index in the corpus) for `words`.
    pub fn score(&self, doc: usize, words: &[u32]) -> f64 {
        let (Some(doc_words), Some(&len)) = (self.doc_words.get(doc), self.doc_len.get(doc)) else {
            return 0.0;
        };
        let n = self.doc_words.len() as f64;
        let norm = K1 * (1.0 - B + B * f64::from(len) / self.average_len.max(1.0));
        words
            .iter()
            .filter_map(|&w| {
                let tf = f64::from(
                    doc_words
                        .binary_search_by_key(&w, |&(id, _)| id)
                        .ok()
                        .map(|i| doc_words[i].1)?,
                );
                let df = f64::from(self.doc_freq[w as usize]);
                let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                Some(idf * tf * (K1 + 1.0) / (tf + norm))
            })
            .sum()
    }

    /// Where the words of `text` start (byte offsets), for breaking headlines between words.
    pub fn word_starts(&self, text: &str) -> Vec<usize> {
        crate::typeset::words::word_starts(&self.jieba, text)
    }

    /// The article's top `count` keywords (TF-IDF), without stop words or numbers: words of
    /// two characters or more, weighed by how often the article uses them and how rare jieba's
    /// dictionary says they are.
    pub fn keywords(&self, article: &Article, count: usize) -> Vec<String> {
        let mut tf: HashMap<&str, u32> = HashMap::new();
        for text in std::iter::once(&article.title).chain(&article.paragraphs) {
            for token in self.jieba.cut(text, false) {
                let word = token.word;
                if word.chars().count() >= 2
                    && !STOP.contains(word)
                    && word
                        .chars()
                        .any(|c| !c.is_numeric() && !c.is_ascii_punctuation())
                    && is_word(word)
                {
                    *tf.entry(word).or_default() += 1;
                }
            }
        }
        let mut scored: Vec<(f64, &str)> = tf
            .into_iter()
            .map(|(word, n)| {
                // ln(total / frequency): a word jieba knows as common weighs little; one it
                // does not know gets the frequency its pieces suggest (rare, so heavy).
                let frequency = self.jieba.suggest_freq(word).max(1) as f64;
                (
                    f64::from(n) * (DICTIONARY_TOTAL.ln() - frequency.ln()),
                    word,
                )
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(count)
            .map(|(_, word)| word.to_owned())
            .collect()
    }
}

/// The sum of the frequencies in jieba's default dictionary (about 60 million).
const DICTIONARY_TOTAL: f64 = 60_101_967.0;

/// The stop words, as a set.
static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.split_whitespace().collect());

/// Tokens that are words: they hold a letter, digit or Han character.
fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Issue;

    fn issue(texts: &[(&str, &str)]) -> Vec<Issue> {
        let articles = texts
            .iter()
            .map(|(title, body)| Article {
                title: (*title).into(),
                paragraphs: vec![(*body).into()],
                ..Article::default()
            })
            .collect();
        vec![Issue {
            source: "t".into(),
            date: None,
            articles,
            ..Issue::default()
        }]
    }

    #[test]
    fn a_whole_word_query_ranks_articles_about_it_first() {
        let issues = issue(&[
            ("工作会议", "会议要求加大发电力度，做好各项工作。"),
            (
                "迎峰度夏",
                "电力公司保障电力供应，电力调度中心连夜值守，全市电力平稳。",
            ),
            ("简讯", "今年电力消费增长。其他工作照常。"),
        ]);
        let corpus = Corpus::new(&issues);
        let ranker = Ranker::new(&corpus);
        let hits = corpus.search(&issues, &Query::parse("电力"), Some(&ranker), usize::MAX);
        let order: Vec<usize> = hits.iter().map(|h| h.article).collect();
        assert_eq!(
            order.len(),
            3,
            "substring hits are all found, 发电力度 included"
        );
        assert_eq!(order[0], 1, "the article about electric power first");
        assert_eq!(order[2], 0, "the incidental substring last");
    }

    #[test]
    fn keywords_skip_stop_words_and_numbers() {
        let issues = issue(&[(
            "电力保障",
            "电力公司保障电力供应，电力调度中心连夜值守。我们的2021年电力供应平稳。",
        )]);
        let ranker = Ranker::new(&Corpus::new(&issues));
        let keywords = ranker.keywords(&issues[0].articles[0], 3);
        assert!(keywords.iter().any(|k| k.contains("电力")), "{keywords:?}");
        assert!(keywords.iter().all(|k| k != "我们" && k != "2021"));
    }
}
