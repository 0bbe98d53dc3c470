//! The archive index on a small generated archive: it follows added, changed and removed
//! files, survives an indexer killed mid-way, and finds every article holding the query.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use dubao::index::{ArchiveIndex, ArchiveQuery, IndexError, Sort, UpdateReport};
use dubao::io::load::load_file;
use dubao::search::{Query, fold};
use tempfile::TempDir;

use super::support::jieba;

const SAMPLES: [&str; 2] = [
    include_str!("../../assets/samples/000_5881bbe1ec912710.txt"),
    include_str!("../../assets/samples/002_77e25608cd39c624.txt"),
];
/// Set in the child process of the kill test.
const CHILD_ENV: &str = "DUBAO_TEST_INDEX_CHILD";

/// The text of generated issue `i`: a sample, with a story of its own added.
fn issue_text(i: usize) -> String {
    format!(
        "{}\n\n第{i}号专稿标题\n\n本报讯 这是编号{i}的测试稿件，报道湘江{}段的防汛工作。\n",
        SAMPLES[i % 2],
        ["东", "西", "南", "北"][i % 4]
    )
}

/// `count` issues in `dir`, one a week from 2020-01-06, in a folder per year.
fn write_archive(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let date = dubao::model::IssueDate::from_unix_days(
                18_267 + 7 * i64::try_from(i).expect("a small number"),
            )
            .expect("a date");
            let folder = dir.join(date.year.to_string());
            std::fs::create_dir_all(&folder).expect("a year's folder");
            let path = folder.join(format!("{date}.txt"));
            std::fs::write(&path, issue_text(i)).expect("an issue");
            path
        })
        .collect()
}

struct Fixture {
    library: TempDir,
    cache: TempDir,
}

impl Fixture {
    fn new(count: usize) -> Self {
        let fixture = Self {
            library: TempDir::new().expect("a temporary folder"),
            cache: TempDir::new().expect("a temporary folder"),
        };
        write_archive(fixture.library.path(), count);
        fixture
    }

    fn open(&self) -> ArchiveIndex {
        ArchiveIndex::open(&self.index_dir(), jieba()).expect("the index")
    }

    fn index_dir(&self) -> PathBuf {
        dubao::index::location_in(self.cache.path(), self.library.path())
    }

    #[track_caller]
    fn update(&self, index: &ArchiveIndex) -> UpdateReport {
        index
            .update(self.library.path(), Duration::ZERO, &mut |_| {})
            .expect("an update")
    }
}

/// (issue path relative to the library, article index) of every hit.
fn found(index: &ArchiveIndex, query: &str) -> BTreeSet<(String, usize)> {
    let results = index
        .search(&ArchiveQuery::parse(query), Sort::Relevance, usize::MAX / 2)
        .expect("a search");
    assert_eq!(results.total, results.hits.len(), "{query}");
    results
        .hits
        .into_iter()
        .map(|h| (h.path, h.article))
        .collect()
}

/// The same, by reading every file below `library`: the articles in which every term of
/// `query` is a substring of one folded field (kicker, title, subtitle or a paragraph).
fn found_by_reading(library: &Path, query: &str) -> BTreeSet<(String, usize)> {
    let terms = Query::parse(query).terms;
    let mut found = BTreeSet::new();
    for path in dubao::io::load::expand(library).expect("the archive") {
        let issue = load_file(&path).expect("an issue");
        let relative = path
            .strip_prefix(library)
            .expect("a file below the library");
        for (a, article) in issue.articles.iter().enumerate() {
            let fields: Vec<String> = [article.kicker.as_deref(), article.subtitle.as_deref()]
                .into_iter()
                .flatten()
                .chain([article.title.as_str()])
                .chain(article.paragraphs.iter().map(String::as_str))
                .map(fold)
                .collect();
            if terms
                .iter()
                .all(|t| fields.iter().any(|f| f.contains(t.as_str())))
            {
                found.insert((relative.to_string_lossy().into_owned(), a));
            }
        }
    }
    found
}

