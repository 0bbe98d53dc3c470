//! Hostile input (issue 15): findings of the fuzz targets in `fuzz/` and of a hostile tester,
//! each kept as a regression test.

mod search {
    use dubao::index::{ArchiveIndex, ArchiveQuery, Sort};
    use dubao::io::load::samples;
    use dubao::model::{Article, Issue};
    use dubao::search::{Query, find_in_article, fold};

    use crate::support::jieba;

    fn issue(articles: Vec<Article>) -> Vec<Issue> {
        vec![Issue {
            source: "t".into(),
            articles,
            ..Issue::default()
        }]
    }

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        }
    }

    fn found(issues: &[Issue], query: &str) -> Vec<usize> {
        let index = ArchiveIndex::of_issues(issues, jieba()).expect("an index in memory");
        let mut found: Vec<usize> = index
            .search(&ArchiveQuery::parse(query), Sort::Relevance, usize::MAX / 2)
            .expect("a search")
            .hits
            .iter()
            .map(|h| h.article)
            .collect();
        found.sort_unstable();
        found
    }

    /// fuzz/search: an earlier engine separated paragraphs with U+001F; a query holding it matched
    /// across the boundary.
    #[test]
    fn a_field_separator_in_the_query_never_spans_two_paragraphs() {
        let issues = issue(vec![
            article("题", &["前一段结尾电", "力开头"]),
            article("题", &["电力"]),
        ]);
        assert_eq!(found(&issues, "电\u{1f}力"), [1]);
        assert_eq!(found(&issues, "\u{1f}"), Vec::<usize>::new());
        let matches = find_in_article(&issues[0].articles[0], &Query::parse("电\u{1f}力"));
        assert!(matches.is_empty(), "{matches:?}");
    }

    /// fuzz/search: the index keeps no positions, and a term of three characters whose
    /// character pairs are all one (`电电电`) was taken as matched by its one pair (`电电`).
    #[test]
    fn a_term_of_one_repeated_pair_needs_the_whole_term() {
        let issues = issue(vec![
            article("题", &["电电电"]),
            article("题", &["电电，电电"]),
            article("\u{fffd}\u{fffd}", &["x"]),
        ]);
        assert_eq!(found(&issues, "电电电"), [0]);
        assert_eq!(found(&issues, "电电 -电电电"), [1]);
        assert!(found(&issues, "\u{fffd}\u{fffd}\u{fffd}").is_empty());
    }

    /// fuzz/search: a one-letter query marked every character whose pinyin starts with it
    /// (`g` → 供, 国, 个): pinyin needs two letters, so one letter marks only itself.
    #[test]
    fn a_one_letter_query_marks_that_letter_only() {
        let text = "供电公司GDP增长g";
        let issues = issue(vec![article("供电", &[text])]);
        let marked: Vec<&str> = find_in_article(&issues[0].articles[0], &Query::parse("g"))
            .iter()
            .map(|m| text.get(m.start..m.end).unwrap_or_default())
            .collect();
        assert_eq!(marked, ["G", "g"]);
        let marked = find_in_article(&issues[0].articles[0], &Query::parse("gd")).len();
        assert_eq!(marked, 2, "two letters are pinyin too: 供电 and GD");
    }

    /// A query of punctuation alone finds every story holding it — quote marks included,
    /// which a query otherwise reads as grouping.
    #[test]
    fn a_query_of_punctuation_finds_the_stories_holding_it() {
        let issues = samples();
        let mut marks: Vec<char> = issues
            .iter()
            .flat_map(|i| &i.articles)
            .flat_map(|a| a.paragraphs.iter().chain([&a.title]))
            .flat_map(|p| p.chars())
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .collect();
        marks.sort_unstable();
        marks.dedup();
        assert!(marks.contains(&'“') && marks.contains(&'，'), "{marks:?}");
        for mark in marks {
            let query = mark.to_string();
            let term = fold(&query);
            for (i, issue) in issues.iter().enumerate() {
                let expected: Vec<usize> = issue
                    .articles
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        let fields = [a.kicker.as_deref(), Some(&*a.title), a.subtitle.as_deref()];
                        fields
                            .into_iter()
                            .flatten()
                            .chain(a.paragraphs.iter().map(String::as_str))
                            .any(|f| fold(f).contains(&term))
                    })
                    .map(|(a, _)| a)
                    .collect();
                let one = std::slice::from_ref(issue);
                assert_eq!(found(one, &query), expected, "{query:?} in issue {i}");
            }
        }
    }

    /// A query of 5,000 identical characters against 200,000 of them: linear-time matching
    /// (the bound is a hundred times what it takes; quadratic matching would take minutes).
    #[test]
    fn a_long_query_of_one_repeated_character_takes_linear_time() {
        for c in ["电", "a", "，", "“"] {
            let text = c.repeat(200_000);
            let issues = issue(vec![article(&c.repeat(10), &[&text, &text])]);
            let query = c.repeat(5_000);
            let started = std::time::Instant::now();
            assert_eq!(found(&issues, &query), [0]);
            let matches = find_in_article(&issues[0].articles[0], &Query::parse(&query));
            assert_eq!(
                matches.len(),
                2 * 40,
                "{c}: 40 matches per paragraph, none overlapping"
            );
            assert!(
                started.elapsed().as_secs() < 10,
                "{c}: {:?}",
                started.elapsed()
            );
        }
    }
}

