//! Finds decisions, actions and deferrals in the agenda items that
//! [`minutes_structure`] found, with rules that people can read, change and
//! check.
//!
//! The Swedish lives in a rules file ([`ruleset::DEFAULT_RULES`], replaceable
//! with `--rules`): labels ("Beslut:", "Action:", "Förslag till beslut") and
//! cue rules, each with an id, a kind, a regex, vetoes (`unless`), label
//! conditions (`within`, `not_within`) and examples that are checked at load.
//! This crate implements the operators and the resolvers that rules refer to:
//! people (initials, unique first names, "Ordförande", "Alla"), dates (one
//! Swedish date reader, [`minutes_structure::dates`]) and the coming meetings
//! ("nästa möte").
//!
//! Each item's units are split into sentences; a sentence may be several
//! things at once (a decision and an action) but gets at most one extraction
//! per kind. Every extraction carries its text, the id of the rule that fired
//! and where it stands. [`Trace`] records, per sentence, which rules fired and
//! which were vetoed, for `minutes explain`.
#![deny(missing_docs)]

pub mod people;
mod prefilter;
pub mod ruleset;
pub mod sentences;

use minutes_structure::dates::{Date, DateContext, find_dates};
use minutes_structure::{AgendaItem, Structured, TaskRow, UnitKind};
use people::People;
use ruleset::{AssigneeSource, Kind, LabelKind, RuleSet};
use serde::Serialize;

pub use ruleset::{DEFAULT_RULES, RuleError};

/// Where an extraction stands: the item's unit and the character range of
/// the sentence within it, with the unit's page, block and source line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ExtractionSpan {
    /// 1-based page, when known.
    pub page: Option<u32>,
    /// Index of the top-level block.
    pub block: usize,
    /// Index of the unit within the item's units.
    pub unit: usize,
    /// Source line (text) or paragraph ordinal (DOCX), when known.
    pub line: Option<u32>,
    /// Character offset of the sentence in the unit's text (a unit continued on
    /// the lines after it counts them as its own, joined by a space).
    pub start: usize,
    /// Character offset just past it.
    pub end: usize,
}

/// A decision of the meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The sentence (or labelled block).
    pub text: String,
    /// Id of the rule that found it.
    pub rule: String,
    /// Where it stands.
    pub span: ExtractionSpan,
}

/// A task for after the meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The sentence.
    pub text: String,
    /// Id of the rule that found it.
    pub rule: String,
    /// Where it stands.
    pub span: ExtractionSpan,
    /// Who must do it: full names where the participants allow, "all", or
    /// groups as written; empty for passive tasks.
    pub assignees: Vec<String>,
    /// By when (ISO 8601), when the text says.
    pub due: Option<String>,
}

/// A matter put off to a later meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deferral {
    /// The sentence.
    pub text: String,
    /// Id of the rule that found it.
    pub rule: String,
    /// Where it stands.
    pub span: ExtractionSpan,
    /// The meeting it goes to (ISO 8601), when known.
    pub target_date: Option<String>,
    /// Why, when stated.
    pub reason: Option<String>,
    /// bordläggning, återremiss, utgår, uppskjuten.
    #[serde(rename = "type")]
    pub deferral_type: Option<String>,
}

/// What the rules found in one agenda item.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemFindings {
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Actions.
    pub actions: Vec<Action>,
    /// Deferrals.
    pub deferrals: Vec<Deferral>,
}

/// What the rules found in a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    /// Per item, parallel to `Structured::items`.
    pub items: Vec<ItemFindings>,
    /// Dates of this body's coming meetings named in the text ("åter nästa
    /// möte 16 mars", "bordlagd till mötet den 7 maj").
    pub mentioned_meetings: Vec<Date>,
}

/// Why each sentence was or was not taken.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Trace {
    /// One entry per agenda item.
    pub items: Vec<ItemTrace>,
}

/// The trace of one item.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ItemTrace {
    /// Item number.
    pub number: Option<String>,
    /// Item title.
    pub title: String,
    /// Its sentences.
    pub sentences: Vec<SentenceTrace>,
}

/// The trace of one sentence.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SentenceTrace {
    /// The sentence.
    pub text: String,
    /// Where.
    pub span: Option<ExtractionSpan>,
    /// The label governing it, if any (label id).
    pub label: Option<String>,
    /// Rules that fired (id, kind), the first per kind taken.
    pub fired: Vec<(String, String)>,
    /// Rules whose regex matched but that were vetoed: (id, why).
    pub vetoed: Vec<(String, String)>,
}

/// One sentence to classify, with its context.
struct Sentence<'a> {
    text: &'a str,
    /// Which rules the literal prefilter lets through.
    admitted: ruleset::Admitted,
    span: ExtractionSpan,
    label: Option<(LabelKind, &'a str)>,
    /// The sentence carries the label itself ("Beslut: …", or the first
    /// sentence under a "Beslut" heading).
    labelled: bool,
    /// The item's title.
    title: &'a str,
    /// The first sentence of the item's text.
    first: bool,
    /// The owner and date cells when the sentence is a task table's row.
    task: Option<&'a TaskRow>,
    /// The line of the label that heads the sentence's block ("Inför nästa
    /// möte på tisdag den 17:e:"), which may date its tasks.
    label_line: Option<&'a str>,
    /// The minutes label their tasks somewhere ("Action:", "Åtgärd:", a
    /// to-do heading, a task table): see `Rule::quiet_where_tasks_labelled`.
    tasks_labelled: bool,
}

/// The label a task table's rows stand under (the structure found the
/// table by its header; no rule of the file labels them).
const TASK_TABLE_LABEL: &str = "structure.task-table";

/// A rule that fired on a sentence.
struct Hit {
    kind: Kind,
    /// Index of the rule in the rule set.
    rule: usize,
    /// Index of the sentence in the item.
    sentence: usize,
    /// The part of the sentence it stands for (byte range), when not the
    /// whole: a clause rule's clause, and what precedes that clause for the
    /// sentence's own finding of the same kind.
    part: Option<std::ops::Range<usize>>,
    /// The groups of the match that counted, when the rule was asked for
    /// them while it was tried (see [`Groups`]).
    groups: Option<Groups>,
}

