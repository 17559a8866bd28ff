//! `matrix`: tick tables, e.g. Tabel 3 and 4 of Al doende leren (knowledge used and missed by
//! experienced and starting professionals) and Tabel 2 of Ruimte om van betekenis te zijn.
//!
//! Column headings on top, row labels on the left, rows separated by lines. A `true` cell is a
//! check mark, a `false` cell a thin dash, so that an empty cell is still seen to be read; the
//! HTML table says "ja" and "nee" in words. When the column headings do not fit their columns,
//! the columns are lettered (A, B, ...) and a key under the title names them.

use serde::Deserialize;

use super::Problem;
use super::values::{Text, check_len};
use crate::csv::{Cell as CsvCell, Csv};
use crate::font::{self, Weight};
use crate::markup::{Element, fmt_num};
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TITLE, TextStyle, WIDTH};

/// A cell: a tick (`true`), an empty cell (`false`), `onbekend` (the source does not say) or a
/// short text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// `true` or `false`.
    Tick(bool),
    /// `onbekend`: one of the row's cells holds a tick, but the source does not say which.
    Unknown,
    /// A text.
    Text(Text),
}

/// The word for a cell the source leaves open.
pub(crate) const UNKNOWN: &str = "onbekend";
/// What `onbekend` means, for the legend and for screen readers.
pub(crate) const UNKNOWN_MEANING: &str = "één van beide groepen; welke, staat niet in de bron";

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Tick(bool),
            Text(Text),
        }
        Ok(match Written::deserialize(d)? {
            Written::Tick(t) => Cell::Tick(t),
            Written::Text(t) if t.as_str().trim().eq_ignore_ascii_case(UNKNOWN) => Cell::Unknown,
            Written::Text(t) => Cell::Text(t),
        })
    }
}

/// The mark, the word for screen readers and the CSV value of a tick cell or an unknown one.
fn mark(cell: &Cell) -> Option<(&'static str, String, &'static str)> {
    match cell {
        Cell::Tick(true) => Some(("✓", "ja".to_string(), "ja")),
        Cell::Tick(false) => Some(("–", "nee".to_string(), "nee")),
        Cell::Unknown => Some(("?", format!("{UNKNOWN}: {UNKNOWN_MEANING}"), UNKNOWN)),
        Cell::Text(_) => None,
    }
}

/// One row.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Row {
    /// Row heading.
    pub(crate) label: Text,
    /// One cell per column.
    pub(crate) cells: Vec<Cell>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// The source's label (`Tabel 3`).
    pub(crate) label: Option<Text>,
    /// Caption (e.g. the source).
    pub(crate) caption: Option<String>,
    /// Column headings.
    pub(crate) columns: Vec<Text>,
    /// The rows.
    pub(crate) rows: Vec<Row>,
}

/// Most columns: beyond eight, a 360-wide graphic has no room for a column.
const MAX_COLUMNS: usize = 8;
/// Share of the width for the row labels.
const LABEL_SHARE: f64 = 0.45;
/// Space above and below the contents of a row.
const ROW_PAD: f64 = 7.0;
/// Space inside a column, each side of a heading or text cell.
const CELL_PAD: f64 = 3.0;
/// Height of a check mark.
const MARK: f64 = 14.0;
/// Most lines a column heading may take before the columns are lettered instead.
const MAX_HEADING_LINES: usize = 4;

/// Column count, row count and the cells of every row.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    let mut problems = Vec::new();
    let columns = spec.columns.len();
    if columns == 0 {
        problems.push(Problem::new(
            messages::matrix_no_columns(),
            messages::matrix_no_columns_hint(),
        ));
    } else if columns > MAX_COLUMNS {
        problems.push(Problem::new(
            messages::matrix_too_many_columns(columns, MAX_COLUMNS),
            messages::matrix_too_many_columns_hint(),
        ));
    }
    problems.extend(check_len("`rows`", spec.rows.len()));
    if columns > 0 {
        for row in &spec.rows {
            let cells = row.cells.len();
            if cells != columns {
                let message = if columns == 1 {
                    messages::matrix_row_cells_one_column(&row.label, count_cells(cells))
                } else {
                    messages::matrix_row_cells_columns(&row.label, count_cells(cells), columns)
                };
                problems.push(Problem::new(
                    message,
                    messages::matrix_row_cells_hint(count_cells(columns)),
                ));
            }
        }
    }
    problems
}

