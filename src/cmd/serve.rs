//! `kennis serve`: build + watch + HTTP + live reload, and nothing else. The build is
//! `build::build_sites` (in memory; nothing is written to output/); this file keeps the last
//! good build per site, serves it from memory on 127.0.0.1, rebuilds when content/, themes/ or
//! site.yaml change, and tells open pages to reload over server-sent events.
//!
//! - Each site gets its own port (`--port N` for the first, N+1 for the next; 0 picks free
//!   ports), so each is served from `/` as on its real host and absolute links work.
//! - URLs are looked up by key in memory after one percent-decoding; `..`, `.`, encoded
//!   slashes, backslashes and NULs are refused with 400, so nothing outside the build can be
//!   reached.
//! - HTML responses get a small script before `</body>` that listens on `/__kennis/reload`;
//!   when the last rebuild failed they also get an overlay with the errors, while the pages
//!   themselves stay those of the last good build.
//! - A save that changes only a report's body (`model::reparse`) re-renders that report's page
//!   and graphics alone and swaps them into the snapshot; the search index of its site follows
//!   on a thread of its own. Every other change rebuilds everything.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tiny_http::{Header, Method, Request, Response, Server};

use super::build::{Model, Progress, build_sites, report};
use crate::config::{self, Config, Overrides};
use crate::diag::{Diagnostic, Diagnostics, Outcome, Severity};
use crate::markup::Element;
use crate::model::reparse::{Change, reparse};
use crate::render::{Data, Output};

/// Options of `kennis serve`, resolved.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Folder that holds site.yaml, content/ and themes/.
    pub root: PathBuf,
    /// Serve only this site.
    pub site: Option<String>,
    /// Port of the first site (0: free ports).
    pub port: u16,
}

/// The path of the event stream that tells pages to reload.
const RELOAD_PATH: &str = "/__kennis/reload";
/// How long the watcher waits for a burst of saves to end.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// A site's files by path.
type Files = HashMap<Arc<str>, Arc<Data>>;

/// What is served now.
#[derive(Default)]
struct Snapshot {
    /// Changes with every rebuild, good or failed; pages reload when it differs from theirs.
    generation: u64,
    /// The last good build: per site, its files by path (shared with the next snapshot when
    /// a rebuild fails, and file by file with the next update of one page).
    sites: Arc<HashMap<String, Arc<Files>>>,
    /// The errors of the last rebuild, if it failed.
    errors: Vec<Diagnostic>,
}

/// State shared by the HTTP threads and the rebuild loop.
struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// One sender per open event stream.
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Shared {
    fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the snapshot and tells every open page.
    fn publish(&self, next: Snapshot) {
        let generation = next.generation;
        match self.snapshot.write() {
            Ok(mut s) => *s = Arc::new(next),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(next),
        }
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(generation).is_ok());
        }
    }

    /// Replaces the files of `site` with `files` if they are still `base`, without telling
    /// the pages (for a search index that caught up). Returns whether it did.
    fn replace_quietly(&self, site: &str, base: &Arc<Files>, files: Files) -> bool {
        let mut guard = match self.snapshot.write() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        if !guard.sites.get(site).is_some_and(|f| Arc::ptr_eq(f, base)) {
            return false;
        }
        let mut sites = (*guard.sites).clone();
        sites.insert(site.to_string(), Arc::new(files));
        *guard = Arc::new(Snapshot {
            generation: guard.generation,
            sites: Arc::new(sites),
            errors: guard.errors.clone(),
        });
        true
    }
}