/// The groups a finding reads from its rule's match (byte ranges in the
/// whole sentence): kept from the match that made the rule take the
/// sentence, so that the slow engines (Unicode `\b` on Swedish text) do not
/// search the sentence a second time.
#[derive(Debug, Clone, Default)]
struct Groups {
    who: Option<std::ops::Range<usize>>,
    due: Option<std::ops::Range<usize>>,
    clause: Option<std::ops::Range<usize>>,
}

impl Groups {
    fn of(c: &minutes_gate::exact::Captures<'_>) -> Groups {
        let range = |name| c.name(name).map(|m| m.range());
        Groups {
            who: range("who"),
            due: range("due"),
            clause: range("clause"),
        }
    }
}

/// Does a finding of this rule read its match's groups (an action's `who`
/// or `due`, a clause rule's `clause`)? Asked of a compiled rule only.
fn reads_groups(rule: &ruleset::Rule) -> bool {
    rule.clause
        || rule.kind == Kind::Action
            && (rule.assignees == AssigneeSource::Capture || rule.regex.names_due())
}

impl<'a> Sentence<'a> {
    /// The part `range` (bytes) of this sentence, as a sentence of its own.
    fn narrowed(&self, range: std::ops::Range<usize>) -> Sentence<'a> {
        let start = self.span.start + self.text[..range.start].chars().count();
        let text = &self.text[range];
        Sentence {
            text,
            admitted: ruleset::Admitted::All,
            span: ExtractionSpan {
                start,
                end: start + text.chars().count(),
                ..self.span
            },
            label: self.label,
            labelled: self.labelled,
            title: self.title,
            first: self.first,
            task: self.task,
            label_line: self.label_line,
            tasks_labelled: self.tasks_labelled,
        }
    }
}

/// Apply the rules to a structured document.
pub fn apply(set: &RuleSet, s: &Structured) -> Findings {
    run(set, s, false).0
}

/// Apply the rules and record why each sentence was or was not taken.
pub fn apply_traced(set: &RuleSet, s: &Structured) -> (Findings, Trace) {
    run(set, s, true)
}

