//! A cheap "no" before an exact search: the pattern without its word
//! boundaries, as a forward lazy DFA alone.
//!
//! A rule's exact pattern is searched where its literals and its loose
//! pattern (letter classes widened) found a candidate, but most such
//! candidates are not matches (the loose pattern takes "vi ska" where the
//! exact one wants a name before "ska"), and on Swedish text every one of
//! those searches leaves the lazy DFA at the first non-ASCII letter for
//! the backtracker, which clears a bit set of (NFA states × sentence)
//! first. The pattern without `\b` keeps its exact letter classes, so it
//! rejects most of them, and having no Unicode word boundary it never
//! leaves the DFA. It only answers whether a match may exist: it matches
//! wherever the exact pattern does (dropping a zero-width assertion only
//! drops a condition), so a "no" is certain and a "yes" is checked by the
//! exact pattern as before.

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};

type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// The forward lazy DFA of a pattern without its word boundaries.
pub struct Narrow {
    dfa: DFA,
    caches: Pool<Cache, CacheFn>,
}

impl std::fmt::Debug for Narrow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Narrow").finish_non_exhaustive()
    }
}

impl Narrow {
    /// The narrow gate of `pattern`: `None` when the pattern has no word
    /// boundary (then the regex crate's own lazy DFA serves it) or the
    /// pattern without them does not compile within the regex crate's
    /// default size limit (then the exact pattern alone answers).
    pub fn new(pattern: &str) -> Option<Narrow> {
        let narrow = crate::without_word_boundaries(pattern)?;
        let nfa = thompson::Compiler::new()
            .syntax(regex_automata::util::syntax::Config::new().utf8(true))
            .configure(
                thompson::Config::new()
                    .nfa_size_limit(Some(10 * (1 << 20)))
                    .which_captures(WhichCaptures::None)
                    .shrink(false),
            )
            .build(&narrow)
            .ok()?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    // Every match, so that a search reports the last end.
                    .match_kind(MatchKind::All)
                    // Any `\B` left makes the DFA give up on non-ASCII text
                    // (answered "maybe") instead of failing to build.
                    .unicode_word_boundary(true)
                    .cache_capacity(2 * (1 << 20)),
            )
            .build_from_nfa(nfa)
            .ok()?;
        let for_caches = dfa.clone();
        let create: CacheFn = Box::new(move || for_caches.create_cache());
        Some(Narrow {
            dfa,
            caches: Pool::new(create),
        })
    }

    /// May the pattern match in `text` at or after byte `at` (a match
    /// starting there or later)? `false` only when it cannot.
    pub fn may_match_at(&self, text: &str, at: usize) -> bool {
        if at > text.len() {
            return true;
        }
        let input = Input::new(text).span(at..text.len()).earliest(true);
        let mut cache = self.caches.get();
        !matches!(self.dfa.try_search_fwd(&mut cache, &input), Ok(None))
    }

    /// Where a match of the pattern starting at or after byte `at` ends at
    /// the latest: `None` when there is no such match. Every such match of
    /// the pattern with its word boundaries is one of these, so an exact
    /// search from `at` may stop there (the end of `text` when the DFA
    /// gives up).
    pub fn last_end(&self, text: &str, at: usize) -> Option<usize> {
        if at > text.len() {
            return Some(text.len());
        }
        let input = Input::new(text).span(at..text.len());
        let mut cache = self.caches.get();
        match self.dfa.try_search_fwd(&mut cache, &input) {
            Ok(None) => None,
            Ok(Some(m)) => Some(m.offset()),
            Err(_) => Some(text.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Never "no" where the exact pattern matches; "no" where only the
    /// widened letter classes would match.
    #[test]
    fn says_no_only_where_the_pattern_cannot_match() {
        let patterns = [
            r"(?i)\b(?:beslutade|beslöt)\s+(?P<who>\p{Lu}\p{Ll}+)?\b",
            r"\b(?P<who>\p{Lu}[\p{Ll}-]+)\s+(?:ska|skall)\b",
            r"\bx*",
            r"(?:^|\s)(?P<due>\d{1,2}/\d{1,2})\b",
            r"ä|\bö",
            r"\Bska\b",
            r"(?m)^\bÅtgärd\b:",
        ];
        let texts = [
            "Styrelsen beslutade Åsa att ...",
            "Åsa Öst ska kontakta banken senast 5/3.",
            "vi ska kontakta banken",
            "",
            "xx ä xö ö",
            "Beslöt: ingen. Per skall 12/10 återkomma",
            "ändå\nÅtgärd: ring",
            "kanske",
        ];
        for p in patterns {
            let exact = regex::Regex::new(p).unwrap();
            let ours = crate::Exact::new(p).unwrap();
            let narrow = Narrow::new(p).expect("has a word boundary");
            for t in texts {
                for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    if exact.is_match_at(t, at) {
                        assert!(narrow.may_match_at(t, at), "{p} {t} {at}");
                    }
                    // Every match starting at or after `at` ends by then,
                    // so a search stopping there answers the same.
                    let end = narrow.last_end(t, at);
                    let stopped = end.and_then(|e| ours.captures_in(t, at, e));
                    let whole = exact.captures_at(t, at);
                    assert_eq!(stopped.is_some(), whole.is_some(), "{p} {t} {at}");
                    if let (Some(a), Some(b)) = (stopped, whole) {
                        for i in 0..b.len() {
                            assert_eq!(a.get(i).map(|m| m.range()), b.get(i).map(|m| m.range()));
                        }
                    }
                    assert_eq!(
                        end.is_some_and(|e| ours.is_match_in(t, at, e)),
                        exact.is_match_at(t, at),
                        "{p} {t} {at}"
                    );
                    for from in (at..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                        if let Some(m) = exact.find_at(t, from) {
                            assert!(end.is_some_and(|e| m.end() <= e), "{p} {t} {at}");
                        }
                    }
                }
            }
        }
        let name_before_ska = Narrow::new(r"\b\p{Lu}\p{Ll}+\s+ska\b").unwrap();
        assert!(!name_before_ska.may_match_at("vi ska kontakta banken", 0));
        assert!(name_before_ska.may_match_at("Åsa ska kontakta banken", 0));
        assert!(!name_before_ska.may_match_at("Åsa ska kontakta banken", 2));
        assert!(Narrow::new(r"ska").is_none());
        // The last end of any match, wherever it starts.
        let words = Narrow::new(r"\bska\s+\p{L}+").unwrap();
        let t = "Åsa ska ringa, Per ska skriva. Slut";
        assert_eq!(words.last_end(t, 0), t.find(". Slut"));
        assert_eq!(words.last_end("ingenting", 0), None);
    }
}
