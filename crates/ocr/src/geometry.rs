//! From Tesseract's word boxes (image pixels, as the image lies) to
//! positioned words on an upright page in points.
//!
//! Tesseract (with `--psm 1`) finds a page's orientation itself and reads
//! sideways or upside-down text, but reports boxes in the image as it lies;
//! it deskews internally but reports skewed boxes. So: the orientation is
//! read from the direction words follow each other along their lines, the
//! boxes are turned upright, the skew is measured from the lines' slopes and
//! taken out, and each line gets one baseline and one font size — what the
//! PDF layout needs to group words into lines as for born-digital text.

use crate::tsv::TsvWord;
use minutes_pdf::ocr::PositionedWord;
use std::collections::BTreeMap;

/// How the text lies in the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Upright.
    Upright,
    /// Turned a quarter clockwise: lines read top to bottom.
    Clockwise,
    /// Upside down.
    UpsideDown,
    /// Turned a quarter anticlockwise: lines read bottom to top.
    Anticlockwise,
}

/// A box: left, top, right, bottom.
type Box4 = [f32; 4];

/// Lines of words: the words' boxes, in the order Tesseract read them.
fn lines(words: &[TsvWord]) -> BTreeMap<(u32, u32, u32), Vec<usize>> {
    let mut m: BTreeMap<(u32, u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        m.entry(w.line).or_default().push(i);
    }
    m
}

fn centre(w: &TsvWord) -> (f32, f32) {
    (w.left + w.width / 2., w.top + w.height / 2.)
}

/// The orientation most words agree on: the direction from the first to
/// the last word of each line, weighted by its words.
pub fn orientation(words: &[TsvWord]) -> Orientation {
    let mut votes = [0usize; 4];
    for idx in lines(words).values() {
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            continue;
        };
        if a == b {
            continue;
        }
        let (ax, ay) = centre(&words[a]);
        let (bx, by) = centre(&words[b]);
        let (dx, dy) = (bx - ax, by - ay);
        let k = if dx.abs() >= dy.abs() {
            if dx >= 0. { 0 } else { 2 }
        } else if dy > 0. {
            1
        } else {
            3
        };
        votes[k] += idx.len();
    }
    let best = (0..4).max_by_key(|&k| (votes[k], k == 0)).unwrap_or(0);
    [
        Orientation::Upright,
        Orientation::Clockwise,
        Orientation::UpsideDown,
        Orientation::Anticlockwise,
    ][best]
}

/// A box of an image `w`×`h` in the upright frame, and that frame's size.
fn turn(b: Box4, o: Orientation, w: f32, h: f32) -> Box4 {
    let [l, t, r, bo] = b;
    match o {
        Orientation::Upright => b,
        Orientation::Clockwise => [t, w - r, bo, w - l],
        Orientation::UpsideDown => [w - r, h - bo, w - l, h - t],
        Orientation::Anticlockwise => [h - bo, l, h - t, r],
    }
}

fn turned_size(o: Orientation, w: f32, h: f32) -> (f32, f32) {
    match o {
        Orientation::Upright | Orientation::UpsideDown => (w, h),
        Orientation::Clockwise | Orientation::Anticlockwise => (h, w),
    }
}

/// Skew (radians, positive: lines fall to the right) from the slopes of
/// lines' word centres: the median over lines with two or more words.
fn skew(boxes: &[Box4], groups: &[Vec<usize>]) -> f32 {
    let mut slopes: Vec<f32> = groups
        .iter()
        .filter_map(|idx| {
            let (a, b) = (*idx.first()?, *idx.last()?);
            let (ba, bb) = (boxes[a], boxes[b]);
            let dx = (bb[0] + bb[2] - ba[0] - ba[2]) / 2.;
            let dy = (bb[1] + bb[3] - ba[1] - ba[3]) / 2.;
            let height = (ba[3] - ba[1]).max(bb[3] - bb[1]);
            // Short lines say little about the angle.
            (dx > 10. * height).then(|| dy / dx)
        })
        .collect();
    if slopes.is_empty() {
        return 0.;
    }
    slopes.sort_by(f32::total_cmp);
    let angle = slopes[slopes.len() / 2].atan();
    // Beyond a few degrees it is not skew but a drawing or a stamp.
    if angle.abs() > 8f32.to_radians() {
        0.
    } else {
        angle
    }
}

