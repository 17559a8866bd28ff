//! The files of a search index in the format `pagefind.js` reads (Pagefind 1.x): a CBOR
//! metadata file listing the pages and the word chunks, CBOR word chunks (each word with its
//! pages, its locations on them and its weights), a JSON fragment per page (its URL, text,
//! title and sections, for the result list), all gzipped behind a `pagefind_dcd` signature,
//! and `pagefind-entry.json`. The script and WebAssembly that read them come from Pagefind
//! itself (`super::shared_files`).
//!
//! File names carry a hash of their content, so a browser may keep them for good.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;
use std::io::Write;

use minicbor::Encode;
use serde::Serialize;
use sha1::{Digest, Sha1};

use super::text::{PageText, Piece, Weight};
use super::words::{WORD_SYMBOLS, Words};

/// A word's weight where nothing sets another: 1, stored as 24.
const UNIT: u8 = 24;
/// The highest weight an element may set.
const MAX_WEIGHT: f32 = 10.0;
/// A word chunk ends once it holds this many locations (Pagefind's default).
const CHUNK_LOCATIONS: usize = 20_000;
/// The gzip level of the index files: the browser downloads them, but 6 is within 2% of the
/// smallest and several times faster to make.
const GZIP_LEVEL: u32 = 6;

#[derive(Encode)]
struct MetaIndex {
    #[n(0)]
    version: String,
    #[n(1)]
    pages: Vec<MetaPage>,
    #[n(2)]
    index_chunks: Vec<MetaChunk>,
    #[n(3)]
    filters: Vec<MetaFilter>,
    #[n(4)]
    sorts: Vec<MetaSort>,
    #[n(5)]
    meta_fields: Vec<String>,
}

#[derive(Encode)]
struct MetaPage {
    #[n(0)]
    hash: String,
    #[n(1)]
    word_count: u32,
    #[n(2)]
    group_hash: String,
}

#[derive(Encode, Clone)]
struct MetaChunk {
    #[n(0)]
    from: String,
    #[n(1)]
    to: String,
    #[n(2)]
    hash: String,
}

/// Filters and sort orders: kennis sets none, the format has room for them.
#[derive(Encode)]
struct MetaFilter {
    #[n(0)]
    filter: String,
    #[n(1)]
    hash: String,
}

#[derive(Encode)]
struct MetaSort {
    #[n(0)]
    sort: String,
    #[n(1)]
    pages: Vec<usize>,
}

#[derive(Encode)]
struct WordChunk {
    #[n(0)]
    words: Vec<PackedWord>,
}

#[derive(Encode, Clone, Debug)]
struct PackedWord {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<PackedPage>,
    #[n(2)]
    variants: Vec<PackedVariant>,
}

#[derive(Encode, Clone, Debug)]
struct PackedVariant {
    #[n(0)]
    form: String,
    #[n(1)]
    pages: Vec<PackedPage>,
}

#[derive(Encode, Clone, Debug)]
struct PackedPage {
    /// The page's number; in a chunk, the difference to the word's previous page.
    #[n(0)]
    page: usize,
    /// Its locations by weight: `-(weight + 1)` starts a weight, then the first location,
    /// then the distance of each next one.
    #[n(1)]
    locs: Vec<i32>,
    /// Its locations in the title and other metadata: `-(field + 1)` starts a field, then
    /// distances.
    #[n(2)]
    meta_locs: Vec<i32>,
}

#[derive(Serialize)]
struct Fragment<'a> {
    url: &'a str,
    content: String,
    word_count: usize,
    filters: BTreeMap<String, Vec<String>>,
    meta: BTreeMap<&'static str, String>,
    anchors: Vec<FragmentAnchor>,
}

#[derive(Serialize)]
struct FragmentAnchor {
    element: String,
    id: String,
    text: String,
    location: u32,
}

#[derive(Serialize)]
struct Entry<'a> {
    version: &'a str,
    languages: BTreeMap<&'a str, EntryLanguage<'a>>,
    include_characters: &'a [char],
}

#[derive(Serialize)]
struct EntryLanguage<'a> {
    hash: &'a str,
    wasm: Option<&'a str>,
    page_count: usize,
}

