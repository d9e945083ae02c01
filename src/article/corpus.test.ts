// Measures the article stage against the development corpus, when it is present:
// body token F1 (kept paragraphs vs the gold body between body_first and body_last),
// exact title and publication date.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseTextDump } from "./index.js";

// ../shared beside the project (dist/article -> project root -> ..), or PARLEY_DEV_CORPUS.
const CORPUS = process.env.PARLEY_DEV_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/dev");

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function tokenF1(got: string, want: string): number {
  const g = tokens(got);
  const w = tokens(want);
  if (g.length === 0 && w.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of w) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of g) {
    const c = counts.get(t) ?? 0;
    if (c > 0) { overlap++; counts.set(t, c - 1); }
  }
  if (overlap === 0) return 0;
  const p = overlap / g.length;
  const r = overlap / w.length;
  return (2 * p * r) / (p + r);
}

test("article stage on the development corpus", { skip: !existsSync(CORPUS) && `no corpus at ${CORPUS}` }, () => {
  const names = readdirSync(CORPUS).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -".gold.json".length));
  let f1Sum = 0, titles = 0, dates = 0;
  const report: string[] = [];
  for (const name of names) {
    const gold = JSON.parse(readFileSync(join(CORPUS, `${name}.gold.json`), "utf8"));
    const text = readFileSync(join(CORPUS, `${name}.txt`), "utf8");
    const art = parseTextDump({ name, origin: name, text, encoding: "UTF-8" });
    const a = text.indexOf(gold.body_first);
    const b = text.indexOf(gold.body_last, a);
    const goldBody = a >= 0 && b >= 0 ? text.slice(a, b + gold.body_last.length) : "";
    const body = art.paragraphs.map((p) => text.slice(p.start, p.end)).join("\n");
    const f1 = tokenF1(body, goldBody);
    f1Sum += f1;
    const titleOk = art.title === gold.title;
    const dateOk = art.published === gold.published;
    titles += Number(titleOk);
    dates += Number(dateOk);
    if (f1 < 0.99 || !titleOk || !dateOk || process.env.PARLEY_VERBOSE) {
      report.push(`${name}: F1=${f1.toFixed(3)} title=${titleOk ? "ok" : JSON.stringify(art.title)} ` +
        `published=${dateOk ? "ok" : `${art.published} (gold ${gold.published})`} source=${art.source} (gold ${gold.source}) ` +
        `dateline=${JSON.stringify(art.dateline?.place ?? null)}`);
    }
  }
  const meanF1 = f1Sum / names.length;
  console.log(report.join("\n"));
  console.log(`article on ${names.length} dev docs: body token F1 ${meanF1.toFixed(4)}, title ${titles}/${names.length}, published ${dates}/${names.length}`);
  assert.ok(meanF1 >= 0.97, `body F1 ${meanF1}`);
});
