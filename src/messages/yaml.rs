//! Messages of YAML: front matter, blocks, site.yaml and theme.yaml alike. The English texts of
//! the YAML library's errors are the library's own words; kennis recognises them and says them
//! in Dutch as well.

super::catalogue! {
    /// A YAML problem in a snippet, after the name of the snippet (`front matter`, a block,
    /// `site.yaml`) or the path of the field (`groups[0].items`).
    fn yaml_problem_in(place, problem) {
        nl: "{place}: {problem}",
        en: "{place}: {problem}",
    }
    /// A message kennis made itself while reading YAML (the typed values of blocks), already
    /// in the run's language.
    fn yaml_own_message(text) {
        nl: "{text}",
        en: "{text}",
    }
    /// A content file does not begin with `---`.
    fn front_matter_missing() {
        nl: "dit bestand begint niet met front matter",
        en: "this file does not start with front matter",
    }
    /// Hint for a file without front matter.
    fn front_matter_missing_hint() {
        nl: "begin het bestand met een regel `---`, dan de YAML-velden (minstens `title:`) en weer een regel `---`",
        en: "begin the file with a line `---`, the YAML fields (at least `title:`), and another line `---`",
    }
    /// The closing `---` of the front matter is missing.
    fn front_matter_unclosed() {
        nl: "de front matter wordt nergens afgesloten",
        en: "the front matter is never closed",
    }
    /// Hint for unclosed front matter.
    fn front_matter_unclosed_hint() {
        nl: "zet een regel `---` na het laatste veld van de front matter",
        en: "add a line `---` after the last front matter field",
    }
    /// Brackets nested past the limit in YAML.
    fn yaml_nested_too_deep(max) {
        nl: "hier staan haken meer dan {max} niveaus diep in elkaar",
        en: "brackets are nested more than {max} deep here",
    }
    /// Hint for brackets nested too deep.
    fn yaml_nested_too_deep_hint(max) {
        nl: "kennis leest hoogstens {max} niveaus `[` en `{{` in elkaar; schrijf de gegevens met minder niveaus",
        en: "kennis reads at most {max} levels of `[` and `{{` inside each other; write the data out with fewer levels",
    }
    /// Markdown nested past the limit.
    fn markdown_nested_too_deep(max) {
        nl: "hier staan citaten, lijsten en nadruk meer dan {max} niveaus diep in elkaar",
        en: "block quotes, lists and emphasis are nested more than {max} deep here",
    }
    /// Hint for Markdown nested too deep.
    fn markdown_nested_too_deep_hint(max) {
        nl: "kennis leest hoogstens {max} niveaus `>`, lijstpunten, `*`, `_`, `~~` en links in elkaar; schrijf de tekst met minder niveaus",
        en: "kennis reads at most {max} levels of `>`, list items, `*`, `_`, `~~` and links inside each other; write the text with fewer levels",
    }
    /// A bracket or quotation mark that is never closed.
    fn yaml_unclosed(mark) {
        nl: "de `{mark}` die hier begint, wordt nergens gesloten",
        en: "the `{mark}` opened here is never closed",
    }
    /// Hint for an unclosed bracket in a list written over several lines.
    fn yaml_unclosed_hint_after_last(closer) {
        nl: "sluit af met `{closer}` na de laatste waarde",
        en: "close it with `{closer}` after the last item",
    }
    /// Hint for an unclosed bracket or quote, with the line as it would read closed.
    fn yaml_unclosed_hint_example(closer, example) {
        nl: "sluit af met `{closer}`, bijvoorbeeld `{example}`",
        en: "close it with `{closer}`, for example `{example}`",
    }
    /// Hint for an unclosed `"`, with the line as it would read closed.
    fn yaml_unclosed_hint_example_double(closer, example) {
        nl: "sluit af met `{closer}`, bijvoorbeeld `{example}`; een `\"` in de tekst schrijf je als `\\\"`",
        en: "close it with `{closer}`, for example `{example}`; a `\"` inside the text is written `\\\"`",
    }
    /// Hint for an unclosed `'`, with the line as it would read closed.
    fn yaml_unclosed_hint_example_single(closer, example) {
        nl: "sluit af met `{closer}`, bijvoorbeeld `{example}`; een `'` in de tekst schrijf je als `''`",
        en: "close it with `{closer}`, for example `{example}`; a `'` inside the text is written `''`",
    }
    /// A key given twice in one mapping.
    fn yaml_key_twice(key, first_line) {
        nl: "`{key}` staat er twee keer; het staat al op regel {first_line}",
        en: "`{key}` is given twice; it is already on line {first_line}",
    }
    /// Hint for a key given twice.
    fn yaml_key_twice_hint(key) {
        nl: "haal een van de twee regels `{key}:` weg",
        en: "remove one of the two `{key}:` lines",
    }

    // serde's messages.

    /// A value of the wrong kind (serde's `invalid type`).
    fn yaml_invalid_type(found, expected) {
        nl: "hier hoort {expected}, maar er staat {found}",
        en: "invalid type: {found}, expected {expected}",
    }
    /// A value of the right kind that cannot be used (serde's `invalid value`).
    fn yaml_invalid_value(found, expected) {
        nl: "{found} kan hier niet; hier hoort {expected}",
        en: "invalid value: {found}, expected {expected}",
    }
    /// A list of the wrong length (serde's `invalid length`).
    fn yaml_invalid_length(length, expected) {
        nl: "de lijst heeft {length} waarde(n), maar hier hoort {expected}",
        en: "invalid length {length}, expected {expected}",
    }
    /// A value that is none of the allowed words (serde's `unknown variant`).
    fn yaml_unknown_variant(variant, expected) {
        nl: "`{variant}` kan hier niet; hier kan {expected}",
        en: "unknown variant `{variant}`, expected {expected}",
    }
    /// A value where no words are allowed.
    fn yaml_unknown_variant_none(variant) {
        nl: "`{variant}` kan hier niet; hier kan geen enkele waarde",
        en: "unknown variant `{variant}`, there are no variants",
    }
    /// A field that does not exist here (serde's `unknown field`).
    fn yaml_unknown_field(field, expected) {
        nl: "onbekend veld `{field}`; hier kan {expected}",
        en: "unknown field `{field}`, expected {expected}",
    }
    /// A field where no fields are allowed.
    fn yaml_unknown_field_none(field) {
        nl: "onbekend veld `{field}`; hier kunnen geen velden staan",
        en: "unknown field `{field}`, there are no fields",
    }
    /// A required field is missing.
    fn yaml_missing_field(field) {
        nl: "het veld `{field}` ontbreekt",
        en: "missing field `{field}`",
    }
    /// A field given twice.
    fn yaml_duplicate_field(field) {
        nl: "het veld `{field}` staat er twee keer",
        en: "duplicate field `{field}`",
    }
    /// A key given twice in a mapping (serde_yaml's `duplicate entry`).
    fn yaml_duplicate_entry(key) {
        nl: "{key} staat er twee keer",
        en: "duplicate entry with key {key}",
    }
    /// A value that has none of the forms allowed here.
    fn yaml_no_variant_matched(name) {
        nl: "deze waarde heeft geen van de vormen die hier kunnen (`{name}`)",
        en: "data did not match any variant of untagged enum {name}",
    }
    /// The list of allowed words or fields: more than two.
    fn yaml_one_of(names) {
        nl: "een van {names}",
        en: "one of {names}",
    }
    /// The list of allowed words or fields: two.
    fn yaml_either(first, second) {
        nl: "{first} of {second}",
        en: "{first} or {second}",
    }

    // What was found, in serde's messages.

    /// A text value that was found.
    fn yaml_found_text(text) {
        nl: "de tekst {text}",
        en: "string {text}",
    }
    /// A whole number that was found.
    fn yaml_found_integer(number) {
        nl: "het getal {number}",
        en: "integer `{number}`",
    }
    /// A number with decimals that was found.
    fn yaml_found_float(number) {
        nl: "het getal {number}",
        en: "floating point `{number}`",
    }
    /// `true` or `false` that was found.
    fn yaml_found_boolean(value) {
        nl: "de waarde `{value}`",
        en: "boolean `{value}`",
    }
    /// A single character that was found.
    fn yaml_found_character(value) {
        nl: "het teken `{value}`",
        en: "character `{value}`",
    }
    /// An empty value that was found.
    fn yaml_found_empty() {
        nl: "een lege waarde",
        en: "unit value",
    }
    /// A list that was found.
    fn yaml_found_list() {
        nl: "een lijst",
        en: "sequence",
    }
    /// Fields that were found.
    fn yaml_found_fields() {
        nl: "een groep velden",
        en: "map",
    }

    // What was expected, in serde's messages.

    /// `true` or `false` was expected.
    fn yaml_expected_boolean() {
        nl: "`true` of `false`",
        en: "a boolean",
    }
    /// Text was expected.
    fn yaml_expected_text() {
        nl: "tekst",
        en: "a string",
    }
    /// A list was expected.
    fn yaml_expected_list() {
        nl: "een lijst",
        en: "a sequence",
    }
    /// Fields were expected.
    fn yaml_expected_fields() {
        nl: "een groep velden (`naam: waarde`)",
        en: "fields (`name: value`)",
    }
    /// A whole number of 0 or more was expected.
    fn yaml_expected_whole_number_from_zero() {
        nl: "een heel getal van 0 of meer",
        en: "a whole number of 0 or more",
    }
    /// A whole number was expected.
    fn yaml_expected_whole_number() {
        nl: "een heel getal",
        en: "a whole number",
    }
    /// A number was expected.
    fn yaml_expected_number() {
        nl: "een getal",
        en: "a number",
    }
    /// A number of 0 or more was expected.
    fn yaml_expected_number_from_zero() {
        nl: "een getal van 0 of meer",
        en: "a number of 0 or more",
    }
    /// An empty value was expected.
    fn yaml_expected_empty() {
        nl: "een lege waarde",
        en: "an empty value",
    }
    /// One character was expected.
    fn yaml_expected_character() {
        nl: "één teken",
        en: "a character",
    }
    /// A list of a number of values was expected.
    fn yaml_expected_items(count) {
        nl: "een lijst van {count} waarden",
        en: "a list of {count} items",
    }

    // The YAML parser's messages (libyaml).

    /// `: ` where no field can start.
    fn yaml_mapping_values_not_allowed() {
        nl: "hier mag geen `: ` staan",
        en: "mapping values are not allowed in this context",
    }
    /// A field where none can start.
    fn yaml_mapping_keys_not_allowed() {
        nl: "hier kan geen veld beginnen",
        en: "mapping keys are not allowed in this context",
    }
    /// A `- ` list item where none can start.
    fn yaml_list_items_not_allowed() {
        nl: "hier kan geen lijstregel met `- ` beginnen",
        en: "block sequence entries are not allowed in this context",
    }
    /// The parser expected the next field and found something else.
    fn yaml_expected_key() {
        nl: "hier verwachtte kennis een nieuw veld (`naam: waarde`)",
        en: "did not find expected key",
    }
    /// The parser expected a value.
    fn yaml_expected_value() {
        nl: "hier verwachtte kennis een waarde",
        en: "did not find expected node content",
    }
    /// The parser expected a `- ` list item.
    fn yaml_expected_list_item() {
        nl: "hier verwachtte kennis een lijstregel die begint met `- `",
        en: "did not find expected '-' indicator",
    }
    /// The parser expected `,` or `]` in a `[...]` list.
    fn yaml_expected_comma_or_bracket() {
        nl: "hier verwachtte kennis `,` of `]` in de lijst",
        en: "did not find expected ',' or ']'",
    }
    /// The parser expected `,` or `}` in a `{...}` group.
    fn yaml_expected_comma_or_brace() {
        nl: "hier verwachtte kennis `,` of `}}`",
        en: "did not find expected ',' or '}}'",
    }
    /// A field name without its `:`.
    fn yaml_expected_colon() {
        nl: "hier ontbreekt de `:` achter de naam van een veld",
        en: "could not find expected ':'",
    }
    /// A `:` in the wrong place.
    fn yaml_unexpected_colon() {
        nl: "hier staat een `:` die er niet hoort",
        en: "found unexpected ':'",
    }
    /// Something after a value on its line.
    fn yaml_expected_line_end() {
        nl: "na deze waarde mag op de regel alleen nog een opmerking (`# ...`) staan",
        en: "did not find expected comment or line break",
    }
    /// A character that cannot begin a value.
    fn yaml_cannot_start_token() {
        nl: "met dit teken kan een waarde niet beginnen",
        en: "found character that cannot start any token",
    }
    /// A tab in the indentation.
    fn yaml_tab_in_indentation() {
        nl: "hier staat een tab in de inspringing",
        en: "found a tab character that violates indentation",
    }
    /// A tab where an indenting space is expected.
    fn yaml_tab_instead_of_space() {
        nl: "hier staat een tab waar een spatie hoort",
        en: "found a tab character where an indentation space is expected",
    }
    /// The text ends while something is still open.
    fn yaml_unexpected_end() {
        nl: "de tekst houdt op terwijl er nog iets open staat",
        en: "found unexpected end of stream",
    }
    /// The YAML ends where a value must come.
    fn yaml_end_of_value() {
        nl: "de tekst houdt op waar nog een waarde moet komen",
        en: "EOF while parsing a value",
    }
    /// A `---` or `...` line inside the YAML.
    fn yaml_unexpected_document_marker() {
        nl: "hier staat een regel `---` of `...` midden in de YAML",
        en: "found unexpected document indicator",
    }
    /// More than one YAML document.
    fn yaml_more_than_one_document() {
        nl: "hier staan meer YAML-documenten achter elkaar (gescheiden door `---`)",
        en: "deserializing from YAML containing more than one document is not supported",
    }
    /// An unknown `\` code in a `"` text.
    fn yaml_unknown_escape() {
        nl: "in tekst tussen `\"` staat een `\\` die kennis niet kent",
        en: "found unknown escape character",
    }
    /// A `\u` code that is no character.
    fn yaml_invalid_unicode_escape() {
        nl: "in tekst tussen `\"` staat een `\\u`-code die geen teken is",
        en: "found invalid Unicode character escape code",
    }
    /// Characters that are not text (control characters, broken UTF-8).
    fn yaml_not_text(problem) {
        nl: "hier staan tekens die geen gewone tekst zijn ({problem})",
        en: "{problem}",
    }
    /// A `!tag` the parser does not know.
    fn yaml_undefined_tag() {
        nl: "hier staat een `!` die kennis niet kent",
        en: "found undefined tag handle",
    }
    /// A `*name` that refers to no `&name`.
    fn yaml_unknown_anchor() {
        nl: "de `*` verwijst naar een `&`-naam die er niet is",
        en: "unknown anchor",
    }
    /// YAML nested or repeated past the parser's limits.
    fn yaml_recursion_limit() {
        nl: "de YAML staat te diep in elkaar",
        en: "recursion limit exceeded",
    }
    /// YAML repeated past the parser's limits.
    fn yaml_repetition_limit() {
        nl: "de YAML herhaalt te vaak hetzelfde stuk",
        en: "repetition limit exceeded",
    }
    /// Any other message of the YAML library, which is the value.
    fn yaml_other_problem(problem) {
        nl: "deze YAML kan kennis niet lezen ({problem})",
        en: "{problem}",
    }

    // Hints.

    /// Hint for an unknown field with a near miss.
    fn yaml_hint_did_you_mean_field(best, allowed) {
        nl: "bedoel je `{best}`? Mogelijke velden: {allowed}",
        en: "did you mean `{best}`? Allowed fields: {allowed}",
    }
    /// Hint for an unknown field without a near miss.
    fn yaml_hint_remove_field(field, allowed) {
        nl: "haal `{field}` weg; mogelijke velden: {allowed}",
        en: "remove `{field}`; allowed fields: {allowed}",
    }
    /// Hint for a missing field.
    fn yaml_hint_add_field(field) {
        nl: "voeg een regel `{field}: ...` toe",
        en: "add a line `{field}: ...`",
    }
    /// Hint where `true` or `false` is expected.
    fn yaml_hint_write_boolean() {
        nl: "schrijf `true` of `false`",
        en: "write `true` or `false`",
    }
    /// Hint where text is expected.
    fn yaml_hint_write_text() {
        nl: "schrijf hier tekst; zet die tussen aanhalingstekens als hij met `[`, `{{` of een ander teken begint",
        en: "write text here; put it in quotes if it starts with `[`, `{{` or another sign",
    }
    /// Hint where a list is expected.
    fn yaml_hint_write_list() {
        nl: "schrijf hier een lijst: regels `- waarde`, of `[a, b]`",
        en: "write a list here: `- item` lines, or `[a, b]`",
    }
    /// Hint where a whole number of 0 or more is expected.
    fn yaml_hint_write_whole_number() {
        nl: "schrijf een heel getal van 0 of meer",
        en: "write a whole number of 0 or more",
    }
    /// Hint where a value of another kind is expected.
    fn yaml_hint_kind_of_value() {
        nl: "kijk welke soort waarde hier hoort: tekst, een getal, een lijst (`- waarde` of `[a, b]`) of `true`/`false`",
        en: "check the kind of value: text, a number, a list (`- item` or `[a, b]`) or `true`/`false`",
    }
    /// Hint for an unknown word, with the allowed ones.
    fn yaml_hint_write_one_of(names) {
        nl: "schrijf een van deze waarden: {names}",
        en: "write one of {names}",
    }
    /// Hint for a list of the wrong length.
    fn yaml_hint_list_needs(expected) {
        nl: "hier hoort {expected}",
        en: "the list needs {expected}",
    }
    /// Hint for a cell of a matrix that is none of its forms.
    fn yaml_hint_matrix_cell() {
        nl: "een cel is `true` (een vinkje), `false` (leeg) of een korte tekst",
        en: "a cell is `true` (a tick), `false` (empty) or a short text",
    }
    /// Hint for YAML nested or repeated too deep.
    fn yaml_hint_too_deep() {
        nl: "de YAML staat te diep in elkaar of herhaalt te veel; schrijf de gegevens gewoon uit",
        en: "the YAML is nested or repeated too deeply; write the data out plainly",
    }
    /// Hint for `: ` in a text value.
    fn yaml_hint_quote_colon() {
        nl: "zet tekst waarin `: ` staat tussen aanhalingstekens",
        en: "a text value that contains `: ` must be put in quotes",
    }
    /// Hint when the YAML ends inside something open.
    fn yaml_hint_something_unclosed() {
        nl: "een aanhalingsteken of haak die hierboven begint, wordt nergens gesloten",
        en: "a quotation mark or bracket opened above is never closed",
    }
    /// Hint for a YAML syntax problem at a line.
    fn yaml_hint_indentation_and_quotes() {
        nl: "kijk of deze regel goed inspringt (met spaties, net als de regels erboven) en of de aanhalingstekens kloppen",
        en: "check the indentation and quoting of this line",
    }
    /// Hint for a tab in YAML.
    fn yaml_hint_tabs() {
        nl: "spring in met spaties in plaats van tabs",
        en: "indent with spaces instead of tabs",
    }
    /// Hint for an unknown escape in a `"` text.
    fn yaml_hint_escape() {
        nl: "schrijf een `\\` in tekst tussen `\"` als `\\\\`, of zet de tekst tussen `'`",
        en: "write a `\\` inside a `\"` text as `\\\\`, or put the text in `'` quotes",
    }
    /// Hint for a file that is not plain text.
    fn yaml_hint_save_as_text() {
        nl: "sla het bestand op als gewone tekst (UTF-8)",
        en: "save the file as plain text (UTF-8)",
    }
    /// Hint for any other YAML problem.
    fn yaml_hint_general() {
        nl: "kijk de YAML van deze regel na: `veld: waarde`, lijsten als regels `- waarde` of `[a, b]`, en aanhalingstekens om tekst waarin `: ` of `#` staat of die met `[`, `{{`, `*`, `&` of `!` begint",
        en: "check the YAML of this line: `field: value`, lists as `- item` lines or `[a, b]`, and quotes around text that holds `: `, `#` or starts with `[`, `{{`, `*`, `&` or `!`",
    }
}