/// A location of a word on a page.
#[derive(Debug, Clone)]
struct Location {
    position: u32,
    weight: u8,
    /// The word's form with diacritics, if it had any.
    variant: Option<String>,
}

/// One page, read into what the index holds of it.
struct PageIndex {
    fragment: String,
    word_count: usize,
    words: FxHashMap<u32, Vec<Location>>,
    /// Per word: (field, position, variant) in the page's metadata.
    meta_words: FxHashMap<u32, Vec<(usize, u32, Option<String>)>>,
    meta_keys: Vec<&'static str>,
}

/// The version of Pagefind whose script reads the index, and the language's WebAssembly
/// name (`None` if it has none).
pub(super) struct Reader<'a> {
    pub(super) version: &'a str,
    pub(super) wasm: Option<&'a str>,
}

/// The index files of a language's pages, made as the pages are read: only the index grows,
/// not a list of every page's text. `add` each page, then `finish`.
pub(super) struct Files<'a> {
    language: &'a str,
    reader: &'a Reader<'a>,
    gzip: Gzip,
    out: Vec<(String, Vec<u8>)>,
    meta_pages: Vec<MetaPage>,
    taken: HashMap<String, String>,
    index: FxHashMap<u32, PackedWord>,
    /// Per page: its metadata fields. Its words are numbered by these until every page is read
    /// and the site's fields are known.
    page_fields: Vec<Vec<&'static str>>,
}

impl<'a> Files<'a> {
    pub(super) fn new(language: &'a str, reader: &'a Reader<'a>) -> Files<'a> {
        Files {
            language,
            reader,
            gzip: Gzip::new(),
            out: Vec::new(),
            meta_pages: Vec::new(),
            taken: HashMap::new(),
            index: FxHashMap::default(),
            page_fields: Vec::new(),
        }
    }

    /// Adds the page at site-relative `url`, read into `text`. Pages without a body, and
    /// pages without a word, are left out.
    pub(super) fn add(
        &mut self,
        url: &str,
        text: &PageText,
        words: &mut Words,
    ) -> Result<(), String> {
        if !text.has_body {
            return Ok(());
        }
        let page = page(url, text, words)?;
        if page.words.is_empty() {
            return Ok(());
        }
        let language = self.language;
        let number = self.meta_pages.len();
        let full = hash(language, page.fragment.as_bytes());
        let taken = &self.taken;
        let name = short_name(&full, language.len() + 8, |n| {
            taken.get(n).is_some_and(|other| *other != full)
        });
        self.taken.insert(name.clone(), full.clone());
        self.meta_pages.push(MetaPage {
            hash: name.clone(),
            word_count: u32::try_from(page.word_count).map_err(|e| e.to_string())?,
            group_hash: String::new(),
        });
        self.out.push((
            format!("fragment/{name}.pf_fragment"),
            self.gzip.pack(page.fragment.as_bytes())?,
        ));
        add_page(&mut self.index, words, number, page.words, page.meta_words);
        self.page_fields.push(page.meta_keys);
        Ok(())
    }

    /// The files inside `pagefind/`, by name.
    pub(super) fn finish(self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let Files {
            language,
            reader,
            mut gzip,
            mut out,
            meta_pages,
            taken: _,
            mut index,
            page_fields,
        } = self;
        let mut meta_fields: Vec<&'static str> = page_fields.iter().flatten().copied().collect();
        meta_fields.sort_unstable();
        meta_fields.dedup();
        // The page's fields are in order, and so are the site's: renumbering keeps the order.
        let renumbered: Vec<Vec<i32>> = page_fields
            .iter()
            .map(|fields| {
                fields
                    .iter()
                    .map(|f| meta_fields.iter().position(|g| g == f).unwrap_or(0) as i32)
                    .collect()
            })
            .collect();
        for word in index.values_mut() {
            let pages = word
                .pages
                .iter_mut()
                .chain(word.variants.iter_mut().flat_map(|v| v.pages.iter_mut()));
            for page in pages {
                for loc in &mut page.meta_locs {
                    if *loc < 0 {
                        let local = usize::try_from(-*loc - 1).unwrap_or(0);
                        let site = renumbered[page.page].get(local).copied().unwrap_or(0);
                        *loc = -site - 1;
                    }
                }
            }
        }
        let page_count = meta_pages.len();

        let mut sorted: Vec<PackedWord> = index.into_values().collect();
        for word in &mut sorted {
            word.pages.sort_by_key(|p| p.page);
            for v in &mut word.variants {
                v.pages.sort_by_key(|p| p.page);
            }
        }
        sorted.sort_by(|a, b| a.word.cmp(&b.word));
        let chunks = chunk(sorted);
        let mut chunk_meta = ranges(&chunks);
        let mut chunk_names: Vec<String> = Vec::new();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let words = chunk.into_iter().map(delta_coded).collect();
            let bytes = cbor(WordChunk { words })?;
            let full = hash(language, &bytes);
            let name = short_name(&full, language.len() + 8, |n| {
                chunk_names.iter().any(|c| c == n)
            });
            chunk_names.push(name.clone());
            chunk_meta[i].hash.clone_from(&name);
            out.push((format!("index/{name}.pf_index"), gzip.pack(&bytes)?));
        }

        let meta = cbor(MetaIndex {
            version: reader.version.to_string(),
            pages: meta_pages,
            index_chunks: chunk_meta,
            filters: Vec::new(),
            sorts: Vec::new(),
            meta_fields: meta_fields.iter().map(|f| f.to_string()).collect(),
        })?;
        let digest = sha1_hex(&meta);
        let meta_name = format!(
            "{language}_{}",
            digest.get(..language.len() + 8).unwrap_or(&digest)
        );
        out.push((format!("pagefind.{meta_name}.pf_meta"), gzip.pack(&meta)?));

        let entry = Entry {
            version: reader.version,
            languages: BTreeMap::from([(
                language,
                EntryLanguage {
                    hash: &meta_name,
                    wasm: reader.wasm,
                    page_count,
                },
            )]),
            include_characters: &WORD_SYMBOLS,
        };
        out.push((
            "pagefind-entry.json".to_string(),
            serde_json::to_vec(&entry).map_err(|e| e.to_string())?,
        ));
        Ok(out)
    }
}

