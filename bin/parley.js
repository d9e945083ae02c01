#!/usr/bin/env node
// Entry point: the compiled CLI (npm install runs the build through "prepare").
import("../dist/cli/index.js").then((m) => m.main(process.argv)).catch((e) => {
  if (e && e.code === "ERR_MODULE_NOT_FOUND") console.error("parley: not built yet; run `npm install` or `npm run build` first");
  else console.error(e);
  process.exit(2);
});
