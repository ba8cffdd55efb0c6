//! The text of a Word (.docx) or OpenDocument (.odt) file: both are zips holding XML.
//! Paragraphs become lines; tabs, breaks and runs of spaces are kept; everything else
//! (styles, fields, drawings) is left out.

use super::ReadError;
use super::archive;
use super::html::decode_entities;

/// Which of the two, by what the zip holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    Docx,
    Odt,
}

/// Whether a zip's names (and its `mimetype` entry) make it a .docx or an .odt.
pub fn kind(names: &[String]) -> Option<Office> {
    if names.iter().any(|n| n == "word/document.xml") {
        Some(Office::Docx)
    } else if names.iter().any(|n| n == "content.xml") && names.iter().any(|n| n == "mimetype") {
        Some(Office::Odt)
    } else {
        None
    }
}

/// The document's text.
pub fn text(bytes: &[u8], kind: Office) -> Result<String, ReadError> {
    let part = match kind {
        Office::Docx => "word/document.xml",
        Office::Odt => "content.xml",
    };
    let entries = archive::read(bytes, |p| p == part)?;
    let xml = entries
        .first()
        .map(|e| String::from_utf8_lossy(&e.bytes).into_owned())
        .ok_or_else(|| ReadError::Damaged(format!("a document without its {part}")))?;
    Ok(match kind {
        Office::Docx => xml_text(&xml, &DOCX),
        Office::Odt => xml_text(&xml, &ODT),
    })
}

/// How one dialect marks text.
struct Dialect {
    /// Character data counts only inside these elements (`w:t`), or everywhere after
    /// `body` when empty.
    text_in: &'static [&'static str],
    body: &'static str,
    /// End tags that end a paragraph.
    paragraph: &'static [&'static str],
    /// Empty elements that stand for a tab, a line break, a space.
    tab: &'static str,
    line_break: &'static [&'static str],
    space: &'static str,
}

const DOCX: Dialect = Dialect {
    text_in: &["w:t"],
    body: "w:body",
    paragraph: &["w:p"],
    tab: "w:tab",
    line_break: &["w:br", "w:cr"],
    space: "",
};

const ODT: Dialect = Dialect {
    text_in: &[],
    body: "office:body",
    paragraph: &["text:p", "text:h"],
    tab: "text:tab",
    line_break: &["text:line-break"],
    space: "text:s",
};

fn xml_text(xml: &str, d: &Dialect) -> String {
    let mut out = String::new();
    let mut in_body = false;
    let mut in_text = false;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_body && (in_text || d.text_in.is_empty()) {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let empty = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if name == d.body {
            in_body = !closing;
            continue;
        }
        if d.text_in.contains(&name) {
            in_text = !closing && !empty;
        } else if closing && d.paragraph.contains(&name) {
            // A paragraph of the document is a paragraph of the letter: a blank line,
            // as the letter reader expects between numbered items and their answers.
            out.push_str("\n\n");
        } else if name == d.tab {
            out.push('\t');
        } else if d.line_break.contains(&name) {
            out.push('\n');
        } else if !d.space.is_empty() && name == d.space {
            let n = attr(tag, "text:c")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1usize);
            out.push_str(&" ".repeat(n.min(80)));
        }
    }
    out
}

/// The value of `name="…"` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_paragraphs_and_runs() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Our ref: </w:t></w:r><w:r><w:t xml:space="preserve">FOI 9 &amp; 10</w:t></w:r></w:p><w:p><w:r><w:t>1.</w:t><w:tab/><w:t>It costs £1,000.</w:t></w:r></w:p><w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            xml_text(xml, &DOCX),
            "Our ref: FOI 9 & 10\n\n1.\tIt costs £1,000.\n\n\n\n"
        );
    }

    #[test]
    fn odt_paragraphs_and_spaces() {
        let xml = r#"<office:document-content><office:body><office:text><text:h>Response</text:h><text:p>A<text:s text:c="2"/>B<text:line-break/>C</text:p></office:text></office:body></office:document-content>"#;
        assert_eq!(xml_text(xml, &ODT), "Response\n\nA  B\nC\n\n");
    }
}
