//! Where a link of a page points: another host, a page of the site (with its anchor), a file
//! of the site, or above the site's root. `kennis check` checks links with it, and the model
//! finds the PDF a report links to.

/// Where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Another host or scheme (`https:`, `mailto:`); not followed.
    External,
    /// A page of the site (URL ending in `/`), with the anchor.
    Page(String, Option<String>),
    /// A file of the site.
    File(String),
    /// Above the site's root (`../../..` from a shallow page).
    Outside,
}

/// Resolves the link `dest` on the page at `page_url` (site-relative, ending in `/`).
pub(crate) fn resolve(page_url: &str, dest: &str) -> Target {
    let dest = dest.trim();
    let is_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    if is_scheme || dest.starts_with("//") {
        return Target::External;
    }
    let (rest, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (dest, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    let mut segments: Vec<String> = if path.starts_with('/') {
        Vec::new()
    } else {
        page_url
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    if path.is_empty() {
        return Target::Page(page_url.to_string(), fragment);
    }
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Target::Outside;
                }
            }
            other => {
                let last = i + 1 == parts.len();
                if last && other == "index.html" {
                    break;
                }
                segments.push(other.to_string());
            }
        }
    }
    let joined = segments.join("/");
    let last_is_file = !path.ends_with('/')
        && !path.ends_with("index.html")
        && segments.last().is_some_and(|s| s.contains('.'));
    if last_is_file {
        Target::File(format!("/{joined}"))
    } else if joined.is_empty() {
        Target::Page("/".to_string(), fragment)
    } else {
        Target::Page(format!("/{joined}/"), fragment)
    }
}

/// Decodes `%xx` escapes; invalid ones stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_page() {
        let page = "/personas/nora/";
        assert_eq!(
            resolve(page, "../../rapporten/al-doende-leren/"),
            Target::Page("/rapporten/al-doende-leren/".into(), None)
        );
        assert_eq!(
            resolve(page, "/rapporten/x#aanleiding"),
            Target::Page("/rapporten/x/".into(), Some("aanleiding".into()))
        );
        assert_eq!(
            resolve(page, "#top"),
            Target::Page(page.into(), Some("top".into()))
        );
        assert_eq!(resolve(page, "../../../../x/"), Target::Outside);
        assert_eq!(resolve(page, "https://nji.nl/"), Target::External);
        assert_eq!(resolve(page, "mailto:a@b.nl"), Target::External);
        assert_eq!(resolve(page, "//cdn.example/x.js"), Target::External);
        assert_eq!(
            resolve(page, "leerroute.png"),
            Target::File("/personas/nora/leerroute.png".into())
        );
        assert_eq!(
            resolve(page, "../index.html"),
            Target::Page("/personas/".into(), None)
        );
        assert_eq!(
            resolve("/", "rapporten/mijn%20rapport/"),
            Target::Page("/rapporten/mijn rapport/".into(), None)
        );
    }
}
