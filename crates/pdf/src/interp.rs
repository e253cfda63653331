//! The content-stream interpreter: runs a page's operators and collects what
//! the layout needs — one [`Glyph`] per character with its box in page space
//! (points, y down from the page top, page rotation applied), thin
//! [`Rule`]s (table borders, strike-through and underline strokes), link
//! areas and the number of images drawn.
//!
//! Only the state that moves text is kept: CTM, text and line matrices, the
//! text state parameters (Tc Tw Tz TL Ts Tr), line width and colour (so that
//! white rules are not taken for borders). Shading, clipping and glyph
//! outlines are ignored.

use crate::font::{Font, expand, map_private};
use crate::inflate::Inflater;
use crate::lexer::{Lexer, Tok, decode_hex, decode_literal, hex_bytes};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Most operators run per page, form XObjects included.
pub const MAX_OPS_PER_PAGE: usize = 2_000_000;
/// Deepest nesting of form XObjects.
const MAX_FORM_DEPTH: usize = 12;
/// Deepest q/Q nesting kept (deeper saves are dropped).
const MAX_GSTATE_DEPTH: usize = 256;
/// Largest decompressed content of one page or form.
pub const MAX_CONTENT_BYTES: usize = 64 * 1024 * 1024;
/// Most glyphs kept per page.
const MAX_GLYPHS_PER_PAGE: usize = 500_000;
/// Most link annotations read per page.
const MAX_LINKS_PER_PAGE: usize = 256;
/// Most rules kept per page.
const MAX_RULES_PER_PAGE: usize = 100_000;

/// An affine matrix [a b c d e f] in PDF's row-vector convention.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct M(pub [f32; 6]);

impl M {
    /// The identity.
    pub const ID: M = M([1., 0., 0., 1., 0., 0.]);

    /// `self` then `o`.
    pub fn mul(&self, o: &M) -> M {
        let (a, b) = (self.0, o.0);
        M([
            a[0] * b[0] + a[1] * b[2],
            a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4],
            a[4] * b[1] + a[5] * b[3] + b[5],
        ])
    }

    fn tr(x: f32, y: f32) -> M {
        M([1., 0., 0., 1., x, y])
    }

    /// Transform a point.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let m = self.0;
        (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
    }

    fn finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

/// One character drawn on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x0: f32,
    /// Right edge (advance without character spacing).
    pub x1: f32,
    /// Baseline, y down.
    pub y: f32,
    /// Font size on the page.
    pub size: f32,
    /// The character (ligatures already expanded).
    pub ch: char,
    /// Bold font or fill-then-stroke rendering.
    pub bold: bool,
    /// Italic font.
    pub italic: bool,
}

/// A thin filled or stroked axis-parallel rectangle on the page (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Rule {
    /// Wider than tall.
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// A link annotation with a URI.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    /// x0, y0, x1, y1 on the page (y down).
    pub rect: [f32; 4],
    /// The target.
    pub uri: String,
}

/// Most placed images remembered per page (all are counted).
const MAX_PLACED_IMAGES: usize = 16;

/// An image XObject drawn on the page: what OCR reads a scan from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedImage {
    /// The image stream.
    pub id: ObjectId,
    /// Maps the image's unit square to the page (y down, rotation applied).
    pub matrix: M,
}

impl PlacedImage {
    /// Bounding box on the page: x0, y0, x1, y1.
    pub fn bbox(&self) -> [f32; 4] {
        let pts = [(0., 0.), (1., 0.), (0., 1.), (1., 1.)].map(|(x, y)| self.matrix.apply(x, y));
        let xs = pts.map(|p| p.0);
        let ys = pts.map(|p| p.1);
        [
            xs.iter().copied().fold(f32::MAX, f32::min),
            ys.iter().copied().fold(f32::MAX, f32::min),
            xs.iter().copied().fold(f32::MIN, f32::max),
            ys.iter().copied().fold(f32::MIN, f32::max),
        ]
    }
}

