//! `minutes index`: the documents of an output folder into one SQLite
//! database (tables in `schema.sql`, documented in the README).
//!
//! Documents are read and written one at a time inside one transaction, so
//! memory does not grow with the archive and a failed run leaves the
//! database as it was. A document whose input (sha256) and converter
//! (version and rules) are what the database holds is left alone; changed
//! ones are replaced, and ones no longer in the report are removed.

use crate::Error;
use crate::archive::{Archive, Entry};
use crate::doc::{Document, Extraction};
use crate::people::{self, Person};
use crate::series;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The tables, indexes and full-text index.
pub const SCHEMA: &str = include_str!("schema.sql");

/// What an index run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexSummary {
    /// Documents the report lists as converted.
    pub documents: usize,
    /// Loaded for the first time.
    pub added: usize,
    /// Replaced because the input or the converter changed.
    pub updated: usize,
    /// Already up to date.
    pub unchanged: usize,
    /// Removed because the report no longer lists them.
    pub removed: usize,
    /// Documents that could not be read, with the reason (the rest loaded).
    pub failed: Vec<String>,
}

/// The version of [`SCHEMA`]: a database of another version is made anew
/// (it is derived data: `minutes index` fills it again from the JSON).
pub const SCHEMA_VERSION: &str = "2";

/// Opens (creating when needed) a register database with its tables.
pub fn open(db: &Path) -> Result<Connection, Error> {
    let sql = |source| Error::Sql {
        path: db.to_path_buf(),
        source,
    };
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut conn = Connection::open(db).map_err(sql)?;
    let ours: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'register_info'",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sql)?;
    if tables > 0 && ours == 0 {
        // Someone else's database: never touch it.
        return Err(Error::NotARegister {
            path: db.to_path_buf(),
        });
    }
    let version: Option<String> = if ours > 0 {
        conn.query_row(
            "SELECT value FROM register_info WHERE name = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql)?
    } else {
        None
    };
    if ours > 0 && version.as_deref() != Some(SCHEMA_VERSION) {
        drop(conn);
        std::fs::remove_file(db).map_err(|source| Error::Write {
            path: db.to_path_buf(),
            source,
        })?;
        conn = Connection::open(db).map_err(sql)?;
    }
    conn.execute_batch(SCHEMA).map_err(sql)?;
    conn.execute(
        "INSERT OR REPLACE INTO register_info(name, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION],
    )
    .map_err(sql)?;
    Ok(conn)
}

/// Loads the documents of `out` into the database `db`.
pub fn index(out: &Path, db: &Path) -> Result<IndexSummary, Error> {
    let archive = Archive::open(out)?;
    let mut conn = open(db)?;
    let sql = |source| Error::Sql {
        path: db.to_path_buf(),
        source,
    };
    // One transaction for the run; a bounded page cache (16 MB) for the
    // index pages that every insert touches.
    conn.execute_batch("PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;")
        .map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    let summary = load_all(&archive, &tx, db)?;
    tx.commit().map_err(sql)?;
    Ok(summary)
}

fn load_all(archive: &Archive, tx: &Transaction, db: &Path) -> Result<IndexSummary, Error> {
    let sql = |source| Error::Sql {
        path: db.to_path_buf(),
        source,
    };
    let mut known: HashMap<String, (i64, String)> = HashMap::new();
    {
        let mut st = tx
            .prepare("SELECT key, id, sha256 || ' ' || generator || ' ' || input FROM documents")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(sql)?;
        for row in rows {
            let (k, v) = row.map_err(sql)?;
            known.insert(k, v);
        }
    }
    let mut summary = IndexSummary {
        documents: archive.entries.len(),
        ..Default::default()
    };
    let mut seen = HashSet::new();
    let mut touched_series = HashSet::new();
    for entry in &archive.entries {
        seen.insert(entry.output.clone());
        let doc = match archive.read(entry) {
            Ok(d) => d,
            Err(e) => {
                summary.failed.push(e.to_string());
                continue;
            }
        };
        let stamp = format!(
            "{} {} {}",
            doc.source.sha256,
            doc.generator.fingerprint(),
            entry.input
        );
        match known.get(&entry.output) {
            Some((_, old)) if *old == stamp => {
                summary.unchanged += 1;
                continue;
            }
            Some((id, _)) => {
                tx.execute("DELETE FROM documents WHERE id = ?1", [id])
                    .map_err(sql)?;
                summary.updated += 1;
            }
            None => summary.added += 1,
        }
        let series = insert_document(tx, entry, &doc)
            .map_err(|source| insert_error(archive.path_of(entry), source))?;
        touched_series.insert(series);
    }
    for (key, (id, _)) in &known {
        if !seen.contains(key) {
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])
                .map_err(sql)?;
            summary.removed += 1;
        }
    }
    for s in &touched_series {
        resolve_series(tx, s).map_err(sql)?;
    }
    tx.execute(
        "INSERT INTO register_info(name, value) VALUES ('indexed_documents', ?1)
         ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        [summary.documents.to_string()],
    )
    .map_err(sql)?;
    Ok(summary)
}

