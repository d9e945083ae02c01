// Events stage, where: the place of an event, and the scenes (a meeting's or a visit's day and
// place) the events after it inherit.

import type { Lexicon } from "../lexicon/index.js";
import type { EntityMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { markBetween } from "./clauses.js";
import type { EventRecord, EventType, Evidence } from "../types.js";
import type { Discourse } from "./discourse.js";
import { type DateHit, type Draft, type EventContext, type Side, mapPacked, newSide } from "./model.js";
import { mentionRole, sidesInSentence } from "./sides.js";
import { type Place, sentenceMemo } from "./memo.js";
import { statusOf } from "./status.js";
import { wordOrStemTest } from "./cues.js";
import { addDays } from "./when.js";

/**
 * Where: the place named nearest the trigger; else the country visited; else the scene
 * already set for that day (a visit's meetings happen where the visit is); else the
 * dateline, for events of the day the article was filed. Sets the discourse's scenes, and adds
 * the country visited to the sides of a visit.
 */
export function locate(ctx: EventContext, d: Discourse, sm: SentenceMentions, t: TriggerMatch, occasion: DateHit | null, sides: Side[], date: string | null, type: EventType, mode: string | null, ev: Evidence): EventRecord["location"] {
  // A call joins two places; it has no place of its own (a dateline or a scene is the caller's).
  if (mode === "phone") return null;
  const places = placesNamed(ctx, sm, date);
  // With several dates after one trigger, each occasion's place is the one by its date.
  const anchor = occasion ?? t;
  // "The visit crowns a rapprochement begun with a handshake in Doha": a place nearer to another
  // meeting of the sentence is that meeting's, not the visit's.
  // "Spain condemned the Russian attack on Kyiv": a place nearer to the act condemned is that act's.
  // (The other events are looked for only where they count and where a place is named; helpers,
  // not closures made for every trigger.)
  const others = t.payload.mode === "visit" ? OTHER_MEETINGS : type === "ACCUSE" && t.payload.cameo !== "114" ? ACTS_CONDEMNED : 0;
  // (The nearest of the sentence's own places, the first named among equals: one pass, no copies.)
  let place: Place | undefined;
  let placeDistance = Infinity;
  for (const p of places) {
    const dp = distanceTo(p, anchor);
    if (others && nearerToOther(sm.triggers, t, others, p, dp)) continue;
    if (!place || dp < placeDistance) {
      place = p;
      placeDistance = dp;
    }
  }
  const countryPlace = (type === "CONSULT" && MEETING_MODES.has(mode ?? "")) || type === "ASSAULT" || type === "COERCE" ? nearestCountryPlace(ctx, sm, anchor) : undefined;
  let location: EventRecord["location"] = null;
  const host = t.payload.mode === "visit" ? sides.find((x) => x.host) : undefined;
  const visitScene = d.visitScene;
  if (place) location = { city: place.city, country: place.country, evidence: ev };
  else if (host) location = { city: null, country: host.country, evidence: ev };
  // The scene of the day, for an event that shares a side with it ("Venezuela expelled the
  // Argentine ambassador" after talks in Rabat happened elsewhere). Sides not named yet (filled
  // from the discourse later) join it.
  else if (d.scene && d.scene.date === date && (!sides.length || !d.scene.countries || sides.some((x) => d.scene!.countries!.includes(x.country)))) location = { ...d.scene.location };
  // The days of a visit happen where the visit is (talks the day after the arrival).
  else if (visitScene && date && date.length === 10 && date >= visitScene.date && date <= addDays(visitScene.date, 2) && (!sides.length || sides.some((x) => x.country === visitScene.location.country))) location = { ...visitScene.location };
  // Talks "in Malta", «на Мальті»: the country, when nothing names the city (the dateline's, if there).
  else if (countryPlace && !(ctx.datelinePlace?.country === countryPlace.country && date === ctx.refDate)) location = { city: null, country: countryPlace.country, evidence: ev };
  else if (ctx.datelinePlace && date === ctx.refDate && type !== "ASSAULT") {
    location = { city: ctx.datelinePlace.city, country: ctx.datelinePlace.country, evidence: { ...ev, start: ctx.datelinePlace.start, end: ctx.datelinePlace.end, sentence: ctx.text.slice(ctx.datelinePlace.start, ctx.datelinePlace.end) } };
  }
  // "Minister X received his Syrian counterpart", «استقبل الوزير X نظيره السوري» with no place
  // named: a reception is held at home, in the country of the one who receives (the subject,
  // named first whether the verb comes before or after it).
  const receiver = !location && !places.length && mode === "meeting" && t.payload.cameo === "043" ? [...sides].filter((x) => Number.isFinite(x.start)).sort((a, b) => a.start - b.start)[0] : undefined;
  if (receiver && !ctx.lex.orgCodes.has(receiver.country)) location = { city: null, country: receiver.country, evidence: ev };
  if ((place || host) && location && date && (mode === "visit" || mode === "meeting" || mode === "multilateral")) d.scene = { date, location, countries: sides.map((x) => x.country) };
  if (mode === "visit" && location?.country && date?.length === 10 && !statusOf(ctx.text, sm, t)) d.visitScene = { date, location };
  // A visit's host is the country visited.
  if (t.payload.mode === "visit" && location?.country && !sides.some((s) => s.country === location!.country)) {
    sides.push(newSide(location.country, null, null, 1, place?.start ?? Infinity, ev));
  }
  return location;
}

/** How far a span stands from another (0 where they touch or overlap at an edge). */
function distanceTo(p: { start: number; end: number }, anchor: { start: number; end: number }): number {
  return Math.min(Math.abs(p.start - anchor.end), Math.abs(anchor.start - p.end));
}

// The other events of a sentence a place may belong to (see locate).
/** Meetings other than the visit's. */
const OTHER_MEETINGS = 1;
/** Force condemned. */
const ACTS_CONDEMNED = 2;

/** Whether another event of the kind (outside trigger t) stands nearer to place p than t's anchor does (at distance d). */
function nearerToOther(triggers: TriggerMatch[], t: TriggerMatch, kind: number, p: { start: number; end: number }, d: number): boolean {
  for (let i = 0; i < triggers.length; i++) {
    const x = triggers[i];
    if (!(x.end <= t.start || x.start >= t.end)) continue;
    const other = kind === OTHER_MEETINGS ? x.payload.type === "CONSULT" && x.payload.mode !== "visit" : x.payload.type === "ASSAULT" || x.payload.type === "COERCE";
    if (other && distanceTo(p, x) < d) return true;
  }
  return false;
}

/**
 * The places a sentence names on a date (not a capital that stands for its government), the
 * same for each trigger of the sentence: worked out once per document run.
 */
function placesNamed(ctx: EventContext, sm: SentenceMentions, date: string | null): readonly Place[] {
  const memo = sentenceMemo(ctx, sm);
  let places = memo?.places.get(date);
  if (!places) {
    // (One list, pushed to: no filtered copy and no spread.)
    places = [];
    placesInSentence(ctx, sm, date, places);
    capitalPhrases(ctx, sm, date, places);
    memo?.places.set(date, places);
  }
  return places;
}

/**
 * Places named in a sentence: cities, and capitals (which name places more often than
 * governments), unless the capital stands for its government (governmentNotPlace). Adds to out.
 */
function placesInSentence(ctx: EventContext, sm: SentenceMentions, date: string | null, out: Place[]): void {
  const ents = sm.entities;
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i];
    const p = e.payload;
    // (Only cities and capitals are places: the role of no other mention is asked for.)
    if (p.kind !== "place" && !(p.kind === "country" && p.form === "capital")) continue;
    // "An agreement on the use of Chabahar port": a place that is the subject of talk is not
    // where the event happened.
    if (mentionRole(ctx, sm, e) === "topic") continue;
    const place: Place = p.kind === "place" ? { city: p.id, country: p.country, start: e.start, end: e.end } : { city: capitalOf(ctx, p.id, date), country: p.id, start: e.start, end: e.end };
    if (!governmentNotPlace(ctx, sm, place)) out.push(place);
  }
}

