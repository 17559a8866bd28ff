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
    what: &str,
) -> Result<T, Diagnostic> {
    let scan = scan_yaml(yaml);
    if let Some(at) = scan.too_deep {
        let (line, col) = snippet_position(file, offset, yaml, at, snippet_line_col(yaml, at));
        return Err(file
            .error_at_line(
                line,
                col,
                format!("{what}: brackets are nested more than {MAX_NESTING} deep here"),
            )
            .with_hint(format!(
                "kennis reads at most {MAX_NESTING} levels of `[` and `{{` inside each other; write the data out with fewer levels"
            )));
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
                format!("block quotes, lists and emphasis are nested more than {MAX_NESTING} deep here"),
            )
            .with_hint(format!("kennis reads at most {MAX_NESTING} levels of `>`, list items, `*`, `_`, `~~` and links inside each other; write the text with fewer levels"))),
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
    what: &str,
) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C"; the position goes into the span instead.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let (line, col) = match err.location() {
        Some(loc) => snippet_position(file, offset, yaml, loc.index(), (loc.line(), loc.column())),
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
    what: &str,
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
        format!("close it with `{closer}` after the last item")
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
        let inside = match mark {
            '"' => "; a `\"` inside the text is written `\\\"`",
            '\'' => "; a `'` inside the text is written `''`",
            _ => "",
        };
        format!("close it with `{closer}`, for example `{example}`{inside}")
    };
    file.error_at_line(
        line,
        col,
        format!("{what}: the `{mark}` opened here is never closed"),
    )
    .with_hint(hint)
}

/// The error for a key given twice: at the second, naming the line of the first.
fn duplicate_error(
    file: &SourceFile,
    offset: usize,
    yaml: &str,
    duplicate: &Duplicate,
    what: &str,
) -> Diagnostic {
    let at = |i: usize| snippet_position(file, offset, yaml, i, snippet_line_col(yaml, i));
    let first_line = at(duplicate.first).0;
    let (line, col) = at(duplicate.second);
    let key = &duplicate.key;
    file.error_at_line(
        line,
        col,
        format!("{what}: `{key}` is given twice; it is already on line {first_line}"),
    )
    .with_hint(format!("remove one of the two `{key}:` lines"))
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
            let e = crate::messages::speaking(crate::messages::Language::English, || error(yaml));
            assert!(e.message.contains(message), "{yaml}: {e:?}");
            assert!(
                e.hint.as_deref().is_some_and(|h| h.contains(hint)),
                "{yaml}: {e:?}"
            );
            assert!(!e.message.contains(HINT_MARK), "{e:?}");
        }
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
    }

    // See: reliability, second round, "errors that point at the symptom".
    #[test]
    fn an_unclosed_bracket_or_quote_is_named_where_it_was_opened() {
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
                format!("front matter: {key} is given twice; it is already on line {first}"),
            );
            assert!(hint.contains("remove one of the two"), "{hint}");
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
