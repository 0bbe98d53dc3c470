//! Tokenizers for the archive index: character bigrams for recall, jieba words for ranking, and
//! the folding both share with the query side.
//!
//! Folding follows `search::fold` rule for rule (case, full-width forms, white space and
//! control characters ignored): the in-memory engine's `fold_char` is private to `search`, so
//! the rules are restated here and a test holds the two equal on the samples. Traditional
//! characters fold to simplified ([`crate::script::fold_han`]), so `復工` finds `复工`.

use std::sync::Arc;

use jieba_rs::Jieba;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// The name under which [`BigramTokenizer`] is registered.
pub const BIGRAMS: &str = "dubao_bigrams";
/// The name under which [`JiebaTokenizer`] followed by [`FoldFilter`] is registered.
pub const WORDS: &str = "dubao_words";

/// Separates paragraphs in an indexed field: no bigram and no phrase spans it.
pub const PARAGRAPH_BREAK: char = '\n';

/// The folded form of one character: lower case, half-width; `None` for white space and
/// control characters, which matching ignores.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() || c.is_control() {
        return None;
    }
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        c => c,
    };
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    Some(crate::script::fold_han(c))
}

/// `text` folded.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// Registers the two analyzers on `index`; done on every open (tantivy does not persist them).
pub fn register(index: &tantivy::Index, jieba: Arc<Jieba>) {
    let tokenizers = index.tokenizers();
    tokenizers.register(BIGRAMS, TextAnalyzer::from(BigramTokenizer::default()));
    tokenizers.register(
        WORDS,
        TextAnalyzer::builder(JiebaTokenizer { jieba })
            .filter(FoldFilter)
            .build(),
    );
}

/// Overlapping pairs of folded characters, plus the last character of each paragraph alone.
///
/// An occurrence of a query of n ≥ 2 folded characters is a run of n − 1 bigrams at
/// consecutive positions (a phrase query); an occurrence of one character `c` is either a
/// bigram starting with `c` or a paragraph's final `c` — so every substring the in-memory
/// engine finds, the index finds. Every character is paired, not only Han: `vid` must be
/// found inside `covid` as it is by substring matching. Characters are folded before they are
/// paired, because folding removes white space and so changes which characters are adjacent.
#[derive(Clone, Default)]
pub struct BigramTokenizer {
    tokens: Vec<Token>,
}

/// Iterates over tokens computed up front.
pub struct VecTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.tokens.clear();
        bigrams(text, &mut self.tokens);
        VecTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

/// Pushes the bigram tokens of `text` onto `out`.
fn bigrams(text: &str, out: &mut Vec<Token>) {
    // (folded char, byte start, byte end) of the previous character of the paragraph.
    let mut previous: Option<(char, usize, usize)> = None;
    let mut position = 0;
    let mut push = |text: String, from: usize, to: usize, position: &mut usize| {
        out.push(Token {
            offset_from: from,
            offset_to: to,
            position: *position,
            text,
            position_length: 1,
        });
        *position += 1;
    };
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if c == PARAGRAPH_BREAK {
            if let Some((p, from, to)) = previous.take() {
                push(p.to_string(), from, to, &mut position);
                // A gap: no phrase runs from one paragraph into the next.
                position += 1;
            }
            continue;
        }
        let Some(folded) = fold_char(c) else {
            continue;
        };
        if let Some((p, from, _)) = previous {
            push([p, folded].iter().collect(), from, end, &mut position);
        }
        previous = Some((folded, at, end));
    }
    if let Some((p, from, to)) = previous {
        push(p.to_string(), from, to, &mut position);
    }
}

/// The bigram terms of a folded query term, with their offsets: every other bigram and the
/// last, which cover the term with the fewest postings lists to intersect.
pub fn query_bigrams(folded: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < 2 {
        return Vec::new();
    }
    let last = chars.len() - 2;
    let mut offsets: Vec<usize> = (0..=last).step_by(2).collect();
    if offsets.last() != Some(&last) {
        offsets.push(last);
    }
    offsets
        .into_iter()
        .map(|i| (i, chars[i..i + 2].iter().collect()))
        .collect()
}

/// jieba words, for ranking only (recall comes from the bigrams).
#[derive(Clone)]
pub struct JiebaTokenizer {
    pub jieba: Arc<Jieba>,
}

/// Words of one text, computed up front.
pub struct WordStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let tokens = self
            .jieba
            .cut(text, false)
            .into_iter()
            .enumerate()
            .map(|(position, word)| Token {
                offset_from: word.byte_start,
                offset_to: word.byte_end,
                position,
                text: word.word.to_owned(),
                position_length: 1,
            })
            .collect();
        WordStream { tokens, next: 0 }
    }
}

/// Folds each token's text, dropping tokens that fold to nothing (white space, controls).
#[derive(Clone)]
pub struct FoldFilter;

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = FoldTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        FoldTokenizer(tokenizer)
    }
}

#[derive(Clone)]
pub struct FoldTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for FoldTokenizer<T> {
    type TokenStream<'a> = FoldStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldStream(self.0.token_stream(text))
    }
}

pub struct FoldStream<S>(S);

impl<S: TokenStream> TokenStream for FoldStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            let token = self.0.token_mut();
            let folded = fold(&token.text);
            if !folded.is_empty() {
                token.text = folded;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, usize)> {
        let mut tokens = Vec::new();
        bigrams(text, &mut tokens);
        tokens.into_iter().map(|t| (t.text, t.position)).collect()
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
    fn offsets_are_on_char_boundaries() {
        let text = "城南 ＧＤＰ 增长";
        let mut tokens = Vec::new();
        bigrams(text, &mut tokens);
        for t in tokens {
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        }
    }

    #[test]
    fn query_bigrams_cover_the_term() {
        assert_eq!(
            query_bigrams("abcde"),
            [(0, "ab".into()), (2, "cd".into()), (3, "de".into())]
        );
        assert_eq!(query_bigrams("ab"), [(0, "ab".into())]);
        assert!(query_bigrams("a").is_empty());
    }

    #[test]
    fn folding_is_the_search_engines() {
        for issue in crate::load::samples() {
            for article in issue.articles {
                for p in article.paragraphs {
                    assert_eq!(fold(&p), crate::search::fold(&p));
                }
            }
        }
        assert_eq!(fold("ＡＢＣ１２３ Gdp\u{3000}增长"), "abc123gdp增长");
        assert_eq!(fold("復工"), fold("复工"));
    }
}
