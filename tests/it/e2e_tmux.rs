//! End-to-end: the real binary in tmux, driven with send-keys and read with capture-pane.
//! Every wait is for a condition on screen (with a deadline), never a bare sleep. Skipped, with
//! a message, where tmux is not installed.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use dubao::io::load::samples;

const DEADLINE: Duration = Duration::from_secs(15);
/// Numbers the tmux servers of one test run.
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A tmux server of its own (one socket per test) running one pane.
pub(crate) struct Tmux {
    socket: String,
    /// The app's configuration, data and cache folders: the test's own.
    home: tempfile::TempDir,
}

impl Tmux {
    /// Starts `command` in an 80×24 pane, or `None` when tmux is missing.
    fn start(command: &str) -> Option<Self> {
        Self::start_sized(command, 80, 24)
    }

    /// Starts `command` in a pane of `width` × `height`, or `None` when tmux is missing.
    pub(crate) fn start_sized(command: &str, width: u16, height: u16) -> Option<Self> {
        Self::start_configured(command, width, height, "")
    }

    /// Starts `command` in a pane of `width` × `height` with `config` as dubao's
    /// configuration file, or `None` when tmux is missing.
    fn start_configured(command: &str, width: u16, height: u16, config: &str) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: end-to-end test skipped");
            return None;
        }
        let socket = format!(
            "dubao-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let home = tempfile::tempdir().expect("tempdir");
        if !config.is_empty() {
            let folder = home.path().join("dubao");
            std::fs::create_dir_all(&folder).expect("config folder");
            std::fs::write(folder.join("config.toml"), config).expect("config file");
        }
        let command = command.replace("$HOME_DIR", &home.path().display().to_string());
        let tmux = Self { socket, home };
        let command = command.as_str();
        let (width, height) = (width.to_string(), height.to_string());
        let started = tmux.run(&[
            "-u",
            "new-session",
            "-d",
            "-x",
            &width,
            "-y",
            &height,
            "-s",
            "e2e",
            command,
        ]);
        assert!(
            started.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux.run(&["set-option", "-g", "remain-on-exit", "on"]);
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        self.run(&args);
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the screen satisfies `condition`, failing with the screen after the deadline.
    #[track_caller]
    pub(crate) fn wait_for(&self, what: &str, condition: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if condition(&screen) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "waited for {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The screen once it has stopped changing for a while (the app has finished drawing).
    pub(crate) fn settled(&self) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        loop {
            sleep(Duration::from_millis(300));
            let now = self.screen();
            if now == last || start.elapsed() > DEADLINE {
                return now;
            }
            last = now;
        }
    }

    /// The pid of the program the pane's shell started.
    fn child_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &shell])
                .output()
                .expect("pgrep");
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if !pid.is_empty() {
                return pid;
            }
            assert!(start.elapsed() < DEADLINE, "no child of the pane's shell");
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// Runs dubao, then reports how it left the terminal: exit code and tty mode.
pub(crate) fn shell_command() -> String {
    shell_command_with("")
}

/// Runs dubao with `args` (see [`shell_command`]).
fn shell_command_with(args: &str) -> String {
    // `$HOME_DIR` becomes the test's own folder (see `Tmux::start`).
    format!(
        "sh -c 'XDG_CONFIG_HOME=$HOME_DIR XDG_DATA_HOME=$HOME_DIR XDG_CACHE_HOME=$HOME_DIR {} {args}; echo EXIT=$?; stty -a | tr \" \" \"\\n\" | grep -x -- \"-*icanon\"; sleep 60'",
        env!("CARGO_BIN_EXE_dubao")
    )
}

/// The first few characters of a title, enough to recognise it on screen.
fn head(text: &str) -> String {
    text.chars().take(6).collect()
}

