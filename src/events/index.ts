// Events stage: turns trigger phrases plus the entities around them into coded events.
//
// For each trigger in a sentence (findEvents below reads as the order of the passes):
//   1. triggers.ts: whether the trigger names an event of its own here (noEventHere);
//   2. when.ts: the date of each occasion it tells (occasionsOf, dateFor), else the paragraph's
//      running date, else the reference (publication) date;
//   3. sides.ts: persons (resolved to the office they held on the event date), offices bound to a
//      nearby country ("the Russian President", "President of Tajikistan", "رئيس الوزراء
//      الروسي"), bare countries and organisations (sidesInSentence, mentionRole);
//   4. where.ts: the place, and the scenes later events inherit (locate);
//   5. discourse.ts: when the sentence names fewer than two sides, the missing side comes from
//      the discourse (the previous event's sides, or the title's), as an analyst reads "the
//      parties" or "he"; the Discourse state carries this from sentence to sentence;
//   6. split.ts: one event per counterpart or per document named (groupsOf), and reports of the
//      same interaction inside one document merged (twinOf, mergeInto);
//   7. status.ts: a negation, future or hypothetical cue next to the trigger makes it a mention,
//      not an event; so does a date after the publication date (statusAndDate below);
//   8. document.ts: passes over the whole document (host of talks, who comes first, summit
//      participants, topics).
// Shared types and tables are in model.ts; word cues (a reception at the airport, a message
// that arrives, talks that are proposed, "this meeting") are tests in cues.ts, applied with a
// comment where a pass decides.

import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { EventRecord, EventType, Evidence } from "../types.js";
import { cargoArrives, dateOfReport, headingLine, ownsMission, relativeClauseStart, contentAfter, definiteOpening, demonstrativeBefore, duringBefore, inRelativeClause, isWordOf, pledgedBefore } from "./cues.js";
import { DIRECTED, type DateHit, type Draft, type EventContext, HOSTILE, MATERIAL_CONFLICT, SPEECH_ACTS, type Side, TYPE_DEFAULTS, copySides, evidenceOf, newDraft, newSide, toActors } from "./model.js";
import { type PlainMemo, type SideOptions, isReportingSource, markCoordinatedCounterparts, plainSides, sidesInSentence, withCounterpartOffice, withObjectTarget, withoutBriefed, withoutContent } from "./sides.js";
import { dateFor, occasionsOf } from "./when.js";
import { locate, placesFromDocument, visitorAndHost } from "./where.js";
import { type Discourse, dayLaterOr, mainDyad, enterSentence, leaveSentence, noteSalience, startDiscourse, withActorFromDiscourse, withContextSides, withGuestAndHost, withNamesFromDiscourse, withPronounSpeaker, withQuotedSpeaker, withReferencedSides, withTitleHolder } from "./discourse.js";
import { batchSize, documentsNamed, groupsOf, mergeInto, sameInteraction, twinOf } from "./split.js";
import { addSummitParticipants, assignTopics, initiatorsFirst, visitorFirst, withHostOfTalks } from "./document.js";
import { attendedGathering, noEventHere } from "./triggers.js";
import { statusAfterIndefinite, statusOfClause } from "./status.js";
import { actorFirst } from "./voice.js";
import { withDocumentMemo } from "./memo.js";

export type { DateHit, EventContext } from "./model.js";

/**
 * English definite words before a hostile noun ("the new sanctions"). Not the Romance or German
 * articles: they stand before nouns in general statements and first mentions as well.
 */
const DEFINITE = new Set(["the", "these", "those"]);

/** Find the events of a document. `datesBySentence[i]` are the date hits of sentence i. */
export function findEvents(ctx: EventContext, sentences: SentenceMentions[], datesBySentence: DateHit[][]): EventRecord[] {
  return withDocumentMemo(ctx, () => eventsOf(ctx, sentences, datesBySentence));
}

