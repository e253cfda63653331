//! Regexes with Unicode word boundaries (`\b`), made cheap on Swedish text.
//!
//! The patterns of the rules and of the structure use `\b` so that
//! "återremitteras" and "läggs" match as words; on non-ASCII text a Unicode
//! `\b` makes the regex crate leave its fast lazy DFA for its backtracker or
//! PikeVM, which then run over every line and sentence. A pattern's *loose
//! superset* (its word boundaries dropped, its letter classes widened)
//! matches wherever the pattern does and runs on the DFA. A [`Gated`] regex
//! asks the loose pattern first and runs the exact one only where the loose
//! one matched, from the loose match's start (no exact match starts before
//! it): results are always the exact pattern's.
#![deny(missing_docs)]

mod compile;
pub mod exact;
pub mod narrow;
mod shared;
pub use exact::{Captures, Exact, Match};
pub use narrow::Narrow;

/// A loose pattern ([`loose_superset`]): asked only where its leftmost
/// match starts, or whether it matches, as `regex::Regex` would answer.
/// It is the regex crate's own engine (`regex_automata::meta`), configured
/// as `regex` configures it, but without the literal prefilter (and the
/// strategies built on it) and without the one-pass DFA (used only for
/// anchored searches, and these are unanchored): deriving literals and
/// compiling their reverse automata was a quarter of the time spent
/// compiling a loose pattern, in every worker process, while these
/// patterns run on sentences where the rules' own literal prefilter found
/// a keyword already. A prefilter never changes a match, only how fast it
/// is found, so the answers are the same. Its search caches are shared by
/// the threads (see `shared.rs`), not one per thread as the engine's own pool
/// keeps them.
#[derive(Debug, Clone)]
pub struct Loose {
    re: regex_automata::meta::Regex,
    caches: shared::Shared<regex_automata::meta::Cache>,
}

impl Loose {
    /// Compiles `pattern`; an invalid pattern's error is the message
    /// `regex::Regex::new` gives.
    pub fn new(pattern: &str) -> Result<Loose, String> {
        let config = regex_automata::meta::Config::new().onepass(false);
        exact::build_meta(pattern, config).map(|re| Loose {
            re,
            caches: shared::Shared::new(),
        })
    }

    /// Where the leftmost match starts, as `regex::Regex::find` gives it.
    pub fn first_start(&self, text: &str) -> Option<usize> {
        let mut cache = self.caches.get(|| self.re.create_cache());
        self.re
            .search_with(&mut cache, &regex_automata::Input::new(text))
            .map(|m| m.start())
    }

    /// As `regex::Regex::is_match`.
    pub fn is_match(&self, text: &str) -> bool {
        let mut cache = self.caches.get(|| self.re.create_cache());
        let input = regex_automata::Input::new(text).earliest(true);
        self.re.search_half_with(&mut cache, &input).is_some()
    }
}

/// A regex searched only where its loose superset ([`loose_superset`])
/// matches. Every method answers exactly as the same method of the exact
/// regex (`regex::Regex`) would.
///
/// The exact regex is an [`Exact`]: every search of it starts where the
/// loose pattern found a candidate, so it needs no reverse automaton nor
/// literal prefilter of its own (which the regex crate's engine compiles
/// for every pattern, in every worker process: half the cost of compiling
/// these patterns).
#[derive(Debug)]
pub struct Gated {
    exact: Exact,
    loose: Option<Loose>,
}

impl Gated {
    /// Compiles `pattern` and its loose superset (none when the pattern has
    /// no word boundaries, or the superset does not compile: then the exact
    /// regex alone answers). An invalid pattern's error is the message
    /// `regex::Regex::new` gives.
    pub fn new(pattern: &str) -> Result<Gated, String> {
        Ok(Gated {
            exact: Exact::new(pattern)?,
            loose: loose_superset(pattern).and_then(|p| Loose::new(&p).ok()),
        })
    }

    /// The exact regex.
    pub fn exact(&self) -> &Exact {
        &self.exact
    }

    /// Where an exact match may start first, if anywhere.
    pub fn first_start(&self, text: &str) -> Option<usize> {
        match &self.loose {
            Some(l) => l.first_start(text),
            None => Some(0),
        }
    }

    /// Can the exact regex match anywhere in `text`? A false "yes" is
    /// allowed, a false "no" never (a pre-check before iterating).
    pub fn may_match(&self, text: &str) -> bool {
        self.loose.as_ref().is_none_or(|l| l.is_match(text))
    }

    /// As `regex::Regex::is_match`.
    pub fn is_match(&self, text: &str) -> bool {
        self.first_start(text)
            .is_some_and(|at| self.exact.is_match_at(text, at))
    }

