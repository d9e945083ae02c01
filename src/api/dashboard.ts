// API routes the dashboard's pages need beyond the store's own: events per period by type and
// mode, the most active pairs, events and mean Goldstein per country, topics per period, persons
// acting for a country, an event's documents and a document's events. JSON, validated and
// described (OpenAPI) like the other routes.

import type { FastifyInstance } from "fastify";
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

const SeriesQuery = Type.Object({ ...DashFilters, by: by("month") }, { additionalProperties: false });
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

export async function registerDashboardRoutes(app: FastifyInstance, store: Store, security: { [label: string]: string[] }[]): Promise<void> {
  let q: DashboardQueries | null = null;
  const dash = () => (q ??= new DashboardQueries(store));
  const tags = ["aggregates"];

  app.get<{ Querystring: Static<typeof SeriesQuery> }>("/api/series", {
    schema: { tags, summary: "events per period by type and mode, with the sum of Goldstein scores (dated events)", querystring: SeriesQuery, security, response: answers(SeriesResponse, "periods") },
  }, async (req) => ({ by: req.query.by, series: await dash().series(req.query, req.query.by as "month") }));

  app.get<{ Querystring: Static<typeof PairsQuery> }>("/api/pairs", {
    schema: { tags, summary: "the most active pairs (side lists) with their mean Goldstein score", querystring: PairsQuery, security, response: answers(PairsResponse, "pairs, most events first") },
  }, async (req) => ({ pairs: await dash().pairs(req.query, req.query.limit) }));

  app.get<{ Querystring: Static<typeof CountriesQuery> }>("/api/countries", {
    schema: { tags, summary: "every side with its events and mean Goldstein score", querystring: CountriesQuery, security, response: answers(CountriesResponse, "sides, most events first") },
  }, async (req) => ({ countries: await dash().countries(req.query) }));

  app.get<{ Querystring: Static<typeof TopicsQuery> }>("/api/topics", {
    schema: { tags, summary: "events per period and topic", querystring: TopicsQuery, security, response: answers(TopicsResponse, "periods and topics") },
  }, async (req) => ({ by: req.query.by, topics: await dash().topics(req.query, req.query.by as "year") }));

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
