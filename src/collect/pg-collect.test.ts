// Two `collect` processes on one PostgreSQL frontier against the loopback news site, one of
// them killed (SIGKILL) mid-run: no page is fetched by both (only the one in flight at the kill
// may be fetched again), every article is stored exactly once, and the survivor finishes the
// frontier, taking over the killed collector's claims when their lease runs out. Skipped
// without PARLEY_PG_URL (.ci/run starts a server and sets it); runs in a database of its own.

import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../store/index.js";
import { startNewsSite } from "./fixture-site.js";

const pgUrl = process.env.PARLEY_PG_URL;
const ARTICLES = ["/en/kz-uz-water.html", "/en/tr-az-gas.html", "/ru/tokayev-mirziyoyev.html", "/ar/sisi-lavrov.html",
  "/fr/macron-tokaiev.html", "/es/albares-burita.html", "/en/broken-markup.html"];
const FEEDS = ["/rss.xml", "/atom.xml", "/feed.json", "/sitemap-index.xml", "/news-sitemap.xml", "/robots.txt"];

test("PostgreSQL frontier: two collectors, one killed mid-run: nothing fetched by both, every article stored once, the survivor finishes",
  { skip: pgUrl ? false : "PARLEY_PG_URL not set: PostgreSQL tests skipped (.ci/run starts a server and sets it)", timeout: 240_000 },
  async (t) => {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const dbName = `parley_collect_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${dbName}`;
    const db = url.toString();
    const site = await startNewsSite();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-pgcollect-"));
    const children: ChildProcess[] = [];
    try {
      const feeds = path.join(tmp, "feeds.txt");
      fs.writeFileSync(feeds, ["/rss.xml", "/atom.xml", "/feed.json", "/sitemap-index.xml"].map((p) => site.origin + p).join("\n"));
      const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "index.js");
      // Each collector repeats passes until no page is left due or claimed (a killed collector's
      // claims come due again when their 3 s lease runs out).
      const script = (name: string) => `
        const { collect } = await import(${JSON.stringify(entry)});
        const pg = (await import("pg")).default;
        const c = new pg.Client({ connectionString: ${JSON.stringify(db)} });
        await c.connect();
        for (let pass = 0; pass < 60; pass++) {
          await collect({ feeds: ${JSON.stringify(feeds)}, db: ${JSON.stringify(db)}, parallel: 1, leaseMs: 3000, retryAfterMs: 3600000,
            fetcher: { delayMs: 120, timeoutMs: 2000, retries: 0, maxBytes: 1048576, userAgent: "Parley-test-${name} (+https://example.org)" } });
          const r = await c.query("SELECT count(*) AS n FROM collect_frontier WHERE kind = 'page' AND next_fetch IS NOT NULL");
          if (Number(r.rows[0].n) === 0) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        await c.end();`;
      const run = (name: string) => {
        const child = spawn(process.execPath, ["--input-type=module", "-e", script(name)], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        child.stderr!.on("data", (d) => (err += d));
        children.push(child);
        return { child, exited: new Promise<number | null>((r) => child.once("exit", (code) => r(code))), stderr: () => err };
      };
      const articleHitsBy = (name: string) => site.requests.filter((r) => r.userAgent.startsWith(`Parley-test-${name}`) && ARTICLES.includes(r.path)).length;
      // A starts first; B joins once A has made its first request, so that both share the
      // frontier and A is sure to hold some pages (started together, the collector that loads
      // its lexicon first could take every page before the other asks for one).
      const a = run("A");
      await new Promise<void>((resolve, reject) => {
        const t0 = Date.now();
        const poll = setInterval(() => {
          if (site.requests.some((r) => r.userAgent.startsWith("Parley-test-A"))) {
            clearInterval(poll);
            resolve();
          } else if (Date.now() - t0 > 120_000) {
            clearInterval(poll);
            reject(new Error(`collector A made no request: ${a.stderr()}`));
          }
        }, 5);
      });
      const b = run("B");
      // Kill A once it has fetched an article and before the site is done.
      await new Promise<void>((resolve, reject) => {
        const t0 = Date.now();
        const poll = setInterval(() => {
          if (articleHitsBy("A") >= 1) {
            clearInterval(poll);
            a.child.kill("SIGKILL");
            resolve();
          } else if (Date.now() - t0 > 120_000) {
            clearInterval(poll);
            reject(new Error(`collector A fetched no article: ${a.stderr()}`));
          }
        }, 10);
      });
      await a.exited;
      const fetchedAtKill = ARTICLES.filter((p) => site.hits.has(p)).length;
      assert.ok(fetchedAtKill < ARTICLES.length, "A was killed before every article was fetched");
      assert.equal(await b.exited, 0, `the survivor exits cleanly: ${b.stderr()}`);

      // Pages (not feeds): none fetched twice, but the one A had in flight when it was killed.
      const pageHits = [...site.hits].filter(([p]) => !FEEDS.includes(p));
      const twice = pageHits.filter(([, n]) => n > 1).map(([p]) => p);
      assert.ok(twice.length <= 1, `fetched more than once: ${twice.join(", ")}`);
      for (const p of ARTICLES) assert.ok(site.hits.has(p), `${p} fetched`);
      assert.ok(articleHitsBy("B") >= 1, "the survivor fetched articles too");
      t.diagnostic(`articles fetched by A before the kill: ${articleHitsBy("A")}, by B: ${articleHitsBy("B")}; fetched twice: ${twice.join(", ") || "none"}`);

      const store = await openStore(db);
      try {
        assert.equal((await store.counts()).documents, ARTICLES.length, "every article stored exactly once");
        for (const p of ARTICLES) assert.ok(await store.documentHash(site.origin + p), `${p} stored`);
      } finally {
        await store.close();
      }
      const left = await new pg.Client({ connectionString: db });
      await left.connect();
      const r = await left.query("SELECT count(*) AS n FROM collect_frontier WHERE kind = 'page' AND (next_fetch IS NOT NULL OR claimed_until IS NOT NULL)");
      await left.end();
      assert.equal(Number(r.rows[0].n), 0, "the frontier is finished: nothing due, nothing claimed");
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
      await site.close();
      fs.rmSync(tmp, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  });
