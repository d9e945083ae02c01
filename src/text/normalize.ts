// Matching form of a text, with a map back to the original offsets.
//
// Lexicon phrases and document text go through the same folding so that spelling variants of one
// word compare equal: letter case, Latin diacritics, Arabic letter variants and marks, Persian
// letter variants and ZWNJ, Cyrillic letters of Tajik/Kazakh/Kyrgyz/Ukrainian folded onto their
// Russian look-alikes, apostrophes inside words (Uzbek oʻ, Turkish Rusya'nın), Eastern digits.
// Traditional Chinese characters fold onto Simplified ones (hant.ts), one for one.
// Each original character becomes zero, one or more normalised characters; `origin[i]` is the
// offset in the original text of normalised character i, so spans found in the normalised text
// map back exactly.

import { pinyinGlossEnd, simplifiedChar } from "./hant.js";

export interface NormalizedText {
  /** The folded text. */
  norm: string;
  /** origin[i] = original offset of norm[i]; origin[norm.length] = original length. */
  origin: Int32Array;
}

const FOLD = new Map<string, string>([
  // Arabic: alef variants, hamza carriers, ta marbuta, alef maqsura.
  ["أ", "ا"], ["إ", "ا"], ["آ", "ا"], ["ٱ", "ا"], ["ؤ", "و"], ["ئ", "ي"], ["ة", "ه"], ["ى", "ي"],
  // Persian letters onto the Arabic code points (ی -> ي, ک -> ك), and heh variants.
  ["ی", "ي"], ["ک", "ك"], ["ۀ", "ه"], ["ە", "ه"], ["ھ", "ه"],
  // Cyrillic letters of Tajik, Kazakh, Kyrgyz, Ukrainian, Uzbek onto Russian look-alikes.
  ["ё", "е"], ["ӣ", "и"], ["ӯ", "у"], ["ҳ", "х"], ["қ", "к"], ["ғ", "г"], ["ҷ", "ч"],
  ["ә", "а"], ["ң", "н"], ["ө", "о"], ["ұ", "у"], ["ү", "у"], ["һ", "х"], ["і", "и"],
  ["ї", "и"], ["є", "е"], ["ґ", "г"], ["ў", "у"], ["й", "и"],
  // Turkish dotless i and capital dotted I (lower-casing alone would give "i̇").
  ["ı", "i"], ["İ", "i"],
  // Letters that NFD does not decompose.
  ["ß", "ss"], ["ø", "o"], ["đ", "d"], ["ł", "l"], ["æ", "ae"], ["œ", "oe"],
]);

// Apostrophe-like characters inside words are dropped (oʻzbek, g'arb, Rusya'nın, Russia's).
const APOSTROPHES = new Set(["'", "’", "‘", "ʻ", "ʼ", "`", "´"]);
// Removed outright: tatweel, ZWNJ/ZWJ, soft hyphen, bidi marks.
const DROP = new Set(["ـ", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f", "\u061c"]);

const foldCache = new Map<string, string>();
// Basic Multilingual Plane characters are looked up by code unit: the hot path of normalize.
const bmpCache: (string | undefined)[] = new Array(0x10000);

/** Fold one character (code point) to its matching form. */
export function foldChar(ch: string): string {
  if (ch.length === 1) {
    const hit = bmpCache[ch.charCodeAt(0)];
    if (hit !== undefined) return hit;
  }
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const code = ch.codePointAt(0)!;
  if (DROP.has(ch)) out = "";
  else if (code >= 0x0660 && code <= 0x0669) out = String(code - 0x0660); // Arabic-Indic digits
  else if (code >= 0x06f0 && code <= 0x06f9) out = String(code - 0x06f0); // Persian digits
  else if ((code >= 0x064b && code <= 0x065f) || code === 0x0670) out = ""; // harakat, superscript alef
  else {
    const lower = ch.toLowerCase();
    const mapped = FOLD.get(ch) ?? FOLD.get(lower);
    if (mapped !== undefined) out = mapped;
    else {
      // Strip combining marks after canonical decomposition (Latin diacritics, Cyrillic breve).
      out = lower.normalize("NFD").replace(/\p{M}/gu, "");
      const again = FOLD.get(out);
      if (again !== undefined) out = again;
      // Traditional Chinese onto Simplified (after NFD, which unifies compatibility ideographs).
      else if (code >= FIRST_HAN) out = simplifiedChar(out) ?? out;
    }
  }
  foldCache.set(ch, out);
  if (ch.length === 1) bmpCache[ch.charCodeAt(0)] = out;
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

const ELIDED = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "dell", "dall", "nell", "sull", "all"]);
/** Whether the apostrophe at i ends an elided French/Italian word at a word start (from `from` on). */
function isElision(text: string, i: number, from: number): boolean {
  let s = i;
  while (s > from && /\p{L}/u.test(text[s - 1])) s--;
  return ELIDED.has(text.slice(s, i).toLowerCase());
}

// ignoreBOM: a leading U+FEFF is a unit of the text like any other (dropping it would shift every offset).
const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });
// Folded forms of BMP characters as code units: unit1 (-1: folds to nothing, -2: not yet
// known) and unit2 (-1: none). Filled on first sight from foldChar.
const unit1 = new Int32Array(0x10000).fill(-2);
const unit2 = new Int32Array(0x10000).fill(-1);
for (const c of [0x27, 0x60, 0x2019, 0x2018, 0x02bb, 0x02bc, 0xb4, 0x0301]) unit1[c] = -3;

