//! The rules file: its schema, loading and validation.
//!
//! Rules are deserialized first and then compiled, as in ast-grep: every
//! problem in a rules file — an unknown key, a bad regex, a duplicate id, an
//! example that the rule does not match — is reported at load, naming the rule
//! and the problem, before any document is read.

use minutes_gate::exact::{Captures, Match};
use regex::Regex;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The rules compiled into the binary.
pub const DEFAULT_RULES: &str = include_str!("../rules/default.toml");

/// A problem in a rules file.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The file is not valid TOML for the schema.
    #[error("rules file is not valid: {0}")]
    Syntax(String),
    /// A rule's pattern does not compile.
    #[error("rule {id}: {field} is not a valid regular expression: {message}")]
    Regex {
        /// The rule.
        id: String,
        /// Which field.
        field: String,
        /// The regex crate's message.
        message: String,
    },
    /// Two rules share an id.
    #[error("rule {0}: the id is used twice")]
    DuplicateId(String),
    /// A field has a value the engine does not know.
    #[error("rule {id}: {message}")]
    Invalid {
        /// The rule.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// A rule's own example is not classified as it says.
    #[error("rule {id}: its example {example:?} was expected to {expect}, and the rule disagrees")]
    Example {
        /// The rule.
        id: String,
        /// The example text.
        example: String,
        /// "match" or "not match".
        expect: &'static str,
    },
}

/// What a rule finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A decision of the meeting.
    Decision,
    /// A task for after the meeting.
    Action,
    /// A matter put off to a later meeting.
    Deferral,
}

impl Kind {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Decision => "decision",
            Kind::Action => "action",
            Kind::Deferral => "deferral",
        }
    }
}

/// What a label marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    /// "Beslut:", a "Beslut" heading.
    Decision,
    /// "Action:", "Åtgärd:", "Uppdrag:", "Ansvarig:".
    Action,
    /// "Förslag till beslut": a proposal, which is not a decision.
    Proposal,
    /// A section whose sentences are not this meeting's ("Tidigare behandling").
    Other,
    /// "Ta upp nästa gång", "Parking lot": a list of matters put off.
    Deferral,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// `"default"`: start from the built-in rules; a rule or label with the
    /// same id replaces the built-in one, others are added after them.
    #[serde(default)]
    extends: Option<String>,
    /// Named word lists (regex fragments) that patterns use as `{@name}`,
    /// so a list shared by several rules is written once.
    #[serde(default)]
    words: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    label: Vec<RawLabel>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    reason: Vec<RawReason>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    id: String,
    kind: LabelKind,
    regex: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    examples: Examples,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Examples {
    #[serde(default)]
    hit: Vec<String>,
    #[serde(default)]
    miss: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    kind: Kind,
    regex: String,
    #[serde(default)]
    unless: Vec<String>,
    /// Vetoes on the captured `who` (a whole-match test on that text).
    #[serde(default)]
    unless_who: Vec<String>,
    /// Vetoes on the text before the match: what governs the cue from
    /// before it (a condition, a relative clause), not a later clause.
    #[serde(default)]
    unless_before: Vec<String>,
    /// The captured `who` must be people of the attendance list.
    #[serde(default)]
    who_listed: bool,
    /// The rule finds a clause of its own inside a sentence (the regex's
    /// `clause` group), in addition to what other rules find in it.
    #[serde(default)]
    clause: bool,
    /// Fire only inside a block with one of these labels.
    #[serde(default)]
    within: Vec<LabelKind>,
    /// Never fire inside a block with one of these labels.
    #[serde(default)]
    not_within: Vec<LabelKind>,
    /// Take only the sentence that carries the label.
    #[serde(default)]
    carrier: bool,
    /// Silent outside labelled blocks in minutes that label their tasks.
    #[serde(default)]
    quiet_where_tasks_labelled: bool,
    /// Fire only in items whose title matches this regex.
    #[serde(default)]
    title: Option<String>,
    /// Take only the first sentence of the item's text.
    #[serde(default)]
    first: bool,
    /// Take the label's sentence only when no other rule of this kind took a
    /// sentence of the same unit (implies `carrier`).
    #[serde(default)]
    fallback: bool,
    /// Actions: "capture" (the `who` group), "all", "none", "subject".
    #[serde(default)]
    assignees: Option<String>,
    /// Deferrals: bordläggning, återremiss, utgår, uppskjuten.
    #[serde(default, rename = "type")]
    deferral_type: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReason {
    id: String,
    regex: String,
}

/// A compiled label.
#[derive(Debug)]
pub struct Label {
    /// Stable id.
    pub id: String,
    /// What it marks.
    pub kind: LabelKind,
    /// Anchored at the start of a unit. Searched from a unit's start
    /// only, so compiled forward only ([`minutes_gate::Exact`]: the same
    /// answers as `regex::Regex`, without the reverse automaton, literal
    /// prefilter and one-pass DFA the regex crate would build for it in
    /// every worker process).
    pub regex: minutes_gate::Exact,
    /// Why it exists.
    pub note: Option<String>,
}

/// How an action's assignees are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssigneeSource {
    /// The regex's `who` group.
    Capture,
    /// Everyone ("Alla ombeds", imperatives).
    All,
    /// Nobody named (passive tasks).
    None,
    /// The sentence's leading name or initials.
    Subject,
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, in every extraction it makes.
    pub id: String,
    /// What it finds.
    pub kind: Kind,
    /// The cue. Searched only where the literal prefilter and the loose
    /// pattern found a candidate (from the loose match's start), so built
    /// without a literal prefilter of its own (see [`minutes_gate::Exact`]).
    pub regex: ExactPattern,
    /// Vetoes: any match cancels the rule on that sentence. Searched from
    /// their loose pattern's match, as the cue is (see `regex`).
    pub unless: Vec<(String, ExactPattern)>,
    /// Each veto without its word boundaries, when it has any (see
    /// `loose`), compiled when first used.
    pub unless_loose: Vec<Option<LoosePattern>>,
    /// Vetoes on the `who` group: a match whose `who` one of these matches
    /// does not count ("Det", "Man" are not people), but a later match in
    /// the same sentence still can ("Det beslutades att Nicolas ska …").
    pub unless_who: Vec<(String, Pattern)>,
    /// Vetoes on the sentence's text before the match (those ending in `$`
    /// stand just before it): "Om lokalen ska bokas" is a condition, but
    /// "En länk ska läggas upp där protokollen ska läggas upp" is a task
    /// whose second clause, after the cue, is no condition of it.
    pub unless_before: Vec<(String, Pattern)>,
    /// The `who` group must name people of the attendance list (each name,
    /// initials or first name found there): a verb that any sentence might
    /// carry is a task only when a participant does it.
    pub who_listed: bool,
    /// A clause rule: its extraction is the `clause` group ("…, som sedan
    /// överför dem"), a second finding of its kind in the sentence.
    pub clause: bool,
    /// Labels it needs.
    pub within: Vec<LabelKind>,
    /// Labels that stop it.
    pub not_within: Vec<LabelKind>,
    /// Only the sentence carrying the label.
    pub carrier: bool,
    /// Silent on unlabelled sentences of minutes that label their tasks
    /// ("Action:", "Åtgärd:", a to-do heading, a task table): such minutes
    /// mark the tasks they mean, and a weak cue elsewhere in them (a
    /// passive "ska tillsättas" in a report) is narrative.
    pub quiet_where_tasks_labelled: bool,
    /// Items whose title matches.
    pub title: Option<Pattern>,
    /// Only the item's first sentence.
    pub first: bool,
    /// Only when nothing else of its kind fired in the unit.
    pub fallback: bool,
    /// Where assignees come from.
    pub assignees: AssigneeSource,
    /// The kind of deferral.
    pub deferral_type: Option<String>,
    /// Why it exists.
    pub note: Option<String>,
    /// The regex without its word boundaries: it matches wherever the rule
    /// does (and more), and unlike Unicode `\b` it runs on the regex
    /// crate's fast engine over Swedish text, so it rules out most sentences
    /// before the exact regex runs.
    pub loose: Option<LoosePattern>,
}