/// "1 cell", "3 cells", in the problems of a row.
fn count_cells(n: usize) -> messages::Text {
    if n == 1 {
        messages::matrix_one_cell()
    } else {
        messages::matrix_cells(n)
    }
}

/// Where things go across the width.
struct Grid {
    /// Width of the row-label column, starting at `PAD`.
    label_width: f64,
    /// Width of one cell column.
    column_width: f64,
}

impl Grid {
    fn new(columns: usize) -> Grid {
        let inner = WIDTH - 2.0 * PAD;
        let label_width = inner * LABEL_SHARE;
        Grid {
            label_width,
            column_width: (inner - label_width) / columns.max(1) as f64,
        }
    }

    /// Centre of column `i`.
    fn centre(&self, i: usize) -> f64 {
        PAD + self.label_width + (i as f64 + 0.5) * self.column_width
    }
}

/// Whether every heading fits its column without cutting a word and in a few lines.
fn headings_fit(spec: &Spec, width: f64) -> bool {
    spec.columns.iter().all(|c| {
        c.as_str()
            .split_whitespace()
            .all(|w| font::measure(w, SMALL, Weight::Bold) <= width)
            && font::wrap(c.as_str(), width, SMALL, Weight::Bold).len() <= MAX_HEADING_LINES
    })
}

/// "A", "B", ... for lettered columns.
fn letter(i: usize) -> String {
    char::from(b'A' + (i % 26) as u8).to_string()
}

/// A heading, an optional key to lettered columns, the column headings and the rows.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let grid = Grid::new(spec.columns.len());
    let mut body = Vec::new();
    let title_style = TextStyle::new(TITLE, Paint::Ink).bold();
    let heading = svg::wrap(spec.title.as_str(), inner, &title_style);
    body.push(svg::text(PAD, PAD, &heading.lines, &title_style));
    let mut y = PAD + heading.height + 8.0;

    let heading_width = grid.column_width - 2.0 * CELL_PAD;
    let lettered = !headings_fit(spec, heading_width);
    if lettered {
        let key_style = TextStyle::new(SMALL, Paint::Ink).bold();
        let name_style = TextStyle::new(SMALL, Paint::Ink);
        let indent = 2.0 * SMALL;
        for (i, column) in spec.columns.iter().enumerate() {
            let name = svg::wrap(column.as_str(), inner - indent, &name_style);
            body.push(svg::text(PAD, y, &[letter(i)], &key_style));
            body.push(svg::text(PAD + indent, y, &name.lines, &name_style));
            y += name.height;
        }
        y += 8.0;
    }

    // Column headings, bottom-aligned over their columns.
    let head_style = TextStyle::new(SMALL, Paint::Ink)
        .bold()
        .anchor(Anchor::Middle);
    let headings: Vec<svg::Block> = spec
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let text = if lettered { letter(i) } else { c.to_string() };
            svg::wrap(&text, heading_width, &head_style)
        })
        .collect();
    let head_height = headings.iter().map(|h| h.height).fold(0.0, f64::max);
    for (i, h) in headings.iter().enumerate() {
        let top = y + head_height - h.height;
        body.push(svg::text(grid.centre(i), top, &h.lines, &head_style));
    }
    y += head_height + 4.0;
    body.push(svg::line(PAD, y, WIDTH - PAD, y, Paint::Line, 1.5));

    let label_style = TextStyle::new(TEXT, Paint::Ink);
    let cell_style = TextStyle::new(SMALL, Paint::Ink).anchor(Anchor::Middle);
    for row in &spec.rows {
        let label = svg::wrap(row.label.as_str(), grid.label_width - 8.0, &label_style);
        let cells: Vec<Option<svg::Block>> = row
            .cells
            .iter()
            .map(|cell| match cell {
                Cell::Tick(_) | Cell::Unknown => None,
                Cell::Text(t) => Some(svg::wrap(t.as_str(), heading_width, &cell_style)),
            })
            .collect();
        let content = cells
            .iter()
            .flatten()
            .map(|b| b.height)
            .fold(label.height.max(MARK), f64::max);
        let top = y + ROW_PAD;
        let middle = top + content / 2.0;
        body.push(svg::text(
            PAD,
            middle - label.height / 2.0,
            &label.lines,
            &label_style,
        ));
        // A row may hold fewer cells than there are columns only if validation was skipped;
        // draw what fits.
        for (i, (cell, text)) in row
            .cells
            .iter()
            .zip(&cells)
            .enumerate()
            .take(spec.columns.len())
        {
            let cx = grid.centre(i);
            match (cell, text) {
                (_, Some(text)) => {
                    let text_top = middle - text.height / 2.0;
                    body.push(svg::text(cx, text_top, &text.lines, &cell_style));
                }
                (Cell::Tick(true), None) => body.push(check_mark(cx, middle, Paint::Primary)),
                (Cell::Unknown, None) => body.extend(unknown_mark(cx, middle)),
                (_, None) => body.push(svg::line(
                    cx - 5.0,
                    middle,
                    cx + 5.0,
                    middle,
                    Paint::Line,
                    1.5,
                )),
            }
        }
        y = top + content + ROW_PAD;
        body.push(svg::line(PAD, y, WIDTH - PAD, y, Paint::Line, 0.75));
    }
    if has_unknown(spec) {
        // The legend: what the open circle means.
        let style = TextStyle::new(SMALL, Paint::Muted);
        let text = svg::wrap(
            &format!("{UNKNOWN}: {UNKNOWN_MEANING}"),
            WIDTH - 2.0 * PAD - 2.0 * MARK,
            &style,
        );
        y += 8.0;
        body.extend(unknown_mark(
            PAD + MARK / 2.0,
            y + svg::line_height(SMALL) / 2.0,
        ));
        body.push(svg::text(PAD + 1.5 * MARK, y, &text.lines, &style));
        y += text.height;
    }
    Drawing {
        width: WIDTH,
        height: y + PAD,
        title: spec.title.to_string(),
        desc: desc(spec),
        body,
    }
}

