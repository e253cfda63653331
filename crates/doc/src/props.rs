//! Character and paragraph properties: property modifiers (sprms,
//! [MS-DOC] 2.6), and the formatted disk pages (FKPs) that attach them to
//! stretches of the `WordDocument` stream.

use crate::bin::{plc, slice, u8_at, u16_at, u32_at};

/// One property modifier: its code and operand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sprm<'a> {
    pub code: u16,
    pub operand: &'a [u8],
}

impl Sprm<'_> {
    pub fn byte(&self) -> u8 {
        self.operand.first().copied().unwrap_or(0)
    }
    pub fn word(&self) -> u16 {
        u16_at(self.operand, 0).unwrap_or(0)
    }
}

/// The sprms of a grpprl, in order; stops at the first that does not fit.
pub(crate) fn sprms(grpprl: &[u8]) -> impl Iterator<Item = Sprm<'_>> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let code = u16_at(grpprl, at)?;
        let start = at + 2;
        let len = match code >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match code {
                // sprmTDefTable: a 2-byte size that counts itself plus one.
                0xD608 => (u16_at(grpprl, start)? as usize).saturating_add(1),
                // sprmPChgTabs: 255 means "count the tab lists".
                0xC615 if u8_at(grpprl, start)? == 255 => {
                    let del = u8_at(grpprl, start + 1)? as usize;
                    let add = u8_at(grpprl, start + 2 + 4 * del)? as usize;
                    1 + 1 + 4 * del + 1 + 3 * add
                }
                _ => 1 + u8_at(grpprl, start)? as usize,
            },
        };
        let operand = slice(grpprl, start, len)?;
        // Variable operands keep their size byte out of the operand.
        let operand = if code >> 13 == 6 && code != 0xD608 && code != 0xC615 {
            operand.get(1..).unwrap_or(&[])
        } else {
            operand
        };
        at = start + len;
        Some(Sprm { code, operand })
    })
}

/// Character formatting this reader keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Chp {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    /// Double strike-through (not a toggle).
    pub dstrike: bool,
    pub underline: bool,
    pub superscript: bool,
    pub subscript: bool,
    pub hidden: bool,
    /// A tracked deletion.
    pub deleted: bool,
    /// Special character (field marks, note references, pictures).
    pub special: bool,
    /// Character style (sprmCIstd).
    pub istd: Option<u16>,
}

/// A toggle sprm's operand: 0 off, 1 on, 0x80 the style's value, 0x81 its
/// opposite ([MS-DOC] 2.9.333 ToggleOperand).
fn toggle(op: u8, style: bool) -> bool {
    match op {
        0 => false,
        1 => true,
        0x80 => style,
        0x81 => !style,
        _ => style,
    }
}

impl Chp {
    /// Apply a grpprl of character sprms; `base` is the style's formatting
    /// the toggles refer to.
    pub fn apply(&mut self, grpprl: &[u8], base: &Chp) {
        for s in sprms(grpprl) {
            match s.code {
                0x0835 => self.bold = toggle(s.byte(), base.bold),
                0x0836 => self.italic = toggle(s.byte(), base.italic),
                0x0837 => self.strike = toggle(s.byte(), base.strike),
                // sprmCFDStrike: double strike-through.
                0x2A53 => self.dstrike = s.byte() != 0,
                0x083C => self.hidden = toggle(s.byte(), base.hidden),
                0x2A3E => self.underline = s.byte() != 0,
                0x2A48 => {
                    self.superscript = s.byte() == 1;
                    self.subscript = s.byte() == 2;
                }
                0x0800 => self.deleted = s.byte() != 0,
                0x0855 => self.special = s.byte() != 0,
                0x4A30 => self.istd = Some(s.word()),
                _ => {}
            }
        }
    }
}

/// Paragraph formatting this reader keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pap {
    /// Paragraph style.
    pub istd: u16,
    pub in_table: bool,
    /// Table-terminating paragraph: the row-end mark.
    pub ttp: bool,
    /// Table depth (sprmPItap); 0 outside tables.
    pub itap: u32,
    pub inner_cell: bool,
    pub inner_ttp: bool,
    /// List format override index (1-based; 0 none).
    pub ilfo: u16,
    pub ilvl: u8,
    /// Outline level 0..8; 9 is body text.
    pub outline: Option<u8>,
    pub page_break_before: bool,
}

impl Pap {
    pub fn apply(&mut self, grpprl: &[u8]) {
        for s in sprms(grpprl) {
            match s.code {
                0x2416 => self.in_table = s.byte() != 0,
                0x2417 => self.ttp = s.byte() != 0,
                0x6649 => self.itap = u32_at(s.operand, 0).unwrap_or(0),
                0x244B => self.inner_cell = s.byte() != 0,
                0x244C => self.inner_ttp = s.byte() != 0,
                0x460B => self.ilfo = s.word(),
                0x260A => self.ilvl = s.byte().min(8),
                0x2640 => self.outline = Some(s.byte()),
                0x2407 => self.page_break_before = s.byte() != 0,
                0x4600 => self.istd = s.word(),
                _ => {}
            }
        }
    }