/// A reason pattern for deferrals: its `reason` group is the reason.
#[derive(Debug)]
pub struct ReasonPattern {
    /// Stable id.
    pub id: String,
    /// The pattern.
    pub regex: Pattern,
}

/// A validated, compiled rules file.
#[derive(Debug)]
pub struct RuleSet {
    /// Labels, in priority order.
    pub labels: Vec<Label>,
    /// Rules, in priority order within each kind.
    pub rules: Vec<Rule>,
    /// Reason patterns.
    pub reasons: Vec<ReasonPattern>,
    /// Hex SHA-256 of the source text: part of every output's provenance.
    pub hash: String,
    /// The literal prefilter, built when first needed: deriving the
    /// literals parses every rule's regex (some 7 % of a worker's start-up),
    /// which a process that only needs the rules' hash, such as the parent
    /// of the worker processes, need not pay for.
    prefilter: std::sync::OnceLock<Prefilter>,
    /// The rules of each kind, by the way they are tried (see
    /// [`RuleSet::tried`]), built on first use.
    tried: std::sync::OnceLock<Tried>,
}

/// The indices of the rules of each kind (`Kind as usize`), in order: those
/// tried one after another until one takes a sentence (without and with
/// `fallback`), and the clause rules.
#[derive(Debug, Default)]
struct Tried {
    first: [Vec<usize>; 3],
    fallback: [Vec<usize>; 3],
    clause: [Vec<usize>; 3],
}

/// All rules' required literals in one automaton, so one scan of a
/// sentence tells which rules can match it.
#[derive(Debug)]
struct Prefilter {
    /// The literals, each with the rule it is one of (lower case, derived
    /// from the rule's regex: every match contains one of its literals).
    matcher: Option<(aho_corasick::AhoCorasick, Vec<usize>)>,
    /// The rules the prefilter always lets through (they have no literals).
    always_admitted: Admitted,
}

impl Prefilter {
    fn of(rules: &[Rule]) -> Prefilter {
        let mut literals = Vec::new();
        let mut owners = Vec::new();
        let mut always_admitted = if rules.len() <= 128 {
            Admitted::Few(0)
        } else {
            Admitted::Many(vec![0; rules.len().div_ceil(64)])
        };
        for (i, r) in rules.iter().enumerate() {
            match crate::prefilter::required_literals(r.regex.as_str()) {
                Some(ls) => {
                    for l in ls {
                        literals.push(l);
                        owners.push(i);
                    }
                }
                None => always_admitted.admit(i),
            }
        }
        // A full DFA: one table step a byte, for a scan of every sentence
        // (some 700 literals make it a few hundred kilobytes).
        let matcher = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&literals)
            .ok()
            .map(|ac| (ac, owners));
        Prefilter {
            matcher,
            always_admitted,
        }
    }
}

fn compile(id: &str, field: &str, pattern: &str) -> Result<Regex, RuleError> {
    Regex::new(pattern).map_err(|e| RuleError::Regex {
        id: id.to_string(),
        field: field.to_string(),
        message: e.to_string(),
    })
}

/// A rule's regex, compiled when first used. A rules file is compiled
/// whole at load, so that every problem in it shows before any document is
/// read; the built-in rules, which their tests compile and check, are
/// compiled rule by rule as sentences reach them, so that a worker process
/// does not pay at start-up for rules its documents never need.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    compiled: std::sync::OnceLock<Option<Regex>>,
}

