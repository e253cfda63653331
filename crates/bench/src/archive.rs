//! The generated archive: N documents copied from the fixtures into nested
//! `year/month` folders, each with bytes of its own so that content hashes
//! differ, and each still readable:
//!
//! - text (`.txt`, `.md`): a line `Arkivnummer: bench-N` is appended (in the
//!   file's own encoding when it starts with a UTF-16 byte-order mark);
//! - `.docx`: the zip's archive comment (end-of-central-directory record) is
//!   set to `bench N`, which zip readers accept and Word ignores;
//! - `.pdf`: a comment line `%bench N` follows the final `%%EOF`, the way an
//!   incremental update appends; readers look for the last `%%EOF` within the
//!   final kilobyte;
//! - `.html`: a comment `<!-- bench N -->` is appended;
//! - `.rtf`: an ignorable destination `{\*\bench N}` goes before the final
//!   `}` (readers skip `\*` groups they do not know);
//! - `.org`: a comment line `# bench N` is appended.

use anyhow::{Context, Result, bail};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The formats the archive mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Txt,
    Docx,
    Pdf,
    Html,
    Rtf,
    Org,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Txt,
        Kind::Docx,
        Kind::Pdf,
        Kind::Html,
        Kind::Rtf,
        Kind::Org,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Txt => "txt",
            Kind::Docx => "docx",
            Kind::Pdf => "pdf",
            Kind::Html => "html",
            Kind::Rtf => "rtf",
            Kind::Org => "org",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" => Some(Kind::Txt),
            "docx" => Some(Kind::Docx),
            "pdf" => Some(Kind::Pdf),
            "html" | "htm" => Some(Kind::Html),
            "rtf" => Some(Kind::Rtf),
            "org" => Some(Kind::Org),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Relative weights of the formats, e.g. `txt=40,docx=40,pdf=20`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mix(pub Vec<(Kind, u32)>);

impl Mix {
    /// `txt=40,docx=40,pdf=20`; a format without `=W` weighs 1 (`txt,pdf`
    /// is half and half, `txt` is text only).
    pub fn parse(s: &str) -> Result<Mix, String> {
        let mut parts: Vec<(Kind, u32)> = Vec::new();
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let (name, weight) = match part.split_once('=') {
                Some((n, w)) => (
                    n,
                    w.trim()
                        .parse::<u32>()
                        .map_err(|_| format!("bad weight in {part:?}"))?,
                ),
                None => (part, 1),
            };
            let kind = Kind::parse(name).ok_or_else(|| {
                format!("unknown format {name:?} (txt, docx, pdf, html, rtf, org)")
            })?;
            if parts.iter().any(|(k, _)| *k == kind) {
                return Err(format!("{kind} named twice"));
            }
            if weight > 0 {
                parts.push((kind, weight));
            }
        }
        if parts.is_empty() {
            return Err("the mix names no format with a weight above 0".into());
        }
        parts.sort();
        Ok(Mix(parts))
    }

    /// The format of each of `n` documents: a smooth weighted round-robin, so
    /// the formats interleave evenly and the proportions are exact at every
    /// prefix (a 1k archive has the same mix as the first 1k of a 10k one).
    pub fn assign(&self, n: usize) -> Vec<Kind> {
        let total: i64 = self.0.iter().map(|(_, w)| i64::from(*w)).sum();
        let mut current = vec![0i64; self.0.len()];
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            for (c, (_, w)) in current.iter_mut().zip(&self.0) {
                *c += i64::from(*w);
            }
            let best = (0..current.len())
                .max_by_key(|&i| (current[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            current[best] -= total;
            out.push(self.0[best].0);
        }
        out
    }
}

impl fmt::Display for Mix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: u32 = self.0.iter().map(|(_, w)| w).sum();
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(k, w)| format!("{k} {:.0}%", f64::from(*w) * 100.0 / f64::from(total)))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

/// The fixture files each format is copied from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub txt: Vec<PathBuf>,
    pub docx: Vec<PathBuf>,
    pub pdf: Vec<PathBuf>,
    pub html: Vec<PathBuf>,
    pub rtf: Vec<PathBuf>,
    pub org: Vec<PathBuf>,
}

