//! Work started after the first frame, off the UI thread: the word segmenter, the library's
//! scan, and the index behind the search across issues — the library's archive index (brought
//! up to date here, searchable while it is), or for the samples and single files an index in
//! memory.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

use jieba_rs::Jieba;

use super::Input;
use crate::app::search::Shared;
use crate::app::{Action, Notice};
use crate::index::ArchiveIndex;
use crate::io::library::Loader;
use crate::model::Issue;
use crate::search::Dictionary;

/// The least time between two progress reports (each is a status-line redraw).
const PROGRESS_EVERY: Duration = Duration::from_millis(150);

/// Starts the background work for `issues` (or for the library `library` loads).
/// jieba first (about 0.1 s to load; keywords and headline breaks need it, and the index's
/// word tokenizer shares the one dictionary), then the index.
pub(super) fn start(issues: Arc<Vec<Issue>>, library: Option<Loader>, tx: Sender<Input>) {
    thread::spawn(move || {
        let dictionary = Dictionary::load();
        let jieba = dictionary.jieba();
        let _ = tx.send(Input::Dictionary(Box::new(dictionary)));
        match library {
            Some(loader) => {
                // The library's issues are parsed when opened: this copy would only hold one.
                drop(issues);
                library_work(loader, jieba, &tx);
            }
            None => in_memory(&issues, jieba, &tx),
        }
    });
}

/// Samples, single files and a library with no index: an index in memory of the issues.
fn in_memory(issues: &[Issue], jieba: Arc<Jieba>, tx: &Sender<Input>) {
    let send = |action| tx.send(Input::App(action)).is_ok();
    match ArchiveIndex::of_issues(issues, jieba) {
        Ok(index) => {
            send(Action::ArchiveOpened(Shared(Arc::new(index)), None));
        }
        Err(e) => {
            send(Action::Notice(Notice::IndexFailed(e.to_string())));
        }
    }
}

/// A library folder: the index on a thread of its own, the scan meanwhile. Only without an
/// index is every issue parsed and kept, for an index in memory.
fn library_work(mut loader: Loader, jieba: Arc<Jieba>, tx: &Sender<Input>) {
    let folder = loader.folder().to_owned();
    let indexer = {
        let jieba = Arc::clone(&jieba);
        let tx = tx.clone();
        thread::spawn(move || index(&folder, jieba, &tx))
    };
    let summaries = loader.scan();
    let _ = tx.send(Input::App(Action::LibraryScanned(summaries)));
    // No index (no cache folder, a disk full): every issue in memory, and an index of them.
    if !indexer.join().unwrap_or(false) {
        let issues = Arc::new(loader.load_all());
        let _ = tx.send(Input::Library(Arc::clone(&issues)));
        in_memory(&issues, jieba, tx);
    }
}

/// Opens the index of `folder`, hands it to the app and brings it up to date, reporting
/// progress. Returns whether the app has an index to search.
fn index(folder: &Path, jieba: Arc<Jieba>, tx: &Sender<Input>) -> bool {
    let send = |action| tx.send(Input::App(action)).is_ok();
    let opened = crate::index::default_location(folder)
        .and_then(|location| ArchiveIndex::open(&location, jieba));
    let index = match opened {
        Ok(index) => Arc::new(index),
        Err(e) => {
            send(Action::Notice(Notice::IndexFailed(e.to_string())));
            return false;
        }
    };
    if !send(Action::ArchiveOpened(
        Shared(Arc::clone(&index)),
        Some(folder.to_owned()),
    )) {
        return true;
    }
    let mut last = Instant::now();
    let updated = index.update(folder, Duration::ZERO, &mut |progress| {
        if last.elapsed() >= PROGRESS_EVERY {
            last = Instant::now();
            send(Action::Indexing(Some(progress.clone())));
        }
    });
    // Another dubao indexing the folder, say: what is committed is searched.
    if let Err(e) = updated {
        send(Action::Notice(Notice::IndexFailed(e.to_string())));
    }
    send(Action::Indexing(None));
    true
}
