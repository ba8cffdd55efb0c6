//! The export document written case by case (the shapes are [`crate::interchange`]'s).

use crate::casebook::CaseView;
use crate::interchange::{AttachmentJson, CaseJson, FORMAT, VERSION};

/// The `show --json` shape of a case as the casebook sees it.
pub fn case_json(v: &CaseView) -> CaseJson {
    CaseJson::from_case(&v.file, v.status, v.overall, &v.clocks)
}

/// The export document written case by case, byte for byte what serializing a whole
/// [`crate::interchange::Document`] with `serde_json::to_string_pretty` (and a final newline) gives.
pub struct JsonWriter<'a, W: std::io::Write> {
    out: W,
    /// One case's pretty JSON, reused from case to case.
    buf: Vec<u8>,
    written: usize,
    /// The originals of a case by its id, when the export carries them.
    attachments: Option<&'a AttachmentSource<'a>>,
}

/// A case's originals for the export, by case id.
pub type AttachmentSource<'a> = dyn Fn(i64) -> std::io::Result<Vec<AttachmentJson>> + 'a;

impl<'a, W: std::io::Write> JsonWriter<'a, W> {
    pub fn new(out: W) -> JsonWriter<'a, W> {
        JsonWriter {
            out,
            buf: Vec::with_capacity(1 << 14),
            written: 0,
            attachments: None,
        }
    }

    /// List each case's originals (by hash, or with their bytes: the source decides).
    pub fn with_attachments(mut self, source: &'a AttachmentSource<'a>) -> Self {
        self.attachments = Some(source);
        self
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: std::io::Write> super::CaseWriter for JsonWriter<'_, W> {
    fn begin(&mut self, _total: usize) -> std::io::Result<()> {
        // The fields before `cases`, as serde writes them (the format string escaped).
        let format = serde_json::to_string(FORMAT)?;
        write!(
            self.out,
            "{{\n  \"format\": {format},\n  \"version\": {VERSION},\n  \"cases\": ["
        )
    }

    fn case(&mut self, v: &CaseView) -> std::io::Result<()> {
        self.buf.clear();
        let mut case = case_json(v);
        if let Some(source) = self.attachments {
            let list = source(v.file.case.id)?;
            case.attachments = (!list.is_empty()).then_some(list);
        }
        serde_json::to_writer_pretty(&mut self.buf, &case)?;
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        // The case sits two levels deep: every line of it moves right by four spaces.
        // Pretty JSON has no raw line break inside a string, so each one is a line's end.
        let mut rest = &self.buf[..];
        self.out.write_all(b"    ")?;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            self.out.write_all(&rest[..=i])?;
            self.out.write_all(b"    ")?;
            rest = &rest[i + 1..];
        }
        self.out.write_all(rest)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.written > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]\n}\n")?;
        self.out.flush()
    }
}
