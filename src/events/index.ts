// Events stage: turns trigger phrases plus the entities around them into coded events.
//
// For each trigger in a sentence:
//   1. sides: persons (resolved to the office they held on the event date), offices bound to a
//      nearby country ("the Russian President", "President of Tajikistan", "رئيس الوزراء
//      الروسي"), bare countries and organisations;
//   2. when the sentence names fewer than two sides, the missing side comes from the discourse
//      (the previous event's sides, or the title's), as an analyst reads "the parties" or "he";
//   3. status: a negation, future or hypothetical cue next to the trigger makes it a mention,
//      not an event; so does a date after the publication date;
//   4. date: a date expression in the sentence, else the paragraph's running date, else the
//      reference (publication) date;
//   5. reports of the same interaction inside one document are merged.
// Word cues that keep a mention from being an event of its own (a reception at the airport, a
// message that arrives, talks that are proposed, "this meeting") are tests in ./cues.ts; each is
// applied, with a comment, where the trigger loop below decides.

import type { EntityMatch, SentenceMentions } from "../mentions/index.js";
import { cargoArrives, contentAfter, dayAfterIn, definiteOpening, demonstrativeBefore, inRelativeClause, isWordOf, pledgedBefore, pronounSubject } from "./cues.js";
import type { EventRecord } from "../types.js";
import { DIRECTED, type DateHit, type Draft, type EventContext, HOSTILE, MATERIAL_CONFLICT, RESOLVABLE_OFFICE_ROLES, SPEECH_ACTS, type Side, TYPE_DEFAULTS, countriesKey, evidenceOf, seniority, toActors } from "./model.js";
import { type PlainMemo, coordinatedPersons, isReportingSource, markCoordinatedCounterparts, placesInSentence, plainSides, sidesInSentence, withCounterpartOffice, withObjectTarget, withoutContent } from "./sides.js";
import { addDays, dateFor, nearDate, occasionsOf } from "./when.js";
import { addSummitParticipants, assignTopics, initiatorsFirst, visitorFirst, withHostOfTalks } from "./document.js";
import { documentsNamed, sameInteraction } from "./split.js";
import { mainDyad, withGuestAndHost } from "./discourse.js";
import { noEventHere } from "./triggers.js";
import { statusOf, statusOfClause } from "./status.js";

export type { DateHit, EventContext } from "./model.js";

