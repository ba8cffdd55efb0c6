//! Importers: response letters (plain text or Markdown), the casebook's own JSON, and
//! WhatDoTheyKnow (Alaveteli) request JSON. Pure code: text in, a proposal out.

pub mod letter;
pub mod proposal;
pub mod wdtk;

pub use letter::parse_letter;
pub use proposal::{Proposal, ProposedQuestion};

use serde::{Deserialize, Serialize};

/// What kind of file an import was handed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A response letter: plain text, Markdown or a saved web page.
    Letter,
    /// The casebook's own export (`{"format": "foi-casebook", …}`).
    Json,
    /// Alaveteli (WhatDoTheyKnow) request JSON.
    Wdtk,
}

/// Sniff the format from the bytes. JSON whose top-level object has
/// `"format": "foi-casebook"` is [`Format::Json`]; a JSON object (or array of objects)
/// carrying `info_request_events` or `url_title` is [`Format::Wdtk`]; anything else,
/// including JSON of any other shape, is read as a [`Format::Letter`].
pub fn detect_format(bytes: &[u8]) -> Format {
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return Format::Letter;
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) else {
        return Format::Letter;
    };
    let is_wdtk = |v: &serde_json::Value| {
        v.as_object().is_some_and(|o| {
            o.contains_key("info_request_events")
                || o.contains_key("url_title")
                || o.get("info_request")
                    .and_then(|r| r.as_object())
                    .is_some_and(|r| r.contains_key("url_title"))
        })
    };
    match &value {
        serde_json::Value::Object(o) => {
            if o.get("format").and_then(|f| f.as_str()) == Some("foi-casebook") {
                Format::Json
            } else if is_wdtk(&value) {
                Format::Wdtk
            } else {
                Format::Letter
            }
        }
        serde_json::Value::Array(items) => {
            if !items.is_empty() && items.iter().all(is_wdtk) {
                Format::Wdtk
            } else {
                Format::Letter
            }
        }
        _ => Format::Letter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_sniffed() {
        assert_eq!(
            detect_format(br#"{"format":"foi-casebook","version":1,"cases":[]}"#),
            Format::Json
        );
        assert_eq!(
            detect_format(b"  {\n \"format\": \"foi-casebook\"}"),
            Format::Json
        );
        assert_eq!(
            detect_format(br#"{"url_title":"x","info_request_events":[]}"#),
            Format::Wdtk
        );
        assert_eq!(
            detect_format(br#"[{"url_title":"a"},{"info_request_events":[]}]"#),
            Format::Wdtk
        );
        assert_eq!(detect_format(br#"{"format":"other"}"#), Format::Letter);
        assert_eq!(detect_format(b"Our Ref: FOI 1\n{"), Format::Letter);
        assert_eq!(detect_format(b""), Format::Letter);
        assert_eq!(detect_format(&[0xff, 0xfe, b'{']), Format::Letter);
        assert_eq!(detect_format(b"[]"), Format::Letter);
    }
}