/// Reads one page into its fragment and words.
fn page(url: &str, text: &PageText, words: &mut Words) -> Result<PageIndex, String> {
    let mut content = String::new();
    let mut locations: FxHashMap<u32, Vec<Location>> = FxHashMap::default();
    let mut anchors = Vec::new();
    let mut weights: Vec<u8> = vec![UNIT];
    let mut position: u32 = 0;
    let mut last_position: u32 = 0;
    for piece in &text.pieces {
        match piece {
            Piece::Text(raw) => {
                let decoded = html_escape::decode_html_entities(raw);
                let spaced = decoded.contains('\u{200B}');
                for word in decoded.split_whitespace() {
                    let word = if spaced && word.contains('\u{200B}') {
                        std::borrow::Cow::Owned(word.replace('\u{200B}', ""))
                    } else {
                        std::borrow::Cow::Borrowed(word)
                    };
                    if word.is_empty() {
                        continue;
                    }
                    content.push_str(&word);
                    content.push(' ');
                    let weight = weights.last().copied().unwrap_or(1);
                    let indexed = words.index(&word, true);
                    let parts = indexed.iter().filter(|i| i.part).count();
                    let part_weight = if parts > 0 && weight > 0 {
                        (weight / u8::try_from(parts).unwrap_or(u8::MAX)).max(1)
                    } else {
                        0
                    };
                    for i in indexed {
                        locations.entry(i.stem).or_default().push(Location {
                            position,
                            weight: if i.part { part_weight } else { weight },
                            variant: i.with_diacritics.clone(),
                        });
                    }
                    last_position = position;
                    position += 1;
                }
            }
            Piece::Weight(Weight::Explicit(value)) => {
                let w = value.trim().parse::<f32>().unwrap_or(1.0);
                weights.push(if w <= 0.0 {
                    0
                } else {
                    ((w.clamp(0.0, MAX_WEIGHT) * f32::from(UNIT)) as u8).max(1)
                });
            }
            Piece::Weight(Weight::Auto(level)) => {
                let w = if weights.len() == 1 {
                    level.saturating_mul(UNIT)
                } else {
                    weights.last().copied().unwrap_or_default()
                };
                weights.push(w);
            }
            Piece::EndWeight => {
                weights.pop();
            }
            Piece::Anchor(n) => {
                let anchor = &text.anchors[*n];
                anchors.push(FragmentAnchor {
                    element: anchor.element.clone(),
                    id: anchor.id.clone(),
                    text: tidy(&tidy(&anchor.text)),
                    location: position,
                });
            }
        }
    }
    if content.ends_with(' ') {
        content.pop();
    }
    let word_count = last_position as usize + 1;

    let mut meta: BTreeMap<&'static str, String> = BTreeMap::new();
    if let Some((src, alt)) = &text.image {
        meta.insert("image", tidy(src));
        meta.insert("image_alt", tidy(alt));
    }
    if let Some(title) = text.title.as_ref().or(text.page_title.as_ref()) {
        meta.insert("title", tidy(title));
    }
    let meta_keys: Vec<&'static str> = meta.keys().copied().collect();
    let mut meta_words: FxHashMap<u32, Vec<(usize, u32, Option<String>)>> = FxHashMap::default();
    for (field, value) in meta.values().enumerate() {
        for (n, word) in value.split_whitespace().enumerate() {
            for i in words.index(word, false) {
                meta_words.entry(i.stem).or_default().push((
                    field,
                    u32::try_from(n).unwrap_or(u32::MAX),
                    i.with_diacritics.clone(),
                ));
            }
        }
    }

    let fragment = serde_json::to_string(&Fragment {
        url,
        content,
        word_count,
        filters: BTreeMap::new(),
        meta,
        anchors,
    })
    .map_err(|e| e.to_string())?;
    Ok(PageIndex {
        fragment,
        word_count,
        words: locations,
        meta_words,
        meta_keys,
    })
}