/// Turn a box's centre by `-angle` about `(cx, cy)`, keeping its size.
fn unskew(b: Box4, angle: f32, cx: f32, cy: f32) -> Box4 {
    let (x, y) = ((b[0] + b[2]) / 2. - cx, (b[1] + b[3]) / 2. - cy);
    let (s, c) = (-angle).sin_cos();
    let (nx, ny) = (x * c - y * s + cx, x * s + y * c + cy);
    let (hw, hh) = ((b[2] - b[0]) / 2., (b[3] - b[1]) / 2.);
    [nx - hw, ny - hh, nx + hw, ny + hh]
}

/// Letters that reach below the baseline.
fn descends(c: char) -> bool {
    matches!(
        c,
        'g' | 'j' | 'p' | 'q' | 'y' | ',' | ';' | '(' | ')' | '[' | ']' | '|'
    )
}

/// How high a letter reaches above the baseline, as a share of the font
/// size (typical of the sans and serif faces minutes are set in); `None`
/// for marks that say little (punctuation, symbols).
fn letter_top(c: char) -> Option<f32> {
    Some(match c {
        // Capitals with a mark above reach well over cap height.
        'Å' | 'Ä' | 'Ö' | 'É' | 'Ü' | 'À' | 'È' => 0.88,
        'å' => 0.77,
        'b' | 'd' | 'f' | 'h' | 'k' | 'l' | 'ä' | 'ö' | 'ü' | 'é' | 'i' | 'j' => 0.72,
        '§' | '(' | ')' | '[' | ']' | '/' => 0.72,
        't' => 0.66,
        c if c.is_uppercase() || c.is_ascii_digit() => 0.72,
        c if c.is_lowercase() => X_HEIGHT,
        _ => return None,
    })
}

/// How high the word's highest letter reaches, as a share of the font
/// size: the top of its box.
fn word_top(text: &str) -> Option<f32> {
    text.chars().filter_map(letter_top).reduce(f32::max)
}

fn median(v: &mut [f32]) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

/// x-height as a share of the font size.
const X_HEIGHT: f32 = 0.5;

/// The bullet a list item's misread mark stands for.
const BULLET: char = '•';

/// Tesseract reads a list's round bullet as "+", "«", "e", "°", "©"…:
/// a line's first word of one or two such marks, set off from the text by
/// more than a word space (a list's tab), before a word that begins with a
/// letter or digit, is the bullet.
fn is_misread_bullet(first: &str, gap: f32, size: f32, next: &str) -> bool {
    let n = first.chars().count();
    (1..=2).contains(&n)
        && first.chars().all(|c| {
            matches!(
                c,
                '•' | '·' | '+' | '«' | '»' | '°' | '©' | '®' | '¢' | '*' | 'e' | 'o'
            )
        })
        && gap > 0.6 * size
        && next.chars().next().is_some_and(char::is_alphanumeric)
}

/// How the upright, deskewed page lies in the image: what [`position`]
/// turned the words by, for finding the page's rules in the same frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// How the text lies in the image.
    pub orientation: Orientation,
    /// Skew taken out, radians.
    pub angle: f32,
    /// Image width in pixels.
    pub image_width: f32,
    /// Image height in pixels.
    pub image_height: f32,
    /// Upright page width in pixels.
    pub width: f32,
    /// Upright page height in pixels.
    pub height: f32,
}

impl Frame {
    /// The image pixel under a point of the upright, deskewed page.
    pub fn to_image(&self, u: f32, v: f32) -> (f32, f32) {
        let (cx, cy) = (self.width / 2., self.height / 2.);
        let (s, c) = self.angle.sin_cos();
        let (x, y) = (u - cx, v - cy);
        let (u, v) = (x * c - y * s + cx, x * s + y * c + cy);
        let (w, h) = (self.image_width, self.image_height);
        match self.orientation {
            Orientation::Upright => (u, v),
            Orientation::Clockwise => (w - v, u),
            Orientation::UpsideDown => (w - u, h - v),
            Orientation::Anticlockwise => (v, h - u),
        }
    }
}

/// A page's words placed upright.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The words, in points, with one baseline and one size per line.
    pub words: Vec<PositionedWord>,
    /// Upright page width in points.
    pub width: f32,
    /// Upright page height in points.
    pub height: f32,
    /// How the page lies in the image.
    pub frame: Frame,
}

