//! `word/numbering.xml` and the counters that rebuild printed list labels.

use crate::xml::{Ev, Ns, Tag, XResult, Xml};
use minutes_model::Diagnostic;
use minutes_model::list_labels::{letters, roman};
use std::collections::HashMap;

/// A number format (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NumFmt {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumFmt {
    fn parse(s: &str) -> NumFmt {
        match s {
            "decimalZero" => NumFmt::DecimalZero,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            // decimal and the formats we do not spell out (ordinal, cardinalText,
            // decimalEnclosedCircle, ...) print as digits.
            _ => NumFmt::Decimal,
        }
    }

    fn format(self, n: u32, out: &mut String) {
        match self {
            NumFmt::Decimal => out.push_str(&n.to_string()),
            NumFmt::DecimalZero => {
                if n < 10 {
                    out.push('0');
                }
                out.push_str(&n.to_string());
            }
            // Letters for 0: nothing (not the digit the other readers print).
            NumFmt::LowerLetter if n > 0 => out.push_str(&letters(n)),
            NumFmt::UpperLetter if n > 0 => out.push_str(&letters(n).to_uppercase()),
            NumFmt::LowerLetter | NumFmt::UpperLetter => {}
            NumFmt::LowerRoman => out.push_str(&roman(n)),
            NumFmt::UpperRoman => out.push_str(&roman(n).to_uppercase()),
            NumFmt::Bullet | NumFmt::None => {}
        }
    }
}

/// Bullets written in a symbol font's private-use area, as the Unicode
/// character they show.
pub(crate) fn symbol_char(c: char) -> Option<&'static str> {
    Some(match c as u32 {
        0xF0B7 | 0xF095 => "•",
        0xF0A7 | 0xF06E => "▪",
        0xF06C => "●",
        0xF0D8 => "➢",
        0xF0FC => "✓",
        0xF0FB => "✗",
        0xF076 => "❖",
        0xF071 => "❑",
        0xF0A8 => "□",
        0xF0E8 => "➔",
        0xF02D => "-",
        _ => return None,
    })
}

/// A list level (`w:lvl`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Level {
    pub start: u32,
    pub fmt: NumFmt,
    /// `w:lvlText/@w:val`; `None` when the attribute is missing.
    pub text: Option<String>,
    pub is_lgl: bool,
    pub pstyle: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; 9],
    num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: u32,
    start_override: [Option<u32>; 9],
    level_override: [Option<Level>; 9],
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
}

fn level_index(x: &mut Xml<'_>, e: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    x.attr(e, Ns::W, "ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < 9)
}

