//! Telling an import's format from its content, in one pass over a reader: a
//! 500 MB export is checked as JSON without being held in memory.

use super::Format;
use super::lossy::{LossyUtf8, Trim};
use regex::bytes::Regex;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::Read;
use std::sync::LazyLock;

/// What the sniffing found: the format and, for the casebook's own export, how many
/// cases it holds (for a progress bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub format: Format,
    pub cases: usize,
}

/// Sniff the format from the bytes. JSON whose top-level object has
/// `"format": "foi-casebook"` is [`Format::Json`]; a JSON object (or array of objects)
/// carrying `info_request_events` or `url_title` is [`Format::Wdtk`]; anything else,
/// including JSON of any other shape, is read as a [`Format::Letter`].
pub fn detect_format(bytes: &[u8]) -> Format {
    detect(bytes).map_or(Format::Letter, |d| d.format)
}

/// [`detect_format`] over a reader, counting the cases of an export as it goes. Only a
/// failure to read is an error; text that is not JSON is a letter.
pub fn detect(reader: impl Read) -> std::io::Result<Detected> {
    let letter = Detected {
        format: Format::Letter,
        cases: 0,
    };
    // Bytes are read as `from_utf8_lossy` reads them, and the start trimmed as before.
    let mut text =
        std::io::BufReader::with_capacity(1 << 16, LossyUtf8::new(reader, Trim::BomAndSpace));
    let first = std::io::BufRead::fill_buf(&mut text)?.first().copied();
    if !matches!(first, Some(b'{' | b'[')) {
        return Ok(letter);
    }
    let mut de = serde_json::Deserializer::from_reader(text);
    let shape = match de.deserialize_any(ShapeVisitor) {
        Ok(s) => s,
        Err(e) if e.is_io() => return Err(std::io::Error::other(e)),
        Err(_) => return Ok(letter),
    };
    if de.end().is_err() {
        return Ok(letter);
    }
    Ok(match shape {
        Shape::Object(o) if o.casebook => Detected {
            format: Format::Json,
            cases: o.cases,
        },
        Shape::Object(o) if o.wdtk => Detected {
            format: Format::Wdtk,
            cases: 0,
        },
        Shape::Array {
            all_wdtk: true,
            len,
        } if len > 0 => Detected {
            format: Format::Wdtk,
            cases: 0,
        },
        _ => letter,
    })
}

/// The start of an export as `foi export` writes it: the top-level object's first key is
/// `"format"`, with the casebook's own format name.
static EXPORT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        \A \{ \s*                     # the document's object
        "format" \s* : \s*             # its first key
        "foi-casebook" \s* [,}]        # the casebook's format, whole
        "#,
    )
    .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
});

/// Whether the text starts the way `foi export` writes its document (after any byte-order
/// mark and white space). Only the first few kilobytes are read: such a file can be
/// imported as an export straight away, and its errors are then the export's own (a
/// JSON error with its line and column), where [`detect`] reads the whole file first.
pub fn starts_as_export(reader: impl Read) -> std::io::Result<bool> {
    let mut text =
        std::io::BufReader::with_capacity(1 << 12, LossyUtf8::new(reader, Trim::BomAndSpace));
    let head = std::io::BufRead::fill_buf(&mut text)?;
    Ok(EXPORT_HEAD.is_match(head))
}

/// What the sniffer keeps of a JSON value.
enum Shape {
    Object(Object),
    Array { all_wdtk: bool, len: usize },
    Other,
}

/// What the sniffer keeps of an object (a later duplicate key wins, as in a map).
#[derive(Default)]
struct Object {
    /// `"format": "foi-casebook"`.
    casebook: bool,
    /// Has `info_request_events`, `url_title`, or an `info_request` with `url_title`.
    wdtk: bool,
    /// How many items `cases` holds.
    cases: usize,
    has_url_title: bool,
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let (mut format, mut events, mut title, mut request) = (false, false, false, false);
        let mut cases = 0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => format = map.next_value::<serde_json::Value>()? == "foi-casebook",
                "info_request_events" => {
                    events = true;
                    map.next_value::<IgnoredAny>()?;
                }
                "url_title" => {
                    title = true;
                    map.next_value::<IgnoredAny>()?;
                }
                "info_request" => {
                    request = match map.next_value_seed(ShapeSeed)? {
                        Shape::Object(o) => o.has_url_title,
                        _ => false,
                    };
                }
                // Only counted: each case is skipped, not looked into (a third of the
                // time of a 100,000-case import went into sniffing its cases' keys).
                "cases" => cases = map.next_value_seed(CountSeed)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Shape::Object(Object {
            casebook: format,
            wdtk: events || title || request,
            cases,
            has_url_title: title,
        }))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let (mut all_wdtk, mut len) = (true, 0);
        while let Some(item) = seq.next_element_seed(ShapeSeed)? {
            len += 1;
            all_wdtk &= matches!(item, Shape::Object(o) if o.wdtk);
        }
        Ok(Shape::Array { all_wdtk, len })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
}

struct ShapeSeed;

impl<'de> DeserializeSeed<'de> for ShapeSeed {
    type Value = Shape;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(ShapeVisitor)
    }
}

/// How many items an array holds (0 for any other value), each skipped unread.
struct CountSeed;

impl<'de> DeserializeSeed<'de> for CountSeed {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_any(CountSeed)
    }
}

impl<'de> Visitor<'de> for CountSeed {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut len = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            len += 1;
        }
        Ok(len)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(0)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<usize, E> {
        Ok(0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<usize, E> {
        Ok(0)
    }
}
