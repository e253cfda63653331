//! Word's fields, as the .docx and .doc readers meet them: the stack of
//! fields open at a point ([`FieldStack`]: begin, instruction, separate,
//! result, end, with one set of bounds for hostile nesting and instruction
//! length) and the reading of a `HYPERLINK "url" \l "anchor"` instruction
//! ([`hyperlink_target`]). RTF's reader has its own instruction reading,
//! which matches the keyword case-sensitively and gives `\h` an argument.

/// Fields nested deeper than this keep only whether they are in their
/// result (one byte each, so a hostile nest costs less memory than its own
/// marks): their instructions are not kept and link nothing. No real
/// document comes near.
pub const MAX_OPEN_FIELDS: usize = 1_000;

/// Bytes of a field's instruction that are kept; the rest is dropped (a
/// HYPERLINK instruction is a few hundred bytes at most).
pub const MAX_INSTRUCTION_BYTES: usize = 4_096;

/// A field being read: its instruction until `separate`, then its result.
#[derive(Debug)]
struct Field {
    instruction: String,
    in_result: bool,
    link: Option<String>,
}

/// The fields open at a point of a Word document, innermost last: a field
/// is its begin mark, an instruction (`HYPERLINK "…"`, `PAGE`, …), an
/// optional separate mark, then its result, which is what Word shows, and
/// its end mark. Fields nest, in the instruction as in the result.
///
/// Counts are kept so that the per-character checks stay O(1) however
/// deeply fields nest. Memory stays below the input's size: at most
/// [`MAX_OPEN_FIELDS`] instructions of [`MAX_INSTRUCTION_BYTES`], one
/// byte for each field nested deeper.
///
/// ```
/// use minutes_model::fields::FieldStack;
/// let mut f = FieldStack::default();
/// f.begin();
/// f.instruction(r#" HYPERLINK "https://a.se" "#);
/// assert!(f.in_instruction()); // not shown
/// f.separate();
/// assert_eq!(f.link(), Some("https://a.se")); // the result is linked
/// assert!(f.end());
/// assert!(!f.end()); // nothing left to end
/// ```
#[derive(Debug, Default)]
pub struct FieldStack {
    stack: Vec<Field>,
    /// The fields open beyond [`MAX_OPEN_FIELDS`]: is each in its result?
    deeper: Vec<bool>,
    /// Open fields (on either stack) still in their instruction part.
    in_instruction: usize,
    /// Indices into `stack` of fields whose result is a hyperlink.
    linked: Vec<usize>,
}

impl FieldStack {
    /// A field's begin mark.
    pub fn begin(&mut self) {
        if self.stack.len() >= MAX_OPEN_FIELDS {
            self.deeper.push(false);
        } else {
            self.stack.push(Field {
                instruction: String::new(),
                in_result: false,
                link: None,
            });
        }
        self.in_instruction += 1;
    }

    /// Text of the innermost field's instruction, kept up to
    /// [`MAX_INSTRUCTION_BYTES`]. Ignored when that field is in its result.
    pub fn instruction(&mut self, s: &str) {
        if !self.deeper.is_empty() {
            return;
        }
        if let Some(f) = self.stack.last_mut()
            && !f.in_result
        {
            let room = MAX_INSTRUCTION_BYTES.saturating_sub(f.instruction.len());
            f.instruction.push_str(prefix_within(s, room));
        }
    }

    /// A field's separate mark: its instruction is complete, its result
    /// follows. A second one in the same field is ignored.
    pub fn separate(&mut self) {
        if let Some(in_result) = self.deeper.last_mut() {
            if !*in_result {
                *in_result = true;
                self.in_instruction -= 1;
            }
            return;
        }
        let i = self.stack.len().wrapping_sub(1);
        if let Some(f) = self.stack.last_mut()
            && !f.in_result
        {
            f.in_result = true;
            self.in_instruction -= 1;
            f.link = hyperlink_target(&f.instruction);
            if f.link.is_some() {
                self.linked.push(i);
            }
        }
    }