/** A visit has a visitor and a host: with more sides named, the first named and the host. */
export function visitorAndHost(sides: Side[], location: EventRecord["location"], mode: string | null): Side[] {
  if (mode === "visit" && sides.length > 2) {
    const hostCountry = location?.country;
    // The country the text says the visit goes to, before the place it names.
    const host = sides.find((x) => x.host) ?? sides.find((x) => x.country === hostCountry);
    const visitor = sides.find((x) => x !== host);
    return host && visitor ? [visitor, host] : sides.slice(0, 2);
  }
  if (mode === "visit" && sides.length === 2 && ((location?.country && sides[0].country === location.country && sides[1].country !== location.country) || (sides[0].host && !sides[1].host))) {
    // The visitor comes first: the host's leader is often named first ("Rahmon welcomed
    // Japarov, who came to Tajikistan on a visit").
    return [sides[1], sides[0]];
  }
  return sides;
}

/**
 * A capital that stands for its government («представитель Кремля», "Chisinau's unfriendly
 * step", "Moscow said") is no place: a capital counts as a place where its preposition or case
 * marks it as one ("in Moscow", «в Москве», Moskova'da) or where it goes ("arrived in Tianjin").
 */
function governmentNotPlace(ctx: EventContext, sm: SentenceMentions, p: { start: number; end: number }): boolean {
  const e = entityOfSpan(sm.entities, p.start, p.end);
  // In a language whose place words are unknown ("und") nothing tells a government from a place.
  if (!e || e.payload.kind !== "country" || e.payload.form !== "capital" || !ctx.lex.markers.placeBefore.has(ctx.lang) || mentionRole(ctx, sm, e) !== "party") return false;
  // "Arrived in", «побывал в»: a preposition that belongs to the trigger still makes a place.
  const prev = sm.tokens[e.tokenStart - 1];
  if (prev && withinTrigger(sm.triggers, prev)) return false;
  // «زار وزير الخارجية سامح شكري دمشق»: where the verb comes first, the visitor (a person or
  // title) stands between the visit verb and the capital it goes to.
  if (VERB_FIRST.has(ctx.lang) && sm.triggers.some((t) => t.payload.mode === "visit" && t.tokenEnd >= 0 && t.tokenEnd <= e.tokenStart && e.tokenStart - t.tokenEnd <= VISIT_OBJECT_REACH
    && !sm.triggers.some((x) => x !== t && x.start >= t.end && x.end <= e.start) && !markBetween(ctx.text, t.end, e.start, ".;:")
    && sm.entities.some((x) => (x.payload.kind === "person" || x.payload.kind === "office") && x.start >= t.end && x.end <= e.start))) return false;
  return true;
}

