// Word cues around a trigger, each a named test on the sentence's tokens: words that make an
// arrival a delivery ("planes carrying"), a meeting a summit's session or a proposal, a date
// another clause's, a mention one already reported ("this meeting"). The words themselves are
// data (data/markers.json); these functions say where they must stand.

import type { EntityMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { DateHit, EventContext } from "./model.js";
import { breakBetween, markBetween } from "./clauses.js";
import { fold, foldStretch, hasHan } from "../text/normalize.js";

// Articles skipped when looking at the word before a mention ("in the United States").
export const ARTICLES = new Set(["the", "a", "az", "la", "le", "les", "l", "der", "die", "das", "dem", "den", "des", "el", "los", "las"]);

/**
 * foldStretch of a stretch of running text, read as its lower case where it is plain ASCII
 * without an apostrophe or a backtick (which is all the folding does to such text: fold() takes
 * the same path), else folded.
 */
export function foldRunning(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || c === 39 || c === 96) return foldStretch(s);
  }
  return s.toLowerCase();
}

/** A word and, in Arabic script, the word without its proclitic و/ف/ب/ل ("وفخامة"). */
export function wordVariantsOf(w: string): string[] {
  return hasProclitic(w) ? [w, w.slice(1)] : [w];
}

const PROCLITIC = /^[وفبل][\u0600-\u06ff]{2,}/;

/** PROCLITIC.test(w), its first letter read first (most words of most texts are not Arabic). */
export function hasProclitic(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644) && PROCLITIC.test(w);
}

/** wordVariantsOf(word).some((w) => words.has(w)), without building the list. */
export function hasVariantIn(word: string, words: ReadonlySet<string>): boolean {
  return words.has(word) || (hasProclitic(word) && words.has(word.slice(1)));
}

/** wordVariantsOf(word).includes(w), without building the list (the length test comes first). */
export function isVariantOf(word: string, w: string): boolean {
  return word === w || (word.length === w.length + 1 && hasProclitic(word) && word.startsWith(w, 1));
}

/** The phrase of a list that ends at token `last` (each word as written or after an Arabic proclitic). */
export function phraseEndingAt(tokens: { norm: string }[], last: number, phrases: string[][]): string[] | undefined {
  if (last < 0) return undefined;
  // No phrase of the list ends with the word at `last`: none to try.
  if (phrases.length > SCAN_ALL && last < tokens.length && !mayBeWordOf(tokens[last].norm, edgeWords(lastWordsOf, phrases, false))) return undefined;
  // (Loops rather than find/every with closures: this runs for many words of every sentence.)
  for (let p = 0; p < phrases.length; p++) {
    const ph = phrases[p];
    if (ph.length > last + 1) continue;
    const base = last - ph.length + 1;
    let j = 0;
    while (j < ph.length && isVariantOf(tokens[base + j].norm, ph[j])) j++;
    if (j === ph.length) return ph;
  }
  return undefined;
}

/** The phrase of a list that starts at token `first` (matched as in phraseEndingAt). */
export function phraseStartingAt(tokens: { norm: string }[], first: number, phrases: string[][]): string[] | undefined {
  if (first < 0) return undefined;
  // No phrase of the list starts with the word at `first`: none to try.
  if (phrases.length > SCAN_ALL && first < tokens.length && !mayBeWordOf(tokens[first].norm, edgeWords(firstWordsOf, phrases, true))) return undefined;
  for (let p = 0; p < phrases.length; p++) {
    const ph = phrases[p];
    if (first + ph.length > tokens.length) continue;
    let j = 0;
    while (j < ph.length && isVariantOf(tokens[first + j].norm, ph[j])) j++;
    if (j === ph.length) return ph;
  }
  return undefined;
}

/** Lists up to this long are scanned whole (quicker than looking up their first or last words). */
const SCAN_ALL = 3;

/**
 * The first (or last) words of a phrase list and their shapes, read once per list; null when the
 * list holds an empty phrase (which starts and ends anywhere).
 */
