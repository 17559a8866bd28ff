//! Source files and positions: the one place where byte offsets become `line:column`.
//!
//! A `SourceFile` keeps the text of a content file with its line index. Front matter is split
//! off here, and YAML errors of any snippet inside the file (front matter or an infographic
//! block) are turned into diagnostics at the right line of the file, never of the snippet.

use std::ops::Range;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Severity, Span};

/// One content file, read into memory.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// Path relative to the site root, as shown in diagnostics.
    pub(crate) path: PathBuf,
    /// The whole text.
    pub(crate) text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Indexes `text`, which was read from `path`. Lines end at `\n`, `\r\n` and a lone `\r`,
    /// as they do for CommonMark and YAML, so that both parsers' lines are the file's lines.
    pub(crate) fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(bytes.iter().enumerate().filter_map(|(i, b)| match b {
                b'\n' => Some(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
                _ => None,
            }))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
        (line + 1, col + 1)
    }

    /// Byte offset of the start of a 1-based line (the end of the text past the last line).
    pub(crate) fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The text of a 1-based line, without its line break.
    pub(crate) fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Span of a byte offset.
    pub(crate) fn span_at(&self, offset: usize) -> Span {
        let (line, col) = self.position(offset);
        Span {
            file: self.path.clone(),
            line,
            col,
        }
    }

    /// An error at a byte offset, with the offending line captured.
    pub(crate) fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let span = self.span_at(offset);
        self.error_at_line(span.line, span.col, message)
    }

    /// An error at a 1-based line and column.
    pub(crate) fn error_at_line(
        &self,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule: crate::diag::Rule::Content,
            severity: Severity::Error,
            span: Some(Span {
                file: self.path.clone(),
                line,
                col,
            }),
            source_line: Some(self.line_text(line).to_string()),
            message: message.into(),
            hint: None,
        }
    }

    /// An error for the file as a whole, pointing at its first line.
    pub(crate) fn error_at_start(&self, message: impl Into<String>) -> Diagnostic {
        self.error_at_line(1, 1, message)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Where a file's front matter and body are.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    /// Byte range of the YAML between the `---` lines.
    pub(crate) front_matter: Range<usize>,
    /// Byte range of the Markdown after the closing `---`.
    pub(crate) body: Range<usize>,
}

/// Splits `---` front matter from the body. Every content file must start with it.
pub(crate) fn split_front_matter(file: &SourceFile) -> Result<Parts, Diagnostic> {
    let text = &file.text;
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line = file.line_text(1).trim_start_matches('\u{feff}');
    if first_line.trim_end() != "---" {
        return Err(file
            .error_at_start("this file does not start with front matter")
            .with_hint(
                "begin the file with a line `---`, the YAML fields (at least `title:`), and another line `---`",
            ));
    }
    let yaml_start = file.line_start(2).max(text_start);
    let mut line = 2;
    while file.line_start(line) < text.len() {
        let l = file.line_text(line);
        if l.trim_end() == "---" || l.trim_end() == "..." {
            return Ok(Parts {
                front_matter: yaml_start..file.line_start(line),
                body: file.line_start(line + 1)..text.len(),
            });
        }
        line += 1;
    }
    Err(file
        .error_at_start("the front matter is never closed")
        .with_hint("add a line `---` after the last front matter field"))
}

/// Separates what is wrong from what would be right in the message of a deserialize error that
/// kennis makes itself (the typed values of `blocks::values`): `yaml_error` turns the part
/// after it into the hint.
pub(crate) const HINT_MARK: char = '\u{1f}';

/// Parses a YAML snippet of `file` that starts at byte `offset` into `T`, turning a failure into
/// a diagnostic at the file's line and column.
pub(crate) fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    what: &str,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str::<T>(yaml).map_err(|err| yaml_error(file, offset, yaml, &err, what))
}