/// The engine; `trace` keeps the sentence texts for `explain` (a batch run
/// does not pay for them).
fn run(set: &RuleSet, s: &Structured, trace_on: bool) -> (Findings, Trace) {
    let meeting_date = s.meeting.date.as_deref().and_then(Date::parse_iso);
    let ctx = DateContext {
        reference: meeting_date
            .or(s.meeting.document_date.as_deref().and_then(Date::parse_iso))
            .or(s.reference_date),
        year: s.year_hint,
    };
    let people = People::new(&s.participants, s.meeting.body.as_deref());
    // An agenda (föredragningslista, kallelse) is written before the meeting:
    // its "Beslut:" slots are empty, its proposals are not decisions and the
    // tasks it mentions (sending out papers, registering) are not the
    // meeting's (ANNOTATION.md, Agendas).
    let kinds: &[Kind] = if s.meeting.document_type.as_deref() == Some("agenda") {
        &[]
    } else {
        &[Kind::Decision, Kind::Action, Kind::Deferral]
    };
    let mut trace = Trace::default();
    // Per item: every hit.
    let mut raw: Vec<Vec<Hit>> = Vec::new();
    // Lines that continue a sentence cut by a line break are read as one.
    let joined: Vec<Vec<Line<'_>>> = s.items.iter().map(|i| joined_lines(set, i)).collect();
    let mut sentences_all: Vec<Vec<Sentence<'_>>> = Vec::new();
    let mut item_sents: Vec<Vec<Sentence<'_>>> = s
        .items
        .iter()
        .zip(&joined)
        .map(|(item, lines)| item_sentences(set, item, lines))
        .collect();
    let tasks_labelled = item_sents
        .iter()
        .flatten()
        .any(|s| s.label.is_some_and(|(k, _)| k == LabelKind::Action));
    for sent in item_sents.iter_mut().flatten() {
        sent.tasks_labelled = tasks_labelled;
    }
    for (item, sents) in s.items.iter().zip(item_sents) {
        let mut it = ItemTrace::default();
        if trace_on {
            it.number.clone_from(&item.number);
            it.title.clone_from(&item.title);
        }
        let mut hits = Vec::new();
        for (si, sent) in sents.iter().enumerate() {
            // The trace is built only for `explain`: a batch run does not
            // pay for its strings.
            let mut st = trace_on.then(|| SentenceTrace {
                text: sent.text.to_string(),
                span: Some(sent.span),
                label: sent.label.map(|(_, id)| id.to_string()),
                ..Default::default()
            });
            for &kind in kinds {
                if let Some((rule, groups)) = classify(set, sent, kind, false, &people, st.as_mut())
                {
                    hits.push(Hit {
                        kind,
                        rule,
                        sentence: si,
                        part: None,
                        groups,
                    });
                }
                clauses(
                    set,
                    sent,
                    kind,
                    &people,
                    st.as_mut(),
                    |rule, range, groups| {
                        hits.push(Hit {
                            kind,
                            rule,
                            sentence: si,
                            part: Some(range),
                            groups,
                        })
                    },
                );
            }
            it.sentences.extend(st);
        }
        // Fallbacks: a labelled sentence is taken for its label's kind when
        // nothing else of that kind was found in its unit. The kinds each
        // unit has are kept in a set: rescanning every hit per labelled
        // sentence was quadratic (80,000 labelled lines took 28 s).
        let mut unit_has: std::collections::BTreeSet<(usize, Kind)> = hits
            .iter()
            .filter_map(|h| sents.get(h.sentence).map(|s| (s.span.unit, h.kind)))
            .collect();
        for (si, sent) in sents.iter().enumerate() {
            if !sent.labelled {
                continue;
            }
            for &kind in kinds {
                if unit_has.contains(&(sent.span.unit, kind)) {
                    continue;
                }
                if let Some((rule, groups)) =
                    classify(set, sent, kind, true, &people, it.sentences.get_mut(si))
                {
                    unit_has.insert((sent.span.unit, kind));
                    hits.push(Hit {
                        kind,
                        rule,
                        sentence: si,
                        part: None,
                        groups,
                    });
                }
            }
        }
        // Stable: a sentence's own finding stays before its clauses'.
        hits.sort_by_key(|h| (h.sentence, h.kind));
        split_off_clauses(set, &sents, &mut hits);
        if trace_on {
            trace.items.push(it);
        }
        raw.push(hits);
        sentences_all.push(sents);
    }
    // Coming meetings named in deferrals and "nästa möte … den D" phrases.
    let mut mentioned: Vec<Date> = Vec::new();
    for (hits, sents) in raw.iter().zip(&sentences_all) {
        for h in hits {
            if h.kind == Kind::Deferral {
                mentioned.extend(future_dates(sents[h.sentence].text, &ctx, meeting_date));
            }
        }
    }
    for sents in &sentences_all {
        for sent in sents {
            mentioned.extend(people::next_meeting_date(sent.text, &ctx, meeting_date));
        }
    }
    mentioned.sort();
    mentioned.dedup();
    let mut calendar: Vec<Date> = s.next_meetings.iter().map(|m| m.date).collect();
    calendar.extend(mentioned.iter().copied());
    calendar.sort();
    calendar.dedup();
    let next_meeting = calendar
        .iter()
        .copied()
        .find(|d| meeting_date.is_none_or(|m| *d > m));

    let mut findings = Findings {
        items: Vec::new(),
        mentioned_meetings: mentioned,
    };
    for (item_index, hits) in raw.into_iter().enumerate() {
        let mut f = ItemFindings::default();
        let item_sents = &sentences_all[item_index];
        for hit in hits {
            let whole = &item_sents[hit.sentence];
            // A clause finding stands for its clause: text and span narrow
            // to it; everything else reads the clause as its sentence.
            let narrowed;
            let sent = match &hit.part {
                Some(r) => {
                    narrowed = whole.narrowed(r.clone());
                    &narrowed
                }
                None => whole,
            };
            let rule = &set.rules[hit.rule];
            let text = sent.text.to_string();
            match hit.kind {
                Kind::Decision => f.decisions.push(Decision {
                    text,
                    rule: rule.id.clone(),
                    span: sent.span,
                }),
                Kind::Action => {
                    // The rule's groups (who, due), read once from the match
                    // that counted, when the rule has any to read.
                    let has_due = rule.regex.capture_names().any(|n| n == Some("due"));
                    let caps = (rule.assignees == AssigneeSource::Capture || has_due)
                        .then(|| {
                            hit.groups
                                .clone()
                                .or_else(|| rule.accepted_match(whole.text).map(|c| Groups::of(&c)))
                        })
                        .flatten();
                    let group = |r: &Option<std::ops::Range<usize>>| {
                        r.clone().and_then(|r| whole.text.get(r))
                    };
                    let assignees = match rule.assignees {
                        AssigneeSource::All => vec!["all".to_string()],
                        AssigneeSource::None => people.agent(sent.text),
                        AssigneeSource::Capture => caps
                            .as_ref()
                            .and_then(|c| group(&c.who))
                            .map(|who| people.resolve_list(who))
                            .unwrap_or_default(),
                        AssigneeSource::Subject => people.subject(sent.text),
                    };
                    // An unowned task (an imperative, a passive) in a row
                    // whose "Ansvar" column names someone is theirs.
                    // A labelled to-do whose sentence has no subject
                    // ("Åtgärd: Sammanställa svaren – Eva") is unowned too.
                    // A rule whose owner group is optional and took none
                    // ("[ ] Boka container (Bo)") leaves its task unowned too.
                    let unowned = (rule.assignees != AssigneeSource::Capture
                        || assignees.is_empty())
                        && (assignees.is_empty() || assignees == ["all"])
                        && !people::names_everyone(sent.text);
                    // "Kontakta banken – Per": the owner after the task. An
                    // owner written after the task also beats a subject
                    // guessed from the sentence's first word ("Undersöka
                    // annonskostnader — KL/MB").
                    let owner_after = if unowned {
                        people::trailing_owner(sent.text)
                            .or_else(|| people::leading_owner(sent.text))
                    } else if rule.assignees == AssigneeSource::Subject {
                        people::trailing_owner(sent.text)
                    } else {
                        None
                    };
                    let assignees = match (owner_after, &s.items[item_index].responsible) {
                        (Some(o), _) => people.resolve_list(o),
                        (None, Some(r)) if unowned => people.resolve_list(r),
                        // "Skicka ut info till medlemmarna, Cecilia": someone
                        // of the meeting after a comma that closes the task.
                        (None, None) if unowned => {
                            people.listed_after_comma(sent.text).unwrap_or(assignees)
                        }
                        _ => assignees,
                    };
                    // "Bengt-Åke får i uppdrag att kolla med sitt jobb. Han
                    // lämnar besked vid nästa möte.": "han" or "hon" is the
                    // one person of the meeting the sentence before names.
                    let assignees = if matches!(assignees.as_slice(), [p] if p == "Han" || p == "Hon")
                    {
                        hit.sentence
                            .checked_sub(1)
                            .and_then(|i| item_sents.get(i))
                            .map(|prev| {
                                // Someone outside the attendance list named
                                // in full as the sentence's subject counts
                                // too ("Ann-Sofi Berg informerade …").
                                let m = people.mentioned(prev.text);
                                if m.is_empty() {
                                    people
                                        .subject(prev.text)
                                        .into_iter()
                                        .filter(|s| minutes_structure::is_person_name(s))
                                        .collect()
                                } else {
                                    m
                                }
                            })
                            .filter(|m: &Vec<String>| m.len() == 1)
                            .unwrap_or_default()
                    } else {
                        assignees
                    };
                    let assignees = if assignees.is_empty() && people::everyone_owns(sent.text) {
                        vec!["all".to_string()]
                    } else {
                        assignees
                    };
                    // A task table's row: its responsible column names the
                    // owner and its date column the due date.
                    let assignees = match sent.task.and_then(|t| t.owner.as_deref()) {
                        Some(owner) => people.resolve_list(owner),
                        None => assignees,
                    };
                    let row_due = sent.task.and_then(|t| t.due.as_deref()).and_then(|d| {
                        deadline_cell(d, &ctx, meeting_date, next_meeting, &calendar)
                    });
                    // A rule may say where its date is (a `due` group:
                    // "Donationer görs 27 januari"); else the cues decide.
                    let due = row_due
                        .or_else(|| {
                            let due = caps.as_ref().and_then(|c| group(&c.due))?;
                            due_dates(due, &ctx).find_map(|d| d.date)
                        })
                        .or_else(|| {
                            due_date(sent.text, &ctx, meeting_date, next_meeting, &calendar)
                        })
                        .or_else(|| {
                            // "Inför nästa möte på tisdag den 17:e:" dates
                            // the tasks listed under it; a label naming only
                            // "nästa möte" gives them no date of their own.
                            let line = sent.label_line.filter(|l| {
                                rule.kind == Kind::Action
                                    && l.contains(|c: char| c.is_ascii_digit())
                            })?;
                            due_date(line, &ctx, meeting_date, next_meeting, &calendar)
                        })
                        .or_else(|| {
                            // "… få in blanketten i tid": the deadline named before.
                            people::in_time(sent.text)
                                .then(|| earlier_deadline(item_sents, sent, &ctx))
                                .flatten()
                        })
                        .or_else(|| recipient_deadline(item_sents, sent, &ctx))
                        .or_else(|| {
                            // An agenda row's "Klart" column dates the
                            // tasks of its notes that name no date.
                            let d = s.items[item_index].due.as_deref()?;
                            deadline_cell(d, &ctx, meeting_date, next_meeting, &calendar)
                        });
                    f.actions.push(Action {
                        text,
                        rule: rule.id.clone(),
                        span: sent.span,
                        assignees,
                        due: due.map(|d| d.to_string()),
                    });
                }
                Kind::Deferral => {
                    let target =
                        target_date(sent.text, &ctx, meeting_date, next_meeting, &calendar);
                    let reason = set.reasons.iter().find_map(|r| {
                        r.regex
                            .captures(sent.text)
                            .and_then(|c| c.name("reason"))
                            .map(|m| m.as_str().trim().trim_end_matches(['.', ',']).to_string())
                    });
                    f.deferrals.push(Deferral {
                        text,
                        rule: rule.id.clone(),
                        span: sent.span,
                        target_date: target.map(|d| d.to_string()),
                        reason,
                        deferral_type: rule.deferral_type.clone(),
                    });
                }
            }
        }
        adopt_owner_lines(&mut f.actions, item_sents);
        fold_owner_lines(
            &mut f.actions,
            |who| people.resolve_list(who),
            |when| {
                due_dates(when, &ctx).find_map(|d| d.date).or_else(|| {
                    due_date(
                        &format!("senast {when}"),
                        &ctx,
                        meeting_date,
                        next_meeting,
                        &calendar,
                    )
                })
            },
        );
        fold_due_lines(&mut f.actions, item_sents, |value| {
            due_dates(value, &ctx).find_map(|d| d.date).or_else(|| {
                due_date(
                    &format!("senast {value}"),
                    &ctx,
                    meeting_date,
                    next_meeting,
                    &calendar,
                )
            })
        });
        findings.items.push(f);
    }
    (findings, trace)
}

