// Where the project and ../shared are, for benches and scripts; exits with a message (status 0)
// when the shared folder is absent, so `npm run bench` / `npm run eval` skip instead of failing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");

/** The path under ../shared, or a skip message and exit when it is not there. */
export function sharedOrSkip(what, rel) {
  const p = path.join(shared, rel);
  if (!fs.existsSync(p)) {
    console.log(`${what} skipped: ${p} not found (set PARLEY_SHARED to the shared folder)`);
    process.exit(0);
  }
  return p;
}
