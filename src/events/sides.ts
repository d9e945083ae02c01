// Events stage, sides: what each mention of a sentence is (a party, a place, a direction or a
// subject of talk) and the sides a sentence names for a trigger, one per country.

import { type PersonTerm, termOn } from "../lexicon/index.js";
import { type SentenceMemo, holderNamedOn, holderOn, personOf, sentenceMemo, termOnDate } from "./memo.js";
import { fold } from "../text/normalize.js";
import type { EntityMatch, NameMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { ARTICLES, firstTokenFrom, foldRunning, phraseEndingAt, counterpartNear, hasVariantIn, isWordOf, orgIsSetting } from "./cues.js";
import { firstMark, lastMark, markBetween } from "./clauses.js";
import type { EventType, Evidence, Role } from "../types.js";
import { BIND_GAP, type EventContext, HOSTILE, RESOLVABLE_OFFICE_ROLES, STATE_ROLES, type Side, copySide, copySides, evidenceOf, mapPacked, newSide, seniority } from "./model.js";

/**
 * What the words around a mention say it is: a party, a place ("in Luxembourg"), a direction
 * ("to Russia", Rusya'ya: a visit's host, a message's or aid's recipient) or a subject of talk
 * ("the situation in Syria").
 */
export type MentionRole = "party" | "place" | "direction" | "topic";

export function mentionRole(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): MentionRole {
  // (Asked of each mention for every side computed: answered once per document run.)
  const memo = sidesMemo(ctx, sm);
  const i = memo ? sm.entities.indexOf(e) : -1;
  return i < 0 ? roleOf(ctx, sm, e) : roleIn(ctx, sm, memo, i);
}

/** mentionRole of mention i of the sentence, kept in the sentence's memo if given. */
function roleIn(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, i: number): MentionRole {
  if (!memo) return roleOf(ctx, sm, sm.entities[i]);
  const roles = (memo.roles ??= new Array<MentionRole>(memo.entities.length));
  let role = roles[i];
  if (role === undefined) roles[i] = role = roleOf(ctx, sm, sm.entities[i]);
  return role;
}

/**
 * What the sides passes keep for a sentence in a document run (see sentenceMemo): the answers
 * per mention by its index (in arrays, not maps keyed by the mention: a sentence names a few),
 * the kinds of mention it names, and its named and bare sides by date and slot.
 */
class SidesMemo {
  kinds = -1;
  // (Each made when first needed: most sentences need a few of them.)
  roles: MentionRole[] | null = null;
  notSide: boolean[] | null = null;
  actor: boolean[] | null = null;
  counterparts: number[] | null = null;
  named: DateSlots<{ sides: Side[]; consumed: number[] }> | null = null;
  bare: DateSlots<(Side & { end: number })[]> | null = null;
  /** The plain sides on the first date they were asked for (see plainSides), with the named counterparts kept aside from them. */
  plainDate: string | null | undefined = undefined;
  plain: readonly Side[] | null = null;
  plainOthers: readonly Side[] | null = null;
  constructor(readonly run: SentenceMemo, readonly entities: EntityMatch[]) {}
}

/** Slots by date: the first date's in a field (a sentence is mostly asked about on one date), others in a map. */
class DateSlots<T> {
  private date: string | null | undefined = undefined;
  private first: T[] = [];
  private others: Map<string | null, T[]> | null = null;
  on(date: string | null): T[] {
    if (this.date === undefined) this.date = date;
    if (date === this.date) return this.first;
    let slots = (this.others ??= new Map()).get(date);
    if (!slots) this.others.set(date, (slots = []));
    return slots;
  }
}

/**
 * The sides memo of a sentence in a document run, or null (none outside a run). Kept by
 * sentence for the context last read (a weak map keyed by the run's memos would cost the
 * garbage collector more than it saves), each for the run's own sentence memo: another run
 * over the same context, or a sentence whose mentions were replaced, makes its own.
 */
let memoCtx: EventContext | null = null;
let memos = new Map<SentenceMentions, SidesMemo>();
function sidesMemo(ctx: EventContext, sm: SentenceMentions): SidesMemo | null {
  const run = sentenceMemo(ctx, sm);
  if (!run) return null;
  if (ctx !== memoCtx) {
    memoCtx = ctx;
    memos = new Map();
  }
  let m = memos.get(sm);
  if (!m || m.run !== run || m.entities !== sm.entities) memos.set(sm, (m = new SidesMemo(run, sm.entities)));
  return m;
}

function roleOf(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): MentionRole {
  const lm = markersOf(ctx);
  const lang = ctx.lang;
  if (e.tokenStart >= 0) {
    if (e.tokenEnd > sm.tokens.length) return "party"; // entities passed without their tokens
    let k = e.tokenStart - 1;
    while (k >= 0 && isArticle(sm.tokens[k].norm)) k--;
    // The marker lists' phrases that may end with the word before (most words end none: then
    // no list is read).
    const cues = k >= 0 ? roleCuesEndingWith(lm, sm.tokens[k].norm) : null;
    // "Calls on the Philippines", "imposed sanctions on Russia": a preposition that belongs to
    // the event phrase introduces its object, not a place or a subject of talk.
    // (No closures over k here: this runs for every mention, many times.)
    const ofTrigger = cues !== null && inLongTrigger(sm.triggers, k);
    if (cues !== null && !ofTrigger && (endsWithOneOf(sm.tokens, k, cues.topic) || topicWithModifier(sm, k, cues.topic))) return "topic";
    if (subjectOfTalkAfter(ctx, sm, e)) return "topic";
    if (cues !== null && !ofTrigger && endsWithOneOf(sm.tokens, k, cues.place)) return caseSaysDirection(ctx, sm, k, e) ? "direction" : "place";
    if (cues !== null && endsWithOneOf(sm.tokens, k, cues.direction)) return "direction";
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
      if (m && lm.stateWords?.has(m[2].replace(/^ال/, ""))) return m[1].startsWith("ب") ? "place" : "direction";
    }
    // Case endings that mark place or direction (Rusya'da, Rossiyaga, Ресейде).
    if (e.extra > 0) {
      const last = sm.tokens[e.tokenEnd - 1].norm;
      const ending = last.slice(last.length - e.extra);
      if (endingOf(ending, lm.topicSuffix)) return "topic";
      if (endingOf(ending, lm.placeSuffix)) return "place";
      if (endingOf(ending, lm.directionSuffix)) return "direction";
    }
  } else {
    // Han script: the characters right before the mention.
    const before = ctx.text.slice(Math.max(0, e.start - 2), e.start);
    if (endsWithWritten(before, lm.topicBefore)) return "topic";
    if (endsWithWritten(before, lm.placeBefore)) return "place";
    if (endsWithWritten(before, lm.directionBefore)) return "direction";
  }
  return "party";
}

/** Whether a word is an article (ARTICLES; the length first: most words are longer than any). */
const ARTICLE_MAX = Math.max(...[...ARTICLES].map((w) => w.length));
function isArticle(w: string): boolean {
  return w.length <= ARTICLE_MAX && ARTICLES.has(w);
}

/** The phrases of the topic, place and direction markers before a mention that may end with a word. */
interface RoleCues {
  topic: string[][];
  place: string[][];
  direction: string[][];
}

/**
 * The role markers' phrases of a language that may end with the word `norm` (see
 * phrasesByLastWord), or null where none may: one lookup for the three lists, indexed once per
 * language.
 */
function roleCuesEndingWith(lm: LangMarkers, norm: string): RoleCues | null {
  let index = lm.roleCues;
  if (index === undefined) {
    const topic = lm.topicBefore, place = lm.placeBefore, direction = lm.directionBefore;
    index = lm.roleCues = null;
    if (topic || place || direction) {
      index = lm.roleCues = { byWord: new Map(), none: null };
      const lists = [topic, place, direction];
      for (const list of lists) for (const ph of list ?? NO_PHRASES) if (ph.length) index.byWord.set(ph[ph.length - 1], null);
      for (const w of index.byWord.keys()) index.byWord.set(w, cuesOf(topic, place, direction, w));
      // (An empty phrase ends with any word.)
      if (lists.some((list) => list?.some((ph) => !ph.length))) index.none = cuesOf(topic, place, direction, "");
    }
  }
  return index === null ? null : index.byWord.get(norm) ?? index.none;
}

/** The role markers' phrases by the word they end with (see roleCuesEndingWith). */
interface RoleCueIndex {
  byWord: Map<string, RoleCues | null>;
  none: RoleCues | null;
}

type Markers = EventContext["lex"]["markers"];
/**
 * A language's list of each kind of marker (undefined where it has none), with what the sides
 * passes index of them (made when first asked for).
 */
type LangMarkers = { [K in keyof Markers]: Markers[K] extends ReadonlyMap<string, infer V> ? V | undefined : never } & { roleCues?: RoleCueIndex | null };

/**
 * The marker lists of the document's language, looked up once per lexicon's markers and language
 * (the last pair kept: a document asks for one, many times per mention), not a map lookup per
 * list asked for.
 */
