// Figures stage: quantities stated in a span of text ("$1 billion", "146,9 млрд долларов",
// "50,000 tonnes of wheat", "16 documents", "تسعة ملايين دولار", "1000亿美元").
//
// A number becomes a figure only when a unit follows it (or a currency symbol/code precedes it):
// a currency, a measure (tonnes, km, doses), a noun for people, or a countable noun. This is the
// main guard against false figures: dates, times, years, percentages, ordinals and counters have
// no such unit. Values are full numbers (scale words multiplied out); `year` is the year the
// figure refers to, read from the same clause or sentence.

import { fold, letterOrMarkWidth, normalize, normalizeTransient, SPACE_UNITS, type NormalizedText } from "../text/normalize.js";
import type { Lang, Span } from "../types.js";
import {
  AND_WORDS, ARABIC_DUAL_SCALES, BLOCKER_WORDS, BY_YEAR, COMPARISON_AFTER, COMPARISON_BEFORE, COUNT_NOUNS,
  CURRENCY_PREFIX_WORDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, FILLER_WORDS, HUNDRED_WORDS, MEASURE_WORDS,
  MONEY_WHAT, NUMBER_WORDS, OF_WORDS, ONE_BEFORE_SCALE, PERSON_NOUNS, RELATIVE_YEARS, SCALE_WORDS,
  SCALE_WORDS_BY_LANG, STOP_WORDS, TARGET_CUES, NUMBER_OF_WORDS, TIMELESS_CUES,
} from "./words.js";

export interface FigureMatch {
  start: number;
  end: number;
  value: number;
  unit: string;
  what: string | null;
  year: number | null;
}

// ---------------------------------------------------------------------------------------------
// Word tables

const WORD_MEMO_MAX = 20000;
const NOT_FOUND: unique symbol = Symbol("not found");

/** A folded word table: exact words and open prefixes ("доллар*"). */
class WordTable<T> {
  private exact = new Map<string, T>();
  private prefixes: Array<[string, T]> = [];
  /** The prefixes by their first unit, in the order added (a word meets only those of its first unit). */
  private prefixesByFirst = new Map<number, Array<[string, T]>>();
  /** Results of get() (the same word is looked up many times per sentence); reset by add(). */
  private memo = new Map<string, T | typeof NOT_FOUND>();

  add(entry: string, value: T): void {
    this.memo.clear();
    const prefix = entry.endsWith("*");
    const word = foldWord(prefix ? entry.slice(0, -1) : entry);
    if (!word) return;
    if (prefix) {
      const pair: [string, T] = [word, value];
      this.prefixes.push(pair);
      const bucket = this.prefixesByFirst.get(word.charCodeAt(0));
      if (bucket) bucket.push(pair);
      else this.prefixesByFirst.set(word.charCodeAt(0), [pair]);
    } else if (!this.exact.has(word)) this.exact.set(word, value);
  }

  /** Look a folded text word up, also without Arabic-script proclitics. */
  get(word: string): T | undefined {
    const memo = this.memo.get(word);
    if (memo !== undefined) return memo === NOT_FOUND ? undefined : memo;
    const found = this.lookup(word);
    if (this.memo.size >= WORD_MEMO_MAX) this.memo.clear();
    this.memo.set(word, found === undefined ? NOT_FOUND : found);
    return found;
  }

  /** Every entry: its folded word and whether it is an open prefix. */
  forEachEntry(f: (word: string, prefix: boolean) => void): void {
    for (const w of this.exact.keys()) f(w, false);
    for (const [w] of this.prefixes) f(w, true);
  }

  private lookup(word: string): T | undefined {
    for (const w of arabicVariants(word)) {
      const hit = this.exact.get(w);
      if (hit !== undefined) return hit;
      // The first of the longest prefixes the word starts with. (Lengths are compared as numbers:
      // reading the best entry only where a second prefix matched had deoptimised this loop.)
      let best: [string, T] | undefined;
      let bestLength = -1;
      const bucket = this.prefixesByFirst.get(w.charCodeAt(0));
      if (bucket === undefined) continue;
      for (const p of bucket) {
        if (p[0].length > bestLength && w.startsWith(p[0])) {
          best = p;
          bestLength = p[0].length;
        }
      }
      if (best) return best[1];
    }
    return undefined;
  }
}

/** A text word's fold, and whether it can open a quantity in the language last asked about. */
interface WordInfo { norm: string; quantityLang: Lang | null; mayStartQuantity: boolean }

/** Word infos by the word's text: every token is folded, and the same words recur from sentence to sentence. */
const wordInfoMemo = new Map<string, WordInfo>();
const WORD_INFO_MEMO_MAX = 50000;

function wordInfo(raw: string): WordInfo {
  let info = wordInfoMemo.get(raw);
  if (info === undefined) {
    info = { norm: foldWord(raw), quantityLang: null, mayStartQuantity: false };
    if (wordInfoMemo.size >= WORD_INFO_MEMO_MAX) wordInfoMemo.clear();
    wordInfoMemo.set(raw, info);
  }
  return info;
}

