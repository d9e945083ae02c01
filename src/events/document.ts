// Events stage, document-level passes run after all sentences: the host of talks, who comes
// first, summit participants, topics.

import type { SentenceMentions } from "../mentions/index.js";
import { hostOfTalks, initiatorOf } from "./cues.js";
import type { Evidence } from "../types.js";
import { type Draft, type EventContext, type Side, copySide, copySides, countriesKey, evidenceOf, newSide, toActors } from "./model.js";
import { type PlainMemo, plainSides } from "./sides.js";
import { nearDate } from "./when.js";

/**
 * "China will host the talks ... The talks were held in Beijing": talks between two others held
 * in the country named as their host or mediator (in that sentence or before) include it.
 */
export function withHostOfTalks(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  const talks = (d: Draft) => d.rec.type === "CONSULT" && d.rec.mode === "meeting" && !d.rec.status && d.sides.length === 2;
  // (The sentences are read only for a document that reports such talks.)
  if (!drafts.some(talks)) return;
  // (A draft reads the hosts of the sentences up to its first report: the sentences after the
  // latest such report are not read.)
  let upTo = -1;
  for (const d of drafts) if (talks(d)) upTo = Math.max(upTo, firstReport(d));
  const hosts: (string | null)[] = [];
  for (let i = 0; i <= upTo && i < sentences.length; i++) hosts.push(hostOfTalks(ctx, sentences[i]));
  for (const d of drafts) {
    if (!talks(d)) continue;
    const first = firstReport(d);
    // (The latest such host at or before that sentence, read backwards in place.)
    let host: string | null = null;
    for (let i = first; i >= 0 && !host; i--) if (hosts[i] && !d.sides.some((x) => x.country === hosts[i])) host = hosts[i];
    if (!host) continue;
    const sameSentence = hosts[first] === host;
    if (!sameSentence && d.rec.location?.country !== host) continue;
    d.sides.push(newSide(host, null, null, 1, Infinity, d.rec.evidence));
    d.rec.actors = toActors(d.sides);
  }
}

/** The first sentence that reports a draft (Math.min over the set, read in a loop rather than spread). */
function firstReport(d: Draft): number {
  let first = Infinity;
  for (const i of d.reported) first = Math.min(first, i);
  return first;
}

/**
 * "The call took place at the initiative of the Kazakh side": the call or meeting told last
 * before that sentence (or in it) puts the initiator first.
 */
export function initiatorsFirst(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  // (The sentences are read only for a document that reports a call or meeting, and only from
  // the first sentence that reports one: an initiator named before it has no call to go first in.)
  let from = Infinity;
  for (const x of drafts) if (x.rec.type === "CONSULT" && x.rec.mode !== "multilateral" && !x.rec.status) from = Math.min(from, x.sentence);
  for (let si = from; si < sentences.length; si++) {
    const initiator = initiatorOf(ctx, sentences[si]);
    if (!initiator) continue;
    const d = drafts.filter((x) => x.rec.type === "CONSULT" && x.rec.mode !== "multilateral" && !x.rec.status && x.sentence <= si && x.sides.some((y) => y.country === initiator)).pop();
    const at = d ? d.sides.findIndex((x) => x.country === initiator) : -1;
    if (!d || at <= 0) continue;
    d.sides.unshift(...d.sides.splice(at, 1));
    d.rec.actors = toActors(d.sides);
  }
}

/** In a meeting held during a visit, the visitor comes first (as in the visit). */
export function visitorFirst(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.rec.mode !== "meeting" || d.rec.status || d.sides.length !== 2) continue;
    const visit = drafts.find((v) => v.rec.mode === "visit" && !v.rec.status && countriesKey(v.sides) === countriesKey(d.sides) && !!v.rec.date && nearDate(v.rec.date, d.rec.date));
    if (!visit || d.sides[0].country === visit.sides[0].country) continue;
    d.sides.reverse();
    d.rec.actors = toActors(d.sides);
  }
}

/** Two events placed in different cities (or countries): not on each other's sidelines. */
export function elsewhere(a: Draft, b: Draft): boolean {
  const la = a.rec.location, lb = b.rec.location;
  if (!la?.country || !lb?.country) return false;
  return la.country !== lb.country || (!!la.city && !!lb.city && la.city !== lb.city);
}

/**
 * A summit is one event with every participant the text names: the leaders named in sentences
 * that report no other interaction (lists of participants, speeches) and the sides of the
 * meetings held on its sidelines the same day.
 */