let markersKept: { markers: Markers; lang: string; lists: LangMarkers } | null = null;
const markersByLang = new WeakMap<Markers, Map<string, LangMarkers>>();
function markersOf(ctx: EventContext): LangMarkers {
  const markers = ctx.lex.markers;
  if (markersKept !== null && markersKept.markers === markers && markersKept.lang === ctx.lang) return markersKept.lists;
  let byLang = markersByLang.get(markers);
  if (!byLang) markersByLang.set(markers, (byLang = new Map()));
  let lists = byLang.get(ctx.lang);
  if (!lists) {
    const made: Record<string, unknown> = {};
    for (const key of Object.keys(markers) as (keyof Markers)[]) made[key] = markers[key].get(ctx.lang);
    byLang.set(ctx.lang, (lists = made as LangMarkers));
  }
  markersKept = { markers, lang: ctx.lang, lists };
  return lists;
}

function cuesOf(topic: string[][] | undefined, place: string[][] | undefined, direction: string[][] | undefined, w: string): RoleCues {
  return { topic: topic ? phrasesByLastWord(topic, w) : NO_PHRASES, place: place ? phrasesByLastWord(place, w) : NO_PHRASES, direction: direction ? phrasesByLastWord(direction, w) : NO_PHRASES };
}

/** Whether one of the phrases (each ending with the word at k) ends at token k, word for word. */
function endsWithOneOf(tokens: { norm: string }[], k: number, candidates: string[][]): boolean {
  for (let p = 0; p < candidates.length; p++) {
    const ph = candidates[p];
    if (ph.length > k + 1) continue;
    const base = k - ph.length + 1;
    let j = 0;
    while (j < ph.length && tokens[base + j].norm === ph[j]) j++;
    if (j === ph.length) return true;
  }
  return false;
}

/** Whether a stretch of Han text ends with a phrase of the list, its words written together. */
function endsWithWritten(before: string, phrases: string[][] | undefined): boolean {
  if (!phrases) return false;
  const written = writtenPhrases(phrases);
  for (let i = 0; i < written.length; i++) if (before.endsWith(written[i])) return true;
  return false;
}

/** A phrase list's phrases with their words written together, joined once per list (not once per mention). */
const writtenOf = new WeakMap<string[][], string[]>();
function writtenPhrases(phrases: string[][]): string[] {
  let written = writtenOf.get(phrases);
  if (!written) {
    // (Pushed, not mapped: see mapPacked.)
    written = [];
    for (const ph of phrases) written.push(ph.join(""));
    writtenOf.set(phrases, written);
  }
  return written;
}

/** Whether token k is inside a trigger of two words or more. */
function inLongTrigger(triggers: TriggerMatch[], k: number): boolean {
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (t.tokenStart <= k && k < t.tokenEnd && t.tokenEnd - t.tokenStart >= 2) return true;
  }
  return false;
}

/** Whether an inflection ending is one of the list, or one of them after one more letter. */
function endingOf(ending: string, list: string[] | undefined): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (ending === x || (ending.endsWith(x) && ending.length - x.length <= 1)) return true;
  }
  return false;
}

/**
 * Whether a phrase of the list ends at token k, word for word (only the phrases whose last word
 * is the word at k can; loops, not closures, for a test made for every mention).
 */
function endsWithPhrase(tokens: { norm: string }[], k: number, phrases: string[][] | undefined): boolean {
  if (!phrases) return false;
  if (k < 0) return phrases.some((ph) => !ph.length);
  return endsWithOneOf(tokens, k, phrasesByLastWord(phrases, tokens[k].norm));
}

/** Whether a phrase of the list starts at token j, word for word. */
function startsWithPhrase(tokens: { norm: string }[], j: number, phrases: string[][] | undefined): boolean {
  if (!phrases) return false;
  for (let p = 0; p < phrases.length; p++) {
    const ph = phrases[p];
    let n = 0;
    while (n < ph.length && j + n < tokens.length && tokens[j + n].norm === ph[n]) n++;
    if (n === ph.length) return true;
  }
  return false;
}

/** Phrase lists indexed by their phrases' last words (an empty phrase ends anywhere). */
const byLastWord = new WeakMap<string[][], { last: Map<string, string[][]>; empty: string[][] }>();
const NO_PHRASES: string[][] = [];

/** The phrases of a list that may end with the word `norm`, in the list's order. */
function phrasesByLastWord(phrases: string[][], norm: string): string[][] {
  let index = byLastWord.get(phrases);
  if (!index) {
    index = { last: new Map(), empty: [] };
    for (const ph of phrases) {
      if (!ph.length) {
        index.empty.push(ph);
        for (const list of index.last.values()) list.push(ph);
        continue;
      }
      const w = ph[ph.length - 1];
      let list = index.last.get(w);
      if (!list) index.last.set(w, (list = [...index.empty]));
      list.push(ph);
    }
    byLastWord.set(phrases, index);
  }
  return index.last.get(norm) ?? (index.empty.length ? index.empty : NO_PHRASES);
}

/**
 * "The existing tensions between", «التوترات الحالية بين», «تنش‌های موجود میان»: a topic phrase
 * of a noun and a preposition with one modifier between them, ending at token k.
 */
function topicWithModifier(sm: SentenceMentions, k: number, candidates: string[][]): boolean {
  // (Loops rather than slices and closures: this runs for every mention. Only the phrases whose
  // last word is the word at k can match (the candidates given), and any of them gives the same
  // answer.)
  for (let p = 0; p < candidates.length; p++) {
    const ph = candidates[p];
    const n = ph.length;
    if (n < 2 || n > k) continue;
    let j = 0;
    while (j < n - 1 && sm.tokens[k - n + j].norm === ph[j]) j++;
    if (j === n - 1) return !entityAt(sm.entities, k - 1);
  }
  return false;
}

/**
 * "The US-Iran standoff", "Putin's relentless campaign": a country or person followed by a noun
 * of conflict (topic_after), or an English possessive followed by anything but an actor noun, a
 * person or a title, is what is talked about. "China's foreign minister" stays an actor.
 */
export function subjectOfTalkAfter(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  let j = e.tokenEnd;
  // A hyphenated pair ("US-Iran", "Russia-Ukraine") is read from its last member.
  // (The hyphen test depends on j only: it runs once another entity starts there.)
  while (j < sm.tokens.length && entityStartsAt(sm.entities, j, e) && /^[-–‐]$/.test(ctx.text.slice(sm.tokens[j - 1].end, sm.tokens[j].start).trim())) {
    j = entityAt(sm.entities, j)!.tokenEnd;
  }
  const next = sm.tokens[j];
  if (!next) return false;
  const nouns = markersOf(ctx).topicAfter;
  if (nouns && isWordOf(next.norm, nouns)) return true;
  const last = sm.tokens[j - 1];
  if (ctx.lang !== "en" || !possessiveEnding(ctx.text, last)) return false;
  const actorNouns = markersOf(ctx).actorNouns;
  if (actorNouns?.has(next.norm)) return false;
  for (const x of sm.entities) if (x.tokenStart === j && x.payload.kind !== "country") return false;
  return true;
}

/** The first entity that starts at token j. (Loops, not closures over j: no context per call.) */
function entityAt(entities: EntityMatch[], j: number): EntityMatch | undefined {
  for (let i = 0; i < entities.length; i++) if (entities[i].tokenStart === j) return entities[i];
  return undefined;
}

/** Whether an entity other than `except` starts at token j. */
function entityStartsAt(entities: EntityMatch[], j: number, except: EntityMatch): boolean {
  for (let i = 0; i < entities.length; i++) if (entities[i] !== except && entities[i].tokenStart === j) return true;
  return false;
}

/** Whether a token's text ends in 's or ’s (/['’]s$/ on it, read in place). */
function possessiveEnding(text: string, t: { start: number; end: number }): boolean {
  if (t.end - t.start < 2) return false;
  const q = text.charCodeAt(t.end - 2);
  return text.charCodeAt(t.end - 1) === 0x73 && (q === 0x27 || q === 0x2019);
}

/**
 * Russian «в»/«на» take the accusative for a direction («доставила в Сирию», «прилетел в Китай»)
 * and the prepositional for a place («в Сирии», «в Китае»): the ending of the name tells them
 * apart. Indeclinable names (Баку, США, Сочи) stay places.
 */
export function caseSaysDirection(ctx: EventContext, sm: SentenceMentions, markerIndex: number, e: EntityMatch): boolean {
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
export function coordinatedPersons(ctx: EventContext, a: Side, b: Side): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const gap = ctx.text.slice(first.start, second.start);
  if (gap.length > 120 || /[.;!?؟。]/.test(gap)) return false;
  const coord = markersOf(ctx).coordination;
  // Folded, as the list is ("بالإضافة إلى", in addition to).
  return (foldRunning(gap).match(/\p{L}+/gu) ?? []).some((w) => coord?.has(w));
}

