// Events stage, triggers: whether a trigger, in its sentence, names no event of its own.

import { foldChar } from "../text/normalize.js";
import { clauseBreaks, markBetween } from "./clauses.js";
import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import { VERB_FINAL, foldRunning, atAirport, praisesTalks, phraseEndingAt, phraseStartingAt, attendsBefore, isWordOf, messageArrives, orgIsSetting, proposedBefore, praisedEvent, purposeOfSanction, eventTalkedAbout, summitHosted, hasVariantIn, participationIn } from "./cues.js";
import type { EventType } from "../types.js";
import type { Draft, EventContext } from "./model.js";

/** Languages whose background words are postpositions, after the noun ("saldırının ardından"). */
const POSTPOSITIONS = new Set(["tr", "az", "uz", "kk", "ky"]);

/** A meeting noun governed by a setting word, with no other event word between ("on the sidelines of the ministers' meetings"). */
export function triggerIsSetting(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (!orgIsSetting(ctx, sm, t)) return false;
  const words = ctx.lex.markers.settingBefore.get(ctx.lang);
  const setting = [...sm.tokens.slice(0, Math.max(0, t.tokenStart))].reverse().find((x) => !!words && hasVariantIn(x.norm, words));
  return !!setting && !sm.triggers.some((x) => x !== t && x.start >= setting.end && x.end <= t.start);
}

/**
 * "Travelled to Jeddah to take part in the extraordinary meeting of the OIC foreign ministers",
 * «للمشاركة في اجتماع ... منظمة التعاون الإسلامي»: a meeting someone came to take part in,
 * of an organisation named within five words after it, is a gathering of that organisation
 * (multilateral), not a bilateral meeting.
 */
export function attendedGathering(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.payload.type !== "CONSULT" || t.payload.mode !== "meeting" || t.tokenEnd < 0 || !participationIn(ctx, sm, t)) return false;
  const withWords = ctx.lex.markers.withBefore.get(ctx.lang) ?? [];
  return sm.entities.some((e) => e.payload.kind === "org" && e.tokenStart >= t.tokenEnd && e.tokenStart - t.tokenEnd <= 5 && !markBetween(ctx.text, t.end, e.start, ".;:,،") && !sm.tokens.slice(t.tokenEnd, e.tokenStart).some((_, j) => phraseEndingAt(sm.tokens, t.tokenEnd + j, withWords)));
}

/**
 * Whether a trigger, in its sentence, names no event of its own: it belongs to another event
 * (the summit it hosts, the visit whose airport greeting it is, the meeting its attendees join),
 * is what another act is about (talks proposed, an appeal answered, a statement signed), or is a
 * manner or a stated position. Each case is commented where it is tested.
 */
/** Whether an accusation is about an act named next to it, on the side its verb takes objects. */
function condemns(ctx: EventContext, sm: SentenceMentions, accuse: TriggerMatch, act: TriggerMatch): boolean {
  // A final verb takes the act right before it as its object («حمله را محکوم کرد»); a party named
  // between them is the subject of another clause ("... and Armenia condemned it").
  if (VERB_FINAL.has(ctx.lang) && accuse.start >= act.end)
    return accuse.start - act.end <= 40 && !markBetween(ctx.text, act.end, accuse.start, ".;،,") && !sm.entities.some((e) => e.start >= act.end && e.end <= accuse.start);
  return accuse.end <= act.start && act.start - accuse.end <= 60 && !markBetween(ctx.text, accuse.end, act.start, ".;");
}

/** An anniversary word within a few words before the trigger or right after it. */
function anniversaryNear(ctx: EventContext, t: TriggerMatch): boolean {
  const words = ctx.lex.markers.anniversary.get(ctx.lang);
  if (!words?.length) return false;
  const text = ctx.text;
  return foldHolds(text, Math.max(0, t.start - 40), t.start, words) || foldHolds(text, t.end, Math.min(text.length, t.end + 12), words);
}

/**
 * Whether the fold of text[from, to) (foldRunning) holds one of the words: the stretch is sliced
 * and folded only where its letters may spell one of them (read in place).
 */
