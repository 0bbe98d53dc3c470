use super::*;

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("b-2021-07-17.txt"), "甲\n\n本报讯 内容。\n").expect("write");
    fs::write(dir.path().join("a-2021-07-19.txt"), "乙\n\n本报讯 内容。\n").expect("write");
    // No date in the name: its content says 2021-07-18.
    fs::write(
        dir.path().join("c.txt"),
        "丙\n\n本报讯 7月18日，2021年新闻。\n",
    )
    .expect("write");
    dir
}

fn names(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| {
            e.path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_day_of_article_files_is_one_issue_pages_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let day = dir.path().join("20230506");
    fs::create_dir(&day).expect("mkdir");
    let story = |title: &str| format!("\n{title}\n\n\u{3000}\u{3000}正文。\n");
    for (name, title) in [
        ("20230506-02-01.txt", "乙"),
        ("20230506-01-01.txt", "甲"),
        ("20230506-01-02.txt", "甲二"),
    ] {
        fs::write(day.join(name), story(title)).expect("write");
    }
    fs::write(dir.path().join("2023-05-07.txt"), "次日\n\n本报讯 正文。\n").expect("write");
    let entries = catalogue(dir.path(), &Catalog::default()).expect("catalogue");
    assert_eq!(entries.len(), 2, "{entries:?}");
    let first = entries
        .iter()
        .find(|e| !e.parts.is_empty())
        .expect("the day");
    assert_eq!(first.date, IssueDate::new(2023, 5, 6));
    let issue = first.load().expect("load");
    let titles: Vec<&str> = issue.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["甲", "甲二", "乙"]);
    let pages: Vec<u16> = issue
        .articles
        .iter()
        .filter_map(|a| a.page.as_ref().map(|p| p.number))
        .collect();
    assert_eq!(pages, [1, 1, 2]);
}

#[test]
fn saving_never_writes_through_a_link_planted_as_the_temporary_file() {
    let dir = library();
    let cache = dir.path().join("cache/library.json");
    fs::create_dir_all(dir.path().join("cache")).expect("mkdir");
    let victim = dir.path().join("victim");
    fs::write(&victim, "keep me").expect("write");
    let planted = cache.with_extension(format!("tmp-{}", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).expect("symlink");
    let (_, mut loader) = open(dir.path(), Catalog::at(Some(cache.clone()))).expect("open");
    loader.scan();
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
    assert!(
        fs::symlink_metadata(&planted).is_err(),
        "the planted link is removed"
    );
}

#[test]
fn entries_are_dated_without_parsing_and_sorted_newest_first() {
    let dir = library();
    let entries = catalogue(dir.path(), &Catalog::default()).expect("catalogue");
    let names = names(&entries);
    // c.txt is ordered by its mtime (today) until it has been parsed once, and undated.
    assert_eq!(names, ["c.txt", "a-2021-07-19.txt", "b-2021-07-17.txt"]);
    assert_eq!(entries[0].date, None);
}

#[test]
fn the_cache_keeps_content_dates_until_the_file_changes() {
    let dir = library();
    let cache = dir.path().join("cache/library.json");
    let (_, mut loader) = open(dir.path(), Catalog::at(Some(cache.clone()))).expect("open");
    let issues = loader.scan();
    assert_eq!(issues.len(), 3);
    let warm = catalogue(dir.path(), &Catalog::at(Some(cache.clone()))).expect("catalogue");
    let names = names(&warm);
    assert_eq!(
        names,
        ["a-2021-07-19.txt", "c.txt", "b-2021-07-17.txt"],
        "c.txt dated 2021-07-18 from the cache"
    );
    // A changed file is not trusted to the cache.
    fs::write(
        dir.path().join("c.txt"),
        "丙\n\n本报讯 内容变了，长了许多许多。\n",
    )
    .expect("write");
    let changed = catalogue(dir.path(), &Catalog::at(Some(cache))).expect("catalogue");
    assert_eq!(changed[0].path.file_name().unwrap_or_default(), "c.txt");
}
