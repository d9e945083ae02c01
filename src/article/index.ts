// Article stage: recovers the article (title, publication date, dateline, source, body paragraphs)
// from a news page dumped to plain text, with spans into the decoded text.
//
// Works over lines with named heuristics: a "paragraph" is a line that reads like prose (long,
// or ending in sentence punctuation); the title is the last headline-like line before the first
// paragraph; the body runs from the first paragraph until a leftover block ("Read also", a list of
// headlines, copyright) begins. Cue phrases for leftovers live in ./cues.ts.

import type { Article, DecodedText, Publisher, Span } from "../types.js";
import { isHighSurrogate, isLetterOrMarkUnit, isSurrogate, SPACE_UNITS, wordCharAt, wordCharBefore } from "../text/normalize.js";
import { findDates, foldForDates, type DateMatch } from "../dates/index.js";
import { JUNK_CUES, MENU_WORDS, RELATED_CUES, REPORTING_CUES } from "./cues.js";
import { PUBLISHERS, publisherOfHost } from "./publisher.js";

interface Line extends Span {
  /** Trimmed text of the line. */
  text: string;
  /** Its letters, words and Han characters, and marks, counted when first asked for (lineStats). */
  stats?: LineStats;
}

export type LineKind = "blank" | "related" | "related_inline" | "junk" | "date" | "menu" | "paragraph" | "short";

// ---------------------------------------------------------------------------------------------
// Line classification

function splitLines(text: string): Line[] {
  // The lines of text.split("\n"), trimmed (trim() removes what /\s/ matches: IS_SPACE), read
  // in place: only a non-blank line's trimmed text is copied out.
  const lines: Line[] = [];
  const n = text.length;
  for (let pos = 0; ; ) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = n;
    let start = pos, end = eol;
    while (start < end && IS_SPACE[text.charCodeAt(start)] === 1) start++;
    while (end > start && IS_SPACE[text.charCodeAt(end - 1)] === 1) end--;
    lines.push({ start, end, text: start === end ? "" : text.slice(start, end), stats: undefined });
    if (eol === n) return lines;
    pos = eol + 1;
  }
}

const foldedCues = (cues: string[]) => [...new Set(cues.map((c) => foldForDates(c)))].sort((a, b) => b.length - a.length);
/**
 * Cues by their first unit (each list still longest first), so a line is tried only against cues
 * it can start with: per unit, 1 + the index of its list in `lists`, or 0 (a typed array: read
 * for every line, twice).
 */
interface CuesByFirstUnit { index: Uint16Array; lists: string[][] }
const byFirstUnit = (cues: string[]): CuesByFirstUnit => {
  const index = new Uint16Array(65536);
  const lists: string[][] = [];
  for (const c of cues) {
    const k = index[c.charCodeAt(0)];
    if (k !== 0) lists[k - 1].push(c);
    else {
      lists.push([c]);
      index[c.charCodeAt(0)] = lists.length;
    }
  }
  return { index, lists };
};
const RELATED = byFirstUnit(foldedCues(RELATED_CUES));
const JUNK = byFirstUnit(foldedCues(JUNK_CUES));
const MENU = new Set(MENU_WORDS.map((w) => foldForDates(w)));
/** The lengths of the menu words (a line of another length is none of them). */
const MENU_LENGTHS = new Set([...MENU].map((w) => w.length));
/** Units of a line's head that cue and menu matching can look at (a cue and the unit after it). */
const CUE_HEAD = Math.max(...[...RELATED_CUES, ...JUNK_CUES, ...MENU_WORDS].map((c) => c.length)) + 1;

/** Whether s has a digit the date stage reads (ASCII, Arabic-Indic, Persian). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) return true;
  }
  return false;
}

const HAN = /\p{Script=Han}/u;


const LETTER = /^\p{L}$/u;
/** Per BMP unit: 1 letter, 0 not, -1 not computed yet. */
const IS_LETTER = new Int8Array(65536).fill(-1);

/** Number of letters (code points in \p{L}), counted without building a match array. */
function letterCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (LETTER.test(s.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    if (isLetterUnit(c)) n++;
  }
  return n;
}

/** A single BMP unit in \p{L} (lone surrogates are not). */
function isLetterUnit(c: number): boolean {
  let l = IS_LETTER[c];
  if (l < 0) l = IS_LETTER[c] = isSurrogate(c) ? 0 : LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return l === 1;
}

/** What /\s/ matches, per BMP unit (split(/\s+/) cuts there). */
const IS_SPACE = SPACE_UNITS;

/** Whitespace-separated words containing a letter: s.split(/\s+/) filtered by /\p{L}/u, without the arrays. */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  let hasLetter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (IS_SPACE[c] === 1) {
      if (inWord && hasLetter) n++;
      inWord = false;
      hasLetter = false;
      continue;
    }
    inWord = true;
    if (hasLetter) continue;
    if (isHighSurrogate(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (LETTER.test(s.slice(i, i + 2))) hasLetter = true;
        i++;
        continue;
      }
    }
    if (isLetterUnit(c)) hasLetter = true;
  }
  if (inWord && hasLetter) n++;
  return n;
}

const LETTER_BIT = 1, SPACE_BIT = 2, HAN_BIT = 4, KNOWN_BIT = 8, MARK_BIT = 16;
/** Units classify looks for in a line (see LineStats.marks): a space, a digit, | › » > ©. */
const MARK_UNITS = new Set([0x20, 0x7c, 0x203a, 0xbb, 0x3e, 0xa9]);
/** Per BMP unit: whether it is a letter, white space (/\s/), Han, a mark unit; 0 not computed yet. */
const UNIT_CLASS = new Uint8Array(65536);
function unitClass(c: number): number {
  let f = UNIT_CLASS[c];
  if (f === 0) {
    const surrogate = isSurrogate(c);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
    f = UNIT_CLASS[c] = KNOWN_BIT | (isLetterUnit(c) ? LETTER_BIT : 0) | (IS_SPACE[c] === 1 ? SPACE_BIT : 0) |
      (!surrogate && HAN.test(String.fromCharCode(c)) ? HAN_BIT : 0) | (digit || MARK_UNITS.has(c) ? MARK_BIT : 0);
  }
  return f;
}

export interface TextStats {
  /** letterCount(s) */
  letters: number;
  /** wordCount(s) */
  words: number;
  /** HAN.test(s) */
  han: boolean;
}

/** What classify tests a line for, as bits of LineStats.marks. */
const ASCII_DIGIT = 1, DIGIT = 2, PIPE = 4, TRIPLE_SPACE = 8, ARROW_SPACE = 16, COPYRIGHT_SIGN = 32;
interface LineStats extends TextStats {
  /**
   * ASCII_DIGIT: /\d/ matches; DIGIT: hasDigit; PIPE: it includes "|"; TRIPLE_SPACE: it includes
   * "   "; ARROW_SPACE: /[›»>]\s/ matches; COPYRIGHT_SIGN: it includes "©".
   */
  marks: number;
}

/** The marks of a text, by name (for tests). */
export function lineMarks(s: string): Record<"asciiDigit" | "digit" | "pipe" | "tripleSpace" | "arrowSpace" | "copyright", boolean> {
  const m = lineStats(s, 0, s.length).marks;
  return {
    asciiDigit: (m & ASCII_DIGIT) !== 0, digit: (m & DIGIT) !== 0, pipe: (m & PIPE) !== 0,
    tripleSpace: (m & TRIPLE_SPACE) !== 0, arrowSpace: (m & ARROW_SPACE) !== 0, copyright: (m & COPYRIGHT_SIGN) !== 0,
  };
}

/** letterCount, wordCount and HAN.test of a text (or of s.slice(from, to)) in one pass. */
export function textStats(s: string, from = 0, to = s.length): TextStats {
  const { letters, words, han } = lineStats(s, from, to);
  return { letters, words, han };
}

/** textStats of s.slice(from, to), and the marks classify looks for there, in one pass. */
function lineStats(s: string, from: number, to: number): LineStats {
  let letters = 0, words = 0, han = false, marks = 0;
  let inWord = false, hasLetter = false;
  /** The length of the run of U+0020 ending here. */
  let spaces = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const pair = s.slice(i, i + 2);
        inWord = true;
        spaces = 0;
        if (LETTER.test(pair)) {
          letters++;
          hasLetter = true;
        }
        if (!han && HAN.test(pair)) han = true;
        i++;
        continue;
      }
    }
    const f = unitClass(c);
    if ((f & MARK_BIT) === 0) spaces = 0;
    else if (c === 0x20) {
      if (++spaces >= 3) marks |= TRIPLE_SPACE;
    } else {
      spaces = 0;
      if (c >= 0x30 && c <= 0x39) marks |= ASCII_DIGIT | DIGIT;
      else if (c === 0x7c) marks |= PIPE;
      else if (c === 0xa9) marks |= COPYRIGHT_SIGN;
      else if (c === 0x203a || c === 0xbb || c === 0x3e) {
        if (i + 1 < to && IS_SPACE[s.charCodeAt(i + 1)] === 1) marks |= ARROW_SPACE;
      } else marks |= DIGIT;
    }
    if ((f & SPACE_BIT) !== 0) {
      if (inWord && hasLetter) words++;
      inWord = false;
      hasLetter = false;
      continue;
    }
    inWord = true;
    if ((f & LETTER_BIT) !== 0) {
      letters++;
      hasLetter = true;
    }
    if ((f & HAN_BIT) !== 0) han = true;
  }
  if (inWord && hasLetter) words++;
  return { letters, words, han, marks };
}

