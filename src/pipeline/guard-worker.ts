// Worker thread of a guarded extractor (guard.ts): loads the lexicon, says it is ready, then
// extracts one job per message. The parent terminates it when a document outlives its budget.

import { parentPort } from "node:worker_threads";
import { PageError } from "../collect/article.js";
import { loadLexicon } from "../lexicon/index.js";
import { InputError } from "../types.js";
import { jobName, type ExtractJob, type WorkerReply } from "./guard.js";
import { runJob } from "./run-job.js";

loadLexicon();
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
parentPort!.on("message", (msg: { id: number; job: ExtractJob }) => {
  let reply: WorkerReply;
  try {
    reply = { id: msg.id, ok: true, out: runJob(msg.job) };
  } catch (e) {
    const err = e as Error;
    const origin = e instanceof InputError ? e.origin : e instanceof PageError ? e.url : jobName(msg.job);
    const kind = e instanceof PageError ? "page" : e instanceof InputError ? "input" : "other";
    const reason = e instanceof PageError ? e.reason : e instanceof InputError ? err.message.slice(origin.length + 2) : err.message;
    reply = { id: msg.id, ok: false, kind, origin, reason, message: err?.message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