/// What a built-in pattern that failed to compile would match: nothing.
/// (Their tests compile them all; this is never used.)
static NEVER: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"[^\s\S]").expect("valid regex"));

impl Pattern {
    /// Compile now: a bad pattern is an error naming the rule and field.
    fn eager(id: &str, field: &str, source: &str) -> Result<Pattern, RuleError> {
        Ok(Pattern::compiled(source, compile(id, field, source)?))
    }

    /// A pattern compiled already.
    fn compiled(source: &str, re: Regex) -> Pattern {
        Pattern {
            source: source.to_string(),
            compiled: std::sync::OnceLock::from(Some(re)),
        }
    }

    /// Compile on first use.
    fn lazy(source: &str) -> Pattern {
        Pattern {
            source: source.to_string(),
            compiled: std::sync::OnceLock::new(),
        }
    }

    /// Compile now or on first use.
    fn new(id: &str, field: &str, source: &str, eager: bool) -> Result<Pattern, RuleError> {
        if eager {
            Pattern::eager(id, field, source)
        } else {
            Ok(Pattern::lazy(source))
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
            .unwrap_or(&NEVER)
    }
}

/// A rule's exact regex, compiled when first used (as [`Pattern`]), as a
/// [`minutes_gate::Exact`].
#[derive(Debug)]
pub struct ExactPattern {
    source: String,
    compiled: std::sync::OnceLock<Option<minutes_gate::Exact>>,
    /// The pattern without its word boundaries on the lazy DFA alone
    /// ([`minutes_gate::Narrow`]), compiled when first used: a search it
    /// rules out is not run.
    narrow: std::sync::OnceLock<Option<minutes_gate::Narrow>>,
    /// The pattern parsed, kept from the first of those two compilations
    /// to the second so that parsing (a fifth of compiling these patterns,
    /// their Unicode classes translated and case-folded) is paid once; let
    /// go when both are built.
    parsed: std::sync::Mutex<Option<regex_syntax::hir::Hir>>,
    /// Whether it has a group named `due`, asked once.
    names_due: std::sync::OnceLock<bool>,
}

/// What a built-in exact pattern that failed to compile would match:
/// nothing. (Their tests compile them all; this is never used.)
static NEVER_EXACT: std::sync::LazyLock<Option<minutes_gate::Exact>> =
    std::sync::LazyLock::new(|| minutes_gate::Exact::new(r"[^\s\S]").ok());

impl ExactPattern {
    /// Compile now or on first use; compiled now, a bad pattern is an
    /// error naming the rule and field.
    fn new(id: &str, field: &str, source: &str, eager: bool) -> Result<ExactPattern, RuleError> {
        let compiled = std::sync::OnceLock::new();
        if eager {
            let re = minutes_gate::Exact::new(source).map_err(|message| RuleError::Regex {
                id: id.to_string(),
                field: field.to_string(),
                message,
            })?;
            let _ = compiled.set(Some(re));
        }
        Ok(ExactPattern {
            source: source.to_string(),
            compiled,
            narrow: std::sync::OnceLock::new(),
            parsed: std::sync::Mutex::new(None),
            names_due: std::sync::OnceLock::new(),
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled regex, `None` only for a built-in pattern that does not
    /// compile (never: their tests compile them).
    fn get(&self) -> Option<&minutes_gate::Exact> {
        self.compiled
            .get_or_init(|| {
                self.with_parsed(|hir| minutes_gate::Exact::from_hir(&self.source, hir).ok())
                    .unwrap_or_else(|| minutes_gate::Exact::new(&self.source).ok())
            })
            .as_ref()
            .or(NEVER_EXACT.as_ref())
    }

    /// `f` of the parsed pattern, parsed on the first call (`None` when it
    /// does not parse: the caller then compiles from the source, which
    /// fails as before). The parse is let go once the narrow gate and the
    /// exact regex are both built, or both being built.
    fn with_parsed<T>(&self, f: impl FnOnce(&regex_syntax::hir::Hir) -> T) -> Option<T> {
        // A panic while another thread held the lock leaves a parse that is
        // still whole: keep using it.
        let mut parsed = self.parsed.lock().unwrap_or_else(|e| e.into_inner());
        if parsed.is_none() {
            *parsed = Some(minutes_gate::exact::parse(&self.source).ok()?);
        }
        let out = f(parsed.as_ref()?);
        // This call builds one of the two; the other already built means
        // the parse is needed no more.
        if self.narrow.get().is_some() || self.compiled.get().is_some() {
            *parsed = None;
        }
        Some(out)
    }

    /// Where a match starting at or after `at` ends at the latest (`None`:
    /// there is none); see [`minutes_gate::Narrow::last_end`].
    fn last_end(&self, text: &str, at: usize) -> Option<usize> {
        match self.narrow.get_or_init(|| {
            self.with_parsed(minutes_gate::Narrow::from_hir)
                .unwrap_or_else(|| minutes_gate::Narrow::new(&self.source))
        }) {
            Some(n) => n.last_end(text, at),
            None => Some(text.len()),
        }
    }

    /// Has it a group named `due`? (`capture_names`, asked once.)
    pub fn names_due(&self) -> bool {
        *self
            .names_due
            .get_or_init(|| self.capture_names().any(|n| n == Some("due")))
    }

    /// As [`minutes_gate::Exact::capture_names`].
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.get().into_iter().flat_map(|re| re.capture_names())
    }

    /// As [`minutes_gate::Exact::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        self.is_match_at(text, 0)
    }

    /// As [`minutes_gate::Exact::is_match_at`].
    pub fn is_match_at(&self, text: &str, at: usize) -> bool {
        self.last_end(text, at)
            .is_some_and(|end| self.get().is_some_and(|re| re.is_match_in(text, at, end)))
    }

    /// As [`minutes_gate::Exact::find`].
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.get()?.find(text)
    }

