//! Typesetting never panics and keeps its promises on any text, width and options: every line
//! within its width (documented exceptions: a mark hung into the gutter, and a forced line
//! holding a single glyph wider than the whole line), ranges on grapheme boundaries, and no
//! text lost or reordered — for body paragraphs, balanced headlines and whole articles.
//!
//! Input: a width byte, an options byte, a mode byte, then the text.

#![no_main]

use dubao::model::{Article, BlockKind};
use dubao::typeset::{
    AmbiguousWidth, ArticleLine, GUTTER, Options, Role, TypesetLine, balanced, layout_article,
    str_width, typeset,
};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

const KINDS: [BlockKind; 7] = [
    BlockKind::Paragraph,
    BlockKind::Subheading,
    BlockKind::Lead,
    BlockKind::SidebarLabel,
    BlockKind::Caption,
    BlockKind::PhotoCredit,
    BlockKind::EditorsNote,
];

fn solid(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn one_glyph(text: &str) -> bool {
    text.graphemes(true).count() == 1
}

/// The lines tile `text` (only white space between them), each on grapheme boundaries, each
/// as wide as it says and within `width`.
fn check_lines(text: &str, lines: &[TypesetLine], width: usize, options: &Options) {
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut at = 0;
    for line in lines {
        assert!(line.start < line.end, "empty line {line:?}");
        assert!(
            boundaries.binary_search(&line.start).is_ok()
                && boundaries.binary_search(&line.end).is_ok(),
            "line cut inside a grapheme: {line:?}"
        );
        let gap = text.get(at..line.start).expect("lines in order");
        assert!(gap.chars().all(char::is_whitespace), "text lost: {gap:?}");
        at = line.end;
        let shown = line.text(text);
        assert_eq!(line.width, str_width(shown, options.ambiguous), "{shown:?}");
        let limit = width.max(1) + if line.hanging { GUTTER } else { 0 };
        assert!(
            line.indent + line.width <= limit || (line.forced && one_glyph(shown)),
            "line too wide for {width}: {line:?} {shown:?}"
        );
    }
    let rest = text.get(at..).expect("last line in the text");
    assert!(
        rest.chars().all(char::is_whitespace),
        "text lost at the end: {rest:?}"
    );
}

/// Every laid-out line within the pane, as wide as it says; body lines point at their text;
/// headline and paragraphs keep every visible character in order.
fn check_article(article: &Article, lines: &[ArticleLine], width: usize, options: &Options) {
    let width = width.max(1);
    for line in lines {
        assert_eq!(
            line.width,
            str_width(&line.text, options.ambiguous),
            "{line:?}"
        );
        // Tiny panes have no room for the gutter: a hung mark may stand past the edge.
        let gutter = if options.hanging { GUTTER } else { 0 };
        assert!(
            line.column + line.width <= width + gutter || one_glyph(&line.text),
            "line past the pane ({width}): {line:?}"
        );
        if let Some((index, offset)) = line.source {
            let paragraph = &article.paragraphs[index];
            assert_eq!(
                paragraph.get(offset..offset + line.text.len()),
                Some(line.text.as_str())
            );
        }
    }
    let title: String = lines
        .iter()
        .filter(|l| l.role == Role::Title)
        .map(|l| solid(&l.text))
        .collect();
    assert_eq!(title, solid(&article.title));
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        let text: String = lines
            .iter()
            .filter(|l| l.source.is_some_and(|(i, _)| i == index))
            .map(|l| solid(&l.text))
            .collect();
        assert_eq!(text, solid(paragraph), "paragraph {index}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let [width, flags, mode, rest @ ..] = bytes else {
        return;
    };
    let width = usize::from(*width % 128);
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        indent: usize::from(flags & 0b111),
        hanging: flags & 0b1000 != 0,
        orphan_control: flags & 0b1_0000 != 0,
        ambiguous: if flags & 0b10_0000 != 0 {
            AmbiguousWidth::Wide
        } else {
            AmbiguousWidth::Narrow
        },
        measure: usize::from(mode >> 2),
    };
    match mode % 3 {
        0 => check_lines(&text, &typeset(&text, width, &options), width, &options),
        1 => {
            // As headlines are set: centred, no indent, nothing hung.
            let centred = Options {
                indent: 0,
                hanging: false,
                ..options
            };
            check_lines(&text, &balanced(&text, width, &centred), width, &centred);
        }
        _ => {
            // Lines: kicker, title, subtitle, then paragraphs (the first byte of each picks
            // its block kind).
            let mut fields = text.split('\n');
            let kicker = fields.next().map(str::to_owned);
            let title = fields.next().unwrap_or_default().to_owned();
            let subtitle = fields.next().map(str::to_owned);
            let paragraphs: Vec<String> = fields.map(str::to_owned).collect();
            let kinds = paragraphs
                .iter()
                .map(|p| KINDS[usize::from(p.bytes().next().unwrap_or(0)) % KINDS.len()])
                .collect();
            let article = Article {
                kicker,
                title,
                subtitle,
                bylines: vec!["本报记者 张三".into()],
                paragraphs,
                kinds,
                ..Article::default()
            };
            check_article(
                &article,
                &layout_article(&article, width, &options),
                width,
                &options,
            );
        }
    }
});