function eventsOf(ctx: EventContext, sentences: SentenceMentions[], datesBySentence: DateHit[][]): EventRecord[] {
  // Events come only from triggers: the sentences after the last one with a trigger are read by
  // nothing that follows (the discourse they would update serves later triggers alone), and a
  // document without one has no events.
  let last = sentences.length - 1;
  while (last >= 0 && !sentences[last].triggers.length) last--;
  if (last < 0) return [];
  const drafts: Draft[] = [];
  const plain: PlainMemo = new Map();
  const d = startDiscourse(ctx, sentences, plain);
  for (let si = 0; si <= last; si++) {
    const sm = sentences[si];
    enterSentence(ctx, d, sm);
    const dates = datesBySentence[si] ?? [];
    const sentenceSides = plainSides(plain, ctx, sm, d.runningDate);
    for (const x of sentenceSides) noteSalience(d, x, 1);
    // A meeting someone came to take part in, of an organisation, is its gathering.
    if (sm.triggers.length) markGatherings(ctx, sm);
    for (const t of sm.triggers) {
      // A trigger inside a name is no trigger (Arabic "فيصل", Faisal, read as "ف + يصل", arrives).
      if (insidePerson(sm, t)) continue;
      for (const occasion of occasionsOf(t, sm, dates, ctx.lang, ctx.text)) eventsAt(ctx, d, drafts, { sentences, si, sm, t, occasion, dates });
    }
    leaveSentence(ctx, d, sm, sentenceSides, dates);
  }

  // (The passes over the whole document change drafts only.)
  if (!drafts.length) return [];
  withHostOfTalks(ctx, drafts, sentences);
  initiatorsFirst(ctx, drafts, sentences);
  visitorFirst(drafts);
  addSummitParticipants(ctx, drafts, sentences, plain);
  assignTopics(ctx, drafts, sentences);
  placesFromDocument(ctx, drafts, sentences);
  return drafts.map((x) => x.rec);
}

/** Whether a trigger overlaps a person's name (read in a loop: this runs for every trigger). */
function insidePerson(sm: SentenceMentions, t: TriggerMatch): boolean {
  for (const e of sm.entities) if (e.payload.kind === "person" && e.start < t.end && t.start < e.end) return true;
  return false;
}

/**
 * Makes each meeting trigger that is a gathering attended multilateral, in a new list (the
 * mentions stage's is not changed). (The list is copied by slice, and only when a trigger
 * changes: a list made by `map` in optimised code is holey where one made by the mentions stage
 * is packed, and the many passes that read a sentence's triggers deoptimised on meeting it.)
 */
function markGatherings(ctx: EventContext, sm: SentenceMentions): void {
  let triggers: TriggerMatch[] | null = null;
  for (let i = 0; i < sm.triggers.length; i++) {
    const t = sm.triggers[i];
    if (!attendedGathering(ctx, sm, t)) continue;
    triggers ??= sm.triggers.slice();
    triggers[i] = { ...t, payload: { ...t.payload, mode: "multilateral" } };
  }
  if (triggers) sm.triggers = triggers;
}

/** One occasion a trigger tells, in its sentence. */
interface Occasion {
  sentences: SentenceMentions[];
  si: number;
  sm: SentenceMentions;
  t: TriggerMatch;
  /** The date hit of this occasion, when a trigger tells several. */
  occasion: DateHit | null;
  dates: DateHit[];
}

/** What a trigger is, its date, place and sides, worked out once for all its groups. */
interface Told {
  type: EventType;
  mode: string | null;
  cameo: string;
  when: { value: string | null; explicit: boolean; hit: DateHit | null };
  location: EventRecord["location"];
  ev: Evidence;
  sides: Side[];
}

