// Events stage, split and merge: one signing per document named, and whether two drafts are one
// interaction reported twice.

import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { EventType } from "../types.js";
import { hasProclitic, isWordOf } from "./cues.js";
import { DIRECTED, type Draft, type EventContext, type Side, copySide, countriesKey, mapPacked, newDraft, sideAt, toActors } from "./model.js";
import { coordinatedPersons } from "./sides.js";
import { farApart } from "./when.js";
import { sentenceMemo } from "./memo.js";

/** The number written right before a document noun ("13 accords", "16 documents"), if any. */
export function batchSize(ctx: EventContext, sm: SentenceMentions): number | undefined {
  // (The same for every signing of the sentence: read once per sentence in a run.)
  const memo = sentenceMemo(ctx, sm);
  if (!memo) return readBatchSize(ctx, sm);
  if (memo.batch === null) memo.batch = readBatchSize(ctx, sm);
  return memo.batch;
}

function readBatchSize(ctx: EventContext, sm: SentenceMentions): number | undefined {
  const nouns = ctx.lex.markers.documentNouns.get(ctx.lang);
  if (!nouns) return undefined;
  for (let k = 1; k < sm.tokens.length; k++) {
    const w = sm.tokens[k].norm;
    if (!documentNoun(w, nouns)) continue;
    // The number, or the number and one word ("13 bilateral agreements").
    for (const j of [k - 1, k - 2]) if (j >= 0 && /^\d+$/.test(sm.tokens[j].norm) && Number(sm.tokens[j].norm) > 1) return Number(sm.tokens[j].norm);
  }
  return undefined;
}

/**
 * Whether a word, or the word after an Arabic proclitic, is a document noun with up to four more
 * letters (wordVariantsOf, read without building the list or a closure per word).
 */
function documentNoun(w: string, nouns: string[]): boolean {
  return startsWithNoun(w, nouns) || (hasProclitic(w) && startsWithNoun(w.slice(1), nouns));
}

function startsWithNoun(v: string, nouns: string[]): boolean {
  for (let i = 0; i < nouns.length; i++) if (v.startsWith(nouns[i]) && v.length - nouns[i].length <= 4) return true;
  return false;
}

/** How many signed documents a sentence names (document nouns, each counted once per word). */
export function documentsNamed(ctx: EventContext, sm: SentenceMentions): number {
  // (As batchSize, once per sentence in a run.)
  const memo = sentenceMemo(ctx, sm);
  if (!memo) return countDocumentsNamed(ctx, sm);
  if (memo.documents < 0) memo.documents = countDocumentsNamed(ctx, sm);
  return memo.documents;
}

function countDocumentsNamed(ctx: EventContext, sm: SentenceMentions): number {
  const nouns = ctx.lex.markers.documentNouns.get(ctx.lang);
  if (!nouns) return 1;
  let n = 0;
  for (const t of sm.tokens) {
    if (/^\p{N}/u.test(t.norm)) return 1; // "16 documents", "nine memoranda": a batch
    if (documentNoun(t.norm, nouns)) n++;
  }
  return n;
}

/** Can two drafts be one interaction reported twice? */
/** How many days one state or official visit may last in one report. */
const VISIT_DAYS = 6;

