//! Site search: the `/zoeken/` page and a static index over every rendered page in the format
//! of [Pagefind](https://pagefind.app), written to `pagefind/`. The browser searches those
//! files itself (`assets/zoeken.js` loads `pagefind/pagefind.js`), so search works offline
//! from any static host. Only the `<main data-pagefind-body>` of a page is read (see
//! `base.html`); the 404 page and the search page itself leave that attribute out and are not
//! indexed.
//!
//! For Dutch and English the index files are written here (`text` reads a page, `words` makes
//! its words, `bundle` writes the files), the same files, byte for byte once unpacked, as
//! Pagefind's own indexer writes (the tests compare them), at a fraction of its cost: Pagefind
//! compresses every file at gzip's slowest level and copies each page's words several times.
//! Pagefind itself still provides the script and WebAssembly that search in the browser, and
//! indexes the pages of any other language.
//!
//! This module only reads rendered outputs; it decides nothing about the content.

use std::path::PathBuf;

mod bundle;
mod text;
mod words;

use rayon::prelude::*;

use super::views::url;
use super::{Context, Data, Output, RenderError, base_context, page_output, render_template};
use crate::model::{Site, routes};

/// The search page's URL (site-relative).
const PAGE_URL: &str = routes::SEARCH;

/// Files of Pagefind's bundle that `zoeken.js` does not use: its ready-made interfaces (their
/// markup and colours are not ours) and the result highlighter. Left out to keep every site
/// about 450 KB lighter.
const UNUSED: &[&str] = &[
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
];

/// The search page, its script and the index over the pages in `outputs` (every
/// `…index.html`).
pub(crate) fn render(
    site: &Site<'_>,
    context: &Context<'_>,
    outputs: &[Output],
) -> Result<Vec<Output>, RenderError> {
    let pages = indexed_pages(outputs.iter().map(|o| (o.path.as_str(), &o.data)));
    let (mut files, count) = shards(&site.config.name, context.language, pages, context.search)?;
    let shard_urls: Vec<String> = (1..count)
        .map(|n| url(site.config, &format!("/{}", shard_folder(n))))
        .collect();
    files.push(page(site, context, &shard_urls)?);
    files.push(Output {
        path: routes::SEARCH_SCRIPT.to_string(),
        data: Data::Bytes(include_bytes!("zoeken.js").to_vec()),
    });
    Ok(files)
}

/// The pages the index covers, as (site-relative URL, HTML), from a site's files by path.
pub(crate) fn indexed_pages<'a>(
    files: impl Iterator<Item = (&'a str, &'a Data)>,
) -> Vec<(String, &'a [u8])> {
    files
        .filter_map(|(path, data)| match data {
            Data::Bytes(bytes) if path.ends_with("index.html") => {
                let dir = path.trim_end_matches("index.html");
                Some((format!("/{dir}"), bytes.as_slice()))
            }
            _ => None,
        })
        .filter(|(page_url, _)| page_url != PAGE_URL && !repeats_overview(page_url))
        .collect()
}

/// The index of site `site_name` over `pages`, as `pagefind/…` files, and the number of shards
/// it has. The search page names the shards, so its number changes only with the page count.
pub(crate) fn shards(
    site_name: &str,
    language: &str,
    mut pages: Vec<(String, &[u8])>,
    cache: &Cache,
) -> Result<(Vec<Output>, usize), RenderError> {
    // The same pages give the same shards whatever order they come in.
    pages.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Big sites get several indexes (shards), each over the pages whose URL hashes to it: a
    // changed page then re-indexes its shard only, and the shards are indexed in parallel.
    // The browser merges them (`zoeken.js`).
    let count = pages.len().div_ceil(SHARD_PAGES).max(1);
    let mut shards: Vec<Vec<(String, &[u8])>> = vec![Vec::new(); count];
    for (page_url, html) in pages {
        let n = (xxhash_rust::xxh3::xxh3_64(page_url.as_bytes()) % count as u64) as usize;
        shards[n].push((page_url, html));
    }
    // One job per shard: the cards are painted beside the index on the same threads, and a
    // thread done with them takes a shard that has not started. Without this, rayon hands out
    // the shards in runs of several, and the last run is indexed on one thread while the other
    // has nothing to do (2 s of a cold build of 10,000 pages).
    let indexed: Vec<Result<Shard, RenderError>> = shards
        .par_iter()
        .enumerate()
        .with_max_len(1)
        .map(|(n, pages)| {
            let outputs = cache.index(site_name, pages, language)?;
            let folder = shard_folder(n);
            let outputs = outputs
                .into_iter()
                .map(|o| Output {
                    path: o.path.replacen("pagefind/", &folder, 1),
                    data: o.data,
                })
                .collect();
            Ok(outputs)
        })
        .collect();
    let mut files = Vec::new();
    for result in indexed {
        files.extend(result?);
    }
    Ok((files, count))
}

