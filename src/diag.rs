//! Diagnostics: one type for every content error and warning.
//!
//! Owns `Span`, `Diagnostic` and the `Diagnostics` collector, and their rendering for a
//! terminal. It knows nothing of YAML, Markdown or the site model: sub-parsers turn their
//! positions into a `Span` through `source::SourceFile`, and push here.

use crate::messages::Text;
use std::fmt::{self, Write as _};
use std::path::PathBuf;

use crate::markup::Element;
use crate::messages;

/// A position in a content file: the path as the editor knows it (relative to the site root),
/// 1-based line and column (column counted in characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub(crate) file: PathBuf,
    pub(crate) line: usize,
    pub(crate) col: usize,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// Worth fixing, but the site is still built.
    Warning,
}

/// The rule a diagnostic belongs to: what `kennis check` lists (`check::RULES`), the JSON output
/// names and an editor can look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) enum Rule {
    /// site.yaml, themes, front matter, references and block data: what `build` checks.
    #[default]
    Content,
    /// One level-1 heading, no skipped levels, unique ids.
    Headings,
    /// Contrast of the theme's colours.
    Contrast,
    /// Internal links and anchors.
    Links,
    /// Alt text of images.
    AltText,
    /// Sanity of infographic data (advice).
    Data,
    /// Plain language (advice).
    Readability,
}

impl Rule {
    /// The rule's id, as `kennis check` names it.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Rule::Content => "content",
            Rule::Headings => "headings",
            Rule::Contrast => "contrast",
            Rule::Links => "links",
            Rule::AltText => "alt-text",
            Rule::Data => "data",
            Rule::Readability => "readability",
        }
    }
}

/// One problem found in the content or configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    /// The rule it belongs to.
    pub(crate) rule: Rule,
    pub(crate) severity: Severity,
    /// Where it is; `None` for problems of the site as a whole (a missing `site.yaml`).
    pub(crate) span: Option<Span>,
    /// The text of the offending line, captured when the diagnostic is made.
    pub(crate) source_line: Option<String>,
    /// What is wrong.
    pub(crate) message: String,
    /// What would be right.
    pub(crate) hint: Option<String>,
}

impl Diagnostic {
    /// An error without a position.
    pub(crate) fn error(message: impl Into<Text>) -> Self {
        Diagnostic {
            rule: Rule::Content,
            severity: Severity::Error,
            span: None,
            source_line: None,
            message: message.into().into(),
            hint: None,
        }
    }

    /// Adds the help line.
    pub(crate) fn with_hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into().into());
        self
    }

    /// Puts the diagnostic under `rule`.
    pub(crate) fn with_rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }

    /// Turns the diagnostic into a warning.
    pub(crate) fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Renders the diagnostic the way a compiler does: header, location, the source line with a
    /// marker under the column, and the help line.
    pub(crate) fn render(&self) -> String {
        self.render_styled(false)
    }

    /// `render`, with ANSI colours when `colour` is set (for a terminal): the label red (error)
    /// or yellow (warning), the location and gutter blue, the help line cyan. Without colour the
    /// text is exactly `render()`'s.
    pub(crate) fn render_styled(&self, colour: bool) -> String {
        let paint = |code: &str, text: &str| -> String {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let mut out = String::new();
        let (label, code) = match self.severity {
            Severity::Error => (messages::error_label(), "1;31"),
            Severity::Warning => (messages::warning_label(), "1;33"),
        };
        let _ = writeln!(
            out,
            "{}{}",
            paint(code, label.as_str()),
            paint(
                "1",
                &format!(
                    ": {}",
                    self.message.chars().map(printable).collect::<String>()
                )
            )
        );
        if let Some(span) = &self.span {
            let gutter = span.line.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}{} {span}", paint("1;34", "-->"));
            if let Some(line) = &self.source_line {
                let shown: String = line.chars().take(200).map(printable).collect();
                let marker_at = span.col.saturating_sub(1).min(shown.chars().count());
                let indent: String = shown
                    .chars()
                    .take(marker_at)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let bar = paint("1;34", "|");
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(
                    out,
                    "{} {bar} {shown}",
                    paint("1;34", &span.line.to_string())
                );
                let _ = writeln!(out, "{pad} {bar} {indent}{}", paint(code, "^"));
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(
                out,
                "  = {}: {hint}",
                paint("1;36", messages::hint_label().as_str())
            );
        }
        out
    }
}