function foldHolds(text: string, from: number, to: number, words: string[]): boolean {
  if (!mayFoldToOneOfIn(text, from, to, words)) return false;
  const folded = foldRunning(text.slice(from, to));
  for (let k = 0; k < words.length; k++) if (folded.includes(words[k])) return true;
  return false;
}

/** The code units of a word list as bits, each word's units, and each character's (filled on first sight). */
interface UnitMasks { bits: Map<number, number>; words: number[]; chars: Int32Array }
const unitMasks = new WeakMap<string[], UnitMasks | null>();
/** Characters whose fold may hold any unit (halves of surrogate pairs, folded as pairs). */
const ANY_UNIT = 0x3fffffff;
/** The apostrophes and the stress accent: folding makes them a space or nothing, whatever they are. */
const SPACE_OR_NOTHING = new Set([0x27, 0x60, 0x2019, 0x2018, 0x02bb, 0x02bc, 0xb4, 0x0301]);

/**
 * Whether a stretch of text may fold to a text holding one of the words (foldStretch(s) includes
 * one): folding goes character by character (foldChar; an apostrophe becomes a space or nothing;
 * a pinyin gloss is dropped), so every unit of a word found in the fold comes from the fold of
 * one character of the stretch. A stretch none of whose characters gives some unit of each word
 * holds none of them.
 */
export function mayFoldToOneOf(s: string, words: string[]): boolean {
  return mayFoldToOneOfIn(s, 0, s.length, words);
}

/** mayFoldToOneOf(text.slice(from, to), words), read in place. */
function mayFoldToOneOfIn(text: string, from: number, to: number, words: string[]): boolean {
  let m = unitMasks.get(words);
  if (m === undefined) {
    const bits = new Map<number, number>();
    for (const w of words) for (let i = 0; i < w.length; i++) if (!bits.has(w.charCodeAt(i))) bits.set(w.charCodeAt(i), 1 << bits.size);
    const maskOf = (w: string) => {
      let x = 0;
      for (let i = 0; i < w.length; i++) x |= bits.get(w.charCodeAt(i))!;
      return x;
    };
    m = bits.size > 30 ? null : { bits, words: words.map(maskOf), chars: new Int32Array(0x10000).fill(-1) };
    unitMasks.set(words, m);
  }
  if (!m) return true;
  let seen = 0;
  for (let i = from; i < to; i++) seen |= charMask(m, text.charCodeAt(i));
  const masks = m.words;
  for (let k = 0; k < masks.length; k++) if ((seen & masks[k]) === masks[k]) return true;
  return false;
}

/** The bits of the units a character's fold may give. */
function charMask(m: UnitMasks, code: number): number {
  let x = m.chars[code];
  if (x < 0) {
    if (code >= 0xd800 && code <= 0xdfff) x = ANY_UNIT;
    else if (SPACE_OR_NOTHING.has(code)) x = m.bits.get(0x20) ?? 0;
    else {
      const f = foldChar(String.fromCharCode(code));
      x = 0;
      for (let i = 0; i < f.length; i++) x |= m.bits.get(f.charCodeAt(i)) ?? 0;
    }
    m.chars[code] = x;
  }
  return x;
}