    /// As [`minutes_gate::Exact::captures_at`].
    pub fn captures_at<'t>(&self, text: &'t str, at: usize) -> Option<Captures<'t>> {
        let end = self.last_end(text, at)?;
        self.get()?.captures_in(text, at, end)
    }

    /// Where the first match starting at or after `at` starts.
    pub fn start_at(&self, text: &str, at: usize) -> Option<usize> {
        Some(self.captures_at(text, at)?.get(0)?.start())
    }

    /// As [`minutes_gate::Exact::captures_iter`].
    pub fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = Captures<'t>> + use<'r, 't> {
        self.get()
            .into_iter()
            .flat_map(move |re| re.captures_iter(text))
    }
}

impl RuleSet {
    /// The default rules, compiled rule by rule as they are first needed
    /// (their tests compile and check them whole).
    pub fn default_rules() -> Result<RuleSet, RuleError> {
        RuleSet::parse_with(DEFAULT_RULES, false)
    }

    /// Parse and validate a rules file's text: every pattern is compiled
    /// and every example checked.
    pub fn parse(text: &str) -> Result<RuleSet, RuleError> {
        RuleSet::parse_with(text, true)
    }

    /// Parse a rules file; `eager`: compile and check it all now, else
    /// compile each pattern when first used and trust the examples.
    fn parse_with(text: &str, eager: bool) -> Result<RuleSet, RuleError> {
        let mut raw: RawFile =
            toml::from_str(text).map_err(|e| RuleError::Syntax(e.to_string()))?;
        match raw.extends.as_deref() {
            None => {}
            Some("default") => {
                let mut base: RawFile = toml::from_str(DEFAULT_RULES)
                    .map_err(|e| RuleError::Syntax(format!("built-in rules: {e}")))?;
                merge_by_id(&mut base.label, std::mem::take(&mut raw.label), |l| &l.id);
                merge_by_id(&mut base.rule, std::mem::take(&mut raw.rule), |r| &r.id);
                merge_by_id(&mut base.reason, std::mem::take(&mut raw.reason), |r| &r.id);
                base.words.append(&mut raw.words);
                raw = base;
            }
            Some(other) => {
                return Err(RuleError::Syntax(format!(
                    "extends = {other:?}: only \"default\" (the built-in rules) can be extended"
                )));
            }
        }
        expand_word_lists(&mut raw)?;
        let mut ids = std::collections::BTreeSet::new();
        let mut labels = Vec::new();
        let mut label_examples = Vec::new();
        for l in raw.label {
            if !ids.insert(l.id.clone()) {
                return Err(RuleError::DuplicateId(l.id));
            }
            let regex = minutes_gate::Exact::new(&l.regex).map_err(|message| RuleError::Regex {
                id: l.id.clone(),
                field: "regex".to_string(),
                message,
            })?;
            label_examples.push((l.id.clone(), l.examples));
            labels.push(Label {
                id: l.id,
                kind: l.kind,
                regex,
                note: l.note,
            });
        }
        let mut rules = Vec::new();
        let mut rule_examples = Vec::new();
        for r in raw.rule {
            if !ids.insert(r.id.clone()) {
                return Err(RuleError::DuplicateId(r.id));
            }
            let regex = ExactPattern::new(&r.id, "regex", &r.regex, eager)?;
            let unless = r
                .unless
                .iter()
                .map(|u| ExactPattern::new(&r.id, "unless", u, eager).map(|re| (u.clone(), re)))
                .collect::<Result<Vec<_>, _>>()?;
            let unless_who = r
                .unless_who
                .iter()
                .map(|u| Pattern::new(&r.id, "unless_who", u, eager).map(|re| (u.clone(), re)))
                .collect::<Result<Vec<_>, _>>()?;
            let unless_before = r
                .unless_before
                .iter()
                .map(|u| Pattern::new(&r.id, "unless_before", u, eager).map(|re| (u.clone(), re)))
                .collect::<Result<Vec<_>, _>>()?;
            // The groups are checked where the regex is compiled now (the
            // built-in rules' tests check them).
            let has_group = |name: &str| !eager || regex.capture_names().any(|n| n == Some(name));
            if r.clause && !has_group("clause") {
                return Err(RuleError::Invalid {
                    id: r.id,
                    message: "clause = true needs a (?P<clause>…) group in regex".into(),
                });
            }
            if r.who_listed && !has_group("who") {
                return Err(RuleError::Invalid {
                    id: r.id,
                    message: "who_listed needs a (?P<who>…) group in regex".into(),
                });
            }
            if !unless_who.is_empty() && !has_group("who") {
                return Err(RuleError::Invalid {
                    id: r.id,
                    message: "unless_who needs a (?P<who>…) group in regex".into(),
                });
            }
            let assignees = match (r.kind, r.assignees.as_deref()) {
                (Kind::Action, None | Some("subject")) => AssigneeSource::Subject,
                (Kind::Action, Some("capture")) => {
                    if !has_group("who") {
                        return Err(RuleError::Invalid {
                            id: r.id,
                            message: "assignees = \"capture\" needs a (?P<who>…) group in regex"
                                .into(),
                        });
                    }
                    AssigneeSource::Capture
                }
                (Kind::Action, Some("all")) => AssigneeSource::All,
                (Kind::Action, Some("none")) => AssigneeSource::None,
                (Kind::Action, Some(other)) => {
                    return Err(RuleError::Invalid {
                        id: r.id,
                        message: format!(
                            "assignees = {other:?}: expected capture, all, none or subject"
                        ),
                    });
                }
                (_, Some(_)) => {
                    return Err(RuleError::Invalid {
                        id: r.id,
                        message: "assignees is only for kind = \"action\"".into(),
                    });
                }
                (_, None) => AssigneeSource::None,
            };
            if r.deferral_type.is_some() && r.kind != Kind::Deferral {
                return Err(RuleError::Invalid {
                    id: r.id,
                    message: "type is only for kind = \"deferral\"".into(),
                });
            }
            rule_examples.push((r.id.clone(), r.examples));
            let loose = loose_pattern(&r.regex, eager);
            let title = r
                .title
                .as_deref()
                .map(|t| Pattern::new(&r.id, "title", t, eager))
                .transpose()?;
            rules.push(Rule {
                id: r.id,
                kind: r.kind,
                regex,
                unless_loose: r.unless.iter().map(|u| loose_pattern(u, eager)).collect(),
                unless,
                unless_who,
                unless_before,
                who_listed: r.who_listed,
                clause: r.clause,
                within: r.within,
                not_within: r.not_within,
                carrier: r.carrier || r.fallback,
                quiet_where_tasks_labelled: r.quiet_where_tasks_labelled,
                title,
                first: r.first,
                fallback: r.fallback,
                assignees,
                deferral_type: r.deferral_type,
                note: r.note,
                loose,
            });
        }
        let mut reasons = Vec::new();
        for r in raw.reason {
            if !ids.insert(r.id.clone()) {
                return Err(RuleError::DuplicateId(r.id));
            }
            let regex = Pattern::new(&r.id, "regex", &r.regex, eager)?;
            if eager && !regex.capture_names().any(|n| n == Some("reason")) {
                return Err(RuleError::Invalid {
                    id: r.id,
                    message: "a reason pattern needs a (?P<reason>…) group".into(),
                });
            }
            reasons.push(ReasonPattern { id: r.id, regex });
        }
        let hash = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let set = RuleSet {
            labels,
            rules,
            reasons,
            hash,
            prefilter: std::sync::OnceLock::new(),
            tried: std::sync::OnceLock::new(),
        };
        if eager {
            set.prefilter();
            set.check_examples(&label_examples, &rule_examples)?;
        }
        Ok(set)
    }