/** The stats of a line of `text` (read there: a line's own text is a slice, slower to read unit by unit). */
const statsOf = (line: Line, text: string): LineStats => (line.stats ??= lineStats(text, line.start, line.end));

/** Whether the text's last unit is one of `units` (what /[units]$/u tests, for units of the BMP that are not surrogates). */
const endsWithOneOf = (units: string) => {
  const set = new Uint8Array(65536);
  for (let i = 0; i < units.length; i++) set[units.charCodeAt(i)] = 1;
  return (t: string) => t.length > 0 && set[t.charCodeAt(t.length - 1)] === 1;
};

/**
 * Cue at line start followed by a non-letter (or end): "Read also", "Читайте также:". The line
 * (its head) is folded[from, to), read in place.
 */
function startsWithCue(folded: string, from: number, to: number, cuesByFirst: CuesByFirstUnit): string | null {
  const k = cuesByFirst.index[folded.charCodeAt(from)];
  if (k === 0) return null;
  const cues = cuesByFirst.lists[k - 1];
  // (The second unit is compared first: most cues that share a line's first unit differ there.)
  const second = from + 1 < to ? folded.charCodeAt(from + 1) : -1;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    if (cue.length > to - from || (cue.length > 1 && cue.charCodeAt(1) !== second) || !folded.startsWith(cue, from)) continue;
    const next = from + cue.length < to ? folded[from + cue.length] : "";
    if (next === "" || !/[\p{L}\p{N}]/u.test(next) || !/[\p{L}]$/u.test(cue)) return cue;
  }
  return null;
}

// Heuristic: prose ends in sentence punctuation; long lines are prose even without it.
const endsSentence = endsWithOneOf(".!?。！？؟…»\"”)]");
const endsHanSentence = endsWithOneOf("。！？");
const PARAGRAPH_MIN_WORDS = 4;
// Heuristic: a date line is short (a date, a time, a weekday, a place or an agency).
const DATE_LINE_MAX = 90;
const LONG_LINE = 160;

/**
 * Whether s[from, to) holds at least n words with a letter (wordCount's words), read only as far
 * as the n-th such word's first letter.
 */
function reachesWords(s: string, from: number, to: number, n: number): boolean {
  let words = 0, hasLetter = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (!hasLetter && LETTER.test(s.slice(i, i + 2))) {
          hasLetter = true;
          if (++words >= n) return true;
        }
        i++;
        continue;
      }
    }
    const f = unitClass(c);
    if ((f & SPACE_BIT) !== 0) hasLetter = false;
    else if (!hasLetter && (f & LETTER_BIT) !== 0) {
      hasLetter = true;
      if (++words >= n) return true;
    }
  }
  return false;
}

/** A line longer than DATE_LINE_MAX with that many words is prose by their count alone (see classify), whatever else it holds. */
function proseWords(t: string): number {
  return endsSentence(t) ? PARAGRAPH_MIN_WORDS : t.length >= LONG_LINE ? 15 : 0;
}

/**
 * What t.includes("   ") tells, about three times faster: the string search looks for the
 * pattern's first unit, a space, and so stops at every word; the regex searches otherwise.
 */
const THREE_SPACES = / {3}/;

/**
 * A line's kind before classify's date test: a kind, or, for a line the date test may make a
 * "date" line (short, with a digit), the kind it is otherwise with "?" after it.
 */
type KindBeforeDates = LineKind | "junk?" | "paragraph?" | "short?";

/** The kind of a line of `text`; `foldedText` is the fold of the text. */
function classify(line: Line, text: string, foldedText: string, shortcut = true): LineKind {
  const k = kindBeforeDates(line, text, foldedText, shortcut);
  return k === "junk?" || k === "paragraph?" || k === "short?" ? settleDates(k, line.text) : k;
}

/** The kind of a line whose kind before the date test is `k` (pending): "date" where its dates cover most of it. */
function settleDates(k: "junk?" | "paragraph?" | "short?", t: string): LineKind {
  return isDateLine(t) ? "date" : k === "junk?" ? "junk" : k === "paragraph?" ? "paragraph" : "short";
}

/** classify without its date test (the costly step: the date stage on the line), as KindBeforeDates. */
function kindBeforeDates(line: Line, text: string, foldedText: string, shortcut: boolean): KindBeforeDates {
  const t = line.text;
  if (t.length === 0) return "blank";
  // Only the head of a line is compared with cues and menu words: the head of the text's fold
  // (folding maps unit to unit, so the head's fold is the fold's head).
  const head = Math.min(line.end, line.start + CUE_HEAD);
  const related = startsWithCue(foldedText, line.start, head, RELATED);
  if (related !== null) {
    // "Also Read: <headline>" on one line is a single inline leftover; a bare cue opens a block.
    const rest = t.slice(related.length).replace(/^[\s:：\-–—»>•.]+/u, "");
    return letterCount(rest) >= 10 ? "related_inline" : "related";
  }
  if (startsWithCue(foldedText, line.start, head, JUNK) !== null) return "junk";
  // A line longer than DATE_LINE_MAX (so longer than CUE_HEAD and 80 too) is never a date line or
  // a bare menu word; with the words proseWords asks for (so 3 letters or more) it is prose unless
  // a menu pattern or a photo credit's © says otherwise, Han or not (a Han line that long is prose
  // anyway). Those words are counted only up to there, and the marks are looked for by search:
  // the stats of a body paragraph are not needed.
  if (shortcut && t.length > DATE_LINE_MAX && line.stats === undefined) {
    const enough = proseWords(t);
    if (enough > 0 && reachesWords(text, line.start, line.end, enough)) {
      if ((t.includes("|") && /\s\|\s/.test(t)) || (THREE_SPACES.test(t) && /\S {3,}\S.* {3,}\S/.test(t))) return "menu";
      if (t.length < LONG_LINE && t.includes("©")) return "junk";
      return "paragraph";
    }
  }
  // Counters, times, bullets with numbers: no letters worth reading.
  const stats = statsOf(line, text);
  const marks = stats.marks;
  if (stats.letters < 3 && !stats.han) return (marks & ASCII_DIGIT) !== 0 ? "date" : "junk";
  // Menus: separators between short items, or runs of wide gaps, or a bare menu word.
  // (The marks first: the regexes only run on lines that can match them.)
  if (((marks & PIPE) !== 0 && /\s\|\s/.test(t)) || ((marks & TRIPLE_SPACE) !== 0 && /\S {3,}\S.* {3,}\S/.test(t)) ||
    (t.length < 80 && (marks & ARROW_SPACE) !== 0 && !endsSentence(t))) {
    return "menu";
  }
  if (t.length <= CUE_HEAD && MENU_LENGTHS.has(t.length) && MENU.has(foldedText.slice(line.start, head))) return "menu";
  // Date lines come next (see isDateLine): lines longer than DATE_LINE_MAX can never be date
  // lines, and absolute dates all contain digits, so a line without any has none. The test is
  // left to settleDates: the line's kind is "date" or the one found below.
  const mayBeDate = t.length <= DATE_LINE_MAX && (marks & DIGIT) !== 0;
  // Photo credits ("... in Moscow © Agency / Photographer") are captions, wherever they stand.
  if ((marks & COPYRIGHT_SIGN) !== 0 && t.length < LONG_LINE) return mayBeDate ? "junk?" : "junk";
  const { words, han } = stats;
  const prose = han
    ? (endsHanSentence(t) && t.length >= 15) || t.length >= 60
    : (endsSentence(t) && words >= PARAGRAPH_MIN_WORDS) || (t.length >= LONG_LINE && words >= 15);
  if (prose) return mayBeDate ? "paragraph?" : "paragraph";
  return mayBeDate ? "short?" : "short";
}

/** Date lines: dates (and times, weekdays) cover most of the line (t: a line of at most DATE_LINE_MAX units, with a digit). */
function isDateLine(t: string): boolean {
  // (Summed in a loop: filter's result is an array of another kind when empty, which
  // deoptimised classify at the reduce.)
  const dates = findDates(t, "und", "2000-06-15");
  let covered = 0;
  for (let k = 0; k < dates.length; k++) if (dates[k].kind === "absolute") covered += dates[k].end - dates[k].start;
  if (covered === 0) return false;
  const rest = t.replace(/\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?/gi, "");
  let outside = rest;
  for (const d of [...dates].reverse()) outside = outside.replace(t.slice(d.start, d.end), " ");
  // Heuristic: at most a few words besides the dates (weekday, place, "Updated:", agency).
  return wordCount(outside) <= 4 && t.length <= DATE_LINE_MAX && (!HAN.test(outside) || letterCount(outside) <= 10);
}

