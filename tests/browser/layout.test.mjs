// How the bundled site's pages and infographic blocks lay out for readers with their own
// settings, in real headless Chromium: every page at 320 px (and at 1280 px with 400 % zoom,
// which is the same width in CSS pixels) with every disclosure opened must not scroll
// sideways; the `flow` stages stand side by side and the `quadrant` is a 2×2 grid at 1280 px,
// and both stack at 390 px; in forced colours the drawn parts keep a colour of the system;
// the filter's empty result says so and offers a way back.
//
// KENNIS_SITE names the built site folder (see search.test.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const site = path.resolve(repo, process.env.KENNIS_SITE || "output/kennisnetwerk");
const CHROMIUM = "/usr/bin/chromium";

let server;
let base;
let browser;

before(async () => {
  server = await serve(site);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Every page of the site, as site-relative URLs. */
function pages(dir = site, prefix = "/") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) out.push(...pages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === "index.html") out.push(prefix);
  }
  return out.sort();
}

async function open(url, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}${url}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { context, page };
}

/** The page's width after every `<details>` is opened, and what sticks out. */
async function widthWithDisclosuresOpen(page) {
  return page.evaluate(() => {
    document.querySelectorAll("details").forEach((d) => (d.open = true));
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const e of document.querySelectorAll("body *")) {
      const r = e.getBoundingClientRect();
      if (r.right <= width + 1) continue;
      let clipped = false;
      for (let p = e.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") clipped = true;
      }
      if (!clipped) out.push(`${e.tagName.toLowerCase()}.${e.className} (${Math.round(r.right)})`);
    }
    return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5) };
  });
}

for (const [name, options] of [
  ["320 px", { viewport: { width: 320, height: 700 } }],
  ["400 % zoom of 1280 px", { viewport: { width: 320, height: 225 }, deviceScaleFactor: 4 }],
]) {
  test(`no page scrolls sideways at ${name} with every disclosure open`, async () => {
    const all = pages();
    assert.ok(all.length > 10, `${all.length} pages`);
    for (const url of all) {
      const { context, page } = await open(url, options);
      const { scroll, width, out } = await widthWithDisclosuresOpen(page);
      await context.close();
      assert.ok(scroll <= width, `${url} is ${scroll} px wide at ${width} px: ${out.join(", ")}`);
    }
  });
}

/** The boxes of `selector`'s matches. */
async function boxes(page, selector) {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width) };
    }),
  );
}

const REPORT = "/rapporten/al-doende-leren/";
const MODEL = "/rapporten/het-belangrijkste-instrument-ben-je-zelf/";

test("at 1280 px the flow stands side by side and the model is a 2×2 grid", async () => {
  let { context, page } = await open(REPORT, { viewport: { width: 1280, height: 900 } });
  const stages = await boxes(page, "#figuur-1 .flow-stage");
  const text = await page.locator(".report-body > p").first().evaluate((e) => e.getBoundingClientRect().width);
  await context.close();
  assert.equal(stages.length, 3);
  assert.ok(stages.every((s) => s.y === stages[0].y), `one row: ${JSON.stringify(stages)}`);
  assert.ok(stages[1].x > stages[0].x + stages[0].w, JSON.stringify(stages));
  ({ context, page } = await open(MODEL, { viewport: { width: 1280, height: 900 } }));
  const cells = await boxes(page, ".quadrant-cell");
  const grid = await page.locator("table.quadrant").evaluate((e) => e.getBoundingClientRect().width);
  await context.close();
  assert.equal(cells.length, 4);
  assert.equal(cells[0].y, cells[1].y, "two cells in the first row");
  assert.equal(cells[2].y, cells[3].y, "two cells in the second row");
  assert.ok(cells[2].y > cells[0].y && cells[1].x > cells[0].x, JSON.stringify(cells));
  assert.ok(grid >= text, `the model (${grid} px) uses the width of the text column (${text} px)`);
});

test("at 390 px the flow and the model stack", async () => {
  let { context, page } = await open(REPORT, { viewport: { width: 390, height: 844 } });
  const stages = await boxes(page, "#figuur-1 .flow-stage");
  await context.close();
  assert.ok(stages[1].y > stages[0].y && stages[2].y > stages[1].y, JSON.stringify(stages));
  assert.ok(stages.every((s) => s.x === stages[0].x));
  ({ context, page } = await open(MODEL, { viewport: { width: 390, height: 844 } }));
  const cells = await boxes(page, ".quadrant-cell");
  const places = await page.locator(".quadrant-row-label, table.quadrant tbody th").count();
  await context.close();
  assert.ok(cells.every((c, i) => i === 0 || c.y > cells[i - 1].y), JSON.stringify(cells));
  assert.ok(places >= 2, "the row labels stay");
});

test("in forced colours the bars, arrows and route markers keep a system colour", async () => {
  const { context, page } = await open(REPORT, { viewport: { width: 1280, height: 900 }, forcedColors: "active" });
  const look = await page.evaluate(() => {
    const style = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      bar: style(".bar-fill").fill,
      track: style(".bar-track").stroke,
      arrow: style(".flow-arrow").stroke,
      informal: style(".route-informeel .route-marker").borderTopColor,
      formal: style(".route-formeel .route-marker").borderTopColor,
      informalRadius: style(".route-informeel .route-marker").borderTopLeftRadius,
      formalRadius: style(".route-formeel .route-marker").borderTopLeftRadius,
      canvas: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
    };
  });
  await context.close();
  // The drawn parts take the text colour of the system (CanvasText), whatever it is.
  for (const key of ["bar", "track", "arrow", "informal", "formal"]) {
    assert.equal(look[key], look.text, `${key}: ${JSON.stringify(look)}`);
  }
  assert.notEqual(look.text, look.canvas);
  assert.notEqual(look.informalRadius, look.formalRadius, "the markers differ by shape");
});

test("an empty filter result says so and leads back to every recommendation", async () => {
  const { context, page } = await open("/aanbevelingen/", { viewport: { width: 1280, height: 900 } });
  const combination = await page.evaluate(() => {
    const items = [...document.querySelectorAll("[data-audience]")];
    const audiences = [...document.querySelectorAll("#filter-doelgroep option")].map((o) => o.value).filter(Boolean);
    const themes = [...document.querySelectorAll("#filter-thema option")].map((o) => o.value).filter(Boolean);
    for (const a of audiences)
      for (const t of themes)
        if (!items.some((i) => i.dataset.audience === a && i.dataset.themes.split(" ").includes(t))) return [a, t];
    return null;
  });
  assert.ok(combination, "the bundled site has an audience and theme without recommendations");
  const themes = await page.locator("#filter-thema option").count();
  await page.selectOption("#filter-doelgroep", combination[0]);
  await page.selectOption("#filter-thema", combination[1]);
  assert.equal(await page.locator("[data-filter-empty]").isVisible(), true);
  const label = await page.locator(`#filter-thema option[value="${combination[1]}"]`).textContent();
  assert.match(label, /\(0\)$/, "the count follows the chosen audience");
  await page.click("[data-filter-reset]");
  assert.equal(await page.locator("[data-filter-empty]").isVisible(), false);
  assert.equal(await page.locator("#filter-doelgroep").inputValue(), "");
  const shown = await page.locator("[data-audience]:visible").count();
  assert.equal(shown, await page.locator("[data-audience]").count());
  await context.close();
  assert.ok(themes >= 2);
});
