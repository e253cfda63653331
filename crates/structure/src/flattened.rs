//! Pages whose line breaks were lost: a text copied from a web viewer or a
//! PDF export that gives a page, or the whole document, as one paragraph
//! ("… Frånvarande: Lena Berg 1 Mötets öppnande Anna hälsar välkomna. 2
//! Val av justerare Bo Ek. 3 …"). Such a document has no lines for the
//! outline to read; the points it numbers are found here, across its
//! paragraphs, so that each can be cut into a paragraph of its own.
//!
//! Scanning only: [`is_flattened`] says whether a document's paragraphs
//! are pages, [`page_numbers`] finds a page's number printed first, and
//! [`point_starts`] finds the longest run of points numbered in sequence.
//! The pre-pass in the crate root decides and cuts.

use regex::Regex;
use std::sync::LazyLock;

/// A paragraph this long is a page run together, not a paragraph as
/// written (the longest written ones, a decision's reasons, stay below).
const PAGE_CHARS: usize = 600;

/// Whether paragraphs of these lengths in bytes (a document's, in order)
/// are pages run together: at least 1,000 characters, six in ten of them in
/// paragraphs of page length; or, for short minutes (under 1,000
/// characters), at most four paragraphs of which one holds seven in ten of
/// the characters. A written document, even one with long paragraphs, has most
/// of its text in short ones (headings, names, decisions).
pub(crate) fn is_flattened(lengths: &[usize]) -> bool {
    let total: usize = lengths.iter().sum();
    let long: usize = lengths.iter().filter(|&&n| n > PAGE_CHARS).sum();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let short_run_together =
        lengths.len() <= 4 && (300..1_000).contains(&total) && longest * 10 >= total * 7;
    total >= 1_000 && long * 10 >= total * 6 || short_run_together
}

/// The page numbers printed first on the pages of a flattened document
/// ("1 Svenska Brukshundklubbens …", "2 1 Mötets öppnande …"): for each
/// paragraph, the length of its leading number and the space after it
/// when that number runs on by one (2, 3, …) from a neighbouring
/// paragraph's, or 0; and how many times the numbers so run on. They are
/// a page's when they run on often enough ([`at_least`]); a point's number
/// ("1 Mötets öppnande") does not stand first on consecutive pages.
fn page_numbers(paragraphs: &[&str]) -> (Vec<usize>, usize) {
    let leading: Vec<Option<(u32, usize)>> = paragraphs
        .iter()
        .map(|p| {
            let c = PAGE_NUMBER.captures(p)?;
            let n = c.get(1)?.as_str().parse().ok()?;
            Some((n, c.get(0)?.end()))
        })
        .collect();
    let mut lens = vec![0; paragraphs.len()];
    let mut runs = 0;
    for i in 1..leading.len() {
        if let (Some((a, la)), Some((b, lb))) = (leading[i - 1], leading[i])
            && b == a + 1
        {
            lens[i - 1] = la;
            lens[i] = lb;
            runs += 1;
        }
    }
    (lens, runs)
}

/// `lens` when the page numbers ran on `min_runs` times or more (once at
/// least); none otherwise.
fn at_least(lens: Vec<usize>, runs: usize, min_runs: usize) -> Vec<usize> {
    if runs >= min_runs.max(1) {
        lens
    } else {
        vec![0; lens.len()]
    }
}

static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}) ").expect("valid regex"));

/// The points of a flattened document ([`point_starts`]) and the length
/// of each paragraph's page number, to be dropped: page numbers that run
/// on over three pages or more are passed over before the points are
/// sought; over two pages ("1 Svenska Klubben …", "2 1 Mötets öppnande
/// …"), when no point stands at either.
pub(crate) fn points_and_pages(paragraphs: &[&str]) -> (Vec<PointStart>, Vec<usize>) {
    // The leading numbers are read once, and judged at both thresholds.
    let (lens, runs) = page_numbers(paragraphs);
    let mut skip = at_least(lens.clone(), runs, 2);
    let points = point_starts(paragraphs, &skip);
    if skip.iter().all(|&n| n == 0) {
        let loose = at_least(lens, runs, 1);
        let at_a_point = loose
            .iter()
            .enumerate()
            .any(|(i, &n)| n > 0 && points.iter().any(|p| p.paragraph == i && p.at == 0));
        if !at_a_point {
            skip = loose;
        }
    }
    (points, skip)
}