interface EdgeWords {
  words: Set<string>;
  shapes: WordShapes;
}
const firstWordsOf = new WeakMap<string[][], EdgeWords | null>();
const lastWordsOf = new WeakMap<string[][], EdgeWords | null>();
/** The list asked about last, for each edge, and its words: a loop over a sentence's tokens asks about one list. */
let lastFirstList: string[][] | null = null;
let lastFirstEdge: EdgeWords | null = null;
let lastLastList: string[][] | null = null;
let lastLastEdge: EdgeWords | null = null;
function edgeWords(cache: WeakMap<string[][], EdgeWords | null>, phrases: string[][], first: boolean): EdgeWords | null {
  if (first ? phrases === lastFirstList : phrases === lastLastList) return first ? lastFirstEdge : lastLastEdge;
  let edge = cache.get(phrases);
  if (edge === undefined) {
    edge = null;
    if (!phrases.some((ph) => !ph.length)) {
      edge = { words: new Set(phrases.map((ph) => ph[first ? 0 : ph.length - 1])), shapes: new WordShapes() };
      for (const w of edge.words) edge.shapes.addWord(w);
    }
    cache.set(phrases, edge);
  }
  if (first) {
    lastFirstList = phrases;
    lastFirstEdge = edge;
  } else {
    lastLastList = phrases;
    lastLastEdge = edge;
  }
  return edge;
}

/** Whether a token may be one of the words (isVariantOf of one of them), or the list is null. */
function mayBeWordOf(norm: string, edge: EdgeWords | null): boolean {
  return !edge || (edge.shapes.may(norm) && edge.words.has(norm)) || (hasProclitic(norm) && edge.words.has(norm.slice(1)));
}

/** Content words (four letters or more, or numbers) in the stretch after a trigger. */
export function contentAfter(sm: SentenceMentions, t: TriggerMatch): Set<string> {
  return new Set(sm.tokens.filter((x) => x.start >= t.end && x.start - t.end <= 90 && (x.norm.length >= 4 || /^\p{N}+$/u.test(x.norm)) && !STOP_CONTENT.has(x.norm)).map((x) => x.norm));
}

/** Function words long enough to pass the content-word length test. */
const STOP_CONTENT = new Set(["that", "with", "their", "this", "them", "they", "will", "would", "also", "which", "from", "have", "been", "into", "upon", "между", "чтобы", "также", "этом", "того", "pour", "avec", "dans"]);

/** Languages whose setting words are postpositions, after the organisation ("ШОС саммити доирасида", "az EBESZ ülésén"). */
const SETTING_AFTER = new Set(["hu", "tr", "az", "tk", "uz", "kk", "ky"]);

// How many words a setting word reaches forward: "on the sidelines of the meetings of the foreign
// ministers of ASEAN" puts the organisation ten words after it.
const SETTING_REACH = 12;

/**
 * Whether a setting word ("sidelines", «рамках») stands up to eight words before a mention, in its
 * clause, or, in a language of postpositions, up to four words after it.
 */
export function orgIsSetting(ctx: EventContext, sm: SentenceMentions, e: Pick<EntityMatch, "tokenStart" | "tokenEnd" | "start">): boolean {
  const words = ctx.lex.markers.settingBefore.get(ctx.lang);
  if (!words || e.tokenStart < 0) return false;
  for (let k = e.tokenStart - 1; k >= 0 && k >= e.tokenStart - SETTING_REACH; k--) {
    if (markBetween(ctx.text, sm.tokens[k].end, sm.tokens[k + 1]?.start ?? e.start, ",;.")) return false;
    if (hasVariantIn(sm.tokens[k].norm, words)) return true;
  }
  if (!SETTING_AFTER.has(ctx.lang)) return false;
  for (let k = e.tokenEnd; k < sm.tokens.length && k < e.tokenEnd + 4; k++) {
    if (markBetween(ctx.text, sm.tokens[k - 1].end, sm.tokens[k].start, ",;.")) return false;
    if (words.has(sm.tokens[k].norm)) return true;
  }
  return false;
}

/** A meeting word that belongs to a summit word next to it ("the summit hosted by", "the meeting of the Council of Foreign Ministers"). */
export function summitHosted(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart < 0) return false;
  return sm.triggers.some((x) => {
    if (x.payload.mode !== "multilateral" || x.tokenStart < 0) return false;
    // "The summit hosted by", "hosted the summit".
    if (t.payload.cameo === "043") return Math.abs(t.tokenStart - x.tokenEnd) <= 2 || Math.abs(x.tokenStart - t.tokenEnd) <= 2;
    // "The meeting of the CIS Council of Foreign Ministers", «заседание Совета министров»: the
    // meeting is the council's session.
    // Only "of (the)" between ("talks on the sidelines of the summit", "met for their summit" are not).
    if (x.tokenStart <= t.tokenEnd || x.tokenStart - t.tokenEnd > 3) return false;
    const between = sm.tokens.slice(t.tokenEnd, x.tokenStart).map((w) => w.norm);
    return OF_WORDS.has(between[0]) && between.every((w) => OF_WORDS.has(w) || ARTICLES.has(w) || ctx.lex.orgCodes.has(w.toUpperCase()));
  });
}

