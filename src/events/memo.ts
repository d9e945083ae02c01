// Events stage, memo: answers the passes ask for again and again, computed once.
//
// Per document run (findEvents): what depends on the document (its text, its sentences' tokens,
// entities and trigger spans): the role of each mention for every side computed, the persons and
// offices a sentence names. Outside a run (a test calling one pass) none of it is kept.
//
// Per lexicon object: what depends on the lexicon alone (the holder of an office on a date, a
// person by id, a person's term on a date; a packed lexicon builds a person each time it is
// asked). A document with persons of its own reads another lexicon object, with its own answers.

import { type Lexicon, type Person, type PersonTerm, holderNamed, holderOf, termOn } from "../lexicon/index.js";
import type { EntityMatch, SentenceMentions } from "../mentions/index.js";
import type { EventContext, Side } from "./model.js";

/** What is kept for one sentence. */
export interface SentenceMemo {
  /** mentionRole of each mention. */
  roles: Map<EntityMatch, "party" | "place" | "direction" | "topic">;
  /** Whether a country or organisation mention is no side at all (a place describing a noun, a route crossed, a stance). */
  notSide: Map<EntityMatch, boolean>;
  /** adjectiveIsActor of each nationality adjective. */
  actor: Map<EntityMatch, boolean>;
  /** isCounterpart of a span, by one number for its start and end. */
  counterparts: Map<number, boolean>;
  /** The persons and offices a sentence names, by date and what of the event they depend on (see namedSides). */
  named: Map<string | null, { sides: Side[]; consumed: number[] }[]>;
  /** The bare countries and organisations a sentence names, by the same and what else of the event they depend on (see sidesInSentence). */
  bare: Map<string | null, (Side & { end: number })[][]>;
  /** The places a sentence names, by date (see locate; read, never changed). */
  places: Map<string | null, Place[]>;
  /** documentsNamed of the sentence, once counted (-1 before). */
  documents: number;
  /** batchSize of the sentence, once read (null before). */
  batch: number | undefined | null;
}

/**
 * A sentence memo whose maps are made when first asked for: most sentences need a few of them
 * (a map is an allocation of its own, and this is made for every sentence read).
 */
class LazySentenceMemo implements SentenceMemo {
  private _roles: SentenceMemo["roles"] | null = null;
  private _notSide: SentenceMemo["notSide"] | null = null;
  private _actor: SentenceMemo["actor"] | null = null;
  private _counterparts: SentenceMemo["counterparts"] | null = null;
  private _named: SentenceMemo["named"] | null = null;
  private _bare: SentenceMemo["bare"] | null = null;
  private _places: SentenceMemo["places"] | null = null;
  documents = -1;
  batch: number | undefined | null = null;
  get roles() {
    return (this._roles ??= new Map());
  }
  get notSide() {
    return (this._notSide ??= new Map());
  }
  get actor() {
    return (this._actor ??= new Map());
  }
  get counterparts() {
    return (this._counterparts ??= new Map());
  }
  get named() {
    return (this._named ??= new Map());
  }
  get bare() {
    return (this._bare ??= new Map());
  }
  get places() {
    return (this._places ??= new Map());
  }
}

/** A place named in a sentence: a city (or none) of a country, where it is named. */
export interface Place {
  city: string | null;
  country: string;
  start: number;
  end: number;
}

interface DocumentMemo {
  ctx: EventContext;
  sentences: Map<SentenceMentions, SentenceMemo>;
}

/** What is kept for one lexicon object (each map emptied when it grows past LEXICON_MEMO_SIZE). */
interface LexiconMemo {
  /** holderOf by country, office and date. */
  holders: Memo3<Person | null>;
  /** holderNamed by country, office and spelling. */
  named: Memo3<Person | null>;
  /** The persons by id. */
  persons: Map<string, Person | undefined>;
  /** termOn by person and date. */
  terms: WeakMap<Person, Map<string | null, PersonTerm | null>>;
}

