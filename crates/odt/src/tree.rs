//! XML to a small element tree with namespaces resolved: OpenDocument is
//! read as a tree because styles, lists and tables refer across it.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// The OpenDocument namespaces the reader acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    Office,
    Text,
    Table,
    Style,
    Fo,
    Xlink,
    Draw,
    Other,
}

fn classify(uri: &str) -> Ns {
    match uri {
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" => Ns::Fo,
        "http://www.w3.org/1999/xlink" => Ns::Xlink,
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
        _ => Ns::Other,
    }
}

fn ns_of(r: ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(ns) => classify(ns.as_ref()),
        _ => Ns::Other,
    }
}

/// An element: its resolved name, attributes and children.
#[derive(Debug, Default)]
pub(crate) struct Elem {
    pub ns: Option<Ns>,
    pub local: String,
    pub attrs: Vec<(Ns, String, String)>,
    pub children: Vec<Node>,
    /// Byte offset of the start tag in the XML.
    pub start: u64,
    /// Byte offset just past the end tag.
    pub end: u64,
}

#[derive(Debug)]
pub(crate) enum Node {
    Elem(Elem),
    Text(String),
}

impl Elem {
    /// True when the element is `ns:local`.
    pub fn is(&self, ns: Ns, local: &str) -> bool {
        self.ns == Some(ns) && self.local == local
    }

    pub fn attr(&self, ns: Ns, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, l, _)| *n == ns && l == local)
            .map(|(_, _, v)| v.as_str())
    }

    pub fn elems(&self) -> impl Iterator<Item = &Elem> {
        self.children.iter().filter_map(|c| match c {
            Node::Elem(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, ns: Ns, local: &str) -> Option<&Elem> {
        self.elems().find(|e| e.is(ns, local))
    }
}

/// Why XML could not be read.
#[derive(Debug)]
pub(crate) enum TreeError {
    Xml { position: u64, detail: String },
    TooDeep,
}

/// Elements nested deeper than this are refused (the converter recurses
/// along the tree).
pub(crate) const MAX_DEPTH: usize = 100;

fn attrs(r: &NsReader<&[u8]>, e: &BytesStart<'_>) -> Vec<(Ns, String, String)> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .filter(|a| !a.key.as_ref().starts_with("xmlns"))
        .map(|a| {
            let (ns, local) = r.resolver().resolve_attribute(a.key);
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default();
            (ns_of(ns), local.as_ref().to_string(), value)
        })
        .collect()
}

/// Parse a whole XML text into its root element.
pub(crate) fn parse(text: &str) -> Result<Elem, TreeError> {
    let mut r = NsReader::from_str(text);
    r.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Elem> = vec![Elem::default()];
    let xml_err = |r: &NsReader<&[u8]>, e: quick_xml::Error| TreeError::Xml {
        position: r.error_position(),
        detail: e.to_string(),
    };
    loop {
        let start = r.buffer_position();
        let ev = r.read_event().map_err(|e| xml_err(&r, e))?;
        match ev {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(TreeError::TooDeep);
                }
                let (ns, local) = r.resolver().resolve_element(e.name());
                stack.push(Elem {
                    ns: Some(ns_of(ns)),
                    local: local.as_ref().to_string(),
                    attrs: attrs(&r, &e),
                    children: Vec::new(),
                    start,
                    end: start,
                });
            }
            Event::End(_) => {
                let Some(mut done) = stack.pop() else {
                    break;
                };
                done.end = r.buffer_position();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Elem(done)),
                    None => {
                        stack.push(done);
                        break;
                    }
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(g) => {
                let s = match g.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&g)
                        .map(str::to_string)
                        .unwrap_or_default(),
                };
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() > 1 {
        return Err(TreeError::Xml {
            position: r.buffer_position(),
            detail: "the XML ends inside an element (truncated)".to_string(),
        });
    }
    let doc = stack.pop().unwrap_or_default();
    doc.children
        .into_iter()
        .find_map(|c| match c {
            Node::Elem(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or(TreeError::Xml {
            position: 0,
            detail: "no root element".to_string(),
        })
}

fn push_text(stack: &mut [Elem], s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(top) = stack.last_mut() {
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_by_namespace_not_prefix() {
        let x = r#"<a:doc xmlns:a="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><t:p t:style-name="P1">x &amp; y&#228;</t:p></a:doc>"#;
        let root = parse(x).unwrap();
        assert!(root.is(Ns::Office, "doc"));
        let p = root.child(Ns::Text, "p").unwrap();
        assert_eq!(p.attr(Ns::Text, "style-name"), Some("P1"));
        assert!(matches!(&p.children[0], Node::Text(t) if t == "x & yä"));
    }

    #[test]
    fn deep_or_truncated_xml_is_an_error() {
        let deep = "<a>".repeat(1000);
        assert!(matches!(parse(&deep), Err(TreeError::TooDeep)));
        assert!(matches!(parse("<a><b>"), Err(TreeError::Xml { .. })));
        assert!(matches!(parse("<a></b>"), Err(TreeError::Xml { .. })));
    }
}
