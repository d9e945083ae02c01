// franc's `francAll`, computed faster with the same data and the same arithmetic, so its answers
// are identical (lang.test.ts compares the two). franc looks each distinct trigram up in every
// candidate language's model (an object per language); here the models of one candidate list
// are merged into tables indexed by character and trigram numbers, trigram -> rank in each
// language, and the counting step keys trigrams by number instead of by string.

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

// Each code unit gets a dense id on first sight (ids are unique: a model's letters are told apart
// by id). Three ids below 1024 pack into one small integer (a fast Map key) for counting the
// trigrams no model has; those with a rarer character keep their string as the key.
const charId = new Int32Array(0x10000).fill(-1);
let nextCharId = 0;
const ID_LIMIT = 1024;

function idOf(code: number): number {
  const id = charId[code];
  return id >= 0 ? id : newId(code);
}
function newId(code: number): number {
  return (charId[code] = nextCharId++);
}

/**
 * The models of one candidate list merged, laid out for a lookup per trigram position of the
 * sample with no hashing: each letter of the models' trigrams has an index in their alphabet
 * (`alphabet`, by character id; 0 for a character no model has), a pair of indices a, b that
 * starts some model trigram has a block of `width` entries at pairBlock[a * width + b] (else -1),
 * and blocks[block + c] is the number (from 1) of the model trigram abc, or 0. Per model trigram
 * t, records[recordAt[t]] is the number n of languages whose model has it, then n pairs language,
 * rank.
 */
interface MergedModels {
  languages: string[];
  alphabet: Uint16Array;
  width: number;
  pairBlock: Int32Array;
  blocks: Uint16Array;
  recordAt: Int32Array;
  records: Int32Array;
  /** Per model trigram, its count in the sample being scored (0 between samples). */
  counts: Int32Array;
  /** The model trigrams the sample has, in order of first sight. */
  seen: Int32Array;
  /** Scratch: the languages (indices) in order of distance. */
  order: Int32Array;
}
const merged = new Map<string, MergedModels>();
/**
 * The merged models by candidate list (the array itself: callers pass the same constant list on
 * every call, and joining it into the key per call cost more than the lookup), then by script.
 * A list must not change once it has been passed.
 */
const mergedByList = new WeakMap<string[], Map<string, MergedModels>>();

function mergedModels(script: string, only: string[]): MergedModels {
  let byScript = mergedByList.get(only);
  if (byScript === undefined) mergedByList.set(only, (byScript = new Map()));
  let m = byScript.get(script);
  if (m === undefined) byScript.set(script, (m = mergedModelsOf(script, only)));
  return m;
}

function mergedModelsOf(script: string, only: string[]): MergedModels {
  const key = script + "\u0000" + only.join(",");
  let m = merged.get(key);
  if (m) return m;
  const models = (data as Record<string, Record<string, string>>)[script];
  // franc's filterLanguages keeps the data's own order.
  const languages = Object.keys(models).filter((l) => only.length === 0 || only.includes(l));
  // Each trigram gets its number (from 1) on first sight, the languages in order and each model
  // read from its end; per number, its (language, rank) entries in language order: flat lists
  // chained per number (a row per trigram, with every language's slot, cost most of the first
  // page's language identification).
  const numberOf = new Map<string, number>();
  const trigrams: string[] = [""];
  const entryLanguage: number[] = [], entryRank: number[] = [], entryNext: number[] = [];
  const firstEntry: number[] = [-1], lastEntry: number[] = [-1], entries: number[] = [0];
  for (let j = 0; j < languages.length; j++) {
    const model = models[languages[j]].split("|");
    // franc assigns ranks from the end, so a repeated trigram keeps its first rank.
    for (let w = model.length - 1; w >= 0; w--) {
      const t = model[w];
      if (t.length !== 3) continue;
      let n = numberOf.get(t);
      if (n === undefined) {
        n = trigrams.length;
        numberOf.set(t, n);
        trigrams.push(t);
        firstEntry.push(-1);
        lastEntry.push(-1);
        entries.push(0);
      }
      const last = lastEntry[n];
      if (last >= 0 && entryLanguage[last] === j) {
        entryRank[last] = w;
        continue;
      }
      const e = entryLanguage.length;
      entryLanguage.push(j);
      entryRank.push(w);
      entryNext.push(-1);
      if (last >= 0) entryNext[last] = e;
      else firstEntry[n] = e;
      lastEntry[n] = e;
      entries[n]++;
    }
  }
  const number = trigrams.length - 1;
  const alphabet = new Uint16Array(0x10000);
  let width = 1;
  for (let n = 1; n <= number; n++) for (let i = 0; i < 3; i++) {
    const id = idOf(trigrams[n].charCodeAt(i));
    if (alphabet[id] === 0) alphabet[id] = width++;
  }
  const pairBlock = new Int32Array(width * width).fill(-1);
  let blockCount = 0;
  for (let n = 1; n <= number; n++) {
    const t = trigrams[n];
    const pair = alphabet[idOf(t.charCodeAt(0))] * width + alphabet[idOf(t.charCodeAt(1))];
    if (pairBlock[pair] < 0) pairBlock[pair] = width * blockCount++;
  }
  const blocks = new Uint16Array(width * blockCount);
  const recordAt = new Int32Array(number + 1);
  const records = new Int32Array(number + 2 * entryLanguage.length);
  let at = 0;
  for (let n = 1; n <= number; n++) {
    const t = trigrams[n];
    const pair = alphabet[idOf(t.charCodeAt(0))] * width + alphabet[idOf(t.charCodeAt(1))];
    blocks[pairBlock[pair] + alphabet[idOf(t.charCodeAt(2))]] = n;
    recordAt[n] = at;
    records[at++] = entries[n];
    for (let e = firstEntry[n]; e >= 0; e = entryNext[e]) {
      records[at++] = entryLanguage[e];
      records[at++] = entryRank[e];
    }
  }
  m = {
    languages, alphabet, width, pairBlock, blocks, recordAt, records,
    counts: new Int32Array(number + 1), seen: new Int32Array(number + 1), order: new Int32Array(languages.length),
  };
  merged.set(key, m);
  return m;
}

