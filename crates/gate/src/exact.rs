//! A regex for the exact half of a gated search: the same matches as
//! `regex::Regex`, built without a literal prefilter of its own.
//!
//! The exact pattern of a rule runs only where literals and its loose
//! pattern have found a candidate already, and from the loose match's
//! start: a prefilter of its own (the literals the regex crate derives
//! from every pattern, and for many the inner-literal search with a
//! reverse automaton) would find what is known, yet deriving it is some
//! 7 % of compiling the rules, which each worker process pays. Which
//! engine or prefilter searches never changes a match: every method
//! answers as the `regex::Regex` method of the same name, searching with
//! the same input. (Measured and dropped: an `Exact` without the lazy DFA
//! compiles in half the time, but whole conversions then took 18 % more
//! instructions: the DFA answers many of these searches before it meets
//! a non-ASCII letter.)

use std::ops::Range;

use regex_automata::meta;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Input, MatchKind, PatternID};

/// A regex answering as `regex::Regex` does, without a literal prefilter
/// of its own (see the module docs).
#[derive(Debug, Clone)]
pub struct Exact {
    re: meta::Regex,
    source: String,
}

impl Exact {
    /// Compiles `pattern` as `regex::Regex::new` would (same syntax, limits
    /// and match semantics); an invalid pattern's error is the message
    /// `regex::Regex::new` gives.
    pub fn new(pattern: &str) -> Result<Exact, String> {
        let config = meta::Config::new()
            // `regex`'s defaults, as `regex::RegexBuilder` sets them...
            .nfa_size_limit(Some(10 * (1 << 20)))
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .hybrid_cache_capacity(2 * (1 << 20))
            // ... but for the prefilter.
            .auto_prefilter(false);
        let syntax = regex_automata::util::syntax::Config::new().utf8(true);
        match meta::Builder::new()
            .configure(config)
            .syntax(syntax)
            .build(pattern)
        {
            Ok(re) => Ok(Exact {
                re,
                source: pattern.to_string(),
            }),
            Err(e) => Err(match regex::Regex::new(pattern) {
                Err(regex_error) => regex_error.to_string(),
                Ok(_) => e.to_string(),
            }),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// As `regex::Regex::capture_names`.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.re.group_info().pattern_names(PatternID::ZERO)
    }

    /// As `regex::Regex::is_match`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.is_match_at(haystack, 0)
    }

    /// As `regex::Regex::is_match_at`.
    pub fn is_match_at(&self, haystack: &str, start: usize) -> bool {
        let input = Input::new(haystack)
            .earliest(true)
            .span(start..haystack.len());
        self.re.search_half(&input).is_some()
    }

    /// As `regex::Regex::find`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    /// As `regex::Regex::find_at`.
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(haystack).span(start..haystack.len());
        self.re
            .search(&input)
            .map(|m| Match::new(haystack, m.range()))
    }

    /// As `regex::Regex::captures`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// As `regex::Regex::captures_at`.
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        let input = Input::new(haystack).span(start..haystack.len());
        let mut slots = self.re.create_captures();
        self.re.search_captures(&input, &mut slots);
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// As `regex::Regex::captures_at`, with the search stopping at byte
    /// `end` (look-around still sees the text after it): the same answer
    /// when no match starting at or after `start` ends after `end`.
    pub fn captures_in<'h>(
        &self,
        haystack: &'h str,
        start: usize,
        end: usize,
    ) -> Option<Captures<'h>> {
        let end = end.min(haystack.len());
        if start > end {
            return self.captures_at(haystack, start);
        }
        let input = Input::new(haystack).span(start..end);
        let mut slots = self.re.create_captures();
        self.re.search_captures(&input, &mut slots);
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// As `regex::Regex::is_match_at`, with the search stopping at byte
    /// `end` (as [`Exact::captures_in`]).
    pub fn is_match_in(&self, haystack: &str, start: usize, end: usize) -> bool {
        let end = end.min(haystack.len());
        if start > end {
            return self.is_match_at(haystack, start);
        }
        let input = Input::new(haystack).earliest(true).span(start..end);
        self.re.search_half(&input).is_some()
    }

    /// As `regex::Regex::captures_iter`.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.re
            .captures_iter(haystack)
            .map(move |slots| Captures { haystack, slots })
    }
}

