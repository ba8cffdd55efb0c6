//! `foi stats [--authority A]`: how each authority deals with requests.

use super::json_line;
use crate::casebook::{AuthorityStats, Casebook, Result};
use crate::domain::text::inert_line;
use crate::present::{plural, responses_summary, reviews_summary};
use clap::Args;
use std::fmt::Write;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only authorities whose name contains this (any case).
    #[arg(long)]
    pub authority: Option<String>,
}

pub fn stats(book: &Casebook, a: StatsArgs, json: bool) -> Result<String> {
    let s = book.stats(a.authority.as_deref())?;
    if json {
        return json_line(&s);
    }
    if s.authorities.is_empty() {
        return Ok(
            "No cases yet: nothing to count. Add one with foi add, or try foi demo.\n".into(),
        );
    }
    let mut o = String::new();
    for a in &s.authorities {
        block(&mut o, a);
    }
    if s.authorities.len() > 1 {
        let mut all = s.overall.clone();
        all.authority = format!("All {} authorities", s.authorities.len());
        block(&mut o, &all);
    }
    Ok(o)
}

pub fn block(o: &mut String, a: &AuthorityStats) {
    let _ = writeln!(
        o,
        "{} — {}",
        inert_line(&a.authority),
        plural(a.cases, "case", "cases")
    );
    let line = responses_summary(&a.responses);
    let _ = writeln!(o, "  Responses   {line}");
    let outcomes = if a.outcomes.is_empty() {
        "none recorded".to_string()
    } else {
        a.outcomes
            .iter()
            .map(|c| format!("{} {}", c.count, c.outcome.describe()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(o, "  Questions   {}: {outcomes}", a.questions);
    let ex = if a.exemptions.is_empty() {
        "none cited".to_string()
    } else {
        a.exemptions
            .iter()
            .map(|e| {
                if e.name.is_empty() {
                    format!("{} ×{}", e.citation, e.count)
                } else {
                    format!("{} ({}) ×{}", e.citation, e.name, e.count)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(o, "  Exemptions  {ex}");
    let reviews = reviews_summary(&a.reviews);
    let _ = writeln!(o, "  Reviews     {reviews}\n");
}
