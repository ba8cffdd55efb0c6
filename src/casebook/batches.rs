//! Round robins: one request sent to many authorities. A batch is created with one case
//! per authority, each with the same numbered questions and dates; afterwards the work
//! is done across the batch (one outcome for a question at several authorities, a
//! question added to every case) or case by case as usual.

use super::batch_regimes::{OtherRegime, case_regime, other_regimes};
use super::cases::validate_case;
use super::questions::check_exemptions;
use super::{CaseView, Casebook, Error, OutcomeChange, Result};
use crate::domain::batch::question_label;
use crate::domain::{
    Batch, BatchRef, Case, CaseFile, Channel, Event, EventKind, Question, Regime, normalize_label,
    text::inert_line,
};
use crate::store::{BatchReads, Writer, authority_key};
use chrono::NaiveDate;
use serde::Serialize;

/// One authority a batch goes to: its name and, from a CSV, the address used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchAuthority {
    pub name: String,
    pub email: Option<String>,
    /// The law this authority answers under, when the user named one; else the batch's,
    /// made Scottish for an authority known to be Scottish (`domain::jurisdiction`).
    pub regime: Option<Regime>,
}

/// What the user gives to start a round robin.
#[derive(Debug, Clone, Default)]
pub struct NewBatch {
    pub title: String,
    pub regime: Regime,
    pub sent: Option<NaiveDate>,
    /// The questions' texts, numbered `Q1`, `Q2` … in this order.
    pub questions: Vec<String>,
    pub authorities: Vec<BatchAuthority>,
}

/// What creating a batch did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BatchCreated {
    pub batch: i64,
    /// One case per authority, in the order given.
    pub cases: Vec<i64>,
    /// Names left out because an earlier one is the same authority (case and spacing
    /// ignored).
    pub duplicates: Vec<String>,
    /// The cases whose law is not the batch's, in order.
    pub other_regimes: Vec<OtherRegime>,
}

/// A batch with each of its cases in full, by authority.
#[derive(Debug, Clone)]
pub struct BatchView {
    pub batch: Batch,
    pub cases: Vec<CaseView>,
}

/// The most authorities one batch may hold: a file longer than this is surely not a
/// list of authorities (the UK has about 100,000 public authorities in all, but no
/// round robin goes to more than a sector's few thousand).
pub const MAX_AUTHORITIES: usize = 20_000;

impl Casebook {
    /// Create a batch and one case per authority, all in one transaction.
    pub fn add_batch(&mut self, new: NewBatch) -> Result<BatchCreated> {
        let title = new.title.trim().to_string();
        if title.is_empty() {
            return Err(Error::user(
                "the title is empty: give the round robin a short title",
            ));
        }
        let questions: Vec<String> = new.questions.iter().map(|q| q.trim().to_string()).collect();
        if questions.is_empty() {
            return Err(Error::user(
                "no questions: give each with --question \"…\" (they are numbered Q1, Q2 …)",
            ));
        }
        if let Some(n) = questions.iter().position(String::is_empty) {
            return Err(Error::user(format!("question {} is empty", n + 1)));
        }
        let (authorities, duplicates) = distinct_authorities(new.authorities);
        if authorities.is_empty() {
            return Err(Error::user(
                "no authorities: name each with --authority or list them in --authorities-file",
            ));
        }
        if authorities.len() > MAX_AUTHORITIES {
            return Err(Error::user(format!(
                "{} authorities is more than one batch may hold ({MAX_AUTHORITIES}): split the list",
                authorities.len()
            )));
        }
        let batch = Batch {
            title: title.clone(),
            regime: new.regime,
            sent: new.sent,
            ..Batch::default()
        };
        let (batch_id, cases) = self.store.write(|w| -> Result<(i64, Vec<i64>)> {
            let id = w.insert_batch(&batch)?;
            let link = BatchRef {
                id,
                title: title.clone(),
            };
            let mut cases = Vec::with_capacity(authorities.len());
            for a in &authorities {
                let file = batch_case(&batch, &link, a, &questions);
                validate_case(&file.case)?;
                cases.push(w.insert_case_file(&file)?);
            }
            Ok((id, cases))
        })?;
        let other_regimes = other_regimes(
            cases
                .iter()
                .zip(&authorities)
                .map(|(id, a)| (*id, a.name.as_str(), a.regime)),
            batch.regime,
        );
        Ok(BatchCreated {
            batch: batch_id,
            cases,
            duplicates,
            other_regimes,
        })
    }