    /// Every rule's examples must behave as the rule says: the rules are
    /// their own specification.
    fn check_examples(
        &self,
        labels: &[(String, Examples)],
        rules: &[(String, Examples)],
    ) -> Result<(), RuleError> {
        for ((id, ex), l) in labels.iter().zip(&self.labels) {
            for hit in &ex.hit {
                if !l.regex.is_match(hit) {
                    return Err(example_error(id, hit, "match"));
                }
            }
            for miss in &ex.miss {
                if l.regex.is_match(miss) {
                    return Err(example_error(id, miss, "not match"));
                }
            }
        }
        for ((id, ex), r) in rules.iter().zip(&self.rules) {
            for hit in &ex.hit {
                if !r.fires_on(hit) {
                    return Err(example_error(id, hit, "match"));
                }
            }
            for miss in &ex.miss {
                if r.fires_on(miss) {
                    return Err(example_error(id, miss, "not match"));
                }
            }
        }
        Ok(())
    }
}

/// The pattern without its word boundaries, when it has any: compiled now
/// (and dropped if it does not compile: it is no filter then) or when first
/// used (the built-in rules' tests compile theirs).
fn loose_pattern(pattern: &str, eager: bool) -> Option<LoosePattern> {
    minutes_gate::loose_superset(pattern).and_then(|p| {
        if eager {
            minutes_gate::Loose::new(&p).ok().map(|re| LoosePattern {
                source: p,
                compiled: std::sync::OnceLock::from(Some(re)),
            })
        } else {
            Some(LoosePattern {
                source: p,
                compiled: std::sync::OnceLock::new(),
            })
        }
    })
}

/// A rule's loose pattern (see [`Rule::loose`]), compiled when first used
/// (as [`Pattern`]), as a [`minutes_gate::Loose`]: only where its leftmost
/// match starts is asked.
#[derive(Debug)]
pub struct LoosePattern {
    source: String,
    compiled: std::sync::OnceLock<Option<minutes_gate::Loose>>,
}

impl LoosePattern {
    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Where its leftmost match in `text` starts, as
    /// `regex::Regex::find` gives it. A built-in pattern that does not
    /// compile (never: their tests compile them) matches nothing.
    pub fn first_start(&self, text: &str) -> Option<usize> {
        self.compiled
            .get_or_init(|| minutes_gate::Loose::new(&self.source).ok())
            .as_ref()?
            .first_start(text)
    }
}

/// Where a pattern names a word list: `{@name}`.
const WORD_LIST_OPEN: &str = "{@";

/// Put each `[words]` list in place of its `{@name}` in every pattern of the
/// file. A list is a plain fragment: it names no other list.
fn expand_word_lists(raw: &mut RawFile) -> Result<(), RuleError> {
    if let Some((name, _)) = raw.words.iter().find(|(_, w)| w.contains(WORD_LIST_OPEN)) {
        return Err(RuleError::Invalid {
            id: format!("words.{name}"),
            message: "a word list cannot name another word list".into(),
        });
    }
    let words = &raw.words;
    let expand = |id: &str, field: &str, pattern: &mut String| -> Result<(), RuleError> {
        if pattern.contains(WORD_LIST_OPEN) {
            *pattern = with_word_lists(pattern, words).map_err(|problem| RuleError::Invalid {
                id: id.to_string(),
                message: format!("{field} {problem}"),
            })?;
        }
        Ok(())
    };
    for l in &mut raw.label {
        expand(&l.id, "regex", &mut l.regex)?;
    }
    for r in &mut raw.rule {
        expand(&r.id, "regex", &mut r.regex)?;
        for u in &mut r.unless {
            expand(&r.id, "unless", u)?;
        }
        for u in &mut r.unless_who {
            expand(&r.id, "unless_who", u)?;
        }
        for u in &mut r.unless_before {
            expand(&r.id, "unless_before", u)?;
        }
        if let Some(t) = &mut r.title {
            expand(&r.id, "title", t)?;
        }
    }
    for r in &mut raw.reason {
        expand(&r.id, "regex", &mut r.regex)?;
    }
    Ok(())
}