mod typeset {
    use dubao::typeset::{Options, balanced, str_width};

    /// fuzz/typeset: a headline set in phrases counted a run of spaces as one column, so
    /// `"aa  bb"` at width 5 gave a 6-column line claiming 5.
    #[test]
    fn balanced_headlines_count_every_space() {
        let options = Options {
            indent: 0,
            ..Options::default()
        };
        for (text, width) in [
            ("aa  bb", 5),
            ("稳步推进   扎实工作", 9),
            ("a \u{3000} b", 3),
        ] {
            for line in balanced(text, width, &options) {
                let shown = line.text(text);
                assert_eq!(line.width, str_width(shown, options.ambiguous), "{shown:?}");
                assert!(line.width <= width, "{shown:?} wider than {width}");
            }
        }
    }

    /// fuzz/typeset: a headline split into phrases at white space cut the grapheme a space
    /// forms with a following combining mark (`" \u{301}"`), so a line began inside it; or
    /// with a prepended mark before it (`"\u{603} "`), so a line ended inside it.
    #[test]
    fn balanced_headlines_break_between_graphemes() {
        use unicode_segmentation::UnicodeSegmentation;
        let options = Options {
            indent: 0,
            ..Options::default()
        };
        for (text, width) in [
            ("aa \u{301}bb", 3),
            ("\u{fffd} \u{7f2}\n\u{fffd}", 16),
            ("\u{fffd}\u{fffd}  #  ,  \u{fffd}\u{fffd}\u{603} ", 16),
            ("ab \u{603} cd", 3),
        ] {
            let boundaries: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(at, _)| at)
                .chain([text.len()])
                .collect();
            for line in balanced(text, width, &options) {
                assert!(
                    boundaries.contains(&line.start) && boundaries.contains(&line.end),
                    "{text:?} at {width}: {line:?} cuts a grapheme"
                );
            }
        }
    }
}