#[test]
fn read_navigate_resize_help_and_quit() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    let issue = &samples()[0];
    let (first, second) = (&issue.articles[0], &issue.articles[1]);
    tmux.wait_for("the first headline", |s| s.contains(&head(&first.title)));
    tmux.keys(&["Enter"]);
    tmux.wait_for("body text", |s| s.contains(&head(&first.paragraphs[1])));
    tmux.keys(&["]"]);
    tmux.wait_for("the next article", |s| {
        s.contains(&head(&second.paragraphs[0])) && s.contains("2/4")
    });
    tmux.run(&["resize-window", "-t", "e2e", "-x", "30", "-y", "8"]);
    tmux.wait_for("a small window", |s| {
        s.lines().count() <= 8 && s.contains("读报")
    });
    tmux.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    tmux.wait_for("the article again", |s| s.contains(&head(&second.title)));
    tmux.keys(&["?"]);
    tmux.wait_for("help", |s| s.contains("按键") && s.contains("<PageDown>"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("<PageDown>"));
    tmux.keys(&["Q"]);
    tmux.wait_for("a clean exit and the tty mode", |s| {
        s.contains("EXIT=0") && s.contains("icanon")
    });
    let screen = tmux.screen();
    assert!(
        screen.lines().any(|l| l == "icanon"),
        "terminal left in cooked mode:\n{screen}"
    );
    assert_eq!(tmux.format("#{alternate_on}"), "0", "main screen restored");
}

#[test]
fn scrolling_by_lines_and_pages_leaves_the_screen_as_a_full_redraw_would() {
    let Some(tmux) = Tmux::start_sized(&shell_command(), 60, 14) else {
        return;
    };
    let article = &samples()[0].articles[2];
    tmux.wait_for("the front page", |s| s.contains("读报"));
    // Started at this size: keys sent right after a resize-window are sometimes lost by tmux.
    tmux.wait_for("the status line on the last row", |s| {
        s.lines().nth(13).is_some_and(|l| l.contains("头版"))
    });
    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&article.title)));
    // Once jieba has loaded, a keyword line joins the headline and everything moves down a
    // line: wait for it, so that no comparison straddles it.
    tmux.wait_for("the keywords", |s| s.contains("关键词"));
    for keys in [
        &["j", "j", "j"][..],
        &["Space"],
        &["k"],
        &["b"],
        &["C-d"],
        &["G"],
        &["g", "g"],
    ] {
        // Every step moves the text: wait for that before waiting for the screen to settle, or
        // a slow frame (a loaded machine) reads as a settled old one.
        let before = tmux.screen();
        tmux.keys(keys);
        tmux.wait_for("the keys' effect", |s| s != before);
        let incremental = tmux.settled();
        tmux.keys(&["C-l"]);
        assert_eq!(
            tmux.settled(),
            incremental,
            "after {keys:?} the screen differs from a full redraw"
        );
    }
}

#[test]
fn slash_search_highlights_matches_and_n_moves() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    let first = &samples()[0].articles[0];
    tmux.wait_for("the front page", |s| s.contains(&head(&first.title)));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&first.paragraphs[1])));
    tmux.keys(&["/", "电", "力", "Enter"]);
    let status = |s: &str| {
        s.lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .to_owned()
    };
    tmux.wait_for("the match counter, prompt closed", |s| {
        status(s).contains(" 1/") && !status(s).contains("▏")
    });
    let styled =
        String::from_utf8_lossy(&tmux.run(&["capture-pane", "-e", "-p", "-t", "e2e"]).stdout)
            .into_owned();
    let reversed = styled
        .match_indices("电力")
        .filter(|&(at, _)| {
            let before = styled.get(..at).unwrap_or_default();
            // The last two escape sequences before the match (reverse, then perhaps a colour).
            let from = before.rmatch_indices('\u{1b}').nth(1).map_or(0, |(i, _)| i);
            let sgr = before.get(from..).unwrap_or_default();
            sgr.ends_with('m')
                && (sgr.contains("[7m") || sgr.contains(";7m") || sgr.contains(";7;"))
        })
        .count();
    assert!(reversed >= 2, "matches in reverse video:\n{styled}");
    tmux.keys(&["n"]);
    tmux.wait_for("the next match", |s| status(s).contains(" 2/"));
}

#[track_caller]
fn signal_restores_the_terminal(signal: &str) {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("读报"));
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    let pid = tmux.child_pid();
    let killed = Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_for("the app to stop and the tty mode", |s| {
        s.contains("EXIT=") && s.contains("icanon")
    });
    let screen = tmux.screen();
    assert!(
        screen.lines().any(|l| l == "icanon"),
        "terminal left in raw mode after {signal}:\n{screen}"
    );
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "main screen restored after {signal}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("-TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("-HUP");
}

#[test]
fn sigquit_restores_the_terminal() {
    signal_restores_the_terminal("-QUIT");
}

