//! ratatui's own wrap against dubao's typesetter on the samples: how many lines break a
//! Chinese line-breaking rule. dubao must have none.

use dubao::typeset::{Options, no_line_end, no_line_start, typeset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;

/// Counts lines that start with a prohibited mark or end with an opening one.
fn violations(lines: &[String]) -> usize {
    lines
        .windows(2)
        .filter(|pair| {
            let end = pair[0].graphemes(true).next_back().unwrap_or_default();
            let start = pair[1].graphemes(true).next().unwrap_or_default();
            no_line_start(start) || no_line_end(end)
        })
        .count()
}

/// The rows ratatui's `Paragraph` wrap draws, trimmed.
fn ratatui_lines(paragraph: &str, width: u16) -> Vec<String> {
    let text = Text::raw(paragraph);
    let height = 400;
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, &mut buffer);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn dubao_breaks_no_rule_where_ratatui_breaks_many() {
    let paragraphs = crate::support::sample_paragraphs();
    let options = Options {
        indent: 0,
        ..Options::default()
    };
    let (mut theirs, mut ours) = (0, 0);
    for paragraph in &paragraphs {
        for width in 10..=60u16 {
            theirs += violations(&ratatui_lines(paragraph, width));
            let lines: Vec<String> = typeset(paragraph, width.into(), &options)
                .iter()
                .map(|l| l.text(paragraph).to_owned())
                .collect();
            ours += violations(&lines);
        }
    }
    println!("lines breaking a rule, widths 10-60: ratatui {theirs}, dubao {ours}");
    assert_eq!(ours, 0);
    assert!(
        theirs > 100,
        "ratatui's wrap was expected to break rules ({theirs})"
    );
}