/// "Ta fram ett förslag till ny logotyp." / "Ansvarig: Anna": a line that
/// only names the owner of the task on the line before is that task's
/// owner, not a task of its own.
fn fold_owner_lines(
    actions: &mut Vec<Action>,
    owners: impl Fn(&str) -> Vec<String>,
    due: impl Fn(&str) -> Option<Date>,
) {
    let mut folded = vec![false; actions.len()];
    for k in 1..actions.len() {
        let (before, after) = actions.split_at_mut(k);
        let (Some(prev), Some(cur)) = (before.last_mut(), after.first()) else {
            continue;
        };
        // The line after, or the sentence after in the same line
        // ("Åtgärd: Se över skyltningen. Ansv: Kenneth Lööf.").
        let next = cur.span.unit == prev.span.unit + 1
            || cur.span.unit == prev.span.unit && cur.span.start >= prev.span.end;
        let Some((who, when)) = owner_line(cur.text.trim()) else {
            continue;
        };
        // On the task's own line, the owner it names is the task's, over
        // one the sentence's subject gave ("Skolverket skickar ut en
        // enkät. Ansvarig: Sara Lindgren"); a line of its own under a task
        // that has an owner may be a task of its own ("Ansvarig: Sanna
        // Lehto (funktionärsschema)").
        let same_line = cur.span.unit == prev.span.unit;
        let unowned = prev.assignees.is_empty() || prev.assignees == ["all"];
        if !folded[k - 1] && next && (unowned || same_line) {
            let named = owners(who);
            if named.is_empty() {
                continue;
            }
            prev.assignees = named;
            if prev.due.is_none() {
                prev.due = when
                    .and_then(&due)
                    .map(|d| d.to_string())
                    .or_else(|| cur.due.clone());
            }
            folded[k] = true;
        }
    }
    let mut k = 0;
    actions.retain(|_| {
        k += 1;
        !folded[k - 1]
    });
}

/// "Ansvarig: Sanna Berg, Klart: 15/4", "Ansv: Kenneth Lööf.": the names
/// an owner line gives, and the date it adds.
fn owner_line(text: &str) -> Option<(&str, Option<&str>)> {
    let c = OWNER_ONLY.captures(text)?;
    let who = c.name("who")?.as_str().trim();
    Some((who, c.name("due").map(|m| m.as_str().trim())))
}

