use super::*;

fn day(y: u16, m: u8, d: u8) -> IssueDate {
    IssueDate::new(y, m, d).expect("a date")
}

#[test]
fn periods_key_step_and_name_themselves() {
    // 2020-02-18 was a Tuesday: its week starts on Monday the 17th.
    let date = day(2020, 2, 18);
    assert_eq!(Period::Week.label(Period::Week.key(date)), "2020-02-17");
    assert_eq!(Period::Day.label(Period::Day.key(date)), "2020-02-18");
    assert_eq!(Period::Month.label(Period::Month.key(date)), "2020-02");
    assert_eq!(Period::Year.label(Period::Year.key(date)), "2020");
    // A Sunday belongs to the week of the Monday before it.
    assert_eq!(
        Period::Week.key(day(2020, 2, 23)),
        Period::Week.key(day(2020, 2, 17))
    );
    let december = Period::Month.key(day(2019, 12, 5));
    assert_eq!(Period::Month.label(Period::Month.next(december)), "2020-01");
    assert_eq!(
        Period::Month.days(Period::Month.key(date)),
        Some((day(2020, 2, 1), day(2020, 2, 29)))
    );
    assert_eq!(
        Period::Week.days(Period::Week.key(date)),
        Some((day(2020, 2, 17), day(2020, 2, 23)))
    );
}

#[test]
fn every_period_between_first_and_last_is_on_the_axis() {
    let counts = |days: &[(IssueDate, u64)]| DayCounts {
        days: days.iter().map(|&(d, n)| (d.unix_days(), n)).collect(),
        undated: 2,
    };
    let trend = Trend::new(
        Period::Month,
        vec![
            (
                "甲".into(),
                counts(&[(day(2019, 11, 3), 2), (day(2019, 11, 30), 1)]),
            ),
            ("乙".into(), counts(&[(day(2020, 2, 1), 5)])),
        ],
    );
    let labels: Vec<String> = trend.periods.iter().map(|&k| trend.by.label(k)).collect();
    assert_eq!(labels, ["2019-11", "2019-12", "2020-01", "2020-02"]);
    assert_eq!(trend.series[0].counts, [3, 0, 0, 0]);
    assert_eq!(trend.series[1].counts, [0, 0, 0, 5]);
    assert_eq!(trend.series[1].peak(), Some((3, 5)));
    assert_eq!((trend.series[0].total(), trend.series[0].undated), (3, 2));
    assert_eq!(trend.max(), 5);
}

#[test]
fn counting_in_memory_matches_an_independent_scan() {
    let issues = crate::io::load::samples();
    for word in ["电力", "衡阳", "的"] {
        let counts = day_counts(&issues, &Query::parse(word));
        let mut expected = DayCounts::default();
        for issue in &issues {
            let n = issue
                .articles
                .iter()
                .filter(|a| {
                    a.title.contains(word)
                        || a.kicker.as_deref().is_some_and(|k| k.contains(word))
                        || a.subtitle.as_deref().is_some_and(|k| k.contains(word))
                        || a.paragraphs.iter().any(|p| p.contains(word))
                })
                .count() as u64;
            match issue.date {
                Some(d) if n > 0 => *expected.days.entry(d.unix_days()).or_insert(0) += n,
                Some(_) => {}
                None => expected.undated += n,
            }
        }
        assert_eq!(counts, expected, "{word}");
        assert!(
            counts.days.values().sum::<u64>() + counts.undated > 0,
            "{word}"
        );
    }
}