/** Whether an adjective mention stands next to an actor noun, a trigger or another adjective. */
export function adjectiveIsActor(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  if (e.tokenStart < 0) return true; // Han script: 中方/俄方 are listed as actor forms already
  const nouns = markersOf(ctx).actorNouns;
  // The two words before it and the two after it, nearest last on each side (a loop over the
  // four, not over a list of them, with helpers rather than closures).
  for (let n = 0; n < 4; n++) {
    const k = n === 0 ? e.tokenStart - 2 : n === 1 ? e.tokenStart - 1 : n === 2 ? e.tokenEnd : e.tokenEnd + 1;
    if (k < 0 || k >= sm.tokens.length) continue;
    const t = sm.tokens[k];
    if (nouns && hasVariantIn(t.norm, nouns)) return true;
    // A trigger right next to it ("Russian-Chinese talks", "переговоры российско-...").
    const adjacent = n === 1 || n === 2;
    if (adjacent && spanInside(sm.triggers, t)) return true;
    if (inOtherCountry(sm.entities, e, t)) return true;
  }
  // Nouns after a Russian or Turkic adjective carry case endings beyond the listed form.
  const next = sm.tokens[e.tokenEnd];
  if (next && nouns) for (const stem of actorStems(nouns)) if (next.norm.startsWith(stem)) return true;
  return false;
}

/** Whether a span lies inside one of the spans of the list. */
function spanInside(spans: readonly { start: number; end: number }[], t: { start: number; end: number }): boolean {
  for (let i = 0; i < spans.length; i++) if (spans[i].start <= t.start && t.end <= spans[i].end) return true;
  return false;
}

/** Whether a span lies inside a country mention other than e. */
function inOtherCountry(entities: EntityMatch[], e: EntityMatch, t: { start: number; end: number }): boolean {
  for (let i = 0; i < entities.length; i++) {
    const x = entities[i];
    if (x !== e && x.payload.kind === "country" && x.start <= t.start && t.end <= x.end) return true;
  }
  return false;
}

/** The actor nouns of four letters or more without their last letter, read once per list. */
const actorStemLists = new WeakMap<ReadonlySet<string>, string[]>();
function actorStems(nouns: ReadonlySet<string>): string[] {
  let stems = actorStemLists.get(nouns);
  if (!stems) {
    stems = [...nouns].filter((n) => n.length >= 4).map((n) => n.slice(0, n.length - 1));
    actorStemLists.set(nouns, stems);
  }
  return stems;
}

/** adjectiveIsActor of mention i, answered once per mention in a document run. */
function adjectiveActor(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, i: number): boolean {
  if (!memo) return adjectiveIsActor(ctx, sm, sm.entities[i]);
  const actor = (memo.actor ??= new Array<boolean>(memo.entities.length));
  let yes = actor[i];
  if (yes === undefined) actor[i] = yes = adjectiveIsActor(ctx, sm, sm.entities[i]);
  return yes;
}

/**
 * "A Russian ship with humanitarian aid arrived at the Syrian port": in aid, the nationality of
 * the ship, plane or convoy is the donor's and that of the port or airport the recipient's.
 */
function adjectiveOfShipment(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  const next = sm.tokens[e.tokenEnd];
  if (!next) return false;
  // (A word of either list: each list's compiled test is kept, a joined list's would not be.)
  return isWordOf(next.norm, markersOf(ctx).cargoNouns ?? []) || isWordOf(next.norm, markersOf(ctx).destinationNouns ?? []);
}

/** Whether a span of the sentence is introduced as a counterpart ("with X", "X bilan"). */
export function isCounterpart(ctx: EventContext, sm: SentenceMentions, start: number, end: number): boolean {
  return counterpartIn(ctx, sm, sidesMemo(ctx, sm), start, end);
}

/** isCounterpart, kept in the sentence's memo if given. */
function counterpartIn(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, start: number, end: number): boolean {
  if (!memo) return counterpartSpan(ctx, sm, start, end);
  // (The spans asked about, each as its start, end and answer (1 or 0) in one list read in
  // order: a sentence's sides have a few spans, and no map or key number is made for them.)
  const kept = (memo.counterparts ??= []);
  for (let k = 0; k < kept.length; k += 3) if (kept[k] === start && kept[k + 1] === end) return kept[k + 2] === 1;
  const yes = counterpartSpan(ctx, sm, start, end);
  kept.push(start, end, yes ? 1 : 0);
  return yes;
}

function counterpartSpan(ctx: EventContext, sm: SentenceMentions, start: number, end: number): boolean {
  const lm = markersOf(ctx);
  const tokens = sm.tokens;
  const i = firstTokenFrom(tokens, start);
  if (i < 0) return false;
  let k = i - 1;
  while (k >= 0 && isArticle(tokens[k].norm)) k--;
  // Courtesy titles between the marker and the name ("with His Excellency President X").
  const honorifics = lm.honorific;
  if (honorifics)
    for (let guard = 0; guard < 3 && k >= 0; guard++) {
      const h = phraseEndingAt(tokens, k, honorifics);
      if (!h) break;
      k -= h.length;
    }
  // (The marker phrases matched word for word by loops, not closures: this runs for every side.)
  if (k >= 0 && endsWithPhrase(tokens, k, lm.withBefore)) return true;
  // (The token after the span looked for only where the language has such phrases: a few do.)
  const after = lm.withAfter;
  if (after) {
    const j = firstTokenFrom(tokens, end);
    if (j >= 0 && startsWithPhrase(tokens, j, after)) return true;
  }
  // Han script: the character right before.
  if (tokens[i].start === start && start > 0 && markBetween(ctx.text, start - 1, start, "同与跟")) return true;
  return false;
}

/** Whether only a coordinating word ("and", «и», "et", "و") stands between two offsets. */
function joinedByCoordination(ctx: EventContext, from: number, to: number): boolean {
  const words = ctx.text.slice(from, to).toLowerCase().match(/\p{L}+/gu) ?? [];
  const coord = markersOf(ctx).coordination;
  return words.length === 1 && !!coord?.has(words[0]) && !markBetween(ctx.text, from, to, ",;.");
}

/** A side after a counterpart, joined to it by a coordinating word, is a counterpart too. */
export function markCoordinatedCounterparts(ctx: EventContext, sides: Side[]): void {
  // (Only a side after a counterpart is marked.)
  if (!sides.some((x) => x.counterpart)) return;
  const coord = markersOf(ctx).coordination;
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
export function isReportingSource(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, side: Side): boolean {
  if (side.rank < 2) return false;
  // "According to the President of Tajikistan, the sides agreed": a source anywhere.
  const k = firstTokenFrom(sm.tokens, side.start);
  const before = markersOf(ctx).sourceBefore ?? [];
  for (let skip = 0; k >= 0 && skip <= 1; skip++) {
    const end = k - skip; // one word (an article) may stand between
    if (phraseEndingAt(sm.tokens, end - 1, before)) return true;
  }
  if (side.start <= t.end) return false;
  // (The clause's edges looked for in place, not in slices: this runs for every side of every trigger.)
  const clauseStart = lastMark(ctx.text, t.end, side.start, ",;—–،(");
  if (clauseStart < 0) return false;
  const endAt = firstMark(ctx.text, side.start, sm.sentence.end, ",;،.!?؟。");
  const clauseEnd = endAt < 0 ? sm.sentence.end : endAt;
  // (The clause's words as a list, made only where the language has reporting phrases.)
  const phrases = markersOf(ctx).reporting ?? [];
  if (!phrases.length) return false;
  // (Pushed, not mapped: see mapPacked.)
  const words: string[] = [];
  for (const x of sm.tokens) if (x.start >= clauseStart && x.end <= clauseEnd) words.push(x.norm);
  // (Loops: a closure per phrase and word adds up over every side of every trigger. Only the
  // phrases whose first word is the word at i can start there.)
  const byFirst = phrasesByFirstWord(phrases);
  if (!byFirst) {
    for (const ph of phrases)
      for (let i = 0; i < words.length; i++) if (phraseAt(words, i, ph)) return true;
    return false;
  }
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirst.get(words[i]);
    if (candidates) for (const ph of candidates) if (phraseAt(words, i, ph)) return true;
  }
  return false;
}

/** Whether a phrase stands word for word in `words` from index i. */
function phraseAt(words: string[], i: number, ph: string[]): boolean {
  let j = 0;
  while (j < ph.length && words[i + j] === ph[j]) j++;
  return j === ph.length;
}

/** Phrase lists indexed by their phrases' first words (null for a list with an empty phrase, which starts anywhere). */
const byFirstWord = new WeakMap<string[][], Map<string, string[][]> | null>();
function phrasesByFirstWord(phrases: string[][]): Map<string, string[][]> | null {
  let index = byFirstWord.get(phrases);
  if (index === undefined) {
    if (phrases.some((ph) => !ph.length)) index = null;
    else {
      index = new Map();
      for (const ph of phrases) {
        const list = index.get(ph[0]);
        if (list) list.push(ph);
        else index.set(ph[0], [ph]);
      }
    }
    byFirstWord.set(phrases, index);
  }
  return index;
}

/**
 * "Condemns the provocations of the United States": a country within five words after a hostile
 * or directed trigger is its target. It takes the place of a bare country named further away
 * when the sentence has more than two ("Russia adheres to 'one China' and condemns...").
 */
