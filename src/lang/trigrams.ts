// franc's `francAll`, computed faster with the same data and the same arithmetic, so its answers
// are identical (lang.test.ts compares the two). franc looks each distinct trigram up in every
// candidate language's model (an object per language); here the models of one candidate list
// are merged into one table, trigram -> rank in each language, and the counting step keys
// trigrams by number instead of by string.

import { data } from "franc/data.js";
import { expressions } from "franc/expressions.js";

/** franc's constants. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

export type TrigramScore = [string, number];

const scriptNames = Object.keys(expressions);
const scriptRegexes = scriptNames.map((k) => new RegExp(expressions[k].source));
/** Script index (into scriptNames) of each BMP code unit, from franc's expressions. */
const scriptOfUnit = new Uint8Array(0x10000).fill(255);
const UNKNOWN = 255, NO_SCRIPT = 254, SEVERAL = 253;

function unitScript(code: number): number {
  const ch = String.fromCharCode(code);
  let s = NO_SCRIPT;
  for (let k = 0; k < scriptRegexes.length; k++) {
    if (scriptRegexes[k].test(ch)) {
      if (s !== NO_SCRIPT) return (scriptOfUnit[code] = SEVERAL);
      s = k;
    }
  }
  return (scriptOfUnit[code] = s);
}

/** franc's getTopScript: the script whose expression matches most often (first on ties). */
function topScript(value: string): [string | undefined, number] {
  const counts = new Int32Array(scriptNames.length);
  let exact = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let s = scriptOfUnit[c];
    if (s === UNKNOWN) s = unitScript(c);
    if (s < SEVERAL && !(c >= 0xd800 && c <= 0xdfff)) counts[s]++;
    else if (s === SEVERAL || (c >= 0xd800 && c <= 0xdfff)) {
      // Surrogates (astral alternatives in the expressions) and characters of several scripts:
      // let the expressions count.
      exact = false;
      break;
    }
  }
  if (!exact) for (let k = 0; k < scriptNames.length; k++) counts[k] = (value.match(expressions[scriptNames[k]]) ?? []).length;
  let topCount = -1;
  let top: string | undefined;
  for (let k = 0; k < scriptNames.length; k++) {
    const share = counts[k] / value.length || 0;
    if (share > topCount) {
      topCount = share;
      top = scriptNames[k];
    }
  }
  return [top, topCount];
}

// Trigrams are keyed by small integers: each code unit gets a dense id on first sight, and three
// ids below 1024 pack into one small integer (a fast Map key). Trigrams with a rarer character
// (ids run past 1023 only after many unusual characters) keep their string as the key.
const charId = new Int16Array(0x10000).fill(-1);
let nextCharId = 0;
const ID_LIMIT = 1024;

function idOf(code: number): number {
  const id = charId[code];
  return id >= 0 ? id : newId(code);
}
function newId(code: number): number {
  return (charId[code] = nextCharId < 0x7fff ? nextCharId++ : 0x7fff);
}

/** Packed key of the trigram at s[i..i+3), or -1 when it needs the string key. */
function packedKey(s: string, i: number): number {
  const a = idOf(s.charCodeAt(i)), b = idOf(s.charCodeAt(i + 1)), c = idOf(s.charCodeAt(i + 2));
  return a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT ? (a * ID_LIMIT + b) * ID_LIMIT + c : -1;
}

/**
 * The models of one candidate list merged: per trigram, the languages whose model has it and
 * its rank there, laid out so that a lookup touches two places: the open-addressing table
 * `slots` (slot s: slots[2s] the packed trigram key or -1, slots[2s + 1] the trigram's record),
 * and the record in `records` (at r: the number n of languages, then n pairs language, rank).
 * Trigrams without a packed key find their record through a map by string.
 */
interface MergedModels {
  languages: string[];
  bits: number;
  slots: Int32Array;
  strings: Map<string, number>;
  records: Int32Array;
}
const merged = new Map<string, MergedModels>();

const slotOf = (key: number, bits: number) => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

