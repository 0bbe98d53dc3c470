//! Results of a search across issues: issue, title, and a snippet with the hit marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::AppState;
use crate::script::{Script, converters};
use crate::search::Snippet;
use crate::typeset::str_width;

/// Rows each hit takes: title, snippet, gap.
const HIT_ROWS: u16 = 3;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    let Some(results) = &state.search.results else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let title = if results.bookmarks {
        format!(
            "{}：{}",
            strings::words(state.language).bookmarks,
            strings::article_count(state.language, results.hits.len())
        )
    } else {
        strings::results_title(state.language, &results.query, results.hits.len())
    };
    pen.put(buf, area.x + 1, area.y, title, width, theme.title);
    let per_page = usize::from((area.height.saturating_sub(2) / HIT_ROWS).max(1));
    let first = results.selected.saturating_sub(per_page - 1);
    for (row, (index, hit)) in results
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(per_page)
        .enumerate()
    {
        let y = area.y + 2 + u16::try_from(row).unwrap_or(0) * HIT_ROWS;
        let Some(issue) = state.issues.get(hit.issue) else {
            continue;
        };
        let title = match issue.articles.get(hit.article) {
            Some(article) if hit.title.is_empty() => article.title.as_str(),
            _ => hit.title.as_str(),
        };
        let selected = index == results.selected;
        let style = if selected {
            theme.selected
        } else {
            theme.title
        };
        let shown = |text: &str| converters().convert(text, state.script).into_owned();
        let mut heading = format!("{} · {}", strings::issue_name(issue), shown(title));
        if hit.by_pinyin {
            heading = format!("［{}］{heading}", strings::pinyin_label(state.language));
        }
        pen.put(
            buf,
            area.x + 1,
            y,
            if selected { pen.bar } else { " " },
            1,
            theme.marker,
        );
        pen.put(buf, area.x + 3, y, heading, width.saturating_sub(2), style);
        if let Some(snippet) = hit.snippets.first().map(|s| shown_snippet(s, state.script)) {
            let x = pen.put(
                buf,
                area.x + 3,
                y + 1,
                &snippet.text,
                width.saturating_sub(2),
                theme.lead,
            );
            let (start, end) = snippet.highlight;
            let column = |byte: usize| {
                u16::try_from(str_width(
                    snippet.text.get(..byte).unwrap_or_default(),
                    pen.mode,
                ))
                .unwrap_or(0)
            };
            let hit_area = Rect::new(
                area.x + 3 + column(start),
                y + 1,
                column(end).saturating_sub(column(start)),
                1,
            );
            buf.set_style(
                hit_area.intersection(Rect::new(area.x, y + 1, x.saturating_sub(area.x), 1)),
                theme.found,
            );
        }
    }
}

/// `snippet` in `script`, its hit marked where the converted hit is (the text before, in and
/// after the hit converted apart, so a conversion that changes lengths keeps the mark on it).
fn shown_snippet(snippet: &Snippet, script: Script) -> Snippet {
    if script == Script::Original {
        return snippet.clone();
    }
    let (start, end) = snippet.highlight;
    let text = &snippet.text;
    let part = |range: std::ops::Range<usize>| {
        converters()
            .convert(text.get(range).unwrap_or_default(), script)
            .into_owned()
    };
    let (before, hit, after) = (part(0..start), part(start..end), part(end..text.len()));
    Snippet {
        highlight: (before.len(), before.len() + hit.len()),
        text: format!("{before}{hit}{after}"),
    }
}