/// "Vi provar att öppna två extra telefonlinjer …" / "Ansvarig: Petra
/// Wiik", "Boka container. Ansvarig: Bo.": an owner line under a sentence
/// (or an owner sentence after one on its line) that no rule took names
/// that sentence's owner; the task is the sentence with its owner line.
fn adopt_owner_lines(actions: &mut [Action], sents: &[Sentence<'_>]) {
    let taken: Vec<(usize, usize)> = actions.iter().map(|a| (a.span.unit, a.span.end)).collect();
    for a in actions.iter_mut() {
        if a.assignees.is_empty() || owner_line(a.text.trim()).is_none() {
            continue;
        }
        let (unit, start) = (a.span.unit, a.span.start);
        // The sentence before it on its line, else the last sentence of
        // the line above, when no action took it.
        let before_on_line = sents
            .iter()
            .rev()
            .find(|s| s.span.unit == unit && s.span.end <= start);
        let (task, min_words) = match before_on_line {
            Some(t) => {
                if taken.iter().any(|&(u, e)| u == unit && e <= start) {
                    continue;
                }
                (t, 2)
            }
            None => {
                let Some(above) = unit.checked_sub(1) else {
                    continue;
                };
                if taken.iter().any(|&(u, _)| u == above) {
                    continue;
                }
                let Some(t) = sents.iter().rev().find(|s| s.span.unit == above) else {
                    continue;
                };
                (t, 4)
            }
        };
        // A sentence that says something (a heading or a label of its own
        // is no task).
        let t = task.text.trim();
        if t.split_whitespace().count() < min_words || t.ends_with(':') || task.label.is_some() {
            continue;
        }
        // The task and its owner line, as the minutes give them; on one
        // line, the span runs from the task to the owner's end.
        a.text = format!("{t} {}", a.text.trim());
        a.span = if task.span.unit == unit {
            ExtractionSpan {
                end: a.span.end,
                ..task.span
            }
        } else {
            task.span
        };
    }
}

/// "Klart till: 2025-02-10", "Deadline: nästa APT": a line that only dates
/// the task on the line (or the owner line) above it gives that task its
/// due date when it has none. `resolve` reads the line's value.
fn fold_due_lines(
    actions: &mut [Action],
    sents: &[Sentence<'_>],
    resolve: impl Fn(&str) -> Option<Date>,
) {
    for s in sents {
        let Some(c) = DUE_ONLY.captures(s.text.trim()) else {
            continue;
        };
        let Some(value) = c.get(1).map(|m| m.as_str().trim()) else {
            continue;
        };
        let unit = s.span.unit;
        let Some(a) = actions.iter_mut().rev().find(|a| {
            a.span.unit < unit && a.span.unit + 2 >= unit
                || a.span.unit == unit && a.span.end <= s.span.start
        }) else {
            continue;
        };
        if a.due.is_none()
            && let Some(d) = resolve(value)
        {
            a.due = Some(d.to_string());
        }
    }
}

/// A line that is only "Klart till: <when>".
static DUE_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:klart|klart\s+till|klart\s+senast|klar\s+senast|färdigt|deadline|senast|due|by\s+when)\s*:\s*([^.;:]{1,60})\.?$")
        .expect("valid regex")
});

/// A line that is only "Ansvarig: <names>", perhaps with its date
/// ("Ansvarig: Sanna Berg, Klart: 15/4").
static OWNER_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:ansvarig|ansvariga|ansvar|ansv\.?|responsible|owner)\s*:\s*(?P<who>[^.;:]{1,80}?)(?:[,.;]\s*(?:klart(?:\s+till|\s+senast)?|deadline|senast|due)\s*:?\s*(?P<due>[^;]{1,40}?))?\s*\.?$")
        .expect("valid regex")
});

/// A sentence whose clause is a finding of its own ("…, som sedan överför
/// dem") keeps its own finding of that kind for the part before the clause,
/// or drops it when its cue lies inside the clause (the clause says it).
fn split_off_clauses(set: &RuleSet, sents: &[Sentence<'_>], hits: &mut Vec<Hit>) {
    let clause_starts: Vec<(usize, Kind, usize)> = hits
        .iter()
        .filter_map(|h| h.part.as_ref().map(|r| (h.sentence, h.kind, r.start)))
        .collect();
    hits.retain_mut(|h| {
        if h.part.is_some() {
            return true;
        }
        let Some(&(_, _, start)) = clause_starts
            .iter()
            .find(|(si, k, _)| *si == h.sentence && *k == h.kind)
        else {
            return true;
        };
        let text = sents[h.sentence].text;
        let cue = set.rules[h.rule].regex.find(text).map_or(0, |m| m.start());
        if cue >= start {
            return false;
        }
        let end = text[..start].trim_end_matches([' ', ',', ';']).len();
        h.part = Some(0..end);
        true
    });
}

/// The first rule of `kind` that takes the sentence, recording vetoes.
fn classify(
    set: &RuleSet,
    sent: &Sentence<'_>,
    kind: Kind,
    fallback: bool,
    people: &People<'_>,
    mut st: Option<&mut SentenceTrace>,
) -> Option<(usize, Option<Groups>)> {
    // The rules of the kind in order (`RuleSet::tried`); one that the
    // literal prefilter keeps out would not take the sentence (`takes`
    // asks the same first, and records nothing before it).
    let (found, groups) = set
        .tried(kind, fallback, false)
        .iter()
        .filter(|&&i| sent.admitted.admits(i))
        .find_map(|&i| {
            let rule = set.rules.get(i)?;
            takes(i, rule, sent, people, st.as_deref_mut()).map(|groups| (i, groups))
        })?;
    if let Some(st) = st {
        st.fired
            .push((set.rules[found].id.clone(), kind.as_str().to_string()));
    }
    Some((found, groups))
}

/// The clause rules of `kind` that take a clause of the sentence: `found`
/// gets each rule's index and the clause's byte range.
fn clauses(
    set: &RuleSet,
    sent: &Sentence<'_>,
    kind: Kind,
    people: &People<'_>,
    mut st: Option<&mut SentenceTrace>,
    mut found: impl FnMut(usize, std::ops::Range<usize>, Option<Groups>),
) {
    for &i in set.tried(kind, false, true) {
        let Some(rule) = set.rules.get(i) else {
            continue;
        };
        if !sent.admitted.admits(i) {
            continue;
        }
        let Some(groups) = takes(i, rule, sent, people, st.as_deref_mut()) else {
            continue;
        };
        let groups = groups.or_else(|| rule.accepted_match(sent.text).map(|c| Groups::of(&c)));
        let range = groups.as_ref().and_then(|g| g.clause.clone());
        if let Some(range) = range.filter(|r| !r.is_empty()) {
            if let Some(st) = st.as_deref_mut() {
                st.fired
                    .push((rule.id.clone(), format!("{} (clause)", kind.as_str())));
            }
            found(i, range, groups);
        }
    }
}

/// Does rule `i` take the sentence? Its label and position conditions, the
/// prefilters, the regex and its vetoes; vetoes are recorded in the trace.
/// `Some` when it does, with the groups of the match that counted when they
/// were read to decide (a rule with `unless_who`) or are read afterwards
/// (see [`reads_groups`]): one search with captures then stands for the
/// match test and the reading.
fn takes(
    i: usize,
    rule: &ruleset::Rule,
    sent: &Sentence<'_>,
    people: &People<'_>,
    st: Option<&mut SentenceTrace>,
) -> Option<Option<Groups>> {
    let label_kind = sent.label.map(|(k, _)| k);
    if rule.carrier && !sent.labelled {
        return None;
    }
    if rule.quiet_where_tasks_labelled && sent.tasks_labelled && label_kind.is_none() {
        return None;
    }
    if rule.first && !sent.first {
        return None;
    }
    if !rule.within.is_empty() && !label_kind.is_some_and(|k| rule.within.contains(&k)) {
        return None;
    }
    // The cheap filters first: the literal prefilter, then the DFA-friendly
    // loose pattern; the exact pattern (Unicode word boundaries, which
    // make the regex engine fall back to backtracking on Swedish text)
    // runs only on sentences that pass both.
    if !sent.admitted.admits(i) {
        return None;
    }
    // No exact match starts before the loose pattern's first match, so the
    // exact regex searches from there: its slow engines then see only the
    // rest of the sentence.
    let from = match &rule.loose {
        Some(loose) => loose.first_start(sent.text)?,
        None => 0,
    };
    if let Some(t) = &rule.title
        && !t.is_match(sent.title)
    {
        return None;
    }
    if label_kind.is_some_and(|k| rule.not_within.contains(&k)) {
        if let Some(st) = st
            && rule.regex.is_match(sent.text)
        {
            st.vetoed.push((
                rule.id.clone(),
                format!(
                    "inside a {:?} block",
                    label_kind.unwrap_or(LabelKind::Other)
                )
                .to_lowercase(),
            ));
        }
        return None;
    }
    // Where the match starts, for the vetoes on the text before it.
    let mut start = from;
    let groups = if !rule.unless_who.is_empty() || rule.who_listed || reads_groups(rule) {
        match rule.accepted_match_from(sent.text, from) {
            Some(c) => {
                start = c.get(0).map_or(from, |m| m.start());
                Some(Groups::of(&c))
            }
            None => {
                // A match whose every `who` was vetoed (only a trace needs
                // to tell it from no match).
                if let Some(st) = st
                    && !rule.unless_who.is_empty()
                    && rule.regex.is_match_at(sent.text, from)
                {
                    st.vetoed
                        .push((rule.id.clone(), "unless_who: no acceptable subject".into()));
                }
                return None;
            }
        }
    } else if rule.unless_before.is_empty() {
        if !rule.regex.is_match_at(sent.text, from) {
            return None;
        }
        None
    } else {
        start = rule.regex.start_at(sent.text, from)?;
        None
    };
    if rule.who_listed
        && let Some(who) = groups.as_ref().and_then(|g| g.who.clone())
        && !people.lists_all(sent.text.get(who).unwrap_or(""))
    {
        if let Some(st) = st {
            st.vetoed.push((
                rule.id.clone(),
                "who_listed: not in the attendance list".into(),
            ));
        }
        return None;
    }
    if let Some(why) = rule.veto_before(sent.text, start) {
        if let Some(st) = st {
            st.vetoed
                .push((rule.id.clone(), format!("unless_before {why}")));
        }
        return None;
    }
    if let Some(why) = rule.veto(sent.text) {
        if let Some(st) = st {
            st.vetoed.push((rule.id.clone(), format!("unless {why}")));
        }
        return None;
    }
    Some(groups)
}

static LIST_ENTRY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•●*])\s").expect("valid regex")
});

