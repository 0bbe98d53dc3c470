//! What a line of a newspaper dump looks like: a credit, a rubric, part of a headline, or body.
//!
//! Judged from the text alone (length, punctuation, leading role words), never from a list of
//! known headlines, so any paper with the usual mainland layout is read the same way.

/// The longest line (in characters) still taken for part of a headline.
const MAX_HEAD_CHARS: usize = 48;
/// The longest line (in characters) still taken for a credit line.
const MAX_CREDIT_CHARS: usize = 40;

use crate::model::BlockKind;

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
    "采写",
    "撰文",
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

/// Labels of lead boxes (导读): the label and the text under it are set off.
const LEAD_LABELS: &[&str] = &[
    "核心阅读",
    "导读",
    "内容提要",
    "阅读提示",
    "摘要",
    "提要",
    "本文导读",
];
/// Labels that open a sidebar of a story, set on a line of their own.
const SIDEBAR_LABELS: &[&str] = &[
    "记者手记",
    "编辑手记",
    "采访手记",
    "记者札记",
    "短评",
    "快评",
    "小评",
    "点评",
    "链接",
    "相关链接",
    "新闻链接",
    "延伸阅读",
    "背景",
    "新闻背景",
    "背景链接",
    "小贴士",
    "温馨提示",
    "知识链接",
    "相关阅读",
    "数据",
    "图解",
    "声音",
    "评论",
    "观察",
    "现场",
    "侧记",
    "花絮",
    "人物",
    "记者观察",
    "专家观点",
];
/// Words an advertisement placeholder consists of.
const ADVERT_WORDS: &[&str] = &[
    "广告",
    "公益广告",
    "广告专版",
    "分类广告",
    "广告版",
    "企业广告",
];

/// What a line on its own is when it is a label: a lead box or a sidebar label (plain or in
/// brackets: `【记者手记】`).
pub fn label_kind(line: &str) -> Option<BlockKind> {
    if line.len() > 64 {
        return None;
    }
    let bare = line
        .trim()
        .trim_start_matches(['【', '[', '〖', '■', '□', '●', '▲', '◆'])
        .trim_end_matches(['】', ']', '〗', '：', ':'])
        .trim();
    if LEAD_LABELS.contains(&bare) {
        Some(BlockKind::Lead)
    } else if SIDEBAR_LABELS.contains(&bare) {
        Some(BlockKind::SidebarLabel)
    } else {
        None
    }
}

/// An advertisement placeholder: `广告`, `（广告）`, `公益广告`.
pub fn is_advert(line: &str) -> bool {
    let bare = line
        .trim()
        .trim_matches(['（', '）', '(', ')', '【', '】', '[', ']', ' ', '\u{3000}']);
    ADVERT_WORDS.contains(&bare)
}

/// A photo credit: `新华社记者 李某摄`, `张三/摄`, `本报记者 李四摄（新华社发）`, `视觉中国供图`.
pub fn photo_credit(line: &str) -> bool {
    if line.len() > MAX_CREDIT_CHARS * 4 {
        return false;
    }
    let bare = line
        .trim()
        .trim_start_matches(BYLINE_MARKERS)
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    // `…摄（新华社发）`: the distributing agency after the photographer.
    let bare = bare
        .rsplit_once(['（', '('])
        .filter(|(_, tail)| {
            tail.ends_with('发') || tail.ends_with("供图") || tail.ends_with("提供")
        })
        .map_or(bare, |(head, _)| head)
        .trim_end_matches(['）', ')']);
    bare.chars().count() <= MAX_CREDIT_CHARS
        && !bare.contains(['。', '，', '；', '！', '？'])
        && (bare.ends_with('摄')
            || bare.ends_with("摄影")
            || bare.ends_with("供图")
            || bare.ends_with("制图")
            || bare.ends_with("绘图")
            || bare.ends_with("资料图片")
            || bare.starts_with("图/")
            || bare.starts_with("摄影/")
            || bare.starts_with("摄影：")
            || bare.starts_with("图片来源"))
}

/// A picture caption: `图为…`, `图①…`, `上图：…`.
pub fn is_caption(text: &str) -> bool {
    const STARTS: &[&str] = &[
        "图为",
        "上图",
        "下图",
        "左图",
        "右图",
        "图片说明",
        "题图",
        "组图",
        "图片为",
        "图中",
    ];
    let text = text.trim_start_matches(['（', '(']);
    STARTS.iter().any(|s| text.starts_with(s))
        || text.starts_with('图')
            && text.chars().nth(1).is_some_and(|c| {
                ('①'..='⑳').contains(&c) || c.is_ascii_digit() || c == '：' || c == ':'
            })
}

/// An editor's note: `编者按：…`, `【编者按】…`.
pub fn is_editors_note(text: &str) -> bool {
    let text = text.trim_start_matches(['【', '[', '（', '(']);
    text.starts_with("编者按") || text.starts_with("编者的话") || text.starts_with("编后")
}

/// A numbered subheading: `一、…`, `（一）…`, `1.…`, `第一部分`, short and unpunctuated.
pub fn is_numbered_heading(text: &str) -> bool {
    let numerals = "一二三四五六七八九十";
    let mut chars = text.chars();
    let first = chars.next();
    let numbered = match first {
        Some('（' | '(') => chars
            .next()
            .is_some_and(|c| numerals.contains(c) || c.is_ascii_digit()),
        Some(c) if numerals.contains(c) => text.chars().take(4).any(|c| c == '、' || c == '是'),
        Some(c) if c.is_ascii_digit() => {
            text.chars().take(4).any(|c| matches!(c, '、' | '.' | '．'))
        }
        _ => false,
    };
    numbered && is_head_like(text) && text.chars().count() <= 30
}