export function withObjectTarget(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[]): Side[] {
  if (t.tokenEnd < 0) return sides;
  const obj = sm.entities.find((e) => e.payload.kind === "country" && e.payload.form !== "capital" && e.tokenStart >= t.tokenEnd && e.tokenStart - t.tokenEnd <= 4 && !markBetween(ctx.text, t.end, e.start, ",;."));
  if (!obj || sides.some((x) => x.country === obj.payload.id)) return sides;
  // "Called for peace in Ukraine": a place or a subject of talk is not a target, except of force.
  const role = mentionRole(ctx, sm, obj);
  if (role === "topic" || (role === "place" && !HOSTILE.has(t.payload.type))) return sides;
  const target = newSide(obj.payload.id, null, null, 1, obj.start, evidenceOf(ctx, sm), true);
  if (sides.length < 2) return [...sides, target];
  // "Iran and Iraq condemned Israel's crimes", «Россия и Китай осудили действия США»: a joint
  // subject acts together; the target is one more side, and a country the condemned act was
  // aimed at ("the attack of Russia against Ukraine") is none.
  const before = sides.filter((x) => Number.isFinite(x.start) && x.start >= 0 && x.start < t.start).sort((a, b) => a.start - b.start);
  if (before.length >= 2 && before.every((x, i) => i === 0 || coordinatedPersons(ctx, before[i - 1], x))) return [...before, target, ...sides.filter((x) => !before.includes(x) && x.rank >= 2 && x.country !== target.country)];
  const bare = sides.filter((x) => x.rank <= 1);
  if (!bare.length) return sides;
  const far = bare.sort((a, b) => Math.abs(b.start - t.end) - Math.abs(a.start - t.end))[0];
  return mapPacked(sides, (x) => (x === far ? target : x));
}

/**
 * "Lavrov held talks with his Tajik counterpart": a country named with a counterpart noun
 * stands for the holder of the office the other side's person holds, on the date.
 */
export function withCounterpartOffice(ctx: EventContext, sm: SentenceMentions, sides: Side[], date: string | null): Side[] {
  const model = sides.find((x) => x.rank >= 2 && x.role && RESOLVABLE_OFFICE_ROLES.has(x.role));
  if (!model) return sides;
  return mapPacked(sides, (x) => {
    if (x === model || x.rank > 1 || x.name || x.start === Infinity || !counterpartNear(ctx, sm, x.start)) return x;
    const holder = holderOn(ctx, x.country, model.role!, date);
    const y = copySide(x);
    y.role = model.role;
    y.name = holder?.name ?? null;
    y.rank = holder ? 3 : 2;
    return y;
  });
}

/**
 * "Casey was warned that if Ukrainian troops used British weapons...": countries named after
 * a complementizer (or a colon) following the trigger are what the statement says, not its
 * sides. Named persons stay.
 */
/**
 * "The US leader informed the Russian president of the results of his talks with Zelensky":
 * talks the subject calls its own ("his talks", «своих переговоров») are between the subject
 * (the first side, before the noun) and the counterpart after it; whoever is told of them,
 * named between the two, is not a side.
 */
export function withoutBriefed(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[]): Side[] {
  const words = markersOf(ctx).ownPossessive;
  if (!words || t.tokenStart < 1 || !words.has(sm.tokens[t.tokenStart - 1].norm)) return sides;
  const before = sides.filter((x) => x.start < t.start).sort((a, b) => a.start - b.start);
  if (before.length < 2 || !sides.some((x) => Number.isFinite(x.start) && x.start >= t.end)) return sides;
  return sides.filter((x) => !before.slice(1).includes(x));
}

export function withoutContent(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[]): Side[] {
  const words = markersOf(ctx).complementizer;
  let boundary = Infinity;
  // (The colon looked for in place, not in a slice of the rest of the sentence; the tokens read
  // in order up to the boundary: this runs for every speech act.)
  const end = Math.min(sm.sentence.end, ctx.text.length);
  for (let at = t.end; at < end; at++)
    if (ctx.text.charCodeAt(at) === 0x3a) {
      boundary = at;
      break;
    }
  if (words) {
    const tokens = sm.tokens;
    // (From the trigger's end: the tokens before it start before it.)
    for (let k = t.tokenEnd > 0 ? t.tokenEnd : 0; k < tokens.length && tokens[k].start < boundary; k++) {
      const x = tokens[k];
      if (x.start >= t.end && hasVariantIn(x.norm, words)) {
        boundary = x.start;
        break;
      }
    }
  }
  if (boundary === Infinity) return sides;
  return sides.filter((x) => x.rank >= 3 || x.start < boundary);
}

/** Whether only a coordinating word or comma stands between two mentions ("Iran and Pakistan"). */
export function coordinated(ctx: EventContext, a: { end: number }, b: { start: number }): boolean {
  // (The length first: most pairs asked about are far apart, and their gap is not sliced.)
  if (b.start < a.end || b.start - a.end > 14) return false;
  const text = ctx.text;
  const from = a.end;
  const to = b.start;
  if (!lowersByLetter(text, from, to)) return coordinatedGap(ctx, text.slice(from, to));
  // (The gap's words read in place, each lowered alone: what lowering the gap and matching
  // /\p{L}+/gu reads, without the slice, the regex and the list.)
  const coord = markersOf(ctx).coordination;
  let words = 0;
  for (let at = from; at < to; ) {
    if (!isLetterAt(text, at)) {
      at++;
      continue;
    }
    let stop = at + 1;
    while (stop < to && isLetterAt(text, stop)) stop++;
    const w = text.slice(at, stop).toLowerCase();
    if (!(coord?.has(w) || ARTICLES.has(w))) return false;
    words++;
    at = stop;
  }
  if (words) return true;
  // No word: commas and white space alone.
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (!(isSpaceCode(c) || c === 0x2c || c === 0x3001 || c === 0x60c)) return false;
  }
  return true;
}

/** coordinated, read from the gap's text (where lowering it letter by letter would read it otherwise). */
function coordinatedGap(ctx: EventContext, gap: string): boolean {
  const words = gap.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const coord = markersOf(ctx).coordination;
  if (!words.length) return /^[\s,、،]*$/.test(gap) || /^\s*$/.test(gap);
  return words.every((w) => coord?.has(w) || ARTICLES.has(w));
}

/**
 * Whether text[from, to) lowers letter by letter as it does whole, with the same letters: no
 * İ (which lowers to i and a combining dot), no Σ (final or not by what follows) and no
 * surrogate (a letter outside the first plane is two code units).
 */
function lowersByLetter(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x130 || c === 0x3a3 || (c & 0xf800) === 0xd800) return false;
  }
  return true;
}

/** /\p{L}/u at a code unit of the text that is no surrogate (ASCII by its code; others by a sticky test, in place). */
const LETTER_AT = /\p{L}/uy;
function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return ((c | 0x20) - 0x61) >>> 0 < 26;
  LETTER_AT.lastIndex = at;
  return LETTER_AT.test(text);
}

/** What the caller asks of the sides of a sentence. */
export interface SideOptions {
  orgsAsSides: boolean;
  type?: EventType;
  multilateral?: boolean;
  visit?: boolean;
  /** Receives the other named counterparts of a country kept aside ("met with President X and Foreign Minister Y"). */
  sameCountryCounterparts?: Side[];
  near?: { start: number; end: number };
}

/** Sides named in one sentence, strongest first per country. */
export function sidesInSentence(ctx: EventContext, sm: SentenceMentions, date: string | null, opts: SideOptions): Side[] {
  const memo = sidesMemo(ctx, sm);
  if (!memo) return sidesOfKinds(ctx, sm, date, opts, entityKinds(sm), null);
  // (The kinds read once per sentence in a run, not once per trigger.)
  if (memo.kinds < 0) memo.kinds = entityKinds(sm);
  // Asked as the plain sides were, on their date (two triggers of three): they are the answer,
  // copied (callers change sides), with the counterparts they kept aside.
  if (memo.plain !== null && memo.plainDate === date && askedAsPlain(opts, memo.kinds)) {
    const others = opts.sameCountryCounterparts;
    if (others) for (const x of memo.plainOthers!) others.push(copySide(x));
    return copySides(memo.plain);
  }
  return sidesOfKinds(ctx, sm, date, opts, memo.kinds, memo);
}

/**
 * Whether options give a sentence with these kinds of mention the sides PLAIN gives it: not
 * hostile, multilateral, a visit or aid, no trigger to be near, and organisations not asked for
 * as sides, or none named (see sidesOfKinds and the passes it calls).
 */
function askedAsPlain(opts: SideOptions, kinds: number): boolean {
  return !(opts.type && HOSTILE.has(opts.type)) && !opts.multilateral && !(opts.orgsAsSides && (kinds & ORG) !== 0) && !opts.visit && opts.type !== "AID" && !opts.near;
}

