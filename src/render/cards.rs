//! Social cards: a 1200×630 PNG per report (site, title, edition and a key figure) for
//! OpenGraph and Twitter, and the JSON-LD that describes a report to search engines.

use crate::blocks::Block;
use crate::font::Weight;
use crate::markup::Element;
use crate::model::Report;
use crate::palette::Paint;
use crate::svg::{self, Drawing, TextStyle};

/// Card width in pixels.
pub(crate) const WIDTH: f64 = 1200.0;
/// Card height in pixels.
pub(crate) const HEIGHT: f64 = 630.0;

/// The first key figure of a report: the first item of its first `figures` block.
fn key_figure(report: &Report) -> Option<(String, String)> {
    report
        .common
        .body
        .figures
        .iter()
        .find_map(|f| match &f.block {
            Block::Figures(spec) => spec.items.first().map(|item| {
                (
                    crate::prose::number(item.value.get()),
                    item.label.to_string(),
                )
            }),
            _ => None,
        })
}

/// Lines of `text` that fit `width`, at most `max` of them (the last one shortened with "…").
fn fit(text: &str, width: f64, style: &TextStyle, max: usize) -> Vec<String> {
    let mut lines = svg::wrap(text, width, style).lines;
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            // Drop whole words until the ellipsis fits.
            while crate::font::measure(&format!("{last} …"), style.size, style.weight) > width {
                match last.rsplit_once(' ') {
                    Some((head, _)) => *last = head.to_string(),
                    None => {
                        last.pop();
                    }
                }
                if last.is_empty() {
                    break;
                }
            }
            last.push_str(" …");
        }
    }
    lines
}

/// The card of `report` on a site called `site_title`.
pub(crate) fn social_card(report: &Report, site_title: &str) -> Drawing {
    let pad = 72.0;
    let inner = WIDTH - 2.0 * pad;
    let mut body = vec![svg::rect(0.0, 0.0, WIDTH, 18.0, Paint::Primary)];
    let mut y = 70.0;
    let site_style = TextStyle::new(30.0, Paint::Primary).bold();
    body.push(svg::text(
        pad,
        y,
        &fit(site_title, inner, &site_style, 1),
        &site_style,
    ));
    y += 62.0;
    let figure = key_figure(report);
    let title_width = if figure.is_some() {
        inner - 330.0
    } else {
        inner
    };
    let title_style = TextStyle::new(68.0, Paint::Ink).bold();
    let title = fit(&report.common.title, title_width, &title_style, 3);
    body.push(svg::text(pad, y, &title, &title_style));
    y += title.len() as f64 * svg::line_height(68.0) + 16.0;
    let detail = [report.series.as_deref(), report.edition.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    if !detail.is_empty() {
        let style = TextStyle::new(32.0, Paint::Muted);
        let lines = fit(&detail, title_width, &style, 2);
        body.push(svg::text(pad, y, &lines, &style));
    }
    if let Some((value, label)) = &figure {
        let x = WIDTH - pad - 290.0;
        body.push(
            Element::new("rect")
                .num("x", x)
                .num("y", 150.0)
                .num("width", 290.0)
                .num("height", 330.0)
                .num("rx", 16.0)
                .paint("fill", Paint::Tint),
        );
        let value_style = TextStyle::new(96.0, Paint::Primary)
            .bold()
            .anchor(svg::Anchor::Middle);
        body.push(svg::text(
            x + 145.0,
            185.0,
            &fit(value, 260.0, &value_style, 1),
            &value_style,
        ));
        let label_style = TextStyle::new(30.0, Paint::Ink).anchor(svg::Anchor::Middle);
        body.push(svg::text(
            x + 145.0,
            320.0,
            &fit(label, 250.0, &label_style, 4),
            &label_style,
        ));
    }
    let foot = TextStyle::new(26.0, Paint::Muted);
    let _ = Weight::Regular;
    if let Some(summary) = &report.common.summary {
        body.push(svg::text(pad, 500.0, &fit(summary, inner, &foot, 2), &foot));
    }
    let desc = match &figure {
        Some((value, label)) => format!("{} — {value} {label}", report.common.title),
        None => report.common.title.clone(),
    };
    Drawing {
        width: WIDTH,
        height: HEIGHT,
        title: report.common.title.clone(),
        desc,
        body,
    }
}

/// JSON-LD for a report, safe inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// are written as `\u003c`, `\u003e` and `\u0026`, so no title can close the script element.
pub(crate) fn json_ld(
    report: &Report,
    page_url: &str,
    image_url: &str,
    site_title: &str,
) -> String {
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Report",
        "name": report.common.title,
        "headline": report.common.title,
        "alternativeHeadline": report.subtitle,
        "description": report.common.summary,
        "datePublished": report.common.date.map(|d| d.iso()),
        "inLanguage": "nl",
        "url": page_url,
        "image": image_url,
        "keywords": report.themes.join(", "),
        "isPartOf": report.series,
        "publisher": {"@type": "Organization", "name": report.publisher.as_deref().unwrap_or(site_title)},
    });
    script_safe(&value.to_string())
}

/// Escapes the characters that could end a script element or start a comment in it, and the
/// two line separators that old JavaScript parsers take for line breaks inside a string.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        let style = TextStyle::new(26.0, Paint::Ink);
        let text = "Jeugdhulpprofessionals vinden dat hun opleiding een goede basis biedt, maar het vak leren ze vooral in de praktijk van alledag met collega's en ouders.";
        let lines = fit(text, 400.0, &style, 2);
        assert_eq!(lines.len(), 2);
        let last = &lines[1];
        assert!(last.ends_with(" …"), "{last}");
        let words = last.trim_end_matches(" …");
        assert!(
            text.contains(&format!("{words} ")),
            "cut inside a word: {last}"
        );
        assert!(crate::font::measure(last, 26.0, style.weight) <= 400.0);
    }

    #[test]
    fn json_inside_a_script_cannot_close_it() {
        let safe = script_safe(r#"{"name":"</script><script>alert(1)</script>"}"#);
        assert!(!safe.contains("</script"));
        assert!(!safe.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
        let separators = script_safe("{\"name\":\"a\u{2028}b\u{2029}<!--\"}");
        assert_eq!(separators, "{\"name\":\"a\\u2028b\\u2029\\u003c!--\"}");
        let back: serde_json::Value = serde_json::from_str(&separators).unwrap();
        assert_eq!(back["name"], "a\u{2028}b\u{2029}<!--");
    }
}