/** Folded form of a single word, apostrophes and joiners removed. */
function foldWord(s: string): string {
  return fold(s).replace(/[\s'’ʻʼ`‘\u200c-]/g, "");
}

const AR_PROCLITICS = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"];

function arabicVariants(word: string): string[] {
  // Only a word that starts in the Arabic block (U+0600-U+06FF; an empty word gives NaN, so 0).
  if ((word.charCodeAt(0) & 0xff00) !== 0x600) return [word];
  const out = [word];
  for (const p of AR_PROCLITICS) if (word.length - p.length >= 2 && word.startsWith(p)) out.push(word.slice(p.length));
  return out;
}

type UnitKind = "money" | "measure" | "persons" | "count";
interface UnitInfo { unit: string; kind: UnitKind }

const UNIT_TABLE = new WordTable<UnitInfo>();
for (const [code, words] of Object.entries(CURRENCY_WORDS)) for (const w of words) UNIT_TABLE.add(w, { unit: code, kind: "money" });
for (const [unit, words] of Object.entries(MEASURE_WORDS)) for (const w of words) UNIT_TABLE.add(w, { unit, kind: "measure" });
for (const w of PERSON_NOUNS) UNIT_TABLE.add(w, { unit: "persons", kind: "persons" });
for (const w of COUNT_NOUNS) UNIT_TABLE.add(w, { unit: "count", kind: "count" });

function tableOf(words: string[]): WordTable<true> {
  const t = new WordTable<true>();
  for (const w of words) t.add(w, true);
  return t;
}
const FILLERS = tableOf(FILLER_WORDS);
const BLOCKERS = tableOf(BLOCKER_WORDS);
const STOPS = tableOf(STOP_WORDS);
const ANDS = tableOf(AND_WORDS);
const OFS = tableOf(OF_WORDS);
const NUMBER_OF = tableOf(NUMBER_OF_WORDS);

const SCALE_COMMON = new WordTable<number>();
for (const [w, v] of Object.entries(SCALE_WORDS)) SCALE_COMMON.add(w, v);
const SCALE_LANG = new Map<string, WordTable<number>>();
for (const [lang, words] of Object.entries(SCALE_WORDS_BY_LANG)) {
  const t = new WordTable<number>();
  for (const [w, v] of Object.entries(words ?? {})) t.add(w, v);
  SCALE_LANG.set(lang, t);
}
const DUAL_SCALES = new WordTable<number>();
for (const [w, v] of Object.entries(ARABIC_DUAL_SCALES)) DUAL_SCALES.add(w, v);

const NUMBER_WORD_TABLES = new Map<string, WordTable<number>>();
for (const [lang, words] of Object.entries(NUMBER_WORDS)) {
  const t = new WordTable<number>();
  for (const [w, v] of Object.entries(words ?? {})) t.add(w, v);
  NUMBER_WORD_TABLES.set(lang, t);
}
const HUNDREDS = new Set([...HUNDRED_WORDS].map(foldWord));
const ONE_WORDS = new Map<string, Set<string>>();
for (const [lang, words] of Object.entries(ONE_BEFORE_SCALE)) ONE_WORDS.set(lang, new Set((words ?? []).map(foldWord)));

function scaleOf(word: string, lang: Lang): number | undefined {
  return SCALE_LANG.get(lang)?.get(word) ?? SCALE_COMMON.get(word);
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface NumToken { type: "num"; start: number; end: number; int: string; pieces: Array<{ sep: string; digits: string }> }
/**
 * A word of the text. Its text and fold are read when first asked for: most words of a sentence
 * are never looked at (figuresIn starts where a quantity may first start; quantityAt turns a
 * word away by a walk along the start trie), and slicing and folding every word had been about
 * half of tokenizing.
 */
class WordToken {
  readonly type = "word" as const;
  private rawText: string | null = null;
  private wordInfo: WordInfo | null = null;
  constructor(private readonly text: string, readonly start: number, readonly end: number) {}
  get raw(): string {
    return (this.rawText ??= this.text.slice(this.start, this.end));
  }
  get info(): WordInfo {
    return (this.wordInfo ??= wordInfo(this.raw));
  }
  get norm(): string {
    return this.info.norm;
  }
}
interface SymToken { type: "sym"; start: number; end: number; raw: string }
type Tok = NumToken | WordToken | SymToken;

/** Western digit for ASCII, Arabic-Indic and Persian digits; null otherwise. */
function digitAt(text: string, i: number): string | null {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return text[i];
  if (c >= 0x660 && c <= 0x669) return String(c - 0x660);
  if (c >= 0x6f0 && c <= 0x6f9) return String(c - 0x6f0);
  return null;
}

/** The end of the run of digits (as digitAt reads them) from i, before `to`. */
function digitRunEnd(text: string, i: number, to: number): number {
  while (i < to && digitAt(text, i) !== null) i++;
  return i;
}

/** The digits text[i, end) in Western form (the text itself when they are ASCII). */
function westernDigits(text: string, i: number, end: number): string {
  let k = i;
  while (k < end && text.charCodeAt(k) <= 0x39) k++;
  if (k === end) return text.slice(i, end);
  let out = text.slice(i, k);
  for (; k < end; k++) out += digitAt(text, k);
  return out;
}

const GROUP_SEPS = new Set([" ", "\u00a0", "\u202f", "\u2009", ",", ".", "\u066c", "'"]);
const DECIMAL_SEPS = new Set([",", ".", "\u066b", "/"]);
const LETTER = /[\p{L}\p{M}]/u;
const HAN = /\p{Script=Han}/u;
const WORD_JOINERS = new Set(["'", "’", "‘", "ʻ", "ʼ", "`", "-", "\u200c"]);

// Character classes of single UTF-16 units, as the tokenizer tests them (LETTER, HAN, \s on one
// unit), cached per unit: the per-character regex tests dominated tokenizing.
const CLS_LETTER = 1, CLS_HAN = 2, CLS_SPACE = 4, CLS_DONE = 8;
const UNIT_CLASS = new Uint8Array(65536);
function unitClass(code: number): number {
  const c = UNIT_CLASS[code];
  return c !== 0 ? c : (UNIT_CLASS[code] = unitClassOf(code));
}
// The per-unit tables are filled on a unit's first sight by a function of its own, so that the
// hot callers hold only the table read: a branch of the fill that no unit had taken yet (another
// script, a surrogate) deoptimised each optimised caller the first time a unit took it.
function unitClassOf(code: number): number {
  const ch = String.fromCharCode(code);
  return CLS_DONE | (LETTER.test(ch) ? CLS_LETTER : 0) | (HAN.test(ch) ? CLS_HAN : 0) | (/\s/.test(ch) ? CLS_SPACE : 0);
}

/** "d'" / "l'" (either case, either apostrophe) at i: a French elided article or preposition. */
function isElisionAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const a = text.charCodeAt(i + 1);
  return (c === 0x64 || c === 0x6c || c === 0x44 || c === 0x4c) && (a === 0x27 || a === 0x2019);
}

/**
 * What the last tokenizeRange met: P_HAN when a unit of the range is Han (a Han unit also
 * continues a word), SEEN_SURROGATE when one is a surrogate (a Han character beyond the BMP would
 * be a pair of them). figuresIn reads it instead of searching the range for Han again.
 */
let tokenizedClasses = 0;
const SEEN_SURROGATE = 0x100;

function tokenizeRange(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  let seen = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const cls = preClass(code);
    if ((cls & P_DIGIT) !== 0) {
      let j = digitRunEnd(text, i, to);
      const int = westernDigits(text, i, j);
      const pieces: Array<{ sep: string; digits: string }> = [];
      for (;;) {
        const sep = text[j];
        if (j + 1 >= to || (!GROUP_SEPS.has(sep) && !DECIMAL_SEPS.has(sep)) || digitAt(text, j + 1) === null) break;
        const k = digitRunEnd(text, j + 1, to);
        const digits = westernDigits(text, j + 1, k);
        const groupable = digits.length === 3 && GROUP_SEPS.has(sep) && int.length <= 3;
        if (groupable) {
          pieces.push({ sep, digits });
          j = k;
          continue;
        }
        if (DECIMAL_SEPS.has(sep) && sep !== " ") {
          pieces.push({ sep, digits });
          j = k;
        }
        break;
      }
      toks.push({ type: "num", start: i, end: j, int, pieces });
      i = j;
    } else if ((cls & P_HAN) !== 0) {
      seen |= P_HAN;
      i++; // Chinese is read by its own pass
    } else if ((cls & P_WORD) !== 0) {
      // A letter (Han excluded above) or tatweel; a joiner between letters keeps the word going.
      let j = i + 1;
      while (j < to) {
        const cj = preClass(text.charCodeAt(j));
        seen |= cj;
        if ((cj & P_WORD) !== 0) j++;
        else if ((cj & P_JOINER) !== 0 && j + 1 < to && (preClass(text.charCodeAt(j + 1)) & P_AFTER_JOINER) !== 0) j += 2;
        else break;
      }
      // French elision: "d'euros", "l'accord" are two words.
      if (j > i + 2 && isElisionAt(text, i)) {
        toks.push(new WordToken(text, i, i + 1));
        i += 2;
      }
      toks.push(new WordToken(text, i, j));
      i = j;
    } else if ((unitClass(code) & CLS_SPACE) !== 0) {
      i++;
    } else {
      seen |= (code & 0xf800) === 0xd800 ? SEEN_SURROGATE : 0;
      toks.push({ type: "sym", start: i, end: i + 1, raw: text[i] });
      i++;
    }
  }
  tokenizedClasses = seen;
  return toks;
}

/** Languages that write "," for thousands and "." for decimals. */
const COMMA_GROUP_LANGS = new Set<Lang>(["en", "zh", "ar", "fa", "ur", "hy", "und"]);

/**
 * Value of a digit token. Separator heuristic: a separator followed by exactly three digits
 * groups thousands, except a single "," (in decimal-comma languages) or "." (in decimal-point
 * languages) before a scale word, which is the decimal mark ("146,9 млрд", "1.5 million").
 */
function numValue(t: NumToken, lang: Lang, scaleFollows: boolean): number {
  if (!t.pieces.length) return Number(t.int);
  const commaGroups = COMMA_GROUP_LANGS.has(lang);
  const seps = t.pieces.map((p) => p.sep);
  let intDigits = t.int;
  let frac = "";
  t.pieces.forEach((p, idx) => {
    const last = idx === t.pieces.length - 1;
    let decimal = false;
    if (p.digits.length !== 3) decimal = true;
    else if (p.sep === "\u066b") decimal = true;
    else if (last && t.pieces.length > 1 && seps[0] !== p.sep && DECIMAL_SEPS.has(p.sep)) decimal = true; // 1.000,5
    else if (t.pieces.length === 1) {
      if (p.sep === ",") decimal = !commaGroups && scaleFollows;
      else if (p.sep === ".") decimal = commaGroups || scaleFollows;
      else if (p.sep === "/") decimal = true;
    }
    if (p.sep === "/" && lang !== "fa") {
      decimal = false;
      intDigits = "NaN"; // a fraction or a date, not a Persian decimal (۱/۵)
    }
    if (decimal && last) frac = p.digits;
    else intDigits += p.digits;
  });
  return Number(frac ? `${intDigits}.${frac}` : intDigits);
}

// ---------------------------------------------------------------------------------------------
// Figures

const ADJ_LATIN_CYR = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
/** Per unit: 1 when ADJ_LATIN_CYR matches it alone, 0 when not, -1 not computed yet. */
const LATIN_CYR = new Int8Array(0x10000).fill(-1);
function isLatinOrCyrillic(code: number): boolean {
  const v = LATIN_CYR[code];
  return (v >= 0 ? v : (LATIN_CYR[code] = latinOrCyrillicOf(code))) === 1;
}
/** (Out of line: see unitClassOf.) */
function latinOrCyrillicOf(code: number): number {
  return ADJ_LATIN_CYR.test(String.fromCharCode(code)) ? 1 : 0;
}
/** Units next to a number that make it part of a date, time, range or code, by where they stand. */
const SEP_BEFORE = 1, SEP_AFTER = 2, POINT_AFTER = 4, DASH = 8;
const NEAR_NUMBER = new Uint8Array(0x10000);
for (const c of ":/.-–№#") NEAR_NUMBER[c.charCodeAt(0)] |= SEP_BEFORE;
for (const c of ":/-–") NEAR_NUMBER[c.charCodeAt(0)] |= SEP_AFTER;
for (const c of ".,") NEAR_NUMBER[c.charCodeAt(0)] |= POINT_AFTER;
for (const c of "-–") NEAR_NUMBER[c.charCodeAt(0)] |= DASH;

export function findFigures(text: string, range: Span, lang: Lang, refYear: number | null): FigureMatch[] {
  const from = Math.max(0, range.start);
  const to = Math.min(text.length, range.end);
  if (to <= from) return [];
  // Most sentences hold no number, or no unit, at all: skip tokenizing them.
  const at = firstQuantityStart(text, from, to, lang);
  if (at < 0 || !mayHoldUnit(text, from, to)) return [];
  return figuresIn(text, from, to, lang, refYear, at);
}

/** findFigures without its prefilters (exported for the tests that check they change nothing). */
export function findFiguresUnfiltered(text: string, range: Span, lang: Lang, refYear: number | null): FigureMatch[] {
  const from = Math.max(0, range.start);
  const to = Math.min(text.length, range.end);
  return to <= from ? [] : figuresIn(text, from, to, lang, refYear, from);
}

/**
 * The figures of text[from, to), where none can start before `at`: every quantity starts at a
 * digit or at a word that meets the start trie (firstQuantityStart: `at` is the first), or at a
 * "one" word just before such a word; the words before are read only where a figure looks back.
 */
function figuresIn(text: string, from: number, to: number, lang: Lang, refYear: number | null, at: number): FigureMatch[] {
  const toks = tokenizeRange(text, from, to);
  const found: FigureMatch[] = [];
  let i = 0;
  while (i < toks.length && toks[i].start < at) i++;
  if (i > 0) i--;
  while (i < toks.length) {
    const hit = figureAt(text, toks, i, lang);
    if (hit) {
      found.push(hit.figure);
      i = hit.next;
    } else i++;
  }
  const seen = tokenizedClasses;
  if (lang === "zh" || (seen & P_HAN) !== 0 || ((seen & SEEN_SURROGATE) !== 0 && HAN.test(text.slice(from, to)))) found.push(...chineseFigures(text, from, to));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FigureMatch[] = [];
  // A run of hundreds of digits is no figure (its value overflows to Infinity).
  for (const f of found) if (Number.isFinite(f.value) && !kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  if (!kept.length) return kept;
  // The sentence is normalised once here and shared by the year, timeless and Hijri checks, and
  // (where its folding is the same unit by unit in any part of it) by the clause cues.
  const sentenceText = text.slice(from, to);
  const sentence = normalize(sentenceText);
  const byUnit = !CONTEXT_UNITS.test(sentenceText);
  const normOf = (a: number, b: number): string => (byUnit ? normalizedSlice(sentence, a - from, b - from) : normalizeTransient(text.slice(a, b)).norm);
  const years = yearMentions(sentence, from, to, refYear, kept);
  let timelessOrHijri: boolean | null = null;
  for (const f of kept) {
    const clause = clauseOf(text, from, to, f.start);
    const target = hasCueNorm(TARGET_RES, normOf(clause.start, clause.end)) || years.some((y) => y.deadline && y.start >= clause.start && y.end <= clause.end);
    f.year = pickYear(years, f, clause, target);
    // A figure reported with no year of its own is taken to be of the reporting year (as
    // analysts annotate "16 documents were signed"), except targets, lengths, and running
    // totals or yearly rates ("already supplied", "annual aid").
    if (f.year === null && refYear !== null && !target && f.unit !== "km" && f.unit !== "km2" &&
      !(timelessOrHijri ??= hasCueNorm(TIMELESS_RES, sentence.norm) || SOLAR_OR_HIJRI_YEAR.test(sentence.norm))) f.year = refYear;
    if (f.unit !== "count" && f.unit !== "persons" && !["tonnes", "km", "km2", "doses", "m3"].includes(f.unit) && f.what === null) {
      f.what = moneyWhat(normOf, clause.start, f.start, from) ?? moneyWhatAfter(normOf, f.end, clause.end);
      if (f.what && target) f.what += " target";
    }
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Prefilter: every figure starts at a digit, at a number word, at a scale word (a bare one, or
// after "one"/"a"), at an Arabic dual scale, or (Chinese) at a Han character. A sentence with none
// of these cannot produce a figure, and a walk over its words' first units says so cheaply.

// The trie is flat: node ids from 1; the root's children sit in an array by unit (most words
// stop there), every other node's edges side by side in typed arrays (compressed rows: a node's
// edges are one or two cache lines, found or not), its unit and its child in two arrays.
// A node's flags: a word of the trie ends there (EXACT), or every word through it is one (PREFIX).
const EXACT = 1, PREFIX = 2;
interface StartTrie { root: Int32Array; first: Int32Array; edgeUnit: Uint16Array; edgeChild: Int32Array; ends: Uint8Array }
const startTries = new Map<Lang, StartTrie>();

function startTrie(lang: Lang): StartTrie {
  let trie = startTries.get(lang);
  if (trie) return trie;
  const tables: Array<WordTable<unknown> | undefined> = [NUMBER_WORD_TABLES.get(lang), SCALE_LANG.get(lang), SCALE_COMMON];
  if (lang === "ar" || lang === "fa" || lang === "und") tables.push(DUAL_SCALES);
  trie = buildTrie(trieEntries(tables));
  startTries.set(lang, trie);
  return trie;
}

let unitWords: StartTrie | null = null;
/**
 * The unit words (UNIT_TABLE), the currency codes written before a number, and Persian تن
 * (unitOf), as they are compared (figureAt never takes "us" for a currency code). A trie of its
 * own: the start trie is small, and most words leave it at once.
 */
function unitTrie(): StartTrie {
  if (unitWords) return unitWords;
  const entries = trieEntries([UNIT_TABLE]);
  for (const w of [...Object.keys(CURRENCY_PREFIX_WORDS).filter((w) => w !== "us"), "تن", foldWord("تن")]) addTrieEntry(entries, w, EXACT);
  return (unitWords = buildTrie(entries));
}

/** The words of a trie, each with its flags (EXACT, PREFIX or both). */
type TrieEntries = Map<string, number>;

/** The entries of the tables. */
function trieEntries(tables: Array<WordTable<unknown> | undefined>): TrieEntries {
  const entries: TrieEntries = new Map();
  for (const table of tables) table?.forEachEntry((word, prefix) => addTrieEntry(entries, word, prefix ? PREFIX : EXACT));
  return entries;
}

/**
 * A word. (WordTable lookups also try a word without an Arabic proclitic: the walk tries the
 * rest of a word after each proclitic it starts with, see procliticMeetsEntry, so the tries do
 * not hold each word again behind every proclitic, thirteen times their size to build.)
 */
function addTrieEntry(entries: TrieEntries, word: string, flag: number): void {
  entries.set(word, (entries.get(word) ?? 0) | flag);
}

/** The first units of the Arabic proclitics; the most units of one; procliticMeetsEntry's scratch. */
const PROCLITIC_FIRST = new Uint8Array(0x10000);
for (const p of AR_PROCLITICS) PROCLITIC_FIRST[p.charCodeAt(0)] = 1;
const PROCLITIC_MAX = Math.max(...AR_PROCLITICS.map((p) => p.length));
const PREFIX_UNITS = new Uint16Array(PROCLITIC_MAX), PREFIX_RESTS = new Int32Array(PROCLITIC_MAX);

// The trie is built once per language, in plain loops over small integers (no keys past the
// small-integer range, no arrays of arrays), each loop in a function of its own that reads only
// its arguments before the loop and does nothing after it. V8 optimises a long loop while it
// runs; the first call runs the code before the loop before V8 collects type feedback, and code
// after the loop had not run at all: either deoptimised that optimised code on a later call.
/** The entries in a flat trie. */
function buildTrie(entries: TrieEntries): StartTrie {
  const root = new Int32Array(0x10000);
  // While building, each node's edges are a list: its last edge, each edge's previous one (-1: none).
  const ends = [0], lastEdge = [-1];
  const prevEdge: number[] = [], units: number[] = [], children: number[] = [];
  insertEntries([...entries.keys()], [...entries.values()], root, ends, lastEdge, prevEdge, units, children);
  const first = new Int32Array(ends.length + 1);
  first[ends.length] = units.length;
  const edgeUnit = new Uint16Array(units.length);
  const edgeChild = new Int32Array(units.length);
  packEdges(ends.length, lastEdge, prevEdge, units, children, first, edgeUnit, edgeChild);
  return { root, first, edgeUnit, edgeChild, ends: Uint8Array.from(ends) };
}

function insertEntries(words: string[], flags: number[], root: Int32Array, ends: number[], lastEdge: number[], prevEdge: number[], units: number[], children: number[]): void {
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const u = word.charCodeAt(k);
      let child = 0;
      if (node === 0) child = root[u];
      else for (let e = lastEdge[node]; e >= 0; e = prevEdge[e]) if (units[e] === u) { child = children[e]; break; }
      if (child === 0) {
        child = ends.length;
        ends.push(0);
        lastEdge.push(-1);
        if (node === 0) root[u] = child;
        else {
          prevEdge.push(lastEdge[node]);
          units.push(u);
          children.push(child);
          lastEdge[node] = units.length - 1;
        }
      }
      node = child;
    }
    ends[node] |= flags[w];
  }
}

/** Each node's edges side by side in first/edgeUnit/edgeChild (a node's units are distinct, so their order does not matter to trieChild). */
function packEdges(nodes: number, lastEdge: number[], prevEdge: number[], units: number[], children: number[], first: Int32Array, edgeUnit: Uint16Array, edgeChild: Int32Array): void {
  for (let node = 0, at = 0; node < nodes; node++) {
    first[node] = at;
    for (let e = lastEdge[node]; e >= 0; e = prevEdge[e], at++) {
      edgeUnit[at] = units[e];
      edgeChild[at] = children[e];
    }
  }
}

/** The child of a trie node (> 0) by a unit, or 0. */
function trieChild(t: StartTrie, node: number, unit: number): number {
  const { first, edgeUnit } = t;
  for (let e = first[node], end = first[node + 1]; e < end; e++) if (edgeUnit[e] === unit) return t.edgeChild[e];
  return 0;
}

/** foldWord of one code unit (foldWord of a word is the concatenation of these), memoised. */
const unitFold: (string | undefined)[] = new Array(0x10000);
function foldedUnit(code: number): string {
  const f = unitFold[code];
  return f !== undefined ? f : (unitFold[code] = foldWord(String.fromCharCode(code)));
}
// The same as one number per unit: its one folded unit, FOLDS_EMPTY, FOLDS_LONG (two or more
// units: read foldedUnit), or FOLD_UNKNOWN.
const FOLDS_EMPTY = -1, FOLDS_LONG = -3, FOLD_UNKNOWN = -2;
const UNIT_FOLD1 = new Int32Array(0x10000).fill(FOLD_UNKNOWN);
function foldedUnit1(code: number): number {
  const u = UNIT_FOLD1[code];
  return u !== FOLD_UNKNOWN ? u : (UNIT_FOLD1[code] = foldedUnit1Of(code));
}
function foldedUnit1Of(code: number): number {
  const f = foldedUnit(code);
  return f.length === 0 ? FOLDS_EMPTY : f.length === 1 ? f.charCodeAt(0) : FOLDS_LONG;
}

// What the tokenizer sees in a unit, as bits: a digit it reads, Han, a unit it takes into a word
// (letter, mark or tatweel), a letter that may follow a joiner, a joiner.
// For mayHoldFigure also: a Chinese numeral (Han), and a unit of chineseFigures' other number forms
// (full-width digits, a point).
const P_DIGIT = 1, P_HAN = 2, P_WORD = 4, P_AFTER_JOINER = 8, P_JOINER = 16, P_ZH_NUMERAL = 32, P_ZH_NUMBER = 64, P_KNOWN = 128;
const PRE_CLASS = new Uint8Array(0x10000);
function preClass(code: number): number {
  const c = PRE_CLASS[code];
  return c !== 0 ? c : (PRE_CLASS[code] = preClassOf(code));
}
/** P_DIGIT for the digits the tokenizer reads (ASCII, Eastern Arabic, Persian), P_ZH_NUMBER for a point and the full-width digits and point. */
const NUMBER_UNITS = new Uint8Array(0x10000);
for (const zero of [0x30, 0x660, 0x6f0]) NUMBER_UNITS.fill(P_DIGIT, zero, zero + 10);
NUMBER_UNITS.fill(P_ZH_NUMBER, 0xff10, 0xff1a);
NUMBER_UNITS[0x2e] = NUMBER_UNITS[0xff0e] = P_ZH_NUMBER;
// (Every operation runs for every unit: V8 may inline this into the loops over a text after all,
// where an operation that the first units had not reached deoptimised them at the first that did.)
function preClassOf(code: number): number {
  const u = unitClass(code);
  const letter = (u & CLS_LETTER) !== 0, han = (u & CLS_HAN) !== 0;
  return P_KNOWN | NUMBER_UNITS[code] | (han ? P_HAN : 0) | (letter || code === 0x640 ? P_WORD : 0) |
    (letter && !han ? P_AFTER_JOINER : 0) | (WORD_JOINERS.has(String.fromCharCode(code)) ? P_JOINER : 0) |
    (ZH_NUMERALS.has(code) && han ? P_ZH_NUMERAL : 0);
}

/**
 * False when text[from, to) has no digit, no Chinese number before a Han unit and no word that
 * can open a quantity in lang, so that findFigures would find nothing there. A digit or a Chinese
 * numeral says true at once; other Han text only with a number of chineseFigures' other forms
 * (full-width digits, a point) in the range (the tokenizer skips Han: only chineseFigures reads
 * it, and its figures are a number then a Han unit); each word is walked along the trie from its
 * first unit; a hyphen or apostrophe inside it may end a token (elision, "twenty-five"), so an
 * exact entry counts there too.
 */
export function mayHoldFigure(text: string, from: number, to: number, lang: Lang): boolean {
  return firstQuantityStart(text, from, to, lang) >= 0;
}

/**
 * Where mayHoldFigure says true in text[from, to): the first digit or Chinese numeral, or the
 * first word that meets an entry, or `to` where only Han text with a number of chineseFigures'
 * other forms says so; -1 where it says false.
 */
function firstQuantityStart(text: string, from: number, to: number, lang: Lang): number {
  const t = startTrie(lang);
  let prevWord = false;
  let han = false, zhNumber = false;
  // One pass: a digit says true where it stands, a word where its walk does (the answer is the
  // same as of a digit scan over the whole range, then the word walks).
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const ci = preClass(code);
    // (Tests of the class bits only: a test inside the branch for Han, which the first sentences
    // had not taken, deoptimised this loop at the first Han unit.)
    if ((ci & (P_DIGIT | P_ZH_NUMERAL)) !== 0) return i;
    if ((ci & P_HAN) !== 0) {
      // (Han starts no word token: no walk from here.)
      han = true;
      prevWord = false;
      continue;
    }
    if ((ci & P_ZH_NUMBER) !== 0) zhNumber = true;
    const word = (ci & P_WORD) !== 0;
    const start = word && !prevWord;
    prevWord = word;
    if (!start) continue;
    if (wordMeetsEntry(t, text, i, to)) return i;
    i = wordRunEnd(text, i, to) - 1;
  }
  return han && zhNumber ? to : -1;
}

// Every figure also has a unit: a currency symbol before or after the number, a currency code
// before it, a unit word after it (or, for "the number of X", a counted noun before it), or a Han
// unit (chineseFigures). A sentence with none of these yields no figure, whatever numbers it holds.

/** By code unit: a currency symbol (each is one unit), the first unit of a Chinese unit word. */
const CURRENCY_MARK = 1, ZH_UNIT_MARK = 2;
const UNIT_MARKS = new Uint8Array(0x10000);
for (const c of Object.keys(CURRENCY_SYMBOLS)) {
  if (c.length !== 1) throw new Error(`figures: currency symbol of more than one unit: ${c}`);
  UNIT_MARKS[c.charCodeAt(0)] |= CURRENCY_MARK;
}

/**
 * False when text[from, to) holds no currency symbol, no Chinese unit after a Chinese number and
 * no word whose token could be a unit or a currency code (UNIT_TABLE, CURRENCY_PREFIX_WORDS, تن),
 * so that findFigures would find nothing there. Each word is walked along the trie from every
 * unit that follows one that is not a letter: wherever a token can start (also after a joiner,
 * as in an elision: "d'euros", or after Han, which the tokenizer skips unit by unit).
 */
export function mayHoldUnit(text: string, from: number, to: number): boolean {
  const t = unitTrie();
  let prevWord = false;
  let prevCode = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // A currency symbol, or the first unit of a unit of chineseFigures just after a unit its
    // number part can end with. (One test for both, run for every unit: see mayHoldFigure.)
    if ((UNIT_MARKS[code] & (CURRENCY_MARK | (ZH_BEFORE_UNIT[prevCode] << 1))) !== 0) return true;
    prevCode = code;
    const ci = preClass(code);
    if ((ci & P_HAN) !== 0) {
      prevWord = false;
      continue;
    }
    const word = (ci & P_WORD) !== 0;
    const start = word && !prevWord;
    prevWord = word;
    if (!start) continue;
    if (wordMeetsEntry(t, text, i, to)) return true;
    i = wordRunEnd(text, i, to) - 1;
    prevCode = text.charCodeAt(i);
  }
  return false;
}

/**
 * The end of the run of word units (P_WORD, not Han) from i: inside it neither prefilter has
 * anything to test (no digit, no currency symbol, no Han unit, no word start), so both step over
 * it at once after the walk from its first unit. (A unit not classified yet ends the run, and the
 * loop classifies it.)
 */
function wordRunEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to && (PRE_CLASS[text.charCodeAt(j)] & (P_WORD | P_HAN)) === P_WORD) j++;
  return j;
}