/// Adds page `number` to `index`: its words, then its metadata words (numbered by the page's
/// own fields).
fn add_page(
    index: &mut FxHashMap<u32, PackedWord>,
    stems: &Words,
    number: usize,
    words: FxHashMap<u32, Vec<Location>>,
    meta_words: FxHashMap<u32, Vec<(usize, u32, Option<String>)>>,
) {
    let new_word = |stem: u32| PackedWord {
        word: stems.stem_text(stem).to_string(),
        pages: Vec::new(),
        variants: Vec::new(),
    };
    for (stem, locations) in words {
        let (plain, varied): (Vec<Location>, Vec<Location>) =
            if locations.iter().all(|l| l.variant.is_none()) {
                (locations, Vec::new())
            } else {
                locations.into_iter().partition(|l| l.variant.is_none())
            };
        let mut by_form: BTreeMap<String, Vec<Location>> = BTreeMap::new();
        for l in varied {
            by_form
                .entry(l.variant.clone().unwrap_or_default())
                .or_default()
                .push(l);
        }
        let entry = index.entry(stem).or_insert_with(|| new_word(stem));
        if !plain.is_empty() {
            entry.pages.push(packed_page(number, plain));
        }
        for (form, locations) in by_form {
            let page = packed_page(number, locations);
            variant(entry, form).pages.push(page);
        }
    }
    for (stem, locations) in meta_words {
        let mut plain = Vec::new();
        let mut by_form: BTreeMap<String, Vec<(usize, u32)>> = BTreeMap::new();
        for (field, position, form) in locations {
            match form {
                None => plain.push((field, position)),
                Some(form) => by_form.entry(form).or_default().push((field, position)),
            }
        }
        let entry = index.entry(stem).or_insert_with(|| new_word(stem));
        if !plain.is_empty() {
            set_meta(&mut entry.pages, number, meta_locations(plain));
        }
        for (form, locations) in by_form {
            set_meta(
                &mut variant(entry, form).pages,
                number,
                meta_locations(locations),
            );
        }
    }
}

/// The variant `form` of `word`, added if it is new.
fn variant(word: &mut PackedWord, form: String) -> &mut PackedVariant {
    let n = match word.variants.iter().position(|v| v.form == form) {
        Some(n) => n,
        None => {
            word.variants.push(PackedVariant {
                form,
                pages: Vec::new(),
            });
            word.variants.len() - 1
        }
    };
    &mut word.variants[n]
}

