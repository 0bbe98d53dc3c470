//! The line-breaking rules, one case each, with the characters named.

use rstest::rstest;

use super::*;

/// Typesets with no indent and returns the lines joined by `|`.
#[track_caller]
fn lines_with(text: &str, width: usize, options: Options) -> String {
    typeset(text, width, &options)
        .iter()
        .map(|l| l.text(text))
        .collect::<Vec<_>>()
        .join("|")
}

fn plain() -> Options {
    Options {
        indent: 0,
        orphan_control: false,
        ..Options::default()
    }
}

#[rstest]
#[case::no_comma_at_line_start("一二三，四", 6, "一二|三，四")]
#[case::no_full_stop_at_line_start("一二三。四", 6, "一二|三。四")]
#[case::no_enumeration_comma_at_line_start("甲乙丙、丁", 6, "甲乙|丙、丁")]
#[case::no_closing_quote_at_line_start("一二三”四", 6, "一二|三”四")]
#[case::no_closing_book_mark_at_line_start("读人民》报", 6, "读人|民》报")]
#[case::no_percent_at_line_start("增长约15.87%", 10, "增长约|15.87%")]
#[case::no_interpunct_at_line_start("约翰·史", 4, "约|翰·|史")]
#[case::no_opening_quote_at_line_end("一二“三四”", 6, "一二|“三四”")]
#[case::no_opening_bracket_at_line_end("一二（三）", 6, "一二|（三）")]
#[case::no_opening_bracket_before_ideographic_space("（\u{3000}城南", 4, "（|城南")]
#[case::two_em_dash_is_not_split("强调——科学", 5, "强|调——|科学")]
#[case::ellipsis_is_not_split("等等……好", 5, "等|等……|好")]
#[case::decimal_number_stays_whole("最高达到280.1万", 10, "最高达到|280.1万")]
#[case::latin_word_stays_whole("新冠COVID-19疫情", 9, "新冠|COVID-19|疫情")]
#[case::break_after_closing_quote("少？”王明", 6, "少？”|王明")]
#[case::break_before_opening_quote("他说“好”", 5, "他说|“好”")]
#[case::break_at_a_space("ab cd", 3, "ab|cd")]
#[case::spaces_at_a_break_are_dropped("中文  英文", 5, "中文|英文")]
fn kinsoku_rules(#[case] text: &str, #[case] width: usize, #[case] expected: &str) {
    assert_eq!(lines_with(text, width, plain()), expected);
}

#[test]
fn lines_longer_than_the_width_are_cut_and_flagged_forced() {
    let text = "abcdefghij";
    let lines = typeset(text, 4, &plain());
    assert_eq!(lines_with(text, 4, plain()), "abcd|efgh|ij");
    assert_eq!(
        lines.iter().map(|l| l.forced).collect::<Vec<_>>(),
        [true, true, false]
    );
}

#[test]
fn a_comma_hangs_into_the_gutter_when_hanging_is_on() {
    let options = Options {
        hanging: true,
        ..plain()
    };
    let lines = typeset("一二三，四五", 6, &options);
    assert_eq!(lines_with("一二三，四五", 6, options), "一二三，|四五");
    assert!(lines[0].hanging);
    assert_eq!(lines[0].width, 8);
}

#[test]
fn consecutive_marks_do_not_hang() {
    let options = Options {
        hanging: true,
        ..plain()
    };
    assert_eq!(lines_with("一二三。”四五", 6, options), "一二|三。”|四五");
}

#[test]
fn a_lone_last_character_takes_one_from_the_line_before() {
    let options = Options {
        orphan_control: true,
        ..plain()
    };
    assert_eq!(lines_with("一二三四五。", 8, plain()), "一二三四|五。");
    assert_eq!(lines_with("一二三四五。", 8, options), "一二三|四五。");
}

#[test]
fn first_line_is_indented_by_two_full_width_spaces() {
    let lines = typeset(
        "一二三四五六",
        8,
        &Options {
            orphan_control: false,
            ..Options::default()
        },
    );
    assert_eq!(
        lines
            .iter()
            .map(|l| (l.indent, l.width))
            .collect::<Vec<_>>(),
        [(4, 4), (0, 8)]
    );
}

#[test]
fn indent_is_clamped_so_one_wide_glyph_fits() {
    let lines = typeset("一二", 3, &Options::default());
    assert_eq!(lines[0].indent, 1);
    assert!(lines.iter().all(|l| l.indent + l.width <= 3));
}

#[test]
fn wide_ambiguous_mode_counts_quotes_as_two_columns() {
    let wide = Options {
        ambiguous: AmbiguousWidth::Wide,
        ..plain()
    };
    assert_eq!(lines_with("“一二”", 6, plain()), "“一二”");
    assert_eq!(lines_with("“一二”", 6, wide), "“一|二”");
}

#[test]
fn empty_and_blank_paragraphs_give_no_lines() {
    assert!(typeset("", 10, &Options::default()).is_empty());
    assert!(typeset(" \u{3000} ", 10, &Options::default()).is_empty());
}

#[test]
fn headlines_break_between_phrases_and_balance() {
    let title = "稳步推进 扎实工作 奋力夺取秋粮丰收";
    let options = Options {
        indent: 0,
        ..Options::default()
    };
    let lines: Vec<&str> = balanced(title, 30, &options)
        .iter()
        .map(|l| l.text(title))
        .collect();
    assert_eq!(lines, ["稳步推进 扎实工作", "奋力夺取秋粮丰收"]);
    let plain = "一二三四五六七八九十";
    let lines: Vec<&str> = balanced(plain, 16, &options)
        .iter()
        .map(|l| l.text(plain))
        .collect();
    assert_eq!(lines, ["一二三四五", "六七八九十"]);
}
