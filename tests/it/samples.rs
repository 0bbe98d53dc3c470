//! The embedded sample issues, checked field by field against structures written by hand.

use dubao::io::load::samples;
use dubao::model::Article;

/// What a reader sees of one article: headline parts and credits in full, paragraphs by count
/// and by the first and last three characters of the first and last paragraph.
struct Expected {
    rubric: Option<&'static str>,
    kicker: Option<&'static str>,
    title: &'static str,
    subtitle: Option<&'static str>,
    bylines: &'static [&'static str],
    paragraphs: usize,
    first: (&'static str, &'static str),
    last: (&'static str, &'static str),
}

const BY_CR: &[&str] = &["本报记者 陈润"];
const BY_LWP: &[&str] = &["本报记者 罗文鹏"];

const ISSUE_000: &[Expected] = &[
    Expected {
        rubric: None,
        kicker: Some("邓群策深入国网衡阳供电公司调研电力供应保障工作，强调——"),
        title: "科学调度 精准施策 打赢电力迎峰度冬硬仗",
        subtitle: None,
        bylines: BY_CR,
        paragraphs: 5,
        first: ("本报讯", "有序。"),
        last: ("市领导", "调研。"),
    },
    Expected {
        rubric: None,
        kicker: Some("邓群策会见到访的宁和球一行，双方一致表示——"),
        title: "在不断深化合作中实现互利共赢",
        subtitle: None,
        bylines: BY_CR,
        paragraphs: 6,
        first: ("本报讯", "共赢。"),
        last: ("市领导", "会见。"),
    },
    Expected {
        rubric: None,
        kicker: None,
        title: "市委理论学习中心组举行第五十三次集体学习",
        subtitle: Some("朱健主持"),
        bylines: BY_CR,
        paragraphs: 5,
        first: ("本报讯", "学习。"),
        last: ("朱健强", "发展。"),
    },
    Expected {
        rubric: None,
        kicker: None,
        title: "深化衡阳国企与优质资本的交流合作 携手推进平台公司市场化转型",
        subtitle: Some("朱健会见柳庆红"),
        bylines: BY_LWP,
        paragraphs: 4,
        first: ("本报讯", "交流。"),
        last: ("副市长", "会见。"),
    },
];

const ISSUE_002: &[Expected] = &[
    Expected {
        rubric: None,
        kicker: None,
        title: "不忘初心继承优良传统 齐心协力办好衡阳事情",
        subtitle: Some("秦国文看望慰问部分老同志"),
        bylines: BY_CR,
        paragraphs: 6,
        first: ("本报讯", "同志。"),
        last: ("市领导", "看望。"),
    },
    Expected {
        rubric: Some("·牢记初心使命 争取更大光荣·"),
        kicker: None,
        title: "精心组织 科学调度 确保电力安全可靠稳定供应",
        subtitle: Some("朱健赴国网衡阳供电公司调研迎峰度夏电力保供工作"),
        bylines: BY_LWP,
        paragraphs: 5,
        first: ("本报讯", "坚战。"),
        last: ("市委常", "慰问。"),
    },
    Expected {
        rubric: None,
        kicker: None,
        title: "建立生态环境保护长效机制 让群众吃下“定心丸”",
        subtitle: Some("朱健赴石鼓区督导异味扰民问题整治工作"),
        bylines: BY_LWP,
        paragraphs: 4,
        first: ("本报讯", "好转。"),
        last: ("朱健指", "丸”。"),
    },
    Expected {
        rubric: None,
        kicker: Some("13个项目 参与角逐"),
        title: "珠晖区中小企业“双创”大赛成功举办",
        subtitle: None,
        bylines: &["本报记者 李建平", "通讯员 罗小亚"],
        paragraphs: 4,
        first: ("本报讯", "举办。"),
        last: ("据悉，", "复赛。"),
    },
];

fn ends(text: &str) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    (
        chars[..3].iter().collect(),
        chars[chars.len() - 3..].iter().collect(),
    )
}

#[track_caller]
fn check(articles: &[Article], expected: &[Expected]) {
    assert_eq!(articles.len(), expected.len(), "article count");
    for (n, (got, want)) in articles.iter().zip(expected).enumerate() {
        let at = format!("article {}", n + 1);
        assert_eq!(got.rubric.as_deref(), want.rubric, "{at}: rubric");
        assert_eq!(got.kicker.as_deref(), want.kicker, "{at}: kicker");
        assert_eq!(got.title, want.title, "{at}: title");
        assert_eq!(got.subtitle.as_deref(), want.subtitle, "{at}: subtitle");
        assert_eq!(got.bylines, want.bylines, "{at}: bylines");
        assert_eq!(got.dateline.as_deref(), Some("本报讯"), "{at}: dateline");
        assert_eq!(
            got.paragraphs.len(),
            want.paragraphs,
            "{at}: paragraph count"
        );
        let (first, last) = (
            &got.paragraphs[0],
            &got.paragraphs[got.paragraphs.len() - 1],
        );
        assert_eq!(ends(first).0, want.first.0, "{at}: first paragraph start");
        assert_eq!(ends(first).1, want.first.1, "{at}: first paragraph end");
        assert_eq!(ends(last).0, want.last.0, "{at}: last paragraph start");
        assert_eq!(ends(last).1, want.last.1, "{at}: last paragraph end");
    }
}

#[test]
fn first_sample_issue_parses_field_by_field() {
    check(&samples()[0].articles, ISSUE_000);
}

#[test]
fn second_sample_issue_parses_field_by_field() {
    check(&samples()[1].articles, ISSUE_002);
}

#[test]
fn column_breaks_are_rejoined_so_every_paragraph_ends_a_sentence() {
    for issue in samples() {
        for article in &issue.articles {
            for paragraph in &article.paragraphs {
                let last = paragraph.chars().last();
                assert!(
                    matches!(last, Some('。' | '”')),
                    "{}: {paragraph}",
                    issue.source
                );
                assert!(!paragraph.contains('\n') && !paragraph.starts_with(char::is_whitespace));
            }
        }
    }
}
