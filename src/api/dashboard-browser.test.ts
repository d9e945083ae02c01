// The dashboard end to end in headless Chromium: the dev corpus ingested into a fresh SQLite
// store, `parley serve`'s server on a loopback port, every page opened; map -> country, network
// graph -> dyad -> event -> the highlighted sentence in the document; searches in Russian and
// Arabic; bad URL parameters show a message; a pasted document is added. Each page's screenshot
// goes to docs/screenshots/ (PARLEY_SCREENSHOTS=DIR elsewhere).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../ingest/index.js";
import { openStore, type Store } from "../store/index.js";
import { browserMissing, launchBrowser } from "./browser.js";
import { buildServer } from "./server.js";
import { WEB_DIR } from "./web.js";

// Browser globals inside page.evaluate callbacks (this project compiles without the DOM library).
declare const location: { hash: string };
declare const document: { querySelector(s: string): { dataset: Record<string, string> } | null; body: unknown; documentElement: { scrollWidth: number; clientWidth: number } };
declare function getComputedStyle(el: unknown): { fill: string; direction: string; backgroundColor: string };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = process.env.PARLEY_DEV_CORPUS ?? path.resolve(ROOT, "../shared/corpus/dev");
const MAP_COUNTRY = "IRN";
const SHOTS = path.resolve(ROOT, process.env.PARLEY_SCREENSHOTS ?? "docs/screenshots");

const skip = browserMissing()
  ?? (fs.existsSync(CORPUS) ? null : `the dev corpus is not at ${CORPUS} (set PARLEY_DEV_CORPUS)`)
  ?? (fs.existsSync(path.join(WEB_DIR, "index.html")) ? null : `${WEB_DIR} is not built: run npm run build:web`);
if (skip) console.log(`# dashboard browser test skipped: ${skip}`);

