//! Which authority wrote the letter: from the letterhead, the requester's own
//! "Dear …" line, or the sign-off; well-known acronyms expanded.

use super::clean::{Doc, re};
use regex::Regex;
use std::sync::LazyLock;

/// Acronyms common enough to expand without doubt.
const ACRONYMS: &[(&str, &str)] = &[
    ("DWP", "Department for Work and Pensions"),
    ("HMRC", "HM Revenue and Customs"),
    ("MoJ", "Ministry of Justice"),
    ("MOJ", "Ministry of Justice"),
    ("DfE", "Department for Education"),
    ("DFE", "Department for Education"),
    ("DHSC", "Department of Health and Social Care"),
    ("MoD", "Ministry of Defence"),
    ("MOD", "Ministry of Defence"),
    ("HO", "Home Office"),
    ("DfT", "Department for Transport"),
    ("DFT", "Department for Transport"),
    ("FCDO", "Foreign, Commonwealth and Development Office"),
    ("FCO", "Foreign and Commonwealth Office"),
    ("DCMS", "Department for Culture, Media and Sport"),
    (
        "Defra",
        "Department for Environment, Food and Rural Affairs",
    ),
    (
        "DEFRA",
        "Department for Environment, Food and Rural Affairs",
    ),
    ("DESNZ", "Department for Energy Security and Net Zero"),
    ("DBT", "Department for Business and Trade"),
    (
        "BEIS",
        "Department for Business, Energy and Industrial Strategy",
    ),
    (
        "DLUHC",
        "Department for Levelling Up, Housing and Communities",
    ),
    (
        "MHCLG",
        "Ministry of Housing, Communities and Local Government",
    ),
    ("DSIT", "Department for Science, Innovation and Technology"),
    ("HMT", "HM Treasury"),
    ("HMCTS", "HM Courts and Tribunals Service"),
    ("HMPPS", "HM Prison and Probation Service"),
    ("DVLA", "Driver and Vehicle Licensing Agency"),
    ("DVSA", "Driver and Vehicle Standards Agency"),
    ("ONS", "Office for National Statistics"),
    ("CPS", "Crown Prosecution Service"),
    ("UKHSA", "UK Health Security Agency"),
    ("TfL", "Transport for London"),
    ("PSNI", "Police Service of Northern Ireland"),
    ("NCA", "National Crime Agency"),
    ("SEPA", "Scottish Environment Protection Agency"),
];

pub fn expand(name: &str) -> Option<&'static str> {
    ACRONYMS
        .iter()
        .find(|(a, _)| *a == name.trim())
        .map(|(_, full)| *full)
}

/// A word that makes a line a body's name.
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                # local and devolved government
                council | borough | county | district | parliament | assembly | mayor | combined
                # the health service
              | trust | nhs | hospital | foundation | commissioning\s+group | commissioners
              | care\s+board | integrated\s+care
                # police and fire
              | police | constabulary | fire\s+and\s+rescue
                # central government and its bodies
              | department | ministry | office | agency | authority | commission | executive
              | government | board | directorate | inspectorate | ombudsman | regulator
              | hm\s+\w+ | cabinet | treasury | ofsted | ofcom | ofgem | ofwat
                # education, culture and other public bodies
              | university | college | academy | museum | library | institute | corporation
              | service | services | partnership | estates | highways | water
              | network\s+rail | transport\s+for
            )\b
        ")
});
/// A word naming a unit that may belong to a larger body ("Parking Services").
static WEAK_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(service | services | office | partnership | directorate | estates | highways | library)\b
        ")
});
/// A word naming a body that answers requests itself, even beside a [`WEAK_ORG`] word.
static STRONG_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                council | trust | nhs | police | constabulary | department | ministry | agency
              | authority | university | college | commission | executive | government | board
              | fire\s+and\s+rescue | parliament | assembly | hm\s+\w+
              | police\s+service | prison\s+service | ambulance\s+service | health\s+service
              | rescue\s+service | cabinet\s+office | home\s+office | crown\s+prosecution
            )\b
        ")
});
/// Where a letterhead line turns from the name to a reference or contact details.
static REF_OR_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(?:
                our\s+ref | your\s+ref
              | ref(?:erence)?\s*(?:no\.?|number)?\s*[:.\#]    # Ref: Ref No. Reference #
              | date\s*:
              | tel\b | telephone | phone | e-?mail\s*:
              | dear\s
            )
        ")
});
/// Lines that name bodies other than the authority, or web-page furniture.
static NOT_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b(
                # the regulators and the requester's rights
                information\s+commissioner | commissioner'?s\s+office | ico\b | tribunal
              | your\s+right | internal\s+review | copyright | re-use | reuse | whatdotheyknow
                # web-page furniture
              | cookie | skip\s+to | menu | privacy | search | sign\s+in | log\s+in | subscribe
              | follow\s+us | accessibility
              | home\s*[>/|»]                          # a breadcrumb trail
            )
        ")
});
/// The sign-off: the signature block follows.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3}
            (
                yours\s+(sincerely|faithfully|truly)
              | kind\s+regards | best\s+regards | with\s+regards | regards
              | many\s+thanks | best\s+wishes
            )\b
        ")
});
/// The requester greeting the authority ("Dear Department for …"): the name in group 1.
static DEAR_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3} dear\s+ (?:sir\s+or\s+madam\s+at\s+)?
            (.{3,90}?) \s*,?\s*$
        ")
});
/// A copyright line at the foot of a web page: its owner is the publisher.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
        ^ \W{0,3} (?: \(c\) | © | copyright ) \s*   # the mark
        (?: \d{4} \s* )?                          # a year before the name
        ( [^\d|]{3,90}? )                           # the owner
        (?: \s* \d{4} )? [\s.]* $                   # or a year after it
    ")
});
/// The greeting that ends the letterhead.
static LETTER_START: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3} (dear\b | to\x20whom)
        ")
});

