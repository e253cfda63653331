//! The tables' columns and their types, defined once.
//!
//! Every column has one [`ColumnType`], declared here beside its name, and a
//! column name means the same type in every table (`page` is a number in
//! `items`, `decisions`, `actions` and `deferrals` alike; a test holds this).
//! The writers decide from the column, never by guessing from a cell's text:
//! a `date` column's `"2026-03-19"` becomes an Excel date, an `item_number`
//! column's `"12"` stays text, as item numbers like `"2a"` must.

use std::borrow::Cow;

/// What a column holds, and so how a cell of it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    /// Free text.
    Text,
    /// A list joined with [`LIST_SEPARATOR`] (assignees, topics, warnings).
    List,
    /// A whole number (counts, positions, pages, bytes).
    Integer,
    /// A calendar date, ISO 8601 `YYYY-MM-DD` in the JSON.
    Date,
    /// A time of day, `HH:MM` in the JSON.
    Time,
    /// `true` or `false`.
    Boolean,
}

/// Joins the elements of a list cell: not `"; "`, which is the field
/// separator of CSV in a Swedish locale, nor `", "`, which names contain.
pub const LIST_SEPARATOR: &str = " | ";

/// A column: its header and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header.
    pub name: &'static str,
    /// What its cells hold.
    pub kind: ColumnType,
}

const fn col(name: &'static str, kind: ColumnType) -> Column {
    Column { name, kind }
}

use ColumnType::{Boolean, Date, Integer, List, Text, Time};

/// Columns of `meetings`.
pub const MEETINGS: &[Column] = &[
    col("document", Text),
    col("format", Text),
    col("sha256", Text),
    col("bytes", Integer),
    col("pages", Integer),
    col("organization", Text),
    col("department", Text),
    col("body", Text),
    col("document_type", Text),
    col("date", Date),
    col("document_date", Date),
    col("start_time", Time),
    col("end_time", Time),
    col("location", Text),
    col("participants", Integer),
    col("items", Integer),
    col("decisions", Integer),
    col("actions", Integer),
    col("deferrals", Integer),
    col("next_meetings", Integer),
    col("warnings", List),
];

/// Columns of `participants`.
pub const PARTICIPANTS: &[Column] = &[
    col("document", Text),
    col("index", Integer),
    col("name", Text),
    col("role", Text),
    col("title", Text),
    col("affiliation", Text),
    col("group", Text),
    col("attendance", Text),
    col("remote", Boolean),
    col("note", Text),
];

/// Columns of `items`.
pub const ITEMS: &[Column] = &[
    col("document", Text),
    col("item_index", Integer),
    col("item_id", Text),
    col("item_number", Text),
    col("title", Text),
    col("parent", Text),
    col("time_start", Time),
    col("time_end", Time),
    col("text", Text),
    col("attachments", List),
    col("attachment_links", List),
    col("responsible", Text),
    col("decisions", Integer),
    col("actions", Integer),
    col("deferrals", Integer),
    col("page", Integer),
    col("line", Integer),
];

/// Columns of `decisions`.
pub const DECISIONS: &[Column] = &[
    col("document", Text),
    col("item_index", Integer),
    col("item_id", Text),
    col("item_number", Text),
    col("index", Integer),
    col("text", Text),
    col("rule", Text),
    col("page", Integer),
    col("line", Integer),
];

/// Columns of `actions`.
pub const ACTIONS: &[Column] = &[
    col("document", Text),
    col("item_index", Integer),
    col("item_id", Text),
    col("item_number", Text),
    col("index", Integer),
    col("text", Text),
    col("assignees", List),
    col("due", Date),
    col("rule", Text),
    col("page", Integer),
    col("line", Integer),
];

/// Columns of `deferrals`.
pub const DEFERRALS: &[Column] = &[
    col("document", Text),
    col("item_index", Integer),
    col("item_id", Text),
    col("item_number", Text),
    col("index", Integer),
    col("text", Text),
    col("target_date", Date),
    col("reason", Text),
    col("type", Text),
    col("rule", Text),
    col("page", Integer),
    col("line", Integer),
];

/// Columns of `next_meetings`.
pub const NEXT_MEETINGS: &[Column] = &[
    col("document", Text),
    col("index", Integer),
    col("date", Date),
    col("topics", List),
    col("note", Text),
];

/// Columns of `links` (from `tracking.json`).
pub const LINKS: &[Column] = &[
    col("document", Text),
    col("item", Text),
    col("kind", Text),
    col("text", Text),
    col("assignees", List),
    col("to_document", Text),
    col("to_item", Text),
    col("outcome", Text),
    col("evidence", Text),
];

/// Every table's name and columns, in output order.
pub const ALL: &[(&str, &[Column])] = &[
    ("meetings", MEETINGS),
    ("participants", PARTICIPANTS),
    ("items", ITEMS),
    ("decisions", DECISIONS),
    ("actions", ACTIONS),
    ("deferrals", DEFERRALS),
    ("next_meetings", NEXT_MEETINGS),
    ("links", LINKS),
];