/**
 * Whether the word at i, walked along the trie unit by unit (folded, joiners skipped), meets an
 * entry (walkMeetsEntry), also after an Arabic proclitic it starts with (procliticMeetsEntry).
 */
function wordMeetsEntry(t: StartTrie, text: string, i: number, to: number): boolean {
  return walkMeetsEntry(t, text, i, to) || procliticMeetsEntry(t, text, i, to);
}

/**
 * Whether the word at i starts with a proclitic after which the rest of it, walked from the
 * trie's root, meets an entry: as the trie would if it also held each word behind each proclitic.
 */
function procliticMeetsEntry(t: StartTrie, text: string, i: number, to: number): boolean {
  // Most words start with no proclitic's first letter. (A unit that folds to nothing or to two
  // units takes the long way.)
  const u0 = foldedUnit1(text.charCodeAt(i));
  if (u0 >= 0 && PROCLITIC_FIRST[u0] === 0) return false;
  // The word's first folded units, joiners skipped as the walk skips them, and after each the
  // text position the rest of the word starts at (-1 inside a unit's fold of two or more units).
  let n = 0;
  for (let j = i; j < to && n < PROCLITIC_MAX; ) {
    const code = text.charCodeAt(j);
    const cj = preClass(code);
    // (Every operation but the fold runs for every unit, the joiner test as a product of two
    // bits: a word walked up to its own end (see mayOpenQuantity) ends the loop at its bound, not
    // at a unit that is not a letter, and tests left without type feedback that way had
    // deoptimised this loop at the first joiner.)
    const after = j + 1 < to ? preClass(text.charCodeAt(j + 1)) : 0;
    const word = cj & P_WORD;
    if ((word | ((cj & P_JOINER) * (after & P_AFTER_JOINER))) === 0) break;
    j++;
    if (word !== 0) {
      const f = foldedUnit(code);
      for (let k = 0; k < f.length && n < PROCLITIC_MAX; k++, n++) {
        PREFIX_UNITS[n] = f.charCodeAt(k);
        PREFIX_RESTS[n] = k === f.length - 1 ? j : -1;
      }
    }
  }
  for (const p of AR_PROCLITICS) {
    if (p.length > n) continue;
    let k = 0;
    while (k < p.length && p.charCodeAt(k) === PREFIX_UNITS[k]) k++;
    if (k < p.length) continue;
    // (A proclitic that ends inside a unit's fold lets the word through: the prefilter only has
    // to say true wherever a figure may be.)
    const rest = PREFIX_RESTS[p.length - 1];
    if (rest < 0 || walkMeetsEntry(t, text, rest, to)) return true;
  }
  return false;
}