    /// Table depth: sprmPItap when given, else 1 for a paragraph in a table.
    pub fn depth(&self) -> u32 {
        if self.itap > 0 {
            self.itap
        } else {
            u32::from(self.in_table)
        }
    }
}

/// How a table cell is merged with its neighbours ([MS-DOC] TC80 tcgrf).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Merge {
    #[default]
    None,
    /// The first cell of a merge.
    Restart,
    /// Merged into the cell before it (left, or above).
    Continue,
}

/// Table row properties from the row-end paragraph's sprms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tap {
    /// A header row, repeated on each page.
    pub header: bool,
    /// Per cell: horizontal and vertical merge.
    pub cells: Vec<(Merge, Merge)>,
    /// Cell boundaries in twips, one more than cells (rgdxaCenter).
    pub edges: Vec<i16>,
}

/// Cells a row can define (Word's limit is 63).
const MAX_CELLS: usize = 64;

impl Tap {
    pub fn parse(grpprl: &[u8]) -> Tap {
        let mut tap = Tap::default();
        for s in sprms(grpprl) {
            match s.code {
                0x3404 => tap.header = s.byte() != 0,
                // sprmTDefTable: cb, itcMac, rgdxaCenter[itcMac + 1], rgTc80.
                0xD608 => {
                    let n = (u8_at(s.operand, 2).unwrap_or(0) as usize).min(MAX_CELLS);
                    let tcs = 3 + 2 * (n + 1);
                    tap.edges = (0..=n)
                        .map_while(|i| u16_at(s.operand, 3 + 2 * i).map(|v| v as i16))
                        .collect();
                    tap.cells = (0..n)
                        .map(|i| {
                            let grf = u16_at(s.operand, tcs + 20 * i).unwrap_or(0);
                            (merge_code(grf & 3, false), merge_code((grf >> 5) & 3, true))
                        })
                        .collect();
                }
                // sprmTVertMerge: itc, vertMerge.
                0xD62B => {
                    let itc = s.byte() as usize;
                    let code = u8_at(s.operand, 1).unwrap_or(0);
                    if itc < MAX_CELLS {
                        if tap.cells.len() <= itc {
                            tap.cells.resize(itc + 1, (Merge::None, Merge::None));
                        }
                        if let Some(c) = tap.cells.get_mut(itc) {
                            c.1 = merge_code(u16::from(code), true);
                        }
                    }
                }
                _ => {}
            }
        }
        tap
    }
}

/// The merge a 2-bit code means: horizontally 1 first, 2-3 merged;
/// vertically (VerticalMergeFlag) 3 restart, 1 merged with the cell above
/// (2 is read as 1).
fn merge_code(code: u16, vertical: bool) -> Merge {
    match (vertical, code) {
        (false, 1) | (true, 3) => Merge::Restart,
        (false, 2 | 3) | (true, 1 | 2) => Merge::Continue,
        _ => Merge::None,
    }
}

/// A stretch of the stream `[start, end)` with the grpprl that formats it
/// (and, for paragraphs, the style).
#[derive(Debug, Clone)]
pub(crate) struct FormatRun {
    pub start: u32,
    pub end: u32,
    pub istd: u16,
    pub grpprl: Vec<u8>,
}

/// Which FKPs to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FkpKind {
    Chpx,
    Papx,
}

/// Most FKP pages read; a PlcBte naming more is cut (each page is 512
/// bytes of the stream, so a real document never comes near).
const MAX_PAGES: usize = 1 << 20;

/// All formatting runs of one kind, sorted by start: the PlcBte in the
/// table stream names the FKP pages in the `WordDocument` stream.
pub(crate) fn format_runs(word: &[u8], plc_bte: &[u8], kind: FkpKind) -> Vec<FormatRun> {
    let mut out = Vec::new();
    let Some((_, pns)) = plc(plc_bte, 4) else {
        return out;
    };
    let mut seen = std::collections::HashSet::new();
    for pn in pns.chunks_exact(4).take(MAX_PAGES) {
        let pn = u32::from_le_bytes([pn[0], pn[1], pn[2], pn[3]]) & 0x003F_FFFF;
        // The same page twice would only repeat its runs.
        if !seen.insert(pn) {
            continue;
        }
        let Some(page) = slice(word, pn as usize * 512, 512) else {
            continue;
        };
        read_fkp(page, kind, &mut out);
    }
    out.sort_by_key(|r| r.start);
    out
}