/// Everything collected from one page.
#[derive(Debug, Default)]
pub struct PageContent {
    /// Page width after rotation.
    pub width: f32,
    /// Page height after rotation.
    pub height: f32,
    /// Characters in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Thin rules.
    pub rules: Vec<Rule>,
    /// Links.
    pub links: Vec<LinkArea>,
    /// Images drawn (XObjects and inline).
    pub images: usize,
    /// The first image XObjects drawn, with their placement.
    pub placed_images: Vec<PlacedImage>,
    /// Characters drawn in a direction other than left-to-right upright.
    pub rotated_glyphs: usize,
    /// The operator budget ran out or the content was too large.
    pub truncated: bool,
}

#[derive(Clone)]
struct Gs {
    ctm: M,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
    font: Option<Rc<Font>>,
    size: f32,
    render: i64,
    lw: f32,
    fill_white: bool,
    stroke_white: bool,
}

impl Gs {
    fn new(ctm: M) -> Gs {
        Gs {
            ctm,
            tc: 0.,
            tw: 0.,
            th: 1.,
            tl: 0.,
            rise: 0.,
            font: None,
            size: 0.,
            render: 0,
            lw: 1.,
            fill_white: false,
            stroke_white: false,
        }
    }
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|x| x.1).unwrap_or(o)
}

/// Is this colour operand list white (gray 1, rgb 1 1 1, cmyk 0 0 0 0)?
fn is_white(ops: &[Tok<'_>]) -> bool {
    let v: Vec<f32> = ops
        .iter()
        .filter(|o| matches!(o, Tok::Num(_)))
        .map(Tok::num)
        .collect();
    match v.len() {
        1 | 3 => v.iter().all(|x| *x > 0.97),
        4 => v.iter().all(|x| *x < 0.03),
        _ => false,
    }
}

/// A page's geometry: the matrix from user space to the rotated, y-down page.
pub fn page_matrix(doc: &Document, page: &Dictionary) -> (M, f32, f32) {
    // MediaBox, CropBox and Rotate inherit through the page tree.
    let mut media = None;
    let mut crop = None;
    let mut rotate = None;
    let mut node = Some(page);
    let mut hops = 0;
    while let Some(n) = node {
        let rect = |k: &[u8]| -> Option<[f32; 4]> {
            let a = n.get(k).ok().map(|o| deref(doc, o))?.as_array().ok()?;
            if a.len() != 4 {
                return None;
            }
            let v: Vec<f32> = a.iter().map(|o| num(deref(doc, o))).collect();
            Some([
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ])
        };
        if media.is_none() {
            media = rect(b"MediaBox");
        }
        if crop.is_none() {
            crop = rect(b"CropBox");
        }
        if rotate.is_none() {
            rotate = n.get(b"Rotate").ok().map(|o| num(deref(doc, o)) as i64);
        }
        hops += 1;
        if hops > 32 {
            break;
        }
        node = n
            .get(b"Parent")
            .ok()
            .and_then(|o| deref(doc, o).as_dict().ok());
    }
    let mut b = media.unwrap_or([0., 0., 612., 792.]);
    if let Some(c) = crop {
        let i = [
            b[0].max(c[0]),
            b[1].max(c[1]),
            b[2].min(c[2]),
            b[3].min(c[3]),
        ];
        if i[2] - i[0] > 1.0 && i[3] - i[1] > 1.0 {
            b = i;
        }
    }
    if !b.iter().all(|v| v.is_finite()) || b[2] - b[0] < 1.0 || b[3] - b[1] < 1.0 {
        b = [0., 0., 612., 792.];
    }
    let [llx, lly, urx, ury] = b;
    let (w, h) = (urx - llx, ury - lly);
    match rotate.unwrap_or(0).rem_euclid(360) {
        90 => (M([0., 1., 1., 0., -lly, -llx]), h, w),
        180 => (M([-1., 0., 0., 1., urx, -lly]), w, h),
        270 => (M([0., -1., -1., 0., ury, urx]), h, w),
        _ => (M([1., 0., 0., -1., -llx, ury]), w, h),
    }
}

/// Interprets pages of one document, caching fonts across pages.
pub struct Interp<'a> {
    doc: &'a Document,
    fonts: HashMap<usize, Rc<Font>>,
    fallback: Option<Rc<Font>>,
    out: PageContent,
    ops: usize,
    forms: Vec<ObjectId>,
    /// The bytes of the hex or escaped string being shown (reused).
    hex: Vec<u8>,
    /// A page handed back for its buffers.
    spare: PageContent,
    /// The last glyph size computed and what it was computed from.
    last_size: Option<([u32; 4], f32)>,
    /// The last font looked up: resources, name and the font.
    last_font: Option<(usize, Vec<u8>, Option<Rc<Font>>)>,
    /// Glyphs of the last page run: the next page's buffer starts at that
    /// size instead of growing (and copying) glyph by glyph.
    last_glyphs: usize,
    /// Decodes content, form and font streams.
    inflater: Inflater,
    /// The decoded content of the page being run (reused across pages).
    content: Vec<u8>,
}