#[test]
fn quitting_and_starting_again_returns_to_the_same_place() {
    use std::os::unix::fs::PermissionsExt;
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    let second = &samples()[0].articles[1];
    tmux.wait_for("the front page", |s| s.contains("读报"));
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the second article", |s| {
        s.contains(&head(&second.paragraphs[0]))
    });
    tmux.keys(&["j", "j", "j", "Q"]);
    tmux.wait_for("a clean exit and the tty mode", |s| {
        s.contains("EXIT=0") && s.contains("icanon")
    });
    let state = tmux.home.path().join("dubao/state.json");
    let mode = std::fs::metadata(&state)
        .expect("state saved")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "private to the user");
    // The same folders, a new run: back in the second article.
    let again = shell_command().replace("$HOME_DIR", &tmux.home.path().display().to_string());
    tmux.run(&["respawn-pane", "-k", "-t", "e2e", &again]);
    tmux.wait_for("the second article again", |s| {
        s.contains("2/4 篇") && s.contains("阅读")
    });
}

/// The text of the reading pane's first row and the one under it, run together: no spaces, no
/// scrollbar (box-drawing and block glyphs).
fn top_text(screen: &str) -> String {
    screen
        .lines()
        .skip(1)
        .take(2)
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{259f}').contains(c))
        .collect()
}

/// `place` starts on the reading pane's first row (and may run on to the next).
#[track_caller]
fn assert_on_top(screen: &str, place: &str, after: &str) {
    let first = place.chars().next().expect("a place");
    let row = screen.lines().nth(1).unwrap_or_default();
    assert!(
        row.contains(first) && top_text(screen).contains(place),
        "after {after}, {place:?} is not on the first line:\n{screen}"
    );
}

/// The first characters of the reading pane's first row.
fn first_row(screen: &str) -> String {
    let row = screen.lines().nth(1).unwrap_or_default();
    row.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{259f}').contains(c))
        .take(4)
        .collect()
}

#[test]
fn resizing_and_changing_the_measure_keep_the_first_visible_text_on_the_first_line() {
    // One long article: every paragraph of the samples, so a place a page in is far from
    // its end at every size and measure below (at the end, the last line would stay at the
    // bottom and the place move down).
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("long.txt");
    let paragraphs = crate::support::sample_paragraphs();
    std::fs::write(&path, format!("长文章\n\n{}\n", paragraphs.join("\n\n"))).expect("write");
    let Some(tmux) = Tmux::start_sized(&shell_command_with(&path.display().to_string()), 100, 40)
    else {
        return;
    };
    tmux.wait_for("the status line on the last row", |s| {
        s.lines().nth(39).is_some_and(|l| l.contains("头版"))
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&paragraphs[0])));
    // Once jieba has loaded, a keyword line joins the headline: wait for it first.
    tmux.wait_for("the keywords", |s| s.contains("关键词"));
    tmux.keys(&["Space"]);
    tmux.wait_for("a page down", |s| !s.contains("关键词"));
    // Keys that move the text, and the screen once they have (not a slow old frame).
    let scroll = |keys: &[&str]| {
        let before = tmux.screen();
        tmux.keys(keys);
        tmux.wait_for("the text to move", |s| s != before);
        first_row(&tmux.settled())
    };
    // A line of body text at the top (not a blank line between paragraphs, nor a short end).
    let mut start = scroll(&["j"; 9]);
    for _ in 0..5 {
        if start.chars().count() == 4 {
            break;
        }
        start = scroll(&["j"]);
    }
    assert_eq!(
        start.chars().count(),
        4,
        "no body text at the top: {start:?}"
    );
    let place: String = start.chars().take(3).collect();

    // tmux crops what is on screen at once: wait for the app's own frame at the new size
    // (its status line on the last row) before looking.
    let redrawn =
        |rows: usize| move |s: &str| s.lines().nth(rows - 1).is_some_and(|l| l.contains("阅读"));
    tmux.run(&["resize-window", "-t", "e2e", "-x", "60", "-y", "30"]);
    tmux.wait_for("a frame at 60×30", redrawn(30));
    assert_on_top(&tmux.settled(), &place, "resizing to 60×30");
    tmux.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "40"]);
    tmux.wait_for("a frame at 100×40", redrawn(40));
    assert_eq!(
        first_row(&tmux.settled()),
        start,
        "back at 100×40, the same first line"
    );
    for (keys, what) in [
        (&["-", "-", "-", "-", "-"][..], "版心 60"),
        (&["+", "+", "+"][..], "版心 72"),
        (&["="][..], "版心 80"),
    ] {
        tmux.keys(keys);
        tmux.wait_for(what, |s| s.contains(what));
        assert_on_top(&tmux.settled(), &place, what);
    }
    assert_eq!(
        first_row(&tmux.settled()),
        start,
        "the measure back, the line back"
    );
}