/** "Of" in languages that join a meeting to its council with a word. */
const OF_WORDS = new Set(["of", "de", "du", "des", "del", "der"]);

/** Whether a token is one of the words ("airport", "message*": any ending). */
export function isWordOf(norm: string, words: string[]): boolean {
  const test = wordTest(words);
  return test(norm) || (hasProclitic(norm) && test(norm.slice(1)));
}

/** A word list compiled once into a test: a set of whole words and a list of stems ("aéroport*"). */
const wordTests = new WeakMap<string[], (w: string) => boolean>();

/** The test of an empty list (a language without the list passes a fresh `[]` each time). */
const NO_WORD = (_w: string) => false;

/**
 * The list asked about last and its test: the loops that call isWordOf for every token of a
 * sentence ask about one list, and find its test without a WeakMap lookup per token.
 */
let lastWords: string[] | null = null;
let lastTest: (w: string) => boolean = NO_WORD;

function wordTest(words: string[]): (w: string) => boolean {
  if (!words.length) return NO_WORD;
  if (words === lastWords) return lastTest;
  let test = wordTests.get(words);
  if (!test) {
    const whole = new Set(words.filter((w) => !w.endsWith("*") && !w.includes(" ")));
    const stems: string[] = [];
    for (const w of words) if (w.endsWith("*") && !w.includes(" ")) stems.push(w.slice(0, -1));
    test = wordOrStemTest(whole, stems);
    wordTests.set(words, test);
  }
  lastWords = words;
  lastTest = test;
  return test;
}

/**
 * A test of a word: one of the whole words, or one that starts with one of the stems.
 * (The stems must be pushed to their list, not mapped: a list made by `map` in optimised code
 * is holey, one made unoptimised packed, and the test deoptimised on meeting the other kind. A
 * list without stems has a test without the loop: an empty list is of another kind again.)
 */
export function wordOrStemTest(whole: ReadonlySet<string>, stems: string[]): (w: string) => boolean {
  const shapes = new WordShapes();
  for (const w of whole) shapes.addWord(w);
  for (let i = 0; i < stems.length; i++) shapes.addStem(stems[i]);
  if (!stems.length) return (w: string) => shapes.may(w) && whole.has(w);
  return (w: string) => {
    if (!shapes.may(w)) return false;
    if (whole.has(w)) return true;
    for (let i = 0; i < stems.length; i++) if (w.startsWith(stems[i])) return true;
    return false;
  };
}

/** Lengths from this on share one bit. */
const LONG = 31;

/**
 * The first letter and length of each word of a list, or of each stem with every length from
 * its own: a word whose pair is not among them is none of the words. Tested with two reads and
 * a shift, before a set is hashed into (most words of a sentence are not the words asked for).
 * (The first code unit is read modulo 128: letters of other scripts share slots, which lets
 * some words through, never keeps one out.)
 */
export class WordShapes {
  private readonly lengths = new Int32Array(128);
  addWord(w: string): void {
    this.lengths[w.charCodeAt(0) & 127] |= 1 << Math.min(w.length, LONG);
  }
  addStem(stem: string): void {
    // (An empty stem starts every word, the empty word too.)
    const from = Math.min(stem.length, LONG);
    const bits = ~0 << from;
    if (stem.length) this.lengths[stem.charCodeAt(0) & 127] |= bits;
    else this.lengths.fill(~0);
  }
  may(w: string): boolean {
    return ((this.lengths[w.charCodeAt(0) & 127] >>> Math.min(w.length, LONG)) & 1) === 1;
  }
}

/** Whether a pledge word ("announced", «объявил», "تعهد") stands before a trigger in its sentence. */
export function pledgedBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.pledge.get(ctx.lang) ?? [];
  const multi = words.filter((w) => w.includes(" "));
  const before = sm.tokens.filter((x) => x.end <= t.start);
  if (before.some((x) => isWordOf(x.norm, words))) return true;
  const joined = " " + before.map((x) => x.norm).join(" ") + " ";
  return multi.some((m) => joined.includes(` ${m.replace(/\*$/, "")}`));
}