function mergedModels(script: string, only: string[]): MergedModels {
  const key = script + "\u0000" + only.join(",");
  let m = merged.get(key);
  if (m) return m;
  const models = (data as Record<string, Record<string, string>>)[script];
  // franc's filterLanguages keeps the data's own order.
  const languages = Object.keys(models).filter((l) => only.length === 0 || only.includes(l));
  const rankOf = new Map<string, Int32Array>();
  languages.forEach((lang, j) => {
    const model = models[lang].split("|");
    // franc assigns ranks from the end, so a repeated trigram keeps its first rank.
    for (let w = model.length - 1; w >= 0; w--) {
      const t = model[w];
      if (t.length !== 3) continue;
      let row = rankOf.get(t);
      if (!row) {
        row = new Int32Array(languages.length).fill(-1);
        rankOf.set(t, row);
      }
      row[j] = w;
    }
  });
  let bits = 4;
  while (rankOf.size * 2 > 1 << bits) bits++;
  const slots = new Int32Array(2 << bits).fill(-1);
  const strings = new Map<string, number>();
  const records: number[] = [];
  for (const [t, row] of rankOf) {
    const at = records.length;
    records.push(0);
    row.forEach((r, j) => {
      if (r >= 0) {
        records[at]++;
        records.push(j, r);
      }
    });
    const k = packedKey(t, 0);
    if (k >= 0) {
      let slot = slotOf(k, bits);
      while (slots[2 * slot] !== -1) slot = (slot + 1) & ((1 << bits) - 1);
      slots[2 * slot] = k;
      slots[2 * slot + 1] = at;
    } else strings.set(t, at);
  }
  m = { languages, bits, slots, strings, records: Int32Array.from(records) };
  merged.set(key, m);
  return m;
}

/** The record of a packed trigram key in the merged models, or -1 when no model has it. */
function recordOfKey(m: MergedModels, k: number): number {
  const mask = (1 << m.bits) - 1;
  const slots = m.slots;
  for (let slot = slotOf(k, m.bits); ; slot = (slot + 1) & mask) {
    const at = slots[2 * slot];
    if (at === k) return slots[2 * slot + 1];
    if (at === -1) return -1;
  }
}

/**
 * Each distinct trigram of the text adds MAX_DIFFERENCE to every language's distance, less
 * (MAX_DIFFERENCE - |count - rank - 1|) for the languages whose model has it. Integer sums, so
 * the totals equal franc's exactly.
 */
function subtractPresent(distance: Int32Array, m: MergedModels, record: number, count: number): void {
  if (record < 0) return;
  const records = m.records;
  for (let k = record + 1, end = k + 2 * records[record]; k < end; k += 2) {
    let d = count - records[k + 1] - 1;
    if (d < 0) d = -d;
    distance[records[k]] -= MAX_DIFFERENCE - d;
  }
}

// Counting table, reused: open addressing, kept at most half full (grown for a longer sample:
// lower-casing can lengthen the text, "İ" -> "i̇"). Slot s: table[2s] the packed key or -1,
// table[2s + 1] its count (a key and its count share a cache line).
let tableBits = 10;
let table = new Int32Array(2 << tableBits).fill(-1);
let usedSlots = new Int32Array(1 << tableBits);
/** Character ids of the cleaned sample. */
let idBuffer = new Int32Array(MAX_LENGTH * 2);

function reserve(length: number): void {
  if (idBuffer.length < length) idBuffer = new Int32Array(length);
  while (length * 2 > 1 << tableBits) tableBits++;
  if (table.length !== 2 << tableBits) {
    table = new Int32Array(2 << tableBits).fill(-1);
    usedSlots = new Int32Array(1 << tableBits);
  }
}

/** What /\s/ matches, per code unit (1/0; -1 not computed yet). */
const spaceUnit = new Int8Array(0x10000).fill(-1);
function isSpace(c: number): boolean {
  let v = spaceUnit[c];
  if (v < 0) v = spaceUnit[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
  return v === 1;
}

/**
 * Lower case of each code unit where lower-casing the unit alone gives what lower-casing a string
 * gives for it (-1 not computed yet, -2 where it does not: İ, which becomes two units; Σ, which
 * becomes ς at the end of a word; surrogates, which lower-case as pairs).
 */
const lowerUnit = new Int32Array(0x10000).fill(-1);
/** (The table read apart from its filling: small enough to be inlined where it is read per unit.) */
function simpleLower(c: number): number {
  const l = lowerUnit[c];
  return l !== -1 ? l : simpleLowerNew(c);
}
function simpleLowerNew(c: number): number {
  const s = String.fromCharCode(c).toLowerCase();
  return (lowerUnit[c] = (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || s.length !== 1 ? -2 : s.charCodeAt(0));
}

/**
 * The ids of trigram-utils' cleaned text (" " + lower case + " ") into idBuffer, with its length,
 * where cleaning only lower-cases and pads: no ASCII punctuation or digit, white space only as
 * single spaces between other characters (words joined by spaces, perhaps with one space after
 * the last), and every unit lower-cased on its own. -1 where cleaning does more.
 */
function cleanIds(value: string): number {
  reserve(value.length + 2);
  const ids = idBuffer;
  const space = idOf(0x20);
  ids[0] = space;
  let afterSpace = true; // a space at the start would be trimmed
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x21 && c <= 0x40) return -1;
    if (isSpace(c)) {
      if (c !== 0x20 || afterSpace) return -1;
      afterSpace = true;
    } else afterSpace = false;
    const lower = simpleLower(c);
    if (lower < 0) return -1;
    ids[i + 1] = idOf(lower);
  }
  // A single space at the end (a sample cut after a word) is trimmed: it is already the padding.
  if (afterSpace) return value.length > 0 ? value.length + 1 : -1;
  ids[value.length + 1] = space;
  return value.length + 2;
}

