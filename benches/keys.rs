//! Pathological issues (issue 15): the time to a first frame and the time each key takes
//! (update and draw) on an issue of a million tiny stories and on one 100 MB line. A plain
//! bench binary: it prints figures. `DUBAO_BENCH_FILE=path` measures a file of your own.
//!
//!     cargo bench --bench keys

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use dubao::app::keymap::Keymap;
use dubao::app::{Action, AppState, ThemeKind, update};
use dubao::io::load::{load_file, set_size_limit};
use dubao::ui::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Under `cargo test` (no `--bench` argument) small issues check that the bench runs.
fn scale() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        1
    } else {
        1000
    }
}

fn million_stories(dir: &Path, count: usize) -> std::path::PathBuf {
    let path = dir.join("million.txt");
    let mut text = String::with_capacity(count * 40);
    for n in 0..count {
        let _ = write!(text, "第{n}条\n\n本报讯 事{n}。\n\n");
    }
    std::fs::write(&path, text).expect("write");
    path
}

fn one_line(dir: &Path, bytes: usize) -> std::path::PathBuf {
    let path = dir.join("oneline.txt");
    std::fs::write(&path, "长".repeat(bytes / 3)).expect("write");
    path
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Loads, parses and draws `path`; then each key's update and draw, a few times each.
fn measure(name: &str, path: &Path) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let start = Instant::now();
    let issue = load_file(path).expect("load");
    let loaded = start.elapsed();
    let articles = issue.articles.len();
    let mut state = AppState::new(
        vec![issue],
        Keymap::default_keymap(),
        ThemeKind::Dark,
        120,
        40,
    );
    terminal.draw(|f| draw(&state, f)).expect("draw");
    println!(
        "{name}: {articles} articles; loaded and parsed in {:.0} ms, first frame at {:.0} ms",
        ms(loaded),
        ms(start.elapsed())
    );
    let keys: &[(&str, &[Action])] = &[
        ("j", &[Action::Down]),
        ("k", &[Action::Up]),
        ("G", &[Action::Bottom]),
        ("g g", &[Action::Top]),
        ("<Space>", &[Action::PageDown]),
        ("<Enter> j q", &[Action::Open, Action::Down, Action::Back]),
        ("]", &[Action::NextArticle]),
    ];
    for (label, actions) in keys {
        let mut worst = Duration::ZERO;
        let mut total = Duration::ZERO;
        let rounds = 5;
        for _ in 0..rounds {
            for action in *actions {
                let start = Instant::now();
                update(&mut state, action.clone());
                terminal.draw(|f| draw(&state, f)).expect("draw");
                let took = start.elapsed();
                worst = worst.max(took);
                total += took;
            }
        }
        let mean = total / (rounds * actions.len() as u32);
        println!(
            "  {label:12} mean {:7.2} ms, worst {:7.2} ms",
            ms(mean),
            ms(worst)
        );
    }
}

fn main() {
    set_size_limit(256 * 1024 * 1024);
    if let Some(path) = std::env::var_os("DUBAO_BENCH_FILE") {
        measure("file", Path::new(&path));
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let scale = scale();
    measure(
        "a million tiny stories",
        &million_stories(dir.path(), 1_000_000 / scale),
    );
    measure(
        "one 100 MB line",
        &one_line(dir.path(), 100_000_000 / scale),
    );
}
