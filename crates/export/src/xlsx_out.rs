//! XLSX: one workbook, a sheet per table, written row by row in
//! rust_xlsxwriter's constant-memory mode (each sheet's rows go to a
//! temporary file as they are written, strings inline), so memory does not
//! grow with the archive.
//!
//! Cells are typed by their column ([`ColumnType`]): numbers are numbers,
//! dates are Excel dates formatted `yyyy-mm-dd`, times are Excel times
//! formatted `hh:mm`, booleans are booleans, and text is text. A typed
//! column's value that does not parse as its type is written as text, so
//! nothing is lost. Text is written with `write_string`, which never makes
//! a formula; text that would look like a formula when typed into Excel
//! (`=`, `+`, `-`, `@` first) also carries Excel's quote prefix, so that
//! editing the cell keeps it text. The document properties carry a fixed
//! creation date, so the same documents give a byte-identical workbook.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::atomic::AtomicFile;
use crate::schema::{Column, ColumnType, Typed, looks_like_formula};
use crate::{Error, Table};

/// Excel's limit on a cell's text, in UTF-16 code units.
pub(crate) const XLSX_MAX_CELL: usize = 32_767;
/// Column width cap, in characters.
const XLSX_MAX_WIDTH: usize = 60;
/// Excel's last row (1,048,576 rows, 0-based).
const XLSX_LAST_ROW: u32 = 1_048_575;

/// The workbook being written, a sheet per table.
pub(crate) struct XlsxSink {
    workbook: Workbook,
    sheets: Vec<Sheet>,
    formats: Formats,
    file: AtomicFile,
}

/// Where a sheet stands.
struct Sheet {
    name: &'static str,
    columns: &'static [Column],
    /// Rows written, header included.
    rows: u32,
    /// Widest line per column so far, in characters. Constant-memory mode
    /// cannot look back at the rows written, so the widths are kept as the
    /// rows pass (one number per column) and set before saving;
    /// rust_xlsxwriter writes a sheet's `<cols>` at save time, in this mode
    /// too.
    widths: Vec<usize>,
}

struct Formats {
    header: Format,
    date: Format,
    time: Format,
    quoted: Format,
}

impl XlsxSink {
    /// Starts the workbook at `path` with a sheet per table.
    pub(crate) fn create(
        path: &Path,
        tables: &[(&'static str, &'static [Column])],
    ) -> Result<Self, Error> {
        let file = AtomicFile::create(path)?;
        let xlsx_err = |e: XlsxError| xlsx_error(path, e);
        let mut workbook = Workbook::new();
        // The sheets' row files go beside the workbook (the system temp
        // folder may be a RAM disk); they are unnamed and vanish with us.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            workbook.set_tempdir(dir).map_err(xlsx_err)?;
        }
        // A fixed creation date: otherwise every run stamps "now" into
        // docProps/core.xml and no two workbooks are alike.
        let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_err)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        let formats = Formats {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("hh:mm"),
            quoted: Format::new().set_quote_prefix(),
        };
        let mut sheets = Vec::new();
        for (name, columns) in tables {
            let sheet = workbook
                .add_worksheet_with_constant_memory()
                .map_err(xlsx_err)?;
            sheet.set_name(*name).map_err(xlsx_err)?;
            for (col, c) in columns.iter().enumerate() {
                sheet
                    .write_string_with_format(0, col as u16, c.name, &formats.header)
                    .map_err(xlsx_err)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
            sheets.push(Sheet {
                name,
                columns,
                rows: 1,
                widths: columns.iter().map(|c| c.name.chars().count()).collect(),
            });
        }
        Ok(XlsxSink {
            workbook,
            sheets,
            formats,
            file,
        })
    }

    /// Writes the rows of `tables`, the tables in the order of creation.
    pub(crate) fn append(&mut self, tables: &[Table]) -> Result<(), Error> {
        for (index, table) in tables.iter().enumerate() {
            self.append_to(index, &table.rows)?;
        }
        Ok(())
    }

    /// Writes rows of the sheet at `index`.
    pub(crate) fn append_to(&mut self, index: usize, rows: &[Vec<String>]) -> Result<(), Error> {
        let path = self.file.path().to_path_buf();
        let xlsx_err = |e: XlsxError| xlsx_error(&path, e);
        let Some(sheet) = self.sheets.get_mut(index) else {
            return Ok(());
        };
        let worksheet = self
            .workbook
            .worksheet_from_index(index)
            .map_err(xlsx_err)?;
        for row in rows {
            if sheet.rows > XLSX_LAST_ROW {
                return Err(Error::Xlsx {
                    path: path.clone(),
                    message: format!(
                        "table {} has more rows than an Excel sheet holds (1,048,576)",
                        sheet.name
                    ),
                });
            }
            for (col, (column, raw)) in sheet.columns.iter().zip(row).enumerate() {
                let width = write_cell(
                    worksheet,
                    &self.formats,
                    sheet.rows,
                    col as u16,
                    column.kind,
                    raw,
                )
                .map_err(xlsx_err)?;
                if let Some(w) = sheet.widths.get_mut(col) {
                    *w = (*w).max(width.min(XLSX_MAX_WIDTH));
                }
            }
            sheet.rows += 1;
        }
        Ok(())
    }

    /// Sets the column widths and the autofilter, saves and commits the
    /// workbook.
    pub(crate) fn finish(mut self) -> Result<PathBuf, Error> {
        let path = self.file.path().to_path_buf();
        let xlsx_err = |e: XlsxError| xlsx_error(&path, e);
        for (index, sheet) in self.sheets.iter().enumerate() {
            let worksheet = self
                .workbook
                .worksheet_from_index(index)
                .map_err(xlsx_err)?;
            for (col, width) in sheet.widths.iter().enumerate() {
                worksheet
                    .set_column_width(col as u16, (*width + 2) as f64)
                    .map_err(xlsx_err)?;
            }
            let last_col = sheet.columns.len().saturating_sub(1) as u16;
            worksheet
                .autofilter(0, 0, sheet.rows.saturating_sub(1), last_col)
                .map_err(xlsx_err)?;
        }
        self.workbook
            .save_to_writer(&mut self.file)
            .map_err(xlsx_err)?;
        self.file.commit()
    }
}