/// The page's words, upright and deskewed, in points, with one baseline and
/// one size per line.
pub fn position(words: &[TsvWord], width_px: f32, height_px: f32, dpi: f32) -> Placed {
    let o = orientation(words);
    let (w, h) = turned_size(o, width_px, height_px);
    let boxes: Vec<Box4> = words
        .iter()
        .map(|t| {
            turn(
                [t.left, t.top, t.left + t.width, t.top + t.height],
                o,
                width_px,
                height_px,
            )
        })
        .collect();
    let groups: Vec<Vec<usize>> = lines(words)
        .into_values()
        .map(|mut idx| {
            idx.sort_by(|&a, &b| boxes[a][0].total_cmp(&boxes[b][0]));
            idx
        })
        .collect();
    let angle = skew(&boxes, &groups);
    let boxes: Vec<Box4> = boxes
        .into_iter()
        .map(|b| unskew(b, angle, w / 2., h / 2.))
        .collect();
    let pt = 72. / dpi;
    let mut out = Vec::with_capacity(words.len());
    let mut sizes = Vec::with_capacity(groups.len());
    for idx in &groups {
        let mut bottoms: Vec<f32> = idx
            .iter()
            .filter(|&&i| !words[i].text.chars().any(descends))
            .map(|&i| boxes[i][3])
            .collect();
        let baseline = median(&mut bottoms).unwrap_or_else(|| {
            let mut all: Vec<f32> = idx.iter().map(|&i| boxes[i][3]).collect();
            let b = median(&mut all).unwrap_or(0.);
            let mut hs: Vec<f32> = idx.iter().map(|&i| boxes[i][3] - boxes[i][1]).collect();
            b - 0.2 * median(&mut hs).unwrap_or(0.)
        });
        // Each word's box top is its highest letter's: the size that puts
        // it there, as the line's median.
        let mut tops: Vec<f32> = idx
            .iter()
            .filter_map(|&i| Some((baseline - boxes[i][1]) / word_top(&words[i].text)?))
            .collect();
        let size = median(&mut tops).unwrap_or_else(|| {
            let mut xs: Vec<f32> = idx
                .iter()
                .map(|&i| (baseline - boxes[i][1]) / X_HEIGHT)
                .collect();
            median(&mut xs).unwrap_or(0.)
        });
        let size_px = size;
        let size = size * pt;
        sizes.push(size);
        let bulleted = match idx.as_slice() {
            [a, b, ..] => is_misread_bullet(
                &words[*a].text,
                boxes[*b][0] - boxes[*a][2],
                size_px,
                &words[*b].text,
            ),
            _ => false,
        };
        for (k, &i) in idx.iter().enumerate() {
            out.push(PositionedWord {
                text: if k == 0 && bulleted {
                    BULLET.to_string()
                } else {
                    words[i].text.clone()
                },
                x0: boxes[i][0] * pt,
                x1: boxes[i][2] * pt,
                baseline: baseline * pt,
                size,
            });
        }
    }
    snap_sizes(&mut out, &mut sizes);
    Placed {
        words: out,
        width: w * pt,
        height: h * pt,
        frame: Frame {
            orientation: o,
            angle,
            image_width: width_px,
            image_height: height_px,
            width: w,
            height: h,
        },
    }
}