/// The status line: the last row that is not blank.
fn status_line(screen: &str) -> String {
    screen
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// dubao is still running: after a key that must not quit, the program has not printed its
/// exit code and still draws.
#[track_caller]
fn still_running(tmux: &Tmux, what: &str) {
    let screen = tmux.settled();
    assert!(!screen.contains("EXIT="), "{what} quit:\n{screen}");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "{what}");
}

#[test]
fn esc_never_quits_q_goes_back_and_colon_q_quits() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    let first = &samples()[0].articles[0];
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Escape"]);
    still_running(&tmux, "Esc on the front page");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&first.paragraphs[1])));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the front page again", |s| status_line(s).contains("头版"));
    tmux.keys(&["Escape", "Escape"]);
    still_running(&tmux, "Esc Esc on the front page");
    tmux.keys(&[":", "q", "Enter"]);
    tmux.wait_for("a clean exit", |s| s.contains("EXIT=0"));
}

#[test]
fn back_from_a_result_returns_to_the_list_and_s_offers_the_last_query() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["S", "电", "力", "Enter"]);
    // Listed once the index in memory is built (the list waits for it, marked).
    tmux.wait_for("the results", |s| {
        s.contains("搜索 “电力”") && s.contains('▌')
    });
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the article with its match counter", |s| {
        status_line(s).contains("阅读") && status_line(s).contains("1/")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("the results again, the second selected", |s| {
        s.contains("搜索 “电力”") && !status_line(s).contains("1/")
    });
    let list = tmux.screen();
    let selected: Vec<&str> = list.lines().filter(|l| l.contains('▌')).collect();
    let titles: Vec<&str> = list.lines().filter(|l| l.contains(" · ")).collect();
    assert_eq!(
        selected.first(),
        titles.get(2),
        "the second hit is selected:\n{list}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the front page", |s| status_line(s).contains("头版"));
    tmux.keys(&["S"]);
    tmux.wait_for("the last query offered", |s| {
        status_line(s).contains("S 电力")
    });
}

#[test]
fn counts_ctrl_keys_and_the_ends_of_the_brackets() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    let issue = &samples()[0];
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains("第 1/4 篇"));
    tmux.keys(&["3", "]"]);
    tmux.wait_for("three articles on", |s| {
        s.contains("第 4/4 篇") && s.contains(&head(&issue.articles[3].title))
    });
    tmux.keys(&["]"]);
    tmux.wait_for("the end said", |s| status_line(s).contains("已是最后一篇"));
    tmux.keys(&["9", "["]);
    tmux.wait_for("the first article", |s| s.contains("第 1/4 篇"));
    tmux.keys(&["["]);
    tmux.wait_for("the start said", |s| status_line(s).contains("已是第一篇"));
    // Once jieba has loaded, a keyword line joins the headline: wait for it, so that no
    // comparison straddles it.
    tmux.wait_for("the keywords", |s| s.contains("关键词"));
    // The text, without the status line (whose notice the next key clears).
    let text = |s: &str| s.lines().take(23).collect::<Vec<_>>().join("\n");
    let top = text(&tmux.settled());
    tmux.keys(&["C-f"]);
    tmux.wait_for("a page on", |s| text(s) != top);
    let paged = text(&tmux.settled());
    tmux.keys(&["C-b", "C-e"]);
    tmux.wait_for("one line on", |s| text(s) != paged && text(s) != top);
    tmux.keys(&["C-y"]);
    tmux.wait_for("back at the top", |s| text(s) == top);
}

