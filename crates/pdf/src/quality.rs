//! A cheap check for text layers that decode to garbage (broken font maps
//! that swap letters, private-use codes, replacement characters).
//!
//! Letter-swapping font maps leave words that still look like words
//! ("funktinnshndrade"), so besides letter-pattern checks we look for rare
//! words that are a small edit away from a more frequent word of the same
//! document, differing before the ending ("klickan" next to "klockan"):
//! inflections differ at the end, substitutions anywhere.
//!
//! Cost: this runs on every page of every PDF, so each page's text is read
//! in one pass that gathers everything the checks need, words are lower-cased
//! into one reused buffer and interned (one allocation per distinct word of
//! the document, not per occurrence), the edit distance only fills the
//! diagonal band that can stay within its limit, and a page's search for
//! near-duplicates stops as soon as its verdict cannot change.

use std::collections::HashMap;

/// Letters counted as vowels in Swedish and English words.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'å'
            | 'ä'
            | 'ö'
            | 'é'
            | 'ü'
            | 'æ'
            | 'ø'
            | 'à'
            | 'è'
            | 'á'
            | 'í'
            | 'ó'
            | 'ú'
    )
}

/// For a lower-cased word: does it have a vowel, and does it look like
/// Swedish or English (a vowel, no run of five consonants, no word-final
/// cluster that Swedish and English words do not end in)?
fn judge(word: &str) -> (bool, bool) {
    let mut len = 0usize;
    let mut vowel = false;
    let mut run = 0usize;
    let mut long_run = false;
    let mut tail = ['\0'; 2];
    for c in word.chars() {
        len += 1;
        if is_vowel(c) {
            vowel = true;
            run = 0;
        } else {
            run += 1;
            long_run |= run >= 5;
        }
        tail = [tail[1], c];
    }
    if len < 4 {
        return (vowel, true);
    }
    let bad_tail = matches!(
        tail,
        ['t', 'd']
            | ['d', 't']
            | ['h', 'n']
            | ['d', 'h']
            | ['h', 'r']
            | ['h', 'd']
            | ['b', 'd']
            | ['g', 'd']
            | ['d', 'n']
            | ['v', 'd']
            | ['h', 'v']
    );
    (vowel, vowel && !long_run && !bad_tail)
}

/// `word.to_lowercase()` into `out`, reusing its allocation. Lower-casing is
/// per character except for a capital sigma (final `ς`), so words with one
/// take the standard library's path.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if word.contains('Σ') {
        out.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if is_latin1_upper(c) {
                // À..Þ: the small letter is 0x20 on (as in ASCII).
                out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
            } else if c <= '\u{FF}' {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// Capital letters of Latin-1 (À to Þ but ×).
fn is_latin1_upper(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}')
}