/**
 * "The visit comes as the culmination...", "وتأتي الزيارة", «Визит состоялся»: a definite event
 * noun opening the sentence (within its first two words) is the event already reported.
 */
export function definiteOpening(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart < 0 || t.tokenStart > 1 || t.tokenEnd - t.tokenStart !== 1) return false;
  const w = sm.tokens[t.tokenStart].norm;
  if (ctx.lang === "ar") return /^(و|ف)?ال/.test(w);
  const prev = t.tokenStart === 1 ? sm.tokens[0].norm : null;
  if (ARTICLES.has(prev ?? "")) return true;
  // Languages without articles: an event noun that opens the sentence, or follows its opening
  // preposition («На переговорах ... министр намерен обсудить», "at the talks").
  if (!ARTICLELESS.has(ctx.lang)) return false;
  return t.tokenStart === 0 || (ctx.lex.markers.placeBefore.get(ctx.lang) ?? []).some((p) => p.length === 1 && p[0] === prev);
}

/** Languages without articles, where an event noun opening the sentence is definite (see definiteOpening). */
const ARTICLELESS = new Set(["ru", "uk", "tg", "kk", "ky", "uz", "tr", "fa"]);

/** A date after the trigger inside a relative clause ("..., which had been announced in 2019"). */
export function inRelativeClause(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, d: DateHit): boolean {
  if (d.start < t.end) return false;
  const words = ctx.lex.markers.relativePronoun.get(ctx.lang);
  if (!words?.size) return false;
  return sm.tokens.some((x) => x.start >= t.end && x.end <= d.start && words.has(x.norm) && /[,،]\s*$/.test(ctx.text.slice(Math.max(t.end, x.start - 3), x.start)));
}

/** A demonstrative right before a trigger, or one word before it ("this first meeting"). */
export function demonstrativeBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.demonstrative.get(ctx.lang);
  if (!words) return false;
  // Chinese is written without spaces: the trigger sits inside a longer token, so the
  // demonstrative is read from the characters right before it ("这次会晤", "此次會談").
  if (t.tokenStart < 0 && hasHan(ctx.text.slice(t.start, t.end))) {
    const before = fold(ctx.text.slice(Math.max(0, t.start - 3), t.start));
    if ([...words].some((w) => before.endsWith(w))) return true;
    // "这场于7月11日在…举行的会谈": a relative clause ending in 的 may stand between the
    // demonstrative and its noun, within one clause.
    if (!before.endsWith("的")) return false;
    const win = fold(ctx.text.slice(Math.max(0, t.start - 60), t.start));
    return [...words].some((w) => {
      const at = win.lastIndexOf(w);
      return at >= 0 && !/[，,。；;：:！？!?、]/.test(win.slice(at + w.length));
    });
  }
  if (t.tokenStart < 0) return false;
  // (Not over a word that a place ending makes describe the noun: "bu meseledeki tepkisini", the
  // reaction on this matter, is not "this reaction".)
  for (let k = t.tokenStart - 1; k >= 0 && k >= t.tokenStart - 2; k--) {
    if (hasVariantIn(sm.tokens[k].norm, words)) return true;
    if (endsWithSuffixOf(sm.tokens[k].norm, ctx.lex.markers.placeModifierSuffix.get(ctx.lang))) return false;
  }
  return false;
}

/** Whether a word ends with one of the suffixes after a stem of three letters or more (a loop: this runs for every event recorded). */
function endsWithSuffixOf(w: string, suffixes: string[] | undefined): boolean {
  if (!suffixes) return false;
  for (let i = 0; i < suffixes.length; i++) if (w.length > suffixes[i].length + 2 && w.endsWith(suffixes[i])) return true;
  return false;
}

/** "خلال اللقاء", «در جریان دیدار»: a word for "during" right before the event noun (in Arabic, one with the article). */
export function duringBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  if (ctx.lang === "ar" && !/^(و|ف)?ال/.test(sm.tokens[t.tokenStart].norm)) return false;
  return !!phraseEndingAt(sm.tokens, t.tokenStart - 1, ctx.lex.markers.duringBefore.get(ctx.lang) ?? []);
}