impl Numbering {
    pub fn parse(text: &str) -> XResult<Numbering> {
        let mut x = Xml::new(text);
        let mut n = Numbering::default();
        let mut abs: Option<(u32, Abstract)> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_ilvl: Option<usize> = None;
        loop {
            match x.next()? {
                Ev::Start(tag, e) => match tag {
                    Tag::AbstractNum => {
                        abs = x
                            .attr(&e, Ns::W, "abstractNumId")
                            .and_then(|v| v.trim().parse().ok())
                            .map(|id| (id, Abstract::default()));
                    }
                    Tag::Num => {
                        num = x
                            .attr(&e, Ns::W, "numId")
                            .and_then(|v| v.trim().parse().ok())
                            .map(|id| (id, Num::default()));
                    }
                    Tag::Lvl => {
                        let i = level_index(&mut x, &e).or(override_ilvl);
                        lvl = i.map(|i| {
                            (
                                i,
                                Level {
                                    start: 1,
                                    ..Level::default()
                                },
                            )
                        });
                    }
                    Tag::Start => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.start = x.val_num(&e).unwrap_or(1);
                        }
                    }
                    Tag::NumFmt => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.fmt = x.val(&e).map(|v| NumFmt::parse(&v)).unwrap_or_default();
                        }
                    }
                    Tag::LvlText => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.text = x.val(&e).map(|v| v.into_owned());
                        }
                    }
                    Tag::IsLgl => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.is_lgl = x.toggle(&e);
                        }
                    }
                    Tag::PStyle => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.pstyle = x.val(&e).map(|v| v.into_owned());
                        }
                    }
                    Tag::NumStyleLink => {
                        if let Some((_, a)) = abs.as_mut() {
                            a.num_style_link = x.val(&e).map(|v| v.into_owned());
                        }
                    }
                    Tag::AbstractNumId => {
                        if let Some((_, m)) = num.as_mut() {
                            m.abstract_id = x.val_num(&e).unwrap_or(0);
                        }
                    }
                    Tag::LvlOverride => override_ilvl = level_index(&mut x, &e),
                    Tag::StartOverride => {
                        if let (Some((_, m)), Some(i)) = (num.as_mut(), override_ilvl) {
                            m.start_override[i] = x.val_num(&e);
                        }
                    }
                    // Run properties of the label: nothing we need, and their
                    // children must not be taken for the level's.
                    Tag::RPr | Tag::PPr => x.skip()?,
                    _ => {}
                },
                Ev::End(tag) => match tag {
                    Tag::Lvl => {
                        if let Some((i, l)) = lvl.take() {
                            if let Some((_, m)) = num.as_mut() {
                                m.level_override[i] = Some(l);
                            } else if let Some((_, a)) = abs.as_mut() {
                                a.levels[i] = Some(l);
                            }
                        }
                    }
                    Tag::AbstractNum => {
                        if let Some((id, a)) = abs.take() {
                            n.abstracts.insert(id, a);
                        }
                    }
                    Tag::Num => {
                        if let Some((id, m)) = num.take() {
                            n.nums.insert(id, m);
                        }
                    }
                    Tag::LvlOverride => override_ilvl = None,
                    _ => {}
                },
                Ev::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// The level of `num_id` whose `w:pStyle` is `style` (numbering that a
    /// paragraph style carries without saying the level).
    pub fn level_for_style(
        &self,
        num_id: u32,
        style: &str,
        styles_num: impl Fn(&str) -> Option<u32>,
    ) -> Option<u8> {
        let (_, abs) = self.abstract_of(num_id, &styles_num)?;
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
            .map(|i| i as u8)
    }

    /// The abstract definition of a num, following `w:numStyleLink` once.
    fn abstract_of(
        &self,
        num_id: u32,
        styles_num: &impl Fn(&str) -> Option<u32>,
    ) -> Option<(u32, &Abstract)> {
        let num = self.nums.get(&num_id)?;
        let mut id = num.abstract_id;
        let mut abs = self.abstracts.get(&id)?;
        if let Some(link) = abs.num_style_link.as_deref()
            && let Some(linked_num) = styles_num(link).and_then(|n| self.nums.get(&n))
            && let Some(linked) = self.abstracts.get(&linked_num.abstract_id)
        {
            id = linked_num.abstract_id;
            abs = linked;
        }
        Some((id, abs))
    }
}

/// A label as printed.
pub(crate) struct Label {
    pub text: String,
    pub bullet: bool,
}

/// Counter state while walking a part in document order. Counters belong to
/// the abstract definition, as in Word: two nums sharing one abstractNum
/// continue each other unless a num restarts a level with `w:startOverride`
/// (applied where that num is first used).
#[derive(Default)]
pub(crate) struct Counters {
    values: HashMap<u32, [Option<u32>; 9]>,
    seen_nums: std::collections::HashSet<u32>,
}