/**
 * Whether the word at i, walked along the trie unit by unit (folded, joiners skipped), meets an
 * entry: an open prefix on the way, an exact word at a joiner inside it or at its end.
 */
function walkMeetsEntry(t: StartTrie, text: string, i: number, to: number): boolean {
  const { root, ends } = t;
  let node = -1; // -1: at the root
  for (let j = i; j < to && node !== 0; ) {
    const code = text.charCodeAt(j);
    const cj = preClass(code);
    if (cj & P_WORD) {
      const u = foldedUnit1(code);
      // (The test for a fold of two or more units comes first, so that every letter runs it: run
      // only for a letter that folds to nothing, it deoptimised this walk at the first such mark.)
      if (u === FOLDS_LONG) {
        const f = foldedUnit(code);
        for (let k = 0; k < f.length && node !== 0; k++) {
          const v = f.charCodeAt(k);
          node = node === -1 ? root[v] : trieChild(t, node, v);
        }
      } else if (u >= 0) node = node === -1 ? root[u] : trieChild(t, node, u);
      if (node > 0 && (ends[node] & PREFIX) !== 0) return true;
      j++;
    } else if ((cj & P_JOINER) && j + 1 < to && (preClass(text.charCodeAt(j + 1)) & P_AFTER_JOINER)) {
      if (node > 0 && (ends[node] & EXACT) !== 0) return true;
      j++;
    } else break;
  }
  return node > 0 && (ends[node] & EXACT) !== 0;
}

