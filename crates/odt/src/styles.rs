//! Styles (`style:style`, `style:default-style`) and list styles
//! (`text:list-style`) from `styles.xml` and the automatic styles of
//! `content.xml`, resolved along `style:parent-style-name`.

use crate::tree::{Elem, Ns};
use minutes_model::Style;
use std::collections::HashMap;

/// What one style says about text; `None` is "inherit".
#[derive(Debug, Clone, Default)]
struct TextProps {
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
    strike: Option<bool>,
    superscript: Option<bool>,
    subscript: Option<bool>,
    hidden: Option<bool>,
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    parent: Option<String>,
    display_name: Option<String>,
    text: TextProps,
    page_break_before: bool,
    /// A paragraph style's own list style.
    list_style: Option<String>,
    /// `style:default-outline-level`: a heading style.
    outline_level: Option<u8>,
}

/// How one level of a list style labels its items.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListLevel {
    /// A bullet list level (else numbered).
    pub bullet: Option<String>,
    /// `style:num-format` ("1", "a", "A", "i", "I", "" for none).
    pub format: String,
    pub prefix: String,
    pub suffix: String,
    /// `text:display-levels`: how many levels the label shows.
    pub display_levels: u8,
    pub start: u32,
}

/// Styles by family and name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    paragraph: HashMap<String, StyleDef>,
    text: HashMap<String, StyleDef>,
    default_paragraph: TextProps,
    lists: HashMap<String, Vec<ListLevel>>,
}

/// parent-style-name chains longer than this are cut.
const MAX_CHAIN: usize = 32;

fn on_off(v: Option<&str>, on: impl Fn(&str) -> bool) -> Option<bool> {
    v.map(|v| on(v.trim()))
}

fn text_props(e: &Elem) -> TextProps {
    let Some(tp) = e.child(Ns::Style, "text-properties") else {
        return TextProps::default();
    };
    let weight = on_off(tp.attr(Ns::Fo, "font-weight"), |v| {
        v == "bold" || v.parse::<u32>().is_ok_and(|n| n >= 600)
    });
    let italic = on_off(tp.attr(Ns::Fo, "font-style"), |v| {
        v == "italic" || v == "oblique"
    });
    let not_none = |v: &str| !v.is_empty() && v != "none";
    let strike = on_off(tp.attr(Ns::Style, "text-line-through-style"), not_none)
        .or_else(|| on_off(tp.attr(Ns::Style, "text-line-through-type"), not_none));
    let underline = on_off(tp.attr(Ns::Style, "text-underline-style"), not_none);
    let position = tp.attr(Ns::Style, "text-position").map(str::trim);
    let (superscript, subscript) = match position {
        Some(p) => {
            let first = p.split_whitespace().next().unwrap_or("");
            let sup = first == "super"
                || (first.ends_with('%') && !first.starts_with('-') && first != "0%");
            let sub = first == "sub" || first.starts_with('-');
            (Some(sup), Some(sub))
        }
        None => (None, None),
    };
    let hidden = on_off(tp.attr(Ns::Text, "display"), |v| v == "none");
    TextProps {
        bold: weight,
        italic,
        underline,
        strike,
        superscript,
        subscript,
        hidden,
    }
}

fn list_levels(e: &Elem) -> Vec<ListLevel> {
    let mut levels: Vec<ListLevel> = Vec::new();
    for l in e.elems() {
        let level = l
            .attr(Ns::Text, "level")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, 10);
        let def = if l.is(Ns::Text, "list-level-style-bullet") {
            ListLevel {
                bullet: Some(l.attr(Ns::Text, "bullet-char").unwrap_or("•").to_string()),
                ..ListLevel::default()
            }
        } else if l.is(Ns::Text, "list-level-style-number") {
            ListLevel {
                bullet: None,
                format: l.attr(Ns::Style, "num-format").unwrap_or("").to_string(),
                prefix: l.attr(Ns::Style, "num-prefix").unwrap_or("").to_string(),
                suffix: l.attr(Ns::Style, "num-suffix").unwrap_or("").to_string(),
                display_levels: l
                    .attr(Ns::Text, "display-levels")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1),
                start: l
                    .attr(Ns::Text, "start-value")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1),
            }
        } else {
            continue;
        };
        if levels.len() < level {
            levels.resize(level, ListLevel::default());
        }
        if let Some(slot) = levels.get_mut(level - 1) {
            *slot = def;
        }
    }
    levels
}

