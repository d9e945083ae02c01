// Ingest: files -> extraction (worker threads, every core) -> store (one document per
// transaction). Idempotent: a document whose bytes hash as stored is skipped; a changed one
// replaces its old version. Killing the process loses at most the document being written,
// which the next run stores.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { listInputs, readDocument } from "../input/index.js";
import { extractText } from "../pipeline/index.js";
import { InputError } from "../types.js";
import { ingestWarc, isWarcPath } from "../warc/index.js";
import { lexiconVersion } from "../lexicon/index.js";
import type { Store } from "../store/index.js";
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
}

export function hashFile(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

type Job = { file: string; hash: string };
type Reply = { id: number; ok: true; result: DocumentResult } | { id: number; ok: false; error: string };

interface Extractor {
  extract(file: string): Promise<Reply>;
  close(): Promise<void>;
}

/** Extraction on the calling thread, one file at a time. */
export class InlineExtractor implements Extractor {
  async extract(file: string): Promise<Reply> {
    try {
      return { id: 0, ok: true, result: extractText(readDocument(file)) };
    } catch (e) {
      return { id: 0, ok: false, error: e instanceof InputError ? e.message : `${file}: ${(e as Error).message}` };
    }
  }
  async close(): Promise<void> {}
}

/** A pool of extraction workers answering one file at a time each. */
export class ExtractPool implements Extractor {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: { id: number; file: string; resolve: (r: Reply) => void }[] = [];
  private pending = new Map<number, (r: Reply) => void>();
  private nextId = 0;

  constructor(size: number) {
    const url = new URL("./worker.js", import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
      w.on("message", (r: Reply) => {
        const cb = this.pending.get(r.id);
        this.pending.delete(r.id);
        this.idle.push(w);
        this.pump();
        cb?.(r);
      });
      w.on("error", (e) => {
        for (const [id, cb] of this.pending) cb({ id, ok: false, error: `worker failed: ${e.message}` });
        this.pending.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  extract(file: string): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, file, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.waiting.length) {
      const w = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.pending.set(job.id, job.resolve);
      w.postMessage({ id: job.id, file: job.file });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
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
  for (const file of files) {
    if (isWarcPath(file)) {
      // A web archive is streamed record by record; each article is stored like a file.
      const w = await ingestWarc(store, file, { onError: (url, reason) => opts.onError?.(`${url}: ${reason}`) });
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
      if ((await store.documentHash(file)) === hash) s.unchanged++;
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
  const size = Math.max(1, Math.min(opts.workers ?? os.availableParallelism() - 1, todo.length || 1));
  // One extraction thread: extract on this thread; a worker would only add its start-up (the
  // lexicon loads again) and the copying of results.
  const pool: Extractor = size === 1 ? new InlineExtractor() : new ExtractPool(size);
  try {
    // Store in completion order; the store serialises its own transactions.
    let chain: Promise<void> = Promise.resolve();
    await Promise.all(
      todo.map((job) =>
        pool.extract(job.file).then((reply) => {
          chain = chain.then(async () => {
            if (!reply.ok) {
              s.failed++;
              opts.onError?.(reply.error);
            } else {
              try {
                if (delay) await new Promise((r) => setTimeout(r, delay));
                const outcome = await store.ingest({ origin: job.file, hash: job.hash }, reply.result, version);
                s[outcome]++;
                s.events += reply.result.events.filter((e) => !e.status).length;
              } catch (e) {
                s.failed++;
                opts.onError?.(`${job.file}: not stored: ${(e as Error).message}`);
              }
            }
            opts.onProgress?.(++done, files.length, s);
          });
          return chain;
        }),
      ),
    );
    await chain;
  } finally {
    await pool.close();
  }
  return s;
}