    /// Resolve `key` to one batch: its id (`3`, `#3`) or the start of its title.
    pub fn resolve_batch(&self, key: &str) -> Result<i64> {
        let key = key.trim();
        if key.is_empty() {
            return Err(Error::user(
                "no batch given: name it by id or by the start of its title",
            ));
        }
        let number = key.trim_start_matches('#').parse::<i64>().ok();
        if let Some(id) = number
            && self.store.batch(id)?.is_some()
        {
            return Ok(id);
        }
        // A number that is no batch's id may still start a title ("2024 budgets").
        let found = self.store.batch_ids_by_title_prefix(key)?;
        match found.as_slice() {
            [id] => Ok(*id),
            [] => Err(Error::user(match number {
                Some(id) => format!("there is no batch #{id}: `foi batch list` lists them"),
                None => format!(
                    "no batch matches '{}': `foi batch list` lists them",
                    inert_line(key)
                ),
            })),
            many => Err(Error::user(format!(
                "'{}' matches {} batches (#{}): use the id",
                inert_line(key),
                many.len(),
                many.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", #")
            ))),
        }
    }

    /// Every batch, newest first, with how many cases it has and how many have had a response.
    pub fn batches(&self) -> Result<Vec<crate::store::BatchListed>> {
        Ok(self.store.batches()?)
    }

    /// The batch with its cases in full (clocks and status), by authority.
    pub fn batch_view(&self, id: i64) -> Result<BatchView> {
        let batch = self.store.batch(id)?.ok_or_else(|| {
            Error::user(format!(
                "there is no batch #{id}: `foi batch list` lists them"
            ))
        })?;
        let cal = self.calendar.get();
        let cases = self
            .store
            .batch_case_files(id)?
            .into_iter()
            .map(|file| CaseView::build(file, self.today, cal))
            .collect();
        Ok(BatchView { batch, cases })
    }

    /// The cases of `batch` the user picked by authority (see [`pick_authority`]); every
    /// case when `names` is empty.
    pub fn batch_cases_named(&self, batch: i64, names: &[String]) -> Result<Vec<i64>> {
        let view = self.batch_view(batch)?;
        if names.is_empty() {
            return Ok(view.cases.iter().map(|v| v.file.case.id).collect());
        }
        let mut ids = Vec::new();
        for n in names {
            let id = pick_authority(&view, n)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Record the same outcome for question `label` at each of `cases` (cases of
    /// `batch`), in one transaction; one undo puts them all back. Returns the question's
    /// label as the cases have it and how many changed.
    pub fn set_batch_outcome(
        &mut self,
        batch: i64,
        label: &str,
        cases: &[i64],
        change: &OutcomeChange,
    ) -> Result<(String, usize)> {
        let view = self.batch_view(batch)?;
        let mut before = Vec::new();
        let mut changed = Vec::new();
        for id in cases {
            let Some(v) = view.cases.iter().find(|v| v.file.case.id == *id) else {
                return Err(Error::user(format!("case #{id} is not in batch #{batch}")));
            };
            let mut q = find_label(&v.file, label)?;
            let regime = v.file.case.regime;
            q.exemptions = check_exemptions(regime, change.outcome, &change.exemptions)?;
            q.outcome = change.outcome;
            if let Some(note) = &change.note {
                q.note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
            }
            if let Some(c) = change.challenge {
                q.challenge = c;
            }
            before.push(v.file.clone());
            changed.push(q);
        }
        if changed.is_empty() {
            return Err(Error::user(format!(
                "batch #{batch} has no cases to change"
            )));
        }
        self.store.write(|w| -> Result<()> {
            for q in &changed {
                w.update_question(q)?;
                w.touch(q.case_id)?;
            }
            Ok(())
        })?;
        let n = changed.len();
        // As the cases label it (`2` was typed, `Q2` is meant).
        let label = changed[0].label.clone();
        self.undo.record_changed_many(
            before,
            format!(
                "set {} to {} at {n} authorities",
                inert_line(&label),
                change.outcome
            ),
        );
        Ok((label, n))
    }

    /// Add a question to every case of the batch (labelled `label`, else the next `Qn`).
    /// Refused whole when any case already has a question with that label.
    pub fn add_batch_question(
        &mut self,
        batch: i64,
        label: Option<&str>,
        text: &str,
    ) -> Result<(String, usize)> {
        let view = self.batch_view(batch)?;
        if view.cases.is_empty() {
            return Err(no_cases_left(&view.batch));
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::user("the question's text is empty"));
        }
        let label = match label.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => l.to_string(),
            None => next_label(&view),
        };
        for v in &view.cases {
            if v.file
                .questions
                .iter()
                .any(|q| normalize_label(&q.label) == normalize_label(&label))
            {
                return Err(Error::user(format!(
                    "case #{} ({}) already has a question '{}': choose another label",
                    v.file.case.id,
                    inert_line(&v.file.case.authority),
                    inert_line(&label)
                )));
            }
        }
        let before: Vec<CaseFile> = view.cases.iter().map(|v| v.file.clone()).collect();
        self.store.write(|w| -> Result<()> {
            for v in &view.cases {
                add_question(w, v.file.case.id, &label, text)?;
            }
            Ok(())
        })?;
        let n = before.len();
        self.undo.record_changed_many(
            before,
            format!("add {} to batch #{batch}", inert_line(&label)),
        );
        Ok((label, n))
    }

    /// The case of `batch` a reply belongs to: the one with the letter's reference, else
    /// the one whose authority the letter names (see [`pick_authority`]).
    pub fn match_in_batch(
        &self,
        batch: i64,
        authority: Option<&str>,
        their_ref: Option<&str>,
    ) -> Result<i64> {
        let view = self.batch_view(batch)?;
        if view.cases.is_empty() {
            return Err(no_cases_left(&view.batch));
        }
        if let Some(r) = their_ref
            .map(crate::domain::normalize_ref)
            .filter(|r| !r.is_empty())
        {
            let by_ref: Vec<i64> = view
                .cases
                .iter()
                .filter(|v| {
                    v.file
                        .case
                        .their_ref
                        .as_deref()
                        .map(crate::domain::normalize_ref)
                        == Some(r.clone())
                })
                .map(|v| v.file.case.id)
                .collect();
            if let [id] = by_ref.as_slice() {
                return Ok(*id);
            }
        }
        match authority.map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => pick_authority(&view, a),
            None => Err(Error::user(format!(
                "the letter names no authority to match in batch #{}: give it with --authority, or the case with --case",
                view.batch.id
            ))),
        }
    }

    /// [`Casebook::match_in_batch`] for a letter the reader has gone through; the
    /// letter's question labels are then given the case's (see [`align_labels`]).
    pub fn match_letter_in_batch(
        &self,
        batch: i64,
        p: &mut crate::import::Proposal,
    ) -> Result<i64> {
        let id = self.match_in_batch(batch, p.authority.as_deref(), p.their_ref.as_deref())?;
        let file = self.require(id)?;
        align_labels(&file.questions, p);
        Ok(id)
    }
}