/// Sets the metadata locations of page `number` in `pages`, adding the page if it is new.
fn set_meta(pages: &mut Vec<PackedPage>, number: usize, meta_locs: Vec<i32>) {
    match pages.iter_mut().find(|p| p.page == number) {
        Some(page) => page.meta_locs = meta_locs,
        None => pages.push(PackedPage {
            page: number,
            locs: Vec::new(),
            meta_locs,
        }),
    }
}

/// A page's locations of one word, by weight (the commonest first) and position.
fn packed_page(number: usize, mut locations: Vec<Location>) -> PackedPage {
    // The marker before the first group is always written: 25 is no weight a word has.
    const NONE: u8 = UNIT + 1;
    locations.sort_by_key(|l| (if l.weight == NONE { 0 } else { l.weight }, l.position));
    let mut weight = NONE;
    let mut last = 0;
    let mut locs = Vec::with_capacity(locations.len() + 2);
    for l in locations {
        if l.weight != weight {
            locs.push(-i32::from(l.weight) - 1);
            locs.push(l.position as i32);
            weight = l.weight;
        } else {
            locs.push((l.position - last) as i32);
        }
        last = l.position;
    }
    PackedPage {
        page: number,
        locs,
        meta_locs: Vec::new(),
    }
}

/// Metadata locations (field, position): by field, then distances.
fn meta_locations(mut locations: Vec<(usize, u32)>) -> Vec<i32> {
    locations.sort_unstable();
    let mut out = Vec::with_capacity(locations.len() + 2);
    let mut field = None;
    let mut last = 0;
    for (f, position) in locations {
        if field != Some(f) {
            out.push(-(f as i32) - 1);
            field = Some(f);
            last = 0;
        }
        out.push((position - last) as i32);
        last = position;
    }
    out
}

