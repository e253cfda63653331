//! The File Information Block at the start of the `WordDocument` stream
//! ([MS-DOC] 2.5.1): where everything else is.

use crate::Error;
use crate::bin::{u16_at, u32_at};

/// The FibRgFcLcb97 entries this reader uses, by index.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    Stshf = 1,
    PlcffndRef = 2,
    PlcffndTxt = 3,
    PlcfHdd = 11,
    PlcfBteChpx = 12,
    PlcfBtePapx = 13,
    Clx = 33,
    PlcSpaMom = 40,
    PlcfendRef = 46,
    PlcfendTxt = 47,
    PlcftxbxTxt = 56,
    PlfLst = 73,
    PlfLfo = 74,
}

/// Character counts of the subdocuments, in the order their text follows
/// the main text ([MS-DOC] 2.4.1).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ccp {
    pub text: u32,
    pub ftn: u32,
    pub hdd: u32,
    pub mcr: u32,
    pub atn: u32,
    pub edn: u32,
    pub txbx: u32,
    pub hdr_txbx: u32,
}

impl Ccp {
    /// First CP of the footnote subdocument.
    pub fn ftn_start(&self) -> u32 {
        self.text
    }
    /// First CP of the header subdocument.
    pub fn hdd_start(&self) -> u32 {
        self.text.saturating_add(self.ftn)
    }
    /// First CP of the endnote subdocument.
    pub fn edn_start(&self) -> u32 {
        self.hdd_start()
            .saturating_add(self.hdd)
            .saturating_add(self.mcr)
            .saturating_add(self.atn)
    }
    /// First CP of the text box subdocument.
    pub fn txbx_start(&self) -> u32 {
        self.edn_start().saturating_add(self.edn)
    }
    /// All text, subdocuments included.
    pub fn total(&self) -> u64 {
        [
            self.text,
            self.ftn,
            self.hdd,
            self.mcr,
            self.atn,
            self.edn,
            self.txbx,
            self.hdr_txbx,
        ]
        .iter()
        .map(|&c| c as u64)
        .sum()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Fib {
    /// `1Table` (true) or `0Table`.
    pub table_one: bool,
    pub ccp: Ccp,
    fc_lcb: Vec<(u32, u32)>,
}

/// wIdent of a Word binary document.
const W_IDENT: u16 = 0xA5EC;
/// nFib of Word 97; earlier versions lay the FIB out differently.
const NFIB_97: u16 = 0x00C1;

impl Fib {
    pub fn parse(word: &[u8]) -> Result<Fib, Error> {
        let short = || Error::Corrupt {
            what: format!(
                "the WordDocument stream is {} bytes, too short for its FIB",
                word.len()
            ),
        };
        let ident = u16_at(word, 0).ok_or_else(short)?;
        if ident != W_IDENT {
            return Err(Error::NotWord {
                what: format!("the WordDocument stream starts with {ident:#06x}, not a Word FIB"),
            });
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        // fEncrypted (bit 8) also covers XOR obfuscation (fObfuscated, bit 15).
        if flags & 0x0100 != 0 {
            return Err(Error::Encrypted);
        }
        if n_fib < NFIB_97 {
            let version = match n_fib {
                0..=0x0065 => "Word 6.0",
                0x0066..=0x0068 => "Word 95",
                _ => "a Word 97 pre-release",
            };
            return Err(Error::OldWord { version });
        }
        let table_one = flags & 0x0200 != 0;
        // FibBase (32 bytes), csw + fibRgW (2 + 28), cslw + fibRgLw.
        let cslw = u16_at(word, 62).ok_or_else(short)? as usize;
        let rglw = 64usize;
        let lw = |i: usize| {
            if i < cslw {
                u32_at(word, rglw + 4 * i)
            } else {
                Some(0)
            }
        };
        let ccp = Ccp {
            text: lw(3).ok_or_else(short)?,
            ftn: lw(4).ok_or_else(short)?,
            hdd: lw(5).ok_or_else(short)?,
            mcr: lw(6).ok_or_else(short)?,
            atn: lw(7).ok_or_else(short)?,
            edn: lw(8).ok_or_else(short)?,
            txbx: lw(9).ok_or_else(short)?,
            hdr_txbx: lw(10).ok_or_else(short)?,
        };
        let blob_at = rglw + 4 * cslw;
        let cb = u16_at(word, blob_at).ok_or_else(short)? as usize;
        let fc_lcb = (0..cb)
            .map_while(|i| {
                let at = blob_at + 2 + 8 * i;
                Some((u32_at(word, at)?, u32_at(word, at + 4)?))
            })
            .collect();
        Ok(Fib {
            table_one,
            ccp,
            fc_lcb,
        })
    }

    /// Offset and length in the table stream of a part; `None` when absent.
    pub fn part(&self, p: Part) -> Option<(u32, u32)> {
        self.fc_lcb
            .get(p as usize)
            .copied()
            .filter(|&(_, lcb)| lcb > 0)
    }

    /// The bytes of a part in the table stream; `None` when the FIB gives
    /// none or they lie outside the stream.
    pub fn part_bytes<'t>(&self, table: &'t [u8], p: Part) -> Option<&'t [u8]> {
        let (fc, lcb) = self.part(p)?;
        crate::bin::slice(table, fc as usize, lcb as usize)
    }

    /// The name of the table stream in the container.
    pub fn table_stream(&self) -> &'static str {
        if self.table_one { "/1Table" } else { "/0Table" }
    }
}