/// Sizes measured from pixels scatter by a few per cent from line to line;
/// the layout reads size changes as headings. Sizes within 15% of the
/// page's body size (the median line's) become that size; others are
/// rounded to half a point.
fn snap_sizes(words: &mut [PositionedWord], sizes: &mut [f32]) {
    let Some(body) = median(sizes) else { return };
    for w in words {
        w.size = if (w.size - body).abs() <= 0.15 * body {
            (body * 2.).round() / 2.
        } else {
            (w.size * 2.).round() / 2.
        }
        .max(1.);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(line: u32, left: f32, top: f32, width: f32, height: f32, text: &str) -> TsvWord {
        TsvWord {
            line: (1, 1, line),
            left,
            top,
            width,
            height,
            conf: 90.,
            text: text.into(),
        }
    }

    /// Two lines of an upright page at 100 px per inch.
    fn upright() -> Vec<TsvWord> {
        vec![
            word(1, 100., 100., 200., 30., "Mötets"),
            word(1, 320., 100., 300., 30., "öppnande"),
            word(2, 100., 150., 150., 30., "Beslut"),
            word(2, 270., 158., 60., 22., "om"),
            word(2, 350., 150., 200., 38., "stadgar"),
        ]
    }

    /// The same page turned a quarter clockwise (W×H = 1000×800 upright,
    /// so 800×1000 turned): (x, y) -> (H - y, x).
    fn clockwise() -> Vec<TsvWord> {
        upright()
            .into_iter()
            .map(|w| TsvWord {
                left: 800. - (w.top + w.height),
                top: w.left,
                width: w.height,
                height: w.width,
                ..w
            })
            .collect()
    }

    #[test]
    fn orientation_from_word_order() {
        assert_eq!(orientation(&upright()), Orientation::Upright);
        assert_eq!(orientation(&clockwise()), Orientation::Clockwise);
        let flipped: Vec<TsvWord> = upright()
            .into_iter()
            .map(|w| TsvWord {
                left: 1000. - w.left - w.width,
                top: 800. - w.top - w.height,
                ..w
            })
            .collect();
        assert_eq!(orientation(&flipped), Orientation::UpsideDown);
    }

    #[test]
    fn a_turned_page_reads_like_the_upright_one() {
        let pa = position(&upright(), 1000., 800., 100.);
        let pb = position(&clockwise(), 800., 1000., 100.);
        assert_eq!((pa.width, pa.height), (720., 576.));
        assert_eq!((pb.width, pb.height), (720., 576.));
        // The frame finds the image pixel of an upright point.
        assert_eq!(pb.frame.to_image(100., 150.), (650., 100.));
        let (a, b) = (pa.words, pb.words);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.text, y.text);
            assert!((x.x0 - y.x0).abs() < 0.5 && (x.baseline - y.baseline).abs() < 0.5);
        }
    }

    #[test]
    fn a_line_shares_one_baseline_and_size() {
        let w = position(&upright(), 1000., 800., 72.).words;
        // "Beslut om stadgar": the baseline is the bottom of the words
        // without descenders, not of "stadgar".
        assert_eq!(w[2].baseline, 180.);
        assert_eq!(w[3].baseline, 180.);
        assert_eq!(w[4].baseline, 180.);
        assert!(w.iter().all(|x| x.size == w[0].size));
        // Cap height 30 px at 72 dpi: about 42 pt.
        assert!((w[0].size - 41.5).abs() < 1., "{}", w[0].size);
    }

    #[test]
    fn marks_above_capitals_do_not_make_a_line_larger() {
        // 10 pt at 72 dpi on baseline 100: "Östern" reaches 8.8 px above
        // it, "Mötets" 7.2 px, "om" 5 px.
        let size = |top: f32, text: &str| {
            position(
                &[word(1, 10., 100. - top, 60., top, text)],
                1000.,
                800.,
                72.,
            )
            .words[0]
                .size
        };
        assert_eq!(size(8.8, "Östern"), 10.);
        assert_eq!(size(7.2, "Mötets"), 10.);
        assert_eq!(size(5., "om"), 10.);
    }

    #[test]
    fn a_misread_bullet_before_a_tab_is_a_bullet() {
        let line = |mark: &str, gap: f32| {
            let w = vec![
                word(1, 100., 100., 10., 20., mark),
                word(1, 110. + gap, 100., 60., 20., "Hur"),
                word(1, 180. + gap, 100., 40., 20., "ska"),
            ];
            position(&w, 1000., 800., 72.).words[0].text.clone()
        };
        assert_eq!(line("+", 30.), "•");
        assert_eq!(line("e«", 30.), "•");
        // A word space: "e" is a word there, not a bullet.
        assert_eq!(line("e", 5.), "e");
        assert_eq!(line("Se", 30.), "Se");
    }

    #[test]
    fn skew_is_taken_out() {
        // A page turned 2° clockwise about its centre: lines fall to the
        // right and the left margin leans.
        let (s, c) = 2f32.to_radians().sin_cos();
        let mut words = Vec::new();
        for line in 0..5u32 {
            for k in 0..6 {
                let (x, y) = (
                    155. + 130. * k as f32 - 500.,
                    115. + 50. * line as f32 - 400.,
                );
                let (xr, yr) = (500. + x * c - y * s, 400. + x * s + y * c);
                words.push(word(line + 1, xr - 55., yr - 15., 110., 30., "Ordet"));
            }
        }
        let w = position(&words, 1000., 800., 72.).words;
        for line in w.chunks(6) {
            let xs: Vec<f32> = line.iter().map(|x| x.x0).collect();
            assert!(xs.windows(2).all(|p| p[1] > p[0]));
        }
        // Starts of lines stay one above the other after the turn.
        let starts: Vec<f32> = w.chunks(6).map(|l| l[0].x0).collect();
        let spread = starts
            .iter()
            .fold(0f32, |m, x| m.max((x - starts[0]).abs()));
        assert!(spread < 5., "{starts:?}");
        // Lines 50 px apart stay 50 px apart.
        let baselines: Vec<f32> = w.chunks(6).map(|l| l[0].baseline).collect();
        assert!(
            baselines.windows(2).all(|p| (p[1] - p[0] - 50.).abs() < 2.),
            "{baselines:?}"
        );
    }
}
