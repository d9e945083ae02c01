#!/usr/bin/env node
// Speed work changes no output, checked against the output before it: a SHA-256 digest of the
// extraction result of every document of the shared dev and real corpora, kept in
// src/pipeline/fixtures/output-digests.json (digests only: the corpora are other people's words).
//   node scripts/output-digests.mjs           compare today's output with the kept digests
//   node scripts/output-digests.mjs --write   keep today's digests (after a change meant to
//                                             change output, e.g. a new rule, with the eval beside it)
// Exit 0 when every digest agrees, 1 with the differing documents listed, 3 when the corpora are absent.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const CORPORA = ["corpus/dev", "corpus/real"];
const file = process.env.PARLEY_DIGESTS ?? path.join(root, "src/pipeline/fixtures/output-digests.json");

/** Digest of each corpus document's extraction result, keyed by corpus/NAME. */
export async function digests() {
  const { extractRaw } = await import(path.join(root, "dist/pipeline/index.js"));
  const out = {};
  for (const corpus of CORPORA) {
    const dir = path.join(shared, corpus);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
      const key = `${corpus}/${f}`;
      const r = extractRaw({ name: f.slice(0, -4), origin: key, bytes: fs.readFileSync(path.join(dir, f)) });
      out[key] = crypto.createHash("sha256").update(JSON.stringify(r)).digest("hex").slice(0, 32);
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!CORPORA.every((c) => fs.existsSync(path.join(shared, c)))) {
    console.log(`skipped: the corpora are not at ${shared}`);
    process.exit(3);
  }
  const now = await digests();
  if (process.argv.includes("--write")) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(now, null, 1) + "\n");
    console.log(`kept ${Object.keys(now).length} digests in ${path.relative(root, file)}`);
    process.exit(0);
  }
  const kept = JSON.parse(fs.readFileSync(file, "utf8"));
  const names = [...new Set([...Object.keys(kept), ...Object.keys(now)])].sort();
  const differ = names.filter((k) => kept[k] !== now[k]);
  for (const k of differ) console.log(`${k}: ${kept[k] ? (now[k] ? "output changed" : "document gone") : "new document"}`);
  console.log(differ.length ? `outputs differ: ${differ.length} of ${names.length} documents` : `same output: ${names.length} documents`);
  process.exit(differ.length ? 1 : 0);
}
