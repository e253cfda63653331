//! The style sheet (STSH, [MS-DOC] 2.9.271): per style its built-in
//! identity (sti: Normal, Heading 1-9, Title…), its base style and its
//! paragraph and character formatting, resolved along the basedOn chain.

use crate::bin::{slice, u16_at};
use crate::props::{Chp, Pap};

/// One resolved style.
#[derive(Debug, Clone, Default)]
pub(crate) struct StyleDef {
    /// Built-in style identifier (1-9 Heading 1-9, 62 Title); 0x0FFE user.
    pub sti: u16,
    /// Paragraph formatting with the base styles' applied first.
    pub pap: Pap,
    /// Character formatting with the base styles' applied first.
    pub chp: Chp,
}

#[derive(Debug, Clone, Default)]
struct RawStyle {
    sti: u16,
    /// 1 paragraph, 2 character.
    stk: u8,
    base: Option<u16>,
    papx: Vec<u8>,
    chpx: Vec<u8>,
}

/// The styles by istd.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    defs: Vec<Option<StyleDef>>,
}

/// sti of Title.
pub(crate) const STI_TITLE: u16 = 62;
/// basedOn chains longer than this are cut (a loop cannot recurse).
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn parse(stsh: &[u8]) -> Styles {
        let raw = parse_raw(stsh);
        let defs = (0..raw.len())
            .map(|i| resolve(&raw, i).map(|(pap, chp, sti)| StyleDef { sti, pap, chp }))
            .collect();
        Styles { defs }
    }

    pub fn get(&self, istd: u16) -> Option<&StyleDef> {
        self.defs.get(istd as usize)?.as_ref()
    }
}

fn parse_raw(stsh: &[u8]) -> Vec<Option<RawStyle>> {
    let mut out = Vec::new();
    let Some(cb_stshi) = u16_at(stsh, 0) else {
        return out;
    };
    let cstd = u16_at(stsh, 2).unwrap_or(0) as usize;
    let cb_base = u16_at(stsh, 4).unwrap_or(10) as usize;
    let mut at = 2 + cb_stshi as usize;
    for _ in 0..cstd {
        let Some(cb) = u16_at(stsh, at) else { break };
        let std = slice(stsh, at + 2, cb as usize);
        at += 2 + cb as usize;
        out.push(
            std.filter(|s| !s.is_empty())
                .and_then(|s| parse_std(s, cb_base)),
        );
    }
    out
}

fn parse_std(std: &[u8], cb_base: usize) -> Option<RawStyle> {
    let sti = u16_at(std, 0)? & 0x0FFF;
    let w2 = u16_at(std, 2)?;
    let stk = (w2 & 0x000F) as u8;
    let base = w2 >> 4;
    let cupx = (u16_at(std, 4)? & 0x000F) as usize;
    let cch = u16_at(std, cb_base)? as usize;
    // Name: cch UTF-16 units and a terminating zero.
    let mut at = cb_base + 2 + 2 * cch + 2;
    let mut upx: Vec<&[u8]> = Vec::new();
    for _ in 0..cupx {
        let Some(cb) = u16_at(std, at) else { break };
        let Some(data) = slice(std, at + 2, cb as usize) else {
            break;
        };
        upx.push(data);
        at += 2 + cb as usize + (cb as usize & 1);
    }
    let (papx, chpx) = match stk {
        // Paragraph style: UpxPapx (istd + grpprl), then UpxChpx.
        1 => (
            upx.first().and_then(|u| u.get(2..)).unwrap_or(&[]).to_vec(),
            upx.get(1).copied().unwrap_or(&[]).to_vec(),
        ),
        2 => (Vec::new(), upx.first().copied().unwrap_or(&[]).to_vec()),
        _ => (Vec::new(), Vec::new()),
    };
    Some(RawStyle {
        sti,
        stk,
        base: (base != 0x0FFF).then_some(base),
        papx,
        chpx,
    })
}

/// A style's formatting: the chain of bases from the root, each applied
/// over the previous.
fn resolve(raw: &[Option<RawStyle>], istd: usize) -> Option<(Pap, Chp, u16)> {
    let own = raw.get(istd)?.as_ref()?;
    let mut chain = vec![own];
    let mut next = own.base;
    while let Some(b) = next {
        if chain.len() >= MAX_CHAIN {
            break;
        }
        let Some(Some(s)) = raw.get(b as usize) else {
            break;
        };
        // A character style is never the base of a paragraph style.
        if s.stk != own.stk {
            break;
        }
        chain.push(s);
        next = s.base;
    }
    let mut pap = Pap::default();
    let mut chp = Chp::default();
    for s in chain.iter().rev() {
        pap.apply(&s.papx);
        let base = chp;
        chp.apply(&s.chpx, &base);
    }
    pap.istd = istd as u16;
    Some((pap, chp, own.sti))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std_bytes(sti: u16, stk: u16, base: u16, papx: &[u8], chpx: &[u8]) -> Vec<u8> {
        let mut s = Vec::new();
        s.extend_from_slice(&sti.to_le_bytes());
        s.extend_from_slice(&(stk | (base << 4)).to_le_bytes());
        let cupx: u16 = if stk == 1 { 2 } else { 1 };
        s.extend_from_slice(&cupx.to_le_bytes());
        s.extend_from_slice(&[0; 4]);
        s.extend_from_slice(&1u16.to_le_bytes()); // name "x"
        s.extend_from_slice(&[b'x', 0, 0, 0]);
        let mut push = |u: &[u8]| {
            s.extend_from_slice(&(u.len() as u16).to_le_bytes());
            s.extend_from_slice(u);
            if u.len() % 2 == 1 {
                s.push(0);
            }
        };
        if stk == 1 {
            let mut p = vec![0, 0];
            p.extend_from_slice(papx);
            push(&p);
        }
        push(chpx);
        s
    }

    #[test]
    fn styles_inherit_along_based_on() {
        let mut stsh = Vec::new();
        // Stshi: cb 4, cstd 3, cbSTDBaseInFile 10.
        stsh.extend_from_slice(&4u16.to_le_bytes());
        stsh.extend_from_slice(&3u16.to_le_bytes());
        stsh.extend_from_slice(&10u16.to_le_bytes());
        let styles = [
            std_bytes(0, 1, 0x0FFF, &[], &[]),
            // Heading 1 based on Normal: bold, outline level 0.
            std_bytes(1, 1, 0, &[0x40, 0x26, 0x00], &[0x35, 0x08, 0x01]),
            // Based on itself: must not loop.
            std_bytes(0x0FFE, 1, 2, &[], &[0x37, 0x08, 0x01]),
        ];
        for s in styles {
            stsh.extend_from_slice(&(s.len() as u16).to_le_bytes());
            stsh.extend_from_slice(&s);
        }
        let st = Styles::parse(&stsh);
        let h = st.get(1).unwrap();
        assert_eq!(h.sti, 1);
        assert!(h.chp.bold);
        assert_eq!(h.pap.outline, Some(0));
        assert!(st.get(2).unwrap().chp.strike);
        assert!(st.get(7).is_none());
    }
}