/// Serves until interrupted. Exit 1 when the site cannot be read at all or a port is taken.
pub fn run(options: &ServeOptions) -> Outcome {
    let overrides = Overrides {
        site: options.site.clone(),
        base_url: None,
    };
    let mut config = match config::load(&options.root, &overrides) {
        Ok(c) => c,
        Err(diags) => {
            report(&diags);
            eprintln!(
                "error: kennis serve needs a readable site.yaml and themes; fix the errors above and start again"
            );
            return Outcome::Failed;
        }
    };
    // One server per site, each on its own port.
    let mut servers = Vec::new();
    let mut ports = BTreeMap::new();
    for (i, site) in config.sites.iter().enumerate() {
        let port = if options.port == 0 {
            0
        } else {
            match options.port.checked_add(i as u16) {
                Some(p) => p,
                None => {
                    eprintln!(
                        "error: no port left after {} for site `{}`",
                        options.port, site.name
                    );
                    return Outcome::Failed;
                }
            }
        };
        let server = match Server::http(("127.0.0.1", port)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "error: cannot listen on 127.0.0.1:{port} for site `{}`: {e}",
                    site.name
                );
                eprintln!(
                    "  = help: another program uses the port; pass --port with another number"
                );
                return Outcome::Failed;
            }
        };
        let Some(addr) = server.server_addr().to_ip() else {
            eprintln!(
                "error: the server for site `{}` has no IP address",
                site.name
            );
            return Outcome::Failed;
        };
        ports.insert(site.name.clone(), addr.port());
        servers.push((site.name.clone(), addr.port(), server));
    }
    serve_locally(&mut config, &ports);

    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        clients: Mutex::new(Vec::new()),
    });
    // Rebuilds rasterize only the graphics that changed. The snapshot names the PNGs of the
    // disk cache rather than holding them; without that cache they are kept in memory.
    let cache = config.root.join(super::build::CACHE_DIR);
    if !crate::raster::use_disk_cache(cache.join("png")) {
        crate::raster::keep_results();
    }
    crate::render::search::use_cache(cache.join("search"));
    let started = Instant::now();
    let progress = Progress::start(1 + config.sites.len() as u64);
    let (first, mut model) = split(build_sites(&config, false, &progress));
    progress.finish();
    let mut generation = 1;
    shared.publish(next_snapshot(first, &Snapshot::default(), generation));
    let search = search_thread(Arc::clone(&shared));
    eprintln!("built in {} ms", started.elapsed().as_millis());

    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, None, tx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot watch for changes: {e}");
            return Outcome::Failed;
        }
    };
    // Events name absolute paths; match them against the root written both ways.
    let root = std::path::absolute(&config.root).unwrap_or_else(|_| config.root.clone());
    let roots = [
        root.clone(),
        std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone()),
    ];
    for (path, mode) in [
        (root.join("content"), RecursiveMode::Recursive),
        (root.join("themes"), RecursiveMode::Recursive),
        (root.clone(), RecursiveMode::NonRecursive),
    ] {
        if path.exists()
            && let Err(e) = debouncer.watch(&path, mode)
        {
            eprintln!("warning: cannot watch {}: {e}", path.display());
        }
    }

    for (name, port, server) in servers {
        let shared = Arc::clone(&shared);
        let site = name.clone();
        std::thread::spawn(move || {
            let server = Arc::new(server);
            for request in server.incoming_requests() {
                let shared = Arc::clone(&shared);
                let site = site.clone();
                // A refused thread (too many at once) drops that one connection; it must not
                // take the listener down with it.
                let spawned = std::thread::Builder::new()
                    .name("kennis-request".into())
                    .spawn(move || handle(request, &site, port, &shared));
                if let Err(e) = spawned {
                    eprintln!("warning: a request was dropped: cannot start a thread: {e}");
                }
            }
        });
    }
    eprintln!("kennis serve: watching content/, themes/ and site.yaml; Ctrl-C stops");
    for (name, port) in &ports {
        eprintln!("  {name}: http://127.0.0.1:{port}/");
    }

    // The rebuild loop: one rebuild per burst of changes.
    let mut config_broken = false;
    while let Some(changed) = next_burst(&rx, &roots) {
        let started = Instant::now();
        let config_changed = changed
            .iter()
            .any(|p| p == Path::new("site.yaml") || p.starts_with("themes"));
        let reloaded = config_changed || config_broken;
        if reloaded {
            match config::load(&options.root, &overrides) {
                Ok(mut fresh) => {
                    for site in &fresh.sites {
                        if !ports.contains_key(&site.name) {
                            eprintln!(
                                "note: site `{}` is new; restart kennis serve to serve it",
                                site.name
                            );
                        }
                    }
                    fresh.sites.retain(|s| ports.contains_key(&s.name));
                    serve_locally(&mut fresh, &ports);
                    config = fresh;
                    config_broken = false;
                }
                Err(diags) => {
                    config_broken = true;
                    generation += 1;
                    let previous = shared.current();
                    shared.publish(next_snapshot(Err(diags), &previous, generation));
                    continue;
                }
            }
        }
        let shown: Vec<String> = changed
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        let more = if changed.len() > 3 {
            format!(" and {} more", changed.len() - 3)
        } else {
            String::new()
        };
        // When the burst cannot be applied in place, part of it may be: the full build below
        // starts afresh and replaces the model.
        if !reloaded
            && let Some(kept) = model.as_mut()
            && let Some(sites) = update_in_place(&config, kept, &changed, &shared, generation + 1)
        {
            if !sites.is_empty() {
                generation += 1;
                eprintln!(
                    "updated in {} ms ({}{more})",
                    started.elapsed().as_millis(),
                    shown.join(", ")
                );
                for site in sites {
                    let _ = search.send((site, config.language.clone()));
                }
            }
            continue;
        }
        let result;
        (result, model) = split(build_sites(&config, false, &Progress::hidden()));
        generation += 1;
        let ok = result.is_ok();
        let previous = shared.current();
        shared.publish(next_snapshot(result, &previous, generation));
        if ok {
            eprintln!(
                "rebuilt in {} ms ({}{more})",
                started.elapsed().as_millis(),
                shown.join(", ")
            );
        }
    }
    Outcome::Success
}

