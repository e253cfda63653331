//! A regex for the exact half of a gated search: the same matches as
//! `regex::Regex`, built from one forward NFA.
//!
//! The exact pattern of a rule runs only where literals, its loose pattern
//! and its narrow form ([`crate::Narrow`]) have found a candidate already:
//! from the loose match's start, up to where the narrow form's last match
//! ends. The regex crate's own engine (`regex_automata::meta`) would also
//! derive a literal prefilter (some 7 % of compiling the rules) and compile
//! the pattern a second time in reverse (to find where a match starts,
//! which each worker process pays for every rule), yet both only find what
//! is known. Here the pattern is compiled once, forward, for three engines
//! of the regex crate: its lazy DFA finds where the leftmost-first match
//! ends (or that there is none; on non-ASCII text a Unicode `\b` makes it
//! give up), and the bounded backtracker (the PikeVM on long texts) reads
//! the groups from the search's start to that end: no match starts before
//! the leftmost one, and none of higher preference fits in that span, so
//! the match is the one the whole search finds. A pattern that can match
//! the empty string (whose successor rules are subtle) and `captures_iter`
//! use the regex crate's engine, built when first needed. Which engine
//! searches never changes a match: every method answers as the
//! `regex::Regex` method of the same name, searching with the same input.
//! (Measured and dropped: no lazy DFA at all compiles in half the time,
//! but whole conversions then took 18 % more instructions: the DFA answers
//! many of these searches before it meets a non-ASCII letter.)

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex_automata::hybrid::dfa::{Cache as DfaCache, DFA};
use regex_automata::meta;
use regex_automata::nfa::thompson::NFA;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Input, MatchKind, PatternID};
use regex_syntax::hir::Hir;

use crate::shared::Shared;

/// A regex answering as `regex::Regex` does (see the module docs).
#[derive(Debug, Clone)]
pub struct Exact {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    source: String,
    nfa: NFA,
    /// The forward engines; `None` when the pattern can match the empty
    /// string.
    fast: Option<Fast>,
    /// The regex crate's engine, for what `fast` does not serve.
    meta: OnceLock<Option<meta::Regex>>,
}

/// A thread's scratch space for the three engines. The PikeVM's is made
/// when first needed (long texts, or the backtracker failing): made with
/// the others, it was the largest part of a thread's caches (a set and a
/// slot table per NFA state, for every exact pattern), mostly never used.
struct Caches {
    dfa: Option<DfaCache>,
    backtrack: backtrack::Cache,
    pikevm: Option<pikevm::Cache>,
}

impl Caches {
    fn pikevm(&mut self, pikevm: &PikeVM) -> &mut pikevm::Cache {
        self.pikevm.get_or_insert_with(|| pikevm.create_cache())
    }
}

struct Fast {
    dfa: Option<DFA>,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Shared<Caches>,
}

impl std::fmt::Debug for Fast {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fast").finish_non_exhaustive()
    }
}

/// The regex crate's engine as `regex::Regex` configures it, but for the
/// literal prefilter (every search runs where literals were found).
fn meta_regex(pattern: &str) -> Result<meta::Regex, String> {
    build_meta(pattern, meta::Config::new())
}

/// The regex crate's engine as `regex::Regex` configures it on top of
/// `config`, but for the literal prefilter.
pub(crate) fn build_meta(pattern: &str, config: meta::Config) -> Result<meta::Regex, String> {
    let config = config
        // `regex`'s defaults, as `regex::RegexBuilder` sets them...
        .nfa_size_limit(Some(10 * (1 << 20)))
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .hybrid_cache_capacity(2 * (1 << 20))
        // ... but for the prefilter.
        .auto_prefilter(false);
    let syntax = regex_automata::util::syntax::Config::new().utf8(true);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax)
        .build(pattern)
        .map_err(|e| regex_error(pattern, e.to_string()))
}

/// The message `regex::Regex::new` gives for a pattern that does not
/// compile (`fallback` if it compiles there).
fn regex_error(pattern: &str, fallback: String) -> String {
    match regex::Regex::new(pattern) {
        Err(regex_error) => regex_error.to_string(),
        Ok(_) => fallback,
    }
}

