//! Every word the user sees, in one table per language: Chinese by default, English with
//! `language = "en"`. Views take their words from [`words`]; the app's notices are put into
//! words by [`notice`]. (The key descriptions of the help are the keymap's, in both languages.)

use crate::app::keymap::Keymap;
use crate::app::{Action, CopyKind, CopyVia, Language, Notice};
use crate::model::{Article, BlockKind, Issue, PageRef};
use crate::script::Script;
use crate::trend::Period;
use crate::trend::chart::Labels;

/// The fixed words of one language.
#[derive(Debug)]
pub struct Words {
    pub app_name: &'static str,
    pub too_small: &'static str,
    pub no_articles: &'static str,
    pub loading_issue: &'static str,
    pub loading_library: &'static str,
    pub help_title: &'static str,
    pub issues_title: &'static str,
    pub mode_front: &'static str,
    pub mode_reader: &'static str,
    pub mode_issues: &'static str,
    pub mode_results: &'static str,
    pub mode_bookmarks: &'static str,
    pub mode_trend: &'static str,
    pub keywords: &'static str,
    pub no_search: &'static str,
    pub loading: &'static str,
    pub bookmarks: &'static str,
    pub date_unknown: &'static str,
    pub weekdays: [&'static str; 7],
    /// Status-line hints: open, next article, back, help, quit.
    pub hint_open: &'static str,
    pub hint_next: &'static str,
    pub hint_back: &'static str,
    pub hint_help: &'static str,
    pub hint_quit: &'static str,
    pub bookmarked: &'static str,
    pub bookmark_removed: &'static str,
    pub marked_read: &'static str,
    pub marked_unread: &'static str,
    pub last_article: &'static str,
    pub first_article: &'static str,
    pub last_issue: &'static str,
    pub first_issue: &'static str,
    pub clipboard_off: &'static str,
    pub copy_failed: &'static str,
    /// What was copied: a paragraph, the article, a citation.
    pub copied: [&'static str; 3],
    pub via_osc52: &'static str,
    pub via_tmux: &'static str,
}

/// 中文（默认）.
pub const ZH: Words = Words {
    app_name: "读报",
    too_small: "窗口太小",
    no_articles: "（本期没有文章）",
    loading_issue: "（加载中…）",
    loading_library: "报纸加载中…",
    help_title: " 按键 ",
    issues_title: "已打开的报纸",
    mode_front: "头版",
    mode_reader: "阅读",
    mode_issues: "报纸",
    mode_results: "搜索",
    mode_bookmarks: "书签",
    mode_trend: "趋势",
    keywords: "关键词",
    no_search: "没有搜索：按 / 搜索",
    loading: "词典和索引加载中…",
    bookmarks: "书签",
    date_unknown: "日期不详",
    weekdays: [
        "星期日",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
    ],
    hint_open: "打开",
    hint_next: "下一篇",
    hint_back: "返回",
    hint_help: "帮助",
    hint_quit: "退出",
    bookmarked: "已加书签",
    bookmark_removed: "已取消书签",
    marked_read: "已标为已读",
    marked_unread: "已标为未读",
    last_article: "已是最后一篇",
    first_article: "已是第一篇",
    last_issue: "已是最后一期",
    first_issue: "已是第一期",
    clipboard_off: "剪贴板已关闭（配置 clipboard = \"off\"）",
    copy_failed: "复制失败",
    copied: ["已复制段落", "已复制全文", "已复制引文"],
    via_osc52: "终端剪贴板",
    via_tmux: "tmux 缓冲区",
};

/// English (`language = "en"`).
pub const EN: Words = Words {
    app_name: "dubao",
    too_small: "window too small",
    no_articles: "(no articles in this issue)",
    loading_issue: "(loading…)",
    loading_library: "loading the library…",
    help_title: " Keys ",
    issues_title: "Open issues",
    mode_front: "front",
    mode_reader: "article",
    mode_issues: "issues",
    mode_results: "search",
    mode_bookmarks: "bookmarks",
    mode_trend: "trend",
    keywords: "keywords",
    no_search: "no search: press /",
    loading: "loading the dictionary and index…",
    bookmarks: "Bookmarks",
    date_unknown: "date unknown",
    weekdays: [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ],
    hint_open: "open",
    hint_next: "next",
    hint_back: "back",
    hint_help: "help",
    hint_quit: "quit",
    bookmarked: "bookmarked",
    bookmark_removed: "bookmark removed",
    marked_read: "marked read",
    marked_unread: "marked unread",
    last_article: "this is the last article",
    first_article: "this is the first article",
    last_issue: "this is the last issue",
    first_issue: "this is the first issue",
    clipboard_off: "the clipboard is off (clipboard = \"off\" in the configuration)",
    copy_failed: "copy failed",
    copied: [
        "copied the paragraph",
        "copied the article",
        "copied a citation",
    ],
    via_osc52: "terminal clipboard",
    via_tmux: "tmux buffer",
};

/// The words of `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    }
}

/// What a notice from the app says.
pub fn notice(language: Language, notice: &Notice) -> String {
    let w = words(language);
    let en = language == Language::En;
    match notice {
        Notice::Measure(columns) if en => format!("measure {columns} columns"),
        Notice::Measure(columns) => format!("版心 {columns} 列"),
        Notice::Bookmarked(true) => w.bookmarked.to_owned(),
        Notice::Bookmarked(false) => w.bookmark_removed.to_owned(),
        Notice::Read(true) => w.marked_read.to_owned(),
        Notice::Read(false) => w.marked_unread.to_owned(),
        Notice::IssueRead(count) if en => format!("the whole issue is read ({count} newly marked)"),
        Notice::IssueRead(count) => format!("整期已读（新标 {count} 篇）"),
        Notice::LastArticle => w.last_article.to_owned(),
        Notice::FirstArticle => w.first_article.to_owned(),
        Notice::LastIssue => w.last_issue.to_owned(),
        Notice::FirstIssue => w.first_issue.to_owned(),
        Notice::NotFound(query) if en => format!("not found: {query}"),
        Notice::NotFound(query) => format!("找不到：{query}"),
        Notice::NoIssueOn(date) if en => format!("no issue dated {date:?} (YYYY-MM-DD)"),
        Notice::NoIssueOn(date) => format!("没有这一天的报纸：{date}（格式 YYYY-MM-DD）"),
        Notice::NearestIssue { asked, shown } if en => {
            format!("no issue on {asked}: the nearest, {shown}, is open")
        }
        Notice::NearestIssue { asked, shown } => {
            format!("{asked} 没有报纸，已打开最近的一期：{shown}")
        }
        Notice::NoSearch => w.no_search.to_owned(),
        Notice::NothingToChart if en => "nothing to chart: search first (/), then T".to_owned(),
        Notice::NothingToChart => "没有可统计的词：先搜索（/），再按 T".to_owned(),
        Notice::Loading => w.loading.to_owned(),
        Notice::Copied { what, chars, via } => {
            let what = w.copied[match what {
                CopyKind::Paragraph => 0,
                CopyKind::Article => 1,
                CopyKind::Citation => 2,
            }];
            let via = match via {
                CopyVia::Osc52 => w.via_osc52,
                CopyVia::Tmux => w.via_tmux,
            };
            if en {
                format!("{what}: {chars} characters, to the {via}")
            } else {
                format!("{what}：{chars} 字，到{via}")
            }
        }
        Notice::ClipboardOff => w.clipboard_off.to_owned(),
        Notice::CopyFailed(error) => format!("{}: {error}", w.copy_failed),
        Notice::SaveFailed { path, error } => format!("{}: {error}", path.display()),
        Notice::Warning(text) => text.clone(),
        Notice::Script(script) if en => format!("shown in {}", script_name(language, *script)),
        Notice::Script(script) => format!("以{}显示", script_name(language, *script)),
        Notice::NoOutline if en => "this article has no subheadings".to_owned(),
        Notice::NoOutline => "这篇文章没有小标题".to_owned(),
        Notice::IndexFailed(error) if en => format!("archive index: {error}"),
        Notice::IndexFailed(error) => format!("索引出错：{error}"),
        Notice::LastTab if en => "this is the last page of the issue".to_owned(),
        Notice::LastTab => "已是最后一版".to_owned(),
        Notice::FirstTab if en => "this is the first page of the issue".to_owned(),
        Notice::FirstTab => "已是第一版".to_owned(),
    }
}

/// The name of a script, as the status line gives it: `简体`, `繁体（台湾）`.
pub fn script_name(language: Language, script: Script) -> &'static str {
    let en = language == Language::En;
    match script {
        Script::Original if en => "the original script",
        Script::Original => "原文",
        Script::Simplified if en => "simplified",
        Script::Simplified => "简体",
        Script::Traditional if en => "traditional",
        Script::Traditional => "繁体",
        Script::Taiwan if en => "traditional (Taiwan)",
        Script::Taiwan => "繁体（台湾）",
        Script::HongKong if en => "traditional (Hong Kong)",
        Script::HongKong => "繁体（香港）",
    }
}

