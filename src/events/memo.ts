// Events stage, memo: answers that depend only on what the stage reads of one document (its text,
// its sentences' tokens, entities and trigger spans, the lexicon), kept while findEvents reads that
// document. The passes ask the same questions of a sentence many times (the role of each mention
// for every side computed, the holder of an office for every trigger); each is answered once.
// Outside a findEvents run (a test calling one pass) nothing is kept and every answer is computed.

import { type Person, type PersonTerm, holderNamed, holderOf, termOn } from "../lexicon/index.js";
import type { EntityMatch, SentenceMentions } from "../mentions/index.js";
import type { EventContext, Side } from "./model.js";

/** What is kept for one sentence. */
export interface SentenceMemo {
  /** mentionRole of each mention. */
  roles: Map<EntityMatch, "party" | "place" | "direction" | "topic">;
  /** Whether a country or organisation mention is no side at all (a place describing a noun, a route crossed, a stance). */
  notSide: Map<EntityMatch, boolean>;
  /** isCounterpart of a span, by its start, then its end. */
  counterparts: Map<number, Map<number, boolean>>;
  /** The persons and offices a sentence names, by date and what of the event they depend on (see namedSides). */
  named: Map<string, { sides: Side[]; consumed: number[] }>;
}

interface DocumentMemo {
  ctx: EventContext;
  sentences: Map<SentenceMentions, SentenceMemo>;
  /** holderOf by "country|office|date". */
  holders: Map<string, Person | null>;
  /** holderNamed by "country|office|spelling". */
  named: Map<string, Person | null>;
  /** The lexicon's persons by id (a packed lexicon builds a person each time it is asked). */
  persons: Map<string, Person | undefined>;
  /** termOn by person and date. */
  terms: Map<Person, Map<string | null, PersonTerm | null>>;
}

let current: DocumentMemo | null = null;

/** Runs the stage over one document with its memo; the memo is dropped when the run ends. */
export function withDocumentMemo<T>(ctx: EventContext, run: () => T): T {
  const outer = current;
  current = { ctx, sentences: new Map(), holders: new Map(), named: new Map(), persons: new Map(), terms: new Map() };
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
    m = { roles: new Map(), notSide: new Map(), counterparts: new Map(), named: new Map() };
    current.sentences.set(sm, m);
  }
  return m;
}

/** A map's answer for a key, computed and kept the first time it is asked. */
function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}

/** holderOf, answered once per document for each country, office and date. */
export function holderOn(ctx: EventContext, country: string, office: string, date: string | null): Person | null {
  if (!date) return null;
  if (!current || current.ctx !== ctx) return holderOf(ctx.lex, country, office, date);
  return remembered(current.holders, `${country}|${office}|${date}`, () => holderOf(ctx.lex, country, office, date));
}

/** holderNamed, answered once per document for each country, office and spelling. */
export function holderNamedOn(ctx: EventContext, country: string, office: string, spelling: string): Person | null {
  if (!current || current.ctx !== ctx) return holderNamed(ctx.lex, country, office, spelling);
  return remembered(current.named, `${country}|${office}|${spelling}`, () => holderNamed(ctx.lex, country, office, spelling));
}

/** The lexicon's person of an id, read once per document. */
export function personOf(ctx: EventContext, id: string): Person | undefined {
  if (!current || current.ctx !== ctx) return ctx.lex.persons.get(id);
  return remembered(current.persons, id, () => ctx.lex.persons.get(id));
}

/** termOn, answered once per document for each person and date. */
export function termOnDate(ctx: EventContext, p: Person, date: string | null): PersonTerm | null {
  if (!current || current.ctx !== ctx) return termOn(p, date);
  let byDate = current.terms.get(p);
  if (!byDate) current.terms.set(p, (byDate = new Map()));
  return remembered(byDate, date, () => termOn(p, date));
}
