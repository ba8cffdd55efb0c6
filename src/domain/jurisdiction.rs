//! Which authorities are Scottish public authorities, answering under the Freedom of
//! Information (Scotland) Act 2002 rather than the UK Act, known from their names. Only
//! names that cannot be anything else are listed: an authority not recognised keeps the
//! round robin's law, and the user can name another for it.
//!
//! Sources: FOISA 2002, Schedule 1, which lists Scotland's public authorities:
//! - Part 1: the Scottish Ministers, so the Scottish Government and its executive
//!   agencies (gov.scot, "Executive agencies", and the National Public Bodies Directory).
//! - Part 3: the councils constituted under section 2 of the Local Government etc.
//!   (Scotland) Act 1994, whose Schedule 1 names the 32 council areas.
//! - Part 4: the Health Boards and Special Health Boards under section 2 of the National
//!   Health Service (Scotland) Act 1978 (the 14 territorial boards and the national ones).
//! - Part 5, as amended by the Police and Fire Reform (Scotland) Act 2012: the Police
//!   Service of Scotland, the Scottish Police Authority, and the Scottish Fire and Rescue
//!   Service.
//!
//! UK bodies whose names mention Scotland (the Scotland Office, the Office of the
//! Advocate General for Scotland) answer under the UK Act and are deliberately absent.

use crate::domain::Regime;

/// The 32 council areas, as their councils are usually named (compared ignoring case,
/// spacing, a leading "The" and "&" for "and").
const COUNCILS: &[&str] = &[
    "aberdeen city council",
    "aberdeenshire council",
    "angus council",
    "argyll and bute council",
    "city of edinburgh council",
    "edinburgh city council",
    "clackmannanshire council",
    "comhairle nan eilean siar",
    "western isles council",
    "dumfries and galloway council",
    "dundee city council",
    "east ayrshire council",
    "east dunbartonshire council",
    "east lothian council",
    "east renfrewshire council",
    "falkirk council",
    "fife council",
    "glasgow city council",
    "highland council",
    "inverclyde council",
    "midlothian council",
    "moray council",
    "north ayrshire council",
    "north lanarkshire council",
    "orkney islands council",
    "perth and kinross council",
    "renfrewshire council",
    "scottish borders council",
    "shetland islands council",
    "south ayrshire council",
    "south lanarkshire council",
    "stirling council",
    "west dunbartonshire council",
    "west lothian council",
];

/// Health boards: the 14 territorial boards and the special boards.
const HEALTH_BOARDS: &[&str] = &[
    "nhs ayrshire and arran",
    "nhs borders",
    "nhs dumfries and galloway",
    "nhs fife",
    "nhs forth valley",
    "nhs grampian",
    "nhs greater glasgow and clyde",
    "nhs highland",
    "nhs lanarkshire",
    "nhs lothian",
    "nhs orkney",
    "nhs shetland",
    "nhs tayside",
    "nhs western isles",
    "nhs 24",
    "nhs education for scotland",
    "nhs national services scotland",
    "nhs golden jubilee",
    "healthcare improvement scotland",
    "public health scotland",
    "scottish ambulance service",
    "state hospitals board for scotland",
];

/// Policing and fire, the Scottish Government and its executive agencies.
const NATIONAL: &[&str] = &[
    "police scotland",
    "police service of scotland",
    "scottish police authority",
    "scottish fire and rescue service",
    "scottish government",
    "scottish ministers",
    "accountant in bankruptcy",
    "disclosure scotland",
    "education scotland",
    "forestry and land scotland",
    "scottish forestry",
    "scottish prison service",
    "scottish public pensions agency",
    "social security scotland",
    "student awards agency scotland",
    "student awards agency for scotland",
    "transport scotland",
];

/// A name compared the way the tables are written.
fn folded(name: &str) -> String {
    let lower = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(" & ", " and ");
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

/// Whether `name` is, with certainty, a Scottish public authority: it is one of the
/// names above, alone or followed by more words ("Fife Council Legal Services").
pub fn is_scottish_authority(name: &str) -> bool {
    let name = folded(name);
    COUNCILS
        .iter()
        .chain(HEALTH_BOARDS)
        .chain(NATIONAL)
        .any(|known| {
            name.strip_prefix(known)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', '(', '-']))
        })
}

/// The law a request to `authority` answers under, when the round robin's law is
/// `default`: a Scottish public authority answers under the Scottish law of the same
/// kind (FOISA for FOIA, the EISR for the EIR); any other keeps `default`.
pub fn regime_for(authority: &str, default: Regime) -> Regime {
    if is_scottish_authority(authority) {
        default.in_scotland()
    } else {
        default
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scottish_bodies_are_known_by_name() {
        for name in [
            "Fife Council",
            "The Highland Council",
            "the  City of Edinburgh Council",
            "Perth & Kinross Council",
            "Comhairle nan Eilean Siar",
            "NHS Greater Glasgow and Clyde",
            "NHS 24",
            "Police Scotland",
            "Scottish Government",
            "Transport Scotland",
            "Fife Council Legal Services",
        ] {
            assert!(is_scottish_authority(name), "{name}");
        }
    }

    #[test]
    fn uk_and_english_bodies_and_near_names_are_not() {
        for name in [
            "Leeds City Council",
            "Scotland Office",
            "Office of the Advocate General for Scotland",
            "Home Office",
            "NHS England",
            "Highland Park Council",
            "Fife Councillors' Association",
            "NHS 240",
            "Northumbria Healthcare NHS Foundation Trust",
            "",
        ] {
            assert!(!is_scottish_authority(name), "{name}");
        }
    }

    #[test]
    fn only_the_jurisdiction_changes_never_the_subject() {
        assert_eq!(regime_for("Fife Council", Regime::Foia), Regime::Foisa);
        assert_eq!(regime_for("Fife Council", Regime::Eir), Regime::Eisr);
        assert_eq!(regime_for("Leeds City Council", Regime::Foia), Regime::Foia);
        assert_eq!(regime_for("Leeds City Council", Regime::Eir), Regime::Eir);
        // A Scottish round robin's default is not undone by a name not recognised.
        assert_eq!(
            regime_for("Leeds City Council", Regime::Foisa),
            Regime::Foisa
        );
    }
}