/** A subject pronoun among the first two words of the sentence (before the trigger, if given). */
export function pronounSubject(ctx: EventContext, sm: SentenceMentions, t?: TriggerMatch): boolean {
  const words = ctx.lex.markers.subjectPronoun.get(ctx.lang);
  if (!words) return false;
  for (let k = 0; k < 2 && k < sm.tokens.length; k++) {
    const x = sm.tokens[k];
    if ((!t || x.end <= t.start) && words.has(x.norm)) return true;
  }
  return false;
}

/** Whether a plane, convoy or shipment is named within a few words of an arrival trigger. */
export function cargoArrives(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.cargoNouns.get(ctx.lang) ?? [];
  return sm.tokens.some((x) => (x.end <= t.start ? t.start - x.end <= 70 : x.start >= t.end && x.start - t.end <= 40) && isWordOf(x.norm, words));
}

/** An attend phrase ending right before a trigger (one word may stand between, Han: adjacent). */
export function attendsBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const phrases = ctx.lex.markers.attendBefore.get(ctx.lang) ?? [];
  if (t.tokenStart < 0) return phrases.some((ph) => ctx.text.slice(Math.max(0, t.start - 4), t.start).endsWith(ph.join("")));
  for (let end = t.tokenStart - 1; end >= 0 && end >= t.tokenStart - 2; end--)
    if (phraseEndingAt(sm.tokens, end, phrases)) return true;
  return false;
}

/** A proposal or support word up to four words before a trigger, in its clause. */
export function proposedBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.proposalVerbs.get(ctx.lang);
  if (!words?.length || t.tokenStart < 0) return false;
  for (let k = t.tokenStart - 1; k >= 0 && k >= t.tokenStart - 4; k--) {
    if (markBetween(ctx.text, sm.tokens[k].end, sm.tokens[k + 1]?.start ?? t.start, ",;.:")) return false;
    if (isWordOf(sm.tokens[k].norm, words)) return true;
  }
  return false;
}

/** Whether a sentence holds a "day after" cue ("a day later", «на следующий день», 次日). */
export function dayAfterIn(ctx: EventContext, sm: SentenceMentions): boolean {
  const cues = ctx.lex.markers.dayAfter.get(ctx.lang);
  if (!cues?.length) return false;
  const { han, byAnchor, shapes, empty } = dayAfterCues(cues);
  // Han text has no word breaks: the cue as written inside the sentence.
  for (const cue of han) {
    const at = ctx.text.indexOf(cue, sm.sentence.start);
    if (at >= 0 && at + cue.length <= sm.sentence.end) return true;
  }
  if (empty) return true;
  // (Each token is looked up once among the cues' longest words, the rarest, and only where its
  // first letter and length may be one of them, rather than every cue tried at every token:
  // this runs for every sentence.)
  const tokens = sm.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    if (!shapes.may(norm)) continue;
    const candidates = byAnchor.get(norm);
    if (!candidates) continue;
    for (const { words, at } of candidates) {
      const first = i - at;
      if (first < 0 || first + words.length > tokens.length) continue;
      let j = 0;
      while (j < words.length && tokens[first + j].norm === words[j]) j++;
      if (j === words.length) return true;
    }
  }
  return false;
}

/** A cue's words and which of them it is looked up by. */
interface AnchoredCue {
  words: string[];
  at: number;
}

/** A cue list read once: its Han cues, its other cues by their longest word (and those words' shapes), and whether one has no word (it holds anywhere). */
interface DayAfterCues {
  han: string[];
  byAnchor: Map<string, AnchoredCue[]>;
  shapes: WordShapes;
  empty: boolean;
}
const dayAfterCueLists = new WeakMap<string[], DayAfterCues>();
function dayAfterCues(cues: string[]): DayAfterCues {
  let out = dayAfterCueLists.get(cues);
  if (!out) {
    out = { han: [], byAnchor: new Map(), shapes: new WordShapes(), empty: false };
    for (const cue of cues) {
      if (/\p{Script=Han}/u.test(cue)) {
        out.han.push(cue);
        continue;
      }
      const words = cueWords(cue);
      if (!words.length) {
        out.empty = true;
        continue;
      }
      let at = 0;
      for (let j = 1; j < words.length; j++) if (words[j].length > words[at].length) at = j;
      out.shapes.addWord(words[at]);
      const list = out.byAnchor.get(words[at]);
      if (list) list.push({ words, at });
      else out.byAnchor.set(words[at], [{ words, at }]);
    }
    dayAfterCueLists.set(cues, out);
  }
  return out;
}

