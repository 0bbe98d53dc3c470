//! The binary from the outside: exit codes, messages, nothing on stdout after an error.

use std::path::Path;
use std::process::{Command, Output};

/// Where tests point the configuration, data and cache folders: never the user's own.
pub const NO_HOME: &str = "/nonexistent/dubao-tests";

fn dubao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", NO_HOME)
        .env("XDG_DATA_HOME", NO_HOME)
        .env("XDG_CACHE_HOME", NO_HOME)
        .output()
        .expect("run dubao")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn assert_fails_cleanly(output: &Output, needle: &str) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    let message = stderr(output);
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(message.contains(needle), "{message}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}

const ISSUE: &str = "全县秋粮丰收\n\n■本报记者 张三\n\n本报讯 今年全县秋粮喜获丰收。\n";

#[test]
fn list_numbers_articles_across_all_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", ISSUE.as_bytes());
    let b = write(
        dir.path(),
        "b.txt",
        "第二份报纸\n\n本报讯 内容。\n".as_bytes(),
    );
    let output = dubao(&["list", &a, &b]);
    assert!(output.status.success());
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines, ["1\t全县秋粮丰收", "2\t第二份报纸"]);
}

#[test]
fn no_path_lists_the_embedded_samples() {
    let output = dubao(&["list"]);
    assert!(output.status.success());
    assert!(stdout(&output).lines().count() >= 2);
}

#[test]
fn a_folder_means_every_txt_file_below_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    write(dir.path(), "one.txt", ISSUE.as_bytes());
    write(&dir.path().join("sub"), "two.TXT", ISSUE.as_bytes());
    write(dir.path(), "notes.md", b"# not an issue");
    let output = dubao(&["export", "--json", &dir.path().display().to_string()]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["issues"].as_array().map(Vec::len), Some(2));
}

#[test]
fn export_has_the_documented_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "2021-07-18.txt", ISSUE.as_bytes());
    let output = dubao(&["export", "--json", &path]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let issue = &json["issues"][0];
    assert_eq!(issue["source"], path.as_str());
    assert_eq!(issue["date"], "2021-07-18");
    assert!(issue["paper"].is_null());
    assert!(issue["furniture"].is_array());
    let article = &issue["articles"][0];
    let keys: Vec<&str> = article
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 9);
    for key in [
        "rubric",
        "kicker",
        "title",
        "subtitle",
        "bylines",
        "dateline",
        "paragraphs",
        "blocks",
        "page",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(article["title"], "全县秋粮丰收");
    assert_eq!(article["bylines"][0], "本报记者 张三");
    assert_eq!(article["dateline"], "本报讯");
    assert_eq!(article["paragraphs"][0], "本报讯 今年全县秋粮喜获丰收。");
    assert!(article["subtitle"].is_null());
}

#[test]
fn a_missing_path_is_a_one_line_error() {
    assert_fails_cleanly(&dubao(&["list", "/no/such/file.txt"]), "/no/such/file.txt");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    assert_fails_cleanly(&dubao(&["list", &path]), "binary");
}

#[test]
fn undecodable_bytes_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "bad.txt",
        &[0xff, 0xfe_u8.wrapping_add(1), 0xff, 0x80, 0x80, 0xff],
    );
    assert_fails_cleanly(&dubao(&["list", &path]), "cannot decode");
}

#[test]
fn gb18030_and_utf16_files_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (gb, _, _) = encoding_rs::GB18030.encode(ISSUE);
    let gb_path = write(dir.path(), "gb.txt", &gb);
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(ISSUE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_path = write(dir.path(), "utf16.txt", &utf16);
    for path in [gb_path, utf16_path] {
        let output = dubao(&["list", &path]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            stdout(&output).contains("全县秋粮丰收"),
            "{path}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn an_empty_file_is_an_issue_with_no_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "empty.txt", b"");
    let output = dubao(&["export", "--json", &path]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        json["issues"][0]["articles"].as_array().map(Vec::len),
        Some(0)
    );
    assert!(stderr(&output).contains("no articles"));
}

#[test]
fn cat_typesets_one_article_at_the_given_width() {
    let output = dubao(&["cat", "--article", "1", "--width", "30"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.lines()
            .all(|l| dubao::typeset::str_width(l, dubao::typeset::AmbiguousWidth::Narrow) <= 30)
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("    ") && !l.trim().is_empty()),
        "indented paragraphs"
    );
}

#[test]
fn cat_out_of_range_is_an_error() {
    assert_fails_cleanly(&dubao(&["cat", "--article", "999"]), "no article 999");
}

#[test]
fn plain_output_when_not_a_terminal_has_no_escape_sequences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "evil.txt",
        "标题\u{1b}]0;pwned\u{7}\n\n正文\u{1b}[2J。\n".as_bytes(),
    );
    let output = dubao(&[&path]);
    assert!(output.status.success());
    assert!(!output.stdout.contains(&0x1b), "{}", stdout(&output));
    assert!(stdout(&output).contains("正文"));
}

