//! Reads scanned PDF pages with Tesseract 5 and its Swedish model, for the
//! PDF reader's layout.
//!
//! # Approach
//!
//! The PDF reader (`minutes-pdf`) decides which pages need OCR and hands
//! them over through its [`minutes_pdf::ocr::Ocr`] trait, which
//! [`Tesseract`] implements:
//!
//! 1. The page image: the page's one scanned image as stored in the PDF —
//!    a JPEG (`DCTDecode`) as it is, gray or RGB samples (`FlateDecode`,
//!    1 or 8 bits) written as PNG ([`image`]) — with its resolution from its
//!    size on the page. Anything else (CCITT fax, JBIG2, JPX, CMYK, several
//!    images, vector drawings) is rasterised at 300 dpi by `pdftoppm`
//!    (poppler-utils), run as a process: poppler decodes those formats far
//!    better than anything we would write.
//! 2. `tesseract stdin stdout -l swe --psm 1 tsv`: automatic page
//!    segmentation with orientation detection; words with boxes and
//!    confidences in TSV ([`tsv`]).
//! 3. [`geometry`]: orientation from the direction words follow each other
//!    along lines, boxes turned upright, skew measured from the lines and
//!    taken out, one baseline and font size per line, pixels to points.
//! 4. [`rules`]: ruled lines (table borders) found in the pixels, in the
//!    same upright frame, so tables are built from them as from drawn rules.
//! 5. The positioned words go back to the PDF reader, which lays them out as
//!    it lays out born-digital pages: one layout, two sources of words.
//!
//! Pages are recognised in parallel (a rayon pool of OCR's own), each
//! Tesseract limited to one thread (`OMP_THREAD_LIMIT=1`): page-level parallelism beats Tesseract's
//! own threads and does not oversubscribe the machine.
//!
//! # Why a process and not libtesseract
//!
//! Binding libtesseract (the `tesseract`/`leptess` crates) needs the C
//! headers, bindgen and clang at build time, and a crash in Leptonica on a
//! hostile image would take the whole batch down. A process isolates it:
//! a crash, a hang (killed after [`Tesseract::timeout`]) or a flood of
//! output costs one page. Starting a process costs ~0.1 s against 1–5 s of
//! recognition per page.
//!
//! # Limits against hostile images
//!
//! Images over 20,000 pixels a side or 80 million pixels, 0×0 images and
//! JPEGs without a readable frame header are refused before Tesseract sees
//! them ([`image`]); each program run is bounded in time and output
//! ([`process`]); the PDF reader remembers at most 16 images per page.
//!
//! The repair of OCR confusions in item numbers (§1 read as "81") is the
//! structure finder's (`minutes_structure`'s `ocr_numbers`), where the
//! numbering that makes them evident is known.
#![deny(missing_docs)]

pub mod geometry;
pub mod image;
pub mod process;
pub mod reread;
pub mod rules;
pub mod tsv;

use minutes_pdf::ocr::{Ocr, OcrPage, PageSource, ScanPage};
use rayon::prelude::*;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

/// What to install for OCR, in every message that says it is missing.
pub const INSTALL: &str = "apt-get install tesseract-ocr tesseract-ocr-swe";
/// What to install for rasterising pages.
pub const INSTALL_RASTER: &str = "apt-get install poppler-utils";

/// Resolution pages are rasterised at when they are not one image.
const RASTER_DPI: u32 = 300;
/// Largest TSV accepted from one page.
const MAX_TSV_BYTES: usize = 32 * 1024 * 1024;
/// Largest rasterised page accepted.
const MAX_RASTER_BYTES: usize = 256 * 1024 * 1024;

/// Tesseract run as a process.
#[derive(Debug)]
pub struct Tesseract {
    /// The program.
    pub program: String,
    /// Tesseract's language (model) name.
    pub language: String,
    /// Longest a page may take.
    pub timeout: Duration,
    available: OnceLock<Result<(), String>>,
}

impl Default for Tesseract {
    fn default() -> Self {
        Tesseract {
            program: "tesseract".into(),
            language: "swe".into(),
            timeout: Duration::from_secs(120),
            available: OnceLock::new(),
        }
    }
}

/// The process-wide engine with the default settings: whether Tesseract is
/// installed is asked once per run, not once per file.
pub fn engine() -> &'static Tesseract {
    static ENGINE: OnceLock<Tesseract> = OnceLock::new();
    ENGINE.get_or_init(Tesseract::default)
}

impl Tesseract {
    fn check(&self) -> Result<(), String> {
        let mut cmd = Command::new(&self.program);
        cmd.arg("--list-langs");
        let out = process::run(cmd, b"", Duration::from_secs(30), 1024 * 1024)
            .map_err(|_| format!("OCR needs Tesseract, which is not installed: {INSTALL}"))?;
        let langs = String::from_utf8_lossy(&out);
        if !langs.lines().any(|l| l.trim() == self.language) {
            return Err(format!(
                "OCR needs Tesseract's '{}' model, which is not installed: {INSTALL}",
                self.language
            ));
        }
        Ok(())
    }

