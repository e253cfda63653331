//! The seam between this reader and an OCR engine.
//!
//! The reader decides which pages need OCR ([`read_with`](crate::read_with)),
//! hands the engine a [`ScanPage`] for each — the page's one scanned image
//! taken out of the file when the page is a single image, else only its
//! number for the engine to rasterise — and gets back [`PositionedWord`]s.
//! [`content_from_words`] turns those into the same [`PageContent`] the
//! content-stream interpreter produces, so scanned and born-digital pages go
//! through one layout (lines, paragraphs, lists, tables, headers and footers).
//!
//! The engine lives in another crate (`minutes-ocr`), behind the [`Ocr`]
//! trait: this crate needs no image code and no Tesseract.

use crate::interp::{Glyph, M, PageContent, PlacedImage, Rule};
use lopdf::{Document, Object};

/// An OCR engine.
pub trait Ocr: Sync {
    /// Whether the engine can run at all; the error says what to install.
    fn available(&self) -> Result<(), String>;

    /// Recognise `pages` of the PDF `file` (its whole bytes, for pages that
    /// must be rasterised). One result per page, in order; an error names
    /// what is wrong with that page.
    fn recognise(&self, file: &[u8], pages: &[ScanPage]) -> Vec<Result<OcrPage, String>>;
}

/// A page handed to OCR.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanPage {
    /// 1-based page number.
    pub number: u32,
    /// Where its pixels come from.
    pub source: PageSource,
}

/// Where the pixels of a page to OCR come from.
#[derive(Debug, Clone, PartialEq)]
pub enum PageSource {
    /// The page is one image in a form the engine can take as it is.
    Image(ScanImage),
    /// Rasterise the page.
    Rasterise,
    /// The page's scan is unusable (0×0, or too large to decode safely):
    /// why.
    Refused(String),
}

/// A page's scanned image, out of the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanImage {
    /// The pixels.
    pub data: ImageData,
    /// Resolution, from the image's size in pixels and its size on the page.
    pub dpi: f32,
}

/// Image pixels in one of the forms OCR takes directly.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    /// A JPEG file (a `DCTDecode` stream, as stored).
    Jpeg {
        /// Width in pixels, as the PDF declares it.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// The JPEG bytes.
        bytes: Vec<u8>,
    },
    /// Decoded samples, rows top to bottom, each row padded to a byte.
    Raw {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// 1 (gray) or 3 (RGB).
        channels: u8,
        /// Bits per sample: 1 or 8.
        bits: u8,
        /// The samples.
        samples: Vec<u8>,
    },
}

/// What OCR read on a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OcrPage {
    /// Width of the upright page in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Words in reading order of their lines.
    pub words: Vec<PositionedWord>,
    /// Ruled lines found in the image (table borders, underlines).
    pub rules: Vec<Rule>,
    /// The engine's mean word confidence, 0–100.
    pub confidence: f32,
}

/// A word with its position on an upright page (points, y down).
#[derive(Debug, Clone, PartialEq)]
pub struct PositionedWord {
    /// The word.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline: words of one line share it.
    pub baseline: f32,
    /// Font size.
    pub size: f32,
}

/// Most words taken from one page.
const MAX_WORDS_PER_PAGE: usize = 50_000;
/// Most rules taken from one page.
const MAX_RULES: usize = 10_000;

/// The glyphs of positioned words, spread evenly over each word's width,
/// with a space drawn between neighbouring words of a line, and the page's
/// rules: the input of [`crate::layout`].
pub fn content_from_words(
    width: f32,
    height: f32,
    words: &[PositionedWord],
    rules: &[Rule],
) -> PageContent {
    let mut glyphs = Vec::new();
    let mut prev: Option<&PositionedWord> = None;
    for w in words.iter().take(MAX_WORDS_PER_PAGE) {
        let n = w.text.chars().count();
        let ok = [w.x0, w.x1, w.baseline, w.size]
            .iter()
            .all(|v| v.is_finite());
        if n == 0 || !ok || w.x1 < w.x0 || w.size <= 0. {
            continue;
        }
        if let Some(p) = prev
            && p.baseline == w.baseline
            && p.x1 <= w.x0
        {
            glyphs.push(glyph(' ', p.x1, w.x0, w));
        }
        let step = (w.x1 - w.x0) / n as f32;
        for (i, ch) in w.text.chars().enumerate() {
            let x0 = w.x0 + step * i as f32;
            glyphs.push(glyph(ch, x0, x0 + step, w));
        }
        prev = Some(w);
    }
    PageContent {
        width,
        height,
        glyphs,
        rules: rules.iter().take(MAX_RULES).copied().collect(),
        ..PageContent::default()
    }
}