/// Converts a serde_yaml error in a snippet starting at byte `offset` of `file`.
pub(crate) fn yaml_error(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    err: &serde_yaml::Error,
    what: &str,
) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C"; the position goes into the span instead.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let (line, col) = match err.location() {
        // The snippet is a slice of the file (front matter, a block at the margin): its byte
        // index is exact, whatever the line breaks.
        Some(loc)
            if file
                .text
                .get(offset..)
                .is_some_and(|rest| rest.starts_with(yaml)) =>
        {
            file.position(offset + loc.index().min(yaml.len()))
        }
        // The Markdown parser took something off each line (a block indented in a list or
        // quoted): count lines from the snippet's start, and stay inside the file.
        Some(loc) => {
            let (first_line, first_col) = file.position(offset);
            let last_line = file.position(file.text.len()).0;
            let line = (first_line + loc.line().saturating_sub(1)).min(last_line);
            let col = if loc.line() <= 1 {
                first_col + loc.column().saturating_sub(1)
            } else {
                loc.column()
            };
            (line, col)
        }
        None => file.position(offset),
    };
    let (message, hint) = match message.split_once(HINT_MARK) {
        Some((message, hint)) => (message.to_string(), hint.to_string()),
        None => {
            let hint = yaml_hint(without_path(&message));
            (message, hint)
        }
    };
    let mut d = file.error_at_line(line, col, format!("{what}: {message}"));
    d.hint = Some(hint);
    d
}

/// A serde_yaml message without the field path in front (`groups[0].items[0].value: `).
fn without_path(message: &str) -> &str {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.[]".contains(c)) =>
        {
            rest
        }
        _ => message,
    }
}

/// A help line for a YAML mistake, in words an editor understands; every message gets one.
fn yaml_hint(message: &str) -> String {
    known_yaml_hint(message).unwrap_or_else(|| {
        "check the YAML of this line: `field: value`, lists as `- item` lines or `[a, b]`, and quotes around text that holds `: `, `#` or starts with `[`, `{`, `*`, `&` or `!`".to_string()
    })
}

