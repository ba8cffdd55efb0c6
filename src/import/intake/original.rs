//! An original as it arrived: a name, a media type and the bytes, named by SHA-256.

pub use crate::domain::attachment::sha256_hex;

/// A file or e-mail to be kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

impl Original {
    pub fn new(name: impl Into<String>, media_type: impl Into<String>, bytes: Vec<u8>) -> Original {
        let sha256 = sha256_hex(&bytes);
        Original {
            name: crate::domain::attachment::safe_file_name(&name.into()),
            media_type: media_type.into(),
            bytes,
            sha256,
        }
    }
}

/// The media type a name suggests, for originals that came without one (zip entries).
pub fn media_type_of(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    match ext {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt" => "application/vnd.oasis.opendocument.text",
        "doc" => "application/msword",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "htm" | "html" => "text/html",
        "eml" => "message/rfc822",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let o = Original::new("../x.pdf", "application/pdf", b"abc".to_vec());
        assert_eq!(o.name, "x.pdf");
        assert_eq!(media_type_of("Reply.PDF"), "application/pdf");
    }
}
