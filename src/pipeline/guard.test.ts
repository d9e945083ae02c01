import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingestPaths } from "../ingest/index.js";
import { openStore } from "../store/index.js";
import { openExtractor, TimeBudgetError, WorkerExtractor } from "./guard.js";

// Sentences written for these tests.
const SENTENCE = "President Emomali Rahmon met the Foreign Minister of Uzbekistan in Dushanbe on 12 May 2024 and discussed water and energy. ";
const SMALL = "Leaders discuss water\n\n" + SENTENCE + "The two sides signed an agreement on cooperation in energy.";
/** About 4 MB of prose: seconds of extraction on any machine, far past a one-second budget. */
const BIG = "A very long report\n\n" + SENTENCE.repeat(32_000);

test("guarded extractor: a document over its budget is stopped and named, its worker replaced, the next one extracted", async () => {
  const ex = openExtractor({ timeBudgetMs: 1000 });
  assert.ok(ex instanceof WorkerExtractor);
  try {
    await ex.ready();
    const t = performance.now();
    await assert.rejects(
      ex.extract({ kind: "text", doc: { name: "big", origin: "reports/big.txt", text: BIG, encoding: "UTF-8" } }),
      (e: unknown) => e instanceof TimeBudgetError && /^reports\/big\.txt: stopped after 1 s/.test((e as Error).message),
    );
    assert.ok(performance.now() - t < 10_000, "stopped near its budget, not when it would have finished");
    assert.equal(ex.replaced, 1);
    const small = await ex.extract({ kind: "text", doc: { name: "small", origin: "small.txt", text: SMALL, encoding: "UTF-8" } });
    assert.equal(small.result.id, "small");
    assert.ok(small.result.events.length >= 1, "the fresh worker extracts");
  } finally {
    await ex.close();
  }
});

test("guarded extractor: documents posted behind one over its budget are extracted by the fresh worker, on their own clocks", async () => {
  const ex = openExtractor({ timeBudgetMs: 1000 });
  try {
    await ex.ready();
    const doc = (name: string, text: string) => ({ kind: "text" as const, doc: { name, origin: `${name}.txt`, text, encoding: "UTF-8" } });
    // All three at once: the first small one waits in the worker's queue behind the big one.
    const [big, a, b] = await Promise.allSettled([ex.extract(doc("big", BIG)), ex.extract(doc("a", SMALL)), ex.extract(doc("b", SMALL))]);
    assert.equal(big.status, "rejected");
    assert.ok(big.status === "rejected" && big.reason instanceof TimeBudgetError);
    assert.ok(a.status === "fulfilled" && a.value.result.id === "a", "the document behind it is not lost");
    assert.ok(b.status === "fulfilled" && b.value.result.id === "b");
    assert.equal((ex as WorkerExtractor).replaced, 1);
  } finally {
    await ex.close();
  }
});

test("guarded extractor: errors keep their document and reason; without a budget one thread runs inline", async () => {
  const ex = openExtractor({ timeBudgetMs: 5000 });
  try {
    await assert.rejects(ex.extract({ kind: "file", file: "/nonexistent/x.txt" }), /\/nonexistent\/x\.txt: no such file/);
    await assert.rejects(ex.extract({ kind: "page", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), url: "http://x.test/a.png", contentType: "image/png" }),
      (e: unknown) => (e as { reason?: string }).reason === "not an HTML page (image/png)");
  } finally {
    await ex.close();
  }
  assert.ok(!(openExtractor({ timeBudgetMs: 0 }) instanceof WorkerExtractor));
});

test("ingest: a document over the time budget is reported by name and the batch goes on", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-budget-"));
  try {
    fs.mkdirSync(path.join(dir, "in"));
    fs.writeFileSync(path.join(dir, "in", "a-big.txt"), BIG);
    fs.writeFileSync(path.join(dir, "in", "b-small.txt"), SMALL);
    const store = await openStore(path.join(dir, "db.sqlite"));
    const errors: string[] = [];
    try {
      const s = await ingestPaths(store, [path.join(dir, "in")], { timeBudgetMs: 1000, workers: 1, onError: (m) => errors.push(m) });
      assert.equal(s.failed, 1);
      assert.equal(s.inserted, 1);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /a-big\.txt: stopped after 1 s: over the time budget/);
      assert.equal((await store.counts()).documents, 1);
    } finally {
      await store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
