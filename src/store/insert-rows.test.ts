import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkSize } from "./chunks.js";
import { insertRows } from "./ingest.js";
import type { SqlAdapter } from "./sql.js";
import { pgUrl } from "./testing.js";

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

test("PostgreSQL: rows go in as column arrays, in order, every value as it was", { skip: pgUrl ? false : "PARLEY_PG_URL not set" }, async () => {
  const { PostgresAdapter } = await import("./postgres.js");
  const db = await PostgresAdapter.connect(pgUrl!);
  try {
    const rows: unknown[][] = [
      ['quote " and \\ backslash', 0.1 + 0.2, 1, null],
      ["{braces}, commas, NULL", -2.5e-300, 2 ** 40, "Абу-Даби"],
      ["", 3, -7, undefined],
      ...Array.from({ length: 2500 }, (_, i) => [`row ${i}`, i / 7, i, i % 3 ? `x${i}` : null]),
    ];
    const back = await db.transaction(async (tx) => {
      await tx.run("CREATE TEMP TABLE insert_rows_probe (id BIGSERIAL PRIMARY KEY, s TEXT, g DOUBLE PRECISION, n BIGINT, t TEXT) ON COMMIT DROP");
      await insertRows(tx, "insert_rows_probe", ["s", "g", "n", "t"], rows);
      return tx.all("SELECT id, s, g, n, t FROM insert_rows_probe ORDER BY id");
    });
    assert.deepEqual(back.map((r) => [r.s, r.g, Number(r.n), r.t]), rows.map((r) => [r[0], r[1], r[2], r[3] ?? null]));
    assert.deepEqual(back.map((r) => Number(r.id)), rows.map((_, i) => i + 1), "ids follow the rows' order");
  } finally {
    await db.close();
  }
});