const cueWordCache = new Map<string, string[]>();

const cueWords = (cue: string) => cueWordCache.get(cue) ?? (cueWordCache.set(cue, cue.split(" ").filter(Boolean)), cueWordCache.get(cue)!);

/** Whether a sentence names an airport (data/markers.json "airport"). */
export function atAirport(ctx: EventContext, sm: SentenceMentions): boolean {
  const words = ctx.lex.markers.airport.get(ctx.lang) ?? [];
  return sm.tokens.some((x) => isWordOf(x.norm, words));
}

/** Whether a message noun stands in the stretch before a trigger ("messages also arrived from"). */
export function messageArrives(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.messageNouns.get(ctx.lang) ?? [];
  return sm.tokens.some((x) => x.end <= t.start && t.start - x.end <= 60 && isWordOf(x.norm, words));
}

/** Languages whose verb comes last: a verb's dates stand before it. */
export const VERB_FINAL = new Set(["zh", "tg", "fa", "tr", "uz", "kk", "ky", "az"]);

/**
 * A country named within three words of a host or mediation word ("China hosts the talks",
 * "بوساطة قطرية", "hosted by the United States"): the host of talks between others.
 */
export function hostOfTalks(ctx: EventContext, sm: SentenceMentions): string | null {
  const words = ctx.lex.markers.hostWords.get(ctx.lang) ?? [];
  // (The host is a country named near the word: a sentence naming no country has none.)
  if (!words.length || !namesKind(sm.entities, "country")) return null;
  for (let k = 0; k < sm.tokens.length; k++) {
    if (!isWordOf(sm.tokens[k].norm, words)) continue;
    const near = firstEntityNear(sm.entities, k, 3, false);
    if (near?.payload.kind === "country") return near.payload.id;
  }
  return null;
}

/**
 * The index of the first token that starts at or after an offset, or -1: what
 * `tokens.findIndex((x) => x.start >= at)` answers, by halving (a sentence's tokens are in text
 * order; this is asked for many sides of every trigger).
 */
export function firstTokenFrom(tokens: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length ? lo : -1;
}

/** Whether a counterpart noun ("counterpart", «коллега», "نظيره") stands within two words of a position. */
export function counterpartNear(ctx: EventContext, sm: SentenceMentions, at: number): boolean {
  const words = ctx.lex.markers.counterpartNouns.get(ctx.lang);
  if (!words?.length) return false;
  const k = firstTokenFrom(sm.tokens, at);
  if (k < 0) return false;
  for (let j = Math.max(0, k - 2); j <= Math.min(sm.tokens.length - 1, k + 2); j++) if (j !== k && isWordOf(sm.tokens[j].norm, words)) return true;
  return false;
}

/** Whether an entity of a kind is named, at a token (the tests above read entities by their tokens). */
function namesKind(entities: EntityMatch[], kind: EntityMatch["payload"]["kind"]): boolean {
  for (let i = 0; i < entities.length; i++) if (entities[i].payload.kind === kind && entities[i].tokenStart >= 0) return true;
  return false;
}

/**
 * The first entity starting within `span` tokens of token k: a country at most `span` away on
 * either side, or (`after`) a country or person starting from k on. Loops, not closures over k,
 * which would cost a context per word.
 */
function firstEntityNear(entities: EntityMatch[], k: number, span: number, after: boolean): EntityMatch | undefined {
  for (let i = 0; i < entities.length; i++) {
    const x = entities[i];
    if (after ? (x.payload.kind === "country" || x.payload.kind === "person") && x.tokenStart >= k && x.tokenStart - k <= span
      : x.payload.kind === "country" && x.tokenStart >= 0 && Math.abs(x.tokenStart - k) <= span) return x;
  }
  return undefined;
}