impl Sources {
    /// The fixtures under `root` (the repository's `fixtures/`): seeds and
    /// real text minutes, the Word test documents, PDFs from four
    /// generators, and `seeds-docx/`, `seeds-pdf/` when they exist; the seeds
    /// as HTML and RTF (`seeds-html/`, `seeds-rtf/`) and the real .rtf and
    /// .org of `corpus/`.
    pub fn from_fixtures(root: &Path) -> Result<Sources> {
        let mut s = Sources::default();
        s.txt.extend(list(&root.join("seeds"), &["txt"])?);
        s.txt.extend(list(&root.join("real"), &["md"])?);
        let testdocs = root.join("testdocs");
        for name in ["seedlike.docx", "numbered.docx", "wordlike.docx"] {
            s.docx.push(testdocs.join(name));
        }
        s.docx
            .extend(list_if_exists(&root.join("seeds-docx"), &["docx"])?);
        s.pdf.push(testdocs.join("docx2pdf/seedlike.pdf"));
        s.pdf.extend(list(&testdocs.join("html2pdf"), &["pdf"])?);
        s.pdf.push(testdocs.join("chromium/seedlike.pdf"));
        s.pdf.push(testdocs.join("cairo/seedlike.pdf"));
        s.pdf
            .extend(list_if_exists(&root.join("seeds-pdf"), &["pdf"])?);
        s.html
            .extend(list_if_exists(&root.join("seeds-html"), &["html"])?);
        s.rtf
            .extend(list_if_exists(&root.join("seeds-rtf"), &["rtf"])?);
        s.rtf
            .extend(list_if_exists(&root.join("corpus"), &["rtf"])?);
        s.org
            .extend(list_if_exists(&root.join("corpus"), &["org"])?);
        for p in s.txt.iter().chain(&s.docx).chain(&s.pdf) {
            if !p.is_file() {
                bail!("fixture {} is missing", p.display());
            }
        }
        Ok(s)
    }

    pub fn of(&self, kind: Kind) -> &[PathBuf] {
        match kind {
            Kind::Txt => &self.txt,
            Kind::Docx => &self.docx,
            Kind::Pdf => &self.pdf,
            Kind::Html => &self.html,
            Kind::Rtf => &self.rtf,
            Kind::Org => &self.org,
        }
    }
}