const LEXICON_MEMO_SIZE = 50_000;
const lexiconMemos = new WeakMap<Lexicon, LexiconMemo>();

function lexiconMemo(lex: Lexicon): LexiconMemo {
  let m = lexiconMemos.get(lex);
  if (!m) {
    m = { holders: new Memo3(), named: new Memo3(), persons: new Map(), terms: new WeakMap() };
    lexiconMemos.set(lex, m);
  }
  return m;
}

let current: DocumentMemo | null = null;

/** Runs the stage over one document with its memo; the memo is dropped when the run ends. */
export function withDocumentMemo<T>(ctx: EventContext, run: () => T): T {
  const outer = current;
  current = { ctx, sentences: new Map() };
  try {
    return run();
  } finally {
    current = outer;
  }
}

/** The memo of a sentence of the document being read, or null (another context, or no run). */
export function sentenceMemo(ctx: EventContext, sm: SentenceMentions): SentenceMemo | null {
  if (!current || current.ctx !== ctx) return null;
  let m = current.sentences.get(sm);
  if (!m) {
    m = new LazySentenceMemo();
    current.sentences.set(sm, m);
  }
  return m;
}

/** A map's answer for a key, read from the source and kept the first time it is asked (no closure per question). */
function remembered<K, V>(map: Map<K, V>, key: K, source: { get(key: K): V }): V {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) {
    value = source.get(key);
    if (map.size >= LEXICON_MEMO_SIZE) map.clear();
    map.set(key, value);
  }
  return value as V;
}

/**
 * Answers kept under three string keys, a map per key (no key string built and hashed per
 * question); all are emptied when LEXICON_MEMO_SIZE answers are kept. An answer is never
 * undefined.
 */
class Memo3<V> {
  private readonly root = new Map<string, Map<string, Map<string, V>>>();
  private size = 0;
  get(a: string, b: string, c: string): V | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }
  set(a: string, b: string, c: string, value: V): void {
    if (this.size >= LEXICON_MEMO_SIZE) {
      this.root.clear();
      this.size = 0;
    }
    let byB = this.root.get(a);
    if (!byB) this.root.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    if (!byC.has(c)) this.size++;
    byC.set(c, value);
  }
  /** The answer kept for the keys, else compute(lex, a, b, c), kept (a function of its arguments: no closure per question). */
  answer(lex: Lexicon, a: string, b: string, c: string, compute: (lex: Lexicon, a: string, b: string, c: string) => V): V {
    let value = this.get(a, b, c);
    if (value === undefined) {
      value = compute(lex, a, b, c);
      this.set(a, b, c, value);
    }
    return value;
  }
}

/** holderOf, answered once per lexicon for each country, office and date. */
export function holderOn(ctx: EventContext, country: string, office: string, date: string | null): Person | null {
  if (!date) return null;
  return lexiconMemo(ctx.lex).holders.answer(ctx.lex, country, office, date, holderOf);
}

/** holderNamed, answered once per lexicon for each country, office and spelling. */
export function holderNamedOn(ctx: EventContext, country: string, office: string, spelling: string): Person | null {
  return lexiconMemo(ctx.lex).named.answer(ctx.lex, country, office, spelling, holderNamed);
}

/** The lexicon's person of an id, read once per lexicon. */
export function personOf(ctx: EventContext, id: string): Person | undefined {
  return remembered(lexiconMemo(ctx.lex).persons, id, ctx.lex.persons);
}

/** termOn, answered once per person and date. */
export function termOnDate(ctx: EventContext, p: Person, date: string | null): PersonTerm | null {
  const terms = lexiconMemo(ctx.lex).terms;
  let byDate = terms.get(p);
  if (!byDate) terms.set(p, (byDate = new Map()));
  let term = byDate.get(date);
  if (term === undefined) {
    term = termOn(p, date);
    if (byDate.size >= LEXICON_MEMO_SIZE) byDate.clear();
    byDate.set(date, term);
  }
  return term;
}
