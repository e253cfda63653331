//! One Swedish date and time reader for the whole tool: meeting headers,
//! lists of coming meetings, due dates and deferral targets all use it.
//!
//! It reads "2026-02-16", "2026-05 18" (a typo seen in real lists),
//! "9.5.2023", "5/3", "16 mars", "den 30 november", "Fredag 12 september",
//! "tisdagen den 8 april 2025", "28e februari" and "v. 12" / "vecka 12".
//! Dates without a year are placed in the year that puts them closest to a
//! reference date (the meeting's), preferring one whose weekday agrees when a
//! weekday is written and it is not much farther away.

use minutes_gate::Gated;
use regex::Regex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// Day of month 1-31.
    pub day: u32,
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1900..=2200).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year a two-digit year stands for: "09" 2009, "95" 1995. Minutes
    /// written with a two-digit year come from archives, not from the future,
    /// so the turn of century is put at 70 (as POSIX `%y` does) rather than
    /// always adding 2000 ("950912" was read as 2095).
    pub fn full_year(yy: i32) -> i32 {
        if yy < 70 { 2000 + yy } else { 1900 + yy }
    }

    /// Parse "YYYY-MM-DD".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The Monday of ISO week `week` of `year`.
    pub fn iso_week_monday(year: i32, week: u32) -> Option<Date> {
        if !(1..=53).contains(&week) {
            return None;
        }
        let jan4 = Date::new(year, 1, 4)?;
        let monday1 = jan4.days() - jan4.weekday() as i64;
        Some(Date::from_days(monday1 + (week as i64 - 1) * 7))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// How much of a date the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Year, month and day written.
    Full,
    /// Day and month written; the year was inferred.
    DayMonth,
    /// Only a week number; the date is that week's Monday.
    Week,
}

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// Byte range of the date expression in the text.
    pub range: Range<usize>,
    /// The date, when it could be resolved (a day and month without any
    /// reference year cannot).
    pub date: Option<Date>,
    /// What the text gave.
    pub precision: Precision,
}

impl FoundDate {
    /// The date as one the minutes set, not report: a day and month
    /// without a year that falls before `reference` (the meeting) is that
    /// day in the year after ("senast 1 februari" in a May meeting). The
    /// nearest year, which the reader guesses, is right for a date the
    /// minutes report and wrong for a deadline or a coming meeting more
    /// than six months on. `None` when no date was resolved (or the day
    /// is 29 February and the next year has none).
    pub fn ahead_of(&self, reference: Option<Date>) -> Option<Date> {
        let date = self.date?;
        match reference {
            Some(r) if self.precision == Precision::DayMonth && date < r => {
                Date::new(date.year + 1, date.month, date.day)
            }
            _ => Some(date),
        }
    }
}

/// What dates are resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The meeting date, or another date the document is anchored to.
    pub reference: Option<Date>,
    /// A year to use when there is no reference date.
    pub year: Option<i32>,
}

const MONTHS: [(&str, u32); 32] = [
    ("januari", 1),
    ("februari", 2),
    ("mars", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("augusti", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
    // English minutes of Swedish groups ("28th of May 2020").
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("october", 10),
    ("oct", 10),
];

/// The number of a Swedish (or English) month name or its abbreviation ("mars", "okt.", "May").
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    if n == "dec" {
        return Some(12);
    }
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

/// The days of the week, lower case.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
];

static ISO: LazyLock<Gated> = LazyLock::new(|| {
    // "2024-03-05", "2024-3-5", "2024.03.05", "2024/03/05".
    Gated::new(r"\b((?:19|20)\d\d)(?:-(\d{1,2})(?:-| )|\.(\d{1,2})\.|/(\d{1,2})/)(\d{1,2})\b")
        .expect("valid regex")
});
static DOTTED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b").expect("valid regex")
});
static DASHED: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b").expect("valid regex"));
static ENGLISH: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?")
        .expect("valid regex")
});
static SLASH: LazyLock<Gated> = LazyLock::new(|| {
    // "5/3", "5/3/24", "5/3-2024", "5/3 2024", "5/3, 2024", "19/7 -20" (the
    // year's two digits after a dash set off by a space).
    Gated::new(r"\b(\d{1,2})/(\d{1,2})(?:(?:[/-]|\s-)((?:19|20)?\d\d)|,?\s((?:19|20)\d\d))?\b")
        .expect("valid regex")
});
static NAMED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\b(?:(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s+)?(?:den\s+)?(\d{1,2})(?::?e|:a|st|nd|rd|th)?\s+(?:of\s+)?(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|october|jan|febr|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)\b\.?(?:,?\s+((?:19|20)\d\d)\b)?",
    )
    .expect("valid regex")
});
/// The date a file's name carries ("protokoll-2013-09-17.txt",
/// "Styrelsemöte 20130917.docx"): a full date in the last path component.
pub fn date_in_file_name(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let c = NAME_DATE.captures(name)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = match (n(1), n(4)) {
        (Some(y), _) => (y, n(2)?, n(3)?),
        (None, Some(y)) => (y, n(5)?, n(6)?),
        _ => return None,
    };
    Date::new(i32::try_from(y).ok()?, m, d)
}

