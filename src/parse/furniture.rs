//! Page furniture: running headers and footers, page numbers, source lines, separators and
//! mastheads. They are never body text; what they state (paper, date, page) describes the issue.

use super::classify::{is_advert, is_han};
use crate::model::{FurnitureKind, IssueDate, PageRef};

/// The longest line (in characters) taken for a running header or a source line.
const MAX_FURNITURE_CHARS: usize = 72;

/// What a furniture line states about the issue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub paper: Option<String>,
    pub date: Option<IssueDate>,
    pub page: Option<PageRef>,
}

/// The furniture kind of `line` (trimmed), with what it states, and why it was recognised.
pub fn furniture(line: &str) -> Option<(FurnitureKind, Facts, &'static str)> {
    let line = line.trim();
    // No furniture line holds a full stop; most body lines do.
    if line.is_empty()
        || line.contains('。')
        || line.chars().filter(|c| !c.is_whitespace()).count() > MAX_FURNITURE_CHARS
    {
        return None;
    }
    if let Some(page) = page_number(line) {
        let facts = Facts {
            page: Some(PageRef {
                number: page,
                name: None,
            }),
            ..Facts::default()
        };
        return Some((FurnitureKind::PageNumber, facts, "a page number on its own"));
    }
    if is_advert(line) {
        return Some((
            FurnitureKind::Advert,
            Facts::default(),
            "an advertisement placeholder",
        ));
    }
    if is_separator(line) {
        return Some((
            FurnitureKind::Separator,
            Facts::default(),
            "a separator line",
        ));
    }
    if is_desk_credit(line) {
        return Some((
            FurnitureKind::SourceLine,
            Facts::default(),
            "the desk's credit (责编)",
        ));
    }
    if let Some(facts) = source_line(line) {
        return Some((
            FurnitureKind::SourceLine,
            facts,
            "a source line naming paper, date or page",
        ));
    }
    if line.contains(['。', '，', '！', '？', '；']) {
        return None;
    }
    let date = full_date(line);
    let page = page_ref(line).or_else(|| date.and(edge_page(line)));
    // A running head states a date or a page; without either, nothing more to look at.
    if date.is_none() && page.is_none() {
        return None;
    }
    let paper = paper_name(line);
    let weekday = line.contains("星期") || weekday_token(line);
    let desk = line.contains("责编") || line.contains("责任编辑") || line.contains("版式");
    let evidence = usize::from(paper.is_some())
        + usize::from(page.is_some())
        + usize::from(weekday)
        + usize::from(desk);
    if date.is_some() && evidence >= 1 || page.is_some() && (paper.is_some() || desk) {
        let facts = Facts { paper, date, page };
        return Some((
            FurnitureKind::RunningHead,
            facts,
            "a running head: date, paper, page, weekday",
        ));
    }
    None
}

/// A running head's page number standing alone at its start or end (`01 要闻 人民日报 …`,
/// `… 星期三 要闻 3`), with the page name next to it.
fn edge_page(line: &str) -> Option<PageRef> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let number = |t: &str| {
        let digits = t.trim_start_matches(|c: char| c.is_ascii_uppercase());
        (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u16>().ok())
            .flatten()
            .filter(|&n| n > 0)
    };
    let name = |t: Option<&&str>| {
        t.filter(|t| (2..=4).contains(&t.chars().count()) && t.chars().all(is_han))
            .filter(|t| !t.starts_with("星期") && !t.ends_with('报'))
            .map(|t| (*t).to_owned())
    };
    if let Some(n) = tokens.first().and_then(|t| number(t)) {
        return Some(PageRef {
            number: n,
            name: name(tokens.get(1)),
        });
    }
    let last = tokens.len().checked_sub(1)?;
    let n = number(tokens[last])?;
    Some(PageRef {
        number: n,
        name: name(last.checked_sub(1).and_then(|i| tokens.get(i))),
    })
}

/// A masthead line: the paper's name alone (`人民日报`), at the top of a dump.
pub fn masthead(line: &str) -> Option<String> {
    let line = line.trim();
    let name = paper_name(line)?;
    (name == line).then_some(name)
}

/// `第 3 页`, `第3版`, `— 3 —`, `- 12 -`, `3`, `Page 3`, `A3版`.
fn page_number(line: &str) -> Option<u16> {
    let inner =
        line.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·') || c.is_whitespace());
    let inner = inner
        .strip_prefix("Page")
        .or_else(|| inner.strip_prefix("page"))
        .unwrap_or(inner)
        .trim();
    let inner = inner.strip_prefix('第').unwrap_or(inner).trim_start();
    let inner = inner
        .strip_suffix('页')
        .or_else(|| inner.strip_suffix('版'))
        .unwrap_or(inner)
        .trim_end();
    let inner = inner.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if inner.is_empty() || inner.len() > 3 || !inner.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok().filter(|&n| n > 0)
}

