//! The word segmenter, shared: jieba's dictionary (one per process — the index's word
//! tokenizer shares it), keywords by TF-IDF with a Chinese stop-word list (a word's rarity read
//! from the frequencies of jieba's own dictionary: its separate IDF table costs 35 MB of
//! memory, this nothing), and word starts for breaking headlines between words.
//!
//! Loading the dictionary takes about 0.1 s, so the app loads it on a background thread.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::LazyLock;

use jieba_rs::Jieba;

use crate::model::Article;

/// Chinese stop words: jieba's own list is English only.
const STOP_WORDS: &str = include_str!("../../assets/stopwords.txt");

/// jieba's dictionary, loaded.
pub struct Dictionary {
    jieba: Arc<Jieba>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary").finish_non_exhaustive()
    }
}

impl Dictionary {
    /// Loads jieba's default dictionary.
    pub fn load() -> Self {
        Self {
            jieba: Arc::new(Jieba::new()),
        }
    }

    /// The dictionary, for the archive index to share.
    pub fn jieba(&self) -> Arc<Jieba> {
        Arc::clone(&self.jieba)
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

    #[test]
    fn keywords_skip_stop_words_and_numbers() {
        let article = Article {
            title: "电力保障".into(),
            paragraphs: vec![
                "电力公司保障电力供应，电力调度中心连夜值守。我们的2021年电力供应平稳。".into(),
            ],
            ..Article::default()
        };
        let keywords = Dictionary::load().keywords(&article, 3);
        assert!(keywords.iter().any(|k| k.contains("电力")), "{keywords:?}");
        assert!(keywords.iter().all(|k| k != "我们" && k != "2021"));
    }
}