export function sameInteraction(a: Draft, b: Draft, bKey?: string): boolean {
  if (a.rec.type !== b.rec.type) return false;
  if (!hasCountriesKey(a.sides, bKey ?? countriesKey(b.sides))) return false;
  if (a.rec.mode !== b.rec.mode) {
    const modes = [a.rec.mode, b.rec.mode];
    // A generic meeting trigger after a call or video conference is that call, elaborated.
    if (!(a.rec.type === "CONSULT" && modes.includes("meeting") && (modes.includes("phone") || modes.includes("video")))) return false;
    // A later "talks" after a call elaborates the call; a later call does not turn an earlier
    // meeting into a call unless both are told together (one sentence, one stated day).
    const upgrade = a.rec.mode === "meeting";
    if (upgrade && a.sentence !== b.sentence && !(a.dateExplicit && b.dateExplicit && a.rec.date === b.rec.date)) return false;
  }
  // Directed acts, and support given the other way ("congratulated" / "thanked him for the
  // congratulations"), have an initiator: two initiators, two acts.
  // (Aid between the same two sides in one report is one delivery whichever way a sentence
  // orders them: aid flowing both ways at once is rare, and the donor is often misread as the
  // recipient of its own envoy's ceremony.)
  const twoWayAid = a.rec.type === "AID" && a.sides.length === 2 && b.sides.length === 2;
  if ((DIRECTED.has(a.rec.type) || a.rec.type === "SUPPORT") && !twoWayAid && a.sides[0]?.country !== b.sides[0]?.country) return false;
  // A summons or protest note and an accusation told in another sentence are two acts ("the
  // ambassador was summoned" ... "in recent months Baku has accused Paris of ..."); a
  // condemnation of what the protest is about is the protest's content, and stays one.
  if (a.rec.type === "ACCUSE" && a.sentence !== b.sentence && (a.rec.cameo === "112") !== (b.rec.cameo === "112") && (a.rec.cameo === "114" || b.rec.cameo === "114")) return false;
  // Condolences, congratulations and an apology on one day are three acts of support.
  if (a.rec.type === "SUPPORT" && a.rec.cameo !== b.rec.cameo) return false;
  // Each signing sentence names its own document(s).
  // ("Signed 13 agreements" ... "followed by the signing of 13 bilateral agreements": the same
  // batch told again.)
  const sameBatch = a.batch !== undefined && a.batch === b.batch;
  if (a.rec.type === "AGREE" && a.rec.mode === "sign" && !sameBatch && (a.sentence !== b.sentence || (a.docIndex ?? 0) !== (b.docIndex ?? 0))) return false;
  // Two agreements told in different sentences are one only when they speak of the same thing
  // ("agreed to take trade past $100 billion" ... "agreed to raise the figure beyond $100
  // billion"; not "agreed to release them").
  // So are two accusations ("accused France of destabilising the Caucasus" ... "had accused
  // Paris of fuelling new wars").
  if ((a.rec.type === "AGREE" && a.rec.mode === "agree") || (a.rec.type === "ACCUSE" && a.rec.cameo === "112" && b.rec.cameo === "112")) {
    if (a.sentence !== b.sentence && a.content && b.content && ![...a.content].some((w) => b.content!.has(w))) return false;
  }
  // A visit told by its arrival (the 12th), its welcome and its last day (the 15th) is one trip:
  // one report rarely tells two trips of the same sides within a week.
  // A month stated once and a day of it stated later ("in June" ... "on 12 June") agree.
  // (Both read only for two different stated dates.)
  if (a.rec.date !== b.rec.date && a.dateExplicit && b.dateExplicit && !visitDays(a, b) && !nestedDates(a, b)) return false;
  // A stated date months away from the day an undated report was put on is another occasion
  // ("the talks" today; "the handshake in Doha in November 2022").
  if (a.dateExplicit !== b.dateExplicit && a.rec.date && b.rec.date && farApart(a.rec.date, b.rec.date)) return false;
  // Talks in Valletta and talks in Moscow are two meetings, dated or not ("the ministers last
  // held talks in Moscow on 2 December").
  // Nor are talks in Egypt and talks in Syria, whatever cities are named.
  if (a.rec.type === "CONSULT" && a.rec.mode === "meeting" && a.rec.location?.city && b.rec.location?.city && a.rec.location.city !== b.rec.location.city) return false;
  if (a.rec.type === "CONSULT" && a.rec.mode === "meeting" && a.rec.location?.country && b.rec.location?.country && a.rec.location.country !== b.rec.location.country) return false;
  // Different persons for one country: two meetings on one trip. (Not the host of a visit:
  // "received by the President" and "arrived last night to hold talks with the minister", or
  // "welcomed at the airport by the energy minister", are one trip.)
  const sameVisitor = a.rec.mode === "visit" && a.sides[0]?.country === b.sides[0]?.country;
  for (const s of sameVisitor ? a.sides.slice(0, 1) : a.sides) {
    const o = b.sides.find((x) => x.country === s.country);
    if (o && s.name && o.name && s.name !== o.name && s.rank > 0 && o.rank > 0) return false;
    // An envoy and a minister or leader of one country are two persons: the ambassador
    // summoned and the foreign minister a protest is conveyed to are two acts.
    if (o && s.rank >= 2 && o.rank >= 2 && s.role && o.role && s.role !== o.role && (s.role === "ambassador" || o.role === "ambassador")) return false;
  }
  return true;
}