#[test]
fn the_index_follows_added_changed_and_removed_files() {
    let fixture = Fixture::new(6);
    let index = fixture.open();
    let report = fixture.update(&index);
    assert_eq!((report.added, report.updated, report.removed), (6, 0, 0));
    assert!(report.articles > 6 && report.failed.is_empty());
    assert_eq!(found(&index, "编号3的").len(), 1);

    let again = fixture.update(&index);
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 6));

    let files = dubao::io::load::expand(fixture.library.path()).unwrap();
    std::fs::write(&files[3], issue_text(3).replace("编号3的", "编号三十的")).unwrap();
    std::fs::remove_file(&files[4]).unwrap();
    write_archive(&fixture.library.path().join("more"), 1);
    let report = fixture.update(&index);
    assert_eq!((report.added, report.updated, report.removed), (1, 1, 1));
    assert!(found(&index, "编号3的").is_empty());
    assert_eq!(found(&index, "编号三十").len(), 1);
    assert!(found(&index, "编号4的").is_empty());
    // The new file is issue 0's twin: two articles now.
    assert_eq!(found(&index, "编号0的").len(), 2);
}

#[test]
fn results_are_every_article_holding_the_query() {
    let fixture = Fixture::new(8);
    let index = fixture.open();
    fixture.update(&index);
    for query in [
        "电力",
        "衡阳 供电",
        "\"迎峰 度冬\"",
        "的",
        "电",
        "15.87%",
        "，",
        "市委书记",
        "老同志",
        "湘江东段",
        "湘江 防汛 编号5",
        "不在这里的词",
    ] {
        let expected = found_by_reading(fixture.library.path(), query);
        assert_eq!(found(&index, query), expected, "{query}");
    }
}

#[test]
fn exclusions_and_filters_narrow_the_results() {
    let fixture = Fixture::new(8);
    let index = fixture.open();
    fixture.update(&index);
    let all = found(&index, "防汛");
    let east = found(&index, "湘江东段");
    let without_east = found(&index, "防汛 -湘江东段");
    assert_eq!(without_east.len(), all.len() - east.len());
    assert!(without_east.is_disjoint(&east));

    let dated = index
        .search(&ArchiveQuery::parse("防汛 date:2020-02"), Sort::Date, 100)
        .unwrap();
    assert!(!dated.hits.is_empty());
    for hit in &dated.hits {
        let date = hit.date.unwrap();
        assert_eq!((date.year, date.month), (2020, 2), "{}", hit.path);
    }
    let by_date = index
        .search(&ArchiveQuery::parse("防汛"), Sort::Date, 100)
        .unwrap();
    let days: Vec<_> = by_date.hits.iter().map(|h| h.date).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert!(found(&index, "防汛 page:999").is_empty());
    assert!(found(&index, "防汛 paper:不存在的报").is_empty());
}

#[test]
fn hits_have_titles_and_marked_snippets() {
    let fixture = Fixture::new(2);
    let index = fixture.open();
    fixture.update(&index);
    let results = index
        .search(&ArchiveQuery::parse("电力供应"), Sort::Relevance, 10)
        .unwrap();
    let first = &results.hits[0];
    assert!(first.in_title || !first.snippets.is_empty());
    for hit in &results.hits {
        assert!(!hit.title.is_empty());
        for s in &hit.snippets {
            assert_eq!(s.text.get(s.highlight.0..s.highlight.1), Some("电力供应"));
        }
    }
}

#[test]
fn a_run_stopped_before_its_commit_leaves_a_usable_index_and_the_next_completes() {
    let fixture = Fixture::new(6);
    let index = fixture.open();
    fixture.update(&index);
    write_archive(&fixture.library.path().join("late"), 4);
    // A panic mid-way drops the writer without committing: as if the process died.
    let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = index.update(fixture.library.path(), Duration::ZERO, &mut |p| {
            assert!(p.files_done < 2, "stopped");
        });
    }));
    assert!(stopped.is_err());
    let reopened = fixture.open();
    assert_eq!(found(&reopened, "编号1的").len(), 1);
    let report = fixture.update(&reopened);
    assert_eq!((report.added, report.unchanged), (4, 6));
    assert_eq!(found(&reopened, "编号1的").len(), 2);
}

