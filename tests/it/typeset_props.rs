//! Invariants of the typesetter, on random mixed text and on every paragraph of the samples.

use dubao::typeset::{
    AmbiguousWidth, GUTTER, Options, TypesetLine, no_line_end, no_line_start, paired, str_width,
    typeset,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn first_grapheme(text: &str) -> &str {
    text.graphemes(true).next().unwrap_or_default()
}

fn last_grapheme(text: &str) -> &str {
    text.graphemes(true).next_back().unwrap_or_default()
}

fn digitish(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
}

/// Checks every invariant of `typeset(text, width, options)`.
fn check(text: &str, width: usize, options: &Options) -> Result<(), TestCaseError> {
    let lines = typeset(text, width, options);
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();

    // No text lost or reordered: the lines tile the text; only white space falls between them.
    let mut at = 0;
    for line in &lines {
        prop_assert!(line.start < line.end, "empty line {line:?}");
        prop_assert!(
            text.get(at..line.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace)),
            "text lost before {line:?}"
        );
        prop_assert!(
            boundaries.contains(&line.start) && boundaries.contains(&line.end),
            "cut inside a grapheme"
        );
        at = line.end;
    }
    prop_assert!(
        text.get(at..)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace)),
        "text lost at the end"
    );

    for (k, line) in lines.iter().enumerate() {
        let shown = line.text(text);
        prop_assert_eq!(line.width, str_width(shown, options.ambiguous));
        let limit = if line.hanging { width + GUTTER } else { width };
        prop_assert!(
            line.indent + line.width <= limit,
            "line {k} too wide: {line:?} {shown:?}"
        );
        if line.hanging {
            prop_assert!(["，", "。", "、", "．", ",", "."].contains(&last_grapheme(shown)));
        }
        if k > 0 && !lines[k - 1].forced {
            let prev: &TypesetLine = &lines[k - 1];
            let before = last_grapheme(prev.text(text));
            let after = first_grapheme(shown);
            prop_assert!(!no_line_start(after), "line {k} starts with {after:?}");
            prop_assert!(!no_line_end(before), "line {} ends with {before:?}", k - 1);
            if prev.end == line.start {
                prop_assert!(!paired(before, after), "split inside {before}{after}");
                prop_assert!(
                    !(digitish(before) && digitish(after)),
                    "number split: {before}|{after}"
                );
            }
        }
    }
    Ok(())
}

fn options() -> impl Strategy<Value = Options> {
    (0..=4usize, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(indent, hanging, orphan_control, wide)| Options {
            indent,
            hanging,
            orphan_control,
            ambiguous: if wide {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            },
            ..Options::default()
        },
    )
}

/// Han, Chinese punctuation, digit runs, Latin, spaces, emoji and combining marks, mixed.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\u{4e00}-\u{4e40}]{1,6}",
        prop::sample::select(vec![
            "，",
            "。",
            "、",
            "；",
            "：",
            "！",
            "？",
            "“",
            "”",
            "‘",
            "’",
            "（",
            "）",
            "《",
            "》",
            "「",
            "」",
            "【",
            "】",
            "——",
            "……",
            "⸺⸺",
            "·",
            "%",
            "℃",
            "15.87%",
            "280.1",
            "5221",
            "COVID-19",
            "GDP",
            " ",
            "  ",
            "\u{3000}",
            "👍",
            "👨\u{200d}👩\u{200d}👧",
            "e\u{301}",
            "①",
            "■",
            "～",
        ])
        .prop_map(str::to_owned),
        "[a-z]{1,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_text_obeys_every_rule(text in mixed_text(), width in 2..60usize, options in options()) {
        check(&text, width, &options)?;
    }

    #[test]
    fn nothing_is_forced_when_the_line_is_huge(text in mixed_text(), options in options()) {
        let lines = typeset(&text, 10_000, &options);
        prop_assert!(lines.len() <= 1);
        prop_assert!(lines.iter().all(|l| !l.forced));
    }

    #[test]
    fn a_wider_line_never_needs_more_lines(text in mixed_text(), width in 2..60usize, options in options()) {
        prop_assert!(typeset(&text, width + 1, &options).len() <= typeset(&text, width, &options).len());
    }
}

#[test]
fn every_sample_paragraph_at_every_width_in_both_modes() {
    let paragraphs = crate::support::sample_paragraphs();
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for hanging in [false, true] {
            let options = Options {
                ambiguous,
                hanging,
                ..Options::default()
            };
            for paragraph in &paragraphs {
                let mut previous = usize::MAX;
                for width in 2..=120 {
                    check(paragraph, width, &options)
                        .unwrap_or_else(|e| panic!("width {width}: {e}"));
                    let count = typeset(paragraph, width, &options).len();
                    assert!(
                        count <= previous,
                        "width {width} needs more lines than {}",
                        width - 1
                    );
                    if width >= 20 {
                        assert!(
                            typeset(paragraph, width, &options)
                                .iter()
                                .all(|l| !l.forced),
                            "forced at {width}"
                        );
                    }
                    previous = count;
                }
            }
        }
    }
}