/** Find the events of a document. `datesBySentence[i]` are the date hits of sentence i. */
export function findEvents(ctx: EventContext, sentences: SentenceMentions[], datesBySentence: DateHit[][]): EventRecord[] {
  const drafts: Draft[] = [];
  const plain: PlainMemo = new Map();
  // Discourse context: the sides of the latest event (or of the title).
  let context: Side[] = sidesInSentence(
    ctx,
    ctx.title ?? { sentence: { start: 0, end: 0, index: -1, paragraph: -1 }, tokens: [], entities: [], triggers: [], topics: [], modality: [], references: [], names: [] },
    ctx.refDate,
    { orgsAsSides: false },
  ).map((s) => ({ ...s, rank: 0 }));
  let runningDate = ctx.refDate;
  let runningParagraph = -1;
  let scene: { date: string; location: NonNullable<EventRecord["location"]> } | null = null;
  // The latest visit's arrival day and place.
  let visitScene: { date: string; location: NonNullable<EventRecord["location"]> } | null = null;
  let contextDate = ctx.refDate;
  let sceneDate: string | null = null;
  // The last full date the text stated, for "a day later".
  let lastExplicitDate: string | null = null;
  // The first named person of the sentence before, for "he" opening the next one.
  let prevSubject: Side | null = null;
  // How often each side has been named so far (the title counts double): "the two sides" are
  // the two most named.
  const salience = new Map<string, { side: Side; count: number }>();
  const noteSalience = (x: Side, weight: number) => {
    const have = salience.get(x.country);
    if (have) {
      have.count += weight;
      if (x.rank > have.side.rank) have.side = { ...x };
    } else salience.set(x.country, { side: { ...x }, count: weight });
  };
  for (const x of context) noteSalience(x, 2);
  // The person the article names most often for each country (the title counts double;
  // ties go to the more senior): the protagonist, not a leader mentioned in passing.
  const personCounts = new Map<string, { side: Side; count: number }>();
  [...(ctx.title ? [ctx.title] : []), ...sentences].forEach((sm, i) => {
    for (const x of plainSides(plain, ctx, sm, ctx.refDate)) {
      if (x.rank < 3 || !x.name) continue;
      const k = `${x.country}|${x.name}`;
      const have = personCounts.get(k);
      const weight = i === 0 && ctx.title ? 2 : 1;
      if (have) have.count += weight;
      else personCounts.set(k, { side: x, count: weight });
    }
  });
  const docPersons = new Map<string, Side>();
  const bestCount = new Map<string, number>();
  for (const { side, count } of personCounts.values()) {
    const have = docPersons.get(side.country);
    const c = bestCount.get(side.country) ?? 0;
    if (!have || count > c || (count === c && seniority(side.role) > seniority(have.role))) {
      docPersons.set(side.country, side);
      bestCount.set(side.country, count);
    }
  }

  sentences.forEach((sm, si) => {
    if (sm.sentence.paragraph !== runningParagraph) {
      runningParagraph = sm.sentence.paragraph;
      // A new paragraph goes back to the article's day, or stays on the day of the scene just
      // reported when that was within a few days of it ("on Monday ... The sides also agreed");
      // an undated article stays on the day its text last stated.
      runningDate = sceneDate && (!ctx.refDate || nearDate(sceneDate, ctx.refDate)) ? sceneDate : ctx.refDate;
    }
    const dates = datesBySentence[si] ?? [];
    // "A day later": the day after the date the text was at.
    const dayAfter = dayAfterIn(ctx, sm);
    const sentenceSides = plainSides(plain, ctx, sm, runningDate);
    for (const x of sentenceSides) noteSalience(x, 1);
    for (const t of sm.triggers) {
      // A trigger inside a name is no trigger (Arabic "فيصل", Faisal, read as "ف + يصل", arrives).
      if (sm.entities.some((e) => e.payload.kind === "person" && e.start < t.end && t.start < e.end)) continue;
      for (const occasion of occasionsOf(t, sm, dates, ctx.lang, ctx.text)) {
      // "The first planes with a rescue team arrived at Adana airport": a delivery, not a visit.
      const { type, mode, cameo } = t.payload.mode === "visit" && cargoArrives(ctx, sm, t) ? { type: "AID" as const, mode: "humanitarian", cameo: "073" } : t.payload;
      if (noEventHere(ctx, sm, t, type, mode, drafts)) continue;
      const dayAfterBase = lastExplicitDate ?? runningDate;
      const when = occasion
        ? { value: occasion.value, explicit: true, hit: occasion }
        : dateFor(t, dates.filter((d) => !inRelativeClause(ctx, sm, t, d)), dayAfter && dayAfterBase ? addDays(dayAfterBase, 1) : runningDate, ctx.refDate, ctx.text);
      const extraPersons: Side[] = [];
      let sides = sidesInSentence(ctx, sm, when.value, {
        orgsAsSides: mode === "multilateral" || type !== "CONSULT" || !sm.triggers.some((x) => x.payload.mode === "multilateral"),
        type,
        multilateral: mode === "multilateral",
        visit: t.payload.mode === "visit",
        sameCountryCounterparts: extraPersons,
        // A protest is made to the ambassador it is handed to, not to the minister whose words
        // caused it: in directed acts the person nearest the trigger speaks for a country.
        ...(DIRECTED.has(type) || HOSTILE.has(type) ? { near: t } : {}),
      });
      sides = sides.filter((x) => !isReportingSource(ctx, sm, t, x));
      sides = withCounterpartOffice(ctx, sm, sides, when.value);
      if (DIRECTED.has(type) || HOSTILE.has(type)) sides = withObjectTarget(ctx, sm, t, sides);
      if (SPEECH_ACTS.has(type) || (type === "AGREE" && mode === "agree")) sides = withoutContent(ctx, sm, t, sides);
      // Where: the place named nearest the trigger; else the country visited; else the scene
      // already set for that day (a visit's meetings happen where the visit is); else the
      // dateline, for events of the day the article was filed.
      const places = placesInSentence(ctx, sm, when.value);
      // With several dates after one trigger, each occasion's place is the one by its date.
      const anchor = occasion ?? t;
      const distance = (p: { start: number; end: number }) => Math.min(Math.abs(p.start - anchor.end), Math.abs(anchor.start - p.end));
      const place = [...places].sort((a, b) => distance(a) - distance(b))[0];
      let location: EventRecord["location"] = null;
      const ev = evidenceOf(ctx, sm);
      const host = t.payload.mode === "visit" ? sides.find((x) => x.host) : undefined;
      if (place) location = { city: place.city, country: place.country, evidence: ev };
      else if (host) location = { city: null, country: host.country, evidence: ev };
      else if (scene && scene.date === when.value) location = { ...scene.location };
      // The days of a visit happen where the visit is (talks the day after the arrival).
      else if (visitScene && when.value && when.value.length === 10 && when.value >= visitScene.date && when.value <= addDays(visitScene.date, 2) && (!sides.length || sides.some((x) => x.country === visitScene!.location.country))) location = { ...visitScene.location };
      else if (ctx.datelinePlace && when.value === ctx.refDate && type !== "ASSAULT") {
        location = { city: ctx.datelinePlace.city, country: ctx.datelinePlace.country, evidence: { ...ev, start: ctx.datelinePlace.start, end: ctx.datelinePlace.end, sentence: ctx.text.slice(ctx.datelinePlace.start, ctx.datelinePlace.end) } };
      }
      if ((place || host) && location && when.value && (mode === "visit" || mode === "meeting" || mode === "multilateral")) scene = { date: when.value, location };
      if (mode === "visit" && location?.country && when.value?.length === 10 && !statusOf(ctx.text, sm, t)) visitScene = { date: when.value, location };
      // A visit's host is the country visited.
      if (t.payload.mode === "visit" && location?.country && !sides.some((s) => s.country === location!.country)) {
        sides.push({ country: location.country, name: null, role: null, rank: 1, start: place?.start ?? Infinity, evidence: ev });
      }
      // "The parties", "both ministers": the two sides the article is about, unless the
      // sentence names its own.
      // The reference is the subject when it comes before the trigger and before any side
      // named in the sentence ("Both ministers agreed"; not "China, close to both countries, urged").
      const firstSide = Math.min(...sides.map((x) => x.start));
      const sideRefs = sm.references.filter((r) => r.payload.id !== "guest" && r.payload.id !== "host");
      const referenceAsSubject = sideRefs.some((r) => r.end <= t.start && r.start < firstSide);
      // ...unless the reference names them itself ("the Saudi and Iranian sides").
      const namedByReference = sides.filter((x) => sideRefs.some((r) => x.start >= r.start && x.start - r.end <= 30)).length;
      // "The sides discussed preparations for the visit of the President of Tajikistan": with the
      // reference as subject, what is named after the trigger is the subject of talk.
      const namedOnlyAfter = referenceAsSubject && sides.every((x) => x.start > t.end) && (type === "CONSULT" || (type === "AGREE" && mode === "agree"));
      if (sideRefs.length && (!sides.some((x) => x.rank >= 2) || namedOnlyAfter) && (sides.length < 2 || (referenceAsSubject && namedByReference < 2)) && mode !== "multilateral") {
        const main = mainDyad(salience, context);
        if (main.length >= 2) sides = main.map((c) => ({ ...c, rank: 0, start: Infinity }));
      } else if (sideRefs.length && !referenceAsSubject && sides.length === 1 && sides[0].rank >= 2 && (type === "CONSULT" || type === "SUPPORT") && mode !== "multilateral") {
        // "The Chinese foreign minister gave a lunch in honour of the two ministers and talked
        // with them": one side named as the subject, the two sides of the article as its object.
        const main = mainDyad(salience, context);
        if (main.length >= 2 && !main.some((c) => c.country === sides[0].country)) sides = [sides[0], ...main.map((c) => ({ ...c, rank: 0, start: Infinity, counterpart: true }))];
      }
      // "The Head of State also met with...": a title without a country before the trigger is
      // the article's one person holding that office ("the Head of State" in a Tajik report).
      if (mode !== "multilateral" && !sides.some((x) => x.start < t.start && x.rank >= 2)) {
        const roleOf = (e: EntityMatch) => (e.payload.kind === "office" ? e.payload.role : null);
        // (Not a title bound to a country or organisation before it: "the ASEAN foreign ministers".)
        const boundBefore = (e: EntityMatch) => sm.entities.some((x) => (x.payload.kind === "org" || x.payload.kind === "country") && x.end <= e.start && e.start - x.end <= 2);
        const title = sm.entities.find((e) => e.end <= t.start && RESOLVABLE_OFFICE_ROLES.has(roleOf(e)!) && !boundBefore(e) && !sides.some((x) => x.start <= e.start && e.end <= x.start + 80 && x.role === roleOf(e)));
        const holders = title ? [...docPersons.values()].filter((p) => p.role === roleOf(title) && !sides.some((x) => x.country === p.country)) : [];
        // Several candidates: one of the sides of the event before, else the dateline's country.
        const holder = holders.length === 1 ? holders[0] : holders.find((p) => context.some((c) => c.country === p.country)) ?? holders.find((p) => p.country === ctx.datelinePlace?.country);
        if (title && holder) sides = [{ ...holder, rank: 3, start: title.start, counterpart: false }, ...sides];
      }
      // "He also praised Russia's effort": a sentence opened by a subject pronoun continues the
      // actor of the event before; countries named after it are the other side.
      const speaker = prevSubject ?? (context[0]?.name ? context[0] : null);
      if (mode !== "multilateral" && speaker && pronounSubject(ctx, sm, t) && !sides.some((x) => x.rank >= 2 && x.start < t.start)) {
        const actor = speaker;
        sides = [{ ...actor, rank: 0, start: -1, counterpart: false }, ...sides.filter((x) => x.country !== actor.country)];
      }
      // "The guest congratulated the host": the visitor and the host of the latest visit.
      if (mode !== "multilateral" && mode !== "visit") sides = withGuestAndHost(ctx, sm, sides, drafts);
      // Counterparts joined to a counterpart by "and" are counterparts too ("with X and Y").
      markCoordinatedCounterparts(ctx, sides);
      // Only counterparts named ("held talks with X"): the one who acts is in the discourse.
      if (sides.length && sides.every((x) => x.counterpart) && mode !== "multilateral") {
        const actor = context.find((c) => !sides.some((x) => x.country === c.country));
        if (actor) sides.unshift({ ...actor, rank: 0, start: -1, counterpart: false });
      }
      // A summit belongs to an organisation: the one named in the sentence, else the latest one
      // named before it (or in the title).
      // An organisation named with its head ("UN Secretary-General Guterres addressed the
      // summit") is a participant, not the summit's owner.
      if (mode === "multilateral" && !sides.some((x) => ctx.lex.orgCodes.has(x.country) && !x.name)) {
        const org = [...sentences.slice(0, si + 1).reverse().flatMap((x) => [...x.entities].reverse()), ...(ctx.title?.entities ?? [])].find((x) => x.payload.kind === "org");
        if (org) sides.push({ country: org.payload.id, name: null, role: null, rank: 1, start: Infinity, evidence: ev });
      }
      // Fill missing sides from the discourse ("the parties", "he", "the Russian side").
      // Force and street protest name who acts in their own sentence: "22,000 arrests
      // nationwide", "demonstrations began peacefully" with no side named are domestic news,
      // not an interaction of the sides talked about before.
      // ("A clash between the border guards of the two states" refers to them by name.)
      if (MATERIAL_CONFLICT.has(type) && !sm.references.length && !sides.some((x) => x.rank >= 1 && Number.isFinite(x.start))) continue;
      if (sides.length < 2 && mode !== "multilateral") {
        // "The statement was signed on behalf of the Chinese side by Wang Yi" after talks between
        // two other parties: a document signed by a third side is signed by all three.
        const allSign = type === "AGREE" && mode === "sign" && sides.length === 1 && context.length >= 2 && context.every((c) => c.country !== sides[0].country);
        for (const c of context) {
          if (sides.length >= 2 && !allSign) break;
          if (!sides.some((s) => s.country === c.country)) sides.push({ ...c, rank: 0, start: Infinity });
        }
      }
      if (sides.length < 2) continue;
      // A visit has a visitor and a host: with more sides named, the first named and the host.
      if (mode === "visit" && sides.length > 2) {
        const hostCountry = location?.country;
        const host = sides.find((x) => x.host || x.country === hostCountry);
        const visitor = sides.find((x) => x !== host);
        sides = host && visitor ? [visitor, host] : sides.slice(0, 2);
      } else if (mode === "visit" && sides.length === 2 && ((location?.country && sides[0].country === location.country && sides[1].country !== location.country) || (sides[0].host && !sides[1].host))) {
        // The visitor comes first: the host's leader is often named first ("Rahmon welcomed
        // Japarov, who came to Tajikistan on a visit").
        sides = [sides[1], sides[0]];
      }
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
      const severalParty = sm.tokens.some((x) => isWordOf(x.norm, ctx.lex.markers.severalParty.get(ctx.lang) ?? []));
      const namedCounterparts = oneToMany && sides.slice(1).every((x) => x.rank === 3);
      // "X held meetings with A, B and C": one side before the trigger and a list after it is one
      // meeting with each, unless the text says they met together.
      const subjectAndList = sides.length > 2 && sides[0].start < t.start && sides.slice(1).every((x) => x.start >= t.end && Number.isFinite(x.start));
      // "Accused the governments of Colombia, Mexico and Chile": a directed act aimed at several
      // is one act towards each (PLOVER events are dyadic); agreements among three stay one, and
      // so does an appeal to two parties to do something together ("urged X and Y to talk").
      const directedAtList = subjectAndList && type !== "CONSULT" && type !== "AGREE" && type !== "COOPERATE" && type !== "REQUEST";
      const groups: Side[][] = (mode === "phone" || type === "AID" || directedAtList || (type === "SUPPORT" && oneToMany) || (mode === "meeting" && !severalParty && (bareCounterparts || listedOthers || namedCounterparts || subjectAndList))) && sides.length > 2 && !sides[0].counterpart
        ? sides.slice(1).map((o) => [sides[0], o])
        : [sides];
      // A meeting with two named persons of one country, joined by "and": one meeting each.
      if (mode === "meeting" && groups.length === 1) {
        for (const p of extraPersons) {
          const own = sides.find((x) => x.country === p.country);
          if (!own || !own.counterpart || !coordinatedPersons(ctx, own, p)) continue;
          groups.push(sides.map((x) => (x === own ? { ...p, counterpart: true } : x)));
        }
      }
      // "Signed the Treaty on Allied Relations and the Treaty on Demarcation": one signing per
      // document named (up to three); a batch ("16 other documents") is one.
      const documents = type === "AGREE" && mode === "sign" ? Math.min(3, Math.max(1, documentsNamed(ctx, sm))) : 1;
      for (let docIndex = 0; docIndex < documents; docIndex++)
      for (const group of groups) {
        // Names carried over: the same country's person from the scene before, when on the same date.
        // Else, for events of the article's own day, the most senior person the article names
        // for that country ("Maulen" met "Emomali"; "the Kazakh side" is Tokayev's).
        for (const s of group) {
          if (s.name) continue;
          // "The Afghan envoy thanked...": a title without a name is the person of that country
          // and office the article names most ("Ambassador Farid Mamundzay").
          if (s.rank === 2 && s.role) {
            const p = docPersons.get(s.country);
            if (p && p.role === s.role) s.name = p.name;
            continue;
          }
          const c = context.find((x) => x.country === s.country && x.name);
          if (c && when.value === contextDate && s.rank <= 1) {
            s.name = c.name;
            s.role = c.role;
            continue;
          }
          const p = docPersons.get(s.country);
          // ...also for an event dated only by the article's own month ("in early May").
          if (p && s.rank <= 1 && (!when.value || nearDate(when.value, ctx.refDate) || (when.value.length === 7 && !!ctx.refDate?.startsWith(when.value)))) {
            s.name = p.name;
            s.role = p.role;
          }
        }
        let status = statusOfClause(ctx.text, sm, t);
        let date = when.value;
        let dateExplicit = when.explicit;
        // A month after the article's month ("in April next") is as much to come as a later day.
        const later = !!date && !!ctx.refDate && (date.length === 10 ? date > ctx.refDate : date.length === 7 && date > ctx.refDate.slice(0, 7));
        if (!status && date && ctx.refDate && later) {
          // "They agreed that flights resume on 14 March": the date is the content's, not the act's.
          if (type === "AGREE" && mode === "agree") {
            date = runningDate;
            dateExplicit = false;
          } else status = "planned";
        }
        const info = ctx.lex.cameo.get(cameo);
        const rec: EventRecord = {
          type,
          mode: mode ?? null,
          cameo: cameo || TYPE_DEFAULTS[type].cameo,
          goldstein: info?.goldstein ?? TYPE_DEFAULTS[type].goldstein,
          ...(status ? { status } : {}),
          date,
          actors: toActors(group),
          location,
          topics: [],
          evidence: ev,
          trigger: { text: ctx.text.slice(t.start, t.end), start: t.start, end: t.end },
          ...(when.hit && dateExplicit ? { dateEvidence: { ...ev, start: when.hit.start, end: when.hit.end } } : {}),
        };
        // "This meeting", «эта встреча»: the event already reported, whatever date is near.
        const anaphoric = demonstrativeBefore(ctx, sm, t) || definiteOpening(ctx, sm, t);
        const draft: Draft = { rec, sides: group.map((x) => ({ ...x })), sentence: si, dateExplicit: dateExplicit && !anaphoric, reported: new Set([si]), docIndex };
        if (type === "AGREE" && mode === "agree") draft.content = contentAfter(sm, t);
        const twin = status
          ? undefined
          : drafts.find((d) => !d.rec.status && sameInteraction(d, draft)) ??
            (anaphoric ? [...drafts].reverse().find((d) => !d.rec.status && d.rec.type === type && d.rec.mode === rec.mode && countriesKey(d.sides) === countriesKey(draft.sides)) : undefined);
        if (twin) {
          // Same interaction again: keep the first report, fill what it lacked.
          if ((!twin.dateExplicit && draft.dateExplicit) || (twin.rec.mode === "visit" && draft.dateExplicit && rec.date && twin.rec.date && rec.date < twin.rec.date)) {
            // A visit is dated by its arrival: the earlier of two stated days.
            twin.rec.date = rec.date;
            twin.dateExplicit = true;
          }
          for (const s of group) {
            const o = twin.sides.find((x) => x.country === s.country);
            if (o && !o.name && s.name) Object.assign(o, { name: s.name, role: s.role, rank: s.rank });
          }
          twin.rec.actors = toActors(twin.sides);
          twin.reported.add(si);
          // A meeting that turns out to be a call or video conference takes the specific mode.
          if (twin.rec.mode === "meeting" && (rec.mode === "phone" || rec.mode === "video")) {
            twin.rec.mode = rec.mode;
            twin.rec.cameo = rec.cameo;
            twin.rec.goldstein = rec.goldstein;
          }
          if (!twin.rec.location && location) twin.rec.location = location;
        } else {
          drafts.push(draft);
        }
        // "Britain will provide Ukraine with £3 billion of military aid a year": aid promised is
        // a pledge, an agreement made now (PLOVER AGREE), beside the aid still to come.
        if (type === "AID" && status === "planned" && pledgedBefore(ctx, sm, t) && !drafts.some((d) => d.rec.type === "AGREE" && d.sentence === si)) {
          const pledge: EventRecord = { ...rec, type: "AGREE", mode: "agree", cameo: "057", goldstein: ctx.lex.cameo.get("057")?.goldstein ?? TYPE_DEFAULTS.AGREE.goldstein, date: runningDate, topics: [] };
          delete pledge.status;
          delete pledge.dateEvidence;
          const pledgeDraft: Draft = { rec: pledge, sides: group.map((x) => ({ ...x })), sentence: si, dateExplicit: false, reported: new Set([si]), content: contentAfter(sm, t) };
          if (!drafts.some((d) => !d.rec.status && sameInteraction(d, pledgeDraft))) drafts.push(pledgeDraft);
        }
        if (!status) {
          context = sides.map((s) => ({ ...s }));
          contextDate = when.value;
          if (when.value && when.value.length === 10 && mode !== "visit") sceneDate = when.value;
        }
      }
      }
    }
    // The first named person of the sentence is who "he" in the next one is.
    prevSubject = [...sentenceSides].sort((a, b) => a.start - b.start).find((x) => x.rank >= 3 && x.name) ?? (pronounSubject(ctx, sm) ? prevSubject : null);
    // A full date stated in a sentence becomes the paragraph's running date.
    const full = dates.find((d) => d.value.length === 10);
    if (full) lastExplicitDate = full.value;
    else if (dayAfter && (lastExplicitDate ?? runningDate)) lastExplicitDate = addDays((lastExplicitDate ?? runningDate)!, 1);
    // ...except an arrival's date: the talks that follow an arrival are told on their own day
    // ("arrived on Monday ... The leaders held talks" on the day of the report).
    const arrival = sm.triggers.some((x) => x.payload.mode === "visit");
    if (full && !arrival) runningDate = full.value;
  });

  withHostOfTalks(ctx, drafts, sentences);
  initiatorsFirst(ctx, drafts, sentences);
  visitorFirst(drafts);
  addSummitParticipants(ctx, drafts, sentences, plain);
  assignTopics(ctx, drafts, sentences);
  return drafts.map((d) => d.rec);
}