/** sidesInSentence, given the kinds of mention the sentence names (see entityKinds) and its memo. */
function sidesOfKinds(ctx: EventContext, sm: SentenceMentions, date: string | null, opts: SideOptions, kinds: number, memo: SidesMemo | null): Side[] {
  // (Every side comes from a country, organisation, person or office mention: a sentence that
  // names none, or only cities, has none, whatever is asked.)
  if (!(kinds & ~PLACE)) return [];
  // What the named sides depend on (see namedSides), then what the bare ones depend on besides:
  // the date, then a slot of flags (no key string built and hashed per call).
  // (Whether organisations are sides, and whether the event is multilateral, are asked of
  // organisation mentions only: a sentence without one has the same sides either way.)
  const orgs = (kinds & ORG) !== 0;
  const namedSlot = (opts.type && HOSTILE.has(opts.type) ? 1 : 0) | (opts.multilateral && orgs ? 2 : 0);
  const bareSlot = namedSlot | (opts.orgsAsSides && orgs ? 4 : 0) | (opts.visit ? 8 : 0) | (opts.type === "AID" ? 16 : 0);
  const bareSlots = memo ? (memo.bare ??= new DateSlots()).on(date) : null;
  const keptBare = bareSlots?.[bareSlot];
  let sides: Side[];
  let bare: (Side & { end: number })[];
  if (!(kinds & (PERSON | OFFICE))) {
    // No person or title: no named sides, and no mention consumed by one.
    sides = [];
    if (keptBare) bare = copySides(keptBare);
    else {
      bare = bareSides(ctx, sm, memo, opts, NONE_CONSUMED, evidenceOf(ctx, sm));
      if (bareSlots) bareSlots[bareSlot] = copySides(bare);
    }
  } else {
    const namedSlots = memo ? (memo.named ??= new DateSlots()).on(date) : null;
    const keptNamed = namedSlots?.[namedSlot];
    if (keptNamed && keptBare) {
      // (Both kept: the mentions the named sides consume matter to the bare ones only.)
      sides = copySides(keptNamed.sides);
      bare = copySides(keptBare);
    } else {
      const consumed = new Set<number>();
      // (One evidence for the sides of one computation: evidence is never changed.)
      const ev = evidenceOf(ctx, sm);
      sides = namedSides(ctx, sm, memo, date, opts, consumed, namedSlots, namedSlot, ev);
      if (keptBare) bare = copySides(keptBare);
      else {
        bare = bareSides(ctx, sm, memo, opts, consumed, ev);
        if (bareSlots) bareSlots[bareSlot] = copySides(bare);
      }
    }
  }
  withBareSides(ctx, sides, bare, opts);
  return onePerCountry(sides, opts);
}

// The kinds of mention a sentence names, as bits (see entityKinds).
const COUNTRY = 1;
const PLACE = 2;
const ORG = 4;
const PERSON = 8;
const OFFICE = 16;

/** The kinds of mention a sentence names, as a mask of the bits above (one pass over its mentions). */
function entityKinds(sm: SentenceMentions): number {
  let kinds = 0;
  const ents = sm.entities;
  for (let i = 0; i < ents.length; i++) {
    const kind = ents[i].payload.kind;
    kinds |= kind === "country" ? COUNTRY : kind === "place" ? PLACE : kind === "org" ? ORG : kind === "person" ? PERSON : kind === "office" ? OFFICE : 0;
  }
  return kinds;
}

/** No mention consumed (a sentence without persons and titles). */
const NONE_CONSUMED: ReadonlySet<number> = new Set();

/**
 * Persons, and offices bound to countries, with the mentions they consume: they depend only on
 * the date, on whether the event is hostile and on whether it is multilateral, so within a
 * document run they are computed once for each and handed out as copies (callers change sides).
 */
function namedSides(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, date: string | null, opts: SideOptions, consumed: Set<number>, slots: { sides: Side[]; consumed: number[] }[] | null, slot: number, ev: Evidence): Side[] {
  const kept = slots?.[slot];
  if (kept) {
    for (const i of kept.consumed) consumed.add(i);
    return copySides(kept.sides);
  }
  const sides: Side[] = [];
  // (Where each person's name ends, by the side's index: the sides personSides adds are all persons.)
  const personEnds: number[] = [];
  personSides(ctx, sm, memo, date, opts, consumed, ev, sides, personEnds);
  markPairedPersons(ctx, sides, personEnds);
  officeSides(ctx, sm, memo, date, opts, consumed, ev, sides);
  if (slots) slots[slot] = { sides: copySides(sides), consumed: [...consumed] };
  return sides;
}

/**
 * A title binds to a country close by, with no sentence break or event word between
 * ("the ambassador was warned that if Ukrainian..." is no Ukrainian ambassador).
 */
function gapOk(ctx: EventContext, sm: SentenceMentions, a: { end: number }, b: { start: number }): boolean {
  // (The distance first: the text between is read only for a pair close enough.)
  if (b.start < a.end || b.start - a.end > BIND_GAP) return false;
  // The period of an abbreviation ("the U.S. ambassador") ends no sentence.
  // (The text between read in place: this runs for many pairs of mentions in every sentence.)
  const text = ctx.text;
  const from = text.charCodeAt(a.end) === 0x2e && a.end + 1 < b.start && /\s/.test(text[a.end + 1]) && /\p{Lu}\.\p{Lu}$/u.test(text.slice(Math.max(0, a.end - 3), a.end)) ? a.end + 1 : a.end;
  return !markBetween(text, from, b.start, ".;!?؟。") && !sm.triggers.some((x) => x.start >= a.end && x.end <= b.start);
}

/** Persons from the lexicon, with the titles and countries bound to their names marked consumed. */
function personSides(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, date: string | null, opts: SideOptions, consumed: Set<number>, ev: Evidence, sides: Side[], personEnds: number[]): void {
  const ents = sm.entities;
  const hostile = !!opts.type && HOSTILE.has(opts.type);
  // (A loop, not forEach with a closure, and the title looked for without a list: this runs for
  // every sides computed.)
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i];
    if (e.payload.kind !== "person") continue;
    const p = personOf(ctx, e.payload.id);
    if (!p) continue;
    // "Keep the pressure on Putin", "Putin's campaign": a person talked about is no side of a
    // cooperative act; the one condemned or struck is.
    if (!hostile) {
      const role = roleIn(ctx, sm, memo, i);
      if (role !== "party" && role !== "direction") continue;
    }
    // The title written before the name says which of a person's offices is meant
    // ("Prime Minister Medvedev" in an undated text); otherwise the office held on the date.
    const titledRole = titleRoleBefore(ents, i);
    const titledTerm = titledRole ? titledTermOf(p.terms, titledRole, date) : undefined;
    const term = titledTerm ?? termOnDate(ctx, p, date);
    if (!term) continue;
    consumed.add(i);
    const spanStart = titleChainStart(sm, i, term.country, consumed, ctx.text);
    // ...and right after it in languages that put the title after the name.
    const next = ents[i + 1];
    if (next && next.payload.kind === "country" && next.payload.id === term.country && gapOk(ctx, sm, e, next)) consumed.add(i + 1);
    sides.push(newSide(term.country, p.name, term.role, 3, e.start, ev, counterpartIn(ctx, sm, memo, spanStart, e.end)));
    personEnds.push(e.end);
  }
}

/** The role of the title written right before person i (one of the two mentions before it, close enough), or null. */
function titleRoleBefore(ents: EntityMatch[], i: number): Role | null {
  const e = ents[i];
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const x = ents[j];
    if (x.payload.kind === "office" && x.end <= e.start && e.start - x.end <= BIND_GAP * 2) return x.payload.role;
  }
  return null;
}

/** A person's first term in a role that covers the date (any, undated): what termOn of that term alone answers. */
function titledTermOf(terms: PersonTerm[], role: Role, date: string | null): PersonTerm | undefined {
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    if (t.role !== role) continue;
    if (!date) return t;
    // (As termOn reads a term: partial dates compare by prefix.)
    const lo = t.from ? t.from.slice(0, date.length) : "0000";
    const hi = t.to ? t.to.slice(0, date.length) : "9999";
    if (date >= lo && date <= hi) return t;
  }
  return undefined;
}

/**
 * The title and country right before the name belong to this person ("Russian President Putin"):
 * marks them consumed and returns where the chain starts. Each link of the chain is short, and no
 * other titled name stands in it ("Ambassador Nigel Casey over remarks by Foreign Secretary David
 * Cameron": the ambassador title is Casey's).
 */
function titleChainStart(sm: SentenceMentions, i: number, country: string, consumed: Set<number>, text: string): number {
  const ents = sm.entities;
  const e = ents[i];
  let spanStart = e.start;
  let office = false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const prev = ents[j];
    // A second title apart from the first is another person's ("the ambassador over remarks by
    // President X"); titles written together are one ("Deputy Prime Minister").
    if (prev.payload.kind === "office" && office && spanStart - prev.end > 3) break;
    if (prev.payload.kind === "office" || (prev.payload.kind === "country" && prev.payload.id === country)) {
      if (prev.payload.kind === "office") office = true;
      // (Each test read in place, the cheap ones first: this runs for every person of every sides computed.)
      // No name between ...
      // ...nor an event word ("the Head of State met with President X": two persons).
      // A country joins the chain written next to it ("Hungary's Prime Minister"), not across a
      // phrase ("the ambassador of Hungary over remarks by Prime Minister X": the ambassador's).
      if (prev.end <= spanStart && spanStart - prev.end <= BIND_GAP && e.start - prev.end <= BIND_GAP * 2 && !spanWithin(sm.names, prev.end, spanStart) && !spanWithin(sm.triggers, prev.end, spanStart) && (prev.payload.kind !== "country" || longWords(text, prev.end, spanStart) <= 1)) {
        consumed.add(j);
        spanStart = prev.start;
      } else break;
    } else break;
  }
  return spanStart;
}

