// Browser tests of a built kennis site in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): site search on /zoeken/ and the audience filter of
// /aanbevelingen/, with and without JavaScript.
//
// Run: `npm ci --prefix tests/browser && node --test tests/browser/` after `kennis build`.
// KENNIS_SITE names the built site folder (default: output/kennisnetwerk under the repo root).
// The site is served from a throw-away HTTP server on 127.0.0.1, and Chromium resolves no other
// host, so these tests also prove that search works offline.

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
const TIMEOUT = 15_000;

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
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Offline: nothing but the local server resolves.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/**
 * A new page in its own context that records console errors, uncaught exceptions and failed
 * or 4xx/5xx requests; `check()` fails the test if there were any.
 */
async function open(options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    // Chromium asks for /favicon.ico on its own; the site has none, and that is no error of it.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) {
      problems.push(`console.error: ${m.text()} at ${m.location().url}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    page,
    check() {
      assert.deepEqual(problems, [], "the page logged errors or failed requests");
    },
    close: () => context.close(),
  };
}

/** The site-relative paths of the result links, in order. */
async function resultPaths(page) {
  const hrefs = await page.locator("[data-search-results] li a").evaluateAll((as) => as.map((a) => a.href));
  return hrefs.map((h) => new URL(h).pathname);
}

/** Waits until the status line has text (the search finished) and returns it. */
async function statusText(page) {
  const status = page.getByRole("status");
  await page.waitForFunction(
    () => document.querySelector("[data-search-status]")?.textContent.trim() !== "",
  );
  return (await status.textContent()).trim();
}

test("(a) /zoeken/?q=grijze gebied lists Al doende leren, and the link works", async () => {
  const { page, check, close } = await open();
  try {
    await page.goto(`${base}/zoeken/?q=grijze%20gebied`);
    const status = await statusText(page);
    assert.match(status, /^\d+ resulta(at|ten) voor ‘grijze gebied’\./);
    assert.equal(await page.getByLabel("Zoek in alle rapporten en pagina's").inputValue(), "grijze gebied");
    const paths = await resultPaths(page);
    // The report the phrase comes from ranks near the top, above the pages that list it.
    const rank = paths.indexOf("/rapporten/al-doende-leren/");
    assert.ok(rank >= 0 && rank < 3, `Al doende leren not in the first 3 results: ${paths.join(", ")}`);

    // Each result shows an excerpt with the match marked.
    const result = page.locator("[data-search-results] li", {
      has: page.locator('a[href$="/rapporten/al-doende-leren/"]'),
    });
    assert.match((await result.locator("h2 a").textContent()).trim(), /^Al doende leren$/);
    assert.ok((await result.locator("mark").count()) > 0, "the excerpt marks the words found");

    await result.locator("h2 a").click();
    await page.waitForURL(/\/rapporten\/al-doende-leren\/$/);
    assert.equal((await page.locator("h1").textContent()).trim(), "Al doende leren");
    check();
  } finally {
    await close();
  }
});

test("(b) typing Nora in the search field and submitting lists her page", async () => {
  const { page, check, close } = await open();
  try {
    await page.goto(`${base}/zoeken/`);
    const form = page.getByRole("search");
    const field = form.getByLabel("Zoek in alle rapporten en pagina's");
    await field.fill("Nora");
    await field.press("Enter");
    await statusText(page);
    const paths = await resultPaths(page);
    assert.equal(paths[0], "/personas/nora/", `results: ${paths.join(", ")}`);
    // The query is in the address, so the result page can be shared or reloaded.
    assert.equal(new URL(page.url()).searchParams.get("q"), "Nora");

    // The button submits too.
    await field.fill("");
    await field.fill("Nora");
    await form.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length > 0);
    assert.ok((await resultPaths(page)).includes("/personas/nora/"));
    check();
  } finally {
    await close();
  }
});

test("(c) the status region announces the number of results", async () => {
  const { page, check, close } = await open();
  try {
    await page.goto(`${base}/zoeken/`);
    const status = page.locator("[data-search-status]");
    // A live region must be in the page, empty, before it speaks.
    assert.equal(await status.getAttribute("role"), "status");
    assert.equal(await status.getAttribute("aria-live"), "polite");
    assert.equal((await status.textContent()).trim(), "");

    const field = page.getByLabel("Zoek in alle rapporten en pagina's");
    await field.fill("nora");
    await field.press("Enter");
    const text = await statusText(page);
    const shown = await page.locator("[data-search-results] li").count();
    assert.ok(shown > 0, "no results for nora");
    const count = Number(text.match(/^(\d+) resulta/)?.[1]);
    assert.equal(count, shown, `status "${text}" vs ${shown} results listed`);
    assert.equal(text, `${shown} ${shown === 1 ? "resultaat" : "resultaten"} voor ‘nora’.`);

    // Nothing found is announced too, and the old results go.
    await field.fill("xqzwvjk");
    await field.press("Enter");
    await page.waitForFunction(() =>
      document.querySelector("[data-search-status]").textContent.startsWith("Geen resultaten"),
    );
    assert.equal((await status.textContent()).trim(), "Geen resultaten voor ‘xqzwvjk’.");
    assert.equal(await page.locator("[data-search-results] li").count(), 0);
    check();
  } finally {
    await close();
  }
});

/** [audience, visible] of every recommendation on the page. */
async function items(page) {
  const list = page.locator("[data-audience]");
  const out = [];
  for (let i = 0; i < (await list.count()); i++) {
    const item = list.nth(i);
    out.push([await item.getAttribute("data-audience"), await item.isVisible()]);
  }
  return out;
}

test("(d) with JavaScript, choosing Voor opleidingen shows only opleidingen", async () => {
  const { page, check, close } = await open();
  try {
    await page.goto(`${base}/aanbevelingen/`);
    const before = await items(page);
    assert.ok(before.some(([a]) => a !== "opleidingen"), "the test needs other audiences too");
    assert.ok(before.every(([, visible]) => visible), "all recommendations show at first");

    // The choice shows how many recommendations it gives: "Voor opleidingen (4)".
    const option = (await page.locator('#filter-doelgroep option[value="opleidingen"]').textContent()).trim();
    assert.match(option, /^Voor opleidingen \(\d+\)$/);
    await page.getByLabel("Doelgroep", { exact: true }).selectOption({ label: option });
    assert.equal(await page.locator("#filter-doelgroep").inputValue(), "opleidingen");
    const after = await items(page);
    const shown = after.filter(([, visible]) => visible);
    assert.ok(shown.length > 0, "no recommendation for opleidingen is shown");
    for (const [audience, visible] of after) {
      assert.equal(visible, audience === "opleidingen", `a recommendation for ${audience} is ${visible ? "shown" : "hidden"}`);
    }
    const status = (await page.locator("[data-filter-status]").textContent()).trim();
    assert.match(status, new RegExp(`^${shown.length} aanbeveling(en)? getoond$`));
    check();
  } finally {
    await close();
  }
});

test("(e) without JavaScript, the opleidingen link leads to only opleidingen", async () => {
  const { page, check, close } = await open({ javaScriptEnabled: false });
  try {
    await page.goto(`${base}/aanbevelingen/`);
    // The script's filter form stays hidden; the links do the work.
    assert.equal(await page.locator("[data-filter-form]").isVisible(), false);
    const link = page.getByRole("navigation", { name: "Filter op doelgroep" }).locator('a[href$="/aanbevelingen/opleidingen/"]');
    await link.click();
    await page.waitForURL(/\/aanbevelingen\/opleidingen\/$/);
    const list = await items(page);
    assert.ok(list.length > 0, "the opleidingen page lists no recommendations");
    for (const [audience, visible] of list) {
      assert.equal(audience, "opleidingen");
      assert.ok(visible);
    }
    check();
  } finally {
    await close();
  }
});

test("(f) without JavaScript, the search page says so and links to the browsable pages", async () => {
  const { page, check, close } = await open({ javaScriptEnabled: false });
  try {
    await page.goto(`${base}/zoeken/?q=nora`);
    const message = page.locator(".search-nojs");
    assert.ok(await message.isVisible(), "the no-JavaScript message is not shown");
    assert.match(await message.textContent(), /JavaScript/);
    const hrefs = await message.locator("a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(hrefs, ["/aanbevelingen/", "/themas/"]);
    check();
  } finally {
    await close();
  }
});