// Scratch output buffers, grown as needed: the folded units are copied out into a string and the
// origins into an array of the exact length, so nothing of the worst-case size is kept.
let unitsBuf = new Uint16Array(1024);
let originBuf = new Int32Array(1025);
/** unitsBuf's bytes, read as a string without a Buffer made per call. */
let unitsBytes = Buffer.from(unitsBuf.buffer, unitsBuf.byteOffset, unitsBuf.byteLength);
/** The units of a fold that are all below 256, one byte each (read as Latin-1: a one-byte string). */
let latinBytes = Buffer.alloc(1024);
/** Below this length String.fromCharCode beats a TextDecoder call. */
const SHORT_DECODE = 24;

// Range tests of code units as one mask and one comparison: both always run, so optimised code
// has seen them however rare the range is ("c >= 0xd800 && c <= 0xdfff" optimised before any unit
// above 0xd7ff had been seen is deoptimised by the first one, and the function compiled again).
/** Whether a code unit is a surrogate (U+D800-U+DFFF). */
export function isSurrogate(c: number): boolean {
  return (c & 0xf800) === 0xd800;
}
/** Whether a code unit is a high (leading) surrogate (U+D800-U+DBFF). */
export function isHighSurrogate(c: number): boolean {
  return (c & 0xfc00) === 0xd800;
}

/**
 * What /\s/ matches, per UTF-16 unit (1 or 0): every \s character is in the Basic Multilingual
 * Plane. One table for every stage that splits on white space in place.
 */
export const SPACE_UNITS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) SPACE_UNITS[c] = 1;

/** Fold a whole text, keeping the offset map. */
export function normalize(text: string): NormalizedText {
  const n = foldInto(text);
  const origin = originBuf.slice(0, n + 1);
  return { norm: unitsToString(n), origin };
}

/**
 * normalize() without copying the offset map: `origin` is a view of a scratch buffer that the next
 * folding (normalize, fold, tokenize without a map) overwrites. For a caller that reads the result
 * at once and keeps nothing of it but strings and numbers. Given `from` and `to`, the fold of
 * text.slice(from, to), read in place (its offsets are the slice's).
 */
export function normalizeTransient(text: string, from = 0, to = text.length): NormalizedText {
  const n = foldInto(text, from, to);
  const norm = unitsToString(n);
  return { norm, origin: originBuf.subarray(0, n + 1) };
}

/**
 * Fold text[from, to) into unitsBuf/originBuf, as the slice would be (nothing outside it is read,
 * the offsets are the slice's); returns the number of units. Folding never produces more than
 * two code units per input unit (ß -> ss). (Read in place: a slice of a document is a sliced
 * string, whose every code unit is read through its parent.)
 */