export function noEventHere(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch, type: EventType, mode: string | null, drafts: Draft[]): boolean {
  // "The summit hosted by Russia": the host verb belongs to the summit, which is the event.
  if (mode === "meeting" && summitHosted(ctx, sm, t)) return true;
  // "On the sidelines of the summit X met Y": the summit is the setting, not an event here.
  // Unless the sentence says someone came to take part in it ("arrived to take part in the
  // extraordinary summit ..., and on its sidelines met X"): then both are told.
  if (mode === "multilateral" && !participationIn(ctx, sm, t) && sm.triggers.some((x) => x.payload.type === "CONSULT" && x.payload.mode !== "multilateral" && !summitHosted(ctx, sm, x))) return true;
  if (type === "AGREE" && mode === "agree" && sharedView(ctx, sm, t)) return true;
  // "Wang Yi and others attended the meeting", «приняли участие во встрече»: participants
  // of a meeting already reported.
  // (Not "took part in the meeting of the CIS Council in Minsk": a body or place of its own.)
  if (type === "CONSULT" && mode !== "multilateral" && attendsBefore(ctx, sm, t) && drafts.some((d) => d.rec.type === "CONSULT" && !d.rec.status) && !sm.entities.some((e) => e.payload.kind === "org" || e.payload.kind === "place" || (e.payload.kind === "country" && e.payload.form === "capital"))) return true;
  if (type === "SUPPORT" && noSupportHere(ctx, sm, t)) return true;
  // "Any attack", «любую атаку», «أي هجوم إسرائيلي», «هرگونه حمله»: an event noun after "any"
  // names no occurrence (what a threat or warning is about).
  if (anyBefore(ctx, sm, t)) return true;
  // "Urging the international community to hold the US accountable": the one urged is no
  // party, and what they are urged to do is content.
  if (type === "REQUEST" && addresseeNotAParty(ctx, sm, t)) return true;
  // "On the sidelines of the ASEAN ministers' meetings, Wang met Rubio": a gathering named as
  // the setting of other talks is not an event of its own here.
  if (type === "CONSULT" && mode !== "phone" && mode !== "visit" && triggerIsSetting(ctx, sm, t) && sm.triggers.some((x) => x !== t && x.payload.type === "CONSULT" && !triggerIsSetting(ctx, sm, x))) return true;
  // "Commended their recent meeting": the meeting praised is the one told before; told first
  // here, it is the only report of a meeting that took place.
  if (type === "CONSULT" && mode !== "multilateral" && praisedEvent(ctx, sm, t) && drafts.some((d) => d.rec.type === "CONSULT" && !d.rec.status)) return true;
  // "Recalled its ambassador for consultations": the consultations are the recall's purpose.
  if (type === "CONSULT" && purposeOfSanction(ctx, sm, t)) return true;
  // "Commenting on the summons", "asked about the visit": an event spoken of, not a new one.
  if (eventTalkedAbout(ctx, sm, t)) return true;
  // "Supported a ceasefire and talks": talks that are the object of support or a proposal.
  if (type === "CONSULT" && mode === "meeting" && proposedBefore(ctx, sm, t)) return true;
  // "Signed a joint statement": the statement is the document signed, not another agreement.
  if (type === "AGREE" && mode === "agree" && sm.triggers.some((x) => x.payload.type === "AGREE" && x.payload.mode === "sign" && (x.end <= t.start ? t.start - x.end <= 40 : x.start >= t.end && x.start - t.end <= 40))) return true;
  if (type === "REJECT" && rejectsAny(ctx, sm, t)) return true;
  if (answered(ctx, sm, t)) return true;
  // "Condemned the attack on the embassy": the attack condemned is what the accusation is
  // about; its sides are not the condemner's (the attack itself is told where it is reported).
  // Where the verb ends the clause («saldırıları kınadı», «حمله را محکوم کرد») it stands after it.
  if ((type === "ASSAULT" || type === "COERCE") && sm.triggers.some((x) => x.payload.type === "ACCUSE" && condemns(ctx, sm, x, t))) return true;
  // "Handed over a protest note in rejection of the insinuations", «documento de protesta en
  // rechazo a», «احتجاجا ورفضا»: a rejection told right after a protest is what the protest says.
  if (type === "REJECT" && sm.triggers.some((x) => x.payload.type === "ACCUSE" && x.end <= t.start && t.start - x.end <= 12 && !markBetween(ctx.text, x.end, t.start, ",;.،:"))) return true;
  if (type === "ASSAULT" && attackInBackground(ctx, sm, t)) return true;
  // "Was received at the airport by the First Deputy Prime Minister": the greeting is the
  // arrival ceremony of the visit, not a meeting of its own.
  if (type === "CONSULT" && mode === "meeting" && atAirport(ctx, sm)) return true;
  // "Messages of congratulation also arrived from...": a message arriving, not a visit.
  if (mode === "visit" && messageArrives(ctx, sm, t)) return true;
  // "Met the Venezuelan ambassador, to whom the protest note was handed": a meeting with an
  // envoy at which a protest is delivered is the summons, told by its protest.
  if (type === "CONSULT" && mode === "meeting" && sm.triggers.some((x) => x.payload.type === "ACCUSE" && x.start > t.end) && sm.entities.some((e) => e.payload.kind === "office" && e.payload.role === "ambassador")) return true;
  // "The 60th anniversary of the signing of the treaty", «60-летие подписания», "签署60周年":
  // an occasion commemorated, not an event of the report.
  if ((type === "AGREE" || type === "CONSULT") && anniversaryNear(ctx, t)) return true;
  // Travelling to a summit is not a visit of its own.
  if (mode === "visit" && sm.triggers.some((x) => x.payload.mode === "multilateral")) return true;
  return false;
}

