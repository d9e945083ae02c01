// The parameters of every query, declared once (TypeBox, i.e. JSON Schema). The HTTP API
// validates requests with them (and generates its OpenAPI description from them); the CLI
// validates its filters with the same schemas through `checkParams`, so `parley events --type FOO`
// and `GET /api/events?type=FOO` fail alike, naming the value and what is allowed.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { Ajv, type ErrorObject, type Options } from "ajv";
import { DATA_DIR } from "../lexicon/index.js";

const require = createRequire(import.meta.url);

export const EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "CONCEDE", "RETREAT", "MOBILIZE", "COERCE", "ASSAULT"];
export const LANGS = ["en", "ru", "uk", "ar", "tg", "fa", "uz", "kk", "ky", "tr", "fr", "de", "es", "zh", "tk", "az", "ur", "hy", "und"];

const readData = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), "utf8"));

/** Event modes named in the event lexicons (meeting, phone, sign, ...). */
function modes(): string[] {
  const out = new Set<string>();
  const dir = path.join(DATA_DIR, "events");
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json"))) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (k === "mode" && typeof x === "string" ? out.add(x) : walk(x));
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
  }
  return [...out].sort();
}

export const MODES = modes();
export const TOPICS = Object.keys(readData("topics.json")).filter((k) => !k.startsWith("_")).sort();
/** Organisation codes (UN, SCO, CIS...) that stand as sides like countries. */
export const ORG_CODES = Object.keys(readData("orgs.json")).filter((k) => !k.startsWith("_")).sort();
/** ISO 3166-1 alpha-3 codes (CLDR and the project's country list) and organisation codes. */
export const SIDE_CODES = new Set<string>([
  ...Object.keys((require("i18n-iso-countries") as { getAlpha3Codes(): Record<string, string> }).getAlpha3Codes()),
  ...Object.keys(readData("countries.json")).filter((k) => /^[A-Z]{3}$/.test(k)),
  ...ORG_CODES,
]);

/** A date or its prefix (YYYY, YYYY-MM, YYYY-MM-DD) that exists on the calendar. */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Ajv options shared by the server and the CLI: the formats below, types coerced from query strings. */
export const AJV_OPTIONS: Options = {
  coerceTypes: "array",
  useDefaults: true,
  removeAdditional: false,
  allErrors: false,
  verbose: true,
  strict: false,
  formats: {
    side: { type: "string", validate: (s: string) => SIDE_CODES.has(s) },
    "partial-date": { type: "string", validate: isPartialDate },
  },
};

export const MAX_LIMIT = 500;

const side = (description: string) => Type.String({ format: "side", description: `${description}: an ISO 3166-1 alpha-3 code (TJK) or an organisation code (SCO)`, examples: ["TJK"] });
const date = (description: string) => Type.String({ format: "partial-date", description: `${description} (YYYY, YYYY-MM or YYYY-MM-DD)`, examples: ["2020-01-01"] });
const text = (description: string, max = 200) => Type.String({ minLength: 1, maxLength: max, description });

/** The CLI's event filters. */
export const EventFilters = {
  country: Type.Optional(side("a side of the event")),
  with: Type.Optional(side("and this side too")),
  type: Type.Optional(Type.String({ enum: EVENT_TYPES, description: "PLOVER event type" })),
  mode: Type.Optional(Type.String({ enum: MODES, description: "event mode" })),
  person: Type.Optional(text("part of a person's name, any case")),
  org: Type.Optional(Type.String({ enum: ORG_CODES, description: "an organisation that is a side or named in a report's document" })),
  topic: Type.Optional(Type.String({ enum: TOPICS, description: "topic" })),
  since: Type.Optional(date("events on or after")),
  until: Type.Optional(date("events on or before")),
  lang: Type.Optional(Type.String({ enum: LANGS, description: "language of a report" })),
  source: Type.Optional(text("source host of a report (example.tj)")),
};
export const EventFilterSchema = Type.Object(EventFilters, { additionalProperties: false });

