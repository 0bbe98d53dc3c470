//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy Chinese encoding
//! (GB18030/GBK, Big5) found by `chardetng`. Binary data is refused, never shown.

use encoding_rs::{BIG5, Encoding, GBK};

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Undecodable,
}

/// Control characters allowed in text files (tab, line feed, vertical tab, form feed, CR).
fn is_text_control(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)
}

/// Decodes `bytes` as text, without copying them when they are UTF-8 already (the common
/// case, and the one that matters for a file of tens of megabytes).
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if Encoding::for_bom(&bytes).is_none() && !is_binary(&bytes) {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(text),
            Err(e) => return decode(e.as_bytes()),
        }
    }
    decode(&bytes)
}

/// NUL, or more than a trace of other C0 controls, means binary data.
fn is_binary(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !is_text_control(b))
        .count();
    bytes.contains(&0) || (controls > 4 && controls * 20 > bytes.len())
}

/// Decodes `bytes` as text.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return strict(encoding, body).ok_or(DecodeError::Undecodable);
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    // Only Chinese encodings are tried: a single-byte guess would "decode" any bytes at all.
    let candidates: &[&'static Encoding] = if guess == BIG5 {
        &[BIG5, GBK]
    } else {
        &[GBK, BIG5]
    };
    candidates
        .iter()
        .find_map(|&encoding| strict(encoding, bytes))
        .ok_or(DecodeError::Undecodable)
}

/// Decodes without replacement characters: any malformed sequence fails.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("本报讯".as_bytes()).as_deref(), Ok("本报讯"));
        assert_eq!(decode(b"\xef\xbb\xbf\xe6\x9c\xac").as_deref(), Ok("本"));
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("报纸".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("报纸".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).as_deref(), Ok("报纸"));
        assert_eq!(decode(&be).as_deref(), Ok("报纸"));
    }

    #[test]
    fn gb18030_is_detected() {
        let text = "本报讯 12月29日下午，市委书记深入供电公司调研电力供应保障工作。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&bytes).as_deref(), Ok(text));
    }

    #[test]
    fn big5_is_detected() {
        let text = "本報訊 十二月二十九日下午，市委書記深入供電公司調研電力供應保障工作。";
        let (bytes, _, _) = BIG5.encode(text);
        assert_eq!(decode(&bytes).as_deref(), Ok(text));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(&[0x01, 0x02, 0x03, 0x04, 0x05]),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let gbk = encoding_rs::GB18030.encode("本报讯").0.into_owned();
        for bytes in [
            "本报讯".as_bytes().to_vec(),
            gbk,
            b"\xef\xbb\xbf\xe6\x9c\xac".to_vec(),
            vec![0, 1, 2],
            vec![0xff, 0xff, 0xff, 0x80, 0x80],
        ] {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn undecodable_bytes_are_refused() {
        assert_eq!(
            decode(&[0xff, 0xff, 0xff, 0x80, 0x80]),
            Err(DecodeError::Undecodable)
        );
    }
}
