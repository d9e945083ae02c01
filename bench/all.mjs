#!/usr/bin/env node
// npm run bench: the extraction, storage, HTML-extraction, API and dashboard benchmarks, one after the other
// (each measures its own baseline in the same run). `npm run bench -- extract` runs one.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const all = { extract: "extract.mjs", store: "store.mjs", html: "html.mjs", article: "article.mjs", api: "api.mjs", dashboard: "dashboard.mjs" };
const chosen = process.argv.slice(2).filter((a) => a in all);
let failed = 0;
for (const name of chosen.length ? chosen : Object.keys(all)) {
  console.log(`\n## bench: ${name}\n`);
  const r = spawnSync(process.execPath, [path.join(here, all[name])], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
