//! A list of authorities for a round robin: one name a line, or a CSV whose header names
//! a `name` (or `authority`) column and perhaps an `email` one. Blank lines are skipped
//! and counted. The file must be UTF-8 (a byte-order mark is allowed): names read
//! lossily would become authorities nobody can find again, so other bytes are refused
//! with the line they are on.

/// One authority as the list gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub email: Option<String>,
}

/// What a list held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthorityList {
    pub entries: Vec<Listed>,
    /// Blank lines (or CSV rows with no name) skipped.
    pub blank: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error(
        "line {line} is not UTF-8 text (byte 0x{byte:02X}): save the file as UTF-8 and try again"
    )]
    NotUtf8 { line: usize, byte: u8 },
    #[error("line {line}: {detail}")]
    Csv { line: u64, detail: String },
}

/// Read a list of authorities (see the module comment).
pub fn parse_authorities(bytes: &[u8]) -> Result<AuthorityList, ListError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        ListError::NotUtf8 {
            line: 1 + bytes[..at].iter().filter(|b| **b == b'\n').count(),
            byte: bytes[at],
        }
    })?;
    match csv_header(text) {
        Some(columns) => parse_csv(text, columns),
        None => Ok(parse_lines(text)),
    }
}

fn parse_lines(text: &str) -> AuthorityList {
    let mut list = AuthorityList::default();
    for line in text.lines() {
        let name = line.trim();
        if name.is_empty() {
            list.blank += 1;
        } else {
            list.entries.push(Listed {
                name: name.to_string(),
                email: None,
            });
        }
    }
    list
}

/// The positions of the name and e-mail columns, when the first line that is not blank
/// is a CSV header naming a `name` or `authority` column.
fn csv_header(text: &str) -> Option<(usize, Option<usize>)> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if !first.contains(',') {
        return None;
    }
    let fields: Vec<String> = first
        .split(',')
        .map(|f| f.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect();
    let name = fields
        .iter()
        .position(|f| matches!(f.as_str(), "name" | "authority" | "authority name"))?;
    let email = fields.iter().position(|f| {
        matches!(
            f.as_str(),
            "email" | "e-mail" | "email address" | "e-mail address" | "request email"
        )
    });
    Some((name, email))
}

fn parse_csv(
    text: &str,
    (name_at, email_at): (usize, Option<usize>),
) -> Result<AuthorityList, ListError> {
    let mut list = AuthorityList {
        // Blank lines before the header count as skipped too.
        blank: text.lines().take_while(|l| l.trim().is_empty()).count(),
        ..AuthorityList::default()
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|e| ListError::Csv {
            line: e.position().map_or(0, |p| p.line()),
            detail: e.to_string(),
        })?;
        let name = record.get(name_at).unwrap_or("").trim();
        if name.is_empty() {
            list.blank += 1;
            continue;
        }
        let email = email_at
            .and_then(|i| record.get(i))
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string);
        list.entries.push(Listed {
            name: name.to_string(),
            email,
        });
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(l: &AuthorityList) -> Vec<&str> {
        l.entries.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn one_name_a_line_with_blank_lines_counted() {
        let l = parse_authorities(
            b"\xEF\xBB\xBFLeeds City Council\r\n\r\n  Bristol City Council  \n\n",
        )
        .unwrap();
        assert_eq!(names(&l), ["Leeds City Council", "Bristol City Council"]);
        assert_eq!(l.blank, 2);
        assert!(l.entries.iter().all(|e| e.email.is_none()));
    }

    #[test]
    fn a_csv_with_name_and_email_columns() {
        let text = "\nAuthority,Email,Region\n\"Leeds City Council, Housing\",foi@leeds.example,North\n,,\nBristol City Council,,South\n";
        let l = parse_authorities(text.as_bytes()).unwrap();
        assert_eq!(
            names(&l),
            ["Leeds City Council, Housing", "Bristol City Council"]
        );
        assert_eq!(l.entries[0].email.as_deref(), Some("foi@leeds.example"));
        assert_eq!(l.entries[1].email, None);
        assert_eq!(l.blank, 2);
    }

    #[test]
    fn a_name_with_a_comma_is_not_taken_for_a_csv() {
        let l = parse_authorities(b"Kent, County Council\nSurrey County Council\n").unwrap();
        assert_eq!(names(&l), ["Kent, County Council", "Surrey County Council"]);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_line() {
        let e = parse_authorities(b"Leeds\nBristol\nCaf\xE9 Council\n").unwrap_err();
        assert_eq!(
            e,
            ListError::NotUtf8 {
                line: 3,
                byte: 0xE9
            }
        );
        assert!(
            e.to_string()
                .starts_with("line 3 is not UTF-8 text (byte 0xE9)"),
            "{e}"
        );
    }
}
