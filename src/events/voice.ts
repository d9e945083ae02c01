// Events stage, voice: who acts in a directed act whose wording names the one acted on first or
// alone. Three kinds of phrasing, read in this order:
//   1. an agent marker a few words after the trigger names who acts: "was summoned by the
//      ministry", "sanctions by the EU against...", «со стороны», "از سوی", "من قبل", and, before
//      a verb-final trigger, "... tarafından";
//   2. a protest or summons is aimed at the country whose envoy the sentence names: "handed a
//      note to the Kyrgyz ambassador", «İran'ın Ankara Büyükelçisi ... çağrıldı», «Кетрару вручена
//      нота», "a quien se le entregó el documento de protesta";
//   3. a passive trigger (data/events, "voice": "passive": "were accused", «acusados») is aimed
//      at what its own clause names; who acts is named outside that clause, or is the side the
//      discourse is about.
// The sides acted on are marked `patient`, so that an act aimed at a list is one act towards
// each (split.ts).

import { termOn } from "../lexicon/index.js";
import { fold } from "../text/normalize.js";
import type { EntityMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { ARTICLES, phraseEndingAt, phraseStartingAt } from "./cues.js";
import { markBetween } from "./clauses.js";
import { DIRECTED, HOSTILE, type EventContext, type Side, evidenceOf, newSide, sideAt } from "./model.js";
import { holderIndex, mentionRole } from "./sides.js";

/** How many words may stand between a trigger and the agent marker that goes with it. */
const AGENT_REACH = 4;

/** Sides in the order who acts, then who is acted on (marked patient). */
export function actorFirst(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[], date: string | null, discourse: Side[]): Side[] {
  const type = t.payload.type;
  if (!DIRECTED.has(type) && !HOSTILE.has(type)) return sides;
  // An agent goes with a passive, or with an act told as a noun without a subject before it
  // ("sanctions by the EU against..."); after an active verb with its subject ("Egypt condemned
  // the attack by Israel") it belongs to another noun.
  // An agent marker inside the trigger phrase («санкции со стороны ЕС») is the phrase's own.
  const subjectBefore = sides.some((x) => Number.isFinite(x.start) && x.start >= 0 && x.start < t.start);
  const agent = agentCountry(ctx, sm, t, date, t.payload.voice === "passive" || !subjectBefore);
  if (agent) {
    const own = sides.find((x) => x.country === agent.country) ?? newSide(agent.country, null, null, 1, agent.start, evidenceOf(ctx, sm));
    // The one acted on is named in the trigger's clause ("..., the Portuguese ambassador was
    // summoned" is another act's).
    const clause = clauseOf(ctx, sm, t);
    const others = sides.filter((x) => x.country !== agent.country);
    const inClause = others.filter((x) => x.start >= clause.start && x.start < clause.end);
    const rest = inClause.length ? inClause : others;
    return rest.length ? [sideAt(own, own.rank, own.start, false), ...rest.map(asPatient)] : sides;
  }
  if (sides.length >= 2 && type === "ACCUSE" && t.payload.cameo === "114") {
    const envoys = envoyCountries(ctx, sm, date);
    const aimed = sides.filter((x) => envoys.has(x.country));
    if (aimed.length === 1) return [...sides.filter((x) => x !== aimed[0]), asPatient(aimed[0])];
  }
  if (t.payload.voice === "passive") return passiveOrder(ctx, sm, t, sides, discourse);
  return sides;
}

/** Whether nothing ends the clause or tells another event between two offsets. */
function clearBetween(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, from: number, to: number): boolean {
  return !markBetween(ctx.text, from, to, ".;!?؟") && !sm.triggers.some((x) => x !== t && x.start < to && x.end > from);
}

/** The country (and where it is named) that an agent marker near the trigger introduces. */
function agentCountry(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, date: string | null, outsideToo: boolean): { country: string; start: number } | null {
  if (t.tokenStart < 0) return null;
  const before = ctx.lex.markers.agentBefore.get(ctx.lang) ?? [];
  const after = ctx.lex.markers.agentAfter.get(ctx.lang) ?? [];
  if (!before.length && !after.length) return null;
  for (const e of sm.entities) {
    if (e.tokenStart < 0) continue;
    // (The markers are read first: the country a mention stands for is worked out only for a
    // mention a marker introduces.)
    // "Summoned by the Turkish foreign ministry": the marker after the trigger, then the name.
    let k = e.tokenStart - 1;
    while (k >= 0 && ARTICLES.has(sm.tokens[k].norm)) k--;
    const ph = phraseEndingAt(sm.tokens, k, before);
    let marked = false;
    if (ph) {
      const m = k - ph.length + 1;
      // (The marker may be a word of the trigger phrase itself: «تحریم ... از سوی».)
      const inside = m < t.tokenEnd;
      marked = m > t.tokenStart && (inside || outsideToo) && m - t.tokenEnd <= AGENT_REACH && clearBetween(ctx, sm, t, t.end, sm.tokens[m].start);
    }
    // "Dışişleri Bakanlığı tarafından çağrıldı", "AB tarafından uygulanan yaptırımlar".
    const ph2 = marked ? undefined : phraseStartingAt(sm.tokens, e.tokenEnd, after);
    if (ph2) {
      const m = e.tokenEnd + ph2.length;
      const inside = m > t.tokenStart;
      marked = t.tokenEnd >= m && (inside || outsideToo) && t.tokenStart - m <= AGENT_REACH && clearBetween(ctx, sm, t, sm.tokens[m - 1].end, t.start);
    }
    if (!marked) continue;
    const country = countryOf(ctx, sm, e, date);
    if (country) return { country, start: e.start };
  }
  return null;
}

/** The country a mention stands for, if it names an actor (not a place or a subject of talk). */
function countryOf(ctx: EventContext, sm: SentenceMentions, e: EntityMatch, date: string | null): string | null {
  const p = e.payload;
  if (p.kind === "country") return p.form === "capital" && mentionRole(ctx, sm, e) !== "party" ? null : p.id;
  if (p.kind === "org") return p.id;
  if (p.kind === "person") {
    const person = ctx.lex.persons.get(p.id);
    return person ? termOn(person, date)?.country ?? null : null;
  }
  if (p.kind === "office") {
    const i = sm.entities.indexOf(e);
    const h = holderIndex(ctx, sm, i, new Set());
    return h >= 0 ? sm.entities[h].payload.id : p.country ?? null;
  }
  return null;
}

/** Countries whose ambassador, chargé d'affaires or envoy the sentence names. */
function envoyCountries(ctx: EventContext, sm: SentenceMentions, date: string | null): Set<string> {
  const out = new Set<string>();
  // (The one-word markers are listed once per call, when a title asks for them.)
  let markers: string[] | null = null;
  for (const e of sm.entities) {
    const p = e.payload;
    if (p.kind === "office" && p.role === "ambassador") {
      // Not a country joined to the title by "to" or "with" ("the protest of Iran to the chargé").
      const h = holderIndex(ctx, sm, sm.entities.indexOf(e), new Set());
      const holder = h >= 0 ? sm.entities[h] : null;
      const gap = holder ? ctx.text.slice(Math.min(holder.end, e.end), Math.max(holder.start, e.start)) : "";
      markers ??= [...(ctx.lex.markers.directionBefore.get(ctx.lang) ?? []), ...(ctx.lex.markers.withBefore.get(ctx.lang) ?? [])].filter((x) => x.length === 1).map((x) => x[0]);
      const words = markers;
      if (fold(gap).match(/\p{L}+/gu)?.some((w) => words.includes(w))) continue;
      const c = holder ? holder.payload.id : p.country ?? null;
      if (c) out.add(c);
    } else if (p.kind === "person") {
      const person = ctx.lex.persons.get(p.id);
      const term = person ? termOn(person, date) : null;
      if (term?.role === "ambassador") out.add(term.country);
    }
  }
  return out;
}

/** The stretch of the sentence around the trigger between clause breaks (commas inside brackets do not break). */
function clauseOf(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): { start: number; end: number } {
  const { start, end } = sm.sentence;
  const text = ctx.text;
  // (The characters read by code, the last break before the trigger and the first after it kept
  // as found: no regex per character, no list of breaks; the reading stops at the first break
  // after the trigger.)
  let from = start;
  let to = end;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
    else if (depth === 0 && isClauseBreak(c)) {
      if (i < t.start) from = i;
      else if (i >= t.end) {
        to = i;
        break;
      }
    }
  }
  return { start: from, end: to };
}