/// `pattern` with every `{@name}` replaced by its list, or what is wrong
/// with the first that cannot be (a name the lists lack, an unclosed `{@`).
fn with_word_lists(
    pattern: &str,
    words: &std::collections::BTreeMap<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(at) = rest.find(WORD_LIST_OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + WORD_LIST_OPEN.len()..];
        let Some(end) = after.find('}') else {
            return Err("opens a word list with {@ and never closes it".to_string());
        };
        let name = &after[..end];
        out.push_str(words.get(name).ok_or_else(|| {
            format!("names the word list {{@{name}}}, which [words] does not define")
        })?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Replace entries with the same id in place, append the others.
fn merge_by_id<T>(base: &mut Vec<T>, extra: Vec<T>, id: impl Fn(&T) -> &String) {
    for e in extra {
        match base.iter().position(|b| id(b) == id(&e)) {
            Some(i) => base[i] = e,
            None => base.push(e),
        }
    }
}

fn example_error(id: &str, example: &str, expect: &'static str) -> RuleError {
    RuleError::Example {
        id: id.to_string(),
        example: example.to_string(),
        expect,
    }
}

/// Which rules the literal prefilter lets through for one sentence, a bit
/// per rule: kept inline, as every sentence has one.
#[derive(Debug, Clone)]
pub(crate) enum Admitted {
    /// Every rule (the part of a sentence that a clause rule took).
    All,
    /// Up to 128 rules.
    Few(u128),
    /// More.
    Many(Vec<u64>),
}

impl Admitted {
    /// Does the prefilter let rule `i` through?
    pub(crate) fn admits(&self, i: usize) -> bool {
        match self {
            Admitted::All => true,
            Admitted::Few(bits) => i >= 128 || bits >> i & 1 == 1,
            Admitted::Many(words) => words.get(i / 64).is_none_or(|w| w >> (i % 64) & 1 == 1),
        }
    }

    fn admit(&mut self, i: usize) {
        match self {
            Admitted::All => {}
            Admitted::Few(bits) if i < 128 => *bits |= 1 << i,
            Admitted::Few(_) => {}
            Admitted::Many(words) => {
                if let Some(w) = words.get_mut(i / 64) {
                    *w |= 1 << (i % 64);
                }
            }
        }
    }
}

impl RuleSet {
    /// The indices, in order, of the rules of `kind` that are clause rules
    /// (`clause`) or else have `fallback` as given: the rules a sentence is
    /// tried against, so that it is not tested against every rule.
    pub(crate) fn tried(&self, kind: Kind, fallback: bool, clause: bool) -> &[usize] {
        let tried = self.tried.get_or_init(|| {
            let mut t = Tried::default();
            for (i, r) in self.rules.iter().enumerate() {
                let k = r.kind as usize;
                match (r.clause, r.fallback) {
                    (true, _) => t.clause[k].push(i),
                    (false, true) => t.fallback[k].push(i),
                    (false, false) => t.first[k].push(i),
                }
            }
            t
        });
        let k = kind as usize;
        match (clause, fallback) {
            (true, _) => &tried.clause[k],
            (false, true) => &tried.fallback[k],
            (false, false) => &tried.first[k],
        }
    }

    /// The literal prefilter, built on first use.
    fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| Prefilter::of(&self.rules))
    }

    /// Which rules can match a sentence, given its lower-cased text: those
    /// without required literals, and those one of whose literals it
    /// contains.
    pub(crate) fn admitted(&self, lower: &str) -> Admitted {
        let prefilter = self.prefilter();
        let Some((ac, owners)) = &prefilter.matcher else {
            return Admitted::All;
        };
        let mut ok = prefilter.always_admitted.clone();
        for m in ac.find_overlapping_iter(lower) {
            if let Some(&i) = owners.get(m.pattern().as_usize()) {
                ok.admit(i);
            }
        }
        ok
    }
}

/// Lower-case `text` into `out` (cleared first) as `str::to_lowercase`
/// does, when every character keeps its length in bytes, so that a byte
/// range of `text` is the same range of `out`: false (and `out`
/// unspecified) when one does not, or for a capital sigma, whose lower case
/// depends on its neighbours.
pub(crate) fn lowercase_aligned(text: &str, out: &mut String) -> bool {
    out.clear();
    out.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
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
        if let Some(c) = chars.next() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if c != 'Σ' && l.len_utf8() == c.len_utf8() => out.push(l),
                _ => return false,
            }
        }
        rest = chars.as_str();
    }
    true
}

impl Rule {
    /// Does the rule fire on a sentence outside any label (regex matches and
    /// no veto)?
    pub fn fires_on(&self, sentence: &str) -> bool {
        if self.unless_before.is_empty() {
            return self.matches(sentence) && self.veto(sentence).is_none();
        }
        let start = if self.unless_who.is_empty() {
            self.regex.start_at(sentence, 0)
        } else {
            self.accepted_match(sentence)
                .and_then(|c| c.get(0))
                .map(|m| m.start())
        };
        start.is_some_and(|start| self.veto_before(sentence, start).is_none())
            && self.veto(sentence).is_none()
    }