impl Counters {
    /// The label of the next paragraph numbered with (`num_id`, `ilvl`).
    pub fn next(
        &mut self,
        defs: &Numbering,
        num_id: u32,
        ilvl: u8,
        styles_num: impl Fn(&str) -> Option<u32>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Label> {
        let Some(num) = defs.nums.get(&num_id) else {
            diags.push(Diagnostic::warning(
                "docx.numbering.missing-num",
                format!("a paragraph uses numbering {num_id}, which numbering.xml does not define: no label"),
            ));
            return None;
        };
        let Some((abs_id, abs)) = defs.abstract_of(num_id, &styles_num) else {
            diags.push(Diagnostic::warning(
                "docx.numbering.missing-abstract",
                format!(
                    "numbering {num_id} refers to abstract numbering {}, which is not defined: no label",
                    num.abstract_id
                ),
            ));
            return None;
        };
        let il = (ilvl as usize).min(8);
        let level_of = |i: usize| num.level_override[i].as_ref().or(abs.levels[i].as_ref());
        let Some(lvl) = level_of(il) else {
            diags.push(Diagnostic::warning(
                "docx.numbering.missing-level",
                format!("numbering {num_id} has no level {il}: no label"),
            ));
            return None;
        };
        let start = |i: usize| {
            num.start_override[i]
                .or_else(|| level_of(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let values = self.values.entry(abs_id).or_insert([None; 9]);
        if self.seen_nums.insert(num_id) {
            for (i, v) in values.iter_mut().enumerate() {
                if num.start_override[i].is_some() || num.level_override[i].is_some() {
                    *v = None;
                }
            }
        }
        values[il] = Some(match values[il] {
            Some(v) => v.saturating_add(1),
            None => start(il),
        });
        for v in values.iter_mut().skip(il + 1) {
            *v = None;
        }
        if lvl.fmt == NumFmt::Bullet {
            let text = lvl.text.clone().unwrap_or_default();
            let mut chars = text.chars();
            let text = match (chars.next(), chars.next()) {
                (Some(c), None) => symbol_char(c).map(str::to_string).unwrap_or_else(|| {
                    if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                        "•".to_string()
                    } else {
                        text.clone()
                    }
                }),
                (None, _) => "•".to_string(),
                _ => text,
            };
            return Some(Label { text, bullet: true });
        }
        let number = |i: usize, out: &mut String| {
            let v = values[i].unwrap_or_else(|| start(i));
            let fmt = level_of(i).map(|l| l.fmt).unwrap_or_default();
            // Legal numbering shows every level's number in digits.
            let fmt = if lvl.is_lgl && i < il && fmt != NumFmt::None {
                NumFmt::Decimal
            } else {
                fmt
            };
            fmt.format(v, out);
        };
        let mut out = String::new();
        match lvl.text.as_deref() {
            Some(pattern) => {
                let mut chars = pattern.chars().peekable();
                while let Some(c) = chars.next() {
                    if c == '%'
                        && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                        && (1..=9).contains(&d)
                    {
                        chars.next();
                        number(d as usize - 1, &mut out);
                    } else {
                        out.push(c);
                    }
                }
            }
            None => {
                // No lvlText value: Word would print nothing. Agenda numbers
                // matter more than fidelity here, so print the levels joined
                // by dots, and say so.
                diags.push(Diagnostic::warning(
                    "docx.numbering.missing-level-text",
                    format!(
                        "numbering {num_id} level {il} has no level text: label guessed as the level numbers joined by dots"
                    ),
                ));
                for i in 0..=il {
                    if i > 0 {
                        out.push('.');
                    }
                    number(i, &mut out);
                }
            }
        }
        Some(Label {
            text: out,
            bullet: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(f: NumFmt, n: u32) -> String {
        let mut s = String::new();
        f.format(n, &mut s);
        s
    }

    #[test]
    fn number_formats() {
        assert_eq!(fmt(NumFmt::Decimal, 12), "12");
        assert_eq!(fmt(NumFmt::DecimalZero, 7), "07");
        assert_eq!(fmt(NumFmt::LowerLetter, 1), "a");
        assert_eq!(fmt(NumFmt::LowerLetter, 27), "aa");
        assert_eq!(fmt(NumFmt::UpperLetter, 28), "BB");
        assert_eq!(fmt(NumFmt::LowerRoman, 14), "xiv");
        assert_eq!(fmt(NumFmt::UpperRoman, 1994), "MCMXCIV");
        assert_eq!(fmt(NumFmt::UpperRoman, 0), "0");
        assert_eq!(fmt(NumFmt::Bullet, 3), "");
        assert_eq!(fmt(NumFmt::LowerLetter, u32::MAX).len(), 64);
    }

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn labels(numbering: &str, seq: &[(u32, u8)]) -> Vec<Option<String>> {
        let defs =
            Numbering::parse(&format!("<w:numbering {NS}>{numbering}</w:numbering>")).unwrap();
        let mut c = Counters::default();
        let mut diags = Vec::new();
        seq.iter()
            .map(|&(n, l)| c.next(&defs, n, l, |_| None, &mut diags).map(|l| l.text))
            .collect()
    }

    #[test]
    fn counters_share_the_abstract_and_restart_on_override() {
        let defs = r#"<w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
          <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
          <w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>"#;
        let got = labels(
            defs,
            &[
                (1, 0),
                (1, 1),
                (1, 1),
                (2, 0),
                (2, 1),
                (3, 0),
                (3, 0),
                (1, 0),
                (4, 0),
                (4, 1),
                (5, 0),
                (9, 0),
                (1, 5),
            ],
        );
        let want: Vec<Option<&str>> = vec![
            Some("1."),
            Some("1.i"),
            Some("1.ii"),
            Some("2."),
            Some("2.i"),
            Some("10."),
            Some("11."),
            Some("12."),
            Some("•"),
            Some("o"),
            Some("C)"),
            None,
            None,
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|s| s.map(str::to_string))
                .collect::<Vec<_>>()
        );
    }
}