/// A row the database refused names the document it came from.
fn insert_error(path: PathBuf, source: rusqlite::Error) -> Error {
    Error::Sql { path, source }
}

fn ins_extraction_common(x: &Extraction) -> (Option<i64>, Option<i64>) {
    (x.span.page, x.span.line)
}

/// Inserts one document with everything in it; returns its series.
fn insert_document(tx: &Transaction, entry: &Entry, doc: &Document) -> rusqlite::Result<String> {
    let place = series::place(doc, &entry.input);
    tx.execute(
        "INSERT INTO documents(key, input, file_name, source_path, format, sha256, bytes, pages, generator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            entry.output,
            entry.input,
            entry.file_name(),
            doc.source.path,
            doc.source.format,
            doc.source.sha256,
            doc.source.bytes,
            doc.source.pages,
            doc.generator.fingerprint(),
        ],
    )?;
    let doc_id = tx.last_insert_rowid();
    let m = &doc.meeting;
    let valid_date = |d: &Option<String>| d.clone().filter(|d| series::is_iso_date(d));
    tx.execute(
        "INSERT INTO meetings(document_id, organization, department, body, series, document_type,
                              date, document_date, start_time, end_time, location)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            doc_id,
            m.organization,
            m.department,
            m.body,
            place.series,
            m.document_type
                .as_deref()
                .filter(|t| ["minutes", "agenda", "notice"].contains(t)),
            place.date,
            valid_date(&m.document_date),
            valid_time(&m.start_time),
            valid_time(&m.end_time),
            m.location,
        ],
    )?;

    let mut present: Vec<Person> = Vec::with_capacity(doc.participants.len());
    for (k, p) in doc.participants.iter().enumerate() {
        let person_id = person(tx, &place.series, &p.name)?;
        tx.execute(
            r#"INSERT INTO participants(document_id, ordinal, person_id, name, role, title, affiliation,
                                        "group", attendance, remote, note)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"#,
            params![
                doc_id,
                k as i64 + 1,
                person_id,
                p.name,
                p.role,
                p.title,
                p.affiliation,
                p.group.as_deref().filter(|g| ["member", "adjunct", "guest", "secretary"].contains(g)),
                p.attendance.as_deref().filter(|a| ["present", "absent", "partial"].contains(a)),
                p.remote,
                p.note,
            ],
        )?;
        present.push(Person {
            name: p.name.clone(),
            role: p.role.clone(),
        });
    }

    let mut item_st = tx.prepare_cached(
        "INSERT INTO items(document_id, ordinal, key, number, label, title, parent, text, responsible, page, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let index_text = |item_id: i64, kind: &str, ref_id: Option<i64>, title: &str, body: &str| {
        tx.prepare_cached(
            "INSERT INTO texts(document_id, item_id, kind, ref_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![doc_id, item_id, kind, ref_id])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO search(rowid, title, body) VALUES (?1, ?2, ?3)")?
            .execute(params![id, title, body])
    };
    for (k, it) in doc.items.iter().enumerate() {
        let item_key = if it.id.is_empty() {
            format!("{}#{}", entry.output, k + 1)
        } else {
            format!("{}#{}", entry.output, it.id)
        };
        item_st.execute(params![
            doc_id,
            k as i64 + 1,
            item_key,
            it.number,
            it.label(),
            it.title,
            it.parent,
            it.text,
            it.responsible,
            it.span.page,
            it.span.line,
        ])?;
        let item_id = tx.last_insert_rowid();
        index_text(item_id, "item", None, &it.title, &it.text)?;
        for (n, d) in it.decisions.iter().enumerate() {
            let (page, line) = ins_extraction_common(d);
            tx.prepare_cached(
                "INSERT INTO decisions(item_id, document_id, ordinal, text, rule, page, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                item_id,
                doc_id,
                n as i64 + 1,
                d.text,
                d.rule,
                page,
                line
            ])?;
            index_text(
                item_id,
                "decision",
                Some(tx.last_insert_rowid()),
                &it.title,
                &d.text,
            )?;
        }
        for (n, a) in it.actions.iter().enumerate() {
            let (page, line) = ins_extraction_common(a);
            tx.prepare_cached(
                "INSERT INTO actions(item_id, document_id, ordinal, text, rule, due, page, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                item_id,
                doc_id,
                n as i64 + 1,
                a.text,
                a.rule,
                valid_date(&a.due),
                page,
                line
            ])?;
            let action_id = tx.last_insert_rowid();
            for w in &a.assignees {
                let resolved = people::resolve(w, &present).map(|p| p.name.clone());
                let person_id = match resolved {
                    Some(name) => Some(person(tx, &place.series, &name)?),
                    None => None,
                };
                tx.prepare_cached(
                    "INSERT INTO action_assignees(action_id, written, person_id) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![action_id, w, person_id])?;
            }
            index_text(item_id, "action", Some(action_id), &it.title, &a.text)?;
        }
        for (n, d) in it.deferrals.iter().enumerate() {
            let (page, line) = ins_extraction_common(d);
            tx.prepare_cached(
                "INSERT INTO deferrals(item_id, document_id, ordinal, text, rule, type, target_date, reason, page, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                item_id,
                doc_id,
                n as i64 + 1,
                d.text,
                d.rule,
                d.deferral_type.as_deref().filter(|t| {
                    ["bordläggning", "återremiss", "uppskjuten", "utgår"].contains(t)
                }),
                valid_date(&d.target_date),
                d.reason,
                page,
                line
            ])?;
            let deferral_id = tx.last_insert_rowid();
            index_text(item_id, "deferral", Some(deferral_id), &it.title, &d.text)?;
        }
        for (n, a) in it.attachments.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO attachments(item_id, ordinal, name, link) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![item_id, n as i64 + 1, a.name, a.link])?;
        }
    }
    for (n, nm) in doc.next_meetings.iter().enumerate() {
        let topics = serde_json::to_string(&nm.topics).unwrap_or_else(|_| "[]".into());
        tx.prepare_cached(
            "INSERT INTO next_meetings(document_id, ordinal, date, topics, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![doc_id, n as i64 + 1, valid_date(&nm.date), topics, nm.note])?;
    }
    Ok(place.series)
}

