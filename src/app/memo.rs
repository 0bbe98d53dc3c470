//! A memo of what `update` and the views ask for many times per key press: the open article's
//! keywords (TF-IDF, the costly part) and its layout for the reading pane.
//!
//! A cache only — what it returns is always what computing afresh would return — so it lives
//! behind `RefCell` in an otherwise read-only `&AppState`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::typeset::{ArticleLine, Options};

/// What the keywords depend on: the issues, the article and the ranker (by identity).
pub type KeywordsKey = (usize, usize, usize, usize);
/// What the layout depends on besides the keywords: the pane's width and the options.
pub type LinesKey = (KeywordsKey, u16, Options);

#[derive(Debug, Clone, Default)]
pub struct Memo {
    keywords: RefCell<Option<(KeywordsKey, Rc<Vec<String>>)>>,
    lines: RefCell<Option<(LinesKey, Rc<Vec<ArticleLine>>)>>,
}

impl Memo {
    /// The keywords for `key`, computed by `compute` only when `key` changed.
    pub fn keywords(
        &self,
        key: KeywordsKey,
        compute: impl FnOnce() -> Vec<String>,
    ) -> Rc<Vec<String>> {
        remember(&self.keywords, key, compute)
    }

    /// The layout for `key`, computed by `compute` only when `key` changed.
    pub fn lines(
        &self,
        key: LinesKey,
        compute: impl FnOnce() -> Vec<ArticleLine>,
    ) -> Rc<Vec<ArticleLine>> {
        remember(&self.lines, key, compute)
    }
}

fn remember<K: PartialEq, V>(
    slot: &RefCell<Option<(K, Rc<V>)>>,
    key: K,
    compute: impl FnOnce() -> V,
) -> Rc<V> {
    if let Some((known, value)) = &*slot.borrow()
        && *known == key
    {
        return Rc::clone(value);
    }
    let value = Rc::new(compute());
    *slot.borrow_mut() = Some((key, Rc::clone(&value)));
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_key() {
        let memo = Memo::default();
        let mut calls = 0;
        for key in [(1, 2, 3, 4), (1, 2, 3, 4), (1, 2, 3, 5), (1, 2, 3, 5)] {
            memo.keywords(key, || {
                calls += 1;
                vec![format!("{key:?}")]
            });
        }
        assert_eq!(calls, 2);
        assert_eq!(*memo.keywords((1, 2, 3, 5), Vec::new), ["(1, 2, 3, 5)"]);
    }
}