/// Content text echoed to a terminal: control characters (escape sequences could restyle or
/// rewrite the terminal) become U+FFFD; tabs stay for the marker's alignment.
fn printable(c: char) -> char {
    if c.is_control() && c != '\t' {
        '\u{FFFD}'
    } else {
        c
    }
}

/// Whether diagnostics on stderr may be coloured: stderr is a terminal and `NO_COLOR` is unset.
pub(crate) fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints diagnostics to stderr, errors and warnings alike, sorted, each followed by an empty
/// line.
pub(crate) fn print(diags: &Diagnostics) {
    let colour = colour();
    for d in diags.sorted() {
        eprint!("{}", d.render_styled(colour));
        eprintln!();
    }
}

/// Prints the diagnostics of a build that failed and the line that says so; `Failed`.
pub(crate) fn failed_build(diags: &Diagnostics) -> Outcome {
    print(diags);
    eprintln!(
        "{}: {}",
        messages::error_label(),
        messages::build_failed(diags.error_count())
    );
    Outcome::Failed
}

/// How a command ended. `main` turns it into the process's exit code through `exit_code`, the
/// one place where results become 0, 1 or 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done as asked (warnings may have been printed): exit 0.
    Success,
    /// The content has errors, or the output could not be written: exit 1.
    Failed,
    /// The command line or the request cannot be carried out as written: exit 2.
    Usage,
}

impl Outcome {
    /// `Failed` when `diagnostics` hold an error, else `Success`.
    pub(crate) fn of(diagnostics: &Diagnostics) -> Outcome {
        if diagnostics.has_errors() {
            Outcome::Failed
        } else {
            Outcome::Success
        }
    }

    /// The exit code: 0, 1 or 2.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Failed => 1,
            Outcome::Usage => 2,
        }
    }
}

/// Collects diagnostics from every stage; the build goes on after an error so that all of them
/// are reported at once.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records one diagnostic.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many.
    pub(crate) fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Whether any error (not warning) was recorded.
    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub(crate) fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// All diagnostics, sorted by file and position so output is deterministic.
    pub(crate) fn sorted(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.items.iter().collect();
        all.sort_by(|a, b| (&a.span, a.severity).cmp(&(&b.span, b.severity)));
        all.dedup();
        all
    }
}

// ---------------------------------------------------------------------------------------------
// The other forms: JSON for tools, HTML for the preview's overlay and the check report.

