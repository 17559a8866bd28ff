//! Rule `readability`: plain language (B1). Sentences longer than
//! `readability.max_sentence_words` and pages whose Flesch-Douma score is below
//! `readability.min_score`, over the prose the model read (paragraphs, list items, quotes and
//! footnotes; not headings, tables, code or infographic blocks). Advice, never an error.

use crate::config::Readability;
use crate::diag::{Diagnostic, Rule};
use crate::messages::{self, Language};

use super::{Page, PageStats};

/// Flesch-Douma reading ease of Dutch text: 206.84 − 0.77 × syllables per 100 words − 0.93 ×
/// words per sentence. About 60 and up reads easily (B1); research reports score 30 to 45.
pub(crate) fn flesch_douma(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 100.0;
    }
    let words_f = words as f64;
    206.84 - 0.77 * (syllables as f64 * 100.0 / words_f) - 0.93 * (words_f / sentences as f64)
}

/// Vowel clusters that are one syllable in Dutch, longest first.
const CLUSTERS: &[&str] = &[
    "aai", "ooi", "oei", "eeu", "ieu", "ij", "ei", "oe", "ou", "au", "eu", "ie", "ui", "aa", "ee",
    "oo", "uu",
];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'à'
            | 'â'
            | 'é'
            | 'è'
            | 'ê'
            | 'í'
            | 'ì'
            | 'î'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ú'
            | 'ù'
            | 'û'
            | 'ý'
    ) || has_diaeresis(c)
}

/// ë, ï, ö, ü, ä: the mark says a new syllable starts here.
fn has_diaeresis(c: char) -> bool {
    matches!(c, 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ')
}

/// Syllables of a Dutch word, counted as vowel groups where `ij`, `ei`, `oe`, `ou`, `au`,
/// `eu`, `ie`, `ui`, `aa`, `ee`, `oo`, `uu` (and `aai`, `ooi`, `oei`, `eeu`, `ieu`) are one
/// sound and other vowels side by side are two (`ide-aal`). At least one per word; a number
/// counts as two.
pub(crate) fn syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if !chars.iter().any(|c| c.is_alphabetic()) {
        return if chars.iter().any(char::is_ascii_digit) {
            2
        } else {
            0
        };
    }
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_vowel(chars[i]) {
            i += 1;
            continue;
        }
        if has_diaeresis(chars[i]) {
            count += 1;
            i += 1;
            continue;
        }
        let cluster = CLUSTERS.iter().find(|cl| {
            let n = cl.chars().count();
            i + n <= chars.len() && chars[i..i + n].iter().copied().eq(cl.chars())
        });
        // An `i` between c, s or t and another vowel is a glide: so-ciaal, profes-sio-neel.
        if cluster.is_none()
            && chars[i] == 'i'
            && i > 0
            && matches!(chars[i - 1], 'c' | 's' | 't')
            && chars
                .get(i + 1)
                .is_some_and(|&c| is_vowel(c) && !has_diaeresis(c))
        {
            i += 1;
            continue;
        }
        count += 1;
        i += cluster.map_or(1, |cl| cl.chars().count());
    }
    count.max(1)
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "bijv", "bv", "o.a", "d.w.z", "m.b.t", "e.d", "enz", "etc", "ca", "nr", "blz", "p", "zgn",
    "resp", "t.o.v", "i.p.v", "m.n", "incl", "excl", "dr", "mr", "prof", "drs", "ir", "ing", "jl",
    "vs", "evt", "i.s.m", "a.d.h.v", "z.g.a.n", "vgl", "mevr", "dhr", "t.a.v", "n.a.v",
];

/// One sentence: where it starts in its block, and its words and syllables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    /// Byte index of its first character in the block text.
    pub(crate) start: usize,
    pub(crate) words: usize,
    pub(crate) syllables: usize,
}

/// Splits a block of prose (a paragraph or list item) into sentences. A `.`, `!`, `?` or `…`
/// followed by a space (and not the stop of an abbreviation or initial) ends one; so does the
/// end of the block.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut words = 0;
    let mut syll = 0;
    let mut tokens = text.split_inclusive(char::is_whitespace).peekable();
    let mut pos = 0;
    while let Some(raw) = tokens.next() {
        let at = pos;
        pos += raw.len();
        let token = raw.trim();
        if token.is_empty() {
            continue;
        }
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty() {
            start.get_or_insert(at);
            words += 1;
            syll += syllables(core);
        }
        let ends = token
            .trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_'])
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
        if !ends {
            continue;
        }
        let lower = core.to_lowercase();
        let bare = token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_'])
            .trim_end_matches('.')
            .to_lowercase();
        let abbreviation = token.ends_with('.')
            && (ABBREVIATIONS.contains(&bare.as_str())
                || (lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic)));
        let next_lower = tokens
            .peek()
            .and_then(|t| t.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        if abbreviation || (token.ends_with('.') && next_lower) {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Sentence {
                start: s,
                words,
                syllables: syll,
            });
        }
        words = 0;
        syll = 0;
    }
    if let Some(s) = start {
        out.push(Sentence {
            start: s,
            words,
            syllables: syll,
        });
    }
    out
}

