//! Where a line may break: UAX #14 opportunities (`unicode-linebreak`) tailored to the Chinese
//! line-breaking rules (CLREQ 禁则).
//!
//! Prohibitions always win over opportunities. On top of UAX #14 (Unicode 15.0): no line starts
//! with a closing or pause mark, a dash or an ellipsis; no line ends with an opening mark
//! (looking back across spaces, U+3000 included); `——` and `……` never split; breaks next to
//! quotation marks are allowed as Unicode 16 allows them.

use unicode_linebreak::linebreaks;

/// Marks that may not start a line: CLREQ's basic set, number suffixes, and (strict) dashes
/// and ellipses.
const NO_LINE_START: &[char] = &[
    '、', '，', '；', '：', '。', '！', '？', '”', '’', '）', '》', '〉', '」', '』', '】', '〕',
    '〗', '〙', '〛', '］', '｝', '．', '·', '・', '～', '／', '%', '‰', '℃', '°', '％', ',', '.',
    ';', ':', '!', '?', ')', ']', '}', '—', '⸺', '⸻', '…', '⋯', '–', '〜', '々', '〻',
];

/// Marks that may not end a line: opening quotes, brackets and book-title marks.
const NO_LINE_END: &[char] = &[
    '“', '‘', '（', '《', '〈', '「', '『', '【', '〔', '〖', '〘', '〚', '［', '｛', '(', '[', '{',
];

/// Marks that form one unbreakable unit when repeated (`——`, `……`).
const PAIRED: &[char] = &['—', '⸺', '⸻', '…', '⋯'];

/// Whether `grapheme` may not start a line.
pub fn no_line_start(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| NO_LINE_START.contains(&c))
}

/// Whether `grapheme` may not end a line.
pub fn no_line_end(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next_back()
        .is_some_and(|c| NO_LINE_END.contains(&c))
}

/// Whether two graphemes belong to one dash or ellipsis unit.
pub fn paired(left: &str, right: &str) -> bool {
    let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    PAIRED.contains(&l) && l == r
}

fn is_space(grapheme: &str) -> bool {
    grapheme.chars().all(char::is_whitespace)
}

/// For text split into `graphemes` (with their byte offsets), whether a break is allowed
/// before each grapheme. The first entry is always `false`.
pub fn break_opportunities(text: &str, graphemes: &[(usize, &str)]) -> Vec<bool> {
    let n = graphemes.len();
    let mut uax = vec![false; text.len() + 1];
    for (at, _) in linebreaks(text) {
        uax[at] = true;
    }
    let mut allowed = vec![false; n];
    // Index of the last non-space grapheme before each position, for looking back over spaces.
    let mut last_solid: Option<usize> = None;
    for i in 0..n {
        if i > 0 {
            let (at, g) = graphemes[i];
            let prev = graphemes[i - 1].1;
            let quote_break = quote_break(prev, g);
            let mut ok = uax[at] || quote_break;
            if no_line_start(g) || paired(prev, g) || is_space(g) {
                ok = false;
            }
            if last_solid.is_some_and(|j| no_line_end(graphemes[j].1)) {
                ok = false;
            }
            allowed[i] = ok;
        }
        if !is_space(graphemes[i].1) {
            last_solid = Some(i);
        }
    }
    allowed
}

/// Unicode 16's `LB19a`: quotation marks next to Chinese text do not glue the two together.
fn quote_break(prev: &str, next: &str) -> bool {
    let cjk = |g: &str| g.chars().next().is_some_and(is_wide_script);
    let closing = prev.ends_with(['”', '’']) && (cjk(next) || no_line_end(next));
    let opening = next.starts_with(['“', '‘']) && (cjk(prev) || no_line_start(prev));
    closing || opening
}

/// Han, kana, Hangul and full-width forms: scripts written without spaces between words.
fn is_wide_script(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3134f}')
}
