// The storage interface: one contract, an SQLite implementation (embedded default) and a
// PostgreSQL one. Commands, the HTTP API and the dashboard talk only to this interface.

import type { DocumentResult, EventType } from "../types.js";

export interface DocumentMeta {
  /** Where the document came from (path or URL); the identity of a document across ingests. */
  origin: string;
  /** Hash of the bytes as read; an unchanged hash means nothing to do. */
  hash: string;
}

export type IngestOutcome = "inserted" | "replaced" | "unchanged";

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
}

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
  /** Store one document and its events, whole or not at all; merges reports into events. */
  ingest(meta: DocumentMeta, result: DocumentResult, lexiconVersion: string): Promise<IngestOutcome>;
  /** Remove a document; its reports leave their events, and events left without reports go. */
  removeDocument(origin: string): Promise<boolean>;
  events(filter: EventFilter): Promise<EventRow[]>;
  event(id: number): Promise<EventRow | null>;
  dyads(country: string, filter?: EventFilter): Promise<DyadRow[]>;
  timeline(a: string, b: string, by: "day" | "month" | "year"): Promise<TimelineRow[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}
