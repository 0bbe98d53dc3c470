//! Opening a folder of 10,000 issues: time to the first frame (the folder listed and dated, the
//! newest issue parsed, the screen drawn), without and with the cache; the background parse of
//! the rest; and the time to save the reading state. A plain bench binary: it prints figures.

use std::fs;
use std::path::Path;
use std::time::Instant;

use dubao::app::keymap::Keymap;
use dubao::app::{AppState, ThemeKind};
use dubao::io::library::{self, Catalog};
use dubao::io::load::SAMPLES;
use dubao::io::store::{Memory, Store};
use dubao::ui::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ISSUES: usize = 10_000;
/// Under `cargo test` (no `--bench` argument) a small folder checks that the bench runs.
const SMOKE_ISSUES: usize = 50;

fn folder(dir: &Path, count: usize) {
    for n in 0..count {
        let (_, text) = SAMPLES[n % SAMPLES.len()];
        let (year, day) = (2000 + n / 365, n % 365);
        let name = format!(
            "paper-{n:05}-{year}{:02}{:02}.txt",
            day / 28 % 12 + 1,
            day % 28 + 1
        );
        fs::write(
            dir.join(name),
            format!("{text}\n\n第{n}期\n\n本报讯 编号{n}。\n"),
        )
        .expect("write issue");
    }
}

/// Milliseconds to open the library and draw its first frame.
fn first_frame(dir: &Path, cache: &Path) -> (f64, library::Loader) {
    let start = Instant::now();
    let (issues, loader) = library::open(dir, Catalog::at(Some(cache.to_owned()))).expect("open");
    let state = AppState::new(issues, Keymap::default_keymap(), ThemeKind::Dark, 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| draw(&state, f)).expect("draw");
    (start.elapsed().as_secs_f64() * 1000.0, loader)
}

fn main() {
    let count = if std::env::args().any(|a| a == "--bench") {
        ISSUES
    } else {
        SMOKE_ISSUES
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache/library.json");
    let issues = dir.path().join("issues");
    fs::create_dir(&issues).expect("mkdir");
    folder(&issues, count);

    let (cold, loader) = first_frame(&issues, &cache);
    println!("{count} issues: first frame {cold:.0} ms (no cache)");
    let start = Instant::now();
    let mut loader = loader;
    let scanned = loader.scan();
    println!(
        "background scan of all {} issues (parsed, summarised, not kept): {:.0} ms",
        scanned.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let (warm, _) = first_frame(&issues, &cache);
    println!("{count} issues: first frame {warm:.0} ms (cache warm)");

    let store = Store::at(dir.path().join("data/state.json"));
    let mut memory = Memory::default();
    for n in 0..count * 5 {
        memory.set(format!("{n:016x}:{}", n % 7), |m| m.read = true);
    }
    let start = Instant::now();
    store.save(&memory).expect("save");
    println!(
        "saving the reading state ({} marks): {:.1} ms",
        memory.marks.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    memory.set("one:1".into(), |m| m.bookmark = true);
    let start = Instant::now();
    store.save(&memory).expect("save");
    println!(
        "saving again (merge with the file on disk): {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut small = Memory::default();
    small.set("one:2".into(), |m| m.read = true);
    let small_store = Store::at(dir.path().join("small/state.json"));
    let start = Instant::now();
    small_store.save(&small).expect("save");
    println!(
        "saving a day's reading (1 mark): {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}
