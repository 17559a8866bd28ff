//! Source files and positions: the one place where byte offsets become `line:column`.
//!
//! A `SourceFile` keeps the text of a content file with its line index. Front matter is split
//! off here, and YAML errors of any snippet inside the file (front matter or an infographic
//! block) are turned into diagnostics at the right line of the file, never of the snippet.
//!
//! Input is bounded here too: one linear pass over each YAML snippet before it is parsed
//! (`scan_yaml`: nesting, unclosed brackets and quotes, keys given twice), and one over each
//! Markdown body (`check_markdown_nesting`), so that no input takes time beyond its size.

use crate::messages::Text;
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
    pub(crate) fn error_at(&self, offset: usize, message: impl Into<Text>) -> Diagnostic {
        let span = self.span_at(offset);
        self.error_at_line(span.line, span.col, message)
    }

    /// An error at a 1-based line and column.
    pub(crate) fn error_at_line(
        &self,
        line: usize,
        col: usize,
        message: impl Into<Text>,
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
            message: message.into().into(),
            hint: None,
        }
    }

    /// An error for the file as a whole, pointing at its first line.
    pub(crate) fn error_at_start(&self, message: impl Into<Text>) -> Diagnostic {
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
            .error_at_start(crate::messages::front_matter_missing())
            .with_hint(crate::messages::front_matter_missing_hint()));
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
        .error_at_start(crate::messages::front_matter_unclosed())
        .with_hint(crate::messages::front_matter_unclosed_hint()))
}

/// Separates what is wrong from what would be right in the message of a deserialize error that
/// kennis makes itself (the typed values of `blocks::values`): `yaml_error` turns the part
/// after it into the hint.
pub(crate) const HINT_MARK: char = '\u{1f}';

/// How deep things may nest inside each other: brackets and braces in YAML, and block quotes,
/// list items, emphasis and links in Markdown. Nothing an editor writes comes near it; beyond
/// it, the YAML parser and the search indexer take time that grows with the square of the
/// depth, and browsers stop showing the nesting as written. See README.md, "Limits".
pub(crate) const MAX_NESTING: usize = 100;

/// Parses a YAML snippet of `file` that starts at byte `offset` into `T`, turning a failure into
/// a diagnostic at the file's line and column.
///
/// One pass over the snippet comes first (`scan_yaml`): brackets nested deeper than
/// `MAX_NESTING` are refused before the parser sees them, and when the parser fails, a bracket
/// or quotation mark that is never closed is named where it was opened.
pub(crate) fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    what: impl std::fmt::Display,
) -> Result<T, Diagnostic> {
    let what: &dyn std::fmt::Display = &what;
    let scan = scan_yaml(yaml);
    if let Some(at) = scan.too_deep {
        let (line, col) = snippet_position(file, offset, yaml, at, snippet_line_col(yaml, at));
        return Err(file
            .error_at_line(
                line,
                col,
                crate::messages::yaml_problem_in(
                    what,
                    crate::messages::yaml_nested_too_deep(MAX_NESTING),
                ),
            )
            .with_hint(crate::messages::yaml_nested_too_deep_hint(MAX_NESTING)));
    }
    match serde_yaml::from_str::<T>(yaml) {
        // A key given twice in a mapping of any kind: serde_yaml refuses it for fields, but lets
        // the second win in a map.
        Ok(value) => match &scan.duplicate {
            Some(duplicate) => Err(duplicate_error(file, offset, yaml, duplicate, what)),
            None => Ok(value),
        },
        Err(err) => {
            let failed_at = err.location().map_or(usize::MAX, |loc| loc.index());
            if let Some(open) = scan.unclosed.filter(|open| failed_at >= open.at) {
                return Err(unclosed_error(file, offset, yaml, open, what));
            }
            let message = err.to_string();
            match &scan.duplicate {
                Some(duplicate)
                    if message.contains("duplicate field")
                        || message.contains("duplicate entry") =>
                {
                    Err(duplicate_error(file, offset, yaml, duplicate, what))
                }
                _ => Err(yaml_error(file, offset, yaml, &err, what)),
            }
        }
    }
}

/// Checks that the Markdown in `range` of `file`, read with `options` as the body is, nests
/// block quotes, list items, footnotes, emphasis, links and images at most `MAX_NESTING` deep.
/// The parser's own time is linear; what comes after it (the search index, a browser) is not,
/// on deeper nesting. The error is where the limit is crossed.
pub(crate) fn check_markdown_nesting(
    file: &SourceFile,
    range: Range<usize>,
    options: pulldown_cmark::Options,
) -> Result<(), Diagnostic> {
    let text = &file.text[range.clone()];
    match markdown_too_deep(text, options, MAX_NESTING) {
        None => Ok(()),
        Some(at) => Err(file
            .error_at(
                range.start + at,
                crate::messages::markdown_nested_too_deep(MAX_NESTING),
            )
            .with_hint(crate::messages::markdown_nested_too_deep_hint(MAX_NESTING))),
    }
}

/// The byte offset where Markdown nests deeper than `limit`, if it does. A scan of the bytes
/// first (`may_nest_deeper`) clears nearly every text; only what it cannot clear is parsed.
fn markdown_too_deep(text: &str, options: pulldown_cmark::Options, limit: usize) -> Option<usize> {
    use pulldown_cmark::{Event, Parser, Tag};
    if !may_nest_deeper(text, limit) {
        return None;
    }
    // Per open element, whether it counts; paragraphs, tables, headings and the list around
    // its items add at most a few levels to any depth.
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0;
    for (event, span) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let counts = matches!(
                    tag,
                    Tag::BlockQuote(_)
                        | Tag::Item
                        | Tag::FootnoteDefinition(_)
                        | Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Superscript
                        | Tag::Subscript
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                        | Tag::DefinitionListDefinition
                );
                open.push(counts);
                depth += usize::from(counts);
                if depth > limit {
                    return Some(span.start);
                }
            }
            Event::End(_) => depth -= usize::from(open.pop().unwrap_or(false)),
            _ => {}
        }
    }
    None
}

/// Whether Markdown might nest deeper than `limit`, from an upper bound that one look at each
/// byte gives. A container opens on a line only with a mark in front of the line's text (`>`,
/// `-`, `1.`, `[^x]:`), inside the containers that the line continues, each of which takes a
/// mark or at least two columns of indentation there; emphasis, links and images open with
/// one of `*_~[<^` and end with their paragraph. So no depth in a paragraph (a run of lines
/// that are not blank) is more than the most marks and half-columns in front of one of its
/// lines, plus all those signs in it.
fn may_nest_deeper(text: &str, limit: usize) -> bool {
    let b = text.as_bytes();
    let (mut block, mut inline) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
            i += 1;
        }
        let line = &b[start..i];
        i += if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        if line.iter().all(|c| matches!(c, b' ' | b'\t')) {
            (block, inline) = (0, 0);
            continue;
        }
        let (mut j, mut columns, mut marks) = (0, 0, 0);
        let ends_mark = |k: usize| matches!(line.get(k), None | Some(b' ' | b'\t'));
        loop {
            match line.get(j) {
                Some(b' ') => columns += 1,
                Some(b'\t') => columns += 4,
                Some(b'>' | b':') => marks += 1,
                Some(b'[') => {
                    // A footnote's `[^label]:` is one mark, and more may follow it.
                    marks += 1;
                    if line.get(j + 1) == Some(&b'^') {
                        match line[j..].windows(2).position(|w| w == b"]:") {
                            Some(end) => j += end + 1,
                            None => break,
                        }
                    }
                }
                Some(b'-' | b'+' | b'*') if ends_mark(j + 1) => marks += 1,
                Some(c) if c.is_ascii_digit() => {
                    let mut k = j;
                    while line.get(k).is_some_and(u8::is_ascii_digit) {
                        k += 1;
                    }
                    if !(matches!(line.get(k), Some(b'.' | b')')) && ends_mark(k + 1)) {
                        break;
                    }
                    marks += 1;
                    j = k;
                }
                _ => break,
            }
            j += 1;
        }
        block = block.max(marks + columns / 2);
        inline += line
            .iter()
            .filter(|c| matches!(c, b'*' | b'_' | b'~' | b'[' | b'<' | b'^'))
            .count();
        if block + inline > limit {
            return true;
        }
    }
    false
}