fn list(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if path.is_file() && exts.contains(&ext.as_str()) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn list_if_exists(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>> {
    if dir.is_dir() {
        list(dir, exts)
    } else {
        Ok(Vec::new())
    }
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Path relative to the archive folder (`/`-separated).
    #[cfg_attr(not(test), allow(dead_code))]
    pub rel: String,
    pub kind: Kind,
    /// The fixture it was made from.
    #[cfg_attr(not(test), allow(dead_code))]
    pub source: PathBuf,
}

/// What [`generate`] made.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub docs: Vec<Generated>,
    pub bytes: u64,
}

impl Archive {
    pub fn count(&self, kind: Kind) -> usize {
        self.docs.iter().filter(|d| d.kind == kind).count()
    }
}

/// Writes `n` documents into `dir` (emptied first), mixing formats by `mix`
/// and cycling through each format's sources.
pub fn generate(dir: &Path, n: usize, mix: &Mix, sources: &Sources) -> Result<Archive> {
    for (kind, _) in &mix.0 {
        if sources.of(*kind).is_empty() {
            bail!("no fixture files for {kind}");
        }
    }
    if dir.exists() {
        fs::remove_dir_all(dir).with_context(|| format!("cannot empty {}", dir.display()))?;
    }
    let originals: Vec<Vec<Vec<u8>>> = Kind::ALL
        .iter()
        .map(|k| {
            sources
                .of(*k)
                .iter()
                .map(|p| fs::read(p).with_context(|| format!("cannot read {}", p.display())))
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<_>>()?;
    let mut used = [0usize; Kind::ALL.len()];
    let mut archive = Archive::default();
    let mut made_dirs = std::collections::HashSet::new();
    for (i, kind) in mix.assign(n).into_iter().enumerate() {
        let k = kind as usize;
        let which = used[k] % originals[k].len();
        used[k] += 1;
        let source = &sources.of(kind)[which];
        let bytes = vary(kind, &originals[k][which], i)
            .with_context(|| format!("cannot vary {}", source.display()))?;
        let rel = doc_path(i, source);
        let path = dir.join(&rel);
        let parent = path.parent().unwrap_or(dir).to_path_buf();
        if made_dirs.insert(parent.clone()) {
            fs::create_dir_all(&parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        archive.bytes += bytes.len() as u64;
        archive.docs.push(Generated {
            rel,
            kind,
            source: source.clone(),
        });
    }
    Ok(archive)
}

/// `2019/04/000123-seedlike.pdf`: ten years of twelve months, filled
/// round-robin, so a 10k archive has about 83 documents a folder.
pub fn doc_path(i: usize, source: &Path) -> String {
    let year = 2016 + i % 10;
    let month = 1 + (i / 10) % 12;
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Keep names short and distinct: the fixture's own name minus a hash-like tail.
    let stem: String = stem.chars().take(24).collect();
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    format!("{year}/{month:02}/{i:06}-{stem}.{ext}")
}

/// The bytes of document `i`, made from `original`.
pub fn vary(kind: Kind, original: &[u8], i: usize) -> Result<Vec<u8>> {
    let mut out = original.to_vec();
    match kind {
        Kind::Txt => {
            let line = format!("\nArkivnummer: bench-{i}\n");
            if original.starts_with(&[0xFF, 0xFE]) {
                out.extend(line.encode_utf16().flat_map(u16::to_le_bytes));
            } else if original.starts_with(&[0xFE, 0xFF]) {
                out.extend(line.encode_utf16().flat_map(u16::to_be_bytes));
            } else {
                out.extend_from_slice(line.as_bytes());
            }
        }
        Kind::Docx => {
            let eocd = find_eocd(original).context("no zip end-of-central-directory record")?;
            let comment = format!("bench {i}");
            out.truncate(eocd + 22);
            out[eocd + 20..eocd + 22].copy_from_slice(&(comment.len() as u16).to_le_bytes());
            out.extend_from_slice(comment.as_bytes());
        }
        Kind::Pdf => {
            if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
                out.push(b'\n');
            }
            out.extend_from_slice(format!("%bench {i}\n").as_bytes());
        }
        Kind::Html => out.extend_from_slice(format!("\n<!-- bench {i} -->\n").as_bytes()),
        Kind::Rtf => {
            let end = out
                .iter()
                .rposition(|&b| b == b'}')
                .context("an RTF file without closing brace")?;
            let mark = format!("{{\\*\\bench {i}}}");
            out.splice(end..end, mark.bytes());
        }
        Kind::Org => out.extend_from_slice(format!("\n# bench {i}\n").as_bytes()),
    }
    Ok(out)
}

/// Offset of the end-of-central-directory record: the last `PK\x05\x06`
/// whose comment length reaches exactly to the end of the file.
fn find_eocd(zip: &[u8]) -> Option<usize> {
    if zip.len() < 22 {
        return None;
    }
    let lowest = zip.len().saturating_sub(22 + usize::from(u16::MAX));
    (lowest..=zip.len() - 22).rev().find(|&pos| {
        zip[pos..pos + 4] == *b"PK\x05\x06" && {
            let len = u16::from_le_bytes([zip[pos + 20], zip[pos + 21]]);
            pos + 22 + usize::from(len) == zip.len()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::io::{Cursor, Read};

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
    }

    #[test]
    fn mix_parses_and_assigns_exact_proportions() {
        let mix = Mix::parse("txt=40,docx=40,pdf=20").unwrap();
        let kinds = mix.assign(1000);
        assert_eq!(kinds.iter().filter(|k| **k == Kind::Txt).count(), 400);
        assert_eq!(kinds.iter().filter(|k| **k == Kind::Docx).count(), 400);
        assert_eq!(kinds.iter().filter(|k| **k == Kind::Pdf).count(), 200);
        // Interleaved, not in blocks.
        assert_eq!(
            &kinds[..5],
            &[Kind::Txt, Kind::Docx, Kind::Pdf, Kind::Txt, Kind::Docx]
        );
        assert_eq!(Mix::parse("txt").unwrap().assign(3), vec![Kind::Txt; 3]);
        assert!(Mix::parse("odt").is_err());
        assert!(Mix::parse("txt=0").is_err());
        assert!(Mix::parse("txt,txt").is_err());
    }

    #[test]
    fn generated_files_have_distinct_bytes_and_stay_readable() {
        let dir = std::env::temp_dir().join(format!("minutes-bench-test-{}", std::process::id()));
        let sources = Sources::from_fixtures(&fixtures()).unwrap();
        let mix = Mix::parse("txt=40,docx=40,pdf=20,html=10,rtf=10,org=10").unwrap();
        let n = 60;
        let archive = generate(&dir, n, &mix, &sources).unwrap();
        assert_eq!(archive.docs.len(), n);
        let mut seen = HashSet::new();
        for doc in &archive.docs {
            let bytes = fs::read(dir.join(&doc.rel)).unwrap();
            assert!(seen.insert(bytes.clone()), "{} repeats bytes", doc.rel);
            let original = fs::read(&doc.source).unwrap();
            match doc.kind {
                Kind::Txt => {
                    assert!(bytes.starts_with(&original));
                    assert!(std::str::from_utf8(&bytes).is_ok());
                }
                Kind::Docx => {
                    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
                    assert!(zip.comment().starts_with(b"bench "));
                    let mut xml = String::new();
                    zip.by_name("word/document.xml")
                        .unwrap()
                        .read_to_string(&mut xml)
                        .unwrap();
                    assert!(xml.contains("<w:body"));
                }
                Kind::Pdf => {
                    assert!(bytes.starts_with(&original));
                    let tail = &bytes[bytes.len() - 64..];
                    assert!(tail.windows(5).any(|w| w == b"%%EOF"));
                }
                Kind::Html | Kind::Rtf | Kind::Org => {
                    let name = doc.rel.rsplit('/').next().unwrap_or("");
                    let format = match minutes::sniff(name, &bytes) {
                        minutes::Sniffed::Read(f) => f,
                        other => panic!("{}: {other:?}", doc.rel),
                    };
                    let read = minutes::read_document(&bytes, format, &Default::default()).unwrap();
                    let first =
                        minutes::read_document(&original, format, &Default::default()).unwrap();
                    assert_eq!(read.plain_text(), first.plain_text(), "{}", doc.rel);
                }
            }
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn paths_nest_by_year_and_month() {
        assert_eq!(
            doc_path(123, Path::new("x/000_554d08a2b9ce75a5.txt")),
            "2019/01/000123-000_554d08a2b9ce75a5.txt"
        );
    }
}
