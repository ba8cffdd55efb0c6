//! The schema, as numbered migrations. `PRAGMA user_version` records how many have run.

/// Marks a file as a casebook (`PRAGMA application_id`), so that another program's SQLite
/// file is refused rather than altered. "FOIC" in ASCII.
pub const APPLICATION_ID: i64 = 0x464F_4943;

/// Each entry moves the schema from version `i` to `i + 1`. Append only: never edit a
/// migration that has shipped.
pub const MIGRATIONS: &[&str] = &[
    // 1: the casebook.
    r#"
    CREATE TABLE authorities (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        name_key  TEXT NOT NULL UNIQUE
    );
    CREATE TABLE cases (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        authority_id  INTEGER NOT NULL REFERENCES authorities(id),
        regime        TEXT NOT NULL,
        their_ref     TEXT,
        their_ref_key TEXT,
        my_ref        TEXT,
        channel       TEXT,
        url           TEXT,
        sent          TEXT,
        received      TEXT,
        request_text  TEXT,
        notes         TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX cases_by_their_ref ON cases(their_ref_key);
    CREATE INDEX cases_by_authority ON cases(authority_id);
    CREATE TABLE case_tags (
        case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        tag      TEXT NOT NULL,
        PRIMARY KEY (case_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX case_tags_by_tag ON case_tags(tag);
    CREATE TABLE questions (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        label       TEXT NOT NULL,
        text        TEXT NOT NULL,
        outcome     TEXT NOT NULL,
        exemptions  TEXT NOT NULL DEFAULT '',
        note        TEXT,
        challenge   INTEGER NOT NULL DEFAULT 0
    );
    -- Covers the list's scan of outcomes (no question text read).
    CREATE INDEX questions_by_case ON questions(case_id, position, outcome);
    CREATE TABLE events (
        id       INTEGER PRIMARY KEY,
        case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind     TEXT NOT NULL,
        date     TEXT NOT NULL,
        note     TEXT,
        window   TEXT,
        until    TEXT,
        letter   TEXT
    );
    -- Covers the list's scan of timelines (no notes or letters read).
    CREATE INDEX events_by_case ON events(case_id, date, id, kind, window, until);
    CREATE TABLE user_holidays (
        division  TEXT NOT NULL,
        date      TEXT NOT NULL,
        name      TEXT NOT NULL,
        PRIMARY KEY (division, date)
    ) WITHOUT ROWID;
    "#,
];

pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