/// The outline overlay's title.
pub fn outline_title(language: Language) -> &'static str {
    match language {
        Language::Zh => "本文提纲",
        Language::En => "Outline",
    }
}

/// What an outline entry is, before its text: `导读`, `链接`; nothing for a subheading.
pub fn block_label(language: Language, kind: BlockKind) -> &'static str {
    let en = language == Language::En;
    match kind {
        BlockKind::Lead if en => "lead",
        BlockKind::Lead => "导读",
        BlockKind::SidebarLabel if en => "sidebar",
        BlockKind::SidebarLabel => "专栏",
        BlockKind::EditorsNote if en => "note",
        BlockKind::EditorsNote => "编者按",
        _ => "",
    }
}

/// The label of a result found by pinyin, not by the characters typed.
pub fn pinyin_label(language: Language) -> &'static str {
    match language {
        Language::Zh => "拼音",
        Language::En => "pinyin",
    }
}

/// The keywords line under a headline: `关键词 1 电力  2 供应` (searched by `* 1`, `* 2`).
pub fn keywords(language: Language, words: &[String]) -> String {
    let numbered: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, k)| format!("{} {k}", i + 1))
        .collect();
    format!("{} {}", self::words(language).keywords, numbered.join("  "))
}

/// `3 未读`.
pub fn unread(language: Language, count: usize) -> String {
    match language {
        Language::Zh => format!("{count} 未读"),
        Language::En => format!("{count} unread"),
    }
}

