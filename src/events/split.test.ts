// Whether two drafts are one interaction told twice (split.ts), on drafts built by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventRecord } from "../types.js";
import type { Draft, Side } from "./model.js";
import { sameInteraction } from "./split.js";

const evidence = { doc: "t", sentence: 0, start: 0, end: 1, text: "x" } as unknown as Side["evidence"];
const side = (country: string): Side => ({ country, name: null, role: null, rank: 1, start: 0, evidence });
function draft(type: EventRecord["type"], countries: string[], sentence: number): Draft {
  const rec = { type, mode: type === "AID" ? "humanitarian" : null, cameo: "070", goldstein: 7, date: null, actors: [], location: null, topics: [], evidence, trigger: { text: "x", start: 0, end: 1 } } as unknown as EventRecord;
  return { rec, sides: countries.map(side), sentence, dateExplicit: false, reported: new Set([sentence]) };
}

test("aid between the same two sides told in either order is one delivery; an accusation is not", () => {
  assert.ok(sameInteraction(draft("AID", ["SAU", "SDN"], 0), draft("AID", ["SDN", "SAU"], 3)));
  assert.ok(!sameInteraction(draft("ACCUSE", ["SAU", "SDN"], 0), draft("ACCUSE", ["SDN", "SAU"], 3)));
  // Aid from a third party is another delivery.
  assert.ok(!sameInteraction(draft("AID", ["SAU", "SDN"], 0), draft("AID", ["ARE", "SDN"], 3)));
});

test("undated meetings of the same sides in two countries are two meetings", () => {
  const meeting = (country: string | null, city: string | null, sentence: number) => {
    const d = draft("CONSULT", ["EGY", "SYR"], sentence);
    d.rec.mode = "meeting";
    d.rec.location = country ? ({ country, city } as EventRecord["location"]) : null;
    return d;
  };
  assert.ok(!sameInteraction(meeting("EGY", null, 0), meeting("SYR", "Damascus", 4)));
  assert.ok(sameInteraction(meeting("EGY", null, 0), meeting(null, null, 4)));
  assert.ok(sameInteraction(meeting("EGY", "Cairo", 0), meeting("EGY", null, 4)));
});