/// "5 Ekonomi a) Utfall 2013 Förelåg … b) Budget 2014 …": where the
/// lettered sub-points of each point start (paragraph, byte offset), when a
/// point's text runs two or more in sequence from "a", each before a
/// capital and after a space. A lone "a." is a reply or a list's, not a
/// sub-point.
pub(crate) fn lettered_starts(paragraphs: &[&str], points: &[PointStart]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, point) in points.iter().enumerate() {
        let Some(text) = paragraphs.get(point.paragraph) else {
            continue;
        };
        let end = points
            .get(k + 1)
            .filter(|next| next.paragraph == point.paragraph)
            .map_or(text.len(), |next| next.at);
        let Some(body) = text.get(point.at..end) else {
            continue;
        };
        let mut run: Vec<usize> = Vec::new();
        for c in LETTER.captures_iter(body) {
            let (Some(m), Some(letter)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let spaced = body[..m.start()].ends_with(' ');
            let next = b'a' + u8::try_from(run.len()).unwrap_or(u8::MAX);
            if spaced && letter.as_str().as_bytes().first() == Some(&next) {
                run.push(point.at + m.start());
            }
        }
        if run.len() >= 2 {
            out.extend(run.into_iter().map(|at| (point.paragraph, at)));
        }
    }
    out
}

static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([a-h])[.)]\s+\p{Lu}").expect("valid regex"));

/// A point's number in running text: "§ 19", "7", "7.", "7)", "1.3", before
/// a capital. Letters and roman numerals are left out: in running text they
/// are too often something else ("a. Färdigt …" as a reply).
static POINT: LazyLock<Regex> = LazyLock::new(|| {
    // An ASCII word boundary: the digits are ASCII, and Unicode boundaries
    // would keep the search off the fast engines.
    Regex::new(r"(?:§\s?(\d{1,3})|(?-u:\b)(\d{1,3})(?:\.(\d{1,2}))?)[.)]?\s+\p{Lu}")
        .expect("valid regex")
});

/// A numbered point found in running text: where it starts (paragraph and
/// byte offset) and its number (top, sub; sub 0 for none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PointStart {
    pub paragraph: usize,
    pub at: usize,
    pub number: (u32, u32),
}

/// Whether `next` may follow `prev` in a numbering: the next sub-point, the
/// next point, or the first sub-point of the next point ("1.8" then "2.1"
/// where "2" has no heading of its own).
fn follows(prev: (u32, u32), next: (u32, u32)) -> bool {
    next == (prev.0, prev.1 + 1)
        || next == (prev.0 + 1, 0)
        || (prev.1 > 0 && next == (prev.0 + 1, 1))
}

/// Every place in `paragraphs` where a numbered point may start, skipping
/// each paragraph's first `skip[i]` bytes (its page number). A number
/// glued to what comes before ("2017-09-11 Tid", "kl. 12.00 Mötet") is a
/// date's or time's, and a sub-number 0 ("18.00") a time's.
fn candidates(paragraphs: &[&str], skip: &[usize]) -> Vec<PointStart> {
    let mut found = Vec::new();
    for (i, text) in paragraphs.iter().enumerate() {
        let from = skip.get(i).copied().unwrap_or(0);
        let Some(rest) = text.get(from..) else {
            continue;
        };
        for c in POINT.captures_iter(rest) {
            let (Some(m), Some(top)) = (
                c.get(0),
                c.get(1)
                    .or_else(|| c.get(2))
                    .and_then(|n| n.as_str().parse::<u32>().ok()),
            ) else {
                continue;
            };
            let sub = match c.get(3) {
                Some(s) => match s.as_str().parse::<u32>() {
                    Ok(0) | Err(_) => continue,
                    Ok(n) => n,
                },
                None => 0,
            };
            let glued = rest[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| !ch.is_whitespace());
            if glued {
                continue;
            }
            found.push(PointStart {
                paragraph: i,
                at: from + m.start(),
                number: (top, sub),
            });
            // A document is a few thousand points at most; past that it is
            // not minutes (or is hostile), and the chains are quadratic.
            if found.len() >= 2_000 {
                return found;
            }
        }
    }
    found
}

