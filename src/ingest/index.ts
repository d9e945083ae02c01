// Ingest: files -> extraction (worker threads, every core) -> store (the documents extracted
// while the previous batch was written, one transaction per batch). Idempotent: a document whose
// bytes hash as stored is skipped; a changed one replaces its old version. Killing the process
// loses at most the batch being written, which the next run stores.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { listInputs } from "../input/index.js";
import { openExtractor, type Extractor } from "../pipeline/guard.js";
import { ingestWarc, isWarcPath } from "../warc/index.js";
import { lexiconVersion } from "../lexicon/index.js";
import type { IngestOutcome, Store } from "../store/index.js";
import type { DocumentResult } from "../types.js";

export interface IngestSummary {
  seen: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  failed: number;
  events: number;
}

export interface IngestOptions {
  workers?: number;
  onProgress?: (done: number, total: number, s: IngestSummary) => void;
  onError?: (message: string) => void;
  /** Milliseconds per document before it is stopped and reported (0: no budget); default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
  /** An extractor to use (left open) instead of one opened for this run (workers and timeBudgetMs then do not apply). */
  extractor?: Extractor;
}

/** Documents written per transaction: at least this many when more are on their way... */
const MIN_BATCH = 8;
/** ...and at most this many. */
const MAX_BATCH = 32;

export function hashFile(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

type Job = { file: string; hash: string };

/** Extraction threads when none are asked for: every core but the one that stores (at least one). */
export function defaultIngestWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/** Ingest files and folders into a store. */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const s: IngestSummary = { seen: 0, inserted: 0, replaced: 0, unchanged: 0, failed: 0, events: 0 };
  const files: string[] = [];
  try {
    for (const f of listInputs(paths)) files.push(f);
  } catch (e) {
    opts.onError?.((e as Error).message);
    s.failed++;
    return s;
  }
  const version = lexiconVersion();
  // Unchanged documents are skipped before any extraction.
  const todo: Job[] = [];
  // The stored hashes of every file, read at once (a round trip per file costs on PostgreSQL).
  const stored = await store.documentHashes(files.filter((f) => !isWarcPath(f)));
  for (const file of files) {
    if (isWarcPath(file)) {
      // A web archive is streamed record by record; each article is stored like a file.
      const w = await ingestWarc(store, file, { onError: (url, reason) => opts.onError?.(`${url}: ${reason}`), timeBudgetMs: opts.timeBudgetMs });
      s.seen += w.documents + w.failed;
      s.inserted += w.inserted;
      s.replaced += w.replaced;
      s.unchanged += w.unchanged;
      s.failed += w.failed;
      s.events += w.events;
      continue;
    }
    s.seen++;
    try {
      const hash = hashFile(file);
      if (stored.get(file) === hash) s.unchanged++;
      else todo.push({ file, hash });
    } catch (e) {
      s.failed++;
      opts.onError?.(`${file}: ${(e as Error).message}`);
    }
  }
  let done = s.unchanged + s.failed;
  opts.onProgress?.(done, files.length, s);
  // Test hook: slow each store step so a test can kill the process mid-batch.
  const delay = Number(process.env.PARLEY_TEST_DELAY_MS ?? 0);
  // By default every core but one extracts; that one stores (SQLite has one writer).
  const size = Math.max(1, Math.min(opts.workers ?? defaultIngestWorkers(), todo.length || 1));
  // Without a time budget and with one extraction thread, extraction runs on this thread (a
  // worker would only add its start-up and the copying of results); with a budget it runs on
  // workers that can be stopped.
  const pool: Extractor = opts.extractor ?? openExtractor({ threads: size, timeBudgetMs: opts.timeBudgetMs });
  type Done = { job: Job; reply: { ok: true; result: DocumentResult } | { ok: false; error: string } };
  const extracted: Done[] = [];
  let running = todo.length;
  let wake: (() => void) | null = null;
  const store1 = async ({ job, reply }: Done): Promise<void> => {
    if (!reply.ok) {
      s.failed++;
      opts.onError?.(reply.error);
      return;
    }
    try {
      s[await store.ingest({ origin: job.file, hash: job.hash }, reply.result, version)]++;
      s.events += reply.result.events.filter((e) => !e.status).length;
    } catch (e) {
      s.failed++;
      opts.onError?.(`${job.file}: not stored: ${(e as Error).message}`);
    }
  };
  // Written in completion order, a batch per transaction; a batch that fails is written again
  // one document at a time, so only the document at fault is reported.
  const storeBatch = async (batch: Done[]): Promise<void> => {
    const ok = batch.filter((d): d is Done & { reply: { ok: true } } => d.reply.ok);
    if (delay) await new Promise((r) => setTimeout(r, delay * Math.max(1, ok.length)));
    let outcomes: IngestOutcome[] | null = null;
    try {
      outcomes = await store.ingestBatch(ok.map(({ job, reply }) => ({ meta: { origin: job.file, hash: job.hash }, result: reply.result, lexiconVersion: version })));
    } catch {
      outcomes = null;
    }
    for (const d of batch) {
      if (outcomes && d.reply.ok) {
        s[outcomes[ok.indexOf(d as (typeof ok)[number])]]++;
        s.events += d.reply.result.events.filter((e) => !e.status).length;
      } else await store1(d);
      opts.onProgress?.(++done, files.length, s);
    }
  };
  try {
    const extractions = todo.map((job) =>
      pool.extract({ kind: "file", file: job.file }).then((out) => ({ ok: true as const, result: out.result }), (e: Error) => ({ ok: false as const, error: e.message })).then((reply) => {
        extracted.push({ job, reply });
        running--;
        wake?.();
      }),
    );
    while (running > 0 || extracted.length) {
      if (running > 0 && extracted.length < MIN_BATCH) {
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      await storeBatch(extracted.splice(0, MAX_BATCH));
    }
    await Promise.all(extractions);
  } finally {
    if (!opts.extractor) await pool.close();
  }
  return s;
}
