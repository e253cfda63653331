//! A guard before parsing: html5ever looks through the stack of open
//! elements for most start tags, so a page nested thousands deep parses in
//! quadratic time. This pass counts how deep the markup nests (an estimate
//! from the tags, without parsing) and drops the tags below a depth, keeping
//! their text, so that the parser never sees a deep stack.

use std::borrow::Cow;

/// Elements without end tag, or whose end tag may be left out (they close
/// themselves when a sibling opens, so they do not make a page deeper).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text: tags inside are not tags.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// A tag found by the scan.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag.
    end: usize,
}

/// The tag starting at `at` (a `<`), if it is one.
fn tag_at(text: &str, at: usize) -> Option<Tag<'_>> {
    let rest = text.get(at + 1..)?;
    let closing = rest.starts_with('/');
    let name_start = at + 1 + usize::from(closing);
    let tail = text.get(name_start..)?;
    let len = tail
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(tail.len());
    if len == 0 || !tail.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = tail.find('>').map_or(text.len(), |e| name_start + e + 1);
    Some(Tag {
        name: tail.get(..len)?,
        closing,
        self_closing: text.get(..close).is_some_and(|t| t.ends_with("/>")),
        end: close,
    })
}

fn nests(name: &str) -> bool {
    !NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Walk the tags, calling `on_tag(start, end, closing)` for each tag of an
/// element that nests.
fn scan(text: &str, mut on_tag: impl FnMut(usize, usize, bool)) {
    let mut i = 0;
    let bytes = text.as_bytes();
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let at = i + off;
        let rest = text.get(at..).unwrap_or_default();
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(text.len(), |e| at + e + 3);
            continue;
        }
        let Some(tag) = tag_at(text, at) else {
            i = at + 1;
            continue;
        };
        if !tag.closing && RAW.iter().any(|r| r.eq_ignore_ascii_case(tag.name)) {
            i = raw_end(text, tag.end, tag.name);
            continue;
        }
        if nests(tag.name) && !tag.self_closing {
            on_tag(at, tag.end, tag.closing);
        }
        i = tag.end.max(at + 1);
    }
}

/// Where the raw text of a `name` element opened before `from` ends: at its
/// end tag, or the end of the page.
fn raw_end(text: &str, from: usize, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.windows(2).position(|w| w == b"</"))
    {
        let at = i + off;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return at;
        }
        i = at + 2;
    }
    text.len()
}

/// The page with nesting tags deeper than `max` removed (their text kept);
/// the page itself when it is shallower.
pub fn flatten(text: &str, max: usize) -> Cow<'_, str> {
    let mut deepest = 0usize;
    let mut depth = 0usize;
    scan(text, |_, _, closing| {
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    });
    if deepest <= max {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut depth = 0usize;
    scan(text, |at, end, closing| {
        let deep = if closing {
            let d = depth > max;
            depth = depth.saturating_sub(1);
            d
        } else {
            depth += 1;
            depth > max
        };
        if deep {
            out.push_str(text.get(copied..at).unwrap_or_default());
            copied = end;
        }
    });
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched_and_deep_ones_cut() {
        let page = "<div><p>a<div>b</div><!-- <div> --><script>'<div>'</script></div>";
        assert!(matches!(flatten(page, 2), Cow::Borrowed(_)));
        let deep = "<div><div><div><b>x</b></div></div></div>";
        assert_eq!(flatten(deep, 2), "<div><div>x</div></div>");
        let broken = "<div <div/> </ <a href='>'>x";
        let _ = flatten(broken, 0);
    }
}