static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(?:((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)|((?:19|20)\d\d)(\d\d)(\d\d))(?:[^\d]|$)")
        .expect("valid regex")
});

/// "-10", " -24" right after a day and month: the year's last two digits.
static SHORT_YEAR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?-\s?(\d\d)\b").expect("valid regex"));
static WEEK: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:v\.|v|vecka)\s?(\d{1,2})\b(?:\s+((?:19|20)\d\d)\b)?")
        .expect("valid regex")
});

static DAY_ONLY: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\bden\s+(\d{1,2})(?::?e|:a)(?:\s|[.,;:)]|$)").expect("valid regex")
});

/// "på tisdag den 17:e" with no month: the first day of that number on or
/// after the reference date (this month's, or next month's when it has
/// passed). Only a reference date anchors it; without one, None.
pub fn find_day_only(text: &str, ctx: &DateContext) -> Option<(Range<usize>, Date)> {
    let r = ctx.reference?;
    let c = DAY_ONLY.captures(text)?;
    let day: u32 = c.get(1)?.as_str().parse().ok()?;
    let range = c.get(0)?.range();
    let date = if day >= r.day {
        Date::new(r.year, r.month, day)
    } else if r.month == 12 {
        Date::new(r.year + 1, 1, day)
    } else {
        Date::new(r.year, r.month + 1, day)
    }?;
    Some((range, date))
}

/// A day and month written without a year ("15.3" after "senast"), placed
/// in the year closest to the context's reference.
pub fn resolve_day_month(day: u32, month: u32, ctx: &DateContext) -> Option<Date> {
    resolve(month, day, None, ctx)
}

/// Place a day and month in the year closest to the context's reference,
/// preferring a year in which the written weekday is right.
fn resolve(month: u32, day: u32, weekday: Option<u32>, ctx: &DateContext) -> Option<Date> {
    if let Some(r) = ctx.reference {
        let mut cands: Vec<Date> = (r.year - 1..=r.year + 1)
            .filter_map(|y| Date::new(y, month, day))
            .collect();
        if let Some(wd) = weekday {
            // The weekday is worth about half a year of distance: it picks
            // "Onsdag 12 november" seven months on over a Tuesday five
            // months back, but "Torsdag 30 januari" written a week before
            // is that 30 January even when the writer got the weekday wrong.
            let nearest = cands
                .iter()
                .map(|d| (d.days() - r.days()).abs())
                .min()
                .unwrap_or(0);
            let matching: Vec<Date> = cands
                .iter()
                .copied()
                .filter(|d| d.weekday() == wd && (d.days() - r.days()).abs() <= nearest + 200)
                .collect();
            if !matching.is_empty() {
                cands = matching;
            }
        }
        return cands
            .into_iter()
            .min_by_key(|d| (d.days() - r.days()).abs());
    }
    ctx.year.and_then(|y| Date::new(y, month, day))
}

/// A line that is only a date ("2013-01-08", "onsdag 8 mars.") and nothing
/// else but a closing mark.
pub fn date_only(text: &str) -> bool {
    let t = text.trim();
    find_dates(t, &DateContext::default())
        .first()
        .is_some_and(|d| d.range.start == 0 && d.range.end + 1 >= t.len())
}

