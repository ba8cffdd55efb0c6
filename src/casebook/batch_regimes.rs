//! Each case of a round robin answers under its authority's law: the batch's regime is
//! the default, an authority known to be Scottish answers under the Scottish law of the
//! same kind, and the user may name the law for any authority.

use crate::domain::Regime;
use serde::Serialize;

/// A case of a batch that answers under another law than the batch's.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OtherRegime {
    pub case: i64,
    pub authority: String,
    pub regime: Regime,
    /// True when the user named the law; false when the authority was recognised as
    /// Scottish by its name.
    pub given: bool,
}

/// The law the authority `name` answers under in a batch: `given` when the user named
/// one, else the batch's `default`, made Scottish for a Scottish authority.
pub(super) fn case_regime(name: &str, given: Option<Regime>, default: Regime) -> Regime {
    given.unwrap_or_else(|| crate::domain::jurisdiction::regime_for(name, default))
}

/// The cases whose law is not `default`, from each case's id with its authority's name
/// and the law the user named for it.
pub(super) fn other_regimes<'a>(
    cases: impl Iterator<Item = (i64, &'a str, Option<Regime>)>,
    default: Regime,
) -> Vec<OtherRegime> {
    cases
        .filter_map(|(case, name, given)| {
            let regime = case_regime(name, given, default);
            (regime != default).then(|| OtherRegime {
                case,
                authority: name.to_string(),
                regime,
                given: given.is_some(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::casebook::{BatchAuthority, NewBatch, test_book};
    use crate::domain::Regime;
    use crate::store::Reads;

    #[test]
    fn each_case_of_a_batch_answers_under_its_authority_s_law() {
        let mut book = test_book();
        let named = |name: &str, regime: Option<Regime>| BatchAuthority {
            name: name.into(),
            email: None,
            regime,
        };
        let made = book
            .add_batch(NewBatch {
                title: "Gritting".into(),
                questions: vec!["Tonnes?".into()],
                authorities: vec![
                    named("Leeds City Council", None),
                    named("Fife Council", None),
                    named("Police Scotland", Some(Regime::Foia)),
                    named("Home Office", Some(Regime::Foisa)),
                ],
                ..NewBatch::default()
            })
            .expect("batch");
        let laws: Vec<Regime> = made
            .cases
            .iter()
            .map(|id| book.store.case(*id).expect("read").expect("case").regime)
            .collect();
        assert_eq!(
            laws,
            [Regime::Foia, Regime::Foisa, Regime::Foia, Regime::Foisa]
        );
        let others: Vec<(i64, &str, Regime, bool)> = made
            .other_regimes
            .iter()
            .map(|o| (o.case, o.authority.as_str(), o.regime, o.given))
            .collect();
        assert_eq!(
            others,
            [
                (made.cases[1], "Fife Council", Regime::Foisa, false),
                (made.cases[3], "Home Office", Regime::Foisa, true),
            ]
        );
    }
}