fn is_separator(line: &str) -> bool {
    let chars = line.chars().filter(|c| !c.is_whitespace()).count();
    chars >= 3
        && line.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '=' | '-' | '*' | '_' | '~' | '─' | '━' | '＝' | '＊' | '#' | '+'
                )
        })
        || chars >= 6 && line.chars().all(|c| c == '—')
}

/// `（责编：杨光宇、李昉）`, `责任编辑：王蕾`: the editors of the page, set apart.
fn is_desk_credit(line: &str) -> bool {
    let bare = line.trim_start_matches(['（', '(', '[', '【']);
    ["责编", "责任编辑", "本版编辑", "编辑：", "美编", "校对"]
        .iter()
        .any(|l| bare.starts_with(l))
        && line.chars().count() <= 40
        && !line.contains('。')
}

/// `《光明日报》（2023年5月6日 第 03 版）`, `（来源：人民日报）`, `来源：新华社`, `原载《经济日报》`.
fn source_line(line: &str) -> Option<Facts> {
    let bare = line.trim_start_matches(['（', '(', '[', '【']);
    let bare = bare.trim_end_matches(['）', ')', ']', '】']);
    for label in [
        "来源：",
        "来源:",
        "稿件来源：",
        "文章来源：",
        "原载于",
        "原载",
        "转载自",
        "摘自",
    ] {
        if let Some(rest) = bare.strip_prefix(label) {
            let rest = rest.trim();
            if rest.chars().count() > 40 {
                return None;
            }
            let paper = quoted_paper(rest).or_else(|| paper_name(rest)).or_else(|| {
                let name: String = rest.chars().take_while(|&c| is_han(c)).collect();
                (!name.is_empty()).then_some(name)
            });
            return Some(Facts {
                paper,
                date: full_date(rest),
                page: page_ref(rest),
            });
        }
    }
    // `《光明日报》（2023年5月6日 第 03 版）`: a quoted paper and a date or page, nothing else.
    let paper = quoted_paper(line)?;
    let after = line.get(line.find('》')? + '》'.len_utf8()..)?.trim();
    let after = after.strip_prefix(['（', '('])?;
    let date = full_date(after);
    let page = page_ref(after);
    (line.starts_with('《') && (date.is_some() || page.is_some())).then_some(Facts {
        paper: Some(paper),
        date,
        page,
    })
}

fn quoted_paper(text: &str) -> Option<String> {
    let start = text.find('《')? + '《'.len_utf8();
    let end = start + text.get(start..)?.find('》')?;
    let name = text.get(start..end)?;
    is_paper(name).then(|| name.to_owned())
}

/// A paper's name in `text`: a run of Han characters ending in 报 (`光明日报`, `南方都市报`).
pub fn paper_name(text: &str) -> Option<String> {
    text.split(|c: char| !is_han(c))
        .map(|run| {
            // `光明日报社` / `报社`: the paper ends at 报.
            run.find('报')
                .map_or("", |at| run.get(..at + '报'.len_utf8()).unwrap_or(""))
        })
        .find(|run| is_paper(run))
        .map(str::to_owned)
}

fn is_paper(name: &str) -> bool {
    let n = name.chars().count();
    (2..=8).contains(&n)
        && name.ends_with('报')
        && name.chars().all(is_han)
        && ![
            "本报", "电报", "情报", "汇报", "举报", "通报", "预报", "快报", "简报", "日报",
        ]
        .contains(&name)
        || name.ends_with("日报") && n >= 3
}

fn weekday_token(line: &str) -> bool {
    [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天",
    ]
    .iter()
    .any(|w| line.split_whitespace().any(|t| t == *w))
}

/// `2023年5月6日`, `2023-05-06`, `2023.5.6`, `2023/05/06` anywhere in `text`.
pub fn full_date(text: &str) -> Option<IssueDate> {
    let chars: Vec<char> = text.chars().collect();
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let digits = chars
            .get(from..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 || digits > max {
            return None;
        }
        let value = chars[from..from + digits]
            .iter()
            .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
        Some((value, from + digits))
    };
    (0..chars.len()).find_map(|start| {
        if start > 0 && chars[start - 1].is_ascii_digit() {
            return None;
        }
        let (year, at) = number(start, 4).filter(|&(_, at)| at == start + 4)?;
        let sep = *chars.get(at)?;
        let (month, at) = number(at + 1, 2)?;
        let (day, at) = match sep {
            '年' if chars.get(at) == Some(&'月') => {
                number(at + 1, 2).filter(|&(_, e)| chars.get(e) == Some(&'日'))?
            }
            '-' | '.' | '/' if chars.get(at) == Some(&sep) => number(at + 1, 2)?,
            _ => return None,
        };
        if chars.get(at).is_some_and(char::is_ascii_digit) {
            return None;
        }
        IssueDate::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    })
}

