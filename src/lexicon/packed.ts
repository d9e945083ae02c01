// A built matcher packed for its snapshot so that reading it back costs little. Tokens, phrases
// and payloads are columns of numbers (one byte array of 32-bit words, read in place) and their
// strings numbers into a table of distinct strings kept as two joined strings (Latin-1 ones
// apart, so that they come back one byte a character, as JSON.parse gave them); a payload is a
// shape (its keys) and a string number per value. Only the index from first words to phrase
// numbers is read at start-up. A phrase, its tokens and its payload are built the first time a
// word of a document looks them up (PackedPhrases), from numbers and slices: no UTF-8 decoding
// and no JSON per token, phrase or payload, so a short run pays little for the few thousand
// phrases it meets, and the heap stays small. Shared objects stay shared (a phrase in two lists,
// a token in two phrases, one payload, one ending list in many tokens): each is built once. The
// persons are still UTF-8 JSON records, parsed when one is asked for.

import type { CompiledPhrase, MatcherState, PhraseSource, PhraseToken } from "./matcher.js";
import type { Holding, Person } from "./index.js";

export interface PackedMatcher {
  /**
   * Every column of numbers (see Columns), one after another as 32-bit words: one byte array,
   * which v8.deserialize gives back as a view of the file's bytes (a Uint32Array off a 4-byte
   * boundary it copies, slowly, one by one).
   */
  numbers: Uint8Array;
  /** JSON (Meta): maxAllowance, firstLengths, prefixLengths, size, the ending lists and sets, payload shapes, and where each column lies in `numbers`. */
  meta: string;
  /** Distinct strings of tokens, phrases and payloads joined: string k < latinCount is latin[latinEnds[k]..latinEnds[k + 1]), the others are wide's in the same way (Latin-1 ones apart, so that they are stored and come back one byte a character). */
  latin: string;
  wide: string;
  /** Keys joined by KEY_SEPARATOR; list k is firstIds[firstEnds[k]..firstEnds[k+1]). */
  firstKeys: string;
  prefixKeys: string;
}

/** The columns of PackedMatcher.numbers. */
interface Columns {
  latinEnds: Uint32Array;
  wideEnds: Uint32Array;
  /** Per token: its text's string number. */
  tokenText: Uint32Array;
  /** Per token: TOKEN_* bits, allowance, and ending list, ending list and set numbers + 1 (0: none). */
  tokenInfo: Uint32Array;
  /** Token k's other forms are tokens altIds[altEnds[k]..altEnds[k + 1]) (when TOKEN_ALTS is set). */
  altEnds: Uint32Array;
  altIds: Uint32Array;
  /** Phrase k's tokens are phraseTokenIds[phraseTokenEnds[k]..phraseTokenEnds[k + 1]). */
  phraseTokenEnds: Uint32Array;
  phraseTokenIds: Uint32Array;
  /** Per phrase: its surface's string number. */
  phraseSurface: Uint32Array;
  phrasePayload: Uint32Array;
  /** Per phrase: PHRASE_* bits, gap, and its language's string number + 1 (0: none). */
  phraseInfo: Uint32Array;
  /**
   * Payload k is payloadValues[payloadEnds[k]..payloadEnds[k + 1]): its shape number + 1 (see
   * PAYLOAD_SHARED) and a value per key of the shape (string number + 1, 0 for null), or 0 and
   * the string number of its JSON (a payload of other values).
   */
  payloadEnds: Uint32Array;
  payloadValues: Uint32Array;
  firstEnds: Uint32Array;
  firstIds: Uint32Array;
  prefixEnds: Uint32Array;
  prefixIds: Uint32Array;
  han: Uint32Array;
}

/** Folded words are letters and digits: this never occurs in a key. */
const KEY_SEPARATOR = "\u0001";