/// Where a byte `index` of a YAML snippet starting at byte `offset` of `file` is in the file;
/// `line_col` is its 1-based line and column within the snippet.
fn snippet_position(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    index: usize,
    line_col: (usize, usize),
) -> (usize, usize) {
    // The snippet is a slice of the file (front matter, a block at the margin): its byte index
    // is exact, whatever the line breaks.
    if file
        .text
        .get(offset..)
        .is_some_and(|rest| rest.starts_with(yaml))
    {
        return file.position(offset + index.min(yaml.len()));
    }
    // The Markdown parser took something off each line (a block indented in a list or quoted):
    // count lines from the snippet's start, and stay inside the file.
    let (line, col) = line_col;
    let (first_line, first_col) = file.position(offset);
    let last_line = file.position(file.text.len()).0;
    let file_line = (first_line + line.saturating_sub(1)).min(last_line);
    let file_col = if line <= 1 {
        first_col + col.saturating_sub(1)
    } else {
        col
    };
    (file_line, file_col)
}

/// 1-based line and character column of a byte index of a snippet, with YAML's line breaks.
fn snippet_line_col(yaml: &str, index: usize) -> (usize, usize) {
    let before = &yaml[..floor_char_boundary(yaml, index.min(yaml.len()))];
    let bytes = before.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, before[start..].chars().count() + 1)
}

/// Converts a serde_yaml error in a snippet starting at byte `offset` of `file`.
fn yaml_error(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    err: &serde_yaml::Error,
    what: &dyn std::fmt::Display,
) -> Diagnostic {
    let raw = err.to_string();
    let (line, col) = match err.location() {
        Some(loc) => snippet_position(file, offset, yaml, loc.index(), (loc.line(), loc.column())),
        None => file.position(offset),
    };
    let (message, hint) = yaml_message(&raw);
    let mut d = file.error_at_line(line, col, crate::messages::yaml_problem_in(what, message));
    d.hint = Some(hint.into());
    d
}

/// The message and the hint for the text of a serde_yaml error, in the run's language.
fn yaml_message(raw: &str) -> (Text, Text) {
    use crate::messages as m;
    // serde_yaml appends " at line L column C" (the parser also the context: ", while parsing
    // a block mapping"); the position goes into the span instead.
    let before = |text: &'_ str, cuts: &[&str]| -> usize {
        cuts.iter()
            .filter_map(|cut| text.find(cut))
            .min()
            .unwrap_or(text.len())
    };
    let message = &raw[..before(raw, &[" at line ", " at position "])];
    let (path, rest) = split_path(message);
    let in_path = |text: Text| match path {
        Some(path) => m::yaml_problem_in(path, text),
        None => text,
    };
    // A message kennis made itself (the typed values of `blocks::values`) is in the run's
    // language already, with its hint after the mark.
    if let Some((own, hint)) = rest.split_once(HINT_MARK) {
        return (in_path(m::yaml_own_message(own)), m::yaml_own_message(hint));
    }
    let problem = read_yaml_problem(&rest[..before(rest, &[", while "])]);
    (in_path(problem.text()), problem.hint())
}

/// What one pass over a YAML snippet found (`scan_yaml`).
#[derive(Debug, Default)]
struct YamlScan {
    /// The byte index of a `[` or `{` nested deeper than `MAX_NESTING`; the scan stops there.
    too_deep: Option<usize>,
    /// The bracket, brace or quotation mark that is most likely never closed, if any is.
    unclosed: Option<Unclosed>,
    /// The first key given twice in one mapping.
    duplicate: Option<Duplicate>,
}

/// A `[`, `{`, `"` or `'` that is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unclosed {
    /// Byte index of the mark in the snippet.
    at: usize,
    /// The mark.
    mark: u8,
    /// Where the scan saw that it is not closed: the end of the snippet, or the start of a line
    /// that begins a new field while the mark is still open. The first seen is the likeliest.
    seen_at: usize,
}

impl Unclosed {
    /// Which of two suspects to name: the one seen first; at the same place a quotation mark
    /// (which swallows every bracket after it), else the one opened first.
    fn likelier(self, other: Unclosed) -> Unclosed {
        let key = |u: &Unclosed| (u.seen_at, !matches!(u.mark, b'"' | b'\''), u.at);
        if key(&other) < key(&self) {
            other
        } else {
            self
        }
    }

    fn closer(&self) -> u8 {
        match self.mark {
            b'[' => b']',
            b'{' => b'}',
            quote => quote,
        }
    }
}

/// A key given twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Duplicate {
    key: String,
    /// Byte indexes of the first and the second occurrence.
    first: usize,
    second: usize,
}

/// A list or mapping written as indented lines, open at column `col`, as the YAML parser
/// keeps them: text and `|` blocks continue on the lines indented more than the innermost.
#[derive(Debug)]
struct Indent {
    col: isize,
    /// The keys so far of a mapping; `None` for a list.
    keys: Option<Vec<(String, usize)>>,
}

/// An open `[` or `{`, with what a `{` holds so far.
#[derive(Debug)]
struct FlowLevel {
    at: usize,
    keys: Vec<(String, usize)>,
    /// Where the current entry starts, while its key may still follow.
    entry: Option<usize>,
    /// The current entry has had its `:` (or is a collection): no key follows.
    keyed: bool,
}

/// One linear pass over a YAML snippet that follows its structure far enough to know which
/// `[`, `{`, `"` and `'` open something (not those inside text, comments or `|` blocks), how
/// deep brackets nest, which are never closed, and which keys are given twice. It decides
/// nothing about validity, which is the YAML parser's job: it explains the parser's failures,
/// and keeps it from deep nesting, on which its time grows with the square of the depth.
fn scan_yaml(yaml: &str) -> YamlScan {
    let mut scanner = YamlScanner {
        yaml,
        b: yaml.as_bytes(),
        i: if yaml.starts_with('\u{feff}') { 3 } else { 0 },
        line_start: 0,
        open: Vec::new(),
        indents: Vec::new(),
        block_scalar: None,
        plain_more: None,
        scan: YamlScan::default(),
    };
    scanner.run();
    scanner.scan
}

/// The state of `scan_yaml`. Columns are byte columns (indentation is spaces); a parent column
/// of -1 is the top level.
struct YamlScanner<'a> {
    yaml: &'a str,
    b: &'a [u8],
    i: usize,
    /// Byte index of the start of the current line.
    line_start: usize,
    /// The open `[` and `{`, innermost last.
    open: Vec<FlowLevel>,
    /// The lists and mappings written as indented lines that are open, innermost last.
    indents: Vec<Indent>,
    /// Inside a `|` or `>` block: lines indented more than this column belong to it.
    block_scalar: Option<isize>,
    /// After a plain text value: lines indented more than this column continue it.
    plain_more: Option<isize>,
    scan: YamlScan,
}

/// A key as written, without its quotation marks.
fn key_name(written: &str) -> String {
    let written = written.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = written
            .strip_prefix(quote)
            .and_then(|w| w.strip_suffix(quote))
        {
            return inner.to_string();
        }
    }
    written.to_string()
}

/// Adds a key to the keys of its mapping; the first repeat is kept in `found`.
fn add_key(keys: &mut Vec<(String, usize)>, key: String, at: usize, found: &mut Option<Duplicate>) {
    if found.is_none()
        && let Some((_, first)) = keys.iter().find(|(k, _)| *k == key)
    {
        *found = Some(Duplicate {
            key: key.clone(),
            first: *first,
            second: at,
        });
    }
    keys.push((key, at));
}

