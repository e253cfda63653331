//! Stream contents decoded with one reused inflater, giving lopdf's bytes.
//!
//! lopdf decodes each stream through a fresh `flate2::read::ZlibDecoder`:
//! a zeroed 32 KiB read buffer and a new inflate state per stream, then a
//! copy of the output into the page's buffer. Pages and fonts have small
//! streams, so that set-up cost about as much as inflating itself. Here the
//! plain case — a `/FlateDecode` stream without `/DecodeParms` that inflates
//! cleanly to its end within the limit, or a stream without `/Filter` —
//! is decoded by one reused [`flate2::Decompress`] straight into the
//! caller's buffer. Everything else (other filters, predictors, damaged or
//! truncated data, too much output) goes to lopdf's own decoder, so the
//! bytes, the fallbacks and the errors are lopdf's in every case.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{DecompressError, Document, Object, ObjectId, Stream};

/// Output room asked for at first, per byte of compressed input (content
/// streams inflate about 3–6 times); the buffer doubles from there.
const FIRST_GUESS: usize = 4;

/// Decodes streams with one inflate state (made on first use).
#[derive(Default)]
pub struct Inflater {
    state: Option<Decompress>,
}

/// What a stream's `/Filter` asks for, as far as the plain path goes.
enum Plain {
    /// No `/Filter`: the content is the data.
    Raw,
    /// `/FlateDecode` alone, no `/DecodeParms`.
    Flate,
    /// Anything else: lopdf's decoder.
    No,
}

fn plain_kind(s: &Stream) -> Plain {
    let flate = |o: &Object| matches!(o, Object::Name(n) if n == b"FlateDecode");
    if s.dict.get(b"DecodeParms").is_ok() {
        return Plain::No;
    }
    match s.dict.get(b"Filter") {
        Err(_) => Plain::Raw,
        Ok(o) if flate(o) => Plain::Flate,
        Ok(Object::Array(a)) if a.len() == 1 && flate(&a[0]) => Plain::Flate,
        Ok(_) => Plain::No,
    }
}

impl Inflater {
    /// Append what `s` decodes to onto `out` if the plain path can (see the
    /// module docs): true then; false, with `out` as it was, otherwise.
    fn try_plain(&mut self, s: &Stream, limit: usize, out: &mut Vec<u8>) -> bool {
        match plain_kind(s) {
            Plain::Raw if s.content.len() <= limit => {
                out.extend_from_slice(&s.content);
                true
            }
            Plain::Flate => self.inflate(&s.content, limit, out),
            Plain::Raw | Plain::No => false,
        }
    }

    /// Inflate the zlib stream `input` onto `out`: true when it ends
    /// cleanly with at most `limit` bytes; false, with `out` as it was,
    /// on damaged or truncated data or more output than that.
    fn inflate(&mut self, input: &[u8], limit: usize, out: &mut Vec<u8>) -> bool {
        let state = self.state.get_or_insert_with(|| Decompress::new(true));
        state.reset(true);
        let start = out.len();
        out.reserve(input.len().saturating_mul(FIRST_GUESS).min(limit) + 64);
        let ok = loop {
            let read = state.total_in() as usize;
            let Some(rest) = input.get(read..) else {
                break false;
            };
            match state.decompress_vec(rest, out, FlushDecompress::Finish) {
                Ok(Status::StreamEnd) => break out.len() - start <= limit,
                // Output room filled: grow it and go on, up to the limit.
                Ok(_) if out.len() == out.capacity() && out.len() - start <= limit => {
                    out.reserve((out.len() - start).max(4096));
                }
                // The input ran out before the stream's end, or damaged data.
                Ok(_) | Err(_) => break false,
            }
        };
        if !ok {
            out.truncate(start);
        }
        ok
    }

    /// The decoded content of `s` (`Stream::decompressed_content_with_limit`
    /// as lopdf gives it).
    pub fn decode(&mut self, s: &Stream, limit: usize) -> lopdf::Result<Vec<u8>> {
        let mut out = Vec::new();
        if self.try_plain(s, limit, &mut out) {
            return Ok(out);
        }
        s.decompressed_content_with_limit(limit)
    }

    /// A page's content streams decoded into `out` (cleared first), each
    /// followed by a newline, as `Document::get_page_content_with_limit`
    /// gives them: a stream that fails to decode counts as its raw bytes.
    /// False (lopdf's error) when they come to more than `limit` bytes.
    pub fn page_content(
        &mut self,
        doc: &Document,
        page_id: ObjectId,
        limit: usize,
        out: &mut Vec<u8>,
    ) -> bool {
        out.clear();
        for id in doc.get_page_contents(page_id) {
            let Ok(s) = doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let remaining = limit.saturating_sub(out.len());
            if !self.try_plain(s, remaining, out) {
                match s.decompressed_content_with_limit(remaining) {
                    Ok(data) => out.extend_from_slice(&data),
                    Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded {
                        ..
                    })) => return false,
                    Err(_) if s.content.len() <= remaining => out.extend_from_slice(&s.content),
                    Err(_) => return false,
                }
            }
            out.push(b'\n');
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = e.write_all(data);
        e.finish().unwrap_or_default()
    }

    fn stream(filter: Option<Object>, content: Vec<u8>) -> Stream {
        let mut d = Dictionary::new();
        if let Some(f) = filter {
            d.set("Filter", f);
        }
        Stream::new(d, content)
    }

    /// Ours and lopdf's agree: bytes or an error.
    fn same(s: &Stream, limit: usize) {
        let ours = Inflater::default().decode(s, limit).ok();
        let theirs = s.decompressed_content_with_limit(limit).ok();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn decodes_as_lopdf_does() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("BT /F1 12 Tf {i} 0 Td (x) Tj ET\n").into_bytes())
            .collect();
        let z = zlib(&text);
        let flate = || Some(Object::Name(b"FlateDecode".to_vec()));
        let mut inf = Inflater::default();
        // Twice with one inflater: the state is reset between streams.
        for _ in 0..2 {
            assert_eq!(
                inf.decode(&stream(flate(), z.clone()), usize::MAX).ok(),
                Some(text.clone())
            );
        }
        same(&stream(flate(), z.clone()), usize::MAX);
        same(&stream(flate(), z.clone()), text.len());
        // Over the limit, truncated, damaged, empty, trailing bytes.
        same(&stream(flate(), z.clone()), text.len() - 1);
        same(&stream(flate(), z[..z.len() / 2].to_vec()), usize::MAX);
        let mut bad = z.clone();
        bad[z.len() / 2] ^= 0x55;
        same(&stream(flate(), bad), usize::MAX);
        same(&stream(flate(), Vec::new()), usize::MAX);
        let mut trailing = z.clone();
        trailing.extend_from_slice(b"\r\nendstream");
        same(&stream(flate(), trailing), usize::MAX);
        // In an array, raw, and lopdf's other filters.
        let arr = Some(Object::Array(vec![Object::Name(b"FlateDecode".to_vec())]));
        same(&stream(arr, z.clone()), usize::MAX);
        same(&stream(None, text.clone()), usize::MAX);
        same(&stream(None, text.clone()), 10);
        let hex = Some(Object::Name(b"ASCIIHexDecode".to_vec()));
        same(&stream(hex, b"414243>".to_vec()), usize::MAX);
    }
}