/** Whether two drafts are a visit's, dated to the day, at most VISIT_DAYS apart. */
function visitDays(a: Draft, b: Draft): boolean {
  return a.rec.mode === "visit" && !!a.rec.date && !!b.rec.date && a.rec.date.length === 10 && b.rec.date.length === 10 && Math.abs(Date.parse(a.rec.date) - Date.parse(b.rec.date)) <= VISIT_DAYS * 86400000;
}

/** Whether one draft's date is within the other's (a day of a stated month). */
function nestedDates(a: Draft, b: Draft): boolean {
  return !!a.rec.date && !!b.rec.date && (a.rec.date.startsWith(b.rec.date) || b.rec.date.startsWith(a.rec.date));
}

/**
 * countriesKey(sides) === key, without building the key of two sides (read against the key in
 * place: the key of a new draft is compared with every draft before it).
 */
function hasCountriesKey(sides: { country: string }[], key: string): boolean {
  if (sides.length !== 2) return countriesKey(sides) === key;
  const a = sides[0].country, b = sides[1].country;
  const x = b < a ? b : a, y = b < a ? a : b;
  return key.length === x.length + 1 + y.length && key.charCodeAt(x.length) === 45 && key.startsWith(x) && key.endsWith(y);
}

/** Whether a word of the sentence is one of the words. */
function anyWordOf(sm: SentenceMentions, words: string[]): boolean {
  if (!words.length) return false;
  for (const x of sm.tokens) if (isWordOf(x.norm, words)) return true;
  return false;
}

/**
 * The groups of sides an occasion is told as: one event with all its sides, or one event per
 * counterpart.
 */
