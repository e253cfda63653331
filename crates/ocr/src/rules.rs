//! Ruled lines of a scanned page (table borders, underlines), found in its
//! pixels in the upright, deskewed frame the words were placed in, so the
//! PDF layout builds tables from them as it does from drawn rules.
//!
//! A rule is a run of dark samples along a row (or column), long (over
//! [`MIN_LENGTH_IN`] inches), nearly unbroken (text rows are at most half
//! dark) and thin (a filled area is not a rule); runs on neighbouring rows
//! that overlap make one rule.

use crate::geometry::Frame;
use minutes_pdf::interp::Rule;

/// Shortest rule, in inches.
const MIN_LENGTH_IN: f32 = 0.4;
/// Thickest rule, in inches (about 3 points).
const MAX_THICKNESS_IN: f32 = 0.045;
/// Share of a run's samples that must be dark.
const MIN_DENSITY: f32 = 0.9;
/// Where between paper (the median gray) and ink (the darkest half per
/// cent) a sample turns to ink, from the paper's side: thin rules come out
/// of scanning and JPEG as light gray.
const INK_AT: f32 = 0.12;
/// Most samples looked at (the page is sampled more coarsely beyond).
const MAX_SAMPLES: f32 = 16_000_000.;
/// Most rules kept per page.
const MAX_RULES: usize = 4_000;

/// A gray image.
#[derive(Debug, Clone, Copy)]
pub struct Gray<'a> {
    /// Width in pixels.
    pub width: usize,
    /// Height.
    pub height: usize,
    /// Rows top to bottom, one byte a pixel.
    pub pixels: &'a [u8],
}

impl Gray<'_> {
    fn ink(&self, x: f32, y: f32, below: u8) -> bool {
        if !(x >= 0. && y >= 0.) {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        x < self.width
            && y < self.height
            && self
                .pixels
                .get(y * self.width + x)
                .is_some_and(|&v| v < below)
    }

    /// The gray level below which a pixel is ink.
    fn ink_level(&self) -> u8 {
        let mut hist = [0usize; 256];
        for v in self.pixels.iter().step_by(7) {
            hist[usize::from(*v)] += 1;
        }
        let total: usize = hist.iter().sum();
        let level = |share: f32| {
            let mut acc = 0;
            (0..256)
                .find(|&v| {
                    acc += hist[v];
                    acc as f32 >= share * total as f32
                })
                .unwrap_or(255) as f32
        };
        let (ink, paper) = (level(0.005), level(0.5));
        (paper - INK_AT * (paper - ink)).clamp(0., 255.) as u8
    }
}

/// Runs along one line of samples: start, end (exclusive).
fn runs(line: impl Iterator<Item = bool>, min_len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let (mut dark, mut last_dark, mut gap) = (0usize, 0usize, 0usize);
    let close = |s: usize, end: usize, dark: usize, out: &mut Vec<(usize, usize)>| {
        let len = end - s;
        if len >= min_len && dark as f32 >= MIN_DENSITY * len as f32 {
            out.push((s, end));
        }
    };
    let mut n = 0;
    for (i, ink) in line.enumerate() {
        n = i + 1;
        match (ink, start) {
            (true, None) => {
                start = Some(i);
                dark = 1;
                last_dark = i;
                gap = 0;
            }
            (true, Some(_)) => {
                dark += 1;
                last_dark = i;
                gap = 0;
            }
            (false, Some(s)) => {
                gap += 1;
                // One light sample is a speck of noise; two end the run.
                if gap > 1 {
                    close(s, last_dark + 1, dark, &mut out);
                    start = None;
                }
            }
            (false, None) => {}
        }
    }
    if let Some(s) = start {
        close(s, (last_dark + 1).min(n), dark, &mut out);
    }
    out
}

/// Join runs of neighbouring lines into rules: (line0, line1, start, end).
fn join(per_line: &[Vec<(usize, usize)>], max_thick: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut done = Vec::new();
    let mut open: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (j, rs) in per_line.iter().enumerate() {
        let mut next = Vec::with_capacity(rs.len());
        for &(a, b) in rs {
            let hit = open
                .iter()
                .position(|o| o.1 + 1 == j && a.min(o.3) < b.max(o.2) && a < o.3 && b > o.2);
            match hit {
                Some(k) => {
                    let o = open.swap_remove(k);
                    next.push((o.0, j, o.2.min(a), o.3.max(b)));
                }
                None => next.push((j, j, a, b)),
            }
        }
        done.append(&mut open);
        open = next;
        if done.len() > 4 * MAX_RULES {
            break;
        }
    }
    done.append(&mut open);
    let mut done = merge(done);
    done.retain(|r| r.1 - r.0 < max_thick);
    done
}

/// Join rules that overlap (or touch) both along and across: pieces of one
/// rule that wandered between lines of samples. Quadratic, on few rules.
fn merge(mut rules: Vec<(usize, usize, usize, usize)>) -> Vec<(usize, usize, usize, usize)> {
    if rules.len() > MAX_RULES {
        return rules;
    }
    let mut k = 0;
    while k < rules.len() {
        let a = rules[k];
        let hit = (k + 1..rules.len()).find(|&m| {
            let b = rules[m];
            a.0 <= b.1 + 1 && b.0 <= a.1 + 1 && a.2 <= b.3 && b.2 <= a.3
        });
        match hit {
            Some(m) => {
                let b = rules.swap_remove(m);
                rules[k] = (a.0.min(b.0), a.1.max(b.1), a.2.min(b.2), a.3.max(b.3));
            }
            None => k += 1,
        }
    }
    rules
}