/// Words in order, cut into chunks of about `CHUNK_LOCATIONS` locations.
fn chunk(words: Vec<PackedWord>) -> Vec<Vec<PackedWord>> {
    let mut chunks = Vec::new();
    let mut current = Vec::new();
    let mut size = 0;
    for word in words {
        size += word
            .pages
            .iter()
            .chain(word.variants.iter().flat_map(|v| &v.pages))
            .map(|p| p.locs.len() + p.meta_locs.len() + 1)
            .sum::<usize>()
            + word.variants.len();
        current.push(word);
        if size >= CHUNK_LOCATIONS {
            chunks.push(std::mem::take(&mut current));
            size = 0;
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// The range of words of each chunk, as short as tells neighbours apart.
fn ranges(chunks: &[Vec<PackedWord>]) -> Vec<MetaChunk> {
    let mut ranges: Vec<MetaChunk> = chunks
        .iter()
        .map(|c| MetaChunk {
            from: c.first().map(|w| w.word.clone()).unwrap_or_default(),
            to: c.last().map(|w| w.word.clone()).unwrap_or_default(),
            hash: String::new(),
        })
        .collect();
    for i in 1..ranges.len() {
        let (to, from) = distinct_prefixes(&ranges[i - 1].to, &ranges[i].from);
        if to >= ranges[i - 1].from {
            ranges[i - 1].to = to;
        }
        ranges[i].from = from;
    }
    ranges
}

/// The prefixes of `a` and `b` one character longer than what they share.
fn distinct_prefixes(a: &str, b: &str) -> (String, String) {
    let shared = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
    (
        a.chars().take(shared + 1).collect(),
        b.chars().take(shared + 1).collect(),
    )
}

/// `word` with each page number as the difference to the one before.
fn delta_coded(mut word: PackedWord) -> PackedWord {
    fn code(pages: &mut [PackedPage]) {
        let mut last = 0;
        for p in pages {
            let n = p.page;
            p.page = n - last;
            last = n;
        }
    }
    code(&mut word.pages);
    for v in &mut word.variants {
        code(&mut v.pages);
    }
    word
}

/// `text` as the index shows it: entities decoded, trimmed, line breaks and runs of white
/// space as one space.
pub(super) fn tidy(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    let trimmed = decoded.trim();
    let mut out = String::with_capacity(trimmed.len());
    let mut run = String::new();
    for c in trimmed.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush_space(&mut out, &mut run);
        out.push(c);
    }
    out
}

/// A run of white space inside a text: a single character other than a line break stays.
fn flush_space(out: &mut String, run: &mut String) {
    match run.chars().count() {
        0 => {}
        1 if run != "\n" => out.push_str(run),
        _ => out.push(' '),
    }
    run.clear();
}

/// `{language}_{sha1 of bytes}` with the hex digits of each byte unpadded, as Pagefind names
/// its files.
fn hash(language: &str, bytes: &[u8]) -> String {
    format!("{language}_{}", sha1_hex(bytes))
}

fn sha1_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(40);
    for b in Sha1::digest(bytes) {
        let _ = write!(out, "{b:x}");
    }
    out
}

/// The first `len` characters of `full`, longer while `taken` says the name is in use.
fn short_name(full: &str, len: usize, taken: impl Fn(&str) -> bool) -> String {
    let mut n = len.min(full.len());
    while n < full.len() && taken(&full[..n]) {
        n += 1;
    }
    full[..n].to_string()
}

fn cbor<T: Encode<()>>(value: T) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    minicbor::encode(value, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Gzips files one after the other with one compressor: its tables are made once, not for
/// every file (most files are a page's fragment of a few kilobytes).
struct Gzip {
    deflate: flate2::write::DeflateEncoder<Vec<u8>>,
}

impl Gzip {
    fn new() -> Gzip {
        Gzip {
            deflate: flate2::write::DeflateEncoder::new(
                Vec::new(),
                flate2::Compression::new(GZIP_LEVEL),
            ),
        }
    }

    /// `bytes` behind the signature `pagefind.js` checks, as a gzip file.
    fn pack(&mut self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        const SIGNATURE: &[u8] = b"pagefind_dcd";
        // The header: deflate, no name, no time, unknown system.
        const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
        let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
        out.extend_from_slice(&HEADER);
        // The compressor was reset by the last file and holds no output.
        self.deflate.get_mut().append(&mut out);
        self.deflate
            .write_all(SIGNATURE)
            .map_err(|e| e.to_string())?;
        self.deflate.write_all(bytes).map_err(|e| e.to_string())?;
        let mut out = self.deflate.reset(Vec::new()).map_err(|e| e.to_string())?;
        let mut crc = flate2::Crc::new();
        crc.update(SIGNATURE);
        crc.update(bytes);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&crc.amount().to_le_bytes());
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_gzipped_one_after_the_other() {
        use std::io::Read;
        let mut gzip = Gzip::new();
        for text in [&b"eerste"[..], b"", &[7u8; 100_000][..]] {
            let packed = gzip.pack(text).unwrap();
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(packed.as_slice())
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, [&b"pagefind_dcd"[..], text].concat());
        }
    }

    #[test]
    fn tidy_decodes_and_collapses_white_space() {
        assert_eq!(
            tidy("  Het &amp; doel\n van\tde  studie "),
            "Het & doel van\tde studie"
        );
    }

    #[test]
    fn locations_start_each_weight_with_a_marker() {
        let l = |position, weight| Location {
            position,
            weight,
            variant: None,
        };
        let page = packed_page(3, vec![l(9, 24), l(2, 24), l(0, 168), l(5, 24)]);
        assert_eq!(page.locs, vec![-25, 2, 3, 4, -169, 0]);
    }

    #[test]
    fn a_zero_width_space_is_left_out_of_the_word_it_is_in() {
        let html = "<html lang=\"nl\"><body data-pagefind-body><p>jeugd\u{200B}hulp en zorg</p></body></html>";
        let text = crate::render::search::text::read(html.as_bytes()).unwrap();
        let mut words = Words::new("nl").unwrap();
        let page = page("/a/", &text, &mut words).unwrap();
        assert_eq!(page.word_count, 3);
        assert!(
            page.fragment.contains("jeugdhulp en zorg"),
            "{}",
            page.fragment
        );
        assert!(!page.fragment.contains('\u{200B}'));
    }

    #[test]
    fn chunk_ranges_are_cut_to_distinct_prefixes() {
        assert_eq!(
            distinct_prefixes("apple", "apricot"),
            ("app".to_string(), "apr".to_string())
        );
    }
}