#[test]
fn search_prints_hits_and_exits_like_grep() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", ISSUE.as_bytes());
    let b = write(
        dir.path(),
        "b.txt",
        "电网改造完工\n\n本报讯 全县秋粮丰收之际，电网改造完工。\n".as_bytes(),
    );
    let output = dubao(&["search", "秋粮", &a, &b]);
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    // date, issue, article number in the issue, title, snippet with the hit marked
    assert_eq!(
        lines[0],
        format!("-\t{a}\t1\t全县秋粮丰收\t本报讯 今年全县【秋粮】喜获丰收。"),
        "title hits first"
    );
    assert!(
        lines[1].starts_with(&format!("-\t{b}\t1\t电网改造完工\t")),
        "{lines:?}"
    );
    let nothing = dubao(&["search", "没有的词", &a]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(nothing.stdout.is_empty());
    assert_fails_cleanly(&dubao(&["search", "秋粮", "/no/such.txt"]), "/no/such.txt");
}

#[test]
fn search_json_has_the_documented_shape() {
    let output = dubao(&["search", "电力", "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["query"], "电力");
    let hit = &json["hits"][0];
    for key in ["issue", "article", "title", "snippets", "score"] {
        assert!(!hit[key].is_null(), "{key} in {hit}");
    }
    assert!(hit["article"].as_u64().is_some_and(|n| n >= 1));
    assert!(json["total"].as_u64().is_some_and(|n| n >= 1));
    assert!(
        hit["issue"]
            .as_str()
            .is_some_and(|i| i.starts_with("embedded:")),
        "an issue is named by its source: {hit}"
    );
    // The snippet and, as a byte range of it, the hit.
    let snippet = &hit["snippets"][0];
    let text = snippet["text"].as_str().expect("a snippet's text");
    let at = |i: usize| snippet["highlight"][i].as_u64().expect("a byte offset") as usize;
    assert_eq!(text.get(at(0)..at(1)), Some("电力"));
}

/// Runs dubao with its configuration folder in `config_home`.
fn dubao_configured(config_home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_DATA_HOME", config_home.join("data"))
        .env("XDG_CACHE_HOME", config_home.join("cache"))
        .output()
        .expect("run dubao")
}

#[test]
fn config_path_and_default() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = dubao_configured(home.path(), &["config", "--path"]);
    assert!(path.status.success());
    assert_eq!(
        stdout(&path).trim(),
        home.path().join("dubao/config.toml").display().to_string()
    );
    let default = dubao_configured(home.path(), &["config", "--default"]);
    assert!(stdout(&default).contains("measure = 80"));
    // The default file, installed as is, is accepted without a warning.
    std::fs::create_dir_all(home.path().join("dubao")).expect("mkdir");
    std::fs::write(home.path().join("dubao/config.toml"), &default.stdout).expect("write");
    let list = dubao_configured(home.path(), &["list"]);
    assert!(
        list.status.success() && list.stderr.is_empty(),
        "{}",
        stderr(&list)
    );
}

#[test]
fn a_bad_config_is_reported_and_the_defaults_used() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("dubao")).expect("mkdir");
    std::fs::write(
        home.path().join("dubao/config.toml"),
        "measure = 60\ncolour = \"red\"\n",
    )
    .expect("write");
    let output = dubao_configured(home.path(), &["list"]);
    assert!(output.status.success());
    assert!(!output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("config.toml") && message.contains("line 2") && message.contains("colour"),
        "{message}"
    );
}

#[test]
fn the_configured_measure_and_library_are_used() {
    let home = tempfile::tempdir().expect("tempdir");
    let library = tempfile::tempdir().expect("library");
    write(library.path(), "issue.txt", ISSUE.as_bytes());
    std::fs::create_dir_all(home.path().join("dubao")).expect("mkdir");
    let config = format!("measure = 24\nlibrary = \"{}\"\n", library.path().display());
    std::fs::write(home.path().join("dubao/config.toml"), config).expect("write");
    let list = dubao_configured(home.path(), &["list"]);
    assert_eq!(
        stdout(&list).trim(),
        "1\t全县秋粮丰收",
        "the library folder, not the samples"
    );
    let cat = dubao_configured(home.path(), &["cat", "--article", "1", "--width", "100"]);
    let text = stdout(&cat);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() >= 3, "{lines:?}");
    // Centred in 100 columns: 38 columns of margin, then text no wider than the measure.
    let width = |l: &str| dubao::typeset::str_width(l, dubao::typeset::AmbiguousWidth::Narrow);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&" ".repeat(38)) && width(l) <= 38 + 24),
        "{lines:?}"
    );
}

