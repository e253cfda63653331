//! A cheap check for text layers that decode to garbage (broken font maps
//! that swap letters, private-use codes, replacement characters).
//!
//! Letter-swapping font maps leave words that still look like words
//! ("funktinnshndrade"), so besides letter-pattern checks we look for rare
//! words that are a small edit away from a more frequent word of the same
//! document, differing before the ending ("klickan" next to "klockan"):
//! inflections differ at the end, substitutions anywhere.

use std::collections::HashMap;

/// Letters counted as vowels in Swedish and English words.
fn is_vowel(c: char) -> bool {
    "aeiouyåäöéüæøàèáíóú".contains(c)
}

/// Does a lower-cased word look like Swedish or English?
fn plausible(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return true;
    }
    if !chars.iter().any(|c| is_vowel(*c)) {
        return false;
    }
    let mut run = 0;
    for &c in &chars {
        if is_vowel(c) {
            run = 0;
        } else {
            run += 1;
            if run >= 5 {
                return false;
            }
        }
    }
    // Word-final clusters that Swedish and English words do not end in.
    let n = chars.len();
    let tail: String = chars[n - 2..].iter().collect();
    !matches!(
        tail.as_str(),
        "td" | "dt" | "hn" | "dh" | "hr" | "hd" | "bd" | "gd" | "dn" | "vd" | "hv"
    )
}

/// Is this page text garbage? True when many characters are replacement or
/// private-use codes, or many words are implausible letter sequences.
pub fn is_garbled(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        total += 1;
        if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || (c.is_control()) {
            bad += 1;
        }
    }
    if total == 0 {
        return false;
    }
    if total >= 20 && bad * 10 > total {
        return true;
    }
    let mut words = 0usize;
    let mut odd = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.chars().count() < 4 {
            continue;
        }
        // Acronyms and names in capitals are not judged.
        if w.chars().all(char::is_uppercase) {
            continue;
        }
        words += 1;
        let inner_upper = w.chars().skip(1).any(char::is_uppercase);
        if inner_upper || !plausible(&w.to_lowercase()) {
            odd += 1;
        }
    }
    words >= 8 && odd * 4 > words
}

/// Many words without a vowel ("gnlhntrn"): swapped letters. File
/// extensions and URL schemes are the only such words in clean text.
fn vowelless(text: &str) -> bool {
    const ALLOWED: &[&str] = &[
        "http", "https", "pptx", "xlsx", "nbsp", "html", "mpeg", "sthlm", "vcxs",
    ];
    let mut words = 0usize;
    let mut odd = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.chars().count() < 4 || w.chars().all(char::is_uppercase) {
            continue;
        }
        words += 1;
        let l = w.to_lowercase();
        if !l.chars().any(is_vowel) && !ALLOWED.contains(&l.as_str()) {
            odd += 1;
        }
    }
    odd >= 3 && odd * 10 >= words
}

/// Levenshtein distance, giving up above `max`.
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

fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 5 && !w.chars().all(char::is_uppercase))
        .map(str::to_lowercase)
}

/// A word's letters and on how many pages it occurs.
type WordCount = (Vec<char>, usize);

/// Pages (1-based) whose text looks garbled.
pub fn garbled_pages(pages: &[String]) -> Vec<u32> {
    // On how many pages each word occurs: a broken font map garbles the
    // same word the same way all over its page, so counts within a page
    // say nothing.
    let mut page_words: Vec<Vec<String>> = Vec::with_capacity(pages.len());
    let mut on_pages: HashMap<String, usize> = HashMap::new();
    for t in pages {
        let mut ws: Vec<String> = long_words(t).collect();
        ws.sort();
        ws.dedup();
        for w in &ws {
            *on_pages.entry(w.clone()).or_default() += 1;
        }
        page_words.push(ws);
    }
    let mut by_start: HashMap<(char, char), Vec<WordCount>> = HashMap::new();
    for (w, n) in &on_pages {
        let cs: Vec<char> = w.chars().collect();
        by_start.entry((cs[0], cs[1])).or_default().push((cs, *n));
    }
    let mut out = Vec::new();
    for (k, t) in pages.iter().enumerate() {
        if is_garbled(t) || vowelless(t) {
            out.push(k as u32 + 1);
            continue;
        }
        let words = page_words[k].len();
        let mut near = 0usize;
        for w in page_words[k].iter().take(5_000) {
            let n = on_pages.get(w).copied().unwrap_or(0);
            if n > 2 {
                continue;
            }
            let cs: Vec<char> = w.chars().collect();
            let Some(cands) = by_start.get(&(cs[0], cs[1])) else {
                continue;
            };
            let max = if cs.len() >= 8 { 2 } else { 1 };
            // Bounded work on hostile text: the first candidates only.
            let hit = cands.iter().take(500).any(|(v, vn)| {
                let prefix = cs.iter().zip(v).take_while(|(a, b)| a == b).count();
                // Differences only in the ending are inflections, not garbage.
                *vn >= n
                    && *v != cs
                    && prefix + 3 < cs.len().min(v.len())
                    && edit_distance(&cs, v, max) <= max
            });
            if hit {
                near += 1;
            }
        }
        if near >= 3 && near * 16 >= words {
            out.push(k as u32 + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(edit_distance(&['a', 'b'], &['a', 'c'], 1), 1);
    }
}
