//! A thin layer over quick-xml's namespace-aware reader: elements come out as
//! a [`Tag`] resolved from their namespace URI and local name, so no code
//! depends on the `w:` prefix, and Strict OOXML reads like Transitional.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::borrow::Cow;
use std::collections::HashMap;

/// WordprocessingML main namespace, Transitional and Strict.
const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Office document relationships (`r:id`), Transitional and Strict.
const R_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";
/// Markup compatibility (`mc:AlternateContent`).
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// DrawingML main (`a:blip`), Transitional and Strict; VML.
const A_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const A_STRICT: &str = "http://purl.oclc.org/ooxml/drawingml/main";
const VML: &str = "urn:schemas-microsoft-com:vml";
/// DrawingML placement in Word (`wp:docPr`), Transitional and Strict.
const WP_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const WP_STRICT: &str = "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing";

/// The namespaces the reader cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML main.
    W,
    /// Relationships.
    R,
    /// Markup compatibility.
    Mc,
    /// DrawingML or VML (pictures).
    Drawing,
    /// Any other namespace.
    Other,
    /// No namespace (unprefixed attribute, or no default namespace).
    None,
}

fn classify(uri: &str) -> Ns {
    match uri {
        W_TRANSITIONAL | W_STRICT => Ns::W,
        R_TRANSITIONAL | R_STRICT => Ns::R,
        MC => Ns::Mc,
        A_TRANSITIONAL | A_STRICT | VML | WP_TRANSITIONAL | WP_STRICT => Ns::Drawing,
        "" => Ns::None,
        _ => Ns::Other,
    }
}

macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// Elements of the WordprocessingML namespace the reader acts on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Tag {
            $($variant,)*
            /// `mc:AlternateContent`.
            AlternateContent,
            /// `mc:Choice`.
            Choice,
            /// `mc:Fallback`.
            Fallback,
            /// A picture: `a:blip` or `v:imagedata`.
            Picture,
            /// `wp:docPr`: a drawing's name and alternative text.
            DocPr,
            /// Anything else.
            Other,
        }

        impl Tag {
            fn of(ns: Ns, local: &str) -> Tag {
                match ns {
                    Ns::W => match local {
                        $($name => Tag::$variant,)*
                        _ => Tag::Other,
                    },
                    Ns::Mc => match local {
                        "AlternateContent" => Tag::AlternateContent,
                        "Choice" => Tag::Choice,
                        "Fallback" => Tag::Fallback,
                        _ => Tag::Other,
                    },
                    Ns::Drawing => match local {
                        "blip" | "imagedata" => Tag::Picture,
                        "docPr" => Tag::DocPr,
                        _ => Tag::Other,
                    },
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    Document = "document",
    Body = "body",
    Hdr = "hdr",
    Ftr = "ftr",
    P = "p",
    R = "r",
    T = "t",
    DelText = "delText",
    InstrText = "instrText",
    DelInstrText = "delInstrText",
    PPr = "pPr",
    RPr = "rPr",
    PStyle = "pStyle",
    NumPr = "numPr",
    Ilvl = "ilvl",
    NumId = "numId",
    OutlineLvl = "outlineLvl",
    PageBreakBefore = "pageBreakBefore",
    SectPr = "sectPr",
    HeaderReference = "headerReference",
    FooterReference = "footerReference",
    Tbl = "tbl",
    TblPr = "tblPr",
    TblPrEx = "tblPrEx",
    TblGrid = "tblGrid",
    Tr = "tr",
    TrPr = "trPr",
    TblHeader = "tblHeader",
    GridBefore = "gridBefore",
    Tc = "tc",
    TcPr = "tcPr",
    GridSpan = "gridSpan",
    VMerge = "vMerge",
    HMerge = "hMerge",
    Hyperlink = "hyperlink",
    FldSimple = "fldSimple",
    FldChar = "fldChar",
    Ins = "ins",
    Del = "del",
    MoveTo = "moveTo",
    MoveFrom = "moveFrom",
    Sdt = "sdt",
    SdtPr = "sdtPr",
    SdtEndPr = "sdtEndPr",
    ShowingPlcHdr = "showingPlcHdr",
    SmartTagPr = "smartTagPr",
    CustomXmlPr = "customXmlPr",
    Tab = "tab",
    PTab = "ptab",
    Br = "br",
    Cr = "cr",
    NoBreakHyphen = "noBreakHyphen",
    SoftHyphen = "softHyphen",
    Sym = "sym",
    FootnoteReference = "footnoteReference",
    EndnoteReference = "endnoteReference",
    FootnoteRef = "footnoteRef",
    EndnoteRef = "endnoteRef",
    LastRenderedPageBreak = "lastRenderedPageBreak",
    TxbxContent = "txbxContent",
    RPrChange = "rPrChange",
    PPrChange = "pPrChange",
    TcPrChange = "tcPrChange",
    TrPrChange = "trPrChange",
    TblPrChange = "tblPrChange",
    SectPrChange = "sectPrChange",
    NumberingChange = "numberingChange",
    B = "b",
    I = "i",
    U = "u",
    Strike = "strike",
    DStrike = "dstrike",
    Vanish = "vanish",
    VertAlign = "vertAlign",
    RStyle = "rStyle",
    Rt = "rt",
    Footnote = "footnote",
    Endnote = "endnote",
    Style = "style",
    Name = "name",
    BasedOn = "basedOn",
    DocDefaults = "docDefaults",
    TblStylePr = "tblStylePr",
    AbstractNum = "abstractNum",
    Lvl = "lvl",
    Start = "start",
    NumFmt = "numFmt",
    LvlText = "lvlText",
    IsLgl = "isLgl",
    Num = "num",
    AbstractNumId = "abstractNumId",
    LvlOverride = "lvlOverride",
    StartOverride = "startOverride",
    NumStyleLink = "numStyleLink",
    AltChunk = "altChunk",
    Type = "type",
}

/// One event, reduced to what the parsers need.
pub(crate) enum Ev<'a> {
    Start(Tag, BytesStart<'a>),
    End(Tag),
    /// Character data (already decoded; entity references come as `Ref`).
    Text(Cow<'a, str>),
    /// An entity or character reference, resolved.
    Ref(Cow<'static, str>),
    Eof,
}

/// A malformed part: the parser's message and the byte position.
#[derive(Debug)]
pub(crate) struct XmlError {
    pub position: u64,
    pub detail: String,
}

pub(crate) type XResult<T> = Result<T, XmlError>;

/// Namespace declarations of one element.
struct Scope {
    depth: u32,
    /// The prefixes it binds; "" is the default namespace.
    prefixes: Vec<String>,
}

/// Streaming reader over one XML part.
///
/// Namespaces are resolved here rather than with quick-xml's `NsReader`,
/// which resolves every element and attribute in full and doubled the
/// parse time: declarations are looked for only in elements whose raw
/// attributes mention `xmlns`, and prefixes are classified through a small
/// cache, as Word writes nearly every name with one of a handful of prefixes.
pub(crate) struct Xml<'a> {
    r: Reader<&'a [u8]>,
    /// Byte offset where the last returned event started.
    start: u64,
    depth: u32,
    scopes: Vec<Scope>,
    /// Prefix -> its bindings, innermost last (lookups stay O(1) however
    /// deep declarations nest).
    bound: HashMap<String, Vec<Ns>>,
    /// Recently classified prefixes; cleared when scopes change.
    cache: Vec<(String, Ns)>,
    /// Qualified name -> tag, direct-mapped; cleared when scopes change.
    /// Element names repeat endlessly in a part, so most lookups are one
    /// short string compare instead of prefix resolution and a long match.
    tags: Vec<(String, Tag)>,
}

const TAG_SLOTS: usize = 128;

fn slot(qname: &str) -> usize {
    let b = qname.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let h = n
        .wrapping_mul(31)
        .wrapping_add(b[0] as usize)
        .wrapping_mul(31)
        .wrapping_add(b[n - 1] as usize)
        .wrapping_mul(31)
        .wrapping_add(b[n / 2] as usize)
        .wrapping_mul(31)
        .wrapping_add(b[(n * 3) / 4] as usize);
    (h ^ (h >> 7)) % TAG_SLOTS
}

/// Split a qualified name into prefix ("" if none) and local name.
fn split(qname: &str) -> (&str, &str) {
    match qname.find(':') {
        Some(i) => (&qname[..i], &qname[i + 1..]),
        None => ("", qname),
    }
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut r = Reader::from_str(text);
        // Every handler expects a matching End, so `<w:p/>` comes as Start + End.
        r.config_mut().expand_empty_elements = true;
        Xml {
            r,
            start: 0,
            depth: 0,
            scopes: Vec::new(),
            bound: HashMap::new(),
            cache: Vec::with_capacity(8),
            tags: Vec::new(),
        }
    }

    /// Byte offset where the last event began.
    pub fn event_start(&self) -> u64 {
        self.start
    }

    /// Byte offset just past the last event.
    pub fn position(&self) -> u64 {
        self.r.buffer_position()
    }

    pub fn error(&self, detail: impl Into<String>) -> XmlError {
        XmlError {
            position: self.r.buffer_position(),
            detail: detail.into(),
        }
    }

    /// The namespace bound to `prefix` here ("" = default namespace).
    fn ns_of(&mut self, prefix: &str) -> Ns {
        if let Some((_, ns)) = self.cache.iter().find(|(p, _)| p == prefix) {
            return *ns;
        }
        let ns = self
            .bound
            .get(prefix)
            .and_then(|v| v.last().copied())
            .unwrap_or(match prefix {
                "" => Ns::None,
                _ => Ns::Other,
            });
        if self.cache.len() >= 8 {
            self.cache.clear();
        }
        self.cache.push((prefix.to_string(), ns));
        ns
    }

    /// Record the namespace declarations of a Start element, if any.
    fn declare(&mut self, e: &BytesStart<'_>) {
        if !e.attributes_raw().contains("xmlns") {
            return;
        }
        let mut prefixes = Vec::new();
        for a in e.attributes().with_checks(false).flatten() {
            let key = a.key.as_ref();
            let prefix = if key == "xmlns" {
                ""
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                p
            } else {
                continue;
            };
            let uri = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap_or_default();
            self.bound
                .entry(prefix.to_string())
                .or_default()
                .push(classify(uri.trim()));
            prefixes.push(prefix.to_string());
        }
        if !prefixes.is_empty() {
            self.scopes.push(Scope {
                depth: self.depth,
                prefixes,
            });
            self.scopes_changed();
        }
    }

    fn tag(&mut self, qname: &str) -> Tag {
        let i = slot(qname);
        if let Some((k, t)) = self.tags.get(i)
            && k == qname
        {
            return *t;
        }
        let (prefix, local) = split(qname);
        let ns = self.ns_of(prefix);
        let tag = Tag::of(ns, local);
        if self.tags.is_empty() {
            self.tags = vec![(String::new(), Tag::Other); TAG_SLOTS];
        }
        if let Some(entry) = self.tags.get_mut(i) {
            entry.0.clear();
            entry.0.push_str(qname);
            entry.1 = tag;
        }
        tag
    }

    /// At an End: drop the declarations the element made.
    fn end_scope(&mut self) {
        if self.scopes.last().is_some_and(|s| s.depth == self.depth)
            && let Some(scope) = self.scopes.pop()
        {
            for p in scope.prefixes {
                if let Some(v) = self.bound.get_mut(&p) {
                    v.pop();
                }
            }
            self.scopes_changed();
        }
    }

    /// Namespace bindings changed: forget what names meant.
    fn scopes_changed(&mut self) {
        self.cache.clear();
        for e in &mut self.tags {
            e.0.clear();
        }
    }

    pub fn next(&mut self) -> XResult<Ev<'a>> {
        loop {
            self.start = self.r.buffer_position();
            let ev = match self.r.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    return Err(XmlError {
                        position: self.r.error_position(),
                        detail: e.to_string(),
                    });
                }
            };
            return Ok(match ev {
                // Empty is not produced with expand_empty_elements.
                Event::Start(e) | Event::Empty(e) => {
                    self.depth += 1;
                    self.declare(&e);
                    let tag = self.tag(e.name().as_ref());
                    Ev::Start(tag, e)
                }
                Event::End(e) => {
                    let tag = self.tag(e.name().as_ref());
                    self.end_scope();
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End(tag)
                }
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.xml10_content()),
                // quick-xml hands entity references over separately: resolving
                // them here, once, is what keeps "&lt;" from becoming "<" twice.
                Event::GeneralRef(g) => match g.resolve_char_ref() {
                    Ok(Some(c)) => Ev::Ref(Cow::Owned(c.to_string())),
                    _ => match resolve_predefined_entity(&g) {
                        Some(s) => Ev::Ref(Cow::Borrowed(s)),
                        None => Ev::Ref(Cow::Owned(format!("&{};", &*g))),
                    },
                },
                Event::Eof => Ev::Eof,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => continue,
            });
        }
    }

    /// Skip the element whose Start was just read, with all its content.
    /// Raw events only: names inside need no resolving, and namespaces
    /// declared inside go out of scope with the element.
    pub fn skip(&mut self) -> XResult<()> {
        let mut depth = 0u32;
        loop {
            match self.r.read_event() {
                Ok(Event::Start(_)) => depth += 1,
                Ok(Event::End(_)) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Ok(Event::Eof) => return Err(self.unexpected_eof()),
                Ok(_) => {}
                Err(e) => {
                    return Err(XmlError {
                        position: self.r.error_position(),
                        detail: e.to_string(),
                    });
                }
            }
        }
        // The End of the skipped element, as `next` would have kept it.
        self.end_scope();
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }

    pub fn unexpected_eof(&self) -> XmlError {
        self.error("the part ends inside an element (truncated XML)")
    }

    /// The value of attribute `local` in namespace `ns`. Unprefixed attributes
    /// are accepted for the `w:` namespace, as lenient producers write them.
    /// (Takes `&mut self` for the prefix cache.)
    pub fn attr<'e>(&mut self, e: &'e BytesStart<'_>, ns: Ns, local: &str) -> Option<Cow<'e, str>> {
        for a in e.attributes().with_checks(false).flatten() {
            let (prefix, ln) = split(a.key.as_ref());
            if ln != local {
                continue;
            }
            // Unprefixed attributes are in no namespace (not the default one).
            let got = if prefix.is_empty() {
                Ns::None
            } else {
                self.ns_of(prefix)
            };
            if got == ns || (ns == Ns::W && got == Ns::None) {
                return a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok();
            }
        }
        None
    }

    /// `w:val`.
    pub fn val<'e>(&mut self, e: &'e BytesStart<'_>) -> Option<Cow<'e, str>> {
        self.attr(e, Ns::W, "val")
    }

    /// `w:val` as a number.
    pub fn val_num<T: std::str::FromStr>(&mut self, e: &BytesStart<'_>) -> Option<T> {
        self.val(e).and_then(|v| v.trim().parse().ok())
    }

    /// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): on unless said off.
    pub fn toggle(&mut self, e: &BytesStart<'_>) -> bool {
        !matches!(
            self.val(e).as_deref(),
            Some("0" | "false" | "off" | "none" | "False" | "FALSE")
        )
    }
}
