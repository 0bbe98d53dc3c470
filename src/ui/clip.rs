//! The text `y`, `Y` and `c` copy: a paragraph, the article as clean text (headline parts,
//! bylines, paragraphs — none of the screen's margins, marks or hanging punctuation), or a
//! citation in the interface's language.

use super::strings;
use crate::app::copy::Clip;
use crate::app::{AppState, CopyKind};
use crate::model::Article;

/// The text of `clip`, if its article is still open: as it is shown (in the script `t` chose).
pub fn text(state: &AppState, clip: &Clip) -> Option<String> {
    let issue = if clip.issue == state.issue {
        state.shown_issue()?
    } else {
        state.issues.get(clip.issue)?
    };
    let article = issue.articles.get(clip.article)?;
    Some(match clip.kind {
        CopyKind::Paragraph => article.paragraphs.get(clip.paragraph)?.clone(),
        CopyKind::Article => article_text(article),
        CopyKind::Citation => strings::citation(state.language, issue, article),
    })
}

/// The article as plain text: one headline part or paragraph a line, a blank line after the
/// head.
pub fn article_text(article: &Article) -> String {
    let mut head: Vec<&str> = Vec::new();
    head.extend(article.rubric.as_deref());
    head.extend(article.kicker.as_deref());
    head.push(&article.title);
    head.extend(article.subtitle.as_deref());
    head.extend(article.bylines.iter().map(String::as_str));
    let mut text = head.join("\n");
    text.push_str("\n\n");
    text.push_str(&article.paragraphs.join("\n"));
    text.push('\n');
    text
}