/** The country named within three words after an initiative phrase ("по инициативе казахстанской стороны"). */
export function initiatorOf(ctx: EventContext, sm: SentenceMentions): string | null {
  // (The initiator is a country or person named after the phrase: a sentence naming neither has none.)
  if (!namesKind(sm.entities, "country") && !namesKind(sm.entities, "person")) return null;
  const phrases = ctx.lex.markers.initiative.get(ctx.lang) ?? [];
  if (!phrases.length) return null;
  // (The phrases' first words, read once for the sentence: most of its words start none.)
  const firstWords = edgeWords(firstWordsOf, phrases, true);
  for (let k = 0; k < sm.tokens.length; k++) {
    if (!mayBeWordOf(sm.tokens[k].norm, firstWords)) continue;
    const ph = phraseStartingAt(sm.tokens, k, phrases);
    if (!ph) continue;
    const e = firstEntityNear(sm.entities, k + ph.length, 3, true);
    if (e?.payload.kind === "country") return e.payload.id;
    if (e?.payload.kind === "person") return ctx.lex.persons.get(e.payload.id)?.terms.at(-1)?.country ?? null;
  }
  return null;
}

/**
 * "Commended their recent meeting", «высоко оценил переговоры»: a meeting noun up to four words
 * after an act of support is what is praised, an event already told, not a new one.
 */
export function praisedEvent(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart < 0) return false;
  return sm.triggers.some((x) => x.payload.type === "SUPPORT" && x.tokenEnd >= 0 && x.tokenEnd <= t.tokenStart && t.tokenStart - x.tokenEnd <= 4 && !markBetween(ctx.text, x.end, t.start, ",;.:"));
}

/** "Recalled its ambassador for consultations": a meeting noun that is the purpose of a sanction. */
export function purposeOfSanction(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  const words = ctx.lex.markers.purposeBefore.get(ctx.lang);
  if (!words?.has(sm.tokens[t.tokenStart - 1].norm)) return false;
  return sm.triggers.some((x) => x.payload.type === "SANCTION" && x.end <= t.start);
}

/** "Commenting on the summons", "asked about the visit": an event noun that is a subject of talk. */
export function eventTalkedAbout(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  let k = t.tokenStart - 1;
  while (k >= 0 && ARTICLES.has(sm.tokens[k].norm)) k--;
  return !!phraseEndingAt(sm.tokens, k, ctx.lex.markers.rementionBefore.get(ctx.lang) ?? []);
}

/** "Arrived to take part in the extraordinary summit": a participation phrase up to four words before. */
export function participationIn(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const phrases = ctx.lex.markers.attendBefore.get(ctx.lang) ?? [];
  if (t.tokenStart < 0) return attendsBefore(ctx, sm, t);
  for (let end = t.tokenStart - 1; end >= 0 && end >= t.tokenStart - 4; end--) {
    if (breakBetween(ctx.text, sm, sm.tokens[end].end, t.start)) return false;
    if (phraseEndingAt(sm.tokens, end, phrases)) return true;
  }
  return false;
}

/** Where a relative clause opens after a trigger (", who", ", which"), or the sentence's end. */
export function relativeClauseStart(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): number {
  const words = ctx.lex.markers.relativePronoun.get(ctx.lang);
  if (!words?.size) return sm.sentence.end;
  const x = sm.tokens.find((w) => w.start >= t.end && words.has(w.norm) && /[,،]\s*$/.test(ctx.text.slice(Math.max(t.end, w.start - 3), w.start)));
  return x ? x.start : sm.sentence.end;
}

/**
 * «We condemn», "J'exprime ma gratitude", «kınıyoruz»: a trigger told in the first person (a
 * first-person word in it or up to three words before it in its clause, or a first-person ending
 * on its last word).
 */
export function firstPersonAt(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart < 0) return false;
  const last = sm.tokens[t.tokenEnd - 1]?.norm ?? "";
  if (ctx.lex.markers.firstPersonSuffix.get(ctx.lang)?.some((x) => last.length >= x.length + 3 && last.endsWith(x))) return true;
  const words = ctx.lex.markers.firstPerson.get(ctx.lang);
  if (!words?.length) return false;
  for (let k = t.tokenEnd - 1; k >= 0 && k >= t.tokenStart - 3; k--) {
    if (k < t.tokenStart && breakBetween(ctx.text, sm, sm.tokens[k].end, t.start)) return false;
    if (isWordOf(sm.tokens[k].norm, words)) return true;
  }
  return false;
}

const OPENING_QUOTES = new Set(["“", "«", "„"]);
const CLOSING_QUOTES = new Set(["”", "»"]);

/**
 * The quotation an offset stands in, within a stretch of text (a paragraph): where its opening
 * mark is and where its closing mark is (-1 when the stretch ends first), or null. Straight
 * double quotes open and close in turn; apostrophes and single quotes are not read (Turkish
 * writes case endings after one: İran’ın).
 */