#[test]
fn a_second_indexer_is_told_the_index_is_busy() {
    let fixture = Fixture::new(3);
    let first = fixture.open();
    let second = fixture.open();
    let mut busy = None;
    first
        .update(fixture.library.path(), Duration::ZERO, &mut |p| {
            if p.files_done == 1 {
                busy = Some(second.update(fixture.library.path(), Duration::ZERO, &mut |_| {}));
            }
        })
        .unwrap();
    assert!(
        matches!(busy, Some(Err(IndexError::Busy { .. }))),
        "{busy:?}"
    );
    let report = fixture.update(&second);
    assert_eq!(report.unchanged, 3);
}

#[test]
fn a_killed_indexer_leaves_a_usable_index_and_the_next_run_completes() {
    let fixture = Fixture::new(40);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "archive::indexer_child",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env(
            CHILD_ENV,
            format!(
                "{}\n{}",
                fixture.library.path().display(),
                fixture.index_dir().display()
            ),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the child has committed a few files, then kill it (SIGKILL).
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
    let committed = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l == "indexed 5");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(committed, "the child did not get to five files");

    let index = fixture.open();
    let partial = found(&index, "防汛").len();
    assert!(partial >= 4, "{partial}");
    let report = fixture.update(&index);
    assert!(
        report.unchanged >= 4 && report.added + report.unchanged == 40,
        "{report:?}"
    );
    assert_eq!(found(&index, "防汛").len(), 40);
}

/// The indexer the kill test runs in a child process and kills: a commit after every file,
/// slowed down so the kill lands mid-way.
#[test]
#[ignore = "run by a_killed_indexer_leaves_a_usable_index_and_the_next_run_completes"]
fn indexer_child() {
    let Ok(dirs) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (library, location) = dirs.split_once('\n').unwrap();
    let mut index = ArchiveIndex::open(Path::new(location), jieba()).unwrap();
    index.set_batch_bytes(1);
    index
        .update(Path::new(library), Duration::ZERO, &mut |p| {
            println!("indexed {}", p.files_done);
            std::thread::sleep(Duration::from_millis(50));
        })
        .unwrap();
}

#[test]
fn a_read_only_library_is_indexed_in_the_cache() {
    let fixture = Fixture::new(2);
    let mut out = Vec::new();
    let lib = fixture.library.path();
    let readonly = |mode| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(lib, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    readonly(0o555);
    let result = dubao::index::command::index_into(lib, &fixture.index_dir(), &mut out, false);
    readonly(0o755);
    result.unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("2 added, 0 updated, 0 removed"), "{out}");
    let mut out = Vec::new();
    let request = dubao::index::command::Request {
        query: "编号1的",
        sort: Sort::Relevance,
        limit: 10,
        json: false,
    };
    let any =
        dubao::index::command::search_in(lib, &fixture.index_dir(), request, &mut out).unwrap();
    assert!(any);
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("【编号1的】"), "{out}");
}

/// The reader on the library in `fixture` as the reader opens it (the newest issue parsed, the
/// others when opened), with its scan and its index handed over as the background thread
/// hands them.
fn reader_with_index(fixture: &Fixture, index: ArchiveIndex) -> dubao::app::AppState {
    use dubao::app::{Action, update};
    let (issues, mut loader) = dubao::io::library::open(
        fixture.library.path(),
        dubao::io::library::Catalog::default(),
    )
    .expect("the library");
    let mut app = dubao::app::AppState::new(
        issues,
        dubao::app::keymap::Keymap::default_keymap(),
        dubao::app::ThemeKind::Dark,
        100,
        30,
    );
    app.shelf = Some(dubao::app::shelf::Shelf::new(loader.source(), [0]));
    update(&mut app, Action::LibraryScanned(loader.scan()));
    update(
        &mut app,
        Action::ArchiveOpened(
            dubao::app::search::Shared(Arc::new(index)),
            Some(fixture.library.path().to_owned()),
        ),
    );
    app
}