/// A reply numbers the questions its own way (`1.`, `Question 1`) where the batch
/// numbered them `Q1`: a letter's label that no question of the case has takes the
/// label of the one question whose number is the same, so that the reply updates that
/// question instead of adding another.
pub fn align_labels(questions: &[Question], p: &mut crate::import::Proposal) {
    let number = |l: &str| -> Option<String> {
        let l = l.trim().trim_end_matches(['.', ':', ')']);
        let digits: String = l.chars().rev().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then(|| digits.chars().rev().collect())
    };
    for q in &mut p.questions {
        let key = normalize_label(&q.label);
        if questions.iter().any(|o| normalize_label(&o.label) == key) {
            continue;
        }
        let Some(n) = number(&q.label) else { continue };
        let same: Vec<&Question> = questions
            .iter()
            .filter(|o| number(&o.label).as_deref() == Some(n.as_str()))
            .collect();
        if let [o] = same.as_slice() {
            q.label = o.label.clone();
        }
    }
}

/// The authorities, each once (the first spelling kept), and the names left out.
fn distinct_authorities(all: Vec<BatchAuthority>) -> (Vec<BatchAuthority>, Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let mut keep = Vec::new();
    let mut duplicates = Vec::new();
    for a in all {
        let name = a.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            continue;
        }
        if seen.insert(authority_key(&name)) {
            keep.push(BatchAuthority {
                name,
                email: a.email,
                regime: a.regime,
            });
        } else {
            duplicates.push(name);
        }
    }
    (keep, duplicates)
}