/// A cell's text read as its column's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Typed<'a> {
    /// No value.
    Empty,
    /// Text (also what a typed column's cell is when its text does not parse
    /// as the type, so nothing is lost).
    Text(&'a str),
    /// A number.
    Number(f64),
    /// A date.
    Date { year: u16, month: u8, day: u8 },
    /// A time of day.
    Time { hour: u8, minute: u8 },
    /// A boolean.
    Bool(bool),
}

impl ColumnType {
    /// Reads a cell's text as this type; text that does not parse as the type
    /// stays text.
    pub(crate) fn read(self, raw: &str) -> Typed<'_> {
        if raw.is_empty() {
            return Typed::Empty;
        }
        let typed = match self {
            Text | List => None,
            // Whole numbers up to 2^53 are exact as Excel's f64.
            Integer => raw
                .parse::<i64>()
                .ok()
                .filter(|n| n.unsigned_abs() <= 1 << 53)
                .map(|n| Typed::Number(n as f64)),
            Date => parse_date(raw),
            Time => parse_time(raw),
            Boolean => match raw {
                "true" => Some(Typed::Bool(true)),
                "false" => Some(Typed::Bool(false)),
                _ => None,
            },
        };
        typed.unwrap_or(Typed::Text(raw))
    }
}

/// `YYYY-MM-DD` with a day that exists (Excel's dates start in 1900).
fn parse_date(raw: &str) -> Option<Typed<'_>> {
    let mut parts = raw.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (digits(y)?, digits(m)?, digits(d)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Typed::Date {
        year,
        month,
        day,
    })
}

/// `HH:MM`, 00:00 to 23:59.
fn parse_time(raw: &str) -> Option<Typed<'_>> {
    let (h, m) = raw.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (hour, minute): (u8, u8) = (digits(h)?, digits(m)?);
    (hour < 24 && minute < 60).then_some(Typed::Time { hour, minute })
}

/// ASCII digits only (`parse` would take a sign).
fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Whether a spreadsheet could take this text for a formula: it begins with
/// `=`, `+`, `-` or `@`, or with a tab or carriage return (OWASP, "CSV
/// Injection").
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV field for a cell: text that looks like a formula gets a leading `'`
/// so that a spreadsheet shows it as text instead of evaluating it. Values
/// of a typed column that parse as their type (a negative number) are left
/// alone; only text is neutralised.
pub(crate) fn csv_field(kind: ColumnType, raw: &str) -> Cow<'_, str> {
    match kind.read(raw) {
        Typed::Text(text) if looks_like_formula(text) => format!("'{text}").into(),
        _ => raw.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_column_name_has_one_type_in_every_table() {
        let mut seen: HashMap<&str, (ColumnType, &str)> = HashMap::new();
        for (table, columns) in ALL {
            for c in *columns {
                let (kind, first) = *seen.entry(c.name).or_insert((c.kind, table));
                assert_eq!(
                    kind, c.kind,
                    "{}: {table} and {first} disagree on its type",
                    c.name
                );
            }
        }
    }

    #[test]
    fn cells_read_as_their_column_type() {
        assert_eq!(
            Date.read("2026-02-29"),
            Typed::Text("2026-02-29"),
            "no such day"
        );
        assert_eq!(
            Date.read("2028-02-29"),
            Typed::Date {
                year: 2028,
                month: 2,
                day: 29
            }
        );
        assert_eq!(Date.read("2026-3-1"), Typed::Text("2026-3-1"));
        assert_eq!(
            Time.read("13:05"),
            Typed::Time {
                hour: 13,
                minute: 5
            }
        );
        assert_eq!(Time.read("24:00"), Typed::Text("24:00"));
        assert_eq!(Integer.read("48213"), Typed::Number(48213.0));
        assert_eq!(Integer.read("+1"), Typed::Number(1.0));
        assert_eq!(Integer.read("12a"), Typed::Text("12a"));
        assert_eq!(Boolean.read("false"), Typed::Bool(false));
        assert_eq!(Text.read("12"), Typed::Text("12"));
        assert_eq!(Text.read(""), Typed::Empty);
    }

    #[test]
    fn formula_looking_text_is_neutralised() {
        assert_eq!(csv_field(Text, "=SUM(1)"), "'=SUM(1)");
        assert_eq!(csv_field(List, "@A1 | b"), "'@A1 | b");
        assert_eq!(csv_field(Text, "- punkt"), "'- punkt");
        assert_eq!(csv_field(Text, "\tx"), "'\tx");
        assert_eq!(csv_field(Text, "a=b"), "a=b");
        // A number in a number column is a number, not a formula.
        assert_eq!(csv_field(Integer, "-3"), "-3");
        assert_eq!(csv_field(Integer, "-3+1"), "'-3+1");
        assert_eq!(csv_field(Date, "=1+1"), "'=1+1");
    }
}
