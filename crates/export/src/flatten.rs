//! One document's JSON into rows of the seven tables, and `tracking.json`
//! into the `links` table. Cells are the values' text; the writers type them
//! by column (see [`crate::schema`]).

use serde_json::Value;

use crate::Table;
use crate::schema::{self, LIST_SEPARATOR};

/// The seven document tables with their columns and no rows, in output
/// order.
pub(crate) fn empty_tables() -> Vec<Table> {
    schema::ALL
        .iter()
        .filter(|(name, _)| *name != "links")
        .map(|(name, columns)| Table {
            name,
            columns,
            rows: Vec::new(),
        })
        .collect()
}

/// The rows of the `links` table from the JSON `minutes track` writes.
pub(crate) fn links_rows(tracking: &Value) -> Vec<Vec<String>> {
    array(&tracking["links"])
        .iter()
        .map(|l| {
            let (from, to) = (&l["from"], &l["to"]);
            vec![
                cell(&from["document"]),
                cell(&from["item"]),
                cell(&from["kind"]),
                cell(&from["text"]),
                cell(&from["assignees"]),
                cell(&to["document"]),
                cell(&to["item"]),
                cell(&l["outcome"]),
                cell(&l["evidence"]),
            ]
        })
        .collect()
}

/// Appends one document's rows to tables made by [`empty_tables`].
pub(crate) fn append_rows(tables: &mut [Table], key: &str, doc: &Value) {
    let [
        meetings,
        participants,
        items,
        decisions,
        actions,
        deferrals,
        next_meetings,
        ..,
    ] = tables
    else {
        return;
    };
    let (meetings, participants, items, decisions, actions, deferrals, next_meetings) = (
        &mut meetings.rows,
        &mut participants.rows,
        &mut items.rows,
        &mut decisions.rows,
        &mut actions.rows,
        &mut deferrals.rows,
        &mut next_meetings.rows,
    );
    let key = key.to_string();
    let source = &doc["source"];
    let meeting = &doc["meeting"];
    let doc_items = array(&doc["items"]);
    let count_in_items =
        |field: &str| -> usize { doc_items.iter().map(|i| array(&i[field]).len()).sum() };
    meetings.push(vec![
        key.clone(),
        cell(&source["format"]),
        cell(&source["sha256"]),
        cell(&source["bytes"]),
        cell(&source["pages"]),
        cell(&meeting["organization"]),
        cell(&meeting["department"]),
        cell(&meeting["body"]),
        cell(&meeting["document_type"]),
        cell(&meeting["date"]),
        cell(&meeting["document_date"]),
        cell(&meeting["start_time"]),
        cell(&meeting["end_time"]),
        cell(&meeting["location"]),
        array(&doc["participants"]).len().to_string(),
        doc_items.len().to_string(),
        count_in_items("decisions").to_string(),
        count_in_items("actions").to_string(),
        count_in_items("deferrals").to_string(),
        array(&doc["next_meetings"]).len().to_string(),
        join(array(&doc["warnings"]).iter().map(warning_text)),
    ]);

    for (i, p) in array(&doc["participants"]).iter().enumerate() {
        participants.push(vec![
            key.clone(),
            (i + 1).to_string(),
            cell(&p["name"]),
            cell(&p["role"]),
            cell(&p["title"]),
            cell(&p["affiliation"]),
            cell(&p["group"]),
            cell(&p["attendance"]),
            cell(&p["remote"]),
            cell(&p["note"]),
        ]);
    }

    for (i, item) in doc_items.iter().enumerate() {
        let id = cell(&item["id"]);
        let number = cell(&item["number"]);
        let attachments = array(&item["attachments"]);
        items.push(vec![
            key.clone(),
            (i + 1).to_string(),
            id.clone(),
            number.clone(),
            cell(&item["title"]),
            cell(&item["parent"]),
            cell(&item["time"]["start"]),
            cell(&item["time"]["end"]),
            cell(&item["text"]),
            join(attachments.iter().map(|a| cell(&a["name"]))),
            join(attachments.iter().map(|a| cell(&a["link"]))),
            cell(&item["responsible"]),
            array(&item["decisions"]).len().to_string(),
            array(&item["actions"]).len().to_string(),
            array(&item["deferrals"]).len().to_string(),
            cell(&item["span"]["page"]),
            cell(&item["span"]["line"]),
        ]);
        let lead = |j: usize| {
            vec![
                key.clone(),
                (i + 1).to_string(),
                id.clone(),
                number.clone(),
                (j + 1).to_string(),
            ]
        };
        for (j, d) in array(&item["decisions"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&d["text"]),
                cell(&d["rule"]),
                cell(&d["span"]["page"]),
                cell(&d["span"]["line"]),
            ]);
            decisions.push(row);
        }
        for (j, a) in array(&item["actions"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&a["text"]),
                cell(&a["assignees"]),
                cell(&a["due"]),
                cell(&a["rule"]),
                cell(&a["span"]["page"]),
                cell(&a["span"]["line"]),
            ]);
            actions.push(row);
        }
        for (j, d) in array(&item["deferrals"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&d["text"]),
                cell(&d["target_date"]),
                cell(&d["reason"]),
                cell(&d["type"]),
                cell(&d["rule"]),
                cell(&d["span"]["page"]),
                cell(&d["span"]["line"]),
            ]);
            deferrals.push(row);
        }
    }

    for (i, m) in array(&doc["next_meetings"]).iter().enumerate() {
        next_meetings.push(vec![
            key.clone(),
            (i + 1).to_string(),
            cell(&m["date"]),
            cell(&m["topics"]),
            cell(&m["note"]),
        ]);
    }
}

/// A document's key: `source.path`, else a top-level `document` string.
pub(crate) fn document_key(source: &Value, document: &Value) -> Option<String> {
    match (&source["path"], document) {
        (Value::String(s), _) | (_, Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The elements of an array; anything else (missing, null) is empty.
fn array(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        _ => &[],
    }
}

/// A value as a cell: null and missing are empty, strings as they are,
/// arrays joined with [`LIST_SEPARATOR`], objects as compact JSON (nothing
/// is lost).
pub(crate) fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => join(items.iter().map(cell)),
        Value::Object(_) => value.to_string(),
    }
}

/// A warning is a string or an object; an object's `message` is the readable
/// part.
pub(crate) fn warning_text(value: &Value) -> String {
    match &value["message"] {
        Value::String(message) => message.clone(),
        _ => cell(value),
    }
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells() {
        assert_eq!(cell(&Value::Null), "");
        assert_eq!(cell(&json!(["a", "b", null, 3])), "a | b | 3");
        assert_eq!(cell(&json!(false)), "false");
        assert_eq!(cell(&json!({"a": 1})), "{\"a\":1}");
        assert_eq!(
            warning_text(&json!({"level": "warning", "message": "m"})),
            "m"
        );
    }
}
