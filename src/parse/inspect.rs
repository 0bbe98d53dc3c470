//! `dubao inspect`: every input line with the role the parser gave it and why, so a reader
//! with an unusual paper can see what happened.

use std::fmt::Write;

use super::units::{Kind, Unit};
use super::{Analysis, Layout, analyse};
use crate::model::{Article, BlockKind, Source};

/// The report for one dump: the layout and its evidence, then one row per line.
pub fn inspect(source: impl Into<Source>, text: &str, layout: Option<Layout>) -> String {
    let source = source.into();
    let analysis = analyse(source.clone(), text, layout, true);
    let issue = &analysis.issue;
    let mut out = String::new();
    let _ = writeln!(out, "{source}");
    let _ = writeln!(out, "layout: {} — {}", analysis.layout, analysis.evidence);
    let _ = writeln!(
        out,
        "paper: {} · date: {} · {} stories",
        issue.paper.as_deref().unwrap_or("unknown"),
        issue.date.map_or("unknown".to_owned(), |d| d.to_string()),
        issue.articles.len()
    );
    let mut owner: Vec<Option<usize>> = vec![None; analysis.lines.len()];
    for (u, unit) in analysis.units.iter().enumerate() {
        for line in unit.span.clone() {
            if let Some(slot) = owner.get_mut(line) {
                *slot = Some(u);
            }
        }
    }
    for (no, (text, page_break)) in analysis.lines.iter().enumerate() {
        let (role, story, why) = match owner[no] {
            Some(u) => describe(&analysis, u),
            None if *page_break => ("page break".to_owned(), String::new(), ""),
            None => ("blank".to_owned(), String::new(), ""),
        };
        if text.is_empty() && role == "blank" {
            let _ = writeln!(out, "{:>5}  {role}", no + 1);
        } else {
            let _ = writeln!(out, "{:>5}  {role:<14} {story:<9} {text}  ← {why}", no + 1);
        }
    }
    out
}

/// Role, story number and reason of unit `u`.
fn describe(analysis: &Analysis, u: usize) -> (String, String, &'static str) {
    let unit = &analysis.units[u];
    let fate = &analysis.fates.get(u).cloned().unwrap_or_default();
    if let Kind::Furniture(kind) = unit.kind {
        let kind = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        return (format!("furniture:{kind}"), String::new(), unit.why);
    }
    let Some(index) = fate.article else {
        return (
            "advert".to_owned(),
            String::new(),
            "an advertisement placeholder",
        );
    };
    let article = analysis.issue.articles.get(index);
    let story = format!("story {}", index + 1);
    let why = fate.note.unwrap_or(unit.why);
    let why = if fate.note.is_some() && unit.why != "body text" {
        combine(unit, why)
    } else {
        why
    };
    let role = article.map_or_else(|| "advert".to_owned(), |a| field(a, unit));
    (role, story, why)
}

fn combine(unit: &Unit, note: &'static str) -> &'static str {
    if unit.kind == Kind::Body {
        note
    } else {
        unit.why
    }
}

/// The field of `article` that holds the unit's text.
fn field(article: &Article, unit: &Unit) -> String {
    let text = unit.text.as_str();
    let role = match unit.kind {
        _ if article.bylines.iter().any(|b| b == text) => "byline",
        Kind::Credit => "byline",
        Kind::Rubric => "rubric",
        _ if article.kicker.as_deref() == Some(text) => "kicker",
        _ if article.title == text => "title",
        _ if article.subtitle.as_deref() == Some(text) => "subtitle",
        _ => {
            let index = article.paragraphs.iter().position(|p| p.contains(text));
            return match index.map(|i| (i, article.kind(i))) {
                Some((i, BlockKind::Paragraph)) if article.paragraphs[i] != text => {
                    "paragraph (part)".to_owned()
                }
                Some((_, kind)) => block_name(kind).to_owned(),
                None => "headline".to_owned(),
            };
        }
    };
    role.to_owned()
}

fn block_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Subheading => "subheading",
        BlockKind::Lead => "lead",
        BlockKind::SidebarLabel => "sidebar label",
        BlockKind::Caption => "caption",
        BlockKind::PhotoCredit => "photo credit",
        BlockKind::EditorsNote => "editor's note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gets_a_role_and_a_reason() {
        let text = "\n标题\n——副题\n\u{3000}\u{3000}本报北京5月5日电 正文。\n\u{3000}\u{3000}记者手记\n\u{3000}\u{3000}结尾。\n";
        let report = inspect("20230506-03-01.txt", text, None);
        assert!(report.contains("layout: indented"), "{report}");
        assert!(report.contains("title"), "{report}");
        assert!(report.contains("subtitle"), "{report}");
        assert!(report.contains("sidebar label"), "{report}");
        assert!(report.contains("date: 2023-05-06"), "{report}");
    }
}