impl YamlScanner<'_> {
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(b'\n')
    }

    fn done(&self) -> bool {
        self.i >= self.b.len() || self.scan.too_deep.is_some()
    }

    fn is_break(&self, i: usize) -> bool {
        i >= self.b.len() || matches!(self.b[i], b'\n' | b'\r')
    }

    /// Whether the byte at `i` ends a token: a space, a tab or the end of the line.
    fn is_blank(&self, i: usize) -> bool {
        self.is_break(i) || matches!(self.b[i], b' ' | b'\t')
    }

    fn col(&self) -> isize {
        (self.i - self.line_start) as isize
    }

    /// Moves past the line break at `self.i` (if there is one) to the next line.
    fn next_line(&mut self) {
        if self.at(self.i) == b'\r' && self.at(self.i + 1) == b'\n' {
            self.i += 1;
        }
        self.i = (self.i + 1).min(self.b.len());
        self.line_start = self.i;
    }

    fn skip_to_break(&mut self) {
        while !self.is_break(self.i) {
            self.i += 1;
        }
    }

    fn suspect(&mut self, found: Unclosed) {
        self.scan.unclosed = Some(match self.scan.unclosed {
            Some(known) => known.likelier(found),
            None => found,
        });
    }

    /// The column of the innermost open list or mapping written as lines; -1 at the top.
    fn block_indent(&self) -> isize {
        self.indents.last().map_or(-1, |i| i.col)
    }

    /// Closes the lists and mappings indented more than a token at column `col`.
    fn unroll(&mut self, col: isize) {
        while self.indents.last().is_some_and(|i| i.col > col) {
            self.indents.pop();
        }
    }

    /// A key (its text, if it is text) at column `col` of a mapping written as lines.
    fn block_key(&mut self, col: isize, key: Option<(String, usize)>) {
        if self.block_indent() < col {
            self.indents.push(Indent {
                col,
                keys: Some(Vec::new()),
            });
        }
        if let Some(Indent {
            col: c,
            keys: Some(keys),
        }) = self.indents.last_mut()
            && *c == col
            && let Some((key, at)) = key
        {
            add_key(keys, key, at, &mut self.scan.duplicate);
        }
    }

    /// Indentation of the line starting at `self.line_start`, and whether the line reads like
    /// the start of a new field (`name:` or `- name:`), which a value still open would swallow.
    fn line_is_field(&self) -> (isize, bool) {
        let mut i = self.line_start;
        while self.at(i) == b' ' {
            i += 1;
        }
        let indent = (i - self.line_start) as isize;
        if self.at(i) == b'-' && self.is_blank(i + 1) {
            i += 1;
            while self.at(i) == b' ' {
                i += 1;
            }
        }
        let name = i;
        while self.at(i).is_ascii_alphanumeric() || matches!(self.at(i), b'_' | b'-') {
            i += 1;
        }
        (
            indent,
            i > name && self.at(i) == b':' && self.is_blank(i + 1),
        )
    }

    fn run(&mut self) {
        while !self.done() {
            self.line();
        }
        if self.scan.too_deep.is_some() {
            return;
        }
        for level in std::mem::take(&mut self.open) {
            self.suspect(Unclosed {
                at: level.at,
                mark: self.b[level.at],
                seen_at: self.b.len(),
            });
        }
    }

    /// One line in block context, from its start.
    fn line(&mut self) {
        self.line_start = self.i;
        let mut content = self.i;
        while self.at(content) == b' ' {
            content += 1;
        }
        let indent = (content - self.i) as isize;
        let empty = self.is_break(content);
        if let Some(parent) = self.block_scalar {
            if empty || indent > parent {
                self.i = content;
                self.skip_to_break();
                self.next_line();
                return;
            }
            self.block_scalar = None;
        }
        if let Some(parent) = self.plain_more {
            if empty || (indent > parent && self.at(content) != b'#') {
                self.i = content;
                self.skip_to_break();
                self.next_line();
                return;
            }
            self.plain_more = None;
        }
        let marker = &self.b[content..self.b.len().min(content + 3)];
        if indent == 0 && (marker == b"---" || marker == b"...") && self.is_blank(content + 3) {
            // A new document: its keys are its own.
            self.indents.clear();
            self.skip_to_break();
            self.next_line();
            return;
        }
        if indent == 0 && self.at(content) == b'%' {
            self.skip_to_break();
            self.next_line();
            return;
        }
        self.i = content;
        if self.at(content) != b'#' {
            self.unroll(indent);
        }
        self.node(-1);
        if !self.done() {
            self.skip_to_break();
            self.next_line();
        }
    }

    /// From where a value or key may start on a line in block context, to the end of the line
    /// (or further, for a bracket or quotation mark that spans lines). `parent` is the column of
    /// the key or `-` that the value belongs to.
    fn node(&mut self, mut parent: isize) {
        // Where the node's anchor or tag starts: a key starts there. A tagged key is not
        // compared with others (`!x a` is not `a`).
        let mut props: Option<isize> = None;
        let mut tagged = false;
        loop {
            while matches!(self.at(self.i), b' ' | b'\t') {
                self.i += 1;
            }
            if self.is_break(self.i) {
                return;
            }
            let start_at = self.i;
            let start = props.take().unwrap_or(self.col());
            match self.b[self.i] {
                b'#' => return self.skip_to_break(),
                b'-' if self.is_blank(self.i + 1) => {
                    if self.block_indent() < start {
                        self.indents.push(Indent {
                            col: start,
                            keys: None,
                        });
                    }
                    parent = start;
                    self.i += 1;
                }
                b'?' if self.is_blank(self.i + 1) => {
                    self.block_key(start, None);
                    parent = start;
                    self.i += 1;
                }
                b':' if self.is_blank(self.i + 1) => self.i += 1,
                b'[' | b'{' => {
                    self.flow(parent);
                    if !self.after_value(&mut parent, start) {
                        return;
                    }
                    self.block_key(start, None);
                }
                b'"' | b'\'' => {
                    self.quoted(parent);
                    let end = self.i;
                    if !self.after_value(&mut parent, start) {
                        return;
                    }
                    let key = key_name(&self.yaml[start_at..end]);
                    self.block_key(start, Some((key, start_at)).filter(|_| !tagged));
                    tagged = false;
                }
                b'|' | b'>' => {
                    self.block_scalar = Some(self.block_indent());
                    return self.skip_to_break();
                }
                b'&' | b'!' => {
                    props.get_or_insert(start);
                    tagged |= self.b[self.i] == b'!';
                    while !self.is_blank(self.i) {
                        self.i += 1;
                    }
                }
                b'*' => {
                    while !self.is_blank(self.i) {
                        self.i += 1;
                    }
                    if !self.after_value(&mut parent, start) {
                        return;
                    }
                    self.block_key(start, None);
                }
                _ => {
                    // Plain text: up to `: ` (it was a key), ` #` (a comment) or the line's end.
                    loop {
                        let c = self.at(self.i);
                        if self.is_break(self.i) {
                            // It continues on the lines indented more than its list or mapping.
                            self.plain_more = Some(self.block_indent());
                            return;
                        }
                        if c == b':' && self.is_blank(self.i + 1) {
                            let key = key_name(&self.yaml[start_at..self.i]);
                            self.block_key(start, Some((key, start_at)).filter(|_| !tagged));
                            tagged = false;
                            parent = start;
                            self.i += 1;
                            break;
                        }
                        if matches!(c, b' ' | b'\t') && self.at(self.i + 1) == b'#' {
                            return self.skip_to_break();
                        }
                        self.i += 1;
                    }
                }
            }
            if self.done() {
                return;
            }
        }
    }

    /// After a quoted or bracketed value on a block line: `true` (and `parent` set) when it was
    /// a key, so that its value follows; else the rest of the line is skipped.
    fn after_value(&mut self, parent: &mut isize, start: isize) -> bool {
        if self.done() {
            return false;
        }
        while matches!(self.at(self.i), b' ' | b'\t') {
            self.i += 1;
        }
        if self.at(self.i) == b':' && self.is_blank(self.i + 1) {
            self.i += 1;
            *parent = start;
            return true;
        }
        self.skip_to_break();
        false
    }

    /// Whether what follows a closed value on its line cannot follow it: the mark that closed
    /// it was probably meant to open something else.
    fn junk_follows(&self) -> bool {
        let mut i = self.i;
        while matches!(self.at(i), b' ' | b'\t') {
            i += 1;
        }
        !(self.is_break(i) || matches!(self.b[i], b'#' | b':' | b',' | b']' | b'}'))
    }

    /// A `"` or `'` text from its opening mark past its closing one (or to the end).
    fn quoted(&mut self, parent: isize) {
        let at = self.i;
        let quote = self.b[at];
        // Where it ran on into a line that reads like a new field.
        let mut ran_on: Option<usize> = None;
        self.i += 1;
        loop {
            if self.i >= self.b.len() {
                return self.suspect(Unclosed {
                    at,
                    mark: quote,
                    seen_at: ran_on.unwrap_or(self.b.len()),
                });
            }
            match self.b[self.i] {
                b'\\' if quote == b'"' => {
                    self.i += 1;
                    if !self.is_break(self.i) {
                        self.i += 1;
                    }
                }
                b'\'' if quote == b'\'' && self.at(self.i + 1) == b'\'' => self.i += 2,
                c if c == quote => {
                    self.i += 1;
                    if let Some(seen_at) = ran_on.filter(|_| self.junk_follows()) {
                        self.suspect(Unclosed {
                            at,
                            mark: quote,
                            seen_at,
                        });
                    }
                    return;
                }
                b'\n' | b'\r' => {
                    self.next_line();
                    let (indent, field) = self.line_is_field();
                    if ran_on.is_none() && field && indent <= parent.max(0) {
                        ran_on = Some(self.i);
                    }
                }
                _ => self.i += 1,
            }
        }
    }

    /// A `[` or `{` collection from its opening mark past its closing one (or to the end).
    fn flow(&mut self, parent: isize) {
        let outer = self.open.len();
        // Inside text, `[`, `]`, `{`, `}` and `"` are part of it.
        let mut in_text = false;
        // The bracket open when the collection ran on into a line that reads like a new field.
        let mut ran_on: Option<Unclosed> = None;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            match c {
                b'[' | b'{' => {
                    if self.open.len() >= MAX_NESTING {
                        self.scan.too_deep = Some(self.i);
                        return;
                    }
                    if let Some(level) = self.open.last_mut() {
                        level.keyed = true;
                    }
                    self.open.push(FlowLevel {
                        at: self.i,
                        keys: Vec::new(),
                        entry: None,
                        keyed: false,
                    });
                    in_text = false;
                }
                b']' | b'}' => {
                    self.open.pop();
                    in_text = false;
                    if self.open.len() <= outer {
                        self.i += 1;
                        if let Some(found) = ran_on.filter(|_| self.junk_follows()) {
                            self.suspect(found);
                        }
                        return;
                    }
                }
                b',' => {
                    if let Some(level) = self.open.last_mut() {
                        level.entry = None;
                        level.keyed = false;
                    }
                    in_text = false;
                }
                b'"' | b'\'' if !in_text => {
                    self.entry_starts();
                    self.quoted(parent);
                    continue;
                }
                b':' if self.is_blank(self.i + 1)
                    || matches!(self.at(self.i + 1), b',' | b'[' | b']' | b'{' | b'}') =>
                {
                    let i = self.i;
                    if let Some(level) = self.open.last_mut() {
                        if let Some(entry) = level.entry.filter(|_| !level.keyed)
                            && self.b[level.at] == b'{'
                        {
                            let key = key_name(&self.yaml[entry..i]);
                            add_key(&mut level.keys, key, entry, &mut self.scan.duplicate);
                        }
                        level.keyed = true;
                    }
                    in_text = false;
                }
                // A comment where a value may start, or after a space.
                b'#' if !in_text
                    || self.i == self.line_start
                    || matches!(self.b[self.i - 1], b' ' | b'\t') =>
                {
                    self.skip_to_break();
                    continue;
                }
                b'\n' | b'\r' => {
                    self.next_line();
                    let (indent, field) = self.line_is_field();
                    if ran_on.is_none() && field && indent <= parent.max(0) {
                        ran_on = self.open.last().map(|level| Unclosed {
                            at: level.at,
                            mark: self.b[level.at],
                            seen_at: self.i,
                        });
                    }
                    continue;
                }
                b' ' | b'\t' => {}
                _ => {
                    self.entry_starts();
                    in_text = true;
                }
            }
            self.i += 1;
        }
        if let Some(found) = ran_on {
            self.suspect(found);
        }
    }

    /// Marks where the current entry of the innermost `[` or `{` starts, if it has not yet.
    fn entry_starts(&mut self) {
        let i = self.i;
        if let Some(level) = self.open.last_mut()
            && level.entry.is_none()
        {
            level.entry = Some(i);
        }
    }
}

