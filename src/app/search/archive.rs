//! Search across issues answered by an archive index: the library folder's, whose keys are the
//! issues' paths in the library, or one in memory of the open issues (the samples, files named
//! on the command line, a library with no index), keyed by position. Keys are mapped here to
//! the open issues.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::Shared;
use crate::index::{ArchiveIndex, ArchiveQuery, Progress, Sort, memory_key};
use crate::model::{Issue, Source};
use crate::search::Hit;

/// Open issue by the key the index knows it by (its path in the library).
type IssueKeys = HashMap<String, usize>;

/// The index searched across issues, and how far its background update has got.
#[derive(Debug, Clone)]
pub struct Archive {
    pub index: Shared<ArchiveIndex>,
    /// The library folder the index keys are relative to; `None` for an index in memory.
    pub root: Option<PathBuf>,
    /// The update under way (files and bytes done); `None` once it has finished, and for an
    /// index in memory, complete when it opens.
    pub progress: Option<Progress>,
    /// Open issue by key, made once: an issue parsed or put back keeps its source (and no
    /// copy of the issues is held here, which would make every issue opened copy them all).
    keys: Option<Arc<IssueKeys>>,
}

impl Archive {
    pub fn new(index: Shared<ArchiveIndex>, root: Option<PathBuf>) -> Self {
        Self {
            index,
            progress: root.is_some().then(Progress::default),
            root,
            keys: None,
        }
    }

    /// The first `limit` articles of the library's issues that match `input`, best first, with
    /// snippets.
    pub fn search(&mut self, issues: &[Issue], input: &str, limit: usize) -> Vec<Hit> {
        let query = ArchiveQuery::parse(input);
        // A failed search (the index folder removed under us) finds nothing: a library may be
        // larger than memory, so there is no searching it another way.
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
                    // The index matches characters; pinyin is matched in headlines apart.
                    by_pinyin: false,
                })
            })
            .collect()
    }

    /// The key → issue map of `issues`, made once.
    fn keys(&mut self, issues: &[Issue]) -> Arc<IssueKeys> {
        let root = self.root.as_deref();
        Arc::clone(self.keys.get_or_insert_with(|| {
            Arc::new(match root {
                Some(root) => issue_keys(root, issues),
                None => (0..issues.len()).map(|i| (memory_key(i), i)).collect(),
            })
        }))
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
