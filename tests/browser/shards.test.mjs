// Search over a site big enough for a sharded index (more than 1,000 pages, so the index is
// split over pagefind/ and pagefind/deel-N/): one search finds the pages of every shard, and
// their links lead to the pages, not into the index folders.
//
// KENNIS_SHARDED_SITE names the built site folder; `cargo test --test browser` builds one with
// 1,100 pages, each saying "slotsom". Without it this test is skipped.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";

const site = process.env.KENNIS_SHARDED_SITE;
const PAGES = 1100;
let server;
let base;
let browser;

before(async () => {
  if (!site) return;
  assert.ok(fs.existsSync(path.join(site, "pagefind", "deel-2")), "the index has no second shard");
  server = await serve(site);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test("one search finds the pages of every shard, with working links", { skip: !site && "KENNIS_SHARDED_SITE is not set" }, async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}/zoeken/?q=slotsom`);
  const status = page.locator("[data-search-status]");
  await page.waitForFunction(() => /resultaten/.test(document.querySelector("[data-search-status]").textContent));
  assert.match(await status.textContent(), new RegExp(`^${PAGES} resultaten`));
  const first = page.locator("[data-search-results] a").first();
  const href = await first.getAttribute("href");
  assert.match(href, /^\/paginas\/p\d+\/$/);
  await first.click();
  await page.waitForURL(`${base}${href}`);
  assert.match(await page.locator("h1").textContent(), /^Pagina \d+$/);
  assert.deepEqual(failed, []);
  await context.close();
});
