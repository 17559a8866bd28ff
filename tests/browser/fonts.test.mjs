// The web fonts do not move the page when they arrive. Every font file is held back for
// FONT_DELAY ms, so Chromium lays the page out with the fallback font first and swaps
// Atkinson Hyperlegible in later, as on a slow connection; the layout shifts it reports
// (PerformanceObserver "layout-shift", the measure behind CLS) must add up to less than 0.02
// on the home page and on a report, on a desktop and a phone screen.
//
// Run: `npm ci --prefix tests/browser && node --test tests/browser/` after `kennis build`.
// KENNIS_SITE names the built site folder (default: output/kennisnetwerk under the repo root).

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
const FONT_DELAY = 1500;
const LIMIT = 0.02;

let server;
let base;
let browser;

before(async () => {
  assert.ok(
    fs.existsSync(path.join(site, "index.html")),
    `no built site at ${site}: run \`kennis build\` first or set KENNIS_SITE`,
  );
  server = await serve(site);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** The first report linked from the home page. */
function firstReport() {
  const home = fs.readFileSync(path.join(site, "index.html"), "utf8");
  const match = home.match(/href="([^"]*\/rapporten\/[^"/]+\/)"/);
  assert.ok(match, "the home page links to no report");
  return new URL(match[1], base).pathname;
}

/** Loads `url` with the fonts held back and returns the sum of its layout shifts, the fonts
 * the page ended up with, and how many font files were requested. */
async function shiftsWhileFontsArrive(url, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  let fontRequests = 0;
  await page.route(/\.(woff2|ttf)$/, async (route) => {
    fontRequests += 1;
    await new Promise((resolve) => setTimeout(resolve, FONT_DELAY));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(base + url, { waitUntil: "domcontentloaded" });
  await page.evaluate(() => document.fonts.ready);
  // The swap and the layout after it.
  await page.waitForTimeout(FONT_DELAY + 700);
  const result = await page.evaluate(() => ({
    cls: window.__shifts.reduce((a, b) => a + b, 0),
    loaded: [...document.fonts].filter((f) => f.status === "loaded").map((f) => `${f.family} ${f.weight} ${f.style}`),
  }));
  await context.close();
  return { ...result, fontRequests };
}

test("no layout shift when the web fonts arrive", async () => {
  const pages = ["/", firstReport()];
  const screens = [
    { width: 1350, height: 940 },
    { width: 390, height: 844 },
  ];
  for (const url of pages) {
    for (const viewport of screens) {
      const { cls, loaded, fontRequests } = await shiftsWhileFontsArrive(url, viewport);
      console.log(`layout shift ${url} ${viewport.width}x${viewport.height}: ${cls.toFixed(4)}`);
      assert.ok(fontRequests > 0, `${url}: no font was requested`);
      assert.ok(
        loaded.some((f) => f.startsWith("Atkinson Hyperlegible 400 normal")),
        `${url}: the web font never loaded (${loaded.join(", ")})`,
      );
      assert.ok(
        cls < LIMIT,
        `${url} at ${viewport.width}×${viewport.height}: the fonts moved the page, layout shift ${cls.toFixed(4)} (limit ${LIMIT})`,
      );
    }
  }
});
