// WARC input (.warc, .warc.gz with a gzip member per record), read as a stream with warcio,
// Webrecorder's maintained WARC library. Only HTML responses are yielded; archived news crawls
// then go through the same HTML-to-document path as live collection, keyed by URL, so ingesting
// a crawl twice (or a page also collected live) stores nothing twice.

import fs from "node:fs";
import path from "node:path";
import { WARCParser } from "warcio";
import { looksLikeHtml, PageError } from "../collect/article.js";
import { openExtractor, TimeBudgetError, type Extractor } from "../pipeline/guard.js";
import { lexiconVersion } from "../lexicon/index.js";
import type { Store } from "../store/index.js";
import type { DocumentResult } from "../types.js";

export interface WarcPage {
  url: string;
  /** WARC-Date (ISO 8601), when the record has one. */
  date: string | null;
  contentType: string | null;
  /** The HTTP payload with transfer and content encodings undone. */
  body: Uint8Array;
}

/** Whether a path names a WARC file. */
export { isWarcPath } from "../input/index.js";

/**
 * Stream the HTML responses of a WARC file: `response` records with a 2xx HTTP status and
 * `resource` records, whose payload is HTML by Content-Type or, lacking one, by sniffing.
 */
export async function* readWarc(file: string): AsyncGenerator<WarcPage> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  try {
    for await (const record of WARCParser.iterRecords(endGuard(stream, file))) {
      const type = record.warcType;
      if (type !== "response" && type !== "resource") continue;
      const url = record.warcTargetURI;
      if (!url || !/^https?:/i.test(url)) continue;
      let contentType: string | null = null;
      if (type === "response") {
        const info = record.getResponseInfo();
        const status = Number(info?.status ?? 0);
        if (status < 200 || status >= 300) continue;
        contentType = info?.headers.get("content-type") ?? null;
      } else {
        contentType = record.warcContentType ?? null;
      }
      const ct = (contentType ?? "").split(";")[0].trim().toLowerCase();
      // Skip known non-HTML payloads without reading them (images, scripts, PDFs).
      if (ct && ct !== "text/html" && ct !== "application/xhtml+xml" && ct !== "application/octet-stream" && ct !== "text/plain") continue;
      const body = await record.readFully(true);
      if (!looksLikeHtml(contentType, body)) continue;
      yield { url, date: record.warcDate ?? null, contentType, body };
    }
  } finally {
    stream.destroy();
  }
}

/**
 * The file's chunks, as an iterator that throws when asked for more, again and again, after the
 * end: warcio keeps asking forever on a file cut off inside a record, which would hang the run.
 */
function endGuard(stream: AsyncIterable<Uint8Array>, file: string): AsyncIterable<Uint8Array> {
  const it = stream[Symbol.asyncIterator]();
  let afterEnd = 0;
  return {
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<Uint8Array>> {
        if (afterEnd > 0 && ++afterEnd > 100) throw new Error(`${file}: truncated WARC (ends inside a record)`);
        const r = await it.next();
        if (r.done) afterEnd = Math.max(afterEnd, 1);
        return r;
      },
    }),
  };
}

export interface WarcDocument {
  url: string;
  result: DocumentResult;
  hash: string;
}

export interface WarcSummary {
  pages: number;
  documents: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  failed: number;
  events: number;
}

/** The documents of a WARC file; pages without an article are reported and skipped. */
export async function* warcDocuments(
  file: string,
  onError?: (url: string, reason: string) => void,
  opts: WarcExtractOptions = {},
): AsyncGenerator<WarcDocument> {
  const ex = opts.extractor ?? openExtractor({ timeBudgetMs: opts.timeBudgetMs });
  try {
    for await (const page of readWarc(file)) {
      try {
        const doc = await ex.extract({ kind: "page", bytes: page.body, url: page.url, contentType: page.contentType, published: page.date });
        yield { url: page.url, result: doc.result, hash: doc.hash! };
      } catch (e) {
        onError?.(page.url, e instanceof PageError || e instanceof TimeBudgetError ? e.reason : (e as Error).message);
      }
    }
  } finally {
    if (!opts.extractor) await ex.close();
  }
}

/** How WARC pages are extracted: a shared extractor, or a time budget for one opened per file. */
export interface WarcExtractOptions {
  extractor?: Extractor;
  timeBudgetMs?: number;
}

/** Ingest a WARC file into a store; an unchanged page (same URL, same article hash) is skipped. */
export async function ingestWarc(
  store: Store,
  file: string,
  opts: { onError?: (url: string, reason: string) => void; onProgress?: (s: WarcSummary) => void } & WarcExtractOptions = {},
): Promise<WarcSummary> {
  const s: WarcSummary = { pages: 0, documents: 0, inserted: 0, replaced: 0, unchanged: 0, failed: 0, events: 0 };
  const version = lexiconVersion();
  const onError = (url: string, reason: string) => {
    s.failed++;
    opts.onError?.(url, reason);
  };
  try {
    for await (const doc of warcDocuments(file, (u, r) => { s.pages++; onError(u, r); }, opts)) {
      s.pages++;
      s.documents++;
      try {
        if ((await store.documentHash(doc.url)) === doc.hash) s.unchanged++;
        else {
          const outcome = await store.ingest({ origin: doc.url, hash: doc.hash }, doc.result, version);
          s[outcome]++;
          if (outcome !== "unchanged") s.events += doc.result.events.filter((e) => !e.status).length;
        }
      } catch (e) {
        onError(doc.url, `not stored: ${(e as Error).message}`);
      }
      opts.onProgress?.(s);
    }
  } catch (e) {
    // A truncated or corrupt archive: keep what was read, report where it broke.
    onError(file, `unreadable WARC: ${(e as Error).message}`);
  }
  return s;
}

/** `parley extract crawl.warc.gz --out DIR`: one DIR/NAME.json per article in the archive. */
export async function extractWarc(
  file: string,
  out: string | null,
  opts: { pretty?: boolean; onError?: (url: string, reason: string) => void; write?: (line: string) => void } & WarcExtractOptions = {},
): Promise<{ documents: number; events: number; failed: number }> {
  const s = { documents: 0, events: 0, failed: 0 };
  if (out) fs.mkdirSync(out, { recursive: true });
  const onError = (url: string, reason: string) => {
    s.failed++;
    opts.onError?.(url, reason);
  };
  const write = opts.write ?? ((line: string) => process.stdout.write(line));
  try {
    for await (const doc of warcDocuments(file, onError, opts)) {
      const json = JSON.stringify(doc.result, null, opts.pretty ? 2 : undefined);
      if (out) fs.writeFileSync(path.join(out, `${doc.result.id}.json`), json + "\n");
      else write(JSON.stringify(doc.result) + "\n");
      s.documents++;
      s.events += doc.result.events.filter((e) => !e.status).length;
    }
  } catch (e) {
    onError(file, `unreadable WARC: ${(e as Error).message}`);
  }
  return s;
}
