//! Messages of check: its rules (links, alt text, data, readability) and its HTML report.

super::catalogue! {
    // links and alt-text

    /// An image without alt text.
    fn image_without_alt(dest) {
        nl: "de afbeelding `{dest}` heeft geen alt-tekst",
        en: "the image `{dest}` has no alt text",
    }
    /// Hint of `image_without_alt`.
    fn image_without_alt_hint(dest) {
        nl: "schrijf tussen de haken wat de afbeelding laat zien, bijvoorbeeld `![Grafiek: aantal respondenten per functie]({dest})`; schermlezers lezen het voor",
        en: "write what the image shows between the brackets, e.g. `![Grafiek: aantal respondenten per functie]({dest})`; screen readers read it aloud",
    }
    /// What a broken reference is: a link.
    fn broken_thing_link() {
        nl: "de link",
        en: "the link",
    }
    /// What a broken reference is: an image.
    fn broken_thing_image() {
        nl: "de afbeelding",
        en: "the image",
    }
    /// A link that goes above the root.
    fn link_above_root(what, dest) {
        nl: "{what} `{dest}` gaat boven de hoofdmap van de site uit",
        en: "{what} `{dest}` goes above the site's root folder",
    }
    /// Hint of `link_above_root`.
    fn link_above_root_hint(url) {
        nl: "deze pagina staat op {url}; tel de `../`: elke `../` gaat één map omhoog",
        en: "this page is at {url}; count the `../`: each one goes up one folder",
    }
    /// A link to a file that is not there.
    fn link_not_a_file(what, dest, url, sites) {
        nl: "{what} `{dest}` wijst naar {url}, maar dat is geen bestand van {sites}",
        en: "{what} `{dest}` points at {url}, which is not a file of {sites}",
    }
    /// A link to a file that is on none of the sites that show the page.
    fn link_not_a_file_anywhere(what, dest, url) {
        nl: "{what} `{dest}` wijst naar {url}, maar dat bestand staat op geen enkele site",
        en: "{what} `{dest}` points at {url}, which is not a file of any site",
    }
    /// Hint of `link_not_a_file`.
    fn link_not_a_file_hint(url) {
        nl: "deze pagina staat op {url}; bestanden naast de index.md van een pagina (content/rapporten/<slug>/) komen naast de pagina te staan. Controleer de naam (hoofdletters tellen mee) en de `../`",
        en: "this page is at {url}; files beside a page's index.md (content/rapporten/<slug>/) are copied next to the page. Check the name (it is case-sensitive) and the `../`",
    }
    /// A link to a page that is not there.
    fn link_not_a_page(what, dest, url, sites) {
        nl: "{what} `{dest}` wijst naar {url}, maar dat is geen pagina van {sites}",
        en: "{what} `{dest}` points at {url}, which is not a page of {sites}",
    }
    /// A link to a page that is on none of the sites that show the page.
    fn link_not_a_page_anywhere(what, dest, url) {
        nl: "{what} `{dest}` wijst naar {url}, maar die pagina staat op geen enkele site",
        en: "{what} `{dest}` points at {url}, which is not a page of any site",
    }
    /// Hint of `link_not_a_page` with a page of a similar address.
    fn link_did_you_mean_page(suggestion, url) {
        nl: "bedoel je {suggestion}? Schrijf het adres vanaf deze pagina ({url}) of vanaf de hoofdmap van de site, met `/` ervoor",
        en: "did you mean {suggestion}? Write it relative to this page ({url}) or from the site's root, starting with `/`",
    }
    /// Hint of `link_not_a_page` without one.
    fn link_check_address(url, parent) {
        nl: "controleer het adres; deze pagina staat op {url}, dus `../` gaat naar {parent}",
        en: "check the address; this page is at {url}, so `../` goes up to {parent}",
    }
    /// A link to an anchor that is not on the page.
    fn link_no_anchor(what, dest, url, fragment) {
        nl: "{what} `{dest}`: {url} heeft geen kop of figuur met de id `{fragment}`",
        en: "{what} `{dest}`: {url} has no heading or figure with the id `{fragment}`",
    }
    /// Hint of `link_no_anchor` with an id that is close.
    fn link_did_you_mean_anchor(id) {
        nl: "bedoel je `#{id}`?",
        en: "did you mean `#{id}`?",
    }
    /// Hint of `link_no_anchor` for a page without ids.
    fn link_page_without_anchors(url) {
        nl: "{url} heeft geen koppen of figuren om naar te linken",
        en: "{url} has no headings or figures to link to",
    }
    /// Hint of `link_no_anchor` with the ids there are.
    fn link_anchors_on_page(url, ids) {
        nl: "de ankers op {url} zijn de ids van de koppen en figuren: {ids}",
        en: "anchors on {url} are the ids of its headings and figures: {ids}",
    }
    /// One site, in `link_not_a_page` and `link_not_a_file`.
    fn link_site(name) {
        nl: "de site `{name}`",
        en: "site `{name}`",
    }
    /// Sites, the last after "or".
    fn link_sites_or(sites, last) {
        nl: "{sites} of {last}",
        en: "{sites} or {last}",
    }

    // data

    /// Advice: a group of a `bars` block adds up to less than its total.
    fn bars_group_below_total_advice(label, sum, total) {
        nl: "`bars`-blok: de waarden van groep `{label}` zijn samen {sum}, minder dan het `total` van {total}",
        en: "`bars` block: the values of group `{label}` add up to {sum}, less than the `total` of {total}",
    }
    /// Hint of `bars_group_below_total_advice`.
    fn bars_group_below_total_advice_hint() {
        nl: "dat klopt als niet iedereen antwoord gaf (zet dat dan in de `caption`); controleer anders de waarden",
        en: "this is fine when not everyone answered (say so in the caption); otherwise check the values",
    }
    /// Advice: two rows of a `matrix` block have one label.
    fn matrix_row_label_twice_advice(label) {
        nl: "`matrix`-blok: twee rijen heten `{label}`",
        en: "`matrix` block: two rows are labelled `{label}`",
    }
    /// Hint of `matrix_row_label_twice_advice`.
    fn matrix_row_label_twice_advice_hint() {
        nl: "geef elke rij een eigen naam, of voeg de rijen samen",
        en: "give every row its own label, or merge the rows",
    }
    /// Advice: two columns of a `matrix` block have one label.
    fn matrix_column_label_twice_advice(label) {
        nl: "`matrix`-blok: twee kolommen heten `{label}`",
        en: "`matrix` block: two columns are labelled `{label}`",
    }
    /// Hint of `matrix_column_label_twice_advice`.
    fn matrix_column_label_twice_advice_hint() {
        nl: "geef elke kolom een eigen kop",
        en: "give every column its own heading",
    }

    // readability

    /// Advice: one long sentence on a page.
    fn long_sentence(words, max) {
        nl: "lange zin: {words} woorden (advies: hoogstens {max})",
        en: "long sentence: {words} words (advice: at most {max})",
    }
    /// Advice: several long sentences on a page.
    fn long_sentences(long, sentences, max) {
        nl: "lange zinnen: {long} van de {sentences} zinnen hebben meer dan {max} woorden",
        en: "long sentences: {long} of the {sentences} sentences have more than {max} words",
    }
    /// The lines of the long sentences, before `long_sentence_hint`.
    fn long_sentence_lines(lines, more) {
        nl: "regels (woorden): {lines}{more}; ",
        en: "lines (words): {lines}{more}; ",
    }
    /// Hint of `long_sentence` and `long_sentences`.
    fn long_sentence_hint(lines) {
        nl: "{lines}splits zo'n zin in tweeën, of zet een opsomming in een lijst; advies, geen oordeel (drempel: `readability.max_sentence_words` in site.yaml)",
        en: "{lines}split such a sentence in two, or put a series of items in a list; advice, not a verdict (threshold: `readability.max_sentence_words` in site.yaml)",
    }
    /// Advice: the page scores low on readability.
    fn readability_low(score, cause) {
        nl: "leesbaarheid (Flesch-Douma) {score:.0}: {cause}; advies, geen oordeel",
        en: "readability (Flesch-Douma) {score:.0}: {cause}; advice, not a verdict",
    }
    /// Cause in `readability_low`: long sentences and long words.
    fn readability_cause_both() {
        nl: "lange zinnen en lange woorden maken de tekst moeilijker",
        en: "long sentences and long words make the text harder",
    }
    /// Cause in `readability_low`: long words.
    fn readability_cause_words() {
        nl: "lange woorden maken de tekst moeilijker",
        en: "long words make the text harder",
    }
    /// Cause in `readability_low`: long sentences.
    fn readability_cause_sentences() {
        nl: "lange zinnen maken de tekst moeilijker",
        en: "long sentences make the text harder",
    }
    /// Hint of `readability_low`.
    fn readability_low_hint(per_sentence, per_hundred, min) {
        nl: "gemiddeld {per_sentence} woorden per zin en {per_hundred:.0} lettergrepen per 100 woorden; tekst op B1-niveau scoort meestal 60 of meer (drempel: `readability.min_score` in site.yaml, nu {min})",
        en: "on average {per_sentence} words per sentence and {per_hundred:.0} syllables per 100 words; text at level B1 usually scores 60 or more (threshold: `readability.min_score` in site.yaml, now {min})",
    }

    // The rules, as the report lists them.

    /// What rule `content` checks.
    fn rule_content() {
        nl: "site.yaml, thema's, front matter, datums, verwijzingen naar persona's en rapporten, en de YAML van elk infographic-blok (wat `kennis build` controleert)",
        en: "site.yaml, themes, front matter, dates, references to personas and reports, and the YAML of every infographic block (what `kennis build` checks)",
    }
    /// What rule `headings` checks.
    fn rule_headings() {
        nl: "één kop van niveau 1 per pagina (de titel) en geen overgeslagen kopniveaus",
        en: "one level-1 heading per page (the title) and no skipped heading levels",
    }
    /// What rule `contrast` checks.
    fn rule_contrast() {
        nl: "contrast van elk kleurpaar van het palet van elk thema: tekst 4.5:1, grafische elementen en randen 3:1",
        en: "contrast of every colour pair of each theme palette: text 4.5:1, graphics and borders 3:1",
    }
    /// What rule `links` checks.
    fn rule_links() {
        nl: "interne links (die beginnen met `/`, `../` of `#`, of relatief zijn) wijzen naar een pagina of bestand van elke site die de pagina toont, en hun `#anker` naar een kop of figuur daar",
        en: "internal links (starting with `/`, `../` or `#`, or relative) point at a page or file of every site that shows the page, and their `#anchor` at a heading or figure there",
    }
    /// What rule `alt-text` checks.
    fn rule_alt_text() {
        nl: "elke afbeelding in Markdown heeft een alt-tekst (`![wat je ziet](bestand.png)`)",
        en: "every image in Markdown has alt text (`![what it shows](file.png)`)",
    }
    /// What rule `data` checks.
    fn rule_data() {
        nl: "gegevens van infographics: dubbele namen van rijen of kolommen in een `matrix`, en groepen van `bars` die samen minder zijn dan hun `total` (advies)",
        en: "infographic data: duplicate row or column labels in a `matrix`, and `bars` groups that add up to less than their `total` (advice)",
    }
    /// What rule `readability` checks.
    fn rule_readability() {
        nl: "eenvoudige taal (B1): zinnen langer dan `readability.max_sentence_words` en pagina's met een Flesch-Douma-score onder `readability.min_score` (advies)",
        en: "plain language (B1): sentences longer than `readability.max_sentence_words` and pages whose Flesch-Douma score is below `readability.min_score` (advice)",
    }

    // The HTML report of check.

    /// The report's title (in the browser's tab).
    fn report_title(sites, when) {
        nl: "Controlerapport {sites} – {when}",
        en: "Check report {sites} – {when}",
    }
    /// The report's heading.
    fn report_heading() {
        nl: "Toegankelijkheids- en kwaliteitsrapport",
        en: "Accessibility and quality report",
    }
    /// The report's first sentence; `command` is shown as code.
    fn report_made_with(command, when, root, sites) {
        nl: "Gemaakt met {command} op {when}, over de inhoud in {root}. Sites: {sites}.",
        en: "Made with {command} on {when}, of the content in {root}. Sites: {sites}.",
    }
    /// The report's verdict without errors.
    fn report_verdict_clean(advice) {
        nl: "Geen fouten gevonden; {advice} (waarschuwingen).",
        en: "No errors found; {advice} (warnings).",
    }
    /// The report's verdict with errors.
    fn report_verdict_errors(errors, advice) {
        nl: "Gevonden: {errors} en {advice} (waarschuwingen). Los de fouten op voor publicatie.",
        en: "Found: {errors} and {advice} (warnings). Fix the errors before publishing.",
    }
    /// One piece of advice, in a count.
    fn count_advice_one() {
        nl: "één advies",
        en: "one piece of advice",
    }
    /// Several pieces of advice (or none), in a count.
    fn count_advices(n) {
        nl: "{n} adviezen",
        en: "{n} pieces of advice",
    }
    /// The report: pages checked.
    fn report_pages_checked(pages) {
        nl: "{pages} gecontroleerd",
        en: "{pages} checked",
    }
    /// The report: links.
    fn report_links(internal, broken, external) {
        nl: "{internal} interne links en afbeeldingen gevolgd, {broken} kapot; {external} externe links (niet gevolgd)",
        en: "{internal} internal links and images followed, {broken} broken; {external} external links (not followed)",
    }
    /// The report: images.
    fn report_images(images, without_alt) {
        nl: "{images} afbeeldingen in de tekst, {without_alt} zonder alternatieve tekst",
        en: "{images} images in the text, {without_alt} without alt text",
    }
    /// The report: headings and infographics.
    fn report_headings(headings, figures) {
        nl: "{headings} koppen en {figures} infographics (elk met tekstalternatief en tabel)",
        en: "{headings} headings and {figures} infographics (each with a text alternative and a table)",
    }
    /// The report: long sentences.
    fn report_long_sentences(long, sentences, max) {
        nl: "{long} van {sentences} zinnen langer dan {max} woorden",
        en: "{long} of {sentences} sentences longer than {max} words",
    }
    /// The report's heading over the rules.
    fn report_what_was_checked() {
        nl: "Wat is gecontroleerd",
        en: "What was checked",
    }
    /// The caption of the rules.
    fn report_rules_caption() {
        nl: "De regels van kennis check",
        en: "The rules of kennis check",
    }
    /// The name of the table of rules, for screen readers.
    fn report_rules_region() {
        nl: "Regels",
        en: "Rules",
    }
    /// The headers of the table of rules, between `|`.
    fn report_rules_columns() {
        nl: "Regel|Wat|WCAG 2.2|Soort",
        en: "Rule|What|WCAG 2.2|Kind",
    }
    /// A rule that finds errors.
    fn report_kind_error() {
        nl: "fout",
        en: "error",
    }
    /// A rule that gives advice.
    fn report_kind_advice() {
        nl: "advies",
        en: "advice",
    }
    /// What kennis does beside the rules, and what a check cannot do.
    fn report_beyond_the_rules() {
        nl: "Daarnaast maakt kennis elke pagina met één h1, een skiplink, landmarks, een taalattribuut, en bij elke infographic een toegankelijke naam, beschrijving en tabel met dezelfde gegevens. Een automatische controle dekt maar een deel van WCAG: toetsenbordbediening, schermlezers, zoomen tot 200 % en de betekenis van teksten vragen een handmatige controle.",
        en: "Beyond these rules, kennis builds every page with one h1, a skip link, landmarks, a language attribute, and for every infographic an accessible name, description and a table with the same data. An automatic check covers only part of WCAG: keyboard use, screen readers, zooming to 200 % and the meaning of texts need a check by hand.",
    }
    /// The report's heading over contrast.
    fn report_contrast_heading() {
        nl: "Contrast van de kleurpaletten",
        en: "Contrast of the colour palettes",
    }
    /// The caption of a theme's contrast.
    fn report_theme_caption(theme, site) {
        nl: "Thema {theme} (site {site})",
        en: "Theme {theme} (site {site})",
    }
    /// The headers of a theme's contrast table, between `|`.
    fn report_contrast_columns() {
        nl: "Kleurpaar|Voorgrond|Achtergrond|Contrast|Minimum|Resultaat",
        en: "Colour pair|Foreground|Background|Contrast|Minimum|Result",
    }
    /// The name of a theme's contrast table, for screen readers.
    fn report_contrast_region(theme) {
        nl: "Contrast thema {theme}",
        en: "Contrast of theme {theme}",
    }
    /// A colour pair with enough contrast.
    fn report_contrast_passes() {
        nl: "voldoet",
        en: "passes",
    }
    /// A colour pair without enough contrast.
    fn report_contrast_fails() {
        nl: "voldoet niet",
        en: "fails",
    }
    /// The report's heading over the pages.
    fn report_per_page() {
        nl: "Per pagina",
        en: "Per page",
    }
    /// The caption of the table of pages.
    fn report_per_page_caption(min) {
        nl: "Per pagina: links als gevolgd / kapot, afbeeldingen als totaal / zonder alt-tekst; Flesch-Douma (hoger is makkelijker, advies vanaf {min})",
        en: "Per page: links as followed / broken, images as total / without alt text; Flesch-Douma (higher is easier, advice from {min})",
    }
    /// The headers of the table of pages, between `|`.
    fn report_page_columns() {
        nl: "Pagina|Bestand|Soort|Op sites|Koppen|Infographics|Interne links|Afbeeldingen|Woorden|Flesch-Douma|Lange zinnen|Fouten|Adviezen",
        en: "Page|File|Kind|On sites|Headings|Infographics|Internal links|Images|Words|Flesch-Douma|Long sentences|Errors|Advice",
    }
    /// A page on no site.
    fn report_on_no_site() {
        nl: "geen",
        en: "none",
    }
    /// The report's heading over the findings.
    fn report_findings() {
        nl: "Bevindingen",
        en: "Findings",
    }
    /// No findings.
    fn report_no_findings() {
        nl: "Geen.",
        en: "None.",
    }
    /// The label of an error in the report.
    fn report_error_label() {
        nl: "Fout",
        en: "Error",
    }
    /// The label of a warning in the report.
    fn report_advice_label() {
        nl: "Advies",
        en: "Advice",
    }
    /// A pair of colour roles of a theme's palette (the roles are the keys of theme.yaml).
    fn colour_pair(fg, bg) {
        nl: "`{fg}` op `{bg}`",
        en: "`{fg}` on `{bg}`",
    }
}