export function addSummitParticipants(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[], plain: PlainMemo): void {
  for (const summit of drafts) {
    if (summit.rec.mode !== "multilateral" || summit.rec.status || summit.merged) continue;
    const add = (x: Side) => {
      if (!summit.sides.some((y) => y.country === x.country)) summit.sides.push(copySide(x));
    };
    sentences.forEach((sm, i) => {
      const others = sm.triggers.filter((t) => t.payload.mode !== "multilateral");
      if (i !== summit.sentence && others.length) return;
      // A list of participants belongs to the event told just before it (if any): delegations
      // named after other talks elsewhere are those talks' ("the Tajik delegation was headed by").
      const before = drafts.filter((d) => d.sentence <= i && d.sentence !== summit.sentence && !d.rec.status).pop();
      if (i !== summit.sentence && before && elsewhere(before, summit)) return;
      for (const x of plainSides(plain, ctx, sm, summit.rec.date)) if (x.rank >= 2) add(x);
    });
    const orgs = new Set(summit.sides.filter((x) => ctx.lex.orgCodes.has(x.country)).map((x) => x.country));
    for (const d of drafts) {
      if (d === summit || d.rec.status || d.merged || d.rec.date !== summit.rec.date) continue;
      const withOrg = d.sides.some((x) => orgs.has(x.country));
      if (d.rec.mode === "multilateral" && withOrg) {
        // The same summit reported again: one event.
        for (const x of d.sides) add(x);
        for (const r of d.reported) summit.reported.add(r);
        d.merged = true;
      } else if (withOrg && d.rec.type === "CONSULT") {
        // "The heads of state discussed..." at the summit is the summit itself.
        for (const r of d.reported) summit.reported.add(r);
        d.merged = true;
      } else if (d.rec.type === "CONSULT" && !elsewhere(d, summit)) {
        for (const x of d.sides) if (x.rank >= 2) add(x);
      }
    }
    // Documents signed at the summit, with only the organisation and a host named: signed by all.
    for (const d of drafts) {
      if (d === summit || d.rec.status || d.merged || d.rec.date !== summit.rec.date || d.rec.type !== "AGREE") continue;
      if (d.sides.some((x) => orgs.has(x.country)) && d.sides.every((x) => summit.sides.some((y) => y.country === x.country))) d.sides = copySides(summit.sides);
      d.rec.actors = toActors(d.sides);
    }
    summit.rec.actors = toActors(summit.sides);
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].merged) drafts.splice(i, 1);
}

/**
 * Topics of an event: cue words in the sentences that report it, and in the sentences after
 * them that report no event of their own ("The sides also discussed trade and energy").
 */
export function assignTopics(ctx: EventContext, drafts: Draft[], sentences: SentenceMentions[]): void {
  // Each draft's topics and their evidence, by the draft's index (lists, not a map and a set per
  // draft: a draft has few topics, and most drafts none).
  const ids: string[][] = [];
  const evidence: Evidence[][] = [];
  for (let k = 0; k < drafts.length; k++) {
    ids.push([]);
    evidence.push([]);
  }
  // The drafts each sentence reports, in the drafts' order (one pass over the drafts, not one per
  // sentence).
  const reporting: number[][] = [];
  for (let i = 0; i < sentences.length; i++) reporting.push(NO_DRAFTS);
  for (let k = 0; k < drafts.length; k++) {
    for (const i of drafts[k].reported) {
      if (i < 0 || i >= sentences.length) continue;
      if (reporting[i] === NO_DRAFTS) reporting[i] = [k];
      else reporting[i].push(k);
    }
  }
  const live = (k: number) => !drafts[k].rec.status;
  const talks = (k: number) => drafts[k].rec.type === "CONSULT";
  let owners: number[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sm = sentences[i];
    const here = reporting[i];
    if (here.length) owners = here.some(live) ? here.filter(live) : here;
    else if (!owners.length) continue;
    if (!sm.topics.length) continue;
    // Elaborating sentences ("The sides also discussed...") speak of the talks, not of a
    // signing or a message reported beside them.
    // (The same for every topic of the sentence, as is its evidence sentence.)
    const targets = here.length ? here : owners.some(talks) ? owners.filter(talks) : owners;
    const ev = evidenceOf(ctx, sm);
    for (const t of sm.topics) {
      for (const k of targets) {
        // An elaborating sentence gives no topics to a mention (one that reports it does).
        if (!here.length && !live(k)) continue;
        if (ids[k].includes(t.payload.id)) continue;
        ids[k].push(t.payload.id);
        evidence[k].push({ document: ev.document, sentence: ev.sentence, start: t.start, end: t.end });
      }
    }
  }
  for (let k = 0; k < drafts.length; k++) {
    drafts[k].rec.topics = ids[k];
    drafts[k].rec.topicEvidence = evidence[k];
  }
}

/** The drafts of a sentence that reports none (shared, never added to). */
const NO_DRAFTS: number[] = [];
