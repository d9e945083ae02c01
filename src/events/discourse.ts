// Events stage, discourse: what the sentences before say about the sides (the two sides the
// article is about, the guest and the host of the latest visit).

import { holderOn } from "./memo.js";
import type { EntityMatch, SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { EventRecord, EventType } from "../types.js";
import { VERB_FINAL, dayAfterIn, firstPersonAt, pronounSubject, quotationAround } from "./cues.js";
import { type DateHit, type Draft, type EventContext, HOSTILE, RESOLVABLE_OFFICE_ROLES, type Side, copySide, evidenceOf, mapPacked, newSide, seniority, sideAt } from "./model.js";
import { type PlainMemo, coordinated, isCounterpart, plainSides, sidesInSentence } from "./sides.js";
import { addDays, nearDate } from "./when.js";

/**
 * "The guest", «хозяин встречи», "ضيفه": the visitor (first side) or the host (second side) of
 * the latest visit reported before, unless the sentence names that country itself.
 */
export function withGuestAndHost(ctx: EventContext, sm: SentenceMentions, sides: Side[], drafts: Draft[]): Side[] {
  if (!sm.references.length) return sides;
  const refs = sm.references.filter((r) => r.payload.id === "guest" || r.payload.id === "host");
  if (!refs.length) return sides;
  const visit = [...drafts].reverse().find((d) => d.rec.mode === "visit" && !d.rec.status && d.sides.length >= 2);
  if (!visit) return sides;
  const out = [...sides];
  for (const r of refs) {
    const from = r.payload.id === "guest" ? visit.sides[0] : visit.sides.find((x) => x !== visit.sides[0])!;
    if (out.some((x) => x.country === from.country)) continue;
    const side = sideAt(from, from.name ? 3 : 1, r.start, isCounterpart(ctx, sm, r.start, r.end));
    side.evidence = evidenceOf(ctx, sm);
    side.host = false;
    out.push(side);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The two sides the article is most about (falling back to the latest event's). */
export function mainDyad(salience: Map<string, { side: Side; count: number }>, context: Side[]): Side[] {
  // The two most named, earlier first among equals (as a stable sort would give them), found
  // in one pass: this runs for every trigger.
  let first: { side: Side; count: number } | null = null, second: { side: Side; count: number } | null = null;
  for (const x of salience.values()) {
    if (!first || x.count > first.count) {
      second = first;
      first = x;
    } else if (!second || x.count > second.count) second = x;
  }
  return first && second ? [first.side, second.side] : context;
}

/** Where an event of the running text took place on a day (a meeting's, a visit's). */
export interface Scene {
  date: string;
  location: NonNullable<EventRecord["location"]>;
  /** The countries of the event that set the scene; a later event joins it only with one of them. */
  countries?: string[];
}

/** What the sentences read so far say: the discourse state findEvents carries from sentence to sentence. */
export interface Discourse {
  /** The sides of the latest event (or of the title). */
  context: Side[];
  /** The date of the latest event. */
  contextDate: string | null;
  /** The paragraph's running date. */
  runningDate: string | null;
  runningParagraph: number;
  /** The latest meeting's or visit's day and place. */
  scene: Scene | null;
  /** The latest visit's arrival day and place. */
  visitScene: Scene | null;
  /** The day of the scene last reported (not a visit's). */
  sceneDate: string | null;
  /** The last full date the text stated, for "a day later" (see dayLaterOr: up to the sentences in dayAfterUnread). */
  lastExplicitDate: string | null;
  /**
   * Whether the sentence being read holds a "day after" cue, once looked for (null before): it is
   * looked for only where a date is asked of it (most sentences are never asked).
   */
  dayAfterHere: boolean | null;
  /**
   * The sentences read since the last full date whose "day after" cue was not looked for, and the
   * running date each was read on: each such cue moves lastExplicitDate on by a day, worked out
   * only when a later sentence's own cue asks for it.
   */
  dayAfterUnread: SentenceMentions[];
  dayAfterUnreadDates: (string | null)[];
  /** The first named person of the sentence before, for "he" opening the next one. */
  prevSubject: Side | null;
  /**
   * How often each side has been named so far (the title counts double): "the two sides" are
   * the two most named.
   */
  salience: Map<string, { side: Side; count: number }>;
  /**
   * The person the article names most often for each country, once counted (see docPersons:
   * counted over every sentence the first time it is asked for, so a document whose triggers all
   * fail before that never counts them).
   */
  docPersons: Map<string, Side> | null;
  /** Counts them. */
  countPersons: () => Map<string, Side>;
  /** The two countries the text last named together ("Armenia and Azerbaijan"), for "these two countries". */
  lastPair: Side[];
}

const NO_TITLE: SentenceMentions = { sentence: { start: 0, end: 0, index: -1, paragraph: -1 }, tokens: [], entities: [], triggers: [], topics: [], modality: [], references: [], names: [] };

/** The discourse before the first sentence: the title's sides, and the article's persons. */
export function startDiscourse(ctx: EventContext, sentences: SentenceMentions[], plain: PlainMemo): Discourse {
  // (The title's plain sides: docPersonsOf reads them too.)
  const context = mapPacked(ctx.title ? plainSides(plain, ctx, ctx.title, ctx.refDate) : sidesInSentence(ctx, NO_TITLE, ctx.refDate, { orgsAsSides: false }), (s) => sideAt(s, 0, s.start));
  // (The plain sides docPersonsOf counts are kept in the memo and never changed: the count is
  // the same whenever it is made.)
  const d: Discourse = { context, contextDate: ctx.refDate, runningDate: ctx.refDate, runningParagraph: -1, scene: null, visitScene: null, sceneDate: null, lastExplicitDate: null, dayAfterHere: null, dayAfterUnread: [], dayAfterUnreadDates: [], prevSubject: null, salience: new Map(), docPersons: null, countPersons: () => docPersonsOf(ctx, sentences, plain), lastPair: [] };
  for (const x of context) noteSalience(d, x, 2);
  return d;
}

/** The person the article names most often for each country (see Discourse.docPersons). */
function docPersons(d: Discourse): Map<string, Side> {
  return (d.docPersons ??= d.countPersons());
}

/** One more mention of a side. */
export function noteSalience(d: Discourse, x: Side, weight: number): void {
  const have = d.salience.get(x.country);
  if (have) {
    have.count += weight;
    if (x.rank > have.side.rank) have.side = copySide(x);
  } else d.salience.set(x.country, { side: copySide(x), count: weight });
}

/** Whether a sentence names a person or an office. */
function namesPerson(sm: SentenceMentions): boolean {
  for (const e of sm.entities) if (e.payload.kind === "person" || e.payload.kind === "office") return true;
  return false;
}

/**
 * The person the article names most often for each country (the title counts double; ties go
 * to the more senior): the protagonist, not a leader mentioned in passing.
 */
function docPersonsOf(ctx: EventContext, sentences: SentenceMentions[], plain: PlainMemo): Map<string, Side> {
  // Counts by country, then by name (no key string built per person named): the choice below is
  // made per country, in the order its persons were first named, as with one map of both.
  const personCounts = new Map<string, Map<string, { side: Side; count: number }>>();
  const count = (sm: SentenceMentions, weight: number) => {
    // (Only a person or an office names a person: a sentence without either is not read.)
    if (!namesPerson(sm)) return;
    for (const x of plainSides(plain, ctx, sm, ctx.refDate)) {
      if (x.rank < 3 || !x.name) continue;
      let byName = personCounts.get(x.country);
      if (!byName) personCounts.set(x.country, (byName = new Map()));
      const have = byName.get(x.name);
      if (have) have.count += weight;
      else byName.set(x.name, { side: x, count: weight });
    }
  };
  if (ctx.title) count(ctx.title, 2);
  for (const sm of sentences) count(sm, 1);
  const docPersons = new Map<string, Side>();
  const bestCount = new Map<string, number>();
  for (const byName of personCounts.values()) {
    for (const { side, count } of byName.values()) {
      const have = docPersons.get(side.country);
      const c = bestCount.get(side.country) ?? 0;
      if (!have || count > c || (count === c && seniority(side.role) > seniority(have.role))) {
        docPersons.set(side.country, side);
        bestCount.set(side.country, count);
      }
    }
  }
  return docPersons;
}

/**
 * A new paragraph goes back to the article's day, or stays on the day of the scene just
 * reported when that was within a few days of it ("on Monday ... The sides also agreed");
 * an undated article stays on the day its text last stated.
 */
export function enterSentence(ctx: EventContext, d: Discourse, sm: SentenceMentions): void {
  if (sm.sentence.paragraph === d.runningParagraph) return;
  d.runningParagraph = sm.sentence.paragraph;
  d.runningDate = d.sceneDate && (!ctx.refDate || nearDate(d.sceneDate, ctx.refDate)) ? d.sceneDate : ctx.refDate;
}

/** Whether the sentence being read holds a "day after" cue ("a day later", «на следующий день», 次日), looked for once. */
function dayAfterHere(ctx: EventContext, d: Discourse, sm: SentenceMentions): boolean {
  return (d.dayAfterHere ??= dayAfterIn(ctx, sm));
}

/** Moves lastExplicitDate on by a day for each "day after" cue of the sentences not yet read for one, in order. */
function readDayAfterCues(ctx: EventContext, d: Discourse): void {
  const unread = d.dayAfterUnread;
  for (let i = 0; i < unread.length; i++) {
    const base = d.lastExplicitDate ?? d.dayAfterUnreadDates[i];
    if (base && dayAfterIn(ctx, unread[i])) d.lastExplicitDate = addDays(base, 1);
  }
  if (unread.length) {
    unread.length = 0;
    d.dayAfterUnreadDates.length = 0;
  }
}

/** "A day later": the day after the date the text was at, where the sentence being read says so; else `otherwise`. */
export function dayLaterOr(ctx: EventContext, d: Discourse, sm: SentenceMentions, otherwise: string | null): string | null {
  if (!dayAfterHere(ctx, d, sm)) return otherwise;
  readDayAfterCues(ctx, d);
  const base = d.lastExplicitDate ?? d.runningDate;
  return base ? addDays(base, 1) : otherwise;
}

/** What a sentence leaves to the next: its subject, and the date it stated. */
export function leaveSentence(ctx: EventContext, d: Discourse, sm: SentenceMentions, sentenceSides: readonly Side[], dates: DateHit[]): void {
  // The first named person of the sentence is who "he" in the next one is.
  // (A sentence with no side names no person; "he" carries a subject only when there is one.)
  // (The earliest such side, the first listed among equals: read in one pass, no sorted copy.)
  let named: Side | undefined;
  for (const x of sentenceSides) if (x.rank >= 3 && x.name && (!named || x.start < named.start)) named = x;
  d.prevSubject = named ?? (d.prevSubject && pronounSubject(ctx, sm) ? d.prevSubject : null);
  // A full date stated in a sentence becomes the paragraph's running date.
  const full = dates.find((x) => x.value.length === 10);
  // (A "day after" cue moves it on by a day: looked for here only if it was already, else when a
  // later sentence's own cue asks; a full date makes the cues before it moot.)
  if (full) {
    d.lastExplicitDate = full.value;
    if (d.dayAfterUnread.length) {
      d.dayAfterUnread.length = 0;
      d.dayAfterUnreadDates.length = 0;
    }
  } else if (d.dayAfterHere === null) {
    d.dayAfterUnread.push(sm);
    d.dayAfterUnreadDates.push(d.runningDate);
  } else if (d.dayAfterHere) {
    readDayAfterCues(ctx, d);
    const base = d.lastExplicitDate ?? d.runningDate;
    if (base) d.lastExplicitDate = addDays(base, 1);
  }
  d.dayAfterHere = null;
  // ...except an arrival's date: the talks that follow an arrival are told on their own day
  // ("arrived on Monday ... The leaders held talks" on the day of the report).
  const arrival = sm.triggers.some((x) => x.payload.mode === "visit");
  if (full && !arrival) d.runningDate = full.value;
  // Two countries joined by "and" are the pair "these two countries" refers to next.
  // (The last such pair: consecutive countries read backwards in place.)
  let b: EntityMatch | null = null;
  for (let i = sm.entities.length - 1; i >= 0; i--) {
    const a = sm.entities[i];
    if (a.payload.kind !== "country" || a.payload.form === "capital") continue;
    if (b && a.payload.id !== b.payload.id && coordinated(ctx, a, b)) {
      d.lastPair = [pairSide(ctx, sm, sentenceSides, a.payload.id, a.start), pairSide(ctx, sm, sentenceSides, b.payload.id, b.start)];
      return;
    }
    b = a;
  }
}

/** The side of a country of a pair: the sentence's own, else a bare one where it is named. */
function pairSide(ctx: EventContext, sm: SentenceMentions, sentenceSides: readonly Side[], country: string, start: number): Side {
  return sentenceSides.find((x) => x.country === country) ?? newSide(country, null, null, 1, start, evidenceOf(ctx, sm));
}

/**
 * "The parties", "both ministers": the two sides the article is about, unless the sentence
 * names its own.
 */
export function withReferencedSides(d: Discourse, sm: SentenceMentions, t: TriggerMatch, sides: Side[], type: EventType, mode: string | null, ctx?: EventContext, date: string | null = null): Side[] {
  if (!sm.references.length) return sides;
  const sideRefs = sm.references.filter((r) => r.payload.id !== "guest" && r.payload.id !== "host");
  // (Every case below needs a reference to the sides.)
  if (!sideRefs.length) return sides;
  // The reference is the subject when it comes before the trigger and before any side
  // named in the sentence ("Both ministers agreed"; not "China, close to both countries, urged").
  // (Math.min over the starts, read in a loop rather than spread from a mapped copy.)
  let firstSide = Infinity;
  for (const x of sides) firstSide = Math.min(firstSide, x.start);
  const referenceAsSubject = sideRefs.some((r) => r.end <= t.start && r.start < firstSide);
  // ...unless the reference names them itself ("the Saudi and Iranian sides").
  const namedByReference = sides.filter((x) => sideRefs.some((r) => x.start >= r.start && x.start - r.end <= 30)).length;
  // "The sides discussed preparations for the visit of the President of Tajikistan": with the
  // reference as subject, what is named after the trigger is the subject of talk.
  const namedOnlyAfter = referenceAsSubject && sides.every((x) => x.start > t.end) && (type === "CONSULT" || (type === "AGREE" && mode === "agree"));
  // "These two former Soviet republics": the two countries last named together.
  const demonstrative = !!ctx && d.lastPair.length === 2 && sideRefs.some((r) => r.tokenStart >= 0 && !!ctx.lex.markers.demonstrativePlural.get(ctx.lang)?.has(sm.tokens[r.tokenStart]?.norm ?? ""));
  const pairOf = () => (demonstrative ? d.lastPair : mainDyad(d.salience, d.context));
  // "France's mediation between these two republics": the mediator named, and the two sides.
  if (sideRefs.length && t.payload.cameo === "045" && sides.length === 1) {
    const pair = pairOf();
    if (pair.length >= 2 && !pair.some((c) => c.country === sides[0].country)) return [sideAt(sides[0], sides[0].rank, sides[0].start, false), ...pair.map((c) => sideAt(c, 0, Infinity, true))];
  }
  if (sideRefs.length && (!sides.some((x) => x.rank >= 2) || namedOnlyAfter) && (sides.length < 2 || (referenceAsSubject && namedByReference < 2)) && mode !== "multilateral") {
    const main = pairOf();
    if (main.length >= 2) return withPluralTitle(ctx, sm, sideRefs, mapPacked(main, (c) => sideAt(c, 0, Infinity)), date);
  } else if (sideRefs.length && !referenceAsSubject && sides.length === 1 && sides[0].rank >= 2 && (type === "CONSULT" || type === "SUPPORT") && mode !== "multilateral") {
    // "The Chinese foreign minister gave a lunch in honour of the two ministers and talked
    // with them": one side named as the subject, the two sides of the article as its object.
    const main = pairOf();
    if (main.length >= 2 && !main.some((c) => c.country === sides[0].country)) return [sides[0], ...main.map((c) => sideAt(c, 0, Infinity, true))];
  }
  return sides;
}

/**
 * "The Presidents of the two countries", "the two foreign ministers": a title without a country
 * at the reference is each side's holder of that office on the date, where a side has no name.
 */
function withPluralTitle(ctx: EventContext | undefined, sm: SentenceMentions, refs: SentenceMentions["references"], sides: Side[], date: string | null): Side[] {
  if (!ctx) return sides;
  const office = sm.entities.find((e) => e.payload.kind === "office" && refs.some((r) => (e.start >= r.start && e.end <= r.end) || (e.end <= r.start && r.start - e.end <= 12)));
  if (office?.payload.kind !== "office") return sides;
  const id = office.payload.id;
  const role = office.payload.role;
  return mapPacked(sides, (x) => {
    if (x.name) return x;
    const holder = holderOn(ctx, x.country, id, date ?? ctx.refDate);
    if (!holder) return x;
    const y = copySide(x);
    y.name = holder.name;
    y.role = role;
    return y;
  });
}

/**
 * "The Head of State also met with...": a title without a country before the trigger is
 * the article's one person holding that office ("the Head of State" in a Tajik report).
 */
export function withTitleHolder(ctx: EventContext, d: Discourse, sm: SentenceMentions, t: TriggerMatch, sides: Side[], mode: string | null): Side[] {
  if (mode === "multilateral" || sides.some((x) => x.start < t.start && x.rank >= 2)) return sides;
  const roleOf = (e: EntityMatch) => (e.payload.kind === "office" ? e.payload.role : null);
  // (Not a title bound to a country or organisation before it: "the ASEAN foreign ministers".)
  const boundBefore = (e: EntityMatch) => sm.entities.some((x) => (x.payload.kind === "org" || x.payload.kind === "country") && x.end <= e.start && e.start - x.end <= 2);
  const title = sm.entities.find((e) => e.end <= t.start && RESOLVABLE_OFFICE_ROLES.has(roleOf(e)!) && !boundBefore(e) && !sides.some((x) => x.start <= e.start && e.end <= x.start + 80 && x.role === roleOf(e)));
  const holders = title ? [...docPersons(d).values()].filter((p) => p.role === roleOf(title) && !sides.some((x) => x.country === p.country)) : [];
  // Several candidates: one of the sides of the event before, else the dateline's country.
  const holder = holders.length === 1 ? holders[0] : holders.find((p) => d.context.some((c) => c.country === p.country)) ?? holders.find((p) => p.country === ctx.datelinePlace?.country);
  if (title && holder) return [sideAt(holder, 3, title.start, false), ...sides];
  return sides;
}

/**
 * "He also praised Russia's effort": a sentence opened by a subject pronoun continues the
 * actor of the event before; countries named after it are the other side.
 */
export function withPronounSpeaker(ctx: EventContext, d: Discourse, sm: SentenceMentions, t: TriggerMatch, sides: Side[], mode: string | null): Side[] {
  const speaker = d.prevSubject ?? (d.context[0]?.name ? d.context[0] : null);
  if (mode !== "multilateral" && speaker && pronounSubject(ctx, sm, t) && !sides.some((x) => x.rank >= 2 && x.start < t.start)) {
    const actor = speaker;
    return [sideAt(actor, 0, -1, false), ...sides.filter((x) => x.country !== actor.country)];
  }
  return sides;
}

/**
 * «"We condemn ...", the statement said», «"J'exprime ma gratitude à ...", a indiqué le chef
 * d'État congolais», «NATO'dan açıklama geldi. "... kınıyoruz" denildi»: a trigger told in the
 * first person inside a quotation is the act of whoever the quotation is attributed to (the
 * side named after its closing mark in that sentence, else the first named before its opening
 * mark, else the one side of the sentence before), aimed at a side named in the quotation: in
 * the trigger's own stretch (before it where the verb comes last, else after it), the first
 * named for a hostile act (the one whose act is condemned), the nearest for any other.
 */
export function withQuotedSpeaker(ctx: EventContext, sentences: SentenceMentions[], si: number, t: TriggerMatch, sides: Side[], date: string | null): Side[] {
  const sm = sentences[si];
  if (!firstPersonAt(ctx, sm, t)) return sides;
  const para = sentences.filter((x) => x.sentence.paragraph === sm.sentence.paragraph);
  const q = quotationAround(ctx.text, para[0].sentence.start, para[para.length - 1].sentence.end, t.start);
  if (!q) return sides;
  const speaker = quotationSpeaker(ctx, sentences, q, date);
  if (!speaker) return sides;
  const inside = (at: number) => at >= q.open && (q.close < 0 || at < q.close);
  const others = sides.filter((x) => x.country !== speaker.country);
  // Where each side is named inside the quotation.
  const named = others.flatMap((x) => sm.entities.filter((e) => inside(e.start) && (e.payload.id === x.country || e.start === x.start)).map((e) => ({ side: x, at: e.start })));
  const before = named.filter((x) => x.at < t.start);
  const after = named.filter((x) => x.at >= t.end);
  const [first, second] = VERB_FINAL.has(ctx.lang) ? [before, after] : [after, before];
  const stretch = first.length ? first : second;
  if (!stretch.length) return sides;
  const dist = (at: number) => (at < t.start ? t.start - at : at - t.end);
  const target = HOSTILE.has(t.payload.type) ? stretch.sort((a, b) => a.at - b.at)[0] : stretch.sort((a, b) => dist(a.at) - dist(b.at))[0];
  // The speaker stands where the quotation opens: before what it names, as a subject does.
  return [sideAt(speaker, speaker.rank, q.open, false), sideAt(target.side, target.side.rank, target.side.start, true)];
}

/** Whoever a quotation is attributed to: named after it in its sentence, else before it, else alone in the sentence before. */
function quotationSpeaker(ctx: EventContext, sentences: SentenceMentions[], q: { open: number; close: number }, date: string | null): Side | null {
  const within = (at: number) => sentences.findIndex((x) => x.sentence.start <= at && at < x.sentence.end);
  const all = (sm: SentenceMentions) => sidesInSentence(ctx, sm, date, { orgsAsSides: true });
  if (q.close >= 0) {
    const c = within(q.close);
    const after = c >= 0 ? all(sentences[c]).filter((x) => x.start > q.close) : [];
    if (after.length) return after[0];
    // Attributed to someone the text does not place ("a indiqué le porte-parole"): no speaker.
    if (c >= 0 && sentences[c].entities.some((e) => e.start > q.close)) return null;
  }
  const o = within(q.open);
  if (o < 0) return null;
  const before = all(sentences[o]).filter((x) => x.start < q.open && !x.counterpart);
  if (before.length) return before[0];
  const prev = o > 0 ? all(sentences[o - 1]) : [];
  return prev.length === 1 ? prev[0] : null;
}

/** Only counterparts named ("held talks with X"): the one who acts is in the discourse. Adds to sides. */
export function withActorFromDiscourse(d: Discourse, sides: Side[], mode: string | null): void {
  if (sides.length && sides.every((x) => x.counterpart) && mode !== "multilateral") {
    const actor = d.context.find((c) => !sides.some((x) => x.country === c.country));
    if (actor) sides.unshift(sideAt(actor, 0, -1, false));
  }
}

/**
 * Fill missing sides from the discourse ("the parties", "he", "the Russian side"). Adds to sides.
 */
export function withContextSides(d: Discourse, sides: Side[], type: EventType, mode: string | null): void {
  if (sides.length >= 2 || mode === "multilateral") return;
  // "The statement was signed on behalf of the Chinese side by Wang Yi" after talks between
  // two other parties: a document signed by a third side is signed by all three.
  const allSign = type === "AGREE" && mode === "sign" && sides.length === 1 && d.context.length >= 2 && d.context.every((c) => c.country !== sides[0].country);
  for (const c of d.context) {
    if (sides.length >= 2 && !allSign) break;
    if (!sides.some((s) => s.country === c.country)) sides.push(sideAt(c, 0, Infinity));
  }
}

/**
 * Names carried over: the same country's person from the scene before, when on the same date.
 * Else, for events of the article's own day, the most senior person the article names
 * for that country ("Maulen" met "Emomali"; "the Kazakh side" is Tokayev's). Fills group's sides.
 */
export function withNamesFromDiscourse(ctx: EventContext, d: Discourse, group: Side[], date: string | null): void {
  for (const s of group) {
    if (s.name) continue;
    // "The Afghan envoy thanked...": a title without a name is the person of that country
    // and office the article names most ("Ambassador Farid Mamundzay").
    // "The Indian leader": the head of state or government the article names for the country,
    // else its president on the date.
    if (s.rank === 2 && s.leader) {
      const p = docPersons(d).get(s.country);
      const holder = p && (p.role === "head_of_state" || p.role === "head_of_government") ? p : null;
      const president = holder ? null : holderOn(ctx, s.country, "president", date ?? ctx.refDate);
      if (holder) Object.assign(s, { name: holder.name, role: holder.role });
      else if (president) s.name = president.name;
      continue;
    }
    if (s.rank === 2 && s.role) {
      const p = docPersons(d).get(s.country);
      if (p && p.role === s.role) s.name = p.name;
      continue;
    }
    const c = d.context.find((x) => x.country === s.country && x.name);
    if (c && date === d.contextDate && s.rank <= 1) {
      s.name = c.name;
      s.role = c.role;
      continue;
    }
    const p = docPersons(d).get(s.country);
    // ...also for an event dated only by the article's own month ("in early May").
    if (p && s.rank <= 1 && (!date || nearDate(date, ctx.refDate) || (date.length === 7 && !!ctx.refDate?.startsWith(date)))) {
      s.name = p.name;
      s.role = p.role;
    }
  }
}