/** The kinds of the lines of a text, classified with or without the shortcut for long lines (for tests: both must agree). */
export function lineKindsOf(text: string, shortcut: boolean): LineKind[] {
  const lines = splitLines(text);
  const folded = foldForDates(text);
  return lines.map((l) => classify(l, text, folded, shortcut));
}

/**
 * The kinds of the lines of a text, each classified when first asked for (classify reads nothing
 * but its line, the text and its fold), and its date test made only where the answer asked for
 * depends on it: whether a header line is prose, or blank, does not (nor whether a line with a
 * full date is of another kind: findPublished takes its date first).
 */
class LineKinds {
  private readonly kinds: (KindBeforeDates | undefined)[];
  constructor(private readonly lines: Line[], private readonly text: string, private readonly folded: string) {
    this.kinds = new Array<KindBeforeDates | undefined>(lines.length).fill(undefined);
  }
  get length(): number {
    return this.lines.length;
  }
  private before(i: number): KindBeforeDates {
    return (this.kinds[i] ??= kindBeforeDates(this.lines[i], this.text, this.folded, true));
  }
  at(i: number): LineKind {
    const k = this.before(i);
    return k === "junk?" || k === "paragraph?" || k === "short?" ? (this.kinds[i] = settleDates(k, this.lines[i].text)) : k;
  }
  /** Whether line i is of a kind (what at(i) === kind tells, with the date test only where it decides). */
  is(i: number, kind: LineKind): boolean {
    const k = this.before(i);
    if (k === kind) return true;
    if (k === "junk?") return (kind === "junk" || kind === "date") && this.at(i) === kind;
    if (k === "paragraph?") return (kind === "paragraph" || kind === "date") && this.at(i) === kind;
    if (k === "short?") return (kind === "short" || kind === "date") && this.at(i) === kind;
    return false;
  }
  /** Whether line i may be of a kind: it is, or it is not classified yet (or not date-tested, where that decides). */
  mayBe(i: number, kind: LineKind): boolean {
    const k = this.kinds[i];
    if (k === undefined || k === kind) return true;
    if (k === "junk?") return kind === "junk" || kind === "date";
    if (k === "paragraph?") return kind === "paragraph" || kind === "date";
    if (k === "short?") return kind === "short" || kind === "date";
    return false;
  }
  set(i: number, kind: LineKind): void {
    this.kinds[i] = kind;
  }
  /** The first line of a kind, or -1. */
  indexOf(kind: LineKind): number {
    for (let i = 0; i < this.lines.length; i++) if (this.is(i, kind)) return i;
    return -1;
  }
}

/** Headline-like: enough letters, not a byline, no final full stop. */
function isTitleLike(line: Line, text: string): boolean {
  const t = line.text;
  const stats = statsOf(line, text);
  if (stats.han) return t.length >= 6;
  if (stats.letters < 15 || stats.words < 3) return false;
  const last = t.charCodeAt(t.length - 1);
  return last !== 0x2e && last !== 0x3002; // not . or 。
}

// ---------------------------------------------------------------------------------------------
// Agencies and hosts

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

/** Bit of a pair of adjacent units in a set of pairs (a hash: the set says which pairs may occur). */
const PAIR_BITS = 4096;
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BITS - 1);
/** The pairs of adjacent units of s, as a bit set (reused: filled by each call). */
const textPairs = new Uint32Array(PAIR_BITS / 32);
function pairsOf(s: string, from = 0, to = s.length): Uint32Array {
  textPairs.fill(0);
  for (let i = from; i + 1 < to; i++) {
    const bit = pairBit(s.charCodeAt(i), s.charCodeAt(i + 1));
    textPairs[bit >>> 5] |= 1 << (bit & 31);
  }
  return textPairs;
}

/**
 * `pieces`: the literal parts of the folded name; the regex runs only if all occur in the text.
 * `pairs`: the bits of the pieces' pairs of units (a piece is in a text only if they are all in
 * the text's pairs).
 */
interface Agency {
  host: string;
  name: string;
  /** Whether the name is matched only as a whole word (not next to a letter or number): all but Han names. */
  whole: boolean;
  pieces: string[];
  pairs: number[];
}
const AGENCIES: Agency[] = [];
for (const entry of PUBLISHERS) {
  for (const name of entry.names) {
    const folded = foldForDates(name);
    const pieces = folded.split(/\s+/).filter((w) => w.length > 0);
    // (nameAt reads the pieces as the name's pattern would: white space only between them, and
    // no surrogates, so that a match cannot start or end inside a pair.)
    if (pieces.join(" ") !== folded.replace(/\s+/g, " ") || /^\s|\s$|[\ud800-\udfff]/.test(folded)) {
      throw new Error(`article: agency name nameAt cannot read: ${name}`);
    }
    AGENCIES.push({
      host: entry.host,
      name,
      whole: !HAN.test(name),
      pieces,
      pairs: [...new Set(pieces.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => pairBit(w.charCodeAt(i), w.charCodeAt(i + 1)))))],
    });
  }
}

/**
 * The end of agency a's name in the folded text s at `at`, or -1: its pieces with white space
 * between them (a piece starts with no white space, so the run before it is taken whole), and a
 * whole word where a.whole. What its pattern, the escaped name with \s+ between the pieces and
 * (?<![\p{L}\p{N}]) ... (?![\p{L}\p{N}]) around a whole word, matches there. (Read in place: a
 * Unicode pattern per name, compiled on first use, was most of the first pages' agency search.)
 */
function nameAt(a: Agency, s: string, at: number): number {
  if (a.whole && wordCharBefore(s, at)) return -1;
  const pieces = a.pieces;
  let q = at + pieces[0].length;
  for (let k = 1; k < pieces.length; k++) {
    if (q >= s.length || IS_SPACE[s.charCodeAt(q)] !== 1) return -1;
    while (q < s.length && IS_SPACE[s.charCodeAt(q)] === 1) q++;
    if (!s.startsWith(pieces[k], q)) return -1;
    q += pieces[k].length;
  }
  return a.whole && wordCharAt(s, q) ? -1 : q;
}

/** For tests: each agency name, and where nameIn first finds it in a folded text ([start, end] or null). */
export function agencyNameSpans(s: string): { name: string; span: [number, number] | null }[] {
  return AGENCIES.map((a) => {
    const m = nameIn(a, s);
    return { name: a.name, span: m ? [m.index, m.end] : null };
  });
}

/** Where agency a's name first occurs in the folded text s (as its pattern's exec finds it): its start and end, or null. */
function nameIn(a: Agency, s: string): { index: number; end: number } | null {
  for (let at = s.indexOf(a.pieces[0]); at >= 0; at = s.indexOf(a.pieces[0], at + 1)) {
    const end = nameAt(a, s, at);
    if (end >= 0) return { index: at, end };
  }
  return null;
}
AGENCIES.sort((a, b) => b.name.length - a.name.length);

function hasPairs(pairs: Uint32Array, bits: number[]): boolean {
  for (let k = 0; k < bits.length; k++) if ((pairs[bits[k] >>> 5] & (1 << (bits[k] & 31))) === 0) return false;
  return true;
}

/**
 * The agencies by the bit of their name's first pair of units (a name whose pairs are all in a
 * text has that one there), as indices into AGENCIES; and whether a name has no pair at all.
 */
const AGENCIES_BY_KEY_PAIR: (number[] | undefined)[] = new Array(PAIR_BITS);
let AGENCY_WITHOUT_PAIRS = false;
AGENCIES.forEach((a, k) => {
  if (a.pairs.length === 0) AGENCY_WITHOUT_PAIRS = true;
  else (AGENCIES_BY_KEY_PAIR[a.pairs[0]] ??= []).push(k);
});

/**
 * Whether the folded text between from and to may name an agency: whether the pairs of units of
 * some agency's name are all there (without them, agencyIn finds none). Only the agencies whose
 * first pair is in the text are looked at.
 */
function mayNameAgency(folded: string, from: number, to: number): boolean {
  if (AGENCY_WITHOUT_PAIRS) return true;
  const pairs = pairsOf(folded, from, to);
  for (let i = from; i + 1 < to; i++) {
    const list = AGENCIES_BY_KEY_PAIR[pairBit(folded.charCodeAt(i), folded.charCodeAt(i + 1))];
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j++) if (hasPairs(pairs, AGENCIES[list[j]].pairs)) return true;
  }
  return false;
}

type AgencyHit = { host: string; index: number; length: number };
/** Results of agencyIn per text: the same header lines are asked about several times per page. */
const agencyMemo = new Map<string, AgencyHit | null>();
const AGENCY_MEMO_MAX = 5000;
const AGENCY_MEMO_LONGEST = 400;