/// The archive index being brought up to date: `索引中 12/3650 期 (3%)`.
pub fn indexing(language: Language, progress: &crate::index::Progress) -> String {
    let percent = (progress.bytes_done * 100)
        .checked_div(progress.bytes_total)
        .unwrap_or(0);
    let (done, total) = (progress.files_done, progress.files_total);
    match language {
        Language::Zh => format!("索引中 {done}/{total} 期（{percent}%）"),
        Language::En => format!("indexing {done}/{total} issues ({percent}%)"),
    }
}

/// `3/12`: the current match of all.
pub fn match_counter(current: usize, count: usize) -> String {
    format!("{}/{count}", current + 1)
}

/// `搜索 “电力”：12 篇`.
pub fn results_title(language: Language, query: &str, count: usize) -> String {
    match language {
        Language::Zh => format!("搜索 “{query}”：{count} 篇"),
        Language::En => format!("search “{query}”: {count} found"),
    }
}

/// `第 3/8 篇`.
pub fn article_counter(language: Language, index: usize, count: usize) -> String {
    match language {
        Language::Zh => format!("第 {}/{count} 篇", index + 1),
        Language::En => format!("article {}/{count}", index + 1),
    }
}

/// `第 2/5 期`.
pub fn issue_counter(language: Language, index: usize, count: usize) -> String {
    match language {
        Language::Zh => format!("第 {}/{count} 期", index + 1),
        Language::En => format!("issue {}/{count}", index + 1),
    }
}

