//! A round robin's comparison grid written out: CSV for a spreadsheet, Markdown for a
//! report (the JSON is the grid's own serialisation). One row per authority, then its
//! status, response date, working days taken and timing, then one column per question.
//! A batch whose cases answer under different laws gets a `regime` column in its CSV
//! (after `timing`), and its Markdown names the law after each authority that differs
//! from the batch's; a batch under one law is written as before.

use crate::casebook::{BatchGrid, GridRow};
use crate::domain::dates::iso;

const FIXED: [&str; 6] = [
    "authority",
    "case",
    "status",
    "response",
    "working_days",
    "timing",
];

fn fixed_cells(r: &GridRow) -> [String; 6] {
    [
        r.authority.clone(),
        r.case.to_string(),
        r.status.to_string(),
        r.response.map(iso).unwrap_or_default(),
        r.working_days.map(|d| d.to_string()).unwrap_or_default(),
        r.timing.as_str().to_string(),
    ]
}

/// The cells of a row after the fixed ones: `withheld s43`, `answered`; empty where the
/// case has no such question.
fn question_cells(r: &GridRow) -> impl Iterator<Item = String> + '_ {
    r.cells
        .iter()
        .map(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default())
}

/// RFC 4180 CSV; a cell that a spreadsheet would run as a formula is quoted with `'`
/// (as the case export does).
pub fn csv(g: &BatchGrid) -> std::io::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mixed = g.rows.iter().any(|r| r.regime != g.regime);
    let mut head: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
    head.extend(mixed.then(|| "regime".to_string()));
    head.extend(g.questions.iter().map(|q| q.label.clone()));
    w.write_record(head.iter().map(|s| super::csv::safe_cell(s).into_owned()))?;
    for r in &g.rows {
        let cells: Vec<String> = fixed_cells(r)
            .into_iter()
            .chain(mixed.then(|| r.regime.as_str().to_string()))
            .chain(question_cells(r))
            .collect();
        w.write_record(cells.iter().map(|s| super::csv::safe_cell(s).into_owned()))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A Markdown table (stored text escaped), the counts per question under it.
pub fn markdown(g: &BatchGrid) -> String {
    use super::markdown::inline;
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "# Batch #{}: {}\n", g.batch, inline(&g.title));
    let t = &g.timing;
    let _ = writeln!(
        o,
        "{} authorities · {} on time · {} late · {} overdue · {} awaiting\n",
        g.rows.len(),
        t.on_time,
        t.late,
        t.overdue,
        t.awaiting
    );
    let head: Vec<String> = [
        "Authority",
        "Case",
        "Status",
        "Response",
        "Working days",
        "Timing",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(g.questions.iter().map(|q| inline(&q.label)))
    .collect();
    let _ = writeln!(o, "| {} |", head.join(" | "));
    let _ = writeln!(o, "|{}", " --- |".repeat(head.len()));
    for r in &g.rows {
        let mut cells = fixed_cells(r);
        cells[0] = inline(&r.authority);
        if r.regime != g.regime {
            cells[0].push_str(&format!(" ({})", r.regime.label()));
        }
        cells[1] = format!("#{}", r.case);
        let row: Vec<String> = cells
            .into_iter()
            .chain(question_cells(r).map(|c| if c.is_empty() { "—".into() } else { c }))
            .map(|c| if c.is_empty() { "—".into() } else { c })
            .collect();
        let _ = writeln!(o, "| {} |", row.join(" | "));
    }
    let _ = writeln!(o, "\n## Per question\n");
    for c in &g.counts {
        let outcomes: Vec<String> = c
            .outcomes
            .iter()
            .map(|n| format!("{} {}", n.count, n.outcome.as_str()))
            .collect();
        let mut line = format!("- **{}**: {}", inline(&c.label), outcomes.join(", "));
        if !c.exemptions.is_empty() {
            let cited: Vec<String> = c
                .exemptions
                .iter()
                .map(|e| {
                    format!(
                        "{}{} ×{}",
                        if g.regime.is_environmental() {
                            "reg "
                        } else {
                            "s"
                        },
                        e.section,
                        e.count
                    )
                })
                .collect();
            line.push_str(&format!("; cited {}", cited.join(", ")));
        }
        let _ = writeln!(o, "{line}");
    }
    o
}
