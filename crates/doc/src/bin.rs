//! Little-endian reads that say "not there" instead of panicking.

pub(crate) fn u8_at(b: &[u8], off: usize) -> Option<u8> {
    b.get(off).copied()
}

pub(crate) fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    let s = b.get(off..off.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

pub(crate) fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    let s = b.get(off..off.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

pub(crate) fn i32_at(b: &[u8], off: usize) -> Option<i32> {
    u32_at(b, off).map(|v| v as i32)
}

/// The `len` bytes at `off`, when they are all there.
pub(crate) fn slice(b: &[u8], off: usize, len: usize) -> Option<&[u8]> {
    b.get(off..off.checked_add(len)?)
}

/// A PLC: `n + 1` u32 positions followed by `n` data items of `cb_data`
/// bytes ([MS-DOC] 2.2.2). Returns the positions and the data area.
pub(crate) fn plc(b: &[u8], cb_data: usize) -> Option<(Vec<u32>, &[u8])> {
    if b.len() < 4 {
        return None;
    }
    let n = (b.len() - 4) / (4 + cb_data);
    let pos: Vec<u32> = (0..=n).filter_map(|i| u32_at(b, i * 4)).collect();
    if pos.len() != n + 1 {
        return None;
    }
    let data = b.get((n + 1) * 4..)?;
    Some((pos, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_past_the_end_are_none() {
        let b = [1, 2, 3, 4, 5];
        assert_eq!(u16_at(&b, 0), Some(0x0201));
        assert_eq!(u32_at(&b, 1), Some(0x0504_0302));
        assert_eq!(u32_at(&b, 2), None);
        assert_eq!(u16_at(&b, usize::MAX), None);
        assert_eq!(slice(&b, 4, 2), None);
    }

    #[test]
    fn plc_splits_positions_and_data() {
        // Two items of 2 bytes: positions 0, 5, 9 then data.
        let mut b = Vec::new();
        for p in [0u32, 5, 9] {
            b.extend_from_slice(&p.to_le_bytes());
        }
        b.extend_from_slice(&[0xAA, 0xBB, 0xCC, 0xDD]);
        let (pos, data) = plc(&b, 2).unwrap();
        assert_eq!(pos, vec![0, 5, 9]);
        assert_eq!(data, &[0xAA, 0xBB, 0xCC, 0xDD]);
        assert!(plc(&[1, 2], 2).is_none());
    }
}