/// Files that are not what they seem: too large, not regular, looping links, links to
/// nothing, names holding escape sequences.
mod files {
    use std::ffi::OsStr;
    use std::fs;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};
    use std::time::{Duration, Instant};

    use dubao::error::LoadError;
    use dubao::io::library::{self, Catalog};
    use dubao::io::load::{DEFAULT_SIZE_LIMIT, expand, load_all, read_bytes, read_text};

    use crate::cli::NO_HOME;

    const ISSUE: &str = "全县秋粮丰收\n\n■本报记者 张三\n\n本报讯 今年全县秋粮喜获丰收。\n";

    /// Runs dubao with `args`, killing it (and failing) if it has not finished in 20 s: the
    /// faults tested here used to hang or read forever.
    fn dubao<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dubao"))
            .args(args)
            .env("NO_COLOR", "1")
            .env("XDG_CONFIG_HOME", NO_HOME)
            .env("XDG_DATA_HOME", NO_HOME)
            .env("XDG_CACHE_HOME", NO_HOME)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run dubao");
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes).expect("write stdin");
        }
        let started = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if started.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                let args: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
                panic!("dubao {} still running after 20 s", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().expect("output")
    }

    /// Exit 2, nothing on stdout, one line on stderr holding `needle` and no raw control.
    #[track_caller]
    fn refused(output: &Output, needle: &str) -> String {
        let message = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(2), "stderr: {message}");
        assert!(output.stdout.is_empty());
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        assert!(
            !message.trim_end().chars().any(char::is_control),
            "raw control character: {message:?}"
        );
        message
    }

    fn mkfifo(path: &Path) {
        let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(made.success());
    }

    #[cfg(unix)]
    fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
        std::os::unix::fs::symlink(target, link).expect("symlink");
    }

    fn names(files: &[PathBuf], root: &Path) -> Vec<String> {
        files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
            .collect()
    }

    #[test]
    fn a_file_above_the_size_limit_is_refused_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let small = dir.path().join("small.txt");
        fs::write(&small, ISSUE).expect("write");
        let limit = ISSUE.len() as u64 - 1;
        assert!(matches!(
            read_bytes(&small, limit),
            Err(LoadError::TooLarge { size: Some(size), .. }) if size == ISSUE.len() as u64
        ));
        assert_eq!(
            read_bytes(&small, ISSUE.len() as u64).map(|b| b.len()).ok(),
            Some(ISSUE.len())
        );
        // Sparse: no disk space, and refused before a byte is read.
        let big = dir.path().join("big.txt");
        let file = fs::File::create(&big).expect("create");
        file.set_len(DEFAULT_SIZE_LIMIT + 1).expect("set_len");
        let message = refused(
            &dubao(&[OsStr::new("list"), big.as_os_str()], None),
            "big.txt",
        );
        assert!(message.contains("is more than the 64 MiB"), "{message}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_instead_of_read_forever() {
        for device in ["/dev/zero", "/dev/urandom"] {
            let message = refused(&dubao(&["list", device], None), device);
            assert!(message.contains("character device"), "{message}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_instead_of_waited_on_alone_or_in_a_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("a.txt"), ISSUE).expect("write");
        let fifo = dir.path().join("f.txt");
        mkfifo(&fifo);
        let message = refused(
            &dubao(&[OsStr::new("list"), fifo.as_os_str()], None),
            "f.txt",
        );
        assert!(message.contains("named pipe"), "{message}");
        refused(
            &dubao(&[OsStr::new("list"), dir.path().as_os_str()], None),
            "f.txt",
        );
        assert!(matches!(read_text(&fifo), Err(LoadError::NotAFile { .. })));
        let listed = library::catalogue(dir.path(), &Catalog::default());
        assert!(
            matches!(listed, Err(LoadError::NotAFile { .. })),
            "{listed:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn folder_walks_follow_no_loop_and_list_each_file_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir(root.join("sub")).expect("mkdir");
        fs::write(root.join("a.txt"), ISSUE).expect("write");
        fs::write(root.join("sub/b.txt"), ISSUE).expect("write");
        symlink(".", root.join("self"));
        symlink(".", root.join("again"));
        symlink("..", root.join("sub/up"));
        symlink("a.txt", root.join("z-link.txt"));
        let files = expand(root).expect("expand");
        assert_eq!(names(&files, root), ["a.txt", "sub/b.txt"]);
        let issues = load_all(&[root.to_owned()], None).expect("load");
        assert_eq!(issues.len(), 2);
        let output = dubao(&[OsStr::new("list"), root.as_os_str()], None);
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nothing_is_an_error_naming_it_not_an_empty_issue() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("a.txt"), ISSUE).expect("write");
        let link = dir.path().join("gone.txt");
        symlink("deleted.txt", &link);
        let message = refused(
            &dubao(&[OsStr::new("list"), link.as_os_str()], None),
            "gone.txt",
        );
        assert!(message.contains("link to deleted.txt"), "{message}");
        refused(
            &dubao(&[OsStr::new("list"), dir.path().as_os_str()], None),
            "gone.txt",
        );
        let opened = library::open(dir.path(), Catalog::default());
        assert!(
            matches!(opened, Err(LoadError::DanglingLink { .. })),
            "the library says which file is missing"
        );
    }

    #[test]
    fn a_missing_file_in_a_library_is_reported_not_shown_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("2021-07-18.txt"), ISSUE).expect("write");
        fs::write(dir.path().join("2021-07-17.txt"), ISSUE).expect("write");
        let entries = library::catalogue(dir.path(), &Catalog::default()).expect("catalogue");
        fs::remove_file(dir.path().join("2021-07-17.txt")).expect("remove");
        let loaded = library::load_entries(&entries);
        assert!(loaded[0].is_ok());
        let gone = loaded[1].as_ref().expect_err("the deleted file");
        assert!(gone.to_string().contains("2021-07-17.txt"), "{gone}");
    }

    #[cfg(unix)]
    #[test]
    fn control_characters_in_file_names_never_reach_the_terminal() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("a\u{1b}]0;PWNED\u{7}.txt");
        let message = refused(
            &dubao(&[OsStr::new("list"), missing.as_os_str()], None),
            "a\\x1b]0;PWNED\\x07.txt",
        );
        assert!(!message.contains('\u{1b}'));
        // A name that is not UTF-8 (a raw C1 CSI byte), of a binary file.
        let raw = dir
            .path()
            .join(OsStr::from_bytes(b"b\x9b31m\xe2\x80\xae.txt"));
        fs::write(&raw, [0u8, 1, 2, 3]).expect("write");
        let output = dubao(&[OsStr::new("list"), raw.as_os_str()], None);
        let message = refused(&output, "b\\x9b31m\\u{202e}.txt");
        assert!(message.contains("binary data"), "{message}");
        assert!(!output.stderr.contains(&0x9b));
    }

    #[test]
    fn standard_input_is_read_for_a_dash() {
        let output = dubao(&["list", "-"], Some(ISSUE.as_bytes()));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stdout), "1\t全县秋粮丰收\n");
    }
}

