// Events stage, split and merge: one signing per document named, and whether two drafts are one
// interaction reported twice.

import type { SentenceMentions } from "../mentions/index.js";
import { wordVariantsOf } from "./cues.js";
import { DIRECTED, type Draft, type EventContext, countriesKey } from "./model.js";
import { farApart } from "./when.js";

/** How many signed documents a sentence names (document nouns, each counted once per word). */
export function documentsNamed(ctx: EventContext, sm: SentenceMentions): number {
  const nouns = ctx.lex.markers.documentNouns.get(ctx.lang);
  if (!nouns) return 1;
  let n = 0;
  for (const t of sm.tokens) {
    if (/^\p{N}/u.test(t.norm)) return 1; // "16 documents", "nine memoranda": a batch
    if (wordVariantsOf(t.norm).some((w) => nouns.some((x) => w.startsWith(x) && w.length - x.length <= 4))) n++;
  }
  return n;
}

/** Can two drafts be one interaction reported twice? */
export function sameInteraction(a: Draft, b: Draft): boolean {
  if (a.rec.type !== b.rec.type) return false;
  if (countriesKey(a.sides) !== countriesKey(b.sides)) return false;
  const modes = [a.rec.mode, b.rec.mode];
  if (a.rec.mode !== b.rec.mode) {
    // A generic meeting trigger after a call or video conference is that call, elaborated.
    if (!(a.rec.type === "CONSULT" && modes.includes("meeting") && (modes.includes("phone") || modes.includes("video")))) return false;
    // A later "talks" after a call elaborates the call; a later call does not turn an earlier
    // meeting into a call unless both are told together (one sentence, one stated day).
    const upgrade = a.rec.mode === "meeting";
    if (upgrade && a.sentence !== b.sentence && !(a.dateExplicit && b.dateExplicit && a.rec.date === b.rec.date)) return false;
  }
  // Directed acts, and support given the other way ("congratulated" / "thanked him for the
  // congratulations"), have an initiator: two initiators, two acts.
  if ((DIRECTED.has(a.rec.type) || a.rec.type === "SUPPORT") && a.sides[0]?.country !== b.sides[0]?.country) return false;
  // Condolences, congratulations and an apology on one day are three acts of support.
  if (a.rec.type === "SUPPORT" && a.rec.cameo !== b.rec.cameo) return false;
  // Each signing sentence names its own document(s).
  if (a.rec.type === "AGREE" && a.rec.mode === "sign" && (a.sentence !== b.sentence || (a.docIndex ?? 0) !== (b.docIndex ?? 0))) return false;
  // Two agreements told in different sentences are one only when they speak of the same thing
  // ("agreed to take trade past $100 billion" ... "agreed to raise the figure beyond $100
  // billion"; not "agreed to release them").
  if (a.rec.type === "AGREE" && a.rec.mode === "agree" && a.sentence !== b.sentence && a.content && b.content && ![...a.content].some((w) => b.content!.has(w))) return false;
  // A visit told by its arrival (evening of the 15th) and its welcome (the 16th) is one visit.
  const visitDays = a.rec.mode === "visit" && !!a.rec.date && !!b.rec.date && a.rec.date.length === 10 && b.rec.date.length === 10 && Math.abs(Date.parse(a.rec.date) - Date.parse(b.rec.date)) <= 86400000;
  if (a.rec.date !== b.rec.date && a.dateExplicit && b.dateExplicit && !visitDays) return false;
  // A stated date months away from the day an undated report was put on is another occasion
  // ("the talks" today; "the handshake in Doha in November 2022").
  if (a.dateExplicit !== b.dateExplicit && a.rec.date && b.rec.date && farApart(a.rec.date, b.rec.date)) return false;
  // Different persons for one country: two meetings on one trip.
  for (const s of a.sides) {
    const o = b.sides.find((x) => x.country === s.country);
    if (o && s.name && o.name && s.name !== o.name && s.rank > 0 && o.rank > 0) return false;
  }
  return true;
}