/// Writes one cell as its column's type; returns its width in characters.
fn write_cell(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: u32,
    col: u16,
    kind: ColumnType,
    raw: &str,
) -> Result<usize, XlsxError> {
    match kind.read(raw) {
        Typed::Empty => Ok(0),
        Typed::Number(n) => {
            sheet.write_number(row, col, n)?;
            Ok(raw.len())
        }
        Typed::Bool(b) => {
            sheet.write_boolean(row, col, b)?;
            Ok(5)
        }
        Typed::Date { year, month, day } => {
            let date = ExcelDateTime::from_ymd(year, month, day)?;
            sheet.write_datetime_with_format(row, col, &date, &formats.date)?;
            Ok(10)
        }
        Typed::Time { hour, minute } => {
            let time = ExcelDateTime::from_hms(u16::from(hour), minute, 0)?;
            sheet.write_datetime_with_format(row, col, &time, &formats.time)?;
            Ok(5)
        }
        Typed::Text(text) => {
            let fitted = fit_cell(text);
            if looks_like_formula(text) {
                sheet.write_string_with_format(row, col, fitted.as_ref(), &formats.quoted)?;
            } else {
                sheet.write_string(row, col, fitted.as_ref())?;
            }
            Ok(text.lines().map(|l| l.chars().count()).max().unwrap_or(0))
        }
    }
}

fn xlsx_error(path: &Path, e: XlsxError) -> Error {
    Error::Xlsx {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Cuts text to Excel's cell limit, at a character boundary, ending it with
/// "…".
pub(crate) fn fit_cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.len() <= XLSX_MAX_CELL {
        // UTF-16 units never exceed UTF-8 bytes.
        return value.into();
    }
    let mut units = 0;
    let mut cut = String::new();
    for c in value.chars() {
        units += c.len_utf16();
        if units > XLSX_MAX_CELL - 1 {
            break;
        }
        cut.push(c);
    }
    if cut.len() == value.len() {
        return value.into();
    }
    cut.push('…');
    cut.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut() {
        let long = "å".repeat(40_000);
        let cut = fit_cell(&long);
        assert_eq!(cut.chars().count(), XLSX_MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(fit_cell("kort"), "kort");
    }
}