#[test]
fn marks_and_copies_confirm_in_the_status_line_and_the_bookmark_list_says_so() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["r"]);
    tmux.wait_for("read", |s| status_line(s).contains("已标为已读"));
    tmux.keys(&["r"]);
    tmux.wait_for("unread", |s| status_line(s).contains("已标为未读"));
    tmux.keys(&["R"]);
    tmux.wait_for("the issue read", |s| status_line(s).contains("整期已读"));
    tmux.keys(&["m"]);
    tmux.wait_for("bookmarked", |s| status_line(s).contains("已加书签"));
    tmux.keys(&["B"]);
    tmux.wait_for("the bookmark list", |s| status_line(s).contains("书签"));
    assert!(!status_line(&tmux.screen()).contains("搜索"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| status_line(s).contains("阅读"));
    tmux.keys(&["q"]);
    tmux.wait_for("back to the bookmarks", |s| status_line(s).contains("书签"));
}

/// `tmux show-buffer`: what the last copy put in tmux's buffer.
fn buffer(tmux: &Tmux) -> String {
    String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned()
}

#[test]
fn y_copies_into_tmux_by_load_buffer_and_by_osc52() {
    let article = &samples()[0].articles[0];
    // Through `tmux load-buffer` (the default inside tmux).
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&article.paragraphs[1])));
    tmux.keys(&["Y"]);
    tmux.wait_for("the copy confirmed", |s| {
        status_line(s).contains("已复制全文")
    });
    let copied = buffer(&tmux);
    assert!(copied.contains(&article.title), "{copied}");
    assert!(copied.contains(&article.paragraphs[0]), "{copied}");
    assert!(
        !copied.contains('┃') && !copied.contains("读报"),
        "no screen furniture"
    );
    tmux.keys(&["c"]);
    tmux.wait_for("the citation confirmed", |s| {
        status_line(s).contains("已复制引文")
    });
    assert!(buffer(&tmux).starts_with(&format!("{} — ", article.title)));
    drop(tmux);
    // OSC 52, which tmux takes into its buffer with `set-clipboard on`.
    let Some(tmux) = Tmux::start_configured(&shell_command(), 80, 24, "clipboard = \"osc52\"\n")
    else {
        return;
    };
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&article.paragraphs[1])));
    tmux.keys(&["y"]);
    tmux.wait_for("the copy confirmed", |s| {
        status_line(s).contains("已复制段落")
    });
    let start = Instant::now();
    while buffer(&tmux).is_empty() && start.elapsed() < DEADLINE {
        sleep(Duration::from_millis(50));
    }
    assert_eq!(buffer(&tmux), article.paragraphs[0]);
}

#[test]
fn clipboard_off_and_english_say_so_in_english() {
    let config = "clipboard = \"off\"\nlanguage = \"en\"\n";
    let Some(tmux) = Tmux::start_configured(&shell_command(), 80, 24, config) else {
        return;
    };
    tmux.wait_for("the front page in English", |s| {
        status_line(s).contains("front")
    });
    tmux.keys(&["y"]);
    tmux.wait_for("the clipboard is off", |s| {
        status_line(s).contains("clipboard is off")
    });
    tmux.keys(&["?"]);
    tmux.wait_for("the help in English", |s| {
        s.contains("Keys") && s.contains("Page down")
    });
}

#[test]
fn the_help_fits_80x24_and_pages_to_its_last_binding() {
    let Some(tmux) = Tmux::start(&shell_command()) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| s.contains("按键") && s.contains("下翻一页"));
    tmux.keys(&["G"]);
    tmux.wait_for("its last binding", |s| {
        s.contains("挂起到 shell（fg 回来）")
    });
    let screen = tmux.screen();
    for line in screen.lines().filter(|l| l.starts_with("  │")) {
        // Every row of the overlay closes with its border: nothing runs off the edge.
        assert!(line.contains(" │ "), "{line}\n{screen}");
    }
}