function foldInto(text: string, from = 0, to = text.length): number {
  const cap = (to - from) * 2 + 2;
  if (unitsBuf.length < cap) {
    unitsBuf = new Uint16Array(cap * 2);
    originBuf = new Int32Array(cap * 2 + 1);
    unitsBytes = Buffer.from(unitsBuf.buffer, unitsBuf.byteOffset, unitsBuf.byteLength);
    latinBytes = Buffer.alloc(unitsBuf.length);
  }
  const units = unitsBuf;
  const origin = originBuf;
  let n = 0;
  // The units written other than by the ASCII path, OR-ed together, and whether one is a surrogate.
  let any = 0;
  let surrogate = false;
  for (let i = from; i < to; ) {
    const code = text.charCodeAt(i);
    // Fast path: ASCII letters and digits fold to themselves in lower case.
    if (code < 128 && code !== 39 && code !== 96) {
      // A pinyin reading glossed after a Han character ("聯(lián)合國") folds to nothing.
      if (code === 0x28 && i > from && text.charCodeAt(i - 1) >= 0x3400) {
        const end = pinyinGlossEnd(text, i, to);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      units[n] = code >= 65 && code <= 90 ? code + 32 : code;
      origin[n++] = i - from;
      i++;
      continue;
    }
    // Other BMP characters: the table, filled from foldChar on first sight.
    if (!isSurrogate(code)) {
      let u = unit1[code];
      // -3: apostrophes and the stress accent, decided by context below (a table entry rather
      // than a set lookup per character).
      if (u !== -3) {
        if (u === -2) {
          const f = foldChar(text[i]);
          u = f.length ? f.charCodeAt(0) : -1;
          unit1[code] = u;
          unit2[code] = f.length > 1 ? f.charCodeAt(1) : -1;
        }
        if (u >= 0) {
          units[n] = u;
          origin[n++] = i - from;
          any |= u;
          if (isSurrogate(u)) surrogate = true;
          const v = unit2[code];
          if (v >= 0) {
            units[n] = v;
            origin[n++] = i - from;
            any |= v;
            if (isSurrogate(v)) surrogate = true;
          }
        }
        i++;
        continue;
      }
    }
    // Surrogate pairs (outside the BMP) are folded as one code point.
    const isPair = isHighSurrogate(code) && i + 1 < to;
    const ch = isPair ? text.slice(i, i + 2) : text[i];
    const cp = isPair ? text.codePointAt(i)! : code;
    const width = ch.length;
    let out: string;
    if (APOSTROPHES.has(ch)) {
      // Inside a word the apostrophe joins (oʻzbek, Rusya'nın); after a French/Italian elided
      // article or preposition (l'ONU, d'Iran, dell'Unione) it separates; elsewhere it is a quote.
      const joins = i > from && i + width < to && isWordChar(text[i - 1]) && isWordChar(text[i + width]);
      out = joins && !isElision(text, i, from) ? "" : " ";
    } else if (cp === 0x0301) {
      out = ""; // stress accents in Russian dictionary-style text
    } else {
      out = foldChar(ch);
    }
    for (let k = 0; k < out.length && n < cap; k++) {
      const u = out.charCodeAt(k);
      units[n] = u;
      origin[n++] = i - from;
      any |= u;
      if (isSurrogate(u)) surrogate = true;
    }
    i += width;
  }
  origin[n] = to - from;
  foldedAbove255 = (any & 0xff00) !== 0;
  foldedSurrogate = surrogate;
  return n;
}

/** Whether the last foldInto wrote a unit above 255, and a surrogate. */
let foldedAbove255 = false;
let foldedSurrogate = false;

/**
 * The first n units of unitsBuf as a string (TextDecoder semantics: lone surrogates -> U+FFFD),
 * right after foldInto wrote them.
 */
function unitsToString(n: number): string {
  const units = unitsBuf;
  if (foldedSurrogate) return utf16.decode(units.subarray(0, n));
  if (n <= SHORT_DECODE) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  // Without surrogates the units are the string: read through a Buffer (several times faster
  // than TextDecoder, which only differs on lone surrogates), as one byte per unit where every
  // unit is below 256.
  // (One call for both: a second call site, first reached by the first text above Latin-1
  // after fold was optimised, would deoptimise it.)
  const latin = !foldedAbove255;
  if (latin) {
    const bytes = latinBytes;
    for (let k = 0; k < n; k++) bytes[k] = units[k];
  }
  return (latin ? latinBytes : unitsBytes).toString(latin ? "latin1" : "utf16le", 0, n * (latin ? 1 : 2));
}

// Folded forms of short strings (words, names, lexicon phrases), remembered: the same words
// are folded again and again across documents.
const foldedShort = new Map<string, string>();
const FOLD_CACHE_MAX_LENGTH = 48;
const FOLD_CACHE_SIZE = 100_000;

/** Fold a string without keeping offsets (lexicon phrases). */
export function fold(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return unitsToString(foldInto(text));
  // Plain ASCII without apostrophes folds to its lower case.
  let ascii = true;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || c === 39 || c === 96) { ascii = false; break; }
    if (c >= 65 && c <= 90) upper = true;
  }
  if (ascii) return upper ? text.toLowerCase() : text;
  const hit = foldedShort.get(text);
  if (hit !== undefined) return hit;
  const out = unitsToString(foldInto(text));
  if (foldedShort.size >= FOLD_CACHE_SIZE) foldedShort.clear();
  foldedShort.set(text, out);
  return out;
}

