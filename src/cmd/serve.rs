//! `kennis serve`: watch + publish, and nothing else. The build is `pipeline::build` (in
//! memory; nothing is written to output/) and `pipeline::apply` for a save that changes one
//! report's body; this file keeps the last good build per site, rebuilds when content/, themes/
//! or site.yaml change, and publishes the result to the HTTP side (`http`), which serves it
//! from memory on 127.0.0.1 and tells open pages to reload.
//!
//! - Each site gets its own port (`--port N` for the first, N+1 for the next; 0 picks free
//!   ports), so each is served from `/` as on its real host and absolute links work.
//! - Pages are built with the preview flag: the base template then loads the preview script,
//!   which reloads the page after a rebuild and shows the errors of a failed one over it,
//!   while the pages themselves stay those of the last good build.
//! - The search index of a site changed in place follows on a thread of its own.

mod http;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tiny_http::Server;

use super::build::Progress;
use crate::config::{self, Config, Overrides};
use crate::diag::{self, Diagnostic, Diagnostics, Outcome, Severity};
use crate::messages::{self, Text, counted};
use crate::pipeline::{self, Applied, Built, Caches, Model};
use crate::render::{Data, Output};
use http::Shared;

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

/// Serves until interrupted. Exit 1 when the site cannot be read at all or a port is taken.
pub fn run(options: &ServeOptions) -> Outcome {
    let mut overrides = Overrides {
        site: options.site.clone(),
        ..Overrides::default()
    };
    let config = match config::load(&options.root, &overrides) {
        Ok(c) => c,
        Err(diags) => {
            diag::print(&diags);
            super::print_error(messages::serve_needs_config(), None);
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
                    super::print_error(
                        messages::serve_no_port_left(options.port, &site.name),
                        None,
                    );
                    return Outcome::Failed;
                }
            }
        };
        let server = match Server::http(("127.0.0.1", port)) {
            Ok(s) => s,
            Err(e) => {
                super::print_error(
                    messages::serve_cannot_listen(port, &site.name, e),
                    Some(messages::serve_cannot_listen_hint()),
                );
                return Outcome::Failed;
            }
        };
        let Some(addr) = server.server_addr().to_ip() else {
            super::print_error(messages::serve_no_address(&site.name), None);
            return Outcome::Failed;
        };
        ports.insert(site.name.clone(), addr.port());
        servers.push((site.name.clone(), addr.port(), server));
    }
    // Every site is pointed at its own server, so that absolute URLs (feeds, canonical
    // links) stay on this machine.
    overrides.base_urls = ports
        .iter()
        .map(|(name, port)| (name.clone(), format!("http://127.0.0.1:{port}/")))
        .collect();
    let mut config = match config::load(&options.root, &overrides) {
        Ok(c) => c,
        Err(diags) => {
            diag::print(&diags);
            return Outcome::Failed;
        }
    };

    let shared = Arc::new(Shared::new(Snapshot::default()));
    // Rebuilds rasterize only the graphics that changed. The snapshot names the PNGs of the
    // disk cache rather than holding them; without that cache they are kept in memory.
    let caches = Arc::new(Caches::in_root(&config.root, true));
    let started = Instant::now();
    let progress = Progress::start(1 + config.sites.len() as u64);
    let step = |what: Text| progress.step(what);
    let (first, mut model) = split(pipeline::build(&config, false, &caches, true, &step));
    progress.finish();
    let mut generation = 1;
    shared.publish(next_snapshot(first, &Snapshot::default(), generation));
    let search = search_thread(Arc::clone(&shared), Arc::clone(&caches));
    eprintln!(
        "{}",
        messages::serve_built_in(started.elapsed().as_millis())
    );

    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, None, tx) {
        Ok(d) => d,
        Err(e) => {
            super::print_error(messages::serve_cannot_watch(e), None);
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
            super::print_warning(messages::serve_cannot_watch_folder(path.display(), e));
        }
    }

    for (name, port, server) in servers {
        http::serve(server, name, port, Arc::clone(&shared));
    }
    eprintln!("{}", messages::serve_watching());
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
                Ok(fresh) => {
                    for site in &fresh.sites {
                        if !ports.contains_key(&site.name) {
                            eprintln!("{}", messages::serve_new_site(&site.name));
                        }
                    }
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
            messages::and_n_more(changed.len() - 3).to_string()
        } else {
            String::new()
        };
        let files = format!("{}{more}", shown.join(", "));
        if !reloaded && let Some(kept) = &model {
            match apply(&config, kept, &changed, &caches) {
                Applied::Unchanged => continue,
                Applied::Pages { model: next, sites } => {
                    generation += 1;
                    publish_pages(&shared, sites.as_slice(), generation);
                    model = Some(*next);
                    eprintln!(
                        "{}",
                        messages::serve_updated_in(started.elapsed().as_millis(), &files)
                    );
                    for change in sites {
                        let _ = search.send((change.site, config.language.clone()));
                    }
                    continue;
                }
                Applied::Rebuild => {}
            }
        }
        let result;
        (result, model) = split(pipeline::build(&config, false, &caches, true, &|_| {}));
        generation += 1;
        let ok = result.is_ok();
        let previous = shared.current();
        shared.publish(next_snapshot(result, &previous, generation));
        if ok {
            eprintln!(
                "{}",
                messages::serve_rebuilt_in(started.elapsed().as_millis(), &files)
            );
        }
    }
    Outcome::Success
}

