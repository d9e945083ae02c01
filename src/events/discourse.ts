// Events stage, discourse: what the sentences before say about the sides (the two sides the
// article is about, the guest and the host of the latest visit).

import type { SentenceMentions } from "../mentions/index.js";
import { type Draft, type EventContext, type Side, evidenceOf } from "./model.js";
import { isCounterpart } from "./sides.js";

/**
 * "The guest", «хозяин встречи», "ضيفه": the visitor (first side) or the host (second side) of
 * the latest visit reported before, unless the sentence names that country itself.
 */
export function withGuestAndHost(ctx: EventContext, sm: SentenceMentions, sides: Side[], drafts: Draft[]): Side[] {
  const refs = sm.references.filter((r) => r.payload.id === "guest" || r.payload.id === "host");
  if (!refs.length) return sides;
  const visit = [...drafts].reverse().find((d) => d.rec.mode === "visit" && !d.rec.status && d.sides.length >= 2);
  if (!visit) return sides;
  const out = [...sides];
  for (const r of refs) {
    const from = r.payload.id === "guest" ? visit.sides[0] : visit.sides.find((x) => x !== visit.sides[0])!;
    if (out.some((x) => x.country === from.country)) continue;
    out.push({ ...from, rank: from.name ? 3 : 1, start: r.start, evidence: evidenceOf(ctx, sm), counterpart: isCounterpart(ctx, sm, r.start, r.end), host: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The two sides the article is most about (falling back to the latest event's). */
export function mainDyad(salience: Map<string, { side: Side; count: number }>, context: Side[]): Side[] {
  const ranked = [...salience.values()].sort((a, b) => b.count - a.count).map((x) => x.side);
  return ranked.length >= 2 ? ranked.slice(0, 2) : context;
}
