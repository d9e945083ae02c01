// ingestPaths writes extracted documents in batches: a batch the store refuses is written again
// one document at a time, so only the document at fault fails and is reported by name.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { openStore, type IngestItem, type Store } from "../store/index.js";
import { InlineExtractor } from "../pipeline/guard.js";
import { ingestPaths } from "./index.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-ingest-batch-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("a refused batch is stored one document at a time; only the bad one fails", async () => {
  const dir = path.join(tmp, "in");
  fs.mkdirSync(dir);
  for (let i = 0; i < 12; i++) {
    fs.writeFileSync(path.join(dir, `n${String(i).padStart(2, "0")}.txt`), `Talks in Dushanbe\n\n2024-05-${String(10 + i)}\n\nPresident Emomali Rahmon met President Shavkat Mirziyoyev in Dushanbe on 2024-05-${10 + i}.\n`);
  }
  const real = await openStore(path.join(tmp, "s.db"));
  const batches: number[] = [];
  const bad = (origin: string) => origin.endsWith("n05.txt");
  // A store that refuses one document, alone or in a batch.
  const store: Store = Object.assign(Object.create(real) as Store, {
    ingestBatch: async (items: IngestItem[]) => {
      batches.push(items.length);
      if (items.some((i) => bad(i.meta.origin))) throw new Error("refused");
      return real.ingestBatch(items);
    },
    ingest: async (...a: Parameters<Store["ingest"]>) => {
      if (bad(a[0].origin)) throw new Error("refused");
      return real.ingest(...a);
    },
  });
  const errors: string[] = [];
  const s = await ingestPaths(store, [dir], { extractor: new InlineExtractor(), onError: (m) => errors.push(m) });
  assert.equal(s.inserted, 11);
  assert.equal(s.failed, 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /n05\.txt: not stored: refused/);
  assert.ok(batches.some((n) => n > 1), `documents went in batches: ${batches}`);
  assert.equal((await real.counts()).documents, 11);
  await real.close();
});