/** Whether a character breaks a clause (/[,;:—–،]/). */
function isClauseBreak(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x60c;
}

/**
 * "The diplomats of A and B were accused of ...", "los gobiernos acusados de ... (A, B y C), el
 * ejecutivo de X calificó ...": what the passive's clause names before it (else after it) is
 * acted on; a country named outside the clause, else the discourse's side, acts.
 */
function passiveOrder(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[], context: Side[]): Side[] {
  const clause = clauseOf(ctx, sm, t);
  const named = (x: Side) => Number.isFinite(x.start) && x.start >= 0;
  const inClause = sides.filter((x) => named(x) && x.start >= clause.start && x.start < clause.end);
  const beforeIt = inClause.filter((x) => x.start < t.start);
  const patients = beforeIt.length ? beforeIt : inClause;
  if (!patients.length) return sides;
  let actors = sides.filter((x) => !patients.includes(x));
  if (!actors.length) {
    // Who acts may be a country the sentence names outside the clause but did not keep as a
    // side (sides beyond two are kept only when listed together).
    const outside = sm.entities.find((e) => e.payload.kind === "country" && (e.start < clause.start || e.start >= clause.end) && !sides.some((x) => x.country === e.payload.id) && mentionRole(ctx, sm, e) === "party");
    if (outside) actors = [newSide(outside.payload.id, null, null, 1, outside.start, evidenceOf(ctx, sm))];
    else {
      const c = context.find((x) => !sides.some((y) => y.country === x.country));
      if (c) actors = [sideAt(c, 0, Infinity)];
    }
  }
  if (!actors.length) return sides;
  return [...actors.map((x) => sideAt(x, x.rank, x.start, false)), ...patients.map(asPatient)];
}

/** A copy of a side, marked as the one acted on. */
function asPatient(x: Side): Side {
  const y = sideAt(x, x.rank, x.start);
  y.patient = true;
  return y;
}
