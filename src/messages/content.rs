//! Messages of content: front matter, bodies, the pages and files a site is made of, and
//! what goes wrong when a page or graphic is rendered.

super::catalogue! {
    // Personas, sites and reports that an entry names.

    /// Two persona files have the same id.
    fn persona_id_twice(id) {
        nl: "een tweede persona met de id `{id}`",
        en: "a second persona with the id `{id}`",
    }
    /// Hint of `persona_id_twice`: where the first one is.
    fn persona_id_twice_hint(other) {
        nl: "geef een van de bestanden een andere naam; het andere staat op {other}",
        en: "rename one of the files; the other is at {other}",
    }
    /// `sites:` names a site that site.yaml does not have.
    fn entry_site_unknown(site) {
        nl: "er is geen site `{site}`",
        en: "there is no site `{site}`",
    }
    /// Hint of `entry_site_unknown` when a site's name is close.
    fn entry_site_did_you_mean(name) {
        nl: "bedoel je `{name}`?",
        en: "did you mean `{name}`?",
    }
    /// Hint of `entry_site_unknown`: the sites there are.
    fn entry_site_known(names) {
        nl: "de sites zijn: {names}",
        en: "the sites are: {names}",
    }
    /// A persona's `report:` names no report.
    fn persona_report_unknown(report) {
        nl: "er is geen rapport `{report}`",
        en: "there is no report `{report}`",
    }
    /// Hint of `persona_report_unknown` when a report's slug is close.
    fn persona_report_did_you_mean(name) {
        nl: "bedoel je `{name}`?",
        en: "did you mean `{name}`?",
    }
    /// Hint of `persona_report_unknown`: the reports there are.
    fn persona_report_known(slugs) {
        nl: "de rapporten zijn: {slugs}",
        en: "the reports are: {slugs}",
    }
    /// `personas:` or a `persona` block names a persona that does not exist.
    fn persona_unknown(id) {
        nl: "er is geen persona `{id}`",
        en: "there is no persona `{id}`",
    }
    /// Hint of `persona_unknown` when a persona's id is close.
    fn persona_did_you_mean(name) {
        nl: "bedoel je `{name}`?",
        en: "did you mean `{name}`?",
    }
    /// Hint of `persona_unknown` when the site has no personas at all.
    fn persona_add_file() {
        nl: "maak de persona aan als content/personas/<id>.md",
        en: "add the persona as content/personas/<id>.md",
    }
    /// Hint of `persona_unknown`: the personas there are.
    fn persona_known(ids) {
        nl: "bekende persona's: {ids}",
        en: "known personas: {ids}",
    }

    // Series.

    /// The text of a series that no report belongs to.
    fn series_text_unused(folder) {
        nl: "content/{folder}/ bevat de teksten van reeksen, maar geen rapport hoort bij de reeks van deze map, dus geen pagina laat deze tekst zien",
        en: "content/{folder}/ holds the texts of series, but no report has the series of this folder, so no page shows it",
    }
    /// Hint of `series_text_unused` when no report has a series.
    fn series_text_unused_no_series() {
        nl: "geef rapporten een `series:`, of verwijder het bestand",
        en: "give reports a `series:`, or remove the file",
    }
    /// Hint of `series_text_unused`: the folders of the series there are.
    fn series_text_unused_folders(folders) {
        nl: "geef de map de naam van de reeks zoals in het webadres: {folders}",
        en: "name the folder after the series as in its URL: {folders}",
    }

    // Pages and files that clash.

    /// Two files make the same page (`path` is without the leading `/`).
    fn two_files_one_page(other, path) {
        nl: "dit bestand en {other} maken allebei de pagina /{path}",
        en: "this file and {other} both make the page /{path}",
    }
    /// Hint of `two_files_one_page`.
    fn two_files_one_page_hint() {
        nl: "geef een van de twee een andere naam of verwijder er een, of geef elk een eigen `sites:`",
        en: "rename or remove one of them, or give each its own `sites:`",
    }
    /// Two files of any kind would be written to the same path.
    fn two_files_one_path(what, path) {
        nl: "dit bestand en {what} zouden allebei naar {path} geschreven worden",
        en: "this file and {what} would both be written to {path}",
    }
    /// Hint of `two_files_one_path`.
    fn two_files_one_path_hint() {
        nl: "geef een van de twee bestanden een andere naam",
        en: "rename one of the two files",
    }
    /// What else is written to a path: the page of a content file.
    fn clash_page_of(path) {
        nl: "de pagina van {path}",
        en: "the page of {path}",
    }
    /// What else is written to a path: a graphic of a content file.
    fn clash_graphic_of(path) {
        nl: "een afbeelding van {path}",
        en: "a graphic of {path}",
    }
    /// What else is written to a path: the social card of a report.
    fn clash_card_of(path) {
        nl: "de afbeelding voor sociale media van {path}",
        en: "the social card of {path}",
    }
    /// What else is written to a path: a citation file of a report.
    fn clash_citation_of(path) {
        nl: "een citeerbestand van {path}",
        en: "a citation download of {path}",
    }
    /// What else is written to a path: a file of content/.
    fn clash_file(path) {
        nl: "het bestand {path}",
        en: "the file {path}",
    }
    /// What else is written to a path: something kennis makes itself.
    fn clash_kennis_itself() {
        nl: "kennis zelf",
        en: "kennis itself",
    }
    /// A content file would make a page where kennis makes its own pages.
    fn page_in_generated_folder(url, folder) {
        nl: "dit bestand zou de pagina {url} maken, maar de pagina's onder {folder} maakt kennis zelf",
        en: "this file would make the page {url}, but kennis makes the pages under {folder} itself",
    }
    /// Hint of `page_in_generated_folder`: the folders kennis makes.
    fn page_in_generated_folder_hint(folders) {
        nl: "geef het bestand of de map een andere naam; kennis maakt zelf {folders}",
        en: "rename the file or its folder; kennis itself makes {folders}",
    }
    /// A theme's navigation links to a page the site does not have.
    fn nav_link_to_no_page(theme, url, site) {
        nl: "de navigatie van thema `{theme}` linkt naar {url}, maar dat is geen pagina van site `{site}`; de link wordt weggelaten",
        en: "the navigation of theme `{theme}` links to {url}, which is not a page of site `{site}`; the link is left out",
    }
    /// Hint of `nav_link_to_no_page`.
    fn nav_link_to_no_page_hint() {
        nl: "verbeter het adres bij `nav` in de theme.yaml van het thema, of maak de pagina",
        en: "fix the `nav` url in the theme's theme.yaml, or add the page",
    }

    // Front matter.

    /// What the YAML between the `---` lines is called in its errors.
    fn front_matter_label() {
        nl: "de front matter",
        en: "front matter",
    }
    /// The front matter has a field no type of entry has.
    fn front_matter_unknown_field(field) {
        nl: "de front matter: onbekend veld `{field}`",
        en: "front matter: unknown field `{field}`",
    }
    /// Hint of `front_matter_unknown_field` when a field's name is close.
    fn front_matter_field_did_you_mean(name, what, fields) {
        nl: "bedoel je `{name}`? {what} heeft de velden {fields}",
        en: "did you mean `{name}`? {what} has the fields {fields}",
    }
    /// A field that this type of entry does not use.
    fn front_matter_field_not_used(field, what) {
        nl: "het veld `{field}` wordt niet gebruikt door {what}",
        en: "the field `{field}` is not used by {what}",
    }
    /// Hint of a field the entry does not use: the fields it has.
    fn front_matter_field_remove(what, fields) {
        nl: "haal het weg; {what} heeft de velden {fields}",
        en: "remove it; {what} has the fields {fields}",
    }
    /// A required field is missing.
    fn front_matter_field_missing(what, field) {
        nl: "{what} heeft het veld `{field}` nodig, maar dat ontbreekt",
        en: "{what} needs the field `{field}`, which is missing",
    }
    /// Hint of `front_matter_field_missing`.
    fn front_matter_field_missing_hint(field) {
        nl: "voeg een regel `{field}: ...` toe aan de front matter",
        en: "add a line `{field}: ...` to the front matter",
    }
    /// The type of entry in the messages about its fields: a report.
    fn entry_kind_report() {
        nl: "een rapport",
        en: "a report",
    }
    /// The type of entry in the messages about its fields: a persona.
    fn entry_kind_persona() {
        nl: "een persona",
        en: "a persona",
    }
    /// The type of entry in the messages about its fields: a page.
    fn entry_kind_page() {
        nl: "een pagina",
        en: "a page",
    }
    /// `type:` is none of the types.
    fn entry_type_unknown(name) {
        nl: "onbekend type `{name}`",
        en: "unknown type `{name}`",
    }
    /// Hint of `entry_type_unknown` when a type is close.
    fn entry_type_did_you_mean(name) {
        nl: "bedoel je `{name}`? `type` is report, persona of page",
        en: "did you mean `{name}`? `type` is one of report, persona, page",
    }
    /// Hint of `entry_type_unknown`.
    fn entry_type_one_of() {
        nl: "`type` is report, persona of page",
        en: "`type` is one of report, persona, page",
    }
    /// An `_index.md` with `type: report` or `type: persona`.
    fn section_index_with_type() {
        nl: "een sectie-index (`_index.md`) kan geen rapport of persona zijn",
        en: "a section index (`_index.md`) cannot be a report or persona",
    }
    /// Hint of `section_index_with_type`.
    fn section_index_with_type_hint() {
        nl: "haal `type` weg, of zet het bestand als index.md in een eigen map",
        en: "remove `type`, or move the file to its own folder as index.md",
    }
    /// An author of `authors:` without a name.
    fn author_empty_name(author) {
        nl: "de auteur `{author}` heeft een lege naam",
        en: "the author `{author}` has an empty name",
    }
    /// Hint of `author_empty_name`.
    fn author_empty_name_hint() {
        nl: "schrijf een persoon als `Achternaam, Voornamen` (bijvoorbeeld `de Vries, Marieke`) en een organisatie zonder komma; zet elke auteur op een eigen regel die begint met `- `",
        en: "write a person as `Achternaam, Voornamen` (e.g. `de Vries, Marieke`) and an organisation without a comma; put each author on a line of its own starting with `- `",
    }
    /// `number:` is empty.
    fn report_number_empty() {
        nl: "het rapportnummer is leeg",
        en: "the report number is empty",
    }
    /// Hint of `report_number_empty`.
    fn report_number_empty_hint() {
        nl: "schrijf het nummer dat de uitgever het rapport gaf, bijvoorbeeld `number: 2025-03`, of haal de regel weg",
        en: "write the number the publisher gave the report, e.g. `number: 2025-03`, or remove the line",
    }
    /// `title:` is empty.
    fn entry_title_empty() {
        nl: "de titel is leeg",
        en: "the title is empty",
    }
    /// Hint of `entry_title_empty`.
    fn entry_title_empty_hint() {
        nl: "schrijf een titel",
        en: "write a title",
    }
    /// `date:` is not a date.
    fn entry_date_invalid(text) {
        nl: "`{text}` is geen geldige datum",
        en: "`{text}` is not a valid date",
    }
    /// Hint of `entry_date_invalid`.
    fn entry_date_invalid_hint() {
        nl: "schrijf de datum zo precies als de bron hem geeft: JJJJ (2025), JJJJ-MM (2025-03) of JJJJ-MM-DD (2025-03-01), en kijk of de maand en de dag bestaan",
        en: "write the date as precisely as the source gives it: YYYY (2025), YYYY-MM (2025-03) or YYYY-MM-DD (2025-03-01), and check that the month and day exist",
    }
    /// A report without `date:` (a warning).
    fn report_without_date() {
        nl: "dit rapport heeft geen `date`, dus het wordt zonder datum gepubliceerd",
        en: "this report has no `date`, so it is published without one",
    }
    /// Hint of `report_without_date`.
    fn report_without_date_hint() {
        nl: "noemt de bron een datum, zet die dan in de front matter, zo precies als de bron hem geeft: `date: 2025` (jaar), `date: 2025-03` (maand) of `date: 2025-03-01` (dag). Zonder datum staat het rapport onderaan de lijsten, krijgt de verwijzing (z.d.) en komt het niet in de Atom-feeds",
        en: "if the source gives a date, put it in the front matter as precisely as the source gives it: `date: 2025` (year), `date: 2025-03` (month) or `date: 2025-03-01` (day). Without a date the report is at the bottom of the lists, its citation says (z.d.) and it is left out of the Atom feeds",
    }

    // The body: headings, blocks, links.

    /// A block whose graphic would be too large to draw.
    fn block_graphic_too_large(name, width, height, max) {
        nl: "het blok `{name}` maakt een afbeelding van {width}×{height} pixels, meer dan de {max} pixels per kant die kennis kan tekenen",
        en: "the `{name}` block makes a graphic of {width}×{height} pixels, more than the {max} a side that can be drawn",
    }
    /// Hint of `block_graphic_too_large`.
    fn block_graphic_too_large_hint(name) {
        nl: "verdeel het over twee of meer `{name}`-blokken met elk minder onderdelen",
        en: "split it into two or more `{name}` blocks of fewer items each",
    }
    /// Two blocks of a page with the same label, or a label whose id is taken.
    fn block_label_twice(label, id) {
        nl: "een tweede blok met het label `{label}` op deze pagina, of een blok waarvan de pagina de id `#{id}` al gebruikt",
        en: "a second block with the label `{label}` on this page, or one whose id `#{id}` the page already uses",
    }
    /// Hint of `block_label_twice`.
    fn block_label_twice_hint() {
        nl: "geef elke tabel en figuur een eigen label, zoals de bron ze nummert",
        en: "give every table and figure its own label, as the source numbers them",
    }
    /// A heading with attributes besides `{#id}` and `{.class}` (a warning).
    fn heading_other_attributes() {
        nl: "deze kop heeft andere attributen dan een `#id` en `.class`",
        en: "this heading has attributes other than an `#id` and `.class`",
    }
    /// Hint of `heading_other_attributes`.
    fn heading_other_attributes_hint() {
        nl: "haal ze weg: alleen `{{#id}}` en `{{.class}}` worden gebruikt, de rest komt niet op de pagina",
        en: "remove them: only `{{#id}}` and `{{.class}}` are used, the rest is left out of the page",
    }
    /// A `# ` heading in the body.
    fn heading_level_one_in_body() {
        nl: "een kop van niveau 1 (`# `) in de tekst; de titel van de pagina is de enige kop van niveau 1",
        en: "a heading of level 1 (`# `) in the body; the page title is the only level-1 heading",
    }
    /// Hint of `heading_level_one_in_body`.
    fn heading_level_one_in_body_hint() {
        nl: "begin de koppen in de tekst bij `## `",
        en: "start the body's headings at `## `",
    }
    /// A heading that skips a level.
    fn heading_level_skipped(level, previous) {
        nl: "een kop van niveau {level} volgt op niveau {previous}, dus er is een niveau overgeslagen",
        en: "heading level {level} follows level {previous}, skipping a level",
    }
    /// Hint of `heading_level_skipped`: the `#`s of the right level.
    fn heading_level_skipped_hint(marks) {
        nl: "gebruik hier `{marks} `, of voeg een kop van het niveau ertussen toe",
        en: "use `{marks} ` here, or add the heading level in between",
    }
    /// A fenced block whose name is close to a block's.
    fn not_an_infographic_block(written) {
        nl: "`{written}` is geen infographic-blok",
        en: "`{written}` is not an infographic block",
    }
    /// Hint of `not_an_infographic_block`.
    fn not_an_infographic_block_hint(name, names) {
        nl: "bedoel je `{name}`? De blokken zijn: {names}",
        en: "did you mean `{name}`? Blocks are: {names}",
    }
    /// A block with nothing between its fences.
    fn block_empty(name) {
        nl: "het blok `{name}` is leeg",
        en: "the `{name}` block is empty",
    }
    /// Hint of `block_empty`.
    fn block_empty_hint() {
        nl: "zet de gegevens van het blok als YAML tussen de begin- en de eindregel van het blok",
        en: "write the block's data as YAML between the fences",
    }
    /// A heading's `{#id}` is taken (`whose` says by what).
    fn heading_id_taken(id, whose) {
        nl: "de id `#{id}` van deze kop is al bezet: {whose}",
        en: "the heading id `#{id}` is taken: {whose}",
    }
    /// Who has the id of `heading_id_taken`: the page's own layout.
    fn heading_id_taken_by_page() {
        nl: "de pagina zelf gebruikt hem",
        en: "the page itself uses it",
    }
    /// Who has the id of `heading_id_taken`: a figure.
    fn heading_id_taken_by_figure() {
        nl: "een figuur op deze pagina heeft hem",
        en: "a figure of this page has it",
    }
    /// Who has the id of `heading_id_taken`: another heading.
    fn heading_id_taken_by_heading() {
        nl: "een andere kop op deze pagina heeft hem",
        en: "another heading of this page has it",
    }
    /// Hint of `heading_id_taken`.
    fn heading_id_taken_hint(id) {
        nl: "kies een andere id, bijvoorbeeld `{{#{id}-tekst}}`, of laat de `{{#…}}` weg, dan maakt kennis er een",
        en: "choose another id, e.g. `{{#{id}-tekst}}`, or leave the `{{#…}}` out and kennis makes one",
    }
    /// A link or image whose address could run script (a warning).
    fn unsafe_address(address) {
        nl: "het adres `{address}` is geen web-, e-mail- of telefoonadres",
        en: "the address `{address}` is not a web, e-mail or phone address",
    }
    /// Hint of `unsafe_address`: the schemes that are allowed.
    fn unsafe_address_hint(schemes) {
        nl: "gebruik een adres dat begint met {schemes}, of een adres binnen de site; deze link staat als gewone tekst op de pagina",
        en: "use an address starting with {schemes}, or one within the site; this link is shown as plain text",
    }

    // Rendering: failures that are not the content's fault.

    /// What failed, and why.
    fn render_part_failed(what, error) {
        nl: "{what}: {error}",
        en: "{what}: {error}",
    }
    /// What failed: the social card of the report at `url`.
    fn render_social_card_of(url) {
        nl: "{url}: afbeelding voor sociale media",
        en: "{url}: social card",
    }
    /// The data for a template could not be prepared.
    fn render_template_data_failed(key, error) {
        nl: "gegevens `{key}` voor het sjabloon: {error}",
        en: "template data `{key}`: {error}",
    }
    /// A template of the theme failed.
    fn render_template_failed(theme, template, error) {
        nl: "thema `{theme}`, sjabloon {template}: {error}",
        en: "theme `{theme}`, template {template}: {error}",
    }
    /// The site's icon could not be made.
    fn render_site_icon_failed(error) {
        nl: "het icoon van de site: {error}",
        en: "the site's icon: {error}",
    }
    /// The search index could not be made.
    fn render_search_index_failed(error) {
        nl: "zoekindex: {error}",
        en: "search index: {error}",
    }
    /// usvg could not read an SVG kennis made.
    fn raster_svg_unreadable(error) {
        nl: "de SVG kon niet gelezen worden: {error}",
        en: "the SVG could not be read: {error}",
    }
    /// A graphic asks for a font that is not bundled.
    fn raster_font_not_bundled(family) {
        nl: "de afbeelding vraagt om het lettertype `{family}`, maar dat zit niet in kennis; er zou tekst ontbreken in de PNG",
        en: "the graphic asks for the font `{family}`, which is not bundled; text would be missing from the PNG",
    }
    /// A graphic of no size, or too large.
    fn raster_size_unrenderable(width, height) {
        nl: "een afbeelding van {width}×{height} kan niet getekend worden",
        en: "a {width}×{height} image cannot be rendered",
    }
    /// The PNG encoder failed.
    fn raster_png_encoding_failed(error) {
        nl: "het maken van de PNG is mislukt: {error}",
        en: "PNG encoding failed: {error}",
    }
    /// `image:` names a path instead of a file beside the report.
    fn report_image_not_beside(name) {
        nl: "`image: {name}` is geen bestand naast het rapport",
        en: "`image: {name}` is not a file beside the report",
    }
    /// How to name a report's image.
    fn report_image_not_beside_hint() {
        nl: "zet de afbeelding in de map van het rapport, naast `index.md`, en schrijf alleen de bestandsnaam: `image: omslag.png`",
        en: "put the image in the report's folder, beside `index.md`, and write only its file name: `image: omslag.png`",
    }
    /// `image:` on a report that is not `index.md` in a folder of its own.
    fn report_image_without_folder() {
        nl: "alleen een rapport in een eigen map (`index.md`) kan een eigen afbeelding hebben",
        en: "only a report in a folder of its own (`index.md`) can have an image of its own",
    }
    /// How to give the report a folder.
    fn report_image_without_folder_hint(slug) {
        nl: "maak een map `{slug}/`, zet het rapport daarin als `index.md` en de afbeelding ernaast",
        en: "make a folder `{slug}/`, move the report into it as `index.md` and put the image beside it",
    }
    /// `image:` of a format that sites that share links do not show.
    fn report_image_format(name) {
        nl: "`{name}` is geen PNG, JPEG of WebP, en andere afbeeldingen tonen sociale media en berichtenapps niet",
        en: "`{name}` is not a PNG, JPEG or WebP image, and social media and messaging apps show no other kind",
    }
    /// Which image formats a report's image may have.
    fn report_image_format_hint() {
        nl: "sla de afbeelding op als `.png`, `.jpg` of `.webp`, het liefst 1200 × 630 pixels",
        en: "save the image as `.png`, `.jpg` or `.webp`, ideally 1200 × 630 pixels",
    }
    /// `image:` names a file that is not there.
    fn report_image_missing(name, folder) {
        nl: "de afbeelding `{name}` staat niet in `{folder}`",
        en: "the image `{name}` is not in `{folder}`",
    }
    /// The files that are there, for a missing image.
    fn report_image_missing_hint(names) {
        nl: "kies een van de bestanden naast het rapport: {names}",
        en: "name one of the files beside the report: {names}",
    }
    /// The files that are there, for a missing image, when there are none.
    fn report_image_missing_none_hint() {
        nl: "zet de afbeelding naast `index.md` in de map van het rapport",
        en: "put the image beside `index.md` in the report's folder",
    }
}