/// One authority's copy of the request.
fn batch_case(
    batch: &Batch,
    link: &BatchRef,
    a: &BatchAuthority,
    questions: &[String],
) -> CaseFile {
    let email = a.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
    CaseFile {
        case: Case {
            title: batch.title.clone(),
            authority: a.name.clone(),
            regime: case_regime(&a.name, a.regime, batch.regime),
            sent: batch.sent,
            channel: email.map(|_| Channel::Email),
            notes: email.map(|e| format!("Sent to {e}")),
            batch: Some(link.clone()),
            ..Case::default()
        },
        questions: questions
            .iter()
            .enumerate()
            .map(|(i, text)| Question {
                position: i as i64 + 1,
                label: question_label(i + 1),
                text: text.clone(),
                ..Question::default()
            })
            .collect(),
        events: batch
            .sent
            .map(|date| Event::new(EventKind::Sent, date))
            .into_iter()
            .collect(),
    }
}

fn add_question(w: &Writer<'_>, case_id: i64, label: &str, text: &str) -> Result<()> {
    w.insert_question(&Question {
        case_id,
        label: label.to_string(),
        text: text.to_string(),
        ..Question::default()
    })?;
    w.touch(case_id)?;
    Ok(())
}

fn next_label(view: &BatchView) -> String {
    let labels = view.cases.iter().flat_map(|v| v.file.questions.iter());
    let count = view
        .cases
        .iter()
        .map(|v| v.file.questions.len())
        .max()
        .unwrap_or(0);
    next_question_label(labels.map(|q| q.label.as_str()), count)
}

/// The label of a question added to a batch: `Qn` one past the highest `Qn` among
/// `labels`, or past `count` questions when that is more.
pub fn next_question_label<'a>(labels: impl Iterator<Item = &'a str>, count: usize) -> String {
    let highest = labels
        .filter_map(|l| l.strip_prefix('Q').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0);
    question_label(highest.max(count) + 1)
}

/// The question labelled `label` in `file` (a bare number finds `Q4` / `Request 4`).
fn find_label(file: &CaseFile, label: &str) -> Result<Question> {
    let want = normalize_label(label);
    let exact = file
        .questions
        .iter()
        .find(|q| normalize_label(&q.label) == want);
    let by_number = || {
        let ends: Vec<&Question> = file
            .questions
            .iter()
            .filter(|q| {
                let l = normalize_label(&q.label);
                want.chars().all(|c| c.is_ascii_digit())
                    && l.ends_with(&want)
                    && !l[..l.len() - want.len()].ends_with(|c: char| c.is_ascii_digit())
            })
            .collect();
        match ends.as_slice() {
            [q] => Some(*q),
            _ => None,
        }
    };
    exact.or_else(by_number).cloned().ok_or_else(|| {
        Error::user(format!(
            "case #{} ({}) has no question '{}'",
            file.case.id,
            inert_line(&file.case.authority),
            inert_line(label)
        ))
    })
}

