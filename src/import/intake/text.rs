//! Bytes to text: UTF-8 when it is, else windows-1252 (what authorities' mail and
//! office systems write when they do not say), so "£1,000" survives either way.

/// Decode `bytes` as UTF-8 (a BOM dropped), falling back to windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Whether `bytes` look like text: no NUL, and few other control bytes (at most one in
/// twenty: random bytes have one in nine; a letter pasted from a terminal may hold a few
/// escapes).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return false;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    // Valid UTF-8 is text; otherwise the windows-1252 reading must not be mostly the
    // upper half (random bytes are about half high bytes).
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    // A sample cut inside a character is still UTF-8 (`error_len` is `None` then).
    let utf8 = std::str::from_utf8(sample).map_or_else(|e| e.error_len().is_none(), |_| true);
    control * 20 <= sample.len() && (utf8 || high * 10 <= sample.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_pound_survives() {
        assert_eq!(decode(b"cost \xa31,000 \x96 said"), "cost £1,000 – said");
        assert_eq!(decode("£1,000".as_bytes()), "£1,000");
        assert_eq!(decode(b"\xef\xbb\xbfDear"), "Dear");
    }

    #[test]
    fn noise_is_not_text() {
        assert!(looks_like_text(b"Dear Sir,\r\n\tThank you."));
        assert!(looks_like_text("Fee: £450".as_bytes()));
        assert!(looks_like_text(
            b"Our Ref: FOI \x1b]0;x\x0742\nDate: 27 February 2018\nDear Lee,\n1. Held?\n"
        ));
        assert!(!looks_like_text(b"\x7fELF\x02\x01\x01\x00\x00"));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(!looks_like_text(&noise));
    }
}
