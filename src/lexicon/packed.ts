// A built matcher packed for its snapshot so that reading it back costs little: the phrases,
// their tokens and payloads are kept as UTF-8 JSON records in byte arrays (one record per object,
// found by its end offset), and only the index from first words to phrase numbers is read at
// start-up. A phrase, its tokens and its payload are parsed the first time a word of a document
// looks them up (PackedPhrases), so a short run builds the few thousand phrases it meets, not the
// hundred thousand of the lexicon, and the heap stays small. Shared objects stay shared (a token
// in two phrases, one payload, one ending list in many tokens): each record is built once.

import type { CompiledPhrase, MatcherState, PhraseSource, PhraseToken } from "./matcher.js";
import type { Holding, Person } from "./index.js";

export interface PackedMatcher {
  /** JSON: maxAllowance, firstLengths, prefixLengths, size, and the ending lists and sets. */
  meta: string;
  tokens: Uint8Array;
  tokenEnds: Uint32Array;
  phrases: Uint8Array;
  phraseEnds: Uint32Array;
  payloads: Uint8Array;
  payloadEnds: Uint32Array;
  /** Keys joined by KEY_SEPARATOR; list k is ids[ends[k]..ends[k+1]). */
  firstKeys: string;
  firstEnds: Uint32Array;
  firstIds: Uint32Array;
  prefixKeys: string;
  prefixEnds: Uint32Array;
  prefixIds: Uint32Array;
  han: Uint32Array;
}

/** Folded words are letters and digits: this never occurs in a key. */
const KEY_SEPARATOR = "\u0001";

interface Meta {
  maxAllowance: number;
  firstLengths: number[];
  prefixLengths: number[];
  size: number;
  lists: string[][];
  sets: string[][];
}

/** Records (JSON values) as one UTF-8 byte array and the end offset of each. */
function records(values: unknown[]): { bytes: Uint8Array; ends: Uint32Array } {
  const parts = values.map((v) => Buffer.from(JSON.stringify(v)));
  const ends = new Uint32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) ends[i + 1] = ends[i] + parts[i].length;
  return { bytes: Buffer.concat(parts), ends };
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
  const ref = (x: string[] | undefined) => (x ? ids(listIds, lists, x) : -1);
  const setRef = (x: Set<string> | undefined) => (x ? ids(setIds, setList, x) : -1);
  // A token: [text, prefix, allowance, deriving, suffixes, suffixSet, alts] (the seven fields of
  // add()'s tokens), or its first three for a token without the other fields.
  const tokenRecords = tokens.map((t) => {
    const base = [t.text, t.prefix ? 1 : 0, t.allowance];
    return "alts" in t ? [...base, ref(t.deriving), ref(t.suffixes), setRef(t.suffixSet), t.alts ? t.alts.map((a) => tokenIds.get(a)!) : null] : base;
  });
  // A phrase: [token ids, flags (1 capitalized, 2 upper), lang, payload id, surface, gap].
  const phraseRecords = phrases.map((c) => [c.tokens.map((t) => tokenIds.get(t)!), (c.capitalized ? 1 : 0) | (c.upper ? 2 : 0), c.lang, payloadIds.get(c.payload)!, c.surface, c.gap]);
  const meta: Meta = {
    maxAllowance: state.maxAllowance, firstLengths: [...state.firstLengths], prefixLengths: state.prefixLengths, size: state.size,
    lists, sets: setList.map((x) => [...x]),
  };
  const t = records(tokenRecords), p = records(phraseRecords), l = records(payloads);
  return {
    meta: JSON.stringify(meta),
    tokens: t.bytes, tokenEnds: t.ends,
    phrases: p.bytes, phraseEnds: p.ends,
    payloads: l.bytes, payloadEnds: l.ends,
    firstKeys: first.keys, firstEnds: first.ends, firstIds: first.ids,
    prefixKeys: prefix.keys, prefixEnds: prefix.ends, prefixIds: prefix.ids,
    han,
  };
}

const utf8 = new TextDecoder();

