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
    /// Open issue by key, for the issues it was made from (by identity).
    keys: Option<(Shared<Vec<Issue>>, Arc<IssueKeys>)>,
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

    /// The first `limit` articles of the open issues that match `input`, best first, with
    /// snippets. A hit in an issue not parsed yet (the library still loading) is left out: the
    /// search runs again once it has loaded.
    pub fn search(&mut self, issues: &Arc<Vec<Issue>>, input: &str, limit: usize) -> Vec<Hit> {
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
                issues.get(issue)?.articles.get(hit.article)?;
                Some(Hit {
                    issue,
                    article: hit.article,
                    in_title: hit.in_title,
                    score: f64::from(hit.score),
                    snippets: hit.snippets,
                    // The index matches characters; pinyin is matched in memory only.
                    by_pinyin: false,
                })
            })
            .collect()
    }

    /// The key → issue map of `issues`, made once per set of issues.
    fn keys(&mut self, issues: &Arc<Vec<Issue>>) -> Arc<HashMap<String, usize>> {
        match &self.keys {
            Some((of, keys)) if Arc::ptr_eq(&of.0, issues) => Arc::clone(keys),
            _ => {
                let keys = Arc::new(issue_keys(&self.root, issues));
                self.keys = Some((Shared(Arc::clone(issues)), Arc::clone(&keys)));
                keys
            }
        }
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
