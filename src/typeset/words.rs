//! Word starts for breaking headlines between words, from jieba's segmentation.

use jieba_rs::Jieba;

/// Byte offsets where the words of `text` start (the first word's `0` included).
pub fn word_starts(jieba: &Jieba, text: &str) -> Vec<usize> {
    jieba
        .cut(text, false)
        .into_iter()
        .map(|token| token.byte_start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::{Options, balanced_in_words};

    #[test]
    fn headlines_break_between_words() {
        let jieba = Jieba::new();
        let words = |text: &str| word_starts(&jieba, text);
        let title = "争分夺秒抢抓工期确保重点项目早日投产见效";
        for width in 10..40 {
            let lines = balanced_in_words(title, width, &Options::default(), Some(&words));
            let starts = word_starts(&jieba, title);
            for line in lines.iter().skip(1) {
                assert!(
                    starts.contains(&line.start),
                    "width {width}: break at {} inside a word",
                    line.start
                );
            }
            assert!(lines.iter().all(|l| l.width <= width), "width {width}");
        }
    }

    #[test]
    fn without_a_segmenter_spaces_and_marks_are_breaks() {
        let title = "加快建设全国统一大市场，推动高质量发展";
        let lines = crate::typeset::balanced(title, 24, &Options::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].text(title), "推动高质量发展");
    }
}
