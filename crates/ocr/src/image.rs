//! The image file Tesseract is handed for a page: a JPEG as stored in the
//! PDF, or raw samples written as PNG; checked against size limits first.

use minutes_pdf::ocr::ImageData;

/// Longest side accepted, in pixels (A0 at 400 dpi is about 19,000).
pub const MAX_SIDE: u32 = 20_000;
/// Most pixels accepted (A3 at 600 dpi is about 70 million).
pub const MAX_PIXELS: u64 = 80_000_000;

/// An image file for Tesseract, with its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFile {
    /// JPEG or PNG bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Check a size against the limits.
pub fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err(format!("the page image is {width}×{height} pixels"));
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "the page image is {width}×{height} pixels, more than the limit ({MAX_SIDE} a side, {MAX_PIXELS} in all)"
        ));
    }
    Ok(())
}

/// The image file for `data`.
pub fn file_of(data: &ImageData) -> Result<ImageFile, String> {
    match data {
        ImageData::Jpeg { bytes, .. } => {
            // The JPEG's own frame header counts, not the PDF's claim.
            let (width, height) =
                jpeg_size(bytes).ok_or("the page image is not a readable JPEG")?;
            check_size(width, height)?;
            Ok(ImageFile {
                bytes: bytes.clone(),
                width,
                height,
            })
        }
        ImageData::Raw {
            width,
            height,
            channels,
            bits,
            samples,
        } => {
            check_size(*width, *height)?;
            Ok(ImageFile {
                bytes: png_of(*width, *height, *channels, *bits, samples)?,
                width: *width,
                height: *height,
            })
        }
    }
}

/// A gray image as a binary PGM file, which Tesseract reads without any
/// decoding cost.
pub fn pgm(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let header = format!("P5\n{width} {height}\n255\n");
    let mut out = Vec::with_capacity(header.len() + pixels.len());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(pixels);
    out
}

/// Write samples as a PNG.
fn png_of(
    width: u32,
    height: u32,
    channels: u8,
    bits: u8,
    samples: &[u8],
) -> Result<Vec<u8>, String> {
    let colour = match channels {
        1 => png::ColorType::Grayscale,
        3 => png::ColorType::Rgb,
        n => return Err(format!("{n} colour components")),
    };
    let depth = match bits {
        1 => png::BitDepth::One,
        8 => png::BitDepth::Eight,
        n => return Err(format!("{n} bits per sample")),
    };
    let row = (width as usize * channels as usize * bits as usize).div_ceil(8);
    let need = row
        .checked_mul(height as usize)
        .ok_or("the page image is too large")?;
    let pixels = samples.get(..need).ok_or("the page image is truncated")?;
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(colour);
    enc.set_depth(depth);
    enc.set_compression(png::Compression::Fast);
    let err = |e: png::EncodingError| format!("could not write the page image: {e}");
    let mut w = enc.write_header().map_err(err)?;
    w.write_image_data(pixels).map_err(err)?;
    w.finish().map_err(err)?;
    Ok(out)
}

/// Width and height from a JPEG's first frame header (SOF0–SOF15 but DHT,
/// JPG and DAC); `None` when the markers run out before one.
pub fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    loop {
        // Skip fill bytes before a marker.
        while *b.get(i)? == 0xFF && *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        if *b.get(i)? != 0xFF {
            return None;
        }
        let m = *b.get(i + 1)?;
        if (0xD0..=0xD9).contains(&m) || m == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
        if (0xC0..=0xCF).contains(&m) && !matches!(m, 0xC4 | 0xC8 | 0xCC) {
            let h = u16::from_be_bytes([*b.get(i + 5)?, *b.get(i + 6)?]);
            let w = u16::from_be_bytes([*b.get(i + 7)?, *b.get(i + 8)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        if len < 2 {
            return None;
        }
        i += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SOI, an APP0 segment, SOF0 for `w`×`h`.
    fn jpeg_head(w: u16, h: u16) -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8];
        v.extend(h.to_be_bytes());
        v.extend(w.to_be_bytes());
        v.extend([1, 1, 0x11, 0]);
        v
    }

    #[test]
    fn jpeg_frame_sizes() {
        assert_eq!(jpeg_size(&jpeg_head(1654, 2339)), Some((1654, 2339)));
        // Truncated before the frame header, or not a JPEG.
        assert_eq!(jpeg_size(&jpeg_head(1654, 2339)[..10]), None);
        assert_eq!(jpeg_size(b"GIF89a"), None);
        assert_eq!(jpeg_size(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), None);
    }

    #[test]
    fn hostile_sizes_are_refused() {
        let huge = ImageData::Jpeg {
            width: 10,
            height: 10,
            bytes: jpeg_head(60_000, 60_000),
        };
        assert!(file_of(&huge).unwrap_err().contains("limit"));
        let empty = ImageData::Jpeg {
            width: 10,
            height: 10,
            bytes: jpeg_head(0, 0),
        };
        assert!(file_of(&empty).unwrap_err().contains("0×0"));
        let truncated = ImageData::Raw {
            width: 100,
            height: 100,
            channels: 1,
            bits: 8,
            samples: vec![0; 50],
        };
        assert!(file_of(&truncated).unwrap_err().contains("truncated"));
    }

    #[test]
    fn raw_samples_become_png() {
        let raw = ImageData::Raw {
            width: 9,
            height: 2,
            channels: 1,
            bits: 1,
            samples: vec![0xAA, 0x80, 0x55, 0x00],
        };
        let f = file_of(&raw).unwrap_or_else(|e| panic!("{e}"));
        assert!(f.bytes.starts_with(b"\x89PNG"));
        let dec = png::Decoder::new(std::io::Cursor::new(f.bytes));
        let reader = dec.read_info().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((reader.info().width, reader.info().height), (9, 2));
    }
}