export function groupsOf(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, sides: Side[], type: EventType, mode: string | null, extraPersons: Side[]): Side[][] {
  // A call or an aid delivery to several counterparts is one interaction with each.
  // Condolences or congratulations from one side to several are one message to each.
  const oneToMany = sides.length > 2 && !sides[0].counterpart && sides.slice(1).every((x) => x.counterpart);
  // "The EU held conferences with Ukraine and Moldova": one meeting with each, when the
  // counterparts are bare countries joined by "and" after "with".
  const bareCounterparts = oneToMany && sides.slice(1).every((x) => x.rank === 1);
  // "Received the credentials of the ambassadors of Germany, Japan and Egypt": one audience each.
  const listedOthers = sides.length > 2 && !sides[0].listed && sides.slice(1).every((x) => x.listed);
  // "Also met with President X and President Y": one meeting with each named counterpart,
  // unless the text calls it trilateral (then a multilateral or "three-way" word is there).
  // (Read only where it can decide: a meeting with more than two sides.)
  const severalParty = mode === "meeting" && sides.length > 2 && anyWordOf(sm, ctx.lex.markers.severalParty.get(ctx.lang) ?? []);
  const namedCounterparts = oneToMany && sides.slice(1).every((x) => x.rank === 3);
  // "X held meetings with A, B and C": one side before the trigger and a list after it is one
  // meeting with each, unless the text says they met together.
  const subjectAndList = sides.length > 2 && sides[0].start < t.start && sides.slice(1).every((x) => x.start >= t.end && Number.isFinite(x.start));
  // "Accused the governments of Colombia, Mexico and Chile": a directed act aimed at several
  // is one act towards each (PLOVER events are dyadic); agreements among three stay one, and
  // so does an appeal to two parties to do something together ("urged X and Y to talk").
  // ...also when the wording says who is acted on ("the governments accused of ..., A, B and C").
  const patientList = sides.length > 2 && !sides[0].patient && sides.slice(1).every((x) => x.patient);
  const directedAtList = (subjectAndList || patientList) && type !== "CONSULT" && type !== "AGREE" && type !== "COOPERATE" && type !== "REQUEST";
  const groups: Side[][] = (mode === "phone" || type === "AID" || directedAtList || (type === "SUPPORT" && oneToMany) || (mode === "meeting" && !severalParty && (bareCounterparts || listedOthers || namedCounterparts || subjectAndList))) && sides.length > 2 && !sides[0].counterpart
    ? mapPacked(sides.slice(1), (o) => [sides[0], o])
    : [sides];
  // A meeting with two named persons of one country, joined by "and": one meeting each.
  // (The object of the verb is a counterpart too, when the other side stands before the verb:
  // "where he met President X, in addition to Foreign Minister Y".)
  if (mode === "meeting" && groups.length === 1) {
    for (const p of extraPersons) {
      const own = sides.find((x) => x.country === p.country);
      const object = !!own && own.start >= t.end && sides.some((x) => x !== own && x.start < t.start);
      if (!own || !(own.counterpart || object) || !coordinatedPersons(ctx, own, p)) continue;
      groups.push(mapPacked(sides, (x) => (x === own ? sideAt(p, p.rank, p.start, true) : x)));
    }
  }
  // "Held meetings with European Council President A, Commission President B and ...": in a
  // list split one per counterpart, two named persons of one organisation are two meetings.
  if (groups.length > 1) {
    for (const p of extraPersons) {
      if (p.start < t.end || !p.name || !groups.some((g) => g[1].country === p.country && g[1].name && g[1].name !== p.name)) continue;
      if (!groups.some((g) => g[1].name === p.name)) groups.push([sides[0], sideAt(p, p.rank, p.start, true)]);
    }
  }
  return groups;
}

/** Same interaction again: keep the first report (twin), fill what it lacked from draft. */
export function mergeInto(twin: Draft, draft: Draft, group: Side[], si: number): void {
  const rec = draft.rec;
  const morePrecise = draft.dateExplicit && !!rec.date && !!twin.rec.date && rec.date.length > twin.rec.date.length && rec.date.startsWith(twin.rec.date);
  if ((!twin.dateExplicit && draft.dateExplicit) || morePrecise || (twin.rec.mode === "visit" && draft.dateExplicit && rec.date && twin.rec.date && rec.date.length === twin.rec.date.length && rec.date < twin.rec.date)) {
    // A visit is dated by its arrival: the earlier of two stated days.
    twin.rec.date = rec.date;
    twin.dateExplicit = true;
  }
  for (const s of group) {
    const o = twin.sides.find((x) => x.country === s.country);
    if (o && !o.name && s.name) Object.assign(o, { name: s.name, role: s.role, rank: s.rank });
    // A protest told again with one more of its sides (sameProtest); a meeting referred back to
    // ("this meeting", in a sentence about something else) keeps its own sides.
    if (!o && sameProtest(twin, draft)) twin.sides.push(copySide(s));
  }
  twin.rec.actors = toActors(twin.sides);
  twin.reported.add(si);
  // A meeting that turns out to be a call or video conference takes the specific mode.
  if (twin.rec.mode === "meeting" && (rec.mode === "phone" || rec.mode === "video")) {
    twin.rec.mode = rec.mode;
    twin.rec.cameo = rec.cameo;
    twin.rec.goldstein = rec.goldstein;
  }
  if (!twin.rec.location && rec.location) twin.rec.location = rec.location;
}