/// The error for a bracket or quotation mark that is never closed, at the mark, with the line
/// as it would read closed.
fn unclosed_error(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    open: Unclosed,
    what: &dyn std::fmt::Display,
) -> Diagnostic {
    let (line, col) =
        snippet_position(file, offset, yaml, open.at, snippet_line_col(yaml, open.at));
    let mark = open.mark as char;
    let closer = open.closer() as char;
    let start = yaml[..open.at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = yaml[open.at..]
        .find(['\n', '\r'])
        .map_or(yaml.len(), |i| open.at + i);
    let written = yaml[start..end].trim();
    let after = yaml[open.at + 1..end].trim();
    let hint = if after.is_empty() || after.starts_with('#') {
        crate::messages::yaml_unclosed_hint_after_last(closer)
    } else {
        let closers: String = if matches!(mark, '[' | '{') {
            // The brackets opened on the line from here and still open are closed in turn.
            let mut pending: Vec<char> = Vec::new();
            let mut in_quote: Option<char> = None;
            for c in yaml[open.at..end].chars() {
                match (in_quote, c) {
                    (Some(q), c) if c == q => in_quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => in_quote = Some(c),
                    (None, '[') => pending.push(']'),
                    (None, '{') => pending.push('}'),
                    (None, ']' | '}') => {
                        pending.pop();
                    }
                    _ => {}
                }
            }
            pending.into_iter().rev().collect()
        } else {
            closer.to_string()
        };
        let example = format!("{}{closers}", written.trim_end_matches([',', ' ']));
        match mark {
            '"' => crate::messages::yaml_unclosed_hint_example_double(closer, example),
            '\'' => crate::messages::yaml_unclosed_hint_example_single(closer, example),
            _ => crate::messages::yaml_unclosed_hint_example(closer, example),
        }
    };
    file.error_at_line(
        line,
        col,
        crate::messages::yaml_problem_in(what, crate::messages::yaml_unclosed(mark)),
    )
    .with_hint(hint)
}

/// The error for a key given twice: at the second, naming the line of the first.
fn duplicate_error(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    duplicate: &Duplicate,
    what: &dyn std::fmt::Display,
) -> Diagnostic {
    let at = |i: usize| snippet_position(file, offset, yaml, i, snippet_line_col(yaml, i));
    let first_line = at(duplicate.first).0;
    let (line, col) = at(duplicate.second);
    let key = &duplicate.key;
    file.error_at_line(
        line,
        col,
        crate::messages::yaml_problem_in(what, crate::messages::yaml_key_twice(key, first_line)),
    )
    .with_hint(crate::messages::yaml_key_twice_hint(key))
}

/// A serde_yaml message without the field path in front (`groups[0].items[0].value: `), and
/// that path.
fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.[]".contains(c)) =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    }
}

