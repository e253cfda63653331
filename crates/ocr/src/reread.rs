//! A second reading of text Tesseract's page layout dropped.
//!
//! On a page scanned askew, the slanted border of a table cuts through the
//! text beside it, and Tesseract's page layout takes the cell for a picture:
//! it reports the area as a "word" without text and reads nothing in it.
//! Those areas are cut out and read again as one block of text (`--psm 6`,
//! no page layout); the words found there that the first reading lacks
//! join the page's words. Pages where Tesseract lost nothing cost nothing.

use crate::tsv::TsvWord;

/// Lowest blank area read again, inches: about a line of text.
const MIN_HEIGHT_IN: f32 = 0.12;
/// Narrowest blank area read again, inches.
const MIN_WIDTH_IN: f32 = 0.5;
/// Blank areas closer than this join, inches.
const JOIN_IN: f32 = 0.05;
/// Margin cut around an area, inches.
const MARGIN_IN: f32 = 0.03;
/// Most areas read again on one page.
pub const MAX_AREAS: usize = 12;
/// Least confidence for a word of the second reading: the pieces of a
/// border inside the area come back as junk with low confidence.
const MIN_CONF: f32 = 60.;
/// Share of a new word's box that may overlap a word already read.
const MAX_OVERLAP: f32 = 0.3;

/// A box: left, top, right, bottom, in image pixels.
pub type Area = [f32; 4];

/// The areas to read again: blank areas large enough to hold a line,
/// joined where they touch, with a margin, inside the image; largest first.
pub fn areas(blanks: &[Area], dpi: f32, width: f32, height: f32) -> Vec<Area> {
    let mut out: Vec<Area> = blanks
        .iter()
        .filter(|b| b[3] - b[1] >= MIN_HEIGHT_IN * dpi && b[2] - b[0] >= MIN_WIDTH_IN * dpi)
        .copied()
        .take(16 * MAX_AREAS)
        .collect();
    let slack = JOIN_IN * dpi;
    let mut k = 0;
    while k < out.len() {
        let a = out[k];
        let hit = (k + 1..out.len()).find(|&m| {
            let b = out[m];
            a[0] <= b[2] + slack
                && b[0] <= a[2] + slack
                && a[1] <= b[3] + slack
                && b[1] <= a[3] + slack
        });
        match hit {
            Some(m) => {
                let b = out.swap_remove(m);
                out[k] = [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ];
            }
            None => k += 1,
        }
    }
    let margin = MARGIN_IN * dpi;
    for a in &mut out {
        *a = [
            (a[0] - margin).max(0.),
            (a[1] - margin).max(0.),
            (a[2] + margin).min(width),
            (a[3] + margin).min(height),
        ];
    }
    out.retain(|a| a[2] - a[0] >= 1. && a[3] - a[1] >= 1.);
    out.sort_by(|a, b| ((b[2] - b[0]) * (b[3] - b[1])).total_cmp(&((a[2] - a[0]) * (a[3] - a[1]))));
    out.truncate(MAX_AREAS);
    out
}

/// The pixels of `area` of a gray image: width, height, samples.
pub fn crop(width: usize, height: usize, pixels: &[u8], area: Area) -> (usize, usize, Vec<u8>) {
    let x0 = (area[0].max(0.) as usize).min(width);
    let y0 = (area[1].max(0.) as usize).min(height);
    let x1 = (area[2].max(0.) as usize).clamp(x0, width);
    let y1 = (area[3].max(0.) as usize).clamp(y0, height);
    let mut out = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        if let Some(row) = pixels.get(y * width + x0..y * width + x1) {
            out.extend_from_slice(row);
        }
    }
    let w = x1 - x0;
    let h = out.len().checked_div(w).unwrap_or(0);
    (w, h, out)
}

/// The words of a second reading of `area` that the page lacks: moved to
/// the page's pixels, confident, not on a word already read, each line
/// numbered apart from the first reading's (`block` is added to its block).
pub fn fresh(found: Vec<TsvWord>, area: Area, page: &[TsvWord], block: u32) -> Vec<TsvWord> {
    found
        .into_iter()
        .filter(|w| w.conf >= MIN_CONF)
        .map(|w| TsvWord {
            line: (w.line.0.saturating_add(block), w.line.1, w.line.2),
            left: w.left + area[0],
            top: w.top + area[1],
            ..w
        })
        .filter(|w| {
            let own = w.width * w.height;
            !page.iter().any(|p| {
                let ix = (w.left + w.width).min(p.left + p.width) - w.left.max(p.left);
                let iy = (w.top + w.height).min(p.top + p.height) - w.top.max(p.top);
                ix > 0. && iy > 0. && ix * iy > MAX_OVERLAP * own
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(left: f32, top: f32, text: &str, conf: f32) -> TsvWord {
        TsvWord {
            line: (1, 1, 1),
            left,
            top,
            width: 80.,
            height: 20.,
            conf,
            text: text.into(),
        }
    }

    #[test]
    fn blank_areas_that_touch_join_and_small_ones_go() {
        // At 200 dpi: a line is 24 px and more, 100 px wide and more.
        let a = areas(
            &[
                [100., 100., 900., 140.],
                [100., 142., 900., 200.],
                [500., 500., 900., 502.],
                [10., 10., 50., 60.],
            ],
            200.,
            1000.,
            1000.,
        );
        assert_eq!(a, [[94., 94., 906., 206.]]);
    }

    #[test]
    fn only_new_confident_words_join() {
        let page = [word(200., 100., "Inkommen", 95.)];
        let found = vec![
            word(100., 0., "Inkommen", 95.),
            word(100., 40., "Gällande", 93.),
            word(100., 80., "SAR", 33.),
        ];
        let w = fresh(found, [100., 100., 900., 300.], &page, 1000);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].text, "Gällande");
        assert_eq!((w[0].left, w[0].top), (200., 140.));
        assert_eq!(w[0].line, (1001, 1, 1));
    }

    #[test]
    fn a_crop_inside_the_image() {
        let px: Vec<u8> = (0..100).collect();
        let (w, h, c) = crop(10, 10, &px, [2., 3., 5., 5.]);
        assert_eq!((w, h), (3, 2));
        assert_eq!(c, [32, 33, 34, 42, 43, 44]);
        assert_eq!(crop(10, 10, &px, [8., 8., 30., 30.]).2.len(), 4);
        assert_eq!(crop(10, 10, &px, [20., 20., 30., 30.]).2.len(), 0);
    }
}
