import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkSize } from "./chunks.js";
import { insertRows } from "./ingest.js";
import type { SqlAdapter } from "./sql.js";

test("multi-row inserts use a few fixed row counts, so their statements stay prepared", async () => {
  const statements: { sql: string; params: unknown[] }[] = [];
  const tx = { kind: "sqlite", run: async (sql: string, params: unknown[] = []) => (statements.push({ sql, params }), { changes: 0 }) } as unknown as SqlAdapter;
  const rows = Array.from({ length: 347 }, (_, i) => [i, `v${i}`]);
  await insertRows(tx, "t", ["a", "b"], rows);
  // Every row is written once, in order.
  assert.deepEqual(statements.flatMap((s) => s.params), rows.flat());
  // 347 = 256 + 64 + 16 + 4 + 4 + 1 + 1 + 1: the statement texts come from a fixed set.
  const counts = statements.map((s) => s.params.length / 2);
  assert.deepEqual(counts, [256, 64, 16, 4, 4, 1, 1, 1]);
  for (const s of statements) assert.equal(s.sql.split("(?, ?)").length - 1, s.params.length / 2);
});

test("a chunk never exceeds the statement's parameter cap", () => {
  for (let n = 1; n <= 700; n++) for (const maxRows of [1, 3, 50, 400, 4000]) {
    const size = chunkSize(n, maxRows);
    assert.ok(size >= 1 && size <= n && size <= maxRows, `n=${n} maxRows=${maxRows} -> ${size}`);
  }
});
