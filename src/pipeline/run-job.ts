// One extraction job on the current thread (a worker of guard.ts, or the inline extractor).

import { documentFromHtml, type PageDocument } from "../collect/article.js";
import { readDocument } from "../input/index.js";
import type { ExtractJob, ExtractOutput } from "./guard.js";
import { extractText } from "./index.js";

/** Run one job on the current thread. */
export function runJob(job: ExtractJob): ExtractOutput {
  if (job.kind === "file") return { result: extractText(readDocument(job.file)) };
  if (job.kind === "text") return { result: extractText(job.doc, { fallbackDate: job.fallbackDate ?? null }) };
  const page: PageDocument = documentFromHtml(job.bytes, job.url, job.contentType, { published: job.published });
  return page;
}
