//! The piece table (CLX, [MS-DOC] 2.9.38): which bytes of the
//! `WordDocument` stream hold which characters. A piece is either 8-bit
//! ("compressed", Windows-1252) or UTF-16LE.

use crate::Error;
use crate::bin::{plc, slice, u8_at, u16_at, u32_at};

#[derive(Debug, Clone, Copy)]
struct Piece {
    cp_start: u32,
    cp_end: u32,
    /// Byte offset of the piece's first character in the stream.
    fc: u32,
    compressed: bool,
}

/// Characters of a CP range with the stream offset of each, which is what
/// the formatting pages are keyed by.
#[derive(Debug, Default)]
pub(crate) struct Chars {
    pub units: Vec<u16>,
    pub fcs: Vec<u32>,
}

pub(crate) struct PieceTable {
    pieces: Vec<Piece>,
    cp1252: [u16; 256],
}

/// The Windows-1252 code points of the 256 byte values; bytes that
/// Windows-1252 leaves undefined keep their value (as Word does).
fn cp1252_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    for (b, slot) in t.iter_mut().enumerate() {
        let byte = [b as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        *slot = s
            .chars()
            .next()
            .and_then(|c| u16::try_from(c as u32).ok())
            .unwrap_or(b as u16);
    }
    t
}

impl PieceTable {
    /// Parse the CLX: skip the Prcs (property modifiers), then read the
    /// Pcdt's PlcPcd.
    pub fn parse(clx: &[u8]) -> Result<PieceTable, Error> {
        let bad = |what: &str| Error::Corrupt {
            what: format!("the piece table (CLX) {what}"),
        };
        let mut at = 0usize;
        // Each Prc: clxt 0x01, cbGrpprl (i16), grpprl. Bounded by the CLX size.
        while u8_at(clx, at) == Some(0x01) {
            let cb = u16_at(clx, at + 1).ok_or_else(|| bad("ends inside a Prc"))? as i16;
            if cb < 0 {
                return Err(bad("has a Prc of negative size"));
            }
            at = at + 3 + cb as usize;
        }
        if u8_at(clx, at) != Some(0x02) {
            return Err(bad("has no Pcdt"));
        }
        let lcb = u32_at(clx, at + 1).ok_or_else(|| bad("ends inside the Pcdt"))? as usize;
        let body = slice(clx, at + 5, lcb).ok_or_else(|| bad("is shorter than its Pcdt says"))?;
        let (cps, data) = plc(body, 8).ok_or_else(|| bad("has an empty PlcPcd"))?;
        let mut pieces = Vec::with_capacity(cps.len().saturating_sub(1));
        for (i, w) in cps.windows(2).enumerate() {
            let (start, end) = (w[0], w[1]);
            if end < start {
                return Err(bad("has pieces out of order"));
            }
            let fc_raw = u32_at(data, i * 8 + 2).ok_or_else(|| bad("is cut short"))?;
            let compressed = fc_raw & 0x4000_0000 != 0;
            let fc = fc_raw & 0x3FFF_FFFF;
            pieces.push(Piece {
                cp_start: start,
                cp_end: end,
                fc: if compressed { fc / 2 } else { fc },
                compressed,
            });
        }
        Ok(PieceTable {
            pieces,
            cp1252: cp1252_table(),
        })
    }

    /// The last CP the pieces cover.
    pub fn cp_end(&self) -> u32 {
        self.pieces.last().map(|p| p.cp_end).unwrap_or(0)
    }

    /// The characters of CPs `start..end`. Characters whose bytes lie
    /// outside the stream are left out (and counted in the return value).
    pub fn chars(&self, word: &[u8], start: u32, end: u32) -> (Chars, u32) {
        let mut out = Chars::default();
        let mut missing = 0u32;
        if end <= start {
            return (out, 0);
        }
        let first = self.pieces.partition_point(|p| p.cp_end <= start);
        for p in self.pieces.iter().skip(first) {
            if p.cp_start >= end {
                break;
            }
            let from = start.max(p.cp_start);
            let to = end.min(p.cp_end);
            let width = if p.compressed { 1 } else { 2 };
            let first_fc = p.fc as usize + width * (from - p.cp_start) as usize;
            // Only as many characters as the stream holds: a lying piece
            // costs nothing.
            let room = word.len().saturating_sub(first_fc) / width;
            let n = ((to - from) as usize).min(room);
            missing = missing.saturating_add((to - from).saturating_sub(n as u32));
            out.units.reserve(n);
            out.fcs.reserve(n);
            for k in 0..n {
                let fc = first_fc + width * k;
                let unit = if p.compressed {
                    u8_at(word, fc).map(|b| self.cp1252[b as usize])
                } else {
                    u16_at(word, fc)
                };
                match (unit, u32::try_from(fc)) {
                    (Some(u), Ok(fc)) => {
                        out.units.push(u);
                        out.fcs.push(fc);
                    }
                    _ => missing = missing.saturating_add(1),
                }
            }
        }
        (out, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clx(pieces: &[(u32, u32, bool)], cp_end: u32) -> Vec<u8> {
        let mut plc = Vec::new();
        for (cp, _, _) in pieces {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        plc.extend_from_slice(&cp_end.to_le_bytes());
        for (_, fc, comp) in pieces {
            plc.extend_from_slice(&[0, 0]);
            let raw = if *comp { (fc * 2) | 0x4000_0000 } else { *fc };
            plc.extend_from_slice(&raw.to_le_bytes());
            plc.extend_from_slice(&[0, 0]);
        }
        // One Prc first, to be skipped.
        let mut out = vec![0x01, 2, 0, 0xAA, 0xBB, 0x02];
        out.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        out.extend_from_slice(&plc);
        out
    }

    #[test]
    fn compressed_and_utf16_pieces() {
        // "Hé" compressed at 0, then "ö!" UTF-16 at 10.
        let mut word = vec![b'H', 0xE9, 0, 0, 0, 0, 0, 0, 0, 0];
        for u in "ö!".encode_utf16() {
            word.extend_from_slice(&u.to_le_bytes());
        }
        let t = PieceTable::parse(&clx(&[(0, 0, true), (2, 10, false)], 4)).unwrap();
        let (c, missing) = t.chars(&word, 0, 4);
        assert_eq!(missing, 0);
        assert_eq!(String::from_utf16_lossy(&c.units), "Héö!");
        assert_eq!(c.fcs, vec![0, 1, 10, 12]);
        let (c, _) = t.chars(&word, 1, 3);
        assert_eq!(String::from_utf16_lossy(&c.units), "éö");
    }

    #[test]
    fn characters_outside_the_stream_are_counted_not_read() {
        let t = PieceTable::parse(&clx(&[(0, 1000, false)], 5)).unwrap();
        let (c, missing) = t.chars(&[0u8; 10], 0, 5);
        assert!(c.units.is_empty());
        assert_eq!(missing, 5);
    }

    #[test]
    fn malformed_clx_is_an_error() {
        assert!(PieceTable::parse(&[]).is_err());
        assert!(PieceTable::parse(&[0x01, 0xFF, 0x7F]).is_err());
        assert!(PieceTable::parse(&[0x02, 0xFF, 0xFF, 0xFF, 0x0F]).is_err());
    }
}
