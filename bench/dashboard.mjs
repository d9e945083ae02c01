#!/usr/bin/env node
// The dashboard's first meaningful paint (issue 11): `parley serve` with its built assets over a
// store of >= 100,000 events, the overview opened in headless Chromium (Debian's chromium via
// playwright-core), the time from navigation start until the overview's chart is in the page
// (performance mark "parley:overview-chart", set in the frame after the chart is inserted),
// beside First Contentful Paint and the time until every overview section has its data.
// One running server (as users meet it); cold runs use a fresh browser profile each (no HTTP
// cache), warm runs reload in the same browser. Also prints the built assets' gzip sizes
// against their budget.
//   BENCH_EVENTS      events in the database (default 100000)
//   BENCH_DASH_RUNS   runs of each kind (default 5)
//   BENCH_DASH_DB     reuse (or keep) the SQLite database at this path
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, sharedOrSkip } from "./lib/paths.mjs";
import { percentile } from "./lib/stats.mjs";
import { buildEventsDb } from "./lib/events-db.mjs";

const corpus = sharedOrSkip("bench dashboard", "corpus/dev");
const TARGET = Number(process.env.BENCH_EVENTS ?? 100000);
const RUNS = Number(process.env.BENCH_DASH_RUNS ?? 5);
const AIM_MS = 1000;

const { browserMissing, launchBrowser } = await import(`${root}/dist/api/browser.js`);
const { WEB_DIR } = await import(`${root}/dist/api/web.js`);
const missing = browserMissing() ?? (fs.existsSync(path.join(WEB_DIR, "index.html")) ? null : `${WEB_DIR} is not built (npm run build:web)`);
if (missing) {
  console.log(`bench dashboard skipped: ${missing}`);
  process.exit(0);
}
const { openStore } = await import(`${root}/dist/store/index.js`);
const { buildServer } = await import(`${root}/dist/api/server.js`);
const { assetSizes, BUDGET_KB } = await import(`${root}/dist/api/assets.js`);

const log = (m) => process.stderr.write(m + "\n");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "parley-bench-dash-"));
const report = { date: new Date().toISOString(), node: process.version, cores: os.availableParallelism(), loadavg: os.loadavg()[0], aim_ms: AIM_MS, db: null };

/** One page load: navigation to the overview's chart, FCP, all sections loaded. */
async function measure(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.overviewReady === "1", null, { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector(".loading"), null, { timeout: 60_000 });
  const t = await page.evaluate(() => ({
    chart: performance.getEntriesByName("parley:overview-chart")[0]?.startTime ?? null,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    all: performance.now(),
  }));
  return t;
}

/** Cold and warm runs against one running server over `file`. */
async function runs(file) {
  const out = { events: 0, cold: [], warm: [] };
  // One server for all runs, as users meet it: up and answering. Cold runs: a fresh browser
  // profile each (nothing cached); warm runs: reloads in one browser.
  const store = await openStore(file);
  const app = await buildServer({ store, readOnly: true, logger: false, web: WEB_DIR });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  out.events = (await store.counts()).events;
  await (await fetch(base + "/api/series?by=month&group=family")).text(); // the start-up computation done
  try {
    for (const kind of ["cold", "warm"]) {
      let browser = null;
      for (let i = 0; i < RUNS; i++) {
        if (kind === "cold" || !browser) {
          await browser?.close();
          browser = await launchBrowser();
          browser.page = browser.context.pages()[0] ?? (await browser.context.newPage());
        }
        const t = await measure(browser.page, base + "/");
        out[kind].push(t);
        log(`${out.events} events, ${kind} ${i + 1}: chart ${t.chart?.toFixed(0)} ms, FCP ${t.fcp?.toFixed(0)} ms, all sections ${t.all.toFixed(0)} ms`);
      }
      await browser?.close();
    }
  } finally {
    await app.close();
    await store.close();
  }
  return out;
}

try {
  let file = process.env.BENCH_DASH_DB;
  if (!file || !fs.existsSync(file)) {
    file ??= path.join(work, "dash.db");
    log(`database: growing to ${TARGET} events...`);
    report.db = await buildEventsDb(root, corpus, file, TARGET, log);
  }
  // The same runs over a small store (a few copies of the dev corpus): what the machine alone
  // costs (browser start, script parsing), apart from the store's size.
  const small = path.join(work, "small.db");
  await buildEventsDb(root, corpus, small, 1, log);
  report.large = await runs(file);
  report.small = await runs(small);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const stat = (rows, k) => ({ p50: percentile(rows.map((r) => r[k]), 50), max: Math.max(...rows.map((r) => r[k])) });
console.log(`Dashboard overview, headless Chromium, ${RUNS} runs each, ${report.cores} cores, load average ${report.loadavg.toFixed(1)} at the start`);
console.log("| store | load | chart in page p50 / max ms | FCP p50 ms | all sections p50 ms |");
console.log("|---|---|---:|---:|---:|");
for (const size of ["large", "small"]) {
  for (const kind of ["cold", "warm"]) {
    const rows = report[size][kind];
    const c = stat(rows, "chart"), f = stat(rows, "fcp"), a = stat(rows, "all");
    report[size][`${kind}_stats`] = { chart: c, fcp: f, all: a };
    console.log(`| ${report[size].events} events | ${kind} | ${c.p50.toFixed(0)} / ${c.max.toFixed(0)}${c.p50 > AIM_MS ? " (over aim)" : ""} | ${f.p50.toFixed(0)} | ${a.p50.toFixed(0)} |`);
  }
}
console.log(`(aim: the overview's chart under ${AIM_MS} ms over ${TARGET} events)`);
const s = assetSizes();
report.assets = s;
console.log("\n| assets (gzip) | KB | budget KB |\n|---|---:|---:|");
for (const k of ["overview", "charts", "map", "graph", "css"]) console.log(`| ${k} | ${s[k].toFixed(1)} | ${BUDGET_KB[k]} |`);
fs.mkdirSync(path.join(root, "out"), { recursive: true });
fs.writeFileSync(path.join(root, "out/bench-dashboard.json"), JSON.stringify(report, null, 2) + "\n");
console.log("\nwritten: out/bench-dashboard.json");