/// Points every site at its local server, so that absolute URLs (feeds, canonical links)
/// stay on this machine.
fn serve_locally(config: &mut Config, ports: &BTreeMap<String, u16>) {
    for site in &mut config.sites {
        if let Some(port) = ports.get(&site.name) {
            site.base_url = format!("http://127.0.0.1:{port}/");
            site.base_path = "/".to_string();
        }
    }
}

/// The snapshot after a build: its outputs, or the previous outputs with its errors.
fn next_snapshot(
    result: Result<super::build::Built, Diagnostics>,
    previous: &Snapshot,
    generation: u64,
) -> Snapshot {
    match result {
        Ok(built) => {
            if !built.warnings.is_empty() {
                report(&built.warnings);
            }
            Snapshot {
                generation,
                sites: Arc::new(
                    built
                        .sites
                        .into_iter()
                        .map(|(name, outputs)| (name, index(outputs)))
                        .collect(),
                ),
                errors: Vec::new(),
            }
        }
        Err(diags) => {
            report(&diags);
            eprintln!(
                "error: {} error(s); the pages show them, and still serve the last good build",
                diags.error_count()
            );
            Snapshot {
                generation,
                sites: Arc::clone(&previous.sites),
                errors: diags
                    .sorted()
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .cloned()
                    .collect(),
            }
        }
    }
}

fn index(outputs: Vec<Output>) -> Arc<Files> {
    Arc::new(
        outputs
            .into_iter()
            .map(|o| (Arc::from(o.path), Arc::new(o.data)))
            .collect(),
    )
}

/// A build's result, and its model when it succeeded.
fn split(
    result: Result<(super::build::Built, Model), Diagnostics>,
) -> (Result<super::build::Built, Diagnostics>, Option<Model>) {
    match result {
        Ok((built, model)) => (Ok(built), Some(model)),
        Err(diags) => (Err(diags), None),
    }
}

/// Applies a burst of saves to the model and publishes the pages they change as `generation`,
/// when every save is to a report's body alone (see `model::reparse`). Returns the sites whose
/// pages changed (none when no file reads differently), or `None` when the whole site must be
/// built: `model` may then hold part of the burst.
fn update_in_place(
    config: &Config,
    model: &mut Model,
    changed: &[PathBuf],
    shared: &Shared,
    generation: u64,
) -> Option<Vec<String>> {
    let mut reports = Vec::new();
    for path in changed {
        if !path.starts_with("content") || path.extension().is_none_or(|e| e != "md") {
            return None;
        }
        let text = std::fs::read_to_string(config.root.join(path)).ok()?;
        match reparse(config, &mut model.sources, &mut model.content, path, text) {
            Change::Unchanged => {}
            Change::ReportBody { index, gone } => reports.push((index, gone)),
            Change::Everything => return None,
        }
    }
    let previous = shared.current();
    let mut sites = (*previous.sites).clone();
    let mut touched = Vec::new();
    for site_config in &config.sites {
        let site = model.content.site(site_config);
        let mut outputs = Vec::new();
        let mut gone_paths = Vec::new();
        for (index, gone) in &reports {
            let report = &model.content.reports[*index];
            if !site.reports.iter().any(|r| std::ptr::eq(*r, report)) {
                continue;
            }
            outputs.extend(crate::render::report_outputs(&site, &config.language, report).ok()?);
            for id in gone {
                gone_paths.extend(crate::render::figure_paths(&report.common.url, id));
            }
        }
        if outputs.is_empty() {
            continue;
        }
        let mut files = (**sites.get(&site_config.name)?).clone();
        for path in gone_paths {
            files.remove(path.as_str());
        }
        for o in outputs {
            files.insert(Arc::from(o.path), Arc::new(o.data));
        }
        sites.insert(site_config.name.clone(), Arc::new(files));
        touched.push(site_config.name.clone());
    }
    if !touched.is_empty() {
        shared.publish(Snapshot {
            generation,
            sites: Arc::new(sites),
            errors: Vec::new(),
        });
    }
    Some(touched)
}

