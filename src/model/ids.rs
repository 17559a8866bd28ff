//! Ids on a page: the ids the templates use themselves (`TEMPLATE_IDS`, the one list of them),
//! and `Ids`, which hands out every other id of a page so that no two are the same.
//!
//! An id kennis makes (a heading's slug, a footnote, a figure) is made unique with a number
//! (`aanleiding-2`); an id the author wrote (`## Kop {#eigen}`) that is already taken is an
//! error of the content, reported by the caller at its line.

use std::collections::BTreeSet;

/// Every id the page templates write themselves (`themes/_shared/templates/`), and the one the
/// preview's error overlay uses. A test checks the templates against this list.
pub(crate) const TEMPLATE_IDS: &[&str] = &[
    "inhoud",
    "top",
    "nieuwste-rapporten",
    "rubrieken",
    "personas",
    "themas",
    "themas-label",
    "personas-in-rapport",
    "metingen",
    "citeer-dit-rapport",
    "reeks-edities",
    "reeks-kerncijfers",
    "thema-rapporten",
    "thema-aanbevelingen",
    "filter-doelgroep",
    "filter-thema",
    "zoekterm",
    "kennis-fouten",
    // The persona page's card and learning route, and its title.
    "leerroute",
    "leerroute-titel",
];

/// The ids taken on one page.
#[derive(Debug, Clone)]
pub(crate) struct Ids {
    taken: BTreeSet<String>,
}

impl Default for Ids {
    fn default() -> Self {
        Ids {
            taken: TEMPLATE_IDS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl Ids {
    /// `wanted`, or `wanted-2`, `wanted-3`, … if it is taken; recorded as taken.
    pub(crate) fn unique(&mut self, wanted: &str) -> String {
        let wanted = if wanted.is_empty() { "kop" } else { wanted };
        let mut id = wanted.to_string();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }

    /// Takes `id` as it is; `false` (and nothing recorded) when it is already taken.
    pub(crate) fn claim(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// Every id taken, the template's included.
    pub(crate) fn all(&self) -> &BTreeSet<String> {
        &self.taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_ids_never_clash_and_claimed_ids_are_refused_when_taken() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("aanleiding"), "aanleiding");
        assert_eq!(ids.unique("aanleiding"), "aanleiding-2");
        assert_eq!(ids.unique("inhoud"), "inhoud-2");
        assert!(!ids.claim("aanleiding-2"));
        assert!(!ids.claim("personas-in-rapport"));
        assert!(ids.claim("eigen"));
        assert_eq!(ids.unique(""), "kop");
    }

    /// Every literal `id="…"` in the built-in templates is in `TEMPLATE_IDS`; ids written from a
    /// value (`id="{{ group.id }}"`) are on pages kennis makes itself, which hold no content ids.
    #[test]
    fn the_templates_use_only_the_listed_ids() {
        let mut found = BTreeSet::new();
        for (path, text) in crate::builtin_themes::FILES {
            if !path.ends_with(".html") {
                continue;
            }
            for (i, _) in text.match_indices("id=\"") {
                let value = text[i + 4..].split('"').next().unwrap_or("");
                if !value.contains("{{") {
                    found.insert((path.to_string(), value.to_string()));
                }
            }
        }
        assert!(found.len() >= 10, "{found:?}");
        for (path, id) in &found {
            assert!(
                TEMPLATE_IDS.contains(&id.as_str()),
                "{path} uses the id `{id}`, which is not in TEMPLATE_IDS"
            );
        }
    }
}