#[test]
fn a_piped_issue_is_read_and_keys_come_from_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("piped.txt");
    std::fs::write(
        &path,
        "\n管道里的标题\n\n　　第一段正文从标准输入来。\n\n第二篇\n\n　　又一段。\n",
    )
    .expect("write");
    let command = format!(
        "sh -c 'cat {} | XDG_CONFIG_HOME=$HOME_DIR XDG_DATA_HOME=$HOME_DIR XDG_CACHE_HOME=$HOME_DIR {} ; echo EXIT=$?; sleep 60'",
        path.display(),
        env!("CARGO_BIN_EXE_dubao")
    );
    let Some(tmux) = Tmux::start(&command) else {
        return;
    };
    tmux.wait_for("the piped issue", |s| s.contains("管道里的标题"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("its article", |s| s.contains("第一段正文从标准输入来"));
    tmux.keys(&["]"]);
    tmux.wait_for("the second article", |s| s.contains("又一段"));
    tmux.keys(&["Q"]);
    tmux.wait_for("a clean exit", |s| s.contains("EXIT=0"));
}

/// The reading pane's first row, without spaces or the scrollbar.
fn first_row_text(screen: &str) -> String {
    let row = screen.lines().nth(1).unwrap_or_default();
    row.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{259f}').contains(c))
        .collect()
}

#[test]
fn t_converts_the_text_in_place() {
    use dubao::script::{Script, converters};
    use dubao::search::fold;
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("long.txt");
    let paragraphs = crate::support::sample_paragraphs();
    std::fs::write(&path, format!("长文章\n\n{}\n", paragraphs.join("\n\n"))).expect("write");
    let Some(tmux) = Tmux::start(&shell_command_with(&path.display().to_string())) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains(&head(&paragraphs[0])));
    tmux.keys(&["Space", "j", "j", "j"]);
    // (The first paragraph's words may come again further down: no wait on them.)
    let _ = tmux.settled();
    // A row of text at the top, not the blank between paragraphs.
    let mut before = first_row_text(&tmux.settled());
    for _ in 0..4 {
        if before.chars().count() >= 10 {
            break;
        }
        tmux.keys(&["j"]);
        before = first_row_text(&tmux.settled());
    }
    // The row converted as part of its paragraph (a phrase may be cut by the line's end).
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let paragraph = paragraphs
        .iter()
        .find(|p| squeeze(p).contains(&before))
        .expect("the row's paragraph");
    let converted = squeeze(&converters().convert(paragraph, Script::Traditional));
    tmux.keys(&["t"]);
    tmux.wait_for("simplified", |s| status_line(s).contains("简体"));
    tmux.keys(&["t"]);
    tmux.wait_for("traditional", |s| status_line(s).contains("繁体"));
    let after = first_row_text(&tmux.settled());
    assert_ne!(after, before, "converted");
    assert_eq!(fold(&after), fold(&before), "the same text");
    assert!(converted.contains(&after), "{after} in {converted}");
    tmux.keys(&["t"]);
    tmux.wait_for("the original", |s| status_line(s).contains("原文"));
    assert_eq!(first_row_text(&tmux.settled()), before);
}

#[test]
fn o_jumps_to_a_section_of_the_outline() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("feature.txt");
    let paragraphs = crate::support::sample_paragraphs();
    let mut text = String::from("重点项目建设提速\n\n");
    for (n, head) in ["一、稳字当头", "二、进字为先", "三、实字托底"]
        .iter()
        .enumerate()
    {
        text.push_str(head);
        text.push_str("\n\n");
        for p in paragraphs.iter().skip(n * 5).take(5) {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    std::fs::write(&path, text).expect("write");
    let Some(tmux) = Tmux::start(&shell_command_with(&path.display().to_string())) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article", |s| s.contains("一、稳字当头"));
    tmux.keys(&["o"]);
    tmux.wait_for("the outline", |s| {
        s.contains("本文提纲") && s.contains("三、实字托底")
    });
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the second section on top", |s| {
        !s.contains("本文提纲") && first_row_text(s).contains("二、进字为先")
    });
    assert!(status_line(&tmux.screen()).contains("§ 二、进字为先"));
}

#[test]
fn colon_and_a_day_without_an_issue_opens_the_nearest() {
    let folder = tempfile::tempdir().expect("tempdir");
    let sample = include_str!("../../assets/samples/000_5881bbe1ec912710.txt");
    for name in ["20200218", "20200221"] {
        std::fs::write(folder.path().join(format!("{name}.txt")), sample).expect("write");
    }
    let Some(tmux) = Tmux::start(&shell_command_with(&folder.path().display().to_string())) else {
        return;
    };
    tmux.wait_for("the front page", |s| s.contains("头版"));
    tmux.keys(&[
        ":", "2", "0", "2", "0", "-", "0", "2", "-", "1", "9", "Enter",
    ]);
    tmux.wait_for("the nearest issue, said so", |s| {
        status_line(s).contains("最近")
            && s.lines().next().unwrap_or_default().contains("2020-02-18")
    });
    tmux.keys(&[":", "+", "1", "Enter"]);
    tmux.wait_for("the next issue", |s| {
        s.lines().next().unwrap_or_default().contains("2020-02-21")
    });
}
