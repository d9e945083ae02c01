// API routes the dashboard's pages need beyond the store's own: events per period by type and
// mode, the most active pairs, events and mean Goldstein per country, topics per period, persons
// acting for a country, an event's documents and a document's events. JSON, validated and
// described (OpenAPI) like the other routes.

import type { FastifyInstance, FastifyReply } from "fastify";
import { Type, type Static } from "@sinclair/typebox";
import { DashboardQueries } from "../store/dashboard.js";
import type { Store } from "../store/index.js";
import { ErrorResponse, EventFilters, IdParams } from "./schemas.js";

const Int = Type.Integer();
const Str = Type.String();
const NStr = Type.Unsafe<string | null>({ type: "string", nullable: true });

const DashFilters = {
  country: EventFilters.country,
  with: EventFilters.with,
  type: EventFilters.type,
  since: EventFilters.since,
  until: EventFilters.until,
};
const by = (dflt: "month" | "year") => Type.String({ enum: ["day", "month", "year"], default: dflt, description: "period length" });
const limit = (dflt: number, max: number) => Type.Integer({ minimum: 1, maximum: max, default: dflt, description: `rows (at most ${max})` });

const SeriesQuery = Type.Object({
  ...DashFilters, by: by("month"),
  group: Type.String({ enum: ["type", "family"], default: "type", description: "by type and mode, or by PLOVER family (cooperative, verbal conflict, material conflict: then `type` holds the family and `mode` is null)" }),
}, { additionalProperties: false });
const PairsQuery = Type.Object({ ...DashFilters, limit: limit(10, 200) }, { additionalProperties: false });
const CountriesQuery = Type.Object(DashFilters, { additionalProperties: false });
const TopicsQuery = Type.Object({ ...DashFilters, by: by("year") }, { additionalProperties: false });
const PersonsQuery = Type.Object({ country: Type.Unsafe<string>({ ...EventFilters.country, description: "the country the persons acted for" }), limit: limit(50, 500) }, { additionalProperties: false });

const SeriesResponse = Type.Object({ by: Str, series: Type.Array(Type.Object({ period: Str, type: Str, mode: NStr, events: Int, goldstein: Type.Number({ description: "sum of the Goldstein scores" }) })) });
const PairsResponse = Type.Object({ pairs: Type.Array(Type.Object({ sides: Type.Array(Str), events: Int, goldstein: Type.Number({ description: "mean Goldstein score" }) })) });
const CountriesResponse = Type.Object({ countries: Type.Array(Type.Object({ country: Str, events: Int, goldstein: Type.Number({ description: "mean Goldstein score" }) })) });
const TopicsResponse = Type.Object({ by: Str, topics: Type.Array(Type.Object({ period: Str, topic: Str, events: Int })) });
const PersonsResponse = Type.Object({ country: Str, persons: Type.Array(Type.Object({ name: Str, country: Str, role: NStr, events: Int, first: NStr, last: NStr })) });
const EventDocumentsResponse = Type.Object({ documents: Type.Array(Type.Object({ report: Int, document_id: Int, origin: Str, name: Str })) });
const DocumentEventsResponse = Type.Object({ links: Type.Array(Type.Object({ event: Type.Integer({ description: "index of the event in the document's extraction (a mention's `event`)" }), id: Type.Integer({ description: "the stored event" }) })) });

const DocumentIdsQuery = Type.Object({ origin: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { minItems: 1, maxItems: 100, description: "origins (paths or URLs) as search hits and reports give them" }) }, { additionalProperties: false });
const DocumentIdsResponse = Type.Object({ documents: Type.Array(Type.Object({ origin: Str, id: Int })) });

const answers = (schema: object, description: string) => ({ 200: { description, ...schema }, "4xx": ErrorResponse, "5xx": ErrorResponse });

/**
 * Aggregates reused across requests: a whole-store aggregate is a scan (half a second over
 * 100,000 events on a busy machine) and every visit of the overview asks for the same ones.
 * An answer is fresh for `ttlMs` (a minute); after that the stale answer is still given (at most
 * `maxMs`, ten minutes, old) while one recomputation runs. This server's writes clear it; another
 * process's ingest shows within a minute.
 */
export class AggregateCache {
  private readonly map = new Map<string, { at: number; value: Promise<unknown>; refreshing?: boolean }>();
  constructor(private readonly ttlMs = 60_000, private readonly maxMs = 600_000) {}
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    if (hit && now - hit.at < this.maxMs) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = compute();
        next.then(() => this.map.set(key, { at: Date.now(), value: next }), () => (hit.refreshing = false));
      }
      return hit.value as Promise<T>;
    }
    if (this.map.size > 500) this.map.clear();
    const value = compute();
    this.map.set(key, { at: now, value });
    value.catch(() => this.map.delete(key));
    return value;
  }
  clear(): void {
    this.map.clear();
  }
}

