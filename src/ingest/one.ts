// One document at a time, as the HTTP API receives them: bytes posted as text, HTML or JSON, or
// a URL fetched with the collector's polite fetcher. Same identity and idempotence as `ingest`:
// a document is its origin; the same origin with the same hash is left unchanged.

import { createHash } from "node:crypto";
import type { PoliteFetcher } from "../collect/fetch.js";
import { decode } from "../decode/index.js";
import { fromHtml, fromJson } from "../input/index.js";
import { lexiconVersion } from "../lexicon/index.js";
import { InlineExtractor, type Extractor } from "../pipeline/guard.js";
import type { IngestOutcome, Store } from "../store/index.js";
import type { DocumentResult } from "../types.js";

export type BodyKind = "text" | "html" | "json";

export interface OneIngest {
  outcome: IngestOutcome;
  origin: string;
  /** The extraction (null when the stored copy was current and nothing was extracted). */
  result: DocumentResult | null;
}

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** The kind of a posted body from its media type, else from the name's extension. */
export function bodyKind(contentType: string | undefined, name: string | undefined): BodyKind {
  const ct = (contentType ?? "").toLowerCase();
  if (/html|xhtml/.test(ct)) return "html";
  if (/json/.test(ct)) return "json";
  if (/\.x?html?(\.gz)?$/i.test(name ?? "")) return "html";
  if (/\.json$/i.test(name ?? "")) return "json";
  return "text";
}

/**
 * Store a posted document. `name` (page.html) names it; without one the bytes' hash does, so
 * posting the same bytes twice stores them once. Throws InputError for unreadable input.
 */
// Without an extractor given, extraction runs inline (no time budget can stop it).
const inline = new InlineExtractor();

export async function ingestBytes(store: Store, bytes: Uint8Array, kind: BodyKind, opts: { name?: string; url?: string; declaredCharset?: string; extractor?: Extractor } = {}): Promise<OneIngest> {
  const hash = sha256(bytes);
  const name = (opts.name ?? `posted-${hash.slice(0, 12)}`).replace(/\.(x?html?|json|txt|text|md)$/i, "");
  const origin = opts.url ?? `api:${opts.name ?? hash.slice(0, 16)}`;
  if ((await store.documentHash(origin)) === hash) return { outcome: "unchanged", origin, result: null };
  let doc = decode({ name, origin, bytes, declaredCharset: opts.declaredCharset });
  if (kind === "html") doc = fromHtml(doc, opts.url);
  else if (kind === "json") doc = fromJson(doc);
  // The extractor stops a document over its time budget (a TimeBudgetError naming it).
  const { result } = await (opts.extractor ?? inline).extract({ kind: "text", doc });
  const outcome = await store.ingest({ origin, hash }, result, lexiconVersion());
  return { outcome, origin, result };
}

/** Fetch a page (robots.txt, timeouts, size cap, retries) and store its article. */
export async function ingestUrl(store: Store, fetcher: PoliteFetcher, url: string, extractor: Extractor = inline): Promise<OneIngest> {
  const r = await fetcher.fetch(url);
  const out = await extractor.extract({ kind: "page", bytes: r.bytes, url: r.finalUrl, contentType: r.headers["content-type"] });
  const hash = out.hash ?? sha256(r.bytes);
  if ((await store.documentHash(url)) === hash) return { outcome: "unchanged", origin: url, result: null };
  const outcome = await store.ingest({ origin: url, hash }, out.result, lexiconVersion());
  return { outcome, origin: url, result: out.result };
}
