// Events stage, shared model: what the stage reads (EventContext, DateHit), the drafts and sides it
// builds, and the type tables every pass consults.

import type { Lexicon } from "../lexicon/index.js";
import type { SentenceMentions } from "../mentions/index.js";
import type { Actor, EventRecord, EventType, Evidence, Role } from "../types.js";

/** What the events stage needs from the dates stage. */
export interface DateHit {
  start: number;
  end: number;
  value: string;
  kind: "absolute" | "relative";
  calendar?: "gregorian" | "jalali" | "hijri";
}

export interface EventContext {
  document: string;
  text: string;
  lang: string;
  /** Publication or dateline date, YYYY-MM-DD. */
  refDate: string | null;
  /** Where the article was filed (the dateline place), resolved. */
  datelinePlace: { city: string | null; country: string | null; start: number; end: number } | null;
  /** Entities of the title, used as the first discourse context. */
  /** Mentions in the title, the first discourse context. */
  title: SentenceMentions | null;
  lex: Lexicon;
}

export interface Side {
  country: string;
  name: string | null;
  role: Role | null;
  rank: number; // 3 named person, 2 office, 1 bare country/org, 0 inherited from context
  start: number;
  /** Where the mention ends, for bare countries and organisations (see bareSides). */
  end?: number;
  evidence: Evidence;
  /** Named as the counterpart ("with X", "X bilan"), not as the one who acts. */
  counterpart?: boolean;
  /** Named as the place one is in or goes to ("visit to Tajikistan"). */
  host?: boolean;
  /** A named person joined by "and" to a named person of another country ("Shoigu and Ahmadian"). */
  paired?: boolean;
  /** One of several countries listed after one title ("the ambassadors of Germany, Japan and Egypt"). */
  listed?: boolean;
  /** "The Indian leader": a title that is whoever leads the country, president or prime minister. */
  leader?: boolean;
  /** The one a directed act is aimed at, told as such by its wording (voice.ts). */
  patient?: boolean;
}

// Every side is made by newSide or copySide, with all its fields in one order (absent flags are
// undefined, which reads, spreads and serialises as a missing field does): sides made with other
// fields or orders, or given a flag later, had a dozen hidden classes between them, and the
// passes that read them deoptimised on each new one.

/** A side with no flags set. */
export function newSide(country: string, name: string | null, role: Role | null, rank: number, start: number, evidence: Evidence, counterpart?: boolean): Side {
  return { country, name, role, rank, start, end: undefined, evidence, counterpart, host: undefined, paired: undefined, listed: undefined, leader: undefined, patient: undefined };
}

/** A copy of a side (what `{ ...x }` made, with newSide's hidden class). */
export function copySide<S extends Side>(x: S): S;
export function copySide(x: Side): Side {
  return { country: x.country, name: x.name, role: x.role, rank: x.rank, start: x.start, end: x.end, evidence: x.evidence, counterpart: x.counterpart, host: x.host, paired: x.paired, listed: x.listed, leader: x.leader, patient: x.patient };
}

/** A copy of a side with another rank and start, and another counterpart flag if one is given. */
export function sideAt(x: Side, rank: number, start: number, counterpart?: boolean): Side {
  const c = copySide(x);
  c.rank = rank;
  c.start = start;
  if (counterpart !== undefined) c.counterpart = counterpart;
  return c;
}

/** Copies of sides, in a new list. */
export function copySides<S extends Side>(list: readonly S[]): S[] {
  return mapPacked(list, copySide);
}

/**
 * `list.map(f)` in a list that stays packed: `map` in optimised code makes a holey list where
 * the same call unoptimised makes a packed one, and the passes reading a list deoptimised on
 * meeting the other kind.
 */
export function mapPacked<T, U>(list: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(f(list[i], i));
  return out;
}

