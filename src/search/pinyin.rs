//! Pinyin search: a term typed in Latin letters also finds Chinese text whose pinyin it spells,
//! in full or by initials (`fugong`, `fg` → 复工), every reading of a polyphone counted
//! (`ib-matcher`, MIT, with its own pinyin table).

use std::sync::OnceLock;

use ib_matcher::matcher::{IbMatcher, PinyinMatchConfig};
use ib_matcher::pinyin::{PinyinData, PinyinNotation};

/// Full pinyin without tones, and initials.
fn notations() -> PinyinNotation {
    PinyinNotation::Ascii | PinyinNotation::AsciiFirstLetter
}

/// The pinyin table, loaded once for every matcher.
fn data() -> &'static PinyinData {
    static DATA: OnceLock<PinyinData> = OnceLock::new();
    DATA.get_or_init(|| PinyinData::new(notations()))
}

/// Letters a term needs to be read as pinyin: one initial alone spells a twentieth of all
/// characters (`g` → 国, 个, 供, …), which would mark half of every paragraph.
const MIN_LETTERS: usize = 2;

/// Whether a folded term can be pinyin: two Latin letters or more.
pub fn is_pinyin(term: &str) -> bool {
    term.len() >= MIN_LETTERS && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// Finds the Chinese text a pinyin term spells.
pub struct Pinyin {
    matcher: IbMatcher<'static>,
}

impl std::fmt::Debug for Pinyin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pinyin").finish_non_exhaustive()
    }
}

impl Pinyin {
    /// A matcher for `term` (folded), if it can be pinyin.
    pub fn new(term: &str) -> Option<Self> {
        if !is_pinyin(term) {
            return None;
        }
        let config = PinyinMatchConfig::builder(notations()).data(data()).build();
        let matcher = IbMatcher::builder(term)
            // Letters as letters are the plain search's: here only what they spell.
            .plain(None)
            .pinyin(config)
            .build();
        Some(Self { matcher })
    }

    /// Whether `text` holds the Chinese the term spells.
    pub fn is_match(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }

    /// Every place the term's Chinese is in `text`, as byte ranges, in order, not overlapping.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(rest) = text.get(from..) {
            let Some(m) = self.matcher.find(rest) else {
                break;
            };
            let (start, end) = (from + m.start(), from + m.end());
            if end <= start {
                break;
            }
            found.push((start, end));
            from = end;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(term: &str, text: &'a str) -> Vec<&'a str> {
        Pinyin::new(term)
            .map(|p| p.find_all(text))
            .unwrap_or_default()
            .into_iter()
            .map(|(s, e)| text.get(s..e).unwrap_or_default())
            .collect()
    }

    #[test]
    fn full_pinyin_and_initials_find_the_word() {
        let text = "各地有序复工复产，经济发展";
        assert_eq!(found("fugong", text), ["复工"]);
        assert_eq!(found("fg", text), ["复工"]);
        assert_eq!(found("fugongfuchan", text), ["复工复产"]);
        assert_eq!(found("jjfz", text), ["经济发展"]);
        assert_eq!(found("fazhan", text), ["发展"]);
        assert!(found("beijing", text).is_empty());
    }

    #[test]
    fn every_reading_of_a_polyphone_counts() {
        // 行: xing (行动) and hang (银行); 重: zhong (重要) and chong (重庆).
        assert_eq!(found("yinhang", "中国银行"), ["银行"]);
        assert_eq!(found("xingdong", "统一行动"), ["行动"]);
        assert_eq!(found("chongqing", "重庆市"), ["重庆"]);
        assert_eq!(found("zhongyao", "重要讲话"), ["重要"]);
    }

    #[test]
    fn only_latin_letters_are_pinyin_and_letters_do_not_match_themselves() {
        assert!(Pinyin::new("复工").is_none());
        assert!(Pinyin::new("gdp2").is_none());
        assert!(Pinyin::new("").is_none());
        assert!(
            Pinyin::new("g").is_none(),
            "one initial is too many characters"
        );
        assert!(found("fg", "fg and FG").is_empty());
        let text = "复工复产";
        for (start, end) in Pinyin::new("fg")
            .map(|p| p.find_all(text))
            .unwrap_or_default()
        {
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
}