/// The page's rules, in points on the upright page.
pub fn find(img: Gray<'_>, frame: &Frame, dpi: f32) -> Vec<Rule> {
    if img.width == 0 || img.height == 0 || dpi.is_nan() || dpi <= 0. {
        return Vec::new();
    }
    let step = (frame.width * frame.height / MAX_SAMPLES).sqrt().max(1.);
    let gw = (frame.width / step) as usize;
    let gh = (frame.height / step) as usize;
    let below = img.ink_level();
    let mut ink = vec![false; gw * gh];
    for j in 0..gh {
        for i in 0..gw {
            let (x, y) = frame.to_image((i as f32 + 0.5) * step, (j as f32 + 0.5) * step);
            ink[j * gw + i] = img.ink(x, y, below);
        }
    }
    let min_len = (MIN_LENGTH_IN * dpi / step).max(4.) as usize;
    let max_thick = (MAX_THICKNESS_IN * dpi / step).max(2.) as usize;
    // A thin rule left over from a slightly wrong skew wanders from one
    // line of samples to the next: each line is read together with the
    // next.
    let at = |i: usize, j: usize| i < gw && j < gh && ink[j * gw + i];
    let rows: Vec<Vec<(usize, usize)>> = (0..gh)
        .map(|j| runs((0..gw).map(|i| at(i, j) || at(i, j + 1)), min_len))
        .collect();
    let cols: Vec<Vec<(usize, usize)>> = (0..gw)
        .map(|i| runs((0..gh).map(|j| at(i, j) || at(i + 1, j)), min_len))
        .collect();
    let pt = 72. / dpi * step;
    let mut out: Vec<Rule> = join(&rows, max_thick)
        .into_iter()
        .map(|(j0, j1, a, b)| Rule {
            x0: a as f32 * pt,
            y0: j0 as f32 * pt,
            x1: b as f32 * pt,
            y1: (j1 + 1) as f32 * pt,
        })
        .collect();
    out.extend(
        join(&cols, max_thick)
            .into_iter()
            .map(|(i0, i1, a, b)| Rule {
                x0: i0 as f32 * pt,
                y0: a as f32 * pt,
                x1: (i1 + 1) as f32 * pt,
                y1: b as f32 * pt,
            }),
    );
    out.truncate(MAX_RULES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Orientation;

    fn frame(w: f32, h: f32) -> Frame {
        Frame {
            orientation: Orientation::Upright,
            angle: 0.,
            image_width: w,
            image_height: h,
            width: w,
            height: h,
        }
    }

    #[test]
    fn a_ruled_box_and_not_the_text_in_it() {
        // 400×300 at 100 dpi: a box from (50, 50) to (350, 250), 2 px lines,
        // and a "text" row of alternating ink inside.
        let (w, h) = (400usize, 300usize);
        let mut px = vec![255u8; w * h];
        for x in 50..350 {
            for t in 0..2 {
                px[(50 + t) * w + x] = 0;
                px[(248 + t) * w + x] = 0;
            }
        }
        for y in 50..250 {
            for t in 0..2 {
                px[y * w + 50 + t] = 0;
                px[y * w + 348 + t] = 0;
            }
        }
        for x in (60..340).step_by(3) {
            for y in 100..110 {
                px[y * w + x] = 0;
            }
        }
        let img = Gray {
            width: w,
            height: h,
            pixels: &px,
        };
        let rules = find(img, &frame(w as f32, h as f32), 100.);
        let hs: Vec<&Rule> = rules.iter().filter(|r| r.is_horizontal()).collect();
        let vs: Vec<&Rule> = rules.iter().filter(|r| !r.is_horizontal()).collect();
        assert_eq!((hs.len(), vs.len()), (2, 2), "{rules:?}");
        // 50 px at 100 dpi is 36 pt.
        assert!(
            (hs[0].y0 - 36.).abs() < 1. && (hs[0].x0 - 36.).abs() < 1.,
            "{:?}",
            hs[0]
        );
        assert!((vs[1].x0 - 250.56).abs() < 1., "{:?}", vs[1]);
    }

    #[test]
    fn pieces_of_one_rule_make_one() {
        assert_eq!(
            merge(vec![(10, 11, 0, 300), (11, 12, 250, 600), (40, 41, 0, 600)]),
            [(10, 12, 0, 600), (40, 41, 0, 600)]
        );
    }

    #[test]
    fn a_filled_area_is_not_a_rule() {
        let (w, h) = (200usize, 200usize);
        let mut px = vec![255u8; w * h];
        for y in 20..120 {
            for x in 20..180 {
                px[y * w + x] = 0;
            }
        }
        let img = Gray {
            width: w,
            height: h,
            pixels: &px,
        };
        assert!(find(img, &frame(200., 200.), 100.).is_empty());
    }
}