/// Starts the thread that brings a site's search index up to date with its pages after
/// `update_in_place`; send it the site's name and language. Requests that queue up while it
/// indexes are handled once.
fn search_thread(shared: Arc<Shared>) -> Sender<(String, String)> {
    let (tx, rx) = mpsc::channel::<(String, String)>();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut pending = vec![first];
            pending.extend(rx.try_iter());
            pending.sort();
            pending.dedup();
            for (site, language) in pending {
                let started = Instant::now();
                let Some(base) = shared.current().sites.get(&site).cloned() else {
                    continue;
                };
                let pages = crate::render::search::indexed_pages(
                    base.iter().map(|(path, data)| (&**path, &**data)),
                );
                let index = match crate::render::search::shards(&site, &language, pages) {
                    Ok((index, _)) => index,
                    Err(e) => {
                        eprintln!("warning: the search index of {site} is not up to date: {e}");
                        continue;
                    }
                };
                // The index replaces every file under pagefind/ (the page count is unchanged,
                // so the shards and the search page that names them are too).
                let mut files: Files = base
                    .iter()
                    .filter(|(path, _)| !path.starts_with("pagefind/"))
                    .map(|(path, data)| (Arc::clone(path), Arc::clone(data)))
                    .collect();
                for o in index {
                    files.insert(Arc::from(o.path), Arc::new(o.data));
                }
                if shared.replace_quietly(&site, &base, files) {
                    eprintln!(
                        "search index of {site} updated in {} ms",
                        started.elapsed().as_millis()
                    );
                }
            }
        }
    });
    tx
}

/// Waits for changes and returns the files of one burst (relative to the root), or `None`
/// when the watcher is gone. Saves that arrive while a rebuild runs form the next burst.
fn next_burst(rx: &Receiver<DebounceEventResult>, roots: &[PathBuf]) -> Option<Vec<PathBuf>> {
    loop {
        let mut changed = BTreeSet::new();
        let first = rx.recv().ok()?;
        collect(first, roots, &mut changed);
        // Editors that save in steps (temp file, rename, chmod) make several events.
        loop {
            match rx.recv_timeout(Duration::from_millis(10)) {
                Ok(more) => collect(more, roots, &mut changed),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        if !changed.is_empty() {
            return Some(changed.into_iter().collect());
        }
    }
}

fn collect(result: DebounceEventResult, roots: &[PathBuf], changed: &mut BTreeSet<PathBuf>) {
    let Ok(events) = result else {
        return;
    };
    for event in events {
        if event.kind.is_access() {
            continue;
        }
        for path in &event.paths {
            if let Some(rel) = roots.iter().find_map(|root| relevant(path, root)) {
                changed.insert(rel);
            }
        }
    }
}

/// The path relative to the root if a change there can change the site: site.yaml, or a file
/// under content/ or themes/ that is not an editor's temporary file.
fn relevant(path: &Path, root: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    let temporary = name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913";
    let watched =
        rel == Path::new("site.yaml") || rel.starts_with("content") || rel.starts_with("themes");
    (watched && !temporary).then(|| rel.to_path_buf())
}

// ---------------------------------------------------------------------------------------------
// HTTP.

/// Why a URL is refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BadPath {
    /// Not a path (`*`, `http://...`), or malformed escapes.
    Malformed,
    /// `..`, `.`, encoded separators, backslashes or NULs.
    Traversal,
}

/// Turns a request target into the key of a file in the build: the query dropped, decoded
/// once, every segment a plain name. `/` and `/dir/` become `index.html` and `dir/index.html`.
pub(crate) fn url_to_key(target: &str) -> Result<String, BadPath> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(BadPath::Malformed);
    }
    let lower = path.to_ascii_lowercase();
    if path.contains('\\') || lower.contains("%2f") || lower.contains("%5c") {
        return Err(BadPath::Traversal);
    }
    let decoded = percent_decode(path).ok_or(BadPath::Malformed)?;
    if decoded.contains(['\0', '\\']) {
        return Err(BadPath::Traversal);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(BadPath::Traversal),
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Ok(key)
}

