//! The preview's HTTP side: one server per site on 127.0.0.1, answering from the snapshot the
//! watch loop publishes. URLs are looked up by key after one percent-decoding; `..`, `.`,
//! encoded slashes, backslashes and NULs are refused with 400, so nothing outside the build can
//! be reached. Served files are the build's bytes as they are: every page loads the preview
//! script (`/__kennis/preview.js`, through the base template), which reloads the page when the
//! server's generation changes and shows the errors of a failed rebuild.

use std::io::Write as _;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, RwLock, mpsc::Sender};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::Snapshot;
use crate::diag;
use crate::messages;
use crate::model::routes;
use crate::render::Data;

/// The path of the event stream that tells pages to reload.
const RELOAD_PATH: &str = "/__kennis/reload";
/// The preview script every page loads under `serve` (see `render::views::PREVIEW_SCRIPT`).
const SCRIPT_PATH: &str = crate::render::views::PREVIEW_SCRIPT;

/// State shared by the HTTP threads and the watch loop.
pub(super) struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// One sender per open event stream.
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Shared {
    /// Shares `snapshot`.
    pub(super) fn new(snapshot: Snapshot) -> Shared {
        Shared {
            snapshot: RwLock::new(Arc::new(snapshot)),
            clients: Mutex::new(Vec::new()),
        }
    }

    /// What is served now.
    pub(super) fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the snapshot and tells every open page.
    pub(super) fn publish(&self, next: Snapshot) {
        let generation = next.generation;
        self.swap(next);
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(generation).is_ok());
        }
    }

    fn swap(&self, next: Snapshot) {
        match self.snapshot.write() {
            Ok(mut s) => *s = Arc::new(next),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(next),
        }
    }

    /// Replaces the snapshot with `change(current)` if the current one is still `base`, without
    /// telling the pages (for a search index that caught up). Returns whether it did.
    pub(super) fn replace_quietly(
        &self,
        base: &Arc<Snapshot>,
        change: impl FnOnce(&Snapshot) -> Snapshot,
    ) -> bool {
        let mut guard = match self.snapshot.write() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        if !Arc::ptr_eq(&guard, base) {
            return false;
        }
        *guard = Arc::new(change(base));
        true
    }
}

/// Answers the requests of `server` for `site` on its own threads, until the process ends.
pub(super) fn serve(server: Server, site: String, port: u16, shared: Arc<Shared>) {
    std::thread::spawn(move || {
        let server = Arc::new(server);
        for request in server.incoming_requests() {
            let shared = Arc::clone(&shared);
            let site = site.clone();
            // A refused thread (too many at once) drops that one connection; it must not take
            // the listener down with it.
            let spawned = std::thread::Builder::new()
                .name("kennis-request".into())
                .spawn(move || handle(request, &site, port, &shared));
            if let Err(e) = spawned {
                crate::cmd::print_warning(messages::serve_request_dropped(e));
            }
        }
    });
}

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
    let key = segments.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        // A folder: the page the build wrote for it.
        return Ok(routes::page_file(&format!("/{key}/")));
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

/// A short answer in plain text, a line of its own.
fn plain(status: u16, text: impl std::fmt::Display) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(format!("{text}\n").into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn handle(request: Request, site: &str, port: u16, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(plain(405, messages::serve_only_get()));
        return;
    }
    if !host_ok(&request, port) {
        let _ = request.respond(plain(400, messages::serve_unknown_host()));
        return;
    }
    let target = request.url().to_string();
    let path = target.split('?').next().unwrap_or("/");
    if path == RELOAD_PATH {
        events(request, shared);
        return;
    }
    let snapshot = shared.current();
    if path == SCRIPT_PATH {
        let _ = request.respond(script_response(&snapshot));
        return;
    }
    let key = match url_to_key(&target) {
        Ok(k) => k,
        Err(_) => {
            let _ = request.respond(plain(400, messages::serve_address_refused()));
            return;
        }
    };
    let Some(files) = snapshot.sites.get(site) else {
        // No good build yet: only the errors.
        let page = diag::preview_page(&snapshot.errors, SCRIPT_PATH);
        let _ = request.respond(html_response(503, page));
        return;
    };
    if let Some(data) = files.get(key.as_str()) {
        let _ = request.respond(file_response(200, &key, data));
        return;
    }
    // `/rapporten/x` → `/rapporten/x/`, so that relative links on the page work.
    let last = key.rsplit('/').next().unwrap_or("");
    if !last.contains('.') && files.contains_key(routes::page_file(&format!("/{key}/")).as_str()) {
        let response = plain(301, 301).with_header(header("Location", &format!("{path}/")));
        let _ = request.respond(response);
        return;
    }
    let response = match files.get(routes::NOT_FOUND) {
        Some(data) => file_response(404, routes::NOT_FOUND, data),
        None => plain(404, messages::serve_not_found()),
    };
    let _ = request.respond(response);
}

fn html_response(status: u16, html: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(html.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

/// A file of the build, as it is.
fn file_response(status: u16, key: &str, data: &Data) -> Response<std::io::Cursor<Vec<u8>>> {
    let bytes = match data {
        Data::Bytes(b) => b.clone(),
        Data::Copy(path) | Data::Cached(path, _) => match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => return plain(404, messages::serve_file_gone()),
        },
    };
    Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(key)))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

/// The preview script: it reloads the page when the server's generation differs from the one
/// it was served with, and shows the errors of the last rebuild over the page if it failed.
fn script_response(snapshot: &Snapshot) -> Response<std::io::Cursor<Vec<u8>>> {
    let overlay = if snapshot.errors.is_empty() {
        String::new()
    } else {
        diag::overlay_html(&snapshot.errors)
    };
    // A JSON string is a JavaScript string literal (the script is a file of its own, not
    // inside a page, so nothing in it can end a `<script>` element).
    let overlay = serde_json::to_string(&overlay).unwrap_or_else(|_| "\"\"".to_string());
    let js = format!(
        "(function(){{var g=\"{generation}\";var o={overlay};\
if(o){{var d=document.createElement(\"div\");d.innerHTML=o;var b=d.firstElementChild;if(b){{document.body.appendChild(b);\
var h=b.querySelector(\"button\");if(h){{h.addEventListener(\"click\",function(){{b.remove();}});}}}}}}\
var s=new EventSource(\"{RELOAD_PATH}\");s.onmessage=function(e){{if(e.data!==g){{s.close();location.reload();}}}};}})();\n",
        generation = snapshot.generation
    );
    Response::from_data(js.into_bytes())
        .with_status_code(200)
        .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
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
}