export async function registerDashboardRoutes(app: FastifyInstance, store: Store, security: { [label: string]: string[] }[], cache = new AggregateCache()): Promise<void> {
  let q: DashboardQueries | null = null;
  const dash = () => (q ??= new DashboardQueries(store));
  const tags = ["aggregates"];
  // Cached answers are kept as their JSON text: sending it again costs no serialisation.
  const cached = <T>(route: string, query: object, compute: () => Promise<T>) => cache.get(route + JSON.stringify(query), async () => JSON.stringify(await compute()));
  const json = (reply: FastifyReply, text: string) => reply.type("application/json; charset=utf-8").serializer((s: unknown) => s as string).send(text);
  // A write through this server (a posted or deleted document) makes the aggregates stale.
  app.addHook("onResponse", async (req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD" && reply.statusCode < 300) cache.clear();
  });
  // The overview's series (GET /api/series?group=family) is computed once the server listens,
  // so the first visit finds it.
  app.addHook("onListen", async () => {
    setImmediate(() => void cached("/api/series", { by: "month", group: "family" }, async () => ({ by: "month", series: await dash().series({}, "month", "family") })).catch(() => {}));
  });

  app.get<{ Querystring: Static<typeof SeriesQuery> }>("/api/series", {
    schema: { tags, summary: "events per period by type and mode, with the sum of Goldstein scores (dated events)", querystring: SeriesQuery, security, response: answers(SeriesResponse, "periods") },
  }, async (req, reply) => json(reply, await cached("/api/series", req.query, async () => ({ by: req.query.by, series: await dash().series(req.query, req.query.by as "month", req.query.group as "type") }))));

  app.get<{ Querystring: Static<typeof PairsQuery> }>("/api/pairs", {
    schema: { tags, summary: "the most active pairs (side lists) with their mean Goldstein score", querystring: PairsQuery, security, response: answers(PairsResponse, "pairs, most events first") },
  }, async (req, reply) => json(reply, await cached("/api/pairs", req.query, async () => ({ pairs: await dash().pairs(req.query, req.query.limit) }))));

  app.get<{ Querystring: Static<typeof CountriesQuery> }>("/api/countries", {
    schema: { tags, summary: "every side with its events and mean Goldstein score", querystring: CountriesQuery, security, response: answers(CountriesResponse, "sides, most events first") },
  }, async (req, reply) => json(reply, await cached("/api/countries", req.query, async () => ({ countries: await dash().countries(req.query) }))));

  app.get<{ Querystring: Static<typeof TopicsQuery> }>("/api/topics", {
    schema: { tags, summary: "events per period and topic", querystring: TopicsQuery, security, response: answers(TopicsResponse, "periods and topics") },
  }, async (req, reply) => json(reply, await cached("/api/topics", req.query, async () => ({ by: req.query.by, topics: await dash().topics(req.query, req.query.by as "year") }))));

  app.get<{ Querystring: Static<typeof PersonsQuery> }>("/api/persons", {
    schema: { tags: ["actors"], summary: "the named persons who acted for a country, with their roles and dates", querystring: PersonsQuery, security, response: answers(PersonsResponse, "persons, most events first") },
  }, async (req) => ({ country: req.query.country, persons: await dash().persons(req.query.country, req.query.limit) }));

  app.get<{ Params: Static<typeof IdParams> }>("/api/events/:id/documents", {
    schema: { tags: ["events"], summary: "the stored documents of an event's reports (ids for GET /api/documents/:id)", params: IdParams, security, response: answers(EventDocumentsResponse, "documents in report order") },
  }, async (req, reply) => {
    const rows = await dash().eventDocuments(req.params.id);
    if (!rows.length) return reply.code(404).send({ error: { status: 404, code: "not_found", message: `no event ${req.params.id}`, parameter: "id" } });
    return { documents: rows };
  });

  app.get<{ Querystring: Static<typeof DocumentIdsQuery> }>("/api/document-ids", {
    schema: { tags: ["documents"], summary: "the ids of stored documents by origin (search hits and reports name them by origin)", querystring: DocumentIdsQuery, security, response: answers(DocumentIdsResponse, "the stored ones") },
  }, async (req) => ({ documents: await dash().documentIds(req.query.origin) }));

  app.get<{ Params: Static<typeof IdParams> }>("/api/documents/:id/events", {
    schema: { tags: ["documents"], summary: "which stored event each event of the document's extraction became (links a mention's `event` to an event id)", params: IdParams, security, response: answers(DocumentEventsResponse, "links") },
  }, async (req) => ({ links: await dash().documentEvents(req.params.id) }));
}
