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

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Input, MatchKind};

use crate::shared::Shared;
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

/// The forward lazy DFA of a pattern without its word boundaries.
pub struct Narrow {
    dfa: DFA,
    caches: Shared<Cache>,
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
        // Parsed as the regex crate parses (its syntax defaults, UTF-8),
        // then its bounded repetitions unbounded (see `unbounded`).
        let hir = regex_syntax::ParserBuilder::new()
            .utf8(true)
            .build()
            .parse(&narrow)
            .ok()?;
        Narrow::of_unbounded(&unbounded(&hir, false))
    }

    /// As [`Narrow::new`], from the pattern already parsed (as the regex
    /// crate parses it): its word boundaries are dropped here, so that one
    /// parse serves this gate and the exact regex ([`crate::Exact::from_hir`]).
    /// `None` when it has no word boundary.
    pub fn from_hir(hir: &Hir) -> Option<Narrow> {
        if !has_word_boundary(hir) {
            return None;
        }
        Narrow::of_unbounded(&unbounded(hir, true))
    }

    fn of_unbounded(hir: &Hir) -> Option<Narrow> {
        let nfa = crate::compile::nfa(crate::compile::Kind::Narrow, hir).ok()?;
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
        Some(Narrow {
            dfa,
            caches: Shared::new(),
        })
    }

    /// May the pattern match in `text` at or after byte `at` (a match
    /// starting there or later)? `false` only when it cannot.
    pub fn may_match_at(&self, text: &str, at: usize) -> bool {
        if at > text.len() {
            return true;
        }
        let input = Input::new(text).span(at..text.len()).earliest(true);
        let mut cache = self.caches.get(|| self.dfa.create_cache());
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
        let mut cache = self.caches.get(|| self.dfa.create_cache());
        match self.dfa.try_search_fwd(&mut cache, &input) {
            Ok(None) => None,
            Ok(Some(m)) => Some(m.offset()),
            Err(_) => Some(text.len()),
        }
    }
}

/// `hir` with every bounded repetition of more than one optional copy
/// (`x{0,3}`, `x{1,60}`, `x{2,5}`) unbounded (`x*`, `x+`, `x{2,}`): a
/// superset (every match of `hir` is one of the result's), compiled with
/// one copy of the repeated part instead of one per possible copy. The
/// narrow form only says where a match may end at the latest, so a wider
/// language costs at most a later bound, never a lost match.
fn unbounded(hir: &Hir, drop_words: bool) -> Hir {
    match hir.kind() {
        // A word boundary dropped (`without_word_boundaries` on the parsed
        // pattern): only a condition goes, so every match stays one.
        HirKind::Look(look) if drop_words && is_word_boundary(*look) => Hir::empty(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max.filter(|&max| max <= r.min.saturating_add(1)),
            greedy: r.greedy,
            sub: Box::new(unbounded(&r.sub, drop_words)),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(unbounded(&c.sub, drop_words)),
        }),
        HirKind::Concat(items) => {
            Hir::concat(items.iter().map(|h| unbounded(h, drop_words)).collect())
        }
        HirKind::Alternation(items) => {
            Hir::alternation(items.iter().map(|h| unbounded(h, drop_words)).collect())
        }
        _ => hir.clone(),
    }
}

/// The assertions `without_word_boundaries` drops (`\b`, `\b{start}`,
/// `\b{end}`, `\b{start-half}`, `\b{end-half}`), not `\B`.
fn is_word_boundary(look: Look) -> bool {
    matches!(
        look,
        Look::WordAscii
            | Look::WordUnicode
            | Look::WordStartAscii
            | Look::WordEndAscii
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfAscii
            | Look::WordEndHalfAscii
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// Does `hir` hold a word boundary that `unbounded` would drop?
fn has_word_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => is_word_boundary(*look),
        HirKind::Repetition(r) => has_word_boundary(&r.sub),
        HirKind::Capture(c) => has_word_boundary(&c.sub),
        HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().any(has_word_boundary),
        _ => false,
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
            r"(?i)\bskjuts\s+(?:\p{L}+\s+){0,2}?till\b.{0,5}\bmöte",
            r"\b(?P<who>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})\s+ska\b",
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
            "Frågan skjuts till nästa möte; skjuts upp till ett möte",
            "Skjuts en två tre till x möte. Skjuts a b till möte",
            "Åsa Britt Öst Lind ska ringa, Per Ek ska",
        ];
        for p in patterns {
            let exact = regex::Regex::new(p).unwrap();
            let ours = crate::Exact::new(p).unwrap();
            let narrow = Narrow::new(p).expect("has a word boundary");
            // Built from the parsed pattern, it answers as built from the
            // pattern's text without `\b`.
            let parsed = crate::exact::parse(p).unwrap();
            let from_hir = Narrow::from_hir(&parsed).expect("has a word boundary");
            for t in texts {
                for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    assert_eq!(
                        narrow.last_end(t, at),
                        from_hir.last_end(t, at),
                        "{p} {t} {at}"
                    );
                }
            }
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
        assert!(Narrow::from_hir(&crate::exact::parse(r"\Bska").unwrap()).is_none());
        // The last end of any match, wherever it starts.
        let words = Narrow::new(r"\bska\s+\p{L}+").unwrap();
        let t = "Åsa ska ringa, Per ska skriva. Slut";
        assert_eq!(words.last_end(t, 0), t.find(". Slut"));
        assert_eq!(words.last_end("ingenting", 0), None);
    }

    #[test]
    fn unbounded_repetitions_keep_every_match() {
        let hir = |p: &str| regex_syntax::parse(p).unwrap();
        assert_eq!(
            unbounded(&hir(r"a{0,3}(?:b{1,60}c{2,5}){2}d?e{3}f{1,2}"), false),
            hir(r"a*(?:b+c{2,}){2}d?e{3}f{1,2}")
        );
    }
}