/** What cleanIds returned for the last sample (see sampleIds). */
let fastCleanLength = -1;

/**
 * The ids of trigram-utils' cleaned text of a sample into idBuffer, with its length: read from
 * the value by cleanIds, or from the cleaned text where cleaning does more. (In a function of its
 * own, always called: the fallback, first needed after francScores was optimised, deoptimised it.)
 */
function sampleIds(value: string): number {
  fastCleanLength = cleanIds(value);
  if (fastCleanLength >= 0) return fastCleanLength;
  const text = cleanedText(value);
  reserve(text.length);
  for (let i = 0; i < text.length; i++) idBuffer[i] = idOf(text.charCodeAt(i));
  return text.length;
}

/**
 * trigram-utils' cleaned text of the last sample given to sampleIds: ASCII punctuation and digits
 * become spaces, white space collapses, lower case, padded with one space each side. (Where
 * cleanIds read the value, it is the value's first cleanLength - 2 units, lower-cased and padded.)
 */
function cleanedText(value: string): string {
  const cleanLength = fastCleanLength;
  return " " + (cleanLength >= 0 ? value.slice(0, cleanLength - 2) : value.replace(/[\u0021-\u0040]+/g, " ").replace(/\s+/g, " ").trim()).toLowerCase() + " ";
}