/// Every date in `text`, in order of position, not overlapping.
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<FoundDate> {
    let mut found: Vec<FoundDate> = Vec::new();
    // Every form this reader knows has a digit: most text has none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return found;
    }
    let overlaps = |found: &[FoundDate], r: &Range<usize>| {
        found
            .iter()
            .any(|f| f.range.start < r.end && r.start < f.range.end)
    };
    for c in ISO.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or_default();
        let date = Date::new(
            num(c.get(1)) as i32,
            num(c.get(2).or(c.get(3)).or(c.get(4))),
            num(c.get(5)),
        );
        if date.is_some() {
            found.push(FoundDate {
                range: m,
                date,
                precision: Precision::Full,
            });
        }
    }
    // "9.5.2023" and "28-09-2020": day, month, year.
    for re in [&*DOTTED, &*DASHED] {
        for c in re.captures_iter(text) {
            let m = c.get(0).map(|m| m.range()).unwrap_or_default();
            if overlaps(&found, &m) {
                continue;
            }
            let date = Date::new(num(c.get(3)) as i32, num(c.get(2)), num(c.get(1)));
            if date.is_some() {
                found.push(FoundDate {
                    range: m,
                    date,
                    precision: Precision::Full,
                });
            }
        }
    }
    // "January 28" in English minutes.
    for c in ENGLISH.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or_default();
        if overlaps(&found, &m) {
            continue;
        }
        const EN: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        let name = c
            .get(1)
            .map(|x| x.as_str().to_lowercase())
            .unwrap_or_default();
        let Some(month) = EN.iter().position(|x| *x == name).map(|i| i as u32 + 1) else {
            continue;
        };
        let day = num(c.get(2));
        let (date, precision) = match c.get(3) {
            Some(y) => (
                Date::new(y.as_str().parse().unwrap_or(0), month, day),
                Precision::Full,
            ),
            None => (resolve(month, day, None, ctx), Precision::DayMonth),
        };
        // Without a year or a reference the day is still a date (as for
        // "5 juni" below): the caller may place it later.
        if date.is_some() || (1..=31).contains(&day) {
            found.push(FoundDate {
                range: m,
                date,
                precision,
            });
        }
    }
    for c in NAMED.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or_default();
        if overlaps(&found, &m) {
            continue;
        }
        let Some(month) = c.get(3).and_then(|x| month_number(x.as_str())) else {
            continue;
        };
        let day = num(c.get(2));
        let weekday = c.get(1).and_then(|w| {
            let w = w.as_str().to_lowercase();
            WEEKDAYS
                .iter()
                .position(|d| w.starts_with(d))
                .map(|p| p as u32)
        });
        // "7 dec-10", "13 maj -24": the year's two digits after a dash, unless
        // a month follows them ("1 maj-15 juni" is a span of days).
        let short_year = c
            .get(4)
            .is_none()
            .then(|| SHORT_YEAR_AFTER.captures(&text[m.end..]))
            .flatten()
            .and_then(|y| {
                let end = y.get(0)?.end();
                let after = text[m.end + end..].trim_start();
                let next = after
                    .split(|ch: char| !ch.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let yy = y.get(1)?.as_str().parse::<i32>().ok()?;
                month_number(&next.to_lowercase())
                    .is_none()
                    .then_some((yy, end))
            });
        let (m, date, precision) = match (c.get(4), short_year) {
            (Some(y), _) => (
                m,
                Date::new(y.as_str().parse().unwrap_or(0), month, day),
                Precision::Full,
            ),
            (None, Some((yy, len))) => (
                m.start..m.end + len,
                Date::new(Date::full_year(yy), month, day),
                Precision::Full,
            ),
            (None, None) => (m, resolve(month, day, weekday, ctx), Precision::DayMonth),
        };
        if date.is_some() || (1..=31).contains(&day) {
            found.push(FoundDate {
                range: m,
                date,
                precision,
            });
        }
    }
    for c in SLASH.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or_default();
        if overlaps(&found, &m) {
            continue;
        }
        // "1/2 dag", "50/50" and fractions are not dates: both parts must be
        // a plausible day and month.
        let (day, month) = (num(c.get(1)), num(c.get(2)));
        if day == 0 || day > 31 || month == 0 || month > 12 {
            continue;
        }
        let (date, precision) = match c.get(3).or(c.get(4)) {
            Some(y) => {
                let mut y: i32 = y.as_str().parse().unwrap_or(0);
                if y < 100 {
                    y = Date::full_year(y);
                }
                (Date::new(y, month, day), Precision::Full)
            }
            None => (resolve(month, day, None, ctx), Precision::DayMonth),
        };
        found.push(FoundDate {
            range: m,
            date,
            precision,
        });
    }
    for c in WEEK.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or_default();
        if overlaps(&found, &m) {
            continue;
        }
        let week = num(c.get(1));
        let year = c
            .get(2)
            .and_then(|y| y.as_str().parse().ok())
            .or(ctx.reference.map(|r| r.year))
            .or(ctx.year);
        let date = year.and_then(|y| Date::iso_week_monday(y, week));
        found.push(FoundDate {
            range: m,
            date,
            precision: Precision::Week,
        });
    }
    found.sort_by_key(|f| f.range.start);
    found
}