/// The help line for the YAML mistakes that can be named.
fn known_yaml_hint(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected ")
            .nth(1)
            .map(|list| {
                list.split([',', ' '])
                    .map(|w| w.trim_matches('`'))
                    .filter(|w| !w.is_empty() && *w != "one" && *w != "of" && *w != "or")
                    .collect()
            })
            .unwrap_or_default();
        return Some(match crate::diag::suggest(field, &expected) {
            Some(best) => format!(
                "did you mean `{best}`? Allowed fields: {}",
                expected.join(", ")
            ),
            None => format!("remove `{field}`; allowed fields: {}", expected.join(", ")),
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return Some(format!("add a line `{field}: ...`"));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        return Some(match expected {
            "a boolean" => "write `true` or `false`".into(),
            "a string" => "write text here; put it in quotes if it starts with `[`, `{` or another sign".into(),
            "a sequence" => "write a list here: `- item` lines, or `[a, b]`".into(),
            e if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) => {
                "write a whole number of 0 or more".into()
            }
            _ => "check the kind of value: text, a number, a list (`- item` or `[a, b]`) or `true`/`false`".into(),
        });
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let expected = rest.split("expected ").nth(1).unwrap_or("");
        return Some(format!("write one of {expected}"));
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or("");
        return Some(format!("remove one of the two `{field}:` lines"));
    }
    if message.starts_with("invalid length") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        return Some(format!("the list needs {expected}"));
    }
    if message.contains("did not match any variant") {
        return Some("a cell is `true` (a tick), `false` (empty) or a short text".into());
    }
    if message.contains("recursion limit") || message.contains("repetition limit") {
        return Some(
            "the YAML is nested or repeated too deeply; write the data out plainly".into(),
        );
    }
    if message.contains("mapping values are not allowed") {
        return Some("a text value that contains `: ` must be put in quotes".into());
    }
    if message.contains("end of stream") {
        return Some("a quotation mark or bracket opened above is never closed".into());
    }
    if message.contains("did not find expected")
        || message.contains("found character that cannot start")
    {
        return Some("check the indentation and quoting of this line".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are read by the deserializer only")]
    struct Front {
        title: String,
        date: String,
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new("content/x.md", text.to_string())
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let f = file("ab\ncé d\n");
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(3), (2, 1));
        assert_eq!(f.position(7), (2, 4)); // 'd' after a two-byte é
        assert_eq!(f.line_text(2), "cé d");
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are read by the deserializer only")]
    struct Typed {
        draft: Option<bool>,
        age: Option<u32>,
        items: Option<Vec<crate::blocks::values::Count>>,
    }

    // See: the hardening issue, "every kind of bad input gets a clear error with a hint".
    #[test]
    fn every_yaml_error_gets_a_hint_in_plain_words() {
        let error = |yaml: &str| {
            let f = file(&format!("---\n{yaml}\n---\n"));
            parse_yaml::<Typed>(&f, 4, yaml, "front matter").unwrap_err()
        };
        let cases = [
            (
                "draft: misschien",
                "draft: invalid type",
                "write `true` or `false`",
            ),
            (
                "age: -3",
                "age: invalid type",
                "a whole number of 0 or more",
            ),
            ("items: 3", "items: invalid type", "write a list here"),
            (
                "items: [-5]",
                "the value -5 is negative",
                "must be 0 or more",
            ),
            (
                "items: [1e300]",
                "the value 1e300 is larger",
                "thousands or millions",
            ),
            (
                "items: [.nan]",
                "the value NaN is not a finite number",
                "a number of 0 or more",
            ),
            (
                "draft: true\ndraft: false",
                "duplicate field `draft`",
                "remove one of the two",
            ),
            ("age: \"1", "end of stream", "never closed"),
            ("age: *x", "", "check the"),
        ];
        for (yaml, message, hint) in cases {
            let e = error(yaml);
            assert!(e.message.contains(message), "{yaml}: {e:?}");
            assert!(
                e.hint.as_deref().is_some_and(|h| h.contains(hint)),
                "{yaml}: {e:?}"
            );
            assert!(!e.message.contains(HINT_MARK), "{e:?}");
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_for_yaml_and_markdown() {
        let f = file("a\rb\r\nc\nd");
        assert_eq!(f.position(2), (2, 1));
        assert_eq!(f.position(5), (3, 1));
        assert_eq!(f.line_text(2), "b");
        assert_eq!(f.line_text(4), "d");
    }

    // Found by the `front_matter` fuzz target: YAML counts a lone `\r` as a line break, the
    // line index did not, and the error pointed past the end of the file.
    #[test]
    fn fuzz_yaml_errors_after_carriage_returns_stay_on_their_line() {
        let f = file("---\ntitle: A\r\r\rx y\nwho: [\n---\n");
        let parts = split_front_matter(&f).unwrap();
        let yaml = &f.text[parts.front_matter.clone()];
        let e =
            parse_yaml::<Front>(&f, parts.front_matter.start, yaml, "front matter").unwrap_err();
        let span = e.span.clone().unwrap();
        assert_eq!((span.line, span.col), (6, 1), "{e:?}");
        assert_eq!(e.source_line.as_deref(), Some("who: ["));
    }

    #[test]
    fn front_matter_is_split_off() {
        let f = file("---\ntitle: A\n---\nBody\n");
        let parts = split_front_matter(&f).unwrap();
        assert_eq!(&f.text[parts.front_matter], "title: A\n");
        assert_eq!(&f.text[parts.body], "Body\n");
    }

    #[test]
    fn missing_and_unclosed_front_matter_are_errors() {
        assert!(split_front_matter(&file("# Title\n")).is_err());
        let e = split_front_matter(&file("---\ntitle: A\n")).unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
    }

    #[test]
    fn yaml_errors_point_at_the_line_in_the_file() {
        let f = file("---\ntitle: A\ndatum: 2024\n---\n");
        let parts = split_front_matter(&f).unwrap();
        let yaml = &f.text[parts.front_matter.clone()];
        let e =
            parse_yaml::<Front>(&f, parts.front_matter.start, yaml, "front matter").unwrap_err();
        let span = e.span.clone().unwrap();
        assert_eq!((span.line, span.col), (3, 1));
        assert!(e.message.contains("unknown field `datum`"), "{}", e.message);
        assert!(e.hint.unwrap().contains("did you mean `date`"));
        assert_eq!(e.source_line.as_deref(), Some("datum: 2024"));
    }
}
