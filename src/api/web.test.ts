// The dashboard's built assets: served at / with caching headers beside the API, open with
// --private (they hold no data), and within their size budget (gzip, see assets.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { openStore } from "../store/index.js";
import { buildServer } from "./server.js";
import { assetSizes, BUDGET_KB } from "./assets.js";
import { cacheControlOf, WEB_DIR } from "./web.js";

const built = fs.existsSync(path.join(WEB_DIR, "index.html"));
const skip = built ? false : `${WEB_DIR} is not built: run npm run build:web (npm install does it)`;

describe("dashboard assets", { skip }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-web-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("within the size budget (gzip)", () => {
    const s = assetSizes();
    for (const k of ["overview", "charts", "map", "graph", "css"] as const) assert.ok(s[k] < BUDGET_KB[k], `${k}: ${s[k].toFixed(1)} KB gzip, budget ${BUDGET_KB[k]} KB`);
    // The chart, map and network libraries stay out of the overview's download.
    assert.ok(s.charts > 50 && s.overview < 60, `the libraries are separate chunks (overview ${s.overview.toFixed(1)} KB, charts ${s.charts.toFixed(1)} KB)`);
  });

  test("served at / with caching headers, the API beside it, open with --private", async () => {
    const store = await openStore(path.join(tmp, "web.db"));
    const app = await buildServer({ store, token: "a-token-of-sixteen-chars", private: true, logger: false, web: WEB_DIR });
    try {
      const base = await app.listen({ port: 0, host: "127.0.0.1" });
      const index = await fetch(base + "/");
      assert.equal(index.status, 200);
      assert.equal(index.headers.get("cache-control"), "no-cache");
      assert.match(index.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      const html = await index.text();
      assert.doesNotMatch(html, /https?:\/\//, "index.html loads nothing from another origin");
      const js = /src="(\/assets\/[\w.-]+\.js)"/.exec(html)![1];
      const asset = await fetch(base + js);
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get("content-type") ?? "", /javascript/);
      assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.doesNotMatch(await asset.text(), /https?:\/\/(cdn|unpkg|fonts\.googleapis|tile)/, "no CDN, font or tile server");
      // The data still needs the token; a missing asset or API route is a JSON 404.
      assert.equal((await fetch(base + "/api/events")).status, 401);
      const missing = await fetch(base + "/assets/nope-12345678.js");
      assert.equal(missing.status, 404);
      assert.equal((await fetch(base + "/api/nope", { headers: { authorization: "Bearer a-token-of-sixteen-chars" } })).status, 404);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

test("cache control: hashed assets immutable, the rest revalidated", () => {
  assert.equal(cacheControlOf("/x/dist-web/assets/index-BTdRrUnC.js"), "public, max-age=31536000, immutable");
  assert.equal(cacheControlOf("/x/dist-web/assets/worldmap-5DPR93gS.js"), "public, max-age=31536000, immutable");
  assert.equal(cacheControlOf("/x/dist-web/index.html"), "no-cache");
  assert.equal(cacheControlOf("/x/dist-web/favicon.svg"), "no-cache");
});