/// A unit of an item's text, with the units after it that continue its
/// last sentence ("… Socialnämnden Nordost och" / "Socialnämnden Sydväst får
/// i uppdrag …") joined on: positions are counted in the joined text.
struct Line<'a> {
    /// The joined text (borrowed when nothing was joined).
    text: std::borrow::Cow<'a, str>,
    /// The first unit.
    unit: &'a minutes_structure::Unit,
    /// Its index in the item's units.
    index: usize,
}

/// Words after which a line cannot end a sentence or a heading: the line
/// was broken in the middle of a sentence.
const RUN_ON_WORDS: &[&str] = &[
    "och", "eller", "samt", "i", "av", "för", "till", "med", "om", "på", "att", "som", "den",
    "det", "de", "en", "ett", "vid", "från", "under", "mellan", "inom", "enligt", "efter", "mot",
    "utan", "genom", "hos", "per", "är", "har", "ska", "skall", "kan", "får", "the", "and", "of",
    "to", "for",
];

/// Does a unit's text stop in the middle of a sentence (a comma, or one of
/// [`RUN_ON_WORDS`])?
fn runs_on(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(',') {
        return true;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    t.len() > last.len() && RUN_ON_WORDS.contains(&last)
}

/// Does a line open with a short label of its own and a colon ("AP: Jonas
/// tar fram …", "Ansv: MB")? Such a line starts a field, not the rest of
/// the sentence above, whatever the rules file labels.
fn opens_with_label(text: &str) -> bool {
    let Some((head, rest)) = text.trim_start().split_once(':') else {
        return false;
    };
    let words = head.split_whitespace().count();
    (1..=2).contains(&words)
        && head.chars().count() <= 30
        && head.starts_with(char::is_uppercase)
        && head
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
        && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Without positions, a line at least this long that ends without a full
/// stop was wrapped by the page, not ended by its writer (text exported from
/// PDF wraps near 70–90 characters).
const WRAPPED_LINE_CHARS: usize = 60;

/// The item's units, each with the plain lines that continue its sentence.
fn joined_lines<'a>(set: &RuleSet, item: &'a AgendaItem) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::new();
    // The last unit ran on (a comma, "och"); or it merely did not end a
    // sentence, which a next line in lower case then continues.
    let (mut runs, mut unended, mut wrapped) = (false, false, false);
    // The right edge of the item's text on the page, when the reader knows
    // where lines stand (PDF).
    let right_edge = item
        .units
        .iter()
        .filter_map(|u| u.span.bbox.map(|b| b[2]))
        .fold(None, |m: Option<f32>, x| Some(m.map_or(x, |m| m.max(x))));
    let mut prev_line: Option<(Option<u32>, u32)> = None;
    for (index, unit) in item.units.iter().enumerate() {
        let text = unit.text.as_str();
        let lower = text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        // Wrapped only onto the very next line: a blank line between
        // (markdown paragraphs) ends the sentence.
        let next_line = prev_line
            .is_some_and(|(page, l)| unit.span.page == page && unit.span.line == Some(l + 1));
        let continues = (runs || unended && (lower || wrapped && next_line))
            && unit.kind == UnitKind::Paragraph
            && unit.task.is_none()
            && out.last().is_none_or(|l| l.unit.task.is_none())
            && !unit.bold
            && !LIST_ENTRY.is_match(text)
            && !opens_with_label(text)
            && !set
                .labels
                .iter()
                .any(|l| l.regex.find(text).is_some_and(|m| m.start() == 0));
        let plain = unit.kind != UnitKind::Heading && !unit.bold;
        runs = plain && runs_on(text);
        unended = plain && !text.trim_end().ends_with(['.', '!', '?', ':', ';']);
        // A long line that stops mid-sentence was wrapped: the next line
        // goes on with it even when it begins with a name ("… andre vice
        // ordföranden" / "Margareta Broang (M) och …").
        wrapped = plain
            && match (unit.span.bbox, right_edge) {
                // On a page: the line reaches the right edge of the text.
                (Some(b), Some(edge)) => b[2] >= edge * 0.95,
                _ => text.trim_end().chars().count() >= WRAPPED_LINE_CHARS,
            };
        prev_line = unit.span.line.map(|l| (unit.span.page, l));
        match out.last_mut() {
            Some(last) if continues => {
                let joined = last.text.to_mut();
                joined.push(' ');
                joined.push_str(text.trim_start());
            }
            _ => out.push(Line {
                text: std::borrow::Cow::Borrowed(text),
                unit,
                index,
            }),
        }
    }
    out
}