    /// The first `unless_before` veto matching the sentence's text before
    /// a match that starts at `start`.
    pub fn veto_before(&self, sentence: &str, start: usize) -> Option<&str> {
        let before = sentence.get(..start)?;
        self.unless_before
            .iter()
            .find(|(_, re)| re.is_match(before))
            .map(|(s, _)| s.as_str())
    }

    /// Does the regex match with a `who` that no `unless_who` vetoes?
    pub fn matches(&self, sentence: &str) -> bool {
        if self.unless_who.is_empty() {
            self.regex.is_match(sentence)
        } else {
            self.accepted_match(sentence).is_some()
        }
    }

    /// The first match whose `who` group no `unless_who` pattern vetoes.
    pub fn accepted_match<'t>(&self, sentence: &'t str) -> Option<Captures<'t>> {
        // The matches in order, as `captures_iter` gives them, but searched
        // from the loose pattern's first match (no match starts before it),
        // which spares the slow engines the start of the sentence.
        let at = match &self.loose {
            Some(loose) => loose.first_start(sentence)?,
            None => 0,
        };
        self.accepted_match_from(sentence, at)
    }

    /// [`Rule::accepted_match`], given where the loose pattern's first
    /// match starts (0 without a loose pattern).
    pub(crate) fn accepted_match_from<'t>(
        &self,
        sentence: &'t str,
        mut at: usize,
    ) -> Option<Captures<'t>> {
        let accepted = |c: &Captures<'_>| {
            let who = c.name("who").map_or("", |m| m.as_str());
            !self.unless_who.iter().any(|(_, re)| re.is_match(who))
        };
        loop {
            let c = self.regex.captures_at(sentence, at)?;
            let whole = c.get(0)?;
            if whole.is_empty() {
                // An empty match moves the iteration on by its own rules.
                return self.regex.captures_iter(sentence).find(accepted);
            }
            if accepted(&c) {
                return Some(c);
            }
            at = whole.end();
        }
    }

    /// The first veto pattern matching the sentence.
    pub fn veto(&self, sentence: &str) -> Option<&str> {
        self.unless
            .iter()
            .zip(self.unless_loose.iter().chain(std::iter::repeat(&None)))
            .find(|((_, re), loose)| match loose {
                Some(l) => l
                    .first_start(sentence)
                    .is_some_and(|at| re.is_match_at(sentence, at)),
                None => re.is_match(sentence),
            })
            .map(|((s, _), _)| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rules_load_and_their_examples_hold() {
        // Compiled whole and every example checked, as a rules file is (at
        // run time the built-in rules are compiled rule by rule).
        let set = RuleSet::parse(DEFAULT_RULES).expect("default rules are valid");
        assert!(set.rules.len() > 20);
        for r in &set.rules {
            for loose in r.unless_loose.iter().chain([&r.loose]).flatten() {
                assert!(Regex::new(loose.as_str()).is_ok(), "{}", r.id);
            }
        }
        assert!(set.labels.iter().any(|l| l.kind == LabelKind::Proposal));
    }

    #[test]
    fn lower_casing_keeps_byte_ranges_or_says_it_cannot() {
        let mut out = String::new();
        assert!(lowercase_aligned("Ärendet ÅTERREMITTERAS. Ok", &mut out));
        assert_eq!(out, "ärendet återremitteras. ok");
        // The Kelvin sign lower-cases to a one-byte "k"; a capital sigma
        // depends on its neighbours.
        assert!(!lowercase_aligned("300 \u{212A}", &mut out));
        assert!(!lowercase_aligned("ΟΔΟΣ", &mut out));
    }

    #[test]
    fn the_prefilter_admits_rules_by_their_literals() {
        let text = "[[rule]]\nid = \"a\"\nkind = \"decision\"\nregex = '(?i)\\bbordläggs\\b'\n[[rule]]\nid = \"b\"\nkind = \"decision\"\nregex = '\\S'\n";
        let set = RuleSet::parse(text).unwrap();
        let hit = set.admitted("frågan bordläggs");
        assert!(hit.admits(0) && hit.admits(1));
        let miss = set.admitted("frågan avgörs");
        assert!(!miss.admits(0) && miss.admits(1));
        // Lazily compiled, the same rules decide the same.
        let lazy = RuleSet::parse_with(text, false).unwrap();
        assert!(lazy.rules[0].fires_on("Frågan BORDLÄGGS."));
        assert!(!lazy.rules[0].fires_on("Frågan obordläggs."));
    }

    #[test]
    fn word_lists_are_shared_by_the_patterns_that_name_them() {
        let file = "[words]\nverbs = 'skickar|ringer'\n[[rule]]\nid = \"action.mine\"\nkind = \"action\"\nregex = '(?i)^\\p{Lu}\\p{Ll}+ (?:{@verbs})\\b'\nunless = ['(?i)\\binte (?:{@verbs})\\b']\nexamples = { hit = [\"Anna ringer kommunen.\"], miss = [\"Anna läser.\"] }\n";
        let set = RuleSet::parse(file).expect("a file with a word list loads");
        assert!(set.rules[0].regex.as_str().contains("(?:skickar|ringer)"));
        assert!(set.rules[0].fires_on("Bo skickar fakturan."));
        let missing = file.replace("{@verbs})\\b'\nunless", "{@verb})\\b'\nunless");
        let err = RuleSet::parse(&missing).expect_err("an unknown list is an error");
        assert!(err.to_string().contains("action.mine") && err.to_string().contains("{@verb}"));
        let nested = file.replace("'skickar|ringer'", "'{@verbs}'");
        assert!(RuleSet::parse(&nested).is_err());
        // An extending file may add lists and replace the built-in ones.
        let ext = "extends = \"default\"\n[words]\nmine = 'klubbades'\nmoved_not_decided = 'yrkar'\n[[rule]]\nid = \"decision.mine\"\nkind = \"decision\"\nregex = '(?i){@mine}'\n";
        let set = RuleSet::parse(ext).expect("an extending file adds and replaces lists");
        let tabled = set
            .rules
            .iter()
            .find(|r| r.id == "deferral.tabled")
            .expect("the built-in rule stays");
        assert!(tabled.unless.iter().any(|(u, _)| u == "(?i)(?:yrkar)"));
        let unclosed = file.replace("(?:{@verbs})\\b'\nunless", "(?:{@verbs\\b'\nunless");
        assert!(unclosed != file);
        let err = RuleSet::parse(&unclosed).expect_err("an unclosed list is an error");
        assert!(err.to_string().contains("never closes"), "{err}");
    }

    #[test]
    fn a_file_can_extend_the_default_rules() {
        let n = RuleSet::default_rules().unwrap().rules.len();
        let ext = "extends = \"default\"\n[[rule]]\nid = \"decision.mine\"\nkind = \"decision\"\nregex = '(?i)klubbades'\n[[rule]]\nid = \"decision.approved\"\nkind = \"decision\"\nregex = '(?i)godkänns'\n";
        let set = RuleSet::parse(ext).expect("valid");
        assert_eq!(set.rules.len(), n + 1);
        let approved = set
            .rules
            .iter()
            .find(|r| r.id == "decision.approved")
            .unwrap();
        assert_eq!(approved.regex.as_str(), "(?i)godkänns", "replaced in place");
        assert_eq!(set.rules.last().unwrap().id, "decision.mine");
    }

    #[test]
    fn unless_who_vetoes_one_subject_but_not_a_later_one() {
        let text = "[[rule]]\nid = \"a.who\"\nkind = \"action\"\nregex = '(?:^|att\\s+)(?P<who>\\p{Lu}\\p{Ll}+)\\s+(?:ska\\s+)?(?:skapar|skapa|beslutar)\\b'\nassignees = \"capture\"\nunless_who = ['^Det$']\n";
        let set = RuleSet::parse(text).unwrap();
        let rule = &set.rules[0];
        assert!(!rule.fires_on("Det skapar oro."));
        let later = "Det beslutar att Nicolas ska skapa en lista.";
        assert!(rule.fires_on(later));
        let who = rule.accepted_match(later).and_then(|c| c.name("who"));
        assert_eq!(who.map(|m| m.as_str()), Some("Nicolas"));
        let no_who = "[[rule]]\nid = \"a.nowho\"\nkind = \"action\"\nregex = 'skapar'\nassignees = \"none\"\nunless_who = ['^Det$']\n";
        let e = RuleSet::parse(no_who).unwrap_err().to_string();
        assert!(e.contains("a.nowho") && e.contains("unless_who"), "{e}");
    }

    #[test]
    fn unless_before_vetoes_only_what_stands_before_the_match() {
        let text = "[[rule]]\nid = \"a.before\"\nkind = \"action\"\nregex = '\\bska\\s+bokas\\b'\nassignees = \"none\"\nunless_before = ['(?i)\\b(?:om|där)\\s+(?:\\S+\\s+){0,3}$']\n";
        let set = RuleSet::parse(text).unwrap();
        let rule = &set.rules[0];
        assert!(!rule.fires_on("Om lokalen ska bokas tar vi det senare."));
        assert!(rule.fires_on("Lokalen ska bokas där vi var i fjol."));
        assert!(rule.fires_on("Lokalen ska bokas, om det går."));
    }

    #[test]
    fn errors_name_the_rule_and_the_problem() {
        let bad_regex = "[[rule]]\nid = \"x.broken\"\nkind = \"decision\"\nregex = \"(unclosed\"\n";
        let e = RuleSet::parse(bad_regex).unwrap_err().to_string();
        assert!(e.contains("x.broken") && e.contains("regex"), "{e}");
        let unknown = "[[rule]]\nid = \"x\"\nkind = \"decision\"\nregex = \"a\"\nregexx = \"b\"\n";
        assert!(
            RuleSet::parse(unknown)
                .unwrap_err()
                .to_string()
                .contains("regexx")
        );
        let bad_kind = "[[rule]]\nid = \"x\"\nkind = \"wish\"\nregex = \"a\"\n";
        assert!(RuleSet::parse(bad_kind).is_err());
        let dup = "[[rule]]\nid = \"x\"\nkind = \"decision\"\nregex = \"a\"\n[[rule]]\nid = \"x\"\nkind = \"action\"\nregex = \"b\"\n";
        assert!(matches!(
            RuleSet::parse(dup),
            Err(RuleError::DuplicateId(_))
        ));
        let bad_example = "[[rule]]\nid = \"x.ex\"\nkind = \"decision\"\nregex = \"godkänns\"\nexamples = { hit = [\"avslås\"] }\n";
        let e = RuleSet::parse(bad_example).unwrap_err().to_string();
        assert!(e.contains("x.ex") && e.contains("avslås"), "{e}");
        let bad_extends = "extends = \"mine\"\n";
        assert!(
            RuleSet::parse(bad_extends)
                .unwrap_err()
                .to_string()
                .contains("extends")
        );
        let no_who = "[[rule]]\nid = \"x.who\"\nkind = \"action\"\nregex = \"kontaktar\"\nassignees = \"capture\"\n";
        assert!(
            RuleSet::parse(no_who)
                .unwrap_err()
                .to_string()
                .contains("who")
        );
    }
}
