//! CSV: one file per table, written row by row through the `csv` crate.
//!
//! For Excel: UTF-8 with a byte-order mark (Excel otherwise reads the file
//! as the ANSI code page and mangles å, ä, ö), CRLF line ends, and fields
//! quoted when they hold the delimiter, a quote or a line break. Excel opens a
//! `.csv` with the locale's list separator, which is `;` in a Swedish locale:
//! with `--delimiter ';'` every field lands in its own column, and list cells
//! are joined with `" | "`, never with the delimiter. Text that looks like a
//! formula is neutralised (see [`crate::schema::csv_field`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::atomic::AtomicFile;
use crate::schema::{Column, csv_field};
use crate::{Error, Table};

/// One open CSV file per table, so rows can be written document by document;
/// each file replaces the earlier one only when [`CsvSink::finish`] commits it.
pub(crate) struct CsvSink {
    files: Vec<(csv::Writer<AtomicFile>, &'static [Column])>,
}

impl CsvSink {
    /// Starts `<dir>/<name>.csv` for each table (byte-order mark and header).
    pub(crate) fn create(
        dir: &Path,
        tables: &[(&str, &'static [Column])],
        delimiter: u8,
    ) -> Result<Self, Error> {
        let mut files = Vec::new();
        for (name, columns) in tables {
            let mut file = AtomicFile::create(&dir.join(format!("{name}.csv")))?;
            file.write_all("\u{FEFF}".as_bytes())
                .map_err(|source| Error::Write {
                    path: file.path().to_path_buf(),
                    source,
                })?;
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(csv::Terminator::CRLF)
                .from_writer(file);
            let header = columns.iter().map(|c| c.name);
            writer
                .write_record(header)
                .map_err(|e| csv_error(&writer, e))?;
            files.push((writer, *columns));
        }
        Ok(CsvSink { files })
    }

    /// Writes the rows of `tables`, the tables in the order of creation.
    pub(crate) fn append(&mut self, tables: &[Table]) -> Result<(), Error> {
        for ((writer, columns), table) in self.files.iter_mut().zip(tables) {
            self::append(writer, columns, &table.rows)?;
        }
        Ok(())
    }

    /// Writes rows of the table at `index`.
    pub(crate) fn append_to(&mut self, index: usize, rows: &[Vec<String>]) -> Result<(), Error> {
        if let Some((writer, columns)) = self.files.get_mut(index) {
            append(writer, columns, rows)?;
        }
        Ok(())
    }

    /// Commits every file; returns their paths.
    pub(crate) fn finish(self) -> Result<Vec<PathBuf>, Error> {
        let mut written = Vec::new();
        for (writer, _) in self.files {
            let file = writer.into_inner().map_err(|e| {
                let source = std::io::Error::new(e.error().kind(), e.error().to_string());
                Error::Write {
                    path: e.into_inner().get_ref().path().to_path_buf(),
                    source,
                }
            })?;
            written.push(file.commit()?);
        }
        Ok(written)
    }
}

fn append(
    writer: &mut csv::Writer<AtomicFile>,
    columns: &[Column],
    rows: &[Vec<String>],
) -> Result<(), Error> {
    for row in rows {
        let fields = columns
            .iter()
            .zip(row)
            .map(|(c, raw)| Field(csv_field(c.kind, raw)));
        writer
            .write_record(fields)
            .map_err(|e| csv_error(writer, e))?;
    }
    Ok(())
}

/// A field as the `csv` crate takes it (bytes), borrowed when unchanged.
struct Field<'a>(std::borrow::Cow<'a, str>);

impl AsRef<[u8]> for Field<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

fn csv_error(writer: &csv::Writer<AtomicFile>, e: csv::Error) -> Error {
    Error::Write {
        path: writer.get_ref().path().to_path_buf(),
        source: e.into(),
    }
}