fn read_fkp(page: &[u8], kind: FkpKind, out: &mut Vec<FormatRun>) {
    let n = page[511] as usize;
    let entry = match kind {
        FkpKind::Chpx => 1,
        FkpKind::Papx => 13,
    };
    let offsets_at = (n + 1) * 4;
    for i in 0..n {
        let (Some(start), Some(end), Some(b)) = (
            u32_at(page, i * 4),
            u32_at(page, i * 4 + 4),
            u8_at(page, offsets_at + i * entry),
        ) else {
            return;
        };
        let at = b as usize * 2;
        let run = match kind {
            FkpKind::Chpx => {
                // b == 0: no properties.
                let grpprl = if b == 0 {
                    Vec::new()
                } else {
                    let cb = u8_at(page, at).unwrap_or(0) as usize;
                    slice(page, at + 1, cb).unwrap_or(&[]).to_vec()
                };
                FormatRun {
                    start,
                    end,
                    istd: 0,
                    grpprl,
                }
            }
            FkpKind::Papx => {
                if b == 0 {
                    continue;
                }
                // cb counts words; 0 means the next byte does.
                let (len, body) = match u8_at(page, at) {
                    Some(0) => (2 * u8_at(page, at + 1).unwrap_or(0) as usize, at + 2),
                    Some(cb) => ((2 * cb as usize).saturating_sub(1), at + 1),
                    None => continue,
                };
                let Some(bytes) = slice(page, body, len).or_else(|| page.get(body..511)) else {
                    continue;
                };
                let istd = u16_at(bytes, 0).unwrap_or(0);
                FormatRun {
                    start,
                    end,
                    istd,
                    grpprl: bytes.get(2..).unwrap_or(&[]).to_vec(),
                }
            }
        };
        out.push(run);
    }
}

/// The run containing stream offset `fc`, if any.
pub(crate) fn run_at(runs: &[FormatRun], fc: u32) -> Option<&FormatRun> {
    let i = runs.partition_point(|r| r.start <= fc);
    let r = runs.get(i.checked_sub(1)?)?;
    (fc < r.end).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprm_sizes_follow_spra() {
        // bold on, ilfo 3, itap 2, a variable sprm of 2 bytes, then a cut one.
        let g = [
            0x35, 0x08, 0x01, 0x0B, 0x46, 0x03, 0x00, 0x49, 0x66, 0x02, 0, 0, 0, 0x00, 0xC6, 2, 9,
            9, 0x35,
        ];
        let v: Vec<(u16, Vec<u8>)> = sprms(&g).map(|s| (s.code, s.operand.to_vec())).collect();
        assert_eq!(
            v,
            vec![
                (0x0835, vec![1]),
                (0x460B, vec![3, 0]),
                (0x6649, vec![2, 0, 0, 0]),
                (0xC600, vec![9, 9]),
            ]
        );
    }

    #[test]
    fn row_properties() {
        // sprmTTableHeader on; sprmTDefTable with 2 cells, the second merged
        // with the one above; sprmTVertMerge restarting cell 0.
        let mut g = vec![0x04, 0x34, 0x01, 0x08, 0xD6];
        let mut op = vec![2u8];
        for edge in [0i16, 100, 200] {
            op.extend_from_slice(&edge.to_le_bytes());
        }
        let mut tc = [0u8; 20];
        op.extend_from_slice(&tc);
        tc[0] = 1 << 5;
        op.extend_from_slice(&tc);
        g.extend_from_slice(&((op.len() + 1) as u16).to_le_bytes());
        g.extend_from_slice(&op);
        g.extend_from_slice(&[0x2B, 0xD6, 2, 0, 3]);
        let tap = Tap::parse(&g);
        assert!(tap.header);
        assert_eq!(
            tap.cells,
            vec![
                (Merge::None, Merge::Restart),
                (Merge::None, Merge::Continue)
            ]
        );
        assert_eq!(tap.edges, vec![0, 100, 200]);
    }

    #[test]
    fn toggles_refer_to_the_style() {
        let base = Chp {
            bold: true,
            ..Chp::default()
        };
        let mut c = base;
        c.apply(&[0x35, 0x08, 0x81, 0x37, 0x08, 0x01], &base);
        assert!(!c.bold);
        assert!(c.strike);
        c.apply(&[0x35, 0x08, 0x80], &base);
        assert!(c.bold);
    }

    #[test]
    fn fkp_runs_are_found_by_offset() {
        let mut page = vec![0u8; 512];
        // Two CHPX runs: [100,110) bold, [110,120) none.
        for (i, fc) in [100u32, 110, 120].iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&fc.to_le_bytes());
        }
        page[12] = 200; // offset 400
        page[13] = 0;
        page[400..404].copy_from_slice(&[3, 0x35, 0x08, 0x01]);
        page[511] = 2;
        let mut runs = Vec::new();
        read_fkp(&page, FkpKind::Chpx, &mut runs);
        assert_eq!(runs.len(), 2);
        assert_eq!(run_at(&runs, 105).unwrap().grpprl, vec![0x35, 0x08, 0x01]);
        assert!(run_at(&runs, 115).unwrap().grpprl.is_empty());
        assert!(run_at(&runs, 120).is_none());
        assert!(run_at(&runs, 5).is_none());
    }
}