/// `pattern` parsed as the regex crate parses it (its syntax defaults,
/// UTF-8): what [`Exact::new`] compiles; an invalid pattern's error is the
/// message `regex::Regex::new` gives.
pub fn parse(pattern: &str) -> Result<Hir, String> {
    regex_automata::util::syntax::parse_with(
        pattern,
        &regex_automata::util::syntax::Config::new().utf8(true),
    )
    .map_err(|e| regex_error(pattern, e.to_string()))
}

impl Fast {
    fn new(nfa: &NFA) -> Option<Fast> {
        if nfa.has_empty() {
            return None;
        }
        // As the regex crate configures its lazy DFA (it may give up, and
        // quits on non-ASCII bytes when the pattern has a Unicode `\b`).
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .unicode_word_boundary(true)
                    .cache_capacity(2 * (1 << 20))
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .ok();
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).ok()?;
        let pikevm = PikeVM::new_from_nfa(nfa.clone()).ok()?;
        Some(Fast {
            dfa,
            backtrack,
            pikevm,
            caches: Shared::new(),
        })
    }

    fn new_caches(&self) -> Caches {
        Caches {
            dfa: self.dfa.as_ref().map(|d| d.create_cache()),
            backtrack: self.backtrack.create_cache(),
            pikevm: None,
        }
    }

    /// Where the leftmost-first match in `input` ends: `Some(None)` when
    /// there is none, `None` when the DFA cannot tell.
    fn end(&self, caches: &mut Caches, input: &Input<'_>) -> Option<Option<usize>> {
        let (dfa, cache) = (self.dfa.as_ref()?, caches.dfa.as_mut()?);
        dfa.try_search_fwd(cache, input)
            .ok()
            .map(|m| m.map(|m| m.offset()))
    }

    /// The groups of the leftmost-first match in `input`, into slots made
    /// by `slots` only when the lazy DFA has not ruled a match out (most
    /// searches find nothing, and need no slots).
    fn captures(&self, input: &Input<'_>, slots: impl FnOnce() -> Slots) -> Option<Slots> {
        let mut caches = self.caches.get(|| self.new_caches());
        let stop = match self.end(&mut caches, input) {
            Some(None) => return None,
            Some(Some(end)) => end,
            None => input.end(),
        };
        let mut slots = slots();
        let input = input.clone().span(input.start()..stop);
        if input.get_span().len() > self.backtrack.max_haystack_len()
            || self
                .backtrack
                .try_captures(&mut caches.backtrack, input.clone(), &mut slots)
                .is_err()
        {
            self.pikevm
                .captures(caches.pikevm(&self.pikevm), input, &mut slots);
        }
        Some(slots)
    }

    fn is_match(&self, input: &Input<'_>) -> bool {
        let mut caches = self.caches.get(|| self.new_caches());
        if let Some(answer) = self.end(&mut caches, input) {
            return answer.is_some();
        }
        if input.get_span().len() <= self.backtrack.max_haystack_len()
            && let Ok(answer) = self
                .backtrack
                .try_is_match(&mut caches.backtrack, input.clone())
        {
            return answer;
        }
        self.pikevm
            .is_match(caches.pikevm(&self.pikevm), input.clone())
    }
}

impl Exact {
    /// Compiles `pattern` as `regex::Regex::new` would (same syntax, limits
    /// and match semantics); an invalid pattern's error is the message
    /// `regex::Regex::new` gives.
    pub fn new(pattern: &str) -> Result<Exact, String> {
        let hir = parse(pattern)?;
        Exact::from_hir(pattern, &hir)
    }