    /// As `regex::Regex::find`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.exact.find_at(text, self.first_start(text)?)
    }

    /// As `regex::Regex::captures`.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.exact.captures_at(text, self.first_start(text)?)
    }

    /// As `regex::Regex::captures_iter`: the exact regex searched from the loose
    /// pattern's first match, each next search from where the last match
    /// ended; at an empty match (whose successor the regex crate finds by
    /// rules of its own) the rest comes from the exact regex's own iterator.
    pub fn captures_iter<'r, 't: 'r>(&'r self, text: &'t str) -> CapturesIter<'r, 't> {
        CapturesIter {
            gated: self,
            text,
            at: self.first_start(text),
            taken: 0,
            rest: None,
        }
    }
}

/// The exact regex's own iterator of matches (see [`CapturesIter`]).
type OwnIter<'r, 't> = Box<dyn Iterator<Item = Captures<'t>> + 'r>;

/// The iterator of [`Gated::captures_iter`].
pub struct CapturesIter<'r, 't: 'r> {
    gated: &'r Gated,
    text: &'t str,
    /// Where the next search starts; `None` when done or handed over.
    at: Option<usize>,
    /// How many matches were given.
    taken: usize,
    /// The exact regex's own iterator, after an empty match.
    rest: Option<OwnIter<'r, 't>>,
}

impl<'r, 't: 'r> Iterator for CapturesIter<'r, 't> {
    type Item = Captures<'t>;

    fn next(&mut self) -> Option<Captures<'t>> {
        if let Some(rest) = &mut self.rest {
            return rest.next();
        }
        let at = self.at?;
        let Some(c) = self.gated.exact.captures_at(self.text, at) else {
            self.at = None;
            return None;
        };
        let whole = c.get(0)?;
        if whole.is_empty() {
            // The matches so far are the own iterator's first ones.
            self.at = None;
            let mut rest: OwnIter<'r, 't> = Box::new(self.gated.exact.captures_iter(self.text));
            for _ in 0..self.taken {
                rest.next();
            }
            let next = rest.next();
            self.rest = Some(rest);
            return next;
        }
        self.at = Some(whole.end());
        self.taken += 1;
        Some(c)
    }
}

/// `text` lower-cased exactly as [`str::to_lowercase`] does, faster on
/// Swedish text: the standard library converts only a leading ASCII run in
/// bulk and every character after the first "å" one by one; here every
/// ASCII run is converted in bulk. (A capital sigma, whose lower case
/// depends on its neighbours, leaves the work to the standard library.)
pub fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        match chars.next() {
            Some(c) => out.extend(c.to_lowercase()),
            None => return out,
        }
        rest = chars.as_str();
    }
}

/// The pattern with its word-boundary assertions (`\b`) removed, when it has
/// any. Removing a zero-width assertion only drops a condition, so the
/// result matches wherever the original does.
pub fn without_word_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut removed = false;
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next()?;
                if next == 'b' && in_class == 0 {
                    removed = true;
                    // `\b{start}` and friends: drop the braces too.
                    if chars.peek() == Some(&'{') {
                        for x in chars.by_ref() {
                            if x == '}' {
                                break;
                            }
                        }
                    }
                } else {
                    out.push('\\');
                    out.push(next);
                }
            }
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    removed.then_some(out)
}

/// A loose pattern that is cheap to compile: the pattern without its word
/// boundaries ([`without_word_boundaries`]), with its letter classes
/// (`\p{L}`, `\p{Lu}`, `\p{Ll}`) widened to [`LETTER_LIKE`] by
/// [`widen_letter_classes`]. It matches wherever the pattern does (it only
/// drops conditions and widens classes), so it can only let more sentences
/// through to the exact pattern, never fewer.
pub fn loose_superset(pattern: &str) -> Option<String> {
    without_word_boundaries(pattern).map(|p| widen_letter_classes(&p))
}

/// Every character but white space and ASCII's non-letters: a superset of
/// `\p{L}`, `\p{Lu}` and `\p{Ll}` (with or without `(?i)`: no character in
/// what it leaves out has a case variant) that compiles to a few UTF-8
/// ranges instead of the hundreds of the Unicode letter classes, which made
/// up most of the time spent compiling the rules' patterns.
pub const LETTER_LIKE: &str = r"[^\s\x00-\x40\x5B-\x60\x7B-\x7F]";

