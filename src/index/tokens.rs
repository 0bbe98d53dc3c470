//! Tokenizers for the archive index: character bigrams for recall, jieba words for ranking, and
//! the folding both share with the query side.
//!
//! Folding is the search's ([`crate::search::fold`]: case, full-width forms, white space and
//! control characters ignored, traditional characters to simplified, so `復工` finds `复工`):
//! in-article matches and the index fold alike.

use std::sync::{Arc, LazyLock};

use jieba_rs::Jieba;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// The name under which [`BigramTokenizer`] is registered.
pub const BIGRAMS: &str = "dubao_bigrams";
/// The name under which [`JiebaTokenizer`] is registered.
pub const WORDS: &str = "dubao_words";

/// Separates paragraphs in an indexed field: no bigram spans it.
pub const PARAGRAPH_BREAK: char = '\n';

use crate::search::fold_char;

/// jieba's dictionary for the word tokenizer: the app's own, or one still loading on a thread
/// of its own (so `dubao search` lists the folder meanwhile), waited for when the first text is
/// cut into words.
#[derive(Clone)]
pub struct Words(Arc<LazyLock<Arc<Jieba>, Load>>);

type Load = Box<dyn FnOnce() -> Arc<Jieba> + Send>;

impl Words {
    /// A dictionary loaded from now on, on another thread.
    pub fn loading() -> Self {
        let loading = std::thread::spawn(|| Arc::new(Jieba::new()));
        Self(Arc::new(LazyLock::new(Box::new(move || {
            loading.join().unwrap_or_else(|_| Arc::new(Jieba::new()))
        }))))
    }

    fn get(&self) -> &Jieba {
        &self.0
    }
}

impl From<Arc<Jieba>> for Words {
    fn from(jieba: Arc<Jieba>) -> Self {
        Self(Arc::new(LazyLock::new(Box::new(move || jieba))))
    }
}

/// Registers the two analyzers on `index`; done on every open (tantivy does not persist them).
pub fn register(index: &tantivy::Index, jieba: Words) {
    let tokenizers = index.tokenizers();
    tokenizers.register(BIGRAMS, TextAnalyzer::from(BigramTokenizer));
    tokenizers.register(WORDS, TextAnalyzer::from(JiebaTokenizer::new(jieba)));
}

/// Overlapping pairs of folded characters, plus the last character of each paragraph alone.
///
/// A document holding a query of n ≥ 2 folded characters holds its n − 1 bigrams (the index
/// keeps no positions: a document holding them apart is told from one holding the query on its
/// stored text); one holding one character `c` holds a bigram starting with `c` or ends a
/// paragraph with `c` — so every article holding the query is found. Every character is
/// paired, not only Han: `vid` must be found inside `covid` as it is by substring matching.
/// Characters are folded before they are paired, because folding removes white space and so
/// changes which characters are adjacent.
#[derive(Clone, Default)]
pub struct BigramTokenizer;

/// The bigrams of one text, made one at a time in a single reused token (no allocation per
/// token: a text has as many tokens as characters).
pub struct BigramStream<'a> {
    chars: std::str::CharIndices<'a>,
    /// (folded char, byte start, byte end) of the previous character of the paragraph.
    previous: Option<(char, usize, usize)>,
    /// The next position; the first token gets 0.
    position: usize,
    token: Token,
    done: bool,
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = BigramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BigramStream {
            chars: text.char_indices(),
            previous: None,
            position: 0,
            token: Token::default(),
            done: false,
        }
    }
}

impl BigramStream<'_> {
    fn emit(&mut self, text: &[char], from: usize, to: usize) {
        self.token.text.clear();
        self.token.text.extend(text);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.position;
        self.position += 1;
    }
}

