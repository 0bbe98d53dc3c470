//! Putting units together into articles: headline parts into their roles, credits into
//! bylines, body units into paragraphs — rejoining paragraphs a print column split, where the
//! layout leaves that open.

use std::mem;

use super::classify::ends_open;
use super::dateline::dateline;
use super::units::{Kind, Slot, Unit, needs_space};
use crate::model::{Article, BlockKind, FurnitureKind};

/// What became of each unit: the article it went to (by index), and a note for `inspect`.
#[derive(Debug, Clone, Default)]
pub struct Fate {
    pub article: Option<usize>,
    pub note: Option<&'static str>,
}

/// Headline parts beyond these three (kicker, title, subtitle) are headlines of their own.
const MAX_HEAD_PARTS: usize = 3;
/// The longest fallback title taken from body text, in characters.
const FALLBACK_TITLE_CHARS: usize = 30;

/// Assembles `units` into articles; furniture units are left to the caller.
pub fn articles(units: &[Unit]) -> (Vec<Article>, Vec<Fate>) {
    let structured = units.iter().any(|u| {
        matches!(u.kind, Kind::Head | Kind::Credit | Kind::Rubric) || dateline(&u.text).is_some()
    });
    if !structured {
        let mut fates = vec![Fate::default(); units.len()];
        let mut articles = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            if unit.kind == Kind::Body {
                fates[i] = Fate {
                    article: Some(articles.len()),
                    note: Some("no newspaper structure: one article per block"),
                };
                articles.push(plain_article(unit));
            }
        }
        return (articles, fates);
    }
    let mut builder = Builder {
        fates: vec![Fate::default(); units.len()],
        ..Builder::default()
    };
    for (i, unit) in units.iter().enumerate() {
        if !matches!(unit.kind, Kind::Furniture(_)) {
            builder.add(units, i, unit);
        }
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    done: Vec<Article>,
    rubric: Option<String>,
    head: Vec<Unit>,
    /// Units waiting in `head` (their fates are known once the headline is placed).
    head_units: Vec<usize>,
    rubric_units: Vec<usize>,
    current: Option<Article>,
    last_kind: Option<Kind>,
    last_fixed: bool,
    after_source: bool,
    fates: Vec<Fate>,
}

impl Builder {
    fn add(&mut self, units: &[Unit], i: usize, unit: &Unit) {
        if unit.starts_story {
            self.close();
            self.flush_head();
        }
        match unit.kind {
            Kind::Rubric => {
                self.close();
                self.flush_head();
                self.rubric = Some(match self.rubric.take() {
                    Some(previous) => format!("{previous} {}", unit.text),
                    None => unit.text.clone(),
                });
                self.rubric_units.push(i);
            }
            // Inside a body, a lone headline-like line is a paragraph start cut off by a column
            // break, unless what follows shows a new article starting.
            Kind::Head
                if unit.slot.is_none()
                    && !unit.starts_story
                    && !self.after_source
                    && self.last_paragraph().is_some()
                    && !starts_article(units, i) =>
            {
                self.add_body(
                    i,
                    unit,
                    Some("headline-like, but inside a body with no sign of a new article"),
                );
            }
            Kind::Head => {
                self.close();
                // A second title slot starts another headline.
                let slot_taken = unit
                    .slot
                    .is_some_and(|slot| self.head.iter().any(|h| h.slot == Some(slot)));
                if unit.gap_before >= 2 && unit.slot.is_none() || slot_taken {
                    self.flush_head();
                }
                self.head.push(unit.clone());
                self.head_units.push(i);
            }
            Kind::Credit => {
                self.open().bylines.push(unit.text.clone());
                self.fate(i, Some("a credit: kept with the bylines"));
            }
            Kind::Body => self.add_body(i, unit, None),
            Kind::Furniture(_) => {}
        }
        // A source line closes its story: a headline after it starts the next one.
        self.after_source = unit.kind == Kind::Furniture(FurnitureKind::SourceLine)
            || self.after_source && matches!(unit.kind, Kind::Furniture(_));
        self.last_kind = Some(unit.kind);
        // A credit between two blocks does not change how the paragraph above ends.
        if unit.kind != Kind::Credit {
            self.last_fixed = unit.fixed;
        }
    }

    fn fate(&mut self, i: usize, note: Option<&'static str>) {
        let article = self.done.len();
        if let Some(fate) = self.fates.get_mut(i) {
            *fate = Fate {
                article: Some(article),
                note,
            };
        }
    }

    /// Adds body text: a new paragraph, or the rest of one a column break cut.
    fn add_body(&mut self, i: usize, unit: &Unit, note: Option<&'static str>) {
        if self.continues_paragraph(unit) {
            self.append_to_paragraph(&unit.text);
            self.fate(
                i,
                Some("goes on with the paragraph above, which stopped mid-sentence"),
            );
            return;
        }
        if self.continues_line(unit) {
            self.append_to_paragraph(&unit.text);
            self.fate(
                i,
                Some("an unindented line among indented paragraphs: goes on with the one above"),
            );
            return;
        }
        let article = self.open();
        if article.paragraphs.is_empty() && article.dateline.is_none() {
            article.dateline = dateline(&unit.text).map(str::to_owned);
        }
        if article.page.is_none() {
            article.page.clone_from(&unit.page);
        }
        article.paragraphs.push(unit.text.clone());
        article.kinds.push(unit.block.unwrap_or_default());
        self.fate(i, note.or(Some("a paragraph")));
    }

