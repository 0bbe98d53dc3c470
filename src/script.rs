//! Simplified and traditional Chinese: converting text for display (`OpenCC`'s dictionaries,
//! through `ferrous-opencc`, Apache-2.0) and folding characters for search, so `復工` finds
//! `复工` and the other way round.
//!
//! Domain code: no terminal types. Converters load on first use (a few milliseconds each).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;

use crate::model::{Article, Issue};
use ferrous_opencc::config::BuiltinConfig;

/// How the text of an issue is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Script {
    /// As the file has it.
    #[default]
    Original,
    Simplified,
    /// Traditional characters, in `OpenCC`'s standard forms.
    Traditional,
    /// Traditional, with Taiwan's character forms.
    Taiwan,
    /// Traditional, with Hong Kong's character forms.
    HongKong,
}

impl Script {
    /// The script after this one when the reader toggles: original → simplified → the
    /// traditional variant the user chose → original.
    #[must_use]
    pub fn next(self, traditional: Self) -> Self {
        match self {
            Self::Original => Self::Simplified,
            Self::Simplified => traditional,
            Self::Traditional | Self::Taiwan | Self::HongKong => Self::Original,
        }
    }
}

/// The converters, each loaded the first time it is needed.
#[derive(Default)]
pub struct Converters {
    simplified: OnceLock<Option<OpenCC>>,
    traditional: OnceLock<Option<OpenCC>>,
    taiwan: OnceLock<Option<OpenCC>>,
    hong_kong: OnceLock<Option<OpenCC>>,
}

impl Converters {
    /// `text` in `script` (unchanged for `Original`, or if a dictionary failed to load).
    pub fn convert<'a>(&self, text: &'a str, script: Script) -> Cow<'a, str> {
        let (cell, config) = match script {
            Script::Original => return Cow::Borrowed(text),
            Script::Simplified => (&self.simplified, BuiltinConfig::T2s),
            Script::Traditional => (&self.traditional, BuiltinConfig::S2t),
            Script::Taiwan => (&self.taiwan, BuiltinConfig::S2tw),
            Script::HongKong => (&self.hong_kong, BuiltinConfig::S2hk),
        };
        match cell.get_or_init(|| OpenCC::from_config(config).ok()) {
            Some(converter) => Cow::Owned(converter.convert(text)),
            None => Cow::Borrowed(text),
        }
    }
}

/// The converters the whole program shares (each dictionary loads once, on first use).
pub fn converters() -> &'static Converters {
    static CONVERTERS: OnceLock<Converters> = OnceLock::new();
    CONVERTERS.get_or_init(Converters::default)
}

impl Converters {
    /// `article` with every text in `script` (its paragraphs one by one, so a paragraph keeps
    /// its index).
    pub fn article(&self, article: &Article, script: Script) -> Article {
        let convert = |text: &str| self.convert(text, script).into_owned();
        let optional = |text: &Option<String>| text.as_deref().map(convert);
        Article {
            rubric: optional(&article.rubric),
            kicker: optional(&article.kicker),
            title: convert(&article.title),
            subtitle: optional(&article.subtitle),
            bylines: article.bylines.iter().map(|b| convert(b)).collect(),
            dateline: optional(&article.dateline),
            paragraphs: article.paragraphs.iter().map(|p| convert(p)).collect(),
            ..article.clone()
        }
    }

    /// `issue` with every article in `script` (the rest as it is).
    pub fn issue(&self, issue: &Issue, script: Script) -> Issue {
        Issue {
            articles: issue
                .articles
                .iter()
                .map(|a| self.article(a, script))
                .collect(),
            paper: issue
                .paper
                .as_deref()
                .map(|p| self.convert(p, script).into_owned()),
            ..issue.clone()
        }
    }
}

/// Where character `char` of a text of `from` characters falls in the same text converted
/// to another script, of `to` characters: the same character when conversion kept the length
/// (nearly always: `OpenCC` converts character for character but for a few phrases), else the
/// same proportion of the way through.
pub fn map_char(char: usize, from: usize, to: usize) -> usize {
    if from == to || from == 0 {
        return char.min(to);
    }
    (char.saturating_mul(to) / from).min(to)
}

/// The blocks of ideographs the fold covers: CJK Extension A and the Unified Ideographs, and
/// the Compatibility Ideographs.
const FOLD_BLOCKS: [(char, char); 2] = [('\u{3400}', '\u{9fff}'), ('\u{f900}', '\u{faff}')];

/// The simplified form of a traditional character (`復` → `复`, `發` → `发`); any other
/// character as it is. One character for one, so byte ranges can be mapped back. Folding
/// twice gives what folding once does.
///
/// A lookup in a flat table (one slot per ideograph of [`FOLD_BLOCKS`]): search folds every
/// character of an archive with it.
pub fn fold_han(c: char) -> char {
    if c < FOLD_BLOCKS[0].0 {
        return c;
    }
    let mut offset = 0;
    for (first, last) in FOLD_BLOCKS {
        if (first..=last).contains(&c) {
            let slot = offset + (u32::from(c) - u32::from(first)) as usize;
            return fold_slots().get(slot).copied().unwrap_or(c);
        }
        offset += (u32::from(last) - u32::from(first) + 1) as usize;
    }
    c
}

