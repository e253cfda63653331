//! Word's field instructions, as the .docx and .doc readers meet them
//! (`HYPERLINK "url" \l "anchor"`): one reading for both. RTF's reader has
//! its own, which matches the keyword case-sensitively and gives `\h` an
//! argument.

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
    use super::hyperlink_target;

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