    /// A field's end mark. False when no field is open.
    pub fn end(&mut self) -> bool {
        if let Some(in_result) = self.deeper.pop() {
            if !in_result {
                self.in_instruction -= 1;
            }
            return true;
        }
        let Some(f) = self.stack.pop() else {
            return false;
        };
        if !f.in_result {
            self.in_instruction -= 1;
        }
        if self.linked.last() == Some(&self.stack.len()) {
            self.linked.pop();
        }
        true
    }

    /// Text here belongs to a field's instruction, not to what the
    /// document shows.
    pub fn in_instruction(&self) -> bool {
        self.in_instruction > 0
    }

    /// The link of the innermost HYPERLINK field whose result this is.
    pub fn link(&self) -> Option<&str> {
        self.linked
            .last()
            .and_then(|&i| self.stack.get(i))
            .and_then(|f| f.link.as_deref())
    }

    /// How many fields are open (begun, not yet ended).
    pub fn open(&self) -> usize {
        self.stack.len() + self.deeper.len()
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// The target of a `HYPERLINK "url" [\l "anchor"]` field instruction:
/// the link of the field's result, `None` for any other field.
pub fn hyperlink_target(instr: &str) -> Option<String> {
    let t = instr.trim_start();
    let (word, rest) = t.split_at(t.find(char::is_whitespace).unwrap_or(t.len()));
    if !word.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    // Arguments: quoted strings or bare words; switches start with '\'.
    let mut args: Vec<(bool, String)> = Vec::new(); // (is_switch, text)
    let mut chars = rest.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                s.push(c);
            }
            args.push((false, s));
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                s.push(c);
                chars.next();
            }
            args.push((s.starts_with('\\'), s));
        }
    }
    let mut url: Option<String> = None;
    let mut anchor: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        let (switch, text) = &args[i];
        if *switch {
            // \l takes the anchor; \o (tooltip) and \t (target frame) take
            // an argument we do not need; \m and \n take none.
            let takes_arg = matches!(text.as_str(), "\\l" | "\\o" | "\\t");
            if takes_arg && let Some((false, arg)) = args.get(i + 1) {
                if text == "\\l" {
                    anchor = Some(arg.clone());
                }
                i += 1;
            }
        } else if url.is_none() {
            url = Some(text.clone());
        }
        i += 1;
    }
    match (url, anchor) {
        (Some(u), Some(a)) => Some(format!("{u}#{a}")),
        (Some(u), None) => Some(u),
        (None, Some(a)) => Some(format!("#{a}")),
        (None, None) => Some("#".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::{FieldStack, MAX_INSTRUCTION_BYTES, MAX_OPEN_FIELDS, hyperlink_target};

    #[test]
    fn only_results_are_shown_and_a_hyperlink_result_is_linked() {
        let mut f = FieldStack::default();
        assert!(!f.in_instruction());
        f.begin();
        f.instruction(" HYPERLINK ");
        f.instruction("\"https://x.se\" ");
        assert!(f.in_instruction());
        f.separate();
        assert!(!f.in_instruction());
        assert_eq!(f.link(), Some("https://x.se"));
        assert!(f.end());
        assert_eq!(f.link(), None);
        assert_eq!(f.open(), 0);
        assert!(!f.end());
    }

    #[test]
    fn nested_fields_link_their_own_results() {
        let mut f = FieldStack::default();
        f.begin();
        f.instruction("HYPERLINK \"a\"");
        f.separate();
        // A PAGE field inside the link's result: still linked to "a".
        f.begin();
        f.instruction("PAGE");
        assert!(f.in_instruction());
        f.separate();
        assert_eq!(f.link(), Some("a"));
        // A link inside the link: the inner one wins until it ends.
        f.begin();
        f.instruction("HYPERLINK \"b\"");
        f.separate();
        assert_eq!(f.link(), Some("b"));
        assert!(f.end());
        assert_eq!(f.link(), Some("a"));
        assert!(f.end());
        assert!(f.end());
        assert_eq!(f.link(), None);
        // A field without a separate mark shows nothing until its end, and
        // instruction text after the separate mark is not part of it.
        f.begin();
        f.instruction("HYPERLINK \"c\"");
        f.separate();
        f.separate();
        f.instruction(" ignored");
        assert_eq!(f.link(), Some("c"));
        assert!(f.end());
        f.begin();
        assert!(f.end());
        assert!(!f.in_instruction());
    }

    #[test]
    fn nesting_is_bounded_and_the_marks_still_balance() {
        let mut f = FieldStack::default();
        f.begin();
        f.instruction("HYPERLINK \"outer\"");
        f.separate();
        let deep = 3 * MAX_OPEN_FIELDS;
        for k in 1..deep {
            f.begin();
            f.instruction(&format!("HYPERLINK \"{k}\""));
            f.separate();
        }
        assert_eq!(f.open(), deep);
        assert!(f.stack.len() <= MAX_OPEN_FIELDS);
        // Beyond the bound results are still shown, linked to the innermost
        // link within it; instructions there are not kept.
        assert!(!f.in_instruction());
        let innermost = (MAX_OPEN_FIELDS - 1).to_string();
        assert_eq!(f.link(), Some(innermost.as_str()));
        f.begin();
        assert!(f.in_instruction());
        f.separate();
        assert!(!f.in_instruction());
        f.begin(); // ended before its separate mark
        assert!(f.end());
        assert!(!f.in_instruction());
        assert!(f.end());
        // The deeper fields' marks do not reach the tracked ones.
        for _ in 1..deep {
            assert!(f.end());
        }
        assert!(!f.in_instruction());
        assert_eq!(f.link(), Some("outer"));
        assert!(f.end());
        assert!(!f.end());
        assert_eq!(f.open(), 0);
    }

    #[test]
    fn an_instruction_is_kept_up_to_its_bound() {
        let mut f = FieldStack::default();
        f.begin();
        f.instruction("HYPERLINK \"");
        // Two-byte characters, one at a time and then in bulk: the bound
        // never splits one.
        for _ in 0..MAX_INSTRUCTION_BYTES {
            f.instruction("å");
        }
        f.instruction(&"å".repeat(1 << 20));
        f.separate();
        let link = f.link().unwrap_or_default();
        assert!(link.chars().all(|c| c == 'å'), "{link}");
        let kept = "HYPERLINK \"".len() + link.len();
        assert!(kept <= MAX_INSTRUCTION_BYTES && kept + "å".len() > MAX_INSTRUCTION_BYTES);
        let mut f = FieldStack::default();
        f.begin();
        f.instruction(&"x".repeat(1 << 20));
        assert!(
            f.stack
                .iter()
                .all(|s| s.instruction.len() == MAX_INSTRUCTION_BYTES)
        );
    }

    #[test]
    fn hyperlink_field_instructions() {
        let f = hyperlink_target;
        assert_eq!(
            f(r#" HYPERLINK "https://a.se/x y" "#).as_deref(),
            Some("https://a.se/x y")
        );
        assert_eq!(
            f(r#"HYPERLINK https://a.se/b \o "tips""#).as_deref(),
            Some("https://a.se/b")
        );
        assert_eq!(f(r#"HYPERLINK \l "_Toc12""#).as_deref(), Some("#_Toc12"));
        assert_eq!(
            f(r#"hyperlink "doc.docx" \l "p3" \h"#).as_deref(),
            Some("doc.docx#p3")
        );
        assert_eq!(
            f(r#" HYPERLINK "https://a.se/x" \o "tips""#).as_deref(),
            Some("https://a.se/x")
        );
        assert_eq!(f("HYPERLINK").as_deref(), Some("#"));
        assert_eq!(f(r#" PAGE \* MERGEFORMAT "#), None);
        assert_eq!(f("HYPERLINKS x"), None);
        assert_eq!(f(""), None);
    }
}