interface Quantity { value: number; next: number; start: number; fromWords: boolean }

/** A number (digits, number words, scale words) starting at toks[i], or null. */
function quantityAt(text: string, toks: Tok[], i: number, lang: Lang): Quantity | null {
  const t = toks[i];
  let value: number;
  let j = i + 1;
  let fromWords = false;
  let lastScale = Infinity;
  if (t.type === "num") {
    // Not a quantity: part of a date/time/range/code ("19:05", "07/02", "20-21", "COVID-19", "A320").
    // (The units around it by code: 0 stands for none, past either end of the text.)
    const before = t.start >= 1 ? text.charCodeAt(t.start - 1) : 0;
    const before2 = t.start >= 2 ? text.charCodeAt(t.start - 2) : 0;
    if (isLatinOrCyrillic(before)) return null;
    if ((NEAR_NUMBER[before] & SEP_BEFORE) !== 0 && digitAt(text, t.start - 2) !== null) return null;
    if (before === 0x2d && (unitClass(before2) & CLS_LETTER) !== 0) return null; // model names: Su-35, S-400, F-16
    if (before === 0x2116 || before === 0x23 || (before === 0x20 && before2 === 0x2116)) return null; // №, #
    const after = t.end < text.length ? text.charCodeAt(t.end) : 0;
    if ((NEAR_NUMBER[after] & (SEP_AFTER | POINT_AFTER)) !== 0 && digitAt(text, t.end + 1) !== null) return null; // 19:05, 12.03.2025
    if (after === 0x25 || after === 0x66a) return null; // %, ٪
    const next = toks[j];
    if ((NEAR_NUMBER[after] & DASH) !== 0 && next && next.type === "word" && next.start === t.end + 1) return null; // 14-й, 22-dekabr
    if (next && next.type === "word" && next.start === t.end && isLatinOrCyrillic(text.charCodeAt(next.start)) && scaleOf(next.norm, lang) === undefined) return null; // 14th
    const scaleFollows = !!next && next.type === "word" && scaleOf(next.norm, lang) !== undefined;
    value = numValue(t, lang, scaleFollows);
  } else if (t.type === "word") {
    // Most words cannot open a quantity: a walk and one memoised test instead of the table lookups below.
    if (!mayOpenQuantity(text, t, toks[j], lang)) return null;
    const words = NUMBER_WORD_TABLES.get(lang);
    const w0 = words?.get(t.norm);
    const ones = ONE_WORDS.get(lang);
    const dual = lang === "ar" || lang === "fa" || lang === "und" ? DUAL_SCALES.get(t.norm) : undefined;
    if (w0 !== undefined || (lang === "en" && t.raw.includes("-") && t.norm.length > 3 && words && splitHyphenNumber(t.raw, words) !== null)) {
      fromWords = true;
      value = 0;
      j = i;
      while (j < toks.length && toks[j].type === "word") {
        const w = toks[j] as WordToken;
        const v = words!.get(w.norm) ?? (w.raw.includes("-") ? splitHyphenNumber(w.raw, words!) : null) ?? undefined;
        if (v === undefined) {
          // "twenty and five" / "ثلاثة وعشرون": an "and" joins two number words.
          if (value && ANDS.get(w.norm) && toks[j + 1]?.type === "word" && words!.get((toks[j + 1] as WordToken).norm) !== undefined) { j++; continue; }
          break;
        }
        if (HUNDREDS.has(w.norm) || (v === 100 && j > i)) value = (value || 1) * 100;
        else value += v;
        j++;
      }
    } else if (ones?.has(t.norm) && toks[j]?.type === "word" && scaleOf((toks[j] as WordToken).norm, lang) !== undefined) {
      value = 1;
      fromWords = true;
    } else if (dual !== undefined) {
      value = dual;
      fromWords = true;
      lastScale = dual / 2;
    } else if ((lang === "ar" || lang === "fa") && scaleOf(t.norm, lang) !== undefined && !/(ين|ات)$/.test(t.norm) && toks[i - 1]?.type !== "num") {
      // A bare scale word counts one ("مليار دولار"); plurals ("ملايين الدولارات") are vague.
      value = 1;
      fromWords = true;
      j = i;
    } else return null;
  } else return null;

  // Scale words, and composite numbers with falling scales ("5 milyon 230 bin", "1 млн 200 тыс.").
  let total = 0;
  let current = value;
  for (;;) {
    const w = toks[j];
    if (w?.type === "sym" && w.raw === "." && toks[j - 1]?.type === "word" && w.start === toks[j - 1].end) { j++; continue; }
    if (w?.type !== "word") {
      // Composite continuation: a number whose own scale is smaller than the last one.
      if (w?.type === "num" && lastScale !== Infinity && toks[j + 1]?.type === "word") {
        const s = scaleOf((toks[j + 1] as WordToken).norm, lang);
        if (s !== undefined && s < lastScale) {
          total += current;
          current = numValue(w, lang, true);
          j++;
          continue;
        }
      }
      break;
    }
    const s = scaleOf(w.norm, lang);
    if (s === undefined) {
      // "و500 مليون" / "and 200 thousand" between composite parts.
      if (lastScale !== Infinity && ANDS.get(w.norm) && toks[j + 1]?.type === "num") { j++; continue; }
      break;
    }
    current *= s;
    lastScale = Math.min(lastScale === Infinity ? s : lastScale, s);
    j++;
  }
  total += current;
  if (!Number.isFinite(total) || total <= 0) return null;
  return { value: roundValue(total), next: j, start: t.start, fromWords };
}

/**
 * Whether quantityAt's word branch may take the word t (next: the token after it): English
 * hyphenated words, and mayStartQuantity, asked only where a walk along the start trie (which
 * holds every number word, scale word and Arabic dual scale of the language) meets an entry at
 * the word, or, for a "one" word, at the word after it (a "one" counts only before a scale word).
 * The walk reads the text in place: the word is not sliced or folded unless it passes.
 */
function mayOpenQuantity(text: string, t: WordToken, next: Tok | undefined, lang: Lang): boolean {
  if (lang === "en" && hyphenIn(text, t.start, t.end)) return true;
  const trie = startTrie(lang);
  if (wordMeetsEntry(trie, text, t.start, t.end) ||
    (ONE_WORDS.has(lang) && next !== undefined && next.type === "word" && wordMeetsEntry(trie, text, next.start, next.end))) return mayStartQuantity(t.info, lang);
  return false;
}

/** Whether text[from, to) holds a "-". */
function hyphenIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x2d) return true;
  return false;
}

/**
 * Whether a word is a number word, a "one" before a scale, an Arabic dual scale, or (ar/fa) a
 * scale word in the language: false when quantityAt's word branch cannot take it (apart from
 * English hyphenated numbers). Kept on the word's info for the language last asked about.
 */
function mayStartQuantity(info: WordInfo, lang: Lang): boolean {
  if (info.quantityLang !== lang) {
    const norm = info.norm;
    info.quantityLang = lang;
    info.mayStartQuantity = NUMBER_WORD_TABLES.get(lang)?.get(norm) !== undefined || ONE_WORDS.get(lang)?.has(norm) === true ||
      ((lang === "ar" || lang === "fa" || lang === "und") && DUAL_SCALES.get(norm) !== undefined) ||
      ((lang === "ar" || lang === "fa") && scaleOf(norm, lang) !== undefined);
  }
  return info.mayStartQuantity;
}

