//! For any input the parser does not panic, and every visible line of the input appears in
//! the output, in order: in a story's fields, its bylines, or the issue's furniture.

use dubao::model::Article;
use dubao::parse::parse;
use dubao::parse::sanitize::is_invisible_format;
use proptest::prelude::*;

/// What a reader would see of `text`: no white space, controls or invisible formatting, no
/// control pictures (they stand for controls in the output), no markdown marks.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && !is_invisible_format(c))
        .filter(|&c| !matches!(c, '#' | '*' | '_' | '`' | '>'))
        .filter(|&c| !('\u{2400}'..='\u{2426}').contains(&c) && c != '\u{fffd}')
        .collect()
}

/// Fields in reading order, bylines apart: credits found in the body move to the bylines.
fn fields(article: &Article) -> Vec<String> {
    let head = [
        &article.rubric,
        &article.kicker,
        &Some(article.title.clone()),
        &article.subtitle,
    ];
    head.into_iter()
        .flatten()
        .chain(&article.paragraphs)
        .map(|t| visible(t))
        .collect()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let issue = parse("prop.txt", text);
    let fields: Vec<String> = issue.articles.iter().flat_map(fields).collect();
    let bylines: Vec<String> = issue
        .articles
        .iter()
        .flat_map(|a| &a.bylines)
        .map(|b| visible(b))
        .collect();
    let furniture: Vec<String> = issue.furniture.iter().map(|f| visible(&f.text)).collect();
    let (mut field, mut from) = (0, 0);
    for line in text.split(['\n', '\r', '\u{b}', '\u{c}']) {
        let line = visible(line);
        if line.is_empty() {
            continue;
        }
        let credit =
            line.trim_start_matches(['■', '□', '●', '◆', '◇', '▲', '△', '★', '☆', '▶', '►']);
        if bylines.iter().any(|b| b == credit) || furniture.contains(&line) {
            continue;
        }
        let found = (field..fields.len()).find_map(|f| {
            let start = if f == field { from } else { 0 };
            fields[f]
                .get(start..)?
                .find(&line)
                .map(|at| (f, start + at + line.len()))
        });
        match found {
            Some((f, end)) => (field, from) = (f, end),
            None => prop_assert!(
                false,
                "lost or out of order: {line:?}\nin {fields:?}\nbylines {bylines:?}"
            ),
        }
    }
    Ok(())
}

/// Newspaper-like text: headline phrases, credits, datelines, sentences, odd white space.
fn newspaper_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("本报讯 ".to_owned()),
        Just("新华社北京7月1日电 ".to_owned()),
        Just("■本报记者 张三".to_owned()),
        Just("通讯员 李四".to_owned()),
        Just("·专栏名称·".to_owned()),
        Just("，".to_owned()),
        Just("。".to_owned()),
        Just("——".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("15.87%".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{3000}\u{3000}".to_owned()),
        Just("  ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{1b}[31m".to_owned()),
        Just("\u{200b}".to_owned()),
        "[\u{4e00}-\u{4e80}]{1,12}",
        "[a-zA-Z0-9 ]{1,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn newspaper_like_text_loses_nothing(text in newspaper_text()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_text_loses_nothing(text in "\\PC{0,200}|(?s).{0,200}") {
        check(&text)?;
    }
}