/// A ✓ centred on (`cx`, `cy`), `MARK` high.
fn check_mark(cx: f64, cy: f64, stroke: Paint) -> Element {
    let h = MARK / 2.0;
    let points = [
        (cx - 0.45 * MARK, cy),
        (cx - 0.12 * MARK, cy + h * 0.7),
        (cx + 0.45 * MARK, cy - h * 0.8),
    ];
    let d = format!(
        "M{} {}L{} {}L{} {}",
        fmt_num(points[0].0),
        fmt_num(points[0].1),
        fmt_num(points[1].0),
        fmt_num(points[1].1),
        fmt_num(points[2].0),
        fmt_num(points[2].1)
    );
    Element::new("path")
        .attr("d", d)
        .attr("fill", "none")
        .paint("stroke", stroke)
        .num("stroke-width", 2.75)
        .attr("stroke-linecap", "round")
        .attr("stroke-linejoin", "round")
}

/// Whether a cell of the table is `onbekend`.
fn has_unknown(spec: &Spec) -> bool {
    spec.rows
        .iter()
        .flat_map(|r| &r.cells)
        .any(|c| *c == Cell::Unknown)
}

/// An open circle with a `?`, centred on (`cx`, `cy`): a cell the source leaves open. Told
/// apart from a tick and a dash by shape, and named in the legend.
fn unknown_mark(cx: f64, cy: f64) -> Vec<Element> {
    let style = TextStyle::new(SMALL, Paint::Ink)
        .bold()
        .anchor(Anchor::Middle);
    vec![
        Element::new("circle")
            .num("cx", cx)
            .num("cy", cy)
            .num("r", MARK / 2.0)
            .attr("fill", "none")
            .paint("stroke", Paint::Line)
            .num("stroke-width", 1.5),
        svg::text(
            cx,
            cy - svg::line_height(SMALL) / 2.0,
            &["?".to_string()],
            &style,
        ),
    ]
}