/** Whether one of the spans lies within [from, to]. */
function spanWithin(spans: readonly { start: number; end: number }[], from: number, to: number): boolean {
  for (let i = 0; i < spans.length; i++) if (spans[i].start >= from && spans[i].end <= to) return true;
  return false;
}

/** How many words of two letters or more text[from, to) holds (/\p{L}{2,}/gu), counted in place up to two. */
function longWords(text: string, from: number, to: number): number {
  if (!lowersByLetter(text, from, to)) return (text.slice(from, to).match(/\p{L}{2,}/gu) ?? []).length;
  let n = 0;
  for (let at = from; at < to && n < 2; ) {
    if (!isLetterAt(text, at)) {
      at++;
      continue;
    }
    let stop = at + 1;
    while (stop < to && isLetterAt(text, stop)) stop++;
    if (stop - at >= 2) n++;
    at = stop;
  }
  return n;
}

/**
 * "Shoigu and Ahmadian discussed... and offered condolences on Raisi's death": two persons of
 * different countries joined by "and" are the parties of the sentence; a more senior person
 * of one of those countries named elsewhere in it is not.
 */
function markPairedPersons(ctx: EventContext, sides: Side[], personEnds: number[]): void {
  for (let i = 0; i < sides.length; i++) {
    const a = sides[i];
    for (const b of sides)
      if (a !== b && a.country !== b.country && a.start < b.start && coordinated(ctx, { end: personEnds[i] }, b)) a.paired = b.paired = true;
  }
}

/** Offices bound to a country or organisation next to them, with a name after them if any. */
function officeSides(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, date: string | null, opts: SideOptions, consumed: Set<number>, ev: Evidence, sides: Side[]): void {
  const ents = sm.entities;
  // (A loop, not forEach with a closure: this runs for every sides computed. Adds to sides.)
  for (let i = 0; i < ents.length; i++) officeSide(ctx, sm, memo, date, opts, consumed, ev, sides, i);
}

/** The side of office mention i, if it is one and names a side (with the holders listed after it). Adds to sides. */
function officeSide(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, date: string | null, opts: SideOptions, consumed: Set<number>, ev: Evidence, sides: Side[], i: number): void {
  const ents = sm.entities;
  const e = ents[i];
  if (e.payload.kind !== "office" || consumed.has(i)) return;
  const role = e.payload.role;
  const countryIdx = holderIndexIn(ctx, sm, memo, i, consumed);
  const titled = nameOfTitle(sm.names, i);
  if (countryIdx < 0) {
    // "The Chairman of the State Duma": a title of one country's institution implies it.
    const implied = e.payload.country;
    if (implied) {
      consumed.add(i);
      const name = titled?.name ?? holderOn(ctx, implied, e.payload.id, date)?.name ?? null;
      sides.push(newSide(implied, name, role, name ? 3 : 2, e.start, ev, counterpartIn(ctx, sm, memo, e.start, Math.max(e.end, titled?.end ?? 0))));
    }
    // Otherwise a titled name without a country ("Ambassador John Smith"): country unknown.
    return;
  }
  // A title bound to an organisation that is only the setting ("on the sidelines of the UN
  // General Assembly") names no side.
  if (ents[countryIdx].payload.kind === "org" && !opts.multilateral && orgIsSetting(ctx, sm, ents[countryIdx])) return;
  // "The CIS Council of Heads of State": the members' leaders, not a person of the
  // organisation, which is a side without a person.
  // "President of the European Bank for Reconstruction and Development Odile Renaud-Basso": a
  // named person with a state's title over an organisation heads it.
  const orgHead = ents[countryIdx].payload.kind === "org" && STATE_ROLES.has(role) && !!titled;
  const orgOfStates = ents[countryIdx].payload.kind === "org" && STATE_ROLES.has(role) && !titled;
  consumed.add(i);
  consumed.add(countryIdx);
  // "The joint special envoy of the UN and the Arab League": one person of both organisations,
  // who speaks for the first named.
  const coOwner = ents[countryIdx + 1];
  if (countryIdx > i && coOwner?.payload.kind === "org" && ents[countryIdx].payload.kind === "org" && joinedByCoordination(ctx, ents[countryIdx].end, coOwner.start)) consumed.add(countryIdx + 1);
  const country = ents[countryIdx].payload.id;
  let name: string | null = titled?.name ?? null;
  if (orgHead) {
    const spanEnd = Math.max(e.end, ents[countryIdx].end, titled.end);
    const spanStart = Math.min(e.start, ents[countryIdx].start);
    sides.push(newSide(country, name, role === "head_of_state" || role === "head_of_government" ? "org_head" : role, 3, spanStart, ev, counterpartIn(ctx, sm, memo, spanStart, spanEnd)));
    return;
  }
  // A name spelled otherwise than the lexicon has it is the office holder it resembles.
  if (titled && RESOLVABLE_OFFICE_ROLES.has(role)) name = holderNamedOn(ctx, country, e.payload.id, ctx.text.slice(titled.start, titled.end))?.name ?? name;
  if (!name && RESOLVABLE_OFFICE_ROLES.has(role)) name = holderOn(ctx, country, e.payload.id, date)?.name ?? null;
  const spanStart = Math.min(e.start, ents[countryIdx].start);
  const spanEnd = Math.max(e.end, ents[countryIdx].end, titled?.end ?? 0);
  if (orgOfStates) sides.push(newSide(country, null, null, 1, spanStart, ev, counterpartIn(ctx, sm, memo, spanStart, spanEnd)));
  else {
    const side = newSide(country, name, role, name ? 3 : 2, spanStart, ev, counterpartIn(ctx, sm, memo, spanStart, spanEnd));
    if (e.payload.id === "leader" && !name) side.leader = true;
    sides.push(side);
  }
  if (!orgOfStates && !titled && countryIdx === i + 1) listedHolders(ctx, sm, date, i, sides[sides.length - 1], consumed, ev, sides);
}

/** The name a title introduces (the first found after office mention i), if any. */
function nameOfTitle(names: NameMatch[], i: number): NameMatch | undefined {
  for (let k = 0; k < names.length; k++) if (names[k].office === i) return names[k];
  return undefined;
}

/** Languages that put the possessor before the possessed noun, always. */
const POSSESSOR_FIRST = new Set(["tr", "az", "kk", "ky", "uz", "hu"]);

/** The index of the country or organisation whose title entity i is, or -1. */
export function holderIndex(ctx: EventContext, sm: SentenceMentions, i: number, consumed: Set<number>): number {
  return holderIndexIn(ctx, sm, sidesMemo(ctx, sm), i, consumed);
}

/** holderIndex, with the sentence's memo if given. */
function holderIndexIn(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, i: number, consumed: Set<number>): number {
  const ents = sm.entities;
  const e = ents[i];
  const prev = ents[i - 1];
  const next = ents[i + 1];
  const text = ctx.text;
  // (Helpers and in-place reads of the text between, not closures and regexes over slices: this
  // runs for every title of every sides computed.)
  // The nearer of the country before the title ("the Turkish President") and the one after
  // it ("President of Turkey") is the title's.
  // A country after the title that is the subject of talk (Hungarian "külügyminiszterrel
  // Ukrajnáról", "with the minister about Ukraine") is not the title's.
  // "İran'ın Ankara Büyükelçisi", "Oroszország pozsonyi nagykövete": the capital of the posting
  // stands between the country and its title, with nothing but spaces between the three
  // (whatever follows the title).
  const postedBetween = !!prev && prev.payload.kind === "country" && prev.payload.form === "capital" && isHolderEntity(ents[i - 2]) && !consumed.has(i - 2);
  if (postedBetween && plainGap(ctx, sm, prev, e) && plainGap(ctx, sm, ents[i - 2], prev)) return i - 2;
  // Nor is the country an envoy is posted to ("ambassador to Turkey", «посол в Турции»).
  // Where the possessor always comes first (Turkish "Türkiye Cumhurbaşkanı", Kazakh «Қазақстан
  // Президенті», Hungarian "Oroszország külügyminisztere"), a country after a title is not its
  // ("Cumhurbaşkanımızın Suudi Arabistan'a ziyareti", our President's visit to Saudi Arabia).
  let nextOk = !POSSESSOR_FIRST.has(ctx.lang) && isHolderEntity(next) && gapOk(ctx, sm, e, next) && !consumed.has(i + 1);
  if (nextOk) {
    const role = roleIn(ctx, sm, memo, i + 1);
    const posting = e.payload.kind === "office" && e.payload.role === "ambassador" && (role === "direction" || role === "place");
    nextOk = role !== "topic" && !posting;
  }
  const prevOk = isHolderEntity(prev) && gapOk(ctx, sm, prev, e) && !consumed.has(i - 1);
  // "İran'ın Ankara Büyükelçisi", "Oroszország pozsonyi nagykövete": the capital of the posting
  // stands between the country and its title (and a ministry after it is not the title's).
  if (postedBetween && spacesBetween(text, prev.end, e.start, 0, 2) && spacesBetween(text, ents[i - 2].end, prev.start, 0, 2)) return i - 2;
  if (nextOk && prevOk) return next.start - e.end <= e.start - prev.end ? i + 1 : i - 1;
  if (nextOk) return i + 1;
  if (prevOk) return i - 1;
  return -1;
}

