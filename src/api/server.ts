// `parley serve`: an HTTP API over the Store, on Fastify. Every route's query, params and body are
// declared once as schemas (./schemas.ts); Fastify validates with them and @fastify/swagger turns
// them into the OpenAPI 3 description at /api/openapi.json, with a bundled reference page at
// /api/docs (@fastify/swagger-ui ships its assets: no CDN). Errors are JSON of one shape:
//   { "error": { "status": 400, "code": "bad_parameter", "message": "...", "parameter": "limit" } }

import { createHash, timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { Static, TSchema } from "@sinclair/typebox";
import { CSV_HEADER, csvCell, eventToCsv, eventToGdelt, eventToJson, eventToPlover } from "../cli/format.js";
import { FetchError, PoliteFetcher } from "../collect/fetch.js";
import { PageError } from "../collect/article.js";
import { bodyKind, ingestBytes, ingestUrl, type OneIngest } from "../ingest/one.js";
import { loadLexicon } from "../lexicon/index.js";
import { eachEvent, type EventFilter, type EventRow, type Store } from "../store/index.js";
import { InputError } from "../types.js";
import { openExtractor, type Extractor } from "../pipeline/guard.js";
import { registerDashboardRoutes } from "./dashboard.js";
import { registerWeb } from "./web.js";
import {
  ActorsQuery, AJV_OPTIONS, CountsQuery, describeError, DocumentsQuery, DyadsQuery, EventsQuery, ExportQuery, FiguresQuery, IdParams,
  ParamError, PersonParams, PostDocumentJson, PostDocumentQuery, SearchQuery, TimelineQuery,
  ActorsPage, CountsResponse, DeleteDocumentResponse, DocumentResponse, DocumentsPage, DyadsResponse, ErrorResponse, EventResponse, EventsPage,
  FiguresPage, PersonResponse, PostDocumentResponse, RootResponse, SearchResponse, TimelineResponse,
} from "./schemas.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A route that changes the store: needs the token, refused in read-only mode. */
    write?: boolean;
    /** A route open to everyone, even with --private (the API description). */
    open?: boolean;
  }
}

export interface ServerOptions {
  store: Store;
  /** Bearer token for writes (and for reads with `private`). */
  token?: string | null;
  /** No writes at all (POST/DELETE answer 403). */
  readOnly?: boolean;
  /** Reads need the token too. */
  private?: boolean;
  /** Writes without a token (allowed on loopback only; checked by `checkServeOptions`). */
  noAuth?: boolean;
  /** Largest request body in bytes (default 5 MB). */
  bodyLimit?: number;
  /** Whole-request timeout in ms (default 30 s). */
  requestTimeoutMs?: number;
  /** Allowed CORS origin; none by default. */
  cors?: string | null;
  /** Fastify's logger option: false (tests), true (JSON lines) or a pino config. */
  logger?: boolean | Record<string, unknown>;
  /** How long the total count of an event filter is reused (default 10 s; 0: never). */
  totalsTtlMs?: number;
  /** Fetcher for POST { url } (default: the collector's polite fetcher). */
  fetcher?: PoliteFetcher;
  /** Time budget per posted document in ms (default 5 s; 0: none): over it, 422 naming it. */
  timeBudgetMs?: number;
  /** Serve the dashboard's built assets from this folder at / (none by default; `parley serve` gives dist-web/). */
  web?: string | null;
}

export const API_VERSION = "1";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
export const isLoopback = (host: string) => LOOPBACK.test(host);

/** Refuse unsafe combinations before listening: writes with no token unless --no-auth on loopback. */
export function checkServeOptions(o: { token?: string | null; readOnly?: boolean; noAuth?: boolean; private?: boolean; host: string }): void {
  if (o.noAuth && !isLoopback(o.host)) throw new Error(`--no-auth is allowed on a loopback address only (not ${o.host})`);
  if (o.noAuth && o.private) throw new Error("--private needs a token; it cannot be combined with --no-auth");
  if (!o.token && !o.readOnly && !o.noAuth) throw new Error("writes need a token: give --token-file FILE or PARLEY_TOKEN, or --read-only, or --no-auth (loopback only)");
  if (o.private && !o.token) throw new Error("--private needs a token (--token-file FILE or PARLEY_TOKEN)");
  if (o.token && o.token.length < 16) throw new Error("the token is too short (at least 16 characters)");
}

