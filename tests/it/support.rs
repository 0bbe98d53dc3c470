//! Helpers for driving the app without a terminal: a key-string DSL and a screen printer.

use std::sync::{Arc, LazyLock};

use dubao::app::keymap::{Keymap, Resolver, actions_for};
use dubao::app::search::Shared;
use dubao::app::{Action, AppState, Effect, ThemeKind, update};
use dubao::index::ArchiveIndex;
use dubao::io::load::samples;
use dubao::ui::draw;
use jieba_rs::Jieba;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// Every paragraph of the embedded samples.
pub fn sample_paragraphs() -> Vec<String> {
    samples()
        .into_iter()
        .flat_map(|i| i.articles)
        .flat_map(|a| a.paragraphs)
        .collect()
}

/// The app on the embedded samples at `width` × `height`, with the index in memory that the
/// background thread builds of them open.
pub fn app(width: u16, height: u16) -> AppState {
    static INDEX: LazyLock<Arc<ArchiveIndex>> = LazyLock::new(|| {
        Arc::new(ArchiveIndex::of_issues(&samples(), jieba()).expect("an index of the samples"))
    });
    let mut app = AppState::new(
        samples(),
        Keymap::default_keymap(),
        ThemeKind::Dark,
        width,
        height,
    );
    opened(&mut app, Arc::clone(&INDEX));
    app
}

/// jieba's dictionary, loaded once for every test.
pub fn jieba() -> Arc<Jieba> {
    static JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| Arc::new(Jieba::new()));
    Arc::clone(&JIEBA)
}

/// Opens an index in memory of the app's issues, as the background thread does.
pub fn open_index(app: &mut AppState) {
    let index = ArchiveIndex::of_issues(&app.issues, jieba()).expect("an index in memory");
    opened(app, Arc::new(index));
}

fn opened(app: &mut AppState, index: Arc<ArchiveIndex>) {
    update(app, Action::ArchiveOpened(Shared(index), None));
}

/// The status line's message, in the words the views give it.
pub fn status_message(app: &AppState) -> Option<String> {
    app.notice
        .as_ref()
        .map(|n| dubao::ui::strings::notice(app.language, n))
}

/// Presses keys written as `jj<Enter>g g<C-d>` (named keys in angle brackets, spaces ignored
/// except `<Space>`), returning the last effect.
#[track_caller]
pub fn press(app: &mut AppState, keys: &str) -> Effect {
    RESOLVER.with_borrow_mut(|resolver| press_with(resolver, app, keys))
}

thread_local! {
    // One per test thread, so an unfinished sequence carries over from one `press` to the next.
    static RESOLVER: std::cell::RefCell<Resolver> = std::cell::RefCell::default();
}

fn press_with(resolver: &mut Resolver, app: &mut AppState, keys: &str) -> Effect {
    let mut effect = Effect::None;
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let event = match c {
            ' ' => continue,
            '<' => {
                let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
                named(&name)
            }
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        let keymap = app.keymap.clone();
        for action in actions_for(app.search.prompt.is_some(), resolver, &keymap, event) {
            effect = update(app, action);
        }
    }
    effect
}

fn named(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "Down" => plain(KeyCode::Down),
        "Up" => plain(KeyCode::Up),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PageDown" => plain(KeyCode::PageDown),
        "PageUp" => plain(KeyCode::PageUp),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "Space" => plain(KeyCode::Char(' ')),
        "F1" => plain(KeyCode::F(1)),
        ctrl => {
            let c = ctrl
                .strip_prefix("C-")
                .and_then(|k| k.chars().next())
                .expect("known key name");
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
    }
}

/// Draws the app into a test terminal of its size.
pub fn render(app: &AppState) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.width, app.height)).expect("test terminal");
    terminal.draw(|frame| draw(app, frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// One string per row, trailing spaces trimmed; the cells hidden behind a wide glyph are
/// skipped (and must be blank).
pub fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                assert_eq!(
                    symbol, " ",
                    "cell ({x}, {y}) hidden behind a wide glyph holds {symbol:?}"
                );
                skip -= 1;
                continue;
            }
            row.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