impl Styles {
    /// Add the styles of a `office:styles` or `office:automatic-styles`
    /// element.
    pub fn add(&mut self, container: &Elem) {
        for e in container.elems() {
            if e.is(Ns::Style, "style") {
                let Some(name) = e.attr(Ns::Style, "name") else {
                    continue;
                };
                let def = StyleDef {
                    parent: e.attr(Ns::Style, "parent-style-name").map(str::to_string),
                    display_name: e.attr(Ns::Style, "display-name").map(str::to_string),
                    text: text_props(e),
                    page_break_before: e
                        .child(Ns::Style, "paragraph-properties")
                        .and_then(|p| p.attr(Ns::Fo, "break-before"))
                        == Some("page"),
                    list_style: e.attr(Ns::Style, "list-style-name").map(str::to_string),
                    outline_level: e
                        .attr(Ns::Style, "default-outline-level")
                        .and_then(|v| v.trim().parse().ok()),
                };
                match e.attr(Ns::Style, "family") {
                    Some("paragraph") => {
                        self.paragraph.insert(name.to_string(), def);
                    }
                    Some("text") => {
                        self.text.insert(name.to_string(), def);
                    }
                    _ => {}
                }
            } else if e.is(Ns::Style, "default-style")
                && e.attr(Ns::Style, "family") == Some("paragraph")
            {
                self.default_paragraph = text_props(e);
            } else if e.is(Ns::Text, "list-style")
                && let Some(name) = e.attr(Ns::Style, "name")
            {
                self.lists.insert(name.to_string(), list_levels(e));
            }
        }
    }

    fn chain<'a>(map: &'a HashMap<String, StyleDef>, name: Option<&str>) -> Vec<&'a StyleDef> {
        let mut out = Vec::new();
        let mut next = name;
        while let Some(n) = next {
            if out.len() >= MAX_CHAIN {
                break;
            }
            let Some(s) = map.get(n) else { break };
            out.push(s);
            next = s.parent.as_deref();
        }
        out
    }

    /// The style of text in a paragraph of style `para` inside spans of
    /// styles `spans` (outermost first), and whether it is hidden.
    pub fn text_style(&self, para: Option<&str>, spans: &[&str]) -> (Style, bool) {
        let mut chains: Vec<Vec<&StyleDef>> = Vec::with_capacity(spans.len() + 1);
        for s in spans.iter().rev() {
            chains.push(Self::chain(&self.text, Some(s)));
        }
        chains.push(Self::chain(&self.paragraph, para));
        let get = |f: fn(&TextProps) -> Option<bool>| {
            chains
                .iter()
                .flat_map(|c| c.iter())
                .find_map(|s| f(&s.text))
                .or_else(|| f(&self.default_paragraph))
                .unwrap_or(false)
        };
        let mut st = Style::NONE;
        st.set(Style::BOLD, get(|t| t.bold));
        st.set(Style::ITALIC, get(|t| t.italic));
        st.set(Style::UNDERLINE, get(|t| t.underline));
        st.set(Style::STRIKE, get(|t| t.strike));
        st.set(Style::SUPERSCRIPT, get(|t| t.superscript));
        st.set(Style::SUBSCRIPT, get(|t| t.subscript));
        (st, get(|t| t.hidden))
    }

    /// A paragraph style starts a new page.
    pub fn page_break_before(&self, para: Option<&str>) -> bool {
        Self::chain(&self.paragraph, para)
            .first()
            .is_some_and(|s| s.page_break_before)
    }

    /// The paragraph style is (based on) the Title style.
    pub fn is_title(&self, para: Option<&str>) -> bool {
        let mut names = Vec::new();
        let mut next = para;
        for s in Self::chain(&self.paragraph, para) {
            names.push(next.unwrap_or(""));
            names.push(s.display_name.as_deref().unwrap_or(""));
            next = s.parent.as_deref();
        }
        names.contains(&"Title")
    }

    /// The heading level of a paragraph style: its (inherited) default
    /// outline level, else a name "Heading N" / "Rubrik N" (as the .docx
    /// reader names heading styles).
    pub fn heading_level(&self, para: Option<&str>) -> Option<u8> {
        let mut next = para;
        for s in Self::chain(&self.paragraph, para) {
            if let Some(l) = s.outline_level.filter(|l| (1..=9).contains(l)) {
                return Some(l);
            }
            for name in [next.unwrap_or(""), s.display_name.as_deref().unwrap_or("")] {
                let name = name.replace("_20_", " ").to_lowercase();
                let level = name
                    .strip_prefix("heading ")
                    .or_else(|| name.strip_prefix("rubrik "))
                    .and_then(|n| n.trim().parse::<u8>().ok())
                    .filter(|l| (1..=9).contains(l));
                if level.is_some() {
                    return level;
                }
            }
            next = s.parent.as_deref();
        }
        None
    }

    /// The list style a paragraph style carries.
    pub fn paragraph_list_style(&self, para: Option<&str>) -> Option<&str> {
        Self::chain(&self.paragraph, para)
            .iter()
            .find_map(|s| s.list_style.as_deref())
    }

    pub fn list(&self, name: &str) -> Option<&[ListLevel]> {
        self.lists.get(name).map(Vec::as_slice)
    }
}