    /// The last paragraph stopped mid-sentence and `unit` does not start a new one.
    fn continues_paragraph(&self, unit: &Unit) -> bool {
        let open = self.last_paragraph().is_some_and(|p| ends_open(p));
        let stated_end = unit.fixed || self.last_fixed || unit.in_indented_block && unit.indented;
        open && !stated_end && dateline(&unit.text).is_none()
    }

    /// In layouts that indent paragraphs, an unindented body line goes on with the paragraph.
    fn continues_line(&self, unit: &Unit) -> bool {
        unit.in_indented_block
            && !unit.indented
            && !unit.fixed
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
            let part_units = mem::take(&mut self.head_units);
            let rubric_units = mem::take(&mut self.rubric_units);
            let split = main_start(&parts);
            let (extra, main) = parts.split_at(split);
            // The rubric stands above the first headline, whichever article that is.
            let mut rubric = self.rubric.take();
            for &u in &rubric_units {
                self.fate(u, Some("a rubric: the column the story stands in"));
            }
            for (n, part) in extra.iter().enumerate() {
                self.fate(part_units[n], Some("a headline with no body of its own"));
                self.done
                    .push(headline(rubric.take(), std::slice::from_ref(part)));
            }
            for &u in &part_units[split..] {
                self.fate(u, None);
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

    fn finish(mut self) -> (Vec<Article>, Vec<Fate>) {
        self.close();
        self.flush_head();
        if let Some(rubric) = self.rubric.take() {
            for u in mem::take(&mut self.rubric_units) {
                self.fate(u, Some("a rubric with no story under it"));
            }
            self.done.push(Article {
                title: rubric,
                ..Article::default()
            });
        }
        (self.done, self.fates)
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
        u.kind == Kind::Credit
            || u.kind == Kind::Body && (dateline(&u.text).is_some() || opens_with_a_date(&u.text))
    });
    anchored || run >= 2 || rest.iter().take(run).any(|u| u.kind == Kind::Rubric)
}

/// A paragraph that opens with the day of its news (`7月6日，`, `7月6日上午，`), as a story's
/// first paragraph does; the rest of a cut paragraph goes on mid-sentence instead.
fn opens_with_a_date(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let digits = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        let mut n = 0;
        while chars.next_if(char::is_ascii_digit).is_some() {
            n += 1;
        }
        (1..=2).contains(&n)
    };
    if !(digits(&mut chars)
        && chars.next() == Some('月')
        && digits(&mut chars)
        && chars.next() == Some('日'))
    {
        return false;
    }
    let rest: String = chars.take(4).collect();
    rest.starts_with(['，', ','])
        || [
            "上午", "下午", "晚", "晚间", "早", "凌晨", "中午", "傍晚", "夜", "起", "当天", "电",
            "讯",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
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

/// An article whose headline parts are `parts` (at most three), each put in its role: the
/// role the layout states, else judged from the text.
fn headline(rubric: Option<String>, parts: &[Unit]) -> Article {
    let text = |u: &Unit| u.text.clone();
    let page = parts.iter().find_map(|u| u.page.clone());
    if parts.iter().any(|u| u.slot.is_some()) {
        let slot = |s: Slot| parts.iter().find(|u| u.slot == Some(s)).map(text);
        let mut article = Article {
            rubric,
            kicker: slot(Slot::Kicker),
            title: slot(Slot::Title).unwrap_or_default(),
            subtitle: slot(Slot::Subtitle),
            page,
            ..Article::default()
        };
        // A kicker or subtitle with no title: the one line there is is the title.
        if article.title.is_empty() {
            article.title = article
                .kicker
                .take()
                .or(article.subtitle.take())
                .unwrap_or_default();
        }
        return article;
    }
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
        page,
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
    second.lines > 1 || second_len >= first_len * 2
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
            kinds: vec![BlockKind::Paragraph],
            page: unit.page.clone(),
            ..Article::default()
        }
    } else {
        Article {
            title: fallback_title(&unit.text),
            paragraphs: vec![unit.text.clone()],
            kinds: vec![BlockKind::Paragraph],
            page: unit.page.clone(),
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

#[cfg(test)]
mod tests {
    use crate::parse::parse;

    fn titles(text: &str) -> Vec<String> {
        parse("t.txt", text)
            .articles
            .into_iter()
            .map(|a| a.title)
            .collect()
    }

    #[test]
    fn a_source_line_closes_its_story() {
        let text = "标题一\n\n正文一。\n\n来源：南方都市报\n\n标题二\n\n正文二。\n";
        assert_eq!(titles(text), ["标题一", "标题二"]);
    }

    #[test]
    fn a_paragraph_opening_with_its_day_anchors_the_headline_above() {
        let text = "标题一\n\n本报讯 正文一。\n\n荔枝丰收季，果农乐开怀\n\n7月6日，在从化区，果农正在采摘荔枝。\n";
        assert_eq!(titles(text), ["标题一", "荔枝丰收季，果农乐开怀"]);
        let cut = "标题一\n\n本报讯 正文一。\n\n他说这是一片充满希望的\n\n土地，大家都很高兴。\n";
        assert_eq!(titles(cut), ["标题一"], "the rest of a cut paragraph");
    }
}
