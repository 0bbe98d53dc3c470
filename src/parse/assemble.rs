//! Putting units together into articles: headline parts into their roles, credits into
//! bylines, body units into paragraphs — rejoining paragraphs a print column split.

use std::mem;

use super::classify::ends_open;
use super::dateline::dateline;
use super::units::{Kind, Unit, needs_space};
use crate::model::Article;

/// Headline parts beyond these three (kicker, title, subtitle) are headlines of their own.
const MAX_HEAD_PARTS: usize = 3;
/// The longest fallback title taken from body text, in characters.
const FALLBACK_TITLE_CHARS: usize = 30;

/// Assembles `units` into articles.
pub fn articles(units: &[Unit]) -> Vec<Article> {
    let structured = units
        .iter()
        .any(|u| u.kind != Kind::Body || dateline(&u.text).is_some());
    if !structured {
        return units.iter().map(plain_article).collect();
    }
    let mut builder = Builder::default();
    for (i, unit) in units.iter().enumerate() {
        builder.add(units, i, unit);
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    done: Vec<Article>,
    rubric: Option<String>,
    head: Vec<Unit>,
    current: Option<Article>,
    last_kind: Option<Kind>,
}

impl Builder {
    fn add(&mut self, units: &[Unit], i: usize, unit: &Unit) {
        match unit.kind {
            Kind::Rubric => {
                self.close();
                self.flush_head();
                self.rubric = Some(match self.rubric.take() {
                    Some(previous) => format!("{previous} {}", unit.text),
                    None => unit.text.clone(),
                });
            }
            // Inside a body, a lone headline-like line is a paragraph start cut off by a column
            // break, unless what follows shows a new article starting.
            Kind::Head if self.last_paragraph().is_some() && !starts_article(units, i) => {
                self.add_body(unit);
            }
            Kind::Head => {
                self.close();
                if unit.gap_before >= 2 {
                    self.flush_head();
                }
                self.head.push(unit.clone());
            }
            Kind::Credit => self.open().bylines.push(unit.text.clone()),
            Kind::Body => self.add_body(unit),
        }
        self.last_kind = Some(unit.kind);
    }

    /// Adds body text: a new paragraph, or the rest of one a column break cut.
    fn add_body(&mut self, unit: &Unit) {
        if self.continues_paragraph(unit) || self.continues_line(unit) {
            self.append_to_paragraph(&unit.text);
            return;
        }
        let article = self.open();
        if article.paragraphs.is_empty() && article.dateline.is_none() {
            article.dateline = dateline(&unit.text).map(str::to_owned);
        }
        article.paragraphs.push(unit.text.clone());
    }

    /// The last paragraph stopped mid-sentence and `unit` does not start a new one.
    fn continues_paragraph(&self, unit: &Unit) -> bool {
        let open = self.last_paragraph().is_some_and(|p| ends_open(p));
        open && !(unit.in_indented_block && unit.indented) && dateline(&unit.text).is_none()
    }

    /// In layouts that indent paragraphs, an unindented body line goes on with the paragraph.
    fn continues_line(&self, unit: &Unit) -> bool {
        unit.in_indented_block
            && !unit.indented
            && self.last_kind == Some(Kind::Body)
            && self.last_paragraph().is_some()
    }

    fn last_paragraph(&self) -> Option<&String> {
        self.current.as_ref()?.paragraphs.last()
    }

    fn append_to_paragraph(&mut self, text: &str) {
        if let Some(paragraph) = self.current.as_mut().and_then(|a| a.paragraphs.last_mut()) {
            if needs_space(paragraph, text) {
                paragraph.push(' ');
            }
            paragraph.push_str(text);
        }
    }

    /// The article being filled, starting one from the pending headline if there is none.
    fn open(&mut self) -> &mut Article {
        if self.current.is_none() {
            let parts = mem::take(&mut self.head);
            let (extra, main) = parts.split_at(main_start(&parts));
            // The rubric stands above the first headline, whichever article that is.
            let mut rubric = self.rubric.take();
            for part in extra {
                self.done
                    .push(headline(rubric.take(), std::slice::from_ref(part)));
            }
            self.current = Some(headline(rubric, main));
        }
        self.current.get_or_insert_with(Article::default)
    }

    fn close(&mut self) {
        if let Some(article) = self.current.take() {
            self.done.push(with_fallback_title(article));
        }
    }

    /// A pending headline with no body (an advertisement slot) is still an article.
    fn flush_head(&mut self) {
        if !self.head.is_empty() {
            self.open();
            self.close();
        }
    }

    fn finish(mut self) -> Vec<Article> {
        self.close();
        self.flush_head();
        if let Some(rubric) = self.rubric.take() {
            self.done.push(Article {
                title: rubric,
                ..Article::default()
            });
        }
        self.done
    }
}

/// Whether a new article starts at `units[i]`, a headline-like unit met inside a body.
///
/// Yes after a section gap, at a rubric, where headline lines lead to a byline or dateline, where
/// two or more headline lines stand together (a column break leaves a single fragment), and in
/// layouts that mark paragraphs by indentation.
fn starts_article(units: &[Unit], i: usize) -> bool {
    let unit = &units[i];
    if unit.gap_before >= 2 || unit.in_indented_block {
        return true;
    }
    let rest = &units[i..];
    let run = rest
        .iter()
        .take_while(|u| matches!(u.kind, Kind::Head | Kind::Rubric))
        .count();
    let anchored = rest.get(run).is_some_and(|u| {
        u.kind == Kind::Credit || (u.kind == Kind::Body && dateline(&u.text).is_some())
    });
    anchored || run >= 2 || rest.iter().take(run).any(|u| u.kind == Kind::Rubric)
}

/// Where the headline proper starts among pending headline parts: at a lead-in title (ending
/// in `——` or `：`) with a title after it, else three parts from the end. Parts before it are
/// headlines with no body of their own.
fn main_start(parts: &[Unit]) -> usize {
    let fallback = parts.len().saturating_sub(MAX_HEAD_PARTS);
    let lead_in = parts.iter().rev().skip(1).position(|u| is_lead_in(&u.text));
    lead_in
        .map_or(fallback, |from_end| parts.len() - 2 - from_end)
        .max(fallback)
}

fn is_lead_in(text: &str) -> bool {
    text.ends_with(['—', '：', ':'])
}

/// An article whose headline parts are `parts` (at most three), each put in its role.
fn headline(rubric: Option<String>, parts: &[Unit]) -> Article {
    let text = |u: &Unit| u.text.clone();
    let (kicker, title, subtitle) = match parts {
        [] => (None, String::new(), None),
        [only] => (None, text(only), None),
        [first, second] if is_kicker(first, second) => (Some(text(first)), text(second), None),
        [first, second] => (None, text(first), Some(text(second))),
        [first, second, third, ..] => (Some(text(first)), text(second), Some(text(third))),
    };
    Article {
        rubric,
        kicker,
        title,
        subtitle,
        ..Article::default()
    }
}

/// With two headline lines, whether the first is a lead-in title rather than the main title.
fn is_kicker(first: &Unit, second: &Unit) -> bool {
    if is_lead_in(&first.text) {
        return true;
    }
    if second.text.starts_with('—') || first.lines > 1 {
        return false;
    }
    // Title and subtitle is the usual pair; a lead-in is a short line over a much longer title.
    let (first_len, second_len) = (first.text.chars().count(), second.text.chars().count());
    second.lines > 1 || second_len * 2 >= first_len * 3
}

fn with_fallback_title(mut article: Article) -> Article {
    if article.title.is_empty() {
        article.title = article
            .paragraphs
            .first()
            .or(article.bylines.first())
            .map(|text| fallback_title(text))
            .unwrap_or_default();
    }
    article
}

/// An article for text with no newspaper structure: the unit's first line is its title.
fn plain_article(unit: &Unit) -> Article {
    let (title, rest) = unit.text.split_at(unit.first_line_len);
    if unit.lines > 1 && !rest.trim().is_empty() {
        Article {
            title: title.to_owned(),
            paragraphs: vec![rest.trim().to_owned()],
            ..Article::default()
        }
    } else {
        Article {
            title: fallback_title(&unit.text),
            paragraphs: vec![unit.text.clone()],
            ..Article::default()
        }
    }
}

/// The first sentence of `text`, cut short with `…` when it is long.
fn fallback_title(text: &str) -> String {
    let sentence = text
        .split(['。', '！', '？', '!', '?', '；'])
        .next()
        .unwrap_or(text);
    if sentence.chars().count() <= FALLBACK_TITLE_CHARS {
        sentence.to_owned()
    } else {
        let mut title: String = sentence.chars().take(FALLBACK_TITLE_CHARS).collect();
        title.push('…');
        title
    }
}
