#!/usr/bin/env node
// Prints each event of a document with its trigger and sentence: for looking at errors.
import path from "node:path";
import { fileURLToPath } from "node:url";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { readDocument } = await import(path.join(root, "dist/input/index.js"));
const { extractText } = await import(path.join(root, "dist/pipeline/index.js"));
for (const f of process.argv.slice(2)) {
  const r = extractText(readDocument(f));
  console.log(`== ${r.id} [${r.lang}] published ${r.published}`);
  for (const e of r.events) {
    const sides = e.actors.map((a) => `${a.country}${a.name ? "(" + a.name + ")" : ""}`).join(" ");
    console.log(`${e.status ? "  (" + e.status + ") " : ""}${e.type}/${e.mode} ${e.date} ${sides} loc=${e.location?.city ?? ""}/${e.location?.country ?? ""} [${e.trigger.text}]`);
    console.log(`      ${e.evidence.sentence.slice(0, 220)}`);
  }
}