/// Decodes `%xx` once; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        Header::from_bytes(&b"X-Kennis"[..], &b"1"[..]).expect("static header")
    })
}

fn content_type(key: &str) -> &'static str {
    let ext = key.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "xml" if key.ends_with("atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "ttf" => "font/ttf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Whether the Host header names this server (a guard against DNS rebinding: a page on
/// another site cannot read the preview through a name that resolves to 127.0.0.1).
fn host_ok(request: &Request, port: u16) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return true;
    };
    [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ]
    .contains(&host)
}

fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(text.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn handle(request: Request, site: &str, port: u16, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(plain(405, "405: only GET and HEAD\n"));
        return;
    }
    if !host_ok(&request, port) {
        let _ = request.respond(plain(400, "400: unknown Host\n"));
        return;
    }
    let target = request.url().to_string();
    if target.split('?').next() == Some(RELOAD_PATH) {
        events(request, shared);
        return;
    }
    let key = match url_to_key(&target) {
        Ok(k) => k,
        Err(_) => {
            let _ = request.respond(plain(400, "400: this address is not allowed\n"));
            return;
        }
    };
    let snapshot = shared.current();
    let Some(files) = snapshot.sites.get(site) else {
        // No good build yet: only the errors.
        let page = error_page(&snapshot);
        let _ = request.respond(html_response(503, page));
        return;
    };
    if let Some(data) = files.get(key.as_str()) {
        let _ = request.respond(file_response(200, &key, data, &snapshot));
        return;
    }
    // `/rapporten/x` → `/rapporten/x/`, so that relative links on the page work.
    let last = key.rsplit('/').next().unwrap_or("");
    if !last.contains('.') && files.contains_key(format!("{key}/index.html").as_str()) {
        let path = target.split('?').next().unwrap_or("/");
        let response = plain(301, "301\n").with_header(header("Location", &format!("{path}/")));
        let _ = request.respond(response);
        return;
    }
    let response = match files.get("404.html") {
        Some(data) => file_response(404, "404.html", data, &snapshot),
        None => plain(404, "404: not found\n"),
    };
    let _ = request.respond(response);
}

fn html_response(status: u16, html: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(html.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn file_response(
    status: u16,
    key: &str,
    data: &Data,
    snapshot: &Snapshot,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let bytes = match data {
        Data::Bytes(b) => b.clone(),
        Data::Copy(path) | Data::Cached(path, _) => match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => return plain(404, "404: the file is gone\n"),
        },
    };
    let kind = content_type(key);
    let bytes = if kind.starts_with("text/html") {
        inject(&String::from_utf8_lossy(&bytes), snapshot).into_bytes()
    } else {
        bytes
    };
    Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

/// Puts the reload script (and the error overlay, if the last build failed) before `</body>`.
fn inject(html: &str, snapshot: &Snapshot) -> String {
    let mut extra = String::new();
    if !snapshot.errors.is_empty() {
        extra.push_str(&overlay(&snapshot.errors));
    }
    extra.push_str(&reload_script(snapshot.generation));
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

/// Reloads the page when the server's generation differs from the one it was served with.
fn reload_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var g=\"{generation}\";var s=new EventSource(\"{RELOAD_PATH}\");s.onmessage=function(e){{if(e.data!==g){{s.close();location.reload();}}}};}})();</script>\n"
    )
}

/// The errors of the last rebuild, over the page: file, line, the line itself, message, hint.
/// Everything passes through the markup serializer, which escapes it.
fn overlay(errors: &[Diagnostic]) -> String {
    let box_style = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;\
        background:#fff;color:#1b1b1b;border-top:6px solid #a4000f;padding:1rem 1.5rem;\
        font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.35)";
    let items = errors.iter().map(|d| {
        let mut li = Element::new("li").attr("style", "margin:0 0 1rem");
        if let Some(span) = &d.span {
            li = li
                .child(
                    Element::new("code")
                        .attr("style", "font-weight:bold")
                        .text(span.to_string()),
                )
                .text(": ");
        }
        li = li.child(
            Element::new("span")
                .attr("lang", "en")
                .text(d.message.clone()),
        );
        if let (Some(span), Some(line)) = (&d.span, &d.source_line) {
            let marker = " ".repeat(span.col.saturating_sub(1).min(line.chars().count()));
            li = li.child(
                Element::new("pre")
                    .attr(
                        "style",
                        "background:#f4f4f4;padding:.4rem;margin:.3rem 0;white-space:pre-wrap",
                    )
                    .text(format!(
                        "{} | {line}\n{} | {marker}^",
                        span.line,
                        " ".repeat(span.line.to_string().len())
                    )),
            );
        }
        if let Some(hint) = &d.hint {
            li = li.child(
                Element::new("p")
                    .attr("style", "margin:.2rem 0")
                    .attr("lang", "en")
                    .text(format!("help: {hint}")),
            );
        }
        li
    });
    Element::new("div")
        .attr("id", "kennis-fouten")
        .attr("role", "alert")
        .attr("style", box_style)
        .child(
            Element::new("p")
                .attr("style", "margin:0 0 .5rem;font-weight:bold;color:#a4000f")
                .text(format!(
                    "kennis: de laatste wijziging bevat {} fout(en). Je ziet nog de vorige versie van de site.",
                    errors.len()
                )),
        )
        .child(Element::new("ol").children(items))
        .child(
            Element::new("button")
                .attr("type", "button")
                .attr("onclick", "this.parentNode.remove()")
                .text("Verbergen"),
        )
        .to_markup()
}