fn valid_time(t: &Option<String>) -> Option<String> {
    t.clone().filter(|t| {
        let b = t.as_bytes();
        b.len() == 5
            && b.get(2) == Some(&b':')
            && t.chars()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit())
    })
}

/// The id of a person of a series, made when new.
fn person(tx: &Transaction, series: &str, name: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO people(series, name, initials, first_name) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        series,
        name,
        people::initials(name),
        people::first_name(name)
    ])?;
    tx.prepare_cached("SELECT id FROM people WHERE series = ?1 AND name = ?2")?
        .query_row(params![series, name], |r| r.get(0))
}

/// Assignees a meeting's own list did not resolve ("BL" in minutes without a
/// participant list) are tried against everyone of the series.
fn resolve_series(tx: &Transaction, series: &str) -> rusqlite::Result<()> {
    let everyone: Vec<(i64, Person)> = tx
        .prepare("SELECT id, name FROM people WHERE series = ?1")?
        .query_map([series], |r| {
            Ok((
                r.get(0)?,
                Person {
                    name: r.get(1)?,
                    role: None,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let list: Vec<Person> = everyone.iter().map(|(_, p)| p.clone()).collect();
    let open: Vec<(i64, String)> = tx
        .prepare(
            "SELECT aa.rowid, aa.written FROM action_assignees aa
             JOIN actions a ON a.id = aa.action_id
             JOIN meetings m ON m.document_id = a.document_id
             WHERE m.series = ?1 AND aa.person_id IS NULL",
        )?
        .query_map([series], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rowid, written) in open {
        if let Some(p) = people::resolve(&written, &list) {
            let id = everyone
                .iter()
                .find(|(_, q)| q.name == p.name)
                .map(|(id, _)| *id);
            tx.execute(
                "UPDATE action_assignees SET person_id = ?1 WHERE rowid = ?2",
                params![id, rowid],
            )?;
        }
    }
    Ok(())
}

/// The id of a document by its key, when indexed.
pub fn document_id(conn: &Connection, key: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT id FROM documents WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
}

/// Replaces the database's links with `tracking`'s. Links whose documents
/// are not in the database (index not run since the convert) are left out
/// and counted.
pub fn store_links(db: &Path, tracking: &crate::Tracking) -> Result<usize, Error> {
    let mut conn = open(db)?;
    let sql = |source| Error::Sql {
        path: db.to_path_buf(),
        source,
    };
    let tx = conn.transaction().map_err(sql)?;
    let mut missing = 0;
    tx.execute("DELETE FROM links", []).map_err(sql)?;
    {
        let mut item_id = tx
            .prepare(
                "SELECT i.id FROM items i JOIN documents d ON d.id = i.document_id
                 WHERE d.key = ?1 AND i.ordinal = ?2",
            )
            .map_err(sql)?;
        let mut find_item = |key: &str, index: usize| -> rusqlite::Result<Option<i64>> {
            item_id
                .query_row(params![key, index as i64 + 1], |r| r.get(0))
                .optional()
        };
        for l in &tracking.links {
            let p = &l.place;
            let from = find_item(&p.from_output, p.from_item).map_err(sql)?;
            let holder = find_item(&p.from_output, p.holder_item).map_err(sql)?;
            let to = match (&p.to_output, p.to_item) {
                (Some(o), Some(i)) => find_item(o, i).map_err(sql)?,
                _ => None,
            };
            let (Some(from), Some(holder)) = (from, holder) else {
                missing += 1;
                continue;
            };
            let table = match l.from.kind {
                crate::track::Kind::Deferral => "deferrals",
                crate::track::Kind::Action => "actions",
            };
            let x: Option<i64> = tx
                .query_row(
                    &format!("SELECT id FROM {table} WHERE item_id = ?1 AND ordinal = ?2"),
                    params![holder, p.extraction as i64 + 1],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql)?;
            let Some(x) = x else {
                missing += 1;
                continue;
            };
            let (deferral_id, action_id) = match l.from.kind {
                crate::track::Kind::Deferral => (Some(x), None),
                crate::track::Kind::Action => (None, Some(x)),
            };
            tx.execute(
                "INSERT INTO links(from_item_id, deferral_id, action_id, kind, text, to_item_id, outcome, evidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    from,
                    deferral_id,
                    action_id,
                    l.from.kind.as_str(),
                    l.from.text,
                    to,
                    l.outcome.as_str(),
                    l.evidence
                ],
            )
            .map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    Ok(missing)
}
