// PLOVER event types grouped for the charts (the families are the API's own, src/store/families.ts).

import { FAMILIES, FAMILY_OF, familyOf, type Family } from "../../src/store/families";

export { FAMILIES, familyOf, type Family };
export const FAMILY_COLORS = ["#2f7d6d", "#e0a030", "#c8423b"];

export const EVENT_TYPES = Object.keys(FAMILY_OF);

/** What kind of interaction a dyad's event is, for the dyad timeline. */
export const KINDS = ["meeting", "call", "visit", "agreement", "aid", "protest", "other"] as const;
export function kindOf(type: string, mode: string | null): (typeof KINDS)[number] {
  if (type === "AGREE" || mode === "sign" || mode === "agree") return "agreement";
  if (type === "AID" || mode === "humanitarian") return "aid";
  if (type === "PROTEST") return "protest";
  if (mode === "phone" || mode === "video" || mode === "letter") return "call";
  if (mode === "visit") return "visit";
  if (type === "CONSULT") return "meeting";
  return "other";
}

/** Goldstein score (-10..10) as a colour: red for conflict, grey near 0, blue-green for cooperation. */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t >= 0) return `hsl(168, ${Math.round(25 + 45 * t)}%, ${Math.round(62 - 30 * t)}%)`;
  return `hsl(4, ${Math.round(25 - 45 * t)}%, ${Math.round(62 + 28 * t)}%)`;
}

export const fmtG = (g: number) => (g >= 0 ? "+" : "") + g.toFixed(1);