/**
 * Each distinct trigram of the text adds MAX_DIFFERENCE to every language's distance, less
 * (MAX_DIFFERENCE - |count - rank - 1|) for the languages whose model has it. Integer sums, so
 * the totals equal franc's exactly.
 */
function subtractPresent(distance: Int32Array, records: Int32Array, record: number, count: number): void {
  for (let k = record + 1, end = k + 2 * records[record]; k < end; k += 2) {
    let d = count - records[k + 1] - 1;
    if (d < 0) d = -d;
    distance[records[k]] -= MAX_DIFFERENCE - d;
  }
}

// The set of the sample's trigrams that no model has, reused: open addressing by packed key (-1
// empty), kept at most half full (grown for a longer sample: lower-casing can lengthen the text,
// "İ" -> "i̇").
let tableBits = 10;
let table = new Int32Array(1 << tableBits).fill(-1);
let usedSlots = new Int32Array(1 << tableBits);
/** Character ids of the cleaned sample. */
let idBuffer = new Int32Array(MAX_LENGTH * 2);

function reserve(length: number): void {
  if (idBuffer.length < length) idBuffer = new Int32Array(length);
  while (length * 2 > 1 << tableBits) tableBits++;
  if (table.length !== 1 << tableBits) {
    table = new Int32Array(1 << tableBits).fill(-1);
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

/**
 * What wordIds reads of each code unit in one lookup: the id of its lower case << 9 | TWO_UNITS
 * where that is two units (İ -> i + U+0307; the second id in secondIds) | its script (as
 * scriptOfUnit); or -2 where the sample has to be read as a string (see wordIds); -1 not computed
 * yet.
 */
const wordUnits = new Int32Array(0x10000).fill(-1);
const secondIds = new Int32Array(0x10000);
const TWO_UNITS = 0x100;
/** (The table read apart from its filling: small enough to be inlined in wordIds.) */
function wordUnit(c: number): number {
  const v = wordUnits[c];
  return v !== -1 ? v : wordUnitNew(c);
}
function wordUnitNew(c: number): number {
  let s = scriptOfUnit[c];
  if (s === UNKNOWN) s = unitScript(c);
  let v = -2;
  const lower = s === SEVERAL ? -1 : simpleLower(c);
  if (lower >= 0) {
    const id = idOf(lower);
    if (id < ID_LIMIT) v = (id << 9) | s;
  } else if (s !== SEVERAL && !(c >= 0xd800 && c <= 0xdfff) && c !== 0x3a3) {
    // Lower-cased alone as in any string (a surrogate is read as a pair; Σ depends on what follows).
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length === 2) {
      const first = idOf(l.charCodeAt(0)), second = idOf(l.charCodeAt(1));
      if (first < ID_LIMIT && second < ID_LIMIT) {
        v = (first << 9) | TWO_UNITS | s;
        secondIds[c] = second;
      }
    }
  }
  return (wordUnits[c] = v);
}

/** The number of ids wordIds wrote for the last sample (its units lower-cased, and the spaces). */
let wordIdsEnd = 0;

/** franc's script counts of the last sample read by wordIds. */
const wordScriptCounts = new Int32Array(scriptNames.length);

/**
 * The ids of trigram-utils' cleaned text of a sample given as words (spans of `text`, those of
 * `script` among the `count` listed) joined by single spaces and cut at `limit` units, into
 * idBuffer, with the script counts topScript finds in that sample into wordScriptCounts: the
 * sample's length in units (its ids, a unit lower-cased to two taking two, end at wordIdsEnd),
 * or -1 where it has to be read as a string (a unit of several scripts or a surrogate, Σ, whose
 * lower case depends on what follows, or a rarely seen character). Letters and marks are neither
 * white space nor ASCII punctuation or digits, so cleaning only pads and lower-cases them.
 */
function wordIds(text: string, starts: Int32Array, ends: Int32Array, scripts: Uint8Array, count: number, script: number, limit: number): number {
  // (reserve only where it has something to do: inlined here before its own feedback was
  // collected, its check deoptimised wordIds during warm-up.)
  const need = 2 * limit + 2;
  if (need > idBuffer.length || need * 2 > 1 << tableBits) reserve(need);
  const ids = idBuffer;
  const counts = wordScriptCounts;
  counts.fill(0);
  const space = idOf(0x20);
  ids[0] = space;
  // (length: units of the sample; at: the last id written, after the leading space.)
  let length = 0, spaces = 0, at = 0;
  for (let k = 0; k < count && length < limit; k++) {
    if (scripts[k] !== script) continue;
    if (length > 0) {
      ids[++at] = space;
      length++;
      spaces++;
    }
    for (let i = starts[k], end = ends[k]; i < end && length < limit; i++) {
      const c = text.charCodeAt(i);
      const unit = wordUnit(c);
      if (unit < 0) return -1;
      const s = unit & 0xff;
      if (s < SEVERAL) counts[s]++;
      ids[++at] = unit >> 9;
      if ((unit & TWO_UNITS) !== 0) ids[++at] = secondIds[c];
      length++;
    }
  }
  wordIdsEnd = at;
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
  let length = wordIdsEnd + 1;
  if (idBuffer[wordIdsEnd] !== idOf(0x20)) idBuffer[length++] = idOf(0x20);
  return scoreSample(models, length, valueLength, null);
}

/**
 * franc's scores of the sample whose `length` ids are in idBuffer, of a value `valueLength`
 * units long (the value itself is read only for a trigram without a packed key: null where the
 * ids have none).
 */
function scoreSample(models: MergedModels, length: number, valueLength: number, value: string | null): TrigramScore[] {
  const { languages, alphabet, width, pairBlock, blocks, counts, seen } = models;
  // The cleaned text, made only for a trigram without a packed key.
  let cleanText: string | null = null;
  const ids = idBuffer;
  // Model trigrams are counted by their number; the others only need telling apart (each adds
  // the same to every language), in the open-addressing table by packed key.
  let rare: Set<string> | null = null;
  let seenCount = 0, used = 0;
  const mask = (1 << tableBits) - 1;
  let x = length > 0 ? alphabet[ids[0]] : 0, y = length > 1 ? alphabet[ids[1]] : 0;
  for (let i = 0; i + 3 <= length; i++) {
    const z = alphabet[ids[i + 2]];
    const block = pairBlock[x * width + y];
    // (blocks[block] is 0: no model trigram ends in a character outside the models.)
    const t = block >= 0 ? blocks[block + z] : 0;
    x = y;
    y = z;
    if (t !== 0) {
      if (counts[t]++ === 0) seen[seenCount++] = t;
      continue;
    }
    const a = ids[i], b = ids[i + 1], c = ids[i + 2];
    const k = a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT ? (a * ID_LIMIT + b) * ID_LIMIT + c : -1;
    if (k >= 0) {
      let slot = Math.imul(k, 0x9e3779b1) >>> (32 - tableBits);
      while (table[slot] !== -1 && table[slot] !== k) slot = (slot + 1) & mask;
      if (table[slot] === -1) {
        table[slot] = k;
        usedSlots[used++] = slot;
      }
    } else {
      rare ??= new Set();
      rare.add((cleanText ??= cleanedText(value!)).slice(i, i + 3));
    }
  }
  for (let u = 0; u < used; u++) table[usedSlots[u]] = -1;
  const distinct = seenCount + used + (rare ? rare.size : 0);
  const distance = new Int32Array(languages.length).fill(distinct * MAX_DIFFERENCE);
  const { recordAt, records } = models;
  for (let u = 0; u < seenCount; u++) {
    const t = seen[u];
    subtractPresent(distance, records, recordAt[t], counts[t]);
    counts[t] = 0;
  }
  // The languages by distance, ties in their order (as franc's stable sort): an insertion sort of
  // a few numbers, without a comparator call per step.
  const order = models.order;
  for (let j = 0; j < languages.length; j++) {
    let at = j;
    while (at > 0 && distance[order[at - 1]] > distance[j]) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = j;
  }
  const min = distance[order[0]];
  const max = valueLength * MAX_DIFFERENCE - min;
  const out: TrigramScore[] = [];
  for (let k = 0; k < languages.length; k++) {
    const j = order[k];
    out.push([languages[j], 1 - (distance[j] - min) / max || 0]);
  }
  return out;
}
