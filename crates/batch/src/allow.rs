//! `--allow-failed FILE`: the failures a nightly run knows about and
//! accepts (a scan nobody can read, a file under legal hold), so that they
//! are reported but do not fail the night.

use std::path::Path;

use ignore::overrides::{Override, OverrideBuilder};

use crate::Error;

/// A list of known failures: one path or glob per line, relative to the
/// folder given (as the report's `path`), with gitignore's semantics (a name
/// without `/` matches at any depth, `2019/**` a folder's files); blank
/// lines and lines starting with `#` are comments. Matching ignores case.
#[derive(Debug, Clone)]
pub struct AllowList {
    globs: Override,
    /// How many patterns the list holds.
    len: usize,
}

impl AllowList {
    /// Parses the text of a list; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<AllowList, Error> {
        // "." keeps the matcher from stripping any prefix from the paths.
        let mut builder = OverrideBuilder::new(".");
        let error = |line: usize, message: String| Error::AllowList {
            path: origin.to_path_buf(),
            line,
            message,
        };
        builder
            .case_insensitive(true)
            .map_err(|e| error(0, e.to_string()))?;
        let mut len = 0;
        for (number, line) in text.lines().enumerate() {
            let pattern = line.trim();
            if pattern.is_empty() || pattern.starts_with('#') {
                continue;
            }
            if pattern.starts_with('!') {
                return Err(error(
                    number + 1,
                    format!("{pattern:?}: a list of failures to allow cannot negate"),
                ));
            }
            let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
            builder
                .add(pattern)
                .map_err(|e| error(number + 1, e.to_string()))?;
            len += 1;
        }
        let globs = builder.build().map_err(|e| error(0, e.to_string()))?;
        Ok(AllowList { globs, len })
    }

    /// Reads and parses the list in `path`.
    pub fn read(path: &Path) -> Result<AllowList, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::AllowList {
            path: path.to_path_buf(),
            line: 0,
            message: e.to_string(),
        })?;
        AllowList::parse(&text, path)
    }

    /// Whether a failure of the input at `rel` (the report's `path`) is
    /// allowed.
    pub fn allows(&self, rel: &str) -> bool {
        self.len > 0 && self.globs.matched(rel, false).is_whitelist()
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the list holds no pattern.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> AllowList {
        AllowList::parse(text, Path::new("known.txt")).unwrap()
    }

    #[test]
    fn paths_globs_and_comments() {
        let l = list("# scans nobody can read\n\n2019/trasig.pdf\n*.wpd\n./arkiv/gammalt/**\n");
        assert_eq!(l.len(), 3);
        assert!(l.allows("2019/trasig.pdf"));
        assert!(l.allows("2019/TRASIG.PDF"));
        assert!(!l.allows("2020/trasig.pdf"));
        assert!(l.allows("a/b/c.wpd"));
        assert!(l.allows("arkiv/gammalt/x/y.docx"));
        assert!(!l.allows("arkiv/nytt.docx"));
        assert!(!list("# nothing\n").allows("x.pdf"));
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        let e = AllowList::parse("ok.pdf\n!not-this.pdf\n", Path::new("known.txt")).unwrap_err();
        let message = e.to_string();
        assert!(
            message.contains("known.txt") && message.contains("line 2"),
            "{message}"
        );
        let e = AllowList::parse("a[.pdf\n", Path::new("known.txt")).unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }
}