const paging = (defaultLimit = 50) => ({
  limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: defaultLimit, description: `rows per page (at most ${MAX_LIMIT})` }),
  offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0, description: "rows to skip" }),
});
const format = Type.Optional(Type.String({ enum: ["json", "csv", "jsonl"], description: "response format (also chosen by the Accept header: text/csv, application/x-ndjson)" }));

export const EventsQuery = Type.Object({
  ...EventFilters,
  ...paging(),
  sort: Type.String({ enum: ["-date", "date"], default: "-date", description: "newest first (-date) or oldest first; undated events last" }),
  cursor: Type.Optional(Type.String({ maxLength: 200, pattern: "^[A-Za-z0-9_-]+$", description: "next_cursor of the previous page (keyset paging; offset is then ignored)" })),
  format,
}, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1, description: "numeric id" }) }, { additionalProperties: false });

export const DocumentsQuery = Type.Object({
  lang: EventFilters.lang,
  source: EventFilters.source,
  since: Type.Optional(date("published on or after")),
  until: Type.Optional(date("published on or before")),
  ...paging(),
  sort: Type.String({ enum: ["-published", "published", "-id", "id"], default: "-published" }),
  format,
}, { additionalProperties: false });

export const ActorsQuery = Type.Object({
  kind: Type.String({ enum: ["country", "person"], default: "country", description: "countries (and organisations) or persons" }),
  ...EventFilters,
  ...paging(),
  format,
}, { additionalProperties: false });

export const PersonParams = Type.Object({ name: text("the person's name as stored (Sergey Lavrov)") }, { additionalProperties: false });

export const DyadsQuery = Type.Object({ ...EventFilters, country: side("the country whose partners are listed"), format }, { additionalProperties: false });

export const TimelineQuery = Type.Object({
  a: side("one side"),
  b: side("the other side"),
  by: Type.String({ enum: ["day", "month", "year"], default: "month" }),
  format,
}, { additionalProperties: false });

export const CountsQuery = Type.Object({
  by: Type.String({ enum: ["type", "month", "language", "source"], description: "what to count events by" }),
  ...EventFilters,
  format,
}, { additionalProperties: false });

export const FiguresQuery = Type.Object({
  country: Type.Optional(side("a country the figure is between")),
  with: Type.Optional(side("and this one")),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100, description: "the year the figure is for" })),
  what: Type.Optional(text("what is measured (trade turnover)")),
  ...paging(),
  format,
}, { additionalProperties: false });

export const SearchQuery = Type.Object({
  q: text("words to find, any language (all must occur; longer words match their inflected forms)", 500),
  ...paging(20),
  format,
}, { additionalProperties: false });

export const ExportQuery = Type.Object({
  ...EventFilters,
  format: Type.String({ enum: ["jsonl", "csv", "gdelt", "plover"], default: "jsonl", description: "jsonl, csv, GDELT 2.0 event table (TSV) or PLOVER JSON Lines" }),
}, { additionalProperties: false });

export const PostDocumentQuery = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: "^[^/\\\\\\u0000-\\u001f]+$", description: "document name (page.html); with the body's bytes it makes the document's identity: posting the same name and bytes again changes nothing" })),
  url: Type.Optional(Type.String({ maxLength: 2000, pattern: "^https?://\\S+$", description: "the page's address (origin) for a posted body" })),
}, { additionalProperties: false });

export const PostDocumentJson = Type.Object({
  url: Type.Optional(Type.String({ maxLength: 2000, pattern: "^https?://\\S+$", description: "fetch this page (politely: robots.txt, timeouts, size cap) and ingest it" })),
  text: Type.Optional(Type.String({ description: "article text (or body, content, article)" })),
  body: Type.Optional(Type.String()),
  content: Type.Optional(Type.String()),
  article: Type.Optional(Type.String()),
  title: Type.Optional(Type.String({ maxLength: 2000 })),
});

