//! `foi holiday add|remove|list`.

use super::args::HolidayCmd;
use super::{date_arg, json_line};
use crate::calendar::{Division, HolidaySource};
use crate::casebook::holidays::divisions;
use crate::casebook::{Casebook, Error, Result};
use crate::domain::dates::long;
use crate::domain::text::inert_line;
use chrono::Datelike;
use serde_json::json;
use std::fmt::Write;

pub fn run(book: &mut Casebook, cmd: HolidayCmd, json: bool) -> Result<String> {
    match cmd {
        HolidayCmd::Add {
            date,
            division,
            name,
        } => {
            let d = date_arg(&date, book.today(), "DATE")?;
            let divs = divisions(&division)?;
            book.add_holiday(&divs, d, &name)?;
            Ok(format!(
                "{} now counts as a bank holiday in {}; every deadline over it moves.\n",
                long(d),
                names(&divs)
            ))
        }
        HolidayCmd::Remove { date, division } => {
            let d = date_arg(&date, book.today(), "DATE")?;
            let divs = divisions(&division)?;
            if book.remove_holiday(&divs, d)? {
                Ok(format!("{} is no longer a holiday of yours.\n", long(d)))
            } else {
                Err(Error::user(format!(
                    "{} is not one of your holidays: `foi holiday list` shows them",
                    long(d)
                )))
            }
        }
        HolidayCmd::List { year } => {
            let year = year.unwrap_or_else(|| book.today().year());
            if !(1900..=2200).contains(&year) {
                return Err(Error::user("--year: give a year between 1900 and 2200"));
            }
            let mut rows = Vec::new();
            for div in Division::ALL {
                for h in book.calendar().holidays(div, year) {
                    rows.push((h.date, div, h.label(), h.source));
                }
            }
            rows.sort_by_key(|r| (r.0, r.1));
            if json {
                let out: Vec<_> = rows
                    .iter()
                    .map(|(d, div, name, src)| json!({"date": d, "division": div, "name": name, "source": source(*src)}))
                    .collect();
                return json_line(&out);
            }
            let mut o = format!(
                "Bank holidays {year} (FOIA and EIR skip all of them; FOISA and EISR skip Scotland's)\n"
            );
            for (d, div, name, src) in rows {
                let _ = writeln!(
                    o,
                    "  {:<16} {:<18} {} [{}]",
                    long(d),
                    div.as_str(),
                    inert_line(&name),
                    source(src)
                );
            }
            Ok(o)
        }
    }
}

fn source(s: HolidaySource) -> &'static str {
    match s {
        HolidaySource::Rule => "rule",
        HolidaySource::Substitute => "substitute",
        HolidaySource::Proclaimed => "proclaimed",
        HolidaySource::Yours => "yours",
    }
}

fn names(divs: &[Division]) -> String {
    if divs.len() == Division::ALL.len() {
        "every part of the UK".into()
    } else {
        divs.iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