/// `pipeline::apply` on the saved files of a burst, read from disk; a file that cannot be
/// read (removed, not text) asks for a rebuild.
fn apply(config: &Config, model: &Model, changed: &[PathBuf], caches: &Caches) -> Applied {
    let mut texts = Vec::new();
    for path in changed {
        if !path.starts_with("content") || path.extension().is_none_or(|e| e != "md") {
            return Applied::Rebuild;
        }
        match std::fs::read_to_string(config.root.join(path)) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(_) => return Applied::Rebuild,
        }
    }
    pipeline::apply(config, model, texts, caches, true)
}

/// Publishes the files of changed pages as `generation`.
fn publish_pages(shared: &Shared, changes: &[pipeline::SiteChange], generation: u64) {
    let previous = shared.current();
    let mut sites = (*previous.sites).clone();
    for change in changes {
        let Some(files) = sites.get(&change.site) else {
            continue;
        };
        let mut files = (**files).clone();
        for path in &change.gone {
            files.remove(path.as_str());
        }
        for o in &change.outputs {
            files.insert(Arc::from(o.path.as_str()), Arc::new(clone_data(&o.data)));
        }
        sites.insert(change.site.clone(), Arc::new(files));
    }
    shared.publish(Snapshot {
        generation,
        sites: Arc::new(sites),
        errors: Vec::new(),
    });
}

/// A copy of an output's data (PNGs and copied files are paths, so this copies only the bytes
/// of generated files).
fn clone_data(data: &Data) -> Data {
    match data {
        Data::Bytes(b) => Data::Bytes(b.clone()),
        Data::Copy(p) => Data::Copy(p.clone()),
        Data::Cached(p, k) => Data::Cached(p.clone(), *k),
    }
}

/// The snapshot after a build: its outputs, or the previous outputs with its errors.
fn next_snapshot(
    result: Result<Built, Diagnostics>,
    previous: &Snapshot,
    generation: u64,
) -> Snapshot {
    match result {
        Ok(built) => {
            diag::print(&built.warnings);
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
            diag::print(&diags);
            let errors = counted(
                diags.error_count(),
                messages::count_error_one,
                messages::count_errors,
            );
            super::print_error(messages::serve_rebuild_failed(errors), None);
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
    result: Result<(Built, Model), Diagnostics>,
) -> (Result<Built, Diagnostics>, Option<Model>) {
    match result {
        Ok((built, model)) => (Ok(built), Some(model)),
        Err(diags) => (Err(diags), None),
    }
}

/// Starts the thread that brings a site's search index up to date with its pages after an
/// applied change; send it the site's name and language. Requests that queue up while it
/// indexes are handled once.
fn search_thread(shared: Arc<Shared>, caches: Arc<Caches>) -> Sender<(String, String)> {
    let (tx, rx) = mpsc::channel::<(String, String)>();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut pending = vec![first];
            pending.extend(rx.try_iter());
            pending.sort();
            pending.dedup();
            for (site, language) in pending {
                let started = Instant::now();
                let base = shared.current();
                let Some(files) = base.sites.get(&site).cloned() else {
                    continue;
                };
                let files_iter = files.iter().map(|(path, data)| (&**path, &**data));
                let index = match pipeline::search_index(&site, &language, files_iter, &caches) {
                    Ok(index) => index,
                    Err(e) => {
                        super::print_warning(messages::serve_search_index_stale(&site, e));
                        continue;
                    }
                };
                // The index replaces every file under pagefind/ (the page count is unchanged,
                // so the shards and the search page that names them are too).
                let mut next: Files = files
                    .iter()
                    .filter(|(path, _)| !path.starts_with(crate::model::routes::SEARCH_INDEX))
                    .map(|(path, data)| (Arc::clone(path), Arc::clone(data)))
                    .collect();
                for o in index {
                    next.insert(Arc::from(o.path), Arc::new(o.data));
                }
                let replaced = shared.replace_quietly(&base, |current| {
                    let mut sites = (*current.sites).clone();
                    sites.insert(site.clone(), Arc::new(next));
                    Snapshot {
                        generation: current.generation,
                        sites: Arc::new(sites),
                        errors: current.errors.clone(),
                    }
                });
                if replaced {
                    eprintln!(
                        "{}",
                        messages::serve_search_index_updated(&site, started.elapsed().as_millis())
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