/// A configuration that would lock the user in, or that names nothing, is refused naming the
/// entry (and the defaults are used).
mod config {
    use std::path::Path;

    use dubao::io::config::Config;

    #[track_caller]
    fn refused(text: &str) -> String {
        match Config::parse(text, Path::new("config.toml")) {
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn no_key_left_to_quit_is_refused() {
        let message = refused("[keys]\nquit = []\nback = []\n");
        assert!(message.contains("quit"), "{message}");
        // One of the two is enough.
        assert!(Config::parse("[keys]\nquit = []\n", Path::new("c")).is_ok());
    }

    #[test]
    fn a_key_hiding_a_sequence_is_refused_naming_both() {
        let message = refused("[keys]\nquit = [\"g\"]\n");
        assert!(
            message.contains("\"g\"") && message.contains("\"g g\""),
            "{message}"
        );
    }

    #[test]
    fn an_empty_key_is_refused() {
        let message = refused("[keys]\nquit = [\"\"]\n");
        assert!(message.contains("keys.quit"), "{message}");
    }

    #[test]
    fn an_empty_library_is_refused_with_a_clear_message() {
        let message = refused("library = \"\"\n");
        assert!(message.contains("library"), "{message}");
    }

    #[test]
    fn a_key_label_of_many_ctrl_prefixes_is_refused_without_deep_recursion() {
        // 60,000 levels overflowed the stack; a test thread's stack is smaller still.
        let label = format!("<{}x>", "C-".repeat(60_000));
        let message = refused(&format!("[keys]\nquit = [\"{label}\"]\n"));
        assert!(message.contains("unknown key"), "{message:.80}");
    }
}

/// What the terminal and the background threads report does not clear a warning given at
/// start-up: it stays until a key is pressed.
mod warnings {
    use std::sync::Arc;

    use dubao::app::search::Shared;
    use dubao::app::{Action, Notice, update};
    use dubao::io::load::samples;
    use dubao::typeset::AmbiguousWidth;

    use crate::support::{app, press};

    #[test]
    fn a_start_up_warning_survives_the_width_probe_and_the_library_until_a_key() {
        let mut state = app(80, 24);
        let warning = Notice::Warning("state.json: unreadable; moved aside".into());
        state.notice = Some(warning.clone());
        update(&mut state, Action::AmbiguousWidth(AmbiguousWidth::Wide));
        update(&mut state, Action::Resize(100, 30));
        update(
            &mut state,
            Action::LibraryLoaded(Shared(Arc::new(samples()))),
        );
        assert_eq!(state.notice, Some(warning));
        press(&mut state, "j");
        assert_eq!(state.notice, None);
    }
}
