//! Hostile and damaged files: each gives an error naming the problem (or,
//! for damage the reader can read past, a document), never a panic, a hang
//! or unbounded memory.

use minutes_doc::{Error, read};
use minutes_model::ReadOptions;
use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

fn seed() -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/seeds-doc/002_cc484d1eaf08b371.doc"),
    )
    .unwrap()
}

fn opts() -> ReadOptions {
    ReadOptions::default()
}

/// A compound file holding the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    // Version 3: 512-byte sectors, as Word writes them.
    let mut c =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    for (name, data) in streams {
        let mut s = c.create_stream(name).unwrap();
        s.write_all(data).unwrap();
    }
    c.flush().unwrap();
    c.into_inner().into_inner()
}

/// The seed with one stream rewritten by `f`.
fn with_stream(name: &str, f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut c = cfb::CompoundFile::open(Cursor::new(seed())).unwrap();
    let mut data = Vec::new();
    c.open_stream(name).unwrap().read_to_end(&mut data).unwrap();
    f(&mut data);
    let mut s = c.open_stream(name).unwrap();
    s.seek(SeekFrom::Start(0)).unwrap();
    s.write_all(&data).unwrap();
    drop(s);
    c.flush().unwrap();
    c.into_inner().into_inner()
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// Where the FAT entry of `sector` is, for a file with 512-byte sectors
/// whose FAT starts in the header's DIFAT.
fn fat_entry_offset(file: &[u8], sector: u32) -> usize {
    let per_sector = 128;
    let fat_sector = le32(file, 0x4C + 4 * (sector as usize / per_sector));
    512 + fat_sector as usize * 512 + 4 * (sector as usize % per_sector)
}

/// The start sector and directory-entry offset of stream `name`.
fn dir_entry(file: &[u8], name: &str) -> (u32, usize) {
    let units: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let first_dir = le32(file, 0x30) as usize;
    let dir = 512 + first_dir * 512;
    for i in 0..4 {
        let e = dir + i * 128;
        if file[e..e + units.len()] == units[..] {
            return (le32(file, e + 116), e);
        }
    }
    panic!("no {name} entry in the first directory sector");
}

/// The sectors of a chain.
fn chain(file: &[u8], start: u32) -> Vec<u32> {
    let mut v = vec![start];
    loop {
        let next = le32(file, fat_entry_offset(file, *v.last().unwrap()));
        if next >= 0xFFFF_FFFA || v.len() > 10_000 {
            return v;
        }
        v.push(next);
    }
}

fn big_word_doc() -> Vec<u8> {
    // A WordDocument stream large enough to live in the FAT, not the mini FAT.
    compound(&[("/WordDocument", &vec![0u8; 20_000]), ("/1Table", b"x")])
}

#[test]
fn not_a_compound_file() {
    assert!(matches!(read(b"", &opts()), Err(Error::Empty)));
    for bytes in [
        &b"PK\x03\x04rest of a zip"[..],
        b"{\\rtf1\\ansi hello}",
        b"%PDF-1.7",
        b"plain text",
    ] {
        let e = read(bytes, &opts()).unwrap_err();
        assert!(matches!(e, Error::NotDoc { .. }), "{e}");
    }
}

#[test]
fn compound_files_that_are_not_word() {
    let xls = compound(&[("/Workbook", b"BIFF")]);
    let e = read(&xls, &opts()).unwrap_err();
    assert!(e.to_string().contains("Excel"), "{e}");
    let bad_fib = compound(&[("/WordDocument", &[0u8; 600]), ("/1Table", b"")]);
    assert!(matches!(
        read(&bad_fib, &opts()),
        Err(Error::NotWord { .. })
    ));
}

#[test]
fn encrypted_documents_are_named() {
    let enc = with_stream("/WordDocument", |w| w[0x0B] |= 0x01);
    let e = read(&enc, &opts()).unwrap_err();
    assert!(matches!(e, Error::Encrypted), "{e}");
    assert!(e.to_string().contains("password"));
}

#[test]
fn word_95_is_named() {
    let old = with_stream("/WordDocument", |w| {
        w[2..4].copy_from_slice(&0x68u16.to_le_bytes())
    });
    let e = read(&old, &opts()).unwrap_err();
    assert!(e.to_string().contains("Word 95"), "{e}");
}

#[test]
fn truncated_files_give_errors_or_less_text() {
    let full = seed();
    for cut in (0..full.len()).step_by(509) {
        // Either an error or a document: never a panic.
        if let Err(e) = read(&full[..cut], &opts()) {
            assert!(!e.to_string().is_empty());
        }
    }
    let e = read(&full[..full.len() / 2], &opts()).unwrap_err();
    assert!(matches!(e, Error::Container { .. }), "{e}");
}

#[test]
fn a_fat_chain_that_loops_back_to_its_start() {
    let mut file = big_word_doc();
    let (start, _) = dir_entry(&file, "WordDocument");
    let sectors = chain(&file, start);
    assert!(sectors.len() > 3);
    let last = *sectors.last().unwrap();
    let at = fat_entry_offset(&file, last);
    file[at..at + 4].copy_from_slice(&start.to_le_bytes());
    let e = read(&file, &opts()).unwrap_err();
    assert!(matches!(e, Error::Container { .. }), "{e}");
}

#[test]
fn a_fat_chain_that_loops_in_its_middle() {
    let mut file = big_word_doc();
    let (start, _) = dir_entry(&file, "WordDocument");
    let sectors = chain(&file, start);
    let last = *sectors.last().unwrap();
    let at = fat_entry_offset(&file, last);
    file[at..at + 4].copy_from_slice(&sectors[1].to_le_bytes());
    let e = read(&file, &opts()).unwrap_err();
    assert!(matches!(e, Error::Container { .. }), "{e}");
}

#[test]
fn a_fat_claiming_two_to_the_31_sectors() {
    let mut file = big_word_doc();
    // csectFat in the header.
    file[0x2C..0x30].copy_from_slice(&0x8000_0000u32.to_le_bytes());
    // Whatever the reading, no panic and no 8 GiB FAT.
    if let Err(e) = read(&file, &opts()) {
        assert!(!e.to_string().is_empty());
    }
    // A DIFAT pointing at sector 2^31.
    let mut file = big_word_doc();
    file[0x4C..0x50].copy_from_slice(&0x8000_0000u32.to_le_bytes());
    let e = read(&file, &opts()).unwrap_err();
    assert!(matches!(e, Error::Container { .. }), "{e}");
}

#[test]
fn a_stream_claiming_more_bytes_than_the_file() {
    let mut file = big_word_doc();
    let (_, entry) = dir_entry(&file, "WordDocument");
    file[entry + 120..entry + 128].copy_from_slice(&(1u64 << 31).to_le_bytes());
    let e = read(&file, &opts()).unwrap_err();
    assert!(
        matches!(e, Error::TooLarge { .. } | Error::Container { .. }),
        "{e}"
    );
}

#[test]
fn streams_beyond_the_budget_are_refused() {
    let small = ReadOptions {
        max_inflated_bytes: 1_000,
        ..ReadOptions::default()
    };
    let e = read(&seed(), &small).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e}");
}

#[test]
fn a_fib_counting_more_characters_than_bytes() {
    let file = with_stream("/WordDocument", |w| {
        // ccpText is the fourth FibRgLw entry.
        w[76..80].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    });
    let e = read(&file, &opts()).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
}

#[test]
fn flipped_bytes_in_the_streams_never_panic() {
    // A fixed pseudo-random walk over the WordDocument and table streams.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..200 {
        let stream = if round % 2 == 0 {
            "/WordDocument"
        } else {
            "/1Table"
        };
        let picks: Vec<(u64, u8)> = (0..8).map(|_| (next(), next() as u8)).collect();
        let file = with_stream(stream, |w| {
            for (at, v) in &picks {
                let i = (*at % w.len() as u64) as usize;
                w[i] = *v;
            }
        });
        let _ = read(&file, &opts());
    }
}
