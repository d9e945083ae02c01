// Sentence splitting: Intl.Segmenter (ICU sentence rules) per paragraph, then repairs of its
// known errors in news text: no break after abbreviations, initials ("В.В. Путин",
// "John F. Kennedy", "ج.ا.ا."), "г. Душанбе", "Jan. 5", German ordinal dates ("16. September").
// ICU already breaks on "." "!" "?" "؟" "۔" "。" "！" "？" and never on ";".

import type { Lang, Sentence, Span } from "../types.js";
import { isHighSurrogate, isSurrogate, SPACE_UNITS } from "../text/normalize.js";

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: Lang): Intl.Segmenter {
  // tg/ky/und have no tailoring of their own: root rules are the same and always available.
  const locale = lang === "und" ? "en" : lang;
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Abbreviations (lower case, final dot removed) after which a sentence practically never ends:
 * titles and words that stand before a name or place. Shared across languages, as reports mix
 * them (an English title in a Russian text).
 */
const BEFORE_NAME = new Set([
  // en
  "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
  "sen", "rep", "rev", "hon", "amb", "pres", "st", "mt", "ft", "e.g", "i.e", "cf", "approx", "vs", "viz",
  // ru / uk / kk / ky / tg
  "им", "ул", "пр", "просп", "пер", "пл", "т.е", "т.к", "т.ч", "т.н", "напр", "см", "ср", "проф",
  "акад", "ген", "тов", "обл", "р-н", "респ", "вул", "ім", "пр-т", "көш", "кӯч", "ноҳ", "мин",
  // fr
  "mme", "mlle", "mm", "me", "pr", "ste", "av", "bd", "p.ex",
  // de
  "hr", "fr", "z.b", "d.h", "u.a", "v.a", "bzw", "ca", "vgl", "sog", "mio", "mrd",
  // es
  "sr", "sra", "srta", "dra", "dña", "lic", "ing", "excmo", "excma",
  // tr
  "doç", "yrd", "cad", "sok",
]);

/** Abbreviations that stand before a number: no break when the next sentence starts with a digit. */
const BEFORE_NUMBER = new Set([
  "no", "nos", "nr", "núm", "art", "p", "pp", "pág", "s", "ch", "vol", "ст", "стр", "ч", "п", "№",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "janv", "févr", "avr", "juil", "sept", "déc", "ene", "dic", "янв", "фев", "февр", "мар", "апр",
  "авг", "сен", "сент", "окт", "ноя", "нояб", "дек",
]);

/** German months: "am 16. September" is one sentence (ICU breaks after "16."). */
const GERMAN_MONTHS = /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

/** Last token of a segment that ends in ".", without the dot and opening punctuation. */
function lastDottedToken(seg: string): { token: string; before: string } | null {
  // The run of non-space characters before a final dot (what /(\S+)\.$/u matches), found from
  // the end: the regex tried every start position of a long segment.
  const dot = seg.length - 1;
  if (dot < 1 || seg.charCodeAt(dot) !== 46) return null;
  let start = dot;
  while (start > 0 && !isSpaceUnit(seg.charCodeAt(start - 1))) start--;
  if (start === dot) return null;
  const token = seg.slice(start, dot).replace(/^[\p{Ps}\p{Pi}"'«„]+/u, "");
  return { token, before: seg.slice(0, start) };
}

/** White space (\s) by code unit. */
function isSpaceUnit(code: number): boolean {
  return SPACE_UNITS[code] === 1;
}

/**
 * Whether segment `a` (trimmed) must be joined with the following segment `b` (trimmed):
 * ICU broke after a dot that ends an abbreviation or an initial, not a sentence.
 */
export function shouldJoin(a: string, b: string, lang: Lang): boolean {
  // Text starting in lower case continues a sentence (ICU rarely breaks there, but can after
  // an abbreviation with closing quotes).
  if (/^[\p{Ll}]/u.test(b)) return true;
  const last = lastDottedToken(a);
  if (!last) return false;
  const token = last.token;
  const lower = token.toLowerCase();
  const nextStartsWithDigit = /^\p{N}/u.test(b);
  // Russian "г."/"гг.": after a number it is "год(а)" and may end the sentence
  // ("...в 2022 г. Следующая"); otherwise it is "город" before a place name ("г. Душанбе").
  if (lower === "г" || lower === "гг") return !/\p{N}\s*$/u.test(last.before);
  if (BEFORE_NAME.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower) && nextStartsWithDigit) return true;
  // Initials and single-letter abbreviations: "Ш.", "F.", "ш." (шаҳр), "ж." (жыл), and chains
  // like "В.В." or "ج.ا.ا." (ICU breaks inside those when no space follows the dot).
  if (/^\p{L}$/u.test(token) || /^(\p{L}\.)+\p{L}$/u.test(token)) {
    // Country abbreviations can end a sentence: join them only when lower case follows (above).
    if (/^(u\.s|u\.k|u\.n|e\.u|u\.s\.a|u\.a\.e|s\.a)$/i.test(token)) return false;
    return true;
  }
  // German ordinal dates.
  if ((lang === "de" || lang === "und") && /^\d{1,2}$/.test(token) && GERMAN_MONTHS.test(b)) return true;
  return false;
}

/**
 * ICU breaks at every line break. A line break inside a paragraph is a hard wrap (shown to ICU
 * as spaces, same length so offsets hold) when the next line starts in lower case or the line
 * ends with a comma, colon, hyphen or opening bracket; otherwise the line is its own unit
 * (a list item, a heading line, a date line).
 */
function unwrapLines(raw: string): string {
  if (raw.indexOf("\n") < 0) return raw;
  return raw.replace(/\r?\n/g, (m, at: number) => {
    // The last character before the break other than spaces/tabs, and the first after it.
    let b = at;
    while (b > 0 && (raw.charCodeAt(b - 1) === 32 || raw.charCodeAt(b - 1) === 9)) b--;
    let a = at + m.length;
    while (a < raw.length && (raw.charCodeAt(a) === 32 || raw.charCodeAt(a) === 9)) a++;
    const wrapped = (a < raw.length && /^\p{Ll}/u.test(raw.slice(a, a + 2))) || (b > 0 && /[,،:;\-–(«“„]/u.test(raw[b - 1]));
    return wrapped ? " ".repeat(m.length) : m;
  });
}

/**
 * Per BMP code unit (0 not computed yet): bits LETTER_OR_NUMBER (/[\p{L}\p{N}]/u),
 * LOWER_CASE_LETTER (/\p{Ll}/u), OPENING (what lastDottedToken strips: /[\p{Ps}\p{Pi}"'«„]/u);
 * KNOWN marks the entry computed. Surrogates are read as pairs, by the regexes.
 */
const KNOWN = 1, LETTER_OR_NUMBER = 2, LOWER_CASE_LETTER = 4, OPENING = 8;
const unitBits = new Uint8Array(0x10000);
const bitsOf = (c: number): number => unitBits[c] || (unitBits[c] = bitsOfUnit(String.fromCharCode(c)));
function bitsOfUnit(ch: string): number {
  return KNOWN | (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_NUMBER : 0) | (/\p{Ll}/u.test(ch) ? LOWER_CASE_LETTER : 0) | (/[\p{Ps}\p{Pi}"'«„]/u.test(ch) ? OPENING : 0);
}

/** Whether s[start, end) has a letter or number (/[\p{L}\p{N}]/u), read in place. */
function hasWordCharIn(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isSurrogate(c)) {
      if (/[\p{L}\p{N}]/u.test(s.slice(start, end))) return true;
      return false;
    }
    if ((bitsOf(c) & LETTER_OR_NUMBER) !== 0) return true;
  }
  return false;
}

/** The longest abbreviation listed: a longer final token without an inner dot joins nothing. */
const LONGEST_ABBREVIATION = Math.max(...[...BEFORE_NAME, ...BEFORE_NUMBER].map((w) => w.length));

/**
 * shouldJoin(s.slice(aStart, aEnd), s.slice(bStart, bEnd), lang), read in place for the usual
 * case: a sentence that starts with a lower-case letter continues; one after a sentence whose
 * final token (a run of non-space before a final dot, without its opening punctuation) is
 * longer than any abbreviation and has no inner dot starts anew. The rest goes to shouldJoin.
 */
function joinsPrevious(s: string, aStart: number, aEnd: number, bStart: number, bEnd: number, lang: Lang): boolean {
  const b0 = s.charCodeAt(bStart);
  if (isSurrogate(b0)) return shouldJoin(s.slice(aStart, aEnd), s.slice(bStart, bEnd), lang);
  if ((bitsOf(b0) & LOWER_CASE_LETTER) !== 0) return true;
  const dot = aEnd - 1;
  if (dot - aStart < 1 || s.charCodeAt(dot) !== 46) return false;
  let start = dot;
  while (start > aStart && !isSpaceUnit(s.charCodeAt(start - 1))) start--;
  if (start === dot) return false;
  let token = start;
  for (; token < dot; token++) {
    const c = s.charCodeAt(token);
    if (isSurrogate(c)) return shouldJoin(s.slice(aStart, aEnd), s.slice(bStart, bEnd), lang);
    if ((bitsOf(c) & OPENING) === 0) break;
  }
  const innerDot = s.lastIndexOf(".", dot - 1) >= token;
  if (dot - token > LONGEST_ABBREVIATION && !innerDot) return false;
  // A token of two or more units, without a dot or surrogate, that is neither listed nor a
  // number of one or two digits (the German ordinal date): shouldJoin's rules all pass it by.
  if (dot - token >= 2 && !innerDot && !isTwoDigits(s, token, dot)) {
    let plain = true;
    for (let i = token; i < dot && plain; i++) {
      const c = s.charCodeAt(i);
      plain = !isSurrogate(c) && c !== DOTTED_CAPITAL_I;
    }
    // (Most final words are no listed token by their first letter and length alone: the word is
    // copied and lower-cased only where they match one.)
    if (plain && ((joinLengthsOf(s.charCodeAt(token)) >>> Math.min(dot - token, 31)) & 1) === 0) return false;
    if (plain && !JOIN_TOKENS.has(s.slice(token, dot).toLowerCase())) return false;
  }
  return shouldJoin(s.slice(aStart, aEnd), s.slice(bStart, bEnd), lang);
}

/** The tokens (lower case) shouldJoin looks up: "г" and "гг", and the abbreviations. */
const JOIN_TOKENS = new Set(["г", "гг", ...BEFORE_NAME, ...BEFORE_NUMBER]);
/** İ, the one unit whose lower case is two units (so a word with it is longer lower-cased). */
const DOTTED_CAPITAL_I = 0x130;
/** Per lower-case first unit, bit n set where a token of JOIN_TOKENS of n units starts with it. */
const JOIN_LENGTHS_LOWER = new Uint32Array(0x10000);
for (const t of JOIN_TOKENS) JOIN_LENGTHS_LOWER[t.charCodeAt(0)] |= 1 << Math.min(t.length, 31);
/**
 * The bits of JOIN_LENGTHS_LOWER for a word's first unit as it is written: its lower case (the
 * first unit of a word's lower case is that of its first unit alone), cached (-1 not yet).
 */
const joinLengths = new Int32Array(0x10000).fill(-1);
function joinLengthsOf(c: number): number {
  const v = joinLengths[c];
  return v !== -1 ? v : (joinLengths[c] = JOIN_LENGTHS_LOWER[String.fromCharCode(c).toLowerCase().charCodeAt(0)]);
}

/** Whether s[from, to) is one or two ASCII digits (what /^\d{1,2}$/ matches). */
function isTwoDigits(s: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Split the body paragraphs of `text` into sentences. Sentences never cross paragraphs; spans
 * index `text` and are trimmed of surrounding whitespace; `index` counts across the document.
 */
/**
 * News sentences run to a few hundred characters; a "sentence" of thousands (a list without
 * full stops, a scraped table) is cut at clause breaks, else at spaces, so that no later stage
 * works on a span of unbounded length.
 */
const MAX_SENTENCE = 1000;
function capped(text: string, sp: Span): Span[] {
  const out: Span[] = [];
  let start = sp.start;
  while (sp.end - start > MAX_SENTENCE) {
    const window = text.slice(start, start + MAX_SENTENCE);
    let cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "), window.lastIndexOf("، "), window.lastIndexOf("，"));
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(" ");
    if (cut < MAX_SENTENCE / 2) cut = MAX_SENTENCE - 1;
    out.push({ start, end: start + cut + 1 });
    start += cut + 1;
    while (start < sp.end && isSpaceUnit(text.charCodeAt(start))) start++;
  }
  if (start < sp.end) out.push({ start, end: sp.end });
  return out;
}

/**
 * Intl.Segmenter's sentence iteration takes time quadratic in the length of the string (a
 * 141 KB paragraph took 4 s, 282 KB 15 s), so long paragraphs are segmented in windows: each
 * window's last two segments (the last may be cut by the window's end) are segmented again at
 * the start of the next window. A window without a boundary (one run-on sentence) is cut at a
 * space; capped() cuts such sentences anyway.
 */
const SEGMENT_WINDOW = 4096;

/**
 * Characters after which a sentence may end (UAX #29: Sentence_Terminal and the ATerm dots, and
 * the paragraph separators), and what may follow the first of them without a break: more
 * terminators and closing quotes or brackets, with no space (rules SB8a, SB9).
 */
const SENTENCE_TERMINAL = /[\p{Sentence_Terminal}\u2024\ufe52\uff0e\r\n\u0085\u2028\u2029]/u;
const UNBROKEN_TAIL = /^[\p{Sentence_Terminal}\u2024\ufe52\uff0e"'”’»)\]]*$/u;

/**
 * Whether the segmenter would find one sentence in s: no terminator, or only a final run of
 * them (half of all news paragraphs are one sentence; segmenting costs more than this test).
 */
export function oneSentence(s: string): boolean {
  const at = firstTerminal(s);
  return at < 0 || UNBROKEN_TAIL.test(s.slice(at));
}

/** Whether each BMP code unit is a SENTENCE_TERMINAL character (1/0; -1 not computed yet). */
const terminalUnit = new Int8Array(0x10000).fill(-1);

/** Where SENTENCE_TERMINAL first matches in s (its search, unit by unit through a table), or -1. */
function firstTerminal(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A pair is one code point to the pattern (some terminators are outside the BMP).
        if (SENTENCE_TERMINAL.test(s.slice(i, i + 2))) return i;
        i++;
        continue;
      }
    }
    let t = terminalUnit[c];
    if (t < 0) t = terminalUnit[c] = SENTENCE_TERMINAL.test(String.fromCharCode(c)) ? 1 : 0;
    if (t === 1) return i;
  }
  return -1;
}

/**
 * The segments of s (what segmenter.segment(s) finds, in windows: see SEGMENT_WINDOW), pushed to
 * `out` as pairs of numbers (start, end).
 */
function sentenceSegments(segmenter: Intl.Segmenter, s: string, out: number[]): void {
  // A string that fits in one window is segmented whole (or found to be one sentence).
  if (s.length <= SEGMENT_WINDOW) {
    if (s.length === 0) return;
    if (oneSentence(s)) out.push(0, s.length);
    else for (const seg of segmenter.segment(s)) out.push(seg.index, seg.index + seg.segment.length);
    return;
  }
  let base = 0;
  while (base < s.length) {
    const last = s.length - base <= SEGMENT_WINDOW;
    const chunk = last ? s.slice(base) : s.slice(base, base + SEGMENT_WINDOW);
    const parts: number[] = [];
    if (oneSentence(chunk)) parts.push(base, base + chunk.length);
    else for (const seg of segmenter.segment(chunk)) parts.push(base + seg.index, base + seg.index + seg.segment.length);
    if (last) {
      for (let i = 0; i < parts.length; i++) out.push(parts[i]);
      return;
    }
    const count = parts.length / 2;
    if (count >= 2) {
      const keep = count >= 3 ? count - 2 : 1;
      for (let i = 0; i < 2 * keep; i++) out.push(parts[i]);
      base = parts[2 * keep];
      continue;
    }
    // One sentence fills the window: cut it at its last space (never inside a surrogate pair).
    let cut = chunk.lastIndexOf(" ");
    if (cut < SEGMENT_WINDOW / 2) cut = SEGMENT_WINDOW;
    if (cut < chunk.length && isHighSurrogate(chunk.charCodeAt(cut - 1))) cut--;
    out.push(base, base + cut);
    base += cut;
  }
}

// ---- the sentence rules read in place -------------------------------------------------------

/**
 * Sentence_Break classes (UAX #29) of BMP code units, as ICU's rules use them; EXTEND stands for
 * Extend and Format, which the rules see through (SB5). UNSAFE: a unit this reading does not
 * handle (surrogates; unassigned and private-use units; Georgian, whose letters ICU classes apart
 * from their case; the Arabic number signs): the segmenter reads a view that has one.
 */
// (Numbered so that one comparison sorts a unit: those the scan stops at are at most STERM,
// those it passes over above; those that stop the look past a terminator at most SCONTINUE.)
const UNSAFE = 0, CR = 1, LF = 2, SEP = 3, ATERM = 4, STERM = 5, SCONTINUE = 6, OTHER = 7, SP = 8, LOWER = 9, UPPER = 10, OLETTER = 11, NUMERIC = 12, CLOSE = 13, EXTEND = 14;
/** SContinue units: those after which "a. X B" is one sentence to the segmenter (found by probing every BMP unit). */
const SCONTINUE_UNITS = ",-:;\u037e\u055d\u060c\u060d\u07f8\u1802\u1808\u2013\u2014\u3001\ufe10\ufe11\ufe13\ufe14\ufe31\ufe32\ufe50\ufe51\ufe54\ufe55\ufe58\ufe63\uff0c\uff0d\uff1a\uff1b\uff64";

/**
 * The class of a unit, from its Unicode properties as UAX #29 derives them, with the units
 * where ICU's data differs from that derivation (Line_Break values the regexes cannot read).
 * Checked against Intl.Segmenter for every BMP unit in 16 contexts, in each language the
 * pipeline names, and on random strings.
 */
function classOfUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return UNSAFE;
  if (c === 0x0d) return CR;
  if (c === 0x0a) return LF;
  if (c === 0x85 || c === 0x2028 || c === 0x2029) return SEP;
  const ch = String.fromCharCode(c);
  if (/[\p{Cn}\p{Co}]/u.test(ch)) return UNSAFE;
  if ((c >= 0x10d0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf) || (c >= 0x600 && c <= 0x605) || c === 0x6dd || c === 0x890 || c === 0x891 || c === 0x8e2) return UNSAFE;
  if (/[\p{Grapheme_Extend}\p{Mc}\p{Cf}\u200d]/u.test(ch)) return EXTEND;
  if (c === 0x5f3) return OLETTER;
  if (c === 0x66b || c === 0x66c || c === 0x19da) return NUMERIC;
  if ((c >= 0x275b && c <= 0x2760) || c === 0x2e00 || c === 0x2e01 || (c >= 0x2e06 && c <= 0x2e08) || c === 0x2e0b) return CLOSE;
  if (c === 0xff02 || c === 0xff07) return OTHER;
  if (c === 0x2e || c === 0x2024 || c === 0xfe52 || c === 0xff0e) return ATERM;
  if (/\p{Sentence_Terminal}/u.test(ch)) return STERM;
  if (/\p{White_Space}/u.test(ch)) return SP;
  if (/\p{Lowercase}/u.test(ch)) return LOWER;
  if (/[\p{Uppercase}\p{Lt}]/u.test(ch)) return UPPER;
  if (/\p{Alphabetic}/u.test(ch)) return OLETTER;
  if (/\p{Nd}/u.test(ch)) return NUMERIC;
  if (SCONTINUE_UNITS.includes(ch)) return SCONTINUE;
  if (/[\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Quotation_Mark}]/u.test(ch)) return CLOSE;
  return OTHER;
}

