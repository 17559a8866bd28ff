//! Messages of blocks: what is wrong in the YAML of an infographic block, and what would be
//! right.

super::catalogue! {
    /// How a block is named before what is wrong with it (`{kind}` is its info string).
    fn block_named(kind) {
        nl: "blok `{kind}`",
        en: "`{kind}` block",
    }
    /// A problem of a whole block, after the block's name (`block_named`).
    fn block_problem(block, problem) {
        nl: "{block}: {problem}",
        en: "{block}: {problem}",
    }

    // Values every block reads (`blocks::values`).

    /// A number that is not finite (`.nan`, `.inf`).
    fn value_not_finite(value) {
        nl: "de waarde {value} is geen geldig getal",
        en: "the value {value} is not a finite number",
    }
    /// What to write instead of a number that is not finite.
    fn value_not_finite_hint() {
        nl: "schrijf een getal van 0 of meer, bijvoorbeeld 12 of 12.5 (met een punt)",
        en: "write a number of 0 or more, e.g. 12 or 12.5",
    }
    /// A count or value below zero.
    fn value_negative(value) {
        nl: "de waarde {value} is negatief",
        en: "the value {value} is negative",
    }
    /// What a count or value below zero should be.
    fn value_negative_hint() {
        nl: "aantallen en waarden moeten 0 of meer zijn",
        en: "counts and values must be 0 or more",
    }
    /// A value beyond the largest a graphic accepts.
    fn value_too_large(value) {
        nl: "de waarde {value} is groter dan de grootste waarde die een afbeelding aankan (10^12)",
        en: "the value {value} is larger than the largest value a graphic accepts (10^12)",
    }
    /// What to do with a value beyond the largest a graphic accepts.
    fn value_too_large_hint() {
        nl: "controleer het getal; tel heel grote aantallen in duizenden of miljoenen en zet dat in `unit`",
        en: "check the number; for very large amounts, count in thousands or millions and say so in `unit`",
    }
    /// Text written where a number belongs (`{value}` is the text, quoted).
    fn value_is_text(value) {
        nl: "{value} is tekst, geen getal",
        en: "{value} is text, not a number",
    }
    /// How to write a number instead of text.
    fn value_is_text_hint() {
        nl: "schrijf alleen cijfers, bijvoorbeeld 12 of 12.5 (met een punt)",
        en: "write digits only, e.g. 12 or 12.5",
    }
    /// What a count is, where the YAML reader names what it expected.
    fn value_expected_count() {
        nl: "een getal van 0 of meer",
        en: "a number of 0 or more",
    }
    /// What a text is, where the YAML reader names what it expected.
    fn value_expected_text() {
        nl: "een tekst",
        en: "a text",
    }
    /// A text of a block that is empty or only spaces.
    fn text_empty() {
        nl: "deze tekst is leeg",
        en: "this text is empty",
    }
    /// What to do with an empty text.
    fn text_empty_hint() {
        nl: "schrijf de tekst of haal het veld weg",
        en: "write the text or remove the field",
    }
    /// A text of a block longer than a label or cell may be.
    fn text_too_long(max) {
        nl: "deze tekst is langer dan {max} tekens",
        en: "this text is longer than {max} characters",
    }
    /// What to do with a text that is too long.
    fn text_too_long_hint() {
        nl: "maak de tekst korter",
        en: "shorten it",
    }
    /// A list of a block that has nothing in it (`{list}`: the list, e.g. `groups`).
    fn list_empty(list) {
        nl: "{list} is leeg",
        en: "{list} is empty",
    }
    /// What to do with an empty list.
    fn list_empty_hint(list) {
        nl: "zet minstens één onderdeel in {list}",
        en: "add at least one entry to {list}",
    }
    /// A list of a block with more entries than a graphic can show.
    fn list_too_long(list, count, max) {
        nl: "{list} heeft {count} onderdelen, meer dan de {max} die een afbeelding kan tonen",
        en: "{list} has {count} entries, more than the {max} a graphic can show",
    }
    /// What to do with a list that is too long.
    fn list_too_long_hint() {
        nl: "verdeel de gegevens over meer dan één blok",
        en: "split the data over more than one block",
    }

    // `bars`.

    /// The bars of one group, as a list named in `list_empty` and `list_too_long`.
    fn bars_group_items(group) {
        nl: "de `items` van groep `{group}`",
        en: "the `items` of group `{group}`",
    }
    /// Two bars of one group with the same label.
    fn bars_label_twice(group, label) {
        nl: "groep `{group}` heeft meer dan één staaf met het label `{label}`",
        en: "group `{group}` has more than one bar labelled `{label}`",
    }
    /// What to do with two bars of one group with the same label.
    fn bars_label_twice_hint() {
        nl: "geef elke staaf in een groep een eigen label, of tel hun waarden op tot één staaf",
        en: "give every bar in a group its own label, or add their values up into one bar",
    }
    /// The values of a group add up to more than the block's `total`.
    fn bars_group_over_total(group, sum, total) {
        nl: "de waarden van groep `{group}` tellen op tot {sum}, meer dan het `total` van {total}",
        en: "the values of group `{group}` add up to {sum}, more than the `total` of {total}",
    }
    /// What to do when the values of a group add up to more than the `total`.
    fn bars_group_over_total_hint(total) {
        nl: "verbeter de waarden of het `total`: elke groep is een deel van het totaal, dus samen zijn de waarden hoogstens {total}",
        en: "correct the values or the `total`: each group is a part of the total, so its values add up to {total} at most",
    }

    // `figures`.

    /// A `figures` block without numbers.
    fn figures_none() {
        nl: "het blok heeft geen kerncijfers",
        en: "the block has no key numbers",
    }
    /// How to add a key number.
    fn figures_none_hint() {
        nl: "zet er minstens één in, bijvoorbeeld `- {{value: 12, label: diepte-interviews}}`",
        en: "add at least one, e.g. `- {{value: 12, label: diepte-interviews}}`",
    }
    /// A `figures` block with more numbers than can be taken in at a glance.
    fn figures_too_many(count, max) {
        nl: "het blok heeft {count} kerncijfers, meer dan de {max} die je in één oogopslag ziet",
        en: "the block has {count} key numbers, more than the {max} that can be taken in at a glance",
    }
    /// What to do with too many key numbers.
    fn figures_too_many_hint() {
        nl: "houd de belangrijkste getallen over, of verdeel ze over twee blokken `figures`",
        en: "keep the numbers that matter most, or split them over two `figures` blocks",
    }

    // `flow`.

    /// A `flow` block without stages.
    fn flow_no_stages() {
        nl: "het schema heeft geen fasen",
        en: "the flow has no stages",
    }
    /// How to add a stage.
    fn flow_no_stages_hint() {
        nl: "zet minstens één fase onder `stages`, elk met een `name` en een lijst `steps`",
        en: "add at least one stage under `stages`, each with a `name` and a list of `steps`",
    }
    /// A `flow` block with more stages than fit in one graphic.
    fn flow_too_many_stages(count, max) {
        nl: "het schema heeft {count} fasen, meer dan de {max} die in één afbeelding passen",
        en: "the flow has {count} stages, more than the {max} that fit in one graphic",
    }
    /// What to do with too many stages.
    fn flow_too_many_stages_hint() {
        nl: "voeg fasen samen, of verdeel het proces over twee blokken `flow`",
        en: "merge stages, or split the process over two `flow` blocks",
    }
    /// One stage of a flow, named in the problems of its steps.
    fn flow_stage(number, name) {
        nl: "fase {number} (`{name}`)",
        en: "stage {number} (`{name}`)",
    }
    /// A stage (`flow_stage`) without steps.
    fn flow_stage_no_steps(stage) {
        nl: "{stage} heeft geen stappen",
        en: "{stage} has no steps",
    }
    /// How to add a step to a stage.
    fn flow_stage_no_steps_hint() {
        nl: "zet minstens één stap met een `title` onder `steps`, of haal de fase weg",
        en: "add at least one step with a `title` under `steps`, or remove the stage",
    }
    /// A stage (`flow_stage`) with more steps than it can show.
    fn flow_stage_too_many_steps(stage, count, max) {
        nl: "{stage} heeft {count} stappen, meer dan de {max} die één fase kan tonen",
        en: "{stage} has {count} steps, more than the {max} one stage can show",
    }
    /// What to do with too many steps in a stage.
    fn flow_stage_too_many_steps_hint() {
        nl: "voeg stappen samen, of splits de fase in tweeën",
        en: "merge steps, or split the stage in two",
    }

    // `matrix`.

    /// A `matrix` block without columns.
    fn matrix_no_columns() {
        nl: "`columns` is leeg",
        en: "`columns` is empty",
    }
    /// How to name the columns.
    fn matrix_no_columns_hint() {
        nl: "geef elke kolom een naam, bijvoorbeeld `columns: [Ervaren professionals, Startende professionals]`",
        en: "name each column, e.g. `columns: [Ervaren professionals, Startende professionals]`",
    }
    /// A `matrix` block with more columns than a tick table can show.
    fn matrix_too_many_columns(count, max) {
        nl: "`columns` heeft {count} kolommen, meer dan de {max} die een afvinktabel kan tonen",
        en: "`columns` has {count} entries, more than the {max} a tick table can show",
    }
    /// What to do with too many columns.
    fn matrix_too_many_columns_hint() {
        nl: "verdeel de tabel over twee blokken `matrix`, of draai hem om zodat de langste lijst de rijen wordt",
        en: "split the table over two `matrix` blocks, or turn it around so that the longer list becomes the rows",
    }
    /// One cell, counted in the problems of a row.
    fn matrix_one_cell() {
        nl: "1 cel",
        en: "1 cell",
    }
    /// More or fewer than one cell, counted in the problems of a row.
    fn matrix_cells(count) {
        nl: "{count} cellen",
        en: "{count} cells",
    }
    /// A row with another number of cells (`matrix_cells`) than the table's one column.
    fn matrix_row_cells_one_column(row, cells) {
        nl: "rij `{row}` heeft {cells}, maar er is 1 kolom",
        en: "row `{row}` has {cells} but there is 1 column",
    }
    /// A row with another number of cells (`matrix_cells`) than the table has columns.
    fn matrix_row_cells_columns(row, cells, columns) {
        nl: "rij `{row}` heeft {cells}, maar er zijn {columns} kolommen",
        en: "row `{row}` has {cells} but there are {columns} columns",
    }
    /// How many cells (`matrix_cells`) every row needs.
    fn matrix_row_cells_hint(cells) {
        nl: "geef elke rij precies {cells}, in de volgorde van `columns`; schrijf `false` voor een lege cel",
        en: "give every row exactly {cells}, in the order of `columns`; write `false` for an empty cell",
    }

    // `quadrant`.

    /// A `quadrant` block with one cell.
    fn quadrant_one_cell() {
        nl: "het kwadrant heeft 1 cel, maar een 2×2-model heeft er precies 4 nodig",
        en: "the quadrant has 1 cell, but a 2×2 model needs exactly 4",
    }
    /// A `quadrant` block with another number of cells than four.
    fn quadrant_cells(count) {
        nl: "het kwadrant heeft {count} cellen, maar een 2×2-model heeft er precies 4 nodig",
        en: "the quadrant has {count} cells, but a 2×2 model needs exactly 4",
    }
    /// How to write the four cells of a quadrant.
    fn quadrant_cells_hint() {
        nl: "schrijf vier cellen onder `cells`, rij voor rij: linksboven, rechtsboven, linksonder, rechtsonder",
        en: "write four cells under `cells`, row by row: top-left, top-right, bottom-left, bottom-right",
    }

    // `recommendations`.

    /// A `recommendations` block without audiences.
    fn recommendations_no_audiences() {
        nl: "het blok heeft geen doelgroepen",
        en: "the block has no audiences",
    }
    /// How to add an audience (`{audiences}`: the names the site knows).
    fn recommendations_no_audiences_hint(audiences) {
        nl: "voeg een groep toe met een `audience` (een van {audiences}) en de `items` ervan",
        en: "add a group with an `audience` (one of {audiences}) and its `items`",
    }
    /// A `recommendations` block with more audiences than fit in one graphic.
    fn recommendations_too_many_audiences(count, max) {
        nl: "het blok heeft {count} doelgroepen, meer dan de {max} die in één afbeelding passen",
        en: "the block has {count} audiences, more than the {max} that fit in one graphic",
    }
    /// What to do with too many audiences.
    fn recommendations_too_many_audiences_hint() {
        nl: "verdeel de aanbevelingen over twee blokken",
        en: "split the recommendations over two blocks",
    }
    /// An audience the site does not know.
    fn recommendations_unknown_audience(audience) {
        nl: "`{audience}` is geen bekende doelgroep",
        en: "`{audience}` is not a known audience",
    }
    /// The audience meant by an unknown one, and the audiences the site knows.
    fn recommendations_unknown_audience_near(near, audiences) {
        nl: "bedoel je `{near}`? De doelgroepen zijn: {audiences}",
        en: "did you mean `{near}`? The audiences are: {audiences}",
    }
    /// The audiences the site knows, when none is near an unknown one.
    fn recommendations_unknown_audience_hint(audiences) {
        nl: "gebruik een van deze: {audiences}, of voeg de doelgroep toe onder `audiences` in `site.yaml`",
        en: "use one of: {audiences}, or declare the audience under `audiences` in site.yaml",
    }
    /// An audience given twice in one block.
    fn recommendations_audience_twice(audience) {
        nl: "de doelgroep `{audience}` staat meer dan eens in dit blok",
        en: "the audience `{audience}` appears more than once in this block",
    }
    /// What to do with an audience given twice.
    fn recommendations_audience_twice_hint(audience) {
        nl: "zet alle aanbevelingen voor {audience} in één lijst",
        en: "put all recommendations for {audience} in one list",
    }
    /// An audience without recommendations.
    fn recommendations_empty(audience) {
        nl: "er staan geen aanbevelingen bij `{audience}`",
        en: "the recommendations for `{audience}` are empty",
    }
    /// How to add a recommendation.
    fn recommendations_empty_hint() {
        nl: "zet minstens één aanbeveling onder `items`, of haal de doelgroep weg",
        en: "add at least one recommendation under `items`, or remove the audience",
    }
    /// An audience with more recommendations than a graphic can show.
    fn recommendations_too_many(audience, count, max) {
        nl: "`{audience}` heeft {count} aanbevelingen, meer dan de {max} die een afbeelding kan tonen",
        en: "`{audience}` has {count} recommendations, more than the {max} a graphic can show",
    }
    /// What to do with too many recommendations.
    fn recommendations_too_many_hint() {
        nl: "verdeel ze over twee blokken",
        en: "split them over two blocks",
    }

}