export type EventsQueryT = Static<typeof EventsQuery>;

/** A request parameter that is wrong: the API answers 400, the CLI exits 2. */
export class ParamError extends Error {
  constructor(public readonly parameter: string, message: string) {
    super(message);
    this.name = "ParamError";
  }
}

const short = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
};

/** One Ajv error as a message naming the parameter, the bad value and what is allowed. */
export function describeError(e: ErrorObject, where: string): ParamError {
  const param = e.keyword === "required" ? String(e.params.missingProperty)
    : e.keyword === "additionalProperties" ? String(e.params.additionalProperty)
    : e.instancePath.replace(/^\//, "").split("/")[0] || where;
  const v = e.data;
  let msg: string;
  switch (e.keyword) {
    case "required": msg = `${param} is required`; break;
    case "additionalProperties": msg = `unknown parameter '${param}'`; break;
    case "enum": msg = `${param}: '${short(v)}' is not one of ${(e.params.allowedValues as string[]).join(", ")}`; break;
    case "format":
      msg = e.params.format === "side" ? `${param}: unknown country or organisation code '${short(v)}' (ISO 3166-1 alpha-3 such as TJK, or an organisation such as ${ORG_CODES.slice(0, 4).join(", ")})`
        : e.params.format === "partial-date" ? `${param}: '${short(v)}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`
        : `${param}: '${short(v)}' is not a valid ${e.params.format}`;
      break;
    case "type": msg = `${param}: '${short(v)}' is not ${e.params.type === "integer" ? "an integer" : `a ${e.params.type}`}`; break;
    case "maximum": case "minimum": msg = `${param}: ${short(v)} is ${e.keyword === "maximum" ? "over the maximum" : "under the minimum"} ${e.params.limit}`; break;
    case "maxLength": msg = `${param}: longer than ${e.params.limit} characters`; break;
    case "minLength": msg = `${param}: must not be empty`; break;
    case "pattern": msg = `${param}: '${short(v)}' has characters that are not allowed`; break;
    default: msg = `${param}: ${e.message ?? "invalid"}`;
  }
  return new ParamError(param, msg);
}

let ajv: Ajv | null = null;
const compiled = new Map<TSchema, ReturnType<Ajv["compile"]>>();

/**
 * Validate and coerce parameters (strings as from a query string or a command line) against a
 * schema; returns the coerced object or throws ParamError.
 */
export function checkParams<T extends TSchema>(schema: T, params: Record<string, unknown>): Static<T> {
  ajv ??= new Ajv(AJV_OPTIONS);
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  const data = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  if (!validate(data)) throw describeError(validate.errors![0], "parameters");
  return data as Static<T>;
}

// Responses: declared for the OpenAPI description (and Fastify's fast serialiser). Nullable
// fields use OpenAPI 3.0's `nullable`.
const nullable = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, nullable: true });
const Str = Type.String();
const Int = Type.Integer();
const NStr = nullable(Type.String());

export const ErrorResponse = Type.Object({
  error: Type.Object({
    status: Int, code: Str, message: Str,
    parameter: Type.Optional(Type.String({ description: "the parameter at fault (query, path or body)" })),
  }),
}, { description: "every error: 400 bad parameter or body, 401 no token, 403 wrong token or read-only, 404, 413 body too large, 415, 422 unreadable document, 502 fetch failed" });