/// What [`Interp::show_string`] carries from one glyph to the next.
struct Run {
    /// The CTM (fixed for the string).
    cd: M,
    /// The text matrix.
    t: M,
    /// The last glyph size computed and what it was computed from.
    last_size: Option<([u32; 4], f32)>,
}

/// A new subpath from `p`, with room for the usual few points (a border
/// piece, a box): grown one by one from one point, most were reallocated.
fn subpath(p: (f32, f32)) -> Vec<(f32, f32)> {
    let mut pts = Vec::with_capacity(5);
    pts.push(p);
    pts
}

#[derive(Default)]
struct Path {
    subpaths: Vec<(Vec<(f32, f32)>, bool)>,
}

impl Path {
    fn point(&mut self, p: (f32, f32), curved: bool) {
        match self.subpaths.last_mut() {
            Some((pts, c)) => {
                pts.push(p);
                *c |= curved;
            }
            None => self.subpaths.push((subpath(p), curved)),
        }
    }
}

impl<'a> Interp<'a> {
    /// A new interpreter over `doc`.
    pub fn new(doc: &'a Document) -> Self {
        Interp {
            doc,
            fonts: HashMap::new(),
            fallback: None,
            out: PageContent::default(),
            ops: 0,
            forms: Vec::new(),
            hex: Vec::new(),
            spare: PageContent::default(),
            last_size: None,
            last_font: None,
            last_glyphs: 0,
            inflater: Inflater::default(),
            content: Vec::new(),
        }
    }

    /// Run one page.
    pub fn page(&mut self, page_id: ObjectId) -> PageContent {
        let Ok(page) = self.doc.get_dictionary(page_id) else {
            return PageContent::default();
        };
        let (dev, w, h) = page_matrix(self.doc, page);
        let res = match self.doc.get_page_resources(page_id) {
            Ok((Some(d), _)) => Some(d),
            Ok((None, ids)) => ids.iter().find_map(|id| self.doc.get_dictionary(*id).ok()),
            Err(_) => None,
        };
        let mut buf = std::mem::take(&mut self.content);
        let content = self
            .inflater
            .page_content(self.doc, page_id, MAX_CONTENT_BYTES, &mut buf)
            .then_some(buf.as_slice());
        let mut best = self.run(page_id, content, res, dev, w, h);
        // Mostly sideways text (a landscape page drawn without /Rotate, or
        // with a wrong one): turn the page so the text reads upright.
        if best.rotated_glyphs > 20 && best.rotated_glyphs > best.glyphs.len() {
            let turns = [
                (M([0., 1., -1., 0., h, 0.]), h, w),
                (M([-1., 0., 0., -1., w, h]), w, h),
                (M([0., -1., 1., 0., 0., w]), h, w),
            ];
            for (rot, w2, h2) in turns {
                let cand = self.run(page_id, content, res, dev.mul(&rot), w2, h2);
                if cand.glyphs.len() > best.glyphs.len() {
                    best = cand;
                }
            }
        }
        self.content = buf;
        best
    }

