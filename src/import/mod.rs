//! Importers: response letters (plain text or Markdown), the casebook's own JSON, and
//! WhatDoTheyKnow (Alaveteli) request JSON. Pure code: text in, a proposal out.

pub mod authorities;
mod detect;
pub mod intake;
pub mod letter;
pub mod lossy;
pub mod proposal;
pub mod wdtk;

pub use detect::{Detected, detect, detect_format, starts_as_export};
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
        assert_eq!(
            detect_format(br#"{"info_request":{"url_title":"x"}}"#),
            Format::Wdtk
        );
        assert_eq!(
            detect_format(br#"{"info_request":{"id":1}}"#),
            Format::Letter
        );
        assert_eq!(
            detect_format(b"\xef\xbb\xbf {\"format\":\"foi-casebook\"}"),
            Format::Json
        );
        assert_eq!(
            detect_format(br#"{"format":"foi-casebook"} x"#),
            Format::Letter
        );
        assert_eq!(
            detect_format(br#"{"format":"foi-casebook","cases":[1,"#),
            Format::Letter
        );
        assert_eq!(
            detect(&br#"{"cases":[{},{"a":[1]},3],"format":"foi-casebook"}"#[..]).ok(),
            Some(Detected {
                format: Format::Json,
                cases: 3
            })
        );
    }
}
