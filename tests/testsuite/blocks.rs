//! Infographic blocks on a built page: the source's labels and the numbering around them,
//! anchors that Markdown links reach, and the data downloads (CSV) read back as a spreadsheet
//! would, against the data the blocks were written with.

use crate::SiteTest;

/// The rows of a CSV file of the site, header first, read with a real CSV reader.
fn csv_rows(t: &SiteTest, path: &str) -> Vec<Vec<String>> {
    let text = t.read(path);
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark, for spreadsheet programs");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn every_data_block_has_its_csv_with_the_blocks_numbers() {
    let mut t = SiteTest::from_dir("blocks/data");
    t.build(&[]).success();
    let page = "test/rapporten/cijfers";
    assert_eq!(
        csv_rows(&t, &format!("{page}/figuur-1.csv")),
        [
            row(&["Omschrijving", "Voorvoegsel", "Aantal", "Toelichting"]),
            row(&["diepte-interviews, met professionals", "", "12", ""]),
            row(&["jeugdprofessionals", "ruim", "40", "'=SOM(1;2)"]),
            row(&["uur per gesprek", "", "2.5", ""]),
        ]
    );
    assert_eq!(
        csv_rows(&t, &format!("{page}/tabel-2.csv")),
        [
            row(&[
                "Groep",
                "Categorie",
                "Aantal respondenten",
                "Aandeel in procenten (van 78)"
            ]),
            row(&["Fase", "Stagiair", "19", "24.4"]),
            row(&["Fase", "0-3 jaar \"werkzaam\"", "59", "75.6"]),
        ]
    );
    assert_eq!(
        csv_rows(&t, &format!("{page}/tabel-1.csv")),
        [
            row(&["", "Ervaren professionals", "Startende professionals"]),
            row(&["Gespreksvoering", "ja", "ja"]),
            row(&["Conflicthantering", "nee", "ja"]),
            row(&["Praktische tools", "onbekend", "onbekend"]),
            row(&["Overig", "soms", "'-"]),
        ]
    );
    // The page links each one, beside its graphic's SVG and PNG.
    let html = t.read(&format!("{page}/index.html"));
    for file in ["figuur-1", "tabel-2", "tabel-1"] {
        for ext in ["csv", "svg", "png"] {
            assert!(
                html.contains(&format!("href=\"{file}.{ext}\"")),
                "{file}.{ext} is not linked"
            );
            assert!(t.exists(&format!("{page}/{file}.{ext}")), "{file}.{ext}");
        }
    }
}

#[test]
fn blocks_carry_the_source_label_and_unlabelled_ones_are_numbered_around_it() {
    let mut t = SiteTest::from_dir("blocks/data");
    t.build(&[]).success();
    let html = t.read("test/rapporten/cijfers/index.html");
    // The labelled bars are Tabel 2; the unlabelled matrix takes the first number left.
    for part in [
        "<figure class=\"block block-bars\" id=\"tabel-2\"><figcaption class=\"block-caption\"><span class=\"block-label\">Tabel 2</span> <span class=\"block-title\" id=\"tabel-2-titel\">Respondenten</span></figcaption>",
        "<figure class=\"block block-matrix\" id=\"tabel-1\"><figcaption class=\"block-caption\"><span class=\"block-label\">Tabel 1</span>",
        "<figure class=\"block block-figures\" id=\"figuur-1\"><figcaption class=\"block-caption\"><span class=\"block-label\">Figuur 1</span> <span class=\"block-title\" id=\"figuur-1-titel\">Kerncijfers</span>",
        "<a href=\"#tabel-2\">Tabel 2</a>",
    ] {
        assert!(html.contains(part), "the page lacks {part}");
    }
    // The figcaption is the first child of every figure (valid HTML).
    for (i, _) in html.match_indices("<figure class=\"block ") {
        let rest = &html[i..];
        let first_child = &rest[rest.find('>').unwrap() + 1..];
        assert!(first_child.starts_with("<figcaption"), "{}", &rest[..200]);
    }
    // `kennis check` finds the anchors; a wrong one is reported at its line.
    t.write(
        "content/rapporten/cijfers/index.md",
        &std::fs::read_to_string(t.root().join("content/rapporten/cijfers/index.md"))
            .unwrap()
            .replace("(#tabel-2)", "(#tabel-3)"),
    );
    let out = crate::kennis()
        .args(["check", "--root"])
        .arg(t.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/rapporten/cijfers/index.md:9:5")
            && stderr.contains("has no heading or figure with the id `tabel-3`")
            && stderr.contains("did you mean `#tabel-2`?"),
        "{stderr}"
    );
}
