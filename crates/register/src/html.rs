//! `minutes report OUT --html DIR`: the archive as a static, offline HTML
//! report. One folder: `index.html` (a search box over the full text and the
//! list of series), a page per series under `series/` (a timeline of
//! meetings, open matters, deferrals that never came back, the deferral
//! chains, decisions, actions by person) and a page per document under
//! `docs/`, an anchor per item, that every row links to. CSS and JavaScript
//! are inline, the search data a script file beside `index.html`; nothing is
//! fetched from anywhere else.

use crate::Error;
use crate::archive::Archive;
use crate::track::{self, Kind, Link, Meeting, Outcome};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// What a report run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportSummary {
    /// Series in the report.
    pub series: usize,
    /// Documents (one page each).
    pub documents: usize,
    /// Links followed.
    pub links: usize,
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2530;background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
main{padding:1rem 2rem;max-width:1200px}section.series{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:1rem 1.5rem;margin:1rem 0}
h2{margin-top:0}h3{margin-bottom:.3rem;font-size:1.05rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #e4e8ee;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#eef1f5}
.timeline{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}.timeline li{background:#eef3fa;border:1px solid #c9d6e8;border-radius:4px;padding:.2rem .5rem;font-size:.85rem}
.o-decided{color:#1a7f37}.o-deferred-again{color:#9a6700}.o-reported-done{color:#1a7f37;font-weight:600}.o-still-open{color:#cf222e}.o-not-in-series{color:#57606a}
#search{width:100%;max-width:40rem;padding:.4rem;font-size:1rem}#results li{margin:.3rem 0}.muted{color:#57606a;font-size:.85rem}
article.item{border-top:1px solid #e4e8ee;padding:.5rem 0}article.item:target{background:#fff8c5}pre{white-space:pre-wrap;font-family:inherit}
"#;

const SEARCH_JS: &str = r#"
(function(){
  var data = window.SEARCH_DATA || [];
  var box = document.getElementById('search'), out = document.getElementById('results'), count = document.getElementById('result-count');
  function fold(s){ return s.toLowerCase(); }
  function show(q){
    out.innerHTML = '';
    q = fold(q.trim());
    if (!q) { count.textContent = ''; return; }
    var words = q.split(/\s+/), n = 0;
    data.forEach(function(r){
      var hay = fold(r.t + ' ' + r.x);
      if (!words.every(function(w){ return hay.indexOf(w) >= 0; })) return;
      n++;
      if (n > 200) return;
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = r.h; a.textContent = r.d + ' ' + r.l + ' ' + r.t;
      li.appendChild(a);
      var i = fold(r.x).indexOf(words[0]), s = document.createElement('div');
      s.className = 'muted';
      s.textContent = i >= 0 ? r.x.substring(Math.max(0, i - 60), i + 100) : '';
      li.appendChild(s);
      out.appendChild(li);
    });
    count.textContent = n + (n === 1 ? ' hit' : ' hits');
  }
  box.addEventListener('input', function(){ show(box.value); });
  var m = /[#&]q=([^&]*)/.exec(location.hash);
  if (m) { box.value = decodeURIComponent(m[1]); show(box.value); }
})();
"#;

/// Writes the report of the archive in `out` into `dir`: `index.html`,
/// `search-data.js`, `series/K.html` and `docs/N.html`. Series are written
/// one at a time and the search data streams to its file, so memory holds one
/// series.
pub fn report(out: &Path, dir: &Path) -> Result<ReportSummary, Error> {
    let archive = Archive::open(out)?;
    for sub in ["docs", "series"] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(|source| Error::Write {
            path: d.clone(),
            source,
        })?;
    }
    let mut summary = ReportSummary::default();
    let search_path = dir.join("search-data.js");
    let werr = |source| Error::Write {
        path: search_path.clone(),
        source,
    };
    let mut search = std::io::BufWriter::new(std::fs::File::create(&search_path).map_err(werr)?);
    search
        .write_all(b"window.SEARCH_DATA = [\n")
        .map_err(werr)?;
    let index = track::series_index(&archive);
    // The longest series first: they are what a register is for.
    let mut order: Vec<_> = index.iter().collect();
    order.sort_by_key(|(name, members)| (std::cmp::Reverse(members.len()), name.as_str()));
    let mut nav = String::from(
        "<table id=\"series\"><tr><th>series</th><th>meetings</th><th>from</th><th>to</th><th>open</th><th>never came back</th><th>links</th></tr>",
    );
    for (k, (series, members)) in order.into_iter().enumerate() {
        let meetings = track::load_series(&archive, series, members);
        let links = track::follow_series(&meetings);
        // Page names from the position in the report: stable for one run's report.
        let page_of: BTreeMap<&str, String> = members
            .iter()
            .filter_map(|(_, k)| {
                archive
                    .entries
                    .get(*k)
                    .map(|e| (e.output.as_str(), format!("docs/{k}.html")))
            })
            .collect();
        let page = |output: &str| page_of.get(output).cloned().unwrap_or_default();
        for m in &meetings {
            let p = page(&m.output);
            write_file(&dir.join(&p), &document_page(m))?;
            for it in &m.doc.items {
                let mut x = it.text.clone();
                x.truncate(floor_char_boundary(&x, 2000));
                let row = serde_json::json!({
                    "d": m.file_name, "l": item_label(it.label()), "t": it.title, "x": x,
                    "h": format!("{p}#{}", anchor(&it.id)),
                });
                serde_json::to_writer(&mut search, &row)
                    .map_err(|e| werr(std::io::Error::other(e)))?;
                search.write_all(b",\n").map_err(werr)?;
            }
            summary.documents += 1;
        }
        summary.links += links.len();
        summary.series += 1;
        let from_series = |o: &str| format!("../{}", page(o));
        let section = series_section(k, series, &meetings, &links, &from_series);
        write_file(
            &dir.join(format!("series/{k}.html")),
            &format!(
                "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{0}</title><style>{STYLE}</style></head><body>\
                 <header><h1>{0}</h1><div><a style=\"color:#fff\" href=\"../index.html\">register</a></div></header><main>{section}</main></body></html>\n",
                esc(series)
            ),
        )?;
        let open = links
            .iter()
            .filter(|l| l.outcome == Outcome::StillOpen)
            .count();
        let never = links
            .iter()
            .filter(|l| l.from.kind == Kind::Deferral && l.to.is_none())
            .count();
        let dates: Vec<&str> = meetings.iter().filter_map(|m| m.date.as_deref()).collect();
        let _ = write!(
            nav,
            "<tr><td><a href=\"series/{k}.html\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{open}</td><td>{never}</td><td>{}</td></tr>",
            esc(series),
            meetings.len(),
            dates.first().copied().unwrap_or(""),
            dates.last().copied().unwrap_or(""),
            links.len()
        );
    }
    nav.push_str("</table>");
    search.write_all(b"];\n").map_err(werr)?;
    search.flush().map_err(werr)?;
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Minutes register</title>\
         <meta name=\"viewport\" content=\"width=device-width\"><style>{STYLE}</style></head><body>\
         <header><h1>Minutes register</h1><div id=\"totals\">{} series, {} meetings, {} followed deferrals and actions</div></header><main>\
         <section class=\"series\"><h2>Search</h2><input id=\"search\" type=\"search\" placeholder=\"Search item titles and texts\" aria-label=\"Search\">\
         <div id=\"result-count\" class=\"muted\"></div><ul id=\"results\"></ul></section>\
         <section class=\"series\"><h2>Series</h2>{nav}</section></main>\
         <script src=\"search-data.js\"></script><script>{SEARCH_JS}</script></body></html>\n",
        summary.series, summary.documents, summary.links,
    );
    write_file(&dir.join("index.html"), &html)?;
    Ok(summary)
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len()))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// An item id made safe as a fragment.
fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// "§ 26" for a number, the title as it is otherwise.
fn item_label(label: &str) -> String {
    if label.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("§ {label}")
    } else {
        label.to_string()
    }
}

fn outcome_cell(o: Outcome) -> String {
    format!("<td class=\"o-{0}\">{0}</td>", o.as_str())
}

/// A link to an item of a document page, with the page of the source when known.
fn item_link(href: &str, m: &Meeting, index: usize) -> String {
    let Some(it) = m.doc.items.get(index) else {
        return esc(&m.file_name);
    };
    let page = it
        .span
        .page
        .map(|p| format!(" <span class=\"muted\">p. {p}</span>"))
        .unwrap_or_default();
    format!(
        "<a href=\"{}#{}\">{} {}</a>{page}",
        esc(href),
        anchor(&it.id),
        esc(m.date.as_deref().unwrap_or(&m.file_name)),
        esc(&item_label(it.label()))
    )
}

fn series_section(
    k: usize,
    series: &str,
    meetings: &[Meeting],
    links: &[Link],
    page: &dyn Fn(&str) -> String,
) -> String {
    let by_output: BTreeMap<&str, &Meeting> =
        meetings.iter().map(|m| (m.output.as_str(), m)).collect();
    let from_cell = |l: &Link| {
        by_output
            .get(l.place.from_output.as_str())
            .map(|m| item_link(&page(&m.output), m, l.place.from_item))
            .unwrap_or_default()
    };
    let to_cell = |l: &Link| match (&l.place.to_output, l.place.to_item) {
        (Some(o), Some(i)) => by_output
            .get(o.as_str())
            .map(|m| item_link(&page(&m.output), m, i))
            .unwrap_or_default(),
        _ => "—".into(),
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"series\" id=\"series-{k}\" data-series=\"{0}\"><h2>{0}</h2>",
        esc(series)
    );
    // Timeline.
    s.push_str("<h3>Meetings</h3><ol class=\"timeline\">");
    for m in meetings {
        let decisions: usize = m.doc.items.iter().map(|i| i.decisions.len()).sum();
        let _ = write!(
            s,
            "<li><a href=\"{}\">{}</a> <span class=\"muted\">{} items, {} decisions</span></li>",
            esc(&page(&m.output)),
            esc(m.date.as_deref().unwrap_or("undated")),
            m.doc.items.len(),
            decisions
        );
    }
    s.push_str("</ol>");
    // Open matters and deferrals that never came back.
    let table = |title: &str, class: &str, rows: Vec<&Link>, with_to: bool| {
        let mut t = format!("<h3>{} ({})</h3>", esc(title), rows.len());
        if rows.is_empty() {
            return t;
        }
        let _ = write!(
            t,
            "<table class=\"{class}\"><tr><th>from</th><th>kind</th><th>text</th>{}<th>outcome</th><th>evidence</th></tr>",
            if with_to { "<th>to</th>" } else { "" }
        );
        for l in rows {
            let _ = write!(
                t,
                "<tr><td>{}</td><td>{}</td><td>{}</td>{}{}<td class=\"muted\">{}</td></tr>",
                from_cell(l),
                l.from.kind.as_str(),
                esc(&l.from.text),
                if with_to {
                    format!("<td>{}</td>", to_cell(l))
                } else {
                    String::new()
                },
                outcome_cell(l.outcome),
                esc(&l.evidence)
            );
        }
        t.push_str("</table>");
        t
    };
    s.push_str(&table(
        "Open matters",
        "open",
        links
            .iter()
            .filter(|l| l.outcome == Outcome::StillOpen)
            .collect(),
        true,
    ));
    s.push_str(&table(
        "Deferred and never came back",
        "never-returned",
        links
            .iter()
            .filter(|l| l.from.kind == Kind::Deferral && l.to.is_none())
            .collect(),
        false,
    ));
    s.push_str(&chains(links, &|o: &str, i: usize| {
        by_output
            .get(o)
            .map(|m| item_link(&page(&m.output), m, i))
            .unwrap_or_default()
    }));
    s.push_str(&table(
        "Deferrals and where they went",
        "deferral-chains",
        links
            .iter()
            .filter(|l| l.from.kind == Kind::Deferral)
            .collect(),
        true,
    ));
    // Decisions.
    let decisions: Vec<(usize, usize, &str)> = meetings
        .iter()
        .enumerate()
        .flat_map(|(mi, m)| {
            m.doc.items.iter().enumerate().flat_map(move |(ii, it)| {
                it.decisions.iter().map(move |d| (mi, ii, d.text.as_str()))
            })
        })
        .collect();
    let _ = write!(s, "<h3>Decisions ({})</h3>", decisions.len());
    if !decisions.is_empty() {
        s.push_str("<table class=\"decisions\"><tr><th>where</th><th>decision</th></tr>");
        for (mi, ii, text) in decisions {
            if let Some(m) = meetings.get(mi) {
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    item_link(&page(&m.output), m, ii),
                    esc(text)
                );
            }
        }
        s.push_str("</table>");
    }
    // Actions by person.
    let mut by_person: BTreeMap<&str, Vec<&Link>> = BTreeMap::new();
    for l in links.iter().filter(|l| l.from.kind == Kind::Action) {
        for who in &l.from.assignees {
            by_person.entry(who.as_str()).or_default().push(l);
        }
    }
    let _ = write!(s, "<h3>Actions by person ({})</h3>", by_person.len());
    for (who, rows) in by_person {
        let _ = write!(s, "<h4 class=\"person\">{} ({})</h4>", esc(who), rows.len());
        s.push_str(
            "<table class=\"actions\"><tr><th>from</th><th>task</th><th>to</th><th>fate</th></tr>",
        );
        for l in rows {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td>{}</tr>",
                from_cell(l),
                esc(&l.from.text),
                to_cell(l),
                outcome_cell(l.outcome)
            );
        }
        s.push_str("</table>");
    }
    s.push_str("</section>");
    s
}