/// `12 篇`.
pub fn article_count(language: Language, count: usize) -> String {
    match language {
        Language::Zh => format!("{count} 篇"),
        Language::En => format!("{count} articles"),
    }
}

/// `第3版 要闻` (`p. 3 要闻`).
pub fn page(language: Language, page: &PageRef) -> String {
    let name = page
        .name
        .as_deref()
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    match language {
        Language::Zh => format!("第{}版{name}", page.number),
        Language::En => format!("p. {}{name}", page.number),
    }
}

/// What the masthead says of an issue and its article: paper · date · weekday · page, with
/// the date said to be unknown when the text states none.
pub fn issue_masthead(language: Language, issue: &Issue, page: Option<&PageRef>) -> Vec<String> {
    let w = words(language);
    let mut parts = Vec::new();
    parts.extend(issue.paper.clone());
    if let Some(date) = issue.date {
        parts.push(date.to_string());
        parts.push(w.weekdays[usize::from(date.weekday() % 7)].to_owned());
    } else {
        if issue.paper.is_none() {
            parts.push(issue_name(issue));
        }
        parts.push(w.date_unknown.to_owned());
    }
    if let Some(p) = page {
        parts.push(self::page(language, p));
    }
    parts
}

/// A citation of `article`: `title — paper, date, page; byline` (parts the issue does not
/// state are left out).
pub fn citation(language: Language, issue: &Issue, article: &Article) -> String {
    let mut source: Vec<String> = Vec::new();
    source.extend(issue.paper.clone());
    source.push(issue.date.map_or_else(
        || words(language).date_unknown.to_owned(),
        |d| d.to_string(),
    ));
    source.extend(article.page.as_ref().map(|p| page(language, p)));
    let mut text = format!("{} — {}", article.title, source.join(", "));
    if !article.bylines.is_empty() {
        text.push_str("; ");
        text.push_str(&article.bylines.join(", "));
    }
    text
}

/// A short name for an issue: its date, else its file name without folder or extension.
pub fn issue_name(issue: &Issue) -> String {
    if let Some(date) = issue.date {
        return date.to_string();
    }
    crate::error::escape(&issue.source.short_name()).to_string()
}

/// Status-line hints, each key taken from the live keymap.
pub fn hints(language: Language, keymap: &Keymap, reading: bool) -> String {
    let w = words(language);
    let pairs: &[(Action, &str)] = if reading {
        &[
            (Action::NextArticle, w.hint_next),
            (Action::Back, w.hint_back),
            (Action::Help, w.hint_help),
        ]
    } else {
        &[
            (Action::Open, w.hint_open),
            (Action::NextArticle, w.hint_next),
            (Action::Help, w.hint_help),
            (Action::Quit, w.hint_quit),
        ]
    };
    pairs
        .iter()
        .filter_map(|(action, label)| keymap.label(action).map(|key| format!("{key} {label}")))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The trend screen's title: the query and what a bar counts.
pub fn trend_title(language: Language, query: &str, by: Period) -> String {
    let query = crate::error::escape(query);
    match (language, by) {
        (Language::En, by) => {
            let by = ["day", "week", "month", "year"][by as usize];
            format!("“{query}”: stories per {by} in the open issues")
        }
        (Language::Zh, by) => {
            let by = ["每天", "每周", "每月", "每年"][by as usize];
            format!("“{query}”{by}篇数（已打开的报纸）")
        }
    }
}

/// The trend screen's status line: the period under the cursor, its count, the keys.
pub fn trend_status(language: Language, period: &str, count: u64) -> String {
    match language {
        Language::En => format!("{period}: {count} stories · ←→ move · Enter list them · q back"),
        Language::Zh => format!("{period}：{count} 篇 · ←→ 移动 · Enter 列出 · q 返回"),
    }
}

/// The chart's words in `language`.
pub fn chart_labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &Labels::ENGLISH,
        Language::Zh => &Labels::CHINESE,
    }
}

