//! Straightening a scan before Tesseract reads it.
//!
//! Tesseract deskews internally, but its page layout analysis runs on the
//! image as given: on a page scanned 2° askew, the slanted borders of a
//! table cut through the text beside them, and whole cells come back as
//! "image" regions with no words. So the skew is measured from the pixels
//! (the angle at which the ink's row and column profiles are sharpest:
//! text lines, table borders and margins all line up there) and the image
//! is turned straight first.

use crate::rules::Gray;

/// Largest skew looked for, degrees: beyond it a slant is a drawing or a
/// stamp, not a page laid askew.
const MAX_DEGREES: f32 = 5.;
/// Coarse search step, degrees.
const COARSE_STEP: f32 = 0.2;
/// Fine search step, degrees.
const FINE_STEP: f32 = 0.02;
/// Smallest skew worth turning the image for, degrees: less moves a line
/// across a page by under a third of its height.
pub const MIN_DEGREES: f32 = 0.1;
/// Most ink samples projected (the page is sampled more coarsely beyond).
const MAX_POINTS: usize = 300_000;
/// How much sharper the profiles must be at the skew than upright for the
/// skew to count: a page of noise is not turned.
const MIN_GAIN: f64 = 1.02;

/// The page's skew in radians (positive: lines fall to the right, as in
/// [`crate::geometry`]), 0 when none is evident.
pub fn skew(img: Gray<'_>) -> f32 {
    let (w, h) = (img.width, img.height);
    if w < 2 || h < 2 || img.pixels.len() < w * h {
        return 0.;
    }
    let below = img.ink_level();
    // Sample so that text lines stay several samples apart.
    let mut step = (w.max(h) / 1600).max(1);
    let points = loop {
        let pts = ink_points(img, step, below);
        if pts.len() <= MAX_POINTS {
            break pts;
        }
        step += 1;
    };
    if points.len() < 100 {
        return 0.;
    }
    let (gw, gh) = (w / step + 1, h / step + 1);
    let mut bins = Bins::new(gw, gh);
    let score = |deg: f32, bins: &mut Bins| bins.score(&points, deg.to_radians());
    let upright = score(0., &mut bins);
    let n = (MAX_DEGREES / COARSE_STEP).round() as i32;
    let (mut best, mut best_score) = (0f32, upright);
    for k in -n..=n {
        let deg = k as f32 * COARSE_STEP;
        let s = score(deg, &mut bins);
        if s > best_score {
            (best, best_score) = (deg, s);
        }
    }
    if best.abs() >= MAX_DEGREES - COARSE_STEP / 2. {
        return 0.;
    }
    let centre = best;
    let m = (COARSE_STEP / FINE_STEP).round() as i32;
    for k in -m..=m {
        let deg = centre + k as f32 * FINE_STEP;
        let s = score(deg, &mut bins);
        if s > best_score {
            (best, best_score) = (deg, s);
        }
    }
    if best_score < MIN_GAIN * upright {
        return 0.;
    }
    best.to_radians()
}

/// Dark samples, every `step` pixels, relative to the image's centre.
fn ink_points(img: Gray<'_>, step: usize, below: u8) -> Vec<(f32, f32)> {
    let (cx, cy) = (img.width as f32 / 2., img.height as f32 / 2.);
    let mut out = Vec::new();
    for y in (0..img.height).step_by(step) {
        let Some(row) = img.pixels.get(y * img.width..(y + 1) * img.width) else {
            break;
        };
        for x in (0..img.width).step_by(step) {
            if row.get(x).is_some_and(|&v| v < below) {
                out.push((x as f32 - cx, y as f32 - cy));
            }
        }
        if out.len() > MAX_POINTS {
            break;
        }
    }
    let s = step as f32;
    out.iter_mut().for_each(|p| *p = (p.0 / s, p.1 / s));
    out
}

/// Row and column histograms, reused between angles.
struct Bins {
    rows: Vec<u32>,
    cols: Vec<u32>,
    /// Offset that keeps turned coordinates inside the histograms.
    pad: f32,
}

impl Bins {
    fn new(w: usize, h: usize) -> Bins {
        // A point turned by up to MAX_DEGREES stays within the diagonal.
        let d = ((w * w + h * h) as f32).sqrt().ceil() as usize + 2;
        Bins {
            rows: vec![0; d],
            cols: vec![0; d],
            pad: d as f32 / 2.,
        }
    }

    /// Sharpness of the profiles with the page turned back by `a`: the sum
    /// of squared counts, largest when lines and borders fall in one bin.
    fn score(&mut self, points: &[(f32, f32)], a: f32) -> f64 {
        self.rows.iter_mut().for_each(|v| *v = 0);
        self.cols.iter_mut().for_each(|v| *v = 0);
        let (s, c) = a.sin_cos();
        for &(x, y) in points {
            let row = (y * c - x * s + self.pad) as usize;
            let col = (x * c + y * s + self.pad) as usize;
            if let Some(v) = self.rows.get_mut(row) {
                *v += 1;
            }
            if let Some(v) = self.cols.get_mut(col) {
                *v += 1;
            }
        }
        let sq = |v: &[u32]| v.iter().map(|&n| f64::from(n) * f64::from(n)).sum::<f64>();
        sq(&self.rows) + sq(&self.cols)
    }
}

