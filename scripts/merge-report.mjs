#!/usr/bin/env node
// Cross-document merging on a corpus (`dev` by default, or `real`: node scripts/merge-report.mjs
// real): ingests ../shared/corpus/SET into a fresh SQLite database and reports events before
// merging (reports) and after (events), for every `same_event_as` pair in the gold files whether
// the two reports ended up in one event, and how many events merged from several documents are
// right (the gold links those documents by an event of the same type and countries).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, sharedOrSkip } from "../bench/lib/paths.mjs";

const set = process.argv[2] ?? "dev";
const corpus = sharedOrSkip("merge report", `corpus/${set}`);
const { openStore } = await import(path.join(root, "dist/store/index.js"));
const { ingestPaths } = await import(path.join(root, "dist/ingest/index.js"));
const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "parley-merge-")), "merge.db");
const store = await openStore(db);
// Only the corpus documents (NAME.txt), not its INDEX.md.
await ingestPaths(store, fs.readdirSync(corpus).filter((f) => f.endsWith(".txt")).map((f) => path.join(corpus, f)), { workers: 1 });
const counts = await store.counts();
const events = await store.events({});
const docsOf = (e) => new Set(e.reports.map((r) => r.document));
// Gold pairs: doc#i -> doc#j, and what each gold event is (type, countries, date).
const pairs = [];
for (const f of fs.readdirSync(corpus).filter((x) => x.endsWith(".gold.json"))) {
  const g = JSON.parse(fs.readFileSync(path.join(corpus, f), "utf8"));
  g.events.forEach((e, i) => {
    if (e.same_event_as && `${g.id}#${i}` < e.same_event_as) pairs.push({ a: g.id, b: e.same_event_as.split("#")[0], type: e.type, countries: [...new Set(e.actors.map((x) => x.country))].sort().join("-"), date: e.date });
  });
}
let merged = 0;
for (const p of pairs) {
  const sameDay = (e) => !p.date || (e.date ?? "").startsWith(p.date) || p.date.startsWith(e.date ?? "-");
  const ok = events.some((e) => e.type === p.type && [...new Set(e.actors.map((x) => x.country))].sort().join("-") === p.countries && sameDay(e) && docsOf(e).has(p.a) && docsOf(e).has(p.b));
  if (ok) merged++;
  console.log(`${ok ? "merged " : "apart  "} ${p.type} ${p.countries} ${p.date ?? ""}: ${p.a} + ${p.b}`);
}
const multiEvents = events.filter((e) => docsOf(e).size > 1);
const multi = multiEvents.length;
const countriesOf = (e) => [...new Set(e.actors.map((x) => x.country))].sort().join("-");
const right = multiEvents.filter((e) => {
  const docs = [...docsOf(e)];
  return docs.every((a, i) => docs.slice(i + 1).every((b) => pairs.some((p) => p.type === e.type && p.countries === countriesOf(e) && ((p.a === a && p.b === b) || (p.a === b && p.b === a)))));
}).length;
console.log(`\n${counts.documents} documents: ${counts.reports} reports before merging, ${counts.events} events after; ${multi} events reported by more than one document, ${right} of them right`);
console.log(`gold cross-document pairs merged: ${merged}/${pairs.length}`);
await store.close();
