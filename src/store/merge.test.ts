// Cross-document merging decisions on hand-made reports.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeReason, type MergeCandidate, type MergeProbe } from "./merge.js";

const stored: MergeCandidate = {
  id: 1, type: "CONSULT", mode: "meeting", countries: "EGY-SAU", date: "2026-01-05", location_country: "EGY",
  actors: [{ country: "EGY", name: "Abdel Fattah el-Sisi" }, { country: "SAU", name: "Faisal bin Farhan" }],
};
const probe = (over: Partial<MergeProbe>): MergeProbe => ({
  type: "CONSULT", mode: "meeting", countries: "EGY-SAU", date: "2026-01-05", location: { country: "EGY" },
  actors: [{ country: "EGY", name: "Abdel Fattah al-Sisi" }, { country: "SAU", name: "Faisal bin Farhan" }], ...over,
});

test("an undated report joins an event only with the same named person on every side", () => {
  assert.match(mergeReason(stored, probe({ date: null })) ?? "", /undated/);
  assert.equal(mergeReason(stored, probe({ date: null, actors: [{ country: "EGY", name: null }, { country: "SAU", name: "Faisal bin Farhan" }] })), null);
  assert.equal(mergeReason(stored, probe({ date: null, actors: [{ country: "EGY", name: "Badr Abdelatty" }, { country: "SAU", name: "Faisal bin Farhan" }] })), null);
  // Dated reports still need dates within a day.
  assert.equal(mergeReason(stored, probe({ date: "2026-01-09" })), null);
  assert.ok(mergeReason(stored, probe({ date: "2026-01-06" })));
});