const TEAM_END: &[&str] = &[
    "team",
    "unit",
    "desk",
    "officer",
    "officers",
    "hub",
    "section",
    "centre",
    "center",
    "cell",
    "group",
    "coordinator",
    "co-ordinator",
    "lead",
    "manager",
    "department",
    "office",
    "division",
];
/// Words that name freedom of information itself: a team's name is made of them and
/// [`TEAM_WORD`]s, and a letterhead run into the name ends with them ([`FOI_TAIL`]).
const FOI_WORD: &[&str] = &[
    "freedom",
    "of",
    "information",
    "foi",
    "fol",
    "foia",
    "eir",
    "foisa",
];

/// Words a team's name is made of besides [`FOI_WORD`]s.
const TEAM_WORD: &[&str] = &[
    "central",
    "corporate",
    "governance",
    "rights",
    "disclosure",
    "disclosures",
    "compliance",
    "management",
    "access",
    "request",
    "requests",
    "data",
    "protection",
    "records",
    "strategy",
    "legal",
    "and",
    "&",
    "the",
    "enquiries",
    "response",
    "responses",
    "complaints",
    "dpa",
    "ig",
    "team",
    "services",
    "service",
    "customer",
    "feedback",
    "governance,",
    "privacy",
];

const BUILDING: &[&str] = &[
    "hall",
    "house",
    "building",
    "buildings",
    "centre",
    "center",
    "offices",
    "headquarters",
    "hq",
    "road",
    "street",
    "lane",
    "avenue",
    "square",
    "place",
    "way",
    "drive",
    "park",
    "quay",
    "wharf",
    "chambers",
    "tower",
    "campus",
    "court",
];

/// Strip a trailing team name: `DWP Central Freedom of Information Team` → `DWP`.
fn strip_team(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return String::new();
    };
    let last = last.trim_end_matches([',', '.', ':']).to_ascii_lowercase();
    if !TEAM_END.contains(&last.as_str()) {
        return words.join(" ");
    }
    let mut cut = words.len() - 1;
    while cut > 0 {
        let w = words.get(cut - 1).map_or(String::new(), |w| {
            w.trim_end_matches([',', '.', ':', '-'])
                .to_ascii_lowercase()
        });
        if TEAM_WORD.contains(&w.as_str()) || FOI_WORD.contains(&w.as_str()) || w.is_empty() {
            cut -= 1;
        } else {
            break;
        }
    }
    // "Clinical Commissioning Group" is a name, "Information Rights Team" a team.
    if cut + 1 == words.len() && !matches!(last.as_str(), "team" | "unit" | "desk") {
        return words.join(" ");
    }
    words.get(..cut).unwrap_or(&[]).join(" ")
}

/// Words a letterhead puts after the name when a PDF has run its lines together
/// (`Ashvale Borough Council Freedom of Information`, `… Service FOI Request`), besides
/// [`FOI_WORD`]s.
const FOI_TAIL: &[&str] = &["request", "requests", "enquiry"];

/// Drop [`FOI_WORD`] and [`FOI_TAIL`] words from the end of a name, when one of them
/// says FOI.
fn strip_foi_tail(name: &str) -> &str {
    let mut rest = name.trim_end();
    let mut cut = rest;
    let mut says_foi = false;
    while let Some((head, last)) = rest.rsplit_once(char::is_whitespace) {
        let lower = last.to_ascii_lowercase();
        if !FOI_WORD.contains(&lower.as_str()) && !FOI_TAIL.contains(&lower.as_str()) {
            break;
        }
        says_foi |= !matches!(lower.as_str(), "of" | "request" | "requests" | "enquiry");
        rest = head.trim_end();
        if says_foi {
            cut = rest;
        }
    }
    cut
}