// tokenInfo: bit 0 prefix, bit 1 has alts (an empty list too), bits 2-6 allowance, bit 7 shared,
// then a byte each for the deriving list, the suffix list and the suffix set (number + 1).
const TOKEN_PREFIX = 1;
const TOKEN_ALTS = 2;
const MAX_ALLOWANCE = 31;
const TOKEN_SHARED = 1 << 7;
const MAX_REF = 254;
// phraseInfo: bit 0 capitalized, bit 1 upper, bits 2-9 gap, bits 10-14 language (number + 1 in
// Meta.langs, 0: none), bits 15-31 shared slot (0: not shared).
const PHRASE_CAPITALIZED = 1;
const PHRASE_UPPER = 2;
const MAX_GAP = 255;
const LANG_SHIFT = 10;
const MAX_LANG = 31;
const SLOT_SHIFT = 15;
// A payload's first value: bit 0 shared, then its shape number + 1 (0: JSON).
const PAYLOAD_SHARED = 1;

interface Meta {
  maxAllowance: number;
  firstLengths: number[];
  prefixLengths: number[];
  size: number;
  lists: string[][];
  sets: string[][];
  /** Strings below this number are in `latin`. */
  latinCount: number;
  /** The keys of each payload shape, in order. */
  shapes: string[][];
  /** The languages phrases are bound to. */
  langs: string[];
  /** Phrases kept by slot (see phraseInfo), slot 0 aside. */
  sharedPhrases: number;
  /** Each column's first word in `numbers` and its length. */
  columns: Record<keyof Columns, [number, number]>;
}

/** Records (JSON values) as one UTF-8 byte array and the end offset of each. */
function records(values: unknown[]): { bytes: Uint8Array; ends: Uint32Array } {
  const parts = values.map((v) => Buffer.from(JSON.stringify(v)));
  const ends = new Uint32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) ends[i + 1] = ends[i] + parts[i].length;
  return { bytes: Buffer.concat(parts), ends };
}

/** Strings joined, with the end offset (in code units) of each. */
function joined(parts: string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) ends[i + 1] = ends[i] + parts[i].length;
  return { text: parts.join(""), ends };
}

/** An index (key -> objects) as keys, list ends and ids. */
function keyLists<X>(index: Map<string, X[]>, id: (x: X) => number): { keys: string; ends: Uint32Array; ids: Uint32Array } {
  const keys = [...index.keys()];
  const ends = new Uint32Array(keys.length + 1);
  const ids: number[] = [];
  keys.forEach((k, i) => {
    for (const x of index.get(k)!) ids.push(id(x));
    ends[i + 1] = ids.length;
  });
  return { keys: keys.join(KEY_SEPARATOR), ends, ids: Uint32Array.from(ids) };
}

/** A small whole number for a bit field of the packed form (the build fails loudly past it). */
function field(value: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`packed lexicon: ${what} ${value} does not fit (0..${max})`);
  return value;
}

const LATIN1 = /^[\u0000-\u00ff]*$/;
/**
 * Keys a payload shape may have (written into an object literal, see shapeMaker). Not
 * "__proto__": in a literal it sets the prototype, where JSON.parse made an own property.
 */
const PLAIN_KEY = /^(?!__proto__$)[A-Za-z_$][\w$]*$/;

/** A payload's shape: its keys in order when they are plain and its values strings or null, else null (kept as JSON). */
function shapeOf(x: unknown): string[] | null {
  if (x === null || typeof x !== "object" || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype) return null;
  const keys = Object.keys(x);
  for (const k of keys) {
    const v = (x as Record<string, unknown>)[k];
    if (!PLAIN_KEY.test(k) || (v !== null && typeof v !== "string")) return null;
  }
  return keys;
}