    /// As [`Exact::new`], from `pattern` already parsed by [`parse`] (one
    /// parse can then serve this and the narrow gate,
    /// [`crate::Narrow::from_hir`]).
    pub fn from_hir(pattern: &str, hir: &Hir) -> Result<Exact, String> {
        let nfa = crate::compile::nfa(crate::compile::Kind::Exact, hir)
            .map_err(|e| regex_error(pattern, e))?;
        let fast = Fast::new(&nfa);
        let meta = OnceLock::new();
        if fast.is_none() {
            let _ = meta.set(Some(meta_regex(pattern)?));
        }
        Ok(Exact {
            inner: Arc::new(Inner {
                source: pattern.to_string(),
                nfa,
                fast,
                meta,
            }),
        })
    }

    /// The regex crate's engine for this pattern, built when first needed.
    fn meta(&self) -> Option<&meta::Regex> {
        self.inner
            .meta
            .get_or_init(|| meta_regex(&self.inner.source).ok())
            .as_ref()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.inner.source
    }

    /// As `regex::Regex::capture_names`.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.inner.nfa.group_info().pattern_names(PatternID::ZERO)
    }

    /// As `regex::Regex::is_match`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.is_match_at(haystack, 0)
    }

    /// As `regex::Regex::is_match_at`.
    pub fn is_match_at(&self, haystack: &str, start: usize) -> bool {
        self.is_match_in(haystack, start, haystack.len())
    }

    /// As `regex::Regex::find`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    /// As `regex::Regex::find_at`.
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        self.captures_at(haystack, start)?.get(0)
    }

    /// As `regex::Regex::captures`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// As `regex::Regex::captures_at`.
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        self.captures_in(haystack, start, haystack.len())
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
        let end = end.max(start).min(haystack.len());
        let input = Input::new(haystack).span(start..end);
        let new_slots = || Slots::all(self.inner.nfa.group_info().clone());
        let slots = match &self.inner.fast {
            Some(fast) => fast.captures(&input, new_slots)?,
            None => {
                let mut slots = new_slots();
                self.meta()?.search_captures(&input, &mut slots);
                slots
            }
        };
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// As `regex::Regex::is_match_at`, with the search stopping at byte
    /// `end` (as [`Exact::captures_in`]).
    pub fn is_match_in(&self, haystack: &str, start: usize, end: usize) -> bool {
        let end = end.max(start).min(haystack.len());
        let input = Input::new(haystack).span(start..end).earliest(true);
        match &self.inner.fast {
            Some(fast) => fast.is_match(&input),
            None => self
                .meta()
                .is_some_and(|re| re.search_half(&input).is_some()),
        }
    }

    /// As `regex::Regex::captures_iter`.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.meta()
            .into_iter()
            .flat_map(move |re| re.captures_iter(haystack))
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
            r"(?m)^\p{Lu}\p{Ll}+\b:|\Bska\b|x$",
            r"\b(?:a|ab)\b(?P<due>\s*\d+)?",
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

    /// On a text longer than the backtracker takes (the PikeVM reads the
    /// groups), and with the search stopped at a match's end.
    #[test]
    fn answers_as_the_regex_crate_on_long_texts() {
        let p = r"(?i)\b(?P<who>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*)\s+ska\s+(?P<what>\p{L}+(?:\s+\p{L}+)*)\b";
        let text = format!(
            "{}Åsa Öst ska ringa banken{}",
            "å ".repeat(3000),
            " ö".repeat(3000)
        );
        let exact = Exact::new(p).unwrap();
        let re = regex::Regex::new(p).unwrap();
        for at in [0, 10, 5000, 6000, 6010, text.len()] {
            let ours = exact.captures_at(&text, at);
            let theirs = re.captures_at(&text, at);
            assert_eq!(ours.is_some(), theirs.is_some(), "{at}");
            if let (Some(a), Some(b)) = (ours, theirs) {
                for i in 0..b.len() {
                    assert_eq!(a.get(i).map(|m| m.range()), b.get(i).map(|m| m.range()));
                }
                let end = b.get(0).unwrap().end();
                let stopped = exact.captures_in(&text, at, end).unwrap();
                assert_eq!(
                    stopped.get(2).map(|m| m.range()),
                    b.get(2).map(|m| m.range())
                );
            }
            assert_eq!(exact.is_match_at(&text, at), re.is_match_at(&text, at));
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