/// A plausible authority name from one line, or `None`.
fn candidate(line: &str) -> Option<String> {
    ranked(line).map(|(_, name)| name)
}

/// A plausible authority name from one line with its strength: 2 for a body that
/// answers requests itself (a council, a trust), 1 for a unit that may belong to one
/// ("Parking Services").
fn ranked(line: &str) -> Option<(u8, String)> {
    let line = line
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '#');
    if line.is_empty() || line.len() > 120 || NOT_ORG.is_match(line) || line.contains('@') {
        return None;
    }
    // "Brinkley Town Council Our ref: …": the name stops where the reference begins.
    let line = REF_OR_CONTACT
        .find(line)
        .map_or(line, |m| line.get(..m.start()).unwrap_or(line));
    let line = strip_foi_tail(line.trim());
    let mut best: Option<(u8, String)> = None;
    for part in line.split(['|', ',', ';']).flat_map(|p| p.split(" - ")) {
        let part = part.trim().trim_end_matches(['.', ':']);
        let stripped = strip_team(part);
        let stripped = stripped
            .trim()
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .trim();
        if stripped.is_empty() || stripped.split_whitespace().count() > 10 {
            continue;
        }
        if let Some(full) = expand(stripped) {
            return Some((2, full.to_string()));
        }
        if let Some(full) = stripped.split_whitespace().find_map(expand)
            && stripped.split_whitespace().count() <= 3
        {
            return Some((2, full.to_string()));
        }
        let words: Vec<&str> = stripped.split_whitespace().collect();
        let capitalised = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        let org = ORG_WORD.is_match(stripped);
        // A name: an organisation word and at least one other capitalised word, and
        // mostly capitalised (a title, not a sentence).
        if org
            && words.len() >= 2
            && capitalised >= 2
            && capitalised * 2 >= words.len()
            && !stripped.ends_with('?')
            && stripped.starts_with(|c: char| c.is_uppercase())
        {
            // An address ("County Hall", "Police Headquarters") is not a name.
            if words
                .last()
                .is_some_and(|w| BUILDING.contains(&w.to_ascii_lowercase().as_str()))
            {
                continue;
            }
            // "Parking Services, Dunmore Borough Council": the council, not the unit.
            let strength = if WEAK_ORG.is_match(stripped) && !STRONG_ORG.is_match(stripped) {
                1
            } else {
                2
            };
            if best.as_ref().is_none_or(|(s, _)| strength > *s) {
                best = Some((strength, stripped.to_string()));
            }
        }
    }
    best
}

/// A letterhead in capitals, written in ordinary case elsewhere in the letter (the
/// sign-off, usually): take that spelling.
fn better_case(doc: &Doc, name: String) -> String {
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    doc.lines
        .iter()
        .filter_map(|l| candidate(&l.text))
        .find(|c| c.eq_ignore_ascii_case(&name) && c.chars().any(char::is_lowercase))
        .unwrap_or(name)
}

/// The authority, or `None` with a warning. `request` marks the requester's quoted words.
pub fn authority(doc: &Doc, request: &[bool], warnings: &mut Vec<String>) -> Option<String> {
    let in_request = |i: usize| request.get(i).copied().unwrap_or(false);
    let found = letterhead(doc, &in_request)
        .or_else(|| requester_greeting(doc, &in_request))
        .or_else(|| signature(doc, &in_request))
        .or_else(|| copyright_owner(doc));
    if found.is_none() {
        warnings.push("No authority found.".into());
    }
    found
}

/// The letterhead: the top lines before the letter begins.
fn letterhead(doc: &Doc, in_request: &dyn Fn(usize) -> bool) -> Option<String> {
    let top = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !l.is_blank() && !in_request(*i))
        .take_while(|(_, l)| !LETTER_START.is_match(&l.text))
        .take(25);
    for (_, line) in top {
        if let Some(c) = candidate(&line.text) {
            return Some(better_case(doc, c));
        }
    }
    None
}

/// The requester's own greeting inside the quoted request ("Dear Department for …").
fn requester_greeting(doc: &Doc, in_request: &dyn Fn(usize) -> bool) -> Option<String> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(i, _)| in_request(*i))
        .filter_map(|(_, l)| DEAR_ORG.captures(&l.text)?.get(1))
        .find_map(|name| candidate(name.as_str()))
}

/// Below a sign-off: the body itself rather than the team that signed for it, in the
/// signature block or, failing a body there, in the footer further down.
fn signature(doc: &Doc, in_request: &dyn Fn(usize) -> bool) -> Option<String> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !in_request(*i) && SIGN_OFF.is_match(&l.text))
        .find_map(|(i, _)| below_sign_off(doc, i))
}