/** Agency named in a piece of text -> host (the longest name wins). */
function agencyIn(s: string): AgencyHit | null {
  const memo = agencyMemo.get(s);
  if (memo !== undefined) return memo;
  const hit = findAgency(s);
  if (s.length > AGENCY_MEMO_LONGEST) return hit;
  if (agencyMemo.size >= AGENCY_MEMO_MAX) agencyMemo.clear();
  agencyMemo.set(s, hit);
  return hit;
}

/** Indices of the agencies findAgency tries (reused). */
let agencyCandidates: number[] = [];

/**
 * The indices, in order, of the agencies whose pairs of units are all in `pairs`, the pairs of
 * folded (the others cannot be named there): those whose first pair is there, checked.
 */
function agenciesWithPairs(folded: string, pairs: Uint32Array): number[] {
  const out = agencyCandidates;
  out.length = 0;
  if (AGENCY_WITHOUT_PAIRS) {
    for (let k = 0; k < AGENCIES.length; k++) if (hasPairs(pairs, AGENCIES[k].pairs)) out.push(k);
    return out;
  }
  for (let i = 0; i + 1 < folded.length; i++) {
    const list = AGENCIES_BY_KEY_PAIR[pairBit(folded.charCodeAt(i), folded.charCodeAt(i + 1))];
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j++) if (!out.includes(list[j]) && hasPairs(pairs, AGENCIES[list[j]].pairs)) out.push(list[j]);
  }
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}

function findAgency(s: string): AgencyHit | null {
  const folded = foldForDates(s);
  const pairs = pairsOf(folded);
  let best: { host: string; index: number; length: number } | null = null;
  for (const k of agenciesWithPairs(folded, pairs)) {
    const a = AGENCIES[k];
    if (!a.pieces.every((piece) => folded.includes(piece))) continue;
    const m = nameIn(a, folded);
    // Short all-caps acronyms (AA, SPA, WAM) must be written in capitals to count.
    if (!m) continue;
    const length = m.end - m.index;
    const original = s.slice(m.index, m.end);
    if (/^[A-Z]{2,4}$/.test(a.name) && original !== a.name) continue;
    if (!best || length > best.length) best = { host: a.host, index: m.index, length };
  }
  return best;
}

const TLDS = "com|net|org|info|ru|tj|kg|kz|uz|az|ir|ae|sa|tr|cn|am|pk|in|fr|de|es|eg|by|ua|tm|af|qa|kw|sy|iq|jo|lb|om|bh|ge|news|gov|int";
const DOMAIN = new RegExp(`(?<![\\p{L}\\p{N}@.-])((?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})(?:\\.[a-z]{2})?)(?![\\p{L}\\p{N}-])`, "iu");
/**
 * The ending every DOMAIN match holds (a dot, a top-level domain, what may follow it): searched
 * for first, since a text without it has no domain and the full pattern is slow to rule out.
 */
const DOMAIN_END = new RegExp(`\\.(?:${TLDS})(?:\\.[a-z]{2})?(?![\\p{L}\\p{N}-])`, "iu");
/** DOMAIN_END at its lastIndex. */
const DOMAIN_END_AT = new RegExp(DOMAIN_END.source, "iuy");

/**
 * Where DOMAIN_END first matches in s, or -1: tried only at each dot followed by what can start a
 * top-level domain (an ASCII letter, or ſ or the Kelvin sign, which the case-insensitive pattern
 * reads as s and k). The string search finds the dots several times faster than the pattern's
 * own search, which tries it at every unit.
 */
function domainEndIndex(s: string): number {
  for (let i = s.indexOf("."); i >= 0; i = s.indexOf(".", i + 1)) {
    const c = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
    const lower = c | 0x20;
    if (!(lower >= 0x61 && lower <= 0x7a) && c !== 0x17f && c !== 0x212a) continue;
    DOMAIN_END_AT.lastIndex = i;
    if (DOMAIN_END_AT.test(s)) return i;
  }
  return -1;
}

/** DOMAIN searching from its lastIndex. */
const DOMAIN_FROM = new RegExp(DOMAIN.source, "giu");
/** Units a DOMAIN match is made of (what [a-z0-9.-] matches case-insensitively: also ſ and the Kelvin sign). */
const DOMAIN_UNITS = /[a-z0-9.-]/iu;
const domainUnit = new Int8Array(0x10000).fill(-1);
const isDomainUnit = (c: number) => (domainUnit[c] < 0 ? (domainUnit[c] = DOMAIN_UNITS.test(String.fromCharCode(c)) ? 1 : 0) : domainUnit[c]) === 1;

/**
 * DOMAIN.exec(s), searched from where a match can first begin: every match is made of domain units
 * and holds a DOMAIN_END match, so none begins before the run of domain units around the first
 * DOMAIN_END match (a search from the text's start tries, and fails, at every word before it).
 */
export function firstDomain(s: string): RegExpExecArray | null {
  let from = domainEndIndex(s);
  if (from < 0) return null;
  while (from > 0 && isDomainUnit(s.charCodeAt(from - 1))) from--;
  DOMAIN_FROM.lastIndex = from;
  return DOMAIN_FROM.exec(s);
}

// ---------------------------------------------------------------------------------------------
// Dateline

interface Dateline { place: string | null; span: Span; bodyStart: number }

const AGENCY_TAIL =
  /^\s*[.,]?\s*(?:[/(（]\s*[^/()（）\n]{1,40}?\s*[/)）]\s*\.?|[–—-]\s*[\p{Lu}][^.\n–—]{1,30}\.|(?:[\p{Lu}][\p{Lu}\p{N}]+(?:\.[\p{Lu}]{2,})?)\/?\.?|(?:电|讯|電|訊))?\s*[.:,]?\s*(?:[–—-]\s*)?/u;

function cleanPlace(s: string): string | null {
  let p = s.replace(/^[\s\-–—]+|[\s,.،:\-–—]+$/gu, "").replace(/\s+(?:في|در)$/u, "").trim();
  const agency = agencyIn(p);
  if (agency && agency.index === 0) p = p.slice(agency.length).trim(); // 新华社北京 -> 北京
  return letterCount(p) >= 2 ? p : null;
}

/**
 * Whether the dateline pattern without a date can match s: its place (letters, marks, ' ’ and
 * spaces) and white space come first, so the first unit that is none of these must open the
 * agency ("(", "-", "–"). (Surrogates are let through: the pattern reads code points.)
 */
function mayOpenPlaceAgency(s: string): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  if (!isLetterOrMarkUnit(first) && !isSurrogate(first)) return false;
  let j = 1;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (IS_SPACE[c] !== 1 && c !== 0x27 && c !== 0x2019 && !isSurrogate(c) && !isLetterOrMarkUnit(c)) break;
  }
  const c = j < s.length ? s.charCodeAt(j) : -1;
  return c === 0x28 || c === 0x2d || c === 0x2013;
}