    /// Recognise one page.
    fn page(&self, file: &[u8], page: &ScanPage) -> Result<OcrPage, String> {
        let (img, dpi) = match &page.source {
            PageSource::Image(scan) => (image::file_of(&scan.data)?, scan.dpi),
            PageSource::Rasterise => (rasterise(file, page.number)?, RASTER_DPI as f32),
            PageSource::Refused(why) => return Err(why.clone()),
        };
        let tsv = self.tesseract(&img.bytes, dpi, "1")?;
        let mut words = tsv::parse(&tsv);
        // Decoded for the rules and for reading again what Tesseract's page
        // layout dropped (see [`reread`]): a help, not a need.
        let gray = decode_gray(&img.bytes);
        if let Some((w, h, px)) = &gray
            && geometry::orientation(&words) == geometry::Orientation::Upright
        {
            let areas = reread::areas(&tsv::blank_areas(&tsv), dpi, *w as f32, *h as f32);
            for (k, area) in areas.into_iter().enumerate() {
                let (cw, ch, cut) = reread::crop(*w, *h, px, area);
                if cw == 0 || ch == 0 {
                    continue;
                }
                let Ok(tsv) = self.tesseract(&image::pgm(cw, ch, &cut), dpi, "6") else {
                    continue;
                };
                let block = 10_000 * (k as u32 + 1);
                let more = reread::fresh(tsv::parse(&tsv), area, &words, block);
                words.extend(more);
            }
        }
        let confidence = if words.is_empty() {
            0.
        } else {
            words.iter().map(|w| w.conf).sum::<f32>() / words.len() as f32
        };
        let placed = geometry::position(&words, img.width as f32, img.height as f32, dpi);
        // Rules are a help, not a need: an image Tesseract read but we
        // cannot decode just has none.
        let rules = gray
            .map(|(w, h, px)| {
                let gray = rules::Gray {
                    width: w,
                    height: h,
                    pixels: &px,
                };
                rules::find(gray, &placed.frame, dpi)
            })
            .unwrap_or_default();
        Ok(OcrPage {
            width: placed.width,
            height: placed.height,
            words: placed.words,
            rules,
            confidence,
        })
    }

    /// Tesseract's TSV for an image file, with page segmentation mode
    /// `psm` (1: the page, with orientation; 6: one block of text).
    fn tesseract(&self, image: &[u8], dpi: f32, psm: &str) -> Result<String, String> {
        // Tesseract's heuristics want a plausible resolution; coordinates
        // use the real one.
        let told = dpi.clamp(70., 1200.).round() as u32;
        let mut cmd = Command::new(&self.program);
        cmd.args(["stdin", "stdout", "-l", &self.language, "--psm", psm])
            .args(["--dpi", &told.to_string(), "tsv"])
            .env("OMP_THREAD_LIMIT", "1");
        let tsv = process::run(cmd, image, self.timeout, MAX_TSV_BYTES)?;
        Ok(String::from_utf8_lossy(&tsv).into_owned())
    }
}

impl Ocr for Tesseract {
    fn available(&self) -> Result<(), String> {
        self.available.get_or_init(|| self.check()).clone()
    }

    fn recognise(&self, file: &[u8], pages: &[ScanPage]) -> Vec<Result<OcrPage, String>> {
        let run = || pages.par_iter().map(|p| self.page(file, p)).collect();
        match pool() {
            Some(pool) => pool.install(run),
            None => pages.iter().map(|p| self.page(file, p)).collect(),
        }
    }
}

/// OCR's own threads. Not rayon's global pool: the batch runner's workers
/// live there and, with a time budget, block while a conversion runs on
/// another thread; OCR jobs queued behind them would wait out the budget.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("minutes-ocr-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// One page of the PDF as a gray PNG at [`RASTER_DPI`].
fn rasterise(file: &[u8], page: u32) -> Result<image::ImageFile, String> {
    let n = page.to_string();
    let mut cmd = Command::new("pdftoppm");
    cmd.args(["-r", &RASTER_DPI.to_string(), "-f", &n, "-l", &n])
        .args(["-gray", "-png", "-singlefile", "-"]);
    let png = process::run(cmd, file, Duration::from_secs(120), MAX_RASTER_BYTES).map_err(|e| {
        if e.starts_with("could not start") {
            format!("rasterising a page needs pdftoppm, which is not installed: {INSTALL_RASTER}")
        } else {
            e
        }
    })?;
    let (width, height) = png_size(&png).ok_or("pdftoppm gave no image")?;
    image::check_size(width, height)?;
    Ok(image::ImageFile {
        bytes: png,
        width,
        height,
    })
}

/// An image file decoded to gray, within the size limits.
fn decode_gray(bytes: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
    let mut reader = ::image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = ::image::Limits::default();
    limits.max_image_width = Some(image::MAX_SIDE);
    limits.max_image_height = Some(image::MAX_SIDE);
    limits.max_alloc = Some(3 * image::MAX_PIXELS);
    reader.limits(limits);
    let gray = reader.decode().ok()?.into_luma8();
    let (w, h) = gray.dimensions();
    Some((w as usize, h as usize, gray.into_raw()))
}

/// Width and height from a PNG's header.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(b"\x89PNG\r\n\x1a\n") || b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_tesseract_names_the_packages() {
        let t = Tesseract {
            program: "no-such-tesseract".into(),
            ..Tesseract::default()
        };
        let e = t.available().unwrap_err();
        assert!(e.contains(INSTALL), "{e}");
    }

    #[test]
    fn png_header_sizes() {
        let mut h = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        h.extend(1654u32.to_be_bytes());
        h.extend(2339u32.to_be_bytes());
        assert_eq!(png_size(&h), Some((1654, 2339)));
        assert_eq!(png_size(&h[..20]), None);
    }
}