/// "Tabel met 11 rijen en 2 kolommen (Ervaren professionals en Startende professionals); een
/// vinkje betekent ja. Ja bij Ervaren professionals: 7 van 11; bij Startende professionals: 9
/// van 11."
fn desc(spec: &Spec) -> String {
    let rows = spec.rows.len();
    let columns = spec.columns.len();
    let names: Vec<String> = spec.columns.iter().map(Text::to_string).collect();
    let mut out = format!(
        "Tabel met {rows} {} en {columns} {} ({})",
        if rows == 1 { "rij" } else { "rijen" },
        if columns == 1 { "kolom" } else { "kolommen" },
        crate::prose::list(&names)
    );
    let ticks: Vec<String> = spec
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, column)| {
            let ticked: Vec<bool> = spec
                .rows
                .iter()
                .filter_map(|r| match r.cells.get(i) {
                    Some(Cell::Tick(t)) => Some(*t),
                    _ => None,
                })
                .collect();
            if ticked.is_empty() {
                return None;
            }
            let yes = ticked.iter().filter(|t| **t).count();
            Some(format!("{column}: {yes} van {}", ticked.len()))
        })
        .collect();
    if ticks.is_empty() {
        out.push('.');
    } else {
        out.push_str(&format!(
            "; een vinkje betekent ja. Aantal keer ja bij {}.",
            ticks.join("; ")
        ));
    }
    let unknown = spec
        .rows
        .iter()
        .filter(|r| r.cells.contains(&Cell::Unknown))
        .count();
    if unknown > 0 {
        out.push_str(&format!(
            " Bij {} staat {UNKNOWN}: {UNKNOWN_MEANING}.",
            crate::prose::count(unknown, "rij", "rijen")
        ));
    }
    out
}

/// The table on the page: column and row headers; a tick, a dash or an open `?` for each
/// cell, with the word ("ja", "nee", "onbekend: …") for screen readers; a legend under it when
/// a cell is `onbekend`.
pub(crate) fn html(spec: &Spec, page: &super::PageContext<'_>) -> Element {
    let head = Element::new("tr").child(Element::new("td")).children(
        spec.columns
            .iter()
            .map(|c| Element::new("th").attr("scope", "col").text(c.to_string())),
    );
    let rows = spec.rows.iter().map(|row| {
        Element::new("tr")
            .child(
                Element::new("th")
                    .attr("scope", "row")
                    .text(row.label.to_string()),
            )
            .children(row.cells.iter().map(|cell| match mark(cell) {
                Some((glyph, word, _)) => {
                    let class = match cell {
                        Cell::Tick(true) => "mark mark-yes",
                        Cell::Tick(false) => "mark mark-no",
                        _ => "mark mark-unknown",
                    };
                    Element::new("td")
                        .child(
                            Element::new("span")
                                .attr("class", class)
                                .attr("aria-hidden", "true")
                                .text(glyph),
                        )
                        .child(
                            Element::new("span")
                                .attr("class", "visually-hidden")
                                .text(word),
                        )
                }
                None => match cell {
                    Cell::Text(text) => Element::new("td").text(text.to_string()),
                    _ => Element::new("td"),
                },
            }))
    });
    let table = Element::new("table")
        .attr("class", "matrix")
        .child(Element::new("thead").child(head))
        .child(Element::new("tbody").children(rows));
    let mut out = Element::new("div").attr("class", "matrix-block").child(
        Element::new("div")
            .attr("class", "table-scroll")
            .attr("tabindex", "0")
            .attr("role", "region")
            .attr("aria-labelledby", format!("{}-titel", page.id))
            .child(table),
    );
    // The legend names the marks the table has.
    let has = |cell: Cell| spec.rows.iter().flat_map(|r| &r.cells).any(|c| *c == cell);
    let legend: Vec<(&str, &str, String)> = [
        (
            Cell::Tick(true),
            "mark mark-yes",
            "✓",
            "genoemd".to_string(),
        ),
        (
            Cell::Tick(false),
            "mark mark-no",
            "–",
            "niet genoemd".to_string(),
        ),
        (
            Cell::Unknown,
            "mark mark-unknown",
            "?",
            format!("{UNKNOWN}: {UNKNOWN_MEANING}"),
        ),
    ]
    .into_iter()
    .filter(|(cell, ..)| has(cell.clone()))
    .map(|(_, class, glyph, word)| (class, glyph, word))
    .collect();
    if !legend.is_empty() {
        out.push(
            Element::new("ul")
                .attr("class", "matrix-legend")
                .attr("aria-label", "Legenda")
                .children(legend.into_iter().map(|(class, glyph, word)| {
                    Element::new("li")
                        .child(
                            Element::new("span")
                                .attr("class", class)
                                .attr("aria-hidden", "true")
                                .text(glyph),
                        )
                        .text(format!(" {word}"))
                })),
        );
    }
    out
}