/// What a message of serde or the YAML parser says, read from its text (the library gives no
/// other way to tell).
#[derive(Debug, Clone, PartialEq)]
enum YamlProblem<'a> {
    InvalidType {
        found: &'a str,
        expected: &'a str,
    },
    InvalidValue {
        found: &'a str,
        expected: &'a str,
    },
    InvalidLength {
        length: &'a str,
        expected: &'a str,
    },
    UnknownVariant {
        variant: &'a str,
        expected: Vec<&'a str>,
    },
    UnknownField {
        field: &'a str,
        expected: Vec<&'a str>,
    },
    MissingField(&'a str),
    DuplicateField(&'a str),
    DuplicateEntry(&'a str),
    NoVariantMatched(&'a str),
    /// A message of the YAML parser that kennis knows, with its words in the catalogue.
    Syntax(Syntax),
    /// Characters that are not text: the parser's message.
    NotText(&'a str),
    /// Anything else: the library's message.
    Other(&'a str),
}

/// The messages of the YAML parser that kennis says in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    MappingValues,
    MappingKeys,
    ListItems,
    ExpectedKey,
    ExpectedValue,
    ExpectedListItem,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    ExpectedColon,
    UnexpectedColon,
    ExpectedLineEnd,
    CannotStartToken,
    TabInIndentation,
    TabInsteadOfSpace,
    UnexpectedEnd,
    EndOfValue,
    DocumentMarker,
    MoreThanOneDocument,
    UnknownEscape,
    InvalidUnicodeEscape,
    UndefinedTag,
    UnknownAnchor,
    RecursionLimit,
    RepetitionLimit,
}

impl Syntax {
    const ALL: [(&'static str, Syntax); 24] = [
        (
            "mapping values are not allowed in this context",
            Syntax::MappingValues,
        ),
        (
            "mapping keys are not allowed in this context",
            Syntax::MappingKeys,
        ),
        (
            "block sequence entries are not allowed in this context",
            Syntax::ListItems,
        ),
        ("did not find expected key", Syntax::ExpectedKey),
        ("did not find expected node content", Syntax::ExpectedValue),
        (
            "did not find expected '-' indicator",
            Syntax::ExpectedListItem,
        ),
        (
            "did not find expected ',' or ']'",
            Syntax::ExpectedCommaOrBracket,
        ),
        (
            "did not find expected ',' or '}'",
            Syntax::ExpectedCommaOrBrace,
        ),
        ("could not find expected ':'", Syntax::ExpectedColon),
        ("found unexpected ':'", Syntax::UnexpectedColon),
        (
            "did not find expected comment or line break",
            Syntax::ExpectedLineEnd,
        ),
        (
            "found character that cannot start any token",
            Syntax::CannotStartToken,
        ),
        (
            "found a tab character that violates indentation",
            Syntax::TabInIndentation,
        ),
        (
            "found a tab character where an indentation space is expected",
            Syntax::TabInsteadOfSpace,
        ),
        ("found unexpected end of stream", Syntax::UnexpectedEnd),
        ("EOF while parsing a value", Syntax::EndOfValue),
        (
            "found unexpected document indicator",
            Syntax::DocumentMarker,
        ),
        (
            "deserializing from YAML containing more than one document is not supported",
            Syntax::MoreThanOneDocument,
        ),
        ("found unknown escape character", Syntax::UnknownEscape),
        (
            "found invalid Unicode character escape code",
            Syntax::InvalidUnicodeEscape,
        ),
        ("found undefined tag handle", Syntax::UndefinedTag),
        ("unknown anchor", Syntax::UnknownAnchor),
        ("recursion limit exceeded", Syntax::RecursionLimit),
        ("repetition limit exceeded", Syntax::RepetitionLimit),
    ];

    fn text(self) -> Text {
        use crate::messages as m;
        match self {
            Syntax::MappingValues => m::yaml_mapping_values_not_allowed(),
            Syntax::MappingKeys => m::yaml_mapping_keys_not_allowed(),
            Syntax::ListItems => m::yaml_list_items_not_allowed(),
            Syntax::ExpectedKey => m::yaml_expected_key(),
            Syntax::ExpectedValue => m::yaml_expected_value(),
            Syntax::ExpectedListItem => m::yaml_expected_list_item(),
            Syntax::ExpectedCommaOrBracket => m::yaml_expected_comma_or_bracket(),
            Syntax::ExpectedCommaOrBrace => m::yaml_expected_comma_or_brace(),
            Syntax::ExpectedColon => m::yaml_expected_colon(),
            Syntax::UnexpectedColon => m::yaml_unexpected_colon(),
            Syntax::ExpectedLineEnd => m::yaml_expected_line_end(),
            Syntax::CannotStartToken => m::yaml_cannot_start_token(),
            Syntax::TabInIndentation => m::yaml_tab_in_indentation(),
            Syntax::TabInsteadOfSpace => m::yaml_tab_instead_of_space(),
            Syntax::UnexpectedEnd => m::yaml_unexpected_end(),
            Syntax::EndOfValue => m::yaml_end_of_value(),
            Syntax::DocumentMarker => m::yaml_unexpected_document_marker(),
            Syntax::MoreThanOneDocument => m::yaml_more_than_one_document(),
            Syntax::UnknownEscape => m::yaml_unknown_escape(),
            Syntax::InvalidUnicodeEscape => m::yaml_invalid_unicode_escape(),
            Syntax::UndefinedTag => m::yaml_undefined_tag(),
            Syntax::UnknownAnchor => m::yaml_unknown_anchor(),
            Syntax::RecursionLimit => m::yaml_recursion_limit(),
            Syntax::RepetitionLimit => m::yaml_repetition_limit(),
        }
    }

    fn hint(self) -> Text {
        use crate::messages as m;
        match self {
            Syntax::MappingValues => m::yaml_hint_quote_colon(),
            Syntax::UnexpectedEnd | Syntax::EndOfValue => m::yaml_hint_something_unclosed(),
            Syntax::TabInIndentation | Syntax::TabInsteadOfSpace => m::yaml_hint_tabs(),
            Syntax::UnknownEscape | Syntax::InvalidUnicodeEscape => m::yaml_hint_escape(),
            Syntax::RecursionLimit | Syntax::RepetitionLimit => m::yaml_hint_too_deep(),
            Syntax::ExpectedKey
            | Syntax::ExpectedValue
            | Syntax::ExpectedListItem
            | Syntax::ExpectedCommaOrBracket
            | Syntax::ExpectedCommaOrBrace
            | Syntax::ExpectedLineEnd
            | Syntax::CannotStartToken => m::yaml_hint_indentation_and_quotes(),
            _ => m::yaml_hint_general(),
        }
    }
}

/// The names in serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`".
fn expected_names(list: &str) -> Vec<&str> {
    list.split('`').skip(1).step_by(2).collect()
}

/// A name up to its closing backtick, and what follows.
fn quoted(rest: &str) -> (&str, &str) {
    rest.split_once('`').unwrap_or((rest, ""))
}

/// Reads a message of serde or the YAML parser (without its path and position).
fn read_yaml_problem(message: &str) -> YamlProblem<'_> {
    let after = |prefix: &str| message.strip_prefix(prefix);
    if let Some(rest) = after("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return YamlProblem::InvalidType { found, expected };
    }
    if let Some(rest) = after("invalid value: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return YamlProblem::InvalidValue { found, expected };
    }
    if let Some(rest) = after("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return YamlProblem::InvalidLength { length, expected };
    }
    if let Some(rest) = after("unknown variant `") {
        let (variant, rest) = quoted(rest);
        return YamlProblem::UnknownVariant {
            variant,
            expected: expected_names(rest.strip_prefix(", expected ").unwrap_or("")),
        };
    }
    if let Some(rest) = after("unknown field `") {
        let (field, rest) = quoted(rest);
        return YamlProblem::UnknownField {
            field,
            expected: expected_names(rest.strip_prefix(", expected ").unwrap_or("")),
        };
    }
    if let Some(rest) = after("missing field `") {
        return YamlProblem::MissingField(quoted(rest).0);
    }
    if let Some(rest) = after("duplicate field `") {
        return YamlProblem::DuplicateField(quoted(rest).0);
    }
    if let Some(key) = after("duplicate entry with key ") {
        return YamlProblem::DuplicateEntry(key);
    }
    if let Some(name) = after("data did not match any variant of untagged enum ") {
        return YamlProblem::NoVariantMatched(name);
    }
    if let Some((_, syntax)) = Syntax::ALL.iter().find(|(text, _)| message == *text) {
        return YamlProblem::Syntax(*syntax);
    }
    let not_text = [
        "control characters are not allowed",
        "invalid leading UTF-8 octet",
        "invalid trailing UTF-8 octet",
        "invalid length of a UTF-8 sequence",
        "incomplete UTF-8 octet sequence",
        "found an incorrect leading UTF-8 octet",
        "found an incorrect trailing UTF-8 octet",
        "invalid Unicode character",
    ];
    if not_text.contains(&message) {
        return YamlProblem::NotText(message);
    }
    YamlProblem::Other(message)
}

/// serde's list of names, in the run's language: "`a`", "`a` or `b`", "one of `a`, `b`".
fn names_text(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [first, second] => crate::messages::yaml_either(first, second).into(),
        more => crate::messages::yaml_one_of(crate::messages::join(more)).into(),
    }
}

/// What serde found, in the run's language.
fn found_text(found: &str) -> String {
    use crate::messages as m;
    let between = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.strip_suffix('`'))
    };
    if let Some(text) = found.strip_prefix("string ") {
        return m::yaml_found_text(text).into();
    }
    if let Some(n) = between("integer ") {
        return m::yaml_found_integer(n).into();
    }
    if let Some(n) = between("floating point ") {
        return m::yaml_found_float(n).into();
    }
    if let Some(b) = between("boolean ") {
        return m::yaml_found_boolean(b).into();
    }
    if let Some(c) = between("character ") {
        return m::yaml_found_character(c).into();
    }
    match found {
        "unit value" => m::yaml_found_empty().into(),
        "sequence" => m::yaml_found_list().into(),
        "map" => m::yaml_found_fields().into(),
        other => other.to_string(),
    }
}

/// What serde expected, in the run's language; a type of kennis's own is its Rust name.
fn expected_text(expected: &str) -> String {
    use crate::messages as m;
    let text = match expected {
        "a boolean" => m::yaml_expected_boolean(),
        "a string" | "a borrowed string" | "a text" => m::yaml_expected_text(),
        "a sequence" => m::yaml_expected_list(),
        "a map" => m::yaml_expected_fields(),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            m::yaml_expected_whole_number_from_zero()
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "an integer" => {
            m::yaml_expected_whole_number()
        }
        "f32" | "f64" | "a float" => m::yaml_expected_number(),
        "a number of 0 or more" => m::yaml_expected_number_from_zero(),
        "null" | "unit" => m::yaml_expected_empty(),
        "a character" | "a char" => m::yaml_expected_character(),
        e if e.starts_with("struct ") => m::yaml_expected_fields(),
        e => match list_length(e) {
            Some(n) => m::yaml_expected_items(n),
            None => return e.to_string(),
        },
    };
    text.into()
}

/// The length in serde's "an array of length 2", "a tuple of size 2", "2 elements".
fn list_length(expected: &str) -> Option<usize> {
    let number = expected
        .strip_prefix("an array of length ")
        .or_else(|| expected.strip_prefix("a tuple of size "))
        .or_else(|| expected.strip_prefix("tuple of "))
        .or_else(|| expected.strip_suffix(" elements"))
        .or_else(|| expected.strip_suffix(" element"))?;
    number.split_whitespace().next()?.parse().ok()
}

impl YamlProblem<'_> {
    /// The problem in kennis's words, in the run's language.
    fn text(&self) -> Text {
        use crate::messages as m;
        match self {
            YamlProblem::InvalidType { found, expected } => {
                m::yaml_invalid_type(found_text(found), expected_text(expected))
            }
            YamlProblem::InvalidValue { found, expected } => {
                m::yaml_invalid_value(found_text(found), expected_text(expected))
            }
            YamlProblem::InvalidLength { length, expected } => {
                m::yaml_invalid_length(length, expected_text(expected))
            }
            YamlProblem::UnknownVariant { variant, expected } if expected.is_empty() => {
                m::yaml_unknown_variant_none(variant)
            }
            YamlProblem::UnknownVariant { variant, expected } => {
                m::yaml_unknown_variant(variant, names_text(expected))
            }
            YamlProblem::UnknownField { field, expected } if expected.is_empty() => {
                m::yaml_unknown_field_none(field)
            }
            YamlProblem::UnknownField { field, expected } => {
                m::yaml_unknown_field(field, names_text(expected))
            }
            YamlProblem::MissingField(field) => m::yaml_missing_field(field),
            YamlProblem::DuplicateField(field) => m::yaml_duplicate_field(field),
            YamlProblem::DuplicateEntry(key) => m::yaml_duplicate_entry(key),
            YamlProblem::NoVariantMatched(name) => m::yaml_no_variant_matched(name),
            YamlProblem::Syntax(syntax) => syntax.text(),
            YamlProblem::NotText(problem) => m::yaml_not_text(problem),
            YamlProblem::Other(problem) => m::yaml_other_problem(problem),
        }
    }

    /// The hint for the problem: what to write instead.
    fn hint(&self) -> Text {
        known_yaml_hint(self).unwrap_or_else(crate::messages::yaml_hint_general)
    }
}