// (The tests below are functions of their own, not blocks of noEventHere: each is true for few
// triggers, and noEventHere, optimised with all its blocks, was one of the stage's costliest
// functions to compile.)

/** "Agreed that it is important to...": a shared view, not an agreement. */
function sharedView(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const opinion = ctx.lex.markers.opinion.get(ctx.lang);
  if (!opinion) return false;
  // (The words joined by a loop: see mapPacked in model.ts.)
  let after = " ", words = 0;
  for (const x of sm.tokens) if (x.start >= t.end && x.start - t.end <= 60) after += words++ ? " " + x.norm : x.norm;
  // (A word with a space after it is a word with a space before it: one test, of a spelling made once per list.)
  const spaced = spacedWords(opinion);
  for (let k = 0; k < spaced.length; k++) if (after.includes(spaced[k])) return true;
  return false;
}

/** Each word of a list with a space before it, made once per list. */
const spacedLists = new WeakMap<string[], string[]>();
function spacedWords(words: string[]): string[] {
  let spaced = spacedLists.get(words);
  if (!spaced) {
    spaced = [];
    for (const w of words) spaced.push(" " + w);
    spacedLists.set(words, spaced);
  }
  return spaced;
}

/** "Rejected any attempt to displace...": a stated position, not a proposal turned down. */
function rejectsAny(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenEnd < 0) return false;
  const any = ctx.lex.markers.anyBeforeObject.get(ctx.lang) ?? [];
  return !!phraseStartingAt(sm.tokens, t.tokenEnd, any);
}

/** "In response to appeals by the UN": whatever is answered is the cause, not the event. */
function answered(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  const resp = ctx.lex.markers.responseBefore.get(ctx.lang) ?? [];
  return !!phraseEndingAt(sm.tokens, t.tokenStart - 1, resp);
}

/**
 * "After the attack on the embassy": an attack named as the cause of something else is
 * background, not an event the report codes.
 */
function attackInBackground(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  const k = t.tokenStart - 1;
  const bg = ctx.lex.markers.backgroundBefore.get(ctx.lang) ?? [];
  // The phrase right before the noun, or before one word ("after the attack").
  if (phraseEndingAt(sm.tokens, k, bg) || phraseEndingAt(sm.tokens, k - 1, bg)) return true;
  // ...or right after it where it is a postposition ("saldırının ardından", «ҳамладан кейін»).
  return POSTPOSITIONS.has(ctx.lang) && t.tokenEnd >= 0 && !!phraseStartingAt(sm.tokens, t.tokenEnd, bg);
}