/** How many sentences apart one protest may be told again with more or fewer of its sides. */
const PROTEST_RETOLD = 3;

/**
 * "Iran summoned the Portuguese ambassador" ... "the ambassador, as holder of the EU presidency,
 * was summoned" ... "he condemned the EU's decision": one protest told again with more or fewer
 * of its sides, by the same protester, close by. One of the two is a summons or protest note.
 */
export function sameProtest(a: Draft, b: Draft): boolean {
  if (a.rec.type !== "ACCUSE" || b.rec.type !== "ACCUSE" || (a.rec.cameo !== "114" && b.rec.cameo !== "114")) return false;
  if (a.sides[0]?.country !== b.sides[0]?.country || Math.abs(a.sentence - b.sentence) > PROTEST_RETOLD) return false;
  const ka = new Set(a.sides.map((x) => x.country));
  const kb = new Set(b.sides.map((x) => x.country));
  if (![...ka].every((c) => kb.has(c)) && ![...kb].every((c) => ka.has(c))) return false;
  // Otherwise as one interaction between the sides both name; the one protested to may be
  // named by its envoy in one report and its leader in the other ("a protest note to Venezuela
  // after ... Maduro", "handed to the Venezuelan ambassador").
  const shared = (d: Draft) => {
    const x = newDraft(d.rec, mapPacked(d.sides.filter((x) => ka.has(x.country) && kb.has(x.country)), (x, i) => (i === 0 ? x : unnamed(x))), d.sentence, d.dateExplicit, d.reported);
    x.merged = d.merged;
    x.docIndex = d.docIndex;
    x.content = d.content;
    x.batch = d.batch;
    return x;
  };
  return sameInteraction(shared(a), shared(b));
}

/** A copy of a side without its person. */
function unnamed(x: Side): Side {
  const y = copySide(x);
  y.name = null;
  y.role = null;
  return y;
}

/** The draft reported before that a new one is a report of again (not for mentions). */
export function twinOf(drafts: Draft[], draft: Draft, anaphoric: boolean): Draft | undefined {
  const rec = draft.rec;
  if (rec.status) return undefined;
  const key = countriesKey(draft.sides);
  for (const d of drafts) if (!d.rec.status && sameInteraction(d, draft, key)) return d;
  if (anaphoric) {
    const earlier = [...drafts].reverse().filter((d) => !d.rec.status && d.rec.type === rec.type);
    const sameMode = earlier.filter((d) => d.rec.mode === rec.mode);
    const countries = new Set(draft.sides.map((x) => x.country));
    const within = (d: Draft) => draft.sides.every((s) => d.sides.some((x) => x.country === s.country));
    // "This meeting" points back to the last one told: with the same sides if there is one, else
    // with all its sides among the other's; "during the meeting" after a reception of two
    // ministers names one of them: the meeting with all of them (any kind of meeting); else one
    // side in common (the rest of the sentence may name what was talked about). With no side in
    // common and no person named, the countries are the setting ("The meeting took place on the
    // sidelines of the ASEAN meetings in Kuala Lumpur").
    const back = sameMode.find((d) => countriesKey(d.sides) === countriesKey(draft.sides)) ?? sameMode.find(within) ??
      earlier.find((d) => rec.mode === "meeting" && d.rec.type === "CONSULT" && d.sides.length > 2 && within(d)) ??
      sameMode.find((d) => d.sides.some((x) => countries.has(x.country))) ?? (draft.sides.every((x) => !x.name) ? sameMode[0] : undefined);
    if (back) return back;
  }
  return drafts.find((d) => !d.rec.status && sameProtest(d, draft));
}