class HttpError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string, public readonly parameter?: string) {
    super(message);
  }
}

function sendError(reply: FastifyReply, status: number, code: string, message: string, parameter?: string) {
  if (status === 401) reply.header("www-authenticate", 'Bearer realm="parley"');
  return reply.code(status).type("application/json; charset=utf-8").send({ error: { status, code, message, ...(parameter ? { parameter } : {}) } });
}

type Fmt = "json" | "csv" | "jsonl";

/** ?format= wins; else the Accept header; JSON by default. */
function formatOf(req: FastifyRequest, q: { format?: string }): Fmt {
  if (q.format) return q.format as Fmt;
  const accept = String(req.headers.accept ?? "");
  if (/text\/csv/.test(accept)) return "csv";
  if (/application\/(x-ndjson|jsonl|x-jsonlines)/.test(accept)) return "jsonl";
  return "json";
}

function flatCsv(rows: Record<string, unknown>[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => csvCell(v != null && typeof v === "object" ? JSON.stringify(v) : v);
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

/** Rows as JSON (wrapped with paging facts), CSV or JSON Lines. */
function sendRows(req: FastifyRequest, reply: FastifyReply, q: { format?: string }, key: string, rows: object[], extra: Record<string, unknown> = {}, csv?: () => string) {
  const fmt = formatOf(req, q);
  if (fmt === "csv") return reply.type("text/csv; charset=utf-8").send(csv ? csv() : flatCsv(rows as Record<string, unknown>[]));
  if (fmt === "jsonl") return reply.type("application/x-ndjson; charset=utf-8").send(rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : ""));
  return reply.send({ ...extra, [key]: rows });
}

const encodeCursor = (e: EventRow) => Buffer.from(JSON.stringify([e.date, e.id])).toString("base64url");
function decodeCursor(s: string): { date: string | null; id: number } {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || (typeof v[0] === "string" && v[0].length <= 10)) && Number.isSafeInteger(v[1])) return { date: v[0], id: v[1] };
  } catch { /* below */ }
  throw new ParamError("cursor", "cursor: not a cursor this API gave out (use next_cursor of the previous page)");
}

/** The event filters of a query (the keys every filtered route shares). */
function filterOf(q: Record<string, unknown>): EventFilter {
  const f: EventFilter = {};
  for (const k of ["country", "with", "type", "mode", "person", "org", "topic", "since", "until", "lang", "source"] as const) if (q[k] !== undefined) f[k] = q[k] as string;
  return f;
}

/** Text and HTML bodies are bytes (any charset): described, not typed, so the bytes reach the decoder. */
const RAW_BODY = { description: "the document's bytes; the charset is taken from the Content-Type or detected" };

const STRING = { type: "string" };
/** A JSON answer (and the JSON error shape for 4xx/5xx). */
const answers = (schema: TSchema, description: string) => ({ 200: { description, ...schema }, "4xx": ErrorResponse, "5xx": ErrorResponse });
/** A list answer: JSON by default, CSV or JSON Lines on request. */
const lists = (schema: TSchema, description: string) => ({
  200: { description, content: { "application/json": { schema }, "text/csv": { schema: STRING }, "application/x-ndjson": { schema: STRING } } },
  "4xx": ErrorResponse, "5xx": ErrorResponse,
});

/**
 * Total counts of event filters, reused for a few seconds: paging through one result set asks
 * for the same total page after page, and counting a broad filter is a scan. Cleared by this
 * server's writes; another process's ingest shows in the totals within the TTL.
 */
class TotalCache {
  private readonly map = new Map<string, { at: number; n: Promise<number> }>();
  constructor(private readonly ttlMs: number) {}
  get(f: EventFilter, count: () => Promise<number>): Promise<number> {
    const key = JSON.stringify({ ...f, limit: undefined, offset: undefined, cursor: undefined, sort: undefined });
    const hit = this.map.get(key);
    const now = Date.now();
    if (hit && now - hit.at < this.ttlMs) return hit.n;
    if (this.map.size > 1000) this.map.clear();
    const n = count();
    this.map.set(key, { at: now, n });
    n.catch(() => this.map.delete(key));
    return n;
  }
  clear(): void {
    this.map.clear();
  }
}

