//! Datelines that open a news story: `本报讯`, `本报7月1日电`, `新华社北京7月1日电`.

use super::classify::is_han;

/// The dateline at the start of `paragraph`, if it has one.
pub fn dateline(paragraph: &str) -> Option<&str> {
    if paragraph.starts_with("本报讯") {
        return paragraph.get(.."本报讯".len());
    }
    // `{agency}{place}{month}月{day}日电`: find 月 near the start and check around it.
    for (month_at, _) in paragraph
        .char_indices()
        .take(16)
        .filter(|&(_, c)| c == '月')
    {
        let before = paragraph.get(..month_at)?;
        let month_digits = trailing_digits(before);
        if month_digits == 0 || month_digits > 2 {
            continue;
        }
        let prefix_end = before
            .char_indices()
            .rev()
            .nth(month_digits - 1)
            .map_or(0, |(i, _)| i);
        let prefix = before.get(..prefix_end)?;
        if !is_agency_and_place(prefix) {
            continue;
        }
        let after = paragraph.get(month_at + '月'.len_utf8()..)?;
        let day_digits = after.chars().take_while(|&c| is_digit(c)).count();
        if day_digits == 0 || day_digits > 3 {
            continue;
        }
        let day_end: usize = after.chars().take(day_digits).map(char::len_utf8).sum();
        let tail = after.get(day_end..)?;
        if let Some(rest) = tail.strip_prefix('日')
            && rest.starts_with(['电', '讯'])
        {
            let end = month_at + '月'.len_utf8() + day_end + "日电".len();
            return paragraph.get(..end);
        }
    }
    None
}

/// `本报`, `新华社北京`, `人民网长沙`: Han only, naming a paper, agency, site or station.
fn is_agency_and_place(prefix: &str) -> bool {
    let chars = prefix.chars().count();
    (2..=12).contains(&chars)
        && prefix.chars().all(is_han)
        && (prefix.starts_with("本报")
            || prefix
                .chars()
                .take(5)
                .any(|c| matches!(c, '社' | '网' | '台' | '报')))
}

fn trailing_digits(text: &str) -> usize {
    text.chars().rev().take_while(|&c| is_digit(c)).count()
}

/// ASCII, full-width and Chinese numerals, as used in dates.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_common_datelines() {
        assert_eq!(dateline("本报讯 3月5日上午，县委"), Some("本报讯"));
        assert_eq!(dateline("本报讯（记者 王五）昨日"), Some("本报讯"));
        assert_eq!(dateline("本报7月1日电 今天"), Some("本报7月1日电"));
        assert_eq!(
            dateline("本报长沙7月1日电 （记者张三）"),
            Some("本报长沙7月1日电")
        );
        assert_eq!(
            dateline("新华社北京12月30日电 国务院"),
            Some("新华社北京12月30日电")
        );
        assert_eq!(
            dateline("新华社三亚１月２日电 记者"),
            Some("新华社三亚１月２日电")
        );
        assert_eq!(
            dateline("人民网北京七月一日电"),
            Some("人民网北京七月一日电")
        );
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        assert_eq!(dateline("3月5日上午，县委书记来到"), None);
        assert_eq!(dateline("入夏以来，受持续高温天气影响"), None);
        assert_eq!(dateline("他说今年7月1日电价将调整"), None);
        assert_eq!(dateline("本报"), None);
        assert_eq!(dateline(""), None);
    }
}
