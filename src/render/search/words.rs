//! How a word of a page becomes the words the index holds, as `pagefind.js` looks them up: in
//! lower case, letters and digits only, without diacritics (a variant with them is kept beside
//! it, so an exact match ranks higher), stemmed for the site's language. A word made of parts
//! (`jeugdhulp-professionals`, `e-mail`, `KennisNetwerk`) is also indexed by its parts, which
//! share its weight; a word with dots (`www.nji.nl/jeugd`) also by what follows each dot.

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// Characters that count as part of a word besides letters and digits: the connector
/// punctuation of Unicode. `pagefind-entry.json` names them for the browser.
pub(super) const WORD_SYMBOLS: [char; 10] =
    ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// The longest tail after a dot that is indexed, in characters.
const MAX_TAIL: usize = 64;

/// One word the index holds for a word of the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Indexed {
    /// The stem, without diacritics, by its number (`Words::stem_text`).
    pub(super) stem: u32,
    /// The word with its diacritics, where it had any.
    pub(super) with_diacritics: Option<String>,
    /// A part of a longer word (it gets a share of the word's weight).
    pub(super) part: bool,
}

/// Makes the words the index holds for the words of a site's pages, for one language, and
/// remembers them: pages repeat their words, and a site repeats its vocabulary, so each
/// distinct word is split and stemmed once. Stems are numbered in the order they are first
/// made.
pub(super) struct Words {
    stemmer: Stemmer,
    stems: Vec<String>,
    numbers: FxHashMap<String, u32>,
    /// Per word of a page's text, and per word of its title, where in `made` what the index
    /// holds for it is (so a word seen before costs one lookup).
    known: [FxHashMap<String, usize>; 2],
    made: Vec<Vec<Indexed>>,
}

impl Words {
    /// For language `language` (`nl`, `en`), or `None` if it has no stemmer here.
    pub(super) fn new(language: &str) -> Option<Words> {
        let algorithm = match language.split('-').next().unwrap_or(language) {
            "nl" => Algorithm::Dutch,
            "en" => Algorithm::English,
            _ => return None,
        };
        Some(Words {
            stemmer: Stemmer::create(algorithm),
            stems: Vec::new(),
            numbers: FxHashMap::default(),
            known: [FxHashMap::default(), FxHashMap::default()],
            made: Vec::new(),
        })
    }

    /// The text of stem `n`.
    pub(super) fn stem_text(&self, n: u32) -> &str {
        &self.stems[n as usize]
    }

    /// The number of the stem of `word` (already without diacritics).
    fn stem(&mut self, word: &str) -> u32 {
        let stem = self.stemmer.stem(word);
        if let Some(&n) = self.numbers.get(stem.as_ref()) {
            return n;
        }
        let n = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
        self.stems.push(stem.clone().into_owned());
        self.numbers.insert(stem.into_owned(), n);
        n
    }

    /// `normalized` stemmed, without its diacritics.
    fn stem_normalized(&mut self, normalized: &str, part: bool) -> Indexed {
        let plain = without_diacritics(normalized);
        let stem = self.stem(plain.as_deref().unwrap_or(normalized));
        Indexed {
            stem,
            with_diacritics: plain.map(|_| normalized.to_string()),
            part,
        }
    }

    /// What the index holds for `word` (a run of text without whitespace). `tails`: also the
    /// tails after its dots (a word of the page's text; not of its title).
    pub(super) fn index(&mut self, word: &str, tails: bool) -> &[Indexed] {
        let k = usize::from(tails);
        if let Some(&n) = self.known[k].get(word) {
            return &self.made[n];
        }
        let indexed = self.make(word, tails);
        self.known[k].insert(word.to_string(), self.made.len());
        self.made.push(indexed);
        self.made.last().map_or(&[], Vec::as_slice)
    }