const digest = (s: string) => createHash("sha256").update(s).digest();

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const store = o.store;
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: o.bodyLimit ?? 5 * 1024 * 1024,
    requestTimeout: o.requestTimeoutMs ?? 30_000,
    connectionTimeout: o.requestTimeoutMs ?? 30_000,
    return503OnClosing: true,
    ajv: { customOptions: AJV_OPTIONS },
  });
  const tokenDigest = o.token ? digest(o.token) : null;
  const totals = new TotalCache(o.totalsTtlMs ?? 10_000);


  // Authorisation before the body is read: writes always (unless --no-auth), reads with --private.
  app.addHook("onRequest", async (req, reply) => {
    const cfg = req.routeOptions.config ?? {};
    // The API description and its reference page hold no data: open even with --private.
    // The dashboard's assets (outside /api) hold no data either: its pages send the token.
    if (!req.routeOptions.url || cfg.open || req.routeOptions.url.startsWith("/api/docs") || !req.routeOptions.url.startsWith("/api")) return;
    if (cfg.write && o.readOnly) return sendError(reply, 403, "read_only", "this server is read-only (started with --read-only)");
    if (!(cfg.write ? !o.noAuth : o.private)) return;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ""));
    if (!m) return sendError(reply, 401, "unauthorized", `${cfg.write ? "writes need" : "this server's reads need"} a bearer token (Authorization: Bearer TOKEN)`);
    if (!tokenDigest || !timingSafeEqual(digest(m[1]), tokenDigest)) return sendError(reply, 403, "forbidden", "the token is not valid");
  });

  app.setErrorHandler((err: FastifyError & { validation?: unknown[]; validationContext?: string }, req, reply) => {
    if (err.validation?.length) {
      const p = describeError(err.validation[0] as never, err.validationContext ?? "request");
      return sendError(reply, 400, "bad_parameter", p.message, p.parameter);
    }
    if (err instanceof ParamError) return sendError(reply, 400, "bad_parameter", err.message, err.parameter);
    if (err instanceof HttpError) return sendError(reply, err.status, err.code, err.message, err.parameter);
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendError(reply, 413, "body_too_large", `the body is larger than the limit of ${app.initialConfig.bodyLimit} bytes`, "body");
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendError(reply, 415, "unsupported_media_type", "send text/plain, text/html or application/json", "body");
    if (err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError) return sendError(reply, 400, "bad_json", `the body is not valid JSON: ${err.message}`, "body");
    const status = err.statusCode ?? 500;
    if (status < 500) return sendError(reply, status, "bad_request", err.message);
    req.log.error({ err }, "request failed");
    return sendError(reply, 500, "internal", "internal error");
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, "not_found", `no route ${req.method} ${req.url.split("?")[0]}`));

  // Posted documents arrive as bytes (their charset is detected as for files).
  app.removeContentTypeParser(["text/plain"]);
  app.addContentTypeParser(["text/plain", "text/html", "application/xhtml+xml"], { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  if (o.cors) {
    const cors = (await import("@fastify/cors")).default;
    await app.register(cors, { origin: o.cors, methods: ["GET", "POST", "DELETE"] });
  }

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Parley API", version: API_VERSION, description: "Diplomatic events extracted from news in many languages, with the evidence for each." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      tags: [{ name: "events" }, { name: "documents" }, { name: "actors" }, { name: "aggregates" }, { name: "meta" }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  const readSecurity = o.private ? [{ bearer: [] }] : [];

  app.get("/api/openapi.json", { schema: { hide: true }, config: { open: true } }, async () => app.swagger());

  app.get("/api", { schema: { tags: ["meta"], summary: "store counts and the API version", security: readSecurity, response: answers(RootResponse, "counts") } }, async () => ({
    api: API_VERSION, store: store.kind, counts: await store.counts(), docs: "/api/docs", openapi: "/api/openapi.json",
  }));

  app.get<{ Querystring: Static<typeof EventsQuery> }>("/api/events", {
    schema: { tags: ["events"], summary: "events matching the filters, newest first, with their sides, topics and reports", querystring: EventsQuery, security: readSecurity, response: lists(EventsPage, "a page of events and the total") },
  }, async (req, reply) => {
    const q = req.query;
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
    const f: EventFilter = { ...filterOf(q), sort: q.sort as EventFilter["sort"], limit: q.limit, offset: cursor ? 0 : q.offset, cursor };
    const rows = await store.events(f);
    // A short page from the first row is the whole result; otherwise count (cached briefly).
    const total = !cursor && rows.length < q.limit ? q.offset + rows.length : await totals.get(f, () => store.countEvents(f));
    return sendRows(req, reply, q, "events", rows, { total, limit: q.limit, offset: cursor ? null : q.offset, next_cursor: rows.length === q.limit ? encodeCursor(rows[rows.length - 1]) : null },
      () => [CSV_HEADER.join(","), ...rows.map(eventToCsv)].join("\n") + "\n");
  });

  app.get<{ Params: Static<typeof IdParams> }>("/api/events/:id", {
    schema: { tags: ["events"], summary: "one event: sides, persons and offices, topics, every report with its evidence sentence, offsets and merge reason", params: IdParams, security: readSecurity, response: answers(EventResponse, "the event") },
  }, async (req) => {
    const e = await store.event(req.params.id);
    if (!e) throw new HttpError(404, "not_found", `no event ${req.params.id}`, "id");
    return e;
  });

  app.get<{ Querystring: Static<typeof DocumentsQuery> }>("/api/documents", {
    schema: { tags: ["documents"], summary: "stored documents, newest first, with their event counts", querystring: DocumentsQuery, security: readSecurity, response: lists(DocumentsPage, "a page of documents and the total") },
  }, async (req, reply) => {
    const q = req.query;
    const r = await store.documents({ lang: q.lang, source: q.source, since: q.since, until: q.until, limit: q.limit, offset: q.offset, sort: q.sort as never });
    return sendRows(req, reply, q, "documents", r.rows, { total: r.total, limit: q.limit, offset: q.offset });
  });

  app.get<{ Params: Static<typeof IdParams> }>("/api/documents/:id", {
    schema: { tags: ["documents"], summary: "one document: clean body, metadata, every extracted mention with offsets into the body, stated figures, its events", params: IdParams, security: readSecurity, response: answers(DocumentResponse, "the document") },
  }, async (req) => {
    const d = await store.document(req.params.id);
    if (!d) throw new HttpError(404, "not_found", `no document ${req.params.id}`, "id");
    return d;
  });

  let fetcher = o.fetcher;
  // Posted documents are extracted on a worker thread under the time budget, started on the
  // first POST (a read-only server never starts it) and stopped with the server.
  let extractor: Extractor | undefined;
  const extractorOf = () => (extractor ??= openExtractor({ timeBudgetMs: o.timeBudgetMs }));
  app.addHook("onClose", async () => {
    await extractor?.close();
  });
  app.post<{ Querystring: Static<typeof PostDocumentQuery>; Body: Buffer | Static<typeof PostDocumentJson> }>("/api/documents", {
    config: { write: true },
    schema: {
      tags: ["documents"],
      summary: "extract a document (text, HTML or JSON body, or { \"url\": ... } to fetch) and store it; posting the same name and bytes again changes nothing",
      querystring: PostDocumentQuery,
      body: { content: { "application/json": { schema: PostDocumentJson }, "text/plain": { schema: RAW_BODY }, "text/html": { schema: RAW_BODY } } },
      security: o.noAuth ? [] : [{ bearer: [] }],
      response: { ...answers(PostDocumentResponse, "unchanged (the same name and bytes are stored)"), 201: { description: "stored (inserted or replaced)", ...PostDocumentResponse } },
    },
  }, async (req, reply) => {
    const ct = String(req.headers["content-type"] ?? "");
    let r: OneIngest;
    try {
      if (Buffer.isBuffer(req.body)) {
        if (!req.body.length) throw new HttpError(400, "bad_body", "the body is empty", "body");
        r = await ingestBytes(store, req.body, bodyKind(ct, req.query.name), { name: req.query.name, url: req.query.url, declaredCharset: /charset=([^;\s]+)/i.exec(ct)?.[1], extractor: extractorOf() });
      } else {
        const b = (req.body ?? {}) as Static<typeof PostDocumentJson>;
        if (b.url) {
          fetcher ??= new PoliteFetcher();
          r = await ingestUrl(store, fetcher, b.url, extractorOf());
        } else {
          if (![b.text, b.body, b.content, b.article].some((x) => typeof x === "string" && x.trim())) {
            throw new HttpError(400, "bad_body", "the JSON body needs a non-empty text (or body, content, article) field, or a url", "body");
          }
          r = await ingestBytes(store, Buffer.from(JSON.stringify(b)), "json", { name: req.query.name, url: req.query.url, extractor: extractorOf() });
        }
      }
    } catch (e) {
      if (e instanceof InputError || e instanceof PageError) throw new HttpError(422, "unreadable", e.message, "body");
      if (e instanceof FetchError) throw new HttpError(502, "fetch_failed", e.message, "url");
      throw e;
    }
    if (r.outcome !== "unchanged") totals.clear(); // this server's writes make cached totals stale
    const id = await store.documentId(r.origin);
    const stored = id ? await store.document(id) : null;
    reply.code(r.outcome === "unchanged" ? 200 : 201);
    return {
      outcome: r.outcome,
      document: stored ? { id: stored.id, name: stored.name, origin: stored.origin } : null,
      events: stored?.event_ids ?? [],
      extracted: r.result ? r.result.events.filter((e) => !e.status).length : null,
    };
  });

  app.delete<{ Params: Static<typeof IdParams> }>("/api/documents/:id", {
    config: { write: true },
    schema: { tags: ["documents"], summary: "remove a document; its reports leave their events, which are recomputed (or removed when no report is left)", params: IdParams, security: o.noAuth ? [] : [{ bearer: [] }], response: answers(DeleteDocumentResponse, "removed") },
  }, async (req) => {
    const d = await store.document(req.params.id);
    if (!d) throw new HttpError(404, "not_found", `no document ${req.params.id}`, "id");
    await store.removeDocument(d.origin);
    totals.clear();
    const kept: number[] = [], removed: number[] = [];
    for (const id of d.event_ids) ((await store.event(id)) ? kept : removed).push(id);
    return { deleted: d.id, origin: d.origin, events_recomputed: kept, events_removed: removed };
  });

  app.get<{ Querystring: Static<typeof ActorsQuery> }>("/api/actors", {
    schema: { tags: ["actors"], summary: "countries and organisations (kind=country) or persons (kind=person) with their event counts, most first", querystring: ActorsQuery, security: readSecurity, response: lists(ActorsPage, "a page of actors and the total") },
  }, async (req, reply) => {
    const q = req.query;
    const r = await store.actors(q.kind as "country" | "person", { ...filterOf(q), limit: q.limit, offset: q.offset });
    return sendRows(req, reply, q, "actors", r.rows, { total: r.total, limit: q.limit, offset: q.offset });
  });

  app.get<{ Params: Static<typeof PersonParams> }>("/api/actors/persons/:name", {
    schema: { tags: ["actors"], summary: "a person's offices by date: as stored with events, and the terms the lexicon knows", params: PersonParams, security: readSecurity, response: answers(PersonResponse, "offices and terms") },
  }, async (req) => {
    const name = req.params.name;
    const offices = await store.personOffices(name);
    const lex = loadLexicon();
    const known = [...lex.persons.values()].find((p) => p.name === name || Object.values(p.names).some((l) => l?.includes(name)));
    if (!offices.length && !known) throw new HttpError(404, "not_found", `no person ${name}`, "name");
    return { name, offices, terms: known ? known.terms : [] };
  });

  app.get<{ Querystring: Static<typeof DyadsQuery> }>("/api/dyads", {
    schema: { tags: ["aggregates"], summary: "a country's partners ranked by events, with the type mix and mean Goldstein score", querystring: DyadsQuery, security: readSecurity, response: lists(DyadsResponse, "partners") },
  }, async (req, reply) => {
    const q = req.query;
    return sendRows(req, reply, q, "dyads", await store.dyads(q.country, filterOf(q)), { country: q.country });
  });

  app.get<{ Querystring: Static<typeof TimelineQuery> }>("/api/timeline", {
    schema: { tags: ["aggregates"], summary: "events between two sides per day, month or year, with the mean Goldstein score", querystring: TimelineQuery, security: readSecurity, response: lists(TimelineResponse, "periods") },
  }, async (req, reply) => {
    const q = req.query;
    return sendRows(req, reply, q, "timeline", await store.timeline(q.a, q.b, q.by as "day" | "month" | "year"), { a: q.a, b: q.b, by: q.by });
  });

  app.get<{ Querystring: Static<typeof CountsQuery> }>("/api/counts", {
    schema: { tags: ["aggregates"], summary: "event counts by type, month, report language or source", querystring: CountsQuery, security: readSecurity, response: lists(CountsResponse, "counts") },
  }, async (req, reply) => {
    const q = req.query;
    return sendRows(req, reply, q, "counts", await store.breakdown(q.by as never, filterOf(q)), { by: q.by });
  });

  app.get<{ Querystring: Static<typeof FiguresQuery> }>("/api/figures", {
    schema: { tags: ["aggregates"], summary: "stated figures (trade turnover...) by pair of countries and year, with their evidence", querystring: FiguresQuery, security: readSecurity, response: lists(FiguresPage, "a page of figures and the total") },
  }, async (req, reply) => {
    const q = req.query;
    const r = await store.figures({ country: q.country, with: q.with, year: q.year, what: q.what, limit: q.limit, offset: q.offset });
    return sendRows(req, reply, q, "figures", r.rows, { total: r.total, limit: q.limit, offset: q.offset });
  });

  app.get<{ Querystring: Static<typeof SearchQuery> }>("/api/search", {
    schema: { tags: ["documents"], summary: "full-text search over stored articles, any language; best matches first", querystring: SearchQuery, security: readSecurity, response: lists(SearchResponse, "hits, best first") },
  }, async (req, reply) => {
    const q = req.query;
    const hits = (await store.search(q.q, q.limit + q.offset)).slice(q.offset);
    return sendRows(req, reply, q, "hits", hits, { q: q.q, limit: q.limit, offset: q.offset });
  });

  app.get<{ Querystring: Static<typeof ExportQuery> }>("/api/export", {
    schema: { tags: ["events"], summary: "every matching event, streamed: JSON Lines, CSV, GDELT 2.0 event table or PLOVER JSON Lines", querystring: ExportQuery, security: readSecurity,
      response: { 200: { description: "the events, one per line (CSV with a header)", content: { "application/x-ndjson": { schema: STRING }, "text/csv": { schema: STRING }, "text/tab-separated-values": { schema: STRING } } }, "4xx": ErrorResponse } },
  }, async (req, reply) => {
    const q = req.query;
    const line = { jsonl: eventToJson, csv: eventToCsv, gdelt: eventToGdelt, plover: eventToPlover }[q.format as "jsonl"];
    async function* lines() {
      if (q.format === "csv") yield CSV_HEADER.join(",") + "\n";
      let batch = "";
      for await (const e of eachEvent(store, filterOf(q))) {
        batch += line(e) + "\n";
        if (batch.length > 64 * 1024) {
          yield batch;
          batch = "";
        }
      }
      if (batch) yield batch;
    }
    const type = { jsonl: "application/x-ndjson", plover: "application/x-ndjson", csv: "text/csv", gdelt: "text/tab-separated-values" }[q.format as "jsonl"];
    reply.type(`${type}; charset=utf-8`).header("content-disposition", `attachment; filename="events.${q.format === "gdelt" ? "tsv" : q.format === "csv" ? "csv" : "jsonl"}"`);
    return reply.send(Readable.from(lines()));
  });

  await registerDashboardRoutes(app, store, readSecurity);
  if (o.web) await registerWeb(app, o.web);

  return app;
}