/// A short line ending in a colon ("Enligt kommunstyrelsens förslag:",
/// "Styrelsen beslutade:"): it introduces the lines below it.
fn is_lead_in(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(':') && t.chars().count() <= 80
}

/// Split an item's units into sentences and work out which label governs
/// each: an inline label ("Beslut: …") governs its unit; a label alone on a
/// line ("Beslut") governs the units after it until the next label or bold
/// sub-heading.
fn item_sentences<'a>(
    set: &'a RuleSet,
    item: &'a AgendaItem,
    lines: &'a [Line<'a>],
) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let mut lower = String::new();
    // A title that heads a to-do list ("Att göra till nästa gång", "Action
    // items") or a list of decisions ("Beslut", "Decisions"): the entries
    // of its lists are tasks or decisions (ANNOTATION, Headings and lists).
    // Its plain paragraphs are not labelled.
    let titled = format!("{}:", item.title.trim().trim_end_matches(':'));
    let mut block_label: Option<(LabelKind, &'a str)> = set
        .labels
        .iter()
        .find(|l| {
            matches!(
                l.kind,
                LabelKind::Action | LabelKind::Decision | LabelKind::Deferral
            ) && l
                .regex
                .find(&titled)
                .is_some_and(|m| m.start() == 0 && titled[m.end()..].trim().is_empty())
        })
        .map(|l| (l.kind, l.id.as_str()));
    // The title's label, which an entry's own label of the same kind
    // ("Decision: we go with MVVM." among the decisions) does not end.
    let title_label = block_label;
    let mut first_pending = false;
    let mut block_line: Option<&'a str> = None;
    for line in lines {
        let (ui, unit) = (line.index, line.unit);
        let text: &'a str = &line.text;
        let found = set.labels.iter().find_map(|l| {
            l.regex
                .find(text)
                .filter(|m| m.start() == 0)
                .map(|m| (l, m.end()))
        });
        let (unit_label, labelled_unit) = match found {
            // A task table's row is a task of its own, whatever its words.
            _ if unit.task.is_some() => (Some((LabelKind::Action, TASK_TABLE_LABEL)), true),
            Some((l, end)) if text[end..].trim().is_empty() => {
                // A label on a line of its own heads the units below it.
                block_label = Some((l.kind, l.id.as_str()));
                block_line = Some(text);
                first_pending = true;
                continue;
            }
            Some((l, _)) => {
                if title_label.is_none_or(|(k, _)| k != l.kind) {
                    block_label = None;
                    block_line = None;
                }
                (Some((l.kind, l.id.as_str())), true)
            }
            None if unit.bold || unit.kind == UnitKind::Heading && block_label.is_none() => {
                // A bold sub-heading ends a labelled block.
                block_label = None;
                block_line = None;
                (None, false)
            }
            None => {
                // Under a label line, each entry of a list is a labelled
                // unit of its own ("Resultat:" 1. … 2. … 3. …).
                let entry = unit.kind == UnitKind::ListItem || LIST_ENTRY.is_match(text);
                if block_label.is_some() && first_pending && !entry && is_lead_in(text) {
                    // "Enligt kommunstyrelsens förslag:" introduces what
                    // the label heads; it is not itself the decision.
                    (block_label, false)
                } else {
                    let labelled = block_label.is_some() && (first_pending || entry);
                    first_pending = false;
                    (block_label, labelled)
                }
            }
        };
        // The unit is lower-cased once for the prefilter of all its
        // sentences.
        let aligned = ruleset::lowercase_aligned(text, &mut lower);
        // Character offsets counted on from the previous sentence: counting
        // from the unit's start each time was quadratic in a long unit.
        let mut counted = (0, 0);
        for (si, r) in sentences::split(text).into_iter().enumerate() {
            // An enumerator ("1.", "a)", "-") is not part of the sentence.
            let r = match LIST_ENTRY.find(&text[r.clone()]) {
                Some(m) if m.end() < r.len() => r.start + m.end()..r.end,
                _ => r,
            };
            let start = match text.get(counted.0..r.start) {
                Some(gap) => counted.1 + gap.chars().count(),
                None => text[..r.start].chars().count(),
            };
            counted = (r.start, start);
            let len = text[r.clone()].chars().count();
            out.push(Sentence {
                admitted: match lower.get(r.clone()).filter(|_| aligned) {
                    Some(l) => set.admitted(l),
                    None => set.admitted(&text[r.clone()].to_lowercase()),
                },
                text: &text[r],
                span: ExtractionSpan {
                    page: unit.span.page,
                    block: unit.block,
                    unit: ui,
                    line: unit.span.line,
                    start,
                    end: start + len,
                },
                label: unit_label,
                labelled: labelled_unit && si == 0,
                title: &item.title,
                first: out.is_empty(),
                task: unit.task.as_ref(),
                label_line: block_label.and(block_line),
                tasks_labelled: false,
            });
        }
    }
    out
}

