//! The masthead: paper, issue, article i/N and how much of it has been read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::strings;
use super::theme::Theme;
use crate::app::{AppState, Screen};
use crate::script::converters;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pen = super::pen::Pen::new(state.options.ambiguous);
    buf.set_style(area, theme.masthead);
    let mut parts = vec![strings::words(state.language).app_name.to_owned()];
    if let Some(issue) = state.current_issue() {
        let page = issue
            .articles
            .get(state.article)
            .and_then(|a| a.page.as_ref());
        parts.extend(strings::issue_masthead(state.language, issue, page));
        if state.issues.len() > 1 {
            parts.push(strings::issue_counter(
                state.language,
                state.issue,
                state.issues.len(),
            ));
        }
        if !issue.articles.is_empty() {
            parts.push(strings::article_counter(
                state.language,
                state.article,
                issue.articles.len(),
            ));
        }
    }
    if state.screen == Screen::Reader || state.split() {
        let (rows, lines) = state.reader_extent();
        if lines > 0 {
            let seen = (state.scroll() + rows).min(lines);
            parts.push(format!("{}%", seen * 100 / lines));
        }
    }
    // In the script the text is shown in (`t`): the paper's name and the page's too.
    let text = format!(" {}", parts.join(&format!(" {} ", pen.dot)));
    let text = converters().convert(&text, state.script);
    pen.put(
        buf,
        area.x,
        area.y,
        text,
        usize::from(area.width),
        theme.masthead,
    );
}
