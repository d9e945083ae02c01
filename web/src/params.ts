// Reading URL parameters strictly: a bad value is reported by name, never silently ignored.
import { EVENT_TYPES } from "./events";
import { looksLikeSide } from "./countries";

export class ParamProblem extends Error {}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The page's filters (since, until, type) checked; throws ParamProblem naming the bad one. */
export function filtersOf(p: URLSearchParams): { since?: string; until?: string; type?: string } {
  const out: { since?: string; until?: string; type?: string } = {};
  for (const k of ["since", "until"] as const) {
    const v = p.get(k);
    if (v === null || v === "") continue;
    if (!DATE.test(v)) throw new ParamProblem(`${k}: '${v}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    out[k] = v;
  }
  const t = p.get("type");
  if (t) {
    if (!EVENT_TYPES.includes(t)) throw new ParamProblem(`type: '${t}' is not a PLOVER event type (${EVENT_TYPES.join(", ")})`);
    out.type = t;
  }
  return out;
}

export function sideOf(s: string | null, what = "country"): string {
  if (!s) throw new ParamProblem(`${what}: missing (give a code such as TJK)`);
  if (!looksLikeSide(s)) throw new ParamProblem(`${what}: '${s}' is not a country or organisation code (ISO 3166-1 alpha-3 such as TJK, or SCO)`);
  return s;
}

export function idOf(s: string | null, what = "id"): number {
  if (!s || !/^[1-9]\d{0,15}$/.test(s)) throw new ParamProblem(`${what}: '${s ?? ""}' is not a number (a positive integer such as 12)`);
  return Number(s);
}

export function oneOf<T extends string>(p: URLSearchParams, key: string, allowed: readonly T[], dflt: T): T {
  const v = p.get(key);
  if (v === null || v === "") return dflt;
  if (!allowed.includes(v as T)) throw new ParamProblem(`${key}: '${v}' is not one of ${allowed.join(", ")}`);
  return v as T;
}
