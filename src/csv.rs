//! CSV for the data downloads of infographics: RFC 4180 (comma-separated, `"` quoting, CRLF
//! line ends), UTF-8 with a byte order mark so that spreadsheet programs read the accents. The
//! only place CSV is written, so escaping cannot be forgotten.
//!
//! A text cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or carriage
//! return first) gets a `'` in front, so opening the file never runs anything; numbers are
//! written as numbers.

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text from content.
    Text(String),
    /// A number, written with a `.` for decimals.
    Number(f64),
}

/// A table: a header row and the rows under it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Csv {
    /// Column headings.
    pub(crate) header: Vec<String>,
    /// The rows, each as long as the header.
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Csv {
    /// The table with these column headings and no rows.
    pub(crate) fn new(header: impl IntoIterator<Item = impl Into<String>>) -> Csv {
        Csv {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub(crate) fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let header: Vec<Cell> = self.header.iter().cloned().map(Cell::Text).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(field).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }
}

/// One field, quoted when it has to be.
fn field(cell: &Cell) -> String {
    let text = match cell {
        Cell::Number(n) if n.is_finite() => return crate::markup::fmt_num(*n),
        Cell::Number(n) => n.to_string(),
        Cell::Text(t) => {
            let t: String = t
                .chars()
                .filter(|c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
                .collect();
            if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{t}")
            } else {
                t
            }
        }
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let mut csv = Csv::new(["Groep", "Aantal"]);
        csv.row(vec![
            Cell::Text("Jeugd, gezin \"en\" school".into()),
            Cell::Number(12.5),
        ]);
        csv.row(vec![
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Cell::Number(-3.0),
        ]);
        csv.row(vec![Cell::Text("regel\nnieuw".into()), Cell::Number(1e3)]);
        let text = String::from_utf8(csv.to_bytes()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Groep,Aantal\r\n\"Jeugd, gezin \"\"en\"\" school\",12.5\r\n\"'=HYPERLINK(\"\"x\"\")\",-3\r\n\"regel\nnieuw\",1000\r\n"
        );
    }
}