function splitHyphenNumber(raw: string, words: WordTable<number>): number | null {
  const parts = raw.split("-").map(foldWord);
  let sum = 0;
  for (const p of parts) {
    const v = words.get(p);
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** Undo binary floating-point noise from decimal × scale (146.9 × 1e9). */
function roundValue(v: number): number {
  // A whole number of at most twelve digits has no noise (toPrecision(12) gives it back).
  if (Number.isInteger(v) && v < 1e12) return v;
  return v >= 1 ? Number(v.toPrecision(12)) : v;
}

function figureAt(text: string, toks: Tok[], i: number, lang: Lang): { figure: FigureMatch; next: number } | null {
  const q = quantityAt(text, toks, i, lang);
  if (!q) return null;
  let start = q.start;

  // A currency symbol or code just before the number ("$1 billion", "USD 65 billion", "US$ 5").
  const prev = toks[i - 1];
  let prefixUnit: string | null = null;
  if (prev && !q.fromWords) {
    if (prev.type === "sym" && CURRENCY_SYMBOLS[prev.raw]) {
      prefixUnit = CURRENCY_SYMBOLS[prev.raw];
      start = prev.start;
      const pp = toks[i - 2];
      if (pp?.type === "word" && pp.end === prev.start && /^[A-Z]{1,3}$/.test(pp.raw)) start = pp.start; // US$, C$
    } else if (prev.type === "word" && CURRENCY_PREFIX_WORDS[prev.norm] && /^[A-Z][A-Za-z]{1,2}\.?$|^[A-Z]{3}$/.test(prev.raw) && prev.norm !== "us") {
      prefixUnit = CURRENCY_PREFIX_WORDS[prev.norm];
      start = prev.start;
    }
  }
  if (prefixUnit) {
    // "$5 million dollars": swallow a repeated currency word.
    let end = toks[q.next - 1].end;
    const after = toks[q.next];
    let next = q.next;
    if (after?.type === "word" && UNIT_TABLE.get(after.norm)?.kind === "money") { end = after.end; next++; }
    return { figure: { start, end, value: q.value, unit: prefixUnit, what: null, year: null }, next };
  }

  // The unit after the number: up to two adjectives may stand before a counted noun
  // ("16 other documents", "50 Afghan trucks", "5 milyon 230 bin Rus turisti").
  let j = q.next;
  let between = 0;
  let onlyDots = true;
  for (; j < toks.length && j <= q.next + 3; j++) {
    const t = toks[j];
    if (t.type === "sym") {
      const sym = CURRENCY_SYMBOLS[t.raw];
      if (sym && onlyDots) return { figure: { start, end: t.end, value: q.value, unit: sym, what: null, year: null }, next: j + 1 };
      if (t.raw === "." && j > 0 && toks[j - 1].end === t.start) continue;
      return null;
    }
    if (t.type === "num") return null;
    onlyDots = false;
    const info = unitOf(t, toks, j, lang);
    if (info) {
      if (between > 0 && (q.fromWords || (info.kind !== "count" && info.kind !== "persons"))) return null;
      // A year before a noun ("۳۰ دی ۱۳۹۳ موافقت‌نامه", "в 2022 документах"): not a count.
      const tq = toks[i];
      if ((info.kind === "count" || info.kind === "persons") && tq.type === "num" && !tq.pieces.length && q.next === i + 1 && /^(1[34]\d\d|19[5-9]\d|20[0-4]\d)$/.test(tq.int)) return null;
      // "one delegation", "one of the documents": a single thing is rarely a reported figure.
      if (q.fromWords && q.value === 1 && info.kind !== "money") return null;
      return { figure: finishFigure(text, toks, q, start, j, info, between), next: j + 1 };
    }
    if (BLOCKERS.get(t.norm)) return null;
    if (FILLERS.get(t.norm)) continue;
    // "3 milliards de dollars", "5 millones de euros": a preposition before a currency or measure.
    const nextTok = toks[j + 1];
    if (OFS.get(t.norm) && nextTok?.type === "word" && ["money", "measure"].includes(unitOf(nextTok, toks, j + 1, lang)?.kind ?? "")) continue;
    if (STOPS.get(t.norm) || t.norm.length < 3) break;
    if (++between > 2) break;
  }
  return numberOfFigure(text, toks, i, q, start);
}

/**
 * A scaled number with no unit after it, counting what a "number of X" phrase before it names
 * ("Rus ziyaretçi sayısı 3,5 milyona ulaştı", "the number of visitors reached 2 million").
 */
function numberOfFigure(text: string, toks: Tok[], i: number, q: Quantity, start: number): { figure: FigureMatch; next: number } | null {
  if (q.value < 1000 || q.next === i + 1) return null; // only "N thousand/million" forms
  let sawNumberWord = false;
  for (let k = i - 1; k >= 0 && k >= i - 7; k--) {
    const t = toks[k];
    if (t.type !== "word") return null;
    if (NUMBER_OF.get(t.norm)) { sawNumberWord = true; continue; }
    const info = UNIT_TABLE.get(t.norm);
    if (sawNumberWord || (info && toks[k + 1]?.type === "word" && NUMBER_OF.get((toks[k + 1] as WordToken).norm))) {
      if (info && (info.kind === "persons" || info.kind === "count")) {
        return { figure: { start, end: toks[q.next - 1].end, value: q.value, unit: info.unit, what: text.slice(t.start, t.end), year: null }, next: q.next };
      }
    }
  }
  return null;
}

function unitOf(t: WordToken, toks: Tok[], j: number, lang: Lang): UnitInfo | null {
  // Persian تن is a tonne, but also a counter for people ("۱۰ تن از ...", "۵۰ تن کشته شدند").
  if (t.norm === "تن" && (lang === "fa" || lang === "und")) {
    const n = toks[j + 1];
    const nn = n?.type === "word" ? n.norm : "";
    if (["از", "كشته", "زخمي", "مجروح", "نفر"].includes(nn)) return { unit: "persons", kind: "persons" };
    return { unit: "tonnes", kind: "measure" };
  }
  const info = UNIT_TABLE.get(t.norm);
  if (!info) return null;
  // Latin "som": Uzbek so'm, elsewhere Kyrgyz som.
  if (t.norm === "som" || t.norm === "sum") return { unit: lang === "uz" ? "UZS" : "KGS", kind: "money" };
  if (info.kind === "money") return refineCurrency(info, t, toks, j, lang);
  return info;
}

/** Currency words that need their neighbour or the language to say which currency. */
function refineCurrency(info: UnitInfo, t: WordToken, toks: Tok[], j: number, lang: Lang): UnitInfo {
  const nextNorm = toks[j + 1]?.type === "word" ? (toks[j + 1] as WordToken).norm : "";
  const prevNorm = toks[j - 1]?.type === "word" ? (toks[j - 1] as WordToken).norm : "";
  const near = `${prevNorm} ${nextNorm}`;
  // Arabic/Persian ريال: the Iranian rial in Persian, the riyal of the Gulf state named otherwise.
  if (t.norm.endsWith("ريال") || t.norm === "ريالا") {
    if (/قطر/.test(near)) return { unit: "QAR", kind: "money" };
    if (/عمان/.test(near)) return { unit: "OMR", kind: "money" };
    if (/يمن/.test(near)) return { unit: "YER", kind: "money" };
    if (lang === "fa" || /ايران/.test(near)) return { unit: "IRR", kind: "money" };
    return { unit: "SAR", kind: "money" };
  }
  if (info.unit === "GBP" && /^(pound|фунт|pfund|livre|libra)/.test(t.norm)) {
    if (/egypt|египет|egypt/.test(near)) return { unit: "EGP", kind: "money" };
  }
  if (info.unit === "INR" && /pakistan|пакистан/.test(near)) return { unit: "PKR", kind: "money" };
  if (info.unit === "RUB" && /belarus|белорус/.test(near)) return { unit: "BYN", kind: "money" };
  if (info.unit === "AZN" && /turkmen|туркмен/.test(near)) return { unit: "TMT", kind: "money" };
  if (info.unit === "TRY" && /(سور|لبنان)/.test(near)) return { unit: /سور/.test(near) ? "SYP" : "LBP", kind: "money" };
  return info;
}

// Arabic جنيه: Egyptian pound unless sterling is said.
UNIT_TABLE.add("جنيه", { unit: "EGP", kind: "money" });
UNIT_TABLE.add("جنيها", { unit: "EGP", kind: "money" });
UNIT_TABLE.add("ريال*", { unit: "SAR", kind: "money" });
UNIT_TABLE.add("تومان", { unit: "IRT", kind: "money" });
UNIT_TABLE.add("som", { unit: "KGS", kind: "money" });

function finishFigure(text: string, toks: Tok[], q: Quantity, start: number, j: number, info: UnitInfo, between: number): FigureMatch {
  const noun = toks[j] as WordToken;
  let end = noun.end;
  let unit = info.unit;
  let what: string | null = null;
  if (info.kind === "money") {
    // "جنيه استرليني", "фунтов стерлингов", "pounds sterling": one unit, extend the span.
    const n = toks[j + 1];
    if (n?.type === "word" && UNIT_TABLE.get(n.norm)?.unit === "GBP" && unit !== "USD") { unit = "GBP"; end = n.end; }
  } else if (info.kind === "count" || info.kind === "persons") {
    const firstWord = toks[j - between];
    let last = j;
    // "draft decisions", "memoranda of understanding": extend over the noun phrase.
    while (toks[last + 1]?.type === "word" && UNIT_TABLE.get((toks[last + 1] as WordToken).norm)?.kind === "count") last++;
    const andTok = toks[last + 1];
    const other = toks[last + 2];
    if (andTok?.type === "word" && ANDS.get(andTok.norm) && other?.type === "word" && UNIT_TABLE.get(other.norm)?.kind === "count") {
      // "individuals and entities": a mixed count.
      unit = "count";
      last += 2;
    }
    if (toks[last + 1]?.type === "word" && OFS.get((toks[last + 1] as WordToken).norm) && info.unit === "count" && /^(unit|memorand|единиц)/.test(noun.norm)) {
      last = ofObjectEnd(toks, last + 1) ?? last;
    }
    what = text.slice(firstWord.start, toks[last].end);
    end = toks[last].end;
  } else {
    // Measures: what they are of ("tonnes of wheat", "тонн пшеницы", "doses of Covaxin").
    let k = j + 1;
    if (toks[k]?.type === "word" && OFS.get((toks[k] as WordToken).norm)) k++;
    const obj = toks[k];
    if (unit !== "km" && obj?.type === "word" && !STOPS.get(obj.norm) && !BLOCKERS.get(obj.norm) && obj.norm.length >= 3 && !UNIT_TABLE.get(obj.norm)) {
      what = obj.raw;
    }
    if (unit === "km" && /^(square|sq|кв|квадрат)/.test(prevWordNorm(toks, q.next) ?? "")) unit = "km2";
  }
  return { start, end, value: q.value, unit, what, year: null };
}

function prevWordNorm(toks: Tok[], j: number): string | null {
  const t = toks[j];
  return t?.type === "word" ? t.norm : null;
}

function ofObjectEnd(toks: Tok[], ofIdx: number): number | null {
  let k = ofIdx + 1;
  let end: number | null = null;
  while (k < toks.length && k <= ofIdx + 2 && toks[k].type === "word" && !STOPS.get((toks[k] as WordToken).norm)) end = k++;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Chinese: digits or Chinese numerals, 万/亿 scales, then a unit or a classifier.

const ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";
const ZH_NUM = `[0-9０-９.．]+|[${ZH_NUMERAL_CHARS}]+`;
/** The Chinese numerals of ZH_NUM, by code unit (mayHoldFigure). */
const ZH_NUMERALS = new Set([...ZH_NUMERAL_CHARS].map((c) => c.charCodeAt(0)));
// The number is matched whole (an atomic group: a lookahead's capture, then a back-reference)
// and only from the start of a run: a long run of digits without a unit after it would
// otherwise be retried from every position with every shorter length (quadratic).
const ZH_UNIT_WORDS = ["美元", "欧元", "英镑", "卢布", "日元", "人民币", "元", "吨", "立方米", "公里", "千米", "剂", "人次", "人", "名", "位", "个", "项", "份", "艘", "架", "辆", "家", "批"];
/** The units a ZH_FIGURE number part can end with: a digit, a point, a numeral, a scale, 多/余. */
const ZH_BEFORE_UNIT_CHARS = "0123456789０１２３４５６７８９.．" + ZH_NUMERAL_CHARS + "万亿多余";
const ZH_FIGURE = new RegExp(
  `(?<![0-9０-９.．零〇一二两三四五六七八九十百千])(?=(${ZH_NUM}))\\1(多|余)?([十百千万亿]*)(多|余)?(${ZH_UNIT_WORDS.join("|")})`,
  "gu",
);
// By code unit, for mayHoldUnit: the first units of ZH_UNIT_WORDS (UNIT_MARKS), and ZH_BEFORE_UNIT_CHARS.
for (const w of ZH_UNIT_WORDS) UNIT_MARKS[w.charCodeAt(0)] |= ZH_UNIT_MARK;
const ZH_BEFORE_UNIT = new Uint8Array(0x10000);
for (const c of ZH_BEFORE_UNIT_CHARS) ZH_BEFORE_UNIT[c.charCodeAt(0)] = 1;
const ZH_UNITS: Record<string, string> = {
  美元: "USD", 欧元: "EUR", 英镑: "GBP", 卢布: "RUB", 日元: "JPY", 人民币: "CNY", 元: "CNY",
  吨: "tonnes", 立方米: "m3", 公里: "km", 千米: "km", 剂: "doses", 人次: "persons", 人: "persons", 名: "persons", 位: "persons",
};
const ZH_COUNT_NOUNS = /^(?:[\p{Script=Han}]{0,4}?)(协议|协定|文件|备忘录|合同|项目|企业|公司|代表团|船|飞机|卡车|学校|决议|声明|成果)/u;
const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a Chinese number: Arabic or Chinese digits with 十百千万亿. */
export function parseChineseNumber(s: string): number | null {
  let yi = 0, wan = 0, section = 0, digit = 0;
  let seen = false;
  for (let i = 0; i < s.length; ) {
    const m = /^[0-9０-９.．]+/.exec(s.slice(i));
    if (m) {
      digit = Number(m[0].replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace("．", "."));
      i += m[0].length;
      seen = true;
      continue;
    }
    const ch = s[i++];
    if (ch in ZH_DIGITS) { digit = ZH_DIGITS[ch]; seen = true; }
    else if (ch in ZH_SMALL) { section += (digit || 1) * ZH_SMALL[ch]; digit = 0; seen = true; }
    else if (ch === "万") { wan = (wan + section + digit) * 1e4; section = 0; digit = 0; }
    else if (ch === "亿") { yi = (yi + wan + section + digit) * 1e8; wan = 0; section = 0; digit = 0; }
    else return null;
  }
  if (!seen) return null;
  const v = yi + wan + section + digit;
  return v > 0 ? roundValue(v) : null;
}

function chineseFigures(text: string, from: number, to: number): FigureMatch[] {
  const out: FigureMatch[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(ZH_FIGURE)) {
    const [whole, num, , scale, , unitWord] = m;
    const at = from + m.index!;
    // Dates and times: 11月16日, 2023年.
    const afterNum = slice[m.index! + num.length];
    if (/[年月日时点号]/.test(afterNum ?? "")) continue;
    const value = parseChineseNumber(num + scale);
    if (value === null || value === 1) continue;
    // "两人", "三位": the participants of a meeting, not a reported figure.
    if (/^[零〇一二两三四五六七八九十]+$/.test(num) && !scale && value <= 10 && ["人", "名", "位"].includes(unitWord)) continue;
    let unit = ZH_UNITS[unitWord];
    let end = at + whole.length;
    let what: string | null = null;
    if (!unit) {
      // A classifier: only a figure when a countable noun follows (项协议, 份文件, 艘船).
      const rest = slice.slice(m.index! + whole.length, m.index! + whole.length + 8);
      const noun = ZH_COUNT_NOUNS.exec(rest);
      if (!noun) continue;
      unit = "count";
      end += noun[0].length;
      what = noun[0];
    } else if (unit === "persons" && (unitWord === "名" || unitWord === "位")) {
      const rest = slice.slice(m.index! + whole.length, m.index! + whole.length + 6);
      const noun = /^[\p{Script=Han}]{1,4}/u.exec(rest);
      if (noun) { what = noun[0].replace(/[的在于和与及].*$/u, "") || null; end += (what ?? "").length; }
    } else if (unit === "USD" || unit === "CNY" || unit === "EUR" || unit === "GBP" || unit === "RUB" || unit === "JPY") {
      what = null;
    }
    out.push({ start: at, end, value, unit, what, year: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Year and what

interface YearMention { start: number; end: number; year: number; comparison: boolean; deadline: boolean }

/**
 * A cue phrase: its words (folded), whether each is an open prefix ("trade*"), whether it must
 * stand as whole words (not in Han phrases), the literal pieces every occurrence contains and
 * their bigrams. It is matched by hand (phraseAt): a Unicode regex with letter-class lookarounds
 * per phrase cost more to compile, on first use, than the stage's whole first pass otherwise.
 */
interface Phrase { words: string[]; open: boolean[]; bounded: boolean; pieces: string[]; grams: Int32Array }


// The two-unit sequences of the text a loop over cue phrases reads, stamped (hashed to 12 bits:
// a small table stays in cache; a collision only lets a phrase through to the substring test)
// with that text's generation: a phrase with a piece whose two-unit sequences are not all stamped
// cannot occur there, which a few array reads say before any substring search.
const BIGRAM_SEEN = new Int32Array(1 << 12);
let bigramGen = 0;
const bigramKey = (a: number, b: number) => (Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> 20);

/** Stamps the two-unit sequences of s; returns the generation that marks them. */
function stampBigrams(s: string): number {
  if (++bigramGen === 0x7fffffff) {
    BIGRAM_SEEN.fill(0);
    bigramGen = 1;
  }
  for (let i = 0; i + 1 < s.length; i++) BIGRAM_SEEN[bigramKey(s.charCodeAt(i), s.charCodeAt(i + 1))] = bigramGen;
  return bigramGen;
}

/** mayOccur for the text last stamped as `gen` (any other text: mayOccur itself). */
function mayOccurStamped(p: Phrase, s: string, gen: number): boolean {
  if (gen === bigramGen) {
    const grams = p.grams;
    for (let k = 0; k < grams.length; k++) if (BIGRAM_SEEN[grams[k]] !== gen) return false;
  }
  return mayOccur(p, s);
}

/** A cue phrase as written: words split at whitespace, a trailing "*" opens a word. */
function phraseRegex(phrase: string): Phrase {
  const pieces: string[] = [];
  const words: string[] = [];
  const open: boolean[] = [];
  for (const w of phrase.split(/\s+/)) {
    const star = w.endsWith("*");
    const literal = foldWord(star ? w.slice(0, -1) : w);
    if (literal) pieces.push(literal);
    words.push(literal);
    open.push(star);
  }
  // phraseAt relies on these: a match starts at its first word's literal, and only the last word
  // may be empty (a trailing space: "ya ").
  if (!words[0] || words.slice(0, -1).some((w) => !w)) throw new Error(`figures: unusable cue phrase "${phrase}"`);
  // Every two-unit sequence of every piece, the first piece's first two first (the most telling).
  const keys: number[] = [];
  for (const piece of pieces) for (let k = 0; k + 1 < piece.length; k++) {
    const key = bigramKey(piece.charCodeAt(k), piece.charCodeAt(k + 1));
    if (!keys.includes(key)) keys.push(key);
  }
  return { words, open, bounded: !HAN.test(phrase), pieces, grams: Int32Array.from(keys) };
}

/** Whether a letter or mark ([\p{L}\p{M}], by code point) ends just before i. */
function letterBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if ((c & 0xfc00) === 0xdc00 && i >= 2 && (s.charCodeAt(i - 2) & 0xfc00) === 0xd800) return letterOrMarkWidth(s, i - 2) === 2;
  return (unitClass(c) & CLS_LETTER) !== 0;
}

/**
 * The end of the phrase's match at i in s, or -1: what its regex, sticky at i, would match:
 * (?<![\p{L}\p{M}])word1[\p{L}\p{M}]*\s+word2...(?![\p{L}\p{M}]) (an open word taking the
 * letters after it, the lookarounds only where bounded; u flag). Each run is taken whole: a
 * shorter letter run leaves a letter where whitespace or the end must come, a shorter
 * whitespace run a space where a word (which has none) must begin; only an empty last word
 * lets the last whitespace run give back a unit to the lookahead.
 */
function phraseAt(p: Phrase, s: string, i: number): number {
  if (p.bounded && letterBefore(s, i)) return -1;
  const { words, open } = p;
  let pos = i;
  let spaceRun = 0;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) {
      const spaceStart = pos;
      while (pos < s.length && SPACE_UNITS[s.charCodeAt(pos)] === 1) pos++;
      spaceRun = pos - spaceStart;
      if (spaceRun === 0) return -1;
    }
    const w = words[k];
    if (!s.startsWith(w, pos)) return -1;
    pos += w.length;
    if (open[k]) for (let n = letterOrMarkWidth(s, pos); n > 0; n = letterOrMarkWidth(s, pos)) pos += n;
  }
  if (p.bounded && letterOrMarkWidth(s, pos) > 0) {
    const last = words.length - 1;
    return last > 0 && words[last] === "" && !open[last] && spaceRun >= 2 ? pos - 1 : -1;
  }
  return pos;
}

/** The end of the phrase's first match in s at or after `from` (phraseEnd), its start, or -1. */
let phraseEnd = 0;
function phraseFind(p: Phrase, s: string, from: number): number {
  const first = p.words[0];
  for (let i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
    const end = phraseAt(p, s, i);
    if (end >= 0) {
      phraseEnd = end;
      return i;
    }
  }
  return -1;
}

/** False when the phrase cannot occur in s (a literal piece is missing). */
function mayOccur(p: Phrase, s: string): boolean {
  for (const piece of p.pieces) if (!s.includes(piece)) return false;
  return true;
}

/** Whether the phrase occurs in s (s already normalised). */
function occursIn(p: Phrase, s: string): boolean {
  return mayOccur(p, s) && phraseFind(p, s, 0) >= 0;
}

const RELATIVE_YEAR_RES: Array<[number, Phrase]> = RELATIVE_YEARS.flatMap(([off, phrases]) => phrases.map((p) => [off, phraseRegex(p)] as [number, Phrase]));
const COMPARISON_BEFORE_RES = COMPARISON_BEFORE.map(phraseRegex);
const COMPARISON_AFTER_RES = COMPARISON_AFTER.map(phraseRegex);
const BY_YEAR_WORDS = new Set(BY_YEAR.map(foldWord));

const TARGET_RES = TARGET_CUES.map(phraseRegex);
const TIMELESS_RES = TIMELESS_CUES.map(phraseRegex);
/** A Solar Hijri or Hijri year ("سال ۱۴۰۲", "соли 1403", "1445 هـ"): the figure has a year we do not convert. */
const SOLAR_OR_HIJRI_YEAR = /(سال|عام|соли)\s*1[34]\d\d(?!\d)|1[34]\d\d\s*(ه|هـ|ش)(?![\p{L}])/u;

function hasCueNorm(res: Phrase[], norm: string): boolean {
  const gen = stampBigrams(norm);
  for (const p of res) {
    if (mayOccurStamped(p, norm, gen) && phraseFind(p, norm, 0) >= 0) return true;
  }
  return false;
}

const YEAR_MENTION = /(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}.,:/\-])(19[5-9]\d|20\d\d)(?![\p{N}]|[.,:/]\d)/gu;

/** Year mentions in text[from, to); nt is normalize(text.slice(from, to)). */
function yearMentions(nt: NormalizedText, from: number, to: number, refYear: number | null, figures: FigureMatch[]): YearMention[] {
  const out: YearMention[] = [];
  const toOrig = (n: number) => from + (nt.origin[n] ?? to - from);
  const isComparison = (ns: number, ne: number) => {
    const before = nt.norm.slice(Math.max(0, ns - 30), ns);
    const after = nt.norm.slice(ne, ne + 25);
    return COMPARISON_BEFORE_RES.some((p) => occursIn(p, before)) || COMPARISON_AFTER_RES.some((p) => occursIn(p, after));
  };
  // (exec loops rather than matchAll, which copies the regex on every call; no pattern here
  // matches the empty string, so lastIndex always moves on.)
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(nt.norm); m !== null; m = YEAR_MENTION.exec(nt.norm)) {
    const s = toOrig(m.index!);
    const e = toOrig(m.index! + m[0].length);
    if (figures.some((f) => s < f.end && f.start < e)) continue;
    const before = nt.norm.slice(Math.max(0, m.index! - 12), m.index!).trim().split(/\s+/).pop() ?? "";
    out.push({ start: s, end: e, year: Number(m[1]), comparison: isComparison(m.index!, m.index! + m[0].length), deadline: BY_YEAR_WORDS.has(before) || /gacha|kadar|дейин|qadar/.test(nt.norm.slice(m.index! + 4, m.index! + 16)) });
  }
  if (refYear !== null) {
    const gen = stampBigrams(nt.norm);
    for (const [off, phrase] of RELATIVE_YEAR_RES) {
      if (!mayOccurStamped(phrase, nt.norm, gen)) continue;
      for (let at = phraseFind(phrase, nt.norm, 0); at >= 0; ) {
        const end = phraseEnd;
        out.push({ start: toOrig(at), end: toOrig(end), year: refYear + off, comparison: isComparison(at, end), deadline: false });
        at = phraseFind(phrase, nt.norm, end);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clause around a position: cut at ; : and at commas followed by a space (not 1,000 / 146,9). */
function clauseOf(text: string, from: number, to: number, at: number): Span {
  const isCut = (k: number) => {
    const c = text[k];
    if (c === ";" || c === "؛" || c === "，" || c === "；" || c === "،" || c === "、") return true;
    if ((c === "," || c === ":") && /\s/.test(text[k + 1] ?? " ")) return true;
    return false;
  };
  let s = at;
  while (s > from && !isCut(s - 1)) s--;
  let e = at;
  while (e < to && !isCut(e)) e++;
  return { start: s, end: e };
}

/**
 * The year of a figure: the nearest year mention in its clause (comparison points excluded);
 * otherwise, unless the figure is a target, the nearest year mention before it in the sentence.
 */
function pickYear(years: YearMention[], f: FigureMatch, clause: Span, target: boolean): number | null {
  const usable = years.filter((y) => !y.comparison);
  const inClause = usable.filter((y) => y.start >= clause.start && y.end <= clause.end);
  if (inClause.length) {
    const dist = (y: YearMention) => (y.end <= f.start ? f.start - y.end : y.start - f.end);
    inClause.sort((a, b) => dist(a) - dist(b));
    return inClause[0].year;
  }
  if (target) return null;
  const before = usable.filter((y) => y.end <= clause.start);
  if (before.length) return before[before.length - 1].year;
  const after = usable.filter((y) => y.start >= clause.end);
  return after.length ? after[0].year : null;
}

/** The normalised form of text[a, b) within the sentence being read (normalizeTransient(text.slice(a, b)).norm). */
type NormOf = (a: number, b: number) => string;

/**
 * Units whose fold depends on the units around them in normalize (apostrophes and the stress
 * accent, the "(" of a pinyin gloss after a Han character), and surrogates: in a text without
 * any, every unit folds on its own, so the normalised form of a part of it is the part of its
 * normalised form that those units give.
 */
const CONTEXT_UNITS = /['`\u2019\u2018\u02bb\u02bc\u00b4\u0301(\ud800-\udfff]/;

/** The units of nt.norm that come from the units [a, b) of its text (a text without CONTEXT_UNITS). */
export function normalizedSlice(nt: NormalizedText, a: number, b: number): string {
  if (b <= a) return "";
  return nt.norm.slice(firstUnitFrom(nt, a), firstUnitFrom(nt, b));
}

/** The first normalised unit whose origin is at or after x (nt.norm.length if none). */
function firstUnitFrom(nt: NormalizedText, x: number): number {
  let lo = 0, hi = nt.norm.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nt.origin[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MONEY_WHAT_RES: Array<[string, Phrase[]]> = MONEY_WHAT.map(([label, cues]) => [label, cues.map((c) => phraseRegex(c))]);

/** What a sum of money measures, said just after it ("€50 million in humanitarian aid", "10 milyar dolarlık yatırım"). */
function moneyWhatAfter(normOf: NormOf, figEnd: number, clauseEnd: number): string | null {
  const norm = normOf(figEnd, Math.min(clauseEnd, figEnd + 40));
  const gen = stampBigrams(norm);
  let best: { label: string; at: number } | null = null;
  for (const [label, res] of MONEY_WHAT_RES)
    for (const phrase of res) {
      if (!mayOccurStamped(phrase, norm, gen)) continue;
      const at = phraseFind(phrase, norm, 0);
      if (at >= 0 && (!best || at < best.at || (at === best.at && label.length > best.label.length))) best = { label, at };
    }
  return best?.label ?? null;
}

/** What a sum of money measures: the cue nearest before it in the clause, else in the sentence. */
function moneyWhat(normOf: NormOf, clauseStart: number, figStart: number, sentenceStart: number): string | null {
  for (const from of clauseStart === sentenceStart ? [clauseStart] : [clauseStart, sentenceStart]) {
    const norm = normOf(from, figStart);
    const gen = stampBigrams(norm);
    let best: { label: string; at: number } | null = null;
    for (const [label, res] of MONEY_WHAT_RES)
      for (const phrase of res) {
        if (!mayOccurStamped(phrase, norm, gen)) continue;
        for (let at = phraseFind(phrase, norm, 0); at >= 0; at = phraseFind(phrase, norm, phraseEnd)) if (!best || at > best.at || (at === best.at && label.length > best.label.length)) best = { label, at };
      }
    if (best) return best.label;
  }
  return null;
}