/// (path relative to the library, article) of the results on screen.
fn results_on_screen(app: &dubao::app::AppState, library: &Path) -> BTreeSet<(String, usize)> {
    let results = app.search.results.as_ref().expect("results");
    results
        .hits
        .iter()
        .map(|hit| {
            let dubao::model::Source::File(path) = &app.issues[hit.issue].source else {
                panic!("an issue of the library is a file");
            };
            let relative = path.strip_prefix(library).expect("below the library");
            (relative.to_string_lossy().into_owned(), hit.article)
        })
        .collect()
}

#[test]
fn the_readers_global_search_is_answered_by_the_index() {
    let fixture = Fixture::new(5);
    let index = fixture.open();
    fixture.update(&index);
    let mut app = reader_with_index(&fixture, index);
    super::support::press(&mut app, "S编号<Enter>");
    let library = fixture.library.path();
    let expected = found_by_reading(library, "编号");
    assert!(expected.len() >= 5, "{expected:?}");
    assert_eq!(results_on_screen(&app, library), expected);
    let results = app.search.results.as_ref().expect("results");
    for hit in &results.hits {
        let snippet = hit.snippets.first().expect("a snippet");
        let (start, end) = snippet.highlight;
        assert_eq!(
            snippet.text.get(start..end),
            Some("编号"),
            "the hit is marked"
        );
    }
    // Enter opens the story at its first match.
    let first = results.hits[0].clone();
    super::support::press(&mut app, "<Enter>");
    assert_eq!(app.screen, dubao::app::Screen::Reader);
    assert_eq!((app.issue, app.article), (first.issue, first.article));
    let finder = app
        .search
        .finder
        .as_ref()
        .expect("the match in the article");
    assert!(!finder.matches.is_empty());
}

#[test]
fn the_reader_finds_only_what_is_indexed_so_far() {
    let fixture = Fixture::new(4);
    let index = fixture.open();
    fixture.update(&index);
    // Written after the index was brought up to date: the reader's library has it.
    let late = fixture.library.path().join("late");
    std::fs::create_dir(&late).expect("a folder");
    std::fs::write(late.join("2021-05-05.txt"), issue_text(9)).expect("an issue");
    let mut app = reader_with_index(&fixture, index);
    super::support::press(&mut app, "S编号9的<Enter>");
    assert!(
        app.search
            .results
            .as_ref()
            .is_none_or(|r| r.hits.is_empty()),
        "not indexed yet"
    );
    super::support::press(&mut app, "S<C-u>编号3的<Enter>");
    assert_eq!(app.search.results.as_ref().map(|r| r.hits.len()), Some(1));
}

#[cfg(unix)]
#[test]
fn a_day_of_article_files_is_indexed_as_one_issue() {
    let fixture = Fixture::new(1);
    let day = fixture.library.path().join("2023/0506");
    std::fs::create_dir_all(&day).expect("a day's folder");
    for (name, title) in [
        ("20230506-01-01.txt", "头版要闻"),
        ("20230506-01-02.txt", "湘江夜航"),
        ("20230506-02-01.txt", "二版来稿"),
    ] {
        let text = format!("\n{title}\n\n\u{3000}\u{3000}本报讯 关于{title}的独家报道。\n");
        std::fs::write(day.join(name), text).expect("an article file");
    }
    let index = fixture.open();
    let report = fixture.update(&index);
    assert_eq!(report.added, 2, "one file and one day");
    let hits = index
        .search(&ArchiveQuery::parse("独家报道"), Sort::Relevance, 10)
        .expect("a search")
        .hits;
    let articles: BTreeSet<(String, usize)> =
        hits.iter().map(|h| (h.path.clone(), h.article)).collect();
    assert_eq!(articles.len(), 3, "{articles:?}");
    assert_eq!(
        hits.iter().map(|h| &h.path).collect::<BTreeSet<_>>().len(),
        1,
        "one issue"
    );
    assert!(
        hits.iter()
            .all(|h| h.date == dubao::model::IssueDate::new(2023, 5, 6))
    );
    // A file of the day removed: the day is indexed again, without it.
    std::fs::remove_file(day.join("20230506-01-02.txt")).expect("remove");
    let report = fixture.update(&index);
    assert_eq!((report.updated, report.removed), (1, 0));
    let left = index
        .search(&ArchiveQuery::parse("独家报道"), Sort::Relevance, 10)
        .expect("a search");
    assert_eq!(left.total, 2);
    // The reader maps the day's hits to the day's issue, and opens the article found.
    let mut app = reader_with_index(&fixture, index);
    super::support::press(&mut app, "S湘江夜航<Enter>");
    assert!(
        app.search
            .results
            .as_ref()
            .is_none_or(|r| r.hits.is_empty())
    );
    super::support::press(&mut app, "S<C-u>二版来稿<Enter><Enter>");
    let article = app.current_article().expect("the article found");
    assert_eq!(article.title, "二版来稿");
}

