//! Layouts other papers use, written for these tests: indented paragraphs, CRLF, other
//! datelines, credits in the body, advertisement slots, text with no structure at all.

use dubao::model::Article;
use dubao::parse::parse;

fn articles(text: &str) -> Vec<Article> {
    parse("fixture.txt", text).articles
}

#[test]
fn indented_paragraphs_without_blank_lines() {
    let text = "全县开展食品安全专项检查\r\n\u{3000}\u{3000}本报讯（记者 王五）昨日，县市场监管局开展专项检查。\r\n\u{3000}\u{3000}检查覆盖全县超市。\r\n城区道路改造完工\r\n    新华社北京7月1日电 城区道路改造昨日完工。\r\n    市民出行更加便利。\r\n";
    let got = articles(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].title, "全县开展食品安全专项检查");
    assert_eq!(got[0].dateline.as_deref(), Some("本报讯"));
    assert_eq!(
        got[0].paragraphs,
        [
            "本报讯（记者 王五）昨日，县市场监管局开展专项检查。",
            "检查覆盖全县超市。"
        ]
    );
    assert_eq!(got[1].title, "城区道路改造完工");
    assert_eq!(got[1].dateline.as_deref(), Some("新华社北京7月1日电"));
    assert_eq!(got[1].paragraphs.len(), 2);
}

#[test]
fn hard_wrapped_lines_continue_an_indented_paragraph() {
    let text = "标题一则\n\u{3000}\u{3000}本报讯 第一段的开头写在这一行，\n然后在下一行接着写完。\n\u{3000}\u{3000}第二段。\n";
    let got = articles(text);
    assert_eq!(
        got[0].paragraphs,
        [
            "本报讯 第一段的开头写在这一行，然后在下一行接着写完。",
            "第二段。"
        ]
    );
}

#[test]
fn datelines_with_a_credit_keep_the_credit_in_the_paragraph() {
    let got = articles("主标题写在这里\n\n本报长沙7月1日电 （记者张三）今天上午，会议召开。\n");
    assert_eq!(got[0].dateline.as_deref(), Some("本报长沙7月1日电"));
    assert_eq!(
        got[0].paragraphs[0],
        "本报长沙7月1日电 （记者张三）今天上午，会议召开。"
    );
    assert!(got[0].bylines.is_empty());
}

#[test]
fn subtitles_may_begin_with_a_dash() {
    let got = articles(
        "平凡岗位上的坚守\n\n——记乡村教师李老师\n\n本报记者 李四\n\n本报讯 正文第一段。\n",
    );
    assert_eq!(got[0].title, "平凡岗位上的坚守");
    assert_eq!(got[0].subtitle.as_deref(), Some("——记乡村教师李老师"));
    assert_eq!(got[0].bylines, ["本报记者 李四"]);
}

#[test]
fn a_column_name_in_parentheses_may_end_a_title() {
    let got = articles("改革开放再出发（评论员文章）\n\n本报评论员\n\n改革是发展的动力。\n");
    assert_eq!(got[0].title, "改革开放再出发（评论员文章）");
    assert_eq!(got[0].bylines, ["本报评论员"]);
    assert_eq!(got[0].paragraphs.len(), 1);
}

#[test]
fn credits_in_the_body_are_bylines_and_photo_credits_are_not() {
    let text = "新桥通车\n\n本报讯 新桥今日通车。\n\n本报记者 李四 摄\n\n记者 王五\n\n通车后两岸往来更方便。\n";
    let got = articles(text);
    assert_eq!(got[0].bylines, ["记者 王五"]);
    assert_eq!(
        got[0].paragraphs,
        [
            "本报讯 新桥今日通车。",
            "本报记者 李四 摄",
            "通车后两岸往来更方便。"
        ]
    );
    assert_eq!(got[0].kind(1), dubao::model::BlockKind::PhotoCredit);
}

#[test]
fn a_headline_with_no_body_is_an_article_with_no_paragraphs() {
    let text = "某某楼盘 盛大开盘\n\n市政府召开常务会议，强调——\n\n抓好冬季安全生产\n\n■本报记者 张三\n\n本报讯 会议召开。\n";
    let got = articles(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].title, "某某楼盘 盛大开盘");
    assert!(got[0].paragraphs.is_empty());
    assert_eq!(got[1].kicker.as_deref(), Some("市政府召开常务会议，强调——"));
    assert_eq!(got[1].title, "抓好冬季安全生产");
}

#[test]
fn a_paragraph_cut_by_a_column_break_is_rejoined() {
    let text = "标题\n\n本报讯 今年粮食产量再创新高，全年达到\n\n1200万吨，同比增长3.5%、\n\n4.1%。另有一句。\n\n他说，这是一个值得记住的\n\n丰收年。\n";
    let got = articles(text);
    assert_eq!(
        got[0].paragraphs,
        [
            "本报讯 今年粮食产量再创新高，全年达到1200万吨，同比增长3.5%、4.1%。另有一句。",
            "他说，这是一个值得记住的丰收年。"
        ]
    );
}

#[test]
fn rubrics_and_two_line_titles() {
    let text = "\n\n·聚焦乡村振兴·\n\n五个村 同台竞技\n\n全县乡村旅游\n推介会举行\n\n■本报记者 张三\n通讯员 李四\n\n本报讯 推介会举行。\n";
    let got = articles(text);
    assert_eq!(got[0].rubric.as_deref(), Some("·聚焦乡村振兴·"));
    assert_eq!(got[0].kicker.as_deref(), Some("五个村 同台竞技"));
    assert_eq!(got[0].title, "全县乡村旅游推介会举行");
    assert_eq!(got[0].bylines, ["本报记者 张三", "通讯员 李四"]);
}

#[test]
fn odd_white_space_is_cleaned() {
    let text = "标题\u{a0}\u{3000}甲乙\r\n \t \u{3000}\r\n\u{3000}\u{3000}正文\u{a0}内容。\r\n";
    let got = articles(text);
    assert_eq!(got[0].title, "标题 甲乙");
    assert_eq!(got[0].paragraphs, ["正文 内容。"]);
}

#[test]
fn text_with_no_newspaper_structure_still_opens() {
    let text = "今天天气很好，我们去公园散步。公园里人很多。\n\n晚上回家做饭，吃完饭看了一会儿书，然后就睡觉了。\n";
    let got = articles(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].title, "今天天气很好，我们去公园散步");
    assert_eq!(
        got[0].paragraphs,
        ["今天天气很好，我们去公园散步。公园里人很多。"]
    );
    assert_eq!(
        got[1].title,
        "晚上回家做饭，吃完饭看了一会儿书，然后就睡觉了"
    );
    let long = articles(&"很长的一句话没有标点".repeat(5));
    assert_eq!(
        long[0].title.chars().count(),
        31,
        "long first sentences are cut with …"
    );
}

#[test]
fn control_characters_never_reach_the_model() {
    let got = articles("标题\u{1b}[2J\n\n正文\u{7}内容\u{200b}。\n");
    let all = format!("{}{}", got[0].title, got[0].paragraphs.join(""));
    assert!(
        !all.chars().any(|c| c.is_control() || c == '\u{200b}'),
        "{all:?}"
    );
    assert_eq!(got[0].title, "标题\u{241b}[2J");
}

#[test]
fn empty_and_blank_input_give_no_articles() {
    assert!(articles("").is_empty());
    assert!(articles("\n \r\n\u{3000}\n").is_empty());
}
