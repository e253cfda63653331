//! Fields (0x13 begin, 0x14 separate, 0x15 end): only the result of a field
//! is text, and a HYPERLINK field links its result.

/// A field being read: its instruction until `separate`, then its result.
struct Field {
    instr: String,
    result: bool,
    link: Option<String>,
}

/// The fields open at a point, innermost last. Counts are kept so that the
/// per-character checks stay O(1) however deeply (hostile) fields nest.
#[derive(Default)]
pub(crate) struct Fields {
    stack: Vec<Field>,
    in_instr: usize,
    linked: Vec<usize>,
}

/// Fields nested deeper than this are not tracked (their marks still
/// balance); no real document comes near.
const MAX_OPEN: usize = 1_000;

impl Fields {
    pub fn begin(&mut self) {
        if self.stack.len() >= MAX_OPEN {
            return;
        }
        self.stack.push(Field {
            instr: String::new(),
            result: false,
            link: None,
        });
        self.in_instr += 1;
    }

    /// Text of the innermost field's instruction.
    pub fn instr(&mut self, s: &str) {
        if let Some(f) = self.stack.last_mut()
            && !f.result
            && f.instr.len() < 4096
        {
            f.instr.push_str(s);
        }
    }

    pub fn separate(&mut self) {
        let i = self.stack.len().wrapping_sub(1);
        if let Some(f) = self.stack.last_mut()
            && !f.result
        {
            f.result = true;
            self.in_instr -= 1;
            f.link = field_link(&f.instr);
            if f.link.is_some() {
                self.linked.push(i);
            }
        }
    }

    /// False when there was no field to end.
    pub fn end(&mut self) -> bool {
        let Some(f) = self.stack.pop() else {
            return false;
        };
        if !f.result {
            self.in_instr -= 1;
        }
        if self.linked.last() == Some(&self.stack.len()) {
            self.linked.pop();
        }
        true
    }

    /// In a field's instruction.
    pub fn in_instr(&self) -> bool {
        self.in_instr > 0
    }

    pub fn link(&self) -> Option<&str> {
        self.linked
            .last()
            .and_then(|&i| self.stack.get(i))
            .and_then(|f| f.link.as_deref())
    }

    pub fn open(&self) -> usize {
        self.stack.len()
    }
}

/// The target of a `HYPERLINK "url" [\l "anchor"]` field instruction (the
/// same reading as the .docx reader's).
pub(crate) fn field_link(instr: &str) -> Option<String> {
    let t = instr.trim_start();
    let (word, rest) = t.split_at(t.find(char::is_whitespace).unwrap_or(t.len()));
    if !word.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    let mut args: Vec<(bool, String)> = Vec::new(); // (is_switch, text)
    let mut chars = rest.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let s: String = chars.by_ref().take_while(|&c| c != '"').collect();
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
            // \l takes the anchor; \o and \t take an argument we skip.
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
    use super::*;

    #[test]
    fn hyperlink_instructions() {
        assert_eq!(
            field_link(r#" HYPERLINK "https://a.se/x" \o "tips""#).as_deref(),
            Some("https://a.se/x")
        );
        assert_eq!(field_link(r#"HYPERLINK \l "p3""#).as_deref(), Some("#p3"));
        assert_eq!(field_link(" PAGE "), None);
    }

    #[test]
    fn only_results_are_visible_and_linked() {
        let mut f = Fields::default();
        assert!(!f.in_instr());
        f.begin();
        f.instr(" HYPERLINK \"https://x.se\" ");
        assert!(f.in_instr());
        f.separate();
        assert!(!f.in_instr());
        assert_eq!(f.link(), Some("https://x.se"));
        assert!(f.end());
        assert_eq!(f.link(), None);
        assert!(!f.end());
    }
}
