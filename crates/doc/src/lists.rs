//! Word 97 list numbering: the list definitions (PlfLst: LSTF + LVL) and
//! overrides (PlfLfo), and the counters that turn them into printed labels
//! ("3.", "2.1", "•").

use crate::bin::{i32_at, slice, u8_at, u16_at, u32_at};
use std::collections::HashMap;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i32,
    /// Number format (nfc): 0 decimal, 1/2 upper/lower roman, 3/4
    /// upper/lower letter, 23 bullet, 255 none, …
    nfc: u8,
    /// The level text; units 0..8 stand for the number of that level.
    text: Vec<u16>,
}

#[derive(Debug, Clone)]
struct ListDef {
    levels: Vec<Level>,
}

/// An override: which list, and levels that start again.
#[derive(Debug, Clone)]
struct Override {
    lsid: i32,
    starts: Vec<(u8, i32)>,
}

/// A paragraph's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub text: String,
    pub bullet: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Lists {
    defs: HashMap<i32, ListDef>,
    lfos: Vec<Override>,
    counters: HashMap<i32, [i32; 9]>,
    /// Overrides whose restarts have been applied.
    started: std::collections::HashSet<u16>,
}

const LSTF_LEN: usize = 28;
const LVLF_LEN: usize = 28;
/// Lists read at most: a count beyond is a lie.
const MAX_LISTS: usize = 10_000;

/// One LVL at `at`: its level and the offset past it.
fn parse_lvl(b: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = slice(b, at, LVLF_LEN)?;
    let start = i32_at(lvlf, 0)?;
    let nfc = u8_at(lvlf, 4)?;
    let cb_chpx = u8_at(lvlf, 24)? as usize;
    let cb_papx = u8_at(lvlf, 25)? as usize;
    let xst = at + LVLF_LEN + cb_papx + cb_chpx;
    let cch = u16_at(b, xst)? as usize;
    let text = (0..cch)
        .map(|i| u16_at(b, xst + 2 + 2 * i))
        .collect::<Option<Vec<u16>>>()?;
    Some((Level { start, nfc, text }, xst + 2 + 2 * cch))
}

impl Lists {
    pub fn parse(plf_lst: Option<&[u8]>, plf_lfo: Option<&[u8]>) -> Lists {
        let mut lists = Lists::default();
        if let Some(b) = plf_lst {
            let c = (u16_at(b, 0).unwrap_or(0) as i16).max(0) as usize;
            let c = c.min(MAX_LISTS);
            let mut lvl_at = 2 + c * LSTF_LEN;
            for i in 0..c {
                let lstf = 2 + i * LSTF_LEN;
                let (Some(lsid), Some(flags)) = (i32_at(b, lstf), u8_at(b, lstf + 26)) else {
                    break;
                };
                let n = if flags & 1 != 0 { 1 } else { 9 };
                let mut levels = Vec::with_capacity(n);
                for _ in 0..n {
                    match parse_lvl(b, lvl_at) {
                        Some((l, next)) => {
                            levels.push(l);
                            lvl_at = next;
                        }
                        None => break,
                    }
                }
                lists.defs.insert(lsid, ListDef { levels });
            }
        }
        if let Some(b) = plf_lfo {
            let n = (u32_at(b, 0).unwrap_or(0) as usize).min(MAX_LISTS);
            let mut data_at = 4 + n * 16;
            for i in 0..n {
                let at = 4 + i * 16;
                let (Some(lsid), Some(clfolvl)) = (i32_at(b, at), u8_at(b, at + 12)) else {
                    break;
                };
                let mut starts = Vec::new();
                // LFOData: cp, then clfolvl LFOLVLs (an LVL follows when
                // fFormatting is set).
                data_at += 4;
                if clfolvl > 0 {
                    for _ in 0..clfolvl {
                        let (Some(start), Some(flags)) =
                            (i32_at(b, data_at), u32_at(b, data_at + 4))
                        else {
                            break;
                        };
                        data_at += 8;
                        let ilvl = (flags & 0x0F) as u8;
                        if flags & 0x10 != 0 {
                            starts.push((ilvl, start));
                        }
                        if flags & 0x20 != 0 {
                            match parse_lvl(b, data_at) {
                                Some((l, next)) => {
                                    starts.push((ilvl, l.start));
                                    data_at = next;
                                }
                                None => break,
                            }
                        }
                    }
                }
                lists.lfos.push(Override { lsid, starts });
            }
        }
        lists
    }