/// A front-page tab: `第2版 要闻`, or the name alone, or `其他` for articles with no page.
pub fn tab_label(language: Language, tab: &crate::app::layout::Tab) -> String {
    match (tab.number, tab.name.as_deref(), language) {
        (Some(number), name, _) => page(
            language,
            &PageRef {
                number,
                name: name.map(str::to_owned),
            },
        ),
        (None, Some(name), _) => name.to_owned(),
        (None, None, Language::Zh) => "其他".to_owned(),
        (None, None, Language::En) => "other".to_owned(),
    }
}

/// The front page's last row: the screen of the page shown (`1/3`), the stories on its
/// screens above and below, and the pages to the right; empty when everything is in view.
pub fn front_more(
    language: Language,
    (screen, screens): (usize, usize),
    (before, after): (usize, usize),
    pages_after: usize,
) -> String {
    let en = language == Language::En;
    let mut parts = Vec::new();
    if before > 0 {
        parts.push(if en {
            format!("↑ {before} above")
        } else {
            format!("↑ 上面 {before} 篇")
        });
    }
    if after > 0 {
        parts.push(if en {
            format!("↓ {after} more below")
        } else {
            format!("↓ 下面还有 {after} 篇")
        });
    }
    if screens > 1 {
        parts.push(format!("{}/{screens}", screen + 1));
    }
    if pages_after > 0 {
        parts.push(if en {
            format!("→ {pages_after} more pages")
        } else {
            format!("→ 后面还有 {pages_after} 版")
        });
    }
    parts.join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_words_in_both_languages() {
        let notices = [
            Notice::Measure(60),
            Notice::Bookmarked(true),
            Notice::Bookmarked(false),
            Notice::NotFound("电力".into()),
            Notice::NoIssueOn("1999-01-01".into()),
            Notice::NoSearch,
            Notice::Loading,
            Notice::SaveFailed {
                path: "/tmp/state.json".into(),
                error: "disk full".into(),
            },
            Notice::Warning("config.toml: line 2".into()),
            Notice::Read(true),
            Notice::Read(false),
            Notice::IssueRead(3),
            Notice::LastArticle,
            Notice::FirstArticle,
            Notice::LastIssue,
            Notice::FirstIssue,
            Notice::Copied {
                what: CopyKind::Paragraph,
                chars: 12,
                via: CopyVia::Tmux,
            },
            Notice::ClipboardOff,
            Notice::CopyFailed("no tmux".into()),
            Notice::NothingToChart,
            Notice::NearestIssue {
                asked: crate::model::IssueDate::new(2020, 2, 19).expect("a day"),
                shown: crate::model::IssueDate::new(2020, 2, 18).expect("a day"),
            },
            Notice::Script(Script::Taiwan),
            Notice::NoOutline,
        ];
        for language in [Language::Zh, Language::En] {
            let words: Vec<String> = notices.iter().map(|n| notice(language, n)).collect();
            assert!(words.iter().all(|w| !w.is_empty()));
            assert!(words[3].contains("电力") && words[4].contains("1999-01-01"));
            assert_eq!(words[7], "/tmp/state.json: disk full");
            assert!(words[16].contains("12"), "{}", words[16]);
        }
        assert_eq!(notice(Language::Zh, &notices[0]), "版心 60 列");
        assert_eq!(notice(Language::En, &notices[0]), "measure 60 columns");
    }

    #[test]
    fn the_chinese_table_has_no_english_words() {
        let ascii_word = |s: &str| {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() > 4)
        };
        for text in [ZH.too_small, ZH.loading, ZH.no_search, ZH.loading_library] {
            assert!(!ascii_word(text), "{text}");
        }
    }
}