/// The page when there is no good build yet.
fn error_page(snapshot: &Snapshot) -> String {
    let body = if snapshot.errors.is_empty() {
        "<p>kennis is aan het bouwen…</p>".to_string()
    } else {
        overlay(&snapshot.errors)
    };
    format!(
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>kennis serve: fout</title></head>\n<body>\n{body}\n{}</body></html>\n",
        reload_script(snapshot.generation)
    )
}

/// The event stream: the current generation at once, then every new one. tiny_http would
/// buffer a streamed body, so the response is written to the socket by hand and flushed per
/// event.
fn events(request: Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel();
    if let Ok(mut clients) = shared.clients.lock() {
        clients.push(tx);
    }
    let generation = shared.current().generation;
    let mut out = request.into_writer();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\ndata: {generation}\n\n"
    );
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(generation) => format!("data: {generation}\n\n"),
            // A comment keeps the connection open and finds out when the page is gone.
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_become_keys() {
        assert_eq!(url_to_key("/").unwrap(), "index.html");
        assert_eq!(
            url_to_key("/rapporten/x/").unwrap(),
            "rapporten/x/index.html"
        );
        assert_eq!(
            url_to_key("/rapporten/x/figuur-1.png?v=2").unwrap(),
            "rapporten/x/figuur-1.png"
        );
        assert_eq!(url_to_key("/mijn%20map/").unwrap(), "mijn map/index.html");
        assert_eq!(url_to_key("//etc/passwd").unwrap(), "etc/passwd");
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/site.yaml",
            "/..%2fsite.yaml",
            "/..%2Fsite.yaml",
            "/a/%2e%2e%5c%2e%2e%5csite.yaml",
            "/..\\site.yaml",
            "/a/./b",
            "/a%00.html",
        ] {
            assert_eq!(url_to_key(bad), Err(BadPath::Traversal), "{bad}");
        }
        for bad in ["*", "http://x/../y", "/%zz", "/%c3"] {
            assert_eq!(url_to_key(bad), Err(BadPath::Malformed), "{bad}");
        }
    }

    #[test]
    fn the_overlay_escapes_everything() {
        let d =
            crate::source::SourceFile::new("content/x.md", "---\ntitle: <script>\n---\n".into())
                .error_at_line(2, 8, "bad <script>alert(1)</script>")
                .with_hint("use \"quotes\" & <b>");
        let html = overlay(&[d]);
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("bad &lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("content/x.md:2:8"));
    }

    #[test]
    fn the_script_goes_before_the_body_end() {
        let snap = Snapshot {
            generation: 7,
            ..Snapshot::default()
        };
        let html = inject("<html><body><p>x</p></body></html>", &snap);
        assert!(html.contains("var g=\"7\""));
        assert!(html.ends_with("</script>\n</body></html>"), "{html}");
    }
}