/** Praise and thanks that are no act of support of their own here. */
function noSupportHere(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  // "Thanked him for the congratulations" / «از همدردی ... قدردانی کرد»: two support words in
  // one phrase are one act, told by the verb (first in most languages, last where the verb
  // ends the clause).
  if (sm.triggers.some((x) => x !== t && x.payload.type === "SUPPORT" && (VERB_FINAL.has(ctx.lang) ? x.start > t.start : x.start < t.start) && (x.start > t.start ? x.start - t.end : t.start - x.end) <= 25 && !markBetween(ctx.text, Math.min(x.end, t.end), Math.max(x.start, t.start), ",;.،"))) return true;
  // "Met X in Paris, praising his leadership": a participle clause acts on what it names itself
  // or on the counterpart ("his"); "..., commending the bravery of the soldiers" names neither,
  // and its praise goes to no party.
  if (participleWithoutObject(ctx, sm, t)) return true;
  // "Welcomed a positive meeting", «a salué la convergence de vues»: praise of the talks or of
  // how they went judges them; it is no support given to the other side.
  if (t.payload.cameo === "051" && praisesTalks(ctx, sm, t)) return true;
  // "Accepted the invitation with gratitude": the manner of another act, not thanks given.
  if (t.tokenStart > 0 && t.tokenEnd - t.tokenStart === 1 && ctx.lex.markers.mannerBefore.get(ctx.lang)?.has(sm.tokens[t.tokenStart - 1].norm) && isWordOf(sm.tokens[t.tokenStart].norm, ctx.lex.markers.mannerNouns.get(ctx.lang) ?? [])) return true;
  return false;
}

/**
 * An English participle opening a clause after a comma (", praising ...") with no side named in
 * its clause and no possessive pronoun right after it ("praising his ability" refers back).
 */
function participleWithoutObject(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (ctx.lang !== "en" || !/ing$/i.test(sm.tokens[t.tokenStart]?.norm ?? "") || t.tokenStart === 0) return false;
  if (!/,\s*$/.test(ctx.text.slice(sm.tokens[t.tokenStart - 1].end, t.start))) return false;
  if (ctx.lex.markers.ownPossessive.get(ctx.lang)?.has(sm.tokens[t.tokenEnd]?.norm ?? "")) return false;
  const end = clauseBreaks(ctx.text, sm).find((b) => b > t.end) ?? sm.sentence.end;
  return !sm.entities.some((e) => e.start >= t.end && e.end <= end && (e.payload.kind === "country" || e.payload.kind === "person" || e.payload.kind === "org" || e.payload.kind === "office"));
}

/** Words for the few-word noun phrase of who is urged, before the infinitive marker. */
const INFINITIVE: Partial<Record<string, string>> = { en: "to" };

/**
 * "Urged the international community to ...", "called on all parties to ...": the noun phrase
 * between a request verb and its infinitive names no country, person, organisation or "the
 * sides"; the request is addressed to no party (what follows the infinitive is its content).
 */
function addresseeNotAParty(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  const inf = INFINITIVE[ctx.lang];
  if (!inf || t.tokenEnd < 0) return false;
  for (let k = t.tokenEnd; k < sm.tokens.length && k <= t.tokenEnd + 4; k++) {
    const w = sm.tokens[k];
    if (w.norm !== inf) continue;
    if (k === t.tokenEnd || markBetween(ctx.text, t.end, w.start, ",;.:")) return false;
    return ![...sm.entities, ...sm.references].some((e) => e.start >= t.end && e.end <= w.start) && !/\b(him|her|them|it)\b/i.test(ctx.text.slice(t.end, w.start));
  }
  return false;
}


/** A word for "any" up to two words before the trigger (an adjective may stand between), in its clause. */
function anyBefore(ctx: EventContext, sm: SentenceMentions, t: TriggerMatch): boolean {
  if (t.tokenStart <= 0) return false;
  const words = ctx.lex.markers.anyBeforeObject.get(ctx.lang) ?? [];
  for (let end = t.tokenStart - 1; end >= 0 && end >= t.tokenStart - 2; end--) {
    if (markBetween(ctx.text, sm.tokens[end].end, t.start, ",;.:،")) return false;
    const ph = phraseEndingAt(sm.tokens, end, words);
    // "all" and «все» also open lists of parties ("all sides"): only the words for "any".
    if (ph && !["all", "tous", "toutes", "todo", "toda", "كل", "minden"].includes(sm.tokens[end].norm)) return true;
  }
  return false;
}