/** The first mention with this span, if any. */
function entityOfSpan(entities: EntityMatch[], start: number, end: number): EntityMatch | undefined {
  for (let i = 0; i < entities.length; i++) if (entities[i].start === start && entities[i].end === end) return entities[i];
  return undefined;
}

/** Whether a span lies within one of the triggers. */
function withinTrigger(triggers: TriggerMatch[], x: { start: number; end: number }): boolean {
  for (let i = 0; i < triggers.length; i++) if (triggers[i].start <= x.start && x.end <= triggers[i].end) return true;
  return false;
}

/** Languages that put the verb before its subject (so a visit's destination follows the visitor). */
const VERB_FIRST = new Set(["ar"]);
/** How many words may stand between a visit verb and the capital it goes to. */
const VISIT_OBJECT_REACH = 12;

/** Of the countries named as the place ("talks in Malta", «на Мальті», Rusya'da), the nearest (the first named among equals), read in one pass without lists. */
function nearestCountryPlace(ctx: EventContext, sm: SentenceMentions, anchor: { start: number; end: number }): { country: string } | undefined {
  let best: EntityMatch | undefined;
  let bestDistance = Infinity;
  for (const e of sm.entities) {
    if (!countryAsPlace(ctx, sm, e)) continue;
    const de = distanceTo(e, anchor);
    if (!best || de < bestDistance) {
      best = e;
      bestDistance = de;
    }
  }
  return best ? { country: (best.payload as { id: string }).id } : undefined;
}

/** Whether a mention is a country named as the place. */
function countryAsPlace(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  return e.payload.kind === "country" && e.payload.form === "name" && !ctx.lex.orgCodes.has(e.payload.id) && mentionRole(ctx, sm, e) === "place";
}

