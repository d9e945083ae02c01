// Events stage, when: the date of each occasion a trigger tells, and date arithmetic.

import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { VERB_FINAL } from "./cues.js";
import { markBetween } from "./clauses.js";
import type { DateHit } from "./model.js";

/**
 * "They met in February in Beijing and in September in Samarkand": a meeting, call or visit
 * with two or more dates joined after its trigger is one event per date. Otherwise one
 * occasion whose date is chosen by `dateFor`.
 */
export function occasionsOf(t: TriggerMatch, sm: SentenceMentions, dates: DateHit[], lang: string, text: string): (DateHit | null)[] {
  // (Two dates at least, or no trigger tells two occasions.)
  if (t.payload.type !== "CONSULT" || t.payload.mode === "multilateral" || dates.length < 2) return [null];
  const next = sm.triggers.find((x) => x.start >= t.end);
  const after = dates.filter((d) => d.start >= t.end && (!next || d.end <= next.start));
  let distinct = lastHitPerValue(after);
  // Verb-final languages put them before it, in its clause ("已于2月和9月两次通电话").
  if (distinct.length < 2 && VERB_FINAL.has(lang)) {
    const prev = [...sm.triggers].reverse().find((x) => x.end <= t.start);
    const before = dates.filter((d) => d.end <= t.start && (!prev || d.start >= prev.end) && !markBetween(text, d.end, t.start, ",;，；،"));
    distinct = lastHitPerValue(before.filter((d) => d.value.length >= 7));
  }
  return distinct.length >= 2 ? distinct : [null];
}

/**
 * One hit per date value, in the order the values first appear, each the last hit of its value
 * (what the values of a Map built from [value, hit] pairs are), in a list: a sentence has few dates.
 */
function lastHitPerValue(hits: DateHit[]): DateHit[] {
  const out: DateHit[] = [];
  for (const d of hits) {
    let j = 0;
    while (j < out.length && out[j].value !== d.value) j++;
    if (j < out.length) out[j] = d;
    else out.push(d);
  }
  return out;
}

/** The date an event in this sentence took place. */
export function dateFor(t: TriggerMatch, all: DateHit[], running: string | null, refDate: string | null, text?: string): { value: string | null; explicit: boolean; hit: DateHit | null } {
  // A Hijri or Solar Hijri date followed by its Gregorian equivalent ("22/1/1422هـ الموافق
  // 17/4/2001م"): the Gregorian one, as written, is the date. A year after the publication
  // year is a target ("by 2030"), not when anything happened.
  if (!all.length) return { value: running, explicit: false, hit: null };
  const refYear = refDate?.slice(0, 4);
  const dates = all.filter(
    (d) =>
      !(d.calendar && d.calendar !== "gregorian" && all.some((g) => g !== d && (g.calendar ?? "gregorian") === "gregorian" && Math.abs(g.start - d.end) <= 20)) &&
      !(refYear && d.value.length < 10 && d.value.slice(0, 4) > refYear),
  );
  if (dates.length) {
    // The date expression nearest to the trigger, preferring the more precise.
    // A date in the trigger's own clause comes first ("in November 2022, then the raising of
    // representation in July 2023": July is the raising's).
    const crosses = (d: DateHit) => (text ? /[,;،؛]/.test(d.end <= t.start ? text.slice(d.end, t.start) : text.slice(t.end, d.start)) : false);
    const best = [...dates].sort((a, b) => {
      const ca = crosses(a) ? 1 : 0, cb = crosses(b) ? 1 : 0;
      if (ca !== cb) return ca - cb;
      const da = Math.min(Math.abs(a.start - t.end), Math.abs(t.start - a.end));
      const db = Math.min(Math.abs(b.start - t.end), Math.abs(t.start - b.end));
      return da - db || b.value.length - a.value.length;
    })[0];
    return { value: best.value, explicit: true, hit: best };
  }
  return { value: running, explicit: false, hit: null };
}

/** Two dates more than a month apart (compared at the precision they share). */
export function farApart(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 7);
  if (n < 7) return a.slice(0, 4) !== b.slice(0, 4);
  const ma = Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)), mb = Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7));
  return Math.abs(ma - mb) > 1;
}

/** Two full dates at most two days apart (a visit's arrival, talks and signing). */
export function nearDate(a: string, b: string | null): boolean {
  if (!b || a.length !== 10 || b.length !== 10) return a === b;
  return Math.abs(parsedDate(a) - parsedDate(b)) <= 2 * 86400000;
}

export function addDays(date: string, n: number): string {
  if (date.length !== 10) return date;
  // (The same few dates are moved again and again: each answer is kept.)
  let byDate = movedDates.get(n);
  if (!byDate) movedDates.set(n, (byDate = new Map()));
  let moved = byDate.get(date);
  if (moved === undefined) {
    moved = new Date(Date.parse(date + "T00:00:00Z") + n * 86400000).toISOString().slice(0, 10);
    if (byDate.size >= DATE_MEMO_SIZE) byDate.clear();
    byDate.set(date, moved);
  }
  return moved;
}

/** Answers kept by addDays and parsedDate (each map emptied when it grows past DATE_MEMO_SIZE). */
const DATE_MEMO_SIZE = 10_000;
const movedDates = new Map<number, Map<string, string>>();
const parsedDates = new Map<string, number>();

/** Date.parse of a date, kept. */
function parsedDate(s: string): number {
  let v = parsedDates.get(s);
  if (v === undefined) {
    v = Date.parse(s);
    if (parsedDates.size >= DATE_MEMO_SIZE) parsedDates.clear();
    parsedDates.set(s, v);
  }
  return v;
}