/** The events of one occasion: its sides, place and date, then one draft per group of sides. */
function eventsAt(ctx: EventContext, d: Discourse, drafts: Draft[], at: Occasion): void {
  const { sm, t } = at;
  // "The first planes with a rescue team arrived at Adana airport": a delivery, not a visit.
  const { type, mode, cameo } = t.payload.mode === "visit" && cargoArrives(ctx, sm, t) ? { type: "AID" as const, mode: "humanitarian", cameo: "073" } : t.payload;
  if (noEventHere(ctx, sm, t, type, mode, drafts)) return;
  const when = whenOf(ctx, d, at);
  const extraPersons: Side[] = [];
  let sides = sidesOfTrigger(ctx, sm, t, type, mode, when.value, extraPersons);
  const ev = evidenceOf(ctx, sm);
  const location = locate(ctx, d, sm, t, at.occasion, sides, when.value, type, mode, ev);
  // (Every pass below adds a side only from a side already found, a reference to the sides, the
  // discourse's sides, the subject carried from the sentence before, or a summit's organisation:
  // with none of them it finds no two sides, and the trigger tells no event. The place above
  // still sets the scene.)
  if (!sides.length && !sm.references.length && !d.context.length && !d.prevSubject && mode !== "multilateral") return;
  sides = withReferencedSides(d, sm, t, sides, type, mode, ctx, when.value);
  sides = withTitleHolder(ctx, d, sm, t, sides, mode);
  sides = withPronounSpeaker(ctx, d, sm, t, sides, mode);
  sides = withQuotedSpeaker(ctx, at.sentences, at.si, t, sides, when.value);
  // "The guest congratulated the host": the visitor and the host of the latest visit.
  if (mode !== "multilateral" && mode !== "visit") sides = withGuestAndHost(ctx, sm, sides, drafts);
  // Counterparts joined to a counterpart by "and" are counterparts too ("with X and Y").
  markCoordinatedCounterparts(ctx, sides);
  withActorFromDiscourse(d, sides, mode);
  if (mode === "multilateral") withSummitOwner(ctx, at, sides, ev);
  // Force and street protest name who acts in their own sentence: "22,000 arrests
  // nationwide", "demonstrations began peacefully" with no side named are domestic news,
  // not an interaction of the sides talked about before.
  // ("A clash between the border guards of the two states" refers to them by name.)
  // A side named only in a relative clause after the trigger ("..., who had gathered to welcome
  // the Turkish president") is not who clashed.
  // Street protest told inside what someone says ("X accused Y, arguing that demonstrations
  // began peacefully") needs a side inside that clause too.
  // (The relative clause is looked for only where the test below reads it.)
  const clauseEnd = MATERIAL_CONFLICT.has(type) ? relativeClauseStart(ctx, sm, t) : 0;
  const clauseStart = type === "PROTEST" ? statedFrom(ctx, sm, t) : 0;
  // A country named as the owner of an embassy attacked ("attacks on the Saudi embassy") is
  // where the force is aimed, not who used it; "the host country" in a statement of principle
  // refers to no side that used force.
  if (MATERIAL_CONFLICT.has(type) && !sm.references.some((r) => r.payload.id !== "guest" && r.payload.id !== "host") && !sides.some((x) => x.rank >= 1 && Number.isFinite(x.start) && x.start < clauseEnd && x.start >= clauseStart && !ownsMission(ctx, sm, x.start))) return;
  // "NATO'DAN KINAMA MESAJI": a subheading that names one side of an act announces it; its other
  // side is told in the paragraph under it, not by the events before.
  if (sides.length < 2 && headingLine(ctx, sm)) return;
  withContextSides(d, sides, type, mode);
  // "The ambassador was summoned", "sanctions by the EU": who acts comes first.
  // (The discourse's sides are listed only for the acts actorFirst reorders.)
  const directed = DIRECTED.has(t.payload.type) || HOSTILE.has(t.payload.type);
  sides = actorFirst(ctx, sm, t, sides, when.value, directed ? [...d.context, ...mainDyad(d.salience, d.context)] : []);
  if (sides.length < 2) return;
  // "Trump and Zelensky clashed in front of reporters": leaders named as persons clash in words;
  // force is used by countries, forces and groups.
  if (type === "ASSAULT" && /^clash/i.test(ctx.text.slice(t.start, t.end)) && sides.every((x) => x.rank === 3 && ["head_of_state", "head_of_government", "foreign_minister"].includes(x.role ?? ""))) return;
  sides = visitorAndHost(sides, location, mode);
  const groups = groupsOf(ctx, sm, t, sides, type, mode, extraPersons);
  // "Signed the Treaty on Allied Relations and the Treaty on Demarcation": one signing per
  // document named (up to three); a batch ("16 other documents") is one.
  const documents = type === "AGREE" && mode === "sign" ? Math.min(3, Math.max(1, documentsNamed(ctx, sm))) : 1;
  const told: Told = { type, mode, cameo, when, location, ev, sides };
  for (let docIndex = 0; docIndex < documents; docIndex++) for (const group of groups) recordGroup(ctx, d, drafts, at, told, group, docIndex);
}

/** Where what a statement says begins, if a complementizer stands before the trigger ("arguing that ..."), else 0. */
function statedFrom(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): number {
  const words = ctx.lex.markers.complementizer.get(ctx.lang);
  if (!words) return 0;
  // (The last such word, read backwards in place.)
  for (let k = sm.tokens.length - 1; k >= 0; k--) {
    const x = sm.tokens[k];
    if (x.end <= t.start && words.has(x.norm)) return x.start;
  }
  return 0;
}

/** The date of an occasion: its own date hit, else the sentence's date nearest the trigger, else the running date. */
function whenOf(ctx: EventContext, d: Discourse, at: Occasion): Told["when"] {
  const { sm, t, occasion, dates } = at;
  if (occasion) return { value: occasion.value, explicit: true, hit: occasion };
  const when = dateFor(t, dates.length ? dates.filter((x) => !inRelativeClause(ctx, sm, t, x) && !dateOfReport(ctx, sm, t, x)) : dates, d.runningDate, ctx.refDate, ctx.text);
  // "A day later": the day after the date the text was at (looked for only where the sentence
  // dates the event with none of its own dates).
  if (!when.explicit) when.value = dayLaterOr(ctx, d, sm, when.value);
  return when;
}