/// `(c.is_alphabetic(), c.is_uppercase())`, without the Unicode tables for
/// ASCII and Latin-1 (Swedish text is nearly all one or the other).
fn letter_case(c: char) -> (bool, bool) {
    if c.is_ascii() {
        (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
    } else if ('\u{C0}'..='\u{FF}').contains(&c) {
        (c != '×' && c != '÷', is_latin1_upper(c))
    } else {
        let letter = c.is_alphabetic();
        (letter, letter && c.is_uppercase())
    }
}

/// Words with no vowel that clean text has: file extensions, URL schemes.
const VOWELLESS_ALLOWED: &[&str] = &[
    "http", "https", "pptx", "xlsx", "nbsp", "html", "mpeg", "sthlm", "vcxs",
];

/// What one pass over a page's text counts.
#[derive(Debug, Default)]
struct Scan {
    /// Characters other than whitespace.
    total: usize,
    /// Of those, replacement, private-use and control characters.
    bad: usize,
    /// Words of four or more letters, not all capitals.
    words: usize,
    /// Of those, implausible letter sequences or capitals inside.
    odd: usize,
    /// Of those, without a vowel and not an allowed exception.
    vowelless: usize,
}

impl Scan {
    /// Many replacement or private-use codes, or many implausible words.
    fn garbled(&self) -> bool {
        if self.total == 0 {
            return false;
        }
        (self.total >= 20 && self.bad * 10 > self.total)
            || (self.words >= 8 && self.odd * 4 > self.words)
    }

    /// Many words without a vowel ("gnlhntrn"): swapped letters.
    fn vowelless(&self) -> bool {
        self.vowelless >= 3 && self.vowelless * 10 >= self.words
    }
}

/// One pass over `text`: the counts, and `long(word)` with every word of
/// five or more letters, not all capitals, lower-cased. Words are the runs of
/// alphabetic characters.
fn scan(text: &str, lower: &mut String, mut long: impl FnMut(&str)) -> Scan {
    let mut s = Scan::default();
    let mut word = |w: &str, letters: usize, all_upper: bool, inner_upper: bool| {
        // Short words say little; acronyms and names in capitals are not judged.
        if letters < 4 || all_upper {
            return;
        }
        s.words += 1;
        lower_into(w, lower);
        let (vowel, plausible) = judge(lower);
        if inner_upper || !plausible {
            s.odd += 1;
        }
        if !vowel && !VOWELLESS_ALLOWED.contains(&lower.as_str()) {
            s.vowelless += 1;
        }
        if letters >= 5 {
            long(lower);
        }
    };
    let (mut total, mut bad) = (0usize, 0usize);
    let mut start = 0usize;
    let mut letters = 0usize;
    let mut all_upper = true;
    let mut inner_upper = false;
    for (i, c) in text.char_indices() {
        let (letter, upper) = letter_case(c);
        if letter {
            if letters == 0 {
                start = i;
                all_upper = upper;
                inner_upper = false;
            } else {
                all_upper &= upper;
                inner_upper |= upper;
            }
            letters += 1;
        } else if letters > 0 {
            word(&text[start..i], letters, all_upper, inner_upper);
            letters = 0;
        }
        if !c.is_whitespace() {
            total += 1;
            if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control() {
                bad += 1;
            }
        }
    }
    if letters > 0 {
        word(&text[start..], letters, all_upper, inner_upper);
    }
    s.total = total;
    s.bad = bad;
    s
}

/// Is this page text garbage? True when many characters are replacement or
/// private-use codes, or many words are implausible letter sequences.
pub fn is_garbled(text: &str) -> bool {
    scan(text, &mut String::new(), |_| {}).garbled()
}

/// Is the Levenshtein distance of `a` and `b` at most `max`?
///
/// Equal first characters can always be matched, so they are skipped; at
/// the first difference one of three edits (substitute, delete, insert) must
/// be made, and what remains must be within `max - 1`. That is `3^max` walks
/// along the words (`max` is at most 2 here) where the dynamic programme
/// fills a table, and a pair of unrelated words is rejected after a few
/// comparisons.
fn within_distance(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    // One word used up: the rest of the other (no longer than `max`, as the
    // lengths differ by that much at most) is inserted.
    if a.is_empty() || b.is_empty() {
        return true;
    }
    max > 0
        && (within_distance(&a[1..], &b[1..], max - 1)
            || within_distance(&a[1..], b, max - 1)
            || within_distance(a, &b[1..], max - 1))
}

/// The document's long words, each once: letters in one arena, and on how
/// many pages each occurs.
#[derive(Default)]
struct Words {
    letters: Vec<char>,
    /// Per word: start in `letters` and length.
    spans: Vec<(usize, usize)>,
    /// Per word: on how many pages it occurs.
    on_pages: Vec<usize>,
}

impl Words {
    fn chars(&self, id: u32) -> &[char] {
        let (start, len) = self.spans[id as usize];
        &self.letters[start..start + len]
    }
}

/// Pages (1-based) whose text looks garbled.
pub fn garbled_pages(pages: &[String]) -> Vec<u32> {
    // The pages' verdicts from their own text, and their long words, all
    // in one string: the words can then be counted without allocating one
    // key per word.
    let mut lower = String::new();
    let mut all_words = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut page_ends: Vec<usize> = Vec::with_capacity(pages.len());
    let mut flagged: Vec<bool> = Vec::with_capacity(pages.len());
    for t in pages {
        let s = scan(t, &mut lower, |w| {
            all_words.push_str(w);
            ends.push(all_words.len());
        });
        flagged.push(s.garbled() || s.vowelless());
        page_ends.push(ends.len());
    }
    // On how many pages each word occurs: a broken font map garbles the
    // same word the same way all over its page, so counts within a page
    // say nothing. Words are numbered in order of first occurrence.
    let mut words = Words::default();
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(ends.len() / 2);
    let mut last_page: Vec<usize> = Vec::new();
    let mut page_words: Vec<Vec<u32>> = Vec::with_capacity(pages.len());
    let mut start = 0;
    let mut first = 0;
    for (k, &page_end) in page_ends.iter().enumerate() {
        let mut ws = Vec::new();
        for &end in &ends[first..page_end] {
            let w = &all_words[start..end];
            start = end;
            let id = *ids.entry(w).or_insert_with(|| {
                let at = words.letters.len();
                words.letters.extend(w.chars());
                words.spans.push((at, words.letters.len() - at));
                words.on_pages.push(0);
                last_page.push(usize::MAX);
                (words.spans.len() - 1) as u32
            });
            let i = id as usize;
            if last_page[i] != k {
                last_page[i] = k;
                words.on_pages[i] += 1;
                ws.push(id);
            }
        }
        first = page_end;
        page_words.push(ws);
    }
    // Candidates by their first two letters: the first 500 to occur (bounded
    // work on hostile text), sorted by length so that a word is only
    // compared with those of a length within its distance limit.
    let mut by_start: HashMap<(char, char), Vec<(usize, u32)>> = HashMap::new();
    for id in 0..words.spans.len() as u32 {
        let cs = words.chars(id);
        let group = by_start.entry((cs[0], cs[1])).or_default();
        if group.len() < 500 {
            group.push((cs.len(), id));
        }
    }
    for group in by_start.values_mut() {
        group.sort_unstable();
    }
    let mut out = Vec::new();
    for (k, ws) in page_words.iter_mut().enumerate() {
        if flagged[k] {
            out.push(k as u32 + 1);
            continue;
        }
        let total = ws.len();
        // Bounded work on hostile text: the first 5000 words in sorted
        // order (UTF-8 order is code point order, so comparing letters sorts
        // as the strings would).
        if ws.len() > 5_000 {
            ws.sort_unstable_by(|a, b| words.chars(*a).cmp(words.chars(*b)));
            ws.truncate(5_000);
        }
        // The page is garbled from `need` near-duplicates on.
        let need = total.div_ceil(16).max(3);
        let mut near = 0usize;
        for (i, &w) in ws.iter().enumerate() {
            if near >= need || near + (ws.len() - i) < need {
                // The verdict cannot change any more.
                break;
            }
            let n = words.on_pages[w as usize];
            if n > 2 {
                continue;
            }
            let cs = words.chars(w);
            let Some(cands) = by_start.get(&(cs[0], cs[1])) else {
                continue;
            };
            let max = if cs.len() >= 8 { 2 } else { 1 };
            // Words whose length differs by more than `max` are farther away.
            let from = cands.partition_point(|c| c.0 + max < cs.len());
            let to = cands.partition_point(|c| c.0 <= cs.len() + max);
            let hit = cands[from..to].iter().any(|&(_, v)| {
                let vn = words.on_pages[v as usize];
                let vs = words.chars(v);
                // Differences only in the ending are inflections, not garbage.
                vn >= n
                    && v != w
                    && cs.iter().zip(vs).take_while(|(a, b)| a == b).count() + 3
                        < cs.len().min(vs.len())
                    && within_distance(cs, vs, max)
            });
            if hit {
                near += 1;
            }
        }
        if near >= 3 && near * 16 >= total {
            out.push(k as u32 + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vowelless(text: &str) -> bool {
        scan(text, &mut String::new(), |_| {}).vowelless()
    }

    #[test]
    fn swedish_prose_is_fine() {
        let t = "Frågan bordläggs då länk till underlaget inte fungerar, åter nästa möte 16 mars. \
                 Diskussion kring hantering vårdplatser, hur beräkna och fastställa behovet av antalet \
                 vårdplatser. Stadsstyrelsen landstinget kommunstyrelsen.";
        assert!(!is_garbled(t));
    }

    #[test]
    fn swapped_letters_are_garbage() {
        let t = "Sammanträdentd Benlutande irdhnarhe tdnrhe Prhdtkoll nrdhtdsn Mötdnhd \
                 Sammanträdentd Benlutande irdhnarhe Prhdtkoll hdnrtkdn";
        assert!(is_garbled(t));
        assert!(is_garbled(&"\u{FFFD}\u{FFFD} abc ".repeat(20)));
        assert!(vowelless(
            "Rådet för funktinnshndrrde gidkänner föredrr gnhn gnlhntrn ics benlutrr i eventuellr tllä g gnärenden. Föredrr gnhn gnlhntrn gidkänden."
        ));
        assert!(!vowelless(
            "Se bilder 260216 PKS.pptx och https://example.se samt http://x.se"
        ));
    }

    #[test]
    fn near_duplicates_of_frequent_words_are_garbage() {
        let clean =
            "Rådet för funktionshindrade Sammanträdestid klockan Sammanträdesplats protokollet"
                .to_string();
        let bad = "Rådet för funktinnshndrade Sammanträdentd klickan Sammanträdenplatn protokojjet";
        let pages = vec![bad.to_string(), clean.clone(), clean];
        assert_eq!(garbled_pages(&pages), vec![1]);
    }

    /// The plain Levenshtein distance, giving up above `max`: the reference
    /// for the bounded one.
    fn edit_distance(a: &[char], b: &[char], max: usize) -> usize {
        if a.len().abs_diff(b.len()) > max {
            return max + 1;
        }
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        let mut cur = vec![0; b.len() + 1];
        for (i, ca) in a.iter().enumerate() {
            cur[0] = i + 1;
            let mut row_min = cur[0];
            for (j, cb) in b.iter().enumerate() {
                let sub = prev[j] + usize::from(ca != cb);
                cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
                row_min = row_min.min(cur[j + 1]);
            }
            if row_min > max {
                return max + 1;
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_table() {
        let mut seed = 0x1234_5678u32;
        let mut rnd = move |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        for _ in 0..20_000 {
            let la = rnd(12) as usize;
            let a: Vec<char> = (0..la).map(|_| (b'a' + rnd(3) as u8) as char).collect();
            let mut b = a.clone();
            for _ in 0..rnd(4) {
                match rnd(3) {
                    0 if !b.is_empty() => {
                        let i = rnd(b.len() as u32) as usize;
                        b.remove(i);
                    }
                    1 => {
                        let i = rnd(b.len() as u32 + 1) as usize;
                        b.insert(i, (b'a' + rnd(3) as u8) as char);
                    }
                    _ if !b.is_empty() => {
                        let i = rnd(b.len() as u32) as usize;
                        b[i] = (b'a' + rnd(3) as u8) as char;
                    }
                    _ => {}
                }
            }
            for max in 0..=3 {
                assert_eq!(
                    within_distance(&a, &b, max),
                    edit_distance(&a, &b, max) <= max,
                    "{a:?} {b:?} {max}"
                );
            }
        }
        assert_eq!(edit_distance(&['a', 'b'], &['a', 'c'], 1), 1);
    }

    #[test]
    fn latin1_shortcuts_match_the_standard_library() {
        for c in (0..0x300).filter_map(char::from_u32) {
            let (letter, upper) = letter_case(c);
            assert_eq!(letter, c.is_alphabetic(), "{c:?}");
            if letter {
                assert_eq!(upper, c.is_uppercase(), "{c:?}");
            }
            let (mut s, w) = (String::new(), format!("x{c}"));
            lower_into(&w, &mut s);
            assert_eq!(s, w.to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn lower_casing_matches_the_standard_library() {
        for w in ["ÅÄÖ", "Straße", "ΟΔΟΣ", "ΣΑΣ", "İstanbul", "ǅemal", "ABC"] {
            let mut s = String::new();
            lower_into(w, &mut s);
            assert_eq!(s, w.to_lowercase());
        }
    }
}