/// One diagnostic as `{rule, severity, file, line, column, message, hint}`, in that order.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// Every diagnostic, sorted, as one JSON array of `{rule, severity, file, line, column,
/// message, hint}` (paths with `/`).
pub(crate) fn to_json(diags: &Diagnostics) -> String {
    let all: Vec<JsonDiagnostic<'_>> = diags
        .sorted()
        .into_iter()
        .map(|d| JsonDiagnostic {
            rule: d.rule.id(),
            severity: d.severity.name(),
            file: d
                .span
                .as_ref()
                .map(|s| s.file.to_string_lossy().replace('\\', "/")),
            line: d.span.as_ref().map(|s| s.line),
            column: d.span.as_ref().map(|s| s.col),
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_string())
}

impl Severity {
    /// `error` or `warning`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A diagnostic as an HTML list item for the check report: its kind, place, message, the
/// line of the file and the hint, in the language of the run (that of the report). Everything
/// passes through the markup serializer, which escapes it.
pub(crate) fn report_item(d: &Diagnostic) -> Element {
    let error = d.severity == Severity::Error;
    let label = if error {
        messages::report_error_label()
    } else {
        messages::report_advice_label()
    };
    let mut li = Element::new("li")
        .child(
            Element::new("span")
                .attr("class", if error { "fout" } else { "advies" })
                .text(label),
        )
        .text(" ");
    if let Some(span) = &d.span {
        li = li
            .child(Element::new("code").text(span.to_string()))
            .text(": ");
    }
    li = li.child(Element::new("span").text(d.message.clone()));
    if let Some(line) = d.source_line.as_ref().filter(|l| !l.trim().is_empty()) {
        li = li.child(Element::new("pre").text(line.clone()));
    }
    if let Some(hint) = &d.hint {
        li = li.child(Element::new("p").text(hint.clone()));
    }
    li
}

/// The errors of the last rebuild as the preview shows them over a page: file, line, the line
/// itself with a marker, message and hint. Everything passes through the markup serializer,
/// which escapes it. It is in the language of the run, marked so for the page it is shown on.
pub(crate) fn overlay_html(errors: &[Diagnostic]) -> String {
    let box_style = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;\
        background:#fff;color:#1b1b1b;border-top:6px solid #a4000f;padding:1rem 1.5rem;\
        font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.35)";
    let items = errors.iter().map(|d| {
        let mut li = Element::new("li").attr("style", "margin:0 0 1rem");
        if let Some(span) = &d.span {
            li = li
                .child(
                    Element::new("code")
                        .attr("style", "font-weight:bold")
                        .text(span.to_string()),
                )
                .text(": ");
        }
        li = li.child(Element::new("span").text(d.message.clone()));
        if let (Some(span), Some(line)) = (&d.span, &d.source_line) {
            let marker = " ".repeat(span.col.saturating_sub(1).min(line.chars().count()));
            li = li.child(
                Element::new("pre")
                    .attr(
                        "style",
                        "background:#f4f4f4;padding:.4rem;margin:.3rem 0;white-space:pre-wrap",
                    )
                    .text(format!(
                        "{} | {line}\n{} | {marker}^",
                        span.line,
                        " ".repeat(span.line.to_string().len())
                    )),
            );
        }
        if let Some(hint) = &d.hint {
            li = li.child(
                Element::new("p")
                    .attr("style", "margin:.2rem 0")
                    .text(format!("{}: {hint}", messages::hint_label())),
            );
        }
        li
    });
    Element::new("div")
        .attr("id", "kennis-fouten")
        .attr("lang", messages::language().code())
        .attr("role", "alert")
        .attr("style", box_style)
        .child(
            Element::new("p")
                .attr("style", "margin:0 0 .5rem;font-weight:bold;color:#a4000f")
                .text(messages::overlay_heading(messages::counted(
                    errors.len(),
                    messages::count_error_one,
                    messages::count_errors,
                ))),
        )
        .child(Element::new("ol").children(items))
        .child(
            Element::new("button")
                .attr("type", "button")
                .text(messages::overlay_hide()),
        )
        .to_markup()
}

/// The preview's page when there is no good build yet: the errors (or that it is building),
/// and the preview script at `script`, which reloads it after the next build.
pub(crate) fn preview_page(errors: &[Diagnostic], script: &str) -> String {
    let body = if errors.is_empty() {
        Element::new("p")
            .text(messages::preview_building())
            .to_markup()
    } else {
        String::new()
    };
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n{body}\n<script src=\"{}\"></script>\n</body></html>\n",
        messages::language().code(),
        crate::markup::escape(messages::preview_title().as_str()),
        crate::markup::escape(script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_shows_location_line_marker_and_hint() {
        let d = Diagnostic {
            rule: Rule::Content,
            severity: Severity::Error,
            span: Some(Span {
                file: "content/x.md".into(),
                line: 4,
                col: 3,
            }),
            source_line: Some("tagz: [a]".into()),
            message: "unknown field `tagz`".into(),
            hint: Some("did you mean `themes`?".into()),
        };
        let text = messages::speaking(messages::Language::English, || d.render());
        assert_eq!(
            text,
            "error: unknown field `tagz`\n --> content/x.md:4:3\n  |\n4 | tagz: [a]\n  |   ^\n  = help: did you mean `themes`?\n"
        );
        let coloured = messages::speaking(messages::Language::English, || d.render_styled(true));
        assert!(coloured.contains("\x1b[1;31merror\x1b[0m"), "{coloured:?}");
        let dutch = messages::speaking(messages::Language::Dutch, || d.render());
        assert!(
            dutch.starts_with("fout: ") && dutch.contains("= tip: "),
            "{dutch}"
        );
        let plain: String = strip_ansi(&coloured);
        assert_eq!(plain, text, "colour changes nothing but the colour");
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn control_characters_from_content_do_not_reach_the_terminal() {
        let d = Diagnostic {
            rule: Rule::Content,
            severity: Severity::Error,
            span: Some(Span {
                file: "x.md".into(),
                line: 1,
                col: 1,
            }),
            source_line: Some("a\x1b[2Jb".into()),
            message: "bad \x1b]0;title\x07 value".into(),
            hint: None,
        };
        let text = d.render();
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
        assert!(text.contains("a\u{FFFD}[2Jb"));
    }

    #[test]
    fn the_overlay_escapes_everything() {
        let mut d =
            crate::source::SourceFile::new("content/x.md", "---\ntitle: <script>\n---\n".into())
                .error_at_line(2, 8, messages::serve_not_found());
        // Text from the content, as a message can hold it.
        d.message = "bad <script>alert(1)</script>".into();
        d.hint = Some("use \"quotes\" & <b>".into());
        let html = overlay_html(std::slice::from_ref(&d));
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("bad &lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("content/x.md:2:8"));
        assert!(!html.contains("onclick"), "{html}");
        // In the language of the run, said so for the page it is shown over.
        assert!(html.contains("lang=\"nl\""), "{html}");
        assert!(
            html.contains("kennis: de laatste wijziging heeft één fout."),
            "{html}"
        );
        assert!(html.contains("tip: use"), "{html}");
        let english = messages::speaking(messages::Language::English, || overlay_html(&[d]));
        assert!(english.contains("lang=\"en\""), "{english}");
        assert!(
            english.contains("the last change has one error"),
            "{english}"
        );
        assert!(english.contains("help: use"), "{english}");
    }

    #[test]
    fn the_preview_page_speaks_the_language_of_the_run() {
        let page = preview_page(&[], "/__kennis/preview.js");
        assert!(page.contains("<html lang=\"nl\">"), "{page}");
        assert!(page.contains("kennis is aan het bouwen…"), "{page}");
        let english = messages::speaking(messages::Language::English, || {
            preview_page(&[], "/__kennis/preview.js")
        });
        assert!(english.contains("<html lang=\"en\">"), "{english}");
        assert!(english.contains("kennis is building…"), "{english}");
    }

    #[test]
    fn has_errors_ignores_warnings() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error(messages::serve_not_found()).into_warning());
        assert!(!all.has_errors());
        all.push(Diagnostic::error(messages::serve_file_gone()));
        assert!(all.has_errors());
        assert_eq!(all.error_count(), 1);
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo
/// (about a third of the word's length).
pub(crate) fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = word.chars().count().div_ceil(3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod suggest_tests {
    use super::suggest;

    #[test]
    fn near_misses_are_suggested_and_far_words_are_not() {
        let names = ["bars", "figures", "recommendations", "quote"];
        assert_eq!(suggest("barz", &names), Some("bars"));
        assert_eq!(suggest("recomendations", &names), Some("recommendations"));
        assert_eq!(suggest("yaml", &names), None);
        assert_eq!(suggest("rust", &names), None);
    }
}