    fn make(&mut self, word: &str, tails: bool) -> Vec<Indexed> {
        let mut out = Vec::new();
        let normalized = normalize(word);
        if !normalized.is_empty() {
            out.push(self.stem_normalized(&normalized, false));
        }
        if made_of_parts(word) {
            let parts = parts_of(word);
            if !normalized.is_empty()
                && (parts.contains(char::is_whitespace) || !normalized.starts_with(&parts))
            {
                for part in parts.split_whitespace().filter(|p| p.len() > 1) {
                    let plain = without_diacritics(part);
                    let stem = self.stem(plain.as_deref().unwrap_or(part));
                    out.push(Indexed {
                        stem,
                        with_diacritics: plain.map(|_| part.to_string()),
                        part: true,
                    });
                }
            }
        }
        if tails && word.contains('.') {
            for (i, _) in word.match_indices('.') {
                let rest = &word[i + 1..];
                let tail = match rest.char_indices().nth(MAX_TAIL) {
                    Some((end, _)) => &rest[..end],
                    None => rest,
                };
                if !made_of_parts(tail) {
                    // Its last part is indexed already.
                    continue;
                }
                let normalized = normalize(tail);
                if normalized.chars().count() < 2 {
                    continue;
                }
                let indexed = self.stem_normalized(&normalized, true);
                if !out.iter().any(|o| o.stem == indexed.stem) {
                    out.push(indexed);
                }
            }
        }
        out
    }
}

/// Whether `word` may consist of parts: it has a character other than a letter or digit, or
/// a capital after its first letter.
fn made_of_parts(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

/// The parts of `word`, in lower case, separated by a space: split at ASCII punctuation and
/// where the case changes.
fn parts_of(word: &str) -> String {
    word.replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `word` in lower case, with only its letters, digits and word symbols.
pub(super) fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_alphanumeric() || WORD_SYMBOLS.contains(&c) {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// `word` without its diacritics (`coördinatie` → `coordinatie`), or `None` if it has none.
/// Kana sound marks stay: they tell words apart.
fn without_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !decomposes(word) {
        return None;
    }
    let kana_mark = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c) || kana_mark(c))
        .collect();
    let plain = if stripped.chars().any(kana_mark) {
        stripped.nfc().collect()
    } else {
        stripped
    };
    (plain != word).then_some(plain)
}

/// Whether a character of `word` is a combining mark or decomposes.
fn decomposes(word: &str) -> bool {
    word.chars().any(|c| {
        if unicode_normalization::char::is_combining_mark(c) {
            return true;
        }
        let mut changes = false;
        unicode_normalization::char::decompose_canonical(c, |part| changes |= part != c);
        changes
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(word: &str) -> Vec<(String, bool)> {
        let mut words = Words::new("nl").unwrap();
        let out = words.index(word, true).to_vec();
        out.into_iter()
            .map(|i| (words.stem_text(i.stem).to_string(), i.part))
            .collect()
    }

    #[test]
    fn words_are_lower_case_stemmed_and_without_punctuation() {
        assert_eq!(stems("Jongeren,"), vec![("jonger".to_string(), false)]);
        assert_eq!(stems("(2023)"), vec![("2023".to_string(), false)]);
    }

    #[test]
    fn compound_words_are_also_indexed_by_their_parts() {
        let got = stems("jeugdhulp-professionals");
        assert_eq!(got[0], ("jeugdhulpprofessional".to_string(), false));
        assert!(got.contains(&("jeugdhulp".to_string(), true)), "{got:?}");
        assert!(got.contains(&("professional".to_string(), true)), "{got:?}");
    }

    #[test]
    fn diacritics_are_dropped_and_the_variant_kept() {
        let mut words = Words::new("nl").unwrap();
        let out = words.index("coördinatie", true).to_vec();
        assert_eq!(out[0].stem, words.stem("coordinatie"));
        assert_eq!(out[0].with_diacritics.as_deref(), Some("coördinatie"));
        assert_eq!(
            words.index("coördinatie", true),
            out,
            "the second time from memory"
        );
    }

    #[test]
    fn a_language_without_a_stemmer_here_has_none() {
        assert!(Words::new("nl").is_some());
        assert!(Words::new("en-GB").is_some());
        assert!(Words::new("fy").is_none());
    }
}
