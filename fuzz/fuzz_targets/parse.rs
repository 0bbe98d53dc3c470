//! The parser never panics, in every layout, and never lets a control or invisible formatting
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

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    check(&parse("fuzz", &text));
    for layout in Layout::ALL {
        check(&parse_as("fuzz", &text, Some(layout)));
    }
    // The first byte picks the layout `inspect` reports on (or detection).
    let layout = bytes
        .first()
        .and_then(|&b| Layout::ALL.get(usize::from(b) % (Layout::ALL.len() + 1)))
        .copied();
    let _ = inspect("fuzz", &text, layout);
});