/** Whether a mention can hold a title: a country (not its capital) or an organisation. */
function isHolderEntity(x: EntityMatch | undefined): x is EntityMatch {
  return !!x && ((x.payload.kind === "country" && x.payload.form !== "capital") || x.payload.kind === "org");
}

/** Whether a title binds across the gap between two mentions (gapOk) and the gap is white space alone. */
function plainGap(ctx: EventContext, sm: SentenceMentions, a: EntityMatch, b: EntityMatch): boolean {
  return gapOk(ctx, sm, a, b) && spacesBetween(ctx.text, a.end, b.start, 1, Infinity);
}

/**
 * Whether text[from, to) is white space alone (/^\s*$/), and from min to max characters long;
 * false where to is before from.
 */
function spacesBetween(text: string, from: number, to: number, min: number, max: number): boolean {
  const n = to - from;
  if (n < min || n > max || from + n > text.length) return false;
  for (let at = from; at < to; at++) if (!isSpaceCode(text.charCodeAt(at))) return false;
  return true;
}

/** Whether a UTF-16 code unit is white space as /\s/ reads it. */
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c - 9) >>> 0 < 5;
  return c === 0xa0 || c === 0x1680 || (c - 0x2000) >>> 0 < 11 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * "The ambassadors of Germany, Japan and Egypt": one holder of the title (entity i, whose side
 * is head) for each country of the list after it, added to out.
 */
function listedHolders(ctx: EventContext, sm: SentenceMentions, date: string | null, i: number, head: Side, consumed: Set<number>, ev: Evidence, out: Side[]): void {
  const ents = sm.entities;
  const e = ents[i];
  if (e.payload.kind !== "office") return;
  const role = e.payload.role;
  const counterpart = head.counterpart;
  const before = out.length;
  for (let j = i + 2; j < ents.length; j++) {
    const x = ents[j], before = ents[j - 1];
    if (x.payload.kind !== "country" || x.payload.form === "capital" || consumed.has(j) || !coordinated(ctx, before, x)) break;
    consumed.add(j);
    const holder = RESOLVABLE_OFFICE_ROLES.has(role) ? holderOn(ctx, x.payload.id, e.payload.id, date)?.name ?? null : null;
    const side = newSide(x.payload.id, holder, role, holder ? 3 : 2, x.start, ev, counterpart);
    side.listed = true;
    out.push(side);
  }
  if (out.length > before) head.listed = true;
}

/**
 * Bare countries (names, adjectives) and organisations, unless the words around them make
 * them a place ("talks in Luxembourg") or the subject of talk ("discussed the situation in Syria").
 */
/** Whether a place name carries an ending that makes it describe the noun after it (Tahran'daki). */
function describesNoun(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  const endings = markersOf(ctx).placeModifierSuffix;
  if (!endings || e.tokenEnd <= 0 || e.extra <= 0) return false;
  const last = sm.tokens[e.tokenEnd - 1].norm;
  const ending = last.slice(last.length - e.extra);
  return endings.some((x) => ending.endsWith(x));
}

/**
 * "X ile Y hava sahasını geçtikten sonra", after crossing the airspace of X and Y: a
 * country (or a list of them joined by "and") followed by a route phrase is crossed on the way,
 * not a side.
 */
function routeCrossed(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  const phrases = markersOf(ctx).routeAfter;
  if (!phrases?.length || e.tokenEnd <= 0) return false;
  const coord = markersOf(ctx).coordination;
  let j = e.tokenEnd;
  while (j < sm.tokens.length && (coord?.has(sm.tokens[j].norm) || sm.entities.some((x) => x.payload.kind === "country" && x.tokenStart <= j && j < x.tokenEnd))) j++;
  const at = (w: string, k: number) => !!sm.tokens[k] && (w.endsWith("*") ? sm.tokens[k].norm.startsWith(w.slice(0, -1)) : sm.tokens[k].norm === w);
  return phrases.some((ph) => ph.every((w, n) => at(w, j + n)));
}

/**
 * A country named as what a group is for or against ("anti-Turkey protesters") or as the origin
 * of a diaspora ("Azerbaijani-Americans": an adjective joined by a hyphen to another country's
 * people) names no state acting.
 */
function groupNotState(ctx: EventContext, sm: SentenceMentions, e: EntityMatch): boolean {
  if (e.tokenStart < 0) return false;
  const prev = sm.tokens[e.tokenStart - 1];
  // (The hyphen read in place, and the adjectives next to it found by loops: this runs for every
  // country and organisation mention.)
  if (prev && hyphenBetween(ctx.text, prev.end, sm.tokens[e.tokenStart].start) && markersOf(ctx).stancePrefix?.has(prev.norm)) return true;
  if (e.payload.kind !== "country" || e.payload.form !== "adj") return false;
  const next = adjectiveAt(sm.entities, e, e.tokenEnd, true);
  const before = adjectiveAt(sm.entities, e, e.tokenStart, false);
  return (!!next && diasporaPair(ctx, sm, e, next)) || (!!before && diasporaPair(ctx, sm, before, e));
}

/** Whether text[from, to) is one hyphen (/^[-‐]$/). */
function hyphenBetween(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 0x2d || c === 0x2010;
}

/** The first nationality adjective other than e that starts (after) or ends (else) at token k. */
function adjectiveAt(entities: EntityMatch[], e: EntityMatch, k: number, after: boolean): EntityMatch | undefined {
  for (let i = 0; i < entities.length; i++) {
    const x = entities[i];
    if (x !== e && x.payload.kind === "country" && x.payload.form === "adj" && (after ? x.tokenStart : x.tokenEnd) === k) return x;
  }
  return undefined;
}

/** Two adjectives joined by a hyphen, the second capitalised and a plural ("Azerbaijani-Americans", not "Swiss" or "Chinese"). */
function diasporaPair(ctx: EventContext, sm: SentenceMentions, a: EntityMatch, b: EntityMatch): boolean {
  return hyphenBetween(ctx.text, a.end, b.start) && /^\p{Lu}/u.test(ctx.text.slice(b.start, b.end)) && b.extra > 0 && /s$/.test(sm.tokens[b.tokenEnd - 1].norm);
}

/** Whether a country or organisation mention is no side of any event, whatever is asked (answered once per document run). */
function notSide(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, i: number): boolean {
  const e = sm.entities[i];
  let no = memo?.notSide?.[i];
  if (no === undefined) {
    no =
      // "Tahran'daki büyükelçilik", "the embassy in Tehran": a place describing a noun is no side,
      // not even of an attack.
      describesNoun(ctx, sm, e) ||
      // "... hava sahasını geçtikten sonra" (after crossing ...'s airspace): a route crossed, not a side.
      routeCrossed(ctx, sm, e) ||
      // "anti-Azerbaijan protesters", "Azerbaijani-Americans": a stance or a diaspora, not a state.
      groupNotState(ctx, sm, e);
    if (memo) (memo.notSide ??= new Array<boolean>(memo.entities.length))[i] = no;
  }
  return no;
}

function bareSides(ctx: EventContext, sm: SentenceMentions, memo: SidesMemo | null, opts: SideOptions, consumed: ReadonlySet<number>, ev: Evidence): (Side & { end: number })[] {
  const hostile = !!opts.type && HOSTILE.has(opts.type);
  const bare: (Side & { end: number })[] = [];
  // (The mention before and its role in two variables, and a loop, not forEach with a closure:
  // no record made per mention.)
  let previous: EntityMatch | null = null;
  let previousRole: MentionRole = "party";
  const ents = sm.entities;
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i];
    if (consumed.has(i)) continue;
    const isCapital = e.payload.kind === "country" && e.payload.form === "capital";
    const isCountry = e.payload.kind === "country" && !isCapital;
    const isOrg = e.payload.kind === "org" && opts.orgsAsSides;
    if (!isCountry && !isOrg && !isCapital) continue;
    if (notSide(ctx, sm, memo, i)) continue;
    let role = roleIn(ctx, sm, memo, i);
    // A capital stands for its government only where nothing marks it as a place
    // ("New Delhi signed", "a response from Islamabad"; not "talks in Moscow").
    if (isCapital && role !== "party" && !(hostile && role === "place")) continue;
    // "On the sidelines of the UN General Assembly", "within the framework of the SCO": an
    // organisation that is the setting of a bilateral event is not one of its sides.
    if (isOrg && !opts.multilateral && orgIsSetting(ctx, sm, e)) continue;
    // A list after "in"/"about" shares its marker: "at the UN, CIS and SCO".
    if (role === "party" && previous && previousRole !== "party" && coordinated(ctx, previous, e)) role = previousRole;
    // A nationality adjective is an actor next to an actor noun ("the Russian side") or a
    // trigger ("Russian-Chinese talks"); otherwise it describes a subject ("the Libyan crisis").
    if (role === "party" && e.payload.kind === "country" && e.payload.form === "adj" && !adjectiveActor(ctx, sm, memo, i) && !(opts.type === "AID" && adjectiveOfShipment(ctx, sm, e))) role = "topic";
    previous = e;
    previousRole = role;
    // Subjects of talk are not parties to cooperation; what is attacked or condemned is.
    if (role === "topic" && !hostile) continue;
    // A country one is in or goes to is the host of a visit; other cooperative events happen
    // there without it being a party; a hostile act against it makes it one.
    // Aid "au Liban", «في لبنان» goes to that country: where French, Spanish or Arabic write
    // "to" and "in" alike, the country is the recipient.
    if (role === "place" && !hostile && !opts.visit && opts.type !== "AID") continue;
    const counterpart = role === "direction" || counterpartIn(ctx, sm, memo, e.start, e.end);
    const side = newSide(e.payload.id, null, null, 1, e.start, ev, counterpart) as Side & { end: number };
    side.end = e.end;
    side.host = role === "place" || role === "direction";
    bare.push(side);
  }
  return bare;
}

