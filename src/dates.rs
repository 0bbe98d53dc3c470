//! Dates as a reader types them at the `:` prompt, and the issue nearest to a day.
//!
//! `2020-02-18`, `2020/2/18`, `20200218`, `2020年2月18日` name a day; `2月18日` is that day in
//! the most recent year the library has it (else the current issue's year); `18日` is that day
//! of the current issue's month; `-1` and `+1` move between issues. Full-width and Chinese
//! numerals are read too (`二〇二〇年二月十八日`).

use crate::model::IssueDate;

/// What the reader asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// The issue of a day (or the nearest one).
    Day(IssueDate),
    /// An issue `n` places later (negative: earlier) in date order.
    Step(i32),
}

/// What a date is read against: the current issue's date and the days the library has.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub current: Option<IssueDate>,
    pub days: &'a [IssueDate],
}

/// Reads `input`; `None` when it names no day.
pub fn parse(input: &str, context: Context<'_>) -> Option<Wanted> {
    let text: String = input.trim().chars().map(normalise).collect();
    if let Some(step) = text
        .strip_prefix(['+', '-'])
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: i32 = step.parse().ok()?;
        return Some(Wanted::Step(if text.starts_with('-') { -n } else { n }));
    }
    full_date(&text)
        .or_else(|| month_day(&text, context))
        .or_else(|| day_only(&text, context))
        .map(Wanted::Day)
}

/// The index in `days` of the day nearest `wanted` (ties: the earlier), and whether it is
/// that very day.
pub fn nearest(days: &[IssueDate], wanted: IssueDate) -> Option<(usize, bool)> {
    let target = ordinal(wanted);
    days.iter()
        .enumerate()
        .min_by_key(|(_, d)| ((ordinal(**d) - target).abs(), ordinal(**d)))
        .map(|(i, d)| (i, *d == wanted))
}

/// Days since a fixed origin, for distances between dates.
fn ordinal(date: IssueDate) -> i64 {
    date.unix_days()
}

/// Full-width digits and Chinese numerals as ASCII digits; `／` `－` `．` as ASCII.
fn normalise(c: char) -> char {
    match c {
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
        '〇' | '零' => '0',
        '－' => '-',
        '＋' => '+',
        '／' => '/',
        '．' => '.',
        _ => c,
    }
}

/// A year, month and day in any of the written forms.
fn full_date(text: &str) -> Option<IssueDate> {
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return date(
            text.get(..4)?.parse().ok()?,
            text.get(4..6)?.parse().ok()?,
            text.get(6..)?.parse().ok()?,
        );
    }
    if let Some((year, rest)) = text.split_once('年') {
        let (month, rest) = rest.split_once('月')?;
        let day = rest.strip_suffix(['日', '号']).unwrap_or(rest);
        return date(number(year)?, number(month)?, number(day)?);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// `2月18日`: the most recent year the library has that day, else the current issue's year.
fn month_day(text: &str, context: Context<'_>) -> Option<IssueDate> {
    let (month, rest) = text.split_once('月')?;
    let day = rest.strip_suffix(['日', '号']).unwrap_or(rest);
    let (month, day) = (number(month)?, number(day)?);
    let held = context
        .days
        .iter()
        .filter(|d| u32::from(d.month) == month && u32::from(d.day) == day)
        .map(|d| u32::from(d.year))
        .max();
    let year = held.or(context.current.map(|d| u32::from(d.year)))?;
    date(year, month, day)
}

/// `18日`: that day of the current issue's month.
fn day_only(text: &str, context: Context<'_>) -> Option<IssueDate> {
    let day = text.strip_suffix(['日', '号'])?;
    let current = context.current?;
    date(
        u32::from(current.year),
        u32::from(current.month),
        number(day)?,
    )
}

fn date(year: u32, month: u32, day: u32) -> Option<IssueDate> {
    IssueDate::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// `18`, `二十` , `十八`, `二〇二〇` (digit by digit once normalised), `三十一`.
fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let digit = |c: char| {
        "0一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|i| u32::try_from(i).ok())
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(digit(*tens)? * 10),
        [tens, '十', ones] => Some(digit(*tens)? * 10 + digit(*ones)?),
        [] => None,
        digits => digits.iter().try_fold(0, |n, &c| {
            Some(
                n * 10
                    + if c.is_ascii_digit() {
                        c.to_digit(10)?
                    } else {
                        digit(c)?
                    },
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: u16, m: u8, d: u8) -> IssueDate {
        IssueDate::new(y, m, d).expect("a real day")
    }

    fn read(input: &str) -> Option<Wanted> {
        let days = [day(2019, 2, 18), day(2020, 2, 18), day(2020, 3, 1)];
        parse(
            input,
            Context {
                current: Some(day(2020, 3, 1)),
                days: &days,
            },
        )
    }

    #[test]
    fn the_ways_a_reader_writes_a_day() {
        let want = Some(Wanted::Day(day(2020, 2, 18)));
        for input in [
            "2020-02-18",
            "2020/2/18",
            "2020.2.18",
            "20200218",
            "2020年2月18日",
            "２０２０年２月１８日",
            "二〇二〇年二月十八日",
            "2月18日",
            "二月十八日",
            " 2020-2-18 ",
        ] {
            assert_eq!(read(input), want, "{input}");
        }
        assert_eq!(read("18日"), Some(Wanted::Day(day(2020, 3, 18))));
        assert_eq!(read("三十一号"), Some(Wanted::Day(day(2020, 3, 31))));
        assert_eq!(read("-1"), Some(Wanted::Step(-1)));
        assert_eq!(read("+3"), Some(Wanted::Step(3)));
        for bad in ["", "2020-02-30", "13月1日", "明天", "-", "2020"] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_month_and_day_take_the_latest_year_held() {
        let days = [day(2019, 2, 18), day(2021, 2, 18)];
        let context = Context {
            current: Some(day(2022, 5, 1)),
            days: &days,
        };
        assert_eq!(
            parse("2月18日", context),
            Some(Wanted::Day(day(2021, 2, 18)))
        );
        let none = Context {
            current: Some(day(2022, 5, 1)),
            days: &[],
        };
        assert_eq!(parse("2月18日", none), Some(Wanted::Day(day(2022, 2, 18))));
    }

    #[test]
    fn the_nearest_issue_to_a_day_without_one() {
        let days = [day(2020, 2, 18), day(2020, 2, 21), day(2020, 3, 1)];
        assert_eq!(nearest(&days, day(2020, 2, 21)), Some((1, true)));
        assert_eq!(nearest(&days, day(2020, 2, 19)), Some((0, false)));
        assert_eq!(nearest(&days, day(2020, 2, 28)), Some((2, false)));
        assert_eq!(nearest(&[], day(2020, 2, 28)), None);
        assert_eq!(ordinal(day(1970, 1, 1)), 0);
        assert_eq!(ordinal(day(2021, 7, 18)), 18_826);
    }
}
