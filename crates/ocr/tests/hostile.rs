//! Hostile page images give a per-file error, quickly: through the PDF
//! reader with the real Tesseract engine (installed by .ci/run).

use lopdf::{Document, Object, Stream, dictionary};
use minutes_model::ReadOptions;
use std::time::{Duration, Instant};

/// A one-page PDF drawing `image` over the page `draws` times (tiny when
/// more than once).
fn pdf_with_image(image: Stream, draws: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let img_id = doc.add_object(image);
    let content = if draws == 1 {
        b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec()
    } else {
        let mut c = Vec::new();
        for k in 0..draws {
            let (x, y) = (k % 500, (k / 500) % 800);
            c.extend(format!("q 1 0 0 1 {x} {y} cm /Im0 Do Q\n").bytes());
        }
        c
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => img_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut buf = Vec::new();
    doc.save_to(&mut buf).expect("the test PDF is written");
    buf
}

fn image(width: i64, height: i64, filter: &str, data: Vec<u8>) -> Stream {
    let mut s = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => width,
            "Height" => height,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        data,
    );
    if !filter.is_empty() {
        s.dict
            .set("Filter", Object::Name(filter.as_bytes().to_vec()));
    }
    s.allows_compression = false;
    s
}

/// A gray JPEG of `w`×`h` pixels.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::GrayImage::from_fn(w, h, |x, y| image::Luma([((x * 7 + y * 3) % 256) as u8]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("the test JPEG is written");
    out.into_inner()
}

/// Read with OCR; the error, and that it came quickly.
fn read_error(pdf: &[u8]) -> String {
    let start = Instant::now();
    let r = minutes_pdf::read_with(pdf, &ReadOptions::default(), Some(minutes_ocr::engine()));
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    match r {
        Ok(doc) => panic!("read: {:?}", doc.diagnostics),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_zero_sized_image() {
    let e = read_error(&pdf_with_image(image(0, 0, "", Vec::new()), 1));
    assert!(e.contains("0×0"), "{e}");
}

#[test]
fn huge_dimensions_declared_in_the_pdf() {
    let e = read_error(&pdf_with_image(
        image(100_000, 100_000, "DCTDecode", jpeg(8, 8)),
        1,
    ));
    assert!(e.contains("limit"), "{e}");
}

#[test]
fn huge_dimensions_in_the_jpeg_itself() {
    let mut j = jpeg(8, 8);
    // Patch the frame header's height and width to 60000.
    let sof = j
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    j[sof + 5..sof + 9].copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]);
    let e = read_error(&pdf_with_image(image(1654, 2339, "DCTDecode", j), 1));
    assert!(e.contains("limit"), "{e}");
}

#[test]
fn a_truncated_jpeg() {
    let j = jpeg(800, 1100);
    let e = read_error(&pdf_with_image(
        image(800, 1100, "DCTDecode", j[..j.len() / 3].to_vec()),
        1,
    ));
    assert!(e.contains("OCR"), "{e}");
}

#[test]
fn many_tiny_images() {
    let e = read_error(&pdf_with_image(image(1, 1, "", vec![0]), 20_000));
    assert!(e.contains("OCR"), "{e}");
}