/// The table as CSV: the row label, then per column `ja`, `nee`, `onbekend` or the text.
pub(crate) fn csv(spec: &Spec) -> Csv {
    let mut header = vec![String::new()];
    header.extend(spec.columns.iter().map(Text::to_string));
    let mut csv = Csv::new(header);
    for row in &spec.rows {
        let mut cells = vec![CsvCell::Text(row.label.to_string())];
        cells.extend(row.cells.iter().map(|cell| match (cell, mark(cell)) {
            (Cell::Text(t), _) => CsvCell::Text(t.to_string()),
            (_, Some((_, _, value))) => CsvCell::Text(value.to_string()),
            (_, None) => CsvCell::Text(String::new()),
        }));
        csv.row(cells);
    }
    csv
}

/// `matrix`: see the module doc.
pub(crate) struct Matrix;

impl super::BlockType for Matrix {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::Table;

    fn check(raw: Spec, _: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        super::problems_or(validate(&raw), raw)
    }

    fn title(spec: &Spec) -> String {
        spec.title.to_string()
    }

    fn label(spec: &Spec) -> Option<&str> {
        spec.label.as_ref().map(Text::as_str)
    }

    fn caption(spec: &Spec) -> Option<&str> {
        spec.caption.as_deref()
    }

    fn layout(spec: &Spec) -> Drawing {
        layout(spec)
    }

    fn html(spec: &Spec, page: &super::PageContext<'_>) -> Element {
        html(spec, page)
    }