/// The page a line names: `03版`, `第 3 版`, `A3版`, `第03版：要闻`, with a page name when one
/// stands next to it.
pub fn page_ref(text: &str) -> Option<PageRef> {
    let at = text.find('版')?;
    let before = text.get(..at)?.trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let number: u16 = digits.chars().rev().collect::<String>().parse().ok()?;
    let after = text
        .get(at + '版'.len_utf8()..)?
        .trim_start_matches([':', '：', ' ', '\u{3000}', '·', '_', '-']);
    let following: String = after.chars().take_while(|&c| is_han(c)).collect();
    let name = ((2..=6).contains(&following.chars().count())
        && !following.starts_with("星期")
        && !following.starts_with('责'))
    .then_some(following);
    (number > 0).then_some(PageRef { number, name })
}

/// The page a file name states: `20230506-03-01.txt` (date, page, article), `03版.txt`,
/// `第03版_要闻.txt`.
pub fn page_from_name(source: &str) -> Option<PageRef> {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let parts: Vec<&str> = stem.split(['-', '_']).collect();
    let dated = parts
        .iter()
        .position(|p| p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()));
    if let Some(at) = dated
        && let Some(page) = parts.get(at + 1)
        && (1..=3).contains(&page.len())
        && page.bytes().all(|b| b.is_ascii_digit())
    {
        let number = page.parse().ok().filter(|&n| n > 0)?;
        return Some(PageRef { number, name: None });
    }
    page_ref(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<FurnitureKind> {
        furniture(line).map(|(kind, _, _)| kind)
    }

    #[test]
    fn page_numbers() {
        for line in ["第 3 页", "— 3 —", "- 12 -", "3", "第3版", "A3版", "Page 7"] {
            assert_eq!(kind(line), Some(FurnitureKind::PageNumber), "{line}");
        }
        assert_eq!(kind("2023"), None);
        assert_eq!(kind("第三段"), None);
    }

    #[test]
    fn running_heads_state_paper_date_and_page() {
        let (found, facts, _) = furniture("光明日报 2023年5月6日 星期六 03版").unwrap();
        assert_eq!(found, FurnitureKind::RunningHead);
        assert_eq!(facts.paper.as_deref(), Some("光明日报"));
        assert_eq!(facts.date, IssueDate::new(2023, 5, 6));
        assert_eq!(facts.page.map(|p| p.number), Some(3));
        let (_, facts, _) = furniture("人民日报 2024年1月2日 第4版：要闻").unwrap();
        assert_eq!(
            facts.page,
            Some(PageRef {
                number: 4,
                name: Some("要闻".into())
            })
        );
        let (_, facts, _) = furniture("01 要闻 人民日报 2024年12月18日 星期三").unwrap();
        assert_eq!(
            facts.page,
            Some(PageRef {
                number: 1,
                name: Some("要闻".into())
            })
        );
        assert_eq!(kind("2023年5月6日，记者来到现场。"), None);
        assert_eq!(kind("稳步推进 扎实工作"), None);
    }

    #[test]
    fn source_lines() {
        let (found, facts, _) = furniture("《光明日报》（2023年5月6日 第 03 版）").unwrap();
        assert_eq!(found, FurnitureKind::SourceLine);
        assert_eq!(facts.paper.as_deref(), Some("光明日报"));
        assert_eq!(facts.page.map(|p| p.number), Some(3));
        assert_eq!(kind("（来源：人民日报）"), Some(FurnitureKind::SourceLine));
        assert_eq!(
            kind("（责编：杨光宇、李昉）"),
            Some(FurnitureKind::SourceLine)
        );
        assert_eq!(kind("《红楼梦》的故事"), None);
    }

    #[test]
    fn pages_in_file_names() {
        assert_eq!(
            page_from_name("x/20230506-03-01.txt").map(|p| p.number),
            Some(3)
        );
        assert_eq!(
            page_from_name("第04版_要闻.txt"),
            Some(PageRef {
                number: 4,
                name: Some("要闻".into())
            })
        );
        assert_eq!(page_from_name("20230506.txt"), None);
    }

    #[test]
    fn separators_and_mastheads() {
        assert_eq!(kind("=========="), Some(FurnitureKind::Separator));
        assert_eq!(kind("——"), None);
        assert_eq!(masthead("经济日报").as_deref(), Some("经济日报"));
        assert_eq!(masthead("本报讯"), None);
        assert_eq!(paper_name("南方都市报社主办"), Some("南方都市报".into()));
    }
}