export function quotationAround(text: string, from: number, to: number, at: number): { open: number; close: number } | null {
  let open = -1;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '"') open = open >= 0 && text[open] === '"' ? -1 : open >= 0 ? open : i;
    else if (OPENING_QUOTES.has(c) && !(c === "“" && open >= 0 && text[open] === "„")) open = open >= 0 ? open : i;
    else if (CLOSING_QUOTES.has(c) || (c === "“" && open >= 0)) open = -1;
  }
  if (open < 0) return null;
  const closer = text[open] === '"' ? /"/ : text[open] === "„" ? /[“”]/ : /[”»]/;
  const rel = text.slice(at, to).search(closer);
  return { open, close: rel < 0 ? -1 : at + rel };
}

/**
 * "Welcomed a positive meeting", «a salué la convergence de vues entre les deux pays»: a meeting
 * noun or a word for how talks went (data/markers.json talks_outcome) up to four words after an
 * act of praise, in its clause and with no side or reference before it, is what is praised.
 */
export function praisesTalks(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenEnd < 0) return false;
  const outcome = ctx.lex.markers.talksOutcome.get(ctx.lang) ?? [];
  for (let k = t.tokenEnd; k < sm.tokens.length && k <= t.tokenEnd + 4; k++) {
    if (breakBetween(ctx.text, sm, t.end, sm.tokens[k].start)) return false;
    // "Congratulated the host of the meeting": a side or reference first is what is praised.
    const at = sm.tokens[k];
    if (sm.entities.some((e) => e.start <= at.start && at.start < e.end) || sm.references.some((r) => r.start <= at.start && at.start < r.end)) return false;
    if (phraseStartingAt(sm.tokens, k, outcome)) return true;
    if (sm.triggers.some((x) => x.payload.type === "CONSULT" && x.payload.mode !== "multilateral" && x.tokenStart === k)) return true;
  }
  return false;
}

/**
 * "Attacks on the Saudi embassy", «Suudi Arabistan büyükelçiliğine yönelik saldırılar», "the
 * embassy of Saudi Arabia": a country named right before or after an embassy or consulate word
 * (an article or "of" may stand between) owns the building, not the act.
 */
export function ownsMission(ctx: EventContext, sm: SentenceMentions, at: number): boolean {
  const words = ctx.lex.markers.missionNouns.get(ctx.lang);
  const e = sm.entities.find((x) => x.start === at);
  if (!words?.length || !e || e.tokenStart < 0) return false;
  const next = sm.tokens[e.tokenEnd];
  if (next && isWordOf(next.norm, words)) return true;
  let k = e.tokenStart - 1;
  while (k >= 0 && (ARTICLES.has(sm.tokens[k].norm) || OF_WORDS.has(sm.tokens[k].norm) || sm.tokens[k].norm === "d")) k--;
  return k >= 0 && k < e.tokenStart - 1 && isWordOf(sm.tokens[k].norm, words);
}

/**
 * "NATO'DAN KINAMA MESAJI": a subheading, a line in capitals with no closing stop, announces what
 * the paragraph under it tells.
 */
export function headingLine(ctx: EventContext, sm: SentenceMentions): boolean {
  const line = ctx.text.slice(sm.sentence.start, sm.sentence.end).trim();
  // (A lower-case letter first: it settles most sentences without listing their capitals.)
  return !/\p{Ll}/u.test(line) && (line.match(/\p{Lu}/gu) ?? []).length >= 6 && !/[.!?؟。]$/.test(line);
}

/** Languages where a date stands right before the verb it dates ("王毅12日对媒体透露"). */
const DATE_BEFORE_VERB = new Set(["zh"]);

/**
 * "王毅12日对中国媒体透露,与鲁比奥的会谈…": a date written before a reporting verb that stands
 * between it and the trigger, in one clause, dates the report, not the event told after it.
 */
export function dateOfReport(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, d: { start: number; end: number }): boolean {
  if (!DATE_BEFORE_VERB.has(ctx.lang) || d.end > t.start) return false;
  const between = fold(ctx.text.slice(d.end, t.start));
  const words = (ctx.lex.markers.reporting.get(ctx.lang) ?? []).map((p) => p.join(""));
  const at = Math.min(...words.map((w) => between.indexOf(w)).filter((i) => i >= 0));
  return Number.isFinite(at) && at <= 12 && !/[。；;]/.test(between);
}
