// Events stage: turns trigger phrases plus the entities around them into coded events.
//
// For each trigger in a sentence:
//   1. sides: persons (resolved to the office they held on the event date), offices bound to a
//      nearby country ("the Russian President", "President of Tajikistan", "رئيس الوزراء
//      الروسي"), bare countries and organisations;
//   2. when the sentence names fewer than two sides, the missing side comes from the discourse
//      (the previous event's sides, or the title's), as an analyst reads "the parties" or "he";
//   3. status: a negation, future or hypothetical cue next to the trigger makes it a mention,
//      not an event; so does a date after the publication date;
//   4. date: a date expression in the sentence, else the paragraph's running date, else the
//      reference (publication) date;
//   5. reports of the same interaction inside one document are merged.
// Word cues that keep a mention from being an event of its own (a reception at the airport, a
// message that arrives, talks that are proposed, "this meeting") are tests in ./cues.ts; each is
// applied, with a comment, where the trigger loop below decides.

import { holderOf, termOn, type Lexicon } from "../lexicon/index.js";
import { fold } from "../text/normalize.js";
import type { EntityMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { ARTICLES, VERB_FINAL, atAirport, phraseEndingAt, phraseStartingAt, counterpartNear, hostOfTalks, initiatorOf, attendsBefore, cargoArrives, contentAfter, dayAfterIn, definiteOpening, demonstrativeBefore, inRelativeClause, isVariantOf, isWordOf, messageArrives, orgIsSetting, pledgedBefore, pronounSubject, proposedBefore, praisedEvent, purposeOfSanction, eventTalkedAbout, summitHosted, wordVariantsOf } from "./cues.js";
import type { Actor, EventRecord, EventType, Evidence, Role } from "../types.js";
import { breakBetween } from "./clauses.js";
import { participationIn } from "./cues.js";

/** What the events stage needs from the dates stage. */
export interface DateHit {
  start: number;
  end: number;
  value: string;
  kind: "absolute" | "relative";
  calendar?: "gregorian" | "jalali" | "hijri";
}

export interface EventContext {
  document: string;
  text: string;
  lang: string;
  /** Publication or dateline date, YYYY-MM-DD. */
  refDate: string | null;
  /** Where the article was filed (the dateline place), resolved. */
  datelinePlace: { city: string | null; country: string | null; start: number; end: number } | null;
  /** Entities of the title, used as the first discourse context. */
  /** Mentions in the title, the first discourse context. */
  title: SentenceMentions | null;
  lex: Lexicon;
}

interface Side {
  country: string;
  name: string | null;
  role: Role | null;
  rank: number; // 3 named person, 2 office, 1 bare country/org, 0 inherited from context
  start: number;
  evidence: Evidence;
  /** Named as the counterpart ("with X", "X bilan"), not as the one who acts. */
  counterpart?: boolean;
  /** Named as the place one is in or goes to ("visit to Tajikistan"). */
  host?: boolean;
  /** A named person joined by "and" to a named person of another country ("Shoigu and Ahmadian"). */
  paired?: boolean;
  /** One of several countries listed after one title ("the ambassadors of Germany, Japan and Egypt"). */
  listed?: boolean;
}

/** Default CAMEO root and Goldstein value per PLOVER type when the lexicon has none. */
const TYPE_DEFAULTS: Record<EventType, { cameo: string; goldstein: number }> = {
  CONSULT: { cameo: "040", goldstein: 1.0 },
  AGREE: { cameo: "057", goldstein: 8.0 },
  SUPPORT: { cameo: "051", goldstein: 3.4 },
  COOPERATE: { cameo: "060", goldstein: 6.0 },
  AID: { cameo: "070", goldstein: 7.0 },
  REQUEST: { cameo: "020", goldstein: 3.0 },
  ACCUSE: { cameo: "112", goldstein: -2.0 },
  REJECT: { cameo: "120", goldstein: -4.0 },
  THREATEN: { cameo: "130", goldstein: -4.4 },
  PROTEST: { cameo: "140", goldstein: -6.5 },
  SANCTION: { cameo: "160", goldstein: -4.0 },
  CONCEDE: { cameo: "080", goldstein: 5.0 },
  RETREAT: { cameo: "087", goldstein: 9.0 },
  MOBILIZE: { cameo: "150", goldstein: -7.2 },
  COERCE: { cameo: "170", goldstein: -7.0 },
  ASSAULT: { cameo: "190", goldstein: -10.0 },
};

// Types where the order of the sides carries meaning (who accuses whom): two such events with
// the same sides in opposite directions are distinct.
// SUPPORT is left out: "X thanked Y" and "he praised Y's effort" are one act of support.
const DIRECTED: Set<EventType> = new Set(["ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "REQUEST", "AID", "COERCE"]);

const ROLE_RANK: Role[] = ["head_of_state", "head_of_government", "legislature_head", "foreign_minister", "org_head", "minister", "ambassador", "military", "official", "legislator", "governor_mayor", "delegation"];
const seniority = (r: Role | null) => (r ? ROLE_RANK.length - ROLE_RANK.indexOf(r) : 0);

// Office holders that can be named from title alone when the date is known (an analyst is
// certain who "the Russian President" was in 2023; not who "a deputy minister" was).
const RESOLVABLE_OFFICE_ROLES: Set<Role> = new Set(["head_of_state", "head_of_government", "foreign_minister", "legislature_head", "org_head"]);

/** Roles a state's office holders have, which no organisation's person has. */
const STATE_ROLES: Set<Role> = new Set(["head_of_state", "head_of_government", "foreign_minister", "minister", "legislature_head"]);

/** Characters between two mentions that still bind a title to its country or person. */
const BIND_GAP = 24;

// Hostile types: the country struck, sanctioned or accused is a side even when the text puts it
// after "in"/"on" ("strikes in Pakistan", "sanctions on Russia").
const HOSTILE: Set<EventType> = new Set(["ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "REJECT", "RETREAT"]);

/**
 * What the words around a mention say it is: a party, a place ("in Luxembourg"), a direction
 * ("to Russia", Rusya'ya: a visit's host, a message's or aid's recipient) or a subject of talk
 * ("the situation in Syria").
 */
export type MentionRole = "party" | "place" | "direction" | "topic";

export function mentionRole(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): MentionRole {
  const mk = ctx.lex.markers;
  const lang = ctx.lang;
  if (e.tokenStart >= 0) {
    if (e.tokenEnd > sm.tokens.length) return "party"; // entities passed without their tokens
    let k = e.tokenStart - 1;
    while (k >= 0 && ARTICLES.has(sm.tokens[k].norm)) k--;
    const endsWith = (phrases: string[][] | undefined) =>
      !!phrases?.some((ph) => ph.length <= k + 1 && ph.every((w, j) => sm.tokens[k - ph.length + 1 + j].norm === w));
    // "Calls on the Philippines", "imposed sanctions on Russia": a preposition that belongs to
    // the event phrase introduces its object, not a place or a subject of talk.
    const ofTrigger = k >= 0 && sm.triggers.some((t) => t.tokenStart <= k && k < t.tokenEnd && t.tokenEnd - t.tokenStart >= 2);
    if (k >= 0 && !ofTrigger && endsWith(mk.topicBefore.get(lang))) return "topic";
    if (subjectOfTalkAfter(ctx, sm, e)) return "topic";
    if (k >= 0 && !ofTrigger && endsWith(mk.placeBefore.get(lang))) return caseSaysDirection(ctx, sm, k, e) ? "direction" : "place";
    if (k >= 0 && endsWith(mk.directionBefore.get(lang))) return "direction";
    // Arabic prepositions written on the word: ب "in/at" (بالقاهرة), ل "to/for" (لجمهورية العراق).
    if (lang === "ar" && /^[\u0600-\u06ff]/.test(sm.tokens[e.tokenStart].norm)) {
      const w = sm.tokens[e.tokenStart].norm;
      const p = w.startsWith("و") ? w.slice(1) : w;
      const surface = fold(e.surface).replace(/^ال/, "");
      if (!p.replace(/^ال/, "").startsWith(surface.slice(0, 2))) {
        if (/^(بال|ب)/.test(p)) return "place";
        if (/^(لل|ل)/.test(p)) return "direction";
      }
      // ...or on the state word before the name: "لجمهورية العراق", "وسلطنة عمان" after it.
      const before = e.tokenStart > 0 ? sm.tokens[e.tokenStart - 1].norm.replace(/^و/, "") : "";
      const m = /^(لل|ل|بال|ب)(.+)$/.exec(before);
      if (m && AR_STATE_WORDS.has(m[2].replace(/^ال/, ""))) return m[1].startsWith("ب") ? "place" : "direction";
    }
    // Case endings that mark place or direction (Rusya'da, Rossiyaga, Ресейде).
    if (e.extra > 0) {
      const last = sm.tokens[e.tokenEnd - 1].norm;
      const ending = last.slice(last.length - e.extra);
      const has = (list: string[] | undefined) => !!list?.some((x) => ending === x || (ending.endsWith(x) && ending.length - x.length <= 1));
      if (has(mk.topicSuffix.get(lang))) return "topic";
      if (has(mk.placeSuffix.get(lang))) return "place";
      if (has(mk.directionSuffix.get(lang))) return "direction";
    }
  } else {
    // Han script: the characters right before the mention.
    const before = ctx.text.slice(Math.max(0, e.start - 2), e.start);
    const endsWith = (phrases: string[][] | undefined) => !!phrases?.some((ph) => before.endsWith(ph.join("")));
    if (endsWith(mk.topicBefore.get(lang))) return "topic";
    if (endsWith(mk.placeBefore.get(lang))) return "place";
    if (endsWith(mk.directionBefore.get(lang))) return "direction";
  }
  return "party";
}

/**
 * "The US-Iran standoff", "Putin's relentless campaign": a country or person followed by a noun
 * of conflict (topic_after), or an English possessive followed by anything but an actor noun, a
 * person or a title, is what is talked about. "China's foreign minister" stays an actor.
 */
function subjectOfTalkAfter(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  let j = e.tokenEnd;
  // A hyphenated pair ("US-Iran", "Russia-Ukraine") is read from its last member.
  while (j < sm.tokens.length && sm.entities.some((x) => x !== e && x.tokenStart === j && /^[-–‐]$/.test(ctx.text.slice(sm.tokens[j - 1].end, sm.tokens[j].start).trim()))) {
    const next = sm.entities.find((x) => x.tokenStart === j)!;
    j = next.tokenEnd;
  }
  const next = sm.tokens[j];
  if (!next) return false;
  const nouns = ctx.lex.markers.topicAfter.get(ctx.lang);
  if (nouns && isWordOf(next.norm, nouns)) return true;
  const last = sm.tokens[j - 1];
  if (ctx.lang !== "en" || !/['’]s$/.test(ctx.text.slice(last.start, last.end))) return false;
  const actorNouns = ctx.lex.markers.actorNouns.get(ctx.lang);
  if (actorNouns?.has(next.norm)) return false;
  return !sm.entities.some((x) => x.tokenStart === j && x.payload.kind !== "country");
}

/**
 * Russian «в»/«на» take the accusative for a direction («доставила в Сирию», «прилетел в Китай»)
 * and the prepositional for a place («в Сирии», «в Китае»): the ending of the name tells them
 * apart. Indeclinable names (Баку, США, Сочи) stay places.
 */
function caseSaysDirection(ctx: EventContext, sm: SentenceMentions, markerIndex: number, e: EntityMatch): boolean {
  const marker = sm.tokens[markerIndex].norm;
  if (ctx.lang !== "ru" || !(marker === "в" || marker === "во" || marker === "на")) return false;
  const token = sm.tokens[e.tokenEnd - 1];
  const surface = ctx.text.slice(token.start, token.end);
  if (surface === surface.toUpperCase()) return false; // an acronym (США, ОАЭ) does not decline
  const last = token.norm.slice(-1);
  if (last === "у" || last === "ю") return e.extra > 0; // Сирию, Москву; not Баку, Перу
  // A masculine name in the accusative is its dictionary form: «в Китай», «в Казахстан».
  return e.extra === 0 && /[бвгджзйклмнпрстфхцчшщ]/.test(last);
}

/** Two named persons joined by a coordinating word within a short stretch ("X and Foreign Minister Y"). */
function coordinatedPersons(ctx: EventContext, a: Side, b: Side): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const gap = ctx.text.slice(first.start, second.start);
  if (gap.length > 120 || /[.;!?؟。]/.test(gap)) return false;
  const coord = ctx.lex.markers.coordination.get(ctx.lang);
  return (gap.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => coord?.has(w));
}

/** Whether an adjective mention stands next to an actor noun, a trigger or another adjective. */
function adjectiveIsActor(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  if (e.tokenStart < 0) return true; // Han script: 中方/俄方 are listed as actor forms already
  const nouns = ctx.lex.markers.actorNouns.get(ctx.lang);
  const near = (k: number) => k >= 0 && k < sm.tokens.length;
  for (const k of [e.tokenStart - 2, e.tokenStart - 1, e.tokenEnd, e.tokenEnd + 1]) {
    if (!near(k)) continue;
    const t = sm.tokens[k];
    if (nouns && wordVariantsOf(t.norm).some((w) => nouns.has(w))) return true;
    // A trigger right next to it ("Russian-Chinese talks", "переговоры российско-...").
    const adjacent = k === e.tokenStart - 1 || k === e.tokenEnd;
    if (adjacent && sm.triggers.some((x) => x.start <= t.start && t.end <= x.end)) return true;
    if (sm.entities.some((x) => x !== e && x.payload.kind === "country" && x.start <= t.start && t.end <= x.end)) return true;
  }
  // Nouns after a Russian or Turkic adjective carry case endings beyond the listed form.
  const next = sm.tokens[e.tokenEnd];
  if (next && nouns && [...nouns].some((n) => n.length >= 4 && next.norm.startsWith(n.slice(0, n.length - 1)))) return true;
  return false;
}

/** How many signed documents a sentence names (document nouns, each counted once per word). */
function documentsNamed(ctx: EventContext, sm: SentenceMentions): number {
  const nouns = ctx.lex.markers.documentNouns.get(ctx.lang);
  if (!nouns) return 1;
  let n = 0;
  for (const t of sm.tokens) {
    if (/^\p{N}/u.test(t.norm)) return 1; // "16 documents", "nine memoranda": a batch
    if (wordVariantsOf(t.norm).some((w) => nouns.some((x) => w.startsWith(x) && w.length - x.length <= 4))) n++;
  }
  return n;
}

// Arabic words for a state that stand before its name ("جمهورية العراق", "سلطنة عمان"), folded.
const AR_STATE_WORDS = new Set(["جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "حكومه", "شعب"]);

/** Whether a span of the sentence is introduced as a counterpart ("with X", "X bilan"). */
function isCounterpart(ctx: EventContext, sm: SentenceMentions, start: number, end: number): boolean {
  const mk = ctx.lex.markers;
  const i = sm.tokens.findIndex((t) => t.start >= start);
  if (i < 0) return false;
  let k = i - 1;
  while (k >= 0 && ARTICLES.has(sm.tokens[k].norm)) k--;
  // Courtesy titles between the marker and the name ("with His Excellency President X").
  const honorifics = mk.honorific.get(ctx.lang) ?? [];
  for (let guard = 0; guard < 3 && k >= 0; guard++) {
    const h = phraseEndingAt(sm.tokens, k, honorifics);
    if (!h) break;
    k -= h.length;
  }
  const before = mk.withBefore.get(ctx.lang);
  if (k >= 0 && before?.some((ph) => ph.length <= k + 1 && ph.every((w, j) => sm.tokens[k - ph.length + 1 + j].norm === w))) return true;
  const j = sm.tokens.findIndex((t) => t.start >= end);
  const after = mk.withAfter.get(ctx.lang);
  if (j >= 0 && after?.some((ph) => ph.every((w, n) => sm.tokens[j + n]?.norm === w))) return true;
  // Han script: the character right before.
  if (i >= 0 && sm.tokens[i].start === start && /[同与跟]$/.test(ctx.text.slice(Math.max(0, start - 1), start))) return true;
  return false;
}

/** A side after a counterpart, joined to it by a coordinating word, is a counterpart too. */
function markCoordinatedCounterparts(ctx: EventContext, sides: Side[]): void {
  const coord = ctx.lex.markers.coordination.get(ctx.lang);
  const ordered = [...sides].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (!prev.counterpart || cur.counterpart || !Number.isFinite(cur.start) || cur.start < 0) continue;
    const gap = ctx.text.slice(prev.start, cur.start);
    if (/[.;!?؟。]/.test(gap) || gap.length > 160) continue;
    const words = gap.toLowerCase().match(/\p{L}+/gu) ?? [];
    if (words.some((w) => coord?.has(w) || (/^[\u0600-\u06ff]/.test(w) && w.startsWith("و") && (ctx.lang === "ar" || ctx.lang === "fa")))) cur.counterpart = true;
  }
}

/**
 * "..., and Moscow agreed to release them, Foreign Secretary X told reporters": a person named
 * after the trigger, in a clause of its own that carries a reporting verb, is the source of the
 * report, not a side of the event.
 */
function isReportingSource(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, side: Side): boolean {
  if (side.rank < 2) return false;
  // "According to the President of Tajikistan, the sides agreed": a source anywhere.
  const k = sm.tokens.findIndex((x) => x.start >= side.start);
  const before = ctx.lex.markers.sourceBefore.get(ctx.lang) ?? [];
  for (let skip = 0; k >= 0 && skip <= 1; skip++) {
    const end = k - skip; // one word (an article) may stand between
    if (phraseEndingAt(sm.tokens, end - 1, before)) return true;
  }
  if (side.start <= t.end) return false;
  const between = ctx.text.slice(t.end, side.start);
  const lastBreak = Math.max(between.lastIndexOf(","), between.lastIndexOf(";"), between.lastIndexOf("—"), between.lastIndexOf("–"), between.lastIndexOf("،"), between.lastIndexOf("("));
  if (lastBreak < 0) return false;
  const clauseStart = t.end + lastBreak;
  const rest = ctx.text.slice(side.start, sm.sentence.end);
  const endRel = rest.search(/[,;،.!?؟。]/);
  const clauseEnd = endRel < 0 ? sm.sentence.end : side.start + endRel;
  const words = sm.tokens.filter((x) => x.start >= clauseStart && x.end <= clauseEnd).map((x) => x.norm);
  const phrases = ctx.lex.markers.reporting.get(ctx.lang) ?? [];
  return phrases.some((ph) => words.some((_, i) => ph.every((w, j) => words[i + j] === w)));
}

/**
 * "Condemns the provocations of the United States": a country within five words after a hostile
 * or directed trigger is its target. It takes the place of a bare country named further away
 * when the sentence has more than two ("Russia adheres to 'one China' and condemns...").
 */
function withObjectTarget(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[]): Side[] {
  if (t.tokenEnd < 0) return sides;
  const obj = sm.entities.find((e) => e.payload.kind === "country" && e.payload.form !== "capital" && e.tokenStart >= t.tokenEnd && e.tokenStart - t.tokenEnd <= 4 && !/[,;.]/.test(ctx.text.slice(t.end, e.start)));
  if (!obj || sides.some((x) => x.country === obj.payload.id)) return sides;
  // "Called for peace in Ukraine": a place or a subject of talk is not a target, except of force.
  const role = mentionRole(ctx, sm, obj);
  if (role === "topic" || (role === "place" && !HOSTILE.has(t.payload.type))) return sides;
  const target: Side = { country: obj.payload.id, name: null, role: null, rank: 1, start: obj.start, evidence: evidenceOf(ctx, sm), counterpart: true };
  if (sides.length < 2) return [...sides, target];
  const bare = sides.filter((x) => x.rank <= 1);
  if (!bare.length) return sides;
  const far = bare.sort((a, b) => Math.abs(b.start - t.end) - Math.abs(a.start - t.end))[0];
  return sides.map((x) => (x === far ? target : x));
}

/**
 * "The guest", «хозяин встречи», "ضيفه": the visitor (first side) or the host (second side) of
 * the latest visit reported before, unless the sentence names that country itself.
 */
function withGuestAndHost(ctx: EventContext, sm: SentenceMentions, sides: Side[], drafts: Draft[]): Side[] {
  const refs = sm.references.filter((r) => r.payload.id === "guest" || r.payload.id === "host");
  if (!refs.length) return sides;
  const visit = [...drafts].reverse().find((d) => d.rec.mode === "visit" && !d.rec.status && d.sides.length >= 2);
  if (!visit) return sides;
  const out = [...sides];
  for (const r of refs) {
    const from = r.payload.id === "guest" ? visit.sides[0] : visit.sides.find((x) => x !== visit.sides[0])!;
    if (out.some((x) => x.country === from.country)) continue;
    out.push({ ...from, rank: from.name ? 3 : 1, start: r.start, evidence: evidenceOf(ctx, sm), counterpart: isCounterpart(ctx, sm, r.start, r.end), host: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Lavrov held talks with his Tajik counterpart": a country named with a counterpart noun
 * stands for the holder of the office the other side's person holds, on the date.
 */
function withCounterpartOffice(ctx: EventContext, sm: SentenceMentions, sides: Side[], date: string | null): Side[] {
  const model = sides.find((x) => x.rank >= 2 && x.role && RESOLVABLE_OFFICE_ROLES.has(x.role));
  if (!model) return sides;
  return sides.map((x) => {
    if (x === model || x.rank > 1 || x.name || x.start === Infinity || !counterpartNear(ctx, sm, x.start)) return x;
    const holder = holderOf(ctx.lex, x.country, model.role!, date);
    return { ...x, role: model.role, name: holder?.name ?? null, rank: holder ? 3 : 2 };
  });
}

/** A meeting noun governed by a setting word, with no other event word between ("on the sidelines of the ministers' meetings"). */
function triggerIsSetting(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (!orgIsSetting(ctx, sm, t)) return false;
  const words = ctx.lex.markers.settingBefore.get(ctx.lang);
  const setting = [...sm.tokens.slice(0, Math.max(0, t.tokenStart))].reverse().find((x) => wordVariantsOf(x.norm).some((w) => words?.has(w)));
  return !!setting && !sm.triggers.some((x) => x !== t && x.start >= setting.end && x.end <= t.start);
}

/** Acts of force and street protest: their sides are named where they are told. */
const MATERIAL_CONFLICT: Set<EventType> = new Set(["PROTEST", "COERCE", "ASSAULT", "MOBILIZE"]);

/** Events that are statements: what they say is content, not sides. */
const SPEECH_ACTS: Set<EventType> = new Set(["THREATEN", "REQUEST", "ACCUSE", "REJECT"]);

/**
 * "Casey was warned that if Ukrainian troops used British weapons...": countries named after
 * a complementizer (or a colon) following the trigger are what the statement says, not its
 * sides. Named persons stay.
 */
function withoutContent(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[]): Side[] {
  const words = ctx.lex.markers.complementizer.get(ctx.lang);
  let boundary = Infinity;
  const colon = ctx.text.slice(t.end, sm.sentence.end).search(/:/);
  if (colon >= 0) boundary = t.end + colon;
  if (words) {
    const c = sm.tokens.find((x) => x.start >= t.end && x.start < boundary && wordVariantsOf(x.norm).some((w) => words.has(w)));
    if (c) boundary = c.start;
  }
  if (boundary === Infinity) return sides;
  return sides.filter((x) => x.rank >= 3 || x.start < boundary);
}

/** Whether only a coordinating word or comma stands between two mentions ("Iran and Pakistan"). */
function coordinated(ctx: EventContext, a: { end: number }, b: { start: number }): boolean {
  if (b.start < a.end) return false;
  const gap = ctx.text.slice(a.end, b.start);
  if (gap.length > 14) return false;
  const words = gap.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const coord = ctx.lex.markers.coordination.get(ctx.lang);
  if (!words.length) return /^[\s,、،]*$/.test(gap) || /^\s*$/.test(gap);
  return words.every((w) => coord?.has(w) || ARTICLES.has(w));
}

function evidenceOf(ctx: EventContext, sm: SentenceMentions): Evidence {
  const s = sm.sentence;
  return { document: ctx.document, sentence: ctx.text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** Sides named in one sentence, strongest first per country. */
export function sidesInSentence(ctx: EventContext, sm: SentenceMentions, date: string | null, opts: { orgsAsSides: boolean; type?: EventType; multilateral?: boolean; visit?: boolean; sameCountryCounterparts?: Side[]; near?: { start: number; end: number } }): Side[] {
  const { lex, text } = ctx;
  const ev = evidenceOf(ctx, sm);
  const ents = sm.entities;
  const sides: Side[] = [];
  const consumed = new Set<number>();
  // A title binds to a country close by, with no sentence break or event word between
  // ("the ambassador was warned that if Ukrainian..." is no Ukrainian ambassador).
  const gapOk = (a: { end: number }, b: { start: number }) =>
    b.start >= a.end && b.start - a.end <= BIND_GAP && !/[.;!?؟。]/.test(text.slice(a.end, b.start)) && !sm.triggers.some((x) => x.start >= a.end && x.end <= b.start);

  // Persons from the lexicon.
  const personEnds = new Map<Side, number>();
  ents.forEach((e, i) => {
    if (e.payload.kind !== "person") return;
    const p = lex.persons.get(e.payload.id);
    if (!p) return;
    // "Keep the pressure on Putin", "Putin's campaign": a person talked about is no side of a
    // cooperative act; the one condemned or struck is.
    if (!(opts.type && HOSTILE.has(opts.type)) && mentionRole(ctx, sm, e) !== "party" && mentionRole(ctx, sm, e) !== "direction") return;
    // The title written before the name says which of a person's offices is meant
    // ("Prime Minister Medvedev" in an undated text); otherwise the office held on the date.
    const titleBefore = [ents[i - 1], ents[i - 2]].find((x) => x?.payload.kind === "office" && x.end <= e.start && e.start - x.end <= BIND_GAP * 2);
    const titledRole = titleBefore?.payload.kind === "office" ? titleBefore.payload.role : null;
    const titledTerm = titledRole ? p.terms.find((t) => t.role === titledRole && (!date || termOn({ ...p, terms: [t] }, date))) : undefined;
    const term = titledTerm ?? termOn(p, date);
    if (!term) return;
    consumed.add(i);
    // The title and country right before the name belong to this person ("Russian President Putin").
    // Each link of the chain is short, and no other titled name stands in it ("Ambassador Nigel
    // Casey over remarks by Foreign Secretary David Cameron": the ambassador title is Casey's).
    let spanStart = e.start;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const prev = ents[j];
      if (prev.payload.kind === "office" || (prev.payload.kind === "country" && prev.payload.id === term.country)) {
        const nameBetween = sm.names.some((n) => n.start >= prev.end && n.end <= spanStart);
        // ...nor an event word ("the Head of State met with President X": two persons).
        const triggerBetween = sm.triggers.some((x) => x.start >= prev.end && x.end <= spanStart);
        if (prev.end <= spanStart && spanStart - prev.end <= BIND_GAP && e.start - prev.end <= BIND_GAP * 2 && !nameBetween && !triggerBetween) {
          consumed.add(j);
          spanStart = prev.start;
        } else break;
      } else break;
    }
    // ...and right after it in languages that put the title after the name.
    const next = ents[i + 1];
    if (next && next.payload.kind === "country" && next.payload.id === term.country && gapOk(e, next)) consumed.add(i + 1);
    sides.push({ country: term.country, name: p.name, role: term.role, rank: 3, start: e.start, evidence: ev, counterpart: isCounterpart(ctx, sm, spanStart, e.end) });
    personEnds.set(sides[sides.length - 1], e.end);
  });
  // "Shoigu and Ahmadian discussed... and offered condolences on Raisi's death": two persons of
  // different countries joined by "and" are the parties of the sentence; a more senior person
  // of one of those countries named elsewhere in it is not.
  for (const a of sides)
    for (const b of sides)
      if (a !== b && a.country !== b.country && a.start < b.start && coordinated(ctx, { end: personEnds.get(a)! }, b)) a.paired = b.paired = true;

  // Offices bound to a country or organisation next to them, with a name after them if any.
  ents.forEach((e, i) => {
    if (e.payload.kind !== "office" || consumed.has(i)) return;
    const role = e.payload.role;
    let countryIdx = -1;
    const prev = ents[i - 1];
    const next = ents[i + 1];
    const isHolderEntity = (x: EntityMatch | undefined) => !!x && (x.payload.kind === "country" && x.payload.form !== "capital" || x.payload.kind === "org");
    // The nearer of the country before the title ("the Turkish President") and the one after
    // it ("President of Turkey") is the title's.
    // A country after the title that is the subject of talk (Hungarian "külügyminiszterrel
    // Ukrajnáról", "with the minister about Ukraine") is not the title's.
    const nextOk = isHolderEntity(next) && gapOk(e, next!) && !consumed.has(i + 1) && mentionRole(ctx, sm, next!) !== "topic";
    const prevOk = isHolderEntity(prev) && gapOk(prev!, e) && !consumed.has(i - 1);
    if (nextOk && prevOk) countryIdx = next!.start - e.end <= e.start - prev!.end ? i + 1 : i - 1;
    else if (nextOk) countryIdx = i + 1;
    else if (prevOk) countryIdx = i - 1;
    // "İran'ın Ankara Büyükelçisi", "Oroszország pozsonyi nagykövete": the capital of the posting
    // stands between the country and its title.
    else if (prev?.payload.kind === "country" && prev.payload.form === "capital" && gapOk(prev, e) && isHolderEntity(ents[i - 2]) && gapOk(ents[i - 2], prev) && !consumed.has(i - 2)) countryIdx = i - 2;
    const titled = sm.names.find((n) => n.office === i);
    if (countryIdx < 0) {
      // "The Chairman of the State Duma": a title of one country's institution implies it.
      const implied = e.payload.country;
      if (implied) {
        consumed.add(i);
        const name = titled?.name ?? holderOf(lex, implied, e.payload.id, date)?.name ?? null;
        sides.push({ country: implied, name, role, rank: name ? 3 : 2, start: e.start, evidence: ev, counterpart: isCounterpart(ctx, sm, e.start, Math.max(e.end, titled?.end ?? 0)) });
      }
      // Otherwise a titled name without a country ("Ambassador John Smith"): country unknown.
      return;
    }
    // A title bound to an organisation that is only the setting ("on the sidelines of the UN
    // General Assembly") names no side.
    if (ents[countryIdx].payload.kind === "org" && !opts.multilateral && orgIsSetting(ctx, sm, ents[countryIdx])) return;
    // "The CIS Council of Heads of State": the members' leaders, not a person of the
    // organisation, which is a side without a person.
    const orgOfStates = ents[countryIdx].payload.kind === "org" && STATE_ROLES.has(role);
    consumed.add(i);
    consumed.add(countryIdx);
    const country = ents[countryIdx].payload.id;
    let name: string | null = titled?.name ?? null;
    if (!name && RESOLVABLE_OFFICE_ROLES.has(role)) name = holderOf(lex, country, e.payload.id, date)?.name ?? null;
    const spanStart = Math.min(e.start, ents[countryIdx].start);
    const spanEnd = Math.max(e.end, ents[countryIdx].end, titled?.end ?? 0);
    if (orgOfStates) sides.push({ country, name: null, role: null, rank: 1, start: spanStart, evidence: ev, counterpart: isCounterpart(ctx, sm, spanStart, spanEnd) });
    else sides.push({ country, name, role, rank: name ? 3 : 2, start: spanStart, evidence: ev, counterpart: isCounterpart(ctx, sm, spanStart, spanEnd) });
    // "The ambassadors of Germany, Japan and Egypt": one holder of the title for each country
    // of the list after it.
    if (!orgOfStates && !titled && countryIdx === i + 1) {
      const head = sides[sides.length - 1];
      const counterpart = head.counterpart;
      for (let j = countryIdx + 1; j < ents.length; j++) {
        const x = ents[j], before = ents[j - 1];
        if (x.payload.kind !== "country" || x.payload.form === "capital" || consumed.has(j) || !coordinated(ctx, before, x)) break;
        consumed.add(j);
        const holder = RESOLVABLE_OFFICE_ROLES.has(role) ? holderOf(lex, x.payload.id, e.payload.id, date)?.name ?? null : null;
        sides.push({ country: x.payload.id, name: holder, role, rank: holder ? 3 : 2, start: x.start, evidence: ev, counterpart, listed: true });
      }
      if (sides[sides.length - 1] !== head) head.listed = true;
    }
  });

  // Bare countries (names, adjectives) and organisations, unless the words around them make
  // them a place ("talks in Luxembourg") or the subject of talk ("discussed the situation in Syria").
  const hostile = !!opts.type && HOSTILE.has(opts.type);
  const bare: (Side & { end: number })[] = [];
  let previous: { e: EntityMatch; role: MentionRole } | null = null;
  ents.forEach((e, i) => {
    if (consumed.has(i)) return;
    const isCapital = e.payload.kind === "country" && e.payload.form === "capital";
    const isCountry = e.payload.kind === "country" && !isCapital;
    const isOrg = e.payload.kind === "org" && opts.orgsAsSides;
    if (!isCountry && !isOrg && !isCapital) return;
    let role = mentionRole(ctx, sm, e);
    // A capital stands for its government only where nothing marks it as a place
    // ("New Delhi signed", "a response from Islamabad"; not "talks in Moscow").
    if (isCapital && role !== "party" && !(hostile && role === "place")) return;
    // "On the sidelines of the UN General Assembly", "within the framework of the SCO": an
    // organisation that is the setting of a bilateral event is not one of its sides.
    if (isOrg && !opts.multilateral && orgIsSetting(ctx, sm, e)) return;
    // A list after "in"/"about" shares its marker: "at the UN, CIS and SCO".
    if (role === "party" && previous && previous.role !== "party" && coordinated(ctx, previous.e, e)) role = previous.role;
    // A nationality adjective is an actor next to an actor noun ("the Russian side") or a
    // trigger ("Russian-Chinese talks"); otherwise it describes a subject ("the Libyan crisis").
    if (role === "party" && e.payload.kind === "country" && e.payload.form === "adj" && !adjectiveIsActor(ctx, sm, e)) role = "topic";
    previous = { e, role };
    // Subjects of talk are not parties to cooperation; what is attacked or condemned is.
    if (role === "topic" && !hostile) return;
    // A country one is in or goes to is the host of a visit; other cooperative events happen
    // there without it being a party; a hostile act against it makes it one.
    if (role === "place" && !hostile && !opts.visit) return;
    const counterpart = role === "direction" || isCounterpart(ctx, sm, e.start, e.end);
    bare.push({ country: e.payload.id, name: null, role: null, rank: 1, start: e.start, end: e.end, evidence: ev, counterpart, host: role === "place" || role === "direction" });
  });
  // Named and titled sides always count; bare ones fill up to two sides, and beyond that only
  // when joined to a side by "and" ("China urged Iran and Pakistan"). Summits take everyone.
  if (opts.multilateral) sides.push(...bare);
  else {
    const kept = new Set(sides.map((x) => x.country));
    for (const b of bare) {
      if (kept.has(b.country)) {
        // "Tebboune received the minister, who is on a visit to Algeria": Algeria's leader is the host.
        if (b.host) for (const x of sides) if (x.country === b.country) x.host = true;
        continue;
      }
      const joined = bare.some((o) => o !== b && kept.has(o.country) && (coordinated(ctx, o, b) || coordinated(ctx, b, o)));
      // Several recipients joined by "and" ("thanked Iraq and Oman") are all sides.
      const recipients = b.counterpart && bare.some((o) => o !== b && o.counterpart && (coordinated(ctx, o, b) || coordinated(ctx, b, o)));
      if (kept.size < 2 || joined || recipients) {
        sides.push(b);
        kept.add(b.country);
      }
    }
  }

  // One side per country: the most senior person named for it, first mention's position.
  // Other named counterparts of that country are kept aside: "met with President X and
  // Foreign Minister Y" is two meetings.
  const byCountry = new Map<string, Side>();
  const others: Side[] = [];
  for (const s of sides.sort((a, b) => a.start - b.start)) {
    const have = byCountry.get(s.country);
    if (!have) byCountry.set(s.country, s);
    else if (have.paired && !s.paired) {
      if (s.rank === 3 && s.name !== have.name) others.push(s);
    } else if ((s.paired && !have.paired) || s.rank > have.rank || (s.rank === have.rank && betterSameRank(s, have, opts))) {
      if (have.rank === 3 && have.counterpart) others.push(have);
      byCountry.set(s.country, { ...s, start: have.start, host: s.host || have.host });
    } else {
      // The country visited stays the host when its leader is the side kept ("went to Algeria ... Tebboune").
      if (s.host && !have.host) byCountry.set(s.country, { ...have, host: true });
      if (s.rank === 3 && s.name !== have.name) others.push(s);
    }
  }
  const result = [...byCountry.values()].sort((a, b) => a.start - b.start);
  if (opts.sameCountryCounterparts) opts.sameCountryCounterparts.push(...others);
  return result;
}

/** Of two sides of one country and rank, is a the better one? In directed acts the one nearer the trigger, else the more senior. */
function betterSameRank(a: Side, b: Side, opts: { near?: { start: number; end: number } }): boolean {
  return opts.near ? nearer(a, b, opts.near) : seniority(a.role) > seniority(b.role);
}

/** Whether side a stands nearer a trigger than side b. */
function nearer(a: Side, b: Side, t: { start: number; end: number }): boolean {
  const d = (x: Side) => (x.start >= t.end ? x.start - t.end : t.start - x.start);
  return d(a) < d(b);
}

// The plain sides of a sentence (no event type) are asked for several times per sentence and
// date (person counts, salience, summits); they are computed once per document. Callers only
// read them.
type PlainMemo = Map<SentenceMentions, Map<string | null, Side[]>>;
function plainSides(memo: PlainMemo, ctx: EventContext, sm: SentenceMentions, date: string | null): readonly Side[] {
  let byDate = memo.get(sm);
  if (!byDate) {
    byDate = new Map();
    memo.set(sm, byDate);
  }
  let sides = byDate.get(date);
  if (!sides) {
    sides = sidesInSentence(ctx, sm, date, { orgsAsSides: false });
    byDate.set(date, sides);
  }
  return sides;
}

/** Places named in a sentence: cities, and capitals (which name places more often than governments). */
function placesInSentence(ctx: EventContext, sm: SentenceMentions, date: string | null): { city: string | null; country: string; start: number; end: number }[] {
  const out: { city: string | null; country: string; start: number; end: number }[] = [];
  for (const e of sm.entities) {
    // "An agreement on the use of Chabahar port": a place that is the subject of talk is not
    // where the event happened.
    if ((e.payload.kind === "place" || e.payload.kind === "country") && mentionRole(ctx, sm, e) === "topic") continue;
    if (e.payload.kind === "place") out.push({ city: e.payload.id, country: e.payload.country, start: e.start, end: e.end });
    else if (e.payload.kind === "country" && e.payload.form === "capital") {
      const cap = ctx.lex.placeNames.get(`capital:${e.payload.id}`);
      // The capital's name on the day (Nur-Sultan in 2021).
      const then = date ? ctx.lex.capitalNames.get(e.payload.id)?.find((x) => date >= x.from.slice(0, date.length) && date <= x.to.slice(0, date.length)) : undefined;
      out.push({ city: then?.name ?? cap?.name ?? null, country: e.payload.id, start: e.start, end: e.end });
    }
  }
  return out;
}

/** Whether a cue stands in the trigger's clause, within 100 characters, with no trigger between. */
function sameClauseBefore(text: string, sm: SentenceMentions, c: { end: number }, t: TriggerMatch): boolean {
  if (t.start - c.end > 100) return false;
  const between = sm.tokens.filter((x) => x.start >= c.end && x.end <= t.start);
  if (sm.triggers.some((x) => x !== t && x.start >= c.end && x.end <= t.start)) return false;
  return between.length > 0 && !breakBetween(text, sm, c.end, t.start);
}

/**
 * "Is expected to meet Macron on Friday to discuss trade": an event word in the purpose of a
 * planned or hypothetical one, in the same clause, shares its status.
 */
function statusOfClause(text: string, sm: SentenceMentions, t: TriggerMatch): EventRecord["status"] {
  const own = statusOf(text, sm, t);
  if (own) return own;
  // Threats and pledges speak of the future by nature (see statusOf).
  if (t.payload.type === "THREATEN" || (t.payload.type === "AGREE" && t.payload.mode === "agree")) return undefined;
  const prev = [...sm.triggers].reverse().find((x) => x.end <= t.start && x !== t);
  if (!prev || breakBetween(text, sm, prev.end, t.start)) return undefined;
  const inherited = statusOf(text, sm, prev);
  return inherited === "planned" || inherited === "hypothetical" ? inherited : undefined;
}

function statusOf(text: string, sm: SentenceMentions, t: TriggerMatch): EventRecord["status"] {
  // A cue in the clause before the trigger, or right after it (Persian "دیدار خواهد کرد").
  // Threats and pledges speak of the future by nature: only a negation makes them not events.
  const futureByNature = t.payload.type === "THREATEN" || (t.payload.type === "AGREE" && t.payload.mode === "agree");
  for (const c of sm.modality) {
    if (futureByNature && c.payload.id !== "negation") continue;
    // Near before the trigger, or further in the same clause with no other event word between
    // ("Ahead of his attendance at the informal summit of the European Council").
    const before = c.end <= t.start && (t.start - c.end <= 40 || sameClauseBefore(text, sm, c, t));
    // "Denied the allegations": the negation word of a rejection is its own verb.
    const overlaps = c.start < t.end && t.start < c.end && !(t.payload.type === "REJECT" && c.payload.id === "negation");
    const after = c.start >= t.end && c.start - t.end <= 12;
    if (before || overlaps || after) return c.payload.id === "negation" ? "denied" : c.payload.id === "future" ? "planned" : "hypothetical";
  }
  // "declined to sign", "refused to meet": the refusal is the event; what was refused is not.
  if (t.payload.type !== "REJECT" && sm.triggers.some((r) => r.payload.type === "REJECT" && r.end <= t.start && t.start - r.end <= 15)) return "denied";
  // "Agreed to hold talks", "called for a meeting": what is agreed or asked for is still to come.
  if (t.payload.type === "CONSULT" && sm.triggers.some((r) => ((r.payload.type === "AGREE" && r.payload.mode === "agree") || r.payload.type === "REQUEST") && r.end <= t.start && t.start - r.end <= 15)) return "planned";
  return undefined;
}

/**
 * "They met in February in Beijing and in September in Samarkand": a meeting, call or visit
 * with two or more dates joined after its trigger is one event per date. Otherwise one
 * occasion whose date is chosen by `dateFor`.
 */
function occasionsOf(t: TriggerMatch, sm: SentenceMentions, dates: DateHit[], lang: string, text: string): (DateHit | null)[] {
  if (t.payload.type !== "CONSULT" || t.payload.mode === "multilateral") return [null];
  const next = sm.triggers.find((x) => x.start >= t.end);
  const after = dates.filter((d) => d.start >= t.end && (!next || d.end <= next.start));
  let distinct = [...new Map(after.map((d) => [d.value, d])).values()];
  // Verb-final languages put them before it, in its clause ("已于2月和9月两次通电话").
  if (distinct.length < 2 && VERB_FINAL.has(lang)) {
    const prev = [...sm.triggers].reverse().find((x) => x.end <= t.start);
    const before = dates.filter((d) => d.end <= t.start && (!prev || d.start >= prev.end) && !/[,;，；،]/.test(text.slice(d.end, t.start)));
    distinct = [...new Map(before.filter((d) => d.value.length >= 7).map((d) => [d.value, d])).values()];
  }
  return distinct.length >= 2 ? distinct : [null];
}

/** The date an event in this sentence took place. */
function dateFor(t: TriggerMatch, all: DateHit[], running: string | null, refDate: string | null, text?: string): { value: string | null; explicit: boolean; hit: DateHit | null } {
  // A Hijri or Solar Hijri date followed by its Gregorian equivalent ("22/1/1422هـ الموافق
  // 17/4/2001م"): the Gregorian one, as written, is the date. A year after the publication
  // year is a target ("by 2030"), not when anything happened.
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

interface Draft {
  rec: EventRecord;
  sides: Side[];
  sentence: number;
  dateExplicit: boolean;
  /** Sentences that report this event (where it was found or found again). */
  reported: Set<number>;
  /** Folded into another event (a summit reported twice). */
  merged?: boolean;
  /** Which of the documents named in a signing sentence this signing is. */
  docIndex?: number;
  /** Content words right after the trigger (what was agreed), for telling agreements apart. */
  content?: Set<string>;
}

function countriesKey(sides: { country: string }[]): string {
  return sides.map((s) => s.country).sort().join("-");
}

/** Two dates more than a month apart (compared at the precision they share). */
function farApart(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 7);
  if (n < 7) return a.slice(0, 4) !== b.slice(0, 4);
  const ma = Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)), mb = Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7));
  return Math.abs(ma - mb) > 1;
}

/** Two full dates at most two days apart (a visit's arrival, talks and signing). */
function nearDate(a: string, b: string | null): boolean {
  if (!b || a.length !== 10 || b.length !== 10) return a === b;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 2 * 86400000;
}

function addDays(date: string, n: number): string {
  if (date.length !== 10) return date;
  const d = new Date(Date.parse(date + "T00:00:00Z") + n * 86400000);
  return d.toISOString().slice(0, 10);
}

/** The two sides the article is most about (falling back to the latest event's). */
function mainDyad(salience: Map<string, { side: Side; count: number }>, context: Side[]): Side[] {
  const ranked = [...salience.values()].sort((a, b) => b.count - a.count).map((x) => x.side);
  return ranked.length >= 2 ? ranked.slice(0, 2) : context;
}

/** Can two drafts be one interaction reported twice? */
function sameInteraction(a: Draft, b: Draft): boolean {
  if (a.rec.type !== b.rec.type) return false;
  if (countriesKey(a.sides) !== countriesKey(b.sides)) return false;
  const modes = [a.rec.mode, b.rec.mode];
  if (a.rec.mode !== b.rec.mode) {
    // A generic meeting trigger after a call or video conference is that call, elaborated.
    if (!(a.rec.type === "CONSULT" && modes.includes("meeting") && (modes.includes("phone") || modes.includes("video")))) return false;
    // A later "talks" after a call elaborates the call; a later call does not turn an earlier
    // meeting into a call unless both are told together (one sentence, one stated day).
    const upgrade = a.rec.mode === "meeting";
    if (upgrade && a.sentence !== b.sentence && !(a.dateExplicit && b.dateExplicit && a.rec.date === b.rec.date)) return false;
  }
  // Directed acts, and support given the other way ("congratulated" / "thanked him for the
  // congratulations"), have an initiator: two initiators, two acts.
  if ((DIRECTED.has(a.rec.type) || a.rec.type === "SUPPORT") && a.sides[0]?.country !== b.sides[0]?.country) return false;
  // Condolences, congratulations and an apology on one day are three acts of support.
  if (a.rec.type === "SUPPORT" && a.rec.cameo !== b.rec.cameo) return false;
  // Each signing sentence names its own document(s).
  if (a.rec.type === "AGREE" && a.rec.mode === "sign" && (a.sentence !== b.sentence || (a.docIndex ?? 0) !== (b.docIndex ?? 0))) return false;
  // Two agreements told in different sentences are one only when they speak of the same thing
  // ("agreed to take trade past $100 billion" ... "agreed to raise the figure beyond $100
  // billion"; not "agreed to release them").
  if (a.rec.type === "AGREE" && a.rec.mode === "agree" && a.sentence !== b.sentence && a.content && b.content && ![...a.content].some((w) => b.content!.has(w))) return false;
  // A visit told by its arrival (evening of the 15th) and its welcome (the 16th) is one visit.
  const visitDays = a.rec.mode === "visit" && !!a.rec.date && !!b.rec.date && a.rec.date.length === 10 && b.rec.date.length === 10 && Math.abs(Date.parse(a.rec.date) - Date.parse(b.rec.date)) <= 86400000;
  if (a.rec.date !== b.rec.date && a.dateExplicit && b.dateExplicit && !visitDays) return false;
  // A stated date months away from the day an undated report was put on is another occasion
  // ("the talks" today; "the handshake in Doha in November 2022").
  if (a.dateExplicit !== b.dateExplicit && a.rec.date && b.rec.date && farApart(a.rec.date, b.rec.date)) return false;
  // Different persons for one country: two meetings on one trip.
  for (const s of a.sides) {
    const o = b.sides.find((x) => x.country === s.country);
    if (o && s.name && o.name && s.name !== o.name && s.rank > 0 && o.rank > 0) return false;
  }
  return true;
}

function toActors(sides: Side[]): Actor[] {
  return sides.map((s) => ({ country: s.country, name: s.name, role: s.role, evidence: [s.evidence] }));
}

/**
 * Whether a trigger, in its sentence, names no event of its own: it belongs to another event
 * (the summit it hosts, the visit whose airport greeting it is, the meeting its attendees join),
 * is what another act is about (talks proposed, an appeal answered, a statement signed), or is a
 * manner or a stated position. Each case is commented where it is tested.
 */
function noEventHere(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, type: EventType, mode: string | null, drafts: Draft[]): boolean {
  // "The summit hosted by Russia": the host verb belongs to the summit, which is the event.
  if (mode === "meeting" && summitHosted(ctx, sm, t)) return true;
  // "On the sidelines of the summit X met Y": the summit is the setting, not an event here.
  // Unless the sentence says someone came to take part in it ("arrived to take part in the
  // extraordinary summit ..., and on its sidelines met X"): then both are told.
  if (mode === "multilateral" && !participationIn(ctx, sm, t) && sm.triggers.some((x) => x.payload.type === "CONSULT" && x.payload.mode !== "multilateral" && !summitHosted(ctx, sm, x))) return true;
  // "Agreed that it is important to...": a shared view, not an agreement.
  if (type === "AGREE" && mode === "agree") {
    const after = " " + sm.tokens.filter((x) => x.start >= t.end && x.start - t.end <= 60).map((x) => x.norm).join(" ") + " ";
    if ((ctx.lex.markers.opinion.get(ctx.lang) ?? []).some((w) => after.includes(` ${w} `) || after.includes(` ${w}`))) return true;
  }
  // "Wang Yi and others attended the meeting", «приняли участие во встрече»: participants
  // of a meeting already reported.
  // (Not "took part in the meeting of the CIS Council in Minsk": a body or place of its own.)
  if (type === "CONSULT" && mode !== "multilateral" && attendsBefore(ctx, sm, t) && drafts.some((d) => d.rec.type === "CONSULT" && !d.rec.status) && !sm.entities.some((e) => e.payload.kind === "org" || e.payload.kind === "place" || (e.payload.kind === "country" && e.payload.form === "capital"))) return true;
  // "Thanked him for the congratulations" / «از همدردی ... قدردانی کرد»: two support words in
  // one phrase are one act, told by the verb (first in most languages, last where the verb
  // ends the clause).
  if (type === "SUPPORT" && sm.triggers.some((x) => x !== t && x.payload.type === "SUPPORT" && (VERB_FINAL.has(ctx.lang) ? x.start > t.start : x.start < t.start) && (x.start > t.start ? x.start - t.end : t.start - x.end) <= 25 && !/[,;.،]/.test(ctx.text.slice(Math.min(x.end, t.end), Math.max(x.start, t.start))))) return true;
  // "Accepted the invitation with gratitude": the manner of another act, not thanks given.
  if (type === "SUPPORT" && t.tokenStart > 0 && t.tokenEnd - t.tokenStart === 1 && ctx.lex.markers.mannerBefore.get(ctx.lang)?.has(sm.tokens[t.tokenStart - 1].norm) && isWordOf(sm.tokens[t.tokenStart].norm, ctx.lex.markers.mannerNouns.get(ctx.lang) ?? [])) return true;
  // "On the sidelines of the ASEAN ministers' meetings, Wang met Rubio": a gathering named as
  // the setting of other talks is not an event of its own here.
  if (type === "CONSULT" && mode !== "phone" && mode !== "visit" && triggerIsSetting(ctx, sm, t) && sm.triggers.some((x) => x !== t && x.payload.type === "CONSULT" && !triggerIsSetting(ctx, sm, x))) return true;
  // "Commended their recent meeting": the meeting praised is the one told before; told first
  // here, it is the only report of a meeting that took place.
  if (type === "CONSULT" && mode !== "multilateral" && praisedEvent(ctx, sm, t) && drafts.some((d) => d.rec.type === "CONSULT" && !d.rec.status)) return true;
  // "Recalled its ambassador for consultations": the consultations are the recall's purpose.
  if (type === "CONSULT" && purposeOfSanction(ctx, sm, t)) return true;
  // "Commenting on the summons", "asked about the visit": an event spoken of, not a new one.
  if (eventTalkedAbout(ctx, sm, t)) return true;
  // "Supported a ceasefire and talks": talks that are the object of support or a proposal.
  if (type === "CONSULT" && mode === "meeting" && proposedBefore(ctx, sm, t)) return true;
  // "Signed a joint statement": the statement is the document signed, not another agreement.
  if (type === "AGREE" && mode === "agree" && sm.triggers.some((x) => x.payload.type === "AGREE" && x.payload.mode === "sign" && (x.end <= t.start ? t.start - x.end <= 40 : x.start >= t.end && x.start - t.end <= 40))) return true;
  // "Rejected any attempt to displace...": a stated position, not a proposal turned down.
  if (type === "REJECT" && t.tokenEnd >= 0) {
    const any = ctx.lex.markers.anyBeforeObject.get(ctx.lang) ?? [];
    if (phraseStartingAt(sm.tokens, t.tokenEnd, any)) return true;
  }
  // "In response to appeals by the UN": whatever is answered is the cause, not the event.
  if (t.tokenStart > 0) {
    const k = t.tokenStart - 1;
    const resp = ctx.lex.markers.responseBefore.get(ctx.lang) ?? [];
    if (phraseEndingAt(sm.tokens, k, resp)) return true;
  }
  // "Condemned the attack on the embassy": the attack condemned is what the accusation is
  // about; its sides are not the condemner's (the attack itself is told where it is reported).
  if ((type === "ASSAULT" || type === "COERCE") && sm.triggers.some((x) => x.payload.type === "ACCUSE" && x.end <= t.start && t.start - x.end <= 60 && !/[.;]/.test(ctx.text.slice(x.end, t.start)))) return true;
  // "After the attack on the embassy": an attack named as the cause of something else is
  // background, not an event the report codes.
  if (type === "ASSAULT" && t.tokenStart > 0) {
    const k = t.tokenStart - 1;
    const bg = ctx.lex.markers.backgroundBefore.get(ctx.lang) ?? [];
    // The phrase right before the noun, or before one word ("after the attack").
    if (phraseEndingAt(sm.tokens, k, bg) || phraseEndingAt(sm.tokens, k - 1, bg)) return true;
  }
  // "Was received at the airport by the First Deputy Prime Minister": the greeting is the
  // arrival ceremony of the visit, not a meeting of its own.
  if (type === "CONSULT" && mode === "meeting" && atAirport(ctx, sm)) return true;
  // "Messages of congratulation also arrived from...": a message arriving, not a visit.
  if (mode === "visit" && messageArrives(ctx, sm, t)) return true;
  // Travelling to a summit is not a visit of its own.
  if (mode === "visit" && sm.triggers.some((x) => x.payload.mode === "multilateral")) return true;
  return false;
}

/** Find the events of a document. `datesBySentence[i]` are the date hits of sentence i. */
export function findEvents(ctx: EventContext, sentences: SentenceMentions[], datesBySentence: DateHit[][]): EventRecord[] {
  const drafts: Draft[] = [];
  const plain: PlainMemo = new Map();
  // Discourse context: the sides of the latest event (or of the title).
  let context: Side[] = sidesInSentence(
    ctx,
    ctx.title ?? { sentence: { start: 0, end: 0, index: -1, paragraph: -1 }, tokens: [], entities: [], triggers: [], topics: [], modality: [], references: [], names: [] },
    ctx.refDate,
    { orgsAsSides: false },
  ).map((s) => ({ ...s, rank: 0 }));
  let runningDate = ctx.refDate;
  let runningParagraph = -1;
  let scene: { date: string; location: NonNullable<EventRecord["location"]> } | null = null;
  // The latest visit's arrival day and place.
  let visitScene: { date: string; location: NonNullable<EventRecord["location"]> } | null = null;
  let contextDate = ctx.refDate;
  let sceneDate: string | null = null;
  // The last full date the text stated, for "a day later".
  let lastExplicitDate: string | null = null;
  // The first named person of the sentence before, for "he" opening the next one.
  let prevSubject: Side | null = null;
  // How often each side has been named so far (the title counts double): "the two sides" are
  // the two most named.
  const salience = new Map<string, { side: Side; count: number }>();
  const noteSalience = (x: Side, weight: number) => {
    const have = salience.get(x.country);
    if (have) {
      have.count += weight;
      if (x.rank > have.side.rank) have.side = { ...x };
    } else salience.set(x.country, { side: { ...x }, count: weight });
  };
  for (const x of context) noteSalience(x, 2);
  // The person the article names most often for each country (the title counts double;
  // ties go to the more senior): the protagonist, not a leader mentioned in passing.
  const personCounts = new Map<string, { side: Side; count: number }>();
  [...(ctx.title ? [ctx.title] : []), ...sentences].forEach((sm, i) => {
    for (const x of plainSides(plain, ctx, sm, ctx.refDate)) {
      if (x.rank < 3 || !x.name) continue;
      const k = `${x.country}|${x.name}`;
      const have = personCounts.get(k);
      const weight = i === 0 && ctx.title ? 2 : 1;
      if (have) have.count += weight;
      else personCounts.set(k, { side: x, count: weight });
    }
  });
  const docPersons = new Map<string, Side>();
  const bestCount = new Map<string, number>();
  for (const { side, count } of personCounts.values()) {
    const have = docPersons.get(side.country);
    const c = bestCount.get(side.country) ?? 0;
    if (!have || count > c || (count === c && seniority(side.role) > seniority(have.role))) {
      docPersons.set(side.country, side);
      bestCount.set(side.country, count);
    }
  }

  sentences.forEach((sm, si) => {
    if (sm.sentence.paragraph !== runningParagraph) {
      runningParagraph = sm.sentence.paragraph;
      // A new paragraph goes back to the article's day, or stays on the day of the scene just
      // reported when that was within a few days of it ("on Monday ... The sides also agreed");
      // an undated article stays on the day its text last stated.
      runningDate = sceneDate && (!ctx.refDate || nearDate(sceneDate, ctx.refDate)) ? sceneDate : ctx.refDate;
    }
    const dates = datesBySentence[si] ?? [];
    // "A day later": the day after the date the text was at.
    const dayAfter = dayAfterIn(ctx, sm);
    const sentenceSides = plainSides(plain, ctx, sm, runningDate);
    for (const x of sentenceSides) noteSalience(x, 1);
    for (const t of sm.triggers) {
      // A trigger inside a name is no trigger (Arabic "فيصل", Faisal, read as "ف + يصل", arrives).
      if (sm.entities.some((e) => e.payload.kind === "person" && e.start < t.end && t.start < e.end)) continue;
      for (const occasion of occasionsOf(t, sm, dates, ctx.lang, ctx.text)) {
      // "The first planes with a rescue team arrived at Adana airport": a delivery, not a visit.
      const { type, mode, cameo } = t.payload.mode === "visit" && cargoArrives(ctx, sm, t) ? { type: "AID" as const, mode: "humanitarian", cameo: "073" } : t.payload;
      if (noEventHere(ctx, sm, t, type, mode, drafts)) continue;
      const dayAfterBase = lastExplicitDate ?? runningDate;
      const when = occasion
        ? { value: occasion.value, explicit: true, hit: occasion }
        : dateFor(t, dates.filter((d) => !inRelativeClause(ctx, sm, t, d)), dayAfter && dayAfterBase ? addDays(dayAfterBase, 1) : runningDate, ctx.refDate, ctx.text);
      const extraPersons: Side[] = [];
      let sides = sidesInSentence(ctx, sm, when.value, {
        orgsAsSides: mode === "multilateral" || type !== "CONSULT" || !sm.triggers.some((x) => x.payload.mode === "multilateral"),
        type,
        multilateral: mode === "multilateral",
        visit: t.payload.mode === "visit",
        sameCountryCounterparts: extraPersons,
        // A protest is made to the ambassador it is handed to, not to the minister whose words
        // caused it: in directed acts the person nearest the trigger speaks for a country.
        ...(DIRECTED.has(type) || HOSTILE.has(type) ? { near: t } : {}),
      });
      sides = sides.filter((x) => !isReportingSource(ctx, sm, t, x));
      sides = withCounterpartOffice(ctx, sm, sides, when.value);
      if (DIRECTED.has(type) || HOSTILE.has(type)) sides = withObjectTarget(ctx, sm, t, sides);
      if (SPEECH_ACTS.has(type) || (type === "AGREE" && mode === "agree")) sides = withoutContent(ctx, sm, t, sides);
      // Where: the place named nearest the trigger; else the country visited; else the scene
      // already set for that day (a visit's meetings happen where the visit is); else the
      // dateline, for events of the day the article was filed.
      const places = placesInSentence(ctx, sm, when.value);
      // With several dates after one trigger, each occasion's place is the one by its date.
      const anchor = occasion ?? t;
      const distance = (p: { start: number; end: number }) => Math.min(Math.abs(p.start - anchor.end), Math.abs(anchor.start - p.end));
      const place = [...places].sort((a, b) => distance(a) - distance(b))[0];
      let location: EventRecord["location"] = null;
      const ev = evidenceOf(ctx, sm);
      const host = t.payload.mode === "visit" ? sides.find((x) => x.host) : undefined;
      if (place) location = { city: place.city, country: place.country, evidence: ev };
      else if (host) location = { city: null, country: host.country, evidence: ev };
      else if (scene && scene.date === when.value) location = { ...scene.location };
      // The days of a visit happen where the visit is (talks the day after the arrival).
      else if (visitScene && when.value && when.value.length === 10 && when.value >= visitScene.date && when.value <= addDays(visitScene.date, 2) && (!sides.length || sides.some((x) => x.country === visitScene!.location.country))) location = { ...visitScene.location };
      else if (ctx.datelinePlace && when.value === ctx.refDate && type !== "ASSAULT") {
        location = { city: ctx.datelinePlace.city, country: ctx.datelinePlace.country, evidence: { ...ev, start: ctx.datelinePlace.start, end: ctx.datelinePlace.end, sentence: ctx.text.slice(ctx.datelinePlace.start, ctx.datelinePlace.end) } };
      }
      if ((place || host) && location && when.value && (mode === "visit" || mode === "meeting" || mode === "multilateral")) scene = { date: when.value, location };
      if (mode === "visit" && location?.country && when.value?.length === 10 && !statusOf(ctx.text, sm, t)) visitScene = { date: when.value, location };
      // A visit's host is the country visited.
      if (t.payload.mode === "visit" && location?.country && !sides.some((s) => s.country === location!.country)) {
        sides.push({ country: location.country, name: null, role: null, rank: 1, start: place?.start ?? Infinity, evidence: ev });
      }
      // "The parties", "both ministers": the two sides the article is about, unless the
      // sentence names its own.
      // The reference is the subject when it comes before the trigger and before any side
      // named in the sentence ("Both ministers agreed"; not "China, close to both countries, urged").
      const firstSide = Math.min(...sides.map((x) => x.start));
      const sideRefs = sm.references.filter((r) => r.payload.id !== "guest" && r.payload.id !== "host");
      const referenceAsSubject = sideRefs.some((r) => r.end <= t.start && r.start < firstSide);
      // ...unless the reference names them itself ("the Saudi and Iranian sides").
      const namedByReference = sides.filter((x) => sideRefs.some((r) => x.start >= r.start && x.start - r.end <= 30)).length;
      // "The sides discussed preparations for the visit of the President of Tajikistan": with the
      // reference as subject, what is named after the trigger is the subject of talk.
      const namedOnlyAfter = referenceAsSubject && sides.every((x) => x.start > t.end) && (type === "CONSULT" || (type === "AGREE" && mode === "agree"));
      if (sideRefs.length && (!sides.some((x) => x.rank >= 2) || namedOnlyAfter) && (sides.length < 2 || (referenceAsSubject && namedByReference < 2)) && mode !== "multilateral") {
        const main = mainDyad(salience, context);
        if (main.length >= 2) sides = main.map((c) => ({ ...c, rank: 0, start: Infinity }));
      } else if (sideRefs.length && !referenceAsSubject && sides.length === 1 && sides[0].rank >= 2 && (type === "CONSULT" || type === "SUPPORT") && mode !== "multilateral") {
        // "The Chinese foreign minister gave a lunch in honour of the two ministers and talked
        // with them": one side named as the subject, the two sides of the article as its object.
        const main = mainDyad(salience, context);
        if (main.length >= 2 && !main.some((c) => c.country === sides[0].country)) sides = [sides[0], ...main.map((c) => ({ ...c, rank: 0, start: Infinity, counterpart: true }))];
      }
      // "The Head of State also met with...": a title without a country before the trigger is
      // the article's one person holding that office ("the Head of State" in a Tajik report).
      if (mode !== "multilateral" && !sides.some((x) => x.start < t.start && x.rank >= 2)) {
        const roleOf = (e: EntityMatch) => (e.payload.kind === "office" ? e.payload.role : null);
        // (Not a title bound to a country or organisation before it: "the ASEAN foreign ministers".)
        const boundBefore = (e: EntityMatch) => sm.entities.some((x) => (x.payload.kind === "org" || x.payload.kind === "country") && x.end <= e.start && e.start - x.end <= 2);
        const title = sm.entities.find((e) => e.end <= t.start && RESOLVABLE_OFFICE_ROLES.has(roleOf(e)!) && !boundBefore(e) && !sides.some((x) => x.start <= e.start && e.end <= x.start + 80 && x.role === roleOf(e)));
        const holders = title ? [...docPersons.values()].filter((p) => p.role === roleOf(title) && !sides.some((x) => x.country === p.country)) : [];
        // Several candidates: one of the sides of the event before, else the dateline's country.
        const holder = holders.length === 1 ? holders[0] : holders.find((p) => context.some((c) => c.country === p.country)) ?? holders.find((p) => p.country === ctx.datelinePlace?.country);
        if (title && holder) sides = [{ ...holder, rank: 3, start: title.start, counterpart: false }, ...sides];
      }
      // "He also praised Russia's effort": a sentence opened by a subject pronoun continues the
      // actor of the event before; countries named after it are the other side.
      const speaker = prevSubject ?? (context[0]?.name ? context[0] : null);
      if (mode !== "multilateral" && speaker && pronounSubject(ctx, sm, t) && !sides.some((x) => x.rank >= 2 && x.start < t.start)) {
        const actor = speaker;
        sides = [{ ...actor, rank: 0, start: -1, counterpart: false }, ...sides.filter((x) => x.country !== actor.country)];
      }
      // "The guest congratulated the host": the visitor and the host of the latest visit.
      if (mode !== "multilateral" && mode !== "visit") sides = withGuestAndHost(ctx, sm, sides, drafts);
      // Counterparts joined to a counterpart by "and" are counterparts too ("with X and Y").
      markCoordinatedCounterparts(ctx, sides);
      // Only counterparts named ("held talks with X"): the one who acts is in the discourse.
      if (sides.length && sides.every((x) => x.counterpart) && mode !== "multilateral") {
        const actor = context.find((c) => !sides.some((x) => x.country === c.country));
        if (actor) sides.unshift({ ...actor, rank: 0, start: -1, counterpart: false });
      }
      // A summit belongs to an organisation: the one named in the sentence, else the latest one
      // named before it (or in the title).
      // An organisation named with its head ("UN Secretary-General Guterres addressed the
      // summit") is a participant, not the summit's owner.
      if (mode === "multilateral" && !sides.some((x) => ctx.lex.orgCodes.has(x.country) && !x.name)) {
        const org = [...sentences.slice(0, si + 1).reverse().flatMap((x) => [...x.entities].reverse()), ...(ctx.title?.entities ?? [])].find((x) => x.payload.kind === "org");
        if (org) sides.push({ country: org.payload.id, name: null, role: null, rank: 1, start: Infinity, evidence: ev });
      }
      // Fill missing sides from the discourse ("the parties", "he", "the Russian side").
      // Force and street protest name who acts in their own sentence: "22,000 arrests
      // nationwide", "demonstrations began peacefully" with no side named are domestic news,
      // not an interaction of the sides talked about before.
      // ("A clash between the border guards of the two states" refers to them by name.)
      if (MATERIAL_CONFLICT.has(type) && !sm.references.length && !sides.some((x) => x.rank >= 1 && Number.isFinite(x.start))) continue;
      if (sides.length < 2 && mode !== "multilateral") {
        // "The statement was signed on behalf of the Chinese side by Wang Yi" after talks between
        // two other parties: a document signed by a third side is signed by all three.
        const allSign = type === "AGREE" && mode === "sign" && sides.length === 1 && context.length >= 2 && context.every((c) => c.country !== sides[0].country);
        for (const c of context) {
          if (sides.length >= 2 && !allSign) break;
          if (!sides.some((s) => s.country === c.country)) sides.push({ ...c, rank: 0, start: Infinity });
        }
      }
      if (sides.length < 2) continue;
      // A visit has a visitor and a host: with more sides named, the first named and the host.
      if (mode === "visit" && sides.length > 2) {
        const hostCountry = location?.country;
        const host = sides.find((x) => x.host || x.country === hostCountry);
        const visitor = sides.find((x) => x !== host);
        sides = host && visitor ? [visitor, host] : sides.slice(0, 2);
      } else if (mode === "visit" && sides.length === 2 && ((location?.country && sides[0].country === location.country && sides[1].country !== location.country) || (sides[0].host && !sides[1].host))) {
        // The visitor comes first: the host's leader is often named first ("Rahmon welcomed
        // Japarov, who came to Tajikistan on a visit").
        sides = [sides[1], sides[0]];
      }
      // A call or an aid delivery to several counterparts is one interaction with each.
      // Condolences or congratulations from one side to several are one message to each.
      const oneToMany = sides.length > 2 && !sides[0].counterpart && sides.slice(1).every((x) => x.counterpart);
      // "The EU held conferences with Ukraine and Moldova": one meeting with each, when the
      // counterparts are bare countries joined by "and" after "with".
      const bareCounterparts = oneToMany && sides.slice(1).every((x) => x.rank === 1);
      // "Received the credentials of the ambassadors of Germany, Japan and Egypt": one audience each.
      const listedOthers = sides.length > 2 && !sides[0].listed && sides.slice(1).every((x) => x.listed);
      // "Also met with President X and President Y": one meeting with each named counterpart,
      // unless the text calls it trilateral (then a multilateral or "three-way" word is there).
      const severalParty = sm.tokens.some((x) => isWordOf(x.norm, ctx.lex.markers.severalParty.get(ctx.lang) ?? []));
      const namedCounterparts = oneToMany && sides.slice(1).every((x) => x.rank === 3);
      // "X held meetings with A, B and C": one side before the trigger and a list after it is one
      // meeting with each, unless the text says they met together.
      const subjectAndList = sides.length > 2 && sides[0].start < t.start && sides.slice(1).every((x) => x.start >= t.end && Number.isFinite(x.start));
      // "Accused the governments of Colombia, Mexico and Chile": a directed act aimed at several
      // is one act towards each (PLOVER events are dyadic); agreements among three stay one, and
      // so does an appeal to two parties to do something together ("urged X and Y to talk").
      const directedAtList = subjectAndList && type !== "CONSULT" && type !== "AGREE" && type !== "COOPERATE" && type !== "REQUEST";
      const groups: Side[][] = (mode === "phone" || type === "AID" || directedAtList || (type === "SUPPORT" && oneToMany) || (mode === "meeting" && !severalParty && (bareCounterparts || listedOthers || namedCounterparts || subjectAndList))) && sides.length > 2 && !sides[0].counterpart
        ? sides.slice(1).map((o) => [sides[0], o])
        : [sides];
      // A meeting with two named persons of one country, joined by "and": one meeting each.
      if (mode === "meeting" && groups.length === 1) {
        for (const p of extraPersons) {
          const own = sides.find((x) => x.country === p.country);
          if (!own || !own.counterpart || !coordinatedPersons(ctx, own, p)) continue;
          groups.push(sides.map((x) => (x === own ? { ...p, counterpart: true } : x)));
        }
      }
      // "Signed the Treaty on Allied Relations and the Treaty on Demarcation": one signing per
      // document named (up to three); a batch ("16 other documents") is one.
      const documents = type === "AGREE" && mode === "sign" ? Math.min(3, Math.max(1, documentsNamed(ctx, sm))) : 1;
      for (let docIndex = 0; docIndex < documents; docIndex++)
      for (const group of groups) {
        // Names carried over: the same country's person from the scene before, when on the same date.
        // Else, for events of the article's own day, the most senior person the article names
        // for that country ("Maulen" met "Emomali"; "the Kazakh side" is Tokayev's).
        for (const s of group) {
          if (s.name) continue;
          // "The Afghan envoy thanked...": a title without a name is the person of that country
          // and office the article names most ("Ambassador Farid Mamundzay").
          if (s.rank === 2 && s.role) {
            const p = docPersons.get(s.country);
            if (p && p.role === s.role) s.name = p.name;
            continue;
          }
          const c = context.find((x) => x.country === s.country && x.name);
          if (c && when.value === contextDate && s.rank <= 1) {
            s.name = c.name;
            s.role = c.role;
            continue;
          }
          const p = docPersons.get(s.country);
          // ...also for an event dated only by the article's own month ("in early May").
          if (p && s.rank <= 1 && (!when.value || nearDate(when.value, ctx.refDate) || (when.value.length === 7 && !!ctx.refDate?.startsWith(when.value)))) {
            s.name = p.name;
            s.role = p.role;
          }
        }
        let status = statusOfClause(ctx.text, sm, t);
        let date = when.value;
        let dateExplicit = when.explicit;
        // A month after the article's month ("in April next") is as much to come as a later day.
        const later = !!date && !!ctx.refDate && (date.length === 10 ? date > ctx.refDate : date.length === 7 && date > ctx.refDate.slice(0, 7));
        if (!status && date && ctx.refDate && later) {
          // "They agreed that flights resume on 14 March": the date is the content's, not the act's.
          if (type === "AGREE" && mode === "agree") {
            date = runningDate;
            dateExplicit = false;
          } else status = "planned";
        }
        const info = ctx.lex.cameo.get(cameo);
        const rec: EventRecord = {
          type,
          mode: mode ?? null,
          cameo: cameo || TYPE_DEFAULTS[type].cameo,
          goldstein: info?.goldstein ?? TYPE_DEFAULTS[type].goldstein,
          ...(status ? { status } : {}),
          date,
          actors: toActors(group),
          location,
          topics: [],
          evidence: ev,
          trigger: { text: ctx.text.slice(t.start, t.end), start: t.start, end: t.end },
          ...(when.hit && dateExplicit ? { dateEvidence: { ...ev, start: when.hit.start, end: when.hit.end } } : {}),
        };
        // "This meeting", «эта встреча»: the event already reported, whatever date is near.
        const anaphoric = demonstrativeBefore(ctx, sm, t) || definiteOpening(ctx, sm, t);
        const draft: Draft = { rec, sides: group.map((x) => ({ ...x })), sentence: si, dateExplicit: dateExplicit && !anaphoric, reported: new Set([si]), docIndex };
        if (type === "AGREE" && mode === "agree") draft.content = contentAfter(sm, t);
        const twin = status
          ? undefined
          : drafts.find((d) => !d.rec.status && sameInteraction(d, draft)) ??
            (anaphoric ? [...drafts].reverse().find((d) => !d.rec.status && d.rec.type === type && d.rec.mode === rec.mode && countriesKey(d.sides) === countriesKey(draft.sides)) : undefined);
        if (twin) {
          // Same interaction again: keep the first report, fill what it lacked.
          if ((!twin.dateExplicit && draft.dateExplicit) || (twin.rec.mode === "visit" && draft.dateExplicit && rec.date && twin.rec.date && rec.date < twin.rec.date)) {
            // A visit is dated by its arrival: the earlier of two stated days.
            twin.rec.date = rec.date;
            twin.dateExplicit = true;
          }
          for (const s of group) {
            const o = twin.sides.find((x) => x.country === s.country);
            if (o && !o.name && s.name) Object.assign(o, { name: s.name, role: s.role, rank: s.rank });
          }
          twin.rec.actors = toActors(twin.sides);
          twin.reported.add(si);
          // A meeting that turns out to be a call or video conference takes the specific mode.
          if (twin.rec.mode === "meeting" && (rec.mode === "phone" || rec.mode === "video")) {
            twin.rec.mode = rec.mode;
            twin.rec.cameo = rec.cameo;
            twin.rec.goldstein = rec.goldstein;
          }
          if (!twin.rec.location && location) twin.rec.location = location;
        } else {
          drafts.push(draft);
        }
        // "Britain will provide Ukraine with £3 billion of military aid a year": aid promised is
        // a pledge, an agreement made now (PLOVER AGREE), beside the aid still to come.
        if (type === "AID" && status === "planned" && pledgedBefore(ctx, sm, t) && !drafts.some((d) => d.rec.type === "AGREE" && d.sentence === si)) {
          const pledge: EventRecord = { ...rec, type: "AGREE", mode: "agree", cameo: "057", goldstein: ctx.lex.cameo.get("057")?.goldstein ?? TYPE_DEFAULTS.AGREE.goldstein, date: runningDate, topics: [] };
          delete pledge.status;
          delete pledge.dateEvidence;
          const pledgeDraft: Draft = { rec: pledge, sides: group.map((x) => ({ ...x })), sentence: si, dateExplicit: false, reported: new Set([si]), content: contentAfter(sm, t) };
          if (!drafts.some((d) => !d.rec.status && sameInteraction(d, pledgeDraft))) drafts.push(pledgeDraft);
        }
        if (!status) {
          context = sides.map((s) => ({ ...s }));
          contextDate = when.value;
          if (when.value && when.value.length === 10 && mode !== "visit") sceneDate = when.value;
        }
      }
      }
    }
    // The first named person of the sentence is who "he" in the next one is.
    prevSubject = [...sentenceSides].sort((a, b) => a.start - b.start).find((x) => x.rank >= 3 && x.name) ?? (pronounSubject(ctx, sm) ? prevSubject : null);
    // A full date stated in a sentence becomes the paragraph's running date.
    const full = dates.find((d) => d.value.length === 10);
    if (full) lastExplicitDate = full.value;
    else if (dayAfter && (lastExplicitDate ?? runningDate)) lastExplicitDate = addDays((lastExplicitDate ?? runningDate)!, 1);
    // ...except an arrival's date: the talks that follow an arrival are told on their own day
    // ("arrived on Monday ... The leaders held talks" on the day of the report).
    const arrival = sm.triggers.some((x) => x.payload.mode === "visit");
    if (full && !arrival) runningDate = full.value;
  });

  withHostOfTalks(ctx, drafts, sentences);
  initiatorsFirst(ctx, drafts, sentences);
  visitorFirst(drafts);
  addSummitParticipants(ctx, drafts, sentences, plain);
  assignTopics(ctx, drafts, sentences);
  return drafts.map((d) => d.rec);
}

/**
 * "China will host the talks ... The talks were held in Beijing": talks between two others held
 * in the country named as their host or mediator (in that sentence or before) include it.
 */
function withHostOfTalks(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  const hosts = sentences.map((sm) => hostOfTalks(ctx, sm));
  for (const d of drafts) {
    if (d.rec.type !== "CONSULT" || d.rec.mode !== "meeting" || d.rec.status || d.sides.length !== 2) continue;
    const first = Math.min(...d.reported);
    const host = hosts.slice(0, first + 1).reverse().find((h) => h && !d.sides.some((x) => x.country === h));
    if (!host) continue;
    const sameSentence = hosts[first] === host;
    if (!sameSentence && d.rec.location?.country !== host) continue;
    d.sides.push({ country: host, name: null, role: null, rank: 1, start: Infinity, evidence: d.rec.evidence });
    d.rec.actors = toActors(d.sides);
  }
}

/**
 * "The call took place at the initiative of the Kazakh side": the call or meeting told last
 * before that sentence (or in it) puts the initiator first.
 */
function initiatorsFirst(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  sentences.forEach((sm, si) => {
    const initiator = initiatorOf(ctx, sm);
    if (!initiator) return;
    const d = drafts.filter((x) => x.rec.type === "CONSULT" && x.rec.mode !== "multilateral" && !x.rec.status && x.sentence <= si && x.sides.some((y) => y.country === initiator)).pop();
    const at = d ? d.sides.findIndex((x) => x.country === initiator) : -1;
    if (!d || at <= 0) return;
    d.sides.unshift(...d.sides.splice(at, 1));
    d.rec.actors = toActors(d.sides);
  });
}

/** In a meeting held during a visit, the visitor comes first (as in the visit). */
function visitorFirst(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.rec.mode !== "meeting" || d.rec.status || d.sides.length !== 2) continue;
    const visit = drafts.find((v) => v.rec.mode === "visit" && !v.rec.status && countriesKey(v.sides) === countriesKey(d.sides) && !!v.rec.date && nearDate(v.rec.date, d.rec.date));
    if (!visit || d.sides[0].country === visit.sides[0].country) continue;
    d.sides.reverse();
    d.rec.actors = toActors(d.sides);
  }
}

/** Two events placed in different cities (or countries): not on each other's sidelines. */
function elsewhere(a: Draft, b: Draft): boolean {
  const la = a.rec.location, lb = b.rec.location;
  if (!la?.country || !lb?.country) return false;
  return la.country !== lb.country || (!!la.city && !!lb.city && la.city !== lb.city);
}

/**
 * A summit is one event with every participant the text names: the leaders named in sentences
 * that report no other interaction (lists of participants, speeches) and the sides of the
 * meetings held on its sidelines the same day.
 */
function addSummitParticipants(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[], plain: PlainMemo): void {
  for (const summit of drafts) {
    if (summit.rec.mode !== "multilateral" || summit.rec.status || summit.merged) continue;
    const add = (x: Side) => {
      if (!summit.sides.some((y) => y.country === x.country)) summit.sides.push({ ...x });
    };
    sentences.forEach((sm, i) => {
      const others = sm.triggers.filter((t) => t.payload.mode !== "multilateral");
      if (i !== summit.sentence && others.length) return;
      // A list of participants belongs to the event told just before it (if any): delegations
      // named after other talks elsewhere are those talks' ("the Tajik delegation was headed by").
      const before = drafts.filter((d) => d.sentence <= i && d.sentence !== summit.sentence && !d.rec.status).pop();
      if (i !== summit.sentence && before && elsewhere(before, summit)) return;
      for (const x of plainSides(plain, ctx, sm, summit.rec.date)) if (x.rank >= 2) add(x);
    });
    const orgs = new Set(summit.sides.filter((x) => ctx.lex.orgCodes.has(x.country)).map((x) => x.country));
    for (const d of drafts) {
      if (d === summit || d.rec.status || d.merged || d.rec.date !== summit.rec.date) continue;
      const withOrg = d.sides.some((x) => orgs.has(x.country));
      if (d.rec.mode === "multilateral" && withOrg) {
        // The same summit reported again: one event.
        for (const x of d.sides) add(x);
        for (const r of d.reported) summit.reported.add(r);
        d.merged = true;
      } else if (withOrg && d.rec.type === "CONSULT") {
        // "The heads of state discussed..." at the summit is the summit itself.
        for (const r of d.reported) summit.reported.add(r);
        d.merged = true;
      } else if (d.rec.type === "CONSULT" && !elsewhere(d, summit)) {
        for (const x of d.sides) if (x.rank >= 2) add(x);
      }
    }
    // Documents signed at the summit, with only the organisation and a host named: signed by all.
    for (const d of drafts) {
      if (d === summit || d.rec.status || d.merged || d.rec.date !== summit.rec.date || d.rec.type !== "AGREE") continue;
      if (d.sides.some((x) => orgs.has(x.country)) && d.sides.every((x) => summit.sides.some((y) => y.country === x.country))) d.sides = summit.sides.map((x) => ({ ...x }));
      d.rec.actors = toActors(d.sides);
    }
    summit.rec.actors = toActors(summit.sides);
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].merged) drafts.splice(i, 1);
}

/**
 * Topics of an event: cue words in the sentences that report it, and in the sentences after
 * them that report no event of their own ("The sides also discussed trade and energy").
 */
function assignTopics(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  const live = drafts.filter((d) => !d.rec.status);
  const topics = new Map<Draft, Set<string>>(drafts.map((d) => [d, new Set<string>()]));
  const evidence = new Map<Draft, Evidence[]>(drafts.map((d) => [d, []]));
  let owners: Draft[] = [];
  sentences.forEach((sm, i) => {
    const here = drafts.filter((d) => d.reported.has(i));
    if (here.length) owners = here.filter((d) => !d.rec.status).length ? here.filter((d) => !d.rec.status) : here;
    else if (!owners.length) return;
    for (const t of sm.topics) {
      // Elaborating sentences ("The sides also discussed...") speak of the talks, not of a
      // signing or a message reported beside them.
      const targets = here.length ? here : owners.filter((d) => d.rec.type === "CONSULT").length ? owners.filter((d) => d.rec.type === "CONSULT") : owners;
      for (const d of targets) {
        if (!live.includes(d) && !here.includes(d)) continue;
        const set = topics.get(d)!;
        if (!set.has(t.payload.id)) evidence.get(d)!.push({ ...evidenceOf(ctx, sm), start: t.start, end: t.end });
        set.add(t.payload.id);
      }
    }
  });
  for (const d of drafts) {
    d.rec.topics = [...topics.get(d)!];
    d.rec.topicEvidence = evidence.get(d)!;
  }
}
