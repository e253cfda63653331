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
            f.link = minutes_model::fields::hyperlink_target(&f.instr);
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

#[cfg(test)]
mod tests {
    use super::*;

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