/// The hint for the YAML mistakes that can be named.
fn known_yaml_hint(problem: &YamlProblem<'_>) -> Option<Text> {
    use crate::messages as m;
    Some(match problem {
        YamlProblem::UnknownField { field, expected } => {
            let allowed = m::join(expected);
            match crate::diag::suggest(field, expected) {
                Some(best) => m::yaml_hint_did_you_mean_field(best, allowed),
                None => m::yaml_hint_remove_field(field, allowed),
            }
        }
        YamlProblem::MissingField(field) => m::yaml_hint_add_field(field),
        YamlProblem::InvalidType { expected, .. } | YamlProblem::InvalidValue { expected, .. } => {
            match *expected {
                "a boolean" => m::yaml_hint_write_boolean(),
                "a string" | "a borrowed string" | "a text" => m::yaml_hint_write_text(),
                "a sequence" => m::yaml_hint_write_list(),
                e if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) => {
                    m::yaml_hint_write_whole_number()
                }
                _ => m::yaml_hint_kind_of_value(),
            }
        }
        YamlProblem::UnknownVariant { expected, .. } if !expected.is_empty() => {
            let names: Vec<String> = expected.iter().map(|n| format!("`{n}`")).collect();
            m::yaml_hint_write_one_of(m::join(names))
        }
        YamlProblem::DuplicateField(field) => m::yaml_key_twice_hint(field),
        YamlProblem::InvalidLength { expected, .. } => {
            m::yaml_hint_list_needs(expected_text(expected))
        }
        YamlProblem::NoVariantMatched("Written") => m::yaml_hint_matrix_cell(),
        YamlProblem::NoVariantMatched(_) => m::yaml_hint_kind_of_value(),
        YamlProblem::Syntax(syntax) => syntax.hint(),
        YamlProblem::NotText(_) => m::yaml_hint_save_as_text(),
        _ => return None,
    })
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

    /// Runs `f` with the messages in English.
    fn english<R>(f: impl FnOnce() -> R) -> R {
        crate::messages::speaking(crate::messages::Language::English, f)
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
        english(|| {
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
                    "`draft` is given twice; it is already on line 2",
                    "remove one of the two",
                ),
                (
                    "age: \"1",
                    "the `\"` opened here is never closed",
                    "close it with `\"`",
                ),
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
        });
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are read by the deserializer only")]
    struct Head {
        title: Option<String>,
        date: Option<String>,
        summary: Option<String>,
        themes: Option<Vec<String>>,
        draft: Option<bool>,
        sub: Option<std::collections::BTreeMap<String, String>>,
        groups: Option<Vec<Group>>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are read by the deserializer only")]
    struct Group {
        label: String,
        items: Option<Vec<String>>,
    }

    /// Parses `yaml` as the front matter of a file: (line, column) in the file, message, hint.
    fn front(yaml: &str) -> Result<Head, (usize, usize, String, String)> {
        let f = file(&format!("---\n{yaml}---\nTekst.\n"));
        let parts = split_front_matter(&f).unwrap();
        let yaml = &f.text[parts.front_matter.clone()];
        parse_yaml::<Head>(&f, parts.front_matter.start, yaml, "front matter").map_err(|d| {
            let span = d.span.unwrap();
            (span.line, span.col, d.message, d.hint.unwrap_or_default())
        })
    }

    // See: reliability, second round, "quadratic time on deep nesting".
    #[test]
    fn brackets_nested_past_the_limit_are_refused_where_the_limit_is_crossed() {
        english(|| {
            for (open, close) in [("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")] {
                let n = 100_000 / open.len();
                let yaml = format!("title: A\nthemes: {}{}\n", open.repeat(n), close.repeat(n));
                let (line, col, message, hint) = front(&yaml).unwrap_err();
                // The 101st mark, on the file's line 3 after `themes: `.
                let crossing = yaml.lines().nth(1).unwrap()[8..]
                    .match_indices(['[', '{'])
                    .nth(MAX_NESTING)
                    .unwrap()
                    .0;
                assert_eq!((line, col), (3, 9 + crossing), "{open}: {message}");
                assert!(message.contains("nested more than 100 deep"), "{message}");
                assert!(hint.contains("at most 100 levels"), "{hint}");
            }
            // Up to the limit the parser decides (here: the type is wrong).
            let yaml = format!("themes: {}{}\n", "[".repeat(100), "]".repeat(100));
            let (_, _, message, _) = front(&yaml).unwrap_err();
            assert!(message.contains("invalid type"), "{message}");
            // Marks in text, quotes, comments and `|` blocks are not brackets.
            let yaml = format!(
                "title: Een {} tekst\nsummary: \"{}\"\ndate: |\n  {}\n# {}\n",
                "[".repeat(200),
                "{".repeat(200),
                "[".repeat(200),
                "[".repeat(200)
            );
            assert!(front(&yaml).is_ok(), "{:?}", front(&yaml));
        });
    }

    // See: reliability, second round, "errors that point at the symptom".
    #[test]
    fn an_unclosed_bracket_or_quote_is_named_where_it_was_opened() {
        english(|| {
            let cases = [
                // (yaml, line, column, mark, example in the hint)
                (
                    "title: A\ndate: [2025-01-01\nsummary: x\n",
                    3,
                    7,
                    "`[`",
                    "`date: [2025-01-01]`",
                ),
                ("title: A\nsub: {a: b\n", 3, 6, "`{`", "`sub: {a: b}`"),
                (
                    "title: A\nsummary: \"niet gesloten\n",
                    3,
                    10,
                    "`\"`",
                    "`summary: \"niet gesloten\"`",
                ),
                ("title: 'Een\ndate: x\n", 2, 8, "`'`", "`title: 'Een'`"),
                // The quote is closed by the next field's opening quote.
                (
                    "title: \"Een\ndate: \"x\"\n",
                    2,
                    8,
                    "`\"`",
                    "`title: \"Een\"`",
                ),
                // The quote swallows the bracket that would close the list.
                (
                    "themes: [a, \"b]\ntitle: x\n",
                    2,
                    13,
                    "`\"`",
                    "`themes: [a, \"b]\"`",
                ),
                // Brackets opened on the line are closed in turn.
                ("themes: [a, [b\n", 2, 9, "`[`", "`themes: [a, [b]]`"),
                // A list in a list item, followed by the next field of that item.
                (
                    "groups:\n  - label: A\n    items: [a, b\n    label: B\n",
                    4,
                    12,
                    "`[`",
                    "`items: [a, b]`",
                ),
            ];
            for (yaml, line, col, mark, example) in cases {
                let (l, c, message, hint) = front(yaml).unwrap_err();
                assert_eq!((l, c), (line, col), "{yaml:?}: {message}");
                assert_eq!(
                    message,
                    format!("front matter: the {mark} opened here is never closed"),
                    "{yaml:?}"
                );
                assert!(hint.contains(example), "{yaml:?}: {hint}");
            }
            // A list written over several lines gets a hint without an example.
            let (l, c, _, hint) = front("themes: [\n  a,\n  b\n").unwrap_err();
            assert_eq!((l, c), (2, 9));
            assert!(hint.contains("after the last item"), "{hint}");
            // Other errors keep their place: a wrong value before the bracket, a `: ` in text.
            let (l, c, message, _) = front("draft: misschien\nthemes: [a\n").unwrap_err();
            assert_eq!((l, c), (2, 8), "{message}");
            assert!(message.contains("invalid type"), "{message}");
            let (l, _, message, _) = front("themes: [a, b]\ntitle: a: b\n").unwrap_err();
            assert_eq!(l, 3, "{message}");
            assert!(message.contains("mapping values"), "{message}");
        });
    }

    #[test]
    fn a_duplicate_key_points_at_the_second_and_names_the_first() {
        let cases = [
            ("title: A\ndraft: true\ndraft: false\n", 4, 1, "`draft`", 3),
            ("sub:\n  a: x\n  b: y\n  a: z\n", 5, 3, "`a`", 3),
            ("sub: {a: x, b: y, a: z}\n", 2, 19, "`a`", 2),
            (
                "groups:\n  - label: A\n    items: [x]\n    label: B\n",
                5,
                5,
                "`label`",
                3,
            ),
        ];
        for (yaml, line, col, key, first) in cases {
            let (l, c, message, hint) = front(yaml).unwrap_err();
            assert_eq!((l, c), (line, col), "{yaml:?}: {message}");
            assert_eq!(
                message,
                format!("front matter: {key} staat er twee keer; het staat al op regel {first}"),
            );
            assert!(hint.contains("haal een van de twee"), "{hint}");
        }
    }

    /// The byte scan must never clear a text that nests too deep: random Markdown of the pieces
    /// that nest, checked against the parser with a limit of 3.
    #[test]
    fn the_markdown_scan_never_clears_what_nests_too_deep() {
        let options = pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_FOOTNOTES
            | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
            | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
            | pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
        let pieces = [
            "> ",
            ">",
            "- ",
            "* ",
            "+ ",
            "1. ",
            "2) ",
            "  ",
            "    ",
            "\t",
            "*",
            "**",
            "_",
            "__",
            "~~",
            "~",
            "[",
            "](x)",
            "]",
            "![",
            "<http://a>",
            "[^1]",
            "[^1]: ",
            "a",
            "b c",
            "\n",
            "\n",
            "\n\n",
            "\r",
            "\r\n",
            "|",
            "| a |\n|---|\n",
            "```\n",
            "# ",
            "---\n",
            ":",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let mut deep = 0;
        for _ in 0..40_000 {
            let n = 1 + next() % 24;
            let text: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            if markdown_too_deep_exactly(&text, options, 3) {
                deep += 1;
                assert!(may_nest_deeper(&text, 3), "cleared: {text:?}");
            }
        }
        assert!(deep > 300, "{deep}");
    }

    /// `markdown_too_deep` without the byte scan in front.
    fn markdown_too_deep_exactly(
        text: &str,
        options: pulldown_cmark::Options,
        limit: usize,
    ) -> bool {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut open = Vec::new();
        let mut depth = 0;
        for event in Parser::new_ext(text, options) {
            match event {
                Event::Start(tag) => {
                    let counts = !matches!(
                        tag,
                        Tag::List(_)
                            | Tag::Paragraph
                            | Tag::Heading { .. }
                            | Tag::Table(_)
                            | Tag::TableHead
                            | Tag::TableRow
                            | Tag::TableCell
                            | Tag::CodeBlock(_)
                            | Tag::HtmlBlock
                            | Tag::MetadataBlock(_)
                    );
                    open.push(counts);
                    depth += usize::from(counts);
                    if depth > limit {
                        return true;
                    }
                }
                Event::End(_) => depth -= usize::from(open.pop().unwrap_or(false)),
                _ => {}
            }
        }
        false
    }

    #[test]
    fn markdown_nested_past_the_limit_is_refused_where_the_limit_is_crossed() {
        english(|| {
            let options = pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
            let check = |body: String| {
                let f = file(&format!("---\ntitle: A\n---\n{body}"));
                check_markdown_nesting(&f, 16..f.text.len(), options).map_err(|d| {
                    let span = d.span.unwrap();
                    (span.line, span.col, d.message)
                })
            };
            let deep = [
                (format!("tekst\n\n{} diep\n", ">".repeat(100_000)), 6, 101),
                (format!("{}punt\n", "- ".repeat(50_000)), 4, 201),
                (format!("{}punt\n", "1. ".repeat(50_000)), 4, 301),
                (
                    format!("{}a{}\n", "*a ".repeat(50_000), " b*".repeat(50_000)),
                    4,
                    301,
                ),
                (
                    format!("{}a{}\n", "~~a ".repeat(50_000), " b~~".repeat(50_000)),
                    4,
                    401,
                ),
                (
                    (0..150)
                        .map(|d| format!("{}- punt\n", "  ".repeat(d)))
                        .collect(),
                    104,
                    201,
                ),
            ];
            for (body, line, col) in deep {
                let (l, c, message) = check(body).unwrap_err();
                assert_eq!((l, c), (line, col), "{message}");
                assert!(message.contains("nested more than 100 deep"), "{message}");
            }
            // A hundred levels are fine.
            assert!(check(format!("{} diep\n", ">".repeat(100))).is_ok());
            assert!(check(format!("{}punt\n", "- ".repeat(100))).is_ok());
        });
    }

    /// The scan only explains the parser's failures, but a problem it finds in YAML that parses
    /// would be reported all the same (a key given twice): it must find none. Random snippets
    /// of the pieces YAML is made of, about a fifth of which parse.
    #[test]
    fn the_scan_finds_no_problem_in_yaml_that_parses() {
        let pieces = [
            "a", "b", "k: ", "k:", "- ", "\n", "\n", "\n  ", "\n    ", "  ", "[", "]", "{", "}",
            ", ", "\"", "'", "#", " #c", "|", ">", "\\", "''", "x y", "&a ", "*a", "? ", "\t",
            "\n---\n", "\r\n", "é", ": ", "a: ", "b: ", "\n- ", "\n  - ", "\na: ", "\n  a: ",
            "\nb: ", "|\n  ", "{a: ", "[a, ", "\"a\": ", "'a': ", "\n  b: ", "!t ", "\n...\n",
            "\\\"", "a,b", "a]", ":x",
        ];
        let mut seed: u64 = 0x1234_5678;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let mut parsed = 0;
        for _ in 0..60_000 {
            let n = 1 + next() % 14;
            let yaml: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            if serde_yaml::from_str::<serde_yaml::Value>(&yaml).is_ok() {
                parsed += 1;
                let scan = scan_yaml(&yaml);
                assert!(
                    scan.unclosed.is_none() && scan.duplicate.is_none(),
                    "{yaml:?}: {scan:?}"
                );
            }
        }
        assert!(parsed > 10_000, "{parsed}");
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
        assert_eq!(e.message, "de front matter wordt nergens afgesloten");
        english(|| {
            let e = split_front_matter(&file("---\ntitle: A\n")).unwrap_err();
            assert!(e.message.contains("never closed"), "{}", e.message);
        });
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
        assert_eq!(
            e.message,
            "front matter: onbekend veld `datum`; hier kan `title` of `date`"
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("bedoel je `date`? Mogelijke velden: title, date")
        );
        assert_eq!(e.source_line.as_deref(), Some("datum: 2024"));
        let e = english(|| {
            parse_yaml::<Front>(&f, parts.front_matter.start, yaml, "front matter").unwrap_err()
        });
        assert!(e.message.contains("unknown field `datum`"), "{}", e.message);
        assert!(e.hint.unwrap().contains("did you mean `date`"));
    }

    /// The message and hint of `yaml` read as `T`, in Dutch.
    fn dutch<T: serde::de::DeserializeOwned + std::fmt::Debug>(yaml: &str) -> (String, String) {
        let f = file(&format!("---\n{yaml}---\n"));
        let parts = split_front_matter(&f).unwrap();
        let snippet = &f.text[parts.front_matter.clone()];
        let e = crate::messages::speaking(crate::messages::Language::Dutch, || {
            parse_yaml::<T>(&f, parts.front_matter.start, snippet, "front matter").unwrap_err()
        });
        (e.message, e.hint.unwrap_or_default())
    }

    #[test]
    fn every_kind_of_yaml_error_reads_in_dutch() {
        let cases = [
            (
                dutch::<Typed>("draft: misschien\n"),
                "front matter: draft: hier hoort `true` of `false`, maar er staat de tekst \"misschien\"",
                "schrijf `true` of `false`",
            ),
            (
                dutch::<Typed>("items: geen lijst\n"),
                "front matter: items: hier hoort een lijst, maar er staat de tekst \"geen lijst\"",
                "schrijf hier een lijst: regels `- waarde`, of `[a, b]`",
            ),
            (
                dutch::<Typed>("age: -3\n"),
                "front matter: age: hier hoort een heel getal van 0 of meer, maar er staat het getal -3",
                "schrijf een heel getal van 0 of meer",
            ),
            (
                dutch::<Head>("themes: {a: b}\n"),
                "front matter: themes: hier hoort een lijst, maar er staat een groep velden",
                "schrijf hier een lijst: regels `- waarde`, of `[a, b]`",
            ),
            (
                dutch::<Front>("date: x\n"),
                "front matter: het veld `title` ontbreekt",
                "voeg een regel `title: ...` toe",
            ),
            (
                dutch::<Head>("titel: A\n"),
                "front matter: onbekend veld `titel`; hier kan een van `title`, `date`, `summary`, `themes`, `draft`, `sub`, `groups`",
                "bedoel je `title`? Mogelijke velden: title, date, summary, themes, draft, sub, groups",
            ),
            (
                dutch::<Head>("title: a: b\n"),
                "front matter: hier mag geen `: ` staan",
                "zet tekst waarin `: ` staat tussen aanhalingstekens",
            ),
            (
                dutch::<Head>("title: A\n  draft: true\n"),
                "front matter: hier mag geen `: ` staan",
                "zet tekst waarin `: ` staat tussen aanhalingstekens",
            ),
            (
                dutch::<Head>("sub:\n    a: x\n  b: y\n"),
                "front matter: hier verwachtte kennis een nieuw veld (`naam: waarde`)",
                "kijk of deze regel goed inspringt (met spaties, net als de regels erboven) en of de aanhalingstekens kloppen",
            ),
            (
                dutch::<Head>("title: A\n\tdraft: true\n"),
                "front matter: hier staat een tab in de inspringing",
                "spring in met spaties in plaats van tabs",
            ),
            (
                dutch::<Head>("title: \"niet gesloten\n"),
                "front matter: de `\"` die hier begint, wordt nergens gesloten",
                "sluit af met `\"`, bijvoorbeeld `title: \"niet gesloten\"`; een `\"` in de tekst schrijf je als `\\\"`",
            ),
            (
                dutch::<Head>("title: A\ntitle: B\n"),
                "front matter: `title` staat er twee keer; het staat al op regel 2",
                "haal een van de twee regels `title:` weg",
            ),
            (
                dutch::<Head>("title: \"a\\qb\"\n"),
                "front matter: in tekst tussen `\"` staat een `\\` die kennis niet kent",
                "schrijf een `\\` in tekst tussen `\"` als `\\\\`, of zet de tekst tussen `'`",
            ),
        ];
        for ((message, hint), want_message, want_hint) in cases {
            assert_eq!(message, want_message);
            assert_eq!(hint, want_hint, "{message}");
        }
    }

    #[test]
    fn the_library_s_messages_are_read_into_their_kinds() {
        assert_eq!(
            read_yaml_problem("unknown field `a`, expected `b` or `c`"),
            YamlProblem::UnknownField {
                field: "a",
                expected: vec!["b", "c"]
            }
        );
        assert_eq!(
            read_yaml_problem("unknown variant `x`, expected one of `a`, `b`, `c`"),
            YamlProblem::UnknownVariant {
                variant: "x",
                expected: vec!["a", "b", "c"]
            }
        );
        assert_eq!(
            read_yaml_problem("invalid length 3, expected an array of length 2"),
            YamlProblem::InvalidLength {
                length: "3",
                expected: "an array of length 2"
            }
        );
        assert_eq!(
            read_yaml_problem("something new"),
            YamlProblem::Other("something new")
        );
        let (nl, hint) = crate::messages::speaking(crate::messages::Language::Dutch, || {
            yaml_message("unknown variant `x`, expected one of `a`, `b`, `c` at line 2 column 3")
        });
        assert_eq!(
            nl.as_str(),
            "`x` kan hier niet; hier kan een van `a`, `b`, `c`"
        );
        assert_eq!(hint.as_str(), "schrijf een van deze waarden: `a`, `b`, `c`");
        let (nl, hint) = crate::messages::speaking(crate::messages::Language::Dutch, || {
            yaml_message("a[0]: invalid length 3, expected an array of length 2")
        });
        assert_eq!(
            nl.as_str(),
            "a[0]: de lijst heeft 3 waarde(n), maar hier hoort een lijst van 2 waarden"
        );
        assert_eq!(hint.as_str(), "hier hoort een lijst van 2 waarden");
        let (nl, _) = crate::messages::speaking(crate::messages::Language::Dutch, || {
            yaml_message("something new at line 1 column 2")
        });
        assert_eq!(
            nl.as_str(),
            "deze YAML kan kennis niet lezen (something new)"
        );
        let (en, _) = english(|| yaml_message("something new at line 1 column 2"));
        assert_eq!(en.as_str(), "something new");
    }
}
