// The storage interface: one contract, an SQLite implementation (embedded default) and a
// PostgreSQL one. Commands, the HTTP API and the dashboard talk only to this interface.

import type { DocumentResult, EventType } from "../types.js";

/** The database used when none is named: an SQLite file in the working folder. */
export const DEFAULT_DB = "parley.db";

export interface DocumentMeta {
  /** Where the document came from (path or URL); the identity of a document across ingests. */
  origin: string;
  /** Hash of the bytes as read; an unchanged hash means nothing to do. */
  hash: string;
}

export type IngestOutcome = "inserted" | "replaced" | "unchanged";

/** One document to store (see Store.ingestBatch). */
export interface IngestItem {
  meta: DocumentMeta;
  result: DocumentResult;
  lexiconVersion: string;
}

export interface EventFilter {
  country?: string;
  with?: string;
  type?: EventType | string;
  mode?: string;
  person?: string;
  org?: string;
  topic?: string;
  since?: string;
  until?: string;
  lang?: string;
  source?: string;
  limit?: number;
  offset?: number;
  sort?: "date" | "-date";
  /** Keyset paging: rows after this one in the chosen order (from the last row of a page). */
  cursor?: { date: string | null; id: number };
}

export interface DocumentFilter {
  lang?: string;
  source?: string;
  /** Publication date bounds (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
  sort?: "published" | "-published" | "id" | "-id";
}

export interface DocumentSummary {
  id: number;
  name: string;
  origin: string;
  source: string | null;
  lang: string;
  published: string | null;
  title: string | null;
  events: number;
}

/** A span the extraction found, with offsets into the stored body (null when outside it). */
export interface MentionRow {
  kind: "title" | "published" | "trigger" | "actor" | "date" | "location" | "topic" | "org" | "third_country" | "figure";
  value: string | null;
  /** Offsets into the decoded input text (as in the extraction's evidence). */
  start: number;
  end: number;
  /** The same span in the stored body, for highlighting; null when the span is not in the body. */
  body_start: number | null;
  body_end: number | null;
  /** Index of the event in the document's extraction, for triggers, actors, dates, places, topics. */
  event: number | null;
}

export interface FigureRow {
  document: string;
  document_id: number;
  published: string | null;
  what: string | null;
  value: number;
  unit: string;
  year: number | null;
  between: string[];
  sentence: string;
  start: number;
  end: number;
}

export interface FigureFilter {
  country?: string;
  with?: string;
  year?: number;
  what?: string;
  limit?: number;
  offset?: number;
}

export interface DocumentDetail extends DocumentSummary {
  body: string | null;
  encoding: string | null;
  orgs: string[];
  ingested_at: string | null;
  mentions: MentionRow[];
  figures: FigureRow[];
  /** Stored events this document reports. */
  event_ids: number[];
}

export interface ActorCount {
  country: string;
  name: string | null;
  events: number;
}

export interface OfficeSpan {
  country: string;
  role: string | null;
  first: string | null;
  last: string | null;
  events: number;
}

export interface CountRow {
  key: string | null;
  events: number;
}

export type Breakdown = "type" | "month" | "language" | "source";

export interface ReportRow {
  document: string;
  origin: string;
  source: string | null;
  lang: string;
  sentence: string;
  start: number;
  end: number;
  date: string | null;
  why: string;
}

export interface EventRow {
  id: number;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  date: string | null;
  location: { city: string | null; country: string | null } | null;
  actors: { country: string; name: string | null; role: string | null }[];
  topics: string[];
  reports: ReportRow[];
}

export interface DyadRow {
  partner: string;
  events: number;
  types: Record<string, number>;
  goldstein: number;
}

export interface TimelineRow {
  period: string;
  events: number;
  goldstein: number;
}

export interface SearchHit {
  document: string;
  origin: string;
  title: string | null;
  snippet: string;
  events: number[];
}

export interface Counts {
  documents: number;
  events: number;
  reports: number;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Apply pending schema migrations. */
  migrate(): Promise<void>;
  /** The stored hash of a document, or null. */
  documentHash(origin: string): Promise<string | null>;
  /** The stored hashes of documents by origin (those not stored are left out). */
  documentHashes(origins: string[]): Promise<Map<string, string>>;
  /** Store one document and its events, whole or not at all; merges reports into events. */
  ingest(meta: DocumentMeta, result: DocumentResult, lexiconVersion: string): Promise<IngestOutcome>;
  /**
   * Store documents in one transaction (all or none), with the rows, ids and merges that ingesting
   * them one after another in this order gives; the outcome of each, in order.
   */
  ingestBatch(items: IngestItem[]): Promise<IngestOutcome[]>;
  /** Remove a document; its reports leave their events, and events left without reports go. */
  removeDocument(origin: string): Promise<boolean>;
  events(filter: EventFilter): Promise<EventRow[]>;
  event(id: number): Promise<EventRow | null>;
  dyads(country: string, filter?: EventFilter): Promise<DyadRow[]>;
  timeline(a: string, b: string, by: "day" | "month" | "year"): Promise<TimelineRow[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<Counts>;
  /** How many events match a filter (limit, offset and cursor ignored). */
  countEvents(filter: EventFilter): Promise<number>;
  documents(filter: DocumentFilter): Promise<{ total: number; rows: DocumentSummary[] }>;
  document(id: number): Promise<DocumentDetail | null>;
  /** The id of the document stored for an origin, or null. */
  documentId(origin: string): Promise<number | null>;
  /** Countries (name null) or persons with their event counts, most events first. */
  actors(kind: "country" | "person", filter: EventFilter): Promise<{ total: number; rows: ActorCount[] }>;
  /** The offices (country, role) a person is stored in, with the dates of the first and last events. */
  personOffices(name: string): Promise<OfficeSpan[]>;
  /** Event counts by type, month, report language or source. */
  breakdown(by: Breakdown, filter: EventFilter): Promise<CountRow[]>;
  figures(filter: FigureFilter): Promise<{ total: number; rows: FigureRow[] }>;
  close(): Promise<void>;
}