/** Default CAMEO root and Goldstein value per PLOVER type when the lexicon has none. */
export const TYPE_DEFAULTS: Record<EventType, { cameo: string; goldstein: number }> = {
  CONSULT: { cameo: "040", goldstein: 1.0 },
  AGREE: { cameo: "057", goldstein: 8.0 },
  SUPPORT: { cameo: "051", goldstein: 3.4 },
  COOPERATE: { cameo: "060", goldstein: 6.0 },
  AID: { cameo: "070", goldstein: 7.0 },
  REQUEST: { cameo: "020", goldstein: 3.0 },
  ACCUSE: { cameo: "112", goldstein: -2.0 },
  REJECT: { cameo: "120", goldstein: -4.0 },
  THREATEN: { cameo: "130", goldstein: -4.4 },
  PROTEST: { cameo: "140", goldstein: -6.5 },
  SANCTION: { cameo: "160", goldstein: -4.0 },
  CONCEDE: { cameo: "080", goldstein: 5.0 },
  RETREAT: { cameo: "087", goldstein: 9.0 },
  MOBILIZE: { cameo: "150", goldstein: -7.2 },
  COERCE: { cameo: "170", goldstein: -7.0 },
  ASSAULT: { cameo: "190", goldstein: -10.0 },
};

// Types where the order of the sides carries meaning (who accuses whom): two such events with
// the same sides in opposite directions are distinct.
// SUPPORT is left out: "X thanked Y" and "he praised Y's effort" are one act of support.
export const DIRECTED: Set<EventType> = new Set(["ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "REQUEST", "AID", "COERCE"]);

export const ROLE_RANK: Role[] = ["head_of_state", "head_of_government", "legislature_head", "foreign_minister", "org_head", "minister", "ambassador", "military", "official", "legislator", "governor_mayor", "delegation"];

export const seniority = (r: Role | null) => (r ? ROLE_RANK.length - ROLE_RANK.indexOf(r) : 0);

// Office holders that can be named from title alone when the date is known (an analyst is
// certain who "the Russian President" was in 2023; not who "a deputy minister" was).
export const RESOLVABLE_OFFICE_ROLES: Set<Role> = new Set(["head_of_state", "head_of_government", "foreign_minister", "legislature_head", "org_head"]);

/** Roles a state's office holders have, which no organisation's person has. */
export const STATE_ROLES: Set<Role> = new Set(["head_of_state", "head_of_government", "foreign_minister", "minister", "legislature_head"]);

/** Characters between two mentions that still bind a title to its country or person. */
export const BIND_GAP = 24;

// Hostile types: the country struck, sanctioned or accused is a side even when the text puts it
// after "in"/"on" ("strikes in Pakistan", "sanctions on Russia").
export const HOSTILE: Set<EventType> = new Set(["ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "REJECT", "RETREAT"]);

/** Acts of force and street protest: their sides are named where they are told. */
export const MATERIAL_CONFLICT: Set<EventType> = new Set(["PROTEST", "COERCE", "ASSAULT", "MOBILIZE"]);

/** Events that are statements: what they say is content, not sides. */
export const SPEECH_ACTS: Set<EventType> = new Set(["THREATEN", "REQUEST", "ACCUSE", "REJECT"]);

export function evidenceOf(ctx: EventContext, sm: SentenceMentions): Evidence {
  const s = sm.sentence;
  return { document: ctx.document, sentence: ctx.text.slice(s.start, s.end), start: s.start, end: s.end };
}

export interface Draft {
  rec: EventRecord;
  sides: Side[];
  sentence: number;
  dateExplicit: boolean;
  /** Sentences that report this event (where it was found or found again). */
  reported: Set<number>;
  /** Folded into another event (a summit reported twice). */
  merged?: boolean;
  /** Which of the documents named in a signing sentence this signing is. */
  docIndex?: number;
  /** Content words right after the trigger (what was agreed), for telling agreements apart. */
  content?: Set<string>;
  /** The number of documents a signing sentence gives ("signed 13 agreements"), if any. */
  batch?: number;
}

/** A draft with none of its optional fields set, which are all there (undefined) in one order, as newSide's are. */
export function newDraft(rec: EventRecord, sides: Side[], sentence: number, dateExplicit: boolean, reported: Set<number>): Draft {
  return { rec, sides, sentence, dateExplicit, reported, merged: undefined, docIndex: undefined, content: undefined, batch: undefined };
}

export function countriesKey(sides: { country: string }[]): string {
  // Most events have two sides: their key without building and sorting an array (the default
  // sort orders strings by code units, as < does).
  if (sides.length === 2) {
    const a = sides[0].country, b = sides[1].country;
    return b < a ? `${b}-${a}` : `${a}-${b}`;
  }
  if (sides.length <= 1) return sides.length ? sides[0].country : "";
  return mapPacked(sides, (s) => s.country).sort().join("-");
}

export function toActors(sides: Side[]): Actor[] {
  return mapPacked(sides, (s) => ({ country: s.country, name: s.name, role: s.role, evidence: [s.evidence] }));
}