/** The sides the sentence itself names for a trigger, without reporting sources and statement content. */
function sidesOfTrigger(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, type: EventType, mode: string | null, date: string | null, extraPersons: Side[]): Side[] {
  const opts: SideOptions = {
    orgsAsSides: mode === "multilateral" || type !== "CONSULT" || !sm.triggers.some((x) => x.payload.mode === "multilateral"),
    type,
    multilateral: mode === "multilateral",
    visit: t.payload.mode === "visit",
    sameCountryCounterparts: extraPersons,
  };
  // A protest is made to the ambassador it is handed to, not to the minister whose words
  // caused it: in directed acts the person nearest the trigger speaks for a country.
  if (DIRECTED.has(type) || HOSTILE.has(type)) opts.near = t;
  let sides = sidesInSentence(ctx, sm, date, opts);
  sides = sides.filter((x) => !isReportingSource(ctx, sm, t, x));
  sides = withCounterpartOffice(ctx, sm, sides, date);
  if (type === "CONSULT") sides = withoutBriefed(ctx, sm, t, sides);
  if (DIRECTED.has(type) || HOSTILE.has(type)) sides = withObjectTarget(ctx, sm, t, sides);
  if (SPEECH_ACTS.has(type) || (type === "AGREE" && mode === "agree")) sides = withoutContent(ctx, sm, t, sides);
  return sides;
}

/**
 * A summit belongs to an organisation: the one named in the sentence, else the latest one
 * named before it (or in the title). An organisation named with its head ("UN
 * Secretary-General Guterres addressed the summit") is a participant, not the summit's owner.
 * Adds to sides.
 */
function withSummitOwner(ctx: EventContext, at: Occasion, sides: Side[], ev: Evidence): void {
  if (sides.some((x) => ctx.lex.orgCodes.has(x.country) && !x.name)) return;
  const org = latestOrg(at.sentences, at.si) ?? ctx.title?.entities.find((x) => x.payload.kind === "org");
  if (org?.payload.kind === "org") sides.push(newSide(org.payload.id, null, null, 1, Infinity, ev));
}

/** The last organisation named in sentences 0..si, read backwards in place. */
function latestOrg(sentences: SentenceMentions[], si: number): SentenceMentions["entities"][number] | undefined {
  for (let i = si; i >= 0; i--) {
    const ents = sentences[i].entities;
    for (let j = ents.length - 1; j >= 0; j--) if (ents[j].payload.kind === "org") return ents[j];
  }
  return undefined;
}

/** One event of an occasion, for one group of its sides: a new draft, or a report of one already found. */
function recordGroup(ctx: EventContext, d: Discourse, drafts: Draft[], at: Occasion, told: Told, group: Side[], docIndex: number): void {
  const { sm, t, si } = at;
  const { type, mode, when } = told;
  withNamesFromDiscourse(ctx, d, group, when.value);
  const { status, date, dateExplicit } = statusAndDate(ctx, d, sm, t, told);
  const rec = recordOf(ctx, t, told, group, status, date, dateExplicit);
  // "This meeting", «эта встреча»: the event already reported, whatever date is near.
  // "During the meeting" («خلال اللقاء») too.
  // "He said the new sanctions were imposed...": a definite hostile noun is the act already told,
  // whoever the sentence names first.
  // (Not "The UK sanctioned ...": a country between the article and the trigger is its subject.)
  const definiteHostile = ctx.lang === "en" && (type === "SANCTION" || HOSTILE.has(type)) && t.tokenStart > 0 && (definiteBefore(sm, t, 1) || definiteBefore(sm, t, 2));
  // "The MoU signed by the Minister of Agriculture ...": a definite document before the signing
  // participle is the document whose signing was told.
  const definiteDocument = ctx.lang === "en" && type === "AGREE" && mode === "sign" && t.tokenStart > 1 && DEFINITE.has(sm.tokens[t.tokenStart - 2].norm) && isWordOf(sm.tokens[t.tokenStart - 1].norm, ctx.lex.markers.documentNouns.get(ctx.lang) ?? []);
  const anaphoric = demonstrativeBefore(ctx, sm, t) || definiteOpening(ctx, sm, t) || duringBefore(ctx, sm, t) || definiteHostile || definiteDocument;
  const draft = newDraft(rec, copySides(group), si, dateExplicit && !anaphoric, new Set<number>().add(si));
  draft.docIndex = docIndex;
  if ((type === "AGREE" && mode === "agree") || (type === "ACCUSE" && told.cameo === "112")) draft.content = contentAfter(sm, t);
  if (type === "AGREE" && mode === "sign") draft.batch = batchSize(ctx, sm);
  const twin = twinOf(drafts, draft, anaphoric);
  if (twin) mergeInto(twin, draft, group, si);
  else drafts.push(draft);
  addPledge(ctx, d, drafts, at, rec, group);
  if (!status) {
    d.context = copySides(told.sides);
    d.contextDate = when.value;
    if (when.value && when.value.length === 10 && mode !== "visit") d.sceneDate = when.value;
  }
}