/// The image turned back by `angle` (radians, as [`skew`] gives it) about
/// its centre, same size, with paper (white) where nothing was.
pub fn rotate(img: Gray<'_>, angle: f32) -> Vec<u8> {
    let (w, h) = (img.width, img.height);
    let mut out = vec![255u8; w * h];
    if img.pixels.len() < w * h {
        return out;
    }
    let (s, c) = angle.sin_cos();
    let (cx, cy) = (w as f32 / 2., h as f32 / 2.);
    let px = |x: usize, y: usize| f32::from(img.pixels[y * w + x]);
    for (v, row) in out.chunks_mut(w.max(1)).enumerate() {
        let dv = v as f32 + 0.5 - cy;
        for (u, o) in row.iter_mut().enumerate() {
            let du = u as f32 + 0.5 - cx;
            // Where this pixel of the straight page lies in the scan.
            let sx = du * c - dv * s + cx - 0.5;
            let sy = du * s + dv * c + cy - 0.5;
            if !(sx >= 0. && sy >= 0.) {
                continue;
            }
            let (x0, y0) = (sx as usize, sy as usize);
            if x0 + 1 >= w || y0 + 1 >= h {
                continue;
            }
            let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
            let top = px(x0, y0) * (1. - fx) + px(x0 + 1, y0) * fx;
            let bottom = px(x0, y0 + 1) * (1. - fx) + px(x0 + 1, y0 + 1) * fx;
            *o = (top * (1. - fy) + bottom * fy).round().clamp(0., 255.) as u8;
        }
    }
    out
}

/// A gray image as a binary PGM file, which Tesseract reads without any
/// decoding cost.
pub fn pgm(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let header = format!("P5\n{width} {height}\n255\n");
    let mut out = Vec::with_capacity(header.len() + pixels.len());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(pixels);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of "text": rows of dashes with gaps, and a ruled box, turned
    /// by `deg` degrees (positive: falling to the right).
    fn page(deg: f32) -> (usize, usize, Vec<u8>) {
        let (w, h) = (800usize, 1000usize);
        let straight = |x: f32, y: f32| -> bool {
            let in_box = (100. ..=700.).contains(&x) && (100. ..=900.).contains(&y);
            let border = in_box
                && ((x - 100.).abs() < 2.
                    || (x - 700.).abs() < 2.
                    || (y - 100.).abs() < 2.
                    || (y - 900.).abs() < 2.);
            let text = (150. ..650.).contains(&x)
                && (150. ..850.).contains(&y)
                && (y as i32 % 30) < 10
                && (x as i32 % 40) < 30;
            border || text
        };
        let (s, c) = (-deg.to_radians()).sin_cos();
        let (cx, cy) = (w as f32 / 2., h as f32 / 2.);
        let mut px = vec![250u8; w * h];
        for v in 0..h {
            for u in 0..w {
                let (du, dv) = (u as f32 - cx, v as f32 - cy);
                let (x, y) = (du * c - dv * s + cx, du * s + dv * c + cy);
                if straight(x, y) {
                    px[v * w + u] = 20;
                }
            }
        }
        (w, h, px)
    }

    fn gray(w: usize, h: usize, px: &[u8]) -> Gray<'_> {
        Gray {
            width: w,
            height: h,
            pixels: px,
        }
    }

    #[test]
    fn the_skew_of_a_turned_page() {
        for deg in [-2f32, -0.7, 1.5] {
            let (w, h, px) = page(deg);
            let found = skew(gray(w, h, &px)).to_degrees();
            assert!((found - deg).abs() < 0.1, "{deg}: {found}");
        }
        let (w, h, px) = page(0.);
        assert!(skew(gray(w, h, &px)).to_degrees().abs() < 0.05);
    }

    #[test]
    fn turning_back_straightens_the_page() {
        let (w, h, px) = page(2.);
        let angle = skew(gray(w, h, &px));
        let straight = rotate(gray(w, h, &px), angle);
        assert!(skew(gray(w, h, &straight)).to_degrees().abs() < 0.1);
        // The top border is one row of ink again, across the box.
        let dark = |y: usize| (120..680).filter(|&x| straight[y * w + x] < 128).count();
        assert!((99..=101).any(|y| dark(y) > 500), "{}", dark(100));
    }

    #[test]
    fn blank_and_tiny_images_are_not_turned() {
        assert_eq!(skew(gray(1, 1, &[0])), 0.);
        assert_eq!(skew(gray(50, 50, &[255; 2500])), 0.);
        assert_eq!(skew(gray(50, 50, &[255; 10])), 0.);
    }

    #[test]
    fn pgm_header() {
        let f = pgm(2, 1, &[0, 255]);
        assert_eq!(f, b"P5\n2 1\n255\n\0\xff");
    }
}