/**
 * fold() of a stretch of running text (the words around a trigger), without remembering it:
 * such stretches rarely recur, and would crowd the words out of fold()'s memo.
 */
export function foldStretch(text: string): string {
  return unitsToString(foldInto(text));
}

/** A word token of the normalised text with its span in the ORIGINAL text. */
export interface Token {
  /** Folded form. */
  norm: string;
  start: number;
  end: number;
  /** The token is written with an upper-case first letter in the original text. */
  capitalized: boolean;
  /** Every cased letter of the token is upper case in the original text (acronyms). */
  upper: boolean;
  /**
   * Punctuation between the previous token and this one: 0 none (spaces, quotes, hyphens, a
   * period, which inside a sentence ends an abbreviation), 1 a comma, dash or bracket, 2 a clause
   * break (; : ! ?). Phrases may only bridge a gap without clause breaks (see lexicon/matcher.ts).
   */
  pause?: number;
  /** The word ends in an apostrophe + s ("UK's", "EU’s"): an English possessive. */
  possessive?: boolean;
}

/** Pause level of a folded code unit between words (see Token.pause). */
function pauseOf(c: number): number {
  switch (c) {
    case 0x3b: case 0x3a: case 0x21: case 0x3f: case 0x61f: case 0x61b: case 0xff1b: case 0xff1a: case 0xff01: case 0xff1f: case 0x3002:
      return 2;
    case 0x2c: case 0x60c: case 0xff0c: case 0x3001: case 0x2013: case 0x2014: case 0x28: case 0x29: case 0x5b: case 0x5d:
      return 1;
    default:
      return 0;
  }
}
const APOSTROPHE_UNITS = new Set([0x27, 0x2019, 0x2bc, 0x60]);

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit (1/0; -1 not yet known). */
const wordUnit = new Int8Array(0x10000).fill(-1);
// ASCII known from the start: letters and digits (every ASCII unit then reads the table).
for (let c = 0; c < 128; c++) wordUnit[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
const wordPair = new Map<number, boolean>();

/** Whether the code point of the surrogate pair c, d is a letter or digit (/[\p{L}\p{N}]/u). */
function wordPairIs(c: number, d: number): boolean {
  const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  let w = wordPair.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    wordPair.set(cp, w);
  }
  return w;
}

/** Whether a BMP code unit is a letter or digit (\p{L}, \p{N}); a lone surrogate is not. */
export function isWordUnit(c: number): boolean {
  let w = wordUnit[c];
  if (w < 0) {
    w = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
    wordUnit[c] = w;
  }
  return w === 1;
}

/**
 * Length of the code point at `at` in `s` (read up to `end`) if it is a letter or digit, else 0
 * (the same test as the regex /[\p{L}\p{N}]/u, which reads a surrogate pair as one code point).
 */