/**
 * "The U.S. capital", «египетскую столицу», «столицу Египта», "العاصمة المصرية", "la capitale
 * égyptienne": a capital word next to a country (its name or adjective) is that country's capital.
 */
function capitalPhrases(ctx: EventContext, sm: SentenceMentions, date: string | null, out: Place[]): void {
  const words = ctx.lex.markers.capitalWords.get(ctx.lang);
  if (!words?.length) return;
  const isCapitalWord = capitalWordTest(words);
  // Only the words right before and right after a country can be read with it: those are tried,
  // in the sentence's order (not every word of the sentence). Adds to out.
  const tokens = sm.tokens;
  const around = wordsAroundCountries(sm.entities, tokens.length);
  for (let n = 0; n < around.length; n++) {
    const i = around[n];
    const tok = tokens[i];
    if (!isCapitalWord(tok.norm)) continue;
    const e = countryNextTo(sm.entities, i);
    if (!e || ctx.lex.orgCodes.has((e.payload as { id: string }).id)) continue;
    const country = (e.payload as { id: string }).id;
    out.push({ city: capitalOf(ctx, country, date), country, start: Math.min(e.start, tok.start), end: Math.max(e.end, tok.end) });
  }
}

/** The tokens right after and right before each country (name or adjective, not a capital), in order, each once. */
function wordsAroundCountries(entities: EntityMatch[], tokenCount: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < entities.length; k++) {
    const x = entities[k];
    if (x.payload.kind !== "country" || x.payload.form === "capital" || x.tokenStart < 0) continue;
    addIndex(out, x.tokenEnd, tokenCount);
    addIndex(out, x.tokenStart - 1, tokenCount);
  }
  return out;
}

/** Adds a token index to a sorted list of distinct indices (if it is one of the sentence's tokens). */
function addIndex(list: number[], i: number, count: number): void {
  if (i < 0 || i >= count) return;
  let at = list.length;
  while (at > 0 && list[at - 1] > i) at--;
  if (at > 0 && list[at - 1] === i) return;
  list.splice(at, 0, i);
}

/** The first country (name or adjective, not a capital) that ends right before token i or starts right after it. */
function countryNextTo(entities: EntityMatch[], i: number): EntityMatch | undefined {
  for (let k = 0; k < entities.length; k++) {
    const x = entities[k];
    if (x.payload.kind === "country" && x.payload.form !== "capital" && x.tokenStart >= 0 && (x.tokenEnd === i || x.tokenStart === i + 1)) return x;
  }
  return undefined;
}

/** A word list ("capital", "столиц*") as a test of a word, made once per list: the word itself, or a stem it starts with. */
const capitalWordTests = new WeakMap<string[], (norm: string) => boolean>();
function capitalWordTest(words: string[]): (norm: string) => boolean {
  let test = capitalWordTests.get(words);
  if (!test) {
    const whole = new Set(words.filter((w) => !w.endsWith("*")));
    // (Stems pushed to a list: see wordOrStemTest.)
    const stems: string[] = [];
    for (const w of words) if (w.endsWith("*")) stems.push(w.slice(0, -1));
    test = wordOrStemTest(whole, stems);
    capitalWordTests.set(words, test);
  }
  return test;
}

/** A country's capital by its English name on a date (Nur-Sultan in 2021), else its usual one. */
export function capitalOf(ctx: EventContext, country: string, date: string | null): string | null {
  const names = date ? ctx.lex.capitalNames.get(country) : undefined;
  if (names && date) {
    for (const x of names) if (date >= x.from.slice(0, date.length) && date <= x.to.slice(0, date.length)) return x.name;
  }
  return usualCapital(ctx.lex.placeNames, country);
}

/** The English name of each country's capital, by place table (read once per country: no key string built per capital named). */
const usualCapitals = new WeakMap<Lexicon["placeNames"], Map<string, string | null>>();
function usualCapital(placeNames: Lexicon["placeNames"], country: string): string | null {
  let byCountry = usualCapitals.get(placeNames);
  if (!byCountry) usualCapitals.set(placeNames, (byCountry = new Map()));
  let name = byCountry.get(country);
  if (name === undefined) {
    name = placeNames.get(`capital:${country}`)?.name ?? null;
    byCountry.set(country, name);
  }
  return name;
}

