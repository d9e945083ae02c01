#!/usr/bin/env node
// Whole-process baseline of bench/article.mjs: Readability.js on linkedom (the readability.mjs
// adapter) over every page of a folder, as one command would run it: start-up, reading,
// gunzip, the benchmark's own decoding, extraction and one JSON line per page on stdout.
//   node bench/adapters/readability-batch.mjs PAGES_DIR DECODER_MODULE
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { extract } from "./readability.mjs";

const [dir, decoder] = process.argv.slice(2);
const { decodeHtml } = await import(pathToFileURL(path.resolve(decoder)).href);
const lines = [];
for (const f of fs.readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort()) {
  let bytes = fs.readFileSync(path.join(dir, f));
  if (f.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
  let text = "";
  try {
    text = extract(decodeHtml(bytes).text) ?? "";
  } catch (e) {
    process.stderr.write(`readability: ${f}: ${e.message}\n`);
  }
  lines.push(JSON.stringify({ name: f.replace(/\.html?(\.gz)?$/, ""), text }));
  if (lines.length >= 64) process.stdout.write(lines.splice(0).join("\n") + "\n");
}
if (lines.length) process.stdout.write(lines.join("\n") + "\n");