    /// Hand back a page that is no longer needed: the next page reuses its
    /// buffers instead of growing new ones glyph by glyph.
    pub fn recycle(&mut self, page: PageContent) {
        self.spare = page;
    }

    fn run(
        &mut self,
        page_id: ObjectId,
        content: Option<&[u8]>,
        res: Option<&'a Dictionary>,
        dev: M,
        w: f32,
        h: f32,
    ) -> PageContent {
        // Start from the buffers of a page handed back by `recycle`, if any.
        let mut glyphs = std::mem::take(&mut self.spare.glyphs);
        glyphs.clear();
        glyphs.reserve(self.last_glyphs);
        let mut rules = std::mem::take(&mut self.spare.rules);
        rules.clear();
        self.out = PageContent {
            width: w,
            height: h,
            glyphs,
            rules,
            ..PageContent::default()
        };
        self.ops = 0;
        self.forms.clear();
        match content {
            Some(content) => {
                let mut gs = Gs::new(dev);
                self.exec(content, res, &mut gs, dev);
            }
            None => self.out.truncated = true,
        }
        self.links(page_id, dev);
        self.last_glyphs = self.out.glyphs.len();
        std::mem::take(&mut self.out)
    }

    fn links(&mut self, page_id: ObjectId, dev: M) {
        let Ok(annots) = self.doc.get_page_annotations(page_id) else {
            return;
        };
        // Real minutes have a few dozen links; every glyph is tested against each.
        for a in annots.into_iter().take(MAX_LINKS_PER_PAGE) {
            if a.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link") {
                continue;
            }
            let uri = a
                .get(b"A")
                .ok()
                .and_then(|o| deref(self.doc, o).as_dict().ok())
                .and_then(|ad| ad.get(b"URI").ok())
                .and_then(|o| deref(self.doc, o).as_str().ok())
                .map(|s| String::from_utf8_lossy(s).trim().to_string());
            let rect = a
                .get(b"Rect")
                .ok()
                .and_then(|o| deref(self.doc, o).as_array().ok())
                .filter(|r| r.len() == 4)
                .map(|r| [num(&r[0]), num(&r[1]), num(&r[2]), num(&r[3])]);
            if let (Some(uri), Some(r)) = (uri, rect) {
                if uri.is_empty() {
                    continue;
                }
                let (x0, y0) = dev.apply(r[0], r[1]);
                let (x1, y1) = dev.apply(r[2], r[3]);
                self.out.links.push(LinkArea {
                    rect: [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)],
                    uri,
                });
            }
        }
    }

    fn fallback_font(&mut self) -> Rc<Font> {
        if let Some(f) = &self.fallback {
            return f.clone();
        }
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"Font".to_vec()));
        d.set("Subtype", Object::Name(b"Type1".to_vec()));
        d.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        d.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let f = Rc::new(Font::load_with(self.doc, &d, &mut self.inflater));
        self.fallback = Some(f.clone());
        f
    }

    fn font(&mut self, res: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        // Text is set in a few fonts, one `Tf` after another: the last
        // lookup saves its dictionary lookups (the document does not change).
        let res_key = res.map_or(0, |r| r as *const Dictionary as usize);
        if let Some((r, n, f)) = &self.last_font
            && *r == res_key
            && n.as_slice() == name
        {
            return f.clone();
        }
        let f = self.font_uncached(res, name);
        let (r, n, last) = self.last_font.get_or_insert_with(Default::default);
        *r = res_key;
        n.clear();
        n.extend_from_slice(name);
        last.clone_from(&f);
        f
    }

    fn font_uncached(&mut self, res: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = res?
            .get(b"Font")
            .ok()
            .map(|o| deref(self.doc, o))?
            .as_dict()
            .ok()?;
        let fd = deref(self.doc, fonts.get(name).ok()?).as_dict().ok()?;
        let key = fd as *const Dictionary as usize;
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let f = Rc::new(Font::load_with(self.doc, fd, &mut self.inflater));
        self.fonts.insert(key, f.clone());
        Some(f)
    }

    fn exec(&mut self, content: &[u8], res: Option<&'a Dictionary>, gs: &mut Gs, dev: M) {
        let _ = dev;
        let mut tm = M::ID;
        let mut tlm = M::ID;
        let mut stack: Vec<Gs> = Vec::new();
        let mut path = Path::default();
        let mut lx = Lexer::new(content);
        while let Some(opname) = lx.next_op() {
            self.ops += 1;
            if self.ops > MAX_OPS_PER_PAGE {
                self.out.truncated = true;
                break;
            }
            let o = lx.operands();
            let n = |i: usize| o.get(i).map(Tok::num).unwrap_or(0.);
            match opname {
                b"q" if stack.len() < MAX_GSTATE_DEPTH => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        *gs = s;
                    }
                }
                b"cm" => {
                    let m = M([n(0), n(1), n(2), n(3), n(4), n(5)]);
                    if m.finite() {
                        gs.ctm = m.mul(&gs.ctm);
                    }
                }
                b"w" => gs.lw = n(0),
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => gs.fill_white = is_white(o),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => gs.stroke_white = is_white(o),
                b"BT" => {
                    tm = M::ID;
                    tlm = M::ID;
                }
                b"Tf" => {
                    // A font missing from the resources (broken files): read
                    // the text as Helvetica rather than drop it.
                    gs.font = o
                        .first()
                        .and_then(Tok::name)
                        .and_then(|nm| self.font(res, &nm))
                        .or_else(|| Some(self.fallback_font()));
                    gs.size = n(1);
                }
                b"Tc" => gs.tc = n(0),
                b"Tw" => gs.tw = n(0),
                b"Tz" => gs.th = n(0) / 100.,
                b"TL" => gs.tl = n(0),
                b"Ts" => gs.rise = n(0),
                b"Tr" => gs.render = n(0) as i64,
                b"Td" => {
                    tlm = M::tr(n(0), n(1)).mul(&tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.tl = -n(1);
                    tlm = M::tr(n(0), n(1)).mul(&tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    let m = M([n(0), n(1), n(2), n(3), n(4), n(5)]);
                    if m.finite() {
                        tlm = m;
                        tm = tlm;
                    }
                }
                b"T*" => {
                    tlm = M::tr(0., -gs.tl).mul(&tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    let items: &[Tok<'_>] = match opname {
                        b"TJ" => match o.first() {
                            Some(&Tok::Arr(start, end)) => lx.items(start, end),
                            _ => &[],
                        },
                        b"\"" => {
                            gs.tw = n(0);
                            gs.tc = n(1);
                            o.get(2..3).unwrap_or(&[])
                        }
                        _ => o.get(0..1).unwrap_or(&[]),
                    };
                    if opname == b"'" || opname == b"\"" {
                        tlm = M::tr(0., -gs.tl).mul(&tlm);
                        tm = tlm;
                    }
                    self.show(items, gs, &mut tm);
                }
                b"re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let c = gs.ctm;
                    path.subpaths.push((
                        vec![
                            c.apply(x, y),
                            c.apply(x + w, y),
                            c.apply(x + w, y + h),
                            c.apply(x, y + h),
                            c.apply(x, y),
                        ],
                        false,
                    ));
                }
                b"m" => path
                    .subpaths
                    .push((subpath(gs.ctm.apply(n(0), n(1))), false)),
                b"l" => path.point(gs.ctm.apply(n(0), n(1)), false),
                b"c" => path.point(gs.ctm.apply(n(4), n(5)), true),
                b"v" | b"y" => path.point(gs.ctm.apply(n(2), n(3)), true),
                b"h" => {
                    if let Some((pts, _)) = path.subpaths.last_mut()
                        && let Some(first) = pts.first().copied()
                    {
                        pts.push(first);
                    }
                }
                b"S" | b"s" => self.paint(&mut path, gs, false, true),
                b"f" | b"F" | b"f*" => self.paint(&mut path, gs, true, false),
                b"B" | b"B*" | b"b" | b"b*" => self.paint(&mut path, gs, true, true),
                b"n" => path.subpaths.clear(),
                b"BI" | b"EI" | b"ID" => self.out.images += 1,
                b"Do" => {
                    if let Some(name) = o.first().and_then(Tok::name) {
                        self.xobject(&name, res, gs, dev);
                    }
                }
                _ => {}
            }
            if path.subpaths.len() > 10_000 {
                path.subpaths.clear();
            }
        }
    }

    fn xobject(&mut self, name: &[u8], res: Option<&'a Dictionary>, gs: &Gs, dev: M) {
        let Some(xobjs) = res
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| deref(self.doc, o).as_dict().ok())
        else {
            return;
        };
        let Ok(entry) = xobjs.get(name) else { return };
        let (id, obj) = self.doc.dereference(entry).unwrap_or((None, entry));
        let Ok(s) = obj.as_stream() else { return };
        match s.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                self.out.images += 1;
                if let Some(id) = id
                    && self.out.placed_images.len() < MAX_PLACED_IMAGES
                    && gs.ctm.finite()
                {
                    self.out
                        .placed_images
                        .push(PlacedImage { id, matrix: gs.ctm });
                }
            }
            Ok(b"Form") => {
                if self.forms.len() >= MAX_FORM_DEPTH || id.is_some_and(|i| self.forms.contains(&i))
                {
                    return;
                }
                let content = if s.dict.get(b"Filter").is_ok() {
                    match self.inflater.decode(s, MAX_CONTENT_BYTES) {
                        Ok(c) => c,
                        Err(_) => {
                            self.out.truncated = true;
                            return;
                        }
                    }
                } else {
                    s.content.clone()
                };
                let fres = s
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| deref(self.doc, o).as_dict().ok())
                    .or(res);
                let mat = s
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| deref(self.doc, o).as_array().ok())
                    .filter(|a| a.len() == 6)
                    .map(|a| {
                        M([
                            num(&a[0]),
                            num(&a[1]),
                            num(&a[2]),
                            num(&a[3]),
                            num(&a[4]),
                            num(&a[5]),
                        ])
                    })
                    .filter(M::finite)
                    .unwrap_or(M::ID);
                let mut g2 = gs.clone();
                g2.ctm = mat.mul(&gs.ctm);
                self.forms.push(id.unwrap_or((0, 0)));
                self.exec(&content, fres, &mut g2, dev);
                self.forms.pop();
            }
            _ => {}
        }
    }

    fn paint(&mut self, path: &mut Path, gs: &Gs, fill: bool, stroke: bool) {
        let c = gs.ctm.0;
        let scale = (c[0] * c[3] - c[1] * c[2]).abs().sqrt();
        let lw = (gs.lw * scale).max(0.3);
        for (pts, curved) in path.subpaths.drain(..) {
            if pts.len() < 2 || self.out.rules.len() >= MAX_RULES_PER_PAGE {
                continue;
            }
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for p in &pts {
                x0 = x0.min(p.0);
                y0 = y0.min(p.1);
                x1 = x1.max(p.0);
                y1 = y1.max(p.1);
            }
            // A small disc, ring or square is a list bullet drawn as a shape
            // (Chromium): make it a glyph so the line starts with a label.
            let (w, h) = (x1 - x0, y1 - y0);
            if (1.2..8.0).contains(&w) && (w - h).abs() < 0.6 && (fill || curved) {
                let ch = match (curved, fill) {
                    (true, true) => '•',
                    (true, false) => '◦',
                    _ => '▪',
                };
                if self.out.glyphs.len() < MAX_GLYPHS_PER_PAGE {
                    self.out.glyphs.push(Glyph {
                        x0,
                        x1,
                        y: (y0 + y1) / 2. + 0.9 * h,
                        size: h / 0.35,
                        ch,
                        bold: false,
                        italic: false,
                    });
                }
                continue;
            }
            if curved {
                continue;
            }
            // A thin filled polygon is a rule whatever its corners (Chromium
            // draws bevelled border pieces).
            if fill && !gs.fill_white && pts.len() >= 3 && w.min(h) <= 3.0 && w.max(h) > 1.0 {
                self.out.rules.push(Rule { x0, y0, x1, y1 });
            }
            if stroke && !gs.stroke_white && lw <= 3.0 {
                for w in pts.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    if (a.0 - b.0).abs() >= 0.5 && (a.1 - b.1).abs() >= 0.5 {
                        continue;
                    }
                    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
                    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
                    if x1 - x0 < 0.5 && y1 - y0 < 0.5 {
                        continue;
                    }
                    let r = if x1 - x0 >= y1 - y0 {
                        Rule {
                            x0,
                            y0: y0 - lw / 2.,
                            x1,
                            y1: y1 + lw / 2.,
                        }
                    } else {
                        Rule {
                            x0: x0 - lw / 2.,
                            y0,
                            x1: x1 + lw / 2.,
                            y1,
                        }
                    };
                    self.out.rules.push(r);
                }
            }
        }
    }

    fn show(&mut self, items: &[Tok<'_>], gs: &Gs, tm: &mut M) {
        let Some(font) = gs.font.clone() else { return };
        for it in items {
            match it {
                Tok::Str(bytes) => self.show_string(bytes, &font, gs, tm),
                // One byte per code: decoded as they are drawn.
                Tok::Hex(raw) if font.is_simple() => {
                    self.show_simple(hex_bytes(raw), &font, gs, tm)
                }
                Tok::Hex(raw) => {
                    let mut bytes = std::mem::take(&mut self.hex);
                    bytes.clear();
                    decode_hex(raw, &mut bytes);
                    self.show_string(&bytes, &font, gs, tm);
                    self.hex = bytes;
                }
                Tok::Esc(raw) => {
                    let mut bytes = std::mem::take(&mut self.hex);
                    bytes.clear();
                    decode_literal(raw, &mut bytes);
                    self.show_string(&bytes, &font, gs, tm);
                    self.hex = bytes;
                }
                o => {
                    let adj = o.num();
                    *tm = M::tr(-adj / 1000. * gs.size * gs.th, 0.).mul(tm);
                }
            }
        }
    }

    /// Draw one string's glyphs, advancing the text matrix.
    fn show_string(&mut self, bytes: &[u8], font: &Font, gs: &Gs, tm: &mut M) {
        if font.is_simple() {
            self.show_simple(bytes.iter().copied(), font, gs, tm);
            return;
        }
        let mut run = self.run_from(gs, tm);
        for (code, len) in font.codes(bytes) {
            self.show_code(code, len, font, gs, &mut run);
        }
        *tm = run.t;
        self.last_size = run.last_size;
    }

    /// [`Interp::show_string`] for a simple font: one byte per code, no
    /// codespace to match, no width map.
    fn show_simple(&mut self, bytes: impl Iterator<Item = u8>, font: &Font, gs: &Gs, tm: &mut M) {
        let mut run = self.run_from(gs, tm);
        for b in bytes {
            self.show_code(u32::from(b), 1, font, gs, &mut run);
        }
        *tm = run.t;
        self.last_size = run.last_size;
    }

    /// A string's run from the text matrix: kept in a local while the
    /// string is drawn (updated in place through `tm`, every glyph waited
    /// for the previous glyph's stores to reach memory).
    fn run_from(&self, gs: &Gs, tm: &M) -> Run {
        Run {
            cd: gs.ctm,
            t: *tm,
            last_size: self.last_size,
        }
    }

    /// Draw the glyph of one code of `len` bytes (unless it cannot be
    /// seen) and advance the text matrix past it.
    #[inline(always)]
    fn show_code(&mut self, code: u32, len: usize, font: &Font, gs: &Gs, run: &mut Run) {
        let (w, plain) = font.glyph(code);
        let mut tx = (w * gs.size + gs.tc) * gs.th;
        if font.is_word_space(code, len) {
            tx += gs.tw * gs.th;
        }
        let m = run.t.mul(&run.cd);
        run.t = M::tr(tx, 0.).mul(&run.t);
        if !m.finite() || self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
            return;
        }
        // One plain character (the usual case) without decoding the text.
        let text = if plain.is_some() { "" } else { font.text(code) };
        if plain.is_none() && text.is_empty() {
            return;
        }
        let mm = m.0;
        // Upright, left-to-right text only: a > 0, b ≈ 0, y down.
        if mm[0] <= 0. || mm[1].abs() > 0.05 * mm[0] || mm[3] >= 0. {
            self.out.rotated_glyphs += 1;
            return;
        }
        let (x0, y) = m.apply(0., gs.rise);
        let (x1, _) = m.apply(w * gs.size * gs.th, gs.rise);
        // The same inputs as for the last glyph (the usual case: the
        // matrix's vertical column stays while text runs along a line)
        // give the same size without the slow square root.
        let key = [
            mm[2].to_bits(),
            mm[3].to_bits(),
            gs.size.to_bits(),
            font.size_scale.to_bits(),
        ];
        let size = match run.last_size {
            Some((k, size)) if k == key => size,
            _ => {
                let size = gs.size * (mm[2] * mm[2] + mm[3] * mm[3]).sqrt() * font.size_scale;
                run.last_size = Some((key, size));
                size
            }
        };
        if size.is_nan() || size <= 0.1 {
            return;
        }
        let bold = font.bold || gs.render == 2;
        match plain {
            Some(ch) => self.out.glyphs.push(Glyph {
                x0,
                x1: x1.max(x0),
                y,
                size,
                ch,
                bold,
                italic: font.italic,
            }),
            None => self.push_text(text, x0, x1.max(x0), y, size, bold, font.italic),
        }
    }

    /// One plain character (nothing to expand, no control) as one glyph,
    /// without allocating; false, pushing nothing, for any other.
    #[allow(clippy::too_many_arguments)]
    fn push_plain(
        &mut self,
        c: char,
        x0: f32,
        x1: f32,
        y: f32,
        size: f32,
        bold: bool,
        italic: bool,
    ) -> bool {
        if expand(c).is_some() || c.is_control() {
            return false;
        }
        self.out.glyphs.push(Glyph {
            x0,
            x1,
            y,
            size,
            ch: map_private(c),
            bold,
            italic,
        });
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn push_text(
        &mut self,
        text: &str,
        x0: f32,
        x1: f32,
        y: f32,
        size: f32,
        bold: bool,
        italic: bool,
    ) {
        // The common case, one plain character, without allocating.
        let mut it = text.chars();
        if let (Some(c), None) = (it.next(), it.next())
            && self.push_plain(c, x0, x1, y, size, bold, italic)
        {
            return;
        }
        let mut chars: Vec<char> = Vec::with_capacity(4);
        for c in text.chars() {
            match expand(c) {
                Some(s) => chars.extend(s.chars()),
                None => {
                    if c.is_control() && c != '\t' {
                        continue;
                    }
                    chars.push(map_private(if c == '\t' { ' ' } else { c }))
                }
            }
        }
        if chars.is_empty() {
            return;
        }
        let step = (x1 - x0) / chars.len() as f32;
        for (k, ch) in chars.into_iter().enumerate() {
            self.out.glyphs.push(Glyph {
                x0: x0 + step * k as f32,
                x1: x0 + step * (k + 1) as f32,
                y,
                size,
                ch,
                bold,
                italic,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_maps_top_left() {
        let mut page = Dictionary::new();
        page.set("MediaBox", vec![0.into(), 0.into(), 600.into(), 800.into()]);
        let doc = Document::new();
        let (m, w, h) = page_matrix(&doc, &page);
        assert_eq!((w, h), (600., 800.));
        assert_eq!(m.apply(0., 800.), (0., 0.));
        page.set("Rotate", 90);
        let (m, w, h) = page_matrix(&doc, &page);
        assert_eq!((w, h), (800., 600.));
        // The left edge of the unrotated page becomes the top.
        assert_eq!(m.apply(0., 0.).1, 0.);
        assert_eq!(m.apply(0., 800.), (800., 0.));
    }
}