export function wordCharWidth(s: string, at: number, end = s.length): number {
  if (at >= end) return 0;
  const c = s.charCodeAt(at);
  if (isHighSurrogate(c) && at + 1 < end) {
    const d = s.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return wordPairIs(c, d) ? 2 : 0;
  }
  return isWordUnit(c) ? 1 : 0;
}

/** Whether the code point of s starting at `at` (s read up to `end`) is a letter or digit, as a Unicode pattern reads it. */
export function wordCharAt(s: string, at: number, end = s.length): boolean {
  return wordCharWidth(s, at, end) !== 0;
}

/** Whether the code point of s ending at `end` (s read from `from`) is a letter or digit, as a Unicode pattern reads it. */
export function wordCharBefore(s: string, end: number, from = 0): boolean {
  if (end <= from) return false;
  const d = s.charCodeAt(end - 1);
  if (d >= 0xdc00 && d <= 0xdfff && end - 2 >= from) {
    const c = s.charCodeAt(end - 2);
    if (isHighSurrogate(c)) return wordPairIs(c, d);
  }
  return isWordUnit(d);
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Whether each BMP code unit is a letter or mark (1/0; -1 not yet known). */
const letterOrMarkUnit = new Int8Array(0x10000).fill(-1);

/** Whether a BMP code unit is a letter or mark (\p{L}, \p{M}); a lone surrogate is not. */
export function isLetterOrMarkUnit(c: number): boolean {
  let v = letterOrMarkUnit[c];
  if (v < 0) {
    v = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 0;
    letterOrMarkUnit[c] = v;
  }
  return v === 1;
}

/** Length of the code point at `at` if it is a letter or mark, else 0 (0 at the end of s). */
export function letterOrMarkWidth(s: string, at: number): number {
  if (at >= s.length) return 0;
  const c = s.charCodeAt(at);
  if (isHighSurrogate(c) && at + 1 < s.length) {
    const d = s.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_MARK.test(s.slice(at, at + 2)) ? 2 : 0;
  }
  return isLetterOrMarkUnit(c) ? 1 : 0;
}

/** Whether text[from, to) is all upper case (and has cased letters); read in place, not sliced. */
function isUpperSurface(text: string, from: number, to: number): boolean {
  let ascii = true;
  let sawUpper = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) { ascii = false; break; }
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) sawUpper = true;
  }
  if (ascii) return sawUpper;
  return isUpperNonAscii(text, from, to);
}

function isUpperNonAscii(text: string, from: number, to: number): boolean {
  // Case mapping goes code point by code point (no BMP letter maps to a shorter string), so
  // without surrogates a per-unit table gives the same answer as comparing the whole string.
  let changesLower = false;
  for (let k = from; k < to; k++) {
    const f = caseFlags(text.charCodeAt(k));
    if (f & SURROGATE) {
      const surface = text.slice(from, to);
      return surface === surface.toUpperCase() && surface !== surface.toLowerCase();
    }
    if (!(f & UPPER_SELF)) return false;
    if (!(f & LOWER_SELF)) changesLower = true;
  }
  return changesLower;
}

// Per BMP unit: bit 1 toUpperCase leaves it unchanged, bit 2 toLowerCase does, bit 4 surrogate;
// 0 = not computed yet (filled on first sight: the same few alphabets recur).
const UPPER_SELF = 1, LOWER_SELF = 2, SURROGATE = 4, KNOWN = 8;
const caseTable = new Uint8Array(0x10000);
function caseFlags(c: number): number {
  let f = caseTable[c];
  if (f === 0) {
    const ch = String.fromCharCode(c);
    f = KNOWN | (ch.toUpperCase() === ch ? UPPER_SELF : 0) | (ch.toLowerCase() === ch ? LOWER_SELF : 0) | (isSurrogate(c) ? SURROGATE : 0);
    caseTable[c] = f;
  }
  return f;
}

/**
 * Whether the unit of `text` at `at` differs from its lower-case form (an upper-case or
 * title-case letter); false past the end. (Read as a code, not as a one-unit string.)
 */
function isCapitalAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  // A single unit (a lone surrogate lower-cases to itself, as the table records). ASCII reads
  // the table too: one path, so that the first non-ASCII capital does not deoptimise tokenize.
  return (caseFlags(text.charCodeAt(at)) & LOWER_SELF) === 0;
}

/**
 * A Token as tokenize makes it: the fields of the object literal it used to be, in that order.
 * Made by a constructor, not a literal: V8 tracks the survival of literals' objects per site and,
 * as a document's tokens live through the whole document, would allocate them straight in the old
 * generation (pretenuring), where each costs far more to allocate and to fill with young strings.
 */
class WordToken implements Token {
  // (Declared, not defined: the constructor's assignments alone make the fields, in this order.)
  declare upper: boolean;
  declare norm: string;
  declare start: number;
  declare end: number;
  declare capitalized: boolean;
  declare pause: number;
  declare possessive: boolean;
  constructor(upper: boolean, norm: string, start: number, end: number, capitalized: boolean, pause: number, possessive: boolean) {
    this.upper = upper;
    this.norm = norm;
    this.start = start;
    this.end = end;
    this.capitalized = capitalized;
    this.pause = pause;
    this.possessive = possessive;
  }
}

/**
 * Word tokens of a text (runs of letters and digits), with original offsets. `offset` is added
 * to every offset (for a text that is a slice of a larger one starting there).
 */
export function tokenize(text: string, nt: NormalizedText = normalize(text), offset = 0): Token[] {
  return tokensOf(text, 0, text.length, nt, offset);
}

/**
 * tokenize(text.slice(from, to), nt, from) without the slice, where nt is the fold of that slice
 * (normalizeTransient(text, from, to)): the tokens' offsets are in text.
 */
export function tokenizeRange(text: string, from: number, to: number, nt: NormalizedText): Token[] {
  return tokensOf(text, from, to, nt, from);
}

/** The tokens of text[from, to), whose fold is nt, with `offset` added to their offsets in it. */
function tokensOf(text: string, from: number, to: number, nt: NormalizedText, offset: number): Token[] {
  const tokens: Token[] = [];
  const norm = nt.norm;
  const len = norm.length;
  let i = 0;
  let pause = 0;
  while (i < len) {
    let w = wordCharWidth(norm, i);
    if (!w) {
      const p = pauseOf(norm.charCodeAt(i));
      if (p > pause) pause = p;
      i++;
      continue;
    }
    const ns = i;
    do i += w;
    while (i < len && (w = wordCharWidth(norm, i)) > 0);
    const ne = i;
    const start = nt.origin[ns];
    const end = ne < nt.origin.length - 1 ? nt.origin[ne] : to - from;
    const stop = Math.max(end, start + 1);
    // "UK's": the apostrophe was folded away; the word is read without its "s" where that helps.
    const possessive = ne - ns >= 3 && norm.charCodeAt(ne - 1) === 115 && stop - start >= 3 && APOSTROPHE_UNITS.has(text.charCodeAt(from + stop - 2));
    tokens.push(new WordToken(
      isUpperSurface(text, from + start, from + Math.min(possessive ? stop - 2 : stop, to - from)),
      norm.slice(ns, ne),
      start + offset,
      stop + offset,
      isCapitalAt(text, from + start),
      pause,
      possessive,
    ));
    pause = 0;
  }
  return tokens;
}

/** Han script characters by BMP code unit (1/0; -1 not yet known). */
const hanUnit = new Int8Array(0x10000).fill(-1);
/** No character below this is of the Han script (CJK Radicals Supplement starts here). */
const FIRST_HAN = 0x2e80;

/** Whether a string contains Han characters (matched as substrings, not tokens). */
export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST_HAN) continue;
    // Supplementary planes (CJK extensions): the regex reads the surrogate pairs.
    if (isSurrogate(c)) return HAN.test(s);
    let h = hanUnit[c];
    if (h < 0) {
      h = HAN.test(String.fromCharCode(c)) ? 1 : 0;
      hanUnit[c] = h;
    }
    if (h) return true;
  }
  return false;
}
