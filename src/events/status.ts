// Events stage, status: a negation, future or hypothetical cue in the trigger's clause makes it a
// mention (denied, planned, hypothetical), not an event.

import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { EventRecord } from "../types.js";
import { breakBetween } from "./clauses.js";

/** Whether a cue stands in the trigger's clause, within 100 characters, with no trigger between. */
export function sameClauseBefore(text: string, sm: SentenceMentions, c: { end: number }, t: TriggerMatch): boolean {
  if (t.start - c.end > 100) return false;
  const between = sm.tokens.filter((x) => x.start >= c.end && x.end <= t.start);
  if (sm.triggers.some((x) => x !== t && x.start >= c.end && x.end <= t.start)) return false;
  return between.length > 0 && !breakBetween(text, sm, c.end, t.start);
}

/**
 * "Is expected to meet Macron on Friday to discuss trade": an event word in the purpose of a
 * planned or hypothetical one, in the same clause, shares its status.
 */
export function statusOfClause(text: string, sm: SentenceMentions, t: TriggerMatch): EventRecord["status"] {
  const own = statusOf(text, sm, t);
  if (own) return own;
  // Threats and pledges speak of the future by nature (see statusOf).
  if (t.payload.type === "THREATEN" || (t.payload.type === "AGREE" && t.payload.mode === "agree")) return undefined;
  // (The last such trigger, read backwards in place.)
  let prev: TriggerMatch | undefined;
  for (let i = sm.triggers.length - 1; i >= 0 && !prev; i--) if (sm.triggers[i].end <= t.start && sm.triggers[i] !== t) prev = sm.triggers[i];
  if (!prev || breakBetween(text, sm, prev.end, t.start)) return undefined;
  const inherited = statusOf(text, sm, prev);
  return inherited === "planned" || inherited === "hypothetical" ? inherited : undefined;
}

export function statusOf(text: string, sm: SentenceMentions, t: TriggerMatch): EventRecord["status"] {
  // A cue in the clause before the trigger, or right after it (Persian "دیدار خواهد کرد").
  // Threats and pledges speak of the future by nature: only a negation makes them not events.
  const futureByNature = t.payload.type === "THREATEN" || (t.payload.type === "AGREE" && t.payload.mode === "agree");
  for (const c of sm.modality) {
    if (futureByNature && c.payload.id !== "negation") continue;
    // Near before the trigger, or further in the same clause with no other event word between
    // ("Ahead of his attendance at the informal summit of the European Council").
    const before = c.end <= t.start && (t.start - c.end <= 40 || sameClauseBefore(text, sm, c, t));
    // "Denied the allegations": the negation word of a rejection is its own verb.
    const overlaps = c.start < t.end && t.start < c.end && !(t.payload.type === "REJECT" && c.payload.id === "negation");
    const after = c.start >= t.end && c.start - t.end <= 12;
    if (before || overlaps || after) return c.payload.id === "negation" ? "denied" : c.payload.id === "future" ? "planned" : "hypothetical";
  }
  // "declined to sign", "refused to meet": the refusal is the event; what was refused is not.
  if (t.payload.type !== "REJECT" && sm.triggers.some((r) => r.payload.type === "REJECT" && r.end <= t.start && t.start - r.end <= 15)) return "denied";
  // "Agreed to hold talks", "called for a meeting": what is agreed or asked for is still to come.
  if (t.payload.type === "CONSULT" && sm.triggers.some((r) => ((r.payload.type === "AGREE" && r.payload.mode === "agree") || r.payload.type === "REQUEST") && r.end <= t.start && t.start - r.end <= 15)) return "planned";
  return undefined;
}

/**
 * "Confident that a meeting between the two presidents would take place": an event noun after an
 * indefinite article, with a future or hypothetical cue later in its own clause, is spoken of as
 * to come. Told events are definite ("the meeting", "met"); an indefinite one is new to the
 * reader, and its verb, after it, says whether it happened.
 */
export function statusAfterIndefinite(text: string, sm: SentenceMentions, t: TriggerMatch, articles: Set<string> | undefined): EventRecord["status"] {
  if (!articles || t.tokenStart < 1) return undefined;
  // The article right before the noun, or one word before it ("a second meeting").
  // (The two words read in place: this runs for every event recorded.)
  if (!articles.has(sm.tokens[t.tokenStart - 1].norm) && !(t.tokenStart >= 2 && articles.has(sm.tokens[t.tokenStart - 2].norm))) return undefined;
  for (const c of sm.modality) {
    if (c.payload.id === "negation" || c.start < t.end || c.start - t.end > 100) continue;
    if (breakBetween(text, sm, t.end, c.start) || sm.triggers.some((x) => x !== t && x.start >= t.end && x.end <= c.start)) continue;
    return c.payload.id === "future" ? "planned" : "hypothetical";
  }
  return undefined;
}