/** Whether the word k words before a trigger is a definite word with no mention between it and the trigger. */
function definiteBefore(sm: SentenceMentions, t: TriggerMatch, k: number): boolean {
  const w = sm.tokens[t.tokenStart - k];
  return !!w && DEFINITE.has(w.norm) && !sm.entities.some((e) => e.start >= w.end && e.end <= t.start);
}

/** The status of an event, and its date: a date after the article's is an event to come. */
function statusAndDate(ctx: EventContext, d: Discourse, sm: SentenceMentions, t: TriggerMatch, told: Told): { status: EventRecord["status"]; date: string | null; dateExplicit: boolean } {
  const { type, mode, when } = told;
  let status = statusOfClause(ctx.text, sm, t) ?? statusAfterIndefinite(ctx.text, sm, t, ctx.lex.markers.indefinite.get(ctx.lang));
  let date = when.value;
  let dateExplicit = when.explicit;
  // A month after the article's month ("in April next") is as much to come as a later day.
  const later = !!date && !!ctx.refDate && (date.length === 10 ? date > ctx.refDate : date.length === 7 && date > ctx.refDate.slice(0, 7));
  if (!status && date && ctx.refDate && later) {
    // "They agreed that flights resume on 14 March": the date is the content's, not the act's.
    if (type === "AGREE" && mode === "agree") {
      date = d.runningDate;
      dateExplicit = false;
    } else status = "planned";
  }
  return { status, date, dateExplicit };
}

/** The event record of one group. */
function recordOf(ctx: EventContext, t: TriggerMatch, told: Told, group: Side[], status: EventRecord["status"], date: string | null, dateExplicit: boolean): EventRecord {
  const { type, mode, cameo, when, location, ev } = told;
  const info = ctx.lex.cameo.get(cameo);
  // (Literals without spreads, in the order of the record's keys, the status after goldstein and
  // the date's evidence last: a spread makes the record by the slow path, once per event.)
  const code = cameo || TYPE_DEFAULTS[type].cameo;
  const goldstein = info?.goldstein ?? TYPE_DEFAULTS[type].goldstein;
  const trigger = { text: ctx.text.slice(t.start, t.end), start: t.start, end: t.end };
  const rec: EventRecord = status
    ? { type, mode: mode ?? null, cameo: code, goldstein, status, date, actors: toActors(group), location, topics: [], evidence: ev, trigger }
    : { type, mode: mode ?? null, cameo: code, goldstein, date, actors: toActors(group), location, topics: [], evidence: ev, trigger };
  if (when.hit && dateExplicit) rec.dateEvidence = { document: ev.document, sentence: ev.sentence, start: when.hit.start, end: when.hit.end };
  return rec;
}

/**
 * "Britain will provide Ukraine with £3 billion of military aid a year": aid promised is
 * a pledge, an agreement made now (PLOVER AGREE), beside the aid still to come.
 */
function addPledge(ctx: EventContext, d: Discourse, drafts: Draft[], at: Occasion, rec: EventRecord, group: Side[]): void {
  const { sm, t, si } = at;
  if (!(rec.type === "AID" && rec.status === "planned" && pledgedBefore(ctx, sm, t) && !drafts.some((x) => x.rec.type === "AGREE" && x.sentence === si))) return;
  const pledge: EventRecord = { ...rec, type: "AGREE", mode: "agree", cameo: "057", goldstein: ctx.lex.cameo.get("057")?.goldstein ?? TYPE_DEFAULTS.AGREE.goldstein, date: d.runningDate, topics: [] };
  delete pledge.status;
  delete pledge.dateEvidence;
  const pledgeDraft = newDraft(pledge, copySides(group), si, false, new Set<number>().add(si));
  pledgeDraft.content = contentAfter(sm, t);
  if (!drafts.some((x) => !x.rec.status && sameInteraction(x, pledgeDraft))) drafts.push(pledgeDraft);
}
