// Time budget per document. Extraction is synchronous and cannot be interrupted on its own
// thread, so a guarded extractor runs it on worker threads: a document still running when its
// budget runs out is stopped (its worker is terminated and replaced) and reported by name with
// the reason; the batch goes on. A worker that crashes (out of memory, a stack overflow) is
// replaced the same way. Used by `extract`, `ingest`, `collect`/`watch` and WARC reading, and by
// library callers (an HTTP API's POST) through openExtractor().

import { Worker } from "node:worker_threads";
import { PageError } from "../collect/page-error.js";
import { InputError, type DecodedText, type DocumentResult } from "../types.js";

// The pipeline and the lexicon are loaded where documents are extracted (run-job.ts): on the
// worker threads, or on this thread by the inline extractor's first job. The thread that only
// hands out jobs to workers loads neither.

import { DEFAULT_TIME_BUDGET_MS } from "./limits.js";

export { DEFAULT_TIME_BUDGET_MS };

/** What to extract: a file (any input format), a fetched HTML page, or decoded text. */
export type ExtractJob =
  | { kind: "file"; file: string }
  | { kind: "page"; bytes: Uint8Array; url: string; contentType?: string | null; published?: string | null }
  | { kind: "text"; doc: DecodedText; fallbackDate?: string | null };

/** A document result; for pages also the article's hash and text (see PageDocument). */
export type ExtractOutput = { result: DocumentResult; hash?: string; text?: string };

/** A document stopped for running past its time budget. */
export class TimeBudgetError extends InputError {
  readonly reason: string;
  constructor(origin: string, budgetMs: number) {
    const reason = `stopped after ${budgetMs / 1000} s: over the time budget per document`;
    super(origin, reason);
    this.name = "TimeBudgetError";
    this.reason = reason;
  }
}

export interface Extractor {
  /** Extract one document; throws InputError, PageError or TimeBudgetError naming it. */
  extract(job: ExtractJob): Promise<ExtractOutput>;
  /** Resolves once extraction can start at once (the lexicon is loaded where it runs). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** Milliseconds per document; 0 turns the budget off. Default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
  /** Worker threads (default 1). Without a budget, one thread means extraction on the caller's thread. */
  threads?: number;
}

/** The name a job is reported by. */
export function jobName(job: ExtractJob): string {
  return job.kind === "file" ? job.file : job.kind === "page" ? job.url : job.doc.origin;
}


/** An extractor: on worker threads with a time budget, or inline when the budget is off and one thread will do. */
export function openExtractor(opts: ExtractorOptions = {}): Extractor {
  const budget = Math.max(0, opts.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const threads = Math.max(1, opts.threads ?? 1);
  if (!budget && threads === 1) return new InlineExtractor();
  return new WorkerExtractor(threads, budget);
}

/** Extraction on the calling thread: no budget can stop it. */
export class InlineExtractor implements Extractor {
  async extract(job: ExtractJob): Promise<ExtractOutput> {
    const { runJob } = await import("./run-job.js");
    try {
      return runJob(job);
    } catch (e) {
      if (e instanceof InputError || e instanceof PageError) throw e;
      throw new InputError(jobName(job), (e as Error)?.message ?? String(e));
    }
  }
  async ready(): Promise<void> {
    (await import("../lexicon/index.js")).loadLexicon();
  }
  async close(): Promise<void> {}
}

/** What a worker answers: the output, or the error to rebuild on this side. */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; out: ExtractOutput }
  | { id: number; ok: false; kind: "input" | "page" | "other"; origin: string; reason: string; message: string };

interface Task {
  id: number;
  job: ExtractJob;
  resolve: (o: ExtractOutput) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Documents posted to the worker, in its order: the first is the one it is reading. */
  tasks: Task[];
  /** The clock of the first task. */
  timer: NodeJS.Timeout | null;
}

/**
 * Documents posted to a worker, the one it reads included: the next ones wait in the worker's
 * own queue, so the worker goes on while this thread is busy (writing a batch of up to 32
 * documents takes several documents' extraction time) instead of idling until its reply is read.
 */
const TASKS_PER_WORKER = 8;

const WORKER_URL = new URL("./guard-worker.js", import.meta.url);

/** A pool of extraction workers, each reading one document at a time with the next one posted, every document on a clock. */
export class WorkerExtractor implements Extractor {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  /** Workers replaced after a timeout or a crash (for reports and tests). */
  replaced = 0;

  constructor(threads: number, private readonly budgetMs: number) {
    for (let i = 0; i < threads; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // No execArgv: a parent started with `node -e SCRIPT` would otherwise run SCRIPT in the worker.
    const slot: Slot = { worker: new Worker(WORKER_URL, { execArgv: [] }), ready: false, tasks: [], timer: null };
    slot.worker.on("message", (r: WorkerReply) => this.onReply(slot, r));
    slot.worker.on("error", (e) => this.onCrash(slot, `worker failed: ${e.message}`));
    slot.worker.on("exit", (code) => { if (!this.closed) this.onCrash(slot, `worker exited (code ${code})`); });
    return slot;
  }

  extract(job: ExtractJob): Promise<ExtractOutput> {
    if (this.closed) return Promise.reject(new Error("extractor closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  ready(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.closed || this.slots.every((s) => s.ready) ? resolve() : setTimeout(check, 20));
      check();
    });
  }

  private pump(): void {
    // Every idle worker gets a document before any worker gets a second one.
    for (let depth = 1; depth <= TASKS_PER_WORKER; depth++)
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (!slot.ready || slot.tasks.length >= depth) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startClock(slot);
        slot.worker.postMessage({ id: task.id, job: task.job });
      }
  }

  /** The first task's clock (a task posted behind another starts when that one is answered). */
  private startClock(slot: Slot): void {
    if (this.budgetMs) slot.timer = setTimeout(() => this.onTimeout(slot), this.budgetMs);
  }

  private onReply(slot: Slot, r: WorkerReply): void {
    if ("ready" in r) {
      slot.ready = true;
      this.pump();
      return;
    }
    const task = slot.tasks[0];
    if (!task || task.id !== r.id) return;
    this.finish(slot);
    slot.tasks.shift();
    if (slot.tasks.length) this.startClock(slot);
    if (r.ok) task.resolve(r.out);
    else if (r.kind === "page") task.reject(new PageError(r.origin, r.reason));
    else if (r.kind === "input") task.reject(new InputError(r.origin, r.reason));
    else task.reject(new InputError(r.origin, r.message));
    this.pump();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Stop the worker that holds the document, report it, and put a fresh worker in its place. */
  private onTimeout(slot: Slot): void {
    const task = slot.tasks[0];
    this.replace(slot);
    if (task) task.reject(new TimeBudgetError(jobName(task.job), this.budgetMs));
  }

  private onCrash(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    const task = slot.tasks[0];
    this.replace(slot);
    if (task) task.reject(new InputError(jobName(task.job), reason));
  }

  /** A fresh worker in the slot's place; the documents posted behind the first go back to the front of the queue. */
  private replace(slot: Slot): void {
    this.finish(slot);
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.queue.unshift(...slot.tasks.slice(1));
    slot.tasks = [];
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
    this.replaced++;
    this.slots[i] = this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error("extractor closed"));
    await Promise.all(this.slots.map((s) => {
      this.finish(s);
      return s.worker.terminate();
    }));
  }
}