/** A built matcher's state, packed (see the top of this file). */
export function packMatcher<T>(state: MatcherState<T>): PackedMatcher {
  const ids = <X>(map: Map<X, number>, list: X[], x: X): number => {
    let i = map.get(x);
    if (i === undefined) {
      i = list.length;
      list.push(x);
      map.set(x, i);
    }
    return i;
  };
  const lists: string[][] = [], listIds = new Map<string[], number>();
  const setList: Set<string>[] = [], setIds = new Map<Set<string>, number>();
  const payloads: T[] = [], payloadIds = new Map<T, number>();
  const tokens: PhraseToken[] = [], tokenIds = new Map<PhraseToken, number>();
  const tokenId = (t: PhraseToken): number => {
    const known = tokenIds.get(t);
    if (known !== undefined) return known;
    const i = ids(tokenIds, tokens, t);
    for (const a of t.alts ?? []) tokenId(a);
    return i;
  };
  const phrases: CompiledPhrase<T>[] = [], phraseIds = new Map<CompiledPhrase<T>, number>();
  const phraseId = (c: CompiledPhrase<T>): number => {
    const known = phraseIds.get(c);
    if (known !== undefined) return known;
    c.tokens.forEach(tokenId);
    ids(payloadIds, payloads, c.payload);
    return ids(phraseIds, phrases, c);
  };
  const first = keyLists(state.byFirst, phraseId);
  const prefix = keyLists(state.byPrefix, phraseId);
  const han = Uint32Array.from(state.hanPhrases.map(phraseId));
  // What more than one list, phrase or token refers to is marked shared: only that is kept by
  // number when read back (the rest is built once, where it is referred to).
  const uses = <X>(list: X[], refs: Iterable<X>) => {
    const count = new Map<X, number>();
    for (const x of refs) count.set(x, (count.get(x) ?? 0) + 1);
    return list.map((x) => (count.get(x) ?? 0) > 1);
  };
  const phraseShared = uses(phrases, [...state.byFirst.values(), ...state.byPrefix.values(), state.hanPhrases].flat());
  const tokenShared = uses(tokens, [...phrases.flatMap((c) => c.tokens), ...tokens.flatMap((t) => t.alts ?? [])]);
  const payloadShared = uses(payloads, phrases.map((c) => c.payload));
  const ref = (x: string[] | undefined) => (x ? ids(listIds, lists, x) + 1 : 0);
  const setRef = (x: Set<string> | undefined) => (x ? ids(setIds, setList, x) + 1 : 0);

  // The string table: Latin-1 strings first, numbered once all are known.
  const latin: string[] = [], wide: string[] = [], place = new Map<string, number>();
  const noteString = (x: string) => {
    if (place.has(x)) return;
    const isLatin = LATIN1.test(x);
    place.set(x, isLatin ? latin.length : ~wide.length);
    (isLatin ? latin : wide).push(x);
  };
  const shapes: string[][] = [], shapeIds = new Map<string, number>();
  const payloadShapes = payloads.map((x) => {
    const keys = shapeOf(x);
    if (!keys) {
      noteString(JSON.stringify(x));
      return -1;
    }
    for (const k of keys) {
      const v = (x as Record<string, string | null>)[k];
      if (v !== null) noteString(v);
    }
    const name = keys.join(",");
    let i = shapeIds.get(name);
    if (i === undefined) shapeIds.set(name, (i = shapes.push(keys) - 1));
    return i;
  });
  for (const t of tokens) noteString(t.text);
  for (const c of phrases) {
    noteString(c.surface);
  }
  const stringId = (x: string) => {
    const k = place.get(x)!;
    return k >= 0 ? k : latin.length + ~k;
  };

  const tokenText = new Uint32Array(tokens.length), tokenInfo = new Uint32Array(tokens.length);
  const altEnds = new Uint32Array(tokens.length + 1), alts: number[] = [];
  tokens.forEach((t, i) => {
    tokenText[i] = stringId(t.text);
    tokenInfo[i] = ((t.prefix ? TOKEN_PREFIX : 0) | (t.alts ? TOKEN_ALTS : 0) | (field(t.allowance, MAX_ALLOWANCE, "allowance") << 2) | (tokenShared[i] ? TOKEN_SHARED : 0)
      | (field(ref(t.deriving), MAX_REF, "list") << 8) | (field(ref(t.suffixes), MAX_REF, "list") << 16) | (field(setRef(t.suffixSet), MAX_REF, "set") << 24)) >>> 0;
    for (const a of t.alts ?? []) alts.push(tokenIds.get(a)!);
    altEnds[i + 1] = alts.length;
  });
  const langs: string[] = [], langIds = new Map<string, number>();
  let sharedPhrases = 0;
  const phraseTokenEnds = new Uint32Array(phrases.length + 1), phraseTokens: number[] = [];
  const phraseSurface = new Uint32Array(phrases.length), phrasePayload = new Uint32Array(phrases.length), phraseInfo = new Uint32Array(phrases.length);
  phrases.forEach((c, i) => {
    for (const t of c.tokens) phraseTokens.push(tokenIds.get(t)!);
    phraseTokenEnds[i + 1] = phraseTokens.length;
    phraseSurface[i] = stringId(c.surface);
    phrasePayload[i] = payloadIds.get(c.payload)!;
    const lang = c.lang === null ? 0 : ids(langIds, langs, c.lang) + 1;
    const slot = phraseShared[i] ? ++sharedPhrases : 0;
    phraseInfo[i] = ((c.capitalized ? PHRASE_CAPITALIZED : 0) | (c.upper ? PHRASE_UPPER : 0) | (field(c.gap, MAX_GAP, "gap") << 2)
      | (field(lang, MAX_LANG, "language") << LANG_SHIFT) | (field(slot, 2 ** (32 - SLOT_SHIFT) - 1, "shared phrase") << SLOT_SHIFT)) >>> 0;
  });
  const payloadEnds = new Uint32Array(payloads.length + 1), payloadValues: number[] = [];
  payloads.forEach((x, i) => {
    const shape = payloadShapes[i], shared = payloadShared[i] ? PAYLOAD_SHARED : 0;
    if (shape < 0) payloadValues.push(shared, stringId(JSON.stringify(x)));
    else {
      payloadValues.push(((shape + 1) << 1) | shared);
      for (const k of shapes[shape]) {
        const v = (x as Record<string, string | null>)[k];
        payloadValues.push(v === null ? 0 : stringId(v) + 1);
      }
    }
    payloadEnds[i + 1] = payloadValues.length;
  });

  const l = joined(latin), w = joined(wide);
  const columns: Columns = {
    latinEnds: l.ends, wideEnds: w.ends, tokenText, tokenInfo, altEnds, altIds: Uint32Array.from(alts),
    phraseTokenEnds, phraseTokenIds: Uint32Array.from(phraseTokens), phraseSurface, phrasePayload, phraseInfo,
    payloadEnds, payloadValues: Uint32Array.from(payloadValues),
    firstEnds: first.ends, firstIds: first.ids, prefixEnds: prefix.ends, prefixIds: prefix.ids, han,
  };
  const placed = {} as Meta["columns"];
  let words = 0;
  for (const [name, column] of Object.entries(columns) as [keyof Columns, Uint32Array][]) {
    placed[name] = [words, column.length];
    words += column.length;
  }
  const numbers = new Uint32Array(words);
  for (const [name, column] of Object.entries(columns) as [keyof Columns, Uint32Array][]) numbers.set(column, placed[name][0]);
  const meta: Meta = {
    maxAllowance: state.maxAllowance, firstLengths: [...state.firstLengths], prefixLengths: state.prefixLengths, size: state.size,
    lists, sets: setList.map((x) => [...x]), latinCount: latin.length, shapes, langs, sharedPhrases, columns: placed,
  };
  return {
    // First: nothing of two-byte characters before it, which the serializer aligns by a byte of
    // its own, so that the snapshot's padding decides where it lies (see serializeLexicon).
    numbers: new Uint8Array(numbers.buffer),
    meta: JSON.stringify(meta),
    // Through bytes: a string built from others may be held two bytes a character though its
    // characters are Latin-1, and would be stored (and read back) so.
    latin: Buffer.from(l.text, "latin1").toString("latin1"),
    wide: w.text,
    firstKeys: first.keys, prefixKeys: prefix.keys,
  };
}

