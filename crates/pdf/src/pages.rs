//! The page tree, walked within limits.
//!
//! lopdf's `get_pages` sizes its result from the tree's own `/Count`, so a
//! 685-byte file claiming 2^31 pages made it reserve 25 GB and abort. Here
//! nothing the file claims sizes anything: the walk uses an explicit stack,
//! expands each page-tree node once (so cycles and shared subtrees end), and
//! stops with an error at the caller's page limit.

use lopdf::{Document, Object, ObjectId};

/// Deepest page-tree nesting followed; deeper nodes are skipped.
const MAX_DEPTH: usize = 256;

/// Why the page tree could not be listed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TreeError {
    /// The catalog has no `/Pages` reference.
    NoTree,
    /// More than `limit` pages.
    TooMany {
        /// The limit that was passed.
        limit: u32,
    },
}

/// The page objects of `pdf` in document order, at most `limit` of them.
///
/// A kid that is not a dictionary keeps its slot (a blank page, as MuPDF and
/// lopdf treat it); a kid of another type is skipped.
pub(crate) fn page_ids(pdf: &Document, limit: u32) -> Result<Vec<ObjectId>, TreeError> {
    let root = pdf
        .catalog()
        .and_then(|cat| cat.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|_| TreeError::NoTree)?;
    let mut pages = Vec::new();
    let mut expanded = std::collections::HashSet::new();
    // Each entry: the kids still to visit at one level, in reverse order so
    // that `pop` yields them first to last.
    let mut stack: Vec<Vec<ObjectId>> = Vec::new();
    expanded.insert(root);
    stack.push(kids(pdf, root));
    while let Some(level) = stack.last_mut() {
        let Some(kid) = level.pop() else {
            stack.pop();
            continue;
        };
        match pdf.get_dictionary(kid).and_then(|d| d.get_type()) {
            Ok(b"Pages") => {
                if stack.len() < MAX_DEPTH && expanded.insert(kid) {
                    stack.push(kids(pdf, kid));
                }
            }
            Ok(b"Page") | Err(_) => {
                if pages.len() >= limit as usize {
                    return Err(TreeError::TooMany { limit });
                }
                pages.push(kid);
            }
            Ok(_) => {}
        }
    }
    Ok(pages)
}

/// The references in a node's `/Kids`, last first.
fn kids(pdf: &Document, node: ObjectId) -> Vec<ObjectId> {
    let Ok(array) = pdf
        .get_dictionary(node)
        .and_then(|d| d.get_deref(b"Kids", pdf))
        .and_then(Object::as_array)
    else {
        return Vec::new();
    };
    array
        .iter()
        .rev()
        .filter_map(|k| k.as_reference().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Object};

    fn node(kids: &[ObjectId], count: i64) -> Object {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"Pages".to_vec()));
        d.set(
            "Kids",
            Object::Array(kids.iter().map(|k| Object::Reference(*k)).collect()),
        );
        d.set("Count", Object::Integer(count));
        Object::Dictionary(d)
    }

    fn page() -> Object {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"Page".to_vec()));
        Object::Dictionary(d)
    }

    /// A tree: catalog 1, root node 2, and what `build` adds.
    fn doc(build: impl FnOnce(&mut Document)) -> Document {
        let mut pdf = Document::with_version("1.7");
        let mut cat = Dictionary::new();
        cat.set("Type", Object::Name(b"Catalog".to_vec()));
        cat.set("Pages", Object::Reference((2, 0)));
        pdf.objects.insert((1, 0), Object::Dictionary(cat));
        pdf.trailer.set("Root", Object::Reference((1, 0)));
        build(&mut pdf);
        pdf
    }

    #[test]
    fn pages_come_in_document_order_through_nested_nodes() {
        let pdf = doc(|p| {
            p.objects.insert((2, 0), node(&[(3, 0), (4, 0), (6, 0)], 3));
            p.objects.insert((3, 0), page());
            p.objects.insert((4, 0), node(&[(5, 0)], 1));
            p.objects.insert((5, 0), page());
            p.objects.insert((6, 0), page());
        });
        assert_eq!(page_ids(&pdf, 10), Ok(vec![(3, 0), (5, 0), (6, 0)]));
    }

    #[test]
    fn a_lying_count_sizes_nothing() {
        // The shape of the 685-byte file that made lopdf reserve 25 GB.
        let pdf = doc(|p| {
            p.objects.insert((2, 0), node(&[(3, 0), (4, 0)], 1));
            p.objects.insert((3, 0), page());
            p.objects.insert((4, 0), node(&[], i64::from(i32::MAX)));
        });
        assert_eq!(page_ids(&pdf, 2_000), Ok(vec![(3, 0)]));
    }

    #[test]
    fn cycles_and_shared_subtrees_are_expanded_once() {
        let pdf = doc(|p| {
            // 2 -> [3, 4, 4, 2]; 4 -> [5, 2]
            p.objects
                .insert((2, 0), node(&[(3, 0), (4, 0), (4, 0), (2, 0)], 9));
            p.objects.insert((3, 0), page());
            p.objects.insert((4, 0), node(&[(5, 0), (2, 0)], 9));
            p.objects.insert((5, 0), page());
        });
        assert_eq!(page_ids(&pdf, 10), Ok(vec![(3, 0), (5, 0)]));
    }

    #[test]
    fn the_page_limit_stops_the_walk() {
        let pdf = doc(|p| {
            // One page referenced 10,000 times: the limit, not the file, ends it.
            p.objects
                .insert((2, 0), node(&vec![(3, 0); 10_000], 10_000));
            p.objects.insert((3, 0), page());
        });
        assert_eq!(page_ids(&pdf, 50), Err(TreeError::TooMany { limit: 50 }));
        assert_eq!(page_ids(&pdf, 10_000).map(|p| p.len()), Ok(10_000));
    }

    #[test]
    fn no_page_tree_is_an_error() {
        let pdf = doc(|_| {});
        assert_eq!(page_ids(&pdf, 10), Ok(vec![]));
        let mut pdf = Document::with_version("1.7");
        pdf.trailer.set("Root", Object::Reference((1, 0)));
        assert_eq!(page_ids(&pdf, 10), Err(TreeError::NoTree));
    }
}
