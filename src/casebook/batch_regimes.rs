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