/** The 32-bit words of a byte array: a view when it lies on a 4-byte boundary, else a copy. */
function words(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Strings up to this length JSON.parse interns (V8's kMaxInternalizedStringValueLength). */
const INTERNED_LENGTH = 10;

/** Builds a payload of one shape from its values (value(at), value(at + 1)... in key order). */
type ShapeMaker = (value: (k: number) => string | null, at: number) => unknown;

/**
 * An object literal of the shape's keys: its objects get the hidden class JSON.parse gives the
 * same keys (one class per shape, as the matcher's readers saw before), without parsing text.
 * The keys are plain names (PLAIN_KEY, checked when packing and here).
 */
function shapeMaker(keys: string[]): ShapeMaker {
  if (!keys.every((k) => PLAIN_KEY.test(k))) throw new Error(`packed lexicon: payload keys ${keys.join(",")}`);
  return new Function("value", "at", `return { ${keys.map((k, i) => `${k}: value(at + ${i})`).join(", ")} };`) as ShapeMaker;
}

/**
 * make(ids[from]), ..., make(ids[to - 1]) as an array of that length, packed (as
 * Array.prototype.map made them): most lists and phrases hold one to four, and an array grown by
 * push would keep room for 17.
 */
function exactly<X>(ids: Uint32Array, from: number, to: number, make: (id: number) => X): X[] {
  switch (to - from) {
    case 0:
      return [];
    case 1:
      return [make(ids[from])];
    case 2:
      return [make(ids[from]), make(ids[from + 1])];
    case 3:
      return [make(ids[from]), make(ids[from + 1]), make(ids[from + 2])];
    case 4:
      return [make(ids[from]), make(ids[from + 1]), make(ids[from + 2]), make(ids[from + 3])];
  }
  const out: X[] = [];
  for (let k = from; k < to; k++) out.push(make(ids[k]));
  return out;
}

/** The phrases of a packed matcher, each built on first use and kept. */
export class PackedPhrases<T> implements PhraseSource<T> {
  private readonly lists: string[][];
  private readonly sets: Set<string>[];
  private readonly latin: string;
  private readonly wide: string;
  private readonly latinCount: number;
  private readonly latinEnds: Uint32Array;
  private readonly wideEnds: Uint32Array;
  private readonly tokenText: Uint32Array;
  private readonly tokenInfo: Uint32Array;
  private readonly altEnds: Uint32Array;
  private readonly altIds: Uint32Array;
  private readonly phraseTokenEnds: Uint32Array;
  private readonly phraseTokenIds: Uint32Array;
  private readonly phraseSurface: Uint32Array;
  private readonly phrasePayload: Uint32Array;
  private readonly phraseInfo: Uint32Array;
  private readonly payloadEnds: Uint32Array;
  private readonly payloadValues: Uint32Array;
  private readonly firstEnds: Uint32Array;
  private readonly firstIds: Uint32Array;
  private readonly prefixEnds: Uint32Array;
  private readonly prefixIds: Uint32Array;
  private readonly hanIds: Uint32Array;
  private readonly makers: ShapeMaker[];
  /** A payload value by its place in payloadValues. */
  private readonly value = (k: number): string | null => {
    const code = this.payloadValues[k];
    return code === 0 ? null : this.name(code - 1);
  };
  /** Payload values by string number, as name() made them. */
  private readonly names = new Map<number, string>();
  // Only what is marked shared is kept by number, so that it is built once: a table per
  // phrase, token and payload would take megabytes of fresh memory at every start for the few
  // thousand a run meets.
  private readonly sharedTokens = new Map<number, PhraseToken>();
  /**
   * Phrases of several lists by slot. Slot 0 is every other phrase's, emptied after each: phrase()
   * reads and writes its slot without a branch (a branch first taken after phrase() was optimised,
   * by the first shared phrase met, deoptimised it).
   */
  private readonly sharedPhrases: (CompiledPhrase<T> | undefined)[];
  private readonly langs: string[];
  private readonly sharedPayloads = new Map<number, T>();
  private readonly firstIndex: Map<string, number>;
  private readonly prefixIndex: Map<string, number>;
  private readonly firstLists: (CompiledPhrase<T>[] | undefined)[];
  private readonly prefixLists: (CompiledPhrase<T>[] | undefined)[];
  private hanList: CompiledPhrase<T>[] | null = null;
  /** Phrases built so far (out of phraseCount). */
  parsed = 0;
  get phraseCount(): number {
    return this.phraseSurface.length;
  }
  readonly meta: Pick<MatcherState<T>, "maxAllowance" | "firstLengths" | "prefixLengths" | "size">;

  constructor(p: PackedMatcher) {
    const meta = JSON.parse(p.meta) as Meta;
    this.meta = { maxAllowance: meta.maxAllowance, firstLengths: new Set(meta.firstLengths), prefixLengths: meta.prefixLengths, size: meta.size };
    this.lists = meta.lists;
    this.sets = meta.sets.map((x) => new Set(x));
    this.latin = p.latin;
    this.wide = p.wide;
    this.latinCount = meta.latinCount;
    this.makers = meta.shapes.map(shapeMaker);
    this.langs = meta.langs;
    this.sharedPhrases = new Array(meta.sharedPhrases + 1);
    const numbers = words(p.numbers);
    const column = (name: keyof Columns) => numbers.subarray(meta.columns[name][0], meta.columns[name][0] + meta.columns[name][1]);
    this.latinEnds = column("latinEnds");
    this.wideEnds = column("wideEnds");
    this.tokenText = column("tokenText");
    this.tokenInfo = column("tokenInfo");
    this.altEnds = column("altEnds");
    this.altIds = column("altIds");
    this.phraseTokenEnds = column("phraseTokenEnds");
    this.phraseTokenIds = column("phraseTokenIds");
    this.phraseSurface = column("phraseSurface");
    this.phrasePayload = column("phrasePayload");
    this.phraseInfo = column("phraseInfo");
    this.payloadEnds = column("payloadEnds");
    this.payloadValues = column("payloadValues");
    this.firstEnds = column("firstEnds");
    this.firstIds = column("firstIds");
    this.prefixEnds = column("prefixEnds");
    this.prefixIds = column("prefixIds");
    this.hanIds = column("han");
    this.firstIndex = keyIndex(p.firstKeys);
    this.prefixIndex = keyIndex(p.prefixKeys);
    this.firstLists = new Array(this.firstIndex.size);
    this.prefixLists = new Array(this.prefixIndex.size);
  }

  first(key: string): CompiledPhrase<T>[] | undefined {
    const k = this.firstIndex.get(key);
    if (k === undefined) return undefined;
    return (this.firstLists[k] ??= this.listOf(this.firstEnds, this.firstIds, k));
  }

  prefix(key: string): CompiledPhrase<T>[] | undefined {
    const k = this.prefixIndex.get(key);
    if (k === undefined) return undefined;
    return (this.prefixLists[k] ??= this.listOf(this.prefixEnds, this.prefixIds, k));
  }

  han(): CompiledPhrase<T>[] {
    return (this.hanList ??= Array.from(this.hanIds, (i) => this.phrase(i)));
  }

  firstKeys(): string[] {
    return [...this.firstIndex.keys()];
  }

  prefixKeys(): string[] {
    return [...this.prefixIndex.keys()];
  }

  private listOf(ends: Uint32Array, ids: Uint32Array, k: number): CompiledPhrase<T>[] {
    return exactly(ids, ends[k], ends[k + 1], this.phraseOf);
  }

  private readonly phraseOf = (i: number) => this.phrase(i);
  private readonly tokenOf = (i: number) => this.token(i);

  private phrase(i: number): CompiledPhrase<T> {
    const info = this.phraseInfo[i];
    const slot = info >>> SLOT_SHIFT;
    let c = this.sharedPhrases[slot];
    if (c) return c;
    const tokens = exactly(this.phraseTokenIds, this.phraseTokenEnds[i], this.phraseTokenEnds[i + 1], this.tokenOf);
    const lang = (info >>> LANG_SHIFT) & MAX_LANG;
    c = {
      tokens, capitalized: (info & PHRASE_CAPITALIZED) !== 0, upper: (info & PHRASE_UPPER) !== 0,
      lang: lang === 0 ? null : this.langs[lang - 1], payload: this.payload(this.phrasePayload[i]), surface: this.string(this.phraseSurface[i]), gap: (info >>> 2) & MAX_GAP,
    };
    this.sharedPhrases[slot] = c;
    this.sharedPhrases[0] = undefined;
    this.parsed++;
    return c;
  }

  private token(i: number): PhraseToken {
    const info = this.tokenInfo[i];
    const shared = (info & TOKEN_SHARED) !== 0;
    let t = shared ? this.sharedTokens.get(i) : undefined;
    if (t) return t;
    const deriving = (info >>> 8) & 0xff, suffixes = (info >>> 16) & 0xff, suffixSet = info >>> 24;
    // One object shape for every token (add() makes Han phrases' tokens so): a second shape,
    // first reached after token was optimised, deoptimised it, and the matcher's code read
    // tokens of two hidden classes.
    t = {
      text: this.string(this.tokenText[i]), prefix: (info & TOKEN_PREFIX) !== 0, allowance: (info >>> 2) & MAX_ALLOWANCE,
      deriving: deriving === 0 ? undefined : this.lists[deriving - 1],
      suffixes: suffixes === 0 ? undefined : this.lists[suffixes - 1],
      suffixSet: suffixSet === 0 ? undefined : this.sets[suffixSet - 1],
      alts: undefined,
    };
    // Kept before its forms are read: a form may refer back to it.
    if (shared) this.sharedTokens.set(i, t);
    if ((info & TOKEN_ALTS) !== 0) {
      t.alts = exactly(this.altIds, this.altEnds[i], this.altEnds[i + 1], this.tokenOf);
    }
    return t;
  }

  /** String k of the table. */
  private string(k: number): string {
    return k < this.latinCount ? this.latin.slice(this.latinEnds[k], this.latinEnds[k + 1]) : this.wide.slice(this.wideEnds[k - this.latinCount], this.wideEnds[k - this.latinCount + 1]);
  }

  /**
   * String k as JSON.parse gave it, short ones interned (V8 keeps one copy of the text, and code
   * comparing a payload's kind or id with a literal compares references),
   * and kept: a few thousand values recur in many payloads.
   */
  private name(k: number): string {
    let s = this.names.get(k);
    if (s === undefined) {
      s = this.string(k);
      if (s.length <= INTERNED_LENGTH) s = JSON.parse(JSON.stringify(s)) as string;
      this.names.set(k, s);
    }
    return s;
  }

  private payload(i: number): T {
    const at = this.payloadEnds[i], head = this.payloadValues[at];
    const shared = (head & PAYLOAD_SHARED) !== 0;
    let x = shared ? this.sharedPayloads.get(i) : undefined;
    if (x === undefined) {
      const shape = head >>> 1;
      x = (shape === 0 ? JSON.parse(this.string(this.payloadValues[at + 1])) : this.makers[shape - 1](this.value, at + 1)) as T;
      if (shared) this.sharedPayloads.set(i, x);
    }
    return x;
  }
}

const utf8 = new TextDecoder();

function record(bytes: Uint8Array, ends: Uint32Array, i: number): unknown {
  return JSON.parse(utf8.decode(bytes.subarray(ends[i], ends[i + 1])));
}

/** Key -> its number, in the packed order. */
function keyIndex(joined: string): Map<string, number> {
  const index = new Map<string, number>();
  if (!joined) return index;
  const keys = joined.split(KEY_SEPARATOR);
  for (let k = 0; k < keys.length; k++) index.set(keys[k], k);
  return index;
}

/** The persons of a lexicon, packed, with the index of who held which office (see index.ts, termsFor). */
export interface PackedPersonData {
  ids: string;
  bytes: Uint8Array;
  ends: Uint32Array;
  /** Index keys joined by KEY_SEPARATOR; list k is (person, term) pairs [ends[k]..ends[k+1]). */
  holderKeys: string;
  holderEnds: Uint32Array;
  holderPersons: Uint32Array;
  holderTerms: Uint32Array;
}

export function packPersons(persons: Map<string, Person>, holdings: Map<string, Holding[]>): PackedPersonData {
  const list = [...persons.values()];
  const number = new Map(list.map((p, i) => [p, i]));
  const r = records(list);
  const keys = [...holdings.keys()];
  const holderEnds = new Uint32Array(keys.length + 1);
  const who: number[] = [], which: number[] = [];
  keys.forEach((k, i) => {
    for (const { p, t } of holdings.get(k)!) {
      who.push(number.get(p)!);
      which.push(p.terms.indexOf(t));
    }
    holderEnds[i + 1] = who.length;
  });
  return {
    ids: [...persons.keys()].join(KEY_SEPARATOR), bytes: r.bytes, ends: r.ends,
    holderKeys: keys.join(KEY_SEPARATOR), holderEnds, holderPersons: Uint32Array.from(who), holderTerms: Uint32Array.from(which),
  };
}

/**
 * A lexicon's persons read from its snapshot: a Map whose get() and has() build only the person
 * asked for, and holders() the terms filed under one office. Iterating it builds them all, once.
 */
export class PackedPersons extends Map<string, Person> {
  private readonly index: Map<string, number>;
  private readonly objects: (Person | undefined)[];
  private readonly holderIndex: Map<string, number>;
  private readonly holderLists: (Holding[] | undefined)[];
  private filled = false;

  constructor(private readonly data: PackedPersonData) {
    super();
    this.index = keyIndex(data.ids);
    this.objects = new Array(this.index.size);
    this.holderIndex = keyIndex(data.holderKeys);
    this.holderLists = new Array(this.holderIndex.size);
  }

  override get(id: string): Person | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.person(i);
  }

  override has(id: string): boolean {
    return this.index.has(id);
  }

  override get size(): number {
    return this.index.size;
  }

  /** The terms filed under "country|office" or "country|role", with their holders. */
  holders(key: string): readonly Holding[] {
    const k = this.holderIndex.get(key);
    if (k === undefined) return NO_HOLDINGS;
    let list = this.holderLists[k];
    if (!list) {
      list = [];
      for (let i = this.data.holderEnds[k]; i < this.data.holderEnds[k + 1]; i++) {
        const p = this.person(this.data.holderPersons[i]);
        list.push({ p, t: p.terms[this.data.holderTerms[i]] });
      }
      this.holderLists[k] = list;
    }
    return list;
  }

  override values(): MapIterator<Person> {
    this.fill();
    return super.values();
  }
  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }
  override entries(): MapIterator<[string, Person]> {
    this.fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, Person]> {
    return this.entries();
  }
  override forEach(fn: (value: Person, key: string, map: Map<string, Person>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(fn, thisArg);
  }

  /** Every person built and held by the Map itself (in the order they were packed), once. */
  private fill(): void {
    if (this.filled) return;
    this.filled = true;
    for (const [id, i] of this.index) super.set(id, this.person(i));
  }

  private person(i: number): Person {
    return (this.objects[i] ??= record(this.data.bytes, this.data.ends, i) as Person);
  }
}

const NO_HOLDINGS: readonly Holding[] = [];
