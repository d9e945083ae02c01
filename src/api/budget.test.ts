// The time budget of POST /api/documents: a document over it answers 422 naming it, the server
// goes on, and what was stored stays.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { openStore } from "../store/index.js";
import { buildServer } from "./server.js";

const text = "Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on Tuesday.";

async function serverWith(timeBudgetMs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-budget-"));
  const store = await openStore(path.join(dir, "b.db"));
  const app = await buildServer({ store, noAuth: true, logger: false, timeBudgetMs });
  return { app, store, close: async () => { await app.close(); await store.close(); } };
}

const post = (app: Awaited<ReturnType<typeof serverWith>>["app"], name: string) =>
  app.inject({ method: "POST", url: `/api/documents?name=${name}`, headers: { "content-type": "text/plain" }, payload: text });

test("a posted document over the time budget answers 422 naming it; the server goes on", async () => {
  const s = await serverWith(1);
  try {
    const r = await post(s.app, "slow.txt");
    assert.equal(r.statusCode, 422, r.body);
    assert.match(r.json().error.message, /slow.*time budget/s);
    assert.equal((await s.store.counts()).documents, 0);
  } finally {
    await s.close();
  }
  const ok = await serverWith(60_000);
  try {
    const r = await post(ok.app, "fine.txt");
    assert.equal(r.statusCode, 201, r.body);
    assert.ok((await ok.store.counts()).events >= 1);
  } finally {
    await ok.close();
  }
});