fn glyph(ch: char, x0: f32, x1: f32, w: &PositionedWord) -> Glyph {
    Glyph {
        x0,
        x1,
        y: w.baseline,
        size: w.size,
        ch,
        bold: false,
        italic: false,
    }
}

/// Share of the page an image must cover to be the page's scan.
const SCAN_COVER: f32 = 0.6;
/// Largest image decoded here (pixels); rasterising it would decode it
/// too, so a bigger one is refused.
const MAX_SCAN_PIXELS: u64 = 80_000_000;

/// Where the page's pixels come from: its largest image, when that covers
/// most of the page and is stored in a form OCR takes as it is (JPEG, 8-bit
/// gray or RGB samples, 1-bit gray); else the page rasterised.
pub fn page_source(doc: &Document, page: &PageContent) -> PageSource {
    let area = page.width * page.height;
    let Some(best) = page
        .placed_images
        .iter()
        .map(|p| (p, covered(p, page.width, page.height)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
    else {
        return PageSource::Rasterise;
    };
    if !(area > 0. && best.1 >= SCAN_COVER * area) {
        return PageSource::Rasterise;
    }
    match image_of(doc, best.0) {
        Ok(Some(img)) => PageSource::Image(img),
        Ok(None) => PageSource::Rasterise,
        Err(why) => PageSource::Refused(why),
    }
}

/// Is the page a scan: does one image cover most of it?
pub fn is_scanned(page: &PageContent) -> bool {
    let area = page.width * page.height;
    area > 0.
        && page
            .placed_images
            .iter()
            .any(|p| covered(p, page.width, page.height) >= SCAN_COVER * area)
}

/// Area of the page the image covers.
fn covered(p: &PlacedImage, w: f32, h: f32) -> f32 {
    let [x0, y0, x1, y1] = p.bbox();
    (x1.min(w) - x0.max(0.)).max(0.) * (y1.min(h) - y0.max(0.)).max(0.)
}

/// The image as OCR takes it; `Ok(None)` when it is stored otherwise (to be
/// rasterised), an error when its size is hostile.
fn image_of(doc: &Document, p: &PlacedImage) -> Result<Option<ScanImage>, String> {
    let Some(s) = doc.get_object(p.id).ok().and_then(|o| o.as_stream().ok()) else {
        return Ok(None);
    };
    let int = |k: &[u8]| {
        s.dict
            .get(k)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_i64().ok())
    };
    let size = |k: &[u8]| int(k).and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
    let (width, height) = (size(b"Width"), size(b"Height"));
    if width == 0 || height == 0 {
        return Err(format!("the page image is {width}×{height} pixels"));
    }
    if u64::from(width) * u64::from(height) > MAX_SCAN_PIXELS {
        return Err(format!(
            "the page image is {width}×{height} pixels, more than the limit of {MAX_SCAN_PIXELS}"
        ));
    }
    let Some(dpi) = resolution(&p.matrix, width, height) else {
        return Ok(None);
    };
    if s.dict.get(b"Mask").is_ok() || s.dict.get(b"SMask").is_ok() {
        return Ok(None);
    }
    let filters = s.filters().unwrap_or_default();
    let data = match filters.as_slice() {
        [b"DCTDecode"] => ImageData::Jpeg {
            width,
            height,
            bytes: s.content.clone(),
        },
        [] | [b"FlateDecode"] | [b"LZWDecode"] => {
            let Some(channels) = channels(doc, s.dict.get(b"ColorSpace").ok()) else {
                return Ok(None);
            };
            let bits = int(b"BitsPerComponent").unwrap_or(8);
            // 1-bit samples are gray only (a stencil mask is not a scan).
            if !(bits == 8 || bits == 1 && channels == 1)
                || s.dict
                    .get(b"ImageMask")
                    .and_then(Object::as_bool)
                    .unwrap_or(false)
                || s.dict.get(b"Decode").is_ok()
            {
                return Ok(None);
            }
            let bits = bits as u8;
            let row = (width as usize * channels as usize * bits as usize).div_ceil(8);
            let need = row * height as usize;
            let samples = if filters.is_empty() {
                s.content.clone()
            } else {
                s.decompressed_content_with_limit(need)
                    .map_err(|e| format!("the page image cannot be decoded: {e}"))?
            };
            if samples.len() < need {
                return Err("the page image is truncated".into());
            }
            ImageData::Raw {
                width,
                height,
                channels,
                bits,
                samples,
            }
        }
        // CCITT fax, JBIG2, JPX and chains of filters: rasterised.
        _ => return Ok(None),
    };
    Ok(Some(ScanImage { data, dpi }))
}

/// Pixels per inch along the image's longer side.
fn resolution(m: &M, width: u32, height: u32) -> Option<f32> {
    let [a, b, c, d, _, _] = m.0;
    let (w_pt, h_pt) = ((a * a + b * b).sqrt(), (c * c + d * d).sqrt());
    let dpi = if width >= height {
        width as f32 * 72. / w_pt
    } else {
        height as f32 * 72. / h_pt
    };
    (dpi.is_finite() && dpi > 0.).then_some(dpi)
}

/// Colour components of gray and RGB colour spaces (ICC-based by their
/// `/N`); `None` for others (CMYK, indexed, …), which are rasterised.
fn channels(doc: &Document, cs: Option<&Object>) -> Option<u8> {
    let cs = doc.dereference(cs?).ok()?.1;
    match cs {
        Object::Name(n) if n == b"DeviceGray" || n == b"CalGray" => Some(1),
        Object::Name(n) if n == b"DeviceRGB" || n == b"CalRGB" => Some(3),
        Object::Array(a) => match a.first().and_then(|o| o.as_name().ok()) {
            Some(b"ICCBased") => {
                let s = doc.dereference(a.get(1)?).ok()?.1.as_stream().ok()?;
                match s.dict.get(b"N").and_then(Object::as_i64) {
                    Ok(1) => Some(1),
                    Ok(3) => Some(3),
                    _ => None,
                }
            }
            Some(b"CalGray") => Some(1),
            Some(b"CalRGB") => Some(3),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32, x1: f32, baseline: f32) -> PositionedWord {
        PositionedWord {
            text: text.into(),
            x0,
            x1,
            baseline,
            size: 10.,
        }
    }

    #[test]
    fn words_become_glyphs_with_spaces_between_words_of_a_line() {
        let c = content_from_words(
            595.,
            842.,
            &[
                word("Mötets", 72., 102., 100.),
                word("öppnande", 106., 150., 100.),
                word("Beslut", 72., 100., 120.),
            ],
            &[],
        );
        let text: String = c.glyphs.iter().map(|g| g.ch).collect();
        assert_eq!(text, "Mötets öppnandeBeslut");
        assert_eq!(c.glyphs[0].x0, 72.);
        assert_eq!(c.glyphs[5].x1, 102.);
        assert!(c.glyphs.iter().all(|g| g.size == 10.));
        assert_eq!(c.glyphs.last().map(|g| g.y), Some(120.));
    }

    #[test]
    fn broken_words_are_skipped() {
        let c = content_from_words(
            100.,
            100.,
            &[
                word("", 1., 2., 3.),
                word("x", f32::NAN, 2., 3.),
                word("y", 5., 1., 3.),
            ],
            &[],
        );
        assert!(c.glyphs.is_empty());
    }

    #[test]
    fn resolution_follows_the_placement() {
        // An A4 page at 200 dpi: 1654 px over 595 pt.
        let m = M([595.3, 0., 0., -841.9, 0., 841.9]);
        let dpi = resolution(&m, 1654, 2339).unwrap_or(0.);
        assert!((dpi - 200.).abs() < 1., "{dpi}");
        // Placed turned a quarter: the long side runs along the page's height.
        let m = M([0., 841.9, 595.3, 0., 0., 0.]);
        let dpi = resolution(&m, 2339, 1654).unwrap_or(0.);
        assert!((dpi - 200.).abs() < 1., "{dpi}");
    }
}
