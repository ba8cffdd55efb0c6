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
    // 2: full-text search and the casebook's own id.
    //
    // `case_search` holds one row per case (rowid = case id): its title, authority, both
    // references, tags, request text, questions (label, text, note), notes (the case's and
    // its events') and attached letters. Triggers list the cases a write touched in
    // `search_pending`; `Store::write` re-indexes them just before it commits, so the index
    // changes in the same transaction as the data, once per case however many rows changed.
    // `meta.casebook_id` is a random id that names this casebook (stable iCalendar UIDs).
    r#"
    CREATE TABLE meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('casebook_id', lower(hex(randomblob(8))));
    CREATE VIRTUAL TABLE case_search USING fts5(
        title, authority, refs, tags, request, questions, notes, letters,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TABLE search_pending (case_id INTEGER PRIMARY KEY);
    CREATE TRIGGER search_case_ins AFTER INSERT ON cases BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER search_case_upd
    AFTER UPDATE OF id, title, authority_id, their_ref, my_ref, request_text, notes ON cases BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.id);
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER search_case_del AFTER DELETE ON cases BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.id);
    END;
    CREATE TRIGGER search_tag_ins AFTER INSERT ON case_tags BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    CREATE TRIGGER search_tag_del AFTER DELETE ON case_tags BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
    END;
    CREATE TRIGGER search_question_ins AFTER INSERT ON questions BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    CREATE TRIGGER search_question_upd AFTER UPDATE ON questions BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    CREATE TRIGGER search_question_del AFTER DELETE ON questions BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
    END;
    CREATE TRIGGER search_event_ins AFTER INSERT ON events BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    CREATE TRIGGER search_event_upd AFTER UPDATE ON events BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    CREATE TRIGGER search_event_del AFTER DELETE ON events BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
    END;
    CREATE TRIGGER search_authority_upd AFTER UPDATE OF name ON authorities BEGIN
        INSERT OR IGNORE INTO search_pending (case_id)
            SELECT id FROM cases WHERE authority_id = NEW.id;
    END;
    INSERT INTO case_search (rowid, title, authority, refs, tags, request, questions, notes, letters)
    SELECT c.id, c.title, a.name,
        trim(coalesce(c.their_ref, '') || ' ' || coalesce(c.my_ref, '')),
        (SELECT group_concat(t.tag, ' ') FROM case_tags t WHERE t.case_id = c.id),
        c.request_text,
        (SELECT group_concat(q.label || ': ' || q.text || coalesce(char(10) || q.note, ''), char(10))
            FROM questions q WHERE q.case_id = c.id),
        trim(coalesce(c.notes, '') || char(10) ||
            coalesce((SELECT group_concat(e.note, char(10)) FROM events e
                      WHERE e.case_id = c.id AND e.note IS NOT NULL), ''), char(10)),
        (SELECT group_concat(e.letter, char(10) || char(10)) FROM events e
            WHERE e.case_id = c.id AND e.letter IS NOT NULL)
    FROM cases c JOIN authorities a ON a.id = c.authority_id;
    "#,
    // 3: an index of cases by sent date (see below), and a digest of each case's
    // timeline and tags, one row per case, so that the case list, the agenda and the
    // TUI's first frame read one row per case instead of every event and tag (at
    // 100,000 cases: 100k rows instead of 590k; BENCHMARKS.md).
    //
    // Kept like the search index: the cases a write touched are in `search_pending`
    // (migration 2's triggers, plus one for a tag changed in place), and `Store::write`
    // rebuilds their digests from `case_digest_source` before it commits. A reader
    // treats a case still listed in `search_pending` (written by another program, say
    // the sqlite3 shell) as having no digest and reads its tables.
    //
    // Each event is `␞kind␟date␟window␟until␟id` (U+001E, U+001F; absent values empty)
    // in timeline order; each tag `␞tag`. When any of those values holds a separator
    // the column is NULL and the reader reads the tables for that case: a digest is
    // either exact or absent. (No `ORDER BY` inside `group_concat`: sqlite3 shells older
    // than 3.44 could not read the schema. The rows come in the subquery's order, and
    // the reader checks it and reads the tables if it is ever otherwise.)
    r#"
    CREATE TABLE case_digest (
        case_id   INTEGER PRIMARY KEY,
        timeline  TEXT,
        tags      TEXT
    );
    CREATE VIEW case_digest_source AS
    SELECT c.id AS case_id,
        (SELECT CASE
            WHEN max(instr(kind || date || coalesce(window, '') || coalesce(until, ''), char(30))
                   + instr(kind || date || coalesce(window, '') || coalesce(until, ''), char(31))) > 0
            THEN NULL
            ELSE coalesce(group_concat(
                char(30) || kind || char(31) || date || char(31) || coalesce(window, '')
                    || char(31) || coalesce(until, '') || char(31) || id, ''), '')
         END FROM (SELECT kind, date, window, until, id FROM events e
                   WHERE e.case_id = c.id ORDER BY date, id)) AS timeline,
        (SELECT CASE
            WHEN max(instr(tag, char(30))) > 0 THEN NULL
            ELSE coalesce(group_concat(char(30) || tag, ''), '')
         END FROM (SELECT tag FROM case_tags t WHERE t.case_id = c.id ORDER BY tag)) AS tags
    FROM cases c;
    -- An import checks each case it reads for one already here by authority, title
    -- and sent date: found by date rather than by scanning every title.
    CREATE INDEX cases_by_sent ON cases(sent);
    CREATE TRIGGER search_tag_upd AFTER UPDATE ON case_tags BEGIN
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (OLD.case_id);
        INSERT OR IGNORE INTO search_pending (case_id) VALUES (NEW.case_id);
    END;
    INSERT INTO case_digest SELECT * FROM case_digest_source;
    "#,
    // 4: references on events: the ICO's or SIC's case reference, a decision notice's, the
    // Tribunal's or the court's, as the step was given them. `reference_key` is the
    // reference folded like `cases.their_ref_key` (`normalize_ref`), so that a case is
    // found by either. No event has one yet, so nothing needs re-indexing.
    r#"
    ALTER TABLE events ADD COLUMN reference TEXT;
    ALTER TABLE events ADD COLUMN reference_key TEXT;
    CREATE INDEX events_by_reference ON events(reference_key) WHERE reference_key IS NOT NULL;
    "#,
    // 5: the search index holds words as written. Migration 2's index stemmed them
    // (porter), and a prefix search cannot work on stems: `employ` was looked up as
    // `emploi`, and `sensitiv` could not find `sensitive`, indexed as `sensit`. The query
    // now folds word endings itself (casebook::search). Same columns; every case is listed
    // as pending, and the migration ends by indexing the pending cases with the store's
    // own statement (store/search.rs), so the index is built by one copy of that SQL.
    r#"
    DROP TABLE case_search;
    CREATE VIRTUAL TABLE case_search USING fts5(
        title, authority, refs, tags, request, questions, notes, letters,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT OR IGNORE INTO search_pending (case_id) SELECT id FROM cases;
    "#,
    // 6: chase reminders held back ("snoozed") until a date, one per case. A reminder to
    // chase an authority is the requester's own, not a statutory deadline, so it may be
    // put off; the deadline itself always shows. No foreign key: undo puts a case back by
    // deleting and re-inserting it, which would cascade; deleting a case deletes its
    // snooze explicitly (Writer::delete_case).
    r#"
    CREATE TABLE chase_snoozes (
        case_id  INTEGER PRIMARY KEY,
        until    TEXT NOT NULL
    );
    "#,
    // 7: round robins. A batch is one request sent to many authorities; each
    // authority's copy is an ordinary case whose `batch_id` names the batch. A batch
    // outlives its cases (deleting them one by one leaves it empty, and undo can bring a
    // case back into it). The batch's questions are its cases' questions: nothing here
    // to keep in step with them.
    r#"
    CREATE TABLE batches (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        regime      TEXT NOT NULL,
        sent        TEXT,
        created_at  TEXT NOT NULL
    );
    ALTER TABLE cases ADD COLUMN batch_id INTEGER REFERENCES batches(id);
    CREATE INDEX cases_by_batch ON cases(batch_id) WHERE batch_id IS NOT NULL;
    "#,
    // 8: the originals an import keeps as evidence: every e-mail, PDF, Word file or
    // attachment, byte for byte. `blobs` holds each distinct content once, named by its
    // SHA-256 (the same PDF imported twice takes the space once); `attachments` names a
    // blob for a case and, usually, the event it came with. `message_id` is the e-mail's
    // Message-ID, so importing the same mail again adds nothing.
    //
    // No foreign keys on `attachments`: undo puts a case back by deleting and re-inserting
    // it with the same ids, which must not take the case's originals with it. Deleting a
    // case deletes its attachments explicitly (the blobs stay until nothing names them).
    r#"
    CREATE TABLE blobs (
        id      INTEGER PRIMARY KEY,
        sha256  TEXT NOT NULL UNIQUE,
        size    INTEGER NOT NULL,
        data    BLOB NOT NULL
    );
    CREATE TABLE attachments (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL,
        event_id    INTEGER,
        name        TEXT NOT NULL,
        media_type  TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        message_id  TEXT,
        added_at    TEXT NOT NULL
    );
    CREATE INDEX attachments_by_case ON attachments(case_id, id);
    CREATE INDEX attachments_by_message ON attachments(message_id) WHERE message_id IS NOT NULL;
    CREATE INDEX attachments_by_sha ON attachments(sha256);
    "#,
    // 9: originals whose event was deleted stay with their case, on no event. Before this,
    // deleting an event left its originals naming an event id that no longer existed
    // (or that a later event of any case could take again): they now name none.
    r#"
    UPDATE attachments SET event_id = NULL
    WHERE event_id IS NOT NULL AND NOT EXISTS
        (SELECT 1 FROM events e WHERE e.id = attachments.event_id AND e.case_id = attachments.case_id);
    "#,
    // 10: what the case list's first screen is found by, one row per case, so that the
    // terminal UI can show the most urgent open cases at 100,000 cases without reading
    // every one (BENCHMARKS.md). Neither value depends on today or on the calendar:
    // - `open`: 0 when the last event (by date, then id) that sets the status closes or
    //   withdraws the case, else 1. Sent and clarification-sent move a draft or a case
    //   awaiting clarification along, never a closed case, so they are left out;
    // - `earliest`: the earliest date the case holds (sent, received, each event's date
    //   and `until`). No deadline falls before it, so the most urgent cases are among
    //   those whose `earliest` comes first. A case with no date at all has no deadline
    //   ever: '9999-12-31'.
    // When any of those dates is not a plain `YYYY-MM-DD`, or an event's kind is not one
    // the program writes, the row says open with no `earliest` (sorted first): the reader
    // works such a case out from its tables rather than trust this row.
    //
    // Kept like `case_digest`: rebuilt from `list_keys_source` for the cases a write
    // touched (`search_pending`) before it commits; a reader works out a case still listed
    // in `search_pending` from its tables. So that a case whose authority another program
    // deleted or renumbered (which the list leaves out) is not counted from its keys,
    // such a change lists the authority's cases there too.
    r#"
    CREATE TABLE list_keys (
        case_id   INTEGER PRIMARY KEY,
        open      INTEGER NOT NULL,
        earliest  TEXT
    );
    CREATE INDEX list_keys_by_open ON list_keys(open, earliest, case_id);
    CREATE VIEW list_keys_source AS
    SELECT case_id,
        CASE WHEN plain THEN open ELSE 1 END AS open,
        CASE WHEN plain THEN coalesce(earliest, '9999-12-31') END AS earliest
    FROM (SELECT c.id AS case_id,
        (c.sent IS NULL OR date(c.sent) IS c.sent)
            AND (c.received IS NULL OR date(c.received) IS c.received)
            AND NOT EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id
                AND (date(e.date) IS NOT e.date
                     OR (e.until IS NOT NULL AND date(e.until) IS NOT e.until)
                     OR e.kind NOT IN ('sent', 'acknowledged', 'clarification-requested',
                        'clarification-sent', 'extension', 'fee-notice', 'fee-paid',
                        'response', 'review-requested', 'review-response', 'ico-complaint',
                        'ico-decision', 'tribunal-appeal', 'withdrawn', 'closed', 'note')))
            AS plain,
        coalesce((SELECT e.kind NOT IN ('closed', 'withdrawn') FROM events e
            WHERE e.case_id = c.id AND e.kind IN ('clarification-requested', 'response',
                'review-requested', 'review-response', 'ico-complaint', 'ico-decision',
                'tribunal-appeal', 'withdrawn', 'closed')
            ORDER BY e.date DESC, e.id DESC LIMIT 1), 1) AS open,
        (SELECT min(d) FROM (SELECT c.sent AS d UNION ALL SELECT c.received
            UNION ALL SELECT e.date FROM events e WHERE e.case_id = c.id
            UNION ALL SELECT e.until FROM events e WHERE e.case_id = c.id)) AS earliest
    FROM cases c);
    CREATE TRIGGER list_authority_del AFTER DELETE ON authorities BEGIN
        INSERT OR IGNORE INTO search_pending (case_id)
            SELECT id FROM cases WHERE authority_id = OLD.id;
    END;
    CREATE TRIGGER list_authority_id_upd AFTER UPDATE OF id ON authorities BEGIN
        INSERT OR IGNORE INTO search_pending (case_id)
            SELECT id FROM cases WHERE authority_id IN (OLD.id, NEW.id);
    END;
    INSERT INTO list_keys SELECT * FROM list_keys_source;
    "#,
    // 11: an import checks each case it reads without a reference for one already here
    // with the same sent date and title. Found by date alone, that read every case sent
    // the same day (and every draft) to compare titles: 7% of a 100,000-case import.
    // By date and title it is one look-up. The index by date alone served only that.
    r#"
    DROP INDEX IF EXISTS cases_by_sent;
    CREATE INDEX cases_by_sent_title ON cases(sent, title);
    "#,
];

pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