fn below_sign_off(doc: &Doc, sign_off: usize) -> Option<String> {
    let below: Vec<&str> = doc
        .lines
        .iter()
        .skip(sign_off + 1)
        .filter(|l| !l.is_blank())
        .map(|l| l.text.as_str())
        .collect();
    let mut best: Option<(u8, String)> = None;
    for c in below.iter().take(6).filter_map(|l| ranked(l)) {
        if best.as_ref().is_none_or(|(s, _)| c.0 > *s) {
            best = Some(c);
        }
    }
    if best.as_ref().is_some_and(|(s, _)| *s >= 2) {
        return best.map(|(_, name)| name);
    }
    let footer = below
        .iter()
        .skip(6)
        .filter_map(|l| ranked(l))
        .find(|(s, _)| *s >= 2);
    footer.or(best).map(|(_, name)| name)
}

/// A web page's copyright line ("© Weyside Police 2019").
fn copyright_owner(doc: &Doc) -> Option<String> {
    doc.lines
        .iter()
        .filter_map(|l| COPYRIGHT.captures(&l.text)?.get(1))
        .find_map(|m| candidate(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let _ = ORG_WORD.as_str();
        let _ = WEAK_ORG.as_str();
        let _ = STRONG_ORG.as_str();
        let _ = REF_OR_CONTACT.as_str();
        let _ = NOT_ORG.as_str();
        let _ = SIGN_OFF.as_str();
        let _ = DEAR_ORG.as_str();
        let _ = LETTER_START.as_str();
        let _ = COPYRIGHT.as_str();
    }

    fn a(s: &str) -> Option<String> {
        let doc = Doc::parse(s);
        authority(&doc, &[], &mut Vec::new())
    }

    #[test]
    fn letterheads_and_sign_offs() {
        assert_eq!(
            a("## DWP Central Freedom of Information Team\n\nDear Lee").as_deref(),
            Some("Department for Work and Pensions")
        );
        assert_eq!(
            a("Northshire County Council\nInformation Governance Team\n\nDear X").as_deref(),
            Some("Northshire County Council")
        );
        assert_eq!(
            a("Dear Mr X,\n\nblah\n\nYours sincerely,\n\nJo Bloggs\nFOI Officer\nRiverside NHS Foundation Trust")
                .as_deref(),
            Some("Riverside NHS Foundation Trust")
        );
        assert_eq!(a("Dear Sir\n\nThe Council holds no data."), None);
        assert_eq!(
            a("HMRC Freedom of Information Team\n\nDear X").as_deref(),
            Some("HM Revenue and Customs")
        );
        assert_eq!(
            a("MoJ Disclosure Team\n\nDear X").as_deref(),
            Some("Ministry of Justice")
        );
        assert_eq!(a("County Hall, Glenfield\n\nDear X"), None);
        assert_eq!(
            a("Parking Services, Dunmore Borough Council\n\nDear X").as_deref(),
            Some("Dunmore Borough Council")
        );
        assert_eq!(
            a("Dear X\n\nYours sincerely\n\nInformation Governance Department\nMoorland Hospitals NHS Trust")
                .as_deref(),
            Some("Moorland Hospitals NHS Trust")
        );
        assert_eq!(
            a("Dear X\n\nRegards\n\nParking Services\nDunmore Borough Council").as_deref(),
            Some("Dunmore Borough Council")
        );
        assert_eq!(
            a("Dear X\n\nYours sincerely\n\nJo Bloggs\nOfficer\nChildren's Services\nCounty Hall\nWexcombe\nWX1 2AB\nTel 1\n\nWexcombe County Council | www.wexcombe.gov.uk")
                .as_deref(),
            Some("Wexcombe County Council")
        );
        assert_eq!(
            a("Dear X\n\nRegards\n\nJo Bloggs\nCustomer Services").as_deref(),
            Some("Customer Services")
        );
        assert_eq!(
            a("Skip to content\nHome > FOI\n\nWe hold 3.\n\n(c) Weyside Police 2019").as_deref(),
            Some("Weyside Police")
        );
        assert_eq!(
            a("Tarnside Borough Council Freedom of Information Our Ref: 1\n\nDear X").as_deref(),
            Some("Tarnside Borough Council")
        );
        assert_eq!(
            a("Brook Fire and Rescue Service FOI Request Reference: 9\n\nDear X").as_deref(),
            Some("Brook Fire and Rescue Service")
        );
        assert_eq!(strip_team("DWP Strategy Fol Team"), "DWP");
        assert_eq!(strip_team("Cabinet Office"), "Cabinet Office");
    }
}
