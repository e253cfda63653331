//! Tesseract's TSV output: one row per page, block, paragraph, line and
//! word; only the words are kept, each with the line it belongs to.

/// A word as Tesseract read it, in image pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TsvWord {
    /// The line: block, paragraph and line number.
    pub line: (u32, u32, u32),
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Confidence, 0–100.
    pub conf: f32,
    /// The word.
    pub text: String,
}

/// Level of a word row.
const WORD_LEVEL: &str = "5";

/// The words of a TSV page (rows that are not well-formed words are
/// skipped, as are empty words and words without a confidence).
pub fn parse(tsv: &str) -> Vec<TsvWord> {
    tsv.lines().filter_map(parse_row).collect()
}

/// Boxes (left, top, right, bottom) of the "words" Tesseract gave no text:
/// areas its page layout took for pictures or lines. Text it drops beside
/// a slanted table border lies in them.
pub fn blank_areas(tsv: &str) -> Vec<[f32; 4]> {
    tsv.lines()
        .filter_map(|row| {
            let f: Vec<&str> = row.splitn(12, '\t').collect();
            if f.len() < 12 || f[0] != WORD_LEVEL || !f[11].trim().is_empty() {
                return None;
            }
            let num = |k: usize| f[k].trim().parse::<f32>().ok().filter(|v| v.is_finite());
            let (l, t, w, h) = (num(6)?, num(7)?, num(8)?, num(9)?);
            (w > 0. && h > 0.).then_some([l, t, l + w, t + h])
        })
        .collect()
}

fn parse_row(row: &str) -> Option<TsvWord> {
    let mut f = row.splitn(12, '\t');
    if f.next()? != WORD_LEVEL {
        return None;
    }
    let _page = f.next()?;
    let mut int = || f.next()?.parse::<u32>().ok();
    let line = (int()?, int()?, int()?);
    let _word = f.next()?;
    let mut num = || {
        f.next()?
            .trim()
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())
    };
    let (left, top, width, height, conf) = (num()?, num()?, num()?, num()?, num()?);
    // A table's vertical rule is often read as a "|" of its own or stuck
    // to a word: it is a rule, not text.
    let text = f.next()?.trim().trim_matches('|').trim();
    if text.is_empty() || conf < 0. || width <= 0. || height <= 0. {
        return None;
    }
    Some(TsvWord {
        line,
        left,
        top,
        width,
        height,
        conf,
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t
4\t1\t1\t1\t1\t0\t158\t164\t378\t29\t-1\t
5\t1\t1\t1\t1\t1\t158\t165\t93\t21\t93.228050\tVästra
5\t1\t1\t1\t1\t2\t261\t164\t275\t29\t91.565689\tGötalandsregionen
5\t1\t1\t1\t2\t1\t261\t164\t275\t29\t95\t 
5\t1\t2\t1\t1\t1\tx\t164\t275\t29\t95\tbroken
5\t1\t2\t1\t1";

    #[test]
    fn words_with_their_lines() {
        let w = parse(TSV);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].text, "Västra");
        assert_eq!(w[0].line, (1, 1, 1));
        assert_eq!(
            (w[1].left, w[1].top, w[1].width, w[1].height),
            (261., 164., 275., 29.)
        );
        assert!((w[1].conf - 91.57).abs() < 0.01);
        assert_eq!(blank_areas(TSV), [[261., 164., 536., 193.]]);
    }
}