/// A shard's files.
type Shard = Vec<Output>;

/// Pages per search index shard, at most (on average; pages are spread by a hash of their URL).
const SHARD_PAGES: usize = 1000;

/// The folder of shard `n`: the first is `pagefind/`, the others are inside it.
fn shard_folder(n: usize) -> String {
    if n == 0 {
        "pagefind/".to_string()
    } else {
        format!("pagefind/deel-{}/", n + 1)
    }
}

/// Whether a page only repeats part of another indexed page: the audience pages of the
/// recommendations browser (`/aanbevelingen/<audience>/`) hold a subset of `/aanbevelingen/`.
/// Indexing them would list every recommendation up to twice in the results.
fn repeats_overview(page_url: &str) -> bool {
    page_url
        .strip_prefix("/aanbevelingen/")
        .is_some_and(|rest| !rest.is_empty())
}

/// `/zoeken/`: the form, a live status line and the result list that `zoeken.js` fills.
pub(crate) fn page(
    site: &Site<'_>,
    context: &Context<'_>,
    shard_urls: &[String],
) -> Result<Output, RenderError> {
    let config = site.config;
    let mut ctx = base_context(
        site,
        context,
        PAGE_URL,
        "Zoeken",
        Some("Zoek in alle rapporten, persona's en pagina's van deze site."),
        "search",
    )?;
    ctx.insert("action", &url(config, PAGE_URL));
    ctx.insert(
        "pagefind",
        &url(config, &format!("/{}pagefind.js", routes::SEARCH_INDEX)),
    );
    ctx.insert("pagefind_base", &url(config, "/"));
    ctx.insert("pagefind_shards", &shard_urls.join(" "));
    ctx.insert(
        "script",
        &url(config, &routes::file_url(routes::SEARCH_SCRIPT)),
    );
    ctx.insert("recommendations", &url(config, routes::RECOMMENDATIONS));
    ctx.insert("themes", &url(config, routes::THEMES));
    Ok(page_output(
        PAGE_URL,
        render_template(config, "zoeken.html", &ctx)?,
    ))
}

/// Where search indexes (shards) are kept between builds: a value the command makes and passes
/// to `render`. Each site's shards are in `dir/<site>/<hash>/`, named by a hash of every page's
/// URL and HTML and the language: indexing is the slowest step of a build, and a shard whose
/// pages did not change is not indexed again. The command calls `prune` after a build.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    dir: Option<PathBuf>,
    /// The entries used since the cache was made.
    used: std::sync::Mutex<std::collections::BTreeSet<PathBuf>>,
    /// The files every index of a language shares, once made.
    shared: SharedFiles,
    /// Whether the index is held in memory rather than given as files of the cache to copy.
    hold: bool,
}

impl Cache {
    /// No cache: every shard is indexed.
    pub(crate) fn none() -> Cache {
        Cache::default()
    }

    /// Shards kept in `dir`, given as its files to copy; with `hold`, read into memory (for a
    /// long-running command: a build beside it may prune what it still serves).
    pub(crate) fn in_dir(dir: PathBuf, hold: bool) -> Cache {
        Cache {
            dir: Some(dir),
            hold,
            ..Cache::default()
        }
    }

    /// The index of `pages` of site `site`: from the cache, or made (and kept).
    fn index(
        &self,
        site: &str,
        pages: &[(String, &[u8])],
        language: &str,
    ) -> Result<Vec<Output>, RenderError> {
        let Some(dir) = &self.dir else {
            return index(pages, language, &self.shared);
        };
        let mut hash = xxhash_rust::xxh3::Xxh3::new();
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        hash.update(language.as_bytes());
        for (url, html) in pages {
            for part in [url.as_bytes(), html] {
                hash.update(&(part.len() as u64).to_le_bytes());
                hash.update(part);
            }
        }
        let key = hash.digest128();
        let entry = dir.join(site).join(format!("{key:032x}"));
        if let Ok(mut used) = self.used.lock() {
            used.insert(entry.clone());
        }
        if let Some(outputs) = read_entry(&entry, key) {
            return Ok(self.held(outputs));
        }
        let outputs = index(pages, language, &self.shared)?;
        Ok(match store_entry(&entry, key, &outputs) {
            Some(copies) if !self.hold => copies,
            _ => outputs,
        })
    }

