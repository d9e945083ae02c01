#!/usr/bin/env node
// Reads the PETRARCH2 CAMEO verb dictionary (MIT, ../shared/data/petrarch2/CAMEO.2.0.txt) and
// prints, per CAMEO code, the verbs whose block defaults to that code and the patterns coded
// with it (verb in place of "*", synonym sets "&NAME" expanded to their first members). It is
// a reading aid for choosing English trigger phrases by hand, not a source copied into data/.
//
//   node scripts/cameo-phrases.mjs 11 12 16      codes starting with 11, 12 or 16
//   node scripts/cameo-phrases.mjs --file PATH 19
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let file = path.join(root, "../shared/data/petrarch2/CAMEO.2.0.txt");
const fi = args.indexOf("--file");
if (fi >= 0) { file = args[fi + 1]; args.splice(fi, 2); }
const prefixes = args.length ? args : [""];

const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
const synsets = new Map(); // &NAME -> members
const byCode = new Map(); // code -> { verbs: Set, patterns: Set }
const entry = (code) => {
  let e = byCode.get(code);
  if (!e) byCode.set(code, (e = { verbs: new Set(), patterns: new Set() }));
  return e;
};
const word = (w) => w.replace(/_+$/, "").replace(/_/g, " ").toLowerCase();
const expand = (tok) => {
  const m = synsets.get(tok.replace(/[{}()]/g, ""));
  return m ? `${tok.startsWith("(") ? "(" : ""}[${m.slice(0, 4).join("/")}${m.length > 4 ? "/…" : ""}]` : tok;
};

let section = "";
let set = null;
let block = null; // { code, verbs: string[] }
for (const raw of lines) {
  const line = raw.replace(/#.*$/, "").trimEnd();
  if (/^#{5,}\s*SYNONYM/.test(raw)) { section = "syn"; continue; }
  if (/^#{5,}\s*VERB PATTERNS/.test(raw)) { section = "verbs"; continue; }
  if (/^#{5,}\s*TRANSFORMATIONS/.test(raw)) { section = "done"; continue; }
  if (!line.trim()) continue;
  if (section === "syn") {
    if (line.startsWith("&")) { set = line.trim(); synsets.set(set, []); }
    else if (line.startsWith("+") && set) synsets.get(set).push(word(line.slice(1).trim()));
    continue;
  }
  if (section !== "verbs") continue;
  const head = line.match(/^---\s+(\S+)\s+\[([^\]]*)\]\s+---/);
  if (head) { block = { code: head[2], verbs: [] }; continue; }
  if (!block) continue;
  const pat = line.match(/^-\s+(.*?)\s+\[([^\]]+)\]\s*$/);
  if (pat) {
    const code = pat[2].replace(/^:/, "");
    const verb = (raw.match(/#\s*(\S+)/)?.[1] ?? block.verbs[0] ?? "*").toLowerCase();
    const text = pat[1].split(/\s+/).map((t) => (t === "*" ? verb.toUpperCase() : expand(t))).join(" ");
    entry(code).patterns.add(text.replace(/[{}]/g, "").toLowerCase());
    continue;
  }
  // a verb line: VERB {FORMS} [code]
  const v = line.match(/^\+?([A-Z][A-Z_']*)\s*(\{[^}]*\})?\s*(\[([^\]]+)\])?/);
  if (v) {
    const forms = v[2] ? v[2].replace(/[{}]/g, "").trim().split(/\s+/).map(word) : [];
    const w = [word(v[1]), ...forms].join(" ");
    block.verbs.push(word(v[1]));
    const code = v[4] ?? block.code;
    if (code && code !== "---") entry(code).verbs.add(w);
  }
}

const label = (() => {
  try { return JSON.parse(fs.readFileSync(path.join(root, "data/cameo.json"), "utf8")); } catch { return {}; }
})();
for (const code of [...byCode.keys()].sort()) {
  if (!prefixes.some((p) => code.startsWith(p))) continue;
  const e = byCode.get(code);
  const l = label[code] ? ` ${label[code].label} (Goldstein ${label[code].goldstein})` : "";
  console.log(`== ${code}${l}`);
  if (e.verbs.size) console.log(`  verbs: ${[...e.verbs].join("; ")}`);
  for (const p of e.patterns) console.log(`  - ${p}`);
}
