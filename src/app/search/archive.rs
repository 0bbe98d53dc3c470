//! Search across issues answered by the archive index of the library folder, when the reader
//! opened one: the index names issues by key (their path in the library), mapped here to the
//! open issues. Without a library folder (the samples, single files) the in-memory search of
//! [`crate::search`] answers instead.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::Shared;
use crate::index::{ArchiveIndex, ArchiveQuery, Progress, Sort};
use crate::model::{Issue, Source};
use crate::search::Hit;

/// Open issue by the key the index knows it by (its path in the library).
type IssueKeys = HashMap<String, usize>;

/// The index of the open library, and how far its background update has got.
#[derive(Debug, Clone)]
pub struct Archive {
    pub index: Shared<ArchiveIndex>,
    /// The library folder the index keys are relative to.
    pub root: PathBuf,
    /// The update under way (files and bytes done); `None` once it has finished.
    pub progress: Option<Progress>,
    /// Open issue by key, made once: an issue parsed or put back keeps its source (and no
    /// copy of the issues is held here, which would make every issue opened copy them all).
    keys: Option<Arc<IssueKeys>>,
}

impl Archive {
    pub fn new(index: Shared<ArchiveIndex>, root: PathBuf) -> Self {
        Self {
            index,
            root,
            progress: Some(Progress::default()),
            keys: None,
        }
    }

    /// The first `limit` articles of the library's issues that match `input`, best first, with
    /// snippets.
    pub fn search(&mut self, issues: &[Issue], input: &str, limit: usize) -> Vec<Hit> {
        let query = ArchiveQuery::parse(input);
        // A failed search (the index folder removed under us) finds nothing; the in-memory
        // engine is not a fallback for a library, which may be larger than memory.
        let Ok(found) = self.index.0.search(&query, Sort::Relevance, limit) else {
            return Vec::new();
        };
        let keys = self.keys(issues);
        found
            .hits
            .into_iter()
            .filter_map(|hit| {
                let issue = *keys.get(&hit.path)?;
                Some(Hit {
                    issue,
                    article: hit.article,
                    title: hit.title,
                    in_title: hit.in_title,
                    score: f64::from(hit.score),
                    snippets: hit.snippets,
                    // The index matches characters; pinyin is matched in memory only.
                    by_pinyin: false,
                })
            })
            .collect()
    }

    /// The key → issue map of `issues`, made once.
    fn keys(&mut self, issues: &[Issue]) -> Arc<IssueKeys> {
        let root = &self.root;
        Arc::clone(
            self.keys
                .get_or_insert_with(|| Arc::new(issue_keys(root, issues))),
        )
    }
}

/// Every key an open issue may be indexed under (as a file, or as a day of article files).
fn issue_keys(root: &std::path::Path, issues: &[Issue]) -> HashMap<String, usize> {
    let mut keys = HashMap::with_capacity(issues.len() * 2);
    for (i, issue) in issues.iter().enumerate() {
        if let Source::File(path) = &issue.source {
            for key in crate::index::issue_keys(root, path, issue.date) {
                keys.entry(key).or_insert(i);
            }
        }
    }
    keys
}