/** Talks, visits and signings: events that take place where people meet. */
const MEETING_MODES = new Set(["visit", "meeting", "multilateral", "sign"]);

/**
 * Document pass over the places the sentences left open:
 *   1. a summons or protest note (CAMEO 114) is made at the seat of the government that makes
 *      it: its capital, unless the text places it in that country;
 *   2. an event with no place, on the day of a visit or meeting that shares its countries (or,
 *      undated, told close to one), happened there: "arrived in Tianjin ... on the sidelines of the
 *      summit he talked with", "during the talks he praised";
 *   3. talks and what is said or signed at them, placed in a country only (a visit to Iran, a
 *      meeting in Malta), are in its capital.
 */
export function placesFromDocument(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  const live = drafts.filter((x) => !x.rec.status && !x.merged);
  for (const x of live) {
    const loc = x.rec.location;
    if (!HOSTILE_TYPES.has(x.rec.type) && loc?.country && !loc.city) loc.city = capitalOf(ctx, loc.country, x.rec.date);
  }
  for (const x of live) if (x.rec.cameo === "114") seatOfProtest(ctx, x, sentences[x.sentence]);
  for (const x of live) {
    if (x.rec.location || HOSTILE_TYPES.has(x.rec.type) || x.rec.mode === "phone") continue;
    const scene = nearestScene(x, live);
    if (scene?.rec.location) x.rec.location = { ...scene.rec.location };
  }
}

/** Undated events take the place of a scene only this many sentences away (a later paragraph may tell an earlier trip). */
const UNDATED_REACH = 2;

const HOSTILE_TYPES = new Set(["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]);

/** The visit or meeting with a place that an event without one belongs to: same day (undated: close by), its countries all among the scene's. */
function nearestScene(x: Draft, live: Draft[]): Draft | undefined {
  const countries = mapPacked(x.rec.actors, (a) => a.country);
  const scenes = live.filter((y) => y !== x && y.rec.type === "CONSULT" && (y.rec.mode === "visit" || y.rec.mode === "meeting" || y.rec.mode === "multilateral") && y.rec.location?.country && y.rec.date === x.rec.date && (x.rec.date ? x.rec.date.length === 10 : Math.abs(y.sentence - x.sentence) <= UNDATED_REACH));
  const fits = scenes.filter((y) => {
    const theirs = new Set(y.rec.actors.map((a) => a.country));
    // A meeting on the sidelines of a visit shares the visitor; an act during talks, both sides.
    return x.rec.type === "CONSULT" && y.rec.mode === "visit" ? countries.some((c) => theirs.has(c)) : countries.every((c) => theirs.has(c));
  });
  return fits.sort((a, b) => Math.abs(a.sentence - x.sentence) - Math.abs(b.sentence - x.sentence))[0];
}

/** A summons or protest note: the seat of the government that makes it. */
function seatOfProtest(ctx: EventContext, x: Draft, sm: SentenceMentions | undefined): void {
  const t = x.rec.trigger;
  if (!t || x.sides.length < 2) return;
  // The envoy summoned is the ambassador the sentence itself names ("İran'ın Ankara
  // Büyükelçisi", "the U.S. ambassador"), whatever name the event took from elsewhere.
  const named = sm ? sidesInSentence(ctx, sm, x.rec.date, { orgsAsSides: true, type: x.rec.type, near: t }).find((s) => s.role === "ambassador") : undefined;
  const envoy = x.sides.find((s) => s.country === named?.country) ?? x.sides.find((s) => s.role === "ambassador");
  // Who summons: the side that is not the envoy's, else the one named before the trigger.
  const before = x.sides.filter((s) => s !== envoy && Number.isFinite(s.start) && s.start < t.start);
  const maker = envoy ? x.sides.find((s) => s !== envoy && !ctx.lex.orgCodes.has(s.country)) : before[0];
  if (!maker || ctx.lex.orgCodes.has(maker.country)) return;
  if (x.rec.location?.country === maker.country) return;
  const city = capitalOf(ctx, maker.country, x.rec.date);
  if (city) x.rec.location = { city, country: maker.country, evidence: x.rec.evidence };
}
