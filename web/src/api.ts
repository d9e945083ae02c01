// The dashboard's only data source: the HTTP API of `parley serve` (same origin).

export class ApiError extends Error {
  constructor(public readonly status: number, message: string, public readonly parameter?: string) {
    super(message);
  }
}

const TOKEN_KEY = "parley-token";
export const getToken = (): string | null => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};
export const setToken = (t: string | null) => {
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage off: the token lives for this page only */
  }
};

export type Params = Record<string, string | number | undefined | null | string[]>;

export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return `/api${path}${s ? "?" + s : ""}`;
}

const cache = new Map<string, { at: number; p: Promise<unknown> }>();

/** GET a JSON answer; API errors become ApiError with the API's own message. Answers are reused for 30 s. */
export function get<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < 30_000) return hit.p as Promise<T>;
  const p = request<T>(url, { method: "GET" });
  cache.set(url, { at: Date.now(), p });
  p.catch(() => cache.delete(url));
  return p;
}

export async function request<T>(url: string, init: RequestInit): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  const token = getToken();
  if (token) headers.set("authorization", `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch (e) {
    throw new ApiError(0, `the server did not answer (${(e as Error).message})`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, `the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const err = (body as { error?: { message?: string; parameter?: string } } | null)?.error;
    throw new ApiError(res.status, err?.message ?? `HTTP ${res.status}`, err?.parameter);
  }
  return body as T;
}

export function clearCache() {
  cache.clear();
}

// Response shapes (as in the API's OpenAPI description).
export interface Actor { country: string; name: string | null; role: string | null }
export interface Report { document: string; origin: string; source: string | null; lang: string; sentence: string; start: number; end: number; date: string | null; why: string }
export interface Event {
  id: number; type: string; mode: string | null; cameo: string; goldstein: number; date: string | null;
  location: { city: string | null; country: string | null } | null; actors: Actor[]; topics: string[]; reports: Report[];
}
export interface EventsPage { total: number; limit: number; offset: number | null; next_cursor: string | null; events: Event[] }
export interface Mention { kind: string; value: string | null; start: number; end: number; body_start: number | null; body_end: number | null; event: number | null }
export interface Figure { document: string; document_id: number; published: string | null; what: string | null; value: number; unit: string; year: number | null; between: string[]; sentence: string; start: number; end: number }
export interface DocumentDetail {
  id: number; name: string; origin: string; source: string | null; lang: string; published: string | null; title: string | null; events: number;
  body: string | null; encoding: string | null; orgs: string[]; ingested_at: string | null; mentions: Mention[]; figures: Figure[]; event_ids: number[];
}
export interface SeriesRow { period: string; type: string; mode: string | null; events: number; goldstein: number }
export interface CountRow { key: string | null; events: number }
export interface DyadRow { partner: string; events: number; types: Record<string, number>; goldstein: number }
export interface TimelineRow { period: string; events: number; goldstein: number }
export interface TopicRow { period: string; topic: string; events: number }
export interface PersonRow { name: string; country: string; role: string | null; events: number; first: string | null; last: string | null }
export interface SearchHit { document: string; origin: string; title: string | null; snippet: string; events: number[] }
export interface Root { api: string; store: string; counts: { documents: number; events: number; reports: number } }
