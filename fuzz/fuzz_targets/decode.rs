//! Bytes → text never panics; UTF-8 comes back unchanged, and decoded text holds no NUL
//! unless a byte-order mark said UTF-16.

#![no_main]

use dubao::io::decode::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes) else {
        return;
    };
    let bom = bytes.starts_with(&[0xef, 0xbb, 0xbf])
        || bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff]);
    if bom {
        return;
    }
    assert!(!text.contains('\0'), "binary data decoded as text");
    if let Ok(utf8) = std::str::from_utf8(bytes) {
        assert_eq!(text, utf8, "UTF-8 changed by decoding");
    }
});