/** The dateline prefix of the first body line: "MOSCOW, Jul 9 (PTI)", "تهران- ایرنا-". */
function findDateline(text: string, line: Line, ref: string | null): Dateline | null {
  const head = text.slice(line.start, Math.min(line.end, line.start + 120));
  // Absolute dates all contain digits, and the others are taken only with one.
  const dates = hasDigit(head) ? findDates(head, "und", ref ?? "2000-06-15").filter((d) => d.kind === "absolute" || /\d/.test(head.slice(d.start, d.end))) : [];
  const first = dates[0];
  if (first && first.start <= 45) {
    const before = head.slice(0, first.start);
    const tail = AGENCY_TAIL.exec(head.slice(first.end));
    // Heuristic: a dateline is a short place ("Баку." allowed, not a sentence) separated from the
    // date by punctuation or "في", or followed by an agency mark; "Рӯзи 16 январ дар ..." is prose.
    const marked = tail !== null && tail[0].trim().length > 0;
    // Chinese datelines end in 电/讯 ("新华社北京3月4日电"); a sentence that names a day early
    // ("王毅与鲁比奥11日在吉隆坡会面") is prose.
    const separated = HAN.test(before) ? marked : /(?:[,.،\-–—]|\sفي|\sدر)\s*$/u.test(before);
    const placeLike = /^[^\d!?«»"“”]{2,45}$/u.test(before) && wordCount(before) <= 4 &&
      !(/[.!?]\s\S/u.test(before.trim()) && wordCount(before) > 2);
    if (placeLike && (separated || marked)) {
      const end = first.end + (tail ? tail[0].length : 0);
      // Also accept a place with a trailing " - " and "في" (Arabic "أبوظبي في 7 فبراير").
      return {
        place: cleanPlace(before),
        span: { start: line.start, end: line.start + end },
        bodyStart: line.start + end,
      };
    }
  }
  // Without a date: "SOÇİ (AA) - ...", "تهران- ایرنا- ...".
  if (!mayOpenPlaceAgency(head)) return null;
  const m = /^(?<place>[\p{L}\p{M}][\p{L}\p{M}'’ ]{1,30}?)\s*(?:\((?<ag>[^()\n]{1,25})\)|[-–]\s*(?<ag2>[\p{L}\p{M}]{2,15})\s*[-–])\s*[-–—:]?\s*/u.exec(head);
  if (m && m.groups) {
    const place = m.groups.place;
    const ag = m.groups.ag ?? m.groups.ag2 ?? "";
    const capsPlace = place === place.toUpperCase() && /\p{Lu}/u.test(place);
    if (agencyIn(ag) || (capsPlace && m.groups.ag)) {
      return { place: cleanPlace(place), span: { start: line.start, end: line.start + m[0].length }, bodyStart: line.start + m[0].length };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Metadata header

/**
 * Fields a dump may open with, before the page itself: " date 2023-12-05 ...", "Date: 2023-12",
 * "url: https://...", "source: gov.uk". A field's value may be followed by the page's text on the
 * same line.
 */
export interface MetaHeader {
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the field gives it. */
  published: { value: string; span: Span } | null;
  url: { value: string; span: Span } | null;
  /** A source named by a "source:" field (a host or a name). */
  source: { value: string; span: Span } | null;
  /** Spans of the fields (key and value), which are not part of the page. */
  spans: Span[];
}

const META_KEY = /(date|published|publish_date|pubdate|datetime|time|url|link|canonical|source|site)[ \t]*[:=]?[ \t]*/iy;
const ISO_DATE = /(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{L}\p{N}])/uy;
const URL_VALUE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/\S*)?(?=\s|$)/iy;

/** An ISO date value ("2023-12-05", "2023-12", "2023-12-05T10:00Z") at `at`, checked for range. */
function isoDateAt(text: string, at: number): { value: string; end: number } | null {
  ISO_DATE.lastIndex = at;
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]), mo = m[2] ? Number(m[2]) : null, d = m[3] ? Number(m[3]) : null;
  if (y < 1900 || y > 2100 || (mo !== null && (mo < 1 || mo > 12))) return null;
  if (d !== null && (d < 1 || d > new Date(Date.UTC(y, mo!, 0)).getUTCDate())) return null;
  // A bare year is a date only when nothing else follows on the line.
  if (mo === null && /\S/.test(text.slice(m.index + m[0].length, text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at)))) return null;
  return { value: [m[1], m[2], m[3]].filter(Boolean).join("-"), end: m.index + m[0].length };
}

/** Reads the metadata fields at the top of a dump (blank lines between them allowed). */
export function readMetaHeader(text: string): MetaHeader {
  const out: MetaHeader = { published: null, url: null, source: null, spans: [] };
  let pos = 0;
  for (let n = 0; n < 8; n++) {
    while (pos < text.length && IS_SPACE[text.charCodeAt(pos)] === 1) pos++;
    META_KEY.lastIndex = pos;
    const k = META_KEY.exec(text);
    if (!k) break;
    const key = k[1].toLowerCase();
    const at = k.index + k[0].length;
    const eol = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
    let end = -1;
    if (/date|published|time/.test(key)) {
      let d = isoDateAt(text, at);
      if (!d) {
        // Any other way of writing a full date, right after the key ("Date: 5 December 2023").
        const ds = findDates(text, "und", null, { start: at, end: Math.min(eol, at + 40) }).filter((x) => x.kind === "absolute");
        if (ds[0] && ds[0].start === at) d = { value: ds[0].value, end: ds[0].end };
      }
      if (!d) break;
      if (!out.published) out.published = { value: d.value, span: { start: at, end: d.end } };
      end = d.end;
    } else if (key === "source" || key === "site") {
      // "source: gov.uk" or "Source: Reuters" on a line of its own (a name only after a colon).
      const value = text.slice(at, eol).trim();
      if (!value || value.length > 60 || wordCount(value) > 5) break;
      if (!k[0].includes(":") && !k[0].includes("=") && !DOMAIN.test(value)) break;
      if (!out.source) out.source = { value, span: { start: at, end: at + value.length } };
      end = at + value.length;
    } else {
      URL_VALUE.lastIndex = at;
      const u = URL_VALUE.exec(text);
      if (!u) break;
      if (!out.url) out.url = { value: u[0], span: { start: at, end: at + u[0].length } };
      end = at + u[0].length;
    }
    out.spans.push({ start: k.index, end });
    pos = end;
    // The page starts on the same line: the header is over.
    if (/\S/.test(text.slice(end, eol))) break;
  }
  return out;
}

/** The text with the metadata fields blanked out (same length, so every offset still holds). */
function withoutHeader(text: string, header: MetaHeader): string {
  let out = text;
  for (const s of header.spans) out = out.slice(0, s.start) + out.slice(s.start, s.end).replace(/[^\n]/g, " ") + out.slice(s.end);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

export function parseTextDump(doc: DecodedText): Article {
  const header = readMetaHeader(doc.text);
  // The page proper: metadata fields blanked, so they are neither title nor body.
  const text = header.spans.length ? withoutHeader(doc.text, header) : doc.text;
  const lines = splitLines(text);
  // The whole text folded once (the date stage folds it too, and keeps the last few folds).
  const folded = foldForDates(text);
  // Lines are classified when first asked for: the lines after the body (a page's menus, lists of
  // other headlines, footer) are only read where a step goes on to them.
  const kinds = new LineKinds(lines, text, folded);

  // Body start: the first prose line.
  const firstPara = kinds.indexOf("paragraph");

  // Title: the nearest headline-like line above the first paragraph that is not furniture.
  const titleIdx = firstPara >= 0 ? findTitle(text, lines, kinds, firstPara) : -1;
  // Known gap: a headline ending in a full stop reads as prose and is taken for the body.

  // Body: from the first paragraph until a leftover block starts.
  const paragraphs: Span[] = [];
  let dateline: Dateline | null = null;
  let publishedMatch: { value: string; span: Span } | null = null;

  // Published date: header lines (between title and body first, then above the title).
  const headerOrder: number[] = [];
  const bodyStartLine = firstPara >= 0 ? firstPara : lines.length;
  for (let i = titleIdx + 1; i < bodyStartLine; i++) headerOrder.push(i);
  for (let i = 0; i < Math.max(titleIdx, 0); i++) headerOrder.push(i);
  publishedMatch = header.published ?? findPublished(text, lines, kinds, headerOrder);

  if (firstPara >= 0) {
    dateline = findDateline(text, lines[firstPara], publishedMatch?.value ?? null) ?? datelineAbove(lines, kinds, firstPara);
    if (!publishedMatch && dateline) {
      const ds = findDates(text, "und", null, dateline.span).filter((d) => d.value.length === 10);
      if (ds[0]) publishedMatch = { value: ds[0].value, span: { start: ds[0].start, end: ds[0].end } };
    }
    const last = lastNonBlank(kinds);
    if (last > firstPara && kinds.is(last, "short") && cutShort(text, lines[last], kinds, last)) kinds.set(last, "paragraph");
    collectBody(lines, kinds, firstPara, dateline, paragraphs);
  }

  const title = titleIdx >= 0 ? lines[titleIdx] : null;
  // The source: a header field, else the first hit not cited in the body; the publisher: a
  // header field's, else that of the first hit with one. Hits are read until both are known.
  const headerSource = sourceOf(header);
  let publisher = headerPublisher(header);
  let source: string | null = headerSource;
  if (headerSource === null || publisher === null) {
    let sourceKnown = headerSource !== null;
    sourceHits(text, folded, lines, kinds, dateline, firstPara, paragraphs, (h) => {
      if (!sourceKnown && h.from !== "cited") {
        source = h.host;
        sourceKnown = true;
      }
      if (publisher === null) publisher = hitPublisher(h);
      // Cited hits never give the source: once they come, only the publisher is looked for.
      return (sourceKnown || h.from === "cited") && publisher !== null;
    });
  }
  return {
    name: doc.name,
    origin: doc.origin,
    text: doc.text,
    title: title ? title.text : null,
    titleSpan: title ? { start: title.start, end: title.end } : null,
    published: publishedMatch?.value ?? null,
    publishedSpan: publishedMatch?.span ?? null,
    dateline: dateline ? { place: dateline.place, span: dateline.span } : null,
    source,
    publisher,
    paragraphs,
    cut: paragraphs.length > 0 && endsCut(text, paragraphs[paragraphs.length - 1]),
  };
}

/** A paragraph that stops mid-sentence: a broken last character, or a word or comma where the text stops. */
function endsCut(text: string, p: Span): boolean {
  // (Read in place: the last code point of the span, what /[\p{L}\p{N},،，]$/u tests, through the
  // table of letters and numbers; then a search for a line break after it.)
  if (p.end <= p.start) return false;
  const last = text.charCodeAt(p.end - 1);
  if (last === 0xfffd) return true;
  return (last === 0x2c || last === 0x60c || last === 0xff0c || wordCharBefore(text, p.end, p.start)) && text.indexOf("\n", p.end) < 0;
}

/** The publisher and its country from a header field (url, source), if one names a known publisher. */
function headerPublisher(header: MetaHeader): Publisher | null {
  const fields: { host: string | null; span: Span }[] = [];
  if (header.url) fields.push({ host: hostOf(header.url.value), span: header.url.span });
  if (header.source) {
    const v = header.source.value;
    fields.push({ host: DOMAIN.test(v) ? hostOf(v) : agencyIn(v)?.host ?? null, span: header.source.span });
  }
  for (const f of fields) {
    const p = f.host ? publisherOfHost(f.host) : null;
    if (p) return { country: p.country, host: p.host, from: "header", kind: p.kind, international: p.international, span: f.span };
  }
  return null;
}

/** The publisher a source hit names, if it is a known one. */
function hitPublisher(h: SourceHit): Publisher | null {
  const p = publisherOfHost(h.host);
  return p ? { country: p.country, host: p.host, from: h.from, kind: p.kind, international: p.international, span: h.span } : null;
}

/** The publisher a name stands for ("TASS", "Kazinform", a site name; "By PTI"), by the table. */
export function publisherNamed(name: string): string | null {
  const a = agencyIn(name);
  return a && letterCount(name) - a.length <= 3 ? a.host : null;
}

/** The host a header's url or source field names. */
function sourceOf(header: MetaHeader): string | null {
  if (header.url) return hostOf(header.url.value);
  if (header.source) return DOMAIN.test(header.source.value) ? hostOf(header.source.value) : agencyIn(header.source.value)?.host ?? null;
  return null;
}

/** "https://www.gov.uk/news/x" -> "gov.uk". */
export function hostOf(url: string): string | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`).hostname.toLowerCase().replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * The title line above the first paragraph: the nearest headline-like line that is not furniture,
 * a photo caption (written twice, as caption and alt text) or a "Place - Agency" line; and of a
 * headline and a restatement of it below (a deck), the headline.
 */
function findTitle(text: string, lines: Line[], kinds: LineKinds, firstPara: number): number {
  const headline = (i: number) =>
    kinds.mayBe(i, "short") && isTitleLike(lines[i], text) && kinds.is(i, "short") && publisherNamed(lines[i].text) === null && !placeAgencyLine(lines[i].text);
  // A line written twice in a row is a caption, unless nothing else above can be the title (then
  // it is the headline written twice).
  const candidate = (i: number) => headline(i) && !isCaptionPair(lines, i);
  let title = -1;
  for (let i = firstPara - 1; i >= 0; i--) if (candidate(i)) { title = i; break; }
  if (title < 0) for (let i = firstPara - 1; i >= 0; i--) if (headline(i)) { title = i; break; }
  if (title < 0) return -1;
  // A headline a few lines above saying the same (not the same line repeated) is the title.
  for (let i = title - 1, seen = 0; i >= 0 && seen < 4; i--) {
    if (kinds.is(i, "blank")) continue;
    seen++;
    if (kinds.is(i, "paragraph") || kinds.is(i, "menu") || kinds.is(i, "related")) break;
    if (candidate(i) && lines[i].text !== lines[title].text && restates(lines[i].text, lines[title].text)) return i;
  }
  return title;
}

/** Content words (folded, 4+ letters or digits) of a line. */
function wordsOf(s: string): string[] {
  return foldForDates(s).match(/[\p{L}\p{N}]{4,}/gu) ?? [];
}

/** Two lines sharing most of their content words: at least three, and half of the shorter line's. */
function restates(a: string, b: string): boolean {
  const wa = wordsOf(a), wb = new Set(wordsOf(b));
  const shared = new Set(wa.filter((w) => wb.has(w))).size;
  return shared >= 3 && shared * 2 >= Math.min(new Set(wa).size, wb.size);
}

/** s without the U+FFFD at its end (what s.replace(/\uFFFD+$/u, "") gives, without a copy when there are none). */
function withoutBrokenEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0xfffd) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** A line written twice in a row (one may be cut short): a photo caption and its alt text. */
function isCaptionPair(lines: Line[], i: number): boolean {
  const t = withoutBrokenEnd(lines[i].text);
  if (t.length < 20) return false;
  const same = (j: number) => {
    const u = j >= 0 && j < lines.length ? withoutBrokenEnd(lines[j].text) : undefined;
    return !!u && u.length >= 20 && (u.startsWith(t) || t.startsWith(u));
  };
  return same(i - 1) || same(i + 1);
}

/**
 * A "Place - Agency" line of its own just above the body ("Shafaq News - Baghdad"): the dateline.
 * The place is the part that is not a known agency or a "... News" name.
 */
function datelineAbove(lines: Line[], kinds: LineKinds, firstPara: number): Dateline | null {
  for (let i = firstPara - 1, seen = 0; i >= 0 && seen < 2; i--) {
    if (kinds.is(i, "blank")) continue;
    seen++;
    const line = lines[i];
    if (!placeAgencyLine(line.text)) continue;
    const parts = line.text.split(/\s*[-–—]\s*/u).filter((x) => x.trim());
    if (parts.length !== 2) return null;
    const agencyLike = (x: string) => publisherNamed(x) !== null || /\b(?:news|press|agency|times|post|tv)\b|نيوز|نیوز|ньюс|news$/iu.test(x);
    const place = agencyLike(parts[0]) && !agencyLike(parts[1]) ? parts[1] : !agencyLike(parts[0]) && agencyLike(parts[1]) ? parts[0] : null;
    if (!place) return null;
    return { place, span: { start: line.start, end: line.end }, bodyStart: lines[firstPara].start };
  }
  return null;
}

/** "Shafaq News - Baghdad", "Тартус – САНА": a place and an agency, and nothing else. */
function placeAgencyLine(t: string): boolean {
  const m = /^([^\s\-–—|:][^\-–—|:]{0,30}?)\s*[-–—]\s*([^\-–—|:]{2,30})$/u.exec(t);
  if (!m || wordCount(t) > 4 || !/\s[-–—]|[-–—]\s/u.test(t)) return false;
  return wordCount(m[1]) <= 3 && wordCount(m[2]) <= 3;
}


function findPublished(
  text: string, lines: Line[], kinds: LineKinds, order: number[],
): { value: string; span: Span } | null {
  let yearless: { line: number; match: DateMatch } | null = null;
  let monthOnly: DateMatch | null = null;
  for (const i of order) {
    if (kinds.is(i, "blank") || kinds.is(i, "paragraph")) continue;
    // Only absolute dates are taken here, and they all contain digits.
    if (!hasDigit(lines[i].text)) continue;
    const all = findDates(text, "und", null, lines[i]).filter((d) => d.kind === "absolute");
    const ds = all.filter((d) => d.value.length === 10);
    if (ds[0]) return { value: ds[0].value, span: { start: ds[0].start, end: ds[0].end } };
    // A date line giving only a month ("December 2023"): the date at that precision, if no
    // header line gives a day.
    if (!monthOnly && kinds.is(i, "date") && all.length === 1 && all[0].value.length === 7) monthOnly = all[0];
    if (!yearless && kinds.is(i, "date")) {
      const probe = findDates(text, "und", "2000-12-31", lines[i]).filter((d) => d.kind === "absolute" && d.value.length === 10);
      if (probe[0]) yearless = { line: i, match: probe[0] };
    }
  }
  if (yearless) {
    // Heuristic: a year-less date line ("April 18") takes a year written on a nearby line ("06:28 2020").
    for (const j of [yearless.line + 1, yearless.line - 1, yearless.line + 2, yearless.line - 2]) {
      const line = lines[j];
      if (!line || kinds.is(j, "paragraph")) continue;
      const y = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/.exec(line.text);
      if (y) {
        const ds = findDates(text, "und", `${y[1]}-12-31`, lines[yearless.line]).filter((d) => d.value.length === 10);
        if (ds[0]) return { value: ds[0].value, span: { start: ds[0].start, end: ds[0].end } };
      }
    }
  }
  return monthOnly ? { value: monthOnly.value, span: { start: monthOnly.start, end: monthOnly.end } } : null;
}

function collectBody(
  lines: Line[], kinds: LineKinds, firstPara: number, dateline: Dateline | null, out: Span[],
): void {
  let pending: Span[] = []; // short lines inside the body, kept only if prose follows
  let shortRun = 0;
  for (let i = firstPara; i < lines.length; i++) {
    const line = lines[i];
    const kind = kinds.at(i);
    if (kind === "blank" || kind === "junk" || kind === "date" || kind === "related_inline") continue;
    if (kind === "menu") break;
    if (kind === "related") {
      // A bare "Read also" with a single headline followed by more prose sits inside the body.
      const next = nextNonBlank(kinds, i + 1);
      const after = next >= 0 ? nextNonBlank(kinds, next + 1) : -1;
      const afterAfter = after >= 0 ? nextNonBlank(kinds, after + 1) : -1;
      if (next >= 0 && kinds.is(next, "short") && after >= 0 && kinds.is(after, "paragraph") && afterAfter >= 0 && kinds.is(afterAfter, "paragraph")) {
        i = next;
        continue;
      }
      break;
    }
    if (kind === "short") {
      // A run of headline-like lines is a list of other articles: the body has ended.
      shortRun++;
      if (shortRun >= 2) break;
      pending.push({ start: line.start, end: line.end });
      continue;
    }
    // paragraph
    shortRun = 0;
    out.push(...pending);
    pending = [];
    const start = i === firstPara && dateline ? Math.max(dateline.bodyStart, line.start) : line.start;
    if (start < line.end) out.push({ start, end: line.end });
  }
}

function lastNonBlank(kinds: LineKinds): number {
  for (let i = kinds.length - 1; i >= 0; i--) if (!kinds.is(i, "blank")) return i;
  return -1;
}

/**
 * The last line of a text cut off mid-sentence (an excerpt, a truncated dump): prose without its
 * end, right after the body's prose (or one subheading after it). A cut is a broken character at
 * the end, or the text stopping on that line with no sentence end and no line break.
 */
function cutShort(text: string, line: Line, kinds: LineKinds, i: number): boolean {
  const t = line.text;
  if (endsSentence(t) || statsOf(line, text).words < 2) return false;
  if (!endsCut(text, line)) return false;
  let j = i - 1;
  while (j >= 0 && kinds.is(j, "blank")) j--;
  if (j >= 0 && kinds.is(j, "short")) {
    j--;
    while (j >= 0 && kinds.is(j, "blank")) j--;
  }
  return j >= 0 && kinds.is(j, "paragraph");
}

function nextNonBlank(kinds: LineKinds, from: number): number {
  for (let i = from; i < kinds.length; i++) if (!kinds.is(i, "blank")) return i;
  return -1;
}

/** Where the text names its publisher: an agency name or a domain, with its span. */
interface SourceHit { host: string; span: Span; from: "dateline" | "masthead" | "footer" | "domain" | "cited" }

/** The agency a line names, as a hit with its span in the text. */
function agencyHit(text: string, foldedText: string, span: Span, from: SourceHit["from"]): SourceHit | null {
  if (!mayNameAgency(foldedText, span.start, span.end)) return null;
  const a = agencyIn(text.slice(span.start, span.end));
  return a ? { host: a.host, span: { start: span.start + a.index, end: span.start + a.index + a.length }, from } : null;
}

function domainHit(text: string, span: Span, from: SourceHit["from"]): SourceHit | null {
  const s = text.slice(span.start, span.end);
  const d = firstDomain(s);
  if (!d) return null;
  const start = span.start + d.index + d[0].indexOf(d[1]);
  return { host: d[1].toLowerCase().replace(/^www\./, ""), span: { start, end: start + d[1].length }, from };
}

/** A copyright line of the page footer ("© 2024 Agency", "All rights reserved"), not a photo credit. */
const COPYRIGHT = /^(?:©|\(c\))|©\s*(?:\d{4}|[\u0660-\u0669\u06f0-\u06f9]{4})|rights|права|حقوق|huquq|ҳуқуқ|hakları|droits|rechte|derechos|版权/iu;

/**
 * Where the text names its source, strongest first: the agency in the dateline ("(Khovar)",
 * "/Кабар/"), the page header (site name) and footer (copyright) lines, a domain anywhere, an
 * agency anywhere in the header, and an agency the body cites as its source ("передает ТАСС",
 * "به گزارش ایرنا"). Each hit goes to `take`, in that order, until it answers true (the hits
 * after it cannot change what the caller reads from them): later places are then not read.
 */
function sourceHits(text: string, foldedText: string, lines: Line[], kinds: LineKinds, dateline: Dateline | null, firstPara: number, paragraphs: Span[], take: (h: SourceHit) => boolean): void {
  const push = (h: SourceHit | null) => h !== null && take(h);
  if (dateline && push(agencyHit(text, foldedText, dateline.span, "dateline"))) return;
  const header = lines.slice(0, Math.max(firstPara, 0)).filter((_, i) => !kinds.is(i, "blank"));
  for (const l of header.slice(0, 3)) if (push(domainHit(text, l, "masthead") ?? agencyHit(text, foldedText, l, "masthead"))) return;
  // (Lines already known to be of another kind are passed over, then the pattern: only lines it
  // matches are classified.)
  const footer = lines.filter((l, i) => kinds.mayBe(i, "junk") && COPYRIGHT.test(l.text) && kinds.is(i, "junk"));
  for (const l of footer) if (push(domainHit(text, l, "footer") ?? agencyHit(text, foldedText, l, "footer"))) return;
  if (push(domainHit(text, { start: 0, end: text.length }, "domain"))) return;
  for (const l of header) if (push(agencyHit(text, foldedText, l, "masthead"))) return;
  // Reports cite their source in the opening paragraphs or at the end.
  const citing = paragraphs.length > 4 ? [...paragraphs.slice(0, 3), paragraphs[paragraphs.length - 1]] : paragraphs;
  for (const p of citing) for (const h of citedAgencies(text, foldedText, p)) if (push(h)) return;
}

/** Agencies the body names as its source: next to a reporting word, or in brackets or slashes. */
function citedAgencies(text: string, foldedText: string, p: Span): SourceHit[] {
  const out: SourceHit[] = [];
  const s = text.slice(p.start, p.end);
  const folded = foldedText.slice(p.start, p.end);
  for (const m of agencyMatches(folded, foldedText, p.start)) {
    const a = AGENCY_BY_FOLDED.get(m[0].replace(/\s+/g, " "));
    if (!a) continue;
    const start = m.index!, end = start + m[0].length;
    // A whole word (the regex has no lookbehind, which would make it slow).
    if (!HAN.test(m[0]) && start > 0 && /[\p{L}\p{N}]/u.test(folded[start - 1])) continue;
    const original = s.slice(start, end);
    // Written as the name is written: capitals where it has them ("Trend" is not "trend").
    if (/^\p{Lu}/u.test(a.name) && !/^\p{Lu}/u.test(original)) continue;
    if (/^[A-Z]{2,4}$/.test(a.name) && original !== a.name) continue;
    const before = folded.slice(Math.max(0, start - 40), start);
    const after = folded.slice(end, end + 30);
    const marked = /[(/\[«"“]\s*$/u.test(before) && /^\s*[)/\]»"”]/u.test(after);
    if (marked || REPORTING_BEFORE.test(before) || REPORTING_AFTER.test(after)) {
      out.push({ host: a.host, span: { start: p.start + start, end: p.start + end }, from: "cited" });
    }
  }
  return out;
}

/** Every agency name at once (longest first), for scanning a body; and each folded name's agency. */
const AGENCY_BY_FOLDED = new Map<string, (typeof AGENCIES)[number]>();
for (const a of AGENCIES) {
  const key = foldForDates(a.name).replace(/\s+/g, " ");
  if (!AGENCY_BY_FOLDED.has(key)) AGENCY_BY_FOLDED.set(key, a);
}
export const ANY_AGENCY = (() => {
  const names = [...AGENCY_BY_FOLDED.keys()];
  const words = names.filter((n) => !HAN.test(n)).map(escapeRe).join("|");
  const han = names.filter((n) => HAN.test(n)).map(escapeRe).join("|");
  return new RegExp(`(?:${words})(?![\\p{L}\\p{N}])${han ? `|${han}` : ""}`, "gu");
})();

/**
 * ANY_AGENCY tried only where it can match, and only with the names that can match there. A
 * name's literal head is its units before its first space, at most three (the pattern reads a
 * space as \s+, so the head is what the text must hold where the name starts). At a position
 * whose units start the head of no name, no name matches; where they do, the alternatives of
 * ANY_AGENCY with such a head, in their order, match as the whole pattern does (the others fail
 * there). The heads are looked up exactly: the three units, else the two, else the one.
 */
const AGENCY_NAMES = [...AGENCY_BY_FOLDED.keys()];
const headOf = (name: string) => {
  const space = name.indexOf(" ");
  return name.slice(0, Math.min(space < 0 ? name.length : space, 3));
};
/** Whether some name has a unit outside the BMP (a head read unit by unit could miss it): then every position is tried with the whole pattern. */
const AGENCY_ASTRAL = AGENCY_NAMES.some((n) => /[\ud800-\udfff]/.test(n));
/**
 * Hints first (cheap, inexact): per unit, 1 where a name starts with it, 2 where a name's head is
 * that unit alone; the heads' first two units by their low bytes; and the first three units of
 * the three-unit heads by their low six bits.
 */
const AGENCY_FIRST = new Uint8Array(0x10000);
const AGENCY_PAIRS = new Uint8Array(0x10000);
const pairHint = (a: number, b: number) => ((a & 0xff) << 8) | (b & 0xff);
/** Pairs that are a two-unit head (no third unit to check). */
const AGENCY_PAIR_ENOUGH = new Uint8Array(0x10000);
const AGENCY_TRIPLES = new Uint8Array(1 << 18);
const tripleHint = (a: number, b: number, c: number) => ((a & 0x3f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f);
for (const name of AGENCY_NAMES) {
  if (/^\s/.test(name)) throw new Error(`article: agency name starts with a space: ${name}`);
  const head = headOf(name);
  if (AGENCY_FIRST[name.charCodeAt(0)] === 0) AGENCY_FIRST[name.charCodeAt(0)] = 1;
  if (head.length === 1) AGENCY_FIRST[name.charCodeAt(0)] = 2;
  else {
    const pair = pairHint(head.charCodeAt(0), head.charCodeAt(1));
    AGENCY_PAIRS[pair] = 1;
    if (head.length === 2) AGENCY_PAIR_ENOUGH[pair] = 1;
    else AGENCY_TRIPLES[tripleHint(head.charCodeAt(0), head.charCodeAt(1), head.charCodeAt(2))] = 1;
  }
}

/**
 * One hint per position, in front of the others: by the low bytes of its first two units, whether
 * a head of two or more units starts with units of those low bytes, or a one-unit head is a unit
 * of that first low byte (it rules out most positions with a single lookup, and only positions
 * the other hints rule out too).
 */
const AGENCY_HINT = new Uint8Array(0x10000);
for (const name of AGENCY_NAMES) {
  const head = headOf(name);
  if (head.length === 1) for (let x = 0; x < 256; x++) AGENCY_HINT[pairHint(head.charCodeAt(0), x)] = 1;
  else AGENCY_HINT[pairHint(head.charCodeAt(0), head.charCodeAt(1))] = 1;
}

/** An open-addressing table of heads of one length (their units, exactly) -> a value. */
class HeadTable<T> {
  private bits = 4;
  private keys = new Int32Array(3 << 4).fill(-1);
  private values: (T | undefined)[] = new Array(1 << 4);
  private size = 0;
  private slot(a: number, b: number, c: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - this.bits);
  }
  get(a: number, b: number, c: number): T | undefined {
    const mask = (1 << this.bits) - 1;
    const keys = this.keys;
    for (let s = this.slot(a, b, c); ; s = (s + 1) & mask) {
      const k = keys[3 * s];
      if (k === -1) return undefined;
      if (k === a && keys[3 * s + 1] === b && keys[3 * s + 2] === c) return this.values[s];
    }
  }
  set(a: number, b: number, c: number, value: T): void {
    if (this.get(a, b, c) !== undefined) throw new Error("article: head set twice");
    if (2 * (this.size + 1) > 1 << this.bits) {
      const old = this.entries();
      this.bits++;
      this.keys = new Int32Array(3 << this.bits).fill(-1);
      this.values = new Array(1 << this.bits);
      this.size = 0;
      for (const [x, y, z, v] of old) this.set(x, y, z, v);
    }
    const mask = (1 << this.bits) - 1;
    let s = this.slot(a, b, c);
    while (this.keys[3 * s] !== -1) s = (s + 1) & mask;
    this.keys[3 * s] = a;
    this.keys[3 * s + 1] = b;
    this.keys[3 * s + 2] = c;
    this.values[s] = value;
    this.size++;
  }
  private entries(): [number, number, number, T][] {
    const out: [number, number, number, T][] = [];
    for (let s = 0; s < this.values.length; s++) if (this.keys[3 * s] !== -1) out.push([this.keys[3 * s], this.keys[3 * s + 1], this.keys[3 * s + 2], this.values[s]!]);
    return out;
  }
}

/**
 * The names whose heads are among `heads`, matched in place as the sticky pattern of their
 * alternatives, (?:names)(?![\p{L}\p{N}])|hanNames, matches them. (Read in place: the patterns,
 * compiled on first use, were a share of the first pages' cost, and their runs a share after.)
 */
class HeadPattern {
  /** The names' words (the pattern reads the spaces between them as \s+), in the pattern's order of alternatives: the names that end a word (all but Han names) first. */
  private readonly words: string[][];
  /** Per name, whether it must not be followed by a letter or number. */
  private readonly whole: boolean[];
  constructor(heads: Set<string>) {
    const names = AGENCY_NAMES.filter((n) => heads.has(headOf(n)));
    const ordered = [...names.filter((n) => !HAN.test(n)), ...names.filter((n) => HAN.test(n))];
    this.words = ordered.map((n) => n.split(" "));
    this.whole = ordered.map((n) => !HAN.test(n));
  }
  /**
   * Where the pattern's match at `at` ends, s read as if it ended at `end`, or -1: the first name
   * whose words are there, with white space between them (and, for a whole word, no letter or
   * number after it).
   */
  matchEnd(s: string, at: number, end: number): number {
    for (let j = 0; j < this.words.length; j++) {
      const words = this.words[j];
      let q = at;
      let found = true;
      for (let k = 0; k < words.length && found; k++) {
        if (k > 0) {
          if (q >= end || IS_SPACE[s.charCodeAt(q)] !== 1) found = false;
          while (q < end && IS_SPACE[s.charCodeAt(q)] === 1) q++;
        }
        const w = words[k];
        if (!found || q + w.length > end || !s.startsWith(w, q)) found = false;
        q += w.length;
      }
      if (found && !(this.whole[j] && wordCharAt(s, q, end))) return q;
    }
    return -1;
  }
}

/**
 * The patterns by the units at a position: HEADS3 where the three units are a head, else HEADS2
 * where the two are, else HEADS1 where the one is; each with the names of that head and of the
 * shorter heads it starts with.
 */
const HEADS1 = new HeadTable<HeadPattern>(), HEADS2 = new HeadTable<HeadPattern>(), HEADS3 = new HeadTable<HeadPattern>();
{
  const heads = new Set(AGENCY_NAMES.map(headOf));
  const tableOf = (h: string) => (h.length === 1 ? HEADS1 : h.length === 2 ? HEADS2 : HEADS3);
  const unitAt = (h: string, i: number) => (i < h.length ? h.charCodeAt(i) : 0);
  // Every head, and every two-unit start of a three-unit head (a position may start one without
  // the other), with the heads it starts with.
  const keys = new Set<string>([...heads, ...[...heads].filter((h) => h.length === 3).map((h) => h.slice(0, 2))]);
  for (const key of keys) {
    const within = new Set([...heads].filter((h) => key.startsWith(h)));
    if (within.size > 0) tableOf(key).set(unitAt(key, 0), unitAt(key, 1), unitAt(key, 2), new HeadPattern(within));
  }
}

/**
 * The matches folded.matchAll(ANY_AGENCY) finds, in order: at each position where a name's head
 * starts, the sticky pattern of the names that can match there (a search from there would find
 * its first match at the first such position where one begins), resuming after each match, as
 * matchAll does.
 */
/** A name agencyMatches found: its text (m[0], as in a match of ANY_AGENCY) and where it starts. */
export interface AgencyMatch {
  0: string;
  index: number;
}

export function agencyMatches(folded: string, within = folded, offset = 0): AgencyMatch[] {
  // (The units are read in `within`, of which `folded` is the slice at `offset`: a slice is
  // slower to read unit by unit. Units past the end are taken as 0, which no head holds.)
  const out: AgencyMatch[] = [];
  const n = folded.length;
  if (AGENCY_ASTRAL) {
    for (let p = 0; p < n; ) {
      ANY_AGENCY_AT.lastIndex = p;
      const m = ANY_AGENCY_AT.exec(folded);
      if (m === null) p++;
      else {
        out.push(m);
        p += m[0].length;
      }
    }
    return out;
  }
  // The units at p, p + 1 and p + 2 (a window slid one unit at a time: each unit is read once).
  const unitAt = (q: number) => (q < n ? within.charCodeAt(offset + q) : 0);
  let a = unitAt(0), b = unitAt(1), c = unitAt(2);
  for (let p = 0; p < n; ) {
    const first = AGENCY_HINT[pairHint(a, b)] === 0 ? 0 : AGENCY_FIRST[a];
    if (first !== 0) {
      const pair = pairHint(a, b);
      if (first === 2 || (AGENCY_PAIRS[pair] !== 0 && (AGENCY_PAIR_ENOUGH[pair] !== 0 || AGENCY_TRIPLES[tripleHint(a, b, c)] !== 0))) {
        const pattern = HEADS3.get(a, b, c) ?? HEADS2.get(a, b, 0) ?? HEADS1.get(a, 0, 0);
        const end = pattern !== undefined ? pattern.matchEnd(within, offset + p, offset + n) : -1;
        if (end >= 0) {
          out.push({ 0: folded.slice(p, end - offset), index: p });
          p = end - offset;
          a = unitAt(p);
          b = unitAt(p + 1);
          c = unitAt(p + 2);
          continue;
        }
      }
    }
    p++;
    a = b;
    b = c;
    c = unitAt(p + 2);
  }
  return out;
}

/** The whole pattern, sticky (where some name has a unit outside the BMP). */
const ANY_AGENCY_AT = new RegExp(ANY_AGENCY.source, "uy");

const cueAlternatives = (cues: string[]) => cues.map((c) => escapeRe(foldForDates(c))).join("|");
/** A reporting word, then at most three words ("according to the news agency") before the name. */
const REPORTING_BEFORE = new RegExp(`(?<![\\p{L}])(?:${cueAlternatives(REPORTING_CUES.before)})\\s*[:,]?\\s*(?:\\S+\\s+){0,3}$`, "u");
const REPORTING_AFTER = new RegExp(`^[\\s,]*(?:${cueAlternatives(REPORTING_CUES.after)})(?![\\p{L}])`, "u");
