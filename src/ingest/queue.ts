// A work queue in PostgreSQL so several `parley ingest --worker` processes, on one machine or
// many, share a batch: each claims one document at a time with FOR UPDATE SKIP LOCKED; a claim
// whose worker died (no progress for `leaseSeconds`) is taken over by another. Storing is
// idempotent by content hash, so a document retried after a crash is still stored once.

import os from "node:os";
import pg from "pg";
import { lexiconVersion } from "../lexicon/index.js";
import { openExtractor } from "../pipeline/guard.js";
import type { Store } from "../store/index.js";
import { hashFile, type IngestSummary } from "./index.js";

const SCHEMA = `CREATE TABLE IF NOT EXISTS ingest_jobs (
  origin TEXT PRIMARY KEY, hash TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0, locked_by TEXT, locked_at TIMESTAMPTZ, error TEXT)`;

export class PgQueue {
  private constructor(private readonly pool: pg.Pool, readonly workerId: string) {}

  static async open(url: string): Promise<PgQueue> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // Workers started together race on CREATE TABLE IF NOT EXISTS: one creates it under a lock.
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query("SELECT pg_advisory_xact_lock(hashtext('parley_ingest_jobs'))");
      await c.query(SCHEMA);
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
    return new PgQueue(pool, `${os.hostname()}:${process.pid}`);
  }

  /** Add files; a file whose content changed since it was done goes back to pending. */
  async enqueue(files: { origin: string; hash: string }[]): Promise<number> {
    let added = 0;
    for (const f of files) {
      const r = await this.pool.query(
        `INSERT INTO ingest_jobs (origin, hash) VALUES ($1, $2)
         ON CONFLICT (origin) DO UPDATE SET hash = EXCLUDED.hash, state = 'pending', attempts = 0, error = NULL
         WHERE ingest_jobs.hash <> EXCLUDED.hash`,
        [f.origin, f.hash],
      );
      added += r.rowCount ?? 0;
    }
    return added;
  }

  /** Claim the next pending job, or one whose lease ran out. */
  async claim(leaseSeconds: number): Promise<string | null> {
    const r = await this.pool.query(
      `UPDATE ingest_jobs SET state = 'running', locked_by = $1, locked_at = now(), attempts = attempts + 1
       WHERE origin = (SELECT origin FROM ingest_jobs
                       WHERE (state = 'pending' OR (state = 'running' AND locked_at < now() - make_interval(secs => $2)))
                         AND attempts < 5
                       ORDER BY origin FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING origin`,
      [this.workerId, leaseSeconds],
    );
    return r.rows[0]?.origin ?? null;
  }

  async finish(origin: string, error: string | null): Promise<void> {
    await this.pool.query("UPDATE ingest_jobs SET state = $2, error = $3, locked_by = NULL WHERE origin = $1 AND locked_by = $4", [origin, error ? "failed" : "done", error, this.workerId]);
  }

  async remaining(): Promise<number> {
    const r = await this.pool.query("SELECT COUNT(*) AS n FROM ingest_jobs WHERE state IN ('pending', 'running')");
    return Number(r.rows[0].n);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Run as one worker of a shared queue until no job is left. */
export async function runQueueWorker(
  store: Store,
  url: string,
  files: string[],
  opts: { leaseSeconds?: number; onProgress?: (s: IngestSummary) => void; onError?: (m: string) => void; timeBudgetMs?: number } = {},
): Promise<IngestSummary> {
  const q = await PgQueue.open(url);
  const s: IngestSummary = { seen: 0, inserted: 0, replaced: 0, unchanged: 0, failed: 0, events: 0 };
  const lease = opts.leaseSeconds ?? 60;
  const version = lexiconVersion();
  // Test hook: widen the window between claiming and storing so a kill lands mid-document.
  const delay = Number(process.env.PARLEY_TEST_DELAY_MS ?? 0);
  const ex = openExtractor({ timeBudgetMs: opts.timeBudgetMs });
  try {
    await q.enqueue(files.map((origin) => ({ origin, hash: hashFile(origin) })));
    for (;;) {
      const origin = await q.claim(lease);
      if (!origin) {
        if ((await q.remaining()) === 0) break;
        await new Promise((r) => setTimeout(r, 250)); // others hold the rest; wait for them or their leases
        continue;
      }
      s.seen++;
      try {
        const hash = hashFile(origin);
        const { result } = await ex.extract({ kind: "file", file: origin });
        if (delay) await new Promise((r) => setTimeout(r, delay));
        const outcome = await store.ingest({ origin, hash }, result, version);
        s[outcome]++;
        s.events += result.events.filter((e) => !e.status).length;
        await q.finish(origin, null);
      } catch (e) {
        s.failed++;
        opts.onError?.(`${origin}: ${(e as Error).message}`);
        await q.finish(origin, (e as Error).message);
      }
      opts.onProgress?.(s);
    }
  } finally {
    await ex.close();
    await q.close();
  }
  return s;
}
