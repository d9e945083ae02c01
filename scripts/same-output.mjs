#!/usr/bin/env node
// Speed work must change no output. Compares `parley extract` output folders file by file:
//   node scripts/same-output.mjs DIR_A DIR_B       two folders of NAME.json
//   node scripts/same-output.mjs --run PATH...     extracts PATH... twice in this run, on the
//       plain path (the lexicon built from the data files, PARLEY_LEXICON_CACHE=0) and on the
//       compiled one (the lexicon read back from a snapshot made first), and compares the two
// Exit 0 when identical, 1 with the differing files listed, 2 on usage errors.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Names present in only one folder and names whose bytes differ (with the first differing line). */
export function compareFolders(a, b) {
  const list = (d) => fs.readdirSync(d).filter((f) => f.endsWith(".json")).sort();
  const la = list(a), lb = list(b);
  const onlyA = la.filter((f) => !lb.includes(f)), onlyB = lb.filter((f) => !la.includes(f));
  const differ = [];
  for (const f of la.filter((f) => lb.includes(f))) {
    const x = fs.readFileSync(path.join(a, f), "utf8"), y = fs.readFileSync(path.join(b, f), "utf8");
    if (x === y) continue;
    const xs = x.split("\n"), ys = y.split("\n");
    const i = xs.findIndex((line, k) => line !== ys[k]);
    differ.push({ file: f, line: i + 1, a: (xs[i] ?? "").trim().slice(0, 160), b: (ys[i] ?? "").trim().slice(0, 160) });
  }
  return { files: la.length, onlyA, onlyB, differ, same: !onlyA.length && !onlyB.length && !differ.length };
}

function extract(paths, out, env) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/parley.js"), "extract", "-q", "--pretty", "--out", out, ...paths], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`extract failed (${r.status}): ${r.stderr}`);
}

/** Plain path vs compiled path over the same inputs, in this run. */
export function runBoth(paths) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-same-"));
  try {
    const cache = path.join(tmp, "cache");
    const plain = path.join(tmp, "plain"), compiled = path.join(tmp, "compiled");
    // The snapshot is made by one process and read by the next.
    const made = spawnSync(process.execPath, ["--input-type=module", "-e", `(await import(${JSON.stringify(new URL("../dist/lexicon/index.js", import.meta.url).href)})).loadLexicon();`], { env: { ...process.env, PARLEY_LEXICON_CACHE: cache } });
    if (made.status !== 0) throw new Error(`lexicon snapshot not made: ${made.stderr}`);
    if (!fs.readdirSync(cache).some((f) => f.endsWith(".v8"))) throw new Error("no lexicon snapshot written");
    extract(paths, plain, { PARLEY_LEXICON_CACHE: "0" });
    extract(paths, compiled, { PARLEY_LEXICON_CACHE: cache });
    return compareFolders(plain, compiled);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const r = args[0] === "--run" && args.length > 1 ? runBoth(args.slice(1)) : args.length === 2 ? compareFolders(args[0], args[1]) : null;
  if (!r) {
    console.error("usage: node scripts/same-output.mjs DIR_A DIR_B | --run PATH...");
    process.exit(2);
  }
  for (const f of r.onlyA) console.log(`only in the first: ${f}`);
  for (const f of r.onlyB) console.log(`only in the second: ${f}`);
  for (const d of r.differ) console.log(`${d.file}:${d.line}\n  - ${d.a}\n  + ${d.b}`);
  console.log(r.same ? `same output: ${r.files} documents` : `outputs differ: ${r.differ.length} documents differ, ${r.onlyA.length + r.onlyB.length} missing`);
  process.exit(r.same ? 0 : 1);
}