    /// Count a paragraph of list `ilfo` (1-based) at level `ilvl` and give
    /// its label; `None` when the list or level is unknown or prints
    /// nothing.
    pub fn next(&mut self, ilfo: u16, ilvl: u8) -> Option<Label> {
        let lfo = self.lfos.get(usize::from(ilfo).checked_sub(1)?)?;
        let lsid = lfo.lsid;
        let def = self.defs.get(&lsid)?;
        let ilvl = (ilvl as usize).min(def.levels.len().checked_sub(1)?);
        let level = def.levels.get(ilvl)?;
        let counters = self.counters.entry(lsid).or_insert_with(|| {
            let mut c = [0i32; 9];
            for (i, l) in def.levels.iter().enumerate().take(9) {
                c[i] = l.start.saturating_sub(1);
            }
            c
        });
        if self.started.insert(ilfo) {
            for &(l, start) in &lfo.starts {
                if let Some(c) = counters.get_mut(l as usize) {
                    *c = start.saturating_sub(1);
                }
            }
        }
        counters[ilvl] = counters[ilvl].saturating_add(1);
        for (deeper, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            *c = def
                .levels
                .get(deeper)
                .map(|l| l.start.saturating_sub(1))
                .unwrap_or(0);
        }
        if level.nfc == 255 {
            return None;
        }
        let bullet = level.nfc == 23;
        let mut text = String::new();
        for unit in char::decode_utf16(level.text.iter().copied()) {
            let Ok(ch) = unit else { continue };
            let code = ch as u32;
            if code < 9 {
                let l = code as usize;
                let nfc = def.levels.get(l).map(|x| x.nfc).unwrap_or(0);
                text.push_str(&format_number(counters[l], nfc));
            } else {
                text.push(bullet_char(ch));
            }
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(Label { text, bullet })
    }
}

/// Symbol-font bullets (private use area) as the Unicode they show.
fn bullet_char(c: char) -> char {
    match c as u32 {
        0xF0B7 | 0xF0A7 | 0xF06C => '•',
        0xF0A8 | 0xF0FC => '▪',
        0xF06F => 'o',
        0xF0D8 | 0xF0E8 => '➢',
        0xF02D => '–',
        _ => c,
    }
}

fn format_number(n: i32, nfc: u8) -> String {
    use minutes_model::list_labels::{letters, roman};
    // A counter below zero stays digits, as for any format.
    let Ok(u) = u32::try_from(n) else {
        return n.to_string();
    };
    match nfc {
        1 => roman(u).to_uppercase(),
        2 => roman(u),
        3 => letters(u).to_uppercase(),
        4 => letters(u),
        22 => format!("{n:02}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lvl(start: i32, nfc: u8, text: &str) -> Vec<u8> {
        let mut b = vec![0u8; LVLF_LEN];
        b[0..4].copy_from_slice(&start.to_le_bytes());
        b[4] = nfc;
        let units: Vec<u16> = text.encode_utf16().collect();
        b.extend_from_slice(&(units.len() as u16).to_le_bytes());
        for u in units {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b
    }

    fn doc_lists() -> Lists {
        // Two lists: 7 is numbered "1." / "1.1."; 9 is a simple bullet list.
        let mut lst = 2u16.to_le_bytes().to_vec();
        let lstf = |lsid: i32, simple: bool| {
            let mut f = vec![0u8; LSTF_LEN];
            f[0..4].copy_from_slice(&lsid.to_le_bytes());
            f[26] = simple as u8;
            f
        };
        lst.extend(lstf(7, false));
        lst.extend(lstf(9, true));
        lst.extend(lvl(1, 0, "\u{0}."));
        lst.extend(lvl(1, 0, "\u{0}.\u{1}."));
        for _ in 2..9 {
            lst.extend(lvl(1, 4, "\u{2})"));
        }
        lst.extend(lvl(1, 23, "\u{F0B7}"));
        let mut lfo = 2u32.to_le_bytes().to_vec();
        for lsid in [7i32, 9] {
            let mut o = vec![0u8; 16];
            o[0..4].copy_from_slice(&lsid.to_le_bytes());
            lfo.extend(o);
        }
        lfo.extend([0u8; 8]);
        Lists::parse(Some(&lst), Some(&lfo))
    }

    #[test]
    fn labels_count_and_reset_deeper_levels() {
        let mut l = doc_lists();
        let t = |x: Option<Label>| x.map(|l| l.text);
        assert_eq!(t(l.next(1, 0)).as_deref(), Some("1."));
        assert_eq!(t(l.next(1, 1)).as_deref(), Some("1.1."));
        assert_eq!(t(l.next(1, 1)).as_deref(), Some("1.2."));
        assert_eq!(t(l.next(1, 0)).as_deref(), Some("2."));
        assert_eq!(t(l.next(1, 1)).as_deref(), Some("2.1."));
        let b = l.next(2, 0).unwrap();
        assert!(b.bullet);
        assert_eq!(b.text, "•");
        assert_eq!(l.next(3, 0), None);
        assert_eq!(l.next(0, 0), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, 1), "IV");
        assert_eq!(format_number(14, 2), "xiv");
        assert_eq!(format_number(28, 4), "bb");
        assert_eq!(format_number(3, 3), "C");
        assert_eq!(format_number(0, 4), "0");
    }
}