    /// `outputs`, files of the cache, read into memory if this cache holds its index.
    fn held(&self, outputs: Vec<Output>) -> Vec<Output> {
        if !self.hold {
            return outputs;
        }
        let read: Option<Vec<Output>> = outputs
            .iter()
            .map(|o| match &o.data {
                Data::Cached(path, _) => std::fs::read(path).ok().map(|bytes| Output {
                    path: o.path.clone(),
                    data: Data::Bytes(bytes),
                }),
                _ => None,
            })
            .collect();
        read.unwrap_or(outputs)
    }

    /// Removes the entries of `sites` that were not used since the cache was made.
    pub(crate) fn prune(&self, sites: &[&str]) {
        let (Some(dir), Ok(used)) = (&self.dir, self.used.lock()) else {
            return;
        };
        for site in sites {
            if let Ok(entries) = std::fs::read_dir(dir.join(site)) {
                for e in entries.flatten() {
                    if !used.contains(&e.path()) {
                        let _ = std::fs::remove_dir_all(e.path());
                    }
                }
            }
        }
    }
}

/// The files of a cache entry (complete: `store_entry` renames it into place only when full),
/// as files to copy: a big site's index is tens of megabytes that need not be in memory.
fn read_entry(entry: &std::path::Path, key: u128) -> Option<Vec<Output>> {
    let list = std::fs::read_to_string(entry.join("files.txt")).ok()?;
    list.lines()
        .map(|name| {
            let copy = cached_copy(entry, key, name);
            match &copy.data {
                Data::Cached(file, _) if file.is_file() => Some(copy),
                _ => None,
            }
        })
        .collect()
}

/// File `name` (inside `pagefind/`) of the cache entry `entry`, named by `key`, as a file to copy.
fn cached_copy(entry: &std::path::Path, key: u128, name: &str) -> Output {
    Output {
        path: format!("pagefind/{name}"),
        data: Data::Cached(entry.join(name.replace('/', "%")), cached_id(key, name)),
    }
}

/// What identifies the contents of file `name` of the cache entry `key`: the entry is named by
/// everything its files are made from.
fn cached_id(key: u128, name: &str) -> u128 {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    hash.update(&key.to_le_bytes());
    hash.update(name.as_bytes());
    hash.digest128()
}

/// Stores `outputs` as the cache entry `entry` (named by `key`), written beside it and renamed
/// into place when complete, and returns them as files of the entry to copy; `None` if they
/// could not be stored.
fn store_entry(entry: &std::path::Path, key: u128, outputs: &[Output]) -> Option<Vec<Output>> {
    let tmp = entry.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).ok()?;
    let mut names = String::new();
    for output in outputs {
        let (Some(name), Data::Bytes(data)) = (output.path.strip_prefix("pagefind/"), &output.data)
        else {
            let _ = std::fs::remove_dir_all(&tmp);
            return None;
        };
        if std::fs::write(tmp.join(name.replace('/', "%")), data).is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
            return None;
        }
        names.push_str(name);
        names.push('\n');
    }
    if std::fs::write(tmp.join("files.txt"), &names).is_err()
        || std::fs::rename(&tmp, entry).is_err()
    {
        let _ = std::fs::remove_dir_all(&tmp);
        return None;
    }
    Some(
        names
            .lines()
            .map(|name| cached_copy(entry, key, name))
            .collect(),
    )
}