/// The deferral chains of a series: from the item first put off, each later
/// meeting it came back to, to where it ended.
fn chains(links: &[Link], cell: &dyn Fn(&str, usize) -> String) -> String {
    let deferrals: Vec<&Link> = links
        .iter()
        .filter(|l| l.from.kind == Kind::Deferral)
        .collect();
    let key = |o: &str, i: usize| (o.to_string(), i);
    let mut next: BTreeMap<(String, usize), &Link> = BTreeMap::new();
    for l in &deferrals {
        next.entry(key(&l.place.from_output, l.place.from_item))
            .or_insert(l);
    }
    let targets: std::collections::BTreeSet<(String, usize)> = deferrals
        .iter()
        .filter_map(|l| Some(key(l.place.to_output.as_deref()?, l.place.to_item?)))
        .collect();
    let mut rows = String::new();
    let mut n = 0;
    for (start, first) in &next {
        if targets.contains(start) || first.to.is_none() {
            continue;
        }
        let mut steps = vec![cell(&start.0, start.1)];
        let mut last = *first;
        // A chain is at most as long as the series has links (and never loops).
        for _ in 0..deferrals.len() {
            let (Some(o), Some(i)) = (last.place.to_output.as_deref(), last.place.to_item) else {
                break;
            };
            steps.push(cell(o, i));
            match next.get(&key(o, i)) {
                Some(l) if l.to.is_some() || l.outcome != Outcome::NotInSeries => last = l,
                Some(l) => {
                    last = l;
                    break;
                }
                None => break,
            }
        }
        n += 1;
        let _ = write!(
            rows,
            "<tr class=\"chain\"><td>{}</td><td>{}</td>{}</tr>",
            steps.join(" → "),
            steps.len() - 1,
            outcome_cell(last.outcome)
        );
    }
    if n == 0 {
        return "<h3>Deferral chains (0)</h3>".into();
    }
    format!(
        "<h3>Deferral chains ({n})</h3><table class=\"chains\"><tr><th>chain</th><th>came back</th><th>ended</th></tr>{rows}</table>"
    )
}