/**
 * Named and titled sides always count; bare ones fill up to two sides, and beyond that only
 * when joined to a side by "and" ("China urged Iran and Pakistan"). Summits take everyone.
 * Adds to sides.
 */
function withBareSides(ctx: EventContext, sides: Side[], bare: (Side & { end: number })[], opts: SideOptions): void {
  if (opts.multilateral) {
    sides.push(...bare);
    return;
  }
  // (The countries kept, in a list: a sentence names a few, and no set is made per sides computed.)
  const kept: string[] = [];
  for (let i = 0; i < sides.length; i++) if (!kept.includes(sides[i].country)) kept.push(sides[i].country);
  for (const b of bare) {
    if (kept.includes(b.country)) {
      // "Tebboune received the minister, who is on a visit to Algeria": Algeria's leader is the host.
      if (b.host) for (const x of sides) if (x.country === b.country) x.host = true;
      // "After Moscow expelled German diplomats, Berlin expelled Russian ones": in a directed
      // act a country named twice stands where its mention nearest the trigger does (who acts
      // before the verb, who is acted on after it), not at its first mention.
      const first = opts.near ? sides.find((x) => x.country === b.country && x.rank === 1) : undefined;
      if (first && opts.near && nearer(b, first, opts.near)) first.start = b.start;
      continue;
    }
    const joined = coordinatedWithOne(ctx, bare, b, kept, false);
    // Several recipients joined by "and" ("thanked Iraq and Oman") are all sides.
    const recipients = !!b.counterpart && coordinatedWithOne(ctx, bare, b, null, true);
    // The country a visit goes to is its host, however many others the sentence names
    // ("told the Iranian ambassador that our President's visit to Saudi Arabia...").
    // (A direction, "to Saudi Arabia", Suudi Arabistan'a; not a place named in what was said.)
    const destination = opts.visit && b.host && b.counterpart && !sides.some((x) => x.host);
    if (kept.length < 2 || joined || recipients || destination) {
      sides.push(b);
      kept.push(b.country);
    }
  }
}

/**
 * Whether another bare side is joined to b by "and" or a comma: one of a country kept (where
 * kept is given), or a counterpart (where counterparts is set).
 */
function coordinatedWithOne(ctx: EventContext, bare: Side[], b: Side & { end: number }, kept: string[] | null, counterparts: boolean): boolean {
  for (let i = 0; i < bare.length; i++) {
    const o = bare[i] as Side & { end: number };
    if (o === b || (kept && !kept.includes(o.country)) || (counterparts && !o.counterpart)) continue;
    if (coordinated(ctx, o, b) || coordinated(ctx, b, o)) return true;
  }
  return false;
}

/**
 * One side per country: the most senior person named for it, first mention's position.
 * Other named counterparts of that country are kept aside: "met with President X and
 * Foreign Minister Y" is two meetings (added to opts.sameCountryCounterparts, if given).
 */
function onePerCountry(sides: Side[], opts: SideOptions): Side[] {
  // (The side kept for each country, in the order countries are first named: a list read by
  // country, not a map made for every sides computed; a sentence names a few countries.)
  const kept: Side[] = [];
  // (Added to the caller's list as found: no result record made for every sides computed.)
  const others = opts.sameCountryCounterparts;
  // "Summoned the U.S. ambassador over remarks by President Biden": the envoy the trigger names
  // is the country's side of a directed act, whoever else of that country the sentence names.
  const near = opts.near;
  // (Sorted in place, without the copy Array.prototype.sort makes: this runs for every sides
  // computed. The starts are mention offsets, all finite: any stable sort orders them alike.)
  sortByStart(sides);
  for (const s of sides) {
    const at = countryIndex(kept, s.country);
    if (at < 0) {
      kept.push(s);
      continue;
    }
    const have = kept[at];
    if (namedEnvoy(have, near) !== namedEnvoy(s, near)) {
      const keep = namedEnvoy(have, near) ? have : s;
      kept[at] = keptAs(keep, have.start, s.host || have.host);
    } else if (have.paired && !s.paired) {
      if (s.rank === 3 && s.name !== have.name) others?.push(s);
    } else if ((s.paired && !have.paired) || s.rank > have.rank || (s.rank === have.rank && betterSameRank(s, have, opts))) {
      if (have.rank === 3 && have.counterpart) others?.push(have);
      kept[at] = keptAs(s, have.start, s.host || have.host);
    } else {
      // The country visited stays the host when its leader is the side kept ("went to Algeria ... Tebboune").
      if (s.host && !have.host) kept[at] = keptAs(have, have.start, true);
      if (s.rank === 3 && s.name !== have.name) others?.push(s);
    }
  }
  return sortByStart(kept);
}

/** A copy of the side kept for a country, at its first mention's start and the host if either mention is. */
function keptAs(x: Side, start: number, host: boolean | undefined): Side {
  const y = copySide(x);
  y.start = start;
  y.host = host;
  return y;
}

/** The index of the side of a country in a list, or -1. */
function countryIndex(list: Side[], country: string): number {
  for (let i = 0; i < list.length; i++) if (list[i].country === country) return i;
  return -1;
}

/** Whether a side is an ambassador named within the trigger (see onePerCountry). */
function namedEnvoy(x: Side, near: { start: number; end: number } | undefined): boolean {
  return !!near && x.role === "ambassador" && x.start >= near.start && x.start <= near.end;
}

/**
 * Sorts sides by start, in place and stably (an insertion sort: the lists are a few sides
 * long). Every start must be a finite offset (or Infinity); returns the list.
 */
export function sortByStart<T extends { start: number }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].start > x.start) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}

/** Of two sides of one country and rank, is a the better one? In directed acts the one nearer the trigger, else the more senior. */
export function betterSameRank(a: Side, b: Side, opts: { near?: { start: number; end: number } }): boolean {
  return opts.near ? nearer(a, b, opts.near) : seniority(a.role) > seniority(b.role);
}

/** Whether side a stands nearer a trigger than side b. */
export function nearer(a: Side, b: Side, t: { start: number; end: number }): boolean {
  const d = (x: Side) => (x.start >= t.end ? x.start - t.end : t.start - x.start);
  return d(a) < d(b);
}

// The plain sides of a sentence (no event type) are asked for several times per sentence and
// date (person counts, salience, summits); they are computed once per document. Callers only
// read them. (One record per sentence, with the sides of the first date asked for in it: a
// sentence is mostly asked about on one date, and a map per sentence would be made for that.)
export type PlainMemo = Map<SentenceMentions, PlainEntry>;
interface PlainEntry {
  date: string | null;
  sides: Side[];
  /** The sides of other dates. */
  others: Map<string | null, Side[]> | null;
}
const NO_SIDES: readonly Side[] = Object.freeze([]);

export function plainSides(memo: PlainMemo, ctx: EventContext, sm: SentenceMentions, date: string | null): readonly Side[] {
  // (A sentence that names no side on any date keeps no memo.)
  const kinds = entityKinds(sm);
  if (!(kinds & ~PLACE)) return NO_SIDES;
  const entry = memo.get(sm);
  if (!entry) {
    const kept = keptKinds(ctx, sm, kinds);
    // (The counterparts kept aside are kept too, for the triggers asking as PLAIN does.)
    const others: Side[] = [];
    const sides = sidesOfKinds(ctx, sm, date, plainKeeping(others), kinds, kept);
    memo.set(sm, { date, sides, others: null });
    if (kept && kept.plainDate === undefined) {
      kept.plainDate = date;
      kept.plain = sides;
      kept.plainOthers = others;
    }
    return sides;
  }
  if (entry.date === date) return entry.sides;
  let sides = entry.others?.get(date);
  if (!sides) {
    sides = sidesOfKinds(ctx, sm, date, PLAIN, kinds, keptKinds(ctx, sm, kinds));
    (entry.others ??= new Map()).set(date, sides);
  }
  return sides;
}

/** The sides memo of a sentence whose kinds are read, with them kept in it. */
function keptKinds(ctx: EventContext, sm: SentenceMentions, kinds: number): SidesMemo | null {
  const memo = sidesMemo(ctx, sm);
  if (memo) memo.kinds = kinds;
  return memo;
}

/** The options plain sides are asked with. */
const PLAIN: SideOptions = { orgsAsSides: false };

/** PLAIN, with the named counterparts kept aside added to a list (made as sidesOfTrigger makes its options: one hidden class). */
function plainKeeping(others: Side[]): SideOptions {
  return { orgsAsSides: false, type: undefined, multilateral: undefined, visit: undefined, sameCountryCounterparts: others };
}