const Actor = Type.Object({ country: Str, name: NStr, role: NStr });
const Report = Type.Object({
  document: Str, origin: Str, source: NStr, lang: Str, sentence: Type.String({ description: "the evidence sentence" }),
  start: Type.Integer({ description: "offset of the sentence in the decoded document" }), end: Int, date: NStr, why: Type.String({ description: "why this report was merged into the event (or that it is the first)" }),
});
export const EventResponse = Type.Object({
  id: Int, type: Str, mode: NStr, cameo: Str, goldstein: Type.Number(), date: NStr,
  location: nullable(Type.Object({ city: NStr, country: NStr })),
  actors: Type.Array(Actor), topics: Type.Array(Str), reports: Type.Array(Report),
});
export const EventsPage = Type.Object({
  total: Int, limit: Int, offset: nullable(Type.Integer()), next_cursor: nullable(Type.String({ description: "pass as cursor for the next page; null on the last page" })),
  events: Type.Array(EventResponse),
});
const DocumentSummaryR = {
  id: Int, name: Str, origin: Str, source: NStr, lang: Str, published: NStr, title: NStr, events: Type.Integer({ description: "stored events this document reports" }),
};
export const DocumentsPage = Type.Object({ total: Int, limit: Int, offset: Int, documents: Type.Array(Type.Object(DocumentSummaryR)) });
const Figure = Type.Object({
  document: Str, document_id: Int, published: NStr, what: NStr, value: Type.Number(), unit: Str, year: nullable(Type.Integer()),
  between: Type.Array(Str), sentence: Str, start: Int, end: Int,
});
const Mention = Type.Object({
  kind: Type.String({ enum: ["title", "published", "trigger", "actor", "date", "location", "topic", "org", "third_country", "figure"] }),
  value: NStr, start: Int, end: Int,
  body_start: nullable(Type.Integer({ description: "offset in `body` (null when the span is not in the body)" })), body_end: nullable(Type.Integer()),
  event: nullable(Type.Integer({ description: "index of the event in the document's extraction" })),
});
export const DocumentResponse = Type.Object({
  ...DocumentSummaryR, body: NStr, encoding: NStr, orgs: Type.Array(Str), ingested_at: NStr,
  mentions: Type.Array(Mention), figures: Type.Array(Figure), event_ids: Type.Array(Int),
});
export const PostDocumentResponse = Type.Object({
  outcome: Type.String({ enum: ["inserted", "replaced", "unchanged"] }),
  document: nullable(Type.Object({ id: Int, name: Str, origin: Str })),
  events: Type.Array(Int), extracted: nullable(Type.Integer({ description: "events extracted (null when unchanged)" })),
});
export const DeleteDocumentResponse = Type.Object({ deleted: Int, origin: Str, events_recomputed: Type.Array(Int), events_removed: Type.Array(Int) });
export const ActorsPage = Type.Object({ total: Int, limit: Int, offset: Int, actors: Type.Array(Type.Object({ country: Str, name: NStr, events: Int })) });
export const PersonResponse = Type.Object({
  name: Str,
  offices: Type.Array(Type.Object({ country: Str, role: NStr, first: NStr, last: NStr, events: Int })),
  terms: Type.Array(Type.Object({ country: Str, office: Str, role: Str, from: Str, to: NStr })),
});
export const DyadsResponse = Type.Object({ country: Str, dyads: Type.Array(Type.Object({ partner: Str, events: Int, types: Type.Record(Type.String(), Type.Integer()), goldstein: Type.Number() })) });
export const TimelineResponse = Type.Object({ a: Str, b: Str, by: Str, timeline: Type.Array(Type.Object({ period: Str, events: Int, goldstein: Type.Number() })) });
export const CountsResponse = Type.Object({ by: Str, counts: Type.Array(Type.Object({ key: NStr, events: Int })) });
export const FiguresPage = Type.Object({ total: Int, limit: Int, offset: Int, figures: Type.Array(Figure) });
export const SearchResponse = Type.Object({ q: Str, limit: Int, offset: Int, hits: Type.Array(Type.Object({ document: Str, origin: Str, title: NStr, snippet: Str, events: Type.Array(Int) })) });
export const RootResponse = Type.Object({ api: Str, store: Str, counts: Type.Object({ documents: Int, events: Int, reports: Int }), docs: Str, openapi: Str });