/// `dubao search QUERY DIR` as a process, with the cache folder `cache`.
fn search_process(cache: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", cache.join("config"))
        .env("XDG_DATA_HOME", cache.join("data"))
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run dubao")
}

#[test]
fn searching_a_folder_from_the_shell_goes_through_its_index() {
    let fixture = Fixture::new(4);
    let folder = fixture.library.path().display().to_string();
    let output = search_process(fixture.cache.path(), &["search", "编号2的", &folder]);
    assert!(output.status.success(), "{output:?}");
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    // The index's lines: date, the issue's path in the library, article, title, snippet.
    let line = printed.lines().next().expect("a hit");
    assert!(
        line.starts_with("2020-01-20\t2020/2020-01-20.txt\t"),
        "{line}"
    );
    assert!(line.contains("【编号2的】"), "{line}");
    let cache_dir = fixture.cache.path().join("dubao");
    let index = dubao::index::location_in(&cache_dir, fixture.library.path());
    assert!(index.is_dir(), "the index was built in the cache folder");
    // No cache folder to be had: the files are read instead, and the hit is still found.
    let nowhere = search_process(
        Path::new("/nonexistent/dubao-tests"),
        &["search", "编号2的", &folder],
    );
    assert!(nowhere.status.success(), "{nowhere:?}");
    assert!(String::from_utf8_lossy(&nowhere.stdout).contains("编号2的"));
}

#[test]
fn pinyin_finds_headlines_in_a_library_searched_through_its_index() {
    let fixture = Fixture::new(5);
    let index = fixture.open();
    fixture.update(&index);
    let mut app = reader_with_index(&fixture, index);
    // 专稿标题, by its initials: the index matches characters, the headlines spell it.
    super::support::press(&mut app, "Szgbt<Enter>");
    let results = app.search.results.as_ref().expect("results");
    // Every issue parsed here (the reader holds only those opened), in the library's order.
    let (_, loader) = dubao::io::library::open(
        fixture.library.path(),
        dubao::io::library::Catalog::default(),
    )
    .expect("the library");
    let titled: BTreeSet<(usize, usize)> = loader
        .load_all()
        .iter()
        .enumerate()
        .flat_map(|(i, issue)| {
            issue
                .articles
                .iter()
                .enumerate()
                .filter(|(_, a)| a.title.contains("专稿标题"))
                .map(move |(a, _)| (i, a))
        })
        .collect();
    assert_eq!(titled.len(), 5);
    let found: BTreeSet<(usize, usize)> =
        results.hits.iter().map(|h| (h.issue, h.article)).collect();
    assert!(titled.is_subset(&found), "{found:?}");
    assert!(results.hits.iter().all(|h| h.by_pinyin));
}

#[test]
fn t_in_a_library_counts_through_the_index() {
    let fixture = Fixture::new(6);
    let index = fixture.open();
    fixture.update(&index);
    let mut app = reader_with_index(&fixture, index);
    super::support::press(&mut app, "S编号<Enter>T");
    let view = app.trend.as_ref().expect("a trend");
    let series = &view.trend.series[0];
    let counted = series.counts.iter().sum::<u64>() + series.undated;
    let expected = found_by_reading(fixture.library.path(), "编号").len() as u64;
    assert_eq!(counted, expected);
    assert!(expected >= 6);
}