/** classOfUnit per code unit (NOT_CLASSED: not computed yet). */
const NOT_CLASSED = 255;
const unitClass = new Uint8Array(0x10000).fill(NOT_CLASSED);
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let v = unitClass[c];
  if (v === NOT_CLASSED) v = unitClass[c] = classOfUnit(c);
  return v;
}

/** The first position from `at` that is not an Extend or Format unit. */
function skipExtend(s: string, at: number): number {
  while (at < s.length && classAt(s, at) === EXTEND) at++;
  return at;
}

/** Where a run of paragraph separators at `at` (of class `cls`) ends: CR LF is one. */
function afterSeparator(s: string, at: number, cls: number): number {
  return cls === CR && at + 1 < s.length && s.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/**
 * The segments of s as the segmenter finds them (pairs start, end pushed to `out`), read with
 * the rules of UAX #29 in place: a break only after a terminator, its closing punctuation and
 * spaces (SB11), unless a number (SB6), a capital after a letter and a dot (SB7), lower case
 * ahead (SB8) or a comma or another terminator (SB8a) follows; and after each paragraph
 * separator (SB4). False, with `out` as it was, where s has a unit of class UNSAFE.
 */
export function ruleSegments(s: string, out: number[]): boolean {
  const n = s.length;
  const first = out.length;
  let start = 0;
  for (let i = 0; i < n; ) {
    const k = classAt(s, i);
    if (k > STERM) {
      i++;
      continue;
    }
    if (k === UNSAFE) {
      out.length = first;
      return false;
    }
    if (k === CR || k === LF || k === SEP) {
      const e = afterSeparator(s, i, k);
      out.push(start, e);
      start = i = e;
      continue;
    }
    let j = skipExtend(s, i + 1);
    if (k === ATERM && j < n) {
      const next = classAt(s, j);
      if (next === NUMERIC) {
        i = j;
        continue;
      }
      if (next === UPPER) {
        // The unit before the dot, through Extend and Format units.
        let p = i - 1;
        while (p >= 0 && classAt(s, p) === EXTEND) p--;
        const prev = p >= 0 ? classAt(s, p) : OTHER;
        if (prev === UPPER || prev === LOWER) {
          i = j;
          continue;
        }
      }
    }
    // Closing punctuation, then spaces (SB9, SB10), each with its Extend and Format units. (One
    // loop: a step past a closing quote alone, first taken after ruleSegments was optimised,
    // deoptimised it.)
    for (let spaces = false; j < n; j = skipExtend(s, j + 1)) {
      const c = classAt(s, j);
      if (c === SP) spaces = true;
      else if (c !== CLOSE || spaces) break;
    }
    if (j >= n) break;
    const x = classAt(s, j);
    // A separator ends the sentence there (SB9, SB10, SB4); a comma or another terminator
    // continues it (SB8a); the loop reads either, as it does a unit it must leave to the segmenter.
    if (x <= SCONTINUE) {
      i = j;
      continue;
    }
    if (k === ATERM) {
      // SB8: no break where lower case follows before any other letter, separator or terminator
      // (nor before a unit left to the segmenter: the loop meets it next).
      let p = j, y = x;
      while (y > STERM && y !== OLETTER && y !== UPPER && y !== LOWER) {
        if (++p >= n) break;
        y = classAt(s, p);
      }
      if (p < n && y === LOWER) {
        i = p;
        continue;
      }
    }
    out.push(start, j);
    start = i = j;
  }
  if (start < n) out.push(start, n);
  return true;
}

/**
 * Views segmented together, joined by PARAGRAPH_JOIN: one segmenter call for many short
 * paragraphs (each call has a fixed cost: the segmenter's break iterator is cloned for it). A
 * paragraph separator ends a sentence and the rules never look across one (UAX #29: SB4 breaks
 * after it; SB8's look-ahead stops at it; SB5 does not attach what follows it; SB9/SB10 keep it
 * with the sentence before it, so a sentence ending a view ends at the separator), so each
 * view's segments are those it has alone: a segment ending at a separator ends at the view's end,
 * and a segment of the separator alone (after a view ending in a line break) is no view's.
 * Groups stay within SEGMENT_WINDOW.
 */
const PARAGRAPH_JOIN = "\u2029";

/** The segments of each of `views` (indices `group`) into segs, with one segmenter call for the group. */
function segmentGroup(segmenter: Intl.Segmenter, views: string[], group: number[], segs: number[][]): void {
  if (group.length === 1) {
    // (A grouped view fits the window and is known to hold more than one sentence.)
    const out: number[] = (segs[group[0]] = []);
    for (const seg of segmenter.segment(views[group[0]])) out.push(seg.index, seg.index + seg.segment.length);
    return;
  }
  let joined = views[group[0]];
  for (let k = 1; k < group.length; k++) joined += PARAGRAPH_JOIN + views[group[k]];
  let k = 0, offset = 0, end = views[group[0]].length;
  let out: number[] = (segs[group[0]] = []);
  for (const seg of segmenter.segment(joined)) {
    const s = seg.index, e = s + seg.segment.length;
    while (s > end) {
      offset = end + 1;
      end = offset + views[group[++k]].length;
      out = segs[group[k]] = [];
    }
    if (s === end) {
      // The separator alone (the view ended in a line break).
      if (e === end + 1) continue;
    } else if (e <= end + 1) {
      out.push(s - offset, Math.min(e, end) - offset);
      continue;
    }
    // A segment across a separator: not as the rules go; each view segmented alone.
    for (const i of group) sentenceSegments(segmenter, views[i], (segs[i] = []));
    return;
  }
}

export function splitSentences(text: string, paragraphs: Span[], lang: Lang): Sentence[] {
  const segmenter = segmenterFor(lang);
  const out: Sentence[] = [];
  const raws: string[] = [];
  const views: string[] = [];
  /** Per paragraph, its segments (start, end) in its view. */
  const segs: number[][] = new Array(paragraphs.length);
  // Views the segmenter must read (more than one sentence, within a window) go in groups.
  let group: number[] = [];
  /** The length of the group's views joined. */
  let groupLength = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const raw = text.slice(paragraphs[i].start, paragraphs[i].end);
    const view = unwrapLines(raw);
    raws.push(raw);
    views.push(view);
    if (view.length === 0 || view.length > SEGMENT_WINDOW) sentenceSegments(segmenter, view, (segs[i] = []));
    else if (ruleSegments(view, (segs[i] = []))) continue;
    else if (oneSentence(view)) segs[i] = [0, view.length];
    else {
      if (group.length > 0 && groupLength + 1 + view.length > SEGMENT_WINDOW) {
        segmentGroup(segmenter, views, group, segs);
        group = [];
        groupLength = -1;
      }
      group.push(i);
      groupLength += 1 + view.length;
    }
  }
  if (group.length > 0) segmentGroup(segmenter, views, group, segs);
  paragraphs.forEach((para, pIndex) => {
    const raw = raws[pIndex];
    const view = views[pIndex];
    const spans: Span[] = [];
    const segments = segs[pIndex];
    for (let k = 0; k < segments.length; k += 2) {
      let s = segments[k], e = segments[k + 1];
      while (s < e && isSpaceUnit(view.charCodeAt(s))) s++;
      while (e > s && isSpaceUnit(view.charCodeAt(e - 1))) e--;
      if (s < e) spans.push({ start: s, end: e });
    }
    // Repairs: join across false breaks; fold punctuation-only pieces into the previous sentence.
    const joined: Span[] = [];
    for (const sp of spans) {
      const prev = joined[joined.length - 1];
      if (prev) {
        if (!hasWordCharIn(raw, sp.start, sp.end) || joinsPrevious(raw, prev.start, prev.end, sp.start, sp.end, lang)) {
          prev.end = sp.end;
          continue;
        }
      }
      joined.push({ start: sp.start, end: sp.end });
    }
    for (const whole of joined) {
      // (Most sentences are within the cap: capped() would return them as they are.)
      if (whole.end - whole.start <= MAX_SENTENCE) out.push({ start: para.start + whole.start, end: para.start + whole.end, index: out.length, paragraph: pIndex });
      else for (const sp of capped(raw, whole)) out.push({ start: para.start + sp.start, end: para.start + sp.end, index: out.length, paragraph: pIndex });
    }
  });
  return out;
}