fn num<'h>(m: Option<impl MatchText<'h>>) -> u32 {
    m.and_then(|m| m.text().parse().ok()).unwrap_or(0)
}

/// The text of a match, of a `regex::Regex` or of a [`Gated`] one.
trait MatchText<'h> {
    fn text(&self) -> &'h str;
}

impl<'h> MatchText<'h> for regex::Match<'h> {
    fn text(&self) -> &'h str {
        self.as_str()
    }
}

impl<'h> MatchText<'h> for minutes_gate::Match<'h> {
    fn text(&self) -> &'h str {
        self.as_str()
    }
}

/// A time of day "HH:MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    /// Hour 0-23.
    pub hour: u32,
    /// Minute 0-59.
    pub minute: u32,
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

static TIME_RANGE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"\b(?:kl\.?\s*|klockan\s+)?(\d{1,2})[:.](\d{2})\s*(?:-|–|—|till)\s*(\d{1,2})(?:[:.](\d{2}))?\b",
    )
    .expect("valid regex")
});

/// "klockan 10.30 12.00": two times after "kl" whose dash a text export
/// lost; a range when the second is the later.
static DASHLESS_TIME_RANGE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"\b(?i:kl\.?\s*|klockan\s+)(\d{1,2})[:.](\d{2})\s+(\d{1,2})[:.](\d{2})\b")
        .expect("valid regex")
});

/// Hours after "kl", with minutes on either side or none: "kl 18-20",
/// "klockan 9–12", "klockan 19–20.30".
static HOUR_RANGE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:kl\.?|klockan)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|—|till)\s*(\d{1,2})(?:[:.](\d{2}))?(?:\b|$)")
        .expect("valid regex")
});

/// An English range on the twelve-hour clock: "1:00 pm – 2:30 pm", "9 am
/// to 11.30 am".
static TWELVE_HOUR_RANGE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?\s*(?:-|–|—|to)\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?")
        .expect("valid regex")
});

/// The first time range ("13:30-15:00", "09:00 – 15:30", "16.15–17.22",
/// "18:30-20", "kl 18-20", "1:00 pm – 2:30 pm") in `text`: byte range,
/// start and end.
pub fn find_time_range(text: &str) -> Option<(Range<usize>, Time, Time)> {
    let t = |h: Option<minutes_gate::Match<'_>>, m: Option<minutes_gate::Match<'_>>| {
        let (h, m) = (num(h), num(m));
        (h < 24 && m < 60).then_some(Time { hour: h, minute: m })
    };
    for (dashless, c) in TIME_RANGE
        .captures_iter(text)
        .chain(HOUR_RANGE.captures_iter(text))
        .map(|c| (false, c))
        .chain(DASHLESS_TIME_RANGE.captures_iter(text).map(|c| (true, c)))
    {
        let r = c.get(0).map(|m| m.range()).unwrap_or_default();
        // "18:30-20": an end hour without minutes comes after the start,
        // and is no hour of a longer time ("09.00-12.30" read short).
        let whole_hour = c.get(4).is_none();
        let cut_short = whole_hour
            && text.get(r.end..).is_some_and(|rest| {
                let mut cs = rest.chars();
                matches!(cs.next(), Some(':' | '.'))
                    && cs.next().is_some_and(|c| c.is_ascii_digit())
            });
        if let (Some(a), Some(b)) = (t(c.get(1), c.get(2)), t(c.get(3), c.get(4)))
            && (!whole_hour || b.hour > a.hour)
            && (!dashless || (b.hour, b.minute) > (a.hour, a.minute))
            && !cut_short
        {
            return Some((r, a, b));
        }
    }
    let twelve = |h: Option<minutes_gate::Match<'_>>, m, pm: Option<minutes_gate::Match<'_>>| {
        let hour = num(h);
        let pm = pm.is_some_and(|x| x.as_str().eq_ignore_ascii_case("p"));
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        t(None, m).map(|x| Time {
            hour,
            minute: x.minute,
        })
    };
    let c = TWELVE_HOUR_RANGE.captures(text)?;
    let a = twelve(c.get(1), c.get(2), c.get(3))?;
    let b = twelve(c.get(4), c.get(5), c.get(6))?;
    Some((c.get(0).map(|m| m.range()).unwrap_or_default(), a, b))
}