#[test]
fn a_library_folder_lists_the_newest_issue_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a-2021-07-17.txt",
        "十七日新闻\n\n本报讯 内容。\n".as_bytes(),
    );
    write(
        dir.path(),
        "b-2021-07-19.txt",
        "十九日新闻\n\n本报讯 内容。\n".as_bytes(),
    );
    write(
        dir.path(),
        "c-2021-07-18.txt",
        "十八日新闻\n\n本报讯 内容。\n".as_bytes(),
    );
    let output = dubao(&["list", &dir.path().display().to_string()]);
    let titles: Vec<String> = stdout(&output)
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(titles, ["十九日新闻", "十八日新闻", "十七日新闻"]);
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef dubao"),
        ("fish", "complete -c dubao"),
        ("elvish", "edit:completion:arg-completer"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = dubao(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = stdout(&output);
        assert!(script.contains(marker), "{shell}: {marker}");
        for subcommand in ["list", "export", "search", "inspect", "cat"] {
            assert!(
                script.contains(subcommand),
                "{shell} completes {subcommand}"
            );
        }
    }
    assert_eq!(dubao(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_manual_page_is_generated_from_the_command_line() {
    let output = dubao(&["man"]);
    assert!(output.status.success());
    let page = stdout(&output);
    assert!(
        page.starts_with(".ie") || page.contains(".TH dubao 1"),
        "{page}"
    );
    for subcommand in ["list", "export", "search", "inspect", "completions"] {
        assert!(page.contains(subcommand), "{subcommand}");
    }
}

#[test]
fn every_subcommand_help_gives_an_example() {
    for subcommand in [
        "list",
        "export",
        "search",
        "config",
        "inspect",
        "completions",
        "man",
        "cat",
    ] {
        let output = dubao(&[subcommand, "--help"]);
        assert!(output.status.success(), "{subcommand}");
        assert!(stdout(&output).contains("Example:"), "{subcommand}");
    }
}

#[test]
fn inspect_explains_every_line_and_layout_can_be_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        "\n标题\n——副题\n\u{3000}\u{3000}本报北京5月5日电 正文。\n\u{3000}\u{3000}第二段。\n";
    let path = write(dir.path(), "20230506-03-01.txt", text.as_bytes());
    let report = stdout(&dubao(&["inspect", &path]));
    assert!(report.contains("layout: indented"), "{report}");
    assert!(report.contains("subtitle"), "{report}");
    let forced = stdout(&dubao(&["inspect", "--layout", "blocks", &path]));
    assert!(
        forced.contains("layout: blocks — chosen with --layout"),
        "{forced}"
    );
    let json = stdout(&dubao(&["export", "--json", &path]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["issues"][0]["articles"][0]["page"]["number"], 3);
    assert_eq!(
        dubao(&["inspect", "--layout", "pdf", &path]).status.code(),
        Some(2)
    );
}

#[test]
fn index_then_search_the_index_with_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("papers");
    std::fs::create_dir(&library).expect("mkdir");
    write(
        &library,
        "2021-07-17.txt",
        "电力保供\n\n本报讯 全市电力供应平稳。\n".as_bytes(),
    );
    write(
        &library,
        "2022-03-01.txt",
        "春耕\n\n本报讯 电力下乡，春耕正忙。\n".as_bytes(),
    );
    let cache = dir.path().join("cache");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_dubao"))
            .args(args)
            .env("XDG_CONFIG_HOME", NO_HOME)
            .env("XDG_DATA_HOME", NO_HOME)
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .expect("run dubao")
    };
    let folder = library.display().to_string();
    let built = run(&["index", &folder]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(stdout(&built).contains("2 added"), "{}", stdout(&built));
    let found = stdout(&run(&["search", "--index", "电力", &folder]));
    assert_eq!(found.lines().count(), 2, "{found}");
    let dated = stdout(&run(&["search", "--index", "电力 date:2022", &folder]));
    assert!(
        dated.contains("春耕") && !dated.contains("电力保供"),
        "{dated}"
    );
    let by_date = stdout(&run(&[
        "search", "--index", "--sort", "date", "电力", &folder,
    ]));
    assert!(
        by_date
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("2022-03-01")),
        "{by_date}"
    );
    assert_eq!(
        run(&["search", "--index", "不存在", &folder]).status.code(),
        Some(1)
    );
    let again = stdout(&run(&["index", &folder]));
    assert!(
        again.contains("0 added") && again.contains("2 unchanged"),
        "{again}"
    );
}
