// For the store's tests: the stores to run them against (SQLite always, PostgreSQL when
// PARLEY_PG_URL names a server; each open starts from an empty schema) and a seeded generator.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStore } from "./index.js";
import type { Store } from "./types.js";

export const pgUrl = process.env.PARLEY_PG_URL;

/**
 * [name, open a fresh store] for SQLite (a new file under `tmp`) and, when there is one,
 * PostgreSQL: the server's database with an empty schema, or a database of its own (`database`,
 * made anew on each open) for tests that run beside others on the same server.
 */
export function storeBackends(tmp: string, database?: string): [string, () => Promise<Store>][] {
  const backends: [string, () => Promise<Store>][] = [["sqlite", () => openStore(path.join(tmp, `t${Math.random().toString(36).slice(2)}.db`))]];
  if (pgUrl) {
    backends.push(["postgres", async () => {
      const pg = (await import("pg")).default;
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      if (!database) await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      else {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${database}`);
      }
      await c.end();
      const u = new URL(pgUrl);
      if (database) u.pathname = `/${database}`;
      return openStore(u.toString());
    }]);
  }
  return backends;
}

/** A temporary folder for store files. */
export const tempFolder = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A small deterministic generator (mulberry32), so failures repeat. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