static YEAR_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)").expect("valid regex"));

/// Words that name a year as a time to come: "under 2024", "i september 2024".
const FUTURE_YEAR_WORDS: &[&str] = &[
    "under",
    "inför",
    "till",
    "från",
    "år",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The year of minutes that carry no date, from the years their text names.
///
/// Minutes mostly speak of their own year and the next. The most often named
/// year is taken; when it is named as a time to come ("under 2024",
/// "inför 2024", "i september 2024"), the minutes are taken to be from the
/// year before. A guess, used only when the document has no date at all, so
/// that "den 30 november" can still be placed; dates resolved this way are
/// as uncertain as the guess.
pub fn infer_year(text: &str) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, (usize, usize)> = Default::default();
    for m in YEAR_NUMBER.find_iter(text) {
        let Ok(y) = m.as_str().parse::<i32>() else {
            continue;
        };
        // Years inside a full date are dates, not mentions of a year.
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if matches!(before, Some('-' | '/' | '.')) || matches!(after, Some('-' | '/')) {
            continue;
        }
        let e = counts.entry(y).or_default();
        e.0 += 1;
        let prev_word = text[..m.start()]
            .split_whitespace()
            .next_back()
            .map(str::to_lowercase)
            .unwrap_or_default();
        if FUTURE_YEAR_WORDS.contains(&prev_word.as_str()) {
            e.1 += 1;
        }
    }
    let (year, (_, future)) = counts.into_iter().max_by_key(|(y, (n, _))| (*n, *y))?;
    Some(if future > 0 { year - 1 } else { year })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_without_month_follows_the_meeting_date() {
        let ctx = DateContext {
            reference: Date::new(2019, 9, 16),
            year: None,
        };
        let day = |t: &str| find_day_only(t, &ctx).map(|(_, d)| d.to_string());
        assert_eq!(
            day("Nästa möte på tisdag den 17:e (10.00)").as_deref(),
            Some("2019-09-17")
        );
        assert_eq!(
            day("Inför handledarmötet den 3:e").as_deref(),
            Some("2019-10-03")
        );
        assert_eq!(day("den 17 personer"), None);
        assert_eq!(find_day_only("den 17:e", &DateContext::default()), None);
    }

    fn ctx(r: &str) -> DateContext {
        DateContext {
            reference: Date::parse_iso(r),
            year: None,
        }
    }

    fn dates(text: &str, r: &str) -> Vec<String> {
        find_dates(text, &ctx(r))
            .into_iter()
            .map(|f| f.date.map(|d| d.to_string()).unwrap_or_else(|| "?".into()))
            .collect()
    }

    #[test]
    fn a_two_digit_year_from_the_last_century_stays_there() {
        assert_eq!(dates("Möte 12/9 -95", ""), ["1995-09-12"]);
        assert_eq!(dates("Möte 12/9 -09", ""), ["2009-09-12"]);
        // The year after a comma: one date, its range through the year.
        let found = find_dates("Den 9/6, 2020 kl. 18.00", &ctx(""));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].date.map(|d| d.to_string()).as_deref(),
            Some("2020-06-09")
        );
        assert_eq!(
            &"Den 9/6, 2020 kl. 18.00"[found[0].range.clone()],
            "9/6, 2020"
        );
        assert_eq!(Date::full_year(69), 2069);
        assert_eq!(Date::full_year(70), 1970);
    }

    #[test]
    fn a_two_digit_year_after_a_spaced_dash() {
        assert_eq!(dates("Styrelsemöte 19/7 -20", ""), ["2020-07-19"]);
        assert_eq!(dates("Elevråd 25/4 -19", ""), ["2019-04-25"]);
        assert_eq!(dates("Möte 5/3-2024", ""), ["2024-03-05"]);
    }

    #[test]
    fn time_ranges_with_minutes_or_whole_hours_after_kl() {
        let r = |t: &str| find_time_range(t).map(|(_, a, b)| format!("{a}-{b}"));
        assert_eq!(r("Tid: 18.00-20.00").as_deref(), Some("18:00-20:00"));
        assert_eq!(r("kl 18-20").as_deref(), Some("18:00-20:00"));
        assert_eq!(
            r("klockan 9–12, Folkets hus").as_deref(),
            Some("09:00-12:00")
        );
        assert_eq!(
            r("klockan 19–20.30 i skolans matsal").as_deref(),
            Some("19:00-20:30")
        );
        assert_eq!(r("kl. 9.30-12").as_deref(), Some("09:30-12:00"));
        assert_eq!(r("paragraf 18-20"), None);
        // The dash a text export lost, after "kl": the later time ends.
        assert_eq!(
            r("Måndagen den 11 september 2017, klockan 10.30 12.00 Bolstadsrummet").as_deref(),
            Some("10:30-12:00")
        );
        assert_eq!(r("Kl 10.30 12.00").as_deref(), Some("10:30-12:00"));
        assert_eq!(r("kl 19.00 18.30 Per"), None);
        assert_eq!(r("klockan 10.30 den 12.00"), None);
    }

    #[test]
    fn english_day_month_dates() {
        assert_eq!(
            dates("Annual meeting 28 May 2020", "2020-01-01"),
            ["2020-05-28"]
        );
        assert_eq!(
            dates("Board meeting, 28th of May, 2020", "2020-01-01"),
            ["2020-05-28"]
        );
        assert_eq!(dates("on 3rd October 2019", "2019-01-01"), ["2019-10-03"]);
        assert_eq!(dates("Next meeting June 5th", "2020-05-28"), ["2020-06-05"]);
        // A Swedish month still wins its own name.
        assert_eq!(dates("den 3 mars 2024", "2024-01-01"), ["2024-03-03"]);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for s in ["1970-01-01", "2024-02-29", "2026-03-16", "1999-12-31"] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(Date::from_days(d.days()), d);
        }
        assert_eq!(Date::parse_iso("2025-09-12").unwrap().weekday(), 4); // Friday
    }

    #[test]
    fn a_wrong_weekday_does_not_move_a_date_a_year_away() {
        // 30 January 2013 was a Wednesday; the minutes say Thursday.
        assert_eq!(
            dates("Torsdag 30 januari 20:00 - 21:00.", "2013-01-21"),
            ["2013-01-30"]
        );
        // Half a year either way: the weekday decides.
        assert_eq!(dates("torsdag 15 januari", "2025-07-15"), ["2026-01-15"]);
        assert_eq!(dates("Onsdag 12 november", "2025-04-09"), ["2025-11-12"]);
        assert_eq!(
            dates("Donationer görs 27nd Januari", "2022-01-20"),
            ["2022-01-27"]
        );
    }

    #[test]
    fn the_date_in_a_files_name() {
        let d = |p: &str| date_in_file_name(p).map(|d| d.to_string());
        assert_eq!(
            d("arkiv/403_byalag-2013-09-17.txt").as_deref(),
            Some("2013-09-17")
        );
        assert_eq!(
            d("Styrelsemöte 20130917.docx").as_deref(),
            Some("2013-09-17")
        );
        assert_eq!(d("2013/protokoll.txt"), None);
        assert_eq!(d("protokoll-12345678901.txt"), None);
    }

    #[test]
    fn swedish_forms() {
        assert_eq!(dates("Datum: 5/3 2024", "2026-01-01"), ["2024-03-05"]);
        assert_eq!(dates("Datum: 2024.03.05", "2026-01-01"), ["2024-03-05"]);
        assert_eq!(
            dates("Mötesdatum: 2024/03/05", "2026-01-01"),
            ["2024-03-05"]
        );
        assert_eq!(dates("Protokoll 7 dec-10", "2026-01-01"), ["2010-12-07"]);
        assert_eq!(dates("Möte 13 maj -24", "2026-01-01"), ["2024-05-13"]);
        assert_eq!(
            dates("öppet 1 maj-15 juni", "2026-02-01"),
            ["2026-05-01", "2026-06-15"]
        );
        assert_eq!(dates("Datum: 2024-3-5", "2026-01-01"), ["2024-03-05"]);
        assert_eq!(
            dates("Version 2.1 av 50/50-modellen", "2026-01-01"),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("åter nästa möte 16 mars.", "2026-02-16"),
            ["2026-03-16"]
        );
        assert_eq!(
            dates("till nästa möte den 30 november", "2023-10-20"),
            ["2023-11-30"]
        );
        assert_eq!(
            dates("senast 5/3 till Roland", "2026-02-24"),
            ["2026-03-05"]
        );
        assert_eq!(
            dates("Datum 9.5.2023 kl. 16:15", "2026-01-01"),
            ["2023-05-09"]
        );
        assert_eq!(
            dates("Fredag 12 september, Stationshuset", "2025-04-09"),
            ["2025-09-12"]
        );
        assert_eq!(
            dates("tisdagen den 8 april 2025", "2026-01-01"),
            ["2025-04-08"]
        );
        assert_eq!(dates("2026-05 18", "2026-02-16"), ["2026-05-18"]);
        assert_eq!(dates("deadline 28e februari", "2026-02-16"), ["2026-02-28"]);
        assert_eq!(dates("mötet 7/5.", "2025-04-09"), ["2025-05-07"]);
        assert_eq!(dates("v. 12", "2026-02-16"), ["2026-03-16"]);
        assert_eq!(dates("15 januari", "2025-12-10"), ["2026-01-15"]);
        assert_eq!(
            dates("Nästa möte är 28-09-2020.", "2020-09-24"),
            ["2020-09-28"]
        );
        assert_eq!(
            dates("Next meeting on Wednesday January 28.", "2015-01-21"),
            ["2015-01-28"]
        );
    }

    #[test]
    fn non_dates_are_not_dates() {
        assert!(dates("50/50 och 20–30 % tjänst", "2026-01-01").is_empty());
        assert!(dates("Mars och april", "2026-01-01").is_empty());
    }

    #[test]
    fn without_reference_a_day_month_date_is_unresolved() {
        let f = find_dates("den 30 november", &DateContext::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].date, None);
    }

    #[test]
    fn year_of_undated_minutes() {
        assert_eq!(
            infer_year("Överenskommelse 2024. Behålla formen under 2024. Utbyggd 2021."),
            Some(2023)
        );
        assert_eq!(infer_year("Budget 2025 antogs. Utfall 2025."), Some(2025));
        assert_eq!(infer_year("Inga år alls."), None);
    }

    #[test]
    fn time_ranges_ending_on_the_hour_or_on_the_twelve_hour_clock() {
        let s = |t: &str| find_time_range(t).map(|(r, a, b)| (r, a.to_string(), b.to_string()));
        let (r, a, b) = s("2024-11-05, 18:30-20, klubblokalen").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("18:30", "20:00"));
        let (_, a, b) = s("Datum: 2026-02-26, fysiskt möte 09:00-15:00.").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("09:00", "15:00"));
        assert_eq!(&"2024-11-05, 18:30-20, klubblokalen"[r], "18:30-20");
        let (_, a, b) = s("Time: 1:00 pm – 2:30 pm").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("13:00", "14:30"));
        let (_, a, b) = s("9 am to 11.30 am").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("09:00", "11:30"));
        // An end hour before the start is no range.
        assert!(s("18:30-12 deltagare").is_none());
        // A colon or a dot after the range closes it.
        let (_, a, b) = s("13:00-14:30: Presentation").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("13:00", "14:30"));
        let (_, a, b) = s("09.00-12.30: Lunch").unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("09:00", "12:30"));
    }

    #[test]
    fn time_ranges() {
        let (_, a, b) = find_time_range("Tid: 09:00 – 15:30").unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("09:00".into(), "15:30".into())
        );
        let (_, a, _) = find_time_range("10.14:05-14:15").unwrap();
        assert_eq!(a.to_string(), "14:05");
        assert!(find_time_range("25:00-26:00").is_none());
    }
}
