//! Reading a zip held in memory, within the one size limit: every entry is read
//! through a counter, so a small zip claiming (or hiding) a huge entry is refused while
//! reading, long before memory fills. Entry names are only ever names: nothing is
//! written to disk here, and names are made safe before they are stored.

use super::ReadError;
use super::limits::{MAX_BYTES, MAX_ENTRIES};
use std::io::Read;

/// One file from a zip.
pub struct Entry {
    /// The path inside the zip, `/`-separated, as written (for matching names).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The names in a zip (directories left out), without reading any content.
pub fn names(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let zip = open(bytes)?;
    Ok(zip
        .file_names()
        .filter_map(|n| n.ok())
        .filter(|n| !n.ends_with('/'))
        .map(|n| n.into_owned())
        .collect())
}

fn open(bytes: &[u8]) -> Result<zip::ZipArchive<std::io::Cursor<&[u8]>>, ReadError> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Damaged(format!("a damaged zip file ({e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ReadError::TooLarge(format!(
            "a zip of {} files (at most {MAX_ENTRIES} are read)",
            zip.len()
        )));
    }
    Ok(zip)
}

/// Every file in the zip whose path `want` accepts, read within the size limit (all of
/// them together count against it).
pub fn read(bytes: &[u8], want: impl Fn(&str) -> bool) -> Result<Vec<Entry>, ReadError> {
    let mut zip = open(bytes)?;
    let mut budget = MAX_BYTES;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip
            .by_index(i)
            .map_err(|e| ReadError::Damaged(format!("a damaged zip file ({e})")))?;
        let path = file.name().map(|n| n.into_owned()).unwrap_or_default();
        if file.is_dir() || !want(&path) {
            continue;
        }
        // The declared size may lie: the counter, not the header, enforces the limit.
        let mut data = Vec::with_capacity((file.size().min(budget)) as usize);
        let read = (&mut file)
            .take(budget + 1)
            .read_to_end(&mut data)
            .map_err(|e| ReadError::Damaged(format!("a damaged zip entry {path:?} ({e})")))?;
        if read as u64 > budget {
            return Err(ReadError::TooLarge(format!(
                "a zip whose contents unpack to more than {} MB",
                MAX_BYTES / (1024 * 1024)
            )));
        }
        budget -= read as u64;
        out.push(Entry { path, bytes: data });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn entries_are_read_within_the_limit() {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        w.start_file("a.txt", opts).unwrap();
        w.write_all(b"hello").unwrap();
        w.add_directory("dir/", opts).unwrap();
        w.start_file("../up.txt", opts).unwrap();
        w.write_all(b"x").unwrap();
        let bytes = w.finish().unwrap().into_inner();
        assert_eq!(names(&bytes).unwrap(), ["a.txt", "../up.txt"]);
        let got = read(&bytes, |p| p == "a.txt").unwrap();
        assert_eq!(
            (got[0].path.as_str(), &got[0].bytes[..]),
            ("a.txt", &b"hello"[..])
        );
        assert!(matches!(
            names(b"PK\x03\x04 not really"),
            Err(ReadError::Damaged(_))
        ));
    }
}