/// The case of the batch whose authority is `name`: the same name (case and spacing
/// ignored); else the one whose name holds `name`, or is held in it (a letterhead's
/// "Leeds City Council Information Governance" finds "Leeds City Council").
pub fn pick_authority(view: &BatchView, name: &str) -> Result<i64> {
    let key = authority_key(name);
    let keyed = |v: &&CaseView| authority_key(&v.file.case.authority);
    if let Some(v) = view.cases.iter().find(|v| keyed(v) == key) {
        return Ok(v.file.case.id);
    }
    let near: Vec<&CaseView> = view
        .cases
        .iter()
        .filter(|v| {
            let k = keyed(v);
            !key.is_empty() && (k.contains(&key) || key.contains(&k))
        })
        .collect();
    // "number 3" is the whole of a word run in "Council number 3", not in "… number 30".
    let whole = |v: &&&CaseView| {
        let k = keyed(v);
        format!(" {k} ").contains(&format!(" {key} "))
            || format!(" {key} ").contains(&format!(" {k} "))
    };
    let whole_words: Vec<&&CaseView> = near.iter().filter(whole).collect();
    if let [v] = whole_words.as_slice() {
        return Ok(v.file.case.id);
    }
    match near.as_slice() {
        [v] => Ok(v.file.case.id),
        [] => Err(Error::user(format!(
            "no authority of batch #{} matches '{}': `foi batch show {}` lists them",
            view.batch.id,
            inert_line(name),
            view.batch.id
        ))),
        many => Err(Error::user(format!(
            "'{}' matches {} authorities of batch #{} ({}): give more of the name",
            inert_line(name),
            many.len(),
            view.batch.id,
            many.iter()
                .take(5)
                .map(|v| inert_line(&v.file.case.authority).into_owned())
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}

/// A batch whose cases were all deleted: there is nothing to compare or change.
pub fn no_cases_left(b: &Batch) -> Error {
    Error::user(format!(
        "batch #{} (\"{}\") has no cases left: they were all deleted (undo in the terminal UI, or import them again)",
        b.id,
        inert_line(&b.title)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::{Timing, test_book};
    use crate::domain::Outcome;

    fn new_batch(names: &[&str]) -> NewBatch {
        NewBatch {
            title: "Potholes".into(),
            sent: NaiveDate::from_ymd_opt(2024, 4, 2),
            questions: vec!["Spend?".into(), "Count?".into()],
            authorities: names
                .iter()
                .map(|n| BatchAuthority {
                    name: n.to_string(),
                    ..BatchAuthority::default()
                })
                .collect(),
            ..NewBatch::default()
        }
    }

    #[test]
    fn a_batch_is_found_by_id_or_by_the_start_of_its_title() {
        let mut book = test_book();
        let first = book.add_batch(new_batch(&["Leeds"])).unwrap().batch;
        let budgets = NewBatch {
            title: "2024 budgets".into(),
            ..new_batch(&["Kent"])
        };
        let second = book.add_batch(budgets).unwrap().batch;
        assert_eq!(book.resolve_batch(&format!("#{first}")).unwrap(), first);
        assert_eq!(book.resolve_batch("pot").unwrap(), first);
        assert_eq!(book.resolve_batch("2024").unwrap(), second);
        let err = book.resolve_batch("77").unwrap_err().to_string();
        assert!(err.starts_with("there is no batch #77"), "{err}");
        assert!(book.resolve_batch("nothing").is_err());
    }

    #[test]
    fn duplicates_are_left_out_and_named() {
        let mut book = test_book();
        let made = book
            .add_batch(new_batch(&["Leeds", " leeds ", "Kent", "", "KENT"]))
            .unwrap();
        assert_eq!(made.cases.len(), 2);
        assert_eq!(made.duplicates, ["leeds", "KENT"]);
        let v = book.batch_view(made.batch).unwrap();
        let names: Vec<&str> = v
            .cases
            .iter()
            .map(|c| c.file.case.authority.as_str())
            .collect();
        assert_eq!(names, ["Kent", "Leeds"]);
    }

    #[test]
    fn a_batch_outcome_changes_only_the_chosen_cases_and_one_undo_restores_them() {
        let mut book = test_book();
        let made = book
            .add_batch(new_batch(&["Leeds", "Kent", "Bristol"]))
            .unwrap();
        let picked = book
            .batch_cases_named(made.batch, &["kent".into(), "Bristol".into()])
            .unwrap();
        let change = OutcomeChange {
            outcome: Outcome::Withheld,
            exemptions: vec!["s43".into()],
            ..OutcomeChange::default()
        };
        assert_eq!(
            book.set_batch_outcome(made.batch, "2", &picked, &change)
                .unwrap(),
            ("Q2".to_string(), 2)
        );
        let grid = book.batch_grid(made.batch).unwrap();
        let q2: Vec<&str> = grid
            .rows
            .iter()
            .map(|r| r.cells[1].as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(q2, ["withheld s43", "withheld s43", "pending"]);
        assert_eq!(grid.counts[1].count(Outcome::Withheld), 2);
        assert_eq!(grid.counts[1].exemptions[0].count, 2);
        // Today (1 June 2024) is past the due date of 1 May: all three are overdue.
        assert_eq!(grid.timing.overdue, 3);
        assert!(grid.rows.iter().all(|r| r.timing == Timing::Overdue));

        book.undo().unwrap();
        let grid = book.batch_grid(made.batch).unwrap();
        assert!(
            grid.rows
                .iter()
                .all(|r| r.cells[1].as_ref().unwrap().outcome == Outcome::Pending)
        );
        // An exemption the regime does not have changes nothing.
        let bad = OutcomeChange {
            outcome: Outcome::Withheld,
            exemptions: vec!["s99".into()],
            ..OutcomeChange::default()
        };
        assert!(
            book.set_batch_outcome(made.batch, "Q1", &picked, &bad)
                .is_err()
        );
    }

    #[test]
    fn authorities_are_picked_by_whole_words_before_parts() {
        let mut book = test_book();
        let made = book
            .add_batch(new_batch(&[
                "Council 3",
                "Council 30",
                "Leeds City Council",
            ]))
            .unwrap();
        let v = book.batch_view(made.batch).unwrap();
        let name = |id: i64| {
            v.cases
                .iter()
                .find(|c| c.file.case.id == id)
                .map(|c| c.file.case.authority.clone())
                .unwrap()
        };
        assert_eq!(name(pick_authority(&v, "council 3").unwrap()), "Council 3");
        assert_eq!(
            name(pick_authority(&v, "leeds").unwrap()),
            "Leeds City Council"
        );
        // A letterhead with more words than the stored name finds it too.
        let long = "Leeds City Council Information Governance";
        assert_eq!(
            name(pick_authority(&v, long).unwrap()),
            "Leeds City Council"
        );
        assert!(pick_authority(&v, "Council").is_err(), "ambiguous");
        assert!(pick_authority(&v, "Kent").is_err(), "not in the batch");
    }

    #[test]
    fn a_letters_numbers_take_the_batchs_labels() {
        let questions: Vec<Question> = ["Q1", "Q2", "Q12"]
            .iter()
            .map(|l| Question {
                label: l.to_string(),
                ..Question::default()
            })
            .collect();
        let mut p = crate::import::Proposal::default();
        for l in ["1.", "Question 2", "12", "Q1", "7", "(b)"] {
            p.questions.push(crate::import::ProposedQuestion {
                label: l.into(),
                text: String::new(),
                outcome: Outcome::Pending,
                exemptions: Vec::new(),
                note: None,
            });
        }
        align_labels(&questions, &mut p);
        let labels: Vec<&str> = p.questions.iter().map(|q| q.label.as_str()).collect();
        assert_eq!(labels, ["Q1", "Q2", "Q12", "Q1", "7", "(b)"]);
    }
}