/// `pattern` with each `\p{L}`, `\p{Lu}`, `\p{Ll}` (and `\pL`) widened to
/// [`LETTER_LIKE`]. Inside a bracket class (`[\p{L}-]`) the class becomes
/// `(?:LETTER_LIKE|[a-])` (the member replaced by a letter), since a class
/// nested in a bracket would be case-folded whole under `(?i)`, which is
/// slower than the Unicode class it replaces. Left as written: negated
/// classes (`[^\p{L}]`, where a wider member narrows the class), classes
/// with nested classes or set operations (`&&`, `--`, `~~`), and patterns
/// with a flag group that names `u` (Unicode off or on).
pub fn widen_letter_classes(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    if names_unicode_flag(&chars) {
        return pattern.to_string();
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            if let Some(len) = letter_class_at(&chars, i) {
                out.push_str(LETTER_LIKE);
                i += len;
            } else {
                out.extend(chars.get(i..i + 2).into_iter().flatten());
                i += 2;
            }
        } else if c == '[' {
            let Some(end) = class_end(&chars, i) else {
                return pattern.to_string();
            };
            let body: String = chars.get(i + 1..end).into_iter().flatten().collect();
            out.push_str(&widen_bracket(&body));
            i = end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Does a flag group (`(?-u:…)`, `(?u)`) name the Unicode flag?
pub fn names_unicode_flag(chars: &[char]) -> bool {
    chars.windows(2).enumerate().any(|(i, w)| {
        w == ['(', '?']
            && chars
                .iter()
                .skip(i + 2)
                .take_while(|x| x.is_ascii_alphabetic() || **x == '-')
                .any(|&x| x == 'u')
    })
}

/// The length of the letter class escape (`\p{L}`, `\p{Lu}`, `\p{Ll}`,
/// `\pL`) at `i`, if one stands there.
fn letter_class_at(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i + 1) != Some(&'p') {
        return None;
    }
    if chars.get(i + 2) == Some(&'{') {
        let name: String = chars
            .iter()
            .skip(i + 3)
            .take_while(|&&x| x != '}')
            .collect();
        matches!(name.as_str(), "L" | "Lu" | "Ll").then_some(name.chars().count() + 4)
    } else {
        (chars.get(i + 2) == Some(&'L')).then_some(3)
    }
}

/// The index of the `]` that closes the bracket class opened at `open`.
fn class_end(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = open;
    while let Some(&c) = chars.get(j) {
        match c {
            '\\' => j += 2,
            '[' => {
                depth += 1;
                j += 1;
                // `[^` and a `]` right after the opening are part of it.
                if chars.get(j) == Some(&'^') {
                    j += 1;
                }
                if chars.get(j) == Some(&']') {
                    j += 1;
                }
            }
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    None
}

/// A bracket class's body with its letter classes widened (see
/// [`widen_letter_classes`]), or the class as written.
fn widen_bracket(body: &str) -> String {
    let plain = !body.starts_with('^')
        && !body.contains('[')
        && !["&&", "--", "~~"].iter().any(|op| body.contains(op));
    let chars: Vec<char> = body.chars().collect();
    let mut narrowed = String::with_capacity(body.len());
    let mut widened = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            match letter_class_at(&chars, i).filter(|_| plain) {
                Some(len) => {
                    narrowed.push('a');
                    widened = true;
                    i += len;
                }
                None => {
                    narrowed.extend(chars.get(i..i + 2).into_iter().flatten());
                    i += 2;
                }
            }
        } else {
            narrowed.push(c);
            i += 1;
        }
    }
    if widened {
        format!("(?:{LETTER_LIKE}|[{narrowed}])")
    } else {
        format!("[{body}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn loose_patterns_drop_word_boundaries_only() {
        assert_eq!(
            without_word_boundaries(r"(?i)\bbeslut\b[\b]\d").as_deref(),
            Some(r"(?i)beslut[\b]\d")
        );
        assert_eq!(without_word_boundaries(r"\d+"), None);
    }

    #[test]
    fn letter_classes_widen_only_where_that_widens_the_match() {
        let w = LETTER_LIKE;
        assert_eq!(
            loose_superset(r"(?i)\bsom\s+(?:\p{L}+\s+){1,2}beslutar\b").as_deref(),
            Some(format!(r"(?i)som\s+(?:{w}+\s+){{1,2}}beslutar").as_str())
        );
        assert_eq!(
            widen_letter_classes(r"[\p{L}-]+\pL(?i:\p{Lu})\p{Ll}[]\p{Ll}]"),
            format!(r"(?:{w}|[a-])+{w}(?i:{w}){w}(?:{w}|[]a])")
        );
        // Left alone: a negated class, other properties, an escaped
        // backslash, set operations and Unicode flags.
        for kept in [
            r"[^\p{L}\s]+\p{Greek}",
            r"\\p{L}",
            r"[\p{L}&&a]",
            r"[\p{L}--a]",
            r"[[a-c]\p{L}]",
            r"(?-u:\w)\p{L}",
            r"[\p{L}",
        ] {
            assert_eq!(widen_letter_classes(kept), kept);
        }
    }

    #[test]
    fn lower_casing_is_the_standard_librarys() {
        for text in [
            "",
            "ABC",
            "Årsmötet ÖPPNADES av Åsa Öst, KL 18.",
            "İstanbul \u{212A}elvin ẞ ΟΔΟΣ ΟΔΟΣ. Σ",
            "ÄÄÄ\nÖÖÖ\r\nA",
            "ǅ ǈ Ⅻ Ⓐ 𐐀",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn loose_answers_as_the_regex_crate() {
        for pattern in [
            r"(?i)\b(?:nästa|next)\s+\p{L}*?(?:möte|meeting)\w*",
            r"(?i)\bskjuts\s+(?:\p{L}+\s+){0,3}?till\s+nästa\b",
            r"\b(?P<who>\p{Lu}[\p{Ll}-]+)\s+(?:ska|skall)\b",
            r"(?m)^\s*\bÅtgärd\b:",
            r"\Bska\b",
            r"\b\d*\b",
        ] {
            let p = loose_superset(pattern).unwrap();
            let (ours, theirs) = (Loose::new(&p).unwrap(), Regex::new(&p).unwrap());
            for text in [
                "Nästa styrelsemöte hålls den 3 maj.",
                "Frågan skjuts en gång till till nästa möte",
                "Åsa Öst-Lind ska kontakta banken, vi ska",
                "ändå\nÅtgärd: ring",
                "kanske",
                "",
            ] {
                assert_eq!(ours.first_start(text), theirs.find(text).map(|m| m.start()));
                assert_eq!(ours.is_match(text), theirs.is_match(text));
            }
        }
        assert!(Loose::new("(").is_err());
    }

    #[test]
    fn gated_answers_as_the_exact_regex() {
        let g = Gated::new(r"(?i)\b(?:nästa|next)\s+\p{L}*?(?:möte|meeting)\w*").unwrap();
        let exact = Regex::new(r"(?i)\b(?:nästa|next)\s+\p{L}*?(?:möte|meeting)\w*").unwrap();
        for text in [
            "Nästa styrelsemöte hålls den 3 maj.",
            "Ej nästa; onästa möte, men NÄSTA MÖTET",
            "ingen träff",
            "närmaste nästa möte",
            "",
        ] {
            assert_eq!(g.is_match(text), exact.is_match(text), "{text}");
            assert_eq!(
                g.find(text).map(|m| m.range()),
                exact.find(text).map(|m| m.range()),
                "{text}"
            );
            assert_eq!(
                g.captures(text).map(|c| c.get(0).map(|m| m.range())),
                exact.captures(text).map(|c| c.get(0).map(|m| m.range())),
                "{text}"
            );
            assert_eq!(
                g.captures_iter(text)
                    .map(|c| c.get(0).map(|m| m.range()))
                    .collect::<Vec<_>>(),
                exact
                    .captures_iter(text)
                    .map(|c| c.get(0).map(|m| m.range()))
                    .collect::<Vec<_>>(),
                "{text}"
            );
        }
        assert!(!g.may_match("ingen träff"));
        // Groups, as the regex crate reads them.
        let pattern = r"(?i)\b(?:kl\.?|klockan)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|till)\s*(\d{1,2})(?:[:.](\d{2}))?(?:\b|$)";
        let (g, exact) = (Gated::new(pattern).unwrap(), Regex::new(pattern).unwrap());
        for text in [
            "Möte kl 18-20 och kl. 9.30 till 11",
            "klockan 7:15–8",
            "ö kl 1-2ö",
            "",
        ] {
            let ours: Vec<Vec<_>> = g
                .captures_iter(text)
                .map(|c| (0..5).map(|i| c.get(i).map(|m| m.range())).collect())
                .collect();
            let theirs: Vec<Vec<_>> = exact
                .captures_iter(text)
                .map(|c| (0..5).map(|i| c.get(i).map(|m| m.range())).collect())
                .collect();
            assert_eq!(ours, theirs, "{text}");
        }
        // Empty matches are iterated as the regex crate does.
        for pattern in [r"\b\d*\b", r"(?:\bå\w*)?", r"\bx?"] {
            let g = Gated::new(pattern).unwrap();
            let exact = Regex::new(pattern).unwrap();
            for text in ["12 åt 3 x", "", "åå", "x 4 å", "ö12ö"] {
                assert_eq!(
                    g.captures_iter(text)
                        .map(|c| c.get(0).map(|m| m.range()))
                        .collect::<Vec<_>>(),
                    exact
                        .captures_iter(text)
                        .map(|c| c.get(0).map(|m| m.range()))
                        .collect::<Vec<_>>(),
                    "{pattern} on {text}"
                );
            }
        }
    }
}
