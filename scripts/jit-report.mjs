#!/usr/bin/env node
// Where V8's optimising compiler spends its time on the pipeline: extracts N dev documents in a
// child process with --trace-opt --trace-deopt, then reports compile time per function (how much
// of it was recompiling after a deoptimisation) and each deoptimisation by source position and
// reason. Why: over a batch of a few hundred documents the compiler threads use about as much CPU
// as extraction itself, and each deoptimisation of a large function compiles it again.
//   node scripts/jit-report.mjs [N=2000]      (run `npx tsc -p tsconfig.json` first)
// The compile times are wall time on the compiler threads: compare runs made at the same load.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "../shared/corpus/dev");
if (!fs.existsSync(corpus)) {
  console.log(`jit-report: skipped, ${corpus} is not there`);
  process.exit(0);
}
const N = Number(process.argv[2] ?? 2000);
const child = `
  const fs = await import("node:fs");
  const { tuneJit } = await import(${JSON.stringify(path.join(root, "dist/cli/jit.js"))});
  tuneJit();
  const { decode } = await import(${JSON.stringify(path.join(root, "dist/decode/index.js"))});
  const { extractText } = await import(${JSON.stringify(path.join(root, "dist/pipeline/index.js"))});
  const dir = ${JSON.stringify(corpus)};
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ name: f, bytes: fs.readFileSync(dir + "/" + f) }));
  for (let n = 0; n < ${N}; n++) { const d = docs[n % docs.length]; extractText(decode({ name: d.name, origin: d.name, bytes: d.bytes })); }
`;
const r = spawnSync(process.execPath, ["--trace-opt", "--trace-deopt-verbose", "--input-type=module", "-e", child], { maxBuffer: 1 << 30, env: process.env });
if (r.status !== 0) {
  console.error(r.stderr.toString());
  process.exit(1);
}
const lines = r.stdout.toString("latin1").split("\n");

const compiles = new Map(); // function -> { n, ms, recompileMs }
const deopts = new Map(); // "file:line:col reason" -> { n, fns }
let totalMs = 0, recompileMs = 0, pending = null;
for (const line of lines) {
  const c = /completed compiling .*?<JSFunction ?([^ >(]*) ?\(sfi = (\w+)\).*took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
  if (c) {
    // Keyed by the function's shared info: anonymous functions are told apart.
    const key = c[2], ms = Number(c[3]) + Number(c[4]) + Number(c[5]);
    const e = compiles.get(key) ?? { name: c[1] || "(anonymous)", n: 0, ms: 0, recompileMs: 0 };
    if (e.n > 0) (e.recompileMs += ms), (recompileMs += ms);
    e.n++, (e.ms += ms), (totalMs += ms);
    compiles.set(key, e);
    continue;
  }
  const b = /bailout \(kind: ([^,]*), reason: ([^)]*)\).*?<JSFunction ?([^ >(]*)/.exec(line);
  if (b) {
    pending = { kind: b[1], reason: b[2], fn: b[3] || "(anonymous)" };
    continue;
  }
  const at = /deoptimize at <([^>]*)>/.exec(line);
  if (at && pending) {
    const where = at[1].replace(`file://${root}/`, "");
    const key = `${where} ${pending.reason}`;
    const e = deopts.get(key) ?? { n: 0, fns: new Set() };
    e.n++, e.fns.add(pending.fn);
    deopts.set(key, e);
    pending = null;
  }
}
console.log(`${N} documents: ${[...compiles.values()].reduce((s, e) => s + e.n, 0)} optimised compiles, ${Math.round(totalMs)} ms of compile time, ${Math.round(recompileMs)} ms of it recompiling`);
console.log("\nmost compile time (function, compiles, ms, of which recompiling):");
for (const e of [...compiles.values()].sort((a, b) => b.ms - a.ms).slice(0, 25)) console.log(`  ${e.name.padEnd(32)} ${String(e.n).padStart(3)} ${Math.round(e.ms).toString().padStart(6)} ${Math.round(e.recompileMs).toString().padStart(6)}`);
console.log(`\ndeoptimisations by source position (${[...deopts.values()].reduce((s, e) => s + e.n, 0)}):`);
for (const [key, e] of [...deopts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${e.n}x ${key} (in ${[...e.fns].join(", ")})`);