/// Every ideograph of [`FOLD_BLOCKS`] folded, in order.
fn fold_slots() -> &'static [char] {
    static SLOTS: OnceLock<Vec<char>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let table = fold_table();
        FOLD_BLOCKS
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .map(|c| table.get(&c).copied().unwrap_or(c))
            .collect()
    })
}

/// The character table behind [`fold_han`]: every CJK ideograph `OpenCC`'s traditional →
/// simplified dictionary changes into a single other character (followed to its end when the
/// result changes again, so the fold is stable).
pub fn fold_table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let Ok(converter) = OpenCC::from_config(BuiltinConfig::T2s) else {
            return HashMap::new();
        };
        // One character a line, so no phrase spans two of them.
        let chars: Vec<char> = FOLD_BLOCKS
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .collect();
        let input: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let output = converter.convert(&input);
        let direct: HashMap<char, char> = chars
            .iter()
            .zip(output.split('\n'))
            .filter_map(|(&from, to)| {
                let mut to_chars = to.chars();
                match (to_chars.next(), to_chars.next()) {
                    (Some(to), None) if to != from => Some((from, to)),
                    _ => None,
                }
            })
            .collect();
        direct
            .iter()
            .map(|(&from, &first)| {
                let mut to = first;
                // A few steps at most; bounded in case the dictionary ever has a cycle.
                for _ in 0..4 {
                    match direct.get(&to) {
                        Some(&next) if next != from => to = next,
                        _ => break,
                    }
                }
                (from, to)
            })
            .filter(|&(from, to)| from != to)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_simplified_fold_together_both_ways() {
        let table = fold_table();
        assert!(table.len() >= 2000, "{} pairs", table.len());
        let converters = Converters::default();
        // Pairs from the conversion dictionary, in both directions.
        let mut pairs: Vec<(char, char)> = table
            .iter()
            .map(|(&t, &s)| (t, s))
            .filter(|(t, _)| ('\u{4e00}'..='\u{9fff}').contains(t))
            .collect();
        pairs.sort_unstable();
        let sample: Vec<(char, char)> = pairs.iter().copied().step_by(pairs.len() / 250).collect();
        assert!(sample.len() >= 200);
        let mut round_trips = 0;
        for &(traditional, simplified) in &sample {
            assert_eq!(fold_han(traditional), simplified);
            assert_eq!(
                fold_han(simplified),
                simplified,
                "{simplified} is simplified already"
            );
            // Simplified → traditional (one form of several, at times) folds back.
            let back = converters
                .convert(&simplified.to_string(), Script::Traditional)
                .into_owned();
            round_trips += usize::from(back.chars().all(|c| fold_han(c) == simplified));
        }
        assert!(
            round_trips * 100 >= sample.len() * 95,
            "{round_trips} of {}",
            sample.len()
        );
        for (t, s) in [
            ('復', '复'),
            ('發', '发'),
            ('電', '电'),
            ('報', '报'),
            ('東', '东'),
        ] {
            assert_eq!(fold_han(t), s);
        }
    }

    #[test]
    fn places_map_between_scripts() {
        assert_eq!(map_char(5, 10, 10), 5);
        assert_eq!(map_char(5, 10, 8), 4);
        assert_eq!(map_char(10, 10, 12), 12);
        assert_eq!(map_char(30, 10, 10), 10, "past the end: the end");
        assert_eq!(map_char(3, 0, 4), 3);
    }

    #[test]
    fn an_article_converts_paragraph_by_paragraph() {
        let article = Article {
            title: "发展电力".into(),
            paragraphs: vec!["各地有序复工。".into(), "经济发展".into()],
            ..Article::default()
        };
        let shown = converters().article(&article, Script::Traditional);
        assert_eq!(shown.title, "發展電力");
        assert_eq!(shown.paragraphs, ["各地有序復工。", "經濟發展"]);
        assert_eq!(converters().article(&shown, Script::Simplified), article);
    }

    #[test]
    fn text_converts_for_display() {
        let converters = Converters::default();
        assert_eq!(
            converters.convert("发展电力", Script::Traditional),
            "發展電力"
        );
        assert_eq!(
            converters.convert("發展電力", Script::Simplified),
            "发展电力"
        );
        assert_eq!(converters.convert("发展", Script::Original), "发展");
        assert_eq!(Script::Original.next(Script::Taiwan), Script::Simplified);
        assert_eq!(Script::Simplified.next(Script::Taiwan), Script::Taiwan);
        assert_eq!(Script::Taiwan.next(Script::Taiwan), Script::Original);
    }
}