/** Same result as franc's `francAll(value, { only, minLength })`. */
export function francScores(value: string, only: string[], minLength = 10): TrigramScore[] {
  if (!value || value.length < minLength) return [["und", 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) {
    if (!script || share === 0 || (only.length > 0 && !only.includes(script))) return [["und", 1]];
    return [[script, 1]];
  }
  const models = mergedModels(script, only);
  if (!models.languages.length) return [["und", 1]];
  // Character ids once per position (a trigram's packed key is built from three of them).
  return scoreSample(models, sampleIds(value), value.length, value);
}

/** franc's script counts of the last sample read by wordIds. */
const wordScriptCounts = new Int32Array(scriptNames.length);

/**
 * The ids of trigram-utils' cleaned text of a sample given as words (spans of `text`, those of
 * `script` among the `count` listed) joined by single spaces and cut at `limit` units, into
 * idBuffer, with the script counts topScript finds in that sample into wordScriptCounts: the
 * sample's length in units, or -1 where it has to be read as a string (a unit of several scripts
 * or a surrogate, a unit that does not lower-case alone, or a rarely seen character). Letters
 * and marks are neither white space nor ASCII punctuation or digits, so cleaning only pads and
 * lower-cases them.
 */
function wordIds(text: string, starts: Int32Array, ends: Int32Array, scripts: Uint8Array, count: number, script: number, limit: number): number {
  reserve(limit + 2);
  const ids = idBuffer;
  const counts = wordScriptCounts;
  counts.fill(0);
  const space = idOf(0x20);
  ids[0] = space;
  let length = 0, spaces = 0;
  for (let k = 0; k < count && length < limit; k++) {
    if (scripts[k] !== script) continue;
    if (length > 0) {
      ids[++length] = space;
      spaces++;
    }
    for (let i = starts[k], end = ends[k]; i < end && length < limit; i++) {
      const c = text.charCodeAt(i);
      let s = scriptOfUnit[c];
      if (s === UNKNOWN) s = unitScript(c);
      if (s === SEVERAL || (c >= 0xd800 && c <= 0xdfff)) return -1;
      if (s < SEVERAL) counts[s]++;
      const lower = simpleLower(c);
      if (lower < 0) return -1;
      const id = idOf(lower);
      if (id >= ID_LIMIT) return -1;
      ids[++length] = id;
    }
  }
  // The spaces between words, as topScript counts them (no script's expression matches one).
  let s = scriptOfUnit[0x20];
  if (s === UNKNOWN) s = unitScript(0x20);
  if (s === SEVERAL) return -1;
  if (s < SEVERAL) counts[s] += spaces;
  return length;
}

/**
 * francScores(value, only, minLength) for the value made of words as wordIds reads them (what
 * lettersOf in lang/index joins), read from the words in place; null where the sample has to be
 * read as a string (see wordIds) or its top script is not one franc has models for.
 */
export function francScoresOfWords(
  text: string, starts: Int32Array, ends: Int32Array, scripts: Uint8Array, count: number, script: number, limit: number, only: string[], minLength: number,
): TrigramScore[] | null {
  const valueLength = wordIds(text, starts, ends, scripts, count, script, Math.min(limit, MAX_LENGTH));
  if (valueLength < 0) return null;
  if (valueLength === 0 || valueLength < minLength) return [["und", 1]];
  // topScript's choice from the counts (shares of one length: the first largest count).
  let top = -1;
  for (let k = 0, best = -1; k < scriptNames.length; k++) {
    const share = wordScriptCounts[k] / valueLength || 0;
    if (share > best) {
      best = share;
      top = k;
    }
  }
  const name = scriptNames[top];
  if (!(name in data)) return null;
  const models = mergedModels(name, only);
  if (!models.languages.length) return [["und", 1]];
  // The cleaned sample: a space between words, padded each side, but a final space (a sample
  // cut after a word) is already the padding.
  let length = valueLength + 1;
  if (idBuffer[valueLength] !== idOf(0x20)) idBuffer[length++] = idOf(0x20);
  return scoreSample(models, length, valueLength, null);
}

/**
 * franc's scores of the sample whose `length` ids are in idBuffer, of a value `valueLength`
 * units long (the value itself is read only for a trigram without a packed key: null where the
 * ids have none).
 */
function scoreSample(models: MergedModels, length: number, valueLength: number, value: string | null): TrigramScore[] {
  const { languages } = models;
  // The cleaned text, made only for a trigram without a packed key.
  let cleanText: string | null = null;
  const ids = idBuffer;
  // Count the packed trigrams in the open-addressing table.
  let rare: Map<string, number> | null = null;
  let used = 0;
  const mask = (1 << tableBits) - 1;
  for (let i = 0; i + 3 <= length; i++) {
    const a = ids[i], b = ids[i + 1], c = ids[i + 2];
    const k = a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT ? (a * ID_LIMIT + b) * ID_LIMIT + c : -1;
    if (k >= 0) {
      let slot = Math.imul(k, 0x9e3779b1) >>> (32 - tableBits);
      while (table[2 * slot] !== -1 && table[2 * slot] !== k) slot = (slot + 1) & mask;
      if (table[2 * slot] === -1) {
        table[2 * slot] = k;
        table[2 * slot + 1] = 0;
        usedSlots[used++] = slot;
      }
      table[2 * slot + 1]++;
    } else {
      rare ??= new Map();
      const t = (cleanText ??= cleanedText(value!)).slice(i, i + 3);
      rare.set(t, (rare.get(t) ?? 0) + 1);
    }
  }
  const distinct = used + (rare ? rare.size : 0);
  const distance = new Int32Array(languages.length).fill(distinct * MAX_DIFFERENCE);
  for (let u = 0; u < used; u++) {
    const slot = usedSlots[u];
    subtractPresent(distance, models, recordOfKey(models, table[2 * slot]), table[2 * slot + 1]);
    table[2 * slot] = -1;
  }
  if (rare) for (const [t, count] of rare) subtractPresent(distance, models, models.strings.get(t) ?? -1, count);
  // (A loop, not languages.map: one kind of array for the sort and the callers' reads.)
  const out: TrigramScore[] = [];
  for (let j = 0; j < languages.length; j++) out.push([languages[j], distance[j]]);
  out.sort((a, b) => a[1] - b[1]);
  const min = out[0][1];
  const max = valueLength * MAX_DIFFERENCE - min;
  for (const t of out) t[1] = 1 - (t[1] - min) / max || 0;
  return out;
}