/** The phrases of a packed matcher, each record parsed on first use and kept. */
export class PackedPhrases<T> implements PhraseSource<T> {
  private readonly lists: string[][];
  private readonly sets: Set<string>[];
  private readonly tokenObjects: (PhraseToken | undefined)[];
  private readonly phraseObjects: (CompiledPhrase<T> | undefined)[];
  private readonly payloadObjects: (T | undefined)[];
  private readonly firstIndex: Map<string, number>;
  private readonly prefixIndex: Map<string, number>;
  private readonly firstLists: (CompiledPhrase<T>[] | undefined)[];
  private readonly prefixLists: (CompiledPhrase<T>[] | undefined)[];
  private hanList: CompiledPhrase<T>[] | null = null;
  /** Phrases parsed so far (out of phraseCount). */
  parsed = 0;
  get phraseCount(): number {
    return this.phraseObjects.length;
  }
  readonly meta: Pick<MatcherState<T>, "maxAllowance" | "firstLengths" | "prefixLengths" | "size">;

  constructor(private readonly p: PackedMatcher) {
    const meta = JSON.parse(p.meta) as Meta;
    this.meta = { maxAllowance: meta.maxAllowance, firstLengths: new Set(meta.firstLengths), prefixLengths: meta.prefixLengths, size: meta.size };
    this.lists = meta.lists;
    this.sets = meta.sets.map((x) => new Set(x));
    this.tokenObjects = new Array(p.tokenEnds.length - 1);
    this.phraseObjects = new Array(p.phraseEnds.length - 1);
    this.payloadObjects = new Array(p.payloadEnds.length - 1);
    this.firstIndex = keyIndex(p.firstKeys);
    this.prefixIndex = keyIndex(p.prefixKeys);
    this.firstLists = new Array(this.firstIndex.size);
    this.prefixLists = new Array(this.prefixIndex.size);
  }

  first(key: string): CompiledPhrase<T>[] | undefined {
    const k = this.firstIndex.get(key);
    if (k === undefined) return undefined;
    return (this.firstLists[k] ??= this.listOf(this.p.firstEnds, this.p.firstIds, k));
  }

  prefix(key: string): CompiledPhrase<T>[] | undefined {
    const k = this.prefixIndex.get(key);
    if (k === undefined) return undefined;
    return (this.prefixLists[k] ??= this.listOf(this.p.prefixEnds, this.p.prefixIds, k));
  }

  han(): CompiledPhrase<T>[] {
    return (this.hanList ??= Array.from(this.p.han, (i) => this.phrase(i)));
  }

  firstKeys(): string[] {
    return [...this.firstIndex.keys()];
  }

  prefixKeys(): string[] {
    return [...this.prefixIndex.keys()];
  }

  private listOf(ends: Uint32Array, ids: Uint32Array, k: number): CompiledPhrase<T>[] {
    const out: CompiledPhrase<T>[] = [];
    for (let i = ends[k]; i < ends[k + 1]; i++) out.push(this.phrase(ids[i]));
    return out;
  }

  private phrase(i: number): CompiledPhrase<T> {
    let c = this.phraseObjects[i];
    if (c) return c;
    const [tokenIds, flags, lang, payload, surface, gap] = record(this.p.phrases, this.p.phraseEnds, i) as [number[], number, string | null, number, string, number];
    c = { tokens: tokenIds.map((k) => this.token(k)), capitalized: (flags & 1) !== 0, upper: (flags & 2) !== 0, lang, payload: this.payload(payload), surface, gap };
    this.phraseObjects[i] = c;
    this.parsed++;
    return c;
  }

  private token(i: number): PhraseToken {
    let t = this.tokenObjects[i];
    if (t) return t;
    const r = record(this.p.tokens, this.p.tokenEnds, i) as [string, number, number, number?, number?, number?, (number[] | null)?];
    // One object shape for every token, those of three-field records too (add() made Han phrases'
    // tokens so): a second literal, first reached by a Han phrase after token was optimised,
    // deoptimised it, and the matcher's code read tokens of two hidden classes.
    const [text, prefix, allowance, deriving = -1, suffixes = -1, suffixSet = -1] = r;
    t = {
      text, prefix: prefix === 1, allowance,
      deriving: deriving < 0 ? undefined : this.lists[deriving],
      suffixes: suffixes < 0 ? undefined : this.lists[suffixes],
      suffixSet: suffixSet < 0 ? undefined : this.sets[suffixSet],
      alts: undefined,
    };
    // Kept before its forms are read: a form may refer back to it.
    this.tokenObjects[i] = t;
    const alts = r[6];
    if (alts) t.alts = alts.map((k) => this.token(k));
    return t;
  }

  private payload(i: number): T {
    let x = this.payloadObjects[i];
    if (x === undefined) this.payloadObjects[i] = x = record(this.p.payloads, this.p.payloadEnds, i) as T;
    return x;
  }
}

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
