//! The issue date, when the file name or the masthead states it in full.

use crate::model::IssueDate;

/// Lines at the top of a dump searched for a masthead date.
const MASTHEAD_LINES: usize = 12;

/// A date such as `2021-07-18`, `2021_07_18` or `20210718` in a file name or path.
pub fn date_from_name(name: &str) -> Option<IssueDate> {
    let bytes = name.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let rest = bytes.get(start..)?;
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            return None;
        }
        let digits = |from: usize, n: usize| -> Option<u16> {
            let slice = rest.get(from..from + n)?;
            slice.iter().all(u8::is_ascii_digit).then(|| {
                slice
                    .iter()
                    .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'))
            })
        };
        let year = digits(0, 4).filter(|y| (1900..=2199).contains(y))?;
        let (month, day, end) = match rest.get(4) {
            Some(b'-' | b'_' | b'.') => (digits(5, 2)?, digits(8, 2)?, 10),
            _ => (digits(4, 2)?, digits(6, 2)?, 8),
        };
        if rest.get(end).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        IssueDate::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    })
}

/// The date a dump's text gives: a full `YYYY年M月D日` masthead date, else the latest day its
/// datelines name (`本报讯 7月18日…`) in the latest year its dispatches mention (`2021年`;
/// years in other paragraphs are history, not the date).
pub fn date_in_content(text: &str, articles: &[crate::model::Article]) -> Option<IssueDate> {
    date_in_text(text).or_else(|| {
        let dispatches = articles
            .iter()
            .filter(|a| a.dateline.is_some())
            .filter_map(|a| a.paragraphs.first());
        let year = dispatches.filter_map(|p| latest_year(p)).max()?;
        let (month, day) = articles
            .iter()
            .filter_map(|a| {
                let first = a.paragraphs.first()?;
                let after = first.get(a.dateline.as_ref()?.len()..)?.trim_start();
                let (month, rest) = number_then(after, '月')?;
                let (day, _) = number_then(rest, '日')?;
                Some((month, day))
            })
            .max()?;
        IssueDate::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    })
}

/// The latest `YYYY年` (1900–2199) the text mentions.
fn latest_year(text: &str) -> Option<u16> {
    text.match_indices('年')
        .filter_map(|(at, _)| number_before(text.get(..at)?, 4))
        .filter_map(|y| u16::try_from(y).ok())
        .filter(|y| (1900..=2199).contains(y))
        .max()
}

/// A full `YYYY年M月D日` date near the top of the dump (a masthead line).
pub fn date_in_text(text: &str) -> Option<IssueDate> {
    text.lines().take(MASTHEAD_LINES).find_map(|line| {
        line.match_indices('年').find_map(|(at, _)| {
            let year = number_before(line.get(..at)?, 4)?;
            let rest = line.get(at + '年'.len_utf8()..)?;
            let (month, rest) = number_then(rest, '月')?;
            let (day, _) = number_then(rest, '日')?;
            IssueDate::new(
                u16::try_from(year).ok()?,
                u8::try_from(month).ok()?,
                u8::try_from(day).ok()?,
            )
        })
    })
}

fn number_before(text: &str, digits: usize) -> Option<u32> {
    let tail: String = text
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    (tail.len() == digits).then(|| tail.chars().rev().collect::<String>().parse().ok())?
}

fn number_then(text: &str, unit: char) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = text.get(digits..)?.strip_prefix(unit)?;
    Some((text.get(..digits)?.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Option<IssueDate> {
        IssueDate::new(y, m, d)
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_from_name("papers/hyrb-2021-07-18.txt"),
            date(2021, 7, 18)
        );
        assert_eq!(date_from_name("20201231.txt"), date(2020, 12, 31));
        assert_eq!(date_from_name("2021_07_18_a.txt"), date(2021, 7, 18));
        assert_eq!(date_from_name("000_5881bbe1ec912710.txt"), None);
        assert_eq!(date_from_name("issue-20211340.txt"), None);
        assert_eq!(date_from_name("123456789.txt"), None);
    }

    #[test]
    fn dateline_days_in_the_latest_year_mentioned() {
        let text = "标题\n\n本报讯 7月17日晚，某某。\n\n另一篇\n\n本报讯 7月18日下午，2021年“创客”大赛。\n\n成立于2006年。\n";
        let issue = crate::parse::parse("x.txt", text);
        assert_eq!(issue.date, date(2021, 7, 18));
        let no_year = crate::parse::parse("x.txt", "标题\n\n本报讯 7月18日下午，某某。\n");
        assert_eq!(no_year.date, None);
        let history = crate::parse::parse(
            "x.txt",
            "标题\n\n本报讯 7月18日下午，某某。\n\n公司成立于2006年。\n",
        );
        assert_eq!(history.date, None, "a year in a later paragraph is history");
    }

    #[test]
    fn masthead_dates() {
        assert_eq!(
            date_in_text("城南日报\n2021年7月19日 星期一\n"),
            date(2021, 7, 19)
        );
        assert_eq!(date_in_text("成立于1953年，2006年7月成为成员\n"), None);
        assert_eq!(
            date_in_text(&format!("{}2021年7月19日", "\n".repeat(20))),
            None
        );
    }
}
