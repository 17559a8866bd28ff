//! Messages of the site: `site.yaml`, its brand colours and logo, audiences, themes and their
//! palettes, and reading the content folder.

super::catalogue! {
    /// A file of the site (site.yaml, a theme file, a content file) cannot be read; the error is
    /// the system's.
    fn site_file_unreadable(path, error) {
        nl: "kan {path} niet lezen: {error}",
        en: "cannot read {path}: {error}",
    }
    /// Hint when site.yaml cannot be read.
    fn site_yaml_unreadable_hint() {
        nl: "start kennis in de map met site.yaml, of geef de map mee met --root MAP",
        en: "run kennis in the folder that holds site.yaml, or pass --root DIR",
    }
    /// `--site` names a site that site.yaml does not have.
    fn site_not_in_site_yaml(name) {
        nl: "er is geen site `{name}` in site.yaml",
        en: "there is no site `{name}` in site.yaml",
    }
    /// Hint with the sites of site.yaml.
    fn site_choose_one_of(names) {
        nl: "kies een van: {names}",
        en: "choose one of: {names}",
    }
    /// A site name that cannot be a folder name.
    fn site_name_not_a_folder_name(name) {
        nl: "de sitenaam `{name}` kan geen mapnaam zijn",
        en: "the site name `{name}` cannot be a folder name",
    }
    /// Hint for a name that must be a folder name.
    fn site_name_letters_hint() {
        nl: "gebruik alleen kleine letters, cijfers en `-`",
        en: "use lower-case letters, digits and `-` only",
    }
    /// A base_url that is not an absolute address.
    fn site_base_url_not_absolute(base_url, name) {
        nl: "de base_url `{base_url}` van site `{name}` is geen volledig http(s)-adres",
        en: "the base_url `{base_url}` of site `{name}` is not an absolute http(s) URL",
    }
    /// Hint for a base_url that is not an absolute address.
    fn site_base_url_hint() {
        nl: "schrijf het adres zoals https://www.example.nl/",
        en: "write it like https://www.example.nl/",
    }
    /// A site still has the title `kennis init` wrote.
    fn site_placeholder_title(name, title) {
        nl: "site `{name}` heeft nog de voorbeeldtitel `{title}`",
        en: "site `{name}` still has the placeholder title `{title}`",
    }
    /// Hint for the placeholder title.
    fn site_placeholder_title_hint() {
        nl: "schrijf de naam van de site achter `title:` in site.yaml",
        en: "write the name of the site after `title:` in site.yaml",
    }
    /// A site still has the base_url `kennis init` wrote.
    fn site_placeholder_base_url(name, base_url) {
        nl: "site `{name}` heeft nog het voorbeeldadres {base_url} als base_url",
        en: "site `{name}` still has the placeholder base_url {base_url}",
    }
    /// Hint for the placeholder base_url.
    fn site_placeholder_base_url_hint() {
        nl: "schrijf achter `base_url:` in site.yaml het adres waar de site komt te staan, of bouw met --base-url ADRES",
        en: "write the address where the site will be published after `base_url:` in site.yaml, or build with --base-url URL",
    }
    /// An audience whose name has no letters or digits.
    fn audience_without_letters(name) {
        nl: "de doelgroep `{name}` heeft geen letters of cijfers",
        en: "the audience `{name}` has no letters or digits",
    }
    /// Hint for an audience without letters.
    fn audience_without_letters_hint() {
        nl: "geef de doelgroep een naam in woorden, bijvoorbeeld `gemeenten`",
        en: "name the audience in words, e.g. `gemeenten`",
    }
    /// Two audiences would get the same page.
    fn audiences_share_a_page(first, second, slug) {
        nl: "de doelgroepen `{first}` en `{second}` zouden allebei de pagina /aanbevelingen/{slug}/ krijgen",
        en: "the audiences `{first}` and `{second}` would both have the page /aanbevelingen/{slug}/",
    }
    /// Hint for two audiences with the same page.
    fn audiences_share_a_page_hint() {
        nl: "gebruik één naam voor allebei, of namen die in meer verschillen dan hoofdletters en tekens",
        en: "use one name for both, or names that differ in more than capitals and signs",
    }

    // Brand colours.

    /// A brand colour that is not a colour.
    fn brand_colour_unreadable(role, colour) {
        nl: "de huiskleur {role} `{colour}` is geen kleur die kennis kan lezen",
        en: "the brand colour {role} `{colour}` is not a colour kennis can read",
    }
    /// Hint for a colour that cannot be read.
    fn brand_colour_unreadable_hint() {
        nl: "schrijf de kleur als \"#rrggbb\", tussen aanhalingstekens, bijvoorbeeld \"#0b4f71\"",
        en: "write it as \"#rrggbb\", in quotes, e.g. \"#0b4f71\"",
    }
    /// The contrast of a brand colour on one background, with the background's colour.
    fn brand_contrast_on(ratio, background, colour) {
        nl: "{ratio:.2}:1 op {background} ({colour})",
        en: "{ratio:.2}:1 on {background} ({colour})",
    }
    /// The contrast of a colour on one background.
    fn brand_contrast_on_short(ratio, background) {
        nl: "{ratio:.2}:1 op {background}",
        en: "{ratio:.2}:1 on {background}",
    }
    /// Two things said together.
    fn site_both(first, second) {
        nl: "{first} en {second}",
        en: "{first} and {second}",
    }
    /// A brand colour with too little contrast.
    fn brand_too_little_contrast(role, colour, usage, failing, min) {
        nl: "de huiskleur {role} {colour} heeft te weinig contrast voor {usage}: {failing}, minder dan {min}:1",
        en: "the brand colour {role} {colour} has too little contrast for {usage}: {failing}, below {min}:1",
    }
    /// What a brand colour is used for: text.
    fn brand_use_text() {
        nl: "tekst",
        en: "text",
    }
    /// What a brand colour is used for: lines and shapes of graphics.
    fn brand_use_graphics() {
        nl: "afbeeldingen",
        en: "graphics",
    }
    /// Hint with the nearest shade that passes.
    fn brand_nearest_shade(shade, ratios, role) {
        nl: "de dichtstbijzijnde tint van dezelfde kleur die wel genoeg contrast heeft, is \"{shade}\" ({ratios}): schrijf `{role}: \"{shade}\"`",
        en: "the nearest shade of the same hue that passes is \"{shade}\" ({ratios}): write `{role}: \"{shade}\"`",
    }
    /// Hint when no shade passes.
    fn brand_no_shade(min) {
        nl: "geen tint van deze kleur haalt {min}:1 op beide achtergronden; kies een donkerdere of lichtere kleur",
        en: "no shade of this hue reaches {min}:1 on both backgrounds; choose a darker or lighter colour",
    }

    // The logo.

    /// `logo_alt` without `logo`.
    fn logo_alt_without_logo() {
        nl: "logo_alt staat er, maar er is geen logo",
        en: "logo_alt is set, but there is no logo",
    }
    /// Hint for `logo_alt` without `logo`.
    fn logo_alt_without_logo_hint() {
        nl: "voeg `logo: logo.svg` toe (een bestand in de map van site.yaml), of haal logo_alt weg",
        en: "add `logo: logo.svg` (a file in the folder of site.yaml), or remove logo_alt",
    }
    /// A logo path that leaves the site folder.
    fn logo_not_a_path_inside(rel) {
        nl: "het logo `{rel}` is geen pad binnen de map van de site",
        en: "the logo `{rel}` is not a path inside the site folder",
    }
    /// Hint for a logo path that leaves the site folder.
    fn logo_not_a_path_inside_hint() {
        nl: "schrijf het pad vanaf de map van site.yaml, zonder `..`, bijvoorbeeld `logo: logo.svg`",
        en: "write the path from the folder of site.yaml, without `..`, e.g. `logo: logo.svg`",
    }
    /// A logo that is not SVG or PNG.
    fn logo_not_svg_or_png(rel) {
        nl: "het logo `{rel}` is geen SVG- of PNG-bestand",
        en: "the logo `{rel}` is not an SVG or PNG file",
    }
    /// Hint for a logo of another kind.
    fn logo_not_svg_or_png_hint() {
        nl: "sla het logo op als .svg (het beste: scherp op elke grootte) of als .png",
        en: "save the logo as .svg (best: sharp at every size) or .png",
    }
    /// The logo cannot be read; the error is the system's.
    fn logo_unreadable(rel, error) {
        nl: "kan het logo `{rel}` niet lezen: {error}",
        en: "cannot read the logo `{rel}`: {error}",
    }
    /// Hint for a logo that cannot be read.
    fn logo_unreadable_hint() {
        nl: "kijk of het bestand gelezen kan worden",
        en: "check that the file can be read",
    }
    /// A logo that is too large.
    fn logo_too_large(rel, size, max) {
        nl: "het logo `{rel}` is {size} KB; een logo wordt op elke pagina geladen, dus kennis neemt hoogstens {max} KB",
        en: "the logo `{rel}` is {size} KB; a logo is loaded on every page, so kennis takes at most {max} KB",
    }
    /// Hint for a logo that is too large.
    fn logo_too_large_hint() {
        nl: "maak het bestand kleiner (een SVG, of een PNG van ongeveer 400 pixels breed)",
        en: "make the file smaller (an SVG, or a PNG of about 400 pixels wide)",
    }
    /// A logo outside the site folder (through a link).
    fn logo_outside_the_site(rel) {
        nl: "het logo `{rel}` staat buiten de map van de site",
        en: "the logo `{rel}` is outside the site folder",
    }
    /// Hint for a logo outside the site folder.
    fn logo_outside_the_site_hint() {
        nl: "kopieer het logo naar de map van site.yaml",
        en: "copy the logo into the folder of site.yaml",
    }
    /// The logo file does not exist.
    fn logo_missing(rel) {
        nl: "er is geen logobestand `{rel}`",
        en: "there is no logo file `{rel}`",
    }
    /// Hint for a logo file that does not exist.
    fn logo_missing_hint() {
        nl: "zet het logo in de map van site.yaml en schrijf de bestandsnaam achter `logo:`",
        en: "put the logo in the folder of site.yaml and write its file name after `logo:`",
    }
    /// A logo that is not a readable image.
    fn logo_not_readable_image(rel, kind) {
        nl: "het logo `{rel}` is geen leesbare {kind}-afbeelding",
        en: "the logo `{rel}` is not a readable {kind} image",
    }
    /// Hint for a logo that is not a readable image.
    fn logo_not_readable_image_hint() {
        nl: "open het bestand in een beeldbewerkingsprogramma en sla het opnieuw op als SVG of PNG",
        en: "open the file in an image editor and save it again as SVG or PNG",
    }
    /// `logo_alt` says the site title, which is beside the logo.
    fn logo_alt_same_as_title() {
        nl: "logo_alt is hetzelfde als de titel van de site naast het logo",
        en: "logo_alt is the same as the site title beside the logo",
    }
    /// Hint for `logo_alt` that says the site title.
    fn logo_alt_same_as_title_hint(title) {
        nl: "een schermlezer zou de titel dan twee keer voorlezen; beschrijf in plaats daarvan het logo, bijvoorbeeld `logo_alt: Logo van {title}`, of laat logo_alt weg",
        en: "a screen reader would read the title twice; describe the logo instead, e.g. `logo_alt: Logo van {title}`, or leave logo_alt out",
    }
    /// `logo_alt` is empty.
    fn logo_alt_empty() {
        nl: "logo_alt is leeg",
        en: "logo_alt is empty",
    }
    /// Hint for an empty `logo_alt`.
    fn logo_alt_empty_hint(title) {
        nl: "beschrijf het logo in een paar woorden, bijvoorbeeld `logo_alt: Logo van {title}`, of laat logo_alt weg",
        en: "describe the logo in a few words, e.g. `logo_alt: Logo van {title}`, or leave logo_alt out",
    }

    // Themes.

    /// A file of a theme that is built into kennis, as errors show its name.
    fn builtin_theme_file(path) {
        nl: "(ingebouwd) {path}",
        en: "(built-in) {path}",
    }
    /// A theme name that is not a folder name.
    fn theme_name_not_a_folder_name(name) {
        nl: "de themanaam `{name}` is geen mapnaam",
        en: "the theme name `{name}` is not a folder name",
    }
    /// Hint for a theme name that is not a folder name.
    fn theme_name_not_a_folder_name_hint() {
        nl: "noem een map in themes/, bijvoorbeeld `kennisnetwerk`",
        en: "name a folder in themes/, e.g. `kennisnetwerk`",
    }
    /// A theme that does not exist.
    fn theme_missing(name) {
        nl: "er is geen thema `{name}` (themes/{name}/theme.yaml, of een ingebouwd thema)",
        en: "there is no theme `{name}` (themes/{name}/theme.yaml, or a built-in theme)",
    }
    /// Hint with the theme that is nearest to the name.
    fn theme_did_you_mean(name) {
        nl: "bedoel je `{name}`?",
        en: "did you mean `{name}`?",
    }
    /// Hint with the themes there are.
    fn theme_available(names) {
        nl: "beschikbare thema's: {names}",
        en: "available themes: {names}",
    }
    /// Two colours of a theme's palette with too little contrast.
    fn theme_contrast_too_low(palette, foreground, background, ratio, min) {
        nl: "het contrast van `{foreground}` op `{background}` in `{palette}` is {ratio:.2}:1, minder dan {min}:1",
        en: "{palette} contrast of {foreground} on {background} is {ratio:.2}:1, below {min}:1",
    }
    /// Hint for too little contrast in the dark palette.
    fn theme_contrast_dark_hint() {
        nl: "maak de voorgrondkleur lichter of de achtergrondkleur donkerder",
        en: "lighten the foreground or darken the background colour",
    }
    /// Hint for too little contrast in the light palette.
    fn theme_contrast_light_hint() {
        nl: "maak de voorgrondkleur donkerder of de achtergrondkleur lichter",
        en: "darken the foreground or lighten the background colour",
    }
    /// Colours of a theme's palette that are not `#rrggbb`.
    fn theme_colour_not_hex(palette, foreground, background) {
        nl: "de kleuren in `{palette}` voor `{foreground}` op `{background}` moeten geschreven zijn als #rrggbb",
        en: "{palette} colours for {foreground} on {background} must be written as #rrggbb",
    }
    /// Hint for colours that are not `#rrggbb`.
    fn theme_colour_not_hex_hint() {
        nl: "bijvoorbeeld \"#1d5a8c\" (tussen aanhalingstekens)",
        en: "e.g. \"#1d5a8c\" (in quotes)",
    }
    /// A theme without a template it needs.
    fn theme_template_missing(name, template) {
        nl: "thema `{name}` heeft geen template {template}",
        en: "theme `{name}` has no template {template}",
    }
    /// Hint for a missing template.
    fn theme_template_missing_hint(name, template) {
        nl: "voeg themes/_shared/templates/{template} of themes/{name}/templates/{template} toe",
        en: "add themes/_shared/templates/{template} or themes/{name}/templates/{template}",
    }
    /// A template that does not parse; the error is Tera's.
    fn theme_template_does_not_parse(name, error) {
        nl: "een template van thema `{name}` klopt niet: {error}",
        en: "a template of theme `{name}` does not parse: {error}",
    }
    /// Hint for a template that does not parse.
    fn theme_template_does_not_parse_hint() {
        nl: "verbeter de opbouw van de template (Tera)",
        en: "fix the template syntax (Tera)",
    }
    /// A stylesheet of the theme that does not parse; the error is the CSS parser's.
    fn theme_css_error(error) {
        nl: "fout in de CSS: {error}",
        en: "CSS: {error}",
    }
    /// Hint for a stylesheet that does not parse.
    fn theme_css_error_hint() {
        nl: "verbeter het stylesheet; de CSS van het thema moet kloppen",
        en: "fix the stylesheet; the theme's CSS must parse",
    }

    // The content folder.

    /// There is no `content/`.
    fn content_folder_missing(path) {
        nl: "er is geen map content op {path}",
        en: "there is no content folder at {path}",
    }
    /// Hint for a missing `content/`.
    fn content_folder_missing_hint() {
        nl: "maak een map content/ met minstens content/_index.md",
        en: "create content/ with at least content/_index.md",
    }
    /// The content folder cannot be read; the error is the system's.
    fn content_folder_unreadable(error) {
        nl: "kan de map content niet lezen: {error}",
        en: "cannot read the content folder: {error}",
    }
    /// A symbolic link in the content folder.
    fn content_symbolic_link(rel) {
        nl: "content/{rel} is een symbolische koppeling, en die volgt kennis niet",
        en: "content/{rel} is a symbolic link, which kennis does not follow",
    }
    /// Hint for a symbolic link.
    fn content_symbolic_link_hint() {
        nl: "kopieer het bestand naar content/ in plaats van ernaar te verwijzen",
        en: "copy the file into content/ instead of linking to it",
    }
    /// A Markdown file that is not UTF-8.
    fn content_not_utf8(path) {
        nl: "{path} is geen geldige UTF-8-tekst",
        en: "{path} is not valid UTF-8 text",
    }
    /// Hint for a file that is not UTF-8.
    fn content_not_utf8_hint() {
        nl: "sla het bestand op als UTF-8",
        en: "save the file as UTF-8",
    }
    /// A file kennis does not publish by its kind.
    fn content_refused_kind(path, kind) {
        nl: "{path} is {kind}, en dat publiceert kennis niet",
        en: "{path} is {kind}, which kennis does not publish",
    }
    /// A kind of file kennis does not publish: an HTML page.
    fn content_kind_html() {
        nl: "een HTML-pagina",
        en: "an HTML page",
    }
    /// Hint for an HTML page in the content.
    fn content_kind_html_hint() {
        nl: "schrijf de pagina in Markdown (een `.md`-bestand): een HTML-pagina uit content/ zou haar scripts uitvoeren op het eigen adres van de site, buiten wat kennis veilig maakt en controleert",
        en: "write the page in Markdown (a `.md` file) instead: an HTML page from content/ would run its scripts on the site's own address, outside what kennis escapes and checks",
    }
    /// A kind of file kennis does not publish: a script.
    fn content_kind_script() {
        nl: "een JavaScript-bestand",
        en: "a JavaScript file",
    }
    /// Hint for a script in the content.
    fn content_kind_script_hint() {
        nl: "haal het weg: een script uit content/ zou draaien op het eigen adres van de site, in elke pagina die het laadt; het thema brengt de enige scripts die een site nodig heeft",
        en: "remove it: a script from content/ would run on the site's own address in any page that loads it; the theme brings the only scripts a site needs",
    }
    /// A kind of file kennis does not publish: a compressed SVG image.
    fn content_kind_svgz() {
        nl: "een ingepakte SVG-afbeelding",
        en: "a compressed SVG image",
    }
    /// Hint for a compressed SVG image.
    fn content_kind_svgz_hint() {
        nl: "sla de afbeelding op als gewone `.svg`: kennis controleert SVG-afbeeldingen op scripts voordat ze gepubliceerd worden, en kan niet in een ingepakte kijken",
        en: "save the image as a plain `.svg`: kennis checks SVG images for script before it publishes them, and cannot look inside a compressed one",
    }
    /// An SVG image that is not UTF-8.
    fn svg_not_utf8(path) {
        nl: "{path} is geen UTF-8-tekst, dus kennis kan het niet op scripts controleren",
        en: "{path} is not UTF-8 text, so kennis cannot check it for script",
    }
    /// Hint for an SVG image that is not UTF-8.
    fn svg_not_utf8_hint() {
        nl: "exporteer de SVG-afbeelding opnieuw als UTF-8 (de gewone codering), of als PNG",
        en: "export the SVG image again as UTF-8 (the usual encoding), or as PNG",
    }
    /// An SVG image that does not parse; the error is the XML parser's.
    fn svg_not_well_formed(path, error) {
        nl: "{path} is geen goed opgebouwde SVG-afbeelding: {error}",
        en: "{path} is not a well-formed SVG image: {error}",
    }
    /// Hint for an SVG image that does not parse.
    fn svg_not_well_formed_hint() {
        nl: "exporteer de afbeelding opnieuw: een browser toont een kapotte SVG-afbeelding ook niet",
        en: "export the image again: a browser does not show a broken SVG image either",
    }
    /// An SVG image that holds something that runs.
    fn svg_holds_script(what) {
        nl: "deze SVG-afbeelding bevat {what}, en dat zou draaien op het eigen adres van de site als de afbeelding geopend wordt",
        en: "this SVG image holds {what}, which would run on the site's own address when the image is opened",
    }
    /// Hint for an SVG image that holds something that runs.
    fn svg_holds_script_hint() {
        nl: "exporteer de afbeelding opnieuw zonder scripts, event handlers, `javascript:`-links of ingesloten pagina's (of als PNG); een SVG-afbeelding zonder die dingen wordt gepubliceerd zoals ze is",
        en: "export the image again without scripts, event handlers, `javascript:` links or embedded pages (or as PNG); an SVG image without them is published as it is",
    }
    /// What runs in an SVG image: a stylesheet instruction.
    fn svg_part_stylesheet() {
        nl: "een stylesheet-instructie (`<?xml-stylesheet`)",
        en: "a stylesheet instruction (`<?xml-stylesheet`)",
    }
    /// What runs in an SVG image: an element.
    fn svg_part_element(name) {
        nl: "een element `<{name}>`",
        en: "a `<{name}>` element",
    }
    /// What runs in an SVG image: an event handler.
    fn svg_part_event_handler(name) {
        nl: "een event handler (`{name}`)",
        en: "an event handler (`{name}`)",
    }
    /// What runs in an SVG image: an address that runs script.
    fn svg_part_script_address(scheme) {
        nl: "een adres met `{scheme}`",
        en: "a `{scheme}` address",
    }
    /// What runs in an SVG image: an animated event handler.
    fn svg_part_animated_event_handler() {
        nl: "een geanimeerde event handler",
        en: "an animated event handler",
    }
}
