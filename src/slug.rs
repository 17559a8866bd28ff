//! Slugs: the URL and id form of a name (`Leren in het grijze gebied` →
//! `leren-in-het-grijze-gebied`), the same for page URLs, theme and audience pages, ids and
//! anchors.

/// Lower-case ASCII slug: accents folded (`café` → `cafe`), anything else but letters and
/// digits becomes `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if folded.is_ascii_alphanumeric() {
            out.push(folded);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "pagina".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The slug of `name`, or with `-2`, `-3`, … after it when `used` already holds it; recorded in
/// `used`.
pub(crate) fn unique_slug(name: &str, used: &mut std::collections::BTreeSet<String>) -> String {
    let base = slugify(name);
    let mut slug = base.clone();
    let mut n = 2;
    while !used.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_lower_case_ascii_with_hyphens() {
        assert_eq!(slugify("Jeugd en gezin"), "jeugd-en-gezin");
        assert_eq!(slugify("Één café"), "een-cafe");
        assert_eq!(slugify("--a__b--"), "a-b");
    }
}
