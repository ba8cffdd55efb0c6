//! An original kept as evidence: an e-mail, a PDF, a Word file, any attachment.

use serde::Serialize;

/// One original stored in the casebook, linked to its case and (usually) the event it
/// came with. The bytes live once per content, named by `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: i64,
    #[serde(skip)]
    pub case_id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    /// The event it belongs to (`null` when that event was deleted).
    pub event: Option<i64>,
    #[serde(skip)]
    pub message_id: Option<String>,
}

/// The SHA-256 of `bytes` in lower-case hex: the name an original is kept under.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A name safe to write in a folder: the last path component, without control
/// characters or separators; never empty, never `.` or `..`.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| if c.is_control() || c == ':' { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "attachment".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn names_cannot_leave_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("..\\evil.txt"), "evil.txt");
        assert_eq!(safe_file_name(".."), "attachment");
        assert_eq!(safe_file_name(""), "attachment");
        assert_eq!(safe_file_name(".hidden"), "hidden");
        assert_eq!(safe_file_name("a\nb.pdf"), "a_b.pdf");
        assert_eq!(safe_file_name("Response letter.pdf"), "Response letter.pdf");
    }
}