    fn csv(spec: &Spec) -> Option<Csv> {
        Some(csv(spec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> Spec {
        serde_yaml::from_str(yaml).expect("test YAML parses")
    }

    const SAMPLE: &str = "
title: Gebruikte kennis uit de opleiding
columns: [Ervaren professionals, Startende professionals]
rows:
  - {label: Opvoedondersteuning, cells: [true, false]}
  - {label: Orthopedagogiek, cells: [true, true]}
  - {label: Ontwikkelingspsychologie, cells: [false, 'soms']}
";

    #[test]
    fn a_valid_spec_has_no_problems() {
        assert_eq!(validate(&spec(SAMPLE)), vec![]);
    }

    #[test]
    fn columns_must_number_one_to_eight() {
        let p = validate(&spec(
            "title: x\ncolumns: []\nrows: [{label: a, cells: []}]\n",
        ));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].message.as_str(), "`columns` is leeg");
        let p = validate(&spec(
            "title: x\ncolumns: [a, b, c, d, e, f, g, h, i]\nrows: [{label: r, cells: [1, 2, 3, 4, 5, 6, 7, 8, 9]}]\n",
        ));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].message.as_str().contains("9 kolommen"), "{p:?}");
    }

    #[test]
    fn rows_must_number_one_to_thirty() {
        let p = validate(&spec("title: x\ncolumns: [a]\nrows: []\n"));
        assert_eq!(p[0].message.as_str(), "`rows` is leeg");
        let rows: Vec<String> = (0..31)
            .map(|i| format!("{{label: r{i}, cells: [true]}}"))
            .collect();
        let p = validate(&spec(&format!(
            "title: x\ncolumns: [a]\nrows: [{}]\n",
            rows.join(", ")
        )));
        assert!(p[0].message.as_str().contains("31 onderdelen"), "{p:?}");
    }

    #[test]
    fn a_row_with_the_wrong_number_of_cells_names_the_row_and_both_counts() {
        let p = validate(&spec(
            "title: x\ncolumns: [Ervaren, Startend]\nrows:\n  - {label: Zelfzorg, cells: [true]}\n  - {label: Goed, cells: [true, false]}\n",
        ));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].message.as_str(),
            "rij `Zelfzorg` heeft 1 cel, maar er zijn 2 kolommen"
        );
        assert!(
            p[0].hint.as_str().contains("precies 2 cellen"),
            "{}",
            p[0].hint
        );
        let yaml =
            "title: x\ncolumns: [Ervaren]\nrows:\n  - {label: Zelfzorg, cells: [true, false]}\n";
        let p =
            crate::messages::speaking(crate::messages::Language::English, || validate(&spec(yaml)));
        assert_eq!(
            p[0].message.as_str(),
            "row `Zelfzorg` has 2 cells but there is 1 column"
        );
        assert!(
            p[0].hint.as_str().contains("exactly 1 cell,"),
            "{}",
            p[0].hint
        );
    }

    #[test]
    fn true_is_a_check_mark_false_a_dash_and_text_stays_text() {
        let d = layout(&spec(SAMPLE));
        let marks = d.body.iter().filter(|e| e.name() == "path").count();
        assert_eq!(marks, 3);
        let dashes = d
            .body
            .iter()
            .filter(|e| e.name() == "line" && e.get("stroke-width") == Some("1.5"))
            .count();
        // Two dashes and the line under the headings.
        assert_eq!(dashes, 3);
        assert!(d.body.iter().any(|e| e.own_text() == "soms"));
        // One separator under every row.
        let separators = d
            .body
            .iter()
            .filter(|e| e.name() == "line" && e.get("stroke-width") == Some("0.75"))
            .count();
        assert_eq!(separators, 3);
    }

    #[test]
    fn headings_that_do_not_fit_become_letters_with_a_key() {
        let d = layout(&spec(
            "title: x\ncolumns: [Jeugdhulpprofessionals, b, c, d, e, f]\nrows: [{label: r, cells: [true, true, true, true, true, true]}]\n",
        ));
        let texts: Vec<String> = d.body.iter().map(Element::own_text).collect();
        // The key names the column, and the letter heads it.
        assert!(
            texts.contains(&"Jeugdhulpprofessionals".to_string()),
            "{texts:?}"
        );
        assert_eq!(texts.iter().filter(|t| *t == "A").count(), 2, "{texts:?}");
        let fits = layout(&spec(SAMPLE));
        assert!(!fits.body.iter().any(|e| e.own_text() == "A"));
    }

    #[test]
    fn the_description_counts_rows_columns_and_ticks() {
        assert_eq!(
            desc(&spec(SAMPLE)),
            "Tabel met 3 rijen en 2 kolommen (Ervaren professionals en Startende professionals); een vinkje betekent ja. Aantal keer ja bij Ervaren professionals: 2 van 3; Startende professionals: 1 van 2."
        );
        assert_eq!(
            desc(&spec(
                "title: x\ncolumns: [Rol]\nrows: [{label: a, cells: [x]}]\n"
            )),
            "Tabel met 1 rij en 1 kolom (Rol)."
        );
    }

    #[test]
    fn the_table_says_ja_and_nee_in_words() {
        let t = html(&spec(SAMPLE), &crate::blocks::tests::test_page()).to_markup();
        assert!(t.contains("<table class=\"matrix\"><thead><tr><td></td><th scope=\"col\">Ervaren professionals</th>"), "{t}");
        assert!(t.contains("<tr><th scope=\"row\">Opvoedondersteuning</th><td><span class=\"mark mark-yes\" aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">ja</span></td><td><span class=\"mark mark-no\" aria-hidden=\"true\">–</span><span class=\"visually-hidden\">nee</span></td></tr>"), "{t}");
        assert!(t.contains("<td>soms</td>"), "{t}");
        assert!(
            !t.contains("onbekend"),
            "no legend entry for what the table lacks: {t}"
        );
    }

    #[test]
    fn an_unknown_cell_reads_as_such_in_the_graphic_the_table_the_text_and_the_csv() {
        let s = spec(
            "title: T\ncolumns: [Ervaren, Startend]\nrows:\n  - {label: Zelfzorg, cells: [true, true]}\n  - {label: Praktische tools, cells: [onbekend, Onbekend]}\n",
        );
        assert_eq!(s.rows[1].cells, [Cell::Unknown, Cell::Unknown]);
        let t = html(&s, &crate::blocks::tests::test_page()).to_markup();
        assert!(t.contains("<span class=\"mark mark-unknown\" aria-hidden=\"true\">?</span><span class=\"visually-hidden\">onbekend: één van beide groepen; welke, staat niet in de bron</span>"), "{t}");
        assert!(t.contains("<li><span class=\"mark mark-unknown\" aria-hidden=\"true\">?</span> onbekend: één van beide groepen"), "the legend: {t}");
        let d = layout(&s);
        assert!(
            d.desc
                .contains("Bij 1 rij staat onbekend: één van beide groepen"),
            "{}",
            d.desc
        );
        let circles = d.body.iter().filter(|e| e.name() == "circle").count();
        assert_eq!(circles, 3, "two cells and the legend");
        let csv = String::from_utf8(csv(&s).to_bytes()).unwrap();
        assert!(
            csv.contains("Praktische tools,onbekend,onbekend\r\n"),
            "{csv}"
        );
    }
}
