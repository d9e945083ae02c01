// Cross-document merging: is a new report the same interaction as a stored event?
// Same type and mode, same set of sides, dates within a day (a partial date is compatible with
// the full dates inside it), compatible places and persons. The answer carries its reason, so
// `parley show` can say why reports were merged.

import { editDistance } from "../text/distance.js";

export interface MergeCandidate {
  id: number;
  type: string;
  mode: string | null;
  countries: string;
  date: string | null;
  location_country: string | null;
  actors: { country: string; name: string | null }[];
}

export interface MergeProbe {
  type: string;
  mode: string | null;
  countries: string;
  date: string | null;
  location: { country: string | null } | null;
  actors: { country: string; name: string | null }[];
}

/** Day number of a YYYY-MM-DD date (null for partial or missing dates). */
export function dayNumber(date: string | null): number | null {
  if (!date || date.length !== 10) return null;
  const t = Date.parse(date + "T00:00:00Z");
  return Number.isFinite(t) ? Math.round(t / 86400000) : null;
}

/** The folded words of a name longer than two letters, kept for the names met again (a batch compares the same few often). */
const nameWords = new Map<string, string[]>();
function toks(s: string): string[] {
  let w = nameWords.get(s);
  if (!w) {
    w = s.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").split(/[^\p{L}]+/u).filter((t) => t.length > 2);
    if (nameWords.size >= 4096) nameWords.clear();
    nameWords.set(s, w);
  }
  return w;
}

/** Surname-level comparison that tolerates transliteration (Sergey/Sergei, Rahmon/Rakhmon). */
export function samePerson(a: string, b: string): boolean {
  const A = toks(a), B = toks(b);
  return A.some((x) => B.some((y) => x === y || (Math.min(x.length, y.length) >= 4 && editDistance(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 5)))));
}

/** Why the probe is the candidate's interaction, or null when it is not. */
export function mergeReason(c: MergeCandidate, p: MergeProbe): string | null {
  if (c.type !== p.type || (c.mode ?? null) !== (p.mode ?? null) || c.countries !== p.countries) return null;
  const reasons = [`same type ${p.type}${p.mode ? "/" + p.mode : ""}`, `same sides ${p.countries}`];
  const dc = dayNumber(c.date), dp = dayNumber(p.date);
  if (dc !== null && dp !== null) {
    if (Math.abs(dc - dp) > 1) return null;
    reasons.push(dc === dp ? `same date ${p.date}` : `dates a day apart (${c.date}, ${p.date})`);
  } else if (c.date && p.date) {
    // A partial date (2022-09, 2001) matches the full dates inside it.
    if (!(c.date.startsWith(p.date) || p.date.startsWith(c.date))) return null;
    reasons.push(`compatible dates ${c.date} ~ ${p.date}`);
  } else {
    // An undated report could be of any year: it joins an event only when every side is the
    // same named person in both and the place, when both give one, is the same.
    const persons = p.actors.length >= 2 && p.actors.every((a) => {
      const o = c.actors.find((x) => x.country === a.country);
      return !!(o?.name && a.name && samePerson(o.name, a.name));
    });
    if (!persons) return null;
    reasons.push("undated, with the same persons on every side");
  }
  if (c.location_country && p.location?.country && c.location_country !== p.location.country) return null;
  // Different persons for one side mean different meetings (two talks on one trip); for a
  // signing or a statement the persons named vary with the reporter and do not decide.
  for (const a of p.actors) {
    const o = c.actors.find((x) => x.country === a.country);
    if (o?.name && a.name && !samePerson(o.name, a.name)) {
      if (p.type === "CONSULT") return null;
      continue;
    }
    if (o?.name && a.name) reasons.push(`same ${a.country} person ${a.name}`);
  }
  return reasons.join("; ");
}