/// Long sentences (one warning per page, at the first, listing every line) and a page whose
/// prose scores below the threshold.
pub(super) fn check(
    page: &Page<'_>,
    limits: &Readability,
    stats: &mut PageStats,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut first_prose: Option<usize> = None;
    let mut long: Vec<(usize, usize)> = Vec::new();
    let markdown = &page.common.body.markdown;
    for prose in &page.common.body.prose {
        let block = prose.text(markdown);
        for sentence in sentences(&block.text) {
            let offset = block.offset_of(sentence.start);
            first_prose.get_or_insert(offset);
            stats.words += sentence.words;
            stats.sentences += 1;
            stats.syllables += sentence.syllables;
            if sentence.words > limits.max_sentence_words {
                long.push((offset, sentence.words));
            }
        }
    }
    stats.long_sentences = long.len();
    stats.long_sentence_lines = long
        .iter()
        .map(|(offset, words)| (page.file.position(*offset).0, *words))
        .collect();
    if let Some((first, _)) = long.first() {
        let listed: Vec<String> = stats
            .long_sentence_lines
            .iter()
            .take(20)
            .map(|(line, words)| format!("{line} ({words})"))
            .collect();
        let more = match long.len().saturating_sub(20) {
            0 => String::new(),
            n => messages::and_n_more(n).to_string(),
        };
        let (message, lines) = if long.len() == 1 {
            (
                messages::long_sentence(long[0].1, limits.max_sentence_words),
                String::new(),
            )
        } else {
            (
                messages::long_sentences(long.len(), stats.sentences, limits.max_sentence_words),
                messages::long_sentence_lines(listed.join(", "), more).to_string(),
            )
        };
        out.push(
            page.file
                .error_at(*first, message)
                .with_hint(messages::long_sentence_hint(lines))
                .with_rule(Rule::Readability)
                .into_warning(),
        );
    }
    if let Some(score) = stats.score()
        && score < limits.min_score
    {
        let per_sentence = stats.words as f64 / stats.sentences.max(1) as f64;
        let per_hundred = stats.syllables as f64 * 100.0 / stats.words.max(1) as f64;
        let cause = match (per_sentence > 15.0, per_hundred > 160.0) {
            (true, true) => messages::readability_cause_both(),
            (false, true) => messages::readability_cause_words(),
            _ => messages::readability_cause_sentences(),
        };
        // One decimal, with the decimal sign of the language.
        let per_sentence = match messages::language() {
            Language::Dutch => format!("{per_sentence:.1}").replace('.', ","),
            Language::English => format!("{per_sentence:.1}"),
        };
        out.push(
            page.file
                .error_at(
                    first_prose.unwrap_or(page.common.body.offset),
                    messages::readability_low(score, cause),
                )
                .with_hint(messages::readability_low_hint(
                    per_sentence,
                    per_hundred,
                    limits.min_score,
                ))
                .with_rule(Rule::Readability)
                .into_warning(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_syllables_follow_vowel_groups() {
        for (word, n) in [
            ("dit", 1),
            ("korte", 2),
            ("ideaal", 3),
            ("moeilijk", 2),
            ("nieuw", 1),
            ("mooie", 2),
            ("situatie", 4),
            ("beïnvloeden", 4),
            ("geïnformeerd", 4),
            ("jeugdhulpprofessionals", 6),
            ("uitkomsten", 3),
            ("sociaal", 2),
            ("professionals", 4),
            ("radio", 3),
            ("patiënt", 3),
            ("78", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_split_on_full_stops_but_not_abbreviations() {
        let text = "Dit is een zin. Dit is bijv. een tweede zin, o.a. met afkortingen! En 3.5 is een getal? Ja";
        let found = sentences(text);
        let words: Vec<usize> = found.iter().map(|s| s.words).collect();
        assert_eq!(words, [4, 9, 5, 1], "{found:?}");
        assert_eq!(&text[found[1].start..found[1].start + 3], "Dit");
    }

    #[test]
    fn the_score_falls_with_longer_sentences_and_words() {
        let easy = flesch_douma(100, 10, 140);
        let hard = flesch_douma(100, 3, 190);
        assert!(easy > 60.0 && hard < 40.0, "{easy} {hard}");
        assert!((flesch_douma(100, 5, 150) - (206.84 - 115.5 - 18.6)).abs() < 1e-9);
    }
}
