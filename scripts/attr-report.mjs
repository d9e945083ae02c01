#!/usr/bin/env node
// Event attributes on a scored corpus: for every event the shared scorer matches (same type,
// same set of countries; greedy, best date and mode first, as ../shared/eval/score.mjs does), each
// person, role and location that is wrong or missing, with the gold value, the predicted value
// and the sentence the event was read from. Reads the predictions `npm run eval` wrote.
//
//   node scripts/attr-report.mjs [real|dev] [--kind person|role|location] [--json]
//
// The matching and the name comparison follow the scorer; change both together.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The same edit distance as the extractor's name matching (run after `npx tsc`).
const { editDistance } = await import(path.join(root, "dist/text/distance.js"));
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const args = process.argv.slice(2);
const set = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--kind") ?? "real";
const kindAt = args.indexOf("--kind");
const onlyKind = kindAt >= 0 ? args[kindAt + 1] : null;
const goldDir = path.join(shared, "corpus", set);
const predDir = path.join(process.env.PARLEY_EVAL_OUT ?? path.join(root, "out/eval"), set);
if (!fs.existsSync(predDir)) {
  console.error(`no predictions in ${predDir}: run \`npm run eval -- --set ${set}\` first`);
  process.exit(2);
}

export const fold = (s) =>
  String(s ?? "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, " ").replace(/\s+/g, " ").trim();
const close = (a, b) => a === b || (Math.min(a.length, b.length) >= 4 && editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 5)));
function sameName(g, p) {
  if (!g || !p) return false;
  const gt = fold(g).split(" ").filter((t) => t.length > 2);
  const pt = fold(p).split(" ").filter((t) => t.length > 2);
  return gt.some((a) => pt.some((b) => close(a, b)));
}
const countries = (ev) => [...new Set((ev.actors ?? []).map((a) => a?.country).filter(Boolean))].sort();
const sameSet = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function dateOk(g, p) {
  if (!g) return true;
  if (!p) return false;
  if (p.length >= g.length) return p.startsWith(g) || Math.abs(Date.parse(p) - Date.parse(g)) <= 86400000;
  return false;
}

const rows = [];
const tally = { person: [0, 0], role: [0, 0], location: [0, 0] };
for (const name of fs.readdirSync(goldDir).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -10)).sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(goldDir, name + ".gold.json"), "utf8"));
  const pf = path.join(predDir, name + ".json");
  const pred = fs.existsSync(pf) ? JSON.parse(fs.readFileSync(pf, "utf8")) : {};
  const pev = (pred.events ?? []).filter((e) => !["planned", "denied", "hypothetical"].includes(e?.status));
  const used = new Set();
  (gold.events ?? []).forEach((g, gi) => {
    const gc = countries(g);
    let best = -1, bestScore = -1;
    pev.forEach((p, i) => {
      if (used.has(i) || p?.type !== g.type || !sameSet(countries(p), gc)) return;
      const s = (dateOk(g.date, p.date) ? 2 : 0) + ((p.mode ?? null) === (g.mode ?? null) ? 1 : 0);
      if (s > bestScore) { best = i; bestScore = s; }
    });
    if (best < 0) return;
    used.add(best);
    const p = pev[best];
    const at = { doc: name, event: gi, type: `${g.type}/${g.mode ?? "-"}`, date: g.date ?? null, sentence: p.evidence?.sentence ?? "" };
    const note = (kind, ok, goldValue, predValue) => {
      tally[kind][1]++;
      if (ok) tally[kind][0]++;
      else rows.push({ ...at, kind, gold: goldValue, pred: predValue });
    };
    for (const ga of g.actors ?? []) {
      const pa = (p.actors ?? []).find((a) => a?.country === ga.country) ?? {};
      if (ga.name) note("person", sameName(ga.name, pa.name), `${ga.country} ${ga.name}`, `${ga.country} ${pa.name ?? "-"} (${pa.role ?? "-"})`);
      if (ga.role) note("role", pa.role === ga.role, `${ga.country} ${ga.role} (${ga.name ?? "-"})`, `${ga.country} ${pa.role ?? "-"} (${pa.name ?? "-"})`);
    }
    if (g.location) {
      const pl = p.location ?? {};
      const ok = pl.country === g.location.country && (!g.location.city || sameName(g.location.city, pl.city));
      note("location", ok, `${g.location.city ?? "-"}, ${g.location.country}`, p.location ? `${pl.city ?? "-"}, ${pl.country ?? "-"}` : "none");
    }
  });
}

const shown = rows.filter((r) => !onlyKind || r.kind === onlyKind);
if (args.includes("--json")) console.log(JSON.stringify({ tally, rows: shown }, null, 2));
else {
  for (const r of shown) {
    console.log(`${r.kind.padEnd(8)} ${r.doc}#${r.event} ${r.type} ${r.date ?? ""}`);
    console.log(`   gold ${r.gold}\n   pred ${r.pred}`);
    if (r.sentence) console.log(`   from «${r.sentence.replace(/\s+/g, " ").slice(0, 220)}»`);
  }
  for (const [k, [ok, of]] of Object.entries(tally)) console.log(`${k.padEnd(8)} ${of ? ((100 * ok) / of).toFixed(1) : "n/a"}% (${ok}/${of})`);
}
