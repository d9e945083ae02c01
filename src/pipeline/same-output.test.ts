// Speed work changes no output: `parley extract` on the dev and real corpora gives the same
// files on the plain path (the lexicon built from the data files) and on the compiled path (the
// lexicon read back from its snapshot), both run here (scripts/same-output.mjs --run). Skipped
// when the shared corpora are not there.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const corpora = ["corpus/dev", "corpus/real"].map((c) => path.join(shared, c));
const script = path.join(root, "scripts/same-output.mjs");

test("extract output on the dev and real corpora: compiled lexicon path = plain path", { skip: !corpora.every((c) => fs.existsSync(c)) && "no ../shared corpora", timeout: 600_000 }, () => {
  const r = spawnSync(process.execPath, [script, "--run", ...corpora], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const m = /same output: (\d+) documents/.exec(r.stdout);
  assert.ok(m && Number(m[1]) >= 60, r.stdout);
});

test("extract output on the dev and real corpora: the same as when the kept digests were written", { skip: !corpora.every((c) => fs.existsSync(c)) && "no ../shared corpora", timeout: 300_000 }, () => {
  // Before/after: speed work must leave every digest as it was (scripts/output-digests.mjs --write
  // keeps new ones after a change meant to change output, with the eval beside it).
  const r = spawnSync(process.execPath, [path.join(root, "scripts/output-digests.mjs")], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /same output: \d+ documents/);
});

test("the digest check names a document whose output changed", { skip: !corpora.every((c) => fs.existsSync(c)) && "no ../shared corpora", timeout: 300_000 }, () => {
  const kept = JSON.parse(fs.readFileSync(path.join(root, "src/pipeline/fixtures/output-digests.json"), "utf8")) as Record<string, string>;
  const first = Object.keys(kept).sort()[0];
  const tmp = fs.mkdtempSync(path.join(root, ".digests-"));
  try {
    const altered = path.join(tmp, "digests.json");
    fs.writeFileSync(altered, JSON.stringify({ ...kept, [first]: "0".repeat(32) }));
    const r = spawnSync(process.execPath, [path.join(root, "scripts/output-digests.mjs")], { encoding: "utf8", env: { ...process.env, PARLEY_DIGESTS: altered } });
    assert.equal(r.status, 1);
    assert.ok(r.stdout.includes(`${first}: output changed`), r.stdout);
    assert.match(r.stdout, /outputs differ: 1 of/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("the comparison sees a changed document", () => {
  const tmp = fs.mkdtempSync(path.join(root, ".same-output-"));
  try {
    const a = path.join(tmp, "a"), b = path.join(tmp, "b");
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, "x.json"), '{\n  "events": []\n}\n');
    fs.writeFileSync(path.join(b, "x.json"), '{\n  "events": [1]\n}\n');
    fs.writeFileSync(path.join(a, "y.json"), "{}\n");
    const r = spawnSync(process.execPath, [script, a, b], { encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /x\.json:2/);
    assert.match(r.stdout, /only in the first: y\.json/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