impl TokenStream for BigramStream<'_> {
    fn advance(&mut self) -> bool {
        if self.done {
            return false;
        }
        while let Some((at, c)) = self.chars.next() {
            let end = at + c.len_utf8();
            if c == PARAGRAPH_BREAK {
                if let Some((p, from, to)) = self.previous.take() {
                    self.emit(&[p], from, to);
                    // A gap: no phrase runs from one paragraph into the next.
                    self.position += 1;
                    return true;
                }
                continue;
            }
            let Some(folded) = fold_char(c) else {
                continue;
            };
            let previous = self.previous.replace((folded, at, end));
            if let Some((p, from, _)) = previous {
                self.emit(&[p, folded], from, end);
                return true;
            }
        }
        self.done = true;
        if let Some((p, from, to)) = self.previous.take() {
            self.emit(&[p], from, to);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The distinct bigrams of a folded query term: a document holding the term holds them all.
pub fn query_bigrams(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    let mut seen = std::collections::HashSet::new();
    chars
        .windows(2)
        .filter(|pair| seen.insert(*pair))
        .map(|pair| pair.iter().collect())
        .collect()
}

/// jieba words, for ranking only (recall comes from the bigrams).
///
/// The text is folded before it is cut (`ＧＤＰ` is one word, `gdp`, as in a folded query; cut
/// as it is, it would be three letters), white space kept as a boundary; tokens without a
/// letter, digit or Han character (white space, punctuation) are dropped.
#[derive(Clone)]
pub struct JiebaTokenizer {
    jieba: Words,
    /// The folded text, and the original byte offset of each of its characters.
    folded: String,
    starts: Vec<usize>,
}

impl JiebaTokenizer {
    pub fn new(jieba: impl Into<Words>) -> Self {
        Self {
            jieba: jieba.into(),
            folded: String::new(),
            starts: Vec::new(),
        }
    }
}

/// The words of one text: jieba's ranges, turned into the token one at a time.
pub struct WordStream<'a> {
    folded: &'a str,
    /// Byte range in the folded text, byte range in the original.
    words: std::vec::IntoIter<((usize, usize), (usize, usize))>,
    position: usize,
    token: Token,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        // Words only: white space (what folded away) and punctuation rank nothing, and are
        // a sixth of jieba's tokens.
        let (word, (offset_from, offset_to)) = loop {
            let Some(((from, to), offsets)) = self.words.next() else {
                return false;
            };
            let word = self.folded.get(from..to).unwrap_or_default();
            if word.chars().any(char::is_alphanumeric) {
                break (word, offsets);
            }
        };
        self.token.text.clear();
        self.token.text.push_str(word);
        self.token.offset_from = offset_from;
        self.token.offset_to = offset_to;
        self.token.position = self.position;
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.folded.clear();
        self.starts.clear();
        for (at, c) in text.char_indices() {
            // One character for one, so jieba's character positions map back.
            self.folded.push(fold_char(c).unwrap_or(' '));
            self.starts.push(at);
        }
        self.starts.push(text.len());
        let starts = &self.starts;
        let original = |char_idx: usize| starts.get(char_idx).copied().unwrap_or(text.len());
        let words: Vec<_> = self
            .jieba
            .get()
            .cut(&self.folded, false)
            .into_iter()
            .map(|w| {
                (
                    (w.byte_start, w.byte_end),
                    (original(w.start), original(w.end)),
                )
            })
            .collect();
        WordStream {
            folded: &self.folded,
            words: words.into_iter(),
            position: 0,
            token: Token::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        let mut tokenizer = BigramTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.clone());
        }
        out
    }

    fn texts(text: &str) -> Vec<(String, usize)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.text, t.position))
            .collect()
    }

    #[test]
    fn bigrams_fold_and_stop_at_paragraphs() {
        let pairs = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|&(t, p)| (t.to_owned(), p)).collect()
        };
        assert_eq!(
            texts("电 力Ａ\n供"),
            pairs(&[("电力", 0), ("力a", 1), ("a", 2), ("供", 4)])
        );
        assert!(texts(" \n ").is_empty());
    }

    #[test]
    fn words_are_folded_and_white_space_and_punctuation_dropped() {
        let words = |jieba: Words| {
            let mut analyzer = TextAnalyzer::from(JiebaTokenizer::new(jieba));
            let mut stream = analyzer.token_stream("电力 供应\u{3000}ＧＤＰ，增长。");
            let mut words = Vec::new();
            while let Some(t) = stream.next() {
                words.push(t.text.clone());
            }
            words
        };
        let shared = words(Arc::new(Jieba::new()).into());
        assert!(shared.iter().any(|w| w == "电力"), "{shared:?}");
        assert!(shared.iter().any(|w| w == "gdp"), "{shared:?}");
        assert!(
            shared.iter().all(|w| w.chars().any(char::is_alphanumeric)),
            "{shared:?}"
        );
        // A dictionary still loading is waited for, and cuts alike.
        assert_eq!(words(Words::loading()), shared);
    }

    #[test]
    fn offsets_are_on_char_boundaries() {
        let text = "城南 ＧＤＰ 增长";
        for t in tokens(text) {
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        }
    }

    #[test]
    fn query_bigrams_are_every_pair_once() {
        assert_eq!(query_bigrams("abcab"), ["ab", "bc", "ca"]);
        assert_eq!(query_bigrams("ab"), ["ab"]);
        assert!(query_bigrams("a").is_empty());
    }
}
