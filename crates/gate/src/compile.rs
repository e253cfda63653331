//! Thompson NFAs compiled by one compiler per thread and configuration.
//!
//! A `regex_automata` compiler allocates caches for compiling UTF-8
//! classes (ten thousand entries, and a key for every entry used) when it
//! first compiles a class, and frees them when it is dropped: for the
//! rules' exact patterns, with their Unicode letter classes, freeing them
//! alone cost more than 400,000 instructions a pattern. A compiler can
//! build one NFA after another (each build starts from cleared state: its
//! caches are versioned, its builder emptied), so each thread keeps one per
//! configuration used here and the caches are made once. The NFA built is
//! the one a fresh compiler builds (tested).

use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_syntax::hir::Hir;

/// The configurations compiled here.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// [`crate::Exact`]'s forward NFA: UTF-8, every group.
    Exact,
    /// [`crate::Narrow`]'s: no groups.
    Narrow,
}

fn config(kind: Kind) -> thompson::Config {
    match kind {
        Kind::Exact => thompson::Config::new()
            .utf8(true)
            .nfa_size_limit(Some(10 * (1 << 20)))
            .shrink(false)
            .which_captures(WhichCaptures::All),
        Kind::Narrow => thompson::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .which_captures(WhichCaptures::None)
            .shrink(false),
    }
}

fn fresh(kind: Kind) -> thompson::Compiler {
    let mut compiler = thompson::Compiler::new();
    compiler.configure(config(kind));
    compiler
}

thread_local! {
    static EXACT: thompson::Compiler = fresh(Kind::Exact);
    static NARROW: thompson::Compiler = fresh(Kind::Narrow);
}

/// `hir` compiled as `kind` says, by this thread's compiler for it; the
/// compiler's error as its message.
pub(crate) fn nfa(kind: Kind, hir: &Hir) -> Result<NFA, String> {
    let build =
        |compiler: &thompson::Compiler| compiler.build_from_hir(hir).map_err(|e| e.to_string());
    let key = match kind {
        Kind::Exact => &EXACT,
        Kind::Narrow => &NARROW,
    };
    // A thread being torn down has no compilers left: a fresh one then.
    key.try_with(build).unwrap_or_else(|_| build(&fresh(kind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_compiler_builds_what_a_fresh_one_builds() {
        let patterns = [
            r"(?i)\b(?P<who>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2})\s+(?:ska|skall)\b",
            r"\p{L}{2,}\s+\d{1,2}",
            r"(?i)beslutade?\s+att",
            r"[^\s\x00-\x40\x5B-\x60\x7B-\x7F]+",
            r"(?i)å[^ä]*ö",
            r"\w+@\w+\.\w+",
            r"a|b|c",
            r"(?i)\bfastställ(?:a|de|des|er|s)\b",
        ];
        for kind in [Kind::Exact, Kind::Narrow] {
            // Twice through, so that every build after the first follows
            // another on the same compiler.
            for round in 0..2 {
                for p in patterns {
                    let hir = crate::exact::parse(p).expect("parses");
                    let kept = nfa(kind, &hir).expect("compiles");
                    let new = fresh(kind).build_from_hir(&hir).expect("compiles");
                    assert_eq!(
                        format!("{kept:?}"),
                        format!("{new:?}"),
                        "{kind:?} {p} round {round}"
                    );
                }
            }
        }
    }
}