/// A match of an [`Exact`] regex or of one of its groups, as
/// `regex::Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, range: Range<usize>) -> Match<'h> {
        Match {
            haystack,
            start: range.start,
            end: range.end,
        }
    }

    /// Where it starts (bytes).
    pub fn start(&self) -> usize {
        self.start
    }

    /// Where it ends (bytes).
    pub fn end(&self) -> usize {
        self.end
    }

    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The matched text. (Match boundaries of a UTF-8 regex always fall on
    /// character boundaries; `get` only keeps this from ever panicking.)
    pub fn as_str(&self) -> &'h str {
        self.haystack.get(self.range()).unwrap_or_default()
    }
}

/// The groups of a match of an [`Exact`] regex, as `regex::Captures`.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), when it took part.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.slots
            .get_group(i)
            .map(|span| Match::new(self.haystack, span.range()))
    }

    /// The group named `name`, when it took part.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots
            .get_group_by_name(name)
            .map(|span| Match::new(self.haystack, span.range()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every answer as `regex::Regex`'s, on patterns with Unicode word
    /// boundaries, groups, empty matches and non-ASCII text.
    #[test]
    fn answers_as_the_regex_crate() {
        let patterns = [
            r"(?i)\b(?:beslutade|beslöt)\s+(?P<who>\p{Lu}\p{Ll}+)?\b",
            r"\b(?P<who>\p{Lu}[\p{Ll}-]+)\s+(?:ska|skall)\b",
            r"x*",
            r"(?:^|\s)(?P<due>\d{1,2}/\d{1,2})\b",
            r"ä|\bö",
        ];
        let texts = [
            "Styrelsen beslutade Åsa att ...",
            "Åsa Öst ska kontakta banken senast 5/3.",
            "",
            "xx ä xö ö",
            "Beslöt: ingen. Per skall 12/10 återkomma",
        ];
        for p in patterns {
            let exact = Exact::new(p).unwrap();
            let re = regex::Regex::new(p).unwrap();
            assert_eq!(exact.as_str(), p);
            assert!(exact.capture_names().eq(re.capture_names()), "{p}");
            for t in texts {
                for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    assert_eq!(
                        exact.is_match_at(t, at),
                        re.is_match_at(t, at),
                        "{p} {t} {at}"
                    );
                    assert_eq!(
                        exact.find_at(t, at).map(|m| m.range()),
                        re.find_at(t, at).map(|m| m.range()),
                        "{p} {t} {at}"
                    );
                    let ours = exact.captures_at(t, at);
                    let theirs = re.captures_at(t, at);
                    assert_eq!(ours.is_some(), theirs.is_some(), "{p} {t} {at}");
                    if let (Some(a), Some(b)) = (ours, theirs) {
                        for i in 0..b.len() {
                            assert_eq!(a.get(i).map(|m| m.as_str()), b.get(i).map(|m| m.as_str()));
                        }
                        for name in ["who", "due"] {
                            assert_eq!(
                                a.name(name).map(|m| m.range()),
                                b.name(name).map(|m| m.range())
                            );
                        }
                    }
                }
                assert_eq!(exact.is_match(t), re.is_match(t));
                assert_eq!(
                    exact.find(t).map(|m| m.range()),
                    re.find(t).map(|m| m.range())
                );
                let ours: Vec<_> = exact
                    .captures_iter(t)
                    .map(|c| c.get(0).map(|m| m.range()))
                    .collect();
                let theirs: Vec<_> = re
                    .captures_iter(t)
                    .map(|c| c.get(0).map(|m| m.range()))
                    .collect();
                assert_eq!(ours, theirs, "{p} {t}");
            }
        }
    }

    #[test]
    fn errors_are_the_regex_crates() {
        // Not a literal, so that no lint checks it as a regex.
        let unclosed = String::from("(?P<who>a");
        let ours = Exact::new(&unclosed).unwrap_err();
        let theirs = regex::Regex::new(&unclosed).unwrap_err().to_string();
        assert_eq!(ours, theirs);
    }
}
