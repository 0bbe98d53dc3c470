//! Work started after the first frame, off the UI thread: the library's scan, the word
//! segmenter, and the search behind the global search — the library's archive index (brought
//! up to date here, searchable while it is), or for the samples and single files an in-memory
//! corpus.

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
use crate::search::{Corpus, Ranker};

/// The least time between two progress reports (each is a status-line redraw).
const PROGRESS_EVERY: Duration = Duration::from_millis(150);

/// Starts the background work for `issues` (or for the library `library` loads).
pub(super) fn start(issues: Arc<Vec<Issue>>, library: Option<Loader>, tx: Sender<Input>) {
    thread::spawn(move || match library {
        Some(loader) => {
            // The library's issues are parsed when opened: this copy would only hold one.
            drop(issues);
            library_work(loader, &tx);
        }
        None => in_memory(issues, &tx),
    });
}

/// Samples and single files: the corpus, then jieba (about 0.1 s to load) ranking over it.
fn in_memory(issues: Arc<Vec<Issue>>, tx: &Sender<Input>) {
    let corpus = Arc::new(Corpus::new(&issues));
    let _ = tx.send(Input::Corpus(Arc::clone(&corpus), issues));
    let _ = tx.send(Input::Ranker(Box::new(Ranker::new(&corpus))));
}

/// A library folder: jieba first (keywords and headline breaks need no word statistics of
/// the whole library, and the index's tokenizer shares the one dictionary), the index on a
/// thread of its own, the scan meanwhile. Only without an index is every issue parsed and
/// kept, for the in-memory search.
fn library_work(mut loader: Loader, tx: &Sender<Input>) {
    let ranker = Ranker::new(&Corpus::default());
    let jieba = ranker.jieba();
    let _ = tx.send(Input::Ranker(Box::new(ranker)));
    let folder = loader.folder().to_owned();
    let indexer = {
        let tx = tx.clone();
        thread::spawn(move || index(&folder, jieba, &tx))
    };
    let summaries = loader.scan();
    let _ = tx.send(Input::App(Action::LibraryScanned(summaries)));
    // No index (no cache folder, a disk full): the in-memory search, ranked over the library.
    if !indexer.join().unwrap_or(false) {
        let issues = Arc::new(loader.load_all());
        let _ = tx.send(Input::Library(Arc::clone(&issues)));
        in_memory(issues, tx);
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
        folder.to_owned(),
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
