//! A list of authorities for a round robin: one name a line, or a CSV whose header names
//! a `name` (or `authority`) column and perhaps `email` and `regime` ones. Blank lines are
//! skipped and counted. The file must be UTF-8 (a byte-order mark is allowed): names read
//! lossily would become authorities nobody can find again, so other bytes are refused
//! with the line they are on.
//!
//! The law an authority answers under, when it is not the batch's, is its CSV row's
//! `regime`, or follows its name after a bar: `Scotland Office | foia`.

use crate::domain::Regime;

/// One authority as the list gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub email: Option<String>,
    /// The law named for it (`foia`, `eir`, `foisa`, `eisr`), if any.
    pub regime: Option<Regime>,
}

/// `NAME | REGIME` split into the name and the law; a name without a bar has none.
pub fn split_regime(entry: &str) -> Result<(String, Option<Regime>), String> {
    match entry.rsplit_once('|') {
        None => Ok((entry.trim().to_string(), None)),
        Some((name, law)) => {
            let regime = law.trim().parse::<Regime>().map_err(|e| e.to_string())?;
            Ok((name.trim().to_string(), Some(regime)))
        }
    }
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

/// Where a CSV's columns are.
#[derive(Debug, Clone, Copy)]
struct Columns {
    name: usize,
    email: Option<usize>,
    regime: Option<usize>,
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
        None => parse_lines(text),
    }
}

fn parse_lines(text: &str) -> Result<AuthorityList, ListError> {
    let mut list = AuthorityList::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            list.blank += 1;
            continue;
        }
        let (name, regime) = split_regime(line).map_err(|detail| ListError::Csv {
            line: n as u64 + 1,
            detail,
        })?;
        if name.is_empty() {
            list.blank += 1;
            continue;
        }
        list.entries.push(Listed {
            name,
            email: None,
            regime,
        });
    }
    Ok(list)
}

/// The positions of the columns, when the first line that is not blank is a CSV header
/// naming a `name` or `authority` column.
fn csv_header(text: &str) -> Option<Columns> {
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
    let regime = fields
        .iter()
        .position(|f| matches!(f.as_str(), "regime" | "law"));
    Some(Columns {
        name,
        email,
        regime,
    })
}

fn parse_csv(text: &str, columns: Columns) -> Result<AuthorityList, ListError> {
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
        let name = record.get(columns.name).unwrap_or("").trim();
        if name.is_empty() {
            list.blank += 1;
            continue;
        }
        let field = |at: Option<usize>| {
            at.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|e| !e.is_empty())
        };
        let regime = field(columns.regime)
            .map(str::parse::<Regime>)
            .transpose()
            .map_err(|e| ListError::Csv {
                line: record.position().map_or(0, |p| p.line()),
                detail: e.to_string(),
            })?;
        list.entries.push(Listed {
            name: name.to_string(),
            email: field(columns.email).map(str::to_string),
            regime,
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
    fn a_regime_column_or_a_bar_names_an_authority_s_law() {
        let text = "name,email,regime\nFife Council,,\nScotland Office,foi@so.example,FOIA\n";
        let l = parse_authorities(text.as_bytes()).unwrap();
        let laws: Vec<_> = l.entries.iter().map(|e| e.regime).collect();
        assert_eq!(laws, [None, Some(Regime::Foia)]);
        let l = parse_authorities(b"Scotland Office | foia\nLeeds City Council\n").unwrap();
        assert_eq!(names(&l), ["Scotland Office", "Leeds City Council"]);
        assert_eq!(l.entries[0].regime, Some(Regime::Foia));
        assert_eq!(l.entries[1].regime, None);
        let e = parse_authorities(b"Leeds\nFife Council | scots law\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: unknown regime 'scots law': use foia, eir, foisa or eisr"
        );
        let e = parse_authorities(b"name,regime\nFife Council,fois\n").unwrap_err();
        assert!(
            e.to_string().starts_with("line 2: unknown regime 'fois'"),
            "{e}"
        );
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
