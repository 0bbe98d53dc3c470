//! What a line of a newspaper dump looks like: a credit, a rubric, part of a headline, or body.
//!
//! Judged from the text alone (length, punctuation, leading role words), never from a list of
//! known headlines, so any paper with the usual mainland layout is read the same way.

/// The longest line (in characters) still taken for part of a headline.
const MAX_HEAD_CHARS: usize = 48;
/// The longest line (in characters) still taken for a credit line.
const MAX_CREDIT_CHARS: usize = 40;

/// Markers that open a byline in print (`■本报记者 王一鸣`).
const BYLINE_MARKERS: &[char] = &['■', '□', '●', '◆', '◇', '▲', '△', '★', '☆', '▶', '►'];

/// Words that open a credit, longest first so `本报记者` wins over `记者`.
const ROLE_WORDS: &[&str] = &[
    "本报特约通讯员",
    "本报特约记者",
    "本报首席记者",
    "本报实习记者",
    "本报见习记者",
    "本报通讯员",
    "本报评论员",
    "本报记者",
    "特约通讯员",
    "特约记者",
    "首席记者",
    "实习记者",
    "见习记者",
    "实习生",
    "通讯员",
    "评论员",
    "责任编辑",
    "记者",
    "编辑",
    "撰稿",
    "作者",
    "文/",
    "图/",
    "文图/",
    "文·图/",
];

/// Marks after which a sentence is complete; a paragraph ending in one of them is closed.
const SENTENCE_END: &[char] = &[
    '。', '！', '？', '!', '?', '…', '；', ';', '：', ':', '—', '.',
];
/// Closing quotes and brackets, looked through when finding how a paragraph ends.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', '\''];
/// Marks that cannot end a headline line (they end clauses of running text).
const CLAUSE_MARKS: &[char] = &['，', '、', '；', '。', ',', ';'];

/// Returns the credit in `line` without its byline marker, if the line is a credit.
///
/// Credits are short lines such as `■本报记者 王一鸣`, `通讯员 赵晓`, `本报记者 王一鸣 通讯员
/// 赵晓` or a photo credit `张三 摄`.
pub fn credit(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(|c: char| BYLINE_MARKERS.contains(&c) || c.is_whitespace());
    let marked = rest.len() != line.len();
    let chars = rest.chars().count();
    if rest.is_empty()
        || chars > MAX_CREDIT_CHARS
        || rest.contains(['，', '。', '；', '！', '？', ','])
    {
        return None;
    }
    if marked || rest.ends_with('摄') || is_name_list(rest) {
        Some(rest)
    } else {
        None
    }
}

/// `本报记者 王一鸣 通讯员 赵晓`: role words, each followed by one or more short names.
fn is_name_list(text: &str) -> bool {
    let mut seen_role = false;
    for token in text.split(|c: char| c.is_whitespace() || c == '、') {
        if token.is_empty() {
            continue;
        }
        // A name set apart by a space may have four characters; one written on to the role
        // word at most three, or `通讯员队伍建设` would pass.
        let (name, longest) = match ROLE_WORDS.iter().find(|role| token.starts_with(*role)) {
            Some(role) => {
                seen_role = true;
                (token.get(role.len()..).unwrap_or_default(), 3)
            }
            None if seen_role => (token, 4),
            None => return false,
        };
        if name.chars().count() > longest
            || !name
                .chars()
                .all(|c| is_han(c) || c == '·' || c == '：' || c == ':')
        {
            return false;
        }
    }
    seen_role
}

/// A rubric (栏目) set between dots or brackets: `·聚焦乡村振兴 建设美丽家园·`, `【深度】`.
pub fn is_rubric(line: &str) -> bool {
    const PAIRS: &[(char, char)] = &[
        ('·', '·'),
        ('•', '•'),
        ('・', '・'),
        ('【', '】'),
        ('◆', '◆'),
        ('〖', '〗'),
    ];
    let mut chars = line.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    line.chars().count() <= MAX_HEAD_CHARS
        && !line.contains('。')
        && PAIRS
            .iter()
            .any(|&(open, close)| first == open && last == close)
}

/// Whether a line (already trimmed) could be part of a headline: short, with no full stop, not
/// ending a clause.
pub fn is_head_like(line: &str) -> bool {
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    line.chars().count() <= MAX_HEAD_CHARS
        && !line.contains('。')
        && !CLAUSE_MARKS.contains(&last)
        && !matches!(last, '！' | '？' | '!' | '?')
}

/// Whether a paragraph stops mid-sentence, as when a print column ended inside it.
pub fn ends_open(paragraph: &str) -> bool {
    match paragraph.trim_end_matches(CLOSERS).chars().next_back() {
        Some(last) => !SENTENCE_END.contains(&last),
        None => false,
    }
}

/// CJK unified ideographs (with extension A and the compatibility block).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_bylines_are_credits_without_the_marker() {
        assert_eq!(credit("■本报记者 王一鸣"), Some("本报记者 王一鸣"));
        assert_eq!(credit("■ 文/图 张三"), Some("文/图 张三"));
    }

    #[test]
    fn unmarked_role_lines_are_credits() {
        assert_eq!(credit("通讯员 赵晓"), Some("通讯员 赵晓"));
        assert_eq!(
            credit("本报记者 王一鸣 通讯员 赵晓"),
            Some("本报记者 王一鸣 通讯员 赵晓")
        );
        assert_eq!(credit("记者王小明"), Some("记者王小明"));
        assert_eq!(credit("本报记者 李四 摄"), Some("本报记者 李四 摄"));
        assert_eq!(credit("张三 摄"), Some("张三 摄"));
    }

    #[test]
    fn sentences_that_start_with_a_role_word_are_not_credits() {
        assert_eq!(credit("记者从市发改委了解到"), None);
        assert_eq!(credit("记者了解到，今年全市新增就业一万人。"), None);
        assert_eq!(credit("通讯员队伍建设"), None);
    }

    #[test]
    fn rubrics_are_enclosed() {
        assert!(is_rubric("·聚焦乡村振兴 建设美丽家园·"));
        assert!(is_rubric("【深度】"));
        assert!(!is_rubric("·"));
        assert!(!is_rubric("聚焦乡村振兴"));
    }

    #[test]
    fn headline_lines_are_short_and_unpunctuated() {
        assert!(is_head_like("稳步推进 扎实工作 奋力夺取秋粮丰收"));
        assert!(is_head_like("某某同志在会上强调——"));
        assert!(is_head_like("给农户送上“及时雨”"));
        assert!(!is_head_like("副县长出席仪式。"));
        assert!(!is_head_like("环比分别下降3.2%、"));
        assert!(!is_head_like(&"很长".repeat(30)));
    }

    #[test]
    fn open_paragraphs_end_without_sentence_punctuation() {
        assert!(ends_open("加快推进项目建"));
        assert!(ends_open("分别下降3.2%、"));
        assert!(ends_open("是一片充满希望的沃"));
        assert!(!ends_open("安全有序。"));
        assert!(!ends_open("“明年还来吗？”"));
        assert!(!ends_open("他强调："));
        assert!(!ends_open(""));
    }
}
