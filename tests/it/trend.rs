//! Trends: counts from the index equal an independent count of what was generated; the chart,
//! CSV and JSON from the command line; `T` in the reader.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use dubao::model::IssueDate;
use dubao::trend::command::{from_index_at, from_issues};
use dubao::trend::{Period, chart};

use crate::support::{app, press, status_message};

/// Stories of generated issue `i` holding 防汛 and 复工: a small pseudo-random mix.
fn mix(i: usize) -> (usize, usize) {
    ((i * 7) % 4, (i * 5 + 1) % 3)
}

/// `count` issues, every 9 days from 2020-01-01, each with the stories `mix` says (and one
/// holding neither); returns the independent count per month of each word.
fn write_archive(dir: &Path, count: usize) -> [BTreeMap<String, u64>; 2] {
    let mut expected = [BTreeMap::new(), BTreeMap::new()];
    for i in 0..count {
        let days = 18_262 + 9 * i64::try_from(i).expect("a small number");
        let date = IssueDate::from_unix_days(days).expect("a date");
        let (flood, work) = mix(i);
        let mut text = String::new();
        for s in 0..flood {
            let _ = write!(
                text,
                "防汛第{i}之{s}号\n\n本报讯 湘江第{s}段的防汛工作有序进行。\n\n"
            );
        }
        for s in 0..work {
            let _ = write!(
                text,
                "工厂第{i}之{s}号\n\n本报讯 第{s}家工厂今天复工了。\n\n"
            );
        }
        let _ = write!(text, "天气第{i}号\n\n本报讯 明天晴。\n");
        std::fs::write(dir.join(format!("{date}.txt")), text).expect("an issue");
        let month = format!("{:04}-{:02}", date.year, date.month);
        *expected[0].entry(month.clone()).or_insert(0) += flood as u64;
        *expected[1].entry(month).or_insert(0) += work as u64;
    }
    expected
}

#[test]
fn counts_from_the_index_equal_the_generated_ones() {
    let library = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let expected = write_archive(library.path(), 60);
    let words = ["防汛".to_owned(), "复工".to_owned()];
    let trend = from_index_at(library.path(), cache.path(), &words, Period::Month).expect("trend");
    for (series, expected) in trend.series.iter().zip(&expected) {
        let counted: BTreeMap<String, u64> = trend
            .periods
            .iter()
            .zip(&series.counts)
            .filter(|&(_, &n)| n > 0)
            .map(|(&k, &n)| (Period::Month.label(k), n))
            .collect();
        let expected: BTreeMap<String, u64> = expected
            .iter()
            .filter(|&(_, &n)| n > 0)
            .map(|(k, &n)| (k.clone(), n))
            .collect();
        assert_eq!(counted, expected, "{}", series.word);
    }
    // The same from the issues read into memory.
    let issues = dubao::io::load::load_all(&[library.path().to_owned()], None).expect("issues");
    assert_eq!(from_issues(&issues, &words, Period::Month), trend);
}

#[test]
fn the_chart_reads_at_80_and_120_columns() {
    let library = tempfile::tempdir().expect("tempdir");
    write_archive(library.path(), 40);
    let issues = dubao::io::load::load_all(&[library.path().to_owned()], None).expect("issues");
    let trend = from_issues(&issues, &["防汛".into(), "复工".into()], Period::Month);
    for width in [80, 120] {
        let lines = chart::render(&trend, width, 3, &chart::Labels::CHINESE);
        insta::assert_snapshot!(format!("trend_chart_{width}"), lines.join("\n"));
    }
}

#[test]
fn the_command_line_prints_csv_json_and_a_chart() {
    let library = tempfile::tempdir().expect("tempdir");
    let expected = write_archive(library.path(), 30);
    let dir = library.path().to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dubao"))
            .args(args)
            .env("XDG_CONFIG_HOME", crate::cli::NO_HOME)
            .env("XDG_DATA_HOME", crate::cli::NO_HOME)
            .env("XDG_CACHE_HOME", library.path().join(".cache"))
            .output()
            .expect("run dubao")
    };
    let csv = run(&["trend", "防汛", "复工", &dir, "--csv"]);
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let csv = String::from_utf8(csv.stdout).expect("utf-8");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("period,防汛,复工"));
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let flood: u64 = cells[1].parse().expect("a count");
        assert_eq!(
            flood,
            expected[0].get(cells[0]).copied().unwrap_or(0),
            "{line}"
        );
    }
    let json = run(&["trend", "复工", &dir, "--json", "--by", "year"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["by"], "year");
    assert_eq!(value["periods"][0], "2020");
    let total: u64 = expected[1].values().sum();
    assert_eq!(value["series"][0]["counts"][0], total);
    let chart = run(&["trend", "防汛", &dir]);
    let chart = String::from_utf8(chart.stdout).expect("utf-8");
    assert!(chart.contains("峰值") && chart.contains('█'), "{chart}");
    assert!(!chart.contains('\u{1b}'), "no escape sequences in a pipe");
    let none = run(&["trend", "没有这个词", &dir]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn t_charts_the_search_and_enter_lists_a_period() {
    let mut app = app(100, 30);
    press(&mut app, "S电力<Enter>");
    let found = app.search.results.as_ref().map_or(0, |r| r.hits.len());
    assert!(found > 0);
    press(&mut app, "T");
    assert_eq!(app.screen, dubao::app::Screen::Trend);
    let view = app.trend.clone().expect("a trend");
    let series = &view.trend.series[0];
    let total: u64 = series.counts.iter().sum::<u64>() + series.undated;
    assert_eq!(total as usize, found, "every story found is counted once");
    let screen = crate::support::screen(&crate::support::render(&app));
    assert!(screen.contains("电力"), "{screen}");
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, dubao::app::Screen::Results);
    let listed = app.search.results.as_ref().map_or(0, |r| r.hits.len());
    let periods = dubao::app::trend::selected_periods(&view, 100);
    let in_period: u64 = view.trend.series[0].counts[periods].iter().sum();
    assert_eq!(listed as u64, in_period);
    press(&mut app, "q");
    assert_eq!(
        app.screen,
        dubao::app::Screen::Trend,
        "back returns to the chart"
    );
    press(&mut app, "q");
    assert_eq!(
        app.screen,
        dubao::app::Screen::Results,
        "and then to the search"
    );
}

#[test]
fn t_with_nothing_searched_says_so() {
    let mut app = app(100, 30);
    press(&mut app, "T");
    assert_eq!(app.screen, dubao::app::Screen::Front);
    assert!(status_message(&app).is_some_and(|m| m.contains('T')));
}
