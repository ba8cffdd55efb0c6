//! Plain types and the rules that belong to them. No SQL, no terminal, no clock:
//! anything that depends on the date takes `today` as a parameter.

pub mod attachment;
pub mod batch;
pub mod case;
pub mod dates;
pub mod event;
pub mod exemption;
pub mod jurisdiction;
pub mod outcome;
pub mod regime;
pub mod status;
pub mod text;

pub use attachment::Attachment;
pub use batch::{Batch, BatchRef};
pub use case::{Case, CaseFile, Channel, Question, normalize_label, normalize_ref};
pub use event::{Event, EventKind, Span};
pub use exemption::{Exemption, ExemptionKind};
pub use outcome::{Outcome, OverallOutcome};
pub use regime::Regime;
pub use status::CaseStatus;
