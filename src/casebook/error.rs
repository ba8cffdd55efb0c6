//! Errors of the operations layer, split by who can fix them: the user (exit 1) or
//! the environment (exit 2).

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input, a case that is not there, an ambiguous reference: the user can fix it.
    #[error("{0}")]
    User(String),
    /// The database or the file system failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The terminal could not be drawn on or read from.
    #[error("cannot use the terminal: {0}")]
    Terminal(#[source] std::io::Error),
}

impl Error {
    pub fn user(msg: impl Into<String>) -> Error {
        Error::User(msg.into())
    }

    /// The process exit status for this error: 1 for the user's mistakes, 2 for faults.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::User(_) => 1,
            Error::Store(_) | Error::Terminal(_) => 2,
        }
    }
}

macro_rules! user_errors {
    ($($t:ty),* $(,)?) => {
        $(impl From<$t> for Error {
            fn from(e: $t) -> Error {
                Error::User(e.to_string())
            }
        })*
    };
}

user_errors!(
    crate::domain::dates::DateError,
    crate::domain::exemption::ExemptionError,
    crate::domain::regime::UnknownRegime,
    crate::domain::outcome::UnknownOutcome,
    crate::domain::event::UnknownEventKind,
    crate::domain::event::BadSpan,
    crate::domain::case::UnknownChannel,
);

pub type Result<T> = std::result::Result<T, Error>;