/// The points of a flattened document: the longest run of candidates
/// numbered in sequence ([`follows`]), each the first after the one before
/// to go on from it; at least three. Between runs as long, the one whose
/// points stand furthest apart (by the median distance, in bytes across
/// paragraphs): a table of contents or an agenda lists the same numbers
/// close together before the minutes take them up.
pub(crate) fn point_starts(paragraphs: &[&str], skip: &[usize]) -> Vec<PointStart> {
    let found = candidates(paragraphs, skip);
    let mut offset = Vec::with_capacity(paragraphs.len());
    let mut total = 0;
    for p in paragraphs {
        offset.push(total);
        total += p.len() + 1;
    }
    let position = |p: &PointStart| offset.get(p.paragraph).copied().unwrap_or(0) + p.at;
    let mut best: Vec<usize> = Vec::new();
    let mut best_gap = 0;
    for first in 0..found.len() {
        let mut chain = vec![first];
        let mut last = found[first].number;
        for (j, next) in found.iter().enumerate().skip(first + 1) {
            if follows(last, next.number) {
                chain.push(j);
                last = next.number;
            }
        }
        if chain.len() < 3 || chain.len() < best.len() {
            continue;
        }
        let mut gaps: Vec<usize> = chain
            .windows(2)
            .map(|w| position(&found[w[1]]) - position(&found[w[0]]))
            .collect();
        gaps.sort_unstable();
        let gap = gaps[gaps.len() / 2];
        if chain.len() > best.len() || gap > best_gap {
            best = chain;
            best_gap = gap;
        }
    }
    // Each point at the last of its number before the next point, from the
    // last point back: a page's number or heading before it ("1 Svenska
    // Klubben … 2 1 Mötets öppnande") is not the point, nor is a table of
    // contents listing the first points only (its "1", "2" and "3" before
    // the minutes' own).
    for k in (0..best.len().saturating_sub(1)).rev() {
        let until = best[k + 1];
        if let Some(later) = (best[k]..until)
            .rev()
            .find(|&j| found[j].number == found[best[k]].number)
        {
            best[k] = later;
        }
    }
    best.into_iter().map(|i| found[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(starts: &[PointStart]) -> Vec<(u32, u32)> {
        starts.iter().map(|s| s.number).collect()
    }

    #[test]
    fn pages_run_together_are_flattened_and_written_paragraphs_are_not() {
        let page = "Anna hälsar välkomna och mötet öppnas. ".repeat(20).len();
        assert!(is_flattened(&[page, page]));
        let short = "§ 4 Val av justerare".len();
        let written: Vec<usize> = std::iter::repeat_n(short, 40).chain([page]).collect();
        assert!(!is_flattened(&written));
        assert!(!is_flattened(&[4]));
        // Short minutes on one line, a title line above or not; a short
        // note of three paragraphs, or of one under 300 characters, is no
        // page.
        assert!(is_flattened(&[540]));
        assert!(is_flattened(&[40, 500]));
        assert!(!is_flattened(&[120, 130, 110]));
        assert!(!is_flattened(&[200]));
    }

    #[test]
    fn points_run_on_across_pages_without_their_dots() {
        let pages = [
            "PROTOKOLL Datum: 2017-09-11 Tid: 13:30-16:30 Närvarande: Anna Berg Bo Ek 1 Mötets öppnande Anna hälsar välkomna. 2 Val av justerare Bo.",
            "3 Medlemmar 708 st medlemmar. 4 Övriga frågor Inga.",
        ];
        let starts = point_starts(&pages, &[0, 0]);
        assert_eq!(numbers(&starts), vec![(1, 0), (2, 0), (3, 0), (4, 0)]);
        assert!(pages[0][starts[0].at..].starts_with("1 Mötets"));
        assert_eq!((starts[2].paragraph, starts[2].at), (1, 0));
    }

    #[test]
    fn sub_points_follow_their_point_and_times_are_no_points() {
        // "18.00" is a time (sub-number 0), whose "18" would otherwise
        // start a run 18, 19, 20.
        let text = "Måndag kl 18.00 Mötet. 1.1 Mötets öppnande Hon öppnar 19 Per. 1.2 Val av ordförande Per. 1.3 Val av sekreterare Eva 20 Ek. 2 Behörigt utlysande Ja.";
        assert_eq!(
            numbers(&point_starts(&[text], &[0])),
            vec![(1, 1), (1, 2), (1, 3), (2, 0)]
        );
    }

    #[test]
    fn a_table_of_contents_gives_way_to_the_points_it_lists() {
        let text = format!(
            "Innehåll 19 Pride 3 20 Budget 4 21 Swish 5 19 Pride {} 20 Budget {} 21 Swish {}",
            "Rådet godkänner. ".repeat(5),
            "Rådet beslutar. ".repeat(5),
            "Rådet avvaktar. ".repeat(5)
        );
        let starts = point_starts(&[text.as_str()], &[0]);
        assert_eq!(numbers(&starts), vec![(19, 0), (20, 0), (21, 0)]);
        assert!(text[starts[0].at..].starts_with("19 Pride Rådet"));
    }

    #[test]
    fn a_point_is_the_last_of_its_number_before_the_next() {
        let pages = [
            "1 Svenska Klubben Protokoll Datum: 2014-01-20",
            "2 1 Mötets öppnande Anna hälsar. 2 Val av justerare Bo. 3 Ekonomi Utfall.",
        ];
        let starts = point_starts(&pages, &[0, 0]);
        assert_eq!(numbers(&starts), vec![(1, 0), (2, 0), (3, 0)]);
        assert!(pages[1][starts[0].at..].starts_with("1 Mötets"));
    }

    #[test]
    fn dates_and_two_points_make_no_run() {
        // The "11" of the date would start a run 11, 12, 13 were it not
        // glued to the date.
        let text = "Mötet 2017-09-11 Tid 1 Mötets öppnande 12 Avslutning 13 Kaffe";
        assert!(point_starts(&[text], &[0]).is_empty());
        let text = "Mötet 1 Mötets öppnande 2 Avslutning";
        assert!(point_starts(&[text], &[0]).is_empty());
    }

    #[test]
    fn a_table_of_contents_of_the_first_points_gives_way_to_the_minutes() {
        let body = "Rådet godkänner. ".repeat(5);
        let text = format!(
            "Innehåll 1 Alfa 2 Beta 3 Gamma 1 Alfa {body} 2 Beta {body} 3 Gamma {body} 4 Delta {body} 5 Epsilon {body}"
        );
        let starts = point_starts(&[text.as_str()], &[0]);
        assert_eq!(
            numbers(&starts),
            vec![(1, 0), (2, 0), (3, 0), (4, 0), (5, 0)]
        );
        assert!(text[starts[0].at..].starts_with("1 Alfa Rådet"));
        assert!(text[starts[1].at..].starts_with("2 Beta Rådet"));
    }

    #[test]
    fn lettered_sub_points_run_on_in_a_point_from_a() {
        let text =
            "5 Ekonomi a) Utfall 2013 Förelåg. b) Budget 2014 Barbro. 6 Övrigt a. Färdigt snart.";
        let points = point_starts(&[text, "7 Avslut Klart. 8 Nästa Snart."], &[0, 0]);
        let letters: Vec<&str> = lettered_starts(&[text], &points)
            .iter()
            .map(|&(_, at)| &text[at..at + 2])
            .collect();
        assert_eq!(letters, ["a)", "b)"]);
    }

    #[test]
    fn page_numbers_first_on_consecutive_pages_are_found() {
        let pages = [
            "1 Svenska Klubben Protokoll",
            "2 1 Mötets öppnande",
            "3 Ekonomi",
        ];
        let lens = |p: &[&str], min_runs| {
            let (lens, runs) = page_numbers(p);
            at_least(lens, runs, min_runs)
        };
        assert_eq!(lens(&pages, 2), vec![2, 2, 2]);
        assert_eq!(lens(&pages[..2], 2), vec![0, 0]);
        let points = ["1 Mötets öppnande", "Text", "2 Val"];
        assert_eq!(lens(&points, 1), vec![0, 0, 0]);
    }
}