fn document_page(m: &Meeting) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{0}</title><style>{STYLE}</style></head><body>\
         <header><h1>{0}</h1><div>{1} · {2} · <a style=\"color:#fff\" href=\"../index.html\">register</a></div></header><main>",
        esc(&m.file_name),
        esc(m.doc.meeting.body.as_deref().unwrap_or(&m.series)),
        esc(m.date.as_deref().unwrap_or("undated")),
    );
    let _ = write!(
        s,
        "<p class=\"muted\">source: {}</p>",
        esc(&m.doc.source.path)
    );
    for it in &m.doc.items {
        let page = it
            .span
            .page
            .map(|p| format!(" <span class=\"muted\">p. {p}</span>"))
            .unwrap_or_default();
        let _ = write!(
            s,
            "<article class=\"item\" id=\"{}\"><h3>{} {}{page}</h3><pre>{}</pre>",
            anchor(&it.id),
            esc(&item_label(it.label())),
            esc(&it.title),
            esc(&it.text)
        );
        for (what, xs) in [
            ("Decision", &it.decisions),
            ("Action", &it.actions),
            ("Deferral", &it.deferrals),
        ] {
            for x in xs.iter() {
                let _ = write!(s, "<p><b>{what}:</b> {}</p>", esc(&x.text));
            }
        }
        s.push_str("</article>");
    }
    s.push_str("</main></body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn anchors_and_labels() {
        assert_eq!(anchor("item-3"), "item-3");
        assert_eq!(anchor("a b\"c"), "a_b_c");
        assert_eq!(item_label("26"), "§ 26");
        assert_eq!(item_label("Logotyp"), "Logotyp");
    }
}
