//! Messages of the commands: what `build`, `check`, `serve`, `new` and `init` print, and the
//! words around every diagnostic.

use super::Text;

super::catalogue! {
    /// The label of an error on the terminal.
    fn error_label() {
        nl: "fout",
        en: "error",
    }
    /// The label of a warning on the terminal.
    fn warning_label() {
        nl: "waarschuwing",
        en: "warning",
    }
    /// The label of a hint on the terminal.
    fn hint_label() {
        nl: "tip",
        en: "help",
    }
    /// The last line of a build that failed.
    fn build_failed(count) {
        nl: "de build is mislukt met {count} fout(en); de vorige output is niet veranderd",
        en: "the build failed with {count} error(s); the previous output is unchanged",
    }

    // Counted words: `counted` chooses between the one and the many.

    /// One report, in a count.
    fn count_report_one() {
        nl: "één rapport",
        en: "one report",
    }
    /// Several reports, in a count.
    fn count_reports(n) {
        nl: "{n} rapporten",
        en: "{n} reports",
    }
    /// One persona, in a count.
    fn count_persona_one() {
        nl: "één persona",
        en: "one persona",
    }
    /// Several personas, in a count.
    fn count_personas(n) {
        nl: "{n} persona's",
        en: "{n} personas",
    }
    /// One page, in a count.
    fn count_page_one() {
        nl: "één pagina",
        en: "one page",
    }
    /// Several pages, in a count.
    fn count_pages(n) {
        nl: "{n} pagina's",
        en: "{n} pages",
    }
    /// One graphic (a PNG of an infographic), in a count.
    fn count_graphic_one() {
        nl: "één afbeelding",
        en: "one graphic",
    }
    /// Several graphics, in a count.
    fn count_graphics(n) {
        nl: "{n} afbeeldingen",
        en: "{n} graphics",
    }
    /// One error, in a count.
    fn count_error_one() {
        nl: "één fout",
        en: "one error",
    }
    /// Several errors (or none), in a count.
    fn count_errors(n) {
        nl: "{n} fouten",
        en: "{n} errors",
    }
    /// One warning, in a count.
    fn count_warning_one() {
        nl: "één waarschuwing",
        en: "one warning",
    }
    /// Several warnings (or none), in a count.
    fn count_warnings(n) {
        nl: "{n} waarschuwingen",
        en: "{n} warnings",
    }
    /// After a list that was cut short: how many were left out.
    fn and_n_more(n) {
        nl: " en nog {n}",
        en: " and {n} more",
    }

    // Progress (the bar on a terminal).

    /// Progress: site.yaml and the themes are read.
    fn progress_reading_config() {
        nl: "site.yaml en thema's lezen",
        en: "reading site.yaml and themes",
    }
    /// Progress: the content is read and checked.
    fn progress_loading_content() {
        nl: "inhoud lezen",
        en: "loading content",
    }
    /// Progress: the sites are rendered.
    fn progress_rendering() {
        nl: "pagina's maken",
        en: "rendering",
    }
    /// Progress: one site is rendered.
    fn progress_rendered(site) {
        nl: "{site} gemaakt",
        en: "rendered {site}",
    }
    /// Progress: the files are written.
    fn progress_writing() {
        nl: "bestanden schrijven",
        en: "writing",
    }
    /// Progress of `check`: the rules run.
    fn progress_checking() {
        nl: "links, afbeeldingen, gegevens en leesbaarheid controleren",
        en: "checking links, images, data and readability",
    }

    // build

    /// A site could not be rendered (a template of the theme, or kennis itself).
    fn site_render_failed(site, error) {
        nl: "de site `{site}` kan niet gemaakt worden: {error}",
        en: "site `{site}`: {error}",
    }
    /// Hint of `site_render_failed`.
    fn site_render_failed_hint() {
        nl: "dit is een probleem van de templates van het thema of van kennis, niet van de inhoud",
        en: "this is a problem of the theme's templates or of kennis, not of the content",
    }
    /// The last line of a build whose output could not be written.
    fn build_failed_writing() {
        nl: "de build is mislukt; de vorige output is niet veranderd",
        en: "the build failed; the previous output is unchanged",
    }
    /// What a site holds, each a count (`counted`).
    fn site_contents(reports, personas, pages, graphics) {
        nl: "{reports}, {personas}, {pages}, {graphics}",
        en: "{reports}, {personas}, {pages}, {graphics}",
    }
    /// One line per site after a build: what it holds and where it went.
    fn built_site(site, contents, folder) {
        nl: "{site} gebouwd: {contents} → {folder}",
        en: "built {site}: {contents} → {folder}",
    }
    /// The last line of a build.
    fn done_in(ms) {
        nl: "klaar in {ms} ms",
        en: "done in {ms} ms",
    }

    // Writing the output.

    /// An output path would leave the output folder.
    fn output_outside_folder(path) {
        nl: "`{path}` wordt niet geschreven: het ligt buiten de outputmap",
        en: "refusing to write `{path}`: it is outside the output folder",
    }
    /// Two outputs of one site have the same path.
    fn output_written_twice(path) {
        nl: "`{path}` wordt niet twee keer geschreven: twee bestanden van de site zouden dat pad hebben",
        en: "refusing to write `{path}` twice: two files of the site would have that path",
    }
    /// The disk is full.
    fn output_disk_full(path, error) {
        nl: "kan {path} niet schrijven: de schijf is vol ({error})",
        en: "cannot write {path}: the disk is full ({error})",
    }
    /// Hint of `output_disk_full`.
    fn output_disk_full_hint() {
        nl: "maak ruimte vrij op die schijf, of bouw met `--out` in een map op een andere schijf, en bouw dan opnieuw; de site die er stond is niet veranderd",
        en: "free space on that disk, or build into a folder on another disk with `--out`, then build again; the site that was there is unchanged",
    }
    /// A file of the output could not be written.
    fn output_cannot_write(path, error) {
        nl: "kan {path} niet schrijven: {error}",
        en: "cannot write {path}: {error}",
    }
    /// A file of the content could not be read to be copied.
    fn output_cannot_read(path, error) {
        nl: "kan {path} niet lezen: {error}",
        en: "cannot read {path}: {error}",
    }
    /// A file of the content could not be copied into the output.
    fn output_cannot_copy(from, to, error) {
        nl: "kan {from} niet kopiëren naar {to}: {error}",
        en: "cannot copy {from} to {to}: {error}",
    }
    /// Another build holds the lock on the output folder.
    fn output_waiting_for_lock(folder) {
        nl: "even wachten: een andere kennis-build schrijft naar {folder}; deze gaat verder als die klaar is",
        en: "waiting: another kennis build is writing to {folder}; this one goes on when it is done",
    }
    /// The output folder cannot be locked.
    fn output_cannot_lock(path, error) {
        nl: "kan {path} niet vergrendelen ({error}); zorg dat er niet tegelijk een andere build naar deze map schrijft",
        en: "cannot lock {path} ({error}); make sure that no other build writes to this folder at the same time",
    }

    // check

    /// check stopped at site.yaml or a theme.
    fn check_stopped_at_config(errors) {
        nl: "de controle is gestopt bij site.yaml of een thema, met {errors}",
        en: "check stopped at site.yaml or a theme, with {errors}",
    }
    /// A folder could not be made.
    fn cannot_create_folder(folder, error) {
        nl: "kan de map {folder} niet maken: {error}",
        en: "cannot create {folder}: {error}",
    }
    /// The HTML report of check was written.
    fn check_report_written(path) {
        nl: "rapport geschreven naar {path}",
        en: "report written to {path}",
    }
    /// The HTML report of check could not be written.
    fn check_report_cannot_write(path, error) {
        nl: "kan het rapport {path} niet schrijven: {error}",
        en: "cannot write the report {path}: {error}",
    }
    /// First line of check's summary, for one site.
    fn check_summary_one_site(pages, errors, warnings) {
        nl: "{pages} gecontroleerd op één site: {errors}, {warnings}",
        en: "checked {pages} on one site: {errors}, {warnings}",
    }
    /// First line of check's summary, for several sites.
    fn check_summary_sites(pages, sites, errors, warnings) {
        nl: "{pages} gecontroleerd op {sites} sites: {errors}, {warnings}",
        en: "checked {pages} on {sites} sites: {errors}, {warnings}",
    }
    /// check's summary: links.
    fn check_summary_links(internal, broken, external) {
        nl: "links: {internal} intern gecontroleerd, {broken} kapot; {external} extern (niet gevolgd)",
        en: "links: {internal} internal checked, {broken} broken; {external} external (not followed)",
    }
    /// check's summary: images, headings and infographics.
    fn check_summary_images(images, without_alt, headings, figures) {
        nl: "afbeeldingen: {images}, {without_alt} zonder alt-tekst; koppen: {headings}; infographics: {figures}",
        en: "images: {images}, {without_alt} without alt text; headings: {headings}; infographics: {figures}",
    }
    /// check's summary: the contrast of a theme.
    fn check_summary_contrast(theme, site, passing, pairs, weakest) {
        nl: "contrast van thema `{theme}` (site {site}): {passing} van {pairs} kleurparen halen WCAG AA{weakest}",
        en: "contrast of theme `{theme}` (site {site}): {passing} of {pairs} colour pairs meet WCAG AA{weakest}",
    }
    /// check's summary: the colour pair of a theme with the least contrast.
    fn check_summary_weakest(what, ratio, min) {
        nl: "; zwakste: {what} {ratio:.2}:1 (nodig: {min}:1)",
        en: "; weakest: {what} {ratio:.2}:1 (needs {min}:1)",
    }
    /// check's summary: the readability score of every page.
    fn check_summary_readability(threshold, scores) {
        nl: "leesbaarheid (Flesch-Douma, advies; drempel {threshold}): {scores}",
        en: "readability (Flesch-Douma, advice; threshold {threshold}): {scores}",
    }
    /// check's summary: long sentences.
    fn check_summary_long_sentences(max, long, sentences) {
        nl: "zinnen van meer dan {max} woorden: {long} van {sentences}",
        en: "sentences over {max} words: {long} of {sentences}",
    }

    // serve

    /// serve cannot start without a readable configuration.
    fn serve_needs_config() {
        nl: "kennis serve heeft een leesbare site.yaml en leesbare thema's nodig; los de fouten hierboven op en start opnieuw",
        en: "kennis serve needs a readable site.yaml and themes; fix the errors above and start again",
    }
    /// There are more sites than ports above `--port`.
    fn serve_no_port_left(port, site) {
        nl: "geen poort meer over na {port} voor site `{site}`",
        en: "no port left after {port} for site `{site}`",
    }
    /// A port is taken.
    fn serve_cannot_listen(port, site, error) {
        nl: "kan niet luisteren op 127.0.0.1:{port} voor site `{site}`: {error}",
        en: "cannot listen on 127.0.0.1:{port} for site `{site}`: {error}",
    }
    /// Hint of `serve_cannot_listen`.
    fn serve_cannot_listen_hint() {
        nl: "een ander programma gebruikt de poort; geef met --port een ander nummer",
        en: "another program uses the port; pass --port with another number",
    }
    /// The server of a site has no IP address.
    fn serve_no_address(site) {
        nl: "de server van site `{site}` heeft geen IP-adres",
        en: "the server for site `{site}` has no IP address",
    }
    /// The first build of serve is done.
    fn serve_built_in(ms) {
        nl: "gebouwd in {ms} ms",
        en: "built in {ms} ms",
    }
    /// The watcher could not start.
    fn serve_cannot_watch(error) {
        nl: "kan wijzigingen niet volgen: {error}",
        en: "cannot watch for changes: {error}",
    }
    /// A folder cannot be watched.
    fn serve_cannot_watch_folder(folder, error) {
        nl: "kan {folder} niet volgen: {error}",
        en: "cannot watch {folder}: {error}",
    }
    /// serve runs.
    fn serve_watching() {
        nl: "kennis serve: houdt content/, themes/ en site.yaml in de gaten; Ctrl-C stopt",
        en: "kennis serve: watching content/, themes/ and site.yaml; Ctrl-C stops",
    }
    /// A site was added to site.yaml while serve runs.
    fn serve_new_site(site) {
        nl: "let op: site `{site}` is nieuw; start kennis serve opnieuw om hem te tonen",
        en: "note: site `{site}` is new; restart kennis serve to serve it",
    }
    /// A save changed pages in place.
    fn serve_updated_in(ms, files) {
        nl: "bijgewerkt in {ms} ms ({files})",
        en: "updated in {ms} ms ({files})",
    }
    /// A save rebuilt the sites.
    fn serve_rebuilt_in(ms, files) {
        nl: "opnieuw gebouwd in {ms} ms ({files})",
        en: "rebuilt in {ms} ms ({files})",
    }
    /// A rebuild failed.
    fn serve_rebuild_failed(errors) {
        nl: "{errors}; de pagina's tonen ze, en de laatste goede build blijft te zien",
        en: "{errors}; the pages show them, and still serve the last good build",
    }
    /// The search index could not follow a change.
    fn serve_search_index_stale(site, error) {
        nl: "de zoekindex van {site} is niet bijgewerkt: {error}",
        en: "the search index of {site} is not up to date: {error}",
    }
    /// The search index followed a change.
    fn serve_search_index_updated(site, ms) {
        nl: "zoekindex van {site} bijgewerkt in {ms} ms",
        en: "search index of {site} updated in {ms} ms",
    }
    /// A request could not be answered.
    fn serve_request_dropped(error) {
        nl: "een verzoek is overgeslagen: kan geen thread starten: {error}",
        en: "a request was dropped: cannot start a thread: {error}",
    }
    /// The preview's answer to a method other than GET and HEAD.
    fn serve_only_get() {
        nl: "405: alleen GET en HEAD",
        en: "405: only GET and HEAD",
    }
    /// The preview's answer to an unknown Host header.
    fn serve_unknown_host() {
        nl: "400: onbekende Host",
        en: "400: unknown Host",
    }
    /// The preview's answer to an address it refuses.
    fn serve_address_refused() {
        nl: "400: dit adres is niet toegestaan",
        en: "400: this address is not allowed",
    }
    /// The preview's answer to an address without a file (and no 404 page).
    fn serve_not_found() {
        nl: "404: niet gevonden",
        en: "404: not found",
    }
    /// The preview's answer when a file of the build is gone from disk.
    fn serve_file_gone() {
        nl: "404: het bestand is weg",
        en: "404: the file is gone",
    }
    /// The top line of the preview's error overlay.
    fn overlay_heading(errors) {
        nl: "kennis: de laatste wijziging heeft {errors}. Je ziet nog de vorige versie van de site.",
        en: "kennis: the last change has {errors}. You still see the previous version of the site.",
    }
    /// The button that hides the overlay.
    fn overlay_hide() {
        nl: "Verbergen",
        en: "Hide",
    }
    /// The preview's page while there is no build yet.
    fn preview_building() {
        nl: "kennis is aan het bouwen…",
        en: "kennis is building…",
    }
    /// The title of the preview's page without a good build.
    fn preview_title() {
        nl: "kennis serve: fout",
        en: "kennis serve: error",
    }

    // new

    /// A SLUG on the command line that is not one.
    fn slug_invalid(slug, suggestion) {
        nl: "`{slug}` is geen geldige slug: gebruik kleine letters, cijfers en `-` tussen woorden, bijvoorbeeld `{suggestion}`",
        en: "`{slug}` is not a slug: use lower-case letters, digits and `-` between words, e.g. `{suggestion}`",
    }
    /// kennis new outside a site.
    fn new_no_site_yaml(folder) {
        nl: "er is geen site.yaml in {folder}",
        en: "there is no site.yaml in {folder}",
    }
    /// Hint of `new_no_site_yaml`.
    fn new_no_site_yaml_hint() {
        nl: "start kennis new in de map met site.yaml en content/, of geef --root MAP",
        en: "run kennis new in the folder that holds site.yaml and content/, or pass --root DIR",
    }
    /// The starter file exists.
    fn new_file_exists(path) {
        nl: "{path} bestaat al; kennis new overschrijft nooit een bestand",
        en: "{path} already exists; kennis new never overwrites a file",
    }
    /// Hint of `new_file_exists`.
    fn new_file_exists_hint(path) {
        nl: "kies een andere SLUG, of bewerk {path}",
        en: "choose another SLUG, or edit {path}",
    }
    /// The starter file cannot be written.
    fn new_cannot_write(path, error) {
        nl: "kan {path} niet schrijven: {error}",
        en: "cannot write {path}: {error}",
    }
    /// The starter file was written.
    fn new_wrote(path, url) {
        nl: "{path} geschreven; het wordt de pagina {url}",
        en: "wrote {path}; it becomes the page {url}",
    }
    /// What to do after kennis new.
    fn new_next() {
        nl: "hierna: vul de velden in (de uitleg erboven zegt wat elk veld is), en start `kennis serve` om de pagina te zien",
        en: "next: fill in the fields (the comments say what each one is), then run `kennis serve` to see it",
    }

    // init

    /// `--title` is empty.
    fn init_title_empty() {
        nl: "de titel is leeg: schrijf de naam van de site, bijvoorbeeld \"Kennisnetwerk Jeugd\"",
        en: "the title is empty: write the name of the site, e.g. \"Kennisnetwerk Jeugd\"",
    }
    /// `--title` has tabs or line breaks.
    fn init_title_not_one_line() {
        nl: "de titel moet één regel tekst zijn, zonder tabs of regeleinden",
        en: "the title must be one line of text, without tabs or line breaks",
    }
    /// `--title` is too long.
    fn init_title_too_long() {
        nl: "de titel is langer dan 120 tekens: hij staat boven elke pagina; maak hem korter",
        en: "the title is longer than 120 characters: it is shown at the top of every page; make it shorter",
    }
    /// `--base-url` is not an absolute web address.
    fn init_base_url_invalid(url) {
        nl: "`{url}` is geen volledig webadres: schrijf het als https://www.example.nl/ of https://example.github.io/project/",
        en: "`{url}` is not an absolute web address: write it like https://www.example.nl/ or https://example.github.io/project/",
    }
    /// `--theme` is not a built-in theme.
    fn init_unknown_theme(theme, themes) {
        nl: "er is geen ingebouwd thema `{theme}`: kies uit {themes}",
        en: "there is no built-in theme `{theme}`: choose one of {themes}",
    }
    /// The folder of init is a file.
    fn init_not_a_folder(path) {
        nl: "{path} bestaat al en is geen map",
        en: "{path} exists and is not a folder",
    }
    /// The folder of init cannot be read.
    fn init_cannot_read_folder(folder, error) {
        nl: "kan de map {folder} niet lezen: {error}",
        en: "cannot read the folder {folder}: {error}",
    }
    /// Hint of `init_cannot_read_folder`.
    fn init_choose_writable_folder() {
        nl: "kies een map waarin je mag schrijven",
        en: "choose a folder you can write to",
    }
    /// The folder of init is not empty.
    fn init_folder_not_empty(folder, count, names) {
        nl: "{folder} is niet leeg (bestanden en mappen erin: {count}; {names}); kennis init schrijft alleen in een nieuwe of lege map, dus er is niets veranderd",
        en: "{folder} is not empty (it holds {count} item(s): {names}); kennis init writes only into a new or empty folder, so nothing was changed",
    }
    /// Hint when the folder of init cannot take a site.
    fn init_choose_new_folder() {
        nl: "kies de naam van een nieuwe map, bijvoorbeeld `kennis init mijn-site`",
        en: "choose the name of a new folder, e.g. `kennis init mijn-site`",
    }
    /// init's question on a terminal, with what Enter does.
    fn init_question(question, placeholder) {
        nl: "{question} [met Enter blijft het `{placeholder}`; je kunt het later in site.yaml veranderen]: ",
        en: "{question} [Enter keeps `{placeholder}`; site.yaml can change it later]: ",
    }
    /// init asks for the title.
    fn init_ask_title() {
        nl: "Titel van de site",
        en: "Title of the site",
    }
    /// init asks for the base URL.
    fn init_ask_base_url() {
        nl: "Adres waarop de site komt te staan",
        en: "Address the site will be published at",
    }
    /// The new site could not be written.
    fn init_cannot_write(folder, error) {
        nl: "kan de nieuwe site niet in {folder} schrijven: {error}; er is niets achtergebleven",
        en: "cannot write the new site into {folder}: {error}; nothing was left behind",
    }
    /// The new site was written.
    fn init_wrote(folder, site, theme, files) {
        nl: "nieuwe site geschreven in {folder}: site `{site}` met thema `{theme}`, {files} bestanden",
        en: "wrote a new site into {folder}: site `{site}` with theme `{theme}`, {files} files",
    }
    /// What to do after init.
    fn init_next(folder, site) {
        nl: "hierna: cd {folder}, dan `kennis serve` om de site te zien, `kennis build` om hem te bouwen in output/{site}/",
        en: "next: cd {folder}, then `kennis serve` to see it, `kennis build` to build it into output/{site}/",
    }
    /// After init with placeholders.
    fn init_fill_in_placeholders() {
        nl: "invullen: de `title` en `base_url` in site.yaml (`kennis check` waarschuwt zolang de plaatshouders er staan)",
        en: "fill in: the title and base_url in site.yaml (`kennis check` warns while the placeholders are there)",
    }
    /// After init: the accessibility statement.
    fn init_fill_in_accessibility() {
        nl: "invullen: alles met `[invullen: …]` in content/paginas/toegankelijkheid.md, de toegankelijkheidsverklaring",
        en: "fill in: everything marked [invullen: …] in content/paginas/toegankelijkheid.md, the accessibility statement",
    }
    /// After init, when the crate names no repository.
    fn init_publish_set_git() {
        nl: "publiceren: zet KENNIS_GIT in .github/workflows/publiceren.yml op het git-adres van kennis; docs/publiceren.md van kennis legt publiceren uit",
        en: "publish: set KENNIS_GIT in .github/workflows/publiceren.yml to the git address of kennis; docs/publiceren.md of kennis explains publishing",
    }
    /// After init: publishing.
    fn init_publish() {
        nl: "publiceren: .github/workflows/publiceren.yml publiceert op GitHub Pages; docs/publiceren.md van kennis legt het uit",
        en: "publish: .github/workflows/publiceren.yml publishes to GitHub Pages; docs/publiceren.md of kennis explains it",
    }

    // The command line.

    /// A `--lang` that is neither nl nor en.
    fn lang_choices() {
        nl: "kies nl of en",
        en: "nl or en",
    }
    /// A value of the command line that kennis refused.
    fn usage_invalid_value(value, argument, reason) {
        nl: "de waarde '{value}' voor {argument} kan niet: {reason}",
        en: "invalid value '{value}' for {argument}: {reason}",
    }
    /// Where to read how a command is used.
    fn usage_see_help() {
        nl: "`kennis <opdracht> --help` laat zien hoe de opdracht werkt (in het Engels)",
        en: "`kennis <command> --help` shows how the command is used",
    }
}

/// `n` things, in the singular for one: `counted(n, count_report_one, count_reports)`.
pub(crate) fn counted(n: usize, one: fn() -> Text, many: fn(usize) -> Text) -> Text {
    if n == 1 { one() } else { many(n) }
}