describe("dashboard in headless Chromium", { skip: skip ?? false }, () => {
  let tmp: string, store: Store, app: FastifyInstance, base: string, page: Page, close: () => Promise<void>;
  const errors: string[] = [];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-dash-"));
    store = await openStore(path.join(tmp, "dash.db"));
    const s = await ingestPaths(store, [CORPUS], { workers: 1 });
    assert.ok(s.events > 20, `the dev corpus gives events (${s.events})`);
    app = await buildServer({ store, noAuth: true, logger: false, web: WEB_DIR });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    const b = await launchBrowser();
    close = b.close;
    page = b.context.pages()[0] ?? (await b.context.newPage());
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    // Nothing but this server: any other request fails the test.
    await page.route((u) => !u.href.startsWith(base) && !u.href.startsWith("data:"), (r) => {
      errors.push(`request to another origin: ${r.request().url()}`);
      return r.abort();
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await close?.();
    await app?.close();
    await store?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const go = (hash: string) => page.goto(`${base}/${hash}`);
  const shot = async (name: string) => {
    await page.waitForTimeout(150); // the last chart's layout settles
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  };
  const hash = () => page.evaluate(() => location.hash);

  test("overview: the chart by PLOVER family, dyads, languages, sources, latest events", async () => {
    await go("#/");
    await page.locator("[data-testid=overview-chart] svg").first().waitFor();
    // The mark is set once the chart has laid out, a frame after its SVG is in the page.
    await page.waitForFunction(() => (document.body as { dataset: Record<string, string> }).dataset.overviewReady === "1");
    const mark = await page.evaluate(() => performance.getEntriesByName("parley:overview-chart")[0]?.startTime ?? null);
    assert.ok(mark !== null && mark > 0, "the overview marks its first meaningful paint");
    // The other sections load after the chart: wait for them before counting.
    await page.locator("#dyads tbody tr").nth(2).waitFor();
    await page.locator("#latest a[data-event]").nth(4).waitFor();
    await page.locator("#languages li, #languages tr").first().waitFor();
    assert.ok(await page.locator("#dyads tbody tr").count() >= 3);
    assert.match(await page.locator("#languages").innerText(), /\bar\b[\s\S]*\bru\b|\bru\b[\s\S]*\bar\b/);
    assert.ok(await page.locator("#latest a[data-event]").count() >= 5);
    await shot("overview");
  });

  test("world map: countries shaded; a click opens the country", async () => {
    await go("#/map");
    // A compact country: the middle of its shape is on it (Playwright clicks the middle).
    const target = page.locator(`[data-testid=world-map] a[data-code="${MAP_COUNTRY}"]`);
    await target.waitFor();
    const fill = await page.locator(`[data-testid=world-map] path[data-code="${MAP_COUNTRY}"]`).evaluate((p) => getComputedStyle(p).fill);
    const none = await page.locator('[data-testid=world-map] path[data-code="BRA"]').evaluate((p) => getComputedStyle(p).fill);
    assert.notEqual(fill, none, "a country with events is shaded unlike one without");
    await shot("map");
    await target.click();
    await page.waitForFunction((c) => location.hash === `#/country/${c}`, MAP_COUNTRY);
    await page.locator("h1", { hasText: MAP_COUNTRY }).waitFor();
  });

  test("country: partners network, timelines, topics heatmap, persons; a graph node opens the dyad", async () => {
    const graph = page.locator("[data-testid=partner-graph]");
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=partner-graph]")?.dataset.rendered ?? 0) > 2);
    assert.ok(await graph.locator("canvas").count() >= 1, "the graph draws on a canvas");
    const edges = page.locator("[data-testid=partner-edges] a[data-partner]");
    assert.ok(await edges.count() >= 3);
    assert.ok(await page.locator("#topics svg").count() >= 1, "the topics heatmap renders");
    assert.ok(await page.locator("#persons tbody tr").count() >= 1);
    await page.locator("#partner-timeline svg").first().waitFor();
    await graph.scrollIntoViewIfNeeded();
    await shot("country");
    // Click the strongest partner's node on the canvas.
    const partner = (await edges.first().getAttribute("data-partner"))!;
    const pos = JSON.parse((await graph.getAttribute("data-nodes"))!)[partner] as { x: number; y: number };
    const box = (await graph.boundingBox())!;
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await page.waitForFunction(([c, p]) => location.hash === `#/dyad/${c}-${p}`, [MAP_COUNTRY, partner]);
  });

  test("dyad: kinds over time, Goldstein, topics, figures, events; an event opens", async () => {
    await page.locator("[data-testid=dyad-kinds] svg").first().waitFor();
    await page.locator("#goldstein svg").first().waitFor();
    const first = page.locator("#dyad-events a[data-event]").first();
    await first.waitFor();
    await shot("dyad");
    const id = await first.getAttribute("data-event");
    await first.click();
    await page.waitForFunction((i) => location.hash === `#/event/${i}`, id);
  });

  test("event: sides, reports with the evidence highlighted; on to the document", async () => {
    const ev = page.locator("[data-testid=report] [data-testid=evidence]").first();
    await ev.waitFor();
    const sentence = (await ev.innerText()).trim();
    assert.ok(sentence.length > 10);
    assert.match(await page.locator("#what").innerText(), /CAMEO/);
    assert.ok(await page.locator("#sides tbody tr").count() >= 2);
    assert.match(await page.locator("[data-testid=report]").first().innerText(), /Why here: (first report|merged)/);
    await shot("event");
    await page.locator("[data-testid=open-document]").first().click();
    await page.waitForFunction(() => /^#\/document\/\d+\?event=\d+$/.test(location.hash));
    const highlighted = page.locator("[data-testid=article] [data-testid=evidence]");
    await highlighted.first().waitFor();
    const text = (await highlighted.allInnerTexts()).join("").replace(/\s+/g, " ").trim();
    assert.ok(text.includes(sentence.replace(/\s+/g, " ").slice(0, 40)), "the document highlights the event's sentence");
    assert.ok(await page.locator("[data-testid=article] mark a[href^='#/event/']").count() >= 1, "mentions link to their events");
    await shot("document");
  });

  test("an Arabic document reads right to left", async () => {
    const docs = (await (await fetch(`${base}/api/documents?lang=ar&limit=1`)).json()) as { documents: { id: number }[] };
    assert.ok(docs.documents.length, "the dev corpus has an Arabic document");
    await go(`#/document/${docs.documents[0].id}`);
    const article = page.locator("[data-testid=article]");
    await article.waitFor();
    assert.equal(await article.getAttribute("dir"), "rtl");
    assert.equal(await article.evaluate((el) => getComputedStyle(el).direction), "rtl");
    await shot("document-ar");
  });

  for (const [lang, q] of [["ru", "Путин"], ["ar", "السعودية"]] as const) {
    test(`search in ${lang === "ru" ? "Russian" : "Arabic"}`, async () => {
      await go("#/search");
      await page.locator("[data-testid=search-input]").fill(q);
      await page.locator("[data-testid=search-input]").press("Enter");
      await page.waitForFunction((w) => decodeURIComponent(location.hash).includes(`q=${w}`), q);
      const hits = page.locator("[data-testid=hits] li");
      await hits.first().waitFor();
      assert.ok(await hits.count() >= 1);
      assert.ok((await page.locator("[data-testid=hits] a[href^='#/document/']").count()) >= 1, "hits link to the reader");
      if (lang === "ru") await shot("search");
    });
  }

  test("bad URL parameters show a clear message, not a blank page", async () => {
    for (const [h, want] of [
      ["#/country/abc", /'abc' is not a country/],
      ["#/event/xyz", /'xyz' is not a number/],
      ["#/?since=2020-13", /since: '2020-13' is not a date/],
      ["#/map?metric=colour", /metric: 'colour' is not one of/],
      ["#/dyad/TJK", /two sides joined by a dash/],
      ["#/dyad/TJK-QQQ", /unknown country or organisation code 'QQQ'/],
      ["#/event/99999999", /no event 99999999/],
      ["#/nowhere", /not a page of this dashboard/],
    ] as const) {
      await go(h);
      const box = page.locator("[data-testid=error]");
      await box.first().waitFor();
      assert.match(await box.first().innerText(), want, h);
      if (h === "#/country/abc") await shot("error");
    }
  });

  test("add a document: pasted text is extracted and linked", async () => {
    await go("#/add");
    await page.locator("textarea[name=text]").fill("Dushanbe, 3 March 2025. President of Tajikistan Emomali Rahmon met President of Kyrgyzstan Sadyr Japarov in Dushanbe on Monday. The sides discussed water and border issues.");
    await page.locator("#add-form button[type=submit]").click();
    const added = page.locator("[data-testid=added]");
    await added.waitFor({ timeout: 60_000 });
    assert.match(await added.innerText(), /inserted/);
    await shot("add");
  });

  test("phone width and dark mode stay readable", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    await go("#/");
    await page.locator("[data-testid=overview-chart] svg").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, "rgb(247, 247, 244)", "dark background");
    await shot("overview-phone-dark");
  });

  test("no page error and no request to another origin", () => {
    assert.deepEqual(errors, []);
  });
});
