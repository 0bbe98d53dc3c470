//! Typing body blocks after assembly: subheadings, lead boxes, sidebar labels, captions,
//! photo credits and editor's notes, from the text of each block and its neighbours.

use super::classify::{ends_open, is_bare_name, is_caption, is_editors_note, is_head_like};
use super::dateline::dateline;
use super::units::stated_block;
use crate::model::{Article, BlockKind};

/// The longest paragraph taken for an in-body subheading, in characters.
const MAX_SUBHEADING_CHARS: usize = 30;

/// Gives every body block of `article` its kind. `fixed` says the layout states paragraph
/// ends, so a short unpunctuated paragraph is a subheading rather than a cut line.
pub fn type_blocks(article: &mut Article, fixed: bool) {
    article
        .kinds
        .resize(article.paragraphs.len(), BlockKind::Paragraph);
    // A name alone under the title (a commentary's author) is its byline, not a subtitle.
    if article.bylines.is_empty() && article.subtitle.as_deref().is_some_and(is_bare_name) {
        article.bylines.extend(article.subtitle.take());
    }
    // A name alone opening the story is its byline too.
    if fixed
        && article.bylines.is_empty()
        && article.paragraphs.len() > 1
        && is_bare_name(&article.paragraphs[0])
    {
        article.bylines.push(article.paragraphs.remove(0));
        article.kinds.remove(0);
    }
    let count = article.paragraphs.len();
    for i in 0..count {
        if article.kinds[i] != BlockKind::Paragraph {
            continue;
        }
        let text = article.paragraphs[i].as_str();
        let kind = if let Some(kind) = stated_block(text) {
            kind
        } else if is_editors_note(text) {
            BlockKind::EditorsNote
        } else if is_caption(text) {
            BlockKind::Caption
        } else if fixed
            && i + 1 < count
            && is_subheading(text)
            && (i > 0 || article.dateline.is_none())
        {
            BlockKind::Subheading
        } else {
            continue;
        };
        article.kinds[i] = kind;
    }
    // The text under a lead label is the lead box.
    for i in 1..count {
        if article.kinds[i - 1] == BlockKind::Lead
            && article.kinds[i] == BlockKind::Paragraph
            && stated_block(&article.paragraphs[i - 1]).is_some()
        {
            article.kinds[i] = BlockKind::Lead;
        }
    }
}

fn is_subheading(text: &str) -> bool {
    text.chars().count() <= MAX_SUBHEADING_CHARS
        && is_head_like(text)
        && ends_open(text)
        && dateline(text).is_none()
        && !text.starts_with(['（', '(', '“', '"'])
        && !text.ends_with(['）', ')', '”', '"', '：', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(paragraphs: &[&str], fixed: bool) -> Vec<BlockKind> {
        let mut article = Article {
            paragraphs: paragraphs.iter().map(|&p| p.to_owned()).collect(),
            ..Article::default()
        };
        type_blocks(&mut article, fixed);
        article.kinds
    }

    #[test]
    fn blocks_are_typed_from_their_text() {
        use BlockKind::*;
        let got = kinds(
            &[
                "核心阅读",
                "今年以来，各地加快推进。",
                "编者按：本版今起推出系列报道。",
                "稳字当头",
                "正文一段。",
                "图为工人在车间里忙碌。",
                "新华社记者 李某摄",
                "记者手记",
                "结尾一段。",
            ],
            true,
        );
        assert_eq!(
            got,
            [
                Lead,
                Lead,
                EditorsNote,
                Subheading,
                Paragraph,
                Caption,
                PhotoCredit,
                SidebarLabel,
                Paragraph
            ]
        );
    }

    #[test]
    fn without_stated_paragraph_ends_short_lines_stay_paragraphs() {
        assert_eq!(
            kinds(&["稳字当头", "正文。"], false),
            [BlockKind::Paragraph, BlockKind::Paragraph]
        );
        assert_eq!(
            kinds(&["正文。", "稳字当头"], true)[1],
            BlockKind::Paragraph,
            "last block"
        );
    }
}
