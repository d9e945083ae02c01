// The bench input: the dev corpus copied into a temp folder as many times as needed, with names
// made unique so ingest sees new documents (same bytes, new origins).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function corpusFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(dir, f));
}

/** Copy `files` round-robin into a new temp folder until `count` documents; returns the folder and paths. */
export function replicate(files, count, prefix = "parley-bench-store-") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const out = [];
  for (let i = 0; i < count; i++) {
    const src = files[i % files.length];
    const copy = Math.floor(i / files.length);
    const dest = path.join(dir, `${path.basename(src, ".txt")}__copy${String(copy).padStart(3, "0")}.txt`);
    fs.copyFileSync(src, dest);
    out.push(dest);
  }
  return { dir, files: out };
}
