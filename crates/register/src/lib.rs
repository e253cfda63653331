//! The archive register: what a folder of converted minutes says, across
//! meetings.
//!
//! - [`index()`] loads every converted document of an output folder (the ones
//!   its `report.json` lists as converted) into one SQLite database, one
//!   document at a time, and on a re-run touches only the documents whose
//!   input or converter changed.
//! - [`track()`] follows every deferral and assigned action to where it comes
//!   back in a later meeting of the same body, and says how it ended.
//! - [`html`] writes an offline HTML report of the archive.
//!
//! Knowing a document is reading its JSON ([`doc`]); knowing Swedish is the
//! [`lexicon`]; matching is small pure functions in [`matching`] and
//! [`people`]; [`track()`] is the one place that decides.

#![deny(missing_docs)]

pub mod archive;
pub mod doc;
pub mod html;
pub mod index;
pub mod lexicon;
pub mod matching;
pub mod people;
pub mod series;
pub mod track;

pub use index::{IndexSummary, index};
pub use track::{Link, Tracking, track};

use std::path::PathBuf;

/// What can go wrong; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not the JSON it should be.
    #[error("{path}: not a minutes JSON document: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The parser's complaint.
        source: serde_json::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The database file holds tables of something else.
    #[error("{path}: a SQLite database that is not a minutes register; give another --db")]
    NotARegister {
        /// The database file.
        path: PathBuf,
    },
    /// The database refused something.
    #[error("database {path}: {source}")]
    Sql {
        /// The database file.
        path: PathBuf,
        /// SQLite's complaint.
        source: rusqlite::Error,
    },
}

/// The database's default name inside the output folder.
pub const DEFAULT_DB: &str = "register.sqlite";
