-- The register: every converted document of an output folder, one row per
-- thing, keys unique across the archive. Dates are ISO 8601 TEXT (SQLite's
-- date functions read them), checked on the way in.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS register_info (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per converted document. `key` is the output's path relative to the
-- output folder (unique there, so across the archive); `input` the input's
-- path as converted, `file_name` its last component.
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    input       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    source_path TEXT NOT NULL,
    format      TEXT,
    sha256      TEXT NOT NULL,
    bytes       INTEGER,
    pages       INTEGER,
    generator   TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS meetings (
    document_id   INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    organization  TEXT,
    department    TEXT,
    body          TEXT,
    series        TEXT NOT NULL,
    document_type TEXT CHECK (document_type IN ('minutes', 'agenda', 'notice')),
    date          TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    document_date TEXT CHECK (document_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    start_time    TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time      TEXT CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    location      TEXT
);
CREATE INDEX IF NOT EXISTS meetings_series_date ON meetings(series, date);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);

-- People of a series, each once: participants and assignees point here
-- after initials and first names are resolved. `initials` and `first_name`
-- are there to ask by ("the tasks of BL").
CREATE TABLE IF NOT EXISTS people (
    id         INTEGER PRIMARY KEY,
    series     TEXT NOT NULL,
    name       TEXT NOT NULL,
    initials   TEXT NOT NULL,
    first_name TEXT NOT NULL,
    UNIQUE (series, name)
);
CREATE INDEX IF NOT EXISTS people_initials ON people(initials);
CREATE INDEX IF NOT EXISTS people_first_name ON people(first_name);

CREATE TABLE IF NOT EXISTS participants (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    person_id   INTEGER REFERENCES people(id),
    name        TEXT NOT NULL,
    role        TEXT,
    title       TEXT,
    affiliation TEXT,
    "group"     TEXT CHECK ("group" IN ('member', 'adjunct', 'guest', 'secretary')),
    attendance  TEXT CHECK (attendance IN ('present', 'absent', 'partial')),
    remote      INTEGER CHECK (remote IN (0, 1)),
    note        TEXT,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS participants_person ON participants(person_id);

-- `key` is the document's key, '#', the item's id: unique across the archive.
-- `label` is how links name the item: its number, or its title without one.
CREATE TABLE IF NOT EXISTS items (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    key         TEXT NOT NULL UNIQUE,
    number      TEXT,
    label       TEXT NOT NULL,
    title       TEXT NOT NULL,
    parent      TEXT,
    text        TEXT NOT NULL,
    responsible TEXT,
    page        INTEGER,
    line        INTEGER,
    UNIQUE (document_id, ordinal)
);

CREATE TABLE IF NOT EXISTS decisions (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    rule        TEXT NOT NULL,
    page        INTEGER,
    line        INTEGER
);
CREATE INDEX IF NOT EXISTS decisions_item ON decisions(item_id);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions(document_id);

CREATE TABLE IF NOT EXISTS actions (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    rule        TEXT NOT NULL,
    due         TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    page        INTEGER,
    line        INTEGER
);
CREATE INDEX IF NOT EXISTS actions_item ON actions(item_id);
CREATE INDEX IF NOT EXISTS actions_document ON actions(document_id);

-- An action's assignees as written, and the person each one is.
CREATE TABLE IF NOT EXISTS action_assignees (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    written   TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id)
);
CREATE INDEX IF NOT EXISTS action_assignees_action ON action_assignees(action_id);
CREATE INDEX IF NOT EXISTS action_assignees_person ON action_assignees(person_id);

CREATE TABLE IF NOT EXISTS deferrals (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    rule        TEXT NOT NULL,
    type        TEXT CHECK (type IN ('bordläggning', 'återremiss', 'uppskjuten', 'utgår')),
    target_date TEXT CHECK (target_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    reason      TEXT,
    page        INTEGER,
    line        INTEGER
);
CREATE INDEX IF NOT EXISTS deferrals_item ON deferrals(item_id);
CREATE INDEX IF NOT EXISTS deferrals_document ON deferrals(document_id);

CREATE TABLE IF NOT EXISTS attachments (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name    TEXT NOT NULL,
    link    TEXT
);
CREATE INDEX IF NOT EXISTS attachments_item ON attachments(item_id);

CREATE TABLE IF NOT EXISTS next_meetings (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    date        TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    topics      TEXT NOT NULL,  -- a JSON array
    note        TEXT
);
CREATE INDEX IF NOT EXISTS next_meetings_document ON next_meetings(document_id);

-- Where each deferral and action comes back (`minutes track`). Exactly one of
-- deferral_id and action_id is set; to_item_id is NULL when it does not come back.
CREATE TABLE IF NOT EXISTS links (
    id              INTEGER PRIMARY KEY,
    from_item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    deferral_id     INTEGER REFERENCES deferrals(id) ON DELETE CASCADE,
    action_id       INTEGER REFERENCES actions(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('deferral', 'action')),
    text            TEXT NOT NULL,
    to_item_id      INTEGER REFERENCES items(id) ON DELETE SET NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('decided', 'deferred-again', 'reported-done', 'still-open', 'not-in-series')),
    evidence        TEXT NOT NULL,
    CHECK ((deferral_id IS NULL) <> (action_id IS NULL))
);
CREATE INDEX IF NOT EXISTS links_from ON links(from_item_id);
CREATE INDEX IF NOT EXISTS links_to ON links(to_item_id);
CREATE INDEX IF NOT EXISTS links_deferral ON links(deferral_id);
CREATE INDEX IF NOT EXISTS links_action ON links(action_id);

-- Full text: item titles and texts and every extraction. `texts` says what
-- each indexed text is (the item, or the decision, action or deferral
-- `ref_id`) and cascades with its document; `search` (FTS5, contentless: the
-- words are indexed, the texts stay in their tables) has a row per `texts`
-- row with the same rowid.
CREATE TABLE IF NOT EXISTS texts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('item', 'decision', 'action', 'deferral')),
    ref_id      INTEGER
);
CREATE INDEX IF NOT EXISTS texts_document ON texts(document_id);
CREATE INDEX IF NOT EXISTS texts_item ON texts(item_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER IF NOT EXISTS texts_ad AFTER DELETE ON texts BEGIN
    DELETE FROM search WHERE rowid = old.id;
END;
