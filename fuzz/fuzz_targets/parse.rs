//! The parser never panics, in every layout (and `inspect` with it), and never lets a control or invisible formatting
//! character from the file into what it returns (article fields, furniture, the paper's name).

#![no_main]

use dubao::model::Issue;
use dubao::parse::sanitize::is_invisible_format;
use dubao::parse::{Layout, inspect, parse, parse_as};
use libfuzzer_sys::fuzz_target;

fn check(issue: &Issue) {
    let fields = issue.articles.iter().flat_map(|a| {
        [
            a.rubric.as_deref(),
            a.kicker.as_deref(),
            a.subtitle.as_deref(),
            a.dateline.as_deref(),
        ]
        .into_iter()
        .flatten()
        .chain([a.title.as_str()])
        .chain(a.bylines.iter().map(String::as_str))
        .chain(a.paragraphs.iter().map(String::as_str))
    });
    let furniture = issue.furniture.iter().map(|f| f.text.as_str());
    for field in fields.chain(furniture).chain(issue.paper.as_deref()) {
        assert!(
            !field
                .chars()
                .any(|c| c.is_control() || is_invisible_format(c)),
            "raw control or formatting character in {field:?}"
        );
    }
}

// The first byte picks what to run on the rest: layout detection or one of the layouts
// (`parse` or `parse_as`), as a parse or as `inspect`'s report — one parse per execution.
fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let layout = Layout::ALL
        .get(usize::from(pick & 0x7f) % (Layout::ALL.len() + 1))
        .copied();
    if pick & 0x80 != 0 {
        let _ = inspect("fuzz", &text, layout);
    } else if let Some(layout) = layout {
        check(&parse_as("fuzz", &text, Some(layout)));
    } else {
        check(&parse("fuzz", &text));
    }
});
