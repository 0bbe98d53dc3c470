//! Folding text for matching: case, full-width forms and white space do not matter.

/// The folded form of one character: lower case, half-width (`Ａ１` → `a1`); `None` for white
/// space, which matching ignores.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        c => c,
    };
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => Some(c),
    }
}

/// `text` folded.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// `text` folded, with where each folded byte came from: `(start, end)` byte offsets of the
/// original character.
pub fn fold_mapped(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if let Some(f) = fold_char(c) {
            folded.push(f);
            origin.extend(std::iter::repeat_n((at, at + c.len_utf8()), f.len_utf8()));
        }
    }
    (folded, origin)
}

/// Every place `needle` (folded) occurs in `text`, as original byte ranges on char boundaries.
pub fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (folded, origin) = fold_mapped(text);
    folded
        .match_indices(needle)
        .map(|(at, m)| (origin[at].0, origin[at + m.len() - 1].1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_width_and_spaces_are_folded() {
        assert_eq!(fold("ＡＢＣ１２３ Gdp\u{3000}增长"), "abc123gdp增长");
        assert_eq!(fold("Ｃｏｖｉｄ－19"), "covid-19");
    }

    #[test]
    fn matches_map_back_to_the_original_text() {
        let text = "城南 ＧＤＰ 增长，gdp 上升";
        let found = find_all(text, "gdp增长");
        assert_eq!(found.len(), 1);
        let (start, end) = found[0];
        assert_eq!(text.get(start..end).unwrap_or_default(), "ＧＤＰ 增长");
        assert_eq!(find_all(text, "gdp").len(), 2);
    }

    #[test]
    fn ranges_are_on_char_boundaries() {
        let text = "电力供应 电\u{3000}力";
        for (start, end) in find_all(text, "电力") {
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
        assert_eq!(find_all(text, "电力").len(), 2);
        assert!(find_all(text, "").is_empty());
    }
}