/// Returns the credit in `line` without its byline marker, if the line is a credit.
///
/// Credits are short lines such as `■本报记者 王一鸣`, `通讯员 赵晓`, `本报记者 王一鸣 通讯员
/// 赵晓` or a photo credit `张三 摄`.
pub fn credit(line: &str) -> Option<&str> {
    // Most lines are paragraphs, far longer than any credit: out before looking closer.
    if line.len() > MAX_CREDIT_CHARS * 4 || label_kind(line).is_some() || photo_credit(line) {
        return None;
    }
    let rest = line.trim_start_matches(|c: char| BYLINE_MARKERS.contains(&c) || c.is_whitespace());
    let marked = rest.len() != line.len();
    let chars = rest.chars().count();
    if rest.is_empty()
        || chars > MAX_CREDIT_CHARS
        || rest.contains(['，', '。', '；', '！', '？', ','])
    {
        return None;
    }
    if marked || is_name_list(rest) || is_team(rest) {
        Some(rest)
    } else {
        None
    }
}

/// `本报记者 王一鸣 通讯员 赵晓`: role words, each followed by one or more short names.
fn is_name_list(text: &str) -> bool {
    let mut seen_role = false;
    let mut named = false;
    for token in text.split(|c: char| c.is_whitespace() || c == '、') {
        if token.is_empty() {
            continue;
        }
        // A name set apart by a space may have four characters; one written on to the role
        // word at most three, or `通讯员队伍建设` would pass.
        let (name, longest) = match role_end(token) {
            Some(end) => {
                seen_role = true;
                let mut name = token.get(end..).unwrap_or_default();
                // `采写：南都记者钟欣`: a label, then the role.
                while let Some(end) = role_end(name.trim_start_matches(['：', ':'])) {
                    name = name
                        .trim_start_matches(['：', ':'])
                        .get(end..)
                        .unwrap_or_default();
                }
                (name.trim_start_matches(['：', ':']), 3)
            }
            None if seen_role => (token, 4),
            None => return false,
        };
        named |= !name.is_empty();
        if name.chars().count() > longest
            || !name
                .chars()
                .all(|c| is_han(c) || c == '·' || c == '：' || c == ':')
        {
            return false;
        }
    }
    // `本报评论员` names its author by the role alone.
    seen_role && (named || text.ends_with("评论员"))
}

/// Where the role word opening `token` ends: `记者王浩` → after `记者`. An agency or paper may
/// stand before it (`新华社记者`, `光明日报记者`, `本报驻京记者`).
fn role_end(token: &str) -> Option<usize> {
    if let Some(role) = ROLE_WORDS.iter().find(|role| token.starts_with(*role)) {
        return Some(role.len());
    }
    let at = token.find("记者").or_else(|| token.find("通讯员"))?;
    let prefix = token.get(..at)?;
    let chars = prefix.chars().count();
    // `新华社记者`, `光明日报记者`, `南都记者`; not `一名记者`.
    let agency = !prefix.starts_with([
        '一', '这', '那', '该', '女', '男', '老', '小', '名', '位', '个',
    ]);
    ((2..=8).contains(&chars) && prefix.chars().all(is_han) && agency).then(|| {
        at + if token.get(at..).is_some_and(|t| t.starts_with("记者")) {
            "记者".len()
        } else {
            "通讯员".len()
        }
    })
}

/// The name of a team that wrote a story: `南都民调中心`, `本报调研组`.
fn is_team(text: &str) -> bool {
    is_bare_name(text) && text.chars().filter(|c| !c.is_whitespace()).count() > 4
}

/// A byline that is a name alone (`金观平`, `李　舫`: two to four Han characters) or the name
/// of a team that wrote the story (`南都民调中心`, `本报调研组`).
pub fn is_bare_name(line: &str) -> bool {
    const TEAMS: &[&str] = &[
        "中心",
        "课题组",
        "调研组",
        "调查组",
        "采访组",
        "编辑部",
        "工作室",
        "评论员",
    ];
    let name: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let chars = name.chars().count();
    let han = name.chars().all(|c| is_han(c) || c == '·');
    let team = (3..=10).contains(&chars) && TEAMS.iter().any(|t| name.ends_with(t));
    han && ((2..=4).contains(&chars) || team) && label_kind(line).is_none()
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
        assert_eq!(
            credit("新华社记者 于文静 胡璐"),
            Some("新华社记者 于文静 胡璐")
        );
        assert_eq!(credit("作者：张占斌"), Some("作者：张占斌"));
        assert_eq!(credit("光明日报记者 李某"), Some("光明日报记者 李某"));
        assert_eq!(
            credit("南都记者吴单 通讯员穗交宣"),
            Some("南都记者吴单 通讯员穗交宣")
        );
        assert_eq!(credit("采写：南都记者 钟欣"), Some("采写：南都记者 钟欣"));
        assert_eq!(credit("一名记者"), None);
        assert_eq!(credit("本报记者 李四 摄"), None);
        assert_eq!(credit("记者手记"), None);
        assert!(photo_credit("新华社记者 李某摄"));
        assert!(photo_credit("本报记者 张三摄（新华社发）"));
        assert!(photo_credit("张三 摄"));
        assert!(!photo_credit("他拿起相机拍摄。"));
        assert_eq!(label_kind("【记者手记】"), Some(BlockKind::SidebarLabel));
        assert_eq!(label_kind("核心阅读"), Some(BlockKind::Lead));
        assert!(is_advert("广告"));
        assert!(is_caption("图为工人在施工。"));
        assert!(is_numbered_heading("一、坚持稳中求进"));
        assert!(!is_numbered_heading("一个人的坚守"));
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