/// Indexes `pages` (site-relative URL, HTML) and returns the index as `pagefind/…` outputs,
/// in name order: the files `pagefind.js` reads, written here for a language with a stemmer
/// here (`words::Words`), and by Pagefind itself for other languages, when no page marks its
/// body, or when a page uses an attribute that `text` does not read.
///
/// The URLs stay site-relative: `pagefind.js` prefixes the folder it was loaded from, so the
/// same index works under any base path.
pub(crate) fn index(
    pages: &[(String, &[u8])],
    language: &str,
    shared: &SharedFiles,
) -> Result<Vec<Output>, RenderError> {
    let fail =
        |e: &dyn std::fmt::Display| RenderError(crate::messages::render_search_index_failed(e));
    let Some(mut words) = words::Words::new(language) else {
        return index_with_pagefind(pages, language);
    };
    let shared = shared_files(language, shared)?;
    let reader = bundle::Reader {
        version: &shared.version,
        wasm: shared.wasm.as_deref(),
    };
    // Each page is added to the index as it is read. Pagefind indexes whole pages where no
    // page marks its body, and reads attributes that `text` does not: it indexes such pages
    // itself.
    let mut files = bundle::Files::new(language, &reader);
    let mut any_body = false;
    for (page_url, html) in pages {
        let page = text::read(html)
            .map_err(|e| fail(&crate::messages::render_part_failed(page_url, e)))?;
        if page.unread_attributes {
            return index_with_pagefind(pages, language);
        }
        any_body |= page.has_body;
        files
            .add(page_url, &page, &mut words)
            .map_err(|e| fail(&e))?;
    }
    if !any_body {
        return index_with_pagefind(pages, language);
    }
    let files = files.finish().map_err(|e| fail(&e))?;
    let mut outputs: Vec<Output> = shared
        .files
        .iter()
        .cloned()
        .chain(files)
        .map(|(name, data)| Output {
            path: format!("pagefind/{name}"),
            data: Data::Bytes(data),
        })
        .collect();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// The files of Pagefind's bundle that do not depend on the pages: its script, worker and
/// WebAssembly, with the version they are and the name of the language's WebAssembly.
#[derive(Debug)]
pub(crate) struct Shared {
    files: Vec<(String, Vec<u8>)>,
    version: String,
    wasm: Option<String>,
}

/// The shared files of each language, made once per cache (`Cache`).
pub(crate) type SharedFiles =
    std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Shared>>>;

/// The files that every index of `language` shares, taken from `store` or from an index
/// Pagefind makes of one page (and kept in `store`).
fn shared_files(
    language: &str,
    store: &SharedFiles,
) -> Result<std::sync::Arc<Shared>, RenderError> {
    use std::sync::Arc;
    let fail =
        |e: &dyn std::fmt::Display| RenderError(crate::messages::render_search_index_failed(e));
    if let Some(shared) = store.lock().map_err(|e| fail(&e))?.get(language) {
        return Ok(Arc::clone(shared));
    }
    let page = format!(
        "<html lang=\"{language}\"><body><main data-pagefind-body><p>zoeken</p></main></body></html>"
    );
    let outputs = index_with_pagefind(&[("/".to_string(), page.as_bytes())], language)?;
    let mut files = Vec::new();
    let mut entry = None;
    for output in outputs {
        let (Some(name), Data::Bytes(data)) = (output.path.strip_prefix("pagefind/"), output.data)
        else {
            continue;
        };
        if name == "pagefind-entry.json" {
            entry = Some(data);
        } else if !(name.ends_with(".pf_meta")
            || name.starts_with("fragment/")
            || name.starts_with("index/")
            || name.starts_with("filter/"))
        {
            files.push((name.to_string(), data));
        }
    }
    let entry: serde_json::Value = serde_json::from_slice(&entry.unwrap_or_default())
        .map_err(|e| fail(&format!("pagefind-entry.json: {e}")))?;
    let version = entry["version"]
        .as_str()
        .ok_or_else(|| fail(&"pagefind-entry.json has no version"))?
        .to_string();
    let wasm = entry["languages"][language]["wasm"]
        .as_str()
        .map(str::to_string);
    let shared = Arc::new(Shared {
        files,
        version,
        wasm,
    });
    store
        .lock()
        .map_err(|e| fail(&e))?
        .insert(language.to_string(), Arc::clone(&shared));
    Ok(shared)
}

/// Indexes `pages` (site-relative URL, HTML) with Pagefind and returns its bundle as
/// `pagefind/…` outputs, in name order.
fn index_with_pagefind(
    pages: &[(String, &[u8])],
    language: &str,
) -> Result<Vec<Output>, RenderError> {
    let fail =
        |e: &dyn std::fmt::Display| RenderError(crate::messages::render_search_index_failed(e));
    // Pagefind's API is async; a runtime on this thread is enough (it hands the HTML parsing
    // to tokio's blocking pool).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| fail(&e))?;
    let files = runtime.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder()
            .force_language(language.to_string())
            .keep_index_url(false)
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options)).map_err(|e| fail(&e))?;
        for (page_url, html) in pages {
            let html = String::from_utf8_lossy(html).into_owned();
            index
                .add_html_file(None, Some(page_url.clone()), html)
                .await
                .map_err(|e| fail(&crate::messages::render_part_failed(page_url, e)))?;
        }
        index.get_files().await.map_err(|e| fail(&e))
    })?;
    let mut outputs: Vec<Output> = files
        .into_iter()
        .filter_map(|file| {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if UNUSED.iter().any(|prefix| name.starts_with(prefix)) {
                return None;
            }
            Some(Output {
                path: format!("pagefind/{name}"),
                data: Data::Bytes(file.contents),
            })
        })
        .collect();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, text: &str, body: bool) -> String {
        let attr = if body { " data-pagefind-body" } else { "" };
        format!(
            "<!doctype html><html lang=\"nl\"><head><title>{title}</title></head><body>\
             <nav>Menu Rapporten</nav><main{attr}><h1>{title}</h1><p>{text}</p></main></body></html>"
        )
    }

    fn text(outputs: &[Output], path: &str) -> String {
        let file = outputs
            .iter()
            .find(|o| o.path == path)
            .unwrap_or_else(|| panic!("{path} missing"));
        match &file.data {
            Data::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            Data::Copy(_) | Data::Cached(..) => panic!("{path} is a copy"),
        }
    }

    /// Each output's path with its contents, read from disk for a file to copy.
    fn contents(outputs: &[Output]) -> Vec<(String, Vec<u8>)> {
        outputs
            .iter()
            .map(|o| {
                let bytes = match &o.data {
                    Data::Bytes(b) => b.clone(),
                    Data::Copy(p) | Data::Cached(p, _) => std::fs::read(p).unwrap(),
                };
                (o.path.clone(), bytes)
            })
            .collect()
    }

    #[test]
    fn a_cached_index_is_files_to_copy_with_the_bytes_of_a_fresh_one() {
        let a = page("Al doende leren", "Leren in het grijze gebied.", true);
        let b = page("Nora", "Nora werkt in de jeugdbescherming.", true);
        let pages = [
            ("/rapporten/al-doende-leren/".to_string(), a.as_bytes()),
            ("/personas/nora/".to_string(), b.as_bytes()),
        ];
        let fresh = index(&pages, "nl", &SharedFiles::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path().to_path_buf(), false);

        let made = cache.index("s", &pages, "nl").unwrap();
        assert!(
            made.iter().all(|o| matches!(o.data, Data::Cached(..))),
            "{made:?}"
        );
        assert_eq!(contents(&made), contents(&fresh));
        // Read again: the same files with the same identities, nothing indexed.
        let ids = |outputs: &[Output]| -> Vec<(String, u128)> {
            outputs
                .iter()
                .map(|o| match &o.data {
                    Data::Cached(_, id) => (o.path.clone(), *id),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let again = cache.index("s", &pages, "nl").unwrap();
        assert_eq!(ids(&again), ids(&made));
        // Files of one entry differ in identity, and another page gives other identities.
        let mut distinct: Vec<u128> = ids(&made).into_iter().map(|(_, id)| id).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), made.len());
        let c = page("Nora", "Nora werkt in de jeugdzorg.", true);
        let other = [
            pages[0].clone(),
            ("/personas/nora/".to_string(), c.as_bytes()),
        ];
        let changed = cache.index("s", &other, "nl").unwrap();
        let entry_of = |o: &Output| ids(std::slice::from_ref(o))[0].1;
        let script = |outputs: &[Output]| {
            entry_of(
                outputs
                    .iter()
                    .find(|o| o.path == "pagefind/pagefind.js")
                    .unwrap(),
            )
        };
        assert_ne!(script(&changed), script(&made));

        // An entry missing a file is indexed again, whole.
        let Data::Cached(file, _) = &made[0].data else {
            unreachable!()
        };
        std::fs::remove_file(file).unwrap();
        let remade = cache.index("s", &pages, "nl").unwrap();
        assert_eq!(contents(&remade), contents(&fresh));

        // A cache that holds its index (for `serve`) gives the same bytes in memory.
        let held = Cache::in_dir(dir.path().to_path_buf(), true);
        for _ in 0..2 {
            let bytes = held.index("s", &pages, "nl").unwrap();
            assert!(
                bytes.iter().all(|o| matches!(o.data, Data::Bytes(_))),
                "{bytes:?}"
            );
            assert_eq!(contents(&bytes), contents(&fresh));
        }
    }

    #[test]
    fn indexing_two_pages_gives_the_script_and_index_chunks() {
        let a = page("Al doende leren", "Leren in het grijze gebied.", true);
        let b = page("Nora", "Nora werkt in de jeugdbescherming.", true);
        let not_found = page("Pagina niet gevonden", "Deze pagina bestaat niet.", false);
        let pages = [
            ("/rapporten/al-doende-leren/".to_string(), a.as_bytes()),
            ("/personas/nora/".to_string(), b.as_bytes()),
            ("/404/".to_string(), not_found.as_bytes()),
        ];
        let outputs = index(&pages, "nl", &SharedFiles::default()).unwrap();
        let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();

        assert!(paths.contains(&"pagefind/pagefind.js"), "{paths:?}");
        assert!(paths.contains(&"pagefind/pagefind-worker.js"), "{paths:?}");
        assert!(paths.contains(&"pagefind/wasm.nl.pagefind"), "{paths:?}");
        assert!(
            paths
                .iter()
                .any(|p| p.starts_with("pagefind/index/") && p.ends_with(".pf_index"))
        );
        assert!(paths.iter().any(|p| p.ends_with(".pf_meta")));
        // One fragment per indexed page: the page without data-pagefind-body is left out.
        let fragments = paths.iter().filter(|p| p.ends_with(".pf_fragment")).count();
        assert_eq!(fragments, 2, "{paths:?}");
        assert!(
            !paths.iter().any(|p| p.contains("pagefind-ui")),
            "{paths:?}"
        );

        let entry = text(&outputs, "pagefind/pagefind-entry.json");
        assert!(entry.contains("\"nl\""), "{entry}");
        assert!(entry.contains("\"page_count\":2"), "{entry}");
        // Sorted by path, so a build is reproducible.
        assert!(paths.windows(2).all(|w| w[0] <= w[1]));
    }

    /// An index's files by name, the gzipped ones unpacked (gzip's bytes depend on its level).
    fn unpacked(outputs: Vec<Output>) -> std::collections::BTreeMap<String, Vec<u8>> {
        use std::io::Read;
        outputs
            .into_iter()
            .map(|o| {
                let Data::Bytes(bytes) = o.data else {
                    panic!("{} is not bytes", o.path)
                };
                let packed = [".pf_meta", ".pf_fragment", ".pf_index"];
                if packed.iter().any(|ext| o.path.ends_with(ext)) {
                    let mut out = Vec::new();
                    flate2::read::GzDecoder::new(bytes.as_slice())
                        .read_to_end(&mut out)
                        .unwrap_or_else(|e| panic!("{}: {e}", o.path));
                    (o.path, out)
                } else {
                    (o.path, bytes)
                }
            })
            .collect()
    }

    /// Asserts that kennis' index of `pages` is, file for file, the one Pagefind makes.
    fn assert_same_as_pagefind(pages: &[(String, &[u8])], language: &str) {
        let ours = unpacked(index(pages, language, &SharedFiles::default()).unwrap());
        let theirs = unpacked(index_with_pagefind(pages, language).unwrap());
        let shown = |name: &str, bytes: &[u8]| {
            if name.ends_with(".pf_fragment") || name.ends_with(".json") {
                String::from_utf8_lossy(bytes).into_owned()
            } else if name.ends_with(".pf_meta") || name.ends_with(".pf_index") {
                format!("{:?}", String::from_utf8_lossy(bytes))
            } else {
                format!("{} bytes", bytes.len())
            }
        };
        let names =
            |m: &std::collections::BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        if names(&ours) != names(&theirs) {
            // Show the first file of each side that the other lacks, decoded.
            let only_ours: Vec<_> = ours.keys().filter(|k| !theirs.contains_key(*k)).collect();
            let only_theirs: Vec<_> = theirs.keys().filter(|k| !ours.contains_key(*k)).collect();
            let first = |m: &std::collections::BTreeMap<String, Vec<u8>>, k: Option<&&String>| {
                k.map(|k| format!("{k}:\n{}", shown(k, &m[*k])))
                    .unwrap_or_default()
            };
            panic!(
                "files differ\nonly kennis: {only_ours:?}\nonly Pagefind: {only_theirs:?}\n\
                 kennis {}\nPagefind {}",
                first(&ours, only_ours.first()),
                first(&theirs, only_theirs.first())
            );
        }
        for (name, bytes) in &ours {
            assert!(
                *bytes == theirs[name],
                "{name} differs\nkennis:\n{}\nPagefind:\n{}",
                shown(name, bytes),
                shown(name, &theirs[name])
            );
        }
    }

    #[test]
    fn the_index_is_the_one_pagefind_makes() {
        let pages = [
            page("Al doende leren", "Leren in het grijze gebied.", true),
            page(
                "Coördinatie &amp; samenwerking",
                "Jeugdhulp-professionals, e-mail en KennisNetwerk: zie www.nji.nl/jeugd. \
                 Eén op de vijf (20%) werkt 12,5 uur; &lsquo;café&rsquo; of cafe? \
                 Over <b>leer</b><i>werk</i>trajecten<br>en de <em id=\"x y\">stem</em> van \
                 jongeren.</p><h2 id=\"aanbevelingen\">Aan<span>beve</span>lingen</h2>\
                 <ul><li>Eerste</li><li>Tweede.</li></ul><table><tr><td>42</td></tr></table>\
                 <div data-pagefind-weight=\"2\"><h3 id=\"zwaar\">Zwaar</h3>weegt</div>\
                 <img src=\"/beeld.png\" alt=\"Een &quot;beeld&quot;\"><p>Slot",
                true,
            ),
            page("Nora", "Nora werkt in de jeugdbescherming.", true),
            page("Geen body", "Deze pagina telt niet.", false),
            "<!doctype html><html lang=\"nl\"><head><title>Zonder kop</title></head><body>\
             <main data-pagefind-body><p>Alleen tekst, geen h1.</p></main></body></html>"
                .to_string(),
        ];
        let urls = ["/a/", "/b/", "/c/", "/d/", "/e/"];
        let pages: Vec<(String, &[u8])> = urls
            .iter()
            .zip(&pages)
            .map(|(u, p)| (u.to_string(), p.as_bytes()))
            .collect();
        assert_same_as_pagefind(&pages, "nl");
        assert_same_as_pagefind(&pages, "en");

        // A theme's filter is left to Pagefind, which reads it.
        let filtered = page(
            "Gefilterd",
            "<span data-pagefind-filter=\"soort\">rapport</span>",
            true,
        );
        let mut with_filter = pages.clone();
        with_filter.push(("/f/".to_string(), filtered.as_bytes()));
        assert_same_as_pagefind(&with_filter, "nl");
    }

    #[test]
    fn the_bundled_sites_are_indexed_as_pagefind_indexes_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root, &crate::config::Overrides::default()).unwrap();
        let caches = crate::pipeline::Caches {
            pngs: crate::raster::Cache::none(),
            search: Cache::none(),
        };
        let (built, _) = crate::pipeline::build(&config, false, &caches, false, &|_| {})
            .unwrap_or_else(|d| panic!("{:?}", d.sorted()));
        assert!(built.sites.len() >= 2);
        for (site, outputs) in &built.sites {
            let pages = indexed_pages(outputs.iter().map(|o| (o.path.as_str(), &o.data)));
            assert!(pages.len() > 10, "{site}: {} pages", pages.len());
            assert_same_as_pagefind(&pages, &config.language);
        }
    }

    #[test]
    fn audience_pages_are_left_to_the_overview() {
        assert!(repeats_overview("/aanbevelingen/opleidingen/"));
        assert!(!repeats_overview("/aanbevelingen/"));
        assert!(!repeats_overview("/rapporten/al-doende-leren/"));
        assert!(!repeats_overview("/"));
    }

    #[test]
    fn indexing_is_deterministic() {
        let a = page("Al doende leren", "Leren in het grijze gebied.", true);
        let pages = [("/rapporten/al-doende-leren/".to_string(), a.as_bytes())];
        let names = |o: Vec<Output>| o.into_iter().map(|o| o.path).collect::<Vec<_>>();
        assert_eq!(
            names(index(&pages, "nl", &SharedFiles::default()).unwrap()),
            names(index(&pages, "nl", &SharedFiles::default()).unwrap())
        );
    }
}
