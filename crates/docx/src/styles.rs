//! `word/styles.xml`: character properties, outline levels and numbering
//! carried by styles, resolved along `w:basedOn` once at load time.

use crate::xml::{Ev, Tag, XResult, Xml};
use std::collections::HashMap;

/// Character properties as written: `None` when not said at this level.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub strike: Option<bool>,
    pub dstrike: Option<bool>,
    pub hidden: Option<bool>,
    /// Some(true) superscript, Some(false) subscript or baseline.
    pub superscript: Option<bool>,
    pub subscript: Option<bool>,
    pub rstyle: Option<String>,
}

impl RProps {
    /// Fill what `self` leaves unsaid from `base`.
    pub fn or(&self, base: &RProps) -> RProps {
        RProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            underline: self.underline.or(base.underline),
            strike: self.strike.or(base.strike),
            dstrike: self.dstrike.or(base.dstrike),
            hidden: self.hidden.or(base.hidden),
            superscript: self.superscript.or(base.superscript),
            subscript: self.subscript.or(base.subscript),
            rstyle: self.rstyle.clone().or_else(|| base.rstyle.clone()),
        }
    }
}

/// Read the children of a `w:rPr` whose Start was just read.
pub(crate) fn read_rpr(x: &mut Xml<'_>, into: &mut RProps) -> XResult<()> {
    let mut depth = 0u32;
    loop {
        match x.next()? {
            Ev::Start(tag, e) => {
                match tag {
                    Tag::B => into.bold = Some(x.toggle(&e)),
                    Tag::I => into.italic = Some(x.toggle(&e)),
                    Tag::U => into.underline = Some(x.toggle(&e)),
                    Tag::Strike => into.strike = Some(x.toggle(&e)),
                    Tag::DStrike => into.dstrike = Some(x.toggle(&e)),
                    Tag::Vanish => into.hidden = Some(x.toggle(&e)),
                    Tag::VertAlign => {
                        let v = x.val(&e);
                        into.superscript = Some(v.as_deref() == Some("superscript"));
                        into.subscript = Some(v.as_deref() == Some("subscript"));
                    }
                    Tag::RStyle => into.rstyle = x.val(&e).map(|v| v.into_owned()),
                    // Formatting before a tracked change is not what is shown.
                    Tag::RPrChange => {
                        x.skip()?;
                        continue;
                    }
                    _ => {}
                }
                depth += 1;
            }
            Ev::End(_) => {
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
            }
            Ev::Eof => return Err(x.unexpected_eof()),
            _ => {}
        }
    }
}

/// Numbering reference (`w:numPr`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct NumRef {
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
}

/// The kinds of style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum StyleKind {
    #[default]
    Paragraph,
    Character,
    Other,
}

/// One style as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct StyleDef {
    pub kind: StyleKind,
    pub name: String,
    pub based_on: Option<String>,
    pub rpr: RProps,
    pub num: NumRef,
    pub outline: Option<u8>,
}

/// A style with its basedOn chain folded in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolved {
    pub rpr: RProps,
    pub num: NumRef,
    pub outline: Option<u8>,
    /// Heading level from the style's name or id when it has no outline level.
    pub heading: Option<u8>,
    pub title: bool,
    pub placeholder: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Styles {
    pub resolved: HashMap<String, Resolved>,
    pub default_paragraph: Option<String>,
    pub defaults: RProps,
}

fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("rubrik"))?
        .trim();
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

impl Styles {
    pub fn get(&self, id: Option<&str>) -> Option<&Resolved> {
        self.resolved.get(id?)
    }

    pub fn parse(text: &str) -> XResult<Styles> {
        let mut x = Xml::new(text);
        let mut defs: HashMap<String, StyleDef> = HashMap::new();
        let mut styles = Styles::default();
        let mut cur: Option<(String, StyleDef)> = None;
        let mut in_defaults = false;
        loop {
            match x.next()? {
                Ev::Start(tag, e) => match tag {
                    Tag::Style => {
                        let id = x.attr(&e, crate::xml::Ns::W, "styleId");
                        let kind = match x.attr(&e, crate::xml::Ns::W, "type").as_deref() {
                            Some("character") => StyleKind::Character,
                            Some("paragraph") | None => StyleKind::Paragraph,
                            _ => StyleKind::Other,
                        };
                        let default = x
                            .attr(&e, crate::xml::Ns::W, "default")
                            .is_some_and(|v| matches!(v.as_ref(), "1" | "true" | "on"));
                        if let Some(id) = id {
                            if default && kind == StyleKind::Paragraph {
                                styles.default_paragraph = Some(id.to_string());
                            }
                            cur = Some((
                                id.into_owned(),
                                StyleDef {
                                    kind,
                                    ..StyleDef::default()
                                },
                            ));
                        }
                    }
                    Tag::DocDefaults => in_defaults = true,
                    Tag::Name => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.name = x.val(&e).map(|v| v.into_owned()).unwrap_or_default();
                        }
                    }
                    Tag::BasedOn => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.based_on = x.val(&e).map(|v| v.into_owned());
                        }
                    }
                    Tag::RPr => {
                        if let Some((_, s)) = cur.as_mut() {
                            read_rpr(&mut x, &mut s.rpr)?;
                        } else if in_defaults {
                            read_rpr(&mut x, &mut styles.defaults)?;
                        }
                    }
                    Tag::NumId => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.num.num_id = x.val_num(&e);
                        }
                    }
                    Tag::Ilvl => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.num.ilvl = x.val_num(&e);
                        }
                    }
                    Tag::OutlineLvl => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.outline = x.val_num(&e);
                        }
                    }
                    // Conditional table formatting and tracked changes are not
                    // the style's own properties.
                    Tag::TblStylePr | Tag::PPrChange | Tag::RPrChange => x.skip()?,
                    _ => {}
                },
                Ev::End(Tag::Style) => {
                    if let Some((id, s)) = cur.take() {
                        defs.insert(id, s);
                    }
                }
                Ev::End(Tag::DocDefaults) => in_defaults = false,
                Ev::Eof => break,
                _ => {}
            }
        }
        styles.resolve(&defs);
        Ok(styles)
    }

    fn resolve(&mut self, defs: &HashMap<String, StyleDef>) {
        for (id, def) in defs {
            let mut r = Resolved {
                rpr: def.rpr.clone(),
                num: def.num,
                outline: def.outline,
                ..Resolved::default()
            };
            // Walk the chain, bounded against cycles.
            let mut next = def.based_on.as_deref();
            let mut steps = 0;
            while let Some(base_id) = next {
                steps += 1;
                if steps > 32 || base_id == id {
                    break;
                }
                let Some(base) = defs.get(base_id) else { break };
                r.rpr = r.rpr.or(&base.rpr);
                if r.num.num_id.is_none() {
                    r.num.num_id = base.num.num_id;
                }
                if r.num.ilvl.is_none() {
                    r.num.ilvl = base.num.ilvl;
                }
                r.outline = r.outline.or(base.outline);
                next = base.based_on.as_deref();
            }
            // A character style's rStyle would be itself; it means nothing.
            r.rpr.rstyle = None;
            if def.kind == StyleKind::Paragraph {
                r.heading = heading_from_name(&def.name).or_else(|| heading_from_name(id));
                r.title = def.name.eq_ignore_ascii_case("title") || id == "Title";
            }
            r.placeholder =
                def.name.eq_ignore_ascii_case("placeholder text") || id == "PlaceholderText";
            self.resolved.insert(id.clone(), r);
        }
    }
}
