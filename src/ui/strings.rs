//! Every label the user sees, in one place.

use crate::app::keymap::Keymap;
use crate::app::{Action, Notice};
use crate::model::Issue;

pub const APP_NAME: &str = "读报";
pub const TOO_SMALL: &str = "窗口太小 too small";
pub const NO_ARTICLES: &str = "（本期没有文章 no articles）";
pub const LOADING_ISSUE: &str = "（加载中 loading…）";
pub const LOADING_LIBRARY: &str = "报纸加载中 loading the library…";
pub const HELP_TITLE: &str = " 按键 Keys ";
pub const ISSUES_TITLE: &str = "已打开的报纸 Open issues";
pub const MODE_FRONT: &str = "头版";
pub const MODE_READER: &str = "阅读";
pub const MODE_ISSUES: &str = "报纸";
pub const MODE_RESULTS: &str = "搜索";
pub const KEYWORDS: &str = "关键词";
pub const NO_SEARCH: &str = "没有搜索 no search: press /";
pub const LOADING: &str = "词典加载中 loading the dictionary…";

pub const BOOKMARKS: &str = "书签 Bookmarks";

/// What a notice from the app says.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::Measure(columns) => measure(*columns),
        Notice::Bookmarked(true) => "已加书签 bookmarked".to_owned(),
        Notice::Bookmarked(false) => "已取消书签 bookmark removed".to_owned(),
        Notice::NotFound(query) => not_found(query),
        Notice::NoIssueOn(date) => no_issue_on(date),
        Notice::NoSearch => NO_SEARCH.to_owned(),
        Notice::DictionaryLoading => LOADING.to_owned(),
        Notice::SaveFailed { path, error } => format!("{}: {error}", path.display()),
        Notice::Warning(text) => text.clone(),
    }
}

/// The keywords line under a headline: `关键词 1 电力  2 供应`.
pub fn keywords(words: &[String]) -> String {
    let numbered: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, k)| format!("{} {k}", i + 1))
        .collect();
    format!("{KEYWORDS} {}", numbered.join("  "))
}

/// `3 未读`.
pub fn unread(count: usize) -> String {
    format!("{count} 未读")
}

/// `:2021-07-18` found nothing.
pub fn no_issue_on(date: &str) -> String {
    format!("没有这一天的报纸 no issue dated {date:?} (YYYY-MM-DD)")
}

/// `找不到 “电力”`.
pub fn not_found(query: &str) -> String {
    format!("找不到 not found: {query}")
}

/// `3/12`: the current match of all.
pub fn match_counter(current: usize, count: usize) -> String {
    format!("{}/{count}", current + 1)
}

/// `搜索 “电力”：12 篇`.
pub fn results_title(query: &str, count: usize) -> String {
    format!("搜索 “{query}”：{count} 篇 found")
}

/// `版心 60 列`: the measure after `+`/`-`.
pub fn measure(columns: usize) -> String {
    format!("版心 {columns} 列 measure {columns}")
}

/// `第 3/8 篇`.
pub fn article_counter(index: usize, count: usize) -> String {
    format!("第 {}/{count} 篇", index + 1)
}

/// `第 2/5 期`.
pub fn issue_counter(index: usize, count: usize) -> String {
    format!("第 {}/{count} 期", index + 1)
}

/// `12 篇`.
pub fn article_count(count: usize) -> String {
    format!("{count} 篇")
}

/// What the masthead says of an issue and its article: paper · date · weekday · page, with
/// the date said to be unknown when the text states none.
pub fn issue_masthead(issue: &Issue, page: Option<&crate::model::PageRef>) -> Vec<String> {
    const WEEKDAYS: [&str; 7] = [
        "星期日",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
    ];
    let mut parts = Vec::new();
    parts.extend(issue.paper.clone());
    if let Some(date) = issue.date {
        parts.push(date.to_string());
        parts.push(WEEKDAYS[usize::from(date.weekday() % 7)].to_owned());
    } else {
        if issue.paper.is_none() {
            parts.push(issue_name(issue));
        }
        parts.push("日期不详".to_owned());
    }
    if let Some(page) = page {
        let name = page
            .name
            .as_deref()
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        parts.push(format!("第{}版{name}", page.number));
    }
    parts
}

/// A short name for an issue: its date, else its file name without folder or extension.
pub fn issue_name(issue: &Issue) -> String {
    if let Some(date) = issue.date {
        return date.to_string();
    }
    let source = issue
        .source
        .strip_prefix("embedded:")
        .unwrap_or(&issue.source);
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    name.strip_suffix(".txt").unwrap_or(name).to_owned()
}

/// Status-line hints, each key taken from the live keymap.
pub fn hints(keymap: &Keymap, reading: bool) -> String {
    let pairs: &[(Action, &str)] = if reading {
        &[
            (Action::NextArticle, "下一篇"),
            (Action::Back, "返回"),
            (Action::Help, "帮助"),
        ]
    } else {
        &[
            (Action::Open, "打开"),
            (Action::NextArticle, "下一篇"),
            (Action::Help, "帮助"),
            (Action::Quit, "退出"),
        ]
    };
    pairs
        .iter()
        .filter_map(|(action, label)| keymap.label(action).map(|key| format!("{key} {label}")))
        .collect::<Vec<_>>()
        .join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_words() {
        let notices = [
            Notice::Measure(60),
            Notice::Bookmarked(true),
            Notice::Bookmarked(false),
            Notice::NotFound("电力".into()),
            Notice::NoIssueOn("1999-01-01".into()),
            Notice::NoSearch,
            Notice::DictionaryLoading,
            Notice::SaveFailed {
                path: "/tmp/state.json".into(),
                error: "disk full".into(),
            },
            Notice::Warning("config.toml: line 2".into()),
        ];
        let words: Vec<String> = notices.iter().map(notice).collect();
        assert!(words.iter().all(|w| !w.is_empty()));
        assert_eq!(words[0], "版心 60 列 measure 60");
        assert!(words[3].contains("电力") && words[4].contains("1999-01-01"));
        assert_eq!(words[7], "/tmp/state.json: disk full");
    }
}