/// The dates of a text that can be a task's due date: a week ("senast v.
/// 12") names no day, so it is none (ANNOTATION.md: a due date is a date
/// the text gives).
fn due_dates(
    text: &str,
    ctx: &DateContext,
) -> impl Iterator<Item = minutes_structure::dates::FoundDate> + use<> {
    let meeting = ctx.reference;
    find_dates(text, ctx)
        .into_iter()
        .filter(|d| d.precision != minutes_structure::dates::Precision::Week)
        .map(move |mut d| {
            // A date the minutes set: the next such day after the meeting.
            d.date = d.ahead_of(meeting).or(d.date);
            d
        })
}

/// Dates in a sentence after the meeting (a deferral's or a due date).
fn future_dates(text: &str, ctx: &DateContext, meeting: Option<Date>) -> Vec<Date> {
    find_dates(text, ctx)
        .into_iter()
        .filter_map(|d| d.ahead_of(meeting).or(d.date))
        .filter(|d| meeting.is_none_or(|m| *d > m))
        .collect()
}

/// "möte i mars": the coming meeting in that month.
fn meeting_in_month(text: &str, calendar: &[Date], meeting: Option<Date>) -> Option<Date> {
    let month = people::month_reference(text)?;
    calendar
        .iter()
        .copied()
        .find(|d| d.month == month && meeting.is_none_or(|m| *d > m))
}

/// A date column's cell ("2025-03-01", "till nästa möte", "mötet i maj"):
/// the whole cell is the deadline, so any date in it counts, and "nästa
/// möte" or a meeting in a month is the coming meeting the minutes list.
fn deadline_cell(
    cell: &str,
    ctx: &DateContext,
    meeting: Option<Date>,
    next: Option<Date>,
    calendar: &[Date],
) -> Option<Date> {
    due_dates(cell, ctx)
        .find_map(|d| d.date)
        .or_else(|| meeting_in_month(cell, calendar, meeting))
        .or_else(|| {
            people::mentions_next_meeting(cell)
                .then_some(next)
                .flatten()
        })
}

fn due_date(
    text: &str,
    ctx: &DateContext,
    meeting: Option<Date>,
    next: Option<Date>,
    calendar: &[Date],
) -> Option<Date> {
    // A due date is a date the text ties to the task ("senast 5/3", "inför
    // SOR 7 maj", "till nästa möte den 30 november"), not any date in it
    // ("under den gemensamma dagen den 24 mars").
    for d in due_dates(text, ctx) {
        let Some(date) = d.date else { continue };
        if meeting.is_some_and(|m| date <= m) {
            continue;
        }
        let before = &text[..d.range.start];
        let window: String = before
            .chars()
            .rev()
            .take(45)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if people::due_cue(&window) || people::task_day_cue(before) {
            return Some(date);
        }
    }
    // "senast 15.3": a day and month with a dot, which alone could be a
    // number, read as a date only after a deadline's word.
    if let Some(c) = DOTTED_DEADLINE.captures(text)
        && let (Some(day), Some(month)) = (c.get(1), c.get(2))
        && let (Ok(day), Ok(month)) = (day.as_str().parse(), month.as_str().parse())
        && let Some(date) = minutes_structure::dates::resolve_day_month(day, month, ctx)
        && meeting.is_none_or(|m| date > m)
    {
        return Some(date);
    }
    if let Some(d) = meeting_in_month(text, calendar, meeting) {
        return Some(d);
    }
    if people::mentions_next_meeting(text) {
        return next;
    }
    None
}

/// "senast 15.3", "innan 1.4.": a deadline's word, then a day and
/// month with a dot and no year.
static DOTTED_DEADLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:senast|innan|före|deadline)\s+(?:den\s+)?([1-9]|[12]\d|3[01])\.([1-9]|1[0-2])\.?(?:\s|$|[,;:)])")
        .expect("valid regex")
});

/// The last deadline ("deadline 28 april", "senast 5/3") stated in the
/// item before `sent`.
fn earlier_deadline(
    sents: &[Sentence<'_>],
    sent: &Sentence<'_>,
    ctx: &DateContext,
) -> Option<Date> {
    sents
        .iter()
        .take_while(|s| (s.span.unit, s.span.start) < (sent.span.unit, sent.span.start))
        .filter_map(|s| deadlines(s.text, ctx).last())
        .last()
}

/// The dates a sentence states as deadlines ("senast 5/3", "deadline 28
/// april"), in order.
fn deadlines<'t>(text: &'t str, ctx: &DateContext) -> impl Iterator<Item = Date> + 't {
    due_dates(text, ctx).filter_map(move |d| {
        people::deadline_cue(&text[..d.range.start])
            .then_some(d.date)
            .flatten()
    })
}

/// "… som därefter återkopplar till Roland": a task that hands something to
/// a person whose deadline the item states elsewhere ("senast 5/3 till
/// Roland") shares that deadline.
fn recipient_deadline(
    sents: &[Sentence<'_>],
    sent: &Sentence<'_>,
    ctx: &DateContext,
) -> Option<Date> {
    let name = people::recipient(sent.text)?;
    sents
        .iter()
        .filter(|s| s.span != sent.span && people::recipient(s.text) == Some(name))
        .find_map(|s| deadlines(s.text, ctx).next())
}

/// A deferral's meeting: any coming date in the sentence, a meeting in a
/// named month, or the next meeting.
fn target_date(
    text: &str,
    ctx: &DateContext,
    meeting: Option<Date>,
    next: Option<Date>,
    calendar: &[Date],
) -> Option<Date> {
    if let Some(d) = future_dates(text, ctx, meeting).into_iter().next() {
        return Some(d);
    }
    if let Some(d) = meeting_in_month(text, calendar, meeting) {
        return Some(d);
    }
    if people::defers_to_next_meeting(text) {
        return next;
    }
    None
}

#[cfg(test)]
mod tests;
